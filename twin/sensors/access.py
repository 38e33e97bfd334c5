"""Sensor data as one role sees it: observations only of sensors the role's policy shows.

The policy decides the ``sensors`` layer like any other (columns, and row rules such as "only these
kinds" for the Bürgerzwilling). Every read here first asks the role session – in SQL, with the role's
row rules – which sensors it may see and reads series only of those, so a sewer sensor's levels never
leave the store for a role that may not see that sensor.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from twin.errors import AccessDenied
from twin.model.sensors import SENSORS
from twin.policy.session import RoleSession
from twin.sensors import series
from twin.store.base import Feature


def visible_sensors(session: RoleSession) -> list[Feature]:
    """The sensors the role may see (visible columns only)."""
    if not session.store.has_layer(SENSORS.name):
        return []
    if not session.can_read(SENSORS.name):
        raise AccessDenied(f"Sensordaten sind im {session.title} nicht freigegeben.")
    return session.features(SENSORS.name)


def latest(session: RoleSession, sensor_ids: Iterable[str] | None = None) -> dict[str, tuple[int, float]]:
    """Newest (time, value) per visible sensor; ``sensor_ids`` narrows the set (invisible ones are left out)."""
    ids = {f.attrs[SENSORS.key] for f in visible_sensors(session)}
    if sensor_ids is not None:
        ids &= set(sensor_ids)
    return series.latest(session.store, ids)


def window(session: RoleSession, sensor_id: str, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """Observations of one sensor in ``[start, end)``; :class:`AccessDenied` if the role may not see it."""
    if not session.store.has_layer(SENSORS.name) or session.get(SENSORS.name, sensor_id) is None:
        raise AccessDenied(f"Sensor '{sensor_id}' ist im {session.title} nicht sichtbar oder existiert nicht.")
    return series.window(session.store, sensor_id, start, end)
