"""Universal Thermal Climate Index (UTCI) on grids, and its ten assessment classes.

:func:`utci` calls :func:`pythermalcomfort.models.utci` (the 6th-order polynomial of the
official UTCI operational procedure, Bröde et al. 2012) with ``limit_inputs=True``. Its
validity range: air temperature −50…+50 °C, Tmrt − Ta −30…+70 K, wind 0.5…17 m/s at 10 m,
relative humidity 0…100 % and water-vapour pressure at most 5 kPa. Outside that range the
result is NaN (pythermalcomfort's warnings about it are silenced). Wind speeds from 0 to
0.5 m/s are raised to 0.5 m/s first, the usual practice for calm urban air (the polynomial
is not defined below 0.5 m/s); negative wind stays invalid (NaN).

On a grid the weather is one value per hour and only Tmrt varies from cell to cell. Then
pythermalcomfort is evaluated once on a table of Tmrt every 0.05 K over the whole valid range
(2001 values) and the cells are interpolated linearly in it: the difference to evaluating every cell
is below 1e-4 K (the polynomial is smooth; see ``tests/test_heat_utci.py``), the cost a fraction.

Class bounds (:data:`STRESS_CLASSES`) are those of the UTCI assessment scale; a value exactly
on a bound belongs to the *lower* class, i.e. classes are ``lower < UTCI <= upper`` (32.0 °C is
"mäßiger Hitzestress", 32.1 °C "starker Hitzestress"), the convention of pythermalcomfort 4.8
(its ``stress_category``), so both always agree.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike
from pythermalcomfort.models import utci as _ptc_utci

#: lowest wind speed at 10 m the UTCI polynomial accepts [m/s]
MIN_WIND = 0.5
_BLOCK = 1 << 20  # cells per pythermalcomfort call (bounds its float64 temporaries)
#: Tmrt − Ta range of the polynomial [K] and the table step [K] for uniform weather
_DT_RANGE = (-30.0, 70.0)
TABLE_STEP_K = 0.05
_TABLE_MIN_CELLS = 4096  # below this many cells the table does not pay

#: (lower bound °C, upper bound °C, German label, English label); index 0 = extreme cold stress
STRESS_CLASSES: list[tuple[float, float, str, str]] = [
    (-np.inf, -40.0, "extremer Kältestress", "extreme cold stress"),
    (-40.0, -27.0, "sehr starker Kältestress", "very strong cold stress"),
    (-27.0, -13.0, "starker Kältestress", "strong cold stress"),
    (-13.0, 0.0, "mäßiger Kältestress", "moderate cold stress"),
    (0.0, 9.0, "schwacher Kältestress", "slight cold stress"),
    (9.0, 26.0, "kein thermischer Stress", "no thermal stress"),
    (26.0, 32.0, "mäßiger Hitzestress", "moderate heat stress"),
    (32.0, 38.0, "starker Hitzestress", "strong heat stress"),
    (38.0, 46.0, "sehr starker Hitzestress", "very strong heat stress"),
    (46.0, np.inf, "extremer Hitzestress", "extreme heat stress"),
]
#: index of "starker Hitzestress" (UTCI above 32 °C) in :data:`STRESS_CLASSES`
STRONG_HEAT = 7
_UPPER = np.array([c[1] for c in STRESS_CLASSES[:-1]])


def utci(ta: ArrayLike, tmrt: ArrayLike, va10: ArrayLike, rh: ArrayLike) -> np.ndarray:
    """UTCI [°C] as float32, inputs broadcast against each other.

    ``ta`` air temperature [°C], ``tmrt`` mean radiant temperature [°C], ``va10`` wind speed at
    10 m [m/s], ``rh`` relative humidity [%]. Wind below 0.5 m/s counts as 0.5 m/s; inputs
    outside the validity range (module docstring) and NaN inputs give NaN.
    """
    weather = [np.asarray(a, dtype=np.float64) for a in (ta, va10, rh)]
    tm = np.asarray(tmrt)
    if all(w.ndim == 0 for w in weather) and tm.size >= _TABLE_MIN_CELLS:
        return _by_table(float(weather[0]), tm, float(weather[1]), float(weather[2]))
    arrays = np.broadcast_arrays(*(np.asarray(a, dtype=np.float64) for a in (ta, tmrt, va10, rh)))
    shape = arrays[0].shape
    out = np.empty(shape, dtype=np.float32)
    if out.size == 0:
        return out
    if not shape:
        out[...] = _block(*arrays)
        return out
    rows = max(1, _BLOCK // max(1, out[0].size))
    for start in range(0, shape[0], rows):
        sl = slice(start, start + rows)
        out[sl] = _block(*(a[sl] for a in arrays))
    return out


def _by_table(ta: float, tmrt: np.ndarray, va10: float, rh: float) -> np.ndarray:
    """UTCI for one weather and many Tmrt: pythermalcomfort on a Tmrt table, linear interpolation."""
    lo, hi = ta + _DT_RANGE[0], ta + _DT_RANGE[1]
    n = int(round((hi - lo) / TABLE_STEP_K)) + 1
    grid = np.linspace(lo, hi, n)
    table = _block(np.full(n, ta), grid, np.full(n, va10), np.full(n, rh))
    values = np.asarray(tmrt, dtype=np.float32)
    pos = (values - np.float32(lo)) * np.float32(1.0 / TABLE_STEP_K)  # NaN stays NaN
    inside = (pos >= 0.0) & (pos <= n - 1)
    pos = np.where(inside, pos, 0.0)
    k = np.minimum(pos.astype(np.int32), n - 2)
    frac = pos - k
    t = table.astype(np.float32)
    out = t[k] + frac * (t[k + 1] - t[k])
    out[~inside] = np.nan
    return out.astype(np.float32, copy=False)


def _block(ta: np.ndarray, tmrt: np.ndarray, va10: np.ndarray, rh: np.ndarray) -> np.ndarray:
    va10 = np.where((va10 >= 0.0) & (va10 < MIN_WIND), MIN_WIND, va10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # out-of-range warnings; NaN is the documented answer
        res = _ptc_utci(tdb=ta, tr=tmrt, v=va10, rh=rh, limit_inputs=True, round_output=False)
    return np.asarray(res.utci, dtype=np.float64)


def stress_class(utci: ArrayLike) -> np.ndarray:
    """Index into :data:`STRESS_CLASSES` (int8, 0 = extreme cold … 9 = extreme heat, −1 for NaN).

    Bounds belong to the lower class (``lower < UTCI <= upper``).
    """
    values = np.asarray(utci, dtype=np.float64)
    index = np.searchsorted(_UPPER, values, side="left")
    return np.where(np.isnan(values), -1, index).astype(np.int8)
