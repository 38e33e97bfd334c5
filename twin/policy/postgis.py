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
from twin.policy.model import Policy
from twin.policy.session import RoleSession, aggregation_select, row_clause

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
    schema, table = session.schema(layer), store.table(layer)
    cols = [table.c[n] for n in schema.field_names]
    if schema.geometry_type is not None:
        cols.append(table.c.geom)
    stmt = sa.select(*cols)
    rules = session.rule.layers[layer].rows
    if rules:
        stmt = stmt.where(sa.and_(*[row_clause(table, r) for r in rules]))
    return stmt


def _sql(stmt: sa.Select) -> str:
    return str(stmt.compile(dialect=_DIALECT, compile_kwargs={"literal_binds": True}))
