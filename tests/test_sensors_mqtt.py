"""MQTT ingest against a real Mosquitto broker: LoRaWAN uplinks (ChirpStack, TTN), plain JSON, malformed
messages, a broker that goes away and comes back, no duplicates."""

from __future__ import annotations

import json
import socket
import threading
import time

import paho.mqtt.client as mqtt
import pytest
from shapely.geometry import Point

from importers.sensors.mqtt import MqttIngest, parse_message
from tests.mosquitto import Broker
from twin.model.sensors import SENSORS
from twin.sensors import series
from twin.store import Feature

DEV = "A84041000181C0DE"
T0 = 1_780_000_200


def _iso(t: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def chirpstack(t: int, moisture, temp=18.5) -> bytes:
    return json.dumps({"deduplicationId": "x", "time": _iso(t),
                       "deviceInfo": {"devEui": DEV.lower(), "deviceName": "Linde B0006"},
                       "object": {"soil_moisture": moisture, "soil_temperature": temp}}).encode()


def _publish(port: int, items: list[tuple[str, bytes]], retain: bool = False) -> None:
    pub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="test-publisher")
    pub.connect("127.0.0.1", port)
    pub.loop_start()
    for topic, payload in items:
        pub.publish(topic, payload, qos=1, retain=retain).wait_for_publish(10)
    pub.disconnect()
    pub.loop_stop()


def _wait(cond, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError("Zeitüberschreitung")
        time.sleep(0.05)


def test_parse_message_formats_and_reasons():
    readings, skipped = parse_message(chirpstack(T0, 23.5, "kaputt"))
    assert [(r.kennung, r.t, r.value) for r in readings] == [(f"{DEV}/soil_moisture", T0, 23.5)]
    assert "soil_temperature" in skipped[0] and "keine Zahl" in skipped[0]
    ttn = {"end_device_ids": {"dev_eui": DEV}, "uplink_message": {"received_at": _iso(T0) ,
                                                                   "decoded_payload": {"level": {"pct": 81}}}}
    assert [(r.kennung, r.value) for r in parse_message(json.dumps(ttn).encode())[0]] == [(f"{DEV}/level.pct", 81.0)]
    plain = parse_message(b'{"sensor_id": "KA-17", "time": "2026-05-28T20:30:00Z", "value": 80.5}')[0][0]
    assert (plain.sensor_id, plain.t, plain.value) == ("KA-17", T0, 80.5)
    for bad, reason in ((b"{nicht json", "kein JSON"), (b"[1, 2]", "kein Objekt"), (b'{"a": 1}', "weder"),
                        (b'{"deviceInfo": {"devEui": "01"}, "time": "2026-05-28T20:30:00Z"}', "keine dekodierten"),
                        (b'{"sensor_id": "X", "time": "2026-05-28T20:30:00Z", "value": "hoch"}', "keine Zahl"),
                        (b'{"sensor_id": "X", "value": 1}', "keine Zeitangabe")):
        with pytest.raises(ValueError, match=reason):
            parse_message(bad)


def test_mqtt_ingest_survives_broker_restart_without_loss_or_duplicates(new_project, tmp_path, caplog):
    project = new_project()
    store = project.store
    store.create_layer(SENSORS)
    store.upsert(SENSORS.name, [
        Feature({"sensor_id": "BF-B0006", "art": "bodenfeuchte", "einheit": "%", "quelle": "mqtt",
                 "quelle_kennung": f"{DEV}/soil_moisture", "objekt_layer": "trees", "objekt_schluessel": "B0006"},
                Point(690210, 5335480)),
        Feature({"sensor_id": "KA-17", "art": "kanal_fuellstand", "einheit": "%", "quelle": "mqtt"},
                Point(690700, 5335300)),
    ])
    broker = Broker(tmp_path / "broker")
    broker.start()
    ingest = MqttIngest(project, "127.0.0.1", broker.port, topics=["application/+/device/+/event/up", "sensoren/#"],
                        client_id="stadtzwilling-test")
    try:
        ingest.start()
        assert ingest.wait_connected(20)
        up = "application/7/device/a84041000181c0de/event/up"
        batch1 = [(up, chirpstack(T0 + 900 * k, 30.0 - k)) for k in range(20)]
        batch1 += [(up, b"\x00\x01 kein json"), ("sensoren/kanal", b'{"sensor_id": "KA-17", "time": "'
                                                   + _iso(T0).encode() + b'", "value": 81}'),
                   ("sensoren/kanal", b'{"sensor_id": "KA-99", "time": "' + _iso(T0).encode() + b'", "value": 5}')]
        _publish(broker.port, batch1)
        _wait(lambda: ingest.stats.messages == len(batch1))
        r1 = ingest.poll()
        assert (r1.new, r1.duplicates) == (21, 0)
        assert ingest.stats.rejected == 1 and ingest.stats.unmatched == 21  # 20 soil temperatures + KA-99
        assert sum("soil_temperature" in p for p in ingest.stats.problems) == 1  # one line per unknown sensor
        assert any("kein JSON" in p for p in ingest.stats.problems)
        assert any("KA-99" in p for p in ingest.stats.problems)
        assert any("kein JSON" in rec.getMessage() for rec in caplog.records)
        # the broker goes away; the ingest keeps running and reconnects when it is back
        broker.stop()
        _wait(lambda: not ingest.connected)
        broker.start()
        _wait(lambda: ingest.connected)
        assert ingest.stats.connects == 2 and ingest.stats.disconnects == 1
        assert ingest.poll().new == 0
        # the twin is closed; what arrives meanwhile the broker keeps for its persistent session
        ingest.stop()
        batch2 = [(up, chirpstack(T0 + 900 * k, 50.0 + k)) for k in range(20, 30)] + batch1[:3]  # 3 again
        _publish(broker.port, batch2)
        ingest = MqttIngest(project, "127.0.0.1", broker.port, topics=["application/+/device/+/event/up"],
                            client_id="stadtzwilling-test")
        ingest.start()
        _wait(lambda: ingest.stats.messages == len(batch2))
        r2 = ingest.poll()
        assert (r2.new, r2.duplicates) == (10, 3)
    finally:
        rest = ingest.stop()
        broker.stop()
    assert rest.new == 0 and ingest.stats.connects >= 1
    t, v = series.window(store, "BF-B0006", 0, 2**31)
    assert t.tolist() == [T0 + 900 * k for k in range(30)]
    assert v.tolist() == [30.0 - k for k in range(20)] + [50.0 + k for k in range(20, 30)]
    assert series.latest(store, ["KA-17"]) == {"KA-17": (T0, 81.0)}


class _HoldingRelay:
    """TCP relay in front of the real broker that holds the client's packets after the broker's first answer
    (CONNACK) until :attr:`release` is set: the SUBSCRIBE reaches the broker late, as on a busy machine."""

    def __init__(self, broker_port: int) -> None:
        self.broker_port = broker_port
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.answered, self.release = threading.Event(), threading.Event()
        self.sockets: list[socket.socket] = [self.server]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            client, _ = self.server.accept()
        except OSError:
            return
        upstream = socket.create_connection(("127.0.0.1", self.broker_port))
        self.sockets += [client, upstream]
        threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()
        self._pipe(client, upstream, True)

    def _pipe(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        try:
            while data := src.recv(65536):
                if from_client and self.answered.is_set():
                    self.release.wait()
                if not from_client:
                    self.answered.set()
                dst.sendall(data)
        except OSError:
            pass

    def close(self) -> None:
        self.release.set()
        for s in self.sockets:
            s.close()


def test_connected_only_once_the_broker_has_acknowledged_the_subscription(new_project, tmp_path):
    """``connected`` must wait for the SUBACK: a message published after ``wait_connected`` but before the
    broker knows the subscription would reach nobody (seen on a loaded CI machine: 9 of 20 uplinks lost)."""
    project = new_project()
    project.store.create_layer(SENSORS)
    project.store.upsert(SENSORS.name, [Feature({"sensor_id": "KA-17", "art": "kanal_fuellstand", "quelle": "mqtt"},
                                                Point(690700, 5335300))])
    broker = Broker(tmp_path / "broker")
    broker.start()
    relay = _HoldingRelay(broker.port)
    ingest = MqttIngest(project, "127.0.0.1", relay.port, topics=["sensoren/#"], client_id="spaeter-abonnent")
    try:
        ingest.start()
        assert relay.answered.wait(20)  # CONNACK is through, the SUBSCRIBE is held
        assert not ingest.wait_connected(1.0)
        relay.release.set()
        assert ingest.wait_connected(20)
        _publish(broker.port, [("sensoren/k", b'{"sensor_id": "KA-17", "time": "' + _iso(T0).encode()
                                + b'", "value": 80}')])
        _wait(lambda: ingest.stats.messages == 1)
    finally:
        ingest.stop()
        relay.close()
        broker.stop()
    assert ingest.stats.problems == [] and ingest.stats.stored == 1


def test_cli_mqtt_runs_for_a_while_and_stores(project_dir, tmp_path):
    from typer.testing import CliRunner

    from cli.main import app
    from twin.project import Project

    with Project.open(project_dir) as p:
        p.store.create_layer(SENSORS)
        p.store.upsert(SENSORS.name, [Feature({"sensor_id": "KA-17", "art": "kanal_fuellstand", "quelle": "mqtt"},
                                              Point(690700, 5335300))])
    broker = Broker(tmp_path / "b")
    broker.start()

    def later():  # retained: the CLI gets both also if it subscribes only after they were published
        time.sleep(2.0)
        _publish(broker.port, [("sensoren/k1", b'{"sensor_id": "KA-17", "time": "2026-05-28T20:30:00Z", "value": 80}'),
                               ("sensoren/k2", b"kaputt")], retain=True)

    th = threading.Thread(target=later)
    th.start()
    try:
        res = CliRunner().invoke(app, ["sensoren", "mqtt", str(project_dir), "--port", str(broker.port),
                                       "--topic", "sensoren/#", "--dauer", "6", "--takt", "1"],
                                 env={"COLUMNS": "200"})
    finally:
        th.join()
        broker.stop()
    assert res.exit_code == 0, res.output
    assert "gespeichert: 1 neu" in res.output and "verworfen 1" in res.output and "kein JSON" in res.output
    with Project.open(project_dir) as p:
        assert series.latest(p.store, ["KA-17"]) == {"KA-17": (T0, 80.0)}
