"""Front-desk information (Auskunft): "what is closed or under construction here today?" (no Qt).

:func:`search` takes what a citizen says on the phone – a street (``Hauptstraße``, ``hauptstr``), an
address (``Hauptstr. 12``) or a parcel (Flurstückskennzeichen ``091234001001200004__``, ``Flur 1
Flurstück 120/4``, ``120/4``) – finds the place in the cadastre (ALKIS parcels and buildings with their
Lagebezeichnung, 3D buildings with their address; never the water meters, whose addresses belong to
the billing system) and returns the closures for that day, each with a German one-line answer.

Which closures (see :data:`RADIUS_M`, :data:`STREET_RADIUS_M`, :data:`PLANNED_DAYS`):

* active on the day (``von ≤ Tag ≤ bis``, ``bis`` empty = bis auf Weiteres), and starting within the
  next 14 days (status ``geplant``);
* on the same street (the closure's ``strasse``, compared normalised), at any distance, or within
  150 m of the address/parcel (25 m of the houses of a searched street: cross streets at a junction,
  not the parallel street behind the gardens).

Street matching is fuzzy but deterministic (:mod:`twin.auskunft_index`): names are normalised (case,
umlauts, ß, ``Str.``/``Straße`` → ``str``, ``Pl.`` → ``platz``, spaces and punctuation dropped), then the
first level that finds something wins: exact, prefix, contained, similar spelling (difflib ratio ≥ 0.8).

Speed: the street index (all addresses and parcels with their geometry) is built once per store and
reused until the cadastre or buildings change; each question is then one attribute query on
``road_closures`` (dates) plus vectorised shapely distances – milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import shapely
import sqlalchemy as sa
from shapely.geometry.base import BaseGeometry

from twin.auskunft_index import (MAX_PLACES, StreetIndex, _kz_key, invalidate, number_key, split_address,
                                 street_index, street_key, street_names, street_segment)
from twin.model.closures import ACTIVE, PLANNED, ROAD_CLOSURES, as_date

__all__ = ["Auskunft", "Hit", "Place", "StreetIndex", "invalidate", "lookup", "search", "street_index",
           "street_key", "street_names", "street_segment"]

RADIUS_M = 150.0
STREET_RADIUS_M = 25.0
PLANNED_DAYS = 14


# ----------------------------------------------------------------- answers
@dataclass
class Place:
    """A found location: what was asked for, as a label, with its geometry and street keys."""

    label: str
    kind: str  # strasse | adresse | flurstueck
    geometry: BaseGeometry | None
    streets: tuple[str, ...]
    radius: float

    @property
    def xy(self) -> tuple[float, float] | None:
        if self.geometry is None:
            return None
        p = self.geometry.centroid if self.kind != "strasse" else shapely.point_on_surface(self.geometry)
        return float(p.x), float(p.y)


@dataclass
class Hit:
    """One closure for the asked place and day, with the German answer."""

    sperrung_id: str
    status: str  # aktiv | geplant
    art: str
    strasse: str | None
    von: date
    bis: date | None
    place: str
    on_street: bool
    distance_m: float | None
    text: str
    x: float
    y: float


@dataclass
class Auskunft:
    """The whole answer: the places found, the closures, and a German sentence when there is nothing."""

    query: str
    day: date
    places: list[Place]
    hits: list[Hit]
    message: str


def _d(day: date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else ""


def answer_text(a: dict[str, Any], status: str, section: str | None, distance: float | None,
                on_street: bool) -> str:
    """'Hauptstraße zwischen Nr. 10 und 24: Vollsperrung bis 30.11.2026 (Kanalbau), Umleitung über …'."""
    von, bis = as_date(a.get("von")), as_date(a.get("bis"))
    where = " ".join(x for x in (a.get("strasse"), section) if x) or "Ohne Straßenangabe"
    until = f"bis {_d(bis)}" if bis else "bis auf Weiteres"
    when = until if status == ACTIVE else f"geplant ab {_d(von)} {until}"
    text = f"{where}: {a.get('art') or 'Sperrung'} {when}"
    if a.get("grund"):
        text += f" ({a['grund']})"
    detour = (a.get("umleitung") or "").strip()
    if detour:
        text += f", Umleitung {detour}" if detour.lower().startswith(("über", "ueber")) else f", Umleitung: {detour}"
    if not on_street and distance is not None and distance >= 15:
        text += f" – ca. {int(round(distance, -1))} m entfernt"
    return text


def _places(idx: StreetIndex, text: str, extra: dict[str, str]) -> tuple[list[Place], str]:
    """The places a question names, and a note (German) when something was not found exactly."""
    t = text.strip()
    compact = re.sub(r"\s+", "", t)
    if re.fullmatch(r"\d{6}[\d_]{8,}", compact):
        hit = idx.parcels.get(_kz_key(compact))
        if hit is None:
            return [], f"Flurstück {t} ist im Datenbestand nicht vorhanden."
        return [_parcel_place(hit)], ""
    m = re.fullmatch(r"(?:gemarkung\s+\S+\s*,?\s*)?(?:flur\s*(\d+)\s*,?\s*)?(?:flurst(?:ück|ueck|\.)?|flst\.?|"
                     r"fl\.\s*st\.?)?\s*(\d+)(?:\s*/\s*(\d+))?", t, re.IGNORECASE)
    if m:
        nr = m[2] + (f"/{m[3]}" if m[3] else "")
        kzs = sorted(set(idx.parcel_numbers.get(f"{int(m[1])}:{nr}" if m[1] else nr, [])))
        if not kzs:
            flur = f" in Flur {int(m[1])}" if m[1] else ""
            return [], f"Flurstück {nr}{flur} ist im Datenbestand nicht vorhanden."
        places = [_parcel_place(idx.parcels[_kz_key(k)]) for k in kzs[:MAX_PLACES]]
        note = f"Flurstück {nr} gibt es {len(kzs)}-mal; bitte Flur oder Kennzeichen nennen." if len(kzs) > 1 else ""
        return places, note
    street, nr = split_address(t)
    keys = idx.match_streets(street, extra)
    if not keys:
        return [], f"„{t}“ wurde nicht gefunden (keine Straße, Adresse oder Flurstück dieses Namens)."
    note = ""
    if nr:
        for key in keys:
            ids = idx.by_address.get((key, number_key(nr)), [])
            if ids:
                geom = shapely.union_all([idx.geoms[i] for i in ids])
                return [Place(f"{idx.names.get(key, extra.get(key, key))} {nr}", "adresse", geom, (key,),
                              RADIUS_M)], ""
        note = f"Hausnummer {nr} nicht gefunden – Auskunft für die ganze Straße."
    places = []
    for key in keys:
        ids = idx.by_street.get(key, [])
        geom = shapely.geometrycollections([idx.geoms[i] for i in ids]) if ids else None
        places.append(Place(idx.names.get(key) or extra.get(key, key), "strasse", geom, (key,), STREET_RADIUS_M))
    return places, note


def _parcel_place(entry: tuple[str, str, BaseGeometry, str | None]) -> Place:
    kz, label, geom, lage = entry
    streets = tuple(dict.fromkeys(street_key(split_address(p)[0]) for p in (lage or "").split(";") if p.strip()))
    return Place(label, "flurstueck", geom, streets, RADIUS_M)


def _candidates(store: Any, day: date, planned_days: int) -> list[Any]:
    """Closures active on ``day`` or starting within ``planned_days`` (one attribute query)."""
    if not store.has_layer(ROAD_CLOSURES.name):
        return []
    t = store.table(ROAD_CLOSURES.name)
    horizon = (day + timedelta(days=planned_days)).isoformat()
    where = sa.and_(t.c.von <= horizon, sa.or_(t.c.bis.is_(None), t.c.bis >= day.isoformat()))
    return [f for f in store.features(ROAD_CLOSURES.name, where) if f.geometry is not None]


def lookup(project: Any, text: str, on: date | None = None, *, planned_days: int = PLANNED_DAYS) -> Auskunft:
    """The full answer for a question (places, closures, message); see :func:`search`."""
    day = on or date.today()
    store = project.store
    if not str(text or "").strip():
        return Auskunft(str(text or ""), day, [], [], "Bitte Straße, Adresse oder Flurstück eingeben.")
    idx = street_index(store)
    closures = _candidates(store, day, planned_days)
    extra = {street_key(c.attrs["strasse"]): c.attrs["strasse"] for c in closures if c.attrs.get("strasse")}
    places, note = _places(idx, text, extra)
    if not places:
        return Auskunft(text, day, [], [], note)
    best: dict[str, tuple[tuple, Hit]] = {}
    geoms = np.array([c.geometry for c in closures], dtype=object)
    for place in places:
        dist = (shapely.distance(geoms, place.geometry) if place.geometry is not None and len(geoms)
                else np.full(len(closures), np.nan))
        for c, d in zip(closures, dist.tolist()):
            a = c.attrs
            on_street = street_key(a.get("strasse") or "") in place.streets
            near = d == d and d <= place.radius
            if not (on_street or near):
                continue
            status = ACTIVE if as_date(a["von"]) <= day else PLANNED
            distance = None if d != d else float(d)
            mid = c.geometry.interpolate(0.5, normalized=True) if c.geometry.geom_type == "LineString" else \
                max(c.geometry.geoms, key=lambda g: g.length).interpolate(0.5, normalized=True)
            section = a.get("abschnitt") or idx.section(a.get("strasse"), c.geometry)
            hit = Hit(str(a["sperrung_id"]), status, a.get("art") or "", a.get("strasse"), as_date(a["von"]),
                      as_date(a.get("bis")), place.label, on_street, distance,
                      answer_text(a, status, section, distance, on_street), float(mid.x), float(mid.y))
            rank = (status != ACTIVE, not on_street, distance if distance is not None else 1e12,
                    hit.von, hit.sperrung_id)
            if hit.sperrung_id not in best or rank < best[hit.sperrung_id][0]:
                best[hit.sperrung_id] = (rank, hit)
    hits = [h for _, h in sorted(best.values(), key=lambda rh: rh[0])]
    if hits:
        message = note
    else:
        where = ", ".join(p.label for p in places)
        message = (f"Am {_d(day)} ist an {where} nichts gesperrt und keine Baustelle gemeldet; auch in den "
                   f"nächsten {planned_days} Tagen ist nichts geplant." + (f" {note}" if note else ""))
    return Auskunft(text, day, places, hits, message)


def search(project: Any, text: str, on: date | None = None) -> list[Hit]:
    """Closures active on ``on`` (default today) or starting within 14 days at the place ``text`` names.

    Active ones first, then those on the same street, then by distance. Each :class:`Hit` carries the
    German one-line answer (``hit.text``) for the switchboard.
    """
    return lookup(project, text, on).hits
