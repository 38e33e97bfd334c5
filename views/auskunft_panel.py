"""The Auskunft dock: the switchboard types a street, address or parcel and reads the answer.

Results appear while typing (a short pause after the last key, or Enter at once); a click on an answer
flies the camera to the closure and selects it in the 3D view. The day defaults to today and can be
changed ("Was ist am 1. Dezember gesperrt?"). Works in every twin (read-only search); in the
administration twin (not a published Rats-/Bürgerzwilling) buttons open the closure editor.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from PySide6.QtCore import QDate, QEasingCurve, Qt, QTimer, QVariantAnimation, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDateEdit, QDockWidget, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMainWindow, QPushButton, QVBoxLayout, QWidget)

from layers.points import ground_heights
from twin.auskunft import Auskunft, Hit, lookup
from twin.errors import TwinError

#: ms of quiet after the last key before the search runs
DEBOUNCE_MS = 150
FLY_MS = 450
FLY_DISTANCE_M = 320.0
STATUS_COLOUR = {"aktiv": "#b71c1c", "geplant": "#6a1b9a"}


class AuskunftPanel(QWidget):
    """Search box, day, answers; ``located(x, y, key)`` when an answer is clicked (project CRS)."""

    located = Signal(float, float, str)
    edit_requested = Signal(str)  # closure key, "" for a new closure

    def __init__(self, project: Any, *, editable: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.answer: Auskunft | None = None
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Straße, Adresse oder Flurstück, z. B. Hauptstraße 12")
        self.search_box.setClearButtonEnabled(True)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.day.setToolTip("Stichtag der Auskunft (Standard: heute)")
        self.message = QLabel("Was ist hier heute gesperrt oder eine Baustelle? Straße, Adresse oder Flurstück "
                              "eingeben.")
        self.message.setWordWrap(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.new_button = QPushButton("Neue Sperrung …")
        self.edit_button = QPushButton("Bearbeiten …")
        self.edit_button.setEnabled(False)

        row = QHBoxLayout()
        row.addWidget(self.search_box, 1)
        row.addWidget(QLabel("am"))
        row.addWidget(self.day)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        if editable:
            buttons = QHBoxLayout()
            buttons.addWidget(self.new_button)
            buttons.addWidget(self.edit_button)
            layout.addLayout(buttons)
        self.editable = editable

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        self.search_box.returnPressed.connect(self.run_search)
        self.day.dateChanged.connect(lambda _d: self.run_search())
        self.results.itemClicked.connect(self._clicked)
        self.results.currentItemChanged.connect(lambda cur, _p: self.edit_button.setEnabled(cur is not None))
        self.new_button.clicked.connect(lambda: self.edit_requested.emit(""))
        self.edit_button.clicked.connect(self._edit_selected)

    # ----------------------------------------------------------------- search
    @property
    def selected_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    @Slot()
    def run_search(self) -> Auskunft | None:
        """Ask the store and show the answers (errors as the message line, never a crash)."""
        self._timer.stop()
        text = self.search_box.text()
        self.results.clear()
        if not text.strip():
            self.answer = None
            self.message.setText("Straße, Adresse oder Flurstück eingeben.")
            return None
        try:
            self.answer = lookup(self.project, text, self.selected_day)
        except TwinError as exc:
            self.answer = None
            self.message.setText(str(exc))
            return None
        a = self.answer
        head = ", ".join(p.label for p in a.places)
        if a.hits:
            n = len(a.hits)
            self.message.setText(f"{head}: {n} Meldung{'en' if n > 1 else ''} am {a.day:%d.%m.%Y}"
                                 + (f" – {a.message}" if a.message else ""))
        else:
            self.message.setText(a.message)
        for hit in a.hits:
            item = QListWidgetItem(f"{hit.status.upper()}: {hit.text}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            item.setForeground(QColor(STATUS_COLOUR.get(hit.status, "#000000")))
            item.setToolTip(f"Sperrung {hit.sperrung_id} – klicken: in der 3D-Ansicht zeigen")
            self.results.addItem(item)
        return a

    def result_texts(self) -> list[str]:
        return [self.results.item(i).text() for i in range(self.results.count())]

    def hit(self, row: int) -> Hit:
        return self.results.item(row).data(Qt.ItemDataRole.UserRole)

    @Slot(QListWidgetItem)
    def _clicked(self, item: QListWidgetItem) -> None:
        hit: Hit = item.data(Qt.ItemDataRole.UserRole)
        self.located.emit(hit.x, hit.y, hit.sperrung_id)

    def _edit_selected(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.edit_requested.emit(item.data(Qt.ItemDataRole.UserRole).sperrung_id)


# --------------------------------------------------------------------- in the main window
def closure_layer_name(window: Any) -> str | None:
    """Name of the scene layer that draws road closures (kind ``closures``), if any."""
    if window.scene is None:
        return None
    return next((lay.name for lay in window.scene.layers if lay.config.kind == "closures"), None)


def fly_to(window: Any, x: float, y: float, *, distance: float = FLY_DISTANCE_M, ms: int = FLY_MS) -> None:
    """Move the camera (same viewing direction) onto the point x, y of the project CRS, animated."""
    if window.scene is None:
        return
    z = float(ground_heights(window.project, np.array([[x, y]]))[0])
    target = np.array([x, y, z]) - window.scene.origin
    renderer = window.view.actors.plotter.renderer
    camera = renderer.GetActiveCamera()
    direction = np.array(camera.GetDirectionOfProjection())
    f0, p0 = np.array(camera.GetFocalPoint()), np.array(camera.GetPosition())
    f1, p1 = target, target - direction * distance

    def step(t: float) -> None:
        camera.SetFocalPoint(*(f0 + (f1 - f0) * t))
        camera.SetPosition(*(p0 + (p1 - p0) * t))
        renderer.ResetCameraClippingRange()
        window.view.refresh()

    old = getattr(window, "_auskunft_flight", None)
    if old is not None:
        old.stop()
    if ms <= 0:
        step(1.0)
        return
    anim = QVariantAnimation(window)
    anim.setStartValue(0.0)
    anim.setEndValue(1.0)
    anim.setDuration(ms)
    anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
    anim.valueChanged.connect(lambda v: step(float(v)))
    window._auskunft_flight = anim
    anim.start()


def select_closure(window: Any, key: str) -> bool:
    """Select (inspector + outline) the closure ``key`` in the 3D view; False if it is not drawn."""
    name = closure_layer_name(window)
    if name is None:
        return False
    layer = window.scene.layer(name)
    if key not in layer.feature_keys or layer.is_empty:
        return False
    cells = np.flatnonzero(layer.mesh.cell_data["feature_id"] == layer.feature_keys.index(key))
    if not len(cells):
        return False
    window.select_feature(name, int(cells[0]))
    return True


def install_auskunft(window: QMainWindow) -> AuskunftPanel:
    """Add the Auskunft dock (left side) with its menu entry; the editor in the administration twin."""
    project = window.project
    editable = getattr(project.config, "published", None) is None
    panel = AuskunftPanel(project, editable=editable)
    dock = QDockWidget("Auskunft", window)
    dock.setObjectName("Auskunft")
    dock.setWidget(panel)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.resizeDocks([dock], [360], Qt.Orientation.Horizontal)
    for action in window.menuBar().actions():
        if action.menu() is not None and action.menu().title().replace("&", "") == "Ansicht":
            action.menu().addAction(dock.toggleViewAction())

    def located(x: float, y: float, key: str) -> None:
        fly_to(window, x, y)
        select_closure(window, key)

    panel.located.connect(located)
    if editable:
        panel.edit_requested.connect(lambda key: open_editor(window, panel, key or None))
    window.auskunft_dock = dock
    return panel


def open_editor(window: Any, panel: AuskunftPanel, key: str | None) -> Any:
    """The closure editor (non-modal, so that points can be picked in the 3D view)."""
    from views.closure_editor import ClosureEditor

    editor = ClosureEditor(window.project, key, view=window.view, scene=window.scene, parent=window)

    def saved(message: str) -> None:
        window.load_scene(message)
        panel.run_search()

    editor.saved.connect(saved)
    editor.show()
    window._closure_editor = editor
    return editor
