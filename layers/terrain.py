"""Terrain layer: the project's DGM rasters as one surface mesh, coloured by height.

For ``source = "dgm"`` the project DEM (:mod:`twin.dem`, all tiles mosaicked) is used when present:
one seamless surface; ``feature_id`` per cell still names the tile that wins there (newest import).
Without a DEM (or for other sources) every raster of kind ``layer.source`` becomes its own patch.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv
import rasterio
from rasterio.enums import Resampling

from layers.style import ramp_colours
from twin.config import LayerConfig
from twin.dem import TILE_KIND, project_dem, tiles_oldest_first
from twin.project import Project

MAX_CELLS_PER_TILE = 400  # display resolution per raster side; the full raster stays on disk
MAX_TILES_PER_SIDE = 5  # project DEM: at most 400 × 5 = 2000 display cells per side


def terrain_mesh(project: Project, layer: LayerConfig, origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    """All rasters of kind ``layer.source`` merged into one surface; cell data ``feature_id`` = raster index."""
    dem = project_dem(project) if layer.source == TILE_KIND else None
    if dem is not None:
        return _dem_mesh(project, dem, layer, origin)
    rasters = project.store.rasters(kind=layer.source)
    meshes, keys = [], []
    for i, r in enumerate(rasters):
        grid = _raster_grid(project.root / r["path"], origin)
        if grid is None:
            continue
        grid.cell_data["feature_id"] = np.full(grid.n_cells, len(keys), dtype=np.int64)
        meshes.append(grid)
        keys.append(r["name"])
    if not meshes:
        return pv.PolyData(), []
    mesh = meshes[0].merge(meshes[1:], merge_points=False) if len(meshes) > 1 else meshes[0]
    return _coloured(mesh, layer, origin), keys


def _dem_mesh(project: Project, dem: dict, layer: LayerConfig, origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    """The project DEM as one surface; each cell's ``feature_id`` is the newest tile under its centre."""
    tiles = tiles_oldest_first(project)
    grid = _raster_grid(project.root / dem["path"], origin, max(1, round(np.sqrt(len(tiles)))))
    if grid is None or not tiles:
        return pv.PolyData(), []
    keys = sorted(t["name"] for t in tiles)
    xy = grid.cell_centers().points[:, :2] + origin[:2]
    fid = np.zeros(grid.n_cells, dtype=np.int64)
    for t in tiles:  # oldest first: newer tiles overwrite
        b = t["bounds"]
        inside = (xy[:, 0] >= b[0]) & (xy[:, 0] <= b[2]) & (xy[:, 1] >= b[1]) & (xy[:, 1] <= b[3])
        fid[inside] = keys.index(t["name"])
    grid.cell_data["feature_id"] = fid
    return _coloured(grid, layer, origin), keys


def _coloured(mesh: pv.PolyData, layer: LayerConfig, origin: np.ndarray) -> pv.PolyData:
    z = mesh.points[:, 2] + origin[2]
    mesh.point_data["height"] = z
    mesh.point_data["rgba"] = ramp_colours(z, layer.style.colormap, float(z.min()), float(z.max()))
    return mesh


def _raster_grid(path, origin: np.ndarray, tiles_per_side: int = 1) -> pv.PolyData | None:
    with rasterio.open(path) as src:
        cells = MAX_CELLS_PER_TILE * min(tiles_per_side, MAX_TILES_PER_SIDE)
        step = max(1, int(np.ceil(max(src.width, src.height) / cells)))
        h, w = max(2, src.height // step), max(2, src.width // step)
        data = src.read(1, out_shape=(h, w), masked=True, resampling=Resampling.average).astype("float64")
        b = src.bounds
    z = data.filled(np.nan)
    xs = np.linspace(b.left, b.right, w + 1)[:-1] + (b.right - b.left) / w / 2 - origin[0]
    ys = np.linspace(b.top, b.bottom, h + 1)[:-1] - (b.top - b.bottom) / h / 2 - origin[1]
    gx, gy = np.meshgrid(xs, ys)
    grid = pv.StructuredGrid(gx, gy, np.nan_to_num(z, nan=np.nanmin(z)) - origin[2])
    surf = grid.extract_surface(algorithm="dataset_surface")
    valid = np.isfinite(z).ravel(order="F")
    if not valid.all():  # drop cells touching NoData
        surf.point_data["_valid"] = valid.astype(np.uint8)
        surf = surf.threshold(0.5, scalars="_valid", all_scalars=True).extract_surface(algorithm="dataset_surface")
    return surf if surf.n_cells else None
