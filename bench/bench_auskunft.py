"""Auskunft benchmark: "what is closed here on that day?" – ``twin.auskunft.lookup`` vs. GDAL/OGR SQL.

A synthetic municipality (fixed seed) in one project GeoPackage: 100 streets of 250 m on a 3 km grid,
50 parcels per street (5 000 parcels, ALKIS-style Lagebezeichnung ``Lindenweg 12``, Flurstück numbers
and 20-character Kennzeichen) and 500 road closures on random sections of random streets, each
30–720 days starting 2024–2030 (10 % open-ended; ~70 active on a day). Queries: streets, addresses
and parcels (number and Kennzeichen), each on a random day.

* ``ours`` – :func:`twin.auskunft.lookup` on the open project: the street index is built by the first
  question (reported on its own row) and reused; each question is then one attribute query on
  ``road_closures`` plus shapely distances. Also asked in the spoken forms (``lindenweg``,
  ``Lindenw. 12``, ``Flurstück 1234``), which the peer cannot answer.
* ``GDAL`` – the same question as a naive peer would ask it with OGR SQL through
  ``pyogrio.read_dataframe(twin.gpkg, layer=…, where=…)``: the parcels of the exact Lagebezeichnung
  / number (``LIKE 'Lindenweg %'`` for a street), then the closures of the day (``von <= … AND (bis IS
  NULL OR bis >= …)``), then the same distance rule in shapely.

Correctness: for every exactly spelled question, ours and GDAL return the same closures (set of
numbers); a difference fails the run.

    python -m bench.bench_auskunft            # 5 000 parcels, 500 closures, 300 questions
    python -m bench.bench_auskunft --quick    # 500 parcels, 50 closures, 40 questions
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.ops import substring

from bench.synth import fmt, machine_info, markdown_table, median, print_table, timed, write_json, write_text

EXTENT = (688000.0, 5333000.0, 691000.0, 5336000.0)
SEED = 20261123
STEMS = ["Haupt", "Bahnhof", "Schul", "Kirch", "Mühlen", "Garten", "Berg", "Wiesen", "Linden", "Eichen",
         "Birken", "Rosen", "Tannen", "Feld", "Wald", "Brunnen", "Markt", "Post", "Sonnen", "Bach"]
SUFFIXES = ["straße", "weg", "gasse", "ring", "allee"]
ARTEN = ["Vollsperrung", "Teilsperrung", "Baustelle", "Halteverbot"]
HEADERS = ["Variante", "Fragen", "Median [ms]", "p90 [ms]", "Max [ms]", "Treffer (Median)"]
RADIUS, STREET_RADIUS, PLANNED = 150.0, 25.0, 14


def build(project, n_parcels: int, n_closures: int, rng: random.Random) -> dict:
    """Streets, parcels and closures into the project; returns what the questions are made of."""
    from twin.model.cadastre import PARCELS
    from twin.model.closures import ROAD_CLOSURES
    from twin.store import Feature

    per_street = 50
    n_streets = max(1, n_parcels // per_street)
    names = [f"{s}{x}" for x in SUFFIXES for s in STEMS][:n_streets]
    streets, parcels, zaehler = {}, [], 1000
    for k, name in enumerate(names):
        x0 = EXTENT[0] + 25 + (k % 10) * 300.0
        y0 = EXTENT[1] + 150 + (k // 10) * 300.0
        streets[name] = LineString([(x0, y0), (x0 + 250.0, y0)])
        for i in range(per_street // 2):
            for side, nr in ((1, 2 * i + 1), (-1, 2 * i + 2)):
                x = x0 + 10.0 * i
                y = y0 + side * 5.0
                y1 = y + side * 30.0
                zaehler += 1
                kz = f"091234001{zaehler:05d}0000__"
                poly = Polygon([(x, y), (x + 10.0, y), (x + 10.0, y1), (x, y1)])
                parcels.append(Feature({"flurstueckskennzeichen": kz, "land": "09", "gemarkung": "1234", "flur": 1,
                                        "zaehler": zaehler, "flurstuecksnummer": str(zaehler),
                                        "lagebezeichnung": f"{name} {nr}"}, MultiPolygon([poly])))
    closures = []
    for j in range(n_closures):
        name = rng.choice(names)
        a = rng.uniform(0, 200)
        line = substring(streets[name], a, a + rng.uniform(10, 50))
        von = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365))
        bis = None if rng.random() < 0.1 else von + timedelta(days=rng.randrange(30, 720))
        closures.append(Feature({"sperrung_id": f"B-{j:05d}", "art": rng.choice(ARTEN), "strasse": name,
                                 "grund": "Bauarbeiten", "von": von, "bis": bis},
                                shapely.MultiLineString([line])))
    store = project.store
    store.create_layer(PARCELS)
    store.create_layer(ROAD_CLOSURES)
    store.upsert(PARCELS.name, parcels)
    store.upsert(ROAD_CLOSURES.name, closures)
    return {"names": names, "parcels": parcels}


def questions(data: dict, n: int, rng: random.Random) -> list[tuple[str, str, date, str]]:
    """(exact form, spoken form, day, kind): streets, addresses, parcel numbers and Kennzeichen."""
    out = []
    for i in range(n):
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365))
        kind = ("strasse", "adresse", "nummer", "kennzeichen")[i % 4]
        if kind == "strasse":
            name = rng.choice(data["names"])
            out.append((name, name.lower().replace("straße", "str."), day, kind))
            continue
        f = rng.choice(data["parcels"]).attrs
        if kind == "adresse":
            street, nr = f["lagebezeichnung"].rsplit(" ", 1)
            out.append((f["lagebezeichnung"], f"{street.replace('straße', 'str.')}{nr}", day, kind))
        elif kind == "nummer":
            out.append((f["flurstuecksnummer"], f"Flurstück {f['flurstuecksnummer']}", day, kind))
        else:
            out.append((f["flurstueckskennzeichen"], f["flurstueckskennzeichen"].rstrip("_"), day, kind))
    return out


def peer(gpkg: Path, text: str, day: date, kind: str) -> set[str]:
    """The naive peer: OGR SQL on the GeoPackage for the parcels and the closures, then shapely."""
    import pyogrio

    q = text.replace("'", "''")
    if kind == "strasse":
        where = f"lagebezeichnung LIKE '{q} %'"
    elif kind == "adresse":
        where = f"lagebezeichnung = '{q}'"
    elif kind == "nummer":
        where = f"flurstuecksnummer = '{q}'"
    else:
        where = f"flurstueckskennzeichen = '{q}'"
    places = pyogrio.read_dataframe(gpkg, layer="parcels", where=where)
    if places.empty:
        return set()
    streets = {lage.rsplit(" ", 1)[0] for lage in places["lagebezeichnung"]}
    horizon = (day + timedelta(days=PLANNED)).isoformat()
    cl = pyogrio.read_dataframe(gpkg, layer="road_closures",
                                where=f"von <= '{horizon}' AND (bis IS NULL OR bis >= '{day.isoformat()}')")
    if cl.empty:
        return set()
    where_geom = (shapely.geometrycollections(list(places.geometry.values)) if kind == "strasse"
                  else shapely.union_all(places.geometry.values))
    d = shapely.distance(np.asarray(cl.geometry.values), where_geom)
    radius = STREET_RADIUS if kind == "strasse" else RADIUS
    keep = (d <= radius) | cl["strasse"].isin(streets).to_numpy()
    return set(cl.loc[keep, "sperrung_id"].astype(str))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_auskunft", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="kleine Größen (Smoke-Test)")
    ap.add_argument("--parcels", type=int, help="Anzahl Flurstücke (Standard 5000)")
    ap.add_argument("--closures", type=int, help="Anzahl Sperrungen (Standard 500)")
    ap.add_argument("--questions", type=int, help="Anzahl Fragen (Standard 300)")
    ap.add_argument("--repeats", type=int, help="ignoriert (für run_all)")
    args = ap.parse_args(argv)
    n_parcels = args.parcels or (500 if args.quick else 5000)
    n_closures = args.closures or (50 if args.quick else 500)
    n_questions = args.questions or (40 if args.quick else 300)

    from twin.auskunft import lookup
    from twin.project import Project

    rng = random.Random(SEED)
    tmp = Path(tempfile.mkdtemp(prefix="stadtzwilling-bench-auskunft-"))
    times = {"ours": [], "ours-spoken": [], "gdal": []}
    hits = {"ours": [], "ours-spoken": [], "gdal": []}
    checked = 0
    try:
        project = Project.create(tmp / "project", crs=25832, name="Benchmark", extent=EXTENT)
        print(f"schreibe {n_parcels} Flurstücke und {n_closures} Sperrungen …", file=sys.stderr)
        data = build(project, n_parcels, n_closures, rng)
        gpkg = project.root / "twin.gpkg"
        qs = questions(data, n_questions, rng)
        first, _ = timed(lambda: lookup(project, qs[0][0], qs[0][2]))
        peer(gpkg, qs[0][0], qs[0][2], qs[0][3])  # warm-up: GDAL driver and file cache
        for exact, spoken, day, kind in qs:
            t, ours = timed(lambda: lookup(project, exact, day))
            times["ours"].append(t)
            hits["ours"].append(len(ours.hits))
            t, said = timed(lambda: lookup(project, spoken, day))
            times["ours-spoken"].append(t)
            hits["ours-spoken"].append(len(said.hits))
            t, theirs = timed(lambda: peer(gpkg, exact, day, kind))
            times["gdal"].append(t)
            hits["gdal"].append(len(theirs))
            mine = {h.sperrung_id for h in ours.hits}
            assert mine == theirs, f"{exact!r} am {day}: ours {sorted(mine)} ≠ GDAL {sorted(theirs)}"
            assert {h.sperrung_id for h in said.hits} == mine, f"{spoken!r} ≠ {exact!r}"
            checked += 1
        project.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    titles = {"ours": "ours: twin.auskunft.lookup (Index aufgebaut)",
              "ours-spoken": "ours: gesprochene Form (lindenweg, Lindenw.12, Flurstück 1234)",
              "gdal": "GDAL/OGR SQL: pyogrio.read_dataframe(where=…) + shapely"}
    rows = [["ours: erste Frage (baut den Straßenindex)", "1", fmt(1e3 * first, 1), "–", fmt(1e3 * first, 1), "–"]]
    for v in ("ours", "ours-spoken", "gdal"):
        ms = [1e3 * t for t in times[v]]
        rows.append([titles[v], str(len(ms)), fmt(median(ms), 2), fmt(float(np.percentile(ms, 90)), 2),
                     fmt(max(ms), 2), fmt(median([float(h) for h in hits[v]]), 0)])
    notes = [
        f"{n_parcels} Flurstücke an {len(data['names'])} Straßen, {n_closures} Sperrungen (30–720 Tage, ab "
        f"2024–2030), {n_questions} Fragen (je ein Viertel Straße, Adresse, Flurstücksnummer, Kennzeichen) an "
        "zufälligen Tagen.",
        "Regel für beide: aktiv am Tag oder Beginn in ≤ 14 Tagen; gleiche Straße oder ≤ 150 m "
        "(Straße: ≤ 25 m).",
        f"Prüfung bestanden für {checked} Fragen: ours = GDAL (gleiche Sperrungen), gesprochene Form = genaue Form.",
        "GDAL öffnet die Datei bei jedem Aufruf neu (so ruft man read_dataframe auf); ours nutzt die offene "
        "Verbindung und den Straßenindex im Speicher.",
    ]
    title = "Auskunft: twin.auskunft.lookup vs. GDAL/OGR SQL (pyogrio)"
    print_table(title, HEADERS, rows, notes)
    stem = "bench_auskunft.quick" if args.quick else "bench_auskunft"
    path = write_json(f"{stem}.json", {"benchmark": "auskunft", "machine": machine_info(), "args": vars(args),
                                       "first_s": first, "times_s": times, "hits": hits, "checked": checked})
    write_text(f"{stem}.md", f"**{title}**\n\n" + markdown_table(HEADERS, rows) + "\n\n"
               + "\n".join(f"- {n}" for n in notes) + "\n")
    print(f"JSON: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
