"""A real Mosquitto broker (Debian package ``mosquitto``) on 127.0.0.1 for the tests, with persistence so
that a stopped and restarted broker keeps the sessions and queued messages of its clients."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest


def mosquitto_binary() -> str:
    """Path of the broker; fails on CI (``.ci/run`` installs it), skips elsewhere."""
    exe = shutil.which("mosquitto") or ("/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None)
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("mosquitto fehlt, obwohl .ci/run es installiert (apt-get install mosquitto)")
        pytest.skip("mosquitto ist nicht installiert (apt-get install mosquitto)")
    return exe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Broker:
    """``start()``/``stop()`` the broker on a fixed port with its state in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.exe = mosquitto_binary()
        self.port = _free_port()
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.conf = folder / "mosquitto.conf"
        self.conf.write_text(
            f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence true\n"
            f"persistence_location {folder}/\nautosave_interval 1\nlog_dest file {folder}/broker.log\n"
            # the default queue of 1000 QoS-1 messages per client drops the rest of a burst; a broker that
            # feeds the twin needs room for what arrives while the twin is away
            "max_queued_messages 1000000\n",
            encoding="utf-8")
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([self.exe, "-c", str(self.conf)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mosquitto beendet: {self.proc.stderr.read().decode(errors='replace')}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("mosquitto startet nicht")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: writes the persistence file (sessions, queued messages)
            self.proc.wait(20)
        self.proc = None
