"""The „Sensoren“ dock: a time slider that colours the sensors in the 3D view by their value at that time,
the work list of the sensor rules at that time (marked in the 3D view), its export as a field package, and
the chart of a picked sensor (or of the sensors of a picked tree) in the inspector.

The series are read once per scene in a worker through the shown role's policy
(:func:`layers.sensors.load_sensor_series`); moving the slider only recolours the sensors layer. The rules
are evaluated in a worker (:func:`twin.sensors.rules.evaluate`, at most one at a time; the newest slider
position wins). Menu „Ansicht“: the dock's show/hide entry.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from zoneinfo import ZoneInfo

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSlider, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from layers.sensors import SENSOR_LAYER, SensorSeries, legend, load_sensor_series, rule_marks
from twin.errors import TwinError
from twin.model.sensors import KINDS, SENSORS
from twin.sensors.rules import Match, evaluate
from twin.user import current_user
from views import notify
from views.result_dock import Workers, add_result_dock, add_view_toggle
from views.workers import CANCELLED, OK

if TYPE_CHECKING:
    from views.main_window import MainWindow

LOCAL = ZoneInfo("Europe/Berlin")
STEP = 900  # slider step: 15 minutes
MARKS = "_sensorregeln"
MARK_COLOUR = "#e6007e"  # magenta: no data colour uses it
#: days of the chart in the inspector, up to the slider's time
CHART_DAYS = 7


def local_time(t: int) -> str:
    return datetime.fromtimestamp(int(t), LOCAL).strftime("%d.%m.%Y %H:%M")


def _german(v: float) -> str:
    return f"{v:.1f}".replace(".", ",")


class SensorPanel(QWidget):
    """Time slider, legend, work list and its field-package export; draws in ``window.view``."""

    series_loaded = Signal()
    worklist_changed = Signal()
    export_finished = Signal(str, object)  # outcome, ExportResult or message

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.series: SensorSeries | None = None
        self.matches: list[Match] = []
        self._marked: list[Match] = []
        self._generation = 0
        self._rules_busy = False
        self._rules_again = False
        self._workers = Workers(self)

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setToolTip("Zeitpunkt der Messwerte (Schritte von 15 Minuten)")
        self.slider.valueChanged.connect(self._on_slider)
        self.time_label = QLabel("–")
        self.time_label.setMinimumWidth(110)
        self.colour_box = QCheckBox("Sensoren nach Messwert färben")
        self.colour_box.setChecked(True)
        self.colour_box.toggled.connect(lambda _=False: self.recolour())
        self.marks_box = QCheckBox("Treffer der Regeln in der Ansicht markieren")
        self.marks_box.setChecked(True)
        self.marks_box.toggled.connect(self._on_marks_box)
        self.legend_label = QLabel()
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Aufgabe", "Objekt", "Wert", "seit"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(self._on_row)
        self.export_button = QPushButton("Als Feldpaket exportieren …")
        self.export_button.setToolTip("Die Objekte der Arbeitsliste (z. B. die Bäume zum Gießen) als Feldpaket "
                                      "für QField")
        self.export_button.clicked.connect(self.ask_export)
        self.export_button.setEnabled(False)
        self.info = QLabel()
        self.info.setWordWrap(True)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Zeit:"))
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        layout.addLayout(row)
        layout.addWidget(self.colour_box)
        layout.addWidget(self.marks_box)
        layout.addWidget(self.legend_label)
        layout.addWidget(QLabel("Arbeitsliste (Sensorregeln zu diesem Zeitpunkt):"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.export_button)
        layout.addWidget(self.info)

        self._rules_timer = QTimer(self)
        self._rules_timer.setSingleShot(True)
        self._rules_timer.setInterval(150)
        self._rules_timer.timeout.connect(self.evaluate_rules)
        window.scene_ready.connect(self.reload)
        window.feature_selected.connect(self.show_charts)

    # ----------------------------------------------------------------- series
    def session(self):
        return self.main.project.session(self.main.role or "verwaltung")

    def busy(self) -> bool:
        """Whether series are loading or rules are being evaluated (or about to be)."""
        return len(self._workers) > 0 or self._rules_timer.isActive()

    @Slot()
    def reload(self) -> None:
        """Read the series of the visible sensors (worker); the slider then spans them, at the newest value."""
        self._generation += 1
        generation, session = self._generation, self.session()
        if not session.store.has_layer(SENSORS.name) or not session.can_read(SENSORS.name):
            self._loaded(OK, (generation, None))
            return
        self.info.setText("Lade Messwerte …")
        self._workers.spawn(lambda progress, cancel: (generation, load_sensor_series(session)), self._loaded)

    @Slot(str, object)
    def _loaded(self, outcome: str, payload: object) -> None:
        if outcome != OK:
            notify.error(self.main, f"Die Sensordaten können nicht gelesen werden: {payload}")
            return
        generation, series = payload
        if generation != self._generation:
            return
        self.series = series if series is not None and series.ids else None
        self.slider.blockSignals(True)
        if self.series is None:
            self.slider.setRange(0, 0)
            self.time_label.setText("–")
            self.info.setText("Keine Sensoren mit Messwerten in diesem Zwilling.")
        else:
            steps = max((self.series.end - self.series.start) // STEP, 0)
            self.slider.setRange(0, int(steps))
            self.slider.setValue(int(steps))
            self.info.setText(f"{len(self.series.ids)} Sensoren, Messwerte vom {local_time(self.series.start)} "
                              f"bis {local_time(self.series.end)}.")
        self.slider.blockSignals(False)
        self._update_legend()
        self._show_time()
        self.recolour()
        self.series_loaded.emit()
        self.evaluate_rules()

    def time(self) -> int | None:
        """The slider's time (Unix seconds), None without series."""
        if self.series is None:
            return None
        return min(self.series.start + self.slider.value() * STEP, self.series.end)

    def set_time(self, t: int) -> None:
        """Move the slider to the step at or before ``t``."""
        if self.series is not None:
            self.slider.setValue(int((t - self.series.start) // STEP))

    @Slot(int)
    def _on_slider(self, _value: int) -> None:
        self._show_time()
        self.recolour()
        self._rules_timer.start()

    def _show_time(self) -> None:
        t = self.time()
        self.time_label.setText("–" if t is None else local_time(t))

    def _update_legend(self) -> None:
        if self.series is None:
            self.legend_label.clear()
            return
        parts = []
        for kind in self.series.kinds_present():
            title, unit, lo, hi, c_lo, c_hi = legend(kind)
            parts.append(f"<span style='color:{c_lo}'>●</span> {_german(lo)} … "
                         f"<span style='color:{c_hi}'>●</span> {_german(hi)} {unit} {title}")
        parts.append("<span style='color:#9e9e9e'>●</span> kein aktueller Wert"
                     f" &nbsp; <span style='color:{MARK_COLOUR}'>●</span> Regel trifft zu")
        self.legend_label.setText("<br>".join(parts))

    def sensor_layer(self):
        scene = self.main.scene
        if scene is None:
            return None
        return next((la for la in scene.layers if la.config.source == SENSOR_LAYER.source and not la.is_empty), None)

    def recolour(self) -> None:
        """Colour the sensors layer by the values at the slider's time (or by its style when switched off)."""
        from layers.style import class_colours

        layer = self.sensor_layer()
        if layer is None:
            return
        t = self.time()
        if self.colour_box.isChecked() and t is not None:
            rgba = self.series.colours_at(t, layer.feature_keys)
        else:
            kinds = [self.series.kinds[self.series.index(k)] if self.series and k in self.series.ids else None
                     for k in layer.feature_keys]
            rgba = class_colours(kinds, layer.config.style)
        layer.mesh.point_data["rgba"] = rgba
        layer.mesh.cell_data["rgba"] = rgba
        layer.mesh.Modified()
        self.main.view.refresh()

    def values_at_time(self) -> dict[str, float]:
        """Sensor id -> value at the slider's time (NaN: none), as coloured."""
        t = self.time()
        if self.series is None or t is None:
            return {}
        return dict(zip(self.series.ids, self.series.values_at(t).tolist()))

    # ----------------------------------------------------------------- rules
    @Slot()
    def evaluate_rules(self) -> None:
        """Evaluate the rules at the slider's time in a worker; the work list and the marks follow."""
        t, scene = self.time(), self.main.scene
        if t is None or scene is None:
            self.matches = []
            self._show_matches([], None)
            return
        if self._rules_busy:
            self._rules_again = True
            return
        self._rules_busy = True
        project, session, origin, generation = self.main.project, self.session(), scene.origin, self._generation
        from twin.sensors.worklist import project_rules

        def task(progress, cancel):
            matches = evaluate(session, project_rules(project), t)
            marks, kept = rule_marks(project, session, matches, origin)
            return generation, t, matches, marks, kept

        self._workers.spawn(task, self._evaluated)

    @Slot(str, object)
    def _evaluated(self, outcome: str, payload: object) -> None:
        self._rules_busy = False
        if outcome != OK:
            self.info.setText(f"Sensorregeln nicht auswertbar: {payload}")
            return
        generation, t, matches, marks, kept = payload
        if self._rules_again or generation != self._generation or t != self.time():
            self._rules_again = False
            self.evaluate_rules()
            return
        self.matches = matches
        self._show_matches(kept, marks)
        self.worklist_changed.emit()

    def _show_matches(self, kept: list[Match], marks) -> None:
        self._marked = kept
        self.table.setRowCount(len(self.matches))
        for r, m in enumerate(self.matches):
            unit = self.series.units[self.series.index(m.sensor_id)] if self.series and m.sensor_id in self.series.ids else ""
            obj = f"{m.objekt_schluessel} ({m.objekt_layer})" if m.objekt_schluessel else m.sensor_id
            for c, text in enumerate((m.aufgabe or m.rule, obj, f"{_german(m.value)} {unit}".strip(), local_time(m.seit))):
                item = QTableWidgetItem(text)
                item.setToolTip(f"Regel „{m.rule}“, Sensor {m.sensor_id}")
                self.table.setItem(r, c, item)
        self.export_button.setEnabled(any(m.objekt_layer and m.objekt_schluessel for m in self.matches)
                                      and not self.main.read_only)
        plotter = self.main.view.actors.plotter
        plotter.remove_actor(MARKS, render=False)
        if marks is not None and marks.n_points:
            actor = plotter.add_mesh(marks, color=MARK_COLOUR, point_size=22, render_points_as_spheres=True,
                                     name=MARKS, pickable=False, render=False, opacity=0.85)
            actor.SetVisibility(self.marks_box.isChecked())
        self.main.view.refresh()

    @Slot(bool)
    def _on_marks_box(self, checked: bool) -> None:
        actor = self.main.view.actors.plotter.actors.get(MARKS)
        if actor is not None:
            actor.SetVisibility(checked)
            self.main.view.refresh()

    def mark_positions(self) -> np.ndarray:
        """Local coordinates of the drawn rule marks (empty: none)."""
        actor = self.main.view.actors.plotter.actors.get(MARKS)
        if actor is None:
            return np.zeros((0, 3))
        return np.asarray(actor.GetMapper().GetInput().GetPoints().GetData()).reshape(-1, 3).copy()

    @Slot(int, int)
    def _on_row(self, row: int, _col: int) -> None:
        """Double click on a work item: select its feature (or sensor) in the 3D view."""
        m = self.matches[row]
        scene = self.main.scene
        if scene is None:
            return
        for table, key in ((m.objekt_layer, m.objekt_schluessel), (SENSORS.name, m.sensor_id)):
            for layer in scene.layers:
                if layer.feature_table == table and key in layer.feature_keys:
                    cell = int(np.flatnonzero(layer.mesh.cell_data["feature_id"] == layer.feature_keys.index(key))[0])
                    self.main.select_feature(layer.name, cell)
                    return

    # ----------------------------------------------------------------- export
    def ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.main, "Leeren Ordner für das Feldpaket wählen")
        if folder:
            self.export(folder)

    def export(self, out: str):
        """Write the work list as a field package (worker with progress); ``export_finished`` follows."""
        from twin.sensors.worklist import export_worklist
        from views.progress_dialog import ProgressDialog

        project, matches, now, actor = self.main.project, list(self.matches), self.time(), current_user()
        dialog = ProgressDialog("Schreibe das Feldpaket der Arbeitsliste …", "Arbeitsliste exportieren", self.main)
        dialog.show()

        def task(progress, cancel):
            return export_worklist(project, matches, out, now=now, actor=actor, progress=progress, cancel=cancel)

        def done(outcome: str, payload: object) -> None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()
            if outcome == OK:
                counts = ", ".join(f"{k}: {v}" for k, v in payload.counts.items())  # type: ignore[attr-defined]
                self.main.statusBar().showMessage(f"Arbeitsliste als Feldpaket geschrieben: {out} ({counts})")
                if self.main.field_panel is not None:
                    self.main.field_panel.refresh()
            elif outcome == CANCELLED:
                self.main.statusBar().showMessage("Export abgebrochen; es wurde nichts geschrieben.", 8000)
            else:
                notify.error(self.main, f"Die Arbeitsliste konnte nicht exportiert werden: {payload}")
            self.export_finished.emit(outcome, payload)

        def connect(worker) -> None:
            worker.progress.connect(dialog.report)
            worker.done.connect(done)
            dialog.canceled.connect(worker.cancel)
        return self.main._start(task, connect)

    # ----------------------------------------------------------------- inspector chart
    @Slot(object, object)
    def show_charts(self, table: str | None, key: str | None) -> None:
        """Charts of the sensor ``key`` (table sensors) or of the sensors of the feature, up to the slider's time."""
        from layers.sensor_chart import series_chart_png
        from twin.sensors import access
        from twin.sensors.worklist import project_rules

        inspector = self.main.inspector
        if table is None or key is None:
            inspector.show_charts([])
            return
        session = self.session()
        try:
            if not session.store.has_layer(SENSORS.name) or not session.can_read(SENSORS.name):
                inspector.show_charts([])
                return
            if table == SENSORS.name:
                sensors = [f for f in [session.get(SENSORS.name, key)] if f is not None]
            else:
                sensors = [f for f in access.visible_sensors(session)
                           if f.attrs.get("objekt_layer") == table and f.attrs.get("objekt_schluessel") == key]
            end = self.time() or max((t for t, _ in access.latest(session, [f.attrs[SENSORS.key] for f in sensors]).values()),
                                     default=0)
            rules = project_rules(self.main.project)
            images = []
            for f in sensors[:4]:
                sid, kind = f.attrs[SENSORS.key], f.attrs.get("art") or ""
                t, v = access.window(session, sid, end - CHART_DAYS * 86400, end + 1)
                title, unit = KINDS.get(kind, (kind, ""))
                marks = [(r.schwelle, f"{r.name}: {'<' if r.bedingung == 'unter' else '>'} {_german(r.schwelle)}")
                         for r in rules if r.art == kind]
                images.append(series_chart_png(t, v, title=f"{title} – {f.attrs.get('name') or sid}",
                                               unit=f.attrs.get("einheit") or unit, mark=end, thresholds=marks))
        except TwinError as exc:
            inspector.show_charts([])
            self.info.setText(f"Messreihe nicht lesbar: {exc}")
            return
        inspector.show_charts(images)

    def close_panel(self) -> None:
        self._rules_timer.stop()
        self._workers.wait_all()


def install_sensors(window: MainWindow) -> SensorPanel:
    """Add the „Sensoren“ dock (a tab next to „Eigenschaften“) and its entry in the menu „Ansicht“."""
    panel = SensorPanel(window)
    dock = add_result_dock(window, panel, "Sensoren", "&Sensoren")
    add_view_toggle(window, dock)
    window.sensor_dock = dock
    return panel
