"""Simple 3D symbols for point layers in the web scene: trees (trunk and crown) and markers (no Qt).

Every symbol is built from a template mesh shifted to its point, so thousands of trees stay one array
operation. Point data ``rgba`` (smooth shading with shared vertices keeps the glTF small), cell data
``feature_id`` (the index of the point's feature).
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

TRUNK_RGBA = (110, 82, 58, 255)
DEFAULT_HEIGHT_M = 8.0
DEFAULT_CROWN_M = 5.0


def _template(mesh: pv.PolyData) -> tuple[np.ndarray, np.ndarray]:
    tri = mesh.triangulate()
    return np.asarray(tri.points, dtype=float), np.asarray(tri.faces, dtype=np.int64).reshape(-1, 4)[:, 1:]


def _stamp(points: np.ndarray, tris: np.ndarray, centres: np.ndarray, scales: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """Template (points, triangles) placed at each centre with per-axis scale (n, 3)."""
    n, k = len(centres), len(points)
    pts = (points[None, :, :] * scales[:, None, :] + centres[:, None, :]).reshape(-1, 3)
    faces = (tris[None, :, :] + (np.arange(n) * k)[:, None, None]).reshape(-1, 3)
    return pts, faces


def _polydata(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]) -> pv.PolyData:
    pts, faces, rgba, fid, offset = [], [], [], [], 0
    for p, f, colour, ids in parts:
        pts.append(p)
        faces.append(f + offset)
        rgba.append(colour)
        fid.append(ids)
        offset += len(p)
    tri = np.vstack(faces)
    mesh = pv.PolyData(np.vstack(pts), np.column_stack([np.full(len(tri), 3), tri]).ravel())
    mesh.point_data["rgba"] = np.vstack(rgba).astype(np.uint8)
    mesh.cell_data["feature_id"] = np.concatenate(fid).astype(np.int64)
    return mesh


def _number(value, default: float) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return default
    return v if np.isfinite(v) and v > 0 else default


def tree_glyphs(base: np.ndarray, heights, crowns, rgba: np.ndarray) -> pv.PolyData:
    """Trees at ``base`` (n, 3, local, ground height): crown sphere of the crown diameter on a trunk.

    ``heights`` / ``crowns`` in metres (None or missing: 8 m high, 5 m crown); ``rgba`` (n, 4) crown colour.
    """
    base = np.asarray(base, dtype=float)
    n = len(base)
    if n == 0:
        return pv.PolyData()
    h = np.array([_number(v, DEFAULT_HEIGHT_M) for v in heights])
    r = np.array([_number(v, DEFAULT_CROWN_M) for v in crowns]) / 2
    r = np.minimum(r, np.maximum(h / 2, 0.5))
    crown_z = np.maximum(h - r, r)  # crown centre: its top at the tree height
    sp, st = _template(pv.Icosphere(radius=1.0, nsub=1))
    cp, ct = _template(pv.Cylinder(center=(0, 0, 0.5), direction=(0, 0, 1), radius=1.0, height=1.0, resolution=6,
                                   capping=False))
    crown_pts, crown_tri = _stamp(sp, st, base + np.column_stack([np.zeros(n), np.zeros(n), crown_z]),
                                  np.column_stack([r, r, r * 0.9]))
    trunk_r = np.clip(h / 60, 0.12, 0.4)
    trunk_pts, trunk_tri = _stamp(cp, ct, base, np.column_stack([trunk_r, trunk_r, np.maximum(crown_z - r * 0.5, 0.5)]))
    ids = np.arange(n)
    rgba = np.asarray(rgba, dtype=np.uint8)
    return _polydata([
        (crown_pts, crown_tri, np.repeat(rgba, len(sp), axis=0), np.repeat(ids, len(st))),
        (trunk_pts, trunk_tri, np.tile(np.uint8(TRUNK_RGBA), (n * len(cp), 1)), np.repeat(ids, len(ct))),
    ])


def marker_glyphs(base: np.ndarray, rgba: np.ndarray, size: float = 1.2) -> pv.PolyData:
    """A small upright marker (octahedron on a 2 m stem height) at each point."""
    base = np.asarray(base, dtype=float)
    n = len(base)
    if n == 0:
        return pv.PolyData()
    op, ot = _template(pv.Octahedron(radius=1.0))
    pts, tri = _stamp(op, ot, base + np.array([0.0, 0.0, 2.0]), np.full((n, 3), size / 2))
    return _polydata([(pts, tri, np.repeat(np.asarray(rgba, dtype=np.uint8), len(op), axis=0),
                       np.repeat(np.arange(n), len(ot)))])
