"""Deterministic synthetic data shared by the benchmarks (fixed seeds, no files read).

* :func:`lod2_buildings` – LoD2-like gabled houses on a grid, as ``buildings`` and
  ``building_surfaces`` features with the attribute dicts the CityGML importer writes
  (``importers/citygml/load.py``): 9 semantic surfaces per house (1 ground, 4 walls,
  2 roof planes, 2 gable triangles typed ``WallSurface``), 16 triangles once triangulated.
* :func:`point_features` / :func:`parcel_features` – 2D points and rotated rectangles for the
  bounding-box benchmark, plus :func:`random_boxes` (the same query boxes for every variant).

Everything here is plain numpy/shapely and lives outside the code that is measured.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from twin.store import Feature, Field, LayerSchema

#: the sample extent (DGM tile 690/5335, EPSG:25832)
EXTENT = (690000.0, 5335000.0, 691000.0, 5336000.0)
SEED = 20240611
GROUND_Z = 480.0  # metres above DHHN2016, roughly the height of the sample tile
OUT_DIR = Path(__file__).parent / "out"

#: surfaces of one house: (surface_type, polygon-ring template index)
SURFACE_KINDS = ("GroundSurface", "WallSurface", "WallSurface", "WallSurface", "WallSurface",
                 "RoofSurface", "RoofSurface", "WallSurface", "WallSurface")
SURFACE_SUFFIX = ("ground", "wall_s", "wall_e", "wall_n", "wall_w", "roof_s", "roof_n", "gable_w", "gable_e")
TRIANGLES_PER_BUILDING = 2 + 4 * 2 + 2 * 2 + 2 * 1


# ----------------------------------------------------------------------------- buildings
@dataclass
class SynthBuildings:
    buildings: list[Feature]
    surfaces: list[Feature]

    @property
    def n(self) -> int:
        return len(self.buildings)


def _house_rings(w: float, d: float, he: float, hr: float) -> list[np.ndarray]:
    """The 9 rings (open, 3D, local to the south-west corner at z=0) of a gabled house, ridge along x."""
    m = d / 2
    return [
        np.array([(0, 0, 0), (0, d, 0), (w, d, 0), (w, 0, 0)]),               # ground, facing down
        np.array([(0, 0, 0), (w, 0, 0), (w, 0, he), (0, 0, he)]),             # south wall
        np.array([(w, 0, 0), (w, d, 0), (w, d, he), (w, 0, he)]),             # east wall
        np.array([(w, d, 0), (0, d, 0), (0, d, he), (w, d, he)]),             # north wall
        np.array([(0, d, 0), (0, 0, 0), (0, 0, he), (0, d, he)]),             # west wall
        np.array([(0, 0, he), (w, 0, he), (w, m, hr), (0, m, hr)]),           # south roof
        np.array([(w, d, he), (0, d, he), (0, m, hr), (w, m, hr)]),           # north roof
        np.array([(0, 0, he), (0, m, hr), (0, d, he)]),                       # west gable
        np.array([(w, d, he), (w, m, hr), (w, 0, he)]),                       # east gable
    ]


def lod2_buildings(n: int, *, extent: tuple[float, float, float, float] = EXTENT, seed: int = SEED) -> SynthBuildings:
    """``n`` gabled houses on a regular grid filling ``extent`` (10 m spacing for n = 10 000)."""
    rng = np.random.default_rng(seed)
    side = max(1, math.ceil(math.sqrt(n)))
    sx, sy = (extent[2] - extent[0]) / side, (extent[3] - extent[1]) / side
    size = min(sx, sy, 20.0)
    idx = np.arange(n)
    w, d = rng.uniform(0.45, 0.7, n) * size, rng.uniform(0.45, 0.7, n) * size
    he = rng.uniform(3.0, 7.0, n)
    hr = he + rng.uniform(2.0, 5.0, n)
    z0 = GROUND_Z + rng.uniform(-3.0, 3.0, n)
    angle = np.radians(rng.uniform(-15.0, 15.0, n))
    years = rng.integers(1890, 2024, n)
    cx = extent[0] + (idx % side + 0.5) * sx
    cy = extent[1] + (idx // side + 0.5) * sy
    c, s = np.cos(angle), np.sin(angle)

    surface_geoms = np.empty((n, len(SURFACE_KINDS)), dtype=object)
    areas = np.empty((n, len(SURFACE_KINDS)))
    zeros = np.zeros(n)
    for k, ring in enumerate(_house_rings(1.0, 1.0, 1.0, 2.0)):
        # the template has w = d = he = 1, hr = 2: scale each vertex by the house's own dimensions
        lx = ring[:, 0][None, :] * w[:, None]
        ly = ring[:, 1][None, :] * d[:, None]
        lz = np.where(ring[:, 2] == 2.0, hr[:, None], ring[:, 2][None, :] * he[:, None]) + zeros[:, None]
        ox, oy = lx - w[:, None] / 2, ly - d[:, None] / 2  # rotate about the footprint centre
        x = cx[:, None] + ox * c[:, None] - oy * s[:, None]
        y = cy[:, None] + ox * s[:, None] + oy * c[:, None]
        z = z0[:, None] + lz
        local = np.stack([lx, ly, lz], axis=-1)
        areas[:, k] = 0.5 * np.linalg.norm(np.cross(local, np.roll(local, -1, axis=1)).sum(axis=1), axis=1)
        coords = np.stack([x, y, z], axis=-1)
        coords = np.concatenate([coords, coords[:, :1]], axis=1)
        surface_geoms[:, k] = shapely.multipolygons(shapely.polygons(coords)[:, None])

    buildings: list[Feature] = []
    surfaces: list[Feature] = []
    functions = ("31001_1000", "31001_1000", "31001_1000", "31001_2000", "31001_1010")
    for i in range(n):
        gml_id = f"DEBY_LOD2_BENCH{i:06d}"
        for k in range(len(SURFACE_KINDS)):
            surfaces.append(Feature({
                "surface_id": f"{gml_id}_{SURFACE_SUFFIX[k]}",
                "building_id": gml_id,
                "surface_type": SURFACE_KINDS[k],
                "derived": False,
                "area": round(float(areas[i, k]), 3),
            }, surface_geoms[i, k]))
        buildings.append(Feature({
            "gml_id": gml_id,
            "parent_id": None,
            "name": None,
            "function": functions[i % len(functions)],
            "usage": None,
            "roof_type": "3100",  # Satteldach
            "measured_height": round(float(hr[i]), 2),
            "storeys_above_ground": max(1, int(he[i] // 2.8)),
            "year_of_construction": int(years[i]),
            "address": f"Benchmarkstraße {i + 1}, 99999 Synthetica",
            "lod": 2,
            "ground_height": round(float(z0[i]), 3),
            "roof_height": round(float(z0[i] + hr[i]), 3),
            "source_file": "bench_synthetic.gml",
            "generic": {"Hinweis": "Synthetisch erzeugt – Benchmark", "Gemeindeschluessel": "09999999"},
        }, surface_geoms[i, 0]))  # footprint = the ground surface, as the importer does
    return SynthBuildings(buildings, surfaces)


# ----------------------------------------------------------------------------- points and parcels
BENCH_POINTS = LayerSchema(
    name="bench_points", key="point_id", title="Benchmark-Punkte", geometry_type="POINT",
    fields=(Field("point_id"), Field("kind"), Field("value", "real"), Field("year", "integer")),
)
BENCH_PARCELS = LayerSchema(
    name="bench_parcels", key="parcel_id", title="Benchmark-Flurstücke", geometry_type="POLYGON",
    fields=(Field("parcel_id"), Field("kind"), Field("value", "real"), Field("year", "integer")),
)
_KINDS = ("Baum", "Laterne", "Hydrant", "Schacht", "Bank")


def point_xy(n: int, *, extent=EXTENT, seed: int = SEED) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.column_stack([rng.uniform(extent[0], extent[2], n), rng.uniform(extent[1], extent[3], n)])


def _attrs(rng: np.random.Generator, n: int, prefix: str, key: str) -> list[dict[str, Any]]:
    values = np.round(rng.uniform(0, 100, n), 3)
    years = rng.integers(1950, 2024, n)
    return [{key: f"{prefix}{i:07d}", "kind": _KINDS[i % len(_KINDS)], "value": float(values[i]),
             "year": int(years[i])} for i in range(n)]


def point_features(n: int, *, extent=EXTENT, seed: int = SEED) -> tuple[list[Feature], np.ndarray]:
    """``n`` uniformly random points (features and their xy as an array)."""
    xy = point_xy(n, extent=extent, seed=seed)
    geoms = shapely.points(xy)
    attrs = _attrs(np.random.default_rng(seed + 1), n, "P", "point_id")
    return [Feature(a, g) for a, g in zip(attrs, geoms)], xy


def parcel_polygons(n: int, *, extent=EXTENT, seed: int = SEED) -> np.ndarray:
    """``n`` rotated rectangles (4–12 m sides) at random positions (shapely array)."""
    rng = np.random.default_rng(seed + 2)
    cx, cy = rng.uniform(extent[0], extent[2], n), rng.uniform(extent[1], extent[3], n)
    hw, hd = rng.uniform(2, 6, n), rng.uniform(2, 6, n)
    a = rng.uniform(0, math.pi, n)
    c, s = np.cos(a), np.sin(a)
    local = np.array([(-1, -1), (1, -1), (1, 1), (-1, 1)], dtype=float)
    lx = local[None, :, 0] * hw[:, None]
    ly = local[None, :, 1] * hd[:, None]
    x = cx[:, None] + lx * c[:, None] - ly * s[:, None]
    y = cy[:, None] + lx * s[:, None] + ly * c[:, None]
    ring = np.stack([x, y], axis=-1)
    ring = np.concatenate([ring, ring[:, :1]], axis=1)
    return shapely.polygons(ring)


def parcel_features(n: int, *, extent=EXTENT, seed: int = SEED) -> tuple[list[Feature], np.ndarray]:
    geoms = parcel_polygons(n, extent=extent, seed=seed)
    attrs = _attrs(np.random.default_rng(seed + 3), n, "F", "parcel_id")
    return [Feature(a, g) for a, g in zip(attrs, geoms)], geoms


def random_boxes(fraction: float, count: int, *, extent=EXTENT, seed: int = SEED) -> list[tuple[float, ...]]:
    """``count`` square boxes covering ``fraction`` of the (square) extent, fully inside it."""
    rng = np.random.default_rng(seed + int(fraction * 1e6))
    w = (extent[2] - extent[0]) * math.sqrt(fraction)
    h = (extent[3] - extent[1]) * math.sqrt(fraction)
    x0 = rng.uniform(extent[0], extent[2] - w, count)
    y0 = rng.uniform(extent[1], extent[3] - h, count)
    return [(float(a), float(b), float(a + w), float(b + h)) for a, b in zip(x0, y0)]


# ----------------------------------------------------------------------------- measuring helpers
def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def traced_peak_mb(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Peak of Python-side allocations (incl. numpy buffers) during ``fn``, in MB. Slow: not for timing."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        out = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6, out


def rss_mb() -> float:
    """Current resident set size of this process in MB (Linux /proc; else peak RSS from resource)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def machine_info() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"python": platform.python_version(), "platform": platform.platform(), "cpu": cpu,
            "cores": os.cpu_count(), "loadavg_1_5_15": load}


def write_json(name: str, payload: dict[str, Any]) -> Path:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / name
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- reporting
def print_table(title: str, headers: list[str], rows: list[list[str]], notes: list[str] = ()) -> None:
    """One comparison table on stdout (rich, fixed width so that subprocess output is not wrapped)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title), title_justify="left", show_lines=False)
    for i, h in enumerate(headers):
        table.add_column(escape(h), justify="left" if i < 2 else "right", no_wrap=True)
    for row in rows:
        table.add_row(*(escape(c) for c in row))
    console = Console(width=220, highlight=False, soft_wrap=True)
    console.print(table)
    for note in notes:
        console.print(f"  {escape(note)}")
    console.print()


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """The same table as GitHub markdown (for bench/README.md, section 'Letzte Messung')."""
    def esc(c: str) -> str:
        return c.replace("|", "\\|")

    align = ["---" if i < 2 else "---:" for i in range(len(headers))]
    lines = ["| " + " | ".join(esc(h) for h in headers) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def write_text(name: str, text: str) -> Path:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / name
    path.write_text(text, encoding="utf-8")
    return path


def fmt(value: float | None, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}".replace(",", " ")
