"""Heavy-rain simulation (Starkregen) of a project: scenario → solver grid → run → stored results.

Typical use::

    sc = HeavyRainScenario(title="T100 D60", kostra_file="kostra.csv", return_period_a=100, duration_min=60,
                           cell_size_m=5)
    rec = run_heavy_rain(project, sc, progress=print)
    release_run(project, rec.run_id, public=True)      # hazard map into the Bürgerzwilling
    times, depths, bounds = depth_series(project, rec.run_id)

The solver is :func:`twin.sim.flood.run_flood`; grid rules in :mod:`.grid` and :mod:`.surfaces`, outputs
(hazard classes 0.1/0.3/0.5/1.0 m, COGs, affected buildings, flooded roads) in :mod:`.outputs`.
"""

from twin.sim.heavy_rain.hyetograph_csv import read_hyetograph_csv, read_series_csv
from twin.sim.heavy_rain.outputs import HAZARD_LABELS, HAZARD_LIMITS_M, hazard_classes
from twin.sim.heavy_rain.record import (
    KIND_HAZARD, KIND_RESULT, RASTER_KEYS, RunNotFound, RunRecord, depth_series, list_runs, load_run, release_run,
)
from twin.sim.heavy_rain.run import run_heavy_rain
from twin.sim.heavy_rain.scenario import HeavyRainScenario, InflowSpec, ScenarioError

__all__ = [
    "HAZARD_LABELS", "HAZARD_LIMITS_M", "HeavyRainScenario", "KIND_HAZARD", "KIND_RESULT", "RASTER_KEYS",
    "InflowSpec", "RunNotFound", "RunRecord", "ScenarioError", "depth_series", "hazard_classes", "list_runs",
    "load_run", "read_hyetograph_csv", "read_series_csv", "release_run", "run_heavy_rain",
]
