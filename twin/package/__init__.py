"""Signed (and for the council encrypted) single-file packages of published twins – no Qt, no policy.

The content (a GeoPackage, rasters …) is built elsewhere; this package only writes, verifies and
opens the container: :mod:`keys` (Ed25519 publisher keys, X25519 recipients, trust store),
:mod:`manifest` (what is signed), :mod:`crypto` (chunked AES-256-GCM, scrypt/X25519 key wrapping),
:mod:`container` (file layout, :func:`write_package`, :func:`verify_package`, :func:`open_package`).
"""

from twin.package.container import (ENCRYPTED_ROLES, PASSPHRASE_ENV, SUFFIX, OpenedPackage, open_package,
                                     remove_tree, verify_package, write_package)
from twin.package.crypto import DEFAULT_SCRYPT, MIN_PASSPHRASE, ScryptParams
from twin.package.keys import (PUBLISHER_PRIVATE, PUBLISHER_PUBLIC, KeyPairFiles, fingerprint, load_private_key,
                               load_public_key, load_recipient_key, load_signing_key, new_publisher_key,
                               new_recipient_key, trusted_keys)
from twin.package.manifest import FileEntry, Manifest

__all__ = [
    "DEFAULT_SCRYPT", "ENCRYPTED_ROLES", "MIN_PASSPHRASE", "PASSPHRASE_ENV", "PUBLISHER_PRIVATE", "PUBLISHER_PUBLIC",
    "SUFFIX", "FileEntry", "KeyPairFiles", "Manifest", "OpenedPackage", "ScryptParams", "fingerprint",
    "load_private_key", "load_public_key", "load_recipient_key", "load_signing_key", "new_publisher_key",
    "new_recipient_key", "open_package", "remove_tree", "trusted_keys", "verify_package", "write_package",
]
