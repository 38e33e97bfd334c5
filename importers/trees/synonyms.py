"""Column names per field of the tree layer, German and English, as municipalities write them.

Order matters: :func:`importers.profiles.propose` takes the first synonym that matches a column
exactly (after :func:`importers.profiles.normalise`), then the first prefix match.
"""

from __future__ import annotations

#: field of ``TREES`` -> synonyms (the field name itself is tried first)
TREE_SYNONYMS: dict[str, list[str]] = {
    "baumnummer": ["Baumnummer", "Baum-Nr", "Baum_Nr", "BaumNr", "Baumnr.", "Baum-ID", "BaumId", "Baum_ID",
                   "tree_id", "treeid", "tree_number", "Nummer", "Nr", "ID", "OBJECTID", "FID"],
    "gattung": ["Gattung", "genus", "Gattung botanisch", "Gattung_lat"],
    "art": ["Art botanisch", "Art_botanisch", "Art_bot", "Name_lat", "Name_latein", "Botanischer Name",
            "botanisch", "lateinisch", "species", "scientific_name", "Gattung/Art", "GattungArt", "Gattung_Art",
            "GA_LANG", "Baumart botanisch", "Baumart", "Art"],
    "art_deutsch": ["Art deutsch", "Art_deutsch", "Art_dt", "Name_dt", "Name_deutsch", "Deutscher Name",
                    "deutsch", "Baumart deutsch", "common_name", "name_german"],
    "baumhoehe_m": ["Baumhöhe", "Baumhoehe", "BaumhoeheM", "hoeheM", "Höhe", "Hoehe", "Höhe_m", "height",
                    "tree_height", "height_m"],
    "kronendurchmesser_m": ["Kronendurchmesser", "KronendurchmesserM", "Kronen-Durchmesser", "Kronendurchm",
                            "KR_DURCHM", "Krone", "KroneDM", "crown", "crown_diameter", "crown_m"],
    "kronenansatz_m": ["Kronenansatz", "Kronenansatzhöhe", "Kronenansatzhoehe", "KronenansatzM", "KR_ANSATZ",
                       "Stammhöhe", "Stammhoehe", "Lichtraumprofil", "crown_base", "crown_base_height",
                       "trunk_height"],
    "stammumfang_cm": ["Stammumfang", "StammumfangCM", "Stammumfang_cm", "ST_UMFANG", "Umfang", "StU",
                       "trunk_circumference", "circumference", "girth"],
    "pflanzjahr": ["Pflanzjahr", "Pflanzdatum", "Pflanzung", "planting_year", "year_planted", "planted"],
    "vitalitaet": ["Vitalität", "Vitalitaet", "Vitalitätsstufe", "Vitalstufe", "vitality"],
    "verkehrssicherheit": ["Verkehrssicherheit", "verkehrssicher", "Verkehrssicherheit_Status", "Sicherheit",
                           "safety", "traffic_safety"],
    "letzte_kontrolle": ["letzte Kontrolle", "letzte_Kontrolle", "Kontrolle_am", "Kontrolldatum",
                         "Datum Kontrolle", "Kontrolle", "last_inspection", "inspection_date", "last_check"],
    "naechste_kontrolle": ["nächste Kontrolle", "naechste_Kontrolle", "Kontrolle_bis", "Kontrolle fällig",
                           "fällig", "next_inspection", "next_check", "due"],
    "kontrollintervall_monate": ["Kontrollintervall", "Kontrollintervall_Monate", "Intervall",
                                 "Kontrollintervall Monate", "inspection_interval", "interval_months"],
    "kontrollbemerkung": ["Kontrollbemerkung", "Bemerkung", "Bemerkungen", "Maßnahme", "Massnahme",
                          "remark", "notes", "comment"],
    "standort": ["Standort", "Straße", "Strasse", "Str", "Lage", "Adresse", "location", "street", "address",
                 "Objekt", "Grünanlage"],
}

#: coordinate columns: "x" = Rechtswert/easting/longitude, "y" = Hochwert/northing/latitude
COORD_SYNONYMS: dict[str, list[str]] = {
    "x": ["X", "Rechtswert", "RW", "x_koord", "x_koordinate", "Koordinate_X", "easting", "east", "Ost",
          "Ostwert", "lon", "lng", "long", "longitude", "Länge", "geogr_Laenge", "xcoord", "x_coord"],
    "y": ["Y", "Hochwert", "HW", "y_koord", "y_koordinate", "Koordinate_Y", "northing", "north", "Nord",
          "Nordwert", "lat", "latitude", "Breite", "geogr_Breite", "ycoord", "y_coord"],
}

#: fields that only a tree cadastre has (``sniff`` wants one of them besides the key and location)
TREE_SPECIFIC = frozenset(set(TREE_SYNONYMS) - {"baumnummer", "standort", "kontrollbemerkung"})
#: key synonyms that name a tree, not any object
TREE_KEY_NAMES = ("baumnummer", "baumnr", "baumid", "treeid", "treenumber")

#: default unit of each measured field (a column name like ``stammumfangCM`` or a profile can say otherwise)
DEFAULT_UNITS = {"baumhoehe_m": "m", "kronendurchmesser_m": "m", "kronenansatz_m": "m", "stammumfang_cm": "cm"}
