"""Inspection dates after the FLL-Baumkontrollrichtlinie (Ausgabe 2020).

The FLL guideline sets the interval of the *Regelkontrolle* per tree from its development phase
and condition: typically every 3 years for healthy young trees (Jugendphase), every 2–3 years for
healthy mature trees (Reifephase) and every year for old or damaged trees (Alterungsphase,
erkennbare Schäden); trees near busy traffic may need shorter intervals, storms trigger extra
checks (Zusatzkontrolle). The interval is an expert decision of the inspector, therefore:

* ``naechste_kontrolle`` missing, ``letzte_kontrolle`` and ``kontrollintervall_monate`` given
  → ``naechste_kontrolle = letzte_kontrolle + interval`` (calendar months, end of month clamped);
* ``kontrollintervall_monate`` missing, both dates given → the interval in whole months between them;
* only ``letzte_kontrolle`` given → nothing is derived, unless the importer was told a default
  interval (``TreeImporter.default_interval_months``, e.g. 12); the importer never invents one.
"""

from __future__ import annotations

import calendar
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


def add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def months_between(a: date, b: date) -> int:
    """Whole calendar months from a to b, rounded to the nearest month."""
    n = (b.year - a.year) * 12 + (b.month - a.month)
    return n + (1 if b.day - a.day >= 15 else -1 if a.day - b.day >= 15 else 0)


def complete_inspection(last: date | None, nxt: date | None, interval: int | None,
                        default_interval: int | None = None) -> tuple[date | None, int | None, str | None]:
    """(next, interval, German note on what was derived) after the rules in the module doc."""
    if last is not None and nxt is None:
        if interval:
            return add_months(last, interval), interval, "nächste Kontrolle aus letzter Kontrolle + Intervall"
        if default_interval:
            return (add_months(last, default_interval), default_interval,
                    f"nächste Kontrolle mit Standardintervall {default_interval} Monate")
    if last is not None and nxt is not None and not interval and nxt > last:
        return nxt, months_between(last, nxt), "Intervall aus beiden Kontrolldaten"
    return nxt, interval, None
