"""Sun position and clear-sky irradiance (pvlib) and project coordinates to lon/lat."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from pyproj import Transformer

from tests.conftest import SAMPLE_EXTENT
from twin.errors import ConfigError, CRSError
from twin.sim.heat.sun import SunHour, project_lonlat, sun_hours

LAT, LON = 49.6, 10.9  # Franconia (Erlangen / Weisendorf area)
JUNE21 = dt.date(2025, 6, 21)


def test_solar_noon_on_midsummer_day():
    minutes = np.arange(12.0, 14.5, 1.0 / 60.0)
    hours = sun_hours(LAT, LON, JUNE21, hours=minutes)
    noon = max(hours, key=lambda s: s.elevation_deg)
    assert noon.elevation_deg == pytest.approx(90.0 - LAT + 23.44, abs=0.3)
    assert noon.azimuth_deg == pytest.approx(180.0, abs=1.0)
    # solar noon at 10.9° E in summer time: 12:00 + 1 h DST + (15 − 10.9)·4 min + ~2 min EoT ≈ 13:18
    assert dt.time(13, 10) <= noon.time.time() <= dt.time(13, 25)


def test_midwinter_noon_is_low():
    noon = max(sun_hours(LAT, LON, dt.date(2025, 12, 21), hours=np.arange(11.5, 13.5, 1 / 60)),
               key=lambda s: s.elevation_deg)
    assert noon.elevation_deg == pytest.approx(90.0 - LAT - 23.44, abs=0.3)


def test_day_course_sunrise_sunset_and_irradiance():
    day = sun_hours(LAT, LON, JUNE21, hours=range(24))
    assert [s.time.hour for s in day] == list(range(24))
    assert all(isinstance(s, SunHour) and s.time.utcoffset() == dt.timedelta(hours=2) for s in day)
    up = [s.up for s in day]
    # sunrise about 05:15 CEST, sunset about 21:30 CEST
    assert up[:5] == [False] * 5 and up[6:22] == [True] * 16 and up[22:] == [False] * 2
    for s in day:
        if not s.up:
            assert s.ghi == s.dni == s.dhi == 0.0
        else:
            assert s.ghi > 0 and s.dni >= 0 and s.dhi > 0
    noon = day[13]
    assert 800.0 <= noon.ghi <= 950.0
    assert noon.ghi == pytest.approx(noon.dhi + noon.dni * np.sin(np.radians(noon.elevation_deg)), rel=0.02)
    morning, evening = day[8], day[18]
    assert 60 < morning.azimuth_deg < 110 and 250 < evening.azimuth_deg < 300  # east / west
    assert max(day, key=lambda s: s.ghi) is day[13]


def test_local_clock_hours_and_fractions():
    s = sun_hours(LAT, LON, JUNE21, hours=[14, 14.5])
    assert s[0].time == dt.datetime(2025, 6, 21, 12, tzinfo=dt.timezone.utc)
    assert s[1].time.hour == 14 and s[1].time.minute == 30
    winter = sun_hours(LAT, LON, dt.date(2025, 1, 15), hours=[14])[0]
    assert winter.time.utcoffset() == dt.timedelta(hours=1)
    # a time in the spring DST gap (02:30 does not exist) moves on to 03:30 CEST
    gap = sun_hours(LAT, LON, dt.date(2025, 3, 30), hours=[2.5])[0]
    assert (gap.time.hour, gap.time.minute) == (3, 30)


def test_linke_turbidity_changes_direct_light():
    clear = sun_hours(LAT, LON, JUNE21, hours=[13], linke_turbidity=2.5)[0]
    hazy = sun_hours(LAT, LON, JUNE21, hours=[13], linke_turbidity=6.0)[0]
    assert clear.dni > hazy.dni + 100
    assert clear.dhi < hazy.dhi
    assert clear.elevation_deg == hazy.elevation_deg


def test_bad_input_gives_german_errors():
    with pytest.raises(ConfigError, match="Zeitzone"):
        sun_hours(LAT, LON, JUNE21, tz="Europe/Nirgendwo")
    with pytest.raises(ConfigError, match="Stunde 25"):
        sun_hours(LAT, LON, JUNE21, hours=[12, 25])
    with pytest.raises(ConfigError, match="Breite"):
        sun_hours(95.0, LON, JUNE21)
    with pytest.raises(ConfigError, match="Linke"):
        sun_hours(LAT, LON, JUNE21, linke_turbidity=0.0)
    assert sun_hours(LAT, LON, JUNE21, hours=[]) == []


def test_project_lonlat_sample_extent_is_munich():
    x = (SAMPLE_EXTENT[0] + SAMPLE_EXTENT[2]) / 2  # 690500
    y = (SAMPLE_EXTENT[1] + SAMPLE_EXTENT[3]) / 2  # 5335500
    lon, lat = project_lonlat(x, y, "EPSG:25832")
    assert 11.55 < lon < 11.58 and 48.13 < lat < 48.16  # München-Maxvorstadt
    back = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True).transform(lon, lat)
    assert back == pytest.approx((x, y), abs=1e-3)


def test_project_lonlat_weisendorf_and_central_meridian():
    lon, lat = project_lonlat(631845.89, 5498571.65, "EPSG:25832")
    assert (lon, lat) == pytest.approx((10.8256, 49.6253), abs=1e-5)
    lon, _ = project_lonlat(500000.0, 5500000.0, "EPSG:25832")
    assert lon == pytest.approx(9.0, abs=1e-9)  # central meridian of UTM zone 32
    adv = project_lonlat(631845.89, 5498571.65, "urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH")
    assert adv == pytest.approx((10.8256, 49.6253), abs=1e-5)


def test_project_lonlat_unknown_crs():
    with pytest.raises(CRSError):
        project_lonlat(1.0, 2.0, "EPSG:999999")
