"""Scheduled regeneration: an unchanged re-run is up to date in seconds, --force rebuilds
byte-identical tables, the lock keeps a second run out (or makes it wait), and a run killed
halfway leaves the previous report intact and its stale build is cleaned by the next run."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers import paths
from helpers.pipeline import build_manifest, code_files, file_sha256, list_notebooks, run_lock

pytestmark = pytest.mark.slow


def _cli(*args: str, **kw) -> list[str]:
    return [sys.executable, "-m", "helpers.pipeline", "--no-progress", *args]


def _run(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(_cli(*args), capture_output=True, text=True, timeout=timeout, cwd=paths.ROOT)


def _snapshot(out: Path) -> dict[str, str]:
    """Hash of every file of a report (not the lock file, builds or screenshots)."""
    snap = {}
    for p in sorted(out.rglob("*")):
        rel = p.relative_to(out).as_posix()
        if p.is_file() and rel != ".lock" and not rel.startswith((".build-", ".trash-", "screenshots/")):
            snap[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return snap


@pytest.fixture()
def report_copy(pipeline_run, tmp_path):
    """A copy of the session's report folder, so each test can change it; returns (seeds, out).
    If helpers/ or notebooks/ were edited since the session's run (other work in the same
    tree), the copy's code hashes are brought up to date; inputs and parameters are not."""
    seeds, out = pipeline_run
    dst = tmp_path / "out"
    shutil.copytree(out, dst, ignore=shutil.ignore_patterns(".lock", "screenshots"))
    manifest = json.loads((dst / "manifest.json").read_text(encoding="utf-8"))
    code = {rel: file_sha256(p) for rel, p in code_files(list_notebooks()).items()}
    if code != manifest["code"]["files"]:
        fresh = build_manifest(seeds, None, "karabakh-2020", {}, list_notebooks())
        manifest["code"] = fresh["code"]
        (dst / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return seeds, dst


def test_unchanged_rerun_is_up_to_date_in_seconds(report_copy):
    seeds, out = report_copy
    before = _snapshot(out)
    t0 = time.monotonic()
    res = _run("--seeds", str(seeds), "--out", str(out))
    elapsed = time.monotonic() - t0
    assert res.returncode == 0, res.stderr
    assert "up to date" in res.stdout and "--force" in res.stdout
    assert "[1/" not in res.stdout  # no notebook ran
    assert _snapshot(out) == before
    print(f"up-to-date re-run: {elapsed:.1f} s")


def test_second_run_exits_3_or_waits_for_the_lock(report_copy):
    seeds, out = report_copy
    with run_lock(out):
        res = _run("--seeds", str(seeds), "--out", str(out))
        assert res.returncode == 3
        assert "Another run is writing" in res.stderr and f"pid {os.getpid()}" in res.stderr
        assert "--wait" in res.stderr
        waiting = subprocess.Popen(_cli("--seeds", str(seeds), "--out", str(out), "--wait"),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=paths.ROOT)
        # Read until the run says it is waiting (a slow machine may take many seconds to
        # import); only then release the lock. A fixed sleep raced with start-up in CI.
        first = waiting.stdout.readline()
        assert f"Waiting for another run writing to {out} (pid {os.getpid()}" in first, first
        time.sleep(1)
        assert waiting.poll() is None, "the --wait run did not wait for the lock"
    rest, stderr = waiting.communicate(timeout=600)
    stdout = first + rest
    assert waiting.returncode == 0, stderr
    # up to date, unless helpers/ changed meanwhile (other work in the same tree): then it rebuilt
    assert "up to date" in stdout or "Report built" in stdout


def _slow_notebooks(tmp_path: Path) -> Path:
    """Notebook 01 and a second notebook that sleeps, so a run can be killed between them."""
    nb_dir = tmp_path / "nbs"
    nb_dir.mkdir()
    shutil.copy(paths.NOTEBOOKS / "01-load-articles.ipynb", nb_dir)
    slow = nbformat.read(str(nb_dir / "01-load-articles.ipynb"), as_version=4)
    slow.cells.append(nbformat.v4.new_code_cell("import time\ntime.sleep(300)"))
    nbformat.write(slow, str(nb_dir / "02-slow.ipynb"))
    return nb_dir


def test_killed_run_keeps_previous_report_and_next_run_cleans_up(report_copy, tmp_path):
    seeds, out = report_copy
    before = _snapshot(out)
    nb_dir = _slow_notebooks(tmp_path)
    proc = subprocess.Popen(_cli("--seeds", str(seeds), "--out", str(out), "--notebooks", str(nb_dir)),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=paths.ROOT,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        line = ""
        while "[2/2]" not in line:  # the first notebook has finished, the second is running
            line = proc.stdout.readline()
            assert line or proc.poll() is None, "the run ended before the second notebook"
            assert time.monotonic() < deadline, "the run never reached the second notebook"
        time.sleep(1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run we started and its process group
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    stale = list(out.glob(".build-*"))
    assert stale and (stale[0] / "notebooks" / "01-load-articles.ipynb").is_file()
    assert _snapshot(out) == before, "the killed run changed the previous report"
    res = _run("--seeds", str(seeds), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert not list(out.glob(".build-*")) and not list(out.glob(".trash-*"))
    # up to date, unless helpers/ changed meanwhile (other work in the same tree): then it rebuilt
    assert "up to date" in res.stdout or "Report built" in res.stdout
    if "up to date" in res.stdout:
        assert _snapshot(out) == before


def test_forced_rebuild_gives_byte_identical_tables(report_copy):
    seeds, out = report_copy
    before = _snapshot(out)
    res = _run("--seeds", str(seeds), "--out", str(out), "--force")
    assert res.returncode == 0, res.stderr
    assert "[1/" in res.stdout and "up to date" not in res.stdout
    after = _snapshot(out)
    assert after["manifest.json"] != before["manifest.json"]  # it did rebuild (new build time)
    csvs = sorted(k for k in before if k.endswith(".csv"))
    assert any(k.startswith("tables/") for k in csvs)
    differ = [k for k in csvs if after.get(k) != before[k]]
    assert differ == [], f"tables differ between two runs on the same inputs: {differ}"
    assert set(k for k in after if k.endswith(".csv")) == set(csvs)
