"""Inputs, parameters and results of the flood solver (plain dataclasses, no numba).

Grid convention: arrays are ``(ny, nx)`` with row 0 in the north (raster order), cell size ``dx``
in metres. ``qx`` lives on the ``(ny, nx + 1)`` west/east faces (positive = eastwards), ``qy`` on the
``(ny + 1, nx)`` north/south faces (positive = southwards, i.e. with increasing row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from twin.errors import ConfigError

SIDES = ("west", "east", "north", "south")
BoundaryKind = Literal["closed", "open", "stage"]


@dataclass(frozen=True)
class TimeSeries:
    """Values over model time (s). Rain is piecewise constant (``values[k]`` from ``times[k]`` on),
    hydrographs and stages are interpolated linearly; beyond the ends the end values hold."""

    times: np.ndarray
    values: np.ndarray

    @staticmethod
    def constant(value: float) -> TimeSeries:
        return TimeSeries(np.array([0.0]), np.array([float(value)]))

    @staticmethod
    def sampled(f: Callable[[float], float], step: float, until: float) -> TimeSeries:
        """Sample a function of model time every ``step`` seconds (block values at block starts)."""
        times = np.arange(0.0, until + 0.5 * step, step)
        return TimeSeries(times, np.array([float(f(t)) for t in times]))

    def checked(self, what: str) -> tuple[np.ndarray, np.ndarray]:
        t = np.asarray(self.times, dtype=np.float64).ravel()
        v = np.asarray(self.values, dtype=np.float64).ravel()
        if t.size == 0 or t.size != v.size:
            raise ConfigError(f"{what}: Zeiten und Werte müssen gleich viele (mindestens einen) Einträge haben.")
        if np.any(np.diff(t) <= 0) or not np.all(np.isfinite(t)) or not np.all(np.isfinite(v)):
            raise ConfigError(f"{what}: Zeiten müssen endlich und streng aufsteigend sein.")
        return t, v


@dataclass(frozen=True)
class Boundary:
    """One side of the grid: ``closed`` (wall), ``open`` (free outflow with a normal-depth slope
    ``slope`` behind the edge) or ``stage`` (water depth ``stage`` in m over time imposed outside)."""

    kind: BoundaryKind = "closed"
    slope: float = 1e-3
    stage: TimeSeries | None = None


@dataclass(frozen=True)
class Inflow:
    """A hydrograph ``discharge`` (m³/s over time) entering the cell ``(row, col)``."""

    row: int
    col: int
    discharge: TimeSeries


@dataclass
class FloodInputs:
    """Everything that describes one event on one grid.

    ``rain``: intensity in m/s over time; ``runoff_fraction``: share of rain that becomes surface water
    per cell (the rest is counted as losses), either one value/raster or an array ``(len(rain.times), ny,
    nx)`` with one raster per rain block (time-varying losses, e.g. from
    :class:`twin.sim.losses.LossModel`); ``sink_capacity``: drainage in m/s per cell (e.g. sewer inlets,
    at most the water present); ``blocked``: no-flow cells (buildings) – they get no water and
    rain on them is not counted. ``boundaries`` maps side name (west/east/north/south) to a
    :class:`Boundary`; missing sides are closed.
    """

    z: np.ndarray
    dx: float
    manning: float | np.ndarray = 0.03
    rain: TimeSeries | None = None
    runoff_fraction: float | np.ndarray = 1.0
    sink_capacity: float | np.ndarray = 0.0
    blocked: np.ndarray | None = None
    inflows: list[Inflow] = field(default_factory=list)
    boundaries: dict[str, Boundary] = field(default_factory=dict)
    h0: np.ndarray | None = None


@dataclass(frozen=True)
class FloodParams:
    """Numerical settings. ``duration`` in s; ``alpha`` CFL factor (capped for stability at 95 % of
    √(θ/2) on 2D grids), ``theta`` momentum weighting of de Almeida et al. (1 = none);
    ``output_interval`` bounds the time between progress
    reports (and depth snapshots if ``keep_snapshots``); ``cancel_every`` steps between cancel checks."""

    duration: float
    alpha: float = 0.7
    theta: float = 0.8
    dt_max: float = 10.0
    output_interval: float = 300.0
    h_flux_min: float = 1e-5
    h_velocity_min: float = 0.01
    """Speeds count for the max-speed map only where the water is at least this deep (m): thin films
    on steep slopes get unphysical speeds in the local-inertial scheme (on the sample tile at 10 m,
    7.5 m/s at 7 mm depth with 1 mm; 1.7 m/s at most with 1 cm) and mean nothing for hazard maps."""
    g: float = 9.81
    implicit_depth: float | None = 0.5
    """Faces next to cells deeper than this (m), or faster than :data:`twin.sim.flood.implicit.FAST`·√(g·this),
    take the water-level gradient at the new time level (semi-implicit, :mod:`twin.sim.flood.implicit`), so
    deep pits and thin films falling down walls do not shorten the step of the whole grid; ``None`` = fully
    explicit."""
    implicit_tol: float = 1e-13
    """Stop of the conjugate-gradient solve: largest level correction (m) of an iteration, or 1e-4 of the
    first one (see :data:`twin.sim.flood.implicit.RTOL`; larger values let still water drift)."""
    dtype: type = np.float64
    cancel_every: int = 200
    keep_snapshots: bool = False

    def check(self) -> None:
        if not (self.duration > 0 and np.isfinite(self.duration)):
            raise ConfigError("Simulationsdauer muss positiv sein.")
        if not 0 < self.alpha <= 1:
            raise ConfigError("CFL-Faktor alpha muss in (0, 1] liegen.")
        if not 0 <= self.theta <= 1:
            raise ConfigError("Gewichtung theta muss in [0, 1] liegen.")
        if not (self.h_flux_min > 0 and self.h_velocity_min >= 0):
            raise ConfigError("Mindestwassertiefen für Abfluss und Geschwindigkeit müssen positiv sein.")
        if not (self.dt_max > 0 and self.output_interval > 0 and self.cancel_every >= 1):
            raise ConfigError("Zeitschritt, Ausgabeintervall und Abbruchintervall müssen positiv sein.")
        if self.implicit_depth is not None and not (self.implicit_depth > 0 and self.implicit_tol > 0):
            raise ConfigError("Tiefe für implizite Flächen und ihre Toleranz müssen positiv sein.")
        if np.dtype(self.dtype) not in (np.dtype(np.float32), np.dtype(np.float64)):
            raise ConfigError("Genauigkeit muss float32 oder float64 sein.")


@dataclass(frozen=True)
class MassBalance:
    """Volumes in m³ over the whole run. ``error`` = storage change minus net input."""

    rain: float
    losses: float
    inflow: float
    sink: float
    boundary_in: float
    boundary_out: float
    storage_start: float
    storage_end: float

    @property
    def error(self) -> float:
        net = self.rain + self.inflow + self.boundary_in - self.sink - self.boundary_out
        return self.storage_end - self.storage_start - net

    @property
    def relative_error(self) -> float:
        """Volume error relative to the total water that entered (or was stored at the start)."""
        scale = self.rain + self.inflow + self.boundary_in + self.storage_start
        return abs(self.error) / scale if scale > 0 else 0.0


@dataclass
class FloodResult:
    """Per-cell maxima, final state and the mass balance of a run."""

    h: np.ndarray
    qx: np.ndarray
    qy: np.ndarray
    max_depth: np.ndarray
    max_speed: np.ndarray
    time_of_max_depth: np.ndarray
    balance: MassBalance
    t: float
    steps: int
    snapshots: list[tuple[float, np.ndarray]] = field(default_factory=list)
    implicit_cells: int = 0
    """Largest number of cells in the implicit zone (deep cells and their neighbours)."""
    cg_iterations: int = 0
    """Conjugate-gradient iterations over all steps (``implicit_steps`` steps had an implicit zone)."""
    implicit_steps: int = 0
    alpha: float = 0.0
    """CFL factor used (``params.alpha`` capped for stability, see :func:`~twin.sim.flood.solver.effective_alpha`)."""
