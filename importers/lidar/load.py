"""LAS/LAZ 1.2–1.4 point clouds → DGM, DOM, canopy height, building height (COG) and a display cloud.

What one import writes (``<name>`` = file stem), all in the project CRS:

==========================  ==================================================================
``rasters/dgm/<name>_dgm.tif``   ground model: lowest ground point (class 2) per cell, small holes
                                 filled (:func:`importers.lidar.grid.fill_holes`, 2 iterations),
                                 larger gaps (under buildings, water) NoData
``rasters/dom/<name>_dom.tif``   surface model: highest return per cell (all classes except noise
                                 7/18 and withheld points), small holes filled
``rasters/chm/<name>_chm.tif``   canopy height: highest vegetation point (classes 3–5) minus DGM,
                                 ≥ 0; 0 where the cell has no vegetation (only if the file has
                                 vegetation classes)
``rasters/ndom/<name>_ndom.tif`` building height: highest building point (class 6) minus DGM, ≥ 0;
                                 0 elsewhere (only if the file has class 6)
``pointclouds/<name>.npz``       display cloud: one point per 1 m voxel, at most
                                 ``max_display_points`` (arrays ``xyz`` float64, ``classification``
                                 uint8, ``rgb`` uint8 if the file has colours)
==========================  ==================================================================

For canopy and building heights the DGM is interpolated under objects until every cell is filled
(neighbour means, see ``fill_holes(iterations=None)``); the written DGM keeps its large gaps as NoData.

Clouds without ground class (all points 0/1, e.g. the NRW clips) get the simple progressive
morphological ground filter of :func:`importers.lidar.grid.ground_cells`; the report says so.

CRS: the file's WKT/GeoTIFF VLR, or ``source_crs`` (CLI ``--crs``), which wins. Without either the
import fails. Horizontal coordinates are reprojected with pyproj; heights are taken as they are
(converted to metres where the source CRS has foot units), i.e. the vertical datum is not transformed.

Memory: the file is read in chunks of ``chunk_points`` points (default 2 million, about 0.2 GB while
one is processed, :mod:`importers.lidar.read`); the grids and the display cloud are accumulated chunk
by chunk (:mod:`importers.lidar.accumulate`), with results identical to reading the file at once.
The grid starts from the header bounds; points outside them (wrong headers) are counted in the report
and the grid grows to cover them, nothing is dropped. Unclassified clouds are read a second time to
count the points within ``GROUND_BAND`` of the ground surface (the count needs the finished grid).
Progress goes by points read, the cancel check runs after every chunk.

Transaction: rasters and the cloud are written to temporary files first, registered with the
provenance row in one store transaction, and moved into place as its last step.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from pyproj import CRS
from rasterio.crs import CRS as RioCRS

from importers.base import CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, file_sha256, \
    resolve_file_crs
from importers.lidar.accumulate import GridAccumulator, VoxelThinner
from importers.lidar.grid import GROUND_BAND, GridSpec, fill_holes, ground_cells
from importers.lidar.read import LasChunks, PointConverter
from twin import rasters
from twin.crs import horizontal
from twin.dem import prepare_project_dem
from twin.errors import CRSError, FormatError
from twin.project import Project

NODATA = -9999.0
#: points per chunk read at once (about 100 bytes each while processed, measured with tracemalloc)
CHUNK_POINTS = 2_000_000


def las_crs(header) -> CRS | None:
    """The CRS the file names (WKT or GeoTIFF keys VLR), None if it has none or an unreadable one."""
    try:
        crs = header.parse_crs()
    except Exception:  # laspy/pyproj raise various errors on empty or broken WKT
        return None
    return crs


def write_cog(path: Path, data: np.ndarray, spec: GridSpec, crs: RioCRS) -> None:
    """A float32 Cloud-Optimized GeoTIFF (NaN → NODATA)."""
    out = np.where(np.isfinite(data), data, NODATA).astype("float32")
    rasters.write_cog(path, out, transform=spec.transform(), crs=crs, nodata=NODATA)


class LidarImporter(Importer):
    """Airborne laser scanning tiles (LAS/LAZ 1.2–1.4, ASPRS classes), read in chunks."""

    name = "lidar"
    title = "Punktwolke (LAS/LAZ)"
    suffixes = (".las", ".laz")

    def __init__(self, source_crs: str | None = None, cell_size: float = 1.0, voxel: float = 1.0,
                 max_display_points: int = 500_000, fill_iterations: int = 2,
                 chunk_points: int = CHUNK_POINTS, project_dem: bool = True) -> None:
        self.source_crs = source_crs
        self.project_dem = project_dem  # False: batch imports call twin.dem.build_project_dem once at the end
        self.cell_size = cell_size
        self.voxel = voxel
        self.max_display_points = max_display_points
        self.fill_iterations = fill_iterations
        self.chunk_points = chunk_points

    def sniff(self, path: Path, head: bytes) -> bool:
        return head[:4] == b"LASF"

    def preview(self, path: Path, project: Project) -> ImportPreview:
        import laspy

        with laspy.open(path) as f:
            crs = las_crs(f.header)
        note = "" if crs else "Die Datei nennt kein Koordinatensystem – bitte das Quell-KBS angeben."
        return ImportPreview(importer=self.name, title=self.title, crs=crs.to_string() if crs else None,
                             crs_note=note)

    def _crs(self, header, path: Path) -> CRS:
        if self.source_crs:
            return resolve_file_crs(self.source_crs, path)
        crs = las_crs(header)
        if crs is None:
            raise CRSError("Die LAS/LAZ-Datei hat kein (lesbares) Koordinatensystem. Bitte das Quell-KBS angeben "
                           "(z. B. --crs EPSG:25832).", path=path)
        return crs

    @staticmethod
    def _z_factor(crs: CRS) -> float:
        """Metres per height unit: the vertical axis unit, else the horizontal one of a projected CRS."""
        axes = crs.axis_info
        for a in axes:
            if a.direction == "up":
                return float(a.unit_conversion_factor or 1.0)
        if crs.is_projected and axes:
            return float(axes[0].unit_conversion_factor or 1.0)
        return 1.0

    # ------------------------------------------------------------------ run
    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.02, f"Lese {path.name} …")
        src = LasChunks(path, self.chunk_points)
        cancel.check(path)
        if src.point_count == 0:
            raise FormatError("Die Punktwolke enthält keine Punkte.", path=path)
        src_crs = self._crs(src.header, path)
        report.source_crs = src_crs.to_string()
        conv = PointConverter(src.header, horizontal(src_crs), horizontal(project.crs), self._z_factor(src_crs),
                              path)
        acc = GridAccumulator(self.cell_size, path, start=conv.header_cells(self.cell_size))
        thin = VoxelThinner(self.voxel)
        classes = np.zeros(256, dtype=np.int64)
        n_total = outside = rgb_max = 0
        for chunk in src:
            pts = conv(chunk)
            acc.add(pts.x, pts.y, pts.z, pts.cls)
            thin.add(pts.x, pts.y, pts.z, pts.cls, pts.rgb)
            classes += pts.classes
            n_total += pts.n
            outside += pts.outside
            rgb_max = max(rgb_max, pts.rgb_max)
            del pts, chunk
            progress(0.02 + 0.38 * min(n_total / src.point_count, 1.0),
                     f"Lese Punkte: {n_total:,} von {src.point_count:,} …".replace(",", "."))
            cancel.check(path)
        if n_total == 0:
            raise FormatError("Die Punktwolke enthält keine Punkte.", path=path)
        report.counts = {"Punkte": n_total}
        report.counts["Klassen"] = {int(c): int(n) for c, n in enumerate(classes) if n}
        if outside:
            report.problems.append(Problem(
                f"Der Dateikopf nennt falsche Koordinatengrenzen: {outside} Punkte liegen außerhalb. Die Raster "
                "decken die tatsächliche Ausdehnung der Punkte ab (kein Punkt verworfen)."))
        if acc.points == 0:
            raise FormatError("Die Punktwolke enthält nur Rauschpunkte (Klasse 7/18) oder zurückgehaltene Punkte.",
                              path=path)
        spec, g = acc.result()
        project.check_extent(spec.bounds, path=path)
        grids: dict[str, np.ndarray] = {}
        if "ground" in g:
            dgm = g["ground"]
            n_ground = acc.ground_points
        else:
            progress(0.4, "Keine Bodenpunkte klassifiziert – Bodenfilter …")
            zmin = g["low"]
            gcells = ground_cells(zmin, self.cell_size)
            dgm = np.where(gcells, zmin, np.nan)
            n_ground = self._count_ground(src, conv, spec, zmin, gcells, progress, cancel)
            report.problems.append(Problem(
                "Die Punktwolke hat keine Bodenpunkte (Klasse 2). Das Geländemodell wurde mit einem einfachen "
                "Bodenfilter (progressiver morphologischer Filter, Fenster bis "
                f"{max(self.cell_size * 33, 0):.0f} m) aus den tiefsten Punkten je Zelle abgeleitet – bitte prüfen; "
                "große Flachdächer können als Boden erscheinen."))
        cancel.check(path)
        if not np.isfinite(dgm).any():
            raise FormatError("Aus der Punktwolke lässt sich kein Geländemodell ableiten (keine Bodenpunkte).",
                              path=path)
        dgm_full = fill_holes(dgm, None)
        grids["dgm"] = fill_holes(dgm, self.fill_iterations)
        grids["dom"] = fill_holes(g["top"], self.fill_iterations)
        progress(0.45, "Vegetations- und Gebäudehöhen …")
        if "veg" in g:
            grids["chm"] = np.where(np.isnan(g["veg"]), 0.0, np.maximum(g["veg"] - dgm_full, 0.0))
        else:
            report.problems.append(Problem("Keine Vegetationspunkte (Klassen 3–5): kein Kronenhöhenmodell erzeugt."))
        if "bld" in g:
            grids["ndom"] = np.where(np.isnan(g["bld"]), 0.0, np.maximum(g["bld"] - dgm_full, 0.0))
        else:
            report.problems.append(Problem("Keine Gebäudepunkte (Klasse 6): kein normalisiertes Gebäudehöhenmodell "
                                           "erzeugt."))
        del g, dgm_full
        cancel.check(path)

        progress(0.5, "Ausdünnen der Anzeige-Punktwolke …")
        cloud = thin.result(self.max_display_points, rgb_max if conv.has_rgb else None)
        del thin
        valid = grids["dgm"][np.isfinite(grids["dgm"])]
        report.counts.update({
            "Bodenpunkte": n_ground, "Raster": len(grids), "Zellen": spec.size,
            "Zellgröße": self.cell_size, "Anzeigepunkte": int(len(cloud["xyz"])),
            "Höhe min": round(float(valid.min()), 2), "Höhe max": round(float(valid.max()), 2)})
        self._write(project, path, report, progress, cancel, actor, grids, spec, cloud)
        progress(1.0, report.summary())

    def _count_ground(self, src: LasChunks, conv: PointConverter, spec: GridSpec, zmin: np.ndarray,
                      gcells: np.ndarray, progress: ProgressFn, cancel: CancelToken) -> int:
        """Second pass: points of ground cells at most ``GROUND_BAND`` above the cell's lowest point."""
        flat_min, flat_ground = zmin.ravel(), gcells.ravel()
        n = done = 0
        for chunk in src:
            pts = conv(chunk)
            idx = spec.cell_index(pts.x, pts.y)
            n += int((flat_ground[idx] & (pts.z <= flat_min[idx] + GROUND_BAND)).sum())
            done += pts.n
            progress(0.4 + 0.05 * min(done / src.point_count, 1.0), "Zähle Bodenpunkte …")
            cancel.check(src.path)
        return n

    def _write(self, project, path, report, progress, cancel, actor, grids, spec, cloud) -> None:
        stem = path.stem
        rio_crs = RioCRS.from_wkt(horizontal(project.crs).to_wkt())
        todo: list[tuple[Path, Path]] = []  # (tmp, final)
        try:
            for i, (kind, data) in enumerate(grids.items()):
                progress(0.55 + 0.3 * i / len(grids), f"Schreibe {kind.upper()} als Cloud-Optimized GeoTIFF …")
                final = project.rasters_dir / kind / f"{stem}_{kind}.tif"
                final.parent.mkdir(parents=True, exist_ok=True)
                tmp = final.with_name(f".{final.name}.tmp")
                todo.append((tmp, final))
                write_cog(tmp, data, spec, rio_crs)
                cancel.check(path)
            final = project.pointclouds_dir / f"{stem}.npz"
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp = final.with_name(f".{final.name}.tmp")
            todo.append((tmp, final))
            with open(tmp, "wb") as f:
                np.savez_compressed(f, **cloud)
            cancel.check(path)
            progress(0.9, "Schreibe in den Datenbestand …")
            store = project.store
            with store.transaction():
                report.provenance_id = store.record_provenance(
                    source_file=str(path), sha256=report.sha256, importer=self.name, counts=report.counts,
                    actor=actor, source_crs=report.source_crs)
                for (tmp, final), kind in zip(todo, grids):
                    store.register_raster(
                        name=final.stem, kind=kind, path=final.relative_to(project.root).as_posix(),
                        crs=f"EPSG:{project.config.project.crs}", bounds=spec.bounds,
                        resolution=(spec.cell, spec.cell), sha256=file_sha256(tmp),
                        provenance_id=report.provenance_id)
                if self.project_dem and "dgm" in grids:  # the DGM joins the project DEM mosaic
                    dem = prepare_project_dem(project, pending={f"{stem}_dgm": todo[list(grids).index("dgm")][0]},
                                              check=lambda: cancel.check(path), provenance_id=report.provenance_id)
                    if dem is not None:
                        todo.insert(0, (dem.tmp, dem.final))
                cancel.check(path)
                if not report.dry_run:
                    for tmp, final in todo:  # last step inside the transaction
                        os.replace(tmp, final)
        finally:
            for tmp, _ in todo:
                if tmp.exists():
                    tmp.unlink()
