"""„Paket öffnen …“: a published Rats-/Bürgerzwilling in its own read-only window.

The signature and the publisher are checked against the trust store before anything else; a council
package then asks for its passphrase. The unpacked files are removed when the window closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from twin.errors import TwinError
from twin.package import SUFFIX, verify_package
from twin.publish.publish import open_published
from views import notify

#: where the municipality's (and its council's) trusted publisher keys (.pub) lie
TRUST_DIR = Path.home() / ".stadtzwilling" / "vertrauenswuerdig"


def open_package_window(parent: QWidget | None, path: str | Path | None = None, *, trust: Path = TRUST_DIR,
                        passphrase: str | None = None):
    """Ask for a package (unless given), verify and open it; the new main window, or None."""
    from views.main_window import MainWindow

    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, "Veröffentlichten Zwilling öffnen", "", f"Paket (*{SUFFIX})")
        if not path:
            return None
    try:
        if not trust.is_dir():
            raise TwinError(f"Kein Ordner mit vertrauenswürdigen Schlüsseln: {trust}. Den öffentlichen Schlüssel "
                            "(.pub) des Herausgebers dort ablegen, den Fingerabdruck vorher vergleichen.")
        manifest = verify_package(path, trust)  # refuses tampered or foreign-signed packages first
        if manifest.encrypted and passphrase is None:
            passphrase, ok = QInputDialog.getText(parent, "Passphrase", f"Passphrase für „{manifest.title}“:",
                                                  QLineEdit.EchoMode.Password)
            if not ok:
                return None
        twin = open_published(path, trusted=trust, passphrase=passphrase)
    except TwinError as exc:
        notify.error(parent, str(exc))
        return None
    window = MainWindow(twin.project)
    window.published_twin = twin  # closed with the window (see MainWindow.closeEvent)
    window.show()
    window.load_scene()
    return window
