"""The heat day end to end on arrays: shadows move with the sun, a planted tree cools its surroundings,
roofs carry no result, progress and cancel work."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from rasterio.transform import from_origin

from twin.errors import Cancelled, ConfigError
from twin.sim.heat.model import COVER_ORDER, HeatInputs, heat_day
from twin.sim.heat.utci import STRONG_HEAT
from twin.sim.heat.vegetation import Tree, rasterize_trees
from twin.sim.heat.weather import preset

TRANSFORM = from_origin(690000.0, 5336000.0, 1.0, 1.0)


def _square(trees: list[Tree] | None = None, hours=(9.0, 13.0, 17.0)) -> HeatInputs:
    """A 80 m square: one 12 m block in the north-west, sealed ground, a lawn in the south-east."""
    ground = np.full((80, 80), 300.0, np.float32)
    dsm = ground.copy()
    roof = np.zeros(ground.shape, bool)
    dsm[10:30, 10:30] += 12.0
    roof[10:30, 10:30] = True
    cover = np.zeros(ground.shape, np.int8)
    cover[50:, 50:] = COVER_ORDER.index("gruen")
    veg = rasterize_trees(trees, ground, TRANSFORM) if trees else None
    return HeatInputs(dsm=dsm, dx=1.0, buildings=roof, cover=cover, lat=49.60, lon=10.83, day=dt.date(2026, 7, 15),
                      weather=preset(), veg=veg, hours=hours)


def test_a_hot_afternoon_and_the_building_shadow_moving_with_the_sun():
    r = heat_day(_square())
    assert r.tmrt.shape == (3, 80, 80) and r.timings["svf"] > 0
    assert np.all(np.isnan(r.utci[:, 10:30, 10:30])) and np.all(r.stress_max[10:30, 10:30] == -1)
    # morning sun from the east-south-east: shadow west of the block; afternoon: east of it
    assert r.sun[0, 20, 5] == 0.0 and r.sun[0, 20, 35] == 1.0
    assert r.sun[2, 20, 35] == 0.0 and r.sun[2, 20, 5] == 1.0
    open_ground = r.utci[1, 60, 20]
    assert np.nanmax(r.utci_max) >= 32.0 and r.stress_max[60, 20] >= STRONG_HEAT  # a hot day in the sun
    shaded = r.utci[2, 20, 35]
    assert open_ground - shaded > 3.0


def test_a_planted_tree_cools_the_ground_under_it():
    before = heat_day(_square())
    after = heat_day(_square([Tree(x=690060.0, y=5335960.0, height=14.0, crown=10.0, genus="Tilia")]))
    delta = after.utci_max - before.utci_max
    # row 40, column 60: the trunk. East of it the crown shades the afternoon sun, which makes the daily
    # maximum; west of it the low afternoon sun shines in under the crown (trunk zone 3.5 m high)
    assert np.all(delta[37:41, 61:64] < -5.0)
    assert np.all(np.abs(delta[37:42, 56:59]) < 0.5)
    disc = np.hypot(*np.mgrid[-5:6, -5:6]) <= 4.5
    assert float(delta[35:46, 55:66][disc].mean()) < -2.0
    far = after.utci_max[70:, :10] - before.utci_max[70:, :10]
    assert np.allclose(far, 0.0, atol=0.05)


def test_progress_cancel_and_bad_inputs():
    seen = []
    heat_day(_square(hours=(12.0,)), progress=lambda text, share: seen.append((text, share)))
    assert seen[0][0].startswith("Himmelssichtfaktor") and seen[-1][1] == 1.0
    with pytest.raises(Cancelled):
        heat_day(_square(), cancel=lambda: True)
    bad = _square()
    bad.cover = np.full((80, 80), 7, np.int8)
    with pytest.raises(ConfigError, match="Oberflächenart"):
        heat_day(bad)
