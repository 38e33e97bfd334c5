"""The window-modal progress dialog of long work: a label that follows the work's messages and „Abbrechen“."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

STEPS = 1000


class ProgressDialog(QProgressDialog):
    """Shows at once, does not close or reset itself; :meth:`report` takes ``(fraction, message)``."""

    def __init__(self, label: str, window_title: str, parent: QWidget | None = None) -> None:
        super().__init__(label, "Abbrechen", 0, STEPS, parent)
        self.setWindowTitle(window_title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setMinimumWidth(460)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setValue(0)

    def report(self, fraction: float, message: str) -> None:
        self.setValue(int(min(max(fraction, 0.0), 1.0) * STEPS))
        self.setLabelText(message)
