"""The GUI's thread worker: results arrive on the GUI thread, a dismissed worker's result never does, and
Python's garbage collector never runs on a worker's thread (it would destroy the GUI's Qt objects there).

A real QThread and the real event loop (pytest-qt), no window: the window-closing race is made
deterministic by letting the thread finish (its result posted, not yet delivered) before dismissing it.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time
import weakref

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT
from twin.errors import Cancelled, TwinError
from views import gc_pin
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


# ----------------------------------------------------------------- garbage collection stays on the GUI thread
class Cycle:
    """Garbage in a reference cycle (as a closed window with a lambda on its own signal): only the cyclic
    collector frees it; ``__del__`` notes the thread that did."""

    def __init__(self, freed_on: list) -> None:
        self.me, self.freed_on = self, freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.get_ident())


def churn(seconds: float, until=lambda: False) -> int:
    """Allocate container cycles for up to ``seconds`` (or until ``until()``): the automatic collector would
    run on this thread many times over."""
    made, end = 0, time.monotonic() + seconds
    while time.monotonic() < end and not until():
        for _ in range(5000):
            a: list = []
            a.append(a)
        made += 5000
    return made


def ended(qtbot, worker: Worker) -> None:
    """Wait for the thread and its queued ``finished`` (which gives the pin back) before the worker goes."""
    assert worker.wait(30_000)
    qtbot.waitUntil(lambda: gc_pin.holds() == 0, timeout=10_000)


@pytest.fixture
def collections():
    """The thread of every collection that starts while the test runs."""
    seen: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(threading.get_ident())

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)


def test_worker_thread_never_collects_but_the_gui_thread_does_meanwhile(qtbot, collections):
    """The GUI's garbage (here ``Cycle``) is freed on the GUI thread, by its timer, while the worker still runs
    and allocates cycles far beyond the collector's threshold; no collection starts on the worker's thread."""
    gui = threading.get_ident()
    freed_on: list[int] = []
    Cycle(freed_on)
    probe = Cycle([])
    dead = threading.Event()
    ref = weakref.ref(probe, lambda _r: dead.set())
    del probe
    seen_in_task: list = []

    def task(progress, cancel):
        seen_in_task.append((gc.isenabled(), threading.get_ident()))
        made = churn(20.0, until=dead.is_set)  # the GUI thread's timer frees ``probe`` meanwhile
        return made, dead.is_set()

    worker = Worker(task)
    with qtbot.waitSignal(worker.done, timeout=60_000) as blocker:
        worker.start()
    ended(qtbot, worker)
    outcome, (made, freed_while_running) = blocker.args
    assert outcome == OK and made >= 5000 and freed_while_running and ref() is None
    [(enabled, worker_thread)] = seen_in_task
    assert not enabled and worker_thread != gui
    assert collections and set(collections) == {gui}, "eine Speicherbereinigung lief im Worker-Thread"
    assert freed_on == [gui]


def test_automatic_collection_returns_when_the_last_worker_ends(qtbot):
    """Two overlapping workers share the pin; it is released when the second ends (also when dismissed)."""
    assert gc.isenabled() and gc_pin.holds() == 0
    release = threading.Event()
    slow = Worker(lambda progress, cancel: release.wait(30))
    quick = Worker(lambda progress, cancel: gc.isenabled())
    slow.start()
    with qtbot.waitSignal(quick.done, timeout=30_000) as blocker:
        quick.start()
    assert blocker.args == [OK, False]
    assert quick.wait(30_000)
    qtbot.waitUntil(lambda: gc_pin.holds() == 1, timeout=10_000)  # quick's ``finished`` gave its hold back
    assert not gc.isenabled()
    release.set()
    slow.dismiss()  # waits for the thread and gives the hold back at once
    assert gc_pin.holds() == 0 and gc.isenabled()
    spin(qtbot)  # slow's queued ``finished`` must not release a second time
    assert gc_pin.holds() == 0 and gc.isenabled()


def test_the_pin_keeps_a_disabled_collector_disabled(qtbot):
    gc.disable()
    try:
        worker, _got = finished_worker(lambda progress, cancel: None)
        ended(qtbot, worker)
        assert gc_pin.holds() == 0 and not gc.isenabled()
    finally:
        gc.enable()


def test_the_desktop_app_pins_the_collector_for_its_lifetime():
    """``views.app.application`` (the app, its CLI screenshots) holds the pin: MQTT and other threads too."""
    code = ("import gc; from views.app import application; from views import gc_pin; "
            "app, owned = application(); print(owned, gc.isenabled(), gc_pin.holds())")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "1"]


def test_a_hold_whose_release_never_arrives_is_let_go_by_the_timer(qtbot):
    """Should a worker's queued ``finished`` never arrive (its Qt object deleted first), the GUI-thread timer
    sees the finished thread and restores automatic collection: a hold cannot leak."""
    worker = Worker(lambda progress, cancel: None)
    worker.finished.disconnect(worker._unpin)
    worker.start()
    assert worker.wait(30_000)
    spin(qtbot)
    qtbot.waitUntil(lambda: gc_pin.holds() == 0, timeout=5_000)
    assert gc.isenabled()


def test_progress_and_results_from_the_thread_leave_pythons_refcounts_alone(qtbot):
    """Every progress report and result crosses from the thread to the GUI thread as a queued call into Python.

    PySide6 6.12.0 dropped one reference to ``True`` per such call: after ~16 000 of them (a few large
    imports) Python aborts with ``bool_dealloc`` – the CI crash of 2026-11-24 in a start-page import.
    pyproject.toml keeps PySide6 below 6.12; this test catches the bug in whatever PySide6 is installed."""
    steps = 400

    def task(progress, cancel) -> str:
        for i in range(steps):
            progress(i / steps, f"Schritt {i}")
        return "fertig"

    seen: list[float] = []
    true_before, false_before = sys.getrefcount(True), sys.getrefcount(False)
    worker = Worker(task)
    worker.progress.connect(lambda fraction, message: seen.append(fraction))
    with qtbot.waitSignal(worker.done, timeout=60_000) as blocker:
        worker.start()
    ended(qtbot, worker)
    spin(qtbot)
    assert blocker.args == [OK, "fertig"] and len(seen) == steps
    # ± a few references from objects made meanwhile; the bug took one per delivered call (here > 400)
    assert sys.getrefcount(True) - true_before > -50, "PySide6 verliert Referenzen auf True (Version prüfen)"
    assert sys.getrefcount(False) - false_before > -50
