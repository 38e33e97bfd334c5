"""``stadtzwilling starkregen``: KOSTRA design storm and own hyetograph on the sample project, the run list,
German errors."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from cli.main import app
from twin.project import Project
from twin.sim.heavy_rain import list_runs

from tests.conftest import ROOT

KOSTRA = ROOT / "tests" / "data" / "kostra" / "kostra_tabelle_187153.csv"
HYETO = ROOT / "tests" / "data" / "starkregen" / "ganglinie.csv"
runner = CliRunner()


def test_kostra_run_summary_and_list(project_dir):
    res = runner.invoke(app, ["starkregen", str(project_dir), "--kostra", str(KOSTRA), "--jaehrlichkeit", "10",
                              "--dauer", "15", "--zellgroesse", "20", "--nachlauf", "5", "--rand", "geschlossen"])
    assert res.exit_code == 0, res.output
    with Project.open(project_dir) as p:
        [run] = list_runs(p)
    assert run.scenario["return_period_a"] == 10 and run.scenario["boundary"] == "closed"
    assert run.scenario["cell_size_m"] == 20 and run.scenario["after_min"] == 5
    out = res.output
    assert f"Starkregen-Lauf {run.run_id}" in out and "T = 10 a, D = 15 min" in out
    for label in ("Niederschlag gesamt", "Abflusswirksamer Regen", "Größte Wassertiefe", "Betroffene Gebäude",
                  "Rechenzeit"):
        assert label in out
    total = run.balance["niederschlag_brutto_m3"]
    assert f"{total:,.1f}".replace(",", " ").replace(".", ",") in out
    assert re.search(rf"Betroffene Gebäude \(ab 0,1 m\)\s+{run.affected_buildings}\b", out)

    res = runner.invoke(app, ["starkregen", str(project_dir), "--liste"])
    assert res.exit_code == 0 and run.run_id in res.output and "nein" in res.output


def test_hyetograph_run_in_a_variant(project_dir):
    res = runner.invoke(app, ["starkregen", str(project_dir), "--ganglinie", str(HYETO), "--zellgroesse", "20",
                              "--nachlauf", "2", "--variante", "kita_am_anger"])
    assert res.exit_code == 0, res.output
    with Project.open(project_dir) as p:
        [run] = list_runs(p)
    assert run.variant == "kita_am_anger" and run.scenario["hyetograph"] == [[5.0, 60.0], [10.0, 120.0]]
    assert "(Variante kita_am_anger)" in res.output


def test_errors_are_german(project_dir, tmp_path):
    res = runner.invoke(app, ["starkregen", str(project_dir)])
    assert res.exit_code == 1 and "Regen fehlt" in res.output
    res = runner.invoke(app, ["starkregen", str(project_dir), "--kostra", str(KOSTRA), "--dauer", "60"])
    assert res.exit_code == 1 and "--jaehrlichkeit und --dauer" in res.output
    res = runner.invoke(app, ["starkregen", str(project_dir), "--ganglinie", str(HYETO), "--rand", "halb"])
    assert res.exit_code == 1 and "offen' oder 'geschlossen'" in res.output
    res = runner.invoke(app, ["starkregen", str(project_dir), "--ganglinie", str(HYETO), "--variante", "gibtsnicht",
                              "--zellgroesse", "20"])
    assert res.exit_code == 1 and "Die Variante 'gibtsnicht' gibt es nicht" in res.output
    res = runner.invoke(app, ["starkregen", str(tmp_path / "leer"), "--liste"])
    assert res.exit_code == 1 and "kein Stadtzwilling-Projekt" in res.output
    res = runner.invoke(app, ["starkregen", str(project_dir), "--liste"])
    assert res.exit_code == 0 and "Noch keine Starkregen-Läufe" in res.output
    with Project.open(project_dir) as p:
        assert list_runs(p) == []


def test_creek_inflow_from_csv(project_dir, tmp_path):
    creek = tmp_path / "seebach.csv"
    creek.write_text("Minute;Abfluss m³/s\n0;1,5\n10;1,5\n12;0\n", encoding="utf-8")
    res = runner.invoke(app, ["starkregen", str(project_dir), "--ganglinie", str(HYETO), "--zellgroesse", "20",
                              "--nachlauf", "5", "--zufluss", f"690500,5335700,{creek}"])
    assert res.exit_code == 0, res.output
    with Project.open(project_dir) as p:
        [run] = list_runs(p)
    assert run.scenario["inflows"] == [{"name": "seebach", "x": 690500.0, "y": 5335700.0,
                                        "hydrograph": [[0.0, 1.5], [10.0, 1.5], [12.0, 0.0]]}]
    assert run.balance["zufluss_m3"] == pytest.approx(1.5 * 600 + 0.5 * 1.5 * 120, rel=1e-6)
    assert "Zuflüsse" in res.output
    res = runner.invoke(app, ["starkregen", str(project_dir), "--ganglinie", str(HYETO), "--zufluss", "690500;x"])
    assert res.exit_code == 1 and "--zufluss erwartet X,Y,DATEI.csv" in res.output
