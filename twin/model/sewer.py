"""Sewer network (Kanalkataster): nodes (Schächte, Bauwerke), reaches (Haltungen, Leitungen) and the
inspection observations (Zustandsdaten per DIN EN 13508-2).

Condition classes (``zustandsklasse``) are stored on the DWA-M 149-3 scale used by German
municipalities: 0 = sehr starker Mangel (Gefahr im Verzug) … 4 = geringfügiger Mangel, 5 = kein Mangel.
The worst class of a reach or node is therefore the *smallest* number. Files classified after the
Arbeitshilfen Abwasser (ISYBAU, where 0 = kein Schaden and 5 = schwerster Schaden) are converted on import;
the value as written in the file stays in ``klasse_datei``.

Sewer data is critical infrastructure: never in the citizen twin (role policy); it holds no personal data.
"""

from twin.store.schema import Field, LayerSchema

#: German names of the classes on the stored (DWA-M 149-3) scale
CONDITION_CLASSES = {
    0: "ZK 0 – sehr starker Mangel, sofort handeln",
    1: "ZK 1 – starker Mangel, kurzfristig handeln",
    2: "ZK 2 – mittlerer Mangel, mittelfristig handeln",
    3: "ZK 3 – leichter Mangel, langfristig handeln",
    4: "ZK 4 – geringfügiger Mangel",
    5: "ZK 5 – kein Mangel",
}

SEWER_NODES = LayerSchema(
    name="sewer_nodes",
    key="objektbezeichnung",
    title="Kanal: Schächte und Bauwerke",
    description="Knoten des Kanalnetzes (ISYBAU Objektart 2): Schächte, Bauwerke, Anschlusspunkte; "
                "Punkt in Deckelhöhe",
    geometry_type="POINT",
    has_z=True,
    fields=(
        Field("objektbezeichnung", "text", "Objektbezeichnung"),
        Field("art", "text", "Art (Schacht/Bauwerk/Anschlusspunkt)"),
        Field("knotentyp", "integer", "Knotentyp (ISYBAU)"),
        Field("bauwerkstyp", "integer", "Bauwerkstyp (ISYBAU)"),
        Field("deckelhoehe", "real", "Deckelhöhe [m ü. NHN]"),
        Field("sohlhoehe", "real", "Sohlhöhe [m ü. NHN]"),
        Field("schachttiefe_m", "real", "Schachttiefe [m]"),
        Field("entwaesserungsart", "text", "Entwässerungsart"),
        Field("status", "integer", "Status"),
        Field("baujahr", "integer", "Baujahr"),
        Field("strasse", "text", "Straße"),
        Field("zustandsklasse", "integer", "Zustandsklasse (schlechteste, DWA-M 149-3)"),
        Field("inspektionsdatum", "date", "Letzte Inspektion"),
        Field("hoehensystem", "text", "Höhensystem (Datei)"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

SEWER_REACHES = LayerSchema(
    name="sewer_reaches",
    key="objektbezeichnung",
    title="Kanal: Haltungen und Leitungen",
    description="Kanten des Kanalnetzes (ISYBAU Objektart 1) als 3D-Linie in Sohlhöhe vom Zulauf- zum Ablaufknoten",
    geometry_type="LINESTRING",
    has_z=True,
    fields=(
        Field("objektbezeichnung", "text", "Objektbezeichnung"),
        Field("art", "text", "Art (Haltung/Leitung)"),
        Field("knoten_zulauf", "text", "Knoten Zulauf"),
        Field("knoten_ablauf", "text", "Knoten Ablauf"),
        Field("sohlhoehe_zulauf", "real", "Sohlhöhe Zulauf [m ü. NHN]"),
        Field("sohlhoehe_ablauf", "real", "Sohlhöhe Ablauf [m ü. NHN]"),
        Field("laenge_m", "real", "Länge [m]"),
        Field("dn_mm", "integer", "Nennweite DN [mm] (Profilbreite)"),
        Field("profilhoehe_mm", "integer", "Profilhöhe [mm]"),
        Field("profilart", "text", "Profilart"),
        Field("material", "text", "Material"),
        Field("entwaesserungsart", "text", "Entwässerungsart"),
        Field("status", "integer", "Status"),
        Field("baujahr", "integer", "Baujahr"),
        Field("strasse", "text", "Straße"),
        Field("zustandsklasse", "integer", "Zustandsklasse (schlechteste, DWA-M 149-3)"),
        Field("inspektionsdatum", "date", "Letzte Inspektion"),
        Field("hoehensystem", "text", "Höhensystem (Datei)"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

SEWER_OBSERVATIONS = LayerSchema(
    name="sewer_observations",
    key="beobachtung_id",
    title="Kanal: Zustandsbeobachtungen",
    description="Beobachtungen der optischen Inspektion (Kodes nach DIN EN 13508-2) je Haltung/Schacht mit "
                "Position und Klasse; Schlüssel Objekt|Art|Datum|Auftrag|Nr.",
    geometry_type=None,
    fields=(
        Field("beobachtung_id", "text", "Beobachtungs-ID"),
        Field("objektbezeichnung", "text", "Objektbezeichnung"),
        Field("objekt_layer", "text", "Layer des Objekts"),
        Field("inspektionsdatum", "date", "Inspektionsdatum"),
        Field("auftragskennung", "text", "Auftragskennung"),
        Field("nr", "integer", "Lfd. Nr. in der Inspektion"),
        Field("station_m", "real", "Station / vertikale Lage [m]"),
        Field("kode", "text", "Inspektionskode (DIN EN 13508-2)"),
        Field("charakterisierung1", "text", "Charakterisierung 1"),
        Field("charakterisierung2", "text", "Charakterisierung 2"),
        Field("quantifizierung1", "real", "Quantifizierung 1"),
        Field("quantifizierung2", "real", "Quantifizierung 2"),
        Field("position_von", "text", "Umfangslage von [Uhr]"),
        Field("position_bis", "text", "Umfangslage bis [Uhr]"),
        Field("streckenschaden", "text", "Streckenschaden"),
        Field("kommentar", "text", "Kommentar"),
        Field("zustandsklasse", "integer", "Klasse der Beobachtung (DWA-M 149-3)"),
        Field("klasse_inspektion", "integer", "Klasse der Inspektion (DWA-M 149-3)"),
        Field("klasse_datei", "text", "Klasse wie in der Datei (Verfahren:Wert)"),
        Field("foto", "text", "Foto"),
        Field("source_file", "text", "Quelldatei"),
    ),
)

SEWER_LAYERS = (SEWER_NODES, SEWER_REACHES, SEWER_OBSERVATIONS)
