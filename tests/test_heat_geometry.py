"""Shadows, sky view factor and tree crowns of the heat model against geometry with known answers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from rasterio.transform import from_origin

from twin.errors import ConfigError
from twin.sim.heat.shadow import sun_fraction
from twin.sim.heat.svf import sky_view_factor
from twin.sim.heat.vegetation import NO_CROWN, Tree, rasterize_trees, transmissivity


def _canyon(h_over_w: float, width: int = 40, length: int = 600) -> tuple[np.ndarray, slice]:
    """An infinitely long street canyon (walls 10 cells thick) at 1 m; returns the DSM and the floor columns."""
    dsm = np.zeros((length, width + 20), np.float32)
    dsm[:, :10] = dsm[:, 10 + width:] = h_over_w * width
    return dsm, slice(10, 10 + width)


def test_open_plane_sees_the_whole_sky():
    svf = sky_view_factor(np.full((40, 50), 312.5, np.float32), 1.0)
    assert np.all(svf.total == 1.0) and np.all(svf.buildings == 1.0)


@pytest.mark.parametrize("h_over_w", [0.5, 1.0, 2.0])
def test_street_canyon_matches_the_analytic_sky_view_factor(h_over_w):
    dsm, floor = _canyon(h_over_w)
    row = sky_view_factor(dsm, 1.0).buildings[300, floor]
    centre = row[row.size // 2 - 1: row.size // 2 + 1].mean()
    assert centre == pytest.approx(1.0 / math.sqrt(1.0 + (2.0 * h_over_w) ** 2), abs=0.03)
    assert row.mean() == pytest.approx(math.sqrt(1.0 + h_over_w**2) - h_over_w, abs=0.03)


@pytest.mark.parametrize("elevation", [15.0, 30.0, 45.0, 70.0])
@pytest.mark.parametrize("azimuth, axis", [(270.0, "x"), (90.0, "-x"), (180.0, "y"), (0.0, "-y")])
def test_shadow_of_a_wall_is_h_over_tan_e_long(elevation, azimuth, axis):
    h = 12.0
    dsm = np.zeros((120, 120), np.float32)
    if axis in ("x", "-x"):
        dsm[:, 60] = h
        line = sun_fraction(dsm, 1.0, azimuth, elevation)[60]
        shade = line[61:] if axis == "x" else line[:60][::-1]
    else:  # sun in the south: shadow to the north (lower row numbers)
        dsm[60, :] = h
        col = sun_fraction(dsm, 1.0, azimuth, elevation)[:, 60]
        shade = col[:60][::-1] if axis == "y" else col[61:]
    length = int(np.argmax(shade > 0)) if np.any(shade > 0) else shade.size
    assert abs(length - h / math.tan(math.radians(elevation))) <= 1.0
    assert np.all(shade[:length] == 0) and np.all(shade[length:] == 1)


def test_sun_below_horizon_is_all_shade_and_cell_size_scales_shadows():
    dsm = np.zeros((50, 50), np.float32)
    dsm[:, 10] = 6.0
    assert not sun_fraction(dsm, 1.0, 270.0, -2.0).any()
    # same wall at 2 m cells: the shadow is half as many cells long
    n1 = int((sun_fraction(dsm, 1.0, 270.0, 30.0)[25, 11:] == 0).sum())
    n2 = int((sun_fraction(dsm, 2.0, 270.0, 30.0)[25, 11:] == 0).sum())
    assert abs(n1 - 6 / math.tan(math.radians(30))) <= 1 and abs(n2 - 3 / math.tan(math.radians(30))) <= 1


def _one_tree(month: int = 7, genus: str = "Tilia cordata"):
    ground = np.full((60, 60), 300.0, np.float32)
    t = from_origin(1000.0, 2060.0, 1.0, 1.0)  # cell (i, j) centre at x = 1000.5 + j, y = 2059.5 - i
    tree = Tree(x=1030.0, y=2030.0, height=15.0, crown=10.0, trunk=4.0, genus=genus)
    return ground, rasterize_trees([tree], ground, t, month=month)


def test_tree_crown_is_an_ellipsoid_on_the_ground():
    ground, veg = _one_tree()
    assert veg.mask.sum() == pytest.approx(math.pi * 25, rel=0.1)  # crown disc of 5 m radius
    assert float(veg.top.max()) == pytest.approx(315.0, abs=0.1)
    assert float(veg.base[veg.mask].min()) == pytest.approx(304.0, abs=0.1)
    assert np.all(veg.top[~veg.mask] == NO_CROWN)
    assert np.all(veg.transmissivity[veg.mask] == pytest.approx(0.03))


def test_tree_shades_the_ground_with_its_transmissivity_and_lowers_the_sky_view():
    ground, veg = _one_tree()
    sun = sun_fraction(ground, 1.0, 180.0, 60.0, veg=veg)
    # the crown (centre row 30, top 15 m, base 4 m) throws its shadow north of the tree
    assert sun[30, 30] == pytest.approx(0.03)
    assert sun[24, 30] == pytest.approx(0.03)  # 6 m north: the ray at 10.4 m passes through the crown
    assert sun[30, 10] == 1.0 and sun[55, 30] == 1.0
    svf = sky_view_factor(ground, 1.0, veg=veg)
    assert svf.total[30, 30] < 0.3 < svf.total[30, 50]
    assert np.all(svf.buildings == 1.0)
    # a low sun shines in under the crown (trunk 4 m): at 20° the ray leaves the 5 m crown disc at 1.8 m
    low = sun_fraction(ground, 1.0, 180.0, 20.0, veg=veg)
    assert low[30, 30] == 1.0 and low[34, 30] == 1.0
    assert low[20, 30] == pytest.approx(0.03)  # 10 m north of the trunk the ray meets the crown at 3.6–5.5 m
    # without leaves the same crown lets half the sun through
    _, winter = _one_tree(month=1)
    assert sun_fraction(ground, 1.0, 180.0, 60.0, veg=winter)[30, 30] == pytest.approx(0.5)
    _, pine = _one_tree(month=1, genus="Pinus sylvestris")
    assert sun_fraction(ground, 1.0, 180.0, 60.0, veg=pine)[30, 30] == pytest.approx(0.03)


def test_tree_errors_name_the_tree_and_the_problem():
    with pytest.raises(ConfigError, match="Baum 2 .*Höhe 0"):
        rasterize_trees([Tree(5, 5, 10, 4), Tree(7, 7, 0, 4)], np.zeros((10, 10)), from_origin(0, 10, 1, 1))
    with pytest.raises(ConfigError, match="Monat 13"):
        transmissivity("Acer", 13)
    with pytest.raises(ConfigError, match="Lücken"):
        sun_fraction(np.full((4, 4), np.nan), 1.0, 180, 40)


def test_a_crown_overhead_does_not_hide_the_buildings_from_the_horizon_search():
    """Under a crown the crown's horizon is steep at once; the search for the buildings must go on."""
    ground = np.full((60, 60), 300.0, np.float32)
    dsm = ground.copy()
    dsm[:, 40:] += 20.0  # a 20 m block from 10 m east of the tree on
    _, veg = _one_tree()
    bare = sky_view_factor(dsm, 1.0).buildings
    with_tree = sky_view_factor(dsm, 1.0, veg=veg)
    assert np.allclose(with_tree.buildings, bare)
    assert with_tree.total[30, 30] < with_tree.buildings[30, 30] < 0.9
