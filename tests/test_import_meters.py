"""Water meter import from billing-system CSV (synthetic, see tests/data/meters/SOURCES.md), meter change,
report of meters due, point layer mesh – both backends."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from importers.base import CancelToken, detect_importer
from importers.meters.load import MeterImporter
from importers.trees.load import TreeImporter
from layers.points import points_mesh
from layers.scene import build_scene
from twin.config import LayerConfig, StyleConfig
from twin.errors import Cancelled, FormatError
from twin.model.cadastre import PARCELS
from twin.model.meter_queries import meters_due
from twin.model.meters import (METER_CUSTOMERS, METER_READINGS, WATER_METERS, MeterChangeError, change_meter,
                               eichfrist_years, valid_until)
from twin.store import Feature

from tests.conftest import DATA
from tests.test_import_citygml import snapshot

METERS = DATA / "meters"
MIXED = METERS / "zaehler_gemischt.csv"
PARCELS_GJ = METERS / "flurstuecke.geojson"
HEADER = ("Kundennummer;Name;Straße;Hausnummer;Flurstück;Zählernummer;Zählerart;Einbaudatum;Eichjahr;"
          "Ablesedatum;Zählerstand;Rechtswert;Hochwert\n")


def _with_parcels(project):
    gj = json.loads(PARCELS_GJ.read_text(encoding="utf-8"))
    project.store.create_layer(PARCELS)
    project.store.upsert("parcels", [Feature(dict(f["properties"]), shapely.MultiPolygon([shape(f["geometry"])]))
                                     for f in gj["features"]])
    return project


def _write(tmp_path: Path, name: str, text: str, encoding: str = "cp1252") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_mixed_locations_readings_customers_and_changes(new_project):
    p = _with_parcels(new_project())
    assert detect_importer(MIXED).name == "meters"
    rep = MeterImporter()(p, MIXED, actor="wasserwart")
    assert rep.problems == []
    n_rows = len(MIXED.read_bytes().splitlines()) - 1
    assert rep.counts["Zählerwechsel"] == 2 and rep.counts["Zähler"] == n_rows + 2  # + the 2 removed old meters
    s = p.store
    meters = {f["zaehlernummer"]: f for f in s.features("water_meters")}
    assert {f["lage_aus"] for f in meters.values()} == {"Koordinaten", "Flurstück", "Adresse"}
    # a meter located by address sits inside the parcel whose Lagebezeichnung it names, and vice versa
    parcels = {f["flurstueckskennzeichen"]: f for f in s.features("parcels")}
    for m in meters.values():
        par = parcels[m["flurstueckskennzeichen"]] if m["flurstueckskennzeichen"] in parcels else None
        if m["lage_aus"] != "Koordinaten":
            assert par.geometry.contains(m.geometry)
            assert par["lagebezeichnung"] == f"{m['strasse']} {m['hausnummer']}"
    # Eichfrist: cold 6, warm 5 years, ending 31.12.
    for m in meters.values():
        if m["status"] == "eingebaut" and m["eichjahr"]:
            years = 5 if m["zaehlerart"].startswith("Warm") else 6
            assert m["eichfrist_jahre"] == years
            assert m["eichung_gueltig_bis"][:10] == f"{m['eichjahr'] + years}-12-31"
    changed = [m for m in meters.values() if m["vorgaenger"]]
    assert len(changed) == 2
    for new in changed:
        old = meters[new["vorgaenger"]]
        assert old["status"] == "ausgebaut" and old["nachfolger"] == new["zaehlernummer"]
        assert old["ausbaudatum"] == new["einbaudatum"]
        kinds = {r["anlass"] for r in s.features("meter_readings")
                 if r["zaehlernummer"] in (old["zaehlernummer"], new["zaehlernummer"])}
        assert kinds == {"Ausbau", "Einbau", "Ablesung"}
    # personal data only in the personal layers
    assert s.schema("meter_readings").personal and s.schema("meter_customers").personal
    assert not s.schema("water_meters").personal
    assert not {"name", "kundennummer"} & set(s.schema("water_meters").field_names)
    assert s.count("meter_customers") == 24
    assert s.history("water_meters", changed[0]["zaehlernummer"])[0]["actor"] == "wasserwart"


def test_reimport_is_idempotent(new_project):
    p = _with_parcels(new_project())
    MeterImporter()(p, MIXED)
    n_hist = len(p.store.history())
    rep = MeterImporter()(p, MIXED)
    assert (rep.counts["neu"], rep.counts["geändert"], rep.counts["Ablesungen neu"]) == (0, 0, 0)
    assert rep.counts["unverändert"] == len(MIXED.read_bytes().splitlines()) - 1 + 2
    assert len(p.store.history()) == n_hist


def test_bad_rows_rejected_with_german_reasons(new_project, tmp_path):
    p = _with_parcels(new_project())
    text = HEADER + (
        "1;Huber, Anna;Hauptstraße;1;;Z1;Kaltwasserzähler;01.02.2020;2019;31.12.2023;123,5;690100,5;5335500,2\n"
        "2;Maier, Josef;;;;Z2;Kaltwasserzähler;01.02.2020;2019;31.12.2023;1.234,5;690100,5;5335500,2\n"
        "3;Weber, Eva;;;;Z1;Warmwasserzähler;01.02.2020;2019;31.12.2023;5,0;690101,0;5335501,0\n"
        "4;Koch, Max;Hauptstr.;99;;Z4;Hauswasserzähler;01.02.2020;2019;31.12.2023;7,0;;\n"
        "5;Bauer, Uli;;;091234001099990000__;Z5;Hauswasserzähler;01.02.2020;2019;31.12.2023;7,0;;\n"
        "6;Lang, Ida;;;;Z6;Hauswasserzähler;01.02.2020;2019;31.12.2023;7,0;690100.5;5335500,2\n"
        "7;Roth, Kai;HAUPT STRASSE;3;;Z7;Hauswasserzähler;01.02.2020;2019;31.12.2023;7,0;;\n"
        "8;Fuchs, Ole;;;;Z8;Hauswasserzähler;31.02.2020;2019;31.12.2023;7,0;690100,5;5335500,2\n"
        "9;Graf, Udo;;;;;Hauswasserzähler;01.02.2020;2019;31.12.2023;7,0;690100,5;5335500,2\n"
        "10;Ost, Pia;;;;Z10;Hauswasserzähler;01.02.2020;2019;31.12.2023;7,0;;\n"
        "11;Nord, Tim;;;;Z11;Hauswasserzähler;01.02.2020;2019;31.12.2023;7,0;790100,5;5335500,2\n"
    )
    rep = MeterImporter()(p, _write(tmp_path, "abrechnung.csv", text))
    by_line = {pr.line: pr.message for pr in rep.problems}
    assert "Tausendertrennzeichen" in by_line[3] and "nicht importiert" in by_line[3]
    assert "doppelt" in by_line[4] and "Zeilen 2 und 4" in by_line[4]
    assert "Hauptstr. 99" in by_line[5] and "Hausnummer nicht gefunden" in by_line[5]
    assert "nicht vorhanden" in by_line[6]
    assert "Dezimalzeichen" in by_line[7]
    assert 8 not in by_line  # 'HAUPT STRASSE 3' = 'Hauptstraße 3'
    assert "kein Datum" in by_line[9]
    assert "Zählernummer fehlt" in by_line[10]
    assert "keine Lage" in by_line[11]
    assert "außerhalb des Projektgebiets" in by_line[12]
    assert sorted(p.store.keys("water_meters")) == ["Z1", "Z7"]
    assert rep.counts["übersprungen"] == 9


def test_address_without_parcels_is_never_guessed(new_project, tmp_path):
    p = new_project()
    text = HEADER + "1;A;Hauptstraße;1;;Z1;Kaltwasserzähler;;2019;;;;\n" \
                    "2;B;Hauptstraße;2;;Z2;Kaltwasserzähler;;2019;;;690200,0;5335200,0\n"
    rep = MeterImporter()(p, _write(tmp_path, "a.csv", text))
    assert "keine Flurstücke im Datenbestand" in rep.problems[0].message and rep.problems[0].line == 2
    assert p.store.keys("water_meters") == ["Z2"]


def test_failures_and_cancel_leave_store_unchanged(new_project, tmp_path):
    p = _with_parcels(new_project())
    MeterImporter()(p, MIXED)
    snap = snapshot(p)
    # mixed encoding: a UTF-8 umlaut and a cp1252 byte in one file
    bad = HEADER.encode("utf-8") + "1;Müller;;;;Z1;Kaltwasserzähler;;2019;;;690200,0;5335200,0\n".encode("cp1252")
    (tmp_path / "mixed.csv").write_bytes(bad)
    with pytest.raises(FormatError, match="Zeichenkodierung|Kodierung"):
        MeterImporter()(p, tmp_path / "mixed.csv")
    # nothing importable
    with pytest.raises(FormatError, match="keine importierbaren Zähler"):
        MeterImporter()(p, _write(tmp_path, "leer.csv", HEADER + "1;A;;;;Z1;Kaltwasser;;;;;x;y\n"))
    assert snapshot(p) == snap
    token = CancelToken()

    def progress(frac, msg):
        if frac >= 0.6:
            token.cancel()
    with pytest.raises(Cancelled):
        MeterImporter()(p, METERS / "zaehler_gemischt.csv", progress=progress, cancel=token)
    assert snapshot(p) == snap
    rep = MeterImporter()(p, MIXED, dry_run=True)
    assert rep.dry_run and snapshot(p) == snap


def test_eichfrist_rule_and_configuration(new_project, tmp_path):
    assert eichfrist_years("Kaltwasserzähler") == 6 and eichfrist_years("Hauswasserzähler") == 6
    assert eichfrist_years("Warmwasser") == 5 and eichfrist_years("Großwasserzähler / Verbund") == 6
    assert eichfrist_years("Wärmemengenzähler") is None
    assert eichfrist_years("Großwasserzähler", {"Großwasserzähler": 8}) == 8
    assert valid_until(2018, 6) == date(2024, 12, 31)  # calibrated any day in 2018 -> valid through 2024
    prof = tmp_path / "zaehler.toml"
    prof.write_text('name = "z"\ntarget = "water_meters"\n[eichfristen]\n"Großwasserzähler" = 8\n'
                    '"Wärmemengenzähler" = 5\n', encoding="utf-8")
    text = HEADER + ("1;A;;;;G1;Großwasserzähler;;2020;;;690200,0;5335200,0\n"
                     "2;B;;;;W1;Wärmemengenzähler;;2020;;;690210,0;5335200,0\n"
                     "3;C;;;;K1;Kaltwasserzähler;;2020;;;690220,0;5335200,0\n")
    p = new_project()
    MeterImporter(profile=prof, eichfristen={"Kaltwasserzähler": 7})(p, _write(tmp_path, "a.csv", text))
    got = {f["zaehlernummer"]: f["eichung_gueltig_bis"][:10] for f in p.store.features("water_meters")}
    assert got == {"G1": "2028-12-31", "W1": "2025-12-31", "K1": "2027-12-31"}
    p2 = new_project()
    rep = MeterImporter()(p2, tmp_path / "a.csv")
    assert any("keine bekannte Eichfrist" in pr.message and pr.line == 3 for pr in rep.problems)


def test_change_meter_one_transaction_with_history(new_project):
    p = _with_parcels(new_project())
    MeterImporter()(p, MIXED)
    s = p.store
    old = next(f for f in s.features("water_meters") if f["status"] == "eingebaut" and not f["vorgaenger"])
    number = old["zaehlernummer"]
    new = change_meter(p, number, "NEU-1", date(2024, 5, 6), final_reading=812.25, initial_reading=0.5,
                       actor="bauhof")
    assert new["vorgaenger"] == number and new["einbaudatum"][:10] == "2024-05-06"
    assert new["eichung_gueltig_bis"][:10] == ("2029-12-31" if old["zaehlerart"].startswith("Warm") else "2030-12-31")
    assert new.geometry.equals(old.geometry) and new["strasse"] == old["strasse"]
    o = s.get("water_meters", number)
    assert (o["status"], o["nachfolger"], o["ausbaudatum"][:10]) == ("ausgebaut", "NEU-1", "2024-05-06")
    reads = {r["ablesung_id"]: r for r in s.features("meter_readings")}
    assert reads[f"{number}|2024-05-06|Ausbau"]["zaehlerstand_m3"] == 812.25
    assert reads["NEU-1|2024-05-06|Einbau"]["zaehlerstand_m3"] == 0.5
    h_old = s.history("water_meters", number)[-1]
    assert h_old["actor"] == "bauhof" and h_old["new_values"]["nachfolger"] == "NEU-1"
    assert s.history("water_meters", "NEU-1")[0]["action"] == "insert"
    # impossible changes leave everything as it was
    snap = snapshot(p)
    with pytest.raises(MeterChangeError, match="bereits ausgebaut"):
        change_meter(p, number, "NEU-2", date(2024, 6, 1), 900.0, 0.0)
    with pytest.raises(MeterChangeError, match="bereits vergeben"):
        change_meter(p, "NEU-1", number, date(2024, 6, 1), 1.0, 0.0)
    with pytest.raises(MeterChangeError, match="nicht im Datenbestand"):
        change_meter(p, "GIBTS-NICHT", "NEU-3", date(2024, 6, 1), 1.0, 0.0)
    assert snapshot(p) == snap


def test_meters_due_per_year_and_street(new_project):
    p = _with_parcels(new_project())
    MeterImporter()(p, MIXED)
    installed = [f for f in p.store.features("water_meters") if f["status"] == "eingebaut"]
    rows = meters_due(p.store)
    assert sum(r.anzahl for r in rows) == len(installed)
    for r in rows:
        assert r.anzahl == len(r.zaehlernummern)
        for nr in r.zaehlernummern:
            f = p.store.get("water_meters", nr)
            assert int(f["eichung_gueltig_bis"][:4]) == r.jahr and f["strasse"] == r.strasse
    y = rows[0].jahr
    assert all(r.jahr == y for r in meters_due(p.store, y))
    later = meters_due(p.store, rows[-1].jahr, include_overdue=True)
    assert sum(r.anzahl for r in later) == len(installed)


def test_points_mesh_for_meters_and_trees(new_project, tmp_path):
    p = _with_parcels(new_project())
    MeterImporter()(p, MIXED)
    TreeImporter()(p, _write(tmp_path, "baeume.csv",
                             "Baumnummer;Gattung;Vitalität;Rechtswert;Hochwert\n"
                             "B1;Tilia;1;690100,0;5335100,0\nB2;Acer;3;690200,0;5335200,0\n", "utf-8"))
    origin = np.array([690000.0, 5335000.0, 0.0])
    cfg = LayerConfig(name="water_meters", title="Wasserzähler", kind="points", source="water_meters",
                      style=StyleConfig(by="zaehlerart", classes={"Warmwasserzähler": "#ff0000"},
                                        default_color="#0000ff"))
    mesh, keys = points_mesh(p, cfg, origin)
    assert mesh.n_points == mesh.n_cells == len(keys) == p.store.count("water_meters")
    for i in (0, len(keys) - 1):
        f = p.store.get("water_meters", keys[int(mesh.cell_data["feature_id"][i])])
        np.testing.assert_allclose(mesh.points[i, :2] + origin[:2], [f.geometry.x, f.geometry.y], atol=1e-3)
        want = [255, 0, 0, 255] if f["zaehlerart"] == "Warmwasserzähler" else [0, 0, 255, 255]
        assert mesh.point_data["rgba"][i].tolist() == want
    assert np.all(mesh.points[:, 2] == 0)  # no DGM registered
    trees = LayerConfig(name="trees", title="Bäume", kind="points", source="trees",
                        style=StyleConfig(by="vitalitaet", classes={"3": "#aa0000"}, default_color="#00aa00"))
    tm, tkeys = points_mesh(p, trees, origin)
    assert sorted(tkeys) == ["B1", "B2"]
    colours = {k: tm.point_data["rgba"][i].tolist() for i, k in enumerate(tkeys)}
    assert colours["B2"][:3] == [170, 0, 0] and colours["B1"][:3] == [0, 170, 0]
    # the default scene has both point layers, picking reads the feature table from the layer's source
    scene = build_scene(p)
    layer = scene.layer("water_meters")
    assert layer.feature_table == "water_meters" and layer.key_at(0) in keys
    assert scene.layer("trees").mesh.n_points == 2


def test_points_on_the_dgm(sample_project):
    """Meters of the sample municipality stand on the real DGM1 tile (heights in the Bavarian range)."""
    p = sample_project
    assert p.store.count("water_meters") > 80
    cfg = next(c for c in p.config.layers if c.name == "water_meters")
    mesh, keys = points_mesh(p, cfg, np.zeros(3))
    z = mesh.points[:, 2]
    assert len(keys) == p.store.count("water_meters") and np.all(z > 100) and np.all(z < 1000)


def test_profile_can_leave_a_found_column_out(new_project, tmp_path):
    """`name = ""` in [columns]: the Name column is not imported although its header is a known synonym."""
    text = HEADER + "1;Max Mustermann;;;;K1;Kaltwasserzähler;;2020;;;690220,0;5335200,0\n"
    src = _write(tmp_path, "a.csv", text)
    p = new_project()
    MeterImporter()(p, src)
    assert [f["name"] for f in p.store.features("meter_customers")] == ["Max Mustermann"]
    prof = tmp_path / "ohne_namen.toml"
    prof.write_text('name = "ohne_namen"\ntarget = "water_meters"\n[columns]\nname = ""\n', encoding="utf-8")
    p2 = new_project()
    MeterImporter(profile=prof)(p2, src)
    assert [f["name"] for f in p2.store.features("meter_customers")] == [None]
    assert p2.store.count("water_meters") == 1
