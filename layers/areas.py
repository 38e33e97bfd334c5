"""Area layers (land-management candidates and other polygons) as flat sheets on the terrain (no Qt).

Each polygon is densified (edges every :data:`EDGE_STEP_M`), cut into triangles that keep its outline
(constrained Delaunay), its corners set on the DGM and lifted by :data:`LIFT_M`, so a parcel follows the
ground like a sheet laid on it. Colours come from the layer style (``style.by``, e.g. the status); one
merged mesh with ``feature_id`` per cell for picking.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv
import shapely

from layers.points import ground_heights
from layers.style import class_colours
from twin.config import LayerConfig, StyleConfig
from twin.model.land_potential import LAND_POTENTIAL, STATUS_COLOURS
from twin.project import Project

EDGE_STEP_M = 4.0
LIFT_M = 0.8
LAND_LAYER = LayerConfig(name="flaechenpotenzial", title="Innenentwicklung (Flächenpotenzial)", kind="areas",
                         source=LAND_POTENTIAL.name,
                         style=StyleConfig(by="status", classes=STATUS_COLOURS, default_color="#9e9e9e",
                                           opacity=0.85))


def areas_mesh(project: Project, layer: LayerConfig, origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    """One mesh of all polygons of ``layer.source`` draped on the terrain; keys in feature order."""
    store = project.store
    if not store.has_layer(layer.source):
        return pv.PolyData(), []
    key = store.schema(layer.source).key
    feats = sorted((f for f in store.features(layer.source) if f.geometry is not None and not f.geometry.is_empty
                    and f.geometry.area > 0), key=lambda f: str(f.attrs[key]))
    if not feats:
        return pv.PolyData(), []
    tris, owner = [], []
    for i, f in enumerate(feats):
        g = shapely.segmentize(shapely.force_2d(f.geometry), EDGE_STEP_M)
        parts = shapely.get_parts(shapely.constrained_delaunay_triangles(g))
        xy = shapely.get_coordinates(parts).reshape(len(parts), 4, 2)[:, :3]  # closed rings: drop the 4th corner
        tris.append(xy)
        owner.append(np.full(len(xy), i, dtype=np.int64))
    xy = np.concatenate(tris).reshape(-1, 2)
    z = ground_heights(project, xy) + LIFT_M
    pts = np.column_stack([xy, z]) - origin
    n = len(pts) // 3
    faces = np.column_stack([np.full(n, 3), np.arange(3 * n).reshape(n, 3)]).ravel()
    mesh = pv.PolyData(pts, faces=faces)
    fid = np.concatenate(owner)
    rgba = class_colours([f.attrs.get(layer.style.by or "status") for f in feats], layer.style)
    rgba[:, 3] = round(255 * layer.style.opacity)
    mesh.cell_data["rgba"] = rgba[fid]
    mesh.cell_data["feature_id"] = fid
    return mesh, [str(f.attrs[key]) for f in feats]
