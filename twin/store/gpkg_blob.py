"""GeoPackage geometry blobs (OGC 12-128r18, 2.1.3): header + ISO WKB, without SpatiaLite.

Also the SQL functions that the standard R-tree triggers call (``ST_MinX`` … ``ST_IsEmpty``);
GDAL/QGIS register their own when they open the file, we register these on our connections.
"""

from __future__ import annotations

import sqlite3
import struct

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

_MAGIC = b"GP"
_EMPTY_FLAG = 0b0001_0000
# envelope indicator (bits 1-3): 0 none, 1 xy, 2 xyz
_ENV_SIZE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def encode(geom: BaseGeometry | None, srs_id: int) -> bytes | None:
    """GeoPackage blob for a shapely geometry (little endian, xy or xyz envelope)."""
    if geom is None:
        return None
    has_z = shapely.has_z(geom)
    if geom.is_empty:
        flags = 0b0000_0001 | _EMPTY_FLAG
        return _MAGIC + bytes((0, flags)) + struct.pack("<i", srs_id) + shapely.to_wkb(geom, flavor="iso")
    coords = shapely.get_coordinates(geom, include_z=has_z)
    mins, maxs = coords.min(axis=0), coords.max(axis=0)
    if has_z:
        env = struct.pack("<6d", mins[0], maxs[0], mins[1], maxs[1], mins[2], maxs[2])
        flags = 0b0000_0001 | (2 << 1)
    else:
        env = struct.pack("<4d", mins[0], maxs[0], mins[1], maxs[1])
        flags = 0b0000_0001 | (1 << 1)
    wkb = shapely.to_wkb(geom, output_dimension=3 if has_z else 2, byte_order=1, flavor="iso")
    return _MAGIC + bytes((0, flags)) + struct.pack("<i", srs_id) + env + wkb


def encode_many(geoms: list[BaseGeometry | None] | np.ndarray, srs_id: int) -> list[bytes | None]:
    """Vectorised :func:`encode` (WKB and envelopes computed by shapely for the whole batch)."""
    return encode_batch(geoms, srs_id)[0]


def encode_batch(geoms: list[BaseGeometry | None] | np.ndarray, srs_id: int) -> tuple[list[bytes | None], np.ndarray]:
    """Blobs as :func:`encode` gives them, plus the envelopes as an (n, 4) array (minx, maxx, miny, maxy).

    The envelope row is NaN for ``None`` and empty geometries (they get no R-tree entry). Headers are
    built as numpy records; points need no WKB writer at all.
    """
    arr = np.empty(len(geoms), dtype=object)
    arr[:] = list(geoms)
    out: list[bytes | None] = [None] * len(arr)
    env = np.full((len(arr), 4), np.nan)
    present = ~shapely.is_missing(arr)
    empty = present & shapely.is_empty(arr)
    full = present & ~empty
    has_z = shapely.has_z(arr)
    points = shapely.get_type_id(arr) == 0
    for z in (False, True):
        for pts in (True, False):
            sel = np.flatnonzero(full & (has_z == z) & (points == pts))
            if len(sel):
                blobs, env[sel] = _encode_group(arr[sel], srs_id, z, pts)
                for i, b in zip(sel.tolist(), blobs):
                    out[i] = b
    for i in np.flatnonzero(empty).tolist():
        out[i] = encode(arr[i], srs_id)
    return out, env


def _encode_group(geoms: np.ndarray, srs_id: int, z: bool, points: bool) -> tuple[list[bytes], np.ndarray]:
    """Blobs and envelopes of non-empty geometries that all have (or all lack) z; points without WKB writer."""
    dim = 3 if z else 2
    coords, which = shapely.get_coordinates(geoms, include_z=z, return_index=True)
    if points:
        lo = hi = coords
    else:
        starts = np.flatnonzero(np.r_[True, which[1:] != which[:-1]])
        lo, hi = np.minimum.reduceat(coords, starts), np.maximum.reduceat(coords, starts)
    fields = [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"), ("env", "<f8", (2 * dim,))]
    if points:
        fields += [("byte_order", "u1"), ("wkb_type", "<u4"), ("xyz", "<f8", (dim,))]
    rec = np.zeros(len(geoms), dtype=fields)
    rec["magic"], rec["flags"], rec["srs_id"] = _MAGIC, 0b0000_0001 | ((2 if z else 1) << 1), srs_id
    rec["env"][:, 0::2], rec["env"][:, 1::2] = lo, hi  # minx, maxx, miny, maxy[, minz, maxz]
    if points:  # the whole blob is one record: header, envelope, WKB point
        rec["byte_order"], rec["wkb_type"], rec["xyz"] = 1, 1001 if z else 1, coords
        blobs = _split(rec)
    else:
        wkbs = shapely.to_wkb(geoms, output_dimension=dim, byte_order=1, flavor="iso")
        blobs = [h + w for h, w in zip(_split(rec), wkbs.tolist())]
    return blobs, np.column_stack([lo[:, 0], hi[:, 0], lo[:, 1], hi[:, 1]])


def _split(rec: np.ndarray) -> list[bytes]:
    """The records of a packed numpy array as one bytes object each."""
    raw, size = rec.tobytes(), rec.dtype.itemsize
    return [raw[i:i + size] for i in range(0, len(raw), size)]


def _header_len(blob: bytes) -> int:
    flags = blob[3]
    return 8 + _ENV_SIZE[(flags >> 1) & 0b111]


def wkb_of(blob: bytes) -> bytes:
    """The WKB part of a GeoPackage blob."""
    return blob[_header_len(blob):]


def decode(blob: bytes | None) -> BaseGeometry | None:
    """Shapely geometry from a GeoPackage blob."""
    if blob is None:
        return None
    return shapely.from_wkb(wkb_of(blob))


def decode_many(blobs: list[bytes | None]) -> np.ndarray:
    """Vectorised :func:`decode` for a list of blobs (None stays None)."""
    wkbs = [None if b is None else wkb_of(b) for b in blobs]
    return shapely.from_wkb(np.array(wkbs, dtype=object))


def envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a blob, from its header where present."""
    if blob is None or len(blob) < 8 or blob[:2] != _MAGIC:
        return None
    flags = blob[3]
    if flags & _EMPTY_FLAG:
        return None
    if (flags >> 1) & 0b111:
        fmt = "<4d" if flags & 1 else ">4d"
        return struct.unpack_from(fmt, blob, 8)
    geom = decode(blob)
    if geom is None or geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    return (minx, maxx, miny, maxy)


def _env_fn(index: int):
    def fn(blob):
        env = envelope(blob)
        return None if env is None else env[index]

    return fn


def _is_empty(blob) -> int | None:
    if blob is None:
        return None
    return 1 if envelope(blob) is None else 0


def register_functions(conn: sqlite3.Connection) -> None:
    """Register the SQL functions used by the GeoPackage R-tree triggers on a sqlite3 connection."""
    for name, idx in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        conn.create_function(name, 1, _env_fn(idx), deterministic=True)
    conn.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
