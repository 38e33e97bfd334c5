"""Synthetic road closures (Verkehrssperrungen) of "Markt Musterdorf" as a GeoJSON list (no real data).

Traffic authorities (Straßenverkehrsbehörde, Bauamt) deliver their closures as lists; this file has
the shape of such a GeoJSON export: a FeatureCollection with the GeoJSON-2008 ``crs`` member
(``urn:ogc:def:crs:EPSG::25832``, as German GIS exports write it), German property names
(``Sperrnummer``, ``Art``, ``Grund``, ``Straße``, ``Abschnitt``, ``Beginn``, ``Ende``, ``Umleitung``,
``Zuständig``, ``Bemerkung intern``) and German dates (``03.02.2025``). Detour lines are features of
their own with ``Umleitung für`` = the closure number. Offices only, no person's name.

The closures lie on the streets of the synthetic village (``sample_data/generate_musterdorf.py``:
same origin and rotation; x along the Hauptstraße, y towards the Rathaus).

Dates are **fixed** (no "today" in the file, so the file regenerates byte-identically), chosen so that
the sample shows something whenever it is opened between 03.02.2025 and 20.12.2030: the long
Ortskernsanierung of the Hauptstraße (Vollsperrung in Bauabschnitten) is active the whole time, other
closures come and go, one has ended in 2024, one is open-ended ("bis auf Weiteres"), and every year
the Kirchweih (October) and the Weihnachtsmarkt (Advent) close the Marktplatz – so in the two weeks
before those a closure shows up as "geplant".

    python sample_data/musterdorf/generate_closures.py            # writes verkehrssperrungen.geojson here
    python sample_data/musterdorf/generate_closures.py --out DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from generate_musterdorf import to_world  # noqa: E402 - the village's own layout

OUT_NAME = "verkehrssperrungen.geojson"
BAUAMT = "Markt Musterdorf, Bauamt – Tiefbau"
ORDNUNG = "Markt Musterdorf, Ordnungsamt"
LRA = "Landratsamt, Straßenverkehrsbehörde"
HS, BS, MP, SW, AA = "Hauptstraße", "Bahnhofstraße", "Marktplatz", "Schulweg", "Am Anger"

#: number, art, grund, street, abschnitt, von, bis, umleitung, zuständig, internal note, line (village
#: coordinates), detour line or None
CLOSURES = [
    ("SP-2025-003", "Vollsperrung", "Kanalbau und neue Fahrbahn, Ortskernsanierung", HS,
     "zwischen Nr. 10 und 24", date(2025, 2, 3), date(2030, 12, 20), "über Schulweg und Am Anger", BAUAMT,
     "Bauabschnitte jährlich neu abstimmen; Busumleitung mit dem Verkehrsverbund klären",
     [(-72, 0), (0, 0), (72, 0)], [(-80, 0), (-77, 20), (-77, 90), (82, 90), (82, 0), (90, 0)]),
    ("SP-2024-011", "Teilsperrung", "Glasfaserausbau im Gehweg", BS, None, date(2024, 10, 7),
     date(2027, 3, 31), "keine – einspurig mit Baustellenampel", LRA, None, [(0, -50), (0, -115)], None),
    ("SP-2025-007", "Halteverbot", "Baustelleneinrichtung Sanierung Rathaus", MP, "vor dem Rathaus",
     date(2025, 4, 14), date(2029, 10, 31), None, ORDNUNG, "Kran steht ab Mai 2025", [(-30, 58), (30, 58)],
     None),
    ("SP-2025-010", "Teilsperrung", "Sicherung des Kirchturms wegen Steinschlag", MP, "Höhe Pfarrkirche",
     date(2025, 6, 2), None, "Gehweg gesperrt, Fußgänger bitte die Westseite benutzen", BAUAMT,
     "Gutachten Statik ausstehend", [(35, 25), (35, 50)], None),
    ("SP-2024-005", "Vollsperrung", "Erneuerung der Asphaltdeckschicht", HS, None, date(2024, 7, 15),
     date(2024, 8, 9), "über Am Anger", BAUAMT, None, [(90, 0), (250, 0)], None),
    ("SP-2026-002", "Vollsperrung", "Neubau Regenwasserkanal", SW, None, date(2026, 5, 4), date(2026, 8, 14),
     "über Am Anger (Ostzufahrt) und Hauptstraße", BAUAMT, None, [(-77, 20), (-77, 80)], None),
    ("SP-2027-001", "Baustelle", "Neubau Gehweg und Straßenbeleuchtung", AA, None, date(2027, 3, 1),
     date(2027, 7, 30), None, BAUAMT, None, [(-70, 90), (80, 90)], None),
    ("SP-2028-004", "Vollsperrung", "Erneuerung des Bahnübergangs", BS, "am Bahnübergang", date(2028, 4, 10),
     date(2028, 4, 21), "über Hauptstraße und Kreisstraße NEA 12", LRA, None, [(0, -180), (0, -200)], None),
]
MARKET = [(-30, 10), (-30, 55), (30, 55), (30, 10)]


def _third_friday_october(year: int) -> date:
    d = date(year, 10, 1)
    d += timedelta(days=(4 - d.weekday()) % 7)
    return d + timedelta(days=14)


def _first_advent(year: int) -> date:
    christmas = date(year, 12, 25)
    fourth = christmas - timedelta(days=christmas.weekday() + 1)  # last Sunday before the 25th
    return fourth - timedelta(days=21)


def yearly() -> list[tuple]:
    """Kirchweih (Friday–Monday of the third weekend in October) and Weihnachtsmarkt (1st Advent weekend)."""
    out = []
    for year in range(2025, 2031):
        k = _third_friday_october(year)
        out.append((f"SP-{year}-KW", "Veranstaltung", "Kirchweih mit Markt und Fahrgeschäften", MP, None, k,
                    k + timedelta(days=3), "über Hauptstraße und Schulweg", ORDNUNG, None, MARKET, None))
        a = _first_advent(year)
        out.append((f"SP-{year}-WM", "Veranstaltung", "Weihnachtsmarkt", MP, None, a - timedelta(days=2), a,
                    "über Hauptstraße", ORDNUNG, None, MARKET, None))
    return out


def _line(points) -> dict:
    return {"type": "LineString", "coordinates": [list(to_world(x, y)) for x, y in points]}


def _de(d: date | None) -> str | None:
    return d.strftime("%d.%m.%Y") if d else None


def collection() -> dict:
    features = []
    for (nr, art, grund, street, abschnitt, von, bis, umleitung, stelle, intern, line,
         detour) in CLOSURES + yearly():
        props = {"Sperrnummer": nr, "Art": art, "Grund": grund, "Straße": street, "Abschnitt": abschnitt,
                 "Beginn": _de(von), "Ende": _de(bis), "Umleitung": umleitung, "Zuständig": stelle,
                 "Bemerkung intern": intern}
        features.append({"type": "Feature", "properties": props, "geometry": _line(line)})
        if detour:
            features.append({"type": "Feature", "properties": {"Umleitung für": nr, "Umleitung": umleitung},
                             "geometry": _line(detour)})
    return {"type": "FeatureCollection", "name": "Verkehrssperrungen Markt Musterdorf (synthetisch)",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
            "features": features}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="Zielordner")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection(), ensure_ascii=False, indent=1) + "\n"
    (args.out / OUT_NAME).write_text(text, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
