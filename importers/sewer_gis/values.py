"""One row of a sewer GIS layer -> the typed attributes of ``sewer_nodes`` / ``sewer_reaches``.

Heights and lengths are stored in metres, DN and Profilhöhe in millimetres; the unit of a source
column comes from the profile (``units``), else from its name (``DN_M``, ``Sohle_cm``), else the
field's default (:data:`synonyms.DEFAULT_UNITS`). Codes go through :mod:`.codes`. A value that cannot
be read leaves its field empty and yields a German message for the report.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from importers.cadastre_flat.ogr import FlatTable
from importers.cells import to_float, to_int, to_text
from importers.profiles import to_metres, unit_from_name
from importers.sewer_gis import codes
from importers.sewer_gis.synonyms import DEFAULT_UNITS
from twin.model.sewer import SEWER_NODES, SEWER_REACHES

_TYPES = {f.name: f.type for s in (SEWER_NODES, SEWER_REACHES) for f in s.fields}
_TITLES = {f.name: f.title or f.name for s in (SEWER_NODES, SEWER_REACHES) for f in s.fields}
_MM_FIELDS = ("dn_mm", "profilhoehe_mm")
#: plausible Nennweite/Profilhöhe in mm (house connection DN 100 … large collector 6 m)
DN_RANGE = (50, 6000)


def field_units(mapping: dict[str, str], units: dict[str, str]) -> dict[str, str]:
    """Unit of every mapped measured field: profile, else column name, else default."""
    out = {}
    for fld, col in mapping.items():
        if fld in DEFAULT_UNITS:
            out[fld] = units.get(fld) or unit_from_name(col) or DEFAULT_UNITS[fld]
    return out


def guess_units(table: FlatTable, mapping: dict[str, str]) -> dict[str, str]:
    """Units a proposal can tell from the values: a DN column whose values are all below 6 is in metres."""
    out = {}
    for fld in _MM_FIELDS:
        col = mapping.get(fld)
        if col is None or unit_from_name(col):
            continue
        vals = [v for v in (to_float(r.get(col)) for r in table.rows) if v is not None and v > 0]
        if vals and max(vals) <= 6.0:
            out[fld] = "m"
    return out


def map_row(row: dict[str, Any], mapping: dict[str, str], units: dict[str, str],
            defaults: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The typed attributes of one row and the German messages for values left empty."""
    attrs: dict[str, Any] = {}
    msgs: list[str] = []
    for fld, col in mapping.items():
        raw = row.get(col)
        value = _convert(fld, raw, units.get(fld))
        if value is None and to_text(raw) is not None:
            msgs.append(f"{col} = '{to_text(raw)}' ist kein gültiger Wert für „{_TITLES.get(fld, fld)}“; "
                        "Feld bleibt leer")
        attrs[fld] = value
    for fld, value in defaults.items():
        if fld in _TYPES and attrs.get(fld) is None:
            attrs[fld] = _convert(fld, value, units.get(fld))
    if attrs.get("dn_mm") is not None and not DN_RANGE[0] <= attrs["dn_mm"] <= DN_RANGE[1]:
        msgs.append(f"Nennweite {attrs['dn_mm']} mm ist unplausibel (Spalte {mapping.get('dn_mm')} in "
                    f"{units.get('dn_mm', 'mm')}?); bitte die Einheit im Profil angeben (units.dn_mm); "
                    "Feld bleibt leer")
        attrs["dn_mm"] = None
    return attrs, msgs


def _convert(fld: str, raw: Any, unit: str | None) -> Any:
    ftype = _TYPES.get(fld, "text")
    if fld in DEFAULT_UNITS:
        v = to_float(raw)
        if v is None:
            return None
        metres = to_metres(v, unit or DEFAULT_UNITS[fld])
        return int(round(metres * 1000)) if fld in _MM_FIELDS else round(metres, 3)
    if fld == "zustandsklasse":
        return _condition_class(raw)
    if ftype == "date":
        return _date(raw)
    if ftype == "integer":
        return to_int(raw)
    if ftype == "real":
        return to_float(raw)
    text = to_text(raw)
    if fld == "material":
        return codes.material_code(text)
    if fld == "entwaesserungsart":
        return codes.drainage_code(text)
    if fld == "profilart":
        return codes.profile_name(text)
    return text


def _condition_class(raw: Any) -> int | None:
    """0 … 5 on the DWA-M 149-3 scale as GIS exports write it (``2``, ``ZK 2``, ``2.0``)."""
    text = to_text(raw)
    if text is None:
        return None
    m = re.fullmatch(r"(?:ZK|SK|KLASSE)?\s*([0-5])(?:[.,]0+)?", text.strip(), re.IGNORECASE)
    return int(m.group(1)) if m else None


def _date(raw: Any) -> str | None:
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    text = to_text(raw)
    if text is None:
        return None
    m = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?: .*)?", text)
        if not m:
            return None
        d, mo, y = (int(g) for g in m.groups())
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None
