"""Cadastre (ALKIS): parcels, building footprints and – as personal data – owners and land register."""

from twin.store.schema import Field, LayerSchema

PARCELS = LayerSchema(
    name="parcels",
    key="flurstueckskennzeichen",
    title="Flurstücke",
    description="Flurstücke aus ALKIS (NAS) oder flachen Katasterauszügen",
    geometry_type="MULTIPOLYGON",
    fields=(
        Field("flurstueckskennzeichen", "text", "Flurstückskennzeichen"),
        Field("land", "text", "Land"),
        Field("gemarkung", "text", "Gemarkungsnummer"),
        Field("gemarkung_name", "text", "Gemarkung"),
        Field("flur", "integer", "Flur"),
        Field("zaehler", "integer", "Zähler"),
        Field("nenner", "text", "Nenner"),
        Field("flurstuecksnummer", "text", "Flurstücksnummer"),
        Field("amtliche_flaeche", "real", "Amtliche Fläche [m²]"),
        Field("berechnete_flaeche", "real", "Berechnete Fläche [m²]"),
        Field("lagebezeichnung", "text", "Lage"),
        Field("nutzung", "text", "Tatsächliche Nutzung"),
        Field("gml_id", "text", "gml:id / Objektkennung"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

CADASTRE_BUILDINGS = LayerSchema(
    name="cadastre_buildings",
    key="gml_id",
    title="Gebäude (ALKIS)",
    description="Gebäudegrundrisse aus ALKIS mit dekodierter Gebäudefunktion",
    geometry_type="MULTIPOLYGON",
    fields=(
        Field("gml_id", "text", "Objektkennung"),
        Field("gebaeudefunktion", "text", "Gebäudefunktion (Schlüssel)"),
        Field("gebaeudefunktion_text", "text", "Gebäudefunktion"),
        Field("name", "text", "Name"),
        Field("geschosse", "integer", "Oberirdische Geschosse"),
        Field("lagebezeichnung", "text", "Lage"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

OWNERS = LayerSchema(
    name="owners",
    key="gml_id",
    title="Eigentümer (personenbezogen)",
    description="AX_Person aus ALKIS – personenbezogene Daten, nur im Verwaltungszwilling",
    geometry_type=None,
    personal=True,
    fields=(
        Field("gml_id", "text", "Objektkennung"),
        Field("nachname_oder_firma", "text", "Nachname oder Firma"),
        Field("vorname", "text", "Vorname"),
        Field("geburtsname", "text", "Geburtsname"),
        Field("geburtsdatum", "date", "Geburtsdatum"),
        Field("anschrift", "text", "Anschrift"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

LAND_REGISTER = LayerSchema(
    name="land_register",
    key="gml_id",
    title="Buchungen (personenbezogen)",
    description="AX_Buchungsblatt, AX_Buchungsstelle und AX_Namensnummer: wem welches Flurstück gehört",
    geometry_type=None,
    personal=True,
    fields=(
        Field("gml_id", "text", "Objektkennung"),
        Field("objektart", "text", "Objektart"),
        Field("buchungsblattkennzeichen", "text", "Buchungsblatt"),
        Field("laufende_nummer", "text", "Laufende Nummer"),
        Field("anteil", "text", "Anteil"),
        Field("person_id", "text", "Person (Objektkennung)"),
        Field("buchungsblatt_id", "text", "Buchungsblatt (Objektkennung)"),
        Field("flurstueck_ids", "json", "Flurstücke (Objektkennungen)"),
        Field("source_file", "text", "Quelldatei"),
    ),
)
