"""Long work off the GUI thread: a QThread running ``task(progress, cancel)`` with queued signals back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from importers.base import CancelToken, ProgressFn
from twin.errors import Cancelled, TwinError

log = logging.getLogger("stadtzwilling.gui")

Task = Callable[[ProgressFn, CancelToken], Any]

OK, FAILED, CANCELLED = "ok", "failed", "cancelled"


class Worker(QThread):
    """Runs one task; ``done(outcome, payload)`` carries the result, or the German message on failure/cancel."""

    progress = Signal(float, str)
    done = Signal(str, object)

    def __init__(self, task: Task, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task = task
        self.cancel_token = CancelToken()
        self._last: tuple[int, str] | None = None

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            result = self._task(self._report, self.cancel_token)
        except Cancelled as exc:
            self.done.emit(CANCELLED, str(exc))
        except TwinError as exc:
            self.done.emit(FAILED, str(exc))
        except Exception as exc:  # a bug: keep the GUI alive, log the traceback
            log.exception("Unerwarteter Fehler im Hintergrund")
            self.done.emit(FAILED, f"Unerwarteter Fehler: {exc}")
        else:
            self.done.emit(OK, result)

    def _report(self, fraction: float, message: str) -> None:
        """Forward progress, at most once per per-mille step or new message."""
        key = (int(fraction * 1000), message)
        if key != self._last:
            self._last = key
            self.progress.emit(fraction, message)
