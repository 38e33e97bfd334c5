"""Field-mapping profiles: proposal from synonyms, validation, saving and reuse."""

from __future__ import annotations

import pytest

from importers.profiles import MappingProfile, find_profile, load_profile, normalise, propose, save_profile, to_metres
from twin.errors import ConfigError

SYN = {"baumnummer": ["Baum-Nr.", "baumNr", "ID", "tree_id"], "baumhoehe_m": ["Baumhöhe", "hoeheM", "height"],
       "gattung": ["Gattung", "genus"], "stammumfang_cm": ["Stammumfang", "ST_UMFANG", "girth"]}


def test_normalise():
    assert normalise(" Baum-Höhe [m] ") == "baumhoehem" and normalise("Straße") == "strasse"


def test_propose_exact_then_prefix_each_column_once():
    cols = ["OBJECTID", "baumNr", "hoeheM", "ST_UMFANG_CM", "Gattung/Art"]
    assert propose(cols, SYN) == {"baumnummer": "baumNr", "baumhoehe_m": "hoeheM",
                                  "stammumfang_cm": "ST_UMFANG_CM", "gattung": "Gattung/Art"}
    assert propose(["x", "y"], SYN) == {}


def test_truncated_shapefile_names_are_matched():
    assert propose(["BAUMNUMMER", "Stammumfan", "Gattung"], SYN) == {
        "baumnummer": "BAUMNUMMER", "stammumfang_cm": "Stammumfan", "gattung": "Gattung"}
    assert propose(["Stamm"], SYN) == {}  # too short to be sure


def test_units():
    assert to_metres(250, "cm") == 2.5 and to_metres(3, None) == 3


def test_save_load_and_find(tmp_path):
    prof = MappingProfile(name="konstanz", target="trees", columns={"baumnummer": "baumNr"}, units={},
                          x="X", y="Y", crs="EPSG:4326")
    save_profile(prof, tmp_path / "profiles" / "konstanz.toml")
    assert load_profile(tmp_path / "profiles" / "konstanz.toml") == prof
    assert find_profile(tmp_path, "trees", ["baumNr", "X", "Y", "other"]) == prof
    assert find_profile(tmp_path, "trees", ["baumNr", "X"]) is None
    assert find_profile(tmp_path, "parcels", ["baumNr", "X", "Y"]) is None


def test_invalid_profile_names_key(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text('name = "x"\ntarget = "trees"\n[units]\nbaumhoehe_m = "fuss"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"Schlüssel 'units.baumhoehe_m'"):
        load_profile(f)
