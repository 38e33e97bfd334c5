"""The GUI's thread worker: results arrive on the GUI thread, and a dismissed worker's result never does.

A real QThread and the real event loop (pytest-qt), no window: the window-closing race is made
deterministic by letting the thread finish (its result posted, not yet delivered) before dismissing it.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from twin.errors import Cancelled, TwinError
from views.result_dock import Workers
from views.workers import CANCELLED, FAILED, OK, Worker

pytestmark = pytest.mark.gui


def spin(qtbot) -> None:
    """Let the GUI thread deliver whatever is posted."""
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(20)


def finished_worker(task) -> tuple[Worker, list]:
    """A worker whose thread has ended: its result is posted to the GUI thread, not yet delivered."""
    got: list = []
    worker = Worker(task)
    worker.done.connect(lambda outcome, payload: got.append((outcome, payload, QThread.currentThread())))
    worker.start()
    assert worker.wait(30_000)
    assert got == []  # nothing delivered while the GUI thread processed no events
    return worker, got


@pytest.mark.parametrize(("task", "expected"), [
    (lambda progress, cancel: 42, (OK, 42)),
    (lambda progress, cancel: (_ for _ in ()).throw(TwinError("Datei kaputt")), (FAILED, "Datei kaputt")),
    (lambda progress, cancel: (_ for _ in ()).throw(Cancelled("Abgebrochen")), (CANCELLED, "Abgebrochen")),
])
def test_result_arrives_on_the_gui_thread(qtbot, task, expected):
    worker, got = finished_worker(task)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert got == [(*expected, QApplication.instance().thread())]


def test_a_dismissed_worker_delivers_nothing_even_when_already_posted(qtbot):
    worker, got = finished_worker(lambda progress, cancel: "Ergebnis")
    worker.dismiss()
    spin(qtbot)
    assert got == []


def test_workers_wait_all_drops_results_of_a_closing_view(qtbot):
    """The docks' worker set: results posted before the view closes do not reach the closed view."""
    owner = QApplication.instance()
    workers = Workers(owner)
    got: list = []
    release = threading.Event()
    quick = workers.spawn(lambda progress, cancel: "schnell", lambda o, p: got.append(p))
    workers.spawn(lambda progress, cancel: release.wait(30) and "langsam", lambda o, p: got.append(p))
    assert quick.wait(30_000)  # posted, not delivered
    release.set()
    workers.wait_all()  # the slow one ends while it waits
    spin(qtbot)
    qtbot.waitUntil(lambda: len(workers) == 0, timeout=10_000)  # both threads finished and were released
    assert got == []
