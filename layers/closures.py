"""Road closure layer: closed sections as low barriers on the terrain, detours as dashed bands (no Qt).

What is drawn is the state of one day (default today), as the Auskunft answers it: closures active
then, and those starting within the next 14 days (paler, lower); ended and later ones are left out.
Each closed section becomes a row of barrier blocks
(:data:`BARRIER_WIDTH_M` wide, :data:`BARRIER_HEIGHT_M` high) on the DGM, one block per
:data:`STRIPE_M` of line, coloured by ``style.by`` (default: ``art``) through the layer style; a
Vollsperrung is striped red/white like barrier tape. The detour line (``road_closure_detours``) is a
flat dashed band just above the ground. One merged mesh; ``feature_id`` per cell indexes the closure
keys (a click on the detour selects its closure).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyvista as pv
import shapely

from layers.points import ground_heights
from layers.style import class_colours, hex_rgba
from twin.auskunft import PLANNED_DAYS
from twin.config import LayerConfig
from twin.model.closures import ACTIVE, PLANNED, ROAD_CLOSURE_DETOURS, as_date, closure_status
from twin.project import Project

STRIPE_M = 4.0
BARRIER_WIDTH_M = 2.5
BARRIER_HEIGHT_M = 1.6
PLANNED_HEIGHT_M = 0.8
DETOUR_WIDTH_M = 1.6
DETOUR_LIFT_M = 0.4
DETOUR_DASH_M = 6.0
STRIPE_WHITE = "#f5f5f5"
DETOUR_COLOUR = "#0277bd"
FULL_CLOSURE = "Vollsperrung"


def _segments(geom, step: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Consecutive point pairs of the densified line: starts (n, 2), ends (n, 2), index along its part."""
    starts, ends, along = [], [], []
    for part in shapely.get_parts(shapely.segmentize(geom, step)):
        xy = shapely.get_coordinates(part)
        if len(xy) < 2:
            continue
        starts.append(xy[:-1])
        ends.append(xy[1:])
        along.append(np.arange(len(xy) - 1))
    if not starts:
        return np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0, dtype=int)
    return np.vstack(starts), np.vstack(ends), np.concatenate(along)


def _blocks(p0: np.ndarray, p1: np.ndarray, z0: np.ndarray, z1: np.ndarray, width: float, bottom: float,
            top: np.ndarray, origin: np.ndarray) -> pv.PolyData:
    """Per segment a block without floor and ends: top, left and right face (3 quads, in this order)."""
    d = p1 - p0
    length = np.hypot(d[:, 0], d[:, 1])
    length[length == 0] = 1.0
    n = np.column_stack([-d[:, 1], d[:, 0]]) / length[:, None] * (width / 2.0)
    corners = []
    for p, z in ((p0, z0), (p1, z1)):
        for side in (n, -n):  # left, right
            for h in (z + bottom, z + top):
                corners.append(np.column_stack([p + side, h]))
    # corner order per segment: 0 l0b 1 l0t 2 r0b 3 r0t 4 l1b 5 l1t 6 r1b 7 r1t
    pts = np.stack(corners, axis=1).reshape(-1, 3) - origin
    base = (np.arange(len(p0)) * 8)[:, None]
    quads = np.array([[1, 3, 7, 5], [0, 1, 5, 4], [2, 6, 7, 3]])
    faces = (base[:, None, :] + quads[None, :, :]).reshape(-1, 4)
    cells = np.column_stack([np.full(len(faces), 4), faces]).ravel()
    return pv.PolyData(pts, faces=cells)


def closures_mesh(project: Project, layer: LayerConfig, origin: np.ndarray, *, day: date | None = None
                  ) -> tuple[pv.PolyData, list[str]]:
    """One mesh of the closures in ``layer.source`` not ended on ``day`` (default today), with detours."""
    store, day = project.store, day or date.today()
    source = layer.source or "road_closures"
    if not store.has_layer(source):
        return pv.PolyData(), []
    key = store.schema(source).key
    horizon = day + timedelta(days=PLANNED_DAYS)
    feats = [f for f in store.features(source) if f.geometry is not None and not f.geometry.is_empty
             and (closure_status(f.attrs.get("von"), f.attrs.get("bis"), day) == ACTIVE
                  or closure_status(f.attrs.get("von"), f.attrs.get("bis"), day) == PLANNED
                  and as_date(f.attrs.get("von")) <= horizon)]
    if not feats:
        return pv.PolyData(), []
    feats.sort(key=lambda f: str(f.attrs[key]))
    keys = [str(f.attrs[key]) for f in feats]
    style = layer.style
    colours = class_colours([f.attrs.get(style.by or "art") for f in feats], style)
    white, blue = hex_rgba(STRIPE_WHITE), hex_rgba(DETOUR_COLOUR)
    parts = []
    for i, f in enumerate(feats):
        p0, p1, along = _segments(shapely.force_2d(f.geometry), STRIPE_M)
        if not len(p0):
            continue
        planned = closure_status(f.attrs.get("von"), f.attrs.get("bis"), day) == PLANNED
        rgba = np.tile(colours[i], (len(p0), 1))
        if f.attrs.get("art") == FULL_CLOSURE:
            rgba[along % 2 == 1] = white
        if planned:  # paler: halfway to white
            rgba[:, :3] = (rgba[:, :3].astype(int) + 255) // 2
        parts.append((p0, p1, rgba, i, PLANNED_HEIGHT_M if planned else BARRIER_HEIGHT_M, BARRIER_WIDTH_M, -0.3))
    if store.has_layer(ROAD_CLOSURE_DETOURS.name):
        index = {k: i for i, k in enumerate(keys)}
        t = store.table(ROAD_CLOSURE_DETOURS.name)
        for d in store.features(ROAD_CLOSURE_DETOURS.name, t.c.sperrung_id.in_(keys)):
            p0, p1, _ = _segments(shapely.force_2d(d.geometry), DETOUR_DASH_M)
            dash = np.arange(len(p0)) % 2 == 0
            if dash.any():
                parts.append((p0[dash], p1[dash], np.tile(blue, (int(dash.sum()), 1)), index[d.attrs["sperrung_id"]],
                              DETOUR_LIFT_M, DETOUR_WIDTH_M, DETOUR_LIFT_M - 0.05))
    if not parts:
        return pv.PolyData(), keys
    xy = np.vstack([np.vstack([p[0], p[1]]) for p in parts])
    z = ground_heights(project, xy)
    meshes, pos = [], 0
    for p0, p1, rgba, fid, top, width, bottom in parts:
        n = len(p0)
        z0, z1 = z[pos:pos + n], z[pos + n:pos + 2 * n]
        pos += 2 * n
        m = _blocks(p0, p1, z0, z1, width, bottom, np.full(n, top), origin)
        m.cell_data["rgba"] = np.repeat(rgba.astype(np.uint8), 3, axis=0)
        m.cell_data["feature_id"] = np.full(m.n_cells, fid, dtype=np.int64)
        meshes.append(m)
    mesh = meshes[0].merge(meshes[1:], merge_points=False) if len(meshes) > 1 else meshes[0]
    mesh = pv.PolyData(mesh) if not isinstance(mesh, pv.PolyData) else mesh
    mesh = mesh.triangulate()
    mesh.cell_data["rgba"] = np.asarray(mesh.cell_data["rgba"], dtype=np.uint8)
    mesh.cell_data["feature_id"] = np.asarray(mesh.cell_data["feature_id"], dtype=np.int64)
    return mesh, keys
