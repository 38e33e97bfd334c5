"""Sensor benchmark: storing and querying 1000 sensors × 1 year of 15-minute values; SensorThings and MQTT
ingest rates.

* **Store** – ``twin.sensors.series`` (one row per sensor and UTC day, blobs) in a project GeoPackage
  against the obvious **peer**: a SQLite row table ``(sensor, t, value)`` with primary key ``(sensor, t)``
  ``WITHOUT ROWID`` (what a plain time-series table in the same file format is), ``INSERT OR IGNORE`` in
  one transaction per sensor. Ingest rate, file size, the latest value of every sensor (peer: one index
  seek per sensor, its fastest form) and one sensor's week, median of 5 queries.
* **SensorThings** – ``ingest_sensorthings`` from a loopback server (the tests' FROST subset, pages of
  1000) into a fresh project; peer: only fetching and decoding the same pages (``urllib`` + ``json``),
  the floor of any client.
* **MQTT** – ChirpStack uplinks (QoS 1) through a local Mosquitto into ``MqttIngest`` (poll every 0.5 s)
  until all are stored; peer: a bare paho subscriber that only counts the messages.

    python -m bench.bench_sensors            # 1000 sensors × 365 days; 100 000 SensorThings obs.; 20 000 MQTT msgs
    python -m bench.bench_sensors --quick    # small (smoke test)
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

T0 = 1_767_225_600  # 2026-01-01 00:00 UTC
Q = 900


def _mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def store_phase(work: Path, n_sensors: int, days: int) -> tuple[list[list[str]], dict]:
    from shapely.geometry import Point

    from twin.model.sensors import SENSORS
    from twin.project import Project
    from twin.sensors import series
    from twin.store import Feature

    per = days * 86400 // Q
    t = T0 + Q * np.arange(per, dtype=np.int64)
    rng = np.random.default_rng(1)
    values = [np.round(rng.normal(25, 5, per), 2) for _ in range(min(n_sensors, 16))]
    ids = [f"S{k:04d}" for k in range(n_sensors)]
    p = Project.create(work / "ours", crs=25832, name="Bench", extent=(690000.0, 5335000.0, 691000.0, 5336000.0))
    store = p.store
    store.create_layer(SENSORS)
    store.upsert(SENSORS.name, [Feature({"sensor_id": s, "art": "bodenfeuchte"}, Point(690500, 5335500)) for s in ids])
    t_ours = time.perf_counter()
    for k, sid in enumerate(ids):
        series.append(store, sid, t, values[k % len(values)])
    t_ours = time.perf_counter() - t_ours
    n_obs = series.count(store)
    lat_ours = [_timed(lambda: series.latest(store, ids)) for _ in range(5)]
    newest = series.latest(store, ids)
    week = (int(t[per // 2]), int(t[per // 2]) + 7 * 86400)
    win_ours = [_timed(lambda: series.window(store, ids[-1], *week)) for _ in range(5)]
    p.close()
    size_ours = _mb(work / "ours" / "twin.gpkg")

    db = work / "peer.sqlite"
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE obs (sensor TEXT NOT NULL, t INTEGER NOT NULL, value REAL NOT NULL, "
                "PRIMARY KEY (sensor, t)) WITHOUT ROWID")
    t_peer = time.perf_counter()
    for k, sid in enumerate(ids):
        v = values[k % len(values)]
        with con:
            con.executemany("INSERT OR IGNORE INTO obs VALUES (?, ?, ?)", zip([sid] * per, t.tolist(), v.tolist()))
    t_peer = time.perf_counter() - t_peer

    def peer_latest():
        return {s: con.execute("SELECT t, value FROM obs WHERE sensor = ? ORDER BY t DESC LIMIT 1", (s,)).fetchone()
                for s in ids}

    lat_peer = [_timed(peer_latest) for _ in range(5)]
    got = peer_latest()
    assert all(tuple(got[s]) == newest[s] for s in ids), "Peer und ours liefern verschiedene neueste Werte"
    win_peer = [_timed(lambda: con.execute("SELECT t, value FROM obs WHERE sensor = ? AND t >= ? AND t < ? "
                                           "ORDER BY t", (ids[-1], *week)).fetchall()) for _ in range(5)]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size_peer = _mb(db)
    med = lambda xs: float(np.median(xs))  # noqa: E731
    rows = [
        ["ours: twz_sensor_series (Tag je Zeile, Blobs)", f"{n_obs:,}".replace(",", " "), f"{n_obs / t_ours / 1e6:.2f}",
         f"{size_ours:.0f}", f"{med(lat_ours) * 1e3:.1f}", f"{med(win_ours) * 1e3:.2f}"],
        ["peer: SQLite (sensor, t, value) WITHOUT ROWID", f"{n_obs:,}".replace(",", " "), f"{n_obs / t_peer / 1e6:.2f}",
         f"{size_peer:.0f}", f"{med(lat_peer) * 1e3:.1f}", f"{med(win_peer) * 1e3:.2f}"],
    ]
    return rows, {"n_sensors": n_sensors, "days": days, "obs": n_obs, "ingest_s": [t_ours, t_peer],
                  "size_mb": [size_ours, size_peer], "latest_s": [lat_ours, lat_peer], "week_s": [win_ours, win_peer]}


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def sta_phase(work: Path, streams: int, per_stream: int) -> tuple[list[list[str]], dict]:
    from importers.sensors.sensorthings import ingest_sensorthings
    from tests.sta_server import StaData, StaServer
    from twin.project import Project

    data = StaData()
    for k in range(streams):
        data.add_stream(100 + k, f"Boden {k}", "Soil moisture", "%", (11.55, 48.13))
        for i in range(per_stream):
            data.add_observation(100 + k, T0 + Q * i, 20.0 + (i % 50) / 10)
    server = StaServer(data, page_size=1000)
    try:
        p = Project.create(work / "sta", crs=25832, name="Bench", extent=(690000.0, 5335000.0, 691000.0, 5336000.0))
        t_ours = _timed(lambda: ingest_sensorthings(p, server.url))
        p.close()

        def fetch_only():
            n = 0
            for k in range(streams):
                url = (f"{server.url}/Datastreams({100 + k})/Observations?%24orderby=phenomenonTime+asc&%24top=1000")
                while url:
                    with urllib.request.urlopen(url) as r:
                        page = json.loads(r.read())
                    n += len(page["value"])
                    url = page.get("@iot.nextLink")
            return n

        t_peer = _timed(fetch_only)
    finally:
        server.close()
    n = streams * per_stream
    rows = [["ours: ingest_sensorthings (abrufen, prüfen, speichern)", f"{n:,}".replace(",", " "), f"{t_ours:.2f}",
             f"{n / t_ours:,.0f}".replace(",", " ")],
            ["peer: nur abrufen + json.loads (urllib)", f"{n:,}".replace(",", " "), f"{t_peer:.2f}",
             f"{n / t_peer:,.0f}".replace(",", " ")]]
    return rows, {"obs": n, "seconds": [t_ours, t_peer]}


def mqtt_phase(work: Path, n_msgs: int) -> tuple[list[list[str]], dict]:
    import paho.mqtt.client as mqtt
    from shapely.geometry import Point

    from importers.sensors.mqtt import MqttIngest
    from tests.mosquitto import Broker
    from twin.model.sensors import SENSORS
    from twin.project import Project
    from twin.sensors import series
    from twin.store import Feature

    devs = [f"A8404100{k:08X}" for k in range(50)]
    payloads = [json.dumps({"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(T0 + Q * (i // len(devs)))),
                            "deviceInfo": {"devEui": devs[i % len(devs)]},
                            "object": {"soil_moisture": 20 + i % 13}}).encode() for i in range(n_msgs)]
    broker = Broker(work / "broker")
    broker.start()

    def publish():
        pub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="bench-pub")
        pub.max_inflight_messages_set(100)
        pub.connect("127.0.0.1", broker.port)
        pub.loop_start()
        infos = [pub.publish("application/1/device/x/event/up", pl, qos=1) for pl in payloads]
        for info in infos:
            info.wait_for_publish(60)
        pub.disconnect()
        pub.loop_stop()

    try:
        p = Project.create(work / "mqtt", crs=25832, name="Bench", extent=(690000.0, 5335000.0, 691000.0, 5336000.0))
        p.store.create_layer(SENSORS)
        p.store.upsert(SENSORS.name, [Feature({"sensor_id": d, "art": "bodenfeuchte", "quelle": "mqtt",
                                               "quelle_kennung": f"{d}/soil_moisture"}, Point(690500, 5335500))
                                      for d in devs])
        job = MqttIngest(p, "127.0.0.1", broker.port, topics=["application/+/device/+/event/up"], client_id="bench")
        job.start()
        job.wait_connected(20)
        t0 = time.perf_counter()
        th = threading.Thread(target=publish)
        th.start()
        while series.count(p.store) < n_msgs and time.perf_counter() - t0 < 300:
            time.sleep(0.5)
            job.poll()
        t_ours = time.perf_counter() - t0
        th.join()
        job.stop()
        stored = series.count(p.store)
        p.close()

        count = {"n": 0}
        done = threading.Event()

        def on_message(c, u, m):
            count["n"] += 1
            if count["n"] >= n_msgs:
                done.set()

        sub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="bench-sub")
        sub.on_message = on_message
        sub.connect("127.0.0.1", broker.port)
        sub.subscribe("application/+/device/+/event/up", qos=1)
        sub.loop_start()
        time.sleep(0.5)
        t0 = time.perf_counter()
        th = threading.Thread(target=publish)
        th.start()
        done.wait(300)
        t_peer = time.perf_counter() - t0
        th.join()
        sub.disconnect()
        sub.loop_stop()
    finally:
        broker.stop()
    rows = [["ours: MqttIngest (empfangen, prüfen, speichern, Abfrage alle 0,5 s)", f"{stored:,}".replace(",", " "),
             f"{t_ours:.2f}", f"{stored / t_ours:,.0f}".replace(",", " ")],
            ["peer: paho-Abonnent, der nur zählt", f"{count['n']:,}".replace(",", " "), f"{t_peer:.2f}",
             f"{count['n'] / t_peer:,.0f}".replace(",", " ")]]
    return rows, {"messages": n_msgs, "stored": stored, "seconds": [t_ours, t_peer]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--sensors", type=int, default=1000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--phases", default="store,sta,mqtt", help="Teile, durch Komma getrennt")
    args = ap.parse_args(argv)
    from bench.synth import machine_info, markdown_table, print_table, write_json, write_text

    n_sensors, days = (20, 10) if args.quick else (args.sensors, args.days)
    streams, per_stream = (3, 500) if args.quick else (20, 5000)
    n_msgs = 500 if args.quick else 20000
    out = {"machine": machine_info()}
    md = []
    with tempfile.TemporaryDirectory(prefix="bench-sensors-") as tmp:
        work = Path(tmp)
        h1 = ["Variante", "Beobachtungen", "Einlesen [Mio./s]", "Datei [MB]", "neuester Wert aller Sensoren [ms]",
              "1 Sensor, 1 Woche [ms]"]
        phases = set(args.phases.split(","))
        if "store" in phases:
            rows, out["store"] = store_phase(work, n_sensors, days)
            title = f"Sensoren: {n_sensors} Sensoren × {days} Tage à 15 min im Datenbestand (GeoPackage)"
            print_table(title, h1, rows, ["Median aus 5 Abfragen; der Peer sucht je Sensor den neuesten Wert über "
                                          "den Primärschlüssel (schnellste Form in SQLite)."])
            md += [f"### {title}", markdown_table(h1, rows)]
        h2 = ["Variante", "Beobachtungen", "Zeit [s]", "Beobachtungen/s"]
        if "sta" in phases:
            rows, out["sensorthings"] = sta_phase(work, streams, per_stream)
            title = f"SensorThings: {streams} Datastreams × {per_stream} Beobachtungen, Seiten à 1000, Loopback"
            print_table(title, h2, rows)
            md += [f"### {title}", markdown_table(h2, rows)]
        if "mqtt" in phases:
            rows, out["mqtt"] = mqtt_phase(work, n_msgs)
            title = f"MQTT: {n_msgs} ChirpStack-Uplinks (QoS 1) über Mosquitto, 50 Geräte"
            print_table(title, h2, rows)
            md += [f"### {title}", markdown_table(h2, rows)]
    suffix = ".quick" if args.quick else ""
    write_json(f"bench_sensors{suffix}.json", out)
    write_text(f"bench_sensors{suffix}.md", "\n\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
