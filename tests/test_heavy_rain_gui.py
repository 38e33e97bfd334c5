"""Heavy rain in the desktop app: real windows on the sample project (pytest-qt on Xvfb), no mocks.

Runs a short coarse scenario (10 m cells, a 10-minute own hyetograph, 5 minutes run-on) through the
„Starkregen …“ dialog and the worker with its progress dialog, then checks the result dock (the run is
listed, the overlay is drawn over the terrain, the slider and Play/Pause swap the overlay's depth
colours, the display modes), that „Abbrechen“ leaves no run, and that a published (read-only) twin
offers no simulation. Screenshots of the window go to ``$STADTZWILLING_SHOTS`` (default /tmp/pw).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from layers.flood import (DEPTH_MIN_M, HAZARD_LIMITS_M, OVERLAY_NAME, build_overlay, class_colours, depth_colours,
                          hazard_classes, time_label)
from tests.test_gui import TIMEOUT_MS, open_window
from twin.sim.heavy_rain import HAZARD_LIMITS_M as SIM_HAZARD_LIMITS_M
from twin.sim.heavy_rain import list_runs, release_run
from views.heavy_rain_dialog import HeavyRainDialog, parse_hyetograph, start_heavy_rain
from views.main_window import MainWindow
from views.workers import CANCELLED, OK


pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_modal_boxes")]

KOSTRA_FILE = Path(__file__).parent / "data" / "kostra" / "kostra_tabelle_187153.csv"
SHOTS = Path(os.environ.get("STADTZWILLING_SHOTS", "/tmp/pw"))
#: 10 minutes of heavy rain in two 5-minute blocks (minute the block ends; mm/h)
HYETOGRAPH = "5; 150\n10; 150"
#: the solver's precision for the GUI runs (unset: the dialog's default)
PRECISION = os.environ.get("STADTZWILLING_FLOOD_PRECISION")




def fill_dialog(dialog: HeavyRainDialog, title: str = "Test 10 min", cell: float = 10.0) -> None:
    dialog.title.setText(title)
    dialog.use_hyetograph(HYETOGRAPH)
    dialog.cell.setValue(cell)
    dialog.after.setValue(5)
    if PRECISION:
        dialog.precision.setCurrentIndex(dialog.precision.findData(PRECISION))


def run_through_dialog(qtbot, window: MainWindow, title: str = "Test 10 min", cell: float = 10.0):
    """Fill the dialog like a user, press „Berechnen“, start the run; returns the worker."""
    dialog = HeavyRainDialog(window.project, window)
    fill_dialog(dialog, title, cell)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.note.text()
    return start_heavy_rain(window, dialog.scenario())


def overlay_rgba(window: MainWindow) -> np.ndarray:
    """The colour array the overlay actor actually renders (its mapper input)."""
    actor = window.view.actors.plotter.actors[OVERLAY_NAME]
    data = actor.GetMapper().GetInput().GetCellData().GetArray("rgba")
    from vtkmodules.util.numpy_support import vtk_to_numpy

    return vtk_to_numpy(data).copy()


def blue_pixels(rgb: np.ndarray) -> int:
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    return int(((b - r > 70) & (b - g > 25)).sum())


# ----------------------------------------------------------------- without a window
def test_hazard_classes_and_colours():
    assert HAZARD_LIMITS_M == tuple(SIM_HAZARD_LIMITS_M) == (0.1, 0.3, 0.5, 1.0)
    d = np.array([0.0, 0.005, 0.05, 0.1, 0.2, 0.3, 0.49, 0.5, 0.99, 1.0, 3.0])
    assert hazard_classes(d).tolist() == [0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    for rgba in (depth_colours(d), class_colours(d)):
        assert rgba.dtype == np.uint8 and rgba.shape == (len(d), 4)
        assert (rgba[d < DEPTH_MIN_M, 3] == 0).all() and (rgba[d >= DEPTH_MIN_M, 3] > 0).all()
    blues = depth_colours(np.array([0.05, 1.0]))
    assert (blues[:, 2] > blues[:, 0]).all() and blues[1, :3].sum() < blues[0, :3].sum()  # blue, deeper darker
    assert time_label(0) == "0:00 h" and time_label(12 * 60) == "0:12 h" and time_label(65 * 60) == "1:05 h"
    assert parse_hyetograph("5; 12,5\n# Kommentar\n10\t20") == [(5.0, 12.5), (10.0, 20.0)]
    with pytest.raises(ValueError, match="Zeile 1"):
        parse_hyetograph("5; x")


def test_overlay_swaps_scalars_not_geometry():
    """A grid overlay (no terrain mesh): wet cells only; switching time/mode keeps the geometry."""
    depths = np.zeros((3, 4, 5), dtype=np.float32)
    depths[1, 0, 0] = 0.2  # row 0 = north
    depths[2, 0, 0] = 0.6
    depths[2, 3, 4] = 0.05
    ov = build_overlay("r", "T", np.array([60.0, 120.0, 180.0]), depths, (0.0, 0.0, 50.0, 40.0),
                       np.zeros(3), mode="verlauf")
    assert ov.mesh.n_cells == 2
    points = ov.mesh.points.copy()
    centres = ov.mesh.cell_centers().points
    north_west = int(np.argmin(centres[:, 0] - centres[:, 1]))
    assert np.allclose(centres[north_west, :2], (5.0, 35.0))
    assert ov.wet_cells() == 0
    ov.set_index(1)
    assert ov.wet_cells() == 1 and ov.mesh.cell_data["depth"][north_west] == pytest.approx(0.2)
    ov.set_index(2)
    assert ov.wet_cells() == 2 and ov.current_time() == 180.0
    ov.set_mode("klassen")
    assert ov.current_time() is None
    assert sorted(hazard_classes(ov.mesh.cell_data["depth"]).tolist()) == [0, 3]
    assert np.array_equal(points, ov.mesh.points)


# ----------------------------------------------------------------- in the window
def test_simulation_menu_and_dialog(window):
    menus = {a.menu().title().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert "Simulation" in menus
    texts = [a.text().replace("&", "") for a in menus["Simulation"].actions()]
    assert "Starkregen …" in texts and "Starkregen-Ergebnisse" in texts
    dialog = HeavyRainDialog(window.project, window)
    assert [dialog.variant.itemText(i) for i in range(dialog.variant.count())][0] == "Bestand"
    # KOSTRA without a file: refused with a German note, the dialog stays open
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "KOSTRA" in dialog.note.text()
    dialog.use_hyetograph("5; abc")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Zeile 1" in dialog.note.text()
    # a KOSTRA-DWD table: Jährlichkeit and Dauer go into the scenario
    dialog.rain.setCurrentIndex(0)
    dialog.kostra_file.setText(str(KOSTRA_FILE))
    dialog.return_period.setCurrentIndex(dialog.return_period.findData(100.0))
    dialog.duration.setValue(30)
    assert dialog.problem() is None, dialog.problem()
    sc = dialog.scenario()
    assert (sc.kostra_file, sc.return_period_a, sc.duration_min, sc.hyetograph) == (str(KOSTRA_FILE), 100.0, 30.0,
                                                                                     None)
    assert sc.rain(window.project.root).total_mm > 20  # a 100-year, 30-minute design storm
    fill_dialog(dialog)
    sc = dialog.scenario()
    assert sc.hyetograph == [(5.0, 150.0), (10.0, 150.0)] and sc.cell_size_m == 10.0 and sc.after_min == 5.0
    assert sc.kostra_file is None and sc.boundary == "open" and sc.variant is None
    dialog.reject()


def test_run_through_dialog_and_show_overlay(qtbot, window):
    panel = window.flood_panel
    assert panel.run_ids() == [] and panel.actor is None
    messages: list[str] = []
    with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS):
        with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS) as finished:
            worker = run_through_dialog(qtbot, window)
            worker.progress.connect(lambda f, m: messages.append(m))
            assert window.heavy_rain_progress is not None and window.heavy_rain_progress.isVisible()
    outcome, rec = finished.args
    assert outcome == OK, rec
    assert any("Modellzeit" in m and "Rechenzeit" in m for m in messages), messages
    assert window.heavy_rain_progress is None
    assert "berechnet" in window.statusBar().currentMessage()

    # the dock lists the run and draws it
    assert window.flood_dock.isVisible()
    assert panel.run_ids() == [rec.run_id] == [r.run_id for r in list_runs(window.project)]
    assert panel.current_run() == rec.run_id
    ov = panel.overlay
    assert ov is not None and not ov.is_empty and ov.n_times == len(rec.snapshot_times) >= 10
    assert panel.actor is not None and panel.actor.GetVisibility()
    assert panel.mode() == "max" and ov.wet_cells() > 0
    assert float(ov.max_depth.max()) == pytest.approx(rec.max_depth_m, rel=1e-3)

    # the overlay lies on the terrain: within its footprint, just above its surface
    terrain = window.scene.layer("terrain").mesh
    ob, tb = np.array(ov.mesh.bounds), np.array(terrain.bounds)
    assert ob[0] >= tb[0] - 1e-6 and ob[1] <= tb[1] + 1e-6 and ob[2] >= tb[2] - 1e-6 and ob[3] <= tb[3] + 1e-6
    assert tb[4] <= ob[4] and ob[5] <= tb[5] + 1.0

    # screenshots: a larger window, the water framed, trees and meters (coloured points) hidden
    window.resize(1500, 950)
    window.auskunft_dock.hide()
    for name in ("trees", "water_meters"):
        if name in window.layer_tree.layer_names():
            window.set_layer_visible(name, False)
    panel.frame_overlay()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.save_screenshot(SHOTS / "starkregen_max_tiefe.png")

    # moving the slider swaps the depth colours (same cells), and the time label follows
    rgba_max = overlay_rgba(window)
    n_cells = ov.mesh.n_cells
    panel.set_time_index(0)
    assert panel.mode() == "verlauf" and ov.index == 0
    rgba_early = overlay_rgba(window)
    assert "Modellzeit: 0:01 h" in panel.time_label.text()
    mid = ov.n_times // 3
    panel.slider.setValue(mid)
    rgba_mid = overlay_rgba(window)
    assert ov.mesh.n_cells == n_cells and rgba_mid.shape == rgba_early.shape == rgba_max.shape
    assert not np.array_equal(rgba_early, rgba_mid)
    assert np.allclose(ov.mesh.cell_data["depth"], ov.depths[mid].ravel()[ov.cells])
    assert time_label(ov.times[mid]) in panel.time_label.text()
    assert (rgba_mid[:, 3] > 0).sum() == ov.wet_cells() > 0
    window.save_screenshot(SHOTS / f"starkregen_verlauf_{int(ov.times[mid])}s.png")

    # hazard classes of the maximum depth
    panel.set_mode("klassen")
    assert ov.current_time() is None and "Gefahrenklasse" in panel.legend_label.text()
    assert not np.array_equal(overlay_rgba(window), rgba_max)
    window.save_screenshot(SHOTS / "starkregen_gefahrenklassen.png")

    # Play runs through the snapshots and stops at the end
    panel.slider.setValue(ov.n_times - 3)
    panel.play()
    assert panel.playing and panel.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: not panel.playing, timeout=20_000)
    assert panel.slider.value() == ov.n_times - 1 and panel.play_button.text() == "Abspielen"

    # hovering shows the depth under the mouse next to the coordinates
    panel.set_mode("max")
    deepest = np.array(ov.mesh.extract_cells([int(np.argmax(ov.max_depth.ravel()[ov.cells]))]).center)
    window.view.hovered.emit(deepest)
    depth_text = f"{float(ov.max_depth.max()):.2f}".replace(".", ",")
    assert window.coordinates.text().startswith("E 69") and f"max. Wassertiefe {depth_text} m" in \
        window.coordinates.text()

    # the water is drawn: hiding the overlay changes many pixels, blue ones become fewer
    with_water = window.view.render_image()
    panel.show_box.setChecked(False)
    without = window.view.render_image()
    assert not panel.actor.GetVisibility()
    changed = np.abs(with_water.astype(int) - without.astype(int)).sum(axis=2) > 40
    assert changed.sum() > 1000, changed.sum()
    assert blue_pixels(with_water) > blue_pixels(without) + 500
    panel.show_box.setChecked(True)

    # previews: the Bürgerzwilling sees released runs only, and of them only the hazard map
    with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS) as shown:
        window.set_role("buerger")
    assert shown.args == [None] and panel.run_ids() == [] and panel.actor is None
    release_run(window.project, rec.run_id, True)
    with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS):
        window.set_role("rat")
    assert panel.run_ids() == [rec.run_id] and not panel.overlay.classes_only
    with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS):
        window.set_role("buerger")
    public = panel.overlay
    assert panel.run_ids() == [rec.run_id] and public.classes_only and public.n_times == 0
    assert panel.mode() == "klassen" and not panel.mode_combo.isEnabled() and not panel.slider.isEnabled()
    assert public.wet_cells() > 0 and panel.actor.GetVisibility()
    shown_classes = hazard_classes(public.mesh.cell_data["depth"])
    full_classes = hazard_classes(ov.max_depth.ravel()[public.cells])
    assert np.array_equal(shown_classes, full_classes)  # the same classes as in the administration's view
    assert "Gefahrenkarte" in panel.info.text() and "Gebäude" not in panel.info.text()
    window.save_screenshot(SHOTS / "starkregen_buergerzwilling.png")


def test_cancel_leaves_no_run(qtbot, window):
    panel = window.flood_panel
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS) as finished:
        # 2 m cells: 25 times the work of the other runs, so the run cannot end before the click lands
        worker = run_through_dialog(qtbot, window, "Abgebrochen", cell=2.0)
        dialog = window.heavy_rain_progress
        # the solver is running (watched on the dialog in the GUI thread, not on the worker's cross-thread signal)
        qtbot.waitUntil(lambda: dialog.value() > 50 and "Modellzeit" in dialog.labelText(), timeout=TIMEOUT_MS)
        assert "Modellzeit" in dialog.labelText()
        button = dialog.findChild(QPushButton)
        assert button.text() == "Abbrechen"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert finished.args[0] == CANCELLED, finished.args
    worker.wait()
    assert list_runs(window.project) == [] and panel.run_ids() == [] and panel.actor is None
    assert "abgebrochen" in window.statusBar().currentMessage()
    assert not any((window.project.root / "rasters" / "starkregen").glob("*/*.tif"))


def test_published_window_offers_no_simulation(qtbot, sample_project):
    """A read-only (published) twin shows the result dock entry, but not „Starkregen …“."""
    from twin.config import PublishedSection

    published = PublishedSection(role="rat", title="Ratszwilling", published_at="2026-01-01T00:00:00",
                                 source_project="Markt Musterdorf")
    sample_project.config = sample_project.config.model_copy(update={"published": published})
    window = open_window(qtbot, sample_project)
    try:
        assert window.read_only
        sim = next(a.menu() for a in window.menuBar().actions() if a.menu().title().replace("&", "") == "Simulation")
        texts = [a.text().replace("&", "") for a in sim.actions()]
        assert "Starkregen …" not in texts and "Starkregen-Ergebnisse" in texts
        assert start_heavy_rain(window, None) is None
    finally:
        window.close()


def test_closing_during_a_run_cancels_it(qtbot, sample_project):
    """Closing the window while the solver runs: the worker is cancelled and waited for, no run is stored."""
    window = open_window(qtbot, sample_project)
    worker = run_through_dialog(qtbot, window, "Beim Schließen")
    dialog = window.heavy_rain_progress
    qtbot.waitUntil(lambda: dialog.value() > 50 and "Modellzeit" in dialog.labelText(), timeout=TIMEOUT_MS)
    window.close()
    assert worker.isFinished()
    assert list_runs(sample_project) == []


def test_overlay_in_the_offscreen_view(qtbot, sample_project):
    """The fallback view without a window system draws the same overlay; the slider changes the picture."""
    window = open_window(qtbot, sample_project, offscreen=True)
    try:
        panel = window.flood_panel
        with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS):
            with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS) as finished:
                run_through_dialog(qtbot, window, "Offscreen")
        assert finished.args[0] == OK
        ov = panel.overlay
        window.resize(1400, 900)
        window.auskunft_dock.hide()
        qtbot.wait(50)
        panel.frame_overlay()
        panel.set_time_index(1)
        early = window.view.render_image()
        panel.set_time_index(ov.n_times - 1)
        late = window.view.render_image()
        assert early.shape[1] > 700
        assert (np.abs(early.astype(int) - late.astype(int)).sum(axis=2) > 40).sum() > 1000
        window.save_screenshot(SHOTS / "starkregen_offscreen_ende.png")
    finally:
        window.close()
