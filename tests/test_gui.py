"""The desktop app on the real sample project: real windows (pytest-qt on Xvfb through pytest-xvfb), no mocks.

Covers the window and layer tree, toggling a layer (pixels and actor), picking a building at its
projected screen position, screenshots (in-process and through ``stadtzwilling open --screenshot``
with a display, with a private Xvfb and with the offscreen fallback), and importing through the
worker with progress, cancel and error reporting.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from tests.conftest import ROOT, SAMPLE_EXTENT, SAMPLE_REAL
from twin.project import Project
from views import notify
from views.headless import RENDER_ENV
from views.import_dialog import ImportProgressDialog
from views.main_window import MainWindow

pytestmark = pytest.mark.gui

REAL_ID = "DEBY_LOD2_4959457"
REAL_GML = SAMPLE_REAL / f"{REAL_ID}.gml"
DGM = SAMPLE_REAL / "BY_DGM1_690_5335.tif"
MUSTERDORF_GML = ROOT / "sample_data" / "musterdorf" / "musterdorf_lod2.gml"
COORDS = re.compile(r"^E 69\d{4},\d  N 533\d{4},\d  H \d{3},\d m  \(EPSG:25832\)$")
TIMEOUT_MS = 120_000


# ----------------------------------------------------------------- helpers
def roof_pixels(rgb: np.ndarray) -> int:
    """Pixels in the (shaded) roof red #b5473a; the terrain ramp has no such colour, and the orange/yellow
    of damaged trees (vitality 2/3: green and blue differ a lot there, not in the shaded roof) is left out."""
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    return int(((r > 90) & (r - g > 45) & (r - b > 45) & (np.abs(g - b) < 35)).sum())


def distinct_colours(rgb: np.ndarray) -> int:
    return len(np.unique(rgb.reshape(-1, 3), axis=0))


def read_png(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def assert_not_blank(rgb: np.ndarray) -> None:
    assert distinct_colours(rgb) > 500
    assert rgb.std() > 20
    assert roof_pixels(rgb) > 30


def open_window(qtbot, project: Project, *, offscreen: bool = False) -> MainWindow:
    window = MainWindow(project, offscreen=offscreen)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.scene_ready, timeout=TIMEOUT_MS):
        window.load_scene()
    # the sensor dock reads its series and evaluates the rules after the scene: let it settle first
    qtbot.waitUntil(lambda: not window.sensor_panel.busy(), timeout=TIMEOUT_MS)
    return window


def roof_point(window: MainWindow, key: str) -> np.ndarray:
    """Centre (local coordinates) of the largest roof cell of a building."""
    layer = window.scene.layer("buildings")
    mesh = layer.mesh
    roof_types = np.array([t == "RoofSurface" for t in mesh.field_data["surface_types"]])
    cells = np.flatnonzero((mesh.cell_data["feature_id"] == layer.feature_keys.index(key))
                           & roof_types[mesh.cell_data["surface"]])
    areas = mesh.extract_cells(cells).compute_cell_sizes(length=False, volume=False)["Area"]
    return np.array(mesh.extract_cells([int(cells[np.argmax(areas)])]).center)


@pytest.fixture(autouse=True)
def _no_modal_boxes():
    """Errors still go through views.notify (and its log), just without a modal box."""
    notify.show_dialogs(False)
    yield
    notify.show_dialogs(True)


@pytest.fixture(params=["qtinteractor", "offscreen"])
def window(request, qtbot, sample_project) -> MainWindow:
    """Main window on the sample project, with the interactive view or the offscreen fallback view."""
    w = open_window(qtbot, sample_project, offscreen=request.param == "offscreen")
    yield w
    w.close()


# ----------------------------------------------------------------- tests
def test_runs_on_xvfb(xvfb):
    """pytest-xvfb is active: the GUI tests run on a real X server, not Qt's offscreen platform."""
    assert xvfb is not None, "pytest-xvfb ist nicht aktiv (Xvfb installieren oder ohne --no-xvfb starten)"
    assert os.environ["DISPLAY"] == f":{xvfb.display}"
    assert os.environ.get("QT_QPA_PLATFORM") != "offscreen"


def test_window_shows_both_layers(window):
    assert window.windowTitle() == "Stadtzwilling – Markt Musterdorf (Beispiel)"
    # the declared layers, then the sensors layer the sample's sensors bring along (not declared in twin.toml)
    assert window.layer_tree.layer_names() == [layer.name for layer in window.project.config.layers] + ["sensors", "flaechenpotenzial"]
    assert window.layer_tree.layer_names()[:2] == ["terrain", "buildings"]
    for name, title in (("terrain", "Gelände (DGM)"), ("buildings", "Gebäude (3D)")):
        item = window.layer_tree.item(name)
        assert item.text(0) == title and not item.isDisabled()
        assert window.layer_tree.is_checked(name)
        assert window.view.actors.is_visible(name)
    assert [m.title().replace("&", "") for m in (a.menu() for a in window.menuBar().actions())] == [
        "Datei", "Ansicht", "Simulation"]


def test_toggling_buildings_changes_rendering(window):
    before = window.view.render_image()
    assert roof_pixels(before) > 50

    window.layer_tree.item("buildings").setCheckState(0, Qt.CheckState.Unchecked)  # what a click does
    assert not window.view.actors.is_visible("buildings")
    assert window.view.actors.is_visible("terrain")
    hidden = window.view.render_image()
    changed = (np.abs(before.astype(int) - hidden.astype(int)).sum(axis=2) > 30).sum()
    assert changed > 500
    assert roof_pixels(hidden) < roof_pixels(before) / 20

    window.layer_tree.set_checked("buildings", True)
    assert window.view.actors.is_visible("buildings")
    again = window.view.render_image()
    assert (np.abs(before.astype(int) - again.astype(int)).sum(axis=2) > 30).sum() < changed / 20


def test_scale_range_hides_buildings_in_the_overview(qtbot, sample_project):
    """A declared min_scale (twin.toml) hides the layer when zoomed out and shows it when zoomed in."""
    sample_project.config.layer("buildings").min_scale = 2000  # buildings only at 1:2000 and closer
    window = open_window(qtbot, sample_project)
    window.set_layer_visible("sensors", False)  # a full sewer's sensor is red like a roof
    window.sensor_panel.marks_box.setChecked(False)  # and so are the edges of the rule marks
    actors = window.view.actors
    overview = window.view.render_image()
    assert actors.scale() > 2000 and not actors.is_visible("buildings") and roof_pixels(overview) == 0
    camera = window.view.plotter.renderer.GetActiveCamera()
    camera.SetFocalPoint(*roof_point(window, "DEBY_MUSTER_0001"))
    camera.Dolly(camera.GetDistance() / 150.0)  # move to 150 m from the village
    window.view.plotter.renderer.ResetCameraClippingRange()
    close = window.view.render_image()
    assert actors.scale() < 2000 and actors.is_visible("buildings") and roof_pixels(close) > 50
    window.layer_tree.set_checked("buildings", False)  # the user's choice still wins
    assert not actors.is_visible("buildings") and roof_pixels(window.view.render_image()) == 0
    window.close()


@pytest.mark.parametrize("key", [REAL_ID, "DEBY_MUSTER_0001"])
def test_click_on_building_shows_its_gml_id(window, qtbot, key):
    point = roof_point(window, key)
    pos = window.view.widget_pos(point)
    assert pos is not None, "Gebäude liegt außerhalb der Ansicht"
    hit = window.view.pick_at(pos)
    assert hit is not None and hit.layer == "buildings"
    assert window.scene.layer("buildings").key_at(hit.cell_id) == key
    qtbot.mouseClick(window.view.surface, Qt.MouseButton.LeftButton, pos=pos)
    rows = dict(window.inspector_rows())
    assert rows["gml:id"] == key
    assert rows["Layer"] == "Gebäude (3D)"
    assert window.selection is not None and window.selection[0] == "buildings"

    qtbot.mouseMove(window.view.surface, pos)
    qtbot.waitUntil(lambda: bool(window.coordinates.text()))
    text = window.coordinates.text()
    assert COORDS.match(text), text
    e, n = (float(v.replace(",", ".")) for v in re.findall(r"[EN] ([\d,]+)", text))
    expected = window.scene.to_project(point)
    assert abs(e - expected[0]) < 15 and abs(n - expected[1]) < 15

    window.layer_tree.set_checked("buildings", False)  # hiding the layer drops its selection ...
    assert window.selection is None and window.inspector_rows() == []
    hit = window.view.pick_at(pos)  # ... and a click there reaches what is behind it
    assert hit is None or hit.layer == "terrain"


def test_click_on_sky_clears_inspector(window, qtbot):
    window.select_feature("buildings", 0)
    assert window.inspector_rows()
    qtbot.mouseClick(window.view.surface, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.inspector_rows() == []


def test_screenshot_of_main_window(window, tmp_path):
    out = tmp_path / "fenster.png"
    window.save_screenshot(out)
    rgb = read_png(out)
    assert rgb.shape[:2] == (window.height(), window.width())
    assert_not_blank(rgb)
    view = window.view.geometry()
    area = rgb[view.top():view.bottom(), view.left():view.right()]
    assert area.std() > 20 and distinct_colours(area) > 500
    assert roof_pixels(area) == roof_pixels(rgb)  # the buildings are drawn inside the 3D view


def _open_cmd(project_dir: Path, out: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli.main", "open", str(project_dir), "--screenshot", str(out),
                           "--size", "1000x700"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _env(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", RENDER_ENV)}
    for k, v in changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


@pytest.mark.parametrize(("case", "changes", "platform"), [
    ("display", {}, "display"),
    ("private_xvfb", {"DISPLAY": None, "WAYLAND_DISPLAY": None}, "xvfb"),
    ("offscreen", {"DISPLAY": None, "WAYLAND_DISPLAY": None, RENDER_ENV: "offscreen"}, "offscreen"),
])
def test_cli_open_screenshot(sample_project_dir, tmp_path, case, changes, platform):
    out = tmp_path / f"{case}.png"
    result = _open_cmd(sample_project_dir, out, _env(**changes))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"(Darstellung: {platform})" in result.stdout
    rgb = read_png(out)
    assert rgb.shape[:2] == (700, 1000)
    assert_not_blank(rgb)


def test_cli_open_without_display_explains_headless_use(sample_project_dir):
    result = subprocess.run([sys.executable, "-m", "cli.main", "open", str(sample_project_dir)], cwd=ROOT,
                            env=_env(DISPLAY=None, WAYLAND_DISPLAY=None), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    german, english = result.stderr.strip().splitlines()
    assert "Kein Bildschirm" in german and "--screenshot bild.png" in german and "xvfb-run" in german
    assert english.startswith("No display")


@pytest.fixture
def empty_project(tmp_path):
    p = Project.create(tmp_path / "neu", name="Testgemeinde", extent=SAMPLE_EXTENT)
    yield p
    p.close()


def test_import_through_worker(qtbot, empty_project):
    window = open_window(qtbot, empty_project)
    assert all(window.layer_tree.item(n).isDisabled() for n in ("terrain", "buildings"))
    assert window.layer_tree.item("buildings").text(0) == "Gebäude (3D) (leer)"

    progress = []
    with qtbot.waitSignal(window.scene_ready, timeout=TIMEOUT_MS):
        with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
            worker = window.import_files([DGM, REAL_GML])
            worker.progress.connect(lambda f, m: progress.append((f, m)))
            assert worker.isRunning() or worker.isFinished()
    assert finished.args == ["ok"]
    assert progress and progress[-1][0] == pytest.approx(1.0)
    assert f"{REAL_ID}.gml importiert" in window.statusBar().currentMessage()
    assert empty_project.store.count("buildings") == 1
    assert len(empty_project.store.rasters(kind="dgm")) == 1 and len(empty_project.store.rasters(kind="dem")) == 1
    assert not window.layer_tree.item("buildings").isDisabled()
    assert window.view.actors.is_visible("buildings") and window.view.actors.is_visible("terrain")
    assert roof_pixels(window.view.render_image()) > 30
    window.close()


def test_cancelled_import_leaves_store_unchanged(qtbot, empty_project):
    window = open_window(qtbot, empty_project)
    before = (empty_project.store.layer_names(), empty_project.store.provenance())
    with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
        window.import_files([MUSTERDORF_GML])
        dialog = window.findChild(ImportProgressDialog)
        button = dialog.findChild(QPushButton)
        assert button.text() == "Abbrechen"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert finished.args == ["cancelled"]
    assert "abgebrochen" in window.statusBar().currentMessage()
    assert (empty_project.store.layer_names(), empty_project.store.provenance()) == before
    assert not empty_project.store.has_layer("buildings") or empty_project.store.count("buildings") == 0
    window.close()


def test_closing_during_import_cancels_it(qtbot, empty_project):
    window = open_window(qtbot, empty_project)
    before = empty_project.store.provenance()
    worker = window.import_files([MUSTERDORF_GML])
    window.close()  # cancels, waits for the worker, drops its result
    assert worker.isFinished() and worker.cancel_token.cancelled
    assert empty_project.store.provenance() == before


def test_import_error_goes_to_notification(qtbot, empty_project, tmp_path, caplog):
    bad = tmp_path / "notizen.txt"
    bad.write_text("keine Geodaten\n", encoding="utf-8")
    window = open_window(qtbot, empty_project)
    with caplog.at_level(logging.ERROR, logger="stadtzwilling.gui"):
        with qtbot.waitSignal(window.import_finished, timeout=TIMEOUT_MS) as finished:
            window.import_files([bad])
    assert finished.args == ["failed"]
    assert window.statusBar().currentMessage() == "Import fehlgeschlagen"
    messages = [r.getMessage() for r in caplog.records if r.name == "stadtzwilling.gui"]
    assert len(messages) == 1 and "notizen.txt" in messages[0] and "Unbekanntes Dateiformat" in messages[0]
    window.close()


def test_highlight_a_point_feature(qtbot, sample_project):
    """Selecting a water meter (a point without edges) marks the point instead of failing."""
    from views.scene_actors import _HIGHLIGHT

    window = open_window(qtbot, sample_project)
    layer = window.scene.layer("water_meters")
    assert layer.mesh.n_cells > 0
    window.view.actors.highlight(window.scene, "water_meters", 0)
    actor = window.view.plotter.actors[_HIGHLIGHT]
    assert actor.GetMapper().GetInput().GetNumberOfPoints() >= 1
    window.close()


def test_inspector_keeps_values_visible_with_long_titles(qtbot):
    from views.inspector import Inspector

    ins = Inspector()
    qtbot.addWidget(ins)
    ins.resize(340, 400)
    ins.show()
    ins.show_rows("Sperrung", [("Art (Vollsperrung, Teilsperrung, Baustelle, Halteverbot, Veranstaltung …)",
                                "Vollsperrung"), ("Von (erster Tag)", "03.02.2025")])
    width = ins.table.viewport().width()
    assert ins.table.columnWidth(0) <= 0.45 * width + 1 and ins.table.columnWidth(1) >= 0.5 * width


def test_3d_view_leaves_no_wrapper_of_a_deleted_gl_surface(qtbot):
    """When the 3D view dies with its window, no Python wrapper of Qt's own GL surface stays registered.

    pyvistaqt keeps one of the QOffscreenSurface that Qt creates (and deletes) for the QOpenGLWidget; PySide
    skips the slot that would drop it when the widget is already being destroyed. A stale wrapper makes the
    next C++ object at the freed address come back as "QOffscreenSurface" (CI once: the next window's
    ``menuBar()``). Which object reuses the address is luck, so this checks the stale registration itself,
    while the view's Python objects are still referenced, as pytest keeps a fixture's window past teardown.
    """
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QOffscreenSurface
    from PySide6.QtWidgets import QMainWindow

    from views.scene_view import SceneView

    def qt_owned_surfaces() -> set[int]:
        return {shiboken6.getCppPointer(o)[0] for o in shiboken6.getAllValidWrappers()
                if isinstance(o, QOffscreenSurface) and not shiboken6.createdByPython(o)}

    before = qt_owned_surfaces()
    window = QMainWindow()
    view = SceneView(window)
    window.setCentralWidget(view)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    assert view.render_image().size > 0  # the GL widget is realized: its context and surface exist
    if not qt_owned_surfaces() - before:
        pytest.skip("mit diesen PySide6-/pyvistaqt-Versionen entsteht kein Python-Wrapper der Qt-eigenen GL-Fläche "
                    "(so unter PySide6 6.11), also auch kein veralteter")
    view.close_view()  # as MainWindow.closeEvent does
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(view)  # the C++ side is gone, the Python objects are still here
    assert qt_owned_surfaces() - before == set()
