"""The QGIS project of a field package (twin.field.qgs): checked as XML against a real GeoPackage."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from lxml import etree
from pyproj import CRS
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from twin.crs import project_crs
from twin.field.qgs import FID, VALUEMAP_NULL, datasource, layer_id, referenced_tables, write_qgs
from twin.field.spec import CODELIST_TABLE, PACKAGE_GPKG, PackageLayer, load_forms, package_layers
from twin.policy import load_policy
from twin.policy.check import known_schemas
from twin.policy.session import _restricted

EXTENT = (560000.0, 5930000.0, 561000.0, 5931000.0)
_DTYPES = {"integer": "Int64", "real": "float64", "boolean": "boolean"}
_OGR_TYPES = {"POINT": "Point", "LINESTRING": "LineString", "POLYGON": "Polygon", "MULTIPOINT": "MultiPoint",
              "MULTILINESTRING": "MultiLineString", "MULTIPOLYGON": "MultiPolygon"}


# --------------------------------------------------------------------------- fixtures and helpers
def team_layers(team: str) -> list[PackageLayer]:
    policy = load_policy()
    rule = policy.field_teams[team]
    models = known_schemas()
    schemas = {name: _restricted(models[name], rule.layers[name]) for name in rule.layers}
    return package_layers(team, schemas, policy, load_forms())


def _geometry(layer: PackageLayer):
    gt = (layer.geometry_type or "").upper()
    z = (0.0,) if layer.has_z else ()
    x, y = EXTENT[0] + 10, EXTENT[1] + 10
    if gt.endswith("POINT"):
        return Point(x, y, *z)
    if gt.endswith("LINESTRING"):
        return LineString([(x, y, *z), (x + 5, y + 5, *z)])
    ring = [(x, y, *z), (x + 5, y, *z), (x + 5, y + 5, *z), (x, y, *z)]
    return MultiPolygon([Polygon(ring)]) if gt.startswith("MULTI") else Polygon(ring)


def write_gpkg(path: Path, layers: list[PackageLayer], *, codelists: bool) -> None:
    """A GeoPackage with one (empty-ish) table per package layer, like the package writer makes it."""
    for layer in layers:
        data = {f.name: pd.Series([None], dtype=_DTYPES.get(f.type, "object")) for f in layer.fields}
        frame = pd.DataFrame(data)
        if layer.geometry_type is None:
            pyogrio.write_dataframe(frame, path, layer=layer.name, driver="GPKG", append=path.exists())
        else:
            gdf = gpd.GeoDataFrame(frame, geometry=[_geometry(layer)], crs="EPSG:25832")
            pyogrio.write_dataframe(gdf, path, layer=layer.name, driver="GPKG", append=path.exists(),
                                    geometry_type=_OGR_TYPES[layer.geometry_type] + (" Z" if layer.has_z else ""))
    if codelists:
        frame = pd.DataFrame({"liste": ["massnahmen"], "wert": ["keine"], "text": ["keine Maßnahme"]})
        pyogrio.write_dataframe(frame, path, layer=CODELIST_TABLE, driver="GPKG", append=path.exists())


def build_package(tmp_path: Path, team: str, crs: CRS | None = None) -> tuple[Path, list[PackageLayer]]:
    layers = team_layers(team)
    folder = tmp_path / team
    folder.mkdir()
    codelists = CODELIST_TABLE in referenced_tables(layers)
    write_gpkg(folder / PACKAGE_GPKG, layers, codelists=codelists)
    qgs = folder / f"{team}.qgs"
    write_qgs(qgs, layers, title=f"Feldpaket {team}", crs=crs or project_crs(25832), extent=EXTENT)
    return qgs, layers


def parse(qgs: Path) -> etree._ElementTree:
    return etree.parse(str(qgs), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))


def datasource_problems(qgs: Path, gpkg: Path) -> list[str]:
    """Every ``<datasource>`` must be ``./<gpkg name>|layername=X`` with X a table of ``gpkg``."""
    tables = {str(name) for name, _ in pyogrio.list_layers(gpkg)}
    prefix = f"./{gpkg.name}|layername="
    problems = []
    sources = [el.text or "" for el in parse(qgs).iter("datasource")]
    if not sources:
        problems.append("keine Datenquelle")
    for src in sources:
        if not src.startswith(prefix):
            problems.append(f"nicht relativ zu {gpkg.name}: {src}")
        elif src.removeprefix(prefix) not in tables:
            problems.append(f"Tabelle fehlt: {src}")
    return problems


def maplayer(tree, table: str):
    hits = [ml for ml in tree.iter("maplayer") if ml.findtext("datasource").endswith(f"|layername={table}")]
    assert len(hits) == 1, table
    return hits[0]


def widget(ml, field: str):
    el = ml.find(f"fieldConfiguration/field[@name='{field}']/editWidget")
    assert el is not None, field
    return el


def options(edit_widget) -> dict:
    """The config map of an edit widget as {name: value} (lists and maps as lxml elements)."""
    top = edit_widget.find("config/Option")
    return {o.get("name"): (o if o.get("type") in ("List", "Map") else o.get("value")) for o in top}


# --------------------------------------------------------------------------- tests
@pytest.mark.parametrize("team", ["baumkontrolle", "wasserversorgung", "kanal", "bauhof"])
def test_every_datasource_is_a_relative_table_of_the_package(tmp_path, team):
    qgs, layers = build_package(tmp_path, team)
    gpkg = qgs.parent / PACKAGE_GPKG
    assert datasource_problems(qgs, gpkg) == []
    tree = parse(qgs)
    root = tree.getroot()
    assert root.tag == "qgis" and root.get("version").startswith("3.")
    assert root.findtext("title") == f"Feldpaket {team}"
    assert root.findtext("properties/Paths/Absolute") == "false"
    assert root.find("properties/Paths/Absolute").get("type") == "bool"
    assert {ml.findtext("provider") for ml in root.iter("maplayer")} == {"ogr"}
    ids = [ml.findtext("id") for ml in root.iter("maplayer")]
    assert len(ids) == len(set(ids)) and all(ids)
    # every layer of the package is in the project, and the layer tree names only project layers
    assert {lyr.name for lyr in layers} <= {ml.findtext("datasource").split("=", 1)[1] for ml in root.iter("maplayer")}
    assert {n.get("id") for n in root.iter("layer-tree-layer")} <= set(ids)
    # the datasource really opens from the project folder
    for src in (el.text for el in root.iter("datasource")):
        path, table = src.split("|layername=")
        assert pyogrio.read_info(qgs.parent / path, layer=table)["fields"] is not None


def test_datasource_check_is_not_vacuous(tmp_path):
    qgs, layers = build_package(tmp_path, "baumkontrolle")
    gpkg = qgs.parent / PACKAGE_GPKG
    text = qgs.read_text(encoding="utf-8")
    wrong = qgs.with_name("falsch.qgs")
    wrong.write_text(text.replace("|layername=parcels<", "|layername=flurstuecke<"), encoding="utf-8")
    assert datasource_problems(wrong, gpkg) == ["Tabelle fehlt: ./daten.gpkg|layername=flurstuecke"]
    absolute = qgs.with_name("absolut.qgs")
    absolute.write_text(text.replace("<datasource>./daten.gpkg", f"<datasource>{gpkg}"), encoding="utf-8")
    assert len(datasource_problems(absolute, gpkg)) == len(list(parse(qgs).iter("datasource")))
    # a GeoPackage without one of the tables is caught as well
    other = tmp_path / "other"
    other.mkdir()
    write_gpkg(other / PACKAGE_GPKG, [lyr for lyr in layers if lyr.name != "trees"], codelists=True)
    assert datasource_problems(qgs, other / PACKAGE_GPKG) == ["Tabelle fehlt: ./daten.gpkg|layername=trees"]


def test_tree_form_widgets(tmp_path):
    qgs, layers = build_package(tmp_path, "baumkontrolle")
    tree = parse(qgs)
    trees = maplayer(tree, "trees")
    codelist_layer = maplayer(tree, CODELIST_TABLE)
    assert codelist_layer.get("readOnly") == "1"
    assert codelist_layer.get("geometry") == "No geometry"
    assert codelist_layer.findtext("flags/Private") == "1"
    assert trees.get("readOnly") == "0" and trees.get("geometry") == "Point" and trees.get("wkbType") == "Point"

    vital = widget(trees, "vitalitaet")
    assert vital.get("type") == "ValueMap"
    entries = [(o.get("name"), o.get("value")) for o in options(vital)["map"].iter("Option") if o.get("value")]
    values = load_forms().codelist("vitalitaet")
    assert entries[0] == ("(keine Angabe)", VALUEMAP_NULL)  # not required: may stay empty
    assert entries[1:] == [(label, value) for value, label in values]

    mass = widget(trees, "massnahmen")
    cfg = options(mass)
    assert mass.get("type") == "ValueRelation"
    assert cfg["AllowMulti"] == "true" and cfg["AllowNull"] == "true"
    assert cfg["Layer"] == codelist_layer.findtext("id") == layer_id(CODELIST_TABLE)
    assert (cfg["Key"], cfg["Value"]) == ("wert", "text")
    assert cfg["FilterExpression"] == "\"liste\" = 'massnahmen'"
    assert cfg["LayerSource"] == datasource(CODELIST_TABLE)

    foto = options(widget(trees, "foto"))
    assert widget(trees, "foto").get("type") == "ExternalResource"
    assert (foto["DocumentViewer"], foto["RelativeStorage"], foto["DefaultRoot"]) == ("1", "1", "DCIM")

    date = widget(trees, "letzte_kontrolle")
    assert date.get("type") == "DateTime"
    assert options(date)["field_format"] == "yyyy-MM-dd" and options(date)["calendar_popup"] == "true"
    assert options(date)["allow_null"] == "true"

    assert widget(trees, "befund").get("type") == "TextEdit"
    assert options(widget(trees, "befund"))["IsMultiline"] == "true"
    assert options(widget(trees, "kontrolleur"))["IsMultiline"] == "false"
    assert widget(trees, "stammumfang_cm").get("type") == "Range"
    assert widget(trees, "bearbeitet_von").get("type") == "Hidden"
    assert widget(trees, FID).get("type") == "Hidden"

    aliases = {a.get("field"): a.get("name") for a in trees.iter("alias")}
    assert aliases["letzte_kontrolle"] == "Kontrolldatum"
    assert aliases["vitalitaet"] == next(lyr for lyr in layers if lyr.name == "trees").field("vitalitaet").title

    notnull = trees.find("constraints/constraint[@field='baumnummer']")
    assert notnull.get("constraints") == "1" and notnull.get("notnull_strength") == "1"
    assert trees.find("constraints/constraint[@field='befund']").get("constraints") == "0"

    edited = trees.find("defaults/default[@field='bearbeitet_am']")
    assert edited.get("expression") == "now()" and edited.get("applyOnUpdate") == "1"
    checked = trees.find("defaults/default[@field='letzte_kontrolle']")
    assert checked.get("expression") == "now()" and checked.get("applyOnUpdate") == "0"


def test_form_order_and_hidden_fields(tmp_path):
    qgs, layers = build_package(tmp_path, "baumkontrolle")
    trees_layer = next(lyr for lyr in layers if lyr.name == "trees")
    trees = maplayer(parse(qgs), "trees")
    assert trees.findtext("editorlayout") == "tablayout"
    form = [el.get("name") for el in trees.find("attributeEditorForm")]
    assert form[: len(trees_layer.order)] == list(trees_layer.order)
    assert "bearbeitet_von" not in form and "bearbeitet_am" not in form and FID not in form
    visible = {f.name for f in trees_layer.fields if f.widget != "versteckt"}
    assert set(form) == visible and len(form) == len(visible)
    assert trees.findtext("previewExpression") == '"baumnummer"'


def test_context_layers_are_read_only(tmp_path):
    qgs, _ = build_package(tmp_path, "baumkontrolle")
    tree = parse(qgs)
    for table in ("parcels", "cadastre_buildings"):
        ml = maplayer(tree, table)
        assert ml.get("readOnly") == "1"
        assert ml.get("geometry") == "Polygon" and ml.get("wkbType") == "MultiPolygon"
        flags = [f.get("editable") for f in ml.iter("field") if f.getparent().tag == "editable"]
        assert flags and set(flags) == {"0"}
        assert {c.get("constraints") for c in ml.iter("constraint") if c.getparent().tag == "constraints"} <= {"0"}
    # legend: editable layers in the first group, the context after it
    groups = tree.getroot().findall("layer-tree-group/layer-tree-group")
    assert [g.get("name") for g in groups] == ["Erfassung", "Kontext (nur lesen)"]
    assert [n.get("id") for n in groups[0].iter("layer-tree-layer")] == [layer_id("trees")]
    assert {n.get("id") for n in groups[1].iter("layer-tree-layer")} == {layer_id("parcels"),
                                                                          layer_id("cadastre_buildings")}
    assert layer_id(CODELIST_TABLE) not in {n.get("id") for n in tree.iter("layer-tree-layer")}


def test_water_supply_meters_and_meter_changes(tmp_path):
    qgs, _ = build_package(tmp_path, "wasserversorgung")
    tree = parse(qgs)
    meters = maplayer(tree, "water_meters")
    assert meters.get("readOnly") == "0"
    assert meters.find("editable/field[@name='zaehlernummer']").get("editable") == "0"
    assert meters.find("editable/field[@name='strasse']").get("editable") == "1"
    assert widget(meters, "zaehlerart").get("type") == "ValueMap"
    orders = maplayer(tree, "water_work_orders")
    art = [o.get("value") for o in options(widget(orders, "art"))["map"].iter("Option") if o.get("value")]
    assert VALUEMAP_NULL not in art and art  # required: no empty choice
    columns = [c.get("name") for c in orders.iter("column") if c.get("type") == "field"]
    assert len(columns) == len(set(columns))

    changes = maplayer(tree, "meter_changes")
    assert changes.get("geometry") == "No geometry" and changes.get("wkbType") == "NoGeometry"
    assert changes.find("renderer-v2") is None
    old = widget(changes, "alter_zaehler")
    cfg = options(old)
    assert old.get("type") == "ValueRelation"
    assert cfg["Layer"] == meters.findtext("id")
    assert cfg["Key"] == cfg["Value"] == "zaehlernummer"
    assert cfg["FilterExpression"] == "\"status\" = 'eingebaut'"
    assert cfg["AllowMulti"] == "false"
    assert changes.find("constraints/constraint[@field='alter_zaehler']").get("constraints") == "1"
    assert changes.find("defaults/default[@field='zaehlerstand_neu']").get("expression") == "0"
    # no multiple choice in this team: no code-list table referenced
    assert not [el for el in tree.iter("datasource") if el.text.endswith(CODELIST_TABLE)]
    assert options(widget(changes, "wechseldatum"))["field_format"] == "yyyy-MM-dd"
    assert options(widget(changes, "bearbeitet_am")) == {}


def test_meter_widget_without_meter_layer_is_text(tmp_path):
    layers = [lyr for lyr in team_layers("wasserversorgung") if lyr.name == "meter_changes"]
    qgs = tmp_path / "p.qgs"
    write_qgs(qgs, layers, title="t", crs=project_crs(25832), extent=EXTENT)
    changes = maplayer(parse(qgs), "meter_changes")
    assert widget(changes, "alter_zaehler").get("type") == "TextEdit"


def test_geometry_3d_and_symbols(tmp_path):
    qgs, _ = build_package(tmp_path, "kanal")
    tree = parse(qgs)
    nodes, reaches = maplayer(tree, "sewer_nodes"), maplayer(tree, "sewer_reaches")
    assert (nodes.get("wkbType"), reaches.get("wkbType")) == ("PointZ", "LineStringZ")
    assert nodes.find("renderer-v2/symbols/symbol").get("type") == "marker"
    assert reaches.find("renderer-v2/symbols/symbol").get("type") == "line"
    assert maplayer(tree, "parcels").find("renderer-v2/symbols/symbol").get("type") == "fill"
    assert maplayer(tree, "sewer_observations").get("geometry") == "No geometry"


def test_crs_and_extent(tmp_path):
    qgs, _ = build_package(tmp_path, "kanal")
    root = parse(qgs).getroot()
    srs = root.find("projectCrs/spatialrefsys")
    assert srs.findtext("authid") == "EPSG:25832"  # horizontal part of the compound 25832+7837
    assert srs.findtext("srsid") == "0"  # QGIS then reads the lossless WKT, not the authid
    # QGIS ignores <projectCrs> unless on-the-fly projection is switched on
    assert root.findtext("properties/SpatialRefSys/ProjectionsEnabled") == "1"
    assert CRS.from_wkt(srs.findtext("wkt")).equals(project_crs(25832))
    for ml in root.iter("maplayer"):
        assert ml.findtext("srs/spatialrefsys/authid") == "EPSG:25832"
    ext = root.find("mapcanvas/extent")
    assert tuple(float(ext.findtext(t)) for t in ("xmin", "ymin", "xmax", "ymax")) == EXTENT
    assert root.findtext("mapcanvas/units") == "meters"
    view = root.find("ProjectViewSettings/DefaultViewExtent")
    assert float(view.get("xmax")) == EXTENT[2]

    plain = tmp_path / "plain.qgs"
    write_qgs(plain, team_layers("kanal"), title="t", crs=CRS.from_epsg(25833), extent=EXTENT)
    assert parse(plain).getroot().findtext("projectCrs/spatialrefsys/authid") == "EPSG:25833"


def test_output_is_stable_and_utf8(tmp_path):
    layers = team_layers("bauhof")
    a, b = tmp_path / "a.qgs", tmp_path / "b.qgs"
    for path in (a, b):
        write_qgs(path, layers, title="Bauhof – Zählerwechsel & Bäume", crs=project_crs(25832), extent=EXTENT)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert parse(a).getroot().findtext("title") == "Bauhof – Zählerwechsel & Bäume"
    assert layer_id("trees") == layer_id("trees") != layer_id("trees", "anders.gpkg")


def test_invalid_input_is_refused(tmp_path):
    layers = team_layers("baumkontrolle")
    with pytest.raises(ValueError, match="Doppelte"):
        write_qgs(tmp_path / "x.qgs", [*layers, layers[0]], title="t", crs=project_crs(25832), extent=EXTENT)
    with pytest.raises(ValueError, match="Ausdehnung"):
        write_qgs(tmp_path / "x.qgs", layers, title="t", crs=project_crs(25832), extent=(1, 1, 0, 0))
    assert not (tmp_path / "x.qgs").exists()
