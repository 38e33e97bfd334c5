"""Design rain (KOSTRA-DWD-2020 reader, Euler type II, user hyetographs) and runoff losses."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.conftest import DATA
from twin.errors import FormatError
from twin.sim.losses import (
    SOIL_INFILTRATION_MM_H,
    LossModel,
    LossParameters,
    effective_rain,
    sealing_from_classes,
    sealing_from_percent,
)
from twin.sim.rain import (
    KOSTRA_DURATIONS_MIN,
    KOSTRA_RETURN_PERIODS,
    RainInputError,
    euler2,
    intensity_hyetograph,
    parse_duration,
    read_kostra,
    user_hyetograph,
)

KOSTRA = DATA / "kostra"
TABLE = KOSTRA / "kostra_tabelle_187153.csv"
FLAT = KOSTRA / "kostra_flach.csv"
HEADER = "Dauerstufe;1 a;2 a;3 a;5 a;10 a;20 a;30 a;50 a;100 a"


@pytest.fixture(scope="module")
def table():
    return read_kostra(TABLE)


# ------------------------------------------------------------------ reader


def test_cell_table_is_read(table):
    assert table.index_rc == "187153"
    assert tuple(table.durations_min) == KOSTRA_DURATIONS_MIN
    assert tuple(table.return_periods) == KOSTRA_RETURN_PERIODS
    assert table.depths_mm.shape == (22, 9)
    assert table.depth(5, 1) == pytest.approx(7.3)
    assert table.depth(60, 100) == table.depths_mm[6, 8]
    assert table.depth(10080, 100) == table.depths_mm[-1, -1]


def test_flat_format_selects_cell_and_matches_table(table):
    flat = read_kostra(FLAT, index_rc=187153)
    assert flat.index_rc == "187153"
    np.testing.assert_array_equal(flat.depths_mm, table.depths_mm)
    np.testing.assert_array_equal(flat.durations_min, table.durations_min)
    other = read_kostra(FLAT, index_rc="187154")
    assert np.all(other.depths_mm > flat.depths_mm - 0.11)


def test_flat_with_several_cells_needs_index(tmp_path):
    with pytest.raises(FormatError, match="INDEX_RC angeben"):
        read_kostra(FLAT)
    with pytest.raises(FormatError, match="999"):
        read_kostra(FLAT, index_rc=999)


def test_flat_one_file_per_duration(tmp_path):
    head = "INDEX_RC;HN_001A_;HN_010A_;HN_100A_;UC_001A_;UC_010A_;UC_100A_\n"
    (tmp_path / "StatRR_KOSTRA-DWD-2020_D00060.csv").write_text(head + "42;20,0;30,5;45,0;15;16;17\n")
    (tmp_path / "StatRR_KOSTRA-DWD-2020_D15min.csv").write_text(head + "42;11,0;17,0;25,0;15;16;17\n")
    t = read_kostra(sorted(tmp_path.iterdir()))
    assert list(t.durations_min) == [15, 60]
    assert list(t.return_periods) == [1, 10, 100]
    assert t.depth(60, 10) == 30.5
    assert t.index_rc == "42"
    (tmp_path / "ohne_dauer.csv").write_text(head + "42;1;2;3;4;5;6\n")
    with pytest.raises(FormatError, match="Dauerstufe") as err:
        read_kostra(tmp_path / "ohne_dauer.csv")
    assert err.value.line == 1


def test_parse_duration():
    assert parse_duration("5 min") == 5
    assert parse_duration("1 h") == 60
    assert parse_duration("24 h") == 1440
    assert parse_duration("7 d") == 10080
    assert parse_duration("90") == 90
    for bad in ("", "5 Wochen", "0 min", "x"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def _write(tmp_path, rows, name="kostra.csv"):
    p = tmp_path / name
    p.write_text("INDEX_RC;1\n" + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return p


GOOD = ["5 min;7,3;9,0;9,9;11,2;12,8;14,5;15,5;16,7;18,4",
        "10 min;11,3;13,9;15,4;17,3;19,8;22,4;23,9;25,8;28,4"]


def test_bad_number_names_file_and_line(tmp_path):
    p = _write(tmp_path, [GOOD[0], "10 min;11,3;13,9;x;17,3;19,8;22,4;23,9;25,8;28,4"])
    with pytest.raises(FormatError) as err:
        read_kostra(p)
    assert err.value.line == 4
    assert err.value.path == str(p)
    assert "kostra.csv" in str(err.value) and "Zeile 4" in str(err.value)
    assert "keine Zahl" in str(err.value)


@pytest.mark.parametrize("row, needle", [
    ("10 min;11,3;13,9;15,4", "Werte statt"),
    ("10 Wochen;11,3;13,9;15,4;17,3;19,8;22,4;23,9;25,8;28,4", "Dauerstufe"),
    ("5 min;7,3;9,0;9,9;11,2;12,8;14,5;15,5;16,7;18,4", "doppelt"),
    ("10 min;-1;13,9;15,4;17,3;19,8;22,4;23,9;25,8;28,4", "positiv"),
    ("10 min;11,3;10,0;15,4;17,3;19,8;22,4;23,9;25,8;28,4", "Wiederkehrzeit"),
    ("10 min;7,0;13,9;15,4;17,3;19,8;22,4;23,9;25,8;28,4", "kleiner als"),
])
def test_bad_rows_raise_with_line(tmp_path, row, needle):
    p = _write(tmp_path, [GOOD[0], row])
    with pytest.raises(FormatError, match=needle) as err:
        read_kostra(p)
    assert err.value.line == 4


def test_not_a_kostra_file(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a;b;c\n1;2;3\n")
    with pytest.raises(FormatError, match="Tabellenkopf"):
        read_kostra(p)
    p.write_text("INDEX_RC;1\nDauerstufe;1 a;zwei\n")
    with pytest.raises(FormatError, match="zwei") as err:
        read_kostra(p)
    assert err.value.line == 2


def test_wrong_cell_is_rejected():
    with pytest.raises(FormatError, match="187153"):
        read_kostra(TABLE, index_rc="1")


# ------------------------------------------------------------------ interpolation


def test_interpolation_in_duration_and_return_period(table):
    h60, h90 = table.depth(60, 10), table.depth(90, 10)
    assert table.depth(75, 10) == pytest.approx(h60 + (h90 - h60) * 0.5, abs=1e-12)
    log = table.with_interpolation("log")
    assert log.depth(75, 10) == pytest.approx(h60 + (h90 - h60) * math.log(75 / 60) / math.log(1.5), abs=1e-12)
    assert log.depth(60, 10) == h60
    h10, h20 = table.depth(60, 10), table.depth(60, 20)
    assert table.depth(60, 15) == pytest.approx(h10 + (h20 - h10) * math.log(1.5) / math.log(2), abs=1e-12)
    assert table.depth(60, 10) < table.depth(75, 10) < table.depth(90, 10)
    with pytest.raises(ValueError):
        table.depth(2, 10)
    with pytest.raises(ValueError):
        table.depth(60, 200)


# ------------------------------------------------------------------ Euler II


@pytest.mark.parametrize("T", [1, 2, 5, 10, 30, 100, 15])
@pytest.mark.parametrize("D, dt", [(15, 5), (60, 5), (90, 10), (120, 5), (180, 15), (360, 5), (720, 10),
                                   (1440, 60), (1440, 5), (4320, 60), (10080, 60)])
def test_euler2_rolling_sums_equal_kostra(table, T, D, dt):
    h = euler2(table, T, D, dt)
    n = D // dt
    assert len(h.depths_mm) == n
    for k in range(1, n + 1):
        assert abs(h.max_rolling_sum(k) - table.depth(k * dt, T)) <= 1e-9
    assert abs(h.total_mm - table.depth(D, T)) <= 1e-9
    assert int(np.argmax(h.depths_mm)) == n // 3
    assert h.depths_mm[n // 3] == pytest.approx(table.depth(dt, T), abs=1e-12)
    np.testing.assert_allclose(h.intensities_m_s * h.dt_s * 1000.0, h.depths_mm, rtol=1e-12)


def test_euler2_shape_and_intensity_callable(table):
    h = euler2(table, 100, 60, 5)
    assert h.dt_s == 300
    assert h.description["typ"] == "Euler II"
    d = h.depths_mm
    assert np.all(np.diff(d[: 5]) >= -1e-12) and np.all(np.diff(d[4:]) <= 1e-12)     # rises to the peak, then falls
    assert h.intensity(-1) == 0.0 and h.intensity(3600) == 0.0
    assert h.intensity(4 * 300 + 10) == pytest.approx(d[4] / 1000 / 300)
    np.testing.assert_allclose(h.intensity(np.array([0.0, 299.0, 300.0])), h.intensities_m_s[[0, 0, 1]])
    assert h.depth_between(0, 3600) == pytest.approx(h.total_mm)
    assert h.depth_between(150, 450) == pytest.approx((d[0] + d[1]) / 2)


def test_euler2_rejects_bad_blocks_and_nonconcave(table, tmp_path):
    with pytest.raises(ValueError, match="Vielfaches"):
        euler2(table, 10, 60, 7)
    with pytest.raises(ValueError, match="kürzer"):
        euler2(table, 10, 60, 1)
    p = _write(tmp_path, ["5 min;5;5;5;5;5;5;5;5;5", "10 min;6;6;6;6;6;6;6;6;6", "15 min;12;12;12;12;12;12;12;12;12"])
    with pytest.raises(ValueError, match="konkav"):
        euler2(read_kostra(p), 10, 15, 5)


# ------------------------------------------------------------------ user hyetographs


def test_input_errors_are_twin_errors(table):
    from twin.errors import TwinError

    with pytest.raises(RainInputError) as err:
        euler2(table, 10, 60, 7)
    assert isinstance(err.value, TwinError) and isinstance(err.value, ValueError)


def test_user_hyetograph():
    h = user_hyetograph([(10, 2.0), (20, 10.0), (30, 3.0)])
    assert h.dt_s == 600 and h.total_mm == 15.0
    assert h.intensity(700) == pytest.approx(10.0 / 1000 / 600)
    for bad, needle in [([], "mindestens"), ([(0, 1)], "nach 0"), ([(10, 1), (10, 2)], "steigt"),
                        ([(10, 1), (25, 2)], "gleich lang"), ([(10, -1)], "negativ"), ([(10, "x")], "erwartet"),
                        ([(10, float("nan"))], "endlich")]:
        with pytest.raises(ValueError, match=needle):
            user_hyetograph(bad)


def test_intensity_hyetograph():
    h = intensity_hyetograph([1e-5, 2e-5, 0.0], 60)
    np.testing.assert_allclose(h.depths_mm, [0.6, 1.2, 0.0])
    with pytest.raises(ValueError, match="Einheit"):
        intensity_hyetograph([30.0], 60)          # mm/h given instead of m/s
    with pytest.raises(ValueError, match="≥ 0"):
        intensity_hyetograph([1e-5, -1e-6], 60)
    with pytest.raises(ValueError):
        intensity_hyetograph([], 60)


# ------------------------------------------------------------------ losses


def _run(model, hyeto):
    return np.stack([model.step(i, hyeto.dt_s) for i in hyeto.intensities_m_s])


def test_effective_rain_never_exceeds_rain(table):
    h = euler2(table, 100, 60, 5)
    sealing = sealing_from_percent(np.array([[0, 25, 50], [75, 100, 100]]))
    model = LossModel(sealing, LossParameters(soil_class="sandiger Lehm"))
    eff = _run(model, h)
    assert np.all(eff >= 0)
    assert np.all(eff <= h.intensities_m_s[:, None, None] + 1e-18)
    total_eff_mm = eff.sum(axis=0) * h.dt_s * 1000
    assert np.all(total_eff_mm <= h.total_mm + 1e-9)
    np.testing.assert_allclose(model.effective_m * 1000, total_eff_mm)
    np.testing.assert_allclose(model.rain_m * 1000, h.total_mm)
    assert np.all(np.diff(total_eff_mm.ravel()[:5]) > 0)      # more sealing, more runoff


def test_fully_sealed_loses_exactly_the_initial_loss(table):
    h = euler2(table, 10, 60, 5)
    params = LossParameters(initial_loss_sealed_mm=0.8)
    eff = effective_rain(np.ones((2, 2)), h.intensities_m_s, h.dt_s, params)
    total = eff.sum(axis=0) * h.dt_s * 1000
    np.testing.assert_allclose(total, h.total_mm - 0.8, atol=1e-9)


def test_unsealed_initial_loss_and_constant_infiltration():
    hyeto = user_hyetograph([(10, 1.0), (20, 5.0), (30, 5.0)])
    model = LossModel(np.zeros(1), LossParameters(initial_loss_unsealed_mm=2.0, infiltration_mm_h=6.0))
    eff_mm = _run(model, hyeto)[:, 0] * hyeto.dt_s * 1000
    # block 1: 1 mm fills the initial loss; block 2: 1 mm more fills it, 1 mm infiltrates, 3 mm run off;
    # block 3: 1 mm infiltrates, 4 mm run off
    np.testing.assert_allclose(eff_mm, [0.0, 3.0, 4.0], atol=1e-12)


def test_no_rain_no_runoff_and_reset():
    model = LossModel(np.array([0.5]))
    assert model.step(0.0, 60)[0] == 0.0
    model.step(1e-4, 60)
    model.reset()
    assert model.effective_m[0] == 0.0 and model.rain_m[0] == 0.0
    frac = model.runoff_fraction(np.array([1e-4]), 60)        # 6 mm: sealed half loses 1 mm
    assert 0 < frac[0] < 1


def test_per_cell_rain_and_infiltration_arrays():
    model = LossModel(np.zeros(3), infiltration_mm_h=np.array([0.0, 3.6, 36.0]),
                      params=LossParameters(initial_loss_unsealed_mm=0.0))
    eff = model.step(np.array([1e-5, 1e-5, 1e-5]), 100)      # 36 mm/h on all cells
    np.testing.assert_allclose(eff, [1e-5, 0.9e-5, 0.0])


def test_sealing_from_classes():
    classes = np.array([["Asphalt", "Rasen"], ["Pflaster", "Wiese"]], dtype=object)
    pct = np.array([[np.nan, np.nan], [60.0, 10.0]])
    s = sealing_from_classes(classes, pct)
    np.testing.assert_allclose(s, [[1.0, 0.0], [0.6, 0.1]])
    np.testing.assert_allclose(sealing_from_classes(classes[:1]), [[1.0, 0.0]])
    with pytest.raises(ValueError, match="Wiese"):
        sealing_from_classes(classes)
    with pytest.raises(ValueError, match="0–100"):
        sealing_from_percent([10, 120])
    with pytest.raises(ValueError):
        sealing_from_percent([np.nan])


def test_parameters_are_recorded_and_checked():
    p = LossParameters()
    d = LossModel(np.array([0.2, 0.4]), p).describe()
    assert d["infiltration_mm_h"] == SOIL_INFILTRATION_MM_H["Lehm"]
    assert d["anfangsverlust_versiegelt_mm"] == 1.0
    assert d["mittlere_versiegelung_prozent"] == pytest.approx(30.0)
    assert d["versiegelung_nach_art_prozent"]["Asphalt"] == 100.0
    with pytest.raises(ValueError, match="Bodenart"):
        LossParameters(soil_class="Moor")
    with pytest.raises(ValueError):
        LossParameters(initial_loss_sealed_mm=-1)
    with pytest.raises(ValueError):
        LossModel(np.array([1.5]))
