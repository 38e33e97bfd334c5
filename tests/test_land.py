"""Land management: vacant plots and under-used parcels (known answers on a drawn street), status kept on a new
search, thresholds and missing data, area balance per district and its change after a real ALKIS re-import,
the role policy (council without owners, citizens only released areas), and the CLI."""

from __future__ import annotations

import os
import re
import time
from datetime import date
from pathlib import Path

import pytest
from shapely.geometry import MultiPolygon, box
from typer.testing import CliRunner

from cli.main import app
from importers.alkis.load import NASImporter
from tests.conftest import ROOT, SAMPLE_EXTENT
from twin.errors import LandError
from twin.land.balance import MUNICIPALITY, area_balance, balance_change
from twin.land.potential import find_candidates, update_candidates
from twin.land.register import add_brownfield, add_vacancy, set_status
from twin.land.thresholds import Thresholds
from twin.model.cadastre import CADASTRE_BUILDINGS, PARCELS
from twin.model.land_potential import LAND_CONTACTS, LAND_POTENTIAL
from twin.model.land_use import LAND_USE
from twin.policy.rolestore import RoleStore
from twin.store import Feature
from twin.store.values import now_iso

X0, Y0 = 690100.0, 5335100.0
NAS = ROOT / "sample_data" / "musterdorf" / "musterdorf_alkis.xml"
runner = CliRunner()


def mp(x0, y0, x1, y1) -> MultiPolygon:
    return MultiPolygon([box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)])


def street(project, *, garage_function: str = "2463"):
    """A residential strip (y 0–30 m) of parcels with houses, and a field (y 30–60 m) behind it.

    Parcels (x in m): 12 parcels of 20 m (600 m², house 12 × 10 m = 0.2 built over) except
    P03 without a building, P05 with only a garage (6 × 6 m), P07 40 m wide (1200 m²) with a 8 × 5 m house,
    P10 5 m wide (150 m², empty: too small). F01 on the field, empty (not built-up land).
    """
    parcels, houses, x = [], [], 0.0
    for n in range(1, 13):
        w = {7: 40.0, 10: 5.0}.get(n, 20.0)
        key = f"P{n:02d}"
        parcels.append(Feature({PARCELS.key: key, "gemarkung_name": "Nord" if x < 150 else "Süd",
                                "lagebezeichnung": f"Musterweg {n}"}, mp(x, 0, x + w, 30)))
        if n == 5:
            houses.append(Feature({"gml_id": f"G{n}", "gebaeudefunktion": garage_function}, mp(x + 2, 2, x + 8, 8)))
        elif n == 7:
            houses.append(Feature({"gml_id": f"G{n}", "gebaeudefunktion": "1010"}, mp(x + 2, 5, x + 10, 10)))
        elif n not in (3, 10):
            houses.append(Feature({"gml_id": f"G{n}", "gebaeudefunktion": "1010"}, mp(x + 4, 5, x + 16, 15)))
        x += w
    parcels.append(Feature({PARCELS.key: "F01", "gemarkung_name": "Nord"}, mp(0, 30, 100, 60)))
    uses = [Feature({"gml_id": "U1", "objektart": "AX_Wohnbauflaeche", "nutzungsart": "Wohnbaufläche"}, mp(0, 0, x, 30)),
            Feature({"gml_id": "U2", "objektart": "AX_Landwirtschaft", "nutzungsart": "Landwirtschaft"},
                    mp(0, 30, x, 60))]
    store = project.store
    for schema, feats in ((PARCELS, parcels), (CADASTRE_BUILDINGS, houses), (LAND_USE, uses)):
        store.create_layer(schema)
        store.upsert(schema.name, feats)
    return x


def test_vacant_and_under_used_parcels_known_answer(new_project):
    p = new_project()
    street(p)
    r = find_candidates(p.store)
    got = {c.attrs["id"]: c.attrs for c in r.candidates}
    assert sorted(got) == ["BL-P03", "BL-P05", "UG-P07"]
    assert r.counts == {"Baulücke": 2, "Untergenutzt": 1} and r.parcels == 13
    ug = got["UG-P07"]
    assert ug["flaeche_m2"] == 1200.0 and ug["ueberbauung"] == pytest.approx(40 / 1200, abs=1e-3)
    assert ug["ueberbauung_umgebung"] == pytest.approx(0.2)
    assert ug["potenzial_m2"] == pytest.approx((0.2 - 40 / 1200) * 1200, abs=0.5)
    assert got["BL-P05"]["flaeche_m2"] == 600.0 and got["BL-P03"]["lage"] == "Musterweg 3"
    # a garage does not make a plot built; the same footprint as a house does
    p2 = new_project()
    street(p2, garage_function="1010")
    assert "BL-P05" not in {c.attrs["id"] for c in find_candidates(p2.store).candidates}
    # thresholds move the result: a stricter factor leaves P07 out, a smaller minimum plot lets P10 in
    r = find_candidates(p.store, Thresholds(untergenutzt_faktor=0.1, bauluecke_min_m2=100))
    assert sorted(c.attrs["id"] for c in r.candidates) == ["BL-P03", "BL-P05", "BL-P10"]


def test_new_search_keeps_staff_status_and_drops_what_is_gone(new_project):
    p = new_project()
    street(p)
    update_candidates(p, actor="bauamt")
    set_status(p, "BL-P05", "Eigentümer angefragt", note="Brief vom 1.9.", since=date(2026, 9, 1), actor="bauamt")
    set_status(p, "BL-P03", "verfügbar", actor="bauamt")
    # a house is built on P03: the next search drops it, P05 keeps its status and note
    p.store.upsert(CADASTRE_BUILDINGS.name, [Feature({"gml_id": "G3", "gebaeudefunktion": "1010"},
                                                     mp(44, 5, 56, 15))])
    r = update_candidates(p, actor="bauamt")
    assert r.removed == 1
    assert sorted(p.store.keys(LAND_POTENTIAL.name)) == ["BL-P05", "UG-P07"]
    p05 = p.store.get(LAND_POTENTIAL.name, "BL-P05").attrs
    assert (p05["status"], p05["bemerkung"], str(p05["status_datum"])) == ("angefragt", "Brief vom 1.9.",
                                                                             "2026-09-01")
    assert any(h["action"] == "delete" and h["feature_key"] == "BL-P03" for h in p.store.history(LAND_POTENTIAL.name))
    with pytest.raises(LandError, match="Unbekannter Status"):
        set_status(p, "BL-P05", "vielleicht")
    with pytest.raises(LandError, match="Keine Potenzialfläche"):
        set_status(p, "BL-X", "verfügbar")


def test_vacancy_and_brownfield_entered_by_staff(new_project):
    p = new_project()
    street(p)
    v = add_vacancy(p, "G8", date(2025, 3, 1), "Begehung Bauamt")
    assert (v.attrs["id"], v.attrs["art"], v.attrs["flaeche_m2"], v.attrs["flurstueckskennzeichen"]) == (
        "LS-G8", "Leerstand", 120.0, "P08")
    b = add_brownfield(p, "Alter Bauhof", box(X0 + 10, Y0 + 35, X0 + 50, Y0 + 55), date(2024, 1, 1), "Erhebung")
    assert (b.attrs["id"], b.attrs["flaeche_m2"], b.attrs["flurstueckskennzeichen"]) == ("BR-1", 800.0, "F01")
    with pytest.raises(LandError, match="Quelle"):
        add_vacancy(p, "G8", date(2025, 3, 1), " ")
    with pytest.raises(LandError, match="Kein Gebäude „G99“"):
        add_vacancy(p, "G99", date(2025, 3, 1), "Begehung")
    # a new search leaves what staff entered alone
    update_candidates(p)
    assert {"LS-G8", "BR-1"} <= set(p.store.keys(LAND_POTENTIAL.name))


@pytest.mark.parametrize("values, message", [
    ({"untergenutzt_faktor": 1.5}, "außerhalb des zulässigen Bereichs 0,05 bis 0,95"),
    ({"umgebung_radius_m": 5}, "Radius der Umgebung"),
    ({"bauluecke_min_m2": 800, "bauluecke_max_m2": 700}, "muss größer sein"),
    ({"gruenflaeche": 1}, "Unbekannte Schwellenwerte: gruenflaeche"),
    ({"untergenutzt_faktor": "viel"}, "keine Zahl"),
])
def test_thresholds_out_of_range_are_rejected_in_german(values, message):
    with pytest.raises(LandError, match=message):
        Thresholds.from_mapping(values)


def test_missing_layers_name_what_is_needed(new_project):
    p = new_project()
    with pytest.raises(LandError) as exc:
        find_candidates(p.store)
    text = str(exc.value)
    assert "Flurstücke" in text and "Tatsächliche Nutzung" in text and "Gebäude" in text
    with pytest.raises(LandError, match="fehlt der Layer „land_use“"):
        area_balance(p.store)
    street(p)
    p.store.delete(CADASTRE_BUILDINGS.name, p.store.keys(CADASTRE_BUILDINGS.name))
    with pytest.raises(LandError) as exc:
        find_candidates(p.store)
    assert "Gebäude (ALKIS" in str(exc.value) and "Flurstücke (ALKIS" not in str(exc.value)


def test_balance_per_district_from_a_district_layer(new_project):
    p = new_project()
    length = street(p)
    from twin.store import Field, LayerSchema

    p.store.create_layer(LayerSchema("ortsteile", "name", (Field("name", "text"),), "MULTIPOLYGON"))
    p.store.upsert("ortsteile", [Feature({"name": "West"}, mp(-10, -10, 100, 70)),
                                 Feature({"name": "Ost"}, mp(100, -10, 400, 70))])
    b = area_balance(p.store, district_layer="ortsteile")
    assert b.area(MUNICIPALITY, "Wohnbaufläche") == pytest.approx(30 * length)
    assert b.area("West", "Wohnbaufläche") == pytest.approx(3000) and b.area("West", "Landwirtschaft") == \
        pytest.approx(3000)
    assert b.area("Ost", "Wohnbaufläche") == pytest.approx(30 * (length - 100))
    assert {r.gruppe for r in b.rows if r.klasse == "Landwirtschaft"} == {"Vegetation"}
    assert sum(r.anteil for r in b.rows if r.district == "Ost") == pytest.approx(1.0)
    # default districts: the parcels' Gemarkungen
    g = area_balance(p.store)
    assert g.districts_from == "Gemarkungen der Flurstücke"
    assert g.area("Gemarkung Nord", "Landwirtschaft") == pytest.approx(3000)  # F01 lies in the field
    with pytest.raises(LandError, match="kein Feld „nutzung“"):
        area_balance(p.store, class_field="nutzung")


def test_balance_change_after_a_real_alkis_reimport(new_project, tmp_path):
    """The second delivery turns one Wohnbaufläche into Fläche gemischter Nutzung (a new object, as ALKIS does);
    the import removes the old object, and the balance between the two dates shows the shift."""
    p = new_project()
    NASImporter()(p, NAS)
    before = area_balance(p.store)
    xml = NAS.read_text(encoding="utf-8")
    m = re.search(r'<AX_Wohnbauflaeche gml:id="(\w+)">.*?</AX_Wohnbauflaeche>', xml, re.S)
    old_id = m.group(1)
    changed = m.group(0).replace("AX_Wohnbauflaeche", "AX_FlaecheGemischterNutzung").replace(old_id, "DEBYMUSTNEU0001")
    second = tmp_path / "musterdorf_2027.xml"
    second.write_text(xml.replace(m.group(0), changed), encoding="utf-8")
    time.sleep(0.05)
    between = now_iso()
    time.sleep(0.05)
    report = NASImporter()(p, second)
    assert report.counts["je Ebene gelöscht"]["land_use"] == 1
    assert p.store.get(LAND_USE.name, old_id) is None and p.store.get(LAND_USE.name, "DEBYMUSTNEU0001") is not None
    moved = p.store.get(LAND_USE.name, "DEBYMUSTNEU0001").geometry.area
    first, now, rows = balance_change(p.store, between)
    assert first.area(MUNICIPALITY, "Wohnbaufläche") == pytest.approx(before.area(MUNICIPALITY, "Wohnbaufläche"))
    delta = {(r.district, r.klasse): r.delta_m2 for r in rows}
    assert delta[(MUNICIPALITY, "Wohnbaufläche")] == pytest.approx(-moved, abs=0.2)
    assert delta[(MUNICIPALITY, "Fläche gemischter Nutzung")] == pytest.approx(moved, abs=0.2)
    assert delta[("Gemarkung Musterdorf", "Wohnbaufläche")] == pytest.approx(-moved, abs=0.2)
    assert now.totals[MUNICIPALITY] == pytest.approx(first.totals[MUNICIPALITY])


def test_roles_council_without_owners_citizens_only_released(sample_project):
    store = sample_project.store
    assert store.count(LAND_CONTACTS.name) > 0 and store.count(LAND_POTENTIAL.name) >= 5
    rat = RoleStore(sample_project.session("rat"))
    assert not rat.has_layer(LAND_CONTACTS.name) and not rat.has_layer("owners")
    council = rat.features(LAND_POTENTIAL.name)
    assert len(council) == store.count(LAND_POTENTIAL.name)
    assert all("bemerkung" not in f.attrs for f in council) and all(f.geometry is not None for f in council)
    buerger = RoleStore(sample_project.session("buerger"))
    released = [f.attrs["id"] for f in store.features(LAND_POTENTIAL.name) if f.attrs["freigegeben"]]
    public = buerger.features(LAND_POTENTIAL.name)
    assert len(released) == 1 and [f.attrs["id"] for f in public] == released
    assert set(public[0].attrs) == {"id", "art", "flaeche_m2", "status", "freigegeben"}
    assert not buerger.has_layer(LAND_CONTACTS.name)


def test_cli_search_list_status_and_balance(project_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    r = runner.invoke(app, ["flaechen", "ermitteln", str(project_dir)])
    assert r.exit_code == 0, r.output
    assert re.search(r"120 Flurstücke geprüft .*: \d+ × Baulücke, \d+ × Untergenutzt", r.output)
    r = runner.invoke(app, ["flaechen", "liste", str(project_dir), "--rolle", "buerger"])
    assert r.exit_code == 0 and "1 Flächen" in r.output and "verfügbar" in r.output
    r = runner.invoke(app, ["flaechen", "status", str(project_dir), "BR-1", "verfügbar", "--freigeben"])
    assert r.exit_code == 0 and "BR-1: verfügbar, freigegeben" in r.output
    r = runner.invoke(app, ["flaechen", "liste", str(project_dir), "--rolle", "buerger"])
    assert "2 Flächen" in r.output and "BR-1" in r.output
    out = tmp_path / "bilanz.csv"
    r = runner.invoke(app, ["flaechen", "bilanz", str(project_dir), "--csv", str(out)])
    assert r.exit_code == 0, r.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Gebiet;Nutzungsart;Bereich;Fläche [m²];Anteil [%]"
    assert any(line.startswith("Gemeinde gesamt;Wohnbaufläche;Siedlung;") for line in lines)
    r = runner.invoke(app, ["flaechen", "ermitteln", str(project_dir), "--schwelle", "untergenutzt_faktor=2"])
    assert r.exit_code == 1 and "außerhalb des zulässigen Bereichs" in r.output


# ----------------------------------------------------------------- GUI
SHOTS = Path(os.environ.get("STADTZWILLING_SHOTS", "/tmp/pw"))


@pytest.mark.gui
@pytest.mark.usefixtures("no_modal_boxes")
def test_land_dock_lists_sets_status_and_colours_the_view(qtbot, window):
    from layers.style import hex_rgba
    from twin.model.land_potential import STATUS_COLOURS

    panel = window.land_panel
    store = window.project.store
    assert panel.table.rowCount() == store.count(LAND_POTENTIAL.name)
    assert panel.balance.rowCount() > 0 and panel.balance.item(0, 0).text() == MUNICIPALITY
    layer = window.scene.layer("flaechenpotenzial")
    key = "BL-091234001000420000__"  # released and "verfügbar" in the sample
    fid = layer.feature_keys.index(key)
    cells = layer.mesh.cell_data["feature_id"] == fid
    assert (layer.mesh.cell_data["rgba"][cells][:, :3] == hex_rgba(STATUS_COLOURS["verfuegbar"])[:3]).all()
    window.land_dock.show()
    window.land_dock.raise_()
    row = panel.ids().index(key)
    panel.show_in_view(row)
    assert window.selection[0] == "flaechenpotenzial" and layer.key_at(window.selection[1]) == key
    assert any(v == "Baulücke" for _, v in window.inspector_rows())
    window.view.refresh()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.save_screenshot(SHOTS / "flaechen.png")
    # set a status in the dock: written with history, the layer redrawn in the new colour
    panel.table.selectRow(row)
    panel.status_box.setCurrentIndex(panel.status_box.findData("nicht_verfuegbar"))
    panel.released_box.setChecked(False)
    with qtbot.waitSignal(window.scene_ready, timeout=60_000):
        panel.apply_status()
    f = store.get(LAND_POTENTIAL.name, key).attrs
    assert (f["status"], f["freigegeben"]) == ("nicht_verfuegbar", False)
    layer = window.scene.layer("flaechenpotenzial")
    cells = layer.mesh.cell_data["feature_id"] == layer.feature_keys.index(key)
    assert (layer.mesh.cell_data["rgba"][cells][:, :3] == hex_rgba(STATUS_COLOURS["nicht_verfuegbar"])[:3]).all()
    # the search runs in a worker; a cancel at once writes nothing
    before = len(store.history(LAND_POTENTIAL.name))
    with qtbot.waitSignal(panel.search_finished, timeout=60_000) as sig:
        worker = panel.search()
        worker.cancel()
    assert sig.args[0] == "cancelled" and len(store.history(LAND_POTENTIAL.name)) == before
    with qtbot.waitSignal(panel.search_finished, timeout=60_000) as sig:
        panel.search()
    assert sig.args[0] == "ok" and store.get(LAND_POTENTIAL.name, key).attrs["status"] == "nicht_verfuegbar"
    # the citizens' preview: only released areas, no editing
    with qtbot.waitSignal(window.scene_ready, timeout=60_000):
        window.set_role("buerger")
    assert panel.ids() == [k for k in store.keys(LAND_POTENTIAL.name) if store.get(LAND_POTENTIAL.name, k).attrs["freigegeben"]]
    assert not panel.apply_button.isEnabled() and not panel.search_button.isEnabled()


def test_land_figures_of_a_variant_that_builds_on_a_vacant_plot(sample_project):
    """The Kita variant builds on the vacant plot „Am Anger“ (600 m²): one vacant plot less in the variant."""
    from twin.land.figures import land_key_figures

    store = sample_project.store
    vacant = [f for f in store.features(LAND_POTENTIAL.name) if f.attrs["art"] == "Baulücke"]
    rows = {r.label: r for r in land_key_figures(sample_project, "kita_am_anger")}
    assert (rows["Baulücken"].before, rows["Baulücken"].after) == (len(vacant), len(vacant) - 1)
    assert rows["Fläche der Baulücken"].before - rows["Fläche der Baulücken"].after == pytest.approx(600.0)
    assert rows["Potenzialflächen mit Status „verfügbar“"].before == 1
    rows = {r.label: r for r in land_key_figures(sample_project, "marktplatz_entsiegeln")}
    assert rows["Baulücken"].before == rows["Baulücken"].after == len(vacant)
