"""``stadtzwilling meters due`` on a project with the sample billing export: table, filters, CSV, errors.

Expected figures are counted straight from the imported ``water_meters`` features, not taken from
``meters_due`` (which the command uses).
"""

from __future__ import annotations

import csv
import io
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from importers.meters.load import MeterImporter
from twin.model.meter_queries import meters_due
from twin.project import Project

from tests.conftest import ROOT, SAMPLE_EXTENT

SAMPLE_METERS = ROOT / "sample_data" / "musterdorf" / "wasserzaehler_abrechnung.csv"
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("meters") / "gem"
    with Project.create(d, crs=25832, extent=SAMPLE_EXTENT) as p:
        rep = MeterImporter()(p, SAMPLE_METERS)
        assert rep.problems == []
    return d


@pytest.fixture
def project_dir(built, tmp_path) -> Path:
    d = tmp_path / "gem"
    shutil.copytree(built, d)
    return d


def _expected(d: Path) -> dict[tuple[int, str], list[str]]:
    """(year the Eichfrist ends, street) -> meter numbers, from the stored features."""
    out: dict[tuple[int, str], list[str]] = defaultdict(list)
    with Project.open(d) as p:
        for f in p.store.features("water_meters"):
            if f["status"] == "eingebaut" and f["eichung_gueltig_bis"]:
                out[(int(str(f["eichung_gueltig_bis"])[:4]), f["strasse"])].append(f["zaehlernummer"])
    return {k: sorted(v) for k, v in out.items()}


def _due(d: Path, *args: str):
    result = runner.invoke(app, ["meters", "due", str(d), *args])
    assert result.exit_code == 0, result.output
    return result


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_all_years_table_and_csv_match_the_store(project_dir, tmp_path):
    want = _expected(project_dir)
    assert len({y for y, _ in want}) > 3 and len({s for _, s in want}) > 3  # the sample spreads over years/streets
    out = tmp_path / "faellig.csv"
    res = _due(project_dir, "--csv", str(out))
    total = sum(len(v) for v in want.values())
    assert f"Summe: {total} Zähler" in res.output
    for (year, street), nums in want.items():
        assert any(str(year) in line and street in line and f" {len(nums)} " in line
                   for line in res.output.splitlines()), (year, street)
    rows = _read_csv(out)
    assert rows[0] == ["Jahr", "Straße", "Anzahl"]
    assert {(int(j), s): int(n) for j, s, n in rows[1:]} == {k: len(v) for k, v in want.items()}
    with Project.open(project_dir) as p:  # the same as the library query
        assert [(r.jahr, r.strasse, r.anzahl) for r in meters_due(p.store)] == \
            [(int(j), s, int(n)) for j, s, n in rows[1:]]


def test_year_street_and_numbers_without_personal_data(project_dir, tmp_path):
    want = _expected(project_dir)
    (year, street), nums = max(want.items(), key=lambda kv: len(kv[1]))
    out = tmp_path / "strasse.csv"
    res = _due(project_dir, "--jahr", str(year), "--strasse", street.upper(), "--nummern", "--csv", str(out))
    assert _read_csv(out) == [["Jahr", "Straße", "Anzahl", "Zählernummern"], [str(year), street, str(len(nums)),
                                                                              ", ".join(nums)]]
    assert f"Summe: {len(nums)} Zähler" in res.output
    # names and readings of the households are never printed
    with open(SAMPLE_METERS, encoding="cp1252", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter=";") if r["Zählernummer"] in nums]
    assert rows
    for r in rows:
        assert r["Name"] not in res.output and r["Zählerstand"] not in res.output
    without = _due(project_dir, "--jahr", str(year), "--strasse", street)
    assert nums[0] not in without.output  # numbers only on request


def test_year_range_until_and_overdue(project_dir, tmp_path):
    want = _expected(project_dir)
    years = sorted({y for y, _ in want})
    first, mid, last = years[0], years[len(years) // 2], years[-1]

    def counted(path: Path) -> Counter:
        return Counter({(int(j), s): int(n) for j, s, n in _read_csv(path)[1:]})

    _due(project_dir, "--bis", str(mid), "--csv", str(tmp_path / "bis.csv"))
    assert counted(tmp_path / "bis.csv") == Counter({k: len(v) for k, v in want.items() if k[0] <= mid})
    _due(project_dir, "--jahr", str(mid), "--bis", str(last), "--csv", str(tmp_path / "range.csv"))
    assert counted(tmp_path / "range.csv") == Counter({k: len(v) for k, v in want.items() if mid <= k[0] <= last})
    _due(project_dir, "--jahr", str(mid), "--mit-ueberfaelligen", "--csv", str(tmp_path / "over.csv"))
    merged: Counter = Counter()
    for (y, s), v in want.items():
        if y <= mid:
            merged[(mid, s)] += len(v)
    assert counted(tmp_path / "over.csv") == merged
    assert first < mid  # the overdue years really were merged
    empty = _due(project_dir, "--jahr", str(last + 50))
    assert "Keine fälligen Wasserzähler" in empty.output


def test_missing_project_and_bad_range(tmp_path, project_dir):
    res = runner.invoke(app, ["meters", "due", str(tmp_path / "gibtsnicht")])
    assert res.exit_code != 0
    assert "Fehler:" in res.output and "kein Stadtzwilling-Projekt" in res.output
    bad = runner.invoke(app, ["meters", "due", str(project_dir), "--jahr", "2030", "--bis", "2025"])
    assert bad.exit_code != 0 and "liegt vor" in bad.output


def test_help_is_german():
    res = runner.invoke(app, ["meters", "due", "--help"])
    assert res.exit_code == 0 and "Eichfrist" in res.output and "Projektordner" in res.output
