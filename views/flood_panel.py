"""The „Starkregen“ dock: choose a run, show its water depth over the terrain, step or play through time.

The overlay (:mod:`layers.flood`) is one extra actor in the main 3D view, not pickable, outside the
layer tree. Its mesh is built once per run (in a worker); the time slider and the display mode only
swap the overlay's cell colours. Menu „Simulation“: „Starkregen …“ (not in a published, read-only
twin) and the dock's show/hide entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSlider,
                               QVBoxLayout, QWidget)

from layers.flood import (DEPTH_MIN_M, HAZARD_CLASSES, MODES, OVERLAY_NAME, FloodOverlay, hazard_classes, legend, load_overlay,
                          time_label)
from twin.errors import TwinError
from views import notify
from views.result_dock import Workers, add_result_dock, draw_overlay, scene_terrain, simulation_menu
from views.workers import OK

if TYPE_CHECKING:
    from views.main_window import MainWindow

#: time between two frames of the animation [ms]
PLAY_INTERVAL_MS = 400
#: side of the box the camera frames around the deepest water [m]
FRAME_SIZE_M = 250.0


def _german(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


class FloodPanel(QWidget):
    """Run selector, display mode, time slider with Play/Pause, legend; draws the overlay in ``window.view``."""

    overlay_shown = Signal(object)  # run id (None: nothing shown)
    run_finished = Signal(str, object)  # outcome (ok/failed/cancelled), RunRecord or message

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.overlay: FloodOverlay | None = None
        self.runs: list = []
        self._pending: str | None = None  # run to show once the scene (terrain) is there
        self._generation = 0
        self._workers = Workers(self)
        self._role = window.role  # the role whose view the run list was read in

        self.run_combo = QComboBox()
        self.run_combo.setMinimumContentsLength(24)
        self.run_combo.setToolTip("Berechnete Starkregen-Läufe (neueste zuerst)")
        self.run_combo.currentIndexChanged.connect(self._on_run_chosen)
        self.mode_combo = QComboBox()
        for key, title in MODES.items():
            self.mode_combo.addItem(title, key)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData("max"))
        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setToolTip("Modellzeit des gezeigten Zwischenstands")
        self.slider.valueChanged.connect(self._on_slider)
        self.play_button = QPushButton("Abspielen")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip("Den Wassertiefe-Verlauf als Animation abspielen / anhalten")
        self.play_button.toggled.connect(self._on_play)
        self.time_label = QLabel("Modellzeit: –")
        self.show_box = QCheckBox("Überflutung anzeigen")
        self.show_box.setChecked(True)
        self.show_box.toggled.connect(self._on_show)
        self.frame_button = QPushButton("Zur tiefsten Stelle")
        self.frame_button.setToolTip("Die Ansicht auf die Umgebung der größten Wassertiefe ausrichten")
        self.frame_button.clicked.connect(self.frame_overlay)
        self.legend_label = QLabel()
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Lauf:", self.run_combo)
        form.addRow("Darstellung:", self.mode_combo)
        time_row = QHBoxLayout()
        time_row.addWidget(self.play_button)
        time_row.addWidget(self.slider, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(time_row)
        layout.addWidget(self.time_label)
        show_row = QHBoxLayout()
        show_row.addWidget(self.show_box, 1)
        show_row.addWidget(self.frame_button)
        layout.addLayout(show_row)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.info)
        layout.addStretch(1)

        window.scene_ready.connect(self._on_scene_ready)
        window.view.hovered.connect(self._on_hovered)  # after the main window's own slot: adds the depth
        self.refresh_runs()

    # ----------------------------------------------------------------- runs
    def refresh_runs(self, select: str | None = None) -> None:
        """Fill the run list (newest first) and show ``select`` (default: the current or the newest run)."""
        from twin.sim.heavy_rain import list_runs

        self._role = self.main.role
        try:
            self.runs = list_runs(self.source())
        except TwinError as exc:  # e.g. a package without simulation results
            self.runs = []
            self.info.setText(f"Keine Starkregen-Läufe lesbar: {exc}")
        current = select or self.current_run()
        self.run_combo.blockSignals(True)
        self.run_combo.clear()
        for rec in self.runs:
            label = f"{rec.title} ({rec.created[:16].replace('T', ' ')})"
            if rec.variant:
                label += f" – Variante {rec.variant}"
            self.run_combo.addItem(label, rec.run_id)
        index = self.run_combo.findData(current) if current else -1
        self.run_combo.setCurrentIndex(index if index >= 0 else (0 if self.runs else -1))
        self.run_combo.blockSignals(False)
        self._update_controls()
        chosen = self.current_run()
        if chosen is not None and (self.overlay is None or self.overlay.run_id != chosen or select):
            self.show_run(chosen)
        elif chosen is None:
            self.clear_overlay()

    def source(self):
        """The project as the shown role sees it (preview of the Rats-/Bürgerzwilling: released runs only)."""
        from layers.scene import role_source

        return role_source(self.main.project, self.main.role)

    def run_ids(self) -> list[str]:
        return [self.run_combo.itemData(i) for i in range(self.run_combo.count())]

    def current_run(self) -> str | None:
        return self.run_combo.currentData() if self.run_combo.count() else None

    @Slot(int)
    def _on_run_chosen(self, index: int) -> None:
        run_id = self.run_combo.itemData(index)
        if run_id:
            self.show_run(run_id)

    def show_run(self, run_id: str) -> None:
        """Load a run's overlay in a worker (draped on the current terrain) and draw it; ``overlay_shown`` follows."""
        index = self.run_combo.findData(run_id)
        if index >= 0 and index != self.run_combo.currentIndex():
            self.run_combo.blockSignals(True)
            self.run_combo.setCurrentIndex(index)
            self.run_combo.blockSignals(False)
        scene = self.main.scene
        if scene is None:
            self._pending = run_id
            return
        self._pending = None
        self._generation += 1
        generation, project, mode = self._generation, self.source(), self.mode()
        terrain = scene_terrain(scene)
        origin = scene.origin
        self.info.setText("Lade Ergebnis …")

        def task(progress, cancel):
            return generation, load_overlay(project, run_id, origin, terrain, mode=mode)

        self._workers.spawn(task, self._loaded)

    @Slot(str, object)
    def _loaded(self, outcome: str, payload: object) -> None:
        if outcome != OK:
            self.info.setText("")
            notify.error(self.main, f"Das Starkregen-Ergebnis kann nicht angezeigt werden: {payload}")
            return
        generation, overlay = payload
        if generation == self._generation:
            self.set_overlay(overlay)

    def set_overlay(self, overlay: FloodOverlay) -> None:
        """Draw an overlay (replacing the previous one) in the current display mode and time."""
        self.stop()
        self.overlay = overlay
        if overlay.classes_only:  # only the hazard map may be seen here
            self.mode_combo.blockSignals(True)
            self.set_mode("klassen")
            self.mode_combo.blockSignals(False)
        overlay.set_index(min(self.slider.value(), max(overlay.n_times - 1, 0)))
        overlay.set_mode(self.mode())
        draw_overlay(self.main, OVERLAY_NAME, overlay.mesh, self.show_box.isChecked())
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(overlay.n_times - 1, 0))
        self.slider.setValue(overlay.index)
        self.slider.blockSignals(False)
        self._update_controls()
        self._describe()
        self.main.view.refresh()
        self.overlay_shown.emit(overlay.run_id)

    def clear_overlay(self) -> None:
        self.stop()
        self.overlay = None
        self.main.view.actors.plotter.remove_actor(OVERLAY_NAME, render=False)
        self._update_controls()
        self._describe()
        self.main.view.refresh()
        self.overlay_shown.emit(None)

    @property
    def actor(self):
        """The overlay's actor in the 3D view (None if nothing is drawn)."""
        return self.main.view.actors.plotter.actors.get(OVERLAY_NAME)

    def run_done(self, outcome: str, payload: object) -> None:
        """Called when a simulation started from the main window ends: list and show the new run."""
        if outcome == OK:
            dock = getattr(self.main, "flood_dock", None)
            if dock is not None:
                dock.show()
                dock.raise_()
            self.refresh_runs(select=payload.run_id)
        self.run_finished.emit(outcome, payload)

    @Slot()
    def _on_scene_ready(self) -> None:
        if self.main.role != self._role:  # another twin is previewed: its runs (and what it may see of them)
            self.overlay = None
            self.refresh_runs()
        elif self._pending is not None:
            self.show_run(self._pending)

    # ----------------------------------------------------------------- display
    def mode(self) -> str:
        return self.mode_combo.currentData()

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    @Slot(int)
    def _on_mode(self, _: int) -> None:
        if self.mode() != "verlauf":
            self.stop()
        if self.overlay is not None:
            self.overlay.set_mode(self.mode())
            self.main.view.refresh()
        self._update_controls()
        self._describe()

    def set_time_index(self, index: int) -> None:
        """Show snapshot ``index`` (switches to „Wassertiefe-Verlauf“)."""
        if index == self.slider.value():
            self._on_slider(index)  # no valueChanged: still switch the mode
        else:
            self.slider.setValue(index)

    @Slot(int)
    def _on_slider(self, value: int) -> None:
        if self.overlay is None:
            return
        self.overlay.index = value  # set before a mode switch, which redraws once
        if self.mode() != "verlauf":
            self.set_mode("verlauf")
        else:
            self.overlay.set_index(value)
            self.main.view.refresh()
        self._describe()

    @Slot()
    def frame_overlay(self) -> None:
        """Point the camera (keeping its direction) at the deepest water: a box of :data:`FRAME_SIZE_M` around it."""
        ov = self.overlay
        if ov is None or ov.is_empty:
            return
        depth = ov.max_depth.ravel()[ov.cells]
        deepest = ov.mesh.extract_cells([int(np.argmax(depth))])
        centre = np.array(deepest.center)
        half = np.array([FRAME_SIZE_M / 2, FRAME_SIZE_M / 2, 5.0])
        renderer = self.main.view.actors.plotter.renderer
        renderer.ResetCamera(*np.ravel(np.column_stack([centre - half, centre + half])))
        renderer.ResetCameraClippingRange()
        self.main.view.refresh()

    @Slot(object)
    def _on_hovered(self, local_xyz) -> None:
        """Add the water depth under the mouse to the coordinates in the status bar."""
        ov = self.overlay
        if local_xyz is None or ov is None or ov.classes_only or not self.show_box.isChecked():
            return
        depth = ov.depth_at(local_xyz)
        label = self.main.coordinates
        if depth is not None and depth >= DEPTH_MIN_M and label.text():
            what = "max. Wassertiefe" if ov.current_time() is None else "Wassertiefe"
            label.setText(f"{label.text()}  {what} {_german(depth)} m")

    @Slot(bool)
    def _on_show(self, shown: bool) -> None:
        actor = self.actor
        if actor is not None:
            actor.SetVisibility(shown)
            self.main.view.refresh()

    # ----------------------------------------------------------------- animation
    @Slot(bool)
    def _on_play(self, playing: bool) -> None:
        if not playing:
            self.timer.stop()
            self.play_button.setText("Abspielen")
            return
        if self.overlay is None or self.overlay.n_times < 2:
            self.play_button.setChecked(False)
            return
        if self.mode() != "verlauf":
            self.set_mode("verlauf")
        if self.slider.value() >= self.slider.maximum():
            self.slider.setValue(0)
        self.play_button.setText("Pause")
        self.timer.start()

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def play(self) -> None:
        self.play_button.setChecked(True)

    def stop(self) -> None:
        self.play_button.setChecked(False)

    @Slot()
    def _tick(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self.stop()
            return
        self.slider.setValue(self.slider.value() + 1)

    # ----------------------------------------------------------------- texts
    def _update_controls(self) -> None:
        has = self.overlay is not None and self.overlay.n_times > 0
        self.mode_combo.setEnabled(self.overlay is None or not self.overlay.classes_only)
        self.slider.setEnabled(has)
        self.play_button.setEnabled(has and self.overlay.n_times > 1)
        self.show_box.setEnabled(self.overlay is not None)
        self.frame_button.setEnabled(self.overlay is not None and not self.overlay.is_empty)

    def _describe(self) -> None:
        ov = self.overlay
        rows = legend(self.mode())
        title = "Gefahrenklasse (max. Tiefe)" if self.mode() == "klassen" else "Wassertiefe"
        self.legend_label.setText(f"<b>{title}</b><br>" + "<br>".join(
            f"<span style='background:{c}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{label}" for c, label in rows))
        if ov is None:
            self.time_label.setText("Modellzeit: –")
            self.info.setText("Noch keine Starkregen-Berechnung." if not self.runs else "")
            return
        t = ov.current_time()
        if t is None:
            self.time_label.setText("Maximum über die ganze Simulationsdauer")
        else:
            self.time_label.setText(f"Modellzeit: {time_label(t)} (Zwischenstand {ov.index + 1} von {ov.n_times})")
        rec = next((r for r in self.runs if r.run_id == ov.run_id), None)
        if ov.classes_only:
            top = int(hazard_classes(ov.max_depth).max()) if ov.max_depth.size else 0
            self.info.setText(f"Freigegebene Gefahrenkarte · höchste Klasse: {HAZARD_CLASSES[top][1]}")
            return
        lines = [f"max. Tiefe {_german(float(ov.max_depth.max()))} m"]
        if rec is not None:
            lines += [f"{rec.affected_buildings} Gebäude betroffen",
                      f"{rec.flooded_roads} Straßenabschnitte überflutet"]
            if rec.variant:
                lines.append(f"Variante: {rec.variant}")
        self.info.setText(" · ".join(lines))

    def close_panel(self) -> None:
        """Stop the animation and wait for loading workers (before the 3D view goes away)."""
        self.timer.stop()
        self._workers.wait_all()
        progress = getattr(self.main, "heavy_rain_progress", None)
        if progress is not None:  # a simulation was cancelled by closing the window
            progress.close()
            self.main.heavy_rain_progress = None


def install_flood(window: MainWindow) -> FloodPanel:
    """Add the „Starkregen“ dock (right side) and the menu „Simulation“ (running only when writable)."""
    panel = FloodPanel(window)
    dock = add_result_dock(window, panel, "Starkregen", "Starkregen-&Ergebnisse")
    menu = simulation_menu(window)
    if not window.read_only:
        from views.heavy_rain_dialog import ask_heavy_rain

        act = QAction("&Starkregen …", window)
        act.setObjectName("starkregen_simulieren")
        act.triggered.connect(lambda: ask_heavy_rain(window))
        menu.addAction(act)
        menu.addSeparator()
    menu.addAction(dock.toggleViewAction())
    dock.setVisible(bool(panel.runs))
    window._inspector_dock.raise_()
    # a click in the 3D view shows the feature in „Eigenschaften“: bring that tab to the front
    window.view.picked.connect(lambda pick: window._inspector_dock.raise_() if pick is not None else None)
    window.flood_dock = dock
    window.heavy_rain_progress = None
    return panel
