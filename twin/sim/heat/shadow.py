"""Shadows of terrain, buildings and tree crowns for one sun position."""

from __future__ import annotations

import math

import numpy as np

from twin.errors import ConfigError
from twin.sim.heat import _rays
from twin.sim.heat.vegetation import Vegetation, no_vegetation


def checked_surface(dsm: np.ndarray, veg: Vegetation | None) -> tuple[np.ndarray, Vegetation, bool, float]:
    """The surface as contiguous float32, the crowns (none: an empty grid), whether there are any, and
    the highest point a ray can meet (rays stop above it)."""
    dsm = np.ascontiguousarray(dsm, dtype=np.float32)
    if dsm.ndim != 2 or not np.all(np.isfinite(dsm)):
        raise ConfigError("Oberflächenmodell: erwartet ein 2D-Raster ohne Lücken (NaN).")
    has_veg = veg is not None and bool(veg.mask.any())
    if veg is None:
        veg = no_vegetation(dsm.shape)
    elif veg.top.shape != dsm.shape:
        raise ConfigError(f"Vegetationsraster hat die Form {veg.top.shape}, erwartet {dsm.shape}.")
    zmax = float(dsm.max())
    if has_veg:
        zmax = max(zmax, float(veg.top[veg.mask].max()))
    return dsm, veg, has_veg, zmax


def sun_fraction(dsm: np.ndarray, dx: float, azimuth_deg: float, elevation_deg: float, *,
                 veg: Vegetation | None = None) -> np.ndarray:
    """Share of direct sun on the surface ``dsm`` (terrain + buildings, row 0 north, cell size ``dx``):
    1 in the sun, 0 in the shadow of terrain or buildings, a crown's transmissivity under trees.
    The sun at ``azimuth_deg`` (clockwise from north) and ``elevation_deg``; below the horizon: all 0."""
    dsm, veg, has_veg, zmax = checked_surface(dsm, veg)
    out = np.zeros(dsm.shape, dtype=np.float32)
    if elevation_deg <= 0.0:
        return out
    _rays.sun_fraction(dsm, veg.top, veg.base, veg.transmissivity, has_veg, float(dx),
                       math.radians(azimuth_deg), math.tan(math.radians(min(elevation_deg, 89.9))), zmax, out)
    return out
