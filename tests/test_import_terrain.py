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
