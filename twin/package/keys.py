"""Publisher (Ed25519) and recipient (X25519) key pairs, fingerprints and the trust store.

Key files are PEM text, so they can be mailed, diffed and checked with ``openssl pkey``:

* ``publisher_ed25519.pem`` – the publisher's private signing key (PKCS#8). Encrypted with the
  passphrase (``BestAvailableEncryption``) if one is given; written with mode 0600. It stays in the
  Verwaltung.
* ``publisher_ed25519.pub`` – the public key (SubjectPublicKeyInfo). Viewers get this file; a folder
  of trusted ``*.pub`` files is the *trust store* (:func:`trusted_keys`).
* ``<name>_x25519.pem`` / ``<name>_x25519.pub`` – a council member's *recipient* key pair for
  per-recipient encryption: the member keeps the ``.pem``, the publisher gets the ``.pub``.

A *fingerprint* is the SHA-256 of the 32 raw public-key bytes, written as 16 groups of four hex
digits separated by ``:`` (``3f2a:91c0:…``). Key files are never overwritten.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from twin.errors import KeyFileError, PassphraseError

PUBLISHER_PRIVATE = "publisher_ed25519.pem"
PUBLISHER_PUBLIC = "publisher_ed25519.pub"
RECIPIENT_SUFFIX = "_x25519"

PublicKey = Union[Ed25519PublicKey, X25519PublicKey]
PrivateKey = Union[Ed25519PrivateKey, X25519PrivateKey]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class KeyPairFiles:
    """Where a new key pair was written, and its fingerprint."""

    private: Path
    public: Path
    fingerprint: str


def fingerprint(key: PublicKey | PrivateKey) -> str:
    """SHA-256 of the raw public-key bytes as ``xxxx:xxxx:…`` (16 groups); private keys allowed."""
    if isinstance(key, (Ed25519PrivateKey, X25519PrivateKey)):
        key = key.public_key()
    digest = hashlib.sha256(key.public_bytes_raw()).hexdigest()
    return ":".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def _encryption(passphrase: str | None) -> ser.KeySerializationEncryption:
    if passphrase is None:
        return ser.NoEncryption()
    if not passphrase.strip():
        raise PassphraseError("Die Passphrase für den Schlüssel ist leer.")
    return ser.BestAvailableEncryption(passphrase.encode("utf-8"))


def _write_pair(folder: Path, private: PrivateKey, stem: str, passphrase: str | None) -> KeyPairFiles:
    folder = Path(folder)
    enc = _encryption(passphrase)
    priv_path, pub_path = folder / f"{stem}.pem", folder / f"{stem}.pub"
    for p in (priv_path, pub_path):
        if p.exists():
            raise KeyFileError("Die Schlüsseldatei existiert bereits und wird nicht überschrieben.", path=p)
    priv_pem = private.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, enc)
    pub_pem = private.public_key().public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, data, mode in ((priv_path, priv_pem, 0o600), (pub_path, pub_pem, 0o644)):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
            written.append(path)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
    except OSError as exc:
        for p in written:
            p.unlink(missing_ok=True)
        raise KeyFileError(f"Die Schlüsseldatei kann nicht geschrieben werden: {exc.strerror or exc}",
                           path=exc.filename or folder) from exc
    return KeyPairFiles(priv_path, pub_path, fingerprint(private))


def new_publisher_key(folder: str | Path, passphrase: str | None = None) -> KeyPairFiles:
    """Create ``publisher_ed25519.pem``/``.pub`` in ``folder`` (created if needed; never overwritten)."""
    return _write_pair(Path(folder), Ed25519PrivateKey.generate(), Path(PUBLISHER_PRIVATE).stem, passphrase)


def new_recipient_key(folder: str | Path, name: str, passphrase: str | None = None) -> KeyPairFiles:
    """Create a council member's X25519 key pair ``<name>_x25519.pem``/``.pub`` in ``folder``."""
    if not _NAME.match(name):
        raise KeyFileError(f"Ungültiger Empfängername „{name}“ (erlaubt: Buchstaben, Ziffern, _ . -).")
    return _write_pair(Path(folder), X25519PrivateKey.generate(), name + RECIPIENT_SUFFIX, passphrase)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError("Die Schlüsseldatei fehlt.", path=path) from None
    except OSError as exc:
        raise KeyFileError(f"Die Schlüsseldatei kann nicht gelesen werden: {exc.strerror or exc}",
                           path=path) from exc


def load_private_key(path: str | Path, passphrase: str | None = None) -> PrivateKey:
    """A private key file (Ed25519 or X25519); a passphrase given for an unencrypted key is ignored."""
    path = Path(path)
    data = _read(path)
    encrypted = b"ENCRYPTED PRIVATE KEY" in data
    if encrypted and not passphrase:
        raise PassphraseError("Die Schlüsseldatei ist mit einer Passphrase geschützt; bitte angeben.", path=path)
    try:
        key = ser.load_pem_private_key(data, passphrase.encode("utf-8") if encrypted and passphrase else None)
    except ValueError as exc:
        if encrypted:
            raise PassphraseError("Die Passphrase für die Schlüsseldatei ist falsch.", path=path) from exc
        raise KeyFileError("Die Datei enthält keinen lesbaren privaten Schlüssel (PEM).", path=path) from exc
    except TypeError as exc:  # pragma: no cover - guarded by the ENCRYPTED check above
        raise KeyFileError(str(exc), path=path) from exc
    if not isinstance(key, (Ed25519PrivateKey, X25519PrivateKey)):
        raise KeyFileError("Die Datei enthält weder einen Ed25519- noch einen X25519-Schlüssel.", path=path)
    return key


def load_signing_key(path: str | Path, passphrase: str | None = None) -> Ed25519PrivateKey:
    """The publisher's Ed25519 signing key (``publisher_ed25519.pem``)."""
    key = load_private_key(path, passphrase)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError("Die Datei enthält keinen Herausgeber-Schlüssel (Ed25519).", path=path)
    return key


def load_recipient_key(path: str | Path, passphrase: str | None = None) -> X25519PrivateKey:
    """A council member's X25519 private key (``<name>_x25519.pem``)."""
    key = load_private_key(path, passphrase)
    if not isinstance(key, X25519PrivateKey):
        raise KeyFileError("Die Datei enthält keinen Empfänger-Schlüssel (X25519).", path=path)
    return key


def load_public_key(path: str | Path) -> PublicKey:
    """A ``.pub`` file (PEM SubjectPublicKeyInfo): Ed25519 (publisher) or X25519 (recipient)."""
    path = Path(path)
    try:
        key = ser.load_pem_public_key(_read(path))
    except ValueError as exc:
        raise KeyFileError("Die Datei enthält keinen lesbaren öffentlichen Schlüssel (PEM).", path=path) from exc
    if not isinstance(key, (Ed25519PublicKey, X25519PublicKey)):
        raise KeyFileError("Die Datei enthält weder einen Ed25519- noch einen X25519-Schlüssel.", path=path)
    return key


def trusted_keys(folder: str | Path) -> dict[str, Ed25519PublicKey]:
    """The trust store: every Ed25519 key in the ``*.pub`` files of ``folder``, by fingerprint.

    A missing folder or an unreadable ``.pub`` file is an error (a broken trust store must not
    silently trust nothing or the wrong key); X25519 recipient keys in the folder are skipped.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise KeyFileError("Der Ordner mit vertrauenswürdigen Schlüsseln fehlt.", path=folder)
    out: dict[str, Ed25519PublicKey] = {}
    for p in sorted(folder.glob("*.pub")):
        key = load_public_key(p)
        if isinstance(key, Ed25519PublicKey):
            out[fingerprint(key)] = key
    return out
