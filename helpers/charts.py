"""Charts of source divergence: English titles and labels, Arabic where the source words matter,
one colour per party (from the profile) in every chart.

Arabic is passed to matplotlib as PLAIN text: matplotlib >= 3.11 shapes and orders it itself
(libraqm). The old arabic_reshaper + python-bidi recipe now comes out reversed, so every
figure is checked for pre-shaped presentation forms before it is saved. Arabic labels use the
Amiri Naskh font shipped in helpers/fonts/ (SIL Open Font License), DejaVu Sans as fallback.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from pathlib import Path

import matplotlib.colors
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from helpers.profile import Profile

FONT_DIR = Path(__file__).resolve().parent / "fonts"
LATIN_FAMILY = ["DejaVu Sans"]
ARABIC_SCALE = 1.25  # Naskh letters are small at a given point size next to DejaVu Sans
WIDTH = 9.0  # inches; saved at 150 dpi -> about 1350 px, readable at report width
DPI = 150
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
# Presentation forms: what arabic_reshaper outputs. Plain text never needs them.
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")
_state: dict[str, list[str]] = {}


def setup_fonts() -> list[str]:
    """Register the fonts shipped in helpers/fonts/ and set the default (Latin) family;
    returns the font family list used for Arabic text (Naskh first, DejaVu Sans fallback)."""
    if "arabic" in _state:
        return _state["arabic"]
    names = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
        names.append(font_manager.FontProperties(fname=str(path)).get_name())
    arabic = list(dict.fromkeys([*names, *LATIN_FAMILY]))
    plt.rcParams["font.family"] = LATIN_FAMILY
    plt.rcParams["svg.fonttype"] = "path"  # shaped glyphs as outlines: the SVG looks like the PNG
    plt.rcParams["axes.titlesize"] = 12
    plt.rcParams["axes.titleweight"] = "bold"
    plt.rcParams["axes.labelsize"] = 10
    plt.rcParams["xtick.labelsize"] = 9
    plt.rcParams["ytick.labelsize"] = 9
    plt.rcParams["legend.fontsize"] = 9
    plt.rcParams["axes.spines.top"] = False
    plt.rcParams["axes.spines.right"] = False
    _state["arabic"] = arabic
    return arabic


def has_arabic(text: str) -> bool:
    """True if the string holds Arabic letters."""
    return bool(_ARABIC.search(text or ""))


def check_plain_arabic(text: str) -> None:
    """Raise ValueError if a label holds Arabic presentation forms (pre-shaped text that
    matplotlib >= 3.11 would show reversed)."""
    if _PRESENTATION.search(text or ""):
        raise ValueError(f"Label {text!r} holds pre-shaped Arabic presentation forms; pass plain Arabic text.")


def arabic_fonts(texts: Iterable[Text]) -> None:
    """Give text objects holding Arabic the Naskh family, slightly larger."""
    family = setup_fonts()
    for t in texts:
        s = t.get_text()
        if has_arabic(s) and not getattr(t, "_cw_arabic", False):
            t.set_fontfamily(family)
            t.set_fontsize(t.get_fontsize() * ARABIC_SCALE)
            t._cw_arabic = True  # type: ignore[attr-defined]


def figure_texts(fig: Figure) -> list[Text]:
    """Every text object in a figure (titles, labels, tick labels, legends, annotations)."""
    return list(fig.findobj(Text))


def save_figure(fig: Figure, data: pd.DataFrame, name: str, figures_dir: Path | str) -> dict[str, Path]:
    """Save a figure as NAME.png and NAME.svg with the data it plots as NAME.csv beside it,
    after checking its Arabic is plain text; closes the figure."""
    figures_dir = Path(figures_dir)
    figures_dir.mkdir(parents=True, exist_ok=True)
    texts = figure_texts(fig)
    for t in texts:
        check_plain_arabic(t.get_text())
    arabic_fonts(texts)
    paths = {ext: figures_dir / f"{name}.{ext}" for ext in ("png", "svg", "csv")}
    # the tight box is measured once and reused (bbox_inches="tight" would lay the figure out
    # again for each file: two draws per file instead of one)
    fig.set_dpi(DPI)
    box = fig.get_tightbbox(fig.canvas.get_renderer()).padded(plt.rcParams["savefig.pad_inches"])
    fig.savefig(paths["png"], dpi=DPI, bbox_inches=box, facecolor="white",
                pil_kwargs={"compress_level": 1})  # fastest zlib level: quicker to write, files ~7% larger
    fig.savefig(paths["svg"], bbox_inches=box, facecolor="white")
    data.to_csv(paths["csv"], index=False, encoding="utf-8")
    plt.close(fig)
    return paths


def empty_figure(title: str, message: str) -> Figure:
    """A small figure that says there is nothing to plot (and why)."""
    setup_fonts()
    fig, ax = plt.subplots(figsize=(WIDTH, 1.6))
    ax.set_axis_off()
    ax.set_title(title, loc="left")
    ax.text(0.0, 0.4, message, transform=ax.transAxes, fontsize=10, color="#555555")
    return fig


def party_label(party: str, profile: Profile) -> str:
    """English label of a party."""
    return str(profile.parties.get(party, {}).get("label_en", party))


def party_order(parties: Iterable[str], profile: Profile) -> list[str]:
    """Parties in profile order (unknown ones last, alphabetically)."""
    order = {p: i for i, p in enumerate(profile.parties)}
    return sorted(set(parties), key=lambda p: (order.get(p, len(order)), p))


def _party_handles(parties: Iterable[str], profile: Profile, marker: str = "s") -> list[Line2D]:
    return [Line2D([], [], marker=marker, linestyle="", markersize=8, markerfacecolor=profile.colour(p),
                   markeredgecolor="#333333", markeredgewidth=0.5, label=party_label(p, profile))
            for p in party_order(parties, profile)]


def readable(colour: str) -> str:
    """A party colour darkened enough to be read as text on white (light greys become grey)."""
    r, g, b = matplotlib.colors.to_rgb(colour)
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    if lum <= 0.6:
        return colour
    k = 0.6 / lum
    return matplotlib.colors.to_hex((r * k, g * k, b * k))


def _ink(colour: str) -> str:
    """Black or white, whichever reads better on a fill colour."""
    r, g, b = matplotlib.colors.to_rgb(colour)
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 else "#111111"


def _outlet(o: str) -> str:
    return "Unknown outlet" if not o or o.strip().lower() == "unknown" else o


# ---------------------------------------------------------------- 1. range / dot chart per metric

def claims_range_chart(div: pd.DataFrame, summary: pd.DataFrame, profile: Profile,
                       max_metrics: int = 18, max_claimants: int = 8,
                       max_labels: int = 6) -> tuple[Figure, pd.DataFrame]:
    """One row per compared metric: the min-max range of the claims as a grey bar and every
    distinct claimed figure as a dot coloured by claimant party, one sub-row per claimant
    (parties in profile order; the `max_claimants` with most claims, the others counted in the
    row label); filled dots are cumulative tolls, open dots single reports; the profile's
    reference tolls as labelled dashed ticks. A sub-row with more than `max_labels` distinct
    figures labels only its lowest and highest (large corpora stay readable and fast)."""
    setup_fonts()
    title = "Loss claims per metric: range and every claim, by claimant"
    cols = ["metric", "claimant_party", "claimant_en", "value", "qualifier", "cumulative", "outlet", "claim_date",
            "article_id"]
    if div.empty:
        fig = empty_figure(title, "No metric has claims from more than one claimant or date in these articles.")
        return fig, pd.DataFrame(columns=cols)
    metrics = list(dict.fromkeys(div["metric"]))[:max_metrics]
    data = div[div["metric"].isin(metrics)][cols].reset_index(drop=True)
    data["claimant_en"] = data["claimant_en"].where(data["claimant_en"] != "", data["claimant_party"])
    ref = summary.set_index("metric")[["reference_value", "reference_label", "reference_source"]] if len(summary) else None
    groups, hidden = {}, {}
    for m in metrics:
        g = data[data["metric"] == m]
        order = {p: k for k, p in enumerate(party_order(g["claimant_party"], profile))}
        counts = g.groupby(["claimant_party", "claimant_en"], sort=False).size()
        kept = set(counts.sort_values(ascending=False, kind="stable").index[:max_claimants])
        hidden[m] = len(counts) - len(kept)
        groups[m] = sorted(kept, key=lambda pc, order=order: (order[pc[0]], pc[1]))
    step = 0.32  # vertical distance between claimant sub-rows, in row units
    heights = [max(1.0, step * (len(groups[m]) + 1)) for m in metrics]
    centres = np.cumsum([0.0] + heights[:-1]) + np.array(heights) / 2
    total_h = float(sum(heights))
    fig_h = 1.9 + 0.42 * total_h
    fig, ax = plt.subplots(figsize=(WIDTH, fig_h))
    vmin, vmax = data["value"].min(), data["value"].max()
    use_log = vmin > 0 and vmax / vmin > 20
    drawn_refs, any_vague = [], False
    for i, m in enumerate(metrics):
        y = total_h - centres[i]
        g = data[data["metric"] == m]
        ax.plot([g["value"].min(), g["value"].max()], [y, y], color="#cccccc", linewidth=7, solid_capstyle="round",
                zorder=1)
        if i:
            ax.axhline(total_h - centres[i] + heights[i] / 2, color="#eeeeee", linewidth=0.8, zorder=0)
        claimants = groups[m]
        offsets = (np.arange(len(claimants))[::-1] - (len(claimants) - 1) / 2) * step
        for off, (party, who) in zip(offsets, claimants, strict=True):
            gp = g[(g["claimant_party"] == party) & (g["claimant_en"] == who)].sort_values("value")
            col = profile.colour(party)
            ax.annotate(who, xy=(1.0, y + off), xycoords=("axes fraction", "data"), xytext=(6, 0),
                        textcoords="offset points", fontsize=7, color=readable(col), va="center", ha="left")
            # one dot per distinct (figure, cumulative, vague): repeats add nothing to the picture
            gp = gp.assign(vague=gp["qualifier"] == "vague").drop_duplicates(["value", "cumulative", "vague"])
            for (vague, cum), dots in gp.groupby(["vague", "cumulative"]):
                ax.scatter(dots["value"], [y + off] * len(dots), s=46 if vague else 40, zorder=3,
                           marker="D" if vague else "o", color=col if cum else "white", edgecolors=col,
                           linewidths=1.6)
                any_vague = any_vague or bool(vague)
            values = sorted(set(gp["value"]))
            if len(values) > max_labels:
                values = [values[0], values[-1]]
            last_x, flip = None, False
            for v in values:
                close = last_x is not None and (v / max(last_x, 1e-9) < 1.35 if use_log
                                                else v - last_x < (vmax - vmin) * 0.04)
                flip = (not flip) if close else False
                ax.annotate(f"{v:,.0f}", (v, y + off), xytext=(6, -1 if flip else 1),
                            textcoords="offset points", ha="left", va="top" if flip else "bottom", fontsize=7,
                            color="#333333", zorder=4)
                last_x = v
        if ref is not None and m in ref.index and pd.notna(ref.loc[m, "reference_value"]):
            rv = float(ref.loc[m, "reference_value"])
            ax.plot([rv, rv], [y - heights[i] * 0.42, y + heights[i] * 0.42], color="black", linestyle="--",
                    linewidth=1.2, zorder=2)
            ax.annotate(f"official toll\n{rv:,.0f}", (rv, y - heights[i] * 0.42), xytext=(3, 0),
                        textcoords="offset points", fontsize=7, va="bottom", ha="left")
            vmax = max(vmax, rv)
            drawn_refs.append(m)
    if use_log:
        ax.set_xscale("log")
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _pos: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
    ax.set_xlim(left=vmin / 1.6 if use_log else 0,
                right=vmax * ((4 if drawn_refs else 2.5) if use_log else (1.3 if drawn_refs else 1.15)))
    ax.set_yticks(total_h - centres)
    ax.set_yticklabels([m + (f"\n(+{hidden[m]} more claimants)" if hidden[m] else "") for m in metrics])
    ax.set_ylim(0, total_h)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Number claimed" + (" (log scale)" if use_log else ""))
    ax.set_title(title, loc="left")
    ax.grid(axis="x", color="#eeeeee")
    handles = _party_handles(data["claimant_party"], profile, marker="o")
    handles += [Line2D([], [], marker="o", linestyle="", markerfacecolor="#666666", markeredgecolor="#666666",
                       label="cumulative toll"),
                Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#666666",
                       label="single report")]
    if any_vague:
        handles.append(Line2D([], [], marker="D", linestyle="", markerfacecolor="white", markeredgecolor="#666666",
                              label="vague quantity (عشرات، آلاف)"))
    if drawn_refs:
        refs = ref.loc[drawn_refs].drop_duplicates("reference_label")
        for _, r in refs.iterrows():
            handles.append(Line2D([], [], color="black", linestyle="--",
                                  label=textwrap.fill(f"{r['reference_label']} ({r['reference_source']})", 42)))
        data = data.merge(ref.loc[drawn_refs].reset_index(), on="metric", how="left")
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.62 / (fig_h - 1.1)),
              frameon=False, ncols=3, title="Claimant party (one sub-row per claimant)", alignment="left")
    return fig, data


# ---------------------------------------------------------------- 2. cumulative tolls over time

def cumulative_step_chart(series: pd.DataFrame, summary: pd.DataFrame, profile: Profile,
                          max_panels: int = 6) -> tuple[Figure, pd.DataFrame]:
    """Small multiples, one per metric with cumulative tolls: each claimant party's figure
    as a step line over the claim dates (a change of level is a revision)."""
    setup_fonts()
    title = "Cumulative tolls over time, by claimant"
    if series.empty:
        fig = empty_figure(title, "No dated cumulative toll was found in these articles.")
        return fig, series.copy()
    counts = series.groupby("metric").size().sort_values(ascending=False)
    metrics = list(counts.index[:max_panels])
    data = series[series["metric"].isin(metrics)].copy()
    data["date"] = pd.to_datetime(data["claim_date"])
    ncols = 2 if len(metrics) > 1 else 1
    nrows = int(np.ceil(len(metrics) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH, 0.6 + 2.6 * nrows), squeeze=False)
    dmin, dmax = data["date"].min(), data["date"].max()
    pad = pd.Timedelta(days=max(2, (dmax - dmin).days * 0.08))
    ref = summary.set_index("metric") if len(summary) else None
    for ax, m in zip(axes.flat, metrics, strict=False):
        g = data[data["metric"] == m]
        for p in party_order(g["claimant_party"], profile):
            gp = g[g["claimant_party"] == p].sort_values("date")
            xs = list(gp["date"]) + [dmax + pad]
            ys = list(gp["value"]) + [gp["value"].iloc[-1]]
            ax.step(xs, ys, where="post", color=profile.colour(p), linewidth=2, label=party_label(p, profile))
            ax.scatter(gp["date"], gp["value"], color=profile.colour(p), zorder=3, s=28)
            for _, r in gp.iterrows():
                ax.annotate(f"{r['value']:,.0f}", (r["date"], r["value"]), xytext=(3, 4), textcoords="offset points",
                            fontsize=7)
        if ref is not None and m in ref.index and pd.notna(ref.loc[m, "reference_value"]):
            rv = float(ref.loc[m, "reference_value"])
            ax.axhline(rv, color="black", linestyle="--", linewidth=1)
            ax.annotate(f"official post-war toll {rv:,.0f}", (0.01, rv), xycoords=("axes fraction", "data"),
                        xytext=(0, 3), textcoords="offset points", fontsize=7)
        ax.set_title(m, fontsize=10, loc="left")
        ax.set_xlim(dmin - pad, dmax + pad)
        top = max(g["value"].max(), float(ref.loc[m, "reference_value"]) if ref is not None and m in ref.index
                  and pd.notna(ref.loc[m, "reference_value"]) else 0)
        ax.set_ylim(0, top * 1.18)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=5))
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        ax.set_ylabel("Cumulative figure")
        ax.grid(axis="y", color="#eeeeee")
    for ax in list(axes.flat)[len(metrics):]:
        ax.set_axis_off()
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    # the party legend goes under the panels: at the top it ran into the title once there
    # were more than a few parties
    n_parties = max(1, data["claimant_party"].nunique())
    ncols_legend = min(4, n_parties)
    legend_rows = -(-n_parties // ncols_legend)
    fig.set_figheight(0.6 + 2.6 * nrows + 0.45 + 0.25 * legend_rows)
    bottom = (0.45 + 0.25 * legend_rows) / fig.get_figheight()
    fig.legend(handles=_party_handles(data["claimant_party"], profile), loc="lower center", frameon=False,
               title="Claimant party", ncols=ncols_legend, bbox_to_anchor=(0.5, 0.0))
    fig.tight_layout(rect=(0, bottom, 1, 1 - 0.4 / fig.get_figheight()))
    return fig, data.drop(columns="date")


# ---------------------------------------------------------------- equipment

def _party_columns(ax, parties: list[str], row_labels: list[str], profile: Profile) -> None:
    """Frame a party-column heatmap: a band of each party's colour above its column, party
    names under the columns, the row labels, no spines or ticks."""
    for j, p in enumerate(parties):
        ax.add_patch(plt.Rectangle((j - 0.5, -0.5 - 0.28), 1, 0.22, color=profile.colour(p), clip_on=False))
    ax.set_xticks(range(len(parties)))
    ax.set_xticklabels([party_label(p, profile).split(" (")[0] for p in parties], rotation=30, ha="right")
    ax.set_yticks(range(len(row_labels)))
    ax.set_yticklabels(row_labels)
    ax.set_ylim(len(row_labels) - 0.5, -0.85)
    ax.spines[:].set_visible(False)
    ax.tick_params(length=0)



def equipment_claims_heatmap(claims: pd.DataFrame, categories: Iterable[str],
                             profile: Profile) -> tuple[Figure, pd.DataFrame]:
    """Heatmap: rows whose equipment and what happened to it ("Armenian tanks destroyed"),
    columns claimant parties (party colour as a band above each column); each cell the
    highest single figure the party claimed, with the number of claims, coloured on a log
    scale so a 2,000 and a 2 are both visible."""
    from helpers.divergence import fmt_num, metric_label

    setup_fonts()
    title = "Claimed equipment losses: highest figure per claimant"
    cols = ["metric", "affected_side", "category", "action", "claimant_party", "highest_claim", "claims"]
    order = {c: i for i, c in enumerate(categories)}
    equip = claims[claims["category"].isin(order)]
    if equip.empty:
        return empty_figure(title, "No equipment claims in these articles."), pd.DataFrame(columns=cols)
    data = (equip.groupby(["affected_side", "category", "action", "claimant_party"], as_index=False)["value"]
            .agg(highest_claim="max", claims="size"))
    data["metric"] = [metric_label(r.affected_side, r.category, "", r.action, profile)
                      for r in data.itertuples()]
    data["_order"] = data["category"].map(order)
    data = data.sort_values(["_order", "affected_side", "action", "claimant_party"], kind="stable")
    metrics = list(dict.fromkeys(data["metric"]))
    parties = party_order(data["claimant_party"], profile)
    high = data.pivot_table(index="metric", columns="claimant_party", values="highest_claim",
                            aggfunc="max").reindex(index=metrics, columns=parties)
    cnt = data.pivot_table(index="metric", columns="claimant_party", values="claims",
                           aggfunc="sum").reindex(index=metrics, columns=parties)
    fig, ax = plt.subplots(figsize=(max(WIDTH * 0.7, 3.2 + 0.95 * len(parties)), 1.5 + 0.42 * len(metrics)))
    vals = high.to_numpy(dtype=float)
    finite = vals[np.isfinite(vals) & (vals > 0)]
    norm = matplotlib.colors.LogNorm(vmin=max(1.0, finite.min()), vmax=max(2.0, finite.max())) if finite.size \
        else None
    ax.imshow(np.ma.masked_invalid(np.where(vals > 0, vals, np.nan)), cmap="Oranges", norm=norm, aspect="auto")
    for i in range(len(metrics)):
        for j in range(len(parties)):
            v, n = vals[i, j], cnt.to_numpy()[i, j]
            if np.isfinite(v):
                dark = norm is not None and norm(v) > 0.6
                ax.text(j, i, f"{fmt_num(v)}" + (f"\n({int(n)} claims)" if n > 1 else ""), ha="center",
                        va="center", fontsize=8, color="white" if dark else "#222222")
    _party_columns(ax, parties, metrics, profile)
    ax.set_xlabel("Claimant party (cell: highest single figure; colour on a log scale)")
    ax.set_title(title, loc="left")
    return fig, data[cols].reset_index(drop=True)


# ---------------------------------------------------------------- 3. outlets

def statement_share_heatmap(shares: pd.DataFrame, profile: Profile) -> tuple[Figure, pd.DataFrame]:
    """Heatmap: rows outlets, columns parties (party colour as a band above each column),
    cells the share of the outlet's attributed statements made by the party."""
    setup_fonts()
    title = "Whom each outlet quotes: share of its statements by party"
    if shares.empty:
        return empty_figure(title, "No attributed statements in these articles."), shares.copy()
    parties = party_order(shares["party"], profile)
    outlets = sorted(shares["outlet"].unique())
    mat = shares.pivot_table(index="outlet", columns="party", values="share", fill_value=0.0).reindex(
        index=outlets, columns=parties, fill_value=0.0)
    cnt = shares.pivot_table(index="outlet", columns="party", values="statements", fill_value=0).reindex(
        index=outlets, columns=parties, fill_value=0)
    totals = shares.drop_duplicates("outlet").set_index("outlet")["outlet_total"]
    fig, ax = plt.subplots(figsize=(max(WIDTH * 0.6, 1.5 + 0.85 * len(parties)), 1.6 + 0.5 * len(outlets)))
    ax.imshow(mat.values, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(len(outlets)):
        for j in range(len(parties)):
            v, n = mat.values[i, j], cnt.values[i, j]
            if n:
                ax.text(j, i, f"{v:.0%}\n({int(n)})", ha="center", va="center", fontsize=8,
                        color="white" if v > 0.55 else "#222222")
    _party_columns(ax, parties, [f"{_outlet(o)} (n={int(totals[o])})" for o in outlets], profile)
    ax.set_xlabel("Speaking party")
    ax.set_title(title, loc="left")
    data = shares.copy()
    return fig, data


def stacked_outlet_bars(table: pd.DataFrame, party_col: str, value_col: str, profile: Profile, title: str,
                        empty_message: str, xlabel: str, legend_title: str) -> tuple[Figure, pd.DataFrame]:
    """Stacked horizontal bars: per outlet (largest first), its counts split by party, in the
    party colours; segments wide enough carry their number."""
    setup_fonts()
    if table.empty:
        return empty_figure(title, empty_message), table.copy()
    parties = party_order(table[party_col], profile)
    outlets = sorted(table["outlet"].unique(), key=lambda o: -table[table["outlet"] == o][value_col].sum())
    mat = table.pivot_table(index="outlet", columns=party_col, values=value_col, fill_value=0).reindex(
        index=outlets, columns=parties, fill_value=0)
    fig, ax = plt.subplots(figsize=(WIDTH, 1.4 + 0.5 * len(outlets)))
    left = np.zeros(len(outlets))
    ys = np.arange(len(outlets))[::-1]
    total = mat.sum(axis=1).values
    for p in parties:
        vals = mat[p].values.astype(float)
        ax.barh(ys, vals, left=left, color=profile.colour(p), edgecolor="white", linewidth=0.8,
                label=party_label(p, profile))
        for y, lft, v in zip(ys, left, vals, strict=True):
            if v and v >= total.max() * 0.04:  # label segments wide enough to hold a number
                ax.text(lft + v / 2, y, f"{int(v)}", ha="center", va="center", fontsize=8, color=_ink(profile.colour(p)))
        left += vals
    ax.set_yticks(ys)
    ax.set_yticklabels([_outlet(o) for o in outlets])
    ax.set_axisbelow(True)
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, title=legend_title)
    ax.grid(axis="x", color="#eeeeee")
    return fig, table.copy()


def relayed_claims_chart(relayed: pd.DataFrame, profile: Profile) -> tuple[Figure, pd.DataFrame]:
    """Stacked horizontal bars: per outlet, its loss claims split by claimant party."""
    return stacked_outlet_bars(relayed, "claimant_party", "claims", profile,
                               "Whose loss numbers each outlet relays", "No loss claims in these articles.",
                               "Loss claims relayed (historical figures excluded)", "Claimant party")


def framing_heatmap(rates: pd.DataFrame) -> tuple[Figure, pd.DataFrame]:
    """Heatmap of framing terms per 1,000 words: rows are the profile's competing terms
    (English gloss on the left, the Arabic words on the right), columns outlets."""
    setup_fonts()
    title = "Framing terms per 1,000 words, by outlet"
    if rates.empty:
        return empty_figure(title, "No framing pairs in the profile, or no articles."), rates.copy()
    rows = rates.drop_duplicates(["topic", "pole"])[["topic", "pole", "term_en", "terms_ar"]].reset_index(drop=True)
    outlets = sorted(rates["outlet"].unique())
    key = rates.assign(row=rates["topic"] + "|" + rates["pole"])
    mat = key.pivot_table(index="row", columns="outlet", values="per_1000_words", fill_value=0.0)
    mat = mat.reindex(index=(rows["topic"] + "|" + rows["pole"]).tolist(), columns=outlets, fill_value=0.0)
    cnt = key.pivot_table(index="row", columns="outlet", values="count", fill_value=0).reindex(
        index=mat.index, columns=outlets, fill_value=0)
    words = rates.drop_duplicates("outlet").set_index("outlet")["words"]
    fig, ax = plt.subplots(figsize=(WIDTH, 1.6 + 0.42 * len(rows)))
    vmax = max(float(np.nanmax(mat.values)), 0.1)
    ax.imshow(mat.values, cmap="YlOrBr", vmin=0, vmax=vmax, aspect="auto")
    for i in range(len(rows)):
        for j in range(len(outlets)):
            v, n = mat.values[i, j], cnt.values[i, j]
            ax.text(j, i, f"{v:.1f}" if n else "·", ha="center", va="center", fontsize=8,
                    color="white" if v > 0.6 * vmax else "#222222")
    prev = None
    for i, r in rows.iterrows():
        if prev is not None and r["topic"] != prev:
            ax.axhline(i - 0.5, color="white", linewidth=3)
        prev = r["topic"]
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{r['topic']}: {r['term_en']}" if r["pole"] == "a" or i == 0 or rows.loc[i - 1, "topic"] != r["topic"]
                        else f"vs {r['term_en']}" for i, r in rows.iterrows()])
    right = ax.secondary_yaxis("right")
    right.set_yticks(range(len(rows)))
    right.set_yticklabels([" / ".join(r["terms_ar"].split(" / ")[:3]) for _, r in rows.iterrows()])
    right.tick_params(length=0)
    right.spines["right"].set_visible(False)
    ax.set_xticks(range(len(outlets)))
    ax.set_xticklabels([f"{_outlet(o)}\n({int(words[o]):,} words)" for o in outlets], rotation=0, fontsize=8)
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    ax.set_title(title, loc="left")
    ax.set_xlabel("Outlet (cell: occurrences per 1,000 words; · none)")
    return fig, rates.copy()
