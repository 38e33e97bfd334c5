"""Cell values of tabular and GIS deliveries as Python values: numpy scalars, NaN, bytes, German numbers."""

from __future__ import annotations

from typing import Any

import numpy as np


def plain(v: Any) -> Any:
    """A cell as a plain Python value: numpy scalars unwrapped, NaN -> None, bytes decoded as UTF-8."""
    if v is None:
        return None
    if isinstance(v, float) and np.isnan(v):
        return None
    if isinstance(v, np.generic):
        v = v.item()
        if isinstance(v, float) and np.isnan(v):
            return None
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return v


def to_text(v: Any) -> str | None:
    """Stripped text, None for empty/NaN; whole floats without ".0" (dBASE numbers)."""
    if v is None:
        return None
    if isinstance(v, float):
        if not np.isfinite(v):
            return None
        if v.is_integer():
            return str(int(v))
    s = str(v).strip()
    return s or None


def to_int(v: Any) -> int | None:
    """An integer from a number or text ("12", "12,0"); None if it is none."""
    s = to_text(v)
    if s is None:
        return None
    try:
        return int(s)
    except ValueError:
        try:
            f = float(s.replace(",", "."))
            return int(f) if f.is_integer() else None
        except ValueError:
            return None


def to_float(v: Any) -> float | None:
    """A float from a number or text, German notation allowed ("1.234,5"); None if it is none."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v) if np.isfinite(v) else None
    s = to_text(v)
    if s is None:
        return None
    s = s.replace(" ", "")
    if "," in s:  # German: 1.234,5
        s = s.replace(".", "").replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None
