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
    assert len(p.store.rasters()) == 1
    assert sorted(f.name for f in (p.root / "rasters" / "dgm").iterdir()) == ["BY_DGM1_690_5335.tif"]


def test_non_square_pixels_kept(new_project):
    p = new_project(extent=NRW_EXTENT)
    import_file(p, NRW_CLIP)
    (reg,) = p.store.rasters()
    assert reg["resolution"][0] == pytest.approx(0.9993, abs=1e-3)
    assert reg["resolution"][1] == pytest.approx(1.0066, abs=1e-3)


def test_reprojected_into_utm33_project(new_project):
    from pyproj import Transformer

    to33 = Transformer.from_crs(25832, 25833, always_xy=True)
    x0, y0 = to33.transform(338000, 5706000)
    p = new_project(crs=25833, extent=(x0 - 2000, y0 - 2000, x0 + 2000, y0 + 2000))
    r = import_file(p, NRW_CLIP)
    (reg,) = p.store.rasters()
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
    assert r.source_crs and len(p.store.rasters()) == 1
    (reg,) = p.store.rasters()
    with rasterio.open(p.root / reg["path"]) as dst:
        np.testing.assert_allclose(dst.read(1), np.round(data, 2), atol=1e-3)
