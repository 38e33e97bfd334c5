"""``stadtzwilling field``: export, sync with a conflict (exit code 3), list, decide; German errors."""

from __future__ import annotations


from typer.testing import CliRunner

from cli.main import app
from tests.test_field_sync import gdal_edit, office_edit
from twin.project import Project

runner = CliRunner()


def test_export_sync_and_decide_on_the_command_line(project_dir, tmp_path, gdal_python):
    pkg = tmp_path / "tablet"
    res = runner.invoke(app, ["field", "export", str(project_dir), "--team", "baumkontrolle", "--out", str(pkg),
                              "--als", "Frau Lang"])
    assert res.exit_code == 0, res.output
    assert (pkg / "daten.gpkg").is_file() and len(list(pkg.glob("*.qgs"))) == 1
    gdal_edit(gdal_python, pkg, [{"op": "update", "layer": "trees", "where": {"baumnummer": "B0001"},
                                  "set": {"vitalitaet": "3", "befund": "Höhlung"}}], tmp_path)
    with Project.open(project_dir) as p:
        office_edit(p, "trees", "B0001", vitalitaet="2")
    res = runner.invoke(app, ["field", "sync", str(project_dir), str(pkg)], env={"COLUMNS": "200"})
    assert res.exit_code == 3, res.output  # conflicts open
    assert "1 geändert in trees" in res.output and "1 Konflikt(e)" in res.output
    with Project.open(project_dir) as p:
        cid = p.store.features("field_conflicts")[0].attrs["konflikt_id"]
    assert cid in res.output
    listed = runner.invoke(app, ["field", "pakete", str(project_dir)], env={"COLUMNS": "200"})
    assert "baumkontrolle" in listed.output
    bad = runner.invoke(app, ["field", "konflikte", str(project_dir), "--loesen", cid, "--nehmen", "irgendwas"])
    assert bad.exit_code == 1 and "--nehmen muss" in bad.output
    ok = runner.invoke(app, ["field", "konflikte", str(project_dir), "--loesen", cid, "--nehmen", "wert",
                             "--wert", "1", "--als", "Frau Lang"])
    assert ok.exit_code == 0, ok.output
    with Project.open(project_dir) as p:
        assert p.store.get("trees", "B0001").attrs["vitalitaet"] == "1"
        assert p.store.get("trees", "B0001").attrs["befund"] == "Höhlung"
    again = runner.invoke(app, ["field", "sync", str(project_dir), str(pkg)])
    assert again.exit_code == 0 and "Keine neuen Änderungen" in again.output
    assert "Keine offenen Konflikte" in runner.invoke(app, ["field", "konflikte", str(project_dir)]).output


def test_errors_are_german_and_name_the_problem(project_dir, tmp_path):
    res = runner.invoke(app, ["field", "export", str(project_dir), "--team", "gaertnerei", "--out", str(tmp_path / "x")])
    assert res.exit_code == 1 and "Unbekanntes Feldteam 'gaertnerei'" in res.output
    res = runner.invoke(app, ["field", "sync", str(project_dir), str(tmp_path)])
    assert res.exit_code == 1 and "fehlt die Datei 'daten.gpkg'" in res.output
    res = runner.invoke(app, ["field", "export", str(project_dir), "--team", "bauhof", "--out", str(tmp_path / "y"),
                              "--bereich", "1,2,3"])
    assert res.exit_code != 0 and "vier Zahlen" in res.output
