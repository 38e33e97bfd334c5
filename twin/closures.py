"""Editing road closures in the administration twin (no Qt): add, change, end, delete.

Every edit is one store transaction through :meth:`Store.upsert` / :meth:`Store.delete`, so the audit
history records who changed what and when (``actor``); a closure and its detour line are written
together or not at all. Invalid input raises :class:`ClosureError` with a German message and writes
nothing.

Checks: Art, Straße and Beginn are required; ``bis`` (last day, inclusive) is not before ``von``; the
closed section is a line (LineString or MultiLineString, stored as MultiLineString) with a length,
inside the project extent; the same for the optional detour line. Dates are accepted as
:class:`datetime.date`, ISO text (``2026-11-30``) or German text (``30.11.2026``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import shapely
from shapely.geometry import MultiLineString
from shapely.geometry.base import BaseGeometry

from twin.dates import parse_date
from twin.errors import StoreError
from twin.model.closures import CLOSURE_LAYERS, ROAD_CLOSURE_DETOURS, ROAD_CLOSURES, as_date
from twin.store import Feature

#: ``update_closure(detour=KEEP)``: leave the stored detour line as it is
KEEP: Any = object()
_EDITABLE = {f.name for f in ROAD_CLOSURES.fields} - {"sperrung_id"}


class ClosureError(StoreError, ValueError):
    """A closure cannot be written as given (missing field, dates, geometry); nothing was written."""


def parse_day(value: Any, what: str = "Datum") -> date | None:
    """A date (see :func:`twin.dates.parse_date`); None for empty; ClosureError (German) otherwise."""
    try:
        return parse_date(value)
    except ValueError:
        raise ClosureError(f"{what} '{str(value).strip()}' ist kein gültiges Datum (erwartet z. B. 30.11.2026)."
                           ) from None


def line_geometry(geom: BaseGeometry | None, extent: tuple[float, float, float, float] | None, *,
                  what: str = "Der gesperrte Abschnitt", key: str | None = None) -> MultiLineString:
    """The geometry as a 2D MultiLineString, checked: a line with a length, inside ``extent``."""
    if geom is None or geom.is_empty:
        raise ClosureError(f"{what} braucht eine Liniengeometrie (mindestens zwei Punkte).", feature=key)
    if geom.geom_type not in ("LineString", "MultiLineString"):
        kind = _GEOM_DE.get(geom.geom_type, geom.geom_type)
        raise ClosureError(f"{what} muss eine Linie sein (Straßenabschnitt), nicht {kind}.", feature=key)
    geom = shapely.force_2d(geom)
    if not all(shapely.is_valid(p) for p in shapely.get_parts(geom)) or geom.length <= 0:
        raise ClosureError(f"{what} ist keine gültige Linie (Länge 0 oder ungültige Koordinaten).", feature=key)
    b = geom.bounds
    if not all(map(_finite, b)):
        raise ClosureError(f"{what} hat ungültige Koordinaten.", feature=key)
    if extent is not None and not (b[0] >= extent[0] and b[1] >= extent[1] and b[2] <= extent[2]
                                   and b[3] <= extent[3]):
        raise ClosureError(f"{what} liegt (teilweise) außerhalb des Projektgebiets "
                           f"({b[0]:.0f}, {b[1]:.0f} – {b[2]:.0f}, {b[3]:.0f}); falsches Koordinatensystem?",
                           feature=key)
    return geom if geom.geom_type == "MultiLineString" else MultiLineString([geom])


_GEOM_DE = {"Point": "ein Punkt", "MultiPoint": "Punkte", "Polygon": "eine Fläche", "MultiPolygon": "Flächen",
            "GeometryCollection": "eine Geometriesammlung"}


def _finite(v: float) -> bool:
    return v == v and abs(v) != float("inf")


def check_attrs(attrs: Mapping[str, Any], key: str | None = None) -> dict[str, Any]:
    """Validated, normalised attributes of a closure (dates as date, texts stripped, empties None)."""
    unknown = set(attrs) - _EDITABLE - {"sperrung_id"}
    if unknown:
        raise ClosureError(f"Unbekannte Felder einer Sperrung: {', '.join(sorted(unknown))}.", feature=key)
    out: dict[str, Any] = {}
    for name in _EDITABLE:
        v = attrs.get(name)
        if name in ("von", "bis"):
            out[name] = parse_day(v, "Beginn" if name == "von" else "Ende")
        else:
            out[name] = (str(v).strip() or None) if v is not None else None
    for name, title in (("art", "die Art der Sperrung"), ("strasse", "die Straße"), ("von", "der Beginn")):
        if out[name] is None:
            raise ClosureError(f"Für die Sperrung fehlt {title}.", feature=key)
    if out["bis"] is not None and out["bis"] < out["von"]:
        raise ClosureError(f"Das Ende ({out['bis']:%d.%m.%Y}) liegt vor dem Beginn ({out['von']:%d.%m.%Y}).",
                           feature=key)
    return out


def _extent(project: Any) -> tuple[float, float, float, float] | None:
    return project.config.project.extent


def _write(project: Any, key: str, attrs: dict[str, Any], geom: MultiLineString, detour: Any, actor: str,
           provenance_id: int | None) -> Feature:
    store = project.store
    with store.transaction():
        for schema in CLOSURE_LAYERS:
            store.create_layer(schema)
        store.upsert(ROAD_CLOSURES.name, [Feature({**attrs, "sperrung_id": key}, geom)], actor=actor,
                     provenance_id=provenance_id)
        if detour is None:
            if store.get(ROAD_CLOSURE_DETOURS.name, key) is not None:
                store.delete(ROAD_CLOSURE_DETOURS.name, [key], actor=actor, provenance_id=provenance_id)
        elif detour is not KEEP:
            row = {"sperrung_id": key, "beschreibung": attrs.get("umleitung"), "source_file": attrs.get("source_file")}
            store.upsert(ROAD_CLOSURE_DETOURS.name, [Feature(row, detour)], actor=actor, provenance_id=provenance_id)
    return store.get(ROAD_CLOSURES.name, key)


def next_closure_id(project: Any, year: int | None = None) -> str:
    """The next free number of the form ``SP-2026-007`` for the year (default: this year)."""
    year = year or date.today().year
    store, prefix = project.store, f"SP-{year}-"
    used = []
    if store.has_layer(ROAD_CLOSURES.name):
        t = store.table(ROAD_CLOSURES.name)
        used = [k[len(prefix):] for k in store.keys(ROAD_CLOSURES.name, t.c.sperrung_id.like(prefix + "%"))]
    n = max([int(u) for u in used if u.isdigit()], default=0) + 1
    return f"{prefix}{n:03d}"


def add_closure(project: Any, attrs: Mapping[str, Any], geometry: BaseGeometry, *,
                detour: BaseGeometry | None = None, actor: str = "system",
                provenance_id: int | None = None) -> Feature:
    """A new closure (``attrs["sperrung_id"]`` or the next free ``SP-Jahr-Nr``) with an optional detour line."""
    key = str(attrs.get("sperrung_id") or "").strip() or None
    clean = check_attrs(attrs, key)
    key = key or next_closure_id(project, clean["von"].year)
    geom = line_geometry(geometry, _extent(project), key=key)
    det = None if detour is None else line_geometry(detour, _extent(project), what="Die Umleitung", key=key)
    store = project.store
    if store.has_layer(ROAD_CLOSURES.name) and store.get(ROAD_CLOSURES.name, key) is not None:
        raise ClosureError(f"Die Sperrungsnummer '{key}' ist bereits vergeben.", feature=key)
    return _write(project, key, clean, geom, det, actor, provenance_id)


def _existing(project: Any, key: str) -> Feature:
    store = project.store
    f = store.get(ROAD_CLOSURES.name, key) if store.has_layer(ROAD_CLOSURES.name) else None
    if f is None:
        raise ClosureError(f"Die Sperrung '{key}' gibt es nicht im Datenbestand.", feature=key)
    return f


def update_closure(project: Any, sperrung_id: str, changes: Mapping[str, Any], *,
                   geometry: BaseGeometry | None = None, detour: Any = KEEP, actor: str = "system") -> Feature:
    """Change fields (and/or the line) of a closure; ``detour``: a line, None (remove it) or KEEP."""
    key = str(sperrung_id)
    old = _existing(project, key)
    if "sperrung_id" in changes and str(changes["sperrung_id"]) != key:
        raise ClosureError("Die Sperrungsnummer kann nicht geändert werden.", feature=key)
    merged = {**{n: old.attrs.get(n) for n in _EDITABLE}, **{k: v for k, v in changes.items() if k != "sperrung_id"}}
    clean = check_attrs(merged, key)
    geom = line_geometry(geometry if geometry is not None else old.geometry, _extent(project), key=key)
    det = detour if detour is KEEP or detour is None else line_geometry(detour, _extent(project),
                                                                         what="Die Umleitung", key=key)
    if det is KEEP and "umleitung" in changes and project.store.get(ROAD_CLOSURE_DETOURS.name, key) is not None:
        det = project.store.get(ROAD_CLOSURE_DETOURS.name, key).geometry  # keep the line, new description
    return _write(project, key, clean, geom, det, actor, None)


def end_closure(project: Any, sperrung_id: str, day: date | str, *, actor: str = "system") -> Feature:
    """End a closure: ``day`` becomes its last day (``bis``). Not before its beginning."""
    key = str(sperrung_id)
    old = _existing(project, key)
    end = parse_day(day, "Ende")
    if end is None:
        raise ClosureError("Zum Beenden einer Sperrung wird ein Datum gebraucht.", feature=key)
    start, current = as_date(old.attrs.get("von")), as_date(old.attrs.get("bis"))
    if start is not None and end < start:
        raise ClosureError(f"Das Ende ({end:%d.%m.%Y}) liegt vor dem Beginn ({start:%d.%m.%Y}).", feature=key)
    if current is not None and current < end:
        raise ClosureError(f"Die Sperrung ist bereits seit {current:%d.%m.%Y} beendet.", feature=key)
    return update_closure(project, key, {"bis": end}, actor=actor)


def delete_closure(project: Any, sperrung_id: str, *, actor: str = "system") -> None:
    """Delete a closure and its detour (the old values stay in the history)."""
    key = str(sperrung_id)
    _existing(project, key)
    store = project.store
    with store.transaction():
        store.delete(ROAD_CLOSURES.name, [key], actor=actor)
        if store.has_layer(ROAD_CLOSURE_DETOURS.name):
            store.delete(ROAD_CLOSURE_DETOURS.name, [key], actor=actor)
