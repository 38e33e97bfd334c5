"""CityGML 1.0/2.0/3.0 importer: parsed buildings -> the ``buildings`` and ``building_surfaces`` layers.

Phase 1 parses and validates the whole file and reprojects to the project CRS (nothing written);
phase 2 writes buildings, surfaces and provenance in one transaction. Re-import updates by
gml:id and removes surfaces that a re-imported building no longer has.

:class:`BuildingModelImporter` holds the part shared with the CityJSON importer
(:mod:`importers.cityjson`): a parsed :class:`CityModelFile` -> extent check -> one transaction.
"""

from __future__ import annotations

import gzip
import math
import zlib
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from importers.base import CancelToken, ImportReport, Importer, Problem, ProgressFn, Ticker, resolve_file_crs
from importers.citygml.geometry import newell
from importers.citygml.model import CityBuilding, CityModelFile
from importers.citygml.parse import parse_citygml
from twin.crs import Reprojector, file_axes_swapped
from twin.errors import CRSError, ExtentError
from twin.model.buildings import BUILDING_SURFACES, BUILDINGS
from twin.project import Project
from twin.store import Feature


class BuildingModelImporter(Importer):
    """Shared second half of the 3D building importers: reproject, check the extent, write."""

    #: key of the format version in the report counts ("CityGML", "CityJSON")
    format_label = ""

    def write_model(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
                    cancel: CancelToken, actor: str, parsed: CityModelFile, srs: str, src_crs, *,
                    swap_axes: bool) -> None:
        """Reproject ``parsed`` from ``src_crs`` into the project CRS and write it in one transaction."""
        report.source_crs = srs
        to_project = Reprojector(src_crs, project.crs, swap_axes=swap_axes)

        buildings, surfaces, data_bounds = self._features(project, parsed, to_project, report, path)
        if not buildings:
            if data_bounds is not None:
                project.check_extent(data_bounds, path=path)
            raise ExtentError("Die Datei enthält keine importierbaren Gebäude.", path=path)
        cancel.check(path)

        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        total = len(buildings) + len(surfaces)
        with store.transaction():
            pid = self.begin_write(project, path, report, actor, BUILDINGS, BUILDING_SURFACES)
            ticker = Ticker(progress, cancel, path, total)
            res_b = store.upsert("buildings", ticker(buildings), actor=actor, provenance_id=pid)
            res_s = store.upsert("building_surfaces", ticker(surfaces), actor=actor, provenance_id=pid)
            new_ids = {f.attrs["surface_id"] for f in surfaces}
            table = store.table("building_surfaces")
            old_ids = store.keys("building_surfaces",
                                 table.c.building_id.in_([f.attrs["gml_id"] for f in buildings]))
            removed = store.delete("building_surfaces", sorted(set(old_ids) - new_ids), actor=actor,
                                   provenance_id=pid)
            report.counts = {
                "Gebäude": sum(1 for f in buildings if not f.attrs["parent_id"]),
                "Gebäudeteile": sum(1 for f in buildings if f.attrs["parent_id"]),
                "Flächen": len(surfaces),
                "neu": res_b.inserted, "geändert": res_b.updated, "unverändert": res_b.unchanged,
                "Flächen neu/geändert/entfernt": f"{res_s.inserted}/{res_s.updated}/{removed}",
                "übersprungen": len(parsed.buildings) - len(buildings),
                "mit Hinweisen": len({p.feature for p in report.problems if p.feature}),
                self.format_label: parsed.version,
            }
            self.end_write(project, pid, report)
        progress(1.0, report.summary())


    # ----------------------------------------------------------------- conversion
    def _features(self, project: Project, parsed: CityModelFile, to_project: Reprojector, report: ImportReport,
                  path: Path) -> tuple[list[Feature], list[Feature], tuple | None]:
        """Features of buildings and surfaces inside the extent, and the bounds of all data read."""
        converted = {}
        for b in parsed.buildings:
            surf_feats, footprint, zmin, zmax = self._convert(b, to_project, report)
            converted[b.gml_id] = (b, surf_feats, footprint, zmin, zmax)
        # a building and its parts are one complex: inside or outside the project extent together
        complexes: dict[str, list[str]] = {}
        for gid, (b, *_rest) in converted.items():
            root = b.parent_id if b.parent_id in converted else gid
            complexes.setdefault(root, []).append(gid)
        buildings: list[Feature] = []
        surfaces: list[Feature] = []
        footprints: dict[str, list[Polygon]] = {}
        children: dict[str, list[str]] = {}
        for members in complexes.values():
            polys = [p for m in members for p in converted[m][2]]
            bounds = shapely.bounds(MultiPolygon(polys)) if polys else None
            if bounds is not None and not project.overlaps_extent(tuple(bounds)):
                for m in members:
                    report.problems.append(Problem(
                        f"liegt außerhalb des Projektgebiets ({bounds[0]:.0f}, {bounds[1]:.0f}); übersprungen",
                        converted[m][0].line, m))
                continue
            for m in members:
                b, surf_feats, footprint, zmin, zmax = converted[m]
                footprints[m] = footprint
                if b.parent_id:
                    children.setdefault(b.parent_id, []).append(m)
                surfaces += surf_feats
                buildings.append(self._building_feature(b, path, zmin, zmax))
        kept = []
        for f in buildings:
            gid = f.attrs["gml_id"]
            polys = footprints[gid] or [p for c in children.get(gid, []) for p in footprints.get(c, [])]
            if not polys:
                report.problems.append(Problem("Gebäude ohne Geometrie übersprungen", None, gid))
                continue
            f.geometry = MultiPolygon(polys)
            if f.attrs["ground_height"] is None:
                zs = shapely.get_coordinates(f.geometry, include_z=True)[:, 2]
                f.attrs["ground_height"] = float(zs.min())
            kept.append(f)
        all_polys = [p for c in converted.values() for p in c[2]]
        data_bounds = tuple(shapely.bounds(MultiPolygon(all_polys))) if all_polys else None
        return kept, surfaces, data_bounds

    def _convert(self, b: CityBuilding, to_project: Reprojector, report: ImportReport):
        """Surfaces of one building as features, its footprint polygons, min and max height."""
        feats: list[Feature] = []
        grounds: list[Polygon] = []
        all_polys: list[Polygon] = []
        for i, s in enumerate(b.surfaces):
            polys = []
            for rings in s.polygons:
                try:
                    poly = Polygon(to_project(rings[0]), [to_project(r) for r in rings[1:]])
                except (ValueError, shapely.errors.GEOSException) as exc:
                    report.problems.append(Problem(f"Polygon nicht lesbar ({exc}); übersprungen", b.line, b.gml_id))
                    continue
                if not np.isfinite(shapely.get_coordinates(poly, include_z=True)).all():
                    report.problems.append(Problem("Polygon mit ungültigen Koordinaten übersprungen", b.line,
                                                   b.gml_id))
                    continue
                polys.append(poly)
            if not polys:
                continue
            all_polys += polys
            if s.kind == "GroundSurface":
                grounds += polys
            feats.append(Feature({
                "surface_id": s.gml_id or f"{b.gml_id}#{i}",
                "building_id": b.gml_id,
                "surface_type": s.kind,
                "derived": s.derived,
                "area": round(sum(_area3d(p) for p in polys), 3),
            }, MultiPolygon(polys)))
        if not all_polys:
            return feats, [], None, None
        zs = np.concatenate([shapely.get_coordinates(p, include_z=True)[:, 2] for p in all_polys])
        zmin, zmax = float(zs.min()), float(zs.max())
        footprint = grounds or _flat_footprint(all_polys, zmin)
        return feats, footprint, zmin, zmax

    @staticmethod
    def _building_feature(b: CityBuilding, path: Path, zmin: float | None, zmax: float | None) -> Feature:
        a = b.attributes
        return Feature({
            "gml_id": b.gml_id,
            "parent_id": b.parent_id,
            "name": a.get("name"),
            "function": a.get("function"),
            "usage": a.get("usage"),
            "roof_type": a.get("roof_type"),
            "measured_height": a.get("measured_height"),
            "storeys_above_ground": a.get("storeys_above_ground"),
            "year_of_construction": a.get("year_of_construction"),
            "address": a.get("address"),
            "lod": b.lod,
            "ground_height": None if zmin is None else round(zmin, 3),
            "roof_height": None if zmax is None else round(zmax, 3),
            "source_file": path.name,
            "generic": a.get("generic") or None,
        })


def _area3d(poly: Polygon) -> float:
    """Area of a planar 3D polygon (Newell), holes subtracted."""
    def ring_area(coords: np.ndarray) -> float:
        return 0.5 * math.sqrt(sum(v * v for v in newell(coords.tolist())))

    ext = ring_area(shapely.get_coordinates(poly.exterior, include_z=True))
    return ext - sum(ring_area(shapely.get_coordinates(r, include_z=True)) for r in poly.interiors)


def _flat_footprint(polys: list[Polygon], z: float) -> list[Polygon]:
    """2D outline of all surfaces, at height z (for buildings without a GroundSurface)."""
    flat = shapely.union_all([shapely.make_valid(shapely.force_2d(p)) for p in polys])
    flat = shapely.get_parts(flat)
    out = [shapely.force_3d(p, z) for p in flat if isinstance(p, Polygon) and p.area > 0]
    return out


class CityGMLImporter(BuildingModelImporter):
    """3D buildings from CityGML 1.0, 2.0 and 3.0 (LoD1/LoD2, semantic surfaces, BuildingParts)."""

    name = "citygml"
    title = "3D-Gebäude (CityGML)"
    suffixes = (".gml", ".xml", ".citygml")
    format_label = "CityGML"

    def __init__(self, source_crs: str | None = None) -> None:
        self.source_crs = source_crs

    def sniff(self, path: Path, head: bytes) -> bool:
        if head[:2] == b"\x1f\x8b":  # gzip-compressed tile (.gml.gz): look at the start of the XML
            try:
                with gzip.open(path, "rb") as f:
                    head = f.read(4096)
            except (OSError, EOFError, zlib.error):
                return False
        return b"opengis.net/citygml" in head and b"<" in head[:200]

    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        parsed = parse_citygml(path, progress=lambda done, total: progress(0.6 * done / max(total, 1),
                                                                           f"Lese {path.name} …"),
                               cancel=lambda: cancel.cancelled)
        report.problems += [Problem(p.message, p.line, p.gml_id) for p in parsed.problems]
        srs = self.source_crs or parsed.srs_name
        if not srs:
            raise CRSError("Die Datei nennt kein Koordinatensystem (srsName fehlt); bitte das Quell-KBS angeben.",
                           path=path)
        src_crs = resolve_file_crs(srs, path)
        self.write_model(project, path, report, progress, cancel, actor, parsed, srs, src_crs,
                         swap_axes=file_axes_swapped(srs))
