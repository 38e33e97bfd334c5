"""Planning variants in the real main window (pytest-qt on Xvfb, sample project, no mocks): switching to a
variant shows its new trees, de-sealed area and building, highlighted; "Vorher/Nachher" toggles to the base
data; the split view shows base (left) and variant (right) with one shared camera. Screenshots of both modes
are written to the test's folder (``VARIANT_SHOTS`` names another folder to keep them)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from layers.scene import feature_info
from tests.test_gui import _no_modal_boxes, window  # noqa: F401 - the GUI tests' fixtures, reused
from tests.test_gui import TIMEOUT_MS, assert_not_blank, read_png
from tests.test_variants import base_snapshot

pytestmark = pytest.mark.gui

MARKT, KITA = "marktplatz_entsiegeln", "kita_am_anger"


def changed_pixels(rgb: np.ndarray) -> int:
    """Pixels in the (shaded) highlight magenta #ff1fd0; nothing else in the scene has that colour."""
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    return int(((r > 170) & (g < 110) & (b > 140) & (r - g > 100)).sum())


def keep(window, path: Path) -> None:
    """Copy a screenshot to ``$VARIANT_SHOTS`` (if set), named with the kind of 3D view."""
    target = os.environ.get("VARIANT_SHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / f"{path.stem}_{type(window.view).__name__}.png")




def show(qtbot, window, variant: str | None) -> None:
    with qtbot.waitSignal(window.variant_bar.variant_shown, timeout=TIMEOUT_MS):
        window.variant_bar.select_variant(variant)


def test_switch_to_variant_shows_and_highlights_changes(window, qtbot, tmp_path):
    bar = window.variant_bar
    assert bar.variant_ids() == [None, MARKT, KITA]
    assert bar.combo.itemText(1) == "Marktplatz entsiegeln und begrünen (für den Rat freigegeben)"
    assert bar.combo.itemText(2) == "Neubau Kita Am Anger (intern)"
    assert not bar.split.isEnabled() and not bar.before.isEnabled()
    before = base_snapshot(window.project.store)
    base_trees = len(window.scene.layer("trees").feature_keys)

    show(qtbot, window, MARKT)
    scene = window.scene
    assert scene.variant == MARKT and bar.status.text().strip() == "Nachher (Variante)"
    trees = scene.layer("trees")
    new = [k for k in trees.feature_keys if k.startswith("MP-")]
    assert len(new) == 8 and len(trees.feature_keys) == base_trees + 8
    flags = trees.mesh.cell_data["changed"]
    ids = trees.mesh.cell_data["feature_id"]
    assert {trees.feature_keys[i] for i in ids[flags == 1]} == set(new)
    drape = scene.layer("variante_flaechen")
    assert drape.mesh.n_cells > 100 and drape.mesh.cell_data["changed"].all()
    assert int(window.scene.layer("buildings").mesh.cell_data["changed"].sum()) == 0
    assert window.layer_tree.is_checked("variante_flaechen")
    actors = window.view.actors.plotter.actors
    assert "_variante_trees" in actors and "_variante_variante_flaechen" in actors
    bar.frame_changes()
    nachher = window.view.render_image()
    assert changed_pixels(nachher) > 200

    # the inspector's rows read a new tree as in the variant (picking is checked on the Kita in the split view)
    rows = dict(feature_info(window.project, trees, int(np.flatnonzero(flags)[0])))
    assert rows.get("Baumnummer", "").startswith("MP-") and rows.get("Pflanzjahr") == 2026

    out = tmp_path / "variante_nachher.png"
    window.save_screenshot(out)
    keep(window, out)
    assert_not_blank(read_png(out))
    assert changed_pixels(read_png(out)) > 200

    bar.before.setChecked(True)  # Vorher: base data, nothing of the variant drawn
    assert window.scene.variant is None and window.scene.highlight == MARKT
    assert bar.status.text().strip() == "Vorher (Bestand)"
    assert len(window.scene.layer("trees").feature_keys) == base_trees
    vorher = window.view.render_image()
    assert changed_pixels(vorher) < changed_pixels(nachher) / 10
    out = tmp_path / "variante_vorher.png"
    window.save_screenshot(out)
    keep(window, out)
    bar.before.setChecked(False)
    assert window.scene.variant == MARKT

    show(qtbot, window, KITA)
    b = window.scene.layer("buildings")
    assert "KITA_AM_ANGER" in b.feature_keys
    kita = b.feature_keys.index("KITA_AM_ANGER")
    assert set(np.flatnonzero(b.mesh.cell_data["changed"])) == set(np.flatnonzero(b.mesh.cell_data["feature_id"] == kita))
    assert "_variante_trees" not in window.view.actors.plotter.actors

    show(qtbot, window, None)
    assert window.scene.variant is None and window.scene.highlight is None
    assert not any(name.startswith("_variante") for name in window.view.actors.plotter.actors)
    assert window.layer_tree.layer_names() == [layer.name for layer in window.project.config.layers] + ["sensors", "flaechenpotenzial"]
    assert base_snapshot(window.project.store) == before  # showing variants never writes the base data


def test_split_view_base_left_variant_right(window, qtbot, tmp_path):
    bar = window.variant_bar
    show(qtbot, window, KITA)
    renderers = window.view.actors.plotter.ren_win.GetRenderers()
    n = renderers.GetNumberOfItems()
    bar.split.setChecked(True)
    side = bar.base_side
    assert side is not None and not bar.before.isEnabled()
    main = window.view.actors.plotter.renderer
    assert renderers.GetNumberOfItems() == n + 1 and renderers.IsItemPresent(side.renderer)
    assert side.renderer.GetActiveCamera() is main.GetActiveCamera()  # one camera: the views move together
    assert tuple(main.GetViewport()) == (0.5, 0.0, 1.0, 1.0) and tuple(side.renderer.GetViewport()) == (
        0.0, 0.0, 0.5, 1.0)
    assert window.scene.variant == KITA and "KITA_AM_ANGER" not in side.actors._layers["buildings"].feature_keys
    bar.frame_changes()

    img = window.view.render_image()
    half = img.shape[1] // 2
    left, right = img[:, :half], img[:, half:]
    assert changed_pixels(right) > 100 and changed_pixels(left) == 0  # the Kita exists only on the right
    assert np.abs(left.astype(int) - right.astype(int)).mean() < 40  # same place, same camera

    # pick the new building in the right half: the inspector shows the planned Kita
    b = window.scene.layer("buildings")
    centre = b.mesh.extract_cells(np.flatnonzero(b.mesh.cell_data["changed"])).center
    pos = window.view.widget_pos(np.array(centre))
    assert pos is not None and pos.x() > window.view.surface.width() // 2
    window.pick_at(pos)
    assert dict(window.inspector_rows()).get("Name") == "Kita Am Anger"

    out = tmp_path / "variante_geteilt.png"
    window.save_screenshot(out)
    keep(window, out)
    shot = read_png(out)
    assert changed_pixels(shot) > 50  # partly covered by the yellow selection outline now

    camera = main.GetActiveCamera()  # turning the shared camera changes both halves alike
    camera.Azimuth(25)
    main.ResetCameraClippingRange()
    turned = window.view.render_image()
    assert np.abs(turned[:, :half].astype(int) - left.astype(int)).mean() > 3
    assert np.abs(turned[:, half:].astype(int) - right.astype(int)).mean() > 3

    window.layer_tree.set_checked("buildings", False)  # layer toggles reach both halves
    assert not side.actors.is_visible("buildings") and not window.view.actors.is_visible("buildings")
    window.layer_tree.set_checked("buildings", True)

    show(qtbot, window, MARKT)  # the split stays while switching variants
    assert bar.base_side is side and window.scene.variant == MARKT
    assert "_variante_trees" in window.view.actors.plotter.actors
    bar.split.setChecked(False)
    assert bar.base_side is None and tuple(main.GetViewport()) == (0.0, 0.0, 1.0, 1.0)
    assert renderers.GetNumberOfItems() == n
    bar.split.setChecked(True)  # closing the window with the split view open (fixture) must be clean


def test_back_to_base_and_new_scene_from_an_import(window, qtbot):
    bar = window.variant_bar
    show(qtbot, window, MARKT)
    bar.split.setChecked(True)
    show(qtbot, window, None)  # Bestand: nothing to compare, the split view closes
    assert bar.base_side is None and not bar.split.isChecked() and not bar.split.isEnabled()
    show(qtbot, window, MARKT)
    bar.split.setChecked(True)
    with qtbot.waitSignal(window.scene_ready, timeout=TIMEOUT_MS):
        window.load_scene("neu geladen")
    assert bar.variant is None and bar.combo.currentIndex() == 0 and bar.base_side is None
    assert not bar.split.isChecked() and window.scene.variant is None
