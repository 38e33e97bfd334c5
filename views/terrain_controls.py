"""Terrain controls under the layer tree: opacity slider and cut-away toggle (to look at pipes below)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget


class TerrainControls(QWidget):
    """Deckkraft des Geländes (0–100 %) and „Gelände aufschneiden“."""

    opacity_changed = Signal(float)
    cutaway_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(100)
        self.slider.setToolTip("Deckkraft des Geländes – kleiner stellen, um Leitungen unter der Oberfläche "
                               "zu sehen (terrain opacity)")
        self.value = QLabel("100 %")
        self.cut = QCheckBox("Gelände um die Bildmitte aufschneiden")
        self.cut.setToolTip("Schneidet ein Quadrat von 300 m um die Bildmitte aus dem Gelände "
                            "(cut away the terrain around the view centre)")
        row = QHBoxLayout()
        row.addWidget(QLabel("Gelände-Deckkraft"))
        row.addWidget(self.slider, 1)
        row.addWidget(self.value)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addLayout(row)
        lay.addWidget(self.cut)
        self.slider.valueChanged.connect(self._on_slider)
        self.cut.toggled.connect(self.cutaway_changed.emit)

    def _on_slider(self, v: int) -> None:
        self.value.setText(f"{v} %")
        self.opacity_changed.emit(v / 100.0)
