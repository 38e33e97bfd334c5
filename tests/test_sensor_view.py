"""Sensors in the 3D view and in the field: the sample's sensors (synthetic, up to the build time) coloured
by their value at the time slider's time, the work list of the rules marked in the view and exported as a
field package (only the trees to water), the chart of a sensor's series in the inspector. Real windows
(Xvfb or Qt offscreen), the real field-package export and GDAL's reading of it; no mocks.
Screenshots go to ``$STADTZWILLING_SHOTS`` (default /tmp/pw).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from layers.sensors import NO_VALUE, RAMPS, SensorSeries, load_sensor_series, value_colours
from layers.style import hex_rgba
from twin.sensors.rules import evaluate
from twin.sensors.worklist import export_worklist, project_rules

SHOTS = Path(os.environ.get("STADTZWILLING_SHOTS", "/tmp/pw"))


def _rules_now(project):
    series = load_sensor_series(project.session("verwaltung"))
    return series, evaluate(project.session("verwaltung"), project_rules(project), series.end)


# ----------------------------------------------------------------- core (no Qt)
def test_value_at_time_takes_the_newest_value_not_older_than_six_hours():
    s = SensorSeries(start=0, end=100_000, ids=["a", "b"], kinds=["bodenfeuchte", "kanal_fuellstand"],
                     units=["%", "%"], names=["a", "b"],
                     times=[np.array([0, 900, 1800]), np.array([50_000])], values=[np.array([30.0, 8.0, 35.0]),
                                                                                  np.array([90.0])])
    assert s.values_at(1000)[0] == 8.0  # the value at 900, not the later one
    assert s.values_at(1800 + 6 * 3600)[0] == 35.0
    assert np.isnan(s.values_at(1800 + 6 * 3600 + 1)[0])  # too old: no value
    assert np.isnan(s.values_at(49_999)[1])  # before its first value
    rgba = s.colours_at(1000, order=["b", "a", "x"])
    assert (rgba[0] == hex_rgba(NO_VALUE)).all() and (rgba[2] == hex_rgba(NO_VALUE)).all()
    assert (rgba[1] == hex_rgba(RAMPS["bodenfeuchte"][2])).all()  # 8 % is at the dry end (below 10 … 40)


def test_colour_ramp_runs_from_dry_to_wet():
    lo, hi, c_lo, c_hi = RAMPS["bodenfeuchte"]
    rgba = value_colours(["bodenfeuchte"] * 3, np.array([lo - 5, (lo + hi) / 2, hi + 5]))
    assert (rgba[0] == hex_rgba(c_lo)).all() and (rgba[2] == hex_rgba(c_hi)).all()
    mid = (hex_rgba(c_lo).astype(int) + hex_rgba(c_hi).astype(int)) / 2
    assert np.abs(rgba[1].astype(int) - mid).max() <= 1


def test_sample_sensors_give_a_work_list_and_respect_the_roles(sample_project):
    series, matches = _rules_now(sample_project)
    assert len(series.ids) == 8
    waters = sorted(m.objekt_schluessel for m in matches if m.aufgabe == "gießen")
    assert waters == ["B0001", "B0002"]  # dry for days; B0006 is silent for 12 h: no decision
    assert any(m.rule == "Kanal fast voll" for m in matches)
    citizen = load_sensor_series(sample_project.session("buerger"))
    assert "kanal_fuellstand" not in citizen.kinds and len(citizen.ids) == 7


def test_scene_has_the_sensors_layer_for_each_role(sample_project):
    from layers.scene import build_scene

    admin = build_scene(sample_project).layer("sensors")
    citizen = build_scene(sample_project, role="buerger").layer("sensors")
    assert admin.mesh.n_points == 8 and citizen.mesh.n_points == 7
    assert not any(k.startswith("kf-") for k in citizen.feature_keys)


def test_work_list_exports_only_the_trees_to_water(sample_project, tmp_path, gdal_python):
    import subprocess

    series, matches = _rules_now(sample_project)
    result = export_worklist(sample_project, matches, tmp_path / "giessen", now=series.end)
    assert result.team == "baumkontrolle"
    gpkg = tmp_path / "giessen" / "daten.gpkg"
    with sqlite3.connect(gpkg) as con:
        keys = sorted(r[0] for r in con.execute("SELECT baumnummer FROM trees"))
    assert keys == ["B0001", "B0002"]
    assert result.counts["trees"] == 2
    from twin.field.package import read_meta

    info = read_meta(gpkg)
    assert sorted(e["objekt"] for e in info["arbeitsliste"]) == ["B0001", "B0002"]
    assert "Arbeitsliste" in info["titel"] and "gießen" in info["titel"]
    # GDAL reads the package as QField does
    out = subprocess.run([gdal_python, "-c", "from osgeo import ogr; ds = ogr.Open(%r); "
                          "print(ds.GetLayerByName('trees').GetFeatureCount())" % str(gpkg)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def test_work_list_without_field_work_is_refused(sample_project, tmp_path):
    from twin.errors import ProjectError

    _, matches = _rules_now(sample_project)
    sewer_only = [m for m in matches if m.objekt_layer == "sewer_nodes"]
    assert sewer_only
    with pytest.raises(ProjectError, match="Feldteam"):
        export_worklist(sample_project, sewer_only, tmp_path / "x", now=0)
    assert not (tmp_path / "x").exists()


def test_cli_writes_the_work_list_package(project_dir, tmp_path):
    from typer.testing import CliRunner

    from cli.main import app
    from twin.project import Project

    with Project.open(project_dir) as p:
        end = load_sensor_series(p.session("verwaltung")).end
    from datetime import datetime
    from zoneinfo import ZoneInfo

    when = datetime.fromtimestamp(end, ZoneInfo("Europe/Berlin")).isoformat()
    res = CliRunner().invoke(app, ["sensoren", "regeln", str(project_dir), "--zeit", when,
                                   "--feldpaket", str(tmp_path / "paket")])
    assert res.exit_code == 0, res.output
    assert "B0001" in res.output and "Feldpaket für Team 'baumkontrolle'" in res.output
    assert (tmp_path / "paket" / "daten.gpkg").exists()


def test_chart_png_is_a_drawn_picture():
    from io import BytesIO

    from PIL import Image

    from layers.sensor_chart import series_chart_png

    t = np.arange(0, 7 * 86400, 900) + 1_790_000_000
    png = series_chart_png(t, 20 + 5 * np.sin(t / 20000.0), title="Bodenfeuchte", unit="%", mark=int(t[-1]),
                           thresholds=[(20.0, "Baum gießen: < 20")])
    img = np.asarray(Image.open(BytesIO(png)).convert("RGB"))
    assert img.shape[:2] == (190, 420)
    line = np.all(np.abs(img.astype(int) - [0x1f, 0x5f, 0x99]) < 40, axis=2)
    assert line.sum() > 300  # the series is drawn


# ----------------------------------------------------------------- GUI
@pytest.mark.gui
@pytest.mark.usefixtures("no_modal_boxes")
def test_time_slider_work_list_marks_and_chart(qtbot, window):
    panel = window.sensor_panel
    if panel.series is None:
        with qtbot.waitSignal(panel.series_loaded, timeout=60_000):
            pass
    if not panel.table.rowCount():
        qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=60_000)
    window.sensor_dock.show()
    window.sensor_dock.raise_()
    layer = panel.sensor_layer()
    assert layer is not None and layer.mesh.n_points == 8
    # the work list at the newest time: B0001, B0002 to water, the sewer manhole
    texts = [panel.table.item(r, 1).text() for r in range(panel.table.rowCount())]
    assert any("B0001" in t for t in texts) and any("B0002" in t for t in texts) and any("sewer" in t for t in texts)
    marks = panel.mark_positions()
    assert len(marks) == 3
    b1 = window.scene.layer("trees")
    tree = b1.mesh.points[b1.feature_keys.index("B0001")]
    assert np.min(np.linalg.norm(marks[:, :2] - tree[:2], axis=1)) < 0.01  # marked over the tree itself
    # the colour of B0001's sensor follows the slider: dry (red end) now, wetter two weeks ago
    i = layer.feature_keys.index("bf-B0001")
    now_rgba = layer.mesh.point_data["rgba"][i].copy()
    assert now_rgba[0] > now_rgba[2] + 80  # red: dry
    window.view.refresh()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.save_screenshot(SHOTS / "sensoren_jetzt.png")
    with qtbot.waitSignal(panel.worklist_changed, timeout=60_000):
        panel.slider.setValue(0)
    then_rgba = layer.mesh.point_data["rgba"][i].copy()
    assert then_rgba[2] > now_rgba[2] + 60  # bluer: the soil was moist
    assert panel.table.rowCount() == 0 and len(panel.mark_positions()) == 0  # no rule held two weeks ago
    # the actor draws what the layer says (the mapper's input is the recoloured mesh)
    from vtkmodules.util.numpy_support import vtk_to_numpy

    drawn = vtk_to_numpy(window.view.actors.actors["sensors"].GetMapper().GetInput().GetPointData().GetArray("rgba"))
    assert (drawn[i] == then_rgba).all()
    with qtbot.waitSignal(panel.worklist_changed, timeout=60_000):
        panel.slider.setValue(panel.slider.maximum())
    # a click on the tree shows its attributes and the chart of its soil sensor
    window.select_feature("trees", int(np.flatnonzero(b1.mesh.cell_data["feature_id"] == b1.feature_keys.index("B0001"))[0]))
    assert ("Baumnummer", "B0001") in window.inspector_rows() or any("B0001" in v for _, v in window.inspector_rows())
    charts = window.inspector.chart_pixmaps()
    assert len(charts) == 1 and not charts[0].isNull() and charts[0].width() > 300
    window._inspector_dock.raise_()
    window.save_screenshot(SHOTS / "sensoren_baum.png")
    # a click on the sewer sensor: its chart; a building: no chart
    sewer = next(k for k in layer.feature_keys if k.startswith("kf-"))
    window.select_feature("sensors", layer.feature_keys.index(sewer))
    assert len(window.inspector.chart_pixmaps()) == 1
    window.select_feature("buildings", 0)
    assert window.inspector.chart_pixmaps() == []


@pytest.mark.gui
@pytest.mark.usefixtures("no_modal_boxes")
def test_work_list_export_from_the_dock(qtbot, window, tmp_path):
    from views.workers import OK

    panel = window.sensor_panel
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=60_000)
    assert panel.export_button.isEnabled()
    with qtbot.waitSignal(panel.export_finished, timeout=120_000) as blocker:
        panel.export(str(tmp_path / "giessen"))
    outcome, result = blocker.args
    assert outcome == OK, result
    assert result.counts["trees"] == 2
    assert (tmp_path / "giessen" / "daten.gpkg").exists()


@pytest.mark.gui
@pytest.mark.usefixtures("no_modal_boxes")
def test_citizen_preview_has_no_sewer_sensor_values(qtbot, window):
    panel = window.sensor_panel
    qtbot.waitUntil(lambda: panel.series is not None, timeout=60_000)  # the administration's series first
    assert "kanal_fuellstand" in panel.series.kinds
    with qtbot.waitSignal(window.scene_ready, timeout=60_000):
        window.set_role("buerger")
    with qtbot.waitSignal(panel.series_loaded, timeout=60_000):
        pass
    assert panel.series is not None and "kanal_fuellstand" not in panel.series.kinds
    assert not any(k.startswith("kf-") for k in panel.sensor_layer().feature_keys)
    qtbot.waitUntil(lambda: not panel._rules_busy, timeout=60_000)
    assert all(m.rule != "Kanal fast voll" for m in panel.matches)
