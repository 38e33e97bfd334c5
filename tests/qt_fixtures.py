"""Fixtures shared by the GUI tests (registered in conftest.py): no modal message boxes, the main window on the
sample project. A test module asks for ``no_modal_boxes`` with ``pytestmark = pytest.mark.usefixtures(...)``."""

from __future__ import annotations

import pytest


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
