"""The import wizard: file → format/CRS/encoding → column mapping → validation → import → summary.

Validation is a real dry run of the importer (everything read and written in a transaction that is
rolled back), so the report the user confirms is exactly what the import will do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QProgressBar,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from importers.base import ImportPreview, ImportReport, Importer, detect_importer
from importers.profiles import MappingProfile, profiles_dir, save_profile
from twin.errors import TwinError
from twin.project import Project
from views.import_dialog import FILE_FILTER
from views.workers import CANCELLED, OK, Worker

NONE = "(keine)"
PREVIEW_ROWS = 10


class ImportWizard(QWizard):
    """Guides one file through detection, mapping, dry run and import. ``finished_import`` carries the report."""

    finished_import = Signal(object)

    def __init__(self, project: Project, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.importer: Importer | None = None
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self.worker: Worker | None = None
        self.setWindowTitle("Import-Assistent")
        self.setButtonText(QWizard.WizardButton.NextButton, "Weiter >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< Zurück")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Abbrechen")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Fertig")
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = RunPage(self, dry_run=True)
        self.import_page = RunPage(self, dry_run=False)
        for page in (self.file_page, self.mapping_page, self.check_page, self.import_page):
            self.addPage(page)
        self.rejected.connect(self._cancel_running)
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    def _cancel_running(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()

    def configured_importer(self) -> Importer:
        """The importer with the user's CRS and mapping applied (the mapping is saved as a profile)."""
        imp = self.importer
        crs = self.file_page.crs_edit.text().strip()
        if crs and crs != (self.preview.crs or "") and hasattr(imp, "source_crs"):
            imp.source_crs = crs
        mapping = self.mapping_page.mapping()
        if self.preview.target and mapping and hasattr(imp, "profile"):
            path = Path(self.file_page.path_edit.text())
            prof = MappingProfile(
                name=f"{self.preview.target}_{path.stem}", target=self.preview.target,
                columns={k: v for k, v in mapping.items() if k not in ("x", "y")},
                x=mapping.get("x"), y=mapping.get("y"), crs=crs or None)
            imp.profile = save_profile(prof, profiles_dir(self.project.root) / f"{prof.name}.toml")
        return imp


class FilePage(QWizardPage):
    """Step 1: choose the file; shows the detected format, CRS and encoding."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Datei wählen")
        self.setSubTitle("Format, Koordinatensystem und Zeichensatz werden aus der Datei erkannt.")
        self.path_edit = QLineEdit()
        browse = QPushButton("Durchsuchen …")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        self.format_label, self.encoding_label, self.note_label = QLabel("–"), QLabel("–"), QLabel("")
        self.note_label.setWordWrap(True)
        self.crs_edit = QLineEdit()
        self.crs_edit.setPlaceholderText("z. B. EPSG:25832 (nur nötig, wenn nicht erkannt)")
        form = QFormLayout(self)
        form.addRow("Datei:", row)
        form.addRow("Format:", self.format_label)
        form.addRow("Koordinatensystem:", self.crs_edit)
        form.addRow("", self.note_label)
        form.addRow("Zeichensatz:", self.encoding_label)
        self.path_edit.textChanged.connect(self._detect)

    def _browse(self) -> None:
        f, _ = QFileDialog.getOpenFileName(self, "Datei importieren", "", FILE_FILTER)
        if f:
            self.path_edit.setText(f)

    def _detect(self) -> None:
        self.w.importer = self.w.preview = None
        path = Path(self.path_edit.text().strip())
        if not path.is_file():
            self.format_label.setText("–")
            self.completeChanged.emit()
            return
        try:
            self.w.importer = detect_importer(path)
            self.w.preview = self.w.importer.preview(path, self.w.project)
        except TwinError as exc:
            self.format_label.setText(f"<span style='color:#b00020'>{exc.message}</span>")
            self.completeChanged.emit()
            return
        p = self.w.preview
        self.format_label.setText(p.title)
        self.crs_edit.setText(p.crs or "")
        self.note_label.setText(p.crs_note)
        self.encoding_label.setText(p.encoding or "–")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.importer is not None

    def nextId(self) -> int:
        has_mapping = self.w.preview is not None and bool(self.w.preview.fields)
        return 1 if has_mapping else 2


class MappingPage(QWizardPage):
    """Step 2: which column feeds which field (proposed, editable), with the first rows."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Spalten zuordnen")
        self.setSubTitle("Vorschlag prüfen und bei Bedarf ändern; die Zuordnung wird als Profil gespeichert.")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Feld im Zwilling", "Spalte der Datei"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.rows = QTableWidget(0, 0)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 2)
        lay.addWidget(QLabel("Erste Zeilen der Datei:"))
        lay.addWidget(self.rows, 1)

    def initializePage(self) -> None:
        p = self.w.preview
        self.table.setRowCount(len(p.fields))
        for i, (name, title) in enumerate(p.fields):
            item = QTableWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(i, 0, item)
            combo = QComboBox()
            combo.addItems([NONE, *p.columns])
            combo.setCurrentText(p.mapping.get(name, NONE))
            self.table.setCellWidget(i, 1, combo)
        self.rows.setColumnCount(len(p.columns))
        self.rows.setHorizontalHeaderLabels(p.columns)
        self.rows.setRowCount(min(len(p.rows), PREVIEW_ROWS))
        for r, row in enumerate(p.rows[:PREVIEW_ROWS]):
            for c, col in enumerate(p.columns):
                self.rows.setItem(r, c, QTableWidgetItem("" if row.get(col) is None else str(row.get(col))))

    def set_column(self, field: str, column: str | None) -> None:
        """Change one assignment (what choosing in the combo box does)."""
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == field:
                self.table.cellWidget(i, 1).setCurrentText(column or NONE)

    def mapping(self) -> dict[str, str]:
        out = {}
        for i in range(self.table.rowCount()):
            col = self.table.cellWidget(i, 1).currentText() if self.table.cellWidget(i, 1) else NONE
            if col != NONE:
                out[self.table.item(i, 0).data(Qt.ItemDataRole.UserRole)] = col
        return out


class RunPage(QWizardPage):
    """Step 3 (dry run: validation report) and step 4 (import with progress and cancel, then summary)."""

    def __init__(self, wizard: ImportWizard, *, dry_run: bool) -> None:
        super().__init__()
        self.w, self.dry_run = wizard, dry_run
        self.setTitle("Prüfen" if dry_run else "Importieren")
        self.setSubTitle("Probelauf: die Datei wird vollständig gelesen und geprüft, nichts wird gespeichert."
                         if dry_run else "Import in einem Schritt: alles oder nichts.")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.problems = QListWidget()
        self.cancel_button = QPushButton("Abbrechen")
        self.cancel_button.clicked.connect(self.cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addWidget(QLabel("Probleme (übersprungene Objekte):"))
        lay.addWidget(self.problems, 1)
        lay.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        self.outcome: str | None = None

    def initializePage(self) -> None:
        self.outcome = None
        self.problems.clear()
        self.bar.setValue(0)
        self.status.setText("Läuft …")
        self.cancel_button.setEnabled(True)
        imp = self.w.configured_importer()
        path = Path(self.w.file_page.path_edit.text())
        project, dry = self.w.project, self.dry_run
        self.w.worker = Worker(lambda progress, cancel: imp(project, path, progress=progress, cancel=cancel,
                                                            dry_run=dry), self)
        self.w.worker.progress.connect(self._progress)
        self.w.worker.done.connect(self._done)
        self.w.worker.start()
        self.completeChanged.emit()

    def _progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(round(fraction * 1000))
        self.status.setText(message)

    def cancel(self) -> None:
        if self.w.worker is not None:
            self.w.worker.cancel()

    def _done(self, outcome: str, payload: object) -> None:
        self.w.worker.wait()
        self.w.worker = None
        self.outcome = outcome
        self.cancel_button.setEnabled(False)
        if outcome == OK:
            report: ImportReport = payload
            self.bar.setValue(1000)
            self.status.setText(_summary(report))
            self.problems.addItems([str(p) for p in report.problems])
            if not self.dry_run:
                self.w.report = report
                self.w.finished_import.emit(report)
        elif outcome == CANCELLED:
            self.status.setText(f"Abgebrochen: {payload}")
        else:
            self.status.setText(f"<span style='color:#b00020'>Fehler: {payload}</span>")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.outcome == OK

    def validatePage(self) -> bool:
        return self.outcome == OK


def _summary(report: ImportReport) -> str:
    counts = ", ".join(f"{k}: {v}" for k, v in report.counts.items())
    head = "Probelauf ohne Fehler – nichts gespeichert." if report.dry_run else "Import abgeschlossen."
    return f"{head}\n{counts}\nAbgelehnt/übersprungen: {len(report.problems)}"
