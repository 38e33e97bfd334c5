"""Reading LAS/LAZ files chunk by chunk: at most ``chunk_points`` points in memory at a time.

:class:`LasChunks` wraps ``laspy.open(path).chunk_iterator(n)`` (read errors become
:class:`~twin.errors.FormatError`); :class:`PointConverter` turns one chunk into :class:`Points` in the
project CRS: noise (classes 7/18) and withheld points dropped, x/y reprojected with pyproj, heights in
metres, colours as read (uint16), plus what the report needs from every point (class histogram, the
largest colour value, points outside the header bounds).

The header bounds (reprojected with ``transform_bounds``, a margin of :data:`HEADER_MARGIN_CELLS`)
only size the first accumulation grid (:meth:`PointConverter.header_cells`); they are not trusted:
points outside are counted for the report and the grid grows to the real extent
(:class:`importers.lidar.accumulate.GridAccumulator`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pyproj import CRS, Transformer

from twin.errors import CRSError, FormatError

NOISE = (7, 18)
#: the header bounds are widened by this many cells (rounding, reprojection of the tile edges)
HEADER_MARGIN_CELLS = 2
#: a header box larger than this is not allocated up front (the grid grows from the data instead)
HEADER_MAX_CELLS = 16_000_000


def _selection():
    """The LAZ 1.4 layers the importer needs (others are not decompressed; ignored for LAS/LAZ ≤ 1.3)."""
    import laspy

    s = laspy.DecompressionSelection
    return s.XY_RETURNS_CHANNEL | s.Z | s.CLASSIFICATION | s.FLAGS | s.RGB


class LasChunks:
    """The points of a LAS/LAZ file as chunks of at most ``chunk_points`` points (iterable repeatedly).

    ``largest`` is the most points one chunk held so far – the reader never holds more at once."""

    def __init__(self, path: Path, chunk_points: int) -> None:
        import laspy

        self.path, self.chunk_points = path, max(int(chunk_points), 1)
        try:
            with laspy.open(path) as f:
                self.header = f.header
        except Exception as exc:  # laspy raises LaspyException, lazrs errors, struct errors …
            raise FormatError(f"Keine lesbare LAS/LAZ-Datei: {exc}", path=path) from None
        self.point_count = int(self.header.point_count)
        self.largest = 0

    def __iter__(self) -> Iterator:
        import laspy

        try:
            f = laspy.open(self.path, decompression_selection=_selection())
            chunks = f.chunk_iterator(self.chunk_points)
        except Exception as exc:
            raise FormatError(f"Keine lesbare LAS/LAZ-Datei: {exc}", path=self.path) from None
        with f:
            while True:
                try:
                    chunk = next(chunks)
                except StopIteration:
                    return
                except Exception as exc:  # a broken chunk in the middle of the file
                    raise FormatError(f"Die Punktwolke ist beschädigt: {exc}", path=self.path) from None
                if len(chunk) == 0:
                    return
                self.largest = max(self.largest, len(chunk))
                yield chunk


@dataclass
class Points:
    """One chunk in the project CRS: the kept points, and counts over all points of the chunk."""

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    cls: np.ndarray
    rgb: np.ndarray | None  #: uint16 as in the file, (n, 3)
    n: int  #: all points of the chunk, incl. noise and withheld
    classes: np.ndarray  #: points per class 0–255, all points
    rgb_max: int  #: largest colour value of all points (0 without colours)
    outside: int  #: points outside the bounds the header names


class PointConverter:
    """Chunk → :class:`Points` (see module doc). ``z_factor``: metres per height unit."""

    def __init__(self, header, src: CRS, dst: CRS, z_factor: float, path: Path) -> None:
        self.path, self.z_factor = path, z_factor
        self.transformer = None if src.equals(dst) else Transformer.from_crs(src, dst, always_xy=True)
        self.mins = np.asarray(header.mins, dtype=np.float64)
        self.maxs = np.asarray(header.maxs, dtype=np.float64)
        self.tol = np.asarray(header.scales, dtype=np.float64)
        names = set(header.point_format.dimension_names)
        self.has_rgb = {"red", "green", "blue"} <= names
        self.has_withheld = "withheld" in names

    def header_cells(self, cell: float) -> tuple[int, int, int, int] | None:
        """The header's x/y bounds in the project CRS as global cells ``(col0, row0, col1, row1)``
        (inclusive, margin added), None if they are unusable (not finite, reversed, too large)."""
        xmin, ymin, xmax, ymax = (float(self.mins[0]), float(self.mins[1]), float(self.maxs[0]),
                                  float(self.maxs[1]))
        if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)) or xmin > xmax or ymin > ymax:
            return None
        if self.transformer is not None:
            try:
                xmin, ymin, xmax, ymax = self.transformer.transform_bounds(xmin, ymin, xmax, ymax, densify_pts=21)
            except Exception:  # pyproj: outside the area of use, …
                return None
            if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
                return None
        m = HEADER_MARGIN_CELLS
        box = (math.floor(xmin / cell) - m, math.floor(-ymax / cell) - m,
               math.floor(xmax / cell) + m, math.floor(-ymin / cell) + m)
        if (box[2] - box[0] + 1) * (box[3] - box[1] + 1) > HEADER_MAX_CELLS:
            return None
        return box

    def __call__(self, chunk) -> Points:
        x, y, z = (np.asarray(chunk.x, dtype=np.float64), np.asarray(chunk.y, dtype=np.float64),
                   np.asarray(chunk.z, dtype=np.float64))
        inside = np.ones(len(x), dtype=bool)
        for i, v in enumerate((x, y, z)):
            inside &= (v >= self.mins[i] - self.tol[i]) & (v <= self.maxs[i] + self.tol[i])
        cls = np.asarray(chunk.classification, dtype=np.uint8)
        keep = ~np.isin(cls, NOISE)
        if self.has_withheld:
            keep &= ~np.asarray(chunk.withheld, dtype=bool)
        rgb, rgb_max = None, 0
        if self.has_rgb:
            rgb = np.stack([np.asarray(chunk.red), np.asarray(chunk.green), np.asarray(chunk.blue)], axis=1)
            rgb_max = int(rgb.max()) if len(rgb) else 0
        if self.transformer is not None:
            x, y = self.transformer.transform(x, y)
            x, y = np.asarray(x), np.asarray(y)
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            raise CRSError("Die Punkte lassen sich nicht ins Projekt-KBS umrechnen (falsches Quell-KBS?).",
                           path=self.path)
        if self.z_factor != 1.0:
            z = z * self.z_factor
        return Points(x=x[keep], y=y[keep], z=z[keep], cls=cls[keep], rgb=None if rgb is None else rgb[keep],
                      n=len(cls), classes=np.bincount(cls, minlength=256), rgb_max=rgb_max,
                      outside=int(len(cls) - inside.sum()))
