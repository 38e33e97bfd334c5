"""Water meters (Wasserzähler): the meters, their readings and the households, and the meter change.

Three layers, split by what the role policy may show:

* ``water_meters`` – where a meter is, its type, installation/removal date and calibration
  (Eichung). Not personal: the Rat sees it aggregated per street, the Verwaltung edits it.
* ``meter_readings`` – readings with dates per meter (and customer number): consumption per
  household is personal data (``personal=True``).
* ``meter_customers`` – customer number and name of the household at a meter (``personal=True``).

Calibration validity (Eichfrist), as implemented here
------------------------------------------------------
Mess- und Eichverordnung (MessEV) Anlage 7: Kaltwasserzähler 6 Jahre, Warmwasserzähler 5 Jahre.
MessEV § 34 Abs. 1: the Eichfrist *begins at the end of the calendar year* in which the meter was
calibrated (or first placed on the market) – so it *ends at the end of a calendar year*:

    gültig bis = 31.12. (Eichjahr + Eichfrist in Jahren)

Example: a cold-water meter calibrated in March 2018 may be used until 31.12.2024 and is due for
exchange in 2024. The years per meter type are configurable (:data:`DEFAULT_EICHFRISTEN`, importer
option, profile TOML); a type not recognised gets no Eichfrist (reported, never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from twin.errors import StoreError
from twin.store import Feature
from twin.store.schema import Field, LayerSchema

WATER_METERS = LayerSchema(
    name="water_meters",
    key="zaehlernummer",
    title="Wasserzähler",
    description="Wasserzähler aus der Verbrauchsabrechnung: Standort, Zählerart, Einbau, Eichfrist",
    geometry_type="POINT",
    fields=(
        Field("zaehlernummer", "text", "Zählernummer"),
        Field("zaehlerart", "text", "Zählerart"),
        Field("status", "text", "Status"),
        Field("einbaudatum", "date", "Einbaudatum"),
        Field("ausbaudatum", "date", "Ausbaudatum"),
        Field("eichjahr", "integer", "Eichjahr"),
        Field("eichfrist_jahre", "integer", "Eichfrist [Jahre]"),
        Field("eichung_gueltig_bis", "date", "Eichung gültig bis"),
        Field("strasse", "text", "Straße"),
        Field("hausnummer", "text", "Hausnummer"),
        Field("flurstueckskennzeichen", "text", "Flurstück"),
        Field("lage_aus", "text", "Lage ermittelt aus"),
        Field("vorgaenger", "text", "Vorgänger (Altzähler)"),
        Field("nachfolger", "text", "Nachfolger (neuer Zähler)"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

METER_READINGS = LayerSchema(
    name="meter_readings",
    key="ablesung_id",
    title="Zählerstände (personenbezogen)",
    description="Zählerstände je Zähler und Datum – Verbrauch je Haushalt, nur im Verwaltungszwilling",
    geometry_type=None,
    personal=True,
    fields=(
        Field("ablesung_id", "text", "Ablesung"),
        Field("zaehlernummer", "text", "Zählernummer"),
        Field("ablesedatum", "date", "Ablesedatum"),
        Field("zaehlerstand_m3", "real", "Zählerstand [m³]"),
        Field("anlass", "text", "Anlass"),
        Field("kundennummer", "text", "Kundennummer"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

METER_CUSTOMERS = LayerSchema(
    name="meter_customers",
    key="kundennummer",
    title="Kunden Wasser (personenbezogen)",
    description="Haushalt/Kunde am Zähler – personenbezogene Daten, nur im Verwaltungszwilling",
    geometry_type=None,
    personal=True,
    fields=(
        Field("kundennummer", "text", "Kundennummer"),
        Field("name", "text", "Name"),
        Field("zaehlernummer", "text", "Zählernummer"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

INSTALLED, REMOVED = "eingebaut", "ausgebaut"
READING, REMOVAL, INSTALLATION = "Ablesung", "Ausbau", "Einbau"

#: Eichfrist in years per meter type (MessEV Anlage 7); keys are normalised type words
DEFAULT_EICHFRISTEN: dict[str, int] = {
    "kaltwasser": 6,
    "hauswasser": 6,
    "grosswasser": 6,
    "woltmann": 6,
    "verbund": 6,
    "gartenwasser": 6,
    "warmwasser": 5,
}


def type_word(zaehlerart: str) -> str:
    """A meter type for matching: lower case, umlauts and ß spelled out, no ``zähler``, letters only."""
    s = zaehlerart.strip().lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = re.sub(r"[^a-z]", "", s)
    return s.replace("zaehler", "")


def eichfrist_years(zaehlerart: str | None, table: Mapping[str, int] | None = None) -> int | None:
    """Eichfrist in years for a meter type (``Kaltwasserzähler``, ``Warmwasser``, ``Großwasserzähler`` …).

    ``table`` (type -> years) overrides and extends :data:`DEFAULT_EICHFRISTEN`; an exact match of the
    normalised type wins, then the longest table entry contained in it. None if nothing fits.
    """
    if not zaehlerart:
        return None
    merged = dict(DEFAULT_EICHFRISTEN)
    merged.update({type_word(k): int(v) for k, v in (table or {}).items()})
    w = type_word(zaehlerart)
    if w in merged:
        return merged[w]
    hits = [k for k in merged if k and k in w]
    return merged[max(hits, key=len)] if hits else None


def valid_until(eichjahr: int | None, years: int | None) -> date | None:
    """End of validity: 31.12. of (Eichjahr + Eichfrist) – the Eichfrist ends with a calendar year."""
    if eichjahr is None or years is None:
        return None
    return date(int(eichjahr) + int(years), 12, 31)


def reading_id(zaehlernummer: str, ablesedatum: date | str, anlass: str) -> str:
    """Natural key of a reading: meter, day and occasion (a re-import updates the same reading)."""
    d = ablesedatum.isoformat() if isinstance(ablesedatum, date) else str(ablesedatum)[:10]
    return f"{zaehlernummer}|{d}|{anlass}"


class MeterChangeError(StoreError, ValueError):
    """A meter change is not possible (unknown or removed old meter, new number in use); nothing written."""


def change_meter(project: Any, old_number: str, new_number: str, date: date, final_reading: float,
                 initial_reading: float = 0.0, actor: str = "system", *, zaehlerart: str | None = None,
                 eichjahr: int | None = None, eichfristen: Mapping[str, int] | None = None,
                 provenance_id: int | None = None) -> Feature:
    """Exchange a meter in one transaction: the old one out with its final reading, the new one in at the
    same place with its initial reading. Both meters' audit history records the change (who, when).

    The new meter takes the old one's location, address and parcel; its type is ``zaehlerart`` or the
    old one's, its Eichjahr ``eichjahr`` or the year of ``date`` (a new meter comes calibrated).
    Returns the new meter. Raises :class:`MeterChangeError` (German) if the change is impossible.
    """
    store = project.store
    old_number, new_number = str(old_number).strip(), str(new_number).strip()
    day = date
    if not old_number or not new_number or old_number == new_number:
        raise MeterChangeError("Für den Zählerwechsel braucht es zwei verschiedene Zählernummern.")
    if final_reading is None or final_reading < 0 or initial_reading is None or initial_reading < 0:
        raise MeterChangeError("Zählerstände beim Wechsel müssen Zahlen ≥ 0 sein.")
    with store.transaction():
        if not store.has_layer(WATER_METERS.name):
            raise MeterChangeError(f"Zähler '{old_number}' ist nicht im Datenbestand.", feature=old_number)
        store.create_layer(METER_READINGS)
        old = store.get(WATER_METERS.name, old_number)
        if old is None:
            raise MeterChangeError(f"Zähler '{old_number}' ist nicht im Datenbestand.", feature=old_number)
        if old.attrs.get("status") == REMOVED:
            raise MeterChangeError(f"Zähler '{old_number}' ist bereits ausgebaut "
                                   f"({old.attrs.get('ausbaudatum')}).", feature=old_number)
        if store.get(WATER_METERS.name, new_number) is not None:
            raise MeterChangeError(f"Die Zählernummer '{new_number}' ist bereits vergeben.", feature=new_number)
        einbau = old.attrs.get("einbaudatum")
        if einbau and str(einbau)[:10] > day.isoformat():
            raise MeterChangeError(f"Ausbaudatum {day.isoformat()} liegt vor dem Einbaudatum {einbau}.",
                                   feature=old_number)
        art = zaehlerart or old.attrs.get("zaehlerart")
        years = eichfrist_years(art, eichfristen)
        jahr = eichjahr if eichjahr is not None else day.year
        new_attrs = {**old.attrs, "zaehlernummer": new_number, "zaehlerart": art, "status": INSTALLED,
                     "einbaudatum": day, "ausbaudatum": None, "eichjahr": jahr, "eichfrist_jahre": years,
                     "eichung_gueltig_bis": valid_until(jahr, years), "vorgaenger": old_number,
                     "nachfolger": None, "source_file": None}
        old_attrs = {**old.attrs, "status": REMOVED, "ausbaudatum": day, "nachfolger": new_number}
        store.upsert(WATER_METERS.name, [Feature(old_attrs, old.geometry)], actor=actor,
                     provenance_id=provenance_id)
        store.upsert(WATER_METERS.name, [Feature(new_attrs, old.geometry)], actor=actor,
                     provenance_id=provenance_id)
        kunde = _customer_of(store, old_number)
        store.upsert(METER_READINGS.name, [
            Feature({"ablesung_id": reading_id(old_number, day, REMOVAL), "zaehlernummer": old_number,
                     "ablesedatum": day, "zaehlerstand_m3": float(final_reading), "anlass": REMOVAL,
                     "kundennummer": kunde}),
            Feature({"ablesung_id": reading_id(new_number, day, INSTALLATION), "zaehlernummer": new_number,
                     "ablesedatum": day, "zaehlerstand_m3": float(initial_reading), "anlass": INSTALLATION,
                     "kundennummer": kunde}),
        ], actor=actor, provenance_id=provenance_id)
        if kunde and store.has_layer(METER_CUSTOMERS.name):
            cust = store.get(METER_CUSTOMERS.name, kunde)
            if cust is not None and cust.attrs.get("zaehlernummer") == old_number:
                store.upsert(METER_CUSTOMERS.name, [Feature({**cust.attrs, "zaehlernummer": new_number})],
                             actor=actor, provenance_id=provenance_id)
    return store.get(WATER_METERS.name, new_number)


def _customer_of(store: Any, number: str) -> str | None:
    """The customer number of a meter's latest reading (None if unknown)."""
    if not store.has_layer(METER_READINGS.name):
        return None
    t = store.table(METER_READINGS.name)
    rows = [f for f in store.features(METER_READINGS.name, t.c.zaehlernummer == number) if f.attrs["kundennummer"]]
    if not rows:
        return None
    return max(rows, key=lambda f: str(f.attrs["ablesedatum"]))["kundennummer"]
