"""Geometry -> one merged triangle mesh, vectorised (no per-feature Python loop for simple polygons)."""

from __future__ import annotations

import mapbox_earcut
import numpy as np
import pyvista as pv
import shapely


def polygons_mesh(geoms: np.ndarray, origin: np.ndarray) -> tuple[pv.PolyData, np.ndarray]:
    """Triangulated mesh of (multi)polygons in local coordinates (minus ``origin``).

    Returns the mesh and, per triangle, the index of the source geometry it came from.
    Polygons without holes go through VTK's triangulation in one call; the few with holes
    (courtyard roofs) through earcut on their dominant plane.
    """
    polys, src = shapely.get_parts(geoms, return_index=True)
    if len(polys) == 0:
        return pv.PolyData(), np.zeros(0, dtype=np.int64)
    holes = shapely.get_num_interior_rings(polys) > 0
    parts = []
    simple = ~holes
    if simple.any():
        parts.append(_simple_mesh(polys[simple], src[simple], origin))
    for poly, s in zip(polys[holes], src[holes]):
        parts.append(_holed_mesh(poly, s, origin))
    parts = [p for p in parts if p.n_cells]
    if not parts:
        return pv.PolyData(), np.zeros(0, dtype=np.int64)
    mesh = parts[0].merge(parts[1:], merge_points=False) if len(parts) > 1 else parts[0]
    return mesh, np.asarray(mesh.cell_data["_src"], dtype=np.int64)


def _simple_mesh(polys: np.ndarray, src: np.ndarray, origin: np.ndarray) -> pv.PolyData:
    rings = shapely.get_exterior_ring(polys)
    coords, ring_idx = shapely.get_coordinates(rings, include_z=True, return_index=True)
    counts = np.bincount(ring_idx, minlength=len(rings))
    ends = np.cumsum(counts) - 1
    keep = np.ones(len(coords), dtype=bool)
    keep[ends] = False  # drop the repeated closing point of each ring
    coords, counts = coords[keep], counts - 1
    ok = counts >= 3
    if not ok.all():  # degenerate rings: drop their points and faces
        point_ok = np.repeat(ok, counts)
        coords, counts, src = coords[point_ok], counts[ok], src[ok]
    n = len(counts)
    faces = np.empty(len(coords) + n, dtype=np.int64)
    headers = np.cumsum(counts + 1) - (counts + 1)
    faces[headers] = counts
    mask = np.ones(len(faces), dtype=bool)
    mask[headers] = False
    faces[mask] = np.arange(len(coords))
    mesh = pv.PolyData(coords - origin, faces=faces)
    mesh.cell_data["_src"] = src
    return mesh.triangulate()


def _holed_mesh(poly, src: int, origin: np.ndarray) -> pv.PolyData:
    rings = [np.asarray(poly.exterior.coords)[:-1]] + [np.asarray(r.coords)[:-1] for r in poly.interiors]
    pts = np.vstack(rings)
    if pts.shape[1] == 2:
        pts = np.column_stack([pts, np.zeros(len(pts))])
    normal = np.cross(pts - pts.mean(axis=0), np.roll(pts, -1, axis=0) - pts.mean(axis=0)).sum(axis=0)
    drop = int(np.argmax(np.abs(normal)))
    plane = np.delete(pts, drop, axis=1)
    ends = np.cumsum([len(r) for r in rings]).astype(np.uint32)
    tri = mapbox_earcut.triangulate_float64(plane, ends).reshape(-1, 3)
    if len(tri) == 0:
        return pv.PolyData()
    faces = np.column_stack([np.full(len(tri), 3), tri]).ravel()
    mesh = pv.PolyData(pts - origin, faces=faces)
    mesh.cell_data["_src"] = np.full(mesh.n_cells, src, dtype=np.int64)
    return mesh
