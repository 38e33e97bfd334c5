"""The one place where the GUI reports errors: logged, and shown in a message box.

:func:`install_excepthook` makes an exception that escapes into the event loop (a bug) a German message box
„Unerwarteter Fehler …“ with the technical details collapsed, instead of an English traceback.
"""

from __future__ import annotations

import html
import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("stadtzwilling.gui")
_dialogs = True
_reporting = False  # an error while showing an error must not recurse

UNEXPECTED = ("Unerwarteter Fehler: Die letzte Aktion wurde wegen eines Programmfehlers abgebrochen. Bitte die "
              "technischen Angaben („Details einblenden …“) an die IT oder die Entwickler weitergeben.")


def show_dialogs(enabled: bool) -> None:
    """Switch the modal message box on or off (tests switch it off; errors are still logged)."""
    global _dialogs
    _dialogs = enabled


def error(parent: QWidget | None, message: str) -> None:
    """Report a German error message to the user."""
    log.error(message)
    if _dialogs:
        QMessageBox.critical(parent, "Stadtzwilling – Fehler", message)


def unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` of the desktop app: a German message, the traceback only under „Details“ (and in the
    log). A Stadtzwilling error (German already) is shown as such."""
    global _reporting
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    from twin.errors import TwinError

    if isinstance(exc, TwinError):
        log.error("%s\n%s", exc, details)
        message = str(exc)
    else:
        log.error("Unerwarteter Fehler\n%s", details)
        message = f"{UNEXPECTED}\n\n{exc_type.__name__}: {exc}"
    if not _dialogs or _reporting or QApplication.instance() is None:
        return
    _reporting = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, "Stadtzwilling – Unerwarteter Fehler", message,
                          QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setDetailedText(details)  # collapsed until „Details einblenden …“
        box.exec()
    finally:
        _reporting = False


def install_excepthook() -> None:
    """Show exceptions that reach the event loop as :func:`unexpected` does (the interactive app only: a
    screenshot run has nobody to close a message box)."""
    sys.excepthook = unexpected


def accept_checked(dialog) -> None:
    """OK of a dialog with ``problem()`` (German message or None) and a ``note`` label: accept, or show
    the problem in red in the note and keep the dialog open."""
    msg = dialog.problem()
    if msg:
        text = html.escape(msg, quote=False).replace("\n", "<br>")
        dialog.note.setText(f"<span style='color:#b00020'>{text}</span>")
        return
    dialog.accept()
