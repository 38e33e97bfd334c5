"""LiDAR → DGM (lowest ground point per 1 m cell) and DOM (highest point per cell): ours vs ``gdal_grid``.

Input: a deterministic synthetic ALS cloud (fixed seed, no files read): a gently sloped terrain with
noise, flat-roofed buildings (class 6) and round tree crowns (class 5), ground points class 2,
``density`` points/m² over a square of ``side`` metres (default 500 m × 500 m at 8 pts/m² = 2 M points;
``--quick``: 150 m × 150 m). The same points are written once as LAS 1.4 (for ours) and once as CSV
(for GDAL – GDAL 3.6 here has no LAS driver and PDAL is not installed).

* ``ours`` – :mod:`importers.lidar.grid` on the points read from the LAS file with laspy: cell index,
  ``np.minimum.at`` (ground) / ``np.maximum.at`` (all), both written as float32 GeoTIFFs. Timed from
  reading the LAS file to both GeoTIFFs on disk, in the running process (modules loaded).
* ``GDAL`` – two ``gdal_grid`` processes on the CSV through an OGR VRT (``ground`` layer = the class-2
  rows via ``<SrcSQL>``, ``all`` layer = every row)::

      gdal_grid -a minimum:radius1=0.5:radius2=0.5:nodata=-9999 -txe X0 X1 -tye Y1 Y0 -outsize W H \
                -zfield z -l ground -ot Float32 pts.vrt dgm.tif
      gdal_grid -a maximum:radius1=0.5:radius2=0.5:nodata=-9999 ... -l all pts.vrt dom.tif

  GDAL searches a circle of radius 0.5 m (the circle inscribed in the cell) around each cell centre;
  it has no square window. Its points per cell are therefore a subset of ours.

Memory (second table): the whole :class:`importers.lidar.LidarImporter` (DGM, DOM, CHM, nDOM, display
cloud, store) on the same LAS file, once as one chunk (the whole cloud in memory, as before chunked
reading) and once in chunks of an eighth of the points (at least 10 000), each in a fresh child process
(``--child``): peak RSS of the import (Linux ``VmHWM``, reset through ``/proc/self/clear_refs`` just
before it; elsewhere ``ru_maxrss``) and its growth over the RSS before it (modules loaded, project
created, one small warm-up import done), i.e. what the import itself needs.

Check (exits non-zero on failure): for every cell both define, ours_min ≤ GDAL_min and
ours_max ≥ GDAL_max (exact, 1 mm float tolerance: GDAL sees a subset), and at least 90 % of those cells
agree within 0.25 m (the corners of the square cell outside GDAL's circle explain the rest).

    python -m bench.bench_lidar            # 500 m × 500 m, 8 pts/m²
    python -m bench.bench_lidar --quick    # 150 m × 150 m (smoke test)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
HEADERS = ["Variante", "Punkte", "Zellen", "Zeit [s]", "Punkte/s"]
MEM_HEADERS = ["Variante", "Punkte", "Chunk", "Zeit [s]", "Spitzen-RSS [MB]", "Zuwachs [MB]"]
X0, Y0 = 690000.0, 5335000.0
SEED = 20240611
TOL, SHARE = 0.25, 0.90


def synth_cloud(side: float, density: float, seed: int = SEED) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    n = int(side * side * density)
    x = X0 + rng.random(n) * side
    y = Y0 + rng.random(n) * side
    ground = 480.0 + 0.02 * (x - X0) + 0.01 * (y - Y0) + rng.normal(0, 0.03, n)
    z = ground.copy()
    cls = np.full(n, 2, np.uint8)
    gx, gy = (x - X0) % 40, (y - Y0) % 40  # one house (12 m × 10 m, 9 m) per 40 m block
    house = (gx > 5) & (gx < 17) & (gy > 5) & (gy < 15)
    z[house] += 9.0 + rng.normal(0, 0.05, house.sum())
    cls[house] = 6
    tree = ((gx - 30) ** 2 + (gy - 28) ** 2 < 16) & (rng.random(n) < 0.7)  # 4 m crown, 30 % ground hits
    z[tree] += 6.0 + 4.0 * rng.random(tree.sum())
    cls[tree] = 5
    return x, y, z, cls


def write_las(path: Path, x, y, z, cls) -> None:
    import laspy

    h = laspy.LasHeader(point_format=6, version="1.4")
    h.offsets = [X0, Y0, 0.0]
    h.scales = [0.001, 0.001, 0.001]
    las = laspy.LasData(h)
    las.x, las.y, las.z, las.classification = x, y, z, cls
    las.write(path)


def write_csv(path: Path, x, y, z, cls) -> Path:
    with open(path, "w") as f:
        f.write("x,y,z,c\n")
        np.savetxt(f, np.column_stack([x, y, z, cls]), fmt=["%.3f", "%.3f", "%.3f", "%d"], delimiter=",")
    vrt = path.with_suffix(".vrt")
    src = f'<SrcDataSource>{path}</SrcDataSource><GeometryType>wkbPoint</GeometryType>' \
          '<GeometryField encoding="PointFromColumns" x="x" y="y" z="z"/><LayerSRS>EPSG:25832</LayerSRS>'
    vrt.write_text(f'<OGRVRTDataSource><OGRVRTLayer name="all">{src}<SrcLayer>{path.stem}</SrcLayer></OGRVRTLayer>'
                   f'<OGRVRTLayer name="ground">{src}<SrcSQL>SELECT * FROM "{path.stem}" WHERE CAST(c AS integer) = 2'
                   f'</SrcSQL></OGRVRTLayer></OGRVRTDataSource>')
    return vrt


def run_ours(las_path: Path, work: Path) -> tuple[float, np.ndarray, np.ndarray]:
    import laspy
    import rasterio

    from importers.lidar.grid import GridSpec, grid_max, grid_min

    t0 = time.perf_counter()
    las = laspy.read(las_path)
    x, y, z = np.asarray(las.x), np.asarray(las.y), np.asarray(las.z)
    c = np.asarray(las.classification)
    spec = GridSpec.covering(x.min(), y.min(), x.max(), y.max(), 1.0)
    idx = spec.cell_index(x, y)
    g = c == 2
    dgm = grid_min(idx[g], z[g], spec)
    dom = grid_max(idx, z, spec)
    for name, a in (("dgm", dgm), ("dom", dom)):
        with rasterio.open(work / f"ours_{name}.tif", "w", driver="GTiff", width=spec.width, height=spec.height,
                           count=1, dtype="float32", crs="EPSG:25832", transform=spec.transform(),
                           nodata=-9999) as dst:
            dst.write(np.where(np.isnan(a), -9999, a).astype("float32"), 1)
    return time.perf_counter() - t0, dgm, dom


def _rss_mb(field: str) -> float | None:
    """``VmRSS`` (current) or ``VmHWM`` (peak since the last reset) of this process in MB (Linux)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1e3
    except OSError:
        pass
    return None


def child_import(las_path: Path, chunk_points: int) -> dict[str, float]:
    """In this (fresh) process: the full LidarImporter with ``chunk_points``; time and peak RSS."""
    import resource

    from importers.lidar import LidarImporter
    from twin.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.las"  # warm-up: GDAL drivers, COG writer, store – as in the running app
        write_las(warm, *synth_cloud(20, 8.0))
        LidarImporter(source_crs="EPSG:25832")(Project.create(Path(tmp) / "warm", crs=25832, name="Warm",
                                                              extent=None), warm)
        project = Project.create(Path(tmp) / "projekt", crs=25832, name="Bench", extent=None)
        try:  # Linux ≥ 4.0: reset the peak (VmHWM) to the current RSS, so that the peak is the import's
            with open("/proc/self/clear_refs", "w") as fh:
                fh.write("5")
        except OSError:
            pass
        base = _rss_mb("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        t0 = time.perf_counter()
        report = LidarImporter(source_crs="EPSG:25832", chunk_points=chunk_points)(project, las_path)
        dt = time.perf_counter() - t0
        peak = _rss_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        project.close()
    return {"seconds": dt, "peak_rss_mb": peak, "base_rss_mb": base, "points": report.counts["Punkte"],
            "chunk_points": chunk_points}


def run_import_child(las_path: Path, chunk_points: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "bench.bench_lidar", "--child", str(las_path), str(chunk_points)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def gdal_commands(vrt: Path, work: Path, side: int) -> list[list[str]]:
    ext = ["-txe", str(X0), str(X0 + side), "-tye", str(Y0 + side), str(Y0), "-outsize", str(side), str(side)]
    return [["gdal_grid", "-q", "-a", f"{alg}:radius1=0.5:radius2=0.5:nodata=-9999", *ext, "-zfield", "z",
             "-l", layer, "-ot", "Float32", str(vrt), str(work / f"gdal_{out}.tif")]
            for alg, layer, out in (("minimum", "ground", "dgm"), ("maximum", "all", "dom"))]


def run_gdal(vrt: Path, work: Path, side: int) -> tuple[float, np.ndarray, np.ndarray] | None:
    if shutil.which("gdal_grid") is None:
        return None
    import rasterio

    t0 = time.perf_counter()
    for cmd in gdal_commands(vrt, work, side):
        subprocess.run(cmd, check=True, capture_output=True)
    dt = time.perf_counter() - t0
    out = []
    for name in ("dgm", "dom"):
        with rasterio.open(work / f"gdal_{name}.tif") as src:
            out.append(src.read(1, masked=True).astype("float64").filled(np.nan))
    return dt, out[0], out[1]


def compare(ours: np.ndarray, gdal: np.ndarray, kind: str) -> tuple[int, float]:
    both = np.isfinite(ours) & np.isfinite(gdal)
    d = gdal[both] - ours[both]
    if kind == "min" and (d < -1e-3).any():
        raise SystemExit(f"DGM: GDAL-Minimum kleiner als unseres in {(d < -1e-3).sum()} Zellen")
    if kind == "max" and (d > 1e-3).any():
        raise SystemExit(f"DOM: GDAL-Maximum größer als unseres in {(d > 1e-3).sum()} Zellen")
    share = float((np.abs(d) <= TOL).mean())
    if share < SHARE:
        raise SystemExit(f"{kind}: nur {share:.1%} der Zellen innerhalb {TOL} m")
    return int(both.sum()), share


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--side", type=int, default=500, help="Kantenlänge in m")
    ap.add_argument("--density", type=float, default=8.0, help="Punkte je m²")
    ap.add_argument("--quick", action="store_true", help="150 m × 150 m, ein Lauf")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("LAS", "CHUNK"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(child_import(Path(args.child[0]), int(args.child[1]))))
        return 0
    side = 150 if args.quick else args.side
    if args.quick:
        args.repeats = 1
    sys.path.insert(0, str(ROOT))
    from bench.synth import fmt, machine_info, markdown_table, print_table, write_json, write_text

    x, y, z, cls = synth_cloud(side, args.density)
    n = len(x)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        las_path = work / "punkte.las"
        write_las(las_path, x, y, z, cls)
        vrt = write_csv(work / "punkte.csv", x, y, z, cls)
        run_ours(las_path, work)  # warm-up: module imports, as in the running app
        ours_runs, gdal_runs = [], []
        for _ in range(args.repeats):
            ours_runs.append(run_ours(las_path, work))
            g = run_gdal(vrt, work, side)
            if g is not None:
                gdal_runs.append(g)
        chunk = max(n // 8, 10_000)
        mem = [run_import_child(las_path, 10**12), run_import_child(las_path, chunk)]
        ours = sorted(ours_runs, key=lambda r: r[0])[len(ours_runs) // 2]
        gdal = sorted(gdal_runs, key=lambda r: r[0])[len(gdal_runs) // 2] if gdal_runs else None
    cells = ours[1].size
    rows = [["ours: laspy + importers.lidar.grid (DGM min + DOM max, 2 GeoTIFFs)", str(n), str(cells),
             fmt(ours[0]), fmt(n / ours[0], 0)]]
    notes = [f"Synthetisch: {side} m × {side} m, {args.density:g} Punkte/m², Zellgröße 1 m; Median aus "
             f"{args.repeats} Läufen.", "GDAL: 2 gdal_grid-Prozesse auf CSV+VRT (GDAL hier ohne LAS-Treiber), "
             "Suchkreis r = 0,5 m."]
    speedup = None
    if gdal is None:
        notes.append("gdal_grid nicht gefunden – Vergleich fehlt")
    else:
        rows.append(["GDAL: gdal_grid -a minimum / -a maximum (r = 0,5 m)", str(n), str(cells), fmt(gdal[0]),
                     fmt(n / gdal[0], 0)])
        n1, s1 = compare(ours[1], gdal[1], "min")
        n2, s2 = compare(ours[2], gdal[2], "max")
        speedup = gdal[0] / ours[0]
        notes.append(f"Prüfung bestanden: DGM {n1} Zellen, {s1:.1%} innerhalb {TOL} m; DOM {n2} Zellen, "
                     f"{s2:.1%} innerhalb {TOL} m; GDAL-Minimum ≥ unseres, GDAL-Maximum ≤ unseres überall.")
        notes.append(f"ours ist {speedup:.1f}× so schnell wie gdal_grid (Ziel ≥ 2×).")
    print_table(f"LiDAR → DGM/DOM 1 m, {n} Punkte", HEADERS, rows, notes)
    mem_rows = [[label, str(m["points"]), "alle" if m["chunk_points"] >= n else str(m["chunk_points"]),
                 fmt(m["seconds"]), fmt(m["peak_rss_mb"], 0), fmt(m["peak_rss_mb"] - m["base_rss_mb"], 0)]
                for label, m in zip(("ours: LidarImporter, ein Chunk (ganze Wolke im Speicher)",
                                     "ours: LidarImporter, in Chunks gelesen"), mem)]
    print_table("Speicher: ganzer LiDAR-Import (DGM, DOM, CHM, nDOM, Anzeigewolke)", MEM_HEADERS, mem_rows,
                ["Je Variante ein frischer Kindprozess; Spitzen-RSS = VmHWM des Imports (vorher zurückgesetzt), "
                 "Zuwachs = Spitze minus RSS vor dem Import (nach Modulimporten, Projektanlage und einem kleinen "
                 "Aufwärm-Import).",
                 f"Chunked braucht {mem[1]['peak_rss_mb'] - mem[1]['base_rss_mb']:.0f} MB statt "
                 f"{mem[0]['peak_rss_mb'] - mem[0]['base_rss_mb']:.0f} MB zusätzlich."])
    suffix = ".quick" if args.quick else ""
    write_json(f"bench_lidar{suffix}.json", {"points": n, "cells": cells, "ours_s": ours[0],
                                             "gdal_s": gdal[0] if gdal else None, "speedup": speedup,
                                             "import_memory": mem, "machine": machine_info()})
    write_text(f"bench_lidar{suffix}.md", markdown_table(HEADERS, rows) + "\n\n"
               + markdown_table(MEM_HEADERS, mem_rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
