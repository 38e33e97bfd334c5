"""The attribute inspector: a two-column table "Eigenschaft" / "Wert" of the picked feature."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

HINT = "Klicken Sie in der 3D-Ansicht auf ein Objekt, um seine Eigenschaften zu sehen."


def format_value(value: Any) -> str:
    """German display of an attribute value (decimal comma, ja/nein)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, dict):
        return "\n".join(f"{k}: {format_value(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value)
    return str(value)


#: at most this share of the table width for the field titles
MAX_TITLE_SHARE = 0.45


class Inspector(QWidget):
    """Shows the rows of :func:`layers.scene.feature_info` for the selected feature."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(HINT)
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Eigenschaft", "Wert"])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        self.charts = QVBoxLayout()  # charts of sensor series (PNG), below the table
        layout.addLayout(self.charts)

    def show_rows(self, caption: str, rows: Sequence[tuple[str, Any]]) -> None:
        self.caption.setText(caption)
        self.table.setRowCount(len(rows))
        for r, (name, value) in enumerate(rows):
            title = QTableWidgetItem(str(name))
            title.setToolTip(title.text())
            self.table.setItem(r, 0, title)
            item = QTableWidgetItem(format_value(value))
            item.setToolTip(item.text())
            self.table.setItem(r, 1, item)
        # long field titles wrap instead of pushing the values out of sight
        self.table.resizeColumnToContents(0)
        cap = max(int(self.table.viewport().width() * MAX_TITLE_SHARE), 80)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), cap))
        self.table.resizeRowsToContents()

    def clear_rows(self) -> None:
        self.show_rows(HINT, [])
        self.show_charts([])

    def show_charts(self, images: Sequence[bytes]) -> None:
        """Show charts (PNG bytes) below the table, replacing earlier ones."""
        while self.charts.count():
            widget = self.charts.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for png in images:
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label = QLabel()
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.charts.addWidget(label)

    def chart_pixmaps(self) -> list[QPixmap]:
        """The charts shown (for tests and screenshots)."""
        return [self.charts.itemAt(i).widget().pixmap() for i in range(self.charts.count())]

    def rows(self) -> list[tuple[str, str]]:
        """The displayed rows as text."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
