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
        if role not in policy.roles:
            raise AccessDenied(f"Unbekannte Rolle '{role}' (bekannt: {', '.join(policy.roles)}).")
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
        lr = self._layer_rule(layer)
        cols = stored.field_names if lr.columns == "*" else lr.columns
        return stored.subset([c for c in cols if c not in lr.exclude], geometry=lr.geometry)

    def features(self, layer: str, where: Mapping[str, Any] | None = None) -> list[Feature]:
        """Visible rows and columns; ``where`` = equality filters on visible columns."""
        return self.store.read(self.schema(layer), where=self._where(layer, where))

    def get(self, layer: str, key: str) -> Feature | None:
        schema = self.schema(layer)
        rows = self.store.read(schema, where=self._where(layer, {schema.key: str(key)}))
        return rows[0] if rows else None

    def query_bbox(self, layer: str, bbox: BBox) -> list[Feature]:
        return self.store.read(self.schema(layer), where=self._where(layer, None), bbox=bbox)

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
        allowed = self.rule.rasters
        rows = self.store.rasters(kind)
        if self.is_admin or "*" in allowed:
            return rows
        return [r for r in rows if r["kind"] in allowed]

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
            clauses += [row_clause(table, r) for r in self._layer_rule(layer).rows]
        if where:
            visible = set(self.schema(layer).field_names)
            for col, value in where.items():
                if col not in visible:
                    raise AccessDenied(f"Die Spalte '{col}' von '{layer}' ist im {self.title} nicht sichtbar.")
                clauses.append(table.c[col] == value)
        return sa.and_(*clauses) if clauses else None


def row_clause(table: sa.Table, rule: RowRule):
    """The SQL condition of one row rule."""
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
