"""The „Feldarbeit“ dock: field packages issued for the tablets (QField), their sync and the open conflicts.

A table lists every package (title, team, created, synced state, last sync, open conflicts). „Paket
exportieren …“ asks for team, folder and area (:mod:`views.field_export_dialog`) and writes the package;
„Tablet-Paket synchronisieren …“ takes a package folder back from a tablet and merges its changes
(:func:`twin.field.sync.sync_package`). Both run in a worker of the main window with the shared progress
dialog („Abbrechen“ leaves nothing behind); errors go to :func:`views.notify.error`. What a sync could not
merge on its own stays a conflict until someone decides it in „Konflikte prüfen …“
(:mod:`views.conflict_dialog`). Submenu „Datei > Feldarbeit“ with the same actions, the dock's show/hide
entry also in „Ansicht“; not in a published, read-only twin.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMenu, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from twin.user import current_user
from twin.errors import TwinError
from twin.field.resolve import open_conflicts, packages
from views import notify
from views.progress_dialog import ProgressDialog
from views.result_dock import add_result_dock
from views.workers import CANCELLED, OK, Task, Worker

if TYPE_CHECKING:
    from views.conflict_dialog import ConflictDialog
    from views.field_export_dialog import FieldExportRequest
    from views.main_window import MainWindow

COLUMNS = ("Titel", "Team", "erstellt", "Stand", "zuletzt\nsynchronisiert", "offene\nKonflikte")
#: the dock's width when it is shown for a package (the table has six columns)
DOCK_WIDTH = 560
PACKAGE_ID = Qt.ItemDataRole.UserRole


def local_time(value: Any) -> str:
    """'2026-11-23T09:38:35.618Z' -> '23.11.2026 10:38' (local time); '–' for nothing."""
    if not value:
        return "–"
    try:
        t = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if t.tzinfo is not None:
        t = t.astimezone()
    return t.strftime("%d.%m.%Y %H:%M")


def _item(text: str, tooltip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class FieldPanel(QWidget):
    """Package table, export, sync and the way to the conflicts; long work in workers of ``window``."""

    packages_changed = Signal()
    export_finished = Signal(str, object)  # outcome (ok/failed/cancelled), ExportResult or message
    sync_finished = Signal(str, object)  # outcome, SyncResult or message
    conflicts_decided = Signal(int)  # number of conflicts just decided

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.packages: list[Any] = []
        self.open_count = 0
        self.progress: ProgressDialog | None = None  # while an export or a sync runs
        self.review_offer: QMessageBox | None = None  # „Konflikte jetzt prüfen?“ after a sync
        self.review: ConflictDialog | None = None
        self._busy = False

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.export_button = QPushButton("Paket exportieren …")
        self.export_button.setToolTip("Ein Feldpaket (GeoPackage und QGIS-Projekt für QField) für ein Feldteam "
                                      "schreiben")
        self.export_button.clicked.connect(self.ask_export)
        self.sync_button = QPushButton("Tablet-Paket synchronisieren …")
        self.sync_button.setToolTip("Den Paketordner vom Tablet (mit daten.gpkg) wählen und die Änderungen "
                                    "übernehmen")
        self.sync_button.clicked.connect(self.ask_sync)
        self.conflicts_button = QPushButton("Konflikte prüfen …")
        self.conflicts_button.setToolTip("Werte, die im Büro und auf dem Tablet geändert wurden, ausdrücklich "
                                         "entscheiden")
        self.conflicts_button.clicked.connect(lambda: self.open_review())
        self.info = QLabel()
        self.info.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.conflicts_button)
        layout.addLayout(row)
        self.refresh()

    # ----------------------------------------------------------------- the package table
    def refresh(self) -> None:
        """Read the packages and open conflicts again and fill the table."""
        project = self.main.project
        try:
            self.packages = packages(project)
            conflicts = open_conflicts(project)
        except TwinError as exc:
            self.packages, conflicts = [], []
            self.info.setText(f"Feldpakete nicht lesbar: {exc}")
        per_package = Counter(c.attrs.get("paket_id") for c in conflicts)
        teams = project.policy.field_teams
        self.table.setRowCount(len(self.packages))
        for r, pkg in enumerate(self.packages):
            a = pkg.attrs
            pid, team = a.get("paket_id"), a.get("team")
            rule = teams.get(team)
            syncs = int(a.get("synchronisationen") or 0)
            title = _item(a.get("titel") or pid, f"Paket-ID {pid}\nerstellt von {a.get('erstellt_von') or '–'}")
            title.setData(PACKAGE_ID, pid)
            n = per_package.get(pid, 0)
            count = _item(str(n))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if n:
                count.setForeground(Qt.GlobalColor.darkRed)
            stand = _item(str(int(a.get("stand") or 0)), f"{syncs} Synchronisation(en)")
            stand.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            team_title = rule.title if rule else str(team)
            for c, item in enumerate((title, _item(team_title.split(" (")[0], f"{team_title} – {team}"),
                                      _item(local_time(a.get("erstellt_am"))), stand,
                                      _item(local_time(a.get("zuletzt_synchronisiert"))), count)):
                self.table.setItem(r, c, item)
        self.open_count = len(conflicts)
        self.conflicts_button.setText(f"Konflikte prüfen ({self.open_count}) …" if self.open_count
                                      else "Konflikte prüfen …")
        self.conflicts_button.setEnabled(self.open_count > 0)
        action = getattr(self.main, "field_conflicts_action", None)
        if action is not None:
            action.setText(self.conflicts_button.text())
            action.setEnabled(self.open_count > 0)
        if not self.packages:
            self.info.setText("Noch keine Feldpakete ausgegeben.")
        else:
            self.info.setText(f"{len(self.packages)} Feldpaket(e) ausgegeben · "
                              + (f"{self.open_count} offene(r) Konflikt(e)" if self.open_count
                                 else "keine offenen Konflikte"))
        self.packages_changed.emit()

    def package_ids(self) -> list[str]:
        return [self.table.item(r, 0).data(PACKAGE_ID) for r in range(self.table.rowCount())]

    def cell_texts(self, row: int) -> list[str]:
        return [self.table.item(row, c).text() for c in range(self.table.columnCount())]

    def show_dock(self) -> None:
        dock = getattr(self.main, "field_dock", None)
        if dock is not None:
            dock.show()
            dock.raise_()
            if dock.width() < DOCK_WIDTH:
                self.main.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    # ----------------------------------------------------------------- long work
    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.export_button.setEnabled(not busy)
        self.sync_button.setEnabled(not busy)
        for name in ("field_export_action", "field_sync_action"):
            action = getattr(self.main, name, None)
            if action is not None:
                action.setEnabled(not busy)

    def _run(self, task: Task, *, label: str, window_title: str, status: str, finished) -> Worker | None:
        """``task`` in a worker of the main window with the progress dialog (kept in ``self.progress``)."""
        if self._busy:
            self.main.statusBar().showMessage("Es läuft bereits ein Export oder eine Synchronisation.", 5000)
            return None
        dialog = ProgressDialog(label, window_title, self.main)
        dialog.show()

        def done(outcome: str, payload: object) -> None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()
            self.progress = None
            self._set_busy(False)
            finished(outcome, payload)

        worker = self.main._start(task, lambda w: (w.progress.connect(dialog.report), w.done.connect(done)))
        dialog.canceled.connect(worker.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("Breche ab …"))
        self.progress = dialog
        self._set_busy(True)
        self.main.statusBar().showMessage(status)
        return worker

    # ----------------------------------------------------------------- export
    def ask_export(self) -> Worker | None:
        """The export dialog; on „Exportieren“ the export starts."""
        from views.field_export_dialog import FieldExportDialog

        dialog = FieldExportDialog(self.main.project, self.main)
        if dialog.exec() != FieldExportDialog.DialogCode.Accepted:
            return None
        return self.export(dialog.request())

    def export(self, req: FieldExportRequest) -> Worker | None:
        """Write the package of ``req`` in a worker; ``export_finished`` follows."""
        from twin.field.export import export_package

        project, actor = self.main.project, current_user()
        rule = project.policy.field_teams.get(req.team)
        team_title = rule.title if rule is not None else req.team

        def task(progress, cancel):
            return export_package(project, req.team, req.out, bbox=req.bbox, title=req.title, actor=actor,
                                  progress=progress, cancel=cancel)

        def finished(outcome: str, payload: object) -> None:
            if outcome == OK:
                counts = ", ".join(f"{n} {name}" for name, n in payload.counts.items())
                self.main.statusBar().showMessage(f"Feldpaket für {team_title} geschrieben: {payload.path}"
                                                  + (f" ({counts})" if counts else ""))
                self.refresh()
                self.show_dock()
            elif outcome == CANCELLED:
                self.main.statusBar().showMessage("Export abgebrochen; es wurde kein Feldpaket geschrieben.", 8000)
            else:
                self.main.statusBar().showMessage("Export des Feldpakets fehlgeschlagen.", 8000)
                notify.error(self.main, f"Das Feldpaket konnte nicht exportiert werden: {payload}")
            self.export_finished.emit(outcome, payload)

        return self._run(task, label=f"Exportiere das Feldpaket für {team_title} …",
                         window_title="Feldpaket exportieren", status=f"Exportiere Feldpaket nach {req.out} …",
                         finished=finished)

    # ----------------------------------------------------------------- sync
    def ask_sync(self) -> Worker | None:
        """Choose the package folder from the tablet, then sync it."""
        folder = QFileDialog.getExistingDirectory(self.main, "Tablet-Paket wählen (Ordner mit daten.gpkg)",
                                                  str(Path.home()))
        if not folder:
            return None
        return self.sync(folder)

    def sync(self, folder: str | Path) -> Worker | None:
        """Merge the tablet's changes of the package in ``folder`` in a worker; ``sync_finished`` follows."""
        from twin.field.spec import PACKAGE_GPKG
        from twin.field.sync import sync_package

        folder = Path(folder)
        if not (folder / PACKAGE_GPKG).is_file():
            notify.error(self.main, f"Im Ordner „{folder}“ fehlt die Datei {PACKAGE_GPKG} – das ist kein "
                                    "Feldpaket. Bitte den Paketordner wählen, wie er vom Tablet kommt.")
            return None
        project, actor = self.main.project, current_user()

        def task(progress, cancel):
            return sync_package(project, folder, actor=actor, progress=progress, cancel=cancel)

        def finished(outcome: str, payload: object) -> None:
            if outcome == OK:
                summary = payload.summary()
                self.main.statusBar().showMessage(summary)
                self.refresh()
                self.show_dock()
                if not payload.unchanged:
                    self.main.load_scene(f"Feldpaket synchronisiert. {summary}")
                if payload.conflicts:
                    self.offer_review(payload)
            elif outcome == CANCELLED:
                self.main.statusBar().showMessage("Synchronisation abgebrochen; es wurde nichts übernommen.", 8000)
            else:
                self.main.statusBar().showMessage("Synchronisation fehlgeschlagen; es wurde nichts übernommen.",
                                                  8000)
                notify.error(self.main, f"Das Tablet-Paket wurde nicht übernommen: {payload}")
            self.sync_finished.emit(outcome, payload)

        return self._run(task, label=f"Synchronisiere das Tablet-Paket „{folder.name}“ …",
                         window_title="Tablet-Paket synchronisieren", status=f"Synchronisiere {folder} …",
                         finished=finished)

    def offer_review(self, result: Any) -> QMessageBox:
        """After a sync with conflicts: „Konflikte jetzt prüfen?“ (a window-modal box; nothing is decided)."""
        if self.review_offer is not None:
            self.review_offer.close()
        n = len(result.conflicts)
        box = QMessageBox(QMessageBox.Icon.Question, "Feldsynchronisation",
                          f"{n} Änderung(en) vom Tablet ließen sich nicht automatisch übernehmen. Sie bleiben "
                          "offen, bis sie ausdrücklich entschieden sind.\n\nKonflikte jetzt prüfen?",
                          QMessageBox.StandardButton.NoButton, self.main)
        box.setDetailedText(result.summary())
        self.review_button = box.addButton("Konflikte prüfen …", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Später", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.review_button)
        box.buttonClicked.connect(lambda button: self._offer_answered(button is self.review_button,
                                                                      result.package_id))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "review_offer", None))
        self.review_offer = box
        box.open()
        return box

    def _offer_answered(self, review: bool, package_id: str) -> None:
        if review:
            self.open_review()

    # ----------------------------------------------------------------- conflicts
    def open_review(self, package_id: str | None = None) -> ConflictDialog:
        """The review dialog of the open conflicts (all, or of one package); non-modal, decides nothing itself."""
        from views.conflict_dialog import ConflictDialog

        if self.review is not None:
            self.review.package_id = package_id
            self.review.reload()
        else:
            self.review = ConflictDialog(self.main.project, self.main, package_id=package_id, actor=current_user())
            self.review.decided.connect(self._decided)
            self.review.finished.connect(self._review_closed)
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        return self.review

    @Slot(int)
    def _decided(self, n: int) -> None:
        self.refresh()
        if n:
            self.main.load_scene(f"{n} Konflikt(e) aus der Feldsynchronisation entschieden")
        self.conflicts_decided.emit(n)

    @Slot(int)
    def _review_closed(self, _: int) -> None:
        if self.review is not None:
            self.review.deleteLater()
            self.review = None

    def close_panel(self) -> None:
        """Close the progress dialog, the review offer and the review dialog (the window closes)."""
        for widget in (self.progress, self.review_offer, self.review):
            if widget is not None:
                widget.close()
        self.progress = self.review_offer = None


def _menu(window: MainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title().replace("&", "") == title:
            return menu
    return None


def install_field(window: MainWindow) -> FieldPanel | None:
    """Add the „Feldarbeit“ dock (a tab next to „Eigenschaften“), the submenu „Datei > Feldarbeit“ and the
    dock's show/hide entry in „Ansicht“ (None in a published, read-only twin: no field work there)."""
    if window.read_only:
        return None
    window.field_conflicts_action = None
    panel = FieldPanel(window)
    dock = add_result_dock(window, panel, "Feldarbeit", "Feldarbeit-Ü&bersicht")
    datei = _menu(window, "Datei")
    menu = QMenu("&Feldarbeit", window)
    if datei is not None:  # before „Beenden“
        quit_separator = next((a for a in reversed(datei.actions()) if a.isSeparator()), None)
        datei.insertMenu(quit_separator, menu) if quit_separator is not None else datei.addMenu(menu)
        datei.insertSeparator(menu.menuAction())
    else:
        window.menuBar().addMenu(menu)
    for name, text, slot in (("field_export_action", "Paket &exportieren …", panel.ask_export),
                             ("field_sync_action", "Tablet-Paket &synchronisieren …", panel.ask_sync),
                             ("field_conflicts_action", panel.conflicts_button.text(), panel.open_review)):
        act = QAction(text, window)
        act.setObjectName(name)
        act.triggered.connect(lambda _=False, s=slot: s())
        menu.addAction(act)
        setattr(window, name, act)
    window.field_conflicts_action.setEnabled(panel.open_count > 0)
    menu.addSeparator()
    menu.addAction(dock.toggleViewAction())
    ansicht = _menu(window, "Ansicht")
    if ansicht is not None:  # after the other docks' entries
        inspector = window._inspector_dock.toggleViewAction()
        actions = ansicht.actions()
        after = actions.index(inspector) + 1 if inspector in actions else len(actions)
        if after < len(actions):
            ansicht.insertAction(actions[after], dock.toggleViewAction())
        else:
            ansicht.addAction(dock.toggleViewAction())
    dock.setVisible(bool(panel.packages))
    window._inspector_dock.raise_()
    window.field_dock = dock
    window.field_menu = menu
    return panel
