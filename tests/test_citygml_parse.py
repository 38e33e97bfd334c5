"""CityGML 1.0/2.0 parser against real state data (tests/data/citygml, see SOURCES.md).

Expected figures are counted independently with plain lxml XPath on the same file and, where
known, also stated as numbers.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from lxml import etree

from importers.citygml.model import CityModelFile
from importers.citygml.parse import parse_citygml
from twin.crs import horizontal_epsg
from twin.errors import Cancelled, FormatError

DATA = Path(__file__).parent / "data" / "citygml"
DEBY = DATA / "DEBY_LOD2_4959457.gml"
KOELN = DATA / "LoD2_32_354_5652_1_NW.gml"
BERLIN = DATA / "Berlin_LoD2_3910_5819.gml"
MOABIT = DATA / "Berlin_Moabit_1Bldg_v2.gml"
BIELEFELD = DATA / "LoD1_474_5756_1_NW.gml"
GML = "http://www.opengis.net/gml"


def xpath(path: Path, expr: str) -> list:
    """XPath on the whole file with local-name() tests, independent of the parser."""
    return etree.parse(str(path)).xpath(expr)


def count(path: Path, local_name: str) -> int:
    return int(xpath(path, f"count(//*[local-name()='{local_name}'])"))


def kinds(model: CityModelFile) -> Counter:
    return Counter(s.kind for b in model.buildings for s in b.surfaces)


def rings(model: CityModelFile) -> list[np.ndarray]:
    return [r for b in model.buildings for s in b.surfaces for p in s.polygons for r in p]


def polygon_count(model: CityModelFile) -> int:
    return sum(len(s.polygons) for b in model.buildings for s in b.surfaces)


def polygon_coordinate_bounds(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Min/max x, y, z over every posList inside a gml:Polygon (all files here are 3D)."""
    values = np.concatenate([
        np.array(t.split(), dtype=float)
        for t in xpath(path, "//*[local-name()='Polygon']//*[local-name()='posList']/text()")
    ]).reshape(-1, 3)
    return values.min(axis=0), values.max(axis=0)


@pytest.fixture(scope="module")
def deby() -> CityModelFile:
    return parse_citygml(DEBY)


@pytest.fixture(scope="module")
def koeln() -> CityModelFile:
    return parse_citygml(KOELN)


@pytest.fixture(scope="module")
def bielefeld() -> CityModelFile:
    return parse_citygml(BIELEFELD)


# --- real files ---------------------------------------------------------------------------

def test_bavarian_lod2_building(deby):
    assert deby.version == "2.0"
    assert "25832" in deby.srs_name and deby.srs_dimension == 3
    assert deby.problems == []
    [b] = deby.buildings
    assert (b.gml_id, b.parent_id, b.lod) == ("DEBY_LOD2_4959457", None, 2)
    assert b.line == xpath(DEBY, "//*[local-name()='Building']")[0].sourceline
    counts = {k: count(DEBY, k) for k in ("RoofSurface", "WallSurface", "GroundSurface")}
    assert counts == {"RoofSurface": 20, "WallSurface": 63, "GroundSurface": 1}
    assert kinds(deby) == counts
    assert not any(s.derived for s in b.surfaces)
    assert polygon_count(deby) == count(DEBY, "Polygon") == 84
    assert sum(len(p) - 1 for s in b.surfaces for p in s.polygons) == count(DEBY, "interior") == 6
    a = b.attributes
    assert a["measured_height"] == pytest.approx(37.54)
    assert a["storeys_above_ground"] == 6
    assert (a["function"], a["roof_type"], a["creation_date"]) == ("31001_3020", "3200", "2022-09-01")
    assert a["name"] == "DEBY_LOD2_4959457"
    assert a["address"] == "Arcisstraße 21, München"
    assert a["generic"] == {}
    surface_ids = {s.gml_id for s in b.surfaces}
    assert "DEBY_LOD2_4959457_9e796a00-4ff1-475a-9e79-574a17c3e1f2" in surface_ids


def test_rings_are_open_3d_float_arrays_in_file_coordinates(deby):
    lo, hi = polygon_coordinate_bounds(DEBY)
    all_rings = rings(deby)
    for r in all_rings:
        assert r.dtype == np.float64 and r.ndim == 2 and r.shape[1] == 3 and len(r) >= 3
        assert not np.array_equal(r[0], r[-1])  # closing point removed
    pts = np.vstack(all_rings)
    np.testing.assert_allclose(pts.min(axis=0), lo)
    np.testing.assert_allclose(pts.max(axis=0), hi)
    assert 690900 < lo[0] and hi[0] < 691100 and 5335900 < lo[1] and hi[1] < 5336200  # easting first
    # each closed posList (n points) gives an open ring of n - 1 points
    n_points = sum(len(t.split()) // 3 for t in xpath(DEBY, "//*[local-name()='posList']/text()"))
    assert len(pts) == n_points - count(DEBY, "LinearRing")


def test_nrw_lod2_tile_with_building_parts(koeln):
    assert koeln.version == "1.0"
    assert koeln.srs_name == "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016"
    assert koeln.problems == []
    buildings = [b for b in koeln.buildings if b.parent_id is None]
    parts = [b for b in koeln.buildings if b.parent_id is not None]
    assert len(buildings) == count(KOELN, "Building") == 42
    assert len(parts) == count(KOELN, "BuildingPart") == 9
    expected_parents = {
        p.get(f"{{{GML}}}id"): p.xpath("ancestor::*[local-name()='Building']")[0].get(f"{{{GML}}}id")
        for p in xpath(KOELN, "//*[local-name()='BuildingPart']")
    }
    assert {p.gml_id: p.parent_id for p in parts} == expected_parents
    assert len({b.gml_id for b in koeln.buildings}) == 51
    assert all(b.lod == 2 for b in koeln.buildings)
    # lod2Solid references the boundary polygons by xlink:href: every polygon counted once
    assert count(KOELN, "lod2Solid") > 0
    assert polygon_count(koeln) == count(KOELN, "Polygon") == 465
    semantic = ("RoofSurface", "WallSurface", "GroundSurface", "ClosureSurface")
    assert kinds(koeln) == {k: count(KOELN, k) for k in semantic}
    assert kinds(koeln) == {"RoofSurface": 53, "WallSurface": 354, "GroundSurface": 47, "ClosureSurface": 10}
    pts = np.vstack(rings(koeln))
    lo, hi = polygon_coordinate_bounds(KOELN)
    np.testing.assert_allclose(pts.min(axis=0), lo)
    np.testing.assert_allclose(pts.max(axis=0), hi)
    # 1 km tile 354/5652; buildings on the tile edge reach beyond it (x max 355025.507, y min 5651994.36)
    assert 353900 < lo[0] and hi[0] < 355100 and 5651900 < lo[1] and hi[1] < 5653100
    assert 30 < lo[2] and hi[2] < 120  # DHHN2016 heights in Köln


def test_nrw_lod2_attributes(koeln):
    by_id = {b.gml_id: b for b in koeln.buildings}
    first = by_id["DENW37AL1000joGl"]
    assert first.attributes["function"] == "31001_2010"
    assert first.attributes["measured_height"] == pytest.approx(11.785)
    assert first.attributes["storeys_above_ground"] == 3
    assert first.attributes["generic"]["Gemeindeschluessel"] == "05315000"
    assert len(first.attributes["generic"]) == 6
    storeys = [b for b in koeln.buildings if b.attributes["storeys_above_ground"] is not None]
    assert len(storeys) == count(KOELN, "storeysAboveGround") == 33
    heights = [b for b in koeln.buildings if b.attributes["measured_height"] is not None]
    assert len(heights) == count(KOELN, "measuredHeight") == 47
    addressed = [b.attributes["address"] for b in koeln.buildings if b.attributes["address"]]
    assert len(addressed) == int(xpath(KOELN, "count(//*[*[local-name()='address']])")) == 25
    assert "Scarletallee 11, Köln" in addressed


def test_berlin_lod2_tile_utm33():
    model = parse_citygml(BERLIN)
    assert model.version == "2.0"
    assert "25833" in model.srs_name
    assert len(model.buildings) == count(BERLIN, "Building") == 35
    assert all(b.parent_id is None for b in model.buildings)
    assert polygon_count(model) == count(BERLIN, "Polygon") == 1207
    assert kinds(model) == {"RoofSurface": 59, "WallSurface": 136, "GroundSurface": 35}
    assert sum(b.attributes["measured_height"] is not None for b in model.buildings) == 34
    lo, hi = polygon_coordinate_bounds(BERLIN)
    pts = np.vstack(rings(model))
    np.testing.assert_allclose(pts.min(axis=0), lo)
    np.testing.assert_allclose(pts.max(axis=0), hi)
    assert 390000 < lo[0] < hi[0] < 393000 and 5818000 < lo[1] < hi[1] < 5821000


def test_moabit_compound_urn_and_generic_attributes():
    model = parse_citygml(MOABIT)
    assert model.srs_name == "urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783"
    assert horizontal_epsg(model.srs_name) == 25833
    [b] = model.buildings
    assert b.gml_id == "BLDG_0003000b001e15b2"
    assert kinds(model) == {"RoofSurface": 1, "WallSurface": 1, "GroundSurface": 1}
    assert polygon_count(model) == count(MOABIT, "Polygon") == 6
    generic = b.attributes["generic"]
    n_generic = sum(count(MOABIT, k) for k in ("stringAttribute", "intAttribute", "doubleAttribute"))
    assert len(generic) == n_generic == 18
    assert generic["H_First_Min"] == "37.13551" and generic["EIG_KL_ST"] == "1" and generic["FOLIE"] == "011"
    assert b.attributes["function"] == "1179"
    assert b.attributes["measured_height"] == pytest.approx(4.08551)
    assert b.attributes["address"] == "Hildebrandstr. 18, Berlin"


def test_nrw_lod1_tile_derives_surfaces_from_solids(bielefeld):
    assert bielefeld.version == "1.0" and bielefeld.problems == []
    parts = [b for b in bielefeld.buildings if b.parent_id]
    assert len(bielefeld.buildings) - len(parts) == count(BIELEFELD, "Building") == 81
    assert len(parts) == count(BIELEFELD, "BuildingPart") == 36
    assert all(s.derived for b in bielefeld.buildings for s in b.surfaces)
    assert all(b.lod == 1 for b in bielefeld.buildings)  # parents with only parts inherit the parts' LoD
    assert polygon_count(bielefeld) == count(BIELEFELD, "Polygon") == 732
    # every LoD1 block has exactly one flat top and one flat bottom
    n_solids = count(BIELEFELD, "lod1Solid")
    assert n_solids == 100
    assert kinds(bielefeld) == {"RoofSurface": n_solids, "GroundSurface": n_solids, "WallSurface": 732 - 2 * n_solids}
    for b in bielefeld.buildings:
        if b.surfaces:
            top = [p[0][:, 2].mean() for s in b.surfaces if s.kind == "RoofSurface" for p in s.polygons]
            bottom = [p[0][:, 2].mean() for s in b.surfaces if s.kind == "GroundSurface" for p in s.polygons]
            assert min(top) > max(bottom)
    pts = np.vstack(rings(bielefeld))
    lo, hi = polygon_coordinate_bounds(BIELEFELD)
    np.testing.assert_allclose(pts.min(axis=0), lo)
    np.testing.assert_allclose(pts.max(axis=0), hi)
    assert 473900 < lo[0] and hi[0] < 475100 and 5755900 < lo[1] and hi[1] < 5757100  # tile 474/5756


def test_solid_hrefs_resolved_without_semantic_surfaces(tmp_path):
    """Köln tile rewritten so that each building keeps only its lod2Solid (xlink:href to the
    polygons) plus one plain lod2MultiSurface holding those polygons: faces are derived, each once."""
    tree = etree.parse(str(KOELN))
    ns = {"bldg": "http://www.opengis.net/citygml/building/1.0", "gml": GML}
    for building in tree.xpath("//bldg:Building | //bldg:BuildingPart", namespaces=ns):
        bounded = building.xpath("bldg:boundedBy", namespaces=ns)
        if not bounded:
            continue
        prop = etree.SubElement(building, f"{{{ns['bldg']}}}lod2MultiSurface")
        multi = etree.SubElement(prop, f"{{{GML}}}MultiSurface")
        for b in bounded:
            for poly in b.xpath(".//gml:Polygon", namespaces=ns):
                etree.SubElement(multi, f"{{{GML}}}surfaceMember").append(poly)
            building.remove(b)
    path = tmp_path / "koeln_ohne_semantik.gml"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")

    model = parse_citygml(path)
    assert model.problems == []
    assert all(s.derived for b in model.buildings for s in b.surfaces)
    assert polygon_count(model) == 465
    derived = {s.gml_id: s.kind for b in model.buildings for s in b.surfaces}
    assert len(derived) == 465  # one face per polygon, keyed by the polygon's gml:id
    grounds = xpath(KOELN, "//*[local-name()='GroundSurface']//*[local-name()='Polygon']/@*[local-name()='id']")
    assert len(grounds) == 47 and all(derived[g] == "GroundSurface" for g in grounds)


def test_unresolvable_href_is_a_problem_not_a_crash(tmp_path):
    tree = etree.parse(str(KOELN))
    for b in tree.xpath("//*[local-name()='boundedBy' and ancestor::*[local-name()='Building']]"):
        b.getparent().remove(b)
    path = tmp_path / "koeln_ohne_flaechen.gml"
    tree.write(str(path))
    model = parse_citygml(path)
    assert len(model.buildings) == 51
    hrefs = [p for p in model.problems if "Geometrie-Verweis" in p.message]
    assert len(hrefs) == count(KOELN, "surfaceMember") - count(KOELN, "Polygon") == 465
    assert all(p.gml_id and p.line for p in hrefs)


@pytest.mark.parametrize("encoding", ["pos", "coordinates"])
def test_pos_and_coordinates_encodings_give_the_same_rings(tmp_path, deby, encoding):
    """The DEBY building rewritten with gml:pos points or GML 2 style gml:coordinates."""
    tree = etree.parse(str(DEBY))
    for pos_list in tree.xpath("//gml:posList", namespaces={"gml": GML}):
        xyz = pos_list.text.split()
        points = [xyz[i:i + 3] for i in range(0, len(xyz), 3)]
        ring = pos_list.getparent()
        ring.remove(pos_list)
        if encoding == "pos":
            for p in points:
                etree.SubElement(ring, f"{{{GML}}}pos").text = " ".join(p)
        else:
            etree.SubElement(ring, f"{{{GML}}}coordinates").text = " ".join(",".join(p) for p in points)
    path = tmp_path / f"deby_{encoding}.gml"
    tree.write(str(path))
    model = parse_citygml(path)
    assert model.problems == [] and kinds(model) == kinds(deby)
    got, expected = rings(model), rings(deby)
    assert len(got) == len(expected) == 90
    for a, b in zip(got, expected):
        np.testing.assert_array_equal(a, b)


def test_gzip_file_gives_the_same_result(tmp_path, koeln):
    path = tmp_path / "koeln.gml.gz"
    path.write_bytes(gzip.compress(KOELN.read_bytes()))
    model = parse_citygml(path)
    assert [b.gml_id for b in model.buildings] == [b.gml_id for b in koeln.buildings]
    assert kinds(model) == kinds(koeln)


# --- progress and cancel ------------------------------------------------------------------

def test_progress_reports_bytes_while_reading():
    calls: list[tuple[int, int]] = []
    parse_citygml(BERLIN, progress=lambda done, total: calls.append((done, total)))
    size = BERLIN.stat().st_size
    assert len(calls) > 5
    assert all(total == size for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[0] < size / 2 and done[-1] == size


def test_cancel_raises_cancelled():
    calls: list[int] = []
    with pytest.raises(Cancelled) as exc:
        parse_citygml(BERLIN, progress=lambda done, total: calls.append(done), cancel=lambda: len(calls) >= 2)
    assert exc.value.path == str(BERLIN)
    assert len(calls) == 2  # stopped right after the request, long before the end
    with pytest.raises(Cancelled):
        parse_citygml(DEBY, cancel=lambda: True)


# --- broken input -------------------------------------------------------------------------

def test_truncated_file_is_a_format_error_with_line(tmp_path):
    data = BERLIN.read_bytes()
    path = tmp_path / "Berlin_halb.gml"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FormatError) as exc:
        parse_citygml(path)
    err = exc.value
    assert err.path == str(path)
    assert err.line == data[: len(data) // 2].count(b"\n") + 1  # the last line of the cut file
    assert "Berlin_halb.gml" in str(err) and f"Zeile {err.line}" in str(err)
    assert "nicht wohlgeformt" in err.message and "vorzeitig" in err.message


def test_malformed_xml_in_the_middle_is_not_called_truncated(tmp_path):
    text = DEBY.read_text(encoding="utf-8").replace("</bldg:function>", "</bldg:funktion>", 1)
    path = tmp_path / "kaputt.gml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as exc:
        parse_citygml(path)
    expected_line = text[: text.index("</bldg:funktion>")].count("\n") + 1
    assert exc.value.line == expected_line
    assert "nicht wohlgeformt" in exc.value.message and "vorzeitig" not in exc.value.message


def test_xml_that_is_not_citygml(tmp_path):
    path = tmp_path / "track.gpx"
    path.write_text('<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1">'
                    '<trk><name>x</name></trk></gpx>', encoding="utf-8")
    with pytest.raises(FormatError, match="Keine CityGML-Datei"):
        parse_citygml(path)


def test_empty_citygml3_model(tmp_path):
    path = tmp_path / "v3.gml"
    path.write_text('<core:CityModel xmlns:core="http://www.opengis.net/citygml/3.0" '
                    'xmlns:gml="http://www.opengis.net/gml/3.2"/>', encoding="utf-8")
    model = parse_citygml(path)
    assert model.version == "3.0" and model.buildings == []


# --- CityGML 3.0 (GML 3.2, core:boundary, con: surfaces, con:height, genericAttribute, xAL 3) --------------

CG3 = DATA / "CityGML3_Building_LOD2_with_several_attributes.gml"
MOABIT3 = DATA / "Berlin_Moabit_1Bldg_v3.gml"


def test_citygml3_building_with_attributes():
    model = parse_citygml(CG3)
    assert model.version == "3.0" and model.problems == []
    assert model.srs_name == "urn:adv:crs:DE_DHDN_3GK4*DE_DHHN92_NH" and model.srs_dimension == 3
    assert len(model.buildings) == count(CG3, "Building") == 1
    b = model.buildings[0]
    assert b.gml_id == xpath(CG3, "string(//*[local-name()='Building']/@*[local-name()='id'])")
    assert b.lod == 2 and b.parent_id is None
    for kind in ("RoofSurface", "WallSurface", "GroundSurface"):
        assert kinds(model)[kind] == count(CG3, kind)
    assert (kinds(model)["RoofSurface"], kinds(model)["WallSurface"], kinds(model)["GroundSurface"]) == (2, 8, 1)
    # every polygon once, although the lod2Solid references all of them again
    assert polygon_count(model) == count(CG3, "Polygon") == 11
    a = b.attributes
    assert a["function"] == "31001_9998" and a["roof_type"] == "3100" and a["measured_height"] == 8.55
    assert a["address"] == "Am Hang 15, 85665 Moosach" and a["creation_date"] == "2014-10-08T00:00:00"
    assert a["generic"] == {"StandLK": "2014-07-28", "Gemeindeschluessel": "09175128"}
    lo, hi = polygon_coordinate_bounds(CG3)
    pts = np.vstack(rings(model))
    assert np.allclose(pts.min(axis=0), lo) and np.allclose(pts.max(axis=0), hi)


def test_citygml3_conversion_equals_citygml2_original():
    v2, v3 = parse_citygml(MOABIT), parse_citygml(MOABIT3)
    assert v3.version == "3.0" and v2.version == "2.0"
    b2, b3 = v2.buildings[0], v3.buildings[0]
    assert b3.gml_id == b2.gml_id and b3.lod == b2.lod == 2
    assert kinds(v3) == kinds(v2)
    for key in ("function", "measured_height", "address", "generic"):
        assert b3.attributes[key] == b2.attributes[key], key
    assert len(b3.attributes["generic"]) == count(MOABIT3, "genericAttribute") == 18
    assert np.allclose(np.vstack(rings(v3)), np.vstack(rings(v2)))


def test_empty_file(tmp_path):
    path = tmp_path / "leer.gml"
    path.write_bytes(b"")
    with pytest.raises(FormatError, match="leer"):
        parse_citygml(path)


def _deby_with_first_poslist(tmp_path: Path, replacement: str) -> tuple[Path, int]:
    text = DEBY.read_text(encoding="utf-8")
    start = text.index("<gml:posList>") + len("<gml:posList>")
    end = text.index("</gml:posList>", start)
    path = tmp_path / "deby_kaputt.gml"
    path.write_text(text[:start] + replacement + text[end:], encoding="utf-8")
    return path, text[:start].count("\n") + 1


@pytest.mark.parametrize(("replacement", "reason"), [
    ("a b c", "nicht-numerische Koordinate 'a'"),
    ("691018.282 5336085.409 540.61 691018.282 5336085.409 545.4 691018.282 5336085.409 540.61",
     "weniger als 3 verschiedene Punkte"),
    ("691018.282 5336085.409 540.61 691018.282 5336085.409 545.4 691035.569", "kein Vielfaches der Dimension 3"),
])
def test_broken_polygon_is_skipped_and_listed(tmp_path, replacement, reason):
    path, line = _deby_with_first_poslist(tmp_path, replacement)
    model = parse_citygml(path)
    [b] = model.buildings
    assert polygon_count(model) == 83  # the other polygons are all there
    assert sum(kinds(model).values()) == 83  # the wall with the broken polygon has no polygon left
    [problem] = model.problems
    assert problem.gml_id == "DEBY_LOD2_4959457" and problem.line == line
    assert "übersprungen" in problem.message and reason in problem.message


def test_non_numeric_height_is_a_problem(tmp_path):
    path = tmp_path / "hoehe.gml"
    path.write_text(DEBY.read_text(encoding="utf-8").replace(">37.54<", ">hoch<"), encoding="utf-8")
    model = parse_citygml(path)
    [b] = model.buildings
    assert b.attributes["measured_height"] is None and b.attributes["storeys_above_ground"] == 6
    [problem] = model.problems
    assert "measuredHeight" in problem.message and "hoch" in problem.message
    assert problem.gml_id == "DEBY_LOD2_4959457"


def test_building_without_id_is_skipped(tmp_path):
    path = tmp_path / "ohne_id.gml"
    path.write_text(DEBY.read_text(encoding="utf-8").replace('<bldg:Building gml:id="DEBY_LOD2_4959457">',
                                                             "<bldg:Building>"), encoding="utf-8")
    model = parse_citygml(path)
    assert model.buildings == []
    [problem] = model.problems
    assert "ohne gml:id" in problem.message and problem.line == count_line(DEBY, "<bldg:Building ")


def count_line(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_surface_area_and_normal_at_utm_magnitudes():
    """Newell area/normal of walls, tilted roofs and holed polygons far from the origin (UTM, DHHN heights)."""
    import numpy as np
    from shapely.geometry import Polygon

    from importers.citygml.geometry import face_normal, kind_from_normal
    from importers.citygml.load import _area3d

    x, y, z = 690123.456, 5335987.654, 512.3
    wall = np.array([[x, y, z], [x + 6, y + 8, z], [x + 6, y + 8, z + 3], [x, y, z + 3]])  # 10 m x 3 m
    assert _area3d(Polygon(wall)) == pytest.approx(30.0, abs=1e-6)
    assert kind_from_normal(wall) == "WallSurface" and abs(face_normal(wall)[2]) < 1e-9
    # a roof rising 4 m over 8 m run, 5 m wide: 5 * sqrt(8² + 4²)
    roof = np.array([[x, y, z], [x + 5, y, z], [x + 5, y + 8, z + 4], [x, y + 8, z + 4]])
    assert _area3d(Polygon(roof)) == pytest.approx(5 * np.hypot(8, 4), abs=1e-6)
    assert kind_from_normal(roof) == "RoofSurface" and kind_from_normal(roof[::-1]) == "GroundSurface"
    hole = [(x + 1, y + 1, z), (x + 1, y + 2, z), (x + 2, y + 2, z), (x + 2, y + 1, z)]
    floor = Polygon([(x, y, z), (x, y + 4, z), (x + 4, y + 4, z), (x + 4, y, z)], [hole])
    assert _area3d(floor) == pytest.approx(15.0, abs=1e-6)
