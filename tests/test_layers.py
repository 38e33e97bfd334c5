"""Layer engine: declared layers -> one merged mesh per layer with feature ids and styled colours."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio

from layers.scene import build_scene, feature_info
from layers.style import hex_rgba
from twin.config import LayerConfig, StyleConfig


def test_one_merged_mesh_per_layer(sample_project):
    scene = build_scene(sample_project)
    # the declared layers, then the sensors layer the sample's sensors bring along (not declared in twin.toml)
    assert [l.name for l in scene.layers] == [l.name for l in sample_project.config.layers] + ["sensors", "flaechenpotenzial"]
    assert [l.name for l in scene.layers][:2] == ["terrain", "buildings"]
    b = scene.layer("buildings")
    n_buildings = sample_project.store.count("buildings")
    assert isinstance(b.mesh.n_cells, int) and b.mesh.n_cells > 1000
    ids = np.unique(b.mesh.cell_data["feature_id"])
    # every building or part that has surfaces appears in the one mesh, nothing else
    with_surfaces = {f.attrs["building_id"] for f in sample_project.store.features("building_surfaces")}
    assert sorted(b.feature_keys[i] for i in ids) == sorted(with_surfaces)
    assert len(with_surfaces) <= n_buildings
    assert "DEBY_LOD2_4959457" in b.feature_keys


def test_buildings_coloured_by_semantic_surface(sample_project):
    b = build_scene(sample_project).layer("buildings")
    style = sample_project.config.layer("buildings").style
    types = b.mesh.field_data["surface_types"]
    per_cell_type = types[b.mesh.cell_data["surface"]]
    rgba = b.mesh.cell_data["rgba"]
    for kind in ("RoofSurface", "WallSurface", "GroundSurface"):
        cells = per_cell_type == kind
        assert cells.any()
        assert (rgba[cells] == hex_rgba(style.classes[kind])).all()


def test_style_from_config_changes_colours(sample_project):
    cfg = sample_project.config.layer("buildings")
    cfg.style = StyleConfig(by="surface_type", classes={"RoofSurface": "#0000ff"}, default_color="#00ff00")
    b = build_scene(sample_project).layer("buildings")
    per_cell_type = b.mesh.field_data["surface_types"][b.mesh.cell_data["surface"]]
    assert (b.mesh.cell_data["rgba"][per_cell_type == "RoofSurface"] == [0, 0, 255, 255]).all()
    assert (b.mesh.cell_data["rgba"][per_cell_type == "WallSurface"] == [0, 255, 0, 255]).all()


def test_terrain_is_one_surface_in_local_coordinates(sample_project):
    scene = build_scene(sample_project)
    t = scene.layer("terrain")
    assert t.feature_keys == ["BY_DGM1_690_5335"]
    lo = scene.to_project(np.array([t.mesh.bounds[0], t.mesh.bounds[2], t.mesh.bounds[4]]))
    hi = scene.to_project(np.array([t.mesh.bounds[1], t.mesh.bounds[3], t.mesh.bounds[5]]))
    assert 690000 <= lo[0] < 690010 and 690990 < hi[0] <= 691000
    assert 5335000 <= lo[1] < 5335010 and 5335990 < hi[1] <= 5336000
    with rasterio.open(sample_project.root / sample_project.store.rasters()[0]["path"]) as r:
        z = r.read(1, masked=True)
    assert z.min() - 0.5 <= lo[2] and hi[2] <= z.max() + 0.5  # display heights within the DGM range
    assert abs(t.mesh.points[:, :2]).max() < 2000  # local coordinates stay small for float32 rendering
    assert t.mesh.point_data["rgba"].shape == (t.mesh.n_points, 4)


def test_pick_key_and_inspector_rows(sample_project):
    b = build_scene(sample_project).layer("buildings")
    fid = b.feature_keys.index("DEBY_LOD2_4959457")
    cell = int(np.flatnonzero(b.mesh.cell_data["feature_id"] == fid)[0])
    assert b.key_at(cell) == "DEBY_LOD2_4959457"
    rows = dict(feature_info(sample_project, b, cell))
    assert rows["gml:id"] == "DEBY_LOD2_4959457" and rows["Gebäudehöhe [m]"] == 37.54
    assert rows["Angeklickte Fläche"] in ("RoofSurface", "WallSurface", "GroundSurface")
    assert b.key_at(-1) is None and b.key_at(b.mesh.n_cells) is None


def test_scale_range():
    from layers.scene import SceneLayer
    import pyvista as pv

    layer = SceneLayer(LayerConfig(name="b", title="B", kind="buildings", source="s", min_scale=25000,
                                   max_scale=500), pv.PolyData(), [], None)
    assert layer.visible_at(5000) and not layer.visible_at(50000) and not layer.visible_at(100)


def test_scale_denominator():
    from layers.scene import scale_denominator

    # 1000 m away with a 30° view angle one sees 2 * 1000 * tan(15°) = 535.9 m on 900 px of 0.28 mm
    assert scale_denominator(1000.0, 30.0, 900) == pytest.approx(535.898 / 0.252, rel=1e-4)
    assert scale_denominator(500.0, 30.0, 900) == pytest.approx(scale_denominator(1000.0, 30.0, 900) / 2)


def test_empty_project_builds_empty_layers(new_project):
    scene = build_scene(new_project())
    assert all(l.is_empty for l in scene.layers)


def test_holed_roof_is_triangulated_without_filling_the_courtyard():
    """A courtyard (interior ring) must stay open: area of triangles = outer minus hole."""
    from shapely.geometry import MultiPolygon, Polygon
    from layers.mesh import polygons_mesh

    outer = [(0, 0, 10), (20, 0, 10), (20, 20, 10), (0, 20, 10)]
    hole = [(5, 5, 10), (15, 5, 10), (15, 15, 10), (5, 15, 10)]
    concave = [(30, 0, 0), (40, 0, 0), (40, 10, 0), (35, 5, 0), (30, 10, 0)]  # an arrow, concave
    mesh, src = polygons_mesh(np.array([MultiPolygon([Polygon(outer, [hole])]), MultiPolygon([Polygon(concave)])],
                                       dtype=object), np.zeros(3))
    areas = mesh.compute_cell_sizes(length=False, volume=False).cell_data["Area"]
    assert areas[src == 0].sum() == pytest.approx(400 - 100)
    assert areas[src == 1].sum() == pytest.approx(100 - 25)
