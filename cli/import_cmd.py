"""``stadtzwilling import DIR FILE...``"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import console, print_reports, progress_bar
from importers.base import DEM_MESSAGE, CancelToken, defer_project_dem, detect_importer
from twin.dem import build_project_dem
from twin.errors import Cancelled, FormatError
from twin.project import Project


def import_(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    files: Annotated[list[Path], typer.Argument(help="Dateien (Format wird am Inhalt erkannt: ALKIS, CityGML, CityJSON, ISYBAU, GeoTIFF, XYZ, LAS/LAZ, CSV …)")],
    source_crs: Annotated[Optional[str], typer.Option(
        "--crs", "--source-crs", help="Quell-KBS, überschreibt die Angabe der Datei (z. B. EPSG:31467)")] = None,
    profile: Annotated[Optional[Path], typer.Option(
        help="Feldzuordnungs-Profil (TOML) für Baumkataster, Wasserzähler, Kanaldaten (Shapefile/GeoPackage) und flache Katasterauszüge")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Probelauf: alles lesen und prüfen, Bericht ausgeben, nichts speichern")] = False,
) -> None:
    project = Project.open(directory)
    cancel = CancelToken()
    reports = []
    try:
        importers = [detect_importer(f) for f in files]
        batch_dem = defer_project_dem(importers) and not dry_run
        for f, importer in zip(files, importers):
            if source_crs:
                importer.source_crs = source_crs
            if profile is not None:
                if not hasattr(importer, "profile"):
                    raise FormatError(f"Der Importer „{importer.title}“ verwendet keine Profile.", path=f)
                importer.profile = profile
            with progress_bar(f.name) as update:
                reports.append(importer(project, f, progress=update, cancel=cancel, dry_run=dry_run))
        if batch_dem:
            with progress_bar("Projekt-DGM") as update:
                update(0.0, DEM_MESSAGE)
                build_project_dem(project, check=lambda: cancel.check())
                update(1.0, "Projekt-DGM fertig")
    except KeyboardInterrupt:
        cancel.cancel()
        raise Cancelled() from None
    finally:
        print_reports(reports)
        project.close()
    done = "geprüft (Probelauf, nichts gespeichert)" if dry_run else "importiert"
    console.print(f"[bold green]{len(reports)} Datei(en) {done}.[/]", highlight=False)
