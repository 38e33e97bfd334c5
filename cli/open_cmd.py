"""``stadtzwilling open [DIR|PAKET.szpkg] [--screenshot FILE]``

Without an argument the start page opens (sample municipality, new project, published package, recent
projects). A project folder opens in the Verwaltungszwilling. A published package (``.szpkg``) opens in the
read-only viewer: its signature is checked against the trusted publisher keys first (``--trust``,
default ``~/.stadtzwilling/vertrauenswuerdig``), a council package asks for its passphrase (or reads
``STADTZWILLING_PASSPHRASE``); the unpacked files are removed when the viewer closes.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import fail

TRUST_DIR = Path.home() / ".stadtzwilling" / "vertrauenswuerdig"


def open_(
    directory: Annotated[Optional[Path], typer.Argument(
        help="Projektordner oder veröffentlichtes Paket (.szpkg); ohne: Startseite")] = None,
    screenshot: Annotated[Optional[Path], typer.Option(
        help="Hauptfenster mit 3D-Ansicht ohne Bildschirm als PNG speichern und beenden")] = None,
    size: Annotated[str, typer.Option(help="Fenstergröße BxH für --screenshot")] = "1400x900",
    trust: Annotated[Path, typer.Option(
        help="Ordner mit den öffentlichen Schlüsseln vertrauenswürdiger Herausgeber (.pub)")] = TRUST_DIR,
) -> None:
    from views.app import run_app

    width, height = (int(v) for v in size.lower().split("x"))
    if directory is None:  # the start page
        raise typer.Exit(run_app(None, screenshot=screenshot, size=(width, height), trust=trust))
    if not directory.is_file():
        raise typer.Exit(run_app(directory, screenshot=screenshot, size=(width, height)))
    twin = _open_package(directory, trust)
    try:
        code = run_app(twin.project.root, screenshot=screenshot, size=(width, height))
    finally:
        twin.close()
    raise typer.Exit(code)


def _open_package(path: Path, trust: Path):
    from twin.package import verify_package
    from twin.publish.publish import open_published, passphrase_from_env

    if not trust.is_dir():
        fail(f"Kein Ordner mit vertrauenswürdigen Schlüsseln: {trust} (Option --trust). Den öffentlichen "
             "Schlüssel (.pub) des Herausgebers dort ablegen; Fingerabdruck vorher telefonisch vergleichen.")
    manifest = verify_package(path, trust)  # signature and publisher before any passphrase
    passphrase = None
    if manifest.encrypted:
        passphrase = passphrase_from_env() or typer.prompt(f"Passphrase für „{manifest.title}“", hide_input=True)
    return open_published(path, trusted=trust, passphrase=passphrase)
