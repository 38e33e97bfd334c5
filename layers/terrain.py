"""Terrain layer: the project's DGM rasters as one surface mesh, coloured by height."""

from __future__ import annotations

import numpy as np
import pyvista as pv
import rasterio
from rasterio.enums import Resampling

from layers.style import ramp_colours
from twin.config import LayerConfig
from twin.project import Project

MAX_CELLS_PER_TILE = 400  # display resolution per raster side; the full raster stays on disk


def terrain_mesh(project: Project, layer: LayerConfig, origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    """All rasters of kind ``layer.source`` merged into one surface; cell data ``feature_id`` = raster index."""
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
    z = mesh.points[:, 2] + origin[2]
    mesh.point_data["height"] = z
    mesh.point_data["rgba"] = ramp_colours(z, layer.style.colormap, float(z.min()), float(z.max()))
    return mesh, keys


def _raster_grid(path, origin: np.ndarray) -> pv.PolyData | None:
    with rasterio.open(path) as src:
        step = max(1, int(np.ceil(max(src.width, src.height) / MAX_CELLS_PER_TILE)))
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
