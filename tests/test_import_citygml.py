"""CityGML import on real state data, both backends: reprojection, idempotence, bad input."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
import shapely
from lxml import etree
from pyproj import Transformer

from importers.base import CancelToken, detect_importer, import_file
from importers.citygml.load import CityGMLImporter
from twin.errors import Cancelled, CRSError, ExtentError, FormatError

from tests.conftest import DATA, SAMPLE_REAL

CITYGML = DATA / "citygml"
DEBY = SAMPLE_REAL / "DEBY_LOD2_4959457.gml"
KOELN = CITYGML / "LoD2_32_354_5652_1_NW.gml"
KOELN_EXTENT = (354000.0, 5652000.0, 355000.0, 5653000.0)
BERLIN = CITYGML / "Berlin_LoD2_3910_5819.gml"


def snapshot(project) -> object:
    """What must stay identical when an import fails: the gpkg bytes, or all PostGIS rows."""
    files = sorted(str(p.relative_to(project.root)) for p in project.root.rglob("*") if p.is_file()
                   and p.name != "twin.gpkg")
    if project.store.backend == "gpkg":
        return hashlib.sha256((project.root / "twin.gpkg").read_bytes()).hexdigest(), files
    s = project.store
    return ({n: s.count(n) for n in s.layer_names()}, len(s.provenance()), len(s.history()), files,
            s.layer_names())


def _xml_count(path: Path, local: str) -> int:
    return sum(1 for el in etree.parse(str(path)).iter() if isinstance(el.tag, str) and
               etree.QName(el).localname == local)


def test_real_bavarian_building(new_project):
    p = new_project()
    report = import_file(p, DEBY, actor="bauamt")
    assert report.counts["Gebäude"] == 1 and report.counts["Flächen"] == 84 and report.problems == []
    b = p.store.get("buildings", "DEBY_LOD2_4959457")
    assert b.attrs["measured_height"] == 37.54 and b.attrs["storeys_above_ground"] == 6
    assert b.attrs["function"] == "31001_3020" and b.attrs["lod"] == 2
    types = [f.attrs["surface_type"] for f in p.store.features("building_surfaces")]
    assert (types.count("RoofSurface"), types.count("WallSurface"), types.count("GroundSurface")) == (20, 63, 1)
    assert b.geometry.has_z and 690000 < b.geometry.centroid.x < 691500
    prov = p.store.provenance()[-1]
    assert prov["sha256"] == hashlib.sha256(DEBY.read_bytes()).hexdigest() and prov["actor"] == "bauamt"
    assert prov["counts"]["Flächen"] == 84 and prov["importer"] == "citygml"
    assert {h["action"] for h in p.store.history("buildings")} == {"insert"}


def test_reimport_is_idempotent(new_project):
    p = new_project()
    import_file(p, DEBY)
    before = (p.store.count("buildings"), p.store.count("building_surfaces"), len(p.store.history()))
    again = import_file(p, DEBY)
    assert (again.counts["neu"], again.counts["geändert"], again.counts["unverändert"]) == (0, 0, 1)
    assert again.counts["Flächen neu/geändert/entfernt"] == "0/0/0"
    assert (p.store.count("buildings"), p.store.count("building_surfaces"), len(p.store.history())) == before
    assert len(p.store.provenance()) == 2  # every import is recorded


def test_reimport_updates_changed_building_and_removes_stale_surfaces(new_project, tmp_path):
    p = new_project()
    import_file(p, DEBY)
    text = DEBY.read_text(encoding="utf-8")
    text = text.replace(">37.54<", ">38.00<")
    first_wall = re.search(r"<bldg:boundedBy>\s*<bldg:WallSurface.*?</bldg:boundedBy>", text, re.S)
    text = text[:first_wall.start()] + text[first_wall.end():]
    changed = tmp_path / "DEBY_changed.gml"
    changed.write_text(text, encoding="utf-8")
    r = import_file(p, changed, actor="anna")
    assert r.counts["geändert"] == 1 and r.counts["Flächen"] == 83
    assert r.counts["Flächen neu/geändert/entfernt"].endswith("/1")
    assert p.store.get("buildings", "DEBY_LOD2_4959457").attrs["measured_height"] == 38.0
    assert p.store.count("building_surfaces") == 83
    upd = [h for h in p.store.history("buildings") if h["action"] == "update"]
    assert upd[0]["old_values"]["measured_height"] == 37.54 and upd[0]["actor"] == "anna"


def test_citygml_1_0_adv_crs_nrw_tile(new_project):
    p = new_project(extent=KOELN_EXTENT)
    r = import_file(p, KOELN)
    assert r.counts["CityGML"] == "1.0"
    assert r.counts["Gebäude"] == 42 == _xml_count(KOELN, "Building")
    assert r.counts["Gebäudeteile"] == 9 == _xml_count(KOELN, "BuildingPart")
    assert p.store.count("buildings") == 51
    roofs = [f for f in p.store.features("building_surfaces") if f.attrs["surface_type"] == "RoofSurface"]
    assert len(roofs) == _xml_count(KOELN, "RoofSurface") == 53
    xy = np.vstack([shapely.get_coordinates(f.geometry) for f in p.store.features("buildings")])
    assert (xy[:, 0] > 353_900).all() and (xy[:, 0] < 355_100).all()
    assert (xy[:, 1] > 5_651_900).all() and (xy[:, 1] < 5_653_100).all()
    parts = [f for f in p.store.features("buildings") if f.attrs["parent_id"]]
    assert len(parts) == 9 and all(p.store.get("buildings", f.attrs["parent_id"]) for f in parts)


def test_berlin_utm33_is_reprojected_to_utm32(new_project):
    to32 = Transformer.from_crs(25833, 25832, always_xy=True)
    x0, y0 = to32.transform(391000, 5819000)
    x1, y1 = to32.transform(392000, 5820000)
    p = new_project(extent=(x0 - 500, y0 - 500, x1 + 500, y1 + 500))
    r = import_file(p, BERLIN)
    assert r.counts["Gebäude"] == 35 and r.source_crs == "urn:ogc:def:crs:EPSG::25833"
    # compare one surface corner with an independent reprojection of the raw file coordinates
    raw = etree.parse(str(BERLIN))
    gml = "http://www.opengis.net/gml"
    first = raw.find(f".//{{{gml}}}posList")
    vals = [float(v) for v in first.text.split()][:3]
    ex, ey = to32.transform(vals[0], vals[1])
    all_pts = np.vstack([shapely.get_coordinates(f.geometry, include_z=True)
                         for f in p.store.features("building_surfaces")])
    d = np.hypot(all_pts[:, 0] - ex, all_pts[:, 1] - ey)
    assert d.min() < 0.001 and all_pts[d.argmin(), 2] == pytest.approx(vals[2])


def test_compound_urn_crs(new_project):
    moabit = CITYGML / "Berlin_Moabit_1Bldg_v2.gml"
    p = new_project(extent=None, crs=25833)
    r = import_file(p, moabit)
    assert r.counts["Gebäude"] == 1
    assert r.source_crs.startswith("urn:ogc:def:crs,crs:EPSG")


def test_lod1_tile_surfaces_are_derived(new_project):
    p = new_project(extent=None)
    r = import_file(p, CITYGML / "LoD1_474_5756_1_NW.gml")
    assert r.counts["Gebäude"] == 81 and r.counts["Gebäudeteile"] == 36
    surf = p.store.features("building_surfaces")
    assert all(f.attrs["derived"] for f in surf)
    kinds = {f.attrs["surface_type"] for f in surf}
    assert {"RoofSurface", "WallSurface", "GroundSurface"} <= kinds


# ---------------------------------------------------------------- bad input
def test_truncated_file_fails_and_leaves_store_untouched(new_project, tmp_path):
    p = new_project()
    import_file(p, DEBY)
    before = snapshot(p)
    broken = tmp_path / "abgeschnitten.gml"
    broken.write_bytes(DEBY.read_bytes()[: len(DEBY.read_bytes()) // 2])
    with pytest.raises(FormatError) as err:
        import_file(p, broken)
    assert "abgeschnitten.gml" in str(err.value) and err.value.line and "Zeile" in str(err.value)
    assert snapshot(p) == before


def test_unknown_crs_fails_untouched(new_project, tmp_path):
    p = new_project()
    bad = tmp_path / "fremd.gml"
    bad.write_text(DEBY.read_text(encoding="utf-8").replace('srsName="EPSG:25832"', 'srsName="urn:adv:crs:MOND_UTM1"'),
                   encoding="utf-8")
    before = snapshot(p)
    with pytest.raises(CRSError, match="MOND_UTM1") as err:
        import_file(p, bad)
    assert "fremd.gml" in str(err.value)
    assert snapshot(p) == before


def test_file_far_outside_extent_fails_untouched(new_project):
    p = new_project()  # Bavarian sample extent
    import_file(p, DEBY)
    before = snapshot(p)
    with pytest.raises(ExtentError, match="Projektgebiet") as err:
        import_file(p, BERLIN)
    assert "Berlin_LoD2_3910_5819.gml" in str(err.value)
    assert snapshot(p) == before


def test_buildings_outside_extent_are_listed_per_feature(new_project):
    p = new_project(extent=(354000.0, 5652000.0, 354500.0, 5653000.0))
    p.config.project.extent_tolerance = 0.0
    r = import_file(p, KOELN)
    outside = [q for q in r.problems if "außerhalb des Projektgebiets" in q.message]
    assert outside and all(q.feature and q.line for q in outside)
    assert p.store.count("buildings") + len(outside) == 51
    assert r.counts["übersprungen"] == len(outside)


def test_broken_polygon_is_reported_rest_imported(new_project, tmp_path):
    p = new_project()
    text = DEBY.read_text(encoding="utf-8")
    m = re.search(r"<gml:posList[^>]*>([^<]+)</gml:posList>", text)
    bad = tmp_path / "kaputt.gml"
    bad.write_text(text[:m.start(1)] + "a b c" + text[m.end(1):], encoding="utf-8")
    r = import_file(p, bad)
    assert r.problems and r.problems[0].feature == "DEBY_LOD2_4959457" and r.problems[0].line
    assert r.counts["Flächen"] == 83


def test_cancel_while_writing_rolls_back(new_project):
    p = new_project(extent=KOELN_EXTENT)
    before = snapshot(p)
    token = CancelToken()
    fractions = []

    def progress(f: float, msg: str) -> None:
        fractions.append(f)
        if f > 0.7:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(p, KOELN, progress=progress, cancel=token)
    assert snapshot(p) == before
    assert fractions == sorted(fractions)


def test_detects_format_by_content(tmp_path):
    assert isinstance(detect_importer(DEBY), CityGMLImporter)
    other = tmp_path / "notiz.gml"
    other.write_text("<root>keine Geodaten</root>", encoding="utf-8")
    with pytest.raises(FormatError, match="Unbekanntes Dateiformat"):
        detect_importer(other)


def test_cli_import_with_progress_and_german_error(tmp_path):
    import subprocess
    import sys

    proj = tmp_path / "g"
    subprocess.run([sys.executable, "-m", "cli.main", "new", str(proj), "--extent", "690000", "5335000",
                    "691000", "5336000"], check=True, capture_output=True)
    ok = subprocess.run([sys.executable, "-m", "cli.main", "import", str(proj), str(DEBY)],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "DEBY_LOD2_4959457.gml importiert" in ok.stdout and "100%" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "cli.main", "import", str(proj), str(BERLIN)],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "Fehler:" in bad.stderr and "außerhalb des Projektgebiets" in bad.stderr
    shutil.rmtree(proj)


def test_dry_run_reports_but_writes_nothing(new_project):
    p = new_project()
    import_file(p, DEBY)
    before = snapshot(p)
    r = CityGMLImporter()(p, DEBY, dry_run=True)
    assert r.dry_run and r.counts["unverändert"] == 1 and "Probelauf" in r.summary()
    assert snapshot(p) == before
    p2 = new_project()
    r2 = CityGMLImporter()(p2, DEBY, dry_run=True)
    assert r2.counts["neu"] == 1 and r2.provenance_id is None
    assert not p2.store.has_layer("buildings") and p2.store.provenance() == []


def test_dry_run_terrain_leaves_no_raster(new_project):
    from importers.terrain import TerrainImporter

    p = new_project()
    before = snapshot(p)
    r = TerrainImporter()(p, SAMPLE_REAL / "BY_DGM1_690_5335.tif", dry_run=True)
    assert r.counts["Pixel"] == 1_000_000 and snapshot(p) == before


# ---------------------------------------------------------------- CityGML 3.0, more state tiles
CG3 = CITYGML / "CityGML3_Building_LOD2_with_several_attributes.gml"
THUERINGEN = CITYGML / "LoD1_652_5640_2_TH.gml.gz"  # byte-exact tile, gzip-compressed (see SOURCES.md)
BIELEFELD = CITYGML / "LoD1_474_5756_1_NW.gml"


def _xml_count_gz(path: Path, local: str) -> int:
    import gzip

    with gzip.open(path, "rb") as f:
        tree = etree.parse(f)
    return int(tree.xpath(f"count(//*[local-name()='{local}'])"))


def test_citygml3_gauss_krueger_is_reprojected(new_project):
    gk4 = Transformer.from_crs(31468, 25832, always_xy=True)
    x, y = gk4.transform(4490663.0, 5322011.0)
    p = new_project(extent=(x - 500, y - 500, x + 500, y + 500))
    r = import_file(p, CG3, actor="bauamt")
    assert r.counts["CityGML"] == "3.0" and r.problems == []
    assert r.counts["Gebäude"] == _xml_count(CG3, "Building") == 1
    assert r.counts["Flächen"] == _xml_count(CG3, "RoofSurface") + _xml_count(CG3, "WallSurface") + \
        _xml_count(CG3, "GroundSurface") == 11
    b = p.store.get("buildings", "DEBY_LOD2_5744682")
    assert b.attrs["measured_height"] == 8.55 and b.attrs["function"] == "31001_9998" and b.attrs["lod"] == 2
    assert b.attrs["roof_type"] == "3100" and b.attrs["address"] == "Am Hang 15, 85665 Moosach"
    assert b.attrs["generic"] == {"StandLK": "2014-07-28", "Gemeindeschluessel": "09175128"}
    types = [f.attrs["surface_type"] for f in p.store.features("building_surfaces")]
    assert (types.count("RoofSurface"), types.count("WallSurface"), types.count("GroundSurface")) == (2, 8, 1)
    # first roof corner, reprojected independently (DHDN GK4 -> ETRS89 UTM32), heights kept (DHHN92)
    first = etree.parse(str(CG3)).find(".//{http://www.opengis.net/gml/3.2}posList")
    vals = [float(v) for v in first.text.split()][:3]
    ex, ey = gk4.transform(vals[0], vals[1])
    pts = np.vstack([shapely.get_coordinates(f.geometry, include_z=True) for f in p.store.features("building_surfaces")])
    d = np.hypot(pts[:, 0] - ex, pts[:, 1] - ey)
    assert d.min() < 0.001 and pts[d.argmin(), 2] == pytest.approx(vals[2])
    again = import_file(p, CG3)
    assert again.counts["unverändert"] == 1 and again.counts["Flächen neu/geändert/entfernt"] == "0/0/0"


def test_citygml3_and_2_give_the_same_building(new_project):
    p = new_project(extent=None, crs=25833)
    import_file(p, CITYGML / "Berlin_Moabit_1Bldg_v2.gml")
    v2 = p.store.get("buildings", "BLDG_0003000b001e15b2")
    p3 = new_project(extent=None, crs=25833)
    r = import_file(p3, CITYGML / "Berlin_Moabit_1Bldg_v3.gml")
    assert r.counts["CityGML"] == "3.0"
    v3 = p3.store.get("buildings", "BLDG_0003000b001e15b2")
    for key in ("measured_height", "function", "address", "ground_height", "roof_height", "generic"):
        assert v3.attrs[key] == v2.attrs[key], key
    assert v3.geometry.equals_exact(v2.geometry, 1e-9)


def test_thueringen_lod1_tile_gzip(new_project):
    p = new_project(extent=(652000.0, 5640000.0, 654000.0, 5642000.0))
    r = import_file(p, THUERINGEN)
    assert r.counts["CityGML"] == "1.0"
    assert r.counts["Gebäude"] == _xml_count_gz(THUERINGEN, "Building") == 501  # = delivery note (.txt)
    assert r.counts["Gebäudeteile"] == _xml_count_gz(THUERINGEN, "BuildingPart") == 86
    assert p.store.count("buildings") == 587
    assert "501" in (CITYGML / "LoD1_652_5640_2_TH.txt").read_text(encoding="utf-8")
    assert {f.attrs["lod"] for f in p.store.features("buildings")} == {1}
    xy = np.vstack([shapely.get_coordinates(f.geometry) for f in p.store.features("buildings")])
    assert (xy[:, 0] > 651_900).all() and (xy[:, 0] < 654_100).all()
    assert (xy[:, 1] > 5_639_900).all() and (xy[:, 1] < 5_642_100).all()


def test_nrw_lod1_counts_match_file(new_project):
    p = new_project(extent=None)
    r = import_file(p, BIELEFELD)
    assert r.counts["Gebäude"] == _xml_count(BIELEFELD, "Building")
    assert r.counts["Gebäudeteile"] == _xml_count(BIELEFELD, "BuildingPart")
    assert p.store.count("buildings") == _xml_count(BIELEFELD, "Building") + _xml_count(BIELEFELD, "BuildingPart")
