"""`make bench` end to end on a tiny corpus (figures are not asserted: they belong to the benchmark)."""

from __future__ import annotations

import json

import pytest

from helpers.bench import run_bench

pytestmark = pytest.mark.slow


def test_bench_runs_on_a_tiny_corpus_and_writes_its_json(tmp_path, capsys):
    summary = run_bench([30], workers=1, out=tmp_path, pipeline=False, work_dir=tmp_path)
    printed = capsys.readouterr().out
    assert "30 articles" in printed and "incremental re-run" in printed and "without sentence punctuation" in printed
    size = summary["sizes"]["30"]
    assert size["articles"] == 30 and size["extracted"] + size["cached"] == 30
    inc = summary["incremental"]
    assert inc["extracted"] == 10 and inc["cached"] == 30  # only the new articles are extracted
    assert set(summary["unpunctuated"]) == {"10000", "50000"}
    stages = summary["stages"]  # loading and extraction timed apart on one core
    assert stages["articles"] == 30 and stages["load_ms_per_article"] > 0 and stages["extract_ms_per_article"] > 0
    assert "one core, 30 articles: loading" in printed
    written = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "bench").glob("*.json")}
    assert set(written) == {"throughput.json", "incremental.json", "seeds_pipeline.json", "summary.json"}
    assert written["throughput.json"]["sizes"]["30"]["articles"] == 30
    assert written["seeds_pipeline.json"] is None  # skipped here (pipeline=False)
