"""The one place where the GUI reports errors: logged, and shown in a message box."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("stadtzwilling.gui")
_dialogs = True


def show_dialogs(enabled: bool) -> None:
    """Switch the modal message box on or off (tests switch it off; errors are still logged)."""
    global _dialogs
    _dialogs = enabled


def error(parent: QWidget | None, message: str) -> None:
    """Report a German error message to the user."""
    log.error(message)
    if _dialogs:
        QMessageBox.critical(parent, "Stadtzwilling – Fehler", message)
