"""A heat run on the sample municipality: inputs from the project, the run stored in one transaction (row,
raster register, COGs), the Marktplatz variant (de-sealed, trees planted) cooler than the plan as it is
(ΔUTCI and the area leaving strong heat stress), and what the council and the citizens may see."""

from __future__ import annotations

import datetime as dt
import shutil

import numpy as np
import pytest
import rasterio
import shapely
from rasterio.transform import rowcol

from twin.errors import Cancelled, ProjectError, TwinIOError
from twin.model.heat import HEAT_RUNS
from twin.policy.rolestore import RoleStore
from twin.project import Project
from twin.publish.content import build_content
from twin.sim.heat.record import (
    KIND_MAP, KIND_RESULT, MAP_KEYS, RASTER_FILES, compare_heat_runs, list_heat_runs, load_heat_run,
    read_heat_raster, release_heat_run,
)
from twin.sim.heat.run import RESULT_DIR, heat_inputs, run_heat
from twin.sim.heat.utci import STRONG_HEAT
from twin.sim.heat.weather import preset
from twin.variants.manage import edit_variant, get_variant, release
from twin.variants.sample import MARKTPLATZ, village_rect

DAY = dt.date(2026, 7, 15)
HOURS = (10.0, 14.0)


def test_inputs_take_buildings_trees_and_surfaces_from_the_project(sample_project):
    inputs, grid, info = heat_inputs(sample_project, DAY, preset(), HOURS, cell_size_m=2)
    assert info["baeume"] > 50 and info["kronenzellen"] > info["baeume"]
    assert info["gebaeudehoehen"]["gemessen"] > 0
    roof = inputs.buildings
    assert roof.any() and np.all(inputs.dsm[roof] > grid.z[roof] + 2.0)
    assert np.all(inputs.dsm[~roof] == grid.z.astype(np.float32)[~roof])
    assert 47 < inputs.lat < 56 and 5 < inputs.lon < 16  # in Germany


@pytest.fixture(scope="module")
def runs(sample_project_dir, tmp_path_factory):
    """One project with two stored runs on a 2 m grid: the plan as it is and the Marktplatz variant."""
    dest = tmp_path_factory.mktemp("heat") / "sample"
    shutil.copytree(sample_project_dir, dest)
    p = Project.open(dest)
    base = run_heat(p, DAY, preset(), hours=HOURS, cell_size_m=2, title="Bestand")
    markt = run_heat(p, DAY, preset(), variant=MARKTPLATZ, hours=HOURS, cell_size_m=2, title="Marktplatz")
    yield p, base, markt
    p.close()


def _role(project: Project, role: str) -> Project:
    return Project(project.root, project.config, RoleStore(project.session(role)))  # type: ignore[arg-type]


def test_run_is_stored_with_row_register_and_cogs(runs):
    p, base, markt = runs
    assert [r.run_id for r in list_heat_runs(p)] == [markt.run_id, base.run_id]
    rec = load_heat_run(p, base.run_id)
    assert rec.day == "2026-07-15" and rec.hours == list(HOURS) and rec.inputs["baeume"] > 0
    assert rec.variant is None and load_heat_run(p, markt.run_id).variant == MARKTPLATZ
    assert not rec.released and len(rec.sun) == 2 and rec.sun[1]["hoehe_grad"] > rec.sun[0]["hoehe_grad"]
    folder = p.root / RESULT_DIR / base.run_id
    assert sorted(x.name for x in folder.iterdir()) == sorted(RASTER_FILES.values())
    assert not [x for x in (p.root / RESULT_DIR).iterdir() if x.name.startswith(".")]
    registered = {r["name"]: r for r in p.store.rasters() if r["name"].startswith(base.run_id)}
    assert set(registered) == {f"{base.run_id}/{k}" for k in RASTER_FILES}
    assert {registered[f"{base.run_id}/{k}"]["kind"] for k in MAP_KEYS} == {KIND_MAP}
    assert registered[f"{base.run_id}/tmrt"]["kind"] == KIND_RESULT
    utci = read_heat_raster(p, base.run_id, "utci")
    assert utci.data.shape[0] == 2 and utci.descriptions == ("10 Uhr", "14 Uhr") and utci.cell_m == 2.0
    assert np.nanmax(utci.data[1]) > 32.0
    klasse = read_heat_raster(p, base.run_id, "klasse_max").data[0]
    assert np.isnan(klasse).any()  # roofs have no value
    # the row's areas are the class raster's cells times 4 m²
    strong = float((klasse[np.isfinite(klasse)] >= STRONG_HEAT).sum() * 4.0)
    assert rec.strong_heat_m2 == pytest.approx(strong) and strong > 0
    assert sum(rec.class_area_m2.values()) == pytest.approx(float(np.isfinite(klasse).sum() * 4.0))
    assert rec.utci_max_c == pytest.approx(float(np.nanmax(read_heat_raster(p, base.run_id, "utci_max").data)))


def test_variant_is_cooler_and_the_comparison_counts_the_area_leaving_strong_heat(runs):
    p, base, markt = runs
    cmp = compare_heat_runs(p, base.run_id, markt.run_id)
    a = read_heat_raster(p, base.run_id, "utci_max")
    b = read_heat_raster(p, markt.run_id, "utci_max")
    np.testing.assert_array_equal(cmp.delta, b.data[0] - a.data[0])
    inner = shapely.buffer(village_rect(-28.0, 20.0, 28.0, 56.0), -4.0)
    x0, y0, x1, y1 = inner.bounds
    with rasterio.open(p.root / base.rasters["utci_max"]) as src:
        r0, c0 = rowcol(src.transform, x0, y1)
        r1, c1 = rowcol(src.transform, x1, y0)
    square = cmp.delta[r0:r1, c0:c1]
    assert np.nanmean(square) < -0.5  # green square with young trees: cooler on average
    assert np.nanmin(square) < -3.0   # and much cooler under the crowns
    # away from the square nothing changes (same inputs, deterministic model)
    far = cmp.delta.copy()
    far[max(r0 - 60, 0):r1 + 60, max(c0 - 60, 0):c1 + 60] = np.nan
    assert np.nanmax(np.abs(far)) < 0.05
    # the area leaving strong heat stress, counted independently from the two class rasters
    k0 = read_heat_raster(p, base.run_id, "klasse_max").data[0]
    k1 = read_heat_raster(p, markt.run_id, "klasse_max").data[0]
    left = float(((k0 >= STRONG_HEAT) & (k1 < STRONG_HEAT)).sum() * 4.0)
    assert cmp.left_strong_m2 == pytest.approx(left) and left > 0.0
    better = float((k1 < k0).sum() * 4.0)  # on a hot day most of the sunlit square is "sehr stark"
    assert cmp.better_class_m2 == pytest.approx(better) and better > 100.0
    # sunlit cells next to new crowns see less cold sky: slightly warmer (SOLWEIG behaves so), never by 0.5 K
    assert cmp.worse_class_m2 < 0.2 * better and cmp.warmer_m2 == 0.0 and np.nanmax(cmp.delta) < 0.5
    assert "verlassen den starken Hitzestress" in cmp.summary()
    hour = compare_heat_runs(p, base.run_id, markt.run_id, hour=14.0)
    assert hour.hour == 14.0 and np.nanmin(hour.delta) < -3.0
    with pytest.raises(ProjectError, match="keine Stunde 12 Uhr"):
        compare_heat_runs(p, base.run_id, markt.run_id, hour=12.0)


def test_runs_on_different_grids_are_not_compared(sample_project):
    a = run_heat(sample_project, DAY, preset(), hours=(14.0,), cell_size_m=5)
    b = run_heat(sample_project, DAY, preset(), hours=(14.0,), cell_size_m=10)
    with pytest.raises(ProjectError, match="verschiedenen Rastern"):
        compare_heat_runs(sample_project, a.run_id, b.run_id)


def test_cancelled_run_leaves_nothing(sample_project):
    with pytest.raises(Cancelled):
        run_heat(sample_project, DAY, preset(), hours=HOURS, cell_size_m=5, cancel=lambda: True)
    assert not (sample_project.root / RESULT_DIR).exists() or not any((sample_project.root / RESULT_DIR).iterdir())
    assert list_heat_runs(sample_project) == []


def test_cancel_while_storing_rolls_back_row_register_and_files(sample_project):
    """Cancelled after the COGs are written (inside the store transaction): nothing of the run stays."""
    stage = {"writing": False}

    def progress(fraction, message):
        stage["writing"] |= message.startswith("Ergebnisse schreiben")

    with pytest.raises(Cancelled):
        run_heat(sample_project, DAY, preset(), hours=(14.0,), cell_size_m=5, progress=progress,
                 cancel=lambda: stage["writing"])
    assert stage["writing"]
    assert list_heat_runs(sample_project) == []
    assert not [r for r in sample_project.store.rasters() if r["kind"] in (KIND_RESULT, KIND_MAP)]
    folder = sample_project.root / RESULT_DIR
    assert not folder.exists() or not any(folder.iterdir())


def test_council_sees_all_runs_citizens_only_the_released_maps(runs, tmp_path):
    p, base, markt = runs
    rat, buerger = _role(p, "rat"), _role(p, "buerger")
    assert {r.run_id for r in list_heat_runs(rat)} == {base.run_id, markt.run_id}
    assert read_heat_raster(rat, base.run_id, "tmrt").data.shape[0] == 2
    assert list_heat_runs(buerger) == []
    with pytest.raises(TwinIOError, match="nicht verfügbar"):
        read_heat_raster(buerger, base.run_id, "utci_max")
    # a run of a variant not released to the public cannot be released
    with pytest.raises(ProjectError, match="erst die Variante freigeben"):
        release_heat_run(p, markt.run_id, True)
    state = get_variant(p.store, MARKTPLATZ).release_state
    try:
        release_heat_run(p, base.run_id, True, actor="Planungsamt")
        assert p.store.history(HEAT_RUNS.name, base.run_id)[-1]["new_values"] == {"released": True}
        buerger = _role(p, "buerger")
        shown = list_heat_runs(buerger)
        assert [r.run_id for r in shown] == [base.run_id]
        assert shown[0].inputs == {} and shown[0].sun == []  # columns the citizens do not get
        assert read_heat_raster(buerger, base.run_id, "klasse_max").data.shape[0] == 1
        with pytest.raises(TwinIOError):
            read_heat_raster(buerger, base.run_id, "tmrt")
        content = build_content(p, "buerger", tmp_path / "buerger")
        published = sorted(r for r in content.rasters if "hitze" in r)
        assert published == sorted(base.rasters[k] for k in MAP_KEYS)
        release(edit_variant(p, MARKTPLATZ), "oeffentlich")
        release_heat_run(p, markt.run_id, True)
        cmp = compare_heat_runs(_role(p, "buerger"), base.run_id, markt.run_id)
        assert cmp.left_strong_m2 > 0
    finally:
        release_heat_run(p, base.run_id, False)
        if load_heat_run(p, markt.run_id).released:
            release_heat_run(p, markt.run_id, False)
        release(edit_variant(p, MARKTPLATZ), state)
    assert list_heat_runs(_role(p, "buerger")) == []




def test_trees_take_the_crown_base_from_the_cadastre(sample_project):
    from twin.sim.heat.run import project_trees
    from twin.store.base import Feature

    store = sample_project.store
    first, second = store.features("trees")[:2]
    store.upsert("trees", [Feature({**first.attrs, "kronenansatz_m": 1.5}, first.geometry),
                           Feature({**second.attrs, "kronenansatz_m": 99.0}, second.geometry)], actor="test")
    trees, _ = project_trees(sample_project)
    by_xy = {(round(t.x, 2), round(t.y, 2)): t for t in trees}
    assert by_xy[(round(first.geometry.x, 2), round(first.geometry.y, 2))].trunk == 1.5
    assert by_xy[(round(second.geometry.x, 2), round(second.geometry.y, 2))].trunk is None  # above the top
