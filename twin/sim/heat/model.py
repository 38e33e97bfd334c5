"""A hot day on a grid: sky view factor once, then per daytime hour shadows, Tmrt and UTCI, and the
daily maxima. Arrays only (no project, no files): :mod:`twin.sim.heat.run` feeds it from a project."""

from __future__ import annotations

import datetime as _dt
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from twin.errors import Cancelled, ConfigError
from twin.sim.heat.shadow import sun_fraction
from twin.sim.heat.sun import SunHour, sun_hours
from twin.sim.heat.svf import SkyView, sky_view_factor
from twin.sim.heat.tmrt import COVERS, F_SUNLIT_WALLS, ground_warming, mean_radiant_temperature
from twin.sim.heat.utci import stress_class, utci
from twin.sim.heat.vegetation import Vegetation
from twin.sim.heat.weather import HotDay

COVER_ORDER = ("versiegelt", "gruen", "wasser")  # values of HeatInputs.cover
DAY_HOURS = tuple(float(h) for h in range(6, 21))
Progress = Callable[[str, float], None]
"""Called with (German stage text, share done 0–1)."""


@dataclass
class HeatInputs:
    """``dsm``: terrain and buildings (m, row 0 north, cell size ``dx``); ``buildings``: roof cells (no
    results there); ``cover``: index into :data:`COVER_ORDER` per cell; ``veg``: tree crowns."""

    dsm: np.ndarray
    dx: float
    buildings: np.ndarray
    cover: np.ndarray
    lat: float
    lon: float
    day: _dt.date
    weather: HotDay
    veg: Vegetation | None = None
    hours: Sequence[float] = DAY_HOURS
    tz: str = "Europe/Berlin"


@dataclass
class HeatResult:
    """Per hour (first axis ↔ ``hours``): share of sun, Tmrt and UTCI (°C); daily maxima and the UTCI
    stress class of the maximum (−1 on roofs); ``timings`` in s per stage."""

    hours: list[float]
    suns: list[SunHour]
    svf: SkyView
    sun: np.ndarray
    tmrt: np.ndarray
    utci: np.ndarray
    tmrt_max: np.ndarray
    utci_max: np.ndarray
    stress_max: np.ndarray
    timings: dict[str, float] = field(default_factory=dict)


def _sun_times(inputs: HeatInputs) -> tuple[float, float, float]:
    """Local clock hours of sunrise and of the highest sun, and that highest elevation (5-min steps)."""
    hours = np.arange(0.0, 24.0, 1.0 / 12.0)
    elev = np.array([s.elevation_deg for s in sun_hours(inputs.lat, inputs.lon, inputs.day, hours, tz=inputs.tz)])
    up = np.flatnonzero(elev > 0.0)
    if up.size == 0:
        raise ConfigError(f"Am {inputs.day:%d.%m.%Y} geht die Sonne in {inputs.lat:.2f}° Breite nicht auf.")
    k = int(np.argmax(elev))
    return float(hours[up[0]]), float(hours[k]), float(elev[k])


def heat_day(inputs: HeatInputs, progress: Progress | None = None,
             cancel: Callable[[], bool] | None = None) -> HeatResult:
    """Run the day. Raises :class:`twin.errors.Cancelled` when ``cancel()`` turns true between stages."""
    ny, nx = inputs.dsm.shape
    for name, arr in (("Gebäudemaske", inputs.buildings), ("Oberflächenart", inputs.cover)):
        if np.shape(arr) != (ny, nx):
            raise ConfigError(f"{name}: Raster hat die Form {np.shape(arr)}, erwartet {(ny, nx)}.")
    if np.any((inputs.cover < 0) | (inputs.cover >= len(COVER_ORDER))):
        raise ConfigError(f"Oberflächenart: nur {len(COVER_ORDER)} Klassen ({', '.join(COVER_ORDER)}).")
    hours = [float(h) for h in inputs.hours]
    n = len(hours)
    timings = {"svf": 0.0, "schatten": 0.0, "tmrt": 0.0, "utci": 0.0}

    def report(text: str, share: float) -> None:
        if cancel is not None and cancel():
            raise Cancelled("Hitzeberechnung abgebrochen.")
        if progress is not None:
            progress(text, share)

    report("Himmelssichtfaktor …", 0.0)
    t0 = time.perf_counter()
    svf = sky_view_factor(inputs.dsm, inputs.dx, veg=inputs.veg)
    timings["svf"] = time.perf_counter() - t0
    suns = sun_hours(inputs.lat, inputs.lon, inputs.day, hours, tz=inputs.tz)
    sunrise, noon, max_elev = _sun_times(inputs)
    peak = noon + 3.0  # SOLWEIG: the ground is warmest at 15 h solar time
    covers = [COVERS[c] for c in COVER_ORDER]
    albedo = np.array([c.albedo for c in covers], np.float32)[inputs.cover]
    emissivity = np.array([c.emissivity for c in covers], np.float32)[inputs.cover]
    tg_k = np.array([c.tg_k for c in covers], np.float32)[inputs.cover]
    tg_start = np.array([c.tg_start for c in covers], np.float32)[inputs.cover]
    sealed = COVERS["versiegelt"]
    roof = np.asarray(inputs.buildings, bool)
    sun_all = np.zeros((n, ny, nx), np.float32)
    tmrt_all = np.zeros((n, ny, nx), np.float32)
    utci_all = np.zeros((n, ny, nx), np.float32)
    for k, (h, s) in enumerate(zip(hours, suns)):
        report(f"Stunde {h:g} Uhr …", (k + 0.1) / (n + 0.1))
        t0 = time.perf_counter()
        sun = sun_fraction(inputs.dsm, inputs.dx, s.azimuth_deg, s.elevation_deg, veg=inputs.veg)
        t1 = time.perf_counter()
        ta, rh, va10 = inputs.weather.at(h)
        dt = ground_warming(h, sunrise, max_elev, tg_k, tg_start, peak=peak)
        wall_dt = F_SUNLIT_WALLS * float(ground_warming(h, sunrise, max_elev, sealed.tg_k, sealed.tg_start,
                                                        peak=peak))
        tm = mean_radiant_temperature(sun, svf, ta=ta, rh=rh, dni=s.dni, dhi=s.dhi, ghi=s.ghi,
                                      elevation_deg=s.elevation_deg, azimuth_deg=s.azimuth_deg, ground_dt=dt,
                                      wall_dt=wall_dt, albedo=albedo, emissivity=emissivity)
        t2 = time.perf_counter()
        u = utci(ta, tm, va10, rh)
        t3 = time.perf_counter()
        timings["schatten"] += t1 - t0
        timings["tmrt"] += t2 - t1
        timings["utci"] += t3 - t2
        tm[roof] = np.nan
        u[roof] = np.nan
        sun_all[k], tmrt_all[k], utci_all[k] = sun, tm, u
    report("Tagesmaxima …", 1.0)
    with warnings.catch_warnings():  # roofs are NaN all day
        warnings.simplefilter("ignore", RuntimeWarning)
        tmrt_max = np.nanmax(tmrt_all, axis=0) if n else np.full((ny, nx), np.nan, np.float32)
        utci_max = np.nanmax(utci_all, axis=0) if n else np.full((ny, nx), np.nan, np.float32)
    return HeatResult(hours=hours, suns=suns, svf=svf, sun=sun_all, tmrt=tmrt_all, utci=utci_all, tmrt_max=tmrt_max,
                      utci_max=utci_max, stress_max=stress_class(utci_max), timings=timings)
