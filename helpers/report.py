"""The landing page OUT/index.html: what went in, links to the notebook reports and tables.

Every string that comes from an article, the sidecar or a parameter is HTML-escaped here.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pandas as pd

_CSS = """
body{font-family:"Noto Naskh Arabic","DejaVu Sans",system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{margin-bottom:.2em} .meta{color:#555} table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top} th{background:#f4f4f4}
[dir=rtl]{font-size:1.05em} a{color:#0b5394}
"""


def esc(value: object) -> str:
    """HTML-escape any value for text or attribute context."""
    return html.escape("" if value is None else str(value), quote=True)


def _articles_section(out: Path) -> str:
    table = out / "tables" / "articles.csv"
    if not table.is_file():
        return "<p>No articles table was written.</p>"
    df = pd.read_csv(table, dtype=str, keep_default_na=False, encoding="utf-8")
    dates = sorted(d for d in df.get("published", []) if d)
    outlets = sorted({o for o in df.get("outlet", []) if o and o != "unknown"})
    rows = "".join(
        f"<tr><td>{esc(r.article_id)}</td><td>{esc(r.outlet)}</td><td>{esc(r.published)}</td>"
        f'<td dir="rtl" lang="ar">{esc(r.title)}</td></tr>'
        for r in df.itertuples()
    )
    span = f"{dates[0]} to {dates[-1]}" if dates else "unknown dates"
    return (
        f"<p>{len(df)} articles from {len(outlets)} named outlets ({esc(', '.join(outlets))}), {esc(span)}.</p>"
        "<table><tr><th>Article</th><th>Outlet</th><th>Published</th><th>Title (Arabic)</th></tr>"
        f"{rows}</table>"
    )


def write_index(out: Path, seeds: Path, params: dict, notebooks: list[Path]) -> Path:
    """Write OUT/index.html linking the notebook reports (code hidden), full notebooks and tables."""
    out = Path(out)
    built = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    links = "".join(
        f'<li><a href="html/{esc(nb.stem)}.report.html">{esc(nb.stem)}</a> '
        f'(<a href="html/{esc(nb.stem)}.html">with code</a>, '
        f'<a href="notebooks/{esc(nb.name)}">notebook</a>)</li>'
        for nb in notebooks
    )
    tables = "".join(
        f'<li><a href="tables/{esc(p.name)}">{esc(p.name)}</a></li>'
        for p in sorted((out / "tables").glob("*.csv"))
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Claims workbook report</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body>
<h1>Claims workbook: loss claims and statements in Arabic news on the 2020 Karabakh war</h1>
<p class="meta">Built {esc(built)} from <code>{esc(seeds)}</code>.</p>
<h2>What went in</h2>
{_articles_section(out)}
<h2>Reports</h2><ul>{links}</ul>
<h2>Tables</h2><ul>{tables}</ul>
</body></html>
"""
    target = out / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
