"""PostgreSQL/PostGIS backend: the shared multi-user store, same schema and API as the GeoPackage.

A project lives in its own PostgreSQL schema (``search_path``); geometries are typed PostGIS
columns in the horizontal project CRS with GiST indexes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
import sqlalchemy as sa
from geoalchemy2 import Geometry
from pyproj import CRS
from shapely.geometry.base import BaseGeometry
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from twin.crs import horizontal
from twin.errors import ProjectError, StoreError
from twin.store.base import BBox, Store
from twin.store.schema import LayerSchema

_TYPES = {
    "text": sa.Text(), "integer": sa.BigInteger(), "real": sa.Float(precision=53), "boolean": sa.Boolean(),
    "datetime": sa.Text(), "date": sa.Text(), "json": sa.Text(),
}
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PostGISStore(Store):
    """The shared store: one PostgreSQL schema per project."""

    backend = "postgis"
    bbox_is_exact = True

    def __init__(self, dsn: str, crs: CRS, *, schema: str = "stadtzwilling", create: bool = False) -> None:
        if not _SCHEMA_NAME.match(schema):
            raise ProjectError(f"Ungültiger Schemaname '{schema}' für PostGIS.")
        self.pg_schema = schema
        self.crs = crs
        engine = sa.create_engine(dsn, connect_args={"options": f"-csearch_path={schema},public"},
                                  pool_pre_ping=True)
        super().__init__(engine, horizontal(crs).to_epsg())
        try:
            with engine.connect() as conn:
                exists = conn.execute(sa.text("SELECT 1 FROM pg_namespace WHERE nspname = :s"),
                                      {"s": schema}).first() is not None
        except SQLAlchemyError as exc:
            raise StoreError(f"PostGIS-Server nicht erreichbar ({_safe(dsn)}): {exc.orig or exc}") from exc
        if create:
            if exists:
                raise ProjectError(f"Das PostGIS-Schema '{schema}' existiert bereits.")
            self.initialize()
        elif not exists:
            raise ProjectError(f"Das PostGIS-Schema '{schema}' existiert nicht.")
        self._load_schemas()

    def drop(self) -> None:
        """Remove the project's schema with all its tables (tests, ``stadtzwilling delete``)."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{self.pg_schema}" CASCADE')
        self.engine.dispose()

    def _init_backend(self, conn: Connection) -> None:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
        conn.exec_driver_sql(f'CREATE SCHEMA "{self.pg_schema}"')

    def srs_id_for(self, schema: LayerSchema) -> int:
        return self.srid

    def _register_attribute_table(self, conn: Connection, name: str) -> None:
        pass  # PostgreSQL lists tables itself

    def _geometry_type(self, schema: LayerSchema) -> Any:
        gtype = schema.geometry_type + ("Z" if schema.has_z else "")
        return Geometry(geometry_type=gtype, srid=self.srid, spatial_index=False)

    def _column_type(self, ftype: str) -> Any:
        return _TYPES[ftype]

    def _after_create(self, conn: Connection, schema: LayerSchema) -> None:
        if schema.geometry_type is not None:
            conn.exec_driver_sql(f'CREATE INDEX "idx_{schema.name}_geom" ON "{schema.name}" USING GIST (geom)')
        if schema.title:
            title = schema.title.replace("'", "''")
            conn.exec_driver_sql(f"COMMENT ON TABLE \"{schema.name}\" IS '{title}'")

    # ----------------------------------------------------------------- bulk writing
    _placeholder = "%s"
    _geometry_placeholder = "ST_GeomFromEWKB(%s)"

    def _geometry_params(self, geoms: np.ndarray, schema: LayerSchema) -> list[Any]:
        """EWKB with SRID (None stays None)."""
        with_srid = shapely.set_srid(np.asarray(geoms, dtype=object), self.srid)
        return shapely.to_wkb(with_srid, include_srid=True, output_dimension=3 if schema.has_z else 2).tolist()

    def _existing_keys(self, conn: Connection, schema: LayerSchema, keys: list[str]) -> set[str]:
        col = f'"{schema.key}"' if schema.field(schema.key).type == "text" else f'"{schema.key}"::text'
        rows = conn.exec_driver_sql(f'SELECT {col} FROM "{schema.name}" WHERE {col} = ANY(%s::text[])', (keys,))
        return {k for (k,) in rows}

    def _insert_rows(self, conn: Connection, schema: LayerSchema, cols: dict[str, list[Any]],
                     geoms: np.ndarray | None, session: Any) -> Sequence[Any]:
        """COPY the rows in (geometries as hex EWKB text); returns their natural keys, which select them."""
        names, values = list(cols), list(cols.values())
        if geoms is not None:
            wkb = shapely.to_wkb(shapely.set_srid(geoms, self.srid), hex=True, include_srid=True,
                                 output_dimension=3 if schema.has_z else 2)
            names.append("geom")
            values.append(wkb.tolist())
        columns = ", ".join(f'"{c}"' for c in names)
        cursor = conn.connection.cursor()  # the driver's cursor, inside this transaction
        try:
            with cursor.copy(f'COPY "{schema.name}" ({columns}) FROM STDIN') as copy:
                for row in zip(*values):
                    copy.write_row(row)
        finally:
            cursor.close()
        return cols[schema.key]

    def _geometry_select(self, col: sa.Column) -> Any:
        return sa.func.ST_AsBinary(col, type_=sa.LargeBinary)

    def _decode_geometries(self, values: list[Any]) -> list[BaseGeometry | None]:
        return [None if v is None else shapely.from_wkb(bytes(v)) for v in values]

    def _bbox_clause(self, table: sa.Table, schema: LayerSchema, bbox: BBox) -> Any:
        minx, miny, maxx, maxy = bbox
        env = sa.func.ST_MakeEnvelope(minx, miny, maxx, maxy, self.srid)
        return sa.func.ST_Intersects(table.c.geom, env)  # uses the GiST index, exact in double precision


def _safe(dsn: str) -> str:
    """DSN without password, for messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", dsn)
