"""Step 1 of the import wizard: choose the file; detected format, CRS (editable, checked) and a preview."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWizardPage,
)

from importers.base import detect_importer
from twin.crs import resolve_crs
from twin.errors import TwinError
from views.import_dialog import file_filter
from views.wizard_preview import NO_CRS, PreviewInfo, describe, encoding_name

if TYPE_CHECKING:
    from views.import_wizard import ImportWizard

ERROR = "<span style='color:#b00020'>{}</span>"
HINT = "<span style='color:#555555'>{}</span>"
_NUMBER = re.compile(r"-?[\d.,]+")


def compact_table(table: QTableWidget) -> None:
    """Read-only, one text line per row, alternating colours."""
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)


class FilePage(QWizardPage):
    """Choose the file; shows format, CRS (file's or typed), encoding and what the file contains."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.info = PreviewInfo()
        self._crs_ok = True
        self.setTitle("Datei wählen")
        self.setSubTitle("Format, Koordinatensystem und Zeichensatz werden aus der Datei erkannt.")
        self.path_edit = QLineEdit()
        browse = QPushButton("Durchsuchen …")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        self.format_label, self.encoding_label, self.note_label = QLabel("–"), QLabel("–"), QLabel("")
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.note_label.setMinimumWidth(520)  # QFormLayout sizes wrapped labels for their minimum width
        self.crs_edit = QLineEdit()
        self.crs_edit.setPlaceholderText("z. B. EPSG:25832 (nur nötig, wenn nicht erkannt)")
        self.crs_edit.textChanged.connect(self._check_crs)
        form = QFormLayout()
        form.addRow("Datei:", row)
        form.addRow("Format:", self.format_label)
        form.addRow("Koordinatensystem:", self.crs_edit)
        form.addRow("", self.note_label)
        form.addRow("Zeichensatz:", self.encoding_label)
        self.facts_label = QLabel("")
        self.facts_label.setWordWrap(True)
        self.caption_label = QLabel("")
        self.table = QTableWidget(0, 0)
        compact_table(self.table)
        box = QGroupBox("Vorschau")
        inner = QVBoxLayout(box)
        inner.addWidget(self.facts_label)
        inner.addWidget(self.caption_label)
        inner.addWidget(self.table, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(box, 1)
        self.path_edit.textChanged.connect(self._detect)
        self._show_info(PreviewInfo())

    def _browse(self) -> None:
        f, _ = QFileDialog.getOpenFileName(self, "Datei importieren", "", file_filter())
        if f:
            self.path_edit.setText(f)

    def _detect(self) -> None:
        self.w.importer = self.w.preview = None
        self._show_info(PreviewInfo())
        self._check_crs()
        path = Path(self.path_edit.text().strip())
        if not path.is_file():
            self.format_label.setText("–")
            self.completeChanged.emit()
            return
        try:
            importer = detect_importer(path)
            preview = importer.preview(path, self.w.project)
            info = describe(importer, path, preview)
        except TwinError as exc:
            self.format_label.setText(ERROR.format(escape(exc.message)))
            self.completeChanged.emit()
            return
        self.w.importer, self.w.preview = importer, preview
        self.format_label.setText(preview.title)
        self.encoding_label.setText(encoding_name(preview.encoding))
        self.crs_edit.setText(preview.crs or "")
        self._check_crs()
        self._show_info(info)
        self.completeChanged.emit()

    def _check_crs(self) -> None:
        """Show what the CRS field means: the file's CRS, the resolved typed one, or what is missing."""
        p = self.w.preview
        text = self.crs_edit.text().strip()
        note = HINT.format(escape(p.crs_note)) if p is not None and p.crs_note else ""
        self._crs_ok = True
        self.crs_edit.setToolTip(p.crs_note if p is not None else "")
        if p is None:
            self.note_label.setText("")
        elif not text:
            self.note_label.setText(ERROR.format(NO_CRS) if p.crs is None else note)
        else:
            from_file = text == (p.crs or "")
            try:
                name = resolve_crs(text).name
            except TwinError as exc:
                self._crs_ok = from_file  # the importer decides about the file's own CRS name
                self.note_label.setText(ERROR.format(escape(exc.message)))
            else:
                said = (p.crs_note.rstrip(".") or "Vorgabe") if from_file else "Angegeben"
                self.note_label.setText(HINT.format(escape(f"{said}: {name}")))
        self.note_label.setVisible(bool(self.note_label.text()))
        self.completeChanged.emit()

    def _show_info(self, info: PreviewInfo) -> None:
        self.info = info
        self.facts_label.setText("<br>".join(
            f"<b>{escape(k)}:</b> " + (ERROR.format(escape(v)) if v == NO_CRS else escape(v)) for k, v in info.facts))
        self.facts_label.setVisible(bool(info.facts))
        self.caption_label.setText(info.caption)
        self.caption_label.setVisible(bool(info.caption))
        self.table.clear()
        self.table.setColumnCount(len(info.columns))
        self.table.setHorizontalHeaderLabels(info.columns)
        self.table.setRowCount(len(info.rows))
        numeric = [info.align_numbers and bool(info.rows) and all(_NUMBER.fullmatch(row[c]) for row in info.rows)
                   for c in range(len(info.columns))]
        for r, values in enumerate(info.rows):
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if numeric[c]:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setVisible(bool(info.columns))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(bool(numeric) and not numeric[-1])

    def table_text(self) -> list[list[str]]:
        """The preview table as shown (for tests and copying)."""
        return [[self.table.item(r, c).text() if self.table.item(r, c) else ""
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def isComplete(self) -> bool:
        return self.w.importer is not None and self._crs_ok

    def nextId(self) -> int:
        has_mapping = self.w.preview is not None and bool(self.w.preview.fields)
        return 1 if has_mapping else 2
