"""INSPIRE CadastralParcels GML (cp 3.x/4.x, GML 3.2 or 3.1.1): parcels with geometry as written.

Only parsing happens here: coordinates stay in the file's axis order and CRS; the importer
reprojects. Zoning files (``cp:CadastralZoning``) and other INSPIRE cp features are recognised
and reported, not read as parcels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from lxml import etree

from twin.errors import FormatError

CP_NS_PART = "inspire.ec.europa.eu/schemas/cp/"
_GML_NAMESPACES = ("http://www.opengis.net/gml/3.2", "http://www.opengis.net/gml")

Rings = list[np.ndarray]  # exterior first, then interiors; (n, 2|3) arrays in file axis order


@dataclass
class InspireParcel:
    gml_id: str | None
    line: int | None
    national_ref: str | None = None
    local_id: str | None = None
    namespace: str | None = None
    label: str | None = None
    area_value: float | None = None
    area_text: str | None = None
    srs_name: str | None = None
    polygons: list[Rings] = field(default_factory=list)
    geometry_problem: str | None = None

    @property
    def key(self) -> str | None:
        """The parcel's natural key: nationalCadastralReference, else inspireId localId."""
        return self.national_ref or self.local_id


@dataclass
class InspireFile:
    parcels: list[InspireParcel] = field(default_factory=list)
    zonings: int = 0
    other: dict[str, int] = field(default_factory=dict)
    srs_name: str | None = None


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _ns(el) -> str:
    return etree.QName(el).namespace or "" if isinstance(el.tag, str) else ""


def _is_cp(el) -> bool:
    return CP_NS_PART in _ns(el)


def _child(el, local: str):
    for c in el:
        if _local(c) == local:
            return c
    return None


def _text(el) -> str | None:
    if el is None or el.text is None:
        return None
    t = el.text.strip()
    return t or None


def parse_inspire(path: str | Path, cancel: Callable[[], bool] | None = None) -> InspireFile:
    """Parse an INSPIRE cp GML file; FormatError if it is no well-formed INSPIRE cp document."""
    path = Path(path)
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"Die GML-Datei ist kein gültiges XML: {exc}", path=path) from None
    root = tree.getroot()
    out = InspireFile()
    candidates = [root] if _is_cp(root) else [el for el in root.iter() if _is_cp(el) and _is_feature(el)]
    for el in candidates:
        if cancel is not None and cancel():
            break
        kind = _local(el)
        if kind == "CadastralParcel":
            p = _parcel(el)
            out.parcels.append(p)
            out.srs_name = out.srs_name or p.srs_name
        elif kind == "CadastralZoning":
            out.zonings += 1
        else:
            out.other[kind] = out.other.get(kind, 0) + 1
    if not out.parcels and not out.zonings and not out.other:
        raise FormatError("Die Datei enthält keine INSPIRE-Katasterobjekte (cp:CadastralParcel).", path=path)
    return out


def _is_feature(el) -> bool:
    """A cp feature element (UpperCamelCase) that is not nested inside another cp feature."""
    if not _local(el)[:1].isupper():
        return False
    anc = el.getparent()
    while anc is not None:
        if _is_cp(anc) and _local(anc)[:1].isupper():
            return False
        anc = anc.getparent()
    return True


def _gml_id(el) -> str | None:
    for ns in _GML_NAMESPACES:
        v = el.get(f"{{{ns}}}id")
        if v:
            return v
    return None


def _parcel(el) -> InspireParcel:
    p = InspireParcel(gml_id=_gml_id(el), line=el.sourceline)
    p.national_ref = _text(_child(el, "nationalCadastralReference"))
    p.label = _text(_child(el, "label"))
    ident = _child(el, "inspireId")
    if ident is not None:
        for sub in ident.iter():
            if _local(sub) == "localId":
                p.local_id = _text(sub)
            elif _local(sub) == "namespace":
                p.namespace = _text(sub)
    area = _child(el, "areaValue")
    if area is not None and _text(area):
        p.area_text = _text(area)
        try:
            p.area_value = float(p.area_text.replace(",", "."))
        except ValueError:
            p.area_value = None
    geom = _child(el, "geometry")
    if geom is not None:
        try:
            p.polygons, p.srs_name = _polygons(geom)
        except ValueError as exc:
            p.geometry_problem = str(exc)
    return p


def _polygons(prop) -> tuple[list[Rings], str | None]:
    """All polygons (Polygon or PolygonPatch) below a geometry property, with the first srsName."""
    srs = None
    for el in prop.iter():
        if isinstance(el.tag, str) and el.get("srsName") and srs is None:
            srs = el.get("srsName")
    polys: list[Rings] = []
    for el in prop.iter():
        if _local(el) not in ("Polygon", "PolygonPatch"):
            continue
        dim = _srs_dimension(el)
        rings: Rings = []
        for part in el:
            if _local(part) in ("exterior", "outerBoundaryIs", "interior", "innerBoundaryIs"):
                ring = next((r for r in part if _local(r) == "LinearRing"), None)
                if ring is None:
                    raise ValueError(f"Ring ohne gml:LinearRing ({_local(next(iter(part), part))})")
                coords = _ring_coords(ring, dim)
                if _local(part) in ("exterior", "outerBoundaryIs"):
                    rings.insert(0, coords)
                else:
                    rings.append(coords)
        if rings:
            polys.append(rings)
    return polys, srs


def _srs_dimension(el) -> int:
    while el is not None:
        d = el.get("srsDimension")
        if d:
            return int(d)
        el = el.getparent()
    return 2


def _ring_coords(ring, dim: int) -> np.ndarray:
    pos_list = next((c for c in ring if _local(c) == "posList"), None)
    if pos_list is not None:
        d = int(pos_list.get("srsDimension") or dim)
        vals = _floats(pos_list.text)
    else:
        pts = [c for c in ring if _local(c) in ("pos", "coordinates")]
        if not pts:
            raise ValueError("LinearRing ohne Koordinaten")
        if _local(pts[0]) == "coordinates":  # GML 2 style "x,y x,y"
            tuples = [t.split(",") for t in (pts[0].text or "").split()]
            d = len(tuples[0]) if tuples else 2
            vals = _floats(" ".join(v for t in tuples for v in t))
        else:
            d = int(pts[0].get("srsDimension") or dim)
            vals = _floats(" ".join(p.text or "" for p in pts))
    if d not in (2, 3) or len(vals) % d:
        raise ValueError(f"Koordinatenanzahl {len(vals)} passt nicht zu srsDimension {d}")
    arr = np.asarray(vals, dtype=float).reshape(-1, d)
    if len(arr) < 4:
        raise ValueError(f"Ring mit nur {len(arr)} Punkten")
    return arr


def _floats(text: str | None) -> list[float]:
    try:
        return [float(v) for v in (text or "").split()]
    except ValueError as exc:
        raise ValueError(f"Koordinate nicht lesbar ({exc})") from None
