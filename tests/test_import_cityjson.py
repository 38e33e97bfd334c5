"""CityJSON 1.1 / 2.0 import on real files (tests/data/cityjson, see SOURCES.md), both backends.

Expected figures are counted independently from the plain JSON (json.load), not from the parser.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from importers.base import detect_importer, import_file
from importers.cityjson.load import CityJSONImporter
from importers.cityjson.parse import parse_cityjson
from twin.errors import CRSError, FormatError

from tests.conftest import DATA
from tests.test_import_citygml import snapshot

CJ = DATA / "cityjson"
DELFT = CJ / "cjio_delft.json"            # 2.0, EPSG:7415 (RD New + NAP), LoD1 Solids, no semantics
DENHAAG = CJ / "cjio_DH_01_subs.city.json"  # 1.1, no CRS, Building + BuildingPart, LoD2 Solids, semantics
ROTTERDAM = CJ / "cjio_rotterdam_subset.json"  # 2.0, no CRS, LoD2 MultiSurface, semantics
RD_TO_UTM32 = Transformer.from_crs(28992, 25832, always_xy=True)


def doc(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def types(path: Path) -> Counter:
    return Counter(o["type"] for o in doc(path)["CityObjects"].values())


def real_vertices(path: Path) -> np.ndarray:
    d = doc(path)
    return np.asarray(d["vertices"], float) * d["transform"]["scale"] + d["transform"]["translate"]


def semantic_surfaces(path: Path) -> Counter:
    """(object, semantic surface) pairs that polygons refer to, by surface type – straight from the JSON."""
    out: Counter = Counter()
    for o in doc(path)["CityObjects"].values():
        if o["type"] not in ("Building", "BuildingPart"):
            continue
        for g in o.get("geometry", []):
            values = np.asarray(g["semantics"]["values"], dtype=object).ravel() if "semantics" in g else []
            used = {v for v in (np.concatenate([np.ravel(x) for x in values]) if len(values) else []) if v is not None}
            out.update(g["semantics"]["surfaces"][int(i)]["type"] for i in used)
    return out


def utm_extent(path: Path, margin: float = 200.0) -> tuple[float, float, float, float]:
    v = real_vertices(path)
    x, y = RD_TO_UTM32.transform(v[:, 0], v[:, 1])
    return (x.min() - margin, y.min() - margin, x.max() + margin, y.max() + margin)


def test_delft_compound_crs_reprojected_into_utm32(new_project):
    p = new_project(extent=utm_extent(DELFT))  # a German project (EPSG:25832+7837) with an extent in Delft
    r = import_file(p, DELFT, actor="bauamt")
    assert isinstance(detect_importer(DELFT), CityJSONImporter)
    assert r.counts["CityJSON"] == "2.0" and r.source_crs.endswith("EPSG/0/7415")
    assert r.counts["Gebäude"] == types(DELFT)["Building"] == 160 and r.counts["Gebäudeteile"] == 0
    assert p.store.count("buildings") == 160 and r.problems == []
    assert {f.attrs["lod"] for f in p.store.features("buildings")} == {1}
    # surfaces without semantics: kind from the normal, flagged as derived
    assert all(f.attrs["derived"] for f in p.store.features("building_surfaces"))
    # one quantised vertex, dequantised and reprojected independently, is found in the store (1 mm)
    v = real_vertices(DELFT)
    first = doc(DELFT)["CityObjects"]
    bid = next(k for k, o in first.items() if o["type"] == "Building")
    corner = v[first[bid]["geometry"][0]["boundaries"][0][0][0][0]]
    ex, ey = RD_TO_UTM32.transform(corner[0], corner[1])
    pts = np.vstack([shapely.get_coordinates(f.geometry, include_z=True)
                     for f in p.store.features("building_surfaces") if f.attrs["building_id"] == bid])
    d = np.hypot(pts[:, 0] - ex, pts[:, 1] - ey)
    assert d.min() < 0.001 and pts[d.argmin(), 2] == pytest.approx(corner[2])  # NAP height kept as is
    b = p.store.get("buildings", bid)
    assert b.attrs["measured_height"] == first[bid]["attributes"].get("measuredHeight")
    assert b.attrs["generic"]["lokaalid"] == first[bid]["attributes"]["lokaalid"]


def test_dutch_project_crs(new_project):
    v = real_vertices(DELFT)
    p = new_project(crs=28992, extent=(v[:, 0].min(), v[:, 1].min(), v[:, 0].max(), v[:, 1].max()))
    r = import_file(p, DELFT)
    assert r.counts["Gebäude"] == 160
    xy = np.vstack([shapely.get_coordinates(f.geometry) for f in p.store.features("buildings")])
    assert xy[:, 0].min() >= v[:, 0].min() - 1e-6 and xy[:, 1].max() <= v[:, 1].max() + 1e-6


def test_cityjson_1_1_building_parts_and_semantics(new_project):
    p = new_project(crs=28992, extent=None)
    r = CityJSONImporter(source_crs="EPSG:7415")(p, DENHAAG)
    t = types(DENHAAG)
    assert r.counts["CityJSON"] == "1.1" and r.problems == []
    assert (r.counts["Gebäude"], r.counts["Gebäudeteile"]) == (t["Building"], t["BuildingPart"]) == (4, 8)
    objs = doc(DENHAAG)["CityObjects"]
    for f in p.store.features("buildings"):
        o = objs[f.attrs["gml_id"]]
        assert f.attrs["parent_id"] == (o["parents"][0] if o["type"] == "BuildingPart" else None)
        assert f.geometry is not None and f.geometry.has_z and f.attrs["lod"] == 2
    kinds = Counter(f.attrs["surface_type"] for f in p.store.features("building_surfaces"))
    assert kinds == semantic_surfaces(DENHAAG)
    assert (kinds["WallSurface"], kinds["RoofSurface"], kinds["GroundSurface"]) == (48, 13, 9)
    assert not any(f.attrs["derived"] for f in p.store.features("building_surfaces"))


def test_cityjson_2_0_multisurface(new_project):
    p = new_project(crs=28992, extent=None)
    r = CityJSONImporter(source_crs="EPSG:28992")(p, ROTTERDAM)
    assert r.counts["Gebäude"] == types(ROTTERDAM)["Building"] == 16
    kinds = Counter(f.attrs["surface_type"] for f in p.store.features("building_surfaces"))
    assert kinds == semantic_surfaces(ROTTERDAM)
    # faces with fewer than three distinct points are reported per object, the rest is imported
    assert r.problems and all(q.feature in doc(ROTTERDAM)["CityObjects"] for q in r.problems)
    # degenerate faces are dropped, the buildings are not: nothing is counted as skipped
    assert r.counts["übersprungen"] == 0 and r.counts["mit Hinweisen"] == len({q.feature for q in r.problems})


def test_reimport_is_idempotent(new_project):
    p = new_project(crs=28992, extent=None)
    imp = CityJSONImporter(source_crs="EPSG:7415")
    imp(p, DENHAAG)
    before = (p.store.count("buildings"), p.store.count("building_surfaces"), len(p.store.history()))
    again = imp(p, DENHAAG)
    assert (again.counts["neu"], again.counts["geändert"], again.counts["unverändert"]) == (0, 0, 12)
    assert again.counts["Flächen neu/geändert/entfernt"] == "0/0/0"
    assert (p.store.count("buildings"), p.store.count("building_surfaces"), len(p.store.history())) == before


def test_highest_lod_is_chosen(tmp_path):
    d = doc(DENHAAG)
    oid, obj = next((k, o) for k, o in d["CityObjects"].items() if o.get("geometry"))
    lod1 = json.loads(json.dumps(obj["geometry"][0]))
    lod1.pop("semantics")
    lod1["lod"] = "1.2"
    obj["geometry"].insert(0, lod1)
    obj["geometry"][1]["lod"] = "2.2"
    path = tmp_path / "zwei_lods.city.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    b = next(b for b in parse_cityjson(path).buildings if b.gml_id == oid)
    assert b.lod == 2 and not any(s.derived for s in b.surfaces)


# ---------------------------------------------------------------- bad input
def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_invalid_json_names_line_and_column(new_project, tmp_path):
    p = new_project(crs=28992, extent=None)
    CityJSONImporter(source_crs="EPSG:7415")(p, DENHAAG)
    before = snapshot(p)
    text = json.dumps(doc(DENHAAG), indent=1)
    cut = text.index('"boundaries"')
    bad = _write(tmp_path, "kaputt.city.json", text[:cut] + '"boundaries" [' + text[cut + len('"boundaries": ['):])
    with pytest.raises(FormatError) as err:
        CityJSONImporter(source_crs="EPSG:7415")(p, bad)
    line = text[:cut].count("\n") + 1
    assert err.value.line == line and f"Zeile {line}, Spalte" in str(err.value) and "kaputt.city.json" in str(err.value)
    assert snapshot(p) == before


def test_unknown_crs_fails_untouched(new_project, tmp_path):
    p = new_project(extent=None)
    d = doc(DELFT)
    d["metadata"]["referenceSystem"] = "https://www.opengis.net/def/crs/EPSG/0/999999"
    bad = _write(tmp_path, "fremd.json", json.dumps(d))
    before = snapshot(p)
    with pytest.raises(CRSError, match="999999") as err:
        import_file(p, bad)
    assert "fremd.json" in str(err.value) and snapshot(p) == before


def test_missing_crs_asks_for_one(new_project):
    p = new_project(extent=None)
    before = snapshot(p)
    with pytest.raises(CRSError, match="referenceSystem fehlt"):
        import_file(p, ROTTERDAM)
    assert snapshot(p) == before


def test_vertex_index_out_of_range_fails_untouched(new_project, tmp_path):
    p = new_project(crs=28992, extent=None)
    CityJSONImporter(source_crs="EPSG:7415")(p, DENHAAG)
    before = snapshot(p)
    d = doc(DENHAAG)
    oid, obj = next((k, o) for k, o in d["CityObjects"].items() if o.get("geometry"))
    n = len(d["vertices"])
    obj["geometry"][0]["boundaries"][0][0][0][0] = n + 5
    bad = _write(tmp_path, "index.city.json", json.dumps(d))
    with pytest.raises(FormatError, match=f"Punktnummer {n + 5} liegt außerhalb") as err:
        CityJSONImporter(source_crs="EPSG:7415")(p, bad)
    assert oid in str(err.value) and snapshot(p) == before


def test_not_cityjson(tmp_path):
    geojson = _write(tmp_path, "x.json", '{"type": "FeatureCollection", "features": []}')
    assert not CityJSONImporter().sniff(geojson, geojson.read_bytes())
    with pytest.raises(FormatError, match="Keine CityJSON-Datei"):
        parse_cityjson(geojson)


def test_objects_and_problems_carry_their_line(tmp_path):
    """Line numbers per CityObject (for the report), on a pretty-printed copy of the Rotterdam subset."""
    pretty = tmp_path / "rotterdam_pretty.json"
    pretty.write_text(json.dumps(doc(ROTTERDAM), indent=1), encoding="utf-8")
    text = pretty.read_text(encoding="utf-8").splitlines()
    model = parse_cityjson(pretty)
    assert model.problems and model.buildings
    for oid, line in [(b.gml_id, b.line) for b in model.buildings] + [(q.gml_id, q.line) for q in model.problems]:
        assert line is not None and text[line - 1].strip().startswith(json.dumps(oid) + ": {"), (oid, line)
    # a minified file has every object in line 1; ids under "children"/"parents" are not taken for entries
    assert {b.line for b in parse_cityjson(ROTTERDAM).buildings} == {1}


def _to_sequence(src: Path, dest: Path) -> Path:
    """Write ``src`` as CityJSONSeq: a header line, then one CityJSONFeature per top-level object with its
    children and only the vertices it uses (re-indexed), as the CityJSON 2.0 specification describes."""
    d = doc(src)
    header = {k: v for k, v in d.items() if k not in ("CityObjects", "vertices")}
    header.update(CityObjects={}, vertices=[])
    lines = [json.dumps(header)]
    objects = d["CityObjects"]
    for oid, obj in objects.items():
        if obj.get("parents"):
            continue
        members = {oid: obj, **{c: objects[c] for c in obj.get("children") or []}}
        index: dict[int, int] = {}

        def remap(b):
            if isinstance(b, list):
                return [remap(x) for x in b]
            return index.setdefault(b, len(index))

        feat_objs = {k: {**o, "geometry": [{**g, "boundaries": remap(g["boundaries"])} for g in o.get("geometry", [])]}
                     for k, o in members.items()}
        verts = [d["vertices"][i] for i in sorted(index, key=index.get)]
        lines.append(json.dumps({"type": "CityJSONFeature", "id": oid, "CityObjects": feat_objs, "vertices": verts}))
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


@pytest.mark.parametrize("src", [DENHAAG, ROTTERDAM], ids=["DH-hierarchy-1.1", "Rotterdam-2.0"])
def test_cityjson_seq_equals_the_document(tmp_path, src):
    seq = _to_sequence(src, tmp_path / f"{src.stem}.city.jsonl")
    a, b = parse_cityjson(src), parse_cityjson(seq)
    assert b.version.endswith("(CityJSONSeq)") and b.srs_name == a.srs_name
    xa, xb = sorted(a.buildings, key=lambda x: x.gml_id), sorted(b.buildings, key=lambda x: x.gml_id)
    assert [(x.gml_id, x.parent_id, x.lod) for x in xa] == [(x.gml_id, x.parent_id, x.lod) for x in xb]
    assert any(x.parent_id for x in xa) == (src == DENHAAG)
    for x, y in zip(xa, xb):
        assert [(s.kind, [[r.tolist() for r in poly] for poly in s.polygons]) for s in x.surfaces] == \
            [(s.kind, [[r.tolist() for r in poly] for poly in s.polygons]) for s in y.surfaces]
    text = seq.read_text(encoding="utf-8").splitlines()
    assert all(x.gml_id in text[x.line - 1] for x in b.buildings)  # the feature's line
    assert sorted((q.gml_id, q.message) for q in a.problems) == sorted((q.gml_id, q.message) for q in b.problems)


def test_cityjson_seq_bad_line_is_named(tmp_path):
    seq = _to_sequence(ROTTERDAM, tmp_path / "r.city.jsonl")
    lines = seq.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][:-5]  # a truncated feature
    seq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as e:
        parse_cityjson(seq)
    assert e.value.line == 4 and "Zeile 4" in str(e.value)


def test_cityjson_seq_import_detected_and_counted(new_project, tmp_path):
    seq = _to_sequence(DENHAAG, tmp_path / "denhaag.city.jsonl")
    p = new_project(crs=28992, extent=None)
    imp = detect_importer(seq)
    assert isinstance(imp, CityJSONImporter)
    imp.source_crs = "EPSG:28992"
    r = imp(p, seq)
    assert (r.counts["Gebäude"], r.counts["Gebäudeteile"]) == (types(DENHAAG)["Building"], types(DENHAAG)["BuildingPart"])
    assert r.counts["CityJSON"] == "1.1 (CityJSONSeq)"
    kinds = Counter(f.attrs["surface_type"] for f in p.store.features("building_surfaces"))
    assert kinds == semantic_surfaces(DENHAAG)
