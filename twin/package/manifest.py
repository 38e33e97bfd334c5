"""The manifest of a package: what is signed, and how it maps to and from JSON.

Outer manifest (UTF-8 JSON, signed, readable without a passphrase)::

    {"format": "stadtzwilling-paket", "version": 1, "role": "buerger", "title": "…",
     "created": "2025-05-01T10:00:00Z", "publisher": "<fingerprint>", "meta": {…},
     "payload": {"size": <bytes>, "sha256": "<hex of the payload bytes as stored>"},
     "files": [{"path": "twin.gpkg", "size": 1234, "sha256": "…"}, …],          # plain only
     "encryption": {"cipher": "AES-256-GCM-STREAM", "chunk_size": 1048576,    # encrypted only
                    "nonce_prefix": "<b64>", "keys": [{"type": "scrypt", …}, {"type": "x25519", …}]}}

For an encrypted package the file list (names, count, sizes, hashes) is *not* in the outer manifest
but in an inner manifest at the start of the encrypted stream (``{"format": "…-inhalt",
"files": […]}``); the signed payload hash binds it all the same. What stays visible: role, title,
creation time, publisher, ``meta``, total (encrypted) size, scrypt parameters and recipient
fingerprints – so a title must not itself be confidential.

Paths are relative POSIX paths that are safe on Windows too: no ``..``, no absolute or drive paths,
no backslashes or ``<>:"|?*``, no reserved device names, unique without regard to case.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from twin.errors import PackageError

FORMAT = "stadtzwilling-paket"
INNER_FORMAT = "stadtzwilling-paket-inhalt"
VERSION = 1
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ROLE = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_BAD_CHARS = re.compile(r'[\x00-\x1f<>:"|?*\\]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class FileEntry:
    """One payload file: relative POSIX path, size in bytes, SHA-256 (hex)."""

    path: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class Manifest:
    """A package's signed description. ``files`` is empty for an encrypted package until opened."""

    role: str
    title: str
    created: str
    publisher: str
    payload_size: int
    payload_sha256: str
    files: tuple[FileEntry, ...] = ()
    encryption: dict[str, Any] | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    version: int = VERSION

    @property
    def encrypted(self) -> bool:
        return self.encryption is not None

    @property
    def recipients(self) -> list[str]:
        """Fingerprints of the X25519 recipients of an encrypted package."""
        keys = (self.encryption or {}).get("keys", [])
        return [k["recipient"] for k in keys if k.get("type") == "x25519"]

    @property
    def has_passphrase(self) -> bool:
        return any(k.get("type") == "scrypt" for k in (self.encryption or {}).get("keys", []))

    def with_files(self, files: tuple[FileEntry, ...]) -> Manifest:
        return replace(self, files=files)

    def to_json(self) -> bytes:
        """The exact bytes that are signed (sorted keys, compact, UTF-8)."""
        doc: dict[str, Any] = {
            "format": FORMAT, "version": self.version, "role": self.role, "title": self.title,
            "created": self.created, "publisher": self.publisher, "meta": self.meta,
            "payload": {"size": self.payload_size, "sha256": self.payload_sha256},
        }
        if self.encryption is not None:
            doc["encryption"] = self.encryption
        else:
            doc["files"] = [f.to_json() for f in self.files]
        return dumps(doc)

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        """Parse and validate; anything unexpected is a :class:`PackageError`."""
        doc = loads(data)
        if doc.get("format") != FORMAT:
            raise PackageError("Keine Stadtzwilling-Paketbeschreibung.")
        if doc.get("version") != VERSION:
            raise PackageError(f"Paketformat-Version {doc.get('version')!r} wird nicht unterstützt "
                               f"(bekannt: {VERSION}); bitte Stadtzwilling aktualisieren.")
        try:
            payload = doc["payload"]
            m = cls(role=_str(doc["role"]), title=_str(doc["title"]), created=_str(doc["created"]),
                    publisher=_str(doc["publisher"]), payload_size=_size(payload["size"]),
                    payload_sha256=_sha(payload["sha256"]), meta=dict(doc.get("meta") or {}),
                    encryption=doc.get("encryption"))
        except (KeyError, TypeError, ValueError) as exc:
            raise PackageError(f"Paketbeschreibung unvollständig oder fehlerhaft ({exc}).") from None
        check_role(m.role)
        if m.encryption is not None:
            enc = m.encryption
            if not isinstance(enc, dict) or not isinstance(enc.get("keys"), list) or not enc["keys"] \
                    or not all(isinstance(k, dict) for k in enc["keys"]):
                raise PackageError("Verschlüsselungsangaben der Paketbeschreibung fehlerhaft.")
            if "files" in doc:
                raise PackageError("Verschlüsseltes Paket mit offener Dateiliste.")
            return m
        return m.with_files(files_from_json(doc.get("files")))


def dumps(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError("Die Paketbeschreibung ist kein gültiges JSON.") from exc
    if not isinstance(doc, dict):
        raise PackageError("Die Paketbeschreibung ist kein JSON-Objekt.")
    return doc


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("Text erwartet")
    return v


def _size(v: Any) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise ValueError("Größe erwartet")
    return v


def _sha(v: Any) -> str:
    if not isinstance(v, str) or not _HEX64.match(v):
        raise ValueError("SHA-256 erwartet")
    return v


def check_role(role: str) -> str:
    """``role`` if it is a short lower-case identifier (``rat``, ``buerger`` …), else :class:`PackageError`."""
    if not isinstance(role, str) or not _ROLE.match(role):
        raise PackageError(f"Ungültige Rolle {role!r} (erlaubt: Kleinbuchstaben, Ziffern, _ und -).")
    return role


def check_path(path: str) -> str:
    """``path`` if it is a safe relative POSIX path (see module docstring), else :class:`PackageError`."""
    parts = path.split("/") if isinstance(path, str) else [""]
    for part in parts:
        if (part in ("", ".", "..") or _BAD_CHARS.search(part) or part != part.rstrip(" .")
                or part.split(".")[0].lower() in _RESERVED):
            raise PackageError(f"Unzulässiger Dateiname im Paket: {path!r}.")
    return path


def files_from_json(items: Any) -> tuple[FileEntry, ...]:
    """Validated file list: safe, unique (case-insensitive), no file also used as a folder."""
    if not isinstance(items, list):
        raise PackageError("Dateiliste der Paketbeschreibung fehlt.")
    out: list[FileEntry] = []
    seen: set[str] = set()
    for it in items:
        try:
            e = FileEntry(check_path(it["path"]), _size(it["size"]), _sha(it["sha256"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise PackageError(f"Dateiliste der Paketbeschreibung fehlerhaft ({exc}).") from None
        key = e.path.casefold()
        if key in seen:
            raise PackageError(f"Datei doppelt im Paket: {e.path!r}.")
        seen.add(key)
        out.append(e)
    folders = {"/".join(p.split("/")[:i]) for p in seen for i in range(1, p.count("/") + 1)}
    if folders & seen:
        raise PackageError("Ein Dateiname im Paket ist zugleich ein Ordnername.")
    return tuple(out)
