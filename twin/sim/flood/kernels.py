"""Numba kernels of the local-inertial scheme (Bates et al. 2010, θ-weighting of de Almeida et al. 2012).

One step: sources (rain, inflow) → momentum on all faces (semi-implicit Manning friction) → flux
limiting so that no cell gives more water than it holds → continuity → sink (drainage) → maxima.
Sides are numbered west, east, north, south; kinds 0 closed, 1 open (free outflow), 2 stage.
The ledger (float64) accumulates volumes: 0 rain, 1 losses, 2 inflow, 3 sink, 4 boundary in,
5 boundary out. Row loops run in parallel (numba prange); row partial sums keep the ledger deterministic.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

L_RAIN, L_LOSS, L_INFLOW, L_SINK, L_BIN, L_BOUT = range(6)
CLOSED, OPEN, STAGE = 0, 1, 2


@njit(cache=True, inline="always")
def _flux(q, qavg, h_l, z_l, h_r, z_r, nf, dt, dx, g, theta, hmin):
    """New unit discharge through the face between left/upper cell l and right/lower cell r."""
    eta_l = z_l + h_l
    eta_r = z_r + h_r
    hf = max(eta_l, eta_r) - max(z_l, z_r)
    if hf <= hmin:
        return 0.0
    num = theta * q + (1.0 - theta) * qavg - g * hf * dt * (eta_r - eta_l) / dx
    den = 1.0 + g * dt * nf * nf * abs(q) / hf ** (7.0 / 3.0)
    return num / den


@njit(cache=True)
def _series(times, values, off, k, t):
    """Linear interpolation of packed series ``k`` at time ``t``."""
    a, b = off[k], off[k + 1]
    return np.interp(t, times[a:b], values[a:b])


@njit(cache=True)
def _ghost(kind, slope, stage, h_c, z_c, dx):
    """Ghost cell (depth, bed) outside a boundary face."""
    if kind == OPEN:
        return h_c, z_c - slope * dx
    return stage, z_c


@njit(cache=True)
def domain_hmax(h, active):
    m = 0.0
    ny, nx = h.shape
    for i in range(ny):
        for j in range(nx):
            if active[i, j] and h[i, j] > m:
                m = h[i, j]
    return m


@njit(cache=True, parallel=True)
def advance(h, qx, qy, z, nman, active, frac, sink, hmax, vmax, tmax,
            qx0, qy0, ratio, side_kind, side_slope, st_t, st_v, st_off,
            in_rows, in_cols, in_t, in_v, in_off, rain_rate, frac_sum, n_active,
            t, t_end, max_steps, dx, g, alpha, theta, dt_max, hmin, hvel, ledger):
    """Advance the state from ``t`` to ``t_end`` or by ``max_steps`` steps; returns (t, steps)."""
    ny, nx = h.shape
    area = dx * dx
    h_dom = domain_hmax(h, active)
    steps = 0
    stages = np.zeros(4)
    rows_max = np.zeros(ny)
    rows_sunk = np.zeros(ny)
    while t < t_end and steps < max_steps:
        # --- time step (CFL), including imposed stages
        hm = h_dom
        for s in range(4):
            if side_kind[s] == STAGE:
                stages[s] = max(_series(st_t, st_v, st_off, s, t), 0.0)
                hm = max(hm, stages[s])
        dt = dt_max
        if hm > 0.0:
            dt = min(dt, alpha * dx / math.sqrt(g * hm))
        if t + dt >= t_end or t_end - (t + dt) < 1e-9 * dt:
            dt = t_end - t
        tm = t + 0.5 * dt
        for s in range(4):
            if side_kind[s] == STAGE:
                stages[s] = max(_series(st_t, st_v, st_off, s, tm), 0.0)
        # --- sources: rain and inflow hydrographs
        if rain_rate != 0.0:
            r = rain_rate * dt
            for i in prange(ny):
                for j in range(nx):
                    if active[i, j]:
                        h[i, j] += r * frac[i, j]
            ledger[L_RAIN] += r * area * frac_sum
            ledger[L_LOSS] += r * area * (n_active - frac_sum)
        for k in range(in_rows.size):
            qin = _series(in_t, in_v, in_off, k, tm) * dt
            h[in_rows[k], in_cols[k]] += qin / area
            ledger[L_INFLOW] += qin
        # --- momentum
        qx0[:, :] = qx
        qy0[:, :] = qy
        for i in prange(ny):
            for j in range(1, nx):
                if active[i, j - 1] and active[i, j]:
                    nf = 0.5 * (nman[i, j - 1] + nman[i, j])
                    qavg = 0.5 * (qx0[i, j - 1] + qx0[i, j + 1])
                    qx[i, j] = _flux(qx0[i, j], qavg, h[i, j - 1], z[i, j - 1], h[i, j], z[i, j],
                                     nf, dt, dx, g, theta, hmin)
                else:
                    qx[i, j] = 0.0
        for i in prange(1, ny):
            for j in range(nx):
                if active[i - 1, j] and active[i, j]:
                    nf = 0.5 * (nman[i - 1, j] + nman[i, j])
                    qavg = 0.5 * (qy0[i - 1, j] + qy0[i + 1, j])
                    qy[i, j] = _flux(qy0[i, j], qavg, h[i - 1, j], z[i - 1, j], h[i, j], z[i, j],
                                     nf, dt, dx, g, theta, hmin)
                else:
                    qy[i, j] = 0.0
        # boundary faces: ghost cells outside; open sides allow outflow only
        for s in range(4):
            kind = side_kind[s]
            n_b = ny if s < 2 else nx
            for k in range(n_b):
                if s == 0:
                    i, j, q = k, 0, qx0[k, 0]
                elif s == 1:
                    i, j, q = k, nx - 1, qx0[k, nx]
                elif s == 2:
                    i, j, q = 0, k, qy0[0, k]
                else:
                    i, j, q = ny - 1, k, qy0[ny, k]
                qn = 0.0
                if kind != CLOSED and active[i, j]:
                    hg, zg = _ghost(kind, side_slope[s], stages[s], h[i, j], z[i, j], dx)
                    if s == 0 or s == 2:  # ghost is the left/upper cell
                        qn = _flux(q, q, hg, zg, h[i, j], z[i, j], nman[i, j], dt, dx, g, 1.0, hmin)
                        if kind == OPEN and qn > 0.0:
                            qn = 0.0
                    else:
                        qn = _flux(q, q, h[i, j], z[i, j], hg, zg, nman[i, j], dt, dx, g, 1.0, hmin)
                        if kind == OPEN and qn < 0.0:
                            qn = 0.0
                if s == 0:
                    qx[k, 0] = qn
                elif s == 1:
                    qx[k, nx] = qn
                elif s == 2:
                    qy[0, k] = qn
                else:
                    qy[ny, k] = qn
        # --- flux limiting: a cell never gives more than it holds
        c = dt / dx
        for i in prange(ny):
            for j in range(nx):
                out = c * (max(qx[i, j + 1], 0.0) - min(qx[i, j], 0.0)
                           + max(qy[i + 1, j], 0.0) - min(qy[i, j], 0.0))
                ratio[i, j] = h[i, j] / out if out > h[i, j] else 1.0
        for i in prange(ny):
            for j in range(nx + 1):
                q = qx[i, j]
                if q > 0.0 and j > 0:
                    qx[i, j] = q * ratio[i, j - 1]
                elif q < 0.0 and j < nx:
                    qx[i, j] = q * ratio[i, j]
        for i in prange(ny + 1):
            for j in range(nx):
                q = qy[i, j]
                if q > 0.0 and i > 0:
                    qy[i, j] = q * ratio[i - 1, j]
                elif q < 0.0 and i < ny:
                    qy[i, j] = q * ratio[i, j]
        # boundary ledger
        vol = dt * dx
        for i in range(ny):
            q = qx[i, 0]
            if q > 0.0:
                ledger[L_BIN] += q * vol
            else:
                ledger[L_BOUT] -= q * vol
            q = qx[i, nx]
            if q < 0.0:
                ledger[L_BIN] -= q * vol
            else:
                ledger[L_BOUT] += q * vol
        for j in range(nx):
            q = qy[0, j]
            if q > 0.0:
                ledger[L_BIN] += q * vol
            else:
                ledger[L_BOUT] -= q * vol
            q = qy[ny, j]
            if q < 0.0:
                ledger[L_BIN] -= q * vol
            else:
                ledger[L_BOUT] += q * vol
        # --- continuity, sink, maxima
        t += dt
        for i in prange(ny):  # per-row partial sums keep the ledger deterministic
            row_max = 0.0
            row_sunk = 0.0
            for j in range(nx):
                if not active[i, j]:
                    continue
                hn = h[i, j] + c * (qx[i, j] - qx[i, j + 1] + qy[i, j] - qy[i + 1, j])
                if hn < 0.0:
                    hn = 0.0
                if sink[i, j] > 0.0 and hn > 0.0:
                    d = min(sink[i, j] * dt, hn)
                    hn -= d
                    row_sunk += d
                h[i, j] = hn
                row_max = max(row_max, hn)
                if hn > hmax[i, j]:
                    hmax[i, j] = hn
                    tmax[i, j] = t
                if hn > hvel:
                    u = 0.5 * (qx[i, j] + qx[i, j + 1]) / hn
                    v = 0.5 * (qy[i, j] + qy[i + 1, j]) / hn
                    sp = math.sqrt(u * u + v * v)
                    if sp > vmax[i, j]:
                        vmax[i, j] = sp
            rows_max[i] = row_max
            rows_sunk[i] = row_sunk
        h_dom = rows_max.max()
        sunk = rows_sunk.sum()
        ledger[L_SINK] += sunk * area
        steps += 1
    return t, steps
