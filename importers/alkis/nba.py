"""NBA (Nutzerbezogene Bestandsdatenaktualisierung) / Benutzungsauftrag: deletes and replacements.

An NBA file is a ``wfs:Transaction``: ``wfs:Insert`` (new objects), ``wfsext:Replace`` (a new
version of an object; the old version is named by ``ogc:FeatureId fid=…``), ``wfs:Delete``
(``fid`` of the object to delete) and ``wfs:Update`` (with ``…/endet``: the object ended – for
the twin, which holds the current state, a delete as well). A feature id is the 16-character
Objektkennung, often followed by the version's timestamp.

The twin deletes the rows with that Objektkennung: parcels are keyed by flurstueckskennzeichen,
so they are looked up by their ``gml_id``; buildings, owners and land-register rows are keyed
by the Objektkennung itself. A replaced parcel whose new version has another
flurstueckskennzeichen loses its old row. All of this runs inside the import's transaction.
If one file both delivers and deletes an object, the later operation in the file wins.

An NBA carries only what changed: a replaced parcel comes without its (unchanged)
Lagebezeichnung, Gemarkung or use objects. Values derived from such objects are taken over
from the stored row instead of being emptied (:func:`keep_stored`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from importers.alkis.nas import Change, NASFile, NASObject
from importers.base import Problem
from twin.model.cadastre import CADASTRE_BUILDINGS, LAND_REGISTER, OWNERS, PARCELS
from twin.model.land_use import GROUPS, LAND_USE
from twin.store import Feature, LayerSchema, Store

#: object type -> layer whose rows carry that Objektkennung as their key
KEYED_BY_ID = {"AX_Gebaeude": CADASTRE_BUILDINGS.name, "AX_Person": OWNERS.name,
               "AX_Buchungsblatt": LAND_REGISTER.name, "AX_Buchungsstelle": LAND_REGISTER.name,
               "AX_Namensnummer": LAND_REGISTER.name, **dict.fromkeys(GROUPS, LAND_USE.name)}
_CHUNK = 500


@dataclass
class Deletions:
    """What an NBA file removes: Objektkennung -> object type (None if the file does not say)."""

    ids: dict[str, str | None] = field(default_factory=dict)
    #: replaced parcels: Objektkennung -> flurstueckskennzeichen of the new version
    replaced_parcels: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.ids or self.replaced_parcels)


def resolve(data: NASFile, problems: list[Problem]) -> Deletions:
    """The deletions of a file; objects deleted later in the same file are removed from ``data``."""
    out = Deletions()
    delivered: dict[str, int] = {}
    for objs in (data.parcels, data.buildings, data.persons, data.blaetter, data.stellen, data.namensnummern):
        for o in objs:
            delivered[o.gml_id] = max(delivered.get(o.gml_id, 0), o.line or 0)
    last_delete: dict[str, Change] = {}
    for c in data.changes:
        if c.op == "Update" and not c.ends:
            problems.append(Problem(f"wfs:Update von {c.type_name or 'Objekt'} ohne 'endet' wird nicht ausgewertet",
                                    c.line, c.object_id))
            continue
        if c.op == "Replace":
            if c.new_id and c.new_id != c.object_id:  # a new object in place of the old one
                last_delete[c.object_id] = c
            continue
        last_delete[c.object_id] = c
    for oid, c in last_delete.items():
        if delivered.get(oid, -1) < c.line:
            out.ids[oid] = c.type_name
    if out.ids:
        for name in ("parcels", "buildings", "persons", "blaetter", "stellen", "namensnummern"):
            setattr(data, name, [o for o in getattr(data, name) if o.gml_id not in out.ids])
    replaced = {c.new_id for c in data.changes if c.op == "Replace" and c.new_id}
    for o in data.parcels:
        fsk = o.attrs.get("flurstueckskennzeichen")
        if o.gml_id in replaced and fsk:
            out.replaced_parcels[o.gml_id] = fsk
    return out


def apply(store: Store, dels: Deletions, *, actor: str, provenance_id: int) -> dict[str, int]:
    """Delete the rows (inside the caller's transaction); returns deleted rows per layer."""
    counts: dict[str, int] = {}
    if not dels:
        return counts
    if store.has_layer(PARCELS.name):
        ids = [i for i, t in dels.ids.items() if t in (None, "AX_Flurstueck")] + list(dels.replaced_parcels)
        col = store.table(PARCELS.name).c.gml_id
        keys = []
        for i in range(0, len(ids), _CHUNK):
            for f in store.features(PARCELS.name, where=col.in_(ids[i:i + _CHUNK])):
                gid, key = f.attrs["gml_id"], f.attrs[PARCELS.key]
                if gid in dels.ids or dels.replaced_parcels.get(gid, key) != key:
                    keys.append(key)
        if keys:
            counts[PARCELS.name] = store.delete(PARCELS.name, keys, actor=actor, provenance_id=provenance_id)
    by_layer: dict[str, list[str]] = {}
    for oid, t in dels.ids.items():
        layers = {KEYED_BY_ID[t]} if t in KEYED_BY_ID else set(KEYED_BY_ID.values()) if t is None else set()
        for layer in layers:
            by_layer.setdefault(layer, []).append(oid)
    for layer, ids in by_layer.items():
        if store.has_layer(layer):
            n = store.delete(layer, ids, actor=actor, provenance_id=provenance_id)
            if n:
                counts[layer] = counts.get(layer, 0) + n
    return counts


def _has_refs(o: NASObject | None, props: tuple[str, ...]) -> bool:
    return o is not None and any(o.refs.get(p) for p in props)


def parcel_gaps(parcels: list[Feature], coverage: list[float], data: NASFile) -> dict[str, set[str]]:
    """Per parcel key: fields whose source objects are not in the file (Nutzung: < 99 % covered)."""
    by_id = {o.gml_id: o for o in data.parcels}
    out: dict[str, set[str]] = {}
    for f, cov in zip(parcels, coverage):
        a, gaps = f.attrs, set()
        if cov < 0.99:
            gaps.add("nutzung")
        if a["lagebezeichnung"] is None and _has_refs(by_id.get(a["gml_id"]), ("weistAuf", "zeigtAuf")):
            gaps.add("lagebezeichnung")
        if a["gemarkung_name"] is None and a["gemarkung"]:
            gaps.add("gemarkung_name")
        if gaps:
            out[a[PARCELS.key]] = gaps
    return out


def building_gaps(buildings: list[Feature], data: NASFile) -> dict[str, set[str]]:
    """Per building key: a Lagebezeichnung referenced but not in the file."""
    by_id = {o.gml_id: o for o in data.buildings}
    return {f.attrs["gml_id"]: {"lagebezeichnung"} for f in buildings
            if f.attrs["lagebezeichnung"] is None and _has_refs(by_id.get(f.attrs["gml_id"]), ("zeigtAuf", "hat"))}


def keep_stored(store: Store, schema: LayerSchema, features: list[Feature], gaps: dict[str, set[str]]) -> None:
    """Fill the gap fields of ``features`` from the stored rows with the same key (if any)."""
    if not gaps or not store.has_layer(schema.name):
        return
    by_key = {f.attrs[schema.key]: f for f in features}
    col = store.table(schema.name).c[schema.key]
    keys = list(gaps)
    for i in range(0, len(keys), _CHUNK):
        for old in store.features(schema.name, where=col.in_(keys[i:i + _CHUNK])):
            k = old.attrs[schema.key]
            for name in gaps[k]:
                by_key[k].attrs[name] = old.attrs.get(name)
