"""OGC API – Features of the Bürgerzwilling: the folder for pygeoapi, tested against the real server on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import shapely
from shapely.geometry import box, shape
from typer.testing import CliRunner

from cli.main import app
from tests.leak import all_bytes, leaks, secrets
from twin.errors import ProjectError
from twin.project import Project
from twin.publish.ogcapi import CONFIG, OPENAPI, export_ogcapi

pytest.importorskip("pygeoapi")
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


@pytest.fixture(scope="module")
def api(sample_project_dir, tmp_path_factory):
    port = _free_port()
    folder = tmp_path_factory.mktemp("ogc") / "api"
    res = CliRunner().invoke(app, ["publish", str(sample_project_dir), "--role", "buerger", "--ogcapi", str(folder),
                                   "--url", f"http://127.0.0.1:{port}"])
    assert res.exit_code == 0, res.output
    assert "stadtzwilling ogcapi" in res.output
    server = subprocess.Popen([sys.executable, "-m", "cli.main", "ogcapi", str(folder)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if _get(base + "/?f=json")[0] == 200:
                break
        except (urllib.error.URLError, ConnectionError):
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"pygeoapi startet nicht:\n{server.stdout.read()}")
        time.sleep(0.3)
    yield base, folder
    server.terminate()
    server.wait(timeout=20)


def test_collections_are_the_public_layers(api, sample_project_dir):
    base, folder = api
    status, doc = _get(base + "/collections?f=json")
    assert status == 200
    ids = {c["id"] for c in doc["collections"]}
    assert {"trees", "parcels", "buildings", "road_closures"} <= ids
    assert not {"owners", "water_meters", "meter_readings", "sewer_reaches", "land_register"} & ids
    assert _get(base + "/collections/owners/items?f=json")[0] == 404
    status, conf = _get(base + "/conformance?f=json")
    assert any("ogcapi-features-1/1.0/conf/core" in c for c in conf["conformsTo"])
    assert (folder / CONFIG).is_file() and (folder / OPENAPI).is_file()


def test_items_have_only_public_columns_and_match_the_store(api, sample_project_dir):
    base, _ = api
    status, doc = _get(base + "/collections/trees/items?f=json&limit=1000")
    assert status == 200 and doc["numberMatched"] == 98 and len(doc["features"]) == 98
    with Project.open(sample_project_dir) as p:
        visible = {str(f.attrs["baumnummer"]): f.attrs for f in p.session("buerger").features("trees")}
        columns = {f.name for f in p.session("buerger").schema("trees").fields}
    for feat in doc["features"]:
        assert set(feat["properties"]) <= columns, set(feat["properties"]) - columns
        assert feat["properties"]["art_deutsch"] == visible[feat["id"]]["art_deutsch"]
    status, one = _get(base + "/collections/trees/items/B0006?f=json")
    assert status == 200 and one["properties"]["baumnummer"] == "B0006"
    lon, lat = one["geometry"]["coordinates"]
    assert 5 < lon < 16 and 47 < lat < 56  # WGS 84 (CRS84), in Germany


def test_bbox_query(api):
    base, _ = api
    _, everything = _get(base + "/collections/trees/items?f=json&limit=1000")
    xs = sorted(f["geometry"]["coordinates"][0] for f in everything["features"])
    ys = [f["geometry"]["coordinates"][1] for f in everything["features"]]
    cut = xs[len(xs) // 2]
    bbox = (xs[0] - 1e-6, min(ys) - 1e-6, cut, max(ys) + 1e-6)
    status, part = _get(base + "/collections/trees/items?f=json&limit=1000&bbox=" + ",".join(map(str, bbox)))
    assert status == 200
    inside = [f for f in everything["features"] if box(*bbox).intersects(shape(f["geometry"]))]
    assert 0 < len(part["features"]) == len(inside) < len(everything["features"])
    assert all(shapely.within(shape(f["geometry"]), box(*bbox).buffer(1e-9)) for f in part["features"])


def test_leak_test_on_the_ogcapi_folder(api, sample_project_dir):
    _, folder = api
    with Project.open(sample_project_dir) as admin:
        hidden = secrets(admin)
        public = {str(v) for n in ("trees", "road_closures") for f in admin.session("buerger").features(n)
                  for v in f.attrs.values()}
    files = all_bytes(folder)
    assert len(files) >= 5
    for kind, values in hidden.items():
        for value in values - public:
            for name, data in files:
                assert not leaks(kind, value, data), f"{kind} '{value}' steht in {name}"


def test_only_for_citizens_and_never_over_a_foreign_folder(sample_project_dir, tmp_path):
    foreign = tmp_path / "fremd"
    foreign.mkdir()
    (foreign / "x.txt").write_text("bleibt")
    with Project.open(sample_project_dir) as p:
        with pytest.raises(ProjectError, match="nicht leer"):
            export_ogcapi(p, foreign)
        with pytest.raises(ProjectError, match="Bürgerzwilling"):
            export_ogcapi(p, tmp_path / "rat", role="rat")
    assert [x.name for x in foreign.iterdir()] == ["x.txt"] and not (tmp_path / "rat").exists()
    res = CliRunner().invoke(app, ["publish", str(sample_project_dir), "--role", "rat", "--ogcapi", str(tmp_path / "r")])
    assert res.exit_code == 1 and "nur der Bürgerzwilling" in res.output
    res = CliRunner().invoke(app, ["ogcapi", str(tmp_path)])
    assert res.exit_code == 1 and "pygeoapi-config.yml" in res.output
