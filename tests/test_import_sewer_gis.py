"""Sewer data from Shapefile/GeoPackage through a field-mapping profile, both store backends.

The Shapefiles and GeoPackages are built here at run time from the REAL ISYBAU 2017 example
(``tests/data/isybau/ISYBAU_XML-2017-Stammdaten.xml``, parsed with the ISYBAU reader): its manholes
and reaches with their coordinates, heights, DN and materials, written with the column names of
typical municipal GIS exports (dBASE names cut to 10 characters, German names with umlauts in the
GeoPackage). No real municipal sewer Shapefile is available.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyogrio.raw
import pytest
import shapely
from shapely.geometry import LineString, Point

from importers.base import CancelToken, detect_importer, read_head
from importers.cadastre_flat.load import FlatCadastreImporter
from importers.isybau.load import IsybauImporter
from importers.isybau.parse import IsybauFile, parse_isybau
from importers.profiles import MappingProfile, load_profile, propose, save_profile
from importers.sewer_gis.load import SewerGISImporter
from importers.sewer_gis.synonyms import NODE_SYNONYMS, REACH_SYNONYMS
from tests.conftest import DATA
from tests.test_import_citygml import snapshot
from tests.test_import_isybau import _synthetic_2013
from twin.errors import Cancelled, ConfigError, CRSError, FormatError

ISYBAU = DATA / "isybau" / "ISYBAU_XML-2017-Stammdaten.xml"
CELLE = (569000.0, 5826000.0, 572000.0, 5830000.0)
ZONE = 32_000_000.0  # the file writes Rechtswerte with the UTM zone prefix


@lru_cache(maxsize=1)
def _isybau() -> IsybauFile:
    return parse_isybau(ISYBAU)


def _manholes() -> list[tuple[dict, Point]]:
    """The real file's Schächte (DMP + SMP) with dBASE-style columns, 2D points at the cover."""
    out = []
    for n in _isybau().nodes:
        by = {p.attr: p for p in n.points}
        if "DMP" not in by or "SMP" not in by:
            continue
        a = n.attrs
        out.append(({"SCHACHTNR": n.key, "DECKELHOEH": a["deckelhoehe"], "SOHLHOEHE": a["sohlhoehe"],
                     "STRASSE": a["strasse"], "BAUJAHR": a["baujahr"], "ENTW_ART": a["entwaesserungsart"]},
                    Point(by["DMP"].x - ZONE, by["DMP"].y)))
    return out


def _reach_line(r, z: bool = False) -> LineString:
    xy = np.array([[p.x - ZONE, p.y] for p in r.points])
    if not z:
        return LineString(xy)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    t = np.concatenate([[0.0], np.cumsum(seg)]) / seg.sum()
    z0, z1 = r.attrs["sohlhoehe_zulauf"], r.attrs["sohlhoehe_ablauf"]
    return LineString(np.column_stack([xy, z0 + (z1 - z0) * t]))


def _reaches(inverts: bool = True) -> list[tuple[dict, LineString]]:
    """The real file's reaches with dBASE-style columns, 2D lines along their ISYBAU polyline."""
    out = []
    for r in _isybau().reaches:
        a = r.attrs
        row = {"HAL_NR": r.key, "VON_SCHACH": a["knoten_zulauf"], "BIS_SCHACH": a["knoten_ablauf"]}
        if inverts:
            row |= {"SOHLE_ZU": a["sohlhoehe_zulauf"], "SOHLE_AB": a["sohlhoehe_ablauf"]}
        row |= {"DN": a["dn_mm"], "PROFILHOEH": a["profilhoehe_mm"], "MATERIAL": a["material"],
                "LAENGE": a["laenge_m"], "STRASSE": a["strasse"]}
        out.append((row, _reach_line(r)))
    return out


def _write(path, rows, geometry_type: str, *, driver: str = "ESRI Shapefile", layer: str | None = None,
           crs: str | None = "EPSG:25832", append: bool = False) -> None:
    cols = list(rows[0][0])
    data = []
    for c in cols:
        vals = [r[c] for r, _ in rows]
        if any(isinstance(v, str) for v in vals):
            data.append(np.array([None if v is None else str(v) for v in vals], dtype=object))
        else:
            data.append(np.array([np.nan if v is None else v for v in vals], dtype=float))
    wkb = np.array([None if g is None else shapely.to_wkb(g) for _, g in rows], dtype=object)
    kw = {"layer": layer, "append": append} if driver == "GPKG" else {"encoding": "cp1252"}
    pyogrio.raw.write(str(path), wkb, data, cols, crs=crs, driver=driver, geometry_type=geometry_type, **kw)


def _shapefiles(tmp_path, inverts: bool = True):
    s, h = tmp_path / "schaechte.shp", tmp_path / "haltungen.shp"
    _write(s, _manholes(), "Point")
    _write(h, _reaches(inverts), "LineString")
    return s, h


def _gpkg_3d(path):
    """One GeoPackage, two layers with German names: 3D points at the cover, 3D reach lines at invert level,
    no invert columns (the z values carry them), a condition class and inspection date on some reaches."""
    nodes = [({"Schachtnummer": a["SCHACHTNR"], "Deckelhöhe": a["DECKELHOEH"], "Sohlhöhe": a["SOHLHOEHE"],
               "Straße": a["STRASSE"]}, Point(p.x, p.y, a["DECKELHOEH"])) for a, p in _manholes()]
    reaches = []
    for i, r in enumerate(_isybau().reaches):
        a = r.attrs
        reaches.append(({"Haltungsnummer": r.key, "Zulaufknoten": a["knoten_zulauf"],
                         "Ablaufknoten": a["knoten_ablauf"], "Nennweite": a["dn_mm"], "Werkstoff": a["material"],
                         "Zustandsklasse": f"ZK {i % 6}" if i % 10 == 0 else None,
                         "Inspektionsdatum": "12.03.2022" if i % 10 == 0 else None}, _reach_line(r, z=True)))
    _write(path, nodes, "Point Z", driver="GPKG", layer="Schacht")
    _write(path, reaches, "LineString Z", driver="GPKG", layer="Haltung", append=True)
    return path


# --------------------------------------------------------------------- detection and proposal
def test_detection_prefers_sewer_over_flat_cadastre(tmp_path):
    s, h = _shapefiles(tmp_path)
    g = _gpkg_3d(tmp_path / "kanal.gpkg")
    for p in (s, h, g):
        assert isinstance(detect_importer(p), SewerGISImporter)
        assert not FlatCadastreImporter().sniff(p, read_head(p))
    parcels = tmp_path / "flurstuecke.gpkg"
    poly = shapely.box(570000, 5827000, 570020, 5827020)
    _write(parcels, [({"FLSTKENNZ": "095312001000120003__", "AFL": 400.0}, poly)], "Polygon", driver="GPKG",
           layer="flurstuecke")
    assert isinstance(detect_importer(parcels), FlatCadastreImporter)
    assert not SewerGISImporter().sniff(parcels, read_head(parcels))
    trees = tmp_path / "baeume.gpkg"
    _write(trees, [({"Baumnummer": "B-1", "Gattung": "Tilia"}, Point(570000, 5827000))], "Point", driver="GPKG")
    assert not SewerGISImporter().sniff(trees, read_head(trees))


def test_proposal_from_typical_export_columns():
    nodes = propose(["SCHACHTNR", "DECKELHOEH", "SOHLHOEHE", "STRASSE", "BAUJAHR", "ENTW_ART"], NODE_SYNONYMS)
    assert nodes == {"objektbezeichnung": "SCHACHTNR", "deckelhoehe": "DECKELHOEH", "sohlhoehe": "SOHLHOEHE",
                     "strasse": "STRASSE", "baujahr": "BAUJAHR", "entwaesserungsart": "ENTW_ART"}
    reaches = propose(["HALTUNG", "OBERER_KNO", "UNTERER_KN", "SOHLE_ZULA", "SOHLE_ABLA", "DN", "PROFILHOEH",
                       "MATERIAL", "LAENGE", "ZUSTANDSKL"], REACH_SYNONYMS)
    assert reaches == {"objektbezeichnung": "HALTUNG", "knoten_zulauf": "OBERER_KNO", "knoten_ablauf": "UNTERER_KN",
                       "sohlhoehe_zulauf": "SOHLE_ZULA", "sohlhoehe_ablauf": "SOHLE_ABLA", "dn_mm": "DN",
                       "profilhoehe_mm": "PROFILHOEH", "material": "MATERIAL", "laenge_m": "LAENGE",
                       "zustandsklasse": "ZUSTANDSKL"}
    english = propose(["pipe_id", "us_node", "ds_node", "us_invert", "ds_invert", "diameter"], REACH_SYNONYMS)
    assert set(english) == {"objektbezeichnung", "knoten_zulauf", "knoten_ablauf", "sohlhoehe_zulauf",
                            "sohlhoehe_ablauf", "dn_mm"}


# --------------------------------------------------------------------- import
def test_shapefiles_manholes_then_reaches(new_project, tmp_path):
    s, h = _shapefiles(tmp_path)
    p = new_project(extent=CELLE)
    rn = SewerGISImporter()(p, s, actor="tiefbau")
    assert rn.problems == [] and rn.source_crs == "EPSG:25832"
    assert rn.counts["Schächte/Bauwerke"] == len(_manholes()) == 116 and rn.counts["Haltungen/Leitungen"] == 0
    n = p.store.get("sewer_nodes", "119001")
    assert (n.attrs["deckelhoehe"], n.attrs["sohlhoehe"]) == (pytest.approx(38.48), pytest.approx(37.59))
    assert n.attrs["schachttiefe_m"] == pytest.approx(0.89) and n.attrs["art"] == "Schacht"
    assert n.attrs["entwaesserungsart"] == "KR" and n.attrs["source_file"] == "schaechte.shp"
    assert (n.geometry.x, n.geometry.y, n.geometry.z) == (pytest.approx(570396.311), pytest.approx(5827963.145),
                                                          pytest.approx(38.48))
    rr = SewerGISImporter()(p, h)
    assert rr.problems == [] and rr.counts["Haltungen/Leitungen"] == 150
    for r in _isybau().reaches:  # every reach: 3D line, z at the ends = the invert levels of the file
        f = p.store.get("sewer_reaches", r.key)
        z = np.array(f.geometry.coords)[:, 2]
        assert z[0] == pytest.approx(r.attrs["sohlhoehe_zulauf"]) and z[-1] == pytest.approx(r.attrs["sohlhoehe_ablauf"])
        assert f.attrs["dn_mm"] == r.attrs["dn_mm"] and f.attrs["material"] == r.attrs["material"]
    f = p.store.get("sewer_reaches", "119001")
    assert (f.attrs["knoten_zulauf"], f.attrs["knoten_ablauf"], f.attrs["laenge_m"]) == ("119001", "119002", 41.74)
    assert f.attrs["art"] == "Haltung" and f.attrs["profilhoehe_mm"] == 250
    prof = load_profile(p.root / "profiles" / "sewer_reaches_haltungen.toml")
    assert prof.target == "sewer_reaches" and prof.columns["knoten_zulauf"] == "VON_SCHACH"
    assert prof.columns["sohlhoehe_zulauf"] == "SOHLE_ZU" and prof.columns["dn_mm"] == "DN"
    assert load_profile(p.root / "profiles" / "sewer_manholes_schaechte.toml").columns["deckelhoehe"] == "DECKELHOEH"
    # idempotent: nothing changes, and the saved profiles map the files now
    again = [SewerGISImporter()(p, x) for x in (s, h)]
    assert [(a.counts["neu"], a.counts["geändert"], a.counts["unverändert"]) for a in again] == [(0, 0, 116),
                                                                                                  (0, 0, 150)]
    assert all("Profil" not in a.counts for a in again)


def test_same_geometry_as_the_isybau_import(new_project, tmp_path):
    """The Shapefile route and the ISYBAU route give the same 3D reaches (to the millimetre)."""
    s, h = _shapefiles(tmp_path)
    gis, xml = new_project(extent=CELLE), new_project(extent=CELLE)
    SewerGISImporter()(gis, s)
    SewerGISImporter()(gis, h)
    IsybauImporter()(xml, ISYBAU)
    for f in gis.store.features("sewer_reaches"):
        other = xml.store.get("sewer_reaches", f.attrs["objektbezeichnung"])
        assert np.abs(np.array(f.geometry.coords) - np.array(other.geometry.coords)).max() < 0.0015


def test_reaches_without_inverts_take_the_manholes_sohle(new_project, tmp_path):
    """2D lines and no invert columns: z from the Sohlhöhe of the nodes; reaches to unknown nodes are reported."""
    path = tmp_path / "kanal_2d.gpkg"
    _write(path, _manholes(), "Point", driver="GPKG", layer="schaechte")
    _write(path, _reaches(inverts=False), "LineString", driver="GPKG", layer="haltungen", append=True)
    p = new_project(extent=CELLE)
    r = SewerGISImporter()(p, path)
    sohle = {a["SCHACHTNR"]: a["SOHLHOEHE"] for a, _ in _manholes()}
    ok = [x for x in _isybau().reaches if x.attrs["knoten_zulauf"] in sohle and x.attrs["knoten_ablauf"] in sohle]
    assert r.counts["Schächte/Bauwerke"] == 116 and r.counts["Haltungen/Leitungen"] == len(ok) > 50
    assert r.counts["übersprungen"] == 150 - len(ok)
    assert len(p.store.provenance()) == 1 and r.counts["Layer"] == "schaechte (Punkte), haltungen (Linien)"
    for x in ok[:20]:
        f = p.store.get("sewer_reaches", x.key)
        z = np.array(f.geometry.coords)[:, 2]
        assert z[0] == pytest.approx(sohle[x.attrs["knoten_zulauf"]]) and z[-1] == pytest.approx(
            sohle[x.attrs["knoten_ablauf"]])
        assert f.attrs["sohlhoehe_zulauf"] == pytest.approx(z[0])
    bad = next(pr for pr in r.problems if "fehlt" in pr.message)
    assert bad.feature.startswith("haltungen FID ") and "Sohlhöhe" in bad.message


def test_geopackage_3d_lines_keep_z_in_one_transaction(new_project, tmp_path):
    path = _gpkg_3d(tmp_path / "kanalnetz.gpkg")
    p = new_project(extent=CELLE)
    r = SewerGISImporter()(p, path)
    assert r.problems == [] and (r.counts["Schächte/Bauwerke"], r.counts["Haltungen/Leitungen"]) == (116, 150)
    assert len(p.store.provenance()) == 1 and r.counts["Format"] == "GPKG"
    for x in _isybau().reaches[:30]:
        f = p.store.get("sewer_reaches", x.key)
        want = np.array(_reach_line(x, z=True).coords)
        assert np.abs(np.array(f.geometry.coords) - want).max() < 0.0015
        assert f.attrs["sohlhoehe_zulauf"] == pytest.approx(x.attrs["sohlhoehe_zulauf"])
    first = p.store.get("sewer_reaches", _isybau().reaches[0].key)
    assert first.attrs["zustandsklasse"] == 0 and str(first.attrs["inspektionsdatum"]) == "2022-03-12"
    n = p.store.get("sewer_nodes", "119001")
    assert n.attrs["strasse"] == "techn. Bereich" and n.geometry.z == pytest.approx(38.48)
    assert {pr.name for pr in (p.root / "profiles").iterdir()} == {"sewer_manholes_kanalnetz.toml",
                                                                   "sewer_reaches_kanalnetz.toml"}


def test_dn_units_codes_and_given_profile(new_project, tmp_path):
    rows = []
    for i, (a, g) in enumerate(_reaches()[:6]):
        rows.append(({"ROHR": a["HAL_NR"], "OBEN": a["VON_SCHACH"], "UNTEN": a["BIS_SCHACH"],
                      "Z_OBEN": a["SOHLE_ZU"] * 100, "Z_UNTEN": a["SOHLE_AB"] * 100, "D": a["DN"] / 1000,
                      "WERKST": ["STZ", "Steinzeug", "beton", "PVC-U", "Sonderrohr Guss/PE", "b"][i],
                      "FORM": ["0", "Ei", "1", "Kreis", "", "Maulprofil"][i]}, g))
    path = tmp_path / "lieferung.shp"
    _write(path, rows, "LineString")
    p = new_project(extent=CELLE)
    assert not SewerGISImporter().sniff(path, read_head(path))  # no column name says "sewer"
    before = snapshot(p)
    with pytest.raises(FormatError, match="Keine Kanaldaten"):
        SewerGISImporter()(p, path)
    assert snapshot(p) == before
    prof = save_profile(MappingProfile(
        name="kreiswerke", target="sewer_reaches", units={"dn_mm": "m", "sohlhoehe_zulauf": "cm",
                                                          "sohlhoehe_ablauf": "cm"},
        columns={"objektbezeichnung": "ROHR", "knoten_zulauf": "OBEN", "knoten_ablauf": "UNTEN",
                 "sohlhoehe_zulauf": "Z_OBEN", "sohlhoehe_ablauf": "Z_UNTEN", "dn_mm": "D", "material": "WERKST",
                 "profilart": "FORM"}, defaults={"entwaesserungsart": "Mischwasser"}), tmp_path / "kreiswerke.toml")
    r = SewerGISImporter(profile=prof)(p, path)
    assert r.problems == [] and r.counts["Haltungen/Leitungen"] == 6
    assert r.counts["Profil"] == "sewer_reaches_lieferung"  # a profile from outside is kept in the project
    got = {f.attrs["objektbezeichnung"]: f.attrs for f in p.store.features("sewer_reaches")}
    keys = [a["ROHR"] for a, _ in rows]
    assert [got[k]["dn_mm"] for k in keys] == [a["DN"] for a, _ in _reaches()[:6]]
    assert [got[k]["material"] for k in keys] == ["STZ", "STZ", "B", "PVCU", "Sonderrohr Guss/PE", "B"]
    assert [got[k]["profilart"] for k in keys] == ["Kreisprofil", "Eiprofil", "Eiprofil", "Kreisprofil", None,
                                                   "Maulprofil"]
    assert got[keys[0]]["sohlhoehe_zulauf"] == pytest.approx(rows[0][0]["Z_OBEN"] / 100)
    assert {a["entwaesserungsart"] for a in got.values()} == {"KM"}
    # a proposal sees DN values in metres and says so in the saved profile
    rows_m = [({**a, "DN": a["DN"] / 1000}, g) for a, g in _reaches()[:6]]
    path_m = tmp_path / "dn_in_metern.shp"
    _write(path_m, rows_m, "LineString")
    q = new_project(extent=CELLE)
    SewerGISImporter()(q, path_m)
    assert [f.attrs["dn_mm"] for f in q.store.features("sewer_reaches")] == [a["DN"] for a, _ in _reaches()[:6]]
    assert load_profile(q.root / "profiles" / "sewer_reaches_dn_in_metern.toml").units == {"dn_mm": "m"}


def test_bad_rows_reported_with_layer_and_fid(new_project, tmp_path):
    nodes = _manholes()[:10]
    reaches = [x for x in _reaches() if x[0]["VON_SCHACH"] in {a["SCHACHTNR"] for a, _ in nodes}][:6]
    nodes.append(({**nodes[0][0], "SCHACHTNR": None}, Point(570400, 5827960)))           # FID 11: no key
    nodes.append(({**nodes[0][0], "SCHACHTNR": "X-LEER"}, None))                          # FID 12: no geometry
    nodes.append(({**nodes[1][0]}, Point(570401, 5827961)))                               # FID 13: duplicate
    nodes.append(({**nodes[0][0], "SCHACHTNR": "X-FERN"}, Point(600000, 5827960)))       # FID 14: outside
    reaches.append(({**reaches[0][0], "HAL_NR": "X-DN", "DN": "DN 3oo"}, reaches[0][1]))  # FID 7: DN unreadable
    reaches.append(({**reaches[0][0], "HAL_NR": "X-OHNE", "SOHLE_ZU": None, "VON_SCHACH": "999"},
                    reaches[1][1]))                                                       # FID 8: no invert
    path = tmp_path / "mit_fehlern.gpkg"
    _write(path, nodes, "Point", driver="GPKG", layer="schaechte")
    _write(path, reaches, "LineString", driver="GPKG", layer="haltungen", append=True)
    p = new_project(extent=CELLE)
    r = SewerGISImporter()(p, path)
    assert (r.counts["Schächte/Bauwerke"], r.counts["Haltungen/Leitungen"]) == (10, 7)
    assert r.counts["übersprungen"] == 5
    by = {pr.feature: pr.message for pr in r.problems}
    assert "keine Objektbezeichnung" in by["schaechte FID 11"]
    assert "leere Geometrie" in by["schaechte FID 12"] and "X-LEER" in by["schaechte FID 12"]
    assert "doppelt" in by["schaechte FID 13"] and "schaechte FID 2" in by["schaechte FID 13"]
    assert "außerhalb des Projektgebiets" in by["schaechte FID 14"]
    assert "DN 3oo" in by["haltungen FID 7"] and "bleibt leer" in by["haltungen FID 7"]
    assert p.store.get("sewer_reaches", "X-DN").attrs["dn_mm"] is None
    assert "Sohlhöhe Zulauf fehlt" in by["haltungen FID 8"] and p.store.get("sewer_reaches", "X-OHNE") is None
    assert str(r.problems[0]).startswith("Objekt 'schaechte FID")


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_broken_files_leave_store_untouched(new_project, tmp_path):
    s, h = _shapefiles(tmp_path)
    p = new_project(extent=CELLE)
    SewerGISImporter()(p, s)
    before = snapshot(p)
    broken = tmp_path / "kaputt.gpkg"
    broken.write_bytes(_gpkg_3d(tmp_path / "ganz.gpkg").read_bytes()[:3000])
    with pytest.raises(FormatError, match="kann nicht gelesen werden"):
        SewerGISImporter()(p, broken)
    h.with_suffix(".dbf").unlink()
    with pytest.raises(FormatError):
        SewerGISImporter()(p, h)
    no_prj = tmp_path / "ohne_prj.shp"
    _write(no_prj, _reaches(), "LineString", crs=None)
    with pytest.raises(CRSError, match="Koordinatensystem"):
        SewerGISImporter()(p, no_prj)
    with pytest.raises(ConfigError, match="nicht für Kanaldaten"):
        SewerGISImporter(profile=MappingProfile(name="b", target="trees", columns={}))(p, s)
    token = CancelToken()

    def progress(f, msg):
        if msg.startswith("Schreibe"):
            token.cancel()
    with pytest.raises(Cancelled):
        SewerGISImporter()(p, _gpkg_3d(tmp_path / "neu.gpkg"), cancel=token, progress=progress)
    assert snapshot(p) == before
    r = SewerGISImporter(source_crs="EPSG:25832")(p, no_prj)
    assert r.counts["Haltungen/Leitungen"] == 150
    assert load_profile(p.root / "profiles" / "sewer_reaches_ohne_prj.toml").crs == "EPSG:25832"


def test_dry_run_writes_nothing(new_project, tmp_path):
    p = new_project(extent=CELLE)
    before = snapshot(p)
    r = SewerGISImporter()(p, _gpkg_3d(tmp_path / "probe.gpkg"), dry_run=True)
    assert r.dry_run and r.counts["neu"] == 266 and r.provenance_id is None
    assert snapshot(p) == before and not (p.root / "profiles").exists()


def test_condition_from_inspection_is_kept(new_project, tmp_path):
    """A GIS delivery without condition columns does not erase the class from ISYBAU Zustandsdaten."""
    p = new_project()
    IsybauImporter()(p, _synthetic_2013(tmp_path / "kanal_2013.xml"))
    h1 = p.store.get("sewer_reaches", "H1")
    assert h1.attrs["zustandsklasse"] == 1
    coords = np.array(h1.geometry.coords)
    row = ({"HALTUNG": "H1", "VON_SCHACHT": "S1", "BIS_SCHACHT": "S2", "DN": 300.0, "MATERIAL": "Steinzeug"},
           LineString(coords[:, :2]))
    path = tmp_path / "haltungen_gis.gpkg"
    _write(path, [row], "LineString", driver="GPKG")
    r = SewerGISImporter()(p, path)
    assert r.problems == [] and r.counts["geändert"] == 1
    f = p.store.get("sewer_reaches", "H1")
    assert f.attrs["zustandsklasse"] == 1 and str(f.attrs["inspektionsdatum"]) == "2021-05-03"
    assert np.abs(np.array(f.geometry.coords) - coords).max() < 0.0015  # z from the stored manholes' Sohlhöhe


def test_reach_key_from_nodes_and_line_against_flow(new_project, tmp_path):
    """No Haltungsnummer column: the key is Zulauf-Ablauf; a line digitised against the flow is turned round."""
    s, _h = _shapefiles(tmp_path)
    p = new_project(extent=CELLE)
    SewerGISImporter()(p, s)
    x = _isybau().reaches[0]
    line = _reach_line(x)
    rows = [({"VONSCHACHT": x.attrs["knoten_zulauf"], "BISSCHACHT": x.attrs["knoten_ablauf"], "DN": 250.0},
             LineString(list(line.coords)[::-1]))]
    path = tmp_path / "ohne_nummer.shp"
    _write(path, rows, "LineString")
    r = SewerGISImporter()(p, path)
    assert r.problems == [] and r.counts["Haltungen/Leitungen"] == 1
    f = p.store.get("sewer_reaches", "119001-119002")
    coords = np.array(f.geometry.coords)
    assert coords[0, :2] == pytest.approx(np.array(line.coords)[0]) and coords[0, 2] == pytest.approx(37.59)
    assert coords[-1, 2] == pytest.approx(37.44)
