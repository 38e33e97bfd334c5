"""Shared test helpers for the ALKIS tests: real file paths, synthetic NAS builders, the GDAL peer."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import DATA


ALKIS = DATA / "alkis"
HH = ALKIS / "ALKIS_NeuwScharh_0003.xml.gz"
NRW = ALKIS / "NRW_WFS_flurstueckrequired.gml"
GFS = ALKIS / "alkis_peer.gfs"
HH_EXTENT = (465000.0, 5972000.0, 469000.0, 5977000.0)
NRW_EXTENT = (337000.0, 5705000.0, 340000.0, 5708000.0)
HH_CODES = {"1010", "2020", "2050", "2071", "2081", "2140", "2310", "2440", "2500", "2520", "2600", "2612",
            "2700", "2723", "2726", "3020", "3021", "3062", "9998"}

# --------------------------------------------------------------------- synthetic NAS
HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n'
        '<AX_Bestandsdatenauszug xmlns="http://www.adv-online.de/namespaces/adv/gid/6.0" '
        'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<enthaelt><FeatureCollection xmlns="http://www.adv-online.de/namespaces/adv/gid/wfs" gml:id="fc">\n')
TAIL = '</FeatureCollection></enthaelt>\n</AX_Bestandsdatenauszug>\n'


def nas(*members: str) -> str:
    return HEAD + "".join(f"<gml:featureMember>{m}</gml:featureMember>\n" for m in members) + TAIL


def ring_xml(coords, srs="urn:adv:crs:ETRS89_UTM32") -> str:
    pos = " ".join(f"{x:.3f} {y:.3f}" for x, y in coords)
    return (f'<gml:Surface gml:id="g{abs(hash(pos)) % 10**8}" srsName="{srs}"><gml:patches><gml:PolygonPatch>'
            f'<gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments><gml:LineStringSegment>'
            f'<gml:posList>{pos}</gml:posList></gml:LineStringSegment></gml:segments></gml:Curve></gml:curveMember>'
            f'</gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface>')


def square(x0=466500.0, y0=5974500.0, size=20.0):
    return [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)]


def parcel(gid: str, zaehler: int, geom: str, *, nenner: str | None = None, flaeche: str = "400",
           extra: str = "") -> str:
    fsk = f"020125___{zaehler:05d}{(nenner or '').zfill(4) if nenner else '____'}__"
    nen = f"<nenner>{nenner}</nenner>" if nenner else ""
    return (f'<AX_Flurstueck gml:id="{gid}"><position>{geom}</position>'
            f'<gemarkung><AX_Gemarkung_Schluessel><land>02</land><gemarkungsnummer>0125</gemarkungsnummer>'
            f'</AX_Gemarkung_Schluessel></gemarkung><flurstuecksnummer><AX_Flurstuecksnummer>'
            f'<zaehler>{zaehler}</zaehler>{nen}</AX_Flurstuecksnummer></flurstuecksnummer>'
            f'<flurstueckskennzeichen>{fsk}</flurstueckskennzeichen>'
            f'<amtlicheFlaeche uom="urn:adv:uom:m2">{flaeche}</amtlicheFlaeche><flurnummer>3</flurnummer>'
            f'{extra}</AX_Flurstueck>')


def building(gid: str, geom: str, funktion: str = "1010", extra: str = "") -> str:
    return (f'<AX_Gebaeude gml:id="{gid}"><position>{geom}</position><gebaeudefunktion>{funktion}'
            f'</gebaeudefunktion><anzahlDerOberirdischenGeschosse>2</anzahlDerOberirdischenGeschosse>{extra}'
            f'</AX_Gebaeude>')


def write(tmp_path: Path, text: str, name: str = "test.xml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def run_gdal(args: list[str], **env) -> None:
    import os
    subprocess.run(args, check=True, capture_output=True, env={**os.environ, **env})


OWNER_OBJECTS = (
    '<AX_Person gml:id="DEXXSYNTHP000001"><nachnameOderFirma>Mustermann</nachnameOderFirma>'
    '<vorname>Max</vorname><geburtsname>Mustermann</geburtsname><geburtsdatum>1970-01-01</geburtsdatum>'
    '<hat xlink:href="urn:adv:oid:DEXXSYNTHA000001"/></AX_Person>',
    '<AX_Anschrift gml:id="DEXXSYNTHA000001"><ort_Post>Musterstadt</ort_Post>'
    '<postleitzahlPostzustellung>12345</postleitzahlPostzustellung><strasse>Musterstraße</strasse>'
    '<hausnummer>1</hausnummer></AX_Anschrift>',
    '<AX_Buchungsblatt gml:id="DEXXSYNTHB000001"><buchungsblattkennzeichen>029999000001</buchungsblattkennzeichen>'
    '<buchungsblattnummerMitBuchstabenerweiterung>0000001</buchungsblattnummerMitBuchstabenerweiterung>'
    '<blattart>1000</blattart></AX_Buchungsblatt>',
    '<AX_Buchungsstelle gml:id="DEXXSYNTHS000001"><istBestandteilVon xlink:href="urn:adv:oid:DEXXSYNTHB000001"/>'
    '<buchungsart>1100</buchungsart><laufendeNummer>0001</laufendeNummer></AX_Buchungsstelle>',
    '<AX_Namensnummer gml:id="DEXXSYNTHN000001"><laufendeNummerNachDIN1421>0001</laufendeNummerNachDIN1421>'
    '<anteil><AX_Anteil><zaehler>1</zaehler><nenner>2</nenner></AX_Anteil></anteil>'
    '<istBestandteilVon xlink:href="urn:adv:oid:DEXXSYNTHB000001"/>'
    '<benennt xlink:href="urn:adv:oid:DEXXSYNTHP000001"/></AX_Namensnummer>',
)
