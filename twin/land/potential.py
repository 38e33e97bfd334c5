"""Inner-development potential from the data in the store: vacant building plots and under-used parcels.

* **Baulücke** – a parcel that lies in built-up land (at least ``bauflaeche_anteil`` of it covered by
  ALKIS use objects of the Bauflächen: Wohnbau, gemischte Nutzung, Industrie/Gewerbe, besondere
  funktionale Prägung) and carries no main building (footprints of at least ``hauptgebaeude_min_m2``
  on the parcel; garages, garden houses, sheds and transformers do not count), between
  ``bauluecke_min_m2`` and ``bauluecke_max_m2`` in size.
* **Untergenutzt** – a built-up parcel of at least ``untergenutzt_min_m2`` whose built-over share
  (footprint area on the parcel / parcel area) is below ``untergenutzt_faktor`` times the median of the
  built parcels in its neighbourhood (centroids within ``umgebung_radius_m``; at least
  ``umgebung_min_flurstuecke`` of them). ``potenzial_m2`` is the footprint it would add at the median.

Vacant buildings and brownfields are entered by staff (:mod:`twin.land.register`). A new search keeps
what staff maintain (status, its date, note, release) for candidates it finds again and removes the
computed candidates it no longer finds, all in one transaction; the owner contacts of vacant plots
come from the ALKIS owner data where the store has them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import shapely

from twin.cancel import cancel_fn
from twin.errors import Cancelled, LandError
from twin.land.contacts import owner_contacts
from twin.model.land_potential import BAULUECKE, LAND_CONTACTS, LAND_POTENTIAL, MAINTAINED, UNCHECKED, UNTERGENUTZT
from twin.land.thresholds import Thresholds
from twin.model.buildings import BUILDINGS
from twin.model.cadastre import CADASTRE_BUILDINGS, PARCELS
from twin.model.land_use import BUILT_UP, LAND_USE
from twin.project import Project
from twin.store import Feature, Store

#: ALKIS Gebäudefunktion of buildings that do not make a plot built (Gartenhaus, Garage, Tiefgarage,
#: Umformer, Schuppen)
ACCESSORY = frozenset({"1313", "2463", "2465", "2523", "2723"})
COMPUTED = (BAULUECKE, UNTERGENUTZT)


@dataclass
class SearchResult:
    """What a search found and wrote."""

    candidates: list[Feature]
    counts: dict[str, int] = field(default_factory=dict)
    removed: int = 0
    parcels: int = 0
    building_source: str = ""


def find_candidates(store: Store, thresholds: Thresholds | None = None,
                    progress: Callable[[float, str], None] | None = None, cancel: Any = None) -> SearchResult:
    """Vacant plots and under-used parcels (not written; see :func:`update_candidates`). ``cancel``: a callable
    or a token with ``cancelled`` (:func:`twin.cancel.cancel_fn`); raises :class:`twin.errors.Cancelled`."""
    t = thresholds or Thresholds()
    progress = progress or (lambda f, m: None)
    stop = cancel_fn(cancel)
    parcels, uses, buildings, source = _inputs(store)
    progress(0.1, "Verschneide Flurstücke mit Nutzung und Gebäuden …")
    geoms = np.array([f.geometry for f in parcels], dtype=object)
    area = shapely.area(geoms)
    built_up = _covered(geoms, [u.geometry for u in uses if u.attrs.get("objektart") in BUILT_UP]) / area
    cover, main = _buildings_on(geoms, buildings, t.hauptgebaeude_min_m2)
    if stop():
        raise Cancelled()
    progress(0.5, "Vergleiche mit der Umgebung …")
    in_town = built_up >= t.bauflaeche_anteil
    ratio = cover / area
    built = in_town & (main > 0)
    near_of = _neighbours(shapely.point_on_surface(geoms), built, t.umgebung_radius_m)
    today = date.today()
    out: list[Feature] = []
    for i, f in enumerate(parcels):
        a = f.attrs
        base = {"flurstueckskennzeichen": a.get(PARCELS.key), "lage": a.get("lagebezeichnung"),
                "flaeche_m2": round(float(area[i]), 1), "ueberbauung": round(float(ratio[i]), 3),
                "status": UNCHECKED, "erfasst_am": today, "freigegeben": False,
                "quelle": "ermittelt aus ALKIS (Flurstücke, Nutzung, Gebäude)"}
        if in_town[i] and main[i] == 0 and t.bauluecke_min_m2 <= area[i] <= t.bauluecke_max_m2:
            out.append(Feature({"id": f"BL-{a[PARCELS.key]}", "art": BAULUECKE, **base}, f.geometry))
        elif built[i] and area[i] >= t.untergenutzt_min_m2:
            near = ratio[near_of.get(i, [])]
            if len(near) < t.umgebung_min_flurstuecke:
                continue
            median = float(np.median(near))
            if ratio[i] < t.untergenutzt_faktor * median:
                out.append(Feature({"id": f"UG-{a[PARCELS.key]}", "art": UNTERGENUTZT, **base,
                                    "ueberbauung_umgebung": round(median, 3),
                                    "potenzial_m2": round((median - float(ratio[i])) * float(area[i]), 1)},
                                   f.geometry))
        if i % 200 == 0:
            progress(0.5 + 0.4 * i / max(len(parcels), 1), "Vergleiche mit der Umgebung …")
            if stop():
                raise Cancelled()
    counts = {k: sum(1 for c in out if c.attrs["art"] == k) for k in COMPUTED}
    return SearchResult(out, counts, parcels=len(parcels), building_source=source)


def update_candidates(project: Project, thresholds: Thresholds | None = None, *, actor: str = "system",
                      progress: Callable[[float, str], None] | None = None, cancel: Any = None) -> SearchResult:
    """Search and write the computed candidates in one transaction, keeping what staff maintain; a cancel
    before the write leaves the store untouched."""
    store = project.store
    result = find_candidates(store, thresholds, progress, cancel)
    if cancel_fn(cancel)():
        raise Cancelled()
    store.create_layer(LAND_POTENTIAL)
    store.create_layer(LAND_CONTACTS)
    with store.transaction():
        old = {str(f.attrs["id"]): f for f in store.features(LAND_POTENTIAL.name)}
        for c in result.candidates:
            before = old.get(c.attrs["id"])
            if before is not None:
                for name in (*MAINTAINED, "erfasst_am"):
                    c.attrs[name] = before.attrs.get(name)
        found = {c.attrs["id"] for c in result.candidates}
        stale = [k for k, f in old.items() if f.attrs.get("art") in COMPUTED and k not in found]
        if stale:
            result.removed = store.delete(LAND_POTENTIAL.name, stale, actor=actor)
            store.delete(LAND_CONTACTS.name, stale, actor=actor)
        store.upsert(LAND_POTENTIAL.name, result.candidates, actor=actor)
        contacts = owner_contacts(store, {c.attrs["id"]: c.attrs["flurstueckskennzeichen"]
                                          for c in result.candidates})
        known = set(store.keys(LAND_CONTACTS.name))
        fresh = [c for c in contacts if c.attrs["id"] not in known]  # staff-edited contacts stay as they are
        if fresh:
            store.upsert(LAND_CONTACTS.name, fresh, actor=actor)
    if progress:
        progress(1.0, "Potenzialflächen ermittelt")
    return result


def _inputs(store: Store) -> tuple[list[Feature], list[Feature], list[tuple[str | None, object]], str]:
    """Parcels, use objects and (function, footprint) of buildings; a German error names what is missing."""
    missing = []
    if not store.has_layer(PARCELS.name) or store.count(PARCELS.name) == 0:
        missing.append("Flurstücke (ALKIS: AX_Flurstueck oder ein flacher Katasterauszug)")
    if not store.has_layer(LAND_USE.name) or store.count(LAND_USE.name) == 0:
        missing.append("Tatsächliche Nutzung (ALKIS-NAS mit AX_Wohnbauflaeche, AX_FlaecheGemischterNutzung …)")
    has_cadastre = store.has_layer(CADASTRE_BUILDINGS.name) and store.count(CADASTRE_BUILDINGS.name) > 0
    has_3d = store.has_layer(BUILDINGS.name) and store.count(BUILDINGS.name) > 0
    if not has_cadastre and not has_3d:
        missing.append("Gebäude (ALKIS: AX_Gebaeude, oder 3D-Gebäude aus CityGML/CityJSON)")
    if missing:
        raise LandError("Für die Suche nach Baulücken und untergenutzten Flurstücken fehlen im Datenbestand: "
                        + "; ".join(missing) + ". Bitte zuerst importieren.")
    parcels = [f for f in store.features(PARCELS.name) if f.geometry is not None and f.geometry.area > 0]
    uses = [f for f in store.features(LAND_USE.name) if f.geometry is not None]
    blds, sources = [], []
    if has_cadastre:  # both sources where both exist: a house missing in one of them still counts
        blds += [(f.attrs.get("gebaeudefunktion"), f.geometry) for f in store.features(CADASTRE_BUILDINGS.name)]
        sources.append("ALKIS-Gebäude")
    if has_3d:  # CityGML function "31001_2463" is ALKIS Gebäudefunktion 2463
        blds += [(str(f.attrs.get("function") or "").rsplit("_", 1)[-1] or None, f.geometry)
                 for f in store.features(BUILDINGS.name)]
        sources.append("3D-Gebäude (Grundrisse)")
    source = " und ".join(sources)
    return parcels, uses, [b for b in blds if b[1] is not None], source


def _neighbours(centres: np.ndarray, built: np.ndarray, radius: float) -> dict[int, np.ndarray]:
    """Per built parcel the other built parcels whose inner point lies within ``radius`` (one tree query)."""
    idx = np.flatnonzero(built)
    if len(idx) == 0:
        return {}
    a, b = shapely.STRtree(centres[idx]).query(centres[idx], predicate="dwithin", distance=radius)
    keep = a != b
    a, b = idx[a[keep]], idx[b[keep]]
    order = np.argsort(a, kind="stable")
    a, b = a[order], b[order]
    starts = np.flatnonzero(np.r_[True, a[1:] != a[:-1]]) if len(a) else np.zeros(0, dtype=np.int64)
    return {int(a[s]): part for s, part in zip(starts, np.split(b, starts[1:]))}


def _covered(geoms: np.ndarray, covers: list) -> np.ndarray:
    """Area of each geometry covered by the (non-overlapping) ``covers``."""
    out = np.zeros(len(geoms))
    if not covers:
        return out
    tree = shapely.STRtree(covers)
    gi, ci = tree.query(geoms, predicate="intersects")
    parts = shapely.area(shapely.intersection(geoms[gi], np.array(covers, dtype=object)[ci]))
    np.add.at(out, gi, parts)
    return out


def _buildings_on(geoms: np.ndarray, buildings: list[tuple[str | None, object]],
                  min_main: float) -> tuple[np.ndarray, np.ndarray]:
    """Per parcel the footprint area on it and the number of main buildings with at least ``min_main`` m² on it."""
    cover = np.zeros(len(geoms))
    main = np.zeros(len(geoms), dtype=np.int64)
    if not buildings:
        return cover, main
    feet = np.array([b[1] for b in buildings], dtype=object)
    accessory = np.array([b[0] in ACCESSORY for b in buildings])
    tree = shapely.STRtree(feet)
    gi, bi = tree.query(geoms, predicate="intersects")
    parts = shapely.area(shapely.intersection(geoms[gi], feet[bi]))
    np.add.at(cover, gi, parts)
    np.add.at(main, gi, ((parts >= min_main) & ~accessory[bi]).astype(np.int64))
    return cover, main
