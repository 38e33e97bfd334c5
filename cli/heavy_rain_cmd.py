"""``stadtzwilling starkregen PROJEKT``: run a heavy-rain scenario (KOSTRA design storm or own rain) or list runs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cli.console import console, fail, open_project, progress_bar
from twin.errors import TwinError
from twin.sim.heavy_rain import (
    HeavyRainScenario, RunRecord, list_runs, read_hyetograph_csv, read_series_csv, run_heavy_rain,
)

_BOUNDARY = {"offen": "open", "geschlossen": "closed"}


def starkregen(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    kostra: Annotated[Optional[Path], typer.Option(
        "--kostra", help="KOSTRA-DWD-2020-Tabelle (CSV) der Rasterzelle")] = None,
    jaehrlichkeit: Annotated[Optional[float], typer.Option(
        "--jaehrlichkeit", help="Wiederkehrzeit T in Jahren (mit --kostra)")] = None,
    dauer: Annotated[Optional[float], typer.Option("--dauer", help="Regendauer D in Minuten (mit --kostra)")] = None,
    ganglinie: Annotated[Optional[Path], typer.Option(
        "--ganglinie", help="Eigene Regenganglinie als CSV: Minute (Blockende);Intensität mm/h")] = None,
    zufluss: Annotated[Optional[list[str]], typer.Option(
        "--zufluss", help="Zufluss (Bach, Rohr) als X,Y,CSV: Rechts-/Hochwert im Projekt-KBS und Ganglinie "
                          "Minute;m³/s (mehrfach möglich)")] = None,
    zellgroesse: Annotated[Optional[float], typer.Option(
        "--zellgroesse", help="Zellgröße in m (Standard: Auflösung des DGM)")] = None,
    nachlauf: Annotated[float, typer.Option("--nachlauf", help="Nachlaufzeit nach dem Regen in Minuten")] = 60.0,
    variante: Annotated[Optional[str], typer.Option("--variante", help="Planungsvariante rechnen")] = None,
    rand: Annotated[str, typer.Option("--rand", help="Modellrand: offen (Abfluss) oder geschlossen")] = "offen",
    kanal: Annotated[float, typer.Option(
        "--kanal", help="Kanalabfluss in mm/h auf versiegelter Fläche")] = 0.0,
    titel: Annotated[Optional[str], typer.Option("--titel", help="Titel des Laufs")] = None,
    liste: Annotated[bool, typer.Option("--liste", help="Nur die bisherigen Läufe anzeigen")] = False,
) -> None:
    """Starkregen simulieren (KOSTRA-Bemessungsregen Euler II oder eigene Ganglinie) oder Läufe auflisten."""
    with open_project(directory) as project:
        if liste:
            _print_list(list_runs(project))
            return
        if rand not in _BOUNDARY:
            fail(f"--rand muss 'offen' oder 'geschlossen' sein, nicht '{rand}'.")
        try:
            scenario = _scenario(kostra, jaehrlichkeit, dauer, ganglinie, zellgroesse, nachlauf, variante,
                                 _BOUNDARY[rand], kanal, titel, [_inflow(z) for z in zufluss or []])
            with progress_bar("Starkregen") as bar:
                record = run_heavy_rain(project, scenario, progress=bar)
        except TwinError as exc:
            fail(str(exc))
        _print_summary(record)


def _inflow(text: str) -> dict:
    """``X,Y,CSV`` of ``--zufluss`` as inflow data (hydrograph read from the CSV)."""
    parts = [p.strip() for p in text.split(",", 2)]
    try:
        x, y = float(parts[0]), float(parts[1])
        path = Path(parts[2])
    except (ValueError, IndexError):
        fail(f"--zufluss erwartet X,Y,DATEI.csv (z. B. 690100,5335900,bach.csv), nicht '{text}'.")
    return {"name": path.stem, "x": x, "y": y, "hydrograph": read_series_csv(path)}


def _scenario(kostra, t, d, ganglinie, cell, after, variant, boundary, sink, title,
              inflows: list[dict]) -> HeavyRainScenario:
    if ganglinie is not None and kostra is not None:
        fail("Entweder --kostra (mit --jaehrlichkeit und --dauer) oder --ganglinie angeben, nicht beides.")
    data: dict = {"after_min": after, "variant": variant, "boundary": boundary, "sink_mm_h": sink,
                  "cell_size_m": cell, "inflows": inflows}
    if ganglinie is not None:
        data["hyetograph"] = read_hyetograph_csv(ganglinie)
        data["title"] = title or f"Ganglinie {ganglinie.name}"
    elif kostra is not None:
        if t is None or d is None:
            fail("Mit --kostra sind --jaehrlichkeit und --dauer nötig.")
        data.update(kostra_file=str(kostra.resolve()), return_period_a=t, duration_min=d,
                    title=title or f"T = {t:g} a, D = {d:g} min")
    else:
        fail("Regen fehlt: --kostra DATEI --jaehrlichkeit T --dauer D oder --ganglinie CSV angeben.")
    return HeavyRainScenario.from_dict(data)


def _num(v: float, digits: int = 1) -> str:
    return f"{v:,.{digits}f}".replace(",", " ").replace(".", ",")


def _print_summary(r: RunRecord) -> None:
    b = r.balance
    console.print(f"[bold]Starkregen-Lauf {r.run_id}[/] – {r.title}"
                  + (f" (Variante {r.variant})" if r.variant else ""), highlight=False, soft_wrap=True)
    t = Table(show_header=False, box=None)
    t.add_column()
    t.add_column(justify="right")
    t.add_row("Niederschlag gesamt", f"{_num(b['niederschlag_brutto_m3'])} m³")
    t.add_row("davon Verluste (Versickerung, Benetzung)", f"{_num(b['verluste_m3'])} m³")
    t.add_row("Abflusswirksamer Regen", f"{_num(b['regen_abfluss_m3'])} m³")
    if b["zufluss_m3"]:
        t.add_row("Zuflüsse", f"{_num(b['zufluss_m3'])} m³")
    t.add_row("Kanal", f"{_num(b['kanal_m3'])} m³")
    t.add_row("Über den Rand abgeflossen", f"{_num(b['rand_abfluss_m3'])} m³")
    t.add_row("Am Ende auf der Oberfläche", f"{_num(b['speicher_ende_m3'])} m³")
    t.add_row("Massenbilanzfehler (relativ)", f"{b['relativer_fehler']:.1e}")
    t.add_row("Größte Wassertiefe", f"{_num(r.max_depth_m, 2)} m")
    t.add_row("Betroffene Gebäude (ab 0,1 m)", str(r.affected_buildings))
    t.add_row("Überflutete Straßen (ab 0,1 m)", str(r.flooded_roads))
    t.add_row("Rechenzeit", f"{_num(r.wall_s)} s")
    console.print(t)


def _print_list(runs: list[RunRecord]) -> None:
    if not runs:
        console.print("Noch keine Starkregen-Läufe in diesem Projekt.", highlight=False)
        return
    t = Table(title="Starkregen-Läufe")
    t.add_column("Lauf", no_wrap=True)
    for head in ("Titel", "Gerechnet", "Variante"):
        t.add_column(head)
    for head in ("max. Tiefe [m]", "Gebäude", "Öffentlich"):
        t.add_column(head, justify="right")
    for r in runs:
        t.add_row(r.run_id, r.title, r.created[:16].replace("T", " "), r.variant or "–", _num(r.max_depth_m, 2),
                  str(r.affected_buildings), "ja" if r.released else "nein")
    console.print(t)
