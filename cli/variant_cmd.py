"""``stadtzwilling variant list|new|release|show PROJEKT …``: planning variants and their release state."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from cli.console import console
from twin.user import current_user
from twin.project import Project
from twin.variants import (
    ACTION_LABELS, STATE_LABELS, changes, get_variant, list_variants, new_variant, release, slugify,
)
from twin.variants.manage import edit_variant

app = typer.Typer(help="Planungsvarianten: anlegen, anzeigen, für Rat oder Öffentlichkeit freigeben.",
                  no_args_is_help=True, rich_markup_mode="rich")

Directory = Annotated[Path, typer.Argument(help="Projektordner")]
Actor = Annotated[Optional[str], typer.Option("--von", help="Wer ändert (Standard: angemeldeter Benutzer)")]


def _actor(value: str | None) -> str:
    return value or current_user("unbekannt")


def _day(stamp: str | None) -> str:
    """'2026-05-04T10:11:12.000Z' -> '04.05.2026'."""
    if not stamp:
        return "–"
    y, m, d = stamp[:10].split("-")
    return f"{d}.{m}.{y}"


def list_(
    directory: Directory,
    fuer: Annotated[Optional[str], typer.Option(
        "--fuer", help="Nur was diese Zielgruppe sehen darf: verwaltung, rat, buerger")] = None,
) -> None:
    """Alle Varianten mit Freigabestand und Zahl der Änderungen."""
    with Project.open(directory) as project:
        variants = list_variants(project.store, fuer)
        counts = {v.id: len(changes(project.store, v.id)) for v in variants}
    if not variants:
        console.print("Keine Planungsvarianten vorhanden.", highlight=False)
        return
    t = Table("Kurzname", "Titel", "Freigabe", title="Planungsvarianten")
    t.add_column("Änderungen", justify="right")
    t.add_column("Geändert")
    for v in variants:
        t.add_row(v.id, v.title, v.state_label, str(counts[v.id]), f"{_day(v.updated_at)} ({v.updated_by or '–'})")
    console.print(t)


def new(
    directory: Directory,
    titel: Annotated[str, typer.Argument(help="Titel, z. B. „Marktplatz entsiegeln“")],
    name: Annotated[Optional[str], typer.Option(
        "--name", help="Kurzname (Standard: aus dem Titel gebildet)")] = None,
    beschreibung: Annotated[str, typer.Option("--beschreibung", help="Beschreibung der Planung")] = "",
    von: Actor = None,
) -> None:
    """Neue, leere Variante anlegen (Freigabe: intern)."""
    with Project.open(directory) as project:
        v = new_variant(project, name or slugify(titel), titel, beschreibung, actor=_actor(von)).variant
    console.print(f"[green]✓[/] Variante „{v.title}“ angelegt (Kurzname {v.id}, {v.state_label}).", highlight=False)


def release_(
    directory: Directory,
    variante: Annotated[str, typer.Argument(help="Kurzname der Variante")],
    stand: Annotated[str, typer.Argument(help="intern, rat (für den Rat freigegeben) oder oeffentlich")],
    von: Actor = None,
) -> None:
    """Freigabestand einer Variante setzen (wird in der Historie festgehalten)."""
    with Project.open(directory) as project:
        v = release(edit_variant(project, variante, actor=_actor(von)), stand)
    console.print(f"[green]✓[/] „{v.title}“ ist jetzt: {v.state_label}.", highlight=False)


def show(
    directory: Directory,
    variante: Annotated[str, typer.Argument(help="Kurzname der Variante")],
) -> None:
    """Eine Variante mit allen Änderungen und der Freigabehistorie anzeigen."""
    with Project.open(directory) as project:
        v = get_variant(project.store, variante)
        rows = changes(project.store, variante)
        history = [h for h in project.store.history("variants", variante)
                   if h["action"] == "insert" or "release_state" in (h["new_values"] or {})]
    console.print(f"[bold]{v.title}[/] ({v.id}) – {v.state_label}", highlight=False)
    if v.description:
        console.print(v.description, highlight=False)
    console.print(f"Angelegt {_day(v.created_at)} von {v.created_by or '–'}, geändert {_day(v.updated_at)} von "
                  f"{v.updated_by or '–'}", highlight=False)
    per = Counter((c.layer, c.action) for c in rows)
    summary = ", ".join(f"{n} {ACTION_LABELS[a]} in {layer}" for (layer, a), n in sorted(per.items()))
    console.print(f"{len(rows)} Änderungen: {summary or 'keine'}", highlight=False)
    if rows:
        t = Table("Layer", "Objekt", "Aktion", "Neue Werte", title="Änderungen")
        for c in rows:
            vals = ", ".join(f"{k}={val}" for k, val in c.values.items() if val not in (None, "", {}) and val != c.key)
            geom = " (+ Geometrie)" if c.geometry is not None else ""
            t.add_row(c.layer, c.key, ACTION_LABELS[c.action], (vals[:70] + "…" if len(vals) > 70 else vals) + geom)
        console.print(t)
    for h in history:
        state = (h["new_values"] or {}).get("release_state", "intern")
        console.print(f"  {_day(h['at'])} {h['actor']}: {STATE_LABELS.get(state, state)}", highlight=False)


app.command("list", help="Varianten mit Freigabestand auflisten (--fuer rat|buerger: was die Zielgruppe sieht).")(
    list_)
app.command("new", help="Neue Variante anlegen (Freigabe intern).")(new)
app.command("release", help="Freigabe setzen: intern, rat (für den Rat freigegeben), oeffentlich.")(release_)
app.command("show", help="Variante mit Änderungen und Freigabehistorie anzeigen.")(show)
