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

Transaction: rasters and the cloud are written to temporary files first, registered with the
provenance row in one store transaction, and moved into place as its last step.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import rasterio
from pyproj import CRS, Transformer
from rasterio.crs import CRS as RioCRS

from importers.base import CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, file_sha256, \
    resolve_file_crs
from importers.lidar.grid import GROUND_BAND, GridSpec, fill_holes, grid_max, grid_min, ground_cells, voxel_thin
from twin.crs import horizontal
from twin.errors import CRSError, FormatError
from twin.project import Project

NODATA = -9999.0
GROUND, BUILDING = 2, 6
VEGETATION = (3, 4, 5)
NOISE = (7, 18)


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
    profile = dict(driver="COG", dtype="float32", count=1, width=spec.width, height=spec.height, crs=crs,
                   transform=spec.transform(), nodata=NODATA, compress="DEFLATE", predictor=3, blocksize=256)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(out, 1)


class LidarImporter(Importer):
    """Airborne laser scanning tiles (LAS/LAZ 1.2–1.4, ASPRS classes)."""

    name = "lidar"
    title = "Punktwolke (LAS/LAZ)"
    suffixes = (".las", ".laz")

    def __init__(self, source_crs: str | None = None, cell_size: float = 1.0, voxel: float = 1.0,
                 max_display_points: int = 500_000, fill_iterations: int = 2) -> None:
        self.source_crs = source_crs
        self.cell_size = cell_size
        self.voxel = voxel
        self.max_display_points = max_display_points
        self.fill_iterations = fill_iterations

    def sniff(self, path: Path, head: bytes) -> bool:
        return head[:4] == b"LASF"

    def preview(self, path: Path, project: Project) -> ImportPreview:
        import laspy

        with laspy.open(path) as f:
            crs = las_crs(f.header)
        note = "" if crs else "Die Datei nennt kein Koordinatensystem – bitte das Quell-KBS angeben."
        return ImportPreview(importer=self.name, title=self.title, crs=crs.to_string() if crs else None,
                             crs_note=note)

    # ------------------------------------------------------------------ read
    def _read(self, path: Path):
        import laspy

        try:
            las = laspy.read(path)
        except Exception as exc:  # laspy raises LaspyException, lazrs errors, struct errors …
            raise FormatError(f"Keine lesbare LAS/LAZ-Datei: {exc}", path=path) from None
        if len(las.points) == 0:
            raise FormatError("Die Punktwolke enthält keine Punkte.", path=path)
        return las

    def _crs(self, las, path: Path) -> CRS:
        if self.source_crs:
            return resolve_file_crs(self.source_crs, path)
        crs = las_crs(las.header)
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
        las = self._read(path)
        cancel.check(path)
        src_crs = self._crs(las, path)
        report.source_crs = src_crs.to_string()
        x, y, z = (np.asarray(las.x, dtype=np.float64), np.asarray(las.y, dtype=np.float64),
                   np.asarray(las.z, dtype=np.float64))
        cls = np.asarray(las.classification, dtype=np.uint8)
        keep = ~np.isin(cls, NOISE)
        if "withheld" in las.point_format.dimension_names:
            keep &= ~np.asarray(las.withheld, dtype=bool)
        rgb = None
        if {"red", "green", "blue"} <= set(las.point_format.dimension_names):
            rgb = np.stack([np.asarray(las.red), np.asarray(las.green), np.asarray(las.blue)], axis=1)
            rgb = (rgb >> 8).astype(np.uint8) if rgb.max() > 255 else rgb.astype(np.uint8)
        n_total = len(x)
        del las
        classes, counts = np.unique(cls, return_counts=True)
        report.counts = {"Punkte": n_total}
        report.counts["Klassen"] = {int(c): int(n) for c, n in zip(classes, counts)}

        dst = horizontal(project.crs)
        if not horizontal(src_crs).equals(dst):
            progress(0.1, "Projiziere ins Projekt-KBS …")
            tr = Transformer.from_crs(horizontal(src_crs), dst, always_xy=True)
            x, y = tr.transform(x, y)
            x, y = np.asarray(x), np.asarray(y)
        zf = self._z_factor(src_crs)
        if zf != 1.0:
            z = z * zf
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            raise CRSError("Die Punkte lassen sich nicht ins Projekt-KBS umrechnen (falsches Quell-KBS?).", path=path)
        cancel.check(path)

        x, y, z, c = x[keep], y[keep], z[keep], cls[keep]
        if len(x) == 0:
            raise FormatError("Die Punktwolke enthält nur Rauschpunkte (Klasse 7/18) oder zurückgehaltene Punkte.",
                              path=path)
        spec = GridSpec.covering(x.min(), y.min(), x.max(), y.max(), self.cell_size)
        project.check_extent(spec.bounds, path=path)
        if spec.size > 200_000_000:
            raise FormatError(f"Das Raster wäre zu groß ({spec.width}×{spec.height} Zellen); bitte eine größere "
                              "Zellgröße wählen.", path=path)
        progress(0.2, "Rastere Punkte …")
        idx = spec.cell_index(x, y)
        grids: dict[str, np.ndarray] = {}
        dom = grid_max(idx, z, spec)
        cancel.check(path)
        is_ground = c == GROUND
        if is_ground.any():
            dgm = grid_min(idx[is_ground], z[is_ground], spec)
            n_ground = int(is_ground.sum())
        else:
            progress(0.3, "Keine Bodenpunkte klassifiziert – Bodenfilter …")
            zmin = grid_min(idx, z, spec)
            gcells = ground_cells(zmin, self.cell_size)
            dgm = np.where(gcells, zmin, np.nan)
            flat_min = zmin.ravel()
            n_ground = int((gcells.ravel()[idx] & (z <= flat_min[idx] + GROUND_BAND)).sum())
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
        grids["dom"] = fill_holes(dom, self.fill_iterations)
        progress(0.4, "Vegetations- und Gebäudehöhen …")
        veg = np.isin(c, VEGETATION)
        if veg.any():
            top = grid_max(idx[veg], z[veg], spec)
            grids["chm"] = np.where(np.isnan(top), 0.0, np.maximum(top - dgm_full, 0.0))
        else:
            report.problems.append(Problem("Keine Vegetationspunkte (Klassen 3–5): kein Kronenhöhenmodell erzeugt."))
        bld = c == BUILDING
        if bld.any():
            top = grid_max(idx[bld], z[bld], spec)
            grids["ndom"] = np.where(np.isnan(top), 0.0, np.maximum(top - dgm_full, 0.0))
        else:
            report.problems.append(Problem("Keine Gebäudepunkte (Klasse 6): kein normalisiertes Gebäudehöhenmodell "
                                           "erzeugt."))
        cancel.check(path)

        progress(0.5, "Ausdünnen der Anzeige-Punktwolke …")
        sel = voxel_thin(x, y, z, self.voxel, self.max_display_points)
        cloud = {"xyz": np.stack([x[sel], y[sel], z[sel]], axis=1), "classification": c[sel]}
        if rgb is not None:
            cloud["rgb"] = rgb[keep][sel]

        valid = grids["dgm"][np.isfinite(grids["dgm"])]
        report.counts.update({
            "Bodenpunkte": n_ground, "Raster": len(grids), "Zellen": spec.size,
            "Zellgröße": self.cell_size, "Anzeigepunkte": int(len(sel)),
            "Höhe min": round(float(valid.min()), 2), "Höhe max": round(float(valid.max()), 2)})
        self._write(project, path, report, progress, cancel, actor, grids, spec, cloud)
        progress(1.0, report.summary())

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
                cancel.check(path)
                if not report.dry_run:
                    for tmp, final in todo:  # last step inside the transaction
                        os.replace(tmp, final)
        finally:
            for tmp, _ in todo:
                if tmp.exists():
                    tmp.unlink()
