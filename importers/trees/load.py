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

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from shapely.geometry import Point

from importers.base import (
    CancelToken, ImportPreview, ImportReport, Importer, Problem, ProgressFn, Ticker, resolve_file_crs,
)
from importers.profiles import (MappingProfile, find_profile, load_profile, normalise, profiles_dir, propose,
                                save_profile, to_metres)
from importers.trees.coords import damage_reasons, infer_crs, swapped_for
from importers.trees.csvread import DELIMITER_NAMES, NumberError, parse_number, read_csv, sniff_header
from importers.trees.fll import complete_inspection, parse_date
from importers.trees.synonyms import COORD_SYNONYMS, DEFAULT_UNITS, TREE_KEY_NAMES, TREE_SPECIFIC, TREE_SYNONYMS
from twin.crs import Reprojector, horizontal, resolve_crs
from twin.errors import ConfigError, CRSError, FormatError
from twin.model.trees import TREES
from twin.project import Project
from twin.store import Feature

TARGET = "trees"
PREFIX_KEY = "baumnummer_praefix"
GIS_SUFFIXES = (".geojson", ".json", ".shp", ".gpkg")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
_TITLES = {f.name: f.title for f in TREES.fields}
#: plausible ranges of measured values (in the stored unit)
_RANGES = {"baumhoehe_m": (0.0, 80.0), "kronendurchmesser_m": (0.0, 60.0), "stammumfang_cm": (0.0, 2500.0)}


@dataclass
class SourceTable:
    """A file read into rows of raw values, before mapping."""

    kind: str  # "csv" or "gis"
    columns: list[str]
    rows: list[tuple[int, list[Any]]]  # (line or feature number, values in column order)
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str = "."
    file_crs: str | None = None
    xy: list[tuple[float, float] | None] | None = None  # gis: point per row
    problems: list[Problem] = field(default_factory=list)
    layer: str | None = None


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
                return _gis_layer(path) is not None
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
        rows, mapped = [], []
        for (line, values), x, y in list(zip(table.rows, xs, ys))[:n]:
            row = dict(zip(table.columns, values))
            attrs, probs, _ = self._attrs(row, prof, table.decimal)
            problems += [Problem(p, line) for p in probs]
            rows.append(row)
            mapped.append({"zeile": line, **attrs, "x": None if np.isnan(x) else float(x),
                           "y": None if np.isnan(y) else float(y)})
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
            if data_bounds is not None:
                project.check_extent(data_bounds, path=path)
            first = "; ".join(str(p) for p in report.problems[:3])
            raise FormatError("Die Datei enthält keine importierbaren Bäume" + (f" ({first})" if first else "") + ".",
                              path=path)
        cancel.check(path)
        store = project.store
        progress(0.6, "Schreibe in den Datenbestand …")
        with store.transaction():
            store.create_layer(TREES)
            pid = store.record_provenance(source_file=str(path), sha256=report.sha256, importer=self.name,
                                          counts={}, actor=actor, source_crs=report.source_crs)
            res = store.upsert(TARGET, Ticker(progress, cancel, path, len(feats))(feats), actor=actor,
                               provenance_id=pid)
            rejected = len({p.line for p in report.problems if p.line and "nicht importiert" in p.message})
            report.counts = {
                "Bäume": len(feats), "neu": res.inserted, "geändert": res.updated, "unverändert": res.unchanged,
                "übersprungen": rejected, "Koordinatensystem": report.source_crs,
                "Zuordnung": prep.profile_source,
            }
            unused = [c for c in prep.table.columns if c not in prof.source_columns()]
            if unused:  # said plainly, so that a column the proposal missed does not vanish unnoticed
                report.counts["nicht zugeordnete Spalten"] = ", ".join(unused)
            store.update_provenance_counts(pid, report.counts)
            report.provenance_id = pid
        if not prep.from_saved and not report.dry_run:
            save_profile(prof, profiles_dir(project.root) / f"trees_{_safe(path.stem)}.toml")
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
        n = len(table.rows)
        xs, ys = np.full(n, np.nan), np.full(n, np.nan)
        if table.kind == "gis":
            for i, (pt, (line, _)) in enumerate(zip(table.xy, table.rows)):
                if pt is None:
                    problems.append(Problem("keine Punktgeometrie; nicht importiert", line))
                else:
                    xs[i], ys[i] = pt
            return xs, ys
        ix, iy = table.columns.index(prof.x), table.columns.index(prof.y)
        for i, (line, values) in enumerate(table.rows):
            vals = []
            for col, idx in ((prof.x, ix), (prof.y, iy)):
                try:
                    v = _number(values[idx], table.decimal)
                except NumberError as exc:
                    problems.append(Problem(f"Koordinate '{col}' beschädigt: {exc.args[0]}; nicht importiert", line))
                    break
                if v is None:
                    problems.append(Problem(f"Koordinate '{col}' fehlt; nicht importiert", line))
                    break
                vals.append(v)
            else:
                xs[i], ys[i] = vals
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

    def _features(self, project, path, table, prof, xs, ys, crs, epsg, swapped, report, cancel):
        if swapped:
            xs, ys = ys, xs
        ok = np.isfinite(xs) & np.isfinite(ys)
        reasons: list[str | None] = [None] * len(xs)
        idx = np.flatnonzero(ok)
        for i, r in zip(idx, damage_reasons(xs[idx], ys[idx], epsg, crs)):
            reasons[i] = r
        good = np.array([ok[i] and reasons[i] is None for i in range(len(xs))], dtype=bool)
        px, py = np.full(len(xs), np.nan), np.full(len(xs), np.nan)
        if good.any():
            out = Reprojector(crs, project.crs)(np.column_stack([xs[good], ys[good]]))
            px[good], py[good] = out[:, 0], out[:, 1]
        data_bounds = (float(np.nanmin(px)), float(np.nanmin(py)), float(np.nanmax(px)), float(np.nanmax(py))) \
            if good.any() else None
        first_line: dict[str, int] = {}
        feats: list[Feature] = []
        for i, (line, values) in enumerate(table.rows):
            if i % 2000 == 0:
                cancel.check(path)
            attrs, probs, key_err = self._attrs(dict(zip(table.columns, values)), prof, table.decimal)
            key = attrs.get("baumnummer")
            if key_err:
                report.problems.append(Problem(key_err + "; nicht importiert", line))
                continue
            if key in first_line:
                report.problems.append(Problem(
                    f"Baumnummer '{key}' kommt doppelt vor (Zeilen {first_line[key]} und {line}); "
                    "die zweite Zeile wurde nicht importiert", line, key))
                continue
            first_line[key] = line
            if not ok[i]:
                continue  # problem already reported by _raw_xy
            if reasons[i] is not None:
                report.problems.append(Problem(f"Koordinate unplausibel: {reasons[i]}; nicht importiert", line, key))
                continue
            if not project.overlaps_extent((px[i], py[i], px[i], py[i])):
                report.problems.append(Problem(
                    f"liegt außerhalb des Projektgebiets ({px[i]:.0f}, {py[i]:.0f}); nicht importiert", line, key))
                continue
            report.problems += [Problem(p, line, key) for p in probs]
            attrs["source_file"] = path.name
            feats.append(Feature(attrs, Point(round(float(px[i]), 3), round(float(py[i]), 3))))
        return feats, data_bounds

    def _attrs(self, row: dict[str, Any], prof: MappingProfile, decimal: str
               ) -> tuple[dict[str, Any], list[str], str | None]:
        """(TREES attributes, German problems with single fields, key error) of one row."""
        cols, probs = prof.columns, []
        attrs: dict[str, Any] = {f.name: None for f in TREES.fields if f.name != "source_file"}
        for fld, col in cols.items():
            if fld not in attrs or col not in row:
                continue
            raw = row[col]
            ftype = TREES.field(fld).type
            try:
                if ftype == "real":
                    v = _number(raw, decimal)
                    if v is not None:
                        # a profile without units (e.g. saved by the wizard) still honours "Umfang [m]"
                        unit = prof.units.get(fld) or unit_from_name(col) or DEFAULT_UNITS.get(fld, "m")
                        v = to_metres(v, unit) * (100.0 if fld == "stammumfang_cm" else 1.0)
                        v = round(v, 3)
                        lo, hi = _RANGES.get(fld, (-np.inf, np.inf))
                        if not lo <= v <= hi:
                            raise NumberError(f"{v:g} liegt außerhalb von {lo:g}–{hi:g} (falsche Einheit?)")
                    attrs[fld] = v
                elif ftype == "integer":
                    attrs[fld] = _year(raw, decimal) if fld == "pflanzjahr" else _int(raw, decimal)
                elif ftype == "date":
                    d = parse_date(_text(raw))
                    attrs[fld] = d
                else:
                    attrs[fld] = _text(raw)
            except ValueError as exc:
                probs.append(f"Feld '{_TITLES.get(fld, fld)}': {exc.args[0]}; Feld bleibt leer")
        key = attrs.get("baumnummer")
        if key and PREFIX_KEY in cols:
            pre = _text(row.get(cols[PREFIX_KEY]))
            key = f"{pre}/{key}" if pre else key
            attrs["baumnummer"] = key
        if attrs.get("art") and "art_deutsch" not in cols and ", " in attrs["art"]:
            attrs["art"], attrs["art_deutsch"] = (s.strip() for s in attrs["art"].split(", ", 1))
        if attrs.get("art") and "gattung" not in cols:
            first = attrs["art"].split()[0]
            if first[:1].isupper() and first.isalpha():
                attrs["gattung"] = first
        nxt, interval, _note = complete_inspection(attrs["letzte_kontrolle"], attrs["naechste_kontrolle"],
                                                   attrs["kontrollintervall_monate"], self.default_interval_months)
        attrs["naechste_kontrolle"], attrs["kontrollintervall_monate"] = nxt, interval
        for d in ("letzte_kontrolle", "naechste_kontrolle"):
            if isinstance(attrs[d], date):
                attrs[d] = attrs[d].isoformat()
        return attrs, probs, None if key else "Baumnummer fehlt"


# --------------------------------------------------------------------- reading
def read_table(path: Path, **csv_kw: Any) -> SourceTable:
    """CSV by suffix (or any text), GIS formats through pyogrio."""
    if path.suffix.lower() in GIS_SUFFIXES:
        return _read_gis(path)
    t = read_csv(path, **csv_kw)
    return SourceTable("csv", t.columns, t.rows, t.encoding, t.delimiter, t.decimal,
                       problems=[Problem(m, line) for line, m in t.problems])


def _gis_layer(path: Path) -> str | None:
    """The point layer of a GIS file whose fields look like a tree cadastre."""
    import pyogrio

    for name, gtype in pyogrio.list_layers(path):
        if gtype is not None and "point" in str(gtype).lower():
            info = pyogrio.read_info(path, layer=name)
            if looks_like_trees(list(info["fields"]), need_xy=False):
                return str(name)
    return None


def _read_gis(path: Path) -> SourceTable:
    import pyogrio
    import shapely

    try:
        layer = _gis_layer(path)
        if layer is None:
            raise FormatError("Die Datei enthält keinen Punkt-Layer mit Baumattributen.", path=path)
        meta, _fids, geoms, data = pyogrio.raw.read(path, layer=layer)
    except FormatError:
        raise
    except Exception as exc:  # noqa: BLE001 - GDAL errors come in many types
        raise FormatError(f"Die Datei kann nicht gelesen werden: {exc}", path=path) from None
    cols = [str(c) for c in meta["fields"]]
    n = len(geoms) if geoms is not None else 0
    shp = shapely.from_wkb(geoms) if n else []
    xy: list[tuple[float, float] | None] = []
    for g in shp:
        if g is None or g.is_empty:
            xy.append(None)
        else:
            p = g if g.geom_type == "Point" else g.representative_point()
            xy.append((p.x, p.y))
    rows = [(i + 1, [_py(arr[i]) for arr in data]) for i in range(n)]
    return SourceTable("gis", cols, rows, decimal=".", file_crs=meta.get("crs"), xy=xy, layer=layer)


def _py(v: Any) -> Any:
    if isinstance(v, np.datetime64):
        return None if np.isnat(v) else str(v)[:10]
    if isinstance(v, np.floating):
        return None if np.isnan(v) else float(v)
    if isinstance(v, np.integer):
        return int(v)
    return v


# --------------------------------------------------------------------- mapping
def looks_like_trees(columns: list[str], *, need_xy: bool) -> bool:
    """≥ 2 tree fields, one of them tree-specific (or a Baumnummer by name), and x/y columns if needed."""
    m = propose(columns, TREE_SYNONYMS)
    specific = any(f in TREE_SPECIFIC for f in m) or (
        "baumnummer" in m and normalise(m["baumnummer"]) in TREE_KEY_NAMES)
    if len(m) < 2 or not specific:
        return False
    if need_xy:
        xy = propose(columns, COORD_SYNONYMS)
        return "x" in xy and "y" in xy
    return True


def propose_profile(table: SourceTable, stem: str) -> tuple[MappingProfile, list[str]]:
    """A mapping from synonyms, with a unique key column (see module doc) and units from column names."""
    notes: list[str] = []
    xy = propose(table.columns, COORD_SYNONYMS) if table.kind == "csv" else {}
    rest = [c for c in table.columns if c not in xy.values()]
    cols = propose(rest, TREE_SYNONYMS)
    if "baumnummer" in cols and table.rows:
        cols = _unique_key(table, cols, rest, notes)
    units = {}
    for fld, col in cols.items():
        unit = unit_from_name(col)
        if fld in DEFAULT_UNITS and unit and unit != DEFAULT_UNITS[fld]:
            units[fld] = unit
            notes.append(f"Spalte '{col}' ist in {unit} (aus dem Spaltennamen)")
    prof = MappingProfile(name=f"trees_{_safe(stem)}", target=TARGET, columns=cols, units=units,
                          x=xy.get("x"), y=xy.get("y"), encoding=table.encoding, delimiter=table.delimiter,
                          decimal=table.decimal if table.kind == "csv" else None)
    return prof, notes


def _unique_key(table: SourceTable, cols: dict[str, str], rest: list[str], notes: list[str]) -> dict[str, str]:
    def values(col: str) -> list[str]:
        i = table.columns.index(col)
        return [str(v).strip() for _, v in ((ln, r[i]) for ln, r in table.rows)]

    def unique(vals: list[str]) -> bool:
        filled = [v for v in vals if v]
        return len(set(filled)) == len(filled)

    first = cols["baumnummer"]
    if unique(values(first)):
        return cols
    norm_syn = [normalise(s) for s in ("baumnummer", *TREE_SYNONYMS["baumnummer"])]
    used = set(cols.values())
    cands = sorted((c for c in rest if normalise(c) in norm_syn and c != first and c not in used),
                   key=lambda c: norm_syn.index(normalise(c)))
    for c in cands:
        if unique(values(c)):
            notes.append(f"Spalte '{first}' ist nicht eindeutig; Baumnummer aus '{c}'")
            return {**cols, "baumnummer": c}
    if "standort" in cols:
        combo = [f"{a}/{b}" if b else "" for a, b in zip(values(cols["standort"]), values(first))]
        if unique(combo):
            notes.append(f"Spalte '{first}' ist nur je '{cols['standort']}' eindeutig; Baumnummer = "
                         f"'{cols['standort']}/{first}'")
            return {**cols, PREFIX_KEY: cols["standort"]}
    notes.append(f"Spalte '{first}' ist nicht eindeutig; doppelte Baumnummern werden abgewiesen")
    return cols


_UNIT_SUFFIX = re.compile(r"(?:[\s_\-(\[]|(?<=[a-zäöü]))(mm|cm|dm|m|MM|CM|DM|M)[)\]]?$")


def unit_from_name(column: str) -> str | None:
    """Unit written in a column name: ``stammumfangCM``, ``Höhe [m]``, ``Umfang_cm``, ``hoeheM``."""
    s = column.strip()
    m = _UNIT_SUFFIX.search(s)
    if m:
        return m.group(1).lower()
    m = re.search(r"\bin\s+(mm|cm|dm|m)$", s, re.IGNORECASE)
    return m.group(1).lower() if m else None


# --------------------------------------------------------------------- values
def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s or None


def _number(v: Any, decimal: str) -> float | None:
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return None if isinstance(v, float) and np.isnan(v) else float(v)
    return parse_number(str(v), decimal)


def _int(v: Any, decimal: str) -> int | None:
    f = _number(v, decimal)
    if f is None:
        return None
    if not float(f).is_integer():
        raise NumberError(f"'{v}' ist keine ganze Zahl")
    return int(f)


def _year(v: Any, decimal: str) -> int | None:
    s = _text(v)
    if s is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:[.,]0+)?", s)
    y = int(m[1]) if m else parse_date(s).year
    if not 1500 <= y <= date.today().year + 1:
        raise NumberError(f"Pflanzjahr {y} ist unplausibel")
    return y


def _safe(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", stem).strip("_") or "datei"



__all__ = ["Preview", "TreeImporter", "looks_like_trees", "propose_profile", "read_table", "unit_from_name",
           "DELIMITER_NAMES"]
