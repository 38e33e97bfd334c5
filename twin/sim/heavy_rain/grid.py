"""The solver grid of a heavy-rain run: terrain from the project DEM, buildings as obstacles, roughness
and sealing rasterised from land cover (``land_cover``) and, where there is none, ALKIS parcel use."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import rasterio
import shapely
from rasterio import features
from rasterio.enums import Resampling
from rasterio.transform import Affine

from twin.dem import NODATA, project_dem
from twin.errors import ProjectError
from twin.files import file_sha256
from twin.model.buildings import BUILDINGS
from twin.model.cadastre import CADASTRE_BUILDINGS, PARCELS
from twin.model.land_cover import LAND_COVER
from twin.project import Project
from twin.sim.heavy_rain.surfaces import (
    DEFAULT_COVER, MANNING_N, SEALING, cover_of_use, is_road_use, manning_of,
)
from twin.store.base import Feature


class GridError(ProjectError):
    """The project lacks what the heavy-rain grid needs (DEM) or its data do not fit."""


@dataclass
class Road:
    """One street (parcels of road use grouped by their name)."""

    name: str
    parcels: list[str]
    geometry: Any


@dataclass
class SolverGrid:
    """Arrays ``(ny, nx)``, row 0 north, on ``transform`` (cell size ``dx``) in the project CRS."""

    z: np.ndarray
    dx: float
    transform: Affine
    crs: str
    blocked: np.ndarray
    manning: np.ndarray
    sealing: np.ndarray
    cover: np.ndarray                 # index into ``classes``
    classes: list[str]
    buildings: list[Feature]          # footprint features (2D), in the order of ``building_cells``
    building_layer: str | None
    roads: list[Road]
    road_id: np.ndarray               # 0 = no road, k = roads[k - 1]
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, int]:
        return self.z.shape

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        ny, nx = self.shape
        t = self.transform
        return (t.c, t.f + ny * t.e, t.c + nx * t.a, t.f)


def build_grid(view: Project, cell_size_m: float | None = None) -> SolverGrid:
    """The grid of ``view`` (a project or a project seen in a variant, see ``project_in_variant``)."""
    dem = project_dem(view)
    if dem is None:
        raise GridError("Für die Starkregensimulation fehlt das Projekt-DGM: bitte zuerst ein Geländemodell "
                        "(DGM) importieren.")
    path = view.root / dem["path"]
    z, transform, crs, res = _read_dem(path, cell_size_m)
    valid = np.isfinite(z) & (z != NODATA)
    if not valid.any():
        raise GridError("Das Projekt-DGM enthält keine gültigen Höhen.", path=path)
    shape = z.shape
    dx = float(transform.a)

    buildings, layer = _footprints(view)
    blocked_b = _rasterize([(f.geometry, 1) for f in buildings], shape, transform, all_touched=False) > 0
    blocked = blocked_b | ~valid
    z = np.where(valid, z, np.nanmax(np.where(valid, z, np.nan))).astype(np.float64)

    classes = list(dict.fromkeys([DEFAULT_COVER, *MANNING_N]))
    index = {c: i for i, c in enumerate(classes)}
    cover = np.zeros(shape, dtype=np.int32)
    percent = np.full(shape, np.nan)
    parcels = view.store.features(PARCELS.name) if view.store.has_layer(PARCELS.name) else []
    shapes = []
    for p in parcels:
        c = cover_of_use(p.attrs.get("nutzung"))
        if c is not None and p.geometry is not None:
            shapes.append((p.geometry, index[c]))
    n_parcel_cells = 0
    if shapes:
        cover = _rasterize(shapes, shape, transform, fill=0).astype(np.int32)
        n_parcel_cells = int((cover > 0).sum())
    lc = view.store.features(LAND_COVER.name) if view.store.has_layer(LAND_COVER.name) else []
    lc_shapes, pct_shapes = [], []
    for f in lc:
        art = f.attrs.get("art") or DEFAULT_COVER
        if art not in index:
            index[art] = len(classes)
            classes.append(art)
        if f.geometry is None:
            continue
        lc_shapes.append((f.geometry, index[art]))
        v = f.attrs.get("versiegelung_prozent")
        pct_shapes.append((f.geometry, float(v) if v is not None else -1.0))
    n_lc_cells = 0
    if lc_shapes:
        lc_cover = _rasterize(lc_shapes, shape, transform, fill=-1).astype(np.int32)
        has = lc_cover >= 0
        cover = np.where(has, lc_cover, cover)
        pct = _rasterize(pct_shapes, shape, transform, fill=-1.0, dtype="float64")
        percent = np.where(has & (pct >= 0), pct, np.nan)
        n_lc_cells = int(has.sum())
    class_sealing = np.array([SEALING.get(c, np.nan) for c in classes])
    sealing_pct = np.where(np.isfinite(percent), percent, class_sealing[cover])
    unknown = ~np.isfinite(sealing_pct) & ~blocked
    if unknown.any():
        art = classes[int(cover[unknown][0])]
        raise GridError(f"Bodenbedeckung '{art}' hat keinen bekannten Versiegelungsgrad und keine Angabe in "
                        f"'versiegelung_prozent' (Layer {LAND_COVER.name}).")
    sealing = np.clip(np.nan_to_num(sealing_pct, nan=0.0), 0, 100) / 100.0
    manning = np.array([manning_of(c) for c in classes])[cover]

    roads, road_id = _roads(parcels, shape, transform)
    info = {
        "dgm": {"pfad": dem["path"], "sha256": file_sha256(path), "aufloesung_m": list(res)},
        "zellgroesse_m": dx, "raster": {"zeilen": shape[0], "spalten": shape[1]},
        "grenzen": list(_bounds(transform, shape)),
        "gebaeude_layer": layer, "gebaeude": len(buildings),
        "gebaeudezellen_gesperrt": int(blocked_b.sum()), "zellen_ohne_hoehe": int((~valid).sum()),
        "bodenbedeckung": {
            "quelle": ("land_cover + ALKIS-Nutzung" if lc_shapes and shapes else "land_cover" if lc_shapes
                       else "ALKIS-Nutzung der Flurstücke" if shapes else "Standard"),
            "zellen_land_cover": n_lc_cells, "zellen_flurstuecksnutzung": n_parcel_cells,
            "standardklasse": DEFAULT_COVER,
            "anteile": {classes[i]: int(n) for i, n in enumerate(np.bincount(cover.ravel(), minlength=len(classes)))
                        if n},
        },
        "mittlere_versiegelung_prozent": float(sealing[~blocked].mean() * 100) if (~blocked).any() else 0.0,
        "strassen": len(roads),
    }
    return SolverGrid(z=z, dx=dx, transform=transform, crs=str(crs), blocked=blocked, manning=manning,
                      sealing=sealing, cover=cover, classes=classes, buildings=buildings, building_layer=layer,
                      roads=roads, road_id=road_id, info=info)


def _read_dem(path, cell_size_m: float | None) -> tuple[np.ndarray, Affine, Any, tuple[float, float]]:
    """The DEM at its resolution, or averaged to ``cell_size_m`` (NoData cells as NaN; a coarse cell is the mean
    of the valid fine cells in it). The coarse grid starts at the DEM's north-west corner; a remainder
    narrower than one cell at the east or south edge is left out."""
    with rasterio.open(path) as src:
        res = (float(src.res[0]), float(src.res[1]))
        if abs(res[0] - res[1]) > 1e-6 * res[0]:
            raise GridError(f"Das Projekt-DGM hat keine quadratischen Zellen ({res[0]:g} × {res[1]:g} m).",
                            path=path)
        if cell_size_m is None or abs(cell_size_m - res[0]) < 1e-9:
            z = src.read(1, masked=True).astype(np.float64).filled(np.nan)
            return z, src.transform, src.crs, res
        if cell_size_m < res[0] - 1e-9:
            raise GridError(f"Die Zellgröße {cell_size_m:g} m ist feiner als das DGM ({res[0]:g} m); "
                            f"nur Vergröberung ist möglich.", path=path)
        b = src.bounds
        nx = max(1, math.floor((b.right - b.left) / cell_size_m + 1e-9))
        ny = max(1, math.floor((b.top - b.bottom) / cell_size_m + 1e-9))
        transform = Affine(cell_size_m, 0.0, b.left, 0.0, -cell_size_m, b.top)
        window = rasterio.windows.from_bounds(b.left, b.top - ny * cell_size_m, b.left + nx * cell_size_m, b.top,
                                              src.transform)
        z = src.read(1, window=window, out_shape=(ny, nx), resampling=Resampling.average, masked=True)
        return z.astype(np.float64).filled(np.nan), transform, src.crs, res


def _bounds(t: Affine, shape: tuple[int, int]) -> tuple[float, float, float, float]:
    return (t.c, t.f + shape[0] * t.e, t.c + shape[1] * t.a, t.f)


def _rasterize(shapes, shape, transform, *, fill=0, all_touched=False, dtype="int32") -> np.ndarray:
    if not shapes:
        return np.full(shape, fill, dtype=dtype)
    return features.rasterize(shapes, out_shape=shape, transform=transform, fill=fill, all_touched=all_touched,
                              dtype=dtype)


def _footprints(view: Project) -> tuple[list[Feature], str | None]:
    """Building footprints (2D) from ``buildings`` (LoD2) or else ALKIS ``cadastre_buildings``; building parts
    are merged into their building (key ``parent_id``), whose attributes win."""
    for schema in (BUILDINGS, CADASTRE_BUILDINGS):
        if not view.store.has_layer(schema.name):
            continue
        groups: dict[str, list[Feature]] = {}
        for f in view.store.features(schema.name):
            if f.geometry is None:
                continue
            key = str(f.attrs.get("parent_id") or f.attrs[schema.key])
            groups.setdefault(key, []).append(f)
        out = []
        for key, parts in groups.items():
            geoms = [shapely.make_valid(shapely.force_2d(f.geometry)) for f in parts]
            g = shapely.union_all(geoms)
            if g.area <= 0:
                continue
            main = next((f for f in parts if str(f.attrs[schema.key]) == key), parts[0])
            out.append(Feature({**main.attrs, schema.key: key}, g, main.fid))
        if out:
            return out, schema.name
    return [], None


def _roads(parcels: list[Feature], shape, transform) -> tuple[list[Road], np.ndarray]:
    """Parcels of road use grouped by street name (``lagebezeichnung``; else the parcel number)."""
    groups: dict[str, list[Feature]] = {}
    for p in parcels:
        if p.geometry is None or not is_road_use(p.attrs.get("nutzung")):
            continue
        name = (p.attrs.get("lagebezeichnung") or "").strip() or f"Flurstück {p.attrs.get(PARCELS.key)}"
        groups.setdefault(name, []).append(p)
    roads = [Road(name, [str(p.attrs[PARCELS.key]) for p in ps], shapely.union_all([p.geometry for p in ps]))
             for name, ps in sorted(groups.items())]
    road_id = _rasterize([(r.geometry, k) for k, r in enumerate(roads, start=1)], shape, transform, fill=0)
    return roads, road_id
