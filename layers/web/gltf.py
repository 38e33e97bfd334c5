"""Scene meshes as binary glTF 2.0 (GLB): triangles, lines or points, y-up, with colour and feature ids.

Local scene coordinates (x east, y north, z up; metres around the scene origin) become glTF's y-up
frame ``(x, z, -y)``. Per-cell colours are flat: every triangle gets its own three vertices so that a
cell's ``rgba`` and its ``feature_id`` (vertex attribute ``_FEATURE_ID_0``, glTF's convention for
application attributes) stay exact. Per-point colours keep shared vertices with smooth normals
(terrain). No Qt, no renderer: numpy arrays in, bytes out.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyvista as pv

#: glTF primitive modes
POINTS, LINES, TRIANGLES = 0, 1, 4
_FLOAT, _UBYTE, _USHORT, _UINT = 5126, 5121, 5123, 5125
_TYPES = {1: "SCALAR", 3: "VEC3", 4: "VEC4"}


@dataclass
class Primitive:
    """One glTF primitive: local scene coordinates (z up), optional normals, colours and feature ids."""

    mode: int
    positions: np.ndarray                      # (n, 3) float, local z-up
    colours: np.ndarray                        # (n, 4) uint8
    feature_ids: np.ndarray                    # (n,) float
    indices: np.ndarray | None = None          # (m,) uint32
    normals: np.ndarray | None = None          # (n, 3) float, z-up
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return len(self.positions) == 0 or (self.indices is not None and len(self.indices) == 0)


def _rgba(mesh: pv.PolyData, where: str, default: tuple[int, int, int, int]) -> np.ndarray | None:
    data = mesh.cell_data if where == "cell" else mesh.point_data
    if "rgba" not in data:
        return None
    rgba = np.asarray(data["rgba"])
    if rgba.ndim != 2:
        return None
    if rgba.shape[1] == 3:
        rgba = np.column_stack([rgba, np.full(len(rgba), 255)])
    return np.clip(rgba, 0, 255).astype(np.uint8)


def _cells(mesh: pv.PolyData, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(cell index in the mesh, vertex ids (k, n)) of the triangles/lines/vertices of a triangulated mesh."""
    offsets = {"verts": 0, "lines": mesh.n_verts, "faces": mesh.n_verts + mesh.n_lines}
    arr = {"verts": mesh.verts, "lines": mesh.lines, "faces": mesh.faces}[kind]
    if arr is None or len(arr) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.int64)
    arr = np.asarray(arr, dtype=np.int64)
    ids, out, i, c = [], [], 0, offsets[kind]
    if kind == "faces" or kind == "verts":
        width = int(arr[0])
        if len(arr) % (width + 1) == 0 and np.all(arr[:: width + 1] == width):  # all cells of one size (fast)
            cells = arr.reshape(-1, width + 1)[:, 1:]
            return np.arange(len(cells)) + c, cells
    while i < len(arr):  # poly lines / mixed cells: split into pairs (lines) or keep (vertices)
        n = int(arr[i])
        pts = arr[i + 1:i + 1 + n]
        if kind == "lines":
            for a, b in zip(pts[:-1], pts[1:]):
                ids.append(c)
                out.append((a, b))
        else:
            for p in pts:
                ids.append(c)
                out.append((p,))
        i += n + 1
        c += 1
    return np.asarray(ids, dtype=np.int64), np.asarray(out, dtype=np.int64)


def primitives(mesh: pv.PolyData, default_rgba: tuple[int, int, int, int] = (200, 200, 200, 255)) -> list[Primitive]:
    """The triangles, line segments and vertices of a scene mesh as glTF primitives (empty ones left out)."""
    if mesh is None or mesh.n_cells == 0:
        return []
    out: list[Primitive] = []
    polys = _polygons(mesh)
    if polys is not None:
        out += _primitive(polys, "faces", TRIANGLES, default_rgba)
    out += _primitive(mesh, "lines", LINES, default_rgba)
    out += _primitive(mesh, "verts", POINTS, default_rgba)
    return out


def _polygons(mesh: pv.PolyData) -> pv.PolyData | None:
    """The mesh's polygons alone, triangulated, with their cell data (vtk orders cells verts, lines, polys)."""
    faces = np.asarray(mesh.faces)
    if len(faces) == 0:
        return None
    polys = pv.PolyData(np.asarray(mesh.points), faces=faces)
    first = mesh.n_verts + mesh.n_lines
    for name in mesh.cell_data.keys():
        polys.cell_data[name] = np.asarray(mesh.cell_data[name])[first:first + polys.n_cells]
    for name in mesh.point_data.keys():
        polys.point_data[name] = np.asarray(mesh.point_data[name])
    return polys.triangulate()


def _primitive(mesh: pv.PolyData, kind: str, mode: int, default_rgba: tuple[int, int, int, int]) -> list[Primitive]:
    cell_ids, conn = _cells(mesh, kind)
    if len(cell_ids) == 0:
        return []
    pts = np.asarray(mesh.points, dtype=np.float64)
    fid = np.asarray(mesh.cell_data["feature_id"], dtype=np.float64) if "feature_id" in mesh.cell_data \
        else np.full(mesh.n_cells, -1.0)
    cell_rgba = _rgba(mesh, "cell", default_rgba)
    point_rgba = _rgba(mesh, "point", default_rgba)
    if mode == TRIANGLES and point_rgba is not None and cell_rgba is None:  # smooth, shared vertices
        used = np.unique(conn)
        remap = np.full(len(pts), -1, dtype=np.int64)
        remap[used] = np.arange(len(used))
        normals = _vertex_normals(pts, conn)[used]
        vfid = np.full(len(pts), -1.0)
        vfid[conn.ravel()] = np.repeat(fid[cell_ids], conn.shape[1])
        return [Primitive(mode, pts[used], point_rgba[used], vfid[used], remap[conn].ravel().astype(np.uint32),
                          normals)]
    width = conn.shape[1]
    positions = pts[conn.ravel()]
    if cell_rgba is not None:
        colours = np.repeat(cell_rgba[cell_ids], width, axis=0)
    elif point_rgba is not None:
        colours = point_rgba[conn.ravel()]
    else:
        colours = np.tile(np.uint8(default_rgba), (len(positions), 1))
    normals = None
    if mode == TRIANGLES:
        tri = positions.reshape(-1, 3, 3)
        nrm = np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0])
        length = np.linalg.norm(nrm, axis=1, keepdims=True)
        nrm = np.where(length > 0, nrm / np.where(length > 0, length, 1), np.array([0.0, 0.0, 1.0]))
        normals = np.repeat(nrm, 3, axis=0)
    return [Primitive(mode, positions, colours.astype(np.uint8), np.repeat(fid[cell_ids], width), None, normals)]


def _vertex_normals(pts: np.ndarray, tris: np.ndarray) -> np.ndarray:
    """Area-weighted vertex normals of a triangle mesh (z up where undefined)."""
    a, b, c = pts[tris[:, 0]], pts[tris[:, 1]], pts[tris[:, 2]]
    face = np.cross(b - a, c - a)
    normals = np.zeros_like(pts)
    for k in range(3):
        np.add.at(normals, tris[:, k], face)
    length = np.linalg.norm(normals, axis=1, keepdims=True)
    return np.where(length > 0, normals / np.where(length > 0, length, 1), np.array([0.0, 0.0, 1.0]))


def _y_up(xyz: np.ndarray) -> np.ndarray:
    return np.column_stack([xyz[:, 0], xyz[:, 2], -xyz[:, 1]]).astype(np.float32)


def glb_bytes(prims: list[Primitive], *, name: str = "", extras: dict[str, Any] | None = None) -> bytes:
    """A GLB with one mesh of the given primitives (vertex colours, unlit-friendly PBR material)."""
    prims = [p for p in prims if not p.is_empty]
    blob = bytearray()
    views: list[dict] = []
    accessors: list[dict] = []

    def add(array: np.ndarray, ctype: int, *, normalized: bool = False, target: int | None = None,
            minmax: bool = False) -> int:
        data = np.ascontiguousarray(array)
        while len(blob) % 4:
            blob.append(0)
        view = {"buffer": 0, "byteOffset": len(blob), "byteLength": data.nbytes}
        if target is not None:
            view["target"] = target
        blob.extend(data.tobytes())
        views.append(view)
        comps = 1 if data.ndim == 1 else data.shape[1]
        acc: dict[str, Any] = {"bufferView": len(views) - 1, "componentType": ctype, "count": len(data),
                               "type": _TYPES[comps]}
        if normalized:
            acc["normalized"] = True
        if minmax:
            acc["min"] = [float(v) for v in np.atleast_1d(data.min(axis=0))]
            acc["max"] = [float(v) for v in np.atleast_1d(data.max(axis=0))]
        accessors.append(acc)
        return len(accessors) - 1

    gltf_prims = []
    for p in prims:
        attrs = {"POSITION": add(_y_up(p.positions), _FLOAT, target=34962, minmax=True),
                 "COLOR_0": add(p.colours.astype(np.uint8), _UBYTE, normalized=True, target=34962),
                 "_FEATURE_ID_0": add(p.feature_ids.astype(np.float32), _FLOAT, target=34962)}
        if p.normals is not None:
            attrs["NORMAL"] = add(_y_up(p.normals), _FLOAT, target=34962)
        prim: dict[str, Any] = {"attributes": attrs, "mode": p.mode, "material": 0}
        if p.indices is not None:
            small = len(p.positions) < 65535  # 16-bit indices where they suffice (terrain tiles)
            prim["indices"] = add(p.indices.astype(np.uint16 if small else np.uint32), _USHORT if small else _UINT,
                                  target=34963)
        if p.extras:
            prim["extras"] = p.extras
        gltf_prims.append(prim)
    doc: dict[str, Any] = {
        "asset": {"version": "2.0", "generator": "Stadtzwilling"},
        "scene": 0, "scenes": [{"nodes": [0] if gltf_prims else []}],
        "nodes": [{"mesh": 0, "name": name}] if gltf_prims else [],
        "meshes": [{"name": name, "primitives": gltf_prims}] if gltf_prims else [],
        "materials": [{"name": "vertexfarbe", "doubleSided": True,
                       "pbrMetallicRoughness": {"baseColorFactor": [1, 1, 1, 1], "metallicFactor": 0.0,
                                                "roughnessFactor": 1.0}}],
        "accessors": accessors, "bufferViews": views,
    }
    if blob:
        doc["buffers"] = [{"byteLength": len(blob)}]
    if extras:
        doc["extras"] = extras
    js = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    js += b" " * (-len(js) % 4)
    while len(blob) % 4:
        blob.append(0)
    chunks = struct.pack("<II", len(js), 0x4E4F534A) + js
    if blob:
        chunks += struct.pack("<II", len(blob), 0x004E4942) + bytes(blob)
    return struct.pack("<III", 0x46546C67, 2, 12 + len(chunks)) + chunks


def read_glb(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The JSON document and binary chunk of a GLB (for checks and tests)."""
    magic, version, length = struct.unpack_from("<III", data, 0)
    if magic != 0x46546C67 or version != 2 or length != len(data):
        raise ValueError("keine GLB-Datei (glTF 2.0)")
    jlen, _ = struct.unpack_from("<II", data, 12)
    doc = json.loads(data[20:20 + jlen])
    rest = data[20 + jlen:]
    binary = rest[8:8 + struct.unpack_from("<I", rest, 0)[0]] if rest else b""
    return doc, binary
