"""Small file helpers shared by the core and the importers."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
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


class StagedFolder:
    """A hidden scratch folder beside its final place; :meth:`place` moves it there."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.path = final.with_name(f".{final.name}.unfertig")
        self.placed = False

    def place(self) -> None:
        """Move the scratch folder to its final place (the last step of the store transaction)."""
        os.replace(self.path, self.final)
        self.placed = True


@contextmanager
def staged_folder(final: Path) -> Iterator[StagedFolder]:
    """Write result files into a scratch folder and place it with the store transaction: if anything fails –
    also the transaction's commit after :meth:`StagedFolder.place` – neither the scratch folder nor the
    placed folder stays behind."""
    stage = StagedFolder(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(stage.path, ignore_errors=True)
    stage.path.mkdir()
    try:
        yield stage
    except BaseException:
        if stage.placed:
            shutil.rmtree(final, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(stage.path, ignore_errors=True)


def replace_folder(new: Path, out: Path) -> None:
    """Move the finished folder ``new`` to ``out``; a folder already at ``out`` goes only once the new one
    is in place (and comes back if the move fails)."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.alt")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
    try:
        new.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
