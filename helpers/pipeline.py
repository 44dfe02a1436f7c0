"""The pipeline runner: `python -m helpers.pipeline [--seeds DIR] [--out DIR] [-p NAME=VALUE ...]`.

Runs notebooks/NN-*.ipynb in name order with papermill (a fresh kernel each, the project's
named kernel), passes the same parameters to every notebook, and exports each executed
notebook to HTML twice (full, and code-hidden for sharing). It builds into a temporary
folder inside OUT and moves the results into place only when every notebook succeeded,
so a failed or killed run leaves the last good report as it was.

A manifest (OUT/manifest.json: hashes of the input files, the sidecar, the profile and the
code, plus the parameters) lets an unchanged re-run stop at once: "the report is up to date"
(`--force` rebuilds). The manifest is swapped in last, so a run killed while swapping is
never mistaken for a finished one.

Exit codes: 0 report built (or up to date), 1 a notebook or the HTML export failed, 2 bad
input or usage (missing folder, unknown parameter or profile), 3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from helpers import paths

# jsonschema (loaded by nbformat, papermill and nbconvert) imports rfc3987_syntax when it is
# installed, only to check "iri" string formats; that package compiles a Lark grammar at
# import, about 1.7 s. Notebook schemas use no such format, so the runner does without it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
BUILD_PREFIX = ".build-"
FAILED_DIR = "failed"
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
TEMPLATES = Path(__file__).resolve().parent / "templates"
# manifest keys that describe the build rather than what went into it
_VOLATILE_KEYS = ("built", "build_seconds", "outputs")


def _say(msg: str) -> None:
    """Print a progress line at once (make and CI buffer stdout otherwise)."""
    print(msg, flush=True)


class _ProgressEcho:
    """A file-like sink for a kernel's stdout: lines that start with "Progress:" (printed by
    long extractions) are echoed to the runner's log; everything else stays in the notebook."""

    def __init__(self, log) -> None:
        self.log = log
        self.buf = ""

    def write(self, text: str) -> int:
        self.buf += text
        *lines, self.buf = self.buf.split("\n")
        for line in lines:
            if line.startswith("Progress:"):
                self.log("      " + line)
        return len(text)

    def flush(self) -> None:
        pass


class PipelineError(Exception):
    """A problem that stops the run before any notebook executes (exit code 2)."""


class LockedError(PipelineError):
    """Another run holds OUT/.lock (exit code 3)."""


class BuildError(Exception):
    """The notebooks ran but the report could not be assembled (exit code 1)."""


def list_notebooks(nb_dir: Path = paths.NOTEBOOKS, pattern: str = "[0-9][0-9]-*.ipynb") -> list[Path]:
    """The pipeline's notebooks: NN-verb-object.ipynb, in name order."""
    return sorted(nb_dir.glob(pattern))


def notebook_parameters(nb_path: Path) -> dict[str, dict]:
    """The names, types and defaults of a notebook's `parameters` cell (no kernel needed)."""
    import papermill as pm

    return pm.inspect_notebook(str(nb_path))


def parse_param(text: str) -> tuple[str, object]:
    """Parse NAME=VALUE; VALUE is read as a YAML scalar (true, 3, 0.5) else kept as text."""
    if "=" not in text:
        raise PipelineError(f"Parameter {text!r} is not NAME=VALUE.")
    name, value = text.split("=", 1)
    name = name.strip()
    if not name.isidentifier():
        raise PipelineError(f"Parameter name {name!r} is not a valid name.")
    try:
        parsed = yaml.safe_load(value) if value.strip() else ""
    except yaml.YAMLError:
        parsed = value
    if not isinstance(parsed, (str, int, float, bool)) or parsed is None:
        parsed = value
    return name, parsed


def validate_parameters(params: dict, notebooks: list[Path]) -> dict[str, set[str]]:
    """Reject parameter names that no notebook declares (papermill would only warn)."""
    declared: dict[str, set[str]] = {}
    for nb in notebooks:
        for name in notebook_parameters(nb):
            declared.setdefault(name, set()).add(nb.name)
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise PipelineError(
            f"Unknown parameter(s) {', '.join(unknown)}; the notebooks accept: {', '.join(sorted(declared))}."
        )
    return declared


@contextlib.contextmanager
def run_lock(out: Path, wait: bool = False, log=None) -> Iterator[None]:
    """Hold an exclusive lock on OUT/.lock so two runs never write at once (the kernel
    releases it when the holder dies, even on SIGKILL)."""
    out.mkdir(parents=True, exist_ok=True)
    fh = open(out / ".lock", "a+", encoding="utf-8")
    held = False
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            if not wait:
                raise LockedError(
                    f"Another run is writing to {out} ({holder}); try again when it finishes or pass --wait."
                ) from None
            (log or _say)(f"Waiting for another run writing to {out} ({holder}) to finish ...")
            fcntl.flock(fh, fcntl.LOCK_EX)
        held = True
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        fh.flush()
        yield
    finally:
        if held:  # only the holder clears the note saying who holds the lock
            with contextlib.suppress(OSError):
                fh.seek(0)
                fh.truncate()
        fh.close()


def export_html(nb_path: Path, html_dir: Path) -> tuple[Path, Path]:
    """Export an executed notebook to NAME.html (full) and NAME.report.html (code hidden),
    with the project's offline template (nothing fetched from a CDN); raise BuildError if
    a page would still load a remote script, style sheet or frame."""
    import nbformat
    from nbconvert import HTMLExporter

    from helpers.report import remote_resources

    nb = nbformat.read(str(nb_path), as_version=4)
    common = {"template_name": "offline", "extra_template_basedirs": [str(TEMPLATES)], "embed_images": False}
    full = HTMLExporter(**common)
    report = HTMLExporter(**common, exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    outs = []
    for exporter, suffix in ((full, ".html"), (report, ".report.html")):
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb_path.stem}})
        remote = remote_resources(body)
        if remote:
            raise BuildError(
                f"The HTML export of {nb_path.name} would load {len(remote)} resource(s) from the network "
                f"(first: {remote[0]}); the report must work offline."
            )
        target = html_dir / f"{nb_path.stem}{suffix}"
        target.write_text(body, encoding="utf-8")
        outs.append(target)
    return outs[0], outs[1]


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def profile_path(name_or_path: str) -> Path:
    """The YAML file a profile name or path refers to (same rule as helpers.profile.load_profile)."""
    path = Path(name_or_path)
    return path if path.suffix else paths.PROFILES / f"{name_or_path}.yaml"


def code_files(notebooks: list[Path]) -> dict[str, Path]:
    """What the code version covers: every file under helpers/ (modules, templates, assets,
    fonts; not caches or profiles, which are hashed on their own), the notebooks run, and
    the gold annotations in tests/gold/ that the notebooks score extraction against."""
    helpers_dir = Path(__file__).resolve().parent
    files: dict[str, Path] = {}
    for p in sorted(helpers_dir.rglob("*")):
        rel = p.relative_to(helpers_dir)
        if not p.is_file() or "__pycache__" in rel.parts or rel.parts[0] == "profiles" or p.suffix == ".pyc":
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue
        files[f"helpers/{rel.as_posix()}"] = p
    for nb in notebooks:
        files[f"notebooks/{nb.name}"] = nb
    if paths.GOLD.is_dir():
        for p in sorted(paths.GOLD.rglob("*")):
            rel = p.relative_to(paths.GOLD)
            if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                files[f"tests/gold/{rel.as_posix()}"] = p
    return files


def build_manifest(
    seeds: Path, sources_csv: Path | None, profile: str, params: dict, notebooks: list[Path]
) -> dict:
    """Everything a report depends on, as hashes: article files, sidecar, profile, code,
    requirements, and the parameters (the build folder path excluded)."""
    from helpers.articles import relative_name, visible_files

    seeds = Path(seeds)
    inputs = {relative_name(p, seeds): file_sha256(p) for p in visible_files(seeds) if p.is_file()}
    sidecar = None
    if sources_csv is not None and Path(sources_csv).is_file():
        sidecar = {"path": str(Path(sources_csv).resolve()), "sha256": file_sha256(Path(sources_csv))}
    prof = profile_path(profile)
    code = {rel: file_sha256(p) for rel, p in code_files(notebooks).items()}
    code_version = hashlib.sha256(
        "".join(f"{rel}\0{h}\n" for rel, h in sorted(code.items())).encode("utf-8")
    ).hexdigest()
    req = paths.ROOT / "requirements.txt"
    return {
        "manifest_version": MANIFEST_VERSION,
        "inputs": {"seeds_dir": str(seeds.resolve()), "files": inputs},
        "sidecar": sidecar,
        "profile": {"name": profile, "path": str(prof.resolve()), "sha256": file_sha256(prof) if prof.is_file() else ""},
        "code": {"version": code_version, "files": code},
        "environment": {
            "python": platform.python_version(),
            "requirements_sha256": file_sha256(req) if req.is_file() else "",
        },
        "parameters": {k: v for k, v in sorted(params.items()) if k != "output_dir"},
        "notebooks": [nb.name for nb in notebooks],
    }


def read_manifest(out: Path) -> dict | None:
    """The manifest of the report in OUT, or None if there is none (or it is unreadable)."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def manifest_key(manifest: dict) -> dict:
    """The part of a manifest that decides whether a rebuild is needed."""
    return {k: v for k, v in manifest.items() if k not in _VOLATILE_KEYS}


def is_up_to_date(out: Path, manifest: dict) -> bool:
    """True if OUT holds a complete report built from exactly these inputs, code and parameters."""
    old = read_manifest(out)
    if old is None or manifest_key(old) != manifest_key(manifest):
        return False
    expected = ["index.html", *(f"{rel}" for rel in (old.get("outputs") or {}))]
    return all((Path(out) / rel).is_file() for rel in expected)


def write_manifest(build: Path, manifest: dict, seconds: float) -> Path:
    """Write BUILD/manifest.json with the build time and the hashes of the tables written."""
    tables = {
        f"tables/{p.name}": file_sha256(p) for p in sorted((build / "tables").glob("*.csv"))
    }
    data = {
        **manifest,
        "built": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "build_seconds": round(seconds, 1),
        "outputs": tables,
    }
    target = build / MANIFEST
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def swap_into_place(build: Path, out: Path) -> None:
    """Move every entry of the finished build into OUT, replacing the old entries one
    rename at a time (each atomic); other files already in OUT are left alone. The old
    manifest goes first and the new one last, so a swap cut short leaves no manifest and
    the next run rebuilds."""
    trash = out / f".trash-{os.getpid()}"
    trash.mkdir(exist_ok=True)
    if (out / MANIFEST).exists():
        os.replace(out / MANIFEST, trash / MANIFEST)
    for entry in sorted(build.iterdir(), key=lambda p: (p.name == MANIFEST, p.name)):
        target = out / entry.name
        if target.exists() or target.is_symlink():
            os.replace(target, trash / entry.name)
        os.replace(entry, target)
    shutil.rmtree(trash, ignore_errors=True)
    shutil.rmtree(build, ignore_errors=True)


def clean_stale_builds(out: Path) -> None:
    """Remove build folders left behind by killed runs (we hold the lock, so none is live)."""
    for p in out.glob(f"{BUILD_PREFIX}*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in out.glob(".trash-*"):
        shutil.rmtree(p, ignore_errors=True)


# ---------------------------------------------------------------- running the notebooks

NEEDS_KEY = "claims_workbook"  # notebook metadata: {"needs": ["01-load-articles", ...]}


def notebook_needs(notebooks: list[Path]) -> dict[Path, list[Path]]:
    """The earlier notebooks each one reads tables from: its metadata's claims_workbook.needs
    (notebook names without .ipynb); a notebook that does not say needs every earlier one.
    Names that are not earlier notebooks of this run are ignored (so a subset still runs)."""
    import nbformat

    out: dict[Path, list[Path]] = {}
    for i, nb in enumerate(notebooks):
        earlier = notebooks[:i]
        meta = nbformat.read(str(nb), as_version=4).metadata.get(NEEDS_KEY, {})
        names = meta.get("needs") if isinstance(meta, dict) else None
        if isinstance(names, list):
            out[nb] = [e for e in earlier if e.stem in {str(n) for n in names}]
        else:
            out[nb] = list(earlier)
    return out


def warmup_code(nb_path: Path) -> str:
    """The notebook's top-level import statements, to run in its kernel before it starts."""
    import ast

    import nbformat

    lines: list[str] = []
    for cell in nbformat.read(str(nb_path), as_version=4).cells:
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # magics or a half-written cell: the notebook itself will say so
            continue
        lines.extend(ast.get_source_segment(cell.source, node) or "" for node in tree.body
                     if isinstance(node, (ast.Import, ast.ImportFrom)))
    return "\n".join(x for x in lines if x)


def start_warm_kernel(nb_path: Path, kernel_name: str):
    """Start a kernel for a notebook (in its folder) and run the notebook's imports in it;
    returns the kernel manager, which papermill then uses instead of starting its own."""
    from jupyter_client import BlockingKernelClient
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name=kernel_name)
    # The kernel listens on 127.0.0.1 only; its start-up warning that TCP is unencrypted
    # (printed once per notebook, alarming in a report log) is below the ERROR level shown.
    run_sync(km.start_kernel)(cwd=str(nb_path.parent), extra_arguments=[
        "--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"])
    code = warmup_code(nb_path)
    if code:
        kc = BlockingKernelClient()
        kc.load_connection_info(km.get_connection_info())
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            kc.execute_interactive(code, silent=True, store_history=False, allow_stdin=False, timeout=120)
        except (RuntimeError, TimeoutError):  # the notebook's own first cell will report it
            pass
        finally:
            kc.stop_channels()
    return km


def stop_kernel(km) -> None:
    """Shut down a kernel this runner started."""
    from jupyter_core.utils import run_sync

    with contextlib.suppress(Exception):  # already gone: nothing to stop
        run_sync(km.shutdown_kernel)(now=True)


def run_notebooks(notebooks: list[Path], run_one, kernel_name: str, parallel: int = 1,
                  start_kernel=start_warm_kernel, stop=stop_kernel) -> None:
    """Run each notebook as soon as the notebooks it needs have finished, at most `parallel`
    at a time, each in a fresh kernel started ahead (as many at once as notebooks may run) while
    earlier notebooks run. run_one(i, nb, km) executes one notebook; the first failure stops
    new starts, lets running ones finish and is raised."""
    from concurrent.futures import FIRST_COMPLETED, wait

    needs = notebook_needs(notebooks)
    order = {nb: i for i, nb in enumerate(notebooks, 1)}
    starter = ThreadPoolExecutor(max_workers=max(1, parallel))
    kernels = {nb: starter.submit(start_kernel, nb, kernel_name) for nb in notebooks}
    runner = ThreadPoolExecutor(max_workers=max(1, parallel))
    done: set[Path] = set()
    running: dict = {}
    pending = list(notebooks)
    error: BaseException | None = None

    def execute(nb: Path) -> None:
        try:
            km = kernels[nb].result()
        except Exception:  # a kernel that would not start ahead: papermill starts its own
            km = None
        try:
            run_one(order[nb], nb, km)
        except Exception as exc:
            exc.notebook = nb.name  # type: ignore[attr-defined]
            raise
        finally:
            if km is not None:
                stop(km)

    try:
        while pending or running:
            while error is None and len(running) < max(1, parallel):
                ready = [nb for nb in pending if set(needs[nb]) <= done]
                if not ready:
                    break
                pending.remove(ready[0])
                running[runner.submit(execute, ready[0])] = ready[0]
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                nb = running.pop(fut)
                exc = fut.exception()
                if exc is not None and error is None:
                    error = exc
                done.add(nb)
    finally:
        runner.shutdown(wait=True)
        for fut in kernels.values():
            fut.cancel()
        starter.shutdown(wait=True)
        for nb, fut in kernels.items():
            if nb in pending and fut.done() and fut.exception() is None:
                stop(fut.result())
    if error is not None:
        raise error


def _small_corpus(manifest: dict) -> bool:
    """Few enough articles (counted from the manifest's input files) that every notebook's
    extraction is cheap: independent notebooks may then run side by side (on a large corpus
    the later one reads the earlier one's cache)."""
    from helpers.articles import ARTICLE_SUFFIXES
    from helpers.corpus import PARALLEL_MIN

    files = manifest["inputs"]["files"]
    return sum(Path(f).suffix.lower() in ARTICLE_SUFFIXES for f in files) < PARALLEL_MIN


def run_pipeline(
    seeds: Path | str = paths.SEEDS,
    out: Path | str = paths.OUTPUTS,
    params: dict | None = None,
    sources_csv: Path | str | None = None,
    notebooks: list[Path] | None = None,
    kernel_name: str = paths.KERNEL_NAME,
    html: bool = True,
    progress: bool = True,
    wait: bool = False,
    force: bool = False,
    log=None,
) -> Path:
    """Run the notebooks into a temporary build and swap it into OUT on success; skip the
    run if OUT's manifest matches (unless force). Raises PipelineError (bad input),
    papermill's PapermillExecutionError (a failed cell) or BuildError (export failed)."""
    import papermill as pm

    log = log or _say
    seeds = Path(seeds).resolve()
    out = Path(out).resolve()
    params = dict(params or {})
    notebooks = notebooks if notebooks is not None else list_notebooks()
    if not notebooks:
        raise PipelineError(f"No notebooks named NN-*.ipynb in {paths.NOTEBOOKS}.")
    if not seeds.is_dir():
        raise PipelineError(f"The articles folder {seeds} does not exist or is not a folder.")
    if sources_csv is None:
        sources_csv = seeds / "sources.csv"
    validate_parameters(params, notebooks)
    profile_name = str(params.get("profile", "karabakh-2020"))
    from helpers.profile import ProfileError, load_profile

    try:
        load_profile(profile_name)
    except ProfileError as exc:
        raise PipelineError(str(exc)) from exc

    with run_lock(out, wait=wait, log=log):
        clean_stale_builds(out)
        build = out / f"{BUILD_PREFIX}{os.getpid()}"
        base = {
            "seeds_dir": str(seeds),
            "sources_csv": str(sources_csv) if Path(sources_csv).is_file() else "",
            "output_dir": str(build),
        }
        run_params = {**base, **params}
        run_params["output_dir"] = str(build)  # the build folder, whatever was passed
        manifest = build_manifest(
            seeds, Path(sources_csv) if Path(sources_csv).is_file() else None, profile_name, run_params, notebooks
        )
        if not force and is_up_to_date(out, manifest):
            old = read_manifest(out) or {}
            log(
                f"The report in {out} is up to date (built {old.get('built', '?')} from the same "
                f"articles, sidecar, profile, code and parameters); nothing to do. Use --force to rebuild."
            )
            return out
        dirs = paths.out_dirs(build)
        t_all = time.monotonic()
        from helpers.corpus import resolve_workers

        side_by_side = _small_corpus(manifest)
        # Each executed notebook is exported to HTML in a background thread while the next
        # one runs in its kernel (a separate process), so the export costs no extra wall time.
        exporter = ThreadPoolExecutor(max_workers=1)
        exports = []

        def run_one(i: int, nb: Path, km) -> None:
            target = dirs["notebooks"] / nb.name
            log(f"[{i}/{len(notebooks)}] {nb.name} ...")
            t0 = time.monotonic()
            pm.execute_notebook(
                str(nb),
                str(target),
                parameters=run_params,
                kernel_name=kernel_name,
                cwd=str(nb.parent),
                progress_bar=progress and not side_by_side,
                log_output=False,
                stdout_file=_ProgressEcho(log) if progress else None,
                request_save_on_cell_execute=False,
                km=km,
            )
            log(f"      {nb.name} done in {time.monotonic() - t0:.1f} s")
            if html:
                exports.append(exporter.submit(export_html, target, dirs["html"]))

        try:
            run_notebooks(notebooks, run_one, kernel_name, parallel=resolve_workers(0) if side_by_side else 1)
        except pm.PapermillExecutionError as exc:
            exporter.shutdown(wait=True, cancel_futures=True)
            failed = out / FAILED_DIR
            shutil.rmtree(failed, ignore_errors=True)
            os.replace(build, failed)
            nb_name = exc.notebook  # type: ignore[attr-defined]
            exc.saved_to = failed / "notebooks" / nb_name  # type: ignore[attr-defined]
            raise
        from helpers.report import write_index

        try:
            if html:
                log("Exporting HTML ...")
            try:
                for fut in exports:
                    fut.result()
            finally:
                exporter.shutdown(wait=True, cancel_futures=True)
            write_manifest(build, manifest, time.monotonic() - t_all)
            write_index(build, seeds=seeds, params=run_params, notebooks=notebooks)
        except BuildError:
            failed = out / FAILED_DIR
            shutil.rmtree(failed, ignore_errors=True)
            os.replace(build, failed)
            raise
        swap_into_place(build, out)
        shutil.rmtree(out / FAILED_DIR, ignore_errors=True)
        log(f"Report built in {time.monotonic() - t_all:.1f} s: {out / 'index.html'}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    ap = argparse.ArgumentParser(
        prog="python -m helpers.pipeline",
        description="Run the claims workbook's notebooks in order and build the report.",
        epilog="Exit codes: 0 built or up to date, 1 a notebook or the export failed, 2 bad input or usage, "
               "3 locked by another run.",
    )
    ap.add_argument("--seeds", default=str(paths.SEEDS), help="folder of article files (.txt, .html)")
    ap.add_argument("--sources", default=None, help="sidecar CSV (default: SEEDS/sources.csv if present)")
    ap.add_argument("--out", default=str(paths.OUTPUTS), help="output folder (default: outputs/)")
    ap.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                    help="notebook parameter, passed to every notebook (repeatable)")
    ap.add_argument("--notebooks", default=str(paths.NOTEBOOKS),
                    help="folder of NN-*.ipynb notebooks to run (default: notebooks/)")
    ap.add_argument("--wait", action="store_true", help="wait for another run's lock instead of exiting")
    ap.add_argument("--force", action="store_true",
                    help="rebuild even if the manifest says the report is up to date")
    ap.add_argument("--no-progress", action="store_true", help="no per-cell progress bars")
    args = ap.parse_args(argv)
    try:
        params = dict(parse_param(p) for p in args.param)
        run_pipeline(
            seeds=args.seeds, out=args.out, params=params, sources_csv=args.sources,
            progress=not args.no_progress, wait=args.wait, force=args.force,
            notebooks=list_notebooks(Path(args.notebooks)),
        )
    except PipelineError as exc:
        code = EXIT_LOCKED if isinstance(exc, LockedError) else EXIT_USAGE
        print(f"error: {exc}", file=sys.stderr)
        return code
    except BuildError as exc:
        print(f"error: {exc}\nThe unfinished build is in {Path(args.out).resolve() / FAILED_DIR}; "
              f"the previous report was left as it was.", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # papermill's error carries the notebook and cell
        import papermill as pm

        if isinstance(exc, pm.PapermillExecutionError):
            print(
                f"error: notebook {getattr(exc, 'notebook', '?')} failed in cell {exc.cell_index} "
                f"(execution count {exc.exec_count}): {exc.ename}: {exc.evalue}\n"
                f"The failed notebook, with the error shown in it, is saved at {getattr(exc, 'saved_to', '?')}.\n"
                f"The previous report in {Path(args.out).resolve()} was left as it was.",
                file=sys.stderr,
            )
            return EXIT_FAILED
        raise
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
