"""The „Flächen“ dock: inner-development candidates with their status, the search, and the area balance.

The list is read through the shown role's policy (the council preview shows no notes, the citizens' preview
only released areas). In the Verwaltungszwilling staff set the status of the selected area and release it;
„Potenzial ermitteln …“ runs the search in a worker with progress and cancel (nothing is written when
cancelled); the balance table shows the area per land-use class for the municipality and per Gemarkung.
Double-clicking a row selects the area in the 3D view. Menu „Ansicht“: the dock's show/hide entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from layers.areas import LAND_LAYER
from layers.scene import role_source
from twin.errors import TwinError
from twin.land.balance import area_balance
from twin.land.potential import update_candidates
from twin.land.register import set_released, set_status
from twin.model.land_potential import LAND_POTENTIAL, STATUS
from twin.user import current_user
from views import notify
from views.progress_dialog import ProgressDialog
from views.result_dock import add_result_dock, add_view_toggle
from views.workers import CANCELLED, OK

if TYPE_CHECKING:
    from views.main_window import MainWindow

COLUMNS = ("Kennung", "Art", "Lage", "Fläche [m²]", "Status")


def _m2(v: object) -> str:
    return f"{float(v):,.0f}".replace(",", ".") if v is not None else ""


class LandPanel(QWidget):
    """Candidate list with status editing, the search, and the area balance; draws nothing itself (the
    land layer of the scene is coloured by status)."""

    search_finished = Signal(str, object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.progress_dialog: ProgressDialog | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.show_in_view(row))
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.summary = QLabel("–")
        self.status_box = QComboBox()
        for key, label in STATUS.items():
            self.status_box.addItem(label, key)
        self.released_box = QCheckBox("Für den Bürgerzwilling freigegeben")
        self.apply_button = QPushButton("Status setzen")
        self.apply_button.clicked.connect(self.apply_status)
        self.search_button = QPushButton("Potenzial ermitteln …")
        self.search_button.setToolTip("Baulücken und untergenutzte Flurstücke aus Flurstücken, Nutzung und Gebäuden")
        self.search_button.clicked.connect(lambda: self.search())
        self.balance = QTableWidget(0, 4)
        self.balance.setHorizontalHeaderLabels(["Gebiet", "Nutzungsart", "Fläche [m²]", "Anteil"])
        self.balance.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.balance.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.balance_note = QLabel("")
        self.balance_note.setWordWrap(True)

        edit = QHBoxLayout()
        edit.addWidget(self.status_box)
        edit.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Innenentwicklungspotenzial</b>"))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.summary)
        layout.addLayout(edit)
        layout.addWidget(self.released_box)
        layout.addWidget(self.search_button)
        layout.addWidget(QLabel("<b>Flächenbilanz</b> (Tatsächliche Nutzung)"))
        layout.addWidget(self.balance, 2)
        layout.addWidget(self.balance_note)
        window.scene_ready.connect(self.refresh)
        self.refresh()

    # ----------------------------------------------------------------- reading
    @property
    def editable(self) -> bool:
        return self.main.role is None and not self.main.read_only

    @Slot()
    def refresh(self) -> None:
        """Re-read list and balance through the shown role (a few hundred rows: no worker needed)."""
        store = role_source(self.main.project, self.main.role).store
        feats = []
        if store.has_layer(LAND_POTENTIAL.name):
            feats = sorted(store.features(LAND_POTENTIAL.name), key=lambda f: (str(f.attrs.get("art")),
                                                                                 str(f.attrs["id"])))
        self.table.setRowCount(len(feats))
        for row, f in enumerate(feats):
            a = f.attrs
            values = (a["id"], a.get("art"), a.get("lage"), _m2(a.get("flaeche_m2")),
                      STATUS.get(str(a.get("status")), a.get("status")))
            for col, v in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem("" if v is None else str(v)))
        total = sum(float(f.attrs.get("flaeche_m2") or 0) for f in feats)
        self.summary.setText(f"{len(feats)} Flächen, zusammen {_m2(total)} m²" if feats else
                             "Keine Potenzialflächen – „Potenzial ermitteln …“ sucht sie.")
        for w in (self.status_box, self.apply_button, self.released_box, self.search_button):
            w.setEnabled(self.editable)
        self._fill_balance(store)

    def _fill_balance(self, store) -> None:
        try:
            b = area_balance(store)
        except TwinError as exc:
            self.balance.setRowCount(0)
            self.balance_note.setText(str(exc))
            return
        self.balance.setRowCount(len(b.rows))
        for row, r in enumerate(b.rows):
            for col, v in enumerate((r.district, r.klasse, _m2(r.flaeche_m2),
                                     f"{100 * r.anteil:.1f} %".replace(".", ","))):
                self.balance.setItem(row, col, QTableWidgetItem(v))
        self.balance_note.setText(f"Gebiete: {b.districts_from}")

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def ids(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def _on_selection(self) -> None:
        key = self.selected_id()
        if key is None or not self.editable:
            return
        f = self.main.project.store.get(LAND_POTENTIAL.name, key)
        if f is not None:
            self.status_box.setCurrentIndex(max(self.status_box.findData(f.attrs.get("status")), 0))
            self.released_box.setChecked(bool(f.attrs.get("freigegeben")))

    # ----------------------------------------------------------------- actions
    def show_in_view(self, row: int) -> None:
        """Select the area of a table row in the 3D view."""
        scene = self.main.scene
        key = self.table.item(row, 0).text()
        if scene is None:
            return
        try:
            layer = scene.layer(LAND_LAYER.name)
        except KeyError:
            return
        if key not in layer.feature_keys:
            return
        cells = np.flatnonzero(layer.mesh.cell_data["feature_id"] == layer.feature_keys.index(key))
        if len(cells):
            self.main.select_feature(layer.name, int(cells[0]))

    @Slot()
    def apply_status(self) -> None:
        """Write the chosen status and release flag of the selected area, then redraw."""
        key = self.selected_id()
        if key is None:
            notify.error(self.main, "Bitte zuerst eine Fläche in der Liste auswählen.")
            return
        try:
            set_status(self.main.project, key, self.status_box.currentData(), actor=current_user())
            set_released(self.main.project, key, self.released_box.isChecked(), actor=current_user())
        except TwinError as exc:
            notify.error(self.main, str(exc))
            return
        self.main.statusBar().showMessage(f"{key}: {self.status_box.currentText()}", 5000)
        self.main.load_scene()

    def search(self):
        """Run the search in a worker with a progress dialog (cancel writes nothing); returns the worker."""
        project = self.main.project

        def task(progress, cancel):
            return update_candidates(project, actor=current_user(), progress=progress, cancel=cancel)

        dialog = ProgressDialog("Suche Baulücken und untergenutzte Flurstücke …", "Flächenmanagement", self.main)
        dialog.show()
        self.progress_dialog = dialog

        def finished(outcome: str, payload: object) -> None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()
            self.progress_dialog = None
            if outcome == OK:
                counts = ", ".join(f"{n} × {k}" for k, n in payload.counts.items())
                self.main.statusBar().showMessage(f"Potenzial ermittelt: {counts}", 8000)
                self.main.load_scene()
            elif outcome == CANCELLED:
                self.main.statusBar().showMessage("Suche abgebrochen; es wurde nichts geändert.", 8000)
            else:
                notify.error(self.main, f"Die Suche nach Potenzialflächen ist fehlgeschlagen: {payload}")
            self.search_finished.emit(outcome, payload)

        worker = self.main._start(task, lambda w: (w.progress.connect(dialog.report), w.done.connect(finished)))
        dialog.canceled.connect(worker.cancel)
        return worker


def install_land(window: MainWindow) -> LandPanel:
    """Add the „Flächen“ dock (a tab next to „Eigenschaften“) and its entry in the menu „Ansicht“."""
    panel = LandPanel(window)
    dock = add_result_dock(window, panel, "Flächen", "&Flächenmanagement")
    add_view_toggle(window, dock)
    window.land_dock = dock
    return panel
