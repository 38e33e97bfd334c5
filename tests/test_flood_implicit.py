"""The semi-implicit faces around deep water (twin.sim.flood.implicit): same physics as the explicit
scheme, much longer steps when a few deep pits would set the CFL step, exact mass balance whatever the
solver's tolerance, and still water stays still across the explicit/ring/deep zones.

The last point is what sub-cycling the deep cells (an earlier attempt) got wrong: with the ring faces
advanced at the coarse step and the inner ones in sub-steps, round-off at the ring grew from 1e-14 to
0.3 m/s in 800 s (a multirate resonance). One implicit system has no such interface."""

from __future__ import annotations

import numpy as np
import pytest

from tests import thacker
from twin.sim.flood import Boundary, FloodInputs, FloodParams, Inflow, TimeSeries, run_flood

MM_PER_H = 1e-3 / 3600.0


def _pit_catchment() -> np.ndarray:
    """60 × 60 cells at 2 m: a bowl falling 1 % towards a 4 m deep, 4 × 4 cell pit (a shaft in a DGM)
    off its centre, with a shallow hollow on one flank."""
    y, x = np.mgrid[0:60, 0:60] * 2.0
    z = 10.0 + 0.01 * np.hypot(x - 70.0, y - 60.0)
    z[28:32, 33:37] -= 4.0
    z -= 0.3 * np.exp(-((x - 30.0) ** 2 + (y - 90.0) ** 2) / 10.0**2)
    return z


def _pit_inputs() -> FloodInputs:
    """25 mm of rain (360 m³) into the closed bowl: the pit (256 m³) overflows into a shallow lake."""
    return FloodInputs(z=_pit_catchment(), dx=2.0, manning=0.03,
                       rain=TimeSeries(np.array([0.0, 900.0]), np.array([100 * MM_PER_H, 0.0])))


@pytest.fixture(scope="module")
def pit_runs():
    inp = _pit_inputs()
    explicit = run_flood(inp, FloodParams(duration=1800.0, implicit_depth=None))
    implicit = run_flood(inp, FloodParams(duration=1800.0, implicit_depth=0.3))
    return explicit, implicit


def test_deep_pit_no_longer_sets_the_step(pit_runs):
    """The pit fills to ~4 m: explicit steps follow √(g·4 m), implicit ones √(g·0.3 m) (or the speed)."""
    explicit, implicit = pit_runs
    assert explicit.implicit_steps == 0 and explicit.implicit_cells == 0
    assert implicit.implicit_steps > 0 and 16 <= implicit.implicit_cells <= 200
    assert explicit.max_depth.max() > 3.5
    assert implicit.steps < 0.5 * explicit.steps, (implicit.steps, explicit.steps)


def test_deep_pit_implicit_agrees_with_explicit(pit_runs):
    """Same water, same places: pit level within 2 mm, max depth everywhere within 1 cm, the same
    time of the highest level in the lake around the pit within 30 s."""
    explicit, implicit = pit_runs
    pit = (slice(28, 32), slice(33, 37))
    assert implicit.h[pit].mean() == pytest.approx(explicit.h[pit].mean(), abs=2e-3)
    assert np.abs(implicit.max_depth - explicit.max_depth).max() < 0.01
    lake = (explicit.max_depth > 0.05) & (explicit.max_depth < 3.0)
    assert lake.sum() > 20
    assert np.abs(implicit.time_of_max_depth - explicit.time_of_max_depth)[lake].max() < 30.0
    for r in pit_runs:
        assert r.balance.relative_error < 1e-12
        assert r.h.min() >= 0.0


def test_mass_balance_does_not_depend_on_the_solver_tolerance(pit_runs):
    """Depths come from the face fluxes, not from the solved levels: a solver stopped far too early
    (1 cm) still conserves the water to round-off, and nothing goes negative."""
    r = run_flood(_pit_inputs(), FloodParams(duration=1800.0, implicit_depth=0.3, implicit_tol=1e-2))
    tight = pit_runs[1]
    assert r.implicit_steps > 0
    assert r.cg_iterations < 0.6 * tight.cg_iterations  # the loose tolerance did cut the iterations
    assert r.balance.relative_error < 1e-12
    assert r.h.min() >= 0.0


@pytest.mark.parametrize("dtype, speed_tol, h_tol", [(np.float64, 1e-8, 1e-9), (np.float32, 1e-6, 1e-6)])
def test_still_lake_across_zones_stays_still(dtype, speed_tol, h_tol):
    """A nearly frictionless lake 0.05–3 m deep (explicit, ring and deep cells all under one surface)
    with 1e-9 m noise stays still for 3000 s, as the explicit scheme does (float64: speeds 1.3e-9 m/s,
    levels move 5e-10 m while the noise evens out; float32: 1.2e-7 m, no speed above 1 µm/s).

    Two ways this broke while the solver was built: sub-cycling the deep cells (resonance at the ring,
    see the module docstring), and an absolute-only stop of the CG solve at 1e-7 m – the error it leaves
    grows ×6.5 in the next step (it acts like an explicit step of the long length), so round-off rose to
    1e-7 m and moved 6e-7 m of water in a lake at rest."""
    ny, nx, dx = 40, 60, 5.0
    y, x = np.mgrid[0:ny, 0:nx] * dx
    z = -2.0 * np.exp(-((x - 150.0) ** 2 + (y - 100.0) ** 2) / 50.0**2) \
        + 0.95 * np.exp(-((x - 60.0) ** 2 + (y - 60.0) ** 2) / 20.0**2)
    h0 = np.maximum(1.0 - z, 0.0) + np.random.default_rng(1).random(z.shape) * 1e-9
    r = run_flood(FloodInputs(z=z, dx=dx, manning=0.001, h0=h0),
                  FloodParams(duration=3000.0, implicit_depth=0.5, h_velocity_min=1e-6, dtype=dtype))
    assert h0.max() > 2.9 and h0.min() < 0.1
    assert r.implicit_steps == r.steps and r.implicit_cells > 500
    assert r.max_speed.max() < speed_tol
    assert np.abs(r.h - h0).max() < h_tol


@pytest.mark.parametrize("h_implicit, periods, damping", [(0.05, 1, (0.85, 0.92)), (0.5, 3, (0.8, 0.9))])
def test_thacker_with_implicit_faces(h_implicit, periods, damping):
    """Thacker's planar surface in a frictionless parabola (see test_flood_solver): with almost every wet
    face implicit (deeper than 5 cm, steps ~4× the explicit ones) the surface after one period is within
    1.5 cm (RMSE) and keeps its phase; its slope is damped by backward Euler to 0.875 of the exact
    one (explicit: 0.98). With the zone border inside the lake (0.5 m) for three periods: damped to
    0.87, never amplified – a weighting of 0.8 instead of 1 (:data:`implicit.WEIGHT`) grew it to 1.33."""
    t_end = periods * thacker.PERIOD
    r = run_flood(thacker.inputs(), FloodParams(duration=t_end, implicit_depth=h_implicit))
    assert r.implicit_steps > 0
    if periods == 1:
        ex = run_flood(thacker.inputs(), FloodParams(duration=t_end, implicit_depth=None))
        assert r.steps < 0.5 * ex.steps
    rmse, slope, expected = thacker.compare(r, t_end)
    assert rmse < 0.015, rmse
    assert damping[0] < slope / expected < damping[1]
    assert r.balance.relative_error < 1e-9


def _wall_inputs(q: float) -> FloodInputs:
    """20 × 60 cells at 1 m, a 1 % slope with grass (n = 0.05) and a 2 m high wall face (smooth, n = 0.015)
    across the middle; ``q`` m²/s enter along the west edge, the east edge drains freely. Up- and
    downstream the flow is subcritical; on the wall face a 1–2 cm film falls at 4–5 m/s."""
    y, x = np.mgrid[0:20, 0:60] * 1.0
    z = 5.0 - 0.01 * x
    z[:, 29] -= 1.0
    z[:, 30:] -= 2.0
    n = np.full(z.shape, 0.05)
    n[:, 28:32] = 0.015
    hydro = TimeSeries(np.array([0.0, 900.0]), np.array([q, q]))
    return FloodInputs(z=z, dx=1.0, manning=n, inflows=[Inflow(i, 0, hydro) for i in range(20)],
                       boundaries={"east": Boundary("open", slope=0.01)})


def test_fast_film_down_a_wall_no_longer_sets_the_step():
    """Cells faster than implicit.FAST·√(g·H) join the implicit zone although nothing is 0.5 m deep: a
    third fewer steps, and the same steady flow – depths up- and downstream of the wall within 3 mm of
    the explicit run (the drawdown towards the brink differs most), downstream within 2 mm of Manning's
    normal depth (q·n/√S)^0.6 = 8.1 cm; max depth within 1.5 cm everywhere."""
    inp = _wall_inputs(0.03)
    explicit = run_flood(inp, FloodParams(duration=900.0, implicit_depth=None))
    implicit = run_flood(inp, FloodParams(duration=900.0, implicit_depth=0.5))
    assert implicit.max_depth.max() < 0.5 and implicit.implicit_cells >= 20
    assert explicit.implicit_cells == 0
    assert implicit.steps < 0.8 * explicit.steps, (implicit.steps, explicit.steps)
    for reach in (slice(5, 26), slice(35, 60)):
        assert np.abs(implicit.h[:, reach] - explicit.h[:, reach]).max() < 3e-3
    normal = (0.03 * 0.05 / 0.1) ** 0.6
    assert np.abs(implicit.h[:, 40:55] - normal).max() < 2e-3
    assert np.abs(implicit.max_depth - explicit.max_depth).max() < 0.015
    for r in (explicit, implicit):
        assert r.balance.relative_error < 1e-12
        assert r.h.min() >= 0.0


def test_kernel_cache_follows_the_inlined_sources():
    """kernels.advance compiles implicit.py and faces.py in; numba's on-disk cache only sees kernels.py
    change, so kernels.py carries their hashes (update them with every change of those files)."""
    import hashlib
    from pathlib import Path

    from twin.sim.flood import faces, implicit, kernels

    for module in (implicit, faces):
        path = Path(module.__file__)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert kernels.INLINED_SOURCE_SHA256[path.name] == digest, \
            f"INLINED_SOURCE_SHA256[\"{path.name}\"] = \"{digest}\" in kernels.py setzen"


def test_fast_inverse_cube_root_matches_numpy_to_a_few_ulp():
    """The friction term's h_f^(−1/3) (bit-trick guess and four Newton steps, in place of numba's slow libm
    call) agrees with ``1/np.cbrt`` over the depths a face can have, 1e-5 m (the flux threshold) to 100 m,
    also when it writes into a row of a larger scratch array as in the solver."""
    from twin.sim.flood import implicit

    h = np.concatenate([np.logspace(-5, 2, 20001), [1e-5, 0.5, 1.0, 8.0]])
    scratch = np.zeros((2, h.size + 1))
    scratch[0, : h.size] = h
    implicit._inv_cbrt(scratch[0, : h.size], scratch[1, : h.size])
    exact = 1.0 / np.cbrt(h)
    assert np.max(np.abs(scratch[1, : h.size] - exact) / np.spacing(exact)) <= 8
    assert scratch[1, -1] == 0.0  # nothing written past the faces (the dummy face stays 0)


def _rebuild(h, ws, old, limit=0.5):
    """Zones of depth grid ``h`` (all cells active, still water) from old cells ``old``; flat bed."""
    from twin.sim.flood import implicit

    ny, nx = h.shape
    qx, qy = np.zeros((ny, nx + 1)), np.zeros((ny + 1, nx))
    z, nman, active = np.zeros((ny, nx)), np.full((ny, nx), 0.03), np.ones((ny, nx), np.bool_)
    zone = np.zeros((ny, nx), np.uint8)
    zone[old[:, 0], old[:, 1]] = implicit.RING
    rows_h = np.where(zone == 0, h, 0.0).max(axis=1)  # as the sweep records them: without the old zone
    sid, buf = np.full((ny, nx), -1, np.int64), np.zeros(ny * nx, np.int64)
    return implicit.mark(h, qx, qy, z, nman, active, zone, sid, buf, old, limit, 0.01, 1e9, rows_h, np.zeros(ny),
                         ws), zone, sid


def test_zone_rebuild_in_a_reused_workspace():
    """mark() keeps its arrays from one rebuild to the next (fresh ones cost more in page faults than the
    rebuild): a zone in a reused, grown or shrunk workspace is the one a fresh workspace gives, cells in
    row-major order, the dummy cell and face are 0, and the depth of old cells that left the zone is
    reported (their arrays are overwritten)."""
    from twin.sim.flood import implicit

    rng = np.random.default_rng(7)
    ny, nx = 40, 50
    grids = [rng.uniform(0.0, 0.55, (ny, nx)) for _ in range(3)]  # zones of ~300, then fewer/more cells
    grids[1][grids[1] > 0.52] = 0.0
    ws = implicit.workspace(ny, capacity=16)
    old = np.zeros((0, 2), np.int64)
    for h in grids:
        before = old.copy()  # old is a view into ws: mark() overwrites it
        ws[-4][:] = 7.0  # step() leaves its scratch rows (views into ws) full of values
        ws[-3][:] = 7.0
        (cells, n_deep, adj, fa, fb, fi, fj, fy, work, ws, h_left), zone, sid = _rebuild(h, ws, old)
        (f_cells, f_deep, f_adj, f_fa, f_fb, f_fi, f_fj, f_fy, f_work, _, _), f_zone, _ = _rebuild(
            h, implicit.workspace(ny), np.zeros((0, 2), np.int64))
        deep = h > 0.5
        assert n_deep == f_deep == deep.sum() and np.array_equal(zone, f_zone)
        assert np.array_equal(cells, f_cells) and np.array_equal(cells, np.argwhere(zone != 0))
        for a, b in zip((*adj, fa, fb, fi, fj, fy), (*f_adj, f_fa, f_fb, f_fi, f_fj, f_fy)):
            assert np.array_equal(a, b)
        n, nf = cells.shape[0], fa.size
        assert np.all(work[0][:, n] == 0.0) and np.all(work[1][:, nf] == 0.0)
        assert np.all(adj[0][adj[2] == 0] == n) and np.all(adj[1][adj[2] == 0] == nf)
        assert np.all(sid == -1)
        left = [h[i, j] for i, j in before if not deep[i, j]]
        assert left and h_left == max(left) or not before.size
        old = cells
    assert ws[0].shape[0] >= max(np.count_nonzero(g > 0.5) for g in grids)  # grown beyond 16
