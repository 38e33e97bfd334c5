"""The web twin's files: glTF, 3D Tiles, PNG maps, search, attributes by policy, leak test, all-or-nothing."""

from __future__ import annotations

import io
import json
import zlib
from pathlib import Path

import numpy as np
import pytest
import pyvista as pv
from typer.testing import CliRunner

from cli.main import app
from importers.base import CancelToken
from layers.web.gltf import LINES, TRIANGLES, glb_bytes, primitives, read_glb
from layers.web.png import png_bytes
from layers.web.search import street_of
from layers.web.site import MANIFEST, export_web
from layers.web.tiles import split
from tests.leak import all_bytes, leaks, secrets
from tests.web_site import project_with_maps
from twin.errors import Cancelled, ProjectError
from twin.policy import load_policy
from twin.project import Project


def _accessor(doc: dict, binary: bytes, index: int) -> np.ndarray:
    acc = doc["accessors"][index]
    view = doc["bufferViews"][acc["bufferView"]]
    dtype = {5126: np.float32, 5121: np.uint8, 5123: np.uint16, 5125: np.uint32}[acc["componentType"]]
    comps = {"SCALAR": 1, "VEC3": 3, "VEC4": 4}[acc["type"]]
    data = np.frombuffer(binary, dtype=dtype, count=acc["count"] * comps, offset=view["byteOffset"])
    return data.reshape(acc["count"], comps) if comps > 1 else data


def test_glb_of_cells_with_colours_and_feature_ids():
    quad = pv.PolyData(np.array([[0, 0, 10], [4, 0, 10], [4, 3, 12], [0, 3, 12], [9, 9, 1], [9, 10, 1.0]]),
                       faces=[4, 0, 1, 2, 3], lines=[2, 4, 5])
    # vtk orders cells: lines before polygons
    quad.cell_data["feature_id"] = np.array([7, 3])
    quad.cell_data["rgba"] = np.array([[0, 0, 255, 255], [255, 0, 0, 255]], dtype=np.uint8)
    prims = primitives(quad)
    assert sorted(p.mode for p in prims) == [LINES, TRIANGLES]
    doc, binary = read_glb(glb_bytes(prims, name="probe"))
    tri = next(p for p in doc["meshes"][0]["primitives"] if p["mode"] == TRIANGLES)
    pos = _accessor(doc, binary, tri["attributes"]["POSITION"])
    assert len(pos) == 6  # two triangles, flat: own vertices
    # y-up: (x, y, z) -> (x, z, -y)
    assert {tuple(np.round(v, 3)) for v in pos} == {(0, 10, 0), (4, 10, 0), (4, 12, -3), (0, 12, -3)}
    assert doc["accessors"][tri["attributes"]["POSITION"]]["min"] == [0.0, 10.0, -3.0]
    assert set(_accessor(doc, binary, tri["attributes"]["_FEATURE_ID_0"])) == {3.0}
    assert (_accessor(doc, binary, tri["attributes"]["COLOR_0"]) == [255, 0, 0, 255]).all()
    nrm = _accessor(doc, binary, tri["attributes"]["NORMAL"])
    assert np.allclose(np.linalg.norm(nrm, axis=1), 1) and (nrm[:, 1] > 0.5).all()  # facing up (y)
    line = next(p for p in doc["meshes"][0]["primitives"] if p["mode"] == LINES)
    assert set(_accessor(doc, binary, line["attributes"]["_FEATURE_ID_0"])) == {7.0}


def test_smooth_terrain_keeps_shared_vertices_and_tiles_split_without_loss():
    grid = pv.Plane(i_resolution=40, j_resolution=40, i_size=1000, j_size=1000).triangulate()
    grid.point_data["rgba"] = np.tile(np.uint8([10, 200, 30, 255]), (grid.n_points, 1))
    [prim] = primitives(grid)
    assert prim.indices is not None and len(prim.positions) == grid.n_points
    tiles = split(prim, 250.0)
    assert len(tiles) == 16
    assert sum(len(t.indices) for t in tiles.values()) == len(prim.indices)
    doc, binary = read_glb(glb_bytes(list(tiles.values())[:1]))
    idx = doc["meshes"][0]["primitives"][0]["indices"]
    assert doc["accessors"][idx]["componentType"] == 5123  # 16 bit where it suffices


def test_png_writer_round_trip():
    from PIL import Image

    img = np.zeros((3, 5, 4), dtype=np.uint8)
    img[0, 0] = (255, 0, 0, 255)
    img[2, 4] = (0, 0, 255, 128)
    data = png_bytes(img)
    back = np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))
    assert (back == img).all()
    assert zlib.crc32(data[-8:-4]) != 0 and data[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("address,street", [("Hauptstraße 12", "Hauptstraße"), ("Am Anger 1a", "Am Anger"),
                                            ("Arcisstraße 21, München", "Arcisstraße"),
                                            ("Straße des 17. Juni 4", "Straße des 17. Juni"), ("Marktplatz", None)])
def test_street_of_address(address, street):
    assert street_of(address) == street


@pytest.fixture(scope="module")
def maps_project(sample_project_dir, tmp_path_factory):
    dest = tmp_path_factory.mktemp("web") / "gemeinde"
    runs = project_with_maps(dest, sample_project_dir)
    return dest, runs


@pytest.fixture(scope="module")
def site(maps_project, tmp_path_factory):
    root, runs = maps_project
    out = tmp_path_factory.mktemp("site") / "buergerzwilling"
    steps: list[tuple[float, str]] = []
    with Project.open(root) as p:
        result = export_web(p, "buerger", out, progress=lambda f, m: steps.append((f, m)))
    return result, runs, steps


def test_site_files_tileset_and_manifest(site):
    result, runs, steps = site
    root = result.root
    for name in ("index.html", "viewer.js", "stil.css", "LIZENZEN.txt", MANIFEST, "suche.json", "tiles/tileset.json"):
        assert (root / name).is_file(), name
    html = (root / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in html and "http" not in html.replace("http-equiv", "")  # nothing from other servers
    assert "three" in (root / "LIZENZEN.txt").read_text(encoding="utf-8")
    tileset = json.loads((root / "tiles/tileset.json").read_text(encoding="utf-8"))
    assert tileset["asset"]["version"] == "1.1" and len(tileset["root"]["transform"]) == 16
    layers = {c["extras"]["layer"]: c for c in tileset["root"]["children"]}
    assert {"terrain", "buildings", "trees", "parcels", "closures"} <= set(layers)
    assert not {"water_meters", "sewer", "pointcloud"} & set(layers)  # hidden or empty for citizens
    for child in layers.values():
        for leaf in child["children"]:
            doc, binary = read_glb((root / "tiles" / leaf["content"]["uri"]).read_bytes())
            assert doc["asset"]["version"] == "2.0" and binary
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["crs"] == "EPSG:25832" and manifest["rolle"] == "buerger"
    assert {entry["name"] for entry in manifest["layer"]} == set(layers)
    assert all(entry["legende"] for entry in manifest["layer"])
    assert result.layers["trees"] == 98 and result.layers["parcels"] == 120
    # progress reached the end, in order
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_only_released_maps_are_in_the_site(site):
    result, runs, _ = site
    manifest = json.loads((result.root / MANIFEST).read_text(encoding="utf-8"))
    names = {o["name"] for o in manifest["overlays"]}
    assert {n.split("_", 1)[1] for n in names} == set(runs["released"])
    every = " ".join(p.name for p in result.root.rglob("*")) + (result.root / MANIFEST).read_text(encoding="utf-8")
    for internal in runs["internal"]:
        assert internal not in every
    from PIL import Image

    for o in manifest["overlays"]:
        img = np.asarray(Image.open(result.root / o["uri"]))
        assert img.shape[2] == 4 and (img[..., 3] > 0).sum() > 100  # coloured cells
        assert (img[0, :, 3] == 0).all() and (img[:, -1, 3] == 0).all()  # transparent frame
        assert o["legende"] and o["bounds"][2] > o["bounds"][0]


def admin_fields(root: Path, table: str):
    with Project.open(root) as p:
        return p.store.schema(table).fields


def test_attributes_follow_the_citizen_policy(site, maps_project):
    result, _, _ = site
    root, _ = maps_project
    rule = load_policy(root / "policy.toml").roles["buerger"]
    for layer, table in (("trees", "trees"), ("buildings", "buildings"), ("parcels", "parcels")):
        data = json.loads((result.root / "attribute" / f"{layer}.json").read_text(encoding="utf-8"))
        assert data["tabelle"] == table
        columns = rule.layers[table].columns
        allowed = set(columns) if columns != "*" else {f.name for f in admin_fields(root, table)}
        shown = {name for name, _ in data["felder"]}
        assert shown <= allowed, shown - allowed
        assert set().union(*[set(o) for o in data["objekte"]]) <= allowed
    trees = json.loads((result.root / "attribute" / "trees.json").read_text(encoding="utf-8"))
    assert len(trees["objekte"]) == 98 and all(o.get("baumnummer") for o in trees["objekte"])


def test_search_index_has_streets_addresses_and_parcels(site):
    result, _, _ = site
    entries = json.loads((result.root / "suche.json").read_text(encoding="utf-8"))
    kinds = {e["a"] for e in entries}
    assert kinds == {"Straße", "Adresse", "Flurstück"}
    street = next(e for e in entries if e["t"] == "Hauptstraße")
    assert street["a"] == "Straße" and 500 < street["p"][2] < 530  # on the ground
    assert any(e["t"].startswith("Hauptstraße 1") for e in entries)
    assert len({e["t"].casefold() for e in entries}) == len(entries)


def test_leak_test_on_the_exported_site(site, maps_project):
    """Every owner, customer, meter number, reading and internal note: zero hits in any file of the site."""
    result, _, _ = site
    root, _ = maps_project
    with Project.open(root) as admin:
        hidden = secrets(admin)
        trees_public = {str(v) for f in admin.session("buerger").features("trees") for v in f.attrs.values()}
    for kind in ("Eigentümer", "Kunden", "Zählernummern", "Zählerstände", "Baumkontrolle", "Sperrungen intern"):
        assert hidden.get(kind), f"die Beispielgemeinde braucht {kind} für diesen Test"
    files = all_bytes(result.root)
    assert len(files) == result.files
    reading = next(iter(hidden["Zählerstände"]))  # control: the search finds a value where it is written
    assert leaks("Zählerstände", reading, json.dumps({"stand": float(reading)}).encode())
    owner = next(iter(hidden["Eigentümer"]))
    assert leaks("Eigentümer", owner, json.dumps({"name": owner}, ensure_ascii=False).encode())
    for kind, values in hidden.items():
        for value in values - trees_public:
            for name, data in files:
                assert not leaks(kind, value, data), f"{kind} '{value}' steht in {name}"


def test_refuses_a_foreign_folder_and_cancel_leaves_nothing(maps_project, tmp_path):
    root, _ = maps_project
    foreign = tmp_path / "fremd"
    foreign.mkdir()
    (foreign / "wichtig.txt").write_text("bleibt", encoding="utf-8")
    token = CancelToken()
    with Project.open(root) as p:
        with pytest.raises(ProjectError, match="nicht leer"):
            export_web(p, "buerger", foreign)
        assert [x.name for x in foreign.iterdir()] == ["wichtig.txt"]

        def cancel_at_tiles(fraction: float, message: str) -> None:
            if "Kacheln" in message:
                token.cancel()
        with pytest.raises(Cancelled):
            export_web(p, "buerger", tmp_path / "neu", progress=cancel_at_tiles, cancel=token)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["fremd"]  # no site, no work folder


def test_second_export_replaces_the_first(maps_project, tmp_path):
    root, _ = maps_project
    out = tmp_path / "web"
    with Project.open(root) as p:
        export_web(p, "buerger", out)
        (out / "alt.txt").write_text("vom ersten Mal", encoding="utf-8")
        export_web(p, "buerger", out)
    assert not (out / "alt.txt").exists() and (out / MANIFEST).is_file()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["web"]


def test_publish_web_cli(project_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "site"
    res = runner.invoke(app, ["publish", str(project_dir), "--role", "buerger", "--web", str(out)])
    assert res.exit_code == 0, res.output
    assert "Bürgerzwilling als Webseite" in res.output and (out / "index.html").is_file()
    res = runner.invoke(app, ["publish", str(project_dir), "--role", "rat", "--web", str(tmp_path / "rat")])
    assert res.exit_code == 1 and "nur der Bürgerzwilling" in res.output
    assert not (tmp_path / "rat").exists()
    res = runner.invoke(app, ["publish", str(project_dir), "--role", "buerger"])
    assert res.exit_code == 1 and "--web" in res.output


def test_viewer_bundle_is_built_from_its_sources(tmp_path):
    """viewer.js is what esbuild makes from src/viewer.js and the pinned three.js (package-lock.json)."""
    import shutil
    import subprocess

    src = Path(__file__).resolve().parent.parent / "layers" / "web" / "js"
    if not shutil.which("npm"):
        pytest.skip("npm fehlt")
    work = tmp_path / "js"
    shutil.copytree(src, work, ignore=shutil.ignore_patterns("node_modules"))
    (tmp_path / "static").mkdir()
    for cmd in (["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], ["npm", "run", "build", "--silent"]):
        out = subprocess.run(cmd, cwd=work, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr[-2000:]
    built = (tmp_path / "static" / "viewer.js").read_bytes()
    assert built == (src.parent / "static" / "viewer.js").read_bytes(), \
        "layers/web/static/viewer.js ist nicht aktuell: in layers/web/js 'npm ci && npm run build' ausführen"
    assert (tmp_path / "static" / "LIZENZEN.txt").read_text() == (src.parent / "static" / "LIZENZEN.txt").read_text()
