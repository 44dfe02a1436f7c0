"""Score the losses extractor against the hand-made gold in tests/gold/.

A predicted claim matches a gold claim of the same article with the same category and
value (one to one, preferring the same action, side and claimant party). Precision,
recall and F1 are computed overall and per category; among matched claims, claimant
accuracy (claimant_party), and side, action, qualifier, cumulative, historical and
denied_by accuracies. Two sets: the five seeds and the extra passages.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.articles import Article, apply_metadata, load_articles, read_article
from helpers.losses import CATEGORIES, extract_losses, losses_frame
from helpers.paths import GOLD, SEEDS
from helpers.profile import Profile, load_profile

TARGET_F1 = 0.95
TARGET_CLAIMANT = 0.95
PASSAGE_DATE = "2020-10-20"  # the passages are written as reports from the 2020 war
ATTRS = ("claimant_party", "affected_side", "action", "qualifier", "cumulative", "historical", "denied_by", "population")


@dataclass
class Score:
    """Counts and accuracies of one evaluation set."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    per_cat: dict[str, Counter] = field(default_factory=dict)
    attr_ok: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def precision(self) -> float:
        return self.prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return self.prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return self.prf(self.tp, self.fp, self.fn)[2]

    def accuracy(self, attr: str) -> float:
        return self.attr_ok[attr] / self.tp if self.tp else 1.0


def read_gold(path: Path) -> pd.DataFrame:
    """A gold CSV as strings (empty cells stay empty)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def load_passages(folder: Path, profile: Profile) -> list[Article]:
    """The extra gold passages (tests/gold/passages/*.txt), dated as 2020 war reports."""
    arts = []
    for path in sorted(Path(folder).glob("*.txt")):
        art, _ = read_article(path)
        if art is None:
            continue
        apply_metadata(art, {"outlet": "passage", "published": PASSAGE_DATE}, profile, [])
        arts.append(art)
    return arts


def _norm(v) -> str:
    s = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
    return {"true": "True", "false": "False"}.get(s.lower(), s)


def score(pred: pd.DataFrame, gold: pd.DataFrame, name: str) -> Score:
    """Match predictions to gold per article by (category, value) and count."""
    sc = Score(name)
    for cat in CATEGORIES:
        sc.per_cat[cat] = Counter()
    ids = sorted(set(gold["article_id"]) | set(pred["article_id"]))
    for aid in ids:
        g = gold[gold["article_id"] == aid].to_dict("records")
        p = pred[pred["article_id"] == aid].to_dict("records")
        used = set()
        for pr in p:
            best, best_score = None, -1
            for gi, gr in enumerate(g):
                if gi in used or gr["category"] != pr["category"] or int(gr["value"]) != int(pr["value"]):
                    continue
                s = sum(_norm(gr[a]) == _norm(pr[a]) for a in ("action", "affected_side", "claimant_party"))
                if s > best_score:
                    best, best_score = gi, s
            if best is None:
                sc.fp += 1
                sc.per_cat[pr["category"]]["fp"] += 1
                sc.errors.append(f"  FP {aid} {pr['category']} {pr['value']} {pr['number_text']!r} "
                                 f"({pr['claimant_party']}, {pr['affected_side']}) in: {pr['sentence'][:90]}")
                continue
            used.add(best)
            gr = g[best]
            sc.tp += 1
            sc.per_cat[pr["category"]]["tp"] += 1
            for a in ATTRS:
                if _norm(gr.get(a, "")) == _norm(pr.get(a, "")):
                    sc.attr_ok[a] += 1
                else:
                    sc.errors.append(f"  {a}: {aid} {pr['category']} {pr['value']}: gold {_norm(gr.get(a))!r} "
                                     f"got {_norm(pr.get(a))!r}")
        for gi, gr in enumerate(g):
            if gi not in used:
                sc.fn += 1
                sc.per_cat[gr["category"]]["fn"] += 1
                sc.errors.append(f"  FN {aid} {gr['category']} {gr['value']} {gr['number_text']!r} ({gr['note'] if 'note' in gr else ''})")
    return sc


def evaluate_sets(profile_name: str = "karabakh-2020", gold_dir: Path = GOLD,
                  seeds_dir: Path = SEEDS) -> list[Score]:
    """Score the seeds and the passages; returns one Score per set that has gold."""
    profile = load_profile(profile_name)
    out = []
    seeds_gold = gold_dir / "losses_seeds.csv"
    if seeds_gold.is_file():
        arts, _ = load_articles(seeds_dir, None, profile)
        pred = losses_frame(r for a in arts for r in extract_losses(a, profile))
        out.append(score(pred, read_gold(seeds_gold), "seeds"))
    pass_gold = gold_dir / "losses_passages.csv"
    if pass_gold.is_file():
        arts = load_passages(gold_dir / "passages", profile)
        pred = losses_frame(r for a in arts for r in extract_losses(a, profile))
        out.append(score(pred, read_gold(pass_gold), "passages"))
    return out


def report(scores: list[Score], verbose: bool = False) -> str:
    """The printed report: P/R/F1 overall and per category, claimant and attribute accuracy."""
    lines = []
    for sc in scores:
        lines.append(f"losses on {sc.name}: precision {sc.precision:.3f}  recall {sc.recall:.3f}  "
                     f"F1 {sc.f1:.3f}  (tp {sc.tp}, fp {sc.fp}, fn {sc.fn})  "
                     f"claimant accuracy {sc.accuracy('claimant_party'):.3f}")
        lines.append("  " + "  ".join(f"{a} {sc.accuracy(a):.2f}" for a in ATTRS if a != "claimant_party"))
        lines.append(f"  {'category':<20}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
        for cat, c in sc.per_cat.items():
            if not (c["tp"] or c["fp"] or c["fn"]):
                continue
            p, r, f = Score.prf(c["tp"], c["fp"], c["fn"])
            lines.append(f"  {cat:<20}{p:>7.2f}{r:>7.2f}{f:>7.2f}{c['tp'] + c['fn']:>6}")
        if verbose and sc.errors:
            lines.append("  differences:")
            lines.extend(sc.errors)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the scores; exit 1 if F1 or claimant accuracy is under target on a set."""
    ap = argparse.ArgumentParser(prog="python -m helpers.eval_losses", description=__doc__.split("\n")[0])
    ap.add_argument("--profile", default="karabakh-2020")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every difference from the gold")
    args = ap.parse_args(argv or [])
    scores = evaluate_sets(args.profile)
    print(report(scores, args.verbose))
    bad = [s.name for s in scores if s.f1 < TARGET_F1 or s.accuracy("claimant_party") < TARGET_CLAIMANT]
    if bad:
        print(f"losses: under target (F1 >= {TARGET_F1}, claimant accuracy >= {TARGET_CLAIMANT}) on {', '.join(bad)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
