"""GML 3.1.1 / 3.2 surface geometry of one CityGML feature: rings, polygons and xlink references."""

from __future__ import annotations

import math

import numpy as np
from lxml import etree

from importers.citygml.model import ParseProblem, Polygon, Ring
from importers.citygml.ns import GML, GML32, XLINK_HREF, gml_any, gml_id, split_tag

_POLYGONS = frozenset().union(*(gml_any(n) for n in ("Polygon", "PolygonPatch", "Triangle", "Rectangle")))
_EXTERIOR = gml_any("exterior") | gml_any("outerBoundaryIs")
_INTERIOR = gml_any("interior") | gml_any("innerBoundaryIs")
_SOLID = gml_any("Solid")
_SOLID_EXTERIOR = gml_any("exterior")
_ORIENTABLE = gml_any("OrientableSurface")
_LINEAR_RING = gml_any("LinearRing")
_POS_LIST = gml_any("posList")
_POS = gml_any("pos")
_COORDINATES = gml_any("coordinates")
_POINT_PROPS = gml_any("pointProperty") | gml_any("pointRep")

#: |normal z| above this is a roof (up) or ground (down) face
FLAT_NORMAL_Z = 0.7


class GeometryError(ValueError):
    """A ring or polygon that cannot be used; ``line`` points at the offending element."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


class GeometryReader:
    """Reads the polygons below geometry properties of one feature (Building or BuildingPart).

    ``xlink:href="#id"`` is resolved within the feature; every polygon element is returned at
    most once, so a solid that references the semantic surfaces adds nothing twice. Unusable
    polygons are skipped and recorded in ``problems``.
    """

    def __init__(
        self, feature: etree._Element, feature_id: str, default_dim: int, problems: list[ParseProblem]
    ) -> None:
        self._feature = feature
        self._feature_id = feature_id
        self._default_dim = default_dim
        self._problems = problems
        self._index: dict[str, etree._Element] | None = None
        self._seen: set[etree._Element] = set()
        self._resolving: set[etree._Element] = set()

    def polygons(self, prop: etree._Element) -> list[tuple[Polygon, str | None]]:
        """(polygon, polygon gml:id) for every usable polygon below ``prop``."""
        out: list[tuple[Polygon, str | None]] = []
        self._collect(prop, out, reverse=False)
        return out

    def _problem(self, line: int | None, message: str) -> None:
        self._problems.append(ParseProblem(line, self._feature_id, message))

    def _collect(self, elem: etree._Element, out: list[tuple[Polygon, str | None]], reverse: bool) -> None:
        href = elem.get(XLINK_HREF)
        if href is not None:
            target = self._resolve(href, elem.sourceline)
            if target is not None and target not in self._resolving:
                self._resolving.add(target)
                self._collect(target, out, reverse)
                self._resolving.discard(target)
            return
        tag = elem.tag
        if tag in _POLYGONS:
            if elem not in self._seen:
                self._seen.add(elem)
                poly = self._polygon(elem)
                if poly is not None:
                    out.append(([r[::-1].copy() for r in poly] if reverse else poly, gml_id(elem)))
            return
        if tag in _ORIENTABLE and elem.get("orientation") == "-":
            reverse = not reverse
        for child in elem.iterchildren(tag=etree.Element):
            if tag in _SOLID and child.tag not in _SOLID_EXTERIOR:
                continue  # inner shells (cavities) are not part of the outer hull
            self._collect(child, out, reverse)

    def _resolve(self, href: str, line: int | None) -> etree._Element | None:
        if not href.startswith("#"):
            self._problem(line, f"Externer Geometrie-Verweis '{href}' wird nicht unterstützt; übersprungen")
            return None
        if self._index is None:
            self._index = {gml_id(e): e for e in self._feature.xpath(".//*[@gml:id or @g32:id]",
                                                                      namespaces={"gml": GML, "g32": GML32})}
        target = self._index.get(href[1:])
        if target is None:
            self._problem(line, f"Geometrie-Verweis '{href}' zeigt auf nichts in diesem Gebäude; übersprungen")
        return target

    def _polygon(self, poly: etree._Element) -> Polygon | None:
        pid = gml_id(poly)
        label = f"Polygon '{pid}'" if pid else "Polygon"
        exterior: Ring | None = None
        interiors: list[Ring] = []
        try:
            for child in poly.iterchildren(tag=etree.Element):
                if child.tag in _EXTERIOR:
                    exterior = self._ring_of(child)
                elif child.tag in _INTERIOR:
                    try:
                        interiors.append(self._ring_of(child))
                    except GeometryError as exc:
                        self._problem(exc.line, f"Innenring von {label} übersprungen: {exc}")
            if exterior is None:
                raise GeometryError("kein Außenring", poly.sourceline)
        except GeometryError as exc:
            self._problem(exc.line, f"{label} übersprungen: {exc}")
            return None
        return [exterior, *interiors]

    def _ring_of(self, boundary: etree._Element) -> Ring:
        ring = next(boundary.iterchildren(tag=etree.Element), None)
        if ring is None:
            raise GeometryError("Polygonrand ohne Ring", boundary.sourceline)
        if ring.tag not in _LINEAR_RING:
            raise GeometryError(f"Ringtyp '{split_tag(ring.tag)[1]}' wird nicht unterstützt", ring.sourceline)
        coords, line = self._coordinates(ring)
        return clean_ring(coords, line)

    def _coordinates(self, ring: etree._Element) -> tuple[np.ndarray, int | None]:
        """Points of a LinearRing (posList, pos or coordinates) and the line they are on."""
        points: list[np.ndarray] = []
        for child in ring.iterchildren(tag=etree.Element):
            line = child.sourceline
            if child.tag in _POS_LIST:
                return _reshape(_numbers(child.text, line), self._dim(child), line), line
            if child.tag in _COORDINATES:
                return _coordinates_text(child), line
            pos = next(child.iter(*_POS), None) if child.tag in _POINT_PROPS else child
            if pos is not None and pos.tag in _POS:
                points.append(_numbers(pos.text, pos.sourceline))
        if not points:
            raise GeometryError("Ring ohne Koordinaten", ring.sourceline)
        dims = {len(p) for p in points}
        if len(dims) > 1:
            raise GeometryError("gml:pos mit unterschiedlicher Dimension", ring.sourceline)
        return _reshape(np.concatenate(points), dims.pop(), ring.sourceline), ring.sourceline

    def _dim(self, elem: etree._Element) -> int:
        """srsDimension of ``elem`` or its nearest ancestor, else the file default."""
        for e in (elem, *elem.iterancestors()):
            value = e.get("srsDimension")
            if value is not None:
                try:
                    return int(value)
                except ValueError:
                    raise GeometryError(f"ungültige srsDimension '{value}'", e.sourceline) from None
        return self._default_dim


def _numbers(text: str | None, line: int | None) -> np.ndarray:
    parts = (text or "").split()
    try:
        values = np.array(parts, dtype=np.float64)
    except ValueError:
        bad = next(p for p in parts if not _is_float(p))
        raise GeometryError(f"nicht-numerische Koordinate '{bad[:30]}'", line) from None
    if not np.isfinite(values).all():
        raise GeometryError("Koordinate ist keine endliche Zahl", line)
    return values


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _reshape(values: np.ndarray, dim: int, line: int | None) -> np.ndarray:
    if dim not in (2, 3):
        raise GeometryError(f"srsDimension {dim} wird nicht unterstützt (nur 2 oder 3)", line)
    if values.size % dim:
        raise GeometryError(f"Anzahl der Koordinaten ({values.size}) ist kein Vielfaches der Dimension {dim}", line)
    pts = values.reshape(-1, dim)
    if dim == 2:
        pts = np.column_stack([pts, np.zeros(len(pts))])
    return pts


def _coordinates_text(elem: etree._Element) -> np.ndarray:
    """GML 2 style ``x,y,z x,y,z`` with the cs/ts/decimal attributes."""
    cs, ts, dec = elem.get("cs", ","), elem.get("ts", " "), elem.get("decimal", ".")
    text = (elem.text or "").strip()
    tuples = text.split() if ts.isspace() else [t.strip() for t in text.split(ts) if t.strip()]
    rows = [t.split(cs) for t in tuples]
    dims = {len(r) for r in rows}
    if len(dims) > 1:
        raise GeometryError("gml:coordinates mit unterschiedlicher Dimension", elem.sourceline)
    values = _numbers(" ".join(v.strip().replace(dec, ".") for r in rows for v in r), elem.sourceline)
    return _reshape(values, dims.pop() if dims else 3, elem.sourceline)


def clean_ring(pts: np.ndarray, line: int | None) -> Ring:
    """Drop repeated consecutive points and the closing point; require 3 distinct points.

    Rings have a handful of points, so plain lists beat numpy's per-call overhead here by far.
    """
    rows = pts.tolist()
    out = rows[:1]
    for r in rows[1:]:
        if r != out[-1]:
            out.append(r)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3 or len(set(map(tuple, out))) < 3:
        raise GeometryError("weniger als 3 verschiedene Punkte", line)
    return np.array(out, dtype=np.float64)


def newell(coords: list[list[float]]) -> tuple[float, float, float]:
    """Newell's vector of a ring given as [x, y, z] rows (open or closed): twice the area, along the normal."""
    if not coords:
        return 0.0, 0.0, 0.0
    x0, y0, z0 = coords[0]  # relative to the first point: no cancellation at UTM magnitudes
    rel = [(x - x0, y - y0, z - z0) for x, y, z in coords]
    nx = ny = nz = 0.0
    for (x1, y1, z1), (x2, y2, z2) in zip(rel, rel[1:] + rel[:1]):
        nx += (y1 - y2) * (z1 + z2)
        ny += (z1 - z2) * (x1 + x2)
        nz += (x1 - x2) * (y1 + y2)
    return nx, ny, nz


def face_normal(ring: Ring) -> np.ndarray:
    """Unit normal of a ring (right-hand rule, Newell's method); zeros if it has no area."""
    n = np.array(newell(ring.tolist()))
    length = math.sqrt(float(n @ n))
    return n / length if length > 0 else n


def kind_from_normal(ring: Ring) -> str:
    """RoofSurface / GroundSurface / WallSurface from the direction of the face normal."""
    z = face_normal(ring)[2]
    if z > FLAT_NORMAL_Z:
        return "RoofSurface"
    if z < -FLAT_NORMAL_Z:
        return "GroundSurface"
    return "WallSurface"
