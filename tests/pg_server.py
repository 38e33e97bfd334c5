"""Real PostgreSQL/PostGIS server for the test suite.

The test fixtures call :func:`postgis_dsn` to get a SQLAlchemy URL of a
database with the PostGIS extension:

* If ``STADTZWILLING_TEST_PG_DSN`` is set (``.ci/run`` does that), it is used
  as it is.
* Otherwise, if the PostgreSQL server programs (``initdb``, ``pg_ctl``) and
  PostGIS are installed, a throwaway cluster is started in a temporary
  directory on a free loopback port and removed again when the interpreter
  exits.  Its URL is then written to ``STADTZWILLING_TEST_PG_DSN`` so that
  later calls (and subprocesses) reuse the same server.
* Otherwise the result is ``None``; :func:`unavailable_reason` says why.

:func:`require_postgis` tells whether a missing server is an error (CI) or a
reason to skip.
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ENV_DSN = "STADTZWILLING_TEST_PG_DSN"
ENV_REQUIRE = "STADTZWILLING_REQUIRE_POSTGIS"
DB_NAME = "stadtzwilling_test"
DB_USER = "postgres"

_reason: str | None = None


def require_postgis() -> bool:
    """Return True when a missing PostGIS server must fail the tests.

    That is the case on CI (environment variable ``CI`` set to anything but
    an empty string, ``0``, ``false`` or ``no``) or when
    ``STADTZWILLING_REQUIRE_POSTGIS=1``.
    """
    ci = os.environ.get("CI", "").strip().lower()
    if ci not in ("", "0", "false", "no"):
        return True
    return os.environ.get(ENV_REQUIRE, "").strip() == "1"


def unavailable_reason() -> str | None:
    """Why the last :func:`postgis_dsn` call returned None (else None)."""
    return _reason


def postgis_dsn() -> str | None:
    """Return a SQLAlchemy URL of a PostGIS database, or None.

    See the module docstring for where the server comes from.  Starting a
    throwaway cluster takes a few seconds and happens at most once per
    process (the URL is cached in ``STADTZWILLING_TEST_PG_DSN``).
    """
    global _reason
    dsn = os.environ.get(ENV_DSN, "").strip()
    if dsn:
        _reason = None
        return dsn
    try:
        dsn = _start_throwaway_cluster()
    except _Unavailable as exc:
        _reason = str(exc)
        return None
    _reason = None
    os.environ[ENV_DSN] = dsn
    return dsn


class _Unavailable(RuntimeError):
    """No PostgreSQL/PostGIS server can be started here."""


def _find_bindir() -> Path:
    """Directory holding ``initdb``, ``pg_ctl`` and ``postgres``."""
    exe = ".exe" if os.name == "nt" else ""
    candidates: list[Path] = []
    initdb = shutil.which("initdb")
    if initdb:
        # Debian links /usr/local/bin/initdb etc. to the versioned directory.
        candidates.append(Path(os.path.realpath(initdb)).parent)
        candidates.append(Path(initdb).parent)

    def version_key(path: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", path)) or (0,)

    for pattern in ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin",
                    "/opt/homebrew/opt/postgresql@*/bin",
                    "/usr/local/opt/postgresql@*/bin",
                    r"C:\Program Files\PostgreSQL\*\bin"):
        candidates.extend(Path(p) for p in sorted(glob.glob(pattern),
                                                  key=version_key, reverse=True))
    for bindir in candidates:
        if all((bindir / f"{name}{exe}").is_file()
               for name in ("initdb", "pg_ctl", "postgres")):
            return bindir
    raise _Unavailable("PostgreSQL server programs (initdb, pg_ctl) not found")


def _has_postgis(bindir: Path) -> bool:
    """Whether the server in ``bindir`` has the postgis extension files."""
    sharedirs: list[Path] = []
    pg_config = shutil.which("pg_config", path=str(bindir))
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--sharedir"], capture_output=True,
                                 text=True, check=True, timeout=30).stdout.strip()
            sharedirs.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    try:
        out = subprocess.run([str(bindir / "postgres"), "--version"],
                             capture_output=True, text=True, timeout=30).stdout
        major = re.search(r"(\d+)", out)
        if major:
            sharedirs.append(Path("/usr/share/postgresql") / major.group(1))
    except (OSError, subprocess.SubprocessError):
        pass
    sharedirs.append(bindir.parent / "share")
    sharedirs.append(bindir.parent / "share" / "postgresql")
    return any((d / "extension" / "postgis.control").is_file() for d in sharedirs)


def _free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_kwargs() -> dict[str, Any]:
    """subprocess arguments that drop root to the ``postgres`` user."""
    if os.name != "posix" or os.geteuid() != 0:
        return {}
    import pwd

    try:
        pw = pwd.getpwnam(DB_USER)
    except KeyError:
        raise _Unavailable("running as root, but there is no 'postgres' user "
                           "to run the server as") from None
    return {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}


def _start_throwaway_cluster() -> str:
    """Start a temporary cluster with a PostGIS database; return its URL."""
    bindir = _find_bindir()
    if not _has_postgis(bindir):
        raise _Unavailable(f"PostGIS extension not installed for {bindir}")
    try:
        import psycopg
    except ImportError:
        raise _Unavailable("psycopg is not installed") from None

    as_user = _run_kwargs()
    root = Path(tempfile.mkdtemp(prefix="stadtzwilling-pg-"))
    if as_user:
        os.chown(root, as_user["user"], as_user["group"])
    data, log = root / "data", root / "server.log"
    pg_ctl = str(bindir / "pg_ctl")

    def cleanup() -> None:
        if (data / "postmaster.pid").exists():
            subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "-w",
                            "stop"], capture_output=True, timeout=60, **as_user)
        shutil.rmtree(root, ignore_errors=True)

    def run(cmd: list[str]) -> None:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL, **as_user)
        if proc.returncode != 0:
            detail = (proc.stdout + proc.stderr).strip()
            if log.exists():
                detail += "\n" + log.read_text(errors="replace")[-2000:]
            raise _Unavailable(f"{Path(cmd[0]).name} failed: {detail}")

    try:
        run([str(bindir / "initdb"), "-D", str(data), "-U", DB_USER,
             "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        options = ["-c listen_addresses=127.0.0.1", "-c fsync=off",
                   "-c synchronous_commit=off", "-c full_page_writes=off"]
        if os.name == "posix":
            options.append(f"-k {root}")
        for attempt in range(3):
            port = _free_port()
            try:
                run([pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "60",
                     "-o", " ".join([*options, f"-p {port}"]), "start"])
                break
            except _Unavailable:
                if attempt == 2:  # port taken in between? try another one
                    raise
                time.sleep(0.5)
        atexit.register(cleanup)

        base = f"host=127.0.0.1 port={port} user={DB_USER} connect_timeout=10"
        with psycopg.connect(f"{base} dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
        with psycopg.connect(f"{base} dbname={DB_NAME}", autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    except _Unavailable:
        cleanup()
        raise
    except Exception as exc:  # server came up but PostGIS did not work
        cleanup()
        raise _Unavailable(f"{type(exc).__name__}: {exc}") from exc
    return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{port}/{DB_NAME}"


if __name__ == "__main__":  # python tests/pg_server.py: manual check
    url = postgis_dsn()
    print(url or f"nicht verfügbar: {unavailable_reason()}")
    sys.exit(0 if url else 1)
