"""Score losses and statements on the held-out gold sets in tests/gold/heldout*/.

Each held-out folder holds passages or full articles written and annotated blind, after the extraction
rules were built and without reading the extraction code: kNN.txt / hNN.txt,
losses_heldout.csv (same columns as tests/gold/losses_passages.csv) and
statements_heldout.yaml (same shape as tests/gold/statements_passages.yaml). Sets 1-3 are
short passages, sets 4 onwards full articles; tests/gold/heldout (set 1) and heldoutN (set N).
Each set was measured blind once, then its differences were used to fix rules, except the
newest (UNSEEN_SET), which no rule has been fixed against: the honest figure for text the rules
have not seen. When a new set is written, it becomes UNSEEN_SET and the old one is "used for
fixes" as soon as anyone looks at its differences.

Each set's first blind figures are recorded in the README.

The scorers of helpers.eval_losses and helpers.eval_statements are reused unchanged, so the
figures are comparable with the seeds and passages sets; this module only points them at a
held-out folder and prints, for every difference, the sentence it is in. Pass folders on the
command line (`python -m helpers.eval_heldout tests/gold/heldout2`) to score only those.

The held-out figures are a measurement, not a gate: main() returns 0 whatever they are.
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from pathlib import Path

import pandas as pd

from helpers import eval_losses as el
from helpers import eval_statements as es
from helpers.articles import Article
from helpers.losses import extract_losses, losses_frame
from helpers.paths import GOLD, ROOT
from helpers.profile import Profile, load_profile
from helpers.statements import extract_statements

HELDOUT = GOLD / "heldout"
UNSEEN_SET = 17  # the newest set, never used to fix rules; every older one was, after its blind figure


def _heldout_folder(n: int) -> Path:
    return HELDOUT if n == 1 else GOLD / f"heldout{n}"


# (label, folder) of every held-out set, oldest first. A set whose differences were used to
# fix rules says so in its label: only the set marked "unseen" measures new text.
HELDOUT_SETS: tuple[tuple[str, Path], ...] = tuple(
    (f"heldout-{n} ({'final, unseen' if n == UNSEEN_SET else 'used for fixes'})", _heldout_folder(n))
    for n in range(1, UNSEEN_SET + 1)
)
LOSSES_GOLD = "losses_heldout.csv"
STATEMENTS_GOLD = "statements_heldout.yaml"


def _sentence_at(article: Article, pos: int) -> str:
    """The text of the article sentence holding raw offset `pos`."""
    sents = article.sentences
    if not sents:
        return ""
    i = max(0, bisect_right([s.start for s in sents], pos) - 1)
    return article.raw[sents[i].start:sents[i].end].strip()


def _short(text: str, n: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- losses

def losses_predictions(folder: Path, profile: Profile) -> tuple[list[Article], pd.DataFrame]:
    """The held-out passages as articles (dated like the other passages) and their extracted losses."""
    arts = el.load_passages(folder, profile)
    pred = losses_frame(r for a in arts for r in extract_losses(a, profile))
    return arts, pred


def losses_differences(pred: pd.DataFrame, gold: pd.DataFrame, arts: list[Article]) -> list[str]:
    """Every FP, FN and wrong claimant/side/action, with its sentence.

    The matching is the one of eval_losses.score (per article, same category and value, one
    to one, preferring the same action, side and claimant party), replayed here to keep the
    sentence of each difference.
    """
    by_id = {a.article_id: a for a in arts}
    out: list[str] = []
    ids = sorted(set(gold["article_id"]) | set(pred["article_id"]))
    for aid in ids:
        g = gold[gold["article_id"] == aid].to_dict("records")
        p = pred[pred["article_id"] == aid].to_dict("records")
        used: set[int] = set()
        for pr in p:
            best, best_score = None, -1
            for gi, gr in enumerate(g):
                if gi in used or gr["category"] != pr["category"] or int(gr["value"]) != int(pr["value"]):
                    continue
                s = sum(el._norm(gr[a]) == el._norm(pr[a]) for a in ("action", "affected_side", "claimant_party"))
                if s > best_score:
                    best, best_score = gi, s
            sent = _short(pr.get("sentence", ""))
            if best is None:
                out.append(f"  FP {aid} {pr['category']}={pr['value']} {pr['number_text']!r} "
                           f"({pr['claimant_party']}, {pr['affected_side']}, {pr['action']})\n       in: {sent}")
                continue
            used.add(best)
            gr = g[best]
            for a in el.ATTRS:
                if el._norm(gr.get(a, "")) != el._norm(pr.get(a, "")):
                    out.append(f"  {a} {aid} {pr['category']}={pr['value']}: gold {el._norm(gr.get(a))!r} "
                               f"got {el._norm(pr.get(a))!r}\n       in: {sent}")
        for gi, gr in enumerate(g):
            if gi in used:
                continue
            art = by_id.get(aid)
            sent = ""
            if art is not None and gr["number_text"]:
                pos = art.raw.find(gr["number_text"])
                sent = _sentence_at(art, pos) if pos >= 0 else ""
            out.append(f"  FN {aid} {gr['category']}={gr['value']} {gr['number_text']!r} "
                       f"({gr['claimant_party']}, {gr['affected_side']}, {gr['action']})\n       in: {_short(sent)}")
    return out


def score_losses(profile: Profile, folder: Path = HELDOUT) -> tuple[el.Score, list[str]]:
    """eval_losses.score on the held-out set, plus the differences with sentences."""
    gold = el.read_gold(folder / LOSSES_GOLD)
    arts, pred = losses_predictions(folder, profile)
    sc = el.score(pred, gold, "held-out")
    return sc, losses_differences(pred, gold, arts)


# ---------------------------------------------------------------- statements

def statements_differences(pred: list[dict], gold: list[dict], art: Article) -> list[str]:
    """Every FP, FN and wrong speaker/topic of one article, with its sentence.

    The matching is the one of eval_statements.score_article (same party, overlapping span,
    one to one, preferring the same speaker then topic), replayed to keep the full rows.
    """
    out: list[str] = []
    aid = art.article_id
    used: set[int] = set()
    for pr in pred:
        best = es.best_match(pr, gold, used)
        who = f"speaker {pr.get('speaker')!r} ({pr['speaker_en'] or '-'}, {pr['party']}) verb {pr.get('verb')!r}"
        sent = _short(pr.get("text", ""))
        if best is None:
            out.append(f"  FP {aid} {who} topic {pr['topic']} inherited {pr['inherited']}\n       in: {sent}")
            continue
        used.add(best)
        gr = gold[best]
        for a in ("speaker_en", "topic", "inherited"):
            if (bool(gr[a]) != bool(pr[a])) if a == "inherited" else (gr[a] != pr[a]):
                out.append(f"  {a} {aid}: gold {gr[a]!r} got {pr[a]!r} ({who})\n       in: {sent}")
    for gi, gr in enumerate(gold):
        if gi not in used:
            out.append(f"  FN {aid} {gr['party']} {gr['speaker_en'] or '-'} topic {gr['topic']} "
                       f"(snippet {gr['snippet']!r})\n       in: {_short(art.raw[gr['start']:gr['end']])}")
    return out


def score_statements(profile: Profile, folder: Path = HELDOUT) -> tuple[es.Score, list[str]]:
    """eval_statements.score_article on each held-out passage, plus the differences with sentences."""
    sc = es.Score("held-out")
    errors: list[str] = []
    for art, items in es.passage_articles(folder / STATEMENTS_GOLD, profile):
        pred = extract_statements(art, profile)
        gold = es._gold_rows(art, items)
        es.score_article(pred, gold, sc, art.article_id)
        errors.extend(statements_differences(pred, gold, art))
    return sc, errors


# ---------------------------------------------------------------- report

def report(ls: el.Score, l_err: list[str], ss: es.Score, s_err: list[str], errors: bool = True,
           label: str = "heldout-1 (used for fixes)", folder: Path = HELDOUT) -> str:
    """One held-out set's figures (and, unless errors=False, every difference with its sentence)."""
    try:
        where = Path(folder).resolve().relative_to(ROOT)
    except ValueError:
        where = folder
    n = len(list(Path(folder).glob("*.txt")))
    lines = [f"Held-out set {label}: {where}, {n} texts written and annotated blind"]
    lines.append(f"  losses:     precision {ls.precision:.3f}  recall {ls.recall:.3f}  F1 {ls.f1:.3f}  "
                 f"(tp {ls.tp}, fp {ls.fp}, fn {ls.fn})  claimant accuracy {ls.accuracy('claimant_party'):.3f}  "
                 f"side accuracy {ls.accuracy('affected_side'):.3f}")
    lines.append("              " + "  ".join(f"{a} {ls.accuracy(a):.2f}" for a in el.ATTRS
                                             if a not in ("claimant_party", "affected_side")))
    lines.append(f"  statements: precision {ss.precision:.3f}  recall {ss.recall:.3f}  F1 {ss.f1:.3f}  "
                 f"(tp {ss.tp}, fp {ss.fp}, fn {ss.fn})  speaker accuracy {ss.acc(ss.speaker_ok):.3f}  "
                 f"topic accuracy {ss.acc(ss.topic_ok):.3f}  inherited accuracy {ss.acc(ss.inherited_ok):.3f}")
    lines.append(f"  (targets on the tuned sets: losses F1 >= {el.TARGET_F1}, claimant >= {el.TARGET_CLAIMANT}; "
                 f"statements F1 >= {es.TARGET_F1})")
    if errors:
        lines.append("  losses differences:")
        lines.extend(l_err or ["  (none)"])
        lines.append("  statements differences:")
        lines.extend(s_err or ["  (none)"])
    return "\n".join(lines)


def _sets(folders: list[str]) -> list[tuple[str, Path]]:
    """The (label, folder) pairs to score: the named folders, or every known held-out set."""
    if not folders:
        return [(label, f) for label, f in HELDOUT_SETS if (f / LOSSES_GOLD).exists()]
    known = {f.resolve(): label for label, f in HELDOUT_SETS}
    out = []
    for name in folders:
        f = Path(name)
        out.append((known.get(f.resolve(), f.name), f))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the held-out scores and differences; always returns 0 (a measurement, not a gate)."""
    ap = argparse.ArgumentParser(prog="python -m helpers.eval_heldout", description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", help="held-out folders to score (default: every held-out set)")
    ap.add_argument("--profile", default="karabakh-2020")
    ap.add_argument("-q", "--quiet", action="store_true", help="figures only, no list of differences")
    args = ap.parse_args(argv or [])
    profile = load_profile(args.profile)
    blocks = []
    for label, folder in _sets(args.folders):
        ls, l_err = score_losses(profile, folder)
        ss, s_err = score_statements(profile, folder)
        blocks.append(report(ls, l_err, ss, s_err, errors=not args.quiet, label=label, folder=folder))
    print("\n\n".join(blocks))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
