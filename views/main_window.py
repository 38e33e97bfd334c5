"""The main window: 3D view, layer tree, inspector, status bar, menus; import and scene building in workers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from importers.base import CancelToken, ImportReport, ProgressFn, import_files
from layers.scene import Scene, build_scene, feature_info
from twin.errors import TwinIOError
from twin.project import Project
from views import notify
from views.headless import offscreen_requested
from views.import_dialog import ImportProgressDialog, choose_import_files
from views.import_wizard import ImportWizard
from views.inspector import Inspector
from views.layer_tree import LayerTree
from views.terrain_controls import TerrainControls
from views.scene_actors import Pick
from views.scene_view import SceneView, SceneViewBase
from views.workers import CANCELLED, FAILED, OK, Task, Worker


def german_number(value: float, digits: int = 1) -> str:
    """690512.34 -> '690512,3' (decimal comma, no thousands separator, as in the status bar)."""
    return f"{value:.{digits}f}".replace(".", ",")


class MainWindow(QMainWindow):
    """Stadtzwilling main window on one open project."""

    scene_ready = Signal()
    import_finished = Signal(str)  # outcome: ok | failed | cancelled
    feature_selected = Signal(object, object)  # feature table and natural key of the selection (None, None: none)

    def __init__(self, project: Project, *, offscreen: bool | None = None) -> None:
        super().__init__()
        self.project = project
        self.scene: Scene | None = None
        self.selection: tuple[str, int] | None = None  # layer name, cell id
        self._visible = {layer.name: layer.visible for layer in project.config.layers}
        self._workers: set[Worker] = set()
        self._scene_generation = 0
        self._import: tuple[Worker, ImportProgressDialog, list[ImportReport]] | None = None
        published = project.config.published
        self.read_only = published is not None  # an opened Rats-/Bürgerzwilling package
        self.role: str | None = None  # None: the administration's full view; "rat"/"buerger": preview
        self.published_twin = None  # set for a window showing an opened package (unpacked files)
        self._package_windows: list[MainWindow] = []
        self.setWindowTitle(f"Stadtzwilling – {project.name}" if published is None else
                            f"{published.title} – {project.name} (veröffentlicht {published.published_at[:10]}, "
                            "nur lesen)")

        if offscreen if offscreen is not None else offscreen_requested():
            from views.offscreen_view import OffscreenSceneView

            self.view: SceneViewBase = OffscreenSceneView(self)
        else:
            self.view = SceneView(self)
        self.setCentralWidget(self.view)
        self.view.picked.connect(self._on_picked)
        self.view.hovered.connect(self._on_hovered)

        self.layer_tree = LayerTree()
        self.layer_tree.visibility_changed.connect(self.set_layer_visible)
        self.inspector = Inspector()
        self.terrain_controls = TerrainControls()
        self.terrain_controls.opacity_changed.connect(self.set_terrain_opacity)
        self.terrain_controls.cutaway_changed.connect(self.set_terrain_cutaway)
        layer_panel = QWidget()
        panel = QVBoxLayout(layer_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(self.layer_tree, 1)
        panel.addWidget(self.terrain_controls)
        self._layer_dock = self._dock("Layer", layer_panel)
        self._inspector_dock = self._dock("Eigenschaften", self.inspector)
        self.resizeDocks([self._layer_dock], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self._layer_dock, self._inspector_dock], [160, 600], Qt.Orientation.Vertical)

        self.coordinates = QLabel()
        self.statusBar().addPermanentWidget(self.coordinates)
        self._build_menus()
        # --- Auskunft (road closures, issue 6): search dock on the left, closure editor in the Verwaltung ---
        from views.auskunft_panel import install_auskunft
        self.auskunft = install_auskunft(self)
        # --- end Auskunft ---
        # --- Planungsvarianten (issue 6): toolbar with variant choice, before/after toggle and split view ---
        from views.variant_bar import VariantBar
        self.variant_bar = VariantBar(self)
        # --- end Planungsvarianten ---
        # --- Starkregen: menu "Simulation", result dock with the water-depth overlay ---
        from views.flood_panel import install_flood
        self.flood_panel = install_flood(self)
        # --- end Starkregen ---
        # --- Hitze: „Simulation > Hitze …“, result dock with the heat-stress overlay ---
        from views.heat_panel import install_heat
        self.heat_panel = install_heat(self)
        # --- end Hitze ---
        # --- Feldarbeit: menu „Feldarbeit“, dock with the field packages, sync and conflicts ---
        from views.field_panel import install_field
        self.field_panel = install_field(self)  # None in a published, read-only twin
        # --- end Feldarbeit ---
        # --- Sensoren: time slider, work list of the sensor rules, charts in the inspector ---
        from views.sensor_panel import install_sensors
        self.sensor_panel = install_sensors(self)
        # --- end Sensoren ---
        # --- Flächenmanagement: candidates with status, the search, the area balance ---
        from views.land_panel import install_land
        self.land_panel = install_land(self)
        # --- end Flächenmanagement ---
        self.statusBar().showMessage("Bereit")

    # ----------------------------------------------------------------- layout
    def _dock(self, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock, Qt.Orientation.Vertical)
        return dock

    def _build_menus(self) -> None:
        datei = self.menuBar().addMenu("&Datei")
        if not self.read_only:  # a published package is a read-only viewer
            act = QAction("&Importieren …", self, shortcut=QKeySequence("Ctrl+I"))
            act.triggered.connect(self.ask_import)
            datei.addAction(act)
            act = QAction("Import-&Assistent …", self, shortcut=QKeySequence("Ctrl+Shift+I"))
            act.triggered.connect(self._ask_import_wizard)
            datei.addAction(act)
            act = QAction("&Veröffentlichen …", self)
            act.triggered.connect(self.ask_publish)
            datei.addAction(act)
            from views.report_dialog import ask_report  # council report (PDF) of a planning variant
            act = QAction("&Ratsbericht erstellen …", self)
            act.triggered.connect(lambda: ask_report(self))
            datei.addAction(act)
        act = QAction("&Paket öffnen …", self)  # a published Rats-/Bürgerzwilling, read-only
        act.triggered.connect(self.ask_open_package)
        datei.addAction(act)
        datei.addSeparator()
        act = QAction("&Beenden", self, shortcut=QKeySequence("Ctrl+Q"))
        act.triggered.connect(self.close)
        datei.addAction(act)

        ansicht = self.menuBar().addMenu("&Ansicht")
        act = QAction("Ansicht &zurücksetzen", self, shortcut=QKeySequence("Ctrl+0"))
        act.triggered.connect(self.reset_view)
        ansicht.addAction(act)
        ansicht.addSeparator()
        for dock in (self._layer_dock, self._inspector_dock):
            ansicht.addAction(dock.toggleViewAction())
        if not self.read_only:  # the administration can look at its twin as the council or the citizens do
            ansicht.addSeparator()
            zwilling = ansicht.addMenu("&Zwilling")
            group = QActionGroup(self)
            for role, title in ((None, "Verwaltungszwilling (alles)"), ("rat", "Ratszwilling (Vorschau)"),
                                ("buerger", "Bürgerzwilling (Vorschau)")):
                act = QAction(title, self, checkable=True, checked=role is None)
                act.triggered.connect(lambda _=False, r=role: self.set_role(r))
                group.addAction(act)
                zwilling.addAction(act)

    # ----------------------------------------------------------------- scene
    @Slot()
    def reset_view(self) -> None:
        """„Ansicht zurücksetzen“: the oblique overview of everything drawn (or say that nothing is drawn yet)."""
        if not self.view.actors.actors:
            self.statusBar().showMessage("Nichts anzuzeigen: das Projekt enthält noch keine Daten mit Geometrie "
                                         "(Datei › Importieren …).", 8000)
            return
        self.view.reset_camera()

    def set_role(self, role: str | None) -> None:
        """Show the twin as ``role`` sees it (composed from the role policy); None = the administration."""
        from twin.policy import ROLE_TITLES

        self.role = role
        self.load_scene(f"Angezeigt: {ROLE_TITLES[role or 'verwaltung']}"
                        + (" – nur was diese Rolle sehen darf" if role else ""))

    def load_scene(self, message: str | None = None) -> None:
        """Build the scene in a worker; ``set_scene(scene, message)`` runs when it is ready."""
        self._scene_generation += 1
        generation, project, role = self._scene_generation, self.project, self.role
        self.statusBar().showMessage("Baue 3D-Szene …")

        def task(progress: ProgressFn, cancel: CancelToken) -> tuple[int, Scene, str | None]:
            return generation, build_scene(project, progress=progress, role=role), message

        self._start(task, lambda w: w.done.connect(self._scene_built))  # connected before it can finish

    @Slot(str, object)
    def _scene_built(self, outcome: str, payload: object) -> None:
        if outcome == OK:
            generation, scene, message = payload
            if generation == self._scene_generation:
                self.set_scene(scene, message)
        else:
            notify.error(self, f"Die 3D-Szene konnte nicht aufgebaut werden: {payload}")

    def set_scene(self, scene: Scene, message: str | None = None) -> None:
        """Show a built scene and a status message; the camera is reset unless something was drawn before."""
        had_content = bool(self.view.actors.actors)
        self.scene, self.selection = scene, None
        self.view.show_scene(scene, self._visible)
        self.layer_tree.set_layers(scene, self._visible)
        self.inspector.clear_rows()
        if not had_content:
            self.view.reset_camera()
        drawn = sum(not layer.is_empty for layer in scene.layers)
        self.statusBar().showMessage(message or f"{drawn} von {len(scene.layers)} Layern mit Daten geladen")
        self.scene_ready.emit()

    @Slot(str, bool)
    def set_layer_visible(self, name: str, visible: bool) -> None:
        self._visible[name] = visible
        if self.layer_tree.is_checked(name) != visible:
            self.layer_tree.set_checked(name, visible)  # re-enters through visibility_changed
            return
        if not visible and self.selection is not None and self.selection[0] == name:
            self.select_feature(None)
        self.view.set_layer_visible(name, visible)

    @Slot(float)
    def set_terrain_opacity(self, opacity: float) -> None:
        """Opacity of every terrain layer (0 … 1), so that pipes under the ground show through."""
        for name in self.view.actors.terrain_layers():
            self.view.actors.set_opacity(name, opacity)
        self.view.refresh()

    @Slot(bool)
    def set_terrain_cutaway(self, enabled: bool) -> None:
        """Cut the terrain open around the view centre (or close it again)."""
        self.view.actors.set_cutaway(enabled)
        self.view.refresh()

    # ----------------------------------------------------------------- picking
    def pick_at(self, pos: QPoint) -> Pick | None:
        """Pick at a position of the 3D view (``view.surface`` coordinates) and show the feature."""
        pick = self.view.pick_at(pos)
        self._on_picked(pick)
        return pick

    def select_feature(self, layer_name: str | None, cell_id: int = -1) -> None:
        """Show the feature owning ``cell_id`` of a layer in the inspector (None clears)."""
        if self.scene is None or layer_name is None:
            self.selection = None
            self.inspector.clear_rows()
            if self.scene is not None:
                self.view.highlight(self.scene, None)
            self.feature_selected.emit(None, None)
            return
        layer = self.scene.layer(layer_name)
        self.selection = (layer_name, cell_id)
        self.inspector.show_rows(f"{layer.title}: {layer.key_at(cell_id)}", feature_info(self.project, layer, cell_id))
        self.view.highlight(self.scene, layer_name, cell_id)
        self.feature_selected.emit(layer.feature_table, layer.key_at(cell_id))

    def inspector_rows(self) -> list[tuple[str, str]]:
        return self.inspector.rows()

    @Slot(object)
    def _on_picked(self, pick: Pick | None) -> None:
        if pick is None:
            self.select_feature(None)
        else:
            self.select_feature(pick.layer, pick.cell_id)

    @Slot(object)
    def _on_hovered(self, local_xyz: np.ndarray | None) -> None:
        if local_xyz is None or self.scene is None:
            self.coordinates.clear()
            return
        e, n, h = self.scene.to_project(local_xyz)
        self.coordinates.setText(f"E {german_number(e)}  N {german_number(n)}  H {german_number(h)} m  "
                                 f"(EPSG:{self.scene.epsg})")

    # ----------------------------------------------------------------- import
    @Slot()
    def open_import_wizard(self, path: Path | None = None) -> ImportWizard:
        """The step-by-step import (format, CRS, mapping, dry run, import, summary) for one file."""
        wizard = ImportWizard(self.project, self, path)
        wizard.finished_import.connect(self._wizard_imported)
        wizard.show()
        return wizard

    @Slot()
    def _ask_import_wizard(self) -> None:
        self.open_import_wizard()

    def _wizard_imported(self, report: ImportReport) -> None:
        self.statusBar().showMessage(report.summary())
        self.load_scene(report.summary())

    def ask_open_package(self) -> None:
        from views.package_viewer import open_package_window

        window = open_package_window(self)
        if window is not None:
            self._package_windows.append(window)

    def ask_publish(self) -> None:
        from views.publish_dialog import PublishDialog

        dialog = PublishDialog(self.project.root, self)
        if dialog.exec():
            self.publish(dialog.request())

    def publish(self, req) -> Worker:
        """Write the Rats-/Bürgerzwilling package (or the Bürgerzwilling as a web site) in a worker with a
        progress dialog; cancel leaves nothing."""
        from twin.policy import ROLE_TITLES
        from views.publish_dialog import PublishProgressDialog

        project = self.project

        def task(progress: ProgressFn, cancel: CancelToken):
            if getattr(req, "web", False):
                from layers.web.site import export_web

                return export_web(project, req.role, req.out, progress=progress, cancel=cancel)
            from twin.package import load_signing_key
            from twin.publish.publish import publish

            key = load_signing_key(req.key, req.key_passphrase)
            return publish(project, req.role, req.out, signing_key=key, passphrase=req.passphrase,
                           progress=progress, cancel=cancel)

        dialog = PublishProgressDialog(ROLE_TITLES[req.role], self)

        def finished(outcome: str, payload: object) -> None:
            dialog.reset()
            dialog.deleteLater()
            if outcome == OK:
                if getattr(req, "web", False):
                    size = f"{payload.bytes / 1e6:.1f}".replace(".", ",")  # type: ignore[attr-defined]
                    self.statusBar().showMessage(f"{ROLE_TITLES[req.role]} als Webseite geschrieben: {req.out} "
                                                 f"({payload.files} Dateien, {size} MB)")  # type: ignore[attr-defined]
                else:
                    self.statusBar().showMessage(f"{ROLE_TITLES[req.role]} veröffentlicht: {req.out}")
            elif outcome == CANCELLED:
                self.statusBar().showMessage("Veröffentlichen abgebrochen; es wurde keine Datei geschrieben.", 8000)
            else:
                notify.error(self, f"Veröffentlichen fehlgeschlagen: {payload}")

        def connect(worker: Worker) -> None:  # before the thread runs: a fast failure is not missed
            worker.progress.connect(dialog.report)
            dialog.canceled.connect(worker.cancel)
            worker.done.connect(finished)
        return self._start(task, connect)

    def ask_import(self) -> None:
        files = choose_import_files(self)
        if files:
            self.import_files(files)

    def import_files(self, paths: Sequence[str | Path]) -> Worker | None:
        """Import files one after another in a worker, with a progress dialog; then rebuild the scene."""
        if self.read_only:
            notify.error(self, "Ein veröffentlichter Zwilling kann nicht verändert werden (nur lesen).")
            return None
        if self._import is not None:
            self.statusBar().showMessage("Es läuft bereits ein Import.", 5000)
            return None
        paths = [Path(p) for p in paths]
        project, reports = self.project, []

        def task(progress: ProgressFn, cancel: CancelToken) -> list[ImportReport]:
            return import_files(project, paths, progress=progress, cancel=cancel, on_report=reports.append)

        dialog = ImportProgressDialog(paths, self)
        def connect(w: Worker) -> None:  # before the thread starts: a bad file fails at once
            w.progress.connect(dialog.update_progress)
            w.done.connect(self._import_done)

        worker = self._start(task, connect)
        self._import = (worker, dialog, reports)
        dialog.canceled.connect(self.cancel_import)
        self.statusBar().showMessage(f"Importiere {len(paths)} Datei(en) …")
        return worker

    @Slot()
    def cancel_import(self) -> None:
        if self._import is not None:
            self._import[0].cancel()
            self.statusBar().showMessage("Breche den Import ab …")

    @Slot(str, object)
    def _import_done(self, outcome: str, payload: object) -> None:
        _, dialog, reports = self._import
        self._import = None
        dialog.close()
        dialog.deleteLater()
        messages = [r.summary() for r in reports]
        if outcome == FAILED:
            notify.error(self, str(payload))
            messages.append("Import fehlgeschlagen")
        elif outcome == CANCELLED:
            messages.append(str(payload))
        summary = "; ".join(messages)
        self.statusBar().showMessage(summary)
        if reports:
            self.load_scene(summary)
        self.import_finished.emit(outcome)

    # ----------------------------------------------------------------- misc
    def _start(self, task: Task, connect: Callable[[Worker], None] | None = None) -> Worker:
        """Run ``task`` in a worker thread; ``connect`` wires the worker's signals before the thread starts."""
        worker = Worker(task, self)
        self._workers.add(worker)
        worker.finished.connect(self._worker_finished)
        if connect is not None:
            connect(worker)
        worker.start()
        return worker

    @Slot()
    def _worker_finished(self) -> None:
        worker = self.sender()
        self._workers.discard(worker)
        worker.deleteLater()

    def save_screenshot(self, path: str | Path) -> None:
        """Render and save the whole window (with its 3D view) as PNG."""
        self.view.refresh()
        QApplication.processEvents()
        if not self.grab().save(str(path), "PNG"):
            raise TwinIOError("Das Bildschirmfoto konnte nicht gespeichert werden.", path=path)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Cancel and wait for running work (its results are dropped), then release the 3D view."""
        for worker in list(self._workers):
            worker.cancel()
            worker.dismiss()
        if self._import is not None:
            self._import[1].close()
            self._import = None
        self.flood_panel.close_panel()
        self.heat_panel.close_panel()
        self.sensor_panel.close_panel()
        if self.field_panel is not None:
            self.field_panel.close_panel()
        self.view.close_view()
        super().closeEvent(event)
        if self.published_twin is not None:  # remove the unpacked package files
            self.published_twin.close()
            self.published_twin = None
