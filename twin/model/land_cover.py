"""Land cover and surface sealing (Flächenversiegelung): polygons with their cover type and sealing degree.

The heavy-rain simulation reads ``versiegelung_prozent`` (share of the area that lets no water soak
in) for its runoff losses; planning variants change it (de-seal a square, add a green roof area).
"""

from __future__ import annotations

from twin.store.schema import Field, LayerSchema

LAND_COVER = LayerSchema(
    name="land_cover",
    key="flaechen_id",
    title="Bodenbedeckung und Versiegelung",
    description="Flächen mit Bodenbedeckung (Art) und Versiegelungsgrad in Prozent; Grundlage der "
                "Abflussbildung in der Starkregensimulation",
    geometry_type="MULTIPOLYGON",
    fields=(
        Field("flaechen_id", "text", "Flächen-ID"),
        Field("art", "text", "Bodenbedeckung"),
        Field("versiegelung_prozent", "real", "Versiegelung [%]"),
        Field("bemerkung", "text", "Bemerkung"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

#: usual cover types and their typical sealing degree [%] (a municipality may give its own value)
COVER_SEALING: dict[str, float] = {
    "Asphalt": 100.0,
    "Beton": 100.0,
    "Dachfläche": 100.0,
    "Pflaster": 75.0,
    "Pflaster mit offenen Fugen": 50.0,
    "Wassergebundene Decke": 50.0,
    "Rasengittersteine": 30.0,
    "Schotterrasen": 20.0,
    "Gründach": 40.0,
    "Rasen": 0.0,
    "Pflanzfläche": 0.0,
    "Wasserfläche": 0.0,
}
