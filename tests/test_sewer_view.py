"""Sewer layer mesh: tubes along the 3D reaches, radius from DN, colour by condition class, picking keys."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pyvista as pv

from importers.isybau.load import IsybauImporter
from layers.scene import build_scene
from layers.sewer import CLASS_RGBA, UNKNOWN_RGBA, reach_radius, sewer_mesh
from tests.test_import_isybau import _synthetic_2013
from twin.config import LayerConfig


def test_sewer_mesh(new_project, tmp_path):
    p = new_project()
    IsybauImporter()(p, _synthetic_2013(tmp_path / "k.xml"))
    origin = np.array([690000.0, 5335000.0, 0.0])
    cfg = LayerConfig(name="sewer", title="Kanal", kind="sewer", source="sewer_reaches")
    mesh, keys = sewer_mesh(p, cfg, origin)
    assert keys == ["H1"] and mesh.n_cells > 0
    assert mesh.cell_data["rgba"].dtype == np.uint8 and mesh.cell_data["rgba"].shape == (mesh.n_cells, 4)
    assert tuple(mesh.cell_data["rgba"][0]) == CLASS_RGBA[1]  # class 1 after conversion
    assert set(mesh.cell_data["feature_id"].tolist()) == {0}
    b = mesh.bounds
    assert 0 < b[0] < 1000 and 299.5 < b[4] < 300.2 and b[5] < 301.0  # local xy, invert level ± radius 0.15
    assert reach_radius(300) == 0.15 and reach_radius(None) == 0.15 and reach_radius(None, 800) == 0.4
    scene = build_scene(p)
    layer = scene.layer("sewer")
    assert layer.key_at(0) == "H1" and layer.feature_table == "sewer_reaches"


def test_unknown_class_grey():
    from layers.sewer import class_rgba
    assert class_rgba(None) == UNKNOWN_RGBA and class_rgba(0) == CLASS_RGBA[0]


def _ground_at(project, x: float, y: float) -> float:
    import rasterio

    path = project.root / project.store.rasters("dgm")[0]["path"]
    with rasterio.open(path) as src:
        return float(next(src.sample([(x, y)]))[0])


def test_pipes_under_transparent_and_cut_terrain_in_the_window(qtbot, sample_project, tmp_path):
    """A real window: the sewer layer is drawn, the terrain controls change opacity and cut the ground open."""
    from tests.test_gui import assert_not_blank, open_window, read_png

    ground = _ground_at(sample_project, 690530.0, 5335480.0)
    IsybauImporter()(sample_project, _synthetic_2013(tmp_path / "kanal.xml", dz=ground - 303.2))
    w = open_window(qtbot, sample_project)
    try:
        actors = w.view.actors
        assert actors.is_visible("sewer") and actors.terrain_layers() == ["terrain"]
        layer = w.scene.layer("sewer")
        # the test reach H1 alone (the sample municipality has its own network in the same layer)
        sewer = layer.mesh.extract_cells(np.flatnonzero(layer.mesh.cell_data["feature_id"]
                                                        == layer.feature_keys.index("H1")))
        assert sewer.n_cells and sewer.bounds[5] < ground - 2.0 + w.scene.origin[2] + 1.0  # top ≈ 2.4 m deep
        w.terrain_controls.slider.setValue(40)
        assert actors.opacity("terrain") == 0.4 and w.terrain_controls.value.text() == "40 %"
        ground_mesh = pv.wrap(actors.actors["terrain"].GetMapper().GetInput())
        full, full_area = ground_mesh.n_cells, ground_mesh.area
        # look at the pipe, then cut the ground open around it
        centre = np.array(sewer.center)
        cam = w.view.plotter.camera
        cam.focal_point = tuple(centre)
        cam.position = tuple(centre + np.array([-120.0, -160.0, 180.0]))
        w.terrain_controls.cut.setChecked(True)
        cut = pv.wrap(actors.actors["terrain"].GetMapper().GetInput())
        assert actors.cutaway is not None and cut.n_cells > 0
        assert 0.8 * 300 * 300 < full_area - cut.area < 1.3 * 300 * 300  # a 300 m square is missing
        xmin, xmax, ymin, ymax = actors.cutaway
        assert xmin < centre[0] < xmax and ymin < centre[1] < ymax
        inside = (cut.cell_centers().points[:, 0] > xmin + 2) & (cut.cell_centers().points[:, 0] < xmax - 2) & \
                 (cut.cell_centers().points[:, 1] > ymin + 2) & (cut.cell_centers().points[:, 1] < ymax - 2)
        assert not inside.any()  # nothing of the ground is left inside the hole
        out = tmp_path / "kanal_aufgeschnitten.png"
        w.save_screenshot(out)
        rgb = read_png(out)
        assert_not_blank(rgb)
        w.terrain_controls.cut.setChecked(False)
        assert actors.cutaway is None and pv.wrap(actors.actors["terrain"].GetMapper().GetInput()).n_cells == full
        shot = os.environ.get("STADTZWILLING_SHOT_DIR")
        if shot:
            import shutil

            shutil.copy(out, Path(shot) / out.name)
    finally:
        w.close()
