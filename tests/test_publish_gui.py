"""„Veröffentlichen …“ in the window: dialog checks, worker with progress, the package verifies."""

from __future__ import annotations

from twin.package import new_publisher_key, verify_package
from views.publish_dialog import PublishDialog
from views.workers import FAILED, OK

from tests.test_gui import TIMEOUT_MS, open_window

PASS = "Rat-Passphrase-2026"


def test_publish_from_the_window(qtbot, sample_project, tmp_path, monkeypatch):
    from views import notify

    monkeypatch.setattr(notify, "_dialogs", False)
    keys = new_publisher_key(sample_project.root / "keys")
    window = open_window(qtbot, sample_project)
    dialog = PublishDialog(sample_project.root, window)
    qtbot.addWidget(dialog)
    assert dialog.role.currentData() == "rat" and dialog.passphrase.isEnabled()
    dialog.out.setText(str(tmp_path / "rat.szpkg"))
    dialog.passphrase.setText(PASS)
    dialog.repeat.setText("anders-anders")
    assert "stimmen nicht" in dialog.problem()
    dialog.repeat.setText(PASS)
    assert dialog.problem() is None
    progress = []
    worker = window.publish(dialog.request())
    worker.progress.connect(lambda f, m: progress.append(f))
    with qtbot.waitSignal(worker.done, timeout=TIMEOUT_MS) as done:
        pass
    assert done.args[0] == OK, done.args
    assert progress and verify_package(tmp_path / "rat.szpkg", keys.public.parent).encrypted
    assert "veröffentlicht" in window.statusBar().currentMessage()
    # the citizens' package needs no passphrase; a wrong key passphrase fails cleanly
    dialog.role.setCurrentIndex(1)
    assert not dialog.passphrase.isEnabled() and dialog.out.text().endswith("buergerzwilling.szpkg")
    req = dialog.request()
    req.key_passphrase = "falsch"
    bad = tmp_path / "kein.szpkg"
    req.out = bad
    other = new_publisher_key(tmp_path / "geschuetzt", passphrase="richtig-richtig")
    req.key = other.private
    worker = window.publish(req)
    with qtbot.waitSignal(worker.done, timeout=TIMEOUT_MS) as done:
        pass
    assert done.args[0] == FAILED and "Passphrase" in done.args[1] and not bad.exists()
    window.close()
