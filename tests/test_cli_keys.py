"""``stadtzwilling keys``: new publisher and recipient keys, show, passphrase prompts and errors (real keys,
real files)."""

from __future__ import annotations

from typer.testing import CliRunner

from cli.main import app
from twin.package import fingerprint, load_recipient_key, load_signing_key

runner = CliRunner()


def test_cli_keys_new_show_and_refuse_overwrite(tmp_path, monkeypatch):
    monkeypatch.setenv("SZ_KEY_PW", "cli-passphrase")
    r = runner.invoke(app, ["keys", "new", str(tmp_path / "k"), "--passphrase-env", "SZ_KEY_PW"])
    assert r.exit_code == 0, r.output
    key = load_signing_key(tmp_path / "k" / "publisher_ed25519.pem", "cli-passphrase")
    fp = fingerprint(key)
    assert fp in r.output and "mit Passphrase geschützt" in r.output

    r = runner.invoke(app, ["keys", "show", str(tmp_path / "k" / "publisher_ed25519.pub")])
    assert r.exit_code == 0 and fp in r.output and "Herausgeber-Schlüssel (Ed25519, öffentlich)" in r.output
    r = runner.invoke(app, ["keys", "show", str(tmp_path / "k" / "publisher_ed25519.pem"),
                            "--passphrase-env", "SZ_KEY_PW"])
    assert r.exit_code == 0 and fp in r.output and "privat" in r.output
    r = runner.invoke(app, ["keys", "show", str(tmp_path / "k" / "publisher_ed25519.pem")], input="falsch-falsch\n")
    assert r.exit_code == 1 and "falsch" in r.output

    r = runner.invoke(app, ["keys", "new", str(tmp_path / "k"), "--passphrase-env", "SZ_KEY_PW"])
    assert r.exit_code == 1 and "existiert bereits" in r.output
    assert fingerprint(load_signing_key(tmp_path / "k" / "publisher_ed25519.pem", "cli-passphrase")) == fp


def test_cli_keys_new_prompt_and_errors(tmp_path, monkeypatch):
    r = runner.invoke(app, ["keys", "new", str(tmp_path / "k")], input="prompt-passwort\nprompt-passwort\n")
    assert r.exit_code == 0, r.output
    load_signing_key(tmp_path / "k" / "publisher_ed25519.pem", "prompt-passwort")

    monkeypatch.delenv("SZ_NOT_SET", raising=False)
    r = runner.invoke(app, ["keys", "new", str(tmp_path / "k2"), "--passphrase-env", "SZ_NOT_SET"])
    assert r.exit_code == 1 and "SZ_NOT_SET" in r.output and not (tmp_path / "k2").exists()
    monkeypatch.setenv("SZ_SHORT", "kurz")
    r = runner.invoke(app, ["keys", "new", str(tmp_path / "k2"), "--passphrase-env", "SZ_SHORT"])
    assert r.exit_code == 1 and "zu kurz" in r.output

    r = runner.invoke(app, ["keys", "new", str(tmp_path / "k3"), "--ohne-passphrase"])
    assert r.exit_code == 0 and "UNGESCHÜTZT" in r.output
    load_signing_key(tmp_path / "k3" / "publisher_ed25519.pem")

    r = runner.invoke(app, ["keys", "show", str(tmp_path / "fehlt.pub")])
    assert r.exit_code == 1 and "fehlt" in r.output


def test_cli_keys_recipient(tmp_path, monkeypatch):
    monkeypatch.setenv("SZ_KEY_PW", "empfaenger-pw")
    r = runner.invoke(app, ["keys", "recipient", str(tmp_path), "mueller", "--passphrase-env", "SZ_KEY_PW"])
    assert r.exit_code == 0, r.output
    key = load_recipient_key(tmp_path / "mueller_x25519.pem", "empfaenger-pw")
    r = runner.invoke(app, ["keys", "show", str(tmp_path / "mueller_x25519.pub")])
    assert r.exit_code == 0 and "Empfänger-Schlüssel (X25519" in r.output and fingerprint(key) in r.output
    r = runner.invoke(app, ["keys", "recipient", str(tmp_path), "../böse", "--ohne-passphrase"])
    assert r.exit_code == 1 and "Ungültiger Empfängername" in r.output
