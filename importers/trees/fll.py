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
from datetime import date

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
