"""``stadtzwilling open DIR [--screenshot FILE]``"""

from pathlib import Path
from typing import Annotated, Optional

import typer


def open_(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    screenshot: Annotated[Optional[Path], typer.Option(
        help="Hauptfenster mit 3D-Ansicht ohne Bildschirm als PNG speichern und beenden")] = None,
    size: Annotated[str, typer.Option(help="Fenstergröße BxH für --screenshot")] = "1400x900",
) -> None:
    from views.app import run_app

    width, height = (int(v) for v in size.lower().split("x"))
    raise typer.Exit(run_app(directory, screenshot=screenshot, size=(width, height)))
