"""Point-cloud layer: the thinned display clouds in ``pointclouds/*.npz`` as one vertex-only PolyData.

Colours (``rgba`` uint8 per point): by ASPRS classification (``style.by = "classification"``, the
default; ``style.classes`` may override colours per class number), or by height with
``style.colormap`` when ``style.by = "height"``, or the file's RGB with ``style.by = "rgb"``.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

from layers.style import ramp_colours
from twin.config import LayerConfig
from twin.project import Project

#: ASPRS standard classes → colour
CLASS_COLOURS = {
    0: (170, 170, 170), 1: (170, 170, 170), 2: (166, 120, 70), 3: (150, 210, 120), 4: (70, 170, 60),
    5: (20, 110, 30), 6: (200, 70, 60), 7: (255, 0, 255), 9: (60, 120, 220), 17: (230, 200, 80),
    18: (255, 0, 255), 26: (230, 200, 80),
}
DEFAULT_COLOUR = (170, 170, 170)


def _hex(c: str) -> tuple[int, int, int]:
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def load_clouds(project: Project) -> dict[str, np.ndarray]:
    """All display clouds of the project, concatenated (empty arrays if there is none)."""
    parts = []
    for f in sorted(project.pointclouds_dir.glob("*.npz")):
        with np.load(f) as d:
            parts.append({k: d[k] for k in d.files})
    if not parts:
        return {"xyz": np.zeros((0, 3)), "classification": np.zeros(0, np.uint8)}
    out = {"xyz": np.concatenate([p["xyz"] for p in parts]),
           "classification": np.concatenate([p["classification"] for p in parts])}
    if all("rgb" in p for p in parts):
        out["rgb"] = np.concatenate([p["rgb"] for p in parts])
    return out


def pointcloud_mesh(project: Project, layer: LayerConfig, origin: np.ndarray) -> tuple[pv.PolyData, list[str]]:
    cloud = load_clouds(project)
    xyz = cloud["xyz"]
    if len(xyz) == 0:
        return pv.PolyData(), []
    mesh = pv.PolyData((xyz - origin).astype(np.float64))
    by = layer.style.by or "classification"
    if by == "height":
        z = xyz[:, 2]
        rgba = ramp_colours(z, layer.style.colormap, float(z.min()), float(z.max()))
    elif by == "rgb" and "rgb" in cloud:
        rgba = np.concatenate([cloud["rgb"], np.full((len(xyz), 1), 255, np.uint8)], axis=1)
    else:
        lut = np.tile(np.array(DEFAULT_COLOUR + (255,), np.uint8), (256, 1))
        for k, c in CLASS_COLOURS.items():
            lut[k, :3] = c
        for k, c in layer.style.classes.items():
            if k.isdigit() and int(k) < 256:
                lut[int(k), :3] = _hex(c)
        rgba = lut[cloud["classification"]]
    mesh.point_data["rgba"] = np.ascontiguousarray(rgba, dtype=np.uint8)
    mesh.point_data["classification"] = cloud["classification"]
    mesh.cell_data["feature_id"] = np.zeros(mesh.n_cells, dtype=np.int64)
    return mesh, []
