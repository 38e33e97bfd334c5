"""Publishing the Rats- and Bürgerzwilling: content by policy, signed/encrypted package, leak test on every byte."""

from __future__ import annotations


import pytest
from typer.testing import CliRunner

from cli.main import app
from twin.errors import PassphraseError, SignatureError
from twin.package import load_signing_key, new_publisher_key
from twin.publish.publish import open_published, publish

from tests.leak import all_bytes as _all_bytes
from tests.leak import encodings as _encodings
from tests.leak import secrets as _secrets

PASS = "Rat-Passphrase-2026"


@pytest.fixture
def keys(tmp_path):
    return new_publisher_key(tmp_path / "keys")


def test_leak_test_on_both_packages(sample_project, keys, tmp_path):
    """Every owner name, customer, meter number, reading and note of the administration: zero hits
    in the packages and in every file they unpack to (SQLite pages included)."""
    secrets = _secrets(sample_project)
    for kind in ("Eigentümer", "Kunden", "Zählernummern", "Zählerstände", "Kanal-Bemerkungen", "Baumkontrolle"):
        assert secrets.get(kind), f"die Beispielgemeinde braucht {kind} für diesen Test"
    admin = (sample_project.root / "twin.gpkg").read_bytes()
    # control: the search finds the secrets where they are (the administration's own store)
    for kind, values in secrets.items():
        found = sum(any(e in admin for e in _encodings(kind, v)) for v in values)
        assert found == len(values), f"Kontrolle {kind}: {found}/{len(values)}"
    sk = load_signing_key(keys.private)
    for role, passphrase in (("rat", PASS), ("buerger", None)):
        out = tmp_path / f"{role}.szpkg"
        publish(sample_project, role, out, signing_key=sk, passphrase=passphrase)
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no work folder left
        twin = open_published(out, trusted=keys.public.parent, passphrase=passphrase, dest=tmp_path / f"{role}_auf")
        try:
            files = [(str(out), out.read_bytes())] + _all_bytes(twin.package.root)
            assert any(name.endswith("twin.gpkg") for name, _ in files)
            visible = twin.project.store
            shown = {str(v) for layer in visible.layer_names() for f in visible.features(layer)
                     for v in f.attrs.values() if v is not None}
            for kind, values in secrets.items():
                for value in values - shown:  # a value the role may see in its own right is no leak
                    for name, data in files:
                        for enc in _encodings(kind, value):
                            assert enc not in data, f"{role}: {kind} '{value}' steht in {name}"
            assert twin.project.config.published.role == role
            assert not {"owners", "meter_readings", "meter_customers", "water_meters"} & set(visible.layer_names())
        finally:
            twin.close()
        assert not (tmp_path / f"{role}_auf").exists()  # closing removes the unpacked files


def test_council_package_encrypted_and_refused_when_tampered(sample_project, keys, tmp_path):
    sk = load_signing_key(keys.private)
    out = tmp_path / "rat.szpkg"
    with pytest.raises(PassphraseError, match="Passphrase"):
        publish(sample_project, "rat", out, signing_key=sk)
    assert not out.exists()
    publish(sample_project, "rat", out, signing_key=sk, passphrase=PASS)
    assert b"SQLite format 3" not in out.read_bytes()
    with pytest.raises(PassphraseError):
        open_published(out, trusted=keys.public.parent, passphrase="falsch-falsch", dest=tmp_path / "x")
    assert not (tmp_path / "x").exists()
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "manipuliert.szpkg"
    bad.write_bytes(bytes(data))
    with pytest.raises(SignatureError):
        open_published(bad, trusted=keys.public.parent, passphrase=PASS, dest=tmp_path / "y")
    other = new_publisher_key(tmp_path / "fremd")
    with pytest.raises(SignatureError, match="fremd"):
        open_published(out, trusted=other.public.parent, passphrase=PASS, dest=tmp_path / "z")


def test_publish_cli_with_env_passphrase_and_missing_key(sample_project, tmp_path, monkeypatch):
    runner = CliRunner()
    out = tmp_path / "rat.szpkg"
    res = runner.invoke(app, ["publish", str(sample_project.root), "--role", "rat", "--out", str(out)])
    assert res.exit_code != 0 and "Kein Signierschlüssel" in res.output and not out.exists()
    keys = new_publisher_key(sample_project.root / "keys")
    monkeypatch.setenv("STADTZWILLING_PASSPHRASE", PASS)
    res = runner.invoke(app, ["publish", str(sample_project.root), "--role", "rat", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "signiert und verschlüsselt" in res.output and out.is_file()
    twin = open_published(out, trusted=keys.public.parent, passphrase=PASS, dest=tmp_path / "auf")
    try:
        assert twin.project.config.published.role == "rat"
        assert "kennzahl_zaehler_je_strasse" in twin.project.store.layer_names()
    finally:
        twin.close()


def test_viewer_opens_package_read_only(sample_project, keys, tmp_path, qtbot, monkeypatch):
    """`stadtzwilling open PAKET` shows the package in a read-only window (signature checked first)."""
    import subprocess
    import sys

    from tests.test_gui import open_window
    from views import notify

    monkeypatch.setattr(notify, "_dialogs", False)  # the refusal goes to the log instead of a modal box
    sk = load_signing_key(keys.private)
    out = tmp_path / "rat.szpkg"
    publish(sample_project, "rat", out, signing_key=sk, passphrase=PASS)
    twin = open_published(out, trusted=keys.public.parent, passphrase=PASS, dest=tmp_path / "auf")
    try:
        window = open_window(qtbot, twin.project)
        assert window.read_only and "Ratszwilling" in window.windowTitle() and "nur lesen" in window.windowTitle()
        actions = [a.text() for m in window.menuBar().actions() for a in m.menu().actions()]
        assert not any("Import" in a for a in actions)
        assert window.import_files([tmp_path / "x.csv"]) is None
        assert window.scene.layer("buildings").mesh.n_cells > 0
        window.close()
    finally:
        twin.close()
    png = tmp_path / "rat.png"
    env = {**__import__("os").environ, "STADTZWILLING_PASSPHRASE": PASS}
    res = subprocess.run([sys.executable, "-m", "cli.main", "open", str(out), "--screenshot", str(png),
                          "--trust", str(keys.public.parent)], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    assert png.stat().st_size > 10_000
    bad = subprocess.run([sys.executable, "-m", "cli.main", "open", str(out), "--screenshot", str(png),
                          "--trust", str(tmp_path)], capture_output=True, text=True, env=env, timeout=300)
    assert bad.returncode != 0 and "fremd" in (bad.stderr + bad.stdout)


def test_open_package_from_the_menu(sample_project, keys, tmp_path, qtbot, monkeypatch):
    """Datei > Paket öffnen …: verified, decrypted, shown read-only; the unpacked files go with the window."""
    from tests.test_gui import TIMEOUT_MS
    from views import notify
    from views.package_viewer import open_package_window

    monkeypatch.setattr(notify, "_dialogs", False)
    out = tmp_path / "rat.szpkg"
    publish(sample_project, "rat", out, signing_key=load_signing_key(keys.private), passphrase=PASS)
    assert open_package_window(None, out, trust=tmp_path / "gibt-es-nicht", passphrase=PASS) is None
    assert open_package_window(None, out, trust=new_publisher_key(tmp_path / "fremd").public.parent,
                               passphrase=PASS) is None
    window = open_package_window(None, out, trust=keys.public.parent, passphrase=PASS)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scene_ready, timeout=TIMEOUT_MS):
        pass
    root = window.published_twin.package.root
    assert window.read_only and "Ratszwilling" in window.windowTitle() and root.is_dir()
    assert "kennzahl_kanalnetz" in window.project.store.layer_names()
    window.close()
    assert not root.exists()
