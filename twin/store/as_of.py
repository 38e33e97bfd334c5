"""A layer as it was at a past time, rebuilt from the audit history (reverse deltas).

The history keeps, per change, the old values (an update: the changed fields, geometry as WKT; a
delete: the whole row); so walking back from the current rows over every change after the time and
putting the old values back gives the layer at that time. Attribute values put back come from JSON:
dates are ISO strings there.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import shapely

from twin.store.base import Feature, Store


def history_time(when: date | datetime | str) -> str:
    """The history's time form (UTC ISO with 'Z') of a date (its end), a datetime or a string."""
    if isinstance(when, str):
        return when
    if isinstance(when, datetime):
        if when.tzinfo is not None:
            when = when.astimezone(timezone.utc).replace(tzinfo=None)
        return when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return f"{when.isoformat()}T23:59:59.999Z"


def features_as_of(store: Store, layer: str, when: date | datetime | str) -> list[Feature]:
    """The features of ``layer`` at ``when`` (a date means the end of that day, UTC)."""
    at = history_time(when)
    key = store.schema(layer).key
    state: dict[str, Feature] = {str(f.attrs[key]): f for f in store.features(layer)}
    later = [h for h in store.history(layer) if h["at"] > at]
    for h in reversed(later):
        k = str(h["feature_key"])
        if h["action"] == "insert":
            state.pop(k, None)
        elif h["action"] == "delete":
            state[k] = _feature(dict(h["old_values"] or {}))
        elif h["action"] == "update" and k in state:
            old = dict(h["old_values"] or {})
            f = state[k]
            geom = shapely.from_wkt(old.pop("geometry")) if "geometry" in old else f.geometry
            state[k] = Feature({**f.attrs, **old}, geom, f.fid)
    return list(state.values())


def _feature(values: dict[str, Any]) -> Feature:
    wkt = values.pop("geometry", None)
    return Feature(values, shapely.from_wkt(wkt) if wkt else None)
