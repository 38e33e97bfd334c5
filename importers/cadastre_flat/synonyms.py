"""Column-name synonyms of flat cadastre exports (ALKIS Shape, NorBIT/ALKIS-Shape, WFS dumps, INSPIRE).

Keys are the fields of :data:`twin.model.cadastre.PARCELS`. Order matters: :func:`importers.profiles.propose`
matches exact names first (field by field in this order), then prefixes; each column is used once.
``gemarkung_name`` comes before ``gemarkung`` so that explicit name columns are not taken for the number.
"""

from __future__ import annotations

TARGET = "parcels"

PARCEL_SYNONYMS: dict[str, list[str]] = {
    "flurstueckskennzeichen": ["FLSTKENNZ", "flurstueckskennzeichen", "flstkennz", "fsk", "Kennzeichen",
                               "flurstkennz", "flurstueck_kennzeichen", "FSKZ", "FLSTKZ", "fs_kennz",
                               "nationalCadastralReference", "flurstueckskennung"],
    "land": ["land", "LAND", "landschluessel", "bundesland"],
    "gemarkung_name": ["gemarkungsname", "GEMNAME", "gemarkung_name", "GMK_NAME", "gmkname", "GEMA_NAME",
                       "gemarkungsbezeichnung"],
    "gemarkung": ["gemarkung", "GEMARKUNG", "GEMA", "gemarkungsnummer", "GEMASCHL", "gemarkungsschluessel",
                  "gmk", "gemarkung_nr", "gemanr", "GEM_NR"],
    "flur": ["flur", "FLUR", "flurnummer", "flurnr", "FLUR_NR"],
    "zaehler": ["zaehler", "FLSTNRZAE", "zähler", "flstnrzae", "flurstueckszaehler", "flstzae", "ZAE"],
    "nenner": ["nenner", "FLSTNRNEN", "flstnrnen", "flurstuecksnenner", "flstnen", "NEN"],
    "flurstuecksnummer": ["flurstuecksnummer", "flurstücksnummer", "FLSTNR", "flstnummer", "label",
                          "flurstueck", "flurstueck_nr"],
    "amtliche_flaeche": ["amtlicheFlaeche", "amtliche_flaeche", "AFL", "flaeche", "fläche", "areaValue",
                         "buchflaeche", "FLAECHE_AMTL", "amtl_flaeche"],
    "lagebezeichnung": ["lage", "Lagebezeichnung", "LAGEBEZ", "lagebeztxt", "adresse", "LAGE_TXT"],
    "nutzung": ["nutzung", "tatsaechlicheNutzung", "NUTZUNG", "nutzungsart", "TN", "NUTZART"],
    "gml_id": ["gml_id", "gmlid", "objektkennung", "OID", "objid", "idflurst"],
}

#: the fields that identify a parcel: either a key column or all three parts to build it from
KEY_FIELD = "flurstueckskennzeichen"
KEY_PARTS = ("gemarkung", "flur", "zaehler")
