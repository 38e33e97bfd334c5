"""``stadtzwilling sensoren …``: observations from a SensorThings server or a CSV export, latest values.

``sensoren sta DIR URL`` reads new observations of every Datastream (incremental, one transaction),
``sensoren csv DIR DATEI`` a CSV export, ``sensoren mqtt DIR --host H`` subscribes to sensor uplinks
(until Ctrl+C or ``--dauer``, writing every few seconds), ``sensoren liste DIR [--rolle]`` the newest value per sensor as
the role may see it.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli.console import console, fail, open_project, progress_bar
from importers.sensors.csvobs import LOCAL, import_sensor_csv
from importers.sensors.mqtt import CHIRPSTACK_TOPIC, TTN_TOPIC, MqttIngest
from importers.sensors.sensorthings import ingest_sensorthings
from twin.errors import TwinError
from twin.model.sensors import KINDS
from twin.sensors import access

app = typer.Typer(help="Sensoren: Messwerte aus SensorThings-Servern und CSV-Exporten.", no_args_is_help=True,
                  rich_markup_mode="rich")


def _report(rep) -> None:
    console.print(rep.summary(), highlight=False)
    for p in rep.problems[:20]:
        console.print(f"  [yellow]•[/] {p}", highlight=False)
    if len(rep.problems) > 20:
        console.print(f"  … und {len(rep.problems) - 20} weitere Probleme", highlight=False)


@app.command("sta", help="Neue Beobachtungen aller Datastreams eines SensorThings-Servers (…/v1.1) einlesen.")
def sta(directory: Annotated[Path, typer.Argument(help="Projektordner")],
        url: Annotated[str, typer.Argument(help="Basisadresse, z. B. https://host/FROST-Server/v1.1")],
        prefix: Annotated[str, typer.Option("--praefix", help="Vorsilbe der Sensor-Kennungen")] = "sta-") -> None:
    with open_project(directory) as project, progress_bar("SensorThings") as progress:
        try:
            rep = ingest_sensorthings(project, url, prefix=prefix, progress=progress)
        except TwinError as exc:
            fail(str(exc))
    _report(rep)


@app.command("csv", help="Messwerte aus einer CSV-Datei (Sensor; Zeit; Wert) einlesen.")
def csv_(directory: Annotated[Path, typer.Argument(help="Projektordner")],
         datei: Annotated[Path, typer.Argument(help="CSV-Datei")]) -> None:
    with open_project(directory) as project:
        try:
            rep = import_sensor_csv(project, datei)
        except TwinError as exc:
            fail(str(exc))
    _report(rep)


@app.command("mqtt", help="Sensor-Uplinks per MQTT empfangen (ChirpStack, TTN oder {sensor_id, time, value}).")
def mqtt_(directory: Annotated[Path, typer.Argument(help="Projektordner")],
          host: Annotated[str, typer.Option("--host", help="Broker")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port")] = 1883,
          topic: Annotated[list[str] | None, typer.Option("--topic", help="Themen (mehrfach); Standard: "
                                                          "ChirpStack- und TTN-Uplinks")] = None,
          user: Annotated[str | None, typer.Option("--benutzer")] = None,
          password: Annotated[str | None, typer.Option("--passwort", envvar="STADTZWILLING_MQTT_PASSWORT")] = None,
          dauer: Annotated[float | None, typer.Option("--dauer", help="nach so vielen Sekunden enden")] = None,
          takt: Annotated[float, typer.Option("--takt", help="Sekunden zwischen zwei Speicherungen")] = 5.0) -> None:
    with open_project(directory) as project:
        job = MqttIngest(project, host, port, topics=topic or [CHIRPSTACK_TOPIC, TTN_TOPIC], username=user,
                         password=password)
        job.start()
        console.print(f"MQTT {host}:{port}, Themen {', '.join(job.topics)} – Ende mit Strg+C", highlight=False)
        end = None if dauer is None else time.monotonic() + dauer
        try:
            while end is None or time.monotonic() < end:
                time.sleep(min(takt, max(end - time.monotonic(), 0.0)) if end is not None else takt)
                r = job.poll()
                if r.new or r.duplicates:
                    console.print(f"{datetime.now():%H:%M:%S} gespeichert: {r.new} neu, {r.duplicates} doppelt",
                                  highlight=False)
        except KeyboardInterrupt:
            pass
        finally:
            job.stop()
        s = job.stats
        console.print(f"Nachrichten {s.messages}, gespeichert {s.stored}, doppelt {s.duplicates}, verworfen "
                      f"{s.rejected}, ohne Sensor {s.unmatched}", highlight=False)
        for p in s.problems[-20:]:
            console.print(f"  [yellow]•[/] {p}", highlight=False)


@app.command("liste", help="Sensoren mit ihrem neuesten Messwert (so, wie die Rolle sie sehen darf).")
def liste(directory: Annotated[Path, typer.Argument(help="Projektordner")],
          rolle: Annotated[str, typer.Option("--rolle", help="verwaltung, rat oder buerger")] = "verwaltung") -> None:
    with open_project(directory) as project:
        try:
            session = project.session(rolle)
            sensors = access.visible_sensors(session)
            newest = access.latest(session)
        except TwinError as exc:
            fail(str(exc))
    table = Table("Sensor", "Bezeichnung", "Messgröße", "Zeit", "Wert", title=f"Sensoren – {session.title}")
    for f in sorted(sensors, key=lambda f: f["sensor_id"]):
        t, v = newest.get(f["sensor_id"], (None, None))
        when = "–" if t is None else datetime.fromtimestamp(t, LOCAL).strftime("%d.%m.%Y %H:%M")
        table.add_row(f["sensor_id"], f.attrs.get("name") or "", KINDS.get(f["art"], (f["art"],))[0], when,
                      "–" if v is None else f"{v:g} {f.attrs.get('einheit') or ''}".strip())
    console.print(table)


@app.command("regeln", help="Sensorregeln auswerten: Arbeitsliste (z. B. Bäume, die heute Wasser brauchen).")
def regeln(directory: Annotated[Path, typer.Argument(help="Projektordner")],
           zeit: Annotated[str | None, typer.Option("--zeit", help="Zeitpunkt (ISO 8601, Standard: jetzt)")] = None,
           rolle: Annotated[str, typer.Option("--rolle")] = "verwaltung",
           csv_out: Annotated[Path | None, typer.Option("--csv", help="Arbeitsliste als CSV schreiben")] = None,
           feldpaket: Annotated[Path | None, typer.Option(
               "--feldpaket", help="Arbeitsliste als Feldpaket (QField) in diesen neuen Ordner schreiben, "
                                   "z. B. die Bäume, die heute Wasser brauchen")] = None,
           team: Annotated[str | None, typer.Option("--team", help="Feldteam des Pakets (Standard: das Team, "
                                                                   "das die Objekte bearbeitet)")] = None) -> None:
    import csv as csvmod

    from importers.sensors.csvobs import parse_local_time
    from twin.sensors.rules import evaluate
    from twin.sensors.worklist import export_worklist, project_rules

    with open_project(directory) as project:
        try:
            now = parse_local_time(zeit) if zeit else int(time.time())
        except ValueError as exc:
            fail(f"--zeit: {exc}")
        try:
            matches = evaluate(project.session(rolle), project_rules(project), now)
            package = None
            if feldpaket is not None:
                package = export_worklist(project, matches, feldpaket, now=now, team=team)
        except TwinError as exc:
            fail(str(exc))
    table = Table("Regel", "Aufgabe", "Objekt", "Sensor", "Wert", "seit",
                  title=f"Arbeitsliste {datetime.fromtimestamp(now, LOCAL):%d.%m.%Y %H:%M}")
    for m in matches:
        table.add_row(m.rule, m.aufgabe, f"{m.objekt_layer or ''} {m.objekt_schluessel or ''}".strip(), m.sensor_id,
                      f"{m.value:g}", datetime.fromtimestamp(m.seit, LOCAL).strftime("%d.%m.%Y %H:%M"))
    console.print(table)
    if csv_out is not None:
        with open(csv_out, "w", encoding="utf-8-sig", newline="") as f:
            w = csvmod.writer(f, delimiter=";")
            w.writerow(["Regel", "Aufgabe", "Layer", "Objekt", "Sensor", "Wert", "seit"])
            for m in matches:
                w.writerow([m.rule, m.aufgabe, m.objekt_layer or "", m.objekt_schluessel or "", m.sensor_id,
                            f"{m.value:g}".replace(".", ","),
                            datetime.fromtimestamp(m.seit, LOCAL).strftime("%d.%m.%Y %H:%M")])
    if package is not None:
        counts = ", ".join(f"{k}: {v}" for k, v in package.counts.items())
        console.print(f"Feldpaket für Team '{package.team}' geschrieben: {package.path} ({counts})")
