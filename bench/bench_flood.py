"""Heavy rain (Starkregen) solver: cell updates per second vs landlab's OverlandFlow, memory bandwidth, 1 km² · 1 h.

Three measurements in one process, all restricted to 2 threads (``NUMBA_NUM_THREADS`` and
``OMP_NUM_THREADS`` are set to 2 before numpy/numba are imported):

a) **Throughput vs landlab.** The same synthetic DEM (1 m cells, a 1 % plane with 0.4 m undulations on
   40–90 m wavelengths and rectangular building blocks on ~12 % of the area), the same rain (100 mm/h for
   600 s), Manning n = 0.03, θ = 0.8, α = 0.7, closed sides, first time step capped at 10 s for both,
   at 500 × 500 and 1000 × 1000 cells.

   * ``ours`` – :func:`twin.sim.flood.run_flood` (numba, float64 and float32), buildings as ``blocked``
     (no-flow) cells; median of ``--repeats`` runs after a warm-up run that compiles the kernels.
   * ``landlab`` – ``landlab.components.OverlandFlow`` (de Almeida et al. 2012, numpy/cython), buildings as
     closed nodes, grid padded by one ring of closed nodes. The driver calls ``overland_flow(dt)`` with
     ``dt = min(calc_time_step(), 10 s, rest)``, which is exactly one internal step each time, so the
     number of calls *is* landlab's number of real time steps; each step also updates the max depth
     (``np.maximum``, ~1 % of the step), which ours does inside its kernel. One run (it is the slow one).
     At 1000² landlab runs a shorter model time (``--landlab-big-seconds``, default 120 s); cell
     updates/s stay comparable (a step costs the same whatever its length; only the number of steps
     depends on the model time).

   Cell updates = time steps × cells of the grid (buildings included, both count them the same way).
   Agreement: max depth of both after the same model time, |Δ| max and 99th percentile over the cells that
   either got wet (> 1 mm), at 500² (full 600 s).

b) **Memory bandwidth.** STREAM-like triad ``a = b + s·c`` in float64 on 3 arrays of 2²⁵ elements (256 MB
   each, ≫ cache): once with numpy (two ufunc passes with ``out=``), once as a numba ``prange`` kernel
   (2 threads, the reference). GB/s counts 3 × 8 bytes per element (STREAM convention; the write-allocate
   read of ``a`` is not counted). Best of 10. Then bytes per cell update of our solver ×
   our cell updates/s (1000², float64 and float32) = the bandwidth the solver achieves, in % of the numba
   triad. Bytes per cell update come from ``twin.sim.flood.kernels.bytes_per_cell_update(dtype)``
   (the kernel's own count of the arrays each step streams); a kernel without it gets the estimate
   :data:`FALLBACK_VALUES_PER_CELL` values (documented there).

c) **End-to-end goal: 1 km² at 1 m through a 1-hour design storm in < 60 s.** The real DGM1 tile
   ``sample_data/real/BY_DGM1_690_5335.tif`` (1000 × 1000, read with rasterio), synthetic building blocks
   (no-flow, ~6 % of the area), open sides, runoff fraction 1, an Euler-II-like 1-hour hyetograph of
   twelve 5-min blocks, 40 mm in all, 14 mm in the 4th block (peak at 1/3), 3600 s simulated; float32
   (the target) with implicit faces around cells deeper than 0.5 m (the default) and fully explicit,
   float64 with implicit faces. Wall time of ``run_flood`` (kernels already compiled), the max depth and
   the max-depth difference implicit vs. explicit.

    python -m bench.bench_flood                 # full run (several minutes on 2 cores)
    python -m bench.bench_flood --quick         # small grids, short model times (smoke test)
"""

from __future__ import annotations

import os

THREADS = 2
os.environ["NUMBA_NUM_THREADS"] = str(THREADS)
os.environ["OMP_NUM_THREADS"] = str(THREADS)
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))

import argparse  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MM_PER_H = 1e-3 / 3600.0
RAIN = 100 * MM_PER_H
MANNING, THETA, ALPHA, DT_MAX = 0.03, 0.8, 0.7, 10.0
SEED = 20240611
#: Fallback when the kernel module has no ``bytes_per_cell_update``: values (of the solver's float type)
#: one step streams per cell in the first kernel (commit 2aa4cf8): rain (h r/w, frac), copies of qx, qy
#: (r/w each), x and y momentum (h, z, n, old q, new q each), flux limiter (qx, qy, h → ratio; then qx,
#: ratio → qx and qy, ratio → qy), continuity (h, qx, qy, sink → h, max depth r/w, max speed); about 35
#: values plus ~4 bytes of masks. An estimate, not a measurement.
FALLBACK_VALUES_PER_CELL = 35
TRIAD_N = 1 << 25
STORM_MM = np.array([1.5, 2.0, 3.0, 14.0, 5.0, 3.5, 3.0, 2.5, 2.0, 1.5, 1.0, 1.0])  # 5-min blocks, 40 mm
SAMPLE_DEM = ROOT / "sample_data" / "real" / "BY_DGM1_690_5335.tif"

HEADERS = ["Größe", "Variante", "Modellzeit [s]", "Zeitschritte", "Wandzeit [s]", "Zellupdates/s [Mio.]",
           "vs. landlab"]
BW_HEADERS = ["Messung", "Variante", "Bytes/Element bzw. Zellupdate", "Rate", "GB/s", "% der Triade (numba)"]
CC_HEADERS = ["Messung", "1 Thread [ms]", "2 Threads [ms]", "Beschleunigung"]
E2E_HEADERS = ["Fall", "Genauigkeit", "implizit ab", "Zeitschritte", "mittl. Δt [s]", "Wandzeit [s]", "Ziel 60 s",
               "implizite Zellen (max.)", "CG-Iter./Schritt", "max. Tiefe [m]", "Massenfehler (rel.)"]


# ----------------------------------------------------------------------------- inputs
def synth_city(n: int, seed: int = SEED, coverage: float = 0.12) -> tuple[np.ndarray, np.ndarray]:
    """DEM (1 m cells, row 0 = north) and building mask of the throughput case."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:n, 0:n].astype(np.float64)
    z = 100.0 - 0.01 * x - 0.005 * y
    for _ in range(6):
        kx, ky = 2 * np.pi / rng.uniform(40, 90, 2)
        z += 0.4 / 3 * np.sin(kx * x + rng.uniform(0, 6.3)) * np.sin(ky * y + rng.uniform(0, 6.3))
    blocked = np.zeros((n, n), dtype=bool)
    target = coverage * n * n
    while blocked.sum() < target:
        h, w = rng.integers(8, 25, 2)
        i, j = rng.integers(2, n - 2 - h), rng.integers(2, n - 2 - w)
        blocked[i:i + h, j:j + w] = True
    return z, blocked


def sample_tile(n: int | None) -> tuple[np.ndarray, np.ndarray]:
    """The real DGM1 tile (optionally the NW ``n`` × ``n`` part) with synthetic building blocks."""
    import rasterio

    with rasterio.open(SAMPLE_DEM) as src:
        z = src.read(1).astype(np.float64)
    if n is not None:
        z = z[:n, :n]
    _, blocked = synth_city(z.shape[0], seed=SEED + 1, coverage=0.06)
    return z, blocked[: z.shape[0], : z.shape[1]]


def storm():
    """Euler-II-like 1-hour hyetograph (twelve 5-min blocks, 40 mm, peak in the 4th block) as a TimeSeries."""
    from twin.sim.flood import TimeSeries
    from twin.sim.rain import intensity_hyetograph

    hy = intensity_hyetograph(STORM_MM / 1000.0 / 300.0, 300.0)
    times = np.arange(len(hy.depths_mm) + 1) * hy.dt_s
    return TimeSeries(times, np.append(hy.intensities_m_s, 0.0)), float(hy.total_mm)


# ----------------------------------------------------------------------------- runs
def run_ours(z, blocked, seconds: float, dtype) -> dict:
    from twin.sim.flood import FloodInputs, FloodParams, TimeSeries, run_flood

    inp = FloodInputs(z=z, dx=1.0, manning=MANNING, blocked=blocked,
                      rain=TimeSeries(np.array([0.0, seconds]), np.array([RAIN, 0.0])))
    t0 = time.perf_counter()
    r = run_flood(inp, FloodParams(duration=seconds, theta=THETA, alpha=ALPHA, dt_max=DT_MAX, dtype=dtype,
                                   output_interval=seconds))
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "steps": r.steps, "cells": z.size, "model_s": seconds,
            "rate": r.steps * z.size / wall, "max_depth": r.max_depth.astype(np.float64),
            "mass_error": r.balance.relative_error}


def run_landlab(z, blocked, seconds: float) -> dict | None:
    try:
        import landlab
        from landlab.components import OverlandFlow
    except ImportError:
        return None
    ny, nx = z.shape
    grid = landlab.RasterModelGrid((ny + 2, nx + 2), xy_spacing=1.0)
    # landlab's row 0 is the south: flip, pad one ring (closed)
    grid.add_field("topographic__elevation", np.flipud(np.pad(z, 1, mode="edge")).ravel().copy(), at="node")
    grid.add_zeros("surface_water__depth", at="node")
    grid.set_closed_boundaries_at_grid_edges(True, True, True, True)
    closed = np.flipud(np.pad(blocked, 1, constant_values=False)).ravel()
    grid.status_at_node[closed] = grid.BC_NODE_IS_CLOSED
    of = OverlandFlow(grid, mannings_n=MANNING, rainfall_intensity=RAIN, alpha=ALPHA, theta=THETA)
    h = grid.at_node["surface_water__depth"]
    hmax = h.copy()
    t, steps = 0.0, 0
    t0 = time.perf_counter()
    while t < seconds:
        dt = min(of.calc_time_step(), DT_MAX, seconds - t)
        of.overland_flow(dt=dt)  # dt <= calc_time_step(): exactly one internal step
        t += dt
        steps += 1
        np.maximum(hmax, h, out=hmax)
    wall = time.perf_counter() - t0
    peer = np.flipud(hmax.reshape(ny + 2, nx + 2))[1:-1, 1:-1].copy()
    peer[blocked] = 0.0
    return {"wall_s": wall, "steps": steps, "cells": z.size, "model_s": seconds,
            "rate": steps * z.size / wall, "max_depth": peer}


def triad(repeats: int = 10) -> dict:
    from numba import get_num_threads, njit, prange

    @njit(parallel=True, cache=False)
    def _triad(a, b, c, s):
        for i in prange(a.size):
            a[i] = b[i] + s * c[i]

    a = np.zeros(TRIAD_N)
    b = np.full(TRIAD_N, 1.0)
    c = np.full(TRIAD_N, 2.0)
    s = 3.0
    _triad(a, b, c, s)
    nbytes = 3 * 8 * TRIAD_N
    numba_t, numpy_t = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        _triad(a, b, c, s)
        numba_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        np.multiply(c, s, out=a)
        np.add(a, b, out=a)
        numpy_t.append(time.perf_counter() - t0)
    assert np.all(a == 7.0)
    return {"n": TRIAD_N, "bytes": nbytes, "threads": get_num_threads(),
            "numba_gbs": nbytes / min(numba_t) / 1e9, "numpy_gbs": nbytes / min(numpy_t) / 1e9,
            "numba_gbs_median": nbytes / statistics.median(numba_t) / 1e9,
            "numpy_gbs_median": nbytes / statistics.median(numpy_t) / 1e9}


def core_check(n_solver: int, seconds: float, repeats: int = 3) -> dict:
    """How much a second thread adds on this machine: SIMD-bound (vectorised FMA on cache-resident rows),
    latency-bound (a dependent sqrt chain) and the solver itself (1000² or the given size, 1 vs 2 threads
    via ``numba.set_num_threads``). Speed-up = 2 × time(1 thread, 1 block) / time(2 threads, 2 blocks) for the
    kernels, time(1 thread) / time(2 threads) for the solver. Two vCPUs on one physical core (SMT
    siblings) show ≈ 1× for SIMD work and ≈ 2× for the latency chain."""
    import numba
    from numba import njit, prange

    @njit(fastmath=True, cache=False)
    def _fma(a, b, c, reps):
        for _ in range(reps):
            for j in range(a.size):
                a[j] = a[j] * b[j] + c[j]

    @njit(cache=False)
    def _chain(a, reps):
        s = 0.0
        for i in range(a.size):
            x = a[i]
            for _ in range(reps):
                x = math.sqrt(x * 1.0001 + 0.5)
            s += x
        return s

    @njit(parallel=True, cache=False)
    def _simd(A, B, C, reps):
        for k in prange(A.shape[0]):
            _fma(A[k], B[k], C[k], reps)

    @njit(parallel=True, cache=False)
    def _lat(A, reps):
        out = np.zeros(A.shape[0])
        for k in prange(A.shape[0]):
            out[k] = _chain(A[k], reps)
        return out

    def best(fn):
        fn()
        ts = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
        return min(ts)

    A = (np.random.default_rng(1).random((2, 2048)) * 0.5).astype(np.float32)
    L = np.random.default_rng(2).random((2, 20000))
    z, blocked = synth_city(n_solver)
    out = {}
    threads = numba.get_num_threads()
    try:
        for th in (1, 2):
            numba.set_num_threads(th)
            out[f"simd_{th}"] = best(lambda: _simd(A[:th], A[:th].copy(), A[:th].copy(), 200000))
            out[f"lat_{th}"] = best(lambda: _lat(L[:th], 200))
            out[f"solver_{th}"] = best(lambda: run_ours(z, blocked, seconds, np.float32))
    finally:
        numba.set_num_threads(threads)
    out["simd_speedup"] = 2 * out["simd_1"] / out["simd_2"]
    out["lat_speedup"] = 2 * out["lat_1"] / out["lat_2"]
    out["solver_speedup"] = out["solver_1"] / out["solver_2"]
    out["solver_n"], out["solver_seconds"] = n_solver, seconds
    return out


def bytes_per_update(dtype) -> tuple[int, str]:
    from twin.sim.flood import kernels

    fn = getattr(kernels, "bytes_per_cell_update", None)
    if fn is not None:
        return int(fn(dtype)), "kernels.bytes_per_cell_update"
    return FALLBACK_VALUES_PER_CELL * np.dtype(dtype).itemsize + 4, "Schätzung (FALLBACK_VALUES_PER_CELL)"


def run_e2e(n: int | None, seconds: float, dtype, implicit_depth: float | None = 0.5,
            dt_max: float = 10.0) -> dict:
    from twin.sim.flood import Boundary, FloodInputs, FloodParams, run_flood

    z, blocked = sample_tile(n)
    rain, total_mm = storm()
    inp = FloodInputs(z=z, dx=1.0, manning=MANNING, blocked=blocked, rain=rain,
                      boundaries={s: Boundary("open", slope=0.01) for s in ("west", "east", "north", "south")})
    t0 = time.perf_counter()
    r = run_flood(inp, FloodParams(duration=seconds, dtype=dtype, implicit_depth=implicit_depth, dt_max=dt_max))
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "steps": r.steps, "cells": z.size, "model_s": seconds, "rain_mm": total_mm,
            "max_depth_m": float(r.max_depth.max()), "max_depth": r.max_depth.astype(np.float64),
            "max_depth_cell": [int(k) for k in np.unravel_index(np.argmax(r.max_depth), r.max_depth.shape)],
            "mass_error": r.balance.relative_error, "implicit_depth": implicit_depth,
            "implicit_cells": r.implicit_cells, "cg_per_step": r.cg_iterations / max(r.implicit_steps, 1),
            "outflow_m3": r.balance.boundary_out, "rain_m3": r.balance.rain}


def median_run(fn, repeats: int) -> dict:
    runs = [fn() for _ in range(repeats)]
    runs.sort(key=lambda r: r["wall_s"])
    out = runs[len(runs) // 2]
    out["repeats"] = repeats
    out["walls"] = [r["wall_s"] for r in runs]
    return out


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="kleine Raster, kurze Modellzeiten (Smoke-Test)")
    ap.add_argument("--repeats", type=int, default=3, help="Wiederholungen für ours (Median)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1000])
    ap.add_argument("--seconds", type=float, default=600.0, help="Modellzeit Regen (a)")
    ap.add_argument("--landlab-big-seconds", type=float, default=120.0,
                    help="Modellzeit für landlab beim größten Raster (a)")
    ap.add_argument("--no-landlab", action="store_true")
    ap.add_argument("--no-float64-e2e", action="store_true", help="(c) nur float32")
    ap.add_argument("--e2e-same-dt", action="store_true",
                    help="(c) zusätzlich implizit mit Δt ≤ 0,1 s (≈ explizites Δt): trennt den Einfluss von Δt "
                         "vom impliziten Verfahren")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench.synth import fmt, machine_info, markdown_table, print_table, write_json, write_text

    if args.quick:
        args.sizes, args.seconds, args.landlab_big_seconds, args.repeats = [100, 200], 120.0, 60.0, 1
    e2e_n, e2e_seconds = (200, 600.0) if args.quick else (None, 3600.0)
    global TRIAD_N
    if args.quick:
        TRIAD_N = 1 << 22
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None

    # warm-up: compile the kernels (both float types) on a tiny grid
    t0 = time.perf_counter()
    zw, bw = synth_city(40)
    for dt_ in (np.float64, np.float32):
        run_ours(zw, bw, 30.0, dt_)
    compile_s = time.perf_counter() - t0

    # ---- (a) throughput
    rows, results, notes = [], [], []
    agree = None
    biggest = max(args.sizes)
    for n in args.sizes:
        z, blocked = synth_city(n)
        ours64 = median_run(lambda: run_ours(z, blocked, args.seconds, np.float64), args.repeats)
        ours32 = median_run(lambda: run_ours(z, blocked, args.seconds, np.float32), args.repeats)
        ll = None
        if not args.no_landlab:
            ll_seconds = args.landlab_big_seconds if (n == biggest and len(args.sizes) > 1) else args.seconds
            ll = run_landlab(z, blocked, ll_seconds)
            if ll is not None and ll_seconds == args.seconds and agree is None:
                wet = (ours64["max_depth"] > 1e-3) | (ll["max_depth"] > 1e-3)
                d = np.abs(ours64["max_depth"] - ll["max_depth"])[wet]
                agree = {"n": n, "max_abs_m": float(d.max()), "p99_m": float(np.percentile(d, 99)),
                         "mean_abs_m": float(d.mean()), "wet_cells": int(wet.sum()),
                         "max_ours_m": float(ours64["max_depth"].max()),
                         "max_landlab_m": float(ll["max_depth"].max())}
        size = f"{n} × {n}"
        for label, r in (("ours: run_flood float64 (numba, 2 Threads)", ours64),
                         ("ours: run_flood float32 (numba, 2 Threads)", ours32),
                         ("landlab: OverlandFlow (de Almeida, numpy)", ll)):
            if r is None:
                continue
            vs = fmt(r["rate"] / ll["rate"], 1) + "×" if ll is not None else "–"
            rows.append([size, label, fmt(r["model_s"], 0), str(r["steps"]), fmt(r["wall_s"]),
                         fmt(r["rate"] / 1e6, 2), vs])
        results.append({"n": n, "ours_float64": {k: v for k, v in ours64.items() if k != "max_depth"},
                        "ours_float32": {k: v for k, v in ours32.items() if k != "max_depth"},
                        "landlab": None if ll is None else {k: v for k, v in ll.items() if k != "max_depth"}})
    notes.append(f"Synthetisch: 1 m Zellen, Ebene 1 %/0,5 % + Wellen 0,4 m, Gebäudeblöcke ~12 % (ours: blocked, "
                 f"landlab: geschlossene Knoten); Regen 100 mm/h, n = {MANNING}, θ = {THETA}, α = {ALPHA}, erster "
                 f"Schritt ≤ {DT_MAX:g} s; ours Median aus {args.repeats} Läufen nach einem Aufwärmlauf "
                 f"(Kompilieren {compile_s:.1f} s, nicht gezählt), landlab ein Lauf.")
    notes.append("Zellupdates = Zeitschritte × Zellen; landlabs Zeitschritte gezählt als Aufrufe von "
                 "overland_flow(dt ≤ calc_time_step()), je genau ein interner Schritt.")
    if not args.no_landlab and len(args.sizes) > 1:
        notes.append(f"landlab bei {biggest} × {biggest} nur {args.landlab_big_seconds:g} s Modellzeit (sonst zu "
                     f"lang); ours dort {args.seconds:g} s. Zellupdates/s bleiben vergleichbar.")
    if agree is not None:
        notes.append(f"Übereinstimmung max. Tiefe nach {args.seconds:g} s bei {agree['n']}²: |Δ| max "
                     f"{agree['max_abs_m'] * 100:.1f} cm, 99. Perzentil {agree['p99_m'] * 100:.2f} cm, Mittel "
                     f"{agree['mean_abs_m'] * 1000:.2f} mm über {agree['wet_cells']} nasse Zellen; tiefste Zelle "
                     f"ours {agree['max_ours_m']:.3f} m, landlab {agree['max_landlab_m']:.3f} m.")
    same = next((r for r in results if r["landlab"] is not None and r["landlab"]["model_s"] == args.seconds), None)
    if same is not None:
        o, ll_ = same["ours_float64"], same["landlab"]
        why = (" (CFL-Faktor im Löser auf 0,95·√(θ/2) begrenzt, landlab rechnet mit α)"
               if o["steps"] > ll_["steps"] else "")
        notes.append(f"Gleiche Modellzeit bei {same['n']}²: ours float64 {o['wall_s']:.2f} s, landlab "
                     f"{ll_['wall_s']:.2f} s ({ll_['wall_s'] / o['wall_s']:.1f}×); Schritte ours {o['steps']}, "
                     f"landlab {ll_['steps']}{why}.")
    print_table("Starkregen-Löser: Zellupdates/s, ours vs. landlab OverlandFlow", HEADERS, rows, notes)

    # ---- (b) bandwidth
    tri = triad(3 if args.quick else 10)
    big = next(r for r in results if r["n"] == biggest)
    bw_rows = [
        ["Triade a = b + s·c", "numba prange (Referenz)", "24", fmt(TRIAD_N / (tri["bytes"] / tri["numba_gbs"] / 1e9)
                                                                    / 1e6, 0) + " Mio. El./s",
         fmt(tri["numba_gbs"], 1), "100"],
        ["Triade a = b + s·c", "numpy (2 ufunc-Durchläufe, out=)", "24",
         fmt(TRIAD_N / (tri["bytes"] / tri["numpy_gbs"] / 1e9) / 1e6, 0) + " Mio. El./s", fmt(tri["numpy_gbs"], 1),
         fmt(100 * tri["numpy_gbs"] / tri["numba_gbs"], 0)],
    ]
    bw_src = None
    for key, dt_ in (("ours_float64", np.float64), ("ours_float32", np.float32)):
        nbytes, bw_src = bytes_per_update(dt_)
        rate = big[key]["rate"]
        gbs = nbytes * rate / 1e9
        big[key]["bytes_per_update"] = nbytes
        big[key]["achieved_gbs"] = gbs
        bw_rows.append([f"Löser {biggest}²", f"ours {np.dtype(dt_).name}", str(nbytes),
                        fmt(rate / 1e6, 1) + " Mio. Upd./s", fmt(gbs, 1), fmt(100 * gbs / tri["numba_gbs"], 0)])
    bw_notes = [f"Triade: 3 Arrays × {TRIAD_N} float64 ({TRIAD_N * 8 / 2**20:.0f} MiB je Array), {tri['threads']} "
                f"Threads, bestes von {3 if args.quick else 10}; GB/s zählen 3 × 8 Bytes je Element (STREAM-"
                f"Konvention, ohne Write-Allocate). Median: numba {tri['numba_gbs_median']:.1f}, numpy "
                f"{tri['numpy_gbs_median']:.1f} GB/s.",
                f"Bytes je Zellupdate: {bw_src}; × Zellupdates/s des Lösers bei {biggest}² (Median aus (a))."]
    print_table("Speicherbandbreite: Triade vs. erreichter Durchsatz des Lösers", BW_HEADERS, bw_rows, bw_notes)

    # ---- (b2) what the second thread adds on this machine
    cc = core_check(200 if args.quick else biggest, 60.0 if args.quick else 150.0, 1 if args.quick else 3)
    cc_rows = [["SIMD-gebunden: vektorisierte FMA, Zeilen im Cache", fmt(cc["simd_1"] * 1e3, 1),
                fmt(cc["simd_2"] * 1e3, 1), fmt(cc["simd_speedup"], 2) + "×"],
               ["Latenz-gebunden: abhängige sqrt-Kette", fmt(cc["lat_1"] * 1e3, 1), fmt(cc["lat_2"] * 1e3, 1),
                fmt(cc["lat_speedup"], 2) + "×"],
               [f"Löser float32 {cc['solver_n']}², {cc['solver_seconds']:g} s Regen", fmt(cc["solver_1"] * 1e3, 0),
                fmt(cc["solver_2"] * 1e3, 0), fmt(cc["solver_speedup"], 2) + "×"]]
    cc_notes = ["Kerne: 1 Thread rechnet 1 Block, 2 Threads rechnen 2 gleiche Blöcke; Beschleunigung = 2 × t1 / t2 "
                "(2× = zwei volle Kerne). Löser: dieselbe Rechnung mit 1 und 2 Threads, t1 / t2.",
                "Zwei vCPUs auf einem physischen Kern (SMT-Geschwister) zeigen ≈ 1× für SIMD-Arbeit und ≈ 2× für "
                "die Latenzkette; dann misst dieser Rechner für „2 Kerne“ nur einen."]
    print_table("Was der zweite Thread auf diesem Rechner bringt", CC_HEADERS, cc_rows, cc_notes)

    # ---- (c) end to end
    e2e_rows, e2e = [], []
    cases = [(np.float32, 0.5, 10.0), (np.float32, None, 10.0)] \
        + ([] if args.no_float64_e2e else [(np.float64, 0.5, 10.0)]) \
        + ([(np.float32, 0.5, 0.1)] if args.e2e_same_dt else [])
    for dt_, h_imp, dt_max in cases:
        r = run_e2e(e2e_n, e2e_seconds, dt_, h_imp, dt_max)
        r["dtype"] = np.dtype(dt_).name
        e2e.append(r)
        goal = "–" if args.quick else ("erreicht" if r["wall_s"] <= 60.0 else f"{r['wall_s'] / 60:.1f}× zu lang")
        e2e_rows.append([f"DGM1-Kachel 690/5335, {r['model_s'] / 60:.0f} min", r["dtype"],
                         ("– (explizit)" if h_imp is None else f"{h_imp:g} m")
                         + ("" if dt_max == 10.0 else f", Δt ≤ {dt_max:g} s"), str(r["steps"]),
                         fmt(r["model_s"] / r["steps"], 3), fmt(r["wall_s"], 1), goal, str(r["implicit_cells"]),
                         fmt(r["cg_per_step"], 1), fmt(r["max_depth_m"], 3), f"{r['mass_error']:.1e}"])
    crop = " – --quick: NW-Ausschnitt 200 × 200, 10 min" if args.quick else ""
    e2e_notes = [f"Echtes DGM1 (1000 × 1000, 1 m){crop}, Gebäudeblöcke ~6 % (synthetisch, no-flow), Ränder "
                 f"offen, Abflussbeiwert 1; Modellregen Euler-II-artig, 12 Blöcke à 5 min, {STORM_MM.sum():g} mm, "
                 f"Spitze {STORM_MM.max():g} mm im 4. Block.",
                 "Wandzeit von run_flood ohne Kompilieren (Kerne im Aufwärmlauf übersetzt)."]
    if e2e:
        i, j = e2e[0]["max_depth_cell"]
        e2e_notes.append(f"Tiefste Zelle: Zeile {i}, Spalte {j} ({e2e[0]['max_depth_m']:.2f} m). Explizit richtet "
                         "sich der CFL-Schritt nach der größten Tiefe im ganzen Raster; mit impliziten Flächen "
                         "(twin.sim.flood.implicit) nach der größten Tiefe außerhalb der tiefen Zellen.")
        if len(e2e) > 1:
            a, b = e2e[0], e2e[1]
            e2e_notes.append(f"Implizit vs. explizit (float32): max. Tiefe |Δ| max "
                             f"{np.abs(a['max_depth'] - b['max_depth']).max() * 100:.1f} cm, 99. Perzentil der "
                             f"nassen Zellen {np.percentile(np.abs(a['max_depth'] - b['max_depth'])[b['max_depth'] > 0.01], 99) * 100:.2f} cm.")
        if args.e2e_same_dt:
            a, b = e2e[-1], e2e[1]
            d = np.abs(a["max_depth"] - b["max_depth"])
            e2e_notes.append(f"Implizit mit Δt ≤ 0,1 s vs. explizit (float32, fast gleiches Δt): |Δ| max {d.max() * 100:.1f} "
                             f"cm, 99. Perzentil {np.percentile(d[b['max_depth'] > 0.01], 99) * 100:.2f} cm (trennt den "
                             "Einfluss des längeren Zeitschritts von dem des impliziten Verfahrens).")
    print_table("Ende-zu-Ende: 1 km² · 1 m · 1-h-Modellregen (Ziel < 60 s)", E2E_HEADERS, e2e_rows, e2e_notes)

    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None
    suffix = ".quick" if args.quick else ""
    write_json(f"bench_flood{suffix}.json", {
        "throughput": results, "agreement": agree, "triad": tri, "core_check": cc, "bytes_per_update_source": bw_src,
        "end_to_end": [{k: v for k, v in r.items() if k != "max_depth"} for r in e2e], "compile_s": compile_s, "threads": THREADS, "load_before": load_before,
        "load_after": load_after, "machine": machine_info()})
    write_text(f"bench_flood{suffix}.md",
               "**Starkregen-Löser: Zellupdates/s, ours vs. landlab OverlandFlow**\n\n" + markdown_table(HEADERS, rows)
               + "\n\n" + "\n".join(f"- {n}" for n in notes)
               + "\n\n**Speicherbandbreite**\n\n" + markdown_table(BW_HEADERS, bw_rows)
               + "\n\n" + "\n".join(f"- {n}" for n in bw_notes)
               + "\n\n**Was der zweite Thread bringt**\n\n" + markdown_table(CC_HEADERS, cc_rows)
               + "\n\n" + "\n".join(f"- {n}" for n in cc_notes)
               + "\n\n**Ende-zu-Ende: 1 km² · 1 m · 1-h-Modellregen (Ziel < 60 s)**\n\n"
               + markdown_table(E2E_HEADERS, e2e_rows) + "\n\n" + "\n".join(f"- {n}" for n in e2e_notes) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
