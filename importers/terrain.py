"""Terrain (DGM/DEM) GeoTIFF importer: reprojects to the project CRS and writes a Cloud-Optimized GeoTIFF.

The raster goes to ``rasters/dgm/<name>.tif``; the store records it (``twz_rasters``) with its
provenance in one transaction. Every import of a ``dgm`` tile also rebuilds the project DEM
(:mod:`twin.dem`): all DGM tiles – GeoTIFF, XYZ and ESRI-ASCII alike – mosaicked into
``rasters/dem/projekt_dgm.tif`` (kind ``dem``) on the finest tile grid; where tiles overlap, the most
recently imported one wins (``project_dem=False`` skips this for batch imports; then call
:func:`twin.dem.build_project_dem` once at the end). Both files are written to temporary names first
and moved into place only as the last step of the store transaction, so a failed or cancelled import
leaves no trace.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import rasterio
from rasterio.crs import CRS as RioCRS
from rasterio.errors import RasterioError
from rasterio.warp import Resampling, calculate_default_transform, reproject

from importers.base import CancelToken, ImportReport, Importer, ProgressFn, file_sha256, resolve_file_crs
from twin import rasters
from twin.crs import horizontal, resolve_crs
from twin.dem import DEM_NAME, TILE_KIND, PendingDem, prepare_project_dem
from twin.errors import CRSError, FormatError
from twin.project import Project

NODATA = -9999.0
_TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


class TerrainImporter(Importer):
    """GeoTIFF digital terrain models (DGM1 tiles of the German states and the like)."""

    name = "terrain"
    title = "Geländemodell (GeoTIFF)"
    suffixes = (".tif", ".tiff")
    format_name = "GeoTIFF"

    def __init__(self, source_crs: str | None = None, kind: str = "dgm", project_dem: bool = True) -> None:
        self.source_crs = source_crs
        self.kind = kind
        self.project_dem = project_dem  # False: batch imports call twin.dem.build_project_dem once at the end

    def sniff(self, path: Path, head: bytes) -> bool:
        return head[:4] in _TIFF_MAGIC

    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.05, f"Lese {path.name} …")
        try:
            src = rasterio.open(path)
        except RasterioError as exc:
            raise FormatError(f"Keine lesbare {self.format_name}-Datei: {exc}", path=path) from None
        self.import_dataset(project, path, src, report, progress, cancel, actor)

    def import_dataset(self, project: Project, path: Path, src, report: ImportReport, progress: ProgressFn,
                       cancel: CancelToken, actor: str) -> None:
        """Import an open rasterio dataset read from ``path`` (also used for XYZ grids built in memory)."""
        with src:
            if src.count < 1:
                raise FormatError("Die Rasterdatei enthält keine Bänder.", path=path)
            src_crs = self._source_crs(src, path)
            dst_crs = RioCRS.from_wkt(horizontal(project.crs).to_wkt())
            same = RioCRS.from_wkt(horizontal(src_crs).to_wkt()) == dst_crs
            cancel.check(path)
            try:
                data, transform, width, height = self._read(src, src_crs, dst_crs, same)
            except RasterioError as exc:
                raise FormatError(f"Die Rasterdaten sind nicht lesbar (Datei beschädigt?): {exc}", path=path) from None
        cancel.check(path)
        valid = data != NODATA
        if not valid.any():
            raise FormatError("Das Geländemodell enthält nur NoData-Werte.", path=path)
        bounds = rasterio.transform.array_bounds(height, width, transform)
        bounds = (bounds[0], bounds[1], bounds[2], bounds[3])
        project.check_extent(bounds, path=path)

        name = path.stem
        if name == DEM_NAME:
            raise FormatError(f"Der Name „{DEM_NAME}“ ist für das Projekt-DGM reserviert; bitte die Datei "
                              "umbenennen.", path=path)
        rel = Path("rasters") / self.kind / f"{name}.tif"
        final = project.root / rel
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.tmp")
        progress(0.6, "Schreibe Cloud-Optimized GeoTIFF …")
        dem: PendingDem | None = None
        try:
            rasters.write_cog(tmp, data.astype("float32"), transform=transform, crs=dst_crs, nodata=NODATA)
            cancel.check(path)
            report.source_crs = src_crs.to_string()
            report.counts = {
                "Raster": 1, "Pixel": int(valid.sum()),
                "Höhe min": round(float(data[valid].min()), 2), "Höhe max": round(float(data[valid].max()), 2),
            }
            store = project.store
            with store.transaction():
                report.provenance_id = store.record_provenance(
                    source_file=str(path), sha256=report.sha256, importer=self.name, counts=report.counts,
                    actor=actor, source_crs=report.source_crs)
                store.register_raster(
                    name=name, kind=self.kind, path=rel.as_posix(), crs=f"EPSG:{project.config.project.crs}",
                    bounds=bounds, resolution=(abs(transform.a), abs(transform.e)), sha256=file_sha256(tmp),
                    provenance_id=report.provenance_id)
                if self.kind == TILE_KIND and self.project_dem:
                    progress(0.8, "Baue das Projekt-DGM aus allen Kacheln …")
                    dem = prepare_project_dem(project, pending={name: tmp}, check=lambda: cancel.check(path),
                                              provenance_id=report.provenance_id)
                cancel.check(path)
                if not report.dry_run:  # last steps inside the transaction: a failure here rolls back
                    if dem is not None:
                        dem.commit()
                    os.replace(tmp, final)
        finally:
            for leftover in (tmp, dem.tmp if dem is not None else None):
                if leftover is not None and leftover.exists():
                    leftover.unlink()
        progress(1.0, report.summary())

    def _source_crs(self, src, path: Path):
        if self.source_crs:
            return resolve_file_crs(self.source_crs, path)
        if src.crs is None:
            raise CRSError(f"Die {self.format_name}-Datei hat kein Koordinatensystem. Bitte das Quell-KBS angeben "
                           "(z. B. --source-crs EPSG:25832).", path=path)
        try:
            return resolve_crs(src.crs.to_wkt())
        except CRSError:
            raise CRSError(f"Unbekanntes Koordinatensystem in der {self.format_name}-Datei: {src.crs}",
                           path=path) from None

    @staticmethod
    def _read(src, src_crs, dst_crs, same: bool):
        band = src.read(1, masked=True).astype("float64")
        data = band.filled(NODATA)
        data[~np.isfinite(data)] = NODATA
        if same:
            return data, src.transform, src.width, src.height
        rio_src = RioCRS.from_wkt(horizontal(src_crs).to_wkt())
        transform, width, height = calculate_default_transform(rio_src, dst_crs, src.width, src.height, *src.bounds)
        out = np.full((height, width), NODATA, dtype="float64")
        reproject(data, out, src_transform=src.transform, src_crs=rio_src, dst_transform=transform,
                  dst_crs=dst_crs, src_nodata=NODATA, dst_nodata=NODATA, resampling=Resampling.bilinear)
        return out, transform, width, height
