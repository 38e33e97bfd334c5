"""Mean radiant temperature: the isothermal enclosure and SOLWEIG's sunlit/shaded contrast at noon."""

from __future__ import annotations

import numpy as np
import pytest

from twin.sim.heat.shadow import sun_fraction
from twin.sim.heat.svf import SkyView, sky_view_factor
from twin.sim.heat.tmrt import COVERS, SIGMA, ground_warming, mean_radiant_temperature, sky_emissivity

SEALED = COVERS["versiegelt"]


@pytest.mark.parametrize("t", [-10.0, 20.0, 35.0])
@pytest.mark.parametrize("psi, psi_b", [(0.0, 0.0), (0.3, 0.6), (1.0, 1.0)])
@pytest.mark.parametrize("emissivity", [0.9, 1.0])
def test_isothermal_enclosure_gives_tmrt_equal_to_its_temperature(t, psi, psi_b, emissivity):
    sv = SkyView(total=np.full((4, 4), psi, np.float32), buildings=np.full((4, 4), psi_b, np.float32))
    tm = mean_radiant_temperature(np.zeros((4, 4)), sv, ta=t, rh=50.0, dni=0.0, dhi=0.0, ghi=0.0,
                                  elevation_deg=-10.0, azimuth_deg=0.0, ground_dt=0.0, wall_dt=0.0, albedo=0.2,
                                  emissivity=emissivity, l_sky=SIGMA * (t + 273.15) ** 4)
    assert np.allclose(tm, t, atol=1e-3)


def test_sunlit_and_shaded_differ_by_20_to_30_k_at_summer_noon():
    """A 15 m high block in the open; 49.6° N on 21 June at solar noon (elevation 63.8°), clear sky,
    30 °C. SOLWEIG's evaluations report 20–30 K between sunlit and shaded points at such noons."""
    dsm = np.zeros((120, 120), np.float32)
    dsm[60:80, 20:100] = 15.0
    svf = sky_view_factor(dsm, 1.0)
    sun = sun_fraction(dsm, 1.0, 180.0, 63.8)
    dt = ground_warming(12.0, 4.2, 63.8, SEALED.tg_k, SEALED.tg_start)
    tm = mean_radiant_temperature(sun, svf, ta=30.0, rh=40.0, dni=850.0, dhi=110.0, ghi=870.0, elevation_deg=63.8,
                                  azimuth_deg=180.0, ground_dt=dt, wall_dt=0.5 * dt, albedo=SEALED.albedo,
                                  emissivity=SEALED.emissivity)
    open_sun, shade = float(tm[20, 60]), float(tm[57, 60])  # the shadow reaches 7 m north of the block
    assert sun[20, 60] == 1.0 and sun[57, 60] == 0.0
    assert 50.0 < open_sun < 70.0
    assert 20.0 <= open_sun - shade <= 30.0
    assert shade > 30.0  # warmer than the air: walls and ground radiate


def test_sky_emissivity_and_ground_warming_are_in_their_published_ranges():
    assert 0.75 < sky_emissivity(30.0, 40.0) < 0.9  # Brutsaert, warm summer air
    assert ground_warming(4.0, 5.0, 60.0, SEALED.tg_k, SEALED.tg_start) == 0.0
    peak = ground_warming(15.0, 5.0, 60.0, SEALED.tg_k, SEALED.tg_start)
    assert peak == pytest.approx(0.37 * 60.0 - 3.41)
    assert ground_warming(10.0, 5.0, 60.0, SEALED.tg_k, SEALED.tg_start) < peak
    assert ground_warming(19.0, 5.0, 60.0, SEALED.tg_k, SEALED.tg_start) < peak
    grass = COVERS["gruen"]
    assert ground_warming(15.0, 5.0, 60.0, grass.tg_k, grass.tg_start) < peak
