"""The browser check: the landing page and the notebook reports open offline in headless
Chromium with the Arabic title shown right-to-left, every figure loaded, no console errors,
and screenshots saved under OUT/screenshots/."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.browser import check_page, check_report, chromium
from helpers.profile import load_profile

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module", autouse=True)
def _need_browser(need_browser):
    """Every test here needs the browser."""


def test_index_and_reports_render_offline_with_screenshots(pipeline_run):
    _, out = pipeline_run
    results = check_report(out)
    assert results[0].url.endswith("/index.html") and len(results) >= 2
    for res in results:
        assert res.problems == [], f"{res.url}: {res.problems}"
        assert res.screenshot is not None and res.screenshot.stat().st_size > 10_000
        assert res.screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "screenshots" / "index.png").is_file()


def test_index_shows_arabic_title_rtl_and_every_figure(pipeline_run):
    _, out = pipeline_run
    title_ar = load_profile("karabakh-2020").data["title_ar"]
    arts = pd.read_csv(out / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    figures = {p.stem for p in (out / "figures").glob("*.png")} | {p.stem for p in (out / "figures").glob("*.svg")}
    probes = {
        "subtitle_dir": "() => { const e = document.querySelector('.subtitle'); return e ? getComputedStyle(e).direction : null; }",
        "title_cells_rtl": "() => [...document.querySelectorAll('td[lang=ar]')].filter(td => getComputedStyle(td).direction === 'rtl').length",
        "figure_imgs": "() => [...document.querySelectorAll('.figures img')].filter(i => i.naturalWidth > 0).length",
        "report_links": "() => [...document.querySelectorAll('a[href$=\".report.html\"]')].length",
    }
    with chromium() as ctx:
        res = check_page(ctx, out / "index.html", probes=probes)
        assert title_ar in res.text
        assert res.probes["subtitle_dir"] == "rtl"
        assert res.probes["title_cells_rtl"] == min(len(arts), 50)
        assert res.probes["figure_imgs"] == len(figures)
        assert res.probes["report_links"] >= 1
        assert res.broken_images == [] and res.console_errors == []
        for title in arts["title"].head(3):
            assert title.strip()[:20] in res.text
        # one code-hidden report: the article titles in Arabic, figures loaded, no errors
        report = check_page(ctx, sorted((out / "html").glob("*.report.html"))[0])
        assert report.problems == []
        assert arts["title"].iloc[0].strip()[:20] in report.text
        reports_with_figures = [p for p in (out / "html").glob("*.report.html") if "<img" in p.read_text(encoding="utf-8")]
        if figures:
            assert reports_with_figures, "figures were written but no report shows one"
            fig_page = check_page(ctx, sorted(reports_with_figures)[0])
            assert fig_page.images >= 1 and fig_page.broken_images == []
