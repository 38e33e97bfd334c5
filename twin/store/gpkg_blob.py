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


def encode_many(geoms: list[BaseGeometry | None], srs_id: int) -> list[bytes | None]:
    """Vectorised :func:`encode` (WKB and envelopes computed by shapely for the whole batch)."""
    arr = np.array(geoms, dtype=object)
    out: list[bytes | None] = [None] * len(arr)
    if not len(arr):
        return out
    present = np.array([g is not None for g in geoms])
    idx = np.flatnonzero(present)
    if not len(idx):
        return out
    sub = arr[idx]
    empty = shapely.is_empty(sub)
    has_z = shapely.has_z(sub)
    for z in (False, True):
        sel = np.flatnonzero(~empty & (has_z == z))
        if not len(sel):
            continue
        wkbs = shapely.to_wkb(sub[sel], output_dimension=3 if z else 2, byte_order=1, flavor="iso")
        if z:
            coords, which = shapely.get_coordinates(sub[sel], include_z=True, return_index=True)
            mins = np.full((len(sel), 3), np.inf)
            maxs = np.full((len(sel), 3), -np.inf)
            np.minimum.at(mins, which, coords)
            np.maximum.at(maxs, which, coords)
            flags = bytes((0, 0b0000_0001 | (2 << 1)))
            envs = [struct.pack("<6d", a[0], b[0], a[1], b[1], a[2], b[2]) for a, b in zip(mins, maxs)]
        else:
            b = shapely.bounds(sub[sel])
            flags = bytes((0, 0b0000_0001 | (1 << 1)))
            envs = [struct.pack("<4d", r[0], r[2], r[1], r[3]) for r in b]
        head = _MAGIC + flags + struct.pack("<i", srs_id)
        for i, env, wkb in zip(sel, envs, wkbs):
            out[idx[i]] = head + env + wkb
    for i in np.flatnonzero(empty):
        out[idx[i]] = encode(sub[i], srs_id)
    return out


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
