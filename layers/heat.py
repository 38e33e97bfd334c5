"""Heat-stress results in the scene (no Qt): a heat run draped over the terrain, one display at a time.

The mesh is built once per run from the terrain cells over result cells that have a value (roofs have
none); every cell knows the result cell under its centre (cell data ``heat_cell``). Switching the display
or the hour only swaps the cell arrays ``value`` and ``rgba``. Rasters are read through the role view
(:func:`twin.sim.heat.record.read_heat_raster`), so the Bürgerzwilling offers only the released maps of
the daily maximum; :meth:`HeatOverlay.ensure` reads one (call it off the GUI thread), the rest is cheap.

Displays (:data:`MODES`): the UTCI stress class and UTCI of the daily maximum, per hour UTCI, class, Tmrt
and the share of sun, the sky view factor, and ``delta`` – ΔUTCI against another run (a variant against the
plan as it is) from :func:`twin.sim.heat.record.compare_heat_runs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pyvista as pv

from layers.drape import drape_mesh, grid_index
from layers.style import hex_rgba

if TYPE_CHECKING:
    from twin.project import Project
    from twin.sim.heat.record import HeatComparison

#: display key -> (German title, raster key, per hour)
MODES: dict[str, tuple[str, str | None, bool]] = {
    "klasse_max": ("Belastungsklasse (Tagesmaximum)", "klasse_max", False),
    "utci_max": ("UTCI Tagesmaximum", "utci_max", False),
    "utci": ("UTCI je Stunde", "utci", True),
    "klasse": ("Belastungsklasse je Stunde", "klasse", True),
    "tmrt": ("Mittlere Strahlungstemperatur je Stunde", "tmrt", True),
    "schatten": ("Besonnung je Stunde", "schatten", True),
    "svf": ("Himmelssichtfaktor", "svf", False),
    "delta": ("ΔUTCI gegenüber Vergleichslauf", None, False),
}
#: colours of the ten UTCI assessment classes (index as :data:`twin.sim.heat.utci.STRESS_CLASSES`)
CLASS_COLOURS = ("#08306b", "#2171b5", "#4292c6", "#6baed6", "#c6dbef", "#4daf4a", "#fee08b", "#fdae61",
                 "#e34a33", "#7f0000")
#: value ranges of the continuous displays: key -> (matplotlib colour map, low, high, unit)
RAMPS: dict[str, tuple[str, float, float, str]] = {
    "utci_max": ("RdYlBu_r", 20.0, 50.0, "°C"), "utci": ("RdYlBu_r", 20.0, 50.0, "°C"),
    "tmrt": ("inferno", 20.0, 75.0, "°C"), "schatten": ("cividis", 0.0, 1.0, ""), "svf": ("viridis", 0.0, 1.0, ""),
    "delta": ("RdBu_r", -6.0, 6.0, "K"),
}
#: |ΔUTCI| below this [K] is drawn faint (no relevant change)
DELTA_FAINT_K = 0.5
#: height of the overlay above the terrain surface [m]
HEAT_LIFT_M = 0.15
ALPHA = 225
OVERLAY_NAME = "_hitze"


def _german(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def colours(mode: str, values: np.ndarray) -> np.ndarray:
    """RGBA (uint8) per value in a display; NaN transparent."""
    v = np.asarray(values, dtype=np.float64)
    nan = ~np.isfinite(v)
    if mode in ("klasse", "klasse_max"):
        table = np.array([hex_rgba(c, ALPHA / 255) for c in CLASS_COLOURS], dtype=np.uint8)
        idx = np.clip(np.nan_to_num(v, nan=0.0).round().astype(np.int64), 0, len(CLASS_COLOURS) - 1)
        rgba = table[idx]
        nan |= v < 0
    else:
        from matplotlib import colormaps

        cmap, lo, hi, _ = RAMPS[mode]
        t = np.clip((np.nan_to_num(v, nan=lo) - lo) / (hi - lo), 0.0, 1.0)
        rgba = colormaps[cmap](t, bytes=True).astype(np.uint8)
        rgba[:, 3] = ALPHA
        if mode == "delta":
            rgba[np.abs(np.nan_to_num(v)) < DELTA_FAINT_K, 3] = 60
    rgba[nan, 3] = 0
    return rgba


def legend(mode: str) -> list[tuple[str, str]]:
    """(colour '#rrggbb', German label) rows explaining a display."""
    from twin.sim.heat.utci import STRESS_CLASSES

    if mode in ("klasse", "klasse_max"):
        rows = []
        for colour, (lo, hi, de, _) in zip(CLASS_COLOURS, STRESS_CLASSES):
            span = (f"über {_german(lo, 0)} °C" if np.isinf(hi) else f"bis {_german(hi, 0)} °C" if np.isinf(lo)
                    else f"{_german(lo, 0)} – {_german(hi, 0)} °C")
            rows.append((colour, f"{de} ({span})"))
        return rows[4:][::-1]  # a hot day: from "extremer Hitzestress" down to "schwacher Kältestress"
    cmap, lo, hi, unit = RAMPS[mode]
    if mode == "delta":
        steps = np.array([lo, lo / 2, lo / 4, 0.0, hi / 4, hi / 2, hi])
        labels = [f"{'+' if s > 0 else ''}{_german(s, 1)} K" for s in steps]
        labels[3] = f"unverändert (unter {_german(DELTA_FAINT_K)} K)"
        labels[0], labels[-1] = f"kühler um {_german(-lo, 0)} K und mehr", f"wärmer um {_german(hi, 0)} K und mehr"
    else:
        steps = np.linspace(lo, hi, 6)
        labels = [f"{_german(s, 1 if hi <= 1 else 0)} {unit}".strip() for s in steps]
        if mode == "schatten":
            labels = ["Schatten", "20 % Sonne", "40 % Sonne", "60 % Sonne", "80 % Sonne", "volle Sonne"]
    rows = []
    for s, label in zip(steps, labels):
        r, g, b, _ = colours(mode, np.array([s]))[0]
        rows.append((f"#{r:02x}{g:02x}{b:02x}", label))
    return rows[::-1]


@dataclass
class HeatOverlay:
    """One heat run ready to draw: the draped mesh and the rasters read so far (key -> (k, ny, nx))."""

    run_id: str
    title: str
    hours: list[float]
    mesh: pv.PolyData
    bounds: tuple[float, float, float, float]
    shape: tuple[int, int]
    cells: np.ndarray
    grids: dict[str, np.ndarray] = field(default_factory=dict)
    #: raster keys this view may read (a Bürgerzwilling: only the released maps)
    available: tuple[str, ...] = ()
    comparison: HeatComparison | None = None
    mode: str = "klasse_max"
    hour_index: int = 0
    origin: np.ndarray = field(default_factory=lambda: np.zeros(3))

    @property
    def is_empty(self) -> bool:
        return self.mesh.n_cells == 0

    def modes(self) -> list[str]:
        """The displays this view can show (rasters it may read, ``delta`` once a comparison is set)."""
        out = [m for m, (_, key, _) in MODES.items() if key in self.available]
        return out + (["delta"] if self.comparison is not None else [])

    def needs_hour(self, mode: str | None = None) -> bool:
        return MODES[mode or self.mode][2]

    def ensure(self, project: Project, mode: str) -> None:
        """Read the raster a display needs (slow for large grids: call off the GUI thread)."""
        from twin.sim.heat.record import read_heat_raster

        key = MODES[mode][1]
        if key is not None and key not in self.grids:
            self.grids[key] = read_heat_raster(project, self.run_id, key).data

    def set_comparison(self, comparison: HeatComparison | None) -> None:
        """Compare against another run (ΔUTCI = this run's minus ... as ``comparison`` computed it)."""
        if comparison is not None and tuple(comparison.delta.shape) != tuple(self.shape):
            raise ValueError(f"ΔUTCI {comparison.delta.shape} passt nicht zum Raster {self.shape}")
        self.comparison = comparison
        if comparison is None and self.mode == "delta":
            self.mode = "klasse_max" if "klasse_max" in self.available else self.modes()[0]
        self._update()

    def set_mode(self, mode: str, hour_index: int | None = None) -> None:
        """Show a display (its raster must have been read with :meth:`ensure`)."""
        if mode not in self.modes():
            raise KeyError(f"Die Darstellung '{mode}' ist für diesen Lauf hier nicht verfügbar.")
        self.mode = mode
        if hour_index is not None:
            self.hour_index = int(min(max(hour_index, 0), max(len(self.hours) - 1, 0)))
        self._update()

    def shown_grid(self) -> np.ndarray | None:
        """The (ny, nx) values of the current display, None if its raster has not been read yet."""
        if self.mode == "delta":
            return None if self.comparison is None else self.comparison.delta
        grid = self.grids.get(MODES[self.mode][1] or "")
        if grid is None:
            return None
        return grid[self.hour_index] if self.needs_hour() else grid[0]

    def _update(self) -> None:
        if self.is_empty:
            return
        grid = self.shown_grid()
        if grid is None:
            values = np.full(len(self.cells), np.nan, dtype=np.float32)
        else:
            values = np.asarray(grid, dtype=np.float32).ravel()[self.cells]
        self.mesh.cell_data["value"] = values
        self.mesh.cell_data["rgba"] = colours(self.mode, values)
        self.mesh.Modified()

    def value_at(self, local_xyz: np.ndarray) -> float | None:
        """The shown value at a local scene point (None outside the grid or where there is none)."""
        grid = self.shown_grid()
        if grid is None:
            return None
        xy = np.asarray(local_xyz, dtype=float)[:2] + self.origin[:2]
        idx = int(grid_index(xy[None, :], self.bounds, grid.shape)[0])
        value = float(grid.ravel()[idx]) if idx >= 0 else float("nan")
        return value if np.isfinite(value) else None

    def describe_value(self, value: float) -> str:
        """German text for a value of the current display (hover)."""
        from twin.sim.heat.utci import STRESS_CLASSES, stress_class

        m = self.mode
        if m in ("klasse", "klasse_max"):
            return STRESS_CLASSES[int(round(value))][2] if value >= 0 else "–"
        if m in ("utci", "utci_max"):
            return f"UTCI {_german(value)} °C ({STRESS_CLASSES[int(stress_class(value))][2]})"
        if m == "tmrt":
            return f"Tmrt {_german(value)} °C"
        if m == "schatten":
            return f"{_german(100 * value, 0)} % Sonne"
        if m == "svf":
            return f"Himmelssicht {_german(value, 2)}"
        return f"ΔUTCI {'+' if value > 0 else ''}{_german(value)} K"

    def title_of_mode(self) -> str:
        text = MODES[self.mode][0]
        if self.needs_hour() and self.hours:
            text += f", {self.hours[self.hour_index]:g} Uhr"
        return text


def load_heat_overlay(project: Project, run_id: str, origin: np.ndarray, terrain: pv.PolyData | None = None,
                      mode: str = "klasse_max") -> HeatOverlay:
    """Read a stored heat run as ``project`` (a role view) shows it and drape it over ``terrain``.

    The mesh covers the cells with a daily-maximum UTCI (the ground, not the roofs); ``mode`` is read at once.
    """
    from twin.errors import TwinIOError
    from twin.sim.heat.record import MAP_KEYS, RASTER_FILES, load_heat_run, read_heat_raster

    rec = load_heat_run(project, run_id)
    names = {r["name"] for r in project.store.rasters()}
    available = tuple(k for k in RASTER_FILES if f"{run_id}/{k}" in names)
    base_key = "utci_max" if "utci_max" in available else next((k for k in MAP_KEYS if k in available), None)
    if base_key is None:
        raise TwinIOError(f"Zum Hitze-Lauf „{rec.title or run_id}“ gibt es hier keine Ergebnisraster.")
    base = read_heat_raster(project, run_id, base_key)
    valid = np.isfinite(base.data[0]) & (base.data[0] >= 0)
    mesh, cells = drape_mesh(terrain, base.bounds, valid, np.asarray(origin, dtype=float), lift=HEAT_LIFT_M,
                             cell_array="heat_cell")
    overlay = HeatOverlay(rec.run_id, rec.title or run_id, list(rec.hours), mesh, base.bounds,
                          tuple(base.data.shape[1:]), cells, grids={base_key: base.data}, available=available,
                          origin=np.asarray(origin, dtype=float))
    if mode not in overlay.modes():
        mode = "klasse_max" if "klasse_max" in available else base_key
    overlay.ensure(project, mode)
    overlay.set_mode(mode)
    return overlay
