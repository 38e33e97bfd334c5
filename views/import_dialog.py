"""Import dialogs: choosing files and the progress dialog with "Abbrechen"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

def file_filter() -> str:
    """Qt name filter from the importers: all supported suffixes first, then one entry per importer."""
    from importers.base import all_importers

    entries, every = [], []
    for imp in all_importers():
        pats = " ".join(f"*{s}" for s in imp.suffixes)
        entries.append(f"{imp.title} ({pats})")
        every += [f"*{s}" for s in imp.suffixes if f"*{s}" not in every]
    return ";;".join([f"Alle unterstützten Formate ({' '.join(every)})", *entries, "Alle Dateien (*)"])


STEPS = 1000


def choose_import_files(parent: QWidget | None) -> list[Path]:
    """Ask for the files to import (empty list if the user cancels)."""
    files, _ = QFileDialog.getOpenFileNames(parent, "Dateien importieren", "", file_filter())
    return [Path(f) for f in files]


class ImportProgressDialog(QProgressDialog):
    """ "Importiere …" with a progress bar; "Abbrechen" emits ``canceled``."""

    def __init__(self, files: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__("Importiere …", "Abbrechen", 0, STEPS, parent)
        self.setWindowTitle("Import")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self._names = ", ".join(Path(f).name for f in files)
        self.setLabelText(f"Importiere {self._names} …")
        self.setValue(0)

    def update_progress(self, fraction: float, message: str) -> None:
        self.setValue(round(fraction * STEPS))
        self.setLabelText(f"Importiere {self._names} …\n{message}")
