"""Shared pieces of the web twin tests: the sample with released maps, a loopback web server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
KOSTRA = ROOT / "tests" / "data" / "kostra" / "kostra_tabelle_187153.csv"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: software WebGL (SwiftShader) for a machine without GPU
CHROMIUM_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--no-sandbox"]


def project_with_maps(dest: Path, sample_dir: Path) -> dict[str, list[str]]:
    """Copy of the sample with one released and one internal heat run and one released heavy-rain run."""
    from cli.main import app
    from twin.project import Project
    from twin.sim.heat.record import list_heat_runs, release_heat_run
    from twin.sim.heavy_rain.record import list_runs, release_run

    shutil.copytree(sample_dir, dest)
    runner = CliRunner()
    for args in (["hitze", str(dest), "--von", "12", "--bis", "13", "--zellgroesse", "4"],
                 ["starkregen", str(dest), "--kostra", str(KOSTRA), "--jaehrlichkeit", "100", "--dauer", "15",
                  "--zellgroesse", "10", "--nachlauf", "5"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.output
    with Project.open(dest) as p:
        released_heat = list_heat_runs(p)[0].run_id
        release_heat_run(p, released_heat, True)
        [flood] = list_runs(p)
        release_run(p, flood.run_id, True)
    res = runner.invoke(app, ["hitze", str(dest), "--von", "14", "--bis", "14", "--zellgroesse", "8"])
    assert res.exit_code == 0, res.output
    with Project.open(dest) as p:
        internal = [r.run_id for r in list_heat_runs(p) if r.run_id != released_heat]
    return {"released": [released_heat, flood.run_id], "internal": internal}


@contextmanager
def serve(folder: Path, slow: dict[str, float] | None = None) -> Iterator[str]:
    """A static web server for ``folder`` on 127.0.0.1 (free port); yields its base URL.

    ``slow`` maps a path prefix (``"attribute/"``) to seconds each such answer is held back, as on a slow line.
    """
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # noqa: D401 - keep the test output clean
            pass

        def do_GET(self) -> None:
            for prefix, seconds in (slow or {}).items():
                if self.path.lstrip("/").startswith(prefix):
                    time.sleep(seconds)
            super().do_GET()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def need_chromium() -> None:
    """Skip without Chromium/Playwright on a developer machine; on CI (which installs both) fail instead."""
    import importlib.util

    if importlib.util.find_spec("playwright") is None:
        missing = "Playwright (pip install -e .[test])"
    else:
        missing = None if CHROMIUM else "Chromium (apt-get install chromium)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} fehlt; .ci/run installiert es")
        pytest.skip(f"{missing} fehlt")
