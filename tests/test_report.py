"""Council reports (PDF) from a planning variant, on the sample municipality with real heavy-rain and heat runs
(coarse cells, short storm, one hour): the key figures against values derived here from the store, the PDF
rendered with poppler (pdftoppm, pdftotext) – pages, text, the before/after pictures – the council's role,
missing runs, bad input, cancel, the command line and the dialog in a real window."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import shapely
from PIL import Image
from typer.testing import CliRunner

from twin.errors import Cancelled, ReportError, TwinError
from twin.model.cadastre import PARCELS
from twin.project import Project
from twin.report import build_report, data_sources, default_viewpoints, variant_figures
from twin.report.content import KeyFigure, Viewpoint
from twin.report.figures import sealed_area
from twin.report.pdf import german_number
from twin.sim.heat.run import run_heat
from twin.sim.heat.weather import preset
from twin.sim.heavy_rain import HeavyRainScenario, run_heavy_rain
from twin.sim.heavy_rain.surfaces import SEALING, cover_of_use
from twin.variants import changes, new_variant
from twin.variants.model import ADD, VariantError
from twin.variants.sample import KITA, MARKTPLATZ, MARKTPLATZ_TREES, village_rect
from views.report_shots import render_views

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftoppm, pdftotext) fehlt; .ci/run installiert es")

#: 10 min of rain and 5 min run-on on 10 m cells: about a second per run
RAIN = dict(hyetograph=[(5.0, 60.0), (10.0, 120.0)], after_min=5.0, cell_size_m=10)
DAY = dt.date(2026, 7, 15)
#: the Marktplatz area the sample variant de-seals (village frame of twin.variants.sample)
DESEALED = village_rect(-28.0, 20.0, 28.0, 56.0)
KITA_FOOTPRINT = village_rect(-10.0, 99.0, 10.0, 113.0)
runner = CliRunner()


# --------------------------------------------------------------------------- helpers
def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_pages(path: Path, dest: Path) -> list[np.ndarray]:
    """The pages rendered at 50 dpi (RGB arrays), in order."""
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(dest / "seite")], check=True)
    files = sorted(dest.glob("seite-*.png"), key=lambda f: int(f.stem.rsplit("-", 1)[1]))
    return [np.asarray(Image.open(f).convert("RGB")).astype(np.int16) for f in files]


def picture_blocks(page: np.ndarray) -> list[np.ndarray]:
    """The pictures on a rendered page: runs of rows that are coloured (not paper white) almost all across
    the text width."""
    coloured = (page < 235).any(axis=2)
    full = coloured.mean(axis=1) > 0.6
    blocks, start = [], None
    for i, f in enumerate([*full, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            if i - start > 20:
                rows = page[start:i]
                cols = np.flatnonzero((rows < 235).any(axis=2).mean(axis=0) > 0.9)
                blocks.append(rows[:, cols.min():cols.max() + 1])
            start = None
    return blocks


def expected_sealing_change(project: Project, area, new_percent: float) -> float:
    """Change of the sealed area [m²] when ``area`` (no buildings on it) gets ``new_percent`` sealing: each
    parcel's share of it had the usual sealing of the parcel's use before."""
    before = 0.0
    for f in project.store.features(PARCELS.name):
        cover = cover_of_use(f.attrs.get("nutzung"))
        if cover is not None and f.geometry.intersects(area):
            before += f.geometry.intersection(area).area * SEALING[cover] / 100.0
    return area.area * new_percent / 100.0 - before


def by_label(figures: list[KeyFigure]) -> dict[str, KeyFigure]:
    return {f.label: f for f in figures}


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def runs(sample_project_dir, tmp_path_factory):
    """A project copy with a heavy-rain and a heat run of the Bestand and of the Marktplatz variant."""
    dest = tmp_path_factory.mktemp("bericht") / "p"
    shutil.copytree(sample_project_dir, dest)
    p = Project.open(dest)
    flood = {v: run_heavy_rain(p, HeavyRainScenario(variant=v, **RAIN)) for v in (None, MARKTPLATZ)}
    heat = {v: run_heat(p, DAY, preset(), variant=v, hours=(14.0,), cell_size_m=5, title="Heißer Tag")
            for v in (None, MARKTPLATZ)}
    yield p, flood, heat
    p.close()


@pytest.fixture(scope="module")
def reports(runs, tmp_path_factory):
    """The Marktplatz report of the administration and of the council (Ratszwilling), rendered as PNG pages."""
    p = runs[0]
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for role in (None, "rat"):
        messages: list[tuple[float, str]] = []
        path = build_report(p, MARKTPLATZ, folder / f"bericht_{role or 'verwaltung'}.pdf", render=render_views,
                            role=role, progress=lambda f, m: messages.append((f, m)))
        out[role] = (path, pdf_text(path), pdf_pages(path, folder / f"seiten_{role or 'verwaltung'}"), messages)
    return out


# --------------------------------------------------------------------------- figures
def test_figures_are_the_stored_and_derived_values(runs):
    p, flood, heat = runs
    figs = by_label(variant_figures(p, MARKTPLATZ))
    planted = [c for c in changes(p.store, MARKTPLATZ, "trees") if c.action == ADD]
    assert len(planted) == len(MARKTPLATZ_TREES) == 8
    assert (figs["Neu gepflanzte Bäume"].before, figs["Neu gepflanzte Bäume"].after) == (0, 8)
    trees = p.store.count("trees")
    assert (figs["Bäume im Baumkataster"].before, figs["Bäume im Baumkataster"].after) == (trees, trees + 8)
    # the square becomes lawn (0 %): what its parcels' use sealed before goes away (Platz: asphalt, 100 %)
    sealed = figs["Versiegelte Fläche"]
    assert sealed.before == pytest.approx(sealed_area(p))
    assert sealed.change == pytest.approx(expected_sealing_change(p, DESEALED, 0.0), abs=0.5)
    assert sealed.change < -1900
    rain = figs["Von Starkregen betroffene Gebäude"]
    assert (rain.before, rain.after) == (flood[None].affected_buildings, flood[MARKTPLATZ].affected_buildings)
    assert "Zellgröße 10 m" in rain.note
    hot = figs["Fläche mit starkem Hitzestress"]
    assert (hot.before, hot.after) == (heat[None].strong_heat_m2, heat[MARKTPLATZ].strong_heat_m2)
    assert hot.before > 0 and "15.07.2026, 14 Uhr" in hot.note
    # the Kita adds a fully sealed roof where the parcel's use counted 40 %
    kita = by_label(variant_figures(p, KITA))["Versiegelte Fläche"]
    assert kita.change == pytest.approx(expected_sealing_change(p, KITA_FOOTPRINT, 100.0), abs=0.5)
    assert kita.change == pytest.approx(280 * 0.6, abs=1.0)


def test_missing_runs_are_named_not_counted_as_zero(runs, sample_project, tmp_path):
    p = runs[0]
    figs = by_label(variant_figures(p, KITA))
    rain, hot = figs["Von Starkregen betroffene Gebäude"], figs["Fläche mit starkem Hitzestress"]
    assert rain.before is not None and rain.after is None and rain.change is None
    assert rain.note == "kein Starkregenlauf für diese Variante – bitte zuerst rechnen"
    assert hot.after is None and hot.note == "kein Hitzelauf für diese Variante – bitte zuerst rechnen"
    # a project without any run: neither side
    fresh = by_label(variant_figures(sample_project, MARKTPLATZ))
    assert fresh["Von Starkregen betroffene Gebäude"].before is None
    assert "für den Bestand und für diese Variante – bitte zuerst rechnen" in fresh["Von Starkregen betroffene Gebäude"].note
    # the PDF says so too (a report without views: no pictures asked for)
    # … and a figure the caller adds (land management) follows the variant's own
    extra = KeyFigure("Baulücken (Innenentwicklung)", 12, 11, "Flächen", note="aus dem Flächenmanagement")
    out = build_report(p, KITA, tmp_path / "kita.pdf", render=render_views, viewpoints=[], extra_figures=[extra])
    text = " ".join(pdf_text(out).split())
    mark = re.search(r"Baulücken \(Innenentwicklung\)(\S) 12 Flächen 11 Flächen −1 Flächen", text)
    assert mark and f"{mark.group(1)} aus dem Flächenmanagement" in text
    # the land-management figures of the store itself: the Kita is built on a vacant plot
    vacant = sum(1 for k in p.store.keys("land_potential") if k.startswith("BL-"))
    assert f"Baulücken {vacant} Stück {vacant - 1} Stück −1 Stück" in text
    assert "kein Starkregenlauf für diese Variante – bitte zuerst rechnen" in text
    assert "kein Hitzelauf für diese Variante – bitte zuerst rechnen" in text
    assert re.search(r"Seite 1 von [12]\b", text)


def test_only_comparable_runs_are_paired(sample_project):
    p = sample_project
    run_heat(p, DAY, preset(), hours=(14.0,), cell_size_m=5)
    var = run_heat(p, DAY, preset(), variant=MARKTPLATZ, hours=(14.0,), cell_size_m=5)
    newer = run_heat(p, DAY, preset(), hours=(14.0,), cell_size_m=10)  # newest Bestand run, other grid
    hot = by_label(variant_figures(p, MARKTPLATZ))["Fläche mit starkem Hitzestress"]
    assert hot.after == var.strong_heat_m2 and hot.before != newer.strong_heat_m2 and hot.before is not None
    run_heavy_rain(p, HeavyRainScenario(**RAIN))
    run_heavy_rain(p, HeavyRainScenario(variant=MARKTPLATZ, **{**RAIN, "cell_size_m": 20}))
    rain = by_label(variant_figures(p, MARKTPLATZ))["Von Starkregen betroffene Gebäude"]
    assert rain.before is None and "mit denselben Einstellungen" in rain.note and "bitte zuerst rechnen" in rain.note


def test_data_sources_with_dates_and_through_the_role(runs):
    p, flood, _ = runs
    admin = {s.source: s.date for s in data_sources(p, None, MARKTPLATZ)}
    imported = {r["source_file"].rsplit("/", 1)[-1]: r["imported_at"] for r in p.store.provenance()}
    day = dt.datetime.fromisoformat(imported["baumkataster.csv"].replace("Z", "+00:00")).astimezone().date()
    assert admin["Baumkataster: baumkataster.csv"] == day
    assert any("wasserzaehler_abrechnung.csv" in s for s in admin)
    assert any(flood[MARKTPLATZ].run_id in s and "Variante" in s for s in admin)
    council = {s.source for s in data_sources(p, "rat", MARKTPLATZ)}
    assert "Baumkataster: baumkataster.csv" in council
    # the council sees neither water meters nor the sewer network, so not their source files either
    assert not any("wasserzaehler" in s or "kanal_isybau" in s for s in council)
    assert all("/" not in s for s in council)  # file names only, no local folders


# --------------------------------------------------------------------------- the PDF
def test_pdf_pages_text_and_key_figures(runs, reports):
    p = runs[0]
    path, text, pages, messages = reports[None]
    assert len(pages) >= 3  # title, figures and sources (one or two pages), one page per viewpoint
    flat = " ".join(text.split())
    for page in range(1, len(pages) + 1):
        assert f"Seite {page} von {len(pages)}" in flat
    assert "Vorlage für die Sitzung des Gemeinderats" in flat and p.name in flat
    assert "Planungsvariante „Marktplatz entsiegeln und begrünen“" in flat
    assert "Kennzahl Bestand Variante Änderung" in flat
    figs = by_label(variant_figures(p, MARKTPLATZ))
    sealed = figs["Versiegelte Fläche"]
    trees = p.store.count("trees")
    rows = {
        "Neu gepflanzte Bäume": "0 Bäume 8 Bäume +8 Bäume",
        "Bäume im Baumkataster": f"{trees} Bäume {trees + 8} Bäume +8 Bäume",
        "Versiegelte Fläche¹": f"{german_number(sealed.before)} m² {german_number(sealed.after)} m² "
                               f"{german_number(expected_sealing_change(p, DESEALED, 0.0), sign=True)} m²",
    }
    for label, values in rows.items():
        assert f"{label} {values}" in flat, flat
    assert "−1.997 m²" in flat  # 1 984 m² of asphalt and 32 m² at 40 %
    rain = figs["Von Starkregen betroffene Gebäude"]
    assert f"Von Starkregen betroffene Gebäude² {rain.before:.0f} Gebäude {rain.after:.0f} Gebäude" in flat
    hot = figs["Fläche mit starkem Hitzestress"]
    assert f"{german_number(hot.before)} m² {german_number(hot.after)} m²" in flat
    vacant = sum(1 for k in p.store.keys("land_potential") if k.startswith("BL-"))  # the Marktplatz uses none
    assert f"Baulücken {vacant} Stück {vacant} Stück" in flat and "Fläche der Baulücken" in flat
    assert "Datengrundlagen" in flat and "Baumkataster: baumkataster.csv" in flat
    assert "Ansicht „Gesamtansicht“" in flat and "Ansicht „Änderungsbereich“" in flat
    assert "Bestand (heute)" in flat and "Variante (geplant)" in flat
    # progress rose to the end, through the pictures
    fractions = [f for f, _ in messages]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("Ansicht „Änderungsbereich“" in m for _, m in messages)


def test_pictures_show_the_town_and_the_change(reports):
    _, _, pages, _ = reports[None]
    assert picture_blocks(pages[0]) == []  # the first page is text and tables only
    for page, town in ((pages[-2], 0.002), (pages[-1], 0.05)):  # the village is small in the overview
        before, after = picture_blocks(page)
        assert before.shape == after.shape and before.shape[0] > 150 and before.shape[1] > 300
        for img in (before, after):
            roofs = (img[..., 0] > 140) & (img[..., 1] < 90) & (img[..., 2] < 90)  # red roofs
            assert roofs.mean() > town and img.std() > 20
    # „Änderungsbereich“ looks at the square: the middle changes (lawn, trees), the edges do not
    before, after = picture_blocks(pages[-1])
    h, w = before.shape[:2]
    diff = np.abs(before - after).sum(axis=2)
    middle = diff[int(0.3 * h):int(0.75 * h), int(0.3 * w):int(0.7 * w)]
    edges = np.concatenate([diff[:, :int(0.12 * w)].ravel(), diff[:, int(0.88 * w):].ravel()])
    assert (middle > 60).mean() > 0.15
    assert (edges > 60).mean() < 0.02
    greener = after[int(0.3 * h):int(0.75 * h), int(0.3 * w):int(0.7 * w), 1].mean()
    assert greener > before[int(0.3 * h):int(0.75 * h), int(0.3 * w):int(0.7 * w), 1].mean() + 5
    # the overview: same camera, only a small part differs
    before, after = picture_blocks(pages[-2])
    diff = np.abs(before - after).sum(axis=2)
    assert 0 < (diff > 60).mean() < 0.05


def test_council_report_reads_through_the_role(runs, reports, tmp_path):
    p = runs[0]
    _, admin_text, _, _ = reports[None]
    _, text, pages, _ = reports["rat"]
    flat = " ".join(text.split())
    assert "Grundlage: Ratszwilling" in flat and len(pages) == 3
    assert "wasserzaehler_abrechnung.csv" in admin_text and "kanal_isybau.xml" in admin_text
    assert "wasserzaehler" not in text and "kanal_isybau" not in text
    # the Kita is internal: for the council it does not exist, and no file is written
    with pytest.raises(VariantError, match="gibt es nicht"):
        build_report(p, KITA, tmp_path / "kita.pdf", render=render_views, role="rat")
    assert not any(tmp_path.iterdir())


# --------------------------------------------------------------------------- bad input, cancel
def test_bad_input_gives_german_errors(sample_project, tmp_path):
    p = sample_project
    tmp_path = tmp_path / "berichte"  # the project copy lies in tmp_path too
    tmp_path.mkdir()
    with pytest.raises(VariantError, match="Die Variante 'gibt_es_nicht' gibt es nicht") as err:
        build_report(p, "gibt_es_nicht", tmp_path / "x.pdf", render=render_views)
    assert isinstance(err.value, TwinError)
    new_variant(p, "leer", "Noch leer")
    with pytest.raises(ReportError, match="enthält noch keine Änderungen.*bitte zuerst Änderungen planen"):
        build_report(p, "leer", tmp_path / "leer.pdf", render=render_views)
    with pytest.raises(ReportError, match=r"Dateinamen mit \.pdf"):
        build_report(p, MARKTPLATZ, tmp_path / "bericht.docx", render=render_views)
    with pytest.raises(ReportError, match="gibt es nicht"):
        build_report(p, MARKTPLATZ, tmp_path / "fehlt" / "bericht.pdf", render=render_views)
    with pytest.raises(TwinError, match="Unbekannte Rolle"):
        build_report(p, MARKTPLATZ, tmp_path / "bericht.pdf", render=render_views, role="gemeinderat")
    assert not any(tmp_path.iterdir())


def test_a_project_without_data_says_what_is_needed(new_project, tmp_path):
    from twin.variants.planning import plant_tree

    p = new_project(name="Leerdorf")
    v = new_variant(p, "baeume", "Bäume pflanzen")
    plant_tree(v, 690500.0, 5335500.0, "Tilia cordata", 6.0, 3.0, 2026)
    figs = by_label(variant_figures(p, "baeume"))
    assert figs["Neu gepflanzte Bäume"].after == 1
    assert figs["Versiegelte Fläche"].before is None and "bitte zuerst ALKIS" in figs["Versiegelte Fläche"].note
    with pytest.raises(ReportError, match="Geländemodell"):
        build_report(p, "baeume", tmp_path / "leer.pdf", render=render_views,
                     viewpoints=[Viewpoint("Gesamtansicht")])
    assert not (tmp_path / "leer.pdf").exists() and not list(tmp_path.glob("*.tmp"))


def test_cancel_leaves_no_file_and_keeps_an_older_report(runs, tmp_path):
    p = runs[0]
    out = tmp_path / "bericht.pdf"
    out.write_bytes(b"%PDF alter Bericht")
    seen: list[str] = []

    def progress(f: float, m: str) -> None:
        seen.append(m)

    with pytest.raises(Cancelled, match="keine Datei geschrieben"):
        build_report(p, MARKTPLATZ, out, render=render_views, progress=progress,
                     cancel=lambda: any("Variante:" in m for m in seen))
    assert out.read_bytes() == b"%PDF alter Bericht"
    assert [f.name for f in tmp_path.iterdir()] == ["bericht.pdf"]  # no temporary file left


def test_german_numbers():
    assert german_number(67935.4) == "67.935" and german_number(-1996.83) == "−1.997"
    assert german_number(8, sign=True) == "+8" and german_number(0.2, sign=True) == "±0"
    assert german_number(1234.56, 1) == "1.234,6" and german_number(-0.4) == "0"


def test_default_viewpoints_look_at_the_change(runs):
    p = runs[0]
    overview, change = default_viewpoints(p, MARKTPLATZ)
    assert overview.centre is None and change.name == "Änderungsbereich"
    assert shapely.Point(change.centre).within(DESEALED)
    assert 90 <= change.distance < 400


# --------------------------------------------------------------------------- command line
def test_command_line(runs, tmp_path):
    from cli.main import app

    p = runs[0]
    out = tmp_path / "rat.pdf"
    res = runner.invoke(app, ["bericht", str(p.root), MARKTPLATZ, "--ausgabe", str(out), "--rolle", "rat"])
    assert res.exit_code == 0, res.output
    assert "Ratsbericht geschrieben" in res.output and out.is_file()
    assert "Grundlage: Ratszwilling" in " ".join(pdf_text(out).split())
    res = runner.invoke(app, ["bericht", str(p.root), KITA, "--ausgabe", str(tmp_path / "k.pdf"), "--rolle", "rat"])
    assert res.exit_code == 1 and "Die Variante 'kita_am_anger' gibt es nicht" in res.output
    assert not (tmp_path / "k.pdf").exists()


# --------------------------------------------------------------------------- the dialog in the window
@pytest.mark.gui
@pytest.mark.usefixtures("no_modal_boxes")
def test_dialog_makes_the_report_in_a_worker_and_cancels(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

    from tests.test_gui import TIMEOUT_MS
    from tests.test_menus import menu_actions
    from views.report_dialog import ReportDialog, ReportRequest, start_report
    from views.workers import CANCELLED, OK, Worker

    assert "Datei › Ratsbericht erstellen …" in [path for path, _ in menu_actions(window.menuBar())]
    dialog = ReportDialog(window.project, window)
    qtbot.addWidget(dialog)
    assert [dialog.variant.itemData(i) for i in range(dialog.variant.count())] == [MARKTPLATZ, KITA]
    assert dialog.twin.currentData() == "rat" and all(box.isChecked() for box in dialog.views.values())
    # the internal Kita cannot go into a council report; the administration's own report may show it
    dialog.variant.setCurrentIndex(dialog.variant.findData(KITA))
    assert dialog.out.text().endswith("ratsbericht_kita_am_anger.pdf")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "nicht für den Rat freigegeben" in dialog.note.text()
    dialog.twin.setCurrentIndex(dialog.twin.findData(None))
    assert dialog.problem() is None
    dialog.variant.setCurrentIndex(dialog.variant.findData(MARKTPLATZ))
    dialog.twin.setCurrentIndex(dialog.twin.findData("rat"))
    dialog.out.setText(str(tmp_path / "bericht.odt"))
    assert "endet nicht auf .pdf" in dialog.problem()
    out = tmp_path / "vorlage.pdf"
    dialog.out.setText(str(out))
    dialog.views["Gesamtansicht"].setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.note.text()
    req = dialog.request()
    assert (req.variant, req.role, req.viewpoints, req.out) == (MARKTPLATZ, "rat", ("Änderungsbereich",), out)

    outcomes, progress = [], []
    start = Worker.start

    def start_heard(self, *args):  # listen before the thread runs
        self.progress.connect(lambda f, m: progress.append((f, m)))
        self.done.connect(lambda outcome, payload: outcomes.append((outcome, payload)))
        return start(self, *args)

    monkeypatch.setattr(Worker, "start", start_heard)
    start_report(window, req)
    assert window.report_progress is not None and window.report_progress.isVisible()
    qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=TIMEOUT_MS)
    assert outcomes[0] == (OK, out), outcomes
    assert window.report_progress is None and "Ratsbericht geschrieben" in window.statusBar().currentMessage()
    assert progress and progress[-1][0] == 1.0
    pages = pdf_pages(out, tmp_path / "seiten")
    assert len(picture_blocks(pages[-1])) == 2 and picture_blocks(pages[0]) == []  # figures, then one view
    text = " ".join(pdf_text(out).split())
    assert "Ansicht „Änderungsbereich“" in text and "Gesamtansicht" not in text
    assert "Grundlage: Ratszwilling" in text and "bitte zuerst rechnen" in text  # the sample has no runs

    # „Abbrechen“ in the progress dialog while the scenes are built: no file, no temporary file
    again = tmp_path / "abgebrochen.pdf"
    start_report(window, ReportRequest(MARKTPLATZ, "rat", ("Gesamtansicht", "Änderungsbereich"), again))
    dlg = window.report_progress
    qtbot.waitUntil(lambda: "Bestand:" in dlg.labelText(), timeout=TIMEOUT_MS)  # building the first scene
    button = dlg.findChild(QPushButton)
    assert button.text() == "Abbrechen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=TIMEOUT_MS)
    assert outcomes[1][0] == CANCELLED and "keine Datei" in outcomes[1][1]
    assert "abgebrochen" in window.statusBar().currentMessage()
    assert not again.exists() and not list(tmp_path.glob(".*.tmp"))
