"""Sensors (Messstellen) and what they measure; their observations live in :mod:`twin.sensors.series`.

A sensor is a point with a kind (``art``), a unit and optionally the feature it belongs to (a tree, a
sewer manhole, a street). The role policy decides per role which sensors – by kind – are visible; an
observation leaves the store only for a sensor the role may see (:mod:`twin.sensors.access`).
"""

from twin.store.schema import Field, LayerSchema

#: kinds the twin knows (what rules, legends and the policy talk about); an importer maps what a source
#: calls its observed property to one of these
KINDS = {
    "bodenfeuchte": ("Bodenfeuchte", "%"),
    "bodentemperatur": ("Bodentemperatur", "°C"),
    "oberflaechentemperatur": ("Oberflächentemperatur", "°C"),
    "lufttemperatur": ("Lufttemperatur", "°C"),
    "luftfeuchte": ("Relative Luftfeuchte", "%"),
    "kanal_fuellstand": ("Füllstand Kanal", "%"),
    "kanal_wasserstand": ("Wasserstand Kanal", "m"),
}

SENSORS = LayerSchema(
    name="sensors",
    key="sensor_id",
    title="Sensoren",
    description="Messstellen (Bodenfeuchte an Bäumen, Temperatur, Kanalfüllstand) mit Quelle und Bezugsobjekt",
    geometry_type="POINT",
    fields=(
        Field("sensor_id", "text", "Sensor"),
        Field("name", "text", "Bezeichnung"),
        Field("art", "text", "Messgröße"),
        Field("einheit", "text", "Einheit"),
        Field("objekt_layer", "text", "Bezugsobjekt (Layer)"),
        Field("objekt_schluessel", "text", "Bezugsobjekt"),
        Field("quelle", "text", "Quelle (sensorthings, mqtt, csv)"),
        Field("quelle_kennung", "text", "Kennung in der Quelle"),
        Field("quelle_url", "text", "Adresse der Quelle"),
        Field("beschreibung", "text", "Beschreibung"),
    ),
)
