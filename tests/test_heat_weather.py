"""Weather of the simulated hot day: presets, interpolation, CSV files."""

from __future__ import annotations

import pytest

from twin.errors import ConfigError
from twin.sim.heat.weather import PRESETS, HotDay, preset, read_weather_csv


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_are_hot_days(name):
    day = preset(name)
    assert isinstance(day, HotDay) and day.label == PRESETS[name]
    assert len(day.ta) == len(day.rh) == len(day.va10) == 24
    assert day.tmax >= 30.0  # DWD "heißer Tag"
    assert day.ta.index(day.tmin) == 5 and day.ta.index(day.tmax) in (15, 16)
    assert all(0 < r <= 100 for r in day.rh) and all(0.5 <= v <= 17 for v in day.va10)
    # humidity is highest at dawn and lowest in the afternoon
    assert day.rh.index(max(day.rh)) == 5 and day.rh.index(min(day.rh)) == day.ta.index(day.tmax)


def test_default_preset_values():
    day = preset()
    assert day.tmin == pytest.approx(19.5) and day.tmax == pytest.approx(32.5)
    assert 70 <= max(day.rh) <= 80 and 30 <= min(day.rh) <= 40
    assert set(day.va10) == {2.0}
    assert "Heißer Tag" in day.label


def test_unknown_preset():
    with pytest.raises(ConfigError, match="Unbekannte Wettervorgabe 'sahara'.*heisser_tag"):
        preset("sahara")


def test_at_interpolates_linearly_and_over_midnight():
    ta = tuple(float(h) for h in range(24))
    day = HotDay(ta, (50.0,) * 24, (2.0,) * 24)
    assert day.at(14) == (14.0, 50.0, 2.0)
    assert day.at(14.25) == pytest.approx((14.25, 50.0, 2.0))
    assert day.at(23.5)[0] == pytest.approx(11.5)  # halfway between 23 and 0
    assert day.at(24)[0] == 0.0
    with pytest.raises(ConfigError, match="Stunde 25"):
        day.at(25)
    with pytest.raises(ConfigError, match="24 Stundenwerte"):
        HotDay((1.0,) * 23, (50.0,) * 24, (2.0,) * 24)


def _write(tmp_path, text, name="wetter.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_text(text, encoding=encoding)
    return p


def test_csv_24_rows_with_decimal_comma(tmp_path):
    rows = "\n".join(f"{h};{20 + h / 2:.1f}".replace(".", ",") + f";{80 - h};1,5" for h in range(24))
    day = read_weather_csv(_write(tmp_path, "Stunde;Lufttemperatur [°C];Feuchte [%];Wind [m/s]\n" + rows))
    assert day.ta[3] == pytest.approx(21.5) and day.rh[3] == 77.0 and day.va10[3] == 1.5
    assert day.at(3.5)[0] == pytest.approx(21.75)
    assert "wetter.csv" in day.label


def test_csv_few_rows_english_header_are_interpolated(tmp_path):
    text = "# own measurement\nHour,Temperature,Humidity,Wind\n0,20.0,80,1.0\n6,18.0,90,1.0\n" \
           "12,30.0,40,3.0\n18,28.0,50,2.0\n"
    day = read_weather_csv(_write(tmp_path, text))
    assert day.ta[0] == 20.0 and day.ta[6] == 18.0 and day.ta[12] == 30.0
    assert day.ta[3] == pytest.approx(19.0) and day.ta[9] == pytest.approx(24.0)
    assert day.ta[21] == pytest.approx(24.0)  # between 18:00 (28) and the next 00:00 (20)
    assert day.va10[15] == pytest.approx(2.5) and day.rh[15] == pytest.approx(45.0)


def test_csv_synonyms_column_order_clock_times_and_cp1252(tmp_path):
    text = "Uhrzeit;Wind;rel. Feuchte;Temperatur (°C)\n06:00;1,0;70;20,0\n15:00 Uhr;2,0;35;32,0\n"
    day = read_weather_csv(_write(tmp_path, text, encoding="cp1252"))
    assert day.ta[6] == 20.0 and day.ta[15] == 32.0 and day.va10[15] == 2.0 and day.rh[6] == 70.0


def test_csv_without_header_uses_the_documented_order(tmp_path):
    day = read_weather_csv(_write(tmp_path, "0;20;80;1\n12;30;40;2\n"))
    assert day.ta[6] == pytest.approx(25.0) and day.rh[18] == pytest.approx(60.0)


@pytest.mark.parametrize("text, message", [
    ("Stunde;Lufttemperatur;Feuchte;Wind\n0;20;80;1\n1;20;80;1\n2;20;80;1\n3;20;130;1\n",
     "Datei 'wetter.csv', Zeile 5: Feuchte 130 liegt nicht zwischen 0 und 100."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n0;20;80;1\n1;x;80;1\n",
     "Datei 'wetter.csv', Zeile 3: Lufttemperatur: Zahl erwartet, Wert ist 'x'."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n0;20;80;1\n1;;80;1\n",
     "Datei 'wetter.csv', Zeile 3: Lufttemperatur: Zahl erwartet, Wert ist leer."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n0;20;80;-1,5\n",
     "Datei 'wetter.csv', Zeile 2: Wind -1,5 liegt nicht zwischen 0 und 50."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n0;20;80;1\n24;20;80;1\n",
     "Datei 'wetter.csv', Zeile 3: Stunde 24 liegt nicht zwischen 0 und 23."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n5;20;80;1\n3;20;80;1\n",
     "Datei 'wetter.csv', Zeile 3: Stunde 3 folgt auf Stunde 5; die Stunden müssen aufsteigen."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n5;20;80\n",
     "Datei 'wetter.csv', Zeile 2: Erwartet 4 Spalten (Stunde;Lufttemperatur;Feuchte;Wind), gefunden 3."),
    ("Stunde;Lufttemperatur;Regen;Wind\n",
     "Datei 'wetter.csv', Zeile 1: Unbekannte Spalte 'Regen'"),
    ("Stunde;Lufttemperatur;Wind\n",
     "Datei 'wetter.csv', Zeile 1: Spalte(n) fehlen: Feuchte."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n", "Datei 'wetter.csv': Die Wetterdatei enthält keine Werte."),
    ("Stunde;Lufttemperatur;Feuchte;Wind\n4;20;80;1\n", "Datei 'wetter.csv': Die Wetterdatei enthält nur eine"),
])
def test_csv_errors_name_file_and_line(tmp_path, text, message):
    with pytest.raises(ConfigError) as err:
        read_weather_csv(_write(tmp_path, text))
    assert str(err.value).startswith(message)


def test_csv_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="Datei 'fehlt.csv': Die Wetterdatei kann nicht gelesen werden"):
        read_weather_csv(tmp_path / "fehlt.csv")
