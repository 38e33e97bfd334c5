"""Starting the desktop app: ``run_app`` (interactive window, or a screenshot without a screen)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from layers.scene import build_scene
from twin.project import Project
from views import gc_pin, notify
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
    gc_pin.hold(app)  # for the app's lifetime: no other thread (workers, MQTT) collects Qt or VTK objects
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    QLocale.setDefault(german)
    translator = QTranslator(app)
    if translator.load(german, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app, True


def run_app(directory: str | Path | None = None, *, screenshot: Path | None = None,
            size: tuple[int, int] = (1400, 900), trust: Path | None = None) -> int:
    """Open a project in the main window (without ``directory``: the start page) and return the exit code.

    With ``screenshot`` the window is rendered (also without a screen) to that PNG and the
    function returns 0 without running an event loop. Without a screen and without
    ``screenshot`` it explains how to run headless and returns 2. ``trust``: the folder of trusted
    publisher keys for „Veröffentlichtes Paket öffnen“ on the start page.
    """
    directory = Path(directory) if directory is not None else None
    if screenshot is None:
        if not has_display():
            print(no_display_message(str(directory or "")).replace("open  ", "open "), file=sys.stderr)
            return 2
        if directory is None:
            return _run_start_page(size, trust)
        return _run_interactive(directory, size)
    with screenshot_platform(size) as platform:
        if directory is None:
            return _save_start_screenshot(Path(screenshot), size, platform)
        return _save_screenshot(directory, Path(screenshot), size, platform)


def _run_interactive(directory: Path, size: tuple[int, int]) -> int:
    project = Project.open(directory)
    try:
        app, _ = application()
        notify.install_excepthook()
        window = MainWindow(project)
        window.resize(*size)
        window.show()
        window.load_scene()
        return app.exec()
    finally:
        project.close()


def _run_start_page(size: tuple[int, int], trust: Path | None) -> int:
    """The start page (open the sample, create a project, open a package); its windows close with the app."""
    from views.start_page import StartPage

    app, _ = application()
    notify.install_excepthook()
    page = StartPage(trust=trust)
    page.resize(min(size[0], 900), min(size[1], 760))
    page.show()
    try:
        return app.exec()
    finally:
        page.close()
        page.close_projects()


def _save_start_screenshot(path: Path, size: tuple[int, int], platform: str) -> int:
    from views.start_page import StartPage

    app, owned = application()
    page = StartPage()
    page.resize(*size)
    page.show()
    page.save_screenshot(path)
    page.close()
    page.deleteLater()
    if owned:  # release the window system before a private Xvfb goes away
        app.processEvents()
        app.shutdown()
    print(f"Bild gespeichert: {path} (Darstellung: {platform})")
    return 0


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
