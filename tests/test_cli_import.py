"""The import command line with --dry-run, --profile and --crs, on real files."""

from __future__ import annotations

import subprocess
import sys

from twin.project import Project

from tests.conftest import DATA, SAMPLE_REAL
from tests.test_import_trees import FLENSBURG, FLENSBURG_EXTENT


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, timeout=300)


def _new(tmp_path, extent) -> str:
    d = tmp_path / "gem"
    assert _cli("new", str(d), "--extent", *map(str, extent)).returncode == 0
    return str(d)


def test_dry_run_then_import_trees(tmp_path):
    d = _new(tmp_path, FLENSBURG_EXTENT)
    dry = _cli("import", d, str(FLENSBURG), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Probelauf, nichts gespeichert" in dry.stdout
    with Project.open(d) as p:
        assert not p.store.has_layer("trees") and p.store.provenance() == []
        assert not (p.root / "profiles").exists() or not any((p.root / "profiles").iterdir())
    real = _cli("import", d, str(FLENSBURG))
    assert real.returncode == 0, real.stderr
    with Project.open(d) as p:
        assert p.store.count("trees") == 230
        (profile,) = (p.root / "profiles").glob("trees_*.toml")
    again = _cli("import", d, str(FLENSBURG), "--profile", str(profile))
    assert again.returncode == 0 and "neu: 0" in again.stdout.replace("\n", " ")


def test_crs_override_and_profile_refused_for_citygml(tmp_path):
    d = _new(tmp_path, (690000, 5335000, 691000, 5336000))
    wrong = _cli("import", d, str(SAMPLE_REAL / "DEBY_LOD2_4959457.gml"), "--crs", "EPSG:25833")
    assert wrong.returncode == 1 and "außerhalb des Projektgebiets" in wrong.stderr  # the override is used
    prof = tmp_path / "p.toml"
    prof.write_text('name = "x"\ntarget = "trees"\n', encoding="utf-8")
    refused = _cli("import", d, str(SAMPLE_REAL / "DEBY_LOD2_4959457.gml"), "--profile", str(prof))
    assert refused.returncode == 1 and "verwendet keine Profile" in refused.stderr


def test_nas_through_cli(tmp_path):
    d = _new(tmp_path, (338000, 5706000, 338300, 5706400))
    out = _cli("import", d, str(DATA / "alkis" / "NRW_WFS_flurstueckrequired.gml"))
    assert out.returncode == 0, out.stderr
    with Project.open(d) as p:
        f = p.store.get("parcels", "05329001100085______")
        assert f is not None and f.attrs["amtliche_flaeche"] == 684.0


def test_two_dgm_tiles_through_cli_give_one_project_dem(tmp_path):
    """`import` with two adjacent tiles (GeoTIFF + DGM1 XYZ): one DEM built after the last tile, equal to the
    original Bavarian tile; a --dry-run batch builds none."""
    import numpy as np
    import rasterio

    from tests.test_import_terrain import _by, _tile_tif, _tile_xyz

    full, _, _ = _by()
    west = _tile_tif(tmp_path / "dgm1_west.tif", *_by(cols=slice(0, 500)))
    east = _tile_xyz(tmp_path / "dgm1_ost.xyz", *_by(cols=slice(500, 1000)))
    d = _new(tmp_path, (690000, 5335000, 691000, 5336000))
    dry = _cli("import", d, str(west), str(east), "--crs", "EPSG:25832", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    with Project.open(d) as p:
        assert p.store.rasters() == []
    res = _cli("import", d, str(west), str(east), "--crs", "EPSG:25832")
    assert res.returncode == 0, res.stderr
    assert "Projekt-DGM" in res.stdout
    with Project.open(d) as p:
        assert sorted(r["name"] for r in p.store.rasters()) == ["dgm1_ost", "dgm1_west", "projekt_dgm"]
        (dem,) = p.store.rasters(kind="dem")
        with rasterio.open(p.root / dem["path"]) as src:
            np.testing.assert_allclose(src.read(1), full, rtol=0, atol=1e-4)
