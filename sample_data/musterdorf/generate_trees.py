"""Synthetic tree cadastre (Baumkataster) of "Markt Musterdorf" as a municipal CSV export (no real data).

The sample's street and square trees, generated deterministically (fixed seed, fixed dates, no timestamp
of the run) in the shape German Baumkataster exports have: semicolon, decimal comma, Windows-1252, CRLF,
German headers (Baumnummer; Gattung; Art botanisch; Art deutsch; Baumhöhe; Kronendurchmesser;
Stammumfang; Pflanzjahr; Vitalität; Verkehrssicherheit; letzte Kontrolle; nächste Kontrolle;
Kontrollintervall; Kontrollbemerkung; Standort; Rechtswert; Hochwert). Heights and crown diameters in
metres, trunk circumference in centimetres (measured at 1 m), Vitalität as the usual stages 0–3 (Roloff),
inspections after the FLL-Baumkontrollrichtlinie (interval 12, 24 or 36 months by age and condition).

``Kontrollbemerkung`` holds the inspectors' notes (Totholz, Pilzbefall, Lichtraumprofil …): they are for
the administration only – the council and the citizen twin must not contain them (issue 6 leak test).

The trees stand along the streets and on the squares of the synthetic village
(``sample_data/generate_musterdorf.py``: same origin and rotation; x along the Hauptstraße, y towards the
Rathaus) and of the newer streets of ``generate_alkis.py`` (Schulstraße, Kirchweg, Mühlenstraße, Am Anger
Ost), never inside a building: every tree keeps at least 2.5 m from every footprint (checked).
Coordinates EPSG:25832 in the sample tile x 690000–691000, y 5335000–5336000.

    python sample_data/musterdorf/generate_trees.py            # writes baumkataster.csv next to it
    python sample_data/musterdorf/generate_trees.py --out DIR
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
from generate_musterdorf import footprint, to_world, village  # noqa: E402 - the village's own layout

OUT_NAME = "baumkataster.csv"
SEED = 20240620
TILE = (690000.0, 5335000.0, 691000.0, 5336000.0)
MIN_DISTANCE = 2.5  # m from every building footprint
HEADER = ["Baumnummer", "Gattung", "Art botanisch", "Art deutsch", "Baumhöhe", "Kronendurchmesser", "Stammumfang",
          "Pflanzjahr", "Vitalität", "Verkehrssicherheit", "letzte Kontrolle", "nächste Kontrolle",
          "Kontrollintervall", "Kontrollbemerkung", "Standort", "Rechtswert", "Hochwert"]


@dataclass(frozen=True)
class Species:
    gattung: str
    art: str
    deutsch: str
    h_max: float  # final height [m]
    c_max: float  # final crown diameter [m]
    tau: float  # years to ~63 % of the final size
    girth: float  # trunk circumference growth [cm/year]


SPECIES = {s.art: s for s in [
    Species("Tilia", "Tilia cordata", "Winter-Linde", 25, 16, 45, 2.6),
    Species("Tilia", "Tilia platyphyllos", "Sommer-Linde", 30, 18, 45, 2.8),
    Species("Acer", "Acer platanoides", "Spitz-Ahorn", 22, 14, 35, 2.6),
    Species("Acer", "Acer pseudoplatanus", "Berg-Ahorn", 28, 16, 40, 2.8),
    Species("Acer", "Acer campestre 'Elsrijk'", "Feld-Ahorn 'Elsrijk'", 12, 8, 25, 2.0),
    Species("Quercus", "Quercus robur", "Stiel-Eiche", 30, 20, 60, 2.4),
    Species("Carpinus", "Carpinus betulus 'Fastigiata'", "Säulen-Hainbuche", 15, 7, 30, 2.0),
    Species("Aesculus", "Aesculus hippocastanum", "Gewöhnliche Rosskastanie", 25, 16, 40, 3.0),
    Species("Fraxinus", "Fraxinus excelsior", "Gemeine Esche", 30, 16, 40, 2.8),
    Species("Betula", "Betula pendula", "Hänge-Birke", 22, 10, 25, 2.2),
    Species("Sorbus", "Sorbus aria", "Echte Mehlbeere", 12, 8, 30, 1.8),
    Species("Pyrus", "Pyrus calleryana 'Chanticleer'", "Chinesische Wildbirne", 12, 6, 25, 1.9),
    Species("Corylus", "Corylus colurna", "Baum-Hasel", 18, 10, 35, 2.2),
    Species("Platanus", "Platanus × hispanica", "Ahornblättrige Platane", 30, 20, 45, 3.2),
    Species("Juglans", "Juglans regia", "Walnuss", 20, 16, 40, 2.6),
    Species("Ginkgo", "Ginkgo biloba", "Ginkgo", 20, 8, 50, 2.0),
    Species("Liquidambar", "Liquidambar styraciflua", "Amberbaum", 18, 9, 35, 2.2),
    Species("Prunus", "Prunus avium", "Vogel-Kirsche", 15, 10, 25, 2.4),
]}

#: inspection notes: text, minimum vitality, Verkehrssicherheit, interval [months] (None: by age)
NOTES = [
    ("Totholz im Kronenbereich entfernen", 1, "Maßnahme erforderlich", None),
    ("Pilzbefall am Stammfuß (Brandkrustenpilz) – Bohrwiderstandsmessung veranlassen", 2,
     "Maßnahme erforderlich", 12),
    ("Lichtraumprofil über der Fahrbahn auf 4,50 m herstellen", 0, "Maßnahme erforderlich", None),
    ("Stammaustrieb entfernen", 0, "verkehrssicher", None),
    ("Anfahrschaden am Stamm (ca. 30 × 15 cm), Wundrand beobachten", 1, "verkehrssicher", 12),
    ("Zwiesel mit eingewachsener Rinde – Kronensicherung prüfen", 1, "Maßnahme erforderlich", 12),
    ("Astbruch nach Sturm, Kronenrückschnitt erledigt; Nachkontrolle in 6 Monaten", 1, "verkehrssicher", 6),
    ("Rindenschaden durch Mäharbeiten, Stammschutz anbringen", 0, "verkehrssicher", None),
    ("Wurzelanhebung im Gehweg – Gehweg sanieren, Wurzeln schonen", 0, "Maßnahme erforderlich", None),
    ("Höhlung am Stammfuß, Schalltomographie beauftragen", 2, "Maßnahme erforderlich", 12),
    ("Baumscheibe verdichtet – Tiefenbelüftung und Mulchauftrag", 1, "verkehrssicher", None),
    ("Leichter Schiefstand, seit letzter Kontrolle unverändert", 0, "verkehrssicher", None),
    ("Misteln in der Krone entfernen", 1, "verkehrssicher", None),
    ("Befall durch Rosskastanien-Miniermotte, Falllaub im Herbst entfernen", 1, "verkehrssicher", None),
    ("Eschentriebsterben fortgeschritten – Fällung im Winterhalbjahr vorsehen", 3, "nicht verkehrssicher", 12),
    ("Trockenschäden, in den Sommermonaten wässern (Gießsack)", 2, "verkehrssicher", 12),
    ("Ast über dem Spielbereich einkürzen", 0, "Maßnahme erforderlich", None),
    ("Krone wächst an die Fassade, Rückschnitt auf der Gebäudeseite", 0, "Maßnahme erforderlich", None),
    ("Rindennekrose (Sonnenbrand) an der Südseite, Stammanstrich erneuern", 1, "verkehrssicher", None),
    ("Pflanzpfähle und Anbindung entfernen", 0, "verkehrssicher", None),
    ("Efeu am Stamm entfernen, Stammfuß freilegen", 0, "verkehrssicher", None),
    ("Totastkegel mit Faulstelle am Hauptast – Seilsicherung und Entlastungsschnitt", 2,
     "Maßnahme erforderlich", 12),
]
ESCHE = next(n for n in NOTES if n[0].startswith("Eschentriebsterben"))
SPECIAL_NOTE = "Naturdenkmal (Dorflinde, gepflanzt 1871) – Kronensicherung jährlich prüfen"


@dataclass(frozen=True)
class Site:
    """One tree position: where, which species, planting year range."""

    x: float  # EPSG:25832
    y: float
    standort: str
    species: tuple[str, ...]
    years: tuple[int, int]


def local_sites() -> list[Site]:
    """Trees of the village (village coordinates, see generate_musterdorf.py)."""
    out: list[Site] = []
    old_street = ("Tilia cordata", "Acer platanoides", "Aesculus hippocastanum")

    def add(x: float, y: float, standort: str, species: tuple[str, ...], years: tuple[int, int]) -> None:
        wx, wy = to_world(x, y)
        out.append(Site(wx, wy, standort, species, years))

    # Hauptstraße: trees in the planting strips of both sidewalks, not at junctions or in front of the square
    junctions = (-78.4, 0.0, 82.0)
    for x in range(-148, 280, 22):
        if any(abs(x - j) < 9 for j in junctions) or -24 <= x <= 24:
            continue
        add(x, 4.4, "Hauptstraße Nordseite", old_street, (1952, 2019))
    for x in range(-137, 280, 22):
        if any(abs(x - j) < 9 for j in junctions):
            continue
        add(x, -4.4, "Hauptstraße Südseite", old_street, (1952, 2019))
    # Marktplatz: a row of Linden on both sides and the old Dorflinde
    for y in (28, 41, 54):
        add(-27, y, "Marktplatz Westseite", ("Tilia platyphyllos",), (1905, 1960))
        add(27, y, "Marktplatz Ostseite", ("Tilia platyphyllos",), (1905, 1960))
    add(0, 36, "Marktplatz (Dorflinde)", ("Tilia platyphyllos",), (1871, 1871))
    # Kirchplatz
    for x, y in ((42, 51), (42, 72), (70, 51)):
        add(x, y, "Kirchplatz", ("Tilia cordata", "Aesculus hippocastanum", "Quercus robur"), (1890, 1950))
    # Bahnhofstraße
    for y in (-40, -62, -84, -106, -128):
        add(-4.4, y, "Bahnhofstraße Westseite", ("Platanus × hispanica", "Acer platanoides"), (1965, 2015))
    for y in (-51, -73, -95, -117, -165):
        add(4.4, y, "Bahnhofstraße Ostseite", ("Platanus × hispanica", "Acer platanoides"), (1965, 2015))
    # Am Anger: small-crowned trees on the Rathaus side of the lane
    for x in (-64, -40, -16, 8, 32, 56, 100, 130):
        add(x, 85.6, "Am Anger", ("Sorbus aria", "Carpinus betulus 'Fastigiata'"), (1996, 2012))
    # Grundschule: Pausenhof and the edge of the sports field
    for x, y in ((-148, 46), (-132, 47), (-146, 62), (-140, 73)):
        add(x, y, "Grundschule, Pausenhof", ("Acer pseudoplatanus", "Quercus robur", "Betula pendula"),
            (1972, 2005))
    for x in (-150, -132, -114, -96):
        add(x, 92, "Grundschule, Sportplatz", ("Acer pseudoplatanus", "Betula pendula"), (1972, 2005))
    # Dorfanger and Regenrückhaltebecken
    for x, y in ((88, 112), (98, 100), (140, 116), (152, 103)):
        add(x, y, "Dorfanger", ("Quercus robur", "Juglans regia", "Fraxinus excelsior"), (1930, 1990))
    for x in (166, 194):
        add(x, 122, "Regenrückhaltebecken Anger", ("Betula pendula",), (1999, 2001))
    return out


def outer_sites() -> list[Site]:
    """Trees of the newer streets (EPSG:25832, the streets of generate_alkis.py)."""
    young = ("Pyrus calleryana 'Chanticleer'", "Acer campestre 'Elsrijk'", "Corylus colurna",
             "Liquidambar styraciflua", "Ginkgo biloba", "Prunus avium")
    out = []
    for k, y in enumerate(range(5335226, 5335400, 24)):
        out.append(Site(690296.2 if k % 2 else 690303.8, float(y), "Schulstraße", young, (1994, 2021)))
    for k, y in enumerate(range(5335736, 5335920, 36)):
        out.append(Site(690446.2 if k % 2 else 690453.8, float(y), "Kirchweg", young, (2004, 2022)))
    for k, x in enumerate(range(690182, 690350, 36)):
        out.append(Site(float(x), 5335796.2 if k % 2 else 5335803.8, "Mühlenstraße", young, (2004, 2022)))
    for x in (690628, 690664, 690704, 690740):
        out.append(Site(float(x), 5335603.6, "Am Anger (Ost)", young, (2010, 2021)))
    return out


def _size(sp: Species, age: int, rng: random.Random) -> tuple[float, float, float]:
    """Height [m], crown diameter [m], trunk circumference [cm] for a street tree of this age."""
    f = 1.0 - math.exp(-max(age, 1) / sp.tau)
    street = 0.85  # street trees stay smaller than in the open
    h = max(2.5, sp.h_max * street * f * rng.uniform(0.85, 1.1))
    c = max(1.0, sp.c_max * street * f * rng.uniform(0.8, 1.15))
    u = max(12.0, (sp.girth * age + 10.0) * rng.uniform(0.85, 1.15))
    return round(h, 1), round(c, 1), float(round(u))


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    for day in range(d.day, 0, -1):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise ValueError(d)


def _num(v: float, decimals: int) -> str:
    return f"{v:.{decimals}f}".replace(".", ",")


def rows() -> list[dict[str, str]]:
    """One row per tree, in a fixed order (village first, then the newer streets)."""
    rng = random.Random(SEED)
    sites = local_sites() + outer_sites()
    check(sites)
    out = []
    deck: list[tuple] = []
    start = date(2023, 3, 1)
    for k, s in enumerate(sites, start=1):
        sp = SPECIES[rng.choice(s.species)]
        year = rng.randint(*s.years)
        age = 2024 - year
        h, c, u = _size(sp, age, rng)
        vital = rng.choices((0, 1, 2, 3), weights=(48, 34, 14, 4))[0]
        if age > 90:
            vital = max(vital, 1)
        note, sicherheit, interval = "", "verkehrssicher", None
        if s.standort.endswith("(Dorflinde)"):
            note, sicherheit, interval, vital = SPECIAL_NOTE, "verkehrssicher", 12, 1
        elif rng.random() < 0.55:
            note, min_vital, sicherheit, interval = _draw(deck, rng, sp, s)
            vital = max(vital, min_vital)
        if sp.gattung == "Fraxinus":  # Eschentriebsterben: every ash of the village is affected
            note, vital, sicherheit, interval = ESCHE
        if vital == 3 and sicherheit == "verkehrssicher":
            sicherheit = "Maßnahme erforderlich"
        if interval is None:
            interval = 36 if age < 15 and vital == 0 else 12 if vital >= 2 or age > 80 else 24
        last = start + timedelta(days=rng.randint(0, 640))
        nxt = _add_months(last, interval)
        out.append({
            "Baumnummer": f"B{k:04d}", "Gattung": sp.gattung, "Art botanisch": sp.art, "Art deutsch": sp.deutsch,
            "Baumhöhe": _num(h, 1), "Kronendurchmesser": _num(c, 1), "Stammumfang": str(int(u)),
            "Pflanzjahr": str(year), "Vitalität": str(vital), "Verkehrssicherheit": sicherheit,
            "letzte Kontrolle": last.strftime("%d.%m.%Y"), "nächste Kontrolle": nxt.strftime("%d.%m.%Y"),
            "Kontrollintervall": str(interval), "Kontrollbemerkung": note, "Standort": s.standort,
            "Rechtswert": _num(s.x, 2), "Hochwert": _num(s.y, 2),
        })
    return out


def _fits(note: tuple, sp: Species, site: Site) -> bool:
    text = note[0]
    if text.startswith("Eschentriebsterben"):
        return sp.gattung == "Fraxinus"
    if "Rosskastanien" in text:
        return sp.gattung == "Aesculus"
    if "Spielbereich" in text:
        return "Pausenhof" in site.standort
    if "Fahrbahn" in text or "Gehweg" in text:
        return "straße" in site.standort or "weg" in site.standort.lower()
    return True


def _draw(deck: list[tuple], rng: random.Random, sp: Species, site: Site) -> tuple:
    """The next fitting note from a shuffled deck of all notes (refilled when empty): every note occurs."""
    for _ in range(2):
        for i, note in enumerate(deck):
            if _fits(note, sp, site):
                return deck.pop(i)
        deck[:] = NOTES[:]
        rng.shuffle(deck)
    return NOTES[0]


def check(sites: list[Site]) -> None:
    """Every tree inside the tile, ≥ MIN_DISTANCE from every building, no two trees closer than 5 m."""
    houses = unary_union([Polygon(footprint(b)) for spec in village()
                          for b in [spec.body] + ([spec.part] if spec.part else [])])
    for s in sites:
        if not (TILE[0] < s.x < TILE[2] and TILE[1] < s.y < TILE[3]):
            raise ValueError(f"Baum außerhalb der Kachel: {s}")
        if houses.distance(Point(s.x, s.y)) < MIN_DISTANCE:
            raise ValueError(f"Baum zu nah an einem Gebäude: {s}")
    for i, a in enumerate(sites):
        for b in sites[i + 1:]:
            if math.hypot(a.x - b.x, a.y - b.y) < 5.0:
                raise ValueError(f"Bäume zu nah beieinander: {a} / {b}")


def _cell(text: str) -> str:
    """A CSV cell; quoted (Excel style) where it holds the delimiter or a quote."""
    return f'"{text.replace(chr(34), 2 * chr(34))}"' if ";" in text or '"' in text else text


def write_csv(path: Path, data: list[dict[str, str]]) -> None:
    lines = [";".join(HEADER)] + [";".join(_cell(r[c]) for c in HEADER) for r in data]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="Zielordner")
    args = ap.parse_args(argv)
    data = rows()
    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / OUT_NAME, data)
    notes = sum(1 for r in data if r["Kontrollbemerkung"])
    print(f"{args.out / OUT_NAME}: {len(data)} Bäume, {notes} mit Kontrollbemerkung")


if __name__ == "__main__":
    main()
