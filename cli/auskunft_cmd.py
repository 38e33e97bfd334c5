"""``stadtzwilling auskunft DIR "Hauptstraße 12" [--datum 2026-11-23]``: what is closed there that day.

Prints the German one-line answers of :func:`twin.auskunft.lookup` (active closures first, then those
starting within 14 days); the internal note of a closure is never printed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import console, fail, open_project
from twin.auskunft import lookup
from twin.closures import parse_day
from twin.errors import TwinError


def auskunft(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    frage: Annotated[str, typer.Argument(help="Straße, Adresse oder Flurstück, z. B. \"Hauptstraße 12\", "
                                               "\"Flur 1 Flurstück 120/4\"")],
    datum: Annotated[Optional[str], typer.Option(
        "--datum", help="Stichtag (2026-11-23 oder 23.11.2026; Standard: heute)")] = None,
) -> None:
    """Sperrungen und Baustellen an einer Adresse, Straße oder einem Flurstück an einem Tag."""
    try:
        day = parse_day(datum, "--datum") if datum else date.today()
    except TwinError as exc:
        fail(str(exc))
    with open_project(directory) as project:
        a = lookup(project, frage, day)
    if a.places:
        console.print(f"[bold]{', '.join(p.label for p in a.places)}[/] – Stand {a.day:%d.%m.%Y}", highlight=False)
    for hit in a.hits:
        colour = "red" if hit.status == "aktiv" else "magenta"
        console.print(f"[{colour}]{hit.status.upper():8}[/] {hit.text}  [dim]({hit.sperrung_id})[/]",
                      highlight=False, soft_wrap=True)
    if a.message:
        console.print(a.message, highlight=False, soft_wrap=True)
    if not a.places:
        raise typer.Exit(1)
