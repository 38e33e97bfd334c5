"""Heavy-rain simulation results (Starkregen): run records, affected buildings, flooded roads.

Written by :mod:`twin.sim.heavy_rain` in one transaction per run, together with the result rasters
(``rasters/starkregen/<run_id>/``, kinds ``starkregen`` and ``starkregen_gefahr``). ``released`` of a
run decides whether the Bürgerzwilling sees its hazard map (see ``default_policy.toml``).
"""

from __future__ import annotations

from twin.store.schema import Field, LayerSchema

FLOOD_RUNS = LayerSchema(
    name="flood_runs",
    key="run_id",
    title="Starkregen-Simulationsläufe",
    description="Ein Lauf der Starkregensimulation: Szenario, Eingangsdaten mit Prüfsummen, Solverparameter, "
                "Massenbilanz und Ergebnisraster – genug, um den Lauf zu wiederholen",
    geometry_type=None,
    fields=(
        Field("run_id", "text", "Lauf"),
        Field("title", "text", "Titel"),
        Field("created", "datetime", "Gerechnet am"),
        Field("variant", "text", "Planungsvariante"),
        Field("released", "boolean", "Für den Bürgerzwilling freigegeben"),
        Field("scenario", "json", "Szenario"),
        Field("inputs", "json", "Eingangsdaten"),
        Field("params", "json", "Solverparameter"),
        Field("balance", "json", "Massenbilanz"),
        Field("rasters", "json", "Ergebnisraster"),
        Field("snapshot_times", "json", "Zeitpunkte der Tiefenverläufe [s]"),
        Field("affected_buildings", "integer", "Betroffene Gebäude"),
        Field("flooded_roads", "integer", "Überflutete Straßen"),
        Field("max_depth_m", "real", "Größte Wassertiefe [m]"),
        Field("wall_s", "real", "Rechenzeit [s]"),
    ),
)

FLOOD_AFFECTED_BUILDINGS = LayerSchema(
    name="flood_affected_buildings",
    key="id",
    title="Von Starkregen betroffene Gebäude",
    description="Gebäude, an deren Grundriss (Außenkante) in einem Lauf Wasser steht: größte Tiefe und "
                "Gefahrenklasse",
    geometry_type="MULTIPOLYGON",
    fields=(
        Field("id", "text", "Lauf/Gebäude"),
        Field("run_id", "text", "Lauf"),
        Field("building_id", "text", "Gebäude (gml:id)"),
        Field("max_tiefe_m", "real", "Größte Wassertiefe am Gebäude [m]"),
        Field("gefahrenklasse", "integer", "Gefahrenklasse (0–4)"),
        Field("adresse", "text", "Adresse"),
        Field("name", "text", "Name"),
    ),
)

FLOODED_ROADS = LayerSchema(
    name="flooded_roads",
    key="id",
    title="Überflutete Straßen",
    description="Verkehrsflächen (ALKIS-Nutzung Straßenverkehr, Weg, Platz) mit Wasser ab 0,1 m in einem Lauf",
    geometry_type="MULTIPOLYGON",
    fields=(
        Field("id", "text", "Lauf/Straße"),
        Field("run_id", "text", "Lauf"),
        Field("strasse", "text", "Straße"),
        Field("flurstuecke", "json", "Flurstücke"),
        Field("flaeche_ueberflutet_m2", "real", "Überflutete Fläche ab 0,1 m [m²]"),
        Field("max_tiefe_m", "real", "Größte Wassertiefe [m]"),
        Field("gefahrenklasse", "integer", "Gefahrenklasse (0–4)"),
    ),
)

FLOOD_LAYERS = (FLOOD_RUNS, FLOOD_AFFECTED_BUILDINGS, FLOODED_ROADS)
