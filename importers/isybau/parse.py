"""Reading an ISYBAU XML file (2013 or 2017, detected by the default namespace) into plain records.

Only reading and checking happens here: coordinates stay as written in the file (zone-prefixed
Rechtswert included), nothing is reprojected or written. Every record keeps its source line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from importers.isybau.codes import KANTEN_TYP, KNOTEN_TYP, NAMESPACES, PROFILART
from twin.errors import Cancelled, FormatError


@dataclass
class Point:
    x: float
    y: float
    z: float | None
    attr: str | None  # PunktattributAbwasser (DMP Deckelmittelpunkt, SMP Schachtmittelpunkt/Sohle, …)


@dataclass
class Node:
    key: str
    line: int
    attrs: dict
    points: list[Point]
    crs_lage: str | None


@dataclass
class Reach:
    key: str
    line: int
    attrs: dict
    points: list[Point]  # the reach's own polyline (Start, Ende, Ende, …), may be empty
    crs_lage: str | None


@dataclass
class Observation:
    key: str
    line: int
    attrs: dict


@dataclass
class Inspection:
    """One optical inspection of an object: class as in the file and converted, observations."""

    objekt: str
    layer: str  # "sewer_reaches" or "sewer_nodes"
    datum: str | None
    klasse: int | None  # DWA-M 149-3 scale (0 worst … 5 none)
    line: int
    observations: list[Observation] = field(default_factory=list)


@dataclass
class IsybauFile:
    version: str
    namespace: str
    crs_hoehe: str | None = None
    nodes: list[Node] = field(default_factory=list)
    reaches: list[Reach] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)
    problems: list[tuple[str, int | None, str | None]] = field(default_factory=list)

    @property
    def crs_lage(self) -> set[str]:
        return {r.crs_lage for r in (*self.nodes, *self.reaches) if r.crs_lage}


def detect_version(head: bytes) -> str | None:
    """'2013' or '2017' when the head of a file is an ISYBAU XML document, else None."""
    if b"<Identifikation" not in head:
        return None
    for ns, version in NAMESPACES.items():
        if ns.encode() in head:
            return version
    return None


def parse_isybau(path: Path, *, progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> IsybauFile:
    """Parse the whole file; FormatError with the line number if it is not well-formed XML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise FormatError(f"Die ISYBAU-Datei ist kein gültiges XML: {exc.msg}", path=path, line=line) from None
    except OSError as exc:
        raise FormatError(f"Die Datei kann nicht gelesen werden: {exc}", path=path) from None
    ns = etree.QName(root).namespace
    if etree.QName(root).localname != "Identifikation" or ns not in NAMESPACES:
        raise FormatError(f"Keine ISYBAU-XML-Datei (Wurzel {root.tag}; erwartet Identifikation im Namensraum "
                          f"{' oder '.join(NAMESPACES)}).", path=path, line=root.sourceline)
    out = IsybauFile(version=NAMESPACES[ns], namespace=ns)
    r = _Reader(ns, out)
    out.crs_hoehe = r.text(root.find(f".//{r.q('Admindaten')}/{r.q('Geometrie')}"), "CRSHoehe") or \
        next((e.text.strip() for e in root.iter(r.q("CRSHoehe")) if e.text and e.text.strip()), None)
    anlagen = list(root.iter(r.q("AbwassertechnischeAnlage")))
    inspected = list(root.iter(r.q("InspizierteAbwassertechnischeAnlage")))
    total = len(anlagen) + len(inspected)
    for i, el in enumerate(anlagen + inspected):
        if i % 100 == 0:
            if cancel is not None and cancel():
                raise Cancelled(path=path)
            if progress is not None:
                progress(i, total)
        if el.tag == r.q("AbwassertechnischeAnlage"):
            r.anlage(el)
        else:
            r.inspected(el)
    if r.first_repair is not None:
        bad, good, line = r.first_repair
        out.problems.append((f"{r.repaired} Texte sind UTF-8 statt wie deklariert ISO-8859-1 kodiert und wurden "
                             f"korrigiert gelesen (erster: „{bad}“ → „{good}“)", line, None))
    return out


_MOJIBAKE = re.compile("[\u00c2-\u00df][\u0080-\u00bf]")


def repair_utf8(text: str) -> str | None:
    """``text`` with UTF-8 bytes that were read as Latin-1 decoded again ("mÃ¤ngelfrei" -> "mängelfrei").

    Real exports mix both in one file declared ISO-8859-1 (the official 2013 Zustandsdaten example has
    "gemäß" in Latin-1 and "mängelfrei" as UTF-8). None if ``text`` has no such sequence or does not
    decode cleanly, so genuine Latin-1 text stays as it is.
    """
    if not _MOJIBAKE.search(text):
        return None
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


class _Reader:
    def __init__(self, ns: str, out: IsybauFile) -> None:
        self.ns, self.out = ns, out
        self.counter: dict[tuple, int] = {}  # running observation number per object, kind, date and order
        self.repaired = 0  # texts read back from UTF-8 mis-declared as ISO-8859-1
        self.first_repair: tuple[str, str, int] | None = None

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def find(self, el, path: str):
        if el is None:
            return None
        return el.find("/".join(self.q(p) for p in path.split("/")))

    def text(self, el, path: str) -> str | None:
        e = self.find(el, path)
        if e is None or e.text is None:
            return None
        t = e.text.strip()
        fixed = repair_utf8(t) if t else None
        if fixed is not None:
            if not self.repaired:
                self.first_repair = (t, fixed, e.sourceline)
            self.repaired += 1
            return fixed
        return t or None

    def num(self, el, path: str, key: str | None) -> float | None:
        t = self.text(el, path)
        if t is None:
            return None
        try:
            return float(t.replace(",", "."))
        except ValueError:
            e = self.find(el, path)
            self.out.problems.append((f"'{path}' ist keine Zahl ('{t}'); Feld bleibt leer", e.sourceline, key))
            return None

    def int_(self, el, path: str, key: str | None) -> int | None:
        v = self.num(el, path, key)
        return None if v is None else int(round(v))

    # ------------------------------------------------------------- Stammdaten
    def anlage(self, el) -> None:
        key = self.text(el, "Objektbezeichnung")
        if not key:
            self.out.problems.append(("Objektbezeichnung fehlt; nicht importiert", el.sourceline, None))
            return
        objektart = self.text(el, "Objektart")
        common = {
            "entwaesserungsart": self.text(el, "Entwaesserungsart"),
            "status": self.int_(el, "Status", key),
            "baujahr": self.int_(el, "Baujahr", key),
            "strasse": self.text(el, "Lage/Strassenname"),
        }
        geo = self.find(el, "Geometrie")
        crs_lage = self.text(geo, "CRSLage")
        if objektart == "1" or self.find(el, "Kante") is not None:
            self.reach(el, key, common, geo, crs_lage)
        elif objektart == "2" or self.find(el, "Knoten") is not None:
            self.node(el, key, common, geo, crs_lage)
        else:
            self.out.problems.append((f"Objektart '{objektart}' unbekannt; nicht importiert", el.sourceline, key))

    def points(self, parent, key: str) -> list[Point]:
        pts = []
        for p in parent:
            if not isinstance(p.tag, str):
                continue
            x, y = self.num(p, "Rechtswert", key), self.num(p, "Hochwert", key)
            if x is None or y is None:
                continue
            pts.append(Point(x, y, self.num(p, "Punkthoehe", key), self.text(p, "PunktattributAbwasser")))
        return pts

    def node(self, el, key, common, geo, crs_lage) -> None:
        kn = self.find(el, "Knoten")
        typ = self.int_(kn, "KnotenTyp", key)
        pts = self.points(self.find(geo, "Geometriedaten/Knoten"), key) \
            if self.find(geo, "Geometriedaten/Knoten") is not None else []
        by = {p.attr: p for p in pts}
        deckel = by.get("DMP")
        sohle = by.get("SMP")
        attrs = {
            **common,
            "art": KNOTEN_TYP.get(typ, "Knoten"),
            "knotentyp": typ,
            "bauwerkstyp": self.int_(kn, "Bauwerk/Bauwerkstyp", key),
            "deckelhoehe": deckel.z if deckel else None,
            "sohlhoehe": sohle.z if sohle else None,
            "schachttiefe_m": self.num(kn, "Schacht/Schachttiefe", key),
        }
        self.out.nodes.append(Node(key, el.sourceline, attrs, pts, crs_lage))

    def reach(self, el, key, common, geo, crs_lage) -> None:
        ka = self.find(el, "Kante")
        typ = self.int_(ka, "KantenTyp", key)
        profilart = self.int_(ka, "Profil/Profilart", key)
        breite = self.int_(ka, "Profil/Profilbreite", key)
        hoehe = self.int_(ka, "Profil/Profilhoehe", key)
        attrs = {
            **common,
            "art": KANTEN_TYP.get(typ, "Kante"),
            "knoten_zulauf": self.text(ka, "KnotenZulauf"),
            "knoten_ablauf": self.text(ka, "KnotenAblauf"),
            "sohlhoehe_zulauf": self.num(ka, "SohlhoeheZulauf", key),
            "sohlhoehe_ablauf": self.num(ka, "SohlhoeheAblauf", key),
            "laenge_m": self.num(ka, "Laenge", key),
            "dn_mm": breite if breite is not None else hoehe,
            "profilhoehe_mm": hoehe,
            "profilart": PROFILART.get(profilart, None if profilart is None else str(profilart)),
            "material": self.text(ka, "Material"),
        }
        pts: list[Point] = []
        data = self.find(geo, "Geometriedaten")
        if data is not None:
            # 2013: Kanten/Kante; 2017: Polygone/Polygon/Kante – each Kante a Start and an Ende
            for kante in data.iter(self.q("Kante")):
                for part in (self.find(kante, "Start"), self.find(kante, "Ende")):
                    if part is None:
                        continue
                    p = self.points([part], key)
                    if p and not (pts and abs(pts[-1].x - p[0].x) < 1e-6 and abs(pts[-1].y - p[0].y) < 1e-6):
                        pts.append(p[0])
        self.out.reaches.append(Reach(key, el.sourceline, attrs, pts, crs_lage))

    # ------------------------------------------------------------- Zustandsdaten
    def inspected(self, el) -> None:
        key = self.text(el, "Objektbezeichnung")
        if not key:
            self.out.problems.append(("Objektbezeichnung fehlt; Zustandsdaten nicht importiert", el.sourceline, None))
            return
        for oi in el.iter(self.q("OptischeInspektion")):
            datum = self.text(oi, "Inspektionsdatum")
            auftrag = self.text(oi, "Auftragskennung") or ""
            for part in oi:
                name = etree.QName(part).localname if isinstance(part.tag, str) else ""
                if name == "Rohrleitung":
                    layer, tag = "sewer_reaches", "RZustand"
                elif name in ("Knoten", "Bauwerk"):
                    layer, tag = "sewer_nodes", "KZustand"
                else:
                    continue
                bew = self.find(part, "Bewertung")
                klasse, raw = self.klasse(bew, self.text(bew, "KlasseManuell") or self.text(bew, "KlasseAutomatisch"),
                                          key, bew)
                insp = Inspection(key, layer, datum, klasse, part.sourceline)
                for z in part.iter(self.q(tag), self.q("BZustand")):
                    ck = (key, layer, datum, auftrag)
                    n = self.counter[ck] = self.counter.get(ck, 0) + 1
                    insp.observations.append(self.observation(z, key, layer, datum, auftrag, n, klasse, raw, bew))
                self.out.inspections.append(insp)

    def klasse(self, bew, text: str | None, key: str, where) -> tuple[int | None, str | None]:
        """A class as written (with the Bewertungsverfahren) -> the DWA-M 149-3 scale."""
        if text is None:
            return None, None
        verfahren = self.text(bew, "Bewertungsverfahren") if bew is not None else None
        try:
            k = int(text)
        except ValueError:
            self.out.problems.append((f"Zustandsklasse '{text}' ist keine Zahl; bleibt leer", where.sourceline, key))
            return None, None
        raw = f"{verfahren or '?'}:{k}"
        if not 0 <= k <= 5:
            self.out.problems.append((f"Zustandsklasse {k} außerhalb 0–5; bleibt leer", where.sourceline, key))
            return None, raw
        if verfahren == "1":
            # Arbeitshilfen Abwasser (ISYBAU): 0 = kein Schaden, 1 = geringfügig … 5 = schwerster Schaden.
            # Checked on the official sample "…Zustandsdaten_DIN_EN_13508-2_AH_Abwasser_bewertet…": all 119
            # objects of class 0 carry only non-damage codes (DDB/DCA/DCG), the 11 of class 5 carry
            # infiltration and fracture codes (DAQ, DBF, DAR …). DWA-M 149-3 counts the other way round.
            return 5 - k, raw
        return k, raw

    def observation(self, z, key, layer, datum, auftrag, n, klasse, raw_insp, bew) -> Observation:
        cls = None
        kl = self.find(z, "Klassifizierung")
        raw_obs = None
        if kl is not None:
            vals = [c for c in kl if isinstance(c.tag, str) and etree.QName(c).localname.startswith("MaxSK")]
            manual = [c for c in vals if "Manuell" in etree.QName(c).localname]
            pick = (manual or vals)[:1]
            if pick and pick[0].text:
                cls, raw_obs = self.klasse(bew, pick[0].text.strip(), key, z)
        station = self.num(z, "Station", key)
        if station is None:
            station = self.num(z, "VertikaleLage", key)
        obs_key = f"{key}|{'H' if layer == 'sewer_reaches' else 'K'}|{datum or ''}|{auftrag}|{n}"
        return Observation(obs_key, z.sourceline, {
            "objektbezeichnung": key,
            "objekt_layer": layer,
            "inspektionsdatum": datum,
            "auftragskennung": auftrag or None,
            "nr": n,
            "station_m": station,
            "kode": self.text(z, "InspektionsKode"),
            "charakterisierung1": self.text(z, "Charakterisierung1"),
            "charakterisierung2": self.text(z, "Charakterisierung2"),
            "quantifizierung1": self.num(z, "Quantifizierung1Numerisch", key),
            "quantifizierung2": self.num(z, "Quantifizierung2Numerisch", key),
            "position_von": self.text(z, "PositionVon"),
            "position_bis": self.text(z, "PositionBis"),
            "streckenschaden": self.text(z, "Streckenschaden"),
            "kommentar": self.text(z, "Kommentar"),
            "zustandsklasse": cls,
            "klasse_inspektion": klasse,
            "klasse_datei": raw_obs or raw_insp,
        })
