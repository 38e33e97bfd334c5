"""Value conversion of the store: features in chunks, values as stored and read back, WKB/WKT, JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from twin.errors import StoreError
from twin.store.schema import LayerSchema
from twin.store.table import FeatureTable, column_values

if TYPE_CHECKING:
    from twin.store.base import Feature

CHUNK = 2000


def now_iso() -> str:
    """Current UTC time as ISO 8601 with milliseconds and 'Z' (the GeoPackage DATETIME form)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def canonical_wkb(geom: BaseGeometry | None) -> bytes | None:
    """Backend-independent WKB used to decide whether a geometry changed."""
    if geom is None:
        return None
    return shapely.to_wkb(geom, output_dimension=3 if shapely.has_z(geom) else 2, byte_order=1, flavor="iso")


def iso(v: Any) -> str:
    return v.isoformat() if isinstance(v, (datetime, date)) else str(v)


def json_text(v: Any) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


#: value -> the value as stored (and read back), per field type; json is stored as its text
CONVERT: dict[str, Callable[[Any], Any]] = {
    "text": str, "integer": int, "real": float, "boolean": bool, "datetime": iso, "date": iso, "json": json_text,
}
#: values of exactly this class are stored as they are
EXACT = {"text": str, "integer": int, "real": float, "boolean": bool, "date": str, "datetime": str}


class NoSession:
    """The bulk session of a backend without deferred work."""

    def geometry_updated(self, fids: list[int]) -> None:
        pass


def chunks(features: Iterable[Feature] | FeatureTable) -> Iterator[FeatureTable]:
    """The input as tables of at most ``CHUNK`` rows."""
    if isinstance(features, FeatureTable):
        for i in range(0, len(features), CHUNK):
            yield features.slice(i, i + CHUNK)
        return
    batch: list[Feature] = []
    for feat in features:
        batch.append(feat)
        if len(batch) >= CHUNK:
            yield FeatureTable.from_features(batch)
            batch = []
    if batch:
        yield FeatureTable.from_features(batch)


def key_values(schema: LayerSchema, chunk: FeatureTable) -> list[str]:
    """The natural keys of a chunk as str; a missing key (None, NaN, '') is an error."""
    col = chunk.columns.get(schema.key)
    vals = [None] * len(chunk) if col is None else column_values(col)
    keys = [k if k.__class__ is str else None if k is None or k != k else str(k) for k in vals]
    if None in keys or "" in keys:
        raise StoreError(f"Layer '{schema.name}': ein Objekt hat keinen Wert im Schlüsselfeld '{schema.key}'.")
    return keys  # type: ignore[return-value]


def db_values(ftype: str, col: Sequence[Any] | np.ndarray | None, n: int) -> list[Any]:
    """A column as stored and read back: values of the field type, None for null and NaN, json as text.

    Numeric numpy arrays are converted as a whole; other columns value by value.
    """
    if col is None:
        return [None] * n
    if isinstance(col, np.ndarray) and col.dtype.kind in "fiub" and ftype in ("real", "integer", "boolean"):
        null = np.isnan(col) if col.dtype.kind == "f" else None
        if ftype == "real":
            vals = col.astype(np.float64).tolist()
        elif ftype == "boolean":
            vals = (col != 0).tolist()
        else:
            vals = (np.trunc(np.where(null, 0, col)) if null is not None else col).astype(np.int64).tolist()
        if null is not None and null.any():
            for i in np.flatnonzero(null).tolist():
                vals[i] = None
        return vals
    if isinstance(col, np.ndarray) and col.dtype.kind == "M":
        vals = [None if s == "NaT" else s for s in np.datetime_as_string(col).tolist()]
    else:
        vals = col.tolist() if isinstance(col, np.ndarray) else list(col)
    fn, exact = CONVERT[ftype], EXACT.get(ftype)
    if exact is float:
        return [v if v.__class__ is float and v == v else None if v is None or v != v else fn(v) for v in vals]
    if exact is not None:
        return [v if v.__class__ is exact else None if v is None or v != v else fn(v) for v in vals]
    return [None if v is None or v.__class__ is float and v != v else fn(v) for v in vals]


def pick(col: list[Any], idx: np.ndarray) -> list[Any]:
    return [col[i] for i in idx.tolist()]


def canonical_wkbs(geoms: Sequence[BaseGeometry | None] | np.ndarray) -> list[bytes | None]:
    """:func:`canonical_wkb` for many geometries at once."""
    arr = np.empty(len(geoms), dtype=object)
    arr[:] = list(geoms)
    return shapely.to_wkb(arr, output_dimension=3, byte_order=1, flavor="iso").tolist()


def wkt(geom: BaseGeometry | None) -> str | None:
    return None if geom is None else shapely.to_wkt(geom, rounding_precision=-1)


def dumps(v: Any) -> str | None:
    return None if v is None else json.dumps(v, sort_keys=True, ensure_ascii=False, default=str)


def loads(v: str | None) -> Any:
    return None if v is None else json.loads(v)
