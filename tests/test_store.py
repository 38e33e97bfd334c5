"""The store API, run against both backends: GeoPackage (embedded) and a real PostGIS server."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from twin.errors import Cancelled, SchemaError, StoreError, TwinError
from twin.store import Feature, FeatureTable, Field, LayerSchema

TREES = LayerSchema(
    name="trees", key="baumnr", title="Bäume", geometry_type="POINT",
    fields=(Field("baumnr"), Field("gattung"), Field("hoehe", "real"), Field("pflanzjahr", "integer"),
            Field("gefaellt", "boolean"), Field("extra", "json")),
)
BLOCKS = LayerSchema(
    name="blocks", key="block_id", geometry_type="MULTIPOLYGON", has_z=True,
    fields=(Field("block_id"), Field("name")),
)


def _tree(i: int, **kw) -> Feature:
    attrs = {"baumnr": f"B{i:05d}", "gattung": "Tilia", "hoehe": 10.0 + i % 7, "pflanzjahr": 1950 + i % 60,
             "gefaellt": False, "extra": {"i": i}}
    attrs.update(kw)
    return Feature(attrs, Point(690000 + (i % 100) * 10.0, 5335000 + (i // 100) * 10.0))


def _block(key: str, x: float, y: float, z: float = 500.0, size: float = 10.0) -> Feature:
    ring = [(x, y, z), (x + size, y, z), (x + size, y + size, z + 1), (x, y + size, z + 1)]
    return Feature({"block_id": key, "name": f"Block {key}"}, MultiPolygon([Polygon(ring)]))


def test_create_upsert_get_roundtrip(new_project):
    store = new_project().store
    store.create_layer(TREES)
    res = store.upsert("trees", [_tree(i) for i in range(250)])
    assert (res.inserted, res.updated, res.unchanged) == (250, 0, 0)
    assert store.count("trees") == 250
    f = store.get("trees", "B00042")
    assert f.attrs == {"baumnr": "B00042", "gattung": "Tilia", "hoehe": 10.0 + 42 % 7, "pflanzjahr": 1992,
                       "gefaellt": False, "extra": {"i": 42}}
    assert (f.geometry.x, f.geometry.y) == (690420.0, 5335000.0)
    assert store.get("trees", "nope") is None


def test_reupsert_is_idempotent_and_updates_by_natural_key(new_project):
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", [_tree(i) for i in range(20)])
    again = store.upsert("trees", [_tree(i) for i in range(20)])
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 20)
    assert len(store.history("trees")) == 20  # only the inserts
    changed = store.upsert("trees", [_tree(3, hoehe=22.5), _tree(4)])
    assert (changed.inserted, changed.updated, changed.unchanged) == (0, 1, 1)
    assert store.count("trees") == 20
    assert store.get("trees", "B00003").attrs["hoehe"] == 22.5


def test_history_records_who_when_what_old_and_new(new_project):
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", [_tree(1)], actor="anna")
    moved = _tree(1, gattung="Acer")
    moved.geometry = Point(690001, 5335001)
    store.upsert("trees", [moved], actor="bernd")
    store.delete("trees", ["B00001"], actor="carla")
    rows = store.history("trees", "B00001")
    assert [r["action"] for r in rows] == ["insert", "update", "delete"]
    assert [r["actor"] for r in rows] == ["anna", "bernd", "carla"]
    assert all(r["at"].endswith("Z") for r in rows)
    upd = rows[1]
    assert upd["old_values"]["gattung"] == "Tilia" and upd["new_values"]["gattung"] == "Acer"
    assert upd["old_values"]["geometry"] == "POINT (690010 5335000)"
    assert upd["new_values"]["geometry"] == "POINT (690001 5335001)"
    assert rows[2]["old_values"]["gattung"] == "Acer" and rows[2]["new_values"] is None
    assert store.count("trees") == 0


def test_bbox_query_uses_index_and_is_exact_on_boxes(new_project):
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", [_tree(i) for i in range(1000)])  # 100 x 10 grid, 10 m spacing
    hits = store.query_bbox("trees", (690095, 5335015, 690125, 5335035))
    got = sorted(f.attrs["baumnr"] for f in hits)
    # x in 690100..690120 (i%100 in 10..12), y in 5335020..5335030 (i//100 in 2..3)
    assert got == sorted(f"B{r * 100 + c:05d}" for r in (2, 3) for c in (10, 11, 12))
    assert store.query_bbox("trees", (0, 0, 1, 1)) == []


def test_3d_polygons_keep_z_and_bbox(new_project):
    store = new_project().store
    store.create_layer(BLOCKS)
    store.upsert("blocks", [_block("a", 690100, 5335100), _block("b", 690500, 5335500)])
    f = store.get("blocks", "a")
    assert f.geometry.has_z
    zs = sorted({c[2] for c in f.geometry.geoms[0].exterior.coords})
    assert zs == [500.0, 501.0]
    assert [x.attrs["block_id"] for x in store.query_bbox("blocks", (690480, 5335480, 690520, 5335520))] == ["b"]
    again = store.upsert("blocks", [_block("a", 690100, 5335100), _block("b", 690500, 5335500, z=501.0)])
    assert (again.unchanged, again.updated, again.keys) == (1, 1, ["b"])


def test_operation_is_one_transaction_all_or_nothing(new_project):
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", [_tree(1)])
    bad = [_tree(2), _tree(3), Feature({"baumnr": None}, Point(0, 0))]  # third has no key
    with pytest.raises(StoreError, match="Schlüsselfeld"):
        store.upsert("trees", bad)
    assert store.keys("trees") == ["B00001"]
    assert len(store.history("trees")) == 1


def test_outer_transaction_groups_operations_and_rolls_back(new_project):
    store = new_project().store
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.create_layer(TREES)
            store.upsert("trees", [_tree(i) for i in range(10)])
            store.record_provenance(source_file="x.csv", sha256="0" * 64, importer="t", counts={"n": 10})
            raise RuntimeError("abort")
    assert not store.has_layer("trees")
    store._reload_schemas()
    assert not store.has_layer("trees")
    assert store.provenance() == []


def test_provenance_rows(new_project):
    store = new_project().store
    pid = store.record_provenance(source_file="/daten/baeume.csv", sha256="ab" * 32, importer="trees",
                                  counts={"Bäume": 3}, actor="anna", source_crs="EPSG:25832")
    (row,) = store.provenance()
    assert row["id"] == pid and row["counts"] == {"Bäume": 3} and row["actor"] == "anna"
    assert row["sha256"] == "ab" * 32 and row["imported_at"].endswith("Z")


def test_schema_declaration_errors_are_german():
    with pytest.raises(SchemaError, match="Schlüsselfeld 'id' ist nicht deklariert"):
        LayerSchema(name="x", key="id", fields=(Field("name"),))
    with pytest.raises(SchemaError, match="ungültig"):
        LayerSchema(name="Bäume", key="id", fields=(Field("id"),))
    with pytest.raises(SchemaError, match="unbekannter Typ"):
        Field("x", "varchar")
    assert issubclass(SchemaError, TwinError)


def test_schema_evolution_adds_fields_but_refuses_type_changes(new_project):
    project = new_project()
    store = project.store
    store.create_layer(TREES)
    store.upsert("trees", [_tree(1)])
    wider = LayerSchema(name="trees", key="baumnr", geometry_type="POINT",
                        fields=TREES.fields + (Field("vitalitaet", "integer"),))
    store.create_layer(wider)
    store.upsert("trees", [_tree(2, vitalitaet=2)])
    assert store.get("trees", "B00002").attrs["vitalitaet"] == 2
    assert store.get("trees", "B00001").attrs["vitalitaet"] is None
    clash = LayerSchema(name="trees", key="baumnr", geometry_type="POINT",
                        fields=(Field("baumnr"), Field("hoehe", "text")))
    with pytest.raises(SchemaError, match="hat bereits den Typ"):
        store.create_layer(clash)


def test_layers_survive_reopen(new_project):
    from twin.project import Project

    project = new_project()
    project.store.create_layer(TREES)
    project.store.upsert("trees", [_tree(i) for i in range(5)])
    reopened = Project.open(project.root)
    try:
        assert reopened.store.layer_names() == ["trees"]
        assert reopened.store.count("trees") == 5
        assert reopened.store.schema("trees") == TREES
    finally:
        reopened.store.engine.dispose()


def test_bbox_query_is_exact_despite_float32_rtree(new_project):
    """At northings of 5.3 million m the R-tree's float32 bounds are up to ~0.5 m coarse; no extra hits."""
    store = new_project().store
    store.create_layer(TREES)
    y = 5335000.3
    store.upsert("trees", [Feature({"baumnr": "in"}, Point(690000.0, y)),
                           Feature({"baumnr": "just_out"}, Point(690000.0, y + 0.05))])
    hits = store.query_bbox("trees", (689999.0, y - 1.0, 690001.0, y + 0.01))
    assert [f.attrs["baumnr"] for f in hits] == ["in"]
    assert [f.geometry for f in store.query_bbox("trees", (689999.0, y - 1, 690001.0, y + 0.01),
                                                 geometry=False)] == [None]


def test_bbox_query_tests_geometry_not_only_its_envelope(new_project):
    store = new_project().store
    store.create_layer(BLOCKS)
    tri = Polygon([(690000, 5335000, 0), (690100, 5335000, 0), (690000, 5335100, 0)])
    store.upsert("blocks", [Feature({"block_id": "dreieck"}, MultiPolygon([tri]))])
    assert store.query_bbox("blocks", (690080, 5335080, 690090, 5335090)) == []  # inside envelope, off triangle
    assert len(store.query_bbox("blocks", (690010, 5335010, 690020, 5335020))) == 1


def test_attribute_table_without_geometry(new_project):
    store = new_project().store
    people = LayerSchema(name="people", key="pid", geometry_type=None, personal=True,
                         fields=(Field("pid"), Field("name")))
    store.create_layer(people)
    store.upsert("people", [Feature({"pid": "1", "name": "Erika Musterfrau"})])
    assert store.get("people", "1").attrs["name"] == "Erika Musterfrau"
    assert store.schema("people").personal


# ----------------------------------------------------------------------------- bulk writing (FeatureTable)
def _table(n: int, start: int = 0, **cols) -> FeatureTable:
    """n trees as columns (numpy where an importer would have numpy), on the same grid as :func:`_tree`."""
    i = np.arange(start, start + n)
    columns = {"baumnr": [f"B{k:05d}" for k in i], "gattung": ["Tilia"] * n, "hoehe": 10.0 + i % 7,
               "pflanzjahr": 1950 + i % 60, "gefaellt": np.zeros(n, dtype=bool), "extra": [{"i": int(k)} for k in i]}
    columns.update(cols)
    return FeatureTable(columns, shapely.points(690000 + (i % 100) * 10.0, 5335000 + (i // 100) * 10.0))


def _fingerprint(store, layer: str) -> tuple:
    feats = store.features(layer)
    return (len(feats), sorted((str(f.attrs), f.geometry.wkt if f.geometry is not None else None) for f in feats),
            len(store.history()))


def test_feature_table_upsert_counts_and_values(new_project):
    store = new_project().store
    store.create_layer(TREES)
    res = store.upsert("trees", _table(250))
    assert (res.inserted, res.updated, res.unchanged) == (250, 0, 0)
    assert store.get("trees", "B00042").attrs == _tree(42).attrs
    assert store.get("trees", "B00042").geometry.equals(_tree(42).geometry)
    again = store.upsert("trees", _table(250))
    assert (again.inserted, again.updated, again.unchanged, again.keys) == (0, 0, 250, [])
    hoehe = 10.0 + np.arange(250) % 7
    hoehe[[3, 7]] = 99.5
    changed = store.upsert("trees", _table(250, hoehe=hoehe))
    assert (changed.inserted, changed.updated, changed.unchanged) == (0, 2, 248)
    assert changed.keys == ["B00003", "B00007"]
    assert store.get("trees", "B00007").attrs["hoehe"] == 99.5
    assert [r["action"] for r in store.history("trees", "B00003")] == ["insert", "update"]
    assert store.history("trees", "B00003")[1]["new_values"] == {"hoehe": 99.5}


def test_feature_table_nan_is_null(new_project):
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", _table(3, hoehe=np.array([np.nan, 1.5, np.nan]),
                                 pflanzjahr=np.array([1990.0, np.nan, 2001.0]), gattung=["Acer", None, float("nan")]))
    assert [store.get("trees", f"B{i:05d}").attrs["hoehe"] for i in range(3)] == [None, 1.5, None]
    assert [store.get("trees", f"B{i:05d}").attrs["pflanzjahr"] for i in range(3)] == [1990, None, 2001]
    assert [store.get("trees", f"B{i:05d}").attrs["gattung"] for i in range(3)] == ["Acer", None, None]
    assert store.history("trees", "B00000")[0]["new_values"]["hoehe"] is None
    assert store.upsert("trees", _table(3, hoehe=np.array([np.nan, 1.5, np.nan]),
                                        pflanzjahr=np.array([1990.0, np.nan, 2001.0]),
                                        gattung=["Acer", None, None])).unchanged == 3


def test_feature_table_duplicates_last_wins_and_keys_are_str(new_project):
    store = new_project().store
    store.create_layer(TREES)
    table = FeatureTable({"baumnr": np.array([7, 8, 7]), "gattung": ["erst", "acht", "zuletzt"]},
                         [Point(690000, 5335000), Point(690001, 5335001), Point(690002, 5335002)])
    res = store.upsert("trees", table)
    assert (res.inserted, res.keys) == (2, ["7", "8"])
    assert store.keys("trees") == ["7", "8"]
    f = store.get("trees", "7")
    assert f.attrs["baumnr"] == "7" and f.attrs["gattung"] == "zuletzt" and f.geometry.x == 690002
    assert [r["feature_key"] for r in store.history("trees")] == ["7", "8"]
    assert store.history("trees", "7")[0]["new_values"]["baumnr"] == "7"


def test_feature_table_mixed_insert_and_update(new_project):
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", _table(100))
    gattung = ["Tilia"] * 300
    gattung[10] = "Acer"
    geoms = _table(300).geometry
    geoms[20] = Point(691000, 5336000)
    res = store.upsert("trees", FeatureTable({**_table(300).columns, "gattung": gattung}, geoms))
    assert (res.inserted, res.updated, res.unchanged) == (200, 2, 98)
    assert res.keys == ["B00010", "B00020"] + [f"B{i:05d}" for i in range(100, 300)]
    assert store.count("trees") == 300
    assert store.get("trees", "B00010").attrs["gattung"] == "Acer"
    moved = store.history("trees", "B00020")[-1]
    assert moved["action"] == "update" and moved["new_values"] == {"geometry": "POINT (691000 5336000)"}
    assert [f.attrs["baumnr"] for f in store.query_bbox("trees", (690999, 5335999, 691001, 5336001))] == ["B00020"]


def test_feature_table_errors_are_the_same(new_project):
    store = new_project().store
    store.create_layer(TREES)
    with pytest.raises(SchemaError, match=r"hat keine Felder \['farbe'\]"):
        store.upsert("trees", FeatureTable({"baumnr": ["1"], "farbe": ["rot"]}, [Point(0, 0)]))
    with pytest.raises(StoreError, match="Schlüsselfeld 'baumnr'"):
        store.upsert("trees", FeatureTable({"baumnr": ["1", ""]}, [Point(0, 0), Point(1, 1)]))
    with pytest.raises(StoreError, match="Schlüsselfeld 'baumnr'"):
        store.upsert("trees", FeatureTable({"gattung": ["Acer"]}, [Point(0, 0)]))
    assert store.count("trees") == 0 and store.history() == []


def test_cancel_from_on_progress_leaves_store_unchanged(new_project):
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", _table(500))
    before = _fingerprint(store, "trees")
    calls = []

    def progress(done: int, total: int | None) -> None:
        calls.append((done, total))
        if done >= 4000:
            raise Cancelled()

    hoehe = np.full(10_000, 3.0)
    with pytest.raises(Cancelled):
        store.upsert("trees", _table(10_000, hoehe=hoehe), on_progress=progress)
    assert calls == [(2000, 10_000), (4000, 10_000)]
    assert _fingerprint(store, "trees") == before
    assert store.query_bbox("trees", (690000, 5335000, 691000, 5336000), geometry=False).__len__() == 500
    if store.backend == "gpkg":
        con = sqlite3.connect(store.path)
        try:
            triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert "rtree_trees_geom_insert" in triggers
            assert con.execute("SELECT count(*) FROM rtree_trees_geom").fetchone()[0] == 500
        finally:
            con.close()
    # and the same upsert goes through afterwards, progress for a Feature list too
    seen = []
    res = store.upsert("trees", [_tree(i) for i in range(600)], on_progress=lambda d, t: seen.append((d, t)))
    assert (res.inserted, res.unchanged) == (100, 500) and seen == [(600, 600)]


def test_bulk_insert_then_bbox_finds_exactly_the_right_features(new_project):
    store = new_project().store
    store.create_layer(TREES)
    rng = np.random.default_rng(3)
    xy = np.column_stack([rng.uniform(690000, 691000, 10_000), rng.uniform(5335000, 5336000, 10_000)])
    keys = [f"P{i}" for i in range(10_000)]
    assert store.upsert("trees", FeatureTable({"baumnr": keys}, shapely.points(xy))).inserted == 10_000
    for box in [(690100, 5335100, 690200, 5335250), (690000, 5335000, 690010, 5336000), (690500.5, 5335500.5,
                                                                                          690900, 5335600)]:
        inside = (xy[:, 0] >= box[0]) & (xy[:, 0] <= box[2]) & (xy[:, 1] >= box[1]) & (xy[:, 1] <= box[3])
        expected = sorted(keys[i] for i in np.flatnonzero(inside))
        assert expected and sorted(f.attrs["baumnr"] for f in store.query_bbox("trees", box)) == expected


def test_history_of_bulk_insert_equals_feature_list_upsert(new_project):
    """The history JSON is built by the database for bulk inserts: same dicts, same types as json.dumps gives."""
    project = new_project()
    store = project.store
    for name in ("a", "b"):
        store.create_layer(LayerSchema(
            name=name, key="k", geometry_type="POINT",
            fields=(Field("k"), Field("t"), Field("r", "real"), Field("i", "integer"), Field("b", "boolean"),
                    Field("d", "date"), Field("dt", "datetime"), Field("j", "json"))))
    reals = [12.0, 0.1 + 0.2, 1 / 3, -0.0, 1e20, 123456789.12345679, 2.5e-9, float("inf"), None, 7.0]
    rows = []
    for n, r in enumerate(reals):
        j = [{"x": [1, 2.0, "ü"], "n": None}, None, {"v": float("nan")}][n % 3] if n < 9 else {"y": True}
        rows.append({"k": f"K{n}", "t": 'Straße "Am Bach"\n' if n % 2 else None, "r": r, "i": n * 1000,
                     "b": [True, False, None][n % 3], "d": date(2024, 5, n + 1), "dt": "2024-05-01T12:00:00Z", "j": j})
    geoms = [Point(690000 + n, 5335000) for n in range(len(rows))]
    store.upsert("a", [Feature(dict(r), g) for r, g in zip(rows, geoms)], actor="anna")
    store.upsert("b", FeatureTable.from_features([Feature(dict(r), g) for r, g in zip(rows, geoms)]), actor="anna")
    ha, hb = store.history("a"), store.history("b")
    assert len(ha) == len(hb) == len(rows)
    for x, y, row in zip(ha, hb, rows):
        assert x["new_values"] == y["new_values"]
        assert (x["actor"], x["action"], x["feature_key"], x["old_values"]) == ("anna", "insert", row["k"], None)
        exp = {**row, "d": row["d"].isoformat()}
        got = x["new_values"]
        assert {n: v for n, v in got.items() if n != "j"} == {n: v for n, v in exp.items() if n != "j"}
        for n in ("r", "b", "i"):
            assert type(got[n]) is type(exp[n]), (n, got[n])
        if exp["j"] and "v" in exp["j"]:  # NaN inside a json value: the history keeps Python's text
            assert list(got["j"]) == ["v"] and np.isnan(got["j"]["v"])
        else:
            assert got["j"] == exp["j"]
    assert json.loads(json.dumps(hb[0]["new_values"]))["r"] == 12.0 and repr(hb[0]["new_values"]["r"]) == "12.0"
    assert hb[1]["new_values"]["r"] == 0.30000000000000004 and hb[2]["new_values"]["r"] == 1 / 3


def test_history_restores_inserted_values_from_later_changes(new_project):
    """Insert rows are not written twice: history() rebuilds what each insert wrote (reverse deltas)."""
    store = new_project().store
    store.create_layer(TREES)
    store.upsert("trees", [_tree(1)], actor="import-1")
    store.upsert("trees", [_tree(1, hoehe=12.5)], actor="anna")
    store.upsert("trees", [_tree(1, hoehe=13.0, gattung="Acer")], actor="bernd")
    store.delete("trees", ["B00001"], actor="carla")
    store.upsert("trees", [_tree(1, gattung="Quercus", extra={"neu": True})], actor="import-2")
    store.upsert("trees", [_tree(1, gattung="Quercus", gefaellt=True, extra={"neu": True})], actor="dora")
    h = store.history("trees", "B00001")
    assert [r["action"] for r in h] == ["insert", "update", "update", "delete", "insert", "update"]
    first, second = h[0]["new_values"], h[4]["new_values"]
    assert first == {"baumnr": "B00001", "gattung": "Tilia", "hoehe": 11.0, "pflanzjahr": 1951, "gefaellt": False,
                     "extra": {"i": 1}}
    assert second == {**first, "gattung": "Quercus", "extra": {"neu": True}}
    assert h[3]["old_values"]["gattung"] == "Acer" and h[5]["old_values"] == {"gefaellt": False}
    # the same through the layer-wide query, with other features around
    store.upsert("trees", [_tree(2)])
    by_id = {r["id"]: r for r in store.history("trees")}
    assert by_id[h[0]["id"]]["new_values"] == first and by_id[h[4]["id"]]["new_values"] == second


def test_batch_of_rows_without_geometry_on_a_spatial_layer(new_project):
    """A spatial layer may get rows without geometry only; the R-tree has nothing to add then."""
    p = new_project()
    schema = LayerSchema(name="punkte_ohne", key="k", fields=(Field("k", "text", "K"),), geometry_type="POINT")
    p.store.create_layer(schema)
    res = p.store.upsert("punkte_ohne", [Feature({"k": "a"}), Feature({"k": "b"})])
    assert res.inserted == 2 and p.store.get("punkte_ohne", "a").geometry is None
