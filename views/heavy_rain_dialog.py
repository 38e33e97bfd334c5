"""„Simulation > Starkregen …“: the scenario dialog and the run in a worker with progress and „Abbrechen“.

Rain is either a KOSTRA-DWD design storm (file, Jährlichkeit, Dauer) or an own hyetograph (lines
„Minute; mm/h“, the intensity holds in the block ending at that minute). The run itself is
:func:`twin.sim.heavy_rain.run_heavy_rain`; cancelling leaves no run behind.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QSpinBox, QStackedWidget, QWidget)

from twin.errors import TwinError
from twin.project import Project
from twin.sim.losses import DEFAULT_SOIL, SOIL_INFILTRATION_MM_H
from twin.variants import list_variants
from views import notify
from views.progress_dialog import run_with_progress
from views.workers import Worker

if TYPE_CHECKING:
    from views.main_window import MainWindow

#: return periods offered (KOSTRA-DWD-2020 tabulates 1 … 100 a)
RETURN_PERIODS = (1, 2, 3, 5, 10, 20, 30, 50, 100)
KOSTRA, HYETOGRAPH = 0, 1
DEFAULT_HYETOGRAPH = "5; 40\n10; 80\n15; 40"


def parse_hyetograph(text: str) -> list[tuple[float, float]]:
    """Lines „Minute; mm/h“ (also tab or blank separated, decimal comma allowed) -> [(minute, mm/h)].

    Raises ValueError with a German message naming the line.
    """
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p for p in re.split(r"[;\t]|\s+", line) if p.strip()]
        if len(parts) != 2:
            raise ValueError(f"Zeile {n}: erwartet „Minute; mm/h“, gelesen „{line}“.")
        try:
            minute, intensity = (float(p.strip().replace(",", ".")) for p in parts)
        except ValueError:
            raise ValueError(f"Zeile {n}: „{line}“ enthält keine Zahlen.") from None
        out.append((minute, intensity))
    if not out:
        raise ValueError("Die Regenganglinie ist leer.")
    return out


class HeavyRainDialog(QDialog):
    """The scenario: rain, run-on time, grid, losses, boundary, variant. ``scenario()`` after ``exec()``."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Starkregen simulieren")
        self.setMinimumWidth(560)
        self._scenario = None

        self.title = QLineEdit("Starkregen")
        self.rain = QComboBox()
        self.rain.addItem("KOSTRA-DWD-Bemessungsregen", KOSTRA)
        self.rain.addItem("Eigene Regenganglinie", HYETOGRAPH)

        # KOSTRA page
        kostra_page = QWidget()
        kform = QFormLayout(kostra_page)
        kform.setContentsMargins(0, 0, 0, 0)
        self.kostra_file = QLineEdit()
        self.kostra_file.setPlaceholderText("KOSTRA-DWD-2020-Tabelle der Rasterzelle (CSV)")
        browse = QPushButton("…")
        browse.setToolTip("KOSTRA-Datei wählen")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.kostra_file, 1)
        row.addWidget(browse)
        kform.addRow("KOSTRA-Datei:", row)
        self.return_period = QComboBox()
        for a in RETURN_PERIODS:
            self.return_period.addItem(f"{a} Jahr" + ("e" if a != 1 else ""), float(a))
        self.return_period.setCurrentIndex(RETURN_PERIODS.index(30))
        kform.addRow("Jährlichkeit:", self.return_period)
        self.duration = QSpinBox()
        self.duration.setRange(5, 7 * 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setValue(60)
        self.duration.setSuffix(" min")
        kform.addRow("Dauer:", self.duration)
        self.block = QSpinBox()
        self.block.setRange(1, 60)
        self.block.setValue(5)
        self.block.setSuffix(" min")
        kform.addRow("Blocklänge (Euler II):", self.block)

        # own hyetograph page
        hyeto_page = QWidget()
        hform = QFormLayout(hyeto_page)
        hform.setContentsMargins(0, 0, 0, 0)
        self.hyetograph = QPlainTextEdit(DEFAULT_HYETOGRAPH)
        self.hyetograph.setToolTip("Je Zeile „Minute; mm/h“: die Intensität gilt im Block, der zu dieser Minute "
                                   "endet (gleich lange Blöcke)")
        self.hyetograph.setFixedHeight(110)
        hform.addRow("Minute; mm/h:", self.hyetograph)

        self.pages = QStackedWidget()
        self.pages.addWidget(kostra_page)
        self.pages.addWidget(hyeto_page)
        self.rain.currentIndexChanged.connect(self.pages.setCurrentIndex)

        self.after = QSpinBox()
        self.after.setRange(0, 24 * 60)
        self.after.setValue(60)
        self.after.setSuffix(" min")
        self.after.setToolTip("Wie lange nach dem Regenende weiter gerechnet wird (das Wasser fließt nach)")
        self.cell = QDoubleSpinBox()
        self.cell.setRange(0.0, 100.0)
        self.cell.setDecimals(1)
        self.cell.setSingleStep(1.0)
        self.cell.setSuffix(" m")
        self.cell.setSpecialValueText("automatisch (DGM-Auflösung)")
        self.cell.setToolTip("Kantenlänge der Rechenzellen; gröber rechnet schneller")
        self.soil = QComboBox()
        for name, rate in SOIL_INFILTRATION_MM_H.items():
            self.soil.addItem(f"{name} ({rate:g} mm/h)".replace(".", ","), name)
        self.soil.setCurrentIndex(max(0, self.soil.findData(DEFAULT_SOIL)))
        self.sink = QDoubleSpinBox()
        self.sink.setRange(0.0, 1000.0)
        self.sink.setDecimals(1)
        self.sink.setSuffix(" mm/h")
        self.sink.setToolTip("Abflussleistung der Kanalisation je Fläche (0: ohne Kanal)")
        self.boundary = QComboBox()
        self.boundary.addItem("offen (Wasser fließt aus dem Gebiet ab)", "open")
        self.boundary.addItem("geschlossen (Wasser bleibt im Gebiet)", "closed")
        self.variant = QComboBox()
        self.variant.addItem("Bestand", None)
        try:
            for v in list_variants(project.store, None):
                self.variant.addItem(f"{v.title} ({v.state_label})", v.id)
        except TwinError:  # no variant table: only the base data
            pass
        self.snapshots = QSpinBox()
        self.snapshots.setRange(10, 3600)
        self.snapshots.setValue(60)
        self.snapshots.setSuffix(" s")
        self.snapshots.setToolTip("Abstand der gespeicherten Zwischenstände (Wassertiefe-Verlauf)")
        self.precision = QComboBox()
        self.precision.addItem("einfach (float32, schneller)", "float32")
        self.precision.addItem("doppelt (float64)", "float64")
        self.note = QLabel()
        self.note.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow("Titel:", self.title)
        form.addRow("Regen:", self.rain)
        form.addRow(self.pages)
        form.addRow("Nachlauf:", self.after)
        form.addRow("Zellgröße:", self.cell)
        form.addRow("Boden (Versickerung):", self.soil)
        form.addRow("Kanalabfluss:", self.sink)
        form.addRow("Rand:", self.boundary)
        form.addRow("Variante:", self.variant)
        form.addRow("Zwischenstände alle:", self.snapshots)
        form.addRow("Rechengenauigkeit:", self.precision)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Berechnen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        self.buttons.accepted.connect(lambda: notify.accept_checked(self))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "KOSTRA-Datei wählen", str(self.project.root),
                                              "KOSTRA-Tabelle (*.csv *.txt);;Alle Dateien (*)")
        if path:
            self.kostra_file.setText(path)

    def use_hyetograph(self, text: str) -> None:
        """Switch to an own hyetograph (lines „Minute; mm/h“)."""
        self.rain.setCurrentIndex(HYETOGRAPH)
        self.hyetograph.setPlainText(text)

    def values(self) -> dict[str, Any]:
        """The form as scenario data (ValueError with a German message if the hyetograph cannot be read)."""
        data: dict[str, Any] = {
            "title": self.title.text(),
            "after_min": float(self.after.value()),
            "soil": self.soil.currentData(),
            "sink_mm_h": float(self.sink.value()),
            "boundary": self.boundary.currentData(),
            "variant": self.variant.currentData(),
            "cell_size_m": float(self.cell.value()) or None,
            "snapshot_interval_s": float(self.snapshots.value()),
            "precision": self.precision.currentData(),
        }
        if self.rain.currentData() == KOSTRA:
            data.update(kostra_file=self.kostra_file.text().strip() or None,
                        return_period_a=self.return_period.currentData(),
                        duration_min=float(self.duration.value()), block_min=float(self.block.value()))
        else:
            data["hyetograph"] = parse_hyetograph(self.hyetograph.toPlainText())
        return data

    def scenario(self):
        """The checked :class:`HeavyRainScenario` (ScenarioError/ValueError with a German message)."""
        from twin.sim.heavy_rain.scenario import HeavyRainScenario

        return HeavyRainScenario.from_dict(self.values())

    def problem(self) -> str | None:
        """Why the entries cannot be used yet (German), or None."""
        try:
            self._scenario = self.scenario()
        except (ValueError, TwinError) as exc:
            return str(exc)
        if self.rain.currentData() == KOSTRA:
            path = self._scenario.kostra_path(self.project.root)
            if path is None or not path.is_file():
                return "Bitte eine vorhandene KOSTRA-Datei wählen."
        return None


def start_heavy_rain(window: MainWindow, scenario) -> Worker | None:
    """Run ``scenario`` in a worker of ``window`` with a progress dialog; the result goes to the flood panel."""
    if window.read_only:
        notify.error(window, "In einem veröffentlichten Zwilling kann nicht simuliert werden (nur lesen).")
        return None
    from twin.sim.heavy_rain import run_heavy_rain

    project = window.project

    def task(progress, cancel):
        return run_heavy_rain(project, scenario, progress, cancel)

    return run_with_progress(
        window, task, kind="Starkregen", title=scenario.title, progress_attr="heavy_rain_progress",
        done_text=lambda rec: (f"Starkregen „{rec.title}“ berechnet: {rec.affected_buildings} Gebäude betroffen, "
                               f"{rec.flooded_roads} Straßenabschnitte überflutet (Rechenzeit {rec.wall_s:.0f} s)"),
        on_done=window.flood_panel.run_done)


def ask_heavy_rain(window: MainWindow) -> Worker | None:
    """The dialog; on „Berechnen“ the run starts."""
    dialog = HeavyRainDialog(window.project, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_heavy_rain(window, dialog.scenario())
