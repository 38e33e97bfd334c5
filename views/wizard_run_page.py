"""Steps 3 and 4 of the import wizard: dry run (validation report), then the import, both off the GUI thread."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from importers.base import CancelToken, ImportReport, Importer, ProgressFn
from twin.errors import CRSError
from twin.project import Project
from views.workers import CANCELLED, OK, Worker

if TYPE_CHECKING:
    from views.import_wizard import ImportWizard

CRS_HINT = "Bitte im ersten Schritt („Datei wählen“) das Koordinatensystem eintragen."


def run_import(imp: Importer, project: Project, path: Path, dry_run: bool, progress: ProgressFn,
               cancel: CancelToken) -> ImportReport:
    """The import as the worker thread runs it; a missing CRS is explained in terms of the wizard."""
    try:
        return imp(project, path, progress=progress, cancel=cancel, dry_run=dry_run)
    except CRSError as exc:
        message = exc.message.replace("--crs ", "").replace(" (--crs)", "")
        raise CRSError(f"{message} {CRS_HINT}", path=exc.path, line=exc.line, feature=exc.feature) from None


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
        lay.addWidget(QLabel("Hinweise und abgelehnte Objekte:"))
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
        path = Path(self.w.file_page.path_edit.text().strip())
        project, dry = self.w.project, self.dry_run
        self.w.worker = Worker(lambda progress, cancel: run_import(imp, project, path, dry, progress, cancel), self)
        self.w.worker.progress.connect(self._progress)
        self.w.worker.done.connect(self._done)
        self.w.worker.start()
        self.completeChanged.emit()

    def _progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(round(fraction * 1000))
        self.status.setText(message)

    def cancel(self) -> None:
        """Ask the running import to stop (it rolls back; the store stays unchanged)."""
        if self.w.worker is not None:
            self.w.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText("Wird abgebrochen …")

    def _done(self, outcome: str, payload: object) -> None:
        self.w.worker.wait()
        self.w.worker = None
        self.outcome = outcome
        self.cancel_button.setEnabled(False)
        if outcome == OK:
            report: ImportReport = payload
            self.bar.setValue(1000)
            self.status.setText(summary(report))
            self.problems.addItems([str(p) for p in report.problems])
            if not self.dry_run:
                self.w.report = report
                self.w.finished_import.emit(report)
        elif outcome == CANCELLED:
            self.status.setText(f"Abgebrochen: {payload}")
        else:
            self.status.setText(f"<span style='color:#b00020'>Fehler: {escape(str(payload))}</span>")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.outcome == OK

    def validatePage(self) -> bool:
        return self.outcome == OK


def summary(report: ImportReport) -> str:
    """The counts of a (trial) import in German, one line each."""
    counts = ", ".join(f"{k}: {v}" for k, v in report.counts.items())
    head = "Probelauf ohne Fehler – nichts gespeichert." if report.dry_run else "Import abgeschlossen."
    return f"{head}\n{counts}\nHinweise/Probleme: {len(report.problems)}"
