"""Tree cadastre (Baumkataster) with FLL inspection fields."""

from twin.store.schema import Field, LayerSchema

TREES = LayerSchema(
    name="trees",
    key="baumnummer",
    title="Bäume",
    description="Baumkataster mit Kontrolldaten nach FLL-Baumkontrollrichtlinie",
    geometry_type="POINT",
    fields=(
        Field("baumnummer", "text", "Baumnummer"),
        Field("gattung", "text", "Gattung (botanisch)"),
        Field("art", "text", "Art (botanisch)"),
        Field("art_deutsch", "text", "Art (deutsch)"),
        Field("baumhoehe_m", "real", "Baumhöhe [m]"),
        Field("kronendurchmesser_m", "real", "Kronendurchmesser [m]"),
        Field("kronenansatz_m", "real", "Kronenansatzhöhe [m]"),
        Field("stammumfang_cm", "real", "Stammumfang [cm]"),
        Field("pflanzjahr", "integer", "Pflanzjahr"),
        Field("vitalitaet", "text", "Vitalität"),
        Field("verkehrssicherheit", "text", "Verkehrssicherheit"),
        Field("letzte_kontrolle", "date", "Letzte Kontrolle"),
        Field("naechste_kontrolle", "date", "Nächste Kontrolle"),
        Field("kontrollintervall_monate", "integer", "Kontrollintervall [Monate]"),
        Field("kontrollbemerkung", "text", "Kontrollbemerkung"),
        Field("kontrolleur", "text", "Kontrolleur/in"),
        Field("befund", "text", "Befund (Schadsymptome)"),
        Field("massnahmen", "text", "Maßnahmen (FLL)"),
        Field("dringlichkeit", "text", "Dringlichkeit der Maßnahmen"),
        Field("foto", "text", "Foto"),
        Field("standort", "text", "Standort"),
        Field("source_file", "text", "Quelldatei"),
    ),
)
