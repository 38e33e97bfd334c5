"""ALKIS: Tatsächliche Nutzung per parcel (Hamburg, checked against GDAL + shapely) and NBA updates."""

from __future__ import annotations

import gzip
import re

import numpy as np
import pytest
import shapely

from importers.alkis.load import NASImporter
from twin.project import Project

from tests.alkis_synth import (
    ALKIS, HH, HH_EXTENT, OWNER_OBJECTS, building, nas, parcel, ring_xml, run_gdal, square, write,
)


# --------------------------------------------------------------------- Tatsächliche Nutzung
HH_NUTZUNG = ("AX_Landwirtschaft", "AX_Weg", "AX_Wohnbauflaeche", "AX_Gehoelz", "AX_FlaecheGemischterNutzung",
              "AX_SportFreizeitUndErholungsflaeche", "AX_IndustrieUndGewerbeflaeche", "AX_StehendesGewaesser",
              "AX_FlaecheBesondererFunktionalerPraegung", "AX_Schiffsverkehr", "AX_Wald", "AX_Strassenverkehr",
              "AX_Hafenbecken")


def _nutzung_parts(text: str | None) -> dict[str, int]:
    """"Landwirtschaft (Grünland) 94 %, Gehölz 6 %" -> {"Landwirtschaft": 94, "Gehölz": 6} (per object type)."""
    out: dict[str, int] = {}
    parts = list(re.finditer(r"(.+?)(?: \([^)]*\))? (\d+) %(?:, |$)", text or ""))
    assert "".join(m.group(0) for m in parts) == (text or "")
    for m in parts:
        out[m.group(1)] = out.get(m.group(1), 0) + int(m.group(2))
    return out


def test_hamburg_nutzung(new_project):
    """Every Neuwerk parcel gets its Tatsächliche Nutzung from the 61 use objects of the same file."""
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, HH)
    assert report.counts["Nutzungsobjekte"] == 61 and report.problems == []
    texts = {f.attrs["flurstueckskennzeichen"]: f.attrs["nutzung"] for f in p.store.features("parcels")}
    assert all(texts.values())
    assert texts["020125___00372______"] == "Landwirtschaft (Grünland) 94 %, Gehölz 6 %"
    assert texts["020125___00342______"] == ("Landwirtschaft (Grünland) 83 %, Fläche gemischter Nutzung 16 %, "
                                             "Weg (Fahrweg) 1 %")
    for text in texts.values():
        shares = [int(s) for s in re.findall(r"(\d+) %", text)]
        assert shares == sorted(shares, reverse=True) and min(shares) >= 1 and sum(shares) <= 102


def _nutzung_gfs(types: tuple[str, ...]) -> str:
    """A GDAL NAS schema template reading the 'position' area of the given object types."""
    def cls(name: str, extra: str = "") -> str:
        return (f"<GMLFeatureClass><Name>{name}</Name><ElementPath>{name}</ElementPath><GeomPropertyDefn>"
                "<Name>wkb_geometry</Name><ElementPath>position</ElementPath><Type>MultiPolygon</Type>"
                "</GeomPropertyDefn><PropertyDefn><Name>gml_id</Name><ElementPath>gml_id</ElementPath>"
                f"<Type>String</Type></PropertyDefn>{extra}</GMLFeatureClass>")
    fsk = ("<PropertyDefn><Name>flurstueckskennzeichen</Name><ElementPath>flurstueckskennzeichen</ElementPath>"
           "<Type>String</Type></PropertyDefn>")
    return "<GMLFeatureClassList>" + cls("AX_Flurstueck", fsk) + "".join(cls(t) for t in types) + \
        "</GMLFeatureClassList>"


@pytest.mark.usefixtures("ogr2ogr_available")
def test_hamburg_nutzung_against_gdal_and_shapely(tmp_path):
    """Independent computation: GDAL's NAS driver reads parcels and use objects of the same file,
    shapely intersects them; every share we print is within 1 percentage point of it (rounding
    to whole per cent and GDAL's different arc linearisation), and every type with ≥ 1.5 % is named."""
    from importers.alkis.nutzung import NUTZUNGSARTEN

    plain = tmp_path / "hh.xml"  # GDAL writes side files next to its input: never into tests/data
    with gzip.open(HH) as src:
        plain.write_bytes(src.read())
    gfs = tmp_path / "nutzung.gfs"
    gfs.write_text(_nutzung_gfs(HH_NUTZUNG), encoding="utf-8")
    out = tmp_path / "gdal.gpkg"
    run_gdal(["ogr2ogr", "-f", "GPKG", str(out), str(plain), "-nlt", "CONVERT_TO_LINEAR"],
          NAS_GFS_TEMPLATE=str(gfs), OGR_ARC_STEPSIZE="0.05")
    import pyogrio

    parcels = pyogrio.read_dataframe(out, layer="AX_Flurstueck")
    uses = [(NUTZUNGSARTEN[t], g) for t in HH_NUTZUNG for g in pyogrio.read_dataframe(out, layer=t).geometry]
    assert len(parcels) == 137 and len(uses) == 61
    use_geoms = np.array([shapely.make_valid(g) for _, g in uses], dtype=object)
    p = Project.create(tmp_path / "hh", crs=25832, name="HH", extent=HH_EXTENT)
    NASImporter()(p, HH)
    ours = {f.attrs["flurstueckskennzeichen"]: _nutzung_parts(f.attrs["nutzung"]) for f in p.store.features("parcels")}
    p.close()
    worst = 0.0
    for fsk, geom in zip(parcels["flurstueckskennzeichen"], parcels.geometry):
        geom = shapely.make_valid(geom)
        inter = shapely.area(shapely.intersection(geom, use_geoms)) / geom.area * 100
        theirs: dict[str, float] = {}
        for (name, _g), share in zip(uses, inter):
            theirs[name] = theirs.get(name, 0.0) + share
        mine = ours[fsk]
        for name, share in theirs.items():
            if share >= 1.5:
                assert name in mine, (fsk, name, share, mine)
            if name in mine:
                worst = max(worst, abs(mine[name] - share))
                assert abs(mine[name] - share) <= 1.0, (fsk, name, mine[name], share)
        assert all(theirs.get(name, 0.0) >= 0.5 for name in mine), (fsk, mine, theirs)
    print(f"\nNutzung gegen GDAL + shapely: größte Abweichung {worst:.2f} Prozentpunkte")


def _use(gid: str, kind: str, coords, extra: str = "") -> str:
    return f'<{kind} gml:id="{gid}"><position>{ring_xml(coords)}</position>{extra}</{kind}>'


def test_nutzung_shares_overlay_and_sliver(new_project, tmp_path):
    x, y = 466500.0, 5974500.0
    wald = [(x, y), (x + 12, y), (x + 12, y + 20), (x, y + 20), (x, y)]  # 60 %
    acker = [(x + 12, y), (x + 19.9, y), (x + 19.9, y + 20), (x + 12, y + 20), (x + 12, y)]  # 39.5 %
    sliver = [(x + 19.9, y), (x + 20, y), (x + 20, y + 20), (x + 19.9, y + 20), (x + 19.9, y)]  # 0.5 %
    overlay = square(x, y, 20)
    f = write(tmp_path, nas(
        parcel("DEXXP1", 1, ring_xml(square())),
        _use("DEXXN1", "AX_Wald", wald, "<vegetationsmerkmal>1200</vegetationsmerkmal>"),
        _use("DEXXN2", "AX_Landwirtschaft", acker, "<vegetationsmerkmal>1010</vegetationsmerkmal>"),
        _use("DEXXN3", "AX_Weg", sliver, "<funktion>5210</funktion>"),
        _use("DEXXN4", "AX_SportFreizeitUndErholungsflaeche", overlay,
             "<funktion>1200</funktion><istWeitereNutzung>1000</istWeitereNutzung>"),
        _use("DEXXN5", "AX_Heide", [(x + 100, y), (x + 110, y), (x + 110, y + 10), (x + 100, y)])))
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, f)
    assert report.counts["Nutzungsobjekte"] == 5 and report.problems == []
    got = p.store.get("parcels", "020125___00001______").attrs["nutzung"]
    assert got == "Wald (Nadelholz) 60 %, Landwirtschaft (Ackerland) 40 %"
    # a delivery without use objects leaves the field empty
    g = write(tmp_path, nas(parcel("DEXXP2", 2, ring_xml(square(x0=466600.0)))), "ohne.xml")
    NASImporter()(p, g)
    assert p.store.get("parcels", "020125___00002______").attrs["nutzung"] is None


def test_nutzung_label_and_text():
    from importers.alkis.nutzung import label, shares_text

    assert label("AX_Landwirtschaft", {"vegetationsmerkmal": "1020"}) == "Landwirtschaft (Grünland)"
    assert label("AX_Landwirtschaft", {"vegetationsmerkmal": "4711"}) == "Landwirtschaft"
    assert label("AX_UnlandVegetationsloseFlaeche", {}) == "Unland/Vegetationslose Fläche"
    assert shares_text({"Wald": 0.18, "Landwirtschaft": 0.8149, "Weg": 0.0099}) == "Landwirtschaft 81 %, Wald 18 %"
    assert shares_text({}) is None and shares_text({"Weg": 0.004}) is None


# --------------------------------------------------------------------- NBA: Delete, Replace, Update
NBA = ALKIS / "NBA_synthetisch_NeuwScharh.xml"


def test_nba_delete_replace_update(new_project):
    """Synthetic NBA against the real Hamburg objects: one parcel replaced, one parcel and two
    buildings deleted (wfs:Delete, wfs:Update …/endet), one delete of a type the twin does not keep."""
    p = new_project(extent=HH_EXTENT)
    NASImporter()(p, HH, actor="kataster")
    before = p.store.get("parcels", "020125___00395______").attrs
    assert p.store.get("parcels", "020125___00334______") is not None
    report = NASImporter()(p, NBA, actor="nba")
    c = report.counts
    assert (c["Flurstücke"], c["geändert"], c["neu"], c["gelöscht"], c["Löschaufträge"]) == (1, 1, 0, 3, 4)
    assert c["je Ebene gelöscht"] == {"parcels": 1, "cadastre_buildings": 2} and report.problems == []
    assert p.store.get("parcels", "020125___00334______") is None
    assert p.store.get("cadastre_buildings", "DEHHALKAG000002i") is None
    assert p.store.get("cadastre_buildings", "DEHHALKAn0007rrB") is None
    assert p.store.count("parcels") == 136 and p.store.count("cadastre_buildings") == 55
    after = p.store.get("parcels", "020125___00395______").attrs
    assert (before["amtliche_flaeche"], after["amtliche_flaeche"]) == (129.0, 131.0)
    assert after["gml_id"] == "DEHHALKAn0007rfe"  # timestamp of the version removed from the gml:id
    # derived from objects the NBA does not carry: kept, not emptied
    assert after["nutzung"] == before["nutzung"] and after["nutzung"]
    assert after["lagebezeichnung"] == before["lagebezeichnung"] == "Der Große Deich"
    hist = p.store.history("parcels", "020125___00334______")
    assert [h["action"] for h in hist] == ["insert", "delete"] and hist[-1]["actor"] == "nba"
    assert hist[-1]["old_values"]["gml_id"] == "DEHHALKAn0007rdk"
    upd = p.store.history("parcels", "020125___00395______")[-1]
    assert upd["action"] == "update" and upd["new_values"] == {"amtliche_flaeche": 131.0, "source_file": NBA.name}
    assert [h["action"] for h in p.store.history("cadastre_buildings", "DEHHALKAn0007rrB")] == ["insert", "delete"]
    prov = p.store.provenance()[-1]
    assert prov["counts"]["gelöscht"] == 3 and hist[-1]["provenance_id"] == prov["id"]
    again = NASImporter()(p, NBA)  # idempotent: nothing left to delete or change
    assert (again.counts["gelöscht"], again.counts["geändert"]) == (0, 0)


def _transaction(*ops: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<AX_NutzerbezogeneBestandsdatenaktualisierung_NBA '
            'xmlns="http://www.adv-online.de/namespaces/adv/gid/6.0" xmlns:gml="http://www.opengis.net/gml/3.2" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:wfs="http://www.adv-online.de/namespaces/adv/gid/wfs" '
            'xmlns:wfsext="http://www.adv-online.de/namespaces/adv/gid/wfsext" '
            'xmlns:ogc="http://www.adv-online.de/namespaces/adv/gid/ogc">\n<enthaelt><wfs:Transaction>\n'
            + "\n".join(ops) + '\n</wfs:Transaction></enthaelt></AX_NutzerbezogeneBestandsdatenaktualisierung_NBA>\n')


def _delete(type_name: str, fid: str) -> str:
    return f'<wfs:Delete typeName="{type_name}"><ogc:Filter><ogc:FeatureId fid="{fid}"/></ogc:Filter></wfs:Delete>'


def test_nba_order_changed_kennzeichen_and_unread_update(new_project, tmp_path):
    x = 466500.0
    p = new_project(extent=HH_EXTENT)
    NASImporter()(p, write(tmp_path, nas(parcel("DEXXNBA000000001", 1, ring_xml(square())),
                                         parcel("DEXXNBA000000002", 2, ring_xml(square(x + 50))),
                                         building("DEXXNBA00000000G", ring_xml(square(size=8)))), "bda.xml"))
    # parcel 1 gets a new number (Replace with another flurstueckskennzeichen); building deleted and then
    # delivered again later in the same file (the later operation wins); parcel 2: an Update without 'endet'
    ops = _transaction(
        '<wfsext:Replace vendorId="AdV" safeToIgnore="false">'
        + parcel("DEXXNBA00000000120240101T000000Z", 7, ring_xml(square()))
        + '<ogc:Filter><ogc:FeatureId fid="DEXXNBA00000000120200101T000000Z"/></ogc:Filter></wfsext:Replace>',
        _delete("AX_Gebaeude", "DEXXNBA00000000G20200101T000000Z"),
        '<wfs:Insert>' + building("DEXXNBA00000000G", ring_xml(square(size=9)), funktion="2020") + '</wfs:Insert>',
        '<wfs:Update typeName="AX_Flurstueck"><wfs:Property><wfs:Name>adv:anlass</wfs:Name><wfs:Value>000000'
        '</wfs:Value></wfs:Property><ogc:Filter><ogc:FeatureId fid="DEXXNBA000000002"/></ogc:Filter></wfs:Update>')
    report = NASImporter()(p, write(tmp_path, ops, "nba.xml"))
    assert p.store.get("parcels", "020125___00001______") is None
    assert p.store.get("parcels", "020125___00007______").attrs["gml_id"] == "DEXXNBA000000001"
    assert p.store.get("parcels", "020125___00002______") is not None
    assert p.store.get("cadastre_buildings", "DEXXNBA00000000G").attrs["gebaeudefunktion"] == "2020"
    assert report.counts["gelöscht"] == 1 and report.counts["je Ebene gelöscht"] == {"parcels": 1}
    assert [(pr.feature, "wfs:Update" in pr.message and "endet" in pr.message) for pr in report.problems] == [
        ("DEXXNBA000000002", True)]


def test_nba_only_deletes_and_owner_rows(new_project, tmp_path):
    p = new_project(extent=HH_EXTENT)
    f = write(tmp_path, nas(parcel("DEXXSYNTHF000001", 10, ring_xml(square()), nenner="2",
                                   extra='<istGebucht xlink:href="urn:adv:oid:DEXXSYNTHS000001"/>'), *OWNER_OBJECTS))
    NASImporter()(p, f)
    assert p.store.count("owners") == 1 and p.store.count("land_register") == 3
    ops = _transaction(_delete("AX_Person", "DEXXSYNTHP00000120230101T000000Z"),
                       _delete("AX_Namensnummer", "DEXXSYNTHN000001"))
    report = NASImporter()(p, write(tmp_path, ops, "nba.xml"))
    assert report.counts["gelöscht"] == 2 and report.counts["Flurstücke"] == 0
    assert p.store.count("owners") == 0 and p.store.count("land_register") == 2
    assert p.store.history("owners", "DEXXSYNTHP000001")[-1]["action"] == "delete"
