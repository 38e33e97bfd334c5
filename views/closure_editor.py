"""Dialog of the administration twin: enter, change, end or delete a road closure.

Fields as the traffic authority words them (Art, Straße, Abschnitt, Zeitraum, Grund, Umleitung,
zuständige Stelle, interne Bemerkung). The closed section (the line) comes either from two house
numbers of the street (a straight line along the street, :func:`twin.auskunft.street_segment`) or
from two points clicked in the 3D view (the dialog is not modal for that). Every change goes through
:mod:`twin.closures` (one transaction with history); a refused change shows its German reason in the
dialog and writes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)
from shapely.geometry import LineString

from twin.user import current_user
from twin.auskunft import street_names, street_segment
from twin.closures import add_closure, delete_closure, end_closure, next_closure_id, update_closure
from twin.errors import TwinError
from twin.model.closures import ARTEN, ROAD_CLOSURES, as_date


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ClosureEditor(QDialog):
    """Add (``key=None``) or edit one closure; ``saved(message)`` after every successful write."""

    saved = Signal(str)

    def __init__(self, project: Any, key: str | None = None, *, view: Any = None, scene: Any = None,
                 parent: QWidget | None = None, actor: str | None = None) -> None:
        super().__init__(parent)
        self.project, self.key, self.view, self.scene = project, key, view, scene
        self.actor = actor or current_user()
        self.geometry_line: LineString | None = None
        self._picked: list[np.ndarray] = []
        self._picking = False
        old = project.store.get(ROAD_CLOSURES.name, key) if key and project.store.has_layer(ROAD_CLOSURES.name) \
            else None
        self.setWindowTitle(f"Sperrung {key} bearbeiten" if old else "Neue Sperrung")
        self.setMinimumWidth(560)

        today = date.today()
        self.number = QLineEdit(key or next_closure_id(project, today.year))
        self.number.setReadOnly(old is not None)
        self.art = QComboBox()
        self.art.setEditable(True)
        self.art.addItems(ARTEN)
        self.street = QComboBox()
        self.street.setEditable(True)
        self.street.addItems(street_names(project))
        self.street.setCurrentText("")
        self.section = QLineEdit()
        self.section.setPlaceholderText("z. B. zwischen Nr. 10 und 24 (leer: aus den Hausnummern)")
        self.von = QDateEdit(_qdate(today))
        self.bis = QDateEdit(_qdate(today))
        for d in (self.von, self.bis):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
        self.open_end = QCheckBox("bis auf Weiteres")
        self.open_end.toggled.connect(lambda on: self.bis.setEnabled(not on))
        self.reason = QLineEdit()
        self.detour = QLineEdit()
        self.detour.setPlaceholderText("z. B. über Bahnhofstraße und Schulweg")
        self.office = QLineEdit()
        self.office.setPlaceholderText("Stelle, z. B. Bauamt – Tiefbau (kein Personenname)")
        self.note = QLineEdit()

        form = QFormLayout()
        form.addRow("Sperrungsnummer", self.number)
        form.addRow("Art", self.art)
        form.addRow("Straße", self.street)
        form.addRow("Abschnitt", self.section)
        form.addRow("Von", self.von)
        until = QHBoxLayout()
        until.addWidget(self.bis, 1)
        until.addWidget(self.open_end)
        form.addRow("Bis", until)
        form.addRow("Grund", self.reason)
        form.addRow("Umleitung", self.detour)
        form.addRow("Zuständige Stelle", self.office)
        form.addRow("Interne Bemerkung (nur Verwaltung)", self.note)

        self.from_nr, self.to_nr = QLineEdit(), QLineEdit()
        self.from_nr.setPlaceholderText("von Nr.")
        self.to_nr.setPlaceholderText("bis Nr.")
        self.take_numbers = QPushButton("Abschnitt aus Hausnummern")
        self.take_numbers.clicked.connect(self.line_from_numbers)
        self.pick_button = QPushButton("Zwei Punkte in der 3D-Ansicht wählen")
        self.pick_button.setEnabled(view is not None and scene is not None)
        self.pick_button.clicked.connect(self.start_picking)
        self.line_info = QLabel("Noch keine Linie gewählt.")
        geo = QGroupBox("Gesperrter Abschnitt (Linie)")
        gl = QVBoxLayout(geo)
        nums = QHBoxLayout()
        for w in (self.from_nr, self.to_nr, self.take_numbers):
            nums.addWidget(w)
        gl.addLayout(nums)
        gl.addWidget(self.pick_button)
        gl.addWidget(self.line_info)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c")
        self.save_button = QPushButton("Speichern")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.end_button = QPushButton("Heute beenden")
        self.end_button.clicked.connect(lambda: self.end(date.today()))
        self.delete_button = QPushButton("Löschen")
        self.delete_button.clicked.connect(self.delete)
        cancel = QPushButton("Abbrechen")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.end_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        self.end_button.setVisible(old is not None)
        self.delete_button.setVisible(old is not None)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(geo)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        if old is not None:
            self._fill(old)
        if view is not None:
            view.picked.connect(self._on_pick)

    # ----------------------------------------------------------------- values
    def _fill(self, f: Any) -> None:
        a = f.attrs
        self.art.setCurrentText(a.get("art") or "")
        self.street.setCurrentText(a.get("strasse") or "")
        self.section.setText(a.get("abschnitt") or "")
        self.von.setDate(_qdate(as_date(a["von"])))
        bis = as_date(a.get("bis"))
        self.open_end.setChecked(bis is None)
        if bis is not None:
            self.bis.setDate(_qdate(bis))
        for w, name in ((self.reason, "grund"), (self.detour, "umleitung"), (self.office, "zustaendig"),
                        (self.note, "bemerkung_intern")):
            w.setText(a.get(name) or "")
        self._set_line(f.geometry)

    def values(self) -> dict[str, Any]:
        return {"art": self.art.currentText(), "strasse": self.street.currentText(),
                "abschnitt": self.section.text(), "von": _pydate(self.von.date()),
                "bis": None if self.open_end.isChecked() else _pydate(self.bis.date()),
                "grund": self.reason.text(), "umleitung": self.detour.text(), "zustaendig": self.office.text(),
                "bemerkung_intern": self.note.text()}

    def _set_line(self, geom: Any) -> None:
        self.geometry_line = geom
        if geom is None:
            self.line_info.setText("Noch keine Linie gewählt.")
        else:
            self.line_info.setText(f"Linie gewählt: {geom.length:.0f} m lang.")

    # ----------------------------------------------------------------- geometry
    @Slot()
    def line_from_numbers(self) -> None:
        try:
            self._set_line(street_segment(self.project, self.street.currentText(), self.from_nr.text(),
                                          self.to_nr.text()))
            self.error.clear()
            if not self.section.text():
                self.section.setText(f"zwischen Nr. {self.from_nr.text().strip()} und {self.to_nr.text().strip()}")
        except TwinError as exc:
            self.error.setText(str(exc))

    @Slot()
    def start_picking(self) -> None:
        self._picked, self._picking = [], True
        self.line_info.setText("Bitte den Anfang des Abschnitts in der 3D-Ansicht anklicken …")

    @Slot(object)
    def _on_pick(self, pick: Any) -> None:
        if not self._picking or pick is None or self.scene is None:
            return
        self.add_point(self.scene.to_project(pick.position)[:2])

    def add_point(self, xy: Any) -> None:
        """One picked point (project CRS); the second one completes the line."""
        self._picked.append(np.asarray(xy, dtype=float)[:2])
        if len(self._picked) == 1:
            self.line_info.setText("Anfang gesetzt – jetzt das Ende anklicken …")
            return
        self._picking = False
        self._set_line(LineString(self._picked[:2]))

    # ----------------------------------------------------------------- writing
    def _run(self, action, message: str) -> bool:
        try:
            action()
        except TwinError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.saved.emit(message)
        self.accept()
        return True

    @Slot()
    def save(self) -> bool:
        number = self.number.text().strip()
        if self.key is None:
            return self._run(lambda: add_closure(self.project, {**self.values(), "sperrung_id": number},
                                                 self.geometry_line, actor=self.actor),
                             f"Sperrung {number} angelegt")
        return self._run(lambda: update_closure(self.project, self.key, self.values(), geometry=self.geometry_line,
                                                actor=self.actor), f"Sperrung {self.key} gespeichert")

    def end(self, day: date) -> bool:
        return self._run(lambda: end_closure(self.project, self.key, day, actor=self.actor),
                         f"Sperrung {self.key} endet am {day:%d.%m.%Y}")

    @Slot()
    def delete(self) -> bool:
        return self._run(lambda: delete_closure(self.project, self.key, actor=self.actor),
                         f"Sperrung {self.key} gelöscht")

    def done(self, result: int) -> None:
        if self.view is not None:
            try:
                self.view.picked.disconnect(self._on_pick)
            except (RuntimeError, TypeError):
                pass
            self.view = None
        super().done(result)


