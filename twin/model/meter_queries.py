"""Questions about water meters that the Wasserversorgung and the council ask (no importer needed).

The report of meters due for exchange is aggregated per year and street – the form the
Ratszwilling may show (counts); the list of meter numbers is for the Verwaltung.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from twin.model.meters import INSTALLED, WATER_METERS
from twin.store.base import Store


@dataclass
class DueRow:
    """Meters of one street whose calibration runs out in one year."""

    jahr: int
    strasse: str
    anzahl: int
    zaehlernummern: list[str] = field(default_factory=list)

    def as_tuple(self) -> tuple[int, str, int, list[str]]:
        return self.jahr, self.strasse, self.anzahl, self.zaehlernummern


NO_STREET = "(ohne Straße)"


def meters_due(store: Store, year: int | None = None, *, until: int | None = None,
               include_overdue: bool = False) -> list[DueRow]:
    """Installed meters due for exchange, per year (in which the Eichfrist ends) and street.

    ``year``: only that year (with ``include_overdue`` also every earlier year, reported as ``year``,
    so that nothing overdue drops out of the plan); ``until``: every year up to and including it.
    Without either, all years. Meters without a known Eichfrist are not listed
    (see :func:`meters_without_eichfrist`). Rows sorted by year, street.
    """
    if not store.has_layer(WATER_METERS.name):
        return []
    t = store.table(WATER_METERS.name)
    feats = store.features(WATER_METERS.name, (t.c.status == INSTALLED) & t.c.eichung_gueltig_bis.isnot(None))
    groups: dict[tuple[int, str], list[str]] = {}
    for f in feats:
        y = int(str(f.attrs["eichung_gueltig_bis"])[:4])
        if year is not None:
            if y == year or (include_overdue and y < year):
                y = year
            else:
                continue
        elif until is not None and y > until:
            continue
        street = (f.attrs.get("strasse") or "").strip() or NO_STREET
        groups.setdefault((y, street), []).append(str(f.attrs["zaehlernummer"]))
    return [DueRow(y, s, len(nums), sorted(nums)) for (y, s), nums in sorted(groups.items())]


def meters_without_eichfrist(store: Store) -> list[str]:
    """Numbers of installed meters whose calibration validity is unknown (type or Eichjahr missing)."""
    if not store.has_layer(WATER_METERS.name):
        return []
    t = store.table(WATER_METERS.name)
    return sorted(store.keys(WATER_METERS.name, (t.c.status == INSTALLED) & t.c.eichung_gueltig_bis.is_(None)))
