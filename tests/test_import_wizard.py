"""The import wizard, driven like a user: file -> detection -> (mapping) -> dry run -> import -> summary."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from twin.project import Project
from views import notify
from views.import_wizard import ImportWizard

from tests.conftest import SAMPLE_EXTENT, SAMPLE_REAL
from tests.test_import_citygml import snapshot

pytestmark = pytest.mark.gui
TIMEOUT_MS = 60_000


@pytest.fixture
def project(tmp_path):
    notify.show_dialogs(False)
    p = Project.create(tmp_path / "p", crs=25832, extent=SAMPLE_EXTENT)
    yield p
    p.close()
    notify.show_dialogs(True)


def _wait_page_done(qtbot, page):
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=TIMEOUT_MS)


def test_citygml_through_all_steps(qtbot, project):
    wiz = ImportWizard(project)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.file_page.path_edit.setText(str(SAMPLE_REAL / "DEBY_LOD2_4959457.gml"))
    assert wiz.file_page.format_label.text() == "3D-Gebäude (CityGML)"
    assert wiz.file_page.isComplete()
    before = snapshot(project)
    wiz.next()  # no mapping for CityGML: straight to the dry run
    assert wiz.currentPage() is wiz.check_page
    _wait_page_done(qtbot, wiz.check_page)
    assert wiz.check_page.outcome == "ok" and "Probelauf" in wiz.check_page.status.text()
    assert "neu: 1" in wiz.check_page.status.text()
    assert snapshot(project) == before  # validation wrote nothing
    with qtbot.waitSignal(wiz.finished_import, timeout=TIMEOUT_MS) as sig:
        wiz.next()
    assert wiz.currentPage() is wiz.import_page
    report = sig.args[0]
    assert report.counts["neu"] == 1 and project.store.count("buildings") == 1
    assert "Import abgeschlossen" in wiz.import_page.status.text()
    assert wiz.button(QWizard.WizardButton.FinishButton).isVisible()


def test_unknown_file_is_explained_and_blocks(qtbot, project, tmp_path):
    bad = tmp_path / "notiz.txt"
    bad.write_text("nur Text", encoding="utf-8")
    wiz = ImportWizard(project, path=bad)
    qtbot.addWidget(wiz)
    wiz.show()
    assert "Unbekanntes Dateiformat" in wiz.file_page.format_label.text()
    assert not wiz.file_page.isComplete()


def test_failed_dry_run_blocks_import(qtbot, project):
    from tests.conftest import DATA

    wiz = ImportWizard(project, path=DATA / "citygml" / "Berlin_LoD2_3910_5819.gml")  # outside the extent
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.next()
    _wait_page_done(qtbot, wiz.check_page)
    assert wiz.check_page.outcome == "failed" and "außerhalb des Projektgebiets" in wiz.check_page.status.text()
    assert not wiz.check_page.isComplete()


def test_flat_cadastre_mapping_is_proposed_edited_and_saved(qtbot, tmp_path):
    from importers.profiles import load_profile
    from tests.test_import_cadastre_flat import DE_EXTENT, _de_shp

    notify.show_dialogs(False)
    p = Project.create(tmp_path / "gem", crs=25832, extent=DE_EXTENT)
    shp = _de_shp(tmp_path)
    wiz = ImportWizard(p, path=shp)
    qtbot.addWidget(wiz)
    wiz.show()
    assert wiz.file_page.format_label.text().startswith("Flurstücke")
    assert "25832" in wiz.file_page.crs_edit.text()
    wiz.next()
    assert wiz.currentPage() is wiz.mapping_page
    proposed = wiz.mapping_page.mapping()
    assert proposed["flurstueckskennzeichen"] == "FLSTKENNZ" and proposed["amtliche_flaeche"] == "AFL"
    assert wiz.mapping_page.rows.rowCount() == 5 and wiz.mapping_page.rows.columnCount() == 7
    wiz.mapping_page.set_column("lagebezeichnung", None)  # the user decides not to take the LAGE column
    wiz.next()
    _wait_page_done(qtbot, wiz.check_page)
    assert wiz.check_page.outcome == "ok", wiz.check_page.status.text()
    with qtbot.waitSignal(wiz.finished_import, timeout=TIMEOUT_MS):
        wiz.next()
    assert p.store.count("parcels") == 5
    assert all(f.attrs["lagebezeichnung"] is None for f in p.store.features("parcels"))
    saved = load_profile(p.root / "profiles" / f"parcels_{shp.stem}.toml")
    assert saved.columns["flurstueckskennzeichen"] == "FLSTKENNZ" and "lagebezeichnung" not in saved.columns
    p.close()


@pytest.mark.parametrize("source, extent, count", [("KONSTANZ", "KONSTANZ_EXTENT", 3000),
                                                   ("FLENSBURG", "FLENSBURG_EXTENT", 230)])
def test_tree_csv_through_the_wizard(qtbot, tmp_path, source, extent, count):
    """Encoding, CRS and mapping are detected, the saved profile maps the next delivery by itself."""
    import tests.test_import_trees as t
    from importers.profiles import find_profile

    notify.show_dialogs(False)
    p = Project.create(tmp_path / "gem", crs=25832, extent=getattr(t, extent))
    wiz = ImportWizard(p, path=getattr(t, source))
    qtbot.addWidget(wiz)
    wiz.show()
    assert wiz.file_page.format_label.text().startswith("Baum")
    assert wiz.file_page.crs_edit.text() and wiz.file_page.encoding_label.text() != "–"
    wiz.next()
    assert wiz.currentPage() is wiz.mapping_page
    mapping = wiz.mapping_page.mapping()
    assert {"x", "y"} <= set(mapping)
    wiz.next()
    _wait_page_done(qtbot, wiz.check_page)
    assert wiz.check_page.outcome == "ok", wiz.check_page.status.text()
    with qtbot.waitSignal(wiz.finished_import, timeout=TIMEOUT_MS) as sig:
        wiz.next()
    assert p.store.count("trees") == count, sig.args[0].problems[:5]
    columns = list(wiz.preview.columns)
    prof = find_profile(p.root, "trees", columns)
    assert prof is not None and prof.x == mapping["x"] and prof.y == mapping["y"]
    again = t.TreeImporter()(p, getattr(t, source))  # the next delivery: mapped by the saved profile
    assert again.counts.get("neu", 0) == 0 and p.store.count("trees") == count
    p.close()
