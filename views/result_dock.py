"""What the simulation result docks („Starkregen“, „Hitze“) share: the dock beside „Eigenschaften“, the menu
„Simulation“, the terrain a result is draped over, the overlay actor and the loading workers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from views.workers import Task, Worker

if TYPE_CHECKING:
    import pyvista as pv

    from views.main_window import MainWindow

#: ambient share of the overlay's lighting (the colours stay readable on slopes facing away)
AMBIENT = 0.35


def simulation_menu(window: MainWindow) -> QMenu:
    """The menu „Simulation“ of the main window (created on first use)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title().replace("&", "") == "Simulation":
            return menu
    return window.menuBar().addMenu("&Simulation")


def add_result_dock(window: MainWindow, panel: QWidget, title: str, toggle_text: str) -> QDockWidget:
    """A dock with ``panel`` as a tab next to „Eigenschaften“ (the full height of the right side)."""
    dock = QDockWidget(title, window)
    dock.setObjectName(title)
    dock.setWidget(panel)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock, Qt.Orientation.Vertical)
    window.tabifyDockWidget(window._inspector_dock, dock)
    dock.toggleViewAction().setText(toggle_text)
    return dock


def add_view_toggle(window: MainWindow, dock: QDockWidget) -> None:
    """The dock's show/hide entry in the menu „Ansicht“; the inspector tab stays in front."""
    for action in window.menuBar().actions():
        if action.menu() is not None and action.menu().title().replace("&", "") == "Ansicht":
            action.menu().addAction(dock.toggleViewAction())
    window._inspector_dock.raise_()


def scene_terrain(scene: Any) -> pv.PolyData | None:
    """The terrain mesh a result is draped over: the DGM layer if there is one, else any terrain layer."""
    terrains = [layer for layer in scene.layers if layer.config.kind == "terrain" and not layer.is_empty]
    dgm = [layer for layer in terrains if layer.config.source == "dgm"]
    return (dgm or terrains)[0].mesh if terrains else None


def draw_overlay(window: MainWindow, name: str, mesh: pv.PolyData | None, visible: bool, *,
                 force_opaque: bool = False):
    """Replace the overlay actor ``name`` in the 3D view (cell colours ``rgba``, not pickable); None if empty.

    ``force_opaque``: draw in the opaque pass (alpha still blends) – in the translucent pass VTK's
    order-independent translucency hides a layer lying only centimetres above the opaque terrain."""
    plotter = window.view.actors.plotter
    plotter.remove_actor(name, render=False)
    if mesh is None or mesh.n_cells == 0:
        return None
    actor = plotter.add_mesh(mesh, scalars="rgba", rgb=True, name=name, pickable=False, ambient=AMBIENT,
                             diffuse=1.0 - AMBIENT, show_scalar_bar=False, render=False)
    if force_opaque:
        actor.ForceOpaqueOn()
    actor.SetVisibility(visible)
    return actor


class Workers:
    """The loading workers of a dock: start one with a result slot, wait for all when the view closes."""

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._running: set[Worker] = set()

    def spawn(self, task: Task, slot: Callable[[str, object], None]) -> Worker:
        worker = Worker(task, self._owner)
        self._running.add(worker)
        worker.done.connect(slot)
        worker.finished.connect(lambda w=worker: (self._running.discard(w), w.deleteLater()))
        worker.start()
        return worker

    def wait_all(self) -> None:
        """Dismiss and wait for every running worker (before the 3D view goes away): no result arrives after."""
        for worker in list(self._running):
            worker.dismiss()

    def __len__(self) -> int:
        return len(self._running)
