"""Source divergence: where claimants and outlets disagree.

Reads the losses and statements tables (never re-derives them) and computes
- claimant divergence per metric (affected side, category, population, action),
- claim dates and cumulative-toll series (revisions over time),
- outlet divergence (whose statements and loss numbers each outlet carries, framing terms),
- contradictions (inconsistent values inside one article, denials, echoes across outlets),
- findings: English sentences computed from those tables.

Every function takes DataFrames with the exact columns of the upstream tables and works on
empty ones (a corpus with no claims gives empty tables, not errors).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.articles import Article
from helpers.dates import find_dates, opens_period, parse_iso
from helpers.profile import Profile, word_pattern
from helpers.text import normalize

LOSS_COLUMNS = [
    "article_id", "outlet", "published", "claimant", "claimant_en", "claimant_party",
    "affected_side", "category", "population", "action", "value", "value_low", "value_high",
    "qualifier", "cumulative", "historical", "denied_by", "number_text", "sentence", "start",
    "end", "mentions",
]
STATEMENT_COLUMNS = [
    "article_id", "outlet", "published", "speaker", "speaker_en", "party", "verb", "topic",
    "is_quote", "quote", "inherited", "text", "start", "end",
]
METRIC = ["affected_side", "category", "population", "action"]
PEOPLE_CATEGORIES = ("killed", "wounded", "missing", "prisoners")
GENERIC_SIDE_LABELS = {"both": "Both sides'", "other": "Third-party", "unknown": "Unattributed"}
POPULATION_WORDS = {"military": "servicemen", "civilian": "civilians", "unspecified": "people", "": "people"}
CATEGORY_WORDS = {
    "armored_vehicles": "armoured vehicles", "air_defense": "air-defence systems", "mlrs": "rocket launchers (MLRS)",
    "command_posts": "command posts", "ammo_depots": "ammunition depots",
    "apartment_buildings": "apartment buildings", "public_buildings": "public buildings",
}
PERSPECTIVES = ("self-reported", "adversary-claimed", "third-party", "unknown")

# A number, its noun, then these words is an increment ("36 قتيلا آخر"), not a toll; directly
# after the number they mean "others" ("مقتل 47 وإصابة 222 آخرين") and say nothing.
_INCREMENT_RE = re.compile(r"^\s*\S+\s+(?:اخر|اخرين|اخري|اخرون|اضافي|اضافيا|اضافيين|جديد|جديدا|جدد)(?![\u0621-\u064a])")

# A sentence opening like this refers back to the previous one ("جاء ذلك في بيان للنيابة ...
# منذ 27 سبتمبر وحتى 16 أكتوبر"): a date it states belongs to the previous sentence's counts.
_FOLLOW_ON_RE = re.compile(r"^\W*(?:و|ف)?(?:جاء|ورد|يأتي|ياتي)\s+ذلك(?![\u0621-\u064a])")

DIVERGENCE_COLUMNS = [
    "metric", *METRIC, "claimant_party", "claimant_en", "claimant", "perspective", "outlet", "article_id",
    "published", "claim_date", "date_source", "value", "value_low", "value_high", "qualifier", "cumulative",
    "denied_by", "number_text", "sentence", "start", "end",
    "n_claims", "n_claimants", "n_parties", "n_dates", "metric_min", "metric_max", "ratio_max_min",
    "self_max", "adversary_max", "third_party_max", "adversary_to_self",
]
SUMMARY_COLUMNS = [
    "metric", *METRIC, "n_claims", "n_vague", "n_claimants", "n_parties", "n_dates", "compared", "metric_min", "metric_max",
    "ratio_max_min", "min_claim", "min_cumulative", "max_claim", "max_cumulative", "party_maxima", "party_spread", "self_parties", "self_max",
    "adversary_parties", "adversary_max", "third_party_max", "adversary_to_self", "reference_value",
    "reference_label", "reference_source",
]
CONTRADICTION_COLUMNS = [
    "kind", "metric", *METRIC, "claimant_party", "claimants", "values", "article_ids", "outlets", "n_articles",
    "n_outlets", "denied_by", "detail", "sentences",
]
SERIES_COLUMNS = ["metric", *METRIC, "claimant_party", "claimant_en", "claim_date", "date_source", "value",
                  "article_id", "outlet", "revised"]


# ---------------------------------------------------------------- reading and typing

def _truthy(series: pd.Series) -> pd.Series:
    """Booleans from a CSV column: True/true/1/yes are true, anything else false."""
    if series.dtype == bool:
        return series
    return series.astype(str).str.strip().str.lower().isin(["true", "1", "yes", "y", "t"])


def _text(series: pd.Series) -> pd.Series:
    """A text column with missing values as empty strings."""
    return series.astype(object).where(series.notna(), "").astype(str).replace({"nan": "", "<NA>": "", "None": ""})


def _conform(df: pd.DataFrame | None, columns: list[str], name: str, floats: tuple[str, ...] = (),
             ints: tuple[str, ...] = (), flags: tuple[str, ...] = ()) -> pd.DataFrame:
    """A table with exactly `columns` and stable types: floats, ints (missing as 0), boolean
    flags, and every other column as text; raise ValueError if a column is missing."""
    df = pd.DataFrame(columns=columns) if df is None else df.copy()
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"The {name} table lacks column(s) {', '.join(missing)}.")
    df = df[columns].copy()
    for col in floats:
        df[col] = pd.to_numeric(df[col], errors="coerce").astype(float)
    for col in ints:
        df[col] = pd.to_numeric(df[col], errors="coerce").fillna(0).astype(int)
    for col in flags:
        df[col] = _truthy(df[col])
    for col in set(columns) - set(floats) - set(ints) - set(flags):
        df[col] = _text(df[col])
    return df.reset_index(drop=True)


def prepare_losses(df: pd.DataFrame | None) -> pd.DataFrame:
    """The losses table with stable types: text as str, numbers numeric, flags bool."""
    return _conform(df, LOSS_COLUMNS, "losses", floats=("value", "value_low", "value_high"),
                    ints=("start", "end", "mentions"), flags=("cumulative", "historical"))


def prepare_statements(df: pd.DataFrame | None) -> pd.DataFrame:
    """The statements table with stable types."""
    return _conform(df, STATEMENT_COLUMNS, "statements", ints=("start", "end"), flags=("is_quote", "inherited"))


def read_table(path: Path | str, columns: list[str]) -> pd.DataFrame:
    """Read an upstream CSV as text (UTF-8); a missing file raises FileNotFoundError."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: run the notebook that writes it first.")
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if df.empty and not len(df.columns):
        df = pd.DataFrame(columns=columns)
    return df


# ---------------------------------------------------------------- labels

def side_label(side: str, profile: Profile) -> str:
    """English adjective of an affected side: the profile's side_labels, else a generic one."""
    labels = profile.data.get("side_labels") or {}
    return str(labels.get(side) or GENERIC_SIDE_LABELS.get(side) or (side or "unknown").title())


def metric_label(side: str, category: str, population: str, action: str, profile: Profile) -> str:
    """Readable English name of a metric: 'Armenian servicemen killed', 'Armenian tanks captured'."""
    who = side_label(side, profile)
    if category in PEOPLE_CATEGORIES:
        verb = {"captured": "taken prisoner"}.get(action, action)
        return f"{who} {POPULATION_WORDS.get(population, population)} {verb}"
    return f"{who} {CATEGORY_WORDS.get(category, category.replace('_', ' '))} {action}"


def perspective(party: str, affected_side: str, profile: Profile) -> str:
    """Whose count it is: self-reported (the claimant's own side), adversary-claimed (a
    belligerent about the other side), third-party (a non-belligerent), else unknown."""
    own = profile.party_side(party)
    belligerent_sides = {p.get("side") for p in profile.parties.values()} - {"other", "unknown", None}
    if affected_side not in belligerent_sides or own == "unknown":
        return "unknown"
    if own == affected_side:
        return "self-reported"
    if own in belligerent_sides:
        return "adversary-claimed"
    return "third-party"


def fmt_num(value: float) -> str:
    """A count as text: thousands separators, no decimals unless needed."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "n/a"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def fmt_ratio(value: float) -> str:
    """A ratio as text: '3.2 times', '12 times'; under 2, as a percentage ('4% more', '10% fewer', 'the same')."""
    if value is None or np.isnan(value):
        return "n/a"
    if value < 2:
        pct = round((value - 1) * 100)
        return "the same" if pct == 0 else f"{abs(pct)}% {'more' if pct > 0 else 'fewer'}"
    return f"{value:.1f} times" if value < 10 else f"{value:,.0f} times"


# ---------------------------------------------------------------- claim dates

def claim_date(sentence: str, published: str) -> tuple[str, str]:
    """The date a count refers to: the latest date stated in the sentence that is not after
    the article's date and does not open a period ("منذ 27 سبتمبر"); a date written without
    a year takes the article's year (the year before if that would put it after the article).
    Falls back to the article date. Returns (ISO date or "", "sentence" | "article" | "")."""
    pub = parse_iso(published) if published else None
    norm = normalize(sentence or "")
    best: dt.date | None = None
    for found in find_dates(norm):
        if opens_period(norm, found):
            continue
        date = found.date
        if date is None:
            if pub is None:
                continue
            try:
                date = dt.date(pub.year, found.month, found.day)
                if date > pub:
                    date = dt.date(pub.year - 1, found.month, found.day)
            except ValueError:
                continue
        if pub is not None and date > pub:
            continue
        if best is None or date > best:
            best = date
    if best is not None:
        return best.isoformat(), "sentence"
    if pub is not None:
        return pub.isoformat(), "article"
    return "", ""


def is_increment(number_text: str, sentence: str) -> bool:
    """True when the number phrase is followed by 'another / more' (آخر، آخرين، إضافي، جدد):
    the count is an addition to a toll, not the toll."""
    if not number_text or not sentence:
        return False
    pos = sentence.find(number_text)
    if pos < 0:
        return False
    tail = normalize(sentence[pos + len(number_text):pos + len(number_text) + 40])
    return bool(_INCREMENT_RE.search(tail))


def follow_on_sentences(claims: pd.DataFrame, articles: Mapping[str, Article]) -> dict[tuple[str, int], str]:
    """For each claim (article_id, start), the next sentence of its article when that sentence
    refers back to it ("جاء ذلك في بيان ..."); claims without one are left out."""
    out: dict[tuple[str, int], str] = {}
    if claims.empty:
        return out
    for aid, g in claims.groupby("article_id"):
        art = articles.get(aid)
        if art is None:
            continue
        sents = art.sentences
        starts = [sp.start for sp in sents]
        for start in set(g["start"].tolist()):
            k = bisect_right(starts, start) - 1  # the sentence holding the claim (spans are in order)
            idx = k if k >= 0 and sents[k].start <= start < sents[k].end else None
            if idx is not None and idx + 1 < len(sents) and _FOLLOW_ON_RE.search(normalize(sents[idx + 1].text)):
                out[(aid, int(start))] = sents[idx + 1].text
    return out


def add_claim_fields(losses: pd.DataFrame, profile: Profile,
                     follow: Mapping[tuple[str, int], str] | None = None) -> pd.DataFrame:
    """Losses plus metric label, perspective, claim date (and its source) and increment flag.
    `follow` maps (article_id, start) to a sentence that refers back to the claim's sentence
    (see follow_on_sentences); dates stated there count as stated in the claim's sentence."""
    df = prepare_losses(losses)
    if df.empty:
        for col, dtype in (("metric", str), ("perspective", str), ("claim_date", str), ("date_source", str),
                           ("increment", bool)):
            df[col] = pd.Series(dtype=dtype)
        return df
    df["metric"] = [metric_label(s, c, p, a, profile) for s, c, p, a in
                    zip(df["affected_side"], df["category"], df["population"], df["action"], strict=True)]
    df["perspective"] = [perspective(p, s, profile) for p, s in zip(df["claimant_party"], df["affected_side"], strict=True)]
    follow = follow or {}
    texts = [s + " " + follow.get((a, int(st)), "") for s, a, st in zip(df["sentence"], df["article_id"], df["start"], strict=True)]
    dates = [claim_date(s, p) for s, p in zip(texts, df["published"], strict=True)]
    df["claim_date"] = [d for d, _ in dates]
    df["date_source"] = [src for _, src in dates]
    df["increment"] = [is_increment(n, s) for n, s in zip(df["number_text"], df["sentence"], strict=True)]
    return df


def _claimant_key(df: pd.DataFrame) -> pd.Series:
    """Who claims: the English name, else the Arabic words, else the party."""
    key = df["claimant_en"].where(df["claimant_en"] != "", df["claimant"])
    return key.where(key != "", df["claimant_party"])


# ---------------------------------------------------------------- 1. claimant divergence per metric

def reference_for(metric: tuple[str, str, str, str], profile: Profile) -> dict | None:
    """The profile's reference toll for a metric (same side and category; population equal,
    or the claim's population unspecified), else None."""
    side, category, population, _action = metric
    for ref in profile.data.get("reference_tolls") or []:
        if ref.get("affected_side") == side and ref.get("category") == category and (
            population in (ref.get("population"), "unspecified", "")
        ):
            return ref
    return None


def _claim_text(r: pd.Series) -> str:
    """'963 by Artsakh Defence Army (Arabi21, 2020-10-24)'."""
    who = r["claimant_en"] or r["claimant"] or r["claimant_party"]
    return f"{fmt_num(r['value'])} by {who} ({outlet_name(r['outlet'])}, {r['claim_date'] or 'undated'})"


def outlet_name(outlet: str) -> str:
    """An outlet as written in sentences and charts ('unknown' becomes 'Unknown outlet')."""
    return "Unknown outlet" if not outlet or outlet.strip().lower() == "unknown" else outlet


def metric_summary(claims: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """One row per metric of the non-historical claims: counts of claims, claimants,
    parties and dates; min-max range and ratio max/min; each party's highest figure and the
    spread between parties; the highest self-reported, adversary-claimed and third-party
    figures and their ratio; the profile's reference toll. `compared` is true when the metric
    has claims from more than one claimant or date. Vague quantities ("الآلاف" coded 1,000)
    are counted (n_vague) but the figures come from the precise claims when there are any."""
    df = claims[~claims["historical"] & claims["value"].notna()] if len(claims) else claims
    rows = []
    if df.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    df = df.assign(_claimant=_claimant_key(df))
    for key, g_all in df.groupby(METRIC, sort=False):
        precise = g_all[g_all["qualifier"] != "vague"]
        g = precise if len(precise) else g_all  # figures from precise claims when there are any
        vmin, vmax = g["value"].min(), g["value"].max()
        lo, hi = g.loc[g["value"].idxmin()], g.loc[g["value"].idxmax()]
        party_max = g.groupby("claimant_party")["value"].max().sort_values(ascending=False)
        known_max = party_max.drop(labels=["Unknown"], errors="ignore")
        selfg = g[g["perspective"] == "self-reported"]
        advg = g[g["perspective"] == "adversary-claimed"]
        thirdg = g[g["perspective"] == "third-party"]
        self_max = selfg["value"].max() if len(selfg) else np.nan
        adv_max = advg["value"].max() if len(advg) else np.nan
        ref = reference_for(key, profile)
        n_claimants, n_dates = g_all["_claimant"].nunique(), g_all["claim_date"].replace("", np.nan).nunique()
        rows.append({
            "metric": g["metric"].iloc[0],
            **dict(zip(METRIC, key, strict=True)),
            "n_claims": len(g_all),
            "n_vague": len(g_all) - len(precise),
            "n_claimants": n_claimants,
            "n_parties": g_all["claimant_party"].nunique(),
            "n_dates": n_dates,
            "compared": bool(n_claimants > 1 or n_dates > 1),
            "metric_min": vmin,
            "metric_max": vmax,
            "ratio_max_min": vmax / vmin if vmin > 0 else np.nan,
            "min_claim": _claim_text(lo),
            "min_cumulative": bool(lo["cumulative"]),
            "max_claim": _claim_text(hi),
            "max_cumulative": bool(hi["cumulative"]),
            "party_maxima": "; ".join(f"{p}: {fmt_num(v)}" for p, v in party_max.items()),
            "party_spread": known_max.max() / known_max.min() if len(known_max) > 1 and known_max.min() > 0 else np.nan,
            "self_parties": ", ".join(sorted(selfg["claimant_party"].unique())),
            "self_max": self_max,
            "adversary_parties": ", ".join(sorted(advg["claimant_party"].unique())),
            "adversary_max": adv_max,
            "third_party_max": thirdg["value"].max() if len(thirdg) else np.nan,
            "adversary_to_self": adv_max / self_max if self_max and self_max > 0 and not np.isnan(adv_max) else np.nan,
            "reference_value": float(ref["value"]) if ref else np.nan,
            "reference_label": ref.get("label", "") if ref else "",
            "reference_source": ref.get("source", "") if ref else "",
        })
    out = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return out.sort_values(["compared", "n_claims", "metric"], ascending=[False, False, True]).reset_index(drop=True)


def divergence_by_metric(claims: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """Every non-historical claim of a compared metric (more than one claimant or date), with
    claimant, outlet and date, and the metric's range, ratio and self vs adversary figures."""
    if claims.empty or summary.empty:
        return pd.DataFrame(columns=DIVERGENCE_COLUMNS)
    df = claims[~claims["historical"] & claims["value"].notna()]
    keep = summary[summary["compared"]]
    stats = keep[[*METRIC, "n_claims", "n_claimants", "n_parties", "n_dates", "metric_min", "metric_max",
                  "ratio_max_min", "self_max", "adversary_max", "third_party_max", "adversary_to_self"]]
    out = df.merge(stats, on=METRIC, how="inner")
    out = out[DIVERGENCE_COLUMNS]
    order = {m: i for i, m in enumerate(keep["metric"])}
    out = out.assign(_o=out["metric"].map(order)).sort_values(["_o", "value", "claim_date"]).drop(columns="_o")
    return out.reset_index(drop=True)


# ---------------------------------------------------------------- 2. claims over time

def cumulative_series(claims: pd.DataFrame) -> pd.DataFrame:
    """Cumulative tolls per metric and claimant party over claim dates (non-historical,
    dated claims), one row per claim date (the highest figure that day), with `revised` true
    when the figure differs from the same party's previous figure."""
    if claims.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    df = claims[claims["cumulative"] & ~claims["historical"] & claims["value"].notna() & (claims["claim_date"] != "")]
    if df.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    df = df.sort_values("value", ascending=False).drop_duplicates([*METRIC, "claimant_party", "claim_date"])
    df = df.sort_values([*METRIC, "claimant_party", "claim_date"])
    prev = df.groupby([*METRIC, "claimant_party"])["value"].shift()
    df = df.assign(revised=prev.notna() & (prev != df["value"]))
    return df[SERIES_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------- 3. outlet divergence

def statement_shares(statements: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Per outlet, the share of its statements made by each party (rows sum to 1), parties
    in profile order; the long form has outlet, party, statements, share."""
    st = prepare_statements(statements)
    if st.empty:
        return pd.DataFrame(columns=["outlet", "party", "statements", "outlet_total", "share"])
    counts = st.groupby(["outlet", "party"]).size().rename("statements").reset_index()
    counts["outlet_total"] = counts.groupby("outlet")["statements"].transform("sum")
    counts["share"] = counts["statements"] / counts["outlet_total"]
    order = {p: i for i, p in enumerate(profile.parties)}
    counts = counts.assign(_o=counts["party"].map(order).fillna(len(order)))
    return counts.sort_values(["outlet", "_o"]).drop(columns="_o").reset_index(drop=True)


def relayed_claims(claims: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Per outlet, how many of the loss claims it carries (non-historical) come from each
    claimant party, and the share of the outlet's claims."""
    cols = ["outlet", "claimant_party", "claims", "outlet_total", "share"]
    if claims.empty:
        return pd.DataFrame(columns=cols)
    df = claims[~claims["historical"]]
    if df.empty:
        return pd.DataFrame(columns=cols)
    counts = df.groupby(["outlet", "claimant_party"]).size().rename("claims").reset_index()
    counts["outlet_total"] = counts.groupby("outlet")["claims"].transform("sum")
    counts["share"] = counts["claims"] / counts["outlet_total"]
    order = {p: i for i, p in enumerate(profile.parties)}
    counts = counts.assign(_o=counts["claimant_party"].map(order).fillna(len(order)))
    return counts.sort_values(["outlet", "_o"]).drop(columns="_o").reset_index(drop=True)[cols]


_FRAMING_CACHE: dict[tuple[str, str], list[dict]] = {}


def framing_terms(profile: Profile) -> list[dict]:
    """The profile's framing pairs as a flat list of poles: topic, pole (a/b), English gloss,
    Arabic spellings as written, and a compiled whole-word pattern on normalised text
    (built once per profile version)."""
    key = (profile.name, profile.version)
    if key not in _FRAMING_CACHE:
        _FRAMING_CACHE[key] = _build_framing_terms(profile)
    return _FRAMING_CACHE[key]


def _build_framing_terms(profile: Profile) -> list[dict]:
    """Build the framing poles of a profile (see framing_terms)."""
    out = []
    for pair in profile.data.get("framing_pairs") or []:
        for pole in ("a", "b"):
            spec = pair.get(pole) or {}
            spellings = [str(s) for s in (spec.get("ar") or []) if str(s).strip()]
            if not spellings:
                continue
            norm = sorted({normalize(s).strip() for s in spellings}, key=len, reverse=True)
            out.append({
                "topic": str(pair.get("topic", "")),
                "pole": pole,
                "term_en": str(spec.get("en", "")),
                "terms_ar": spellings,
                "regex": re.compile(word_pattern(norm)),
                # every match holds one of these words as written (the first word of a spelling,
                # without its article, which may be written لل): a cheap test before the regex
                "needles": sorted({(w[2:] if w.startswith("ال") and len(w) > 3 else w).split()[0]
                                   for w in norm if w.split()}),
            })
    return out


def count_framing(norm: str, profile: Profile) -> list[dict]:
    """Occurrences of each framing pole in a normalised text. Within a pair, words counted
    for pole a are not counted again for pole b ('ناغورني قره باغ' is not also 'قره باغ')."""
    terms = framing_terms(profile)
    taken: dict[str, bytearray] = {}  # per topic, the characters earlier poles counted (1 = taken)
    out = []
    for t in terms:
        covered = taken.get(t["topic"])
        n = 0
        mine = []
        for m in (t["regex"].finditer(norm) if any(w in norm for w in t["needles"]) else ()):
            s, e = m.start("name"), m.end("name")
            if covered is not None and covered.find(1, s, e) >= 0:
                continue
            mine.append((s, e))
            n += 1
        if mine:
            if covered is None:
                covered = taken[t["topic"]] = bytearray(len(norm))
            for s, e in mine:
                covered[s:e] = b"\x01" * (e - s)
        out.append({"topic": t["topic"], "pole": t["pole"], "term_en": t["term_en"],
                    "terms_ar": " / ".join(t["terms_ar"]), "count": n})
    return out


def framing_counts(texts: Iterable[tuple[str, str, int, str]], profile: Profile) -> pd.DataFrame:
    """Per article: (article_id, outlet, words, raw text) -> one row per framing pole with
    the count of its terms in the normalised text."""
    rows = []
    for article_id, outlet, words, raw in texts:
        for rec in count_framing(normalize(raw), profile):
            rows.append({"article_id": article_id, "outlet": outlet, "words": int(words), **rec})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "words", "topic", "pole", "term_en", "terms_ar", "count"])


def framing_rates(counts: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and framing pole: occurrences per 1,000 words of the outlet's articles."""
    cols = ["outlet", "topic", "pole", "term_en", "terms_ar", "count", "words", "per_1000_words"]
    if counts.empty:
        return pd.DataFrame(columns=cols)
    words = counts.drop_duplicates("article_id").groupby("outlet")["words"].sum()
    agg = counts.groupby(["outlet", "topic", "pole", "term_en", "terms_ar"], sort=False)["count"].sum().reset_index()
    agg["words"] = agg["outlet"].map(words).astype(int)
    agg["per_1000_words"] = np.where(agg["words"] > 0, agg["count"] / agg["words"].clip(lower=1) * 1000, np.nan)
    return agg[cols]


# ---------------------------------------------------------------- 4. contradictions

def _itemised(g: list[dict]) -> bool:
    """A claimant gives one metric several values in the same sentence: the metric is broken
    down by sub-type in that article (e.g. two kinds of artillery), not contradictory."""
    by_sentence: dict[str, set] = {}
    for r in g:
        by_sentence.setdefault(r["sentence"], set()).add(r["value"])
    return any(len(v) > 1 for v in by_sentence.values())


def _row_claim(r) -> str:
    return f"{fmt_num(r['value'])} ({r['claimant_en'] or r['claimant'] or r['claimant_party']}, {r['claim_date'] or 'undated'})"


def _distinct(values) -> int:
    """The number of distinct values, missing ones not counted (pandas' nunique)."""
    return len({v for v in values if not pd.isna(v)})


def _groups(df: pd.DataFrame, keys: list[str]) -> dict[tuple, list[dict]]:
    """The rows of a frame as plain records grouped by `keys`, groups in order of first
    appearance (as groupby(sort=False)): per-group pandas calls cost about a millisecond each,
    which a corpus of thousands of articles with thousands of groups cannot afford."""
    out: dict[tuple, list[dict]] = {}
    for r in df.to_dict("records"):
        out.setdefault(tuple(r[k] for k in keys), []).append(r)
    return out


def within_article_contradictions(claims: pd.DataFrame) -> list[dict]:
    """Within one article, one claimant party giving one metric different values in
    different sentences. Not contradictions: a metric itemised by sub-type (several values
    in one sentence); an increment ('36 آخر') beside a toll; a smaller count not marked
    cumulative beside a larger cumulative toll; values stated for different dates."""
    out = []
    if claims.empty:
        return out
    df = claims[~claims["historical"] & claims["value"].notna()]
    keys = ["article_id", "claimant_party", *METRIC]
    # only groups with two or more values can hold a contradiction (a vectorised filter first)
    df = df[df.groupby(keys, sort=False)["value"].transform("nunique") > 1]
    for (aid, party, *metric), g in _groups(df, keys).items():
        if _distinct(r["value"] for r in g) < 2 or _itemised(g):
            continue
        g = [r for r in g if not r["increment"]]
        if _distinct(r["value"] for r in g) < 2:
            continue
        cum = [r["value"] for r in g if r["cumulative"]]
        if cum:
            top = max(cum)
            g = [r for r in g if r["cumulative"] or r["value"] > top]
        if _distinct(r["claim_date"] for r in g if r["date_source"] == "sentence") > 1:
            continue
        if _distinct(r["value"] for r in g) < 2:
            continue
        g = sorted(g, key=lambda r: r["start"])
        first = g[0]
        out.append({
            "kind": "inconsistent_values",
            "metric": first["metric"],
            **dict(zip(METRIC, metric, strict=True)),
            "claimant_party": party,
            "claimants": " | ".join(dict.fromkeys(r["claimant"] if r["claimant"] != "" else r["claimant_en"] for r in g)),
            "values": ", ".join(fmt_num(v) for v in dict.fromkeys(r["value"] for r in g)),
            "article_ids": aid,
            "outlets": first["outlet"],
            "n_articles": 1,
            "n_outlets": 1,
            "denied_by": "",
            "detail": (f"{outlet_name(first['outlet'])} article {aid} gives two or more figures from {party} for "
                       f"{first['metric']}: " + " and ".join(_row_claim(r) for r in g) + "."),
            "sentences": " || ".join(dict.fromkeys(r["sentence"] for r in g)),
        })
    return out


def denied_claims(claims: pd.DataFrame) -> list[dict]:
    """Claims reported together with a denial (denied_by filled)."""
    out = []
    if claims.empty:
        return out
    df = claims[claims["denied_by"] != ""]
    for _, r in df.iterrows():
        out.append({
            "kind": "denied",
            "metric": r["metric"],
            **{m: r[m] for m in METRIC},
            "claimant_party": r["claimant_party"],
            "claimants": r["claimant"] or r["claimant_en"],
            "values": fmt_num(r["value"]),
            "article_ids": r["article_id"],
            "outlets": r["outlet"],
            "n_articles": 1,
            "n_outlets": 1,
            "denied_by": r["denied_by"],
            "detail": (f"{outlet_name(r['outlet'])} reports {r['claimant_party']}'s claim of {fmt_num(r['value'])} "
                       f"{r['metric']} together with a denial by {r['denied_by']}."),
            "sentences": r["sentence"],
        })
    return out


def echoed_claims(claims: pd.DataFrame, min_value: float = 2) -> list[dict]:
    """The same claim (claimant party, metric, value) carried by more than one article;
    n_outlets counts the distinct outlets that carry it. Values under `min_value` (a single
    tank, one drone) are separate incidents far more often than echoes and are not matched."""
    out = []
    if claims.empty:
        return out
    df = claims[~claims["historical"] & claims["value"].notna() & (claims["value"] >= min_value)]
    keys = ["claimant_party", *METRIC, "value"]
    df = df[df.groupby(keys, sort=False)["article_id"].transform("nunique") > 1]  # echoed at all
    for (party, *metric, value), g in _groups(df, keys).items():
        articles = list(dict.fromkeys(r["article_id"] for r in g))
        if len(articles) < 2:
            continue
        outlets = list(dict.fromkeys(r["outlet"] for r in g))
        out.append({
            "kind": "echoed",
            "metric": g[0]["metric"],
            **dict(zip(METRIC, metric, strict=True)),
            "claimant_party": party,
            "claimants": " | ".join(dict.fromkeys(r["claimant_en"] if r["claimant_en"] != "" else r["claimant"] for r in g)),
            "values": fmt_num(value),
            "article_ids": ", ".join(articles),
            "outlets": ", ".join(outlets),
            "n_articles": len(articles),
            "n_outlets": len(outlets),
            "denied_by": ", ".join(sorted({r["denied_by"] for r in g if r["denied_by"]})),
            "detail": (f"{party}'s figure of {fmt_num(value)} {g[0]['metric']} appears in "
                       f"{len(articles)} articles from {len(outlets)} outlet(s): {', '.join(map(outlet_name, outlets))}."),
            "sentences": " || ".join(dict.fromkeys(r["sentence"] for r in g)),
        })
    return out


def contradictions(claims: pd.DataFrame) -> pd.DataFrame:
    """The contradictions table: inconsistent values within an article, denied claims, and
    claims echoed by several articles/outlets."""
    rows = within_article_contradictions(claims) + denied_claims(claims) + echoed_claims(claims)
    return pd.DataFrame(rows, columns=CONTRADICTION_COLUMNS)


# ---------------------------------------------------------------- 5. findings

def _party_label(party: str, profile: Profile) -> str:
    return str(profile.parties.get(party, {}).get("label_en", party))


def _spread_text(ratio: float) -> str:
    """'6.2 times' or '13% above' (for 'the highest is ... the lowest')."""
    return fmt_ratio(ratio) if ratio >= 2 else f"{ratio - 1:.0%} above"


def _as_many(ratio: float) -> str:
    """'2.2 times as many', '4% more', 'the same figure'."""
    text = fmt_ratio(ratio)
    return "the same figure" if text == "the same" else (f"{text} as many" if "times" in text else text)


def findings(claims: pd.DataFrame, summary: pd.DataFrame, series: pd.DataFrame, relayed: pd.DataFrame,
             shares: pd.DataFrame, framing: pd.DataFrame, contra: pd.DataFrame, profile: Profile,
             n_articles: int | None = None) -> pd.DataFrame:
    """Findings as English sentences computed from the tables: one row per sentence with its kind."""
    out: list[tuple[str, str]] = []

    def add(kind: str, text: str) -> None:
        out.append((kind, text))

    live = claims[~claims["historical"]] if len(claims) else claims
    n_hist = int(claims["historical"].sum()) if len(claims) else 0
    arts = f" in {n_articles} articles" if n_articles is not None else ""
    if live.empty:
        add("corpus", f"No current loss claims were found{arts}"
            + (f" (only {n_hist} historical figure(s))" if n_hist else "")
            + ", so there is no claimant divergence to measure.")
    else:
        add("corpus", f"{len(live)} loss claims{arts} (not counting {n_hist} historical figure(s)) come from "
            f"{live['claimant_party'].nunique()} claimant parties and cover {live.groupby(METRIC).ngroups} metrics; "
            f"{int(summary['compared'].sum())} metrics have claims from more than one claimant or date.")

    # widest divergence between parties, else within the compared metrics
    if len(summary):
        multi = summary[summary["party_spread"].notna()]
        if len(multi):
            r = multi.loc[multi["party_spread"].idxmax()]
            add("divergence", f"The widest gap between parties is on {r['metric']}: the parties' highest figures are "
                f"{r['party_maxima']}; the highest is {_spread_text(r['party_spread'])} the lowest.")
        else:
            add("divergence", "No metric has loss figures from more than one claimant party, so the parties' "
                "numbers cannot be compared directly on the same metric.")
        comp = summary[summary["compared"] & summary["ratio_max_min"].notna() & (summary["metric_min"] != summary["metric_max"])]
        if len(comp):
            r = comp.loc[comp["ratio_max_min"].idxmax()]
            caveat = ""
            if r["max_cumulative"] and not r["min_cumulative"]:
                caveat = " (the lower figure is a single report, the higher a cumulative toll)"
            add("divergence", f"The widest range on one metric is {r['metric']}: from {r['min_claim']} to "
                f"{r['max_claim']}, a ratio of {r['ratio_max_min']:.1f}{caveat}.")
        both = summary[summary["adversary_to_self"].notna()]
        for _, r in both.sort_values("adversary_to_self", ascending=False).iterrows():
            add("self_vs_adversary", f"For {r['metric']}, the adversary ({r['adversary_parties']}) claimed up to "
                f"{fmt_num(r['adversary_max'])} while the side itself ({r['self_parties']}) reported up to "
                f"{fmt_num(r['self_max'])}: {_as_many(r['adversary_to_self'])}.")
        if not len(both) and len(live):
            add("self_vs_adversary", "No metric has both a self-reported and an adversary-claimed figure in these "
                "articles.")
        refs = summary[summary["reference_value"].notna()]
        for _, r in refs.iterrows():
            add("reference", f"The highest claim for {r['metric']}, {r['max_claim']}, is "
                f"{r['metric_max'] / r['reference_value']:.0%} of the official post-war toll of "
                f"{fmt_num(r['reference_value'])} ({r['reference_label']}; {r['reference_source']}).")

    if len(series):
        rev = series[series["revised"]]
        for (metric, party), g in series.groupby(["metric", "claimant_party"], sort=False):
            if len(g) > 1 and g["revised"].any():
                first, last = g.iloc[0], g.iloc[-1]
                add("revision", f"{_party_label(party, profile)} revised its cumulative toll of {metric} from "
                    f"{fmt_num(first['value'])} ({first['claim_date']}) to {fmt_num(last['value'])} "
                    f"({last['claim_date']}), {int(g['revised'].sum())} change(s).")
        if not len(rev):
            add("revision", f"{len(series)} dated cumulative toll(s) were found; no claimant's cumulative figure "
                "changes between two dates in these articles.")

    if len(relayed):
        top = relayed.sort_values("share", ascending=False).drop_duplicates("outlet")
        multi = top[top["outlet_total"] >= 2]
        if len(multi):
            r = multi.sort_values(["share", "outlet_total"], ascending=[False, False]).iloc[0]
            add("outlet", f"The outlet most dependent on one claimant is {outlet_name(r['outlet'])}: {r['claims']} of its "
                f"{r['outlet_total']} loss claims ({r['share']:.0%}) come from {_party_label(r['claimant_party'], profile)}.")
        for _, r in top.sort_values("outlet").iterrows():
            add("outlet_claims", f"{outlet_name(r['outlet'])} relays {r['outlet_total']} loss claim(s); the largest share "
                f"({r['share']:.0%}) from {_party_label(r['claimant_party'], profile)}.")
    if len(shares):
        top = shares.sort_values("share", ascending=False).drop_duplicates("outlet")
        for _, r in top.sort_values("outlet").iterrows():
            add("outlet_voices", f"{outlet_name(r['outlet'])} gives {_party_label(r['party'], profile)} the most voice: "
                f"{r['statements']} of its {r['outlet_total']} attributed statements ({r['share']:.0%}).")

    if len(framing) and framing["count"].sum() > 0:
        for topic, g in framing.groupby("topic", sort=False):
            used = g[g["count"] > 0]
            if used.empty:
                continue
            r = used.loc[used["per_1000_words"].idxmax()]
            other = g[(g["pole"] != r["pole"]) & (g["outlet"] == r["outlet"])]
            contrast = ""
            if len(other):
                o = other.iloc[0]
                contrast = f", against {o['per_1000_words']:.1f} for '{o['term_en']}' ({o['terms_ar'].split(' / ')[0]})"
            add("framing", f"{topic}: {outlet_name(r['outlet'])} uses '{r['term_en']}' ({r['terms_ar'].split(' / ')[0]}) most, "
                f"{r['per_1000_words']:.1f} times per 1,000 words{contrast}.")

    if len(contra):
        inc = contra[contra["kind"] == "inconsistent_values"]
        den = contra[contra["kind"] == "denied"]
        ech = contra[contra["kind"] == "echoed"]
        for _, r in inc.iterrows():
            add("contradiction", r["detail"])
        if len(den):
            add("denial", f"{len(den)} loss claim(s) are reported together with a denial; e.g. {den.iloc[0]['detail']}")
        if len(ech):
            r = ech.sort_values(["n_outlets", "n_articles"], ascending=False).iloc[0]
            add("echo", f"{len(ech)} claim(s) appear in more than one article; the most echoed: {r['detail']}")
    if len(live):
        kinds = {k for k, _ in out}
        if "contradiction" not in kinds:
            add("contradiction", "No article gives the same claimant's figure for the same metric with two different values.")
        if "echo" not in kinds:
            add("echo", "No loss claim appears in more than one article.")
    return pd.DataFrame(out, columns=["kind", "finding"])
