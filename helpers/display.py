"""Safe HTML display of tables in notebooks: every cell escaped, Arabic right-to-left."""

from __future__ import annotations

import html
import re

import pandas as pd
from IPython.display import HTML

from helpers.text import has_arabic

_ARABIC = re.compile(r"[\u0600-\u06ff]")


def cell_html(value: object) -> str:
    """One escaped table cell; Arabic text gets dir="rtl" (mixed text dir="auto")."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    body = html.escape(text, quote=True)
    if has_arabic(text):
        return f'<td dir="rtl" lang="ar" style="text-align:right">{body}</td>'
    return f"<td>{body}</td>"


def table_html(df: pd.DataFrame, max_rows: int = 200, caption: str = "") -> str:
    """An HTML table of a DataFrame with every value escaped (no Styler: it does not escape)."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    body = "".join(
        "<tr>" + "".join(cell_html(v) for v in row) + "</tr>"
        for row in df.head(max_rows).itertuples(index=False)
    )
    more = f"<p>… {len(df) - max_rows} more rows in the CSV.</p>" if len(df) > max_rows else ""
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="cw-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}'


def show_table(df: pd.DataFrame, max_rows: int = 200, caption: str = "") -> HTML:
    """Display a DataFrame as an escaped, RTL-aware HTML table."""
    return HTML(table_html(df, max_rows=max_rows, caption=caption))


def highlight(sentence: str, start: int, end: int) -> str:
    """Escape a sentence and wrap [start, end) (offsets inside the sentence) in <mark>."""
    start = max(0, min(start, len(sentence)))
    end = max(start, min(end, len(sentence)))
    return (
        html.escape(sentence[:start]) + "<mark>" + html.escape(sentence[start:end]) + "</mark>"
        + html.escape(sentence[end:])
    )
