"""OGC SensorThings API (FROST-style servers): Datastreams become sensors, Observations their series.

One run reads the Datastreams with their Thing, Locations and ObservedProperty, then per Datastream
the Observations newer than what the store already has (``$filter=phenomenonTime gt …``, ascending),
following ``@iot.nextLink`` page by page. Everything is fetched first and then written in one store
transaction with a provenance row: a server that fails half-way leaves the store untouched, and the
next run starts again from the last stored observation. Observations the store already has count as
duplicates; malformed ones (no number, no time) are skipped and listed with their Datastream and
``@iot.id``.

Mapping: sensor id ``<prefix><Datastream @iot.id>`` (or the Datastream's ``properties.sensor_id``);
kind from ``properties.art`` or the ObservedProperty (:mod:`importers.sensors.kinds`); unit from
``unitOfMeasurement.symbol``; location from the Thing's first GeoJSON Point location (WGS 84), moved
into the project CRS; the feature it belongs to from the Thing's properties ``objekt_layer`` and
``objekt_schluessel`` (or ``baumnummer`` for a tree).
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import numpy as np
from pyproj import CRS
from shapely.geometry import Point

from importers.base import ImportReport, Problem, ProgressFn
from importers.sensors.kinds import kind_of
from twin.crs import Reprojector
from twin.errors import Cancelled, FormatError, TwinIOError
from twin.model.sensors import KINDS, SENSORS
from twin.project import Project
from twin.sensors import series
from twin.store import Feature

IMPORTER = "sensorthings"
_WGS84 = CRS.from_epsg(4326)


def parse_time(value: Any) -> int:
    """Unix seconds of an ISO 8601 instant; of a period ``start/end`` its end. Naive times count as UTC."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"keine Zeitangabe ({value!r})")
    text = value.strip().split("/")[-1]
    dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return int(dt.timestamp())


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Client:
    """GET JSON pages from the server, following ``@iot.nextLink``."""

    def __init__(self, base: str, timeout: float, cancel: Callable[[], bool] | None) -> None:
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.cancel = cancel
        self.digest = hashlib.sha256()
        self.requests = 0

    def get(self, url: str) -> dict[str, Any]:
        if self.cancel is not None and self.cancel():
            raise Cancelled("SensorThings-Abruf abgebrochen; es wurde nichts gespeichert.")
        req = urllib.request.Request(url, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            raise TwinIOError(f"SensorThings-Server {url}: HTTP {exc.code} {exc.reason}; es wurde nichts "
                              "gespeichert.") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise TwinIOError(f"SensorThings-Server {url} nicht erreichbar ({reason}); es wurde nichts "
                              "gespeichert.") from exc
        self.requests += 1
        self.digest.update(body)
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise FormatError(f"SensorThings-Server {url}: Antwort ist kein JSON ({exc}).") from exc
        if not isinstance(data, dict) or not isinstance(data.get("value", []), list):
            raise FormatError(f"SensorThings-Server {url}: Antwort ohne Liste 'value' – ist das ein "
                              "SensorThings-Endpunkt (…/v1.1)?")
        return data

    def pages(self, path: str, query: dict[str, str]):
        url = f"{self.base}/{path}?{urllib.parse.urlencode(query, safe='$(),;=')}"
        while url:
            data = self.get(url)
            yield data.get("value", [])
            url = data.get("@iot.nextLink")
            if url and not urllib.parse.urlparse(url).scheme:
                url = urllib.parse.urljoin(self.base + "/", url)


def _location(thing: dict[str, Any]) -> tuple[float, float] | None:
    for loc in thing.get("Locations") or []:
        geo = loc.get("location") if isinstance(loc, dict) else None
        if isinstance(geo, dict) and geo.get("type") == "Feature":
            geo = geo.get("geometry")
        if isinstance(geo, dict) and geo.get("type") == "Point":
            c = geo.get("coordinates") or []
            if len(c) >= 2 and all(isinstance(v, (int, float)) for v in c[:2]):
                return float(c[0]), float(c[1])
    return None


def _sensor(ds: dict[str, Any], prefix: str, base: str, to_project: Reprojector,
            problems: list[Problem]) -> Feature | None:
    ds_id = ds.get("@iot.id")
    props = ds.get("properties") or {}
    thing = ds.get("Thing") or {}
    tprops = thing.get("properties") or {}
    op = ds.get("ObservedProperty") or {}
    label = f"Datastream {ds_id} ('{ds.get('name', '')}')"
    kind = kind_of(op.get("name"), op.get("definition"), explicit=props.get("art"))
    if kind is None:
        problems.append(Problem(f"Messgröße '{op.get('name') or op.get('definition')}' ist keiner bekannten "
                                f"zugeordnet ({', '.join(KINDS)}); nicht übernommen", feature=label))
        return None
    lonlat = _location(thing)
    if lonlat is None:
        problems.append(Problem("das Thing hat keinen Punkt als Location; nicht übernommen", feature=label))
        return None
    xy = to_project(np.array([lonlat]))[0]
    layer, key = tprops.get("objekt_layer"), tprops.get("objekt_schluessel")
    if not key and tprops.get("baumnummer"):
        layer, key = "trees", tprops["baumnummer"]
    unit = (ds.get("unitOfMeasurement") or {}).get("symbol") or KINDS[kind][1]
    return Feature({
        "sensor_id": str(props.get("sensor_id") or f"{prefix}{ds_id}"),
        "name": ds.get("name") or thing.get("name"),
        "art": kind, "einheit": unit,
        "objekt_layer": layer, "objekt_schluessel": None if key is None else str(key),
        "quelle": IMPORTER, "quelle_kennung": str(ds_id), "quelle_url": base,
        "beschreibung": ds.get("description") or thing.get("description"),
    }, Point(float(xy[0]), float(xy[1])))


def _observations(client: _Client, ds_id: Any, since: int | None, label: str, page_size: int,
                  problems: list[Problem]) -> tuple[list[int], list[float]]:
    query = {"$orderby": "phenomenonTime asc", "$top": str(page_size),
             "$select": "@iot.id,phenomenonTime,result"}
    if since is not None:
        query["$filter"] = f"phenomenonTime gt {iso(since)}"
    key = f"'{ds_id}'" if isinstance(ds_id, str) else str(ds_id)
    times: list[int] = []
    values: list[float] = []
    for page in client.pages(f"Datastreams({key})/Observations", query):
        for obs in page:
            oid = obs.get("@iot.id") if isinstance(obs, dict) else None
            try:
                if not isinstance(obs, dict):
                    raise ValueError("keine Beobachtung (kein JSON-Objekt)")
                t = parse_time(obs.get("phenomenonTime"))
                result = obs.get("result")
                if isinstance(result, bool) or not isinstance(result, (int, float, str)):
                    raise ValueError(f"Ergebnis {result!r} ist keine Zahl")
                try:
                    value = float(result)
                except ValueError:
                    raise ValueError(f"Ergebnis {result!r} ist keine Zahl") from None
                if not np.isfinite(value):
                    raise ValueError(f"Ergebnis {result!r} ist keine endliche Zahl")
            except ValueError as exc:
                problems.append(Problem(f"Beobachtung {oid}: {exc}; übersprungen", feature=label))
                continue
            times.append(t)
            values.append(value)
    return times, values


def ingest_sensorthings(project: Project, url: str, *, prefix: str = "sta-", page_size: int = 1000,
                        timeout: float = 30.0, actor: str = "system", progress: ProgressFn | None = None,
                        cancel: Callable[[], bool] | None = None) -> ImportReport:
    """Read new observations of every Datastream of the SensorThings service at ``url`` (e.g.
    ``https://host/FROST-Server/v1.1``) into the project's store; see the module docstring."""
    t0 = time.perf_counter()
    report = ImportReport(path=url, importer=IMPORTER, source_crs="EPSG:4326")
    client = _Client(url, timeout, cancel)
    to_project = Reprojector(_WGS84, project.crs)
    say = progress or (lambda f, m: None)
    say(0.0, "Datastreams werden gelesen …")
    streams: list[dict[str, Any]] = []
    for page in client.pages("Datastreams", {"$expand": "Thing($expand=Locations),ObservedProperty",
                                             "$top": "100"}):
        streams.extend(d for d in page if isinstance(d, dict))
    sensors: list[tuple[Feature, dict[str, Any]]] = []
    for ds in streams:
        f = _sensor(ds, prefix, client.base, to_project, report.problems)
        if f is not None:
            sensors.append((f, ds))
    skipped_streams = len(report.problems)  # problems so far are Datastreams; the rest are observations
    store = project.store
    known = series.latest(store, [f.attrs["sensor_id"] for f, _ in sensors])
    fetched: list[tuple[str, list[int], list[float]]] = []
    for k, (f, ds) in enumerate(sensors):
        sid = f.attrs["sensor_id"]
        say(0.05 + 0.85 * k / max(len(sensors), 1), f"Beobachtungen von {sid} ({k + 1}/{len(sensors)}) …")
        since = known.get(sid, (None, None))[0]
        label = f"Datastream {ds.get('@iot.id')} ('{ds.get('name', '')}')"
        fetched.append((sid, *_observations(client, ds.get("@iot.id"), since, label, page_size, report.problems)))
    say(0.92, "Speichern …")
    result = series.AppendResult()
    with store.transaction():
        store.create_layer(SENSORS)
        upserted = store.upsert(SENSORS.name, [f for f, _ in sensors], actor=actor) if sensors else None
        for sid, times, values in fetched:
            result += series.append(store, sid, times, values)
        report.counts = {"sensoren": len(sensors), "neue_sensoren": upserted.inserted if upserted else 0,
                         "beobachtungen_neu": result.new, "beobachtungen_doppelt": result.duplicates,
                         "beobachtungen_fehlerhaft": len(report.problems) - skipped_streams,
                         "anfragen": client.requests}
        report.sha256 = client.digest.hexdigest()
        report.provenance_id = store.record_provenance(
            source_file=url, sha256=report.sha256, importer=IMPORTER, counts=report.counts, actor=actor,
            source_crs="EPSG:4326")
    report.seconds = time.perf_counter() - t0
    say(1.0, report.summary())
    return report
