"""Checks for the sample municipality's source data in ``sample_data/``.

* the real Bavarian files match the sha256 recorded in ``sample_data/real/SOURCES.md``;
* the synthetic CityGML of "Markt Musterdorf" regenerates byte-identically;
* every synthetic building lies inside the DGM tile, keeps clear of the real building,
  has Roof/Wall/Ground surfaces with closed, outward-oriented rings and stands on the
  minimum DGM height under its footprint;
* the synthetic sewer network (ISYBAU XML 2017) regenerates byte-identically, has the promised
  counts, lies below the terrain with falling inverts, and lands in the sample project.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import rasterio
from lxml import etree
from rasterio.features import geometry_mask
from shapely.geometry import Polygon
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
REAL = SAMPLE / "real"
DGM = REAL / "BY_DGM1_690_5335.tif"
REAL_GML = REAL / "DEBY_LOD2_4959457.gml"
GENERATOR = SAMPLE / "generate_musterdorf.py"
MUSTERDORF = SAMPLE / "musterdorf" / "musterdorf_lod2.gml"

NS = {
    "core": "http://www.opengis.net/citygml/2.0",
    "bldg": "http://www.opengis.net/citygml/building/2.0",
    "gen": "http://www.opengis.net/citygml/generics/2.0",
    "gml": "http://www.opengis.net/gml",
    "xAL": "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0",
}
TILE = (690000.0, 5335000.0, 691000.0, 5336000.0)
SURFACES = ("RoofSurface", "WallSurface", "GroundSurface")


def _rings(element: etree._Element, kind: str, own: bool = False) -> list[np.ndarray]:
    """Rings (n x 3, as stored) of one surface type below ``element``.

    ``own=True`` takes only the object's own ``bldg:boundedBy``, not its BuildingParts'.
    """
    path = f"bldg:boundedBy/bldg:{kind}" if own else f".//bldg:{kind}"
    return [
        np.array(pl.text.split(), dtype=float).reshape(-1, 3)
        for surface in element.iterfind(path, NS)
        for pl in surface.iterfind(".//gml:posList", NS)
    ]


def _newell(ring: np.ndarray) -> np.ndarray:
    """Unit normal of a closed ring (Newell's method, right-hand rule)."""
    ring = ring - ring[0]  # local coordinates: avoids cancellation at UTM magnitudes
    p, q = ring[:-1], ring[1:]
    n = np.array([
        np.sum((p[:, 1] - q[:, 1]) * (p[:, 2] + q[:, 2])),
        np.sum((p[:, 2] - q[:, 2]) * (p[:, 0] + q[:, 0])),
        np.sum((p[:, 0] - q[:, 0]) * (p[:, 1] + q[:, 1])),
    ])
    return n / np.linalg.norm(n)


@pytest.fixture(scope="module")
def model() -> etree._ElementTree:
    return etree.parse(str(MUSTERDORF))


@pytest.fixture(scope="module")
def buildings(model: etree._ElementTree) -> list[etree._Element]:
    return model.findall("core:cityObjectMember/bldg:Building", NS)


@pytest.fixture(scope="module")
def dgm() -> tuple[np.ndarray, rasterio.Affine]:
    with rasterio.open(DGM) as ds:
        return ds.read(1), ds.transform


def test_real_files_match_sources_sha256() -> None:
    text = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    for path in (DGM, REAL_GML):
        section = text.split(f"## `{path.name}`", 1)[1].split("\n## ", 1)[0]
        expected = re.search(r"sha256 `([0-9a-f]{64})`", section).group(1)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == expected, path.name


def test_regenerates_byte_identically(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path)], check=True,
                   capture_output=True)
    assert (tmp_path / MUSTERDORF.name).read_bytes() == MUSTERDORF.read_bytes()


def test_citymodel_header(model: etree._ElementTree, buildings: list[etree._Element]) -> None:
    root = model.getroot()
    assert root.tag == f"{{{NS['core']}}}CityModel"
    assert root.findtext("gml:name", namespaces=NS) == "Markt Musterdorf (synthetisch)"
    assert "ynthetisch" in root.findtext("gml:description", namespaces=NS)
    env = root.find("gml:boundedBy/gml:Envelope", NS)
    assert env.get("srsName") == "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"
    assert 40 <= len(buildings) <= 80
    ids = model.xpath("//@gml:id", namespaces=NS)
    assert len(ids) == len(set(ids)), "gml:id not unique"


def test_building_attributes(buildings: list[etree._Element]) -> None:
    functions, roofs, with_parts = set(), set(), 0
    for b in buildings:
        gid = b.get(f"{{{NS['gml']}}}id")
        assert re.fullmatch(r"DEBY_MUSTER_\d{4}", gid)
        assert b.findtext("gml:name", namespaces=NS)
        functions.add(b.findtext("bldg:function", namespaces=NS))
        roofs.add(b.findtext("bldg:roofType", namespaces=NS))
        height = b.find("bldg:measuredHeight", NS)
        assert height.get("uom") == "urn:adv:uom:m" and float(height.text) > 0
        assert int(b.findtext("bldg:storeysAboveGround", namespaces=NS)) >= 1
        assert b.findtext("gen:stringAttribute[@name='Hinweis']/gen:value", namespaces=NS) == \
            "Synthetisch erzeugt – keine realen Daten"
        locality = b.find("bldg:address//xAL:Locality", NS)
        assert locality.findtext("xAL:LocalityName", namespaces=NS) == "Markt Musterdorf"
        assert locality.findtext(".//xAL:ThoroughfareName", namespaces=NS)
        with_parts += b.find("bldg:consistsOfBuildingPart", NS) is not None
    assert {"31001_1000", "31001_3012", "31001_3041", "31001_2000"} <= functions
    assert roofs == {"1000", "3100"}
    assert 1 <= with_parts <= 2


def test_geometry_is_closed_and_outward(buildings: list[etree._Element]) -> None:
    for b in buildings:
        for obj in [b, *b.iterfind(".//bldg:BuildingPart", NS)]:
            rings = {kind: _rings(obj, kind, own=True) for kind in SURFACES}
            assert all(rings[k] for k in SURFACES), obj.get(f"{{{NS['gml']}}}id")
            centre = np.vstack(rings["GroundSurface"])[:, :2].mean(axis=0)
            for kind, ring_list in rings.items():
                for ring in ring_list:
                    assert len(ring) >= 4 and np.array_equal(ring[0], ring[-1])
                    n = _newell(ring)
                    if kind == "GroundSurface":
                        assert n[2] < 0
                    elif kind == "RoofSurface":
                        assert n[2] > 0
                    else:
                        assert abs(n[2]) < 1e-3  # vertical up to mm rounding
                        assert np.dot(n[:2], ring[:-1, :2].mean(axis=0) - centre) > 0


def test_buildings_inside_tile_and_apart_from_real_building(buildings: list[etree._Element]) -> None:
    real = unary_union([Polygon(r[:, :2]) for r in _rings(etree.parse(str(REAL_GML)), "GroundSurface")])
    footprints = []
    for b in buildings:
        pts = np.vstack([r for kind in SURFACES for r in _rings(b, kind)])
        assert (pts[:, 0] > TILE[0]).all() and (pts[:, 0] < TILE[2]).all()
        assert (pts[:, 1] > TILE[1]).all() and (pts[:, 1] < TILE[3]).all()
        fp = unary_union([Polygon(r[:, :2]) for r in _rings(b, "GroundSurface")])
        assert fp.is_valid and not fp.intersects(real)
        footprints.append(fp)
    for i, a in enumerate(footprints):  # buildings may touch but never overlap
        for c in footprints[i + 1:]:
            assert a.intersection(c).area < 1e-6


def test_ground_on_dgm_minimum(buildings: list[etree._Element], dgm: tuple[np.ndarray, rasterio.Affine]) -> None:
    raster, transform = dgm
    for b in buildings:
        grounds = _rings(b, "GroundSurface")
        shapes = [Polygon(r[:, :2]).__geo_interface__ for r in grounds]
        mask = geometry_mask(shapes, raster.shape, transform, all_touched=True, invert=True)
        expected = float(raster[mask].min())
        z = np.concatenate([r[:, 2] for r in grounds])
        assert np.all(np.abs(z - expected) <= 0.01), b.get(f"{{{NS['gml']}}}id")
        lowest = min(r[:, 2].min() for kind in SURFACES for r in _rings(b, kind))
        assert lowest == pytest.approx(z.min())


# ----------------------------------------------------------------------------- sewer network (ISYBAU XML)
SEWER_GENERATOR = SAMPLE / "musterdorf" / "generate_sewer.py"
SEWER = SAMPLE / "musterdorf" / "kanal_isybau.xml"


def test_sewer_regenerates_byte_identically(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SEWER_GENERATOR), "--out", str(tmp_path)], check=True, capture_output=True)
    assert (tmp_path / SEWER.name).read_bytes() == SEWER.read_bytes()
    head = SEWER.read_bytes()[:300]
    assert head.startswith(b'<?xml version="1.0" encoding="iso-8859-1"') and b"\r\n" in head
    assert b'xmlns="http://www.bfr-abwasser.de"' in head


def test_sewer_network_lies_below_the_terrain(dgm: tuple[np.ndarray, rasterio.Affine]) -> None:
    from importers.isybau.parse import parse_isybau

    raster, transform = dgm
    parsed = parse_isybau(SEWER)
    assert parsed.version == "2017" and parsed.problems == [] and parsed.crs_lage == {"ETRS89_UTM32"}
    manholes = [n for n in parsed.nodes if n.attrs["art"] == "Schacht"]
    assert (len(parsed.nodes), len(manholes), len(parsed.reaches)) == (40, 38, 38)
    assert len(parsed.inspections) == 9 and {i.klasse for i in parsed.inspections} >= {0, 1, 5}

    def ground(x: float, y: float) -> float:
        row, col = rasterio.transform.rowcol(transform, x, y)
        return float(raster[row, col])

    for n in manholes:
        x, y = n.points[0].x - 32_000_000, n.points[0].y
        assert TILE[0] < x < TILE[2] and TILE[1] < y < TILE[3]
        assert n.attrs["deckelhoehe"] == pytest.approx(ground(x, y), abs=0.01)
        assert 1.5 <= n.attrs["deckelhoehe"] - n.attrs["sohlhoehe"] <= 3.5
    for r in parsed.reaches:
        a, start, end = r.attrs, r.points[0], r.points[-1]
        assert a["sohlhoehe_zulauf"] < ground(start.x - 32_000_000, start.y)
        assert a["sohlhoehe_ablauf"] < ground(end.x - 32_000_000, end.y)
        assert (a["sohlhoehe_zulauf"] - a["sohlhoehe_ablauf"]) / a["laenge_m"] >= 0.005 - 1e-9
        assert 250 <= a["dn_mm"] <= 600 and a["material"]


def test_sample_project_has_the_sewer_network(sample_project) -> None:
    store = sample_project.store
    assert (store.count("sewer_nodes"), store.count("sewer_reaches")) == (40, 38)
    assert store.count("sewer_observations") > 10
    assert store.get("sewer_reaches", "1010").attrs["zustandsklasse"] == 0  # Rohrbruch: ZK 0 (DWA-M 149-3)
    assert store.get("sewer_nodes", "PW01").attrs["art"] == "Bauwerk"


# ----------------------------------------------------------------------------- cadastre (ALKIS NAS) and trees
ALKIS_GENERATOR = SAMPLE / "musterdorf" / "generate_alkis.py"
ALKIS_NAS = SAMPLE / "musterdorf" / "musterdorf_alkis.xml"
TREES_GENERATOR = SAMPLE / "musterdorf" / "generate_trees.py"
TREES_CSV = SAMPLE / "musterdorf" / "baumkataster.csv"
METERS_CSV = SAMPLE / "musterdorf" / "wasserzaehler_abrechnung.csv"


def test_alkis_regenerates_byte_identically(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ALKIS_GENERATOR), "--out", str(tmp_path)], check=True, capture_output=True)
    assert (tmp_path / ALKIS_NAS.name).read_bytes() == ALKIS_NAS.read_bytes()
    head = ALKIS_NAS.read_bytes()[:1200].decode("utf-8")
    assert head.startswith('<?xml version="1.0" encoding="utf-8"?>') and "Synthetische NAS-Datei" in head
    assert 'xmlns="http://www.adv-online.de/namespaces/adv/gid/6.0"' in head


def test_trees_regenerate_byte_identically(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(TREES_GENERATOR), "--out", str(tmp_path)], check=True, capture_output=True)
    assert (tmp_path / TREES_CSV.name).read_bytes() == TREES_CSV.read_bytes()
    raw = TREES_CSV.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # Windows-1252, as municipal exports
    header = raw.decode("cp1252").split("\r\n", 1)[0]
    assert header.startswith("Baumnummer;Gattung;Art botanisch;Art deutsch;Baumhöhe;")
    assert "Kontrollbemerkung" in header


def test_sample_files_are_detected_and_import_without_problems(tmp_path: Path) -> None:
    from importers.base import detect_importer, import_files
    from importers.sample import SAMPLE_EXTENT, sample_files
    from twin.project import Project

    names = [p.name for p in sample_files()]
    assert names.index("BY_DGM1_690_5335.tif") < names.index(ALKIS_NAS.name) < names.index(METERS_CSV.name)
    assert detect_importer(ALKIS_NAS).name == "alkis-nas"
    assert detect_importer(TREES_CSV).name == "trees"  # not the meter or the flat cadastre importer
    project = Project.create(tmp_path / "p", crs=25832, name="t", extent=SAMPLE_EXTENT)
    try:
        trees, alkis = import_files(project, [TREES_CSV, ALKIS_NAS])
    finally:
        project.close()
    assert trees.problems == [] and alkis.problems == []
    assert trees.counts["Bäume"] == 98 and trees.counts["Koordinatensystem"] == "EPSG:25832"
    assert "nicht zugeordnete Spalten" not in trees.counts
    assert (alkis.counts["Flurstücke"], alkis.counts["Gebäude"], alkis.counts["übersprungen"]) == (120, 53, 0)


def test_sample_project_has_cadastre_with_owners(sample_project) -> None:
    store = sample_project.store
    assert (store.count("parcels"), store.count("cadastre_buildings")) == (120, 53)
    parcels = {f.attrs["flurstueckskennzeichen"]: f.attrs for f in store.features("parcels")}
    p = parcels["091234001001010000__"]  # Flurstück 101 = Hauptstraße 1, as in the meter export
    assert (p["lagebezeichnung"], p["gemarkung_name"], p["flur"]) == ("Hauptstraße 1", "Musterdorf", 1)
    assert p["nutzung"] == "Wohnbaufläche 100 %" and abs(p["amtliche_flaeche"] - p["berechnete_flaeche"]) < 1
    assert parcels["091234001000100000__"]["nutzung"] == "Platz (Marktplatz) 100 %"
    assert all(a["nutzung"] for a in parcels.values())
    owners = [f.attrs for f in store.features("owners")]
    persons = [o for o in owners if o["vorname"]]
    assert len(persons) > 100 and all(o["geburtsdatum"] and o["anschrift"] for o in persons)
    assert all(o["nachname_oder_firma"].startswith("Muster") for o in persons)  # invented names only
    assert len({(o["nachname_oder_firma"], o["vorname"]) for o in persons}) == len(persons)
    register = [f.attrs for f in store.features("land_register")]
    names = [r for r in register if r["objektart"] == "AX_Namensnummer"]
    assert {r["anteil"] for r in names} >= {None, "1/2", "1/3"}
    assert {r["person_id"] for r in names} == {o["gml_id"] for o in owners}
    booked = {fid for r in register if r["objektart"] == "AX_Buchungsstelle" for fid in r["flurstueck_ids"]}
    assert booked == {a["gml_id"] for a in parcels.values()}  # every parcel has an owner


def test_every_building_stands_on_its_parcel(sample_project) -> None:
    import shapely

    store = sample_project.store
    parcels = store.features("parcels")
    tree = shapely.STRtree([f.geometry for f in parcels])
    village = [f for f in store.features("buildings") if f.attrs["gml_id"].startswith("DEBY_MUSTER_")]
    assert len(village) == 55  # 53 buildings + 2 BuildingParts
    for b in village:
        hits = [parcels[i] for i in tree.query(b.geometry, predicate="intersects")
                if parcels[i].geometry.buffer(0.01).contains(b.geometry)]
        assert len(hits) == 1, b.attrs["gml_id"]
        if not b.attrs["parent_id"]:
            address = b.attrs["address"].split(",")[0]
            assert address in hits[0].attrs["lagebezeichnung"].split("; "), b.attrs["gml_id"]
    for b in store.features("cadastre_buildings"):
        assert any(p.geometry.buffer(0.01).contains(b.geometry) for p in parcels), b.attrs["gml_id"]
    # parcels do not overlap
    geoms = [f.geometry for f in parcels]
    for i, j in zip(*tree.query(geoms, predicate="intersects")):
        if i < j:
            assert geoms[i].intersection(geoms[j]).area < 0.01


def test_meter_addresses_match_parcel_lagebezeichnung(sample_project) -> None:
    import csv
    import io

    from importers.meters.locate import ParcelIndex

    idx = ParcelIndex.load(sample_project.store)
    rows = list(csv.DictReader(io.StringIO(METERS_CSV.read_bytes().decode("cp1252")), delimiter=";"))
    with_address = [r for r in rows if r["Straße"] and r["Hausnummer"]]
    assert len(with_address) == len(rows) > 80
    for r in with_address:
        by_address = idx.address(r["Straße"], r["Hausnummer"])
        assert not isinstance(by_address, str), by_address
        by_parcel = idx.parcel(r["Flurstück"])  # "101" or "091234001001010000__": the same parcel
        assert not isinstance(by_parcel, str) and by_parcel.kennzeichen == by_address.kennzeichen


def test_sample_trees_with_notes_stand_outside_buildings(sample_project) -> None:
    import shapely

    store = sample_project.store
    trees = store.features("trees")
    assert len(trees) == 98
    notes = [t.attrs["kontrollbemerkung"] for t in trees if t.attrs["kontrollbemerkung"]]
    assert len(notes) >= 40 and any("Brandkrustenpilz" in n for n in notes)
    assert all(t.attrs[f] for t in trees for f in ("art", "art_deutsch", "gattung", "baumhoehe_m",
                                                     "kronendurchmesser_m", "stammumfang_cm", "pflanzjahr",
                                                     "vitalitaet", "letzte_kontrolle", "naechste_kontrolle"))
    assert {t.attrs["vitalitaet"] for t in trees} <= {"0", "1", "2", "3"}
    footprints = shapely.union_all([f.geometry for f in store.features("buildings")])
    points = shapely.MultiPoint([t.geometry for t in trees])
    assert not footprints.intersects(points)
    assert min(footprints.distance(t.geometry) for t in trees) >= 2.5
    parcels = store.features("parcels")  # every tree stands on a public parcel: street, square, school, green
    public = [p.geometry for p in parcels if not p.attrs["nutzung"].startswith(("Wohnbau", "Fläche gemischter",
                                                                                "Industrie"))]
    assert all(any(g.covers(t.geometry) for g in public) for t in trees)


def test_personal_sample_values_are_not_in_public_sample_files(sample_project) -> None:
    """Owner names and inspection notes occur in their own source file only (the leak test needs them unique)."""
    store = sample_project.store
    owners = {o.attrs["nachname_oder_firma"] for o in store.features("owners")}
    notes = {t.attrs["kontrollbemerkung"] for t in store.features("trees") if t.attrs["kontrollbemerkung"]}
    others = {p.name: p.read_bytes() for p in (SAMPLE / "musterdorf").iterdir()
              if p.is_file() and p.suffix != ".py" and p.name not in (ALKIS_NAS.name, TREES_CSV.name)}
    for name, data in others.items():
        text = data.decode("cp1252" if name.endswith(".csv") else "utf-8", errors="replace")
        assert not [o for o in owners if o in text], name
        assert not [n for n in notes if n in text], name
