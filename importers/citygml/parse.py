"""Streaming CityGML 1.0 / 2.0 / 3.0 building parser (lxml iterparse; memory stays flat on big tiles)."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from importers.citygml.building import read_building
from importers.citygml.model import CityBuilding, CityModelFile, ParseProblem
from importers.citygml.ns import (
    BLDG_VERSIONS,
    BUILDING_PART_TAGS,
    BUILDING_TAGS,
    CITYGML3_PREFIX,
    CORE_VERSIONS,
    gml_id as element_id,
    split_tag,
)
from twin.errors import Cancelled, FormatError, TwinIOError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: events between two cancel checks outside buildings
_CANCEL_EVERY = 4096


def parse_citygml(path: str | Path, *, progress: Progress | None = None, cancel: Cancel | None = None) -> CityModelFile:
    """Read all Buildings and BuildingParts of a CityGML 1.0/2.0/3.0 file (also gzip-compressed).

    Coordinates stay as in the file (no reprojection). ``progress(done_bytes, total_bytes)``
    is called as the file is read; ``cancel()`` returning True raises :class:`Cancelled`.
    Raises :class:`FormatError` for files that are not well-formed XML or not CityGML 1.0/2.0/3.0,
    :class:`TwinIOError` if the file cannot be read. Unusable parts of single buildings do not
    stop the import; they are listed in ``problems``.
    """
    path = Path(path)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise TwinIOError(f"Datei kann nicht gelesen werden: {exc.strerror or exc}", path=path) from None
    with raw:
        total = os.fstat(raw.fileno()).st_size
        if total == 0:
            raise FormatError("Keine CityGML-Datei: die Datei ist leer.", path=path)
        compressed = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream: BinaryIO = gzip.GzipFile(fileobj=raw) if compressed else raw  # type: ignore[assignment]
        reader = _Reader(path, raw, total, progress, cancel)
        try:
            return reader.run(stream)
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(path, exc, compressed) from None
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise FormatError(f"gzip-Datei ist beschädigt oder unvollständig: {exc}", path=path) from None


class _Reader:
    """State of one streaming pass."""

    def __init__(self, path: Path, raw: BinaryIO, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.path = path
        self.raw = raw
        self.total = total
        self.progress = progress
        self.cancel = cancel
        self.reported = -1
        self.srs_name: str | None = None
        self.srs_dimension: int | None = None
        #: open Building/BuildingPart elements: [gml:id, highest LoD of its parts]
        self.open: list[list] = []
        self.buildings: list[CityBuilding] = []
        self.problems: list[ParseProblem] = []

    def run(self, stream: BinaryIO) -> CityModelFile:
        events = etree.iterparse(
            stream, events=("start", "end"), remove_comments=True, remove_pis=True,
            resolve_entities=False, no_network=True, huge_tree=True,
        )
        version = ""
        root = None
        depth = 0
        for count, (event, elem) in enumerate(events):
            if event == "start":
                if root is None:
                    root, version = elem, _version(elem, self.path)
                depth += 1
                if self.srs_name is None or self.srs_dimension is None:
                    self._note_srs(elem)
                if elem.tag in BUILDING_TAGS:
                    self.open.append([element_id(elem), 0])
            else:
                depth -= 1
                if elem.tag in BUILDING_TAGS:
                    self._building_done(elem)
                if depth == 1:  # a finished member of the CityModel: free it
                    elem.clear()
                    while elem.getprevious() is not None:
                        del root[0]
            if count % _CANCEL_EVERY == 0:
                self._check_cancel()
        self._report(self.total)
        return CityModelFile(
            path=self.path,
            version=version,
            srs_name=self.srs_name,
            srs_dimension=self.srs_dimension or 3,
            buildings=self.buildings,
            problems=self.problems,
        )

    def _note_srs(self, elem: etree._Element) -> None:
        if self.srs_name is None and elem.get("srsName"):
            self.srs_name = elem.get("srsName").strip()
        if self.srs_dimension is None and elem.get("srsDimension") in ("2", "3"):
            self.srs_dimension = int(elem.get("srsDimension"))

    def _building_done(self, elem: etree._Element) -> None:
        gml_id, parts_lod = self.open.pop()
        local = split_tag(elem.tag)[1]
        if not gml_id:
            self.problems.append(ParseProblem(elem.sourceline, None, f"{local} ohne gml:id übersprungen"))
        else:
            parent_id = self.open[-1][0] if elem.tag in BUILDING_PART_TAGS and self.open else None
            record = read_building(elem, gml_id, parent_id, self.srs_dimension or 3, self.problems)
            record.lod = max(record.lod, parts_lod)
            if record.lod == 0:
                message = f"{local} ohne verwendbare Geometrie (LoD1–4)"
                self.problems.append(ParseProblem(elem.sourceline, gml_id, message))
            if self.open:
                self.open[-1][1] = max(self.open[-1][1], record.lod)
            self.buildings.append(record)
        elem.clear()
        self._check_cancel()
        self._report(self.raw.tell())

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled(path=self.path)

    def _report(self, done: int) -> None:
        if self.progress is not None and done != self.reported:
            self.reported = done
            self.progress(min(done, self.total), self.total)


def _version(root: etree._Element, path: Path) -> str:
    """CityGML version from the root element's namespace or the namespaces it declares."""
    ns, local = split_tag(root.tag)
    if local == "CityModel" and ns in CORE_VERSIONS:
        return CORE_VERSIONS[ns]
    declared = set(root.nsmap.values())
    for uri in declared:
        if uri in CORE_VERSIONS or uri in BLDG_VERSIONS:
            return CORE_VERSIONS.get(uri) or BLDG_VERSIONS[uri]
    if ns.startswith(CITYGML3_PREFIX) or any(u.startswith(CITYGML3_PREFIX) for u in declared):
        return "3.0"
    raise FormatError(
        f"Keine CityGML-Datei: das Wurzelelement ist '{local}' (Namensraum '{ns or 'keiner'}'), "
        "erwartet wird ein CityModel von CityGML 1.0, 2.0 oder 3.0.",
        path=path,
    )


def _syntax_error(path: Path, exc: etree.XMLSyntaxError, compressed: bool) -> FormatError:
    """German FormatError for an lxml syntax error; says so when the file just ends early."""
    line, column = exc.position if exc.position else (exc.lineno, 0)
    detail = exc.msg or str(exc)
    reason = "XML ist nicht wohlgeformt"
    if line and _ends_at(path, compressed, line, column):
        reason += " (Datei endet vorzeitig – unvollständig gespeichert oder heruntergeladen?)"
    return FormatError(f"{reason}: {detail}", path=path, line=line or None)


def _ends_at(path: Path, compressed: bool, line: int, column: int) -> bool:
    """True if (line, column) – column counted in characters – is the very end of the file."""
    lines, last_chars = 1, 0
    with (gzip.open if compressed else open)(path, "rb") as f:
        try:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                head, newline, tail = chunk.rpartition(b"\n")
                lines += head.count(b"\n") + len(newline)
                last_chars = (0 if newline else last_chars) + len(tail.decode("utf-8", "ignore"))
        except (EOFError, OSError, zlib.error):
            pass  # a truncated gzip stream ends here too
    return line == lines and column >= last_chars
