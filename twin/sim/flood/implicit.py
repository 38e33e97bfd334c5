"""Semi-implicit faces around deep water (Casulli-type), so a few deep pits do not set the time step.

The explicit scheme is stable only while ``dt ≤ α·dx/√(g·h)`` on every face; a 5 m deep hole in a DGM
would force ~0.1 s on the whole grid. Faces touching a *deep* cell (depth above a limit H) therefore
take the water-level gradient at the new time level:

    q_f = P_f − K_f·(ϑ·(η_b − η_a) + (1−ϑ)·(η*_b − η*_a)),
    P_f = (θ·q + (1−θ)·q̄)/den,   K_f = g·h_f·dt/(dx·den),   ϑ = :data:`WEIGHT`

(a = west/north cell, b = east/south cell, ``den`` the semi-implicit Manning term), and continuity
``η = η* + dt/dx·Σ ±q_f`` gives a symmetric positive definite system for the levels of the deep cells
and their neighbours (the *ring*), solved by Jacobi-preconditioned conjugate gradients. The
gravity-wave term is then unconditionally stable; every other face stays explicit with a depth of at
most H, so the global step follows from H. Cells whose water runs faster than :data:`FAST`·√(g·H) join
the implicit zone as well: the step also keeps the flow speed's Courant number below α, and on a real
DGM a handful of 1–2 cm films falling down walls and embankments (slopes of 50–170 %, Froude 5–7) would
otherwise set it for half an hour of a design storm. Steady states are those of the explicit scheme (the
same balance of gradient and friction), unlike tricks that damp the gradient term.

The new depths come from the fluxes, not from the solved levels: every face moves one volume out of
one cell into the other, so mass is conserved to round-off whatever the solver's tolerance. Outflows
are limited like the explicit ones, so no cell goes dry below zero.

Zones (``zone`` array, uint8): 0 explicit, 1 ring, 2 deep (or fast).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit, prange

EXPLICIT, RING, DEEP = 0, 1, 2
WEIGHT = 1.0
"""Share of the new level in the gradient (Casulli & Cattani 1994: ≥ 0.5 is unconditionally stable in a
fully implicit model). Here the implicit faces border explicit ones and faces change zone as the water
rises and falls; with 0.6 or 0.8 Thacker's oscillation in a parabola (zone border at 0.5 m inside the
oscillating lake) grew by 64 / 33 % in three periods. 1 (backward Euler) damps instead: 5 % per period
with the border at 0.5 m, 12.5 % with almost all faces implicit (border at 5 cm, 8.6 s steps); the
explicit scheme loses 2 %. Ponding water, what the implicit faces are for, is not affected."""
RTOL = 1e-4
"""The solve stops when the largest level correction of an iteration is below ``max(implicit_tol,
RTOL × the first one)``. What it leaves is amplified in the next step as by an explicit step of the
same (too long) length (×6.5 in a lake at rest), so the absolute floor ``implicit_tol`` (1e-13 m) is what
keeps still water still – with 1e-7 m round-off grew to that size and moved 6e-7 m of water in a lake at
rest. RTOL ends the solve in moving water once the correction has shrunk by 10⁴ (a loop gain far
below 1)."""
FAST = 0.7
"""Cells faster than this share of √(g·H) count as deep. Below 1 because the zones are rebuilt only every
few steps and a film speeds up in between: on the 1 km² test tile (case (c) of bench/bench_flood.py,
H = 0.5 m) the speed still binds 4 400 of 12 900 steps, but only by a few per cent (≤ 1 190 steps per
5 minutes against 1 100 for the depth); without, 7 200 of 14 200, at up to 1 720 per 5 minutes."""
_CW, _FW = 8, 9  # rows per cell (eta, diag, rhs, x, A·p, r, z/p; bed) and per face (see step; n², bed)
_ZC, _N2, _ZF = 7, 7, 8  # the rows that mark() fills once per rebuild: bed per cell, n² and bed per face
_INV_CBRT_MAGIC = 0x553EF10000000000  # this − bits(x)/3 = bits of a first guess of x^(−1/3) (float64, < 3.5 %)


@njit(cache=True, fastmath=True, error_model="numpy")
def row_max(h, i):
    """Largest depth in row ``i`` (full fast math: a max reduction only vectorises without NaN rules;
    the driver checks the depths for NaN)."""
    m = h[i, 0]
    for j in range(1, h.shape[1]):
        m = max(m, h[i, j])
    return m


@njit(cache=True, fastmath=True, error_model="numpy", inline="always")
def _speed2(h, qx, qy, i, j, hvel):
    """Squared flow speed of cell (i, j); 0 where it holds less than ``hvel``."""
    hs = max(h[i, j], hvel)
    u = qx[i, j] + qx[i, j + 1]
    v = qy[i, j] + qy[i + 1, j]
    return (u * u + v * v) / (4.0 * hs * hs) * (h[i, j] > hvel)


@njit(cache=True, parallel=True, fastmath=True, error_model="numpy")
def rows_depth(h, out):
    """Largest depth of each row into ``out`` (what the sweep records for the explicit cells)."""
    for i in prange(h.shape[0]):
        out[i] = row_max(h, i)


@njit(cache=True, parallel=True, fastmath=True, error_model="numpy")
def rows_speed2(h, qx, qy, hvel, out):
    """Largest squared flow speed of each row into ``out`` (what the sweep records for the explicit cells)."""
    for i in prange(h.shape[0]):
        m = 0.0
        for j in range(h.shape[1]):
            m = max(m, _speed2(h, qx, qy, i, j, hvel))
        out[i] = m


@njit(cache=True)
def workspace(ny, capacity=1024):
    """Scratch arrays of :func:`mark` and :func:`step` for up to ``capacity`` zone cells (mark() grows them).
    Kept across zone rebuilds: fresh arrays each rebuild cost ~1.5 ms per 12 000 cells in page faults
    (the kernel zeroes every new page), more than the rebuild itself."""
    cap = capacity
    nfc = 2 * cap
    return (np.empty((cap, 2), np.int64), np.empty((cap, 4), np.int64), np.empty((cap, 4), np.int64),
            np.empty((cap, 4)), np.empty(cap, np.int64), np.empty(nfc, np.int64), np.empty(nfc, np.int64),
            np.empty(nfc, np.int64), np.empty(nfc, np.int64), np.empty(nfc, np.bool_), np.zeros((_CW, cap + 1)),
            np.zeros((_FW, nfc + 1)), np.empty(ny, np.int64), np.empty(ny, np.int64))


@njit(cache=True)
def mark(h, qx, qy, z, nman, active, zone, sid, buf, old_cells, limit, hvel, u2_limit, rows_h, rows_u2, ws):
    """Rebuild the zones from the depths and speeds: deep cells (``h > limit`` or a squared speed above
    ``u2_limit``), their active neighbours (ring) and the implicit faces (every interior face with a deep
    cell on one side). ``rows_h`` and ``rows_u2`` are the largest depth and squared speed per row outside
    the old zone (the sweep records them; :func:`rows_depth`, :func:`rows_speed2` before the first one):
    only rows above a limit are searched cell by cell, and the cells of the old zone.

    ``zone`` holds the old zones of ``old_cells`` (cleared first); ``sid`` must be −1 everywhere and is
    left so; ``buf`` is int64 scratch of the grid's size; ``ws`` comes from :func:`workspace` (or the last
    call). Returns ``(cells, n_deep, adj, fa, fb, fi, fj, fy, work, ws, h_left)``: cells ``(n, 2)`` in row-major
    order; ``adj`` = (neighbour, face, sign), each ``(n, 4)``: per cell up to four implicit faces, the
    cell across and +1 where the face's positive flow leaves the cell (−1 where it enters); unused slots
    point to the dummy cell ``n`` and dummy face ``nf`` (sign 0), whose scratch values stay 0, so the loops
    over them need no branch. Per face the two cell numbers (a west/north of b), the face's index in
    ``qx``/``qy`` and whether it is a north/south face; ``work`` holds the scratch rows of :func:`step`
    (views into ``ws``, whose rows are longer than n + 1 and nf + 1) and what does not change between
    rebuilds: the bed ``z`` of each cell, and per face the higher bed of its two cells and the square of
    their mean Manning ``nman`` (gathered from the grids once, not per step). ``ws`` is returned because
    it is replaced when the zone outgrows it; ``cells`` and the face arrays are views into it, so
    ``old_cells`` is overwritten here: ``h_left`` is the largest depth of its cells that are deep no more."""
    ny, nx = h.shape
    for k in range(old_cells.shape[0]):
        zone[old_cells[k, 0], old_cells[k, 1]] = EXPLICIT
    n_deep = 0
    for i in range(ny):
        fast_row = rows_u2[i] > u2_limit
        if not fast_row and rows_h[i] <= limit:
            continue
        for j in range(nx):
            if active[i, j] and (h[i, j] > limit or (fast_row and _speed2(h, qx, qy, i, j, hvel) > u2_limit)):
                zone[i, j] = DEEP
                buf[n_deep] = i * nx + j
                n_deep += 1
    h_left = 0.0  # largest depth of the old zone's cells that are no longer deep
    for k in range(old_cells.shape[0]):  # the old zone is in neither rows_h nor rows_u2
        i, j = old_cells[k, 0], old_cells[k, 1]
        if zone[i, j] == EXPLICIT and active[i, j] and (h[i, j] > limit
                                                        or _speed2(h, qx, qy, i, j, hvel) > u2_limit):
            zone[i, j] = DEEP
            buf[n_deep] = i * nx + j
            n_deep += 1
        elif zone[i, j] != DEEP:
            h_left = max(h_left, h[i, j])
    # ring cells after the deep ones
    n = n_deep
    for k in range(n_deep):
        i, j = buf[k] // nx, buf[k] % nx
        for di, dj in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            a, b = i + di, j + dj
            if 0 <= a < ny and 0 <= b < nx and active[a, b] and zone[a, b] == EXPLICIT:
                zone[a, b] = RING
                buf[n] = a * nx + b
                n += 1
    if n > ws[0].shape[0]:
        ws = workspace(ny, max(n, 2 * ws[0].shape[0]))
    cells, nb, fc, sg, deg, fa, fb, fi, fj, fy, cbuf, fbuf, jlo, jhi = ws
    # row-major order: the zone's column span per row, then its zone cells left to right (an insertion
    # sort of the buffer per row was quadratic: ring cells come after a row's deep cells)
    jlo[:] = nx
    jhi[:] = -1
    for k in range(n):
        i, j = buf[k] // nx, buf[k] % nx
        jlo[i] = min(jlo[i], j)
        jhi[i] = max(jhi[i], j)
    k = 0
    for i in range(ny):
        for j in range(jlo[i], jhi[i] + 1):
            if zone[i, j] != EXPLICIT:
                cells[k, 0] = i
                cells[k, 1] = j
                sid[i, j] = k
                k += 1
    deg[:n] = 0  # per cell its faces in slots 0..deg-1: the cell across, the face, +1 where the face's
    nb[:n] = n   # positive flow leaves the cell (it is a)
    sg[:n] = 0.0
    nf = 0
    for k in range(n):  # each face is listed by its east/south cell
        i, j = cells[k, 0], cells[k, 1]
        for north in (False, True):
            if north:
                a = sid[i - 1, j] if i > 0 else -1
                deep_side = a >= 0 and zone[i - 1, j] == DEEP
            else:
                a = sid[i, j - 1] if j > 0 else -1
                deep_side = a >= 0 and zone[i, j - 1] == DEEP
            if a >= 0 and (zone[i, j] == DEEP or deep_side):
                fa[nf], fb[nf], fi[nf], fj[nf], fy[nf] = a, k, i, j, north
                for c, other, sign in ((a, k, 1.0), (k, a, -1.0)):
                    s = deg[c]
                    nb[c, s], fc[c, s], sg[c, s] = other, nf, sign
                    deg[c] = s + 1
                nf += 1
    for k in range(n):
        sid[cells[k, 0], cells[k, 1]] = -1
        for s in range(deg[k], 4):
            fc[k, s] = nf  # the dummy face
    cbuf[:, n] = 0.0  # the dummies (their rows are views up to n + 1 and nf + 1)
    fbuf[:, nf] = 0.0
    zc, n2, zf = cbuf[_ZC], fbuf[_N2], fbuf[_ZF]
    for k in range(n):
        zc[k] = z[cells[k, 0], cells[k, 1]]
    for f in range(nf):
        i, j = fi[f], fj[f]
        i0, j0 = (i - 1, j) if fy[f] else (i, j - 1)
        zf[f] = max(z[i0, j0], z[i, j])
        nm = 0.5 * (nman[i0, j0] + nman[i, j])
        n2[f] = nm * nm
    return (cells[:n], n_deep, (nb[:n], fc[:n], sg[:n]), fa[:nf], fb[:nf], fi[:nf], fj[:nf], fy[:nf],
            (cbuf, fbuf), ws, h_left)


@njit(cache=True, parallel=True)
def gather(qx, qy, fi, fj, fy, work):
    """Discharges of the implicit faces and the θ-averages of their neighbours into ``work``, taken
    before the explicit pass overwrites them (it writes 0 on these faces)."""
    q_old = work[1][0]
    q_avg = work[1][1]
    for f in prange(fi.size):
        i, j = fi[f], fj[f]
        if fy[f]:
            q_old[f] = qy[i, j]
            q_avg[f] = 0.5 * (qy[i - 1, j] + qy[i + 1, j])
        else:
            q_old[f] = qx[i, j]
            q_avg[f] = 0.5 * (qx[i, j - 1] + qx[i, j + 1])


@njit(cache=True, parallel=True, fastmath=True)
def _matvec_dot(p, diag, w, nb, fc, out):
    """out = A·p (A = diag − Σ w over the cell's faces) for the ``out.size`` cells, returns p·out
    (``p[n]`` and ``w[nf]``, the dummies of the unused slots, are 0)."""
    s = 0.0
    for k in prange(out.size):
        v = diag[k] * p[k] - (w[fc[k, 0]] * p[nb[k, 0]] + w[fc[k, 1]] * p[nb[k, 1]]
                              + w[fc[k, 2]] * p[nb[k, 2]] + w[fc[k, 3]] * p[nb[k, 3]])
        out[k] = v
        s += p[k] * v
    return s


@njit(cache=True, parallel=True, fastmath=True)
def _cg_update(x, r, zr, p, ap, diag, al):
    """x += al·p, r −= al·Ap, zr = r/diag; returns (largest |zr|, r·zr)."""
    err = 0.0
    rz = 0.0
    for k in prange(x.size):
        x[k] += al * p[k]
        r[k] -= al * ap[k]
        zr[k] = r[k] / diag[k]
        err = max(err, abs(zr[k]))
        rz += r[k] * zr[k]
    return err, rz


@njit(cache=True, parallel=True, fastmath=True)
def _cg_direction(p, zr, be):
    for k in prange(p.size):
        p[k] = zr[k] + be * p[k]


@njit(cache=True)
def _inv_cbrt_guess(x, out):
    """Bits of ``out`` = magic − bits(x)/3: x^(−1/3) within 3.5 % (serial: numba's parallel loops do not
    write through an array's ``view``)."""
    bits = out.view(np.int64)
    xb = x.view(np.int64)
    for f in range(x.size):
        bits[f] = _INV_CBRT_MAGIC - xb[f] // 3


@njit(cache=True, parallel=True, fastmath=True)
def _inv_cbrt(x, out):
    """``out`` = x^(−1/3) (x > 0): the bit-trick guess refined by four Newton steps r ← r·(4/3 − (x/3)·r³)
    (quadratic convergence: 3.5 % → 2e-3 → 1e-5 → 3e-10 → round-off), multiplications only, so it
    vectorises; numba's ``np.cbrt`` calls libm per value (26 ns, more than all the rest of a face's
    coefficients)."""
    _inv_cbrt_guess(x, out)
    for f in prange(x.size):
        r = out[f]
        x3 = x[f] * (1.0 / 3.0)
        for _ in range(4):
            r = r * (4.0 / 3.0 - x3 * r * r * r)
        out[f] = r


@njit(cache=True, parallel=True)
def _coefficients(h, cells, fa, fb, zc, zf, n2, q_old, q_avg, eta, P, K, hfr, dt, dx, g, theta, hmin):
    """Levels of the zone's cells and P, K of its faces (see the module docstring); ``zc``, ``zf`` and
    ``n2`` are the beds of the cells, the higher bed and n² of the faces (see :func:`mark`), ``hfr`` is a
    scratch row of the faces; ``P``/``K`` of the dummy face (index ``fa.size``) stay 0."""
    n = cells.shape[0]
    nf = fa.size
    for k in prange(n):
        eta[k] = zc[k] + h[cells[k, 0], cells[k, 1]]
    for f in prange(nf):
        hfr[f] = max(eta[fa[f]], eta[fb[f]]) - zf[f]
        K[f] = max(hfr[f], hmin)  # (the root's argument, positive)
    _inv_cbrt(K[:nf], P[:nf])
    for f in prange(nf):
        hf = hfr[f]
        if hf <= hmin:
            P[f] = 0.0
            K[f] = 0.0
        else:  # gradient weighted WEIGHT new, 1 − WEIGHT current level: K·Δη* moves into P
            den = 1.0 + g * dt * n2[f] * abs(q_old[f]) * P[f] / (hf * hf)
            k = g * hf * dt / (dx * den)
            P[f] = (theta * q_old[f] + (1.0 - theta) * q_avg[f]) / den - (1.0 - WEIGHT) * k * (eta[fb[f]] - eta[fa[f]])
            K[f] = WEIGHT * k


@njit(cache=True, parallel=True)
def _system(eta, P, K, fc, sg, c, w, diag, rhs, x):
    """Weights c·K per face; diagonal, right-hand side and start value per cell. The start is the
    right-hand side (the levels without the new gradient's share of the fluxes): still water then starts
    from its exact solution. Starting from the levels the old discharges give saved no iterations and
    let round-off below the tolerance drive 1e-7 m²/s fluxes in a lake at rest."""
    for f in prange(K.size):  # (the dummy face included: 0)
        w[f] = c * K[f]
    for k in prange(x.size):
        d = 1.0
        b = 0.0
        for m in range(4):
            f = fc[k, m]
            d += w[f]
            b += sg[k, m] * P[f]  # the face's positive flow leaves a (sign +1), enters b
        diag[k] = d
        rhs[k] = eta[k] - c * b
        x[k] = rhs[k]


@njit(cache=True)
def step(h, qx, qy, zone, cells, adj, fa, fb, fi, fj, fy, work, dt, dx, g, theta, hmin, hvel, tol, max_iter,
         hmax, vmax, tmax, t_new):
    """Advance the implicit faces and the depths of the deep and ring cells by ``dt``; ``h`` holds the
    depths after the explicit pass, ``work`` the discharges from :func:`gather`. Updates the maxima of
    these cells. Returns ((largest ring depth, largest ring speed), CG iterations)."""
    n = cells.shape[0]
    if n == 0:
        return (0.0, 0.0), 0
    c = dt / dx
    nb, fc, sg = adj
    cw, fw = work  # rows of n + 1 cells and nf + 1 faces (and more): the dummies at n and nf stay 0
    n1, nf1 = n + 1, fa.size + 1
    eta, diag, rhs, x, ap, r, zr = cw[0][:n1], cw[1][:n], cw[2][:n], cw[3][:n1], cw[4][:n], cw[5][:n], cw[6][:n]
    q_old, q_avg, P, K = fw[0][:nf1], fw[1][:nf1], fw[2][:nf1], fw[3][:nf1]
    w, qn, hfr = fw[4][:nf1], fw[5][:nf1], fw[6][:nf1]
    _coefficients(h, cells, fa, fb, cw[_ZC], fw[_ZF], fw[_N2], q_old, q_avg, eta, P, K, hfr, dt, dx, g, theta,
                  hmin)
    _system(eta, P, K, fc, sg, c, w, diag, rhs, x[:n])
    # Jacobi-preconditioned conjugate gradients
    _matvec_dot(x, diag, w, nb, fc, ap)
    for k in range(n):
        r[k] = rhs[k] - ap[k]
    err, rz = _cg_update(x[:n], r, zr, ap, ap, diag, 0.0)  # zr = r/diag (no BLAS dot: its threads would
    it = 0                                                  # compete with numba's for the cores)
    tol = max(tol, RTOL * err)
    if err > tol:
        p = eta  # the levels are not needed any more: their row holds the search direction
        p[:n] = zr
        while it < max_iter:
            it += 1
            pap = _matvec_dot(p, diag, w, nb, fc, ap)
            if pap <= 0.0:
                break
            err, rz_new = _cg_update(x[:n], r, zr, p, ap, diag, rz / pap)
            if err <= tol:
                break
            _cg_direction(p[:n], zr, rz_new / rz)
            rz = rz_new
    ratio = cw[1]  # free as well (the diagonal)
    return _apply(h, qx, qy, zone, cells, fc, sg, fa, fb, fi, fj, fy, P, K, x, qn, ratio, c, hvel, hmax, vmax,
                  tmax, t_new), it


@njit(cache=True, parallel=True)
def _apply(h, qx, qy, zone, cells, fc, sg, fa, fb, fi, fj, fy, P, K, x, qn, ratio, c, hvel, hmax, vmax, tmax,
           t_new):
    """Fluxes from the solved levels, limited by the water each cell holds after the explicit pass;
    new depths from the fluxes (conservative), maxima (``vmax``: squared speeds). Returns (largest ring
    depth, largest ring speed)."""
    n = cells.shape[0]
    nf = fa.size
    for f in prange(nf):
        qn[f] = P[f] - K[f] * (x[fb[f]] - x[fa[f]])
    for k in prange(n):
        out = 0.0
        for m in range(4):
            out += max(sg[k, m] * qn[fc[k, m]], 0.0)  # (the dummy face's qn stays 0)
        out *= c
        hk = h[cells[k, 0], cells[k, 1]]
        ratio[k] = hk / out if out > hk else 1.0
    for f in prange(nf):
        q = qn[f]
        q = max(q, 0.0) * ratio[fa[f]] + min(q, 0.0) * ratio[fb[f]]
        qn[f] = q
        if fy[f]:
            qy[fi[f], fj[f]] = q
        else:
            qx[fi[f], fj[f]] = q
    h_ring = 0.0
    u_ring = 0.0
    for k in prange(n):
        i, j = cells[k, 0], cells[k, 1]
        dh = 0.0
        for m in range(4):
            dh -= sg[k, m] * qn[fc[k, m]]
        hn = max(h[i, j] + c * dh, 0.0)
        h[i, j] = hn
        if hn > hmax[i, j]:
            hmax[i, j] = hn
            tmax[i, j] = t_new
        sp2 = _speed2(h, qx, qy, i, j, hvel)
        if sp2 > vmax[i, j]:
            vmax[i, j] = sp2
        if zone[i, j] == RING:
            h_ring = max(h_ring, hn)
            u_ring = max(u_ring, sp2)
    return h_ring, math.sqrt(u_ring)
