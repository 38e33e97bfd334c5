"""The start page: what a new user sees when the app opens without a project.

Three big actions – „Beispielgemeinde öffnen“ (built once into ``~/Stadtzwilling/Beispielgemeinde``),
„Neues Projekt anlegen …“ (name, CRS, folder, extent from a first file) and „Veröffentlichtes Paket
öffnen …“ (a signed Rats-/Bürgerzwilling) – plus „Vorhandenes Projekt öffnen …“ and the recently opened
projects. Long work (building the sample, creating a project from its first file) runs in a worker with a
progress dialog and „Abbrechen“; errors go to :mod:`views.notify` in German.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (QCommandLinkButton, QFileDialog, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from importers.base import CancelToken, ProgressFn
from twin.errors import TwinError
from twin.project import CONFIG_NAME, Project
from views import notify
from views.progress_dialog import ProgressDialog
from views.workers import CANCELLED, OK, Task, Worker

#: the user's folder for Stadtzwilling projects (the sample goes to ``<it>/Beispielgemeinde``)
HOME = Path.home() / "Stadtzwilling"
SAMPLE_FOLDER = "Beispielgemeinde"
RECENT_KEY = "zuletzt_geoeffnet"
MAX_RECENT = 8


class StartPage(QWidget):
    """The window without a project. ``window_opened(MainWindow)`` follows every opened project or package."""

    window_opened = Signal(object)

    def __init__(self, *, home: Path | None = None, trust: Path | None = None, settings: QSettings | None = None,
                 offscreen: bool | None = None) -> None:
        super().__init__()
        from views.package_viewer import TRUST_DIR

        self.home = Path(home) if home is not None else HOME
        self.trust = Path(trust) if trust is not None else TRUST_DIR
        self.settings = settings if settings is not None else QSettings("Stadtzwilling", "Stadtzwilling")
        self._offscreen = offscreen
        self.windows: list = []  # the main windows opened from here (they keep their project open)
        self._projects: list[Project] = []
        self._worker: Worker | None = None
        self.progress: ProgressDialog | None = None
        self.setWindowTitle("Stadtzwilling – Start")
        self.setObjectName("Startseite")

        title = QLabel("Stadtzwilling")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel("Der digitale Zwilling für Ihre Gemeinde. Es ist noch kein Projekt geöffnet – womit "
                       "möchten Sie beginnen?")
        intro.setWordWrap(True)

        self.sample_button = QCommandLinkButton(
            "Beispielgemeinde öffnen",
            "„Markt Musterdorf“ mit Gelände, Gebäuden, Flurstücken, Bäumen, Kanalnetz und Wasserzählern zum "
            "Ausprobieren. Beim ersten Mal wird sie aus den Beispieldaten aufgebaut.")
        self.sample_button.clicked.connect(lambda: self.open_sample())
        self.new_button = QCommandLinkButton(
            "Neues Projekt anlegen …",
            "Name der Gemeinde, Koordinatensystem und eine erste Datei (z. B. Geländemodell, Flurstücke, "
            "Baumkataster); ihre Ausdehnung wird das Projektgebiet.")
        self.new_button.clicked.connect(lambda: self.ask_new_project())
        self.package_button = QCommandLinkButton(
            "Veröffentlichtes Paket öffnen …",
            "Einen Rats- oder Bürgerzwilling (.szpkg) nur lesend öffnen; Signatur und Herausgeber werden zuerst "
            "geprüft.")
        self.package_button.clicked.connect(lambda: self.ask_open_package())
        self.open_button = QCommandLinkButton("Vorhandenes Projekt öffnen …",
                                              "Einen Projektordner (mit twin.toml) öffnen.")
        self.open_button.clicked.connect(lambda: self.ask_open_project())
        self.recent_label = QLabel("Zuletzt geöffnet:")
        self.recent_list = QListWidget()
        self.recent_list.setMaximumHeight(150)
        self.recent_list.itemActivated.connect(lambda item: self.open_project(item.data(Qt.ItemDataRole.UserRole)))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        for button in (self.sample_button, self.new_button, self.package_button, self.open_button):
            if button is not self.open_button:  # the three big actions of a first start
                big = QFont(button.font())
                big.setPointSizeF(big.pointSizeF() * 1.35)
                button.setFont(big)
                button.setMinimumHeight(72)
            layout.addWidget(button)
        layout.addSpacing(12)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_list)
        layout.addStretch(1)
        self._fill_recent()

    @property
    def sample_dir(self) -> Path:
        return self.home / SAMPLE_FOLDER

    @property
    def busy(self) -> bool:
        return self._worker is not None

    # ----------------------------------------------------------------- actions
    def open_sample(self) -> Worker | None:
        """Open the sample municipality; build it first (in a worker) if it is not there yet."""
        dest = self.sample_dir
        if (dest / CONFIG_NAME).exists():
            self.open_project(dest)
            return None
        existed = dest.exists()

        def task(progress: ProgressFn, cancel: CancelToken) -> tuple[Path, str]:
            from importers.sample import build_sample_project

            try:
                project, reports = build_sample_project(dest, progress=progress, cancel=cancel)
            except BaseException:
                if not existed:  # a half-built sample would look like a project next time
                    shutil.rmtree(dest, ignore_errors=True)
                raise
            project.close()
            return dest, f"Beispielgemeinde aufgebaut: {len(reports)} Dateien importiert"

        return self._run(task, "Baue die Beispielgemeinde „Markt Musterdorf“ auf …", "Beispielgemeinde",
                         "Die Beispielgemeinde konnte nicht aufgebaut werden")

    def ask_new_project(self) -> Worker | None:
        """The dialog „Neues Projekt anlegen“; on „Anlegen“ the project is created from its first file."""
        from views.new_project_dialog import NewProjectDialog

        dialog = NewProjectDialog(self, base_folder=self.home)
        if dialog.exec() != NewProjectDialog.DialogCode.Accepted:
            return None
        return self.create_project(dialog.request())

    def create_project(self, req) -> Worker | None:
        """Create the project of a :class:`~views.new_project_dialog.NewProjectRequest` in a worker, then open it."""
        from views.new_project_dialog import create_project_from_file

        def task(progress: ProgressFn, cancel: CancelToken) -> tuple[Path, str]:
            folder, reports = create_project_from_file(req, progress, cancel)
            return folder, "; ".join(r.summary() for r in reports)

        return self._run(task, f"Lege das Projekt „{req.name}“ an und importiere {req.first_file.name} …",
                         "Neues Projekt", f"Das Projekt „{req.name}“ konnte nicht angelegt werden")

    def ask_open_package(self, path: str | Path | None = None):
        """A published package (asks for the file unless given): verified, then opened read-only."""
        from views.package_viewer import open_package_window

        window = open_package_window(self, path, trust=self.trust)
        if window is not None:
            self.windows.append(window)
            self.hide()
            self.window_opened.emit(window)
        return window

    def ask_open_project(self):
        folder = QFileDialog.getExistingDirectory(self, "Projektordner öffnen", str(self.home))
        return self.open_project(folder) if folder else None

    def open_project(self, folder: str | Path, message: str | None = None):
        """Open a project folder in a main window (the start page hides); None with a German message on error."""
        from views.main_window import MainWindow

        folder = Path(folder)
        try:
            project = Project.open(folder)
        except TwinError as exc:
            notify.error(self, f"Das Projekt kann nicht geöffnet werden: {exc}")
            self._forget(folder)
            return None
        self._projects.append(project)
        window = MainWindow(project, offscreen=self._offscreen)
        self.windows.append(window)
        window.resize(max(self.width(), 1400), max(self.height(), 900))
        window.show()
        window.load_scene(message)
        self._remember(folder)
        self.hide()
        self.window_opened.emit(window)
        return window

    def close_projects(self) -> None:
        """Close the windows opened from here and their projects (at the end of the app)."""
        for window in self.windows:
            window.close()
        for project in self._projects:
            project.close()
        self._projects.clear()

    # ----------------------------------------------------------------- recent projects
    def recent(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):  # QSettings gives a single entry back as a string
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, folder: Path) -> None:
        path = str(folder.resolve())
        self.settings.setValue(RECENT_KEY, [path, *[p for p in self.recent() if p != path]][:MAX_RECENT])
        self.settings.sync()
        self._fill_recent()

    def _forget(self, folder: Path) -> None:
        path = str(folder.resolve())
        if path in self.recent():
            self.settings.setValue(RECENT_KEY, [p for p in self.recent() if p != path])
            self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for path in self.recent():
            if (Path(path) / CONFIG_NAME).exists():
                item = QListWidgetItem(f"{Path(path).name}   –   {path}")
                item.setData(Qt.ItemDataRole.UserRole, path)
                self.recent_list.addItem(item)
        shown = self.recent_list.count() > 0
        self.recent_label.setVisible(shown)
        self.recent_list.setVisible(shown)

    # ----------------------------------------------------------------- work
    def _run(self, task: Task, label: str, title: str, failure: str) -> Worker | None:
        """Run ``task`` (returning ``(folder, status message)``) with a progress dialog; then open the folder."""
        if self._worker is not None:
            notify.error(self, "Es läuft bereits ein Vorgang; bitte warten oder abbrechen.")
            return None
        dialog = ProgressDialog(label, title, self)
        worker = Worker(task, self)
        worker.progress.connect(dialog.report)
        dialog.canceled.connect(worker.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("Breche ab …"))

        def finished(outcome: str, payload: object) -> None:
            self._worker = None
            self.progress = None
            dialog.reset()
            dialog.close()
            dialog.deleteLater()
            self._set_enabled(True)
            if outcome == OK:
                folder, message = payload
                self.open_project(folder, message)
            elif outcome != CANCELLED:
                notify.error(self, f"{failure}: {payload}")

        worker.done.connect(finished)  # connected before the thread starts: a fast task cannot outrun it
        worker.finished.connect(worker.deleteLater)
        self._worker, self.progress = worker, dialog
        self._set_enabled(False)
        dialog.show()
        worker.start()
        return worker

    def _set_enabled(self, enabled: bool) -> None:
        for w in (self.sample_button, self.new_button, self.package_button, self.open_button, self.recent_list):
            w.setEnabled(enabled)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Cancel and wait for running work (a half-built project is removed by the task itself)."""
        if self._worker is not None:
            worker = self._worker
            worker.cancel()
            worker.dismiss()
            self._worker = None
            if self.progress is not None:
                self.progress.close()
                self.progress = None
        super().closeEvent(event)

    def save_screenshot(self, path: str | Path) -> None:
        from PySide6.QtWidgets import QApplication

        from twin.errors import TwinIOError

        QApplication.processEvents()
        if not self.grab().save(str(path), "PNG"):
            raise TwinIOError("Das Bildschirmfoto konnte nicht gespeichert werden.", path=path)

