"""One run per root at a time: a second run exits 4 or waits, a killed run's lock is recovered."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from govstats.build.lock import RunLocked, lock_path, run_lock
from govstats.paths import Layout
from tests.test_cli import govstats


def test_a_second_run_on_the_same_root_exits_4_with_a_message(sample_root):
    with run_lock(Layout(sample_root)):
        result = govstats("run", "--root", str(sample_root), "--no-pdf")
    assert result.returncode == 4, result.stderr
    assert "another govstats run" in result.stderr and str(lock_path(Layout(sample_root))) in result.stderr
    assert not (sample_root / "data" / "processed").exists(), "the second run built nothing"


def test_a_second_run_told_to_wait_says_so_and_gives_up_after_the_wait(sample_root):
    with run_lock(Layout(sample_root)):
        started = time.perf_counter()
        result = govstats("run", "--root", str(sample_root), "--no-pdf", "--wait", "1")
    assert result.returncode == 4
    assert "waiting up to 1 s" in result.stderr and "after waiting 1 s" in result.stderr
    assert time.perf_counter() - started >= 1


def test_a_waiting_run_goes_on_when_the_first_lets_go(tmp_path):
    layout = Layout(tmp_path)
    heard: list[str] = []
    holder = run_lock(layout)
    holder.__enter__()
    threading.Timer(0.5, holder.__exit__, (None, None, None)).start()
    with run_lock(layout, wait=10, on_wait=heard.append):
        pass
    assert len(heard) == 1 and "waiting" in heard[0]
    with pytest.raises(RunLocked), run_lock(layout), run_lock(layout):
        pass


def test_the_lock_of_a_killed_run_is_recovered(tmp_path):
    path = lock_path(Layout(tmp_path))
    code = ("import os, signal, sys; from filelock import FileLock; "
            "FileLock(sys.argv[1]).acquire(); os.kill(os.getpid(), signal.SIGKILL)")
    killed = subprocess.run([sys.executable, "-c", code, str(path)], timeout=60)
    assert killed.returncode == -9
    with run_lock(Layout(tmp_path)) as held:
        assert held == path
