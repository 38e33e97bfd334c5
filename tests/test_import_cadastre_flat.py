"""Flat cadastre exports -> parcels, both backends.

Real input: the INSPIRE CadastralParcels 4.0 file of the deegree project (Dutch Kadaster parcels,
EPSG:4258 lat/lon) and a Hamburg CadastralZoning file. The Shapefile/GeoPackage/GeoJSON files are
SYNTHETIC: built here at run time from the real NL parcel geometry (moved to Mittelfranken) with
invented German ALKIS-Shape attributes, because no real German flat export is available.
"""

from __future__ import annotations

import numpy as np
import pyogrio.raw
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely import affinity
from shapely.geometry import MultiPolygon, Polygon

from importers.base import CancelToken, read_head
from importers.cadastre_flat.inspire import parse_inspire
from importers.cadastre_flat.load import FlatCadastreImporter
from importers.profiles import MappingProfile, load_profile, save_profile
from twin.errors import Cancelled, CRSError, ExtentError, FormatError

from tests.conftest import DATA
from tests.test_import_citygml import snapshot

INSPIRE = DATA / "inspire"
NL = INSPIRE / "deegree_cadastralparcels_NL.xml"
HH = INSPIRE / "deegree_CadastralZoning_HH.gml"
NL_EXTENT = (355000.0, 5783000.0, 363000.0, 5797000.0)  # UTM32 around Hengelo/Enschede (NL)
NL_KEYS = {"LNK00D 2377", "LNK00D 2378", "LNK00D 2451", "LNK00D 2376", "LNK00AA 2376"}

# synthetic German parcels: NL shapes moved so that their lower left corner is here (Weisendorf area)
ORIGIN = (630000.0, 5495000.0)
DE_EXTENT = (629000.0, 5494000.0, 634000.0, 5505000.0)
_TO_UTM = Transformer.from_crs(4258, 25832, always_xy=True)


def _nl_utm_polygons() -> list[MultiPolygon]:
    """The NL parcels reprojected with pyproj directly (independent of the importer)."""
    out = []
    for p in parse_inspire(NL).parcels:
        polys = []
        for rings in p.polygons:
            utm = [np.column_stack(_TO_UTM.transform(r[:, 1], r[:, 0])) for r in rings]  # file: lat lon
            polys.append(Polygon(utm[0], utm[1:]))
        out.append(MultiPolygon(polys))
    return out


def _german_parcels() -> list[tuple[dict, MultiPolygon]]:
    geoms = _nl_utm_polygons()
    minx = min(g.bounds[0] for g in geoms)
    miny = min(g.bounds[1] for g in geoms)
    moved = [affinity.translate(g, ORIGIN[0] - minx, ORIGIN[1] - miny) for g in geoms]
    attrs = [
        ("095312001000120003__", "Weisendorf", 1, 12, "3", "Hauptstraße 12"),
        ("09531200100013______", "Weisendorf", 1, 13, "", "Am Mühlbach"),
        ("09531300200107______", "Großenseebach", 2, 107, "", "Röhrweg"),
        ("095313002001080001__", "Großenseebach", 2, 108, "1", "Schloßstraße 1"),
        ("09531400300005______", "Rezelsdorf", 3, 5, "", "Flur „Äußere Wiese“"),
    ]
    return [({"FLSTKENNZ": k, "GEMARKUNG": g, "FLUR": fl, "FLSTNRZAE": z, "FLSTNRNEN": n,
              "AFL": round(geom.area), "LAGE": lage}, geom) for (k, g, fl, z, n, lage), geom in zip(attrs, moved)]


def _write(path, rows: list[tuple[dict, object]], *, crs: str | None = "EPSG:25832", driver: str | None = None,
           encoding: str | None = None, to: str | None = None) -> None:
    """Write parcels with pyogrio (optionally transformed from UTM32 to ``to``)."""
    geoms = [g for _, g in rows]
    if to is not None:
        tr = Transformer.from_crs(25832, to, always_xy=True)

        def fn(xy):
            return np.column_stack(tr.transform(xy[:, 0], xy[:, 1]))
        geoms = [None if g is None else shapely.transform(g, fn) for g in geoms]
    cols = list(rows[0][0])
    data = [np.array([r[c] for r, _ in rows], dtype=object if isinstance(rows[0][0][c], str) else None)
            for c in cols]
    wkb = np.array([None if g is None else shapely.to_wkb(g) for g in geoms], dtype=object)
    pyogrio.raw.write(str(path), wkb, data, cols, crs=crs, driver=driver, encoding=encoding,
                      geometry_type="MultiPolygon")


def _de_shp(tmp_path, name="alkis_flurstuecke.shp", **kw):
    path = tmp_path / name
    _write(path, _german_parcels(), driver="ESRI Shapefile", encoding="cp1252", **kw)
    return path


# --------------------------------------------------------------------- INSPIRE GML (real)
def test_inspire_nl_parcels_are_reprojected_from_lat_lon(new_project):
    p = new_project(extent=NL_EXTENT)
    r = FlatCadastreImporter()(p, NL, actor="kataster")
    assert r.problems == [] and r.counts["Flurstücke"] == 5 and r.counts["neu"] == 5
    assert r.source_crs == "urn:ogc:def:crs:EPSG::4258"
    feats = {f.attrs["flurstueckskennzeichen"]: f for f in p.store.features("parcels")}
    assert set(feats) == NL_KEYS
    f = feats["LNK00D 2377"]
    assert f.attrs["flurstuecksnummer"] == "LNK00D 2377" and f.attrs["gml_id"] == "LNK00D.2377"
    assert len(f.geometry.geoms[0].interiors) == 1
    # first vertex: independent pyproj transform of the raw lat/lon (52.266657 N, 6.932919 E)
    ex, ey = Transformer.from_crs(4258, 25832, always_xy=True).transform(6.932919, 52.266657)
    assert 355_000 < ex < 362_000 and 5_790_000 < ey < 5_795_000  # Twente, west of zone 32's CM
    x0, y0 = f.geometry.geoms[0].exterior.coords[0]
    assert abs(x0 - ex) < 1e-3 and abs(y0 - ey) < 1e-3
    # computed (UTM) area vs geodesic area of the raw lat/lon polygon: UTM scale ~0.9997 here
    geod = Geod(ellps="GRS80")
    raw = parse_inspire(NL).parcels[0].polygons[0]
    area = abs(geod.polygon_area_perimeter(raw[0][:, 1], raw[0][:, 0])[0]) - sum(
        abs(geod.polygon_area_perimeter(h[:, 1], h[:, 0])[0]) for h in raw[1:])
    assert f.attrs["berechnete_flaeche"] == pytest.approx(area, rel=2e-3)
    prov = p.store.provenance()[-1]
    assert prov["importer"] == "cadastre_flat" and prov["actor"] == "kataster" and prov["counts"]["Flurstücke"] == 5


def test_inspire_area_value_and_http_srs_form(new_project, tmp_path):
    text = NL.read_text(encoding="utf-8")
    text = text.replace("<cp:label>LNK00D 2377</cp:label>",
                        '<cp:areaValue uom="m2">274012</cp:areaValue><cp:label>LNK00D 2377</cp:label>')
    text = text.replace("urn:ogc:def:crs:EPSG::4258", "http://www.opengis.net/def/crs/EPSG/0/4258")
    changed = tmp_path / "nl_http.xml"
    changed.write_text(text, encoding="utf-8")
    p = new_project(extent=NL_EXTENT)
    r = FlatCadastreImporter()(p, changed)
    assert r.counts["Flurstücke"] == 5
    f = p.store.get("parcels", "LNK00D 2377")
    assert f.attrs["amtliche_flaeche"] == 274012.0
    assert f.attrs["berechnete_flaeche"] == pytest.approx(274012, rel=2e-3)
    assert 358_000 < f.geometry.centroid.x < 360_000  # lat/lon order honoured for the http URI form too


def test_inspire_short_epsg_form_is_lon_lat_so_lat_lon_data_falls_outside(new_project, tmp_path):
    """'EPSG:4258' is written lon/lat (twin.crs.file_axes_swapped): the NL lat/lon data end up far away."""
    changed = tmp_path / "nl_short.xml"
    changed.write_text(NL.read_text(encoding="utf-8").replace("urn:ogc:def:crs:EPSG::4258", "EPSG:4258"),
                       encoding="utf-8")
    p = new_project(extent=NL_EXTENT)
    before = snapshot(p)
    with pytest.raises(ExtentError, match="Falsches Koordinatensystem"):
        FlatCadastreImporter()(p, changed)
    assert snapshot(p) == before


def test_inspire_reimport_is_idempotent(new_project):
    p = new_project(extent=NL_EXTENT)
    imp = FlatCadastreImporter()
    imp(p, NL)
    hist = len(p.store.history())
    again = imp(p, NL)
    assert (again.counts["neu"], again.counts["geändert"], again.counts["unverändert"]) == (0, 0, 5)
    assert len(p.store.history()) == hist and p.store.count("parcels") == 5 and len(p.store.provenance()) == 2


def test_cadastral_zoning_is_rejected_in_german(new_project):
    p = new_project(extent=(560000.0, 5920000.0, 590000.0, 5960000.0))
    imp = FlatCadastreImporter()
    assert imp.sniff(HH, read_head(HH))  # claimed, so that the user gets the clear message
    before = snapshot(p)
    with pytest.raises(FormatError, match=r"enthält keine Flurstücke \(CadastralZoning\)"):
        imp(p, HH)
    assert snapshot(p) == before


def test_inspire_parcels_outside_extent_raise(new_project):
    p = new_project()  # Bavarian sample extent
    before = snapshot(p)
    with pytest.raises(ExtentError, match="außerhalb des Projektgebiets"):
        FlatCadastreImporter()(p, NL)
    assert snapshot(p) == before


def test_inspire_unknown_crs(new_project, tmp_path):
    bad = tmp_path / "nl_badcrs.xml"
    bad.write_text(NL.read_text(encoding="utf-8").replace("EPSG::4258", "EPSG::999999"), encoding="utf-8")
    p = new_project(extent=NL_EXTENT)
    before = snapshot(p)
    with pytest.raises(CRSError, match="999999"):
        FlatCadastreImporter()(p, bad)
    assert snapshot(p) == before


def test_inspire_partly_outside_extent_skips_with_problem(new_project):
    p = new_project(extent=(355000.0, 5790000.0, 362000.0, 5800000.0))
    r = FlatCadastreImporter()(p, NL)
    assert r.counts["Flurstücke"] == 4 and r.counts["übersprungen"] == 1
    assert "außerhalb" in r.problems[0].message and r.problems[0].feature == "CP_CADASTRALPARCEL_5"


def test_sniff():
    imp = FlatCadastreImporter()
    assert imp.sniff(NL, read_head(NL))
    nas = (b'<?xml version="1.0"?><AX_Bestandsdatenauszug xmlns="http://www.adv-online.de/namespaces/adv/gid/7.1" '
           b'xmlns:cp="http://inspire.ec.europa.eu/schemas/cp/4.0">')
    assert not imp.sniff(NL.with_name("x.xml"), nas)
    citygml = DATA / "citygml" / "DEBY_LOD2_4959457.gml"
    assert not imp.sniff(citygml, read_head(citygml))


# --------------------------------------------------------------------- flat formats (synthetic)
def test_shapefile_cp1252_utm32_with_profile_saved(new_project, tmp_path):
    shp = _de_shp(tmp_path)
    imp = FlatCadastreImporter()
    assert imp.sniff(shp, read_head(shp))
    p = new_project(extent=DE_EXTENT)
    r = imp(p, shp, actor="bauamt")
    assert r.problems == [] and r.counts["Flurstücke"] == 5 and r.source_crs == "EPSG:25832"
    f = p.store.get("parcels", "095312001000120003__")
    a = f.attrs
    assert (a["land"], a["gemarkung"], a["gemarkung_name"], a["flur"], a["zaehler"], a["nenner"]) == \
        ("09", "5312", "Weisendorf", 1, 12, "3")
    assert a["flurstuecksnummer"] == "12/3" and a["lagebezeichnung"] == "Hauptstraße 12"
    assert a["amtliche_flaeche"] == pytest.approx(a["berechnete_flaeche"], abs=1)
    assert p.store.get("parcels", "09531400300005______").attrs["lagebezeichnung"] == "Flur „Äußere Wiese“"
    assert p.store.get("parcels", "09531300200107______").attrs["nenner"] is None
    orig = {a["FLSTKENNZ"]: g for a, g in _german_parcels()}
    assert shapely.equals_exact(f.geometry, orig["095312001000120003__"], tolerance=1e-6)
    prof = load_profile(p.root / "profiles" / "parcels_alkis_flurstuecke.toml")
    assert prof.target == "parcels" and prof.columns["flurstueckskennzeichen"] == "FLSTKENNZ"
    assert prof.columns["gemarkung"] == "GEMARKUNG" and prof.columns["amtliche_flaeche"] == "AFL"
    assert (prof.columns["zaehler"], prof.columns["nenner"], prof.columns["lagebezeichnung"]) == \
        ("FLSTNRZAE", "FLSTNRNEN", "LAGE")
    again = imp(p, shp)
    assert (again.counts["neu"], again.counts["geändert"], again.counts["unverändert"]) == (0, 0, 5)
    assert "Profil" not in again.counts  # found the saved profile, nothing new saved
    assert p.store.provenance()[-1]["counts"]["unverändert"] == 5


def test_shapefile_gauss_krueger_is_reprojected(new_project, tmp_path):
    shp = _de_shp(tmp_path, "gk3.shp", crs="EPSG:31467", to="EPSG:31467")
    p = new_project(extent=DE_EXTENT)
    r = FlatCadastreImporter()(p, shp)
    assert r.source_crs == "EPSG:31467" and r.counts["Flurstücke"] == 5
    orig = {a["FLSTKENNZ"]: g for a, g in _german_parcels()}
    for f in p.store.features("parcels"):
        o = orig[f.attrs["flurstueckskennzeichen"]]
        got, want = shapely.get_coordinates(f.geometry), shapely.get_coordinates(o)
        assert np.abs(got - want).max() < 0.01
        assert f.attrs["berechnete_flaeche"] == pytest.approx(o.area, rel=1e-6)


@pytest.mark.parametrize("suffix, driver, crs", [(".gpkg", "GPKG", "EPSG:25832"),
                                                 (".geojson", "GeoJSON", "EPSG:4326")])
def test_geopackage_and_geojson(new_project, tmp_path, suffix, driver, crs):
    path = tmp_path / f"flurstuecke{suffix}"
    _write(path, _german_parcels(), driver=driver, crs=crs, to=None if crs == "EPSG:25832" else crs)
    imp = FlatCadastreImporter()
    assert imp.sniff(path, read_head(path))
    p = new_project(extent=DE_EXTENT)
    r = imp(p, path)
    assert r.counts["Flurstücke"] == 5 and r.problems == []
    f = p.store.get("parcels", "095313002001080001__")
    assert f.attrs["gemarkung_name"] == "Großenseebach" and f.attrs["lagebezeichnung"] == "Schloßstraße 1"
    o = {a["FLSTKENNZ"]: g for a, g in _german_parcels()}["095313002001080001__"]
    assert np.abs(shapely.get_coordinates(f.geometry) - shapely.get_coordinates(o)).max() < 0.01


def test_kennzeichen_built_from_parts(new_project, tmp_path):
    rows = [({"GEMASCHL": "09" + a["FLSTKENNZ"][2:6], "FLUR": a["FLUR"], "FLSTNRZAE": a["FLSTNRZAE"],
              "FLSTNRNEN": a["FLSTNRNEN"], "GEMNAME": a["GEMARKUNG"]}, g) for a, g in _german_parcels()]
    path = tmp_path / "ohne_kennzeichen.gpkg"
    _write(path, rows, driver="GPKG")
    assert FlatCadastreImporter().sniff(path, read_head(path))
    p = new_project(extent=DE_EXTENT)
    r = FlatCadastreImporter()(p, path)
    assert r.counts["Flurstücke"] == 5
    assert {f.attrs["flurstueckskennzeichen"] for f in p.store.features("parcels")} == \
        {a["FLSTKENNZ"] for a, _ in _german_parcels()}
    f = p.store.get("parcels", "095313002001080001__")
    assert (f.attrs["land"], f.attrs["gemarkung"], f.attrs["gemarkung_name"]) == ("09", "5313", "Großenseebach")


def test_tree_file_is_not_claimed(tmp_path):
    path = tmp_path / "baeume.gpkg"
    g = shapely.to_wkb(np.array([shapely.Point(630100, 5495100)]))
    pyogrio.raw.write(str(path), g, [np.array(["B-1"], dtype=object), np.array(["Tilia"], dtype=object)],
                      ["Baumnummer", "Gattung"], crs="EPSG:25832", driver="GPKG", geometry_type="Point")
    assert not FlatCadastreImporter().sniff(path, read_head(path))


def test_missing_prj_needs_source_crs(new_project, tmp_path):
    shp = _de_shp(tmp_path)
    shp.with_suffix(".prj").unlink()
    p = new_project(extent=DE_EXTENT)
    before = snapshot(p)
    with pytest.raises(CRSError, match="Koordinatensystem"):
        FlatCadastreImporter()(p, shp)
    assert snapshot(p) == before
    r = FlatCadastreImporter(source_crs="EPSG:25832")(p, shp)
    assert r.counts["Flurstücke"] == 5 and r.source_crs == "EPSG:25832"


def test_source_crs_overrides_and_unknown_crs(new_project, tmp_path):
    shp = _de_shp(tmp_path)
    p = new_project(extent=DE_EXTENT)
    before = snapshot(p)
    with pytest.raises(CRSError):
        FlatCadastreImporter(source_crs="EPSG:999999")(p, shp)
    # a wrong override moves the data out of the project: the whole file is refused
    with pytest.raises(ExtentError):
        FlatCadastreImporter(source_crs="EPSG:31468")(p, shp)
    assert snapshot(p) == before


def test_per_feature_problems(new_project, tmp_path):
    rows = _german_parcels()
    bowtie = MultiPolygon([Polygon([(630000, 5495000), (630100, 5495100), (630100, 5495000), (630000, 5495100)])])
    rows.append(({**rows[0][0], "FLSTKENNZ": ""}, rows[1][1]))                       # 6: no key
    rows.append(({**rows[0][0], "FLSTKENNZ": "09531200100099______"}, None))         # 7: no geometry
    rows.append(({**rows[0][0], "FLSTKENNZ": "09531200100098______"}, bowtie))       # 8: invalid
    rows.append(({**rows[0][0]}, rows[2][1]))                                        # 9: duplicate of 1
    path = tmp_path / "mit_fehlern.gpkg"
    _write(path, rows, driver="GPKG")
    p = new_project(extent=DE_EXTENT)
    r = FlatCadastreImporter()(p, path)
    assert r.counts["Flurstücke"] == 5 and r.counts["übersprungen"] == 4
    by = {pr.feature: pr.message for pr in r.problems}
    assert "kein Flurstückskennzeichen" in by["Datensatz 6"]
    assert "leere Geometrie" in by["Datensatz 7"]
    assert "ungültige Geometrie" in by["Datensatz 8"]
    assert "doppelt" in by["Datensatz 9"] and "Datensatz 1" in by["Datensatz 9"]
    kept = p.store.get("parcels", "095312001000120003__")
    assert shapely.equals_exact(kept.geometry, rows[0][1], tolerance=1e-6)  # the first one won
    assert p.store.get("parcels", "09531200100099______") is None


def test_profile_forced_then_found(new_project, tmp_path):
    rows = [({"KZ": a["FLSTKENNZ"], "QM": a["AFL"], "ORT": a["LAGE"]}, g) for a, g in _german_parcels()]
    path = tmp_path / "lieferung_2026.shp"
    _write(path, rows, driver="ESRI Shapefile", encoding="cp1252")
    p = new_project(extent=DE_EXTENT)
    imp = FlatCadastreImporter()
    assert not imp.sniff(path, read_head(path))  # nothing proposable from KZ/QM/ORT
    before = snapshot(p)
    with pytest.raises(FormatError, match="Flurstückskennzeichen"):
        imp(p, path)
    assert snapshot(p) == before
    prof_path = save_profile(MappingProfile(name="kreis", target="parcels", columns={
        "flurstueckskennzeichen": "KZ", "amtliche_flaeche": "QM", "lagebezeichnung": "ORT"}), tmp_path / "kreis.toml")
    imp.profile = prof_path  # as the CLI sets it
    r = imp(p, path)
    assert r.counts["Flurstücke"] == 5 and r.counts["Profil"] == "parcels_lieferung_2026"
    assert p.store.get("parcels", "09531400300005______").attrs["lagebezeichnung"] == "Flur „Äußere Wiese“"
    assert (p.root / "profiles" / "parcels_lieferung_2026.toml").is_file()
    # the next delivery with the same columns maps itself through the saved profile
    path2 = tmp_path / "lieferung_2027.shp"
    _write(path2, rows, driver="ESRI Shapefile", encoding="cp1252")
    r2 = FlatCadastreImporter()(p, path2)
    assert r2.counts["Flurstücke"] == 5 and "Profil" not in r2.counts
    assert r2.counts["geändert"] == 5  # only source_file differs
    assert p.store.get("parcels", "095312001000120003__").attrs["source_file"] == "lieferung_2027.shp"


def test_cancel_and_failure_leave_store_unchanged(new_project, tmp_path):
    shp = _de_shp(tmp_path)
    p = new_project(extent=DE_EXTENT)
    before = snapshot(p)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        FlatCadastreImporter()(p, shp, cancel=token)
    assert snapshot(p) == before
    # cancelled while writing: everything rolled back
    token = CancelToken()

    def progress(f, msg):
        if msg.startswith("Schreibe"):
            token.cancel()
    with pytest.raises(Cancelled):
        FlatCadastreImporter()(p, shp, cancel=token, progress=progress)
    assert snapshot(p) == before
    # a failure in the store during the write: nothing written
    orig = p.store.upsert

    def broken(*a, **kw):
        orig(*a, **kw)
        raise RuntimeError("Platte voll")
    p.store.upsert = broken
    try:
        with pytest.raises(RuntimeError):
            FlatCadastreImporter()(p, shp)
    finally:
        p.store.upsert = orig
    assert snapshot(p) == before


def test_dry_run_writes_nothing(new_project, tmp_path):
    shp = _de_shp(tmp_path)
    p = new_project(extent=DE_EXTENT)
    before = snapshot(p)
    r = FlatCadastreImporter()(p, shp, dry_run=True)
    assert r.dry_run and r.counts["neu"] == 5 and r.provenance_id is None and "Probelauf" in r.summary()
    assert snapshot(p) == before and not (p.root / "profiles").exists()


def test_unmapped_columns_are_reported(new_project, tmp_path):
    """Columns the mapping leaves unused are named in the report (and the provenance), nothing vanishes."""
    rows = [({**a, "BEMERKUNG": "Testfeld", "ERFASST": "2024-01-01"}, g) for a, g in _german_parcels()]
    path = tmp_path / "mit_extras.shp"
    _write(path, rows, driver="ESRI Shapefile", encoding="cp1252")
    p = new_project(extent=DE_EXTENT)
    r = FlatCadastreImporter()(p, path)
    assert r.counts["Flurstücke"] == 5 and r.counts["nicht zugeordnete Spalten"] == "BEMERKUNG, ERFASST"
    assert p.store.provenance()[-1]["counts"]["nicht zugeordnete Spalten"] == "BEMERKUNG, ERFASST"
    assert "nicht zugeordnete Spalten: BEMERKUNG, ERFASST" in r.summary()
    # a profile that maps less leaves more unmapped, in the file's column order
    imp = FlatCadastreImporter(profile=MappingProfile(name="knapp", target="parcels", columns={
        "flurstueckskennzeichen": "FLSTKENNZ", "amtliche_flaeche": "AFL"}))
    r2 = imp(p, path)
    assert r2.counts["nicht zugeordnete Spalten"] == "GEMARKUNG, FLUR, FLSTNRZAE, FLSTNRNEN, LAGE, BEMERKUNG, ERFASST"
    # everything mapped: no entry
    full = tmp_path / "voll.shp"
    _write(full, _german_parcels(), driver="ESRI Shapefile", encoding="cp1252")
    assert "nicht zugeordnete Spalten" not in FlatCadastreImporter()(p, full).counts


@pytest.mark.usefixtures("ogr2ogr_available")
def test_geopackage_converted_by_gdal_from_real_nas_through_profile(new_project, tmp_path):
    """No real German flat export is available; the nearest real thing: the Hamburg NAS parcels
    converted to a GeoPackage by GDAL's NAS driver (column names as in GDAL/PostNAS-based exports),
    imported through a profile. Same 137 parcels, official areas and ids as the NAS import."""
    import gzip
    import os
    import subprocess

    from importers.alkis.load import NASImporter
    from tests.test_import_alkis import GFS, HH as HH_NAS, HH_EXTENT

    plain = tmp_path / "hh.xml"  # GDAL writes side files next to its input: never into tests/data
    with gzip.open(HH_NAS) as src:
        plain.write_bytes(src.read())
    gpkg = tmp_path / "flurstuecke_hh.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(gpkg), str(plain), "AX_Flurstueck", "-nlt", "CONVERT_TO_LINEAR",
                    "-a_srs", "EPSG:25832"], check=True, capture_output=True,
                   env={**os.environ, "NAS_GFS_TEMPLATE": str(GFS), "OGR_ARC_STEPSIZE": "0.05"})
    prof = MappingProfile(name="hh_gdal", target="parcels", columns={
        "flurstueckskennzeichen": "flurstueckskennzeichen", "amtliche_flaeche": "amtlicheflaeche",
        "gml_id": "gml_id"})
    p = new_project(extent=HH_EXTENT)
    r = FlatCadastreImporter(profile=prof)(p, gpkg)
    assert r.counts["Flurstücke"] == 137 and r.problems == [] and r.source_crs == "EPSG:25832"
    assert "nicht zugeordnete Spalten" not in r.counts
    flat = {f.attrs["flurstueckskennzeichen"]: f for f in p.store.features("parcels")}
    q = new_project(extent=HH_EXTENT)
    NASImporter()(q, HH_NAS)
    nas_parcels = {f.attrs["flurstueckskennzeichen"]: f for f in q.store.features("parcels")}
    assert set(flat) == set(nas_parcels)
    for k, f in flat.items():
        n = nas_parcels[k].attrs
        assert (f.attrs["amtliche_flaeche"], f.attrs["gml_id"], f.attrs["gemarkung"], f.attrs["zaehler"]) == (
            n["amtliche_flaeche"], n["gml_id"], n["gemarkung"], n["zaehler"])
        assert f.attrs["berechnete_flaeche"] == pytest.approx(n["berechnete_flaeche"], abs=1.0 + 1e-5 * f.geometry.area)
