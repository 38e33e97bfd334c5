"""Column-name synonyms of municipal sewer GIS exports (Kanalkataster-Shapes of Barthauer, Rehm, STRAKAT,
tandler, QKan, ArcGIS/QGIS-Eigenbauten, English utility models).

Keys are the fields of :data:`twin.model.sewer.SEWER_NODES` / ``SEWER_REACHES``. Order matters:
:func:`importers.profiles.propose` matches exact names first (field by field in this order), then
prefixes; each column is used once. Synonyms shorter than four characters only match exactly.
"""

from __future__ import annotations

from importers.profiles import propose

#: profile targets (``MappingProfile.target``) of the two kinds of layers
TARGET_NODES = "sewer_manholes"
TARGET_REACHES = "sewer_reaches"

_COMMON: dict[str, list[str]] = {
    "entwaesserungsart": ["Entwaesserungsart", "Entwässerungsart", "ENTW_ART", "ENTWART", "Kanalart", "KAN_ART",
                          "Kanalnutzung", "Abwasserart", "SYSTEM", "sewer_type", "system_type"],
    "status": ["Status", "STATUS_ISY", "Zustand_Betrieb", "status_code"],
    "baujahr": ["Baujahr", "BJ", "BAUJ", "year_built", "constr_year", "install_year"],
    "strasse": ["Strasse", "Straße", "Strassenname", "STR_NAME", "STRNAME", "Lage", "street", "street_name"],
    "zustandsklasse": ["Zustandsklasse", "ZK", "ZKL", "ZUST_KL", "ZUSTANDSKL", "Zustand", "Klasse",
                       "condition_class", "condition", "grade"],
    "inspektionsdatum": ["Inspektionsdatum", "INSP_DATUM", "INSPDATUM", "Untersuchtag", "Untersuchungsdatum",
                         "TV_Datum", "inspection_date", "insp_date"],
    "hoehensystem": ["Hoehensystem", "Höhensystem", "HOEHENSYS", "HOEHSYS", "height_system", "vertical_datum"],
}

NODE_SYNONYMS: dict[str, list[str]] = {
    "objektbezeichnung": ["Objektbezeichnung", "SCHACHTNR", "SCHACHT_NR", "Schachtnummer", "Schachtbezeichnung",
                          "SCHACHTBEZ", "Schachtname", "SCHNAM", "KNOTEN_ID", "KNOTENNR", "KNOTEN_NR",
                          "Knotenbezeichnung", "KNOTENBEZ", "OBJ_BEZ", "OBJBEZ", "manhole_id", "manhole",
                          "node_id", "MH_ID", "Bezeichnung", "Schacht", "Knoten", "Name", "ID"],
    "art": ["Knotenart", "Schachtart", "Art", "Objektart_Text", "node_type", "type"],
    "knotentyp": ["Knotentyp", "KNOTEN_TYP", "KNOTENTYP_ISY"],
    "bauwerkstyp": ["Bauwerkstyp", "BW_TYP", "BWTYP", "Bauwerk_Typ"],
    "deckelhoehe": ["Deckelhoehe", "Deckelhöhe", "DH", "DECKEL_H", "DECKELHOE", "DECKEL_HOE", "Deckel",
                    "DMP_HOEHE", "DMP_Z", "Schachtdeckel", "cover_level", "cover_elev", "rim_elev", "rim_level",
                    "ground_level"],
    "sohlhoehe": ["Sohlhoehe", "Sohlhöhe", "SH", "SOHLE_H", "SOHLHOE", "SOHL_HOE", "Sohle", "SMP_HOEHE", "SMP_Z",
                  "Schachtsohle", "invert_level", "invert_elev", "invert", "inv_level"],
    "schachttiefe_m": ["Schachttiefe", "SCH_TIEFE", "Tiefe", "depth", "manhole_depth"],
    **_COMMON,
}

REACH_SYNONYMS: dict[str, list[str]] = {
    "objektbezeichnung": ["Objektbezeichnung", "HALTUNG", "HAL_NR", "HALTUNG_NR", "HALTUNGSNR", "Haltungsnummer",
                          "Haltungsbezeichnung", "HALTUNGSBEZ", "HALTNAM", "Haltungsname", "LEITUNG_NR",
                          "Leitungsnummer", "OBJ_BEZ", "OBJBEZ", "reach_id", "pipe_id", "pipe", "link_id",
                          "Bezeichnung", "Leitung", "Name", "ID"],
    "art": ["Kantenart", "Haltungsart", "Art", "pipe_type", "type"],
    "knoten_zulauf": ["KnotenZulauf", "Knoten_Zulauf", "VON_SCHACHT", "VONSCHACHT", "VON_KNOTEN", "OBERER_KNOTEN",
                      "OBERER_SCHACHT", "SCHACHT_OBEN", "SCHOBEN", "SCH_OBEN", "Zulaufknoten", "Zulaufschacht",
                      "Anfangsschacht", "Anfangsknoten", "from_node", "us_node", "upstream_node", "start_node"],
    "knoten_ablauf": ["KnotenAblauf", "Knoten_Ablauf", "BIS_SCHACHT", "BISSCHACHT", "BIS_KNOTEN", "NACH_SCHACHT",
                      "UNTERER_KNOTEN", "UNTERER_SCHACHT", "SCHACHT_UNTEN", "SCHUNTEN", "SCH_UNTEN", "Ablaufknoten",
                      "Ablaufschacht", "Endschacht", "Endknoten", "to_node", "ds_node", "downstream_node",
                      "end_node"],
    "sohlhoehe_zulauf": ["SohlhoeheZulauf", "Sohlhoehe_Zulauf", "SOHLE_ZULAUF", "SOHLE_ZU", "SOHLEZU", "SOHLE_OBEN",
                         "SOHLEOBEN", "SOHLE_ANF", "SOHLHOEHE_OBEN", "SOHLHOE_ZU", "SH_ZULAUF", "SH_OBEN", "SOZU",
                         "us_invert", "invert_up", "upstream_invert", "start_invert"],
    "sohlhoehe_ablauf": ["SohlhoeheAblauf", "Sohlhoehe_Ablauf", "SOHLE_ABLAUF", "SOHLE_AB", "SOHLEAB", "SOHLE_UNTEN",
                         "SOHLEUNTEN", "SOHLE_END", "SOHLHOEHE_UNTEN", "SOHLHOE_AB", "SH_ABLAUF", "SH_UNTEN", "SOAB",
                         "ds_invert", "invert_down", "downstream_invert", "end_invert"],
    "laenge_m": ["Laenge", "Länge", "Haltungslaenge", "Haltungslänge", "LAENGE_M", "LAENGE_2D", "length",
                 "pipe_length", "LEN"],
    "dn_mm": ["DN", "Nennweite", "Profilbreite", "PROF_BREITE", "PROFBREITE", "Durchmesser", "DURCHM",
              "Breite", "diameter", "DIAM", "width"],
    "profilhoehe_mm": ["Profilhoehe", "Profilhöhe", "PROF_HOEHE", "PROFHOEHE", "PROFILHOE", "Hoehe_Profil",
                       "profile_height", "height"],
    "profilart": ["Profilart", "PROF_ART", "PROFART", "Profil", "Profilform", "Querschnitt", "PROFILNAM", "shape",
                  "profile"],
    "material": ["Material", "Werkstoff", "MAT", "Rohrmaterial", "ROHR_MAT", "pipe_material"],
    **_COMMON,
}

#: fields only sewer data has: a layer needs its key and one of these to be taken for sewer data
NODE_SPECIFIC = frozenset({"deckelhoehe", "sohlhoehe", "schachttiefe_m", "knotentyp", "bauwerkstyp"})
REACH_SPECIFIC = frozenset({"knoten_zulauf", "knoten_ablauf", "sohlhoehe_zulauf", "sohlhoehe_ablauf", "dn_mm",
                            "profilhoehe_mm"})

#: unit of each measured field when neither the profile nor the column name says otherwise
DEFAULT_UNITS = {"deckelhoehe": "m", "sohlhoehe": "m", "schachttiefe_m": "m", "sohlhoehe_zulauf": "m",
                 "sohlhoehe_ablauf": "m", "laenge_m": "m", "dn_mm": "mm", "profilhoehe_mm": "mm"}


def synonyms_for(kind: str) -> dict[str, list[str]]:
    """The synonym table of ``"nodes"`` or ``"reaches"``."""
    return NODE_SYNONYMS if kind == "nodes" else REACH_SYNONYMS


def target_for(kind: str) -> str:
    return TARGET_NODES if kind == "nodes" else TARGET_REACHES


def kind_of_target(target: str) -> str | None:
    return {TARGET_NODES: "nodes", TARGET_REACHES: "reaches"}.get(target)


def has_key(mapping: dict[str, str], kind: str) -> bool:
    """A reach may do without a key column when both node columns are there (key = Zulauf-Ablauf)."""
    return "objektbezeichnung" in mapping or (
        kind == "reaches" and "knoten_zulauf" in mapping and "knoten_ablauf" in mapping)


def looks_like_sewer(columns: list[str], kind: str) -> bool:
    """The columns propose a key and at least one sewer-specific field of this kind of layer."""
    m = propose(columns, synonyms_for(kind))
    specific = NODE_SPECIFIC if kind == "nodes" else REACH_SPECIFIC
    return has_key(m, kind) and bool(specific & set(m))
