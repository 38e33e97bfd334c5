"""The store API, run against both backends: GeoPackage (embedded) and a real PostGIS server."""

from __future__ import annotations

import pytest
from shapely.geometry import MultiPolygon, Point, Polygon

from twin.errors import SchemaError, StoreError, TwinError
from twin.store import Feature, Field, LayerSchema

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
