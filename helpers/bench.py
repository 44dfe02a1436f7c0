"""`make bench`: throughput and memory of loading + extraction on a synthetic corpus.

The corpus recombines the seeds' paragraphs with varied numbers (and digit scripts),
actors (swapped for others of the same kind from the profile) and phrasings (reporting
verbs), plus a few files in other encodings and HTML. Each size runs in a fresh
subprocess (`run_folder`, streaming, with a cache folder) so its peak memory is measured
alone; the smallest corpus is also run serially with no cache, and its first articles are
loaded and extracted in this process with the two stages timed apart (the per-core extraction
figure); then 10 new articles are added to the largest corpus and the cached re-run is
timed; then one article with no sentence punctuation is extracted at two lengths (time per
word should stay flat); then the whole notebook pipeline runs on the five seeds.

    python -m helpers.bench [--sizes 1000,10000,100000] [--workers 0] [--out outputs]

Writes OUT/bench/throughput.json, incremental.json, seeds_pipeline.json, summary.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers import paths

DEFAULT_SIZES = (1000, 10_000, 100_000)
NEW_ARTICLES = 10

_VERB_SWAPS = [
    ("أعلنت", ("أعلنت", "قالت", "ذكرت", "أكدت", "أفادت")),
    ("أعلن", ("أعلن", "قال", "ذكر", "أكد", "أفاد")),
    ("قالت", ("قالت", "أكدت", "أوضحت", "ذكرت")),
    ("قال", ("قال", "أكد", "أوضح", "صرح", "ذكر")),
]
_DIGITS = {"ascii": "0123456789", "indic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}


# ---------------------------------------------------------------- the synthetic corpus

class Synth:
    """Builds synthetic articles from the seeds' paragraphs (deterministic for a seed)."""

    def __init__(self, seed: int = 7, profile_name: str = "karabakh-2020"):
        from helpers.profile import load_profile
        from helpers.text import paragraphs

        self.rng = random.Random(seed)
        self.paras: list[str] = []
        for p in sorted(paths.SEEDS.glob("*.txt")):
            raw = p.read_text(encoding="utf-8")
            self.paras.extend(s.text for s in paragraphs(raw))
        prof = load_profile(profile_name)
        by_kind: dict[str, list[str]] = {}
        for a in prof.data.get("actors", []):
            for s in a.get("match", []):
                if len(str(s)) >= 4:
                    by_kind.setdefault(str(a.get("kind", "institution")), []).append(str(s))
        self.kind_of = {s: k for k, ss in by_kind.items() for s in ss}
        self.by_kind = by_kind
        names = sorted(self.kind_of, key=len, reverse=True)
        self.actor_re = re.compile("|".join(re.escape(n) for n in names)) if names else None
        self.verb_re = re.compile(r"(?<![\u0621-\u064a])(" + "|".join(v for v, _ in _VERB_SWAPS) + r")(?![\u0621-\u064a])")
        self.verbs = dict(_VERB_SWAPS)
        self.num_re = re.compile(r"(?<![\w\-/])\d{1,4}(?![\w\-/])")

    def _number(self, m: re.Match) -> str:
        value = str(max(1, int(int(m.group(0)) * self.rng.uniform(0.3, 3.0)))) if self.rng.random() < 0.7 else m.group(0)
        script = self.rng.choices(("ascii", "indic", "persian"), (0.75, 0.2, 0.05))[0]
        return value.translate(str.maketrans("0123456789", _DIGITS[script]))

    def _actor(self, m: re.Match) -> str:
        if self.rng.random() < 0.35:
            return self.rng.choice(self.by_kind[self.kind_of[m.group(0)]])
        return m.group(0)

    def _verb(self, m: re.Match) -> str:
        return self.rng.choice(self.verbs[m.group(1)]) if self.rng.random() < 0.5 else m.group(1)

    def article(self) -> str:
        """One synthetic article: 10 to 30 seed paragraphs, varied."""
        k = self.rng.randint(10, 30)
        out = []
        for para in self.rng.sample(self.paras, k):
            para = self.num_re.sub(self._number, para)
            if self.actor_re is not None:
                para = self.actor_re.sub(self._actor, para)
            para = self.verb_re.sub(self._verb, para)
            out.append(para)
        return "\n\n".join(out) + "\n"

    def write(self, folder: Path, n: int, prefix: str = "syn") -> int:
        """Write n articles into folder (one at a time); returns the bytes written."""
        folder.mkdir(parents=True, exist_ok=True)
        total = 0
        for i in range(n):
            text = self.article()
            r = self.rng.random()
            name = f"{prefix}_{i:06d}.txt"
            if r < 0.01:
                data = f"<html><body><article>{''.join(f'<p>{p}</p>' for p in text.split(chr(10)) if p)}</article></body></html>".encode()
                name = name[:-4] + ".html"
            elif r < 0.03:
                data = b"\xef\xbb\xbf" + text.encode("utf-8")
            elif r < 0.04:
                try:
                    data = text.encode("cp1256")
                except UnicodeEncodeError:
                    data = text.encode("utf-8")
            else:
                data = text.encode("utf-8")
            (folder / name).write_bytes(data)
            total += len(data)
        return total


# ---------------------------------------------------------------- one measured run (child)

def _child(folder: str, workers: int, cache: str, out_json: str) -> None:
    """Run load + extraction over a folder and write the figures (runs in its own process)."""
    from helpers.corpus import RunStats, extractor_version, run_folder
    from helpers.profile import load_profile

    t0 = time.perf_counter()
    prof = load_profile("karabakh-2020")
    stats = RunStats()
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-tables-") as tables_dir:
        counts = run_folder(folder, None, prof, workers=workers, cache_dir=cache or None, stats=stats,
                            tables_dir=tables_dir)
        t2 = time.perf_counter()
        import pandas as pd

        chars = pd.read_csv(Path(tables_dir) / "articles.csv", usecols=["chars"])["chars"]
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    res = {
        "articles": int(counts["articles"]),
        "files": int(stats.extracted + stats.cached),
        "extracted": stats.extracted,
        "cached": stats.cached,
        "losses": int(counts["losses"]),
        "statements": int(counts["statements"]),
        "problems": int(len(counts["problems"])),
        "chars_mean": round(float(chars.mean()), 1) if len(chars) else 0.0,
        "seconds": round(t2 - t1, 3),
        "startup_seconds": round(t1 - t0, 3),
        "backend": stats.backend,
        "workers": stats.workers,
        "peak_rss_main_mb": round(me, 1),
        "peak_rss_worker_mb": round(kids, 1),
        "extractor_version": extractor_version(),
    }
    Path(out_json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


def measure(folder: Path, workers: int, cache: Path | None) -> dict:
    """Run _child in a fresh interpreter and return its figures plus wall time."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        target = fh.name
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "helpers.bench", "--child", str(folder), "--workers", str(workers),
                    "--cache", str(cache or ""), "--child-json", target], check=True)
    wall = time.perf_counter() - t0
    res = json.loads(Path(target).read_text(encoding="utf-8"))
    os.unlink(target)
    res["wall_seconds"] = round(wall, 3)
    n = max(1, res["extracted"])
    res["articles_per_s"] = round(n / res["seconds"], 1) if res["seconds"] else None
    res["articles_per_s_per_core"] = round(n / res["seconds"] / res["workers"], 1) if res["seconds"] else None
    return res


# ---------------------------------------------------------------- the benchmark

def seeds_pipeline_seconds() -> dict:
    """Wall time of the whole notebook pipeline on the five seeds (into a temporary OUT)."""
    with tempfile.TemporaryDirectory(prefix="bench-seeds-") as tmp:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "helpers.pipeline", "--seeds", str(paths.SEEDS),
                               "--out", tmp, "--no-progress"], capture_output=True, text=True)
        wall = time.perf_counter() - t0
    return {"wall_seconds": round(wall, 2), "exit_code": proc.returncode,
            "notebooks": len(list(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))),
            "error": proc.stderr.strip().splitlines()[-1] if proc.returncode and proc.stderr.strip() else ""}


def unpunctuated_seconds(word_counts: tuple[int, ...] = (10_000, 50_000)) -> dict:
    """Extraction time of one article made of the seeds' words with every full stop, question
    mark and line break removed (a scrape that lost its punctuation), at two lengths: the
    time per word should stay flat (sentences are capped, look-backs bounded)."""
    from helpers.articles import Article
    from helpers.corpus import extract_article
    from helpers.profile import load_profile

    words = re.sub(r"[.!?؟…\n]+", " ", Synth(seed=7).article()).split()
    prof = load_profile("karabakh-2020")
    out = {}
    for n in word_counts:
        text = " ".join(words[i % len(words)] for i in range(n))
        art = Article(article_id="unpunctuated", file="unpunctuated.txt", raw=text, encoding="utf-8")
        t0 = time.perf_counter()
        extract_article(art, prof)
        sec = time.perf_counter() - t0
        out[str(n)] = {"words": n, "characters": len(text), "seconds": round(sec, 2),
                       "microseconds_per_word": round(sec / n * 1e6, 1)}
    return out


def stage_seconds(folder: Path, n: int = 300) -> dict:
    """Per-article time of the two stages on one core, in this process, over the first n
    files of a corpus: loading (read, decode, metadata, sentences) and extraction (losses and
    statements). One article is run first, untimed, so regex compilation is not counted."""
    import datetime as dt

    from helpers.corpus import extract_article, load_from_files
    from helpers.profile import load_profile

    prof = load_profile("karabakh-2020")
    files = sorted(p for p in folder.iterdir() if p.is_file())[:n]
    tasks = [([str(f)], None, dt.date.today().isoformat(), str(folder)) for f in files]
    first, _ = load_from_files(tasks[0], prof)
    first.row()
    loaded = []
    t0 = time.perf_counter()
    for task in tasks:  # as a run does: read, decode, metadata, the articles-table row (sentences)
        art, _ = load_from_files(task, prof)
        if art is not None:
            art.row()
            loaded.append(art)
    load = time.perf_counter() - t0
    extract_article(first, prof)
    t0 = time.perf_counter()
    for art in loaded:
        extract_article(art, prof)
    extract = time.perf_counter() - t0
    k = max(len(loaded), 1)
    return {"articles": len(loaded), "load_ms_per_article": round(load / k * 1000, 2),
            "extract_ms_per_article": round(extract / k * 1000, 2),
            "extract_articles_per_s": round(k / extract, 1) if extract else None}


def _row(label: str, r: dict) -> str:
    return (f"{label:>22} {r.get('extracted', 0):>8} {r['seconds']:>9.1f} {r['articles_per_s'] or 0:>9.0f} "
            f"{r['articles_per_s_per_core'] or 0:>9.0f} {r['workers']:>3} {r['peak_rss_main_mb']:>8.0f} "
            f"{r['peak_rss_worker_mb']:>8.0f}")


def run_bench(sizes: list[int], workers: int, out: Path, keep: bool = False, pipeline: bool = True,
              work_dir: Path | None = None) -> dict:
    """Build the corpora, measure each size, the incremental re-run and the seeds pipeline."""
    from helpers.corpus import resolve_workers

    bench_dir = out / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    from helpers.corpus import extractor_version

    # one extractor version for every child, so edits made while the benchmark runs cannot
    # invalidate the cache between the full run and the incremental re-run
    os.environ["CLAIMS_EXTRACTOR_VERSION"] = "b" + extractor_version()[:11]
    base = Path(tempfile.mkdtemp(prefix="claims-bench-", dir=work_dir))
    n_workers = resolve_workers(workers)
    summary: dict = {"machine": {"cores": os.cpu_count(), "workers": n_workers, "python": sys.version.split()[0]},
                     "sizes": {}, "serial": None, "stages": None, "incremental": None, "unpunctuated": None, "seeds_pipeline": None}
    print(f"{'run':>22} {'articles':>8} {'seconds':>9} {'art/s':>9} {'art/s/core':>9} {'w':>3} "
          f"{'main MB':>8} {'worker MB':>8}", flush=True)
    try:
        largest = None
        for n in sorted(sizes):
            folder = base / f"corpus_{n}"
            t0 = time.perf_counter()
            nbytes = Synth(seed=7).write(folder, n)
            gen = time.perf_counter() - t0
            res = measure(folder, n_workers, base / f"cache_{n}")
            res.update({"size": n, "corpus_mb": round(nbytes / 1e6, 1), "generate_seconds": round(gen, 1)})
            summary["sizes"][str(n)] = res
            print(_row(f"{n} articles", res), flush=True)
            if n == min(sizes):
                serial = measure(folder, 1, None)
                summary["serial"] = serial | {"size": n}
                print(_row(f"{n} serial, no cache", serial), flush=True)
                st = stage_seconds(folder)
                summary["stages"] = st
                print(f"one core, {st['articles']} articles: loading {st['load_ms_per_article']:.1f} ms/article, "
                      f"extraction {st['extract_ms_per_article']:.1f} ms/article "
                      f"({st['extract_articles_per_s']:.0f} articles/s)", flush=True)
            if largest is not None:
                shutil.rmtree(base / f"corpus_{largest}", ignore_errors=True)
                shutil.rmtree(base / f"cache_{largest}", ignore_errors=True)
            largest = n
        # incremental: NEW_ARTICLES new files in the largest corpus, cache already filled
        folder = base / f"corpus_{largest}"
        Synth(seed=99).write(folder, NEW_ARTICLES, prefix="new")
        inc = measure(folder, n_workers, base / f"cache_{largest}")
        inc.update({"size": largest + NEW_ARTICLES, "new_articles": NEW_ARTICLES})
        summary["incremental"] = inc
        print(_row(f"+{NEW_ARTICLES} new (cached {largest})", inc), flush=True)
        print(f"incremental re-run: {inc['extracted']} extracted, {inc['cached']} from the cache, "
              f"{inc['articles']} articles in the tables, {inc['seconds']:.1f} s", flush=True)
        if inc["extractor_version"] != summary["sizes"][str(largest)]["extractor_version"]:
            inc["note"] = "the extraction code changed during the benchmark, so the cache was (rightly) invalidated"
            print("note: " + inc["note"], flush=True)
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)
    summary["unpunctuated"] = unpunctuated_seconds()
    print("one article without sentence punctuation: " + ", ".join(
        f"{r['words']:,} words in {r['seconds']:.1f} s ({r['microseconds_per_word']:.0f} µs/word)"
        for r in summary["unpunctuated"].values()), flush=True)
    if pipeline:
        summary["seeds_pipeline"] = seeds_pipeline_seconds()
        sp = summary["seeds_pipeline"]
        print(f"seeds pipeline ({sp['notebooks']} notebooks, HTML export included): {sp['wall_seconds']:.1f} s wall"
              + (f" (FAILED: {sp['error']})" if sp["exit_code"] else ""), flush=True)
    (bench_dir / "throughput.json").write_text(json.dumps({"sizes": summary["sizes"], "serial": summary["serial"],
                                                           "stages": summary["stages"], "machine": summary["machine"]}, ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    (bench_dir / "incremental.json").write_text(json.dumps(summary["incremental"], ensure_ascii=False, indent=1),
                                                encoding="utf-8")
    (bench_dir / "seeds_pipeline.json").write_text(json.dumps(summary["seeds_pipeline"], ensure_ascii=False, indent=1),
                                                   encoding="utf-8")
    (bench_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"figures written to {bench_dir}", flush=True)
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(prog="python -m helpers.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or ",".join(str(s) for s in DEFAULT_SIZES),
                    help="comma-separated corpus sizes (default $BENCH_SIZES or 1000,10000,100000)")
    ap.add_argument("--workers", type=int, default=0, help="worker processes (0: all cores)")
    ap.add_argument("--out", default=str(paths.OUTPUTS), help="output folder; figures go to OUT/bench/")
    ap.add_argument("--work-dir", default=None, help="where to build the synthetic corpora (default: temp)")
    ap.add_argument("--keep", action="store_true", help="keep the synthetic corpora")
    ap.add_argument("--no-pipeline", action="store_true", help="skip the seeds pipeline timing")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--cache", default="", help=argparse.SUPPRESS)
    ap.add_argument("--child-json", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child, args.workers, args.cache, args.child_json)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    run_bench(sizes, args.workers, Path(args.out), keep=args.keep, pipeline=not args.no_pipeline,
              work_dir=Path(args.work_dir) if args.work_dir else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
