"""Observations from CSV exports (a logger's or a platform's download): sensor, time, value per line.

Columns are found by name (``sensor``/``sensor_id``/``messstelle``, ``zeit``/``zeitpunkt``/``time``/
``timestamp``/``phenomenonTime``, ``wert``/``value``/``result``), separator ``;`` or ``,``, decimal comma
allowed. Times in ISO 8601 (with offset, or without = local time Europe/Berlin) or ``TT.MM.JJJJ hh:mm``
(local). The sensors must exist in the store (SensorThings, MQTT or the sensor list); lines of unknown
sensors, without a time or a number are skipped and listed with their line number. The file lands in
one transaction with its provenance; times the store already has are duplicates.
"""

from __future__ import annotations

import csv
import io
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from importers.base import ImportReport, Problem, ProgressFn
from twin.errors import FormatError, TwinIOError
from twin.files import file_sha256
from twin.model.sensors import SENSORS
from twin.project import Project
from twin.sensors import series

IMPORTER = "sensor_csv"
LOCAL = ZoneInfo("Europe/Berlin")
_COLUMNS = {
    "sensor": ("sensor_id", "sensor", "messstelle", "sensorid", "id"),
    "zeit": ("zeit", "zeitpunkt", "datum_zeit", "time", "timestamp", "phenomenontime", "datetime"),
    "wert": ("wert", "messwert", "value", "result"),
}


def parse_local_time(text: str) -> int:
    """Unix seconds of ISO 8601 (naive = Europe/Berlin) or ``TT.MM.JJJJ hh:mm[:ss]`` (Europe/Berlin)."""
    s = text.strip()
    for fmt in ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M"):
        try:
            return int(datetime.strptime(s, fmt).replace(tzinfo=LOCAL).timestamp())
        except ValueError:
            pass
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        raise ValueError(f"Zeit '{text}' ist weder ISO 8601 noch TT.MM.JJJJ hh:mm") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=LOCAL)
    return int(dt.timestamp())


def _number(text: str) -> float:
    s = text.strip().replace("\u2212", "-")
    if "," in s and "." not in s:
        s = s.replace(",", ".")
    v = float(s)
    if not np.isfinite(v):
        raise ValueError
    return v


def import_sensor_csv(project: Project, path: str | Path, *, actor: str = "system",
                      progress: ProgressFn | None = None) -> ImportReport:
    """Import the observations of ``path`` into the project's store; see the module docstring."""
    t0 = time.perf_counter()
    path = Path(path)
    report = ImportReport(path=str(path), importer=IMPORTER)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TwinIOError(f"{path}: Datei nicht lesbar ({exc.strerror or exc}).") from exc
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FormatError(f"{path}: Zeichenkodierung nicht erkannt (weder UTF-8 noch Windows-1252).")
    lines = text.splitlines()
    if not lines:
        raise FormatError(f"{path}: Die Datei ist leer.")
    delim = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    header = [h.strip().lower() for h in next(reader)]
    idx = {}
    for role, names in _COLUMNS.items():
        hit = next((header.index(n) for n in names if n in header), None)
        if hit is None:
            raise FormatError(f"{path}, Zeile 1: Spalte für '{role}' fehlt (erwartet eine von: {', '.join(names)}; "
                              f"gefunden: {', '.join(header)}).")
        idx[role] = hit
    store = project.store
    known = set(store.keys(SENSORS.name)) if store.has_layer(SENSORS.name) else set()
    data: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for lineno, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        try:
            if len(row) <= max(idx.values()):
                raise ValueError(f"nur {len(row)} Spalten")
            sid = row[idx["sensor"]].strip()
            if sid not in known:
                raise ValueError(f"Sensor '{sid}' ist im Datenbestand nicht bekannt")
            t = parse_local_time(row[idx["zeit"]])
            try:
                v = _number(row[idx["wert"]])
            except ValueError:
                raise ValueError(f"Wert '{row[idx['wert']]}' ist keine Zahl") from None
        except ValueError as exc:
            report.problems.append(Problem(f"{exc}; übersprungen", line=lineno))
            continue
        data[sid][0].append(t)
        data[sid][1].append(v)
    if progress:
        progress(0.8, "Speichern …")
    result = series.AppendResult()
    report.sha256 = file_sha256(path)
    with store.transaction():
        for sid, (times, values) in sorted(data.items()):
            result += series.append(store, sid, times, values)
        report.counts = {"sensoren": len(data), "beobachtungen_neu": result.new,
                         "beobachtungen_doppelt": result.duplicates, "zeilen_fehlerhaft": len(report.problems)}
        report.provenance_id = store.record_provenance(source_file=str(path), sha256=report.sha256,
                                                       importer=IMPORTER, counts=report.counts, actor=actor)
    report.seconds = time.perf_counter() - t0
    if progress:
        progress(1.0, report.summary())
    return report
