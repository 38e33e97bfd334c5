"""Tree cadastre importer: CSV / GeoJSON / Shapefile / GeoPackage -> the ``trees`` layer.

Phase 1 reads the whole file, maps its columns onto ``TREES`` (saved profile, given profile or a
proposal from German/English synonyms), detects the CRS, validates every row and reprojects
(nothing written). Rows with damaged or implausible coordinates, without a Baumnummer or with a
Baumnummer already used in an earlier line are rejected with the line and a German reason.
Phase 2 writes the trees and the provenance row in one transaction; re-import updates by
Baumnummer. A proposed mapping is saved as ``profiles/trees_<stem>.toml`` after a successful import.

Key rule: if the proposed Baumnummer column is not unique in the file, the first other key
candidate that is unique is used (Konstanz: ``baumNr`` counts per site, ``baumId`` is unique);
failing that, if Standort + Baumnummer is unique, the key is ``<Standort>/<Baumnummer>`` (Flensburg:
numbers per street), stored in the profile as ``columns.baumnummer_praefix``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from importers.base import (
    CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, Ticker, resolve_file_crs,
)
from importers.profiles import (MappingProfile, find_profile, load_profile, profiles_dir, save_profile, to_metres,
                                unit_from_name)
from importers.trees import columns as colconv
from importers.trees.coords import damage_reasons, infer_crs, swapped_for
from importers.trees.csvread import DELIMITER_NAMES, sniff_header
from importers.trees.fll import complete_inspection
from importers.trees.propose import PREFIX_KEY, TARGET, looks_like_trees, propose_profile, safe_stem
from importers.trees.source import GIS_SUFFIXES, SourceTable, gis_layer, read_table
from importers.trees.synonyms import DEFAULT_UNITS
from twin.crs import Reprojector, horizontal, resolve_crs
from twin.errors import ConfigError, CRSError, FormatError
from twin.model.trees import TREES
from twin.project import Project
from twin.store import FeatureTable

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_TITLES = {f.name: f.title for f in TREES.fields}
#: plausible ranges of measured values (in the stored unit)
_RANGES = {"baumhoehe_m": (0.0, 80.0), "kronendurchmesser_m": (0.0, 60.0), "kronenansatz_m": (0.0, 40.0),
           "stammumfang_cm": (0.0, 2500.0)}


@dataclass
class Mapped:
    """Rows mapped onto the tree fields: columns of values, and per row the field problems."""

    columns: dict[str, Any]
    field_problems: dict[int, list[str]]

    @property
    def keys(self) -> list[str | None]:
        return self.columns["baumnummer"]


@dataclass
class Preview(ImportPreview):
    """What the import wizard shows before anything is written (``ImportPreview`` plus CSV details).

    ``mapping`` holds target field -> column including ``x``/``y``; ``rows`` are the first rows as read
    (column -> raw text), ``mapped_rows`` the same rows mapped onto the tree fields (with ``zeile``).
    """

    delimiter: str | None = None
    decimal: str = "."
    units: dict[str, str] = field(default_factory=dict)
    x_column: str | None = None
    y_column: str | None = None
    swapped: bool = False
    profile_source: str = ""
    notes: list[str] = field(default_factory=list)
    mapped_rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def crs_explanation(self) -> str:
        return self.crs_note


@dataclass
class _Prepared:
    table: SourceTable
    profile: MappingProfile
    profile_source: str
    from_saved: bool
    notes: list[str]


class TreeImporter(Importer):
    """Tree cadastre (Baumkataster) from CSV, GeoJSON, Shapefile or GeoPackage."""

    name = "trees"
    title = "Baumkataster (CSV, GeoJSON, Shapefile, GeoPackage)"
    suffixes = CSV_SUFFIXES + GIS_SUFFIXES

    def __init__(self, source_crs: str | None = None, profile: str | Path | None = None,
                 default_interval_months: int | None = None) -> None:
        #: CRS of the file (CLI ``--crs``); overrides the profile and the inference
        self.source_crs = source_crs
        #: a profile file to use (CLI ``--profile``); else a fitting saved profile, else a proposal
        self.profile: Path | None = Path(profile) if profile else None
        #: FLL: next inspection = last + this many months where the file gives no interval (never implicit)
        self.default_interval_months = default_interval_months

    # ----------------------------------------------------------------- detection
    def sniff(self, path: Path, head: bytes) -> bool:
        suffix = path.suffix.lower()
        if suffix in CSV_SUFFIXES:
            cols = sniff_header(head)
            return cols is not None and looks_like_trees(cols, need_xy=True)
        if suffix in GIS_SUFFIXES:
            if suffix in (".json", ".geojson") and b"Feature" not in head:
                return False
            try:
                return gis_layer(path) is not None
            except Exception:  # noqa: BLE001 - sniffing must never fail
                return False
        return False

    # ----------------------------------------------------------------- wizard
    def preview(self, path: str | Path, project: Project, n: int = 20) -> Preview:
        """Detected dialect, proposed mapping, CRS with a German explanation and the first n rows mapped."""
        path = Path(path)
        prep = self._prepare(project, path)
        prof, table = prep.profile, prep.table
        problems = list(table.problems)
        xs, ys = self._raw_xy(table, prof, problems)
        crs_name, swapped, expl = None, False, ""
        try:
            crs, epsg, swapped, expl = self._crs(project, table, prof, xs, ys, path)
            crs_name = f"EPSG:{epsg}" if epsg else crs.to_string()
        except CRSError as exc:
            expl = exc.message
        head = table.head(n)
        m = self._map(head, prof)
        rows, mapped = [], []
        for i in range(len(head)):
            line = int(head.lines[i])
            problems += [Problem(p, line) for p in m.field_problems.get(i, [])]
            rows.append(head.row(i))
            x, y = xs[i], ys[i]
            mapped.append({"zeile": line, **{k: _plain(v[i]) for k, v in m.columns.items()},
                           "x": None if np.isnan(x) else float(x), "y": None if np.isnan(y) else float(y)})
        mapping = dict(prof.columns)
        if prof.x and prof.y:
            mapping.update(x=prof.x, y=prof.y)
        fields = [(f.name, f.title) for f in TREES.fields if f.name != "source_file"]
        fields.insert(1, (PREFIX_KEY, "Baumnummer-Präfix (z. B. Straße, wenn Nummern je Straße zählen)"))
        if table.kind == "csv":
            fields += [("x", "Rechtswert / x / Länge"), ("y", "Hochwert / y / Breite")]
        title = self.title if table.kind == "csv" else f"Baumkataster ({path.suffix.lstrip('.').upper()})"
        return Preview(importer=self.name, title=title, crs=crs_name, crs_note=expl, encoding=table.encoding,
                       target=TARGET, columns=table.columns, fields=fields, mapping=mapping, rows=rows,
                       delimiter=table.delimiter, decimal=table.decimal, units=dict(prof.units), x_column=prof.x,
                       y_column=prof.y, swapped=swapped, profile_source=prep.profile_source, notes=prep.notes,
                       mapped_rows=mapped, problems=problems)

    # ----------------------------------------------------------------- import
    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        prep = self._prepare(project, path)
        table, prof = prep.table, prep.profile
        report.problems += table.problems
        cancel.check(path)
        xs, ys = self._raw_xy(table, prof, report.problems)
        crs, epsg, swapped, expl = self._crs(project, table, prof, xs, ys, path)
        report.source_crs = f"EPSG:{epsg}" if epsg else crs.to_string()
        progress(0.2, "Prüfe Bäume …")
        feats, data_bounds = self._features(project, path, table, prof, xs, ys, crs, epsg, swapped, report, cancel)
        if not feats:
            self.nothing_to_import(project, path, report, "Bäume", data_bounds)
        cancel.check(path)
        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        with store.transaction():
            pid = self.begin_write(project, path, report, actor, TREES)
            res = store.upsert(TARGET, feats, actor=actor, provenance_id=pid,
                               on_progress=Ticker(progress, cancel, path, len(feats)).tick)
            rejected = len({p.line for p in report.problems if p.line and "nicht importiert" in p.message})
            report.counts = {
                "Bäume": len(feats), "neu": res.inserted, "geändert": res.updated, "unverändert": res.unchanged,
                "übersprungen": rejected, "Koordinatensystem": report.source_crs,
                "Zuordnung": prep.profile_source,
            }
            unused = [c for c in prep.table.columns if c not in prof.source_columns()]
            if unused:  # said plainly, so that a column the proposal missed does not vanish unnoticed
                report.counts["nicht zugeordnete Spalten"] = ", ".join(unused)
            self.end_write(project, pid, report)
        if not prep.from_saved and not report.dry_run:
            save_profile(prof, profiles_dir(project.root) / f"trees_{safe_stem(path.stem)}.toml")
        progress(1.0, report.summary())

    # ----------------------------------------------------------------- phase 1 helpers
    def _prepare(self, project: Project, path: Path) -> _Prepared:
        table = read_table(path)
        notes: list[str] = []
        if self.profile is not None:
            prof = load_profile(self.profile)
            if prof.target != TARGET:
                raise ConfigError(f"Das Profil ist für '{prof.target}', nicht für Bäume.", path=self.profile)
            missing = sorted(prof.source_columns() - set(table.columns) if table.kind == "csv" else
                             set(prof.columns.values()) - set(table.columns))
            if missing:
                raise ConfigError("Das Profil passt nicht zur Datei; es fehlen die Spalten: " + ", ".join(missing),
                                  path=self.profile)
            source, saved = f"Profil {self.profile.name}", True
        else:
            found = find_profile(project.root, TARGET, table.columns)
            if found is not None and (table.kind == "gis" or (found.x and found.y)):
                prof, source, saved = found, f"gespeichertes Profil {found.name}", True
            else:
                prof, notes = propose_profile(table, path.stem)
                source, saved = "Vorschlag aus Spaltennamen", False
        if self.source_crs:
            prof = prof.model_copy(update={"crs": self.source_crs})
        if table.kind == "csv" and ((prof.encoding and prof.encoding != table.encoding) or
                                    (prof.delimiter and prof.delimiter != table.delimiter) or
                                    (prof.decimal and prof.decimal != table.decimal)):
            table = read_table(path, encoding=prof.encoding, delimiter=prof.delimiter, decimal=prof.decimal)
        if "baumnummer" not in prof.columns:
            raise FormatError("Keine Spalte für die Baumnummer gefunden (Spalten: " + ", ".join(table.columns) +
                              "); bitte ein Zuordnungsprofil angeben.", path=path)
        if table.kind == "csv" and not (prof.x and prof.y):
            raise FormatError("Keine Koordinatenspalten gefunden (erwartet z. B. X/Y, Rechtswert/Hochwert, "
                              "lon/lat; Spalten: " + ", ".join(table.columns) + ").", path=path)
        return _Prepared(table, prof, source, saved, notes)

    def _raw_xy(self, table: SourceTable, prof: MappingProfile, problems: list[Problem]
                ) -> tuple[np.ndarray, np.ndarray]:
        """Coordinates per row in file order (NaN where missing or damaged; those rows get a Problem)."""
        if table.kind == "gis":
            xy = table.xy if table.xy is not None else np.full((len(table), 2), np.nan)
            for i in np.flatnonzero(np.isnan(xy[:, 0])):
                problems.append(Problem("keine Punktgeometrie; nicht importiert", int(table.lines[i])))
            return xy[:, 0].copy(), xy[:, 1].copy()
        xs, xerr = colconv.numbers(table.cells[prof.x], table.decimal)
        ys, yerr = colconv.numbers(table.cells[prof.y], table.decimal)
        bad = np.isnan(xs) | np.isnan(ys)
        for i in np.flatnonzero(bad):
            for col, vals, err in ((prof.x, xs, xerr), (prof.y, ys, yerr)):
                if i in err:
                    msg = f"Koordinate '{col}' beschädigt: {err[i]}; nicht importiert"
                elif np.isnan(vals[i]):
                    msg = f"Koordinate '{col}' fehlt; nicht importiert"
                else:
                    continue
                problems.append(Problem(msg, int(table.lines[i])))
                break
        xs[bad], ys[bad] = np.nan, np.nan
        return xs, ys

    def _crs(self, project: Project, table: SourceTable, prof: MappingProfile, xs, ys, path: Path):
        """(CRS, EPSG or None, swapped, German explanation)."""
        name = prof.crs or table.file_crs
        if name:
            crs = resolve_file_crs(name, path)
            swapped = table.kind == "csv" and swapped_for(crs, xs, ys)
            epsg = horizontal(crs).to_epsg()
            expl = f"Angegeben: {name}" + ("; x- und y-Spalte sind vertauscht" if swapped else "") + "."
            return crs, epsg, swapped, expl
        guess = infer_crs(xs, ys, project.crs, project.config.project.extent, path=path)
        return resolve_crs(guess.epsg), guess.epsg, guess.swapped, guess.explanation

    def _features(self, project, path, table, prof, xs, ys, crs, epsg, swapped, report, cancel
                  ) -> tuple[FeatureTable, tuple[float, float, float, float] | None]:
        """The importable rows as a FeatureTable (reprojected points); every other row gets a Problem."""
        if swapped:
            xs, ys = ys, xs
        n = len(xs)
        ok = np.isfinite(xs) & np.isfinite(ys)
        reasons: dict[int, str] = {}
        idx = np.flatnonzero(ok)
        for i, r in zip(idx, damage_reasons(xs[idx], ys[idx], epsg, crs)):
            if r is not None:
                reasons[int(i)] = r
        good = ok.copy()
        good[list(reasons)] = False
        px, py = np.full(n, np.nan), np.full(n, np.nan)
        if good.any():
            out = Reprojector(crs, project.crs)(np.column_stack([xs[good], ys[good]]))
            px[good], py[good] = out[:, 0], out[:, 1]
        data_bounds = (float(np.nanmin(px)), float(np.nanmin(py)), float(np.nanmax(px)), float(np.nanmax(py))) \
            if good.any() else None
        cancel.check(path)
        m = self._map(table, prof)
        inside = self._inside(project, px, py)
        keys = m.keys
        first_line: dict[str, int] = {}
        lines = table.lines.tolist()
        dup: dict[int, int] = {}  # row -> line of the first row with its key
        for i, key in enumerate(keys):
            if key:
                first = first_line.setdefault(key, lines[i])
                if first != lines[i]:
                    dup[i] = first
        has_key = np.fromiter((bool(k) for k in keys), dtype=bool, count=n)
        unique = np.ones(n, dtype=bool)
        unique[list(dup)] = False
        plausible = np.ones(n, dtype=bool)
        plausible[list(reasons)] = False
        keep = has_key & unique & ok & plausible & inside
        check = np.flatnonzero(~keep) if len(m.field_problems) == 0 else \
            np.union1d(np.flatnonzero(~keep), np.fromiter(m.field_problems, dtype=np.intp))
        for i in check.tolist():
            line, key = lines[i], keys[i]
            if not key:
                report.problems.append(Problem("Baumnummer fehlt; nicht importiert", line))
            elif i in dup:
                report.problems.append(Problem(
                    f"Baumnummer '{key}' kommt doppelt vor (Zeilen {dup[i]} und {line}); "
                    "die zweite Zeile wurde nicht importiert", line, key))
            elif not ok[i]:
                continue  # problem already reported by _raw_xy
            elif i in reasons:
                report.problems.append(Problem(f"Koordinate unplausibel: {reasons[i]}; nicht importiert", line, key))
            elif not inside[i]:
                report.problems.append(Problem(
                    f"liegt außerhalb des Projektgebiets ({px[i]:.0f}, {py[i]:.0f}); nicht importiert", line, key))
            else:
                report.problems += [Problem(msg, line, key) for msg in m.field_problems[i]]
        sel = np.flatnonzero(keep)
        cols = dict(m.columns)
        cols["source_file"] = [path.name] * n
        points = shapely.points(np.round(px[sel], 3), np.round(py[sel], 3))
        chosen = FeatureTable(cols).select(sel)
        return FeatureTable(chosen.columns, points), data_bounds

    @staticmethod
    def _inside(project: Project, px: np.ndarray, py: np.ndarray) -> np.ndarray:
        ext = project.config.project.extent
        if ext is None:
            return np.ones(len(px), dtype=bool)
        tol = project.config.project.extent_tolerance
        return ((px >= ext[0] - tol) & (px <= ext[2] + tol) & (py >= ext[1] - tol) & (py <= ext[3] + tol))

    def _map(self, table: SourceTable, prof: MappingProfile) -> Mapped:
        """All rows mapped onto TREES: typed columns, units normalised, FLL dates completed."""
        n, cols = len(table), prof.columns
        out: dict[str, Any] = {f.name: [None] * n for f in TREES.fields if f.name != "source_file"}
        problems: dict[int, list[str]] = {}

        def note(errors: dict[int, str], fld: str) -> None:
            for i, msg in errors.items():
                problems.setdefault(i, []).append(f"Feld '{_TITLES.get(fld, fld)}': {msg}; Feld bleibt leer")

        for fld, col in cols.items():
            if fld not in out or col not in table.cells:
                continue
            arr = table.cells[col]
            ftype = TREES.field(fld).type
            if ftype == "real":
                vals, errors = colconv.numbers(arr, table.decimal)
                unit = prof.units.get(fld) or unit_from_name(col) or DEFAULT_UNITS.get(fld, "m")
                vals = np.round(to_metres(1.0, unit) * (100.0 if fld == "stammumfang_cm" else 1.0) * vals, 3)
                lo, hi = _RANGES.get(fld, (-np.inf, np.inf))
                with np.errstate(invalid="ignore"):
                    wrong = np.isfinite(vals) & ~((vals >= lo) & (vals <= hi))
                for i in np.flatnonzero(wrong):
                    errors[int(i)] = f"{vals[i]:g} liegt außerhalb von {lo:g}–{hi:g} (falsche Einheit?)"
                vals[wrong] = np.nan
                out[fld] = vals
            elif ftype == "integer":
                out[fld], errors = (colconv.years(arr, table.decimal) if fld == "pflanzjahr"
                                    else colconv.integers(arr, table.decimal))
            elif ftype == "date":
                out[fld], errors = colconv.dates(arr)
            else:
                out[fld], errors = colconv.texts(arr), {}
            note(errors, fld)
        self._fill_defaults(out, prof)
        if PREFIX_KEY in cols and cols[PREFIX_KEY] in table.cells:
            pre = colconv.texts(table.cells[cols[PREFIX_KEY]])
            out["baumnummer"] = [f"{p}/{k}" if k and p else k for p, k in zip(pre, out["baumnummer"])]
        self._split_species(out, cols)
        self._complete_dates(out, self.default_interval_months or prof.defaults.get("kontrollintervall_monate"))
        return Mapped(out, problems)

    def _fill_defaults(self, out: dict[str, Any], prof: MappingProfile) -> None:
        """Profile defaults fill empty cells of their field (the interval only as the FLL default, see fll)."""
        for fld, value in prof.defaults.items():
            col = out.get(fld)
            if col is None or fld == "kontrollintervall_monate":
                continue
            if isinstance(col, np.ndarray):
                col[np.isnan(col)] = float(value)
            else:
                out[fld] = [value if v is None else v for v in col]

    @staticmethod
    def _split_species(out: dict[str, Any], cols: dict[str, str]) -> None:
        """``Art`` like "Acer platanoides, Spitz-Ahorn" gives the German name; the genus is its first word."""
        split = "art_deutsch" not in cols
        genus = "gattung" not in cols
        if not (split or genus):
            return
        cache: dict[str, tuple[str, str | None, str | None]] = {}
        art, deutsch, gattung = out["art"], out["art_deutsch"], out["gattung"]
        for i, a in enumerate(art):
            if not a:
                continue
            hit = cache.get(a)
            if hit is None:
                name, de = a, None
                if split and ", " in a:
                    name, de = (s.strip() for s in a.split(", ", 1))
                first = name.split()[0] if name.split() else ""
                hit = (name, de, first if genus and first[:1].isupper() and first.isalpha() else None)
                cache[a] = hit
            art[i] = hit[0]
            if hit[1] is not None:
                deutsch[i] = hit[1]
            if hit[2] is not None:
                gattung[i] = hit[2]

    @staticmethod
    def _complete_dates(out: dict[str, Any], default_interval: int | None) -> None:
        """FLL: next inspection from the last one and the interval (or the interval from both dates)."""
        last, nxt, iv = out["letzte_kontrolle"], out["naechste_kontrolle"], out["kontrollintervall_monate"]
        cache: dict[tuple, tuple] = {}
        for i, key in enumerate(zip(last, nxt, iv)):
            if key[0] is None and key[1] is None:
                continue
            hit = cache.get(key)
            if hit is None:
                n2, iv2, _note = complete_inspection(*key, default_interval)
                hit = cache[key] = (key[0] and key[0].isoformat(), n2 and n2.isoformat(), iv2)
            last[i], nxt[i], iv[i] = hit


def _plain(v: Any) -> Any:
    if isinstance(v, np.generic):
        v = v.item()
    return None if isinstance(v, float) and v != v else v




__all__ = ["Preview", "TreeImporter", "looks_like_trees", "propose_profile", "read_table", "unit_from_name",
           "DELIMITER_NAMES"]
