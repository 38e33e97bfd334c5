"""Driver of the flood solver: checks the inputs, packs them for the kernels and runs the time loop
in chunks (progress report and cancel check between chunks, never inside the compiled loop)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

from twin.errors import Cancelled, ConfigError
from twin.sim.flood import faces, kernels
from twin.sim.flood.model import (
    SIDES,
    FloodInputs,
    FloodParams,
    FloodResult,
    MassBalance,
    TimeSeries,
)

Progress = Callable[[float, float], None]
"""Called with (model time in s, wall time in s since the start)."""

_LEDGER = ("rain", "losses", "inflow", "sink", "boundary_in", "boundary_out")  # order of kernels.L_*
_CG_MAX_ITER = 500
_KINDS = {"closed": faces.CLOSED, "open": faces.OPEN, "stage": faces.STAGE}


def _cell_field(value: float | np.ndarray, shape: tuple[int, int], what: str, dtype) -> np.ndarray:
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim == 0:
        arr = np.full(shape, float(arr))
    if arr.shape != shape:
        raise ConfigError(f"{what}: Raster hat die Form {arr.shape}, erwartet {shape}.")
    if not np.all(np.isfinite(arr)):
        raise ConfigError(f"{what}: enthält ungültige Werte (NaN oder unendlich).")
    return np.ascontiguousarray(arr, dtype=dtype)


def _pack(series: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    off = np.zeros(len(series) + 1, dtype=np.int64)
    for k, (t, _) in enumerate(series):
        off[k + 1] = off[k] + t.size
    if not series:
        return np.zeros(1), np.zeros(1), off
    return (np.concatenate([t for t, _ in series]), np.concatenate([v for _, v in series]), off)


def effective_alpha(alpha: float, theta: float, shape: tuple[int, int]) -> float:
    """CFL factor actually used: ``alpha`` capped at 95 % of the von Neumann bound of the θ-weighted
    scheme. The θ-average damps the momentum of the grid-scale checkerboard mode by 2θ − 1, which
    (neglecting friction) makes it grow unless α ≤ √(θ/2) on a 2D grid (α ≤ √θ on a single row or
    column); with the usual α = 0.7 and θ < 1 deep still water would blow up from round-off."""
    bound = math.sqrt(theta / 2.0) if min(shape) > 1 else math.sqrt(theta)
    return min(alpha, 0.95 * bound)


def _fractions(value: float | np.ndarray, shape: tuple[int, int], n_blocks: int, active: np.ndarray,
               dtype) -> list[np.ndarray]:
    """Runoff fraction per cell: one raster, or one per rain block (array ``(n_blocks, ny, nx)``)."""
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim == 3:
        if arr.shape != (n_blocks, *shape):
            raise ConfigError(f"Abflussbeiwert je Regenblock hat die Form {arr.shape}, erwartet "
                              f"{(n_blocks, *shape)} (ein Raster je Block der Regenreihe).")
        layers = list(arr)
    else:
        layers = [_cell_field(arr, shape, "Abflussbeiwert", np.float64)]
    out = []
    for k, f in enumerate(layers):
        what = "Abflussbeiwert" + (f" (Block {k + 1})" if len(layers) > 1 else "")
        if not np.all(np.isfinite(f)):
            raise ConfigError(f"{what}: enthält ungültige Werte (NaN oder unendlich).")
        if np.any((f < 0) | (f > 1)):
            raise ConfigError(f"{what}: muss zwischen 0 und 1 liegen.")
        out.append(np.ascontiguousarray(np.where(active, f, 0.0), dtype=dtype))
    return out


class _Rain:
    """Piecewise-constant rain intensity with its change times."""

    def __init__(self, rain: TimeSeries | None) -> None:
        if rain is None:
            self.t, self.v = np.array([0.0]), np.array([0.0])
        else:
            self.t, self.v = rain.checked("Regen")
            if np.any(self.v < 0):
                raise ConfigError("Regen: Intensitäten dürfen nicht negativ sein.")

    def block(self, t: float) -> int:
        """Index of the rain block at ``t`` (0 before the first one)."""
        return max(int(np.searchsorted(self.t, t, side="right")) - 1, 0)

    def at(self, t: float) -> float:
        k = int(np.searchsorted(self.t, t, side="right")) - 1
        return float(self.v[k]) if k >= 0 else 0.0

    def next_change(self, t: float) -> float:
        k = int(np.searchsorted(self.t, t, side="right"))
        return float(self.t[k]) if k < self.t.size else np.inf


def run_flood(
    inputs: FloodInputs,
    params: FloodParams,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> FloodResult:
    """Simulate surface runoff for ``params.duration`` seconds; see :mod:`twin.sim.flood`.

    Raises :class:`~twin.errors.ConfigError` for invalid inputs and :class:`~twin.errors.Cancelled`
    when ``cancel()`` returns true (checked every ``params.cancel_every`` steps).
    """
    params.check()
    dt_ = np.dtype(params.dtype)
    z = np.asarray(inputs.z, dtype=np.float64)
    if z.ndim != 2 or min(z.shape) < 1:
        raise ConfigError("Geländemodell muss ein zweidimensionales Raster sein.")
    shape = z.shape
    ny, nx = shape
    dx = float(inputs.dx)
    if not dx > 0:
        raise ConfigError("Zellgröße muss positiv sein.")
    z = _cell_field(z, shape, "Geländemodell", np.float64)
    nman = _cell_field(inputs.manning, shape, "Rauheit (Manning n)", dt_)
    if np.any(nman <= 0):
        raise ConfigError("Rauheit (Manning n) muss überall positiv sein.")
    sink = _cell_field(inputs.sink_capacity, shape, "Abflusskapazität (Senke)", dt_)
    if np.any(sink < 0):
        raise ConfigError("Abflusskapazität (Senke) darf nicht negativ sein.")
    active = np.ones(shape, dtype=np.bool_)
    if inputs.blocked is not None:
        blocked = np.asarray(inputs.blocked, dtype=bool)
        if blocked.shape != shape:
            raise ConfigError(f"Hindernismaske hat die Form {blocked.shape}, erwartet {shape}.")
        active = ~blocked
    rain = _Rain(inputs.rain)
    fracs = _fractions(inputs.runoff_fraction, shape, rain.t.size, active, dt_)
    h = np.zeros(shape, dtype=dt_) if inputs.h0 is None else _cell_field(inputs.h0, shape, "Anfangswasserstand", dt_)
    if np.any(h < 0):
        raise ConfigError("Anfangswasserstand darf nicht negativ sein.")
    h = np.where(active, h, 0).astype(dt_)

    unknown = set(inputs.boundaries) - set(SIDES)
    if unknown:
        raise ConfigError(f"Unbekannter Rand: {', '.join(sorted(unknown))} (erlaubt: {', '.join(SIDES)}).")
    side_kind = np.zeros(4, dtype=np.int64)
    side_slope = np.zeros(4)
    stages = []
    for s, name in enumerate(SIDES):
        b = inputs.boundaries.get(name)
        if b is None:
            stages.append((np.array([0.0]), np.array([0.0])))
            continue
        if b.kind not in _KINDS:
            raise ConfigError(f"Rand {name}: unbekannte Art '{b.kind}' (closed, open oder stage).")
        side_kind[s] = _KINDS[b.kind]
        if b.kind == "open" and not b.slope > 0:
            raise ConfigError(f"Rand {name}: Gefälle für freien Ausfluss muss positiv sein.")
        side_slope[s] = b.slope
        if b.kind == "stage":
            if b.stage is None:
                raise ConfigError(f"Rand {name}: Wasserstandsganglinie fehlt.")
            stages.append(b.stage.checked(f"Wasserstand am Rand {name}"))
        else:
            stages.append((np.array([0.0]), np.array([0.0])))
    st_t, st_v, st_off = _pack(stages)

    rows = np.array([f.row for f in inputs.inflows], dtype=np.int64)
    cols = np.array([f.col for f in inputs.inflows], dtype=np.int64)
    for f in inputs.inflows:
        if not (0 <= f.row < ny and 0 <= f.col < nx) or not active[f.row, f.col]:
            raise ConfigError(
                f"Zufluss in Zelle ({f.row}, {f.col}) liegt außerhalb des Rasters oder in einem Hindernis.")
    in_t, in_v, in_off = _pack([f.discharge.checked("Zuflussganglinie") for f in inputs.inflows])

    frac_sums = [float(f.sum(dtype=np.float64)) for f in fracs]
    n_active = float(active.sum())
    qx = np.zeros((ny, nx + 1), dtype=dt_)
    qy = np.zeros((ny + 1, nx), dtype=dt_)
    # heights relative to the lowest active cell (float32 keeps mm over a few hundred metres of
    # elevation only that way); no-flow cells far above any water level: their faces carry nothing
    z_ref = float(np.min(z[active])) if active.any() else 0.0
    z_flow = z - z_ref
    if not active.all():
        z_flow[~active] = float(np.max(z_flow[active], initial=0.0)) + 1e4
    z_flow = np.ascontiguousarray(z_flow, dtype=dt_)
    has_sink = bool(np.any(sink > 0))
    zone = np.zeros(shape, dtype=np.uint8)  # implicit zones (scratch of the kernels)
    grid = shape if params.implicit_depth is not None else (1, 1)  # only the zone rebuild needs these
    sid = np.full(grid, -1, dtype=np.int64)
    buf = np.zeros(grid[0] * grid[1], dtype=np.int64)
    stats = np.zeros(3, dtype=np.int64)
    carry = np.zeros(1)  # flow speed of the last step, from one kernel call to the next
    h_implicit = math.inf if params.implicit_depth is None else float(params.implicit_depth)
    cst = faces.constants(dt_, 0.0, dx, params.g, params.theta, params.h_flux_min, params.h_velocity_min)
    hmax = h.copy()
    vmax = np.zeros(shape, dtype=dt_)
    tmax = np.zeros(shape, dtype=dt_)
    ledger = np.zeros(6)
    area = dx * dx
    storage_start = float(h.sum(dtype=np.float64)) * area

    alpha = effective_alpha(params.alpha, params.theta, shape)
    t, steps = 0.0, 0
    snapshots: list[tuple[float, np.ndarray]] = []
    kernels.start_threads()
    bounds = kernels.chunk_bounds(ny)
    wall0 = time.perf_counter()
    next_out = min(params.output_interval, params.duration)
    while t < params.duration:
        t_end = min(next_out, rain.next_change(t), params.duration)
        k = rain.block(t) if len(fracs) > 1 else 0
        t, n = kernels.advance(
            h, qx, qy, z_flow, nman, active, fracs[k], sink, has_sink, hmax, vmax, tmax,
            side_kind, side_slope, st_t, st_v, st_off, rows, cols, in_t, in_v, in_off,
            rain.at(t), frac_sums[k], n_active, t, t_end, params.cancel_every, dx, params.g,
            alpha, params.theta, params.dt_max, params.h_flux_min, params.h_velocity_min, cst, ledger,
            zone, sid, buf, h_implicit, params.implicit_tol, _CG_MAX_ITER, bounds, stats, carry,
        )
        steps += n
        if t >= next_out:
            if params.keep_snapshots:
                snapshots.append((t, h.copy()))
            if progress is not None:
                progress(t, time.perf_counter() - wall0)
            next_out = min(next_out + params.output_interval, params.duration)
        if cancel is not None and cancel():
            raise Cancelled("Starkregensimulation abgebrochen; es wurde nichts gespeichert.")
        if not np.isfinite(h).all():
            raise ConfigError(f"Simulation instabil bei t = {t:.1f} s (ungültige Wassertiefen).")

    balance = MassBalance(
        **{k: float(ledger[i]) for i, k in enumerate(_LEDGER)},
        storage_start=storage_start, storage_end=float(h.sum(dtype=np.float64)) * area,
    )
    return FloodResult(h=h, qx=qx, qy=qy, max_depth=hmax, max_speed=np.sqrt(vmax), time_of_max_depth=tmax,
                       balance=balance, t=t, steps=steps, snapshots=snapshots, alpha=alpha,
                       implicit_cells=int(stats[2]), cg_iterations=int(stats[0]), implicit_steps=int(stats[1]))
