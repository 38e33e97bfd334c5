"""„Simulation > Hitze …“: the heat-day dialog and the run in a worker with progress and „Abbrechen“.

The weather is a synthetic design day (:data:`twin.sim.heat.weather.PRESETS`) or an hourly CSV file; the
run itself is :func:`twin.sim.heat.run.run_heat`; cancelling leaves no run behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget)

from twin.dem import project_dem
from twin.errors import TwinError
from twin.project import Project
from twin.sim.heat.weather import PRESETS, HotDay, preset, read_weather_csv
from twin.variants import list_variants
from views import notify
from views.progress_dialog import run_with_progress
from views.workers import Worker

if TYPE_CHECKING:
    from views.main_window import MainWindow

CSV = "csv"
#: cell sizes offered besides the DEM resolution [m]
CELL_SIZES = (1.0, 2.0, 5.0, 10.0)


def _metres(value: float) -> str:
    return f"{value:g} m".replace(".", ",")


@dataclass(frozen=True)
class HeatRequest:
    """What the dialog asks for: the arguments of :func:`run_heat`."""

    title: str
    day: dt.date
    weather: HotDay
    hours: tuple[float, ...]
    cell_size_m: float | None  # None: the DEM resolution
    variant: str | None


class HeatDialog(QDialog):
    """Title, day, weather, hours, cell size, variant. ``request()`` after ``exec()``."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Hitze simulieren")
        self.setMinimumWidth(520)

        self.title = QLineEdit("Heißer Tag")
        self.day = QDateEdit(QDate(dt.date.today().year, 7, 15))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.weather = QComboBox()
        for name, label in PRESETS.items():
            self.weather.addItem(label, name)
        self.weather.addItem("aus CSV-Datei …", CSV)
        self.weather.setToolTip("Synthetische Bemessungstage (DWD-Definitionen) oder eigene Stundenwerte")
        self.weather.currentIndexChanged.connect(self._weather_changed)
        self.weather.activated.connect(self._weather_activated)
        self.weather_file = QLineEdit()
        self.weather_file.setPlaceholderText("Stunde; Lufttemperatur; Feuchte; Wind")
        self.browse_button = QPushButton("…")
        self.browse_button.setToolTip("Wetterdatei (CSV) wählen")
        self.browse_button.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.weather_file, 1)
        file_row.addWidget(self.browse_button)
        self.hour_from, self.hour_to = QSpinBox(), QSpinBox()
        for box, value in ((self.hour_from, 6), (self.hour_to, 20)):
            box.setRange(0, 23)
            box.setValue(value)
            box.setSuffix(" Uhr")
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hour_from)
        hours_row.addWidget(QLabel("bis"))
        hours_row.addWidget(self.hour_to)
        hours_row.addStretch(1)
        self.cell = QComboBox()
        self.cell.setToolTip("Kantenlänge der Rechenzellen; gröber rechnet schneller")
        dem = project_dem(project)
        native = float(dem["resolution"][0]) if dem is not None else None
        if native is not None:
            self.cell.addItem(f"{_metres(native)} (DGM-Auflösung)", None)
        for size in CELL_SIZES:
            if native is None or abs(size - native) > 1e-9:
                self.cell.addItem(_metres(size), size)
        self.variant = QComboBox()
        self.variant.addItem("Bestand", None)
        try:
            for v in list_variants(project.store, None):
                self.variant.addItem(f"{v.title} ({v.state_label})", v.id)
        except TwinError:  # no variant table: only the base data
            pass
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._weather_changed()

        form = QFormLayout(self)
        form.addRow("Titel:", self.title)
        form.addRow("Tag:", self.day)
        form.addRow("Wetter:", self.weather)
        form.addRow("Wetterdatei:", file_row)
        form.addRow("Stunden:", hours_row)
        form.addRow("Zellgröße:", self.cell)
        form.addRow("Variante:", self.variant)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Berechnen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        self.buttons.accepted.connect(lambda: notify.accept_checked(self))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    # ----------------------------------------------------------------- weather
    def _weather_changed(self, _: int = 0) -> None:
        csv = self.weather.currentData() == CSV
        self.weather_file.setEnabled(csv)
        self.browse_button.setEnabled(csv)

    def _weather_activated(self, _: int) -> None:
        """The user chose „aus CSV-Datei …“ without a file yet: ask for one."""
        if self.weather.currentData() == CSV and not self.weather_file.text().strip():
            self._browse()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Wetterdatei wählen", str(self.project.root),
                                              "Wetter je Stunde (*.csv *.txt);;Alle Dateien (*)")
        if path:
            self.use_weather_file(path)

    def use_weather_file(self, path: str) -> None:
        """Take the day's weather from a CSV file."""
        self.weather.setCurrentIndex(self.weather.findData(CSV))
        self.weather_file.setText(str(path))

    # ----------------------------------------------------------------- result
    def request(self) -> HeatRequest:
        """The checked entries (ValueError/ConfigError with a German message naming a bad file)."""
        first, last = self.hour_from.value(), self.hour_to.value()
        if last < first:
            raise ValueError(f"Die Stunden müssen aufsteigen: „von {first} Uhr“ liegt nach „bis {last} Uhr“.")
        if self.weather.currentData() == CSV:
            path = self.weather_file.text().strip()
            if not path:
                raise ValueError("Bitte eine Wetterdatei (CSV) wählen.")
            weather = read_weather_csv(path)
        else:
            weather = preset(self.weather.currentData())
        d = self.day.date()
        return HeatRequest(title=self.title.text().strip() or "Heißer Tag", day=dt.date(d.year(), d.month(), d.day()),
                           weather=weather, hours=tuple(float(h) for h in range(first, last + 1)),
                           cell_size_m=self.cell.currentData(), variant=self.variant.currentData())

    def problem(self) -> str | None:
        """Why the entries cannot be used yet (German), or None."""
        try:
            self.request()
        except (ValueError, TwinError) as exc:
            return str(exc)
        return None


def _m2(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") + " m²"


def start_heat(window: MainWindow, req: HeatRequest) -> Worker | None:
    """Run ``req`` in a worker of ``window`` with a progress dialog; the result goes to the heat panel."""
    if window.read_only:
        notify.error(window, "In einem veröffentlichten Zwilling kann nicht simuliert werden (nur lesen).")
        return None
    from twin.sim.heat.run import run_heat

    project = window.project

    def task(progress, cancel):
        return run_heat(project, req.day, req.weather, variant=req.variant, hours=req.hours,
                        cell_size_m=req.cell_size_m, progress=progress, cancel=cancel, title=req.title)

    return run_with_progress(
        window, task, kind="Hitze", title=req.title, progress_attr="heat_progress",
        done_text=lambda rec: (f"Hitze „{rec.title}“ berechnet: {_m2(rec.strong_heat_m2)} mit starkem Hitzestress "
                               f"oder mehr (Rechenzeit {rec.wall_s:.0f} s)"),
        on_done=window.heat_panel.run_done)


def ask_heat(window: MainWindow) -> Worker | None:
    """The dialog; on „Berechnen“ the run starts."""
    dialog = HeatDialog(window.project, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_heat(window, dialog.request())
