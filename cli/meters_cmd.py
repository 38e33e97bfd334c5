"""``stadtzwilling meters due DIR``: water meters whose Eichfrist runs out, per year and street.

Counts per year and street are what the council may see; the meter numbers (``--nummern``) are for
the Verwaltung only. Readings and customer names are never printed.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cli.console import console, fail, open_project
from twin.model.meter_queries import DueRow, meters_due, meters_without_eichfrist
from twin.project import Project

app = typer.Typer(help="Wasserzähler: Berichte für die Wasserversorgung (Eichfristen, Turnuswechsel).",
                  no_args_is_help=True, rich_markup_mode="rich")

CSV_HEADER = ["Jahr", "Straße", "Anzahl"]


def select_rows(project: Project, jahr: int | None, bis: int | None, strasse: str | None,
                overdue: bool) -> list[DueRow]:
    """The rows of the report: one year, a range ``jahr``..``bis``, or all years up to ``bis``."""
    if jahr is not None and bis is not None and bis < jahr:
        raise typer.BadParameter(f"--bis {bis} liegt vor --jahr {jahr}.")
    store = project.store
    if jahr is None:
        rows = meters_due(store, until=bis)
    elif bis is None:
        rows = meters_due(store, jahr, include_overdue=overdue)
    else:
        first = meters_due(store, jahr, include_overdue=overdue)
        rows = first + [r for r in meters_due(store, until=bis) if r.jahr > jahr]
    if strasse:
        wanted = strasse.strip().casefold()
        rows = [r for r in rows if r.strasse.casefold() == wanted]
    return rows


def write_csv(path: Path, rows: list[DueRow], numbers: bool) -> None:
    """Semicolon-separated, UTF-8 with BOM (Excel recognises the encoding by the BOM)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(CSV_HEADER + (["Zählernummern"] if numbers else []))
        for r in rows:
            w.writerow([r.jahr, r.strasse, r.anzahl] + ([", ".join(r.zaehlernummern)] if numbers else []))


def due(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    jahr: Annotated[Optional[int], typer.Option(
        "--jahr", help="Nur dieses Jahr (mit --bis: ab diesem Jahr)")] = None,
    bis: Annotated[Optional[int], typer.Option(
        "--bis", help="Alle Jahre bis einschließlich diesem")] = None,
    strasse: Annotated[Optional[str], typer.Option(
        "--strasse", help="Nur diese Straße (Groß-/Kleinschreibung egal)")] = None,
    overdue: Annotated[bool, typer.Option(
        "--mit-ueberfaelligen", help="Mit --jahr: bereits abgelaufene Zähler diesem Jahr zurechnen")] = False,
    numbers: Annotated[bool, typer.Option(
        "--nummern", help="Zählernummern mit ausgeben (nur für die Verwaltung)")] = False,
    csv_path: Annotated[Optional[Path], typer.Option(
        "--csv", help="Bericht zusätzlich als CSV schreiben (Semikolon, UTF-8 für Excel)")] = None,
) -> None:
    """Zähler, deren Eichfrist abläuft, je Jahr und Straße (für den Turnuswechsel)."""
    with open_project(directory) as project:
        rows = select_rows(project, jahr, bis, strasse, overdue)
        unknown = len(meters_without_eichfrist(project.store))
    if csv_path is not None:
        try:
            write_csv(csv_path, rows, numbers)
        except OSError as exc:
            fail(f"Die CSV-Datei '{csv_path}' kann nicht geschrieben werden: {exc.strerror or exc}")
    if not rows:
        where = f" in „{strasse}“" if strasse else ""
        console.print(f"Keine fälligen Wasserzähler{where} im gewählten Zeitraum.", highlight=False)
    else:
        t = Table("Jahr", "Straße", title="Ablaufende Eichfristen")
        t.add_column("Anzahl", justify="right")
        if numbers:
            t.add_column("Zählernummern")
        for r in rows:
            t.add_row(str(r.jahr), r.strasse, str(r.anzahl), *([", ".join(r.zaehlernummern)] if numbers else []))
        console.print(t)
        console.print(f"[bold]Summe: {sum(r.anzahl for r in rows)} Zähler[/]", highlight=False)
    if unknown:
        console.print(f"[yellow]![/] {unknown} eingebaute Zähler ohne bekannte Eichfrist (Zählerart oder "
                      "Eichjahr fehlt) sind nicht enthalten.", highlight=False)
    if csv_path is not None:
        console.print(f"CSV geschrieben: {csv_path}", highlight=False)


app.command("due", help="Zähler mit ablaufender Eichfrist je Jahr und Straße (Anzahlen; --nummern: Liste).")(due)
