"""Sensors and observations: compact series in the store (both backends), SensorThings and CSV ingest,
and the role policy (sewer sensors never reach the Bürgerzwilling)."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Transformer
from shapely.geometry import Point

from importers.sensors.csvobs import import_sensor_csv, parse_local_time
from importers.sensors.sensorthings import ingest_sensorthings, parse_time
from tests.sta_server import StaData, StaServer
from twin.errors import AccessDenied, FormatError, TwinIOError
from twin.model.sensors import SENSORS
from twin.sensors import access, series
from twin.store import Feature

T0 = 1_780_000_200  # 2026-05-28 20:30 UTC: the series cross midnight
Q = 900  # 15 minutes


def _sensor(store, sid: str, art: str = "bodenfeuchte") -> None:
    store.create_layer(SENSORS)
    store.upsert(SENSORS.name, [Feature({"sensor_id": sid, "art": art, "einheit": "%"}, Point(690500, 5335500))])


def test_series_append_latest_window_and_duplicates(new_project):
    store = new_project().store
    _sensor(store, "S1")
    _sensor(store, "S2")
    t = T0 + Q * np.arange(300)  # ~3 days, 4 UTC days touched
    v = np.sin(np.arange(300) / 10.0) * 10 + 30
    first = series.append(store, "S1", t[::-1], v[::-1])  # any order in, ascending out
    assert (first.new, first.duplicates) == (300, 0)
    again = series.append(store, "S1", t[100:200], v[100:200] + 99)  # re-run: nothing new, stored values stay
    assert (again.new, again.duplicates) == (0, 100)
    late = series.append(store, "S1", np.r_[t[5] + 1, t[-1] + Q, t[-1] + Q], [1.0, 2.0, 3.0])
    assert (late.new, late.duplicates) == (2, 1)  # same time twice in one batch: the first one counts
    assert series.append(store, "S2", [T0], [7.5]).new == 1
    assert series.count(store) == 303 and series.count(store, ["S2"]) == 1
    assert series.latest(store, ["S1", "S2", "S3"]) == {"S1": (int(t[-1] + Q), 2.0), "S2": (T0, 7.5)}
    wt, wv = series.window(store, "S1", int(t[10]), int(t[250]))
    assert np.array_equal(wt, t[10:250]) and np.array_equal(wv, v[10:250])
    wt, wv = series.window(store, "S1", int(t[5]), int(t[7]))
    assert wt.tolist() == [t[5], t[5] + 1, t[6]] and wv.tolist() == [v[5], 1.0, v[6]]
    assert series.window(store, "S1", int(t[-1] + 2 * Q), int(t[-1] + 9 * Q))[0].size == 0
    with store.transaction() as conn:
        days = conn.execute(series.table(store).select()).all()
    assert len(days) == 4 + 1  # one row per sensor and UTC day
    with pytest.raises(Exception, match="endliche"):
        series.append(store, "S1", [T0], [np.nan])


def test_series_append_is_part_of_the_callers_transaction(new_project):
    store = new_project().store
    _sensor(store, "S1")
    series.append(store, "S1", [T0], [1.0])
    with pytest.raises(RuntimeError):
        with store.transaction():
            series.append(store, "S1", [T0 + Q, T0 + 2 * Q], [2.0, 3.0])
            raise RuntimeError("Abbruch")
    assert series.count(store) == 1 and series.latest(store, ["S1"]) == {"S1": (T0, 1.0)}


def _lonlat(x: float, y: float) -> tuple[float, float]:
    return Transformer.from_crs(25832, 4326, always_xy=True).transform(x, y)


@pytest.fixture
def sta():
    data = StaData()
    data.add_stream(11, "Bodenfeuchte Linde B0006", "Soil moisture", "%", _lonlat(690210.0, 5335480.0),
                    {"baumnummer": "B0006"})
    data.add_stream(12, "Oberfläche Marktplatz", "http://example.org/surface_temperature", "°C",
                    _lonlat(690600.0, 5335600.0))
    data.add_stream(13, "Füllstand Schacht S17", "Füllstand", "%", _lonlat(690700.0, 5335300.0),
                    {"objekt_layer": "sewer_nodes", "objekt_schluessel": "S17"})
    data.add_stream(14, "Windrichtung", "wind direction", "°", _lonlat(690100.0, 5335100.0))
    for k in range(288):
        data.add_observation(11, T0 + Q * k, round(35.0 - k * 0.05, 3))
        data.add_observation(12, T0 + Q * k, 20.0 + (k % 96) / 4)
        data.add_observation(13, T0 + Q * k, str(10 + k % 7))  # numbers as text are numbers
    data.add_observation(11, None, 3.0)                  # no time
    data.add_observation(12, T0 + 5, "n/a")              # no number
    data.add_observation(13, T0 + 7, {"value": 1})       # an object
    server = StaServer(data, page_size=50)
    yield data, server
    server.close()


def test_sensorthings_ingest_pages_maps_and_runs_incrementally(new_project, sta):
    data, server = sta
    project = new_project()
    steps = []
    rep = ingest_sensorthings(project, server.url, progress=lambda f, m: steps.append(f))
    assert rep.counts["sensoren"] == 3 and rep.counts["beobachtungen_neu"] == 3 * 288
    assert rep.counts["beobachtungen_fehlerhaft"] == 3 and rep.counts["beobachtungen_doppelt"] == 0
    assert any("Windrichtung" in str(p) and "keiner bekannten" in str(p) for p in rep.problems)
    assert any("Datastream 12" in str(p) and "'n/a' ist keine Zahl" in str(p) for p in rep.problems)
    assert any("Datastream 11" in str(p) and "keine Zeitangabe" in str(p) for p in rep.problems)
    assert steps[-1] == 1.0 and steps == sorted(steps)
    # paging: 4 Datastreams in one page, 289–290 observations per stream in pages of 50
    assert sum("Observations" in r for r in server.requests) == 3 * 6
    sensors = {f["sensor_id"]: f for f in project.store.features(SENSORS.name)}
    tree, surface, sewer = sensors["sta-11"], sensors["sta-12"], sensors["sta-13"]
    assert (tree["art"], tree["objekt_layer"], tree["objekt_schluessel"]) == ("bodenfeuchte", "trees", "B0006")
    assert (surface["art"], surface["einheit"]) == ("oberflaechentemperatur", "°C")
    assert (sewer["art"], sewer["objekt_layer"]) == ("kanal_fuellstand", "sewer_nodes")
    assert tree.geometry.distance(Point(690210.0, 5335480.0)) < 0.01  # WGS 84 -> EPSG:25832
    last = T0 + Q * 287
    assert series.latest(project.store, sensors) == {
        "sta-11": (last, round(35.0 - 287 * 0.05, 3)), "sta-12": (last, 20.0 + 95 / 4), "sta-13": (last, 10.0 + 287 % 7)}
    assert project.store.provenance()[-1]["importer"] == "sensorthings"
    # again: only what is newer than the stored series is asked for, nothing doubles
    server.requests.clear()
    for k in range(288, 300):
        data.add_observation(11, T0 + Q * k, 1.0)
    rep2 = ingest_sensorthings(project, server.url)
    assert rep2.counts["beobachtungen_neu"] == 12 and rep2.counts["neue_sensoren"] == 0
    obs_requests = [r for r in server.requests if "Observations" in r]
    assert len(obs_requests) == 3 and all("phenomenonTime+gt" in r or "phenomenonTime%20gt" in r
                                          for r in obs_requests)
    assert series.count(project.store) == 3 * 288 + 12


def test_sensorthings_failure_half_way_leaves_the_store_untouched(new_project, sta):
    _, server = sta
    project = new_project()
    server.fail_on = 4  # Datastreams, then the 3rd page of the first stream's observations
    with pytest.raises(TwinIOError, match="HTTP 500"):
        ingest_sensorthings(project, server.url)
    assert not project.store.has_layer(SENSORS.name) or project.store.count(SENSORS.name) == 0
    assert series.count(project.store) == 0 and project.store.provenance() == []
    server.fail_on = None
    assert ingest_sensorthings(project, server.url).counts["beobachtungen_neu"] == 3 * 288
    with pytest.raises(TwinIOError, match="nicht erreichbar"):
        ingest_sensorthings(project, "http://127.0.0.1:9/v1.1", timeout=5)


def test_role_policy_keeps_sewer_sensors_out_of_the_citizen_twin(sample_project, sta):
    _, server = sta
    ingest_sensorthings(sample_project, server.url)
    buerger, rat, verwaltung = (sample_project.session(r) for r in ("buerger", "rat", "verwaltung"))

    def sta_ids(ids) -> set[str]:  # the sample's own sensors (bf-…, kf-…, ot-…) are there too
        return {i for i in ids if i.startswith("sta-")}

    citizen = {f["sensor_id"] for f in access.visible_sensors(buerger)}
    assert sta_ids(citizen) == {"sta-11", "sta-12"} and not any(i.startswith("kf-") for i in citizen)
    assert "quelle_url" not in access.visible_sensors(rat)[0].attrs
    assert sta_ids(access.latest(buerger)) == {"sta-11", "sta-12"}
    assert set(access.latest(buerger, ["sta-13"])) == set()
    assert sta_ids(access.latest(rat)) == sta_ids(access.latest(verwaltung)) == {"sta-11", "sta-12", "sta-13"}
    assert set(access.latest(rat)) == set(access.latest(verwaltung))
    with pytest.raises(AccessDenied, match="sta-13"):
        access.window(buerger, "sta-13", T0, T0 + 86400)
    assert access.window(rat, "sta-13", T0, T0 + 86400)[0].size == 96
    assert access.window(buerger, "sta-11", T0, T0 + 3600)[0].tolist() == [T0 + Q * k for k in range(4)]
    team = sample_project.session("bauhof")
    with pytest.raises(AccessDenied):
        access.latest(team)


def test_csv_export_import(new_project, tmp_path):
    project = new_project()
    _sensor(project.store, "BF-01")
    _sensor(project.store, "KA-17", "kanal_fuellstand")
    f = tmp_path / "export.csv"
    f.write_text("Messstelle;Zeitpunkt;Wert\n"
                 "BF-01;28.05.2026 22:45;31,5\n"          # local summer time = 20:45 UTC
                 "BF-01;2026-05-28T21:00:00+00:00;31,25\n"
                 "KA-17;2026-05-28T23:00:00;12\n"         # naive ISO = local time
                 "XX-99;2026-05-28T23:00:00;12\n"
                 "BF-01;gestern;1\n"
                 "BF-01;2026-05-28T21:15:00Z;trocken\n", encoding="utf-8")
    rep = import_sensor_csv(project, f)
    assert rep.counts["beobachtungen_neu"] == 3 and rep.counts["zeilen_fehlerhaft"] == 3
    assert [p.line for p in rep.problems] == [5, 6, 7]
    assert "XX-99" in str(rep.problems[0]) and "Zeile 5" in str(rep.problems[0])
    assert series.latest(project.store, ["BF-01", "KA-17"]) == {
        "BF-01": (parse_time("2026-05-28T21:00:00Z"), 31.25), "KA-17": (parse_time("2026-05-28T21:00:00Z"), 12.0)}
    assert series.window(project.store, "BF-01", 0, 2**31)[0][0] == parse_time("2026-05-28T20:45:00Z")
    assert import_sensor_csv(project, f).counts["beobachtungen_doppelt"] == 3
    bad = tmp_path / "bad.csv"
    bad.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad.csv, Zeile 1: Spalte für 'sensor'"):
        import_sensor_csv(project, bad)
    assert parse_local_time("01.01.2026 01:00") == parse_time("2026-01-01T00:00:00Z")  # winter time


def test_cli_sta_csv_and_role_list(project_dir, sta, tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    _, server = sta
    runner = CliRunner()
    env = {"COLUMNS": "200"}
    res = runner.invoke(app, ["sensoren", "sta", str(project_dir), server.url], env=env)
    assert res.exit_code == 0, res.output
    assert "beobachtungen_neu: 864" in res.output and "Windrichtung" in res.output
    f = tmp_path / "x.csv"
    f.write_text("sensor;zeit;wert\nsta-11;2026-06-01T10:00:00Z;12,5\n", encoding="utf-8")
    res = runner.invoke(app, ["sensoren", "csv", str(project_dir), str(f)], env=env)
    assert res.exit_code == 0 and "beobachtungen_neu: 1" in res.output, res.output
    res = runner.invoke(app, ["sensoren", "liste", str(project_dir), "--rolle", "buerger"], env=env)
    assert res.exit_code == 0, res.output
    assert "sta-11" in res.output and "12.5 %" in res.output and "01.06.2026 12:00" in res.output
    assert "sta-12" in res.output and "sta-13" not in res.output and "Füllstand" not in res.output
    res = runner.invoke(app, ["sensoren", "sta", str(project_dir), "http://127.0.0.1:9/v1.1"], env=env)
    assert res.exit_code == 1 and "nicht erreichbar" in res.output


def test_older_policy_format_hides_sensors_until_the_file_decides(new_project, sta):
    """A format-4 policy.toml (before sensors) keeps loading; Rat and Bürger then see no sensor at all, and
    in format 5 leaving the layer undecided is an error."""
    from tests.conftest import DATA
    from twin.errors import PolicyError
    from twin.policy.load import parse_policy

    _, server = sta
    old = (DATA / "policy" / "policy_format1.toml").read_text(encoding="utf-8")
    p = new_project()
    (p.root / "policy.toml").write_text(old, encoding="utf-8")
    p.reload_policy()
    ingest_sensorthings(p, server.url)
    for role in ("rat", "buerger"):
        with pytest.raises(AccessDenied):
            access.latest(p.session(role))
    assert len(access.latest(p.session("verwaltung"))) == 3
    with pytest.raises(PolicyError, match="fehlt eine Regel.*sensors"):
        parse_policy(old.replace("format_version = 1", "format_version = 5", 1))
