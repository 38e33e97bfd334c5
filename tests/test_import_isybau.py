"""ISYBAU XML importer on real files (2017 official example, a real export without CRSLage, a real malformed
export) and a small synthetic 2013 file with Zustandsdaten; both store backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.base import CancelToken, detect_importer
from importers.isybau.load import IsybauImporter
from tests.test_import_citygml import snapshot
from twin.errors import Cancelled, CRSError, FormatError

DATA = Path(__file__).parent / "data" / "isybau"
CELLE = (569000.0, 5826000.0, 572000.0, 5830000.0)
NS13 = "http://www.ofd-hannover.la/Identifikation"


def _synthetic_2013(path: Path, dz: float = 0.0) -> Path:
    """Two manholes, one reach (GK zone 4 coordinates with zone digit) and its inspection, ISO-8859-1/CRLF."""
    def node(key, x, y, deckel, sohle):
        return (f"<AbwassertechnischeAnlage><Objektbezeichnung>{key}</Objektbezeichnung><Objektart>2</Objektart>"
                f"<Knoten><KnotenTyp>0</KnotenTyp><Schacht><Schachttiefe>{deckel - sohle:.2f}</Schachttiefe></Schacht>"
                f"</Knoten><Lage><Strassenname>Hauptstraße</Strassenname></Lage><Geometrie><Geometriedaten><Knoten>"
                f"<Punkt><Rechtswert>{x}</Rechtswert><Hochwert>{y}</Hochwert><Punkthoehe>{deckel}</Punkthoehe>"
                f"<PunktattributAbwasser>DMP</PunktattributAbwasser></Punkt>"
                f"<Punkt><Rechtswert>{x}</Rechtswert><Hochwert>{y}</Hochwert><Punkthoehe>{sohle}</Punkthoehe>"
                f"<PunktattributAbwasser>SMP</PunktattributAbwasser></Punkt></Knoten></Geometriedaten>"
                f"<CRSLage>DE_DHDN_3GK4</CRSLage></Geometrie></AbwassertechnischeAnlage>")
    reach = ("<AbwassertechnischeAnlage><Objektbezeichnung>H1</Objektbezeichnung><Objektart>1</Objektart><Kante>"
             "<KantenTyp>0</KantenTyp><KnotenZulauf>S1</KnotenZulauf><KnotenAblauf>S2</KnotenAblauf>"
             f"<SohlhoeheZulauf>{300.5 + dz:.2f}</SohlhoeheZulauf><SohlhoeheAblauf>{300.1 + dz:.2f}</SohlhoeheAblauf>"
             "<Laenge>40.0</Laenge>"
             "<Material>STZ</Material><Profil><Profilart>0</Profilart><Profilbreite>300</Profilbreite>"
             "<Profilhoehe>300</Profilhoehe></Profil></Kante></AbwassertechnischeAnlage>")
    insp = ("<InspizierteAbwassertechnischeAnlage><Objektbezeichnung>H1</Objektbezeichnung><Anlagentyp>1</Anlagentyp>"
            "<OptischeInspektion><Auftragskennung>7</Auftragskennung><Inspektionsdatum>2021-05-03</Inspektionsdatum>"
            "<Rohrleitung><Inspektionsdaten>"
            "<RZustand><Station>0.00</Station><InspektionsKode>BCD</InspektionsKode></RZustand>"
            "<RZustand><Station>12.30</Station><InspektionsKode>BAB</InspektionsKode><Charakterisierung1>B"
            "</Charakterisierung1><PositionVon>03</PositionVon><Kommentar>Riß längs, Straße</Kommentar>"
            "<Klassifizierung><MaxSKeAuto>4</MaxSKeAuto></Klassifizierung></RZustand>"
            "</Inspektionsdaten><Bewertung><Bewertungsverfahren>1</Bewertungsverfahren>"
            "<KlasseAutomatisch>4</KlasseAutomatisch></Bewertung></Rohrleitung></OptischeInspektion>"
            "</InspizierteAbwassertechnischeAnlage>")
    # GK4 (EPSG:31468) coordinates of a point in the sample extent (UTM 32: ~690500 / 5335500)
    xml = (f'<?xml version="1.0" encoding="ISO-8859-1"?>\n<Identifikation xmlns="{NS13}"><Version>2013-02</Version>'
           "<Datenkollektive><Stammdatenkollektiv>" + node("S1", 4467420.0, 5334110.0, 303.2 + dz, 300.5 + dz)
           + node("S2", 4467460.0, 5334110.0, 303.0 + dz, 300.1 + dz) + reach + "</Stammdatenkollektiv><Zustandsdatenkollektiv>"
           + insp + "</Zustandsdatenkollektiv></Datenkollektive></Identifikation>\n")
    path.write_bytes(xml.replace("\n", "\r\n").encode("iso-8859-1"))
    return path


def test_detect_by_namespace(tmp_path):
    assert isinstance(detect_importer(DATA / "ISYBAU_XML-2017-Stammdaten.xml"), IsybauImporter)
    assert isinstance(detect_importer(_synthetic_2013(tmp_path / "a.xml")), IsybauImporter)


def test_import_2017_official_example(new_project):
    p = new_project(extent=CELLE)
    rep = IsybauImporter()(p, DATA / "ISYBAU_XML-2017-Stammdaten.xml")
    assert rep.counts["ISYBAU"] == "2017"
    assert rep.source_crs == "EPSG:25832"
    assert rep.counts["Schächte/Bauwerke"] == 168 and rep.counts["Haltungen/Leitungen"] == 150
    assert p.store.count("sewer_nodes") == 168 and p.store.count("sewer_reaches") == 150
    n = p.store.get("sewer_nodes", "119001")
    assert n.attrs["deckelhoehe"] == pytest.approx(38.48) and n.attrs["sohlhoehe"] == pytest.approx(37.59)
    assert n.geometry.x == pytest.approx(570396.311)  # zone prefix 32 stripped
    r = p.store.get("sewer_reaches", "119001")
    assert (r.attrs["dn_mm"], r.attrs["material"], r.attrs["profilart"]) == (250, "B", "Kreisprofil")
    coords = list(r.geometry.coords)
    assert coords[0][2] == pytest.approx(37.59) and coords[-1][2] == pytest.approx(37.44)
    assert coords[0][0] == pytest.approx(570396.421)
    assert {f.attrs["art"] for f in p.store.features("sewer_nodes")} >= {"Schacht", "Bauwerk"}
    again = IsybauImporter()(p, DATA / "ISYBAU_XML-2017-Stammdaten.xml")
    assert again.counts["unverändert"] == 318 and again.counts["neu"] == 0 and again.counts["geändert"] == 0


def test_file_without_crs_needs_crs(new_project):
    p = new_project(extent=(346000.0, 5461000.0, 348000.0, 5463000.0))
    before = snapshot(p)
    with pytest.raises(CRSError, match="CRSLage"):
        IsybauImporter()(p, DATA / "isybauxml_bauwerke.xml")
    assert snapshot(p) == before
    rep = IsybauImporter(source_crs="EPSG:25832")(p, DATA / "isybauxml_bauwerke.xml")
    assert any("kein Lagesystem" in pr.message for pr in rep.problems)
    assert rep.counts["Haltungen/Leitungen"] == 3
    assert {f.attrs["art"] for f in p.store.features("sewer_nodes")} == {"Schacht", "Bauwerk"}


def test_malformed_export_names_line_and_leaves_store(new_project):
    p = new_project(extent=CELLE)
    IsybauImporter()(p, DATA / "ISYBAU_XML-2017-Stammdaten.xml")
    before = snapshot(p)
    with pytest.raises(FormatError) as exc:
        IsybauImporter(source_crs="EPSG:25832")(p, DATA / "isybauxml_Stammdaten_ISY_malformed.xml")
    assert exc.value.line == 9817 and "Zeile 9817" in str(exc.value)
    assert snapshot(p) == before


def test_cancel_leaves_store_unchanged(new_project):
    p = new_project(extent=CELLE)
    before = snapshot(p)
    tok = CancelToken()
    seen = []

    def progress(f, m):
        seen.append(f)
        if f >= 0.6:
            tok.cancel()
    with pytest.raises(Cancelled):
        IsybauImporter()(p, DATA / "ISYBAU_XML-2017-Stammdaten.xml", progress=progress, cancel=tok)
    assert snapshot(p) == before
    assert seen and min(seen) == 0.0


def test_2013_gk_and_condition(new_project, tmp_path):
    p = new_project()
    rep = IsybauImporter()(p, _synthetic_2013(tmp_path / "kanal_2013.xml"))
    assert rep.counts["ISYBAU"] == "2013" and rep.source_crs == "EPSG:31468"
    r = p.store.get("sewer_reaches", "H1")
    x0, y0, z0 = r.geometry.coords[0]
    assert 690000 < x0 < 691000 and 5335000 < y0 < 5336000 and z0 == pytest.approx(300.5)
    # Arbeitshilfen class 4 -> DWA-M 149-3 class 1 (worst = smallest)
    assert r.attrs["zustandsklasse"] == 1 and str(r.attrs["inspektionsdatum"]) == "2021-05-03"
    obs = p.store.features("sewer_observations")
    assert len(obs) == 2
    bab = next(o for o in obs if o.attrs["kode"] == "BAB")
    assert bab.attrs["station_m"] == pytest.approx(12.3) and bab.attrs["position_von"] == "03"
    assert bab.attrs["kommentar"] == "Riß längs, Straße" and bab.attrs["zustandsklasse"] == 1
    again = IsybauImporter()(p, tmp_path / "kanal_2013.xml")
    assert again.counts["neu"] == 0 and again.counts["geändert"] == 0


AH_BEWERTET = Path("/work/shared/data/isybau/"
                   "ISYBAU_XML-2013-Zustandsdaten_DIN_EN_13508-2_AH_Abwasser_bewertet_Filme.xml")
#: DIN EN 13508-2 codes that describe the inspection or the structure, not a defect
NO_DEFECT = {"BCA", "BCB", "BCC", "BCD", "BCE", "BDA", "BDB", "BDC", "BDD", "BDE", "DCA", "DCG", "DDB", "DDC", "DDD"}


@pytest.mark.skipif(not AH_BEWERTET.exists(), reason="offizielles 2013-Beispiel (ohne Lizenz) nur in /work/shared")
def test_official_2013_condition_data_scale_and_encoding():
    """Arbeitshilfen classes (5 = worst) arrive on the DWA-M 149-3 scale (0 = worst, 5 = no defect), and the
    file's UTF-8 texts inside an ISO-8859-1 declaration are read back correctly."""
    from importers.isybau.parse import parse_isybau

    parsed = parse_isybau(AH_BEWERTET)
    assert len(parsed.inspections) == 248
    by_class: dict = {}
    for insp in parsed.inspections:
        by_class.setdefault(insp.klasse, []).append({o.attrs["kode"] for o in insp.observations})
    clean = {k: sum(codes <= NO_DEFECT for codes in v) / len(v) for k, v in by_class.items() if k is not None}
    # the 11 worst objects (stored 0 = file 5) all carry defect codes; most "no defect" objects carry none
    assert len(by_class[0]) == 11 and clean[0] == 0.0
    assert len(by_class[5]) == 119 and clean[5] > 0.8
    assert all(clean[k] == 0.0 for k in (1, 2, 3, 4))
    comments = {o.attrs["kommentar"] for i in parsed.inspections for o in i.observations if o.attrs["kommentar"]}
    assert "Schacht ist mängelfrei" in comments and not any("Ã" in c for c in comments)
    assert any("53 Texte sind UTF-8" in msg and line == 143 for msg, line, _ in parsed.problems)


def test_repair_utf8_only_touches_mojibake():
    from importers.isybau.parse import repair_utf8

    assert repair_utf8("Schacht ist mÃ¤ngelfrei") == "Schacht ist mängelfrei"
    assert repair_utf8("Riß längs, Straße") is None  # genuine Latin-1 text stays
    assert repair_utf8("Ã¼ber Ä") is None  # "Ä" is not a UTF-8 byte pair once encoded: left alone
