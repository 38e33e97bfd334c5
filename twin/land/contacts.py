"""Owner contacts of candidate parcels from the ALKIS owner data (personal data, Verwaltung only).

ALKIS links a parcel to its owners through the land register: AX_Buchungsstelle (lists the parcels) →
AX_Buchungsblatt ← AX_Namensnummer (one per owner share) → AX_Person (name, address).
"""

from __future__ import annotations

from twin.model.cadastre import LAND_REGISTER, OWNERS, PARCELS
from twin.store import Feature, Store


def owner_contacts(store: Store, parcels_of: dict[str, str | None]) -> list[Feature]:
    """One contact row per candidate id whose parcel (Flurstückskennzeichen) has owners in the store."""
    if not (store.has_layer(OWNERS.name) and store.has_layer(LAND_REGISTER.name) and parcels_of):
        return []
    gml_of = {str(f.attrs[PARCELS.key]): f.attrs.get("gml_id")
              for f in store.features(PARCELS.name, store.table(PARCELS.name).c[PARCELS.key].in_(
                  [k for k in parcels_of.values() if k]))}
    sheets_of: dict[str, set[str]] = {}
    persons_of_sheet: dict[str, list[str]] = {}
    for r in store.features(LAND_REGISTER.name):
        a = r.attrs
        if a.get("objektart") == "AX_Buchungsstelle" and a.get("buchungsblatt_id"):
            for pid in a.get("flurstueck_ids") or []:
                sheets_of.setdefault(str(pid), set()).add(str(a["buchungsblatt_id"]))
        elif a.get("objektart") == "AX_Namensnummer" and a.get("person_id") and a.get("buchungsblatt_id"):
            persons_of_sheet.setdefault(str(a["buchungsblatt_id"]), []).append(str(a["person_id"]))
    people = {str(f.attrs["gml_id"]): f.attrs for f in store.features(OWNERS.name)}
    out = []
    for cid, fsk in sorted(parcels_of.items()):
        gml = gml_of.get(str(fsk)) if fsk else None
        ids: list[str] = []
        for sheet in sorted(sheets_of.get(str(gml), ())):
            ids += [p for p in persons_of_sheet.get(sheet, []) if p not in ids]
        found = [people[p] for p in ids if p in people]
        if not found:
            continue
        names = "; ".join(_name(p) for p in found)
        addresses = "; ".join(dict.fromkeys(str(p.get("anschrift")) for p in found if p.get("anschrift")))
        out.append(Feature({"id": cid, "eigentuemer": names, "anschrift": addresses or None, "kontakt": None,
                            "quelle": "ALKIS (Eigentümer)"}))
    return out


def _name(p: dict) -> str:
    first = p.get("vorname")
    return f"{p.get('nachname_oder_firma')}, {first}" if first else str(p.get("nachname_oder_firma"))

