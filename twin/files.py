"""Small file helpers shared by the core and the importers."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes (hex), read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_text(path: Path, what: str, error: type) -> str:
    """Text of a small user file, UTF-8 (with or without BOM) or else Windows-1252; ``error`` (a
    :class:`twin.errors.TwinError` class) names ``what`` when the file cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{what} kann nicht gelesen werden: {exc.strerror or exc}", path=path) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")
