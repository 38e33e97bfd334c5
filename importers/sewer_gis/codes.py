"""Code values of sewer GIS exports mapped onto what the ISYBAU importer stores.

The ISYBAU importer keeps Material and Entwässerungsart as the ISYBAU codes of the file (``STZ``, ``KM``)
and turns Profilart and Knoten-/Kantentyp into German names (:mod:`importers.isybau.codes`). A GIS
export may carry codes or plain text; here a known code is kept (material, drainage) or named (profile,
node type), a known German/English name is turned into the code, anything else stays as written.
"""

from __future__ import annotations

import re

from importers.isybau.codes import KANTEN_TYP, KNOTEN_TYP, PROFILART
from importers.profiles import normalise

#: ISYBAU material codes (Referenzliste Material, the ones found in municipal networks) -> German name
MATERIAL = {
    "AZ": "Asbestzement", "B": "Beton", "BS": "Betonsegmente", "CNS": "Edelstahl", "FZ": "Faserzement",
    "GFK": "Glasfaserverstärkter Kunststoff", "GG": "Grauguss", "GGG": "Duktiles Gusseisen",
    "KST": "Kunststoff (nicht identifiziert)", "MA": "Mauerwerk", "MIX": "Unterschiedliche Werkstoffe",
    "OB": "Ortbeton", "PC": "Polymerbeton", "PE": "Polyethylen", "PEHD": "Polyethylen hoher Dichte",
    "PH": "Polyesterharz", "PHB": "Polyesterharzbeton", "PP": "Polypropylen", "PVC": "Polyvinylchlorid",
    "PVCU": "Polyvinylchlorid hart", "SB": "Stahlbeton", "SPB": "Spannbeton", "ST": "Stahl", "STZ": "Steinzeug",
    "W": "Nicht identifizierter Werkstoff", "ZG": "Ziegelwerk",
}
#: further spellings of materials seen in GIS exports (normalised, see :func:`normalise`) -> code
_MATERIAL_NAMES = {
    "steinzeugrohr": "STZ", "stz": "STZ", "vitrifiedclay": "STZ", "clay": "STZ", "betonrohr": "B",
    "concrete": "B", "stahlbetonrohr": "SB", "reinforcedconcrete": "SB", "pvchart": "PVCU", "pvcu": "PVCU",
    "upvc": "PVCU", "pehd": "PEHD", "hdpe": "PEHD", "peh": "PEHD", "guss": "GG", "gusseisen": "GG",
    "castiron": "GG", "ductileiron": "GGG", "gfk": "GFK", "grp": "GFK", "asbestcement": "AZ", "eternit": "FZ",
    "mauerwerk": "MA", "brick": "MA", "ziegel": "ZG", "stahl": "ST", "steel": "ST", "edelstahl": "CNS",
}
_MATERIAL_BY_NAME = {normalise(name): code for code, name in MATERIAL.items()} | _MATERIAL_NAMES

#: Entwässerungsart: ISYBAU codes and the usual words for them
DRAINAGE = {"KS": "Schmutzwasser", "KR": "Regenwasser", "KM": "Mischwasser", "KW": "Fließgewässer (verrohrt)",
            "DS": "Druckleitung Schmutzwasser", "DR": "Druckleitung Regenwasser", "DM": "Druckleitung Mischwasser"}
_DRAINAGE_NAMES = {"sw": "KS", "schmutz": "KS", "schmutzwasserkanal": "KS", "foul": "KS", "sanitary": "KS",
                   "wastewater": "KS", "rw": "KR", "regen": "KR", "regenwasserkanal": "KR", "storm": "KR",
                   "stormwater": "KR", "surfacewater": "KR", "mw": "KM", "misch": "KM", "mischwasserkanal": "KM",
                   "combined": "KM"}
_DRAINAGE_BY_NAME = {normalise(name): code for code, name in DRAINAGE.items()} | _DRAINAGE_NAMES

_PROFILE_BY_NAME = {normalise(name): name for name in PROFILART.values()} | {
    "kreis": "Kreisprofil", "k": "Kreisprofil", "kr": "Kreisprofil", "circular": "Kreisprofil",
    "circle": "Kreisprofil", "ei": "Eiprofil", "egg": "Eiprofil", "maul": "Maulprofil",
    "rechteck": "Rechteckprofil (geschlossen)", "rectangular": "Rechteckprofil (geschlossen)",
}


def material_code(value: str | None) -> str | None:
    """``STZ``/``stz``/``Steinzeug`` -> ``STZ``; unknown text is kept as written."""
    if value is None:
        return None
    text = value.strip()
    if text.upper() in MATERIAL:
        return text.upper()
    return _MATERIAL_BY_NAME.get(normalise(text), text)


def drainage_code(value: str | None) -> str | None:
    """``KM``/``Mischwasser``/``MW`` -> ``KM``; unknown text is kept as written."""
    if value is None:
        return None
    text = value.strip()
    if text.upper() in DRAINAGE:
        return text.upper()
    return _DRAINAGE_BY_NAME.get(normalise(text), text)


def profile_name(value: str | None) -> str | None:
    """ISYBAU Profilart code (``0``) -> ``Kreisprofil``; a known name is spelled as ISYBAU names it."""
    if value is None:
        return None
    text = value.strip()
    if re.fullmatch(r"\d+", text):
        return PROFILART.get(int(text), text)
    return _PROFILE_BY_NAME.get(normalise(text), text)


def node_art(art: str | None, knotentyp: int | None) -> str:
    """The node's Art: the file's text, else from the ISYBAU KnotenTyp, else ``Schacht``."""
    if art and re.fullmatch(r"\d+", art.strip()):
        return KNOTEN_TYP.get(int(art), art)
    if art:
        return art
    return KNOTEN_TYP.get(knotentyp, "Schacht") if knotentyp is not None else "Schacht"


def reach_art(art: str | None) -> str:
    """The reach's Art: the file's text or the name of an ISYBAU KantenTyp code, else ``Haltung``."""
    if art and re.fullmatch(r"\d+", art.strip()):
        return KANTEN_TYP.get(int(art), art)
    return art or "Haltung"
