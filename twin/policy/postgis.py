"""The role policy as PostgreSQL roles and views, for a shared PostGIS installation.

For a project in schema ``S`` and each role ``R`` of the policy:

* a database role ``<prefix>_<R>`` (NOLOGIN; the municipality grants it to its users' logins);
* the administration (``all = true``) gets USAGE on ``S`` and read/write on its tables;
* every other role gets **no** right on ``S`` and a schema ``S_R`` of views instead: one view per
  visible layer naming only the visible columns, with the row rules in its WHERE clause
  (``security_barrier``, so no function in a caller's query sees hidden rows), and one view
  ``kennzahl_<name>`` per aggregation – the very SELECT the embedded store runs
  (:func:`twin.policy.session.aggregation_select`), so both give the same figures.

A council login therefore gets "permission denied" for ``S.owners`` or ``S.meter_readings``, whatever
client it uses. :func:`install_roles` is idempotent: it recreates the view schemas from the policy.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from twin.errors import StoreError
from twin.policy.check import known_schemas
from twin.policy.model import Policy
from twin.policy.session import RoleSession, aggregation_select

_DIALECT = postgresql.dialect()


def role_name(role: str, prefix: str = "twin") -> str:
    return f"{prefix}_{role}"


def view_schema(store, role: str) -> str:
    return f"{store.pg_schema}_{role}"


def install_roles(store, policy: Policy, *, prefix: str = "twin") -> dict[str, str]:
    """Create/refresh the database roles and view schemas of ``policy``; role -> database role name."""
    if getattr(store, "backend", "") != "postgis":
        raise StoreError("Datenbankrollen gibt es nur in einem PostGIS-Datenbestand.")
    base = store.pg_schema
    out: dict[str, str] = {}
    with store.transaction() as conn:
        for role, rule in policy.roles.items():
            name = role_name(role, prefix)
            out[role] = name
            conn.exec_driver_sql(
                f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
                f'CREATE ROLE "{name}" NOLOGIN; END IF; END $$')
            views = view_schema(store, role)
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{views}" CASCADE')
            if rule.all:
                conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{base}" TO "{name}"')
                conn.exec_driver_sql(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{base}" TO "{name}"')
                conn.exec_driver_sql(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA "{base}" TO "{name}"')
                continue
            conn.exec_driver_sql(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{base}" FROM "{name}"')
            conn.exec_driver_sql(f'REVOKE ALL ON SCHEMA "{base}" FROM "{name}"')
            conn.exec_driver_sql(f'CREATE SCHEMA "{views}"')
            session = RoleSession(store, policy, role)
            for layer in session.layer_names():
                conn.exec_driver_sql(f'CREATE VIEW "{views}"."{layer}" WITH (security_barrier) AS '
                                     + _sql(_layer_select(store, session, layer)))
            for agg_name, agg in rule.aggregations.items():
                if agg.layer in store.layer_names():
                    conn.exec_driver_sql(f'CREATE VIEW "{views}"."kennzahl_{agg_name}" WITH (security_barrier) AS '
                                         + _sql(aggregation_select(store.table(agg.layer), agg)))
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{views}" TO "{name}"')
            conn.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{views}" TO "{name}"')
    return out


def _layer_select(store, session: RoleSession, layer: str) -> sa.Select:
    """The view's SELECT: visible columns, JSON columns cut to visible keys, the role's row rules."""
    schema, table = session.schema(layer), store.table(layer)
    lr = session.rule.layers[layer]
    cols = [_json_cut(session, table, n, lr.json_filter[n]) if n in lr.json_filter else table.c[n]
            for n in schema.field_names]
    if schema.geometry_type is not None:
        cols.append(table.c.geom)
    where = session._where(layer, None)  # the same clauses the embedded store uses
    stmt = sa.select(*cols)
    return stmt.where(where) if where is not None else stmt


def _json_cut(session: RoleSession, table: sa.Table, col: str, target: str):
    """CASE per target layer: the JSON text without the keys the role may not see in that layer."""
    branches = []
    models = known_schemas(session.store.schema(n) for n in session.store.layer_names())
    for name in session.rule.layers:
        if name not in models:
            continue
        hidden = sorted(set(models[name].field_names) - session.visible_fields(name))
        keys = "ARRAY[" + ", ".join(f"'{k}'" for k in hidden) + "]::text[]" if hidden else "ARRAY[]::text[]"
        branches.append(f"WHEN '{name}' THEN (\"{col}\"::jsonb - {keys})::text")
    expr = f'CASE "{target}" ' + " ".join(branches) + " END" if branches else "NULL"
    return sa.literal_column(expr).label(col)


def _sql(stmt: sa.Select) -> str:
    return str(stmt.compile(dialect=_DIALECT, compile_kwargs={"literal_binds": True}))
