"""The „Hitze“ dock: choose a heat run, show one of its maps over the terrain, step through the hours, compare.

Like the „Starkregen“ dock the overlay (:mod:`layers.heat`) is one extra actor in the main 3D view, not
pickable, outside the layer tree; its mesh is built once per run (in a worker), a display or an hour only
swaps the cell colours. Rasters and runs are read through the role view, so the Bürgerzwilling preview
lists only released runs and offers only the maps of the daily maximum. Menu „Simulation“: „Hitze …“ (not
in a published, read-only twin) and the dock's show/hide entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from twin.user import current_user
from layers.heat import MODES, OVERLAY_NAME, HeatOverlay, legend, load_heat_overlay
from twin.errors import TwinError
from twin.sim.heat.record import HeatRunRecord, compare_heat_runs, list_heat_runs, release_heat_run
from views import notify
from views.result_dock import Workers, add_result_dock, draw_overlay, scene_terrain, simulation_menu
from views.workers import OK, Task

if TYPE_CHECKING:
    from views.main_window import MainWindow


def _german(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def _m2(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") + " m²"


def _hour(h: float) -> str:
    return f"{h:g} Uhr".replace(".", ",")


def run_label(rec: HeatRunRecord) -> str:
    """„Titel (15.07.2026)“ with the variant, for the run lists."""
    y, m, d = (rec.day.split("-") + ["", "", ""])[:3]
    label = f"{rec.title or rec.run_id} ({d}.{m}.{y})" if d else rec.title or rec.run_id
    return label + (f" – Variante {rec.variant}" if rec.variant else "")


class HeatPanel(QWidget):
    """Run, display, hour, comparison, release, legend; draws the overlay in ``window.view``."""

    overlay_shown = Signal(object)  # run id (None: nothing shown)
    display_changed = Signal(str)  # the display now drawn
    compared = Signal(object)  # HeatComparison, or None when the comparison was removed
    run_finished = Signal(str, object)  # outcome (ok/failed/cancelled), HeatRunRecord or message

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.overlay: HeatOverlay | None = None
        self.runs: list[HeatRunRecord] = []
        self._pending: str | None = None  # run to show once the scene (terrain) is there
        self._generation = 0
        self._workers = Workers(self)
        self._role = window.role
        self._wanted = "klasse_max"  # the display the user chose last (kept across runs)

        self.run_combo = QComboBox()
        self.run_combo.setMinimumContentsLength(24)
        self.run_combo.setToolTip("Berechnete Hitze-Läufe (neueste zuerst)")
        self.run_combo.currentIndexChanged.connect(self._on_run_chosen)
        self.mode_combo = QComboBox()
        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setToolTip("Stunde der stündlichen Darstellungen")
        self.slider.valueChanged.connect(self._on_slider)
        self.hour_label = QLabel("–")
        self.hour_label.setMinimumWidth(52)
        self.compare_combo = QComboBox()
        self.compare_combo.setToolTip("ΔUTCI am Tagesmaximum: dieser Lauf minus der gewählte (z. B. Variante gegen Bestand)")
        self.compare_combo.currentIndexChanged.connect(self._on_compare)
        self.release_box = QCheckBox("Für Bürger freigeben")
        self.release_box.setToolTip("Die Karten des Tagesmaximums im Bürgerzwilling zeigen")
        self.release_box.toggled.connect(self._on_release)
        self.show_box = QCheckBox("Hitzekarte anzeigen")
        self.show_box.setChecked(True)
        self.show_box.toggled.connect(self._on_show)
        self.legend_label = QLabel()
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.info = QLabel()
        self.info.setWordWrap(True)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Lauf:", self.run_combo)
        form.addRow("Darstellung:", self.mode_combo)
        hour_row = QHBoxLayout()
        hour_row.addWidget(self.slider, 1)
        hour_row.addWidget(self.hour_label)
        form.addRow("Stunde:", hour_row)
        form.addRow("Vergleichen mit …", self.compare_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        box_row = QHBoxLayout()
        box_row.addWidget(self.show_box)
        box_row.addWidget(self.release_box)
        box_row.addStretch(1)
        layout.addLayout(box_row)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.info)
        layout.addStretch(1)

        window.scene_ready.connect(self._on_scene_ready)
        window.view.hovered.connect(self._on_hovered)  # after the main window's own slot: adds the value
        self.refresh_runs()

    # ----------------------------------------------------------------- runs
    def source(self):
        """The project as the shown role sees it."""
        from layers.scene import role_source

        return role_source(self.main.project, self.main.role)

    def refresh_runs(self, select: str | None = None) -> None:
        """Fill the run list (newest first) and show ``select`` (default: the current or the newest run)."""
        self._role = self.main.role
        try:
            self.runs = list_heat_runs(self.source())
        except TwinError as exc:
            self.runs = []
            self.info.setText(f"Keine Hitze-Läufe lesbar: {exc}")
        current = select or self.current_run()
        self.run_combo.blockSignals(True)
        self.run_combo.clear()
        for rec in self.runs:
            self.run_combo.addItem(run_label(rec), rec.run_id)
            self.run_combo.setItemData(self.run_combo.count() - 1, f"berechnet {rec.created[:16].replace('T', ' ')}",
                                       Qt.ItemDataRole.ToolTipRole)
        index = self.run_combo.findData(current) if current else -1
        self.run_combo.setCurrentIndex(index if index >= 0 else (0 if self.runs else -1))
        self.run_combo.blockSignals(False)
        self._fill_compare()
        self._update_controls()
        chosen = self.current_run()
        if chosen is not None and (self.overlay is None or self.overlay.run_id != chosen or select):
            self.show_run(chosen)
        elif chosen is None:
            self.clear_overlay()
        else:
            self._describe()

    def run_ids(self) -> list[str]:
        return [self.run_combo.itemData(i) for i in range(self.run_combo.count())]

    def current_run(self) -> str | None:
        return self.run_combo.currentData() if self.run_combo.count() else None

    def record(self, run_id: str | None = None) -> HeatRunRecord | None:
        run_id = run_id or self.current_run()
        return next((r for r in self.runs if r.run_id == run_id), None)

    @Slot(int)
    def _on_run_chosen(self, index: int) -> None:
        run_id = self.run_combo.itemData(index)
        self._fill_compare()
        self._update_controls()
        if run_id:
            self.show_run(run_id)

    def _spawn(self, task: Task, slot) -> None:
        self._workers.spawn(task, slot)

    def show_run(self, run_id: str) -> None:
        """Load a run's overlay in a worker (draped on the current terrain); ``overlay_shown`` follows."""
        index = self.run_combo.findData(run_id)
        if index >= 0 and index != self.run_combo.currentIndex():
            self.run_combo.blockSignals(True)
            self.run_combo.setCurrentIndex(index)
            self.run_combo.blockSignals(False)
            self._fill_compare()
        scene = self.main.scene
        if scene is None:
            self._pending = run_id
            return
        self._pending = None
        self._generation += 1
        generation, project, mode, origin = self._generation, self.source(), self._wanted, scene.origin
        terrain = scene_terrain(scene)
        self.info.setText("Lade Ergebnis …")
        self._spawn(lambda progress, cancel: (generation, load_heat_overlay(project, run_id, origin, terrain,
                                                                              mode=mode)), self._loaded)

    @Slot(str, object)
    def _loaded(self, outcome: str, payload: object) -> None:
        if outcome != OK:
            self.info.setText("")
            notify.error(self.main, f"Das Hitze-Ergebnis kann nicht angezeigt werden: {payload}")
            return
        generation, overlay = payload
        if generation == self._generation:
            self.set_overlay(overlay)

    def set_overlay(self, overlay: HeatOverlay) -> None:
        """Draw an overlay (replacing the previous one) in its display."""
        self.overlay = overlay
        self.compare_combo.blockSignals(True)
        self.compare_combo.setCurrentIndex(0)
        self.compare_combo.blockSignals(False)
        self._fill_modes()
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(overlay.hours) - 1, 0))
        self.slider.setValue(overlay.hour_index)
        self.slider.blockSignals(False)
        draw_overlay(self.main, OVERLAY_NAME, overlay.mesh, self.show_box.isChecked(), force_opaque=True)
        self._update_controls()
        self._describe()
        self.main.view.refresh()
        self.overlay_shown.emit(overlay.run_id)

    def clear_overlay(self) -> None:
        self.overlay = None
        self.main.view.actors.plotter.remove_actor(OVERLAY_NAME, render=False)
        self._fill_modes()
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
            dock = getattr(self.main, "heat_dock", None)
            if dock is not None:
                dock.show()
                dock.raise_()
            self.refresh_runs(select=payload.run_id)
        self.run_finished.emit(outcome, payload)

    @Slot()
    def _on_scene_ready(self) -> None:
        if self.main.role != self._role:  # another twin is previewed: its runs and what it may see of them
            self.overlay = None
            self.refresh_runs()
        elif self._pending is not None:
            self.show_run(self._pending)

    # ----------------------------------------------------------------- display
    def modes(self) -> list[str]:
        return [self.mode_combo.itemData(i) for i in range(self.mode_combo.count())]

    def mode(self) -> str | None:
        return self.mode_combo.currentData()

    def set_mode(self, mode: str) -> None:
        """Choose a display (its raster is read in a worker; ``display_changed`` follows)."""
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def _fill_modes(self) -> None:
        ov = self.overlay
        self.mode_combo.blockSignals(True)
        self.mode_combo.clear()
        for key in ov.modes() if ov is not None else []:
            self.mode_combo.addItem(MODES[key][0], key)
        if ov is not None:
            self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(ov.mode), 0))
        self.mode_combo.blockSignals(False)

    @Slot(int)
    def _on_mode(self, _: int) -> None:
        mode, ov = self.mode(), self.overlay
        if ov is None or mode is None:
            return
        if mode != "delta":
            self._wanted = mode
        key = MODES[mode][1]
        if key is None or key in ov.grids:
            self._apply_mode(mode)
            return
        project = self.source()
        self.info.setText("Lade Raster …")

        def task(progress, cancel):
            ov.ensure(project, mode)
            return ov, mode

        self._spawn(task, self._ensured)

    @Slot(str, object)
    def _ensured(self, outcome: str, payload: object) -> None:
        if outcome != OK:
            notify.error(self.main, f"Die Darstellung kann nicht geladen werden: {payload}")
            self._describe()
            return
        ov, mode = payload
        if ov is self.overlay and mode == self.mode():
            self._apply_mode(mode)

    def _apply_mode(self, mode: str) -> None:
        self.overlay.set_mode(mode, self.slider.value())
        self._update_controls()
        self._describe()
        self.main.view.refresh()
        self.display_changed.emit(mode)

    @Slot(int)
    def _on_slider(self, value: int) -> None:
        ov = self.overlay
        if ov is None:
            return
        if ov.needs_hour() and ov.shown_grid() is not None:
            ov.set_mode(ov.mode, value)
            self.main.view.refresh()
        else:
            ov.hour_index = value
        self._describe()

    def set_hour_index(self, index: int) -> None:
        self.slider.setValue(index)

    # ----------------------------------------------------------------- comparison
    def _fill_compare(self) -> None:
        current = self.current_run()
        self.compare_combo.blockSignals(True)
        self.compare_combo.clear()
        self.compare_combo.addItem("– kein Vergleich –", None)
        for rec in self.runs:
            if rec.run_id != current:
                self.compare_combo.addItem(run_label(rec), rec.run_id)
        self.compare_combo.blockSignals(False)

    def compare_with(self, run_id: str | None) -> None:
        """Compare the shown run with ``run_id`` (None: no comparison); ``compared`` follows."""
        self.compare_combo.setCurrentIndex(max(self.compare_combo.findData(run_id), 0) if run_id else 0)

    @Slot(int)
    def _on_compare(self, _: int) -> None:
        other, ov = self.compare_combo.currentData(), self.overlay
        if ov is None:
            return
        if other is None:
            ov.set_comparison(None)
            self._fill_modes()
            self._apply_mode(ov.mode)
            self.compared.emit(None)
            return
        project, current = self.source(), ov.run_id
        self.info.setText("Vergleiche …")
        self._spawn(lambda progress, cancel: (ov, compare_heat_runs(project, other, current)), self._compared)

    @Slot(str, object)
    def _compared(self, outcome: str, payload: object) -> None:
        if outcome == OK:
            ov, cmp = payload
            if ov is not self.overlay or cmp.before != self.compare_combo.currentData():
                return
            try:
                ov.set_comparison(cmp)
            except ValueError as exc:
                outcome, payload = "failed", str(exc)
            else:
                self._fill_modes()
                if self.mode() == "delta":  # compared again: no index change, redraw here
                    self._apply_mode("delta")
                else:
                    self.set_mode("delta")  # delta needs no raster: drawn at once
                self.compared.emit(cmp)
                return
        self.compare_combo.blockSignals(True)
        self.compare_combo.setCurrentIndex(0)
        self.compare_combo.blockSignals(False)
        self._describe()
        notify.error(self.main, f"Die Hitze-Läufe lassen sich nicht vergleichen: {payload}")
        self.compared.emit(None)

    # ----------------------------------------------------------------- release, hover, visibility
    @Slot(bool)
    def _on_release(self, public: bool) -> None:
        rec = self.record()
        if rec is None or rec.released == public:
            return
        try:
            release_heat_run(self.main.project, rec.run_id, public, actor=current_user())
        except TwinError as exc:
            self.release_box.blockSignals(True)
            self.release_box.setChecked(rec.released)
            self.release_box.blockSignals(False)
            notify.error(self.main, f"Freigabe nicht möglich: {exc}")
            return
        rec.released = public
        self.main.statusBar().showMessage(
            f"Hitze-Lauf „{rec.title}“ " + ("für den Bürgerzwilling freigegeben" if public
                                            else "nicht mehr für Bürger freigegeben"), 8000)

    @Slot(object)
    def _on_hovered(self, local_xyz) -> None:
        """Add the shown value under the mouse to the coordinates in the status bar."""
        ov = self.overlay
        if local_xyz is None or ov is None or not self.show_box.isChecked():
            return
        value = ov.value_at(local_xyz)
        label = self.main.coordinates
        if value is not None and label.text():
            label.setText(f"{label.text()}  {ov.describe_value(value)}")

    @Slot(bool)
    def _on_show(self, shown: bool) -> None:
        actor = self.actor
        if actor is not None:
            actor.SetVisibility(shown)
            self.main.view.refresh()

    # ----------------------------------------------------------------- texts
    def _update_controls(self) -> None:
        ov = self.overlay
        self.mode_combo.setEnabled(ov is not None and self.mode_combo.count() > 1)
        self.slider.setEnabled(ov is not None and ov.needs_hour() and len(ov.hours) > 1)
        self.hour_label.setEnabled(self.slider.isEnabled())
        self.compare_combo.setEnabled(ov is not None and self.compare_combo.count() > 1)
        self.show_box.setEnabled(ov is not None)
        admin = self.main.role is None and not self.main.read_only
        self.release_box.setVisible(admin)
        rec = self.record()
        self.release_box.setEnabled(admin and rec is not None)
        self.release_box.blockSignals(True)
        self.release_box.setChecked(bool(rec and rec.released))
        self.release_box.blockSignals(False)

    def _describe(self) -> None:
        ov = self.overlay
        mode = ov.mode if ov is not None else self._wanted
        self.legend_label.setText(f"<b>{MODES[mode][0]}</b><br>" + "<br>".join(
            f"<span style='background:{c}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{label}" for c, label in legend(mode)))
        if ov is None:
            self.hour_label.setText("–")
            self.info.setText("Noch keine Hitze-Berechnung." if not self.runs else "")
            return
        self.hour_label.setText(_hour(ov.hours[self.slider.value()]) if ov.hours else "–")
        rec = self.record(ov.run_id)
        lines = []
        if rec is not None:
            lines.append(f"Starker Hitzestress oder mehr: {_m2(rec.strong_heat_m2)}")
            if rec.utci_max_c == rec.utci_max_c:  # not NaN
                lines.append(f"höchster UTCI {_german(rec.utci_max_c)} °C")
            if rec.variant:
                lines.append(f"Variante: {rec.variant}")
        text = " · ".join(lines)
        if ov.comparison is not None:
            text += ("<br>" if text else "") + ov.comparison.summary()
        self.info.setText(text)

    def close_panel(self) -> None:
        """Wait for loading workers (before the 3D view goes away) and close a simulation's progress dialog."""
        self._workers.wait_all()
        progress = getattr(self.main, "heat_progress", None)
        if progress is not None:
            progress.close()
            self.main.heat_progress = None


def install_heat(window: MainWindow) -> HeatPanel:
    """Add the „Hitze“ dock (a tab next to „Eigenschaften“) and its entries in the menu „Simulation“."""
    panel = HeatPanel(window)
    dock = add_result_dock(window, panel, "Hitze", "&Hitze-Ergebnisse")
    menu = simulation_menu(window)
    separator = next((a for a in menu.actions() if a.isSeparator()), None)
    if not window.read_only:
        from views.heat_dialog import ask_heat

        act = QAction("&Hitze …", window)
        act.setObjectName("hitze_simulieren")
        act.triggered.connect(lambda: ask_heat(window))
        if separator is not None:
            menu.insertAction(separator, act)
        else:
            menu.addAction(act)
    menu.addAction(dock.toggleViewAction())
    dock.setVisible(bool(panel.runs))
    window._inspector_dock.raise_()
    window.heat_dock = dock
    window.heat_progress = None
    return panel
