"""Surface classes of the heavy-rain grid: roughness (Manning n) and sealing per class, and how ALKIS
parcel use (Tatsächliche Nutzung) maps to a class where no ``land_cover`` polygon says otherwise.

Manning n [s/m^(1/3)] are the usual values for shallow overland flow (Chow 1959; Engman 1986 and the
values used in German heavy-rain hazard maps, e.g. LUBW Leitfaden Kommunales Starkregenrisiko-
management 2016): smooth sealed surfaces 0.013–0.02, lawn 0.03–0.05, dense vegetation and forest
0.08–0.15. Sealing [%] of the land-cover classes is :data:`twin.model.land_cover.COVER_SEALING`;
the classes derived from parcel use carry typical shares of their sealed area (settlement areas are
mixed: roofs and yards are sealed, gardens are not — roofs themselves are obstacles, not cells).
"""

from __future__ import annotations

import re

from twin.model.land_cover import COVER_SEALING

#: Manning n per cover class (``land_cover.art`` and the parcel-use classes below)
MANNING_N: dict[str, float] = {
    "Asphalt": 0.015,
    "Beton": 0.015,
    "Dachfläche": 0.015,
    "Pflaster": 0.020,
    "Pflaster mit offenen Fugen": 0.025,
    "Wassergebundene Decke": 0.025,
    "Rasengittersteine": 0.030,
    "Schotterrasen": 0.035,
    "Gründach": 0.040,
    "Rasen": 0.040,
    "Pflanzfläche": 0.060,
    "Wasserfläche": 0.025,
    # classes derived from ALKIS parcel use
    "Wohnbaufläche (gemischt)": 0.035,
    "Gewerbefläche (gemischt)": 0.025,
    "Gemeinbedarfsfläche (gemischt)": 0.030,
    "Grünanlage": 0.040,
    "Gleisschotter": 0.040,
    "Acker": 0.050,
    "Grünland": 0.045,
    "Wald": 0.100,
    "Offener Boden": 0.030,
}

#: sealing [%] of the classes derived from parcel use (land-cover classes: COVER_SEALING)
DERIVED_SEALING: dict[str, float] = {
    "Wohnbaufläche (gemischt)": 40.0,
    "Gewerbefläche (gemischt)": 70.0,
    "Gemeinbedarfsfläche (gemischt)": 50.0,
    "Grünanlage": 10.0,
    "Gleisschotter": 20.0,
    "Acker": 0.0,
    "Grünland": 0.0,
    "Wald": 0.0,
    "Offener Boden": 0.0,
}

#: sealing [%] of every class
SEALING: dict[str, float] = {**COVER_SEALING, **DERIVED_SEALING}

#: ALKIS parcel use (label of the dominant use, see importers.alkis.nutzung) -> cover class; the first
#: entry whose key the label starts with wins (so "Landwirtschaft (Grünland)" before "Landwirtschaft")
NUTZUNG_COVER: tuple[tuple[str, str], ...] = (
    ("Straßenverkehr", "Asphalt"),
    ("Weg", "Asphalt"),
    ("Platz", "Asphalt"),
    ("Flugverkehr", "Asphalt"),
    ("Bahnverkehr", "Gleisschotter"),
    ("Wohnbaufläche", "Wohnbaufläche (gemischt)"),
    ("Fläche gemischter Nutzung", "Wohnbaufläche (gemischt)"),
    ("Siedlungsfläche", "Wohnbaufläche (gemischt)"),
    ("Industrie- und Gewerbefläche", "Gewerbefläche (gemischt)"),
    ("Fläche besonderer funktionaler Prägung", "Gemeinbedarfsfläche (gemischt)"),
    ("Sport-, Freizeit- und Erholungsfläche", "Grünanlage"),
    ("Friedhof", "Grünanlage"),
    ("Landwirtschaft (Grünland)", "Grünland"),
    ("Landwirtschaft (Streuobstwiese)", "Grünland"),
    ("Landwirtschaft", "Acker"),
    ("Wald", "Wald"),
    ("Gehölz", "Wald"),
    ("Heide", "Grünland"),
    ("Moor", "Grünland"),
    ("Sumpf", "Grünland"),
    ("Unland", "Offener Boden"),
    ("Halde", "Offener Boden"),
    ("Bergbaubetrieb", "Offener Boden"),
    ("Tagebau", "Offener Boden"),
    ("Fließgewässer", "Wasserfläche"),
    ("Stehendes Gewässer", "Wasserfläche"),
    ("Hafenbecken", "Wasserfläche"),
    ("Meer", "Wasserfläche"),
    ("Schiffsverkehr", "Wasserfläche"),
)
#: parcel uses that are roads (for the table of flooded roads)
ROAD_USES = ("Straßenverkehr", "Weg", "Platz")
#: class of cells neither a land-cover polygon nor a parcel with a known use covers
DEFAULT_COVER = "Grünland"
#: Manning n of a land-cover class not in MANNING_N (e.g. a municipality's own class)
DEFAULT_MANNING = 0.035

_SHARE = re.compile(r"^(.*?)\s+(\d+)\s*%$")


def dominant_use(nutzung: str | None) -> str | None:
    """The use label with the largest share of ``"Wohnbaufläche 64 %, Platz 36 %"`` (None if empty)."""
    if not nutzung or not nutzung.strip():
        return None
    best, best_pct = None, -1.0
    for part in nutzung.split(","):
        part = part.strip()
        m = _SHARE.match(part)
        label, pct = (m.group(1), float(m.group(2))) if m else (part, 0.0)
        if pct > best_pct:
            best, best_pct = label, pct
    return best


def cover_of_use(nutzung: str | None) -> str | None:
    """Cover class of a parcel's ``nutzung`` (None if the use is unknown)."""
    label = dominant_use(nutzung)
    if label is None:
        return None
    for prefix, cover in NUTZUNG_COVER:
        if label.startswith(prefix):
            return cover
    return None


def is_road_use(nutzung: str | None) -> bool:
    label = dominant_use(nutzung)
    return label is not None and label.startswith(ROAD_USES)


def manning_of(cover: str) -> float:
    return MANNING_N.get(cover, DEFAULT_MANNING)
