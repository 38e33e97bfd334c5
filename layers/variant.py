"""Planning variants in the scene (no Qt): the feature source "as in variant V", the ``changed`` highlight
array, and the changed land-cover areas draped over the terrain.

Every builder reads its features through ``project.store``; for a variant that store is a read-only
:class:`twin.variants.VariantStore`, so the builders need not know about variants.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

import numpy as np
import pyvista as pv
import shapely

from layers.style import hex_rgba
from twin.config import LayerConfig, StyleConfig
from twin.model.land_cover import LAND_COVER
from twin.project import Project
from twin.variants import features_in_variant, project_in_variant

#: the draped land-cover areas of a variant comparison (a terrain-like layer, not declared in twin.toml)
DRAPE_LAYER = LayerConfig(name="variante_flaechen", title="Bodenbedeckung (Variante)", kind="terrain",
                          source=LAND_COVER.name, style=StyleConfig(opacity=1.0))
#: height of the drape above the terrain surface [m], so that it is not hidden in it
DRAPE_LIFT_M = 0.1
#: cover colours from unsealed (0 %) to fully sealed (100 %)
UNSEALED, SEALED = "#9be15d", "#8d8d8d"


class _Layer(Protocol):
    mesh: pv.PolyData
    feature_keys: list[str]
    feature_table: str | None


def variant_source(project: Project, variant: str | None) -> Project:
    """The project whose store reads as in ``variant`` (the project itself for None)."""
    return project_in_variant(project, variant)


def mark_changed(layers: Iterable[_Layer], changed: Mapping[str, set[str]]) -> None:
    """Cell data ``changed`` (uint8, 1 = the owning feature is changed by the variant) on every layer mesh."""
    for layer in layers:
        mesh = layer.mesh
        if mesh.n_cells == 0:
            continue
        keys = changed.get(layer.feature_table or "", set())
        flags = np.array([k in keys for k in layer.feature_keys] + [False], dtype=np.uint8)
        if keys and "feature_id" in mesh.cell_data:
            fid = np.asarray(mesh.cell_data["feature_id"], dtype=np.int64)
            fid = np.where((fid >= 0) & (fid < len(layer.feature_keys)), fid, len(layer.feature_keys))
            mesh.cell_data["changed"] = flags[fid]
        else:
            mesh.cell_data["changed"] = np.zeros(mesh.n_cells, dtype=np.uint8)


def land_cover_drape(project: Project, variant: str | None, keys: set[str], terrain: pv.PolyData,
                     origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    """The land-cover polygons ``keys`` as in ``variant`` (None: base) draped over the terrain mesh: its cells
    whose centres lie inside, lifted a little, coloured by sealing (green unsealed … grey sealed)."""
    if not keys or terrain.n_cells == 0:
        return pv.PolyData(), []
    feats = [f for f in features_in_variant(project.store, LAND_COVER.name, variant)
             if str(f.attrs[LAND_COVER.key]) in keys and f.geometry is not None]
    if not feats:
        return pv.PolyData(), []
    feats.sort(key=lambda f: str(f.attrs[LAND_COVER.key]))
    centres = terrain.cell_centers().points
    x, y = centres[:, 0] + origin[0], centres[:, 1] + origin[1]
    owner = np.full(terrain.n_cells, -1, dtype=np.int64)
    for i, f in enumerate(feats):
        owner[(owner < 0) & shapely.contains_xy(f.geometry, x, y)] = i
    cells = np.flatnonzero(owner >= 0)
    if len(cells) == 0:
        return pv.PolyData(), []
    part = terrain.extract_cells(cells)
    part.cell_data["feature_id"] = owner[cells]
    mesh = part.extract_surface(algorithm="dataset_surface")
    mesh.points[:, 2] += DRAPE_LIFT_M
    sealing = np.array([float(f.attrs.get("versiegelung_prozent") or 0.0) for f in feats]) / 100.0
    lo, hi = hex_rgba(UNSEALED).astype(float), hex_rgba(SEALED).astype(float)
    colours = (lo + (hi - lo) * sealing[:, None]).round().astype(np.uint8)
    fid = np.asarray(mesh.cell_data["feature_id"], dtype=np.int64)
    for name in list(mesh.point_data):
        del mesh.point_data[name]
    mesh.cell_data["rgba"] = colours[fid]
    return mesh, [str(f.attrs[LAND_COVER.key]) for f in feats]
