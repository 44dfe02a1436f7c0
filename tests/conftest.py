"""Shared fixtures: the profile, the seeds, temporary copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import paths
from helpers.profile import load_profile


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Tests never write the extraction cache into the project's outputs/."""
    import os

    if not os.environ.get("CLAIMS_CACHE_DIR"):
        os.environ["CLAIMS_CACHE_DIR"] = str(tmp_path_factory.mktemp("extraction-cache"))
    yield


@pytest.fixture(scope="session")
def profile():
    return load_profile("karabakh-2020")


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(paths.SEEDS.glob("*.txt"))


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    """A temporary copy of seeds/ (articles and sidecar)."""
    dst = tmp_path / "seeds"
    shutil.copytree(paths.SEEDS, dst)
    return dst


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory):
    """Run the whole pipeline once on a temporary copy of the seeds; returns (seeds, out)."""
    from helpers.pipeline import run_pipeline

    base = tmp_path_factory.mktemp("pipeline")
    seeds = base / "seeds"
    shutil.copytree(paths.SEEDS, seeds)
    out = base / "out"
    run_pipeline(seeds=seeds, out=out, progress=False, log=lambda msg: None)
    return seeds, out


@pytest.fixture(scope="session")
def need_browser():
    """Skip when headless Chromium is missing; in CI (CI=true) that is a failure instead."""
    import os

    from helpers.browser import browser_missing_reason

    reason = browser_missing_reason()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"headless Chromium is required in CI: {reason}")
        pytest.skip(f"headless Chromium not available: {reason}")
