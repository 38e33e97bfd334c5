"""Reading CSV files as German spreadsheets write them: encoding, delimiter and decimal sign detected.

Nothing is asked: the encoding is UTF-8 (with or without BOM) if the bytes are strict UTF-8, else
cp1252 (Windows Excel); a file that mixes both (UTF-8 umlauts in some lines, cp1252 in others) is
rejected with the line. The delimiter is the one of ``;``, ``,``, tab and ``|`` that splits the
header and the first rows into the same number of fields (``csv.Sniffer`` guesses badly on
semicolon files with decimal commas). The decimal sign is the one the numeric cells use.
Numbers are parsed strictly: thousands separators and mixed signs are errors, never guesses.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from twin.errors import FormatError, TwinIOError

DELIMITERS = (";", ",", "\t", "|")
DELIMITER_NAMES = {";": "Semikolon", ",": "Komma", "\t": "Tabulator", "|": "senkrechter Strich"}
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_DOT_NUM = re.compile(r"^[+-]?\d+\.\d+$")
_COMMA_NUM = re.compile(r"^[+-]?\d+,\d+$")
_INT = re.compile(r"^[+-]?\d+$")


@dataclass
class CsvTable:
    """A CSV file read into text columns: ``cells[column][i]`` is the text of record i, which starts on
    line ``lines[i]`` (records with the wrong number of fields are left out and listed in ``problems``)."""

    columns: list[str]
    cells: dict[str, pa.Array]
    lines: np.ndarray
    encoding: str
    delimiter: str
    decimal: str
    problems: list[tuple[int, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.lines)

    def row(self, i: int) -> list[str]:
        """The cells of record i in column order (slow; for previews)."""
        return [self.cells[c][i].as_py() for c in self.columns]


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: Path | None = None, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding name) of CSV bytes; FormatError for a file mixing UTF-8 and cp1252."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            line = _line_of(data, exc.start) if isinstance(exc, UnicodeDecodeError) else None
            raise FormatError(f"Die Datei ist nicht in der angegebenen Kodierung '{encoding}' geschrieben.",
                              path=path, line=line) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise FormatError(
                "Die Datei beginnt als UTF-8 (mit BOM), enthält aber Zeichen in einer anderen Kodierung "
                "(gemischte Kodierung, z. B. Zeilen aus Excel angehängt); bitte einheitlich als UTF-8 speichern.",
                path=path, line=_line_of(data, exc.start + 3)) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_line = _line_of(data, exc.start)
    utf8 = _UTF8_MULTIBYTE.search(data)
    # cp1252 text can contain such byte pairs only by accident (e.g. "Ã¤"); a real UTF-8 umlaut plus an
    # invalid byte elsewhere means two encodings in one file
    if utf8 is not None and _looks_utf8_umlaut(utf8.group()):
        raise FormatError(
            f"Die Datei mischt zwei Zeichenkodierungen: Zeile {_line_of(data, utf8.start())} ist UTF-8, "
            f"Zeile {bad_line} Windows-1252 (cp1252); bitte einheitlich speichern.", path=path, line=bad_line)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise FormatError("Die Zeichenkodierung der Datei ist weder UTF-8 noch Windows-1252.", path=path,
                          line=_line_of(data, exc.start)) from None


def _looks_utf8_umlaut(seq: bytes) -> bool:
    try:
        ch = seq.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(c.isalpha() or c in "€–„“”’" for c in ch)


def _records(text: str, delimiter: str, limit: int | None = None):
    """(start line, cells) of each non-empty record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    n = 0
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not cells or all(not c.strip() for c in cells):
                continue
            yield line, cells
            n += 1
            if limit is not None and n >= limit:
                return
    except csv.Error as exc:
        raise FormatError(f"CSV nicht lesbar: {exc}", line=reader.line_num) from None


def detect_delimiter(text: str) -> str:
    """The delimiter that splits header and sample rows into the same number (≥ 2) of fields."""
    best, best_score = None, (-1.0, 0, 0)
    for i, d in enumerate(DELIMITERS):
        try:
            recs = [c for _, c in _records(text[:200_000], d, limit=60)]
        except FormatError:
            continue
        if not recs or len(recs[0]) < 2:
            continue
        n = len(recs[0])
        body = recs[1:-1] if len(recs) > 2 else recs[1:]  # the last sample record may be cut off
        consistent = sum(1 for r in body if len(r) == n) / len(body) if body else 1.0
        score = (consistent, n if consistent >= 0.9 else 0, -i)
        if score > best_score:
            best, best_score = d, score
    if best is None:
        raise FormatError("Keine CSV-Datei: kein Trennzeichen (Semikolon, Komma, Tabulator) teilt die Kopfzeile.")
    return best


def detect_decimal(rows: list[list[str]]) -> str:
    """``,`` if numeric cells use a decimal comma, else ``.`` (``rows`` may be rows or columns of cells)."""
    dots = commas = 0
    for cells in rows:
        for c in cells:
            c = (c or "").strip()
            if _DOT_NUM.match(c):
                dots += 1
            elif _COMMA_NUM.match(c):
                commas += 1
    return "," if commas > dots else "."


def read_csv(path: Path, *, encoding: str | None = None, delimiter: str | None = None,
             decimal: str | None = None) -> CsvTable:
    """Read a whole CSV file (header in the first non-empty line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TwinIOError(f"Die Datei kann nicht gelesen werden: {exc.strerror}", path=path) from exc
    text, enc = decode(data, path, encoding)
    try:
        delim = delimiter or detect_delimiter(text)
        head = list(_records(text, delim, limit=1))
    except FormatError as exc:
        raise FormatError(exc.message, path=path, line=exc.line) from None
    if not head:
        raise FormatError("Die CSV-Datei ist leer.", path=path)
    header_line, header = head[0]
    columns = [h.strip().lstrip("\ufeff") for h in header]
    if len(set(columns)) != len(columns):
        dup = next(c for c in columns if columns.count(c) > 1)
        raise FormatError(f"Die Spalte '{dup}' kommt in der Kopfzeile zweimal vor.", path=path, line=header_line)
    body = _body_bytes(data, text, enc, header, delim) if header_line == 1 else None
    fast = _read_fast(body, columns, delim) if body is not None else None
    if fast is not None:
        cells, lines = fast
        problems: list[tuple[int, str]] = []
    else:
        try:
            cells, lines, problems = _read_slow(text, columns, delim)
        except FormatError as exc:
            raise FormatError(exc.message, path=path, line=exc.line) from None
    dec = decimal or detect_decimal([cells[c].slice(0, 2000).to_pylist() for c in columns])
    return CsvTable(columns, cells, lines, enc, delim, dec, problems)


def _body_bytes(data: bytes, text: str, enc: str, header: list[str], delim: str) -> bytes | None:
    """UTF-8 bytes after the header line, if the header is exactly the first physical line."""
    raw = data[3:] if enc == "utf-8-sig" else data if enc == "utf-8" else text.encode("utf-8")
    nl = raw.find(b"\n")
    if nl < 0:
        return b""
    first = raw[:nl].decode("utf-8").rstrip("\r")
    try:
        if next(csv.reader([first], delimiter=delim)) != header:
            return None
    except (csv.Error, StopIteration):
        return None
    return raw[nl + 1:]


def _read_fast(body: bytes, columns: list[str], delim: str) -> tuple[dict[str, pa.Array], np.ndarray] | None:
    """Columns read by Arrow's CSV parser, or None where only the line-exact slow reader can be trusted.

    Valid only if every record is one physical line (no line breaks in quoted values) and every
    record has the header's number of fields; otherwise the slow reader finds the lines to report.
    """
    if not body.strip():
        return {c: pa.array([], pa.string()) for c in columns}, np.zeros(0, dtype=np.int64)
    invalid = 0

    def on_invalid(_row) -> str:
        nonlocal invalid
        invalid += 1
        return "skip"

    try:
        tbl = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(body)),
            read_options=pacsv.ReadOptions(column_names=columns),
            parse_options=pacsv.ParseOptions(delimiter=delim, newlines_in_values=False,
                                             invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in columns},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    if invalid:
        return None
    buf = np.frombuffer(body, dtype=np.uint8)
    ends = np.flatnonzero(buf == 10)
    if len(body) and body[-1:] != b"\n":
        ends = np.append(ends, len(body))
    starts = np.concatenate(([0], ends[:-1] + 1))
    length = ends - starts
    empty = (length == 0) | ((length == 1) & (buf[np.minimum(starts, len(buf) - 1)] == 13))
    if tbl.num_rows + int(empty.sum()) != len(ends):
        return None  # a record spans several lines
    lines = np.flatnonzero(~empty) + 2
    cells = {c: tbl.column(c).combine_chunks() for c in columns}
    blank = None
    for c in columns:
        b = pc.equal(pc.utf8_trim_whitespace(cells[c]), "")
        blank = b if blank is None else pc.and_(blank, b)
    if blank is not None and pc.any(blank).as_py():
        keep = pc.invert(blank)
        cells = {c: a.filter(keep) for c, a in cells.items()}
        lines = lines[np.asarray(keep.to_numpy(zero_copy_only=False), dtype=bool)]
    return cells, lines


def _read_slow(text: str, columns: list[str], delim: str
               ) -> tuple[dict[str, pa.Array], np.ndarray, list[tuple[int, str]]]:
    """Python's csv module, record by record, with the line each record starts on."""
    rows: list[list[str]] = []
    lines: list[int] = []
    problems: list[tuple[int, str]] = []
    recs = _records(text, delim)
    next(recs)  # the header
    for line, cells in recs:
        if len(cells) != len(columns):
            problems.append((line, f"{len(cells)} Felder statt {len(columns)} (Trennzeichen "
                                   f"'{DELIMITER_NAMES.get(delim, delim)}' im Text ohne Anführungszeichen?); "
                                   "übersprungen"))
            continue
        rows.append(cells)
        lines.append(line)
    cols = list(zip(*rows)) if rows else [() for _ in columns]
    return ({c: pa.array(list(v), pa.string()) for c, v in zip(columns, cols)}, np.array(lines, dtype=np.int64),
            problems)


def sniff_header(head: bytes) -> list[str] | None:
    """Column names from the first bytes of a file, or None if it is no delimited text."""
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = head.decode("utf-8-sig", errors="ignore") if _UTF8_MULTIBYTE.search(head) else head.decode("cp1252",
                                                                                                          "replace")
    if "\x00" in text or "<" in text[:50] or text.lstrip().startswith("{"):
        return None
    lines = text.splitlines()
    if len(lines) > 2 and not head.endswith(b"\n"):
        text = "\n".join(lines[:-1])  # the last line may be cut off
    try:
        d = detect_delimiter(text)
        recs = list(_records(text, d, limit=1))
    except FormatError:
        return None
    return [h.strip().lstrip("\ufeff") for h in recs[0][1]] if recs else None


class NumberError(ValueError):
    """A cell is not a number in the file's notation; ``args[0]`` is the German reason."""


def parse_number(text: str, decimal: str) -> float | None:
    """A number in the file's decimal notation; None for an empty cell; NumberError (German) else.

    Thousands separators (``6.074.829,98``) and the other decimal sign are errors: a spreadsheet that
    converted a column with the wrong locale must not move a tree.
    """
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if not s:
        return None
    other = "." if decimal == "," else ","
    if s.count(decimal) > 1 or (other in s and decimal in s) or s.count(other) > 1:
        raise NumberError(f"'{text.strip()}' enthält Tausendertrennzeichen (Tabellenkalkulation mit anderer "
                          "Ländereinstellung?)")
    if other in s:
        raise NumberError(f"'{text.strip()}' hat das Dezimalzeichen '{other}', die Datei sonst '{decimal}'")
    try:
        return float(s.replace(",", ".")) if re.match(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$", s) \
            else _fail(text)
    except ValueError:
        _fail(text)


def _fail(text: str):
    raise NumberError(f"'{text.strip()}' ist keine Zahl")
