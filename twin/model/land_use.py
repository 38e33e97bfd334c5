"""Tatsächliche Nutzung (ALKIS Objektartenbereich 40000) as its own tessellation: one row per use object.

The ALKIS importer keeps the use objects (AX_Wohnbauflaeche, AX_Landwirtschaft, AX_Weg …) with their
object type, AdV designation and area; the area balance (Flächenbilanz) of :mod:`twin.land.balance`
and the vacant-plot search of :mod:`twin.land.potential` read them. The four AdV groups
(Nutzungsartenbereiche) come from the object type alone.
"""

from __future__ import annotations

from twin.store.schema import Field, LayerSchema

LAND_USE = LayerSchema(
    name="land_use",
    key="gml_id",
    title="Tatsächliche Nutzung",
    description="Nutzungsobjekte aus ALKIS (AX_Wohnbauflaeche, AX_Landwirtschaft, …), Grundlage der Flächenbilanz",
    geometry_type="MULTIPOLYGON",
    fields=(
        Field("gml_id", "text", "Objektkennung"),
        Field("objektart", "text", "Objektart"),
        Field("nutzungsart", "text", "Nutzungsart"),
        Field("bezeichnung", "text", "Nutzung (mit Merkmal)"),
        Field("gruppe", "text", "Nutzungsartenbereich"),
        Field("flaeche_m2", "real", "Fläche [m²]"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

SIEDLUNG, VERKEHR, VEGETATION, GEWAESSER = "Siedlung", "Verkehr", "Vegetation", "Gewässer"

#: object types of the groups (GeoInfoDok 41001–41010, 42001–42016, 43001–43008, 44001–44007)
GROUPS: dict[str, str] = {
    **dict.fromkeys(("AX_Wohnbauflaeche", "AX_IndustrieUndGewerbeflaeche", "AX_Halde", "AX_Bergbaubetrieb",
                     "AX_TagebauGrubeSteinbruch", "AX_FlaecheGemischterNutzung",
                     "AX_FlaecheBesondererFunktionalerPraegung", "AX_SportFreizeitUndErholungsflaeche",
                     "AX_Friedhof", "AX_Siedlungsflaeche"), SIEDLUNG),
    **dict.fromkeys(("AX_Strassenverkehr", "AX_Weg", "AX_Platz", "AX_Bahnverkehr", "AX_Flugverkehr",
                     "AX_Schiffsverkehr"), VERKEHR),
    **dict.fromkeys(("AX_Landwirtschaft", "AX_Wald", "AX_Gehoelz", "AX_Heide", "AX_Moor", "AX_Sumpf",
                     "AX_UnlandVegetationsloseFlaeche"), VEGETATION),
    **dict.fromkeys(("AX_Fliessgewaesser", "AX_Hafenbecken", "AX_StehendesGewaesser", "AX_Meer"), GEWAESSER),
}

#: built-up areas (Bauflächen) in which a parcel without a main building is a vacant building plot
BUILT_UP: frozenset[str] = frozenset({"AX_Wohnbauflaeche", "AX_IndustrieUndGewerbeflaeche",
                                      "AX_FlaecheGemischterNutzung", "AX_FlaecheBesondererFunktionalerPraegung",
                                      "AX_Siedlungsflaeche"})


def group_of(objektart: str) -> str:
    """AdV group of an object type ('Sonstige' for types outside the four groups)."""
    return GROUPS.get(objektart, "Sonstige")
