"""Building blocks of the flood kernels that the solver tests only see through their effect: the
integer-compare row maxima (they set the time step) and the vectorised h^(-1/3) (it sets the friction)."""

from __future__ import annotations

import numpy as np
import pytest
from numba import njit

from twin.sim.flood import faces, kernels


@njit(cache=False)
def _row_maxima(a, zone):
    out = np.empty((a.shape[0], 2), a.dtype)
    everywhere = np.zeros(a.shape[1], np.uint8)
    for i in range(a.shape[0]):
        out[i, 0] = kernels._row_max(a[i], everywhere)
        out[i, 1] = kernels._row_max(a[i], zone[i])
    return out


@njit(cache=False)
def _inv_cbrt_row(hf, cst):
    n = hf.size
    hfb = np.empty((2, n), hf.dtype)
    gb = np.empty(n, np.float32)
    gi = gb.view(np.int32)
    for j in range(n):
        hfb[0, j] = hf[j]
        gb[j] = np.float32(max(hf[j], cst[faces.C_HMIN]))
    faces._inv_cbrt(hfb, gb, gi, 0, n, cst)
    return hfb[1].copy()


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_row_maxima_equal_numpy_for_non_negative_values(dtype):
    rng = np.random.default_rng(7)
    a = (rng.random((6, 37)) ** 4 * 3.0).astype(dtype)
    a[1] = 0.0                                    # an all-dry row
    a[2, 5] = np.finfo(dtype).tiny / 4            # a subnormal among zeros
    a[2, :5] = 0.0
    a[2, 6:] = 0.0
    a[3, 11] = 1e30                               # one huge value
    zone = (rng.random(a.shape) < 0.3).astype(np.uint8) * 2
    zone[4] = 1                                   # a row without any explicit cell
    got = _row_maxima(a, zone)
    assert got.dtype == dtype
    np.testing.assert_array_equal(got[:, 0], a.max(axis=1))
    np.testing.assert_array_equal(got[:, 1], np.where(zone == 0, a, 0).max(axis=1))


@pytest.mark.parametrize(("dtype", "rtol"), [(np.float32, 1e-6), (np.float64, 1e-12)])
def test_inverse_cube_root_of_face_depths(dtype, rtol):
    hmin = 1e-3
    hf = np.concatenate([np.geomspace(1e-6, 50.0, 4001), [0.0, -0.2, hmin]]).astype(dtype)
    cst = faces.constants(dtype, 0.1, 1.0, 9.81, 0.8, hmin, 1e-2)
    r = _inv_cbrt_row(hf, cst)
    assert r.dtype == dtype
    want = np.maximum(hf.astype(np.float64), hmin) ** (-1.0 / 3.0)
    np.testing.assert_allclose(r, want, rtol=rtol)
