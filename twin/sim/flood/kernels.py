"""Numba kernels of the local-inertial scheme (Bates et al. 2010, θ-weighting of de Almeida et al. 2012).

One explicit step is a single pass over the grid. Each thread streams a chunk of rows top to bottom and,
two rows ahead of the row it updates, computes

* the new unit discharges on the faces from the previous (limited) ones, semi-implicit Manning friction,
  boundary faces through ghost cells, and per cell the share of its outflow it can give without going dry
  (the flux limiter's ratio) – into ring buffers of two or three rows that stay in the caches;

then, for the row itself, limits the fluxes with the upwind ratio and stores them, applies continuity,
rain and the sink, tracks the maxima and the boundary volumes (row partial sums keep the ledger
deterministic). What a chunk needs from its neighbour's rows (two faces and two ratio rows at each
border) is computed from the old state just before (:func:`_halo`). The result is the same to the bit
as two separate passes with full-grid scratch arrays, but moves about half the bytes.

Faces next to deep cells carry nothing in this pass; :mod:`twin.sim.flood.implicit` advances them
(and the depths of the deep cells and their neighbours) afterwards in one implicit system.

The faces of a row come from :mod:`twin.sim.flood.faces`; its docstring gives the rules that keep the loops
there and here vectorised (0/1 masks instead of branches, the upwind pick max(q, 0)·a + min(q, 0)·b,
constants in the grid's dtype). Only the continuity update adds in float64, to round once. Sides are
numbered west, east, north, south; kinds 0 closed, 1 open (free outflow), 2 stage. The ledger (float64)
accumulates volumes: 0 rain, 1 losses, 2 inflow, 3 sink, 4 boundary in, 5 boundary out.
"""

from __future__ import annotations

import math

import numba
import numpy as np
from numba import njit, prange, types
from numba.extending import overload

from twin.sim.flood import implicit
from twin.sim.flood.faces import (C_DTDX, C_GDT, C_GDTDX, C_HALF, C_HVEL, C_ONE, C_T, C_ZERO, FASTMATH, STAGE,
                                  ratio_row, series_at, x_row, y_row)
from twin.sim.flood.implicit import DEEP

L_RAIN, L_LOSS, L_INFLOW, L_SINK, L_BIN, L_BOUT = range(6)
_REMARK = 8  # steps between rebuilds of the implicit zones
# numba's cache watches only this file (its docs: changes in functions imported from other files go
# unnoticed), and advance() compiles the functions of implicit.py and faces.py in. So this file carries
# their hashes: tests/test_flood_implicit.py fails until they are updated, and the edit renews the cache.
INLINED_SOURCE_SHA256 = {"implicit.py": "5ee6a7eb54aa477a", "faces.py": "5f787bbd3a88fe1c"}


def start_threads() -> None:
    """Start numba's thread pool; call before :func:`advance`.

    ``advance`` is a serial function that calls parallel ones. Loaded from numba's cache in a fresh
    process, it does not start the pool itself and the first parallel loop crashes the process (numba
    issue #8578, open in 0.68). Asking for the thread count starts the pool."""
    numba.get_num_threads()


def bytes_per_cell_update(dtype, sink: bool = False) -> int:
    """Bytes moved from/to main memory per cell and step when the grid does not fit in the caches.

    The sweep reads depth, bed, roughness and both old discharges (5 values) when it computes the faces
    two rows ahead, then rain share, max depth, its time and max speed (4 values; + sink capacity) for the
    update, and writes depth, both discharges, max depth, its time and max speed back (6 values; their
    lines are already in the cache, so no read for ownership). The ring buffers and the rows read twice
    stay in the caches; not counted are the zone byte and the halo rows at the chunk borders.
    """
    w = np.dtype(dtype).itemsize
    return w * (5 + 4 + int(sink) + 6)


def chunk_bounds(ny: int, threads: int | None = None) -> np.ndarray:
    """First rows of :func:`advance`'s chunks (one per thread, at least 8 rows each) and ``ny`` at the end."""
    threads = numba.get_num_threads() if threads is None else threads
    n = max(1, min(threads, ny // 8))
    return np.array([(k * ny) // n for k in range(n + 1)], dtype=np.int64)


@njit(cache=True, parallel=True, fastmath=FASTMATH, error_model="numpy")
def _halo(h, qx, qy, z, nman, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin, bounds,
          hfaces, hratio):
    """Before the sweep: at every inner chunk border B the raw faces B-1, B, B+1 and the outflow ratios of
    rows B-1 and B, from the old state – the sweep overwrites the rows they are made of."""
    ny, nx = h.shape
    c = cst[C_DTDX]
    for k in prange(1, bounds.size - 1):
        b = bounds[k]
        hfb = np.empty((2, nx + 1), h.dtype)  # face depths, their h^(-1/3)
        gb = np.empty(nx + 1, np.float32)
        gi = gb.view(np.int32)
        xr = np.empty(nx + 1, h.dtype)
        for m in range(3):
            y_row(b - 1 + m, h, z, nman, qy, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin,
                   hfaces[k, m], hfb, gb, gi)
        for m in range(2):
            x_row(b - 1 + m, h, z, nman, qx, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin,
                   xr, hfb, gb, gi)
            ratio_row(b - 1 + m, h, xr, hfaces[k, m], hfaces[k, m + 1], hratio[k, m], c, cst)


def _row_max(row, zone_row):
    """Largest value of ``row`` (values ≥ 0) over the cells of zone 0; compiled only (see the overload)."""
    raise NotImplementedError


@overload(_row_max, jit_options={"cache": True})
def _row_max_impl(row, zone_row):
    """Non-negative floats order like their bits read as signed integers, and an integer max reduction
    vectorises where a float one does not (numba's float max keeps it scalar: 0.32 against 0.04 ns per
    value). A NaN from an unstable run may win the comparison; the driver stops on NaN depths anyway."""
    ityp, ftyp = (np.int32, np.float32) if row.dtype == types.float32 else (np.int64, np.float64)

    def impl(row, zone_row):
        v = row.view(ityp)
        m = ityp(0)
        for j in range(v.size):
            m = max(m, v[j] if zone_row[j] == 0 else ityp(0))
        return ityp(m).view(ftyp)  # (a fresh name: view() on a loop-carried scalar fails in numba)

    return impl


@njit(cache=True, fastmath=True, error_model="numpy")
def _drain_row(h, sink, i, dt):
    """Drain up to ``sink·dt`` from every cell of row ``i``; returns the drained depth sum (fast math for
    the sum reduction)."""
    total = 0.0
    for j in range(h.shape[1]):
        d = min(sink[i, j] * dt, h[i, j])
        h[i, j] -= d
        total += d
    return total


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def _track(i, j, h, u, v, zone, hmax, vmax, tmax, tn, cst):
    """Maxima of cell (i, j) after its update (explicit cells only: deep and ring cells change once more in
    the implicit step); returns its squared speed (one division, no root; ``u``, ``v`` are the sums of its
    west+east and north+south discharges). Stored unconditionally: masked stores (vmaskmov) are slow on
    AMD cores, and the lines are in the cache anyway for the comparison."""
    hn = h[i, j]
    explicit = zone[i, j] == 0
    ho = hmax[i, j]
    hz = hn * cst[C_ONE] * explicit
    tmax[i, j] = tn if hz > ho else tmax[i, j]
    hmax[i, j] = max(hz, ho)
    hvel = cst[C_HVEL]
    hs = max(hn, hvel)
    half = cst[C_HALF]
    sp2 = (u * u + v * v) * (half * half) / (hs * hs) * ((hn > hvel) & explicit)
    vmax[i, j] = max(sp2, vmax[i, j])
    return sp2


@njit(cache=True, fastmath=FASTMATH, error_model="numpy", inline="always")
def _update_row(i, h, qx, qy, xr, north, south, r_up, r_c, r_dn, fs, zone, frac, sink, has_sink,
                hmax, vmax, tmax, t_new, dt, c, rain, cst, rows_max, rows_umax, rows_sunk, rows_bin, rows_bout):
    """Limit and store the fluxes of row ``i`` (raw ones ``xr``, ``north``, ``south``; outflow ratios of the
    rows above, of the row and below), update its depths, add rain, drain the sink, track maxima (of the
    speed squared)."""
    ny, nx = h.shape
    zero = cst[C_ZERO]
    # west/east faces of the row (limited by the upwind cell; inflow from a ghost unlimited). The inner
    # loops pick the upwind ratio as max(q, 0)·r_west + min(q, 0)·r_east (the same value: one term is 0):
    # a select there kept LLVM from vectorising them for AVX2
    q = xr[0]
    qx[i, 0] = q * r_c[0] if q < zero else q
    for j in range(1, nx):
        q = xr[j]
        qx[i, j] = max(q, zero) * r_c[j - 1] + min(q, zero) * r_c[j]
    q = xr[nx]
    qx[i, nx] = q * r_c[nx - 1] if q > zero else q
    tn = cst[C_T]
    b_in = max(qx[i, 0], zero) - min(qx[i, nx], zero)  # boundary volumes (per unit of dt·dx)
    b_out = max(qx[i, nx], zero) - min(qx[i, 0], zero)
    if not has_sink and 0 < i < ny - 1:
        # an inner row without sink, in one loop: north faces (stored, owned by this row), south faces
        # (stored by the next row), continuity and rain, maxima and speeds. Continuity and rain add in
        # float64 (``c`` = dt/dx and ``rain`` are float64 scalars): rounding once at the store keeps the
        # float32 mass error at 1e-9 instead of 1e-8..1e-5 (a few float32 roundings per step)
        rows_sunk[i] = 0.0
        for j in range(nx):
            qn = max(north[j], zero) * r_up[j] + min(north[j], zero) * r_c[j]
            qs = max(south[j], zero) * r_c[j] + min(south[j], zero) * r_dn[j]
            qy[i, j] = qn
            u = qx[i, j] + qx[i, j + 1]
            v = qn + qs
            h[i, j] = max(h[i, j] + c * (qx[i, j] - qx[i, j + 1] + qn - qs), 0.0) + rain * frac[i, j]
            fs[j] = _track(i, j, h, u, v, zone, hmax, vmax, tmax, tn, cst)
        rows_bin[i] = b_in
        rows_bout[i] = b_out
    else:
        # north faces (stored, owned by this row); south faces into ``fs`` (stored by the next row)
        if i == 0:
            for j in range(nx):
                q = north[j]
                qy[0, j] = q * r_c[j] if q < zero else q
                b_in += max(qy[0, j], zero)
                b_out -= min(qy[0, j], zero)
        else:
            for j in range(nx):
                q = north[j]
                qy[i, j] = max(q, zero) * r_up[j] + min(q, zero) * r_c[j]
        if i == ny - 1:
            for j in range(nx):
                q = south[j]
                fs[j] = q * r_c[j] if q > zero else q
                qy[ny, j] = fs[j]
                b_in -= min(fs[j], zero)
                b_out += max(fs[j], zero)
        else:
            for j in range(nx):
                q = south[j]
                fs[j] = max(q, zero) * r_c[j] + min(q, zero) * r_dn[j]
        rows_bin[i] = b_in
        rows_bout[i] = b_out
        # continuity and rain (in float64, see above), the sink, then maxima and speeds
        for j in range(nx):
            h[i, j] = max(h[i, j] + c * (qx[i, j] - qx[i, j + 1] + qy[i, j] - fs[j]), 0.0) \
                + rain * frac[i, j]
        rows_sunk[i] = _drain_row(h, sink, i, dt) if has_sink else 0.0
        for j in range(nx):  # (the south-face row is no longer needed: it takes the speeds)
            fs[j] = _track(i, j, h, qx[i, j] + qx[i, j + 1], qy[i, j] + fs[j], zone, hmax, vmax, tmax, tn, cst)
    rows_max[i] = _row_max(h[i], zone[i])  # zone is 0 everywhere while no cell is deep
    rows_umax[i] = _row_max(fs, zone[i])


@njit(cache=True, parallel=True, fastmath=FASTMATH, error_model="numpy")
def _sweep(h, qx, qy, z, nman, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin, bounds,
           hfaces, hratio, frac, sink, has_sink, rain, hmax, vmax, tmax, t_new, rows_max, rows_umax,
           rows_sunk, rows_bin, rows_bout):
    """One explicit step in a single pass: each thread streams its chunk of rows top to bottom, computing
    the raw discharges two rows ahead of the row it updates (ring buffers of 2–3 rows, so they stay in
    the caches), and takes what depends on another chunk's rows from :func:`_halo`."""
    ny, nx = h.shape
    c = cst[C_DTDX]
    nch = bounds.size - 1
    for k in prange(nch):
        a, b = bounds[k], bounds[k + 1]
        hfb = np.empty((2, nx + 1), h.dtype)  # face depths, their h^(-1/3)
        gb = np.empty(nx + 1, np.float32)
        gi = gb.view(np.int32)
        fs = np.empty(nx, h.dtype)
        xr = np.empty((2, nx + 1), h.dtype)  # raw west/east faces of rows i, i+1 (slot i % 2)
        fr = np.empty((3, nx), h.dtype)      # raw north/south faces i..i+2 (slot k % 3)
        ra = np.empty((3, nx), h.dtype)      # outflow ratios of rows i-1..i+1 (slot (r + 3) % 3)
        # prologue: row a's west/east faces, faces a and a+1, ratios of rows a-1 and a
        x_row(a, h, z, nman, qx, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin, xr[a % 2],
               hfb, gb, gi)
        for f in range(a, min(a + 2, ny + 1)):
            if k > 0:
                fr[f % 3, :] = hfaces[k, f - a + 1]
            else:
                y_row(f, h, z, nman, qy, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin,
                       fr[f % 3], hfb, gb, gi)
        if k > 0:
            ra[(a + 2) % 3, :] = hratio[k, 0]
            ra[a % 3, :] = hratio[k, 1]
        else:
            ratio_row(a, h, xr[a % 2], fr[a % 3], fr[(a + 1) % 3], ra[a % 3], c, cst)
        last = k == nch - 1
        for i in range(a, b):
            n1 = i + 1
            if n1 < b:
                x_row(n1, h, z, nman, qx, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin,
                       xr[n1 % 2], hfb, gb, gi)
            f = i + 2
            if f <= b:
                if not last and f >= b - 1:
                    fr[f % 3, :] = hfaces[k + 1, f - b + 1]
                else:
                    y_row(f, h, z, nman, qy, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin,
                           fr[f % 3], hfb, gb, gi)
            if n1 < ny:
                if not last and n1 >= b - 1:
                    ra[n1 % 3, :] = hratio[k + 1, n1 - b + 1]
                else:
                    ratio_row(n1, h, xr[n1 % 2], fr[n1 % 3], fr[(n1 + 1) % 3], ra[n1 % 3], c, cst)
            _update_row(i, h, qx, qy, xr[i % 2], fr[i % 3], fr[n1 % 3], ra[(i + 2) % 3], ra[i % 3], ra[n1 % 3],
                        fs, zone, frac, sink, has_sink, hmax, vmax, tmax, t_new, dt, dt / dx, rain, cst,
                        rows_max, rows_umax, rows_sunk, rows_bin, rows_bout)


@njit(cache=True)
def _explicit_hmax(h, zone):
    m = 0.0
    ny, nx = h.shape
    for i in range(ny):
        for j in range(nx):
            if zone[i, j] != DEEP and h[i, j] > m:
                m = h[i, j]
    return m


@njit(cache=True)
def _nondeep_max(h, zone, cells):
    """Largest depth of the listed cells that are not deep (row maxima skip deep and ring cells, so after
    a zone rebuild the new list and mark()'s ``h_left`` for the old one cover every cell whose depth the
    step has not seen)."""
    m = 0.0
    for k in range(cells.shape[0]):
        i, j = cells[k, 0], cells[k, 1]
        if zone[i, j] != DEEP:
            m = max(m, h[i, j])
    return m


@njit(cache=True)
def advance(h, qx, qy, z, nman, active, frac, sink, has_sink, hmax, vmax, tmax,
            side_kind, side_slope, st_t, st_v, st_off, in_rows, in_cols, in_t, in_v, in_off,
            rain_rate, frac_sum, n_active, t, t_end, max_steps, dx, g, alpha, theta, dt_max, hmin, hvel,
            cst, ledger, zone, sid, buf, h_implicit, tol, max_iter, bounds, stats, carry):
    """Advance the state from ``t`` to ``t_end`` or by ``max_steps`` steps; returns (t, steps).

    Time step: ``alpha·dx / max(u, √(g·h))`` with the largest flow speed and depth of the last step (and
    any imposed stage), at most ``dt_max``. The celerity alone (Bates et al.) let the first steps on a
    dry, steep domain – supercritical fronts, u > √(g·h) – run so long that wetting fronts oscillated
    cell by cell; counting u + √(g·h) instead would cost ~60 % more steps in ordinary rain runs. A
    Courant factor of 0.9 for the speed alone raised the EA test 2 max speed from 2.2 to 4.9 m/s.
    ``carry[0]`` keeps the flow speed from one call to the next; ``bounds`` come from :func:`chunk_bounds`.

    Faces next to cells deeper than ``h_implicit`` (m; ``inf`` = none) or faster than
    ``implicit.FAST·√(g·h_implicit)`` are solved semi-implicitly (:mod:`twin.sim.flood.implicit`); the
    zones are rebuilt every ``_REMARK`` steps and the step then follows the depths and speeds outside the
    deep cells. ``zone`` (uint8) and ``sid`` (int64, −1) are scratch grids; ``vmax`` collects squared
    speeds (the driver takes the root once at the end); ``stats`` accumulates [CG iterations, implicit
    steps, largest number of implicit cells].

    ``z`` must hold the no-flow cells (``active`` false) far above any water level; ``cst`` comes from
    :func:`~twin.sim.flood.faces.constants` (its g·dt entries are updated here)."""
    ny, nx = h.shape
    area = dx * dx
    use_implicit = h_implicit < math.inf
    u2_fast = implicit.FAST * implicit.FAST * g * h_implicit  # faster cells are implicit too
    zone[:, :] = 0
    cells = np.zeros((0, 2), np.int64)
    n_deep = 0
    fa = np.zeros(0, np.int64)
    fb, fi, fj, fy = fa, fa, fa, np.zeros(0, np.bool_)
    adj = (np.zeros((0, 4), np.int64), np.zeros((0, 4), np.int64), np.zeros((0, 4)))
    work = (np.zeros((0, 0)), np.zeros((0, 0)))
    rows_umax = np.zeros(ny)  # squared speeds of the explicit cells per row (of the last step)
    rows_max = np.zeros(ny)  # depths of the explicit cells per row (of the last step)
    ws = implicit.workspace(ny)
    if use_implicit:
        implicit.rows_speed2(h, qx, qy, hvel, rows_umax)
        implicit.rows_depth(h, rows_max)
        cells, n_deep, adj, fa, fb, fi, fj, fy, work, ws, _ = implicit.mark(
            h, qx, qy, z, nman, active, zone, sid, buf, cells, h_implicit, hvel, u2_fast, rows_max, rows_umax, ws)
        stats[2] = max(stats[2], cells.shape[0])
    h_dom = _explicit_hmax(h, zone)
    steps = 0
    stages = np.zeros(4)
    u_dom = carry[0]
    rows_sunk = np.zeros(ny)
    rows_bin = np.zeros(ny)
    rows_bout = np.zeros(ny)
    hfaces = np.zeros((bounds.size - 1, 3, nx), h.dtype)
    hratio = np.zeros((bounds.size - 1, 2, nx), h.dtype)
    while t < t_end and steps < max_steps:
        # --- time step (CFL), including imposed stages
        hm = h_dom
        for s in range(4):
            if side_kind[s] == STAGE:
                stages[s] = max(series_at(st_t, st_v, st_off, s, t), 0.0)
                hm = max(hm, stages[s])
        dt = dt_max
        if hm > 0.0 or u_dom > 0.0:  # Courant number of the wave celerity, or of the flow speed
            dt = min(dt, alpha * dx / max(u_dom, math.sqrt(g * hm)))
        if t + dt >= t_end or t_end - (t + dt) < 1e-9 * dt:
            dt = t_end - t
        tm = t + 0.5 * dt
        for s in range(4):
            if side_kind[s] == STAGE:
                stages[s] = max(series_at(st_t, st_v, st_off, s, tm), 0.0)
        # --- inflow hydrographs (point sources before the momentum step)
        for k in range(in_rows.size):
            qin = series_at(in_t, in_v, in_off, k, tm) * dt
            h[in_rows[k], in_cols[k]] += qin / area
            ledger[L_INFLOW] += qin
        # --- explicit pass (halo rows first), then the implicit faces
        cst[C_GDT] = g * dt
        cst[C_GDTDX] = g * dt / dx
        cst[C_DTDX] = dt / dx
        r = rain_rate * dt
        t += dt
        cst[C_T] = t
        any_implicit = n_deep > 0
        if any_implicit:
            implicit.gather(qx, qy, fi, fj, fy, work)
        _halo(h, qx, qy, z, nman, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin, bounds,
              hfaces, hratio)
        _sweep(h, qx, qy, z, nman, active, zone, side_kind, side_slope, stages, cst, dt, dx, g, hmin, bounds,
               hfaces, hratio, frac, sink, has_sink, r, hmax, vmax, tmax, t, rows_max, rows_umax, rows_sunk,
               rows_bin, rows_bout)
        h_ring, u_ring = 0.0, 0.0
        if any_implicit:
            ring, it = implicit.step(h, qx, qy, zone, cells, adj, fa, fb, fi, fj, fy, work, dt, dx, g, theta, hmin,
                                     hvel, tol, max_iter, hmax, vmax, tmax, t)
            h_ring, u_ring = ring
            stats[0] += it
            stats[1] += 1
        if r != 0.0:
            ledger[L_RAIN] += r * area * frac_sum
            ledger[L_LOSS] += r * area * (n_active - frac_sum)
        vol = dt * dx
        ledger[L_BIN] += rows_bin.sum() * vol
        ledger[L_BOUT] += rows_bout.sum() * vol
        ledger[L_SINK] += rows_sunk.sum() * area
        h_dom = max(rows_max.max(), h_ring)
        u_dom = math.sqrt(max(rows_umax.max(), u_ring * u_ring))  # (the rows hold squared speeds)
        steps += 1
        carry[0] = u_dom
        if use_implicit and steps % _REMARK == 0:
            cells, n_deep, adj, fa, fb, fi, fj, fy, work, ws, h_left = implicit.mark(
                h, qx, qy, z, nman, active, zone, sid, buf, cells, h_implicit, hvel, u2_fast, rows_max, rows_umax, ws)
            stats[2] = max(stats[2], cells.shape[0])
            h_dom = max(h_dom, h_left, _nondeep_max(h, zone, cells))
    return t, steps
