"""Results of a heavy-rain run: hazard classes, result COGs, affected buildings and flooded roads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import rasterio
from rasterio import features

from twin import rasters
from twin.files import file_sha256
from twin.sim.heavy_rain.grid import SolverGrid
from twin.store.base import Feature

#: lower depth limits [m] of hazard classes 1–4 (class 0: below 0.1 m) – the usual German classes
#: of heavy-rain hazard maps (e.g. LUBW 2016, BKG/DWD Starkregengefahrenkarten): 0.1 / 0.3 / 0.5 / 1.0 m
HAZARD_LIMITS_M = (0.1, 0.3, 0.5, 1.0)
HAZARD_LABELS = ("unter 0,1 m", "0,1–0,3 m", "0,3–0,5 m", "0,5–1,0 m", "ab 1,0 m")
HAZARD_NODATA = 255
NODATA = -9999.0
#: water deeper than this counts as "wet" for the time of the maximum
WET_M = 0.01


def hazard_classes(depth: np.ndarray) -> np.ndarray:
    """Class 0–4 per cell from the maximum depth [m]."""
    return np.digitize(np.asarray(depth, dtype=np.float64), HAZARD_LIMITS_M).astype(np.uint8)


def write_cog(path: Path, bands: np.ndarray | list[np.ndarray], grid: SolverGrid, *, nodata: float | int,
              descriptions: list[str] | None = None) -> None:
    """Rasters ``(ny, nx)`` on the solver grid as COG (see :func:`twin.rasters.write_cog`)."""
    rasters.write_cog(path, bands, transform=grid.transform, crs=grid.crs, nodata=nodata, descriptions=descriptions)


def raster_entry(path: Path, rel: str, grid: SolverGrid) -> dict[str, Any]:
    """Values for ``Store.register_raster`` (besides name, kind, provenance)."""
    return dict(path=rel, crs=grid.crs, bounds=grid.bounds, resolution=(grid.dx, grid.dx), sha256=file_sha256(path))


def affected_buildings(grid: SolverGrid, max_depth: np.ndarray, run_id: str,
                       min_depth: float = HAZARD_LIMITS_M[0]) -> list[Feature]:
    """Buildings with water of at least ``min_depth`` at their footprint edge.

    The edge depth is the largest maximum depth over the open (not blocked) cells the footprint touches
    (``all_touched``) or that border the building's own blocked cells.
    """
    out = []
    ny, nx = grid.shape
    t = grid.transform
    key = "gml_id"
    for f in grid.buildings:
        minx, miny, maxx, maxy = f.geometry.bounds
        c0 = max(int(np.floor((minx - t.c) / t.a)) - 1, 0)
        c1 = min(int(np.ceil((maxx - t.c) / t.a)) + 1, nx)
        r0 = max(int(np.floor((t.f - maxy) / -t.e)) - 1, 0)
        r1 = min(int(np.ceil((t.f - miny) / -t.e)) + 1, ny)
        if c0 >= c1 or r0 >= r1:
            continue
        wt = rasterio.windows.transform(rasterio.windows.Window(c0, r0, c1 - c0, r1 - r0), t)
        shape = (r1 - r0, c1 - c0)
        touched = features.rasterize([(f.geometry, 1)], out_shape=shape, transform=wt, all_touched=True) > 0
        inside = features.rasterize([(f.geometry, 1)], out_shape=shape, transform=wt) > 0
        ring = np.zeros(shape, dtype=bool)
        ring[1:] |= inside[:-1]
        ring[:-1] |= inside[1:]
        ring[:, 1:] |= inside[:, :-1]
        ring[:, :-1] |= inside[:, 1:]
        cells = (touched | ring) & ~grid.blocked[r0:r1, c0:c1]
        if not cells.any():
            continue
        depth = float(max_depth[r0:r1, c0:c1][cells].max())
        if depth < min_depth:
            continue
        bid = str(f.attrs.get(key) or f.attrs.get("gml_id"))
        address = f.attrs.get("address") or f.attrs.get("lagebezeichnung")
        out.append(Feature({"id": f"{run_id}/{bid}", "run_id": run_id, "building_id": bid,
                            "max_tiefe_m": round(depth, 3), "gefahrenklasse": int(hazard_classes(depth)),
                            "adresse": address, "name": f.attrs.get("name")}, f.geometry))
    return out


def flooded_roads(grid: SolverGrid, max_depth: np.ndarray, run_id: str,
                  min_depth: float = HAZARD_LIMITS_M[0]) -> list[Feature]:
    """Streets with open cells of at least ``min_depth`` maximum depth: flooded area, largest depth."""
    out = []
    open_cells = ~grid.blocked
    area = grid.dx * grid.dx
    for k, road in enumerate(grid.roads, start=1):
        cells = (grid.road_id == k) & open_cells
        if not cells.any():
            continue
        d = max_depth[cells]
        wet = int((d >= min_depth).sum())
        if wet == 0:
            continue
        dmax = float(d.max())
        out.append(Feature({"id": f"{run_id}/{road.name}", "run_id": run_id, "strasse": road.name,
                            "flurstuecke": road.parcels, "flaeche_ueberflutet_m2": wet * area,
                            "max_tiefe_m": round(dmax, 3), "gefahrenklasse": int(hazard_classes(dmax))},
                           road.geometry))
    return out
