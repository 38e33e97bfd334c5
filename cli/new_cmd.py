"""``stadtzwilling new DIR --crs 25832``"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import console
from twin.project import Project


def new(
    directory: Annotated[Path, typer.Argument(help="Projektordner (wird angelegt)")],
    crs: Annotated[int, typer.Option(help="EPSG-Code des Projekt-KBS (25832 = UTM 32N, 25833 = UTM 33N)")] = 25832,
    name: Annotated[Optional[str], typer.Option(help="Name der Gemeinde")] = None,
    extent: Annotated[Optional[tuple[float, float, float, float]],
                      typer.Option(help="Projektgebiet: xmin ymin xmax ymax im Projekt-KBS")] = None,
    vertical_crs: Annotated[int, typer.Option(help="Höhensystem (7837 = DHHN2016, 0 = keins)")] = 7837,
) -> None:
    project = Project.create(directory, crs=crs, name=name, extent=extent, vertical_crs=vertical_crs or None)
    console.print(f"[green]✓[/] Projekt „{project.name}“ angelegt in {directory} (EPSG:{crs})", highlight=False)
    project.close()
