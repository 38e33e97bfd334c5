"""Whole columns of cells to typed values, with a German reason for every cell that does not fit.

The tree importer reads a file into Arrow columns (text for CSV, typed for GIS formats) and converts
each mapped column in one go: Arrow's compute kernels check and cast the well-formed cells, and only
the cells that fail are looked at one by one (:func:`~importers.trees.csvread.parse_number` writes the
reason). Results are the same as converting cell by cell, just without a Python call per cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from importers.trees.csvread import NumberError, parse_number
from twin.dates import parse_date

Errors = dict[int, str]  # row index -> German reason


def _num_pattern(decimal: str) -> str:
    d = re.escape(decimal)
    return rf"^[+-]?(\d+({d}\d*)?|{d}\d+)([eE][+-]?\d+)?$"


def _cleaned(col: pa.Array) -> pa.Array:
    s = pc.utf8_trim_whitespace(col)
    s = pc.replace_substring(s, " ", "")
    return pc.replace_substring(s, "\u00a0", "")


def numbers(col: pa.Array, decimal: str) -> tuple[np.ndarray, Errors]:
    """Float per cell (NaN where empty or invalid) and the reason for each invalid cell."""
    n = len(col)
    if pa.types.is_integer(col.type) or pa.types.is_floating(col.type):
        return pc.cast(col, pa.float64()).to_numpy(zero_copy_only=False).astype(float), {}
    if pa.types.is_null(col.type):
        return np.full(n, np.nan), {}
    if not pa.types.is_string(col.type) and not pa.types.is_large_string(col.type):
        return _each_number(col.to_pylist(), decimal)
    s = _cleaned(col.fill_null(""))
    empty = pc.equal(s, "")
    ok = pc.match_substring_regex(s, _num_pattern(decimal))
    good = pc.and_(ok, pc.invert(empty))
    conv = s if decimal == "." else pc.replace_substring(s, ",", ".")
    vals = pc.cast(pc.if_else(good, conv, pa.scalar(None, pa.string())), pa.float64())
    out = vals.to_numpy(zero_copy_only=False).astype(float)
    errors: Errors = {}
    bad = pc.and_(pc.invert(ok), pc.invert(empty))
    if pc.any(bad).as_py():
        for i in np.flatnonzero(bad.to_numpy(zero_copy_only=False)):
            raw = col[int(i)].as_py()
            try:
                out[i] = np.nan if (v := parse_number(raw, decimal)) is None else v
            except NumberError as exc:
                errors[int(i)] = exc.args[0]
                out[i] = np.nan
    return out, errors


def _each_number(values: list[Any], decimal: str) -> tuple[np.ndarray, Errors]:
    out, errors = np.full(len(values), np.nan), {}
    for i, v in enumerate(values):
        try:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out[i] = v
            elif v is not None and (f := parse_number(str(v), decimal)) is not None:
                out[i] = f
        except NumberError as exc:
            errors[i] = exc.args[0]
    return out, errors


def integers(col: pa.Array, decimal: str) -> tuple[list[int | None], Errors]:
    """Whole numbers per cell (``12`` and ``12,0`` are 12; ``12,5`` is an error)."""
    vals, errors = numbers(col, decimal)
    frac = np.isfinite(vals) & (vals != np.round(vals))
    for i in np.flatnonzero(frac):
        errors[int(i)] = f"'{text_of(col[int(i)].as_py())}' ist keine ganze Zahl"
        vals[i] = np.nan
    out = vals.astype(object)
    fin = np.isfinite(vals)
    out[~fin] = None
    out[fin] = vals[fin].astype(np.int64).tolist() if fin.any() else []
    return out.tolist(), errors


def texts(col: pa.Array) -> list[str | None]:
    """Trimmed text per cell, None where empty (a whole float like 4.0 reads as '4')."""
    if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
        return [v or None for v in pc.utf8_trim_whitespace(col).to_pylist()]
    return [text_of(v) for v in col.to_pylist()]


def memo(col: pa.Array, fn: Callable[[Any], Any]) -> tuple[list[Any], Errors]:
    """``fn`` applied once per distinct cell value (dates and years repeat a lot); ValueError → reason."""
    cache: dict[Any, tuple[Any, str | None]] = {}
    out: list[Any] = []
    errors: Errors = {}
    for i, v in enumerate(col.to_pylist()):
        hit = cache.get(v)
        if hit is None:
            try:
                hit = (fn(v), None)
            except ValueError as exc:
                hit = (None, exc.args[0])
            cache[v] = hit
        out.append(hit[0])
        if hit[1] is not None:
            errors[i] = hit[1]
    return out, errors


def dates(col: pa.Array) -> tuple[list[date | None], Errors]:
    """Dates per cell (ISO, German, ``12/2023``)."""
    return memo(col, lambda v: parse_date(text_of(v)))


def years(col: pa.Array, decimal: str) -> tuple[list[int | None], Errors]:
    """Planting years (``1998``, ``1998,0`` or a date), plausible between 1500 and next year."""
    return memo(col, lambda v: year_of(v, decimal))


def year_of(v: Any, decimal: str) -> int | None:
    s = text_of(v)
    if s is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:[.,]0+)?", s)
    y = int(m[1]) if m else parse_date(s).year
    if not 1500 <= y <= date.today().year + 1:
        raise NumberError(f"Pflanzjahr {y} ist unplausibel")
    return y


def text_of(v: Any) -> str | None:
    """A cell as trimmed text, None where empty; a whole float (4.0 from a GIS file) as '4'."""
    if v is None:
        return None
    if isinstance(v, float):
        if v != v:
            return None
        if v.is_integer():
            v = int(v)
    s = str(v).strip()
    return s or None


def to_arrow(values: Any) -> pa.Array:
    """A column read by GDAL (numpy array) as an Arrow array; dates as ISO text, odd objects as text."""
    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        txt = np.datetime_as_string(arr, unit="D").astype(object)
        txt[np.isnat(arr)] = None
        return pa.array(txt.tolist(), pa.string())
    if arr.dtype.kind in "fiub":
        return pa.array(arr)
    try:
        return pa.array(arr.tolist(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in arr.tolist()], pa.string())
