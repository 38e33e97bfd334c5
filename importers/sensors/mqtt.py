"""MQTT: sensor uplinks from a LoRaWAN network server (ChirpStack v4, The Things Stack v3) or plain JSON.

:class:`MqttIngest` is a job a GUI or the CLI drives without blocking: :meth:`~MqttIngest.start`
connects in paho's network thread, :meth:`~MqttIngest.poll` writes what has arrived since the last
call in one store transaction, :meth:`~MqttIngest.stop` writes the rest and disconnects.

* **Nothing lost on a disconnect:** the client keeps a persistent session (fixed client id,
  ``clean_session=False``) and subscribes with QoS 1, so the broker holds the messages that arrive
  while the twin is away and delivers them after the reconnect (paho reconnects by itself, backing
  off up to 30 s). A message delivered twice is a duplicate in the store, not a second value.
* **Bad messages do not stop the ingest:** no JSON, no device or time, a value that is no number, a
  device field no sensor is registered for – each is logged (logger ``stadtzwilling.sensors.mqtt``)
  with topic and reason, counted, and skipped.

Matching: a sensor of the ``sensors`` layer with ``quelle = "mqtt"`` and ``quelle_kennung =
"<DevEUI>/<feld>"`` (DevEUI upper case, the field of the decoded payload, e.g. ``soil_moisture``) takes
that field's values; a plain JSON message ``{"sensor_id": …, "time": …, "value": …}`` names the sensor.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from importers.sensors.sensorthings import parse_time
from twin.errors import ImportFailed
from twin.model.sensors import SENSORS
from twin.project import Project
from twin.sensors import series

log = logging.getLogger("stadtzwilling.sensors.mqtt")
CHIRPSTACK_TOPIC = "application/+/device/+/event/up"
TTN_TOPIC = "v3/+/devices/+/up"


@dataclass
class Reading:
    """One value of one device field (``kennung`` = ``DEVEUI/feld``) or of a named sensor."""

    kennung: str
    t: int
    value: float
    sensor_id: str | None = None


def _numbers(obj: dict[str, Any], prefix: str = "") -> Iterable[tuple[str, Any]]:
    for k, v in obj.items():
        if isinstance(v, dict):
            yield from _numbers(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


def parse_message(payload: bytes) -> tuple[list[Reading], list[str]]:
    """Readings of one uplink message and the reasons for the parts that could not be read.
    Raises :class:`ValueError` for a message that is unusable as a whole."""
    try:
        msg = json.loads(payload)
    except ValueError:
        raise ValueError("kein JSON") from None
    if not isinstance(msg, dict):
        raise ValueError("JSON ist kein Objekt")
    if "sensor_id" in msg:  # plain JSON: one value of a named sensor
        value = msg.get("value", msg.get("wert"))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
            raise ValueError(f"Wert {value!r} ist keine Zahl")
        return [Reading("", parse_time(msg.get("time", msg.get("zeit"))), float(value), str(msg["sensor_id"]))], []
    if isinstance(msg.get("deviceInfo"), dict):  # ChirpStack v4
        dev = msg["deviceInfo"].get("devEui")
        when, decoded = msg.get("time"), msg.get("object")
    elif isinstance(msg.get("end_device_ids"), dict):  # The Things Stack v3
        up = msg.get("uplink_message") or {}
        dev = msg["end_device_ids"].get("dev_eui")
        when, decoded = up.get("received_at") or msg.get("received_at"), up.get("decoded_payload")
    else:
        raise ValueError("weder ChirpStack- noch TTN-Uplink noch {sensor_id, time, value}")
    if not dev:
        raise ValueError("keine DevEUI")
    if not isinstance(decoded, dict) or not decoded:
        raise ValueError(f"Gerät {dev}: keine dekodierten Messwerte (Payload-Decoder im Netzwerkserver?)")
    t = parse_time(when)
    readings, skipped = [], []
    for name, value in _numbers(decoded):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
            skipped.append(f"Gerät {dev}, Feld {name}: {value!r} ist keine Zahl")
            continue
        readings.append(Reading(f"{str(dev).upper()}/{name}", t, float(value)))
    return readings, skipped


@dataclass
class MqttStats:
    """Counters of a running ingest."""

    messages: int = 0
    rejected: int = 0
    readings: int = 0
    unmatched: int = 0
    stored: int = 0
    duplicates: int = 0
    connects: int = 0
    disconnects: int = 0
    problems: list[str] = field(default_factory=list)


class MqttIngest:
    """Subscribe to sensor uplinks and write them into the project's store (see the module docstring)."""

    def __init__(self, project: Project, host: str, port: int = 1883, *,
                 topics: Iterable[str] = (CHIRPSTACK_TOPIC, TTN_TOPIC), client_id: str | None = None,
                 username: str | None = None, password: str | None = None, keepalive: int = 30) -> None:
        try:
            import paho.mqtt.client as mqtt
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise ImportFailed("MQTT braucht das Paket paho-mqtt (pip install paho-mqtt).") from exc
        self.project, self.host, self.port = project, host, port
        self.topics = list(topics)
        self.stats = MqttStats()
        self._lock = threading.Lock()
        self._pending: list[Reading] = []
        self._connected = threading.Event()
        self._stopping = False
        cid = client_id or f"stadtzwilling-{project.project_id}-{uuid.getnode():x}"
        self._client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=cid, clean_session=False)
        if username:
            self._client.username_pw_set(username, password)
        self._client.reconnect_delay_set(min_delay=1, max_delay=30)
        self._client.on_connect = self._on_connect
        self._client.on_disconnect = self._on_disconnect
        self._client.on_message = self._on_message
        self._client.on_subscribe = self._on_subscribe
        self._subscribe_mid: int | None = None
        self._keepalive = keepalive

    # ----------------------------------------------------------------- job
    def start(self) -> None:
        """Connect in the background (also when the broker is not up yet: paho keeps trying)."""
        self._client.connect_async(self.host, self.port, keepalive=self._keepalive)
        self._client.loop_start()

    def wait_connected(self, timeout: float) -> bool:
        """Wait until the broker has confirmed the subscription (see :attr:`connected`)."""
        return self._connected.wait(timeout)

    @property
    def connected(self) -> bool:
        """Connected *and* subscribed: the broker has acknowledged the topics (SUBACK), so from now on it
        delivers every message published to them, or holds it while the twin is away."""
        return self._connected.is_set()

    def poll(self) -> series.AppendResult:
        """Write the readings received since the last call in one transaction; returns what was new."""
        with self._lock:
            batch, self._pending = self._pending, []
        result = series.AppendResult()
        if not batch:
            return result
        store = self.project.store
        by_kennung = {}
        if store.has_layer(SENSORS.name):
            by_kennung = {f.attrs["quelle_kennung"].upper(): f.attrs["sensor_id"]
                          for f in store.features(SENSORS.name, store.table(SENSORS.name).c.quelle == "mqtt")
                          if f.attrs["quelle_kennung"]}
            known = set(store.keys(SENSORS.name))
        else:
            known = set()
        grouped: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        unmatched: dict[str, int] = defaultdict(int)
        for r in batch:
            sid = r.sensor_id if r.sensor_id is not None else by_kennung.get(r.kennung.upper())
            if sid is None or sid not in known:
                unmatched[r.sensor_id or r.kennung] += 1
                continue
            grouped[sid][0].append(r.t)
            grouped[sid][1].append(r.value)
        for name, n in sorted(unmatched.items()):
            self.stats.unmatched += n
            self._problem(f"kein Sensor für '{name}' registriert (quelle = mqtt, quelle_kennung = DEVEUI/feld); "
                          f"{n} Wert(e) nicht übernommen")
        try:
            with store.transaction():
                for sid, (times, values) in sorted(grouped.items()):
                    result += series.append(store, sid, times, values)
        except Exception:
            with self._lock:  # keep the batch for the next poll: nothing lost on a store error
                self._pending = batch + self._pending
            raise
        self.stats.stored += result.new
        self.stats.duplicates += result.duplicates
        return result

    def stop(self) -> series.AppendResult:
        """Disconnect and write what is left."""
        self._stopping = True
        self._client.disconnect()
        self._client.loop_stop()
        return self.poll()

    # ----------------------------------------------------------------- paho callbacks (network thread)
    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            self._problem(f"Broker {self.host}:{self.port} lehnt die Verbindung ab: {reason_code}")
            return
        self.stats.connects += 1
        # "connected" waits for the SUBACK: before it, the broker may not know the subscription yet and a
        # message published meanwhile reaches nobody
        self._subscribe_mid = client.subscribe([(t, 1) for t in self.topics])[1]

    def _on_subscribe(self, client, userdata, mid, reason_codes, properties) -> None:
        if mid != self._subscribe_mid:
            return
        refused = [f"'{t}' ({rc})" for t, rc in zip(self.topics, reason_codes) if rc.is_failure]
        if refused:
            self._problem(f"Broker {self.host}:{self.port} lehnt das Abonnement ab: {', '.join(refused)}")
        if len(refused) < len(self.topics):
            self._connected.set()

    def _on_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        if self._connected.is_set() and not self._stopping:
            self.stats.disconnects += 1
            log.warning("Verbindung zum Broker %s:%s getrennt (%s); neuer Versuch läuft", self.host, self.port,
                        reason_code)
        self._connected.clear()

    def _on_message(self, client, userdata, message) -> None:
        self.stats.messages += 1
        try:
            readings, skipped = parse_message(message.payload)
        except ValueError as exc:
            self.stats.rejected += 1
            self._problem(f"Nachricht auf '{message.topic}' verworfen: {exc}")
            return
        for reason in skipped:
            self._problem(f"'{message.topic}': {reason}; übersprungen")
        with self._lock:
            self._pending.extend(readings)
            self.stats.readings += len(readings)

    def _problem(self, text: str) -> None:
        log.warning(text)
        self.stats.problems.append(text)
        del self.stats.problems[:-200]
