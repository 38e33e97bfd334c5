#!/usr/bin/env python3
"""Stadtzwilling einrichten, starten und testen – braucht nur Python 3.11+.

    python run.py                 Umgebung einrichten, Beispielprojekt bauen und öffnen
    python run.py -- ARGUMENTE    dasselbe, ARGUMENTE gehen an "cli.main open"
    python run.py test [ARGS]     Tests (pytest mit ARGS) und Importregeln (lint-imports)

Die Umgebung liegt in .venv neben dieser Datei. Sie wird beim ersten Aufruf
angelegt; "pip install -e .[test]" läuft erneut, sobald sich pyproject.toml
ändert. Nur Standardbibliothek, läuft unter Linux, macOS und Windows.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "stadtzwilling-install.sha256"
SAMPLE_PROJECT = Path("sample_data") / "project"
PYTEST_NO_TESTS = 5
CRASH_DIR_ENV = "SZ_CRASH_DIR"  # tests/conftest.py: a crashing test process writes its stacks there
CRASH_LINES = 60


def say(message: str) -> None:
    """Print a short progress line at once (CI logs keep the order)."""
    print(f"[run.py] {message}", flush=True)


def venv_executable(name: str) -> Path:
    """Path of a program inside .venv (Scripts\\NAME.exe on Windows)."""
    if os.name == "nt":
        return VENV / "Scripts" / f"{name}.exe"
    return VENV / "bin" / name


def venv_python() -> Path:
    """The Python interpreter of .venv."""
    return venv_executable("python")


def run(cmd: list[str | Path], env: dict[str, str] | None = None) -> int:
    """Run a command in the repository root and return its exit code."""
    return subprocess.call([str(part) for part in cmd], cwd=ROOT, env=env)


def crash_reports(folder: Path) -> list[str]:
    """The stack dumps test processes left in ``folder`` (one per crash), each cut to its first lines."""
    reports = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line for line in path.read_text(errors="replace").splitlines()
                 if not line.startswith("Extension modules:")]
        if any(line.strip() for line in lines):
            more = [f"… ({len(lines) - CRASH_LINES} Zeilen mehr)"] if len(lines) > CRASH_LINES else []
            reports.append(f"Absturz im Testprozess {path.stem}:\n" + "\n".join(lines[:CRASH_LINES] + more))
    return reports


def pyproject_hash() -> str:
    """SHA-256 of pyproject.toml: the dependencies the install was made for."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_env() -> None:
    """Create .venv and (re)install the project when pyproject.toml changed."""
    python = venv_python()
    if not python.exists():
        say("Richte Umgebung ein … (.venv)")
        try:
            venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            shutil.rmtree(VENV, ignore_errors=True)
            say(f".venv konnte nicht angelegt werden: {exc}")
            say("Unter Debian/Ubuntu fehlt dann meist das Paket python3-venv "
                "(sudo apt install python3-venv).")
            sys.exit(1)
        STAMP.unlink(missing_ok=True)
    wanted = pyproject_hash()
    have = STAMP.read_text(encoding="utf-8").strip() if STAMP.exists() else ""
    if have == wanted:
        return
    say("Installiere Stadtzwilling und Abhängigkeiten … (pip install -e .[test], "
        "beim ersten Mal einige Minuten)")
    code = run([python, "-m", "pip", "install", "--disable-pip-version-check",
                "-e", ".[test]"])
    if code != 0:
        say(f"Installation fehlgeschlagen (Code {code}).")
        sys.exit(code)
    STAMP.write_text(wanted + "\n", encoding="utf-8")
    say("Umgebung ist bereit.")


def cmd_open(extra: list[str]) -> int:
    """Build the sample project if it is missing, then open it."""
    ensure_env()
    python = venv_python()
    project = ROOT / SAMPLE_PROJECT
    if not project.is_dir() or not any(project.iterdir()):
        say(f"Erzeuge Beispielprojekt … ({SAMPLE_PROJECT.as_posix()})")
        code = run([python, "-m", "cli.main", "sample", SAMPLE_PROJECT.as_posix()])
        if code != 0:
            say(f"Beispielprojekt konnte nicht erzeugt werden (Code {code}).")
            shutil.rmtree(project, ignore_errors=True)  # next run tries again
            return code
    say(f"Öffne {SAMPLE_PROJECT.as_posix()} …")
    return run([python, "-m", "cli.main", "open", SAMPLE_PROJECT.as_posix(), *extra])


def describe(code: int, *, pytest: bool = False) -> str:
    """German verdict for an exit code."""
    if code == 0:
        return "bestanden"
    if pytest and code == PYTEST_NO_TESTS:
        return f"FEHLGESCHLAGEN – keine Tests gefunden (Code {code})"
    return f"FEHLGESCHLAGEN (Code {code})"


def cmd_test(pytest_args: list[str]) -> int:
    """Run pytest and import-linter; return the first failing exit code."""
    ensure_env()
    say("Starte Tests (pytest) …")
    with tempfile.TemporaryDirectory(prefix="sz-crash-") as crash_dir:
        tests = run([venv_python(), "-m", "pytest", *pytest_args], env={**os.environ, CRASH_DIR_ENV: crash_dir})
        crashes = crash_reports(Path(crash_dir))
    say("Prüfe Importregeln (lint-imports) …")
    linter = venv_executable("lint-imports")
    if linter.exists():
        lint = run([linter])
    else:
        say(f"{linter} fehlt – ist import-linter installiert?")
        lint = 1
    for report in crashes:  # here, not in the middle of pytest's output: the stack of the thread that crashed
        print(f"\n{report}", flush=True)
    print(flush=True)
    say("Zusammenfassung:")
    say(f"  Tests (pytest):              {describe(tests, pytest=True)}")
    say(f"  Importregeln (lint-imports): {describe(lint)}")
    return tests or lint


def usage() -> int:
    """Print the help text."""
    print(__doc__.strip())
    return 0


def main(argv: list[str]) -> int:
    """Dispatch: no arguments/"--" = open, "test" = tests, "-h" = help."""
    for stream in (sys.stdout, sys.stderr):  # umlauts on any Windows console
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if sys.version_info < (3, 11):
        say("Stadtzwilling braucht Python 3.11 oder neuer.")
        return 1
    if not argv:
        return cmd_open([])
    first, rest = argv[0], argv[1:]
    if first == "--":
        return cmd_open(rest)
    if first == "test":
        return cmd_test(rest)
    if first in ("-h", "--help", "help"):
        return usage()
    say(f"Unbekannter Befehl: {first!r}. Hilfe: python run.py --help")
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
