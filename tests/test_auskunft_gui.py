"""The Auskunft dock and the closure editor in the real main window on the sample project (Xvfb, no mocks).

Typing into the search box shows the answers; a click on an answer flies the camera to the closure and
selects it; the closure layer is drawn (red/white barrier of the Vollsperrung on the terrain); the editor
writes a new closure (with history) and refuses a wrong one in German; a published twin has no editor.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import QDate, Qt

from tests.test_gui import _no_modal_boxes, assert_not_blank, open_window, read_png  # noqa: F401 - fixture
from twin.model.closures import ROAD_CLOSURES
from views.auskunft_panel import AuskunftPanel, closure_layer_name, fly_to

pytestmark = pytest.mark.gui
DAY = QDate(2026, 11, 23)


def red_pixels(rgb: np.ndarray) -> int:
    """Pixels in the (shaded) red of a Vollsperrung #d32f2f (roofs #b5473a are darker and browner)."""
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    return int(((r > 150) & (g < 90) & (b < 90) & (r - g > 110)).sum())


@pytest.fixture
def window(qtbot, sample_project):
    w = open_window(qtbot, sample_project)
    yield w
    w.close()


def _search(qtbot, panel: AuskunftPanel, text: str) -> None:
    panel.day.setDate(DAY)
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, text)
    qtbot.waitUntil(lambda: panel.results.count() > 0 or "nicht" in panel.message.text(), timeout=5000)


def test_typing_shows_answers_and_click_flies_there(window, qtbot, tmp_path):
    panel = window.auskunft
    assert window.auskunft_dock.isVisible() and panel.editable
    name = closure_layer_name(window)
    assert name == "closures" and not window.scene.layer(name).is_empty
    assert window.view.actors.scale() > 10000 and not window.view.actors.is_visible(name)  # min_scale 1:10 000

    _search(qtbot, panel, "Hauptstr. 12")
    texts = panel.result_texts()
    assert texts[0] == ("AKTIV: Hauptstraße zwischen Nr. 10 und 24: Vollsperrung bis 20.12.2030 (Kanalbau und "
                        "neue Fahrbahn, Ortskernsanierung), Umleitung über Schulweg und Am Anger")
    assert any(t.startswith("GEPLANT: Marktplatz") and "Weihnachtsmarkt" in t for t in texts)
    assert panel.message.text().startswith("Hauptstraße 12:")

    item = panel.results.item(0)
    rect = panel.results.visualItemRect(item)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    hit = panel.hit(0)
    target = np.array([hit.x, hit.y]) - window.scene.origin[:2]
    camera = window.view.actors.plotter.renderer.GetActiveCamera()
    qtbot.waitUntil(lambda: np.hypot(*(np.array(camera.GetFocalPoint()[:2]) - target)) < 0.5, timeout=5000)
    assert window.selection is not None and window.selection[0] == name
    assert window.view.actors.scale() < 10000 and window.view.actors.is_visible(name)
    assert ("Sperrungsnummer", "SP-2025-003") in window.inspector_rows()

    image = window.view.render_image()
    assert red_pixels(image) > 200  # the barrier tape of the Vollsperrung, seen from close by
    shot = tmp_path / "auskunft_hauptstrasse.png"
    window.save_screenshot(shot)
    assert_not_blank(read_png(shot))
    print(f"Bildschirmfoto: {shot}")


def test_layer_can_be_hidden(window, qtbot):
    fly_to(window, 690360.0, 5335460.0, ms=0)
    before = red_pixels(window.view.render_image())
    window.set_layer_visible("closures", False)
    assert not window.view.actors.is_visible("closures")
    assert red_pixels(window.view.render_image()) < before / 10


def test_nothing_found_and_empty_answers(window, qtbot):
    panel = window.auskunft
    _search(qtbot, panel, "Nirgendwo 3")
    assert panel.results.count() == 0 and "nicht gefunden" in panel.message.text()
    panel.day.setDate(QDate(2031, 6, 1))
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, "Schulweg")
    qtbot.waitUntil(lambda: "nichts gesperrt" in panel.message.text(), timeout=5000)


def test_editor_adds_a_closure_with_history(window, qtbot):
    panel = window.auskunft
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = window._closure_editor
    assert editor.isVisible() and editor.number.text().startswith(f"SP-{date.today().year}-")
    editor.number.setText("SP-TEST-1")
    editor.art.setCurrentText("Vollsperrung")
    editor.street.setCurrentText("Bahnhofstraße")
    editor.von.setDate(QDate(2026, 11, 20))
    editor.bis.setDate(QDate(2026, 11, 10))  # before the start: refused
    editor.reason.setText("Wasserrohrbruch")
    editor.from_nr.setText("1")
    editor.to_nr.setText("9")
    qtbot.mouseClick(editor.take_numbers, Qt.MouseButton.LeftButton)
    assert editor.geometry_line is not None and editor.section.text() == "zwischen Nr. 1 und 9"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "liegt vor dem Beginn" in editor.error.text() and editor.isVisible()
    assert window.project.store.get(ROAD_CLOSURES.name, "SP-TEST-1") is None

    editor.bis.setDate(QDate(2026, 11, 27))
    with qtbot.waitSignal(window.scene_ready, timeout=120_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    f = window.project.store.get(ROAD_CLOSURES.name, "SP-TEST-1")
    assert f is not None and f.attrs["bis"] == "2026-11-27" and not editor.isVisible()
    hist = window.project.store.history(ROAD_CLOSURES.name, "SP-TEST-1")
    assert [h["action"] for h in hist] == ["insert"] and hist[0]["actor"] == editor.actor
    _search(qtbot, panel, "Bahnhofstraße 5")
    assert any("Wasserrohrbruch" in t for t in panel.result_texts())


def test_editor_two_picked_points(window, qtbot):
    from views.auskunft_panel import open_editor

    editor = open_editor(window, window.auskunft, "SP-2024-011")
    assert editor.number.isReadOnly() and editor.street.currentText() == "Bahnhofstraße"
    qtbot.mouseClick(editor.pick_button, Qt.MouseButton.LeftButton)
    editor.add_point((690355.0, 5335400.0))
    assert "Ende anklicken" in editor.line_info.text()
    editor.add_point((690345.0, 5335350.0))
    assert editor.geometry_line.length == pytest.approx(np.hypot(10, 50))
    with qtbot.waitSignal(window.scene_ready, timeout=120_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    g = window.project.store.get(ROAD_CLOSURES.name, "SP-2024-011").geometry
    assert g.length == pytest.approx(np.hypot(10, 50))


def test_published_twin_has_no_editor(qtbot, sample_project):
    panel = AuskunftPanel(sample_project, editable=False)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.new_button.isVisible() and not panel.edit_button.isVisible()
    _search(qtbot, panel, "Marktplatz 1")
    assert any("Halteverbot" in t for t in panel.result_texts())


def test_closure_list_through_the_import_wizard(qtbot, tmp_path):
    from PySide6.QtWidgets import QWizard

    from tests.conftest import ROOT, SAMPLE_EXTENT
    from twin.project import Project
    from views.import_wizard import ImportWizard

    p = Project.create(tmp_path / "p", crs=25832, extent=SAMPLE_EXTENT)
    wiz = ImportWizard(p)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.file_page.path_edit.setText(str(ROOT / "sample_data" / "musterdorf" / "verkehrssperrungen.geojson"))
    assert wiz.file_page.format_label.text() == "Verkehrssperrungen (GeoJSON)" and wiz.file_page.isComplete()
    wiz.next()
    assert wiz.currentPage() is wiz.check_page
    qtbot.waitUntil(lambda: wiz.check_page.outcome is not None, timeout=60_000)
    assert wiz.check_page.outcome == "ok" and "neu: 20" in wiz.check_page.status.text()
    assert not p.store.has_layer(ROAD_CLOSURES.name)  # the dry run wrote nothing
    with qtbot.waitSignal(wiz.finished_import, timeout=60_000):
        wiz.next()
    assert p.store.count(ROAD_CLOSURES.name) == 20
    assert wiz.button(QWizard.WizardButton.FinishButton).isVisible()
    p.close()
