"""Encryption of council packages: chunked AES-256-GCM and wrapping of the content key.

* **Content**: a random 256-bit content key encrypts the payload with AES-256-GCM in chunks of
  ``chunk_size`` plaintext bytes (1 MiB), a STREAM construction: chunk ``i`` uses the nonce
  ``prefix (8 random bytes) || i (uint32, big-endian)`` and the associated data
  ``b"SZPKG/1" || last`` where ``last`` is 1 for the final chunk and 0 otherwise. Reordering or
  swapping chunks breaks the nonce, cutting the stream at a chunk border leaves a final chunk that
  was sealed with ``last = 0``; both fail authentication. Every chunk but the last is full, the last
  holds 1..``chunk_size`` bytes, so the chunk count follows from the (signed) ciphertext size.
  Memory is about two chunks, whatever the size of the rasters.
* **Passphrase**: the content key is sealed with AES-256-GCM under a key derived by scrypt
  (memory-hard) from the NFC-normalised UTF-8 passphrase and a random 16-byte salt. Default
  ``n = 2**17, r = 8, p = 1``: 128 MiB of memory, ≈ 0.4 s once per write and per open (measured on
  the 2-core CI VM; 2**14 ≈ 0.06 s, 2**18 ≈ 0.7 s). A wrong passphrase fails the GCM tag of the
  wrapped key, before any content is touched. Tests pass a cheaper :class:`ScryptParams`.
* **Recipients** (optional): per recipient, a fresh ephemeral X25519 key agrees a secret with the
  recipient's public key; HKDF-SHA256 (salt ``ephemeral || recipient`` public bytes) turns it into
  the AES-256-GCM key that seals the content key.

Parameters and wrapped keys are JSON-able dicts (bytes as base64) stored in the signed manifest.
"""

from __future__ import annotations

import base64
import os
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from twin.errors import PackageError, PassphraseError, SignatureError
from twin.package.keys import fingerprint

CIPHER = "AES-256-GCM-STREAM"
CHUNK_SIZE = 1 << 20
TAG = 16
KEY_LEN = 32
PREFIX_LEN = 8
MIN_PASSPHRASE = 8
_AAD = b"SZPKG/1"
_WRAP_AAD = {"scrypt": b"SZPKG/1 wrap scrypt", "x25519": b"SZPKG/1 wrap x25519"}
_HKDF_INFO = b"stadtzwilling-paket/1 x25519 key wrap"


@dataclass(frozen=True)
class ScryptParams:
    """scrypt cost: ``n`` (power of two), block size ``r``, parallelism ``p``; memory 128·n·r bytes."""

    n: int = 2 ** 17
    r: int = 8
    p: int = 1

    def check(self) -> None:
        """Refuse nonsensical or absurdly expensive parameters (also guards the reader)."""
        n, r, p = self.n, self.r, self.p
        if not (isinstance(n, int) and 2 ** 10 <= n <= 2 ** 20 and n & (n - 1) == 0
                and isinstance(r, int) and 1 <= r <= 32 and isinstance(p, int) and 1 <= p <= 16
                and 128 * n * r * p <= 1 << 30):
            raise PackageError(f"Unzulässige scrypt-Parameter n={n}, r={r}, p={p}.")


DEFAULT_SCRYPT = ScryptParams()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, length: int | None = None) -> bytes:
    """Decode a base64 field of the manifest; wrong type/length is a damaged package."""
    try:
        data = base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError) as exc:
        raise PackageError("Paketbeschreibung beschädigt (Base64-Feld).") from exc
    if length is not None and len(data) != length:
        raise PackageError("Paketbeschreibung beschädigt (falsche Feldlänge).")
    return data


def check_new_passphrase(passphrase: str) -> None:
    """A passphrase for a new package: not empty, at least ``MIN_PASSPHRASE`` characters."""
    if not passphrase or not passphrase.strip():
        raise PassphraseError("Die Passphrase für das Ratspaket ist leer.")
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseError(f"Die Passphrase ist zu kurz (mindestens {MIN_PASSPHRASE} Zeichen).")


def _passphrase_key(passphrase: str, salt: bytes, params: ScryptParams) -> bytes:
    data = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=KEY_LEN, n=params.n, r=params.r, p=params.p).derive(data)


def wrap_with_passphrase(content_key: bytes, passphrase: str, params: ScryptParams = DEFAULT_SCRYPT) -> dict:
    """Seal ``content_key`` under a scrypt key from ``passphrase``; returns the manifest entry."""
    params.check()
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_passphrase_key(passphrase, salt, params)).encrypt(nonce, content_key, _WRAP_AAD["scrypt"])
    return {"type": "scrypt", "n": params.n, "r": params.r, "p": params.p,
            "salt": b64(salt), "nonce": b64(nonce), "key": b64(sealed)}


def _recipient_kek(shared: bytes, eph_pub: bytes, rcpt_pub: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=eph_pub + rcpt_pub, info=_HKDF_INFO).derive(shared)


def wrap_for_recipient(content_key: bytes, recipient: X25519PublicKey) -> dict:
    """Seal ``content_key`` for one X25519 recipient; returns the manifest entry."""
    eph = X25519PrivateKey.generate()
    eph_pub, rcpt_pub = eph.public_key().public_bytes_raw(), recipient.public_bytes_raw()
    kek = _recipient_kek(eph.exchange(recipient), eph_pub, rcpt_pub)
    nonce = os.urandom(12)
    sealed = AESGCM(kek).encrypt(nonce, content_key, _WRAP_AAD["x25519"])
    return {"type": "x25519", "recipient": fingerprint(recipient), "ephemeral": b64(eph_pub),
            "nonce": b64(nonce), "key": b64(sealed)}


def unwrap_content_key(entries: list[Mapping[str, Any]], *, passphrase: str | None = None,
                       recipient_key: X25519PrivateKey | None = None) -> bytes:
    """The content key from the first matching entry; :class:`PassphraseError` if none opens."""
    if recipient_key is not None:
        fp = fingerprint(recipient_key)
        for e in entries:
            if e.get("type") == "x25519" and e.get("recipient") == fp:
                eph_pub = unb64(e.get("ephemeral"), 32)
                kek = _recipient_kek(recipient_key.exchange(X25519PublicKey.from_public_bytes(eph_pub)),
                                     eph_pub, recipient_key.public_key().public_bytes_raw())
                try:
                    return AESGCM(kek).decrypt(unb64(e.get("nonce"), 12), unb64(e.get("key"), KEY_LEN + TAG),
                                               _WRAP_AAD["x25519"])
                except InvalidTag:
                    raise SignatureError("Der Schlüssel für diesen Empfänger ist beschädigt.") from None
        if passphrase is None:
            raise PassphraseError(f"Das Paket ist nicht für den Empfängerschlüssel {fp} verschlüsselt.")
    if passphrase is None:
        raise PassphraseError("Das Paket ist verschlüsselt; bitte die Passphrase angeben.")
    pw_entries = [e for e in entries if e.get("type") == "scrypt"]
    if not pw_entries:
        raise PassphraseError("Das Paket ist nur für Empfängerschlüssel verschlüsselt, nicht mit einer Passphrase.")
    for e in pw_entries:
        params = ScryptParams(e.get("n"), e.get("r"), e.get("p"))
        params.check()
        kek = _passphrase_key(passphrase, unb64(e.get("salt"), 16), params)
        try:
            return AESGCM(kek).decrypt(unb64(e.get("nonce"), 12), unb64(e.get("key"), KEY_LEN + TAG),
                                       _WRAP_AAD["scrypt"])
        except InvalidTag:
            continue
    raise PassphraseError("Die Passphrase ist falsch.")


def _nonce(prefix: bytes, index: int) -> bytes:
    if index >= 1 << 32:
        raise PackageError("Zu viele Blöcke für einen Schlüssel.")
    return prefix + index.to_bytes(4, "big")


class ChunkEncryptor:
    """Buffers plaintext and hands sealed chunks to ``sink``; call :meth:`finish` once at the end."""

    def __init__(self, key: bytes, prefix: bytes, sink: Callable[[bytes], None], chunk_size: int = CHUNK_SIZE) -> None:
        self._aead, self._prefix, self._sink, self._size = AESGCM(key), prefix, sink, chunk_size
        self._buf = bytearray()
        self._index = 0

    def _seal(self, data: bytes, last: bool) -> None:
        self._sink(self._aead.encrypt(_nonce(self._prefix, self._index), data, _AAD + (b"\x01" if last else b"\x00")))
        self._index += 1

    def write(self, data: bytes) -> None:
        self._buf += data
        while len(self._buf) > self._size:  # strictly more: the final chunk is never empty
            self._seal(bytes(self._buf[:self._size]), False)
            del self._buf[:self._size]

    def finish(self) -> None:
        if not self._buf:
            raise PackageError("Leerer verschlüsselter Inhalt.")
        self._seal(bytes(self._buf), True)
        self._buf.clear()


def decrypt_chunks(key: bytes, prefix: bytes, read_exact: Callable[[int], bytes], size: int,
                   chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """Plaintext chunks of a ``size``-byte ciphertext read with ``read_exact``; any change raises."""
    sealed = chunk_size + TAG
    count = max(1, -(-size // sealed))
    last_len = size - (count - 1) * sealed
    if last_len < TAG + 1:
        raise SignatureError("Der verschlüsselte Inhalt ist unvollständig.")
    aead = AESGCM(key)
    for i in range(count):
        last = i == count - 1
        try:
            yield aead.decrypt(_nonce(prefix, i), read_exact(last_len if last else sealed),
                               _AAD + (b"\x01" if last else b"\x00"))
        except InvalidTag:
            raise SignatureError(f"Der verschlüsselte Inhalt wurde verändert (Block {i + 1} von {count}).") from None
