"""Heavy-rain runs on the sample municipality (real DGM1, LoD2 buildings, ALKIS parcels), coarse cells and
short storms so the tests stay fast: grid rules, stored outputs, one transaction, reproducibility, roles,
publishing and planning variants."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import rasterio
import shapely
from rasterio.transform import xy
from shapely.geometry import box

from twin.errors import AccessDenied, Cancelled, PolicyError, ProjectError
from twin.policy import DEFAULT_POLICY, parse_policy
from twin.files import file_sha256
from twin.model.land_cover import LAND_COVER
from twin.project import Project
from twin.publish.content import build_content
from twin.sim.losses import LossModel, LossParameters
from twin.sim.heavy_rain import (
    KIND_HAZARD, KIND_RESULT, RASTER_KEYS, HeavyRainScenario, InflowSpec, RunNotFound, ScenarioError, depth_series,
    hazard_classes, list_runs, load_run, read_hyetograph_csv, release_run, run_heavy_rain,
)
from twin.sim.heavy_rain.grid import build_grid
from twin.sim.heavy_rain.surfaces import MANNING_N, cover_of_use, dominant_use
from twin.store.base import Feature
from twin.variants import project_in_variant
from twin.variants.sample import KITA, MARKTPLATZ, village_rect

from tests.conftest import ROOT

KOSTRA = ROOT / "tests" / "data" / "kostra" / "kostra_tabelle_187153.csv"
HYETO = ROOT / "tests" / "data" / "starkregen" / "ganglinie.csv"
#: 10 min of rain (5 mm, then 10 mm) and 5 min run-on: about a second per run on 10 m cells
SHORT = dict(hyetograph=[(5.0, 60.0), (10.0, 120.0)], after_min=5.0)


def _copy(src: Path, dest: Path) -> Project:
    shutil.copytree(src, dest)
    return Project.open(dest)


@pytest.fixture(scope="module")
def base_run(sample_project_dir, tmp_path_factory):
    """A project copy with one finished run on 10 m cells (shared by the read-only tests)."""
    p = _copy(sample_project_dir, tmp_path_factory.mktemp("hr") / "p")
    messages: list[tuple[float, str]] = []
    rec = run_heavy_rain(p, HeavyRainScenario(title="Kurz", cell_size_m=10, **SHORT),
                         progress=lambda f, m: messages.append((f, m)))
    yield p, rec, messages
    p.close()


@pytest.fixture
def project(sample_project_dir, tmp_path):
    p = _copy(sample_project_dir, tmp_path / "p")
    yield p
    p.close()


def _state(p: Project) -> tuple:
    """What a run may change: flood rows, raster register, result folder."""
    rows = {n: p.store.count(n) for n in ("flood_runs", "flood_affected_buildings", "flooded_roads")
            if p.store.has_layer(n)}
    folder = p.root / "rasters" / "starkregen"
    files = sorted(str(f.relative_to(p.root)) for f in folder.rglob("*")) if folder.exists() else []
    return rows, [r["name"] for r in p.store.rasters()], files


# --------------------------------------------------------------------------- scenario
def test_scenario_needs_exactly_one_rain():
    with pytest.raises(ScenarioError, match="entweder KOSTRA"):
        HeavyRainScenario.from_dict({"kostra_file": str(KOSTRA), "return_period_a": 100, "duration_min": 60,
                                     "hyetograph": [[5, 10]]})
    with pytest.raises(ScenarioError, match="fehlen KOSTRA-Datei, Jährlichkeit oder Dauer"):
        HeavyRainScenario.from_dict({"kostra_file": str(KOSTRA), "return_period_a": 100})
    with pytest.raises(ScenarioError, match="unbekannte Bodenart 'Moorboden'"):
        HeavyRainScenario.from_dict({**SHORT, "soil": "Moorboden"})
    with pytest.raises(ScenarioError, match="Blöcke müssen gleich lang sein"):
        HeavyRainScenario.from_dict({"hyetograph": [[5, 10], [15, 20]]})
    with pytest.raises(ScenarioError, match="rand|boundary"):
        HeavyRainScenario.from_dict({**SHORT, "boundary": "halboffen"})
    sc = HeavyRainScenario.from_dict({**SHORT, "cell_size_m": 10})
    assert HeavyRainScenario.from_dict(sc.to_dict()) == sc


def test_hyetograph_in_mm_per_hour_and_from_csv():
    sc = HeavyRainScenario(**SHORT)
    rain = sc.rain(ROOT)
    assert rain.dt_s == 300 and list(rain.depths_mm) == pytest.approx([5.0, 10.0])
    assert read_hyetograph_csv(HYETO) == [(5.0, 60.0), (10.0, 120.0)]


def test_kostra_design_storm_is_euler2():
    sc = HeavyRainScenario(kostra_file=str(KOSTRA), return_period_a=100, duration_min=60)
    rain = sc.rain(ROOT)
    assert rain.total_mm == pytest.approx(62.9)           # hN(T = 100 a, D = 1 h) of the table
    assert rain.description["typ"] == "Euler II" and np.argmax(rain.depths_mm) == 4   # peak at D/3


def test_hazard_classes_are_the_german_depth_classes():
    d = np.array([0.0, 0.099, 0.1, 0.299, 0.3, 0.499, 0.5, 0.999, 1.0, 3.0])
    assert hazard_classes(d).tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


# --------------------------------------------------------------------------- grid
def test_grid_buildings_block_cells_whose_centre_is_inside(base_run):
    p, rec, _ = base_run
    grid = build_grid(p, 10)
    assert grid.shape == (100, 100) and grid.dx == 10
    assert rec.inputs["gebaeudezellen_gesperrt"] == int(grid.blocked.sum()) > 50
    rows, cols = np.indices(grid.shape)
    xs, ys = xy(grid.transform, rows.ravel(), cols.ravel())
    centres = shapely.points(xs, ys)
    footprints = shapely.union_all([shapely.force_2d(f.geometry) for f in p.store.features("buildings")])
    inside = shapely.contains(footprints, centres).reshape(grid.shape)
    assert np.array_equal(inside, grid.blocked)


def test_grid_surfaces_from_parcel_use_and_land_cover(project):
    grid = build_grid(project, 10)
    hs = project.store.get("parcels", next(f.attrs["flurstueckskennzeichen"] for f in project.store.features("parcels")
                                          if f.attrs["lagebezeichnung"] == "Hauptstraße"))
    c = hs.geometry.representative_point()
    r, col = rasterio.transform.rowcol(grid.transform, c.x, c.y)
    assert not grid.blocked[r, col]
    assert grid.classes[grid.cover[r, col]] == "Asphalt"
    assert grid.sealing[r, col] == 1.0 and grid.manning[r, col] == MANNING_N["Asphalt"]
    assert grid.classes[grid.cover[0, 0]] == "Grünland" and grid.sealing[0, 0] == 0.0   # no parcel: default
    # a land-cover polygon wins over parcel use; its versiegelung_prozent over the class' value
    project.store.create_layer(LAND_COVER)
    x0, y0 = grid.transform.c, grid.transform.f
    project.store.upsert("land_cover", [
        Feature({"flaechen_id": "F1", "art": "Pflaster", "versiegelung_prozent": 60.0}, box(x0, y0 - 50, x0 + 50, y0)),
        Feature({"flaechen_id": "F2", "art": "Wald"}, shapely.buffer(c, 15))])
    grid2 = build_grid(project, 10)
    assert grid2.classes[grid2.cover[0, 0]] == "Pflaster" and grid2.sealing[0, 0] == pytest.approx(0.6)
    assert grid2.manning[0, 0] == MANNING_N["Pflaster"]
    assert grid2.classes[grid2.cover[r, col]] == "Wald" and grid2.sealing[r, col] == 0.0
    assert grid2.info["bodenbedeckung"]["quelle"] == "land_cover + ALKIS-Nutzung"


def test_parcel_use_table():
    assert dominant_use("Fläche besonderer funktionaler Prägung 64 %, Sport-, Freizeit- und Erholungsfläche "
                        "(Sportplatz) 36 %") == "Fläche besonderer funktionaler Prägung"
    assert cover_of_use("Straßenverkehr 100 %") == "Asphalt"
    assert cover_of_use("Landwirtschaft (Grünland) 82 %, Wald (Laubholz) 18 %") == "Grünland"
    assert cover_of_use("Landwirtschaft (Ackerland) 100 %") == "Acker"
    assert cover_of_use("Stehendes Gewässer (Speicherbecken) 100 %") == "Wasserfläche"
    assert cover_of_use(None) is None and cover_of_use("Unbekannt 100 %") is None


# --------------------------------------------------------------------------- outputs
def test_run_stores_record_rasters_and_tables(base_run):
    p, rec, messages = base_run
    assert rec.run_id.startswith("sr_") and load_run(p, rec.run_id) == rec
    assert [r.run_id for r in list_runs(p)] == [rec.run_id]
    assert rec.inputs["dgm"]["sha256"] == file_sha256(p.root / "rasters" / "dem" / "projekt_dgm.tif")
    assert rec.inputs["zellgroesse_m"] == 10 and rec.inputs["raster"] == {"zeilen": 100, "spalten": 100}
    assert rec.inputs["verluste"]["bodenart"] == "Lehm"
    b = rec.balance
    assert b["relativer_fehler"] < 1e-5
    assert b["niederschlag_brutto_m3"] == pytest.approx(15e-3 * (1e6 - 100 * rec.inputs["gebaeudezellen_gesperrt"]),
                                                        rel=1e-4)
    assert 0 < b["verluste_m3"] < b["niederschlag_brutto_m3"]
    # losses block by block from the loss model on the grid's sealing (initial loss, then infiltration)
    grid = build_grid(p, 10)
    losses = LossModel(grid.sealing, LossParameters(soil_class="Lehm"))
    for mm in (5.0, 10.0):
        losses.step(mm / 1000 / 300, 300)
    lost = (losses.rain_m - losses.effective_m)[~grid.blocked].sum() * 100.0
    assert b["verluste_m3"] == pytest.approx(lost, rel=1e-4)
    # progress: fraction rising to 1, German model and wall time
    assert messages[-1][0] == 1.0 and all(a[0] <= b_[0] for a, b_ in zip(messages, messages[1:]))
    assert any(m.startswith("Modellzeit 10:00 von 15:00 min, Rechenzeit ") and m.endswith(" s") for _, m in messages)

    assert set(rec.rasters) == set(RASTER_KEYS)
    registered = {r["name"]: r for r in p.store.rasters() if r["name"].startswith(rec.run_id)}
    assert {r["kind"] for r in registered.values()} == {KIND_RESULT, KIND_HAZARD}
    assert registered[f"{rec.run_id}/gefahrenklassen"]["kind"] == KIND_HAZARD
    with rasterio.open(p.root / rec.rasters["max_tiefe"]) as src:
        hmax = src.read(1, masked=True)
        assert src.crs.to_epsg() == 25832 and src.res == (10.0, 10.0) and src.dtypes[0] == "float32"
        assert src.bounds == (690000.0, 5335000.0, 691000.0, 5336000.0)
        assert src.profile.get("tiled") and src.overviews(1) is not None   # COG layout
        transform = src.transform
    assert float(hmax.max()) == pytest.approx(rec.max_depth_m, rel=1e-6)
    with rasterio.open(p.root / rec.rasters["gefahrenklassen"]) as src:
        haz = src.read(1, masked=True)
        assert src.dtypes[0] == "uint8" and src.transform == transform
    assert np.array_equal(haz.mask, hmax.mask)
    assert np.array_equal(haz.compressed(), hazard_classes(hmax.compressed()))
    with rasterio.open(p.root / rec.rasters["zeit_max"]) as src:
        tmax = src.read(1, masked=True)
    assert 0 < float(tmax.max()) <= 15.0                                   # minutes
    times, depths, bounds = depth_series(p, rec.run_id)
    assert list(times) == rec.snapshot_times and depths.shape == (len(times), 100, 100)
    assert depths.dtype == np.float32 and bounds == (690000.0, 5335000.0, 691000.0, 5336000.0)
    assert times[-1] == 900.0 and np.all(np.diff(times) > 0)
    # maximum over time is at least every snapshot's depth
    assert np.all(depths.max(axis=0)[~hmax.mask] <= hmax.filled(0)[~hmax.mask] + 1e-5)

    affected = p.store.features("flood_affected_buildings")
    assert len(affected) == rec.affected_buildings > 0
    for f in affected:
        assert f.attrs["run_id"] == rec.run_id and f.attrs["max_tiefe_m"] >= 0.1
        assert f.attrs["gefahrenklasse"] == hazard_classes(f.attrs["max_tiefe_m"])
        assert f.geometry is not None and f.geometry.geom_type == "MultiPolygon"
    assert any(f.attrs["adresse"] for f in affected)
    roads = p.store.features("flooded_roads")
    assert len(roads) == rec.flooded_roads > 0
    for f in roads:
        assert f.attrs["flaeche_ueberflutet_m2"] >= 100 and f.attrs["max_tiefe_m"] >= 0.1
        assert f.attrs["flurstuecke"]
    with pytest.raises(RunNotFound, match="gibt es in diesem Projekt nicht"):
        load_run(p, "sr_gibtsnicht")


def test_affected_building_depth_is_the_max_at_its_edge(base_run):
    p, rec, _ = base_run
    grid = build_grid(p, 10)
    with rasterio.open(p.root / rec.rasters["max_tiefe"]) as src:
        hmax = src.read(1, masked=True).filled(0.0)
    from rasterio.features import rasterize
    for f in p.store.features("flood_affected_buildings")[:5]:
        b = p.store.get("buildings", f.attrs["building_id"])
        fp = shapely.force_2d(b.geometry)
        touched = rasterize([(fp, 1)], out_shape=grid.shape, transform=grid.transform, all_touched=True) > 0
        edge = touched & ~grid.blocked
        assert f.attrs["max_tiefe_m"] >= round(float(hmax[edge].max()), 3) - 1e-3


def test_rerun_from_record_gives_same_max_depth(project):
    sc = HeavyRainScenario(title="T10 D15", kostra_file=str(KOSTRA), return_period_a=10, duration_min=15,
                           after_min=5, cell_size_m=20)
    first = run_heavy_rain(project, sc)
    assert first.inputs["kostra"]["sha256"] == file_sha256(KOSTRA)
    assert first.inputs["regen"]["summe_mm"] == pytest.approx(24.7)
    again = run_heavy_rain(project, HeavyRainScenario.from_dict(load_run(project, first.run_id).scenario))
    assert again.run_id != first.run_id and again.scenario == first.scenario
    with rasterio.open(project.root / first.rasters["max_tiefe"]) as a, \
            rasterio.open(project.root / again.rasters["max_tiefe"]) as b:
        assert np.allclose(a.read(1), b.read(1), atol=1e-6)
    assert again.balance["regen_abfluss_m3"] == pytest.approx(first.balance["regen_abfluss_m3"], rel=1e-9)
    assert len(list_runs(project)) == 2


# --------------------------------------------------------------------------- all or nothing
def test_cancel_during_simulation_writes_nothing(project):
    before = _state(project)
    state = {"cancel": False}

    class Token:
        @property
        def cancelled(self) -> bool:
            return state["cancel"]

    def progress(f: float, msg: str) -> None:
        if msg.startswith("Modellzeit 5:00"):
            state["cancel"] = True

    with pytest.raises(Cancelled, match="nichts gespeichert"):
        run_heavy_rain(project, HeavyRainScenario(cell_size_m=20, **SHORT), progress=progress, cancel=Token())
    assert _state(project) == before


def test_cancel_at_every_point_of_writing_leaves_store_untouched(project):
    """Cancel at the 1st, 2nd, … check after the results are being written (COGs, tables, register, move):
    every time nothing is left; the first count that is never reached gives a complete run."""
    before = _state(project)
    sc = HeavyRainScenario(cell_size_m=20, hyetograph=[(5.0, 60.0)], after_min=1.0)
    for n in range(1, 30):
        seen = {"writing": False, "checks": 0}

        def progress(f: float, msg: str, seen=seen) -> None:
            seen["writing"] = seen["writing"] or msg.startswith("Ergebnisse schreiben")

        def cancel(seen=seen, n=n) -> bool:
            if seen["writing"]:
                seen["checks"] += 1
            return seen["checks"] >= n

        try:
            rec = run_heavy_rain(project, sc, progress=progress, cancel=cancel)
        except Cancelled:
            assert _state(project) == before, f"Abbruch an Prüfstelle {n}"
            continue
        assert n >= 5 and load_run(project, rec.run_id).run_id == rec.run_id   # COGs, tables, register checked
        break
    else:
        pytest.fail("Lauf wurde nie fertig")


def test_boundaries_and_sewer_sink(project):
    closed = run_heavy_rain(project, HeavyRainScenario(cell_size_m=20, boundary="closed", **SHORT))
    b = closed.balance
    assert b["rand_abfluss_m3"] == 0 and b["speicher_ende_m3"] == pytest.approx(b["regen_abfluss_m3"], rel=1e-5)
    sewer = run_heavy_rain(project, HeavyRainScenario(cell_size_m=20, sink_mm_h=30, boundary="closed", **SHORT))
    assert sewer.balance["kanal_m3"] > 0
    assert sewer.balance["speicher_ende_m3"] < b["speicher_ende_m3"]


# --------------------------------------------------------------------------- roles and publishing
def test_citizens_see_only_released_hazard_maps(project, tmp_path):
    a = run_heavy_rain(project, HeavyRainScenario(title="Freigegeben", cell_size_m=20, **SHORT))
    b = run_heavy_rain(project, HeavyRainScenario(title="Intern", cell_size_m=20, **SHORT))
    buerger, rat, verwaltung = (project.session(r) for r in ("buerger", "rat", "verwaltung"))
    sim = lambda s: {r["name"] for r in s.rasters() if r["kind"].startswith("starkregen")}  # noqa: E731
    assert sim(buerger) == set()
    assert sim(rat) == sim(verwaltung) == {f"{r.run_id}/{k}" for r in (a, b) for k in RASTER_KEYS}
    assert buerger.features("flood_runs") == []

    release_run(project, a.run_id, True)
    assert load_run(project, a.run_id).released and not load_run(project, b.run_id).released
    assert sim(buerger) == {f"{a.run_id}/gefahrenklassen"}
    assert [f.attrs["run_id"] for f in buerger.features("flood_runs")] == [a.run_id]
    assert "inputs" not in buerger.features("flood_runs")[0].attrs
    assert {r["name"] for r in buerger.rasters(KIND_RESULT)} == set()
    for layer in ("flood_affected_buildings", "flooded_roads"):
        with pytest.raises(AccessDenied):
            buerger.features(layer)
        assert rat.count(layer) == project.store.count(layer)
    assert project.store.history("flood_runs", a.run_id)[-1]["new_values"] == {"released": True}

    content = build_content(project, "buerger", tmp_path / "buerger")
    published = [r for r in content.rasters if "starkregen" in r]
    assert published == [a.rasters["gefahrenklassen"]]
    assert (tmp_path / "buerger" / a.rasters["gefahrenklassen"]).is_file()
    assert not (tmp_path / "buerger" / b.rasters["gefahrenklassen"]).exists()
    with Project.open(tmp_path / "buerger") as pub:
        assert [f.attrs["run_id"] for f in pub.store.features("flood_runs")] == [a.run_id]
        assert not pub.store.has_layer("flood_affected_buildings")
    rat_content = build_content(project, "rat", tmp_path / "rat")
    assert len([r for r in rat_content.rasters if "starkregen" in r]) == 2 * len(RASTER_KEYS)

    release_run(project, a.run_id, False)
    assert sim(buerger) == set()


def test_policy_checks_raster_rows():
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    assert parse_policy(text).role("buerger").raster_rows[KIND_HAZARD] == "flood_runs.run_id"
    with pytest.raises(PolicyError, match="raster_rows 'starkregen_gefahr' braucht"):
        parse_policy(text.replace('"flood_runs.run_id"', '"flood_runs.lauf"'))
    hidden = text.replace('rows = [{ field = "released", value = true }]', "").replace(
        "[roles.buerger.layers.flood_runs]", "[roles.buerger.layers.flood_runs_weg]")
    with pytest.raises(PolicyError, match="verweist auf 'flood_runs', den die Rolle nicht sieht"):
        parse_policy(hidden)


# --------------------------------------------------------------------------- variants
def test_desealing_variant_reduces_runoff(project):
    sc = dict(cell_size_m=10, soil="Sand", **SHORT)
    base = run_heavy_rain(project, HeavyRainScenario(**sc))
    var = run_heavy_rain(project, HeavyRainScenario(variant=MARKTPLATZ, **sc))
    assert var.variant == MARKTPLATZ and var.inputs["bodenbedeckung"]["zellen_land_cover"] > 0
    g0 = build_grid(project, 10)
    g1 = build_grid(project_in_variant(project, MARKTPLATZ), 10)
    desealed = (g1.sealing < g0.sealing) & ~g0.blocked
    assert desealed.sum() >= 10 and not (g1.sealing > g0.sealing).any()
    # on sand the lawn swallows the 15 mm; the asphalt it replaced lost only its 1 mm initial loss
    expected = desealed.sum() * 100.0 * 14e-3
    reduction = base.balance["regen_abfluss_m3"] - var.balance["regen_abfluss_m3"]
    assert reduction == pytest.approx(expected, rel=0.1)


def test_added_building_blocks_cells_and_release_follows_variant(project):
    base = run_heavy_rain(project, HeavyRainScenario(cell_size_m=10, **SHORT))
    var = run_heavy_rain(project, HeavyRainScenario(cell_size_m=10, variant=KITA, **SHORT))
    g0 = build_grid(project, 10)
    g1 = build_grid(project_in_variant(project, KITA), 10)
    new = g1.blocked & ~g0.blocked
    assert new.sum() >= 2 and not (g0.blocked & ~g1.blocked).any()
    kita = village_rect(-10.0, 99.0, 10.0, 113.0)
    r, c = np.nonzero(new)
    xs, ys = xy(g1.transform, r, c)
    assert all(kita.contains(shapely.Point(x, y)) for x, y in zip(xs, ys))
    assert var.inputs["gebaeudezellen_gesperrt"] == base.inputs["gebaeudezellen_gesperrt"] + int(new.sum())
    with rasterio.open(project.root / var.rasters["max_tiefe"]) as src:
        assert src.read(1, masked=True).mask[new].all()         # no water inside the new building
    with pytest.raises(ProjectError, match="nicht für die Öffentlichkeit freigegeben"):
        release_run(project, var.run_id, True)                    # the Kita variant is internal


# --------------------------------------------------------------------------- both backends
def test_run_release_and_roles_on_both_backends(new_project):
    """DGM tile, LoD2 buildings and ALKIS parcels imported into a new project (GeoPackage and PostGIS): the
    run lands in one transaction and the citizens' view follows the release."""
    from importers.base import import_files

    p = new_project()
    import_files(p, [ROOT / "sample_data" / "real" / "BY_DGM1_690_5335.tif",
                     ROOT / "sample_data" / "musterdorf" / "musterdorf_lod2.gml",
                     ROOT / "sample_data" / "musterdorf" / "musterdorf_alkis.xml"])
    rec = run_heavy_rain(p, HeavyRainScenario(cell_size_m=20, **SHORT))
    assert rec.inputs["gebaeude"] > 0 and rec.inputs["bodenbedeckung"]["zellen_flurstuecksnutzung"] > 0
    assert load_run(p, rec.run_id) == rec
    buerger = p.session("buerger")
    assert not [r for r in buerger.rasters() if r["kind"].startswith("starkregen")]
    release_run(p, rec.run_id, True)
    assert [r["name"] for r in buerger.rasters() if r["kind"].startswith("starkregen")] == \
        [f"{rec.run_id}/gefahrenklassen"]
    assert [f.attrs["run_id"] for f in buerger.features("flood_runs")] == [rec.run_id]


def test_point_inflow_enters_where_the_creek_is(project):
    """A creek entering at a point: its volume is in the ledger, the water stays (closed boundary, no rain),
    it ponds downhill of the point, and a point outside the grid or in a building is refused by name."""
    grid = build_grid(project, 10.0)
    x0, y0, x1, y1 = grid.bounds
    creek = dict(name="Seebach", x=x0 + 505.0, y=y1 - 305.0, hydrograph=[(0.0, 2.0), (10.0, 2.0), (11.0, 0.0)])
    sc = HeavyRainScenario(title="Bach", cell_size_m=10, hyetograph=[(5.0, 0.0)], after_min=10.0,
                           boundary="closed", inflows=[creek])
    assert HeavyRainScenario.from_dict(sc.to_dict()) == sc
    rec = run_heavy_rain(project, sc)
    b = rec.balance
    assert b["zufluss_m3"] == pytest.approx(2.0 * 600 + 0.5 * 2.0 * 60, rel=1e-6)
    assert b["regen_abfluss_m3"] == 0.0
    assert b["speicher_ende_m3"] == pytest.approx(b["zufluss_m3"], rel=1e-4)
    with rasterio.open(project.root / rec.rasters["max_tiefe"]) as src:
        depth = src.read(1, masked=True)
        row, col = src.index(creek["x"], creek["y"])
    assert depth[row, col] > 0.01 and depth.max() > 0.05
    with pytest.raises(ScenarioError, match="Seebach.*außerhalb des Rechengebiets"):
        run_heavy_rain(project, sc.model_copy(update={"inflows": [InflowSpec(**{**creek, "x": x0 - 50.0})]}))
    with pytest.raises(ScenarioError, match="streng aufsteigen"):
        HeavyRainScenario.from_dict({**sc.to_dict(), "inflows": [{**creek, "hydrograph": [[5, 1], [5, 2]]}]})
