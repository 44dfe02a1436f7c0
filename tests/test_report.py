"""The landing page, escaping helpers, offline checks, interactive tables and the manifest
(fast unit tests on small synthetic report folders; the pipeline output is checked too)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import paths
from helpers.pipeline import build_manifest, is_up_to_date, list_notebooks, manifest_key, write_manifest
from helpers.report import (
    FINDINGS_TABLE,
    bdi,
    esc,
    interactive_table_html,
    remote_resources,
    safe_url,
    write_index,
)

EVIL = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">\u202eevil'


def test_escaping_helpers():
    assert esc(EVIL).startswith("&lt;script&gt;") and "<" not in esc(EVIL)
    assert esc('"q" \'s\'') == "&quot;q&quot; &#x27;s&#x27;"
    assert esc(None) == "" and esc(float("nan")) == ""
    assert bdi("أرمينيا") == '<bdi dir="rtl" lang="ar">أرمينيا</bdi>'
    assert bdi(EVIL).startswith("<bdi>&lt;script")


@pytest.mark.parametrize("url, ok", [
    ("https://arabi21.net/story/1309693", True), ("http://example.org/a?b=1", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("data:text/html,<b>", False),
    ("//evil.example/x", False), ("/local/path", False), ("", False), (None, False),
    ("https://x.org/\u202eevil", False), ("https://x.org/\nfoo", False), ("http://[::1", False),
])
def test_safe_url_only_allows_absolute_http_links(url, ok):
    assert (safe_url(url) is not None) is ok


def test_remote_resources_finds_cdn_scripts_but_not_links_or_inline():
    page = """<script src="https://cdnjs.cloudflare.com/x.js"></script><script>var a=1</script>
    <link rel="stylesheet" href="//fonts.example/css"><a href="https://arabi21.net">src</a>
    <img src="figures/a.png"><iframe src="http://x.org"></iframe><link rel="canonical" href="https://x">"""
    assert remote_resources(page) == ["https://cdnjs.cloudflare.com/x.js", "//fonts.example/css", "http://x.org"]
    assert remote_resources("<p>https://cdn.example/x.js</p>") == []


def test_interactive_table_escapes_every_cell_and_embeds_no_cdn():
    df = pd.DataFrame({"sentence": ["قال " + EVIL, "plain"], "n": [1, 2], "<b>col</b>": ["a", "</script>"]})
    out = interactive_table_html(df, caption="<i>cap</i>")
    assert "<script>window.__pwned" not in out and '<img src=x' not in out
    assert "&lt;script&gt;window.__pwned" in out and "&lt;b&gt;col&lt;/b&gt;" in out
    assert out.count("</script>") == out.count("<script")  # the data cannot close the script early
    assert "<b>cap</b>" not in out and "&lt;i&gt;cap&lt;/i&gt;" in out
    assert "cw-rtl" in out  # the Arabic column gets the direction rule
    assert remote_resources(out) == [] and "https://cdn" not in out
    with pytest.raises(ValueError, match="never renders cells as HTML"):
        interactive_table_html(df, allow_html=True)


def _fake_report(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A report folder as the notebooks leave it, with hostile values in every table."""
    out = tmp_path / "out"
    for sub in paths.OUTPUT_LAYOUT:
        (out / sub).mkdir(parents=True)
    pd.DataFrame({
        "article_id": ["a1", "a2"], "outlet": ["Arabi21", EVIL], "published": ["2020-10-01", "2020-10-09"],
        "title": ["محادثات واشنطن تفشل", EVIL], "url": ["https://arabi21.net/story/1", "javascript:alert(2)"],
    }).to_csv(out / "tables" / "articles.csv", index=False, encoding="utf-8")
    pd.DataFrame({"finding": ["Azerbaijan claims 7 times more than Armenia.", EVIL]}).to_csv(
        out / "tables" / FINDINGS_TABLE, index=False, encoding="utf-8")
    (out / "figures" / "claims_by_claimant.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (out / "figures" / "claims_by_claimant.csv").write_text("a\n1\n", encoding="utf-8")
    (out / "figures" / "orphan.svg").write_text("<svg/>", encoding="utf-8")
    nbs = []
    for name, body in (("01-load-articles", 'articles.csv'), ("04-source-divergence", 'figures" / "claims_by_claimant.png')):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {name} <script>x</script>\n\nWhat it answers."),
                    nbformat.v4.new_code_cell(f'save("{body}")')]
        nbformat.write(nb, str(out / "notebooks" / f"{name}.ipynb"))
        nbs.append(Path(f"{name}.ipynb"))
    return out, nbs


def test_index_escapes_links_findings_figures_and_tables(tmp_path):
    out, nbs = _fake_report(tmp_path)
    page = write_index(out, seeds=tmp_path / "seeds", params={"seeds_dir": EVIL, "profile": "karabakh-2020"},
                       notebooks=nbs).read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page and "<img src=x" not in page and "<script>x" not in page
    assert page.count("&lt;script&gt;window.__pwned=1") >= 4  # outlet, title, finding, parameter
    assert 'href="javascript:' not in page and 'href="https://arabi21.net/story/1"' in page
    assert "حرب قره باغ 2020" in page and 'dir="rtl"' in page
    assert "2 articles from 2 named outlets" in page and "2020-10-01" in page and "2020-10-09" in page
    assert "<li>Azerbaijan claims 7 times more than Armenia.</li>" in page
    # the thumbnail links to the report of the notebook that names the figure; CSV and SVG beside it
    assert '<a href="html/04-source-divergence.report.html"><img src="figures/claims_by_claimant.png"' in page
    assert 'href="figures/claims_by_claimant.csv"' in page
    assert '<a href="figures/orphan.svg"><img src="figures/orphan.svg"' in page  # no notebook names it
    assert 'href="tables/findings.csv"' in page and 'href="notebooks/01-load-articles.ipynb"' in page
    assert remote_resources(page) == [] and "<script" not in page


def test_index_without_optional_tables_says_so(tmp_path):
    out = tmp_path / "out"
    for sub in paths.OUTPUT_LAYOUT:
        (out / sub).mkdir(parents=True)
    page = write_index(out, seeds=tmp_path, params={}, notebooks=[]).read_text(encoding="utf-8")
    assert "No articles table" in page and "No findings table" in page and "No figures" in page


def test_manifest_changes_with_every_input(tmp_path, seeds_copy):
    nbs = list_notebooks()
    params = {"seeds_dir": str(seeds_copy), "sources_csv": "", "output_dir": "/tmp/build-1"}
    m0 = build_manifest(seeds_copy, seeds_copy / "sources.csv", "karabakh-2020", params, nbs)
    assert set(m0["inputs"]["files"]) >= {"000_6ff6359781e5a1b3.txt", "sources.csv"}
    assert m0["sidecar"]["sha256"] and m0["profile"]["sha256"] and len(m0["code"]["version"]) == 64
    assert "helpers/report.py" in m0["code"]["files"] and "notebooks/01-load-articles.ipynb" in m0["code"]["files"]
    assert "output_dir" not in m0["parameters"]
    same = build_manifest(seeds_copy, seeds_copy / "sources.csv", "karabakh-2020",
                          {**params, "output_dir": "/tmp/build-2"}, nbs)
    assert manifest_key(same) == manifest_key(m0)  # the build folder does not count
    with open(seeds_copy / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("999_new,Some outlet,,2020-10-30,\n")
    m1 = build_manifest(seeds_copy, seeds_copy / "sources.csv", "karabakh-2020", params, nbs)
    assert m1["sidecar"] != m0["sidecar"]
    (seeds_copy / "005_new.txt").write_text("خبر جديد", encoding="utf-8")
    m2 = build_manifest(seeds_copy, seeds_copy / "sources.csv", "karabakh-2020", params, nbs)
    assert "005_new.txt" in m2["inputs"]["files"] and manifest_key(m2) != manifest_key(m1)
    m3 = build_manifest(seeds_copy, seeds_copy / "sources.csv", "karabakh-2020", {**params, "strict": True}, nbs)
    assert manifest_key(m3) != manifest_key(m2)
    other_nb = tmp_path / "01-load-articles.ipynb"
    shutil.copy(nbs[0], other_nb)
    other_nb.write_text(other_nb.read_text(encoding="utf-8").replace("Load articles", "Load the articles"),
                        encoding="utf-8")
    m4 = build_manifest(seeds_copy, seeds_copy / "sources.csv", "karabakh-2020", params, [other_nb, *nbs[1:]])
    assert m4["code"]["version"] != m2["code"]["version"]
    json.dumps(m4, ensure_ascii=False)  # serialisable


def test_up_to_date_needs_the_same_manifest_and_the_files(tmp_path, seeds_copy):
    out = tmp_path / "out"
    (out / "tables").mkdir(parents=True)
    (out / "tables" / "articles.csv").write_text("article_id\n", encoding="utf-8")
    m = build_manifest(seeds_copy, None, "karabakh-2020", {"seeds_dir": str(seeds_copy)}, list_notebooks())
    assert not is_up_to_date(out, m)  # no manifest yet
    write_manifest(out, m, 1.0)
    assert not is_up_to_date(out, m)  # no index.html
    (out / "index.html").write_text("<!doctype html>", encoding="utf-8")
    assert is_up_to_date(out, m)
    assert not is_up_to_date(out, {**m, "parameters": {"strict": True}})
    (out / "tables" / "articles.csv").unlink()
    assert not is_up_to_date(out, m)  # a table listed in the manifest went missing


@pytest.mark.slow
def test_pipeline_pages_load_nothing_from_the_network(pipeline_run):
    _, out = pipeline_run
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["outputs"] and manifest["built"] and manifest["code"]["version"]
    for page in [out / "index.html", *(out / "html").glob("*.html")]:
        src = page.read_text(encoding="utf-8")
        assert remote_resources(src) == [], page.name
        assert "cdnjs.cloudflare.com" not in src and "require.min.js" not in src, page.name
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Key findings" in index and "What went in" in index
    if (out / "tables" / FINDINGS_TABLE).is_file():
        first = pd.read_csv(out / "tables" / FINDINGS_TABLE, dtype=str, keep_default_na=False)["finding"].iloc[0]
        assert esc(first) in index
    for png in (out / "figures").glob("*.png"):
        assert f'src="figures/{png.name}"' in index


def test_swap_cut_short_leaves_no_manifest(tmp_path, monkeypatch):
    """The old manifest goes first and the new one last: a swap interrupted halfway leaves
    no manifest, so the next run rebuilds instead of trusting a half-swapped report."""
    import helpers.pipeline as pl

    out, build = tmp_path / "out", tmp_path / "out" / ".build-1"
    for d in (out / "tables", build / "tables", build / "html"):
        d.mkdir(parents=True)
    (out / "manifest.json").write_text("{}", encoding="utf-8")
    (build / "manifest.json").write_text('{"new": 1}', encoding="utf-8")
    (build / "index.html").write_text("new", encoding="utf-8")
    calls = []
    real_replace = os.replace

    def flaky_replace(src, dst):
        calls.append(Path(dst).name)
        if len(calls) == 4:
            raise KeyboardInterrupt("killed mid-swap")
        real_replace(src, dst)

    monkeypatch.setattr(pl.os, "replace", flaky_replace)
    with pytest.raises(KeyboardInterrupt):
        pl.swap_into_place(build, out)
    assert not (out / "manifest.json").exists()
    monkeypatch.setattr(pl.os, "replace", real_replace)
    build2 = tmp_path / "b2"
    build2.mkdir()
    (build2 / "manifest.json").write_text('{"new": 2}', encoding="utf-8")
    (build2 / "tables").mkdir()
    pl.swap_into_place(build2, out)
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == {"new": 2}
