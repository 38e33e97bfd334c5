"""The GeoPackage of a field package (``daten.gpkg``): writing the team's tables and reading them back.

Each package table keeps the store's row id as its ``fid``: the export and the "office state" written again
at sync time then name the same feature by the same fid, which is what the changesets compare. The
metadata table ``stadtzwilling_paket`` identifies project, package, team and package format.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pyproj import CRS

from twin.errors import PackageError
from twin.field.spec import CODELIST_TABLE, META_TABLE, Forms, PackageLayer
from twin.store import gpkg_blob
from twin.store.base import Feature
from twin.store.gpkg import _TYPES, GeoPackageStore
from twin.store.schema import Field, LayerSchema
from twin.store.values import db_values

#: reads the rows of one package layer: (layer) -> features with the store's fid
RowSource = Callable[[PackageLayer], Iterable[Feature]]


def write_package_gpkg(path: Path, crs: CRS, layers: Sequence[PackageLayer], rows: RowSource,
                       meta: dict[str, Any], forms: Forms | None = None) -> dict[str, int]:
    """Write ``daten.gpkg`` (must not exist): one table per layer with the rows ``rows`` gives, the metadata
    table and, if ``forms`` is given, the code lists for multiple choice. Returns rows per table."""
    pkg = GeoPackageStore(path, crs, create=True)
    counts: dict[str, int] = {}
    try:
        with pkg.transaction() as conn:
            for layer in layers:
                _create_table(pkg, conn, layer)
                counts[layer.name] = _insert(pkg, conn, layer, rows(layer))
            _write_meta(pkg, conn, meta)
            if forms is not None:
                _write_codelists(pkg, conn, forms)
            for t in pkg.system_tables:  # the store's own bookkeeping has no place on the tablet
                conn.exec_driver_sql(f'DROP TABLE "{t.name}"')
                conn.exec_driver_sql("DELETE FROM gpkg_contents WHERE table_name = ?", (t.name,))
    finally:
        pkg.close()
    return counts


def _pseudo_schema(layer: PackageLayer) -> LayerSchema:
    fields = tuple(Field(f.name, f.type if f.type in _TYPES else "text", f.title) for f in layer.fields)
    return LayerSchema(name=layer.name, key=layer.key or fields[0].name, fields=fields,
                       geometry_type=layer.geometry_type, has_z=layer.has_z, title=layer.title)


def _create_table(pkg: GeoPackageStore, conn: Any, layer: PackageLayer) -> None:
    cols = ['"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL']
    if layer.geometry_type is not None:
        cols.append(f'"geom" {layer.geometry_type}')
    for f in layer.fields:  # no UNIQUE on the key: a key the office took meanwhile must not stop the rebase
        cols.append(f'"{f.name}" {_TYPES.get(f.type, "TEXT")}')
    conn.exec_driver_sql(f'CREATE TABLE "{layer.name}" ({", ".join(cols)})')
    pkg._after_create(conn, _pseudo_schema(layer))


def _insert(pkg: GeoPackageStore, conn: Any, layer: PackageLayer, features: Iterable[Feature]) -> int:
    feats = list(features)
    if not feats:
        return 0
    names = [f.name for f in layer.fields if not f.package_only]
    cols = [db_values(layer.field(n).type, [ft.attrs.get(n) for ft in feats], len(feats)) for n in names]
    fids = [ft.fid for ft in feats]
    head = ["fid"] + names
    values: list[list[Any]] = [fids] + cols
    schema = _pseudo_schema(layer)
    with pkg._bulk_session(conn, schema) as rtree:  # R-tree rows at once, not by the per-row trigger
        if layer.geometry_type is not None:
            blobs, env = gpkg_blob.encode_batch([ft.geometry for ft in feats], pkg.srs_id_for(schema))
            rtree.stage(np.asarray(fids, dtype=np.int64), env)
            head.append("geom")
            values.append(blobs)
        columns = ", ".join(f'"{c}"' for c in head)
        conn.exec_driver_sql(f'INSERT INTO "{layer.name}" ({columns}) VALUES ({", ".join("?" * len(head))})',
                             list(zip(*values)))
    return len(feats)


def _write_meta(pkg: GeoPackageStore, conn: Any, meta: dict[str, Any]) -> None:
    conn.exec_driver_sql(f'CREATE TABLE "{META_TABLE}" ("fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
                         '"schluessel" TEXT UNIQUE NOT NULL, "wert" TEXT)')
    pkg._register_attribute_table(conn, META_TABLE)
    conn.exec_driver_sql(f'INSERT INTO "{META_TABLE}" (schluessel, wert) VALUES (?, ?)',
                         [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()])


def _write_codelists(pkg: GeoPackageStore, conn: Any, forms: Forms) -> None:
    conn.exec_driver_sql(f'CREATE TABLE "{CODELIST_TABLE}" ("fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
                         '"liste" TEXT NOT NULL, "wert" TEXT NOT NULL, "text" TEXT)')
    pkg._register_attribute_table(conn, CODELIST_TABLE)
    rows = [(name, v, t) for name in forms.codelists for v, t in forms.codelist(name)]
    conn.exec_driver_sql(f'INSERT INTO "{CODELIST_TABLE}" (liste, wert, text) VALUES (?, ?, ?)', rows)


# --------------------------------------------------------------------------- reading a package back
def read_meta(path: Path) -> dict[str, Any]:
    """The metadata of a package's GeoPackage; :class:`PackageError` if it is none of ours."""
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise PackageError(f"Die Datei kann nicht geöffnet werden: {exc}", path=path) from None
    try:
        rows = con.execute(f'SELECT schluessel, wert FROM "{META_TABLE}"').fetchall()
    except sqlite3.DatabaseError:
        raise PackageError("Das ist kein Stadtzwilling-Feldpaket (die Tabelle mit den Paketangaben fehlt).",
                           path=path) from None
    finally:
        con.close()
    return {k: json.loads(v) for k, v in rows}


def read_rows(path: Path, layer: PackageLayer, fids: Iterable[int] | None = None) -> dict[int, Feature]:
    """Rows of one package table by fid (all, or those of ``fids``), values converted to field types."""
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        names = [f.name for f in layer.fields]
        present = {r[1] for r in con.execute(f'PRAGMA table_info("{layer.name}")')}
        sel = ["fid"] + [f'"{n}"' if n in present else "NULL" for n in names]
        if layer.geometry_type is not None:
            sel.append('"geom"')
        sql = f'SELECT {", ".join(sel)} FROM "{layer.name}"'
        if fids is not None:
            fids = [int(f) for f in fids]
            sql += " WHERE fid IN (SELECT value FROM json_each(?))"
            rows = con.execute(sql, (json.dumps(fids),)).fetchall()
        else:
            rows = con.execute(sql).fetchall()
    finally:
        con.close()
    out: dict[int, Feature] = {}
    types = [layer.field(n).type for n in names]
    for row in rows:
        attrs = {n: _value(t, v) for n, t, v in zip(names, types, row[1:1 + len(names)])}
        geom = gpkg_blob.decode(row[-1]) if layer.geometry_type is not None else None
        out[int(row[0])] = Feature(attrs, geom, fid=int(row[0]))
    return out


def _value(ftype: str, v: Any) -> Any:
    """A value as GDAL/QField wrote it, in the store's convention (dates as ISO text, json parsed)."""
    if v is None:
        return None
    if isinstance(v, str) and v.strip() == "":
        return None
    if ftype == "date":
        return str(v)[:10]
    if ftype == "datetime":
        return str(v)
    if ftype == "json":
        return json.loads(v) if isinstance(v, str) else v
    if ftype == "integer":
        return int(v)
    if ftype == "real":
        return float(v)
    if ftype == "boolean":
        return bool(v)
    return str(v) if not isinstance(v, str) else v
