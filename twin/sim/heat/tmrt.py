"""Mean radiant temperature (Tmrt) of a standing person, after SOLWEIG (Lindberg et al. 2008).

Short-wave (K) and long-wave (L) fluxes from six directions – down, up and four horizontal ones – are
weighted with the angular factors of a standing person (0.06 up/down, 0.22 each side) and absorbed with
a_k = 0.7, a_p = 0.97:  Tmrt = ((a_k Σ W K + a_p Σ W L) / (a_p σ))^¼ − 273.15.

Simplifications against SOLWEIG, each stated where it is used:
- the upper hemisphere of a point is sky (``svf.total``), crowns (``svf.buildings − svf.total``, at air
  temperature) and walls (``1 − svf.buildings``); half of the walls are taken as sunlit (F_sh = 0.5);
- reflected short-wave from the ground is ``albedo · K↓`` of the same cell;
- a horizontal direction sees the direct beam by its cosine to the sun's azimuth and otherwise half the
  upper hemisphere and half the ground;
- surface temperatures: shaded ground at air temperature, sunlit ground warmer by SOLWEIG's empirical
  wave (``ground_warming``), walls by half of that for sealed surfaces. Surfaces reflect (1 − ε) of the
  long-wave they receive, so an isothermal enclosure gives Tmrt = T exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from twin.sim.heat.svf import SkyView

SIGMA = 5.670374419e-8
A_K, A_P = 0.7, 0.97
W_VERTICAL, W_SIDE = 0.06, 0.22
F_SUNLIT_WALLS = 0.5
WALL_ALBEDO, WALL_EMISSIVITY = 0.20, 0.90
T_PEAK_H = 15.0  # local solar time of the ground temperature maximum (SOLWEIG)


@dataclass(frozen=True)
class Cover:
    """Ground surface class: albedo, emissivity and the SOLWEIG ground-warming parameters
    (amplitude = tg_k · highest sun elevation of the day in ° + tg_start, K)."""

    label: str
    albedo: float
    emissivity: float
    tg_k: float
    tg_start: float


COVERS = {
    "versiegelt": Cover("versiegelt (Asphalt, Pflaster)", 0.15, 0.95, 0.37, -3.41),
    "gruen": Cover("Grünfläche", 0.20, 0.98, 0.21, -3.38),
    "wasser": Cover("Wasser", 0.08, 0.98, 0.0, 0.0),
}


def sky_emissivity(ta_c: float, rh: float) -> float:
    """Clear-sky emissivity after Brutsaert (1975) from air temperature (°C) and relative humidity (%)."""
    t = ta_c + 273.15
    es = 6.1078 * math.exp(17.27 * ta_c / (ta_c + 237.3))  # hPa (Tetens)
    return 1.24 * (rh / 100.0 * es / t) ** (1.0 / 7.0)


def ground_warming(hour: float, sunrise: float, max_elevation_deg: float, tg_k: np.ndarray | float,
                   tg_start: np.ndarray | float, peak: float = T_PEAK_H) -> np.ndarray | float:
    """Excess of sunlit ground over air temperature (K) in clear weather after SOLWEIG: a sine wave from
    sunrise (0) to its amplitude at ``peak`` (15 h solar time), falling again afterwards; 0 before
    sunrise. ``hour``, ``sunrise`` and ``peak`` in one time base (solar or local clock hours)."""
    if hour <= sunrise:
        return np.zeros_like(np.asarray(tg_k, dtype=np.float32)) if np.ndim(tg_k) else 0.0
    amp = np.maximum(np.asarray(tg_k) * max_elevation_deg + np.asarray(tg_start), 0.0)
    phase = (hour - sunrise) / (peak - sunrise) * (math.pi / 2.0)
    return np.maximum(amp * math.sin(min(phase, math.pi)), 0.0)


def mean_radiant_temperature(sun: np.ndarray, svf: SkyView, *, ta: float, rh: float, dni: float, dhi: float,
                             ghi: float, elevation_deg: float, azimuth_deg: float, ground_dt: np.ndarray | float,
                             wall_dt: float, albedo: np.ndarray | float, emissivity: np.ndarray | float,
                             l_sky: float | None = None) -> np.ndarray:
    """Tmrt (°C, float32) per cell for one hour.

    ``sun``: share of direct sun (0–1, from :func:`twin.sim.heat.shadow.sun_fraction`); ``ta`` °C, ``rh`` %,
    irradiance in W/m²; ``ground_dt``: warming of sunlit ground (K, scaled here by ``sun``); ``wall_dt``:
    mean warming of walls (K); ``l_sky``: incoming long-wave from the open sky (default Brutsaert)."""
    tk = ta + 273.15
    psi = svf.total.astype(np.float32)
    psi_b = svf.buildings.astype(np.float32)
    s = sun.astype(np.float32)
    sin_e = math.sin(math.radians(max(elevation_deg, 0.0)))
    cos_e = math.cos(math.radians(max(elevation_deg, 0.0)))
    # short-wave: from above (direct, sky, walls), reflected from the ground, sideways
    walls = 1.0 - psi_b
    from_walls = WALL_ALBEDO * (ghi * (1.0 - F_SUNLIT_WALLS) + dhi * F_SUNLIT_WALLS)
    diffuse_up = dhi * psi + walls * from_walls
    k_down = dni * s * sin_e + diffuse_up
    k_up = np.asarray(albedo, dtype=np.float32) * k_down
    k_side_diffuse = 0.5 * diffuse_up + 0.5 * k_up
    k_sides = 4.0 * k_side_diffuse
    az = math.radians(azimuth_deg)
    beam = dni * cos_e * sum(max(math.cos(az - math.radians(f)), 0.0) for f in (0.0, 90.0, 180.0, 270.0))
    k_sides = k_sides + beam * s
    # long-wave
    if l_sky is None:
        l_sky = sky_emissivity(ta, rh) * SIGMA * tk**4
    l_air = SIGMA * tk**4
    l_wall = WALL_EMISSIVITY * SIGMA * (tk + wall_dt) ** 4 + (1.0 - WALL_EMISSIVITY) * l_sky
    l_down = psi * l_sky + (psi_b - psi) * l_air + walls * l_wall
    eps = np.asarray(emissivity, dtype=np.float32)
    tg = tk + s * np.asarray(ground_dt, dtype=np.float32)
    l_up = eps * SIGMA * tg**4 + (1.0 - eps) * l_down
    l_sides = 4.0 * (0.5 * l_down + 0.5 * l_up)
    absorbed = (A_K * (W_VERTICAL * (k_down + k_up) + W_SIDE * k_sides)
                + A_P * (W_VERTICAL * (l_down + l_up) + W_SIDE * l_sides))
    return (np.power(absorbed / (A_P * SIGMA), 0.25) - 273.15).astype(np.float32)
