"""A store bound to one role: it can only read what the role may see (enforced in the query).

Every read builds its SELECT from the policy: only the visible columns are named, the role's row
rules are part of the WHERE clause, aggregations run as GROUP BY with a minimum group size in the
HAVING clause. Nothing the role may not see is ever fetched from the database, so nothing can leak
through a view, an export or a package that reads through this session.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from twin.errors import AccessDenied
from twin.policy.check import known_schemas
from twin.policy.model import ROLE_TITLES, Aggregation, LayerRule, Policy, RowRule
from twin.store.base import BBox, Feature, Store
from twin.store.schema import LayerSchema

_OPS = {
    "eq": lambda c, v: c == v, "ne": lambda c, v: c != v, "lt": lambda c, v: c < v, "le": lambda c, v: c <= v,
    "gt": lambda c, v: c > v, "ge": lambda c, v: c >= v, "in": lambda c, v: c.in_(v),
    "not_in": lambda c, v: c.not_in(v), "null": lambda c, v: c.is_(None), "not_null": lambda c, v: c.isnot(None),
}


class RoleSession:
    """Read access to a store as one role of the policy (``verwaltung`` sees everything)."""

    def __init__(self, store: Store, policy: Policy, role: str) -> None:
        if not policy.knows(role):
            raise AccessDenied(f"Unbekannte Rolle oder unbekanntes Feldteam '{role}' (bekannt: "
                               f"{', '.join([*policy.roles, *policy.field_teams])}).")
        self.store, self.policy, self.role = store, policy, role
        self.rule = policy.role(role)

    @property
    def title(self) -> str:
        return self.rule.title or ROLE_TITLES.get(self.role, self.role)

    @property
    def is_admin(self) -> bool:
        return self.rule.all

    # ----------------------------------------------------------------- layers
    def layer_names(self) -> list[str]:
        """Stored layers the role may read row by row."""
        names = self.store.layer_names()
        return names if self.is_admin else [n for n in names if n in self.rule.layers]

    def can_read(self, layer: str) -> bool:
        return self.is_admin or layer in self.rule.layers

    def schema(self, layer: str) -> LayerSchema:
        """The layer as the role sees it: visible columns only, no geometry if it is hidden."""
        stored = self.store.schema(layer)
        if self.is_admin:
            return stored
        return _restricted(stored, self._layer_rule(layer))

    def features(self, layer: str, where: Any = None) -> list[Feature]:
        """Visible rows and columns; ``where`` = {column: value} or a SQL expression, on visible columns only."""
        return self._filter_json(layer, self.store.read(self.schema(layer), where=self._where(layer, where)))

    def get(self, layer: str, key: str) -> Feature | None:
        schema = self.schema(layer)
        rows = self._filter_json(layer, self.store.read(schema, where=self._where(layer, {schema.key: str(key)})))
        return rows[0] if rows else None

    def query_bbox(self, layer: str, bbox: BBox) -> list[Feature]:
        return self._filter_json(layer, self.store.read(self.schema(layer), where=self._where(layer, None),
                                                        bbox=bbox))

    def visible_fields(self, layer: str) -> set[str]:
        """Columns of ``layer`` the role may see (empty if the layer is not visible)."""
        if not self.can_read(layer):
            return set()
        if layer in self.store.layer_names():
            return set(self.schema(layer).field_names)
        model = known_schemas().get(layer)  # a layer only a variant adds to (e.g. trees)
        if model is None:
            return set()
        return set(model.field_names if self.is_admin else _restricted(model, self._layer_rule(layer)).field_names)

    def count(self, layer: str) -> int:
        table = self.store.table(layer)
        stmt = sa.select(sa.func.count()).select_from(table)
        clause = self._where(layer, None)
        if clause is not None:
            stmt = stmt.where(clause)
        with self.store.transaction() as conn:
            return int(conn.execute(stmt).scalar_one())

    # ----------------------------------------------------------------- aggregations
    def aggregations(self) -> dict[str, Aggregation]:
        return dict(self.rule.aggregations)

    def aggregate(self, name: str) -> list[dict[str, Any]]:
        """The figures of one aggregation, one dict per group of at least ``min_group_size`` rows."""
        agg = self.rule.aggregations.get(name)
        if agg is None:
            raise AccessDenied(f"Die Kennzahl '{name}' ist für den {self.title} nicht freigegeben.")
        return run_aggregation(self.store, agg)

    # ----------------------------------------------------------------- rasters
    def rasters(self, kind: str | None = None) -> list[dict[str, Any]]:
        """Registered rasters of the role's kinds; kinds with a ``raster_rows`` rule only for visible rows."""
        allowed = self.rule.rasters
        rows = self.store.rasters(kind)
        if self.is_admin:
            return rows
        if "*" not in allowed:
            rows = [r for r in rows if r["kind"] in allowed]
        for rkind, ref in self.rule.raster_rows.items():
            if not any(r["kind"] == rkind for r in rows):
                continue
            visible = self._visible_values(ref)
            rows = [r for r in rows if r["kind"] != rkind or str(r["name"]).split("/", 1)[0] in visible]
        return rows

    def _visible_values(self, ref: str) -> set[str]:
        """Values of ``layer.field`` in the rows the role may see (empty if the layer does not exist)."""
        layer, col = ref.split(".", 1)
        if not self.store.has_layer(layer):
            return set()
        table = self.store.table(layer)
        stmt = sa.select(table.c[col])
        clause = self._where(layer, None)
        if clause is not None:
            stmt = stmt.where(clause)
        with self.store.transaction() as conn:
            return {str(v) for v in conn.execute(stmt).scalars() if v is not None}

    # ----------------------------------------------------------------- helpers
    def _layer_rule(self, layer: str) -> LayerRule:
        lr = self.rule.layers.get(layer)
        if lr is None:
            raise AccessDenied(f"Der Layer '{layer}' ist im {self.title} nicht sichtbar.")
        return lr

    def _where(self, layer: str, where: Mapping[str, Any] | None):
        table = self.store.table(layer)
        clauses = []
        if not self.is_admin:
            lr = self._layer_rule(layer)
            clauses += [self._row_clause(table, r) for r in lr.rows]
            for target in lr.json_filter.values():  # rows about layers the role may not see stay out
                clauses.append(table.c[target].in_(list(self.rule.layers)))
        if where is not None and not isinstance(where, Mapping):  # a SQL expression (the layer engine's)
            self._check_columns(layer, {c.name for c in sa.sql.visitors.iterate(where)
                                        if isinstance(c, sa.Column) and c.table is table})
            clauses.append(where)
        elif where:
            self._check_columns(layer, set(where))
            clauses += [table.c[col] == value for col, value in where.items()]
        return sa.and_(*clauses) if clauses else None

    def _check_columns(self, layer: str, cols: set[str]) -> None:
        """A filter may only use columns the role sees (else it would tell about hidden values)."""
        hidden = sorted(cols - set(self.schema(layer).field_names) - {"fid"})
        if hidden:
            raise AccessDenied(f"Die Spalte '{hidden[0]}' von '{layer}' ist im {self.title} nicht sichtbar.")


    def _row_clause(self, table: sa.Table, rule: RowRule):
        if rule.op != "visible_in":
            return row_clause(table, rule)
        ref_layer, ref_field = str(rule.value).split(".")
        ref = self.store.table(ref_layer)
        sub = sa.select(ref.c[ref_field])
        ref_rules = [self._row_clause(ref, r) for r in self._layer_rule(ref_layer).rows]
        if ref_rules:
            sub = sub.where(sa.and_(*ref_rules))
        return table.c[rule.field].in_(sub)

    def _filter_json(self, layer: str, feats: list[Feature]) -> list[Feature]:
        """Keys of JSON columns limited to what the role sees in the layer the row is about."""
        if self.is_admin or not self._layer_rule(layer).json_filter:
            return feats
        for col, target in self._layer_rule(layer).json_filter.items():
            for f in feats:
                keep = self.visible_fields(str(f.attrs.get(target)))
                value = f.attrs.get(col)
                if isinstance(value, dict):
                    f.attrs[col] = {k: v for k, v in value.items() if k in keep}
        return feats


def _restricted(stored: LayerSchema, lr: LayerRule) -> LayerSchema:
    cols = stored.field_names if lr.columns == "*" else lr.columns
    return stored.subset([c for c in cols if c not in lr.exclude], geometry=lr.geometry)


def row_clause(table: sa.Table, rule: RowRule):
    """The SQL condition of one row rule (not ``visible_in``, which needs the role: see RoleSession)."""
    return _OPS[rule.op](table.c[rule.field], rule.value)


def aggregation_select(table: sa.Table, agg: Aggregation) -> sa.Select:
    """The SQL of an aggregation: GROUP BY in a subquery, groups under ``min_group_size`` rows filtered out.

    The same statement runs in the embedded store and becomes the PostgreSQL view of the role
    (:mod:`twin.policy.postgis`), so both give the same figures.
    """
    groups = []
    for g in agg.group_by:
        if g.startswith("jahr:"):
            col = g.split(":", 1)[1]
            groups.append(sa.cast(sa.func.substr(table.c[col], 1, 4), sa.Integer).label(f"jahr_{col}"))
        else:
            groups.append(table.c[g].label(g))
    measures = []
    for name, spec in agg.measures.items():
        fn, _, col = spec.partition(":")
        expr = sa.func.count() if fn == "count" else getattr(sa.func, fn)(table.c[col])
        measures.append(expr.label(name))
    inner = sa.select(*groups, *measures, sa.func.count().label("_n")).select_from(table)
    if agg.rows:
        inner = inner.where(sa.and_(*[row_clause(table, r) for r in agg.rows]))
    if groups:
        inner = inner.group_by(*groups)
    sub = inner.subquery("gruppen")
    names = [g.name for g in groups] + list(agg.measures)
    return (sa.select(*[sub.c[n] for n in names]).where(sub.c["_n"] >= agg.min_group_size)
            .order_by(*[sub.c[g.name].asc().nulls_last() for g in groups]))  # same order in SQLite and PostgreSQL


def run_aggregation(store: Store, agg: Aggregation) -> list[dict[str, Any]]:
    """The figures of an aggregation, computed in the database (groups too small never leave it)."""
    stmt = aggregation_select(store.table(agg.layer), agg)
    with store.transaction() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]
