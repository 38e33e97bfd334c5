"""Long work off the GUI thread: a QThread running ``task(progress, cancel)`` with queued signals back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from importers.base import CancelToken, ProgressFn
from twin.errors import Cancelled, TwinError
from views import gc_pin

log = logging.getLogger("stadtzwilling.gui")

Task = Callable[[ProgressFn, CancelToken], Any]

OK, FAILED, CANCELLED = "ok", "failed", "cancelled"


class Worker(QThread):
    """Runs one task; ``done(outcome, payload)`` carries the result, or the German message on failure/cancel.

    ``done`` is emitted on the GUI thread (the worker object lives there), unless the worker was dismissed
    first: a result the thread posted just before its window closed is then dropped, where disconnecting
    ``done`` would not stop a queued call that is already on its way.

    While the thread runs, Python's garbage collector runs on the GUI thread only (:mod:`views.gc_pin`)."""

    progress = Signal(float, str)
    done = Signal(str, object)
    _result = Signal(str, object)  # thread → GUI thread, then ``done`` unless dismissed

    def __init__(self, task: Task, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task = task
        self.cancel_token = CancelToken()
        self._last: tuple[int, str] | None = None
        self._dismissed = False
        self._result.connect(self._deliver)
        self.finished.connect(self._unpin)  # queued to the GUI thread: the pin goes at once, not at its next tick

    def start(self, *args) -> None:
        """Start the thread (on the GUI thread); the garbage collector stays on the GUI thread until it ends."""
        gc_pin.hold(self)
        super().start(*args)

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def dismiss(self) -> None:
        """Drop the result (the receiver goes away) and wait for the thread: ``done`` is not emitted any more,
        even if already posted. ``cancel`` first to cut the wait short."""
        self._dismissed = True
        self.wait()
        gc_pin.release(self)

    @Slot()
    def _unpin(self) -> None:
        gc_pin.release(self)

    @Slot(str, object)
    def _deliver(self, outcome: str, payload: object) -> None:
        if not self._dismissed:
            self.done.emit(outcome, payload)

    def run(self) -> None:
        try:
            result = self._task(self._report, self.cancel_token)
        except Cancelled as exc:
            self._result.emit(CANCELLED, str(exc))
        except TwinError as exc:
            self._result.emit(FAILED, str(exc))
        except Exception as exc:  # a bug: keep the GUI alive, log the traceback
            log.exception("Unerwarteter Fehler im Hintergrund")
            self._result.emit(FAILED, f"Unerwarteter Fehler: {exc}")
        else:
            self._result.emit(OK, result)

    def _report(self, fraction: float, message: str) -> None:
        """Forward progress, at most once per per-mille step or new message."""
        key = (int(fraction * 1000), message)
        if key != self._last:
            self._last = key
            self.progress.emit(fraction, message)
