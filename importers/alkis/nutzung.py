"""Tatsächliche Nutzung (ALKIS Objektartenbereich 40000) per parcel.

In ALKIS the actual land use is a tessellation of its own, independent of the parcels:
AX_Wohnbauflaeche, AX_Landwirtschaft, AX_Wald, AX_Weg … (object types 41001–44007 of
GeoInfoDok). Per parcel the importer intersects the parcel with the use objects and writes
the shares as German text, largest first, shares below 1 % left out::

    "Landwirtschaft (Grünland) 82 %, Wald (Laubholz) 18 %"

The name is the AdV designation of the object type; the part in brackets decodes the
``vegetationsmerkmal``/``funktion`` where the code is in the short lists below (codes
whose designation differs between GeoInfoDok 6.0 and 7.1 are left undecoded). Objects
marked ``istWeitereNutzung`` (overlays, GID 7) are not part of the tessellation and ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

#: AdV object type -> designation (GeoInfoDok, Objektartenbereich Tatsächliche Nutzung)
NUTZUNGSARTEN: dict[str, str] = {
    "AX_Wohnbauflaeche": "Wohnbaufläche",
    "AX_IndustrieUndGewerbeflaeche": "Industrie- und Gewerbefläche",
    "AX_Halde": "Halde",
    "AX_Bergbaubetrieb": "Bergbaubetrieb",
    "AX_TagebauGrubeSteinbruch": "Tagebau, Grube, Steinbruch",
    "AX_FlaecheGemischterNutzung": "Fläche gemischter Nutzung",
    "AX_FlaecheBesondererFunktionalerPraegung": "Fläche besonderer funktionaler Prägung",
    "AX_SportFreizeitUndErholungsflaeche": "Sport-, Freizeit- und Erholungsfläche",
    "AX_Friedhof": "Friedhof",
    "AX_Siedlungsflaeche": "Siedlungsfläche",
    "AX_Strassenverkehr": "Straßenverkehr",
    "AX_Weg": "Weg",
    "AX_Platz": "Platz",
    "AX_Bahnverkehr": "Bahnverkehr",
    "AX_Flugverkehr": "Flugverkehr",
    "AX_Schiffsverkehr": "Schiffsverkehr",
    "AX_Landwirtschaft": "Landwirtschaft",
    "AX_Wald": "Wald",
    "AX_Gehoelz": "Gehölz",
    "AX_Heide": "Heide",
    "AX_Moor": "Moor",
    "AX_Sumpf": "Sumpf",
    "AX_UnlandVegetationsloseFlaeche": "Unland/Vegetationslose Fläche",
    "AX_Fliessgewaesser": "Fließgewässer",
    "AX_Hafenbecken": "Hafenbecken",
    "AX_StehendesGewaesser": "Stehendes Gewässer",
    "AX_Meer": "Meer",
}

_WEG = {"5210": "Fahrweg", "5211": "Hauptwirtschaftsweg", "5212": "Wirtschaftsweg", "5220": "Fußweg",
        "5230": "Gang", "5240": "Radweg", "5250": "Rad- und Fußweg", "5260": "Reitweg"}
#: (object type, attribute) -> code -> designation; only codes with the same text in GID 6.0 and 7.1
CODES: dict[tuple[str, str], dict[str, str]] = {
    ("AX_Landwirtschaft", "vegetationsmerkmal"): {
        "1010": "Ackerland", "1011": "Streuobstacker", "1012": "Hopfen", "1013": "Spargel", "1020": "Grünland",
        "1021": "Streuobstwiese", "1031": "Baumschule", "1200": "Brachland"},
    ("AX_Wald", "vegetationsmerkmal"): {"1100": "Laubholz", "1200": "Nadelholz", "1300": "Laub- und Nadelholz"},
    ("AX_Weg", "funktion"): _WEG,
    ("AX_Platz", "funktion"): {"5130": "Fußgängerzone", "5310": "Parkplatz", "5320": "Rastplatz",
                               "5340": "Marktplatz", "5350": "Festplatz"},
    ("AX_Friedhof", "funktion"): {"9403": "Parkfriedhof", "9404": "Historischer Friedhof"},
    ("AX_SportFreizeitUndErholungsflaeche", "funktion"): {
        "4100": "Sportanlage", "4110": "Golf", "4120": "Sportplatz", "4200": "Freizeitanlage",
        "4300": "Erholungsfläche", "4320": "Schwimmen", "4330": "Campingplatz", "4400": "Grünanlage",
        "4420": "Park", "4440": "Kleingarten"},
    ("AX_StehendesGewaesser", "funktion"): {"8610": "See", "8620": "Teich", "8630": "Stausee",
                                            "8631": "Speicherbecken", "8640": "Baggersee"},
    ("AX_Fliessgewaesser", "funktion"): {"8200": "Fluss", "8210": "Altwasser", "8220": "Altarm", "8300": "Kanal",
                                         "8400": "Graben", "8410": "Fleet", "8500": "Bach"},
    ("AX_UnlandVegetationsloseFlaeche", "funktion"): {"1000": "Vegetationslose Fläche",
                                                      "1100": "Gewässerbegleitfläche", "1200": "Sukzessionsfläche"},
}
#: attributes read from the use objects
ATTRIBUTES = ("funktion", "vegetationsmerkmal", "istWeitereNutzung")
#: shares below this (per cent) are left out of the text
MIN_PERCENT = 1.0


def label(kind: str, attrs: dict[str, str | None]) -> str:
    """German label of a use object: designation of the type, decoded code in brackets where known."""
    name = NUTZUNGSARTEN.get(kind, kind)
    for attr in ("vegetationsmerkmal", "funktion"):
        text = CODES.get((kind, attr), {}).get(attrs.get(attr) or "")
        if text:
            return f"{name} ({text})"
    return name


def shares_text(shares: dict[str, float]) -> str | None:
    """``{"Wald": 0.18, "Landwirtschaft": 0.82}`` -> ``"Landwirtschaft 82 %, Wald 18 %"``."""
    items = sorted(((100.0 * s, lab) for lab, s in shares.items() if 100.0 * s >= MIN_PERCENT),
                   key=lambda t: (-t[0], t[1]))
    return ", ".join(f"{lab} {int(pct + 0.5)} %" for pct, lab in items) or None


def parcel_shares(parcels: Sequence[BaseGeometry], uses: Sequence[BaseGeometry],
                  labels: Sequence[str]) -> list[dict[str, float]]:
    """Per parcel: label -> share of the parcel area covered by use objects with that label."""
    out: list[dict[str, float]] = [defaultdict(float) for _ in parcels]
    if not len(parcels) or not len(uses):
        return out
    pg, ug = np.asarray(parcels, dtype=object), np.asarray(uses, dtype=object)
    pi, ui = shapely.STRtree(ug).query(pg, predicate="intersects")
    if len(pi):
        areas = shapely.area(shapely.intersection(pg[pi], ug[ui]))
        total = shapely.area(pg)
        for p, u, a in zip(pi.tolist(), ui.tolist(), areas.tolist()):
            if a > 0 and total[p] > 0:
                out[p][labels[u]] += a / total[p]
    return out
