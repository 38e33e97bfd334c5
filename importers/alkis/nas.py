"""Streaming NAS reader (ALKIS, AAA model, GID 6.0 / 7.x): plain records, file coordinates, no database.

The file is read with ``lxml.etree.iterparse`` (gzip detected by its magic bytes): each AAA
object (an element of an ``adv-online.de/namespaces/adv/gid`` namespace with a ``gml:id``)
is turned into a small record as soon as its end tag is read and then cleared, so memory
stays proportional to the number of parcels/buildings, not to the file size. Works for
``AX_Bestandsdatenauszug`` (``gml:featureMember``), NBA/Benutzungsauftrag (``wfs:Insert``,
``wfsext:Replace`` …) and WFS 2.0 responses (``wfs:member``).

Read: AX_Flurstueck, AX_Gebaeude, AX_LagebezeichnungOhneHausnummer/MitHausnummer/MitPseudonummer,
AX_LagebezeichnungKatalogeintrag, AX_Gemarkung and – personal data – AX_Person, AX_Anschrift,
AX_Buchungsblatt, AX_Buchungsstelle, AX_Namensnummer. Everything else is counted and skipped.
"""

from __future__ import annotations

import gzip
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from importers.alkis.geometry import MAX_SAGITTA, GeometryError, PolygonRings, surface_rings
from twin.errors import Cancelled, FormatError, TwinIOError

GML = "http://www.opengis.net/gml/3.2"
XLINK = "http://www.w3.org/1999/xlink"
ADV_NS_MARK = "adv-online.de/namespaces/adv/gid"
GML_ID = f"{{{GML}}}id"
HREF = f"{{{XLINK}}}href"

LAGE_TYPES = ("AX_LagebezeichnungOhneHausnummer", "AX_LagebezeichnungMitHausnummer",
              "AX_LagebezeichnungMitPseudonummer")
HANDLED = {"AX_Flurstueck", "AX_Gebaeude", *LAGE_TYPES, "AX_LagebezeichnungKatalogeintrag", "AX_Gemarkung",
           "AX_Person", "AX_Anschrift", "AX_Buchungsblatt", "AX_Buchungsstelle", "AX_Namensnummer"}


@dataclass
class NASObject:
    """One AAA object: type, gml:id, line, scalar attributes, references (xlink ids), geometry."""

    kind: str
    gml_id: str
    line: int | None
    attrs: dict[str, Any] = field(default_factory=dict)
    refs: dict[str, list[str]] = field(default_factory=dict)
    polygons: list[PolygonRings] | None = None
    srs: str | None = None
    geometry_error: str | None = None
    #: the geometry was invalid and repaired with make_valid (set by the importer)
    repaired: bool = False


@dataclass
class NASFile:
    """Everything read from one NAS file (file coordinates)."""

    srs_name: str | None = None
    parcels: list[NASObject] = field(default_factory=list)
    buildings: list[NASObject] = field(default_factory=list)
    lage: dict[str, NASObject] = field(default_factory=dict)
    catalogue: dict[tuple, str] = field(default_factory=dict)
    gemarkungen: dict[tuple, str] = field(default_factory=dict)
    persons: list[NASObject] = field(default_factory=list)
    addresses: dict[str, NASObject] = field(default_factory=dict)
    blaetter: list[NASObject] = field(default_factory=list)
    stellen: list[NASObject] = field(default_factory=list)
    namensnummern: list[NASObject] = field(default_factory=list)
    #: number of objects per AAA type in the file (also the skipped ones)
    object_counts: Counter = field(default_factory=Counter)
    is_nas: bool = False


def is_gzip(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == b"\x1f\x8b"


def read_head(path: Path, n: int = 4096) -> bytes:
    """The first n bytes of the (decompressed) file."""
    try:
        if is_gzip(path):
            with gzip.open(path, "rb") as f:
                return f.read(n)
        with open(path, "rb") as f:
            return f.read(n)
    except (OSError, EOFError, zlib.error):
        return b""


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: etree._Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    t = el.text.strip()
    return t or None


def _child(el: etree._Element, *names: str) -> etree._Element | None:
    """The first descendant along a path of local names (any namespace)."""
    node = el
    for name in names:
        node = next((c for c in node if _local(c.tag) == name), None)
        if node is None:
            return None
    return node


def _ctext(el: etree._Element, *names: str) -> str | None:
    return _text(_child(el, *names))


def _href_id(href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith("#"):
        return href[1:]
    if href.startswith("urn:adv:oid:"):
        return href[len("urn:adv:oid:"):]
    return href.rsplit("#", 1)[-1]


def _refs(el: etree._Element, names: tuple[str, ...], data: NASFile, handle: Callable) -> dict[str, list[str]]:
    """xlink references (or inline objects, which are handled on the spot) of the given properties."""
    out: dict[str, list[str]] = {}
    for c in el:
        name = _local(c.tag)
        if name not in names:
            continue
        rid = _href_id(c.get(HREF))
        if rid is None:
            inline = next((k for k in c if isinstance(k.tag, str) and k.get(GML_ID)), None)
            if inline is not None:
                handle(inline)
                rid = inline.get(GML_ID)
        if rid:
            out.setdefault(name, []).append(rid)
    return out


def _geometry(obj: NASObject, el: etree._Element, max_sagitta: float) -> None:
    pos = _child(el, "position")
    if pos is None:
        obj.geometry_error = "ohne Geometrie (position fehlt)"
        return
    geom = next((k for k in pos if isinstance(k.tag, str)), None)
    if geom is None:
        obj.geometry_error = "leere Geometrie (xlink-Verweise auf Geometrien werden nicht aufgelöst)"
        return
    node = geom if geom.get("srsName") else next(iter(geom.iterfind(".//*[@srsName]")), None)
    obj.srs = node.get("srsName") if node is not None else None
    try:
        obj.polygons = surface_rings(geom, max_sagitta)
    except GeometryError as exc:
        obj.geometry_error = str(exc)


def _anteil(el: etree._Element) -> str | None:
    a = _child(el, "anteil", "AX_Anteil")
    if a is None:
        return None
    z, n = _ctext(a, "zaehler"), _ctext(a, "nenner")
    if z is None:
        return None
    fmt = (lambda v: v[:-2] if v.endswith(".0") else v)
    return f"{fmt(z)}/{fmt(n)}" if n else fmt(z)


class _Reader:
    def __init__(self, data: NASFile, max_sagitta: float) -> None:
        self.data = data
        self.max_sagitta = max_sagitta

    def handle(self, el: etree._Element) -> None:
        kind = _local(el.tag)
        gid = el.get(GML_ID)
        d = self.data
        d.object_counts[kind] += 1
        if kind not in HANDLED:
            return
        obj = NASObject(kind, gid, el.sourceline)
        a = obj.attrs
        h = self.handle
        if kind == "AX_Flurstueck":
            gem = _child(el, "gemarkung", "AX_Gemarkung_Schluessel")
            a["land"] = _ctext(gem, "land") if gem is not None else None
            a["gemarkung"] = _ctext(gem, "gemarkungsnummer") if gem is not None else None
            if a["land"] is None:
                a["land"] = _ctext(el, "land")
            num = _child(el, "flurstuecksnummer", "AX_Flurstuecksnummer")
            a["zaehler_text"] = _ctext(num, "zaehler") if num is not None else _ctext(el, "zaehler")
            a["nenner"] = _ctext(num, "nenner") if num is not None else _ctext(el, "nenner")
            a["flurnummer_text"] = _ctext(el, "flurnummer")
            a["flurstueckskennzeichen"] = _ctext(el, "flurstueckskennzeichen")
            a["amtliche_flaeche_text"] = _ctext(el, "amtlicheFlaeche")
            obj.refs = _refs(el, ("weistAuf", "zeigtAuf", "istGebucht"), d, h)
            _geometry(obj, el, self.max_sagitta)
            d.parcels.append(obj)
        elif kind == "AX_Gebaeude":
            a["gebaeudefunktion"] = _ctext(el, "gebaeudefunktion")
            a["name"] = _ctext(el, "name")
            a["geschosse_text"] = _ctext(el, "anzahlDerOberirdischenGeschosse")
            obj.refs = _refs(el, ("zeigtAuf", "hat"), d, h)
            _geometry(obj, el, self.max_sagitta)
            d.buildings.append(obj)
        elif kind in LAGE_TYPES:
            lb = _child(el, "lagebezeichnung", "AX_Lagebezeichnung")
            if lb is not None:
                a["unverschluesselt"] = _ctext(lb, "unverschluesselt")
                v = _child(lb, "verschluesselt", "AX_VerschluesselteLagebezeichnung")
                if v is not None:
                    a["schluessel"] = tuple(_ctext(v, n) or "" for n in
                                            ("land", "regierungsbezirk", "kreis", "gemeinde", "lage"))
            a["hausnummer"] = _ctext(el, "hausnummer")
            a["pseudonummer"] = _ctext(el, "pseudonummer")
            a["laufendeNummer"] = _ctext(el, "laufendeNummer")
            d.lage[gid] = obj
        elif kind == "AX_LagebezeichnungKatalogeintrag":
            s = _child(el, "schluessel", "AX_VerschluesselteLagebezeichnung")
            name = _ctext(el, "bezeichnung")
            if s is not None and name:
                key = tuple(_ctext(s, n) or "" for n in ("land", "regierungsbezirk", "kreis", "gemeinde", "lage"))
                d.catalogue[key] = name
        elif kind == "AX_Gemarkung":
            s = _child(el, "schluessel", "AX_Gemarkung_Schluessel")
            name = _ctext(el, "bezeichnung")
            if s is not None and name:
                d.gemarkungen[(_ctext(s, "land"), _ctext(s, "gemarkungsnummer"))] = name
        elif kind == "AX_Person":
            for n in ("nachnameOderFirma", "vorname", "geburtsname", "geburtsdatum", "namensbestandteil",
                      "akademischerGrad"):
                a[n] = _ctext(el, n)
            obj.refs = _refs(el, ("hat",), d, h)
            d.persons.append(obj)
        elif kind == "AX_Anschrift":
            for n in ("strasse", "hausnummer", "postleitzahlPostzustellung", "ort_Post", "ortsteil",
                      "bestimmungsland"):
                a[n] = _ctext(el, n)
            d.addresses[gid] = obj
        elif kind == "AX_Buchungsblatt":
            a["buchungsblattkennzeichen"] = _ctext(el, "buchungsblattkennzeichen")
            a["nummer"] = _ctext(el, "buchungsblattnummerMitBuchstabenerweiterung")
            a["blattart"] = _ctext(el, "blattart")
            d.blaetter.append(obj)
        elif kind == "AX_Buchungsstelle":
            a["laufendeNummer"] = _ctext(el, "laufendeNummer")
            a["buchungsart"] = _ctext(el, "buchungsart")
            a["anteil"] = _anteil(el)
            obj.refs = _refs(el, ("istBestandteilVon", "an", "zu"), d, h)
            d.stellen.append(obj)
        elif kind == "AX_Namensnummer":
            a["laufendeNummer"] = _ctext(el, "laufendeNummerNachDIN1421")
            a["anteil"] = _anteil(el)
            obj.refs = _refs(el, ("benennt", "istBestandteilVon"), d, h)
            d.namensnummern.append(obj)


def _is_object(el: etree._Element) -> bool:
    """An AAA object: AX_/AP_/AA_… element of the AdV namespace with a gml:id (not wfs:FeatureCollection)."""
    tag = el.tag
    if not isinstance(tag, str) or ADV_NS_MARK not in tag or el.get(GML_ID) is None:
        return False
    local = tag.rsplit("}", 1)[-1]
    return len(local) > 3 and local[0] == "A" and local[2] == "_"


def _inside_object(el: etree._Element) -> bool:
    node = el.getparent()
    while node is not None:
        if _is_object(node):
            return True
        node = node.getparent()
    return False


def parse_nas(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None, max_sagitta: float = MAX_SAGITTA) -> NASFile:
    """Read a NAS file (plain or gzip) into a :class:`NASFile`.

    Raises :class:`FormatError` (with line and column) for XML that is not well-formed or not
    gzip-readable, and for files that are not NAS; :class:`Cancelled` if ``cancel()`` turns true.
    """
    path = Path(path)
    data = NASFile()
    reader = _Reader(data, max_sagitta)
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise TwinIOError(f"Die Datei kann nicht gelesen werden: {exc.strerror}", path=path) from exc
    size = max(path.stat().st_size, 1)
    with raw:
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if is_gzip(path) else raw
        n = 0
        try:
            ctx = etree.iterparse(stream, events=("end",), huge_tree=True, remove_comments=True,
                                  resolve_entities=False, no_network=True)
            for _event, el in ctx:
                tag = el.tag
                if not isinstance(tag, str):
                    continue
                if ADV_NS_MARK in tag:
                    data.is_nas = True
                    if _is_object(el):
                        if _inside_object(el):
                            continue  # inline object: handled together with its parent
                        reader.handle(el)
                        _release(el)
                        n += 1
                        if n % 500 == 0:
                            if cancel is not None and cancel():
                                raise Cancelled(path=path)
                            if progress is not None:
                                progress(raw.tell(), size)
                elif data.srs_name is None and tag == f"{{{GML}}}Envelope" and el.get("srsName"):
                    data.srs_name = el.get("srsName")
        except etree.XMLSyntaxError as exc:
            line, col = exc.position if exc.position else (exc.lineno, None)
            msg = exc.msg or str(exc)
            raise FormatError(f"Kein wohlgeformtes XML: {msg} (Zeile {line}, Spalte {col})",
                              path=path, line=line) from None
        except (OSError, EOFError, zlib.error) as exc:
            raise FormatError(f"Die gzip-Datei ist beschädigt oder unvollständig ({exc}).", path=path) from None
    if not data.is_nas:
        raise FormatError("Keine NAS-Datei (kein Element aus dem AdV-Namensraum "
                          "http://www.adv-online.de/namespaces/adv/gid/…).", path=path)
    if data.srs_name is None:
        data.srs_name = next((o.srs for o in (*data.parcels, *data.buildings) if o.srs), None)
    if progress is not None:
        progress(size, size)
    return data


def _release(el: etree._Element) -> None:
    """Free a handled object and everything before it (streaming)."""
    el.clear(keep_tail=True)
    node = el
    while node.getparent() is not None:
        parent = node.getparent()
        while node.getprevious() is not None:
            del parent[0]
        node = parent
