"""The PostGIS test server is real and reachable (no mocks).

On CI (or with STADTZWILLING_REQUIRE_POSTGIS=1) a missing server fails these
tests; elsewhere they are skipped.
"""

from __future__ import annotations

import pytest

try:  # tests/ as a package or as a plain directory on sys.path
    from tests.pg_server import postgis_dsn, require_postgis, unavailable_reason
except ImportError:  # pragma: no cover - depends on how pytest imports
    from pg_server import postgis_dsn, require_postgis, unavailable_reason

pytestmark = pytest.mark.postgis


@pytest.fixture(scope="module")
def dsn() -> str:
    """SQLAlchemy URL of the PostGIS test database (fail or skip if none)."""
    url = postgis_dsn()
    if url is None:
        message = f"kein PostGIS-Server verfügbar: {unavailable_reason()}"
        if require_postgis():
            pytest.fail(message)
        pytest.skip(message)
    return url


def _libpq_conninfo(url: str) -> str:
    """Turn the SQLAlchemy URL into a libpq URL that psycopg understands."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(
        hide_password=False)


def test_psycopg_connects_and_postgis_works(dsn: str) -> None:
    import psycopg

    with psycopg.connect(_libpq_conninfo(dsn), connect_timeout=10) as conn:
        version = conn.execute("SELECT postgis_full_version()").fetchone()
        assert version is not None and "POSTGIS=" in version[0]
        # A transformation needs PROJ inside the server: ETRS89/UTM 32N -> WGS84.
        row = conn.execute(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform("
            "ST_SetSRID(ST_MakePoint(500000, 5500000), 25832), 4326) AS p) AS t"
        ).fetchone()
    assert row is not None
    lon, lat = row
    assert lon == pytest.approx(9.0, abs=1e-6)
    assert lat == pytest.approx(49.65, abs=0.05)


def test_sqlalchemy_url_works(dsn: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(dsn)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT PostGIS_Version()")).scalar()
    finally:
        engine.dispose()


def test_require_postgis_follows_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("STADTZWILLING_REQUIRE_POSTGIS", raising=False)
    assert require_postgis() is False
    monkeypatch.setenv("STADTZWILLING_REQUIRE_POSTGIS", "1")
    assert require_postgis() is True
    monkeypatch.delenv("STADTZWILLING_REQUIRE_POSTGIS")
    monkeypatch.setenv("CI", "true")
    assert require_postgis() is True
    monkeypatch.setenv("CI", "false")
    assert require_postgis() is False
