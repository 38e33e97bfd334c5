"""``stadtzwilling field``: tablet packages for field teams (QField), sync back, conflicts to decide."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cli.console import console, fail, open_project, progress_bar
from twin.user import current_user
from twin.errors import TwinError
from twin.field.resolve import CHOICES, KIND_TITLES, open_conflicts, packages, resolve_conflict

app = typer.Typer(help="Feldarbeit: Pakete für Tablets (QField) ausgeben, zurückspielen, Konflikte entscheiden.",
                  no_args_is_help=True, rich_markup_mode="rich")

Dir = Annotated[Path, typer.Argument(help="Projektordner")]
Actor = Annotated[Optional[str], typer.Option("--als", help="Wer das tut (für die Historie); Standard: Benutzer")]


def _actor(als: str | None) -> str:
    return als or current_user()


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        vals = tuple(float(v) for v in text.replace(";", ",").split(","))
    except ValueError:
        raise typer.BadParameter(f"--bereich '{text}': vier Zahlen xmin,ymin,xmax,ymax erwartet") from None
    if len(vals) != 4 or vals[0] >= vals[2] or vals[1] >= vals[3]:
        raise typer.BadParameter(f"--bereich '{text}': vier Zahlen xmin,ymin,xmax,ymax mit xmin<xmax, ymin<ymax")
    return vals  # type: ignore[return-value]


@app.command("export", help="Feldpaket (GeoPackage + QGIS-Projekt für QField) für ein Team schreiben.")
def export(directory: Dir,
           team: Annotated[str, typer.Option("--team", help="Feldteam aus der Rollen-Policy, z. B. baumkontrolle")],
           out: Annotated[Path, typer.Option("--out", help="Zielordner (neu oder leer)")],
           bereich: Annotated[Optional[str], typer.Option(
               "--bereich", help="Nur dieser Ausschnitt: xmin,ymin,xmax,ymax im Projekt-KBS")] = None,
           titel: Annotated[Optional[str], typer.Option("--titel", help="Titel des Pakets")] = None,
           als: Actor = None) -> None:
    from twin.field.export import export_package

    with open_project(directory) as project:
        try:
            with progress_bar("Feldpaket") as progress:
                res = export_package(project, team, out, bbox=_bbox(bereich), title=titel, actor=_actor(als),
                                     progress=progress)
        except TwinError as exc:
            fail(str(exc))
        rows = ", ".join(f"{n} {k}" for k, n in res.counts.items())
        console.print(f"[green]✓[/] Feldpaket {res.package_id[:8]} für Team {team}: {res.path}", highlight=False)
        console.print(f"   QGIS-Projekt: {res.qgs.name}; Zeilen: {rows}", highlight=False)


@app.command("sync", help="Änderungen eines Tablet-Pakets in den Datenbestand übernehmen (eine Transaktion).")
def sync(directory: Dir, package: Annotated[Path, typer.Argument(help="Paketordner (mit daten.gpkg) oder .gpkg")],
         als: Actor = None) -> None:
    from twin.field.sync import sync_package

    with open_project(directory) as project:
        try:
            with progress_bar("Synchronisieren") as progress:
                res = sync_package(project, package, actor=_actor(als), progress=progress)
        except TwinError as exc:
            fail(str(exc))
        console.print(f"[green]✓[/] {res.summary()}", highlight=False)
        if res.conflicts:
            _print_conflicts([c for c in res.conflicts])
            console.print("   Entscheiden mit: stadtzwilling field konflikte DIR --loesen ID --nehmen buero|tablet",
                          highlight=False)
            raise SystemExit(3)


@app.command("pakete", help="Ausgegebene Feldpakete mit Synchronisationsstand.")
def pakete(directory: Dir) -> None:
    with open_project(directory) as project:
        table = Table("Team", "Titel", "erstellt", "Stand", "zuletzt synchronisiert", "offene Konflikte")
        table.add_column("Paket", no_wrap=True)
        for p in packages(project):
            a = p.attrs
            n = len(open_conflicts(project, a["paket_id"]))
            table.add_row(a["team"], a["titel"], str(a["erstellt_am"])[:16], str(a["stand"]),
                          str(a["zuletzt_synchronisiert"] or "–")[:16], str(n), a["paket_id"][:8])
        console.print(table)


@app.command("konflikte", help="Offene Konflikte anzeigen oder einen ausdrücklich entscheiden.")
def konflikte(directory: Dir,
              loesen: Annotated[Optional[str], typer.Option("--loesen", help="Konflikt-ID")] = None,
              nehmen: Annotated[Optional[str], typer.Option(
                  "--nehmen", help="buero (Büro behalten), tablet (Tablet übernehmen) oder wert (mit --wert)")] = None,
              wert: Annotated[Optional[str], typer.Option("--wert", help="Eigener Wert bei --nehmen wert")] = None,
              als: Actor = None) -> None:
    with open_project(directory) as project:
        if loesen is None:
            rows = [c.attrs for c in open_conflicts(project)]
            if not rows:
                console.print("Keine offenen Konflikte.")
                return
            _print_conflicts(rows)
            return
        if nehmen not in CHOICES:
            fail(f"--nehmen muss eines von {', '.join(CHOICES)} sein.")
        if nehmen == "wert" and wert is None:
            fail("--nehmen wert braucht --wert.")
        try:
            done = resolve_conflict(project, loesen, nehmen, value=wert, actor=_actor(als))  # type: ignore[arg-type]
        except TwinError as exc:
            fail(str(exc))
        console.print(f"[green]✓[/] Konflikt {loesen}: {done.attrs['entscheidung']}", highlight=False)


def _print_conflicts(rows: list[dict]) -> None:
    table = Table("Art", "Layer", "Objekt", "Feld", "beim Export", "Büro", "Tablet", "von")
    table.add_column("ID", no_wrap=True)
    for a in rows:
        table.add_row(KIND_TITLES.get(a["art"], a["art"]), a["layer"], str(a["objekt"] or "–"),
                      str(a["feld"] or "–"), _short(a["wert_basis"]), _short(a["wert_buero"]),
                      _short(a["wert_tablet"]), str(a.get("bearbeitet_von") or "–"), a["konflikt_id"])
    console.print(table)


def _short(v: object) -> str:
    s = "–" if v is None else str(v)
    return s if len(s) <= 40 else s[:39] + "…"
