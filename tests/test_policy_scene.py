"""The layer engine composes the Rats- and Bürgerzwilling from the policy (sample municipality)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from layers.scene import build_scene, feature_info
from twin.errors import AccessDenied, TwinError
from twin.variants.sample import KITA, MARKTPLATZ


def _sql_during(store, fn):
    seen: list[str] = []

    def hook(conn, cursor, statement, params, context, executemany):
        seen.append(statement.lower())
    sa.event.listen(store.engine, "before_cursor_execute", hook)
    try:
        return fn(), seen
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", hook)


def test_citizen_twin_is_built_from_the_policy(sample_project):
    admin = build_scene(sample_project)
    scene, sql = _sql_during(sample_project.store, lambda: build_scene(sample_project, role="buerger"))
    assert not admin.layer("water_meters").is_empty and not admin.layer("sewer").is_empty
    assert scene.layer("water_meters").is_empty and scene.layer("sewer").is_empty
    assert scene.layer("buildings").mesh.n_cells == admin.layer("buildings").mesh.n_cells
    for table in ("water_meters", "meter_readings", "meter_customers", "sewer_reaches", "owners"):
        assert not any(f"from {table}" in s or f'from "{table}"' in s for s in sql), table
    (title,) = [f.title for f in sample_project.store.schema("buildings").fields if f.name == "source_file"]
    full = dict(feature_info(sample_project, admin.layer("buildings"), 0))
    mine = dict(feature_info(sample_project, scene.layer("buildings"), 0))
    assert title in full and title not in mine  # the citizens' inspector never shows the source file
    assert mine["Layer"] == full["Layer"] and len(mine) > 3


def test_variants_in_role_twins(sample_project):
    rat = build_scene(sample_project, role="rat", variant=MARKTPLATZ)
    assert any(la.mesh.n_cells and "changed" in la.mesh.cell_data and la.mesh.cell_data["changed"].any()
               for la in rat.layers)
    with pytest.raises(TwinError):  # internal variant: not in the council's twin
        build_scene(sample_project, role="rat", variant=KITA)
    with pytest.raises(TwinError):  # released to the council, not to the public
        build_scene(sample_project, role="buerger", variant=MARKTPLATZ)


def test_role_store_refuses_the_rest(sample_project):
    from layers.scene import role_source

    store = role_source(sample_project, "buerger").store
    with pytest.raises(AccessDenied):
        store.history()
    with pytest.raises(AccessDenied):
        store.features("meter_readings")
    table = store.table("buildings")
    with pytest.raises(AccessDenied, match="source_file"):
        store.features("buildings", table.c.source_file == "x")


def test_window_previews_the_citizen_twin(qtbot, sample_project):
    from tests.test_gui import TIMEOUT_MS, open_window

    window = open_window(qtbot, sample_project)
    assert not window.scene.layer("water_meters").is_empty
    with qtbot.waitSignal(window.scene_ready, timeout=TIMEOUT_MS):
        window.set_role("buerger")
    assert window.scene.layer("water_meters").is_empty and window.scene.layer("sewer").is_empty
    assert not window.scene.layer("buildings").is_empty
    assert "Bürgerzwilling" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.scene_ready, timeout=TIMEOUT_MS):
        window.set_role(None)
    assert not window.scene.layer("water_meters").is_empty
    window.close()
