"""ASCII XYZ grids (DGM1 as NRW, Thüringen, Hamburg, Berlin … publish them) → DGM COG.

Format: one point per line, ``x y z`` separated by blanks, tabs, commas or semicolons (decimal point),
optionally one header line (``x y z``, ``RECHTSWERT HOCHWERT HOEHE`` …). The coordinates are the grid
nodes (cell centres: pixel-is-point), the usual DGM1 delivery being 1 km × 1 km at 1 m.

Grid detection: the spacing is the smallest step between distinct x (and y) values; every point must
lie on that lattice (within 1 mm) – otherwise the file is an irregular point set and is rejected with a
FormatError (such data belongs in the LAS/LAZ importer). Missing nodes become NoData. Duplicate nodes
with different heights are rejected. No CRS is stored in XYZ files: ``source_crs`` (CLI ``--crs``) is
required; without it the import fails with a CRSError.

The grid is built in memory as a GeoTIFF and imported by :class:`importers.terrain.TerrainImporter`
(reprojection, COG in ``rasters/dgm/``, one transaction, provenance of the XYZ file).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from rasterio.io import MemoryFile
from rasterio.transform import from_origin

from importers.base import CancelToken, ImportReport, ProgressFn
from importers.terrain import NODATA, TerrainImporter
from twin.errors import CRSError, FormatError
from twin.project import Project

_NUM = r"[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?"
_LINE = re.compile(rf"^\s*({_NUM})[\s,;]+({_NUM})[\s,;]+({_NUM})\s*$")
TOL = 1e-3


def _lines(head: bytes) -> list[str]:
    text = head.decode("latin-1", errors="replace")
    return [ln for ln in text.splitlines()[:-1] if ln.strip()]  # the last line may be cut off


class XYZGridImporter(TerrainImporter):
    name = "terrain_xyz"
    title = "Geländemodell (ASCII-XYZ-Raster)"
    suffixes = (".xyz", ".txt")
    format_name = "XYZ"

    def sniff(self, path: Path, head: bytes) -> bool:
        lines = _lines(head)
        if len(lines) < 2:
            return False
        body = lines[1:] if not _LINE.match(lines[0]) else lines
        return len(body) >= 1 and all(_LINE.match(ln) for ln in body[:20])

    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.02, f"Lese {path.name} …")
        if not self.source_crs:
            raise CRSError("XYZ-Dateien enthalten kein Koordinatensystem. Bitte das Quell-KBS angeben "
                           "(z. B. --crs EPSG:25832).", path=path)
        pts = self._read_points(path)
        cancel.check(path)
        data, transform = self._grid(pts, path)
        cancel.check(path)
        h, w = data.shape
        mem = MemoryFile()
        with mem.open(driver="GTiff", width=w, height=h, count=1, dtype="float64", transform=transform,
                      nodata=NODATA) as ds:
            ds.write(data, 1)
        try:
            self.import_dataset(project, path, mem.open(), report, progress, cancel, actor)
        finally:
            mem.close()

    @staticmethod
    def _read_points(path: Path) -> np.ndarray:
        with open(path, "rb") as f:
            first = f.readline().decode("latin-1", errors="replace")
        skip = 0 if _LINE.match(first) else 1
        with open(path, "rb") as f:
            sample = f.readlines(4096)[skip:skip + 1]
        sample_line = sample[0].decode("latin-1", errors="replace") if sample else ""
        delim = ";" if ";" in sample_line else ("," if "," in sample_line else None)
        try:
            pts = np.loadtxt(path, skiprows=skip, usecols=(0, 1, 2), dtype=np.float64, delimiter=delim, ndmin=2,
                             encoding="latin-1")
        except ValueError:
            text = path.read_text(encoding="latin-1").splitlines()[skip:]
            for i, ln in enumerate(text, start=skip + 1):
                if ln.strip() and not _LINE.match(ln):
                    raise FormatError(f"Zeile {i} ist kein 'x y z'-Tripel: {ln[:60]!r}", path=path) from None
            pts = np.array([[float(v) for v in _LINE.match(ln).groups()] for ln in text if ln.strip()])
        if len(pts) < 4:
            raise FormatError("Die XYZ-Datei enthält zu wenige Punkte für ein Raster.", path=path)
        return pts

    @staticmethod
    def _grid(pts: np.ndarray, path: Path) -> tuple[np.ndarray, object]:
        x, y, z = pts[:, 0], pts[:, 1], pts[:, 2]
        steps = []
        for v, axis in ((x, "x"), (y, "y")):
            u = np.unique(v)
            d = np.diff(u)
            if len(d) == 0:
                raise FormatError(f"Alle Punkte haben denselben {axis}-Wert – kein Raster.", path=path)
            steps.append(float(d.min()))
        dx, dy = steps
        x0, ytop = x.min(), y.max()
        fc, fr = (x - x0) / dx, (ytop - y) / dy
        col, row = np.rint(fc).astype(np.int64), np.rint(fr).astype(np.int64)
        off = max(np.abs(fc - col).max() * dx, np.abs(fr - row).max() * dy)
        if off > TOL:
            raise FormatError(
                f"Die Punkte liegen nicht auf einem regelmäßigen Raster (Abstand {dx:g} × {dy:g} m, Abweichung bis "
                f"{off:.3f} m). Unregelmäßige Punktmengen bitte als LAS/LAZ importieren.", path=path)
        w, h = int(col.max()) + 1, int(row.max()) + 1
        if w * h > 4 * len(x) + 100:
            raise FormatError(f"Das Raster wäre überwiegend leer ({len(x)} Punkte auf {w}×{h} Zellen) – "
                              "unregelmäßige Punktmenge?", path=path)
        flat = row * w + col
        order = np.argsort(flat, kind="stable")
        fs = flat[order]
        dup = fs[1:] == fs[:-1]
        if dup.any() and (z[order][1:][dup] != z[order][:-1][dup]).any():
            raise FormatError("Derselbe Rasterpunkt kommt mehrfach mit verschiedenen Höhen vor.", path=path)
        data = np.full(w * h, NODATA)
        data[flat] = z
        return data.reshape(h, w), from_origin(x0 - dx / 2, ytop + dy / 2, dx, dy)
