"""Writing, verifying and opening single-file packages (``.szpkg``).

Layout (integers big-endian)::

    0           MAGIC b"\\x89SZP\\r\\n\\x1a\\n"                     8 bytes
    8           payload                                      P bytes
    8+P         manifest, UTF-8 JSON (see manifest.py)       M bytes
    8+P+M       Ed25519 signature over SIG_CONTEXT || manifest   64 bytes
    end-20      trailer: P (uint64), M (uint32), b"SZPKGEND"

*Payload*: a plain package holds the files concatenated in manifest order; an encrypted one holds the
chunked AES-256-GCM stream (crypto.py) of ``uint32 L || inner manifest (L bytes) || files``.
The manifest carries size and SHA-256 of the payload as stored, so the one signature binds every
byte; the reader checks signature and publisher, then the payload hash – all without a passphrase –
and only then unwraps the key, decrypts and extracts, checking each file's SHA-256 again.

*Why this layout*: the manifest sits behind the payload because the payload hash (of the ciphertext)
is only known after writing it; so the writer makes one pass over the content (plus one hashing
pre-pass for the file list) and never holds a file in memory. The magic bytes detect text-mode
mangling like PNG's; the trailer detects truncation. ZIP was not used: its encryption is weak and
its central directory adds parsing surface without benefit here.

*Atomicity*: :func:`write_package` writes ``.<name>.<random>.part`` next to ``out`` and renames it at
the end; on any error or cancel the part file is removed and an existing ``out`` is untouched.
:func:`open_package` extracts into a hidden sibling folder of ``dest`` and renames it likewise.
Extracted files are read-only (0444).

*Cost* (100 MiB, warm cache, 2-core VM): write ≈ 0.3 s plain, ≈ 0.35 s encrypted plus scrypt;
verify ≈ 0.07 s; open ≈ 0.17 s plain, ≈ 0.22 s encrypted plus scrypt. Memory: a few MiB (+ scrypt). A GeoPackage meant for a package should be written with
``journal_mode=DELETE`` (no WAL) so that it opens from a read-only file.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import stat
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from twin.errors import (Cancelled, KeyFileError, PackageError, PassphraseError, SignatureError, TwinError,
                         TwinIOError, UntrustedPublisher)
from twin.package.crypto import (CHUNK_SIZE, CIPHER, DEFAULT_SCRYPT, PREFIX_LEN, ChunkEncryptor, ScryptParams, b64,
                                 check_new_passphrase, decrypt_chunks, unb64, unwrap_content_key,
                                 wrap_for_recipient, wrap_with_passphrase)
from twin.package.keys import fingerprint, trusted_keys
from twin.package.manifest import (INNER_FORMAT, FileEntry, Manifest, check_path, check_role, dumps, files_from_json,
                                   loads)

MAGIC = b"\x89SZP\r\n\x1a\n"
END = b"SZPKGEND"
TRAILER = struct.Struct(">QI8s")
SIG_LEN = 64
SIG_CONTEXT = b"stadtzwilling-paket/1\n"
SUFFIX = ".szpkg"
#: Environment variable for the council passphrase in scripted use (read by the CLI, not here).
PASSPHRASE_ENV = "STADTZWILLING_PASSPHRASE"
#: Roles whose packages must be encrypted; a plain package for them is refused.
ENCRYPTED_ROLES = frozenset({"rat"})
MAX_MANIFEST = 16 << 20
BLOCK = 1 << 20
_FINGERPRINT = re.compile(r"^[0-9a-f]{4}(:[0-9a-f]{4}){15}$")

Progress = Callable[[float, str], None]
Trusted = Mapping[str, Ed25519PublicKey] | str | Path


class _Ticker:
    """Counts processed bytes, reports ``progress(fraction, message)`` and honours ``cancel``."""

    def __init__(self, progress: Progress | None, cancel: Any, path: Path, total: int) -> None:
        self.progress, self.cancel, self.path, self.total, self.done = progress, cancel, path, max(total, 1), 0

    def __call__(self, n: int, message: str) -> None:
        c = self.cancel
        if c is not None and (c() if callable(c) else getattr(c, "cancelled", False)):
            raise Cancelled(path=self.path)
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done / self.total, 1.0), message)


@dataclass
class OpenedPackage:
    """A verified, extracted package: its manifest (with the file list) and the read-only folder."""

    manifest: Manifest
    root: Path
    source: Path

    def path(self, rel: str) -> Path:
        """The extracted file ``rel`` (a path from ``manifest.files``)."""
        return self.root.joinpath(*check_path(rel).split("/"))

    def close(self) -> None:
        """Delete the extracted folder."""
        remove_tree(self.root)

    def __enter__(self) -> OpenedPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def remove_tree(root: Path) -> None:
    """Delete a folder with read-only files (as extracted by :func:`open_package`), if it exists."""
    root = Path(root)
    if not root.exists():
        return
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, stat.S_IRWXU)
        for name in files:
            os.chmod(os.path.join(folder, name), stat.S_IRUSR | stat.S_IWUSR)
    shutil.rmtree(root)


# ----------------------------------------------------------------------------------------- writing

def _list_files(src: Path, out: Path) -> list[tuple[str, Path]]:
    if not src.is_dir():
        raise TwinIOError("Der Ordner mit dem Paketinhalt fehlt.", path=src)
    src_res = src.resolve()
    if src_res == out.resolve().parent or src_res in out.resolve().parents:
        raise PackageError("Das Paket darf nicht im Ordner seines eigenen Inhalts liegen.", path=out)
    found: list[tuple[str, Path]] = []
    for folder, dirs, files in os.walk(src, followlinks=False):
        for name in dirs + files:
            p = Path(folder, name)
            if p.is_symlink():
                raise PackageError("Verknüpfungen (Symlinks) werden nicht veröffentlicht.", path=p)
        for name in files:
            p = Path(folder, name)
            if not p.is_file():
                raise PackageError("Keine gewöhnliche Datei.", path=p)
            found.append((check_path(p.relative_to(src).as_posix()), p))
    if not found:
        raise PackageError("Der Ordner enthält keine Dateien für ein Paket.", path=src)
    found.sort()
    keys = [rel.casefold() for rel, _ in found]
    if len(set(keys)) != len(keys):
        raise PackageError("Dateinamen unterscheiden sich nur in Groß-/Kleinschreibung.", path=src)
    return found


def _blocks(path: Path, tick: _Ticker, rel: str) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while block := f.read(BLOCK):
            tick(len(block), rel)
            yield block


def _hash_file(path: Path, rel: str, tick: _Ticker) -> FileEntry:
    h, size = hashlib.sha256(), 0
    for block in _blocks(path, tick, rel):
        h.update(block)
        size += len(block)
    return FileEntry(rel, size, h.hexdigest())


class _PayloadSink:
    """Writes payload bytes to the package file and hashes them."""

    def __init__(self, f: IO[bytes]) -> None:
        self.f, self.h, self.size = f, hashlib.sha256(), 0

    def write(self, data: bytes) -> None:
        self.f.write(data)
        self.h.update(data)
        self.size += len(data)


def _copy_checked(entry: FileEntry, path: Path, tick: _Ticker, write: Callable[[bytes], None]) -> None:
    h, size = hashlib.sha256(), 0
    for block in _blocks(path, tick, entry.path):
        h.update(block)
        size += len(block)
        write(block)
    if size != entry.size or h.hexdigest() != entry.sha256:
        raise PackageError("Die Datei hat sich während des Schreibens des Pakets geändert.", path=path)


def write_package(src_dir: str | Path, out: str | Path, *, role: str, title: str,
                  signing_key: Ed25519PrivateKey | None, passphrase: str | None = None,
                  recipients: Iterable[X25519PublicKey] = (), meta: Mapping[str, Any] | None = None,
                  progress: Progress | None = None, cancel: Any = None,
                  scrypt: ScryptParams = DEFAULT_SCRYPT) -> Manifest:
    """Pack every file under ``src_dir`` into the signed package ``out``; returns its manifest.

    Encrypted if a ``passphrase`` or ``recipients`` (X25519 public keys) are given – required for the
    roles in :data:`ENCRYPTED_ROLES`. ``meta`` (JSON-able) is stored unencrypted. ``cancel`` is a
    callable returning True or an object with a ``cancelled`` attribute (``CancelToken``). The
    returned manifest lists the files even for an encrypted package.
    """
    src_dir, out = Path(src_dir), Path(out)
    if not isinstance(signing_key, Ed25519PrivateKey):
        raise KeyFileError("Kein Herausgeber-Schlüssel (Ed25519) angegeben; ein Paket wird nur signiert "
                           "geschrieben. Schlüssel anlegen mit „stadtzwilling keys new ORDNER“.")
    recipients = list(recipients)
    if not all(isinstance(r, X25519PublicKey) for r in recipients):
        raise KeyFileError("Empfängerschlüssel müssen öffentliche X25519-Schlüssel sein.")
    if passphrase is not None:
        check_new_passphrase(passphrase)
    encrypted = passphrase is not None or bool(recipients)
    if role in ENCRYPTED_ROLES and not encrypted:
        raise PassphraseError(f"Pakete für die Rolle „{role}“ werden verschlüsselt: bitte eine Passphrase "
                              "(oder Empfängerschlüssel) angeben.")
    try:
        meta_doc = loads(dumps(dict(meta or {})))
    except (TypeError, ValueError) as exc:
        raise PackageError(f"Zusatzangaben (meta) sind nicht als JSON darstellbar: {exc}") from None
    check_role(role)
    if not out.parent.is_dir():
        raise TwinIOError("Der Zielordner für das Paket existiert nicht.", path=out.parent)
    if out.is_dir():
        raise TwinIOError("Das Ziel ist ein Ordner, keine Paketdatei.", path=out)

    files = _list_files(src_dir, out)
    tick = _Ticker(progress, cancel, out, 2 * sum(p.stat().st_size for _, p in files))
    entries = tuple(_hash_file(p, rel, tick) for rel, p in files)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
    try:
        try:
            with open(tmp, "xb") as f:
                f.write(MAGIC)
                sink = _PayloadSink(f)
                encryption = None
                if encrypted:
                    key, prefix = os.urandom(32), os.urandom(PREFIX_LEN)
                    keys = ([wrap_with_passphrase(key, passphrase, scrypt)] if passphrase is not None else [])
                    keys += [wrap_for_recipient(key, r) for r in recipients]
                    encryption = {"cipher": CIPHER, "chunk_size": CHUNK_SIZE, "nonce_prefix": b64(prefix),
                                  "keys": keys}
                    enc = ChunkEncryptor(key, prefix, sink.write, CHUNK_SIZE)
                    inner = dumps({"format": INNER_FORMAT, "files": [e.to_json() for e in entries]})
                    enc.write(len(inner).to_bytes(4, "big") + inner)
                    for e, (_, p) in zip(entries, files):
                        _copy_checked(e, p, tick, enc.write)
                    enc.finish()
                else:
                    for e, (_, p) in zip(entries, files):
                        _copy_checked(e, p, tick, sink.write)
                manifest = Manifest(
                    role=role, title=str(title), publisher=fingerprint(signing_key),
                    created=datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
                    payload_size=sink.size, payload_sha256=sink.h.hexdigest(),
                    files=() if encrypted else entries, encryption=encryption, meta=meta_doc)
                data = manifest.to_json()
                f.write(data)
                f.write(signing_key.sign(SIG_CONTEXT + data))
                f.write(TRAILER.pack(sink.size, len(data), END))
                f.flush()
                os.fsync(f.fileno())
            tick(0, "Paket fertig")
            os.replace(tmp, out)
        except OSError as exc:
            if isinstance(exc, TwinError):
                raise
            raise TwinIOError(f"Das Paket kann nicht geschrieben werden: {exc.strerror or exc}",
                              path=exc.filename or out) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return manifest.with_files(entries)


# ----------------------------------------------------------------------------------------- reading

def _trust(trusted: Trusted) -> dict[str, Ed25519PublicKey]:
    if isinstance(trusted, (str, Path)):
        return trusted_keys(trusted)
    out: dict[str, Ed25519PublicKey] = {}
    for key in trusted.values():
        if not isinstance(key, Ed25519PublicKey):
            raise KeyFileError("Vertrauenswürdige Schlüssel müssen öffentliche Ed25519-Schlüssel sein.")
        out[fingerprint(key)] = key
    return out


def _read_exact(f: IO[bytes], n: int, path: Path) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise PackageError("Das Paket endet vorzeitig (unvollständig oder während des Lesens verändert).", path=path)
    return data


def _envelope(f: IO[bytes], path: Path) -> tuple[bytes, bytes, int]:
    """Manifest bytes, signature and payload size from the frame; structural checks only."""
    size = f.seek(0, os.SEEK_END)
    f.seek(0)
    if f.read(len(MAGIC)) != MAGIC:
        raise PackageError("Die Datei ist kein Stadtzwilling-Paket (.szpkg) oder ihr Anfang ist beschädigt.",
                           path=path)
    if size < len(MAGIC) + SIG_LEN + TRAILER.size:
        raise PackageError("Das Paket ist unvollständig (zu kurz).", path=path)
    f.seek(size - TRAILER.size)
    p_size, m_size, end = TRAILER.unpack(f.read(TRAILER.size))
    if end != END:
        raise PackageError("Das Paket ist unvollständig oder sein Ende ist beschädigt "
                           "(z. B. abgebrochene Übertragung).", path=path)
    if m_size > MAX_MANIFEST or len(MAGIC) + p_size + m_size + SIG_LEN + TRAILER.size != size:
        raise PackageError("Das Paket ist beschädigt oder unvollständig (Längenangaben passen nicht "
                           "zur Dateigröße).", path=path)
    f.seek(len(MAGIC) + p_size)
    return _read_exact(f, m_size, path), _read_exact(f, SIG_LEN, path), p_size


def _publisher(data: bytes, signature: bytes, trust: dict[str, Ed25519PublicKey], path: Path) -> str:
    """Fingerprint of the trusted key whose signature matches, else a German refusal."""
    message = SIG_CONTEXT + data
    for fp, key in trust.items():
        try:
            key.verify(signature, message)
            return fp
        except InvalidSignature:
            continue
    try:
        claimed = loads(data).get("publisher")
    except PackageError:
        claimed = None
    if isinstance(claimed, str) and claimed not in trust:
        shown = claimed if _FINGERPRINT.match(claimed) else "(unlesbar)"
        raise UntrustedPublisher(f"Das Paket ist fremd signiert: der Herausgeber-Schlüssel {shown} ist nicht "
                                 "als vertrauenswürdig hinterlegt. Es wird nicht geöffnet.", path=path)
    raise SignatureError("Die Signatur ist ungültig: das Paket wurde nach dem Signieren verändert oder ist "
                         "beschädigt. Es wird nicht geöffnet.", path=path)


def _verify(f: IO[bytes], path: Path, trust: dict[str, Ed25519PublicKey], tick: _Ticker | None) -> Manifest:
    data, signature, p_size = _envelope(f, path)
    fp = _publisher(data, signature, trust, path)
    try:
        m = Manifest.from_json(data)
    except PackageError as exc:
        raise PackageError(exc.message, path=path) from None
    if m.publisher != fp or m.payload_size != p_size:
        raise SignatureError("Die Paketbeschreibung widerspricht der Signatur.", path=path)
    if not m.encrypted and sum(e.size for e in m.files) != p_size:
        raise PackageError("Die Dateiliste passt nicht zur Größe des Inhalts.", path=path)
    f.seek(len(MAGIC))
    h, left = hashlib.sha256(), p_size
    while left:
        block = _read_exact(f, min(BLOCK, left), path)
        h.update(block)
        left -= len(block)
        if tick is not None:
            tick(len(block), "Prüfe Signatur …")
    if h.hexdigest() != m.payload_sha256:
        raise SignatureError("Der Inhalt passt nicht zur Signatur: das Paket wurde verändert oder ist beschädigt. "
                             "Es wird nicht geöffnet.", path=path)
    return m


def _open(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise TwinIOError("Die Paketdatei fehlt.", path=path) from None
    except OSError as exc:
        raise TwinIOError(f"Die Paketdatei kann nicht gelesen werden: {exc.strerror or exc}", path=path) from exc


def verify_package(path: str | Path, trusted: Trusted, *, progress: Progress | None = None,
                   cancel: Any = None) -> Manifest:
    """Check frame, signature, publisher (trust store) and payload hash without extracting or a passphrase.

    Returns the manifest (without file list if encrypted); raises :class:`UntrustedPublisher`,
    :class:`SignatureError` or :class:`PackageError` with a German message.
    """
    path = Path(path)
    trust = _trust(trusted)
    with _open(path) as f:
        size = f.seek(0, os.SEEK_END)
        return _verify(f, path, trust, _Ticker(progress, cancel, path, size))


class _PlainReader:
    """``read(n)``: up to ``n`` bytes from an iterator of chunks (the decrypted stream)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buf, self._pos = chunks, b"", 0

    def read(self, n: int) -> bytes:
        if self._pos >= len(self._buf):
            self._buf, self._pos = next(self._chunks, b""), 0
        out = self._buf[self._pos:self._pos + n]
        self._pos += len(out)
        return out

    def read_exact(self, n: int) -> bytes:
        parts, left = [], n
        while left:
            b = self.read(left)
            if not b:
                raise PackageError("Der verschlüsselte Inhalt endet vorzeitig.")
            parts.append(b)
            left -= len(b)
        return b"".join(parts)


def _extract(files: tuple[FileEntry, ...], read: Callable[[int], bytes], root: Path, tick: _Ticker) -> None:
    for e in files:
        target = root.joinpath(*e.path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        h, left = hashlib.sha256(), e.size
        with open(target, "xb") as out:
            while left:
                block = read(min(BLOCK, left))
                if not block:
                    raise PackageError("Das Paket endet vorzeitig.", path=tick.path)
                h.update(block)
                out.write(block)
                left -= len(block)
                tick(len(block), e.path)
        if h.hexdigest() != e.sha256:
            raise SignatureError(f"Die Datei „{e.path}“ passt nicht zur Signatur: das Paket wurde verändert.",
                                 path=tick.path)
        os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def _decrypting_reader(f: IO[bytes], m: Manifest, key: bytes, path: Path) -> _PlainReader:
    enc = m.encryption or {}
    chunk = enc.get("chunk_size")
    if enc.get("cipher") != CIPHER or not isinstance(chunk, int) or not 4096 <= chunk <= 64 << 20:
        raise PackageError(f"Unbekanntes Verschlüsselungsverfahren {enc.get('cipher')!r}.", path=path)
    prefix = unb64(enc.get("nonce_prefix"), PREFIX_LEN)
    f.seek(len(MAGIC))
    return _PlainReader(decrypt_chunks(key, prefix, lambda n: _read_exact(f, n, path), m.payload_size, chunk))


def open_package(path: str | Path, *, trusted: Trusted, dest: str | Path, passphrase: str | None = None,
                 recipient_key: X25519PrivateKey | None = None, progress: Progress | None = None,
                 cancel: Any = None) -> OpenedPackage:
    """Verify (signature, publisher, payload hash), decrypt and extract ``path`` into ``dest``.

    ``dest`` must not exist or be an empty folder; it is only created when everything checked out
    (files read-only). ``trusted`` is a trust-store folder or ``{fingerprint: Ed25519PublicKey}``.
    Errors: :class:`UntrustedPublisher`, :class:`SignatureError`, :class:`PackageError`,
    :class:`PassphraseError`, :class:`Cancelled` – in every case nothing is left behind.
    """
    path, dest = Path(path), Path(dest)
    trust = _trust(trusted)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise TwinIOError("Der Zielordner für das geöffnete Paket ist nicht leer.", path=dest)
    with _open(path) as f:
        tick = _Ticker(progress, cancel, path, 2 * f.seek(0, os.SEEK_END))
        m = _verify(f, path, trust, tick)
        key = None
        if m.encrypted:
            try:
                key = unwrap_content_key(m.encryption["keys"], passphrase=passphrase, recipient_key=recipient_key)
            except TwinError as exc:
                raise type(exc)(exc.message, path=path) from None
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(4)}.part")
        tmp.mkdir()
        try:
            if key is not None:
                reader = _decrypting_reader(f, m, key, path)
                length = int.from_bytes(reader.read_exact(4), "big")
                if length > MAX_MANIFEST:
                    raise PackageError("Innere Paketbeschreibung zu groß.", path=path)
                inner = loads(reader.read_exact(length))
                if inner.get("format") != INNER_FORMAT:
                    raise PackageError("Innere Paketbeschreibung fehlt.", path=path)
                m = m.with_files(files_from_json(inner.get("files")))
                _extract(m.files, reader.read, tmp, tick)
                if reader.read(1):  # also drives the stream to its final (flagged) chunk
                    raise PackageError("Unerwartete Daten am Ende des verschlüsselten Inhalts.", path=path)
            else:
                f.seek(len(MAGIC))
                _extract(m.files, f.read, tmp, tick)
            if dest.exists():
                dest.rmdir()
            os.replace(tmp, dest)
        except BaseException as exc:
            remove_tree(tmp)
            if isinstance(exc, OSError) and not isinstance(exc, TwinError):
                raise TwinIOError(f"Das Paket kann nicht entpackt werden: {exc.strerror or exc}",
                                  path=exc.filename or dest) from exc
            if isinstance(exc, TwinError) and exc.path is None:
                raise type(exc)(exc.message, path=path) from None
            raise
    return OpenedPackage(m, dest, path)
