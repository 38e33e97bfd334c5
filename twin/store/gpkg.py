"""GeoPackage backend: a plain SQLite file written to the OGC standard, without mod_spatialite.

Standard tables (gpkg_spatial_ref_sys with WKT2, gpkg_contents, gpkg_geometry_columns,
gpkg_extensions), GeoPackage geometry blobs and one R-tree spatial index per layer with
the standard triggers; opens as is in QGIS, QField and GDAL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pyproj import CRS
from shapely.geometry.base import BaseGeometry
from sqlalchemy.engine import Connection
from sqlalchemy.types import UserDefinedType

from twin.crs import horizontal
from twin.errors import ProjectError
from twin.store import gpkg_blob
from twin.store.base import BBox, Store, now_iso
from twin.store.schema import LayerSchema

APPLICATION_ID = 0x47504B47  # 'GPKG'
USER_VERSION = 10200

_TYPES = {
    "text": "TEXT", "integer": "INTEGER", "real": "DOUBLE", "boolean": "BOOLEAN",
    "datetime": "DATETIME", "date": "DATE", "json": "TEXT",
}


class _GpkgColumn(UserDefinedType):
    """A column whose SQL type name is given literally (GeoPackage type names)."""

    cache_ok = True

    def __init__(self, name: str) -> None:
        self.name = name

    def get_col_spec(self, **kw: Any) -> str:
        return self.name


_CORE_DDL = [
    """CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
       organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
       description TEXT, definition_12_063 TEXT NOT NULL DEFAULT 'undefined')""",
    """CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
       identifier TEXT UNIQUE, description TEXT DEFAULT '',
       last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
       min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
       CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
       geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
       CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
       CONSTRAINT uk_gc_table_name UNIQUE (table_name),
       CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
       CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
    """CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
       definition TEXT NOT NULL, scope TEXT NOT NULL,
       CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""",
]

_RTREE_TRIGGERS = """
CREATE TRIGGER "rtree_{t}_geom_insert" AFTER INSERT ON "{t}"
  WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO "rtree_{t}_geom" VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER "rtree_{t}_geom_update1" AFTER UPDATE OF geom ON "{t}"
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO "rtree_{t}_geom" VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER "rtree_{t}_geom_update2" AFTER UPDATE OF geom ON "{t}"
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "rtree_{t}_geom" WHERE id = OLD.fid;
END;
CREATE TRIGGER "rtree_{t}_geom_update3" AFTER UPDATE ON "{t}"
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "rtree_{t}_geom" WHERE id = OLD.fid;
  INSERT OR REPLACE INTO "rtree_{t}_geom" VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER "rtree_{t}_geom_update4" AFTER UPDATE ON "{t}"
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "rtree_{t}_geom" WHERE id IN (OLD.fid, NEW.fid);
END;
CREATE TRIGGER "rtree_{t}_geom_delete" AFTER DELETE ON "{t}"
  WHEN old.geom NOT NULL
BEGIN
  DELETE FROM "rtree_{t}_geom" WHERE id = OLD.fid;
END;
"""


def compound_srs_id(h_epsg: int, v_epsg: int) -> int:
    """srs_id used for a compound CRS that has no EPSG code of its own (e.g. 25832+7837)."""
    return int(f"{h_epsg}{v_epsg}")


class GeoPackageStore(Store):
    """The embedded store: one ``twin.gpkg`` file."""

    backend = "gpkg"

    def __init__(self, path: str | Path, crs: CRS, *, create: bool = False) -> None:
        self.path = Path(path)
        if create and self.path.exists():
            raise ProjectError(f"Die Datei '{self.path}' existiert bereits.")
        if not create and not self.path.exists():
            raise ProjectError(f"Der Datenbestand '{self.path}' fehlt.")
        engine = sa.create_engine(f"sqlite:///{self.path.as_posix()}")
        sa.event.listen(engine, "connect", _on_connect)
        sa.event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        self.crs = crs
        self.h_epsg = horizontal(crs).to_epsg()
        self.v_epsg = crs.sub_crs_list[1].to_epsg() if crs.is_compound else None
        super().__init__(engine, self.h_epsg)
        if create:
            self.initialize()
        self._load_schemas()

    # ----------------------------------------------------------------- setup
    def _init_backend(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version = {USER_VERSION}")
        for ddl in _CORE_DDL:
            conn.exec_driver_sql(ddl)
        srs = [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system",
             "undefined"),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system",
             "undefined"),
            _srs_row(CRS.from_epsg(4326), 4326, "EPSG", 4326),
            _srs_row(horizontal(self.crs), self.h_epsg, "EPSG", self.h_epsg),
        ]
        if self.v_epsg:
            sid = compound_srs_id(self.h_epsg, self.v_epsg)
            srs.append(_srs_row(self.crs, sid, "NONE", sid))
        conn.exec_driver_sql(
            "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, "
            "definition, description, definition_12_063) VALUES (?,?,?,?,?,?,?)", srs)
        conn.exec_driver_sql(
            "INSERT INTO gpkg_extensions VALUES ('gpkg_spatial_ref_sys', 'definition_12_063', 'gpkg_crs_wkt', "
            "'http://www.geopackage.org/spec120/#extension_crs_wkt', 'read-write')")

    def srs_id_for(self, schema: LayerSchema) -> int:
        """3D layers are in the compound CRS (heights in DHHN2016), 2D layers in the horizontal one."""
        if schema.has_z and self.v_epsg:
            return compound_srs_id(self.h_epsg, self.v_epsg)
        return self.h_epsg

    def _register_attribute_table(self, conn: Connection, name: str) -> None:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
            "VALUES (?, 'attributes', ?, ?, ?)", (name, name, "Stadtzwilling-Systemtabelle", now_iso()))

    def _geometry_type(self, schema: LayerSchema) -> Any:
        return _GpkgColumn(schema.geometry_type)

    def _column_type(self, ftype: str) -> Any:
        return _GpkgColumn(_TYPES[ftype])

    def _table_kwargs(self) -> dict[str, Any]:
        return {"sqlite_autoincrement": True}

    def _after_create(self, conn: Connection, schema: LayerSchema) -> None:
        t = schema.name
        if schema.geometry_type is None:
            conn.exec_driver_sql(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                "VALUES (?, 'attributes', ?, ?, ?)", (t, schema.title or t, schema.description, now_iso()))
            return
        srs_id = self.srs_id_for(schema)
        conn.exec_driver_sql(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) "
            "VALUES (?, 'features', ?, ?, ?, ?)", (t, schema.title or t, schema.description, now_iso(), srs_id))
        conn.exec_driver_sql(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, ?, 0)",
            (t, schema.geometry_type, srs_id, 1 if schema.has_z else 0))
        conn.exec_driver_sql(f'CREATE VIRTUAL TABLE "rtree_{t}_geom" USING rtree(id, minx, maxx, miny, maxy)')
        for stmt in _RTREE_TRIGGERS.format(t=t).split("END;"):
            if stmt.strip():
                conn.exec_driver_sql(stmt + "END;")
        conn.exec_driver_sql(
            "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
            "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')", (t,))

    # ----------------------------------------------------------------- geometry
    def _bind_geometry(self, geom: BaseGeometry | None, schema: LayerSchema) -> Any:
        return gpkg_blob.encode(geom, self.srs_id_for(schema))

    def _bind_geometries(self, geoms: list[BaseGeometry | None], schema: LayerSchema) -> list[Any]:
        return gpkg_blob.encode_many(geoms, self.srs_id_for(schema))

    def _geometry_select(self, col: sa.Column) -> Any:
        return col

    def _decode_geometries(self, values: list[Any]) -> list[BaseGeometry | None]:
        return list(gpkg_blob.decode_many(values))

    def _bbox_clause(self, table: sa.Table, schema: LayerSchema, bbox: BBox) -> Any:
        minx, miny, maxx, maxy = bbox
        rtree = sa.table(f"rtree_{schema.name}_geom", sa.column("id"), sa.column("minx"), sa.column("maxx"),
                         sa.column("miny"), sa.column("maxy"))
        sub = sa.select(rtree.c.id).where(rtree.c.minx <= maxx, rtree.c.maxx >= minx,
                                          rtree.c.miny <= maxy, rtree.c.maxy >= miny)
        return table.c.fid.in_(sub)

    def upsert(self, layer, features, **kw):
        with self.transaction() as conn:
            result = super().upsert(layer, features, **kw)
            if (result.inserted or result.updated) and self.schema(layer).geometry_type is not None:
                self._update_contents_extent(conn, layer)
        return result

    def _update_contents_extent(self, conn: Connection, layer: str) -> None:
        conn.exec_driver_sql(
            f'UPDATE gpkg_contents SET (min_x, max_x, min_y, max_y, last_change) = '
            f'(SELECT min(minx), max(maxx), min(miny), max(maxy), ? FROM "rtree_{layer}_geom") '
            f'WHERE table_name = ?', (now_iso(), layer))


def _on_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, so DDL is transactional too
    gpkg_blob.register_functions(dbapi_conn)
    dbapi_conn.execute("PRAGMA foreign_keys = ON")


def _srs_row(crs: CRS, srs_id: int, org: str, code: int) -> tuple:
    from pyproj.enums import WktVersion

    return (crs.name, srs_id, org, code, crs.to_wkt(WktVersion.WKT1_GDAL), crs.name,
            crs.to_wkt(WktVersion.WKT2_2019))
