"""Numba kernels: rays over a surface model, towards the sun (shadows) and around the horizon (sky view).

Grids are (ny, nx), row 0 north; azimuths clockwise from north. A ray starts at the centre of its cell
on the surface (``dsm``: terrain and buildings) and samples the cell it is over (nearest cell). Crowns
are given by their absolute top and base heights per cell and a transmissivity."""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

NEAR_CELLS = 20.0  # the horizon search samples every cell up to this distance, then steps of d / NEAR_CELLS


@njit(cache=True)
def _step(azimuth):
    """Row and column increments of one step towards ``azimuth`` (the longer one is 1 cell) and the
    horizontal length of that step in cells."""
    sx = math.sin(azimuth)
    sy = math.cos(azimuth)
    m = max(abs(sx), abs(sy))
    return -sy / m, sx / m, 1.0 / m


@njit(cache=True, parallel=True, fastmath=True)
def sun_fraction(dsm, top, base, tau, has_veg, dx, azimuth, tan_elev, zmax, out):
    """Share of direct sun per cell: 0 where the terrain or a building is in the way, the crown's
    transmissivity where only crowns are (the smallest one on the ray), else 1. A crown shades where the
    ray's height range over a cell (± half a step's rise around the sample) meets its base–top range –
    also in the cell the ray starts in (from the ground up half a step), so a low sun shines in under a
    crown through the trunk zone (as in SOLWEIG) and coarse cells still shade themselves at a high sun."""
    ny, nx = dsm.shape
    di, dj, length = _step(azimuth)
    rise = length * dx * tan_elev
    half = 0.5 * rise
    for i in prange(ny):
        for j in range(nx):
            z0 = np.float64(dsm[i, j])
            f = 1.0
            if has_veg and top[i, j] > z0 and base[i, j] < z0 + half:
                f = tau[i, j]
            zr = z0
            pi = i + 0.5
            pj = j + 0.5
            while True:
                pi += di
                pj += dj
                zr += rise
                if zr > zmax or pi < 0.0 or pj < 0.0 or pi >= ny or pj >= nx:
                    break
                a = int(pi)
                b = int(pj)
                if dsm[a, b] > zr:
                    f = 0.0
                    break
                if has_veg and base[a, b] < zr + half and zr - half < top[a, b]:
                    f = min(f, np.float64(tau[a, b]))
            out[i, j] = f


@njit(cache=True, parallel=True, fastmath=True)
def sky_view(dsm, top, tau, has_veg, dx, n_az, max_dist, zmax, svf_b, svf_all):
    """Sky view factor of a horizontal surface from the horizon in ``n_az`` directions:
    mean of cos²(horizon elevation). ``svf_b`` counts terrain and buildings only; ``svf_all`` also the
    crowns, which hide the sky between the building horizon and their top except for their
    transmissivity (crowns are taken as solid below their top: no view through the trunk zone)."""
    ny, nx = dsm.shape
    limit = max_dist / dx  # in cells
    dirs = np.empty((n_az, 3))  # row step, column step, step length per azimuth
    for k in range(n_az):
        dirs[k, 0], dirs[k, 1], dirs[k, 2] = _step(2.0 * math.pi * k / n_az)
    for i in prange(ny):
        for j in range(nx):
            z0 = np.float64(dsm[i, j])
            head = zmax - z0
            sb = 0.0
            sa = 0.0
            for k in range(n_az):
                di, dj, length = dirs[k, 0], dirs[k, 1], dirs[k, 2]
                tb = 0.0  # tan of the horizon elevation: terrain and buildings
                tv = 0.0  # crowns included
                tv_tau = 1.0
                n = 0.0  # steps taken
                while True:
                    n += 1.0 if n < NEAR_CELLS else n / NEAR_CELLS
                    d = n * length  # distance in cells
                    # stop when neither horizon can rise any more (crowns must not end the building search)
                    if d > limit or head <= (min(tb, tv) if has_veg else tb) * d * dx:
                        break
                    a = int(i + 0.5 + n * di)
                    b = int(j + 0.5 + n * dj)
                    if a < 0 or b < 0 or a >= ny or b >= nx:
                        break
                    dd = d * dx
                    t = (dsm[a, b] - z0) / dd
                    if t > tb:
                        tb = t
                    if has_veg:
                        tc = (top[a, b] - z0) / dd
                        if tc > tv:
                            tv = tc
                            tv_tau = tau[a, b]
                cb = 1.0 / (1.0 + tb * tb)
                sb += cb
                if tv > tb:
                    sa += cb - (1.0 - tv_tau) * (cb - 1.0 / (1.0 + tv * tv))
                else:
                    sa += cb
            svf_b[i, j] = sb / n_az
            svf_all[i, j] = sa / n_az
