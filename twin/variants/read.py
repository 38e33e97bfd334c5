"""Reading the data "as in variant V": base features with the variant's changes applied, never written back."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
import sqlalchemy as sa

from twin.errors import StoreError
from twin.project import Project
from twin.store import Feature
from twin.store.base import BBox, Store
from twin.store.schema import LayerSchema
from twin.variants.manage import changes, get_variant
from twin.variants.model import ADD, MODIFY, REMOVE, VARIANT_CHANGES, Change, target_schema

_SQL_TYPES = {"integer": sa.BigInteger(), "real": sa.Float(), "boolean": sa.Boolean()}


def base_feature(store: Store, layer: str, key: str) -> Feature | None:
    """The feature of the base data (None if the layer or the feature does not exist)."""
    return store.get(layer, key) if store.has_layer(layer) else None


def features_in_variant(store: Store, layer: str, variant_id: str | None, where: Any = None) -> list[Feature]:
    """Features of ``layer`` as in the variant: base features (in store order) with modifications and removals
    applied, then the added ones by key. ``variant_id=None`` reads the base data.

    ``where`` (a SQLAlchemy expression on the layer's table) filters the base rows in SQL; features the
    variant adds or modifies are tested against it with their new values (evaluated by the database).
    Added features have ``fid=None``.
    """
    if variant_id is None:
        return store.features(layer, where) if store.has_layer(layer) else []
    get_variant(store, variant_id)
    schema = target_schema(store, layer)
    todo = {c.key: c for c in changes(store, variant_id, layer)}
    base = store.features(layer, where) if store.has_layer(layer) else []
    out, pending = [], []
    for f in base:
        c = todo.pop(str(f.attrs[schema.key]), None)
        if c is None:
            out.append(f)
        elif c.action != REMOVE:
            out.append(_apply(schema, f, c))
            pending.append(len(out) - 1)
    unfiltered = {}
    if where is not None and todo and store.has_layer(layer):
        # modified features the filter dropped in SQL may match with their new values
        keys = [k for k, c in todo.items() if c.action == MODIFY]
        if keys:
            unfiltered = {str(f.attrs[schema.key]): f
                          for f in store.features(layer, store.table(layer).c[schema.key].in_(keys))}
    for key in sorted(todo):
        c = todo[key]
        if c.action == ADD:
            out.append(_apply(schema, None, c))
        elif c.action == MODIFY and key in unfiltered:
            out.append(_apply(schema, unfiltered[key], c))
        else:
            continue  # removal of a feature not selected, or a change to a feature no longer in the base
        pending.append(len(out) - 1)
    if where is not None and pending:
        keep = _matches(store, layer, schema, where, [out[i] for i in pending])
        drop = {i for i, ok in zip(pending, keep) if not ok}
        out = [f for i, f in enumerate(out) if i not in drop]
    return out


def changed_keys(store: Store, variant_id: str) -> dict[str, set[str]]:
    """Keys of the features a variant adds, modifies or removes, per target layer (for highlighting)."""
    out: dict[str, set[str]] = {}
    for c in changes(store, variant_id):
        out.setdefault(c.layer, set()).add(c.key)
    return out


def _apply(schema: LayerSchema, base: Feature | None, c: Change) -> Feature:
    attrs = {n: None for n in schema.field_names} if base is None else dict(base.attrs)
    attrs.update({k: v for k, v in c.values.items() if k in attrs})
    geom = c.geometry if c.geometry is not None else (base.geometry if base is not None else None)
    if geom is not None and schema.geometry_type is not None and not schema.has_z and shapely.has_z(geom):
        geom = shapely.force_2d(geom)
    return Feature(attrs, geom, None if base is None else base.fid)


def _matches(store: Store, layer: str, schema: LayerSchema, where: Any, feats: list[Feature]) -> list[bool]:
    """Whether each feature's values satisfy ``where``: the expression with the table's columns replaced by
    the values, evaluated by the database (one query)."""
    from sqlalchemy.sql import visitors

    table = store.table(layer)
    exprs = []
    for f in feats:
        def swap(el: Any, attrs: dict[str, Any] = f.attrs) -> Any:
            if isinstance(el, sa.Column) and el.table is table and el.name in attrs:
                v = attrs[el.name]
                if v is None:
                    return sa.null()
                ftype = schema.field(el.name).type
                return sa.cast(sa.literal(v if ftype != "json" else str(v)), _SQL_TYPES.get(ftype, sa.Text()))
            return None
        clause = visitors.replacement_traverse(where, {}, swap)
        exprs.append(sa.case((clause, 1), else_=0))
    with store.transaction() as conn:
        row = conn.execute(sa.select(*exprs)).one()
    return [bool(v) for v in row]


class VariantStore:
    """A read-only view of a store as in one variant: ``features``/``get``/``keys``/``count``/``query_bbox``
    apply the variant's changes, everything else (rasters, tables, history) is the base store's."""

    def __init__(self, store: Store, variant_id: str) -> None:
        get_variant(store, variant_id)
        self.base = store
        self.variant_id = variant_id
        self._layers = {c.layer for c in changes(store, variant_id)}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def has_layer(self, name: str) -> bool:
        return self.base.has_layer(name) or name in self._layers

    def layer_names(self) -> list[str]:
        return sorted(set(self.base.layer_names()) | self._layers)

    def schema(self, name: str) -> LayerSchema:
        return self.base.schema(name) if self.base.has_layer(name) else target_schema(self.base, name)

    def features(self, layer: str, where: Any = None) -> list[Feature]:
        if layer == VARIANT_CHANGES.name or layer not in self._layers:
            return self.base.features(layer, where)
        return features_in_variant(self.base, layer, self.variant_id, where)

    def get(self, layer: str, key: str) -> Feature | None:
        schema = self.schema(layer)
        if layer not in self._layers:
            return self.base.get(layer, key)
        return next((f for f in self.features(layer) if str(f.attrs[schema.key]) == str(key)), None)

    def keys(self, layer: str, where: Any = None) -> list[str]:
        key = self.schema(layer).key
        return [str(f.attrs[key]) for f in self.features(layer, where)]

    def count(self, layer: str) -> int:
        return len(self.features(layer)) if layer in self._layers else self.base.count(layer)

    def query_bbox(self, layer: str, bbox: BBox, *, geometry: bool = True) -> list[Feature]:
        if layer not in self._layers:
            return self.base.query_bbox(layer, bbox, geometry=geometry)
        feats = [f for f in self.features(layer) if f.geometry is not None]
        hit = shapely.intersects(np.array([f.geometry for f in feats], dtype=object), shapely.box(*bbox))
        out = [f for f, h in zip(feats, hit) if h]
        if not geometry:
            out = [Feature(f.attrs, None, f.fid) for f in out]
        return out

    def _read_only(self, *_: Any, **__: Any) -> Any:
        raise StoreError(f"Die Variante '{self.variant_id}' ist eine Ansicht; Änderungen gehen über die "
                         "Variantenbearbeitung, nie in den Bestand.")

    upsert = delete = create_layer = _read_only


def project_in_variant(project: Project, variant_id: str | None) -> Project:
    """The project as seen in a variant (its store a read-only :class:`VariantStore`); the project itself
    for ``None``. Do not close the returned view; close the project."""
    if variant_id is None:
        return project
    return Project(project.root, project.config, VariantStore(project.store, variant_id))  # type: ignore[arg-type]
