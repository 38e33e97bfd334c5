"""A heat run for a project (or one of its planning variants): grid from the project DEM, buildings with
their heights, trees from the tree cadastre, surfaces from land cover; results as COGs in
``rasters/hitze/<run_id>/`` and a row of ``heat_runs`` with every parameter and input.

Like the heavy-rain runs, everything lands in one store transaction: the COGs are written into a hidden
scratch folder, the row and the raster register are written, and the folder is moved into place as the
transaction's last step – a failed or cancelled run leaves store and rasters as they were."""

from __future__ import annotations

import datetime as _dt
import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rasterio import features

from twin import rasters
from twin.cancel import cancel_fn
from twin.errors import Cancelled
from twin.files import file_sha256, staged_folder
from twin.model.heat import HEAT_LAYERS, HEAT_RUNS
from twin.project import Project
from twin.sim.heat.model import COVER_ORDER, DAY_HOURS, HeatInputs, HeatResult, heat_day
from twin.sim.heat.record import KIND_MAP, KIND_RESULT, MAP_KEYS, RASTER_FILES, HeatRunRecord, raster_name
from twin.sim.heat.sun import project_lonlat
from twin.sim.heat.utci import STRESS_CLASSES, STRONG_HEAT, stress_class
from twin.sim.heat.vegetation import Tree, rasterize_trees
from twin.sim.heat.weather import HotDay
from twin.sim.heavy_rain.grid import SolverGrid, build_grid
from twin.store.base import Feature
from twin.variants.read import project_in_variant

ProgressFn = Callable[[float, str], None]
ACTOR = "Hitzesimulation"

RESULT_DIR = Path("rasters") / "hitze"
TREES_LAYER = "trees"
STOREY_M = 3.0  # building height per storey when neither measured nor roof height is known
DEFAULT_BUILDING_M = 9.0  # … and when the number of storeys is unknown too
WATER = ("wasser", "gewässer", "fließgewässer", "stehendes gewässer")
SEALED_SHARE = 0.5  # cells at least this sealed count as sealed ground


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
        base = a.get("kronenansatz_m")
        trunk = float(base) if base is not None and 0 <= base < h else None  # else TRUNK_SHARE of the height
        trees.append(Tree(x=p.x, y=p.y, height=float(h), crown=float(c), trunk=trunk, genus=genus))
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


def run_heat(project: Project, day: _dt.date, weather: HotDay, *, variant: str | None = None,
             hours: Sequence[float] = DAY_HOURS, cell_size_m: float | None = None,
             progress: ProgressFn | None = None, cancel: Any = None, title: str = "Heißer Tag",
             actor: str = ACTOR) -> HeatRunRecord:
    """Compute the day on ``project`` (seen in ``variant`` if given) and store the run (module docstring).

    ``progress(fraction, message)``; ``cancel`` is a callable returning True or an object with a
    ``cancelled`` attribute; cancelling raises :class:`~twin.errors.Cancelled` and stores nothing.
    """
    report = progress or (lambda f, m: None)
    is_cancelled = cancel_fn(cancel)

    def check() -> None:
        if is_cancelled():
            raise Cancelled("Hitzesimulation abgebrochen; es wurde nichts gespeichert.")

    wall0 = time.perf_counter()
    created = _dt.datetime.now(_dt.timezone.utc)
    report(0.0, "Gelände, Gebäude, Bäume und Oberflächen vorbereiten …")
    view = project_in_variant(project, variant)
    inputs, grid, info = heat_inputs(view, day, weather, hours, cell_size_m)
    check()
    report(0.05, f"Raster {grid.shape[1]} × {grid.shape[0]} Zellen à {grid.dx:g} m, {info['baeume']} Bäume")
    result = heat_day(inputs, progress=lambda text, share: report(0.05 + 0.85 * share, text),
                      cancel=is_cancelled)
    check()
    report(0.9, "Ergebnisse schreiben …")
    run_id = _run_id(created, day, variant)
    record = _record(run_id, created, title, variant, day, weather, result, grid, info,
                     time.perf_counter() - wall0)
    _store(project, record, grid, result, check, actor)
    report(1.0, f"Fertig: Hitze-Lauf {run_id}, Rechenzeit {time.perf_counter() - wall0:.1f} s".replace(".", ","))
    return record


def _record(run_id: str, created: _dt.datetime, title: str, variant: str | None, day: _dt.date, weather: HotDay,
            r: HeatResult, grid: SolverGrid, info: dict[str, Any], wall: float) -> HeatRunRecord:
    cell = grid.dx * grid.dx
    counts = np.bincount(r.stress_max[r.stress_max >= 0].astype(np.int64), minlength=len(STRESS_CLASSES))
    areas = {STRESS_CLASSES[k][2]: float(counts[k] * cell) for k in range(len(STRESS_CLASSES)) if counts[k]}
    finite = np.isfinite(r.utci_max)
    return HeatRunRecord(
        run_id=run_id, title=title, created=created.isoformat(timespec="seconds"), variant=variant,
        day=day.isoformat(), hours=list(r.hours),
        weather={"bezeichnung": weather.label, "lufttemperatur_c": list(weather.ta), "feuchte_prozent": list(weather.rh),
                 "wind_10m_m_s": list(weather.va10)},
        sun=[{"zeit": s.time.isoformat(), "hoehe_grad": s.elevation_deg, "azimut_grad": s.azimuth_deg,
              "ghi": s.ghi, "dni": s.dni, "dhi": s.dhi} for s in r.suns],
        inputs=info,
        params={"modell": "SOLWEIG-artig (Lindberg et al. 2008), UTCI (pythermalcomfort)",
                "rechenzeit_s": dict(r.timings),
                "klassen": [{"von": lo, "bis": hi, "bezeichnung": de} for lo, hi, de, _ in STRESS_CLASSES]},
        rasters={k: (RESULT_DIR / run_id / name).as_posix() for k, name in RASTER_FILES.items()},
        class_area_m2=areas, strong_heat_m2=float(counts[STRONG_HEAT:].sum() * cell),
        utci_max_c=float(r.utci_max[finite].max()) if finite.any() else float("nan"), wall_s=wall,
    )


def _store(project: Project, record: HeatRunRecord, grid: SolverGrid, r: HeatResult, check, actor: str) -> None:
    """COGs into a scratch folder, then row, register and the folder move in one transaction."""
    store = project.store
    with staged_folder(project.root / RESULT_DIR / record.run_id) as stage:
        _write(stage.path, r, grid, check)
        check()
        with store.transaction():
            for schema in HEAT_LAYERS:
                store.create_layer(schema)
            store.upsert(HEAT_RUNS.name, [Feature(record.to_attrs())], actor=actor)
            for key, name in RASTER_FILES.items():
                store.register_raster(name=raster_name(record.run_id, key),
                                      kind=KIND_MAP if key in MAP_KEYS else KIND_RESULT, provenance_id=None,
                                      path=record.rasters[key], crs=grid.crs, bounds=grid.bounds,
                                      resolution=(grid.dx, grid.dx), sha256=file_sha256(stage.path / name))
            check()
            stage.place()


def _write(folder: Path, r: HeatResult, grid: SolverGrid, check: Callable[[], None]) -> None:
    hours = [f"{h:g} Uhr" for h in r.hours]
    f = RASTER_FILES
    items = (
        (f["svf"], lambda: r.svf.total, -1.0, ["Himmelssichtfaktor"]),
        (f["schatten"], lambda: list(r.sun), -1.0, hours),
        (f["tmrt"], lambda: list(r.tmrt), np.nan, hours),
        (f["utci"], lambda: list(r.utci), np.nan, hours),
        (f["klasse"], lambda: [stress_class(u) for u in r.utci], -1, hours),
        (f["tmrt_max"], lambda: r.tmrt_max, np.nan, ["Tmrt Tagesmaximum"]),
        (f["utci_max"], lambda: r.utci_max, np.nan, ["UTCI Tagesmaximum"]),
        (f["klasse_max"], lambda: r.stress_max, -1, ["Belastungsklasse am Tagesmaximum"]),
    )
    for name, bands, nodata, descriptions in items:
        check()
        rasters.write_cog(folder / name, bands(), transform=grid.transform, crs=grid.crs, nodata=nodata,
                          descriptions=descriptions)


def _run_id(created: _dt.datetime, day: _dt.date, variant: str | None) -> str:
    digest = hashlib.sha1(f"{created.isoformat()}{day}{variant}{time.perf_counter_ns()}".encode()).hexdigest()[:6]
    return f"hz_{created:%Y%m%dT%H%M%S}_{digest}"
