"""Corpus runner: the per-article unit, serial / process pool / Dask giving identical
tables, and the incremental Parquet + DuckDB cache."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from helpers import corpus, paths
from helpers.articles import articles_frame, load_articles, problems_frame
from helpers.corpus import RunStats, extract_article, extract_corpus, run_folder
from helpers.losses import extract_all as losses_all
from helpers.statements import extract_all as statements_all


@pytest.fixture(scope="module")
def seeds(profile):
    arts, _ = load_articles(paths.SEEDS, paths.SOURCES_CSV, profile)
    return arts, articles_frame(arts)


@pytest.fixture(scope="module")
def reference(seeds, profile):
    arts, _ = seeds
    return {"losses": losses_all(arts, profile), "statements": statements_all(arts, profile)}


def test_extract_article_runs_attribution_once(seeds, profile, monkeypatch):
    arts, _ = seeds
    import helpers.attribution as attribution
    import helpers.losses as losses

    attribute, mentions = attribution.attribute, losses.loss_mentions
    calls, loss_calls = [], []

    def counting(article, prof):
        calls.append(article.article_id)
        return attribute(article, prof)

    def counting_mentions(article, prof, attributions=None):
        loss_calls.append(article.article_id)
        return mentions(article, prof, attributions)

    monkeypatch.setattr(attribution, "attribute", counting)
    monkeypatch.setattr(losses, "loss_mentions", counting_mentions)
    res = extract_article(arts[0], profile)
    assert calls == [arts[0].article_id]
    assert loss_calls == [arts[0].article_id]  # the losses rules run once for both tables
    assert set(res) == {"losses", "statements"} and res["losses"] and res["statements"]
    for r in res["losses"]:
        assert arts[0].raw[r["start"]:r["end"]] == r["number_text"]


@pytest.mark.parametrize("backend", ["serial", "processes", "dask"])
def test_backends_give_the_module_tables(seeds, reference, profile, backend):
    _, df = seeds
    stats = RunStats()
    out = extract_corpus(df, paths.SEEDS, profile, workers=2, backend=backend, stats=stats)
    assert stats.backend == backend and stats.extracted == 5
    pd.testing.assert_frame_equal(out["losses"], reference["losses"])
    pd.testing.assert_frame_equal(out["statements"], reference["statements"])
    assert len(out["problems"]) == 0


def test_dask_cluster_by_address_gives_the_module_tables(seeds, reference, profile):
    """The same bag sent to a running Dask cluster (a local one here, two worker processes,
    reached by its TCP address like a remote scheduler) gives the same tables."""
    from distributed import LocalCluster

    _, df = seeds
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        stats = RunStats()
        out = extract_corpus(df, paths.SEEDS, profile, workers=2, dask_address=cluster.scheduler_address,
                             stats=stats)
    assert stats.backend == "dask" and stats.extracted == 5
    pd.testing.assert_frame_equal(out["losses"], reference["losses"])
    pd.testing.assert_frame_equal(out["statements"], reference["statements"])


def test_progress_lines_on_long_extractions(seeds, profile):
    _, df = seeds
    lines: list[str] = []
    stats = RunStats(progress=corpus.ProgressPrinter(every=0, min_total=1, out=lines.append))
    extract_corpus(df, paths.SEEDS, profile, workers=1, backend="serial", stats=stats)
    assert lines and lines[-1].startswith("Progress: extracted 5 of 5 articles (0 more from the cache)")
    assert "articles/s" in lines[-1] and "left" not in lines[-1]
    # small runs stay silent with the default threshold
    quiet: list[str] = []
    extract_corpus(df, paths.SEEDS, profile, workers=1, backend="serial",
                   stats=RunStats(progress=corpus.ProgressPrinter(out=quiet.append)))
    assert quiet == []


def test_progress_printer_paces_its_lines(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(corpus.time, "monotonic", lambda: clock[0])
    lines: list[str] = []
    pp = corpus.ProgressPrinter(every=5, min_total=10, out=lines.append)
    pp(0, 3000, 50)
    for done, t in ((1000, 102.0), (2000, 108.0), (3000, 109.0)):
        clock[0] = t
        pp(done, 3000, 50)
    # 1,000 at 2 s is too soon; 2,000 at 8 s is printed with the time left; the end always is
    assert lines == [
        "Progress: extracted 2,000 of 3,000 articles (50 more from the cache), 250 articles/s, about 4 s left",
        "Progress: extracted 3,000 of 3,000 articles (50 more from the cache), 333 articles/s",
    ]


def test_incremental_cache_extracts_only_new_or_changed_articles(tmp_path, profile, reference):
    folder = tmp_path / "seeds"
    shutil.copytree(paths.SEEDS, folder)
    cache = tmp_path / "cache"

    def run() -> tuple[dict, RunStats]:
        arts, _ = load_articles(folder, folder / "sources.csv", profile)
        stats = RunStats()
        return extract_corpus(articles_frame(arts), folder, profile, cache_dir=cache, stats=stats), stats

    first, s1 = run()
    assert (s1.extracted, s1.cached) == (5, 0)
    pd.testing.assert_frame_equal(first["losses"], reference["losses"])
    again, s2 = run()
    assert (s2.extracted, s2.cached) == (0, 5)
    pd.testing.assert_frame_equal(again["losses"], first["losses"])
    pd.testing.assert_frame_equal(again["statements"], first["statements"])
    # a new article: only it is extracted, the tables are complete
    new = folder / "zz_new.txt"
    new.write_text("أعلنت وزارة الدفاع الأذربيجانية مقتل ٣٠ جنديا أرمنيا في المعارك.", encoding="utf-8")
    third, s3 = run()
    assert (s3.extracted, s3.cached) == (1, 5)
    assert len(third["losses"]) == len(first["losses"]) + 1
    assert third["losses"].iloc[-1]["article_id"] == "zz_new"
    # an edited article: re-extracted
    new.write_text("أعلنت وزارة الدفاع الأذربيجانية مقتل ٤٠ جنديا أرمنيا في المعارك.", encoding="utf-8")
    fourth, s4 = run()
    assert (s4.extracted, s4.cached) == (1, 5)
    assert fourth["losses"].iloc[-1]["value"] == 40
    # the cache is Parquet, queryable with DuckDB
    import duckdb

    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{cache}/losses/*.parquet')").fetchall()[0][0]
    assert n == len(first["losses"]) + 2


def test_cache_key_changes_with_extractor_profile_and_metadata(profile, monkeypatch):
    meta = {"article_id": "a", "file": "a.txt", "outlet": "X", "published": "2020-10-01"}
    k = corpus.article_key("abc", meta, profile)
    assert k == corpus.article_key("abc", dict(meta), profile)
    assert k != corpus.article_key("abd", meta, profile)
    assert k != corpus.article_key("abc", {**meta, "published": "2020-10-02"}, profile)
    monkeypatch.setattr(profile, "version", "other")
    assert k != corpus.article_key("abc", meta, profile)
    monkeypatch.undo()
    monkeypatch.setattr(corpus, "extractor_version", lambda: "changed")
    assert k != corpus.article_key("abc", meta, profile)


def test_extractor_version_covers_the_extraction_modules():
    mods = set()
    for mod in corpus.ENTRY_MODULES:
        path = corpus._module_file(mod)
        if path:
            mods |= corpus._helpers_imports(path)
    assert {"helpers.text", "helpers.profile", "helpers.numbers", "helpers.lexicon"} <= mods
    assert len(corpus.extractor_version()) == 12


def test_run_folder_matches_load_then_extract(seeds, reference, profile, tmp_path):
    arts, df = seeds
    stats = RunStats()
    out = run_folder(paths.SEEDS, paths.SOURCES_CSV, profile, workers=2, cache_dir=tmp_path / "c", stats=stats)
    assert stats.extracted == 5
    got = out["articles"]
    pd.testing.assert_frame_equal(got.astype(str), df.astype(str))
    pd.testing.assert_frame_equal(out["losses"], reference["losses"])
    pd.testing.assert_frame_equal(out["statements"], reference["statements"])
    assert len(out["problems"]) == 0
    stats = RunStats()
    again = run_folder(paths.SEEDS, paths.SOURCES_CSV, profile, cache_dir=tmp_path / "c", stats=stats)
    assert (stats.extracted, stats.cached) == (0, 5)
    pd.testing.assert_frame_equal(again["articles"].astype(str), df.astype(str))


def test_a_failing_article_becomes_a_problem_not_a_crash(seeds, profile, monkeypatch):
    _, df = seeds
    real = corpus.extract_article

    def flaky(article, prof):
        if article.article_id.startswith("002"):
            raise RecursionError("too deep")
        return real(article, prof)

    monkeypatch.setattr(corpus, "extract_article", flaky)
    stats = RunStats()
    out = extract_corpus(df, paths.SEEDS, profile, backend="serial", stats=stats)
    assert "002_1a0749abc1487bfd" not in set(out["losses"]["article_id"])
    assert out["losses"]["article_id"].nunique() == 4
    (row,) = out["problems"].itertuples()
    assert row.file.startswith("002_") and "RecursionError" in row.problem
    assert stats.errors and "002_" in stats.errors[0]


def test_store_prune_removes_stale_parts(tmp_path):
    store = corpus.Store(tmp_path, ["losses"])
    store.write([("k1", {"losses": [{"article_id": "a", "value": 1, "start": 0}]})])
    store.write([("k2", {"losses": [{"article_id": "b", "value": 2, "start": 0}]})])
    assert store.known(["k1", "k2", "k3"]) == {"k1", "k2"}
    assert store.prune(["k2"]) == 1
    assert store.known(["k1", "k2"]) == {"k2"}
    assert store.read("losses", ["k2"])["value"].tolist() == [2]


def test_empty_corpus_gives_empty_tables_with_columns(profile, tmp_path):
    out = extract_corpus(articles_frame([]), tmp_path, profile)
    assert len(out["losses"]) == 0 and "number_text" in out["losses"].columns
    assert len(out["statements"]) == 0 and "speaker" in out["statements"].columns
    assert list(problems_frame([]).columns) == list(out["problems"].columns)


def test_large_table_path_gives_the_same_tables(seeds, reference, profile, monkeypatch):
    _, df = seeds
    monkeypatch.setattr(corpus, "EXACT_FRAME_ROWS", 0)  # force the vectorised path used for big corpora
    out = extract_corpus(df, paths.SEEDS, profile, backend="serial")
    pd.testing.assert_frame_equal(out["losses"], reference["losses"])
    pd.testing.assert_frame_equal(out["statements"], reference["statements"])


def test_run_folder_streams_tables_to_csv(profile, reference, tmp_path):
    stats = RunStats()
    counts = run_folder(paths.SEEDS, paths.SOURCES_CSV, profile, backend="serial", stats=stats,
                        tables_dir=tmp_path / "tables")
    assert counts["articles"] == 5 and stats.articles == 5
    assert counts["losses"] == len(reference["losses"]) and counts["statements"] == len(reference["statements"])
    losses = pd.read_csv(tmp_path / "tables" / "losses.csv", dtype=str, keep_default_na=False)
    assert list(losses.columns) == list(reference["losses"].columns)
    assert losses["number_text"].tolist() == reference["losses"]["number_text"].tolist()
    arts = pd.read_csv(tmp_path / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    assert arts["article_id"].tolist() == sorted(arts["article_id"])
    assert (tmp_path / "tables" / "problems.csv").is_file()


def test_streamed_csv_tables_equal_the_in_memory_tables_byte_for_byte(profile, seeds_copy, tmp_path):
    # a range ("ما بين 20 و25") leaves value_low empty in other rows: the streamed CSV must
    # still write "20", not the "20.0" a float column would give
    (seeds_copy / "range.txt").write_text(
        "وقالت وزارة الدفاع الأذربيجانية إن ما بين 20 و25 جنديا أرمينيا قتلوا، فيما قال \"مسؤول\": «لن نتراجع».\n",
        encoding="utf-8")
    cache = tmp_path / "cache"
    run_folder(seeds_copy, None, profile, backend="serial", cache_dir=cache, tables_dir=tmp_path / "tables")
    frames = run_folder(seeds_copy, None, profile, backend="serial", cache_dir=cache)
    assert "20" in frames["losses"]["value_low"].astype(str).tolist()
    for kind in ("articles", "losses", "statements", "problems"):
        written = (tmp_path / "tables" / f"{kind}.csv").read_text(encoding="utf-8")
        assert written == frames[kind].to_csv(index=False), kind


def test_arrow_csv_writer_matches_pandas_quoting_and_types():
    import pyarrow as pa

    table = pa.table({
        "s": pa.array(["a", None, "", 'x"y', "a,b", "l1\nl2", "r\rx", " sp ", "قال، «نعم»"]),
        "i": pa.array([1, 2, None, 4, 5, 6, 7, 8, 9], pa.int64()),
        "f": pa.array([1.0, None, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]),  # an integer column read back as float
        "b": pa.array([True, False, None, True, True, True, False, False, True]),
        "n": pa.nulls(9),
    })
    frame = table.to_pandas()
    frame[["i", "f"]] = frame[["i", "f"]].astype("Int64")  # integers as Int64 columns write them
    got = b"".join(corpus.csv_buffers(table, ["s", "i", "f", "b", "n", "missing"], integers={"f"}))
    want = frame.reindex(columns=["s", "i", "f", "b", "n", "missing"]).to_csv(index=False)
    assert got.decode("utf-8") == want
    assert b"".join(corpus.csv_buffers(table.slice(2, 3), ["s", "b"], header=False)).decode() == \
        frame.iloc[2:5][["s", "b"]].to_csv(index=False, header=False)
    assert corpus.csv_buffers(pa.table({"x": [0.5]}), ["x"]) is None  # floats: the caller writes with pandas


def test_helpers_imports_finds_every_import_form(tmp_path):
    src = tmp_path / "m.py"
    src.write_text("import helpers.text\nfrom helpers.numbers import parse\nfrom helpers import paths as p, dates\n"
                   "def f():\n    from helpers import (  # lazy\n        lexicon,\n        profile as prof,\n    )\n"
                   "import os\n", encoding="utf-8")
    assert corpus._helpers_imports(src) >= {"helpers.text", "helpers.numbers", "helpers.paths", "helpers.dates",
                                            "helpers.lexicon", "helpers.profile"}
