"""What staff enter and maintain: vacant buildings, brownfields, the status of a candidate, contacts, release."""

from __future__ import annotations

from datetime import date

import shapely
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from twin.errors import LandError
from twin.model.land_potential import BRACHE, LAND_CONTACTS, LAND_POTENTIAL, LEERSTAND, STATUS, UNCHECKED
from twin.model.buildings import BUILDINGS
from twin.model.cadastre import CADASTRE_BUILDINGS, PARCELS
from twin.project import Project
from twin.store import Feature, Store


def parse_status(value: str) -> str:
    """Status key from a key or its German label ('verfügbar' → 'verfuegbar')."""
    v = value.strip().lower()
    for key, label in STATUS.items():
        if v in (key, label.lower()):
            return key
    raise LandError(f"Unbekannter Status „{value}“. Möglich sind: {', '.join(STATUS.values())}.")


def set_status(project: Project, candidate_id: str, status: str, *, note: str | None = None,
               since: date | None = None, actor: str = "system") -> Feature:
    """Set the status (and optionally a note) of a candidate; the change goes to the audit history."""
    store = project.store
    f = _candidate(store, candidate_id)
    f.attrs.update(status=parse_status(status), status_datum=since or date.today())
    if note is not None:
        f.attrs["bemerkung"] = note.strip() or None
    store.upsert(LAND_POTENTIAL.name, [f], actor=actor)
    return f


def set_released(project: Project, candidate_id: str, released: bool, *, actor: str = "system") -> Feature:
    """Release a candidate to the Bürgerzwilling (or withdraw it)."""
    f = _candidate(project.store, candidate_id)
    f.attrs["freigegeben"] = bool(released)
    project.store.upsert(LAND_POTENTIAL.name, [f], actor=actor)
    return f


def add_vacancy(project: Project, building_id: str, since: date, source: str, *, note: str | None = None,
                actor: str = "system") -> Feature:
    """Record a vacant building (Leerstand) with the date it is known to be empty and the source."""
    if not source.strip():
        raise LandError("Für einen Leerstand fehlt die Quelle (z. B. „Begehung Bauamt“, „Meldung Eigentümer“).")
    store = project.store
    footprint, lage = _building(store, building_id)
    return _add(store, f"LS-{building_id}", LEERSTAND, footprint, since, source, note, actor,
                gebaeude_id=building_id, lage=lage, flurstueckskennzeichen=_parcel_at(store, footprint))


def add_brownfield(project: Project, name: str, polygon: BaseGeometry, since: date, source: str, *,
                   note: str | None = None, actor: str = "system") -> Feature:
    """Record a brownfield (Brache) drawn as a polygon in the project CRS."""
    if not source.strip():
        raise LandError("Für eine Brache fehlt die Quelle (z. B. „Brachflächenkataster 2025“).")
    if polygon is None or polygon.is_empty or polygon.area <= 0 or polygon.geom_type not in ("Polygon",
                                                                                             "MultiPolygon"):
        raise LandError(f"Die Brache „{name}“ braucht eine Fläche (Polygon) mit Inhalt.")
    if not polygon.is_valid:
        raise LandError(f"Die Fläche der Brache „{name}“ ist ungültig ({shapely.is_valid_reason(polygon)}).")
    project.check_extent(polygon.bounds)
    n = 1 + sum(1 for k in (project.store.keys(LAND_POTENTIAL.name) if project.store.has_layer(LAND_POTENTIAL.name)
                            else []) if k.startswith("BR-"))
    geom = polygon if isinstance(polygon, MultiPolygon) else MultiPolygon([polygon])
    return _add(project.store, f"BR-{n}", BRACHE, geom, since, source, note, actor, lage=name,
                flurstueckskennzeichen=_parcel_at(project.store, geom))


def set_contact(project: Project, candidate_id: str, *, owner: str | None = None, address: str | None = None,
                contact: str | None = None, actor: str = "system") -> Feature:
    """Enter or change the owner contact of a candidate (personal data; only in the Verwaltungszwilling)."""
    store = project.store
    _candidate(store, candidate_id)
    store.create_layer(LAND_CONTACTS)
    old = store.get(LAND_CONTACTS.name, candidate_id)
    attrs = dict(old.attrs) if old else {"id": candidate_id, "quelle": "Eingabe Verwaltung"}
    for name, v in (("eigentuemer", owner), ("anschrift", address), ("kontakt", contact)):
        if v is not None:
            attrs[name] = v.strip() or None
    f = Feature(attrs)
    store.upsert(LAND_CONTACTS.name, [f], actor=actor)
    return f


def _candidate(store: Store, candidate_id: str) -> Feature:
    f = store.get(LAND_POTENTIAL.name, candidate_id) if store.has_layer(LAND_POTENTIAL.name) else None
    if f is None:
        raise LandError(f"Keine Potenzialfläche „{candidate_id}“ im Datenbestand.")
    return f


def _add(store: Store, key: str, kind: str, geom: BaseGeometry, since: date, source: str, note: str | None,
         actor: str, **extra) -> Feature:
    store.create_layer(LAND_POTENTIAL)
    old = store.get(LAND_POTENTIAL.name, key)
    attrs = {"id": key, "art": kind, "flaeche_m2": round(float(geom.area), 1), "quelle": source.strip(),
             "erfasst_am": since, "bemerkung": note, "status": UNCHECKED, "status_datum": since,
             "freigegeben": False, **extra}
    if old is not None:  # entered again: keep what staff maintain
        attrs.update({k: old.attrs.get(k) for k in ("status", "status_datum", "freigegeben")})
    f = Feature(attrs, geom)
    store.upsert(LAND_POTENTIAL.name, [f], actor=actor)
    return f


def _building(store: Store, building_id: str) -> tuple[MultiPolygon, str | None]:
    for layer, addr in ((CADASTRE_BUILDINGS.name, "lagebezeichnung"), (BUILDINGS.name, "address")):
        if store.has_layer(layer):
            f = store.get(layer, building_id)
            if f is not None and f.geometry is not None:
                g = shapely.force_2d(f.geometry)
                return (g if isinstance(g, MultiPolygon) else MultiPolygon([g])), f.attrs.get(addr)
    raise LandError(f"Kein Gebäude „{building_id}“ im Datenbestand (ALKIS-Gebäude oder 3D-Gebäude).")


def _parcel_at(store: Store, geom: BaseGeometry) -> str | None:
    """Flurstückskennzeichen of the parcel under the geometry's inner point."""
    if not store.has_layer(PARCELS.name):
        return None
    p = geom.representative_point()
    for f in store.query_bbox(PARCELS.name, (p.x - 0.01, p.y - 0.01, p.x + 0.01, p.y + 0.01)):
        if f.geometry is not None and f.geometry.contains(p):
            return str(f.attrs[PARCELS.key])
    return None
