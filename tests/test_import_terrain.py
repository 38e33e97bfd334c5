"""Terrain GeoTIFF import on real DGM tiles: COG output, reprojection, idempotence, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from importers.base import import_file
from importers.terrain import TerrainImporter
from twin.errors import CRSError, ExtentError, FormatError

from tests.conftest import DATA, SAMPLE_REAL
from tests.test_import_citygml import snapshot

BY_DGM = SAMPLE_REAL / "BY_DGM1_690_5335.tif"
NRW_CLIP = DATA / "terrain" / "nrw_dgm_clip.tif"
NRW_EXTENT = (338000.0, 5706000.0, 338300.0, 5706400.0)


def test_bavarian_dgm1_becomes_cog_with_identical_heights(new_project):
    p = new_project()
    r = import_file(p, BY_DGM)
    assert r.counts["Pixel"] == 1_000_000 and r.counts["Höhe min"] == 510.34 and r.counts["Höhe max"] == 523.42
    (reg,) = p.store.rasters(kind="dgm")
    assert reg["bounds"] == (690000.0, 5335000.0, 691000.0, 5336000.0) and reg["resolution"] == (1.0, 1.0)
    out = p.root / reg["path"]
    with rasterio.open(out) as dst, rasterio.open(BY_DGM) as src:
        assert dst.crs.to_epsg() == 25832
        assert dst.profile["tiled"] and dst.overviews(1), "Cloud-Optimized GeoTIFF: tiles and overviews"
        assert dst.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"
        np.testing.assert_array_equal(dst.read(1), src.read(1))
    prov = p.store.provenance()[-1]
    assert prov["importer"] == "terrain" and prov["counts"]["Pixel"] == 1_000_000


def test_reimport_replaces_same_raster(new_project):
    p = new_project()
    import_file(p, BY_DGM)
    import_file(p, BY_DGM)
    assert [r["name"] for r in p.store.rasters()] == ["BY_DGM1_690_5335", "projekt_dgm"]
    assert sorted(f.name for f in (p.root / "rasters" / "dgm").iterdir()) == ["BY_DGM1_690_5335.tif"]
    assert sorted(f.name for f in (p.root / "rasters" / "dem").iterdir()) == ["projekt_dgm.tif"]


def test_non_square_pixels_kept(new_project):
    p = new_project(extent=NRW_EXTENT)
    import_file(p, NRW_CLIP)
    (reg,) = p.store.rasters(kind="dgm")
    assert reg["resolution"][0] == pytest.approx(0.9993, abs=1e-3)
    assert reg["resolution"][1] == pytest.approx(1.0066, abs=1e-3)


def test_reprojected_into_utm33_project(new_project):
    from pyproj import Transformer

    to33 = Transformer.from_crs(25832, 25833, always_xy=True)
    x0, y0 = to33.transform(338000, 5706000)
    p = new_project(crs=25833, extent=(x0 - 2000, y0 - 2000, x0 + 2000, y0 + 2000))
    r = import_file(p, NRW_CLIP)
    (reg,) = p.store.rasters(kind="dgm")
    with rasterio.open(p.root / reg["path"]) as dst:
        assert dst.crs.to_epsg() == 25833
        valid = dst.read(1, masked=True).compressed()
    assert abs(reg["bounds"][0] - x0) < 500 and r.source_crs.endswith("25832")
    assert 29.0 < valid.min() and valid.max() < 30.5  # heights survive the warp


def _write_tif(path, crs, origin=(338111.0, 5706311.0)):
    data = np.linspace(100, 110, 20 * 30, dtype="float32").reshape(20, 30)
    with rasterio.open(path, "w", driver="GTiff", width=30, height=20, count=1, dtype="float32", crs=crs,
                       transform=from_origin(origin[0], origin[1], 1.0, 1.0), nodata=-9999) as dst:
        dst.write(data, 1)


def test_geotiff_without_crs_fails_untouched_and_works_with_source_crs(new_project, tmp_path):
    p = new_project(extent=NRW_EXTENT)
    tif = tmp_path / "ohne_kbs.tif"
    _write_tif(tif, crs=None)
    before = snapshot(p)
    with pytest.raises(CRSError, match="kein Koordinatensystem") as err:
        import_file(p, tif)
    assert "ohne_kbs.tif" in str(err.value)
    assert snapshot(p) == before
    r = TerrainImporter(source_crs="EPSG:25832")(p, tif)
    assert r.counts["Pixel"] == 600


def test_outside_extent_fails_untouched(new_project):
    p = new_project()  # Bavarian extent; the NRW clip is 350 km away
    import_file(p, BY_DGM)
    before = snapshot(p)
    with pytest.raises(ExtentError, match="außerhalb des Projektgebiets") as err:
        import_file(p, NRW_CLIP)
    assert "nrw_dgm_clip.tif" in str(err.value)
    assert snapshot(p) == before


@pytest.mark.parametrize("keep", [5000, 2 / 3])
def test_truncated_tiff_fails_untouched(new_project, tmp_path, keep):
    p = new_project()
    bad = tmp_path / "kaputt.tif"
    raw = BY_DGM.read_bytes()
    bad.write_bytes(raw[: keep if isinstance(keep, int) else int(len(raw) * keep)])
    before = snapshot(p)
    with pytest.raises(FormatError) as err:
        import_file(p, bad)
    assert "kaputt.tif" in str(err.value)
    assert snapshot(p) == before


# ---------------------------------------------------------------- ASCII XYZ and ESRI ASCII grids
# Fixtures are *derived* at test time from the real Bavarian DGM1 tile (CC BY 4.0, Bayerische
# Vermessungsverwaltung – www.geodaten.bayern.de): a window written as XYZ / .asc text.

def _window(rows=slice(100, 140), cols=slice(200, 260)):
    with rasterio.open(BY_DGM) as src:
        data = src.read(1)[rows, cols].astype("float64")
        t = src.transform
    x0, ytop = t.c + cols.start * t.a, t.f + rows.start * t.e
    return data, x0, ytop


def _write_xyz(path, header=True, sep=" ", shuffle=False, jitter=0.0):
    data, x0, ytop = _window()
    h, w = data.shape
    cy, cx = np.mgrid[0:h, 0:w]
    xs, ys = x0 + cx.ravel() + 0.5, ytop - cy.ravel() - 0.5  # DGM1 XYZ: cell centres
    pts = np.column_stack([xs + jitter * np.sin(np.arange(xs.size)), ys, data.ravel()])
    if shuffle:
        pts = pts[np.random.default_rng(1).permutation(len(pts))]
    with open(path, "w") as f:
        if header:
            f.write(sep.join(["x", "y", "z"]) + "\n")
        for p in pts:
            f.write(f"{p[0]:.2f}{sep}{p[1]:.2f}{sep}{p[2]:.2f}\n")
    return data, x0, ytop


@pytest.mark.parametrize("header,sep,shuffle", [(True, " ", False), (False, " ", True), (True, ";", False)])
def test_xyz_grid_becomes_cog_with_same_heights(new_project, tmp_path, header, sep, shuffle):
    from importers.base import detect_importer
    from importers.terrain_formats import XYZGridImporter

    f = tmp_path / "dgm1_690_5335.xyz"
    data, x0, ytop = _write_xyz(f, header, sep, shuffle)
    assert isinstance(detect_importer(f), XYZGridImporter)
    p = new_project()
    with pytest.raises(CRSError, match="kein Koordinatensystem"):
        import_file(p, f)
    r = XYZGridImporter(source_crs="EPSG:25832")(p, f)
    assert r.counts["Pixel"] == data.size
    (reg,) = p.store.rasters(kind="dgm")
    assert reg["bounds"] == (x0, ytop - 40, x0 + 60, ytop) and reg["resolution"] == (1.0, 1.0)
    with rasterio.open(p.root / reg["path"]) as dst:
        assert dst.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"
        np.testing.assert_allclose(dst.read(1), np.round(data, 2), atol=1e-3)
    assert p.store.provenance()[-1]["importer"] == "terrain_xyz"


def test_irregular_xyz_rejected_untouched(new_project, tmp_path):
    from importers.terrain_formats import XYZGridImporter

    f = tmp_path / "punkte.xyz"
    _write_xyz(f, jitter=0.3)
    p = new_project()
    before = snapshot(p)
    with pytest.raises(FormatError, match="regelmäßigen Raster|unregelmäßige Punktmenge"):
        XYZGridImporter(source_crs="EPSG:25832")(p, f)
    assert snapshot(p) == before


def test_esri_ascii_grid_with_and_without_prj(new_project, tmp_path):
    from importers.base import detect_importer
    from importers.terrain_formats import AscGridImporter

    data, x0, ytop = _window()
    f = tmp_path / "kachel.asc"
    h, w = data.shape
    with open(f, "w") as out:
        out.write(f"ncols {w}\nnrows {h}\nxllcorner {x0}\nyllcorner {ytop - h}\ncellsize 1\nNODATA_value -9999\n")
        for row in data:
            out.write(" ".join(f"{v:.2f}" for v in row) + "\n")
    assert isinstance(detect_importer(f), AscGridImporter)
    p = new_project()
    before = snapshot(p)
    with pytest.raises(CRSError, match="ESRI-ASCII-Grid-Datei hat kein Koordinatensystem"):
        import_file(p, f)
    assert snapshot(p) == before
    r = AscGridImporter(source_crs="EPSG:25832")(p, f)
    assert r.counts["Pixel"] == data.size
    from pyproj import CRS

    (tmp_path / "kachel.prj").write_text(CRS.from_epsg(25832).to_wkt("WKT1_ESRI"))
    r = import_file(p, f)
    assert r.source_crs and len(p.store.rasters(kind="dgm")) == 1
    (reg,) = p.store.rasters(kind="dgm")
    with rasterio.open(p.root / reg["path"]) as dst:
        np.testing.assert_allclose(dst.read(1), np.round(data, 2), atol=1e-3)


# ---------------------------------------------------------------- project DEM: tiles mosaicked
# The real Bavarian DGM1 tile is cut into adjacent / overlapping tiles at test time; the project DEM
# (rasters/dem/projekt_dgm.tif) must give the original tile back cell for cell.

def _tile_tif(path, data, x0, ytop, res=1.0):
    h, w = data.shape
    with rasterio.open(path, "w", driver="GTiff", width=w, height=h, count=1, dtype="float32", crs="EPSG:25832",
                       transform=from_origin(x0, ytop, res, res), nodata=-9999) as dst:
        dst.write(data.astype("float32"), 1)
    return path


def _tile_xyz(path, data, x0, ytop):
    """DGM1 XYZ as Bayern/NRW publish it: 'x y z' per cell centre, blank separated, no header."""
    h, w = data.shape
    cy, cx = np.mgrid[0:h, 0:w]
    pts = np.column_stack([x0 + cx.ravel() + 0.5, ytop - cy.ravel() - 0.5, data.ravel().astype("float64")])
    np.savetxt(path, pts, fmt=["%.1f", "%.1f", "%.9g"], delimiter=" ")  # %.9g: float32 heights round-trip
    return path


def _by(rows=slice(None), cols=slice(None)):
    with rasterio.open(BY_DGM) as src:
        data = src.read(1)
    return data[rows, cols], 690000.0 + (cols.start or 0), 5336000.0 - (rows.start or 0)


def _import_xyz(p, f, **kw):
    from importers.terrain_formats import XYZGridImporter

    return XYZGridImporter(source_crs="EPSG:25832")(p, f, **kw)


def _dem(p):
    (reg,) = p.store.rasters(kind="dem")
    with rasterio.open(p.root / reg["path"]) as ds:
        return reg, ds.read(1), ds.transform, ds.profile


def test_geotiff_and_xyz_tiles_mosaic_to_the_original_tile(new_project, tmp_path):
    full, _, _ = _by()
    west = _tile_tif(tmp_path / "dgm1_west.tif", *_by(cols=slice(0, 500)))
    east = _tile_xyz(tmp_path / "dgm1_ost.xyz", *_by(cols=slice(500, 1000)))
    p = new_project()
    import_file(p, west)
    reg, dem, _, _ = _dem(p)
    assert reg["bounds"] == (690000.0, 5335000.0, 690500.0, 5336000.0) and dem.shape == (1000, 500)
    _import_xyz(p, east)
    assert sorted(r["name"] for r in p.store.rasters(kind="dgm")) == ["dgm1_ost", "dgm1_west"]
    reg, dem, transform, profile = _dem(p)
    assert reg["name"] == "projekt_dgm" and reg["path"] == "rasters/dem/projekt_dgm.tif"
    assert reg["bounds"] == (690000.0, 5335000.0, 691000.0, 5336000.0) and reg["resolution"] == (1.0, 1.0)
    assert transform == from_origin(690000.0, 5336000.0, 1.0, 1.0) and profile["nodata"] == -9999
    assert dem.shape == full.shape and (dem != -9999).all(), "no NoData anywhere, in particular no seam"
    np.testing.assert_array_equal(dem[:, 495:505], full[:, 495:505])
    np.testing.assert_allclose(dem, full, rtol=0, atol=1e-4)
    with rasterio.open(p.root / reg["path"]) as ds:
        assert ds.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG" and ds.crs.to_epsg() == 25832


def test_overlap_newest_import_wins_and_gaps_stay_nodata(new_project, tmp_path):
    rows = slice(0, 100)
    a_data, ax, ay = _by(rows, slice(0, 60))
    b_data, bx, by = _by(rows, slice(40, 100))
    b_data = b_data + 10.0
    b_data[50:60, 0:5] = -9999  # a hole in the newer tile does not erase the older heights
    a = _tile_tif(tmp_path / "a.tif", a_data, ax, ay)
    b = _tile_tif(tmp_path / "b.tif", b_data, bx, by)
    c = _tile_tif(tmp_path / "c.tif", *_by(rows, slice(120, 150)))  # 20 m gap east of b
    p = new_project()
    for f in (a, b, c):
        import_file(p, f)
    reg, dem, _, _ = _dem(p)
    assert reg["bounds"] == (690000.0, 5335900.0, 690150.0, 5336000.0) and dem.shape == (100, 150)
    np.testing.assert_array_equal(dem[:, 40:60][:50], b_data[:50, :20])  # b is newer
    np.testing.assert_array_equal(dem[50:60, 40:45], a_data[50:60, 40:45])  # hole in b: a shows
    np.testing.assert_array_equal(dem[:, :40], a_data[:, :40])
    assert (dem[:, 100:120] == -9999).all() and (dem[:, 120:] != -9999).all()
    import_file(p, a)  # re-imported: a is now the newest and wins the overlap
    _, dem, _, _ = _dem(p)
    np.testing.assert_array_equal(dem[:, :60], a_data)
    np.testing.assert_array_equal(dem[:, 60:100], b_data[:, 20:])


def test_coarser_tile_resampled_onto_finest_grid(new_project, tmp_path):
    fine, fx, fy = _by(slice(0, 100), slice(0, 100))
    coarse_src, _, _ = _by(slice(0, 100), slice(100, 200))
    coarse = coarse_src.reshape(50, 2, 50, 2).mean(axis=(1, 3))
    p = new_project()
    import_file(p, _tile_tif(tmp_path / "grob.tif", coarse, 690100.0, fy, res=2.0))
    import_file(p, _tile_tif(tmp_path / "fein.tif", fine, fx, fy))
    reg, dem, _, _ = _dem(p)
    assert reg["resolution"] == (1.0, 1.0) and reg["bounds"] == (690000.0, 5335900.0, 690200.0, 5336000.0)
    np.testing.assert_array_equal(dem[:, :100], fine)
    assert (dem[1:-1, 101:-1] != -9999).all()
    assert np.abs(dem[1:-1, 101:-1] - coarse_src[1:-1, 1:-1]).max() < 1.0  # bilinear from 2 m, real terrain


def _dem_state(p):
    f = p.root / "rasters" / "dem" / "projekt_dgm.tif"
    return snapshot(p), p.store.rasters(), f.read_bytes(), sorted(x.name for x in p.root.rglob("*"))


def test_failed_cancelled_or_dry_run_second_tile_leaves_dem_untouched(new_project, tmp_path):
    from importers.base import CancelToken
    from twin.errors import Cancelled

    p = new_project()
    import_file(p, _tile_tif(tmp_path / "west.tif", *_by(slice(0, 200), slice(0, 100))))
    east = _tile_tif(tmp_path / "ost.tif", *_by(slice(0, 200), slice(100, 200)))
    before = _dem_state(p)
    bad = tmp_path / "ost_kaputt.tif"
    bad.write_bytes(east.read_bytes()[:3000])
    with pytest.raises(FormatError):
        import_file(p, bad)
    assert _dem_state(p) == before
    token = CancelToken()

    def cancel_while_mosaicking(frac, msg):
        if "Projekt-DGM" in msg:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(p, east, progress=cancel_while_mosaicking, cancel=token)
    assert _dem_state(p) == before
    r = import_file(p, east, dry_run=True)
    assert r.dry_run and _dem_state(p) == before
    import_file(p, east)
    assert _dem(p)[0]["bounds"] == (690000.0, 5335800.0, 690200.0, 5336000.0)


def test_reimporting_a_tile_is_idempotent(new_project, tmp_path):
    west = _tile_tif(tmp_path / "west.tif", *_by(slice(0, 200), slice(0, 100)))
    east = _tile_xyz(tmp_path / "ost.xyz", *_by(slice(0, 200), slice(100, 200)))
    p = new_project()
    import_file(p, west)
    _import_xyz(p, east)
    reg, dem, _, _ = _dem(p)
    for again in (lambda: _import_xyz(p, east), lambda: import_file(p, west)):
        again()
        reg2, dem2, _, _ = _dem(p)
        assert (reg2["bounds"], reg2["sha256"]) == (reg["bounds"], reg["sha256"])
        np.testing.assert_array_equal(dem2, dem)
    assert len(p.store.rasters(kind="dgm")) == 2 and len(p.store.rasters(kind="dem")) == 1
    assert sorted(f.name for f in (p.root / "rasters" / "dem").iterdir()) == ["projekt_dgm.tif"]


def test_terrain_and_point_layers_use_the_project_dem(new_project, tmp_path):
    from layers.points import ground_heights
    from layers.terrain import terrain_mesh
    from twin.config import default_layers

    rows = slice(0, 100)
    a_data, ax, ay = _by(rows, slice(0, 60))
    b_data, bx, by = _by(rows, slice(40, 100))
    p = new_project()
    import_file(p, _tile_tif(tmp_path / "a.tif", a_data, ax, ay))
    import_file(p, _tile_tif(tmp_path / "b.tif", b_data + 10.0, bx, by))
    layer = next(layer for layer in default_layers() if layer.kind == "terrain")
    origin = np.array([690000.0, 5336000.0, 0.0])
    mesh, keys = terrain_mesh(p, layer, origin)
    assert keys == ["a", "b"]
    assert mesh.n_points == 100 * 100, "one surface of the mosaic, no overlapping patches"
    cx = mesh.cell_centers().points[:, 0]
    fid = mesh.cell_data["feature_id"]
    assert (fid[cx < 39] == 0).all() and (fid[cx > 41] == 1).all()
    z = ground_heights(p, np.array([[690050.5, 5335950.5], [690010.5, 5335950.5], [700000.0, 5336000.0]]))
    np.testing.assert_allclose(z, [b_data[49, 10] + 10.0, a_data[49, 10], 0.0], atol=1e-3)


def test_stale_dem_ignored_until_rebuilt(new_project, tmp_path):
    from layers.terrain import terrain_mesh
    from twin.config import default_layers
    from twin.dem import build_project_dem, project_dem

    p = new_project()
    import_file(p, _tile_tif(tmp_path / "a.tif", *_by(slice(0, 50), slice(0, 50))))
    b_data, bx, by = _by(slice(0, 50), slice(50, 100))
    TerrainImporter(project_dem=False)(p, _tile_tif(tmp_path / "b.tif", b_data, bx, by))
    assert p.store.rasters(kind="dem")[0]["bounds"] == (690000.0, 5335950.0, 690050.0, 5336000.0)
    assert project_dem(p) is None, "the DEM misses tile b: layers must use the tiles"
    layer = next(layer for layer in default_layers() if layer.kind == "terrain")
    mesh, keys = terrain_mesh(p, layer, np.array([690000.0, 5336000.0, 0.0]))
    assert keys == ["a", "b"] and mesh.n_points == 2 * 50 * 50  # two patches
    assert build_project_dem(p) == p.root / "rasters" / "dem" / "projekt_dgm.tif"
    reg = project_dem(p)
    assert reg is not None and reg["bounds"] == (690000.0, 5335950.0, 690100.0, 5336000.0)
    _, dem, _, _ = _dem(p)
    np.testing.assert_array_equal(dem, _by(slice(0, 50), slice(0, 100))[0])
    mesh, keys = terrain_mesh(p, layer, np.array([690000.0, 5336000.0, 0.0]))
    assert keys == ["a", "b"] and mesh.n_points == 50 * 100  # one seamless surface
    assert not list((p.root / "rasters" / "dem").glob(".*")), "no temporary files left"


def test_tile_named_like_the_project_dem_rejected(new_project, tmp_path):
    p = new_project()
    before = snapshot(p)
    with pytest.raises(FormatError, match="reserviert"):
        import_file(p, _tile_tif(tmp_path / "projekt_dgm.tif", *_by(slice(0, 20), slice(0, 20))))
    assert snapshot(p) == before


def test_batch_import_mosaics_the_dem_once_at_the_end(new_project, tmp_path):
    """import_files with several tiles: no per-tile mosaic, one DEM build after the last tile."""
    from importers.base import import_files

    full, _, _ = _by()
    west = _tile_tif(tmp_path / "dgm1_west.tif", *_by(cols=slice(0, 500)))
    east = _tile_tif(tmp_path / "dgm1_ost.tif", *_by(cols=slice(500, 1000)))
    p = new_project()
    messages: list[str] = []
    import_files(p, [west, east], progress=lambda f, m: messages.append(m))
    assert not any(m.startswith("Baue das Projekt-DGM") for m in messages)
    assert sum("Projekt-DGM" in m for m in messages) == 1 and messages[-1] == "Fertig"
    reg, dem, _, _ = _dem(p)
    assert reg["bounds"] == (690000.0, 5335000.0, 691000.0, 5336000.0)
    np.testing.assert_allclose(dem, full, rtol=0, atol=1e-4)
    from twin.dem import project_dem

    assert project_dem(p) is not None  # not stale
