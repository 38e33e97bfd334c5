"""GeoPackage backend: a plain SQLite file written to the OGC standard, without mod_spatialite.

Standard tables (gpkg_spatial_ref_sys with WKT2, gpkg_contents, gpkg_geometry_columns,
gpkg_extensions), GeoPackage geometry blobs and one R-tree spatial index per layer with
the standard triggers; opens as is in QGIS, QField and GDAL. Bulk inserts bypass the insert
trigger (five Python calls per row) and write the R-tree themselves, packed, as GDAL does.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa
from pyproj import CRS
from shapely.geometry.base import BaseGeometry
from sqlalchemy.engine import Connection
from sqlalchemy.types import UserDefinedType

from twin.crs import horizontal
from twin.errors import ProjectError
from twin.store import gpkg_blob
from twin.store.base import BBox, Store
from twin.store.schema import LayerSchema
from twin.store.values import now_iso

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
    def _geometry_params(self, geoms: np.ndarray, schema: LayerSchema) -> list[Any]:
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

    # ----------------------------------------------------------------- bulk writing
    def upsert(self, layer, features, **kw):
        with self.transaction() as conn:
            result = super().upsert(layer, features, **kw)
            if (result.inserted or result.updated) and self.schema(layer).geometry_type is not None:
                self._update_contents_extent(conn, layer)
        return result

    @contextmanager
    def _bulk_session(self, conn: Connection, schema: LayerSchema) -> Iterator[Any]:
        session = _RtreeSession(conn, schema.name)
        yield session
        session.finish()  # after an error the upsert's savepoint restores trigger and R-tree

    def _existing_keys(self, conn: Connection, schema: LayerSchema, keys: list[str]) -> set[str]:
        rows = conn.exec_driver_sql(
            f'SELECT "{schema.key}" FROM "{schema.name}" WHERE "{schema.key}" IN (SELECT value FROM json_each(?))',
            (json.dumps(keys),))
        return {str(k) for (k,) in rows}

    def _insert_rows(self, conn: Connection, schema: LayerSchema, cols: dict[str, list[Any]],
                     geoms: np.ndarray | None, session: Any) -> Sequence[int]:
        """Rows with explicit fids after the table's AUTOINCREMENT sequence; the R-tree rows go to the session."""
        t = schema.name
        seq = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (t,)).scalar()
        top = conn.exec_driver_sql(f'SELECT max(fid) FROM "{t}"').scalar()
        start = max(seq or 0, top or 0) + 1
        n = len(next(iter(cols.values())))
        fids = range(start, start + n)
        names, values = ["fid"], [fids]
        if geoms is not None:
            blobs, env = gpkg_blob.encode_batch(geoms, self.srs_id_for(schema))
            session.stage(np.arange(start, start + n), env)  # before the insert: drops the R-tree trigger
            names.append("geom")
            values.append(blobs)
        for name, col in cols.items():
            if col.count(None) != len(col):  # a column null in every row is left to its default, NULL
                names.append(name)
                values.append(col)
        columns = ", ".join(f'"{c}"' for c in names)
        conn.exec_driver_sql(f'INSERT INTO "{t}" ({columns}) VALUES ({", ".join("?" * len(names))})',
                             list(zip(*values)))
        return fids

    def _insert_history(self, conn: Connection, schema: LayerSchema, keys: list[str], ids: Sequence[int],
                        at: str, actor: str, provenance_id: int | None) -> None:
        """The history rows straight from the new rows (their fids are one consecutive range)."""
        conn.exec_driver_sql(
            "INSERT INTO twz_history (at, actor, layer, feature_key, action, old_values, new_values, provenance_id) "
            f"SELECT ?, ?, ?, CAST(\"{schema.key}\" AS TEXT), 'insert', NULL, NULL, ? FROM \"{schema.name}\" "
            "WHERE fid BETWEEN ? AND ? ORDER BY fid", (at, actor, schema.name, provenance_id, ids[0], ids[-1]))

    def _update_contents_extent(self, conn: Connection, layer: str) -> None:
        conn.exec_driver_sql(
            f'UPDATE gpkg_contents SET (min_x, max_x, min_y, max_y, last_change) = '
            f'(SELECT min(minx), max(maxx), min(miny), max(maxy), ? FROM "rtree_{layer}_geom") '
            f'WHERE table_name = ?', (now_iso(), layer))


# ----------------------------------------------------------------------------- bulk R-tree
#: from this many new entries on, the R-tree is rebuilt as a packed tree instead of row by row
_PACK_MIN = 1000


class _RtreeSession:
    """The R-tree rows of one upsert's inserts, written once at the end instead of by the trigger.

    On the first insert the standard ``rtree_<t>_geom_insert`` trigger is dropped (it would call
    five Python functions per row); :meth:`finish` writes the collected envelopes – as a freshly
    packed tree when the new rows are many – and recreates the trigger from its stored SQL. All of
    it happens inside the upsert's savepoint, so a rollback restores the original state.
    """

    def __init__(self, conn: Connection, layer: str) -> None:
        self.conn, self.rtree, self.trigger = conn, f"rtree_{layer}_geom", f"rtree_{layer}_geom_insert"
        self.active: bool | None = None
        self.trigger_sql: str | None = None
        self.fids: list[np.ndarray] = []
        self.envs: list[np.ndarray] = []
        self.moved: list[int] = []

    def stage(self, fids: np.ndarray, env: np.ndarray) -> None:
        """Take over the R-tree rows of features about to be inserted (envelope rows NaN: no entry)."""
        if self.active is None:
            self.active = self.conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.rtree,)).first() is not None
            if self.active:
                self.trigger_sql = self.conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (self.trigger,)).scalar()
                if self.trigger_sql:
                    self.conn.exec_driver_sql(f'DROP TRIGGER "{self.trigger}"')
        if self.active:
            keep = ~np.isnan(env[:, 0])
            self.fids.append(fids[keep])
            self.envs.append(env[keep])

    def geometry_updated(self, fids: list[int]) -> None:
        """These rows got a new geometry by UPDATE: the update triggers have written their R-tree rows."""
        self.moved += fids

    def finish(self) -> None:
        """Write the collected R-tree rows and recreate the insert trigger."""
        if self.fids:
            fids, env = np.concatenate(self.fids), np.concatenate(self.envs)
            if self.moved:
                keep = ~np.isin(fids, self.moved)
                fids, env = fids[keep], env[keep]
            self.fids, self.envs, self.moved = [], [], []
            if len(fids):  # a batch of rows without geometry has nothing for the R-tree
                self._write(fids, env)
        if self.trigger_sql:
            self.conn.exec_driver_sql(self.trigger_sql)
            self.trigger_sql = None

    def _write(self, fids: np.ndarray, env: np.ndarray) -> None:
        conn, rt = self.conn, self.rtree
        if len(fids) >= _PACK_MIN:
            n_old = conn.exec_driver_sql(f'SELECT count(*) FROM "{rt}_rowid"').scalar() or 0
            if n_old <= 4 * len(fids):
                old = np.array(conn.exec_driver_sql(f'SELECT id, minx, maxx, miny, maxy FROM "{rt}"').all(),
                               dtype=np.float64).reshape(-1, 5)
                ids = np.concatenate([old[:, 0].astype(np.int64), fids])
                box = np.concatenate([old[:, 1:], env]) if len(old) else env
                node_size = conn.exec_driver_sql(f'SELECT length(data) FROM "{rt}_node" WHERE nodeno = 1').scalar()
                nodes, rowids, parents = pack_rtree(ids, box, node_size)
                for table in ("node", "rowid", "parent"):
                    conn.exec_driver_sql(f'DELETE FROM "{rt}_{table}"')
                conn.exec_driver_sql(f'INSERT INTO "{rt}_node" (nodeno, data) VALUES (?, ?)', nodes)
                conn.exec_driver_sql(f'INSERT INTO "{rt}_rowid" (rowid, nodeno) VALUES (?, ?)', rowids)
                if parents:
                    conn.exec_driver_sql(f'INSERT INTO "{rt}_parent" (nodeno, parentnode) VALUES (?, ?)', parents)
                return
        conn.exec_driver_sql(f'INSERT OR REPLACE INTO "{rt}" VALUES (?, ?, ?, ?, ?)',
                             list(zip(fids.tolist(), *env.T.tolist())))


_TOWARDS, _AWAY = 1.0 - 1.0 / 8388608.0, 1.0 + 1.0 / 8388608.0


def rtree_float32(box: np.ndarray) -> np.ndarray:
    """(minx, maxx, miny, maxy) doubles as SQLite's R-tree stores them: float32, minima rounded down and
    maxima up exactly as its rtreeValueDown/rtreeValueUp do."""
    d = np.asarray(box, dtype=np.float64)
    f = d.astype(np.float32)
    down = np.where(d < 0, d * _AWAY, d * _TOWARDS).astype(np.float32)
    up = np.where(d < 0, d * _TOWARDS, d * _AWAY).astype(np.float32)
    lo, f64 = np.array([True, False, True, False]), f.astype(np.float64)
    return np.where(lo, np.where(f64 > d, down, f), np.where(f64 < d, up, f))


def pack_rtree(ids: np.ndarray, box: np.ndarray, node_size: int
               ) -> tuple[list[tuple[int, bytes]], list[tuple[int, int]], list[tuple[int, int]]]:
    """The shadow-table rows (``_node``, ``_rowid``, ``_parent``) of a 2-D SQLite R-tree over these entries.

    Sort-tile-recursive packing, every node filled evenly up to the module's capacity; node 1 is the
    root and carries the depth. The format is SQLite's (``ext/rtree/rtree.c``): big-endian, per node
    2 bytes depth, 2 bytes cell count, cells of 8-byte id + 4 float32 (minx, maxx, miny, maxy).
    """
    cap = (node_size - 4) // 24
    cell = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
    levels = []  # bottom-up: (child ids or child node positions, boxes, node sizes), entries grouped by node
    child, cbox = np.asarray(ids, dtype=np.int64), rtree_float32(box)
    while True:
        if len(child) <= cap:
            levels.append((child, cbox, np.array([len(child)])))
            break
        order, sizes = _str_order(cbox, cap)
        child, cbox = child[order], cbox[order]
        levels.append((child, cbox, sizes))
        starts = np.r_[0, np.cumsum(sizes)[:-1]]
        cbox = np.column_stack([np.minimum.reduceat(cbox[:, 0], starts), np.maximum.reduceat(cbox[:, 1], starts),
                                np.minimum.reduceat(cbox[:, 2], starts), np.maximum.reduceat(cbox[:, 3], starts)])
        child = np.arange(len(sizes))
    first = [0] * len(levels)  # node number of the first node per level: root 1, then level by level down
    number = 1
    for lv in range(len(levels) - 1, -1, -1):
        first[lv] = number
        number += len(levels[lv][2])
    nodes, parents = [], []
    for lv, (child, cbox, sizes) in enumerate(levels):
        cells = np.zeros(len(child), dtype=cell)
        cells["id"] = child if lv == 0 else child + first[lv - 1]
        cells["box"] = cbox
        raw = cells.tobytes()
        depth = len(levels) - 1 if lv == len(levels) - 1 else 0
        pos = 0
        for k, size in enumerate(sizes.tolist()):
            data = struct.pack(">HH", depth, size) + raw[pos * 24:(pos + size) * 24]
            nodes.append((first[lv] + k, data + bytes(node_size - len(data))))
            pos += size
        owner = np.repeat(np.arange(first[lv], first[lv] + len(sizes)), sizes)
        if lv == 0:
            by_id = np.argsort(child, kind="stable")
            rowids = list(zip(child[by_id].tolist(), owner[by_id].tolist()))
        else:
            parents += zip((child + first[lv - 1]).tolist(), owner.tolist())
    return nodes, rowids, parents


def _str_order(box: np.ndarray, cap: int) -> tuple[np.ndarray, np.ndarray]:
    """Sort-tile-recursive grouping: the entry order and the node sizes (≤ cap, evenly filled)."""
    n = len(box)
    slices = int(np.ceil(np.sqrt(-(-n // cap))))
    cx = box[:, 0].astype(np.float64) + box[:, 1]
    cy = box[:, 2].astype(np.float64) + box[:, 3]
    order, sizes = [], []
    for part in np.array_split(np.argsort(cx, kind="stable"), slices):
        order.append(part[np.argsort(cy[part], kind="stable")])
        groups = -(-len(part) // cap)
        q, r = divmod(len(part), groups)
        sizes += [q + 1] * r + [q] * (groups - r)
    return np.concatenate(order), np.array(sizes)


_POW10 = np.array([float(f"1e{i}") for i in range(23)])


def _on_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, so DDL is transactional too
    gpkg_blob.register_functions(dbapi_conn)
    dbapi_conn.execute("PRAGMA foreign_keys = ON")


def _srs_row(crs: CRS, srs_id: int, org: str, code: int) -> tuple:
    from pyproj.enums import WktVersion

    return (crs.name, srs_id, org, code, crs.to_wkt(WktVersion.WKT1_GDAL), crs.name,
            crs.to_wkt(WktVersion.WKT2_2019))
