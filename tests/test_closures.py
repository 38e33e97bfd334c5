"""Road closures and the Auskunft: edit API with history, importer, search on real ALKIS data, sample, CLI.

Search runs on the real Hamburg NAS file (Insel Neuwerk, tests/data/alkis) with synthetic closures on
its real streets (Blüsenpfad, Neue Weg) and next to a real parcel (128, Lage "Osthof"); both backends.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from typer.testing import CliRunner

from importers.alkis.load import NASImporter
from importers.base import CancelToken, detect_importer
from importers.closures import ClosureImporter
from layers.closures import closures_mesh
from layers.style import hex_rgba
from tests.alkis_synth import HH, HH_EXTENT
from tests.conftest import DATA, ROOT, SAMPLE_EXTENT
from tests.test_import_citygml import snapshot
from twin.auskunft import lookup, search, street_index, street_key, street_segment
from twin.closures import ClosureError, add_closure, delete_closure, end_closure, update_closure
from twin.config import default_layers
from twin.errors import Cancelled, ExtentError, FormatError
from twin.model.closures import ROAD_CLOSURE_DETOURS, ROAD_CLOSURES, closure_status
from twin.store import Feature

SAMPLE_FILE = ROOT / "sample_data" / "musterdorf" / "verkehrssperrungen.geojson"
GENERATOR = ROOT / "sample_data" / "musterdorf" / "generate_closures.py"
LINE = LineString([(690300.0, 5335450.0), (690420.0, 5335475.0)])
BASE = {"art": "Vollsperrung", "grund": "Kanalbau", "strasse": "Hauptstraße", "von": date(2026, 11, 2),
        "bis": date(2026, 11, 30), "umleitung": "über Bahnhofstraße", "zustaendig": "Bauamt – Tiefbau",
        "bemerkung_intern": "Firma meldet Verzug"}
# synthetic closures on real streets of Insel Neuwerk (coordinates through the real parcels, EPSG:25832)
BLUESENPFAD = LineString([(466560, 5974311), (466846, 5974284)])
NEUE_WEG = LineString([(467012, 5974141), (466965, 5974264), (466952, 5974381), (466997, 5974502)])
NEAR_128 = LineString([(466850, 5974900), (466880, 5974905)])


def _n(project, layer: str) -> int:
    return project.store.count(layer) if project.store.has_layer(layer) else 0


# --------------------------------------------------------------------- edit API
def test_add_update_end_delete_with_history(new_project):
    p = new_project()
    f = add_closure(p, BASE, LINE, detour=LineString([(690300, 5335450), (690300, 5335550), (690420, 5335575)]),
                    actor="bauamt.mueller")
    key = f["sperrung_id"]
    assert key == "SP-2026-001" and f.geometry.geom_type == "MultiLineString"
    assert f.geometry.length == pytest.approx(LINE.length)
    assert (f["von"], f["bis"], f["art"]) == ("2026-11-02", "2026-11-30", "Vollsperrung")
    assert p.store.get(ROAD_CLOSURE_DETOURS.name, key).attrs["beschreibung"] == "über Bahnhofstraße"
    assert add_closure(p, BASE, LINE)["sperrung_id"] == "SP-2026-002"

    update_closure(p, key, {"art": "Teilsperrung", "umleitung": "über Schulweg"}, actor="bauamt.meier")
    hist = p.store.history(ROAD_CLOSURES.name, key)
    assert [h["action"] for h in hist] == ["insert", "update"]
    assert hist[0]["actor"] == "bauamt.mueller" and hist[1]["actor"] == "bauamt.meier"
    assert hist[1]["old_values"] == {"art": "Vollsperrung", "umleitung": "über Bahnhofstraße"}
    assert hist[1]["new_values"] == {"art": "Teilsperrung", "umleitung": "über Schulweg"}
    assert p.store.get(ROAD_CLOSURE_DETOURS.name, key).attrs["beschreibung"] == "über Schulweg"  # line kept

    ended = end_closure(p, key, date(2026, 11, 20), actor="bauamt.meier")
    assert ended["bis"] == "2026-11-20"
    assert closure_status(ended["von"], ended["bis"], date(2026, 11, 21)) == "beendet"
    assert p.store.history(ROAD_CLOSURES.name, key)[-1]["old_values"] == {"bis": "2026-11-30"}

    update_closure(p, key, {}, detour=None, actor="x")  # detour removed
    assert p.store.get(ROAD_CLOSURE_DETOURS.name, key) is None
    delete_closure(p, key, actor="bauamt.meier")
    assert p.store.get(ROAD_CLOSURES.name, key) is None
    last = p.store.history(ROAD_CLOSURES.name, key)[-1]
    assert last["action"] == "delete" and last["old_values"]["bemerkung_intern"] == "Firma meldet Verzug"


BAD = [
    ({"bis": date(2026, 10, 1)}, LINE, "liegt vor dem Beginn"),
    ({"art": ""}, LINE, "fehlt die Art"),
    ({"strasse": None}, LINE, "fehlt die Straße"),
    ({"von": "31.02.2026"}, LINE, "kein gültiges Datum"),
    ({"farbe": "rot"}, LINE, "Unbekannte Felder"),
    ({}, Point(690300, 5335450), "muss eine Linie sein"),
    ({}, Polygon([(690300, 5335450), (690310, 5335450), (690310, 5335460)]), "nicht eine Fläche"),
    ({}, LineString([(690300, 5335450), (690300, 5335450)]), "keine gültige Linie"),
    ({}, LineString([(690300, 5335450), (692300, 5335450)]), "außerhalb des Projektgebiets"),
    ({}, None, "braucht eine Liniengeometrie"),
]


@pytest.mark.parametrize("change,geom,message", BAD)
def test_invalid_closures_are_refused_in_german(new_project, change, geom, message):
    p = new_project()
    add_closure(p, {**BASE, "sperrung_id": "SP-1"}, LINE)
    before = snapshot(p)
    with pytest.raises(ClosureError, match=message):
        add_closure(p, {**BASE, **change}, geom)
    if geom is not None or change:
        with pytest.raises(ClosureError, match=message):
            update_closure(p, "SP-1", change, geometry=geom)
    assert snapshot(p) == before


def test_refused_edits_of_existing_closures(new_project):
    p = new_project()
    add_closure(p, {**BASE, "sperrung_id": "SP-1"}, LINE)
    before = snapshot(p)
    for call, message in [
        (lambda: add_closure(p, {**BASE, "sperrung_id": "SP-1"}, LINE), "bereits vergeben"),
        (lambda: end_closure(p, "SP-1", date(2026, 10, 1)), "liegt vor dem Beginn"),
        (lambda: update_closure(p, "SP-9", {"art": "Baustelle"}), "gibt es nicht"),
        (lambda: update_closure(p, "SP-1", {"sperrung_id": "SP-2"}), "nicht geändert werden"),
        (lambda: delete_closure(p, "SP-9"), "gibt es nicht"),
        (lambda: add_closure(p, BASE, LINE, detour=Point(690300, 5335450)), "Die Umleitung muss eine Linie"),
    ]:
        with pytest.raises(ClosureError, match=message):
            call()
    assert snapshot(p) == before
    end_closure(p, "SP-1", "15.11.2026")
    with pytest.raises(ClosureError, match="bereits seit 15.11.2026 beendet"):
        end_closure(p, "SP-1", date(2026, 11, 20))


# --------------------------------------------------------------------- importer
def test_sample_file_import_is_idempotent(new_project):
    p = new_project()
    assert isinstance(detect_importer(SAMPLE_FILE), ClosureImporter)
    r = ClosureImporter()(p, SAMPLE_FILE, actor="verkehrsbehoerde")
    assert r.problems == [] and r.source_crs == "urn:ogc:def:crs:EPSG::25832"
    assert (r.counts["Sperrungen"], r.counts["neu"], r.counts["Umleitungen"]) == (20, 20, 1)
    f = p.store.get(ROAD_CLOSURES.name, "SP-2025-003")
    a = f.attrs
    assert (a["art"], a["strasse"], a["von"], a["bis"]) == ("Vollsperrung", "Hauptstraße", "2025-02-03", "2030-12-20")
    assert a["zustaendig"] == "Markt Musterdorf, Bauamt – Tiefbau" and a["source_file"] == SAMPLE_FILE.name
    assert p.store.get(ROAD_CLOSURES.name, "SP-2025-010").attrs["bis"] is None  # open-ended
    hist = len(p.store.history())
    again = ClosureImporter()(p, SAMPLE_FILE)
    assert (again.counts["neu"], again.counts["geändert"], again.counts["unverändert"]) == (0, 0, 20)
    assert len(p.store.history()) == hist and len(p.store.provenance()) == 2


def _collection(features, crs="urn:ogc:def:crs:EPSG::25832") -> dict:
    out = {"type": "FeatureCollection", "features": features}
    if crs:
        out["crs"] = {"type": "name", "properties": {"name": crs}}
    return out


def _feature(nr, coords, **props) -> dict:
    base = {"Sperrnummer": nr, "Art": "Baustelle", "Straße": "Hauptstraße", "Beginn": "2026-11-01",
            "Ende": "2026-12-31"}
    return {"type": "Feature", "properties": {**base, **props},
            "geometry": {"type": "LineString", "coordinates": [list(c) for c in coords]}}


def test_problems_per_feature_and_wgs84(new_project, tmp_path):
    p = new_project()
    to_wgs = Transformer.from_crs(25832, 4326, always_xy=True)
    ll = [to_wgs.transform(x, y) for x, y in LINE.coords]
    path = tmp_path / "sperrungen.geojson"
    path.write_text(json.dumps(_collection([
        _feature("A-1", ll, Umleitung="über Am Anger"),
        _feature("A-2", ll, Ende="2026-10-01"),                       # Ende before Beginn
        _feature("A-3", [(9.0, 48.0), (9.001, 48.0)]),                # outside the project
        _feature("A-1", ll, Art="Vollsperrung"),                      # duplicate number
        {"type": "Feature", "properties": {"Umleitung für": "A-9"}, "geometry": None},
    ], crs=None)), encoding="utf-8")
    r = ClosureImporter()(p, path)
    assert r.counts["Sperrungen"] == 1 and r.counts["übersprungen"] == 4
    text = " | ".join(str(x) for x in r.problems)
    assert "liegt vor dem Beginn" in text and "außerhalb des Projektgebiets" in text
    assert "doppelt" in text and "unbekannte Sperrung 'A-9'" in text
    g = p.store.get(ROAD_CLOSURES.name, "A-1").geometry
    assert shapely.hausdorff_distance(g, MultiLineString([LINE])) < 0.01  # WGS84 -> UTM 32


def test_bad_files_leave_the_store_untouched(new_project, tmp_path):
    p = new_project()
    ClosureImporter()(p, SAMPLE_FILE)
    before = snapshot(p)
    broken = tmp_path / "kaputt.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(FormatError, match="Kein gültiges JSON"):
        ClosureImporter()(p, broken)
    far = tmp_path / "falsches_kbs.geojson"
    far.write_text(json.dumps(_collection([_feature("F-1", [(4000, 9000), (4100, 9000)])])), encoding="utf-8")
    with pytest.raises(ExtentError):
        ClosureImporter()(p, far)
    changed = json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))
    changed["features"][0]["properties"]["Ende"] = "31.12.2030"
    path = tmp_path / SAMPLE_FILE.name  # same name: only the changed closure differs
    path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    cancel = CancelToken()
    with pytest.raises(Cancelled):  # cancelled while writing: the whole transaction rolls back
        ClosureImporter()(p, path, cancel=cancel, progress=lambda f, m: f >= 0.6 and cancel.cancel())
    assert snapshot(p) == before
    r = ClosureImporter()(p, path)
    assert (r.counts["geändert"], r.counts["unverändert"]) == (1, 19)


def test_parcel_geojson_is_not_taken_for_closures():
    parcels = DATA / "meters" / "flurstuecke.geojson"
    assert not ClosureImporter().sniff(parcels, parcels.read_bytes()[:4096])
    assert detect_importer(parcels).name != "closures"


# --------------------------------------------------------------------- search on real ALKIS data
@pytest.fixture
def neuwerk(new_project):
    p = new_project(extent=HH_EXTENT)
    NASImporter()(p, HH)
    add_closure(p, {"sperrung_id": "HH-1", "art": "Vollsperrung", "grund": "Deichverstärkung",
                    "strasse": "Blüsenpfad", "von": "02.03.2026", "bis": "30.06.2026", "umleitung": "über Neue Weg"},
                BLUESENPFAD)
    add_closure(p, {"sperrung_id": "HH-2", "art": "Baustelle", "grund": "Leitungsbau", "strasse": "Neue Weg",
                    "von": "2026-05-01"}, NEUE_WEG)
    add_closure(p, {"sperrung_id": "HH-3", "art": "Halteverbot", "grund": "Anlieferung", "strasse": "Mittelhof",
                    "von": "2026-04-01", "bis": "2026-04-30", "bemerkung_intern": "nicht weitergeben"}, NEAR_128)
    return p


def _ids(hits) -> list[tuple[str, str]]:
    return [(h.sperrung_id, h.status) for h in hits]


@pytest.mark.parametrize("day,expected", [
    (date(2026, 2, 1), []),                           # a month before: nothing
    (date(2026, 2, 20), [("HH-1", "geplant")]),       # 10 days before the start
    (date(2026, 3, 2), [("HH-1", "aktiv")]),          # first day
    (date(2026, 6, 30), [("HH-1", "aktiv")]),         # last day (inclusive)
    (date(2026, 7, 1), []),                           # ended
])
def test_street_before_inside_after(neuwerk, day, expected):
    assert _ids(search(neuwerk, "Blüsenpfad", day)) == expected


def test_answer_text_and_fuzzy_street(neuwerk):
    a = lookup(neuwerk, "Blüsenpfad", date(2026, 4, 15))
    assert [p.label for p in a.places] == ["Blüsenpfad"] and a.places[0].kind == "strasse"
    (hit,) = a.hits
    assert hit.text == "Blüsenpfad: Vollsperrung bis 30.06.2026 (Deichverstärkung), Umleitung über Neue Weg"
    assert hit.on_street and BLUESENPFAD.distance(Point(hit.x, hit.y)) < 1e-6
    for spoken in ("bluesenpfad", "BLÜSENPFAD", "Blusenpfad", "Blüsenpf"):
        assert _ids(search(neuwerk, spoken, date(2026, 4, 15))) == [("HH-1", "aktiv")], spoken
    none = lookup(neuwerk, "Blüsenpfad", date(2026, 8, 1))
    assert none.hits == [] and "nichts gesperrt" in none.message and "01.08.2026" in none.message
    missing = lookup(neuwerk, "Hafenstraße 3", date(2026, 4, 15))
    assert missing.places == [] and "nicht gefunden" in missing.message


def test_address_finds_nearby_closures(neuwerk):
    a = lookup(neuwerk, "östlich Insel Neuwerk 4", date(2026, 5, 10))
    assert [(p.label, p.kind) for p in a.places] == [("östlich Insel Neuwerk 4", "adresse")]
    assert _ids(a.hits) == [("HH-2", "aktiv")]  # Neue Weg 115 m away; Blüsenpfad (200 m) is not
    assert a.hits[0].text == "Neue Weg: Baustelle bis auf Weiteres (Leitungsbau) – ca. 120 m entfernt"
    assert _ids(search(neuwerk, "oestlich insel neuwerk 4", date(2026, 5, 10))) == [("HH-2", "aktiv")]
    other = lookup(neuwerk, "östlich Insel Neuwerk 99", date(2026, 5, 10))
    assert "Hausnummer 99 nicht gefunden" in other.message and other.places[0].kind == "strasse"


@pytest.mark.parametrize("spoken", ["020125___00128______", "020125 ___ 00128", "Flurstück 128", "Flst. 128", "128"])
def test_parcel_forms(neuwerk, spoken):
    a = lookup(neuwerk, spoken, date(2026, 4, 15))
    assert [p.kind for p in a.places] == ["flurstueck"] and "Flurstück 128" in a.places[0].label
    assert _ids(a.hits) == [("HH-3", "aktiv")]
    assert a.hits[0].text == "Mittelhof: Halteverbot bis 30.04.2026 (Anlieferung) – ca. 40 m entfernt"
    assert "nicht weitergeben" not in a.hits[0].text  # the internal note never reaches the answer


def test_parcel_with_flur_and_nenner(neuwerk):
    """The spoken forms with Flur and Nenner, on a parcel added to the real data (Hamburg has no Flur)."""
    square = Polygon([(466940, 5974300), (466960, 5974300), (466960, 5974320), (466940, 5974320)])
    neuwerk.store.upsert("parcels", [Feature({"flurstueckskennzeichen": "020125001001200004__", "flur": 1,
                                              "zaehler": 120, "nenner": "4", "flurstuecksnummer": "120/4",
                                              "lagebezeichnung": "Neue Weg 5"}, shapely.MultiPolygon([square]))])
    for spoken in ("Flur 1 Flurstück 120/4", "Flur 1, Flst. 120 / 4", "120/4", "020125001001200004__"):
        a = lookup(neuwerk, spoken, date(2026, 5, 10))
        assert [p.label for p in a.places] == ["Flur 1, Flurstück 120/4"], spoken
        # Neue Weg: its own street first; Blüsenpfad ends ~95 m away
        assert _ids(a.hits) == [("HH-2", "aktiv"), ("HH-1", "aktiv")] and a.hits[0].on_street, spoken
    assert lookup(neuwerk, "Flur 2 Flurstück 120/4", date(2026, 5, 10)).message == \
        "Flurstück 120/4 in Flur 2 ist im Datenbestand nicht vorhanden."
    assert _ids(search(neuwerk, "Neue Weg 5", date(2026, 5, 10))) == [("HH-2", "aktiv"), ("HH-1", "aktiv")]


def test_unknown_parcels(neuwerk):
    for spoken in ("020125___99999______", "Flur 3 Flurstück 128", "99999"):
        a = lookup(neuwerk, spoken, date(2026, 4, 15))
        assert a.places == [] and "nicht vorhanden" in a.message, spoken


def test_water_meter_addresses_are_not_used(neuwerk):
    from twin.model.meters import WATER_METERS

    neuwerk.store.create_layer(WATER_METERS)
    neuwerk.store.upsert(WATER_METERS.name, [Feature({"zaehlernummer": "KZ1", "strasse": "Geisterweg",
                                                      "hausnummer": "1"}, Point(466850, 5974900))])
    assert lookup(neuwerk, "Geisterweg 1", date(2026, 4, 15)).places == []


def test_street_index_is_reused_until_the_cadastre_changes(neuwerk):
    idx = street_index(neuwerk.store)
    search(neuwerk, "Blüsenpfad", date(2026, 4, 15))
    assert street_index(neuwerk.store) is idx
    add_closure(neuwerk, {"sperrung_id": "HH-4", "art": "Baustelle", "strasse": "Osthof", "von": "2026-01-01"},
                NEAR_128)
    assert street_index(neuwerk.store) is idx  # closures do not touch the street index
    f = neuwerk.store.get("parcels", "020125___00128______")
    neuwerk.store.upsert("parcels", [Feature({**f.attrs, "lagebezeichnung": "Osthof 1"}, f.geometry)])
    new = street_index(neuwerk.store)
    assert new is not idx and ("osthof", "1") in new.by_address


def test_street_key_normalisation():
    assert street_key("Hauptstraße") == street_key("hauptstr.") == street_key("HAUPTSTRASSE") == "hauptstr"
    assert street_key("Marktpl.") == street_key("Marktplatz") and street_key("Am Anger") == "amanger"
    assert street_key("Straßenschlüssel 02000000-I1210") == "strassenschluessel02000000i1210"


# --------------------------------------------------------------------- the sample municipality
def test_generator_is_deterministic(tmp_path):
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path)], check=True)
    assert (tmp_path / SAMPLE_FILE.name).read_bytes() == SAMPLE_FILE.read_bytes()
    data = json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))
    for f in data["features"]:
        assert "name" not in {k.lower() for k in f["properties"]}  # offices only, no person
        x, y = np.array(f["geometry"]["coordinates"]).T
        assert (SAMPLE_EXTENT[0] < x).all() and (x < SAMPLE_EXTENT[2]).all()
        assert (SAMPLE_EXTENT[1] < y).all() and (y < SAMPLE_EXTENT[3]).all()


def test_sample_answers(sample_project):
    assert sample_project.store.count(ROAD_CLOSURES.name) == 20
    a = lookup(sample_project, "Hauptstr. 12", date(2026, 11, 23))
    assert [p.label for p in a.places] == ["Hauptstraße 12"]
    assert a.hits[0].text == ("Hauptstraße zwischen Nr. 10 und 24: Vollsperrung bis 20.12.2030 (Kanalbau und neue "
                              "Fahrbahn, Ortskernsanierung), Umleitung über Schulweg und Am Anger")
    assert ("SP-2026-WM", "geplant") in _ids(a.hits)  # Weihnachtsmarkt starts on 27.11.2026
    for day in (date(2025, 2, 3), date(2027, 8, 1), date(2030, 12, 20)):  # the sample always shows something
        assert ("SP-2025-003", "aktiv") in _ids(search(sample_project, "Hauptstraße", day))
    seg = street_segment(sample_project, "Hauptstraße", "2", "8")
    assert seg.length == pytest.approx(54.0, abs=1.0)  # houses 2 and 8 are 3 × 18 m apart
    with pytest.raises(ClosureError, match="Hausnummer 99"):
        street_segment(sample_project, "Hauptstraße", "2", "99")


def test_scene_layer_draws_the_day(sample_project):
    cfg = next(c for c in default_layers() if c.kind == "closures")
    origin = np.array([690000.0, 5335000.0, 0.0])
    mesh, keys = closures_mesh(sample_project, cfg, origin, day=date(2026, 11, 23))
    assert "SP-2025-003" in keys and "SP-2026-WM" in keys  # active, and planned within 14 days
    assert "SP-2024-005" not in keys and "SP-2027-KW" not in keys  # ended, and too far ahead
    fid = mesh.cell_data["feature_id"]
    full = mesh.cell_data["rgba"][fid == keys.index("SP-2025-003")]
    colours = {tuple(c) for c in full.tolist()}
    assert tuple(hex_rgba("#d32f2f")) in colours and tuple(hex_rgba("#f5f5f5")) in colours  # barrier tape
    assert tuple(hex_rgba("#0277bd")) in colours  # its detour
    planned = mesh.cell_data["rgba"][fid == keys.index("SP-2026-WM")]
    assert (planned[:, :3].astype(int) > 127).all()  # paler
    z = mesh.points[:, 2]
    assert z.min() > 500 and z.max() < 540  # on the DGM (~517 m), not at 0


# --------------------------------------------------------------------- CLI
def test_cli_auskunft(sample_project_dir):
    from cli.main import app

    runner = CliRunner()
    r = runner.invoke(app, ["auskunft", str(sample_project_dir), "Hauptstraße 12", "--datum", "2026-11-23"])
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.split())
    assert "Hauptstraße 12 – Stand 23.11.2026" in out and "Vollsperrung bis 20.12.2030" in out
    assert "GEPLANT" in out and "Weihnachtsmarkt" in out and "Busumleitung" not in out
    r = runner.invoke(app, ["auskunft", str(sample_project_dir), "Nirgendwo 3"])
    assert r.exit_code == 1 and "nicht gefunden" in r.output
    r = runner.invoke(app, ["auskunft", str(sample_project_dir), "Hauptstraße", "--datum", "31.02.2026"])
    assert r.exit_code == 1 and "kein gültiges Datum" in " ".join(r.output.split())
