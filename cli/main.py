"""The ``stadtzwilling`` command line: each command is a small module calling the library."""

from __future__ import annotations


import typer

from cli import import_cmd, info_cmd, meters_cmd, new_cmd, open_cmd, sample_cmd
from cli import keys_cmd, publish_cmd
from cli import variant_cmd
from cli import auskunft_cmd
from cli import heavy_rain_cmd
from cli import heat_cmd
from cli import field_cmd
from cli import ogcapi_cmd
from cli import sensors_cmd
from cli import report_cmd
from cli import land_cmd
from cli.console import fail
from twin.errors import TwinError

app = typer.Typer(
    name="stadtzwilling",
    help="Stadtzwilling – der digitale Zwilling für Kommunen (Verwaltungs-, Rats- und Bürgerzwilling).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
app.command("new", help="Neues Projekt anlegen (twin.toml, twin.gpkg).")(new_cmd.new)
app.command("import", help="Dateien in ein Projekt importieren (CityGML, GeoTIFF …).")(import_cmd.import_)
app.command("open", help="Projekt in der Desktop-App öffnen (oder --screenshot ohne Bildschirm).")(open_cmd.open_)
app.command("sample", help="Beispielgemeinde „Markt Musterdorf“ aus sample_data/ erzeugen.")(sample_cmd.sample)
app.command("info", help="Layer, Anzahlen und Importhistorie eines Projekts anzeigen.")(info_cmd.info)
app.add_typer(meters_cmd.app, name="meters", help="Wasserzähler: fällige Eichfristen je Jahr und Straße.")
app.command("auskunft", help="Sperrungen und Baustellen an Adresse, Straße, Flurstück.")(auskunft_cmd.auskunft)
app.command("publish", help="Rats- oder Bürgerzwilling als signiertes Paket veröffentlichen (Rat: verschlüsselt).")(
    publish_cmd.publish)
app.add_typer(keys_cmd.app, name="keys", help="Schlüssel zum Signieren und Verschlüsseln von Paketen.")
app.add_typer(variant_cmd.app, name="variant", help="Planungsvarianten: anlegen, anzeigen, freigeben.")
app.command("starkregen", help="Starkregen simulieren (KOSTRA-Bemessungsregen oder eigene Ganglinie); --liste.")(
    heavy_rain_cmd.starkregen)
app.command("hitze", help="Hitzebelastung (UTCI) eines heißen Tages berechnen; --liste, --vergleich, --freigeben.")(
    heat_cmd.hitze)
app.command("ogcapi", help="Öffentliche Layer als OGC API – Features ausliefern (pygeoapi).")(ogcapi_cmd.ogcapi)
app.add_typer(sensors_cmd.app, name="sensoren", help="Sensoren: Messwerte (SensorThings, CSV) und neueste Werte.")
app.add_typer(land_cmd.app, name="flaechen", help="Flächenmanagement: Baulücken, Leerstände, Flächenbilanz.")
app.add_typer(field_cmd.app, name="field", help="Feldarbeit: Tablet-Pakete (QField) ausgeben und zurückspielen.")
app.command("bericht", help="Ratsbericht (PDF) aus einer Planungsvariante: Kennzahlen, Ansichten vorher/nachher.")(
    report_cmd.bericht)


def main() -> None:
    """Entry point: German error messages instead of tracebacks for TwinError."""
    try:
        app()
    except TwinError as exc:
        fail(str(exc))


if __name__ == "__main__":
    main()
