"""Heat-stress simulation results (Hitze): one row per run.

Written by :mod:`twin.sim.heat.run` in one transaction per run, together with the result rasters
(``rasters/hitze/<run_id>/``): kind ``hitze`` for every hourly and daily raster (Verwaltung, Rat) and
kind ``hitze_karte`` for the two maps of the daily maximum (UTCI and its stress class), which the
Bürgerzwilling sees once the run is released (``released``, see ``default_policy.toml``).
"""

from __future__ import annotations

from twin.store.schema import Field, LayerSchema

HEAT_RUNS = LayerSchema(
    name="heat_runs",
    key="run_id",
    title="Hitze-Simulationsläufe",
    description="Ein Lauf der Hitzesimulation: Tag, Wetter, Sonnenstände, Eingangsdaten, Flächen je "
                "UTCI-Belastungsklasse und Ergebnisraster – genug, um den Lauf zu wiederholen",
    geometry_type=None,
    fields=(
        Field("run_id", "text", "Lauf"),
        Field("title", "text", "Titel"),
        Field("created", "datetime", "Gerechnet am"),
        Field("variant", "text", "Planungsvariante"),
        Field("released", "boolean", "Für den Bürgerzwilling freigegeben"),
        Field("day", "text", "Tag"),
        Field("hours", "json", "Stunden (Ortszeit)"),
        Field("weather", "json", "Wetter"),
        Field("sun", "json", "Sonnenstände und Strahlung"),
        Field("inputs", "json", "Eingangsdaten"),
        Field("params", "json", "Modellparameter"),
        Field("rasters", "json", "Ergebnisraster"),
        Field("class_area_m2", "json", "Fläche je Belastungsklasse am Tagesmaximum [m²]"),
        Field("strong_heat_m2", "real", "Fläche mit mindestens starkem Hitzestress [m²]"),
        Field("utci_max_c", "real", "Höchster UTCI [°C]"),
        Field("wall_s", "real", "Rechenzeit [s]"),
    ),
)

HEAT_LAYERS = (HEAT_RUNS,)
