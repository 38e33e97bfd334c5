"""Creating, listing and releasing variants, and recording their changes (validated, one transaction each)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import shapely
from shapely.geometry import MultiLineString, MultiPoint, MultiPolygon
from shapely.geometry.base import BaseGeometry

from twin.errors import ExtentError
from twin.project import Project
from twin.store import Feature
from twin.store.base import Store
from twin.store.schema import LayerSchema
from twin.store.values import now_iso
from twin.variants.model import (
    ADD, ACTIONS, INTERN, MODIFY, REMOVE, VARIANT_CHANGES, VARIANTS, Change, Variant, VariantError, change_id,
    parse_state, states_for, target_schema,
)

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_MULTI = {"MULTIPOLYGON": MultiPolygon, "MULTILINESTRING": MultiLineString, "MULTIPOINT": MultiPoint}


# ----------------------------------------------------------------- variants
def slugify(title: str) -> str:
    """A variant id from a title: 'Neubau Kita Am Anger' -> 'neubau_kita_am_anger'."""
    t = title.strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "_", t).strip("_")[:63] or "variante"


def list_variants(store: Store, released_for: str | None = None) -> list[Variant]:
    """All variants (by title) whose release state the audience may see (see :func:`model.states_for`)."""
    states = states_for(released_for)
    if not store.has_layer(VARIANTS.name):
        return []
    out = [Variant.from_attrs(f.attrs) for f in store.features(VARIANTS.name)]
    return sorted((v for v in out if v.release_state in states), key=lambda v: (v.title.casefold(), v.id))


def get_variant(store: Store, variant_id: str) -> Variant:
    """The variant with this id; :class:`VariantError` if there is none."""
    feat = store.get(VARIANTS.name, variant_id) if store.has_layer(VARIANTS.name) else None
    if feat is None:
        raise VariantError(f"Die Variante '{variant_id}' gibt es nicht.", feature=variant_id)
    return Variant.from_attrs(feat.attrs)


def new_variant(project: Project, variant_id: str, title: str, description: str = "", *,
                actor: str = "system", state: str = INTERN) -> VariantEditor:
    """Create an empty variant (release state ``intern`` unless given) and return its editor."""
    variant_id = str(variant_id).strip()
    if not _ID.match(variant_id):
        raise VariantError(f"Ungültiger Kurzname '{variant_id}': Kleinbuchstaben, Ziffern, '_' und '-', "
                           "höchstens 63 Zeichen.")
    if not title.strip():
        raise VariantError("Eine Variante braucht einen Titel.")
    store, at = project.store, now_iso()
    with store.transaction():
        store.create_layer(VARIANTS)
        store.create_layer(VARIANT_CHANGES)
        if store.get(VARIANTS.name, variant_id) is not None:
            raise VariantError(f"Die Variante '{variant_id}' gibt es bereits.", feature=variant_id)
        store.upsert(VARIANTS.name, [Feature({
            "variant_id": variant_id, "title": title.strip(), "description": description.strip(),
            "release_state": parse_state(state), "created_by": actor, "created_at": at, "updated_by": actor,
            "updated_at": at})], actor=actor)
    return VariantEditor(project, variant_id, actor)


def edit_variant(project: Project, variant_id: str, *, actor: str = "system") -> VariantEditor:
    """An editor for an existing variant."""
    get_variant(project.store, variant_id)
    return VariantEditor(project, variant_id, actor)


def release(variant: VariantEditor, state: str, actor: str | None = None) -> Variant:
    """Set the release state (intern, rat, oeffentlich); the change goes to the audit history."""
    store, actor = variant.project.store, actor or variant.actor
    with store.transaction():
        current = get_variant(store, variant.id)
        code = parse_state(state)
        if code != current.release_state:
            _update_row(store, variant.id, actor, release_state=code)
    return get_variant(store, variant.id)


def delete_variant(project: Project, variant_id: str, *, actor: str = "system") -> int:
    """Delete a variant and its changes (the history keeps them); returns the number of changes deleted."""
    store = project.store
    with store.transaction():
        get_variant(store, variant_id)
        ids = [c.id for c in changes(store, variant_id)]
        store.delete(VARIANT_CHANGES.name, ids, actor=actor)
        store.delete(VARIANTS.name, [variant_id], actor=actor)
    return len(ids)


# ----------------------------------------------------------------- changes
def changes(store: Store, variant_id: str, layer: str | None = None) -> list[Change]:
    """The changes of a variant (optionally of one target layer), by layer and key."""
    if not store.has_layer(VARIANT_CHANGES.name):
        return []
    t = store.table(VARIANT_CHANGES.name)
    where = t.c.variant_id == variant_id
    if layer is not None:
        where = where & (t.c.target_layer == layer)
    out = [Change(f["variant_id"], f["target_layer"], f["feature_key"], f["action"], f["new_values"] or {},
                  f.geometry if f["geometry_changed"] else None, f.geometry)
           for f in store.features(VARIANT_CHANGES.name, where)]
    return sorted(out, key=lambda c: (c.layer, c.key))


@dataclass(frozen=True)
class VariantEditor:
    """A variant opened for editing: the project (store and extent), the variant id and who edits."""

    project: Project
    id: str
    actor: str = "system"

    @property
    def store(self) -> Store:
        return self.project.store

    @property
    def variant(self) -> Variant:
        return get_variant(self.store, self.id)


@contextmanager
def batch(variant: VariantEditor) -> Iterator[None]:
    """Several changes in one transaction; the variant's "geändert von/am" is written once, at the end."""
    with variant.store.transaction():
        yield
        _touch(variant)


def set_change(variant: VariantEditor, layer: str, key: str, action: str, values: dict[str, Any] | None = None,
               geometry: BaseGeometry | None = None, *, touch: bool = True) -> Change | None:
    """Record (or merge into the existing) change of one feature; returns the change now stored.

    ``add`` needs a key not in the base data (and a geometry on a spatial layer); ``modify`` merges
    ``values`` (and replaces the geometry if given) into an earlier ``add``/``modify``; ``remove`` of a
    feature added by this variant drops that ``add`` (returns None). Errors are German
    (:class:`VariantError`, ``SchemaError`` for unknown layers/fields, ``ExtentError``). ``touch=False``
    inside :func:`batch` leaves the variant's change stamp to the batch.
    """
    from twin.variants.read import base_feature  # read imports this module

    store, key = variant.store, str(key).strip()
    if action not in ACTIONS:
        raise VariantError(f"Unbekannte Aktion '{action}'; erlaubt: {', '.join(ACTIONS)}.")
    if not key:
        raise VariantError("Für eine Änderung fehlt der Objektschlüssel.")
    with store.transaction():
        get_variant(store, variant.id)
        schema = target_schema(store, layer)
        vals = _coerce(schema, values or {}, key)
        geom = _check_geometry(variant.project, schema, geometry, key) if geometry is not None else None
        old = {c.key: c for c in changes(store, variant.id, layer)}.get(key)
        base = base_feature(store, layer, key)
        if action == ADD:
            if base is not None and (old is None or old.action != REMOVE):
                raise VariantError(f"'{key}' gibt es im Layer '{layer}' schon; ändern statt hinzufügen.",
                                   feature=key)
            if schema.geometry_type is not None and geom is None:
                raise VariantError(f"Neues Objekt '{key}' in '{layer}' braucht eine Geometrie.", feature=key)
            if base is not None:  # re-adding a removed feature replaces it
                action = MODIFY
            new = Change(variant.id, layer, key, action, {schema.key: key, **vals}, geom)
        elif action == MODIFY:
            if old is not None and old.action == REMOVE:
                raise VariantError(f"'{key}' ist in dieser Variante entfernt.", feature=key)
            if old is None and base is None:
                raise VariantError(f"'{key}' gibt es im Layer '{layer}' nicht.", feature=key)
            prev = old or Change(variant.id, layer, key, MODIFY)
            new = Change(variant.id, layer, key, prev.action, {**prev.values, **vals},
                         geom if geom is not None else prev.geometry)
        else:
            if old is not None and old.action == REMOVE:
                return old
            if old is not None and old.action == ADD:
                store.delete(VARIANT_CHANGES.name, [old.id], actor=variant.actor)
                if touch:
                    _touch(variant)
                return None
            if base is None:
                raise VariantError(f"'{key}' kann nicht entfernt werden: es gibt das Objekt im Layer '{layer}' "
                                   "nicht.", feature=key)
            new = Change(variant.id, layer, key, REMOVE)
        new.shape = new.geometry if new.geometry is not None else None if base is None else base.geometry
        _write(variant, new)
        if touch:
            _touch(variant)
    return new


def remove_change(variant: VariantEditor, layer: str, key: str) -> bool:
    """Undo the variant's change of one feature; False if there was none."""
    store = variant.store
    with store.transaction():
        if not store.has_layer(VARIANT_CHANGES.name) or store.get(VARIANT_CHANGES.name,
                                                                  change_id(variant.id, layer, key)) is None:
            return False
        store.delete(VARIANT_CHANGES.name, [change_id(variant.id, layer, key)], actor=variant.actor)
        _touch(variant)
    return True


def _write(variant: VariantEditor, change: Change) -> None:
    geom = change.shape
    if geom is not None and not shapely.has_z(geom):
        geom = shapely.force_3d(geom, 0.0)
    row = {"change_id": change.id, "variant_id": change.variant_id, "target_layer": change.layer,
           "feature_key": change.key, "action": change.action, "new_values": change.values or None,
           "geometry_changed": change.geometry is not None}
    variant.store.upsert(VARIANT_CHANGES.name, [Feature(row, geom)], actor=variant.actor)


def _touch(variant: VariantEditor) -> None:
    _update_row(variant.store, variant.id, variant.actor)


def _update_row(store: Store, variant_id: str, actor: str, **values: Any) -> None:
    """Rewrite the variant's row (upsert replaces whole rows) with new values and who changed it when."""
    attrs = {**store.get(VARIANTS.name, variant_id).attrs, **values, "updated_by": actor, "updated_at": now_iso()}
    store.upsert(VARIANTS.name, [Feature(attrs)], actor=actor)


def _coerce(schema: LayerSchema, values: dict[str, Any], key: str) -> dict[str, Any]:
    """Values checked against the schema, as JSON values (dates as ISO text)."""
    out: dict[str, Any] = {}
    for name, v in values.items():
        ftype = schema.field(name).type  # SchemaError (German) for an unknown field
        if name == schema.key and v is not None and str(v) != key:
            raise VariantError(f"Der Schlüssel '{v}' passt nicht zum Objekt '{key}'.", feature=key)
        if v is None:
            out[name] = None
            continue
        try:
            if ftype == "integer":
                if isinstance(v, float) and not v.is_integer():
                    raise ValueError
                out[name] = int(v)
            elif ftype == "real":
                out[name] = float(v)
            elif ftype == "boolean":
                out[name] = bool(v)
            elif ftype in ("date", "datetime"):
                out[name] = v.isoformat() if isinstance(v, (date, datetime)) else str(v)
            elif ftype == "text":
                out[name] = str(v)
            else:
                out[name] = v
        except (TypeError, ValueError):
            what = {"integer": "keine ganze Zahl", "real": "keine Zahl"}.get(ftype, "ungültig")
            raise VariantError(f"Feld '{name}' in '{schema.name}': '{v}' ist {what}.", feature=key) from None
    return out


def _check_geometry(project: Project, schema: LayerSchema, geom: BaseGeometry, key: str) -> BaseGeometry:
    """Type fits the layer (a single part becomes a multi-geometry), valid and inside the project extent."""
    if schema.geometry_type is None:
        raise VariantError(f"Der Layer '{schema.name}' hat keine Geometrie.", feature=key)
    if geom.is_empty:
        raise VariantError(f"Die Geometrie von '{key}' ist leer.", feature=key)
    want, got = schema.geometry_type, geom.geom_type.upper()
    if want in _MULTI and got == want.removeprefix("MULTI"):
        geom, got = _MULTI[want]([geom]), want
    if want != "GEOMETRY" and got != want:
        raise VariantError(f"'{key}': Geometrietyp {geom.geom_type} passt nicht zum Layer '{schema.name}' "
                           f"({want}).", feature=key)
    flat = geom.area == 0 and "Polygon" in geom.geom_type  # a vertical wall: GEOS validity does not apply
    if not flat and not shapely.is_valid(geom):
        raise VariantError(f"Die Geometrie von '{key}' ist ungültig ({shapely.is_valid_reason(geom)}).",
                           feature=key)
    ext = project.config.project.extent
    b = geom.bounds
    if ext is not None and (b[0] < ext[0] or b[1] < ext[1] or b[2] > ext[2] or b[3] > ext[3]):
        raise ExtentError(f"'{key}' liegt außerhalb des Projektgebiets ({b[0]:.0f}, {b[1]:.0f}); "
                          "Varianten planen nur innerhalb des Gebiets.", feature=key)
    return geom
