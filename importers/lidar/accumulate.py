"""Per-cell statistics and the display cloud, accumulated chunk by chunk (bounded memory).

:class:`GridAccumulator` keeps flat float64 grids (±inf = no point yet), updated with
``np.minimum.at`` / ``np.maximum.at`` per chunk:

=========  ========================================================================================
``top``    highest point (DOM)
``ground`` lowest ground point (class 2) – allocated with the first ground point
``low``    lowest point of any class – only while no ground point has been seen (ground filter input)
``veg``    highest vegetation point (classes 3–5), ``bld`` highest building point (class 6) – allocated
           with their first point
=========  ========================================================================================

The grid lives in global integer cells (:func:`importers.lidar.grid.cell_coords`), so a point lands
in the same cell whatever grid is allocated. The first grid is the header box (if usable); a chunk
with points outside reallocates it to the data extent seen so far plus 25 % (at least 16 cells) on
every side – together with the old box unless that would quadruple the grid (a bogus header) – and
copies the old values over. :meth:`GridAccumulator.result` crops to the extent of the
points and puts points on the right/bottom edge into the last cell – exactly the grid and the cell
values of :meth:`importers.lidar.grid.GridSpec.covering` over all points at once, for every chunk size
and whatever bounds the header names.

:class:`VoxelThinner` keeps the first point of every 1 m voxel (voxel edges counted from the first
kept point of the file, which every chunk knows) in file order (keys of all voxels seen
so far, sorted; a chunk adds the first point of each voxel it is the first to touch) and caps the list
at the end with ``linspace`` – the result of :func:`importers.lidar.grid.voxel_thin` on the whole cloud.

Memory: one chunk (read + converted, about 100 bytes per point), 8 bytes per cell and statistic
(at most 4 at once), about 40 bytes per occupied voxel for the display candidates (all have to be kept
until the cap is known: a 1 km² tile has 1–5 million occupied 1 m voxels).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from importers.lidar.grid import GridSpec, cap_evenly, cell_coords, voxel_keys
from twin.errors import FormatError

GROUND, BUILDING = 2, 6
VEGETATION = (3, 4, 5)
#: the largest grid the importer builds (cells)
MAX_CELLS = 200_000_000
_MIN = ("ground", "low")
_INIT = {"top": -np.inf, "ground": np.inf, "low": np.inf, "veg": -np.inf, "bld": -np.inf}


class GridAccumulator:
    """Min/max grids of a point cloud, fed chunk by chunk (see module doc)."""

    def __init__(self, cell: float, path: Path, start: tuple[int, int, int, int] | None = None,
                 max_cells: int = MAX_CELLS) -> None:
        self.cell, self.path, self.max_cells = cell, path, max_cells
        self.box = start  #: (col0, row0, col1, row1) of the allocated grid, inclusive, global cells
        self.grids: dict[str, np.ndarray] = {}
        self.extent = [math.inf, math.inf, -math.inf, -math.inf]  #: of the points, project CRS
        self.points = 0  #: points added
        self.ground_points = 0  #: class 2 points added
        self.reallocations = 0

    def _shape(self) -> tuple[int, int]:
        c0, r0, c1, r1 = self.box
        return r1 - r0 + 1, c1 - c0 + 1

    def _too_big(self, w: int, h: int) -> None:
        if w * h > self.max_cells:
            raise FormatError(f"Das Raster wäre zu groß ({w}×{h} Zellen); bitte eine größere Zellgröße wählen.",
                              path=self.path)

    def _grow(self, c0: int, r0: int, c1: int, r1: int) -> None:
        """Reallocate to the cells ``c0..c1 × r0..r1`` (the points so far) plus slack; copy the values."""
        w, h = c1 - c0 + 1, r1 - r0 + 1
        self._too_big(w, h)
        sx, sy = max(w // 4, 16), max(h // 4, 16)
        if (w + 2 * sx) * (h + 2 * sy) > self.max_cells:
            sx = sy = 0
        new = (c0 - sx, r0 - sy, c1 + sx, r1 + sy)
        if self.box is not None:  # keep the old box too unless that makes the grid much larger (bogus header)
            union = (min(new[0], self.box[0]), min(new[1], self.box[1]), max(new[2], self.box[2]),
                     max(new[3], self.box[3]))
            if _cells(union) <= min(4 * _cells(new), self.max_cells):
                new = union
        old, self.box = self.box, new
        for name, a in self.grids.items():  # every value lies in the points' extent, inside both boxes
            self.grids[name] = _window(a, old, self.box, _INIT[name]).ravel()
        self.reallocations += 1

    def _reduce(self, name: str, idx: np.ndarray, z: np.ndarray) -> None:
        a = self.grids.get(name)
        if a is None:
            h, w = self._shape()
            a = self.grids[name] = np.full(h * w, _INIT[name])
        (np.minimum if name in _MIN else np.maximum).at(a, idx, z)

    def add(self, x: np.ndarray, y: np.ndarray, z: np.ndarray, cls: np.ndarray) -> None:
        """Add points (project CRS, metres, ASPRS classes; noise already removed)."""
        if len(x) == 0:
            return
        e = self.extent
        e[:] = [min(e[0], float(x.min())), min(e[1], float(y.min())), max(e[2], float(x.max())),
                max(e[3], float(y.max()))]
        col, row = cell_coords(x, y, self.cell)
        lo_c, hi_c, lo_r, hi_r = int(col.min()), int(col.max()), int(row.min()), int(row.max())
        b = self.box
        if b is None or lo_c < b[0] or lo_r < b[1] or hi_c > b[2] or hi_r > b[3]:
            ac, ar = cell_coords(np.array([e[0], e[2]]), np.array([e[3], e[1]]), self.cell)
            self._grow(int(ac[0]), int(ar[0]), int(ac[1]), int(ar[1]))
        c0, r0, c1, _ = self.box
        row -= r0
        row *= c1 - c0 + 1
        col -= c0
        idx = row
        idx += col
        del col
        self.points += len(x)
        self._reduce("top", idx, z)
        ground = cls == GROUND
        n_ground = int(ground.sum())
        if n_ground:
            self._reduce("ground", idx[ground], z[ground])
            self.ground_points += n_ground
            self.grids.pop("low", None)
        if not self.ground_points:
            self._reduce("low", idx, z)
        veg = np.isin(cls, VEGETATION)
        if veg.any():
            self._reduce("veg", idx[veg], z[veg])
        bld = cls == BUILDING
        if bld.any():
            self._reduce("bld", idx[bld], z[bld])

    def result(self) -> tuple[GridSpec, dict[str, np.ndarray]]:
        """The grid over the points' extent (``GridSpec.covering``) and its 2-D grids (NaN = no point)."""
        if not self.points:
            raise FormatError("Die Punktwolke enthält keine Punkte.", path=self.path)
        xmin, ymin, xmax, ymax = self.extent
        spec = GridSpec.covering(xmin, ymin, xmax, ymax, self.cell)
        self._too_big(spec.width, spec.height)
        cols, rows = cell_coords(np.array([xmax]), np.array([ymin]), self.cell)  # the last cell with points
        # covering() puts points on the right/bottom edge into the last cell: fold the cells beyond in
        c0, r0 = spec.origin_cell
        box = (c0, r0, max(int(cols[0]), c0 + spec.width - 1), max(int(rows[0]), r0 + spec.height - 1))
        out: dict[str, np.ndarray] = {}
        for name, flat in self.grids.items():
            a = _window(flat, self.box, box, _INIT[name])
            op = np.minimum if name in _MIN else np.maximum
            if a.shape[1] > spec.width:
                a[:, spec.width - 1] = op.reduce(a[:, spec.width - 1:], axis=1)
                a = a[:, :spec.width]
            if a.shape[0] > spec.height:
                a[spec.height - 1] = op.reduce(a[spec.height - 1:], axis=0)
                a = a[:spec.height]
            a = np.ascontiguousarray(a)
            a[np.isinf(a)] = np.nan
            out[name] = a
        return spec, out


def _cells(box: tuple[int, int, int, int]) -> int:
    return (box[2] - box[0] + 1) * (box[3] - box[1] + 1)


def _window(flat: np.ndarray, src: tuple[int, int, int, int], dst: tuple[int, int, int, int],
            init: float) -> np.ndarray:
    """The 2-D grid of box ``dst`` (global cells, inclusive) from the flat grid of box ``src``;
    cells outside ``src`` get ``init``."""
    a = flat.reshape(src[3] - src[1] + 1, src[2] - src[0] + 1)
    out = np.full((dst[3] - dst[1] + 1, dst[2] - dst[0] + 1), init)
    c0, r0, c1, r1 = max(src[0], dst[0]), max(src[1], dst[1]), min(src[2], dst[2]), min(src[3], dst[3])
    if c0 <= c1 and r0 <= r1:
        out[r0 - dst[1]:r1 - dst[1] + 1, c0 - dst[0]:c1 - dst[0] + 1] = \
            a[r0 - src[1]:r1 - src[1] + 1, c0 - src[0]:c1 - src[0] + 1]
    return out


class VoxelThinner:
    """The display cloud: first point per voxel in file order, capped evenly (see module doc)."""

    def __init__(self, voxel: float) -> None:
        self.voxel = voxel
        self.origin: tuple[float, float, float] | None = None
        self.seen = np.zeros(0, dtype=np.int64)  #: sorted keys of the voxels seen
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray | None]] = []

    @property
    def candidates(self) -> int:
        return len(self.seen)

    def add(self, x: np.ndarray, y: np.ndarray, z: np.ndarray, cls: np.ndarray, rgb: np.ndarray | None) -> None:
        if len(x) == 0:
            return
        if self.origin is None:
            self.origin = (float(x[0]), float(y[0]), float(z[0]))
        keys, first = np.unique(voxel_keys(x, y, z, self.voxel, self.origin), return_index=True)
        pos = np.searchsorted(self.seen, keys)
        known = pos < len(self.seen)
        known[known] = self.seen[pos[known]] == keys[known]
        new = ~known
        sel = np.sort(first[new])
        self.seen = np.insert(self.seen, pos[new], keys[new])
        self.parts.append((np.stack([x[sel], y[sel], z[sel]], axis=1), cls[sel],
                           None if rgb is None else rgb[sel]))

    def result(self, max_points: int, rgb_max: int | None) -> dict[str, np.ndarray]:
        """Arrays of the display cloud file; ``rgb_max`` None: no colours, > 255: 16-bit colours."""
        if not self.parts:
            return {"xyz": np.zeros((0, 3)), "classification": np.zeros(0, np.uint8)}
        sel = cap_evenly(np.arange(self.candidates), max_points)
        cloud = {"xyz": np.concatenate([p[0] for p in self.parts])[sel],
                 "classification": np.concatenate([p[1] for p in self.parts])[sel]}
        if rgb_max is not None:
            rgb = np.concatenate([p[2] for p in self.parts])[sel]
            cloud["rgb"] = (rgb >> 8).astype(np.uint8) if rgb_max > 255 else rgb.astype(np.uint8)
        return cloud
