"""Sensor values in the 3D view (no Qt): the sensors layer coloured by the value at a chosen time, and the
features a sensor rule holds for as marks.

:func:`load_sensor_series` reads the observations of the sensors a role may see for a period (default: the
last 14 days up to the newest value) once; a time slider then only asks :meth:`SensorSeries.colours_at`,
which looks up the newest value at or before that time (older than :data:`MAX_AGE`: no value, grey).
Colours follow a fixed ramp per kind (:data:`RAMPS`), so the same colour means the same value on every
day. :func:`rule_marks` places a mark over every feature a rule holds for (the tree to water, or the
sensor itself when it belongs to no feature).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyvista as pv
import shapely

from layers.style import hex_rgba
from twin.config import LayerConfig, StyleConfig
from twin.model.sensors import KINDS, SENSORS
from twin.policy.session import RoleSession
from twin.sensors import access
from twin.sensors.rules import Match

DAY = 86400
#: a value older than this at the slider's time is not shown (the sensor is grey)
MAX_AGE = 6 * 3600
#: colour of a sensor without a value at the chosen time
NO_VALUE = "#9e9e9e"
#: per kind: value at the low and the high end of the ramp, colour there
RAMPS: dict[str, tuple[float, float, str, str]] = {
    "bodenfeuchte": (10.0, 40.0, "#d95f02", "#1f78b4"),  # dry orange … wet blue
    "luftfeuchte": (20.0, 100.0, "#e6a23c", "#1f78b4"),
    "bodentemperatur": (0.0, 30.0, "#2c7bb6", "#d7191c"),
    "lufttemperatur": (-10.0, 35.0, "#2c7bb6", "#d7191c"),
    "oberflaechentemperatur": (0.0, 50.0, "#2c7bb6", "#d7191c"),
    "kanal_fuellstand": (0.0, 100.0, "#1a9850", "#d73027"),  # empty green … full red
    "kanal_wasserstand": (0.0, 2.0, "#1a9850", "#d73027"),
}
#: the sensors layer of a project that declares none (``build_scene`` adds it when the store has sensors)
SENSOR_LAYER = LayerConfig(
    name="sensors", title="Sensoren", kind="points", source=SENSORS.name,
    style=StyleConfig(by="art", classes={"bodenfeuchte": "#1f78b4", "kanal_fuellstand": "#6a3d9a",
                                         "kanal_wasserstand": "#6a3d9a", "oberflaechentemperatur": "#e31a1c",
                                         "lufttemperatur": "#fb9a99", "bodentemperatur": "#ff7f00"},
                      default_color="#17becf"))
#: marks over features a rule holds for: height above the ground (m)
MARK_LIFT = 2.0


def value_colours(kinds: Sequence[str], values: np.ndarray) -> np.ndarray:
    """RGBA (uint8) per sensor from its kind's ramp; NaN (no value) is grey."""
    values = np.asarray(values, dtype=float)
    out = np.tile(hex_rgba(NO_VALUE), (len(kinds), 1))
    for i, (kind, v) in enumerate(zip(kinds, values)):
        if not np.isfinite(v) or kind not in RAMPS:
            continue
        lo, hi, c_lo, c_hi = RAMPS[kind]
        f = float(np.clip((v - lo) / (hi - lo), 0.0, 1.0))
        out[i] = np.round(hex_rgba(c_lo) * (1 - f) + hex_rgba(c_hi) * f).astype(np.uint8)
    return out


def legend(kind: str) -> tuple[str, str, float, float, str, str]:
    """(title, unit, low, high, colour low, colour high) of a kind's ramp."""
    title, unit = KINDS.get(kind, (kind, ""))
    lo, hi, c_lo, c_hi = RAMPS.get(kind, (0.0, 1.0, NO_VALUE, NO_VALUE))
    return title, unit, lo, hi, c_lo, c_hi


@dataclass
class SensorSeries:
    """Observations of the visible sensors in ``[start, end]`` (Unix seconds), one array pair per sensor."""

    start: int
    end: int
    ids: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    times: list[np.ndarray] = field(default_factory=list)
    values: list[np.ndarray] = field(default_factory=list)

    def index(self, sensor_id: str) -> int:
        return self.ids.index(sensor_id)

    def values_at(self, t: int, max_age: int = MAX_AGE) -> np.ndarray:
        """Newest value at or before ``t`` per sensor (NaN: none, or older than ``max_age``)."""
        out = np.full(len(self.ids), np.nan)
        for i, (ts, vs) in enumerate(zip(self.times, self.values)):
            k = int(np.searchsorted(ts, t, side="right")) - 1
            if k >= 0 and t - ts[k] <= max_age:
                out[i] = vs[k]
        return out

    def colours_at(self, t: int, order: Sequence[str] | None = None) -> np.ndarray:
        """RGBA per sensor at ``t``, in the order of ``order`` (e.g. the keys of the scene layer)."""
        rgba = value_colours(self.kinds, self.values_at(t))
        if order is None:
            return rgba
        pos = {sid: i for i, sid in enumerate(self.ids)}
        grey = hex_rgba(NO_VALUE)
        return np.array([rgba[pos[k]] if k in pos else grey for k in order], dtype=np.uint8).reshape(len(order), 4)

    def kinds_present(self) -> list[str]:
        return sorted(set(self.kinds))


def load_sensor_series(session: RoleSession, *, days: float = 14.0, end: int | None = None) -> SensorSeries:
    """The series of every sensor ``session`` may see, ``days`` back from ``end`` (default: the newest value,
    or now when there is none). Reads through :mod:`twin.sensors.access` (the role's policy)."""
    sensors = access.visible_sensors(session)
    if end is None:
        newest = access.latest(session)
        end = max((t for t, _ in newest.values()), default=int(time.time()))
    start = int(end - days * DAY)
    out = SensorSeries(start=start, end=int(end))
    for f in sorted(sensors, key=lambda f: f.attrs[SENSORS.key]):
        sid = f.attrs[SENSORS.key]
        t, v = access.window(session, sid, start, int(end) + 1)
        out.ids.append(sid)
        out.kinds.append(f.attrs.get("art") or "")
        out.units.append(f.attrs.get("einheit") or KINDS.get(f.attrs.get("art") or "", ("", ""))[1])
        out.names.append(f.attrs.get("name") or sid)
        out.times.append(t)
        out.values.append(v)
    return out


def rule_marks(project, session: RoleSession, matches: Sequence[Match], origin: np.ndarray) -> tuple[pv.PolyData, list[Match]]:
    """One vertex per match over its feature (or its sensor), ``MARK_LIFT`` above the ground, in local
    coordinates; returns the marks and the matches they stand for (features the role cannot see are left out)."""
    from layers.points import ground_heights

    xy, kept = [], []
    for m in matches:
        geom = None
        if m.objekt_layer and m.objekt_schluessel and session.can_read(m.objekt_layer):
            feat = session.get(m.objekt_layer, m.objekt_schluessel)
            geom = feat.geometry if feat is not None else None
        if geom is None or geom.is_empty:
            sensor = session.get(SENSORS.name, m.sensor_id)
            geom = sensor.geometry if sensor is not None else None
        if geom is None or geom.is_empty:
            continue
        p = shapely.centroid(geom) if geom.geom_type != "Point" else geom
        xy.append((p.x, p.y))
        kept.append(m)
    if not xy:
        return pv.PolyData(), []
    xy_arr = np.array(xy, dtype=float)
    z = ground_heights(project, xy_arr) + MARK_LIFT
    local = np.column_stack([xy_arr[:, 0] - origin[0], xy_arr[:, 1] - origin[1], z - origin[2]])
    return pv.PolyData(local), kept
