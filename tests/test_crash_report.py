"""A test process that crashes leaves every thread's stack where ``run.py test`` prints it after the run.

A real pytest in a subprocess with this suite's conftest, crashing (SIGSEGV) in a thread of its own: the dump
names the thread that crashed and its function, and run.py's report drops the long extension-module list.
"""

from __future__ import annotations

import os
import subprocess
import sys

import run
from tests.conftest import ROOT

PROBE = '''
import faulthandler
import threading


def crash_here():
    faulthandler._sigsegv()


def test_crashes_in_a_worker_thread():
    thread = threading.Thread(target=crash_here, name="Absturz")
    thread.start()
    thread.join()
'''


def test_crashing_test_process_leaves_the_stack_of_the_crashing_thread(tmp_path):
    probe = tmp_path / "test_probe.py"
    probe.write_text(PROBE)
    crashes = tmp_path / "absturz"
    crashes.mkdir()
    env = {**os.environ, run.CRASH_DIR_ENV: str(crashes), "PYTEST_XDIST_WORKER": "gw7"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider",
                             "-p", "no:xdist", "--rootdir", str(tmp_path), str(probe)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    [report] = run.crash_reports(crashes)
    lines = report.splitlines()
    assert lines[0].startswith("Absturz im Testprozess gw7-")
    assert "Fatal Python error: Segmentation fault" in report
    current = lines.index(next(line for line in lines if line.startswith("Current thread")))
    assert "crash_here" in lines[current + 1], report
    assert "test_crashes_in_a_worker_thread" in report  # the main thread waits in the test
    assert not any(line.startswith("Extension modules:") for line in lines)
    assert len(lines) <= run.CRASH_LINES + 2


def test_no_report_without_a_crash(tmp_path):
    (tmp_path / "gw0-1.txt").write_text("")
    assert run.crash_reports(tmp_path) == []
