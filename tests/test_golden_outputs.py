"""Golden outputs: extraction must give exactly the rows recorded in tests/golden/.

A safety net for performance work: every text (the seeds, the gold passages, the held-out
passages, the statements passages and a fixed synthetic sample recombined from the seeds)
goes through `helpers.corpus.extract_article`, and every losses and statements row, all
columns, must equal the snapshot. The snapshot stores the input texts and metadata too, so
the test checks extraction only (not loading).

Regenerate ONLY for an intended behaviour change:
    .venv/bin/python -m tests.test_golden_outputs --write
or, to keep the stored texts (the synthetic ones depend on the profile) and re-record only
the rows extracted from them:
    .venv/bin/python -m tests.test_golden_outputs --write-outputs
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from helpers import paths
from helpers.articles import Article
from helpers.corpus import extract_article
from helpers.profile import load_profile

GOLDEN = Path(__file__).resolve().parent / "golden" / "extraction.json"
PROFILE = "karabakh-2020"
PASSAGE_DATE = "2020-10-20"
SYNTHETIC = 60  # synthetic articles in the snapshot (texts stored in it)


def _cases() -> list[dict]:
    """The input texts with the metadata extraction reads (regeneration only)."""
    import yaml

    from helpers.articles import load_articles
    from helpers.bench import Synth

    profile = load_profile(PROFILE)
    cases: list[dict] = []
    arts, _ = load_articles(paths.SEEDS, paths.SEEDS / "sources.csv", profile)
    for a in arts:
        cases.append({"id": f"seed/{a.article_id}", "article_id": a.article_id, "file": a.file, "raw": a.raw,
                      "outlet": a.outlet, "published": a.published})
    gold = paths.ROOT / "tests" / "gold"
    for folder in ("passages", "heldout"):
        for p in sorted((gold / folder).glob("*.txt")):
            cases.append({"id": f"{folder}/{p.stem}", "article_id": p.stem, "file": p.name,
                          "raw": p.read_text(encoding="utf-8"), "outlet": "passage", "published": PASSAGE_DATE})
    for yml in (gold / "statements_passages.yaml", gold / "heldout" / "statements_heldout.yaml"):
        data = yaml.safe_load(yml.read_text(encoding="utf-8"))
        for p in data["passages"]:
            cases.append({"id": f"{yml.stem}/{p['id']}", "article_id": str(p["id"]), "file": f"{p['id']}.txt",
                          "raw": str(p["text"]), "outlet": str(p.get("outlet", "passage")),
                          "published": PASSAGE_DATE})
    synth = Synth(seed=20201)
    for i in range(SYNTHETIC):
        cases.append({"id": f"synthetic/{i:03d}", "article_id": f"syn{i:03d}", "file": f"syn{i:03d}.txt",
                      "raw": synth.article(), "outlet": "synthetic", "published": PASSAGE_DATE})
    return cases


def _article(case: dict) -> Article:
    """An Article from a snapshot case."""
    return Article(article_id=case["article_id"], file=case["file"], raw=case["raw"], encoding="utf-8",
                   outlet=case["outlet"], published=case["published"])


def _jsonable(rows: list[dict]) -> list[dict]:
    """Rows as they read back from JSON (tuples become lists, exotic values their repr)."""
    return json.loads(json.dumps(rows, ensure_ascii=False, default=repr))


def outputs_for(case: dict, profile) -> dict[str, list[dict]]:
    """The losses and statements rows extract_article gives for one case."""
    res = extract_article(_article(case), profile)
    return {"losses": _jsonable(res["losses"]), "statements": _jsonable(res["statements"])}


def write_snapshot() -> Path:
    """Record the current outputs (run only for an intended behaviour change)."""
    profile = load_profile(PROFILE)
    cases = _cases()
    snap = {"profile": PROFILE, "cases": cases, "outputs": {c["id"]: outputs_for(c, profile) for c in cases}}
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(snap, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return GOLDEN


def write_outputs_only() -> Path:
    """Re-record the rows of the stored cases, texts unchanged (an intended extraction change)."""
    profile = load_profile(PROFILE)
    snap = _load()
    snap["outputs"] = {c["id"]: outputs_for(c, profile) for c in snap["cases"]}
    GOLDEN.write_text(json.dumps(snap, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return GOLDEN


def _load() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


SNAP = _load() if GOLDEN.is_file() else {"cases": [], "outputs": {}}


def test_snapshot_is_substantial():
    """The snapshot covers all the sets and holds rows of both kinds."""
    ids = [c["id"] for c in SNAP["cases"]]
    assert sum(i.startswith("seed/") for i in ids) == 5
    assert sum(i.startswith("synthetic/") for i in ids) == SYNTHETIC
    assert sum(len(o["losses"]) for o in SNAP["outputs"].values()) > 200
    assert sum(len(o["statements"]) for o in SNAP["outputs"].values()) > 200


@pytest.mark.parametrize("case", SNAP["cases"], ids=lambda c: c["id"])
def test_outputs_match_snapshot(case, profile):
    """Every row, every column, in order, equals the recorded one."""
    got = outputs_for(case, profile)
    want = SNAP["outputs"][case["id"]]
    for kind in ("losses", "statements"):
        assert len(got[kind]) == len(want[kind]), f"{kind}: {len(got[kind])} rows, snapshot {len(want[kind])}"
        for i, (g, w) in enumerate(zip(got[kind], want[kind], strict=True)):
            assert g == w, f"{kind} row {i} differs: " + ", ".join(
                f"{k}: {g.get(k)!r} != {w.get(k)!r}" for k in sorted(set(g) | set(w)) if g.get(k) != w.get(k))


if __name__ == "__main__":
    if "--write-outputs" in sys.argv[1:]:
        print(f"wrote {write_outputs_only()}")
    elif "--write" in sys.argv[1:]:
        print(f"wrote {write_snapshot()}")
    else:
        print(__doc__)
