"""The window-modal progress dialog of long work (a label that follows the work's messages, „Abbrechen“) and
the start of a simulation with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from views import notify
from views.workers import CANCELLED, OK, Task, Worker

if TYPE_CHECKING:
    from views.main_window import MainWindow

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


def run_with_progress(window: MainWindow, task: Task, *, kind: str, title: str, progress_attr: str,
                      done_text: Callable[[Any], str], on_done: Callable[[str, object], None]) -> Worker:
    """Run a simulation ``task`` in a worker of ``window`` with a :class:`ProgressDialog` (kept in
    ``window.<progress_attr>`` while it runs); the status bar says how it ended (``done_text(record)`` on
    success), errors go to :func:`views.notify.error`, then ``on_done(outcome, payload)``."""
    dialog = ProgressDialog(f"Berechne „{title}“ …", f"{kind}-Simulation", window)
    dialog.show()

    def finished(outcome: str, payload: object) -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
        setattr(window, progress_attr, None)
        if outcome == OK:
            window.statusBar().showMessage(done_text(payload))
        elif outcome == CANCELLED:
            window.statusBar().showMessage(f"{kind}-Simulation abgebrochen; es wurde kein Ergebnis gespeichert.", 8000)
        else:
            notify.error(window, f"Die {kind}-Simulation ist fehlgeschlagen: {payload}")
        on_done(outcome, payload)

    worker = window._start(task, lambda w: (w.progress.connect(dialog.report), w.done.connect(finished)))
    dialog.canceled.connect(worker.cancel)
    dialog.canceled.connect(lambda: dialog.setLabelText("Breche ab …"))
    setattr(window, progress_attr, dialog)
    window.statusBar().showMessage(f"Berechne {kind} „{title}“ …")
    return worker
