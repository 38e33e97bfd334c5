"""``stadtzwilling hitze``: a run on the sample project, the list, a comparison, release, German errors."""

from __future__ import annotations


from typer.testing import CliRunner

from cli.main import app
from twin.project import Project
from twin.sim.heat.record import list_heat_runs
from twin.variants.sample import MARKTPLATZ

runner = CliRunner()


def test_run_list_compare_and_release(project_dir):
    args = ["hitze", str(project_dir), "--tag", "2026-07-15", "--von", "13", "--bis", "14", "--zellgroesse", "5"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    res2 = runner.invoke(app, [*args, "--variante", MARKTPLATZ, "--titel", "Marktplatz"])
    assert res2.exit_code == 0, res2.output
    with Project.open(project_dir) as p:
        runs = {r.variant: r for r in list_heat_runs(p)}
    base, markt = runs[None], runs[MARKTPLATZ]
    assert base.hours == [13.0, 14.0] and base.day == "2026-07-15" and markt.variant == MARKTPLATZ
    assert f"Hitze-Lauf {base.run_id}" in res.output and "Höchster UTCI" in res.output
    assert "Mindestens starker Hitzestress" in res.output
    out = runner.invoke(app, ["hitze", str(project_dir), "--liste"]).output
    assert base.run_id in out and "Marktplatz" in out
    cmp = runner.invoke(app, ["hitze", str(project_dir), "--vergleich", base.run_id, markt.run_id])
    assert cmp.exit_code == 0 and "verlassen den starken Hitzestress" in cmp.output
    rel = runner.invoke(app, ["hitze", str(project_dir), "--freigeben", base.run_id])
    assert rel.exit_code == 0 and "freigegeben" in rel.output
    with Project.open(project_dir) as p:
        assert {r.run_id for r in list_heat_runs(p) if r.released} == {base.run_id}


def test_errors_are_german(project_dir, tmp_path):
    res = runner.invoke(app, ["hitze", str(project_dir), "--tag", "15.07.2026"])
    assert res.exit_code != 0 and "erwartet JJJJ-MM-TT" in res.output
    bad = tmp_path / "wetter.csv"
    bad.write_text("stunde;temperatur\nx;y\n", encoding="utf-8")
    res = runner.invoke(app, ["hitze", str(project_dir), "--wetter", str(bad)])
    assert res.exit_code != 0 and "wetter.csv" in res.output
    res = runner.invoke(app, ["hitze", str(project_dir), "--vergleich", "a", "b"])
    assert res.exit_code != 0 and "gibt es in diesem Projekt nicht" in res.output
