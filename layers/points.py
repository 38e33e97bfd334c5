"""Point layers (trees, water meters, …): one merged vertex mesh per layer, no Qt.

Each feature is one vertex (and one vertex cell) at its point in local coordinates; the height is
taken from the project DEM (:mod:`twin.dem`) where present, else from the DGM tiles (newest import
first) where one covers the point, else 0. ``rgba`` per point from the layer style (``style.by`` names
the attribute to classify), ``feature_id`` per cell indexes the returned keys for picking. The layer's
table is ``layer.source``.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv
import rasterio
import shapely

from layers.style import class_colours
from twin.config import LayerConfig
from twin.dem import project_dem, tiles_oldest_first
from twin.project import Project


def points_mesh(project: Project, layer: LayerConfig, origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    """All point features of table ``layer.source`` as one PolyData of vertices, with their natural keys."""
    store = project.store
    if not store.has_layer(layer.source):
        return pv.PolyData(), []
    schema = store.schema(layer.source)
    feats = [f for f in store.features(layer.source) if f.geometry is not None and not f.geometry.is_empty]
    if not feats:
        return pv.PolyData(), []
    pts = shapely.get_coordinates(np.array([shapely.centroid(f.geometry) if f.geometry.geom_type != "Point"
                                            else f.geometry for f in feats], dtype=object), include_z=True)
    xy = pts[:, :2]
    z = ground_heights(project, xy)
    local = np.column_stack([xy[:, 0] - origin[0], xy[:, 1] - origin[1], z - origin[2]])
    mesh = pv.PolyData(local)  # one vertex cell per point, in point order
    mesh.point_data["height"] = z
    style = layer.style
    values = [f.attrs.get(style.by) if style.by else None for f in feats]
    rgba = class_colours(values, style)
    mesh.point_data["rgba"] = rgba
    mesh.cell_data["rgba"] = rgba
    mesh.cell_data["feature_id"] = np.arange(len(feats), dtype=np.int64)
    return mesh, [str(f.attrs[schema.key]) for f in feats]


def ground_heights(project: Project, xy: np.ndarray) -> np.ndarray:
    """DGM height under each point (project DEM, then newest tile with data there), 0 where there is none."""
    z = np.zeros(len(xy))
    todo = np.ones(len(xy), dtype=bool)
    dem = project_dem(project)
    for r in ([dem] if dem else []) + tiles_oldest_first(project)[::-1]:
        if not todo.any():
            break
        b = r["bounds"]
        inside = todo & (xy[:, 0] >= b[0]) & (xy[:, 0] <= b[2]) & (xy[:, 1] >= b[1]) & (xy[:, 1] <= b[3])
        if not inside.any():
            continue
        idx = np.flatnonzero(inside)
        with rasterio.open(project.root / r["path"]) as src:
            vals = np.array([v[0] for v in src.sample([tuple(p) for p in xy[idx]], masked=True)], dtype=object)
            nodata = src.nodata
        for i, v in zip(idx.tolist(), vals.tolist()):
            if v is None or v is np.ma.masked or (nodata is not None and v == nodata) or not np.isfinite(float(v)):
                continue
            z[i] = float(v)
            todo[i] = False
    return z
