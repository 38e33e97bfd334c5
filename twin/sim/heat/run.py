"""A heat run for a project (or a project seen in a variant): grid from the project DEM, buildings with
their heights, trees from the tree cadastre, surfaces from land cover; results as COGs in
``rasters/hitze/<run_id>/`` with a record ``lauf.json`` of every parameter and input.

The result folder is written under a scratch name and renamed when complete, so a failed or cancelled
run leaves no folder behind."""

from __future__ import annotations

import datetime as _dt
import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rasterio import features

from twin import rasters
from twin.project import Project
from twin.sim.heat.model import COVER_ORDER, DAY_HOURS, HeatInputs, HeatResult, heat_day
from twin.sim.heat.sun import project_lonlat
from twin.sim.heat.utci import STRESS_CLASSES, stress_class
from twin.sim.heat.vegetation import Tree, rasterize_trees
from twin.sim.heat.weather import HotDay
from twin.sim.heavy_rain.grid import SolverGrid, build_grid

RESULT_DIR = Path("rasters") / "hitze"
TREES_LAYER = "trees"
STOREY_M = 3.0  # building height per storey when neither measured nor roof height is known
DEFAULT_BUILDING_M = 9.0  # … and when the number of storeys is unknown too
WATER = ("wasser", "gewässer", "fließgewässer", "stehendes gewässer")
SEALED_SHARE = 0.5  # cells at least this sealed count as sealed ground


@dataclass
class HeatRun:
    """A finished run: its id, folder (relative to the project), the record and the in-memory result."""

    run_id: str
    folder: Path
    record: dict[str, Any]
    result: HeatResult


def building_heights(grid: SolverGrid) -> tuple[np.ndarray, dict[str, int]]:
    """Height above ground per cell of the footprints (0 elsewhere) and how each height was found."""
    shapes, how = [], {"gemessen": 0, "first_minus_gelaende": 0, "geschosse": 0, "standard": 0}
    for f in grid.buildings:
        a = f.attrs
        h = a.get("measured_height")
        if h is not None and h > 0:
            how["gemessen"] += 1
        elif a.get("roof_height") is not None and a.get("ground_height") is not None \
                and a["roof_height"] > a["ground_height"]:
            h = a["roof_height"] - a["ground_height"]
            how["first_minus_gelaende"] += 1
        elif (a.get("storeys_above_ground") or a.get("geschosse") or 0) > 0:
            h = STOREY_M * float(a.get("storeys_above_ground") or a.get("geschosse"))
            how["geschosse"] += 1
        else:
            h = DEFAULT_BUILDING_M
            how["standard"] += 1
        shapes.append((f.geometry, float(h)))
    out = np.zeros(grid.shape, np.float32)
    if shapes:
        out = features.rasterize(shapes, out_shape=grid.shape, transform=grid.transform, fill=0.0,
                                 dtype="float32")
    return out, how


def project_trees(view: Project) -> tuple[list[Tree], int]:
    """Trees of the cadastre with height and crown diameter, and the number skipped for lack of them."""
    if not view.store.has_layer(TREES_LAYER):
        return [], 0
    trees, skipped = [], 0
    for f in view.store.features(TREES_LAYER):
        a = f.attrs
        h, c = a.get("baumhoehe_m"), a.get("kronendurchmesser_m")
        if f.geometry is None or not h or not c or h <= 0 or c <= 0:
            skipped += 1
            continue
        p = f.geometry.centroid
        genus = str(a.get("gattung") or a.get("art") or "")
        trees.append(Tree(x=p.x, y=p.y, height=float(h), crown=float(c), genus=genus))
    return trees, skipped


def heat_inputs(view: Project, day: _dt.date, weather: HotDay, hours: Sequence[float] = DAY_HOURS,
                cell_size_m: float | None = None) -> tuple[HeatInputs, SolverGrid, dict[str, Any]]:
    """Model inputs from the project and what went into them."""
    grid = build_grid(view, cell_size_m)
    heights, how = building_heights(grid)
    roof = heights > 0
    ground = grid.z.astype(np.float32)
    trees, skipped = project_trees(view)
    veg = rasterize_trees(trees, ground, grid.transform, month=day.month)
    water = np.array([c.lower() in WATER for c in grid.classes])[grid.cover]
    cover = np.where(water, COVER_ORDER.index("wasser"),
                     np.where(grid.sealing >= SEALED_SHARE, COVER_ORDER.index("versiegelt"),
                              COVER_ORDER.index("gruen"))).astype(np.int8)
    cover[roof] = COVER_ORDER.index("versiegelt")
    west, south, east, north = grid.bounds
    lon, lat = project_lonlat(0.5 * (west + east), 0.5 * (south + north), grid.crs)
    inputs = HeatInputs(dsm=ground + heights, dx=grid.dx, buildings=roof, cover=cover, lat=lat, lon=lon, day=day,
                        weather=weather, veg=veg, hours=hours)
    info = {**grid.info, "gebaeudehoehen": how, "baeume": len(trees), "baeume_ohne_hoehe_oder_krone": skipped,
            "kronenzellen": int(veg.mask.sum()), "lage": {"breite": lat, "laenge": lon},
            "oberflaechen": {c: int((cover == k).sum()) for k, c in enumerate(COVER_ORDER)}}
    return inputs, grid, info


def run_heat(project: Project, day: _dt.date, weather: HotDay, *, hours: Sequence[float] = DAY_HOURS,
             cell_size_m: float | None = None, progress: Callable[[str, float], None] | None = None,
             cancel: Callable[[], bool] | None = None, title: str = "Heißer Tag") -> HeatRun:
    """Run the day on ``project`` and write the results (see the module docstring)."""
    created = _dt.datetime.now().astimezone()
    run_id = f"{created:%Y%m%d-%H%M%S}"
    inputs, grid, info = heat_inputs(project, day, weather, hours, cell_size_m)
    result = heat_day(inputs, progress=progress, cancel=cancel)
    folder = RESULT_DIR / run_id
    final = project.root / folder
    scratch = final.with_name(f".{run_id}.unfertig")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        files = _write(scratch, result, grid)
        record = {
            "lauf": run_id, "titel": title, "erstellt": created.isoformat(timespec="seconds"),
            "tag": day.isoformat(), "stunden": result.hours, "wetter": {
                "bezeichnung": weather.label, "lufttemperatur": list(weather.ta), "feuchte": list(weather.rh),
                "wind_10m": list(weather.va10)},
            "sonne": [{"zeit": s.time.isoformat(), "hoehe_grad": s.elevation_deg, "azimut_grad": s.azimuth_deg,
                       "ghi": s.ghi, "dni": s.dni, "dhi": s.dhi} for s in result.suns],
            "eingaben": info, "rechenzeit_s": result.timings,
            "raster": {k: (folder / name).as_posix() for k, name in files.items()},
            "klassen": [{"von": lo, "bis": hi, "bezeichnung": de} for lo, hi, de, _ in STRESS_CLASSES],
        }
        (scratch / "lauf.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        scratch.rename(final)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return HeatRun(run_id=run_id, folder=folder, record=record, result=result)


def _write(folder: Path, r: HeatResult, grid: SolverGrid) -> dict[str, str]:
    hours = [f"{h:g} Uhr" for h in r.hours]

    def cog(name: str, bands, nodata, descriptions) -> str:
        rasters.write_cog(folder / name, bands, transform=grid.transform, crs=grid.crs, nodata=nodata,
                          descriptions=descriptions)
        return name

    classes = [stress_class(u) for u in r.utci]
    return {
        "svf": cog("himmelssicht.tif", r.svf.total, -1.0, ["Himmelssichtfaktor"]),
        "schatten": cog("besonnung.tif", list(r.sun), -1.0, hours),
        "tmrt": cog("tmrt.tif", list(r.tmrt), np.nan, hours),
        "utci": cog("utci.tif", list(r.utci), np.nan, hours),
        "klasse": cog("utci_klasse.tif", classes, -1, hours),
        "tmrt_max": cog("tmrt_max.tif", r.tmrt_max, np.nan, ["Tmrt Tagesmaximum"]),
        "utci_max": cog("utci_max.tif", r.utci_max, np.nan, ["UTCI Tagesmaximum"]),
        "klasse_max": cog("utci_klasse_max.tif", r.stress_max, -1, ["Belastungsklasse am Tagesmaximum"]),
    }
