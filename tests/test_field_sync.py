"""Field packages and the conflict-safe sync, on real GeoPackages edited through GDAL as QField does.

Scenario (sample municipality, team "bauhof"): two tablets get a package, the office and both tablets edit
the same trees and meters. Every expected value below is worked out by hand from the edits.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from twin.errors import ConfigError, PackageError, ProjectError
from twin.field.export import export_package, snapshot_path
from twin.field.resolve import ConflictError, open_conflicts, resolve_conflict
from twin.field.sync import sync_package
from twin.store.base import Feature

ROOT = Path(__file__).parent.parent
EDIT = ROOT / "tests" / "gdal_edit.py"


def gdal_edit(python: str, package: Path, edits: list[dict], tmp: Path) -> list[int]:
    """Apply ``edits`` to the package's GeoPackage through GDAL's OGR API (one GDAL transaction)."""
    spec = tmp / f"edits_{abs(hash(json.dumps(edits))) % 10**8}.json"
    spec.write_text(json.dumps(edits), encoding="utf-8")
    out = subprocess.run([python, str(EDIT), str(package / "daten.gpkg"), str(spec)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def office_edit(project, layer: str, key: str, **values) -> None:
    f = project.store.get(layer, key)
    f.attrs.update(values)
    project.store.upsert(layer, [f], actor="Büro (Frau Lang)")


def dump(project) -> dict:
    """Everything in the store, to compare before and after: every layer's rows, the history, the packages."""
    import sqlalchemy as sa

    store = project.store
    out = {}
    for name in store.layer_names():
        out[name] = sorted((json.dumps(f.attrs, sort_keys=True, default=str),
                            f.geometry.wkt if f.geometry is not None else None) for f in store.features(name))
    with store.engine.connect() as c:
        out["_history"] = c.execute(sa.text("SELECT count(*), max(id) FROM twz_history")).all()
    return out


def trees(project) -> dict[str, dict]:
    return {f.attrs["baumnummer"]: dict(f.attrs) for f in project.store.features("trees")}


def meters(project) -> dict[str, dict]:
    return {f.attrs["zaehlernummer"]: dict(f.attrs) for f in project.store.features("water_meters")}


T1_EDITS = [
    {"op": "update", "layer": "trees", "where": {"baumnummer": "B0001"},
     "set": {"vitalitaet": "3", "befund": "Totholz in der Krone", "bearbeitet_von": "M. Huber",
             "bearbeitet_am": "2026-11-20T09:15:00"}},
    {"op": "update", "layer": "trees", "where": {"baumnummer": "B0002"},
     "set": {"verkehrssicherheit": "nicht verkehrssicher", "letzte_kontrolle": "2026-11-20",
             "massnahmen": "{totholz,kronensicherung}", "dringlichkeit": "sofort", "kontrolleur": "M. Huber",
             "bearbeitet_von": "M. Huber"}},
    {"op": "insert", "layer": "trees", "wkt": "POINT (690500 5335500)",
     "set": {"baumnummer": "N0001", "gattung": "Tilia", "art": "Tilia cordata", "baumhoehe_m": 4.0,
             "pflanzjahr": 2026, "bearbeitet_von": "M. Huber"}},
    {"op": "insert", "layer": "meter_changes",
     "set": {"alter_zaehler": "KZ4100038", "zaehlerstand_alt": 123.4, "neuer_zaehler": "NZ-2026-1",
             "zaehlerstand_neu": 0.5, "wechseldatum": "2026-11-19", "monteur": "K. Berg",
             "bearbeitet_von": "K. Berg"}},
    {"op": "update", "layer": "water_meters", "where": {"zaehlernummer": "KZ4100111"},
     "set": {"zaehlerart": "Hauswasserzähler", "bearbeitet_von": "K. Berg"}},
]
T2_EDITS = [
    {"op": "update", "layer": "trees", "where": {"baumnummer": "B0001"},
     "set": {"kontrollbemerkung": "Pilzfruchtkörper am Stammfuß", "bearbeitet_von": "S. Ott"}},
    {"op": "update", "layer": "trees", "where": {"baumnummer": "B0002"},
     "set": {"verkehrssicherheit": "Maßnahme erforderlich", "bearbeitet_von": "S. Ott"}},
    {"op": "update", "layer": "trees", "where": {"baumnummer": "B0003"},
     "set": {"vitalitaet": "2", "naechste_kontrolle": "2027-05-01", "bearbeitet_von": "S. Ott"}},
    {"op": "delete", "layer": "trees", "where": {"baumnummer": "B0004"}},
    {"op": "update", "layer": "water_meters", "where": {"zaehlernummer": "KZ4100128"},
     "set": {"hausnummer": "4b", "bearbeitet_von": "S. Ott"}},
]


@pytest.fixture
def two_tablets(sample_project, tmp_path, gdal_python):
    """Two packages of team bauhof, office and tablet edits made, nothing synced yet."""
    p = sample_project
    t1, t2 = tmp_path / "tablet1", tmp_path / "tablet2"
    export_package(p, "bauhof", t1, actor="Büro")
    export_package(p, "bauhof", t2, actor="Büro")
    before_t, before_m = trees(p), meters(p)
    office_edit(p, "trees", "B0001", vitalitaet="2", baumhoehe_m=11.0)
    office_edit(p, "water_meters", "KZ4100128", hausnummer="4a")
    assert gdal_edit(gdal_python, t1, T1_EDITS, tmp_path)[0] > max(f.fid for f in p.store.features("trees"))
    gdal_edit(gdal_python, t2, T2_EDITS, tmp_path)
    return p, t1, t2, before_t, before_m


def test_two_tablets_and_office_merge_by_field_and_report_conflicts(two_tablets):
    p, t1, t2, before_t, before_m = two_tablets
    r1 = sync_package(p, t1, actor="Büro")
    r2 = sync_package(p, t2, actor="Büro")

    # --- the hand-computed expected trees: the export state plus every non-conflicting change
    exp = {k: dict(v) for k, v in before_t.items()}
    exp["B0001"].update(vitalitaet="2", baumhoehe_m=11.0,  # office; the tablet's "3" is a conflict
                        befund="Totholz in der Krone",  # tablet 1
                        kontrollbemerkung="Pilzfruchtkörper am Stammfuß")  # tablet 2
    exp["B0002"].update(verkehrssicherheit="nicht verkehrssicher", letzte_kontrolle="2026-11-20",
                        massnahmen="{totholz,kronensicherung}", dringlichkeit="sofort", kontrolleur="M. Huber")
    exp["B0003"].update(vitalitaet="2", naechste_kontrolle="2027-05-01")
    new = {k: None for k in exp["B0001"]}
    new.update(baumnummer="N0001", gattung="Tilia", art="Tilia cordata", baumhoehe_m=4.0, pflanzjahr=2026)
    exp["N0001"] = new  # B0004 stays: a deletion on the tablet waits for a decision
    got = trees(p)
    assert set(got) == set(exp)
    for k in exp:
        assert {c: _norm(v) for c, v in got[k].items()} == {c: _norm(v) for c, v in exp[k].items()}, k
    assert p.store.get("trees", "N0001").geometry.wkt == "POINT (690500 5335500)"

    # --- meters: the change as one operation, a type change, a house number in conflict
    m = meters(p)
    assert m["KZ4100038"]["status"] == "ausgebaut" and str(m["KZ4100038"]["ausbaudatum"]) == "2026-11-19"
    assert m["KZ4100038"]["nachfolger"] == "NZ-2026-1"
    assert m["NZ-2026-1"]["vorgaenger"] == "KZ4100038" and m["NZ-2026-1"]["status"] == "eingebaut"
    assert m["NZ-2026-1"]["strasse"] == before_m["KZ4100038"]["strasse"]
    readings = {f.attrs["ablesung_id"]: f.attrs["zaehlerstand_m3"] for f in p.store.features("meter_readings")}
    assert readings["KZ4100038|2026-11-19|Ausbau"] == 123.4 and readings["NZ-2026-1|2026-11-19|Einbau"] == 0.5
    assert m["KZ4100111"]["zaehlerart"] == "Hauswasserzähler"
    assert m["KZ4100128"]["hausnummer"] == "4a"  # office value kept
    untouched = set(before_m) - {"KZ4100038", "KZ4100111", "KZ4100128"}
    assert all(m[k] == before_m[k] for k in untouched)

    # --- conflicts: none lost, each with base / office / tablet value
    assert r1.meter_changes == 1 and r1.inserted == {"trees": 1}
    c1 = {(c["layer"], c["objekt"], c["feld"]): c for c in r1.conflicts}
    assert set(c1) == {("trees", "B0001", "vitalitaet")}
    assert (c1["trees", "B0001", "vitalitaet"]["wert_basis"], c1["trees", "B0001", "vitalitaet"]["wert_buero"],
            c1["trees", "B0001", "vitalitaet"]["wert_tablet"]) == ("0", "2", "3")
    c2 = {(c["layer"], c["objekt"], c["feld"] or c["art"]): c for c in r2.conflicts}
    assert set(c2) == {("trees", "B0002", "verkehrssicherheit"), ("trees", "B0004", "loeschung"),
                       ("water_meters", "KZ4100128", "hausnummer")}
    vs = c2["trees", "B0002", "verkehrssicherheit"]
    assert (vs["wert_basis"], vs["wert_buero"], vs["wert_tablet"]) == (
        "verkehrssicher", "nicht verkehrssicher", "Maßnahme erforderlich")
    hn = c2["water_meters", "KZ4100128", "hausnummer"]
    assert (hn["wert_basis"], hn["wert_buero"], hn["wert_tablet"]) == ("4", "4a", "4b")
    assert hn["bearbeitet_von"] == "S. Ott"
    assert len(open_conflicts(p)) == 4


def test_merged_changes_are_in_the_audit_history_with_who_and_when(two_tablets):
    import sqlalchemy as sa

    p, t1, _t2, _bt, _bm = two_tablets
    sync_package(p, t1, actor="Büro")
    with p.store.engine.connect() as c:
        rows = c.execute(sa.text("SELECT at, actor, action, new_values FROM twz_history WHERE layer = 'trees' "
                                 "AND feature_key = 'B0001' ORDER BY id")).all()
    at, actor, action, new = rows[-1]
    assert action == "update" and json.loads(new) == {"befund": "Totholz in der Krone"}
    assert actor == "M. Huber (Feldteam Bauhof (alle Feldarbeiten), Tablet, bearbeitet am 2026-11-20)"
    assert at[:4] == "2026" or at[:2] == "20"
    with p.store.engine.connect() as c:
        who = c.execute(sa.text("SELECT actor FROM twz_history WHERE layer = 'water_meters' AND "
                                "feature_key = 'NZ-2026-1'")).scalars().all()
    assert who and all(w.startswith("K. Berg (Feldteam") for w in who)


def test_sync_twice_changes_nothing(two_tablets):
    p, t1, t2, _bt, _bm = two_tablets
    sync_package(p, t1)
    sync_package(p, t2)
    before = dump(p)
    again1, again2 = sync_package(p, t1), sync_package(p, t2)
    assert again1.unchanged and again2.unchanged
    assert dump(p) == before
    assert len(open_conflicts(p)) == 4


def test_further_edits_after_a_sync_land_including_on_new_features(two_tablets, gdal_python, tmp_path):
    p, t1, _t2, _bt, _bm = two_tablets
    sync_package(p, t1)
    gdal_edit(gdal_python, t1, [
        {"op": "update", "layer": "trees", "where": {"baumnummer": "N0001"}, "set": {"vitalitaet": "0"}},
        {"op": "update", "layer": "trees", "where": {"baumnummer": "B0002"}, "set": {"dringlichkeit": "kurzfristig"}},
    ], tmp_path)
    r = sync_package(p, t1)
    assert r.updated == {"trees": 2} and not r.conflicts and not r.inserted
    assert p.store.get("trees", "N0001").attrs["vitalitaet"] == "0"
    assert p.store.get("trees", "B0002").attrs["dringlichkeit"] == "kurzfristig"
    assert p.store.count("trees") == 99  # 98 + N0001, nothing duplicated


def test_conflicts_are_resolved_explicitly(two_tablets):
    p, t1, t2, _bt, _bm = two_tablets
    sync_package(p, t1)
    sync_package(p, t2)
    by = {(c.attrs["objekt"], c.attrs["feld"] or c.attrs["art"]): c.attrs["konflikt_id"] for c in open_conflicts(p)}
    resolve_conflict(p, by["B0001", "vitalitaet"], "tablet", actor="Frau Lang")
    resolve_conflict(p, by["KZ4100128", "hausnummer"], "wert", value="4c", actor="Frau Lang")
    resolve_conflict(p, by["B0004", "loeschung"], "tablet", actor="Frau Lang")
    assert p.store.get("trees", "B0001").attrs["vitalitaet"] == "3"
    assert p.store.get("water_meters", "KZ4100128").attrs["hausnummer"] == "4c"
    assert p.store.get("trees", "B0004") is None
    left = open_conflicts(p)
    assert [(c.attrs["objekt"], c.attrs["feld"]) for c in left] == [("B0002", "verkehrssicherheit")]
    resolve_conflict(p, left[0].attrs["konflikt_id"], "buero", actor="Frau Lang")
    assert p.store.get("trees", "B0002").attrs["verkehrssicherheit"] == "nicht verkehrssicher"
    assert not open_conflicts(p)
    done = p.store.get("field_conflicts", by["B0001", "vitalitaet"]).attrs
    assert done["status"] == "entschieden" and done["entschieden_von"] == "Frau Lang"
    with pytest.raises(ConflictError):  # TwinError: decided already
        resolve_conflict(p, by["B0001", "vitalitaet"], "buero")


def test_package_holds_only_what_the_team_may_see(sample_project, tmp_path, ogr2ogr_available):
    import pyogrio

    p = sample_project
    res = export_package(p, "baumkontrolle", tmp_path / "baum")
    gpkg = res.path / "daten.gpkg"
    info = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(gpkg)], capture_output=True, text=True)
    assert info.returncode == 0 and "Layer name: trees" in info.stdout, info.stderr  # the system's GDAL too
    assert f"Feature Count: {p.store.count('trees')}" in info.stdout
    layers = {name for name, _ in pyogrio.list_layers(gpkg)}  # GDAL opens the package
    assert {"trees", "parcels", "cadastre_buildings"} <= layers
    assert not layers & {"owners", "meter_readings", "meter_customers", "water_meters", "sewer_reaches",
                         "land_register", "field_conflicts"}
    assert not any(name.startswith("twz_") for name in layers)
    parcel_cols = set(pyogrio.read_info(gpkg, layer="parcels")["fields"])
    assert parcel_cols == {"flurstueckskennzeichen", "flurstuecksnummer", "lagebezeichnung"}
    tree_info = pyogrio.read_info(gpkg, layer="trees")
    assert {"letzte_kontrolle", "kontrolleur", "befund", "massnahmen", "dringlichkeit", "naechste_kontrolle",
            "foto", "bearbeitet_von"} <= set(tree_info["fields"])
    assert "source_file" not in tree_info["fields"] and tree_info["features"] == p.store.count("trees")
    water = export_package(p, "wasserversorgung", tmp_path / "wasser")
    wl = {name for name, _ in pyogrio.list_layers(water.path / "daten.gpkg")}
    assert {"water_meters", "water_work_orders", "meter_changes"} <= wl and "trees" not in wl
    assert not wl & {"meter_readings", "meter_customers"}


def test_qgs_references_only_package_layers(sample_project, tmp_path):
    import pyogrio
    from lxml import etree

    res = export_package(sample_project, "bauhof", tmp_path / "pkg")
    tree = etree.parse(str(res.qgs))  # well-formed XML
    tables = {name for name, _ in pyogrio.list_layers(res.path / "daten.gpkg")}
    sources = [d.text for d in tree.iter("datasource")]
    assert sources
    for s in sources:
        assert s.startswith("./daten.gpkg|layername=")
        assert s.split("layername=")[1].split("|")[0] in tables
    assert (res.path / "DCIM").is_dir()


def test_export_bbox_limits_the_rows(sample_project, tmp_path):
    import pyogrio

    p = sample_project
    bbox = (690000.0, 5335000.0, 690400.0, 5335600.0)
    res = export_package(p, "baumkontrolle", tmp_path / "teil", bbox=bbox)
    inside = [f for f in p.store.features("trees")
              if bbox[0] <= f.geometry.x <= bbox[2] and bbox[1] <= f.geometry.y <= bbox[3]]
    assert 0 < len(inside) < p.store.count("trees")
    assert pyogrio.read_info(res.path / "daten.gpkg", layer="trees")["features"] == len(inside)


def test_export_refuses_unknown_team_and_non_empty_folder(sample_project, tmp_path):
    with pytest.raises(ConfigError, match="Unbekanntes Feldteam 'gaertnerei'"):
        export_package(sample_project, "gaertnerei", tmp_path / "x")
    (tmp_path / "voll").mkdir()
    (tmp_path / "voll" / "a.txt").write_text("x")
    with pytest.raises(ProjectError, match="nicht leer"):
        export_package(sample_project, "bauhof", tmp_path / "voll")


def test_packages_from_elsewhere_or_older_are_refused(sample_project, tmp_path, gdal_python):
    from twin.project import Project

    p = sample_project
    res = export_package(p, "baumkontrolle", tmp_path / "pkg")
    with Project.create(tmp_path / "nachbar", name="Nachbargemeinde", extent=(690000, 5335000, 691000, 5336000)) as other:
        with pytest.raises(PackageError, match="stammt aus dem Projekt 'Markt Musterdorf"):
            sync_package(other, res.path)
    gdal_edit(gdal_python, res.path, [{"op": "update", "layer": "stadtzwilling_paket",
                                       "where": {"schluessel": "format"}, "set": {"wert": "0"}}], tmp_path)
    before = dump(p)
    with pytest.raises(PackageError, match="ältere Paketformat 0"):
        sync_package(p, res.path)
    assert dump(p) == before
    with pytest.raises(PackageError, match="kein Stadtzwilling-Feldpaket"):
        sync_package(p, p.root / "twin.gpkg")  # a GeoPackage, but no field package


def test_cancelled_sync_leaves_store_and_state_untouched(two_tablets):
    p, t1, _t2, _bt, _bm = two_tablets
    before = dump(p)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 4  # well inside the transaction

    from twin.errors import Cancelled

    with pytest.raises(Cancelled):
        sync_package(p, t1, cancel=cancel)
    assert dump(p) == before
    pid = p.store.features("field_packages")[0].attrs["paket_id"]
    assert not any(snapshot_path(p, pid, 1).parent.glob("stand_1.gpkg"))
    assert sync_package(p, t1).inserted == {"trees": 1}  # the real sync afterwards is complete


def test_tablet_photo_lands_in_the_project(sample_project, tmp_path, gdal_python):
    p = sample_project
    res = export_package(p, "baumkontrolle", tmp_path / "pkg")
    (res.path / "DCIM" / "B0005_20261120.jpg").write_bytes(b"\xff\xd8\xff\xe0 JPEG test")
    gdal_edit(gdal_python, res.path, [{"op": "update", "layer": "trees", "where": {"baumnummer": "B0005"},
                                       "set": {"foto": "DCIM/B0005_20261120.jpg"}}], tmp_path)
    r = sync_package(p, res.path)
    rel = p.store.get("trees", "B0005").attrs["foto"]
    assert r.photos == 1 and rel.startswith("feld/fotos/")
    assert (p.root / rel).read_bytes() == b"\xff\xd8\xff\xe0 JPEG test"


def test_export_and_sync_on_both_backends(new_project, tmp_path, gdal_python):
    from shapely.geometry import Point

    from twin.model.trees import TREES

    p = new_project()
    p.store.create_layer(TREES)
    p.store.upsert("trees", [Feature({"baumnummer": f"T{i}", "vitalitaet": "1"}, Point(690100 + i, 5335100))
                             for i in range(5)])
    res = export_package(p, "baumkontrolle", tmp_path / f"pkg_{p.store.backend}")
    office_edit(p, "trees", "T1", vitalitaet="2")
    gdal_edit(gdal_python, res.path, [
        {"op": "update", "layer": "trees", "where": {"baumnummer": "T1"}, "set": {"vitalitaet": "3"}},
        {"op": "update", "layer": "trees", "where": {"baumnummer": "T2"}, "set": {"befund": "Stammriss"}},
    ], tmp_path)
    r = sync_package(p, res.path)
    assert p.store.get("trees", "T2").attrs["befund"] == "Stammriss"
    assert p.store.get("trees", "T1").attrs["vitalitaet"] == "2"
    assert [(c["objekt"], c["wert_buero"], c["wert_tablet"]) for c in r.conflicts] == [("T1", "2", "3")]


def _norm(v):
    return None if v in (None, "") else str(v)


def test_office_deletion_read_only_layers_and_equal_values(sample_project, tmp_path, gdal_python):
    p = sample_project
    res = export_package(p, "bauhof", tmp_path / "pkg")
    office_edit(p, "trees", "B0001", vitalitaet="2")
    p.store.delete("trees", ["B0005"], actor="Büro")
    parcel = sorted(f.attrs["flurstueckskennzeichen"] for f in p.store.features("parcels"))[0]
    lage = p.store.get("parcels", parcel).attrs["lagebezeichnung"]
    gdal_edit(gdal_python, res.path, [
        {"op": "update", "layer": "trees", "where": {"baumnummer": "B0001"}, "set": {"vitalitaet": "2"}},
        {"op": "update", "layer": "trees", "where": {"baumnummer": "B0005"}, "set": {"vitalitaet": "3"}},
        {"op": "update", "layer": "parcels", "where": {"flurstueckskennzeichen": parcel},
         "set": {"lagebezeichnung": "Irgendwo 1"}},
        {"op": "update", "layer": "water_meters", "where": {"zaehlernummer": "KZ4100075"},
         "set": {"status": "ausgebaut", "strasse": "Hauptstr."}},
    ], tmp_path)
    r = sync_package(p, res.path)
    kinds = sorted((c["art"], c["layer"], c["objekt"], c["feld"]) for c in r.conflicts)
    assert kinds == [("entfernt", "trees", "B0005", None), ("nicht_bearbeitbar", "parcels", parcel, None),
                     ("nicht_bearbeitbar", "water_meters", "KZ4100075", "status")]  # same value "2": no conflict
    assert p.store.get("trees", "B0005") is None
    assert p.store.get("parcels", parcel).attrs["lagebezeichnung"] == lage
    meter = p.store.get("water_meters", "KZ4100075").attrs
    assert meter["status"] == "eingebaut" and meter["strasse"] == "Hauptstr."  # editable field lands
    by = {c["art"] + c["layer"]: c["konflikt_id"] for c in r.conflicts}
    with pytest.raises(ConflictError, match="nur verworfen"):
        resolve_conflict(p, by["nicht_bearbeitbarparcels"], "tablet")
    resolve_conflict(p, by["entfernttrees"], "tablet")  # the office restores the tree with the tablet's data
    assert p.store.get("trees", "B0005").attrs["vitalitaet"] == "3"


def test_new_sewer_observations_and_work_orders_from_the_field(sample_project, tmp_path, gdal_python):
    p = sample_project
    res = export_package(p, "bauhof", tmp_path / "pkg")
    node = sorted(f.attrs["objektbezeichnung"] for f in p.store.features("sewer_nodes"))[0]
    gdal_edit(gdal_python, res.path, [
        {"op": "insert", "layer": "sewer_observations",
         "set": {"beobachtung_id": "FELD-20261120-101500-000", "objekt_layer": "sewer_nodes",
                 "objektbezeichnung": node, "inspektionsdatum": "2026-11-20", "kode": "DCA",
                 "zustandsklasse": 2, "kommentar": "Deckel klappert"}},
        {"op": "insert", "layer": "sewer_observations",  # a GIS without the form's default: no key
         "set": {"objektbezeichnung": node, "kode": "DCG", "kommentar": "Rückstau nach Regen"}},
        {"op": "insert", "layer": "water_work_orders", "wkt": "POINT (690300 5335400)",
         "set": {"auftragsnummer": "F-261120-0930", "art": "rohrbruch", "status": "erledigt",
                 "erledigt_am": "2026-11-20", "ergebnis": "Reparaturschelle DN 100"}},
    ], tmp_path)
    r = sync_package(p, res.path)
    assert r.inserted == {"sewer_observations": 2, "water_work_orders": 1} and not r.conflicts
    obs = {f.attrs["beobachtung_id"]: f.attrs for f in p.store.features("sewer_observations")
           if f.attrs["objektbezeichnung"] == node and f.attrs["kode"] in ("DCA", "DCG")}
    assert obs["FELD-20261120-101500-000"]["kommentar"] == "Deckel klappert"
    generated = [k for k, a in obs.items() if a["kode"] == "DCG"]
    assert generated and generated[0].startswith("bauhof-")
    order = p.store.get("water_work_orders", "F-261120-0930")
    assert order.attrs["status"] == "erledigt" and order.geometry.wkt == "POINT (690300 5335400)"


def test_new_feature_with_a_key_the_office_took_meanwhile_is_a_conflict(sample_project, tmp_path, gdal_python):
    from shapely.geometry import Point

    p = sample_project
    res = export_package(p, "baumkontrolle", tmp_path / "pkg")
    p.store.upsert("trees", [Feature({"baumnummer": "N0100", "gattung": "Acer"}, Point(690600, 5335600))],
                   actor="Büro")
    gdal_edit(gdal_python, res.path, [{"op": "insert", "layer": "trees", "wkt": "POINT (690610 5335610)",
                                       "set": {"baumnummer": "N0100", "gattung": "Quercus"}}], tmp_path)
    r = sync_package(p, res.path)
    assert not r.inserted and [(c["art"], c["objekt"]) for c in r.conflicts] == [("schluessel", "N0100")]
    assert p.store.get("trees", "N0100").attrs["gattung"] == "Acer"
    resolve_conflict(p, r.conflicts[0]["konflikt_id"], "tablet")
    assert p.store.get("trees", "N0100").attrs["gattung"] == "Quercus"
