"""Running a heavy-rain scenario on a project (or a planning variant) and storing the results.

Everything a run writes – the rows of ``flood_runs``, ``flood_affected_buildings`` and ``flooded_roads``,
the raster register and the COGs in ``rasters/starkregen/<run_id>/`` – lands in one store transaction:
the COGs are written into a hidden temporary folder first and moved into place as the transaction's
last step, so a failed or cancelled run leaves store and rasters as they were.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon

from twin.cancel import cancel_fn
from twin.errors import Cancelled
from twin.files import file_sha256, staged_folder
from twin.model.flood import FLOOD_AFFECTED_BUILDINGS, FLOOD_LAYERS, FLOOD_RUNS, FLOODED_ROADS
from twin.project import Project
from twin.sim.flood import Boundary, FloodInputs, FloodParams, Inflow, TimeSeries, run_flood
from twin.sim.heavy_rain.grid import SolverGrid, build_grid
from twin.sim.heavy_rain.outputs import (
    HAZARD_LIMITS_M, HAZARD_NODATA, NODATA, WET_M, affected_buildings, flooded_roads, hazard_classes, raster_entry,
    write_cog,
)
from twin.sim.heavy_rain.record import KIND_HAZARD, KIND_RESULT, RunRecord, raster_name
from twin.sim.heavy_rain.scenario import HeavyRainScenario, InflowSpec, ScenarioError
from twin.sim.losses import LossModel, LossParameters
from twin.sim.rain import Hyetograph
from twin.store.base import Feature
from twin.variants.read import project_in_variant

ProgressFn = Callable[[float, str], None]
ACTOR = "Starkregensimulation"
RESULT_DIR = Path("rasters") / "starkregen"
#: at most this many bytes of depth snapshots are kept (the interval grows for large grids)
SNAPSHOT_BYTES = 512 * 1024 * 1024


def run_heavy_rain(project: Project, scenario: HeavyRainScenario, progress: ProgressFn | None = None,
                   cancel: Any = None, *, actor: str = ACTOR) -> RunRecord:
    """Simulate ``scenario`` on ``project`` (in ``scenario.variant`` if set) and store the run.

    ``progress(fraction, message)``; ``cancel`` is a callable returning True or an object with a
    ``cancelled`` attribute (e.g. :class:`importers.base.CancelToken`); cancelling raises
    :class:`~twin.errors.Cancelled` and writes nothing. ``project`` is the project itself (results are
    written to it), not a variant view.
    """
    report = progress or (lambda f, m: None)
    is_cancelled = cancel_fn(cancel)

    def check() -> None:
        if is_cancelled():
            raise Cancelled("Starkregensimulation abgebrochen; es wurde nichts gespeichert.")

    wall0 = time.perf_counter()
    created = datetime.now(timezone.utc)
    report(0.0, "Regen und Raster vorbereiten …")
    rain = scenario.rain(project.root)
    view = project_in_variant(project, scenario.variant)
    grid = build_grid(view, scenario.cell_size_m)
    check()
    inputs, params, losses = _solver_inputs(grid, rain, scenario)
    duration = params.duration
    report(0.05, f"Raster {grid.shape[1]} × {grid.shape[0]} Zellen à {grid.dx:g} m, Simulation startet …")

    def on_step(t: float, wall: float) -> None:
        report(0.05 + 0.85 * min(t / duration, 1.0),
               f"Modellzeit {_mmss(t)} von {_mmss(duration)} min, Rechenzeit {_fmt(wall, 1)} s")

    result = run_flood(inputs, params, on_step, is_cancelled)
    check()
    report(0.9, "Ergebnisse schreiben …")
    run_id = _run_id(created, scenario)
    wall = time.perf_counter() - wall0      # preparation and simulation (without writing the results)
    record = _record(project, run_id, created, scenario, grid, rain, losses, params, result, wall)
    _store(project, record, grid, result, check, actor)
    report(1.0, f"Fertig: Lauf {run_id}, Rechenzeit {_fmt(time.perf_counter() - wall0, 1)} s")
    return record


# --------------------------------------------------------------------------- inputs
def _solver_inputs(grid: SolverGrid, rain: Hyetograph, sc: HeavyRainScenario
                   ) -> tuple[FloodInputs, FloodParams, LossModel]:
    """Gross rain as blocks (m/s), per-block runoff fractions from the loss model, sink, boundaries."""
    n = len(rain.depths_mm)
    times = np.arange(n + 1) * rain.dt_s
    gross = np.concatenate([rain.intensities_m_s, [0.0]])
    losses = LossModel(grid.sealing, LossParameters(soil_class=sc.soil))
    frac = np.zeros((n + 1, *grid.shape), dtype=np.float32)
    for k in range(n):
        frac[k] = losses.runoff_fraction(gross[k], rain.dt_s)
    frac[:, grid.blocked] = 0.0
    sink = grid.sealing * (sc.sink_mm_h / 1000.0 / 3600.0)
    side = Boundary(kind=sc.boundary)
    inputs = FloodInputs(z=grid.z, dx=grid.dx, manning=grid.manning, rain=TimeSeries(times, gross),
                         runoff_fraction=frac, sink_capacity=sink, blocked=grid.blocked,
                         inflows=[_inflow(grid, f) for f in sc.inflows],
                         boundaries={s: side for s in ("west", "east", "north", "south")})
    duration = rain.duration_s + sc.after_min * 60.0
    cells = grid.shape[0] * grid.shape[1]
    interval = max(sc.snapshot_interval_s, duration / max(2, SNAPSHOT_BYTES // (4 * cells)))
    params = FloodParams(duration=duration, output_interval=interval, keep_snapshots=True,
                         dtype=np.float32 if sc.precision == "float32" else np.float64)
    return inputs, params, losses


def _inflow(grid: SolverGrid, spec: InflowSpec) -> Inflow:
    """The grid cell of a point inflow; German error if it lies outside the grid or in a building."""
    t = grid.transform
    col = math.floor((spec.x - t.c) / t.a)
    row = math.floor((spec.y - t.f) / t.e)
    where = f"Zufluss '{spec.name}' bei ({spec.x:.1f}, {spec.y:.1f})"
    if not (0 <= row < grid.shape[0] and 0 <= col < grid.shape[1]):
        raise ScenarioError(f"{where} liegt außerhalb des Rechengebiets {_fmt_bounds(grid.bounds)}.")
    if grid.blocked[row, col]:
        raise ScenarioError(f"{where} liegt in einem Gebäude oder in einer Zelle ohne Höhe.")
    minutes = np.array([p[0] for p in spec.hydrograph], dtype=float)
    return Inflow(row, col, TimeSeries(minutes * 60.0, np.array([p[1] for p in spec.hydrograph], dtype=float)))


def _fmt_bounds(b: tuple[float, float, float, float]) -> str:
    return f"{b[0]:.0f}–{b[2]:.0f} / {b[1]:.0f}–{b[3]:.0f}"


# --------------------------------------------------------------------------- record
def _record(project: Project, run_id: str, created: datetime, sc: HeavyRainScenario, grid: SolverGrid,
            rain: Hyetograph, losses: LossModel, params: FloodParams, result, wall: float) -> RunRecord:
    b = result.balance
    balance = {"regen_abfluss_m3": b.rain, "verluste_m3": b.losses, "zufluss_m3": b.inflow, "kanal_m3": b.sink,
               "rand_zufluss_m3": b.boundary_in, "rand_abfluss_m3": b.boundary_out,
               "speicher_anfang_m3": b.storage_start, "speicher_ende_m3": b.storage_end,
               "niederschlag_brutto_m3": b.rain + b.losses, "fehler_m3": b.error,
               "relativer_fehler": b.relative_error}
    kostra = sc.kostra_path(project.root)
    inputs = dict(grid.info)
    inputs["regen"] = {**{k: v for k, v in rain.description.items()}, "blocklaenge_s": rain.dt_s,
                       "bloecke_mm": [float(x) for x in rain.depths_mm]}
    if kostra is not None:
        inputs["kostra"] = {"datei": str(sc.kostra_file), "sha256": file_sha256(kostra)}
    inputs["verluste"] = losses.describe()
    inputs["kanal_mm_h_auf_versiegelter_flaeche"] = sc.sink_mm_h
    rasters = {k: (RESULT_DIR / run_id / f"{k}.tif").as_posix()
               for k in ("max_tiefe", "max_geschwindigkeit", "zeit_max", "gefahrenklassen", "tiefe_verlauf")}
    par = {"solver": "lokal-inertial (Bates et al. 2010, de Almeida et al. 2012)", "dauer_s": params.duration,
           "alpha": params.alpha, "alpha_wirksam": float(result.alpha), "theta": params.theta, "dt_max_s": params.dt_max,
           "ausgabeintervall_s": params.output_interval, "h_fluss_min_m": params.h_flux_min,
           "h_geschwindigkeit_min_m": params.h_velocity_min, "g": params.g,
           "implizit_ab_tiefe_m": params.implicit_depth, "implizit_toleranz_m": params.implicit_tol,
           "implizite_zellen_max": int(result.implicit_cells),
           "genauigkeit": np.dtype(params.dtype).name, "schritte": int(result.steps), "rand": sc.boundary,
           "gefahrenklassen_grenzen_m": list(HAZARD_LIMITS_M)}
    open_cells = ~grid.blocked
    hmax = np.where(open_cells, result.max_depth, 0.0)
    return RunRecord(
        run_id=run_id, title=sc.title, created=created.isoformat(timespec="seconds"), variant=sc.variant,
        scenario=sc.to_dict(), inputs=inputs, params=par, balance=balance, rasters=rasters,
        snapshot_times=[float(t) for t, _ in result.snapshots], affected_buildings=0, flooded_roads=0,
        wall_s=wall, released=False, max_depth_m=float(hmax.max()) if hmax.size else 0.0,
    )


def _store(project: Project, record: RunRecord, grid: SolverGrid, result, check, actor: str) -> None:
    """Write COGs to a temporary folder, then rows, register and the folder move in one transaction."""
    store = project.store
    with staged_folder(project.root / RESULT_DIR / record.run_id) as stage:
        tmp = stage.path
        open_cells = ~grid.blocked
        hmax = np.where(open_cells, result.max_depth, NODATA).astype(np.float32)
        vmax = np.where(open_cells, result.max_speed, NODATA).astype(np.float32)
        tmax = np.where(open_cells & (result.max_depth >= WET_M), result.time_of_max_depth / 60.0,
                        NODATA).astype(np.float32)
        haz = np.where(open_cells, hazard_classes(result.max_depth), HAZARD_NODATA).astype(np.uint8)
        snaps = result.snapshots or [(result.t, result.h)]
        series = (np.where(open_cells, h, NODATA).astype(np.float32) for _, h in snaps)
        files = {"max_tiefe": hmax, "max_geschwindigkeit": vmax, "zeit_max": tmax, "gefahrenklassen": haz,
                 "tiefe_verlauf": series}
        for key, data in files.items():
            check()
            write_cog(tmp / f"{key}.tif", data, grid, nodata=HAZARD_NODATA if key == "gefahrenklassen" else NODATA,
                      descriptions=[f"{t:g}" for t, _ in snaps] if key == "tiefe_verlauf" else None)
        depth = np.where(open_cells, result.max_depth, 0.0)
        buildings = affected_buildings(grid, depth, record.run_id)
        roads = flooded_roads(grid, depth, record.run_id)
        record.affected_buildings, record.flooded_roads = len(buildings), len(roads)
        check()
        with store.transaction():
            for schema in FLOOD_LAYERS:
                store.create_layer(schema)
            store.upsert(FLOOD_RUNS.name, [Feature(record.to_attrs())], actor=actor)
            store.upsert(FLOOD_AFFECTED_BUILDINGS.name, [_multi(f) for f in buildings], actor=actor)
            store.upsert(FLOODED_ROADS.name, [_multi(f) for f in roads], actor=actor)
            for key in files:
                rel = record.rasters[key]
                entry = raster_entry(tmp / f"{key}.tif", rel, grid)
                store.register_raster(name=raster_name(record.run_id, key),
                                      kind=KIND_HAZARD if key == "gefahrenklassen" else KIND_RESULT,
                                      provenance_id=None, **entry)
            check()
            stage.place()


# --------------------------------------------------------------------------- helpers
def _multi(f: Feature) -> Feature:
    g = f.geometry
    if g is not None and g.geom_type != "MultiPolygon":
        polys = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
        parts = [q for p in polys for q in (p.geoms if p.geom_type == "MultiPolygon" else [p])]
        g = MultiPolygon(parts) if parts else None
    return Feature(f.attrs, g)


def _run_id(created: datetime, sc: HeavyRainScenario) -> str:
    digest = hashlib.sha1((created.isoformat() + json.dumps(sc.to_dict(), sort_keys=True)
                           + str(time.perf_counter_ns())).encode()).hexdigest()[:6]
    return f"sr_{created.strftime('%Y%m%dT%H%M%S')}_{digest}"


def _mmss(seconds: float) -> str:
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}:{s:02d}"


def _fmt(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")
