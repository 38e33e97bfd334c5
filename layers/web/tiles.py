"""Cutting layer primitives into square tiles and describing them as an OGC 3D Tiles 1.1 tileset.

Each tile's content is a GLB (3D Tiles 1.1 takes glTF directly). Bounding boxes are in the local
scene frame (z up, metres around the scene origin); the root ``transform`` places that frame on the
globe (east-north-up at the origin, grid convergence applied), so other 3D Tiles clients can stream
the same files. ``extras`` keeps the project CRS and origin for our own viewer.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from layers.web.gltf import TRIANGLES, Primitive

Tile = tuple[int, int]


def _element_width(prim: Primitive) -> int:
    return {TRIANGLES: 3, 1: 2, 0: 1}[prim.mode]


def split(prim: Primitive, size: float) -> dict[Tile, Primitive]:
    """The primitive cut into tiles of ``size`` metres by each triangle/segment/point's centre."""
    w = _element_width(prim)
    if prim.indices is not None:
        conn = prim.indices.astype(np.int64).reshape(-1, w)
    else:
        conn = np.arange(len(prim.positions), dtype=np.int64).reshape(-1, w)
    centre = prim.positions[conn].mean(axis=1)
    keys = np.floor(centre[:, :2] / size).astype(np.int64)
    out: dict[Tile, Primitive] = {}
    for key in np.unique(keys, axis=0):
        sel = conn[(keys[:, 0] == key[0]) & (keys[:, 1] == key[1])]
        used, local = np.unique(sel, return_inverse=True)
        out[(int(key[0]), int(key[1]))] = Primitive(
            prim.mode, prim.positions[used], prim.colours[used], prim.feature_ids[used],
            local.astype(np.uint32).ravel() if prim.indices is not None else None,
            None if prim.normals is None else prim.normals[used], dict(prim.extras))
    if prim.indices is None:  # non-indexed primitives stay in element order
        for tile, p in out.items():
            p.indices = None
    return out


def box(prims: list[Primitive]) -> list[float]:
    """3D Tiles ``box`` (centre and half axes) around the primitives, local z-up frame."""
    pts = np.vstack([p.positions for p in prims])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    c, h = (lo + hi) / 2, np.maximum((hi - lo) / 2, 0.01)
    return [float(c[0]), float(c[1]), float(c[2]), float(h[0]), 0.0, 0.0, 0.0, float(h[1]), 0.0, 0.0, 0.0, float(h[2])]


def enu_transform(origin: np.ndarray, epsg: int) -> list[float]:
    """Column-major 4x4 matrix from the local frame (project grid axes, metres) to ECEF (WGS 84).

    Heights are taken as ellipsoidal (the geoid difference is a constant offset of some 50 m here).
    """
    from pyproj import CRS, Proj, Transformer

    to_geo = Transformer.from_crs(CRS.from_epsg(epsg), CRS.from_epsg(4326), always_xy=True)
    lon, lat = to_geo.transform(float(origin[0]), float(origin[1]))
    try:
        gamma = math.radians(Proj(CRS.from_epsg(epsg)).get_factors(lon, lat).meridian_convergence)
    except Exception:  # noqa: BLE001 - a CRS without factors: grid = true north
        gamma = 0.0
    to_ecef = Transformer.from_crs(CRS.from_epsg(4979), CRS.from_epsg(4978), always_xy=True)
    x0, y0, z0 = to_ecef.transform(lon, lat, float(origin[2]))
    lo, la = math.radians(lon), math.radians(lat)
    east = np.array([-math.sin(lo), math.cos(lo), 0.0])
    north = np.array([-math.sin(la) * math.cos(lo), -math.sin(la) * math.sin(lo), math.cos(la)])
    up = np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)])
    gx = math.cos(gamma) * east - math.sin(gamma) * north   # grid x axis in ENU: rotated by convergence
    gy = math.sin(gamma) * east + math.cos(gamma) * north
    cols = [gx, gy, up, np.array([x0, y0, z0])]
    return [float(v) for col in cols for v in (*col, 0.0)][:15] + [1.0]


def tileset(layers: list[dict[str, Any]], origin: np.ndarray, epsg: int) -> dict[str, Any]:
    """The tileset document: one child per layer, one leaf per tile (``refine: ADD``)."""
    children = []
    for layer in layers:
        if not layer["tiles"]:
            continue
        leaves = [{"boundingVolume": {"box": t["box"]}, "geometricError": 0.0, "content": {"uri": t["uri"]}}
                  for t in layer["tiles"]]
        children.append({"boundingVolume": {"box": _union([t["box"] for t in layer["tiles"]])},
                         "geometricError": 50.0, "refine": "ADD", "children": leaves,
                         "extras": {"layer": layer["name"], "title": layer["title"]}})
    root_box = _union([c["boundingVolume"]["box"] for c in children]) if children else [0.0] * 3 + [1.0, 0, 0, 0, 1.0,
                                                                                                      0, 0, 0, 1.0]
    return {"asset": {"version": "1.1", "generator": "Stadtzwilling"},
            "geometricError": 500.0,
            "root": {"boundingVolume": {"box": root_box}, "geometricError": 200.0, "refine": "ADD",
                     "transform": enu_transform(origin, epsg), "children": children},
            "extras": {"crs": f"EPSG:{epsg}", "origin": [float(v) for v in origin],
                       "frame": "lokal: Projekt-KBS minus origin, z oben; Inhalt glTF y-oben"}}


def _union(boxes: list[list[float]]) -> list[float]:
    b = np.array(boxes)
    lo = (b[:, 0:3] - b[:, [3, 7, 11]]).min(axis=0)
    hi = (b[:, 0:3] + b[:, [3, 7, 11]]).max(axis=0)
    c, h = (lo + hi) / 2, (hi - lo) / 2
    return [float(c[0]), float(c[1]), float(c[2]), float(h[0]), 0.0, 0.0, 0.0, float(h[1]), 0.0, 0.0, 0.0, float(h[2])]
