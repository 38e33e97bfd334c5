"""Every menu entry works or is absent: each QAction of the main window's menu bar (through all submenus) is
triggered on the real sample project, in the administration's window and in a published (read-only) one.

Modal dialogs are answered at once („Abbrechen“: ``QDialog.exec`` is rejected, file dialogs return nothing,
message boxes are off through ``no_modal_boxes``); non-modal windows an entry opens are closed again. An
exception in any Qt callback fails the test (pytest-qt's exception capture). An entry must be wired (something
listens to it) and must visibly do something: open a dialog or window, ask for a file, change a dock, the
camera, the role, the status bar, start work, or close the window (only „Beenden“, last).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QFileDialog, QInputDialog, QMenuBar, QMessageBox

from tests.test_gui import TIMEOUT_MS, open_window

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_modal_boxes")]


def menu_actions(bar: QMenuBar) -> list[tuple[str, QAction]]:
    """(path „Datei › Feldarbeit › Paket exportieren …“, action) of every entry, submenus recursively."""
    found: list[tuple[str, QAction]] = []

    def walk(menu, prefix: str) -> None:
        for act in menu.actions():
            if act.isSeparator():
                continue
            path = f"{prefix} › {act.text().replace('&', '')}" if prefix else act.text().replace("&", "")
            if act.menu() is not None:
                walk(act.menu(), path)
            else:
                found.append((path, act))

    walk(bar, "")
    return found


@dataclass
class Calls:
    """What the entries asked for: modal dialogs (class names), file and input dialogs, message boxes."""

    seen: list[str] = field(default_factory=list)


@pytest.fixture
def calls(monkeypatch) -> Calls:
    made = Calls()

    def rejected_exec(self) -> int:
        made.seen.append(f"exec:{type(self).__name__}")
        self.reject()
        return QDialog.DialogCode.Rejected.value

    def no_file(name: str, empty):
        def answer(*args, **kwargs):
            made.seen.append(name)
            return empty
        return answer

    monkeypatch.setattr(QDialog, "exec", rejected_exec)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_file("getOpenFileName", ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", no_file("getOpenFileNames", ([], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_file("getSaveFileName", ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", no_file("getExistingDirectory", ""))
    monkeypatch.setattr(QInputDialog, "getText", no_file("getText", ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", no_file("getItem", ("", False)))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, no_file(f"QMessageBox.{name}", QMessageBox.StandardButton.Cancel))
    return made


def _camera(window) -> tuple[float, ...]:
    return tuple(np.round(window.view.plotter.renderer.GetActiveCamera().GetPosition(), 3))


def _state(window, calls: Calls) -> tuple:
    """Everything an entry may visibly change."""
    tops = frozenset(id(w) for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window)
    docks = tuple(d.isVisible() for d in window.findChildren(QDockWidget))
    return (len(calls.seen), tops, docks, window.isVisible(), window.role, window.statusBar().currentMessage(),
            window._scene_generation, _camera(window), len(window._workers))


def _wired(act: QAction) -> bool:
    return act.receivers(SIGNAL("triggered(bool)")) + act.receivers(SIGNAL("toggled(bool)")) > 0


def _settle(qtbot, window, before_tops: set[int]) -> None:
    """Close what an entry opened (dialogs, wizards) and wait for work it started (scene building)."""
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w is not window and id(w) not in before_tops:
            w.close()
    qtbot.waitUntil(lambda: not window._workers, timeout=TIMEOUT_MS)


def trigger_all(qtbot, window, calls: Calls) -> dict[str, tuple]:
    """Trigger every entry once (disabled ones enabled for the test, „Beenden“ last); the state before/after."""
    entries = menu_actions(window.menuBar())
    assert entries, "keine Menüeinträge"
    quit_entries = [(p, a) for p, a in entries if p == "Datei › Beenden"]
    assert len(quit_entries) == 1
    results: dict[str, tuple] = {}
    for path, act in [e for e in entries if e not in quit_entries] + quit_entries:
        assert _wired(act), f"„{path}“ ist mit nichts verbunden (toter Eintrag)"
        assert act.isVisible(), f"„{path}“ ist unsichtbar statt abwesend"
        window.view.plotter.renderer.GetActiveCamera().Dolly(0.8)  # so that „Ansicht zurücksetzen“ shows
        window.view.refresh()
        before_tops = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        before = _state(window, calls)
        was_enabled = act.isEnabled()
        act.setEnabled(True)  # a disabled entry must work too when its moment comes
        act.trigger()
        QApplication.processEvents()
        after = _state(window, calls)
        act.setEnabled(was_enabled)
        results[path] = (before, after)
        assert after != before, f"„{path}“ bewirkt nichts (toter Eintrag)"
        if path != "Datei › Beenden":
            assert window.isVisible(), f"„{path}“ hat das Fenster geschlossen"
            _settle(qtbot, window, before_tops)
    assert not window.isVisible()  # „Beenden“
    return results


@pytest.fixture(params=["sample", "empty"])
def admin_project(request, tmp_path):
    """The sample municipality, and a new empty project (a new user's first state)."""
    from tests.conftest import SAMPLE_EXTENT
    from twin.project import Project

    if request.param == "sample":
        yield request.getfixturevalue("sample_project")
        return
    project = Project.create(tmp_path / "neu", name="Neudorf", extent=SAMPLE_EXTENT)
    yield project
    project.close()


def test_every_menu_entry_of_the_administration_twin(qtbot, admin_project, calls):
    window = open_window(qtbot, admin_project)
    paths = [p for p, _ in menu_actions(window.menuBar())]
    for expected in ("Datei › Importieren …", "Datei › Import-Assistent …", "Datei › Paket öffnen …",
                     "Datei › Feldarbeit › Paket exportieren …", "Ansicht › Ansicht zurücksetzen",
                     "Ansicht › Zwilling › Ratszwilling (Vorschau)", "Simulation › Starkregen …",
                     "Simulation › Hitze …", "Datei › Beenden"):
        assert expected in paths, paths
    results = trigger_all(qtbot, window, calls)
    assert len(results) == len(paths)
    # the modal dialogs were really asked for (and answered with „Abbrechen“)
    for asked in ("getOpenFileNames", "getOpenFileName", "getExistingDirectory", "exec:HeavyRainDialog",
                  "exec:HeatDialog", "exec:FieldExportDialog"):
        assert asked in calls.seen, calls.seen
    # the role preview switched the scene; „Ansicht zurücksetzen“ moved the camera back (or, with nothing drawn,
    # said so)
    before, after = results["Ansicht › Zwilling › Bürgerzwilling (Vorschau)"]
    assert after[4] == "buerger"
    before, after = results["Ansicht › Ansicht zurücksetzen"]
    if admin_project.store.layer_names():
        assert after[7] != before[7]
    else:
        assert after[5].startswith("Nichts anzuzeigen")


def test_every_menu_entry_of_a_published_twin(qtbot, sample_project, calls, tmp_path):
    """A published package is read-only: its menus have no import, publish, field work or simulation runs."""
    from twin.package import load_signing_key, new_publisher_key
    from twin.publish.publish import open_published, publish

    keys = new_publisher_key(tmp_path / "keys")
    out = tmp_path / "buerger.szpkg"
    publish(sample_project, "buerger", out, signing_key=load_signing_key(keys.private))
    twin = open_published(out, trusted=keys.public.parent, dest=tmp_path / "auf")
    try:
        window = open_window(qtbot, twin.project)
        paths = [p for p, _ in menu_actions(window.menuBar())]
        assert not any(w in p for p in paths for w in ("Import", "Veröffentlichen", "Feldarbeit", "Starkregen …",
                                                       "Hitze …", "Zwilling ›"))
        trigger_all(qtbot, window, calls)
        assert "getOpenFileName" in calls.seen  # „Paket öffnen …“
    finally:
        twin.close()


@pytest.mark.parametrize("wiring", ["unconnected", "no_effect"])
def test_a_dead_entry_is_found(qtbot, sample_project, calls, wiring):
    """The check itself: an entry connected to nothing, or to something without effect, fails it."""
    window = open_window(qtbot, sample_project)
    try:
        stub = window.menuBar().actions()[0].menu().addAction("Demnächst …")
        if wiring == "no_effect":
            stub.triggered.connect(lambda: None)
        with pytest.raises(AssertionError, match="„Datei › Demnächst …“ .*toter Eintrag"):
            trigger_all(qtbot, window, calls)
    finally:
        window.close()
