"""Score the outlet inferred from an article's text on the gold folders (no sidecar).

Every held-out folder of helpers.eval_heldout (its kNN.txt files, the true outlet from
statements_heldout.yaml `passages[].outlet`) and the seeds (true outlet from seeds/sources.csv)
are read as one scraped folder would be: no sidecar, so the outlet comes from the text.
Both the inferred and the true name are mapped through the profile's outlet names and
aliases (`Profile.outlet_name`), so "Al Khaleej" and "Al-Khaleej" are the same outlet.
Prints accuracy, the unknown rate and the confusions; a measurement, main() returns 0.
The unseen set (eval_heldout.UNSEEN_SET) is scored on its own line and its articles are
never listed, so the confusions shown for fixing rules come only from the other sets.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from helpers.articles import apply_metadata, read_article
from helpers.eval_heldout import HELDOUT_SETS, STATEMENTS_GOLD, UNSEEN_SET, _heldout_folder
from helpers.paths import SEEDS, SOURCES_CSV
from helpers.profile import Profile, load_profile, load_yaml


def gold_outlets() -> list[tuple[Path, str]]:
    """(article file, true outlet) of every held-out article and every seed."""
    out = []
    for _, folder in HELDOUT_SETS:
        gold = folder / STATEMENTS_GOLD
        if not gold.is_file():
            continue
        data = load_yaml(gold.read_text(encoding="utf-8")) or {}
        for p in data.get("passages") or []:
            path = folder / f"{p['id']}.txt"
            if path.is_file() and p.get("outlet"):
                out.append((path, str(p["outlet"])))
    if SOURCES_CSV.is_file():
        with SOURCES_CSV.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                path = SEEDS / f"{row['article_id']}.txt"
                if path.is_file():
                    out.append((path, row.get("outlet") or "unknown"))
    return out


def evaluate(profile: Profile, unseen: bool = False) -> dict:
    """Infer each gold article's outlet without a sidecar and compare: counts and confusions,
    on the sets used for fixes and the seeds, or (unseen=True) on the unseen set only."""
    rows = []
    seconds = 0.0
    unseen_dir = _heldout_folder(UNSEEN_SET).resolve()
    for path, true in gold_outlets():
        if (path.parent.resolve() == unseen_dir) != unseen:
            continue
        art, _ = read_article(path)
        if art is None:
            continue
        t0 = time.perf_counter()
        apply_metadata(art, None, profile, [])
        seconds += time.perf_counter() - t0
        rows.append((f"{path.parent.name}/{path.stem}", profile.outlet_name(true), profile.outlet_name(art.outlet)))
    n = len(rows)
    right = sum(t == p for _, t, p in rows)
    unknown = sum(p == "unknown" for _, _, p in rows)
    wrong = [(a, t, p) for a, t, p in rows if t != p and p != "unknown"]
    missed = Counter(t for _, t, p in rows if p == "unknown" and t != "unknown")
    return {"n": n, "right": right, "unknown": unknown, "wrong": wrong, "missed": missed,
            "ms_per_article": 1000 * seconds / max(n, 1)}


def main(argv: list[str] | None = None) -> int:
    """Print the outlet figures on the gold folders."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", default="karabakh-2020")
    args = ap.parse_args(argv)
    profile = load_profile(args.profile)
    res = evaluate(profile)
    for label, r in (("sets used for fixes and seeds", res), (f"unseen set heldout-{UNSEEN_SET}", evaluate(profile, True))):
        n = max(r["n"], 1)
        print(f"{label}: {r['n']} articles, accuracy {r['right'] / n:.3f} ({r['right']}), "
              f"unknown {r['unknown'] / n:.3f} ({r['unknown']}), wrong outlet {len(r['wrong'])}; "
              f"metadata {r['ms_per_article']:.2f} ms/article")
    print("\nwrong outlet, sets used for fixes (article: true -> inferred):")
    for aid, t, p in res["wrong"]:
        print(f"  {aid}: {t} -> {p}")
    print("\nunknown although the gold names one, sets used for fixes (true outlet: count):")
    for t, c in res["missed"].most_common():
        print(f"  {t}: {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
