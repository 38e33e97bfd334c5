"""The layer tree: one checkable row per scene layer; toggling shows or hides that layer's actor."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from layers.scene import Scene

_NAME = Qt.ItemDataRole.UserRole


class LayerTree(QTreeWidget):
    """Layers of the scene with a visibility checkbox each."""

    visibility_changed = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.itemChanged.connect(self._on_item_changed)

    def set_layers(self, scene: Scene, visible: Mapping[str, bool]) -> None:
        """Fill the tree from ``scene`` (empty layers are listed, greyed out)."""
        self.blockSignals(True)
        self.clear()
        for layer in scene.layers:
            item = QTreeWidgetItem([layer.title + (" (leer)" if layer.is_empty else "")])
            item.setData(0, _NAME, layer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            shown = visible.get(layer.name, layer.visible)
            item.setCheckState(0, Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
            item.setToolTip(0, "Noch keine Daten – über Datei › Importieren … laden" if layer.is_empty
                            else f"Layer „{layer.name}“ ({layer.config.kind})")
            item.setDisabled(layer.is_empty)
            self.addTopLevelItem(item)
        self.blockSignals(False)

    def item(self, name: str) -> QTreeWidgetItem:
        for i in range(self.topLevelItemCount()):
            it = self.topLevelItem(i)
            if it.data(0, _NAME) == name:
                return it
        raise KeyError(name)

    def layer_names(self) -> list[str]:
        return [self.topLevelItem(i).data(0, _NAME) for i in range(self.topLevelItemCount())]

    def set_checked(self, name: str, checked: bool) -> None:
        """Check or uncheck a layer (emits ``visibility_changed`` as a user click would)."""
        self.item(name).setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def is_checked(self, name: str) -> bool:
        return self.item(name).checkState(0) == Qt.CheckState.Checked

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        self.visibility_changed.emit(item.data(0, _NAME), item.checkState(0) == Qt.CheckState.Checked)
