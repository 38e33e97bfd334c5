"""Field work (Feldarbeit): water-supply work orders, the field packages issued and the sync conflicts.

* ``water_work_orders`` – Arbeitsaufträge der Wasserversorgung (Rohrbruch, Hausanschluss, Schieber …),
  created in the office or on a tablet, worked on in the field.
* ``field_packages`` – every package exported for a field team: team, area, who and when, and the sync
  state (number of the last synced tablet state; its file is ``feld/<paket>/stand_<n>.gpkg``).
* ``field_conflicts`` – what a sync could not merge on its own: the same field changed in the office and on
  the tablet, a deletion on the tablet, a key used twice, a meter change that is no longer possible. Each
  row keeps base, office and tablet values until someone resolves it explicitly. It may hold meter
  readings, so it is personal data (Verwaltung only).
"""

from twin.store.schema import Field, LayerSchema

WATER_WORK_ORDERS = LayerSchema(
    name="water_work_orders",
    key="auftragsnummer",
    title="Arbeitsaufträge Wasserversorgung",
    description="Arbeiten am Wasserversorgungsnetz: Auftrag, Art, Status, Ergebnis; im Feld bearbeitet",
    geometry_type="POINT",
    fields=(
        Field("auftragsnummer", "text", "Auftragsnummer"),
        Field("art", "text", "Art der Arbeit"),
        Field("status", "text", "Status"),
        Field("beschreibung", "text", "Beschreibung"),
        Field("strasse", "text", "Straße"),
        Field("hausnummer", "text", "Hausnummer"),
        Field("faellig_am", "date", "Fällig am"),
        Field("erledigt_am", "date", "Erledigt am"),
        Field("bearbeiter", "text", "Bearbeiter/in"),
        Field("ergebnis", "text", "Ergebnis / Bemerkung"),
        Field("foto", "text", "Foto"),
    ),
)

FIELD_PACKAGES = LayerSchema(
    name="field_packages",
    key="paket_id",
    title="Feldpakete",
    description="Für Feldteams ausgegebene Pakete (QField) mit Bereich und Synchronisationsstand",
    geometry_type="POLYGON",
    fields=(
        Field("paket_id", "text", "Paket-ID"),
        Field("team", "text", "Feldteam"),
        Field("titel", "text", "Titel"),
        Field("erstellt_am", "datetime", "Erstellt am"),
        Field("erstellt_von", "text", "Erstellt von"),
        Field("paketformat", "integer", "Paketformat"),
        Field("ebenen", "json", "Ebenen mit Spalten"),
        Field("fid_zuordnung", "json", "Zeilennummern im Paket (höchste beim Export, neue vom Tablet)"),
        Field("stand", "integer", "Synchronisierter Stand"),
        Field("zuletzt_synchronisiert", "datetime", "Zuletzt synchronisiert"),
        Field("synchronisationen", "integer", "Anzahl Synchronisationen"),
    ),
)

FIELD_CONFLICTS = LayerSchema(
    name="field_conflicts",
    key="konflikt_id",
    title="Konflikte aus der Feldsynchronisation",
    description="Nicht automatisch zusammenführbare Änderungen: Basis-, Büro- und Tabletwert, bis zur "
                "ausdrücklichen Entscheidung",
    geometry_type=None,
    personal=True,
    fields=(
        Field("konflikt_id", "text", "Konflikt-ID"),
        Field("paket_id", "text", "Paket-ID"),
        Field("stand", "integer", "Stand des Tablets"),
        Field("art", "text", "Art"),
        Field("layer", "text", "Layer"),
        Field("objekt", "text", "Objekt (Schlüssel)"),
        Field("feld", "text", "Feld"),
        Field("wert_basis", "json", "Wert beim Export"),
        Field("wert_buero", "json", "Wert im Büro"),
        Field("wert_tablet", "json", "Wert auf dem Tablet"),
        Field("daten_tablet", "json", "Daten vom Tablet (ganzer Datensatz)"),
        Field("meldung", "text", "Meldung"),
        Field("bearbeitet_von", "text", "Auf dem Tablet bearbeitet von"),
        Field("bearbeitet_am", "text", "Auf dem Tablet bearbeitet am"),
        Field("status", "text", "Status"),
        Field("entscheidung", "text", "Entscheidung"),
        Field("entschieden_von", "text", "Entschieden von"),
        Field("entschieden_am", "datetime", "Entschieden am"),
    ),
)

OPEN, RESOLVED = "offen", "entschieden"
#: conflict kinds
FIELD_VALUE, DELETION, KEY_TAKEN, METER_CHANGE, GONE = "feld", "loeschung", "schluessel", "zaehlerwechsel", "entfernt"
