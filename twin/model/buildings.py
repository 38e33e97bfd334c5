"""3D buildings (CityGML/CityJSON): one row per building or building part, one per semantic surface."""

from twin.store.schema import Field, LayerSchema

SURFACE_TYPES = ("RoofSurface", "WallSurface", "GroundSurface", "ClosureSurface",
                 "OuterCeilingSurface", "OuterFloorSurface", "Unclassified")

BUILDINGS = LayerSchema(
    name="buildings",
    key="gml_id",
    title="Gebäude",
    description="Gebäude und Gebäudeteile (Grundriss in Geländehöhe) mit Attributen aus CityGML/CityJSON",
    geometry_type="MULTIPOLYGON",
    has_z=True,
    fields=(
        Field("gml_id", "text", "gml:id"),
        Field("parent_id", "text", "Gehört zu Gebäude"),
        Field("name", "text", "Name"),
        Field("function", "text", "Gebäudefunktion"),
        Field("usage", "text", "Nutzung"),
        Field("roof_type", "text", "Dachform"),
        Field("measured_height", "real", "Gebäudehöhe [m]"),
        Field("storeys_above_ground", "integer", "Geschosse über Grund"),
        Field("year_of_construction", "integer", "Baujahr"),
        Field("address", "text", "Adresse"),
        Field("lod", "integer", "Detailstufe (LoD)"),
        Field("ground_height", "real", "Geländehöhe [m ü. NHN]"),
        Field("roof_height", "real", "Firsthöhe [m ü. NHN]"),
        Field("source_file", "text", "Quelldatei"),
        Field("generic", "json", "Weitere Attribute"),
    ),
)

BUILDING_SURFACES = LayerSchema(
    name="building_surfaces",
    key="surface_id",
    title="Gebäudeflächen",
    description="Semantische Begrenzungsflächen (Dach, Wand, Boden) der Gebäude, 3D",
    geometry_type="MULTIPOLYGON",
    has_z=True,
    fields=(
        Field("surface_id", "text", "Flächen-ID"),
        Field("building_id", "text", "gml:id des Gebäudes"),
        Field("surface_type", "text", "Flächentyp"),
        Field("derived", "boolean", "Typ aus Flächenneigung abgeleitet"),
        Field("area", "real", "Fläche [m²]"),
    ),
)
