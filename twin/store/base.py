"""The store API shared by both backends (GeoPackage, PostGIS), on SQLAlchemy Core.

Every public operation is one transaction; :meth:`Store.transaction` groups several
operations (an import writes layers, provenance and history) into one that fully
lands or leaves the store untouched.
"""

from __future__ import annotations

import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import numpy as np
import shapely
import sqlalchemy as sa
from shapely.geometry.base import BaseGeometry
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from twin.errors import SchemaError, StoreError
from twin.store.schema import LayerSchema

BBox = tuple[float, float, float, float]
_CHUNK = 2000


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


def now_iso() -> str:
    """Current UTC time as ISO 8601 with milliseconds and 'Z' (the GeoPackage DATETIME form)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def canonical_wkb(geom: BaseGeometry | None) -> bytes | None:
    """Backend-independent WKB used to decide whether a geometry changed."""
    if geom is None:
        return None
    return shapely.to_wkb(geom, output_dimension=3 if shapely.has_z(geom) else 2, byte_order=1, flavor="iso")


class Store(ABC):
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
            raise StoreError(f"Datenbankfehler, es wurde nichts geschrieben: {exc.orig or exc}") from exc

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
            sa.Column("layer", sa.Text, nullable=False, index=True),
            sa.Column("feature_key", sa.Text, nullable=False, index=True),
            sa.Column("action", sa.Text, nullable=False),
            sa.Column("old_values", sa.Text),
            sa.Column("new_values", sa.Text),
            sa.Column("provenance_id", sa.Integer),
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
        features: Iterable[Feature],
        *,
        actor: str = "system",
        provenance_id: int | None = None,
    ) -> UpsertResult:
        """Insert or update features by the layer's natural key; changes go to the audit history."""
        schema, table = self.schema(layer), self.table(layer)
        result = UpsertResult()
        batch: list[Feature] = []
        with self.transaction() as conn:
            for feat in features:
                batch.append(feat)
                if len(batch) >= _CHUNK:
                    result += self._upsert_batch(conn, schema, table, batch, actor, provenance_id)
                    batch = []
            if batch:
                result += self._upsert_batch(conn, schema, table, batch, actor, provenance_id)
        return result

    def _upsert_batch(self, conn, schema, table, batch, actor, provenance_id) -> UpsertResult:
        key = schema.key
        res = UpsertResult()
        seen: dict[str, Feature] = {}
        for feat in batch:
            k = feat.attrs.get(key)
            if k is None or k == "":
                raise StoreError(f"Layer '{schema.name}': ein Objekt hat keinen Wert im Schlüsselfeld '{key}'.")
            seen[str(k)] = feat  # the last one of a key in a batch wins
        existing = {str(f.attrs[key]): f for f in self._select(conn, schema, table, table.c[key].in_(list(seen)))}
        inserts, insert_geoms, history, at = [], [], [], now_iso()
        normalise = self._normaliser(schema)
        for k, feat in seen.items():
            new = normalise(feat.attrs)
            new[key] = k
            old = existing.get(k)
            if old is None:
                inserts.append(new)
                insert_geoms.append(feat.geometry)
                history.append(self._hist(schema, k, "insert", None, new, at, actor, provenance_id))
                res.inserted += 1
                res.keys.append(k)
                continue
            changed = {n: v for n, v in new.items() if n in schema.field_names and old.attrs.get(n) != v}
            geom_changed = schema.geometry_type is not None and canonical_wkb(old.geometry) != canonical_wkb(feat.geometry)
            if not changed and not geom_changed:
                res.unchanged += 1
                continue
            values = dict(changed)
            if geom_changed:
                values["geom"] = self._bind_geometry(feat.geometry, schema)
            conn.execute(sa.update(table).where(table.c.fid == old.fid).values(**values))
            old_vals = {n: old.attrs.get(n) for n in changed}
            new_vals = dict(changed)
            if geom_changed:
                old_vals["geometry"] = _wkt(old.geometry)
                new_vals["geometry"] = _wkt(feat.geometry)
            history.append(self._hist(schema, k, "update", old_vals, new_vals, at, actor, provenance_id))
            res.updated += 1
            res.keys.append(k)
        if inserts:
            conn.execute(sa.insert(table), self._rows(schema, inserts, insert_geoms))
        if history:
            conn.execute(sa.insert(self.history_table), history)
        return res

    def delete(self, layer: str, keys: Iterable[str], *, actor: str = "system",
               provenance_id: int | None = None) -> int:
        """Delete features by natural key; the old values go to the audit history."""
        schema, table = self.schema(layer), self.table(layer)
        keys = [str(k) for k in keys]
        n = 0
        with self.transaction() as conn:
            at = now_iso()
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i:i + _CHUNK]
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

    # ----------------------------------------------------------------- provenance and history
    def record_provenance(self, *, source_file: str, sha256: str, importer: str, counts: dict[str, Any],
                          actor: str = "system", source_crs: str | None = None) -> int:
        """Write one provenance row (source file, hash, time, counts); returns its id."""
        with self.transaction() as conn:
            res = conn.execute(sa.insert(self.provenance_table).values(
                source_file=source_file, sha256=sha256, importer=importer, imported_at=now_iso(), actor=actor,
                source_crs=source_crs, counts=json.dumps(counts, sort_keys=True, ensure_ascii=False),
            ))
            return int(res.inserted_primary_key[0])

    def update_provenance_counts(self, provenance_id: int, counts: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(sa.update(self.provenance_table).where(self.provenance_table.c.id == provenance_id)
                         .values(counts=json.dumps(counts, sort_keys=True, ensure_ascii=False)))

    def provenance(self) -> list[dict[str, Any]]:
        with self.transaction() as conn:
            rows = conn.execute(sa.select(self.provenance_table).order_by(self.provenance_table.c.id)).mappings().all()
        return [{**r, "counts": json.loads(r["counts"])} for r in rows]

    def history(self, layer: str | None = None, key: str | None = None) -> list[dict[str, Any]]:
        """Audit rows (who, when, what, old and new values), oldest first."""
        t = self.history_table
        stmt = sa.select(t).order_by(t.c.id)
        if layer:
            stmt = stmt.where(t.c.layer == layer)
        if key is not None:
            stmt = stmt.where(t.c.feature_key == str(key))
        with self.transaction() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [{**r, "old_values": _loads(r["old_values"]), "new_values": _loads(r["new_values"])} for r in rows]

    # ----------------------------------------------------------------- rasters
    def register_raster(self, *, name: str, kind: str, path: str, crs: str, bounds: BBox,
                        resolution: tuple[float, float], sha256: str, provenance_id: int | None) -> None:
        """Record a raster file of the project (insert or replace by name)."""
        t = self.rasters_table
        values = dict(kind=kind, path=path, crs=crs, bounds=json.dumps(list(bounds)),
                      resolution=json.dumps(list(resolution)), sha256=sha256, provenance_id=provenance_id)
        with self.transaction() as conn:
            if conn.execute(sa.select(t.c.name).where(t.c.name == name)).first():
                conn.execute(sa.update(t).where(t.c.name == name).values(**values))
            else:
                conn.execute(sa.insert(t).values(name=name, **values))

    def rasters(self, kind: str | None = None) -> list[dict[str, Any]]:
        t = self.rasters_table
        stmt = sa.select(t).order_by(t.c.name)
        if kind:
            stmt = stmt.where(t.c.kind == kind)
        with self.transaction() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [{**r, "bounds": tuple(json.loads(r["bounds"])), "resolution": tuple(json.loads(r["resolution"]))}
                for r in rows]

    # ----------------------------------------------------------------- helpers
    def _rows(self, schema: LayerSchema, values: list[dict[str, Any]], geoms: list[BaseGeometry | None]
              ) -> list[dict[str, Any]]:
        """Database rows for normalised values; geometries are encoded as one batch."""
        json_fields = [f.name for f in schema.fields if f.type == "json"]
        rows = []
        for v in values:
            row = dict(v)
            for n in json_fields:
                if row[n] is not None:
                    row[n] = self._to_db("json", row[n])
            rows.append(row)
        if schema.geometry_type is not None:
            for row, blob in zip(rows, self._bind_geometries(geoms, schema)):
                row["geom"] = blob
        return rows

    def _bind_geometries(self, geoms: list[BaseGeometry | None], schema: LayerSchema) -> list[Any]:
        return [self._bind_geometry(g, schema) for g in geoms]

    def _normaliser(self, schema: LayerSchema):
        """A function giving attribute values as they will read back from the store (for change detection)."""
        names = set(schema.field_names)
        conv = [(f.name, _NORMALISE[f.type]) for f in schema.fields]
        layer = schema.name

        def normalise(attrs: dict[str, Any]) -> dict[str, Any]:
            if not names.issuperset(attrs):
                raise SchemaError(f"Layer '{layer}' hat keine Felder {sorted(set(attrs) - names)}.")
            get = attrs.get
            return {n: (None if (v := get(n)) is None else fn(v)) for n, fn in conv}

        return normalise

    @staticmethod
    def _jsonable(values: dict[str, Any], geom: BaseGeometry | None) -> dict[str, Any]:
        out = dict(values)
        if geom is not None:
            out["geometry"] = _wkt(geom)
        return out

    @staticmethod
    def _hist(schema, key, action, old, new, at, actor, provenance_id) -> dict[str, Any]:
        return dict(at=at, actor=actor, layer=schema.name, feature_key=key, action=action,
                    old_values=_dumps(old), new_values=_dumps(new), provenance_id=provenance_id)

    def _to_db(self, ftype: str, value: Any) -> Any:
        if value is None:
            return None
        if ftype == "json":
            return json.dumps(value, sort_keys=True, ensure_ascii=False)
        if ftype == "integer":
            return int(value)
        if ftype == "real":
            return float(value)
        if ftype == "boolean":
            return bool(value)
        if ftype in ("datetime", "date"):
            if isinstance(value, datetime):
                return value.isoformat()
            if isinstance(value, date):
                return value.isoformat()
            return str(value)
        return str(value)

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

    @abstractmethod
    def _bind_geometry(self, geom: BaseGeometry | None, schema: LayerSchema) -> Any: ...

    @abstractmethod
    def _geometry_select(self, col: sa.Column) -> Any: ...

    @abstractmethod
    def _decode_geometries(self, values: list[Any]) -> list[BaseGeometry | None]: ...

    @abstractmethod
    def _bbox_clause(self, table: sa.Table, schema: LayerSchema, bbox: BBox) -> Any: ...


def _iso(v: Any) -> str:
    return v.isoformat() if isinstance(v, (datetime, date)) else str(v)


#: value -> the value as it reads back from the store, per field type
_NORMALISE = {
    "text": str, "integer": int, "real": float, "boolean": bool, "datetime": _iso, "date": _iso,
    "json": lambda v: json.loads(json.dumps(v, sort_keys=True, ensure_ascii=False)),
}


def _wkt(geom: BaseGeometry | None) -> str | None:
    return None if geom is None else shapely.to_wkt(geom, rounding_precision=-1)


def _dumps(v: Any) -> str | None:
    return None if v is None else json.dumps(v, sort_keys=True, ensure_ascii=False, default=str)


def _loads(v: str | None) -> Any:
    return None if v is None else json.loads(v)
