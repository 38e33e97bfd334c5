"""ISYBAU code lists the importer needs: namespaces, Lagesystem (CRSLage) -> EPSG, labels.

CRSLage codes seen in the official examples (Arbeitshilfen Abwasser 2013/2017) and their EPSG codes:

| CRSLage           | EPSG  | system                                     |
|-------------------|-------|--------------------------------------------|
| ETRS89_UTM32      | 25832 | ETRS89 / UTM 32N (Rechtswert mit/ohne Zone) |
| ETRS89_UTM33      | 25833 | ETRS89 / UTM 33N                            |
| DE_DHDN_3GK2      | 31466 | DHDN / Gauß-Krüger Zone 2                   |
| DE_DHDN_3GK3      | 31467 | DHDN / Gauß-Krüger Zone 3                   |
| DE_DHDN_3GK4      | 31468 | DHDN / Gauß-Krüger Zone 4                   |
| DE_DHDN_3GK5      | 31469 | DHDN / Gauß-Krüger Zone 5                   |

Only the two ETRS89 codes occur in the real files at hand; the Gauß-Krüger names follow the AdV
pattern of the ISYBAU reference list and are accepted in the spellings below. ``EPSG:xxxx`` and a bare
number are accepted too. Anything else: CRSError asking for ``--crs``.
"""

from __future__ import annotations

import re

NS_2013 = "http://www.ofd-hannover.la/Identifikation"
NS_2017 = "http://www.bfr-abwasser.de"
NAMESPACES = {NS_2013: "2013", NS_2017: "2017"}

CRS_LAGE = {
    "ETRS89_UTM32": 25832, "ETRS89_UTM32N": 25832, "DE_ETRS89_UTM32": 25832,
    "ETRS89_UTM33": 25833, "ETRS89_UTM33N": 25833, "DE_ETRS89_UTM33": 25833,
    "DE_DHDN_3GK2": 31466, "DHDN_3GK2": 31466, "DE_DHDN_GK2": 31466,
    "DE_DHDN_3GK3": 31467, "DHDN_3GK3": 31467, "DE_DHDN_GK3": 31467,
    "DE_DHDN_3GK4": 31468, "DHDN_3GK4": 31468, "DE_DHDN_GK4": 31468,
    "DE_DHDN_3GK5": 31469, "DHDN_3GK5": 31469, "DE_DHDN_GK5": 31469,
}


def lage_epsg(code: str) -> int | None:
    """EPSG code of a CRSLage value (None if unknown)."""
    text = code.strip().upper()
    if text in CRS_LAGE:
        return CRS_LAGE[text]
    m = re.fullmatch(r"(?:EPSG:?)?(\d{4,5})", text)
    return int(m.group(1)) if m else None


#: Kante: KantenTyp -> art
KANTEN_TYP = {0: "Haltung", 1: "Leitung", 2: "Rinne", 3: "Gerinne"}
#: Knoten: KnotenTyp -> art
KNOTEN_TYP = {0: "Schacht", 1: "Anschlusspunkt", 2: "Bauwerk"}
#: Profilart (ISYBAU) -> German name (the common ones)
PROFILART = {0: "Kreisprofil", 1: "Eiprofil", 2: "Maulprofil", 3: "Rechteckprofil (geschlossen)",
             4: "Kreisprofil (doppelwandig)", 5: "Rechteckprofil (offen)", 6: "Eiprofil (überhöht)",
             7: "Maulprofil (gedrückt)", 8: "Trapezprofil", 9: "Doppeltrapezprofil", 10: "U-Profil",
             11: "Bogenprofil", 12: "Eiprofil (oval)", 99: "Sonderprofil"}
