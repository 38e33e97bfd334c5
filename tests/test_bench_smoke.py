"""Smoke test of the benchmarks: every script runs with --quick and prints its comparison table.

No timing is checked here (timings depend on the machine); the benchmarks check their own
correctness (same triangles in both scene variants, hit counts against exact results).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(module: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", module, "--quick"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=900)  # a cold numba cache compiles the flood kernels first
    assert proc.returncode == 0, f"{module} --quick: Exit-Code {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def test_bench_scene_quick():
    pytest.importorskip("pyvista")
    out = _run("bench.bench_scene")
    assert "Variante" in out and "Bildzeit [ms]" in out and "Dreiecke" in out
    assert "merged (build_scene" in out
    assert "per-actor (1 PolyData" in out


def test_bench_bbox_quick():
    pytest.importorskip("pyogrio")
    out = _run("bench.bench_bbox")
    assert "Variante" in out and "Median [ms]" in out and "Treffer (Median)" in out
    assert "ours: store.query_bbox" in out
    assert "GDAL: pyogrio.read_dataframe" in out
    assert "Prüfung bestanden" in out


def test_bench_trees_quick():
    out = _run("bench.bench_trees")
    assert "Zeilen/s" in out and "ours: TreeImporter" in out and "GDAL: ogr2ogr" in out


def test_bench_nas_quick():
    out = _run("bench.bench_nas")
    assert "NASImporter" in out and "ogr2ogr" in out and "Objekte/s" in out


def test_bench_citygml_quick():
    out = _run("bench.bench_citygml")
    assert "ogr2ogr" in out and "Gebäude" in out


def test_bench_lidar_quick():
    out = _run("bench.bench_lidar")
    assert "gdal_grid" in out and "Prüfung bestanden" in out


def test_bench_auskunft_quick():
    pytest.importorskip("pyogrio")
    out = _run("bench.bench_auskunft")
    assert "twin.auskunft.lookup" in out and "GDAL/OGR SQL" in out and "Median [ms]" in out
    assert "Prüfung bestanden" in out


def test_bench_field_quick(gdal_python):
    # the tablet side edits through GDAL's OGR API: needs a Python with osgeo (fixture: skip, on CI fail)
    out = _run("bench.bench_field")
    assert "Sync: uebernehmen" in out and "create_changeset" in out and "ogr2ogr" in out
    assert "Geprüft:" in out


def test_bench_flood_quick():
    pytest.importorskip("landlab")
    out = _run("bench.bench_flood")
    assert "landlab OverlandFlow" in out and "Triade" in out and "Ende-zu-Ende" in out


def test_bench_web_quick():
    out = _run("bench.bench_web")
    assert "Web-Zwilling (export_web" in out and "Peer: ogr2ogr" in out and "Kacheln terrain" in out
    assert "Browser (headless Chromium)" in out


def test_bench_sensors_quick():
    from tests.mosquitto import mosquitto_binary

    mosquitto_binary()
    out = _run("bench.bench_sensors")
    assert "ours: twz_sensor_series" in out and "peer: SQLite" in out
    assert "ingest_sensorthings" in out and "MqttIngest" in out and "paho-Abonnent" in out
