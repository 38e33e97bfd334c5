"""Sensors of the sample municipality (synthetic, clearly marked as such): soil moisture in the pits of six
trees, a surface temperature on the market square and a level sensor in a sewer manhole, with 15-minute
values for the last days up to the moment the sample is built – so that the work list of the sample
always has "today". Two trees have been dry for days (the rule „Baum gießen“ holds), one soil sensor has
not reported for 12 hours (no decision), the sewer level rose above 80 % in the last hour.
"""

from __future__ import annotations

import time

import numpy as np
from shapely.geometry import Point

from twin.model.sensors import KINDS, SENSORS
from twin.model.sewer import SEWER_NODES
from twin.model.trees import TREES
from twin.project import Project
from twin.sensors import series
from twin.store.base import Feature

STEP = 900  # 15 minutes
SOURCE = "beispiel"


def _diurnal(t: np.ndarray, amplitude: float, peak_hour: float = 14.0) -> np.ndarray:
    hours = (t % 86400) / 3600.0 + 1.0  # CET
    return amplitude * np.cos((hours - peak_hour) / 24.0 * 2 * np.pi)


def add_sample_sensors(project: Project, *, end: int | None = None, days: int = 14, actor: str = "beispiel") -> int:
    """Add the sample sensors and their observations (``days`` up to ``end``, default now); returns the count
    of observations written. Needs the sample's trees (and uses its first manhole if there is one)."""
    store = project.store
    end = int(end if end is not None else time.time()) // STEP * STEP
    t = np.arange(end - days * 86400, end + 1, STEP, dtype=np.int64)
    rng = np.random.default_rng(7)
    trees = sorted(store.features(TREES.name), key=lambda f: f.attrs[TREES.key])[:6] if store.has_layer(TREES.name) else []
    sensors: list[tuple[Feature, np.ndarray, np.ndarray]] = []

    def sensor(sid: str, name: str, kind: str, at: Point, layer: str | None, key: str | None,
               times: np.ndarray, values: np.ndarray) -> None:
        attrs = {"sensor_id": sid, "name": name, "art": kind, "einheit": KINDS[kind][1], "objekt_layer": layer,
                 "objekt_schluessel": key, "quelle": SOURCE, "quelle_kennung": sid,
                 "beschreibung": "Beispieldaten (synthetisch)"}
        sensors.append((Feature(attrs, at), times, np.round(values, 2)))

    drying = np.linspace(0.0, 1.0, t.size)
    for i, tree in enumerate(trees):
        key = str(tree.attrs[TREES.key])
        p = tree.geometry
        # moisture falls slowly; trees 0 and 1 have been below 20 % for more than two days
        level = 34.0 - (22.0 if i < 2 else 8.0 + 2 * i) * drying + _diurnal(t, 1.2) + rng.normal(0, 0.4, t.size)
        times = t if i != 5 else t[t <= end - 12 * 3600]  # the sixth sensor is silent for 12 hours
        sensor(f"bf-{key}", f"Bodenfeuchte Baum {key}", "bodenfeuchte", Point(p.x + 1.5, p.y), TREES.name, key,
               times, level[: times.size])
    x0, y0, x1, y1 = project.config.project.extent or (0.0, 0.0, 0.0, 0.0)
    surface = 8.0 + _diurnal(t, 9.0) + rng.normal(0, 0.8, t.size)
    sensor("ot-marktplatz", "Oberflächentemperatur Marktplatz", "oberflaechentemperatur",
           Point((x0 + x1) / 2, (y0 + y1) / 2), None, None, t, surface)
    nodes = sorted(store.features(SEWER_NODES.name), key=lambda f: f.attrs[SEWER_NODES.key]) \
        if store.has_layer(SEWER_NODES.name) else []
    node = next((n for n in nodes if n.geometry is not None and not n.geometry.is_empty), None)
    if node is not None:
        level = 35.0 + 10.0 * np.sin(np.arange(t.size) / 40.0) + rng.normal(0, 1.5, t.size)
        level[-4:] = [78.0, 83.0, 86.0, 88.0]  # heavy rain in the last hour
        p = shapely_point(node.geometry)
        sensor(f"kf-{node.attrs[SEWER_NODES.key]}", f"Füllstand Schacht {node.attrs[SEWER_NODES.key]}",
               "kanal_fuellstand", p, SEWER_NODES.name, str(node.attrs[SEWER_NODES.key]), t, level)
    written = 0
    with store.transaction():
        store.create_layer(SENSORS)
        store.upsert(SENSORS.name, [f for f, _, _ in sensors], actor=actor)
        for f, times, values in sensors:
            written += series.append(store, f.attrs[SENSORS.key], times, values).new
    return written


def shapely_point(geom) -> Point:
    """A 2D point of a (possibly 3D) geometry: the point itself or the centroid."""
    p = geom if geom.geom_type == "Point" else geom.centroid
    return Point(p.x, p.y)
