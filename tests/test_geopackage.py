"""twin.gpkg is a standard GeoPackage: GDAL (pyogrio and ogrinfo) reads every layer as written."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pyogrio
import pytest
from pyproj import CRS

from twin.project import Project
from twin.store import Feature
from twin.store.gpkg import compound_srs_id

from tests.test_store import BLOCKS, TREES, _block, _tree

OGRINFO = shutil.which("ogrinfo")


@pytest.fixture
def filled(tmp_path):
    p = Project.create(tmp_path / "gem", crs=25832, extent=(690000, 5335000, 691000, 5336000))
    p.store.create_layer(TREES)
    p.store.create_layer(BLOCKS)
    p.store.upsert("trees", [_tree(i) for i in range(37)])
    p.store.upsert("blocks", [_block("a", 690100, 5335100), _block("b", 690300, 5335300)])
    p.close()
    return tmp_path / "gem" / "twin.gpkg"


def test_written_without_spatialite(filled):
    con = sqlite3.connect(filled)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        assert {"gpkg_spatial_ref_sys", "gpkg_contents", "gpkg_geometry_columns", "gpkg_extensions",
                "rtree_trees_geom", "rtree_blocks_geom"} <= tables
        assert not any("spatialite" in t.lower() or t == "geometry_columns" for t in tables)
        srs = dict(con.execute("SELECT srs_id, definition_12_063 FROM gpkg_spatial_ref_sys").fetchall())
        assert 25832 in srs and compound_srs_id(25832, 7837) in srs
        compound = CRS.from_wkt(srs[compound_srs_id(25832, 7837)])
        assert compound.is_compound
        assert [c.to_epsg() for c in compound.sub_crs_list] == [25832, 7837]
        # one R-tree per layer, filled by the standard triggers
        assert con.execute("SELECT count(*) FROM rtree_trees_geom").fetchone()[0] == 37
        ext = con.execute("SELECT extension_name FROM gpkg_extensions WHERE table_name='trees'").fetchall()
        assert ext == [("gpkg_rtree_index",)]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def test_pyogrio_reads_every_layer_with_crs_type_count_attributes(filled):
    layers = {name: gtype for name, gtype in pyogrio.list_layers(filled)}
    assert layers["trees"] == "Point"
    assert layers["blocks"] == "MultiPolygon Z"
    info = pyogrio.read_info(filled, layer="trees")
    assert info["features"] == 37
    assert CRS.from_user_input(info["crs"]).to_epsg() == 25832
    assert set(info["fields"]) >= {"baumnr", "gattung", "hoehe", "pflanzjahr", "gefaellt", "extra"}
    df = pyogrio.read_dataframe(filled, layer="trees")
    row = df[df.baumnr == "B00005"].iloc[0]
    assert (row.gattung, row.hoehe, row.pflanzjahr) == ("Tilia", 15.0, 1955)
    assert (row.geometry.x, row.geometry.y) == (690050.0, 5335000.0)
    blocks = pyogrio.read_dataframe(filled, layer="blocks")
    assert len(blocks) == 2 and blocks.geometry.iloc[0].has_z
    bcrs = CRS.from_user_input(pyogrio.read_info(filled, layer="blocks")["crs"])
    assert bcrs.is_compound and bcrs.sub_crs_list[1].to_epsg() == 7837
    # GDAL's own bbox filter uses our R-tree
    sub = pyogrio.read_dataframe(filled, layer="trees", bbox=(690000, 5335000, 690025, 5335005))
    assert sorted(sub.baumnr) == ["B00000", "B00001", "B00002"]
    # system tables are readable attribute tables
    assert pyogrio.read_info(filled, layer="twz_history")["features"] == 39


@pytest.mark.skipif(OGRINFO is None and sys.platform == "win32", reason="gdal-bin gibt es unter Windows nicht")
def test_ogrinfo_validates(filled):
    assert OGRINFO, "ogrinfo fehlt: .ci/run installiert gdal-bin"
    out = subprocess.run([OGRINFO, "-so", "-al", str(filled)], capture_output=True, text=True, check=True)
    assert "ERROR" not in out.stderr and "Warning" not in out.stderr, out.stderr
    assert "Layer name: trees" in out.stdout and "Feature Count: 37" in out.stdout
    assert "Geometry: 3D Multi Polygon" in out.stdout
    # GDAL's own consistency check of the spatial index
    chk = subprocess.run([OGRINFO, "-q", str(filled), "-sql", "SELECT HasSpatialIndex('trees', 'geom')"],
                         capture_output=True, text=True, check=True)
    assert "= 1" in chk.stdout, chk.stdout


def test_gdal_edits_keep_our_index_consistent(filled):
    """QGIS/QField edit through GDAL: rows added by GDAL are found by our bbox query."""
    from shapely.geometry import Point
    import geopandas as gpd

    gdf = gpd.GeoDataFrame({"baumnr": ["Q1"], "gattung": ["Quercus"]},
                           geometry=[Point(690999, 5335999)], crs="EPSG:25832")
    pyogrio.write_dataframe(gdf, filled, layer="trees", append=True)
    p = Project.open(filled.parent)
    try:
        hits = p.store.query_bbox("trees", (690990, 5335990, 691000, 5336000))
        assert [h.attrs["baumnr"] for h in hits] == ["Q1"]
        p.store.upsert("trees", [Feature({"baumnr": "Q1", "gattung": "Quercus robur"}, Point(690999, 5335999))])
        assert p.store.get("trees", "Q1").attrs["gattung"] == "Quercus robur"
    finally:
        p.close()


def test_new_command_creates_project(tmp_path):
    target = tmp_path / "neu"
    out = subprocess.run([sys.executable, "-m", "cli.main", "new", str(target), "--crs", "25832",
                          "--name", "Markt Weisendorf"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (target / "twin.toml").exists() and (target / "twin.gpkg").exists()
    assert (target / "rasters").is_dir() and (target / "pointclouds").is_dir()
    assert pyogrio.list_layers(target / "twin.gpkg").tolist()  # GDAL opens it
    again = subprocess.run([sys.executable, "-m", "cli.main", "new", str(target)], capture_output=True, text=True)
    assert again.returncode == 1 and "bereits ein Projekt" in again.stderr


def test_imported_sample_project_reads_back_in_gdal(sample_project):
    """Every layer of a real imported project: CRS, geometry type, feature count, attributes."""
    gpkg = sample_project.root / "twin.gpkg"
    store = sample_project.store
    gdal_layers = dict(pyogrio.list_layers(gpkg))
    for name in store.layer_names():
        schema = store.schema(name)
        info = pyogrio.read_info(gpkg, layer=name)
        assert info["features"] == store.count(name), name
        assert set(info["fields"]) == set(schema.field_names), name
        assert gdal_layers[name] == "MultiPolygon Z"
        crs = CRS.from_user_input(info["crs"])
        assert crs.is_compound and [c.to_epsg() for c in crs.sub_crs_list] == [25832, 7837]
    df = pyogrio.read_dataframe(gpkg, layer="buildings", where="gml_id = 'DEBY_LOD2_4959457'")
    assert df.measured_height.iloc[0] == 37.54 and df.storeys_above_ground.iloc[0] == 6
    for system in ("twz_provenance", "twz_history", "twz_layers", "twz_rasters"):
        assert pyogrio.read_info(gpkg, layer=system)["features"] == len(
            store.provenance() if system == "twz_provenance" else store.history() if system == "twz_history"
            else store.layer_names() if system == "twz_layers" else store.rasters())
