"""Role policy: policy.toml checked line by line, enforced at query time in the store (both backends)."""

from __future__ import annotations

from collections import Counter

import pytest
import sqlalchemy as sa

from importers.alkis.load import NASImporter
from importers.isybau.load import IsybauImporter
from importers.meters.load import MeterImporter
from twin.errors import AccessDenied, PolicyError
from twin.model.flood import FLOOD_LAYERS
from twin.policy import DEFAULT_POLICY, RoleSession, load_policy, parse_policy

from tests.alkis_synth import HH_EXTENT, OWNER_OBJECTS, nas, parcel, ring_xml, square, write
from tests.conftest import DATA, ROOT
from tests.test_import_meters import HEADER

SAMPLE_METERS = ROOT / "sample_data" / "musterdorf" / "wasserzaehler_abrechnung.csv"
SAMPLE_SEWER = ROOT / "sample_data" / "musterdorf" / "kanal_isybau.xml"
ISYBAU_2017 = DATA / "isybau" / "ISYBAU_XML-2017-Stammdaten.xml"


# ---------------------------------------------------------------- the file
def test_default_policy_is_valid_and_covers_the_brief_table():
    pol = load_policy()
    assert set(pol.roles) == {"verwaltung", "rat", "buerger"} and pol.role("verwaltung").all
    rat, buerger = pol.role("rat"), pol.role("buerger")
    for rule in (rat, buerger):
        for personal in ("owners", "land_register", "meter_readings", "meter_customers"):
            assert personal in rule.hidden
        assert "sewer_reaches" in rule.hidden and "water_meters" in rule.hidden
    assert "kontrollbemerkung" in rat.layers["trees"].exclude
    assert set(buerger.layers["trees"].columns) == {"baumnummer", "gattung", "art", "art_deutsch", "baumhoehe_m",
                                                    "kronendurchmesser_m", "kronenansatz_m", "pflanzjahr"}
    assert rat.aggregations["zaehler_faellig"].min_group_size == 5 and not buerger.aggregations


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


BAD = [
    ("unknown layer", ("[roles.rat.layers.parcels]", "[roles.rat.layers.parcelz]"), "[roles.rat.layers.parcelz]",
     "unbekannter Layer 'parcelz'"),
    ("unknown column", ('exclude = ["kontrollbemerkung"]', 'exclude = ["kontrollnotiz"]'), 'exclude = ["kontrollnotiz"]',
     "unbekannte Spalte 'kontrollnotiz'"),
    ("visible and excluded", ('columns = ["baumnummer", "gattung"', 'exclude = ["gattung"]\ncolumns = ["baumnummer", "gattung"'),
     'exclude = ["gattung"]', "zugleich sichtbar und ausgeschlossen"),
    ("personal layer", ('[roles.buerger.layers.trees]', '[roles.buerger.layers.owners]\ncolumns = "*"\n\n[roles.buerger.layers.trees]'),
     "[roles.buerger.layers.owners]", "personenbezogene Daten"),
    ("bad measure", ('measures = { anzahl = "count" }', 'measures = { anzahl = "median:strasse" }'),
     'measures = { anzahl = "median:strasse" }', "Kennzahl 'anzahl'"),
    ("key hidden", ('columns = ["baumnummer", "gattung"', 'columns = ["gattung"'), 'columns = ["gattung"',
     "Schlüsselfeld 'baumnummer' muss sichtbar sein"),
]


@pytest.mark.parametrize("case,edit,line_text,message", BAD, ids=[b[0] for b in BAD])
def test_invalid_policies_name_the_line(case, edit, line_text, message):
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace(*edit, 1)
    assert text != DEFAULT_POLICY.read_text(encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        parse_policy(text)
    msg = str(err.value)
    assert message in msg, msg
    assert f"Zeile {_line(text, line_text)}:" in msg, msg


def test_undecided_layer_and_contradictions():
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    # a layer neither visible nor hidden for the council
    undecided = text.replace('hidden = ["owners", "land_register",', 'hidden = ["land_register",', 1)
    with pytest.raises(PolicyError, match=r"Zeile \d+: Rolle 'rat': für diese Layer fehlt eine Regel.*owners"):
        parse_policy(undecided)
    both = text.replace("[roles.rat.layers.parcels]", "[roles.rat.layers.water_meters]\ncolumns = \"*\"\n\n"
                        "[roles.rat.layers.parcels]", 1)
    with pytest.raises(PolicyError, match="zugleich sichtbar und in hidden"):
        parse_policy(both)
    admin = text.replace("all = true", "all = true\nhidden = [\"trees\"]", 1)
    with pytest.raises(PolicyError, match="widersprechen sich"):
        parse_policy(admin)
    with pytest.raises(PolicyError, match="es fehlen Rollen: buerger"):
        parse_policy(text[:text.index("# ----------------------------------------------------------------------"
                                      "----- Bürger")])
    with pytest.raises(PolicyError) as err:
        parse_policy(text.replace("pointclouds = true", "pointclouds = ja", 1))
    assert err.value.line == _line(text, "pointclouds = true") and "TOML-Syntaxfehler" in str(err.value)


# ---------------------------------------------------------------- enforcement
@pytest.fixture
def town(new_project, tmp_path):
    """Sample extent with the sample's water meters and sewer network (real importers)."""
    p = new_project()
    MeterImporter()(p, SAMPLE_METERS)
    # a small street: its two meters must never show up in the council's figures
    small = tmp_path / "kirchgasse.csv"
    small.write_text(HEADER + "K901;Erika Beispiel;Kirchgasse;1;;KG1;Kaltwasserzähler;;2021;;;690230,0;5335210,0\n"
                     "K902;Otto Beispiel;Kirchgasse;3;;KG2;Kaltwasserzähler;;2021;;;690240,0;5335210,0\n",
                     encoding="utf-8")
    MeterImporter()(p, small)
    IsybauImporter()(p, SAMPLE_SEWER)
    return p


def _selects(store):
    """Every SQL text the store's engine executes while the context is open."""
    seen: list[str] = []

    def hook(conn, cursor, statement, params, context, executemany):
        seen.append(statement.lower())
    return seen, hook


def test_council_gets_only_aggregates_with_group_size(town):
    rat = RoleSession(town.store, load_policy(), "rat")
    assert "water_meters" not in rat.layer_names() and "sewer_reaches" not in rat.layer_names()
    for layer in ("water_meters", "meter_readings", "meter_customers", "sewer_reaches"):
        with pytest.raises(AccessDenied, match="nicht sichtbar"):
            rat.features(layer)
    # the same figures computed independently from the administration's full view
    meters = [f.attrs for f in town.store.features("water_meters") if f.attrs["status"] == "eingebaut"]
    per_street = Counter(m["strasse"] for m in meters)
    got = {r["strasse"]: r["anzahl"] for r in rat.aggregate("zaehler_je_strasse")}
    assert got == {s: n for s, n in per_street.items() if n >= 5} and got
    assert per_street["Kirchgasse"] == 2 and "Kirchgasse" not in got
    due = Counter((m["strasse"], int(str(m["eichung_gueltig_bis"])[:4])) for m in meters if m["eichung_gueltig_bis"])
    got = {(r["strasse"], r["jahr_eichung_gueltig_bis"]): r["faellig"] for r in rat.aggregate("zaehler_faellig")}
    assert got == {k: n for k, n in due.items() if n >= 5}
    reaches = [f.attrs for f in town.store.features("sewer_reaches")]
    net = {r["entwaesserungsart"]: (r["haltungen"], r["laenge_m"]) for r in rat.aggregate("kanalnetz")}
    for art, (n, length) in net.items():
        mine = [r for r in reaches if r["entwaesserungsart"] == art]
        assert n == len(mine) and length == pytest.approx(sum(r["laenge_m"] or 0 for r in mine))
    assert sum(n for n, _ in net.values()) == len(reaches)
    classes = {r["zustandsklasse"]: r["haltungen"] for r in rat.aggregate("zustandsklassen")}
    assert classes == dict(Counter(r["zustandsklasse"] for r in reaches))
    buerger = RoleSession(town.store, load_policy(), "buerger")
    with pytest.raises(AccessDenied, match="nicht freigegeben"):
        buerger.aggregate("zaehler_je_strasse")


def test_hidden_columns_never_leave_the_database(new_project, tmp_path):
    """Parcels with an owner: the council's and citizens' SELECTs name only their columns."""
    f = write(tmp_path, nas(parcel("DEXXSYNTHF000001", 10, ring_xml(square()), nenner="2",
                                   extra='<istGebucht xlink:href="urn:adv:oid:DEXXSYNTHS000001"/>'),
                            *OWNER_OBJECTS))
    p = new_project(extent=HH_EXTENT)
    NASImporter()(p, f)
    pol = load_policy()
    seen, hook = _selects(p.store)
    engine = p.store.engine
    sa.event.listen(engine, "before_cursor_execute", hook)
    try:
        buerger = RoleSession(p.store, pol, "buerger")
        (parcel_row,) = buerger.features("parcels")
        assert set(parcel_row.attrs) == set(pol.role("buerger").layers["parcels"].columns)
        assert parcel_row.geometry is not None and parcel_row.attrs["flurstuecksnummer"] == "10/2"
        assert buerger.query_bbox("parcels", HH_EXTENT)[0].attrs == parcel_row.attrs
        rat = RoleSession(p.store, pol, "rat")
        assert "amtliche_flaeche" in rat.get("parcels", parcel_row.attrs["flurstueckskennzeichen"]).attrs
        for role in (buerger, rat):
            with pytest.raises(AccessDenied):
                role.features("owners")
            with pytest.raises(AccessDenied):
                role.features("land_register")
    finally:
        sa.event.remove(engine, "before_cursor_execute", hook)
    selects = [s for s in seen if s.lstrip().startswith("select")]
    assert selects and not any(t in s for s in selects for t in ("owners", "land_register", "nachname"))
    buerger_parcels = [s for s in selects if "from parcels" in s or 'from "parcels"' in s]
    assert buerger_parcels and not any("amtliche_flaeche" in s for s in buerger_parcels[:2])


def test_where_on_hidden_column_and_admin_sees_all(town):
    pol = load_policy()
    admin = RoleSession(town.store, pol, "verwaltung")
    assert admin.is_admin and set(admin.layer_names()) == set(town.store.layer_names())
    assert len(admin.features("meter_readings")) == town.store.count("meter_readings")
    with pytest.raises(AccessDenied, match="Unbekannte Rolle"):
        RoleSession(town.store, pol, "gast")


def test_rasters_by_role(sample_project):
    pol = load_policy()
    kinds = {r["kind"] for r in sample_project.store.rasters()}
    assert {r["kind"] for r in RoleSession(sample_project.store, pol, "rat").rasters()} == kinds
    assert {r["kind"] for r in RoleSession(sample_project.store, pol, "buerger").rasters()} <= {"dgm", "dem", "dom"}


def test_aggregation_without_groups_keeps_the_minimum(town):
    """A whole-layer figure is shown only if the layer has at least min_group_size rows."""
    from twin.policy import Aggregation, run_aggregation

    n = town.store.count("sewer_reaches")
    total = Aggregation(title="Netz", layer="sewer_reaches", measures={"haltungen": "count"}, min_group_size=n)
    assert run_aggregation(town.store, total) == [{"haltungen": n}]
    too_small = total.model_copy(update={"min_group_size": n + 1})
    assert run_aggregation(town.store, too_small) == []


def test_project_carries_its_policy(new_project):
    p = new_project()
    path = p.root / "policy.toml"
    assert path.read_text(encoding="utf-8") == DEFAULT_POLICY.read_text(encoding="utf-8")
    assert p.session("rat").title == "Ratszwilling" and p.session("verwaltung").is_admin
    # the municipality's edit is what counts, and a broken edit is reported with its line
    text = path.read_text(encoding="utf-8").replace('exclude = ["kontrollbemerkung"]', 'exclude = ["notiz"]', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        p.reload_policy()
    assert err.value.line == _line(text, 'exclude = ["notiz"]') and "policy.toml" in str(err.value)


def test_variants_by_release_state_and_changes_without_hidden_columns(new_project):
    """Council: variants released to it or the public; citizens: public only. A change's values keep only
    the columns the role may see in the changed layer (a tree note planned internally stays internal)."""
    from twin.variants import edit_variant, new_variant, plant_tree, release, set_change

    p = new_project()
    for vid, state in (("intern1", None), ("ratvar", "rat"), ("oeff", "oeffentlich")):
        v = new_variant(p, vid, f"Variante {vid}", actor="planung")
        plant_tree(v, 690400.0 + len(vid), 5335400.0, "Tilia cordata", 6.0, 3.0, 2027, key=f"{vid}-B1")
        if state:
            release(v, state)
    set_change(edit_variant(p, "ratvar"), "trees", "ratvar-B1", "modify", {"kontrollbemerkung": "Geheimvermerk"})
    pol = load_policy(layers=[p.store.schema(n) for n in p.store.layer_names()])
    seen = {}
    for role in ("rat", "buerger"):
        s = RoleSession(p.store, pol, role)
        seen[role] = {f.attrs["variant_id"] for f in s.features("variants")}
        changes = s.features("variant_changes")
        assert {c.attrs["variant_id"] for c in changes} == seen[role]
        assert all("created_by" not in f.attrs for f in s.features("variants"))
        for c in changes:
            assert "kontrollbemerkung" not in c.attrs["new_values"]
            assert c.attrs["new_values"]["art"] == "Tilia cordata"
    assert seen == {"rat": {"ratvar", "oeff"}, "buerger": {"oeff"}}
    admin = {c.attrs["variant_id"]: c.attrs["new_values"] for c in p.store.features("variant_changes")}
    assert admin["ratvar"]["kontrollbemerkung"] == "Geheimvermerk"  # the control: it is there for the admin


def test_policy_of_format_1_keeps_loading_and_hides_newer_layers(new_project):
    """A project created before the Starkregen layers has a format-1 policy.toml without rules for them:
    it still loads, and the council and citizens see none of the new layers until the file decides them."""
    old = (DATA / "policy" / "policy_format1.toml").read_text(encoding="utf-8")
    policy = parse_policy(old)
    assert policy.format_version == 1
    p = new_project()
    (p.root / "policy.toml").write_text(old, encoding="utf-8")
    p.reload_policy()
    for schema in FLOOD_LAYERS:
        p.store.create_layer(schema)
    for role in ("rat", "buerger"):
        s = p.session(role)
        assert not s.can_read("flood_runs") and "flooded_roads" not in s.layer_names()
        with pytest.raises(AccessDenied):
            s.features("flood_runs")
    assert p.session("verwaltung").features("flood_runs") == []
    # in the current format the same omission is an error
    with pytest.raises(PolicyError, match="fehlt eine Regel.*flood_runs"):
        parse_policy(old.replace("format_version = 1", "format_version = 2", 1))
