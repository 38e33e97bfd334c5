"""NAS reader (ALKIS, AAA model, GID 6.0 / 7.x): plain records, file coordinates, no database.

:mod:`importers.alkis.scan` validates the whole file (gzip detected by its magic bytes) and cuts
out the objects read here, each parsed alone with lxml; memory stays proportional to the number
of objects read, not to the file size. Works for ``AX_Bestandsdatenauszug``
(``gml:featureMember``), NBA/Benutzungsauftrag (``wfs:Transaction`` with ``wfs:Insert``,
``wfsext:Replace``, ``wfs:Delete``, ``wfs:Update``) and WFS 2.0 responses (``wfs:member``).

Read: AX_Flurstueck, AX_Gebaeude, AX_LagebezeichnungOhneHausnummer/MitHausnummer/MitPseudonummer,
AX_LagebezeichnungKatalogeintrag, AX_Gemarkung, the objects of the Tatsächliche Nutzung
(:data:`importers.alkis.nutzung.NUTZUNGSARTEN`, geometry and code attributes only) and – personal
data – AX_Person, AX_Anschrift, AX_Buchungsblatt, AX_Buchungsstelle, AX_Namensnummer. Everything
else is counted and skipped unread. Transaction operations are collected as :class:`Change`.
Object ids are normalised to the 16-character AAA Objektkennung (an NBA's ``gml:id`` may carry
the version's timestamp, ``DEHHALKAn0007rf520160102T104020Z``).
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from importers.alkis.geometry import MAX_SAGITTA, GeometryError, PolygonRings, surface_rings
from importers.alkis.nutzung import ATTRIBUTES as NUTZUNG_ATTRIBUTES
from importers.alkis.nutzung import NUTZUNGSARTEN
from importers.alkis.scan import Fragment, ScanError, ScanState, scan
from twin.errors import Cancelled, FormatError, TwinIOError

GML = "http://www.opengis.net/gml/3.2"
XLINK = "http://www.w3.org/1999/xlink"
ADV_NS_MARK = "adv-online.de/namespaces/adv/gid"
GML_ID = f"{{{GML}}}id"
HREF = f"{{{XLINK}}}href"

LAGE_TYPES = ("AX_LagebezeichnungOhneHausnummer", "AX_LagebezeichnungMitHausnummer",
              "AX_LagebezeichnungMitPseudonummer")
HANDLED = {"AX_Flurstueck", "AX_Gebaeude", *LAGE_TYPES, "AX_LagebezeichnungKatalogeintrag", "AX_Gemarkung",
           "AX_Person", "AX_Anschrift", "AX_Buchungsblatt", "AX_Buchungsstelle", "AX_Namensnummer",
           *NUTZUNGSARTEN}
_VERSIONED_ID = re.compile(r"^([A-Za-z0-9_]{16})\d{8}T\d{6}Z$")


def object_id(gml_id: str | None) -> str | None:
    """The 16-character AAA Objektkennung of a gml:id / feature id (timestamp suffix removed)."""
    if gml_id is None:
        return None
    gml_id = gml_id.strip()
    m = _VERSIONED_ID.match(gml_id)
    return m.group(1) if m else gml_id


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
class Change:
    """One NBA transaction operation on an object (``op``: Delete, Replace or Update)."""

    op: str
    type_name: str | None
    #: Objektkennung of the object deleted, replaced or ended
    object_id: str
    line: int
    #: Replace: gml:id of the new version
    new_id: str | None = None
    #: Update: it sets ``endet`` (the object ended = delete in the twin)
    ends: bool = False


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
    #: objects of the Tatsächliche Nutzung (geometry, funktion/vegetationsmerkmal)
    nutzung: list[NASObject] = field(default_factory=list)
    #: NBA operations (wfs:Delete, wfsext:Replace, wfs:Update) in file order
    changes: list[Change] = field(default_factory=list)
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
        return object_id(href[len("urn:adv:oid:"):])
    return object_id(href.rsplit("#", 1)[-1])


def _anteil(el: etree._Element) -> str | None:
    a = _child(el, "anteil", "AX_Anteil")
    if a is None:
        return None
    z, n = _ctext(a, "zaehler"), _ctext(a, "nenner")
    if z is None:
        return None
    fmt = (lambda v: v[:-2] if v.endswith(".0") else v)
    return f"{fmt(z)}/{fmt(n)}" if n else fmt(z)


def _key(el: etree._Element) -> tuple[str, ...]:
    return tuple(_ctext(el, n) or "" for n in ("land", "regierungsbezirk", "kreis", "gemeinde", "lage"))


class _Reader:
    """Turns parsed object elements into :class:`NASObject` records of a :class:`NASFile`."""

    def __init__(self, data: NASFile, max_sagitta: float) -> None:
        self.data = data
        self.max_sagitta = max_sagitta
        self.base = 1  # file line of the current fragment

    def line(self, el: etree._Element) -> int | None:
        return self.base + el.sourceline - 1 if el.sourceline else self.base

    def fragment(self, frag: Fragment) -> None:
        self.base = frag.line
        el = frag.element
        if frag.name in ("Delete", "Replace", "Update"):
            self.operation(frag.name, el)
            return
        if ADV_NS_MARK in el.tag:
            self.data.is_nas = True
            self.handle(el, counted=True)  # the scanner counted it

    def operation(self, op: str, el: etree._Element) -> None:
        """wfs:Delete / wfsext:Replace / wfs:Update: collect the ids (and read a replacing object)."""
        d = self.data
        type_name = el.get("typeName") or el.get("typeNames")
        new_ids = []
        for c in el:
            if isinstance(c.tag, str) and c.get(GML_ID) and ADV_NS_MARK in c.tag:
                d.is_nas = True
                d.object_counts[_local(c.tag)] += 1
                type_name = _local(c.tag)
                new_ids.append(object_id(c.get(GML_ID)))
                self.handle(c, counted=True)
        ends = op == "Update" and any(
            (_text(n) or "").endswith("endet") for n in el.iter() if _local(n.tag) in ("Name", "ValueReference"))
        for n in el.iter():
            name = _local(n.tag)
            fid = n.get("fid") if name == "FeatureId" else n.get("rid") if name == "ResourceId" else None
            if fid:
                d.changes.append(Change(op, type_name.rsplit(":", 1)[-1] if type_name else None, object_id(fid),
                                        self.line(n), new_ids[0] if new_ids else None, ends))

    def _refs(self, el: etree._Element, names: tuple[str, ...]) -> dict[str, list[str]]:
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
                    self.handle(inline)
                    rid = object_id(inline.get(GML_ID))
            if rid:
                out.setdefault(name, []).append(rid)
        return out

    def _geometry(self, obj: NASObject, el: etree._Element) -> None:
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
            obj.polygons = surface_rings(geom, self.max_sagitta)
        except GeometryError as exc:
            obj.geometry_error = str(exc)

    def handle(self, el: etree._Element, counted: bool = False) -> None:
        kind = _local(el.tag)
        gid = object_id(el.get(GML_ID))
        d = self.data
        if not counted:
            d.object_counts[kind] += 1
        if kind not in HANDLED:
            return
        obj = NASObject(kind, gid, self.line(el))
        a = obj.attrs
        if kind in NUTZUNGSARTEN:
            for n in NUTZUNG_ATTRIBUTES:
                a[n] = _ctext(el, n)
            self._geometry(obj, el)
            d.nutzung.append(obj)
        elif kind == "AX_Flurstueck":
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
            obj.refs = self._refs(el, ("weistAuf", "zeigtAuf", "istGebucht"))
            self._geometry(obj, el)
            d.parcels.append(obj)
        elif kind == "AX_Gebaeude":
            a["gebaeudefunktion"] = _ctext(el, "gebaeudefunktion")
            a["name"] = _ctext(el, "name")
            a["geschosse_text"] = _ctext(el, "anzahlDerOberirdischenGeschosse")
            obj.refs = self._refs(el, ("zeigtAuf", "hat"))
            self._geometry(obj, el)
            d.buildings.append(obj)
        elif kind in LAGE_TYPES:
            lb = _child(el, "lagebezeichnung", "AX_Lagebezeichnung")
            if lb is not None:
                a["unverschluesselt"] = _ctext(lb, "unverschluesselt")
                v = _child(lb, "verschluesselt", "AX_VerschluesselteLagebezeichnung")
                if v is not None:
                    a["schluessel"] = _key(v)
            a["hausnummer"] = _ctext(el, "hausnummer")
            a["pseudonummer"] = _ctext(el, "pseudonummer")
            a["laufendeNummer"] = _ctext(el, "laufendeNummer")
            d.lage[gid] = obj
        elif kind == "AX_LagebezeichnungKatalogeintrag":
            s = _child(el, "schluessel", "AX_VerschluesselteLagebezeichnung")
            name = _ctext(el, "bezeichnung")
            if s is not None and name:
                d.catalogue[_key(s)] = name
        elif kind == "AX_Gemarkung":
            s = _child(el, "schluessel", "AX_Gemarkung_Schluessel")
            name = _ctext(el, "bezeichnung")
            if s is not None and name:
                d.gemarkungen[(_ctext(s, "land"), _ctext(s, "gemarkungsnummer"))] = name
        elif kind == "AX_Person":
            for n in ("nachnameOderFirma", "vorname", "geburtsname", "geburtsdatum", "namensbestandteil",
                      "akademischerGrad"):
                a[n] = _ctext(el, n)
            obj.refs = self._refs(el, ("hat",))
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
            obj.refs = self._refs(el, ("istBestandteilVon", "an", "zu"))
            d.stellen.append(obj)
        elif kind == "AX_Namensnummer":
            a["laufendeNummer"] = _ctext(el, "laufendeNummerNachDIN1421")
            a["anteil"] = _anteil(el)
            obj.refs = self._refs(el, ("benennt", "istBestandteilVon"))
            d.namensnummern.append(obj)


def parse_nas(path: str | Path, *, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None, max_sagitta: float = MAX_SAGITTA) -> NASFile:
    """Read a NAS file (plain or gzip) into a :class:`NASFile`.

    Raises :class:`FormatError` (with line and column) for XML that is not well-formed or not
    gzip-readable, and for files that are not NAS; :class:`Cancelled` if ``cancel()`` turns true.
    """
    path = Path(path)
    data = NASFile()
    reader = _Reader(data, max_sagitta)
    state = ScanState(object_counts=data.object_counts)
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise TwinIOError(f"Die Datei kann nicht gelesen werden: {exc.strerror}", path=path) from exc
    size = max(path.stat().st_size, 1)

    def on_block() -> None:
        if cancel is not None and cancel():
            raise Cancelled(path=path)
        if progress is not None:
            progress(raw.tell(), size)

    with raw:
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if is_gzip(path) else raw
        try:
            for frag in scan(stream, frozenset(HANDLED), state, on_block=on_block):
                reader.fragment(frag)
        except ScanError as exc:
            raise FormatError(str(exc), path=path, line=exc.line) from None
        except (OSError, EOFError, zlib.error) as exc:
            raise FormatError(f"Die gzip-Datei ist beschädigt oder unvollständig ({exc}).", path=path) from None
    data.is_nas = data.is_nas or any(ADV_NS_MARK.encode() in uri for uri in state.namespaces.values())
    if not data.is_nas:
        raise FormatError("Keine NAS-Datei (kein Element aus dem AdV-Namensraum "
                          "http://www.adv-online.de/namespaces/adv/gid/…).", path=path)
    data.srs_name = state.envelope_srs or next((o.srs for o in (*data.parcels, *data.buildings) if o.srs), None)
    if progress is not None:
        progress(size, size)
    return data
