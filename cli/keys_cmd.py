"""``stadtzwilling keys``: key pairs for signed (and encrypted) packages, and their fingerprints.

``keys new ORDNER`` creates the publisher's Ed25519 pair (``publisher_ed25519.pem``/``.pub``),
``keys recipient ORDNER NAME`` a council member's X25519 pair, ``keys show DATEI`` prints type and
fingerprint of a ``.pub`` or ``.pem`` file (compare it by phone before trusting a key). Private keys
are protected by a passphrase asked for twice, read from ``--passphrase-env VAR``, or – only on
explicit request – stored unprotected (``--ohne-passphrase``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from cli.console import console, fail
from twin.errors import TwinError
from twin.package.crypto import MIN_PASSPHRASE
from twin.package.keys import (KeyPairFiles, fingerprint, load_private_key, load_public_key, new_publisher_key,
                               new_recipient_key)

app = typer.Typer(help="Schlüssel für signierte und verschlüsselte Pakete anlegen und anzeigen.",
                  no_args_is_help=True, rich_markup_mode="rich")

PassEnv = Annotated[Optional[str], typer.Option(
    "--passphrase-env", metavar="VAR", help="Passphrase aus dieser Umgebungsvariable lesen (für Skripte)")]
NoPass = Annotated[bool, typer.Option(
    "--ohne-passphrase", help="Privaten Schlüssel ungeschützt speichern (nicht empfohlen)")]


def _from_env(var: str) -> str:
    value = os.environ.get(var)
    if not value:
        fail(f"Die Umgebungsvariable {var} ist nicht gesetzt oder leer.")
    return value


def _new_passphrase(env: str | None, unprotected: bool) -> str | None:
    if unprotected:
        if env:
            fail("--ohne-passphrase und --passphrase-env schließen sich aus.")
        return None
    value = _from_env(env) if env else typer.prompt(
        "Passphrase für den privaten Schlüssel", hide_input=True, confirmation_prompt=True)
    if len(value) < MIN_PASSPHRASE:
        fail(f"Die Passphrase ist zu kurz (mindestens {MIN_PASSPHRASE} Zeichen).")
    return value


def _report(title: str, files: KeyPairFiles, protected: bool, public_note: str) -> None:
    console.print(f"[green]✓[/] {title}", highlight=False)
    state = "mit Passphrase geschützt" if protected else "[yellow]UNGESCHÜTZT[/]"
    console.print(f"  privat:        {escape(str(files.private))} ({state})", highlight=False)
    console.print(f"  öffentlich:    {escape(str(files.public))} – {public_note}", highlight=False)
    console.print(f"  Fingerabdruck: {files.fingerprint}", highlight=False)


def new(
    folder: Annotated[Path, typer.Argument(metavar="ORDNER", help="Ordner für die Schlüsseldateien (wird angelegt)")],
    passphrase_env: PassEnv = None,
    unprotected: NoPass = False,
) -> None:
    """Herausgeber-Schlüsselpaar (Ed25519) anlegen; vorhandene Schlüssel werden nie überschrieben."""
    pw = _new_passphrase(passphrase_env, unprotected)
    try:
        files = new_publisher_key(folder, pw)
    except TwinError as exc:
        fail(str(exc))
    _report("Herausgeber-Schlüssel angelegt", files, pw is not None,
            "diese Datei erhalten die Betrachter für ihren Ordner vertrauenswürdiger Schlüssel")


def recipient(
    folder: Annotated[Path, typer.Argument(metavar="ORDNER", help="Ordner für die Schlüsseldateien (wird angelegt)")],
    name: Annotated[str, typer.Argument(metavar="NAME", help="Name des Empfängers, z. B. „mueller“")],
    passphrase_env: PassEnv = None,
    unprotected: NoPass = False,
) -> None:
    """Empfänger-Schlüsselpaar (X25519) für ein Ratsmitglied anlegen."""
    pw = _new_passphrase(passphrase_env, unprotected)
    try:
        files = new_recipient_key(folder, name, pw)
    except TwinError as exc:
        fail(str(exc))
    _report(f"Empfänger-Schlüssel für „{escape(name)}“ angelegt", files, pw is not None,
            "diese Datei erhält der Herausgeber zum Verschlüsseln")


def show(
    file: Annotated[Path, typer.Argument(metavar="DATEI", help="Schlüsseldatei (.pub oder .pem)")],
    passphrase_env: PassEnv = None,
) -> None:
    """Art und Fingerabdruck eines Schlüssels anzeigen."""
    try:
        if file.suffix.lower() == ".pem":
            data = file.read_bytes() if file.is_file() else b""
            pw = None
            if b"ENCRYPTED PRIVATE KEY" in data:
                pw = _from_env(passphrase_env) if passphrase_env else typer.prompt(
                    "Passphrase für den privaten Schlüssel", hide_input=True)
            key = load_private_key(file, pw)
            kind = "privat"
        else:
            key = load_public_key(file)
            kind = "öffentlich"
    except TwinError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"Datei '{file}': {exc.strerror or exc}")
    role = "Herausgeber-Schlüssel (Ed25519" if "Ed25519" in type(key).__name__ else "Empfänger-Schlüssel (X25519"
    console.print(f"{role}, {kind}): {escape(str(file))}", highlight=False)
    console.print(f"Fingerabdruck: {fingerprint(key)}", highlight=False)


app.command("new", help="Herausgeber-Schlüsselpaar (Ed25519) zum Signieren von Paketen anlegen.")(new)
app.command("recipient", help="Empfänger-Schlüsselpaar (X25519) für verschlüsselte Ratspakete anlegen.")(recipient)
app.command("show", help="Art und Fingerabdruck einer Schlüsseldatei anzeigen.")(show)
