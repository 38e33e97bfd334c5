"""The store API shared by both backends (GeoPackage, PostGIS), on SQLAlchemy Core.

Every public operation is one transaction; :meth:`Store.transaction` groups several
operations (an import writes layers, provenance and history) into one that fully
lands or leaves the store untouched.
"""

from __future__ import annotations

import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import shapely
import sqlalchemy as sa
from shapely.geometry.base import BaseGeometry
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from twin.errors import SchemaError, StoreError
from twin.store.schema import LayerSchema
from twin.store.records import RecordsMixin
from twin.store.table import FeatureTable
from twin.store.values import (
    CHUNK, NoSession, canonical_wkbs, chunks, db_values, dumps, key_values, now_iso, pick, wkt,
)

BBox = tuple[float, float, float, float]


@dataclass
class Feature:
    """A feature: attribute values by field name, a shapely geometry, the row id once stored."""

    attrs: dict[str, Any]
    geometry: BaseGeometry | None = None
    fid: int | None = None

    def __getitem__(self, name: str) -> Any:
        return self.attrs[name]


@dataclass
class UpsertResult:
    """Counts of one upsert; ``keys`` lists the natural keys written (inserted or updated)."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    keys: list[str] = field(default_factory=list)

    def __iadd__(self, other: UpsertResult) -> UpsertResult:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.keys += other.keys
        return self


class Store(RecordsMixin, ABC):
    """A spatial store. Subclasses supply the geometry handling of their backend."""

    backend: str = ""
    #: True where the backend's bbox clause is already the exact intersection test
    bbox_is_exact: bool = False

    def __init__(self, engine: Engine, srid: int) -> None:
        self.engine = engine
        self.srid = srid
        self.meta = sa.MetaData()
        self._local = threading.local()
        self._schemas: dict[str, LayerSchema] = {}
        self._tables: dict[str, sa.Table] = {}
        self._define_system_tables()

    # ----------------------------------------------------------------- transactions
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction; nested calls join the outer one. Rolls back on any exception."""
        current = getattr(self._local, "conn", None)
        if current is not None:
            yield current
            return
        try:
            with self.engine.connect() as conn:
                trans = conn.begin()
                self._local.conn = conn
                try:
                    yield conn
                except BaseException:
                    trans.rollback()
                    self._local.conn = None
                    self._reload_schemas()  # forget layers created in the rolled-back transaction
                    raise
                else:
                    trans.commit()
                finally:
                    self._local.conn = None
        except SQLAlchemyError as exc:
            raise StoreError(f"Datenbankfehler, es wurde nichts geschrieben: {getattr(exc, 'orig', None) or exc}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # ----------------------------------------------------------------- schema
    def _define_system_tables(self) -> None:
        self.provenance_table = sa.Table(
            "twz_provenance", self.meta,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("source_file", sa.Text, nullable=False),
            sa.Column("sha256", sa.Text, nullable=False),
            sa.Column("importer", sa.Text, nullable=False),
            sa.Column("imported_at", sa.Text, nullable=False),
            sa.Column("actor", sa.Text, nullable=False),
            sa.Column("source_crs", sa.Text),
            sa.Column("counts", sa.Text, nullable=False),
        )
        self.history_table = sa.Table(
            "twz_history", self.meta,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("at", sa.Text, nullable=False),
            sa.Column("actor", sa.Text, nullable=False),
            sa.Column("layer", sa.Text, nullable=False),
            sa.Column("feature_key", sa.Text, nullable=False),
            sa.Column("action", sa.Text, nullable=False),
            sa.Column("old_values", sa.Text),
            sa.Column("new_values", sa.Text),
            sa.Column("provenance_id", sa.Integer),
            sa.Index("ix_twz_history_layer_key", "layer", "feature_key"),
        )
        self.layers_table = sa.Table(
            "twz_layers", self.meta,
            sa.Column("name", sa.Text, primary_key=True),
            sa.Column("schema", sa.Text, nullable=False),
        )
        self.rasters_table = sa.Table(
            "twz_rasters", self.meta,
            sa.Column("name", sa.Text, primary_key=True),
            sa.Column("kind", sa.Text, nullable=False),
            sa.Column("path", sa.Text, nullable=False),
            sa.Column("crs", sa.Text, nullable=False),
            sa.Column("bounds", sa.Text, nullable=False),
            sa.Column("resolution", sa.Text, nullable=False),
            sa.Column("sha256", sa.Text, nullable=False),
            sa.Column("provenance_id", sa.Integer),
        )
        self.system_tables = (self.provenance_table, self.history_table, self.layers_table, self.rasters_table)

    def initialize(self) -> None:
        """Create the system tables (a new store)."""
        with self.transaction() as conn:
            self._init_backend(conn)
            for t in self.system_tables:
                t.create(conn, checkfirst=True)
                self._register_attribute_table(conn, t.name)

    def _reload_schemas(self) -> None:
        for table in self._tables.values():
            self.meta.remove(table)
        self._schemas.clear()
        self._tables.clear()
        self._load_schemas()

    def _load_schemas(self) -> None:
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("twz_layers"):
                return
            for name, text in conn.execute(sa.select(self.layers_table.c.name, self.layers_table.c.schema)):
                schema = LayerSchema.from_dict(json.loads(text))
                self._schemas[name] = schema
                self._tables[name] = self._table_for(schema)

    def create_layer(self, schema: LayerSchema) -> None:
        """Create a layer table from a declared schema; an identical existing layer is kept."""
        existing = self._schemas.get(schema.name)
        if existing is not None:
            if existing.to_dict() != schema.to_dict():
                self._evolve(existing, schema)
            return
        table = self._table_for(schema)
        with self.transaction() as conn:
            table.create(conn)
            self._after_create(conn, schema)
            conn.execute(sa.insert(self.layers_table).values(name=schema.name, schema=json.dumps(schema.to_dict())))
        self._schemas[schema.name] = schema
        self._tables[schema.name] = table

    def _evolve(self, old: LayerSchema, new: LayerSchema) -> None:
        if (old.key, old.geometry_type, old.has_z) != (new.key, new.geometry_type, new.has_z):
            raise SchemaError(
                f"Layer '{new.name}' existiert mit anderem Schlüssel oder Geometrietyp; Änderung nicht möglich."
            )
        old_fields = {f.name: f for f in old.fields}
        for f in new.fields:
            if f.name in old_fields and old_fields[f.name].type != f.type:
                raise SchemaError(f"Layer '{new.name}': Feld '{f.name}' hat bereits den Typ '{old_fields[f.name].type}'.")
        added = [f for f in new.fields if f.name not in old_fields]
        merged = LayerSchema(
            name=new.name, key=new.key, fields=old.fields + tuple(added), geometry_type=new.geometry_type,
            has_z=new.has_z, title=new.title or old.title, description=new.description or old.description,
            personal=old.personal or new.personal,
        )
        with self.transaction() as conn:
            for f in added:
                coltype = self._column_type(f.type).compile(dialect=conn.dialect)
                conn.exec_driver_sql(f'ALTER TABLE "{new.name}" ADD COLUMN "{f.name}" {coltype}')
            conn.execute(
                sa.update(self.layers_table).where(self.layers_table.c.name == new.name)
                .values(schema=json.dumps(merged.to_dict()))
            )
        self._schemas[new.name] = merged
        self.meta.remove(self._tables[new.name])
        self._tables[new.name] = self._table_for(merged)

    def _table_for(self, schema: LayerSchema) -> sa.Table:
        cols = [sa.Column("fid", sa.Integer, primary_key=True, autoincrement=True)]
        if schema.geometry_type is not None:
            cols.append(sa.Column("geom", self._geometry_type(schema)))
        for f in schema.fields:
            cols.append(sa.Column(f.name, self._column_type(f.type), unique=f.name == schema.key,
                                  nullable=f.name != schema.key))
        if schema.name in self.meta.tables:
            self.meta.remove(self.meta.tables[schema.name])
        return sa.Table(schema.name, self.meta, *cols, **self._table_kwargs())

    def _table_kwargs(self) -> dict[str, Any]:
        return {}

    def layer_names(self) -> list[str]:
        return sorted(self._schemas)

    def has_layer(self, name: str) -> bool:
        return name in self._schemas

    def schema(self, name: str) -> LayerSchema:
        try:
            return self._schemas[name]
        except KeyError:
            raise SchemaError(f"Der Layer '{name}' existiert nicht im Datenbestand.") from None

    def table(self, name: str) -> sa.Table:
        self.schema(name)
        return self._tables[name]

    # ----------------------------------------------------------------- data
    def upsert(
        self,
        layer: str,
        features: Iterable[Feature] | FeatureTable,
        *,
        actor: str = "system",
        provenance_id: int | None = None,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> UpsertResult:
        """Insert or update features by the layer's natural key; changes go to the audit history.

        ``features`` is an iterable of :class:`Feature` or a columnar :class:`FeatureTable`; both are
        written in chunks of ``CHUNK`` rows, and within a chunk the last feature of a key wins.
        ``on_progress(done, total)`` runs after each chunk (``total`` is None for an iterator); an
        exception raised there (``Cancelled``) rolls the whole transaction back. Inside an outer
        transaction a failed upsert is undone completely (savepoint), not chunk by chunk.
        """
        schema, table = self.schema(layer), self.table(layer)
        total = len(features) if isinstance(features, Sized) else None
        result, done = UpsertResult(), 0
        with self.transaction() as conn, conn.begin_nested(), self._bulk_session(conn, schema) as session:
            for chunk in chunks(features):
                result += self._upsert_chunk(conn, schema, table, chunk, session, actor, provenance_id)
                done += len(chunk)
                if on_progress is not None:
                    on_progress(done, total)
        return result

    def _upsert_chunk(self, conn: Connection, schema: LayerSchema, table: sa.Table, chunk: FeatureTable,
                      session: Any, actor: str, provenance_id: int | None) -> UpsertResult:
        keys = key_values(schema, chunk)
        last = dict(zip(keys, range(len(keys))))  # the last row of a key wins, in order of first appearance
        if len(last) < len(keys):
            chunk, keys = chunk.select(list(last.values())), list(last)
        unknown = set(chunk.columns) - set(schema.field_names)
        if unknown:
            raise SchemaError(f"Layer '{schema.name}' hat keine Felder {sorted(unknown)}.")
        n = len(keys)
        cols = {f.name: db_values(f.type, chunk.columns.get(f.name), n) for f in schema.fields}
        cols[schema.key] = keys
        geoms = None
        if schema.geometry_type is not None:
            geoms = np.empty(n, dtype=object)
            if chunk.geometry is not None:
                geoms[:] = list(chunk.geometry)
        res, at = UpsertResult(), now_iso()
        written = np.zeros(n, dtype=bool)
        new = np.ones(n, dtype=bool)
        found = self._existing_keys(conn, schema, keys)
        if found:
            olds = self._select(conn, schema, table, table.c[schema.key].in_(sorted(found)))
            existing = {str(f.attrs[schema.key]): f for f in olds}
            new = np.array([k not in existing for k in keys])
            upd = np.flatnonzero(~new)
            changed = self._update_rows(conn, schema, keys, cols, geoms, upd, existing, session, at, actor,
                                        provenance_id)
            written[changed] = True
            res.updated, res.unchanged = len(changed), len(upd) - len(changed)
        ins = np.flatnonzero(new)
        if len(ins):
            if len(ins) < n:
                cols = {name: pick(col, ins) for name, col in cols.items()}
                geoms = None if geoms is None else geoms[ins]
            ids = self._insert_rows(conn, schema, cols, geoms, session)
            # the inserted values are in the row itself; history() restores them (see _restore_inserts)
            self._insert_history(conn, schema, cols[schema.key], ids, at, actor, provenance_id)
            written[ins] = True
            res.inserted = len(ins)
        res.keys = [k for k, w in zip(keys, written.tolist()) if w]
        return res

    def _update_rows(self, conn: Connection, schema: LayerSchema, keys: list[str], cols: dict[str, list[Any]],
                     geoms: np.ndarray | None, idx: np.ndarray, existing: dict[str, Feature], session: Any,
                     at: str, actor: str, provenance_id: int | None) -> list[int]:
        """Write the changed fields of existing features, one executemany per set of changed columns.

        Returns the positions written; unchanged features are left alone.
        """
        jsons = {f.name for f in schema.fields if f.type == "json"}
        olds = [existing[keys[i]] for i in idx]
        moved = [False] * len(idx)
        if geoms is not None:
            moved = [a != b for a, b in zip(canonical_wkbs([o.geometry for o in olds]), canonical_wkbs(geoms[idx]))]
        groups: dict[tuple[tuple[str, ...], bool], list[tuple[int, int]]] = {}
        history, written = [], []
        for i, old, geom_changed in zip(idx.tolist(), olds, moved):
            changed = {}
            for name in schema.field_names:
                v = cols[name][i]
                if v is not None and name in jsons:
                    v = json.loads(v)
                if old.attrs.get(name) != v:
                    changed[name] = v
            if not changed and not geom_changed:
                continue
            groups.setdefault((tuple(changed), geom_changed), []).append((i, old.fid))
            old_vals = {n: old.attrs.get(n) for n in changed}
            if geom_changed:
                old_vals["geometry"], changed["geometry"] = wkt(old.geometry), wkt(geoms[i])
            history.append((at, actor, schema.name, keys[i], "update", dumps(old_vals), dumps(changed),
                            provenance_id))
            written.append(i)
        ph = self._placeholder
        for (names, geom_changed), rows in groups.items():
            sets = [f'"{n}" = {ph}' for n in names]
            params = [[cols[n][i] for i, _ in rows] for n in names]
            if geom_changed:
                sets.append(f'"geom" = {self._geometry_placeholder}')
                params.append(self._geometry_params(geoms[[i for i, _ in rows]], schema))
                session.geometry_updated([fid for _, fid in rows])
            params.append([fid for _, fid in rows])
            conn.exec_driver_sql(f'UPDATE "{schema.name}" SET {", ".join(sets)} WHERE "fid" = {ph}',
                                 list(zip(*params)))
        if history:
            self._write_history(conn, history)
        return written

    def _insert_history(self, conn: Connection, schema: LayerSchema, keys: list[str], ids: Sequence[Any],
                        at: str, actor: str, provenance_id: int | None) -> None:
        """One 'insert' history row per new feature (who, when, which import; the values stay in the row)."""
        self._write_history(conn, [(at, actor, schema.name, k, "insert", None, None, provenance_id) for k in keys])

    def _write_history(self, conn: Connection, rows: list[tuple[Any, ...]]) -> None:
        ph = ", ".join([self._placeholder] * 8)
        conn.exec_driver_sql(
            "INSERT INTO twz_history (at, actor, layer, feature_key, action, old_values, new_values, provenance_id) "
            f"VALUES ({ph})", rows)

    def _existing_keys(self, conn: Connection, schema: LayerSchema, keys: list[str]) -> set[str]:
        """Those of the keys that are stored already."""
        col = self.table(schema.name).c[schema.key]
        return {str(k) for k in conn.execute(sa.select(col).where(col.in_(keys))).scalars()}

    @contextmanager
    def _bulk_session(self, conn: Connection, schema: LayerSchema) -> Iterator[Any]:
        """Per-upsert state of the backend's insert path (the GeoPackage defers its R-tree rows)."""
        yield NoSession()

    def delete(self, layer: str, keys: Iterable[str], *, actor: str = "system",
               provenance_id: int | None = None) -> int:
        """Delete features by natural key; the old values go to the audit history."""
        schema, table = self.schema(layer), self.table(layer)
        keys = [str(k) for k in keys]
        n = 0
        with self.transaction() as conn:
            at = now_iso()
            for i in range(0, len(keys), CHUNK):
                chunk = keys[i:i + CHUNK]
                olds = self._select(conn, schema, table, table.c[schema.key].in_(chunk))
                for old in olds:
                    conn.execute(sa.insert(self.history_table), [self._hist(
                        schema, str(old.attrs[schema.key]), "delete", self._jsonable(old.attrs, old.geometry), None,
                        at, actor, provenance_id)])
                conn.execute(sa.delete(table).where(table.c[schema.key].in_(chunk)))
                n += len(olds)
        return n

    def get(self, layer: str, key: str) -> Feature | None:
        """The feature with this natural key, or None."""
        schema, table = self.schema(layer), self.table(layer)
        with self.transaction() as conn:
            rows = self._select(conn, schema, table, table.c[schema.key] == str(key))
        return rows[0] if rows else None

    def features(self, layer: str, where: Any = None) -> list[Feature]:
        """All features of a layer (optionally filtered by a SQLAlchemy expression)."""
        schema, table = self.schema(layer), self.table(layer)
        with self.transaction() as conn:
            return self._select(conn, schema, table, where)

    def read(self, schema: LayerSchema, *, where: Any = None, bbox: BBox | None = None) -> list[Feature]:
        """Features of ``schema.name`` with only the columns (and geometry) ``schema`` declares.

        ``schema`` is the stored layer's schema or a :meth:`LayerSchema.subset` of it: the SELECT names
        just those columns, so a restricted reader never receives the others. ``bbox`` keeps features
        whose geometry intersects the rectangle (exactly, as :meth:`query_bbox`).
        """
        table = self.table(schema.name)
        stored = self.schema(schema.name)
        clause = where
        if bbox is not None:
            if stored.geometry_type is None:
                raise SchemaError(f"Layer '{schema.name}' hat keine Geometrie.")
            box = self._bbox_clause(table, stored, bbox)
            clause = box if clause is None else sa.and_(clause, box)
        exact_test = bbox is not None and not self.bbox_is_exact
        with self.transaction() as conn:
            if not exact_test:
                return self._select(conn, schema, table, clause)
            rows = self._select(conn, schema, table, clause)
            geoms = {f.fid: f.geometry for f in self._select(conn, stored.subset([stored.key]), table, clause)}
        hit = shapely.intersects(np.array([geoms[f.fid] for f in rows], dtype=object), shapely.box(*bbox)) \
            if rows else []
        return [f for f, h in zip(rows, hit) if h]

    def keys(self, layer: str, where: Any = None) -> list[str]:
        """Natural keys of a layer's features (optionally filtered), without loading geometries."""
        schema, table = self.schema(layer), self.table(layer)
        stmt = sa.select(table.c[schema.key])
        if where is not None:
            stmt = stmt.where(where)
        with self.transaction() as conn:
            return [str(k) for k in conn.execute(stmt).scalars()]

    def query_bbox(self, layer: str, bbox: BBox, *, geometry: bool = True) -> list[Feature]:
        """Features whose geometry intersects the rectangle (minx, miny, maxx, maxy).

        The spatial index (R-tree / GiST) preselects; an exact test in double precision decides,
        as GDAL's spatial filter does (the GeoPackage R-tree stores float32 bounds rounded outward).
        """
        schema, table = self.schema(layer), self.table(layer)
        if schema.geometry_type is None:
            raise SchemaError(f"Layer '{layer}' hat keine Geometrie.")
        with self.transaction() as conn:
            feats = self._select(conn, schema, table, self._bbox_clause(table, schema, bbox),
                                 geometry=geometry or not self.bbox_is_exact)
        if not self.bbox_is_exact and feats:
            hit = shapely.intersects(np.array([f.geometry for f in feats], dtype=object), shapely.box(*bbox))
            feats = [f for f, h in zip(feats, hit) if h]
        if not geometry:
            for f in feats:
                f.geometry = None
        return feats

    def count(self, layer: str) -> int:
        table = self.table(layer)
        with self.transaction() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()

    def _select(self, conn, schema: LayerSchema, table: sa.Table, where=None, geometry: bool = True) -> list[Feature]:
        cols = [table.c.fid] + [table.c[n] for n in schema.field_names]
        has_geom = geometry and schema.geometry_type is not None
        if has_geom:
            cols.append(self._geometry_select(table.c.geom).label("geom"))
        stmt = sa.select(*cols)
        if where is not None:
            stmt = stmt.where(where)
        rows = conn.execute(stmt).all()
        geoms = self._decode_geometries([r[-1] for r in rows]) if has_geom and rows else [None] * len(rows)
        fields = [(i + 1, f.name, f.type) for i, f in enumerate(schema.fields)]
        from_db = self._from_db
        return [Feature(attrs={n: from_db(t, row[i]) for i, n, t in fields}, geometry=g, fid=row[0])
                for row, g in zip(rows, geoms)]

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _jsonable(values: dict[str, Any], geom: BaseGeometry | None) -> dict[str, Any]:
        out = dict(values)
        if geom is not None:
            out["geometry"] = wkt(geom)
        return out

    @staticmethod
    def _hist(schema, key, action, old, new, at, actor, provenance_id) -> dict[str, Any]:
        return dict(at=at, actor=actor, layer=schema.name, feature_key=key, action=action,
                    old_values=dumps(old), new_values=dumps(new), provenance_id=provenance_id)

    def _from_db(self, ftype: str, value: Any) -> Any:
        if value is None:
            return None
        if ftype == "json":
            return json.loads(value) if isinstance(value, str) else value
        if ftype == "boolean":
            return bool(value)
        if ftype in ("datetime", "date") and isinstance(value, (datetime, date)):
            return value.isoformat()
        return value

    # ----------------------------------------------------------------- backend hooks
    @abstractmethod
    def _init_backend(self, conn: Connection) -> None: ...

    @abstractmethod
    def _register_attribute_table(self, conn: Connection, name: str) -> None: ...

    @abstractmethod
    def _geometry_type(self, schema: LayerSchema) -> Any: ...

    @abstractmethod
    def _column_type(self, ftype: str) -> Any: ...

    @abstractmethod
    def _after_create(self, conn: Connection, schema: LayerSchema) -> None: ...

    #: the DB-API parameter marker of the driver
    _placeholder = "?"
    #: SQL taking one geometry parameter as given by :meth:`_geometry_params`
    _geometry_placeholder = "?"

    @abstractmethod
    def _geometry_params(self, geoms: np.ndarray, schema: LayerSchema) -> list[Any]: ...

    @abstractmethod
    def _insert_rows(self, conn: Connection, schema: LayerSchema, cols: dict[str, list[Any]],
                     geoms: np.ndarray | None, session: Any) -> Sequence[Any]:
        """Insert new rows (values as stored, geometries as shapely); returns one id per row, in order,
        (fid or natural key, as the backend likes)."""

    @abstractmethod
    def _geometry_select(self, col: sa.Column) -> Any: ...

    @abstractmethod
    def _decode_geometries(self, values: list[Any]) -> list[BaseGeometry | None]: ...

    @abstractmethod
    def _bbox_clause(self, table: sa.Table, schema: LayerSchema, bbox: BBox) -> Any: ...
