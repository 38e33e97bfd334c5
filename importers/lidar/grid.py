"""Vectorised gridding of point clouds (numpy only, no scipy).

Conventions (documented here, used by :mod:`importers.lidar.load` and ``bench/bench_lidar.py``):

* **Grid**: north-up, cell size ``cell`` metres, the lower-left corner snapped to a multiple of the
  cell size (``floor(xmin / cell) * cell``), so that tiles of one survey share one grid and mosaic
  without resampling. A point belongs to cell ``col = floor((x - x0) / cell)``,
  ``row = floor((ytop - y) / cell)``; points on the right/bottom edge of the grid go to the last cell.
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

    def cell_index(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Flat (row-major) cell index of every point."""
        col = np.floor((x - self.x0) / self.cell).astype(np.int64)
        row = np.floor((self.ytop - y) / self.cell).astype(np.int64)
        np.clip(col, 0, self.width - 1, out=col)
        np.clip(row, 0, self.height - 1, out=row)
        return row * self.width + col


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


def voxel_thin(x: np.ndarray, y: np.ndarray, z: np.ndarray, voxel: float, max_points: int) -> np.ndarray:
    """Indices of one point per voxel (the first in file order), then every k-th if more than ``max_points``."""
    if len(x) == 0:
        return np.zeros(0, dtype=np.int64)
    ix = np.floor((x - x.min()) / voxel).astype(np.int64)
    iy = np.floor((y - y.min()) / voxel).astype(np.int64)
    iz = np.floor((z - z.min()) / voxel).astype(np.int64)
    key = (ix * (iy.max() + 1) + iy) * (iz.max() + 1) + iz
    _, first = np.unique(key, return_index=True)
    first.sort()
    if len(first) > max_points:
        first = first[np.linspace(0, len(first) - 1, max_points).astype(np.int64)]
    return first
