"""The scene: what the 3D view draws, built from the project and its declared layers (no Qt).

One merged mesh per layer in local coordinates (project CRS minus ``origin``, so that
float32 rendering stays exact), with a cell array ``feature_id`` for picking and an
``rgba`` colour array (per cell or per point).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyvista as pv

from layers.areas import LAND_LAYER, areas_mesh
from layers.buildings import buildings_mesh
from layers.closures import closures_mesh
from layers.points import points_mesh
from layers.pointcloud import pointcloud_mesh
from layers.sewer import sewer_mesh
from layers.terrain import terrain_mesh
from layers.variant import DRAPE_LAYER, land_cover_drape, mark_changed, variant_source
from twin.config import LayerConfig
from twin.model.land_cover import LAND_COVER
from twin.policy.rolestore import RoleStore
from twin.project import Project
from twin.variants import changed_keys

#: feature table looked up when a cell of a layer kind is picked
FEATURE_TABLE = {"buildings": "buildings", "terrain": None, "pointcloud": None, "sewer": "sewer_reaches"}


@dataclass
class SceneLayer:
    """One layer ready to draw."""

    config: LayerConfig
    mesh: pv.PolyData
    feature_keys: list[str]
    feature_table: str | None
    #: the planning variant the features were read in (None: base data)
    variant: str | None = None
    #: the role whose policy composed the layer (None: the administration's full view)
    role: str | None = None

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def title(self) -> str:
        return self.config.title

    @property
    def visible(self) -> bool:
        return self.config.visible

    @property
    def opacity(self) -> float:
        return self.config.style.opacity

    @property
    def is_empty(self) -> bool:
        return self.mesh.n_cells == 0

    def key_at(self, cell_id: int) -> str | None:
        """Natural key of the feature that owns a picked cell."""
        if cell_id is None or cell_id < 0 or cell_id >= self.mesh.n_cells:
            return None
        fid = int(self.mesh.cell_data["feature_id"][cell_id])
        return self.feature_keys[fid] if 0 <= fid < len(self.feature_keys) else None

    def visible_at(self, scale: float) -> bool:
        """Whether the declared scale range (1:min_scale … 1:max_scale) admits this scale denominator."""
        c = self.config
        return (c.min_scale is None or scale <= c.min_scale) and (c.max_scale is None or scale >= c.max_scale)


@dataclass
class Scene:
    """All layers of a project, in local coordinates around ``origin``."""

    origin: np.ndarray
    epsg: int
    layers: list[SceneLayer] = field(default_factory=list)
    #: planning variant shown (None: base data) and the variant whose changes are marked (cell data ``changed``)
    variant: str | None = None
    highlight: str | None = None

    def layer(self, name: str) -> SceneLayer:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)

    def to_project(self, local_xyz: np.ndarray) -> np.ndarray:
        """Local scene coordinates -> project CRS."""
        return np.asarray(local_xyz, dtype=float) + self.origin



_BUILDERS: dict[str, Callable[[Project, LayerConfig, np.ndarray], tuple[pv.PolyData, list[str]]]] = {
    "sewer": sewer_mesh,
    "terrain": terrain_mesh,
    "buildings": buildings_mesh,
    "points": points_mesh,
    "pointcloud": pointcloud_mesh,
    "closures": closures_mesh,
    "areas": areas_mesh,
}


#: the OGC standard rendering pixel (0.28 mm), as used for map scales in WMS/SLD
STANDARD_PIXEL_M = 0.00028


def scale_denominator(distance_m: float, view_angle_deg: float, height_px: int) -> float:
    """Map scale 1:N of a perspective view: ground height seen at the focal distance per screen height."""
    seen = 2.0 * distance_m * math.tan(math.radians(view_angle_deg) / 2.0)
    return seen / (max(height_px, 1) * STANDARD_PIXEL_M)


def scene_origin(project: Project) -> np.ndarray:
    """A round local origin near the project extent (or the data) so coordinates stay small."""
    ext = project.config.project.extent
    if ext is None:
        rasters = project.store.rasters()
        ext = rasters[0]["bounds"] if rasters else (0.0, 0.0, 0.0, 0.0)
    cx, cy = (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2
    return np.array([round(cx, -3), round(cy, -3), 0.0])


def role_source(project: Project, role: str | None) -> Project:
    """The project as the role sees it: its store reads through the role policy (itself for None/admin)."""
    if role is None:
        return project
    session = project.session(role)
    return project if session.is_admin else Project(project.root, project.config, RoleStore(session))  # type: ignore[arg-type]


def declared_layers(project: Project) -> list[LayerConfig]:
    """The project's declared layers, plus the sensors and the land-management layer when the store has their
    data and no declared layer shows it."""
    from layers.sensors import SENSOR_LAYER

    configs = list(project.config.layers)
    for extra in (SENSOR_LAYER, LAND_LAYER):
        if project.store.has_layer(extra.source) and all(c.source != extra.source for c in configs):
            configs.append(extra)
    return configs


def build_scene(project: Project, *, progress: Callable[[float, str], None] | None = None,
                variant: str | None = None, highlight: str | None = None, role: str | None = None) -> Scene:
    """Build the scene data of every declared layer.

    ``role`` (rat, buerger): compose that twin from the role policy – every builder reads through the
    role's session, so hidden layers stay empty and hidden columns are never read.

    ``variant``: read every layer as in that planning variant (the base data stay untouched).
    ``highlight`` (default: ``variant``): mark the features that variant changes – cell data ``changed``
    (0/1) on every layer – and drape its changed land-cover areas over the terrain (extra layer).
    """
    progress = progress or (lambda f, m: None)
    origin = scene_origin(project)
    project = role_source(project, role)
    source = variant_source(project, variant)  # the feature source every builder reads through
    highlight = highlight or variant
    scene = Scene(origin=origin, epsg=project.config.project.crs, variant=variant, highlight=highlight)
    configs = declared_layers(project)
    n = max(len(configs), 1)
    for i, cfg in enumerate(configs):
        builder = _BUILDERS[cfg.kind]
        progress(i / n, f"Baue Layer „{cfg.title}“ …")
        mesh, keys = builder(source, cfg, origin)
        scene.layers.append(SceneLayer(cfg, mesh, keys, FEATURE_TABLE.get(cfg.kind, cfg.source), variant, role))
    if highlight:
        changed = changed_keys(project.store, highlight)
        terrain = next((la.mesh for la in scene.layers if la.config.kind == "terrain" and not la.is_empty), None)
        if changed.get(LAND_COVER.name) and terrain is not None:
            mesh, keys = land_cover_drape(source, variant, changed[LAND_COVER.name], terrain, origin)
            scene.layers.append(SceneLayer(DRAPE_LAYER, mesh, keys, LAND_COVER.name, variant))
        mark_changed(scene.layers, changed)
    progress(1.0, "Szene fertig")
    return scene


def feature_info(project: Project, layer: SceneLayer, cell_id: int) -> list[tuple[str, Any]]:
    """(German field title, value) rows of the feature that owns a picked cell, read from the store."""
    key = layer.key_at(cell_id)
    if key is None:
        return []
    rows: list[tuple[str, Any]] = [("Layer", layer.title)]
    store = variant_source(role_source(project, layer.role), layer.variant).store
    if layer.feature_table and store.has_layer(layer.feature_table):
        schema = store.schema(layer.feature_table)
        feat = store.get(layer.feature_table, key)
        if feat is not None:
            rows += [(f.title or f.name, feat.attrs.get(f.name)) for f in schema.fields
                     if feat.attrs.get(f.name) not in (None, "", {})]
    else:
        rows.append(("Objekt", key))
    if "surface_types" in layer.mesh.field_data and "surface" in layer.mesh.cell_data:
        surf = int(layer.mesh.cell_data["surface"][cell_id])
        rows.append(("Angeklickte Fläche", str(layer.mesh.field_data["surface_types"][surf])))
    return rows
