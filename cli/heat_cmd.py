"""``stadtzwilling hitze PROJEKT``: compute a hot day (shadows, SVF, Tmrt, UTCI), list runs, compare two runs,
release a run's maps to the Bürgerzwilling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cli.console import console, fail, open_project, progress_bar
from twin.errors import TwinError
from twin.sim.heat.record import HeatRunRecord, compare_heat_runs, list_heat_runs, release_heat_run
from twin.sim.heat.run import run_heat
from twin.sim.heat.weather import PRESETS, preset, read_weather_csv


def hitze(
    directory: Annotated[Path, typer.Argument(help="Projektordner")],
    tag: Annotated[Optional[str], typer.Option("--tag", help="Tag JJJJ-MM-TT (Standard: 15. Juli dieses Jahres)")] = None,
    wetter: Annotated[str, typer.Option(
        "--wetter", help=f"Wettervorgabe ({', '.join(PRESETS)}) oder CSV-Datei mit Stundenwerten")] = "heisser_tag",
    von: Annotated[int, typer.Option("--von", help="Erste Stunde (Ortszeit)")] = 6,
    bis: Annotated[int, typer.Option("--bis", help="Letzte Stunde (Ortszeit)")] = 20,
    zellgroesse: Annotated[Optional[float], typer.Option(
        "--zellgroesse", help="Zellgröße in m (Standard: Auflösung des DGM)")] = None,
    variante: Annotated[Optional[str], typer.Option("--variante", help="Planungsvariante rechnen")] = None,
    titel: Annotated[Optional[str], typer.Option("--titel", help="Titel des Laufs")] = None,
    liste: Annotated[bool, typer.Option("--liste", help="Nur die bisherigen Läufe anzeigen")] = False,
    vergleich: Annotated[Optional[tuple[str, str]], typer.Option(
        "--vergleich", help="Zwei Läufe VORHER NACHHER vergleichen (ΔUTCI am Tagesmaximum)")] = None,
    freigeben: Annotated[Optional[str], typer.Option(
        "--freigeben", help="Die Hitzekarten dieses Laufs für den Bürgerzwilling freigeben")] = None,
    zurueckziehen: Annotated[Optional[str], typer.Option(
        "--zurueckziehen", help="Die Freigabe dieses Laufs zurücknehmen")] = None,
) -> None:
    """Hitzebelastung eines heißen Tages berechnen, Läufe auflisten, vergleichen oder freigeben."""
    with open_project(directory) as project:
        try:
            if liste:
                _print_list(list_heat_runs(project))
            elif vergleich:
                console.print(compare_heat_runs(project, vergleich[0], vergleich[1]).summary(), highlight=False)
            elif freigeben or zurueckziehen:
                release_heat_run(project, freigeben or zurueckziehen, bool(freigeben), actor="Kommandozeile")
                console.print(f"Lauf {freigeben or zurueckziehen}: "
                              + ("für den Bürgerzwilling freigegeben." if freigeben else "Freigabe zurückgenommen."))
            else:
                if not 0 <= von <= bis <= 23:
                    fail(f"--von {von} und --bis {bis}: Stunden von 0 bis 23, --von nicht nach --bis.")
                day = _day(tag)
                weather = preset(wetter) if wetter in PRESETS else read_weather_csv(Path(wetter))
                with progress_bar("Hitze") as bar:
                    record = run_heat(project, day, weather, variant=variante, hours=[float(h) for h in range(von, bis + 1)],
                                      cell_size_m=zellgroesse, progress=bar,
                                      title=titel or f"Hitze {day:%d.%m.%Y}")
                _print_summary(record)
        except TwinError as exc:
            fail(str(exc))


def _day(text: str | None) -> dt.date:
    if text is None:
        return dt.date(dt.date.today().year, 7, 15)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"--tag '{text}': erwartet JJJJ-MM-TT, z. B. 2026-07-15.")


def _num(v: float, digits: int = 1) -> str:
    return f"{v:,.{digits}f}".replace(",", " ").replace(".", ",")


def _print_summary(r: HeatRunRecord) -> None:
    console.print(f"[bold]Hitze-Lauf {r.run_id}[/] – {r.title}" + (f" (Variante {r.variant})" if r.variant else ""),
                  highlight=False, soft_wrap=True)
    t = Table(show_header=False, box=None)
    t.add_column()
    t.add_column(justify="right")
    t.add_row("Wetter", r.weather.get("bezeichnung", ""))
    t.add_row("Stunden", f"{r.hours[0]:g}–{r.hours[-1]:g} Uhr" if r.hours else "–")
    t.add_row("Höchster UTCI", f"{_num(r.utci_max_c)} °C")
    for label, area in r.class_area_m2.items():
        t.add_row(f"Fläche „{label}“ (Tagesmaximum)", f"{_num(area, 0)} m²")
    t.add_row("Mindestens starker Hitzestress", f"{_num(r.strong_heat_m2, 0)} m²")
    t.add_row("Rechenzeit", f"{_num(r.wall_s)} s")
    console.print(t)


def _print_list(runs: list[HeatRunRecord]) -> None:
    if not runs:
        console.print("Noch keine Hitze-Läufe in diesem Projekt.", highlight=False)
        return
    t = Table(title="Hitze-Läufe")
    t.add_column("Lauf", no_wrap=True)
    t.add_column("Titel (Variante)")
    t.add_column("UTCI max [°C]", justify="right")
    t.add_column("frei", justify="right")
    for r in runs:
        t.add_row(r.run_id, r.title + (f" ({r.variant})" if r.variant else ""), _num(r.utci_max_c),
                  "ja" if r.released else "nein")
    console.print(t)
