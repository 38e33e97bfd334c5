"""Bounding-box benchmark: our GeoPackage store vs. GDAL (pyogrio) on the same file.

A project store gets 100 000 random points (and 100 000 small rotated rectangles) written
with one ``store.upsert`` call each, once as a list of ``Feature`` and once (into a second,
fresh project) as a columnar ``FeatureTable``; the write times are compared with GDAL writing
the same features (``pyogrio.write_dataframe`` into a new GeoPackage). Then square query boxes of
0.1 %, 1 % and 10 % of the extent (the same random boxes for every variant) are read with

* ``ours``        – ``store.query_bbox(layer, box)`` (Features with shapely geometry and attributes),
* ``ours geom=False`` – the same without geometries,
* ``GDAL``        – ``pyogrio.read_dataframe(twin.gpkg, layer=…, bbox=box)`` (a GeoDataFrame).

Correctness is checked inside the benchmark for every box: ours and GDAL both return exactly
the features whose geometry intersects the box (checked against numpy/shapely in double
precision, and ours against GDAL feature by feature). A mismatch fails the run.

    python -m bench.bench_bbox             # 100 000 points + 100 000 polygons, 20 boxes × 3 repeats
    python -m bench.bench_bbox --quick     # small N (smoke test)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from bench.synth import (
    BENCH_PARCELS,
    BENCH_POINTS,
    EXTENT,
    fmt,
    machine_info,
    markdown_table,
    median,
    parcel_features,
    point_features,
    print_table,
    random_boxes,
    timed,
    traced_peak_mb,
    write_json,
    write_text,
)

VARIANTS = ("ours", "ours-nogeom", "gdal")
VARIANT_TITLES = {
    "ours": "ours: store.query_bbox",
    "ours-nogeom": "ours: store.query_bbox(geometry=False)",
    "gdal": "GDAL: pyogrio.read_dataframe(bbox=…)",
}
WRITE_TITLES = {"ours": "ours: store.upsert (1 Aufruf)", "ours-table": "ours: store.upsert(FeatureTable)",
                "gdal": "GDAL: pyogrio.write_dataframe"}
QUERY_HEADERS = ["Layer · Box", "Variante", "Messungen", "Median [ms]", "µs je Treffer", "Treffer (Median)",
                 "Py-Peak [MB]"]
WRITE_HEADERS = ["Layer", "Variante", "N", "Zeit [s]", "Objekte/s", "Datei Δ [MB]"]
LAYER_TITLES = {"bench_points": "Punkte", "bench_parcels": "Polygone"}


class Truth:
    """Expected hit counts of a layer: features whose geometry intersects a box (double precision)."""

    def __init__(self, geoms: np.ndarray, points: bool) -> None:
        self.geoms, self.points = geoms, points
        self.bounds = shapely.bounds(geoms)

    @staticmethod
    def _overlap(b: np.ndarray, box) -> np.ndarray:
        return (b[:, 0] <= box[2]) & (b[:, 2] >= box[0]) & (b[:, 1] <= box[3]) & (b[:, 3] >= box[1])

    def exact(self, box) -> int:
        env = self._overlap(self.bounds, box)
        if self.points:
            return int(env.sum())
        cand = np.flatnonzero(env)
        return int(shapely.intersects(self.geoms[cand], shapely.box(*box)).sum())



# ----------------------------------------------------------------------------- writing
def _gdal_write(features, schema, path: Path) -> float:
    import geopandas as gpd
    import pyogrio

    gdf = gpd.GeoDataFrame([f.attrs for f in features], geometry=[f.geometry for f in features], crs=25832)
    t, _ = timed(lambda: pyogrio.write_dataframe(gdf, path, layer=schema.name, driver="GPKG"))
    return t


def _feature_table(features):
    """The features as columns, numeric ones as numpy arrays (as an importer reading a file hands them over)."""
    from twin.store import FeatureTable

    table = FeatureTable.from_features(features)
    cols = {n: np.asarray(c) if n in ("value", "year") else c for n, c in table.columns.items()}
    return FeatureTable(cols, np.asarray(table.geometry, dtype=object))


def write_layer(project, schema, features, tmp: Path) -> list[dict[str, Any]]:
    from twin.project import Project

    gpkg = project.root / "twin.gpkg"
    project.store.create_layer(schema)
    size0 = gpkg.stat().st_size
    t_ours, res = timed(lambda: project.store.upsert(schema.name, features))
    assert res.inserted == len(features), res
    # the same data as a FeatureTable, into a fresh project of its own (the first one has these keys already)
    table = _feature_table(features)
    other = Project.create(tmp / f"table_{schema.name}", crs=25832, name="Benchmark", extent=EXTENT)
    other.store.create_layer(schema)
    other_gpkg = other.root / "twin.gpkg"
    size1 = other_gpkg.stat().st_size
    t_table, res = timed(lambda: other.store.upsert(schema.name, table))
    assert res.inserted == len(features), res
    other.close()
    gdal_path = tmp / f"{schema.name}.gpkg"
    t_gdal = _gdal_write(features, schema, gdal_path)
    return [
        {"layer": schema.name, "variant": "ours", "n": len(features), "seconds": t_ours,
         "file_delta_mb": (gpkg.stat().st_size - size0) / 1e6},
        {"layer": schema.name, "variant": "ours-table", "n": len(features), "seconds": t_table,
         "file_delta_mb": (other_gpkg.stat().st_size - size1) / 1e6},
        {"layer": schema.name, "variant": "gdal", "n": len(features), "seconds": t_gdal,
         "file_delta_mb": gdal_path.stat().st_size / 1e6},
    ]


# ----------------------------------------------------------------------------- querying
def _query(variant: str, store, gpkg: Path, layer: str, box):
    if variant == "ours":
        return store.query_bbox(layer, box)
    if variant == "ours-nogeom":
        return store.query_bbox(layer, box, geometry=False)
    import pyogrio

    return pyogrio.read_dataframe(gpkg, layer=layer, bbox=box)


def _keys(variant: str, result, key: str) -> set[str]:
    if variant == "gdal":
        return set(result[key].astype(str))
    return {str(f.attrs[key]) for f in result}


def query_layer(store, gpkg: Path, schema, truth: Truth, fractions, n_boxes: int, repeats: int,
                check: dict[str, int]) -> list[dict[str, Any]]:
    layer, key = schema.name, schema.key
    for v in VARIANTS:  # warm-up: imports, first open, page cache
        _query(v, store, gpkg, layer, random_boxes(fractions[0], 1)[0])
    out = []
    for frac in fractions:
        boxes = random_boxes(frac, n_boxes)
        times: dict[str, list[float]] = {v: [] for v in VARIANTS}
        hits: dict[str, list[int]] = {v: [] for v in VARIANTS}
        for rep in range(repeats):
            for box in boxes:
                found = {}
                for v in VARIANTS:
                    dt, res = timed(lambda: _query(v, store, gpkg, layer, box))
                    times[v].append(dt)
                    if rep == 0:
                        hits[v].append(len(res))
                        if v != "ours-nogeom":
                            found[v] = _keys(v, res, key)
                if rep == 0:
                    _check(truth, box, hits, found, layer, check)
        exact = [truth.exact(b) for b in boxes]
        mid = boxes[int(np.argsort(exact)[len(exact) // 2])]
        for v in VARIANTS:
            peak, _ = traced_peak_mb(lambda: _query(v, store, gpkg, layer, mid))
            med_ms = 1e3 * median(times[v])
            med_hits = median([float(h) for h in hits[v]])
            out.append({
                "layer": layer, "n": len(truth.geoms), "fraction": frac, "variant": v, "boxes": len(boxes),
                "repeats": repeats, "measurements": len(times[v]), "median_ms": med_ms,
                "p90_ms": 1e3 * float(np.percentile(times[v], 90)), "median_hits": med_hits,
                "us_per_hit": 1e3 * med_ms / med_hits if med_hits else float("nan"),
                "hits": hits[v], "exact_hits": exact, "py_peak_mb": peak,
            })
    return out


def _check(truth: Truth, box, hits, found, layer: str, check: dict[str, int]) -> None:
    """The correctness check for one box (raises AssertionError on a mismatch)."""
    exact = truth.exact(box)
    ours, nogeom, gdal = hits["ours"][-1], hits["ours-nogeom"][-1], hits["gdal"][-1]
    assert gdal == exact, f"{layer} {box}: GDAL {gdal} Treffer, exakt {exact}"
    assert ours == exact, f"{layer} {box}: ours {ours} Treffer, exakt {exact}"
    assert nogeom == ours, f"{layer} {box}: geometry=False {nogeom} ≠ {ours}"
    assert found["gdal"] == found["ours"], f"{layer} {box}: ours und GDAL liefern verschiedene Objekte"
    check["boxes"] += 1


# ----------------------------------------------------------------------------- main
def _pct(frac: float) -> str:
    return f"{100 * frac:g} %".replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_bbox", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="kleines N, 5 Boxen, 1 Wiederholung (Smoke-Test)")
    ap.add_argument("--points", type=int, help="Anzahl Punkte (Standard 100000)")
    ap.add_argument("--polygons", type=int, help="Anzahl Polygone, 0 = keine (Standard 100000)")
    ap.add_argument("--boxes", type=int, help="Boxen je Größe (Standard 20)")
    ap.add_argument("--repeats", type=int, help="Wiederholungen je Box (Standard 3)")
    ap.add_argument("--fractions", type=float, nargs="+", default=[0.001, 0.01, 0.1],
                    help="Boxfläche als Anteil der Ausdehnung (Standard 0.001 0.01 0.1)")
    args = ap.parse_args(argv)
    n_points = args.points if args.points is not None else (3000 if args.quick else 100_000)
    n_polys = args.polygons if args.polygons is not None else (1000 if args.quick else 100_000)
    n_boxes = args.boxes or (5 if args.quick else 20)
    repeats = args.repeats or (1 if args.quick else 3)

    from twin.project import Project

    tmp = Path(tempfile.mkdtemp(prefix="stadtzwilling-bench-bbox-"))
    writes, queries = [], []
    check = {"boxes": 0}
    try:
        project = Project.create(tmp / "project", crs=25832, name="Benchmark", extent=EXTENT)
        gpkg = project.root / "twin.gpkg"
        layers = []
        feats, xy = point_features(n_points)
        layers.append((BENCH_POINTS, feats, Truth(shapely.points(xy), points=True)))
        if n_polys:
            feats, geoms = parcel_features(n_polys)
            layers.append((BENCH_PARCELS, feats, Truth(geoms, points=False)))
        for schema, feats, _ in layers:
            print(f"schreibe {len(feats)} Objekte in {schema.name} …", file=sys.stderr)
            writes += write_layer(project, schema, feats, tmp)
        del feats
        for schema, _, truth in layers:
            print(f"frage {schema.name} ab …", file=sys.stderr)
            t0 = time.perf_counter()
            queries += query_layer(project.store, gpkg, schema, truth, args.fractions, n_boxes, repeats, check)
            print(f"  {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        project.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    write_rows = [[LAYER_TITLES[w["layer"]], WRITE_TITLES[w["variant"]], f"{w['n']:,}".replace(",", " "),
                   fmt(w["seconds"], 2), fmt(w["n"] / w["seconds"], 0), fmt(w["file_delta_mb"], 1)] for w in writes]
    query_rows = []
    for q in queries:
        n = f"{q['n']:,}".replace(",", " ")
        label = f"{LAYER_TITLES[q['layer']]} {n} · {_pct(q['fraction'])}"
        query_rows.append([
            label, VARIANT_TITLES[q["variant"]], f"{q['boxes']}×{q['repeats']}", fmt(q["median_ms"], 2),
            fmt(q["us_per_hit"], 1), fmt(q["median_hits"], 0), fmt(q["py_peak_mb"], 1),
        ])
    write_notes = [
        "ours: ein store.upsert-Aufruf in eine Projekt-GeoPackage (Schlüsselabgleich, Audit-Historie je Objekt, "
        "R-Baum am Ende gepackt geschrieben), einmal mit einer Feature-Liste, einmal mit einer FeatureTable "
        "(Spalten, Zahlen als numpy; in ein zweites, neues Projekt); GDAL: neue GeoPackage-Datei nur mit diesem Layer.",
        "Datei Δ: Wachstum von twin.gpkg (inkl. twz_history) bzw. Größe der GDAL-Datei.",
    ]
    query_notes = [
        f"Median über {n_boxes} zufällige quadratische Boxen × {repeats} Wiederholungen (Spalte Messungen), "
        "dieselben Boxen für alle Varianten, abwechselnd gemessen; Box = Anteil an der Fläche der Ausdehnung.",
        "GDAL öffnet die Datei bei jedem Aufruf neu (so ruft man read_dataframe auf); "
        "ours nutzt die offene Verbindung.",
        f"Prüfung bestanden für {check['boxes']} Boxen: ours = GDAL = exakt (Geometrie schneidet das Rechteck, "
        "doppelte Genauigkeit), Objekt für Objekt verglichen.",
        "Py-Peak = tracemalloc-Spitze einer zusätzlichen, ungemessenen Abfrage der Box mit mittlerer Trefferzahl "
        "(Python + numpy/pandas; GDALs C-Speicher wird nicht erfasst).",
    ]
    print_table("Schreiben: store.upsert vs. GDAL", WRITE_HEADERS, write_rows, write_notes)
    title = "BBox-Abfragen: ours (store.query_bbox) vs. GDAL (pyogrio.read_dataframe)"
    print_table(title, QUERY_HEADERS, query_rows, query_notes)
    payload = {"benchmark": "bbox", "machine": machine_info(), "args": vars(args), "points": n_points,
               "polygons": n_polys, "boxes": n_boxes, "repeats": repeats, "check": check,
               "writes": writes, "queries": queries}
    stem = "bench_bbox.quick" if args.quick else "bench_bbox"
    path = write_json(f"{stem}.json", payload)
    md = ("**Schreiben: store.upsert vs. GDAL**\n\n" + markdown_table(WRITE_HEADERS, write_rows) + "\n\n"
          + "\n".join(f"- {n}" for n in write_notes) + f"\n\n**{title}**\n\n"
          + markdown_table(QUERY_HEADERS, query_rows) + "\n\n" + "\n".join(f"- {n}" for n in query_notes) + "\n")
    write_text(f"{stem}.md", md)
    print(f"JSON: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
