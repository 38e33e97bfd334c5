"""Dates as German municipal files write them: ISO, ``31.12.2023``, ``31.12.23``, ``12/2023`` or a datetime."""

from __future__ import annotations

import re
from datetime import date, datetime

_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:[ T].*)?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MONTH = re.compile(r"^(\d{1,2})[./](\d{4})$")


def parse_date(value) -> date | None:
    """A date from ISO, German (``31.12.2023``, ``31.12.23``), ``12/2023`` or a datetime; ValueError else."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        return None
    try:
        if m := _ISO.match(s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DE.match(s):
            y = int(m[3])
            if y < 100:
                y += 2000 if y < 70 else 1900
            return date(y, int(m[2]), int(m[1]))
        if m := _MONTH.match(s):
            return date(int(m[2]), int(m[1]), 1)
    except ValueError:
        pass
    raise ValueError(f"'{s}' ist kein Datum (erwartet z. B. 31.12.2023 oder 2023-12-31)")
