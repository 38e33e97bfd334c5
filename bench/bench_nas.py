"""ALKIS NAS import: our importer vs. GDAL's NAS driver (gdal-bin ``ogr2ogr``) on the same real file.

The file is the Hamburg NAS GID 6.0 Bestandsdatenauszug ``tests/data/alkis/ALKIS_NeuwScharh_0003.xml.gz``
(1.0 MB gzip, 25 MB XML, 6 726 AAA objects, of them 137 AX_Flurstueck, 57 AX_Gebaeude and 61 objects of
the Tatsächliche Nutzung). Variants, each in the same run, each from the gzip file, each into a new GeoPackage:

* ``ours``              – ``NASImporter()(project, file)``: validate all 25 MB, read parcels, buildings and
                          the 61 use objects, densify arcs, derive each parcel's Nutzung (intersection with
                          the use objects), write parcels + buildings + provenance + audit history in one
                          transaction;
* ``ours parse``        – only :func:`importers.alkis.nas.parse_nas` (reading, no store);
* ``GDAL plain``        – ``ogr2ogr -f GPKG out.gpkg /vsigzip/…`` exactly as a user would type it: converts
                          **all** 41 object types (incl. 5 395 AX_Gelaendekante, 6 114 relations); without a
                          schema template GDAL keeps only the point ``objektkoordinaten`` of AX_Flurstueck;
* ``GDAL 2 layers``     – ``ogr2ogr`` with the peer-check template (``NAS_GFS_TEMPLATE``) and only the two
                          layers AX_Flurstueck and AX_Gebaeude (area geometries) – the like-for-like variant
                          for parcels and buildings;
* ``GDAL 2 + Nutzung``  – as before plus the use-object layers of the file (template written at run time):
                          what ``ours`` reads, without the intersection.

"Objekte/s" counts the objects written by the variant; "NAS-Objekte/s" the 6 726 AAA objects in the
file that every variant has to read. Times are wall-clock medians; no assertion on times.

    python -m bench.bench_nas            # 3 repeats
    python -m bench.bench_nas --quick    # 1 repeat
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.synth import fmt, machine_info, markdown_table, median, print_table, timed, write_json, write_text

ROOT = Path(__file__).resolve().parent.parent
NAS_FILE = ROOT / "tests" / "data" / "alkis" / "ALKIS_NeuwScharh_0003.xml.gz"
GFS = ROOT / "tests" / "data" / "alkis" / "alkis_peer.gfs"
EXTENT = (465000.0, 5972000.0, 469000.0, 5977000.0)
HEADERS = ["Variante", "Werkzeug", "Läufe", "Zeit [s] (Median)", "Objekte geschrieben", "Objekte/s",
           "NAS-Objekte/s"]


def _ours(tmp: Path, i: int) -> tuple[float, int]:
    from importers.alkis.load import NASImporter
    from twin.project import Project

    project = Project.create(tmp / f"ours{i}", crs=25832, name="Bench NAS", extent=EXTENT)
    try:
        t, report = timed(lambda: NASImporter()(project, NAS_FILE))
    finally:
        project.close()
    return t, report.counts["Flurstücke"] + report.counts["Gebäude"]


def _parse(_tmp: Path, _i: int) -> tuple[float, int]:
    from importers.alkis.nas import parse_nas

    t, data = timed(lambda: parse_nas(NAS_FILE))
    return t, sum(data.object_counts.values())


def _gpkg_count(path: Path) -> int:
    out = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return sum(int(n) for n in re.findall(r"Feature Count: (\d+)", out))


def _nutzung_template(tmp: Path, types: list[str]) -> Path:
    """The peer template plus one class per use-object type (area of ``position``)."""
    classes = "".join(
        f"<GMLFeatureClass><Name>{t}</Name><ElementPath>{t}</ElementPath><GeomPropertyDefn><Name>wkb_geometry"
        "</Name><ElementPath>position</ElementPath><Type>MultiPolygon</Type></GeomPropertyDefn><PropertyDefn>"
        "<Name>gml_id</Name><ElementPath>gml_id</ElementPath><Type>String</Type></PropertyDefn></GMLFeatureClass>"
        for t in types)
    out = tmp / "peer_nutzung.gfs"
    text = GFS.read_text(encoding="utf-8").replace("</GMLFeatureClassList>", classes + "</GMLFeatureClassList>")
    out.write_text(text, encoding="utf-8")
    return out


def _gdal(tmp: Path, i: int, *, template: Path | None, layers: list[str] = ()) -> tuple[float, int]:
    out = tmp / f"gdal{len(layers)}_{i}.gpkg"
    cmd = ["ogr2ogr", "-f", "GPKG", str(out), f"/vsigzip/{NAS_FILE}"]
    env = dict(os.environ)
    if template is not None:
        cmd += list(layers)
        env["NAS_GFS_TEMPLATE"] = str(template)
    t, proc = timed(lambda: subprocess.run(cmd, capture_output=True, text=True, env=env))
    if proc.returncode != 0:
        raise RuntimeError(f"ogr2ogr fehlgeschlagen: {proc.stderr[-500:]}")
    return t, _gpkg_count(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="ein Lauf je Variante")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    repeats = 1 if args.quick else args.repeats
    have_gdal = shutil.which("ogr2ogr") is not None
    from importers.alkis.nas import parse_nas
    from importers.alkis.nutzung import NUTZUNGSARTEN

    counts = parse_nas(NAS_FILE).object_counts
    n_objects = sum(counts.values())
    uses = sorted(t for t in counts if t in NUTZUNGSARTEN)
    rows, raw = [], []
    with tempfile.TemporaryDirectory(prefix="bench_nas_") as d:
        tmp = Path(d)
        two = ["AX_Flurstueck", "AX_Gebaeude"]
        variants = [("ours", "NASImporter → GeoPackage-Store", _ours),
                    ("ours parse", "parse_nas (nur lesen)", _parse)]
        if have_gdal:
            tpl = _nutzung_template(tmp, uses)
            variants += [
                ("GDAL plain", "ogr2ogr -f GPKG (alle Layer)", lambda t, i: _gdal(t, i, template=None)),
                ("GDAL 2 layers", "ogr2ogr + NAS_GFS_TEMPLATE, 2 Layer",
                 lambda t, i: _gdal(t, i, template=GFS, layers=two)),
                ("GDAL 2 + Nutzung", f"ogr2ogr + NAS_GFS_TEMPLATE, {2 + len(uses)} Layer",
                 lambda t, i: _gdal(t, i, template=tpl, layers=two + uses))]
        for name, tool, fn in variants:
            times, written = [], 0
            for i in range(repeats):
                t, written = fn(tmp, i)
                times.append(t)
            med = median(times)
            raw.append({"variant": name, "tool": tool, "seconds": times, "written": written})
            rows.append([name, tool, str(repeats), fmt(med, 3), str(written), fmt(written / med, 0),
                         fmt(n_objects / med, 0)])
    notes = [f"Datei: {NAS_FILE.name} ({NAS_FILE.stat().st_size / 1e6:.2f} MB gzip, {n_objects} AAA-Objekte)",
             "ours schreibt Flurstücke + Gebäude mit Historie und Provenienz; 'ours parse' zählt gelesene Objekte.",
             "GDAL plain schreibt alle Objektarten (Flurstücke dabei nur als Punkt); GDAL 2 layers ist der "
             "faire Vergleich für Flurstücke + Gebäude, GDAL 2 + Nutzung liest dazu die Nutzungsobjekte wie "
             "ours (ours schreibt sie nicht, sondern verschneidet sie mit den Flurstücken)."]
    if not have_gdal:
        notes.append("gdal-bin (ogr2ogr) nicht gefunden: nur unsere Varianten gemessen.")
    print_table("ALKIS-NAS-Import: Stadtzwilling vs. GDAL NAS-Treiber", HEADERS, rows, notes)
    suffix = ".quick" if args.quick else ""
    write_json(f"bench_nas{suffix}.json", {"machine": machine_info(), "file": str(NAS_FILE), "runs": raw})
    write_text(f"bench_nas{suffix}.md", markdown_table(HEADERS, rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
