"""Synthetic water meter exports of "Markt Musterdorf" as billing systems write them (no real data).

No municipality publishes its meter list (readings per household are personal data), so the
sample and the test fixtures are generated here, deterministically (fixed seed), in the shape
German billing systems (Verbrauchsabrechnung) export: semicolon, decimal comma, Windows-1252,
German headers (Kundennummer; Name; Straße; Hausnummer; Flurstück; Zählernummer; Zählerart;
Einbaudatum; Eichjahr; Ablesedatum; Zählerstand; Rechtswert; Hochwert; Altzähler; Ausbaudatum;
Endstand Altzähler; Anfangsstand). Coordinates are EPSG:25832 inside the sample tile
x 690000–691000, y 5335000–5336000. A row with ``Altzähler`` is a meter change.

    python sample_data/musterdorf/generate_meters.py          # writes the sample and the test fixtures

Outputs:
* ``sample_data/musterdorf/wasserzaehler_abrechnung.csv`` – the sample (every row with coordinates,
  since the sample has no parcels to match addresses against);
* ``tests/data/meters/zaehler_gemischt.csv`` – small file, location by coordinates, parcel or address;
* ``tests/data/meters/flurstuecke.geojson`` – the parcels (with ALKIS-style Lagebezeichnung) it refers to.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLE_OUT = HERE / "wasserzaehler_abrechnung.csv"
FIXTURE_DIR = ROOT / "tests" / "data" / "meters"

HEADER = ["Kundennummer", "Name", "Straße", "Hausnummer", "Flurstück", "Zählernummer", "Zählerart",
          "Einbaudatum", "Eichjahr", "Ablesedatum", "Zählerstand", "Rechtswert", "Hochwert", "Altzähler",
          "Ausbaudatum", "Endstand Altzähler", "Anfangsstand"]

#: street, start point, direction (unit vector), number of houses per side
STREETS = [
    ("Hauptstraße", (690120.0, 5335480.0), (1.0, 0.0), 14),
    ("Schulstraße", (690300.0, 5335200.0), (0.0, 1.0), 9),
    ("Am Anger", (690600.0, 5335600.0), (1.0, 0.0), 6),
    ("Kirchweg", (690450.0, 5335700.0), (0.0, 1.0), 5),
    ("Mühlenstraße", (690150.0, 5335800.0), (1.0, 0.0), 8),
]
SURNAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
            "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Huber"]
FIRST = ["Anna", "Josef", "Maria", "Georg", "Theresa", "Franz", "Monika", "Stefan", "Sabine", "Jürgen", "Birgit",
         "Andreas", "Ursula", "Michael", "Renate", "Thomas", "Gisela", "Peter", "Elfriede", "Lukas"]
BUSINESSES = ["Bäckerei {} GmbH", "Gasthof {}", "Autohaus {} KG", "Metzgerei {}"]
TYPES = [("Hauswasserzähler", 70), ("Kaltwasserzähler", 10), ("Warmwasserzähler", 10), ("Großwasserzähler", 4),
         ("Verbundzähler", 3), ("Gartenwasserzähler", 3)]
GEMARKUNG = "091234"  # Land 09 (Bayern) + Gemarkung 1234


@dataclass
class House:
    street: str
    number: str
    x: float
    y: float
    flst: int  # parcel number (Zähler), Flur 1

    @property
    def kennzeichen(self) -> str:
        """20-character ALKIS Flurstückskennzeichen: Land+Gemarkung, Flur (3), Zähler (5), Nenner (4), '__'."""
        return f"{GEMARKUNG}001{self.flst:05d}0000__"


def houses() -> list[House]:
    """Houses along the streets: odd numbers left, even right, 24 m apart, 15 m off the street axis."""
    out, flst = [], 100
    for name, (x0, y0), (dx, dy), n in STREETS:
        for i in range(n):
            for side, parity in ((1, 1), (-1, 0)):
                number = 2 * i + 1 + (1 - parity)
                along = 20.0 + 24.0 * i
                x = x0 + dx * along - dy * 15.0 * side
                y = y0 + dy * along + dx * 15.0 * side
                flst += 1
                out.append(House(name, str(number), round(x, 2), round(y, 2), flst))
    return out


def _num(v: float, decimals: int) -> str:
    return f"{v:.{decimals}f}".replace(".", ",")


def _de(d: date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


def _pick_type(rng: random.Random) -> str:
    r, acc = rng.uniform(0, 100), 0.0
    for name, w in TYPES:
        acc += w
        if r <= acc:
            return name
    return TYPES[0][0]


def rows(rng: random.Random, hs: list[House], *, coords: str = "all", changes: int = 3,
         reading_day: date = date(2023, 12, 31)) -> list[dict[str, str]]:
    """One meter per house (a second, Warmwasser, in some), a few meter changes.

    ``coords``: "all" – every row has Rechtswert/Hochwert; "mixed" – a third coordinates, a third
    only the parcel, a third only the address (the importer locates those through ALKIS).
    """
    out: list[dict[str, str]] = []
    serial = 4_100_000
    for k, h in enumerate(hs):
        kunde = f"{20000 + k:06d}"
        art = _pick_type(rng)
        business = art in ("Großwasserzähler", "Verbundzähler")
        name = (rng.choice(BUSINESSES).format(rng.choice(SURNAMES)) if business
                else f"{rng.choice(SURNAMES)}, {rng.choice(FIRST)}")
        metres = [art] + (["Warmwasserzähler"] if art == "Hauswasserzähler" and rng.random() < 0.1 else [])
        for a in metres:
            serial += rng.randint(1, 40)
            einbau = date(rng.randint(2017, 2023), rng.randint(1, 12), rng.randint(1, 28))
            eichjahr = einbau.year - (1 if rng.random() < 0.3 else 0)
            per_year = rng.uniform(900, 6000) if business else rng.uniform(25, 160)
            stand = per_year * max((reading_day - einbau).days, 30) / 365.0
            mode = "xy" if coords == "all" else ("xy", "flst", "adr")[k % 3]
            jitter = (rng.uniform(-3, 3), rng.uniform(-3, 3))
            out.append({
                "Kundennummer": kunde, "Name": name,
                "Straße": h.street if mode != "flst" else "",
                "Hausnummer": h.number if mode != "flst" else "",
                "Flurstück": (h.kennzeichen if k % 2 else f"{h.flst}") if mode != "adr" else "",
                "Zählernummer": f"{'WZ' if a.startswith('Warm') else 'KZ'}{serial}",
                "Zählerart": a, "Einbaudatum": _de(einbau), "Eichjahr": str(eichjahr),
                "Ablesedatum": _de(reading_day), "Zählerstand": _num(stand, 3),
                "Rechtswert": _num(h.x + jitter[0], 2) if mode == "xy" else "",
                "Hochwert": _num(h.y + jitter[1], 2) if mode == "xy" else "",
                "Altzähler": "", "Ausbaudatum": "", "Endstand Altzähler": "", "Anfangsstand": "",
            })
    # meter changes in the last year: the export lists the new meter with the old one's number
    for r in rng.sample(out, changes):
        day = reading_day - timedelta(days=rng.randint(40, 300))
        old = r["Zählernummer"]
        serial += rng.randint(1, 40)
        r.update({"Altzähler": old, "Zählernummer": f"{old[:2]}{serial}", "Einbaudatum": _de(day),
                  "Eichjahr": str(day.year), "Ausbaudatum": _de(day),
                  "Endstand Altzähler": _num(float(r["Zählerstand"].replace(",", ".")) * 0.8, 3),
                  "Anfangsstand": _num(0.0, 3),
                  "Zählerstand": _num(rng.uniform(5, 60), 3)})
    return out


def write_csv(path: Path, data: list[dict[str, str]]) -> None:
    lines = [";".join(HEADER)] + [";".join(r[c] for c in HEADER) for r in data]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def parcels_geojson(hs: list[House]) -> dict:
    """A 20 m x 24 m parcel around each house, with flurstueckskennzeichen and ALKIS-style Lagebezeichnung."""
    feats = []
    for h in hs:
        x0, y0 = h.x - 10.0, h.y - 11.0
        ring = [[x0, y0], [x0 + 20, y0], [x0 + 20, y0 + 22], [x0, y0 + 22], [x0, y0]]
        feats.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                      "properties": {"flurstueckskennzeichen": h.kennzeichen, "flurstuecksnummer": str(h.flst),
                                     "flur": 1, "zaehler": h.flst, "gemarkung": GEMARKUNG[2:],
                                     "lagebezeichnung": f"{h.street} {h.number}"}})
    return {"type": "FeatureCollection", "name": "flurstuecke",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}, "features": feats}


def main() -> None:
    hs = houses()
    write_csv(SAMPLE_OUT, rows(random.Random(20240601), hs, coords="all", changes=3))
    FIXTURE_DIR.mkdir(parents=True, exist_ok=True)
    small = [h for h in hs if h.street in ("Hauptstraße", "Schulstraße", "Am Anger")][:24]
    write_csv(FIXTURE_DIR / "zaehler_gemischt.csv", rows(random.Random(7), small, coords="mixed", changes=2))
    (FIXTURE_DIR / "flurstuecke.geojson").write_text(json.dumps(parcels_geojson(hs), ensure_ascii=False, indent=0),
                                                    encoding="utf-8")


if __name__ == "__main__":
    main()
