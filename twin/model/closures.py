"""Road closures (Verkehrssperrungen) and their detours, for the front-desk information (Auskunft).

Two layers:

* ``road_closures`` – the closed road section as a line (LineString in, stored as MultiLineString so
  that a closure of two arms of a junction is one object), with the kind (``art``), reason, street,
  the dates and the detour as text. The answer the switchboard reads is built from these fields.
* ``road_closure_detours`` – the detour route as a line, one per closure (same key ``sperrung_id``),
  optional. A second geometry layer rather than a WKT text field: QGIS and QField show and edit it as
  a normal line layer, and the 3D view draws it with the closure.

Dates: ``von`` is the first day, ``bis`` the last day of the closure (inclusive); ``bis`` empty means
"bis auf Weiteres". The status (geplant / aktiv / beendet) is *not stored* – it depends on the day
asked about and is derived by :func:`closure_status`.

No personal data: ``zustaendig`` names an office (Stelle, e.g. "Bauamt – Tiefbau"), never a person.
``bemerkung_intern`` is an internal note of the administration; its title says so, and the role
policy hides it from the Rats- and Bürgerzwilling. The Auskunft never shows it.
"""

from __future__ import annotations

from datetime import date

from twin.store.schema import Field, LayerSchema

#: the kinds of closure the editor offers (free text is allowed; these get their own colour)
ARTEN = ("Vollsperrung", "Teilsperrung", "Baustelle", "Halteverbot", "Einbahnregelung", "Veranstaltung")

ROAD_CLOSURES = LayerSchema(
    name="road_closures",
    key="sperrung_id",
    title="Verkehrssperrungen",
    description="Straßensperrungen, Baustellen und Halteverbote mit Zeitraum und Umleitung "
                "(Status geplant/aktiv/beendet ergibt sich aus den Daten)",
    geometry_type="MULTILINESTRING",
    fields=(
        Field("sperrung_id", "text", "Sperrungsnummer"),
        Field("art", "text", "Art (Vollsperrung, Teilsperrung, Baustelle, Halteverbot …)"),
        Field("grund", "text", "Grund"),
        Field("strasse", "text", "Straße"),
        Field("abschnitt", "text", "Abschnitt (z. B. zwischen Nr. 10 und 24)"),
        Field("von", "date", "Von (erster Tag)"),
        Field("bis", "date", "Bis (letzter Tag, leer = bis auf Weiteres)"),
        Field("umleitung", "text", "Umleitung"),
        Field("zustaendig", "text", "Zuständige Stelle"),
        Field("bemerkung_intern", "text", "Interne Bemerkung (nur Verwaltung)"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

ROAD_CLOSURE_DETOURS = LayerSchema(
    name="road_closure_detours",
    key="sperrung_id",
    title="Verkehrssperrungen: Umleitungen",
    description="Umleitungsstrecke je Sperrung (Schlüssel = Sperrungsnummer)",
    geometry_type="MULTILINESTRING",
    fields=(
        Field("sperrung_id", "text", "Sperrungsnummer"),
        Field("beschreibung", "text", "Umleitung"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

CLOSURE_LAYERS = (ROAD_CLOSURES, ROAD_CLOSURE_DETOURS)

PLANNED, ACTIVE, ENDED = "geplant", "aktiv", "beendet"


def as_date(value: object) -> date | None:
    """A stored date value ('2026-11-30', a date, None) as a date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def closure_status(von: object, bis: object, day: date) -> str:
    """geplant (starts after ``day``), aktiv (von ≤ day ≤ bis or bis open) or beendet (bis < day)."""
    start, end = as_date(von), as_date(bis)
    if start is not None and day < start:
        return PLANNED
    if end is not None and day > end:
        return ENDED
    return ACTIVE
