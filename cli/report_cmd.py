"""``stadtzwilling bericht PROJEKT VARIANTE --ausgabe DATEI.pdf [--rolle rat]``: the council report of a planning
variant as a PDF (key figures, before/after views, data sources)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import console, fail, open_project, progress_bar
from twin.errors import TwinError


def bericht(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    variante: Annotated[str, typer.Argument(help="Kurzname der Planungsvariante (siehe: stadtzwilling variant list)")],
    ausgabe: Annotated[Path, typer.Option("--ausgabe", "-o", help="PDF-Datei, die geschrieben wird")],
    rolle: Annotated[Optional[str], typer.Option(
        "--rolle", help="Nur lesen, was diese Rolle sehen darf (rat: Ratszwilling)")] = None,
) -> None:
    """Ratsbericht (PDF) aus einer Planungsvariante: Kennzahlen, 3D-Ansichten vorher/nachher, Datengrundlagen."""
    from twin.report import build_report
    from views.report_shots import render_views

    with open_project(directory) as project:
        try:
            with progress_bar("Ratsbericht") as bar:
                out = build_report(project, variante, ausgabe, render=render_views, role=rolle, progress=bar)
        except TwinError as exc:
            fail(str(exc))
    console.print(f"Ratsbericht geschrieben: {out}", highlight=False, soft_wrap=True)
