"""What every importer shares: report, progress and cancel, format detection, the two phases.

An import reads and validates the whole file first (nothing is written), then writes
everything in one store transaction together with its provenance row. A file that
fails leaves the store untouched; per-feature problems are listed in the report.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from pyproj import CRS

from twin.crs import resolve_crs
from twin.errors import Cancelled, CRSError, FormatError, TwinIOError
from twin.files import file_sha256
from twin.project import Project
from twin.store import Feature, LayerSchema

#: progress(fraction 0..1, German message)
ProgressFn = Callable[[float, str], None]


@dataclass
class Problem:
    """A problem with one feature (or the file): the feature was skipped, or – as the message says –
    imported with the unreadable value left empty."""

    message: str
    line: int | None = None
    feature: str | None = None

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"Zeile {self.line}" if self.line else "",
                                      f"Objekt '{self.feature}'" if self.feature else "") if p)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class ImportReport:
    """What an import did: counts per layer, problems, provenance."""

    path: str
    importer: str
    sha256: str = ""
    source_crs: str | None = None
    counts: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    provenance_id: int | None = None
    seconds: float = 0.0
    #: a trial run: everything was read, validated and written in a transaction that was rolled back
    dry_run: bool = False

    def summary(self) -> str:
        """One German line for the status bar and the CLI."""
        parts = [f"{k}: {v}" for k, v in self.counts.items() if not isinstance(v, dict)]
        probs = f", {len(self.problems)} Problem(e)" if self.problems else ""
        verb = "geprüft (Probelauf, nichts gespeichert)" if self.dry_run else "importiert"
        return f"{Path(self.path).name} {verb} ({', '.join(parts)}{probs})"


@dataclass
class ImportPreview:
    """What the import wizard shows before importing: format, CRS, encoding, column mapping, first rows."""

    importer: str
    title: str
    crs: str | None = None
    crs_note: str = ""
    encoding: str | None = None
    target: str | None = None  #: profile target ("trees", "parcels") where a column mapping applies
    columns: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)  #: (target field, German title), incl. x/y
    mapping: dict[str, str] = field(default_factory=dict)  #: target field -> source column
    rows: list[dict[str, Any]] = field(default_factory=list)  #: first rows, source column -> raw value


class CancelToken:
    """Set from the GUI/CLI thread, checked by the importer between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self, path: str | Path | None = None) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled(path=path)


class Importer(ABC):
    """Base of all importers."""

    name: str = ""
    title: str = ""
    suffixes: tuple[str, ...] = ()

    @abstractmethod
    def sniff(self, path: Path, head: bytes) -> bool:
        """True if this importer reads the file (by content, not only the suffix)."""

    @abstractmethod
    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        """Read, validate and write the file; fill ``report``."""

    def preview(self, path: Path, project: Project) -> ImportPreview:
        """Format and (where the importer knows it cheaply) CRS of a file, for the wizard."""
        return ImportPreview(importer=self.name, title=self.title)

    def begin_write(self, project: Project, path: Path, report: ImportReport, actor: str, *schemas: LayerSchema,
                    source_crs: str | None = None) -> int:
        """Inside the import transaction: create the target layers and write the provenance row; its id."""
        store = project.store
        for schema in schemas:
            store.create_layer(schema)
        return store.record_provenance(source_file=str(path), sha256=report.sha256, importer=self.name, counts={},
                                       actor=actor, source_crs=source_crs or report.source_crs)

    @staticmethod
    def nothing_to_import(project: Project, path: Path, report: ImportReport, what: str,
                          bounds: Sequence[float] | Sequence[Sequence[float]] | None = None) -> NoReturn:
        """No feature passed the checks: ExtentError if the data lie outside the project (wrong CRS?),
        else FormatError naming ``what`` ("Bäume") and the first three problems."""
        if bounds is not None and len(bounds):
            if isinstance(bounds[0], (int, float)):
                box = tuple(bounds)
            else:
                b = list(bounds)
                box = (min(x[0] for x in b), min(x[1] for x in b), max(x[2] for x in b), max(x[3] for x in b))
            project.check_extent(box, path=path)  # type: ignore[arg-type]
        first = "; ".join(str(p) for p in report.problems[:3])
        raise FormatError(f"Die Datei enthält keine importierbaren {what}" + (f" ({first})" if first else "") + ".",
                          path=path)

    @staticmethod
    def end_write(project: Project, provenance_id: int, report: ImportReport) -> None:
        """Last step inside the import transaction: the report's counts into the provenance row."""
        project.store.update_provenance_counts(provenance_id, report.counts)
        report.provenance_id = provenance_id

    def __call__(self, project: Project, path: str | Path, *, progress: ProgressFn | None = None,
                 cancel: CancelToken | None = None, actor: str = "system", dry_run: bool = False) -> ImportReport:
        """Import one file. ``dry_run``: do everything, report it, then roll the transaction back."""
        path = Path(path)
        if not path.is_file():
            raise TwinIOError("Die Datei existiert nicht oder ist kein reguläre Datei.", path=path)
        report = ImportReport(path=str(path), importer=self.name, sha256=file_sha256(path), dry_run=dry_run)
        start = time.perf_counter()
        args = (project, path, report, progress or (lambda f, m: None), cancel or CancelToken(), actor)
        if dry_run:
            try:
                with project.store.transaction():
                    self.run(*args)
                    raise _RollBack
            except _RollBack:
                pass
            report.provenance_id = None
        else:
            self.run(*args)
        report.seconds = time.perf_counter() - start
        return report


class _RollBack(Exception):
    """Ends a dry run's transaction without writing."""


class Ticker:
    """Wraps the features an importer writes: progress (0.6 … 1.0) and a cancel check every ``every``
    features, and once more after the last one, so that a cancel during writing rolls everything back."""

    def __init__(self, progress: ProgressFn, cancel: CancelToken, path: Path, total: int, every: int = 200) -> None:
        self.progress, self.cancel, self.path = progress, cancel, path
        self.total, self.every, self.done = max(total, 1), every, 0

    def __call__(self, feats: Iterable[Feature]) -> Iterator[Feature]:
        for f in feats:
            self.done += 1
            if self.done % self.every == 0:
                self.cancel.check(self.path)
                self.progress(0.6 + 0.4 * self.done / self.total, "Schreibe in den Datenbestand …")
            yield f
        self.cancel.check(self.path)

    def tick(self, done: int, total: int | None = None) -> None:
        """For ``Store.upsert(on_progress=...)``: progress after each written chunk, and a cancel check."""
        self.done = done
        self.cancel.check(self.path)
        self.progress(0.6 + 0.4 * min(done / self.total, 1.0), "Schreibe in den Datenbestand …")


def resolve_file_crs(name: str, path: Path) -> CRS:
    """The CRS a file names (or the user gave for it); an unknown name raises CRSError naming the file."""
    try:
        return resolve_crs(name)
    except CRSError as exc:
        raise CRSError(exc.message, path=path) from None


def read_head(path: Path, n: int = 4096) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(n)
    except OSError as exc:
        raise TwinIOError(f"Die Datei kann nicht gelesen werden: {exc.strerror}", path=path) from exc


def all_importers() -> list[Importer]:
    """The importers in detection order (content sniffing; the more specific formats first)."""
    from importers.alkis.load import NASImporter
    from importers.cadastre_flat.load import FlatCadastreImporter
    from importers.citygml.load import CityGMLImporter
    from importers.cityjson.load import CityJSONImporter
    from importers.isybau.load import IsybauImporter
    from importers.lidar import LidarImporter
    from importers.meters.load import MeterImporter
    from importers.sewer_gis.load import SewerGISImporter
    from importers.terrain import TerrainImporter
    from importers.terrain_formats import AscGridImporter, XYZGridImporter
    from importers.trees.load import TreeImporter
    from importers.closures import ClosureImporter

    return [ClosureImporter(),  # Verkehrssperrungen (GeoJSON): before the other GeoJSON readers
            NASImporter(), CityGMLImporter(), CityJSONImporter(), IsybauImporter(), SewerGISImporter(),
            TerrainImporter(), LidarImporter(), AscGridImporter(), XYZGridImporter(), MeterImporter(), TreeImporter(),
            FlatCadastreImporter()]


def detect_importer(path: str | Path) -> Importer:
    """The importer for a file, found by its content; FormatError if none reads it."""
    path = Path(path)
    if not path.is_file():
        raise TwinIOError("Die Datei existiert nicht.", path=path)
    head = read_head(path)
    for imp in all_importers():
        if imp.sniff(path, head):
            return imp
    known = ", ".join(sorted({s for i in all_importers() for s in i.suffixes}))
    raise FormatError(f"Unbekanntes Dateiformat (unterstützt: {known}).", path=path)


def import_file(project: Project, path: str | Path, **kw: Any) -> ImportReport:
    """Detect the format and import one file."""
    return detect_importer(path)(project, path, **kw)


def import_files(project: Project, paths: Sequence[str | Path], *, progress: ProgressFn | None = None,
                 cancel: CancelToken | None = None, actor: str = "system",
                 on_report: Callable[[ImportReport], None] | None = None) -> list[ImportReport]:
    """Import several files one after the other; each file is its own transaction.

    ``on_report`` receives each file's report as soon as it landed (a later file may still fail). With
    several terrain tiles (DGM, LiDAR) the project DEM is mosaicked once after the last file, in its own
    transaction; until then the layers show the tiles (:func:`twin.dem.project_dem` sees it is stale).
    """
    from twin.dem import build_project_dem

    progress = progress or (lambda f, m: None)
    reports = []
    importers = [detect_importer(p) for p in paths]
    batch_dem = defer_project_dem(importers)
    n = len(paths) + (1 if batch_dem else 0)
    for i, (p, imp) in enumerate(zip(paths, importers)):
        def sub(f: float, msg: str, i: int = i) -> None:
            progress((i + f) / n, msg)
        report = imp(project, p, progress=sub, cancel=cancel, actor=actor)
        reports.append(report)
        if on_report is not None:
            on_report(report)
    if batch_dem:
        progress((n - 1) / n, DEM_MESSAGE)
        tok = cancel or CancelToken()
        build_project_dem(project, check=lambda: tok.check())
    progress(1.0, "Fertig")
    return reports


DEM_MESSAGE = "Setze das Projekt-DGM aus allen Kacheln zusammen …"


def defer_project_dem(importers: Sequence[Importer]) -> bool:
    """Several terrain tiles (DGM, LiDAR) in one batch: switch off the mosaic after every tile.

    True if the caller must call :func:`twin.dem.build_project_dem` once after the last file (rebuilding
    it per tile costs O(tiles²)).
    """
    tiles = [imp for imp in importers if getattr(imp, "project_dem", False)]
    if len(tiles) < 2:
        return False
    for imp in tiles:
        imp.project_dem = False  # type: ignore[attr-defined]
    return True
