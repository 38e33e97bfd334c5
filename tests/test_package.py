"""Signed/encrypted packages (twin.package): real crypto, real files, no mocks.

Content: a real GeoPackage-like SQLite file with a known secret marker, and a few MiB of random
"raster" bytes (several 1 MiB encryption chunks, not a multiple of the chunk size). scrypt runs with
n = 2**14 here to keep the tests fast; the default (2**17) is checked separately.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from twin.errors import (Cancelled, KeyFileError, PackageError, PassphraseError, SignatureError, TwinError,
                         TwinIOError, UntrustedPublisher)
from twin.package import (DEFAULT_SCRYPT, ScryptParams, fingerprint, load_public_key, load_recipient_key,
                          load_signing_key, new_publisher_key, new_recipient_key, open_package, trusted_keys,
                          verify_package, write_package)
from twin.package.container import END, MAGIC, SIG_CONTEXT, SIG_LEN, TRAILER
from twin.package.manifest import check_path, dumps, loads

FAST = ScryptParams(n=2 ** 14, r=8, p=1)
PW = "Ratssitzung-2025!"
MARKER = "GEHEIM-Eigentuemer-Mustermann-4711"
RASTER_SIZE = 3 * (1 << 20) + 12345


# ------------------------------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict:
    """Publisher A (trusted, passphrase-protected key file), stranger B, recipient R."""
    base = tmp_path_factory.mktemp("keys")
    a = new_publisher_key(base / "a", passphrase="schluessel-pw")
    b = new_publisher_key(base / "b")
    r = new_recipient_key(base / "r", "mueller", passphrase="empfaenger-pw")
    trust = base / "trust"
    trust.mkdir()
    (trust / "verwaltung.pub").write_bytes(a.public.read_bytes())
    return {"a": load_signing_key(a.private, "schluessel-pw"), "a_files": a, "b": load_signing_key(b.private),
            "r": load_recipient_key(r.private, "empfaenger-pw"), "r_files": r, "trust": trust}


def _make_content(root: Path) -> Path:
    src = root / "inhalt"
    (src / "rasters" / "dgm").mkdir(parents=True)
    con = sqlite3.connect(src / "twin.gpkg")
    con.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
    con.execute("CREATE TABLE parcels (fid INTEGER PRIMARY KEY, nummer TEXT, eigentuemer TEXT)")
    con.executemany("INSERT INTO parcels (nummer, eigentuemer) VALUES (?, ?)",
                    [(f"123/{i}", MARKER if i == 7 else f"Person {i}") for i in range(50)])
    con.commit()
    con.close()
    (src / "rasters" / "dgm" / "projekt_dgm.tif").write_bytes(os.urandom(RASTER_SIZE))
    (src / "rasters" / "hitze.tif").write_bytes(b"II*\x00" + os.urandom(5000))
    return src


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return _make_content(tmp_path_factory.mktemp("content"))


@pytest.fixture(scope="module")
def plain_pkg(tmp_path_factory, content, keys) -> Path:
    out = tmp_path_factory.mktemp("plain") / "buerger.szpkg"
    write_package(content, out, role="buerger", title="Bürgerzwilling Musterdorf", signing_key=keys["a"])
    return out


@pytest.fixture(scope="module")
def enc_pkg(tmp_path_factory, content, keys) -> Path:
    out = tmp_path_factory.mktemp("enc") / "rat.szpkg"
    write_package(content, out, role="rat", title="Ratszwilling Musterdorf", signing_key=keys["a"],
                  passphrase=PW, scrypt=FAST)
    return out


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _split(raw: bytes) -> tuple[bytes, bytes, bytes]:
    """(payload, manifest bytes, signature) of a package file."""
    p_size, m_size, end = TRAILER.unpack(raw[-TRAILER.size:])
    assert end == END
    payload = raw[len(MAGIC):len(MAGIC) + p_size]
    data = raw[len(MAGIC) + p_size:len(MAGIC) + p_size + m_size]
    return payload, data, raw[len(MAGIC) + p_size + m_size:-TRAILER.size]


def _assemble(payload: bytes, data: bytes, key: Ed25519PrivateKey) -> bytes:
    return MAGIC + payload + data + key.sign(SIG_CONTEXT + data) + TRAILER.pack(len(payload), len(data), END)


# ---------------------------------------------------------------------------------------- round trips

def test_round_trip_plain(plain_pkg, content, keys, tmp_path):
    m = verify_package(plain_pkg, keys["trust"])
    assert (m.role, m.title, m.encrypted) == ("buerger", "Bürgerzwilling Musterdorf", False)
    assert m.publisher == fingerprint(keys["a"]) and m.created.endswith("Z")
    assert [f.path for f in m.files] == ["rasters/dgm/projekt_dgm.tif", "rasters/hitze.tif", "twin.gpkg"]
    opened = open_package(plain_pkg, trusted=keys["trust"], dest=tmp_path / "view")
    assert opened.root == tmp_path / "view"
    assert _files(opened.root) == _files(content)
    gpkg = opened.path("twin.gpkg")
    assert not os.access(gpkg, os.W_OK) or os.geteuid() == 0
    assert (gpkg.stat().st_mode & 0o777) == 0o444
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM parcels WHERE eigentuemer = ?", (MARKER,)).fetchone() == (1,)
    con.close()
    opened.close()
    assert not (tmp_path / "view").exists()


def test_round_trip_encrypted(enc_pkg, content, keys, tmp_path):
    m = verify_package(enc_pkg, keys["trust"])  # no passphrase needed to check origin and integrity
    assert (m.role, m.encrypted, m.files, m.has_passphrase) == ("rat", True, (), True)
    with open_package(enc_pkg, trusted=keys["trust"], dest=tmp_path / "view", passphrase=PW) as opened:
        assert _files(opened.root) == _files(content)
        assert [f.path for f in opened.manifest.files] == ["rasters/dgm/projekt_dgm.tif", "rasters/hitze.tif",
                                                           "twin.gpkg"]
        assert all((p.stat().st_mode & 0o222) == 0 for p in opened.root.rglob("*") if p.is_file())
    assert not (tmp_path / "view").exists()


def test_encrypted_package_hides_content_and_file_names(enc_pkg, plain_pkg):
    raw, plain = enc_pkg.read_bytes(), plain_pkg.read_bytes()
    assert MARKER.encode() in plain  # the marker is findable where it is not encrypted …
    for needle in (MARKER.encode(), MARKER.encode("utf-16-le"), b"projekt_dgm", b"hitze", b"twin.gpkg",
                   b"parcels", b"SQLite format 3"):
        assert needle not in raw  # … and nowhere in the council package


def test_write_returns_manifest_with_files_and_accepts_meta(content, keys, tmp_path):
    m = write_package(content, tmp_path / "p.szpkg", role="rat", title="T", signing_key=keys["a"], passphrase=PW,
                      scrypt=FAST, meta={"gemeinde": "Markt Musterdorf", "ags": "09189000"})
    assert len(m.files) == 3 and m.encrypted
    assert verify_package(tmp_path / "p.szpkg", keys["trust"]).meta["ags"] == "09189000"


def test_recipient_keys(content, keys, tmp_path):
    out = tmp_path / "rat.szpkg"
    r_pub = load_public_key(keys["r_files"].public)
    m = write_package(content, out, role="rat", title="T", signing_key=keys["a"], recipients=[r_pub])
    assert m.recipients == [fingerprint(r_pub)] and not m.has_passphrase
    with open_package(out, trusted=keys["trust"], dest=tmp_path / "v", recipient_key=keys["r"]) as opened:
        assert _files(opened.root) == _files(content)
    with pytest.raises(PassphraseError, match="Empfängerschlüssel"):
        open_package(out, trusted=keys["trust"], dest=tmp_path / "w", recipient_key=X25519PrivateKey.generate())
    with pytest.raises(PassphraseError, match="nur für Empfängerschlüssel"):
        open_package(out, trusted=keys["trust"], dest=tmp_path / "w", passphrase=PW)
    assert not (tmp_path / "w").exists() and _leftovers(tmp_path) == []


def test_recipient_and_passphrase_together(content, keys, tmp_path):
    out = tmp_path / "rat.szpkg"
    write_package(content, out, role="rat", title="T", signing_key=keys["a"], passphrase=PW, scrypt=FAST,
                  recipients=[load_public_key(keys["r_files"].public)])
    for kw in ({"passphrase": PW}, {"recipient_key": keys["r"]}):
        with open_package(out, trusted=keys["trust"], dest=tmp_path / "v", **kw) as opened:
            assert len(opened.manifest.files) == 3


# ------------------------------------------------------------------------------------- tampering

def _tamper_positions(raw: bytes) -> dict[str, int]:
    p_size, m_size, _ = TRAILER.unpack(raw[-TRAILER.size:])
    m0 = len(MAGIC) + p_size
    data = raw[m0:m0 + m_size]
    return {
        "magic": 0, "payload-start": len(MAGIC), "payload-middle": len(MAGIC) + p_size // 2,
        "payload-end (last chunk)": m0 - 3, "manifest-start": m0,
        "manifest-role": m0 + data.index(b'"role"') + 8, "manifest-publisher": m0 + data.index(b'"publisher"') + 14,
        "manifest-payload-hash": m0 + data.index(b'"sha256"') + 12, "manifest-end": m0 + m_size - 1,
        "signature-first": m0 + m_size, "signature-last": m0 + m_size + SIG_LEN - 1,
        "trailer-payload-size": len(raw) - TRAILER.size + 7, "trailer-manifest-size": len(raw) - TRAILER.size + 11,
        "trailer-end-magic": len(raw) - 1,
    }


@pytest.mark.parametrize("which", ["plain", "enc"])
def test_flipped_byte_anywhere_is_refused(which, plain_pkg, enc_pkg, keys, tmp_path):
    raw = (plain_pkg if which == "plain" else enc_pkg).read_bytes()
    for name, pos in _tamper_positions(raw).items():
        bad = bytearray(raw)
        bad[pos] ^= 0x01
        path = tmp_path / f"{name}.szpkg"
        path.write_bytes(bytes(bad))
        with pytest.raises(PackageError) as exc:
            verify_package(path, keys["trust"])
        if name.startswith(("payload", "manifest", "signature")):
            assert isinstance(exc.value, SignatureError), name
        msg = str(exc.value)
        assert path.name in msg and ("verändert" in msg or "beschädigt" in msg or "fremd signiert" in msg
                                     or "kein Stadtzwilling-Paket" in msg), (name, msg)
        with pytest.raises(PackageError):
            open_package(path, trusted=keys["trust"], dest=tmp_path / "view", passphrase=PW)
        assert not (tmp_path / "view").exists(), name
        assert _leftovers(tmp_path) == [], name


def test_every_payload_chunk_is_bound(enc_pkg, keys, tmp_path):
    """Flip one byte in each 1 MiB chunk of the encrypted stream (and its GCM tags)."""
    raw = enc_pkg.read_bytes()
    p_size = TRAILER.unpack(raw[-TRAILER.size:])[0]
    for pos in [len(MAGIC) + i * ((1 << 20) + 16) + d for i in range(4) for d in (0, (1 << 20) + 15)
                if i * ((1 << 20) + 16) + d < p_size]:
        bad = bytearray(raw)
        bad[pos] ^= 0x80
        (tmp_path / "x.szpkg").write_bytes(bytes(bad))
        with pytest.raises(SignatureError, match="verändert"):
            open_package(tmp_path / "x.szpkg", trusted=keys["trust"], dest=tmp_path / "v", passphrase=PW)
        assert not (tmp_path / "v").exists()


@pytest.mark.parametrize("cut", [1, 19, 20, 84, 5000, "half", "magic-only", "empty"])
def test_truncated_package_is_refused(cut, plain_pkg, enc_pkg, keys, tmp_path):
    for src in (plain_pkg, enc_pkg):
        raw = src.read_bytes()
        data = {"half": raw[:len(raw) // 2], "magic-only": raw[:len(MAGIC)], "empty": b""}.get(cut) \
            if isinstance(cut, str) else raw[:-cut]
        path = tmp_path / "kurz.szpkg"
        path.write_bytes(data)
        with pytest.raises(PackageError, match="unvollständig|kein Stadtzwilling-Paket|beschädigt"):
            open_package(path, trusted=keys["trust"], dest=tmp_path / "v", passphrase=PW)
        assert not (tmp_path / "v").exists() and _leftovers(tmp_path) == []


def test_appended_bytes_are_refused(plain_pkg, keys, tmp_path):
    (tmp_path / "x.szpkg").write_bytes(plain_pkg.read_bytes() + b"\x00")
    with pytest.raises(PackageError):
        verify_package(tmp_path / "x.szpkg", keys["trust"])


def test_not_a_package(tmp_path, keys):
    (tmp_path / "x.szpkg").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(PackageError, match="kein Stadtzwilling-Paket"):
        verify_package(tmp_path / "x.szpkg", keys["trust"])
    with pytest.raises(TwinIOError, match="fehlt"):
        verify_package(tmp_path / "nichts.szpkg", keys["trust"])


# ------------------------------------------------------------------------------------- publishers

def test_foreign_signed_package_is_refused(content, keys, tmp_path):
    for pw in (None, PW):
        out = tmp_path / "fremd.szpkg"
        write_package(content, out, role="rat" if pw else "buerger", title="Fälschung", signing_key=keys["b"],
                      passphrase=pw, scrypt=FAST)
        with pytest.raises(UntrustedPublisher, match="fremd signiert") as exc:
            verify_package(out, keys["trust"])
        assert fingerprint(keys["b"]) in str(exc.value)
        # refused before any passphrase is needed, and nothing is extracted
        with pytest.raises(UntrustedPublisher):
            open_package(out, trusted=keys["trust"], dest=tmp_path / "v")
        assert not (tmp_path / "v").exists()
        # the same package is fine for whoever trusts B
        assert verify_package(out, {"b": keys["b"].public_key()}).publisher == fingerprint(keys["b"])


def test_resigned_manifest_claiming_the_trusted_publisher_is_refused(plain_pkg, keys, tmp_path):
    """An attacker edits the manifest (keeping A's fingerprint) and signs with his own key."""
    payload, data, _ = _split(plain_pkg.read_bytes())
    doc = loads(data)
    doc["title"] = "Manipuliert"
    assert doc["publisher"] == fingerprint(keys["a"])
    (tmp_path / "x.szpkg").write_bytes(_assemble(payload, dumps(doc), keys["b"]))
    with pytest.raises(SignatureError, match="Signatur ist ungültig") as exc:
        verify_package(tmp_path / "x.szpkg", keys["trust"])
    assert not isinstance(exc.value, UntrustedPublisher)


def test_empty_trust_store_refuses_everything(plain_pkg, tmp_path):
    (tmp_path / "trust").mkdir()
    with pytest.raises(UntrustedPublisher):
        verify_package(plain_pkg, tmp_path / "trust")


def test_trusted_keys_folder(keys, tmp_path):
    t = tmp_path / "t"
    t.mkdir()
    (t / "a.pub").write_bytes(keys["a_files"].public.read_bytes())
    (t / "empfaenger.pub").write_bytes(keys["r_files"].public.read_bytes())  # X25519: skipped
    (t / "liesmich.txt").write_text("kein Schlüssel")
    assert list(trusted_keys(t)) == [fingerprint(keys["a"])]
    (t / "kaputt.pub").write_text("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    with pytest.raises(KeyFileError, match="kaputt.pub"):
        trusted_keys(t)
    with pytest.raises(KeyFileError, match="fehlt"):
        trusted_keys(tmp_path / "nicht-da")


def test_signed_manifest_with_unsafe_path_is_refused(keys, tmp_path):
    """Defence in depth: even a trusted publisher cannot make the reader write outside ``dest``."""
    body = b"boese"
    import hashlib
    sha = hashlib.sha256(body).hexdigest()
    doc = {"format": "stadtzwilling-paket", "version": 1, "role": "buerger", "title": "x", "created": "x",
           "publisher": fingerprint(keys["a"]), "meta": {}, "payload": {"size": len(body), "sha256": sha},
           "files": [{"path": "../ausserhalb.txt", "size": len(body), "sha256": sha}]}
    (tmp_path / "x.szpkg").write_bytes(_assemble(body, dumps(doc), keys["a"]))
    with pytest.raises(PackageError, match="Unzulässiger Dateiname"):
        open_package(tmp_path / "x.szpkg", trusted=keys["trust"], dest=tmp_path / "sub" / "v")
    assert not (tmp_path / "ausserhalb.txt").exists() and not (tmp_path / "sub" / "v").exists()


@pytest.mark.parametrize("bad", ["../a", "/etc/passwd", "a//b", "a/./b", "C:/x", "a\\b", "con.txt", "x ", "a/b.",
                                 "", "a\x00b", "a:b"])
def test_check_path_rejects(bad):
    with pytest.raises(PackageError):
        check_path(bad)


def test_check_path_accepts():
    assert check_path("rasters/dgm/projekt_dgm.tif") == "rasters/dgm/projekt_dgm.tif"
    assert check_path("Straßen ü.gpkg") == "Straßen ü.gpkg"


# ------------------------------------------------------------------------------------- passphrases

def test_wrong_or_missing_passphrase(enc_pkg, keys, tmp_path):
    with pytest.raises(PassphraseError, match="Passphrase ist falsch"):
        open_package(enc_pkg, trusted=keys["trust"], dest=tmp_path / "v", passphrase=PW + "x")
    with pytest.raises(PassphraseError, match="bitte die Passphrase angeben"):
        open_package(enc_pkg, trusted=keys["trust"], dest=tmp_path / "v")
    assert not (tmp_path / "v").exists() and _leftovers(tmp_path) == []


def test_passphrase_is_unicode_normalised(content, keys, tmp_path):
    out = tmp_path / "p.szpkg"
    write_package(content, out, role="rat", title="T", signing_key=keys["a"], passphrase="Bürgermeisterin",
                  scrypt=FAST)
    decomposed = "Bu\u0308rgermeisterin"  # same text, other Unicode form (e.g. typed on a Mac)
    with open_package(out, trusted=keys["trust"], dest=tmp_path / "v", passphrase=decomposed) as opened:
        assert len(opened.manifest.files) == 3


@pytest.mark.parametrize("pw, msg", [("", "leer"), ("   ", "leer"), ("kurz", "zu kurz")])
def test_bad_passphrase_for_writing(pw, msg, content, keys, tmp_path):
    with pytest.raises(PassphraseError, match=msg):
        write_package(content, tmp_path / "p.szpkg", role="rat", title="T", signing_key=keys["a"], passphrase=pw)
    assert list(tmp_path.iterdir()) == []


def test_council_package_must_be_encrypted(content, keys, tmp_path):
    with pytest.raises(PassphraseError, match="verschlüsselt"):
        write_package(content, tmp_path / "p.szpkg", role="rat", title="T", signing_key=keys["a"])
    assert list(tmp_path.iterdir()) == []


def test_missing_signing_key(content, tmp_path):
    with pytest.raises(KeyFileError, match="Kein Herausgeber-Schlüssel"):
        write_package(content, tmp_path / "p.szpkg", role="buerger", title="T", signing_key=None)
    with pytest.raises(KeyFileError, match="fehlt"):
        load_signing_key(tmp_path / "publisher_ed25519.pem")
    assert list(tmp_path.iterdir()) == []


def test_key_file_passphrase(keys, tmp_path):
    path = keys["a_files"].private
    with pytest.raises(PassphraseError, match="geschützt"):
        load_signing_key(path)
    with pytest.raises(PassphraseError, match="falsch"):
        load_signing_key(path, "falsches-pw")
    with pytest.raises(KeyFileError, match="keinen Herausgeber-Schlüssel"):
        load_signing_key(keys["r_files"].private, "empfaenger-pw")
    (tmp_path / "x.pem").write_text("kein Schlüssel")
    with pytest.raises(KeyFileError, match="keinen lesbaren privaten Schlüssel"):
        load_signing_key(tmp_path / "x.pem")


def test_key_files_are_never_overwritten(keys):
    before = keys["a_files"].private.read_bytes()
    with pytest.raises(KeyFileError, match="existiert bereits"):
        new_publisher_key(keys["a_files"].private.parent)
    assert keys["a_files"].private.read_bytes() == before
    if os.name == "posix":
        assert (keys["a_files"].private.stat().st_mode & 0o777) == 0o600


def test_default_scrypt_is_strong():
    assert DEFAULT_SCRYPT.n >= 2 ** 17 and DEFAULT_SCRYPT.r >= 8
    with pytest.raises(PackageError):
        ScryptParams(n=2 ** 30).check()


# ------------------------------------------------------------------------------ atomic write / cancel

def _cancel_after(n: int) -> Callable[[], bool]:
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > n
    return cancel


@pytest.mark.parametrize("after", [0, 2, 5, 7])
@pytest.mark.parametrize("pw", [None, PW])
def test_cancel_while_writing_leaves_nothing(after, pw, content, keys, tmp_path):
    out = tmp_path / "p.szpkg"
    with pytest.raises(Cancelled):
        write_package(content, out, role="buerger", title="T", signing_key=keys["a"], passphrase=pw, scrypt=FAST,
                      cancel=_cancel_after(after))
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_existing_package(content, keys, plain_pkg, tmp_path):
    out = tmp_path / "p.szpkg"
    out.write_bytes(plain_pkg.read_bytes())
    before = out.read_bytes()

    class Token:  # like importers.base.CancelToken
        cancelled = False

    token = Token()
    seen: list[float] = []

    def progress(fraction: float, message: str) -> None:
        seen.append(fraction)
        if fraction > 0.7:
            token.cancelled = True

    with pytest.raises(Cancelled):
        write_package(content, out, role="rat", title="Neu", signing_key=keys["a"], passphrase=PW, scrypt=FAST,
                      progress=progress, cancel=token)
    assert out.read_bytes() == before and _leftovers(tmp_path) == [] and seen == sorted(seen)
    assert verify_package(out, keys["trust"]).title == "Bürgerzwilling Musterdorf"


def test_error_while_writing_keeps_existing_package(content, keys, plain_pkg, tmp_path):
    out = tmp_path / "p.szpkg"
    out.write_bytes(b"alt")

    def progress(fraction: float, message: str) -> None:
        if fraction > 0.9:
            raise RuntimeError("Stromausfall")

    with pytest.raises(RuntimeError):
        write_package(content, out, role="buerger", title="T", signing_key=keys["a"], progress=progress)
    assert out.read_bytes() == b"alt" and _leftovers(tmp_path) == []


def test_successful_write_replaces_existing_package(content, keys, tmp_path):
    out = tmp_path / "p.szpkg"
    out.write_bytes(b"alt")
    write_package(content, out, role="buerger", title="T", signing_key=keys["a"])
    assert verify_package(out, keys["trust"]).title == "T" and _leftovers(tmp_path) == []


def test_cancel_while_opening_leaves_nothing(enc_pkg, keys, tmp_path):
    with pytest.raises(Cancelled):
        open_package(enc_pkg, trusted=keys["trust"], dest=tmp_path / "v", passphrase=PW, cancel=_cancel_after(6))
    assert list(tmp_path.iterdir()) == []


def test_bad_source_or_target(content, keys, tmp_path, plain_pkg):
    kw = {"role": "buerger", "title": "T", "signing_key": keys["a"]}
    with pytest.raises(TwinIOError, match="Paketinhalt fehlt"):
        write_package(tmp_path / "nichts", tmp_path / "p.szpkg", **kw)
    with pytest.raises(TwinIOError, match="Zielordner"):
        write_package(content, tmp_path / "nicht" / "da" / "p.szpkg", **kw)
    (tmp_path / "leer").mkdir()
    with pytest.raises(PackageError, match="keine Dateien"):
        write_package(tmp_path / "leer", tmp_path / "p.szpkg", **kw)
    with pytest.raises(PackageError, match="eigenen Inhalts"):
        write_package(content, content / "p.szpkg", **kw)
    with pytest.raises(PackageError, match="Ungültige Rolle"):
        write_package(content, tmp_path / "p.szpkg", **{**kw, "role": "Rat; DROP"})
    (tmp_path / "voll").mkdir()
    (tmp_path / "voll" / "x").write_text("x")
    with pytest.raises(TwinIOError, match="nicht leer"):
        open_package(plain_pkg, trusted=keys["trust"], dest=tmp_path / "voll")
    assert not (tmp_path / "p.szpkg").exists()


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlinks_are_not_published(content, keys, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("a")
    (src / "link").symlink_to(content / "twin.gpkg")
    with pytest.raises(PackageError, match="Symlinks"):
        write_package(src, tmp_path / "p.szpkg", role="buerger", title="T", signing_key=keys["a"])


def test_opened_into_existing_empty_folder(plain_pkg, keys, tmp_path):
    (tmp_path / "v").mkdir()
    with open_package(plain_pkg, trusted=keys["trust"], dest=tmp_path / "v") as opened:
        assert len(list(opened.root.rglob("*.tif"))) == 2


def test_all_errors_are_twin_errors():
    for cls in (PackageError, SignatureError, UntrustedPublisher, PassphraseError, KeyFileError):
        assert issubclass(cls, TwinError) and issubclass(cls, ValueError)
