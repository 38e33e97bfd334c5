"""Heavy-rain results in the scene (no Qt): water depth draped over the terrain as one overlay mesh.

The mesh is built once per run from the terrain cells that are ever wet (maximum depth at least
:data:`DEPTH_MIN_M`), lifted a little above the terrain; every cell knows the result-grid cell under
its centre (cell data ``flood_cell``). Switching the time step or the display mode only swaps the
cell arrays ``depth`` and ``rgba`` (same name, same length) – the geometry stays. Cells drier than
:data:`DEPTH_MIN_M` at the shown time get alpha 0 (invisible).

Display modes: ``verlauf`` (depth at a snapshot time, blues), ``max`` (maximum depth, blues) and
``klassen`` (hazard classes of the maximum depth with the usual German limits 0.1/0.3/0.5/1.0 m).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyvista as pv

from layers.drape import drape_mesh, grid_index
from layers.style import hex_rgba

if TYPE_CHECKING:
    from twin.project import Project

#: cells with less water than this [m] are not drawn
DEPTH_MIN_M = 0.01
#: depth [m] at which the blue ramp reaches its darkest colour
DEPTH_FULL_M = 1.0
#: the part of matplotlib's "Blues" ramp used (its light end would vanish on the terrain)
BLUES_RANGE = (0.45, 1.0)
#: alpha of a wet cell: from shallow (1 cm) to deep (>= ALPHA_FULL_M)
ALPHA_SHALLOW, ALPHA_DEEP, ALPHA_FULL_M = 185, 245, 0.3
#: height of the water overlay above the terrain surface [m], so that it is not hidden in it
FLOOD_LIFT_M = 0.3
#: the usual German hazard limits for the flooding depth [m] (Starkregengefahrenkarten)
HAZARD_LIMITS_M = (0.1, 0.3, 0.5, 1.0)
#: class index (0 … 4, from :func:`hazard_classes`) -> (colour, German title)
HAZARD_CLASSES: tuple[tuple[str, str], ...] = (
    ("#c6dbef", "gering (unter 0,1 m)"),
    ("#ffd92f", "mäßig (0,1 – 0,3 m)"),
    ("#fd8d3c", "hoch (0,3 – 0,5 m)"),
    ("#e31a1c", "sehr hoch (0,5 – 1,0 m)"),
    ("#800026", "extrem (über 1,0 m)"),
)
#: alpha of the hazard classes (the lowest class stays faint)
HAZARD_ALPHA = (110, 230, 230, 235, 240)

#: display modes: key -> German title
MODES: dict[str, str] = {
    "verlauf": "Wassertiefe-Verlauf",
    "max": "max. Tiefe",
    "klassen": "Gefahrenklassen",
}
#: the name of the overlay's actor in the 3D view
OVERLAY_NAME = "_starkregen"


def hazard_classes(depth: np.ndarray) -> np.ndarray:
    """Class 0 (< 0.1 m) … 4 (> 1.0 m) per value, by :data:`HAZARD_LIMITS_M` (a limit belongs to the upper class)."""
    return np.searchsorted(np.asarray(HAZARD_LIMITS_M), np.nan_to_num(np.asarray(depth, dtype=float)),
                           side="right").astype(np.uint8)


def depth_colours(depth: np.ndarray) -> np.ndarray:
    """RGBA (uint8) per depth [m]: blues, darker and more opaque with depth; alpha 0 below :data:`DEPTH_MIN_M`."""
    from matplotlib import colormaps

    d = np.nan_to_num(np.asarray(depth, dtype=float))
    t = np.clip(d / DEPTH_FULL_M, 0.0, 1.0)
    lo, hi = BLUES_RANGE
    rgba = colormaps["Blues"](lo + (hi - lo) * t, bytes=True).astype(np.uint8)
    alpha = ALPHA_SHALLOW + (ALPHA_DEEP - ALPHA_SHALLOW) * np.clip(d / ALPHA_FULL_M, 0.0, 1.0)
    rgba[:, 3] = np.where(d >= DEPTH_MIN_M, np.round(alpha), 0).astype(np.uint8)
    return rgba


def class_colours(depth: np.ndarray) -> np.ndarray:
    """RGBA (uint8) per depth [m] by hazard class; alpha 0 below :data:`DEPTH_MIN_M`."""
    table = np.array([hex_rgba(c, a / 255) for (c, _), a in zip(HAZARD_CLASSES, HAZARD_ALPHA)], dtype=np.uint8)
    d = np.nan_to_num(np.asarray(depth, dtype=float))
    rgba = table[hazard_classes(d)]
    rgba[d < DEPTH_MIN_M, 3] = 0
    return rgba


def legend(mode: str) -> list[tuple[str, str]]:
    """(colour '#rrggbb', German label) rows explaining a display mode."""
    if mode == "klassen":
        return list(HAZARD_CLASSES)
    rows = []
    for d, label in ((0.05, "bis 0,1 m"), (0.2, "0,1 – 0,3 m"), (0.4, "0,3 – 0,5 m"), (0.75, "0,5 – 1,0 m"),
                     (1.0, "über 1,0 m")):
        r, g, b, _ = depth_colours(np.array([d]))[0]
        rows.append((f"#{r:02x}{g:02x}{b:02x}", label))
    return rows


def time_label(seconds: float) -> str:
    """Model time as German text: '0:12 h' style ('1:05 h'), i.e. hours:minutes after rain start."""
    minutes = int(round(float(seconds) / 60.0))
    return f"{minutes // 60}:{minutes % 60:02d} h"


@dataclass
class FloodOverlay:
    """One heavy-rain run ready to draw: the draped mesh and the depth snapshots it shows.

    ``depths`` (k, ny, nx) at ``times`` (s) on the result grid ``bounds`` (xmin, ymin, xmax, ymax, project CRS,
    row 0 in the north); ``max_depth`` (ny, nx). ``mesh`` has cell data ``flood_cell`` (flat index into the
    grid), ``depth`` and ``rgba`` for the current ``mode`` and ``index``.
    """

    run_id: str
    title: str
    mesh: pv.PolyData
    times: np.ndarray
    depths: np.ndarray
    max_depth: np.ndarray
    bounds: tuple[float, float, float, float]
    mode: str = "max"
    index: int = 0
    cells: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: only the hazard classes are known (no depth snapshots, ``max_depth`` stands for the classes)
    classes_only: bool = False
    #: the scene origin the mesh is drawn around (local = project CRS minus origin)
    origin: np.ndarray = field(default_factory=lambda: np.zeros(3))

    @property
    def is_empty(self) -> bool:
        return self.mesh.n_cells == 0

    @property
    def n_times(self) -> int:
        return int(len(self.times))

    def current_time(self) -> float | None:
        """Model time [s] of the shown snapshot (None in the modes that show the maximum)."""
        if self.mode != "verlauf" or not self.n_times:
            return None
        return float(self.times[self.index])

    def shown_grid(self) -> np.ndarray:
        """The depth grid (ny, nx) shown in the current mode and time."""
        if self.mode == "verlauf" and self.n_times:
            return self.depths[self.index]
        return self.max_depth

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise KeyError(mode)
        self.mode = "klassen" if self.classes_only else mode
        self._update()

    def set_index(self, index: int) -> None:
        """Show snapshot ``index`` (clamped to the available ones); switches to the ``verlauf`` mode's data."""
        self.index = int(min(max(index, 0), max(self.n_times - 1, 0)))
        self._update()

    def _update(self) -> None:
        """Swap the cell arrays ``depth`` and ``rgba`` for the current mode and time (geometry untouched)."""
        if self.is_empty:
            return
        depth = np.asarray(self.shown_grid(), dtype=np.float32).ravel()[self.cells]
        rgba = class_colours(depth) if self.mode == "klassen" else depth_colours(depth)
        self.mesh.cell_data["depth"] = depth
        self.mesh.cell_data["rgba"] = rgba
        self.mesh.Modified()

    def depth_at(self, local_xyz: np.ndarray) -> float | None:
        """Depth [m] shown at a local scene point (None outside the result grid)."""
        grid = self.shown_grid()
        xy = np.asarray(local_xyz, dtype=float)[:2] + self.origin[:2]
        idx = int(grid_index(xy[None, :], self.bounds, grid.shape)[0])
        return None if idx < 0 else float(grid.ravel()[idx])

    def wet_cells(self) -> int:
        """Number of mesh cells drawn (depth at least :data:`DEPTH_MIN_M`) in the current state."""
        if self.is_empty:
            return 0
        return int((np.asarray(self.mesh.cell_data["depth"]) >= DEPTH_MIN_M).sum())


def flood_mesh(terrain: pv.PolyData | None, bounds: tuple[float, float, float, float], wet: np.ndarray,
               origin: np.ndarray, z_grid: np.ndarray | None = None) -> tuple[pv.PolyData, np.ndarray]:
    """The overlay geometry (see :func:`layers.drape.drape_mesh`): the wet cells, lifted by :data:`FLOOD_LIFT_M`,
    with cell data ``flood_cell``."""
    return drape_mesh(terrain, bounds, wet, origin, z_grid, lift=FLOOD_LIFT_M, cell_array="flood_cell")


def build_overlay(run_id: str, title: str, times: np.ndarray, depths: np.ndarray,
                  bounds: tuple[float, float, float, float], origin: np.ndarray, *,
                  terrain: pv.PolyData | None = None, max_depth: np.ndarray | None = None,
                  z_grid: np.ndarray | None = None, mode: str = "max") -> FloodOverlay:
    """A :class:`FloodOverlay` from a depth stack (k, ny, nx); ``max_depth`` defaults to the stack's maximum."""
    depths = np.asarray(depths, dtype=np.float32)
    if depths.ndim != 3:
        raise ValueError("depths must be (k, ny, nx)")
    if max_depth is None:
        max_depth = depths.max(axis=0) if len(depths) else np.zeros(depths.shape[1:], dtype=np.float32)
    max_depth = np.nan_to_num(np.asarray(max_depth, dtype=np.float32))
    if max_depth.shape != depths.shape[1:]:
        raise ValueError(f"max_depth {max_depth.shape} does not fit the snapshots {depths.shape[1:]}")
    wet = (max_depth >= DEPTH_MIN_M) | (depths >= DEPTH_MIN_M).any(axis=0) if len(depths) else max_depth >= DEPTH_MIN_M
    mesh, cells = flood_mesh(terrain, tuple(map(float, bounds)), wet, np.asarray(origin, dtype=float), z_grid)
    overlay = FloodOverlay(run_id, title, mesh, np.asarray(times, dtype=float), depths, max_depth,
                           tuple(map(float, bounds)), mode=mode, cells=cells,
                           origin=np.asarray(origin, dtype=float))
    overlay.set_mode(mode)
    return overlay


#: a depth [m] inside each hazard class, to draw a run of which only the hazard map may be seen
CLASS_DEPTH_M = (0.05, 0.2, 0.4, 0.75, 1.5)


def _read_grid(path: Path, shape: tuple[int, int] | None = None) -> tuple[np.ndarray, tuple] | None:
    """A result raster as float32 (ny, nx) (NoData -> 0) with its bounds; None if missing or of another shape."""
    import rasterio

    if not path.is_file():
        return None
    with rasterio.open(path) as src:
        if shape is not None and (src.height, src.width) != tuple(shape):
            return None
        data = src.read(1, masked=True).astype("float32")
        b = src.bounds
    return np.asarray(data.filled(0.0)), (b.left, b.bottom, b.right, b.top)


def _hazard_path(project: Project, record, run_id: str) -> Path | None:
    """The run's hazard-class raster: from its record, else from the raster register (e.g. a Bürgerzwilling)."""
    from twin.sim.heavy_rain import KIND_HAZARD

    rel = (getattr(record, "rasters", None) or {}).get("gefahrenklassen")
    if rel:
        return project.root / rel
    for r in project.store.rasters(kind=KIND_HAZARD):
        if str(r["name"]).split("/", 1)[0] == run_id:
            return project.root / r["path"]
    return None


def load_overlay(project: Project, run_id: str, origin: np.ndarray, terrain: pv.PolyData | None = None,
                 mode: str = "max") -> FloodOverlay:
    """Read a stored heavy-rain run (snapshots and maximum depth) and drape it over ``terrain``.

    Where only the hazard map may be seen (Bürgerzwilling: no depth rasters), the overlay has no snapshots
    and its ``max_depth`` is a depth inside each cell's class (:data:`CLASS_DEPTH_M`); ``classes_only`` is set.
    """
    from twin.errors import TwinError
    from twin.sim.heavy_rain import depth_series, load_run

    record = load_run(project, run_id)
    title = getattr(record, "title", "") or run_id
    try:
        times, depths, bounds = depth_series(project, run_id)
    except TwinError:
        times = depths = None
    if depths is not None:
        depths = np.asarray(depths, dtype=np.float32)
        max_depth = None
        rel = (getattr(record, "rasters", None) or {}).get("max_tiefe")
        if rel:
            found = _read_grid(project.root / rel, tuple(depths.shape[1:]))
            max_depth = found[0] if found is not None else None
        return build_overlay(run_id, title, times, depths, bounds, origin, terrain=terrain, max_depth=max_depth,
                             mode=mode)
    path = _hazard_path(project, record, run_id)
    found = _read_grid(path) if path is not None else None
    if found is None:
        from twin.errors import TwinIOError

        raise TwinIOError(f"Zum Starkregen-Lauf „{title}“ gibt es hier keine Ergebnisraster.")
    classes, bounds = found
    cls = np.clip(np.round(classes), 0, len(CLASS_DEPTH_M) - 1).astype(np.int64)
    max_depth = np.where(classes > 0, np.asarray(CLASS_DEPTH_M, dtype=np.float32)[cls], 0.0).astype(np.float32)
    overlay = build_overlay(run_id, title, np.zeros(0), np.zeros((0, *max_depth.shape), dtype=np.float32), bounds,
                            origin, terrain=terrain, max_depth=max_depth, mode="klassen")
    overlay.classes_only = True
    return overlay
