"""Python's cyclic garbage collector runs on the GUI thread only, while other Python threads run.

CPython collects reference cycles in whichever thread crosses the allocation threshold. When a worker thread
does, it destroys the GUI's Qt and VTK objects that sat in cycles (closed windows, lambdas on signals) from the
wrong thread: a rare, unreproducible crash (napari #1029, pyqtgraph, calibre, nexpy). So while a holder holds
the pin (a :class:`~views.workers.Worker` while its thread runs; the desktop app for its lifetime), automatic
collection is off and a GUI-thread timer collects the generations that are due, as the automatic collector
would. The timer also lets go of threads that have finished (or whose Qt object is gone), so a hold cannot leak.

``hold`` and ``release`` are called on the GUI thread.
"""

from __future__ import annotations

import gc
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 100  # garbage cycles wait at most this long (plus any busy spell of the GUI thread)

_holders: list[weakref.ref] = []  # weak: the pin never keeps a worker alive (nor deletes it in its own slot)
_was_enabled = True
_timer: QTimer | None = None


def holds() -> int:
    """How many holders hold the pin."""
    return len(_holders)


def hold(holder: QObject) -> None:
    """``holder`` holds the pin: automatic collection stops (first holder), a GUI-thread timer collects."""
    global _was_enabled, _timer
    if not _holders:
        _was_enabled = gc.isenabled()
        gc.disable()
        app = QCoreApplication.instance()
        if app is not None:
            if _timer is None or not shiboken6.isValid(_timer):  # none yet, or it went with an earlier app
                _timer = QTimer(app)
                _timer.setInterval(INTERVAL_MS)
                _timer.timeout.connect(_tick)
            _timer.start()
    if not any(ref() is holder for ref in _holders):
        _holders.append(weakref.ref(holder))


def release(holder: QObject) -> None:
    """``holder`` lets go; after the last one, what is due is collected and automatic collection restored."""
    mine = [ref for ref in _holders if ref() is holder]
    if not mine:
        return
    _holders.remove(mine[0])
    if _holders:
        return
    _end()


def _end() -> None:
    if _timer is not None and shiboken6.isValid(_timer):
        _timer.stop()
    collect_due()
    if _was_enabled:
        gc.enable()


def collect_due() -> int:
    """Collect the oldest generation whose count has passed its threshold (as CPython would); objects freed."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = -1
    for generation, (count, threshold) in enumerate(zip(counts, thresholds)):
        if threshold and count > threshold:
            due = generation
    return gc.collect(due) if due >= 0 else 0


def _tick() -> None:
    """Collect what is due; let go of holders that are gone or whose thread has finished."""
    if _holders:
        _holders[:] = [ref for ref in _holders if _holding(ref())]
        if not _holders:
            _end()
            return
    collect_due()


def _holding(holder: QObject | None) -> bool:
    return holder is not None and shiboken6.isValid(holder) and not (
        isinstance(holder, QThread) and holder.isFinished())
