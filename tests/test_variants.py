"""Planning variants on both backends: create, change, release (with history), read "as in the variant",
highlight keys, validation; the base data are never touched. Plus the sample variants and the CLI."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from typer.testing import CliRunner

from importers.base import import_file
from tests.conftest import SAMPLE_REAL
from twin.errors import ExtentError, SchemaError, StoreError
from twin.model.land_cover import LAND_COVER
from twin.model.trees import TREES
from twin.store import Feature
from twin.variants import (
    ADD, MODIFY, REMOVE, VariantError, VariantStore, add_building, change_closure, changed_keys, changes,
    delete_variant, deseal_surface, edit_variant, features_in_variant, get_variant, list_variants, new_variant,
    plant_tree, project_in_variant, release, remove_building, set_change,
)
from twin.variants.model import model_schemas, parse_state
from twin.variants.planning import lowest_ground

DEBY_ID = "DEBY_LOD2_4959457"
X0, Y0 = 690300.0, 5335400.0  # inside the sample extent, away from the real building


def base_snapshot(store, layers=("trees", "buildings", "building_surfaces", "land_cover", "road_closures")):
    """Rows (key, values, WKB) and audit history of the base layers: what a variant must never change."""
    out = {}
    for name in layers:
        if store.has_layer(name):
            key = store.schema(name).key
            out[name] = sorted((str(f.attrs[key]), repr(sorted(f.attrs.items())),
                                None if f.geometry is None else f.geometry.wkb) for f in store.features(name))
            out[name + "_history"] = [(h["id"], h["action"], h["feature_key"]) for h in store.history(name)]
    return out


def add_trees(project, n: int = 3) -> None:
    project.store.create_layer(TREES)
    project.store.upsert("trees", [Feature({"baumnummer": f"T{i}", "art": "Acer platanoides",
                                            "baumhoehe_m": 5.0 * i, "pflanzjahr": 1990 + i},
                                           Point(X0 + 10 * i, Y0)) for i in range(1, n + 1)], actor="baumkataster")


# ----------------------------------------------------------------- variants and release
def test_create_list_release_with_history(new_project):
    p = new_project()
    assert list_variants(p.store) == []
    v = new_variant(p, "markt", "Marktplatz entsiegeln", "Weniger Asphalt", actor="stadtplanung")
    new_variant(p, "kita", "Neubau Kita", actor="stadtplanung")
    got = get_variant(p.store, "markt")
    assert (got.title, got.description, got.release_state, got.state_label) == (
        "Marktplatz entsiegeln", "Weniger Asphalt", "intern", "intern")
    assert got.created_by == got.updated_by == "stadtplanung" and got.created_at and got.name == "markt"
    assert [x.id for x in list_variants(p.store)] == ["markt", "kita"]  # by title
    assert list_variants(p.store, "rat") == [] and list_variants(p.store, "buerger") == []

    assert release(v, "rat", actor="bauamtsleitung").state_label == "für den Rat freigegeben"
    assert [x.id for x in list_variants(p.store, "rat")] == ["markt"] and list_variants(p.store, "buerger") == []
    release(v, "öffentlich", actor="buergermeisterin")
    assert [x.id for x in list_variants(p.store, "buerger")] == ["markt"]
    assert [x.id for x in list_variants(p.store, "rat")] == ["markt"]
    assert get_variant(p.store, "markt").updated_by == "buergermeisterin"

    hist = [h for h in p.store.history("variants", "markt")
            if h["action"] == "update" and "release_state" in (h["new_values"] or {})]
    assert [(h["actor"], h["old_values"]["release_state"], h["new_values"]["release_state"]) for h in hist] == [
        ("bauamtsleitung", "intern", "rat"), ("buergermeisterin", "rat", "oeffentlich")]
    assert p.store.history("variants", "markt")[0]["action"] == "insert"

    with pytest.raises(VariantError, match="gibt es bereits"):
        new_variant(p, "markt", "Nochmal")
    with pytest.raises(VariantError, match="Ungültiger Kurzname"):
        new_variant(p, "Markt Platz", "X")
    with pytest.raises(VariantError, match="Freigabestand"):
        release(v, "geheim")
    with pytest.raises(VariantError, match="Zielgruppe"):
        list_variants(p.store, "presse")
    with pytest.raises(VariantError, match="gibt es nicht"):
        edit_variant(p, "nichts")
    assert parse_state("für den Rat freigegeben") == "rat" and parse_state("OEFFENTLICH") == "oeffentlich"


def test_delete_variant_keeps_history(new_project):
    p = new_project()
    v = new_variant(p, "weg", "Wird verworfen")
    plant_tree(v, X0, Y0, "Tilia cordata", 6, 3, 2026)
    assert delete_variant(p, "weg", actor="stadtplanung") == 1
    assert list_variants(p.store) == [] and changes(p.store, "weg") == []
    assert [h["action"] for h in p.store.history("variants", "weg")][-1] == "delete"


# ----------------------------------------------------------------- reading as in the variant
def test_features_in_variant_add_modify_remove(new_project):
    p = new_project()
    add_trees(p)
    before = base_snapshot(p.store)
    v = new_variant(p, "baeume", "Bäume tauschen", actor="gruenflaechenamt")
    new_key = plant_tree(v, X0 + 50, Y0 + 5, "Tilia cordata", 6.0, 3.0, 2026, german_name="Winter-Linde")
    assert new_key == "baeume-B1"
    set_change(v, "trees", "T1", MODIFY, {"baumhoehe_m": 12.0, "vitalitaet": "1"}, Point(X0 + 11, Y0 + 2))
    set_change(v, "trees", "T1", MODIFY, {"pflanzjahr": 1985})  # merges into the earlier modification
    set_change(v, "trees", "T2", REMOVE)

    feats = {f["baumnummer"]: f for f in features_in_variant(p.store, "trees", "baeume")}
    assert sorted(feats) == ["T1", "T3", "baeume-B1"]
    t1 = feats["T1"]
    assert (t1["baumhoehe_m"], t1["vitalitaet"], t1["pflanzjahr"], t1["art"]) == (12.0, "1", 1985, "Acer platanoides")
    assert t1.geometry.equals(Point(X0 + 11, Y0 + 2)) and not t1.geometry.has_z  # 2D layer stays 2D
    assert feats["T3"].attrs == p.store.get("trees", "T3").attrs
    new = feats["baeume-B1"]
    assert (new["gattung"], new["art"], new["art_deutsch"], new["kronendurchmesser_m"], new.fid) == (
        "Tilia", "Tilia cordata", "Winter-Linde", 3.0, None)
    assert features_in_variant(p.store, "trees", None) == p.store.features("trees")

    # a filter sees the variant's values: T1 (5 m in the base) is 12 m in the variant, the new tree 6 m
    t = p.store.table("trees")
    assert sorted(f["baumnummer"] for f in features_in_variant(p.store, "trees", "baeume", t.c.baumhoehe_m > 10)) == [
        "T1", "T3"]
    assert [f["baumnummer"] for f in features_in_variant(p.store, "trees", "baeume", t.c.art == "Tilia cordata")] == [
        "baeume-B1"]
    assert features_in_variant(p.store, "trees", "baeume", t.c.baumnummer == "T2") == []

    assert changed_keys(p.store, "baeume") == {"trees": {"T1", "T2", "baeume-B1"}}
    assert {c.key: c.action for c in changes(p.store, "baeume")} == {"T1": MODIFY, "T2": REMOVE, "baeume-B1": ADD}
    assert base_snapshot(p.store) == before  # nothing written into the base layers
    assert [h["actor"] for h in p.store.history("variant_changes")][:1] == ["gruenflaechenamt"]

    # removing an added feature drops the addition; undoing a removal by re-adding restores the feature
    assert set_change(v, "trees", "baeume-B1", REMOVE) is None
    set_change(v, "trees", "T2", ADD, {"art": "Quercus robur"}, Point(X0 + 20, Y0))
    feats = {f["baumnummer"]: f for f in features_in_variant(p.store, "trees", "baeume")}
    assert sorted(feats) == ["T1", "T2", "T3"] and feats["T2"]["art"] == "Quercus robur"
    assert feats["T2"]["baumhoehe_m"] == 10.0  # the base values stay where the variant says nothing


def test_variant_store_is_a_read_only_view(new_project):
    p = new_project()
    add_trees(p, 2)
    v = new_variant(p, "v", "V")
    plant_tree(v, X0, Y0 + 30, "Sorbus aria", 5, 2, 2026, key="NEU")
    view = project_in_variant(p, "v").store
    assert isinstance(view, VariantStore) and project_in_variant(p, None) is p
    assert view.count("trees") == 3 and p.store.count("trees") == 2
    assert view.get("trees", "NEU")["art"] == "Sorbus aria" and p.store.get("trees", "NEU") is None
    assert sorted(view.keys("trees")) == ["NEU", "T1", "T2"]
    assert [f["baumnummer"] for f in view.query_bbox("trees", (X0 - 1, Y0 + 29, X0 + 1, Y0 + 31))] == ["NEU"]
    assert view.rasters() == p.store.rasters() and view.srid == p.store.srid
    with pytest.raises(StoreError, match="Ansicht"):
        view.upsert("trees", [])
    with pytest.raises(StoreError):
        view.delete("trees", ["T1"])


def test_deseal_cuts_the_existing_land_cover(new_project):
    p = new_project()
    p.store.create_layer(LAND_COVER)
    p.store.upsert("land_cover", [Feature({"flaechen_id": "A", "art": "Asphalt", "versiegelung_prozent": 100.0},
                                          shapely.MultiPolygon([box(X0, Y0, X0 + 100, Y0 + 100)]))])
    before = base_snapshot(p.store)
    v = new_variant(p, "gruen", "Entsiegeln")
    key = deseal_surface(v, box(X0 + 40, Y0 + 40, X0 + 60, Y0 + 60), "Rasen")
    feats = {f["flaechen_id"]: f for f in features_in_variant(p.store, "land_cover", "gruen")}
    assert feats[key]["versiegelung_prozent"] == 0.0 and feats[key]["art"] == "Rasen"
    assert feats["A"].geometry.area == pytest.approx(100 * 100 - 20 * 20)
    assert feats["A"]["versiegelung_prozent"] == 100.0

    key2 = deseal_surface(v, box(X0 - 10, Y0 - 10, X0 + 110, Y0 + 110), "Schotterrasen")
    feats = {f["flaechen_id"]: f for f in features_in_variant(p.store, "land_cover", "gruen")}
    assert list(feats) == [key2] and feats[key2]["versiegelung_prozent"] == 20.0
    assert changed_keys(p.store, "gruen") == {"land_cover": {"A", key2}}  # the first area was added, then cut away
    assert base_snapshot(p.store) == before
    with pytest.raises(VariantError, match="Versiegelungsgrad"):
        deseal_surface(v, box(X0, Y0, X0 + 5, Y0 + 5), "Kunstrasen")


def test_add_and_remove_buildings(new_project):
    p = new_project()
    import_file(p, SAMPLE_REAL / "BY_DGM1_690_5335.tif")
    import_file(p, SAMPLE_REAL / f"{DEBY_ID}.gml")
    before = base_snapshot(p.store)
    n_surfaces = p.store.count("building_surfaces")

    v = new_variant(p, "bau", "Neubau")
    fp = Polygon([(X0, Y0), (X0, Y0 + 14), (X0 + 20, Y0 + 14), (X0 + 20, Y0)])  # clockwise: gets oriented
    key = add_building(v, fp, 7.5, name="Kita", function="31001_3065", storeys=2)
    b = {f["gml_id"]: f for f in features_in_variant(p.store, "buildings", "bau")}[key]
    z0 = lowest_ground(p, fp)
    assert 400 < z0 < 700 and b["ground_height"] == pytest.approx(z0, abs=1e-3)
    assert (b["roof_height"], b["lod"], b["measured_height"]) == (pytest.approx(z0 + 7.5, abs=1e-3), 1, 7.5)
    surfaces = [f for f in features_in_variant(p.store, "building_surfaces", "bau") if f["building_id"] == key]
    assert sorted(f["surface_type"] for f in surfaces) == ["GroundSurface", "RoofSurface"] + ["WallSurface"] * 4
    walls = [f for f in surfaces if f["surface_type"] == "WallSurface"]
    assert sorted(f["area"] for f in walls) == pytest.approx([14 * 7.5] * 2 + [20 * 7.5] * 2)
    for f in surfaces:  # outward normals: roof up, ground down, walls away from the centre
        c = shapely.get_coordinates(f.geometry.geoms[0].exterior, include_z=True)
        normal = _newell(c)
        centre = c[:-1].mean(axis=0) - [X0 + 10, Y0 + 7, z0 + 3.75]
        assert normal @ centre > 0, f["surface_type"]

    v2 = new_variant(p, "abriss", "Abriss")
    assert remove_building(v2, DEBY_ID) == [DEBY_ID]
    assert DEBY_ID not in {f["gml_id"] for f in features_in_variant(p.store, "buildings", "abriss")}
    assert features_in_variant(p.store, "building_surfaces", "abriss") == []
    assert len(changed_keys(p.store, "abriss")["building_surfaces"]) == n_surfaces
    assert {c.action for c in changes(p.store, "abriss")} == {REMOVE}
    removed = [c for c in changes(p.store, "abriss", "buildings")][0]
    assert removed.geometry is None and removed.shape is not None  # where it stood, for display
    with pytest.raises(VariantError, match="gibt es nicht"):
        remove_building(v2, DEBY_ID)  # already removed in this variant
    assert remove_building(v, key) == [key]  # a building added by the variant: the additions are dropped
    assert changed_keys(p.store, "bau") == {}
    assert base_snapshot(p.store) == before and p.store.count("building_surfaces") == n_surfaces


def _newell(c: np.ndarray) -> np.ndarray:
    """Area-weighted normal of a closed 3D ring."""
    return np.cross(c[:-1] - c[0], c[1:] - c[0]).sum(axis=0)


def test_change_closure_by_layer_name(new_project):
    p = new_project()
    schema = model_schemas()["road_closures"]
    p.store.create_layer(schema)
    line = shapely.MultiLineString([LineString([(X0, Y0), (X0 + 80, Y0)])])
    p.store.upsert("road_closures", [Feature({schema.key: "S-1", "art": "Baustelle", "strasse": "Hauptstraße"},
                                             line)])
    before = base_snapshot(p.store)
    v = new_variant(p, "umbau", "Hauptstraße Umbau")
    change_closure(v, "S-1", {"art": "Vollsperrung", "bis": "2027-06-30"})
    change_closure(v, "S-2", {"art": "Halteverbot", "strasse": "Marktplatz"}, LineString([(X0, Y0 + 50),
                                                                                        (X0 + 30, Y0 + 50)]))
    feats = {f[schema.key]: f for f in features_in_variant(p.store, "road_closures", "umbau")}
    assert (feats["S-1"]["art"], feats["S-1"]["bis"], feats["S-1"]["strasse"]) == (
        "Vollsperrung", "2027-06-30", "Hauptstraße")
    assert feats["S-2"].geometry.geom_type == "MultiLineString"  # a line becomes the layer's multi type
    assert {c.key: c.action for c in changes(p.store, "umbau")} == {"S-1": MODIFY, "S-2": ADD}
    assert base_snapshot(p.store) == before
    with pytest.raises(VariantError, match="braucht eine Geometrie"):
        change_closure(v, "S-3", {"art": "Baustelle"})


def test_validation_errors_write_nothing(new_project):
    p = new_project()
    add_trees(p, 1)
    v = new_variant(p, "v", "V")
    plant_tree(v, X0, Y0 + 10, "Tilia cordata", 6, 3, 2026, key="OK")
    n = len(p.store.history())
    with pytest.raises(SchemaError, match="existiert nicht"):
        set_change(v, "strassenbaeume", "X", ADD, {}, Point(X0, Y0))
    with pytest.raises(SchemaError, match="Variantenverwaltung"):
        set_change(v, "variants", "v", REMOVE)
    with pytest.raises(SchemaError, match="kein Feld 'hoehe'"):
        set_change(v, "trees", "T1", MODIFY, {"hoehe": 3})
    with pytest.raises(VariantError, match="'T9' gibt es im Layer 'trees' nicht"):
        set_change(v, "trees", "T9", MODIFY, {"baumhoehe_m": 3})
    with pytest.raises(VariantError, match="kann nicht entfernt werden"):
        set_change(v, "trees", "T9", REMOVE)
    with pytest.raises(VariantError, match="gibt es im Layer 'trees' schon"):
        set_change(v, "trees", "T1", ADD, {}, Point(X0, Y0))
    with pytest.raises(ExtentError, match="außerhalb des Projektgebiets"):
        plant_tree(v, 600000.0, 5335500.0, "Tilia cordata", 6, 3, 2026)
    with pytest.raises(VariantError, match="Geometrietyp"):
        set_change(v, "trees", "T1", MODIFY, {}, box(X0, Y0, X0 + 1, Y0 + 1))
    with pytest.raises(VariantError, match="keine ganze Zahl"):
        set_change(v, "trees", "T1", MODIFY, {"pflanzjahr": "bald"})
    with pytest.raises(VariantError, match="Aktion"):
        set_change(v, "trees", "T1", "rename")
    with pytest.raises(VariantError, match="Baumhöhe"):
        plant_tree(v, X0, Y0, "Tilia cordata", 0, 3, 2026)
    with pytest.raises(VariantError, match="gibt es nicht"):
        features_in_variant(p.store, "trees", "unbekannt")
    with pytest.raises(ExtentError):  # a building half outside: nothing of it is kept
        add_building(v, box(690990.0, Y0, 691010.0, Y0 + 10), 8.0, ground_height=500.0)
    assert len(p.store.history()) == n
    assert [c.key for c in changes(p.store, "v")] == ["OK"]


# ----------------------------------------------------------------- sample and CLI
def test_sample_variants(sample_project):
    store = sample_project.store
    assert [(v.id, v.release_state) for v in list_variants(store)] == [
        ("marktplatz_entsiegeln", "rat"), ("kita_am_anger", "intern")]
    assert [v.id for v in list_variants(store, "rat")] == ["marktplatz_entsiegeln"]
    assert list_variants(store, "buerger") == []
    keys = changed_keys(store, "marktplatz_entsiegeln")
    assert len(keys["trees"]) == 8 and len(keys["land_cover"]) == 1
    trees = features_in_variant(store, "trees", "marktplatz_entsiegeln")
    square = features_in_variant(store, "land_cover", "marktplatz_entsiegeln")[0]
    assert square["versiegelung_prozent"] == 0.0 and 1500 < square.geometry.area < 2500
    assert all(square.geometry.contains(t.geometry) for t in trees if t["baumnummer"] in keys["trees"])
    footprints = shapely.union_all([f.geometry for f in store.features("buildings")])
    assert not square.geometry.intersects(shapely.force_2d(footprints))
    kita = [f for f in features_in_variant(store, "buildings", "kita_am_anger") if f["gml_id"] == "KITA_AM_ANGER"][0]
    assert kita["name"] == "Kita Am Anger" and kita["storeys_above_ground"] == 2
    assert not shapely.force_2d(kita.geometry).intersects(shapely.force_2d(footprints))  # in the gap Am Anger
    assert kita.geometry.distance(footprints) < 15
    assert not store.has_layer("trees") or "MP-01" not in store.keys("trees")


def test_cli_variant_commands(sample_project_dir, tmp_path, monkeypatch):
    from cli.main import app

    # no wrapped table cells; the console reads $COLUMNS when it prints (setting console.width would be
    # undone to the width of that moment, 80 columns, for every later test in this process)
    monkeypatch.setenv("COLUMNS", "160")

    d = tmp_path / "p"
    shutil.copytree(sample_project_dir, d)
    runner = CliRunner()
    res = runner.invoke(app, ["variant", "list", str(d)])
    assert res.exit_code == 0 and "Marktplatz entsiegeln" in res.output and "intern" in res.output
    res = runner.invoke(app, ["variant", "list", str(d), "--fuer", "rat"])
    assert "Marktplatz" in res.output and "Kita" not in res.output
    res = runner.invoke(app, ["variant", "new", str(d), "Radweg Bahnhofstraße", "--von", "tiefbau"])
    assert res.exit_code == 0 and "radweg_bahnhofstrasse" in res.output
    res = runner.invoke(app, ["variant", "release", str(d), "radweg_bahnhofstrasse", "oeffentlich", "--von", "bm"])
    assert res.exit_code == 0 and "öffentlich" in res.output
    res = runner.invoke(app, ["variant", "show", str(d), "kita_am_anger"])
    assert res.exit_code == 0 and "7 Änderungen" in res.output and "KITA_AM_ANGER" in res.output
    res = runner.invoke(app, ["variant", "show", str(d), "radweg_bahnhofstrasse"])
    assert "tiefbau: intern" in res.output and "bm: öffentlich" in res.output
    res = runner.invoke(app, ["variant", "release", str(d), "gibtsnicht", "rat"])
    assert res.exit_code != 0


def test_scene_as_in_variant(sample_project):
    """build_scene reads every layer through the variant; ``changed`` marks its features on both sides."""
    from layers.scene import build_scene

    store = sample_project.store
    before = base_snapshot(store)
    gone = sorted(store.keys("buildings"))[0]
    remove_building(new_variant(sample_project, "abriss", "Abriss"), gone)
    base = build_scene(sample_project)
    after = build_scene(sample_project, variant="abriss")
    marked = build_scene(sample_project, highlight="abriss")
    assert gone in base.layer("buildings").feature_keys and gone not in after.layer("buildings").feature_keys
    assert "changed" not in base.layer("buildings").mesh.cell_data
    assert int(after.layer("buildings").mesh.cell_data["changed"].sum()) == 0
    b = marked.layer("buildings")
    hit = b.mesh.cell_data["feature_id"] == b.feature_keys.index(gone)
    assert (b.mesh.cell_data["changed"] == hit).all() and hit.any()  # the building to be removed, outlined
    assert (after.variant, marked.variant, marked.highlight) == ("abriss", None, "abriss")
    kita = build_scene(sample_project, variant="kita_am_anger").layer("buildings")
    assert kita.mesh.n_cells == base.layer("buildings").mesh.n_cells + 12  # LoD1 block: 6 quads
    assert base_snapshot(store) == before
