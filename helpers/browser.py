"""Open report pages in headless Chromium (Debian's system browser, driven by playwright)
and record what a reader's browser would do: console errors, script errors, dialogs,
network requests, images that failed to load; optionally save a screenshot.

`python -m helpers.browser [OUT]` checks OUT/index.html and the notebook reports and saves
screenshots of each under OUT/screenshots/; exit 0 if every page is clean.
Never runs `playwright install`: it uses /usr/bin/chromium (apt-get install chromium).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpers import paths

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
_REMOTE = re.compile(r"^(https?|wss?|ftp)://", re.I)


def browser_missing_reason() -> str | None:
    """Why the headless browser cannot run here (None if it can)."""
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does this in CI)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (it is pinned in requirements.txt)"
    return None


@dataclass
class PageCheck:
    """What happened while a page loaded and ran."""

    url: str
    title: str = ""
    text: str = ""
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    remote_requests: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    images: int = 0
    pending_tables: int = 0
    probes: dict = field(default_factory=dict)
    screenshot: Path | None = None

    @property
    def problems(self) -> list[str]:
        """Everything that should not happen on a report page, as sentences."""
        out = [f"console error: {m}" for m in self.console_errors]
        out += [f"script error: {m}" for m in self.page_errors]
        out += [f"dialog opened: {m}" for m in self.dialogs]
        out += [f"network request: {m}" for m in self.remote_requests]
        out += [f"image did not load: {m}" for m in self.broken_images]
        if self.pending_tables:
            out.append(f"{self.pending_tables} interactive table(s) never rendered")
        return out


@contextlib.contextmanager
def chromium(viewport: tuple[int, int] = (1280, 900)) -> Iterator[object]:
    """A headless Chromium context with a fresh profile folder; requests to the network are
    blocked (and recorded by check_page)."""
    from playwright.sync_api import sync_playwright

    profile_dir = tempfile.mkdtemp(prefix="cw-chromium-")
    try:
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                profile_dir, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                viewport={"width": viewport[0], "height": viewport[1]}, locale="en-GB",
            )
            try:
                yield ctx
            finally:
                ctx.close()
    finally:
        shutil.rmtree(profile_dir, ignore_errors=True)


def check_page(ctx, path: Path | str, screenshot: Path | None = None, settle_ms: int = 300,
               table_timeout_ms: int = 20000, probes: dict[str, str] | None = None) -> PageCheck:
    """Load a local page, let its scripts and interactive tables run, and record errors,
    dialogs, network requests and broken images; evaluate the JavaScript `probes`
    (name -> expression) at the end; save a full-page screenshot if asked."""
    url = Path(path).resolve().as_uri()
    result = PageCheck(url=url)
    page = ctx.new_page()

    def on_route(route) -> None:
        result.remote_requests.append(route.request.url)
        route.abort()

    page.route(_REMOTE, on_route)
    page.on("console", lambda m: result.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: result.page_errors.append(str(e)))

    def on_dialog(d) -> None:
        result.dialogs.append(f"{d.type}: {d.message}")
        with contextlib.suppress(Exception):  # the page may already be gone
            d.dismiss()

    page.on("dialog", on_dialog)
    try:
        page.goto(url, wait_until="load")
        with contextlib.suppress(Exception):
            page.wait_for_function(
                "() => !document.body || !document.body.innerText.includes('Loading ITables')",
                timeout=table_timeout_ms,
            )
        page.wait_for_timeout(settle_ms)
        result.pending_tables = page.evaluate(
            "() => [...document.querySelectorAll('table')].filter(t => t.innerText.includes('Loading ITables')).length"
        )
        result.title = page.title()
        result.text = page.evaluate("() => document.body ? document.body.innerText : ''")
        imgs = page.evaluate(
            "() => [...document.images].map(i => [i.getAttribute('src') || '', i.complete && i.naturalWidth > 0])"
        )
        result.images = len(imgs)
        result.broken_images = [src[:80] for src, ok in imgs if not ok]
        for name, expr in (probes or {}).items():
            result.probes[name] = page.evaluate(expr)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
            result.screenshot = screenshot
    finally:
        page.close()
    return result


def check_report(out: Path | str = paths.OUTPUTS, shots: Path | None = None) -> list[PageCheck]:
    """Check OUT/index.html and every code-hidden notebook report; screenshots of each go
    to OUT/screenshots/ (index.png, NAME.report.png)."""
    out = Path(out)
    shots = shots or out / "screenshots"
    pages = [(out / "index.html", shots / "index.png")]
    pages += [(p, shots / f"{p.name[:-5]}.png") for p in sorted((out / "html").glob("*.report.html"))]
    with chromium() as ctx:
        return [check_page(ctx, page, screenshot=shot) for page, shot in pages]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: exit 0 if every page is clean, 1 if not, 2 if no browser."""
    ap = argparse.ArgumentParser(prog="python -m helpers.browser", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default=str(paths.OUTPUTS), help="report folder (default: outputs/)")
    args = ap.parse_args(argv)
    reason = browser_missing_reason()
    if reason:
        print(f"error: cannot run the browser check: {reason}", file=sys.stderr)
        return 2
    if not (Path(args.out) / "index.html").is_file():
        print(f"error: no report in {args.out}: run `make report` first", file=sys.stderr)
        return 2
    bad = 0
    for res in check_report(args.out):
        status = "ok" if not res.problems else f"{len(res.problems)} problem(s)"
        print(f"{res.url}: {status}; title {res.title!r}; {res.images} image(s); screenshot {res.screenshot}")
        for p in res.problems:
            print(f"    {p}")
        bad += bool(res.problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
