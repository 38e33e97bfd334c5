"""Field work benchmark: export a QField package of 10 000 trees, 1 000 changes on the tablet, sync back.

A synthetic tree cadastre (fixed seed, all FLL fields filled) in a new project (GeoPackage store), team
``baumkontrolle`` (default policy). The scenario, measured phase by phase:

* **Export** – ``twin.field.export.export_package`` (role session reads the trees, ``daten.gpkg`` with the
  code lists, ``.qgs``, snapshot ``stand_0`` and registry row); phases from ``ExportResult.seconds``.
  Peer: ``ogr2ogr -f GPKG`` copying the ``trees`` layer of the project's ``twin.gpkg`` into a new
  GeoPackage (GDAL writing the same rows; own process, program start included).
* **Tablet** – 1 000 changes through GDAL's OGR API in one GDAL transaction, as QField makes them
  (``tests/gdal_edit.py`` run by a system Python with ``osgeo``): 800 attribute updates (inspection,
  findings, measurements, remarks), 100 moved trees, 100 new trees, each with ``bearbeitet_von`` /
  ``bearbeitet_am`` as QField fills them (five inspectors, one tree every 2 minutes). Timed on its own: not
  our code.
* **Office** – meanwhile 100 edits in the store (one ``store.upsert``): half of them change a field the
  tablet changed too (each one conflict), the others other fields of edited or moved trees (merged).
* **Sync** – ``twin.field.sync.sync_package``; phases from ``SyncResult.seconds``; then the same package
  again (must be "unchanged"). Peer: bare pygeodiff on plain files – ``create_changeset(base, tablet)``
  and ``apply_changeset`` onto a copy of the office state as package GeoPackage (written by a second
  export after the office edits, untimed): no policy, no audit history, no conflict handling.

Checked in the run (a difference fails it): the package holds all trees, GDAL returns 100 new fids, the
sync takes 900 updated and 100 new trees with exactly the planned conflicts, the second sync is
"unchanged", a sample of tablet values and the moved positions are in the store, and ogr2ogr's copy has
as many rows as the store.

Every run starts from a fresh project with the same data; the tables show the median of ``--repeats`` runs.

    python -m bench.bench_field            # 10 000 trees, 1 000 changes, 100 office edits, 3 runs
    python -m bench.bench_field --quick    # 500 trees, 50 changes, 6 office edits, 1 run (smoke test)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GDAL_EDIT = ROOT / "tests" / "gdal_edit.py"
EXTENT = (690000.0, 5335000.0, 691000.0, 5336000.0)
SEED = 20261124
TEAM = "baumkontrolle"
HEADERS = ["Phase", "ours [s]", "peer [s]", "Anmerkung"]
COUNT_HEADERS = ["Größe", "Wert"]

SPECIES = [  # (Gattung, Art, deutsch, Höhe max [m])
    ("Tilia", "Tilia cordata", "Winter-Linde", 28.0), ("Acer", "Acer platanoides", "Spitz-Ahorn", 25.0),
    ("Acer", "Acer pseudoplatanus", "Berg-Ahorn", 30.0), ("Quercus", "Quercus robur", "Stiel-Eiche", 35.0),
    ("Fagus", "Fagus sylvatica", "Rotbuche", 35.0),
    ("Platanus", "Platanus × hispanica", "Ahornblättrige Platane", 35.0),
    ("Aesculus", "Aesculus hippocastanum", "Gewöhnliche Rosskastanie", 25.0),
    ("Betula", "Betula pendula", "Hänge-Birke", 22.0), ("Carpinus", "Carpinus betulus", "Hainbuche", 20.0),
    ("Fraxinus", "Fraxinus excelsior", "Gemeine Esche", 30.0), ("Robinia", "Robinia pseudoacacia", "Robinie", 22.0),
    ("Sorbus", "Sorbus aria", "Echte Mehlbeere", 12.0),
]
VITAL = ["0", "1", "2", "3", "4"]
SAFETY = ["verkehrssicher", "Maßnahme erforderlich", "nicht verkehrssicher"]
MEASURES = ["keine", "totholz", "lichtraum", "kronenpflege", "kroneneinkuerzung", "kronensicherung",
            "stammschutz", "standortverbesserung", "untersuchung", "faellung", "nachpflanzung"]
URGENCY = ["sofort", "kurzfristig", "mittelfristig", "regelkontrolle"]
INTERVALS = [6, 12, 24, 36]
FINDINGS = ["ohne Befund", "Totholz in der Krone", "Rindenschaden am Stammfuß", "Pilzfruchtkörper am Stammfuß",
            "Zwiesel mit Rissbildung", "Stammneigung", "Wurzelanhebung im Gehweg", "Kronenbruch",
            "Hohlraum im Stamm", "Lichtraumprofil nicht frei"]
REMARKS = ["Baumscheibe verdichtet", "Anfahrschaden", "Nachkontrolle vom Hubsteiger", "Vogelnest, Brutzeit beachten",
           "Beleuchtung verdeckt", "Gießring fehlt", "—", "Wurzelraum versiegelt"]
INSPECTORS = ["M. Huber", "S. Ott", "K. Berg", "A. Yilmaz", "J. Schmidt"]
STREETS = ["Lindenweg", "Hauptstraße", "Schulstraße", "Bahnhofstraße", "Kirchplatz", "Parkallee", "Am Stadtgraben"]
SITES = ["Straßenbaum", "Grünanlage", "Spielplatz", "Friedhof", "Schulhof", "Parkplatz"]


# --------------------------------------------------------------------------- synthetic data
def gdal_python() -> str | None:
    """A Python with GDAL's own bindings (osgeo), as tests/conftest.py looks for it."""
    for exe in ("/usr/bin/python3", shutil.which("python3") or ""):
        if exe and subprocess.run([exe, "-c", "from osgeo import ogr"], capture_output=True).returncode == 0:
            return exe
    return None


def _massnahmen(rng: random.Random) -> str:
    k = rng.choice((1, 1, 1, 2, 2, 3))
    return "{" + ",".join(sorted(rng.sample(MEASURES[1:], k))) + "}" if rng.random() > 0.4 else "{keine}"


def tree_attrs(i: int, rng: random.Random, *, key: str | None = None, today: date = date(2025, 6, 1)) -> dict:
    """One plausible tree with every FLL field filled."""
    gattung, art, deutsch, hmax = rng.choice(SPECIES)
    year = rng.randint(1900, 2020)
    age = 2026 - year
    height = round(min(hmax, 2.0 + age * rng.uniform(0.18, 0.35)), 1)
    crown = round(min(22.0, 1.5 + height * rng.uniform(0.4, 0.7)), 1)
    last = today - timedelta(days=rng.randint(0, 900))
    interval = rng.choice(INTERVALS)
    vital = rng.choices(VITAL, weights=(50, 30, 12, 6, 2))[0]
    safety = "verkehrssicher" if vital in "01" else rng.choice(SAFETY)
    return {
        "baumnummer": key or f"B{i:05d}", "gattung": gattung, "art": art, "art_deutsch": deutsch,
        "baumhoehe_m": height, "kronendurchmesser_m": crown,
        "kronenansatz_m": round(min(height * 0.5, rng.uniform(1.5, 4.5)), 1),
        "stammumfang_cm": round(age * rng.uniform(1.6, 3.2) + 15.0, 0), "pflanzjahr": year,
        "vitalitaet": vital, "verkehrssicherheit": safety,
        "letzte_kontrolle": last, "naechste_kontrolle": last + timedelta(days=int(30.4 * interval)),
        "kontrollintervall_monate": interval, "kontrollbemerkung": rng.choice(REMARKS),
        "kontrolleur": rng.choice(INSPECTORS), "befund": rng.choice(FINDINGS), "massnahmen": _massnahmen(rng),
        "dringlichkeit": "regelkontrolle" if safety == "verkehrssicher" else rng.choice(URGENCY[:3]),
        "foto": f"feld/fotos/2025/B{i:05d}.jpg" if rng.random() < 0.2 else None,
        "standort": f"{rng.choice(SITES)}, {rng.choice(STREETS)} {rng.randint(1, 120)}",
        "source_file": "baumkataster_2025.csv",
    }


def build_trees(n: int, rng: random.Random) -> list:
    from shapely.geometry import Point

    from twin.store.base import Feature

    out = []
    for i in range(1, n + 1):
        x, y = rng.uniform(EXTENT[0] + 5, EXTENT[2] - 5), rng.uniform(EXTENT[1] + 5, EXTENT[3] - 5)
        out.append(Feature(tree_attrs(i, rng), Point(round(x, 2), round(y, 2))))
    return out


def _other(values: list, *avoid) -> object:
    return next(v for v in values if v not in avoid)


def plan_edits(trees: list, n_changes: int, n_office: int, rng: random.Random) -> dict:
    """The tablet's GDAL edits and the office's store edits, with the conflicts they must give."""
    n_upd, n_move = n_changes * 8 // 10, n_changes // 10
    n_new = n_changes - n_upd - n_move
    picked = rng.sample(range(len(trees)), n_upd + n_move)
    upd, mov = picked[:n_upd], picked[n_upd:]
    edits, tablet_fields, expect = [], {}, {}

    def edited(e: int) -> dict:
        """Who and when, as QField fills them: five inspectors, each one tree every 2 minutes from 7:00."""
        minute = 7 * 60 + 2 * (e // len(INSPECTORS))
        return {"bearbeitet_von": INSPECTORS[e % len(INSPECTORS)],
                "bearbeitet_am": f"2026-11-20T{minute // 60:02d}:{minute % 60:02d}:00"}

    for j, i in enumerate(upd):
        a = trees[i].attrs
        who = INSPECTORS[j % len(INSPECTORS)]
        kind = j % 4
        if kind == 0:  # Regelkontrolle: date, inspector, vitality, next date
            s = {"letzte_kontrolle": "2026-11-20", "kontrolleur": who,
                 "vitalitaet": _other(VITAL, a["vitalitaet"]), "naechste_kontrolle": "2027-11-20"}
        elif kind == 1:  # Befund and Maßnahmen
            s = {"befund": rng.choice(FINDINGS[1:]) + " (Nachkontrolle)", "massnahmen": "{kronenpflege,totholz}",
                 "dringlichkeit": _other(URGENCY, a["dringlichkeit"]),
                 "verkehrssicherheit": _other(SAFETY, a["verkehrssicherheit"])}
        elif kind == 2:  # measured again
            s = {"baumhoehe_m": round(a["baumhoehe_m"] + 0.5, 1),
                 "kronendurchmesser_m": round(a["kronendurchmesser_m"] + 0.3, 1),
                 "stammumfang_cm": a["stammumfang_cm"] + 4.0}
        else:  # remark and interval
            s = {"kontrollbemerkung": f"Kontrolle {who}: {rng.choice(REMARKS)}",
                 "kontrollintervall_monate": _other(INTERVALS, a["kontrollintervall_monate"])}
        tablet_fields[i] = dict(s)
        s.update(edited(j))
        edits.append({"op": "update", "layer": "trees", "where": {"baumnummer": a["baumnummer"]}, "set": s})
    moved = {}
    for j, i in enumerate(mov):
        g = trees[i].geometry
        x, y = round(g.x + rng.uniform(-3, 3), 2), round(g.y + rng.uniform(-3, 3), 2)
        moved[trees[i].attrs["baumnummer"]] = (x, y)
        edits.append({"op": "update", "layer": "trees", "where": {"baumnummer": trees[i].attrs["baumnummer"]},
                      "set": edited(n_upd + j), "wkt": f"POINT ({x} {y})"})
    new_keys = []
    for j in range(n_new):
        a = tree_attrs(0, rng, key=f"N{j + 1:04d}", today=date(2026, 11, 20))
        a.pop("source_file")
        a["foto"] = None
        a = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in a.items()}
        a.update(edited(n_upd + n_move + j))
        x, y = rng.uniform(EXTENT[0] + 5, EXTENT[2] - 5), rng.uniform(EXTENT[1] + 5, EXTENT[3] - 5)
        new_keys.append(a["baumnummer"])
        edits.append({"op": "insert", "layer": "trees", "set": a, "wkt": f"POINT ({x:.2f} {y:.2f})"})
    # office: half the same field as the tablet (conflict), a quarter other fields of edited trees, the rest on
    # moved trees (attributes; merged with the tablet's new position)
    n_conf = n_office // 2
    n_other = (n_office - n_conf) // 2
    n_on_moved = n_office - n_conf - n_other
    office = {}
    conflicts = set()
    for i in upd[:n_conf]:
        a = trees[i].attrs
        col = next(iter(tablet_fields[i]))
        cur = a[col]
        if col == "letzte_kontrolle":
            col, cur = "vitalitaet", a["vitalitaet"]
        values = {"vitalitaet": VITAL, "befund": [f + " (Büro)" for f in FINDINGS], "baumhoehe_m": None,
                  "kontrollbemerkung": None}.get(col)
        if col == "baumhoehe_m":
            new = round(cur + 1.5, 1)
        elif col == "kontrollbemerkung":
            new = "Büro: Anwohnerbeschwerde, bitte ansehen"
        else:
            new = _other(values, cur, tablet_fields[i].get(col))
        office[i] = {col: new}
        conflicts.add((a["baumnummer"], col))
    untouched = {"vitalitaet", "befund", "baumhoehe_m", "kontrollbemerkung", "standort"}
    for i in upd[n_conf:n_conf + n_other]:
        col = sorted(untouched - set(tablet_fields[i]) - {"vitalitaet"})[0]
        office[i] = {col: f"{trees[i].attrs[col]} (Büro)" if col != "baumhoehe_m" else trees[i].attrs[col] + 1.0}
    for i in mov[:n_on_moved]:
        office[i] = {"standort": f"{trees[i].attrs['standort']} (Büro: Lage geprüft)"}
    for i, s in office.items():
        expect[trees[i].attrs["baumnummer"]] = s
    return {"edits": edits, "office": office, "conflicts": conflicts, "tablet_fields": tablet_fields,
            "moved": moved, "new_keys": new_keys, "n_upd": n_upd, "n_move": n_move, "n_new": n_new,
            "office_expect": expect}


# --------------------------------------------------------------------------- peers
def run_ogr2ogr(src: Path, dest: Path) -> tuple[float | None, int | None]:
    exe = shutil.which("ogr2ogr")
    if exe is None:
        return None, None
    t0 = time.perf_counter()
    subprocess.run([exe, "-f", "GPKG", str(dest), str(src), "trees"], check=True, capture_output=True)
    dt = time.perf_counter() - t0
    import sqlite3

    con = sqlite3.connect(dest)
    n = con.execute('SELECT count(*) FROM "trees"').fetchone()[0]
    con.close()
    return dt, n


def run_bare_pygeodiff(base: Path, tablet: Path, office: Path, work: Path) -> dict:
    """create_changeset(base, tablet) + apply_changeset onto a copy of the office state, trees table only."""
    import pygeodiff

    target = work / "peer_buero.gpkg"
    shutil.copyfile(office, target)
    diff = pygeodiff.GeoDiff()
    diff.set_tables_to_include(["trees"])
    ch = work / "peer.bin"
    t0 = time.perf_counter()
    diff.create_changeset(str(base), str(tablet), str(ch))
    t1 = time.perf_counter()
    n_changes = diff.changes_count(str(ch))
    t2 = time.perf_counter()
    error = None
    try:
        diff.apply_changeset(str(target), str(ch))
    except pygeodiff.GeoDiffLibConflictError as exc:
        error = type(exc).__name__
    t3 = time.perf_counter()
    left = work / "peer_rest.bin"  # did the failed apply leave anything behind? (untimed)
    diff.create_changeset(str(office), str(target), str(left))
    office_changed = diff.changes_count(str(left)) if diff.has_changes(str(left)) else 0
    # the same changeset onto a copy of the base: what apply costs without conflicts
    plain = work / "peer_basis.gpkg"
    shutil.copyfile(base, plain)
    t4 = time.perf_counter()
    diff.apply_changeset(str(plain), str(ch))
    t5 = time.perf_counter()
    return {"changeset_s": t1 - t0, "apply_office_s": t3 - t2, "apply_office_error": error,
            "apply_office_rows_changed": office_changed,
            "apply_base_s": t5 - t4, "changes": n_changes}


# --------------------------------------------------------------------------- the run
def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run(n_trees: int, n_changes: int, n_office: int, py: str, work: Path) -> dict:
    from twin.field.export import export_package, snapshot_path
    from twin.field.sync import sync_package
    from twin.model.trees import TREES
    from twin.project import Project
    from twin.store.base import Feature

    rng = random.Random(SEED)
    out: dict = {"rss_mb": {}}
    t0 = time.perf_counter()
    trees = build_trees(n_trees, rng)
    out["synth_s"] = time.perf_counter() - t0
    p = Project.create(work / "projekt", crs=25832, name="Bench Feld", extent=EXTENT)
    try:
        t0 = time.perf_counter()
        p.store.create_layer(TREES)
        p.store.upsert("trees", trees, actor="Import Baumkataster")
        out["build_s"] = time.perf_counter() - t0
        assert p.store.count("trees") == n_trees
        out["rss_mb"]["nach Aufbau"] = peak_rss_mb()

        # ---- export
        pkg = work / "paket"
        exp = export_package(p, TEAM, pkg, actor="Büro (Frau Lang)")
        out["export_s"] = dict(exp.seconds)
        out["export_counts"] = dict(exp.counts)
        out["gpkg_mb"] = (pkg / "daten.gpkg").stat().st_size / 1e6
        out["rss_mb"]["nach Export"] = peak_rss_mb()
        if exp.counts.get("trees") != n_trees:
            raise SystemExit(f"Paket hat {exp.counts.get('trees')} Bäume statt {n_trees}")
        base_copy = work / "basis.gpkg"
        shutil.copyfile(snapshot_path(p, exp.package_id, 0), base_copy)  # for the peer (sync adds stand_1)
        ogr_s, ogr_n = run_ogr2ogr(p.root / "twin.gpkg", work / "ogr2ogr.gpkg")
        if ogr_n is not None and ogr_n != n_trees:
            raise SystemExit(f"ogr2ogr hat {ogr_n} Bäume kopiert statt {n_trees}")
        out["ogr2ogr_s"] = ogr_s

        # ---- tablet (GDAL) and office (store) edits
        plan = plan_edits(trees, n_changes, n_office, rng)
        spec = work / "edits.json"
        spec.write_text(json.dumps(plan["edits"], ensure_ascii=False), encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([py, str(GDAL_EDIT), str(pkg / "daten.gpkg"), str(spec)], capture_output=True,
                              text=True)
        out["tablet_s"] = time.perf_counter() - t0
        if proc.returncode != 0:
            raise SystemExit(f"GDAL-Bearbeitung fehlgeschlagen: {proc.stderr.strip()[-500:]}")
        new_fids = json.loads(proc.stdout)
        if len(new_fids) != plan["n_new"]:
            raise SystemExit(f"GDAL hat {len(new_fids)} neue Bäume angelegt statt {plan['n_new']}")
        office_feats = []
        for i, s in plan["office"].items():
            f = trees[i]
            office_feats.append(Feature({**f.attrs, **s}, f.geometry))
        t0 = time.perf_counter()
        p.store.upsert("trees", office_feats, actor="Büro (Frau Lang)")
        out["office_s"] = time.perf_counter() - t0
        # the office state as package, for the bare pygeodiff peer (untimed; same fids = store row ids)
        office_pkg = export_package(p, TEAM, work / "buero_paket", actor="Bench").path / "daten.gpkg"

        # ---- sync
        res = sync_package(p, pkg, actor="Büro (Frau Lang)")
        out["sync_s"] = dict(res.seconds)
        out["rss_mb"]["nach Sync"] = peak_rss_mb()
        out["inserted"], out["updated"] = dict(res.inserted), dict(res.updated)
        got = {(c["objekt"], c["feld"]) for c in res.conflicts}
        out["conflicts"] = len(res.conflicts)
        if res.unchanged or got != plan["conflicts"]:
            raise SystemExit(f"Konflikte verschieden: erwartet {len(plan['conflicts'])}, bekommen {len(got)}; "
                             f"fehlen {sorted(plan['conflicts'] - got)[:3]}, "
                             f"zu viel {sorted(got - plan['conflicts'])[:3]}")
        want_upd = plan["n_upd"] + plan["n_move"]
        if res.inserted.get("trees") != plan["n_new"] or res.updated.get("trees") != want_upd:
            raise SystemExit(f"Übernommen: neu {res.inserted}, geändert {res.updated}; erwartet {plan['n_new']} neu, "
                             f"{want_upd} geändert")
        _check_store(p, trees, plan, n_trees)
        again = sync_package(p, pkg, actor="Büro (Frau Lang)")
        if not again.unchanged:
            raise SystemExit("Zweiter Abgleich desselben Pakets war nicht 'unverändert'")
        out["sync2_s"] = again.seconds["gesamt"]
        out["plan"] = {k: plan[k] for k in ("n_upd", "n_move", "n_new")}
        out["plan"]["who_when"] = len({(e["set"].get("bearbeitet_von"), str(e["set"].get("bearbeitet_am"))[:16])
                                       for e in plan["edits"]})
        out["office_edits"] = len(plan["office"])
    finally:
        p.close()
    out["peer"] = run_bare_pygeodiff(base_copy, pkg / "daten.gpkg", office_pkg, work)
    out["rss_mb"]["Ende"] = peak_rss_mb()
    return out


def _check_store(p, trees: list, plan: dict, n_trees: int) -> None:
    """A sample of what must be in the store now: tablet values, office values, conflicts kept, moved trees."""
    if p.store.count("trees") != n_trees + plan["n_new"]:
        raise SystemExit(f"{p.store.count('trees')} Bäume im Bestand statt {n_trees + plan['n_new']}")
    conflicted = {}
    for key, col in plan["conflicts"]:
        conflicted.setdefault(key, set()).add(col)
    for i, fields in list(plan["tablet_fields"].items())[:: max(1, len(plan["tablet_fields"]) // 50)]:
        key = trees[i].attrs["baumnummer"]
        a = p.store.get("trees", key).attrs
        for col, v in fields.items():
            want = plan["office_expect"][key][col] if col in conflicted.get(key, ()) else v
            if str(a[col])[:10] != str(want)[:10]:
                raise SystemExit(f"{key}.{col}: im Bestand {a[col]!r}, erwartet {want!r}")
    for key, values in plan["office_expect"].items():  # office edits: kept, also where the tablet edited too
        a = p.store.get("trees", key).attrs
        for col, v in values.items():
            if str(a[col]) != str(v):
                raise SystemExit(f"Büro-Änderung {key}.{col} verloren: {a[col]!r} statt {v!r}")
    for key, (x, y) in list(plan["moved"].items())[:20]:
        g = p.store.get("trees", key).geometry
        if abs(g.x - x) > 1e-6 or abs(g.y - y) > 1e-6:
            raise SystemExit(f"{key} liegt bei {g.x}, {g.y} statt {x}, {y}")
    for key in plan["new_keys"][:20]:
        if p.store.get("trees", key) is None:
            raise SystemExit(f"Neuer Baum {key} fehlt im Bestand")


def _median_of(runs: list) -> object:
    """Every number the median over the runs, everything else from the first run (the same in all)."""
    first = runs[0]
    if isinstance(first, dict):
        return {k: _median_of([r[k] for r in runs]) for k in first}
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in runs):
        return statistics.median(runs)
    return first


def _markdown(headers: list[str], rows: list[list[str]], align: list[str]) -> str:
    """A markdown table with the given column alignment (numbers right, notes left)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(align) + "|"]
    return "\n".join(lines + ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_field", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="kleine Größen (Smoke-Test)")
    ap.add_argument("--trees", type=int, help="Bäume im Projekt (Standard 10 000)")
    ap.add_argument("--changes", type=int, help="Änderungen auf dem Tablet (Standard 1 000)")
    ap.add_argument("--office", type=int, help="Änderungen im Büro (Standard 100)")
    ap.add_argument("--repeats", type=int, help="Durchläufe, je mit frischem Projekt; gezeigt wird der Median "
                                                 "(Standard 3, --quick 1)")
    args = ap.parse_args(argv)
    n_trees = args.trees or (500 if args.quick else 10_000)
    n_changes = args.changes or (50 if args.quick else 1_000)
    n_office = args.office or (6 if args.quick else 100)
    repeats = args.repeats or (1 if args.quick else 3)
    sys.path.insert(0, str(ROOT))
    from bench.synth import fmt, machine_info, markdown_table, print_table, write_json, write_text

    py = gdal_python()
    if py is None:
        print("FEHLER: Kein Python mit GDAL-Bindungen (osgeo) gefunden – /usr/bin/python3 -c 'from osgeo import ogr' "
              "schlägt fehl. Die Tablet-Seite bearbeitet das Paket über GDALs OGR-API wie QField; bitte python3-gdal "
              "installieren (apt-get install python3-gdal).", file=sys.stderr)
        return 2
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="stadtzwilling-bench-field-"))
    try:
        print(f"{n_trees} Bäume, {n_changes} Änderungen auf dem Tablet, {n_office} im Büro …", file=sys.stderr)
        runs = []
        for k in range(repeats):
            (tmp / f"lauf{k}").mkdir()
            runs.append(run(n_trees, n_changes, n_office, py, tmp / f"lauf{k}"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    load_after = os.getloadavg()
    r = _median_of(runs)
    r["rss_mb"] = runs[0]["rss_mb"]  # the process's peak only grows: the first run's values

    ex, sy, peer = r["export_s"], r["sync_s"], r["peer"]
    ex_rest = ex["gesamt"] - ex["geopackage"]
    peer_total = peer["changeset_s"] + peer["apply_office_s"]
    if peer["apply_office_error"]:
        apply_note = "peer: apply_changeset auf den Bürostand – bricht bei Konflikten ab¹"
        peer_note = (f"¹ Bare pygeodiff: apply_changeset auf eine Kopie des Bürostands bricht wegen der "
                     f"{r['conflicts']} Konflikte ab ({peer['apply_office_error']}); danach weicht die Kopie in "
                     f"{peer['apply_office_rows_changed']} Zeilen vom Bürostand ab (0 = nichts übernommen). Dasselbe "
                     f"Changeset auf eine Kopie der Basis (keine Konflikte): {fmt(peer['apply_base_s'], 3)} s.")
    else:
        apply_note = "peer: apply_changeset auf den Bürostand"
        peer_note = f"Bare pygeodiff: apply_changeset auf eine Kopie der Basis: {fmt(peer['apply_base_s'], 3)} s."
    n_trees_s = f"{n_trees:,}".replace(",", " ")
    rows = [
        ["Projekt aufbauen (store.upsert, Historie)", fmt(r["build_s"], 3), "–", f"{n_trees_s} Bäume, Vorbereitung"],
        ["Export: Ebenen lesen + daten.gpkg schreiben", fmt(ex["geopackage"], 3), fmt(r["ogr2ogr_s"], 3),
         "peer: ogr2ogr -f GPKG twin.gpkg trees"],
        ["Export: .qgs, Stand 0, Registrierung", fmt(ex_rest, 3), "–", ""],
        ["Export gesamt", fmt(ex["gesamt"], 3), fmt(r["ogr2ogr_s"], 3), f"daten.gpkg {fmt(r['gpkg_mb'], 1)} MB"],
        [f"Tablet: {n_changes} Änderungen über GDAL/OGR", "–", fmt(r["tablet_s"], 3),
         "gdal_edit.py, 1 Transaktion; nicht unser Code"],
        [f"Büro: {r['office_edits']} Änderungen (store.upsert)", fmt(r["office_s"], 3), "–",
         "währenddessen im Büro"],
        ["Sync: tablet_aenderungen", fmt(sy["tablet_aenderungen"], 3), fmt(peer["changeset_s"], 3),
         "peer: create_changeset(Basis, Tablet)"],
        ["Sync: buero_stand", fmt(sy["buero_stand"], 3), "–", "Store als Paket schreiben"],
        ["Sync: zusammenfuehren", fmt(sy["zusammenfuehren"], 3), "–", "rebase + Changeset Büro → Ergebnis"],
        ["Sync: uebernehmen", fmt(sy["uebernehmen"], 3), fmt(peer["apply_office_s"], 3), apply_note],
        ["Sync gesamt", fmt(sy["gesamt"], 3), fmt(peer_total, 3), "peer: ohne Policy, Historie, Konflikte"],
        ["zweiter Sync desselben Pakets", fmt(r["sync2_s"], 3), "–", "„unverändert“"],
    ]
    counts = [
        ["Bäume im Projekt / im Paket", f"{n_trees} / {r['export_counts'].get('trees')}"],
        ["daten.gpkg [MB]", fmt(r["gpkg_mb"], 2)],
        ["Tablet: Attribut-Änderungen / verschoben / neu",
         f"{r['plan']['n_upd']} / {r['plan']['n_move']} / {r['plan']['n_new']}"],
        ["Tablet: verschiedene Angaben „bearbeitet von“ + Minute „bearbeitet am“", str(r["plan"]["who_when"])],
        ["Büro: Änderungen (davon am selben Feld wie das Tablet)", f"{r['office_edits']} ({r['conflicts']})"],
        ["Sync: geändert / neu übernommen", f"{r['updated'].get('trees', 0)} / {r['inserted'].get('trees', 0)}"],
        ["Sync: Konflikte (Büro-Wert bleibt, Konfliktliste)", str(r["conflicts"])],
        ["pygeodiff-Changeset Basis → Tablet: Änderungen", str(peer["changes"])],
        ["Spitzen-RSS des Prozesses [MB] nach Aufbau / Export / Sync (1. Durchlauf)",
         " / ".join(fmt(r["rss_mb"][k], 0) for k in ("nach Aufbau", "nach Export", "nach Sync"))],
    ]
    cores = os.cpu_count()
    notes = [
        f"Median aus {repeats} Durchläufen, jeder mit frischem Projekt und denselben Daten (Startwert {SEED}); "
        f"Load vor/nach dem Lauf "
        f"{load_before[0]:.2f} / {load_after[0]:.2f} (1 min), {cores} Kerne.",
        "Export ohne BBox (ganzes Projekt), Feldteam baumkontrolle (Standard-Policy), GeoPackage-Store.",
        "Geprüft: Konflikte genau die geplanten, geändert/neu wie geplant, Stichprobe der Werte und Lagen im "
        "Bestand, "
        "Büro-Änderungen erhalten, zweiter Sync unverändert, ogr2ogr-Kopie mit gleich vielen Bäumen.",
        "ogr2ogr läuft als eigener Prozess (Programmstart inbegriffen) und schreibt nur den Layer trees; unser "
        "Export liest über die Rollensitzung und schreibt dazu Wertelisten, Paketangaben und leere Kontextlayer.",
        peer_note,
    ]
    if r["ogr2ogr_s"] is None:
        notes.append("ogr2ogr nicht gefunden (gdal-bin) – Vergleich beim Export fehlt.")
    title = (f"Feldarbeit: Export und Sync, {n_trees_s} Bäume, {n_changes} Änderungen auf dem Tablet, "
             f"{r['office_edits']} im Büro (Team baumkontrolle)")
    print_table(title, HEADERS, rows, notes)
    print_table("Feldarbeit: Anzahlen", COUNT_HEADERS, counts)
    stem = "bench_field.quick" if args.quick else "bench_field"
    path = write_json(f"{stem}.json", {"benchmark": "field", "machine": machine_info(), "args": vars(args),
                                       "trees": n_trees, "changes": n_changes, "repeats": repeats,
                                       "loadavg_before": load_before, "loadavg_after": load_after, "median": r,
                                       "runs": runs})
    write_text(f"{stem}.md", f"**{title}**\n\n" + _markdown(HEADERS, rows, ["---", "---:", "---:", "---"]) + "\n\n"
               + markdown_table(COUNT_HEADERS, counts) + "\n\n" + "\n".join(f"- {n}" for n in notes) + "\n")
    print(f"JSON: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
