"""Deciding the conflicts a field sync left: office value, tablet value or a value typed in – explicitly.

Each decision is one transaction: the store change (with its audit history) and the conflict row marked
"entschieden" with who decided, when and how. Nothing is ever overwritten without such a decision.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import shapely

from twin.errors import StoreError
from twin.model.field import (
    DELETION, FIELD_CONFLICTS, FIELD_PACKAGES, FIELD_VALUE, GONE, KEY_TAKEN, METER_CHANGE, OPEN, RESOLVED,
)
from twin.store.base import Feature
from twin.store.values import now_iso

Choice = Literal["buero", "tablet", "wert"]
CHOICES = {"buero": "Wert aus dem Büro behalten", "tablet": "Wert vom Tablet übernehmen",
           "wert": "eigenen Wert eintragen"}
KIND_TITLES = {FIELD_VALUE: "Feld in Büro und Tablet geändert", DELETION: "auf dem Tablet gelöscht",
               KEY_TAKEN: "Schlüssel schon vergeben", METER_CHANGE: "Zählerwechsel nicht möglich",
               GONE: "im Büro gelöscht", "nicht_bearbeitbar": "Feld im Feld nur zu lesen"}


class ConflictError(StoreError, ValueError):
    """A conflict cannot be decided this way (unknown, already decided, value missing); nothing written."""


def open_conflicts(project: Any, package_id: str | None = None) -> list[Feature]:
    """Undecided conflicts, oldest first (optionally of one package)."""
    store = project.store
    if not store.has_layer(FIELD_CONFLICTS.name):
        return []
    t = store.table(FIELD_CONFLICTS.name)
    where = t.c.status == OPEN
    if package_id:
        where = where & (t.c.paket_id == package_id)
    return sorted(store.features(FIELD_CONFLICTS.name, where), key=lambda f: f.fid or 0)


def packages(project: Any) -> list[Feature]:
    """The field packages issued in this project, newest first."""
    store = project.store
    if not store.has_layer(FIELD_PACKAGES.name):
        return []
    return sorted(store.features(FIELD_PACKAGES.name), key=lambda f: str(f.attrs.get("erstellt_am")), reverse=True)


def resolve_conflict(project: Any, conflict_id: str, choice: Choice, *, value: Any = None,
                     actor: str = "system") -> Feature:
    """Decide one conflict; returns the decided conflict row. ``value`` only with ``choice="wert"``
    (for a field conflict). Raises :class:`ConflictError` (German) if it cannot be decided so."""
    if choice not in CHOICES:
        raise ConflictError(f"Unbekannte Entscheidung '{choice}' (möglich: {', '.join(CHOICES)}).")
    store = project.store
    with store.transaction():
        c = store.get(FIELD_CONFLICTS.name, conflict_id) if store.has_layer(FIELD_CONFLICTS.name) else None
        if c is None:
            raise ConflictError(f"Konflikt '{conflict_id}' gibt es nicht.", feature=conflict_id)
        if c.attrs["status"] != OPEN:
            raise ConflictError(f"Konflikt '{conflict_id}' ist schon entschieden ({c.attrs['entscheidung']}).",
                                feature=conflict_id)
        kind, layer, key, col = c.attrs["art"], c.attrs["layer"], c.attrs["objekt"], c.attrs["feld"]
        data = c.attrs.get("daten_tablet") or {}
        text = CHOICES[choice]
        if choice == "wert" and kind != FIELD_VALUE:
            raise ConflictError("Einen eigenen Wert gibt es nur bei Feldkonflikten.", feature=conflict_id)
        if choice != "buero" and kind == "nicht_bearbeitbar" and not col:
            raise ConflictError("Änderungen an einem Layer, der im Feld nur zu lesen ist, können nur verworfen "
                                "werden (Büro behalten).", feature=conflict_id)
        if choice != "buero":
            if kind in (FIELD_VALUE, "nicht_bearbeitbar"):
                new = value if choice == "wert" else (c.attrs["wert_tablet"] if kind == FIELD_VALUE
                                                      else data.get(col))
                _set_field(store, layer, key, col, new, actor, conflict_id)
                text += f": {col} = {new!r}"
            elif kind == DELETION:
                if store.delete(layer, [key], actor=actor) == 0:
                    raise ConflictError(f"'{key}' ist nicht mehr im Layer {layer}.", feature=conflict_id)
                text = "Löschung bestätigt"
            elif kind in (KEY_TAKEN, GONE):
                store.upsert(layer, [_feature(store, layer, data)], actor=actor)
                text = "Daten vom Tablet übernommen"
            elif kind == METER_CHANGE:
                _retry_meter_change(project, data, actor, conflict_id)
                text = "Zählerwechsel nachträglich übernommen"
        elif kind == DELETION:
            text = "Objekt behalten (Löschung verworfen)"
        elif kind in (KEY_TAKEN, GONE, METER_CHANGE, "nicht_bearbeitbar"):
            text = "Daten vom Tablet verworfen"
        decided = {**c.attrs, "status": RESOLVED, "entscheidung": text, "entschieden_von": actor,
                   "entschieden_am": now_iso()}
        store.upsert(FIELD_CONFLICTS.name, [Feature(decided)], actor=actor)
    return store.get(FIELD_CONFLICTS.name, conflict_id)


def _set_field(store: Any, layer: str, key: str | None, col: str, value: Any, actor: str, cid: str) -> None:
    feat = store.get(layer, key) if key is not None else None
    if feat is None:
        raise ConflictError(f"Das Objekt '{key}' gibt es im Layer {layer} nicht mehr.", feature=cid)
    if col == "geom":
        feat.geometry = shapely.from_wkt(value) if isinstance(value, str) else value
    else:
        if col not in store.schema(layer).field_names:
            raise ConflictError(f"Layer {layer} hat kein Feld '{col}'.", feature=cid)
        feat.attrs[col] = value
    store.upsert(layer, [feat], actor=actor)


def _feature(store: Any, layer: str, data: dict[str, Any]) -> Feature:
    names = set(store.schema(layer).field_names)
    attrs = {k: v for k, v in data.items() if k in names}
    old = store.get(layer, str(attrs.get(store.schema(layer).key)))
    if old is not None:  # keep what the tablet did not carry (columns the team does not see)
        attrs = {**old.attrs, **attrs}
    geom = shapely.from_wkt(data["geometry"]) if data.get("geometry") else (old.geometry if old else None)
    return Feature(attrs, geom)


def _retry_meter_change(project: Any, data: dict[str, Any], actor: str, cid: str) -> None:
    from twin.model.meters import MeterChangeError, change_meter

    try:
        change_meter(project, data.get("alter_zaehler") or "", data.get("neuer_zaehler") or "",
                     date.fromisoformat(str(data.get("wechseldatum"))[:10]), data.get("zaehlerstand_alt"),
                     data.get("zaehlerstand_neu") or 0.0, actor, zaehlerart=data.get("zaehlerart_neu"),
                     eichjahr=data.get("eichjahr_neu"))
    except (MeterChangeError, ValueError, TypeError) as exc:
        raise ConflictError(f"Zählerwechsel weiterhin nicht möglich: {exc}", feature=cid) from None
