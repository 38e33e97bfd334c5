"""Face discharges of the local-inertial scheme (Bates et al. 2010, θ-weighting of de Almeida et al. 2012),
one row at a time, for the sweep in :mod:`twin.sim.flood.kernels`.

The loops are branch-free so LLVM vectorises them: buildings are no-flow because their bed lies far above
every water level (the face depth is then 0); conditions multiply as 0/1 masks and the upwind pick is
max(q, 0)·a + min(q, 0)·b, because for AVX2 LLVM's cost model keeps a loop scalar once a select follows a
division or chooses between two loads (the float32 step ran 2.7× slower that way); the constants of the
loops come in the grid's dtype (:func:`constants`); and ``h^(-7/3)`` comes from a bit-trick guess of
``h^(-1/3)`` refined by Newton steps (vectorisable, unlike ``pow``). Faces next to deep cells carry
nothing here; :mod:`twin.sim.flood.implicit` advances them. Sides are numbered west, east, north, south;
kinds 0 closed, 1 open (free outflow), 2 stage.
"""

from __future__ import annotations

import numpy as np
from numba import njit, types
from numba.extending import overload

from twin.sim.flood.implicit import DEEP

CLOSED, OPEN, STAGE = 0, 1, 2
# fast math without NaN/inf rules and without re-association: the latter would turn exactly equal water
# levels into round-off differences (seeding spurious cross flows in symmetric cases)
FASTMATH = {"nsz", "arcp", "contract", "afn"}
_MAGIC = 1419910955.0  # ≈ bits of 2^(127·4/3) as float32: 1/∛x ≈ from(MAGIC − bits(x)/3), tuned to < 3.5 %


@njit(cache=True, inline="always")
def _flux(q, qavg, h_l, z_l, h_r, z_r, nf, dt, dx, g, theta, hmin):
    """New unit discharge through the face between left/upper cell l and right/lower cell r (scalar)."""
    eta_l = z_l + h_l
    eta_r = z_r + h_r
    hf = max(eta_l, eta_r) - max(z_l, z_r)
    if hf <= hmin:
        return 0.0
    num = theta * q + (1.0 - theta) * qavg - g * hf * dt * (eta_r - eta_l) / dx
    den = 1.0 + g * dt * nf * nf * abs(q) / hf ** (7.0 / 3.0)
    return num / den


@njit(cache=True)
def series_at(times, values, off, k, t):
    """Linear interpolation of packed series ``k`` at time ``t``."""
    a, b = off[k], off[k + 1]
    return np.interp(t, times[a:b], values[a:b])


@njit(cache=True)
def _ghost(kind, slope, stage, h_c, z_c, dx):
    """Ghost cell (depth, bed) outside a boundary face."""
    if kind == OPEN:
        return h_c, z_c - slope * dx
    return stage, z_c


# typed constants (working dtype) so float32 grids stay in float32 arithmetic
C_HALF, C_THIRD, C_FOUR, C_ONE, C_ZERO, C_HMIN, C_THETA, C_1MTHETA, C_GDT, C_GDTDX, C_HVEL, C_DTDX, C_TINY, C_T = range(14)


def constants(dtype, dt: float, dx: float, g: float, theta: float, hmin: float, hvel: float) -> np.ndarray:
    """The per-step constants of the vectorised loops in the grid's dtype (a float64 value in a float32 loop
    would make LLVM convert every element and give up vectorising it)."""
    return np.array([0.5, 1.0 / 3.0, 4.0, 1.0, 0.0, hmin, theta, 1.0 - theta, g * dt, g * dt / dx, hvel, dt / dx,
                     1e-30, 0.0], dtype=dtype)


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def _inv_cbrt_guess(gi, j0, j1):
    """In place on the int32 view of float32 values: bits of a first guess of x^(-1/3) (error < 3.5 %)."""
    for j in range(j0, j1):
        gi[j] = np.int32(_MAGIC - np.float64(gi[j]) * (1.0 / 3.0))


def _fourth_step(r, h3, c43):
    """The fourth Newton step of :func:`_inv_cbrt` where the grid's type needs it; compiled only."""
    raise NotImplementedError


@overload(_fourth_step, jit_options={"cache": True, "fastmath": FASTMATH, "error_model": "numpy"}, inline="always")
def _fourth_step_impl(r, h3, c43):
    """Newton's error squares each step: 3.5 % (the guess) → 2e-3 → 1e-5 → 2e-7 in float32, which is its
    round-off already (a fourth step gives 1.5e-7); float64 needs the fourth (→ 3e-10 → 1e-16)."""
    if r == types.float32:
        return lambda r, h3, c43: r
    return lambda r, h3, c43: r * (c43 - h3 * r * r * r)


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def _inv_cbrt(hfb, gb, gi, j0, j1, cst):
    """``hfb[1, j]`` = max(hfb[0, j], hmin)^(-1/3) for j0 ≤ j < j1: the bit-trick guess (``gb`` holds the
    float32 depths, ``gi`` is its int32 view) refined by Newton steps, r ← r·(4/3 − (h/3)·r³), three in
    float32 and four in float64 (:func:`_fourth_step`). A loop of its own: inside the face loop the steps'
    chain of dependent multiplications set the pace (2.4 ns per float32 face instead of 1.5)."""
    _inv_cbrt_guess(gi, j0, j1)
    third = cst[C_THIRD]
    c43 = cst[C_FOUR] * third
    hmin = cst[C_HMIN]
    for j in range(j0, j1):
        r = cst[C_ONE] * gb[j]
        h3 = max(hfb[0, j], hmin) * third
        r = r * (c43 - h3 * r * r * r)
        r = r * (c43 - h3 * r * r * r)
        r = r * (c43 - h3 * r * r * r)
        hfb[1, j] = _fourth_step(r, h3, c43)


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def _friction(hc, r, q, nf, cst):
    """Denominator 1 + g·dt·n²·|q| / h^(7/3), with r = h^(-1/3) from :func:`_inv_cbrt`."""
    return cst[C_ONE] + cst[C_GDT] * nf * nf * abs(q) * r / (hc * hc)


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def _x_faces(i, h, z, nman, qx, out, hfb, gb, gi, cst, zone):
    """Interior west/east faces j = 1..nx-1 of row ``i`` into ``out`` (0 on faces next to a deep cell:
    implicit)."""
    nx = h.shape[1]
    hmin = cst[C_HMIN]
    for j in range(1, nx):
        zl = z[i, j - 1]
        zr = z[i, j]
        hf = max(zl + h[i, j - 1], zr + h[i, j]) - max(zl, zr)
        hfb[0, j] = hf
        gb[j] = np.float32(max(hf, hmin))
    _inv_cbrt(hfb, gb, gi, 1, nx, cst)
    half = cst[C_HALF]
    for j in range(1, nx):
        hf = hfb[0, j]
        hc = max(hf, hmin)
        q = qx[i, j]
        den = _friction(hc, hfb[1, j], q, half * (nman[i, j - 1] + nman[i, j]), cst)
        d = (z[i, j] + h[i, j]) - (z[i, j - 1] + h[i, j - 1])
        num = cst[C_THETA] * q + cst[C_1MTHETA] * half * (qx[i, j - 1] + qx[i, j + 1]) - cst[C_GDTDX] * hf * d
        ok = (hf > hmin) & (((zone[i, j - 1] | zone[i, j]) & DEEP) == 0)
        out[j] = num / den * cst[C_ONE] * ok


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def _y_faces(i, h, z, nman, qy, out, hfb, gb, gi, cst, zone):
    """North faces of row ``i`` ≥ 1 (between rows i-1 and i) into the row ``out`` (0 where implicit)."""
    nx = h.shape[1]
    hmin = cst[C_HMIN]
    for j in range(nx):
        zu = z[i - 1, j]
        zd = z[i, j]
        hf = max(zu + h[i - 1, j], zd + h[i, j]) - max(zu, zd)
        hfb[0, j] = hf
        gb[j] = np.float32(max(hf, hmin))
    _inv_cbrt(hfb, gb, gi, 0, nx, cst)
    half = cst[C_HALF]
    for j in range(nx):
        hf = hfb[0, j]
        hc = max(hf, hmin)
        q = qy[i, j]
        den = _friction(hc, hfb[1, j], q, half * (nman[i - 1, j] + nman[i, j]), cst)
        d = (z[i, j] + h[i, j]) - (z[i - 1, j] + h[i - 1, j])
        num = cst[C_THETA] * q + cst[C_1MTHETA] * half * (qy[i - 1, j] + qy[i + 1, j]) - cst[C_GDTDX] * hf * d
        ok = (hf > hmin) & (((zone[i - 1, j] | zone[i, j]) & DEEP) == 0)
        out[j] = num / den * cst[C_ONE] * ok


@njit(cache=True)
def _boundary_face(s, kind, slope, stage, q, h_c, z_c, n_c, active_c, dt, dx, g, hmin):
    """Unit discharge through a boundary face of side ``s`` (positive = east/south as everywhere)."""
    if kind == CLOSED or not active_c:
        return 0.0
    hg, zg = _ghost(kind, slope, stage, h_c, z_c, dx)
    if s == 0 or s == 2:  # the ghost is the left/upper cell
        qn = _flux(q, q, hg, zg, h_c, z_c, n_c, dt, dx, g, 1.0, hmin)
        if kind == OPEN and qn > 0.0:
            qn = 0.0
    else:
        qn = _flux(q, q, h_c, z_c, hg, zg, n_c, dt, dx, g, 1.0, hmin)
        if kind == OPEN and qn < 0.0:
            qn = 0.0
    return qn


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def x_row(i, h, z, nman, qx, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin, out, hfb, gb, gi):
    """Raw new discharges on all west/east faces of row ``i`` (boundary faces through ghost cells)."""
    nx = h.shape[1]
    _x_faces(i, h, z, nman, qx, out, hfb, gb, gi, cst, zone)
    out[0] = _boundary_face(0, side_kind[0], side_slope[0], stages[0], qx[i, 0], h[i, 0], z[i, 0], nman[i, 0],
                            active[i, 0], dt, dx, g, hmin)
    out[nx] = _boundary_face(1, side_kind[1], side_slope[1], stages[1], qx[i, nx], h[i, nx - 1], z[i, nx - 1],
                             nman[i, nx - 1], active[i, nx - 1], dt, dx, g, hmin)


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def y_row(k, h, z, nman, qy, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin, out, hfb, gb, gi):
    """Raw new discharges on the north/south faces ``k`` = 0..ny (0 and ny on the domain boundary)."""
    ny, nx = h.shape
    if k == 0:
        for j in range(nx):
            out[j] = _boundary_face(2, side_kind[2], side_slope[2], stages[2], qy[0, j], h[0, j], z[0, j],
                                    nman[0, j], active[0, j], dt, dx, g, hmin)
    elif k == ny:
        last = ny - 1
        for j in range(nx):
            out[j] = _boundary_face(3, side_kind[3], side_slope[3], stages[3], qy[ny, j], h[last, j],
                                    z[last, j], nman[last, j], active[last, j], dt, dx, g, hmin)
    else:
        _y_faces(k, h, z, nman, qy, out, hfb, gb, gi, cst, zone)


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def ratio_row(i, h, xr, north, south, out, c, cst):
    """Share of its outflow each cell of row ``i`` can give (1 where it holds enough water); ``xr`` are the
    row's raw west/east discharges, ``north``/``south`` its raw north/south ones."""
    zero, one, tiny = cst[C_ZERO], cst[C_ONE], cst[C_TINY]
    for j in range(h.shape[1]):
        out_ = c * (max(xr[j + 1], zero) - min(xr[j], zero) + max(south[j], zero) - min(north[j], zero))
        out[j] = min(h[i, j] / max(out_, tiny), one)  # h/out where out > h, else 1 (no branch: vectorised)

