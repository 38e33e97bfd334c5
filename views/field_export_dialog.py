"""„Feldarbeit > Paket exportieren …“: the dialog for a field package (team, target folder, area, title).

The export itself (:func:`twin.field.export.export_package`) runs in a worker of the main window, started by
the „Feldarbeit“ dock (:mod:`views.field_panel`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QVBoxLayout, QWidget)

from twin.project import Project
from views.notify import accept_checked

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class FieldExportRequest:
    """What the dialog asks for: the arguments of :func:`export_package`."""

    team: str
    out: Path
    bbox: BBox | None  # None: the whole project area
    title: str | None  # None: „<Projekt> – <Team>“


def folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot take a package (German), or None: it must be new or an empty folder."""
    if path.exists() and not path.is_dir():
        return f"„{path}“ ist eine Datei, kein Ordner. Bitte einen neuen oder leeren Ordner wählen."
    if path.is_dir() and any(path.iterdir()):
        return f"Der Zielordner „{path}“ ist nicht leer. Bitte einen neuen oder leeren Ordner wählen."
    return None


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


class FieldExportDialog(QDialog):
    """Team, target folder, area (whole project area or a rectangle), title. ``request()`` after ``exec()``."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Feldpaket exportieren")
        self.setMinimumWidth(600)
        teams = project.policy.field_teams

        self.team = QComboBox()
        for name, rule in teams.items():
            self.team.addItem(f"{rule.title} ({name})", name)
        self.team.setToolTip("Das Feldteam bestimmt, welche Layer und Spalten das Paket enthält und was "
                             "auf dem Tablet bearbeitet werden darf (Rollen-Policy, Abschnitt [field_teams]).")
        self.team.currentIndexChanged.connect(self._team_changed)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText("neuer oder leerer Ordner, z. B. auf dem Tablet oder einem USB-Stick")
        self.browse_button = QPushButton("Durchsuchen …")
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)

        self.whole_area = QRadioButton("ganzes Projektgebiet")
        self.part_area = QRadioButton("Ausschnitt (Koordinaten im Projekt-KBS)")
        self.whole_area.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.whole_area)
        group.addButton(self.part_area)
        self.part_area.toggled.connect(self._area_changed)
        extent = project.config.project.extent
        self.extent: BBox | None = tuple(float(v) for v in extent) if extent else None
        self.coords: list[QDoubleSpinBox] = []
        grid = QGridLayout()
        grid.setContentsMargins(20, 0, 0, 0)
        start = self.extent or (0.0, 0.0, 0.0, 0.0)
        for i, (label, value) in enumerate(zip(("Rechtswert von", "Hochwert von", "Rechtswert bis", "Hochwert bis"),
                                               start)):
            box = QDoubleSpinBox()
            box.setRange(-1e8, 1e8)
            box.setDecimals(1)
            box.setSingleStep(10.0)
            box.setSuffix(" m")
            box.setValue(value)
            box.setMinimumWidth(130)
            self.coords.append(box)
            grid.addWidget(QLabel(label + ":"), i % 2, 2 * (i // 2))
            grid.addWidget(box, i % 2, 2 * (i // 2) + 1)
        area = QVBoxLayout()
        area.addWidget(self.whole_area)
        if self.extent is not None:
            self.whole_area.setText("ganzes Projektgebiet (" + " / ".join(
                f"{_number(a)} – {_number(b)}" for a, b in ((self.extent[0], self.extent[2]),
                                                           (self.extent[1], self.extent[3]))) + ")")
        area.addWidget(self.part_area)
        area.addLayout(grid)

        self.title = QLineEdit()
        self.title.setToolTip("Name des Pakets in QField und in der Paketliste (leer: Vorschlag)")
        self.note = QLabel()
        self.note.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow("Feldteam:", self.team)
        form.addRow("Zielordner:", folder_row)
        form.addRow("Bereich:", area)
        form.addRow("Titel (optional):", self.title)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Exportieren")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        self.buttons.accepted.connect(lambda: accept_checked(self))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._team_changed()
        self._area_changed()
        if not teams:
            self.note.setText("Die Rollen-Policy dieses Projekts kennt keine Feldteams (Abschnitt [field_teams]).")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    # ----------------------------------------------------------------- entries
    def set_team(self, name: str) -> None:
        self.team.setCurrentIndex(self.team.findData(name))

    def set_bbox(self, bbox: BBox | None) -> None:
        """Choose a rectangle (or the whole project area with None)."""
        if bbox is None:
            self.whole_area.setChecked(True)
            return
        self.part_area.setChecked(True)
        for box, value in zip(self.coords, bbox):
            box.setValue(value)

    def default_title(self) -> str:
        name = self.team.currentData()
        rule = self.project.policy.field_teams.get(name) if name else None
        return f"{self.project.name} – {rule.title}" if rule is not None else ""

    def _team_changed(self, _: int = 0) -> None:
        self.title.setPlaceholderText(self.default_title())

    def _area_changed(self, _: bool = False) -> None:
        for box in self.coords:
            box.setEnabled(self.part_area.isChecked())

    def _browse(self) -> None:
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Zielordner für das Feldpaket wählen", start)
        if not chosen:
            return
        path = Path(chosen)
        if folder_problem(path) is not None and path.is_dir():  # not empty: a new folder inside it
            path = path / f"Feldpaket_{self.team.currentData() or 'team'}_{dt.date.today().isoformat()}"
        self.folder.setText(str(path))

    # ----------------------------------------------------------------- result
    def request(self) -> FieldExportRequest:
        """The checked entries; ValueError with a German message if they cannot be used."""
        team = self.team.currentData()
        if not team:
            raise ValueError("Bitte ein Feldteam wählen.")
        text = self.folder.text().strip()
        if not text:
            raise ValueError("Bitte einen Zielordner wählen (neu oder leer).")
        out = Path(text).expanduser()
        problem = folder_problem(out)
        if problem:
            raise ValueError(problem)
        bbox: BBox | None = None
        if self.part_area.isChecked():
            x0, y0, x1, y1 = (box.value() for box in self.coords)
            if x1 <= x0 or y1 <= y0:
                raise ValueError("Der Ausschnitt ist leer: „bis“ muss größer sein als „von“ (Rechts- und Hochwert).")
            e = self.extent
            if e is not None and (x1 <= e[0] or x0 >= e[2] or y1 <= e[1] or y0 >= e[3]):
                raise ValueError("Der Ausschnitt liegt ganz außerhalb des Projektgebiets.")
            bbox = (x0, y0, x1, y1)
        return FieldExportRequest(team=team, out=out, bbox=bbox, title=self.title.text().strip() or None)

    def problem(self) -> str | None:
        try:
            self.request()
        except ValueError as exc:
            return str(exc)
        return None

