"""ALKIS NAS import on real state data (Hamburg NAS GID 6.0, NRW WFS), both backends.

Peer check against GDAL's NAS driver (gdal-bin), arc densification, GK reprojection,
synthetic owner data (clearly fictitious: Max Mustermann) and bad input.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import shape

from importers.alkis.codes import GEBAEUDEFUNKTION
from importers.alkis.geometry import MAX_SAGITTA, arc_points
from importers.alkis.load import NASImporter
from importers.alkis.nas import parse_nas
from importers.base import CancelToken, read_head
from twin.errors import Cancelled, CRSError, ExtentError, FormatError
from twin.project import Project

from tests.conftest import DATA
from tests.test_import_citygml import snapshot
from tests.alkis_synth import (
    GFS, HH, HH_CODES, HH_EXTENT, NRW, NRW_EXTENT, OWNER_OBJECTS, building, nas, parcel, ring_xml, run_gdal, square, write,
)


# --------------------------------------------------------------------- real data: Hamburg
def test_hamburg_import(new_project):
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, HH, actor="kataster")
    assert (report.counts["Flurstücke"], report.counts["Gebäude"]) == (137, 57)
    assert report.problems == [] and report.source_crs == "urn:adv:crs:ETRS89_UTM32"
    f = p.store.get("parcels", "020125___00128______")
    a = f.attrs
    assert (a["land"], a["gemarkung"], a["flur"], a["zaehler"], a["nenner"]) == ("02", "0125", None, 128, None)
    assert a["flurstuecksnummer"] == "128" and a["amtliche_flaeche"] == 123.0 and a["gml_id"] == "DEHHALKAn0007rf5"
    assert a["berechnete_flaeche"] == pytest.approx(f.geometry.area, abs=0.01)
    assert abs(a["berechnete_flaeche"] - 123) < 1.0 and a["source_file"] == HH.name
    assert a["lagebezeichnung"]  # resolved through zeigtAuf -> AX_LagebezeichnungOhneHausnummer
    lagen = [x.attrs["lagebezeichnung"] for x in p.store.features("parcels") if x.attrs["lagebezeichnung"]]
    assert "Bien Westhof" in "; ".join(lagen) and len(lagen) > 50
    bs = p.store.features("cadastre_buildings")
    assert {b.attrs["gebaeudefunktion"] for b in bs} == HH_CODES
    assert all(not b.attrs["gebaeudefunktion_text"].startswith("unbekannt") for b in bs)
    b = p.store.get("cadastre_buildings", "DEHHALKAn0007rm0")
    assert (b.attrs["gebaeudefunktion"], b.attrs["gebaeudefunktion_text"], b.attrs["geschosse"]) == (
        "2081", "Gaststätte, Restaurant", 1)
    assert not p.store.has_layer("owners") and not p.store.has_layer("land_register")
    prov = p.store.provenance()[-1]
    assert prov["importer"] == "alkis-nas" and prov["actor"] == "kataster" and prov["counts"]["Flurstücke"] == 137


def test_hamburg_reimport_is_idempotent(new_project):
    p = new_project(extent=HH_EXTENT)
    NASImporter()(p, HH)
    hist = len(p.store.history())
    again = NASImporter()(p, HH)
    uses = p.store.count("land_use")  # the use objects (Tatsächliche Nutzung) are kept as a layer of their own
    assert uses == 61 and again.counts["je Ebene neu/geändert/unverändert"]["land_use"] == "0/0/61"
    assert (again.counts["neu"], again.counts["geändert"], again.counts["unverändert"]) == (0, 0, 194 + uses)
    assert len(p.store.history()) == hist and len(p.store.provenance()) == 2


def test_hamburg_areas_official_vs_computed(tmp_path):
    """|berechnet − amtlich| ≤ max(1 m², 0.5 %).

    amtlicheFlaeche is rounded to whole m² (±0.5 m²), reduced to the ellipsoid (the UTM grid
    area near Hamburg is ≈0.08 % smaller: scale 0.9996²) and partly historic (graphically
    determined, not recomputed after boundary surveys). The two parcels outside the tolerance
    share a boundary (00421 +37 m², 00422 −42 m², sum ≈ equal): a boundary was moved without
    the official areas being recomputed. GDAL computes the same geometry (peer test below).
    """
    p = Project.create(tmp_path / "hh", crs=25832, name="HH", extent=HH_EXTENT)
    NASImporter()(p, HH)
    outliers = {}
    for f in p.store.features("parcels"):
        a = f.attrs
        d = a["berechnete_flaeche"] - a["amtliche_flaeche"]
        if abs(d) > max(1.0, 0.005 * a["amtliche_flaeche"]):
            outliers[a["flurstueckskennzeichen"]] = round(d, 1)
    print("\nFlächen-Ausreißer (berechnet − amtlich, m²):", outliers)
    assert set(outliers) == {"020125___00421______", "020125___00422______"}
    p.close()


@pytest.mark.usefixtures("ogr2ogr_available")
def test_hamburg_peer_check_against_gdal_nas_driver(tmp_path):
    """Counts and per-parcel/per-building areas agree with GDAL's NAS driver on the same file.

    GDAL without a schema template keeps only the point ``objektkoordinaten`` of AX_Flurstueck,
    hence the minimal NAS_GFS_TEMPLATE ``alkis_peer.gfs``. GDAL linearises arcs by angle
    (OGR_ARC_STEPSIZE, default 4°, up to 0.6 m off on a 1 km radius), we by a 1 cm sagitta; with
    a 0.05° step both are within ``(2/3)·s·L`` of the exact arc area. Tolerance:
    |Δ| ≤ 1 m² + 1e-5·area (observed max 2.5 m² on the 1.59 km² parcel 00391, 0.46 m² otherwise).
    """
    out = subprocess.run(["ogrinfo", "-ro", "-so", "-al", f"/vsigzip/{HH}"], check=True, capture_output=True,
                         text=True).stdout
    counts = dict(re.findall(r"Layer name: (\w+)\n(?:.*\n)*?Feature Count: (\d+)", out))
    assert counts["AX_Flurstueck"] == "137" and counts["AX_Gebaeude"] == "57"
    gdal = {}
    for layer in ("AX_Flurstueck", "AX_Gebaeude"):
        dst = tmp_path / f"{layer}.geojson"
        run_gdal(["ogr2ogr", "-f", "GeoJSON", str(dst), f"/vsigzip/{HH}", layer, "-nlt", "CONVERT_TO_LINEAR"],
              NAS_GFS_TEMPLATE=str(GFS), OGR_ARC_STEPSIZE="0.05")
        gdal[layer] = json.loads(dst.read_text(encoding="utf-8"))["features"]
    p = Project.create(tmp_path / "hh", crs=25832, name="HH", extent=HH_EXTENT)
    NASImporter()(p, HH)
    ours = {f.attrs["flurstueckskennzeichen"]: f for f in p.store.features("parcels")}
    assert len(gdal["AX_Flurstueck"]) == len(ours) == 137
    worst = 0.0
    for g in gdal["AX_Flurstueck"]:
        props = g["properties"]
        mine = ours[props["flurstueckskennzeichen"]]
        assert mine.attrs["gml_id"] == props["gml_id"]
        assert mine.attrs["amtliche_flaeche"] == props["amtlicheflaeche"]
        ga = shape(g["geometry"]).area
        d = abs(mine.attrs["berechnete_flaeche"] - ga)
        worst = max(worst, d)
        assert d <= 1.0 + 1e-5 * ga, (props["flurstueckskennzeichen"], mine.attrs["berechnete_flaeche"], ga)
        assert mine.geometry.symmetric_difference(shape(g["geometry"])).area <= 2.0 + 1e-5 * ga
    ob = {f.attrs["gml_id"]: f for f in p.store.features("cadastre_buildings")}
    assert len(gdal["AX_Gebaeude"]) == len(ob) == 57
    for g in gdal["AX_Gebaeude"]:
        mine = ob[g["properties"]["gml_id"]]
        assert str(g["properties"]["gebaeudefunktion"]) == mine.attrs["gebaeudefunktion"]
        assert mine.geometry.area == pytest.approx(shape(g["geometry"]).area, abs=0.01)
    print(f"\nPeer-Check GDAL NAS: größte Flächendifferenz {worst:.2f} m²")
    p.close()


def test_all_hamburg_codes_and_main_groups_in_code_list():
    assert HH_CODES <= set(GEBAEUDEFUNKTION)
    for group in ("1000", "1100", "1200" if "1200" in GEBAEUDEFUNKTION else "1210", "2000", "2100", "2500",
                  "2700", "3000", "3010", "3020", "3040", "3060", "3070"):
        assert group in GEBAEUDEFUNKTION


# --------------------------------------------------------------------- real data: NRW WFS, GK
def test_nrw_wfs_response(new_project):
    p = new_project(extent=NRW_EXTENT)
    report = NASImporter()(p, NRW)
    assert report.counts["Flurstücke"] == 1 and report.problems == []
    a = p.store.get("parcels", "05329001100085______").attrs
    assert (a["land"], a["gemarkung"], a["flur"], a["zaehler"], a["flurstuecksnummer"]) == ("05", "3290", 11, 85, "85")
    assert a["amtliche_flaeche"] == 684.0 and abs(a["berechnete_flaeche"] - 684.0) < 1.0
    assert a["gml_id"] == "DENW21AL100077H6"
    # berechnete_flaeche is taken in the file's CRS: the same in a project in another UTM zone
    q = new_project(extent=None, crs=25833)
    NASImporter()(q, NRW)
    b = q.store.get("parcels", "05329001100085______")
    assert b.attrs["berechnete_flaeche"] == a["berechnete_flaeche"]
    assert b.geometry.area > a["berechnete_flaeche"] + 3  # zone 33 is far off here: the grid area is distorted


def _nrw_as_gk2(tmp_path: Path, srs: str | None = "urn:adv:crs:DE_DHDN_3GK2") -> Path:
    """The NRW file with its coordinates moved to DHDN / 3-degree GK zone 2 (EPSG:31466)."""
    text = NRW.read_text(encoding="utf-8")
    tr = Transformer.from_crs(25832, 31466, always_xy=True)

    def conv(m: re.Match) -> str:
        v = np.array(m.group(2).split(), dtype=float).reshape(-1, 2)
        x, y = tr.transform(v[:, 0], v[:, 1])
        return m.group(1) + " ".join(f"{a:.3f} {b:.3f}" for a, b in zip(x, y)) + m.group(3)

    text = re.sub(r"(<gml:(?:posList|lowerCorner|upperCorner)>)([^<]+)(</gml:)", conv, text)
    if srs is None:
        text = re.sub(r' srsName="[^"]*"', "", text)
    else:
        text = re.sub(r'srsName="[^"]*"', f'srsName="{srs}"', text)
    return write(tmp_path, text, "nrw_gk2.xml")


def test_gauss_krueger_file_is_reprojected(new_project, tmp_path):
    """A GK2 (DHDN) copy lands where the ETRS89 original is (±0.5 m).

    The test moves the coordinates with the same PROJ pipeline the importer inverts, so this
    checks CRS naming and axis handling; the DHDN→ETRS89 transformation itself is only as
    good as PROJ's (Helmert without the BeTA2007 grid: about 1 m absolute).
    """
    gk = _nrw_as_gk2(tmp_path)
    p = new_project(extent=NRW_EXTENT)
    report = NASImporter()(p, gk)
    assert report.source_crs == "urn:adv:crs:DE_DHDN_3GK2"
    got = p.store.get("parcels", "05329001100085______").geometry
    q = new_project(extent=NRW_EXTENT)
    NASImporter()(q, NRW)
    ref = q.store.get("parcels", "05329001100085______").geometry
    assert shapely.hausdorff_distance(got, ref) < 0.5


def test_source_crs_override_and_missing_crs(new_project, tmp_path):
    gk = _nrw_as_gk2(tmp_path, srs=None)
    p = new_project(extent=NRW_EXTENT)
    before = snapshot(p)
    with pytest.raises(CRSError, match="srsName"):
        NASImporter()(p, gk)
    assert snapshot(p) == before
    report = NASImporter(source_crs="EPSG:31466")(p, gk)
    assert report.counts["Flurstücke"] == 1 and report.source_crs == "EPSG:31466"
    c = p.store.get("parcels", "05329001100085______").geometry.centroid
    assert 338131 < c.x < 338162 and 5706237 < c.y < 5706280


def test_unknown_crs_is_rejected(new_project, tmp_path):
    p = new_project(extent=HH_EXTENT)
    f = write(tmp_path, nas(parcel("DEXX0001", 1, ring_xml(square(), srs="urn:adv:crs:DE_GIBTS_NICHT"))))
    before = snapshot(p)
    with pytest.raises(CRSError, match="DE_GIBTS_NICHT"):
        NASImporter()(p, f)
    assert snapshot(p) == before


# --------------------------------------------------------------------- arcs
def test_arc_points_keep_sagitta_and_ends():
    p1, p2, p3 = (100.0, 0.0), (0.0, 100.0), (-100.0, 0.0)  # half circle, r = 100, counter-clockwise
    pts = arc_points(p1, p2, p3)
    assert tuple(pts[0]) == p1 and tuple(pts[-1]) == p3
    r = np.hypot(pts[:, 0], pts[:, 1])
    assert np.allclose(r, 100.0)
    mid = (pts[1:] + pts[:-1]) / 2
    assert (100.0 - np.hypot(mid[:, 0], mid[:, 1])).max() <= MAX_SAGITTA + 1e-9
    assert (pts[:, 1] >= -1e-9).all()  # through p2, not the other way round
    cw = arc_points(p3, p2, p1)
    assert (cw[:, 1] >= -1e-9).all()
    line = arc_points((0, 0), (1, 1), (2, 2))
    assert len(line) == 3


def _circle_parcel(r: float, cx=466600.0, cy=5974600.0) -> str:
    pts = f"{cx + r:.6f} {cy:.6f} {cx:.6f} {cy + r:.6f} {cx - r:.6f} {cy:.6f}"
    geom = (f'<gml:Surface gml:id="c1" srsName="urn:adv:crs:ETRS89_UTM32"><gml:patches><gml:PolygonPatch>'
            f'<gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments><gml:Circle>'
            f'<gml:posList>{pts}</gml:posList></gml:Circle></gml:segments></gml:Curve></gml:curveMember>'
            f'</gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>')
    return parcel("DEXXCIRC", 7, geom, flaeche=str(round(math.pi * r * r)))


def test_circle_parcel_area_converges(tmp_path):
    f = write(tmp_path, nas(_circle_parcel(30.0)))
    exact = math.pi * 30.0 ** 2
    errors = []
    for s in (1.0, 0.1, 0.01, 0.001):
        d = parse_nas(f, max_sagitta=s)
        ext, _ = d.parcels[0].polygons[0]
        area = shapely.Polygon(ext).area
        errors.append(exact - area)
    assert all(e > 0 for e in errors)  # chords lie inside the arc
    assert errors == sorted(errors, reverse=True) and errors[-1] < 0.2
    # bound: area lost ≤ (2/3)·s·circumference
    assert errors[2] <= 2 / 3 * 0.01 * 2 * math.pi * 30 + 1e-6
    p = Project.create(tmp_path / "c", crs=25832, name="C", extent=HH_EXTENT)
    NASImporter()(p, f)
    a = p.store.get("parcels", "020125___00007______").attrs
    assert 0 < exact - a["berechnete_flaeche"] <= 2 / 3 * MAX_SAGITTA * 2 * math.pi * 30 + 0.01
    p.close()


def test_real_arc_parcel_converges_with_tolerance(tmp_path):
    """Parcel 00397 (Hamburg) has arcs: its area changes < 0.5 m² from 1 cm to 1 mm sagitta."""
    a = {}
    for s in (0.01, 0.001):
        d = parse_nas(HH, max_sagitta=s)
        o = next(o for o in d.parcels if o.attrs["flurstueckskennzeichen"] == "020125___00397______")
        a[s] = sum(shapely.Polygon(e, h).area for e, h in o.polygons)
    assert 0 < abs(a[0.01] - a[0.001]) < 0.5


# --------------------------------------------------------------------- owners (synthetic)


def test_synthetic_owner_data(new_project, tmp_path, backend):
    """Clearly fictitious owner data (Max Mustermann, Musterstadt) -> owners + land_register (personal)."""
    lage = ('<AX_LagebezeichnungMitHausnummer gml:id="DEXXSYNTHL000001"><lagebezeichnung><AX_Lagebezeichnung>'
            '<unverschluesselt>Musterweg</unverschluesselt></AX_Lagebezeichnung></lagebezeichnung>'
            '<hausnummer>5a</hausnummer></AX_LagebezeichnungMitHausnummer>')
    f = write(tmp_path, nas(
        parcel("DEXXSYNTHF000001", 10, ring_xml(square()), nenner="2",
               extra='<istGebucht xlink:href="urn:adv:oid:DEXXSYNTHS000001"/>'
                     '<weistAuf xlink:href="urn:adv:oid:DEXXSYNTHL000001"/>'),
        *OWNER_OBJECTS, lage))
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, f)
    assert (report.counts["Eigentümer"], report.counts["Buchungen"]) == (1, 3)
    assert p.store.schema("owners").personal and p.store.schema("land_register").personal
    o = p.store.get("owners", "DEXXSYNTHP000001").attrs
    assert (o["nachname_oder_firma"], o["vorname"]) == ("Mustermann", "Max")
    assert o["anschrift"] == "Musterstraße 1, 12345 Musterstadt" and str(o["geburtsdatum"]).startswith("1970-01-01")
    n = p.store.get("land_register", "DEXXSYNTHN000001").attrs
    assert (n["objektart"], n["person_id"], n["buchungsblatt_id"], n["anteil"]) == (
        "AX_Namensnummer", "DEXXSYNTHP000001", "DEXXSYNTHB000001", "1/2")
    assert n["buchungsblattkennzeichen"] == "029999000001" and n["flurstueck_ids"] == ["DEXXSYNTHF000001"]
    s = p.store.get("land_register", "DEXXSYNTHS000001").attrs
    assert s["flurstueck_ids"] == ["DEXXSYNTHF000001"] and s["laufende_nummer"] == "0001"
    par = p.store.get("parcels", "020125___000100002__").attrs
    assert par["flurstuecksnummer"] == "10/2" and par["nenner"] == "2" and par["lagebezeichnung"] == "Musterweg 5a"
    again = NASImporter()(p, f)
    assert (again.counts["neu"], again.counts["geändert"]) == (0, 0)


def test_inline_lagebezeichnung_and_unknown_building_function(new_project, tmp_path):
    inline = ('<zeigtAuf><AX_LagebezeichnungOhneHausnummer gml:id="DEXXINL1"><lagebezeichnung><AX_Lagebezeichnung>'
              '<unverschluesselt>Am Deich</unverschluesselt></AX_Lagebezeichnung></lagebezeichnung>'
              '</AX_LagebezeichnungOhneHausnummer></zeigtAuf>')
    f = write(tmp_path, nas(parcel("DEXXP1", 1, ring_xml(square()), extra=inline),
                            building("DEXXG1", ring_xml(square(size=8)), funktion="4711")))
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, f)
    assert p.store.get("parcels", "020125___00001______").attrs["lagebezeichnung"] == "Am Deich"
    b = p.store.get("cadastre_buildings", "DEXXG1").attrs
    assert b["gebaeudefunktion"] == "4711" and b["gebaeudefunktion_text"] == "unbekannter Schlüssel 4711"
    assert [pr.feature for pr in report.problems] == ["DEXXG1"] and "4711" in report.problems[0].message


# --------------------------------------------------------------------- bad input
def test_malformed_xml_names_line_and_column(new_project, tmp_path):
    text = nas(parcel("DEXXP1", 1, ring_xml(square()))).replace("</flurnummer>", "</flurnumer>", 1)
    f = write(tmp_path, text)
    p = new_project(extent=HH_EXTENT)
    before = snapshot(p)
    with pytest.raises(FormatError) as exc:
        NASImporter()(p, f)
    msg = str(exc.value)
    assert re.search(r"Zeile \d+, Spalte \d+", msg) and exc.value.line is not None
    assert snapshot(p) == before


def test_broken_gzip_and_non_nas(tmp_path, new_project):
    p = new_project(extent=HH_EXTENT)
    broken = tmp_path / "cut.xml.gz"
    broken.write_bytes(HH.read_bytes()[:200_000])
    with pytest.raises(FormatError):
        NASImporter()(p, broken)
    other = write(tmp_path, '<?xml version="1.0"?><root xmlns="urn:x"><a gml:id="x" '
                            'xmlns:gml="http://www.opengis.net/gml/3.2"/></root>', "other.xml")
    with pytest.raises(FormatError, match="Keine NAS-Datei"):
        NASImporter()(p, other)


def test_duplicate_flurstueckskennzeichen_is_rejected_not_merged(new_project, tmp_path):
    f = write(tmp_path, nas(parcel("DEXXFIRST", 5, ring_xml(square()), flaeche="400"),
                            parcel("DEXXSECOND", 5, ring_xml(square(466600.0)), flaeche="999")))
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, f)
    assert report.counts["Flurstücke"] == 1 and p.store.count("parcels") == 1
    kept = p.store.get("parcels", "020125___00005______").attrs
    assert kept["gml_id"] == "DEXXFIRST" and kept["amtliche_flaeche"] == 400.0
    assert [(pr.feature, "doppelt" in pr.message) for pr in report.problems] == [("DEXXSECOND", True)]
    assert report.counts["übersprungen"] == 1


def test_parcels_outside_extent(new_project, tmp_path):
    inside = parcel("DEXXIN", 1, ring_xml(square()))
    outside = parcel("DEXXOUT", 2, ring_xml(square(x0=300000.0)))
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, write(tmp_path, nas(inside, outside)))
    assert report.counts["Flurstücke"] == 1
    assert [pr.feature for pr in report.problems] == ["DEXXOUT"] and "Projektgebiet" in report.problems[0].message
    q = new_project(extent=NRW_EXTENT)
    before = snapshot(q)
    with pytest.raises(ExtentError):
        NASImporter()(q, HH)
    assert snapshot(q) == before


def test_invalid_ring_is_repaired_with_problem(new_project, tmp_path):
    x, y = 466500.0, 5974500.0
    bowtie = [(x, y), (x + 20, y + 20), (x + 20, y), (x, y + 20), (x, y)]
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, write(tmp_path, nas(parcel("DEXXBOW", 3, ring_xml(bowtie)))))
    assert report.counts["Flurstücke"] == 1 and "make_valid" in report.problems[0].message
    g = p.store.get("parcels", "020125___00003______").geometry
    assert g.is_valid and g.area == pytest.approx(200.0)


@pytest.mark.parametrize("when", ["parse", "write"])
def test_cancel_leaves_store_unchanged(new_project, when):
    p = new_project(extent=HH_EXTENT)
    before = snapshot(p)
    token = CancelToken()

    def progress(frac: float, msg: str) -> None:
        if (when == "parse" and 0 < frac < 0.5) or (when == "write" and msg.startswith("Schreibe")):
            token.cancel()

    with pytest.raises(Cancelled):
        NASImporter()(p, HH, progress=progress, cancel=token)
    assert snapshot(p) == before


# --------------------------------------------------------------------- sniff
def test_sniff(tmp_path):
    imp = NASImporter()
    assert imp.sniff(HH, read_head(HH)) and imp.sniff(NRW, read_head(NRW))
    cg = next((DATA / "citygml").glob("*.gml"))
    assert not imp.sniff(cg, read_head(cg))
    plain = tmp_path / "hh.xml"
    with gzip.open(HH) as src:
        plain.write_bytes(src.read(100_000))
    assert imp.sniff(plain, read_head(plain))


# --------------------------------------------------------------------- benchmark (printed, never asserted)
@pytest.mark.usefixtures("ogr2ogr_available")
def test_bench_nas_quick_prints_both():
    import os
    import sys

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "bench.bench_nas", "--quick"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    print("\n" + proc.stdout)
    assert "ours" in proc.stdout and "GDAL plain" in proc.stdout and "Objekte/s" in proc.stdout


def test_multisurface_with_hole_arcstring_and_linearring(new_project, tmp_path):
    x, y = 466500.0, 5974500.0
    outer = f"{x} {y} {x + 40} {y} {x + 40} {y + 40} {x} {y + 40} {x} {y}"
    hole = f"{x + 10} {y + 10} {x + 10} {y + 20} {x + 20} {y + 20} {x + 20} {y + 10} {x + 10} {y + 10}"
    # second part: a half disc of radius 10 closed by a straight line (ArcString + LineStringSegment)
    cx, cy = x + 100, y
    r45 = 7.0710678  # 10·cos 45°
    arc = f"{cx + 10} {cy} {cx + r45} {cy + r45} {cx} {cy + 10} {cx - r45} {cy + r45} {cx - 10} {cy}"
    geom = ('<gml:MultiSurface srsName="urn:adv:crs:ETRS89_UTM32">'
            f'<gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>{outer}</gml:posList>'
            f'</gml:LinearRing></gml:exterior><gml:interior><gml:LinearRing><gml:posList>{hole}</gml:posList>'
            '</gml:LinearRing></gml:interior></gml:Polygon></gml:surfaceMember>'
            '<gml:surfaceMember><gml:Surface><gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring>'
            f'<gml:curveMember><gml:Curve><gml:segments><gml:ArcString><gml:posList>{arc}</gml:posList>'
            f'</gml:ArcString><gml:LineStringSegment><gml:posList>{cx - 10} {cy} {cx + 10} {cy}</gml:posList>'
            '</gml:LineStringSegment></gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior>'
            '</gml:PolygonPatch></gml:patches></gml:Surface></gml:surfaceMember></gml:MultiSurface>')
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, write(tmp_path, nas(parcel("DEXXMULTI", 9, geom))))
    assert report.problems == []
    f = p.store.get("parcels", "020125___00009______")
    assert len(f.geometry.geoms) == 2 and len(f.geometry.geoms[0].interiors) == 1
    half_disc = math.pi * 100 / 2
    assert f.attrs["berechnete_flaeche"] == pytest.approx(1600 - 100 + half_disc, abs=0.2)


# --------------------------------------------------------------------- scanner details
def test_scanner_skips_comments_cdata_and_reads_prefixed_objects(new_project, tmp_path):
    """Tags inside comments/CDATA are no objects; a prefixed NAS (adv:AX_…) and an empty object read fine."""
    fake = parcel("DEXXFAKE", 99, ring_xml(square(466700.0)))
    text = nas(f"<!-- {fake} -->", parcel("DEXXP1", 1, ring_xml(square())),
               f'<AX_Gelaendekante gml:id="DEXXSKIP"><![CDATA[{fake}]]></AX_Gelaendekante>',
               '<AX_Gebaeude gml:id="DEXXEMPTY"/>')
    prefixed = (text.replace("<AX_", "<adv:AX_").replace("</AX_", "</adv:AX_")
                .replace('xmlns="http://www.adv-online.de/namespaces/adv/gid/6.0"',
                         'xmlns:adv="http://www.adv-online.de/namespaces/adv/gid/6.0"')
                .replace('<FeatureCollection xmlns="http://www.adv-online.de/namespaces/adv/gid/wfs"',
                         '<FeatureCollection'))
    for name, body in (("plain.xml", text), ("prefixed.xml", prefixed)):
        data = parse_nas(write(tmp_path, body, name))
        assert [o.gml_id for o in data.parcels] == ["DEXXP1"], name
        assert data.object_counts["AX_Gelaendekante"] == 1 and data.object_counts["AX_Flurstueck"] == 1
        assert [o.gml_id for o in data.buildings] == ["DEXXEMPTY"]
        assert data.parcels[0].line == body.splitlines().index(
            next(line for line in body.splitlines() if 'gml:id="DEXXP1"' in line)) + 1
    p = new_project(extent=HH_EXTENT)
    report = NASImporter()(p, write(tmp_path, text, "plain.xml"))
    assert report.counts["Flurstücke"] == 1
    assert [(pr.feature, pr.line) for pr in report.problems] == [("DEXXEMPTY", text.splitlines().index(
        next(line for line in text.splitlines() if "DEXXEMPTY" in line)) + 1)]


def test_latin1_and_utf16_files(tmp_path):
    lage = ('<AX_LagebezeichnungOhneHausnummer gml:id="DEXXL1"><lagebezeichnung><AX_Lagebezeichnung>'
            '<unverschluesselt>Große Straße</unverschluesselt></AX_Lagebezeichnung></lagebezeichnung>'
            '</AX_LagebezeichnungOhneHausnummer>')
    text = nas(lage).replace('encoding="utf-8"', 'encoding="ISO-8859-1"')
    f = tmp_path / "latin1.xml"
    f.write_bytes(text.encode("latin-1"))
    assert parse_nas(f).lage["DEXXL1"].attrs["unverschluesselt"] == "Große Straße"
    g = tmp_path / "utf16.xml"
    g.write_bytes(nas(lage).replace('encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16"))
    with pytest.raises(FormatError, match="UTF-16"):
        parse_nas(g)


def test_object_split_across_read_blocks(tmp_path, monkeypatch):
    """Tiny read blocks: objects, comments and tags cut at every position still read the same."""
    from importers.alkis import scan

    text = nas("<!-- Kommentar mit <AX_Flurstueck -->", parcel("DEXXP1", 1, ring_xml(square())),
               building("DEXXG1", ring_xml(square(size=8))), parcel("DEXXP2", 2, ring_xml(square(466600.0))))
    f = write(tmp_path, text)
    whole = parse_nas(f)
    monkeypatch.setattr(scan, "BLOCK", 7)
    cut = parse_nas(f)
    assert [(o.gml_id, o.line, o.attrs) for o in cut.parcels + cut.buildings] == [
        (o.gml_id, o.line, o.attrs) for o in whole.parcels + whole.buildings]
    assert len(cut.parcels) == 2 and cut.object_counts == whole.object_counts
