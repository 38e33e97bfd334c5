"""„Veröffentlichen …“: the Rats- or Bürgerzwilling as a signed package – or the Bürgerzwilling as a web site
(a folder for any web server) – built in a worker with progress."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QProgressDialog, QPushButton, QWidget)

from twin.package import MIN_PASSPHRASE, PUBLISHER_PRIVATE, SUFFIX
from twin.policy import ROLE_TITLES
from views.notify import accept_checked

STEPS = 1000


@dataclass
class PublishRequest:
    """What the dialog asked for."""

    role: str
    out: Path
    key: Path
    key_passphrase: str | None
    passphrase: str | None
    #: write the Bürgerzwilling as a static web site into the folder ``out`` (no key, no passphrase)
    web: bool = False


class PublishDialog(QDialog):
    """Role, target file, signing key and – for the council – the package passphrase (twice)."""

    def __init__(self, project_root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Zwilling veröffentlichen")
        self.setMinimumWidth(560)
        self.role = QComboBox()
        for role in ("rat", "buerger"):
            self.role.addItem(ROLE_TITLES[role], role)
        self.form = QComboBox()
        self.form.addItem("Signiertes Paket (.szpkg) für die Stadtzwilling-App", "paket")
        self.form.addItem("Webseite (Ordner für den Webserver, 3D im Browser)", "web")
        self.out = QLineEdit(str(project_root.parent / f"ratszwilling{SUFFIX}"))
        browse = QPushButton("…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.key = QLineEdit(str(project_root / "keys" / PUBLISHER_PRIVATE))
        self.key_passphrase = QLineEdit()
        self.key_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_passphrase.setPlaceholderText("nur wenn der Schlüssel geschützt ist")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Zwilling:", self.role)
        form.addRow("Form:", self.form)
        self.out_label = QLabel("Paketdatei:")
        form.addRow(self.out_label, row)
        form.addRow("Signierschlüssel:", self.key)
        form.addRow("Passphrase des Schlüssels:", self.key_passphrase)
        form.addRow("Passphrase des Ratspakets:", self.passphrase)
        form.addRow("Wiederholen:", self.repeat)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Veröffentlichen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        self.buttons.accepted.connect(lambda: accept_checked(self))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.form.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    @property
    def web(self) -> bool:
        return self.form.currentData() == "web"

    def _role_changed(self) -> None:
        council = self.role.currentData() == "rat"
        web_item = self.form.model().item(1)
        web_item.setEnabled(not council)  # the council twin is never an open web site
        if council and self.web:
            self.form.setCurrentIndex(0)
            return
        self.passphrase.setEnabled(council)
        self.repeat.setEnabled(council)
        self.key.setEnabled(not self.web)
        self.key_passphrase.setEnabled(not self.web)
        out = Path(self.out.text())
        name = "buergerzwilling_web" if self.web else ("ratszwilling" if council else "buergerzwilling") + SUFFIX
        self.out.setText(str(out.with_name(name)))
        self.out_label.setText("Zielordner:" if self.web else "Paketdatei:")
        if self.web:
            self.note.setText("Die Webseite enthält nur offene Daten (wie das Bürgerpaket) und läuft auf jedem "
                              "Webserver ohne Programme: den ganzen Ordner hochladen. Ein vorhandener "
                              "Web-Zwilling in diesem Ordner wird ersetzt.")
        else:
            self.note.setText("Das Ratspaket wird verschlüsselt; die Passphrase erhalten die Ratsmitglieder auf "
                              "anderem Weg." if council else "Das Bürgerpaket ist signiert, nicht verschlüsselt: "
                              "es enthält nur offene Daten.")

    def _browse(self) -> None:
        if self.web:
            path = QFileDialog.getExistingDirectory(self, "Zielordner der Webseite", str(Path(self.out.text()).parent))
        else:
            path, _ = QFileDialog.getSaveFileName(self, "Paket speichern", self.out.text(), f"Paket (*{SUFFIX})")
        if path:
            self.out.setText(path)

    def problem(self) -> str | None:
        """Why the entries cannot be used yet (German), or None."""
        if not self.out.text().strip():
            return "Bitte einen Zielordner angeben." if self.web else "Bitte eine Paketdatei angeben."
        if self.web:
            out = Path(self.out.text().strip())
            if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "szene.json").is_file())):
                return f"Der Ordner „{out}“ ist nicht leer und keine frühere Web-Veröffentlichung."
            return None
        if not Path(self.key.text()).is_file():
            return f"Kein Signierschlüssel unter „{self.key.text()}“ (anlegen: stadtzwilling keys new ORDNER)."
        if self.role.currentData() == "rat":
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                return f"Die Passphrase ist zu kurz (mindestens {MIN_PASSPHRASE} Zeichen)."
            if self.passphrase.text() != self.repeat.text():
                return "Die beiden Passphrasen stimmen nicht überein."
        return None

    def request(self) -> PublishRequest:
        council = self.role.currentData() == "rat"
        return PublishRequest(role=self.role.currentData(), out=Path(self.out.text().strip()),
                              key=Path(self.key.text()), key_passphrase=self.key_passphrase.text() or None,
                              passphrase=self.passphrase.text() if council else None, web=self.web)


class PublishProgressDialog(QProgressDialog):
    """„Veröffentliche …“ with a progress bar; "Abbrechen" emits ``canceled``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(f"Veröffentliche den {title} …", "Abbrechen", 0, STEPS, parent)
        self.setWindowTitle("Veröffentlichen")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)

    def report(self, fraction: float, message: str) -> None:
        self.setValue(int(fraction * STEPS))
        self.setLabelText(message)
