"""LiDAR import on real LAS/LAZ files: class counts, DGM/DOM against an independent computation,
unclassified clouds (ground filter), CRS handling, cancel, re-import, display cloud layer."""

from __future__ import annotations

from pathlib import Path

import laspy
import numpy as np
import pytest
import rasterio

from importers.base import CancelToken, detect_importer, import_file
from importers.lidar import LidarImporter
from importers.lidar.grid import GridSpec, fill_holes, ground_cells
from twin.errors import Cancelled, CRSError

from tests.conftest import DATA
from tests.test_import_citygml import snapshot

LIDAR = DATA / "lidar"
WARSAW = LIDAR / "pdal_warsaw_small.las"
EVLR = LIDAR / "laspy_1_4_w_evlr.laz"
NRW = LIDAR / "nrw_47078_575411_0011.laz"
AHN = Path("/work/shared/data/lidar/ahn3_cropped_2.laz")
NRW_EXTENT = (470000.0, 5754000.0, 471000.0, 5755000.0)


def _band(project, kind):
    (reg,) = project.store.rasters(kind=kind)
    with rasterio.open(project.root / reg["path"]) as src:
        return src.read(1, masked=True).astype("float64").filled(np.nan), src.transform, src


def _independent(path, classes, op):
    """Per-cell min/max with a plain Python loop over the file's points (1 m grid, floor-snapped)."""
    las = laspy.read(path)
    x, y, z, c = np.asarray(las.x), np.asarray(las.y), np.asarray(las.z), np.asarray(las.classification)
    x0, ytop = np.floor(x.min()), np.ceil(y.max())
    cells: dict[tuple[int, int], float] = {}
    for xi, yi, zi, ci in zip(x, y, z, c):
        if classes is not None and ci not in classes:
            continue
        key = (int(np.floor(ytop - yi)), int(np.floor(xi - x0)))
        cells[key] = op(cells.get(key, zi), zi)
    return cells


def test_detected_by_content():
    assert isinstance(detect_importer(WARSAW), LidarImporter)
    assert isinstance(detect_importer(EVLR), LidarImporter)


def test_class_counts_and_dgm_dom_chm_match_independent_computation(new_project):
    p = new_project(crs=2180, extent=None)
    r = LidarImporter(source_crs="EPSG:2180")(p, WARSAW)
    assert r.counts["Punkte"] == 3000
    assert r.counts["Klassen"] == {0: 433, 2: 1381, 3: 257, 4: 27, 5: 902}
    assert r.counts["Bodenpunkte"] == 1381
    assert sorted(x["kind"] for x in p.store.rasters()) == ["chm", "dgm", "dom"]
    dgm, _, _ = _band(p, "dgm")
    dom, _, _ = _band(p, "dom")
    chm, _, _ = _band(p, "chm")
    ground = _independent(WARSAW, {2}, min)
    top = _independent(WARSAW, None, max)
    veg = _independent(WARSAW, {3, 4, 5}, max)
    assert len(ground) > 500
    for (row, col), v in ground.items():
        assert dgm[row, col] == pytest.approx(v, abs=1e-4)  # float32 storage
    for (row, col), v in top.items():
        assert dom[row, col] == pytest.approx(v, abs=1e-4)
    # canopy height = vegetation top minus ground where that cell has ground points itself
    both = [k for k in veg if k in ground]
    assert len(both) > 20
    for k in both:
        assert chm[k] == pytest.approx(max(veg[k] - ground[k], 0.0), abs=1e-3)
    assert np.nanmax(chm) > 5  # trees
    assert (chm[~np.isnan(chm)] >= 0).all()


def test_las14_with_evlr_all_ground_in_own_crs(new_project):
    p = new_project(crs=2903, extent=None)  # New Mexico Central (US ft) – the file's own CRS
    r = import_file(p, EVLR)
    assert r.counts["Punkte"] == 1000 and r.counts["Klassen"] == {2: 1000}
    assert "New Mexico" in r.source_crs or "2903" in r.source_crs  # read from the file's WKT VLR
    # heights in US survey feet are converted to metres
    las = laspy.read(EVLR)
    assert r.counts["Höhe min"] == pytest.approx(float(np.min(las.z)) * 0.3048006, abs=0.05)


def test_unclassified_nrw_cloud_gets_ground_filter_and_warning(new_project):
    p = new_project(extent=NRW_EXTENT)
    r = LidarImporter(source_crs="EPSG:25832")(p, NRW)
    assert r.counts["Klassen"] == {0: 22413}
    msgs = " ".join(str(x) for x in r.problems)
    assert "keine Bodenpunkte (Klasse 2)" in msgs and "Bodenfilter" in msgs
    assert sorted(x["kind"] for x in p.store.rasters()) == ["dgm", "dom"]
    dgm, _, _ = _band(p, "dgm")
    dom, _, _ = _band(p, "dom")
    las = laspy.read(NRW)
    z = np.asarray(las.z)
    assert np.nanmin(dgm) == pytest.approx(z.min(), abs=1e-3)
    # the ground lies 117–119 m; roofs/trees up to 131.7 m are filtered out of the DGM but in the DOM
    assert np.nanmax(dgm) < 119.0
    assert np.nanmax(dom) == pytest.approx(z.max(), abs=1e-3)
    assert 0 < r.counts["Bodenpunkte"] < 22413


def test_ground_filter_removes_a_block_on_a_slope():
    yy, xx = np.mgrid[0:60, 0:60].astype(float)
    zmin = 100 + 0.05 * xx  # gentle slope
    zmin[20:30, 20:35] += 8.0  # a 10 m × 15 m building
    g = ground_cells(zmin, 1.0)
    assert not g[20:30, 20:35].any()
    assert g[:15].all() and g[40:].all()


def test_fill_holes_small_only():
    a = np.ones((20, 20))
    a[5, 5] = np.nan
    a[10:20, 10:20] = np.nan
    f = fill_holes(a, 2)
    assert f[5, 5] == 1.0 and np.isnan(f[15, 15])
    assert not np.isnan(fill_holes(a, None)).any()


def test_grid_spec_snaps_to_cells():
    s = GridSpec.covering(10.3, 20.7, 15.2, 22.0, 1.0)
    assert s.bounds == (10.0, 20.0, 16.0, 22.0) and (s.width, s.height) == (6, 2)


def test_file_without_crs_fails_untouched_then_works_with_explicit_crs(new_project):
    p = new_project(extent=NRW_EXTENT)
    before = snapshot(p)
    with pytest.raises(CRSError, match="kein \\(lesbares\\) Koordinatensystem") as err:
        import_file(p, NRW)
    assert "nrw_47078_575411_0011.laz" in str(err.value)
    assert snapshot(p) == before
    with pytest.raises(CRSError):  # empty WKT VLR counts as no CRS
        import_file(p, WARSAW)
    r = LidarImporter(source_crs="EPSG:25832")(p, NRW)
    assert r.source_crs.endswith("25832")


def test_reprojected_into_utm33(new_project):
    from pyproj import Transformer

    x, y = Transformer.from_crs(25832, 25833, always_xy=True).transform(470850, 5754190)
    p = new_project(crs=25833, extent=(x - 1000, y - 1000, x + 1000, y + 1000))
    LidarImporter(source_crs="EPSG:25832")(p, NRW)
    (reg,) = p.store.rasters(kind="dom")
    assert abs(reg["bounds"][0] - x) < 30 and abs(reg["bounds"][1] - y) < 30
    with rasterio.open(p.root / reg["path"]) as src:
        assert src.crs.to_epsg() == 25833
        assert 131 < src.read(1, masked=True).max() < 132  # heights are not touched


@pytest.mark.parametrize("at", [0.05, 0.3, 0.6, 0.9])
def test_cancel_leaves_store_and_folders_unchanged(new_project, at):
    p = new_project(crs=2180, extent=None)
    before = snapshot(p)
    cancel = CancelToken()

    def progress(f, msg):
        if f >= at:
            cancel.cancel()

    with pytest.raises(Cancelled):
        LidarImporter(source_crs="EPSG:2180")(p, WARSAW, progress=progress, cancel=cancel)
    assert snapshot(p) == before
    assert p.store.rasters() == []


def test_reimport_is_idempotent(new_project):
    p = new_project(crs=2180, extent=None)
    imp = LidarImporter(source_crs="EPSG:2180")
    imp(p, WARSAW)
    first = {r["name"]: r["sha256"] for r in p.store.rasters()}
    files = sorted(f.relative_to(p.root).as_posix() for f in p.root.rglob("*") if f.is_file() and f.suffix != ".gpkg")
    imp(p, WARSAW)
    assert {r["name"]: r["sha256"] for r in p.store.rasters()} == first
    assert sorted(f.relative_to(p.root).as_posix() for f in p.root.rglob("*")
                  if f.is_file() and f.suffix != ".gpkg") == files
    assert len(p.store.provenance()) == 2


def test_dry_run_writes_nothing(new_project):
    p = new_project(crs=2180, extent=None)
    before = snapshot(p)
    r = LidarImporter(source_crs="EPSG:2180")(p, WARSAW, dry_run=True)
    assert r.dry_run and r.counts["Punkte"] == 3000
    assert snapshot(p) == before


def test_display_cloud_and_pointcloud_layer(new_project):
    from layers.pointcloud import pointcloud_mesh
    from layers.scene import build_scene
    from twin.config import LayerConfig, StyleConfig

    p = new_project(extent=NRW_EXTENT)
    r = LidarImporter(source_crs="EPSG:25832", max_display_points=200)(p, NRW)
    assert r.counts["Anzeigepunkte"] == 200
    with np.load(p.root / "pointclouds" / "nrw_47078_575411_0011.npz") as d:
        assert d["xyz"].shape == (200, 3) and d["rgb"].shape == (200, 3)
    origin = np.array([470000.0, 5754000.0, 0.0])
    cfg = LayerConfig(name="pc", title="Punktwolke", kind="pointcloud", source="pointclouds")
    mesh, keys = pointcloud_mesh(p, cfg, origin)
    assert keys == [] and mesh.n_points == 200 and mesh.n_verts == 200
    assert mesh.point_data["rgba"].dtype == np.uint8 and mesh.point_data["rgba"].shape == (200, 4)
    cfg = LayerConfig(name="pc", title="Punktwolke", kind="pointcloud", source="pointclouds",
                      style=StyleConfig(by="height", colormap="viridis"))
    mesh2, _ = pointcloud_mesh(p, cfg, origin)
    assert not np.array_equal(mesh2.point_data["rgba"], mesh.point_data["rgba"])
    scene = build_scene(p)
    layer = scene.layer("pointcloud")
    assert layer.mesh.n_points == 200 and layer.key_at(0) is None


@pytest.mark.skipif(not AHN.exists(), reason="AHN3-Kachel nur in /work/shared/data/lidar")
def test_ahn3_buildings_give_building_heights(new_project):
    p = new_project(crs=28992, extent=None)
    r = LidarImporter(source_crs="EPSG:28992")(p, AHN)
    assert r.counts["Klassen"] == {1: 86308, 2: 87130, 6: 33312, 9: 568, 26: 1114}
    ndom, _, _ = _band(p, "ndom")
    assert 5 < np.nanmax(ndom) < 40 and (ndom[~np.isnan(ndom)] >= 0).all()
    assert (ndom > 2).sum() > 1000  # Delft houses
