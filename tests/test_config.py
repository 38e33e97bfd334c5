"""twin.toml validation: errors name the key and say in German what is wrong."""

from __future__ import annotations

import pytest

from twin.config import load_config, parse_config, save_config, TwinConfig, ProjectSection, default_layers
from twin.errors import ConfigError, TwinError


def _cfg(**layer_style):
    return {"project": {"name": "Musterdorf", "crs": 25832},
            "layers": [{"name": "buildings", "title": "Gebäude", "kind": "buildings", "source": "building_surfaces",
                        "style": layer_style}]}


def test_roundtrip(tmp_path):
    cfg = TwinConfig(project=ProjectSection(name="Weisendorf", extent=(1, 2, 3, 4)), layers=default_layers())
    save_config(cfg, tmp_path / "twin.toml")
    assert load_config(tmp_path / "twin.toml") == cfg


@pytest.mark.parametrize("style, key, text", [
    ({"opacity": 1.5}, "layers[0].style.opacity", "Wert muss ≤ 1.0 sein"),
    ({"color": "rot"}, "layers[0].style.color", "ist keine Farbe"),
    ({"classes": {"RoofSurface": "#12"}}, "layers[0].style.classes", "ist keine Farbe"),
    ({"colour": "#ffffff"}, "layers[0].style.colour", "unbekannter Schlüssel"),
])
def test_style_errors_name_key(style, key, text):
    with pytest.raises(ConfigError) as err:
        parse_config(_cfg(**style))
    assert f"Schlüssel '{key}'" in str(err.value) and text in str(err.value)
    assert isinstance(err.value, (TwinError, ValueError))


def test_project_errors():
    with pytest.raises(ConfigError, match=r"Schlüssel 'project.name': Pflichtangabe fehlt"):
        parse_config({"project": {"crs": 25832}})
    with pytest.raises(ConfigError, match="EPSG:4326 .* ist nicht projiziert"):
        parse_config({"project": {"name": "x", "crs": 4326}})
    with pytest.raises(ConfigError, match="kein bekanntes Koordinatensystem"):
        parse_config({"project": {"name": "x", "crs": 999999}})
    with pytest.raises(ConfigError, match="xmin < xmax"):
        parse_config({"project": {"name": "x", "extent": [5, 0, 1, 1]}})
    with pytest.raises(ConfigError, match="erlaubt sind"):
        parse_config({"project": {"name": "x"}, "store": {"backend": "oracle"}})
    with pytest.raises(ConfigError, match="dsn"):
        parse_config({"project": {"name": "x"}, "store": {"backend": "postgis"}})
    dup = _cfg()
    dup["layers"] *= 2
    with pytest.raises(ConfigError, match="doppelt vergeben: buildings"):
        parse_config(dup)


def test_toml_syntax_error_names_file_and_line(tmp_path):
    f = tmp_path / "twin.toml"
    f.write_text('[project]\nname = "x"\ncrs = = 25832\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(f)
    assert err.value.line == 3 and "twin.toml" in str(err.value) and "Zeile 3" in str(err.value)


def test_missing_config(tmp_path):
    with pytest.raises(ConfigError, match="fehlt"):
        load_config(tmp_path / "twin.toml")
