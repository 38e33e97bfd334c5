"""Fixtures shared by the GUI tests (registered in conftest.py): no modal message boxes, the main window on the
sample project. A test module asks for ``no_modal_boxes`` with ``pytestmark = pytest.mark.usefixtures(...)``."""

from __future__ import annotations

import gc
import sys

import pytest


@pytest.fixture(autouse=True)
def _qt_deletes_at_teardown(request):
    """A GUI test's windows are destroyed at its own teardown, on the GUI thread.

    pytest-qt closes the widgets a test registered and calls ``deleteLater`` outside any event loop, so
    Qt deleted them inside the *next* test's first event loop (``waitSignal``), while that test's window
    built its scene: two CI runs crashed there (SIGSEGV in ``open_window``). Here the deferred deletes
    are sent at once and Python's garbage (VTK render windows, Qt wrappers) is collected on this thread,
    not by whichever worker thread next triggers the collector."""
    yield
    if request.node.get_closest_marker("gui") is None or "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def no_modal_boxes():
    from views import notify

    notify.show_dialogs(False)
    yield
    notify.show_dialogs(True)


@pytest.fixture
def window(qtbot, sample_project):
    from tests.test_gui import open_window

    w = open_window(qtbot, sample_project)
    yield w
    w.close()
