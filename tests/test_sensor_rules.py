"""Sensor rules from TOML: trees to water (dry for two days), full sewers, heat islands; gaps in the data
give no alarm; bad rule files are rejected in German; the role decides which sensors are looked at."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Point

from twin.errors import ConfigError
from twin.model.sensors import SENSORS
from twin.sensors import series
from twin.sensors.rules import evaluate, load_rules
from twin.store import Feature

NOW = 1_780_000_200 + 5 * 86400
H = 3600


def _sensor(sid, art, layer=None, key=None):
    return Feature({"sensor_id": sid, "art": art, "einheit": "%", "objekt_layer": layer, "objekt_schluessel": key},
                   Point(690500, 5335500))


@pytest.fixture
def project(sample_project):
    store = sample_project.store
    store.create_layer(SENSORS)
    store.upsert(SENSORS.name, [
        _sensor("dry", "bodenfeuchte", "trees", "B0001"),      # below 20 % for 3 days: water
        _sensor("recent", "bodenfeuchte", "trees", "B0002"),   # dry only since 30 h: not yet
        _sensor("gap", "bodenfeuchte", "trees", "B0003"),      # dry, but 10 h without data in the period
        _sensor("wet", "bodenfeuchte", "trees", "B0004"),
        _sensor("stale", "bodenfeuchte", "trees", "B0005"),    # last value 8 h old: no decision
        _sensor("sewer", "kanal_fuellstand", "sewer_nodes", "S17"),
        _sensor("hot", "oberflaechentemperatur"),
    ])
    t = NOW - np.arange(0, 72 * H + 1, 900)[::-1]
    series.append(store, "dry", t, np.full(t.size, 15.0))
    series.append(store, "recent", t, np.where(t < NOW - 30 * H, 30.0, 12.0))
    keep = (t < NOW - 20 * H) | (t > NOW - 10 * H)
    series.append(store, "gap", t[keep], np.full(keep.sum(), 10.0))
    series.append(store, "wet", t, np.full(t.size, 35.0))
    series.append(store, "stale", t[t < NOW - 8 * H], np.full((t < NOW - 8 * H).sum(), 5.0))
    series.append(store, "sewer", t, np.linspace(40.0, 86.0, t.size))
    series.append(store, "hot", t, np.where(t > NOW - 3 * H, 51.0, 30.0))
    return sample_project


def test_default_rules_make_the_work_list(project):
    matches = evaluate(project.session("verwaltung"), load_rules(), NOW)
    got = {(m.rule, m.sensor_id) for m in matches}
    assert got == {("Baum gießen", "dry"), ("Kanal fast voll", "sewer"), ("Hitzeinsel", "hot")}
    tree = next(m for m in matches if m.sensor_id == "dry")
    assert (tree.objekt_layer, tree.objekt_schluessel, tree.aufgabe, tree.value) == ("trees", "B0001", "gießen", 15.0)
    assert tree.seit == NOW - 48 * H
    # "recent" 18 h later, still without new values: its newest value is too old, so still no decision
    assert "recent" not in {m.sensor_id for m in evaluate(project.session("verwaltung"), load_rules(), NOW + 18 * H)}
    # the citizen twin never looks at the sewer sensor
    assert {m.sensor_id for m in evaluate(project.session("buerger"), load_rules(), NOW)} == {"dry", "hot"}


def test_rule_file_errors_are_german_and_name_the_rule(tmp_path):
    f = tmp_path / "sensorregeln.toml"
    f.write_text('[[regel]]\nname = "a"\nart = "bodenfeuchte"\nbedingung = "unter"\nschwelle = 20\n'
                 '[[regel]]\nname = "b"\nart = "bodenfeuchte"\nbedingung = "unter"\nschwelle = 20\n'
                 'dauer_stunden = -3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sensorregeln.toml: Regel 2, Feld 'dauer_stunden'"):
        load_rules(f)
    f.write_text('[[regel]]\nname = "a"\nart = "wind"\nbedingung = "unter"\nschwelle = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unbekannte Messgröße 'wind'"):
        load_rules(f)
    f.write_text('[[regel]]\nname = "a"\nart = "bodenfeuchte"\nbedingung = "kleiner"\nschwelle = 1\n',
                 encoding="utf-8")
    with pytest.raises(ConfigError, match="Feld 'bedingung'"):
        load_rules(f)
    f.write_text("[[regel]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="kein gültiges TOML"):
        load_rules(f)


def test_cli_work_list_csv(project, tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    root = project.root
    project.close()
    out = tmp_path / "liste.csv"
    res = CliRunner().invoke(app, ["sensoren", "regeln", str(root), "--zeit", "2026-06-02T20:30:00+00:00",
                                   "--csv", str(out)], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "Baum gießen" in res.output and "B0001" in res.output
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("Regel;Aufgabe;Layer;Objekt") and len(rows) == 4
    assert "Baum gießen;gießen;trees;B0001;dry;15;" in rows[1]
