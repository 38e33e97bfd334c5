"""Publishing a role's twin as one signed (council: also encrypted) package, and opening it again.

:func:`publish` builds the role's content (:mod:`twin.publish.content`) in a temporary folder next to
the output, packs it with :func:`twin.package.write_package` and removes the folder – whatever
happens, ``out`` is either the finished package or untouched. :func:`open_published` verifies the
signature against the trust store before anything is decrypted or extracted, and opens the result
as a read-only project.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from twin.errors import PassphraseError, ProjectError
from twin.package import ENCRYPTED_ROLES, PASSPHRASE_ENV, SUFFIX, open_package, write_package
from twin.package.manifest import Manifest
from twin.policy import ROLE_TITLES
from twin.project import Project
from twin.publish.content import build_content

__all__ = ["SUFFIX", "PublishedTwin", "open_published", "passphrase_from_env", "publish"]


def passphrase_from_env() -> str | None:
    """The council passphrase for scripted use (``STADTZWILLING_PASSPHRASE``), None if unset or empty."""
    return os.environ.get(PASSPHRASE_ENV) or None


def publish(project: Project, role: str, out: str | Path, *, signing_key, passphrase: str | None = None,
            recipients=(), progress: Callable[[float, str], None] | None = None, cancel=None) -> Manifest:
    """Write the Rats- or Bürgerzwilling of ``project`` to ``out`` (``.szpkg``); returns the manifest."""
    out = Path(out)
    progress = progress or (lambda f, m: None)
    if role in ENCRYPTED_ROLES and not passphrase and not recipients:
        raise PassphraseError(f"Das Paket für den {ROLE_TITLES[role]} wird verschlüsselt: bitte eine Passphrase "
                              f"angeben (oder {PASSPHRASE_ENV} setzen).")
    if signing_key is None:
        raise ProjectError("Kein Signierschlüssel: bitte mit „stadtzwilling keys new ORDNER“ einen anlegen.")
    if not out.parent.is_dir():
        raise ProjectError(f"Der Zielordner '{out.parent}' existiert nicht.")

    def check() -> None:
        if cancel is not None:
            cancel.check()

    work = Path(tempfile.mkdtemp(prefix=".szpub-", dir=out.parent))
    try:
        content = build_content(project, role, work / "inhalt", check=check,
                                progress=lambda f, m: progress(0.6 * f, m))
        title = f"{ROLE_TITLES[role]} – {project.name}"
        meta = {"layers": content.layers, "kennzahlen": content.figures, "rasters": len(content.rasters)}
        return write_package(work / "inhalt", out, role=role, title=title, signing_key=signing_key,
                             passphrase=passphrase, recipients=recipients, meta=meta, cancel=cancel,
                             progress=lambda f, m: progress(0.6 + 0.4 * f, m))
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass
class PublishedTwin:
    """An opened package: the read-only project and what it was extracted from; ``close()`` cleans up."""

    project: Project
    package: object

    def close(self) -> None:
        self.project.close()
        self.package.close()  # type: ignore[attr-defined]


def open_published(path: str | Path, *, trusted, passphrase: str | None = None, recipient_key=None,
                   dest: str | Path | None = None, progress=None, cancel=None) -> PublishedTwin:
    """Verify (signature and publisher first), decrypt and open a package as a read-only project."""
    dest = Path(dest) if dest is not None else Path(tempfile.mkdtemp(prefix="stadtzwilling-paket-")) / "zwilling"
    pkg = open_package(path, trusted=trusted, dest=dest, passphrase=passphrase, recipient_key=recipient_key,
                       progress=progress, cancel=cancel)
    try:
        project = Project.open(pkg.root)
    except Exception:
        pkg.close()
        raise
    if project.config.published is None:
        project.close()
        pkg.close()
        raise ProjectError("Das Paket enthält keinen veröffentlichten Zwilling.", path=path)
    return PublishedTwin(project, pkg)
