"""Area balance (Flächenbilanz) per land-use class, for the municipality and per district, and its change.

Source: the ALKIS use objects (``land_use``, class = Nutzungsart, group = AdV Nutzungsartenbereich) or
any polygon layer with a class field, such as an imported land-use plan (Flächennutzungsplan).
Districts: the Gemarkungen of the parcels (default) or a polygon layer with a name field (Ortsteile).
Each use area is cut with each district, so an object across a district border counts in both parts.
A balance at a past date reads every layer as it was then (:func:`twin.store.as_of.features_as_of`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import shapely

from twin.errors import LandError
from twin.model.cadastre import PARCELS
from twin.model.land_use import LAND_USE, group_of
from twin.store import Feature, Store
from twin.store.as_of import features_as_of

MUNICIPALITY = "Gemeinde gesamt"


@dataclass(frozen=True)
class BalanceRow:
    district: str
    klasse: str
    gruppe: str
    flaeche_m2: float
    anteil: float  # of the district's balanced area


@dataclass
class Balance:
    """Rows per district and class (the municipality first), with what it was computed from."""

    rows: list[BalanceRow]
    source: str
    at: str | None
    districts_from: str
    totals: dict[str, float] = field(default_factory=dict)

    def area(self, district: str, klasse: str) -> float:
        return sum(r.flaeche_m2 for r in self.rows if r.district == district and r.klasse == klasse)


@dataclass(frozen=True)
class ChangeRow:
    district: str
    klasse: str
    flaeche_a_m2: float
    flaeche_b_m2: float

    @property
    def delta_m2(self) -> float:
        return self.flaeche_b_m2 - self.flaeche_a_m2


def area_balance(store: Store, *, at: date | datetime | str | None = None, layer: str = LAND_USE.name,
                 class_field: str = "nutzungsart", district_layer: str | None = None,
                 district_field: str = "name") -> Balance:
    """The balance of ``layer`` by ``class_field`` now or at ``at``; districts from the parcels' Gemarkung or
    from ``district_layer``."""
    uses = _read(store, layer, at, "die Flächenbilanz")
    if not uses:
        raise LandError(f"Der Layer „{_title(store, layer)}“ enthält {'zu diesem Datum ' if at else ''}keine "
                        "Flächen; für die Flächenbilanz bitte ALKIS mit Tatsächlicher Nutzung (oder einen "
                        "Flächennutzungsplan) importieren.")
    if class_field not in store.schema(layer).field_names:
        raise LandError(f"Der Layer „{_title(store, layer)}“ hat kein Feld „{class_field}“ für die Nutzungsklasse.")
    districts, districts_from = _districts(store, at, district_layer, district_field)
    by: dict[tuple[str, str], float] = defaultdict(float)
    group = {}
    geoms = np.array([u.geometry for u in uses], dtype=object)
    classes = [str(u.attrs.get(class_field) or "(ohne Angabe)") for u in uses]
    for u, k in zip(uses, classes):
        group[k] = group_of(str(u.attrs.get("objektart"))) if "objektart" in u.attrs else ""
    for i, a in enumerate(shapely.area(geoms)):
        by[(MUNICIPALITY, classes[i])] += float(a)
    if districts:
        names = list(districts)
        dgeoms = np.array([districts[n] for n in names], dtype=object)
        ui, di = shapely.STRtree(dgeoms).query(geoms, predicate="intersects")
        parts = shapely.area(shapely.intersection(geoms[ui], dgeoms[di]))
        for u, d, a in zip(ui, di, parts):
            if a > 0:
                by[(names[d], classes[u])] += float(a)
    totals: dict[str, float] = defaultdict(float)
    for (d, _k), a in by.items():
        totals[d] += a
    order = [MUNICIPALITY] + sorted(d for d in totals if d != MUNICIPALITY)
    rows = [BalanceRow(d, k, group[k], round(a, 1), a / totals[d] if totals[d] else 0.0)
            for d in order for (dd, k), a in sorted(by.items(), key=lambda kv: (-kv[1], kv[0][1])) if dd == d]
    return Balance(rows, _title(store, layer), None if at is None else str(at), districts_from, dict(totals))


def balance_change(store: Store, a: date | datetime | str, b: date | datetime | str | None = None,
                   **kwargs) -> tuple[Balance, Balance, list[ChangeRow]]:
    """Balances at ``a`` and at ``b`` (None: now) and the change per district and class (b − a)."""
    first = area_balance(store, at=a, **kwargs)
    second = area_balance(store, at=b, **kwargs)
    keys = list(dict.fromkeys([(r.district, r.klasse) for r in first.rows + second.rows]))
    rows = [ChangeRow(d, k, round(first.area(d, k), 1), round(second.area(d, k), 1)) for d, k in keys]
    rows.sort(key=lambda r: (r.district != MUNICIPALITY, r.district, -abs(r.delta_m2), r.klasse))
    return first, second, rows


def _read(store: Store, layer: str, at, what: str) -> list[Feature]:
    if not store.has_layer(layer):
        raise LandError(f"Für {what} fehlt der Layer „{layer}“ im Datenbestand. Bitte ALKIS-NAS mit Tatsächlicher "
                        "Nutzung (AX_Wohnbauflaeche, AX_Landwirtschaft …) oder einen Flächennutzungsplan importieren.")
    feats = store.features(layer) if at is None else features_as_of(store, layer, at)
    return [f for f in feats if f.geometry is not None and not f.geometry.is_empty]


def _districts(store: Store, at, layer: str | None, name_field: str) -> tuple[dict[str, object], str]:
    """District name -> polygon, and where they come from."""
    if layer is not None:
        feats = _read(store, layer, at, "die Ortsteile")
        if name_field not in store.schema(layer).field_names:
            raise LandError(f"Der Ortsteil-Layer „{layer}“ hat kein Feld „{name_field}“ für den Namen.")
        groups: dict[str, list] = defaultdict(list)
        for f in feats:
            groups[str(f.attrs.get(name_field) or "(ohne Namen)")].append(f.geometry)
        return {k: shapely.union_all(v) for k, v in groups.items()}, f"Layer „{_title(store, layer)}“"
    if not store.has_layer(PARCELS.name):
        return {}, "keine (keine Flurstücke im Datenbestand)"
    feats = store.features(PARCELS.name) if at is None else features_as_of(store, PARCELS.name, at)
    groups = defaultdict(list)
    for f in feats:
        if f.geometry is not None:
            name = f.attrs.get("gemarkung_name") or f.attrs.get("gemarkung") or "(ohne Gemarkung)"
            groups[f"Gemarkung {name}"].append(f.geometry)
    return {k: shapely.union_all(v) for k, v in groups.items()}, "Gemarkungen der Flurstücke"


def _title(store: Store, layer: str) -> str:
    return store.schema(layer).title or layer if store.has_layer(layer) else layer
