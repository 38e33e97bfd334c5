"""Tree cadastre CSV import: ``TreeImporter`` (read, map, validate, reproject, upsert, provenance) vs. GDAL.

The input is the committed Konstanz sample (``tests/data/trees/Konstanz_KN_Baumkataster_2020S_first3000.csv``,
UTF-8 with BOM, WGS84 lon/lat) repeated until N rows, every copy with new unique ``baumId`` and
``OBJECTID`` (deterministic, no randomness). Both variants turn the same CSV into a GeoPackage in
EPSG:25832:

* ``ours`` – ``TreeImporter()(project, csv)`` into a new project (GeoPackage store): encoding, delimiter
  and decimal detection, synonym mapping, CRS inference, per-row checks, upsert with audit history.
  Measured twice: the call inside a running program (modules loaded, one small import done before, as
  in the app), and as a fresh process (``python -m bench.bench_trees --child``: interpreter start,
  module imports, first use of Arrow's kernels, the import) – the fair match for a command-line tool;
* ``GDAL`` – ``ogr2ogr -f GPKG out.gpkg in.csv -oo X_POSSIBLE_NAMES=X -oo Y_POSSIBLE_NAMES=Y
  -s_srs EPSG:4326 -t_srs EPSG:25832`` (gdal-bin; no validation, no history, told the CRS;
  ``-a_srs`` as in the brief would only label the output, GDAL needs ``-s_srs`` to reproject).

Both results are checked: the same number of points, and tree ``baumId`` of the first row at the same
position (1 mm).

    python -m bench.bench_trees            # 100 000 rows
    python -m bench.bench_trees --quick    # 5 000 rows (smoke test)
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "trees" / "Konstanz_KN_Baumkataster_2020S_first3000.csv"
HEADERS = ["Variante", "Zeilen", "Zeit [s]", "Zeilen/s", "Bäume im Ergebnis"]


def make_csv(n: int, dest: Path) -> Path:
    """N rows: the sample repeated, ids renumbered (copy k: baumId = k·10⁶ + baumId)."""
    text = SOURCE.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    i_id, i_obj = header.index("baumId"), header.index("OBJECTID")
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for j in range(n):
        k, r = divmod(j, len(body))
        row = list(body[r])
        row[i_id] = str(k * 1_000_000 + int(row[i_id]))
        row[i_obj] = str(j + 1)
        w.writerow(row)
    dest.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return dest


def run_ours(src: Path, work: Path) -> tuple[float, int, tuple[float, float]]:
    from importers.trees.load import TreeImporter
    from twin.project import Project

    warm = Project.create(work / "warm", crs=25832, name="Warm", extent=None)
    TreeImporter()(warm, make_csv(10, work / "warm.csv"))  # what an open app has done already
    warm.close()
    p = Project.create(work / "projekt", crs=25832, name="Bench", extent=None)
    t0 = time.perf_counter()
    rep = TreeImporter()(p, src)
    dt = time.perf_counter() - t0
    assert not rep.problems, rep.problems[:3]
    first = p.store.get("trees", "4")
    n = p.store.count("trees")
    p.close()
    return dt, n, (first.geometry.x, first.geometry.y)


def run_ours_process(src: Path, work: Path) -> tuple[float, int]:
    """The import as a fresh process (interpreter start and module imports included), like ogr2ogr."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "bench.bench_trees", "--child", str(src), str(work)],
                         cwd=ROOT, check=True, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    return dt, int(out.stdout.split()[-1])


def _child(src: Path, work: Path) -> int:
    from importers.trees.load import TreeImporter
    from twin.project import Project

    p = Project.create(work / "projekt", crs=25832, name="Bench", extent=None)
    TreeImporter()(p, src)
    print(p.store.count("trees"))
    p.close()
    return 0


def run_gdal(src: Path, work: Path) -> tuple[float, int, tuple[float, float]] | None:
    exe = shutil.which("ogr2ogr")
    if exe is None:
        return None
    out = work / "gdal.gpkg"
    cmd = [exe, "-f", "GPKG", str(out), str(src), "-oo", "X_POSSIBLE_NAMES=X", "-oo", "Y_POSSIBLE_NAMES=Y",
           "-s_srs", "EPSG:4326", "-t_srs", "EPSG:25832", "-nln", "trees"]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    dt = time.perf_counter() - t0
    import pyogrio

    meta, _f, geoms, data = pyogrio.raw.read(out, layer="trees", where="baumId = '4' OR baumId = 4")
    import shapely

    g = shapely.from_wkb(geoms[0])
    n = pyogrio.read_info(out, layer="trees")["features"]
    return dt, n, (g.x, g.y)


def _median_run(runs: list[tuple]) -> tuple:
    """The run with the median time (its other results travel with it)."""
    return sorted(runs, key=lambda r: r[0])[len(runs) // 2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--quick", action="store_true", help="5 000 rows, one run")
    ap.add_argument("--repeats", type=int, default=3, help="runs per variant; the median is shown")
    ap.add_argument("--child", nargs=2, metavar=("CSV", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        sys.path.insert(0, str(ROOT))
        return _child(Path(args.child[0]), Path(args.child[1]))
    n = 5_000 if args.quick else args.rows
    if args.quick:
        args.repeats = 1
    sys.path.insert(0, str(ROOT))
    from bench.synth import fmt, machine_info, markdown_table, print_table, write_json, write_text

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = make_csv(n, work / f"baeume_{n}.csv")
        runs_ours, runs_proc, runs_gdal = [], [], []
        for k in range(args.repeats):  # alternating, so that load on the machine hits all variants alike
            for d in ("ours", "proc", "gdal"):
                (work / f"{d}{k}").mkdir()
            runs_ours.append(run_ours(src, work / f"ours{k}"))
            runs_proc.append(run_ours_process(src, work / f"proc{k}"))
            g = run_gdal(src, work / f"gdal{k}")
            if g is not None:
                runs_gdal.append(g)
        ours, proc = _median_run(runs_ours), _median_run(runs_proc)
        gdal = _median_run(runs_gdal) if runs_gdal else None
    rows = [["ours: TreeImporter im laufenden Programm (prüfen, umprojizieren, upsert, Historie)", str(n),
             fmt(ours[0]), fmt(n / ours[0], 0), str(ours[1])],
            ["ours: eigener Prozess (Python-Start + Module laden + Import)", str(n), fmt(proc[0]),
             fmt(n / proc[0], 0), str(proc[1])]]
    notes = [f"Median aus {args.repeats} Läufen je Variante, abwechselnd gemessen.",
             "GDAL: ogr2ogr als eigener Prozess (Programmstart inbegriffen), wie auf der Kommandozeile."]
    if proc[1] != ours[1]:
        raise SystemExit(f"Ergebnis verschieden: im Programm {ours[1]} Bäume, als Prozess {proc[1]}")
    if gdal is None:
        notes.append("ogr2ogr nicht gefunden – Vergleich fehlt")
    else:
        rows.append(["GDAL: ogr2ogr -f GPKG (ohne Prüfung/Historie)", str(n), fmt(gdal[0]), fmt(n / gdal[0], 0),
                     str(gdal[1])])
        if gdal[1] != ours[1]:
            raise SystemExit(f"Ergebnis verschieden: ours {ours[1]} Bäume, GDAL {gdal[1]}")
        d = max(abs(ours[2][0] - gdal[2][0]), abs(ours[2][1] - gdal[2][1]))
        if d > 0.001:
            raise SystemExit(f"Baum 4 liegt verschieden: Abstand {d:.4f} m")
        notes.append(f"Gleiche Anzahl Bäume; Baum 4 an derselben Stelle (Abweichung {d * 1000:.2f} mm).")
    print_table(f"Baumkataster-CSV-Import, {n} Zeilen (Konstanz, WGS84 → EPSG:25832)", HEADERS, rows, notes)
    suffix = ".quick" if args.quick else ""
    write_json(f"bench_trees{suffix}.json", {"rows": n, "ours_s": ours[0], "ours_process_s": proc[0],
                                             "gdal_s": gdal[0] if gdal else None,
                                             "machine": machine_info()})
    write_text(f"bench_trees{suffix}.md", markdown_table(HEADERS, rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
