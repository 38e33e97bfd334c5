"""Synthetic sewer network (Kanalkataster) of "Markt Musterdorf" as ISYBAU XML 2017 (no real data).

No municipality publishes its sewer cadastre (critical infrastructure), so the sample network is
generated here, deterministically (fixed seed, fixed dates), in the shape of the official ISYBAU
XML-2017 exchange files (``tests/data/isybau/ISYBAU_XML-2017-Stammdaten.xml``): namespace
``http://www.bfr-abwasser.de``, ISO-8859-1, CRLF, Rechtswert with the zone prefix 32, CRSLage
ETRS89_UTM32, heights in DHHN2016 (CRSHoehe DE_DHHN2016_NH).

The network follows the streets of the synthetic village (``sample_data/generate_musterdorf.py``,
same origin and rotation): a Mischwasser trunk in the Hauptstraße flowing east to the Pumpwerk Ost
(the village is flat: ~517 m, so the water is lifted there), branches in the Bahnhofstraße, the
Marktplatz and the Schulweg, and the newer estate Am Anger in Trennsystem (Schmutzwasser into the
trunk, Regenwasser to a Regenrückhaltebecken). Covers sit on the real DGM1 tile
(``sample_data/real/BY_DGM1_690_5335.tif``); inverts fall downstream with ≥ 0.5 % gradient, 1.5–3.5 m
below the covers; no manhole or pipe lies in a building. A few reaches and one manhole have
optical inspections (Zustandsdaten, DIN EN 13508-2 codes, classes after Arbeitshilfen Abwasser).

    python sample_data/musterdorf/generate_sewer.py            # writes kanal_isybau.xml next to it
    python sample_data/musterdorf/generate_sewer.py --out DIR  # writes DIR/kanal_isybau.xml
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import rasterio
from shapely.geometry import LineString, Point, Polygon

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from generate_musterdorf import footprint, to_world, village  # noqa: E402 - the village's own layout

DGM = HERE.parent / "real" / "BY_DGM1_690_5335.tif"
OUT_NAME = "kanal_isybau.xml"
NS = "http://www.bfr-abwasser.de"
ZONE = 32_000_000.0
TOWN = "Markt Musterdorf"
SEED = 20240611
INSPECTOR = "Kanal-TV Franken GmbH"
MIN_GRADIENT, MIN_DEPTH, MAX_DEPTH = 0.005, 1.5, 3.5
#: every pipe crown stays below this height (the lowest cover of the village is ~517 m)
MAX_CROWN = 516.0

#: strands: key prefix, Entwässerungsart, street, nodes in village coordinates (x along the Hauptstraße,
#: y towards the Rathaus), the node the last reach flows into, cover depth at the head [m], gradient,
#: DN per reach, material, year built
STRANDS = [
    ("10", "KM", "Hauptstraße", [(-195, -2), (-160, -2), (-125, -2), (-100, -2), (-77, -2), (-40, -2), (0, -2),
                                 (35, -2), (80, -2), (115, -2), (150, -2), (185, -2), (220, -2), (250, -2)],
     "PW01", 1.55, 0.005, [300, 300, 300, 300, 400, 400, 400, 500, 500, 500, 600, 600, 600, 600], "B", 1964),
    ("20", "KM", "Bahnhofstraße", [(2, -180), (2, -150), (2, -115), (2, -80), (2, -45)], "1007", 2.6, 0.005,
     [300, 300, 300, 400, 400], "STZ", 1971),
    ("21", "KM", "Bahnhofstraße", [(30, -158)], "2002", 2.3, 0.006, [250], "PVCU", 1993),
    ("30", "KM", "Marktplatz", [(-32, 56), (-32, 28)], "1006", 1.7, 0.006, [300, 300], "STZ", 1968),
    ("40", "KM", "Schulweg", [(-77, 75), (-77, 40)], "1005", 1.65, 0.006, [250, 300], "B", 1975),
    ("50", "KS", "Am Anger", [(-70, 86), (-35, 86), (0, 86), (40, 86), (80, 86), (82, 55), (82, 25)], "1009",
     1.6, 0.005, [250, 250, 250, 250, 250, 250, 250], "PP", 1998),
    ("60", "KR", "Am Anger", [(-70, 91), (-35, 91), (0, 91), (40, 91), (80, 91), (115, 93), (150, 95)], "RRB01",
     1.55, 0.005, [300, 300, 400, 400, 500, 500, 500], "B", 1998),
]
#: Bauwerke at the ends: key, KnotenTyp 2 Bauwerkstyp, name, position, Entwässerungsart, depth below the inflow
STRUCTURES = [("PW01", 1, "Pumpwerk Ost", (275, -4), "KM", 1.6), ("RRB01", 2, "Regenrückhaltebecken Anger",
                                                                    (180, 96), "KR", 1.2)]
#: optical inspections: object key, date, observations (station [m] / depth, code, char. 1, char. 2, quantity 1,
#: clock from, clock to, comment, class after Arbeitshilfen Abwasser: 0 none … 5 worst); the class of the
#: inspection is the worst of its observations
INSPECTIONS = [
    ("1003", "2023-04-18", [(6.2, "BAB", "B", "A", None, "12", None, "Längsriss im Scheitel", 3),
                            (21.4, "BAJ", "B", None, 25.0, None, None, "Verschobene Verbindung", 4)]),
    ("1004", "2023-04-18", [(11.0, "BBB", "A", None, 5.0, "05", "07", "Inkrustation in der Sohle", 2)]),
    ("1006", "2023-04-19", [(17.8, "BCA", "A", "B", 150.0, "10", None, "Anschluss DN 150, Stutzen", 1)]),
    ("1010", "2023-04-19", [(8.5, "BAC", "A", None, None, "11", "01", "Rohrbruch im Scheitel", 5),
                            (9.0, "BBC", "A", None, 20.0, "05", "07", "Ablagerungen hinter dem Bruch", 3)]),
    ("2002", "2022-10-05", [(14.1, "BBA", "B", None, 10.0, "02", None, "Wurzeleinwuchs an der Muffe", 3),
                            (28.7, "BAF", "A", "B", None, "03", "09", "Oberfläche angegriffen", 2)]),
    ("2004", "2022-10-05", []),
    ("3001", "2022-10-06", [(4.3, "BAJ", "A", None, 15.0, None, None, "Spalt an der Verbindung", 2)]),
    ("5003", "2024-03-12", []),
]
MANHOLE_INSPECTIONS = [("1011", "2023-04-19", [(1.2, "DAF", "B", "A", None, "03", None,
                                                "Oberflächenschaden Schachtwand", 3)])]


@dataclass
class Node:
    key: str
    x: float  # EPSG:25832
    y: float
    cover: float
    system: str
    street: str
    year: int
    typ: int = 0  # ISYBAU KnotenTyp: 0 Schacht, 2 Bauwerk
    structure: tuple[int, str] | None = None  # (Bauwerkstyp, name)
    invert: float | None = None
    inflows: list[float] = field(default_factory=list)


@dataclass
class Reach:
    key: str
    upper: str
    lower: str
    dn: int
    material: str
    system: str
    street: str
    year: int
    gradient: float
    z_up: float = 0.0
    z_down: float = 0.0
    length: float = 0.0


def ground(dgm, x: float, y: float) -> float:
    return round(float(next(dgm.sample([(x, y)]))[0]), 2)


def build(dgm) -> tuple[dict[str, Node], list[Reach]]:
    """Nodes on the DGM and reaches with inverts computed from the heads downstream."""
    rng = random.Random(SEED)
    nodes: dict[str, Node] = {}
    reaches: list[Reach] = []
    heads: dict[str, float] = {}
    for prefix, system, street, pts, into, head_depth, gradient, dns, material, year in STRANDS:
        keys = [f"{prefix}{i + 1:02d}" for i in range(len(pts))]
        for key, (lx, ly) in zip(keys, pts):
            x, y = to_world(lx, ly)
            nodes[key] = Node(key, x, y, ground(dgm, x, y), system, street, year + rng.choice((0, 0, 1)))
        heads[keys[0]] = nodes[keys[0]].cover - head_depth
        for i, key in enumerate(keys):
            lower = keys[i + 1] if i + 1 < len(keys) else into
            reaches.append(Reach(key, key, lower, dns[i], material, system, street, nodes[key].year, gradient))
    for key, btyp, name, (lx, ly), system, _ in STRUCTURES:
        x, y = to_world(lx, ly)
        nodes[key] = Node(key, x, y, ground(dgm, x, y), system, "Hauptstraße" if key == "PW01" else "Am Anger",
                          1998 if key == "RRB01" else 1985, typ=2, structure=(btyp, name))
    # downstream order: a node's outflow is known once all its inflows are
    pending = {r.upper: r for r in reaches}
    n_in = {k: sum(r.lower == k for r in reaches) for k in nodes}
    ready = [k for k in nodes if n_in[k] == 0]
    while ready:
        key = ready.pop(0)
        node = nodes[key]
        # a head starts at its design depth; elsewhere 1 cm drop through the manhole, 3 cm at a junction
        drop = 0.03 if len(node.inflows) > 1 else 0.01
        node.invert = round(heads[key] if key in heads else min(node.inflows) - drop, 2)
        r = pending.get(key)
        if r is None:
            continue
        low = nodes[r.lower]
        r.length = round(math.hypot(low.x - node.x, low.y - node.y), 2)
        r.z_up = node.invert
        r.z_down = math.floor((r.z_up - r.gradient * r.length) * 100 + 1e-6) / 100  # rounded down: gradient kept
        low.inflows.append(r.z_down)
        n_in[r.lower] -= 1
        if n_in[r.lower] == 0:
            ready.append(r.lower)
    for key, _btyp, _name, _pos, _system, depth in STRUCTURES:
        nodes[key].invert = round(min(nodes[key].inflows) - depth, 2)
    return nodes, reaches


def check(nodes: dict[str, Node], reaches: list[Reach]) -> None:
    """Fail loudly if the design breaks a rule the module docstring promises."""
    houses = [Polygon(footprint(b)).buffer(1.0) for s in village() for b in (s.body, s.part) if b is not None]
    for n in nodes.values():
        depth = n.cover - n.invert
        if n.typ == 0 and not MIN_DEPTH <= depth <= MAX_DEPTH:
            raise SystemExit(f"Schacht {n.key}: Tiefe {depth:.2f} m außerhalb {MIN_DEPTH}–{MAX_DEPTH} m")
        if any(h.contains(Point(n.x, n.y)) for h in houses):
            raise SystemExit(f"Schacht {n.key} liegt in einem Gebäude")
    for r in reaches:
        up, low = nodes[r.upper], nodes[r.lower]
        if (r.z_up - r.z_down) / r.length < MIN_GRADIENT - 1e-9 or not 250 <= r.dn <= 600:
            raise SystemExit(f"Haltung {r.key}: Gefälle oder DN unzulässig")
        if r.z_down < low.invert or r.z_up + r.dn / 1000 > min(up.cover, low.cover) - 1.2:
            raise SystemExit(f"Haltung {r.key}: Sohle unter dem Schacht oder Überdeckung < 1,2 m")
        if r.z_up + r.dn / 2000 > MAX_CROWN:
            raise SystemExit(f"Haltung {r.key}: Rohrscheitel über {MAX_CROWN} m")
        if any(h.intersects(LineString([(up.x, up.y), (low.x, low.y)])) for h in houses):
            raise SystemExit(f"Haltung {r.key} führt durch ein Gebäude")


# ----------------------------------------------------------------------------- XML
def _e(tag: str, value) -> str:
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<{tag}>{text}</{tag}>"


def _point(x: float, y: float, z: float, attr: str, ind: str) -> list[str]:
    return [f"{ind}<Punkt>", f"{ind}  {_e('Rechtswert', f'{ZONE + x:.3f}')}", f"{ind}  {_e('Hochwert', f'{y:.3f}')}",
            f"{ind}  {_e('Punkthoehe', f'{z:.3f}')}", f"{ind}  {_e('PunktattributAbwasser', attr)}",
            f"{ind}  {_e('Lagegenauigkeitsstufe', 0)}", f"{ind}  {_e('Hoehengenauigkeitsstufe', 1)}", f"{ind}</Punkt>"]


def _node_xml(n: Node) -> list[str]:
    i = " " * 8
    out = [f"{i[:-2]}<AbwassertechnischeAnlage>", i + _e("Objektbezeichnung", n.key), i + _e("Objektart", 2),
           i + _e("Status", 0), i + _e("Baujahr", n.year), i + _e("Entwaesserungsart", n.system)]
    if n.structure:
        out.append(i + _e("Kommentar", n.structure[1]))
    out.append(f"{i}<Knoten>")
    out.append(f"{i}  {_e('KnotenTyp', n.typ)}")
    if n.typ == 0:
        out += [f"{i}  <Schacht>", f"{i}    {_e('SchachtFunktion', 1)}",
                f"{i}    {_e('Schachttiefe', f'{n.cover - n.invert:.2f}')}", f"{i}    {_e('Einstieghilfe', 1)}",
                f"{i}    {_e('AnzahlAnschluesse', len(n.inflows) + 1)}", f"{i}  </Schacht>",
                f"{i}  <Abdeckungen>", f"{i}    <Deckel>", f"{i}      {_e('Index', 1)}",
                f"{i}      {_e('Abdeckungsklasse', 'D')}", f"{i}    </Deckel>", f"{i}  </Abdeckungen>"]
    else:
        out += [f"{i}  <Bauwerk>", f"{i}    {_e('Bauwerkstyp', n.structure[0])}", f"{i}  </Bauwerk>"]
    out += [f"{i}</Knoten>", f"{i}<Lage>", f"{i}  {_e('Strassenname', n.street)}",
            f"{i}  {_e('Ortsteilname', TOWN)}", f"{i}</Lage>", f"{i}<Geometrie>",
            f"{i}  {_e('GeoObjektart', 1)}", f"{i}  {_e('GeoObjekttyp', 'P')}", f"{i}  <Geometriedaten>",
            f"{i}    <Knoten>"]
    top, bottom = ("DMP", "SMP") if n.typ == 0 else ("KOP", "SBD")
    out += _point(n.x, n.y, n.cover, top, i + "      ") + _point(n.x, n.y, n.invert, bottom, i + "      ")
    out += [f"{i}    </Knoten>", f"{i}  </Geometriedaten>", f"{i}  {_e('CRSLage', 'ETRS89_UTM32')}",
            f"{i}</Geometrie>", f"{i[:-2]}</AbwassertechnischeAnlage>"]
    return out


def _reach_xml(r: Reach, nodes: dict[str, Node]) -> list[str]:
    i = " " * 8
    up, low = nodes[r.upper], nodes[r.lower]
    out = [f"{i[:-2]}<AbwassertechnischeAnlage>", i + _e("Objektbezeichnung", r.key), i + _e("Objektart", 1),
           i + _e("Status", 0), i + _e("Baujahr", r.year), i + _e("Entwaesserungsart", r.system), f"{i}<Kante>",
           f"{i}  {_e('KantenTyp', 0)}", f"{i}  {_e('KnotenZulauf', r.upper)}", f"{i}  {_e('KnotenZulaufTyp', 0)}",
           f"{i}  {_e('KnotenAblauf', r.lower)}", f"{i}  {_e('KnotenAblaufTyp', low.typ)}",
           f"{i}  {_e('SohlhoeheZulauf', f'{r.z_up:.3f}')}", f"{i}  {_e('SohlhoeheAblauf', f'{r.z_down:.3f}')}",
           f"{i}  {_e('Laenge', f'{r.length:.2f}')}", f"{i}  {_e('Material', r.material)}", f"{i}  <Profil>",
           f"{i}    {_e('SonderprofilVorhanden', 0)}", f"{i}    {_e('Profilart', 0)}",
           f"{i}    {_e('Profilbreite', r.dn)}", f"{i}    {_e('Profilhoehe', r.dn)}", f"{i}  </Profil>",
           f"{i}  <Haltung>", f"{i}    {_e('HaltungsFunktion', 1)}", f"{i}    {_e('DMPLaenge', f'{r.length:.2f}')}",
           f"{i}  </Haltung>", f"{i}</Kante>", f"{i}<Lage>", f"{i}  {_e('Strassenname', r.street)}",
           f"{i}  {_e('Ortsteilname', TOWN)}", f"{i}</Lage>", f"{i}<Geometrie>", f"{i}  {_e('GeoObjektart', 4)}",
           f"{i}  {_e('GeoObjekttyp', 'L')}", f"{i}  <Geometriedaten>", f"{i}    <Polygone>", f"{i}      <Polygon>",
           f"{i}        {_e('Polygonart', 3)}", f"{i}        <Kante>", f"{i}          <Start>"]
    out += _point(up.x, up.y, r.z_up, "SMP", i + "          ")[1:-1]
    out += [f"{i}          </Start>", f"{i}          <Ende>"]
    out += _point(low.x, low.y, r.z_down, "SMP", i + "          ")[1:-1]
    out += [f"{i}          </Ende>", f"{i}        </Kante>", f"{i}      </Polygon>", f"{i}    </Polygone>",
            f"{i}  </Geometriedaten>", f"{i}  {_e('CRSLage', 'ETRS89_UTM32')}", f"{i}</Geometrie>",
            f"{i[:-2]}</AbwassertechnischeAnlage>"]
    return out


def _inspection_xml(key: str, date: str, obs: list, *, reach: Reach | None, node: Node | None,
                    length: float) -> list[str]:
    i = " " * 8
    klasse = max((o[-1] for o in obs), default=0)
    street = reach.street if reach else node.street
    part, state, where = ("Rohrleitung", "RZustand", "Station") if reach else ("Knoten", "KZustand", "VertikaleLage")
    out = [f"{i[:-2]}<InspizierteAbwassertechnischeAnlage>", i + _e("Objektbezeichnung", key),
           i + _e("Anlagentyp", 1 if reach else 3), f"{i}<Lage>", f"{i}  {_e('Strassenname', street)}",
           f"{i}  {_e('Ortsteilname', TOWN)}", f"{i}</Lage>", f"{i}<OptischeInspektion>",
           f"{i}  {_e('Auftragskennung', 'TV' + date[:4])}", f"{i}  {_e('Inspektionsdatum', date)}",
           f"{i}  {_e('NameUntersucher', INSPECTOR)}", f"{i}  {_e('Wetter', 1)}", f"{i}  <{part}>"]
    if reach:
        out += [f"{i}    {_e('Inspektionsrichtung', 'O')}", f"{i}    {_e('Inspektionslaenge', f'{length:.2f}')}",
                f"{i}    <RGrunddaten>", f"{i}      {_e('KnotenZulauf', reach.upper)}",
                f"{i}      {_e('KnotenAblauf', reach.lower)}", f"{i}      {_e('Profilhoehe', reach.dn)}",
                f"{i}      {_e('Profilbreite', reach.dn)}", f"{i}      {_e('Profilart', 0)}",
                f"{i}      {_e('Material', reach.material)}", f"{i}    </RGrunddaten>"]
    else:
        out += [f"{i}    {_e('BezugspunktVertikal', 1)}"]
    start, end = "BCD", "BCE"  # Rohranfang/Rohrende; a manhole inspection lists only its observations
    rows = [(0.0, start, *[None] * 7), *obs, (length, end, *[None] * 7)] if reach else list(obs)
    out.append(f"{i}    <Inspektionsdaten>")
    for st, code, c1, c2, q1, von, bis, comment, cls in rows:
        out += [f"{i}      <{state}>", f"{i}        {_e(where, f'{st:.2f}')}",
                f"{i}        {_e('InspektionsKode', code)}"]
        out += [f"{i}        {_e(t, v)}" for t, v in (("Charakterisierung1", c1), ("Charakterisierung2", c2),
                                                      ("Quantifizierung1Numerisch", q1), ("PositionVon", von),
                                                      ("PositionBis", bis), ("Kommentar", comment)) if v is not None]
        if code not in (start, end):
            out += [f"{i}        <Klassifizierung>", f"{i}          {_e('MaxSKeAuto', cls)}",
                    f"{i}        </Klassifizierung>"]
        out.append(f"{i}      </{state}>")
    out += [f"{i}    </Inspektionsdaten>", f"{i}    <Bewertung>", f"{i}      {_e('Bewertungsverfahren', 1)}",
            f"{i}      {_e('Bewertungsdatum', date)}", f"{i}      {_e('KlasseAutomatisch', klasse)}",
            f"{i}    </Bewertung>", f"{i}  </{part}>", f"{i}</OptischeInspektion>",
            f"{i[:-2]}</InspizierteAbwassertechnischeAnlage>"]
    return out


def _kollektiv(kennung: str, art: int, props: list[tuple[str, int]], kind: str, comment: str) -> list[str]:
    i = " " * 8
    return [f"{i[:-2]}<Kollektiv>", i + _e("Kennung", kennung), i + _e("Kollektivart", art),
            f"{i}<Kollektiveigenschaft>", f"{i}  <{kind}>", *[f"{i}    {_e(k, v)}" for k, v in props],
            f"{i}  </{kind}>", f"{i}</Kollektiveigenschaft>", i + _e("Regelwerk", 6),
            i + _e("Bearbeitungsstand", "2024-06-01"), i + _e("Kommentar", comment), f"{i[:-2]}</Kollektiv>"]


def document(nodes: dict[str, Node], reaches: list[Reach]) -> str:
    """The whole ISYBAU XML-2017 file (str; written ISO-8859-1 with CRLF)."""
    by_key = {r.key: r for r in reaches}
    lines = ['<?xml version="1.0" encoding="iso-8859-1" standalone="yes"?>',
             f'<Identifikation xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">',
             f"  {_e('Version', '2017-07')}", "  <Admindaten>", "    <Verwaltung>",
             f"      {_e('Zustaendigkeit', 2)}", f"      {_e('DienststelleVerwaltend', TOWN + ', Bauamt - Tiefbau')}",
             "    </Verwaltung>", "    <Geometrie>", f"      {_e('CRSHoehe', 'DE_DHHN2016_NH')}", "    </Geometrie>",
             "  </Admindaten>", "  <Datenkollektive>", f"    {_e('Datenstatus', 1)}",
             f"    {_e('Erstellungsdatum', '2024-06-01')}",
             f"    {_e('Kommentar', 'Kanalkataster ' + TOWN + ' - synthetisch erzeugt, keine realen Daten')}",
             "    <Kennungen>"]
    lines += _kollektiv("STA01", 1, [("Stammdatentyp", 1), ("Bautechnik", 1), ("Geometrie", 1), ("Sanierung", 0),
                                     ("Umfeld", 0)], "Stammdaten", "Stammdaten Kanalnetz")
    lines += _kollektiv("ZUS01", 2, [("Inspektion", 1), ("Dichtheit", 0), ("Film", 0)], "Zustandsdaten",
                        "TV-Inspektionen 2022-2024")
    lines += ["    </Kennungen>", "    <Stammdatenkollektiv>", f"      {_e('Kennung', 'STA01')}",
              f"      {_e('Beschreibung', 'Schächte, Bauwerke und Haltungen ' + TOWN)}"]
    for n in nodes.values():
        lines += _node_xml(n)
    for r in reaches:
        lines += _reach_xml(r, nodes)
    lines += ["    </Stammdatenkollektiv>", "    <Zustandsdatenkollektiv>", f"      {_e('Kennung', 'ZUS01')}",
              f"      {_e('Beschreibung', 'Optische Inspektion (Kanal-TV)')}", "      <Auftraege>"]
    for year in sorted({d[:4] for _k, d, _o in INSPECTIONS + MANHOLE_INSPECTIONS}):
        lines += ["        <Auftrag>", f"          {_e('Auftragsbezeichnung', f'Kanal-TV-Inspektion {year}')}",
                  f"          {_e('Auftragskennung', 'TV' + year)}", f"          {_e('Auftragsart', 1)}",
                  f"          {_e('Inspektionszweck', 2)}", f"          {_e('Kodiersystem', 10)}",
                  f"          {_e('Auftragnehmer', INSPECTOR)}", "        </Auftrag>"]
    lines.append("      </Auftraege>")
    for key, date, obs in INSPECTIONS:
        r = by_key[key]
        lines += _inspection_xml(key, date, obs, reach=r, node=None, length=r.length)
    for key, date, obs in MANHOLE_INSPECTIONS:
        n = nodes[key]
        lines += _inspection_xml(key, date, obs, reach=None, node=n, length=round(n.cover - n.invert, 2))
    lines += ["    </Zustandsdatenkollektiv>", "  </Datenkollektive>", "</Identifikation>", ""]
    return "\r\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="Zielordner")
    args = ap.parse_args(argv)
    with rasterio.open(DGM) as dgm:
        nodes, reaches = build(dgm)
    check(nodes, reaches)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / OUT_NAME).write_bytes(document(nodes, reaches).encode("iso-8859-1"))


if __name__ == "__main__":
    main()
