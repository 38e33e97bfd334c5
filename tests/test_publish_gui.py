"""„Veröffentlichen …“ in the window: dialog checks, worker with progress, the package verifies."""

from __future__ import annotations

from twin.package import new_publisher_key, verify_package
from views.publish_dialog import PublishDialog
from views.workers import FAILED, OK, Worker

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
    progress, outcomes = [], []
    start = Worker.start

    def start_heard(self, *args):  # listen before the thread runs: a fast failure must not finish unheard
        self.progress.connect(lambda f, m: progress.append(f))
        self.done.connect(lambda outcome, payload: outcomes.append((outcome, payload)))
        return start(self, *args)

    monkeypatch.setattr(Worker, "start", start_heard)
    window.publish(dialog.request())
    qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=TIMEOUT_MS)
    assert outcomes[0][0] == OK, outcomes[0]
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
    window.publish(req)
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=TIMEOUT_MS)
    assert outcomes[1][0] == FAILED and "Passphrase" in outcomes[1][1] and not bad.exists()
    window.close()


def test_publish_web_site_from_the_window(qtbot, sample_project, tmp_path):
    """Form „Webseite“: only for the Bürgerzwilling, no key needed, the folder holds the site afterwards."""
    window = open_window(qtbot, sample_project)
    dialog = PublishDialog(sample_project.root, window)
    qtbot.addWidget(dialog)
    web_item = dialog.form.model().item(1)
    assert not web_item.isEnabled()  # council selected: no web site
    dialog.role.setCurrentIndex(1)
    assert web_item.isEnabled()
    dialog.form.setCurrentIndex(1)
    assert dialog.web and not dialog.key.isEnabled() and dialog.out_label.text() == "Zielordner:"
    assert dialog.out.text().endswith("buergerzwilling_web")
    busy = tmp_path / "belegt"
    busy.mkdir()
    (busy / "brief.odt").write_text("x")
    dialog.out.setText(str(busy))
    assert "nicht leer" in dialog.problem()
    out = tmp_path / "web"
    dialog.out.setText(str(out))
    assert dialog.problem() is None
    req = dialog.request()
    assert req.web and req.role == "buerger"
    window.publish(req)
    qtbot.waitUntil(lambda: "als Webseite geschrieben" in window.statusBar().currentMessage(), timeout=TIMEOUT_MS)
    assert (out / "index.html").is_file() and (out / "tiles" / "tileset.json").is_file()
    dialog.role.setCurrentIndex(0)  # back to the council: the form falls back to the package
    assert not dialog.web and dialog.out_label.text() == "Paketdatei:"
    window.close()
