"""A heat run on the sample municipality: inputs from the project, COGs and record on disk, and the
Marktplatz variant (de-sealed, trees planted) cooler than the plan as it is."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
import rasterio
import shapely
from rasterio.transform import rowcol

from twin.errors import Cancelled
from twin.sim.heat.run import RESULT_DIR, heat_inputs, run_heat
from twin.sim.heat.weather import preset
from twin.variants import project_in_variant
from twin.variants.sample import MARKTPLATZ, village_rect

DAY = dt.date(2026, 7, 15)
HOURS = (10.0, 14.0)


def test_inputs_take_buildings_trees_and_surfaces_from_the_project(sample_project):
    inputs, grid, info = heat_inputs(sample_project, DAY, preset(), HOURS, cell_size_m=2)
    assert info["baeume"] > 50 and info["kronenzellen"] > info["baeume"]
    assert info["gebaeudehoehen"]["gemessen"] > 0
    roof = inputs.buildings
    assert roof.any() and np.all(inputs.dsm[roof] > grid.z[roof] + 2.0)
    assert np.all(inputs.dsm[~roof] == grid.z.astype(np.float32)[~roof])
    assert 47 < inputs.lat < 56 and 5 < inputs.lon < 16  # in Germany


def test_run_writes_cogs_and_record_and_the_variant_is_cooler(sample_project):
    base = run_heat(sample_project, DAY, preset(), hours=HOURS, cell_size_m=2)
    folder = sample_project.root / base.folder
    assert folder.parent == sample_project.root / RESULT_DIR and not list(folder.parent.glob(".*"))
    rec = json.loads((folder / "lauf.json").read_text(encoding="utf-8"))
    assert rec["tag"] == "2026-07-15" and rec["stunden"] == list(HOURS) and rec["eingaben"]["baeume"] > 0
    with rasterio.open(sample_project.root / rec["raster"]["utci"]) as src:
        assert src.count == 2 and src.descriptions == ("10 Uhr", "14 Uhr")
        utci14 = src.read(2)
    assert np.nanmax(utci14) > 32.0
    with rasterio.open(sample_project.root / rec["raster"]["klasse_max"]) as src:
        assert src.read(1).min() == -1  # roofs
    markt = run_heat(project_in_variant(sample_project, MARKTPLATZ), DAY, preset(), hours=HOURS, cell_size_m=2)
    square = village_rect(-28.0, 20.0, 28.0, 56.0)
    inner = shapely.buffer(square, -4.0)
    x0, y0, x1, y1 = inner.bounds
    with rasterio.open(sample_project.root / markt.record["raster"]["utci_max"]) as a, \
            rasterio.open(sample_project.root / rec["raster"]["utci_max"]) as b:
        r0, c0 = rowcol(a.transform, x0, y1)
        r1, c1 = rowcol(a.transform, x1, y0)
        delta = a.read(1)[r0:r1, c0:c1] - b.read(1)[r0:r1, c0:c1]
    assert np.nanmean(delta) < -0.5  # green square with young trees: cooler on average
    assert np.nanmin(delta) < -3.0   # and much cooler under the crowns


def test_cancelled_run_leaves_no_folder(sample_project):
    with pytest.raises(Cancelled):
        run_heat(sample_project, DAY, preset(), hours=HOURS, cell_size_m=5, cancel=lambda: True)
    assert not (sample_project.root / RESULT_DIR).exists() or not any((sample_project.root / RESULT_DIR).iterdir())
