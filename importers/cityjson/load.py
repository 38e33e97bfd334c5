"""CityJSON importer: parse (see :mod:`importers.cityjson`), then the shared CityGML writer."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from importers.base import CancelToken, ImportPreview, ImportReport, Problem, ProgressFn, resolve_file_crs
from importers.citygml.load import BuildingModelImporter
from importers.cityjson.parse import BUILDING_TYPES, parse_cityjson
from twin.errors import CRSError, FormatError, TwinIOError
from twin.project import Project

#: bytes read from the end of a file whose head does not name the format (keys written in sorted order)
_TAIL = 1 << 16


class CityJSONImporter(BuildingModelImporter):
    """3D buildings from CityJSON 1.0/1.1/2.0 (Building, BuildingPart; semantic surfaces; highest LoD)."""

    name = "cityjson"
    title = "3D-Gebäude (CityJSON)"
    suffixes = (".json", ".city.json", ".cityjson", ".jsonl", ".city.jsonl")
    format_label = "CityJSON"

    def __init__(self, source_crs: str | None = None) -> None:
        self.source_crs = source_crs

    def sniff(self, path: Path, head: bytes) -> bool:
        """A JSON object with ``"type": "CityJSON"`` or a ``"CityObjects"`` member (only CityJSON has one) in
        its first or last bytes (writers that sort the keys put ``type`` after the CityObjects)."""
        if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"{":
            return False
        if b'"CityJSON"' in head or b'"CityObjects"' in head:
            return True
        try:
            with open(path, "rb") as f:
                f.seek(max(0, f.seek(0, 2) - _TAIL))
                tail = f.read()
        except OSError:
            return False
        return b'"CityJSON"' in tail or b'"CityObjects"' in tail

    def preview(self, path: Path, project: Project) -> ImportPreview:
        """Version, CRS (``metadata.referenceSystem``) and objects per type; no geometry is built."""
        path = Path(path)
        try:
            doc = json.loads(path.read_bytes().decode("utf-8-sig"))
        except OSError as exc:
            raise TwinIOError(f"Datei kann nicht gelesen werden: {exc.strerror or exc}", path=path) from None
        except UnicodeDecodeError as exc:
            raise FormatError(f"Die Datei ist nicht UTF-8-kodiert (Byte {exc.start}).", path=path) from None
        except json.JSONDecodeError as exc:
            raise FormatError(f"Ungültiges JSON in Zeile {exc.lineno}, Spalte {exc.colno}: {exc.msg}", path=path,
                              line=exc.lineno) from None
        if not isinstance(doc, dict) or not isinstance(doc.get("CityObjects"), dict):
            raise FormatError("Keine CityJSON-Datei: es fehlt \"CityObjects\".", path=path)
        meta = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
        srs = meta.get("referenceSystem") or (meta.get("crs") or {}).get("epsg")
        srs = str(srs).strip() if srs else None
        types = Counter(str(o.get("type", "?")) for o in doc["CityObjects"].values() if isinstance(o, dict))
        if self.source_crs:
            crs, note = self.source_crs, "Angegeben."
        elif srs:
            crs, note = srs, "Aus der Datei (metadata.referenceSystem)."
        else:
            crs, note = None, "Die Datei nennt kein Koordinatensystem (metadata.referenceSystem fehlt)."
        return ImportPreview(importer=self.name, title=f"{self.title} – Version {doc.get('version', '?')}", crs=crs,
                             crs_note=note, encoding="UTF-8", columns=["Objekttyp", "Anzahl", "wird importiert"],
                             rows=[{"Objekttyp": t, "Anzahl": n,
                                    "wird importiert": "ja" if t in BUILDING_TYPES else "nein"}
                                   for t, n in types.most_common()])

    def run(self, project: Project, path: Path, report: ImportReport, progress: ProgressFn,
            cancel: CancelToken, actor: str) -> None:
        progress(0.0, f"Lese {path.name} …")
        parsed = parse_cityjson(path)
        cancel.check(path)
        progress(0.3, f"Lese {path.name} …")
        report.problems += [Problem(p.message, p.line, p.gml_id) for p in parsed.problems]
        srs = self.source_crs or parsed.srs_name
        if not srs:
            raise CRSError("Die Datei nennt kein Koordinatensystem (metadata.referenceSystem fehlt); "
                           "bitte das Quell-KBS angeben (z. B. --crs EPSG:7415).", path=path)
        src_crs = resolve_file_crs(srs, path)
        # CityJSON writes x, y, z (easting first) whatever the axis order of the EPSG definition
        self.write_model(project, path, report, progress, cancel, actor, parsed, srs, src_crs, swap_axes=False)
