"""Layers of land management: inner-development candidates and, as personal data, their owner contacts."""

from __future__ import annotations

from twin.store.schema import Field, LayerSchema

BAULUECKE, UNTERGENUTZT, LEERSTAND, BRACHE = "Baulücke", "Untergenutzt", "Leerstand", "Brache"
KINDS = (BAULUECKE, UNTERGENUTZT, LEERSTAND, BRACHE)
#: status staff maintain (value -> German label); a new candidate is "ungeprueft"
STATUS = {"ungeprueft": "ungeprüft", "angefragt": "Eigentümer angefragt", "verfuegbar": "verfügbar",
          "nicht_verfuegbar": "nicht verfügbar"}
UNCHECKED = "ungeprueft"
#: colours of the 3D layer by status
STATUS_COLOURS = {"ungeprueft": "#9e9e9e", "angefragt": "#fdb863", "verfuegbar": "#1a9850",
                  "nicht_verfuegbar": "#7b3294"}  # purple, not the red of roofs
#: the fields staff maintain: a new search keeps them for candidates it finds again
MAINTAINED = ("status", "status_datum", "bemerkung", "freigegeben")

LAND_POTENTIAL = LayerSchema(
    name="land_potential",
    key="id",
    title="Innenentwicklungspotenzial",
    description="Baulücken, untergenutzte Flurstücke, Leerstände und Brachen mit Fläche und Status",
    geometry_type="MULTIPOLYGON",
    fields=(
        Field("id", "text", "Kennung"),
        Field("art", "text", "Art"),
        Field("flurstueckskennzeichen", "text", "Flurstück"),
        Field("gebaeude_id", "text", "Gebäude (Objektkennung)"),
        Field("lage", "text", "Lage"),
        Field("flaeche_m2", "real", "Fläche [m²]"),
        Field("ueberbauung", "real", "Überbauter Anteil"),
        Field("ueberbauung_umgebung", "real", "Überbauter Anteil der Umgebung (Median)"),
        Field("potenzial_m2", "real", "Zusätzliche Grundfläche bei Umgebungsdichte [m²]"),
        Field("status", "text", "Status"),
        Field("status_datum", "date", "Status seit"),
        Field("bemerkung", "text", "Bemerkung"),
        Field("quelle", "text", "Quelle"),
        Field("erfasst_am", "date", "Erfasst/ermittelt am"),
        Field("freigegeben", "boolean", "Für den Bürgerzwilling freigegeben"),
    ),
)

LAND_CONTACTS = LayerSchema(
    name="land_contacts",
    key="id",
    title="Eigentümerkontakte (personenbezogen)",
    description="Eigentümer und Kontakt je Potenzialfläche – personenbezogene Daten, nur im Verwaltungszwilling",
    geometry_type=None,
    personal=True,
    fields=(
        Field("id", "text", "Potenzialfläche"),
        Field("eigentuemer", "text", "Eigentümer"),
        Field("anschrift", "text", "Anschrift"),
        Field("kontakt", "text", "Kontakt (Telefon, E-Mail, Notiz)"),
        Field("quelle", "text", "Quelle"),
    ),
)
