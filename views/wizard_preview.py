"""What the wizard's file page shows about a file besides format and CRS: key facts and a small table.

Importers whose preview lists rows (CSV exports, CityJSON object types) are shown as they are; ISYBAU
files and LiDAR point clouds are summarised here (object counts; LAS header and classes), because
their importers' previews only name format and CRS. No Qt in this module.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from importers.base import ImportPreview, Importer
from twin.errors import FormatError

PREVIEW_ROWS = 10
#: shown when neither the file nor the user names a coordinate reference system
NO_CRS = "kein KBS in der Datei — bitte angeben (z. B. EPSG:25832)"
#: LiDAR: classes are counted over at most this many points (the first ones of the file)
MAX_CLASS_POINTS = 2_000_000

#: ASPRS standard classes (LAS 1.4 R15), German
LAS_CLASSES = {
    0: "nie klassifiziert", 1: "nicht klassifiziert", 2: "Boden", 3: "niedrige Vegetation",
    4: "mittlere Vegetation", 5: "hohe Vegetation", 6: "Gebäude", 7: "Rauschen (tief)",
    8: "Schlüsselpunkt (LAS 1.2)", 9: "Wasser", 10: "Schiene", 11: "Straßenoberfläche",
    12: "Überlappung (LAS 1.2)", 13: "Leitungsschutz", 14: "Leiterseil", 15: "Mast", 16: "Leitungsverbinder",
    17: "Brückendeck", 18: "Rauschen (hoch)", 19: "Überbauung", 20: "ignorierter Boden", 21: "Schnee",
    22: "zeitlich ausgeschlossen",
}

#: water meter fields offered on the mapping page (the importer's preview names only those it found)
METER_FIELDS = {
    "zaehlernummer": "Zählernummer", "zaehlerart": "Zählerart", "einbaudatum": "Einbaudatum",
    "eichjahr": "Eichjahr", "eichfrist": "Eichfrist (gültig bis)", "strasse": "Straße",
    "hausnummer": "Hausnummer", "adresse": "Adresse (Straße und Hausnummer)", "flurstueck": "Flurstück",
    "x": "Rechtswert", "y": "Hochwert", "ablesedatum": "Ablesedatum", "zaehlerstand": "Zählerstand",
    "kundennummer": "Kundennummer", "name": "Name", "altzaehler": "Altzähler", "ausbaudatum": "Ausbaudatum",
    "endstand": "Endstand Altzähler", "anfangsstand": "Anfangsstand",
}


@dataclass
class PreviewInfo:
    """Facts (label, text), then a table with a caption."""

    facts: list[tuple[str, str]] = field(default_factory=list)
    caption: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    align_numbers: bool = True  #: right-align numeric columns (counts; not rows of a file, whose ids are text)


def number(n: int | float, digits: int = 0) -> str:
    """German number format: 22.413 / 117,41."""
    text = f"{n:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


ENCODINGS = {"cp1252": "Windows-1252 (ANSI)", "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (mit BOM)",
             "iso-8859-1": "ISO-8859-1 (Latin-1)", "latin-1": "ISO-8859-1 (Latin-1)"}


def encoding_name(codec: str | None) -> str:
    """How a user knows the encoding (Windows-1252 rather than cp1252)."""
    return ENCODINGS.get((codec or "").lower(), codec or "–")


def cell(value: Any) -> str:
    return "" if value is None else str(value)


def mapping_fields(preview: ImportPreview) -> list[tuple[str, str]]:
    """The target fields the mapping page offers (all meter fields, not only the recognised ones)."""
    if preview.importer == "meters":
        return list(METER_FIELDS.items())
    return list(preview.fields)


def describe(importer: Importer, path: Path, preview: ImportPreview) -> PreviewInfo:
    """Facts and table for the file page; FormatError if the file cannot be read."""
    if importer.name == "isybau":
        return _isybau(path)
    if importer.name == "lidar":
        return _lidar(path)
    info = PreviewInfo(columns=list(preview.columns),
                       rows=[[cell(r.get(c)) for c in preview.columns] for r in preview.rows[:PREVIEW_ROWS]])
    if preview.fields:
        info.caption, info.align_numbers = "Erste Zeilen der Datei:", False
        dialect = []
        if getattr(preview, "delimiter", None):
            dialect.append(f"Trennzeichen „{preview.delimiter}“")
        if getattr(preview, "decimal", None):
            dialect.append(f"Dezimalzeichen „{preview.decimal}“")
        info.facts.append(("Spalten", f"{len(preview.columns)}" + (f" ({', '.join(dialect)})" if dialect else "")))
        titles = dict(mapping_fields(preview))
        found = [titles.get(k, k) for k in preview.mapping]
        info.facts.append(("Zuordnung", f"{len(found)} Felder erkannt: {', '.join(found)}" if found
                           else "keine Spalte erkannt – bitte im nächsten Schritt zuordnen"))
        problems = getattr(preview, "problems", [])
        if problems:
            info.facts.append(("Hinweise", f"{len(problems)} Zeile(n) mit Lesefehlern, z. B. {problems[0]}"))
    elif preview.rows:
        info.caption = "Inhalt der Datei:"
    return info


def _isybau(path: Path) -> PreviewInfo:
    from importers.isybau.parse import parse_isybau

    parsed = parse_isybau(path)
    lage = sorted(parsed.crs_lage)
    facts = [("ISYBAU-Version", parsed.version),
             ("Lagesystem (CRSLage)", ", ".join(lage) if lage else "keines in der Datei"),
             ("Höhensystem (CRSHoehe)", parsed.crs_hoehe or "–")]
    if parsed.problems:
        facts.append(("Hinweise", f"{len(parsed.problems)}, z. B. {parsed.problems[0][0]}"))
    rows = [["Schächte/Bauwerke (Knoten)", number(len(parsed.nodes))]]
    rows += [[f"   davon {art}", number(n)] for art, n in _by_art(parsed.nodes)]
    rows.append(["Haltungen/Leitungen (Kanten)", number(len(parsed.reaches))])
    rows += [[f"   davon {art}", number(n)] for art, n in _by_art(parsed.reaches)]
    rows.append(["Inspektionen (Zustandsdaten)", number(len(parsed.inspections))])
    rows.append(["Zustandsbeobachtungen", number(sum(len(i.observations) for i in parsed.inspections))])
    return PreviewInfo(facts=facts, caption="Objekte in der Datei:", columns=["Objektart", "Anzahl"], rows=rows)


def _by_art(records: list) -> list[tuple[str, int]]:
    return Counter(str(r.attrs.get("art") or "ohne Art") for r in records).most_common()


def _lidar(path: Path) -> PreviewInfo:
    import laspy

    counts = np.zeros(256, dtype=np.int64)
    read = 0
    try:
        with laspy.open(path) as f:
            h = f.header
            total = int(h.point_count)
            for pts in f.chunk_iterator(500_000):
                counts += np.bincount(np.asarray(pts.classification, dtype=np.int64), minlength=256)[:256]
                read += len(pts)
                if read >= MAX_CLASS_POINTS:
                    break
    except Exception as exc:  # laspy/lazrs raise various errors on broken files
        raise FormatError(f"Keine lesbare LAS/LAZ-Datei: {exc}", path=path) from None
    lo, hi = h.mins, h.maxs
    facts = [("LAS-Version", f"{h.version} (Punktformat {h.point_format.id})"),
             ("Punkte", number(total)),
             ("Ausdehnung", f"x {number(lo[0], 1)} … {number(hi[0], 1)}, y {number(lo[1], 1)} … "
                            f"{number(hi[1], 1)}, z {number(lo[2], 1)} … {number(hi[2], 1)} (Einheiten der Datei)")]
    if h.generating_software:
        facts.append(("Erzeugt mit", str(h.generating_software).strip()))
    caption = "Klassen (ASPRS):" if read >= total else \
        f"Klassen (ASPRS), gezählt in den ersten {number(read)} Punkten:"
    rows = [[str(c), LAS_CLASSES.get(c, "benutzerdefiniert"), number(int(counts[c]))]
            for c in np.flatnonzero(counts).tolist()]
    return PreviewInfo(facts=facts, caption=caption, columns=["Klasse", "Bedeutung", "Punkte"], rows=rows)
