"""twin.gpkg is a standard GeoPackage: GDAL (pyogrio and ogrinfo) reads every layer as written."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import CRS
from shapely.geometry import Point

from twin.errors import Cancelled
from twin.project import Project
from twin.store import Feature, FeatureTable, gpkg_blob
from twin.store.gpkg import compound_srs_id, pack_rtree, rtree_float32

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
    for name in store.layer_names():
        schema = store.schema(name)
        if schema.geometry_type == "GEOMETRY":  # mixed types (variant changes): pyogrio has no name for
            # "Unknown (any) Z", GDAL itself (ogrinfo, QGIS) reads the layer
            assert OGRINFO, "ogrinfo fehlt: .ci/run installiert gdal-bin"
            out = subprocess.run([OGRINFO, "-so", str(gpkg), name], capture_output=True, text=True,
                                 check=True).stdout
            assert f"Geometry: {'3D ' if schema.has_z else ''}Unknown (any)" in out, name
            assert f"Feature Count: {store.count(name)}" in out, name
            continue
        info = pyogrio.read_info(gpkg, layer=name)
        gdal_type = info["geometry_type"]
        assert info["features"] == store.count(name), name
        assert set(info["fields"]) == set(schema.field_names), name
        if schema.geometry_type is None:
            assert gdal_type is None, name
            continue
        kind = {"MULTIPOLYGON": "MultiPolygon", "POINT": "Point", "LINESTRING": "LineString",
                "MULTILINESTRING": "MultiLineString", "POLYGON": "Polygon"}[schema.geometry_type]
        assert gdal_type == kind + (" Z" if schema.has_z else ""), name
        crs = CRS.from_user_input(info["crs"])
        if schema.has_z:
            assert crs.is_compound and [c.to_epsg() for c in crs.sub_crs_list] == [25832, 7837]
        else:
            assert crs.to_epsg() == 25832
    df = pyogrio.read_dataframe(gpkg, layer="buildings", where="gml_id = 'DEBY_LOD2_4959457'")
    assert df.measured_height.iloc[0] == 37.54 and df.storeys_above_ground.iloc[0] == 6
    for system in ("twz_provenance", "twz_history", "twz_layers", "twz_rasters"):
        assert pyogrio.read_info(gpkg, layer=system)["features"] == len(
            store.provenance() if system == "twz_provenance" else store.history() if system == "twz_history"
            else store.layer_names() if system == "twz_layers" else store.rasters())


# ----------------------------------------------------------------------------- bulk insert: R-tree and trigger
def _rtree_state(gpkg, layer: str = "trees") -> tuple[str, list[tuple], str]:
    con = sqlite3.connect(gpkg)
    try:
        trigger = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                              (f"rtree_{layer}_geom_insert",)).fetchone()
        rows = con.execute(f"SELECT id, minx, maxx, miny, maxy FROM rtree_{layer}_geom ORDER BY id").fetchall()
        check = con.execute(f"SELECT rtreecheck('rtree_{layer}_geom')").fetchone()[0]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return trigger and trigger[0], rows, check
    finally:
        con.close()


def _expected_rtree(store, layer: str = "trees") -> list[tuple]:
    """The R-tree rows the standard triggers would write: each feature's envelope, float32 rounded outward."""
    feats = store.features(layer)
    b = shapely.bounds(np.array([f.geometry for f in feats], dtype=object))
    env = rtree_float32(np.column_stack([b[:, 0], b[:, 2], b[:, 1], b[:, 3]]))
    return sorted((f.fid, *map(float, e)) for f, e in zip(feats, env))


@pytest.mark.parametrize("n", [40, 12_000])  # row by row / packed tree
def test_bulk_insert_writes_rtree_of_envelopes_and_restores_trigger(tmp_path, n):
    p = Project.create(tmp_path / "gem", crs=25832, extent=(690000, 5335000, 691000, 5336000))
    gpkg = tmp_path / "gem" / "twin.gpkg"
    try:
        p.store.create_layer(TREES)
        p.store.create_layer(BLOCKS)
        trigger0, _, _ = _rtree_state(gpkg)
        p.store.upsert("trees", [_tree(i) for i in range(25)])  # through the same path, small
        rng = np.random.default_rng(n)
        xy = np.column_stack([rng.uniform(690000, 691000, n), rng.uniform(5335000.0, 5336000.0, n)])
        table = FeatureTable({"baumnr": [f"T{i}" for i in range(n)], "hoehe": rng.uniform(1, 30, n)},
                             shapely.points(xy))
        assert p.store.upsert("trees", table).inserted == n
        p.store.upsert("blocks", [_block(f"b{i}", 690000 + i * 7.3, 5335000 + i * 3.1) for i in range(300)])
        trigger, rows, check = _rtree_state(gpkg)
        assert trigger == trigger0 and "ST_MinX(NEW.geom)" in trigger
        assert check == "ok"
        assert rows == _expected_rtree(p.store)
        assert _rtree_state(gpkg, "blocks")[1:] == (_expected_rtree(p.store, "blocks"), "ok")
        # later edits go through the triggers and keep the index consistent
        p.store.upsert("trees", [Feature({"baumnr": "T1"}, Point(690500.25, 5335500.75)), _tree(999)])
        p.store.delete("trees", ["T2", "B00003"])
        trigger, rows, check = _rtree_state(gpkg)
        assert check == "ok" and rows == _expected_rtree(p.store)
    finally:
        p.close()
    # GDAL's spatial filter and its own index check see every feature
    box = (690200.0, 5335300.0, 690400.0, 5335450.0)
    inside = (xy[:, 0] >= box[0]) & (xy[:, 0] <= box[2]) & (xy[:, 1] >= box[1]) & (xy[:, 1] <= box[3])
    inside[[1, 2]] = False
    expected = {f"T{i}" for i in np.flatnonzero(inside)}
    got = set(pyogrio.read_dataframe(gpkg, layer="trees", bbox=box, columns=["baumnr"]).baumnr)
    assert {k for k in got if k.startswith("T")} == expected
    if OGRINFO:
        chk = subprocess.run([OGRINFO, "-q", str(gpkg), "-sql", "SELECT HasSpatialIndex('trees', 'geom')"],
                             capture_output=True, text=True, check=True)
        assert "= 1" in chk.stdout, chk.stdout


def test_rollback_of_bulk_insert_restores_trigger_and_rtree(tmp_path):
    p = Project.create(tmp_path / "gem", crs=25832, extent=(690000, 5335000, 691000, 5336000))
    gpkg = tmp_path / "gem" / "twin.gpkg"
    try:
        p.store.create_layer(TREES)
        p.store.upsert("trees", [_tree(i) for i in range(30)])
        before = _rtree_state(gpkg)
        size = gpkg.stat().st_size

        def cancel(done, total):
            if done > 2000:
                raise Cancelled()

        table = FeatureTable({"baumnr": [f"T{i}" for i in range(5000)]},
                             shapely.points(np.linspace(690000, 691000, 5000), np.full(5000, 5335500.0)))
        with pytest.raises(Cancelled):
            p.store.upsert("trees", table, on_progress=cancel)
        jahr = np.full(3000, 1990, dtype=object)
        jahr[2500] = 2**70  # too big for SQLite: the write fails in the second chunk
        broken = FeatureTable({"baumnr": [f"U{i}" for i in range(3000)], "pflanzjahr": jahr},
                              shapely.points(np.full(3000, 690100.0), np.linspace(5335000, 5336000, 3000)))
        with pytest.raises(OverflowError):
            p.store.upsert("trees", broken)
        assert _rtree_state(gpkg) == before
        assert before[0] is not None and p.store.count("trees") == 30
        assert gpkg.stat().st_size == size
    finally:
        p.close()


def test_error_swallowed_inside_outer_transaction_keeps_index_consistent(tmp_path):
    """Whoever catches a failed upsert and commits the rest gets the store as before that upsert."""
    p = Project.create(tmp_path / "gem", crs=25832, extent=(690000, 5335000, 691000, 5336000))
    gpkg = tmp_path / "gem" / "twin.gpkg"
    try:
        p.store.create_layer(TREES)
        jahr = np.full(3000, 1990, dtype=object)
        jahr[2500] = 2**70
        broken = FeatureTable({"baumnr": [f"U{i}" for i in range(3000)], "pflanzjahr": jahr},
                              shapely.points(np.full(3000, 690100.0), np.linspace(5335000, 5336000, 3000)))
        with p.store.transaction():
            p.store.upsert("trees", [_tree(i) for i in range(5)])
            with pytest.raises(OverflowError):
                p.store.upsert("trees", broken)
        assert p.store.keys("trees") == [f"B{i:05d}" for i in range(5)]  # the failed upsert left nothing
        assert len(p.store.history("trees")) == 5
        trigger, rows, check = _rtree_state(gpkg)
        assert trigger and check == "ok" and rows == _expected_rtree(p.store)
    finally:
        p.close()


def test_encode_batch_equals_encode_and_gives_envelopes():
    from shapely.geometry import LineString, MultiPolygon, Polygon

    geoms = [Point(1, 2), None, Point(1, 2, 3), Polygon([(0, 0), (1, 0), (1, 1)]),
             MultiPolygon([Polygon([(0, 0, 1), (1, 0, 2), (1, 1, 3)])]), Point(), Polygon(),
             LineString([(5, 6), (7, -8)])]
    blobs, env = gpkg_blob.encode_batch(geoms, 25832)
    assert blobs == [gpkg_blob.encode(g, 25832) for g in geoms]
    assert [gpkg_blob.envelope(b) for b in blobs] == [None if np.isnan(e[0]) else tuple(e) for e in env]
    assert gpkg_blob.encode_many(geoms, 4326) == [gpkg_blob.encode(g, 4326) for g in geoms]


def test_packed_rtree_is_what_sqlite_builds_itself():
    rng = np.random.default_rng(1)
    con = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for n in (0, 1, 51, 52, 3000):
            con.execute(f"CREATE VIRTUAL TABLE a{n} USING rtree(id, minx, maxx, miny, maxy)")
            con.execute(f"CREATE VIRTUAL TABLE b{n} USING rtree(id, minx, maxx, miny, maxy)")
            x, y, w = rng.uniform(-7e5, 7e5, n), rng.uniform(5.3e6, 5.4e6, n), rng.uniform(0, 30, n)
            box = np.column_stack([x, x + w, y - w, y])
            ids = rng.permutation(3 * n + 1)[:n] + 1
            con.executemany(f"INSERT INTO a{n} VALUES (?, ?, ?, ?, ?)", list(zip(ids.tolist(), *box.T.tolist())))
            size = con.execute(f"SELECT length(data) FROM b{n}_node WHERE nodeno = 1").fetchone()[0]
            nodes, rowids, parents = pack_rtree(ids, box, size)
            con.execute(f"DELETE FROM b{n}_node")
            con.executemany(f"INSERT INTO b{n}_node VALUES (?, ?)", nodes)
            con.executemany(f"INSERT INTO b{n}_rowid (rowid, nodeno) VALUES (?, ?)", rowids)
            con.executemany(f"INSERT INTO b{n}_parent VALUES (?, ?)", parents)
            assert con.execute(f"SELECT rtreecheck('b{n}')").fetchone()[0] == "ok"
            assert (con.execute(f"SELECT * FROM a{n} ORDER BY id").fetchall()
                    == con.execute(f"SELECT * FROM b{n} ORDER BY id").fetchall())
            q = "SELECT id FROM {} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ? ORDER BY id"
            for _ in range(10):
                qx, qy, s = rng.uniform(-7e5, 7e5), rng.uniform(5.3e6, 5.4e6), rng.uniform(1e3, 1e5)
                args = (qx + s, qx, qy + s, qy)
                ours = con.execute(q.format(f"b{n}"), args).fetchall()
                assert con.execute(q.format(f"a{n}"), args).fetchall() == ours
    finally:
        con.close()
