"""``stadtzwilling import DIR FILE...``"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import console, print_reports, progress_bar
from importers.base import CancelToken, detect_importer
from twin.errors import Cancelled
from twin.project import Project


def import_(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    files: Annotated[list[Path], typer.Argument(help="Dateien (CityGML .gml, GeoTIFF .tif)")],
    source_crs: Annotated[Optional[str], typer.Option(help="Quell-KBS, falls die Datei keins nennt")] = None,
) -> None:
    project = Project.open(directory)
    cancel = CancelToken()
    reports = []
    try:
        for f in files:
            importer = detect_importer(f)
            if source_crs:
                importer.source_crs = source_crs
            with progress_bar(f.name) as update:
                reports.append(importer(project, f, progress=update, cancel=cancel))
    except KeyboardInterrupt:
        cancel.cancel()
        raise Cancelled() from None
    finally:
        print_reports(reports)
        project.close()
    console.print(f"[bold green]{len(reports)} Datei(en) importiert.[/]", highlight=False)
