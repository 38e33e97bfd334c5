"""``stadtzwilling sample DIR``"""

import shutil
from pathlib import Path
from typing import Annotated

import typer

from cli.console import console, print_reports, progress_bar
from importers.sample import build_sample_project


def sample(
    directory: Annotated[Path, typer.Argument(help="Zielordner des Beispielprojekts")] = Path("sample_data/project"),
    force: Annotated[bool, typer.Option("--force", help="Vorhandenes Beispielprojekt ersetzen")] = False,
) -> None:
    if force and directory.exists():
        shutil.rmtree(directory)
    with progress_bar("Beispielgemeinde") as update:
        project, reports = build_sample_project(directory, progress=update)
    print_reports(reports)
    console.print(f"[bold green]Beispielprojekt „{project.name}“ bereit:[/] {directory}", highlight=False)
    project.close()
