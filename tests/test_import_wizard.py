"""The import wizard, driven like a user: file -> detection -> (mapping) -> dry run -> import -> summary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
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


# ---------------------------------------------------------------- newer formats: preview, CRS, worker thread

def _wizard(qtbot, project, path):
    wiz = ImportWizard(project, path=path)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def _check_and_import(qtbot, wiz):
    """From the page before the dry run: dry run (must pass), then the import; returns the report."""
    wiz.next()
    assert wiz.currentPage() is wiz.check_page
    _wait_page_done(qtbot, wiz.check_page)
    assert wiz.check_page.outcome == "ok", wiz.check_page.status.text()
    with qtbot.waitSignal(wiz.finished_import, timeout=TIMEOUT_MS) as sig:
        wiz.next()
    return sig.args[0]


def _facts(wiz) -> dict[str, str]:
    return dict(wiz.file_page.info.facts)


def _table(wiz) -> dict[str, str]:
    """First column -> second column of the file page's preview table, as shown."""
    return {row[0].strip(): row[1] for row in wiz.file_page.table_text()}


def test_isybau_2017_preview_counts_are_what_the_import_writes(qtbot, tmp_path):
    from tests.test_import_isybau import CELLE, DATA as ISY

    notify.show_dialogs(False)
    p = Project.create(tmp_path / "gem", crs=25832, extent=CELLE)
    wiz = _wizard(qtbot, p, ISY / "ISYBAU_XML-2017-Stammdaten.xml")
    assert wiz.file_page.format_label.text().endswith("Version 2017")
    assert wiz.file_page.crs_edit.text() == "EPSG:25832"
    note = wiz.file_page.note_label.text()
    assert "CRSLage ETRS89_UTM32" in note and "UTM zone 32N" in note
    assert _facts(wiz)["ISYBAU-Version"] == "2017"
    assert not wiz.file_page.table.isHidden()
    shown = _table(wiz)
    assert {"davon Schacht", "davon Bauwerk", "davon Haltung"} <= set(shown)
    report = _check_and_import(qtbot, wiz)
    assert report.source_crs == "EPSG:25832"
    assert shown["Schächte/Bauwerke (Knoten)"] == str(p.store.count("sewer_nodes"))
    assert shown["Haltungen/Leitungen (Kanten)"] == str(p.store.count("sewer_reaches"))
    p.close()


def test_isybau_2013_with_crs_and_condition_data(qtbot, project, tmp_path):
    from tests.test_import_isybau import _synthetic_2013

    wiz = _wizard(qtbot, project, _synthetic_2013(tmp_path / "kanal_2013.xml"))
    assert wiz.file_page.format_label.text().endswith("Version 2013")
    assert wiz.file_page.crs_edit.text() == "EPSG:31468"  # DE_DHDN_3GK4 in the file
    assert _facts(wiz)["Lagesystem (CRSLage)"] == "DE_DHDN_3GK4"
    shown = _table(wiz)
    assert (shown["Schächte/Bauwerke (Knoten)"], shown["Haltungen/Leitungen (Kanten)"]) == ("2", "1")
    assert (shown["Inspektionen (Zustandsdaten)"], shown["Zustandsbeobachtungen"]) == ("1", "2")
    _check_and_import(qtbot, wiz)
    assert project.store.count("sewer_nodes") == 2 and project.store.count("sewer_reaches") == 1
    assert project.store.count("sewer_observations") == 2


def test_isybau_without_crs_fails_clearly_then_imports_with_typed_crs(qtbot, tmp_path):
    from tests.test_import_isybau import DATA as ISY

    notify.show_dialogs(False)
    p = Project.create(tmp_path / "gem", crs=25832, extent=(346000.0, 5461000.0, 348000.0, 5463000.0))
    wiz = _wizard(qtbot, p, ISY / "isybauxml_bauwerke.xml")
    page = wiz.file_page
    assert page.crs_edit.text() == ""
    assert "kein KBS in der Datei — bitte angeben" in page.note_label.text()
    assert _facts(wiz)["Lagesystem (CRSLage)"] == "keines in der Datei"
    shown = _table(wiz)
    before = snapshot(p)
    wiz.next()  # without a CRS: the dry run fails with a German message that points to the CRS field
    _wait_page_done(qtbot, wiz.check_page)
    status = wiz.check_page.status.text()
    assert wiz.check_page.outcome == "failed" and not wiz.check_page.isComplete()
    assert "kein Lagesystem" in status and "Koordinatensystem eintragen" in status and "--crs" not in status
    assert snapshot(p) == before
    wiz.back()
    assert wiz.currentPage() is page
    page.crs_edit.setText("EPSG:999999")  # a typo blocks the next step
    assert not page.isComplete() and "Unbekanntes Koordinatensystem" in page.note_label.text()
    page.crs_edit.setText("EPSG:25832")
    assert page.isComplete() and "Angegeben: ETRS89 / UTM zone 32N" in page.note_label.text()
    report = _check_and_import(qtbot, wiz)
    assert report.source_crs == "EPSG:25832"
    assert any("kein Lagesystem" in str(pr) for pr in report.problems)
    assert shown["Schächte/Bauwerke (Knoten)"] == str(p.store.count("sewer_nodes"))
    assert shown["Haltungen/Leitungen (Kanten)"] == str(p.store.count("sewer_reaches")) == "3"
    p.close()


def test_meter_csv_columns_mapping_first_rows_and_import(qtbot, project):
    import csv

    from importers.meters.columns import load_meter_profile
    from tests.test_import_meters import MIXED, _with_parcels

    _with_parcels(project)
    with open(MIXED, encoding="cp1252", newline="") as f:
        header, *rows = list(csv.reader(f, delimiter=";"))
    wiz = _wizard(qtbot, project, MIXED)
    page = wiz.file_page
    assert page.format_label.text().startswith("Wasserzähler")
    assert page.encoding_label.text() == "Windows-1252 (ANSI)"
    assert _facts(wiz)["Spalten"] == f"{len(header)} (Trennzeichen „;“, Dezimalzeichen „,“)"
    assert "Zählernummer" in _facts(wiz)["Zuordnung"]
    assert [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())] == header
    assert page.table_text()[:3] == rows[:3]
    wiz.next()
    assert wiz.currentPage() is wiz.mapping_page
    mapping = wiz.mapping_page.mapping()
    assert mapping["zaehlernummer"] == "Zählernummer" and (mapping["x"], mapping["y"]) == ("Rechtswert", "Hochwert")
    assert wiz.mapping_page.rows.item(0, header.index("Zählernummer")).text() == rows[0][header.index("Zählernummer")]
    report = _check_and_import(qtbot, wiz)
    assert report.problems == []
    assert project.store.count("water_meters") == len(rows) + report.counts["Zählerwechsel"]
    saved = load_meter_profile(project.root / "profiles" / f"water_meters_{MIXED.stem}.toml")
    assert saved.columns["zaehlernummer"] == "Zählernummer" and saved.crs == "EPSG:25832"


def test_cityjson_version_crs_and_object_types(qtbot, tmp_path):
    from tests.test_import_cityjson import DELFT, DENHAAG, doc, types, utm_extent

    notify.show_dialogs(False)
    p = Project.create(tmp_path / "gem", crs=25832, extent=utm_extent(DELFT))
    wiz = _wizard(qtbot, p, DELFT)
    assert wiz.file_page.format_label.text().endswith(f"Version {doc(DELFT)['version']}")
    assert wiz.file_page.crs_edit.text() == doc(DELFT)["metadata"]["referenceSystem"]
    assert "Amersfoort / RD New + NAP height" in wiz.file_page.note_label.text()
    counts = types(DELFT)
    assert {row[0]: (int(row[1]), row[2]) for row in wiz.file_page.table_text()} == {
        t: (n, "ja" if t in ("Building", "BuildingPart") else "nein") for t, n in counts.items()}
    _check_and_import(qtbot, wiz)
    assert p.store.count("buildings") == counts["Building"] + counts.get("BuildingPart", 0)
    other = _wizard(qtbot, p, DENHAAG)
    assert other.file_page.crs_edit.text() == "" and "kein KBS" in other.file_page.note_label.text()
    assert other.file_page.format_label.text().endswith("Version 1.1")
    p.close()


def test_lidar_header_classes_and_import_with_typed_crs(qtbot, tmp_path):
    import laspy
    import numpy as np

    from tests.test_import_lidar import EVLR, NRW, NRW_EXTENT, WARSAW
    from views.wizard_preview import LAS_CLASSES, number

    notify.show_dialogs(False)
    p = Project.create(tmp_path / "gem", crs=25832, extent=NRW_EXTENT)
    wiz = _wizard(qtbot, p, WARSAW)
    las = laspy.read(WARSAW)
    facts = _facts(wiz)
    assert facts["LAS-Version"] == f"{las.header.version} (Punktformat {las.header.point_format.id})"
    assert facts["Punkte"] == number(len(las.points))
    classes, counts = np.unique(np.asarray(las.classification), return_counts=True)
    assert wiz.file_page.table_text() == [[str(c), LAS_CLASSES[c], number(n)] for c, n in zip(classes, counts)]
    assert wiz.file_page.crs_edit.text() == "" and "kein KBS" in wiz.file_page.note_label.text()
    evlr = _wizard(qtbot, p, EVLR)  # keep a reference: a wizard collected by the GC mid-test would crash Qt
    assert evlr.file_page.crs_edit.text()  # the file's own WKT
    nrw = _wizard(qtbot, p, NRW)
    nrw.file_page.crs_edit.setText("EPSG:25832")
    report = _check_and_import(qtbot, nrw)
    assert report.counts["Punkte"] == int(_facts(nrw)["Punkte"].replace(".", ""))
    assert sorted(r["kind"] for r in p.store.rasters()) == ["dem", "dgm", "dom"]
    p.close()


def test_import_runs_in_a_worker_thread_with_progress_and_cancel(qtbot, tmp_path, monkeypatch):
    import threading

    from importers.isybau.load import IsybauImporter
    from tests.test_import_isybau import CELLE, DATA as ISY

    notify.show_dialogs(False)
    p = Project.create(tmp_path / "gem", crs=25832, extent=CELLE)
    real_run = IsybauImporter.run
    seen: dict[str, object] = {}

    def slow_run(self, project, path, report, progress, cancel, actor):
        seen["thread"] = threading.current_thread()
        progress(0.25, "Lese (langsam) …")
        for _ in range(600):  # until the user presses "Abbrechen" (at most 30 s)
            if cancel.cancelled:
                break
            threading.Event().wait(0.05)
        return real_run(self, project, path, report, progress, cancel, actor)

    monkeypatch.setattr(IsybauImporter, "run", slow_run)
    wiz = _wizard(qtbot, p, ISY / "ISYBAU_XML-2017-Stammdaten.xml")
    before = snapshot(p)
    wiz.next()
    page = wiz.check_page
    qtbot.waitUntil(lambda: page.bar.value() == 250, timeout=TIMEOUT_MS)  # the GUI thread stays responsive
    assert "langsam" in page.status.text() and page.outcome is None
    assert seen["thread"] is not threading.main_thread()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    _wait_page_done(qtbot, page)
    assert page.outcome == "cancelled" and page.status.text().startswith("Abgebrochen")
    assert not page.isComplete() and snapshot(p) == before
    p.close()


def test_file_dialog_filter_lists_every_importer():
    from importers.base import all_importers
    from views.import_dialog import file_filter

    entries = file_filter().split(";;")
    assert entries[0].startswith("Alle unterstützten Formate") and entries[-1] == "Alle Dateien (*)"
    for imp in all_importers():
        assert any(e.startswith(imp.title) for e in entries), imp.title
        assert all(f"*{s}" in entries[0] for s in imp.suffixes)
    assert "*.laz" in entries[0] and "*.city.jsonl" in entries[0]
