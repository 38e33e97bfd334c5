"""The planning variants of the sample municipality "Markt Musterdorf" (synthetic, like the village itself).

Placed in the village frame of ``sample_data/generate_musterdorf.py`` (origin and rotation below are that
generator's): the Marktplatz spans x −35…35, y 5…62, the lane Am Anger has houses at y 104.
"""

from __future__ import annotations

import math

from shapely.geometry import Polygon

from twin.project import Project
from twin.variants.manage import VariantEditor, new_variant, release
from twin.variants.planning import add_building, deseal_surface, plant_tree

#: village origin (EPSG:25832) and street-grid rotation of generate_musterdorf.py
ORIGIN = (690360.0, 5335460.0)
ROTATION_DEG = 12.0
ACTOR = "stadtplanung"

MARKTPLATZ = "marktplatz_entsiegeln"
KITA = "kita_am_anger"
#: (x, y) in village coordinates, botanical and German name: two rows of four along the square
MARKTPLATZ_TREES = [
    (x, y, *species) for y in (24.0, 52.0) for x, species in zip(
        (-21.0, -7.0, 7.0, 21.0),
        [("Acer campestre", "Feld-Ahorn"), ("Tilia cordata", "Winter-Linde"),
         ("Carpinus betulus", "Hainbuche"), ("Quercus robur", "Stiel-Eiche")])
]


def to_world(x: float, y: float) -> tuple[float, float]:
    """Village coordinates -> EPSG:25832."""
    a = math.radians(ROTATION_DEG)
    return (round(ORIGIN[0] + x * math.cos(a) - y * math.sin(a), 3),
            round(ORIGIN[1] + x * math.sin(a) + y * math.cos(a), 3))


def village_rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    """A rectangle of the village grid in world coordinates (counter-clockwise)."""
    return Polygon([to_world(x0, y0), to_world(x1, y0), to_world(x1, y1), to_world(x0, y1)])


def add_sample_variants(project: Project) -> list[VariantEditor]:
    """Two variants: the de-sealed, greened Marktplatz (released to the council) and a new Kita Am Anger
    (internal)."""
    with project.store.transaction():
        markt = new_variant(project, MARKTPLATZ, "Marktplatz entsiegeln und begrünen",
                            "Der Marktplatz wird in der Mitte entsiegelt (Rasen statt Asphalt) und mit acht "
                            "klimaresistenten Bäumen in zwei Reihen bepflanzt; Randstreifen bleiben befahrbar.",
                            actor=ACTOR)
        deseal_surface(markt, village_rect(-28.0, 20.0, 28.0, 56.0), "Rasen",
                       note="Entsiegelung Marktplatz (Beispiel)")
        for i, (x, y, species, german) in enumerate(MARKTPLATZ_TREES, start=1):
            plant_tree(markt, *to_world(x, y), species, 6.0, 3.0, 2026, key=f"MP-{i:02d}", german_name=german,
                       location="Marktplatz")
        release(markt, "rat")
        kita = new_variant(project, KITA, "Neubau Kita Am Anger",
                           "Zweigeschossige Kindertagesstätte mit Flachdach in der Baulücke Am Anger.",
                           actor=ACTOR)
        add_building(kita, village_rect(-10.0, 99.0, 10.0, 113.0), 7.5, key="KITA_AM_ANGER",
                     name="Kita Am Anger", function="31001_3065", storeys=2, year=2027, address="Am Anger 3a")
    return [markt, kita]
