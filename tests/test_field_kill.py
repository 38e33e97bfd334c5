"""A sync killed with SIGKILL in the middle of its transaction leaves the store exactly as before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_field_sync import T1_EDITS, dump, gdal_edit
from twin.field.export import export_package
from twin.field.sync import sync_package

CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from twin.project import Project
from twin.field.sync import sync_package

marker = Path({marker!r})

def progress(fraction, message):
    if "übernommen" in message:   # inside the transaction, after the first layer was written
        marker.write_text(message)
        time.sleep(300)

with Project.open({project!r}) as p:
    sync_package(p, {package!r}, progress=progress)
print("fertig")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL gibt es unter Windows nicht")
def test_sigkill_during_sync_leaves_the_store_untouched(sample_project, tmp_path, gdal_python):
    p = sample_project
    pkg = tmp_path / "tablet"
    export_package(p, "bauhof", pkg)
    gdal_edit(gdal_python, pkg, T1_EDITS, tmp_path)
    before = dump(p)
    marker = tmp_path / "mitten_drin.txt"
    script = CHILD.format(root=str(Path(__file__).parent.parent), marker=str(marker), project=str(p.root),
                          package=str(pkg))
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert child.poll() is None, child.stderr.read().decode()
        assert time.monotonic() < deadline, "der Abgleich kam nicht in die Transaktion"
        time.sleep(0.05)
    journal = [f for f in p.root.iterdir() if f.name.startswith("twin.gpkg-")]
    assert journal, "mitten in der Transaktion gibt es ein Journal"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(30)
    assert child.returncode == -signal.SIGKILL

    assert dump(p) == before  # rows, history, package registry: exactly as before
    r = sync_package(p, pkg)  # and the sync then runs through normally
    assert r.inserted == {"trees": 1} and r.meter_changes == 1 and len(r.conflicts) == 0
