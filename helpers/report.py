"""The shareable report: the landing page OUT/index.html, offline interactive tables, and
checks that exported pages load nothing from the network.

Every string that comes from an article, the sidecar, a table or a parameter is HTML-escaped
here, and inline values are wrapped in <bdi> so a bidi override (U+202E) inside one value
cannot reorder the text around it. Links are only made from http(s) URLs.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from helpers.text import has_arabic

FINDINGS_TABLE = "findings.csv"  # written by the divergence notebook: one English sentence per row
FINDINGS_COLUMN = "finding"
MAX_KEY_FINDINGS = 10  # findings listed before the rest fold into a <details> block
MAX_INDEX_ARTICLES = 50  # rows of the articles table shown on the landing page (all are in the CSV)
THUMB_SUFFIXES = (".png", ".svg")

_CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--soft:#f6f8fa;--link:#0b5394}
*{box-sizing:border-box}
body{font-family:system-ui,"DejaVu Sans",sans-serif;max-width:1150px;margin:0 auto;padding:1.5em 1.2em 3em;color:var(--ink);line-height:1.5}
[lang=ar],[dir=rtl]{font-family:"Noto Naskh Arabic","Amiri","DejaVu Sans",serif;font-size:1.06em}
h1{margin:.2em 0 .1em;font-size:1.75em;line-height:1.25} h2{margin-top:1.8em;border-bottom:1px solid var(--line);padding-bottom:.2em}
.subtitle{font-size:1.35em;margin:.1em 0 .4em;color:#333} .meta{color:var(--muted);font-size:.92em}
a{color:var(--link)} code{background:var(--soft);padding:0 .25em;border-radius:3px}
table{border-collapse:collapse;margin:.8em 0;width:100%} caption{text-align:left;color:var(--muted);padding:.3em 0}
td,th{border:1px solid var(--line);padding:.35em .6em;vertical-align:top;text-align:left} th{background:var(--soft)}
td[dir=rtl]{text-align:right} td.nowrap{white-space:nowrap}
.facts{display:flex;flex-wrap:wrap;gap:.8em;margin:.8em 0;padding:0;list-style:none}
.facts li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5em .9em}
.facts b{display:block;font-size:1.4em}
.findings li{margin:.35em 0} details summary{cursor:pointer;color:var(--link)}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1em}
.figures figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:.5em;background:#fff}
.figures img{width:100%;height:190px;object-fit:contain;background:#fff}
.figures figcaption{font-size:.92em}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:3em;color:var(--muted);font-size:.88em}
"""


# --- escaping ----------------------------------------------------------------------------

def esc(value: object) -> str:
    """HTML-escape any value for text or attribute context (None and NaN become '')."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def bdi(value: object) -> str:
    """An escaped inline value isolated in <bdi> (Arabic marked dir=rtl) so its direction,
    or a bidi override inside it, cannot reorder the surrounding text."""
    text = esc(value)
    if has_arabic("" if value is None else str(value)):
        return f'<bdi dir="rtl" lang="ar">{text}</bdi>'
    return f"<bdi>{text}</bdi>"


def safe_url(url: object) -> str | None:
    """The URL if it is an absolute http(s) link without control characters, else None
    (javascript:, data:, relative and malformed values are never made into links)."""
    text = "" if url is None else str(url).strip()
    if not text or any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


# --- offline check -----------------------------------------------------------------------

class _ResourceFinder(HTMLParser):
    """Collect URLs of resources a page loads by itself (scripts, styles, frames, images)."""

    _ATTRS = {"script": "src", "link": "href", "iframe": "src", "img": "src", "embed": "src",
              "source": "src", "object": "data", "audio": "src", "video": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = self._ATTRS.get(tag)
        if not wanted:
            return
        if tag == "link":
            rel = (dict(attrs).get("rel") or "").lower()
            if not any(r in rel for r in ("stylesheet", "preload", "modulepreload", "icon")):
                return
        for name, value in attrs:
            if name == wanted and value and re.match(r"\s*(https?:)?//", value, re.I):
                self.found.append(value.strip())


def remote_resources(page: str) -> list[str]:
    """URLs of scripts, style sheets, frames and media a page would fetch from the network."""
    finder = _ResourceFinder()
    finder.feed(page)
    finder.close()
    return finder.found


# --- interactive tables (itables, offline) -------------------------------------------------

_ITABLES_READY = False
_ITABLES_CSS = """
.cw-itable td.cw-rtl{unicode-bidi:plaintext;text-align:start;font-family:"Noto Naskh Arabic","Amiri","DejaVu Sans",serif}
.cw-itable th.cw-rtl{text-align:right}
"""


def init_interactive_tables() -> None:
    """Embed the DataTables bundle in the notebook once (itables offline mode, no CDN) and
    make pandas Styler escape HTML; interactive_table calls it by itself."""
    global _ITABLES_READY
    from itables import init_notebook_mode

    pd.set_option("styler.format.escape", "html")
    init_notebook_mode(all_interactive=False, connected=False)
    _ITABLES_READY = True


def interactive_table_html(
    df: pd.DataFrame, caption: str = "", max_bytes: int = 4_000_000, **options
) -> str:
    """HTML of a sortable, filterable, searchable table (itables, offline) in which every
    cell, column name and the caption are HTML-escaped; in columns holding Arabic each cell
    takes its direction from its first letter (Arabic cells right-to-left)."""
    from itables import to_html_datatable

    if options.get("allow_html"):
        raise ValueError("interactive_table never renders cells as HTML: every value is escaped.")
    options.pop("allow_html", None)
    options.pop("connected", None)
    frame = df.copy()
    frame.columns = [str(c) for c in frame.columns]
    rtl = [
        i for i, col in enumerate(frame.columns)
        if frame[col].map(lambda v: isinstance(v, str) and has_arabic(v)).any()
    ]
    column_defs = list(options.pop("columnDefs", []))
    if rtl:
        column_defs.append({"targets": rtl, "className": "cw-rtl"})
    defaults = {
        "classes": "display compact cell-border cw-itable",
        "column_filters": "footer",
        "lengthMenu": [10, 25, 50, 100, 500],
        "pageLength": 25,
        "maxBytes": max_bytes,
        "showIndex": False,
        "css": _ITABLES_CSS,
    }
    if column_defs:
        defaults["columnDefs"] = column_defs
    if len(frame) <= 10:  # one page: keep the search box (itables would drop it), no paging
        defaults["layout"] = {"topStart": None, "topEnd": "search", "bottomStart": "info", "bottomEnd": None}
    table = to_html_datatable(frame, connected=False, allow_html=False, **{**defaults, **options})
    cap = f'<p class="cw-caption"><b>{esc(caption)}</b></p>' if caption else ""
    return cap + table


def interactive_table(df: pd.DataFrame, caption: str = "", max_bytes: int = 4_000_000, **options):
    """Display-ready interactive table for notebooks (sort, filter, search, offline); the
    DataTables bundle is embedded on first use. Returns an IPython HTML object."""
    from IPython.display import HTML

    if not _ITABLES_READY:
        init_interactive_tables()
    return HTML(interactive_table_html(df, caption=caption, max_bytes=max_bytes, **options))


# --- the landing page ---------------------------------------------------------------------

def _read_csv(path: Path) -> pd.DataFrame | None:
    """A CSV as text columns, or None if it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, ValueError, pd.errors.ParserError):
        return None


def _notebook_texts(out: Path) -> dict[str, str]:
    """The JSON text of each executed notebook in OUT/notebooks, by stem."""
    texts = {}
    for nb in sorted((out / "notebooks").glob("*.ipynb")):
        try:
            texts[nb.stem] = nb.read_text(encoding="utf-8")
        except OSError:
            continue
    return texts


def _made_by(file_name: str, texts: dict[str, str]) -> str | None:
    """The first notebook (in run order) that names a file in its code or outputs: tables and
    figures are written by an earlier notebook than any that reads them."""
    stem = Path(file_name).stem
    hits = [nb for nb, text in texts.items() if file_name in text]
    if not hits:
        hits = [nb for nb, text in texts.items() if re.search(rf'["/\\]{re.escape(stem)}\b', text)]
    return hits[0] if hits else None


def _notebook_title(nb_text: str, fallback: str) -> tuple[str, str]:
    """The H1 and first sentence of a notebook's opening markdown cell."""
    try:
        cells = json.loads(nb_text).get("cells", [])
    except ValueError:
        return fallback, ""
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        lines = [ln.strip() for ln in src.splitlines() if ln.strip()]
        if lines and lines[0].startswith("# "):
            rest = " ".join(lines[1:])
            return lines[0][2:].strip(), rest
        break
    return fallback, ""


def _humanise(stem: str) -> str:
    """claims_by_claimant -> Claims by claimant."""
    text = re.sub(r"^\d+[-_]", "", stem).replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def _articles_section(out: Path) -> tuple[str, dict]:
    """The 'what went in' facts and a table of the articles (escaped)."""
    df = _read_csv(out / "tables" / "articles.csv")
    if df is None:
        return '<p class="empty">No articles table was written.</p>', {}
    dates = sorted(d for d in df.get("published", pd.Series(dtype=str)) if d)
    outlets = sorted({o for o in df.get("outlet", pd.Series(dtype=str)) if o and o != "unknown"})
    facts = {"articles": len(df), "outlets": len(outlets),
             "from": dates[0] if dates else "", "to": dates[-1] if dates else ""}
    span = (f"published {bdi(dates[0])} to {bdi(dates[-1])}" if dates else "no known publication dates")
    n_unknown = int((df.get("outlet", pd.Series(dtype=str)) == "unknown").sum())
    outlet_list = ", ".join(bdi(o) for o in outlets) or "none named"
    lead = (
        f"<p>{len(df)} article{'s' if len(df) != 1 else ''} from {len(outlets)} named outlet"
        f"{'s' if len(outlets) != 1 else ''} ({outlet_list})"
        f"{f', plus {n_unknown} with the outlet unknown' if n_unknown else ''}; {span}.</p>"
    )
    rows = []
    for r in df.head(MAX_INDEX_ARTICLES).to_dict("records"):
        url = safe_url(r.get("url", ""))
        outlet = esc(r.get("outlet", ""))
        if url:
            outlet = f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{outlet}</a>'
        title = r.get("title", "")
        title_attr = ' dir="rtl" lang="ar"' if has_arabic(title) else ' dir="auto"'
        rows.append(
            f"<tr><td class='nowrap'>{esc(r.get('article_id', ''))}</td><td>{outlet}</td>"
            f"<td class='nowrap'>{esc(r.get('published', ''))}</td>"
            f"<td{title_attr}>{esc(title)}</td></tr>"
        )
    more = (f'<p class="meta">Showing {MAX_INDEX_ARTICLES} of {len(df)} articles; all are in '
            f'<a href="tables/articles.csv">tables/articles.csv</a>.</p>' if len(df) > MAX_INDEX_ARTICLES else "")
    table = ("<table><thead><tr><th>Article</th><th>Outlet</th><th>Published</th><th>Title (Arabic)</th></tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table>{more}")
    return lead + table, facts


def _findings_section(out: Path) -> str:
    """Key findings: the sentences the divergence notebook wrote to tables/findings.csv."""
    df = _read_csv(out / "tables" / FINDINGS_TABLE)
    if df is None or FINDINGS_COLUMN not in df.columns:
        return '<p class="empty">No findings table (tables/findings.csv) was written by this run.</p>'
    items = [f for f in df[FINDINGS_COLUMN] if f.strip()]
    if not items:
        return '<p class="empty">The findings table is empty: no divergence could be computed from these articles.</p>'
    first = "".join(f"<li>{esc(f)}</li>" for f in items[:MAX_KEY_FINDINGS])
    html_out = f'<ul class="findings">{first}</ul>'
    if len(items) > MAX_KEY_FINDINGS:
        rest = "".join(f"<li>{esc(f)}</li>" for f in items[MAX_KEY_FINDINGS:])
        html_out += (f"<details><summary>{len(items) - MAX_KEY_FINDINGS} more findings</summary>"
                     f'<ul class="findings">{rest}</ul></details>')
    return html_out + '<p class="meta">All findings: <a href="tables/findings.csv">tables/findings.csv</a>.</p>'


def _figures_section(out: Path, texts: dict[str, str]) -> str:
    """Thumbnails of OUT/figures, each linking to the code-hidden report that made it."""
    figs = sorted(p for p in (out / "figures").glob("*") if p.suffix.lower() in THUMB_SUFFIXES)
    by_stem: dict[str, list[Path]] = {}
    for p in figs:
        by_stem.setdefault(p.stem, []).append(p)
    if not by_stem:
        return '<p class="empty">No figures were written by this run.</p>'
    cards = []
    for stem, files in by_stem.items():
        thumb = next((p for p in files if p.suffix.lower() == ".png"), files[0])
        nb = _made_by(thumb.name, texts) or next((m for p in files if (m := _made_by(p.name, texts))), None)
        target = f"html/{nb}.report.html" if nb else f"figures/{thumb.name}"
        links = [f'<a href="figures/{esc(p.name)}">{esc(p.suffix[1:].upper())}</a>' for p in files]
        if (out / "figures" / f"{stem}.csv").is_file():
            links.append(f'<a href="figures/{esc(stem)}.csv">data (CSV)</a>')
        made = f' · from <a href="{esc(target)}">{esc(nb)}</a>' if nb else ""
        cards.append(
            f'<figure><a href="{esc(target)}"><img src="figures/{esc(thumb.name)}" alt="{esc(_humanise(stem))}" '
            f'></a><figcaption><b>{esc(_humanise(stem))}</b><br>{" · ".join(links)}{made}'
            f"</figcaption></figure>"
        )
    return f'<div class="figures">{"".join(cards)}</div>'


def _reports_section(notebooks: list[Path], texts: dict[str, str]) -> str:
    """One line per notebook: its title and question, the report, the full page, the .ipynb."""
    items = []
    for nb in notebooks:
        title, blurb = _notebook_title(texts.get(nb.stem, ""), nb.stem)
        items.append(
            f'<li><a href="html/{esc(nb.stem)}.report.html"><b>{esc(title)}</b></a>'
            f"{' · ' + esc(blurb) if blurb else ''} "
            f'<span class="meta">(<a href="html/{esc(nb.stem)}.html">with code</a>, '
            f'<a href="notebooks/{esc(nb.name)}">notebook</a>)</span></li>'
        )
    return f"<ul>{''.join(items)}</ul>"


def _tables_section(out: Path, texts: dict[str, str]) -> str:
    """The CSV tables with their size, columns and the notebook that wrote them."""
    rows = []
    for p in sorted((out / "tables").glob("*.csv")):
        df = _read_csv(p)
        n = "?" if df is None else f"{len(df):,}"
        cols = "" if df is None else ", ".join(df.columns)
        nb = _made_by(p.name, texts)
        made = f'<a href="html/{esc(nb)}.report.html">{esc(nb)}</a>' if nb else ""
        rows.append(f'<tr><td><a href="tables/{esc(p.name)}">{esc(p.name)}</a></td><td>{esc(n)}</td>'
                    f"<td>{made}</td><td><code>{esc(cols)}</code></td></tr>")
    if not rows:
        return '<p class="empty">No tables were written.</p>'
    return ("<table><thead><tr><th>Table</th><th>Rows</th><th>Made by</th><th>Columns</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _problems_note(out: Path) -> str:
    """A line pointing at tables/problems.csv when some input files had problems."""
    df = _read_csv(out / "tables" / "problems.csv")
    if df is None or not len(df):
        return ""
    return (f'<p><b>{len(df)} input problem{"s" if len(df) != 1 else ""}</b> (unreadable, empty or duplicate '
            f'files): see <a href="tables/problems.csv">tables/problems.csv</a>.</p>')


def _profile_titles(params: dict) -> tuple[str, str]:
    """The English and Arabic titles of the conflict profile used (empty if unavailable)."""
    from helpers.profile import ProfileError, load_profile

    try:
        prof = load_profile(str(params.get("profile", "karabakh-2020")))
    except ProfileError:
        return "", ""
    return str(prof.data.get("title_en", "") or ""), str(prof.data.get("title_ar", "") or "")


def write_index(out: Path, seeds: Path, params: dict, notebooks: list[Path]) -> Path:
    """Write OUT/index.html: title, build time, what went in, key findings, figure
    thumbnails, links to the reports, notebooks and tables; self-contained, no network."""
    out = Path(out)
    manifest = {}
    if (out / "manifest.json").is_file():
        try:
            manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        except ValueError:
            manifest = {}
    built = manifest.get("built") or dt.datetime.now().astimezone().isoformat(timespec="seconds")
    code_version = (manifest.get("code") or {}).get("version", "")[:12]
    texts = _notebook_texts(out)
    profile_name = str(params.get("profile") or (manifest.get("profile") or {}).get("name") or "karabakh-2020")
    title_en, title_ar = _profile_titles({**params, "profile": profile_name})
    articles_html, facts = _articles_section(out)
    heading = "Loss claims and statements in Arabic news" + (f": {esc(title_en)}" if title_en else "")
    subtitle = f'<p class="subtitle" dir="rtl" lang="ar">{esc(title_ar)}</p>' if title_ar else ""
    fact_items = "".join(
        f"<li><b>{esc(v)}</b>{esc(k)}</li>"
        for k, v in (("articles", facts.get("articles", 0)), ("named outlets", facts.get("outlets", 0)),
                     ("first published", facts.get("from") or "?"), ("last published", facts.get("to") or "?"))
    )
    shown = {k: v for k, v in params.items() if k not in ("output_dir",)}
    param_text = ", ".join(f"{k} = {v}" for k, v in sorted(shown.items()))
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Claims workbook report{(' · ' + esc(title_en)) if title_en else ''}</title>
<style>{_CSS}</style></head>
<body>
<header>
<p class="meta">Claims workbook report</p>
<h1>{heading}</h1>
{subtitle}
<p class="meta">Built {esc(built)}{f" · code version <code>{esc(code_version)}</code>" if code_version else ""}
· profile <code>{esc(profile_name)}</code></p>
</header>
<main>
<h2>What went in</h2>
<ul class="facts">{fact_items}</ul>
{articles_html}
{_problems_note(out)}
<h2>Key findings</h2>
{_findings_section(out)}
<h2>Figures</h2>
{_figures_section(out, texts)}
<h2>Reports</h2>
<p class="meta">Each report is the notebook with its code hidden; "with code" shows every step.</p>
{_reports_section(notebooks, texts)}
<h2>Tables</h2>
{_tables_section(out, texts)}
</main>
<footer>
<p>Parameters: <code>{esc(param_text)}</code></p>
<p>Regenerate with <code>make report</code> (or <code>python -m helpers.pipeline</code>); an unchanged
re-run says the report is up to date. Build details are in <a href="manifest.json">manifest.json</a>.</p>
</footer>
</body></html>
"""
    target = out / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
