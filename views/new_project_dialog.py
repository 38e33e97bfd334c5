"""„Neues Projekt anlegen …“: name, CRS, target folder and a first file whose data give the project extent.

The dialog checks everything it can before anything is written (name, EPSG code, empty target folder, a file
whose format an importer recognises). :func:`create_project_from_file` then creates the project, imports the
first file through the normal importers (one transaction, reprojected into the project CRS) and takes the
extent of what was imported as the project extent in ``twin.toml``. If the import fails or is cancelled, the
new project folder is removed again: nothing half-made is left behind.
"""

from __future__ import annotations

import math
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from importers.base import CancelToken, ImportReport, ProgressFn, detect_importer, import_files
from twin.crs import resolve_crs
from twin.errors import CRSError, ImportFailed, ProjectError, TwinError
from twin.project import CONFIG_NAME, GPKG_NAME, Project
from twin.user import current_user
from views import notify

DEFAULT_EPSG = 25832
#: an extent without width or height (one tree, points on a line) is widened to this, centred on the data (m)
MIN_EXTENT = 100.0


@dataclass(frozen=True)
class NewProjectRequest:
    name: str
    epsg: int
    folder: Path
    first_file: Path


def parse_epsg(text: str) -> int:
    """A projected CRS as EPSG code from "25832" or "EPSG:25832"; CRSError with a German message otherwise."""
    raw = text.strip()
    m = re.fullmatch(r"(?:EPSG\s*:\s*)?(\d{4,6})", raw, re.IGNORECASE)
    if not m:
        raise CRSError(f"„{raw}“ ist kein EPSG-Code. Erwartet wird eine Zahl wie 25832 (ETRS89 / UTM 32N) "
                       "oder 25833 (ETRS89 / UTM 33N).")
    code = int(m.group(1))
    crs = resolve_crs(code)  # CRSError: "Unbekanntes Koordinatensystem … (EPSG:… gibt es nicht)."
    if not crs.is_projected:
        raise CRSError(f"EPSG:{code} ({crs.name}) ist kein projiziertes Koordinatensystem. Ein Projekt braucht "
                       "Meter-Koordinaten, z. B. 25832 (ETRS89 / UTM 32N) oder 25833 (ETRS89 / UTM 33N).")
    return code


def check_folder(folder: Path) -> None:
    """The target folder must be new or empty (so that a failed start can remove it again)."""
    if (folder / CONFIG_NAME).exists() or (folder / GPKG_NAME).exists():
        raise ProjectError(f"Im Ordner „{folder}“ gibt es bereits ein Projekt. Bitte einen neuen Ordner wählen "
                           "oder das Projekt über „Vorhandenes Projekt öffnen …“ öffnen.")
    if folder.exists() and not folder.is_dir():
        raise ProjectError(f"„{folder}“ ist eine Datei, kein Ordner.")
    if folder.is_dir() and any(folder.iterdir()):
        raise ProjectError(f"Der Ordner „{folder}“ ist nicht leer. Bitte einen neuen oder leeren Ordner wählen.")


def data_extent(project: Project) -> tuple[float, float, float, float] | None:
    """Bounding box (project CRS, whole metres outward) of everything stored: vector features and rasters."""
    boxes = [tuple(r["bounds"]) for r in project.store.rasters()]
    for name in project.store.layer_names():
        for feat in project.store.features(name):
            geom = feat.geometry
            if geom is not None and not geom.is_empty:
                boxes.append(geom.bounds)
    boxes = [b for b in boxes if all(math.isfinite(v) for v in b)]
    if not boxes:
        return None
    xmin, ymin = min(b[0] for b in boxes), min(b[1] for b in boxes)
    xmax, ymax = max(b[2] for b in boxes), max(b[3] for b in boxes)
    if xmax - xmin < 1.0:
        cx = (xmin + xmax) / 2
        xmin, xmax = cx - MIN_EXTENT / 2, cx + MIN_EXTENT / 2
    if ymax - ymin < 1.0:
        cy = (ymin + ymax) / 2
        ymin, ymax = cy - MIN_EXTENT / 2, cy + MIN_EXTENT / 2
    return float(math.floor(xmin)), float(math.floor(ymin)), float(math.ceil(xmax)), float(math.ceil(ymax))


def create_project_from_file(req: NewProjectRequest, progress: ProgressFn | None = None,
                             cancel: CancelToken | None = None) -> tuple[Path, list[ImportReport]]:
    """Create the project of ``req``, import its first file and set the extent from the imported data.

    Runs in a worker. On failure or cancel the new folder is removed and the error is raised again.
    """
    progress = progress or (lambda f, m: None)
    check_folder(req.folder)
    existed = req.folder.is_dir()
    progress(0.0, f"Lege das Projekt „{req.name}“ an …")
    project = Project.create(req.folder, crs=req.epsg, name=req.name, extent=None)
    try:
        reports = import_files(project, [req.first_file], progress=lambda f, m: progress(0.02 + 0.93 * f, m),
                               cancel=cancel, actor=current_user())
        if cancel is not None:
            cancel.check(req.first_file)
        progress(0.96, "Bestimme das Projektgebiet aus den Daten …")
        extent = data_extent(project)
        if extent is None:
            raise ImportFailed("Die Datei enthält keine Daten mit Koordinaten; daraus lässt sich kein "
                               "Projektgebiet bestimmen. Bitte eine Datei mit Geodaten wählen.",
                               path=req.first_file)
        project.config.project.extent = extent
        project.save_config()
    except BaseException:
        project.close()
        _remove(req.folder, keep_folder=existed)
        raise
    project.close()
    progress(1.0, "Fertig")
    return req.folder, reports


def _remove(folder: Path, *, keep_folder: bool) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if keep_folder:
        folder.mkdir(parents=True, exist_ok=True)


class NewProjectDialog(QDialog):
    """Asks for name, CRS, target folder and first file; „Anlegen“ only closes when everything checks out."""

    def __init__(self, parent: QWidget | None = None, *, base_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Neues Projekt anlegen")
        self.setMinimumWidth(620)
        self._base = base_folder or Path.home() / "Stadtzwilling"
        self._folder_edited = False
        self._request: NewProjectRequest | None = None
        self._crs_problem = self._file_problem = ""

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("z. B. Markt Weisendorf")
        self.crs_edit = QLineEdit(str(DEFAULT_EPSG))
        self.crs_edit.setToolTip("EPSG-Code des Projekt-Koordinatensystems: 25832 = ETRS89 / UTM 32N (West- und "
                                 "Süddeutschland), 25833 = ETRS89 / UTM 33N (Osten)")
        self.crs_label = QLabel()
        self.folder_edit = QLineEdit()
        folder_button = QPushButton("Wählen …")
        folder_button.clicked.connect(self._choose_folder)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText("Geländemodell, Gebäude, Flurstücke, Baumkataster …")
        file_button = QPushButton("Wählen …")
        file_button.clicked.connect(self._choose_file)
        self.file_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow("Name der Gemeinde:", self.name_edit)
        form.addRow("Koordinatensystem (EPSG):", self.crs_edit)
        form.addRow("", self.crs_label)
        form.addRow("Projektordner:", _row(self.folder_edit, folder_button))
        form.addRow("Erste Datei:", _row(self.file_edit, file_button))
        form.addRow("", self.file_label)
        hint = QLabel("Das Projektgebiet ergibt sich aus der Ausdehnung der ersten Datei; ihre Daten werden ins "
                      "Koordinatensystem des Projekts umgerechnet und gleich importiert.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Anlegen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.name_edit.textChanged.connect(self._name_changed)
        self.folder_edit.textEdited.connect(lambda _t: setattr(self, "_folder_edited", True))
        self.crs_edit.textChanged.connect(self._crs_changed)
        self.file_edit.editingFinished.connect(lambda: self._file_changed(self.file_edit.text()))
        self._crs_changed(self.crs_edit.text())

    # ----------------------------------------------------------------- fields
    def _name_changed(self, name: str) -> None:
        if not self._folder_edited:
            self.folder_edit.setText(str(self._base / _folder_name(name)) if name.strip() else "")

    def _crs_changed(self, text: str) -> None:
        try:
            code = parse_epsg(text)
        except TwinError as exc:
            self._crs_problem = str(exc)
            self.crs_label.setText("Ungültig – siehe Hinweis unten")
        else:
            self._crs_problem = ""
            self.crs_label.setText(f"EPSG:{code} – {resolve_crs(code).name}")
        self._show_problems()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Projektordner wählen", str(self._base))
        if folder:
            self._folder_edited = True
            self.folder_edit.setText(folder)

    def _choose_file(self) -> None:
        from views.import_dialog import file_filter

        path, _ = QFileDialog.getOpenFileName(self, "Erste Datei wählen", str(Path.home()), file_filter())
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        """Take ``path`` as the first file and show its recognised format (or why it cannot be read)."""
        self.file_edit.setText(str(path))
        self._file_changed(str(path))

    def _file_changed(self, text: str) -> None:
        self._file_problem = ""
        if not text.strip():
            self.file_label.clear()
        else:
            try:
                importer = detect_importer(Path(text.strip()))
            except TwinError as exc:
                self._file_problem = str(exc)
                self.file_label.setText("Nicht lesbar – siehe Hinweis unten")
            else:
                self.file_label.setText(f"Erkannt: {importer.title}")
        self._show_problems()

    def _show_problems(self, extra: str = "") -> None:
        """What is wrong so far (CRS, file; on „Anlegen“ the first problem found) under the fields."""
        problems = [p for p in (extra, self._crs_problem, self._file_problem) if p]
        self.error_label.setText("\n".join(dict.fromkeys(problems)))
        self.error_label.setVisible(bool(problems))
        self.adjustSize()

    # ----------------------------------------------------------------- result
    def check(self) -> NewProjectRequest:
        """The request from the fields; a TwinError with a German message naming the problem otherwise."""
        name = self.name_edit.text().strip()
        if not name:
            raise ProjectError("Bitte den Namen der Gemeinde angeben.")
        epsg = parse_epsg(self.crs_edit.text())
        folder_text = self.folder_edit.text().strip()
        if not folder_text:
            raise ProjectError("Bitte einen Projektordner angeben.")
        folder = Path(folder_text).expanduser()
        check_folder(folder)
        file_text = self.file_edit.text().strip()
        if not file_text:
            raise ImportFailed("Bitte eine erste Datei wählen: aus ihrer Ausdehnung ergibt sich das Projektgebiet.")
        first = Path(file_text).expanduser()
        detect_importer(first)  # unknown format or unreadable: FormatError/TwinIOError naming the file
        return NewProjectRequest(name=name, epsg=epsg, folder=folder, first_file=first)

    def request(self) -> NewProjectRequest:
        assert self._request is not None, "request() nach accept()"
        return self._request

    def accept(self) -> None:
        try:
            self._request = self.check()
        except TwinError as exc:
            self._show_problems(str(exc))
            notify.error(self, f"Das Projekt kann so nicht angelegt werden: {exc}")
            return
        self._show_problems()
        super().accept()


def _row(edit: QLineEdit, button: QPushButton) -> QWidget:
    w = QWidget()
    row = QHBoxLayout(w)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return w


def _folder_name(name: str) -> str:
    """A folder name from the municipality's name (letters, digits, umlauts; spaces to "_")."""
    keep = "".join(c if c.isalnum() or c in "-_" else " " for c in name)
    return "_".join(keep.split())[:60] or "Projekt"
