"""Tree cadastre import on real files (Konstanz, Flensburg) and synthetic bad input, both backends."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from pyproj import Transformer

from importers.base import CancelToken
from importers.profiles import load_profile
from importers.trees.coords import infer_crs
from importers.trees.csvread import NumberError, decode, detect_delimiter, parse_number
from importers.trees.fll import add_months, complete_inspection
from importers.trees.load import TreeImporter, unit_from_name
from twin.crs import project_crs
from twin.dates import parse_date
from twin.errors import Cancelled, ConfigError, CRSError, ExtentError, FormatError
from twin.model.tree_queries import overdue_trees

from tests.conftest import DATA, SAMPLE_EXTENT
from tests.test_import_citygml import snapshot

TREES = DATA / "trees"
KONSTANZ = TREES / "Konstanz_KN_Baumkataster_2020S_first3000.csv"
FLENSBURG = TREES / "Flensburg_baumfaellungen_2023.csv"
KONSTANZ_EXTENT = (505000.0, 5270000.0, 520000.0, 5295000.0)
FLENSBURG_EXTENT = (520000.0, 6065000.0, 535000.0, 6080000.0)

# ---- synthetic files (written by the tests; coordinates inside SAMPLE_EXTENT, UTM 32) -------------------
CP1252_SEMICOLON = (
    "Baum-Nr;Gattung;Art deutsch;Baumhöhe;Kronendurchmesser;Kronenansatz;Stammumfang [m];Pflanzjahr;Vitalität;"
    "Verkehrssicherheit;letzte Kontrolle;nächste Kontrolle;Kontrollintervall;Straße;Rechtswert;Hochwert\n"
    "S-1;Tilia;Winter-Linde;12,5;8,0;2,5;1,20;1985;2;verkehrssicher;15.03.2023;;24;Schulstraße;690100,25;5335100,75\n"
    "S-2;Acer;Spitz-Ahorn;9,0;6,5;;0,85;1999;1;eingeschränkt;01.06.2022;01.06.2023;;Mühlweg;690200,50;5335200,00\n"
    "S-3;Quercus;Stiel-Eiche;21,0;14,0;4,0;2,60;1950;3;nicht verkehrssicher;;;;Am Weiher;690300,00;5335300,00\n"
)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def _pt(feature):
    return np.array([feature.geometry.x, feature.geometry.y])


# ---------------------------------------------------------------- real files
def test_konstanz_real(new_project):
    p = new_project(extent=KONSTANZ_EXTENT)
    imp = TreeImporter()
    report = imp(p, KONSTANZ, actor="gruenflaechenamt")
    assert report.problems == []
    assert report.counts["Bäume"] == 3000 and report.counts["neu"] == 3000
    assert report.source_crs == "EPSG:4326" and p.store.count("trees") == 3000
    # OBJECTID 1500: baumId 2353, Platane at Seestraße, 5 m high, crown 7 m, 174 cm girth
    t = p.store.get("trees", "2353")
    assert t.attrs["art"] == "Platanus x acerifolia" and t.attrs["gattung"] == "Platanus"
    assert t.attrs["art_deutsch"] == "Platane" and t.attrs["standort"] == "Seestr. (Säntis - Hebel) (194)"
    assert (t.attrs["baumhoehe_m"], t.attrs["kronendurchmesser_m"], t.attrs["stammumfang_cm"]) == (5.0, 7.0, 174.0)
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True).transform(9.18675022827872,
                                                                                     47.6668597981561)
    assert np.allclose(_pt(t), [x, y], atol=0.002)
    prov = p.store.provenance()[-1]
    assert prov["actor"] == "gruenflaechenamt" and prov["counts"]["Bäume"] == 3000 and prov["importer"] == "trees"
    saved = p.root / "profiles" / f"trees_{KONSTANZ.stem}.toml"
    prof = load_profile(saved)
    assert prof.columns["baumnummer"] == "baumId" and prof.x == "X" and prof.y == "Y"
    assert prof.columns["stammumfang_cm"] == "stammumfangCM" and prof.encoding == "utf-8-sig"


def test_konstanz_preview_for_the_wizard(new_project):
    p = new_project(extent=KONSTANZ_EXTENT)
    pv = TreeImporter().preview(KONSTANZ, p)
    assert (pv.encoding, pv.delimiter, pv.decimal) == ("utf-8-sig", ",", ".")
    assert pv.crs == "EPSG:4326" and "WGS84" in pv.crs_explanation and not pv.swapped
    assert pv.mapping["baumnummer"] == "baumId" and any("baumNr" in n for n in pv.notes)
    assert len(pv.mapped_rows) == 20 and pv.mapped_rows[0]["zeile"] == 2
    assert pv.mapped_rows[0]["art"] == "Juglans regia" and pv.rows[0]["Name_lat"] == "Juglans regia"
    assert pv.target == "trees" and pv.mapping["x"] == "X" and ("x", "Rechtswert / x / Länge") in pv.fields
    assert not (p.root / "profiles").exists() or not list((p.root / "profiles").iterdir())


def test_flensburg_gk3_decimal_commas_hochwert_first(new_project):
    p = new_project(extent=FLENSBURG_EXTENT)
    report = TreeImporter()(p, FLENSBURG)
    assert report.problems == [] and report.counts["Bäume"] == 230 and report.source_crs == "EPSG:31467"
    t = p.store.get("trees", "EX Dicker-Willis-Koppel/130")
    assert t.attrs["art"] == "Populus tremula" and t.attrs["art_deutsch"] == "Espe" and t.attrs["gattung"] == "Populus"
    x, y = Transformer.from_crs("EPSG:31467", "EPSG:25832", always_xy=True).transform(3526919.73068885,
                                                                                      6074829.98525275)
    assert np.allclose(_pt(t), [x, y], atol=0.002)


def test_reimport_idempotent_and_profile_reused(new_project):
    p = new_project(extent=FLENSBURG_EXTENT)
    TreeImporter()(p, FLENSBURG)
    saved = p.root / "profiles" / f"trees_{FLENSBURG.stem}.toml"
    mtime = saved.stat().st_mtime_ns
    before = (p.store.count("trees"), len(p.store.history()))
    again = TreeImporter()(p, FLENSBURG)
    assert (again.counts["neu"], again.counts["geändert"], again.counts["unverändert"]) == (0, 0, 230)
    assert again.counts["Zuordnung"].startswith("gespeichertes Profil")
    assert (p.store.count("trees"), len(p.store.history())) == before
    assert saved.stat().st_mtime_ns == mtime and len(p.store.provenance()) == 2


def test_explicit_profile_with_units_and_crs(new_project, tmp_path):
    p = new_project()
    src = _write(tmp_path, "kataster.csv", "Nr;Gattung;Umfang;H;Rechts;Hoch\n"
                 "B1;Tilia;1,5;10;690100;5335100\n")
    prof = tmp_path / "meinprofil.toml"
    prof.write_text('name = "meins"\ntarget = "trees"\nx = "Rechts"\ny = "Hoch"\ncrs = "EPSG:25832"\n'
                    '[columns]\nbaumnummer = "Nr"\ngattung = "Gattung"\nstammumfang_cm = "Umfang"\n'
                    'baumhoehe_m = "H"\n[units]\nstammumfang_cm = "m"\n', encoding="utf-8")
    rep = TreeImporter(profile=prof)(p, src)
    assert rep.counts["Bäume"] == 1 and rep.counts["Zuordnung"] == "Profil meinprofil.toml"
    t = p.store.get("trees", "B1")
    assert t.attrs["stammumfang_cm"] == 150.0 and t.attrs["baumhoehe_m"] == 10.0
    assert not (p.root / "profiles").exists()  # an explicit profile is not copied
    wrong = _write(tmp_path, "anders.csv", "ID;Art;X;Y\n1;Tilia;690100;5335100\n")
    with pytest.raises(ConfigError, match="es fehlen die Spalten"):
        TreeImporter(profile=prof)(p, wrong)


def test_dry_run_leaves_store_and_profiles_unchanged(new_project):
    p = new_project(extent=FLENSBURG_EXTENT)
    snap = snapshot(p)
    rep = TreeImporter()(p, FLENSBURG, dry_run=True)
    assert rep.dry_run and rep.counts["Bäume"] == 230 and rep.provenance_id is None
    assert snapshot(p) == snap


# ---------------------------------------------------------------- dialects, units, FLL
def test_cp1252_semicolon_decimal_comma_and_fll(new_project, tmp_path):
    p = new_project()
    src = _write(tmp_path, "baeume_cp1252.csv", CP1252_SEMICOLON.replace("\n", "\r\n"), "cp1252")
    pv = TreeImporter().preview(src, p)
    assert (pv.encoding, pv.delimiter, pv.decimal) == ("cp1252", ";", ",")
    assert pv.units == {"stammumfang_cm": "m"} and pv.crs == "EPSG:25832"
    rep = TreeImporter()(p, src)
    assert rep.problems == [] and rep.counts["Bäume"] == 3
    s1 = p.store.get("trees", "S-1")
    assert s1.attrs["standort"] == "Schulstraße" and s1.attrs["art_deutsch"] == "Winter-Linde"
    assert (s1.attrs["baumhoehe_m"], s1.attrs["kronendurchmesser_m"], s1.attrs["stammumfang_cm"]) == (12.5, 8.0, 120.0)
    assert s1.attrs["pflanzjahr"] == 1985 and s1.attrs["vitalitaet"] == "2"
    assert s1.attrs["letzte_kontrolle"] == "2023-03-15" and s1.attrs["naechste_kontrolle"] == "2025-03-15"
    assert s1.attrs["kronenansatz_m"] == 2.5  # crown base height (for the heat model's trunk zone)
    s2 = p.store.get("trees", "S-2")
    assert s2.attrs["kronenansatz_m"] is None
    assert s2.attrs["kontrollintervall_monate"] == 12 and s2.attrs["naechste_kontrolle"] == "2023-06-01"
    s3 = p.store.get("trees", "S-3")  # no dates: nothing invented
    assert s3.attrs["naechste_kontrolle"] is None and s3.attrs["kontrollintervall_monate"] is None
    assert np.allclose(_pt(s1), [690100.25, 5335100.75])
    assert [f.attrs["baumnummer"] for f in overdue_trees(p.store, date(2025, 1, 1))] == ["S-2"]
    assert [f.attrs["baumnummer"] for f in overdue_trees(p.store, date(2026, 1, 1))] == ["S-2", "S-1"]


def test_profile_without_units_keeps_units_from_column_names(new_project, tmp_path):
    """A profile as the wizard saves it (columns, x, y only) still reads 'Stammumfang [m]' as metres."""
    p = new_project()
    src = _write(tmp_path, "baeume_cp1252.csv", CP1252_SEMICOLON, "cp1252")
    prof = tmp_path / "wizard.toml"
    prof.write_text('name = "w"\ntarget = "trees"\nx = "Rechtswert"\ny = "Hochwert"\n[columns]\n'
                    'baumnummer = "Baum-Nr"\nstammumfang_cm = "Stammumfang [m]"\n', encoding="utf-8")
    TreeImporter(profile=prof)(p, src)
    assert p.store.get("trees", "S-1").attrs["stammumfang_cm"] == 120.0


def test_default_interval_only_when_told(new_project, tmp_path):
    p = new_project()
    src = _write(tmp_path, "k.csv", "Baumnummer,Gattung,letzte Kontrolle,X,Y\nK1,Tilia,2024-02-29,690100,5335100\n")
    TreeImporter(default_interval_months=12)(p, src)
    assert p.store.get("trees", "K1").attrs["naechste_kontrolle"] == "2025-02-28"


def test_mixed_encoding_rejected_with_line(new_project, tmp_path):
    p = new_project()
    snap = snapshot(p)
    data = (CP1252_SEMICOLON.splitlines()[0] + "\n" + CP1252_SEMICOLON.splitlines()[1] + "\n").encode("utf-8") + \
        CP1252_SEMICOLON.splitlines()[2].encode("cp1252") + b"\n"
    src = tmp_path / "gemischt.csv"
    src.write_bytes(data)
    with pytest.raises(FormatError, match="mischt zwei Zeichenkodierungen") as exc:
        TreeImporter()(p, src)
    assert exc.value.line == 3
    assert snapshot(p) == snap


def test_damaged_coordinates_rejected_per_row(new_project, tmp_path):
    p = new_project()
    src = _write(tmp_path, "beschaedigt.csv", (
        "Baumnummer;Gattung;Rechtswert;Hochwert\n"
        "D1;Tilia;690100,5;5335100,5\n"
        "D2;Tilia;690.100,50;5335100,5\n"        # thousands separator
        "D3;Tilia;69010050;5335100,5\n"          # decimal comma lost: 100× too large
        "D4;Tilia;;5335100\n"                    # missing
        "D5;Tilia;690200,0;5335200,0\n"
        "D6;Tilia;abc;5335200\n"                 # not a number
        "D7;Tilia;690300,0;7335300,0\n"          # out of range
    ))
    rep = TreeImporter()(p, src)
    assert sorted(p.store.keys("trees")) == ["D1", "D5"] and rep.counts["übersprungen"] == 5
    by_line = {pr.line: pr.message for pr in rep.problems}
    assert set(by_line) == {3, 4, 5, 7, 8}
    assert "Tausendertrennzeichen" in by_line[3]
    assert "100-fach zu groß" in by_line[4] and "Dezimaltrennzeichen" in by_line[4]
    assert "fehlt" in by_line[5] and "keine Zahl" in by_line[7] and "außerhalb" in by_line[8]
    assert all("nicht importiert" in m for m in by_line.values())


def test_duplicate_baumnummer_names_both_lines(new_project, tmp_path):
    p = new_project()
    src = _write(tmp_path, "doppelt.csv", "Baumnummer,Gattung,X,Y\n7,Tilia,690100,5335100\n"
                 "8,Acer,690200,5335200\n7,Quercus,690300,5335300\n")
    rep = TreeImporter()(p, src)
    assert p.store.count("trees") == 2 and p.store.get("trees", "7").attrs["gattung"] == "Tilia"
    [pr] = rep.problems
    assert pr.line == 4 and "Zeilen 2 und 4" in pr.message and pr.feature == "7"


def test_unknown_crs_asks_for_crs(new_project, tmp_path):
    p = new_project()
    snap = snapshot(p)
    src = _write(tmp_path, "lokal.csv", "Baumnummer,Gattung,X,Y\n1,Tilia,1000.5,2000.5\n2,Acer,1010,2010\n")
    with pytest.raises(CRSError, match="--crs"):
        TreeImporter()(p, src)
    assert snapshot(p) == snap
    with pytest.raises(FormatError, match="unplausibel"):  # given a CRS, the values are implausible for it
        TreeImporter(source_crs="EPSG:31467")(p, src)
    assert snapshot(p) == snap


def test_outside_extent(new_project):
    p = new_project()  # Bavarian sample extent
    snap = snapshot(p)
    with pytest.raises(ExtentError, match="außerhalb des Projektgebiets"):
        TreeImporter()(p, FLENSBURG)
    assert snapshot(p) == snap


def test_cancel_leaves_store_unchanged(new_project):
    p = new_project(extent=KONSTANZ_EXTENT)
    snap = snapshot(p)
    token = CancelToken()

    def progress(frac, msg):
        if frac > 0.6:
            token.cancel()
    with pytest.raises(Cancelled):
        TreeImporter()(p, KONSTANZ, progress=progress, cancel=token)
    assert snapshot(p) == snap


def test_geojson(new_project, tmp_path):
    p = new_project()
    to_ll = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    feats = []
    for i, (x, y) in enumerate([(690100.0, 5335100.0), (690500.0, 5335600.0)]):
        lon, lat = to_ll.transform(x, y)
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                      "properties": {"baumnummer": f"G{i}", "gattung": "Fagus", "hoehe": 20.5 + i,
                                     "stammumfang": 150}})
    src = tmp_path / "baeume.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    assert TreeImporter().sniff(src, src.read_bytes()[:4096])
    rep = TreeImporter()(p, src)
    assert rep.counts["Bäume"] == 2 and rep.problems == []
    g1 = p.store.get("trees", "G1")
    assert g1.attrs["baumhoehe_m"] == 21.5 and g1.attrs["stammumfang_cm"] == 150.0
    assert np.allclose(_pt(g1), [690500.0, 5335600.0], atol=0.01)


def test_unmapped_columns_are_named_in_the_report(new_project):
    p = new_project(extent=KONSTANZ_EXTENT)
    rep = TreeImporter()(p, KONSTANZ)
    unused = rep.counts["nicht zugeordnete Spalten"].split(", ")
    assert "OBJECTID" in unused and "X" not in unused and "Y" not in unused
    assert "nicht zugeordnete Spalten" in rep.summary()


@pytest.mark.filterwarnings("ignore:Normalized/laundered field name")  # dBASE cuts names to 10 characters
@pytest.mark.parametrize("suffix, driver, crs", [(".gpkg", "GPKG", "EPSG:25832"),
                                                  (".shp", "ESRI Shapefile", "EPSG:31468")])
def test_geopackage_and_shapefile(new_project, tmp_path, suffix, driver, crs):
    """GIS formats carry their CRS; German column names with umlauts (cp1252 .dbf) are mapped."""
    import pyogrio
    import shapely

    from importers.base import detect_importer

    p = new_project()
    to_src = Transformer.from_crs("EPSG:25832", crs, always_xy=True)
    pts = [(690100.0, 5335100.0), (690500.0, 5335600.0), (690800.0, 5335900.0)]
    geoms = np.array([shapely.to_wkb(shapely.Point(*to_src.transform(x, y))) for x, y in pts], dtype=object)
    cols = ["Baumnr", "Gattung", "Baumhöhe", "Stammumfang"]
    data = [np.array(["S1", "S2", "S3"], dtype=object), np.array(["Quercus", "Acer", "Tilia"], dtype=object),
            np.array([18.0, 9.5, 12.0]), np.array([210.0, 95.0, 130.0])]
    src = tmp_path / f"baumkataster{suffix}"
    pyogrio.raw.write(str(src), geoms, data, cols, crs=crs, driver=driver, geometry_type="Point",
                      **({"encoding": "cp1252"} if suffix == ".shp" else {}))
    assert isinstance(detect_importer(src), TreeImporter)
    rep = TreeImporter()(p, src)
    assert rep.counts["Bäume"] == 3 and rep.problems == []
    s2 = p.store.get("trees", "S2")
    assert s2.attrs["gattung"] == "Acer" and s2.attrs["baumhoehe_m"] == 9.5 and s2.attrs["stammumfang_cm"] == 95.0
    tol = 0.01 if crs == "EPSG:25832" else 1.5  # DHDN -> ETRS89 without the BeTA2007 grid: about a metre
    assert np.allclose(_pt(s2), [690500.0, 5335600.0], atol=tol)


# ---------------------------------------------------------------- detection and units (no store)
def test_sniff_claims_tree_files_only(tmp_path):
    imp = TreeImporter()
    for f in (KONSTANZ, FLENSBURG):
        assert imp.sniff(f, f.read_bytes()[:4096])
    meters = _write(tmp_path, "zaehler.csv", "Zählernummer;Einbaudatum;Eichfrist;X;Y\nZ1;2020-01-01;2026;690100;5335100\n")
    generic = _write(tmp_path, "punkte.csv", "ID,Straße,X,Y\n1,Hauptstraße,690100,5335100\n")
    nocoords = _write(tmp_path, "liste.csv", "Baumnummer,Gattung,Art\n1,Tilia,cordata\n")
    gml = DATA.parent.parent / "sample_data" / "real" / "DEBY_LOD2_4959457.gml"
    for f in (meters, generic, nocoords, gml):
        assert not imp.sniff(f, f.read_bytes()[:4096]), f


@pytest.mark.parametrize("x, y, epsg, swapped", [
    (9.16, 47.7, 4326, False),
    (47.7, 9.16, 4326, True),
    (3526919.7, 6074829.9, 31467, False),
    (6074829.9, 3526919.7, 31467, True),          # Hochwert in the x column
    (4468000.0, 5333000.0, 31468, False),
    (32690100.0, 5335100.0, 4647, False),
    (690100.0, 5335100.0, 25832, False),           # project UTM 32 settles the zone
])
def test_infer_crs(x, y, epsg, swapped):
    g = infer_crs(np.array([x]), np.array([y]), project_crs(25832), None)
    assert (g.epsg, g.swapped) == (epsg, swapped) and g.explanation.startswith("Erkannt")


def test_utm_zone_undecidable_without_project_hint():
    with pytest.raises(CRSError, match="mehreren"):
        infer_crs(np.array([400000.0]), np.array([5700000.0]), project_crs(31468, None), None)
    g = infer_crs(np.array([400000.0]), np.array([5700000.0]), project_crs(25833), None)
    assert g.epsg == 25833


def test_number_and_dialect_helpers():
    assert parse_number("6074829,98525275", ",") == pytest.approx(6074829.98525275)
    assert parse_number(" ", ",") is None
    for bad, dec in (("6.074.829,98", ","), ("6,074,829.98", "."), ("12,5", "."), ("1.5", ",")):
        with pytest.raises(NumberError):
            parse_number(bad, dec)
    assert detect_delimiter("a;b;c\n1,5;2,5;3\n4;5;6\n") == ";"
    assert detect_delimiter('a,b,c\n"1,5","2,5",3\n4,5,6\n') == ","
    assert detect_delimiter("a\tb\n1\t2\n") == "\t"
    assert decode("Straße".encode("cp1252"))[1] == "cp1252"
    assert decode(b"\xef\xbb\xbfa")[1] == "utf-8-sig"
    assert [unit_from_name(c) for c in ("stammumfangCM", "hoeheM", "Umfang [cm]", "Höhe in m", "Stammumfang")] == \
        ["cm", "m", "cm", "m", None]


def test_fll_rules():
    assert parse_date("31.12.23") == date(2023, 12, 31) and parse_date("2023-12-31 10:00") == date(2023, 12, 31)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert complete_inspection(date(2023, 3, 15), None, 36) == (date(2026, 3, 15), 36,
                                                               "nächste Kontrolle aus letzter Kontrolle + Intervall")
    assert complete_inspection(date(2023, 3, 15), date(2025, 3, 1), None)[1] == 24
    assert complete_inspection(date(2023, 3, 15), None, None) == (None, None, None)
    with pytest.raises(ValueError):
        parse_date("gestern")


# ---------------------------------------------------------------- column-wise reading equals cell by cell
def _slow(path: Path, table):
    from importers.trees.csvread import _read_slow, decode as dec

    text, _ = dec(path.read_bytes())
    cells, lines, problems = _read_slow(text, table.columns, table.delimiter)
    return {c: a.to_pylist() for c, a in cells.items()}, lines.tolist(), problems


@pytest.mark.parametrize("name", ["konstanz", "flensburg", "blank_lines_crlf"])
def test_fast_csv_reader_agrees_with_the_line_exact_one(tmp_path, name):
    """Arrow's reader (fast path) and Python's csv module give the same cells and the same line numbers."""
    import importers.trees.csvread as csvread

    if name == "konstanz":
        path = KONSTANZ
    elif name == "flensburg":
        path = FLENSBURG
    else:
        path = _write(tmp_path, "b.csv", "Nr;Art;X;Y\r\n1;Tilia;1,5;2\r\n\r\n2; Acer ;3;4\r\n;;;\r\n\r\n3;\"Quercus; x\";5;6")
    used = []
    orig = csvread._read_fast
    csvread._read_fast = lambda *a: used.append(r := orig(*a)) or r
    try:
        t = csvread.read_csv(path)
    finally:
        csvread._read_fast = orig
    assert used and used[0] is not None, "the fast path must have been taken"
    cells, lines, problems = _slow(path, t)
    assert {c: a.to_pylist() for c, a in t.cells.items()} == cells
    assert t.lines.tolist() == lines and problems == [] == t.problems
    if name == "blank_lines_crlf":
        assert lines == [2, 4, 7] and cells["Art"] == ["Tilia", " Acer ", "Quercus; x"]


def test_multiline_records_and_bad_field_counts_fall_back_to_exact_lines(tmp_path):
    from importers.trees.csvread import read_csv

    p = _write(tmp_path, "m.csv", 'Nr,Bemerkung,X,Y\n1,"zwei\nZeilen",1,2\n2,kurz,3\n3,ok,5,6\n')
    t = read_csv(p)
    assert t.lines.tolist() == [2, 5] and t.cells["Bemerkung"].to_pylist() == ["zwei\nZeilen", "ok"]
    assert [line for line, _ in t.problems] == [4] and "3 Felder statt 4" in t.problems[0][1]


def test_column_conversion_matches_cell_by_cell_parsing():
    import pyarrow as pa

    from importers.trees import columns as colconv

    cells = ["12", " 12,5 ", "-3", "+0,25", ",5", "7,", "1e3", "1 234,5", "1\u00a0234", "", "  ", None, "12.5",
             "6.074.829,98", "abc", "nan", "inf", "1,2,3", "--1", "0012"]
    for decimal in (",", "."):
        cc = [c.replace(",", "#").replace(".", ",").replace("#", ".") if c and decimal == "." else c for c in cells]
        vals, errors = colconv.numbers(pa.array(cc, pa.string()), decimal)
        for i, c in enumerate(cc):
            try:
                want = None if c is None else parse_number(c, decimal)
            except NumberError as exc:
                assert errors.get(i) == exc.args[0], (decimal, c)
                assert np.isnan(vals[i])
                continue
            assert i not in errors, (decimal, c, errors.get(i))
            assert (np.isnan(vals[i]) if want is None else vals[i] == want), (decimal, c, vals[i], want)
    ints, errors = colconv.integers(pa.array(["3", "3,0", "3,5", "", "x"]), ",")
    assert ints == [3, 3, None, None, None] and sorted(errors) == [2, 4] and "keine ganze Zahl" in errors[2]
    years, errors = colconv.years(pa.array(["1998", "1998,0", "15.04.1975", "1200", None]), ",")
    assert years == [1998, 1998, 1975, None, None] and list(errors) == [3]
    assert colconv.texts(pa.array([" a ", "", None])) == ["a", None, None]
    assert colconv.texts(pa.array([4.0, 4.5, None])) == ["4", "4.5", None]


def test_default_interval_from_profile(new_project, tmp_path):
    """A saved profile can carry the FLL default interval (``[defaults] kontrollintervall_monate``)."""
    p = new_project(extent=SAMPLE_EXTENT)
    src = _write(tmp_path, "kontrolle.csv", "Baumnummer;Gattung;letzte Kontrolle;Rechtswert;Hochwert\n"
                                            "K-1;Tilia;15.03.2023;690100;5335100\nK-2;Acer;;690200;5335200\n")
    prof = tmp_path / "p.toml"
    prof.write_text('name = "k"\ntarget = "trees"\nx = "Rechtswert"\ny = "Hochwert"\n[columns]\n'
                    'baumnummer = "Baumnummer"\ngattung = "Gattung"\nletzte_kontrolle = "letzte Kontrolle"\n'
                    '[defaults]\nkontrollintervall_monate = 12\n', encoding="utf-8")
    TreeImporter(profile=prof)(p, src)
    k1, k2 = p.store.get("trees", "K-1"), p.store.get("trees", "K-2")
    assert (k1["naechste_kontrolle"], k1["kontrollintervall_monate"]) == ("2024-03-15", 12)
    assert (k2["naechste_kontrolle"], k2["kontrollintervall_monate"]) == (None, None)


def test_nothing_to_import_names_the_problems_or_the_extent(new_project, tmp_path):
    """The shared "nothing importable" rule: outside the project → ExtentError, else the first problems."""
    from importers.base import ImportReport, Importer, Problem
    from twin.errors import ExtentError, FormatError

    p = new_project()
    rep = ImportReport(path="x.csv", importer="trees", sha256="0")
    rep.problems = [Problem("Baumnummer fehlt; nicht importiert", 3, None)]
    with pytest.raises(FormatError, match=r"keine importierbaren Bäume \(Zeile 3: Baumnummer fehlt"):
        Importer.nothing_to_import(p, tmp_path / "x.csv", rep, "Bäume")
    with pytest.raises(ExtentError):
        Importer.nothing_to_import(p, tmp_path / "x.csv", rep, "Bäume", [(0, 0, 10, 10), (5, 5, 20, 20)])
