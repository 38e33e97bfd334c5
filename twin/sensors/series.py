"""Observation time series in the store: one row per sensor and UTC day, times and values as blobs.

A year of 15-minute values of 1000 sensors is 35 million observations; as rows they would cost a key,
a row id and an index entry each. Here a day of one sensor is one row of ``twz_sensor_series``:
``times`` (int32 seconds since midnight UTC, ascending, unique) and ``vals`` (float64), both
little-endian, plus the day's count and last time. Writing merges into the day's row (an observation
at a time already stored is a duplicate and leaves the row as it is), so an ingest can run again
without duplicates. The newest observation per sensor is kept in ``twz_sensor_latest`` (updated in
the same transaction when a write brings a newer one), so the latest values of all sensors are one
small read; a window reads the days it touches.

These functions see every sensor: reads for a role go through :mod:`twin.sensors.access`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa

from twin.errors import StoreError
from twin.store.base import Store

TABLE = "twz_sensor_series"
LATEST = "twz_sensor_latest"
DAY = 86400
_T = np.dtype("<i4")
_V = np.dtype("<f8")


def table(store: Store) -> sa.Table:
    """The series table of ``store`` (defined on its metadata; created by :func:`ensure_table`)."""
    if TABLE in store.meta.tables:
        return store.meta.tables[TABLE]
    return sa.Table(
        TABLE, store.meta,
        sa.Column("sensor_id", sa.Text, primary_key=True),
        sa.Column("day", sa.Integer, primary_key=True, autoincrement=False),  # days since 1970-01-01 UTC
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("t_last", sa.BigInteger, nullable=False),  # Unix seconds of the day's last observation
        sa.Column("times", sa.LargeBinary, nullable=False),
        sa.Column("vals", sa.LargeBinary, nullable=False),
    )


def latest_table(store: Store) -> sa.Table:
    """The newest observation per sensor (derived from the series, kept in step by :func:`append`)."""
    if LATEST in store.meta.tables:
        return store.meta.tables[LATEST]
    return sa.Table(
        LATEST, store.meta,
        sa.Column("sensor_id", sa.Text, primary_key=True),
        sa.Column("t", sa.BigInteger, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
    )


def ensure_table(store: Store) -> sa.Table:
    """Create the series tables if the store does not have them yet (in the current transaction)."""
    t = table(store)
    if not has_table(store):
        with store.transaction() as conn:
            for tab in (t, latest_table(store)):
                tab.create(conn)
                store._register_attribute_table(conn, tab.name)
    return t


def has_table(store: Store) -> bool:
    """Whether the store has the series table (remembered once it was seen outside a transaction that
    might still roll back its creation)."""
    if getattr(store, "_sensor_series_seen", False):
        return True
    with store.transaction() as conn:
        found = sa.inspect(conn).has_table(TABLE)
    if found and getattr(store._local, "conn", None) is None:
        store._sensor_series_seen = True
    return found


@dataclass
class AppendResult:
    """What :func:`append` did: observations new in the store and ones it already had."""

    new: int = 0
    duplicates: int = 0

    def __iadd__(self, other: "AppendResult") -> "AppendResult":
        self.new += other.new
        self.duplicates += other.duplicates
        return self


def append(store: Store, sensor_id: str, times: Sequence[int] | np.ndarray,
           values: Sequence[float] | np.ndarray) -> AppendResult:
    """Add observations (Unix seconds UTC, values) of one sensor; times already stored are duplicates
    (the stored value stays). Runs in the caller's transaction if there is one."""
    t = np.asarray(times, dtype=np.int64)
    v = np.asarray(values, dtype=np.float64)
    if t.shape != v.shape or t.ndim != 1:
        raise StoreError(f"Sensor '{sensor_id}': Zeiten und Werte passen nicht zusammen ({t.shape} / {v.shape}).")
    if not np.isfinite(v).all():
        raise StoreError(f"Sensor '{sensor_id}': Messwerte müssen endliche Zahlen sein.")
    result = AppendResult()
    if t.size == 0:
        return result
    order = np.argsort(t, kind="stable")
    t, v = t[order], v[order]
    first = np.ones(t.size, bool)
    first[1:] = t[1:] != t[:-1]
    result.duplicates += int((~first).sum())  # the same time twice in one batch: the first one counts
    t, v = t[first], v[first]
    tab = ensure_table(store)
    days = t // DAY
    bounds = np.flatnonzero(np.diff(days)) + 1
    with store.transaction() as conn:
        existing = {int(r.day): r for r in conn.execute(
            sa.select(tab.c.day, tab.c.times, tab.c.vals)
            .where(tab.c.sensor_id == sensor_id, tab.c.day.between(int(days[0]), int(days[-1]))))}
        inserts = []
        for part_t, part_v in zip(np.split(t, bounds), np.split(v, bounds)):
            day = int(part_t[0] // DAY)
            secs = (part_t - day * DAY).astype(_T)
            old = existing.get(day)
            if old is None:
                inserts.append({"sensor_id": sensor_id, "day": day, "n": int(secs.size),
                                "t_last": int(part_t[-1]), "times": secs.tobytes(), "vals": part_v.astype(_V).tobytes()})
                result.new += int(secs.size)
                continue
            ot = np.frombuffer(old.times, _T)
            ov = np.frombuffer(old.vals, _V)
            fresh = ~np.isin(secs, ot)
            result.duplicates += int((~fresh).sum())
            if not fresh.any():
                continue
            mt = np.concatenate([ot, secs[fresh]])
            mv = np.concatenate([ov, part_v[fresh]])
            o = np.argsort(mt, kind="stable")
            mt, mv = mt[o], mv[o]
            result.new += int(fresh.sum())
            conn.execute(sa.update(tab).where(tab.c.sensor_id == sensor_id, tab.c.day == day).values(
                n=int(mt.size), t_last=int(day * DAY + int(mt[-1])), times=mt.astype(_T).tobytes(),
                vals=mv.astype(_V).tobytes()))
        if inserts:
            conn.execute(sa.insert(tab), inserts)
        if result.new:
            lt = latest_table(store)
            newest = conn.execute(sa.select(lt.c.t).where(lt.c.sensor_id == sensor_id)).scalar_one_or_none()
            if newest is None:
                conn.execute(sa.insert(lt).values(sensor_id=sensor_id, t=int(t[-1]), value=float(v[-1])))
            elif int(t[-1]) > newest:
                conn.execute(sa.update(lt).where(lt.c.sensor_id == sensor_id).values(t=int(t[-1]), value=float(v[-1])))
    return result


def _decode(day: int, times: bytes, vals: bytes) -> tuple[np.ndarray, np.ndarray]:
    return np.frombuffer(times, _T).astype(np.int64) + day * DAY, np.frombuffer(vals, _V).copy()


def latest(store: Store, sensor_ids: Iterable[str]) -> dict[str, tuple[int, float]]:
    """(time, value) of the newest observation per sensor; sensors without observations are left out."""
    ids = sorted(set(sensor_ids))
    if not ids or not has_table(store):
        return {}
    lt = latest_table(store)
    out: dict[str, tuple[int, float]] = {}
    with store.transaction() as conn:
        for k in range(0, len(ids), 500):
            rows = conn.execute(sa.select(lt.c.sensor_id, lt.c.t, lt.c.value).where(lt.c.sensor_id.in_(ids[k:k + 500])))
            out.update((sid, (int(t), float(val))) for sid, t, val in rows)
    return out


def window(store: Store, sensor_id: str, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
    """Times (Unix seconds) and values of one sensor with ``start ≤ t < end``, ascending."""
    if end <= start or not has_table(store):
        return np.zeros(0, np.int64), np.zeros(0)
    tab = table(store)
    with store.transaction() as conn:
        rows = conn.execute(sa.select(tab.c.day, tab.c.times, tab.c.vals).where(
            tab.c.sensor_id == sensor_id, tab.c.day.between(start // DAY, (end - 1) // DAY)).order_by(tab.c.day)).all()
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0)
    parts = [_decode(int(r.day), r.times, r.vals) for r in rows]
    t = np.concatenate([p[0] for p in parts])
    v = np.concatenate([p[1] for p in parts])
    keep = (t >= start) & (t < end)
    return t[keep], v[keep]


def count(store: Store, sensor_ids: Iterable[str] | None = None) -> int:
    """Number of stored observations (of the given sensors, or all)."""
    if not has_table(store):
        return 0
    tab = table(store)
    q = sa.select(sa.func.coalesce(sa.func.sum(tab.c.n), 0))
    if sensor_ids is not None:
        q = q.where(tab.c.sensor_id.in_(sorted(set(sensor_ids))))
    with store.transaction() as conn:
        return int(conn.execute(q).scalar_one())
