"""Sewer layer: reaches as tubes along their 3D invert lines, coloured by condition class (no Qt).

Radius = DN / 2 (mm -> m); where DN is missing the profile height is used, else 0.15 m (DN 300, the
usual minimum for public sewers). Colours per condition class on the DWA-M 149-3 scale (0 = worst):
0 dark red, 1 red, 2 orange, 3 yellow, 4 light green, 5 green; unknown class grey.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv
import shapely

from twin.config import LayerConfig
from twin.project import Project

DEFAULT_RADIUS_M = 0.15
CLASS_RGBA = {
    0: (128, 0, 0, 255), 1: (220, 30, 30, 255), 2: (245, 140, 20, 255),
    3: (240, 220, 40, 255), 4: (150, 210, 80, 255), 5: (40, 160, 60, 255),
}
UNKNOWN_RGBA = (150, 150, 150, 255)


def reach_radius(dn_mm, profilhoehe_mm=None) -> float:
    for v in (dn_mm, profilhoehe_mm):
        if v is not None and v == v and v > 0:
            return float(v) / 2000.0
    return DEFAULT_RADIUS_M


def class_rgba(cls) -> tuple[int, int, int, int]:
    try:
        return CLASS_RGBA.get(int(cls), UNKNOWN_RGBA)
    except (TypeError, ValueError):
        return UNKNOWN_RGBA


def sewer_mesh(project: Project, layer: LayerConfig, origin: np.ndarray, *, sides: int = 10
               ) -> tuple[pv.PolyData, list[str]]:
    """One tube mesh of all reaches in ``layer.source``; cell data ``feature_id`` indexes the reach keys."""
    store = project.store
    source = layer.source or "sewer_reaches"
    if not store.has_layer(source):
        return pv.PolyData(), []
    feats = [f for f in store.features(source) if f.geometry is not None and not f.geometry.is_empty]
    if not feats:
        return pv.PolyData(), []
    feats.sort(key=lambda f: str(f.attrs["objektbezeichnung"]))
    keys = [str(f.attrs["objektbezeichnung"]) for f in feats]
    parts = []
    for i, f in enumerate(feats):
        xyz = shapely.get_coordinates(f.geometry, include_z=True) - origin
        if len(xyz) < 2:
            continue
        line = pv.lines_from_points(xyz)
        tube = line.tube(radius=reach_radius(f.attrs.get("dn_mm"), f.attrs.get("profilhoehe_mm")),
                         n_sides=sides, capping=True)
        if tube.n_cells == 0:
            continue
        tube = tube.triangulate()
        tube.cell_data["feature_id"] = np.full(tube.n_cells, i, dtype=np.int64)
        tube.cell_data["rgba"] = np.tile(np.array(class_rgba(f.attrs.get("zustandsklasse")), dtype=np.uint8),
                                         (tube.n_cells, 1))
        parts.append(tube)
    if not parts:
        return pv.PolyData(), keys
    mesh = parts[0].merge(parts[1:], merge_points=False) if len(parts) > 1 else parts[0]
    mesh = pv.PolyData(mesh) if not isinstance(mesh, pv.PolyData) else mesh
    mesh.cell_data["rgba"] = np.asarray(mesh.cell_data["rgba"], dtype=np.uint8)
    mesh.cell_data["feature_id"] = np.asarray(mesh.cell_data["feature_id"], dtype=np.int64)
    return mesh, keys
