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
    assert sorted(x["kind"] for x in p.store.rasters()) == ["chm", "dem", "dgm", "dom"]
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
    assert sorted(x["kind"] for x in p.store.rasters()) == ["dem", "dgm", "dom"]
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


# ---------------------------------------------------------------------------- chunked reading
def _all_rasters(project) -> dict[str, tuple[np.ndarray, object]]:
    """Every registered raster: the raw band (NoData values included) and its transform."""
    out = {}
    for reg in project.store.rasters():
        with rasterio.open(project.root / reg["path"]) as src:
            out[reg["kind"]] = (src.read(1), src.transform, src.nodata)
    return out


def _cloud(project, stem) -> dict[str, np.ndarray]:
    with np.load(project.root / "pointclouds" / f"{stem}.npz") as d:
        return {k: d[k] for k in d}


def _assert_same_import(a, b, stem):
    ra, rb = _all_rasters(a), _all_rasters(b)
    assert ra.keys() == rb.keys() and ra
    for kind in ra:
        assert np.array_equal(ra[kind][0], rb[kind][0]), kind  # incl. the NoData cells
        assert ra[kind][1:] == rb[kind][1:], kind
    ca, cb = _cloud(a, stem), _cloud(b, stem)
    assert ca.keys() == cb.keys()
    for k in ca:
        assert ca[k].dtype == cb[k].dtype and np.array_equal(ca[k], cb[k]), k


@pytest.mark.parametrize("path, crs, src, extent, chunk", [
    (WARSAW, 2180, "EPSG:2180", None, 250),
    (NRW, 25832, "EPSG:25832", NRW_EXTENT, 10_000),
    (NRW, 25833, "EPSG:25832", None, 1_000),  # reprojected chunk by chunk
])
def test_tiny_chunks_give_identical_rasters_and_display_cloud(new_project, path, crs, src, extent, chunk):
    one, many = new_project(crs=crs, extent=extent), new_project(crs=crs, extent=extent)
    r1 = LidarImporter(source_crs=src, chunk_points=10**9, max_display_points=300)(one, path)
    seen = []
    r2 = LidarImporter(source_crs=src, chunk_points=chunk, max_display_points=300)(
        many, path, progress=lambda f, m: seen.append(f))
    assert r1.counts == r2.counts and [str(x) for x in r1.problems] == [str(x) for x in r2.problems]
    _assert_same_import(one, many, path.stem)
    n = r1.counts["Punkte"]
    reads = [f for f in seen if 0.02 < f <= 0.4]
    assert len(reads) >= -(-n // chunk)  # one progress step per chunk, by points read
    assert reads == sorted(reads) and reads[-1] == pytest.approx(0.4)


def test_display_cloud_equals_the_one_array_reference():
    from importers.lidar.accumulate import VoxelThinner
    from importers.lidar.grid import voxel_thin

    las = laspy.read(WARSAW)
    x, y, z, c = np.asarray(las.x), np.asarray(las.y), np.asarray(las.z), np.asarray(las.classification)
    for cap in (10**6, 500, 37):
        ref = voxel_thin(x, y, z, 1.0, cap)
        thin = VoxelThinner(1.0)
        for i in range(0, len(x), 128):
            s = slice(i, i + 128)
            thin.add(x[s], y[s], z[s], c[s], None)
        got = thin.result(cap, None)
        assert np.array_equal(got["xyz"], np.stack([x[ref], y[ref], z[ref]], axis=1))
        assert np.array_equal(got["classification"], c[ref])


def test_reader_holds_at_most_chunk_points():
    from importers.lidar.read import LasChunks

    src = LasChunks(NRW, 4_000)
    sizes = [len(ch) for ch in src]
    assert sum(sizes) == src.point_count == 22413 and max(sizes) == src.largest == 4_000
    assert [len(ch) for ch in src] == sizes  # iterable again (second pass of the ground filter)


def _synthetic_las(path: Path, n: int, side: float = 100.0) -> None:
    """A classified ALS-like cloud: sloped ground (class 2), a house (6), trees (5)."""
    rng = np.random.default_rng(7)
    x, y = 470000 + rng.random(n) * side, 5754000 + rng.random(n) * side
    z = 100 + 0.02 * (x - 470000) + rng.normal(0, 0.05, n)
    cls = np.full(n, 2, np.uint8)
    house = (x - 470000 > 20) & (x - 470000 < 40) & (y - 5754000 > 20) & (y - 5754000 < 35)
    z[house] += 8
    cls[house] = 6
    tree = ((x - 470070) ** 2 + (y - 5754070) ** 2 < 100) & (rng.random(n) < 0.7)
    z[tree] += 5 + 10 * rng.random(tree.sum())
    cls[tree] = 5
    h = laspy.LasHeader(point_format=6, version="1.4")
    h.offsets, h.scales = [470000.0, 5754000.0, 0.0], [0.001, 0.001, 0.001]
    las = laspy.LasData(h)
    las.x, las.y, las.z, las.classification = x, y, z, cls
    las.write(path)


def test_peak_memory_is_bounded_by_the_chunk_size(new_project, tmp_path):
    """tracemalloc sees every numpy buffer: reading 400 000 points in chunks of 20 000 must peak at a
    fraction of the one-chunk import; the peak scales with the chunk, not with the file."""
    import tracemalloc

    path = tmp_path / "wolke.las"
    _synthetic_las(path, 400_000)
    peaks = {}
    for chunk in (10**9, 100_000, 20_000):
        p = new_project(extent=None)
        tracemalloc.start()
        try:
            r = LidarImporter(source_crs="EPSG:25832", chunk_points=chunk)(p, path)
            peaks[chunk] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert r.counts["Punkte"] == 400_000 and r.counts["Raster"] == 4
    one, mid, small = peaks[10**9], peaks[100_000], peaks[20_000]
    assert one > 400_000 * 50  # the whole cloud at once: ≥ 50 bytes per point
    assert small < one / 5 and small < mid < one
    assert small < 20_000 * 200 + 2_000_000  # ≤ 200 bytes per chunk point + grids and display candidates


def _with_header_bounds(src: Path, dst: Path, mins, maxs) -> Path:
    """A copy of ``src`` whose header names other bounds (LAS header: max/min x, y, z at byte 179)."""
    import struct

    buf = bytearray(src.read_bytes())
    struct.pack_into("<6d", buf, 179, maxs[0], mins[0], maxs[1], mins[1], maxs[2], mins[2])
    dst.write_bytes(bytes(buf))
    with laspy.open(dst) as f:  # the header really says so
        assert list(f.header.maxs) == pytest.approx(list(maxs), nan_ok=True)
    return dst


@pytest.mark.parametrize("how", ["quarter", "zero", "nan", "huge"])
def test_wrong_header_bounds_grow_the_grid_and_are_reported(new_project, tmp_path, how):
    las = laspy.read(WARSAW)
    x, y, z = np.asarray(las.x), np.asarray(las.y), np.asarray(las.z)
    lo, hi = np.array(las.header.mins), np.array(las.header.maxs)
    mins, maxs = {"quarter": (lo, (lo + hi) / 2), "zero": ((0, 0, 0), (0, 0, 0)),
                  "nan": ((np.nan,) * 3, (np.nan,) * 3), "huge": (lo - 1e6, hi + 1e6)}[how]
    bad = _with_header_bounds(WARSAW, tmp_path / WARSAW.name, mins, maxs)
    ref, p = new_project(crs=2180, extent=None), new_project(crs=2180, extent=None)
    LidarImporter(source_crs="EPSG:2180", chunk_points=10**9)(ref, WARSAW)
    r = LidarImporter(source_crs="EPSG:2180", chunk_points=300)(p, bad)
    _assert_same_import(ref, p, WARSAW.stem)  # nothing dropped, same grid
    msgs = [str(m) for m in r.problems if "Dateikopf" in str(m)]
    tol = las.header.scales  # one unit of the stored integers
    with np.errstate(invalid="ignore"):
        inside = np.ones(len(x), bool)
        for i, v in enumerate((x, y, z)):
            inside &= (v >= mins[i] - tol[i]) & (v <= maxs[i] + tol[i])
    outside = int((~inside).sum())
    if how == "huge":
        assert outside == 0 and msgs == []
    else:
        assert outside > 0 and msgs == [f"Der Dateikopf nennt falsche Koordinatengrenzen: {outside} Punkte liegen "
                                        "außerhalb. Die Raster decken die tatsächliche Ausdehnung der Punkte ab "
                                        "(kein Punkt verworfen)."]


def test_grid_accumulator_matches_covering_on_cell_edges():
    """Points exactly on the right/bottom grid edge go to the last cell, as GridSpec.covering does."""
    from importers.lidar.accumulate import GridAccumulator
    from importers.lidar.grid import grid_max, grid_min

    x = np.array([10.0, 12.0, 11.5, 12.0, 10.2])
    y = np.array([20.0, 20.0, 21.0, 22.0, 21.7])
    z = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    for start in (None, (0, -5, 1, -4), (11, -22, 11, -21)):  # none, far away, too small
        acc = GridAccumulator(1.0, Path("x.las"), start=start)
        for i in range(len(x)):
            acc.add(x[i:i + 1], y[i:i + 1], z[i:i + 1], np.zeros(1, np.uint8))
        spec, g = acc.result()
        ref = GridSpec.covering(10.0, 20.0, 12.0, 22.0, 1.0)
        assert spec == ref
        assert np.array_equal(g["top"], grid_max(ref.cell_index(x, y), z, ref), equal_nan=True)
        assert np.array_equal(g["low"], grid_min(ref.cell_index(x, y), z, ref), equal_nan=True)
        assert g["top"].tolist() == [[5.0, 4.0], [1.0, 3.0]]  # by hand: (12, 22) top right, (10, 20) bottom left


@pytest.mark.parametrize("src", [WARSAW, NRW])
def test_truncated_file_fails_in_a_later_chunk_and_leaves_project_untouched(new_project, tmp_path, src):
    from twin.errors import FormatError

    bad = tmp_path / src.name
    data = src.read_bytes()
    bad.write_bytes(data[:len(data) * 2 // 3])
    p = new_project(crs=2180, extent=None)
    before = snapshot(p)
    with pytest.raises(FormatError, match="beschädigt"):
        LidarImporter(source_crs="EPSG:2180", chunk_points=500)(p, bad)
    assert snapshot(p) == before


def test_grid_growth_stops_at_the_size_limit():
    from importers.lidar.accumulate import GridAccumulator
    from twin.errors import FormatError

    acc = GridAccumulator(1.0, Path("x.las"), max_cells=10_000)
    acc.add(np.array([0.5, 99.5]), np.array([0.5, 99.5]), np.zeros(2), np.full(2, 2, np.uint8))  # 100 × 100
    with pytest.raises(FormatError, match="zu groß"):
        acc.add(np.array([100.5]), np.array([0.5]), np.zeros(1), np.full(1, 2, np.uint8))
