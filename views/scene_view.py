"""The 3D view: the scene in a pyvistaqt QtInteractor; a click picks, mouse moves report the position."""

from __future__ import annotations

import weakref
from collections.abc import Mapping

import numpy as np
from pyvistaqt import QtInteractor
from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from layers.scene import Scene
from views.scene_actors import Pick, SceneActors

#: a press and release closer than this (device pixels) is a click, not a camera drag
CLICK_TOLERANCE = 3


class SceneViewBase(QWidget):
    """What the main window needs from a 3D view; subclasses provide ``actors``, ``surface`` and ``refresh``."""

    picked = Signal(object)  # Pick | None
    hovered = Signal(object)  # local xyz (np.ndarray) | None

    actors: SceneActors
    surface: QWidget  # the widget that shows the rendered image (mouse coordinates refer to it)

    def show_scene(self, scene: Scene, visible: Mapping[str, bool]) -> None:
        self.actors.show(scene, visible)
        self.refresh()

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self.actors.set_visible(name, visible)
        self.refresh()

    def reset_camera(self) -> None:
        self.actors.reset_camera(self.surface.width() / max(1, self.surface.height()))
        self.refresh()

    def highlight(self, scene: Scene, layer_name: str | None, cell_id: int = -1) -> None:
        self.actors.highlight(scene, layer_name, cell_id)
        self.refresh()

    def pick_at(self, pos: QPoint) -> Pick | None:
        """The cell under a position in ``surface`` coordinates."""
        return self.actors.pick(*self._display_xy(pos))

    def widget_pos(self, xyz: np.ndarray) -> QPoint | None:
        """Where a local scene point appears in ``surface`` coordinates (None if outside)."""
        dx, dy = self.actors.to_display(xyz)
        dpr = self.surface.devicePixelRatioF()
        pos = QPoint(round(dx / dpr), round(self.surface.height() - 1 - dy / dpr))
        return pos if self.surface.rect().contains(pos) else None

    def render_image(self) -> np.ndarray:
        """The current frame as RGB array."""
        return self.actors.image()

    def refresh(self) -> None:
        raise NotImplementedError

    def close_view(self) -> None:
        self.actors.plotter.close()

    def _display_xy(self, pos: QPoint) -> tuple[int, int]:
        dpr = self.surface.devicePixelRatioF()
        return round(pos.x() * dpr), round((self.surface.height() - pos.y() - 1) * dpr)


class _Interactor(QtInteractor):
    """pyvistaqt's QtInteractor that lets go of Qt's own GL surface before Qt deletes it.

    pyvistaqt (0.13, a QOpenGLWidget) keeps Python wrappers of the widget's GL context and of the context's
    surface, a QOffscreenSurface that Qt creates and deletes itself without telling shiboken, and drops
    them in a slot on ``aboutToBeDestroyed``. PySide does not call a method of a widget that is already
    being destroyed, though: when the view dies with its window (the normal case) that slot is skipped, the
    wrapper stays registered for the freed address, and a C++ object that later gets the same address
    comes back to Python as that stale "QOffscreenSurface" (CI: ``menuBar()`` of the next window, which
    then had no ``addMenu``). A plain function is still called, so it drops the references here, while Qt
    has deleted neither the context nor the surface yet.
    """

    def initializeGL(self) -> None:
        super().initializeGL()
        ref = weakref.ref(self)
        self.context().aboutToBeDestroyed.connect(lambda: _forget_gl_context(ref))


def _forget_gl_context(ref: weakref.ref[QtInteractor]) -> None:
    forget = getattr(ref(), "_forget_context", None)  # pyvistaqt >= 0.13; older ones keep no such wrappers
    if forget is not None:
        forget()


class SceneView(SceneViewBase):
    """Interactive 3D view (needs a real window system: a display or Xvfb)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plotter = _Interactor(self, auto_update=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plotter)
        self.surface = self.plotter
        self.actors = SceneActors(self.plotter)
        self._press: tuple[int, int] | None = None
        iren = self.plotter.iren
        iren.add_observer("LeftButtonPressEvent", self._on_press)
        iren.add_observer("LeftButtonReleaseEvent", self._on_release)
        iren.add_observer("MouseMoveEvent", self._on_move)

    def refresh(self) -> None:
        self.plotter.render()

    def _on_press(self, *_: object) -> None:
        self._press = self.plotter.iren.get_event_position()

    def _on_release(self, *_: object) -> None:
        press, self._press = self._press, None
        x, y = self.plotter.iren.get_event_position()
        if press is not None and abs(x - press[0]) <= CLICK_TOLERANCE and abs(y - press[1]) <= CLICK_TOLERANCE:
            self.picked.emit(self.actors.pick(x, y))

    def _on_move(self, *_: object) -> None:
        if self._press is None:  # no hover picking while the camera is dragged
            hit = self.actors.pick(*self.plotter.iren.get_event_position())
            self.hovered.emit(None if hit is None else hit.position)
