"""The policy as PostgreSQL roles and views, tested against the real server as the council and citizen roles."""

from __future__ import annotations

import uuid

import psycopg
import pytest
import sqlalchemy as sa

from importers.alkis.load import NASImporter
from importers.isybau.load import IsybauImporter
from importers.meters.load import MeterImporter
from twin.errors import StoreError
from twin.policy import load_policy
from twin.policy.postgis import install_roles, view_schema

from tests.alkis_synth import OWNER_OBJECTS, nas, parcel, ring_xml, square, write
from tests.test_policy import SAMPLE_METERS, SAMPLE_SEWER

#: one extent holding the sample village (meters, sewer) and the synthetic Hamburg parcel with its owner
BOTH = (460000.0, 5330000.0, 700000.0, 5980000.0)


def _fill(p, tmp_path) -> None:
    MeterImporter()(p, SAMPLE_METERS)
    IsybauImporter()(p, SAMPLE_SEWER)
    owner_file = write(tmp_path, nas(parcel("DEXXSYNTHF000001", 10, ring_xml(square()), nenner="2",
                                            extra='<istGebucht xlink:href="urn:adv:oid:DEXXSYNTHS000001"/>'),
                                     *OWNER_OBJECTS))
    NASImporter()(p, owner_file)
    from twin.variants import edit_variant, new_variant, plant_tree, release, set_change

    v = new_variant(p, "ratvar", "Bäume am Markt", actor="planung")
    plant_tree(v, 690400.0, 5335400.0, "Tilia cordata", 6.0, 3.0, 2027, key="ratvar-B1")
    release(v, "rat")
    set_change(edit_variant(p, "ratvar"), "trees", "ratvar-B1", "modify", {"kontrollbemerkung": "Geheimvermerk"})
    new_variant(p, "intern1", "Interne Idee", actor="planung")


@pytest.fixture
def shared(new_project, tmp_path):
    """A PostGIS project (tests parametrize ``backend`` to postgis) with roles installed and a login each."""
    p = new_project(extent=BOTH)
    _fill(p, tmp_path)
    prefix = f"t{uuid.uuid4().hex[:8]}"
    roles = install_roles(p.store, p.policy, prefix=prefix)
    logins = {}
    with p.store.transaction() as conn:
        for role, db_role in roles.items():
            logins[role] = f"{db_role}_login"
            conn.exec_driver_sql(f'CREATE ROLE "{logins[role]}" LOGIN IN ROLE "{db_role}"')
    yield p, roles, logins
    with p.store.engine.begin() as conn:
        for role, db_role in roles.items():
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{view_schema(p.store, role)}" CASCADE')
            for name in (logins[role], db_role):
                conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                conn.exec_driver_sql(f'DROP ROLE "{name}"')


def _connect(project, user: str) -> psycopg.Connection:
    url = sa.engine.make_url(project.store.engine.url).set(username=user, password=None)
    return psycopg.connect(host=url.host, port=url.port, dbname=url.database, user=user, autocommit=True)


@pytest.mark.parametrize("backend", ["postgis"], indirect=True)
def test_council_login_is_denied_owners_and_readings(shared):
    p, roles, logins = shared
    base = p.store.pg_schema
    with _connect(p, logins["rat"]) as conn:
        for sql in (f'SELECT nachname_oder_firma FROM "{base}".owners',
                    f'SELECT zaehlerstand_m3 FROM "{base}".meter_readings',
                    f'SELECT name FROM "{base}".meter_customers',
                    f'SELECT * FROM "{base}".water_meters'):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
                conn.execute(sql)
        views = view_schema(p.store, "rat")
        cols = [d.name for d in conn.execute(f'SELECT * FROM "{views}".parcels LIMIT 0').description]
        assert "flurstueckskennzeichen" in cols and "amtliche_flaeche" in cols and "geom" in cols
        with pytest.raises(psycopg.errors.UndefinedTable):
            conn.execute(f'SELECT * FROM "{views}".owners')
        assert [r[0] for r in conn.execute(f'SELECT variant_id FROM "{views}".variants')] == ["ratvar"]
        (values,) = conn.execute(f'SELECT new_values FROM "{views}".variant_changes').fetchone()
        assert "Tilia cordata" in values and "Geheimvermerk" not in values and "kontrollbemerkung" not in values
    with _connect(p, logins["buerger"]) as conn:
        views = view_schema(p.store, "buerger")
        cols = [d.name for d in conn.execute(f'SELECT * FROM "{views}".parcels LIMIT 0').description]
        assert "amtliche_flaeche" not in cols and "lagebezeichnung" not in cols
        with pytest.raises(psycopg.errors.UndefinedTable):
            conn.execute(f'SELECT * FROM "{views}".kennzahl_zaehler_faellig')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SELECT * FROM "{p.store.pg_schema}".sewer_reaches')
    with _connect(p, logins["verwaltung"]) as conn:
        assert conn.execute(f'SELECT count(*) FROM "{base}".meter_readings').fetchone()[0] == \
            p.store.count("meter_readings")


@pytest.mark.parametrize("backend", ["postgis"], indirect=True)
def test_council_views_give_the_embedded_figures(shared, tmp_path_factory):
    """The PostgreSQL views and a GeoPackage project with the same imports give the same figures."""
    from twin.project import Project

    p, roles, logins = shared
    gpkg = Project.create(tmp_path_factory.mktemp("gpkg") / "p", crs=25832, name="Vergleich", extent=BOTH)
    _fill(gpkg, tmp_path_factory.mktemp("nas"))
    rat = gpkg.session("rat")
    with _connect(p, logins["rat"]) as conn:
        views = view_schema(p.store, "rat")
        for name in rat.aggregations():
            cur = conn.execute(f'SELECT * FROM "{views}"."kennzahl_{name}"')
            cols = [d.name for d in cur.description]
            got = [dict(zip(cols, row)) for row in cur.fetchall()]
            want = rat.aggregate(name)
            assert want, name
            assert [{k: (round(v, 6) if isinstance(v, float) else v) for k, v in r.items()} for r in got] == \
                [{k: (round(v, 6) if isinstance(v, float) else v) for k, v in r.items()} for r in want], name
    gpkg.close()


@pytest.mark.parametrize("backend", ["gpkg"], indirect=True)
def test_roles_need_postgis(new_project):
    with pytest.raises(StoreError, match="nur in einem PostGIS"):
        install_roles(new_project().store, load_policy())
