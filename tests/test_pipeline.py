"""The runner: layout, parameters, HTML flavours, failure handling that keeps the last report."""

from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from helpers import paths
from helpers.pipeline import (
    PipelineError,
    list_notebooks,
    notebook_needs,
    notebook_parameters,
    parse_param,
    run_notebooks,
    validate_parameters,
    warmup_code,
)

pytestmark = pytest.mark.slow
EXPECTED_PARAMS = {"seeds_dir", "sources_csv", "output_dir", "profile", "strict", "workers"}


def test_notebooks_are_stripped_tagged_and_share_parameters():
    nbs = list_notebooks()
    assert nbs and nbs[0].name == "01-load-articles.ipynb"
    for nb_path in nbs:
        nb = nbformat.read(str(nb_path), as_version=4)
        assert nb.metadata["kernelspec"]["name"] == paths.KERNEL_NAME, nb_path.name
        tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, nb_path.name
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), nb_path.name
        assert set(notebook_parameters(nb_path)) == EXPECTED_PARAMS, nb_path.name
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_parse_and_validate_parameters():
    assert parse_param("strict=true") == ("strict", True)
    assert parse_param("workers=4") == ("workers", 4)
    assert parse_param("profile=karabakh-2020") == ("profile", "karabakh-2020")
    with pytest.raises(PipelineError, match="not NAME=VALUE"):
        parse_param("strict")
    with pytest.raises(PipelineError, match="Unknown parameter.*stirct"):
        validate_parameters({"stirct": True}, list_notebooks())


def test_pipeline_writes_the_fixed_layout(pipeline_run):
    seeds, out = pipeline_run
    for sub in ("tables", "figures", "notebooks", "html"):
        assert (out / sub).is_dir()
    assert not list(out.glob(".build-*"))
    arts = pd.read_csv(out / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    assert len(arts) == 5
    assert dict(zip(arts.article_id, arts.outlet, strict=True))["004_6cc9c1c7d50e6349"] == "unknown"
    assert set(arts.published) == {"2020-10-24", "2020-10-01", "2020-10-21", "2020-10-16", "2020-10-09"}
    for nb in list_notebooks():
        assert (out / "notebooks" / nb.name).is_file()
        full = (out / "html" / f"{nb.stem}.html").read_text(encoding="utf-8")
        report = (out / "html" / f"{nb.stem}.report.html").read_text(encoding="utf-8")
        assert "hl-ipython3" in full and "hl-ipython3" not in report  # code hidden in the report
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in index and "محادثات واشنطن تفشل" in index
    assert "html/01-load-articles.report.html" in index


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers.pipeline", "--no-progress", *args],
                          capture_output=True, text=True, timeout=600)


def test_broken_notebook_fails_and_keeps_previous_report(tmp_path, seeds_copy):
    nb_dir = tmp_path / "nbs"
    nb_dir.mkdir()
    shutil.copy(paths.NOTEBOOKS / "01-load-articles.ipynb", nb_dir)
    out = tmp_path / "out"
    first = _run_cli("--seeds", str(seeds_copy), "--out", str(out), "--notebooks", str(nb_dir))
    assert first.returncode == 0, first.stderr
    before = (out / "index.html").read_bytes()
    broken = nbformat.read(str(nb_dir / "01-load-articles.ipynb"), as_version=4)
    broken.cells.append(nbformat.v4.new_code_cell("raise ValueError('deliberately broken')"))
    nbformat.write(broken, str(nb_dir / "02-broken.ipynb"))
    second = _run_cli("--seeds", str(seeds_copy), "--out", str(out), "--notebooks", str(nb_dir))
    assert second.returncode == 1
    assert "02-broken.ipynb" in second.stderr and "cell" in second.stderr
    assert "deliberately broken" in second.stderr
    saved = out / "failed" / "notebooks" / "02-broken.ipynb"
    assert saved.is_file() and str(saved) in second.stderr
    assert (out / "index.html").read_bytes() == before
    assert not (out / "notebooks" / "02-broken.ipynb").exists()


def test_bad_input_exits_2_with_one_sentence(tmp_path, seeds_copy):
    res = _run_cli("--seeds", str(tmp_path / "missing"), "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and "does not exist" in res.stderr
    res = _run_cli("--seeds", str(seeds_copy), "--out", str(tmp_path / "o"), "-p", "profil=x")
    assert res.returncode == 2 and "Unknown parameter" in res.stderr
    res = _run_cli("--seeds", str(seeds_copy), "--out", str(tmp_path / "o"), "-p", "profile=atlantis")
    assert res.returncode == 2 and "Unknown profile" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_progress_lines_of_a_kernel_are_echoed_to_the_runner_log():
    from helpers.pipeline import _ProgressEcho

    said: list[str] = []
    echo = _ProgressEcho(said.append)
    echo.write("5 articles listed\nProgress: extracted 1,000 of 9,000 art")
    echo.write("icles\nKept 3 rows\n")
    assert said == ["      Progress: extracted 1,000 of 9,000 articles"]


def _notebook(folder, name: str, needs: list[str] | None = None, code: str = "import json\nx = 1") -> object:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("# Parameters\nseeds_dir = ''", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(code)]
    if needs is not None:
        nb.metadata["claims_workbook"] = {"needs": needs}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, str(path))
    return path


def test_notebook_needs_reads_metadata_and_defaults_to_every_earlier_notebook(tmp_path):
    a = _notebook(tmp_path, "01-a")
    b = _notebook(tmp_path, "02-b", needs=["01-a"])
    c = _notebook(tmp_path, "03-c", needs=["01-a", "09-not-in-this-run", "04-d"])  # a later one is not a need
    d = _notebook(tmp_path, "04-d")
    needs = notebook_needs([a, b, c, d])
    assert needs == {a: [], b: [a], c: [a], d: [a, b, c]}


def test_warmup_code_is_the_notebooks_top_level_imports_only(tmp_path):
    nb = _notebook(tmp_path, "01-a", code="import json\nfrom pathlib import Path as P\nx = 1\n"
                                          "def f():\n    import os\n%matplotlib inline")
    extra = nbformat.read(str(nb), as_version=4)
    extra.cells.append(nbformat.v4.new_code_cell("import csv, re\nprint('side effect')"))
    nbformat.write(extra, str(nb))
    assert warmup_code(nb) == "import csv, re"  # the magic makes the first cell unparsable: skipped


def test_run_notebooks_respects_needs_runs_independent_ones_side_by_side_and_stops_kernels(tmp_path):
    import threading
    import time

    a, b, c, d = (_notebook(tmp_path, n, needs) for n, needs in
                  (("01-a", []), ("02-b", ["01-a"]), ("03-c", ["01-a"]), ("04-d", ["02-b", "03-c"])))
    events: list[tuple[str, str]] = []
    lock = threading.Lock()
    both_running = threading.Barrier(2, timeout=10)
    started, stopped = [], []

    def run_one(i, nb, km):
        with lock:
            events.append(("start", nb.stem))
        assert km == f"kernel-{nb.stem}"
        if nb in (b, c):
            both_running.wait()  # b and c run at the same time (or this times out)
        time.sleep(0.05)
        with lock:
            events.append(("end", nb.stem))

    def start(nb, kernel_name):
        started.append(nb.stem)
        return f"kernel-{nb.stem}"

    run_notebooks([a, b, c, d], run_one, "k", parallel=2, start_kernel=start, stop=stopped.append)
    pos = {e: i for i, e in enumerate(events)}
    assert pos[("end", "01-a")] < pos[("start", "02-b")] and pos[("end", "01-a")] < pos[("start", "03-c")]
    assert pos[("start", "04-d")] > max(pos[("end", "02-b")], pos[("end", "03-c")])
    assert sorted(stopped) == [f"kernel-{n}" for n in ("01-a", "02-b", "03-c", "04-d")]  # every kernel stopped


def test_run_notebooks_first_failure_is_raised_with_its_notebook_and_later_ones_do_not_start(tmp_path):
    a, b, c = (_notebook(tmp_path, n, needs) for n, needs in (("01-a", []), ("02-b", ["01-a"]), ("03-c", ["02-b"])))
    ran, stopped = [], []

    def run_one(i, nb, km):
        ran.append(nb.stem)
        if nb == b:
            raise ValueError("cell failed")

    with pytest.raises(ValueError) as err:
        run_notebooks([a, b, c], run_one, "k", parallel=2, start_kernel=lambda nb, k: nb.stem, stop=stopped.append)
    assert err.value.notebook == "02-b.ipynb"
    assert ran == ["01-a", "02-b"]
    assert sorted(stopped) == ["01-a", "02-b", "03-c"]  # the unused kernel is stopped too
