"""Field work in the desktop app: real windows on the sample project (Xvfb or Qt offscreen), no mocks.

The „Feldarbeit“ dock exports a package through its dialog and a worker with the progress dialog, syncs a
package edited on the „tablet“ (GDAL's OGR API, as QGIS/QField write it: ``tests/gdal_edit.py`` run with
the system Python), and the conflict dialog decides conflicts only where the user chose a decision.
Cancelling an export leaves no folder. Screenshots go to ``/tmp/field_gui_*.png``.
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton

from tests.test_gui import TIMEOUT_MS
from tests.test_field_sync import gdal_edit
from twin.field.resolve import open_conflicts, packages
from twin.field.spec import PACKAGE_GPKG
from twin.model.field import FIELD_CONFLICTS, RESOLVED
from views.conflict_dialog import C_HINT, UNDECIDED, ConflictDialog
from views.field_export_dialog import FieldExportDialog
from views.main_window import MainWindow
from views.workers import CANCELLED, OK, Worker

SHOTS = Path("/tmp")

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_modal_boxes")]

ROOT = Path(__file__).parent.parent




# ----------------------------------------------------------------- helpers
def export_through_dialog(qtbot, window: MainWindow, out: Path, team: str = "baumkontrolle", title: str = ""):
    """Fill the export dialog like a user, press „Exportieren“, start the export; returns the worker."""
    dialog = FieldExportDialog(window.project, window)
    qtbot.addWidget(dialog)
    dialog.set_team(team)
    dialog.folder.setText(str(out))
    dialog.title.setText(title)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.note.text()
    return window.field_panel.export(dialog.request())


def wait_idle(qtbot, panel) -> None:
    """Wait (on GUI-thread state) until the export or sync has finished and its progress dialog is gone."""
    qtbot.waitUntil(lambda: not panel.busy and panel.progress is None, timeout=TIMEOUT_MS)


def export(qtbot, window: MainWindow, out: Path, **kw) -> str:
    """Export through the dialog and the worker; returns the package id."""
    panel = window.field_panel
    results = []
    panel.export_finished.connect(lambda outcome, payload: results.append((outcome, payload)))
    export_through_dialog(qtbot, window, out, **kw)
    wait_idle(qtbot, panel)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT_MS)
    outcome, result = results[-1]
    assert outcome == OK, result
    return result.package_id


def tablet_edit(python: str, package: Path, edits: list[dict], tmp_path: Path) -> None:
    """Edit the package's GeoPackage as QField does (GDAL/OGR, in a Python with osgeo)."""
    gdal_edit(python, package, edits, tmp_path)


def office_edit(window: MainWindow, key: str, **values) -> None:
    store = window.project.store
    f = store.get("trees", key)
    f.attrs.update(values)
    store.upsert("trees", [f], actor="Büro")


def sync(qtbot, window: MainWindow, package: Path):
    """Sync through the panel (worker + progress dialog); returns (outcome, payload)."""
    panel = window.field_panel
    results = []
    panel.sync_finished.connect(lambda outcome, payload: results.append((outcome, payload)))
    worker = panel.sync(package)
    assert worker is not None
    dialog = panel.progress
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Tablet-Paket synchronisieren"
    assert not panel.sync_button.isEnabled() and not window.field_export_action.isEnabled()
    wait_idle(qtbot, panel)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT_MS)
    assert panel.sync_button.isEnabled() and window.field_export_action.isEnabled()
    return results[-1]


def menu_texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def top_menu(window: MainWindow, title: str):
    return next(a.menu() for a in window.menuBar().actions()
                if a.menu() is not None and a.menu().title().replace("&", "") == title)


# ----------------------------------------------------------------- (a) export
def test_export_through_dialog_and_panel(qtbot, window, tmp_path):
    panel = window.field_panel
    assert menu_texts(window.field_menu) == ["Paket exportieren …", "Tablet-Paket synchronisieren …",
                                             "Konflikte prüfen …", "Feldarbeit-Übersicht"]
    datei = menu_texts(top_menu(window, "Datei"))
    assert datei.index("Paket öffnen …") < datei.index("Feldarbeit") < datei.index("Beenden")
    assert "Feldarbeit-Übersicht" in menu_texts(top_menu(window, "Ansicht"))
    assert not window.field_conflicts_action.isEnabled()
    assert panel.package_ids() == [] and not window.field_dock.isVisible()
    assert not panel.conflicts_button.isEnabled() and "Noch keine Feldpakete" in panel.info.text()

    # the dialog: teams, default title, German checks (non-empty folder, empty rectangle)
    dialog = FieldExportDialog(window.project, window)
    qtbot.addWidget(dialog)
    teams = [dialog.team.itemData(i) for i in range(dialog.team.count())]
    assert teams == list(window.project.policy.field_teams) and "baumkontrolle" in teams
    dialog.set_team("wasserversorgung")
    assert dialog.title.placeholderText() == f"{window.project.name} – Wasserversorgung"
    assert dialog.problem() == "Bitte einen Zielordner wählen (neu oder leer)."
    full = tmp_path / "voll"
    full.mkdir()
    (full / "alt.txt").write_text("x")
    dialog.folder.setText(str(full))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "nicht leer" in dialog.note.text()
    dialog.folder.setText(str(tmp_path / "neu"))
    dialog.set_bbox((690500.0, 5335000.0, 690400.0, 5336000.0))
    assert "Ausschnitt ist leer" in dialog.problem()
    dialog.set_bbox((690000.0, 5335000.0, 690500.0, 5335500.0))
    req = dialog.request()
    assert req.bbox == (690000.0, 5335000.0, 690500.0, 5335500.0) and req.team == "wasserversorgung"
    assert req.title is None and req.out == tmp_path / "neu"
    dialog.set_bbox(None)
    assert dialog.request().bbox is None and not dialog.coords[0].isEnabled()
    dialog.reject()

    # through the panel: the worker writes daten.gpkg + .qgs, the table shows the package
    out = tmp_path / "tablet1"
    messages = []
    worker = export_through_dialog(qtbot, window, out, title="Baumkontrolle Frühjahr")
    worker.progress.connect(lambda f, m: messages.append(m))
    progress = panel.progress
    assert progress is not None and progress.isVisible() and progress.windowTitle() == "Feldpaket exportieren"
    assert progress.findChild(QPushButton).text() == "Abbrechen"
    wait_idle(qtbot, panel)
    assert (out / PACKAGE_GPKG).is_file() and len(list(out.glob("*.qgs"))) == 1 and (out / "DCIM").is_dir()
    qgs = next(out.glob("*.qgs"))
    assert PACKAGE_GPKG in qgs.read_text(encoding="utf-8") and "Baumkontrolle Frühjahr" in qgs.read_text(encoding="utf-8")
    pid = packages(window.project)[0].attrs["paket_id"]
    qtbot.waitUntil(lambda: panel.package_ids() == [pid], timeout=TIMEOUT_MS)
    texts = panel.cell_texts(0)
    assert texts[0] == "Baumkontrolle Frühjahr" and texts[1] == "Baumkontrolle"
    assert texts[3] == "0" and texts[4] == "–" and texts[5] == "0" and texts[2].count(".") == 2
    assert window.field_dock.isVisible() and "1 Feldpaket(e) ausgegeben" in panel.info.text()
    assert "Feldpaket für Baumkontrolle" in window.statusBar().currentMessage()
    assert str(out) in window.statusBar().currentMessage()

    # exporting into the same (now full) folder is refused with a German message, nothing changes
    dialog = FieldExportDialog(window.project, window)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(out))
    assert "nicht leer" in dialog.problem()
    dialog.reject()


# ----------------------------------------------------------------- (b) sync
def test_sync_through_panel(qtbot, window, tmp_path, caplog, gdal_python):
    panel = window.field_panel
    out = tmp_path / "tablet"
    export(qtbot, window, out)
    assert window.project.store.get("trees", "B0003").attrs["vitalitaet"] != "4"
    tablet_edit(gdal_python, out, [{"op": "update", "layer": "trees", "where": {"baumnummer": "B0003"},
                       "set": {"vitalitaet": "4", "kontrollbemerkung": "Pilzbefall am Stammfuß",
                               "bearbeitet_von": "M. Huber"}}], tmp_path)
    outcome, result = sync(qtbot, window, out)
    assert outcome == OK, result
    assert result.updated == {"trees": 1} and not result.conflicts
    tree = window.project.store.get("trees", "B0003")
    assert tree.attrs["vitalitaet"] == "4" and tree.attrs["kontrollbemerkung"] == "Pilzbefall am Stammfuß"
    assert result.summary() in window.statusBar().currentMessage() or "3D-Szene" in window.statusBar().currentMessage()
    texts = panel.cell_texts(0)
    assert texts[3] == "1" and texts[4] != "–" and texts[5] == "0"
    assert panel.review_offer is None and not panel.conflicts_button.isEnabled()

    # the same state again: nothing new
    outcome, result = sync(qtbot, window, out)
    assert outcome == OK and result.unchanged
    assert window.statusBar().currentMessage().startswith("Keine neuen Änderungen")

    # a folder without daten.gpkg is no package; a package of another project copy is refused (German)
    caplog.set_level(logging.ERROR, logger="stadtzwilling.gui")
    assert panel.sync(tmp_path) is None and "fehlt die Datei daten.gpkg" in caplog.text
    foreign = tmp_path / "fremd"
    shutil.copytree(out, foreign)
    window.project.store.delete("field_packages", [packages(window.project)[0].attrs["paket_id"]], actor="test")
    outcome, message = sync(qtbot, window, foreign)
    assert outcome == "failed" and "nicht registriert" in message
    assert "nicht registriert" in caplog.text and "nichts übernommen" in window.statusBar().currentMessage()


# ----------------------------------------------------------------- (c) conflicts
def test_conflict_review(qtbot, window, tmp_path, gdal_python):
    panel = window.field_panel
    out = tmp_path / "tablet"
    export(qtbot, window, out)
    store = window.project.store
    base1, base2 = store.get("trees", "B0001").attrs["vitalitaet"], store.get("trees", "B0002").attrs["vitalitaet"]
    tablet_edit(gdal_python, out, [
        {"op": "update", "layer": "trees", "where": {"baumnummer": "B0001"},
         "set": {"vitalitaet": "3", "bearbeitet_von": "M. Huber"}},
        {"op": "update", "layer": "trees", "where": {"baumnummer": "B0002"},
         "set": {"vitalitaet": "4", "bearbeitet_von": "M. Huber"}},
    ], tmp_path)
    office1, office2 = ("2" if base1 != "2" else "1"), ("1" if base2 != "1" else "2")
    office_edit(window, "B0001", vitalitaet=office1)
    office_edit(window, "B0002", vitalitaet=office2)

    outcome, result = sync(qtbot, window, out)
    assert outcome == OK, result
    assert len(result.conflicts) == 2
    # the office values stayed; the panel counts the open conflicts; the review is offered, not opened
    assert store.get("trees", "B0001").attrs["vitalitaet"] == office1
    assert panel.open_count == 2 and panel.conflicts_button.isEnabled()
    assert panel.conflicts_button.text() == "Konflikte prüfen (2) …" and panel.cell_texts(0)[5] == "2"
    assert window.field_conflicts_action.isEnabled() and window.field_conflicts_action.text() == "Konflikte prüfen (2) …"
    offer = panel.review_offer
    assert offer is not None and offer.isVisible() and "Konflikte jetzt prüfen?" in offer.text()
    assert panel.review is None
    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.review is not None and panel.review.isVisible(), timeout=TIMEOUT_MS)
    dialog: ConflictDialog = panel.review
    assert dialog.windowTitle() == "Konflikte aus der Feldsynchronisation"

    # the rows show base, office and tablet value; nothing is chosen by the dialog
    ids = dialog.conflict_ids()
    assert len(ids) == 2
    r1 = next(r for r in range(2) if dialog.texts(r)["Objekt"] == "B0001")
    r2 = 1 - r1
    row = dialog.texts(r1)
    assert row["Layer"] == store.schema("trees").title and row["Art"] == "Feld in Büro und Tablet geändert"
    assert "Vitalität" in row["Feld"] or row["Feld"] == "vitalitaet"
    assert (row["Wert beim Export"], row["Wert im Büro"], row["Wert auf dem Tablet"]) == (base1, office1, "3")
    assert row["bearbeitet von"] == "M. Huber" and "Büro und auf dem Tablet geändert" in row["Meldung"]
    assert dialog.texts(r2)["Wert auf dem Tablet"] == "4" and dialog.texts(r2)["Wert im Büro"] == office2
    for r in range(2):
        assert dialog.choice(r) is None and dialog.texts(r)["Entscheidung"] == UNDECIDED
        assert not dialog.value_editor(r).isEnabled()
    labels = [dialog.choice_combo(r1).itemText(i) for i in range(dialog.choice_combo(r1).count())]
    assert labels == [UNDECIDED, "Büro behalten", "Tablet übernehmen", "eigener Wert …"]
    dialog.resize(1500, 360)
    QApplication.processEvents()
    assert dialog.grab().save(str(SHOTS / "field_gui_konflikte.png"))

    # nothing chosen: nothing decided
    assert dialog.apply() == 0 and "bleiben offen" in dialog.summary.text()
    assert len(open_conflicts(window.project)) == 2

    # an own value of the wrong type fails for that row only, with a German reason; nothing written
    dialog.set_choice(r2, "wert", "")
    assert dialog.value_editor(r2).isEnabled()
    dialog.set_choice(r1, "tablet")
    with qtbot.waitSignal(panel.conflicts_decided, timeout=TIMEOUT_MS) as decided:
        assert dialog.apply() == 1
    assert decided.args == [1]
    assert store.get("trees", "B0001").attrs["vitalitaet"] == "3"
    c1 = store.get(FIELD_CONFLICTS.name, ids[r1])
    assert c1.attrs["status"] == RESOLVED and "Tablet" in c1.attrs["entscheidung"]
    assert c1.attrs["entschieden_von"]
    # the undecided (failed) conflict stays open, its row keeps the choice and shows why
    left = open_conflicts(window.project)
    assert [c.attrs["objekt"] for c in left] == ["B0002"]
    assert store.get("trees", "B0002").attrs["vitalitaet"] == office2
    assert dialog.conflict_ids() == [left[0].attrs["konflikt_id"]]
    assert not dialog.table.isColumnHidden(C_HINT) and "eigenen Wert" in dialog.texts(0)["Hinweis"]
    assert dialog.choice(0) == "wert" and "1 Konflikt(e) entschieden" in dialog.summary.text()
    QApplication.processEvents()
    assert dialog.grab().save(str(SHOTS / "field_gui_konflikte_nachher.png"))
    qtbot.waitUntil(lambda: panel.open_count == 1, timeout=TIMEOUT_MS)
    assert panel.conflicts_button.text() == "Konflikte prüfen (1) …" and panel.cell_texts(0)[5] == "1"
    assert len(open_conflicts(window.project)) == 1
    dialog.close()
    qtbot.waitUntil(lambda: panel.review is None, timeout=TIMEOUT_MS)

    # the main window with the dock (screenshot)
    window.resize(1500, 900)
    window.auskunft_dock.hide()
    panel.show_dock()
    QApplication.processEvents()
    window.save_screenshot(SHOTS / "field_gui_hauptfenster.png")


# ----------------------------------------------------------------- (d) cancel
def test_cancel_export_leaves_no_folder(qtbot, window, tmp_path, monkeypatch):
    """„Abbrechen“ in the progress dialog: no folder, no package registered, no snapshot left."""
    panel = window.field_panel
    out = tmp_path / "abgebrochen"
    results = []
    panel.export_finished.connect(lambda outcome, payload: results.append((outcome, payload)))
    dialog = FieldExportDialog(window.project, window)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(out))
    req = dialog.request()
    # the export of the small sample takes a fraction of a second: hold the worker at its first progress
    # report (a direct connection, in the worker thread) until „Abbrechen“ was clicked
    reached, gate, started = threading.Event(), threading.Event(), []
    original = Worker.start

    def start_with_gate(worker, *args):
        worker.progress.connect(lambda f, m: (reached.set(), gate.wait(30)), Qt.ConnectionType.DirectConnection)
        started.append(worker)
        return original(worker, *args)

    monkeypatch.setattr(Worker, "start", start_with_gate)
    worker = panel.export(req)
    monkeypatch.undo()
    assert started == [worker]
    qtbot.waitUntil(reached.is_set, timeout=TIMEOUT_MS)
    progress = panel.progress
    assert progress is not None and progress.isVisible()
    button = progress.findChild(QPushButton)
    assert button.text() == "Abbrechen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    gate.set()
    wait_idle(qtbot, panel)
    qtbot.waitUntil(lambda: bool(results), timeout=TIMEOUT_MS)
    assert results[-1][0] == CANCELLED, results
    assert not out.exists() and not any(p.name.startswith(".") for p in tmp_path.iterdir() if "abgebrochen" in p.name)
    assert packages(window.project) == [] and panel.package_ids() == []
    assert not (window.project.root / "feld").exists() or not any((window.project.root / "feld").iterdir())
    assert "Export abgebrochen" in window.statusBar().currentMessage()
