"""Sun position and clear-sky irradiance for the heat-stress simulation (pvlib).

Positions come from :func:`pvlib.solarposition.get_solarposition` (NREL SPA, via
:class:`pvlib.location.Location`, air pressure from the site altitude). The stored
elevation is the *true geometric* elevation (pvlib column ``elevation``, no refraction), the
angle used for shadow casting; the clear-sky model itself is fed pvlib's apparent zenith, as
pvlib recommends for Ineichen. Irradiance is the Ineichen/Perez clear-sky model with a Linke
turbidity ``TL``: by default pvlib's monthly climatology (Remund et al. 2003, the
``LinkeTurbidities.h5`` file shipped with pvlib, works offline); if that file cannot be read,
:data:`DEFAULT_LINKE_TURBIDITY` is used.
"""

from __future__ import annotations

import datetime as _dt
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd
from pvlib import clearsky
from pvlib.location import Location
from pyproj import Transformer

from twin.crs import horizontal, resolve_crs
from twin.errors import ConfigError, CRSError

#: Linke turbidity used when pvlib's climatology cannot be read: a typical summer value for
#: rural/suburban Central Europe (pvlib's climatology gives 4.4 near Erlangen on 21 June).
DEFAULT_LINKE_TURBIDITY = 4.0


@dataclass(frozen=True)
class SunHour:
    """Sun and clear-sky irradiance at one local time.

    ``elevation_deg`` is the geometric elevation (no refraction), ``azimuth_deg`` is clockwise
    from north (90 = east, 180 = south); ``ghi``/``dni``/``dhi`` are global horizontal, direct
    normal and diffuse horizontal clear-sky irradiance in W/m² (0 when the sun is down).
    """

    time: _dt.datetime
    elevation_deg: float
    azimuth_deg: float
    ghi: float
    dni: float
    dhi: float

    @property
    def up(self) -> bool:
        """True when the sun is above the (geometric) horizon."""
        return self.elevation_deg > 0.0


def sun_hours(
    lat: float,
    lon: float,
    day: _dt.date,
    hours: Sequence[float] = range(6, 21),
    tz: str = "Europe/Berlin",
    altitude_m: float = 300.0,
    linke_turbidity: float | None = None,
) -> list[SunHour]:
    """Sun position and clear-sky irradiance for local clock hours of one day.

    ``hours`` are local wall-clock hours in ``tz`` (14 = 14:00 CEST in summer; fractions allowed,
    0..24). ``linke_turbidity=None`` takes pvlib's monthly climatology for the site (fallback
    :data:`DEFAULT_LINKE_TURBIDITY`). Hours with geometric elevation <= 0 get zero irradiance.
    """
    if not (-90.0 <= lat <= 90.0) or not (-180.0 <= lon <= 180.0):
        raise ConfigError(f"Ungültige Lage: Breite {lat}, Länge {lon} (Breite −90…90, Länge −180…180).")
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"Unbekannte Zeitzone '{tz}'.") from None
    if linke_turbidity is not None and not (1.0 <= linke_turbidity <= 10.0):
        raise ConfigError(f"Linke-Trübung {linke_turbidity} liegt nicht zwischen 1 und 10.")
    hours = [float(h) for h in hours]
    if not hours:
        return []
    bad = [h for h in hours if not (0.0 <= h <= 24.0)]
    if bad:
        raise ConfigError(f"Stunde {bad[0]:g} liegt nicht zwischen 0 und 24.")

    midnight = _dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    local = [midnight + _dt.timedelta(hours=h) for h in hours]  # wall-clock arithmetic
    utc = [t.astimezone(_dt.timezone.utc) for t in local]
    local = [t.astimezone(zone) for t in utc]  # a time in the spring DST gap moves an hour on
    times = pd.DatetimeIndex(utc)

    site = Location(lat, lon, tz="UTC", altitude=altitude_m)
    with warnings.catch_warnings():  # pvlib 0.16 uses DatetimeIndex.dayofyear, deprecated in pandas
        warnings.filterwarnings("ignore", message=".*dayofyear is deprecated")
        pos = site.get_solarposition(times)
        tl = linke_turbidity if linke_turbidity is not None else _climatology(times, lat, lon)
        cs = site.get_clearsky(times, model="ineichen", solar_position=pos, linke_turbidity=tl)
    elevation = pos["elevation"].to_numpy()
    up = elevation > 0.0
    ghi, dni, dhi = (np.where(up, np.nan_to_num(cs[k].to_numpy(dtype=float)), 0.0)
                     for k in ("ghi", "dni", "dhi"))
    return [
        SunHour(t, float(e), float(a), float(g), float(n), float(d))
        for t, e, a, g, n, d in zip(local, elevation, pos["azimuth"].to_numpy(), ghi, dni, dhi)
    ]


def _climatology(times: pd.DatetimeIndex, lat: float, lon: float) -> np.ndarray | float:
    try:
        return clearsky.lookup_linke_turbidity(times, lat, lon).to_numpy()
    except (OSError, ImportError, KeyError, ValueError):
        return DEFAULT_LINKE_TURBIDITY


@lru_cache(maxsize=16)
def _to_lonlat(crs: str) -> Transformer:
    return Transformer.from_crs(horizontal(resolve_crs(crs)), "EPSG:4326", always_xy=True)


def project_lonlat(x: float, y: float, crs: str) -> tuple[float, float]:
    """Longitude and latitude (WGS 84, degrees) of a project coordinate, e.g. in ``EPSG:25832``.

    ``crs`` may be any name :func:`twin.crs.resolve_crs` understands; an unknown one raises
    :class:`~twin.errors.CRSError`.
    """
    lon, lat = _to_lonlat(str(crs)).transform(float(x), float(y))
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise CRSError(f"Der Punkt ({x}, {y}) lässt sich aus '{crs}' nicht in Länge/Breite umrechnen.")
    return float(lon), float(lat)
