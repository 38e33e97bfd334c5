"""The one exception hierarchy of Stadtzwilling.

Every error a user can see derives from :class:`TwinError`. Messages are German
(the UI language); ``where`` names the file, line and feature so that a planner
can find the problem in the source data. Built-in mix-ins (``OSError``,
``ValueError``) let callers that only know the standard library catch them too.
"""

from __future__ import annotations

from pathlib import Path


class TwinError(Exception):
    """Root of all Stadtzwilling errors. ``str()`` gives the full German message."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        feature: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.feature = feature
        super().__init__(self.__str__())

    @property
    def where(self) -> str:
        """Location prefix such as ``Datei 'a.gml', Zeile 12, Objekt 'DEBY_1'``."""
        parts = []
        if self.path:
            parts.append(f"Datei '{Path(self.path).name}'")
        if self.line is not None:
            parts.append(f"Zeile {self.line}")
        if self.feature:
            parts.append(f"Objekt '{self.feature}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.message}" if where else self.message


class ConfigError(TwinError, ValueError):
    """twin.toml or a layer/style declaration is invalid."""


class PolicyError(ConfigError):
    """policy.toml is invalid or contradicts the project's layers."""


class AccessDenied(TwinError, PermissionError):
    """The role may not read this layer, column or figure (enforced in the store API)."""


class ProjectError(TwinError):
    """A project folder is missing, incomplete or already exists."""


class TwinIOError(TwinError, OSError):
    """A file cannot be read or written."""


class CRSError(TwinError, ValueError):
    """A coordinate reference system is missing, unknown or not usable."""


class StoreError(TwinError):
    """The spatial store rejected an operation; nothing was written."""


class SchemaError(StoreError, ValueError):
    """A layer schema is invalid or does not match the stored table."""


class ImportFailed(TwinError):
    """A file could not be imported; the store is unchanged."""


class FormatError(ImportFailed, ValueError):
    """A file is not well-formed or not of the expected format."""


class ExtentError(ImportFailed, ValueError):
    """The data lie outside the project extent (often a wrong CRS)."""


class Cancelled(TwinError):
    """The user cancelled a long operation; nothing was written."""

    def __init__(self, message: str = "Vorgang abgebrochen; es wurde nichts geändert.", **kw) -> None:
        super().__init__(message, **kw)


class ReportError(TwinError, ValueError):
    """A council report cannot be made from what the project holds; the message says what is needed."""


class KeyFileError(TwinError, ValueError):
    """A key file is missing, unreadable, of the wrong type or would be overwritten."""


class PassphraseError(TwinError, ValueError):
    """A passphrase is missing, too short or wrong (package or key file)."""


class PackageError(TwinError, ValueError):
    """A published package is damaged, incomplete or not a Stadtzwilling package."""


class SignatureError(PackageError):
    """The signature does not match: the package was changed after signing."""


class UntrustedPublisher(SignatureError):
    """The package is signed by a key that is not in the trust store ("fremd signiert")."""


class LandError(TwinError, ValueError):
    """Land management (Flächenmanagement): a layer it needs is missing or a threshold is out of range."""
