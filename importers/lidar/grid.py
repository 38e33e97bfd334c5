"""Vectorised gridding of point clouds (numpy only, no scipy).

Conventions (documented here, used by :mod:`importers.lidar.load` and ``bench/bench_lidar.py``):

* **Grid**: north-up, cell size ``cell`` metres, the lower-left corner snapped to a multiple of the
  cell size (``floor(xmin / cell) * cell``), so that tiles of one survey share one grid and mosaic
  without resampling. A point belongs to the global cell (:func:`cell_coords`)
  ``(floor(x / cell), floor(-y / cell))``, i.e. ``col = floor((x - x0) / cell)``,
  ``row = floor((ytop - y) / cell)`` of a grid – computed without the grid's origin, so that every
  chunk of a file and every (growing) accumulation grid puts a point into the same cell. Points on the
  right/bottom edge of the grid go to the last cell.
* **Statistics per cell**: ``np.minimum.at`` / ``np.maximum.at`` (unbuffered, fast since numpy 1.25)
  into a flat array initialised with ±inf; cells without points become NaN.
* **Small holes** (:func:`fill_holes`): a NaN cell that has valid cells among its 8 neighbours gets
  their mean; repeated ``iterations`` times (default 2, i.e. gaps up to about 4 cells wide are closed,
  larger gaps – e.g. under buildings in a ground model – stay NoData). With ``iterations=None`` it
  repeats until every cell is filled (used internally for the DEM that normalises canopy and building
  heights, never written as the DGM).
* **Ground filter** for unclassified clouds (:func:`ground_cells`): a simple progressive morphological
  filter after Zhang et al. (2003) on the grid of the lowest point per cell: for window sizes
  ``PMF_WINDOWS`` (3, 5, 9, 17, 33 cells) the lowest-point surface is opened (erosion = min filter,
  then dilation = max filter, separable square windows); a cell whose lowest point lies more than
  ``dh = min(PMF_DH0 + PMF_SLOPE * (w - 1) * cell, PMF_DH_MAX)`` above the opened surface is not
  ground (``PMF_DH0`` = 0.3 m, ``PMF_SLOPE`` = 0.3 (≈ 17°), ``PMF_DH_MAX`` = 2.5 m). Objects wider than
  the largest window (33 m at 1 m cells) are not removed – large flat roofs can remain as "ground".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

PMF_WINDOWS = (3, 5, 9, 17, 33)
PMF_DH0 = 0.3
PMF_SLOPE = 0.3
PMF_DH_MAX = 2.5
#: points within this height above the lowest point of a ground cell count as ground points
GROUND_BAND = 0.3


@dataclass(frozen=True)
class GridSpec:
    """A north-up grid: left, top edge, cell size, columns, rows."""

    x0: float
    ytop: float
    cell: float
    width: int
    height: int

    @classmethod
    def covering(cls, xmin: float, ymin: float, xmax: float, ymax: float, cell: float) -> GridSpec:
        x0 = math.floor(xmin / cell) * cell
        y0 = math.floor(ymin / cell) * cell
        x1 = max(math.ceil(xmax / cell) * cell, x0 + cell)
        y1 = max(math.ceil(ymax / cell) * cell, y0 + cell)
        return cls(x0, y1, cell, int(round((x1 - x0) / cell)), int(round((y1 - y0) / cell)))

    @property
    def size(self) -> int:
        return self.width * self.height

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return (self.x0, self.ytop - self.height * self.cell, self.x0 + self.width * self.cell, self.ytop)

    def transform(self):
        from rasterio.transform import from_origin

        return from_origin(self.x0, self.ytop, self.cell, self.cell)

    @property
    def origin_cell(self) -> tuple[int, int]:
        """The global cell (see :func:`cell_coords`) of the top-left cell."""
        return round(self.x0 / self.cell), round(-self.ytop / self.cell)

    def cell_index(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Flat (row-major) cell index of every point (points outside go to the nearest edge cell)."""
        col, row = cell_coords(x, y, self.cell)
        c0, r0 = self.origin_cell
        col -= c0
        row -= r0
        np.clip(col, 0, self.width - 1, out=col)
        np.clip(row, 0, self.height - 1, out=row)
        return row * self.width + col


def cell_coords(x: np.ndarray, y: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """Global integer cell of every point: ``(floor(x / cell), floor(-y / cell))`` (column, row; rows
    grow southwards, a cell contains its left and its top edge)."""
    return np.floor(x / cell).astype(np.int64), np.floor(-y / cell).astype(np.int64)


def grid_min(idx: np.ndarray, z: np.ndarray, spec: GridSpec) -> np.ndarray:
    out = np.full(spec.size, np.inf)
    np.minimum.at(out, idx, z)
    out[np.isinf(out)] = np.nan
    return out.reshape(spec.height, spec.width)


def grid_max(idx: np.ndarray, z: np.ndarray, spec: GridSpec) -> np.ndarray:
    out = np.full(spec.size, -np.inf)
    np.maximum.at(out, idx, z)
    out[np.isinf(out)] = np.nan
    return out.reshape(spec.height, spec.width)


def fill_holes(grid: np.ndarray, iterations: int | None = 2) -> np.ndarray:
    """NaN cells next to valid cells get the mean of their valid 8-neighbours, ``iterations`` times
    (None: until full; a grid without any valid cell is returned unchanged)."""
    g = grid.copy()
    n = 0
    while True:
        nan = np.isnan(g)
        if not nan.any() or nan.all() or (iterations is not None and n >= iterations):
            return g
        v = np.pad(np.where(nan, 0.0, g), 1)
        c = np.pad((~nan).astype(np.float64), 1)
        h, w = g.shape
        s = np.zeros_like(g)
        k = np.zeros_like(g)
        for dy in (0, 1, 2):
            for dx in (0, 1, 2):
                if dy == 1 and dx == 1:
                    continue
                s += v[dy:dy + h, dx:dx + w]
                k += c[dy:dy + h, dx:dx + w]
        fill = nan & (k > 0)
        g[fill] = s[fill] / k[fill]
        n += 1


def _filter(a: np.ndarray, w: int, op, pad: float) -> np.ndarray:
    """Separable square min/max filter of odd width ``w`` (edges padded with ``pad``)."""
    r = w // 2
    p = np.pad(a, ((0, 0), (r, r)), constant_values=pad)
    a = op(sliding_window_view(p, w, axis=1), axis=-1)
    p = np.pad(a, ((r, r), (0, 0)), constant_values=pad)
    return op(sliding_window_view(p, w, axis=0), axis=-1)


def ground_cells(zmin: np.ndarray, cell: float) -> np.ndarray:
    """Boolean grid: cells whose lowest point is ground (progressive morphological filter, see module doc)."""
    valid = np.isfinite(zmin)
    surface = np.where(valid, zmin, np.inf)
    ground = valid.copy()
    for w in PMF_WINDOWS:
        eroded = _filter(surface, w, np.min, np.inf)
        opened = _filter(np.where(np.isinf(eroded), -np.inf, eroded), w, np.max, -np.inf)
        opened[np.isinf(opened)] = np.inf
        dh = min(PMF_DH0 + PMF_SLOPE * (w - 1) * cell, PMF_DH_MAX)
        with np.errstate(invalid="ignore"):
            ground &= ~(np.isfinite(opened) & (surface - opened > dh))
        surface = opened
    return ground


#: bits per axis of a packed voxel key (3 × 21 = 63 bits of an int64)
VOXEL_BITS = 21


def voxel_keys(x: np.ndarray, y: np.ndarray, z: np.ndarray, voxel: float,
               origin: tuple[float, float, float]) -> np.ndarray:
    """One int64 per point naming its voxel ``floor((coord - origin) / voxel)`` (21 bits per axis).

    The importer's origin is the first point of the file, known to every chunk. Each axis holds
    ±2**20 voxels around it (±1048 km at 1 m); farther outliers share the border voxel of their axis."""
    half = 1 << (VOXEL_BITS - 1)
    key = np.zeros(len(x), dtype=np.int64)
    for v, o in zip((x, y, z), origin):
        i = np.floor((v - o) / voxel).astype(np.int64)
        np.clip(i, -half, half - 1, out=i)
        i += half
        key <<= VOXEL_BITS
        key |= i
    return key


def voxel_thin(x: np.ndarray, y: np.ndarray, z: np.ndarray, voxel: float, max_points: int) -> np.ndarray:
    """Indices of one point per voxel (the first in file order; voxel edges counted from the first
    point, see :func:`voxel_keys`), then ``max_points`` evenly spaced ones if there are more.

    The one-array reference; the importer gets the same result chunk by chunk with
    :class:`importers.lidar.accumulate.VoxelThinner`."""
    if len(x) == 0:
        return np.zeros(0, dtype=np.int64)
    key = voxel_keys(x, y, z, voxel, (float(x[0]), float(y[0]), float(z[0])))
    _, first = np.unique(key, return_index=True)
    first.sort()
    return cap_evenly(first, max_points)


def cap_evenly(a: np.ndarray, max_points: int) -> np.ndarray:
    """``a`` itself, or ``max_points`` evenly spaced elements of it (first and last included)."""
    if len(a) > max_points:
        return a[np.linspace(0, len(a) - 1, max_points).astype(np.int64)]
    return a
