"""``stadtzwilling info DIR``"""

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli.console import console
from twin.project import Project


def info(directory: Annotated[Path, typer.Argument(help="Projektordner")]) -> None:
    with Project.open(directory) as project:
        c = project.config.project
        console.print(f"[bold]{project.name}[/]  EPSG:{c.crs}+{c.vertical_crs}  Gebiet {c.extent}", highlight=False)
        t = Table("Layer", "Titel", "Objekte")
        for name in project.store.layer_names():
            t.add_row(name, project.store.schema(name).title, str(project.store.count(name)))
        for r in project.store.rasters():
            t.add_row(r["name"], f"Raster ({r['kind']})", r["path"])
        console.print(t)
        h = Table("Nr.", "Datei", "Importer", "Zeit", "sha256")
        for p in project.store.provenance():
            h.add_row(str(p["id"]), Path(p["source_file"]).name, p["importer"], p["imported_at"], p["sha256"][:12])
        console.print(h)
