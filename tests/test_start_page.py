"""The start page (``stadtzwilling open`` without a project): real windows, real sample build, real importers,
a real signed package; folders, settings and trust store live in the test's tmp folder.

Covers: the three actions (and the CLI screenshot of the page), building and opening the sample once (and
cancelling a build), a new project from a GeoTIFF (CRS and extent in twin.toml), refusing a bad CRS and an
unreadable file in German, a damaged first file removing the half-made project, opening a published package
(and refusing a foreign-signed one), and the German „Unerwarteter Fehler“ box instead of a traceback.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from tests.conftest import DATA, ROOT
from tests.test_gui import TIMEOUT_MS, _env
from views import notify
from views.main_window import MainWindow
from views.new_project_dialog import NewProjectDialog, NewProjectRequest
from views.start_page import StartPage

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("no_modal_boxes")]

NRW_TIF = DATA / "terrain" / "nrw_dgm_clip.tif"
NRW_BOUNDS = (338111.227, 5706236.699, 338178.178, 5706311.187)  # EPSG:25832, see tests/data/terrain/SOURCES.md


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    settings = QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat)
    p = StartPage(home=tmp_path / "Stadtzwilling", trust=tmp_path / "vertrauenswuerdig", settings=settings)
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.close()
    p.close_projects()


def gui_messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "stadtzwilling.gui"]


def wait_for_window(qtbot, page: StartPage, n: int = 1) -> MainWindow:
    """Wait (on GUI state, not on a worker's signal) for the n-th window and its scene."""
    qtbot.waitUntil(lambda: len(page.windows) >= n, timeout=TIMEOUT_MS)
    window = page.windows[n - 1]
    qtbot.waitUntil(lambda: window.scene is not None and not window._workers, timeout=TIMEOUT_MS)
    return window


# ----------------------------------------------------------------- the page
def test_start_page_offers_three_actions(page):
    assert page.windowTitle() == "Stadtzwilling – Start"
    buttons = (page.sample_button, page.new_button, page.package_button)
    assert [b.text() for b in buttons] == ["Beispielgemeinde öffnen", "Neues Projekt anlegen …",
                                           "Veröffentlichtes Paket öffnen …"]
    assert all(b.isVisible() and b.isEnabled() and b.description() for b in buttons)
    assert page.open_button.text() == "Vorhandenes Projekt öffnen …"
    assert not page.recent_list.isVisible()  # nothing opened yet


def test_cli_open_without_project_renders_the_start_page(tmp_path):
    out = tmp_path / "start.png"
    env = _env(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / ".config"))
    result = subprocess.run([sys.executable, "-m", "cli.main", "open", "--screenshot", str(out), "--size", "900x700"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Bild gespeichert" in result.stdout
    rgb = np.asarray(Image.open(out).convert("RGB"))
    assert rgb.shape[:2] == (700, 900)
    dark = (rgb.sum(axis=2) < 200).sum()  # the text of title and actions
    assert dark > 2000 and len(np.unique(rgb.reshape(-1, 3), axis=0)) > 20


def test_cli_open_without_project_and_display_explains_headless_use():
    result = subprocess.run([sys.executable, "-m", "cli.main", "open"], cwd=ROOT,
                            env=_env(DISPLAY=None, WAYLAND_DISPLAY=None), capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Kein Bildschirm" in result.stderr and "stadtzwilling open --screenshot bild.png" in result.stderr


# ----------------------------------------------------------------- sample
def test_sample_is_built_once_and_opened(qtbot, page):
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert page.busy and page.progress is not None and page.progress.isVisible()
    assert not page.sample_button.isEnabled() and not page.new_button.isEnabled()
    window = wait_for_window(qtbot, page)
    assert not page.busy and page.progress is None
    assert window.project.root == page.sample_dir
    assert (page.sample_dir / "twin.toml").is_file()
    assert window.windowTitle() == "Stadtzwilling – Markt Musterdorf (Beispiel)"
    assert window.project.store.count("buildings") > 0 and window.scene.layer("buildings").mesh.n_cells > 0
    assert page.isHidden() and window.isVisible()
    assert page.recent() == [str(page.sample_dir.resolve())]

    stamp = (page.sample_dir / "twin.gpkg").stat().st_mtime_ns
    assert page.open_sample() is None  # there already: opened, not built again
    again = wait_for_window(qtbot, page, 2)
    assert again.project.root == page.sample_dir and again is not window
    assert (page.sample_dir / "twin.gpkg").stat().st_mtime_ns == stamp

    later = StartPage(home=page.home, trust=page.trust, settings=page.settings)  # the next start of the app
    qtbot.addWidget(later)
    later.show()
    assert later.recent_list.isVisible() and later.recent_list.count() == 1
    later.recent_list.itemActivated.emit(later.recent_list.item(0))  # double click / Enter
    third = wait_for_window(qtbot, later)
    assert third.project.root == page.sample_dir
    later.close_projects()


def test_open_existing_project_folder(qtbot, page, project_dir, tmp_path, monkeypatch, caplog):
    answers = iter([str(tmp_path / "leer"), str(project_dir)])
    (tmp_path / "leer").mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: next(answers))
    with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    [message] = gui_messages(caplog)
    assert "leer" in message and "kein Stadtzwilling-Projekt" in message and page.windows == []
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert wait_for_window(qtbot, page).project.root == project_dir


def test_cancelled_sample_build_leaves_nothing(qtbot, page):
    worker = page.open_sample()
    assert worker is not None
    button = page.progress.findChild(QPushButton)
    assert button.text() == "Abbrechen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT_MS)
    assert worker.cancel_token.cancelled
    assert not page.sample_dir.exists() and page.windows == []
    assert page.sample_button.isEnabled()


# ----------------------------------------------------------------- new project
def fill(dialog: NewProjectDialog, *, name="Testdorf", crs="25832", file: Path = NRW_TIF) -> None:
    dialog.name_edit.setText(name)
    dialog.crs_edit.setText(crs)
    dialog.set_file(file)


def test_new_project_from_a_geotiff(qtbot, page, monkeypatch):
    opened = []

    def answer(dialog) -> int:  # the user fills in the dialog and clicks „Anlegen“
        opened.append(dialog)
        fill(dialog)
        assert dialog.file_label.text() == "Erkannt: Geländemodell (GeoTIFF)"
        assert dialog.folder_edit.text() == str(page.home / "Testdorf")
        assert "UTM zone 32N" in dialog.crs_label.text()
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(NewProjectDialog, "exec", answer)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    window = wait_for_window(qtbot, page)
    folder = page.home / "Testdorf"
    assert window.project.root == folder and window.windowTitle() == "Stadtzwilling – Testdorf"
    config = tomllib.loads((folder / "twin.toml").read_text(encoding="utf-8"))["project"]
    assert config["name"] == "Testdorf" and config["crs"] == 25832
    xmin, ymin, xmax, ymax = config["extent"]  # the GeoTIFF's bounds, whole metres outward
    assert NRW_BOUNDS[0] - 1 < xmin <= NRW_BOUNDS[0] and NRW_BOUNDS[1] - 1 < ymin <= NRW_BOUNDS[1]
    assert NRW_BOUNDS[2] <= xmax < NRW_BOUNDS[2] + 1 and NRW_BOUNDS[3] <= ymax < NRW_BOUNDS[3] + 1
    assert len(window.project.store.rasters(kind="dgm")) == 1
    assert "nrw_dgm_clip.tif importiert" in window.statusBar().currentMessage()
    assert not window.layer_tree.item("terrain").isDisabled()


def test_new_project_extent_is_in_the_project_crs(tmp_path):
    """A Gauß-Krüger tree cadastre in a UTM 32N project: the extent is the reprojected trees' box."""
    from views.new_project_dialog import create_project_from_file

    trees = DATA / "trees" / "Flensburg_baumfaellungen_2023.csv"
    folder, reports = create_project_from_file(NewProjectRequest("Flensburg", 25832, tmp_path / "fl", trees))
    assert reports[0].counts["Bäume"] > 0 and reports[0].source_crs == "EPSG:31467"
    xmin, ymin, xmax, ymax = tomllib.loads((folder / "twin.toml").read_text(encoding="utf-8"))["project"]["extent"]
    assert 500_000 < xmin < xmax < 560_000 and 6_050_000 < ymin < ymax < 6_090_000  # UTM 32N, not GK3


@pytest.mark.parametrize(("crs", "words"), [
    ("4326", "kein projiziertes Koordinatensystem"),
    ("99999", "EPSG:99999 gibt es nicht"),
    ("UTM32", "kein EPSG-Code"),
])
def test_new_project_dialog_rejects_a_bad_crs(qtbot, tmp_path, caplog, crs, words):
    dialog = NewProjectDialog(None, base_folder=tmp_path / "S")
    qtbot.addWidget(dialog)
    fill(dialog, crs=crs)
    with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
        dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert words in dialog.error_label.text() and dialog.crs_label.text().startswith("Ungültig")
    assert any(words in m and m.startswith("Das Projekt kann so nicht angelegt werden") for m in gui_messages(caplog))
    assert not (tmp_path / "S").exists()
    fill(dialog, crs="EPSG:25833")  # corrected: accepted
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.request().epsg == 25833


def test_new_project_dialog_rejects_an_unreadable_file(qtbot, tmp_path, caplog):
    bad = tmp_path / "notizen.txt"
    bad.write_text("keine Geodaten\n", encoding="utf-8")
    dialog = NewProjectDialog(None, base_folder=tmp_path / "S")
    qtbot.addWidget(dialog)
    fill(dialog, file=bad)
    assert dialog.file_label.text().startswith("Nicht lesbar")  # at once, before „Anlegen“
    assert "notizen.txt" in dialog.error_label.text() and "Unbekanntes Dateiformat" in dialog.error_label.text()
    with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
        dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    messages = gui_messages(caplog)
    assert len(messages) == 1 and "notizen.txt" in messages[0] and "Unbekanntes Dateiformat" in messages[0]
    fill(dialog, file=tmp_path / "gibt-es-nicht.tif")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "gibt-es-nicht.tif" in dialog.error_label.text()
    (tmp_path / "S" / "Testdorf").mkdir(parents=True)
    (tmp_path / "S" / "Testdorf" / "twin.toml").write_text("", encoding="utf-8")
    fill(dialog)
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "bereits ein Projekt" in dialog.error_label.text()
    assert "Traceback" not in "".join(gui_messages(caplog))


def test_damaged_first_file_leaves_no_project(qtbot, page, tmp_path, caplog):
    """Recognised as GeoTIFF but broken: German message naming the file, the new folder is removed again."""
    broken = tmp_path / "kaputt.tif"
    broken.write_bytes(NRW_TIF.read_bytes()[:3000])
    folder = page.home / "Kaputtdorf"
    with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
        assert page.create_project(NewProjectRequest("Kaputtdorf", 25832, folder, broken)) is not None
        qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT_MS)
    messages = gui_messages(caplog)
    assert len(messages) == 1 and messages[0].startswith("Das Projekt „Kaputtdorf“ konnte nicht angelegt werden")
    assert "kaputt.tif" in messages[0] and "nicht lesbar" in messages[0]
    assert not folder.exists() and page.windows == [] and page.isVisible()


# ----------------------------------------------------------------- package
@pytest.fixture
def citizen_package(sample_project, tmp_path):
    from twin.package import load_signing_key, new_publisher_key
    from twin.publish.publish import publish

    keys = new_publisher_key(tmp_path / "schluessel")
    out = tmp_path / "buergerzwilling.szpkg"
    publish(sample_project, "buerger", out, signing_key=load_signing_key(keys.private))
    return out, keys.public.parent


def test_open_package_from_the_start_page(qtbot, page, citizen_package, monkeypatch, tmp_path, caplog):
    from twin.package import new_publisher_key

    out, trusted = citizen_package
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append(a), (str(out), ""))[1])

    page.trust = new_publisher_key(tmp_path / "fremd").public.parent  # someone else's key only
    with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
        qtbot.mouseClick(page.package_button, Qt.MouseButton.LeftButton)
    assert asked and page.windows == [] and page.isVisible()
    assert any("buergerzwilling.szpkg" in m and "fremd signiert" in m for m in gui_messages(caplog))

    page.trust = trusted
    tampered = tmp_path / "veraendert.szpkg"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
        assert page.ask_open_package(tampered) is None
    [message] = gui_messages(caplog)
    assert "veraendert.szpkg" in message and ("Signatur" in message or "beschädigt" in message), message

    qtbot.mouseClick(page.package_button, Qt.MouseButton.LeftButton)
    window = wait_for_window(qtbot, page)
    assert window.read_only and window.published_twin is not None
    assert "Bürgerzwilling" in window.windowTitle() and "nur lesen" in window.windowTitle()
    assert page.isHidden()
    root = window.published_twin.package.root
    window.close()
    assert not root.exists()  # the unpacked files go with the window


# ----------------------------------------------------------------- unexpected errors
def test_unexpected_error_is_a_german_box_with_the_traceback_folded(monkeypatch, caplog, qapp):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.windowTitle(), box.text(), box.detailedText())) or 0)
    notify.show_dialogs(True)
    try:
        raise KeyError("schicht")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
            notify.unexpected(type(exc), exc, exc.__traceback__)
    finally:
        notify.show_dialogs(False)
    [(title, text, details)] = shown
    assert title == "Stadtzwilling – Unerwarteter Fehler" and text.startswith("Unerwarteter Fehler")
    assert "Traceback" not in text and "Traceback" in details and "schicht" in details
    assert any("Traceback" in r.getMessage() for r in caplog.records)

    before = sys.excepthook  # pytest-qt's capture during the test
    notify.install_excepthook()
    try:
        assert sys.excepthook is notify.unexpected
    finally:
        sys.excepthook = before
