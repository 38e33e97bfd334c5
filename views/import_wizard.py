"""The import wizard: file → format/CRS/encoding and preview → column mapping → validation → import → summary.

Validation is a real dry run of the importer (everything read and written in a transaction that is
rolled back), so the report the user confirms is exactly what the import will do. Both run in a
worker thread with progress and "Abbrechen". The pages live in ``views/wizard_*_page.py``.
"""

from __future__ import annotations

from pathlib import Path

import tomli_w
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from importers.base import ImportPreview, ImportReport, Importer
from importers.meters.columns import TARGET as METERS_TARGET, MeterProfile, load_meter_profile
from importers.profiles import MappingProfile, profiles_dir, save_profile
from twin.project import Project
from views.wizard_file_page import FilePage
from views.wizard_mapping_page import NONE, MappingPage
from views.wizard_run_page import RunPage
from views.workers import Worker

__all__ = ["FilePage", "ImportWizard", "MappingPage", "NONE", "RunPage"]


class ImportWizard(QWizard):
    """Guides one file through detection, mapping, dry run and import. ``finished_import`` carries the report."""

    finished_import = Signal(object)

    def __init__(self, project: Project, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.importer: Importer | None = None
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self.worker: Worker | None = None
        self.setWindowTitle("Import-Assistent")
        self.setMinimumSize(820, 680)
        self.setButtonText(QWizard.WizardButton.NextButton, "Weiter >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< Zurück")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Abbrechen")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Fertig")
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = RunPage(self, dry_run=True)
        self.import_page = RunPage(self, dry_run=False)
        for page in (self.file_page, self.mapping_page, self.check_page, self.import_page):
            self.addPage(page)
        self.rejected.connect(self._cancel_running)
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    def _cancel_running(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()

    def configured_importer(self) -> Importer:
        """The importer with the user's CRS and mapping applied (the mapping is saved as a profile).

        The CRS field overrides the file's CRS only where the user changed it; emptied again, the
        file's own CRS counts again.
        """
        imp, preview = self.importer, self.preview
        crs = self.file_page.crs_edit.text().strip()
        if hasattr(imp, "source_crs"):
            imp.source_crs = crs if crs and crs != (preview.crs or "") else None
        mapping = self.mapping_page.mapping() if preview.fields else {}
        if not (preview.target and mapping and hasattr(imp, "profile")):
            return imp
        stem = Path(self.file_page.path_edit.text().strip()).stem
        folder = profiles_dir(self.project.root)
        if preview.target == METERS_TARGET:
            columns = {fld: mapping.get(fld, "") for fld, _title in preview.fields}  # "" = "(keine)": not imported
            imp.profile = self._save_meter_profile(MeterProfile(
                name=f"{METERS_TARGET}_{stem}", columns=columns, crs=crs or None), folder)
            return imp
        prof = MappingProfile(
            name=f"{preview.target}_{stem}", target=preview.target,
            columns={k: v for k, v in mapping.items() if k not in ("x", "y")},
            x=mapping.get("x"), y=mapping.get("y"), crs=crs or None)
        imp.profile = save_profile(prof, folder / f"{prof.name}.toml")
        return imp

    @staticmethod
    def _save_meter_profile(prof: MeterProfile, folder: Path) -> MeterProfile:
        """Write a water meter profile (usable with ``stadtzwilling import --profile``) and read it back."""
        data = {"name": prof.name, "target": METERS_TARGET, "columns": prof.columns}
        if prof.crs:
            data["crs"] = prof.crs
        if prof.eichfristen:
            data["eichfristen"] = prof.eichfristen
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{prof.name}.toml"
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        return load_meter_profile(path)
