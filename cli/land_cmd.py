"""``stadtzwilling flaechen …``: inner-development candidates, their status, and area balances."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import shapely
import typer
from rich.table import Table

from cli.console import console, fail, open_project, progress_bar
from twin.errors import LandError, TwinError
from twin.land.balance import MUNICIPALITY, area_balance, balance_change
from twin.land.potential import update_candidates
from twin.land.register import add_brownfield, add_vacancy, set_released, set_status
from twin.land.thresholds import Thresholds, limits
from twin.model.land_potential import LAND_POTENTIAL, STATUS
from twin.policy.rolestore import RoleStore

app = typer.Typer(help="Flächenmanagement: Innenentwicklungspotenzial und Flächenbilanz.", no_args_is_help=True,
                  rich_markup_mode="rich")
Dir = Annotated[Path, typer.Argument(help="Projektordner")]


def _thresholds(values: list[str] | None) -> Thresholds:
    """``name=wert`` pairs (comma or point as decimal mark) as thresholds."""
    out = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise LandError(f"Schwellenwert „{item}“: bitte als name=wert angeben (z. B. untergenutzt_faktor=0,3).")
        try:
            out[name.strip()] = float(value.strip().replace(",", "."))
        except ValueError:
            raise LandError(f"Schwellenwert „{name.strip()}“: „{value.strip()}“ ist keine Zahl.") from None
    if "umgebung_min_flurstuecke" in out and out["umgebung_min_flurstuecke"] == int(out["umgebung_min_flurstuecke"]):
        out["umgebung_min_flurstuecke"] = int(out["umgebung_min_flurstuecke"])
    return Thresholds.from_mapping(out)


def ermitteln(
    directory: Dir,
    schwelle: Annotated[Optional[list[str]], typer.Option(
        "--schwelle", help="Schwellenwert name=wert (mehrfach); --schwellen zeigt alle mit Bereich")] = None,
    zeigen: Annotated[bool, typer.Option("--schwellen", help="Schwellenwerte und Bereiche zeigen, nichts rechnen")]
    = False,
) -> None:
    """Baulücken und untergenutzte Flurstücke aus Flurstücken, Nutzung und Gebäuden ermitteln (Status bleibt)."""
    try:
        t = _thresholds(schwelle)
    except LandError as exc:
        fail(str(exc))
    if zeigen:
        table = Table("Name", "Bedeutung", "Wert", "Bereich", title="Schwellenwerte")
        for name, (lo, hi, title) in limits().items():
            table.add_row(name, title, f"{getattr(t, name):g}", f"{lo:g} – {hi:g}")
        console.print(table)
        return
    with open_project(directory) as project, progress_bar("Suche Potenzialflächen") as progress:
        try:
            r = update_candidates(project, t, progress=progress)
        except LandError as exc:
            fail(str(exc))
    console.print(f"{r.parcels} Flurstücke geprüft (Gebäude: {r.building_source}): "
                  + ", ".join(f"{n} × {k}" for k, n in r.counts.items())
                  + (f"; {r.removed} nicht mehr gefundene entfernt" if r.removed else ""), highlight=False)


def liste(
    directory: Dir,
    art: Annotated[Optional[str], typer.Option("--art", help="Nur diese Art (Baulücke, Untergenutzt, …)")] = None,
    rolle: Annotated[Optional[str], typer.Option("--rolle", help="So, wie diese Rolle sie sieht (rat, buerger)")]
    = None,
    csv_path: Annotated[Optional[Path], typer.Option("--csv", help="Zusätzlich als CSV (Semikolon, UTF-8)")] = None,
) -> None:
    """Potenzialflächen mit Fläche und Status (mit --rolle durch die Rollen-Policy gelesen)."""
    with open_project(directory) as project:
        try:
            store = project.store if not rolle else RoleStore(project.session(rolle))
        except TwinError as exc:
            fail(str(exc))
        if not store.has_layer(LAND_POTENTIAL.name):
            fail("Keine Potenzialflächen: zuerst „stadtzwilling flaechen ermitteln“ ausführen"
                 + (f" (oder die Rolle „{rolle}“ sieht keine)." if rolle else "."))
        feats = sorted(store.features(LAND_POTENTIAL.name), key=lambda f: (str(f.attrs.get("art")), str(f.attrs["id"])))
    if art:
        feats = [f for f in feats if str(f.attrs.get("art", "")).casefold() == art.casefold()]
    cols = ["id", "art", "lage", "flaeche_m2", "status"]
    t = Table("Kennung", "Art", "Lage", "Fläche [m²]", "Status", title="Innenentwicklungspotenzial")
    for f in feats:
        a = f.attrs
        t.add_row(str(a["id"]), str(a.get("art") or ""), str(a.get("lage") or ""),
                  f"{a['flaeche_m2']:.0f}" if a.get("flaeche_m2") is not None else "",
                  STATUS.get(str(a.get("status")), str(a.get("status") or "")))
    console.print(t)
    total = sum(float(f.attrs.get("flaeche_m2") or 0) for f in feats)
    console.print(f"[bold]{len(feats)} Flächen, zusammen {_m2(total)} m²[/]", highlight=False)
    if csv_path is not None:
        try:
            with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh, delimiter=";")
                w.writerow(["Kennung", "Art", "Lage", "Fläche [m²]", "Status"])
                for f in feats:
                    w.writerow([f.attrs.get(c) if c != "flaeche_m2" else str(f.attrs.get(c)).replace(".", ",")
                                for c in cols])
        except OSError as exc:
            fail(f"Die CSV-Datei '{csv_path}' kann nicht geschrieben werden: {exc.strerror or exc}")


def status(
    directory: Dir,
    kennung: Annotated[str, typer.Argument(help="Kennung der Fläche (z. B. BL-0912…)")],
    neuer_status: Annotated[str, typer.Argument(
        help="ungeprüft, Eigentümer angefragt, verfügbar, nicht verfügbar", metavar="STATUS")],
    bemerkung: Annotated[Optional[str], typer.Option("--bemerkung", help="Bemerkung (nur Verwaltung)")] = None,
    freigeben: Annotated[Optional[bool], typer.Option(
        "--freigeben/--zuruecknehmen", help="Für den Bürgerzwilling freigeben oder zurücknehmen")] = None,
) -> None:
    """Status einer Potenzialfläche setzen (und sie für den Bürgerzwilling freigeben)."""
    with open_project(directory) as project:
        try:
            f = set_status(project, kennung, neuer_status, note=bemerkung)
            if freigeben is not None:
                f = set_released(project, kennung, freigeben)
        except LandError as exc:
            fail(str(exc))
    console.print(f"{kennung}: {STATUS[f.attrs['status']]}"
                  + (", freigegeben" if f.attrs.get("freigegeben") else ""), highlight=False)


def leerstand(
    directory: Dir,
    gebaeude: Annotated[str, typer.Argument(help="Objektkennung des Gebäudes (ALKIS oder gml:id)")],
    seit: Annotated[str, typer.Option("--seit", help="Leer seit (JJJJ-MM-TT oder TT.MM.JJJJ)")],
    quelle: Annotated[str, typer.Option("--quelle", help="Woher die Angabe stammt")],
    bemerkung: Annotated[Optional[str], typer.Option("--bemerkung")] = None,
) -> None:
    """Leerstehendes Gebäude erfassen."""
    with open_project(directory) as project:
        try:
            f = add_vacancy(project, gebaeude, _date(seit), quelle, note=bemerkung)
        except LandError as exc:
            fail(str(exc))
    console.print(f"Leerstand {f.attrs['id']} erfasst ({f.attrs['flaeche_m2']:.0f} m² Grundfläche).", highlight=False)


def brache(
    directory: Dir,
    name: Annotated[str, typer.Argument(help="Bezeichnung der Brache")],
    wkt: Annotated[str, typer.Option("--wkt", help="Umring als WKT-Polygon im Projekt-KBS")],
    seit: Annotated[str, typer.Option("--seit", help="Brach seit (JJJJ-MM-TT oder TT.MM.JJJJ)")],
    quelle: Annotated[str, typer.Option("--quelle", help="Woher die Angabe stammt")],
) -> None:
    """Brachfläche erfassen."""
    try:
        geom = shapely.from_wkt(wkt)
    except shapely.errors.GEOSException as exc:
        fail(f"--wkt ist kein gültiges WKT: {exc}")
    with open_project(directory) as project:
        try:
            f = add_brownfield(project, name, geom, _date(seit), quelle)
        except LandError as exc:
            fail(str(exc))
    console.print(f"Brache {f.attrs['id']} erfasst ({f.attrs['flaeche_m2']:.0f} m²).", highlight=False)


def bilanz(
    directory: Dir,
    am: Annotated[Optional[str], typer.Option("--am", help="Stand an diesem Tag (sonst heute)")] = None,
    vergleich: Annotated[Optional[str], typer.Option(
        "--vergleich", help="Änderung seit diesem Tag (bis --am oder heute)")] = None,
    layer: Annotated[str, typer.Option("--layer", help="Quelle: land_use (ALKIS) oder ein FNP-Layer")] = "land_use",
    feld: Annotated[str, typer.Option("--feld", help="Feld mit der Nutzungsklasse")] = "nutzungsart",
    ortsteile: Annotated[Optional[str], typer.Option(
        "--ortsteile", help="Polygon-Layer der Ortsteile (sonst Gemarkungen)")] = None,
    ortsteil_feld: Annotated[str, typer.Option("--ortsteil-feld", help="Namensfeld der Ortsteile")] = "name",
    csv_path: Annotated[Optional[Path], typer.Option("--csv", help="Zusätzlich als CSV (Semikolon, UTF-8)")] = None,
) -> None:
    """Flächenbilanz je Nutzungsart für die Gemeinde und je Ortsteil/Gemarkung, optional mit Änderung."""
    kw = dict(layer=layer, class_field=feld, district_layer=ortsteile, district_field=ortsteil_feld)
    with open_project(directory) as project:
        try:
            if vergleich:
                a, b, rows = balance_change(project.store, _date(vergleich), _date(am) if am else None, **kw)
            else:
                b = area_balance(project.store, at=_date(am) if am else None, **kw)
        except LandError as exc:
            fail(str(exc))
    if vergleich:
        t = Table("Gebiet", "Nutzungsart", title=f"Flächenbilanz: Änderung {vergleich} → {am or 'heute'}")
        for h in ("Fläche vorher [m²]", "Fläche nachher [m²]", "Änderung [m²]"):
            t.add_column(h, justify="right")
        for r in rows:
            t.add_row(r.district, r.klasse, _m2(r.flaeche_a_m2), _m2(r.flaeche_b_m2), _m2(r.delta_m2, sign=True))
        lines = [[r.district, r.klasse, r.flaeche_a_m2, r.flaeche_b_m2, r.delta_m2] for r in rows]
        header = ["Gebiet", "Nutzungsart", "Fläche vorher [m²]", "Fläche nachher [m²]", "Änderung [m²]"]
    else:
        t = Table("Gebiet", "Nutzungsart", "Bereich", title=f"Flächenbilanz ({b.source}, Stand {am or 'heute'})")
        t.add_column("Fläche [m²]", justify="right")
        t.add_column("Anteil", justify="right")
        for r in b.rows:
            t.add_row(r.district, r.klasse, r.gruppe, _m2(r.flaeche_m2), f"{100 * r.anteil:.1f} %".replace(".", ","))
        lines = [[r.district, r.klasse, r.gruppe, r.flaeche_m2, round(100 * r.anteil, 2)] for r in b.rows]
        header = ["Gebiet", "Nutzungsart", "Bereich", "Fläche [m²]", "Anteil [%]"]
    console.print(t)
    console.print(f"Gebiete: {b.districts_from}; {MUNICIPALITY}: {_m2(b.totals.get(MUNICIPALITY, 0.0))} m²",
                  highlight=False)
    if csv_path is not None:
        try:
            with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
                w = csv.writer(fh, delimiter=";")
                w.writerow(header)
                w.writerows([[str(v).replace(".", ",") if isinstance(v, float) else v for v in row] for row in lines])
        except OSError as exc:
            fail(f"Die CSV-Datei '{csv_path}' kann nicht geschrieben werden: {exc.strerror or exc}")


def _date(text: str) -> date:
    t = text.strip()
    try:
        if "." in t:
            d, m, y = t.split(".")
            return date(int(y), int(m), int(d))
        return date.fromisoformat(t)
    except ValueError:
        fail(f"„{text}“ ist kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ).")


def _m2(v: float, sign: bool = False) -> str:
    return (f"{v:+,.0f}" if sign else f"{v:,.0f}").replace(",", ".")


app.command("ermitteln", help="Baulücken und untergenutzte Flurstücke ermitteln (--schwelle name=wert).")(ermitteln)
app.command("liste", help="Potenzialflächen anzeigen (--rolle rat/buerger: wie diese Rolle sie sieht).")(liste)
app.command("status", help="Status einer Potenzialfläche setzen; --freigeben für den Bürgerzwilling.")(status)
app.command("leerstand", help="Leerstehendes Gebäude erfassen.")(leerstand)
app.command("brache", help="Brachfläche erfassen (Umring als WKT).")(brache)
app.command("bilanz", help="Flächenbilanz je Nutzungsart und Gemarkung/Ortsteil; --vergleich DATUM.")(bilanz)
