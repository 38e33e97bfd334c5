"""Heat stress in the desktop app: real windows on the sample project (Xvfb or Qt offscreen), no mocks.

A short coarse run (5 m cells, two hours) goes through the „Hitze …“ dialog and the worker with its
progress dialog; further runs are computed directly with :func:`run_heat`. Checked: the dock lists and
draws the run, display and hour swap the overlay's colours, „Abbrechen“ stores nothing, the comparison
adds ΔUTCI and its summary (and refuses runs on different grids), the release checkbox, and the
Bürgerzwilling preview (released runs only, only the maps of the daily maximum). Screenshots go to
``$STADTZWILLING_SHOTS`` (default /tmp/pw).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from layers.heat import OVERLAY_NAME
from tests.test_gui import TIMEOUT_MS, open_window
from twin.sim.heat.record import list_heat_runs, load_heat_run
from twin.sim.heat.run import run_heat
from twin.sim.heat.weather import preset
from views.heat_dialog import HeatDialog, start_heat
from views.main_window import MainWindow
from views.workers import CANCELLED, OK


pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_modal_boxes")]

SHOTS = Path(os.environ.get("STADTZWILLING_SHOTS", "/tmp/pw"))
SHOTS.mkdir(parents=True, exist_ok=True)  # a fresh machine has no /tmp/pw yet
DAY = dt.date(2025, 7, 15)
VARIANT = "marktplatz_entsiegeln"  # „für den Rat freigegeben“, not public




def simulation_texts(window: MainWindow) -> list[str]:
    sim = next(a.menu() for a in window.menuBar().actions() if a.menu().title().replace("&", "") == "Simulation")
    return [a.text().replace("&", "") for a in sim.actions()]


def start_through_dialog(window: MainWindow, title: str, cell: float = 5.0, hours: tuple[int, int] = (10, 11)):
    """Fill the dialog like a user, press „Berechnen“, start the run; returns the worker."""
    dialog = HeatDialog(window.project, window)
    dialog.title.setText(title)
    dialog.cell.setCurrentIndex(dialog.cell.findData(cell))
    dialog.hour_from.setValue(hours[0])
    dialog.hour_to.setValue(hours[1])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.note.text()
    return start_heat(window, dialog.request())


def compute(window: MainWindow, title: str, variant: str | None = None, cell: float = 5.0):
    """A run of two hours (10 and 14 Uhr) straight through the core."""
    return run_heat(window.project, DAY, preset("heisser_tag"), variant=variant, hours=(10.0, 14.0),
                    cell_size_m=cell, title=title)


def show(qtbot, window: MainWindow, run_id: str | None = None) -> None:
    """Refresh the dock's list and wait until ``run_id`` (default: the newest run) is drawn."""
    window.heat_dock.show()
    window.heat_dock.raise_()
    with qtbot.waitSignal(window.heat_panel.overlay_shown, timeout=TIMEOUT_MS):
        window.heat_panel.refresh_runs(select=run_id)


def overlay_rgba(window: MainWindow) -> np.ndarray:
    """The colour array the overlay actor actually renders (its mapper input)."""
    from vtkmodules.util.numpy_support import vtk_to_numpy

    actor = window.view.actors.plotter.actors[OVERLAY_NAME]
    return vtk_to_numpy(actor.GetMapper().GetInput().GetCellData().GetArray("rgba")).copy()


def switch_mode(qtbot, panel, mode: str) -> None:
    with qtbot.waitSignal(panel.display_changed, timeout=TIMEOUT_MS, check_params_cb=lambda m: m == mode):
        panel.set_mode(mode)


def clean_view(window: MainWindow) -> None:
    window.resize(1500, 950)
    window.auskunft_dock.hide()
    for name in ("trees", "water_meters"):
        if name in window.layer_tree.layer_names():
            window.set_layer_visible(name, False)


# ----------------------------------------------------------------- dialog
def test_menu_and_dialog(window, tmp_path):
    texts = simulation_texts(window)
    assert "Hitze …" in texts and "Hitze-Ergebnisse" in texts
    assert texts.index("Hitze …") < texts.index("Starkregen-Ergebnisse")
    dialog = HeatDialog(window.project, window)
    assert dialog.day.date() == QDate(dt.date.today().year, 7, 15)
    assert (dialog.hour_from.value(), dialog.hour_to.value()) == (6, 20)
    cells = [dialog.cell.itemText(i) for i in range(dialog.cell.count())]
    assert cells == ["1 m (DGM-Auflösung)", "2 m", "5 m", "10 m"] and dialog.cell.currentData() is None
    variants = [dialog.variant.itemData(i) for i in range(dialog.variant.count())]
    assert variants[0] is None and dialog.variant.itemText(0) == "Bestand" and VARIANT in variants
    req = dialog.request()
    assert req.hours == tuple(float(h) for h in range(6, 21)) and req.weather.tmax == pytest.approx(32.5)
    assert req.variant is None and req.cell_size_m is None and req.title == "Heißer Tag"

    dialog.weather.setCurrentIndex(dialog.weather.findData("hitzewelle_tropennacht"))
    dialog.variant.setCurrentIndex(dialog.variant.findData(VARIANT))
    dialog.day.setDate(QDate(2025, 8, 2))
    req = dialog.request()
    assert req.weather.tmax == pytest.approx(36.0) and req.variant == VARIANT and req.day == dt.date(2025, 8, 2)

    # hours must rise; a bad weather file is named in the German note, the dialog stays open
    dialog.hour_from.setValue(15)
    dialog.hour_to.setValue(12)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "aufsteigen" in dialog.note.text()
    dialog.hour_to.setValue(16)
    dialog.weather.setCurrentIndex(dialog.weather.findData("csv"))
    assert dialog.weather_file.isEnabled()
    assert dialog.problem() == "Bitte eine Wetterdatei (CSV) wählen."
    bad = tmp_path / "kaputtes_wetter.csv"
    bad.write_text("Stunde;Lufttemperatur;Feuchte;Wind\n10;heiß;40;2\n", encoding="utf-8")
    dialog.use_weather_file(str(bad))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "kaputtes_wetter.csv" in dialog.note.text()
    good = tmp_path / "wetter.csv"
    good.write_text("Stunde;Lufttemperatur;Feuchte;Wind\n0;20;80;1\n15;34;30;1\n", encoding="utf-8")
    dialog.use_weather_file(str(good))
    req = dialog.request()
    assert req.weather.tmax == pytest.approx(34.0) and "wetter.csv" in req.weather.label
    assert req.hours == (15.0, 16.0)
    dialog.reject()


def test_published_window_offers_no_heat_simulation(qtbot, sample_project):
    from twin.config import PublishedSection

    published = PublishedSection(role="rat", title="Ratszwilling", published_at="2026-01-01T00:00:00",
                                 source_project="Markt Musterdorf")
    sample_project.config = sample_project.config.model_copy(update={"published": published})
    window = open_window(qtbot, sample_project)
    try:
        texts = simulation_texts(window)
        assert "Hitze …" not in texts and "Hitze-Ergebnisse" in texts
        assert start_heat(window, None) is None
        assert not window.heat_panel.release_box.isVisible()
    finally:
        window.close()


# ----------------------------------------------------------------- runs
def test_run_through_dialog_and_show(qtbot, window):
    panel = window.heat_panel
    assert panel.run_ids() == [] and panel.actor is None and not window.heat_dock.isVisible()
    messages: list[str] = []
    with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS):
        with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS) as finished:
            worker = start_through_dialog(window, "Dialoglauf")
            worker.progress.connect(lambda f, m: messages.append(m))
            assert window.heat_progress is not None and window.heat_progress.isVisible()
    outcome, rec = finished.args
    assert outcome == OK, rec
    assert rec.hours == [10.0, 11.0] and rec.params and rec.title == "Dialoglauf"
    assert any("Stunde" in m for m in messages), messages
    assert window.heat_progress is None and "berechnet" in window.statusBar().currentMessage()

    assert window.heat_dock.isVisible()
    assert panel.run_ids() == [rec.run_id] == [r.run_id for r in list_heat_runs(window.project)]
    ov = panel.overlay
    assert ov is not None and ov.run_id == rec.run_id and not ov.is_empty
    assert panel.actor is not None and panel.actor.GetVisibility()
    assert panel.mode() == "klasse_max" and panel.modes()[:2] == ["klasse_max", "utci_max"]
    assert "Belastungsklasse" in panel.legend_label.text() and "extremer Hitzestress" in panel.legend_label.text()
    assert "Starker Hitzestress oder mehr" in panel.info.text() and "°C" in panel.info.text()
    assert not panel.slider.isEnabled()
    rgba = overlay_rgba(window)
    assert (rgba[:, 3] > 0).sum() > 0.5 * len(rgba)

    # the overlay lies on the terrain and is drawn: hiding it changes many pixels
    clean_view(window)
    window.save_screenshot(SHOTS / "hitze_klasse_max.png")
    terrain = window.scene.layer("terrain").mesh
    ob, tb = np.array(ov.mesh.bounds), np.array(terrain.bounds)
    assert ob[0] >= tb[0] - 1e-6 and ob[1] <= tb[1] + 1e-6 and tb[4] <= ob[4] and ob[5] <= tb[5] + 1.0
    with_heat = window.view.render_image()
    panel.show_box.setChecked(False)
    without = window.view.render_image()
    assert not panel.actor.GetVisibility()
    assert (np.abs(with_heat.astype(int) - without.astype(int)).sum(axis=2) > 40).sum() > 1000
    panel.show_box.setChecked(True)


def test_cancel_leaves_no_run(qtbot, window):
    panel = window.heat_panel
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS) as finished:
        worker = start_through_dialog(window, "Abgebrochen", cell=1.0, hours=(6, 20))  # ~10 s: time to cancel
        dialog = window.heat_progress
        # the model has started (watched on the dialog in the GUI thread, not on the worker's cross-thread signal)
        qtbot.waitUntil(lambda: dialog.value() >= 50, timeout=TIMEOUT_MS)  # 5 %: inputs ready, model running
        button = dialog.findChild(QPushButton)
        assert button.text() == "Abbrechen"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert finished.args[0] == CANCELLED, finished.args
    worker.wait()
    assert list_heat_runs(window.project) == [] and panel.run_ids() == [] and panel.actor is None
    assert "abgebrochen" in window.statusBar().currentMessage()
    assert not any((window.project.root / "rasters" / "hitze").glob("*/*.tif"))


def test_display_hour_hover_and_comparison(qtbot, window, caplog):
    panel = window.heat_panel
    base = compute(window, "Bestand")
    variant = compute(window, "Marktplatz", variant=VARIANT)
    show(qtbot, window, variant.run_id)
    ov = panel.overlay
    assert ov.run_id == variant.run_id and panel.mode() == "klasse_max"
    assert set(panel.modes()) == {"klasse_max", "utci_max", "utci", "klasse", "tmrt", "schatten", "svf"}
    n_cells, points = ov.mesh.n_cells, ov.mesh.points.copy()
    rgba_class = overlay_rgba(window)

    # per-hour display: the slider is enabled, the hour switches the colours
    switch_mode(qtbot, panel, "utci")
    assert panel.slider.isEnabled() and panel.slider.maximum() == 1 and panel.hour_label.text() == "10 Uhr"
    rgba_10 = overlay_rgba(window)
    assert not np.array_equal(rgba_10, rgba_class)
    panel.set_hour_index(1)
    assert panel.hour_label.text() == "14 Uhr" and ov.hour_index == 1
    rgba_14 = overlay_rgba(window)
    assert not np.array_equal(rgba_10, rgba_14)
    np.testing.assert_allclose(ov.mesh.cell_data["value"], ov.grids["utci"][1].ravel()[ov.cells])
    assert "UTCI je Stunde" in panel.legend_label.text()
    switch_mode(qtbot, panel, "schatten")
    assert "Sonne" in panel.legend_label.text() and panel.slider.isEnabled()
    switch_mode(qtbot, panel, "klasse_max")
    assert not panel.slider.isEnabled() and np.array_equal(overlay_rgba(window), rgba_class)
    assert ov.mesh.n_cells == n_cells and np.array_equal(points, ov.mesh.points)

    # hovering adds the shown value to the coordinates
    switch_mode(qtbot, panel, "utci_max")
    centre = np.array(ov.mesh.extract_cells([0]).center)
    window.view.hovered.emit(centre)
    assert window.coordinates.text().startswith("E 69") and "UTCI" in window.coordinates.text()

    # compare the variant with the plan as it is: ΔUTCI and the summary
    with qtbot.waitSignal(panel.compared, timeout=TIMEOUT_MS) as done:
        panel.compare_with(base.run_id)
    cmp = done.args[0]
    assert cmp is not None and cmp.before == base.run_id and cmp.after == variant.run_id
    assert "delta" in panel.modes() and panel.mode() == "delta" and ov.mode == "delta"
    assert cmp.summary() in panel.info.text() and "ΔUTCI" in panel.legend_label.text()
    np.testing.assert_allclose(ov.mesh.cell_data["value"], cmp.delta.ravel()[ov.cells])
    assert not np.array_equal(overlay_rgba(window), rgba_class)
    clean_view(window)
    window.save_screenshot(SHOTS / "hitze_delta.png")

    # no comparison again: ΔUTCI is gone
    with qtbot.waitSignal(panel.compared, timeout=TIMEOUT_MS):
        panel.compare_with(None)
    assert "delta" not in panel.modes() and panel.mode() != "delta" and cmp.summary() not in panel.info.text()

    # a run on another grid cannot be compared: German error, no ΔUTCI
    coarse = compute(window, "Grob", cell=10.0)
    show(qtbot, window, variant.run_id)
    caplog.set_level(logging.ERROR, logger="stadtzwilling.gui")
    with qtbot.waitSignal(panel.compared, timeout=TIMEOUT_MS) as done:
        panel.compare_with(coarse.run_id)
    assert done.args[0] is None and panel.compare_combo.currentData() is None and "delta" not in panel.modes()
    assert "verschiedenen Rastern" in caplog.text


def test_release_and_buergerzwilling(qtbot, window, caplog):
    panel = window.heat_panel
    base = compute(window, "Bestand")
    variant = compute(window, "Marktplatz", variant=VARIANT)
    show(qtbot, window, variant.run_id)
    assert panel.release_box.isVisible() and not panel.release_box.isChecked()

    # the variant is not public: the release is refused, the box unchecks again
    caplog.set_level(logging.ERROR, logger="stadtzwilling.gui")
    panel.release_box.setChecked(True)
    assert not panel.release_box.isChecked() and not load_heat_run(window.project, variant.run_id).released
    assert "nicht für die Öffentlichkeit freigegeben" in caplog.text

    show(qtbot, window, base.run_id)
    panel.release_box.setChecked(True)
    assert load_heat_run(window.project, base.run_id).released and "freigegeben" in window.statusBar().currentMessage()

    # the Bürgerzwilling preview: the released run only, only the maps of the daily maximum
    with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS):
        window.set_role("buerger")
    assert panel.run_ids() == [base.run_id] and panel.overlay.run_id == base.run_id
    assert panel.modes() == ["klasse_max", "utci_max"] and not panel.release_box.isVisible()
    assert panel.actor is not None and panel.actor.GetVisibility()
    switch_mode(qtbot, panel, "utci_max")
    assert not panel.slider.isEnabled() and panel.compare_combo.count() == 1
    clean_view(window)
    window.save_screenshot(SHOTS / "hitze_buergerzwilling.png")

    # the Verwaltungszwilling again: everything, withdrawing works
    with qtbot.waitSignal(panel.overlay_shown, timeout=TIMEOUT_MS):
        window.set_role(None)
    assert set(panel.run_ids()) == {base.run_id, variant.run_id} and "tmrt" in panel.modes()
    panel.show_run(base.run_id)
    qtbot.waitUntil(lambda: panel.overlay.run_id == base.run_id, timeout=TIMEOUT_MS)
    assert panel.release_box.isVisible() and panel.release_box.isChecked()
    panel.release_box.setChecked(False)
    assert not load_heat_run(window.project, base.run_id).released
