"""Step 2 of the import wizard: which column of the file feeds which field (proposed, editable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizardPage

from views.wizard_file_page import compact_table
from views.wizard_preview import PREVIEW_ROWS, cell, mapping_fields

if TYPE_CHECKING:
    from views.import_wizard import ImportWizard

NONE = "(keine)"


class MappingPage(QWizardPage):
    """The proposed column per target field in combo boxes, with the first rows of the file below."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Spalten zuordnen")
        self.setSubTitle("Vorschlag prüfen und bei Bedarf ändern; die Zuordnung wird als Profil gespeichert.")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Feld im Zwilling", "Spalte der Datei"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.rows = QTableWidget(0, 0)
        compact_table(self.rows)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 2)
        lay.addWidget(QLabel("Erste Zeilen der Datei:"))
        lay.addWidget(self.rows, 1)

    def initializePage(self) -> None:
        p = self.w.preview
        fields = mapping_fields(p)
        self.table.setRowCount(len(fields))
        for i, (name, title) in enumerate(fields):
            item = QTableWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(i, 0, item)
            combo = QComboBox()
            combo.addItems([NONE, *p.columns])
            combo.setCurrentText(p.mapping.get(name, NONE))
            self.table.setCellWidget(i, 1, combo)
        self.rows.setColumnCount(len(p.columns))
        self.rows.setHorizontalHeaderLabels(p.columns)
        self.rows.setRowCount(min(len(p.rows), PREVIEW_ROWS))
        for r, row in enumerate(p.rows[:PREVIEW_ROWS]):
            for c, col in enumerate(p.columns):
                self.rows.setItem(r, c, QTableWidgetItem(cell(row.get(col))))

    def set_column(self, field: str, column: str | None) -> None:
        """Change one assignment (what choosing in the combo box does)."""
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == field:
                self.table.cellWidget(i, 1).setCurrentText(column or NONE)

    def mapping(self) -> dict[str, str]:
        """Target field -> chosen column (fields set to "(keine)" left out)."""
        out = {}
        for i in range(self.table.rowCount()):
            col = self.table.cellWidget(i, 1).currentText() if self.table.cellWidget(i, 1) else NONE
            if col != NONE:
                out[self.table.item(i, 0).data(Qt.ItemDataRole.UserRole)] = col
        return out
