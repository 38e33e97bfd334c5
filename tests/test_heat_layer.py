"""The heat run in the scene: draped mesh, displays, hours, ΔUTCI, legend, and what a role may show."""

from __future__ import annotations

import datetime as dt
import shutil

import numpy as np
import pytest

from layers.heat import CLASS_COLOURS, MODES, colours, legend, load_heat_overlay
from layers.style import hex_rgba
from twin.policy.rolestore import RoleStore
from twin.project import Project
from twin.sim.heat.record import HeatRunNotFound, compare_heat_runs, read_heat_raster, release_heat_run
from twin.sim.heat.run import run_heat
from twin.sim.heat.weather import preset
from twin.variants.sample import MARKTPLATZ

DAY = dt.date(2026, 7, 15)
HOURS = (10.0, 14.0)


@pytest.fixture(scope="module")
def heat(sample_project_dir, tmp_path_factory):
    dest = tmp_path_factory.mktemp("heatlayer") / "sample"
    shutil.copytree(sample_project_dir, dest)
    p = Project.open(dest)
    base = run_heat(p, DAY, preset(), hours=HOURS, cell_size_m=5, title="Bestand")
    markt = run_heat(p, DAY, preset(), variant=MARKTPLATZ, hours=HOURS, cell_size_m=5, title="Marktplatz")
    yield p, base, markt
    p.close()


def _role(project: Project, role: str) -> Project:
    return Project(project.root, project.config, RoleStore(project.session(role)))  # type: ignore[arg-type]


def _centre(overlay, row: int, col: int) -> np.ndarray:
    xmin, ymin, xmax, ymax = overlay.bounds
    ny, nx = overlay.shape
    return np.array([xmin + (col + 0.5) * (xmax - xmin) / nx, ymax - (row + 0.5) * (ymax - ymin) / ny, 0.0])


def test_overlay_covers_the_ground_and_switches_displays_and_hours(heat):
    p, base, _ = heat
    ov = load_heat_overlay(p, base.run_id, np.zeros(3))
    utci_max = read_heat_raster(p, base.run_id, "utci_max").data[0]
    assert ov.mesh.n_cells == int(np.isfinite(utci_max).sum())  # every ground cell, no roof
    assert ov.mode == "klasse_max" and ov.modes() == [m for m in MODES if m != "delta"]
    rgba = np.asarray(ov.mesh.cell_data["rgba"])
    classes = np.asarray(ov.mesh.cell_data["value"]).astype(int)
    np.testing.assert_array_equal(rgba[:, :3], np.array([hex_rgba(c)[:3] for c in CLASS_COLOURS])[classes])
    ov.ensure(p, "utci")
    ov.set_mode("utci", 0)
    ten = np.asarray(ov.mesh.cell_data["value"]).copy()
    ov.set_mode("utci", 1)
    two = np.asarray(ov.mesh.cell_data["value"])
    hourly = read_heat_raster(p, base.run_id, "utci").data
    np.testing.assert_array_equal(ten, hourly[0].ravel()[ov.cells])
    np.testing.assert_array_equal(two, hourly[1].ravel()[ov.cells])
    assert ov.title_of_mode() == "UTCI je Stunde, 14 Uhr" and np.nanmean(two) > np.nanmean(ten)
    row, col = np.argwhere(np.isfinite(hourly[1]))[0]
    assert ov.value_at(_centre(ov, row, col)) == pytest.approx(float(hourly[1][row, col]))
    assert ov.describe_value(35.0).startswith("UTCI 35,0 °C (starker Hitzestress")
    with pytest.raises(KeyError):
        ov.set_mode("delta")


def test_delta_display_shows_the_comparison(heat):
    p, base, markt = heat
    ov = load_heat_overlay(p, markt.run_id, np.zeros(3))
    cmp = compare_heat_runs(p, base.run_id, markt.run_id)
    ov.set_comparison(cmp)
    ov.set_mode("delta")
    values = np.asarray(ov.mesh.cell_data["value"])
    np.testing.assert_array_equal(values, cmp.delta.ravel()[ov.cells])
    rgba = np.asarray(ov.mesh.cell_data["rgba"])
    cooler = values <= -2.0
    assert cooler.any() and np.all(rgba[cooler, 2] > rgba[cooler, 0])  # blue where cooler
    assert np.all(rgba[np.abs(values) < 0.5, 3] < 100)                  # unchanged cells faint
    ov.set_comparison(None)
    assert ov.mode == "klasse_max" and "delta" not in ov.modes()


def test_citizens_see_released_maps_only(heat):
    p, base, _ = heat
    with pytest.raises(HeatRunNotFound):
        load_heat_overlay(_role(p, "buerger"), base.run_id, np.zeros(3))
    release_heat_run(p, base.run_id, True)
    try:
        ov = load_heat_overlay(_role(p, "buerger"), base.run_id, np.zeros(3), mode="tmrt")
        assert ov.modes() == ["klasse_max", "utci_max"] and ov.mode == "klasse_max"
        with pytest.raises(KeyError):
            ov.set_mode("tmrt")
    finally:
        release_heat_run(p, base.run_id, False)


def test_colours_and_legend():
    rgba = colours("utci", np.array([20.0, 50.0, np.nan]))
    assert rgba[0, 2] > rgba[0, 0] and rgba[1, 0] > rgba[1, 2] and rgba[2, 3] == 0
    assert colours("klasse_max", np.array([-1.0]))[0, 3] == 0
    rows = legend("klasse_max")
    assert rows[0][1] == "extremer Hitzestress (über 46 °C)" and rows[2][1] == "starker Hitzestress (32 – 38 °C)"
    assert legend("delta")[-1][1] == "kühler um 6 K und mehr"
    assert legend("schatten")[0][1] == "volle Sonne"
