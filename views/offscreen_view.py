"""Fallback 3D view without a window system (Qt ``offscreen``): an offscreen pyvista plotter drawn as an image.

Same scene, layer toggles, picking and hover as :class:`views.scene_view.SceneView`; the camera
turns with a left drag and zooms with the wheel. Used when no display and no Xvfb is available
(or ``STADTZWILLING_RENDER=offscreen``).
"""

from __future__ import annotations

import pyvista as pv
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from views.scene_actors import SceneActors
from views.scene_view import CLICK_TOLERANCE, SceneViewBase

DEGREES_PER_PIXEL = 0.4


class OffscreenSceneView(SceneViewBase):
    """Renders through ``pv.Plotter(off_screen=True)`` (EGL/OSMesa) and paints the frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.plotter = pv.Plotter(off_screen=True, window_size=(640, 480))
        self.surface = self
        self.actors = SceneActors(self.plotter)
        self._frame = QImage()
        self._press: QPoint | None = None
        self._last: QPoint | None = None

    def refresh(self) -> None:
        img = self.actors.image()
        h, w, _ = img.shape
        self._frame = QImage(img.tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self._frame.setDevicePixelRatio(self.devicePixelRatioF())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self._frame)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        dpr = self.devicePixelRatioF()
        self.plotter.window_size = (max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        self.refresh()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._last is None:
            hit = self.pick_at(pos)
            self.hovered.emit(None if hit is None else hit.position)
            return
        camera = self.plotter.renderer.GetActiveCamera()
        camera.Azimuth(-(pos.x() - self._last.x()) * DEGREES_PER_PIXEL)
        camera.Elevation((pos.y() - self._last.y()) * DEGREES_PER_PIXEL)
        camera.OrthogonalizeViewUp()
        self.plotter.renderer.ResetCameraClippingRange()
        self._last = pos
        self.refresh()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        pos, press = event.position().toPoint(), self._press
        self._press = self._last = None
        if (pos - press).manhattanLength() <= CLICK_TOLERANCE:
            self.picked.emit(self.pick_at(pos))

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.plotter.renderer.GetActiveCamera().Dolly(1.1 ** (event.angleDelta().y() / 120))
        self.plotter.renderer.ResetCameraClippingRange()
        self.refresh()
