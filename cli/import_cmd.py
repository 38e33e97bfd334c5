"""``stadtzwilling import DIR FILE...``"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.console import console, print_reports, progress_bar
from importers.base import CancelToken, detect_importer
from twin.errors import Cancelled, FormatError
from twin.project import Project


def import_(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    files: Annotated[list[Path], typer.Argument(help="Dateien (CityGML .gml, GeoTIFF .tif)")],
    source_crs: Annotated[Optional[str], typer.Option(
        "--crs", "--source-crs", help="Quell-KBS, überschreibt die Angabe der Datei (z. B. EPSG:31467)")] = None,
    profile: Annotated[Optional[Path], typer.Option(
        help="Feldzuordnungs-Profil (TOML) für Baumkataster und flache Katasterauszüge")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Probelauf: alles lesen und prüfen, Bericht ausgeben, nichts speichern")] = False,
) -> None:
    project = Project.open(directory)
    cancel = CancelToken()
    reports = []
    try:
        for f in files:
            importer = detect_importer(f)
            if source_crs:
                importer.source_crs = source_crs
            if profile is not None:
                if not hasattr(importer, "profile"):
                    raise FormatError(f"Der Importer „{importer.title}“ verwendet keine Profile.", path=f)
                importer.profile = profile
            with progress_bar(f.name) as update:
                reports.append(importer(project, f, progress=update, cancel=cancel, dry_run=dry_run))
    except KeyboardInterrupt:
        cancel.cancel()
        raise Cancelled() from None
    finally:
        print_reports(reports)
        project.close()
    done = "geprüft (Probelauf, nichts gespeichert)" if dry_run else "importiert"
    console.print(f"[bold green]{len(reports)} Datei(en) {done}.[/]", highlight=False)
