"""UTCI on grids (pythermalcomfort) and the ten UTCI assessment classes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.conftest import DATA
from twin.sim.heat import utci as utci_module
from twin.sim.heat.utci import MIN_WIND, STRESS_CLASSES, STRONG_HEAT, stress_class, utci

REFERENCE = json.loads((DATA / "heat" / "ts_utci.json").read_text(encoding="utf-8"))


def _f_to_c(f):
    return (np.asarray(f, dtype=float) - 32.0) / 1.8


@pytest.mark.parametrize("case", REFERENCE["data"], ids=lambda c: json.dumps(c["inputs"]))
def test_reference_table(case):
    """Every case of the pythermalcomfort validation table (tolerance 0.1; null -> NaN)."""
    tol = REFERENCE["tolerance"]["utci"]
    inp = case["inputs"]
    ta, tr, v, rh = (np.asarray(inp[k], dtype=float) for k in ("tdb", "tr", "v", "rh"))
    ip = inp.get("units", "si").lower() == "ip"
    if ip:
        ta, tr, v = _f_to_c(ta), _f_to_c(tr), v * 0.3048
    got = np.atleast_1d(utci(ta, tr, v, rh)).astype(float)
    if ip:
        got = got * 1.8 + 32.0
    expected = np.atleast_1d(np.array(case["outputs"]["utci"], dtype=float))
    v = np.broadcast_to(np.atleast_1d(v), got.shape)
    for i, (g, e) in enumerate(zip(got, expected)):
        if np.isnan(e) and 0.0 <= v[i] < MIN_WIND:
            # calm air is clipped to 0.5 m/s (documented) instead of giving NaN
            clipped = utci(np.atleast_1d(ta)[i % ta.size], np.atleast_1d(tr)[i % tr.size], MIN_WIND,
                           np.atleast_1d(rh)[i % rh.size])
            assert np.isfinite(g) and g == pytest.approx(float(clipped))
        elif np.isnan(e):
            assert np.isnan(g)
        else:
            assert abs(g - e) <= tol + 1e-9, (g, e)
    if "stress_category" in case["outputs"]:
        labels = np.atleast_1d(case["outputs"]["stress_category"])
        classes = np.atleast_1d(stress_class(np.atleast_1d(utci(ta, tr, v, rh))))
        assert [STRESS_CLASSES[c][3] for c in classes] == list(labels)


def test_output_is_float32_and_broadcasts():
    ta = np.array([[20.0], [30.0]])           # (2, 1)
    tmrt = np.array([25.0, 40.0, 55.0])       # (3,)
    out = utci(ta, tmrt, 2.0, 50.0)
    assert out.shape == (2, 3) and out.dtype == np.float32
    for i in range(2):
        for j in range(3):
            single = utci(float(ta[i, 0]), float(tmrt[j]), 2.0, 50.0)
            assert single.shape == () and single.dtype == np.float32
            assert out[i, j] == single
    assert out[1, 2] > out[1, 0] > out[0, 0]  # warmer air and more radiation: warmer UTCI
    assert utci(np.zeros((0, 4)), 20.0, 1.0, 50.0).shape == (0, 4)


def test_wind_below_half_a_metre_is_clipped_negative_is_invalid():
    at_min = utci(30.0, 50.0, MIN_WIND, 40.0)
    assert np.isfinite(at_min)
    assert utci(30.0, 50.0, 0.0, 40.0) == at_min
    assert utci(30.0, 50.0, 0.3, 40.0) == at_min
    assert np.isnan(utci(30.0, 50.0, -1.0, 40.0))


@pytest.mark.parametrize("ta, tmrt, va, rh", [
    (51.0, 60.0, 2.0, 30.0),     # air too hot
    (-51.0, -51.0, 2.0, 30.0),   # air too cold
    (30.0, 101.0, 2.0, 30.0),    # Tmrt - Ta > 70 K
    (30.0, -1.0, 2.0, 30.0),     # Tmrt - Ta < -30 K
    (30.0, 50.0, 17.5, 30.0),    # wind above 17 m/s
    (30.0, 50.0, 2.0, 101.0),    # humidity above 100 %
    (45.0, 60.0, 2.0, 100.0),    # vapour pressure above 5 kPa
    (np.nan, 50.0, 2.0, 30.0),   # missing value
])
def test_outside_the_validity_range_is_nan(ta, tmrt, va, rh):
    assert np.isnan(utci(ta, tmrt, va, rh))


def test_inside_the_range_edges_is_finite():
    assert np.isfinite(utci(30.0, 100.0, 17.0, 30.0))  # Tmrt - Ta = 70 K, 17 m/s
    assert np.isfinite(utci(30.0, 0.0, 0.5, 0.0))      # Tmrt - Ta = -30 K


def test_grid_in_blocks_equals_one_call(monkeypatch):
    rng = np.random.default_rng(1)
    ta = rng.uniform(15, 35, (37, 23))
    tmrt = ta + rng.uniform(-5, 45, ta.shape)
    whole = utci(ta, tmrt, 1.5, 45.0)
    monkeypatch.setattr(utci_module, "_BLOCK", 50)  # 2 rows per call
    assert np.array_equal(utci(ta, tmrt, 1.5, 45.0), whole, equal_nan=True)


def test_stress_classes_table():
    assert len(STRESS_CLASSES) == 10
    assert STRESS_CLASSES[0][2] == "extremer Kältestress" and STRESS_CLASSES[0][0] == -np.inf
    assert STRESS_CLASSES[9][2] == "extremer Hitzestress" and STRESS_CLASSES[9][1] == np.inf
    assert STRESS_CLASSES[5][2] == "kein thermischer Stress"
    assert STRESS_CLASSES[STRONG_HEAT][2:] == ("starker Hitzestress", "strong heat stress")
    for (lo, hi, *_), (lo2, *_) in zip(STRESS_CLASSES, STRESS_CLASSES[1:]):
        assert lo < hi == lo2
    bounds = [c[1] for c in STRESS_CLASSES[:-1]]
    assert bounds == [-40, -27, -13, 0, 9, 26, 32, 38, 46]


@pytest.mark.parametrize("value, index", [
    (-60.0, 0), (-40.0, 0), (-39.9, 1), (-27.0, 1), (-13.0, 2), (0.0, 3), (0.1, 4), (9.0, 4),
    (9.1, 5), (20.0, 5), (26.0, 5), (26.1, 6), (32.0, 6), (32.1, 7), (38.0, 7), (38.1, 8),
    (46.0, 8), (46.1, 9), (60.0, 9),
])
def test_stress_class_bounds_belong_to_the_lower_class(value, index):
    assert stress_class(value) == index
    assert stress_class(np.float32(value)) == index


def test_stress_class_array_nan_and_dtype():
    out = stress_class(np.array([[np.nan, 33.0], [10.0, -45.0]], dtype=np.float32))
    assert out.dtype == np.int8
    assert out.tolist() == [[-1, STRONG_HEAT], [5, 0]]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_stress_class_agrees_with_pythermalcomfort():
    from pythermalcomfort.models import utci as ptc_utci

    rng = np.random.default_rng(2)
    ta = rng.uniform(-45, 48, 3000)
    tmrt = ta + rng.uniform(-25, 65, ta.size)
    va = rng.uniform(0.5, 15, ta.size)
    ref = ptc_utci(tdb=ta, tr=tmrt, v=va, rh=40.0, round_output=False)
    ours = utci(ta, tmrt, va, 40.0)
    ok = np.isfinite(ref.utci)
    assert np.array_equal(np.isnan(ours), ~ok)
    np.testing.assert_allclose(ours[ok], ref.utci[ok], atol=1e-4)
    classes = stress_class(ours)
    assert len(set(classes[ok].tolist())) >= 8  # most classes are exercised
    for c, label in zip(classes[ok], np.asarray(ref.stress_category)[ok]):
        assert STRESS_CLASSES[c][3] == label


@pytest.mark.parametrize("ta,va10,rh", [(30.0, 1.0, 40.0), (35.0, 0.2, 30.0), (12.0, 6.0, 85.0)])
def test_grid_with_uniform_weather_uses_the_table_and_agrees_with_every_cell(ta, va10, rh):
    """One weather per hour, many Tmrt: the interpolated table agrees with pythermalcomfort per cell within
    1e-4 K, including NaN outside the validity range (Tmrt − Ta below −30 or above +70 K)."""
    rng = np.random.default_rng(7)
    tmrt = (ta + rng.uniform(-35.0, 75.0, (300, 400))).astype(np.float32)
    tmrt[0, :3] = (ta - 30.0, ta + 70.0, np.nan)
    fast = utci(ta, tmrt, va10, rh)
    exact = utci(np.full(tmrt.shape, ta), tmrt, va10, rh)  # array weather: pythermalcomfort on every cell
    assert fast.shape == tmrt.shape and fast.dtype == np.float32
    np.testing.assert_array_equal(np.isnan(fast), np.isnan(exact))
    assert np.isfinite(fast[0, :2]).all() and np.isnan(fast[0, 2])
    ok = np.isfinite(exact)
    assert ok.mean() > 0.8 and np.max(np.abs(fast[ok] - exact[ok])) < 1e-4
