"""Starting the desktop app: ``run_app`` (interactive window, or a screenshot without a screen)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from layers.scene import build_scene
from twin.project import Project
from views.headless import has_display, no_display_message, screenshot_platform
from views.main_window import MainWindow


def application() -> tuple[QApplication, bool]:
    """The QApplication (German locale and Qt texts); True if it was created here."""
    app = QApplication.instance()
    if app is not None:
        return app, False
    app = QApplication([sys.argv[0] if sys.argv else "stadtzwilling"])
    app.setApplicationName("Stadtzwilling")
    app.setOrganizationName("Stadtzwilling")
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    QLocale.setDefault(german)
    translator = QTranslator(app)
    if translator.load(german, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app, True


def run_app(directory: str | Path, *, screenshot: Path | None = None, size: tuple[int, int] = (1400, 900)) -> int:
    """Open a project in the main window and return the exit code.

    With ``screenshot`` the window is rendered (also without a screen) to that PNG and the
    function returns 0 without running an event loop. Without a screen and without
    ``screenshot`` it explains how to run headless and returns 2.
    """
    directory = Path(directory)
    if screenshot is None:
        if not has_display():
            print(no_display_message(str(directory)), file=sys.stderr)
            return 2
        return _run_interactive(directory, size)
    with screenshot_platform(size) as platform:
        return _save_screenshot(directory, Path(screenshot), size, platform)


def _run_interactive(directory: Path, size: tuple[int, int]) -> int:
    project = Project.open(directory)
    try:
        app, _ = application()
        window = MainWindow(project)
        window.resize(*size)
        window.show()
        window.load_scene()
        return app.exec()
    finally:
        project.close()


def _save_screenshot(directory: Path, path: Path, size: tuple[int, int], platform: str) -> int:
    project = Project.open(directory)
    try:
        app, owned = application()
        window = MainWindow(project)
        window.resize(*size)
        window.show()
        window.set_scene(build_scene(project))
        window.save_screenshot(path)
        window.close()
        window.deleteLater()
        if owned:  # release the window system before a private Xvfb goes away
            app.processEvents()
            app.shutdown()
    finally:
        project.close()
    print(f"Bild gespeichert: {path} (Darstellung: {platform})")
    return 0
