"""„Ratsbericht erstellen …“: variant, twin (role), viewpoints and PDF file; the report is made in a worker with
progress and „Abbrechen“ (a cancelled report leaves no file)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from importers.base import CancelToken, ProgressFn
from twin.policy import ROLE_TITLES
from twin.project import Project
from twin.variants import list_variants
from twin.variants.model import states_for
from views import notify
from views.progress_dialog import ProgressDialog
from views.workers import CANCELLED, OK, Worker
from views.notify import accept_checked

if TYPE_CHECKING:
    from views.main_window import MainWindow

#: the viewpoints offered (names of :func:`twin.report.default_viewpoints`)
VIEWPOINTS = ("Gesamtansicht", "Änderungsbereich")
#: twins a report can be read through: the council's (default) or the administration's full view
TWINS = (("rat", f"{ROLE_TITLES['rat']} (nur für den Rat Freigegebenes)"),
         (None, f"{ROLE_TITLES['verwaltung']} (alles, nur für den internen Gebrauch)"))


@dataclass(frozen=True)
class ReportRequest:
    """What the dialog asks for: the arguments of :func:`twin.report.build_report`."""

    variant: str
    role: str | None
    viewpoints: tuple[str, ...]
    out: Path


class ReportDialog(QDialog):
    """Variant, twin, viewpoint checkboxes and output file. ``request()`` after ``exec()``."""

    def __init__(self, project: Project, parent: QWidget | None = None, *, role: str | None = "rat") -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Ratsbericht erstellen")
        self.setMinimumWidth(560)
        self.variants = list_variants(project.store)
        self.variant = QComboBox()
        for v in self.variants:
            self.variant.addItem(f"{v.title} ({v.state_label})", v.id)
        self.twin = QComboBox()
        for r, label in TWINS:
            self.twin.addItem(label, r)
        self.twin.setCurrentIndex(max(self.twin.findData(role), 0))
        self.views: dict[str, QCheckBox] = {}
        views_box = QVBoxLayout()
        for name in VIEWPOINTS:
            box = QCheckBox(name)
            box.setChecked(True)
            self.views[name] = box
            views_box.addWidget(box)
        self.out = QLineEdit()
        browse = QPushButton("…")
        browse.setToolTip("PDF-Datei wählen")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Planungsvariante:", self.variant)
        form.addRow("Zwilling:", self.twin)
        form.addRow("3D-Ansichten\n(vorher/nachher):", views_box)
        form.addRow("PDF-Datei:", row)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Erstellen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        self.buttons.accepted.connect(lambda: accept_checked(self))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.variant.currentIndexChanged.connect(self._variant_changed)
        self._variant_changed()
        if not self.variants:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.note.setText("Das Projekt hat noch keine Planungsvarianten. Ein Ratsbericht vergleicht eine "
                              "Variante mit dem Bestand – bitte zuerst eine Variante anlegen (Variantenleiste "
                              "oder „stadtzwilling variant new“).")
        else:
            self.note.setText("Kennzahlen zu Starkregen und Hitze kommen aus den gerechneten Läufen von Bestand "
                              "und Variante (Menü „Simulation“); fehlt ein Lauf, sagt der Bericht das.")

    def _default_out(self, variant_id: str) -> Path:
        return self.project.root.parent / f"ratsbericht_{variant_id}.pdf"

    def _variant_changed(self) -> None:
        current = Path(self.out.text().strip()) if self.out.text().strip() else None
        ids = [v.id for v in self.variants]
        if current is None or current in {self._default_out(i) for i in ids}:  # not chosen by the user yet
            vid = self.variant.currentData()
            self.out.setText(str(self._default_out(vid)) if vid else "")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Ratsbericht speichern", self.out.text(), "PDF (*.pdf)")
        if path:
            self.out.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def problem(self) -> str | None:
        """Why the entries cannot be used yet (German), or None."""
        if not self.variants:
            return "Das Projekt hat keine Planungsvarianten."
        variant = self.variants[self.variant.currentIndex()]
        role = self.twin.currentData()
        if variant.release_state not in states_for(role):
            return (f"Die Variante „{variant.title}“ ist {variant.state_label} und nicht für den Rat freigegeben; "
                    "erst freigeben oder den Verwaltungszwilling wählen.")
        text = self.out.text().strip()
        if not text:
            return "Bitte eine PDF-Datei angeben."
        out = Path(text)
        if out.suffix.lower() != ".pdf":
            return f"Der Bericht wird als PDF geschrieben; „{out.name}“ endet nicht auf .pdf."
        if not out.parent.is_dir():
            return f"Den Ordner „{out.parent}“ gibt es nicht."
        return None

    def request(self) -> ReportRequest:
        return ReportRequest(variant=self.variant.currentData(), role=self.twin.currentData(),
                             viewpoints=tuple(n for n, box in self.views.items() if box.isChecked()),
                             out=Path(self.out.text().strip()))


def ask_report(window: MainWindow) -> Worker | None:
    """The menu entry: ask in the dialog, then make the report in a worker."""
    dialog = ReportDialog(window.project, window, role=window.role or "rat")
    if dialog.exec():
        return start_report(window, dialog.request())
    return None


def start_report(window: MainWindow, req: ReportRequest) -> Worker:
    """Make the report in a worker of ``window`` with a progress dialog (``window.report_progress`` while it
    runs); the status bar says how it ended, errors go to :func:`views.notify.error`."""
    project = window.project

    def task(progress: ProgressFn, cancel: CancelToken) -> Path:
        from twin.report import build_report, default_viewpoints
        from views.report_shots import render_views

        chosen = [vp for vp in default_viewpoints(project, req.variant, req.role) if vp.name in req.viewpoints]
        return build_report(project, req.variant, req.out, render=render_views, role=req.role, viewpoints=chosen,
                            progress=progress, cancel=cancel)

    dialog = ProgressDialog(f"Erstelle den Ratsbericht „{req.out.name}“ …", "Ratsbericht", window)
    dialog.show()

    def finished(outcome: str, payload: object) -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
        window.report_progress = None
        if outcome == OK:
            window.statusBar().showMessage(f"Ratsbericht geschrieben: {payload}")
        elif outcome == CANCELLED:
            window.statusBar().showMessage("Ratsbericht abgebrochen; es wurde keine Datei geschrieben.", 8000)
        else:
            notify.error(window, f"Der Ratsbericht konnte nicht erstellt werden: {payload}")

    def connect(worker: Worker) -> None:  # before the thread runs: a fast failure is not missed
        worker.progress.connect(dialog.report)
        worker.done.connect(finished)
        dialog.canceled.connect(worker.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("Breche ab …"))

    window.report_progress = dialog
    window.statusBar().showMessage(f"Erstelle den Ratsbericht „{req.out.name}“ …")
    return window._start(task, connect)
