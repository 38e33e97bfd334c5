"""A user's rain from a CSV file: one row per block, ``Minute;Intensität [mm/h]`` (end of the block)."""

from __future__ import annotations

import re
from pathlib import Path

from twin.errors import FormatError

_NUM = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*$")


def read_hyetograph_csv(path: str | Path) -> list[tuple[float, float]]:
    """Rows ``minute;mm/h`` (semicolon or tab with decimal comma or point; comma with decimal point; UTF-8 or
    Windows-1252).

    A first row that is not numeric is a header; empty lines and lines starting with ``#`` are skipped.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"Die Regenganglinie kann nicht gelesen werden: {exc.strerror or exc}", path=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    out: list[tuple[float, float]] = []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        sep = r"[;\t]" if (";" in line or "\t" in line) else ","   # with commas as separator: decimal point
        cells = [c.strip() for c in re.split(sep, line)]
        if len(cells) < 2:
            raise FormatError("Erwartet zwei Spalten: Minute und Intensität in mm/h.", path=path, line=no)
        if not (_NUM.match(cells[0]) and _NUM.match(cells[1])):
            if not out:
                continue  # header
            raise FormatError(f"Zahlen erwartet, nicht '{cells[0]}' / '{cells[1]}'.", path=path, line=no)
        out.append((float(cells[0].replace(",", ".")), float(cells[1].replace(",", "."))))
    if not out:
        raise FormatError("Die Regenganglinie enthält keine Werte.", path=path)
    return out
