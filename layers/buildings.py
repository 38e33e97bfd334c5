"""Buildings layer: all semantic surfaces as one mesh, coloured by surface type, picking by building."""

from __future__ import annotations

import numpy as np
import pyvista as pv

from layers.mesh import polygons_mesh
from layers.style import class_colours
from twin.config import LayerConfig
from twin.project import Project


def buildings_mesh(project: Project, layer: LayerConfig, origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    """One mesh of the surfaces in ``layer.source``; cell data ``feature_id`` indexes the building ids."""
    store = project.store
    if not store.has_layer(layer.source):
        return pv.PolyData(), []
    feats = store.features(layer.source)
    if not feats:
        return pv.PolyData(), []
    by = layer.style.by or "surface_type"
    keys: list[str] = sorted({str(f.attrs["building_id"]) for f in feats})
    index = {k: i for i, k in enumerate(keys)}
    geoms = np.array([f.geometry for f in feats], dtype=object)
    mesh, src = polygons_mesh(geoms, origin)
    if mesh.n_cells == 0:
        return mesh, keys
    building_of = np.array([index[str(f.attrs["building_id"])] for f in feats], dtype=np.int64)
    classes = [f.attrs.get(by) for f in feats]
    mesh.cell_data["feature_id"] = building_of[src]
    mesh.cell_data["surface"] = src  # index of the surface row, for the inspector
    mesh.cell_data["rgba"] = class_colours(classes, layer.style)[src]
    mesh.field_data["surface_types"] = np.array([str(c) for c in classes])
    return mesh, keys
