"""„Konflikte aus der Feldsynchronisation“: deciding, row by row, what a field sync could not merge.

One row per open conflict with the value at the export (base), in the office and on the tablet. Every row
starts as „– offen lassen –“: the dialog never picks a value by itself. „Entscheidungen übernehmen“ calls
:func:`twin.field.resolve.resolve_conflict` for each row the user decided (each one its own transaction);
rows left open stay open, a decision that fails keeps its row with the German reason in „Hinweis“.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from twin.errors import TwinError
from twin.field.resolve import CHOICES, KIND_TITLES, open_conflicts, resolve_conflict
from twin.model.field import DELETION, FIELD_VALUE, GONE, KEY_TAKEN, METER_CHANGE
from twin.store.base import Feature
from views import notify

COLUMNS = ("Layer", "Objekt", "Feld", "Art", "Wert beim Export", "Wert im Büro", "Wert auf dem Tablet",
           "Entscheidung", "Eigener Wert", "Hinweis", "bearbeitet von", "bearbeitet am", "Meldung")
(C_LAYER, C_OBJECT, C_FIELD, C_KIND, C_BASE, C_OFFICE, C_TABLET, C_CHOICE, C_VALUE, C_HINT, C_BY, C_AT,
 C_MESSAGE) = range(len(COLUMNS))
UNDECIDED = "– offen lassen –"
EMPTY = "–"
#: placeholder of the own-value editor per field type
TYPE_HINTS = {"integer": "ganze Zahl", "real": "Zahl, z. B. 12,5", "boolean": "ja / nein",
              "date": "TT.MM.JJJJ", "datetime": "TT.MM.JJJJ HH:MM", "json": "JSON", "text": "Text",
              "geom": "Geometrie als WKT"}


def choices_for(kind: str) -> list[tuple[str, str]]:
    """The decisions offered for a conflict kind: (label, choice of resolve_conflict)."""
    if kind == DELETION:
        return [("Objekt behalten", "buero"), ("Löschung bestätigen", "tablet")]
    if kind in (KEY_TAKEN, GONE):
        return [("Daten vom Tablet verwerfen", "buero"), ("Daten vom Tablet übernehmen", "tablet")]
    if kind == METER_CHANGE:
        return [("Zählerwechsel verwerfen", "buero"), ("Zählerwechsel erneut übernehmen", "tablet")]
    out = [("Büro behalten", "buero"), ("Tablet übernehmen", "tablet")]
    if kind == FIELD_VALUE:
        out.append(("eigener Wert …", "wert"))
    return out


def show_value(value: Any) -> str:
    """A stored value as the table shows it (decimal comma, ja/nein, '–' for empty)."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse_value(text: str, ftype: str) -> Any:
    """The typed-in own value as the field's type; ValueError with a German message."""
    text = text.strip()
    if not text:
        raise ValueError("Bitte einen eigenen Wert eintragen (oder eine andere Entscheidung wählen).")
    try:
        if ftype == "integer":
            return int(text)
        if ftype == "real":
            return float(text.replace(",", "."))
        if ftype == "boolean":
            low = text.lower()
            if low in ("ja", "j", "true", "wahr", "1"):
                return True
            if low in ("nein", "n", "false", "falsch", "0"):
                return False
            raise ValueError
        if ftype == "date":
            return (dt.datetime.strptime(text, "%d.%m.%Y").date() if "." in text
                    else dt.date.fromisoformat(text)).isoformat()
        if ftype == "datetime":
            return (dt.datetime.strptime(text, "%d.%m.%Y %H:%M") if "." in text
                    else dt.datetime.fromisoformat(text)).isoformat()
        if ftype == "json":
            return json.loads(text)
    except (ValueError, json.JSONDecodeError):
        raise ValueError(f"„{text}“ passt nicht zum Feldtyp ({TYPE_HINTS.get(ftype, ftype)}).") from None
    return text


def _item(text: str, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    item.setToolTip(tooltip if tooltip is not None else text)
    return item


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


class ConflictDialog(QDialog):
    """The open conflicts (all, or of ``package_id``) with a decision per row; ``decided(n)`` after applying."""

    decided = Signal(int)  # how many conflicts were decided just now

    def __init__(self, project: Any, parent: QWidget | None = None, *, package_id: str | None = None,
                 actor: str = "verwaltung") -> None:
        super().__init__(parent)
        self.project = project
        self.package_id = package_id
        self.actor = actor
        self.conflicts: list[Feature] = []
        self.errors: dict[str, str] = {}  # konflikt_id -> why the last decision failed
        self.setWindowTitle("Konflikte aus der Feldsynchronisation")
        self.resize(1500, 520)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.apply_button = QPushButton("Entscheidungen übernehmen")
        self.apply_button.setToolTip("Nur Zeilen mit einer Entscheidung werden übernommen; die übrigen bleiben offen.")
        self.apply_button.clicked.connect(self.apply)
        self.close_button = QPushButton("Schließen")
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.reload()

    # ----------------------------------------------------------------- rows
    def _titles(self, layer: str, col: str | None) -> tuple[str, str, str]:
        """Layer title, field title and field type (for the own-value editor)."""
        store = self.project.store
        if not store.has_layer(layer):
            return layer, col or EMPTY, "text"
        schema = store.schema(layer)
        if col is None:
            return schema.title or layer, EMPTY, "text"
        if col == "geom":
            return schema.title or layer, "Geometrie", "geom"
        f = next((f for f in schema.fields if f.name == col), None)
        return schema.title or layer, (f.title or col) if f else col, f.type if f else "text"

    def reload(self) -> None:
        """Read the open conflicts again; choices and own values of rows still open are kept."""
        kept = {cid: (self.choice(r), self.value_editor(r).text()) for r, cid in enumerate(self.conflict_ids())}
        try:
            self.conflicts = open_conflicts(self.project, self.package_id)
        except TwinError as exc:
            self.conflicts = []
            notify.error(self, f"Die Konflikte können nicht gelesen werden: {exc}")
        self.errors = {cid: msg for cid, msg in self.errors.items()
                       if any(c.attrs["konflikt_id"] == cid for c in self.conflicts)}
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.conflicts))
        for r, c in enumerate(self.conflicts):
            a = c.attrs
            kind, col = a.get("art"), a.get("feld")
            layer_title, field_title, ftype = self._titles(a.get("layer"), col)
            values = [show_value(a.get(k)) for k in ("wert_basis", "wert_buero", "wert_tablet")]
            tablet_tip = None
            if a.get("daten_tablet") and kind != FIELD_VALUE:
                tablet_tip = "Daten vom Tablet:\n" + "\n".join(
                    f"{k}: {show_value(v)}" for k, v in a["daten_tablet"].items() if v not in (None, ""))
            cells = {C_LAYER: _item(layer_title, a.get("layer")),
                     C_OBJECT: _item(show_value(a.get("objekt")), f"Konflikt {a.get('konflikt_id')}"),
                     C_FIELD: _item(field_title, col or ""),
                     C_KIND: _item(KIND_TITLES.get(kind, kind or EMPTY), kind),
                     C_BASE: _item(_short(values[0]), values[0]),
                     C_OFFICE: _item(_short(values[1]), values[1]),
                     C_TABLET: _item(_short(values[2]), tablet_tip or values[2]),
                     C_BY: _item(show_value(a.get("bearbeitet_von"))),
                     C_AT: _item(show_value(a.get("bearbeitet_am"))),
                     C_MESSAGE: _item(a.get("meldung") or ""),
                     C_HINT: _item(self.errors.get(a["konflikt_id"], ""))}
            cells[C_HINT].setForeground(Qt.GlobalColor.darkRed)
            for column, item in cells.items():
                self.table.setItem(r, column, item)
            combo = QComboBox()
            combo.addItem(UNDECIDED, None)
            for label, choice in choices_for(kind):
                combo.addItem(label, choice)
                combo.setItemData(combo.count() - 1, CHOICES[choice], Qt.ItemDataRole.ToolTipRole)
            editor = QLineEdit()
            editor.setPlaceholderText(TYPE_HINTS.get(ftype, "Wert") if kind == FIELD_VALUE else "")
            editor.setEnabled(False)
            editor.setProperty("ftype", ftype)
            combo.currentIndexChanged.connect(lambda _=0, cb=combo, ed=editor: ed.setEnabled(cb.currentData() == "wert"))
            choice, text = kept.get(a["konflikt_id"], (None, ""))
            if choice is not None:
                combo.setCurrentIndex(max(combo.findData(choice), 0))
            editor.setText(text)
            self.table.setCellWidget(r, C_CHOICE, combo)
            self.table.setCellWidget(r, C_VALUE, editor)
        self.table.setColumnHidden(C_HINT, not self.errors)
        self.table.resizeColumnsToContents()
        for column, limit in ((C_MESSAGE, 420), (C_TABLET, 260), (C_BASE, 260), (C_OFFICE, 260), (C_HINT, 320)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))
        self.table.setColumnWidth(C_VALUE, max(self.table.columnWidth(C_VALUE), 140))
        n = len(self.conflicts)
        self.intro.setText(
            (f"<b>{n} offene(r) Konflikt(e).</b> " if n else "<b>Keine offenen Konflikte.</b> ")
            + "Diese Änderungen vom Tablet wurden nicht übernommen; im Datenbestand steht bis zur Entscheidung "
              "der Wert aus dem Büro. Bitte je Zeile entscheiden – Zeilen ohne Entscheidung bleiben offen.")
        self.apply_button.setEnabled(n > 0)

    # ----------------------------------------------------------------- access (also for tests)
    def conflict_ids(self) -> list[str]:
        return [c.attrs["konflikt_id"] for c in self.conflicts]

    def row_of(self, conflict_id: str) -> int:
        return self.conflict_ids().index(conflict_id)

    def choice_combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, C_CHOICE)

    def value_editor(self, row: int) -> QLineEdit:
        return self.table.cellWidget(row, C_VALUE)

    def choice(self, row: int) -> str | None:
        return self.choice_combo(row).currentData()

    def set_choice(self, row: int, choice: str | None, value: str = "") -> None:
        combo = self.choice_combo(row)
        index = combo.findData(choice) if choice is not None else 0
        if index < 0:
            raise ValueError(f"Die Entscheidung '{choice}' gibt es für diesen Konflikt nicht.")
        combo.setCurrentIndex(index)
        self.value_editor(row).setText(value)

    def texts(self, row: int) -> dict[str, str]:
        """The shown texts of a row by column title."""
        out = {}
        for c, title in enumerate(COLUMNS):
            item = self.table.item(row, c)
            out[title] = item.text() if item is not None else ""
        out["Entscheidung"] = self.choice_combo(row).currentText()
        out["Eigener Wert"] = self.value_editor(row).text()
        return out

    # ----------------------------------------------------------------- deciding
    def apply(self) -> int:
        """Decide every row with a decision (rows left open stay open); returns how many were decided."""
        decisions = []
        for r, c in enumerate(self.conflicts):
            choice = self.choice(r)
            if choice is not None:
                decisions.append((c, choice, self.value_editor(r)))
        if not decisions:
            self.summary.setText("Keine Entscheidung gewählt – alle Konflikte bleiben offen.")
            return 0
        done, failed = 0, []
        for c, choice, editor in decisions:
            cid = c.attrs["konflikt_id"]
            try:
                value = parse_value(editor.text(), editor.property("ftype")) if choice == "wert" else None
                resolve_conflict(self.project, cid, choice, value=value, actor=self.actor)
            except (TwinError, ValueError) as exc:
                self.errors[cid] = str(exc)
                failed.append(f"{c.attrs.get('objekt') or cid} ({c.attrs.get('feld') or c.attrs.get('art')}): {exc}")
            else:
                self.errors.pop(cid, None)
                done += 1
        left = len(self.conflicts) - done
        self.reload()
        text = f"{done} Konflikt(e) entschieden"
        if left:
            text += f"; {left} " + ("bleibt offen" if left == 1 else "bleiben offen")
        if failed:
            text += f"; {len(failed)} Entscheidung(en) nicht möglich (siehe Spalte „Hinweis“)"
        self.summary.setText(text + ".")
        if failed:
            notify.error(self, "Nicht alle Entscheidungen ließen sich übernehmen:\n" + "\n".join(failed))
        if done:
            self.decided.emit(done)
        return done
