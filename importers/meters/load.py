"""Water meter importer: billing-system CSV -> ``water_meters``, ``meter_readings``, ``meter_customers``.

Phase 1 reads the whole file (encoding, delimiter and decimal sign detected as for tree CSVs; numbers
parsed strictly), maps the columns (synonyms or a profile), and checks every row: meter number
present and unique in the file, numbers and dates readable, a location – by coordinates (Rechtswert/
Hochwert, in the project CRS unless told otherwise), else by parcel (Flurstück → a point inside the
parcel), else by address matched against the ALKIS Lagebezeichnung. A row that fails is rejected with
its line and a German reason; nothing is guessed. Phase 2 writes all three layers and the provenance
row in one transaction; re-import updates by Zählernummer (readings by meter, day and occasion).

Meter changes in the export: a row whose ``Altzähler`` column is filled installs its meter in place of
the old one (``Ausbaudatum``, default the Einbaudatum; final reading ``Endstand Altzähler``; initial
reading ``Anfangsstand``). The old meter is marked ``ausgebaut`` with its successor, the new one names
its predecessor; a row with only ``Ausbaudatum`` marks its own meter as removed.
Calibration validity: see :mod:`twin.model.meters` (Eichfrist ends at the end of a calendar year).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from importers.base import (CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, Ticker,
                            resolve_file_crs)
from importers.meters.columns import TARGET, MeterProfile, load_meter_profile, looks_like_meters, propose_columns
from importers.meters.locate import Located, ParcelIndex, split_address
from importers.trees.csvread import CsvTable, NumberError, parse_number, read_csv, sniff_header
from twin.crs import Reprojector, horizontal
from twin.dates import parse_date
from twin.errors import FormatError
from twin.model.meters import (INSTALLATION, INSTALLED, METER_CUSTOMERS, METER_READINGS, READING, REMOVAL, REMOVED,
                               WATER_METERS, eichfrist_years, reading_id, valid_until)
from twin.project import Project
from twin.store import Feature

CSV_SUFFIXES = (".csv", ".txt")
_TITLES = {"x": "Rechtswert", "y": "Hochwert", "zaehlerstand": "Zählerstand", "endstand": "Endstand Altzähler",
           "anfangsstand": "Anfangsstand", "einbaudatum": "Einbaudatum", "ausbaudatum": "Ausbaudatum",
           "ablesedatum": "Ablesedatum", "eichjahr": "Eichjahr", "eichfrist": "Eichfrist"}


class RowError(ValueError):
    """A row cannot be imported; ``args[0]`` is the German reason."""


@dataclass
class _Row:
    line: int
    nr: str
    attrs: dict[str, Any]
    point: Any
    reading: tuple[date, float] | None
    kunde: str | None
    name: str | None
    change: tuple[str, date, float | None, float | None] | None = None  # old nr, day, final, initial


@dataclass
class MeterPreview(ImportPreview):
    decimal: str = "."
    delimiter: str | None = None
    problems: list[Problem] = field(default_factory=list)


class MeterImporter(Importer):
    """Wasserzähler from the billing system (CSV, semicolon or comma, UTF-8 or Windows-1252)."""

    name = "meters"
    title = "Wasserzähler (CSV aus der Verbrauchsabrechnung)"
    suffixes = CSV_SUFFIXES

    def __init__(self, source_crs: str | None = None, profile: str | Path | None = None,
                 eichfristen: dict[str, int] | None = None) -> None:
        #: CRS of Rechtswert/Hochwert (CLI ``--crs``); default the profile's, else the project's
        self.source_crs = source_crs
        self.profile: MeterProfile = load_meter_profile(profile) if profile else MeterProfile()
        #: Zählerart -> Eichfrist in years; overrides the profile, which overrides MessEV defaults
        self.eichfristen = {**self.profile.eichfristen, **(eichfristen or {})}

    # ----------------------------------------------------------------- detection
    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in CSV_SUFFIXES:
            return False
        cols = sniff_header(head)
        return cols is not None and looks_like_meters(cols)

    def preview(self, path: str | Path, project: Project, n: int = 20) -> MeterPreview:
        path = Path(path)
        table = read_csv(path)
        cols = self._columns(table)
        rows = [dict(zip(table.columns, table.row(i))) for i in range(min(n, len(table)))]
        return MeterPreview(importer=self.name, title=self.title, crs=self._crs_name(project),
                            encoding=table.encoding, target=TARGET, columns=table.columns,
                            fields=[(k, _TITLES.get(k, k)) for k in cols], mapping=cols, rows=rows,
                            decimal=table.decimal, delimiter=table.delimiter,
                            problems=[Problem(m, line) for line, m in table.problems])

    # ----------------------------------------------------------------- import
    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        table = read_csv(path)
        report.problems += [Problem(m, line) for line, m in table.problems]
        cols = self._columns(table)
        if "zaehlernummer" not in cols:
            raise FormatError("Keine Spalte für die Zählernummer gefunden (Spalten: " + ", ".join(table.columns) +
                              ").", path=path)
        if not ({"x", "y"} <= set(cols) or {"flurstueck", "strasse", "adresse"} & set(cols)):
            raise FormatError("Keine Spalte für die Lage gefunden (Rechtswert/Hochwert, Flurstück, Straße "
                              "oder Adresse).", path=path)
        report.source_crs = self._crs_name(project)
        cancel.check(path)
        progress(0.2, "Prüfe Zähler …")
        rows = self._rows(project, path, table, cols, report, cancel)
        if not rows:
            self.nothing_to_import(project, path, report, "Zähler")
        cancel.check(path)
        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        with store.transaction():
            pid = self.begin_write(project, path, report, actor, WATER_METERS, METER_READINGS, METER_CUSTOMERS)
            meters, readings, customers = self._features(project, path, rows, report)
            tick = Ticker(progress, cancel, path, len(meters) + len(readings) + len(customers))
            res = store.upsert(WATER_METERS.name, meters, actor=actor, provenance_id=pid, on_progress=tick.tick)
            rres = store.upsert(METER_READINGS.name, readings, actor=actor, provenance_id=pid)
            cres = store.upsert(METER_CUSTOMERS.name, customers, actor=actor, provenance_id=pid)
            cancel.check(path)
            rejected = len({p.line for p in report.problems if p.line and "nicht importiert" in p.message})
            report.counts = {
                "Zähler": len(meters), "neu": res.inserted, "geändert": res.updated, "unverändert": res.unchanged,
                "Zählerwechsel": sum(1 for r in rows if r.change), "Ablesungen": len(readings),
                "Ablesungen neu": rres.inserted, "Kunden": len(customers), "Kunden neu": cres.inserted,
                "übersprungen": rejected, "Koordinatensystem": report.source_crs,
            }
            self.end_write(project, pid, report)
        progress(1.0, report.summary())

    # ----------------------------------------------------------------- helpers
    def _columns(self, table: CsvTable) -> dict[str, str]:
        cols = propose_columns(table.columns)
        for fld, col in self.profile.columns.items():
            if col == "":  # the profile says: do not import this field, even if a column looks like it
                cols.pop(fld, None)
                continue
            if col not in table.columns:
                raise FormatError(f"Das Profil '{self.profile.name}' nennt die Spalte '{col}', die die Datei "
                                  "nicht hat.")
            cols = {k: v for k, v in cols.items() if v != col}
            cols[fld] = col
        return cols

    def _crs_name(self, project: Project) -> str:
        return self.source_crs or self.profile.crs or f"EPSG:{project.config.project.crs}"

    def _rows(self, project: Project, path: Path, table: CsvTable, cols: dict[str, str], report: ImportReport,
              cancel: CancelToken) -> list[_Row]:
        crs = resolve_file_crs(self._crs_name(project), path)
        reproject = None if horizontal(crs).equals(horizontal(project.crs)) else Reprojector(crs, project.crs)
        parcels: ParcelIndex | None = None
        cells = {f: table.cells[c].to_pylist() for f, c in cols.items()}
        first_line: dict[str, int] = {}
        old_seen: dict[str, int] = {}
        out: list[_Row] = []
        for i in range(len(table)):
            if i % 2000 == 0:
                cancel.check(path)
            line = int(table.lines[i])
            raw = {f: (v[i] or "").strip() for f, v in cells.items()}
            nr = raw.get("zaehlernummer", "")
            if not nr:
                report.problems.append(Problem("Zählernummer fehlt; nicht importiert", line))
                continue
            if nr in first_line:
                report.problems.append(Problem(
                    f"Zählernummer '{nr}' kommt doppelt vor (Zeilen {first_line[nr]} und {line}); "
                    "die zweite Zeile wurde nicht importiert", line, nr))
                continue
            first_line[nr] = line
            try:
                if parcels is None and not (raw.get("x") and raw.get("y")):
                    parcels = ParcelIndex.load(project.store)
                row = self._row(project, line, nr, raw, table.decimal, reproject, parcels, report)
                if row.change is not None:
                    old = row.change[0]
                    if old in old_seen:
                        raise RowError(f"Altzähler '{old}' wurde schon in Zeile {old_seen[old]} ausgebaut")
                    old_seen[old] = line
            except RowError as exc:
                del first_line[nr]
                report.problems.append(Problem(f"{exc.args[0]}; nicht importiert", line, nr))
                continue
            out.append(row)
        return out

    def _row(self, project: Project, line: int, nr: str, raw: dict[str, str], decimal: str, reproject,
             parcels: ParcelIndex | None, report: ImportReport) -> _Row:
        def num(f: str) -> float | None:
            try:
                return parse_number(raw[f], decimal) if raw.get(f) else None
            except NumberError as exc:
                raise RowError(f"{_TITLES.get(f, f)} beschädigt: {exc.args[0]}") from None

        def day(f: str) -> date | None:
            try:
                return parse_date(raw[f]) if raw.get(f) else None
            except ValueError as exc:
                raise RowError(f"{_TITLES.get(f, f)}: {exc.args[0]}") from None

        def year(f: str) -> int | None:
            v = raw.get(f)
            if not v:
                return None
            try:
                n = parse_number(v, decimal)
            except NumberError:
                n = None
            if n is None or n != int(n):
                d = day(f)
                return d.year if d else None
            return int(n)

        x, y = num("x"), num("y")
        stand, endstand, anfang = num("zaehlerstand"), num("endstand"), num("anfangsstand")
        for f, v in (("zaehlerstand", stand), ("endstand", endstand), ("anfangsstand", anfang)):
            if v is not None and v < 0:
                raise RowError(f"{_TITLES[f]} {v:g} ist negativ")
        einbau, ausbau, ablese = day("einbaudatum"), day("ausbaudatum"), day("ablesedatum")
        eichjahr, frist = year("eichjahr"), year("eichfrist")
        if eichjahr is not None and not 1950 <= eichjahr <= date.today().year + 1:
            raise RowError(f"Eichjahr {eichjahr} ist unplausibel")
        art = raw.get("zaehlerart") or None
        years = eichfrist_years(art, self.eichfristen)
        until = valid_until(eichjahr, years)
        if frist is not None:
            if frist < 100:  # the Eichfrist in years
                years, until = frist, valid_until(eichjahr, frist)
            elif until is None:  # the year the Eichfrist ends (as some exports write it)
                until = date(frist, 12, 31)
            elif until.year != frist:
                report.problems.append(Problem(
                    f"Eichfrist in der Datei endet {frist}, berechnet {until.year} (Eichjahr {eichjahr} + {years} "
                    "Jahre); berechneter Wert übernommen", line, nr))
        if until is None and eichjahr is not None and art and years is None:
            report.problems.append(Problem(
                f"Zählerart '{art}' hat keine bekannte Eichfrist (Profil [eichfristen] ergänzen); "
                "'Eichung gültig bis' bleibt leer", line, nr))
        if einbau and ausbau and ausbau < einbau and not raw.get("altzaehler"):
            raise RowError(f"Ausbaudatum {ausbau:%d.%m.%Y} liegt vor dem Einbaudatum {einbau:%d.%m.%Y}")
        strasse, hnr = raw.get("strasse") or None, raw.get("hausnummer") or None
        if not strasse and raw.get("adresse"):
            strasse, hnr = split_address(raw["adresse"])
        loc: Located | None = None
        if x is not None or y is not None:
            if x is None or y is None:
                raise RowError(f"{'Hochwert' if y is None else 'Rechtswert'} fehlt")
            if reproject is not None:
                x, y = (float(v) for v in reproject(np.array([[x, y]]))[0][:2])
            if not self._inside(project, x, y):
                raise RowError(f"liegt außerhalb des Projektgebiets ({x:.0f}, {y:.0f}); falsches "
                               "Koordinatensystem?")
            from shapely.geometry import Point
            point, how, kz = Point(round(x, 3), round(y, 3)), "Koordinaten", raw.get("flurstueck") or None
        elif raw.get("flurstueck"):
            found = parcels.parcel(raw["flurstueck"]) if parcels is not None else "keine Flurstücke"
            if isinstance(found, str):
                raise RowError(found)
            loc, how = found, "Flurstück"
        elif strasse:
            found = parcels.address(strasse, hnr) if parcels is not None else "keine Flurstücke"
            if isinstance(found, str):
                raise RowError(found)
            loc, how = found, "Adresse"
        else:
            raise RowError("keine Lage (weder Rechtswert/Hochwert noch Flurstück noch Adresse)")
        if loc is not None:
            point, kz = loc.point, loc.kennzeichen
            strasse, hnr = strasse or loc.strasse, hnr or loc.hausnummer
        attrs = {"zaehlernummer": nr, "zaehlerart": art, "status": INSTALLED, "einbaudatum": einbau,
                 "ausbaudatum": None, "eichjahr": eichjahr, "eichfrist_jahre": years, "eichung_gueltig_bis": until,
                 "strasse": strasse, "hausnummer": hnr, "flurstueckskennzeichen": kz, "lage_aus": how,
                 "vorgaenger": None, "nachfolger": None}
        change = None
        old = raw.get("altzaehler")
        if old:
            if old == nr:
                raise RowError("Altzähler und neuer Zähler haben dieselbe Nummer")
            wechsel = ausbau or einbau
            if wechsel is None:
                raise RowError(f"Zählerwechsel von '{old}' ohne Ausbau- oder Einbaudatum")
            attrs["vorgaenger"] = old
            if attrs["einbaudatum"] is None:
                attrs["einbaudatum"] = wechsel
            change = (old, wechsel, endstand, anfang)
        elif ausbau is not None:
            attrs["status"], attrs["ausbaudatum"] = REMOVED, ausbau
        reading = None
        if ablese is not None and stand is not None:
            reading = (ablese, stand)
        elif ablese is not None or stand is not None:
            report.problems.append(Problem("Ablesedatum oder Zählerstand fehlt; Ablesung nicht übernommen", line, nr))
        return _Row(line, nr, attrs, point, reading, raw.get("kundennummer") or None, raw.get("name") or None,
                    change)

    @staticmethod
    def _inside(project: Project, x: float, y: float) -> bool:
        if not (math.isfinite(x) and math.isfinite(y)):
            return False
        ext = project.config.project.extent
        if ext is None:
            return True
        tol = project.config.project.extent_tolerance
        return ext[0] - tol <= x <= ext[2] + tol and ext[1] - tol <= y <= ext[3] + tol

    def _features(self, project: Project, path: Path, rows: list[_Row], report: ImportReport
                  ) -> tuple[list[Feature], list[Feature], list[Feature]]:
        """Meters (incl. the old meters of changes), readings and customers to write."""
        store = project.store
        meters: dict[str, Feature] = {}
        readings: list[Feature] = []
        customers: dict[str, Feature] = {}
        for r in rows:
            meters[r.nr] = Feature({**r.attrs, "source_file": path.name}, r.point)
            if r.reading is not None:
                d, v = r.reading
                readings.append(Feature({"ablesung_id": reading_id(r.nr, d, READING), "zaehlernummer": r.nr,
                                         "ablesedatum": d, "zaehlerstand_m3": v, "anlass": READING,
                                         "kundennummer": r.kunde, "source_file": path.name}))
            if r.kunde and (r.kunde not in customers or r.name):
                customers[r.kunde] = Feature({"kundennummer": r.kunde, "name": r.name, "zaehlernummer": r.nr,
                                              "source_file": path.name})
        for r in rows:
            if r.change is None:
                continue
            old_nr, day, final, initial = r.change
            old = meters.get(old_nr)
            if old is None:
                stored = store.get(WATER_METERS.name, old_nr)
                old = Feature(dict(stored.attrs), stored.geometry) if stored is not None else Feature(
                    {**r.attrs, "zaehlernummer": old_nr, "einbaudatum": None, "eichjahr": None,
                     "eichfrist_jahre": None, "eichung_gueltig_bis": None, "vorgaenger": None,
                     "source_file": path.name}, r.point)
                meters[old_nr] = old
            elif old.attrs.get("nachfolger") not in (None, r.nr):
                report.problems.append(Problem(f"Altzähler '{old_nr}' hatte schon den Nachfolger "
                                               f"'{old.attrs['nachfolger']}'", r.line, r.nr))
            old.attrs.update(status=REMOVED, ausbaudatum=day, nachfolger=r.nr)
            if final is not None:
                readings.append(Feature({"ablesung_id": reading_id(old_nr, day, REMOVAL), "zaehlernummer": old_nr,
                                         "ablesedatum": day, "zaehlerstand_m3": final, "anlass": REMOVAL,
                                         "kundennummer": r.kunde, "source_file": path.name}))
            if initial is not None:
                readings.append(Feature({"ablesung_id": reading_id(r.nr, day, INSTALLATION), "zaehlernummer": r.nr,
                                         "ablesedatum": day, "zaehlerstand_m3": initial, "anlass": INSTALLATION,
                                         "kundennummer": r.kunde, "source_file": path.name}))
        return list(meters.values()), readings, list(customers.values())


__all__ = ["MeterImporter", "MeterPreview"]
