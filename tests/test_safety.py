"""Hostile input: an Arabic news-style article and a sidecar row full of markup, scripts,
javascript: links and bidi overrides go through the whole pipeline; every page must show
them as text and run none of them (checked in the HTML source and in headless Chromium)."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from helpers import paths
from helpers.browser import check_page, chromium
from helpers.pipeline import run_pipeline

pytestmark = pytest.mark.slow
HOSTILE = paths.TESTS / "hostile"
NORMAL_SEED = "002_1a0749abc1487bfd.txt"
TITLE_PAYLOAD = "<script>window.__pwned=1;alert(1)</script>"
OUTLET_PAYLOAD = "<script>window.__pwned=11;alert(11)</script>الجزيرة"
SEEDS_DIR_NAME = "seeds <b onclick=window.__pwned=20>x \"q\" 'z'"  # a parameter value with markup and quotes
# raw markup that may only ever appear escaped (&lt;...) in a page's source (quotes inside
# text need no escaping; attribute break-outs are caught by the tag parser below)
RAW_PAYLOADS = [
    "<script>window.__pwned", '<img src=x onerror="window.__pwned', '<table id="pwn',
    '<svg onload="window.__pwned', '<iframe src="javascript:', '<a href="javascript:',
    "<style>body{display:none}", "<b onclick=",
]
DOM_PROBES = {
    "pwned": "() => typeof window.__pwned === 'undefined' ? null : String(window.__pwned)",
    "injected_ids": "() => [...document.querySelectorAll('[id^=pwn]')].map(e => e.id)",
    "img_x": "() => [...document.images].filter(i => i.getAttribute('src') === 'x').length",
    "event_attrs": """() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
        .filter(a => a.name.startsWith('on') || a.value.includes('__pwned'))
        .map(a => e.tagName + ' ' + a.name + '=' + a.value.slice(0, 60)))""",
    "js_links": """() => [...document.querySelectorAll('[href],[src],[action],[formaction]')]
        .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')
        .filter(v => /^\\s*javascript:/i.test(v))""",
    "body_visible": "() => getComputedStyle(document.body).display !== 'none'",
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """The whole pipeline on the hostile article plus one real seed; returns (seeds, out)."""
    base = tmp_path_factory.mktemp("hostile")
    seeds = base / SEEDS_DIR_NAME
    seeds.mkdir()
    for p in [*HOSTILE.glob("*.txt"), *HOSTILE.glob("*.html")]:
        shutil.copy(p, seeds / p.name)
    shutil.copy(HOSTILE / "sources.csv", seeds / "sources.csv")
    shutil.copy(paths.SEEDS / NORMAL_SEED, seeds / NORMAL_SEED)
    out = base / "out"
    run_pipeline(seeds=seeds, out=out, progress=False, log=lambda msg: None)
    return seeds, out


def _pages(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "html").glob("*.html"))]


def test_hostile_text_reaches_the_tables(hostile_run):
    _, out = hostile_run
    arts = pd.read_csv(out / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    row = arts.set_index("article_id").loc["hostile_001"]
    assert TITLE_PAYLOAD in row["title"]  # kept literally: escaping is the renderer's job
    assert row["outlet"].startswith(OUTLET_PAYLOAD)
    assert "\u202e" in row["notes"]
    for name in ("losses.csv", "statements.csv"):
        table = out / "tables" / name
        if not table.is_file():
            continue
        df = pd.read_csv(table, dtype=str, keep_default_na=False)
        mine = df[df["article_id"] == "hostile_001"]
        assert len(mine), f"{name}: the hostile article produced no rows"
        text = " ".join(mine.astype(str).agg(" ".join, axis=1))
        assert "<img src=x onerror=" in text or "<script>" in text, name


def test_hostile_html_page_metadata_reaches_the_tables_literally(hostile_run):
    _, out = hostile_run
    arts = pd.read_csv(out / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    row = arts.set_index("article_id").loc["hostile_002"]
    assert row["outlet"].startswith("<script>window.__pwned=21") and row["outlet_source"] == "html_meta"
    assert row["title"].startswith('<img src=x onerror="window.__pwned=22')
    assert row["url"].startswith("javascript:")  # kept in the table, never made a link (js_links probe)
    assert row["published"] == "2020-10-11"


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def test_page_sources_hold_the_payloads_only_escaped(hostile_run):
    _, out = hostile_run
    pages = _pages(out)
    assert len(pages) >= 3
    for page in pages:
        src = page.read_text(encoding="utf-8")
        for raw in RAW_PAYLOADS:
            assert raw not in src, f"{page.name}: unescaped {raw!r}"
        parser = _Tags()
        parser.feed(src)
        for tag, attrs in parser.tags:
            assert not attrs.get("id", "").startswith("pwn"), (page.name, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), page.name
            for name, value in attrs.items():
                assert not (name.startswith("on") and "__pwned" in value), (page.name, tag, name)
                if name in ("href", "src", "action"):
                    assert not value.strip().lower().startswith("javascript:"), (page.name, tag, value)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=11" in index  # the hostile outlet, shown as text
    assert "\u202e" not in index or "<bdi" in index


@pytest.fixture(scope="module")
def browser(need_browser):
    with chromium() as ctx:
        yield ctx


@pytest.mark.browser
def test_no_injected_script_runs_and_text_shows_literally(hostile_run, browser):
    seeds, out = hostile_run
    seen_literal: dict[str, bool] = {}
    for page in _pages(out):
        res = check_page(browser, page, probes=DOM_PROBES)
        where = page.name
        assert res.dialogs == [], f"{where}: {res.dialogs}"
        assert res.probes["pwned"] is None, f"{where}: window.__pwned = {res.probes['pwned']}"
        assert res.probes["injected_ids"] == [], where
        assert res.probes["img_x"] == 0, where
        assert res.probes["event_attrs"] == [], f"{where}: {res.probes['event_attrs']}"
        assert res.probes["js_links"] == [], where
        assert res.probes["body_visible"], where
        assert res.page_errors == [] and res.console_errors == [], f"{where}: {res.problems}"
        assert res.remote_requests == [], where
        seen_literal[where] = TITLE_PAYLOAD in res.text or "<img src=x onerror=" in res.text
        if page.name == "index.html":
            assert OUTLET_PAYLOAD in res.text  # the sidecar's outlet, literally
            assert SEEDS_DIR_NAME in res.text  # the seeds_dir parameter, literally
    assert seen_literal["index.html"] and seen_literal["01-load-articles.report.html"]
    reports = [k for k in seen_literal if k.endswith(".report.html")]
    assert sum(seen_literal[k] for k in reports) >= min(2, len(reports)), seen_literal


@pytest.mark.browser
def test_interactive_table_works_offline_and_shows_markup_as_text(tmp_path, browser):
    """interactive_table (itables, offline) in an executed notebook exported like the reports:
    the table sorts and searches, hostile cells show literally, nothing runs or loads."""
    import nbformat
    import papermill as pm

    from helpers.pipeline import export_html

    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"name": paths.KERNEL_NAME, "display_name": "Python (claims workbook)",
                                  "language": "python"}}
    nb.cells = [nbformat.v4.new_code_cell(
        "import pandas as pd\nfrom helpers.report import interactive_table\n"
        "df = pd.DataFrame({'sentence': ['قال <script>window.__pwned=1;alert(1)</script> إن',"
        " '<img src=x onerror=\"window.__pwned=2\">', '\\u202eabc</table><table id=\"pwn-t\">'],"
        " 'n': [3, 1, 2]})\ninteractive_table(df, caption='<b onclick=window.__pwned=3>cap</b>')")]
    src, executed = tmp_path / "99-itable.ipynb", tmp_path / "executed" / "99-itable.ipynb"
    executed.parent.mkdir()
    nbformat.write(nb, str(src))
    pm.execute_notebook(str(src), str(executed), kernel_name=paths.KERNEL_NAME, progress_bar=False)
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    _, report = export_html(executed, html_dir)
    probes = {**DOM_PROBES,
              "datatables": "() => document.querySelectorAll('table.dataTable').length",
              "search_boxes": "() => document.querySelectorAll('input[type=search]').length",
              "rows": "() => document.querySelectorAll('table.dataTable tbody tr').length"}
    res = check_page(browser, report, probes=probes)
    assert res.problems == [], res.problems
    assert res.probes["datatables"] == 1 and res.probes["search_boxes"] == 1 and res.probes["rows"] == 3
    assert res.probes["pwned"] is None and res.probes["injected_ids"] == [] and res.probes["img_x"] == 0
    assert res.probes["event_attrs"] == []
    assert "<script>window.__pwned=1;alert(1)</script>" in res.text and "<b onclick=window.__pwned=3>cap</b>" in res.text
    page = browser.new_page()
    try:
        page.goto(report.resolve().as_uri())
        page.wait_for_selector("table.dataTable")
        page.fill("input[type=search]", "onerror")
        page.wait_for_function("() => document.querySelectorAll('table.dataTable tbody tr').length === 1")
        assert "<img src=x" in page.inner_text("table.dataTable tbody")
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
    finally:
        page.close()
