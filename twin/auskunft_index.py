"""The street index of the Auskunft (no Qt): every address, street and parcel of the store with its geometry.

Places come from the ALKIS parcels and buildings (``lagebezeichnung``, several separated by ``;``) and
the 3D buildings (``address``: ``Hauptstraße 12, 91234 Markt Musterdorf``); never from the water meters
(billing addresses). The index is built once per store and reused until one of those layers changes
(the newest history id of those layers is compared on every use: one indexed query). Edits made outside
Stadtzwilling (QGIS) write no history: :func:`invalidate` forgets the index.

Normalisation of street names (:func:`street_key`): case, umlauts and ß spelled out, ``Str.``/
``Strasse``/``Straße`` → ``str``, ``Pl.`` → ``platz``, spaces and punctuation dropped. Matching
(:meth:`StreetIndex.match_streets`) is fuzzy but deterministic: exact, then prefix, then contained,
then similar spelling (difflib ratio ≥ 0.8); ties in name order.
"""

from __future__ import annotations

import difflib
import re
import weakref
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
import sqlalchemy as sa
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from twin.model.closures import ROAD_CLOSURES

#: houses within this distance of a closure line name its section ("zwischen Nr. 10 und 24")
SECTION_M = 35.0
#: layers the places come from: (layer, address field)
PLACE_LAYERS = (("parcels", "lagebezeichnung"), ("cadastre_buildings", "lagebezeichnung"), ("buildings", "address"))
MAX_PLACES = 3

# ----------------------------------------------------------------- normalisation
def street_key(name: str) -> str:
    """'Hauptstraße' = 'hauptstr.' = 'HAUPTSTRASSE' -> 'hauptstr'; 'Marktpl.' -> 'marktplatz'."""
    s = str(name).strip().lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = re.sub(r"str(?:asse|ase|\.)?(?=[^a-z]|$)", "str", s)
    s = re.sub(r"pl\.(?=[^a-z]|$)", "platz", s)
    return re.sub(r"[^a-z0-9]", "", s)


def number_key(number: str) -> str:
    return re.sub(r"\s+", "", str(number).strip().lower())


_NR = r"(?P<nr>\d+\s*[a-zA-Z]?(?:\s*[-/]\s*\d+\s*[a-zA-Z]?)?)"
_ADDR = re.compile(r"^(?P<street>.*\S)\s+" + _NR + "$")
_ADDR_TIGHT = re.compile(r"^(?P<street>.*[^\W\d_]{3}|.*\.)" + _NR + "$")  # 'Hauptstr.12', 'Am Anger2'


def split_address(text: str) -> tuple[str, str | None]:
    """'Hauptstraße 12a' -> ('Hauptstraße', '12a'); 'Insel 7, Osthof' -> ('Insel', '7'); no number -> (text, None)."""
    t = re.sub(r"\(.*?\)", "", str(text)).split(",")[0].strip()
    m = _ADDR.match(t) or _ADDR_TIGHT.match(t)
    if not m or not re.search(r"[^\W\d_]", m["street"]):
        return t, None
    return m["street"].strip().rstrip(","), re.sub(r"\s+", "", m["nr"])


def _nr_sort(nr: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", nr)
    return (int(m[1]), m[2]) if m else (10 ** 9, nr)


def _kz_key(kz: str) -> str:
    return re.sub(r"\s+", "", kz).rstrip("_")


# ----------------------------------------------------------------- the street index
@dataclass
class StreetIndex:
    """Addresses, streets and parcels of the store with their geometry (built once, read many times)."""

    names: dict[str, str] = field(default_factory=dict)  # street key -> name as written
    by_street: dict[str, list[int]] = field(default_factory=dict)  # street key -> place ids
    by_address: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    numbers: list[str | None] = field(default_factory=list)  # per place: house number (None: street only)
    geoms: list[BaseGeometry] = field(default_factory=list)  # per place: parcel/footprint
    parcels: dict[str, tuple[str, str, BaseGeometry, str | None]] = field(default_factory=dict)  # kz -> kz, label …
    parcel_numbers: dict[str, list[str]] = field(default_factory=dict)  # '120/4', '1:120/4' -> kz

    @classmethod
    def build(cls, store: Any) -> StreetIndex:
        idx = cls()
        for layer, column in PLACE_LAYERS:
            if not store.has_layer(layer) or column not in store.schema(layer).field_names:
                continue
            for f in store.features(layer):
                if f.geometry is None or f.geometry.is_empty:
                    continue
                geom = shapely.force_2d(f.geometry)
                if layer == "parcels":
                    idx._add_parcel(f.attrs, geom)
                for part in str(f.attrs.get(column) or "").split(";"):
                    idx._add_place(part, geom)
        return idx

    def _add_place(self, text: str, geom: BaseGeometry) -> None:
        street, nr = split_address(text)
        key = street_key(street)
        if not key:
            return
        self.names.setdefault(key, street)
        i = len(self.geoms)
        self.geoms.append(geom)
        self.numbers.append(nr)
        self.by_street.setdefault(key, []).append(i)
        if nr:
            self.by_address.setdefault((key, number_key(nr)), []).append(i)

    def _add_parcel(self, a: dict[str, Any], geom: BaseGeometry) -> None:
        kz = str(a["flurstueckskennzeichen"])
        nr = a.get("flurstuecksnummer") or (f"{a['zaehler']}/{a['nenner']}" if a.get("nenner") else a.get("zaehler"))
        label = f"Flurstück {nr}" if nr else f"Flurstück {kz}"
        if a.get("flur") is not None:
            label = f"Flur {a['flur']}, {label}"
        if a.get("gemarkung_name"):
            label = f"Gemarkung {a['gemarkung_name']}, {label}"
        self.parcels[_kz_key(kz)] = (kz, label, geom, a.get("lagebezeichnung"))
        if nr:
            n = re.sub(r"\s+", "", str(nr))
            self.parcel_numbers.setdefault(n, []).append(kz)
            if a.get("flur") is not None:
                self.parcel_numbers.setdefault(f"{int(a['flur'])}:{n}", []).append(kz)

    def match_streets(self, query: str, extra: dict[str, str] | None = None) -> list[str]:
        """Street keys for a spoken street name, best level first (see module docstring)."""
        q = street_key(query)
        names = {**(extra or {}), **self.names}
        if not q:
            return []
        if q in names:
            return [q]
        keys = sorted(names)
        for level in ([k for k in keys if k.startswith(q)] if len(q) >= 3 else [],
                      [k for k in keys if q in k] if len(q) >= 4 else []):
            if level:
                return level[:MAX_PLACES]
        scored = [(difflib.SequenceMatcher(None, q, k).ratio(), k) for k in keys]
        return [k for r, k in sorted(scored, key=lambda s: (-s[0], s[1])) if r >= 0.8][:MAX_PLACES]

    def section(self, street: str | None, geom: BaseGeometry) -> str | None:
        """'zwischen Nr. 10 und 24' / 'Höhe Nr. 5': house numbers of ``street`` next to a closure line."""
        ids = [i for i in self.by_street.get(street_key(street or ""), []) if self.numbers[i]]
        if not ids:
            return None
        places = np.array([self.geoms[i] for i in ids], dtype=object)
        centres = shapely.centroid(places)
        # the point of the line nearest to each house; at an end of the line (and not on it) = beyond the end
        foot = shapely.get_point(shapely.shortest_line(centres, geom), 1)
        ends = shapely.multipoints(shapely.get_coordinates(shapely.boundary(geom)))
        beyond = (shapely.distance(foot, ends) < 0.5) & (shapely.distance(centres, geom) > 5.0)
        d = shapely.distance(places, geom)
        near = sorted({self.numbers[i] for i, x, b in zip(ids, d, beyond) if x <= SECTION_M and not b},
                      key=_nr_sort)
        if not near:
            return None
        return f"Höhe Nr. {near[0]}" if len(near) == 1 else f"zwischen Nr. {near[0]} und {near[-1]}"


_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def street_index(store: Any) -> StreetIndex:
    """The store's street index, rebuilt only when the places' layers changed since the last call."""
    layers = [name for name, _ in PLACE_LAYERS if store.has_layer(name)]
    stamp: tuple = (tuple(layers),)
    if layers:
        t = store.history_table
        with store.transaction() as conn:
            stamp += (conn.execute(sa.select(sa.func.max(t.c.id)).where(t.c.layer.in_(layers))).scalar(),)
    cached = _INDEX.get(store)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    idx = StreetIndex.build(store)
    _INDEX[store] = (stamp, idx)
    return idx


def invalidate(store: Any) -> None:
    """Forget the street index (after edits that bypass the store API, e.g. in QGIS)."""
    _INDEX.pop(store, None)


def street_names(project: Any) -> list[str]:
    """Names of the streets known from the cadastre/buildings and from the stored closures (for pickers)."""
    names = dict(street_index(project.store).names)
    store = project.store
    if store.has_layer(ROAD_CLOSURES.name):
        t = store.table(ROAD_CLOSURES.name)
        with store.transaction() as conn:
            for s in conn.execute(sa.select(t.c.strasse).distinct()).scalars():
                if s:
                    names.setdefault(street_key(s), s)
    return sorted(names.values(), key=lambda n: street_key(n))


def street_segment(project: Any, street: str, from_nr: str, to_nr: str) -> LineString:
    """A closure line along ``street`` from house number ``from_nr`` to ``to_nr`` (approximate).

    The street's axis is the main direction (least squares) through all its numbered houses and parcels,
    placed through their middle (between both sides of the street); the line runs along it from the
    foot of one house to the foot of the other. Straight only: for a curved street, pick the points in
    the 3D view instead. Raises :class:`twin.closures.ClosureError` (German) if something is missing.
    """
    from twin.closures import ClosureError

    idx = street_index(project.store)
    keys = idx.match_streets(street)
    if not keys or keys[0] not in idx.by_street:
        raise ClosureError(f"Die Straße „{street}“ ist in den Katasterdaten nicht bekannt.")
    key = keys[0]
    ids = [i for i in idx.by_street[key] if idx.numbers[i]]
    ends = []
    for nr in (from_nr, to_nr):
        hit = [i for i in ids if number_key(idx.numbers[i]) == number_key(nr)]
        if not hit:
            raise ClosureError(f"Hausnummer {nr} gibt es in „{idx.names[key]}“ nicht.")
        ends.append(np.array(shapely.get_coordinates(shapely.centroid(idx.geoms[hit[0]]))[0]))
    pts = shapely.get_coordinates(shapely.centroid(np.array([idx.geoms[i] for i in ids], dtype=object)))
    centre = pts.mean(axis=0)
    axis = np.linalg.svd(pts - centre)[2][0] if len(pts) > 1 else ends[1] - ends[0]
    axis = axis / (np.linalg.norm(axis) or 1.0)
    a, b = (float(np.dot(e - centre, axis)) for e in ends)
    if abs(b - a) < 1.0:
        raise ClosureError("Von- und Bis-Hausnummer liegen an derselben Stelle; bitte zwei Punkte wählen.")
    return LineString([centre + axis * a, centre + axis * b])
