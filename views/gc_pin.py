"""Python's cyclic garbage collector runs on the GUI thread only, while other Python threads run.

CPython collects reference cycles in whichever thread crosses the allocation threshold. When a worker thread
does, it destroys the GUI's Qt and VTK objects that sat in cycles (closed windows, lambdas on signals) from the
wrong thread: a rare, unreproducible crash (napari #1029, pyqtgraph, calibre, nexpy). So while a hold is
taken (a :class:`~views.workers.Worker` runs; the desktop app holds for its lifetime), automatic collection is
off and a GUI-thread timer collects the generations that are due, as the automatic collector would.

``hold`` and ``release`` are called on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 100  # garbage cycles wait at most this long (plus any busy spell of the GUI thread)

_holds = 0
_was_enabled = True
_timer: QTimer | None = None


def holds() -> int:
    """How many holds are taken."""
    return _holds


def hold() -> None:
    """Stop automatic collection (the first hold) and collect from a GUI-thread timer instead."""
    global _holds, _was_enabled, _timer
    if _holds == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
        app = QCoreApplication.instance()
        if app is not None:
            if _timer is None:
                _timer = QTimer(app)
                _timer.setInterval(INTERVAL_MS)
                _timer.timeout.connect(collect_due)
            _timer.start()
    _holds += 1


def release() -> None:
    """Give back a hold; the last one collects what is due and restores automatic collection."""
    global _holds
    if _holds == 0:
        return
    _holds -= 1
    if _holds == 0:
        if _timer is not None:
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
