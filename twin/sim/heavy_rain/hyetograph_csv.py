"""Time series from CSV files: a user's rain, one row per block, ``Minute;Intensität [mm/h]`` (end of the
block), and inflow hydrographs, ``Minute;Abfluss [m³/s]``."""

from __future__ import annotations

import re
from pathlib import Path

from twin.errors import FormatError
from twin.files import read_text

_NUM = re.compile(r"^\s*-?\d+(?:[.,]\d+)?\s*$")


def read_hyetograph_csv(path: str | Path) -> list[tuple[float, float]]:
    """Rows ``minute;mm/h`` of a user's rain, see :func:`read_series_csv`."""
    return read_series_csv(path, "Die Regenganglinie", "Intensität in mm/h")


def read_series_csv(path: str | Path, what: str = "Die Zuflussganglinie",
                    value: str = "Abfluss in m³/s") -> list[tuple[float, float]]:
    """Rows ``minute;value`` (semicolon or tab with decimal comma or point; comma with decimal point; UTF-8 or
    Windows-1252); ``what``/``value`` name the file and the second column in error messages.

    A first row that is not numeric is a header; empty lines and lines starting with ``#`` are skipped.
    """
    path = Path(path)
    text = read_text(path, what, FormatError)
    out: list[tuple[float, float]] = []
    for no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        sep = r"[;\t]" if (";" in line or "\t" in line) else ","   # with commas as separator: decimal point
        cells = [c.strip() for c in re.split(sep, line)]
        if len(cells) < 2:
            raise FormatError(f"Erwartet zwei Spalten: Minute und {value}.", path=path, line=no)
        if not (_NUM.match(cells[0]) and _NUM.match(cells[1])):
            if not out:
                continue  # header
            raise FormatError(f"Zahlen erwartet, nicht '{cells[0]}' / '{cells[1]}'.", path=path, line=no)
        out.append((float(cells[0].replace(",", ".")), float(cells[1].replace(",", "."))))
    if not out:
        raise FormatError(f"{what} enthält keine Werte.", path=path)
    return out
