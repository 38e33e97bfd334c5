"""CityGML import: ``CityGMLImporter`` (parse, validate, semantic surfaces, upsert, history) vs. GDAL ogr2ogr.

The input is the committed Thüringen LoD1 tile (``tests/data/citygml/LoD1_652_5640_2_TH.gml.gz``, 501
buildings + 86 building parts, CityGML 1.0 AdV profile, ETRS89/UTM32) repeated into one CityModel until at
least N buildings, every copy with new unique ``gml:id`` (copy k: ``k<k>_<id>``; deterministic, no
randomness; the copies lie on top of each other, which neither variant minds). Both variants read the same
uncompressed ``.gml`` and write a GeoPackage:

* ``ours`` – ``CityGMLImporter()(project, gml)`` into a new project (GeoPackage store, EPSG:25832+7837):
  streaming parse, per-building checks, footprints, one feature per building/part in ``buildings`` and one per
  (derived) surface in ``building_surfaces``, upsert with audit history and provenance, one transaction;
* ``GDAL`` – ``ogr2ogr -f GPKG out.gpkg in.gml`` (gdal-bin, generic GML driver reading CityGML): a schema scan
  plus one pass; one layer ``Building`` with one PolyhedralSurface per Building, BuildingParts folded into list
  attributes, no semantic surfaces, no reprojection (not needed here), no validation or history.

Checked: ours has as many Buildings as the file and as GDAL's ``Building`` layer.

    python -m bench.bench_citygml            # ≥ 10 000 buildings (20 copies, 10 020 buildings)
    python -m bench.bench_citygml --quick    # 2 copies, 1 002 buildings (smoke test)
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "citygml" / "LoD1_652_5640_2_TH.gml.gz"
PER_COPY = 501
HEADERS = ["Variante", "Gebäude (+Teile)", "Datei [MB]", "Zeit [s]", "Gebäude/s", "Ergebnis"]


def make_gml(copies: int, dest: Path) -> Path:
    """One CityModel with the tile's members ``copies`` times, gml:ids and local xlinks renamed per copy."""
    text = gzip.decompress(SOURCE.read_bytes()).decode("utf-8")
    first = re.search(r"<(\w+:)?cityObjectMember\b", text)
    last = text.rindex("cityObjectMember>") + len("cityObjectMember>")
    head, body, tail = text[:first.start()], text[first.start():last], text[last:]
    with open(dest, "w", encoding="utf-8") as out:
        out.write(head)
        for k in range(copies):
            out.write(re.sub(r'(gml:id="|xlink:href="#)', rf"\g<1>k{k}_", body))
        out.write(tail)
    return dest


def run_ours(src: Path, work: Path) -> tuple[float, int, int, int]:
    from importers.citygml.load import CityGMLImporter
    from twin.project import Project

    p = Project.create(work / "projekt", crs=25832, name="Bench", extent=None)
    t0 = time.perf_counter()
    rep = CityGMLImporter()(p, src)
    dt = time.perf_counter() - t0
    n_b, n_s = p.store.count("buildings"), p.store.count("building_surfaces")
    p.close()
    return dt, rep.counts["Gebäude"], n_b, n_s


def run_gdal(src: Path, work: Path) -> tuple[float, int] | None:
    exe = shutil.which("ogr2ogr")
    if exe is None:
        return None
    out = work / "gdal.gpkg"
    t0 = time.perf_counter()
    proc = subprocess.run([exe, "-f", "GPKG", str(out), str(src)], capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        return None
    import sqlite3  # pyogrio cannot describe PolyhedralSurface layers; count the rows directly

    with sqlite3.connect(out) as con:
        return dt, int(con.execute('SELECT COUNT(*) FROM "Building"').fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--buildings", type=int, default=10_000, help="at least this many buildings")
    ap.add_argument("--quick", action="store_true", help="2 copies (1 002 buildings), one run")
    ap.add_argument("--repeats", type=int, default=3, help="runs per variant; the median is shown")
    args = ap.parse_args(argv)
    copies = 2 if args.quick else -(-args.buildings // PER_COPY)
    if args.quick:
        args.repeats = 1
    sys.path.insert(0, str(ROOT))
    from bench.synth import fmt, machine_info, markdown_table, print_table, write_json, write_text

    n = copies * PER_COPY
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = make_gml(copies, work / f"th_{copies}x.gml")
        mb = src.stat().st_size / 1e6
        ours_runs, gdal_runs = [], []
        for k in range(args.repeats):  # alternating, so that load on the machine hits both alike
            (work / f"o{k}").mkdir()
            (work / f"g{k}").mkdir()
            ours_runs.append(run_ours(src, work / f"o{k}"))
            g = run_gdal(src, work / f"g{k}")
            if g is not None:
                gdal_runs.append(g)
        ours = sorted(ours_runs)[len(ours_runs) // 2]
        gdal = sorted(gdal_runs)[len(gdal_runs) // 2] if gdal_runs else None
    if ours[1] != n:
        raise SystemExit(f"ours: {ours[1]} Gebäude statt {n}")
    rows = [["ours: CityGMLImporter (prüfen, Flächen, upsert, Historie)", f"{n} (+{ours[2] - n})", fmt(mb, 1),
             fmt(ours[0]), fmt(n / ours[0], 0), f"{ours[2]} Gebäude/Teile, {ours[3]} Flächen"]]
    notes = [f"Median aus {args.repeats} Läufen je Variante, abwechselnd gemessen; Thüringen-LoD1-Kachel "
             f"{copies}× mit neuen gml:ids.",
             "GDAL: ogr2ogr als eigener Prozess (Programmstart inbegriffen); GML-Treiber, eine Ebene 'Building' "
             "(PolyhedralSurface je Gebäude, Gebäudeteile als Listen-Attribute, keine Flächensemantik)."]
    if gdal is None:
        notes.append("ogr2ogr nicht gefunden oder fehlgeschlagen – Vergleich fehlt")
    else:
        rows.append(["GDAL: ogr2ogr -f GPKG (GML-Treiber, ohne Prüfung/Historie)", str(n), fmt(mb, 1),
                     fmt(gdal[0]), fmt(n / gdal[0], 0), f"{gdal[1]} Building"])
        if gdal[1] != n:
            raise SystemExit(f"Ergebnis verschieden: ours {n} Gebäude, GDAL {gdal[1]}")
        notes.append("Gleiche Anzahl Gebäude in beiden Ergebnissen.")
    print_table(f"CityGML-Import, {n} Gebäude (Thüringen LoD1, CityGML 1.0, {mb:.0f} MB)", HEADERS, rows, notes)
    suffix = ".quick" if args.quick else ""
    write_json(f"bench_citygml{suffix}.json", {"buildings": n, "file_mb": mb, "ours_s": ours[0],
                                               "gdal_s": gdal[0] if gdal else None, "machine": machine_info()})
    write_text(f"bench_citygml{suffix}.md", markdown_table(HEADERS, rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
