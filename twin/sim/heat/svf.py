"""Sky view factor (SVF) of the ground and roofs, with and without tree crowns."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from twin.errors import ConfigError
from twin.sim.heat import _rays
from twin.sim.heat.shadow import checked_surface
from twin.sim.heat.vegetation import Vegetation

MAX_DISTANCE_M = 200.0


@dataclass
class SkyView:
    """``total``: sky seen past terrain, buildings and crowns (these let their transmissivity through);
    ``buildings``: terrain and buildings only."""

    total: np.ndarray
    buildings: np.ndarray


def sky_view_factor(dsm: np.ndarray, dx: float, *, veg: Vegetation | None = None, n_azimuths: int = 32,
                    max_distance_m: float = MAX_DISTANCE_M) -> SkyView:
    """SVF of a horizontal surface per cell from the horizon elevation γ in ``n_azimuths`` directions
    (mean of cos² γ; exact for an isotropic sky). The horizon is searched up to ``max_distance_m``,
    every cell for the first 20 cells, then in steps of 5 % of the distance."""
    if n_azimuths < 4:
        raise ConfigError(f"Himmelssichtfaktor: mindestens 4 Richtungen, nicht {n_azimuths}.")
    dsm, veg, has_veg, zmax = checked_surface(dsm, veg)
    svf_b = np.empty(dsm.shape, dtype=np.float32)
    svf_all = np.empty(dsm.shape, dtype=np.float32)
    _rays.sky_view(dsm, veg.top, veg.transmissivity, has_veg, float(dx), int(n_azimuths), float(max_distance_m),
                   zmax, svf_b, svf_all)
    return SkyView(total=svf_all, buildings=svf_b)
