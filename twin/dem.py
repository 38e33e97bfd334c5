"""The project DEM: all DGM tiles (rasters of kind ``"dgm"``) mosaicked into one Cloud-Optimized GeoTIFF.

``rasters/dem/projekt_dgm.tif`` is registered as raster ``projekt_dgm`` of kind ``"dem"``. Rules:

* Grid: the finest x and y resolution among the tiles; the lattice is anchored at the top-left corner
  of the oldest tile with that resolution, the extent is the union of all tiles snapped outward to it.
  Tiles on that lattice (the usual 1 km DGM1 tiles at 1 m) are copied cell for cell; others are
  resampled bilinearly. Cells no tile covers are NoData (−9999).
* Overlaps: the most recently imported tile (highest provenance id) wins wherever it has data; its
  NoData cells do not erase older heights.
* Memory: tiles are pasted one at a time in chunks of at most ``CHUNK`` × ``CHUNK`` cells into an
  uncompressed, sparse scratch GeoTIFF next to the target (about 3 float arrays of one chunk, ≈ 50 MB)
  plus GDAL's block cache (``GDAL_CACHEMAX``) – independent of the number of tiles; GDAL then copies
  the scratch file to the COG. Disk: 4 bytes per mosaic cell, briefly.
* Time: every call rebuilds the whole mosaic (36 DGM1 tiles = 6000 × 6000 cells: ≈ 5 s on 2 cores),
  so importing n tiles one by one costs O(n²); for large batches rebuild once at the end.
* Staleness: :func:`project_dem` ignores a DEM older than the newest tile (provenance id), so the
  layers fall back to the tiles until :func:`build_project_dem` ran again.
* Transactions: :func:`prepare_project_dem` writes a temporary file and registers the DEM in the store's
  current transaction; the caller moves ``PendingDem.tmp`` to ``PendingDem.final`` as its last step
  (``os.replace``) and deletes ``tmp`` in ``finally`` – a failed or cancelled import changes nothing.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import rasterio
import rasterio.shutil
from rasterio.errors import RasterioError
from rasterio.transform import Affine
from rasterio.warp import Resampling, reproject
from rasterio.windows import Window

from twin.errors import FormatError
from twin.files import file_sha256
from twin.project import Project

DEM_NAME = "projekt_dgm"
DEM_KIND = "dem"
TILE_KIND = "dgm"
DEM_PATH = Path("rasters") / DEM_KIND / f"{DEM_NAME}.tif"
NODATA = -9999.0
CHUNK = 2048
_EPS = 1e-6


@dataclass(frozen=True)
class PendingDem:
    """A written but not yet published project DEM: ``os.replace(tmp, final)`` publishes it."""

    tmp: Path
    final: Path
    bounds: tuple[float, float, float, float]
    resolution: tuple[float, float]

    def commit(self) -> None:
        os.replace(self.tmp, self.final)


def tiles_oldest_first(project: Project) -> list[dict[str, Any]]:
    """The registered DGM tiles in import order (provenance id, then name); the last one wins overlaps."""
    return sorted(project.store.rasters(kind=TILE_KIND), key=lambda r: (r["provenance_id"] or 0, r["name"]))


def project_dem(project: Project) -> dict[str, Any] | None:
    """The registered project DEM if its file exists and no tile was imported after it, else None."""
    newest = max((t["provenance_id"] or 0 for t in project.store.rasters(kind=TILE_KIND)), default=0)
    for r in project.store.rasters(kind=DEM_KIND):
        if r["name"] == DEM_NAME and (r["provenance_id"] or 0) >= newest and (project.root / r["path"]).is_file():
            return r
    return None


def prepare_project_dem(project: Project, *, pending: Mapping[str, Path] | None = None,
                        check: Callable[[], None] | None = None,
                        provenance_id: int | None = None) -> PendingDem | None:
    """Mosaic all registered DGM tiles into a temporary COG and register it as the project DEM.

    ``pending`` maps tile names to files not yet moved into place (the caller's temporary files);
    ``check`` is called between chunks and may raise (cancel); ``provenance_id`` defaults to the newest
    tile's (a DEM older than a tile counts as stale). Joins the store's open transaction.
    Returns None if there are no tiles. On any error the temporary files are removed.
    """
    tiles = tiles_oldest_first(project)
    if not tiles:
        return None
    if provenance_id is None:
        provenance_id = tiles[-1]["provenance_id"]
    pending = pending or {}
    check = check or (lambda: None)
    files = [Path(pending.get(t["name"], project.root / t["path"])) for t in tiles]
    final = project.root / DEM_PATH
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp, scratch = final.with_name(f".{final.name}.tmp"), final.with_name(f".{final.name}.scratch")
    try:
        transform, width, height = _grid(tiles)
        profile = dict(driver="GTiff", dtype="float32", count=1, width=width, height=height, nodata=NODATA,
                       crs=tiles[0]["crs"], transform=transform,
                       tiled=True, blockxsize=512, blockysize=512, sparse_ok=True, bigtiff="IF_SAFER")
        with rasterio.open(scratch, "w+", **profile) as dst:
            for f in files:
                _paste(f, dst, check)
        check()
        rasterio.shutil.copy(scratch, tmp, driver="COG", compress="DEFLATE", level=1, predictor=3, blocksize=256,
                             bigtiff="IF_SAFER", num_threads="ALL_CPUS")
        check()
        res = (transform.a, -transform.e)
        bounds = (transform.c, transform.f + height * transform.e, transform.c + width * transform.a, transform.f)
        project.store.register_raster(
            name=DEM_NAME, kind=DEM_KIND, path=DEM_PATH.as_posix(), crs=tiles[0]["crs"], bounds=bounds,
            resolution=res, sha256=file_sha256(tmp), provenance_id=provenance_id)
        return PendingDem(tmp, final, bounds, res)
    except RasterioError as exc:
        tmp.unlink(missing_ok=True)
        raise FormatError(f"Das Projekt-DGM konnte nicht aus den Kacheln gebildet werden: {exc}",
                          path=final) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        scratch.unlink(missing_ok=True)


def build_project_dem(project: Project, *, check: Callable[[], None] | None = None) -> Path | None:
    """Rebuild the project DEM on its own (one transaction, file moved into place last); its path or None."""
    pending: PendingDem | None = None
    try:
        with project.store.transaction():
            pending = prepare_project_dem(project, check=check)
            if pending is not None:
                pending.commit()
    finally:
        if pending is not None:
            pending.tmp.unlink(missing_ok=True)
    return pending.final if pending is not None else None


def _grid(tiles: list[dict[str, Any]]) -> tuple[Affine, int, int]:
    """Transform and size of the mosaic grid (see module docstring)."""
    rx = min(t["resolution"][0] for t in tiles)
    ry = min(t["resolution"][1] for t in tiles)
    anchor = next(t for t in tiles if t["resolution"][0] - rx <= _EPS * rx and t["resolution"][1] - ry <= _EPS * ry)
    ax, ay = anchor["bounds"][0], anchor["bounds"][3]
    minx, miny = min(t["bounds"][0] for t in tiles), min(t["bounds"][1] for t in tiles)
    maxx, maxy = max(t["bounds"][2] for t in tiles), max(t["bounds"][3] for t in tiles)
    c0, c1 = math.floor((minx - ax) / rx + _EPS), math.ceil((maxx - ax) / rx - _EPS)
    r0, r1 = math.floor((ay - maxy) / ry + _EPS), math.ceil((ay - miny) / ry - _EPS)
    return Affine(rx, 0.0, ax + c0 * rx, 0.0, -ry, ay - r0 * ry), c1 - c0, r1 - r0


def _paste(path: Path, dst, check: Callable[[], None]) -> None:
    """Write one tile's valid cells over the mosaic, chunk by chunk."""
    t = dst.transform
    with rasterio.open(path) as src:
        s = src.transform
        fc, fr = (s.c - t.c) / t.a, (s.f - t.f) / t.e
        aligned = (s.b == 0 and s.d == 0 and abs(s.a - t.a) <= _EPS * t.a and abs(s.e - t.e) <= _EPS * abs(t.e)
                   and abs(fc - round(fc)) < 1e-4 and abs(fr - round(fr)) < 1e-4)
        if aligned:
            col0, row0, ncols, nrows = round(fc), round(fr), src.width, src.height
        else:
            b = src.bounds
            col0, row0 = math.floor((b.left - t.c) / t.a + _EPS), math.floor((t.f - b.top) / -t.e + _EPS)
            ncols = math.ceil((b.right - t.c) / t.a - _EPS) - col0
            nrows = math.ceil((t.f - b.bottom) / -t.e - _EPS) - row0
        for r in range(max(row0, 0), min(row0 + nrows, dst.height), CHUNK):
            for c in range(max(col0, 0), min(col0 + ncols, dst.width), CHUNK):
                check()
                win = Window(c, r, min(CHUNK, col0 + ncols - c, dst.width - c),
                             min(CHUNK, row0 + nrows - r, dst.height - r))
                if aligned:
                    band = src.read(1, window=Window(c - col0, r - row0, win.width, win.height), masked=True)
                    new = band.astype("float32").filled(NODATA)
                else:
                    new = np.full((win.height, win.width), NODATA, dtype="float32")
                    reproject(rasterio.band(src, 1), new, src_nodata=src.nodata, dst_nodata=NODATA,
                              dst_transform=dst.window_transform(win), dst_crs=dst.crs,
                              resampling=Resampling.bilinear)
                valid = np.isfinite(new) & (new != NODATA)
                if not valid.any():
                    continue
                old = dst.read(1, window=win)
                dst.write(np.where(valid, new, old), 1, window=win)
