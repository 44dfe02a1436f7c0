"""Corpus-scale extraction: one function per article, run serially, across processes or on
Dask, with an incremental cache so a re-run extracts only new or changed articles.

- `extract_article(article, profile)` is the single per-article unit: attribution once,
  passed to the losses and statements extractors.
- `extract_corpus(articles_df, seeds_dir, profile, ...)` runs it over the articles table
  (what notebooks 02/03 call); `run_folder(seeds_dir, ...)` also loads the files (what the
  benchmark and very large corpora use). Both return complete tables in article order.
- Work is spread over `workers` processes (0 = all cores) when there is enough of it, or
  over Dask (`backend="dask"`; local processes by default, any cluster by `dask_address`).
- The cache is a folder of Parquet files queried with DuckDB (embedded, no server). An
  entry's key is the hash of the article's bytes and metadata, the extractor version (hash
  of the source of every helpers module extraction imports) and the profile version, so a
  code or lexicon change invalidates exactly what it should.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.profile import Profile, load_profile

KINDS = ("losses", "statements")
FOLDER_KINDS = ("articles", "problems", "losses", "statements")
ENTRY_MODULES = ("helpers.articles", "helpers.losses", "helpers.attribution", "helpers.statements", "helpers.corpus")
PARALLEL_MIN = 48  # fewer articles than this run in the calling process (a pool costs more)
BATCH = 1000  # articles per cache part file (bounds memory: results are flushed per batch)
INTERNAL = ("_key", "_part", "_seq")


# ---------------------------------------------------------------- versions and keys

def _module_file(name: str) -> Path | None:
    """The source file of a helpers module, without importing it."""
    from helpers import paths

    rel = name.split(".", 1)[1].replace(".", "/") if "." in name else ""
    path = paths.ROOT / "helpers" / f"{rel}.py"
    return path if path.is_file() else None


_DOTTED_IMPORT = re.compile(r"\bhelpers\.(\w+)")
_FROM_HELPERS = re.compile(r"^\s*from\s+helpers\s+import\s+(\([^)]*\)|[^\n]*)", re.M)


def _helpers_imports(path: Path) -> set[str]:
    """The helpers modules a source file imports (any import form). A text scan, not a parse
    (a parse of every module cost 0.7 s per process): it may also count a module that is only
    named in a comment, which at worst adds a file to the version hash."""
    src = path.read_text(encoding="utf-8")
    found = {f"helpers.{m}" for m in _DOTTED_IMPORT.findall(src)}
    for names in _FROM_HELPERS.findall(src):
        found.update(f"helpers.{n}" for n in re.findall(r"\b(\w+)\b(?:\s+as\s+\w+)?", re.sub(r"#[^\n]*", "", names))
                     if n != "as")
    return found


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of the source of every helpers module extraction depends on (transitively);
    $CLAIMS_EXTRACTOR_VERSION overrides it (the benchmark pins it so edits made while it
    runs do not invalidate its cache; never set it for real runs)."""
    if os.environ.get("CLAIMS_EXTRACTOR_VERSION"):
        return os.environ["CLAIMS_EXTRACTOR_VERSION"][:12]
    todo, seen = list(ENTRY_MODULES), {}
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        path = _module_file(mod)
        seen[mod] = path
        if path is not None:
            todo.extend(_helpers_imports(path) - set(seen))
    h = hashlib.sha256()
    for mod in sorted(seen):
        if seen[mod] is not None:
            h.update(mod.encode() + b"\0" + seen[mod].read_bytes() + b"\0")
    return h.hexdigest()[:12]


_META_FIELDS = ("article_id", "file", "outlet", "outlet_source", "published", "published_source",
                "title", "url", "notes")


def article_key(content_sha: str, meta: dict, profile: Profile) -> str:
    """Cache key of one article: its bytes and metadata, the extractor and profile versions."""
    blob = json.dumps([content_sha, *[str(meta.get(k, "") or "") for k in _META_FIELDS]], ensure_ascii=False)
    h = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]
    return f"{h}-{extractor_version()}-{profile.version}"


# ---------------------------------------------------------------- the per-article unit

def _plain(row) -> dict:
    """A result row as a plain dict (dataclasses converted)."""
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return dataclasses.asdict(row)
    return dict(row)


def extract_article(article, profile: Profile) -> dict[str, list[dict]]:
    """Everything extracted from one article: attribution and the loss mentions are computed
    once and feed both the losses and the statements extractor; rows are plain dicts."""
    from helpers.attribution import attribute
    from helpers.losses import extract_losses, loss_mentions
    from helpers.statements import extract_statements

    attrs = attribute(article, profile)
    mentions = loss_mentions(article, profile, attrs)
    losses = extract_losses(article, profile, attributions=attrs, mentions=mentions)
    statements = extract_statements(article, profile, attributions=attrs, mentions=mentions)
    return {"losses": [_plain(r) for r in losses], "statements": [_plain(r) for r in statements]}


def safe_extract(article, profile: Profile) -> dict[str, list[dict]]:
    """extract_article, but an article that makes an extractor fail yields no rows and one
    problem row (file, problem, action) instead of stopping the whole corpus."""
    try:
        return extract_article(article, profile)
    except (Exception, RecursionError) as exc:  # one bad article must not stop 100k others
        msg = f"extraction failed ({type(exc).__name__}: {str(exc)[:200]})"
        return {k: [] for k in KINDS} | {"problems": [{"file": article.file, "problem": msg,
                                                        "action": "no losses or statements from this article"}]}


def _profile_of(ref: Profile | str) -> Profile:
    """A profile from a Profile, a name or a path (cached per process)."""
    return ref if isinstance(ref, Profile) else load_profile(str(ref))


def _task_from_row(payload: tuple, profile_ref) -> dict[str, list[dict]]:
    """Worker unit for extract_corpus: re-open the article listed in the table and extract."""
    from helpers.articles import InputError, article_from_row

    row, seeds_dir = payload
    try:
        art = article_from_row(row, seeds_dir)
    except InputError:
        return {k: [] for k in KINDS} | {"problems": [{"file": str(row.get("file", "")),
                                                        "problem": "listed in articles.csv but can no longer be read",
                                                        "action": "skipped"}]}
    return safe_extract(art, _profile_of(profile_ref))


def load_from_files(payload: tuple, profile_ref) -> tuple:
    """Load one article id for run_folder (its candidate files in name order, the first
    readable wins, later ones are duplicates) and apply its metadata: (article or None,
    problems)."""
    from helpers.articles import Problem, apply_metadata, read_article, relative_name

    files, side, today_iso, root = payload
    profile = _profile_of(profile_ref)
    problems: list[Problem] = []
    art = None
    for path in files:
        path = Path(path)
        if art is not None:
            problems.append(Problem(relative_name(path, root), f"duplicate article id {art.article_id!r} "
                                                               f"(also {art.file})", "skipped"))
            continue
        art, probs = read_article(path, root=root)
        problems.extend(probs)
    if art is not None:
        apply_metadata(art, side, profile, problems, dt.date.fromisoformat(today_iso))
    return art, problems


def _task_from_files(payload: tuple, profile_ref) -> dict[str, list[dict]]:
    """Worker unit for run_folder: load one article id (load_from_files), extract."""
    from helpers.articles import Problem

    profile = _profile_of(profile_ref)
    art, problems = load_from_files(payload, profile)
    out: dict[str, list[dict]] = {"articles": [], "losses": [], "statements": []}
    if art is not None:
        out["articles"] = [art.row()]
        res = safe_extract(art, profile)
        out["losses"], out["statements"] = res["losses"], res["statements"]
        problems.extend(Problem(**p) for p in res.get("problems", []))
    out["problems"] = [dict(p.__dict__) for p in problems]
    return out


def _run_chunk(chunk: list[tuple[str, tuple]], func: Callable, profile_ref) -> list[tuple[str, dict]]:
    """Run a worker unit over a chunk of (key, payload) pairs (a Dask partition, a pool task)."""
    return [(key, func(payload, profile_ref)) for key, payload in chunk]


# ---------------------------------------------------------------- the Parquet + DuckDB store

class Store:
    """Per-article results as Parquet parts (KIND/part-*.parquet, with an index/ part
    written last so a part is visible only when complete), queried with DuckDB."""

    def __init__(self, root: Path | str, kinds: Iterable[str]):
        self.root = Path(root)
        self.kinds = tuple(kinds)
        for k in (*self.kinds, "index"):
            (self.root / k).mkdir(parents=True, exist_ok=True)

    def _glob(self, kind: str) -> str:
        return str(self.root / kind / "*.parquet")

    def _has(self, kind: str) -> bool:
        return any((self.root / kind).glob("*.parquet"))

    _db = None  # one in-memory DuckDB per process; each query gets its own cursor

    def _con(self):
        """A fresh DuckDB connection (a cursor on a shared in-memory database: opening a new
        database costs 20 ms, a cursor a fifth of a millisecond)."""
        import duckdb

        if Store._db is None:
            Store._db = duckdb.connect()
        return Store._db.cursor()

    def known(self, keys: list[str]) -> set[str]:
        """The keys among `keys` that the store holds."""
        if not keys or not self._has("index"):
            return set()
        import pyarrow as pa

        con = self._con()
        con.register("wanted", pa.table({"key": keys}))
        got = con.execute(
            f"SELECT DISTINCT i.key FROM read_parquet('{self._glob('index')}') i JOIN wanted w ON i.key = w.key"
        ).fetchall()
        con.close()
        return {r[0] for r in got}

    def write(self, results: list[tuple[str, dict]]) -> None:
        """Write one part: the rows of every kind, then the index (atomic renames)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not results:
            return
        part = f"{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        for kind in self.kinds:
            rows = []
            for key, res in results:
                for seq, row in enumerate(res.get(kind, [])):
                    rows.append({**row, "_key": key, "_part": part, "_seq": seq})
            if rows:
                _write_atomic(_to_arrow(rows, pa), self.root / kind / f"part-{part}.parquet", pq)
        index = pa.table({"key": [k for k, _ in results], "part": [part] * len(results)})
        _write_atomic(index, self.root / "index" / f"part-{part}.parquet", pq)

    def read(self, kind: str, keys: list[str]) -> pd.DataFrame:
        """The rows of `kind` for `keys`, in the order of `keys` then of extraction; one
        part per key (the earliest) if a key was written more than once."""
        if not keys or not self._has(kind):
            return pd.DataFrame()
        import pyarrow as pa

        con = self._con()
        con.register("wanted", pa.table({"key": keys, "ord": list(range(len(keys)))}))
        table = con.sql(
            f"""
            WITH chosen AS (
                SELECT i.key, min(i.part) AS part
                FROM read_parquet('{self._glob('index')}') i JOIN wanted w ON i.key = w.key
                GROUP BY i.key)
            SELECT r.* FROM read_parquet('{self._glob(kind)}', union_by_name = true) r
            JOIN chosen c ON r._key = c.key AND r._part = c.part
            JOIN wanted w ON r._key = w.key
            ORDER BY w.ord, r._seq
            """
        ).to_arrow_table()
        con.close()
        df = table.to_pandas()
        return df.drop(columns=[c for c in INTERNAL if c in df.columns])

    def export_csv(self, kind: str, keys: list[str], target: Path | str, columns: list[str] | None = None,
                   chunk: int = 2000, order: Iterable[str] = ()) -> int:
        """Write the rows of `kind` for `keys` to a CSV file (article order, then the columns
        in `order`, then extraction order), `chunk` articles at a time, each chunk reading
        only the Parquet parts that hold its articles: memory stays bounded whatever the
        corpus size. Returns the rows."""
        import pyarrow as pa

        target = Path(target)
        key_part = self._parts(keys)
        cols: list[str] | None = list(columns) if columns else None
        template = _template(kind)
        # integer columns stay integers in the CSV ("20", not "20.0") when a chunk holds nulls
        integers = set() if template is None else {
            c for c in template.columns if pd.api.types.is_integer_dtype(template[c].dtype)}
        n = 0
        with open(target, "wb") as fh:
            header_done = False
            con = self._con()
            folder = self.root / kind
            for start in range(0, len(keys), chunk):
                ks = [k for k in keys[start:start + chunk] if k in key_part]
                files = [str(folder / f"part-{part}.parquet") for part in sorted({key_part[k] for k in ks})]
                files = [f for f in files if os.path.isfile(f)]
                if not files:
                    continue
                con.register("wanted", pa.table({"key": ks, "part": [key_part[k] for k in ks],
                                                 "ord": list(range(len(ks)))}))
                table = con.sql(
                    f"""SELECT r.* FROM read_parquet({files!r}, union_by_name = true) r
                        JOIN wanted w ON r._key = w.key AND r._part = w.part
                        ORDER BY w.ord, {"".join(f'r."{c}", ' for c in order)}r._seq"""
                ).to_arrow_table()
                con.unregister("wanted")
                if cols is None:
                    cols = [c for c in table.column_names if c not in INTERNAL]
                buffers = csv_buffers(table, cols, header=not header_done, integers=integers)
                if buffers is None:  # a type the Arrow writer does not format as pandas would
                    df = _cast_like(table.to_pandas().reindex(columns=cols), template)
                    buffers = [df.to_csv(header=not header_done, index=False).encode("utf-8")]
                for buf in buffers:
                    fh.write(buf)
                header_done = True
                n += table.num_rows
                del buffers, table
                pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed chunks otherwise
            con.close()
            if not header_done:
                fh.write(pd.DataFrame(columns=cols or []).to_csv(index=False).encode("utf-8"))
        return n

    def _parts(self, keys: list[str]) -> dict[str, str]:
        """For each stored key among `keys`, the part that holds it (the earliest)."""
        if not keys or not self._has("index"):
            return {}
        import pyarrow as pa

        con = self._con()
        con.register("wanted", pa.table({"key": keys}))
        rows = con.sql(
            f"""SELECT i.key, min(i.part) FROM read_parquet('{self._glob('index')}') i
                JOIN wanted w ON i.key = w.key GROUP BY i.key"""
        ).fetchall()
        con.close()
        return dict(rows)

    def prune(self, keep_keys: Iterable[str] | None = None) -> int:
        """Remove part files none of whose keys are in `keep_keys` (stale versions); returns
        the number of parts removed. Without `keep_keys` nothing is removed."""
        if keep_keys is None or not self._has("index"):
            return 0
        import pyarrow as pa

        con = self._con()
        con.register("wanted", pa.table({"key": list(keep_keys)}))
        stale = con.execute(
            f"""SELECT part FROM read_parquet('{self._glob('index')}')
                GROUP BY part HAVING count(*) FILTER (WHERE key IN (SELECT key FROM wanted)) = 0"""
        ).fetchall()
        con.close()
        for (part,) in stale:
            for kind in (*self.kinds, "index"):
                (self.root / kind / f"part-{part}.parquet").unlink(missing_ok=True)
        return len(stale)


def _to_arrow(rows: list[dict], pa):
    """Rows to an Arrow table; a column whose values mix types is stored as text."""
    try:
        return pa.Table.from_pylist(rows)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        cols = {k for r in rows for k in r}
        fixed = []
        for r in rows:
            fixed.append({k: (None if r.get(k) is None else json.dumps(r[k], ensure_ascii=False)
                              if isinstance(r.get(k), (list, dict)) else str(r[k])) if k not in INTERNAL
                          else r.get(k) for k in cols})
        return pa.Table.from_pylist(fixed)


def _write_atomic(table, target: Path, pq) -> None:
    """Write a Parquet file under a temporary name, then rename it into place."""
    tmp = target.with_suffix(".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, target)


# ---------------------------------------------------------------- running the work

def default_cache_dir() -> Path:
    """Where notebooks keep the extraction cache: $CLAIMS_CACHE_DIR, else outputs/.cache/extraction
    (outside any one report build, so every run shares it; keys are content hashes, so
    sharing it between output folders is safe)."""
    from helpers import paths

    return Path(os.environ.get("CLAIMS_CACHE_DIR") or paths.OUTPUTS / ".cache" / "extraction")


def resolve_workers(workers: int | None) -> int:
    """Worker processes to use: 0 or None means all cores available to this process."""
    if workers and workers > 0:
        return int(workers)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _batched(items: Iterable, n: int) -> Iterator[list]:
    batch = []
    for it in items:
        batch.append(it)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def _chunks(items: list, n: int) -> list[list]:
    """Split a list into n nearly equal consecutive chunks (none empty)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, pos = [], 0
    for i in range(n):
        step = size + (1 if i < extra else 0)
        out.append(items[pos:pos + step])
        pos += step
    return out


def _dask_results(tasks: list[tuple[str, tuple]], func: Callable, profile_ref, workers: int,
                  dask_address: str | None) -> Iterator[list[tuple[str, dict]]]:
    """Run tasks on Dask (dask.bag over partitions of tasks), batch by batch."""
    import dask
    import dask.bag as db

    client = None
    if dask_address:
        try:
            from distributed import Client
        except ImportError as exc:
            raise RuntimeError(
                "dask_address needs the 'distributed' package (pinned in requirements.txt: run make venv)."
            ) from exc
        client = Client(dask_address)
    try:
        for batch in _batched(tasks, BATCH * max(1, workers)):
            bag = db.from_sequence(_chunks(batch, workers * 4), npartitions=min(len(batch), workers * 4))
            parts = bag.map(_run_chunk, func, profile_ref)
            if client is not None:
                computed = client.compute(parts).result()
            else:
                import multiprocessing as mp

                ctx = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
                with dask.config.set({"scheduler": "processes", "num_workers": workers,
                                      "multiprocessing.context": ctx}):
                    computed = parts.compute()
            yield from computed
    finally:
        if client is not None:
            client.close()


def _results(tasks: list[tuple[str, tuple]], func: Callable, profile: Profile, workers: int,
             backend: str, dask_address: str | None) -> Iterator[list[tuple[str, dict]]]:
    """Yield lists of (key, result) for the tasks, serially, in a process pool or on Dask."""
    if not tasks:
        return
    n = resolve_workers(workers)
    if backend == "auto":
        backend = "dask" if dask_address else ("processes" if n > 1 and len(tasks) >= PARALLEL_MIN else "serial")
    if backend == "serial":
        for batch in _batched(tasks, BATCH):
            yield _run_chunk(batch, func, profile)
    elif backend == "processes":
        import multiprocessing as mp

        profile_ref = str(profile.path)
        chunk = max(1, min(64, len(tasks) // (n * 8) or 1))
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with ctx.Pool(n) as pool:
            it = pool.imap(_run_one, ((k, p, func, profile_ref) for k, p in tasks), chunksize=chunk)
            yield from _batched(it, BATCH)
    elif backend == "dask":
        yield from _dask_results(tasks, func, str(profile.path), n, dask_address)
    else:
        raise ValueError(f"Unknown backend {backend!r}: use auto, serial, processes or dask.")


def _run_one(item: tuple) -> tuple[str, dict]:
    """Pool unit: (key, payload, func, profile_ref) -> (key, result)."""
    key, payload, func, profile_ref = item
    return key, func(payload, profile_ref)


@dataclass
class RunStats:
    """What a run did: articles seen, taken from the cache, extracted; seconds spent.
    `progress`, if given, is called after each batch with (extracted so far, to extract,
    from the cache)."""

    articles: int = 0
    cached: int = 0
    extracted: int = 0
    seconds: float = 0.0
    backend: str = ""
    workers: int = 1
    errors: list = field(default_factory=list)
    progress: Callable[[int, int, int], None] | None = field(default=None, repr=False)


def _duration(seconds: float) -> str:
    """'45 s', '12 min', '1 h 05 min'."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{int(seconds // 3600)} h {int(seconds % 3600 // 60):02d} min"


class ProgressPrinter:
    """Progress lines for long extractions ("Progress: extracted 3,000 of 10,000 articles
    ..., 140 articles/s, about 50 s left"), at most every `every` seconds and once at the end;
    silent when fewer than `min_total` articles need extracting. The pipeline runner echoes
    lines starting with "Progress:" to the terminal."""

    PREFIX = "Progress:"

    def __init__(self, every: float = 5.0, min_total: int = BATCH, out: Callable[[str], None] | None = None) -> None:
        self.every, self.min_total = every, min_total
        self.out = out or (lambda line: print(line, flush=True))
        self.t0: float | None = None
        self.last = 0.0

    def __call__(self, done: int, total: int, cached: int) -> None:
        now = time.monotonic()
        if self.t0 is None:
            self.t0 = self.last = now
        if done == 0 or total < self.min_total or (done < total and now - self.last < self.every):
            return
        self.last = now
        rate = done / max(now - self.t0, 1e-6)
        left = f", about {_duration((total - done) / rate)} left" if done < total and rate > 0 else ""
        self.out(f"{self.PREFIX} extracted {done:,} of {total:,} articles ({cached:,} more from the cache), "
                 f"{rate:,.0f} articles/s{left}")


def _frames(store: Store, kinds: Iterable[str], keys: list[str]) -> dict[str, pd.DataFrame]:
    """Complete tables for `keys` from the store, conformed to each kind's columns and dtypes."""
    return {kind: conform(kind, store.read(kind, keys)) for kind in kinds}


EXACT_FRAME_ROWS = 20_000  # up to this many rows the module's own *_frame builds the table
_SORT_KEYS = {"statements": ["article_id", "start", "party", "speaker_en", "speaker"]}  # as statements_frame


def _frame_fn(kind: str) -> Callable | None:
    """The extractor module's own table builder (losses_frame, statements_frame), if any."""
    if kind == "losses":
        from helpers.losses import losses_frame

        return losses_frame
    if kind == "statements":
        try:
            from helpers import statements as st
        except ImportError:
            return None
        return getattr(st, "statements_frame", None)
    return None


def conform(kind: str, df: pd.DataFrame) -> pd.DataFrame:
    """Put a table in its canonical columns, dtypes and order: through the module's *_frame
    (exactly what the notebooks would get without this module) when it is small enough,
    else by casting to the dtypes of an empty *_frame and sorting by article and offset."""
    fn = _frame_fn(kind)
    if fn is not None and len(df) <= EXACT_FRAME_ROWS:
        records = df.astype(object).where(df.notna(), None).to_dict("records") if len(df) else []
        return fn(records).reset_index(drop=True)
    template = _template(kind)
    if template is None:
        return df.reset_index(drop=True)
    out = _cast_like(df.reindex(columns=list(template.columns)) if len(df.columns) else template.copy(), template)
    keys = [k for k in _SORT_KEYS.get(kind, []) if k in out.columns]
    if keys and len(out):
        out = out.sort_values(keys, kind="stable")
    return out.reset_index(drop=True)


def _cast_like(df: pd.DataFrame, template: pd.DataFrame | None) -> pd.DataFrame:
    """Cast the columns `df` shares with a template to the template's dtypes, where they cast
    (text columns are left as they are)."""
    if template is None:
        return df
    for col in template.columns:
        want = template[col].dtype
        if col not in df.columns or str(want) in ("object", "str", "string"):
            continue
        try:
            df[col] = df[col].astype(want)
        except (TypeError, ValueError):
            pass
    return df


def csv_buffers(table, columns: list[str], header: bool = True, integers: Iterable[str] = ()) -> list | None:
    """The UTF-8 text pandas' `to_csv(index=False)` writes for these columns of an Arrow table
    (minimal quoting, missing values empty, True/False, integers without a decimal point),
    built with Arrow compute (about four times faster than pandas: 4.1 -> 1.0 s for the
    236,000 rows of a 10k corpus), as a list of byte buffers to write in turn. Columns named
    in `integers` are cast to integers first (Parquet gives float or null when a chunk has
    no value). Returns None for a type it does not format exactly as pandas would (floats,
    dates, nested values): the caller then writes with pandas."""
    import pyarrow as pa
    import pyarrow.compute as pc

    integers = set(integers)
    parts = []
    for name in columns:
        if name not in table.column_names:
            parts.append(pa.nulls(table.num_rows, pa.string()))
            continue
        col = table.column(name)
        t = col.type
        if name in integers and (pa.types.is_floating(t) or pa.types.is_null(t)):
            try:
                col, t = col.cast(pa.int64()), pa.int64()  # safe cast: fails on a fraction
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                return None
        if pa.types.is_string(t) or pa.types.is_large_string(t):
            col = col.cast(pa.string())
            needs = pc.match_substring_regex(col, '[,"\n]')  # what Python's csv module quotes
            if pc.any(needs).as_py():  # (most chunks of most columns need no quoting at all)
                if pc.any(pc.match_substring(col, '"')).as_py():
                    col_q = pc.replace_substring(col, '"', '""')
                else:
                    col_q = col
                col = pc.if_else(needs, pc.binary_join_element_wise('"', col_q, '"', ""), col)
            parts.append(col)
        elif pa.types.is_integer(t):
            parts.append(col.cast(pa.string()))
        elif pa.types.is_boolean(t):
            parts.append(pc.if_else(col, "True", "False"))
        elif pa.types.is_null(t):
            parts.append(pa.nulls(table.num_rows, pa.string()))
        else:
            return None
    out: list = [(",".join(_csv_field(c) for c in columns) + "\n").encode("utf-8")] if header else []
    if table.num_rows and parts:
        # each row's line, newline included, built in Arrow; the lines of a string array lie
        # end to end in its data buffer, so they are written from there, with no Python
        # string per row
        parts[-1] = pc.binary_join_element_wise(pc.fill_null(parts[-1], ""), "\n", "")
        lines = pc.binary_join_element_wise(*parts, ",", null_handling="replace", null_replacement="")
        del parts
        for chunk in (lines.chunks if isinstance(lines, pa.ChunkedArray) else [lines]):
            offsets, width = chunk.buffers()[1], 8 if pa.types.is_large_string(chunk.type) else 4
            first, last = (int.from_bytes(offsets[i * width:(i + 1) * width], "little", signed=True)
                           for i in (chunk.offset, chunk.offset + len(chunk)))
            out.append(chunk.buffers()[2][first:last])
    return out


def _csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value


def _template(kind: str) -> pd.DataFrame | None:
    """An empty table of a kind with its canonical columns and dtypes, if known."""
    if kind == "losses":
        from helpers.losses import losses_frame

        return losses_frame([])
    if kind == "statements":
        try:
            from helpers import statements as st
        except ImportError:
            return None
        fn = getattr(st, "statements_frame", None)
        if fn is not None:
            return fn([])
        cols = getattr(st, "STATEMENT_COLUMNS", None)
        return pd.DataFrame(columns=cols) if cols else None
    if kind == "articles":
        from helpers.articles import ARTICLE_COLUMNS

        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("chars", "words", "paragraphs", "sentences")
                                          else object) for c in ARTICLE_COLUMNS})
    if kind == "problems":
        from helpers.articles import PROBLEM_COLUMNS

        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    return None


def _store_for(cache_dir: Path | str | None, kinds, stack: list) -> Store:
    """The cache store, or a temporary one (results still go through Parquet, so memory
    stays bounded and the tables have the same types with or without a cache)."""
    if cache_dir:
        return Store(cache_dir, kinds)
    tmp = tempfile.TemporaryDirectory(prefix="claims-corpus-")
    stack.append(tmp)
    return Store(tmp.name, kinds)


def _execute(store: Store, keyed: list[tuple[str, tuple]], func: Callable, profile: Profile,
             workers: int, backend: str, dask_address: str | None, stats: RunStats) -> None:
    """Extract the tasks whose key the store lacks and write them, batch by batch."""
    known = store.known([k for k, _ in keyed])
    todo, seen = [], set()
    for key, payload in keyed:
        if key not in known and key not in seen:
            todo.append((key, payload))
            seen.add(key)
    stats.cached = sum(1 for k, _ in keyed if k in known)
    stats.extracted = len(todo)
    n = resolve_workers(workers)
    stats.workers = n
    stats.backend = backend if backend != "auto" else (
        "dask" if dask_address else ("processes" if n > 1 and len(todo) >= PARALLEL_MIN else "serial"))
    if stats.backend == "serial":
        stats.workers = 1  # a small corpus runs in the calling process, whatever `workers` says
    done = 0
    if stats.progress is not None:
        stats.progress(0, len(todo), stats.cached)  # starts the clock
    for batch in _results(todo, func, profile, workers, backend, dask_address):
        for _key, res in batch:
            stats.errors.extend(f"{p['file']}: {p['problem']}" for p in res.get("problems", [])
                                if p["problem"].startswith(("extraction failed", "listed in articles.csv")))
        store.write(batch)
        done += len(batch)
        if stats.progress is not None:
            stats.progress(done, len(todo), stats.cached)


def extract_corpus(articles_df: pd.DataFrame, seeds_dir: Path | str, profile: Profile | str,
                   workers: int = 0, cache_dir: Path | str | None = None, backend: str = "auto",
                   dask_address: str | None = None, stats: RunStats | None = None) -> dict[str, pd.DataFrame]:
    """Losses and statements of every article in the articles table (re-opened from
    seeds_dir), in table order; cached articles are read back, only the others extracted.
    Also returns "problems": articles whose extraction failed (file, problem, action)."""
    t0 = time.monotonic()
    profile = _profile_of(profile)
    stats = stats if stats is not None else RunStats()
    seeds_dir = Path(seeds_dir)
    keyed = []
    for row in articles_df.to_dict("records"):
        row = {k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in row.items()}
        sha = str(row.get("sha256", "") or "")
        if not sha:
            path = seeds_dir / str(row["file"])
            sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        keyed.append((article_key(sha, row, profile), (row, str(seeds_dir))))
    stack: list = []
    try:
        store = _store_for(cache_dir, (*KINDS, "problems"), stack)
        _execute(store, keyed, _task_from_row, profile, workers, backend, dask_address, stats)
        out = _frames(store, (*KINDS, "problems"), [k for k, _ in keyed])
    finally:
        for tmp in stack:
            tmp.cleanup()
    stats.articles = len(keyed)
    stats.seconds = time.monotonic() - t0
    return out


def run_folder(seeds_dir: Path | str, sources_csv: Path | str | None, profile: Profile | str,
               workers: int = 0, cache_dir: Path | str | None = None, backend: str = "auto",
               dask_address: str | None = None, today: dt.date | None = None,
               stats: RunStats | None = None, tables_dir: Path | str | None = None) -> dict:
    """Load and extract a whole folder in one streaming pass: the articles, problems,
    losses and statements tables (as load_articles + extract_corpus would give), with
    folder-level problems raising InputError. Only each file's bytes are read up front
    (for the cache key); decoding, metadata and extraction run in the workers.
    With `tables_dir`, the four tables are written there as CSV straight from the Parquet
    store (bounded memory at any corpus size) and the row counts are returned instead."""
    from helpers.articles import (
        InputError,
        Problem,
        article_files,
        article_id_for,
        other_files,
        read_sidecar,
        relative_name,
        sidecar_row,
        unmatched_sidecar_rows,
    )

    t0 = time.monotonic()
    profile = _profile_of(profile)
    stats = stats if stats is not None else RunStats()
    folder = Path(seeds_dir)
    if not folder.is_dir():
        raise InputError(f"The articles folder {folder} does not exist or is not a folder.")
    today = today or dt.date.today()
    sidecar_path = Path(sources_csv) if sources_csv else folder / "sources.csv"
    folder_problems: list[Problem] = []
    sidecar = read_sidecar(sidecar_path if sidecar_path.is_file() else None, folder_problems)
    by_id: dict[str, list[Path]] = {}
    for path in article_files(folder):  # subfolders too; in relative-path order
        by_id.setdefault(article_id_for(path, folder), []).append(path)
    keyed = []
    for aid, files in sorted(by_id.items()):  # article-id order, as the losses and statements tables
        h = hashlib.sha256()
        for p in files:
            h.update(relative_name(p, folder).encode("utf-8") + b"\0")
            try:
                h.update(p.read_bytes())
            except OSError:
                h.update(b"unreadable")
        side = sidecar_row(sidecar, aid)
        meta = {"article_id": aid, "notes": json.dumps(side or {}, ensure_ascii=False, sort_keys=True)}
        keyed.append((article_key(h.hexdigest(), meta, profile),
                      ([str(p) for p in files], side, today.isoformat(), str(folder))))
    stack: list = []
    try:
        store = _store_for(cache_dir, FOLDER_KINDS, stack)
        _execute(store, keyed, _task_from_files, profile, workers, backend, dask_address, stats)
        keys = [k for k, _ in keyed]
        del keyed
        out: dict = {"problems": store.read("problems", keys)}
        if tables_dir is None:
            out.update(_frames(store, ("articles", "losses", "statements"), keys))
        else:
            tables_dir = Path(tables_dir)
            tables_dir.mkdir(parents=True, exist_ok=True)
            for kind in ("articles", "losses", "statements"):
                template = _template(kind)
                cols = list(template.columns) if template is not None else None
                # rows in the order the in-memory tables have (conform): by article, then sort keys
                order = [c for c in _SORT_KEYS.get(kind, []) if c != "article_id"]
                out[kind] = store.export_csv(kind, keys, tables_dir / f"{kind}.csv", cols, order=order)
    finally:
        for tmp in stack:
            tmp.cleanup()
    tail = unmatched_sidecar_rows(sidecar, list(by_id), sidecar_path) + other_files(folder, sidecar_path)
    probs = [pd.DataFrame([p.__dict__ for p in folder_problems], columns=["file", "problem", "action"]),
             out["problems"],
             pd.DataFrame([p.__dict__ for p in tail], columns=["file", "problem", "action"])]
    out["problems"] = conform("problems", pd.concat([p for p in probs if len(p)], ignore_index=True)
                              if any(len(p) for p in probs) else pd.DataFrame())
    if tables_dir is not None:
        out["problems"].to_csv(Path(tables_dir) / "problems.csv", index=False, encoding="utf-8")
        stats.articles = int(out["articles"])
    else:
        stats.articles = len(out["articles"])
    stats.seconds = time.monotonic() - t0
    return out
