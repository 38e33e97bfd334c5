"""Import dialogs: choosing files and the progress dialog with "Abbrechen"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

FILE_FILTER = ("Geodaten (*.gml *.xml *.gz *.tif *.tiff *.csv *.txt *.geojson *.json *.shp *.gpkg);;"
               "CityGML (*.gml *.xml);;ALKIS NAS (*.xml *.gml *.gz);;GeoTIFF-Geländemodell (*.tif *.tiff);;"
               "Baumkataster (*.csv *.txt *.geojson *.shp *.gpkg);;"
               "Kataster-Auszug (*.shp *.gpkg *.geojson *.json *.gml *.xml);;Alle Dateien (*)")
STEPS = 1000


def choose_import_files(parent: QWidget | None) -> list[Path]:
    """Ask for the files to import (empty list if the user cancels)."""
    files, _ = QFileDialog.getOpenFileNames(parent, "Dateien importieren", "", FILE_FILTER)
    return [Path(f) for f in files]


class ImportProgressDialog(QProgressDialog):
    """ "Importiere …" with a progress bar; "Abbrechen" emits ``canceled``."""

    def __init__(self, files: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__("Importiere …", "Abbrechen", 0, STEPS, parent)
        self.setWindowTitle("Import")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self._names = ", ".join(Path(f).name for f in files)
        self.setLabelText(f"Importiere {self._names} …")
        self.setValue(0)

    def update_progress(self, fraction: float, message: str) -> None:
        self.setValue(round(fraction * STEPS))
        self.setLabelText(f"Importiere {self._names} …\n{message}")
