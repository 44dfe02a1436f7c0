"""The pipeline runner: `python -m helpers.pipeline [--seeds DIR] [--out DIR] [-p NAME=VALUE ...]`.

Runs notebooks/NN-*.ipynb in name order with papermill (a fresh kernel each, the project's
named kernel), passes the same parameters to every notebook, and exports each executed
notebook to HTML twice (full, and code-hidden for sharing). It builds into a temporary
folder inside OUT and moves the results into place only when every notebook succeeded,
so a failed or killed run leaves the last good report as it was.

Exit codes: 0 report built (or up to date), 1 a notebook failed, 2 bad input or usage
(missing folder, unknown parameter or profile), 3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

from helpers import paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
BUILD_PREFIX = ".build-"
FAILED_DIR = "failed"


def _say(msg: str) -> None:
    """Print a progress line at once (make and CI buffer stdout otherwise)."""
    print(msg, flush=True)


class PipelineError(Exception):
    """A problem that stops the run before any notebook executes (exit code 2)."""


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
def run_lock(out: Path, wait: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on OUT/.lock so two runs never write at once."""
    out.mkdir(parents=True, exist_ok=True)
    fh = open(out / ".lock", "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise PipelineError(
                f"Another run is writing to {out} ({holder}); try again when it finishes or pass --wait."
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        fh.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fh.seek(0)
            fh.truncate()
        fh.close()


def export_html(nb_path: Path, html_dir: Path) -> tuple[Path, Path]:
    """Export an executed notebook to NAME.html (full) and NAME.report.html (code hidden)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(nb_path), as_version=4)
    full = HTMLExporter(template_name="lab")
    report = HTMLExporter(
        template_name="lab", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    outs = []
    for exporter, suffix in ((full, ".html"), (report, ".report.html")):
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb_path.stem}})
        target = html_dir / f"{nb_path.stem}{suffix}"
        target.write_text(body, encoding="utf-8")
        outs.append(target)
    return outs[0], outs[1]


def swap_into_place(build: Path, out: Path) -> None:
    """Move every entry of the finished build into OUT, replacing the old entries one
    rename at a time (each atomic); other files already in OUT are left alone."""
    trash = out / f".trash-{os.getpid()}"
    trash.mkdir(exist_ok=True)
    for entry in sorted(build.iterdir()):
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
    log=None,
) -> Path:
    """Run the notebooks into a temporary build and swap it into OUT on success.
    Raises PipelineError (bad input) or papermill's PapermillExecutionError (a failed cell)."""
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

    with run_lock(out, wait=wait):
        clean_stale_builds(out)
        build = out / f"{BUILD_PREFIX}{os.getpid()}"
        dirs = paths.out_dirs(build)
        base = {
            "seeds_dir": str(seeds),
            "sources_csv": str(sources_csv) if Path(sources_csv).is_file() else "",
            "output_dir": str(build),
        }
        run_params = {**base, **params}
        run_params["output_dir"] = str(build)  # the build folder, whatever was passed
        t_all = time.monotonic()
        for i, nb in enumerate(notebooks, 1):
            target = dirs["notebooks"] / nb.name
            log(f"[{i}/{len(notebooks)}] {nb.name} ...")
            t0 = time.monotonic()
            try:
                pm.execute_notebook(
                    str(nb),
                    str(target),
                    parameters=run_params,
                    kernel_name=kernel_name,
                    cwd=str(nb.parent),
                    progress_bar=progress,
                    log_output=False,
                    request_save_on_cell_execute=False,
                )
            except pm.PapermillExecutionError as exc:
                failed = out / FAILED_DIR
                shutil.rmtree(failed, ignore_errors=True)
                os.replace(build, failed)
                exc.saved_to = failed / "notebooks" / nb.name  # type: ignore[attr-defined]
                exc.notebook = nb.name  # type: ignore[attr-defined]
                raise
            log(f"      done in {time.monotonic() - t0:.1f} s")
        if html:
            log("Exporting HTML ...")
            for nb in notebooks:
                export_html(dirs["notebooks"] / nb.name, dirs["html"])
        from helpers.report import write_index

        write_index(build, seeds=seeds, params=run_params, notebooks=notebooks)
        swap_into_place(build, out)
        shutil.rmtree(out / FAILED_DIR, ignore_errors=True)
        log(f"Report built in {time.monotonic() - t_all:.1f} s: {out / 'index.html'}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    ap = argparse.ArgumentParser(
        prog="python -m helpers.pipeline",
        description="Run the claims workbook's notebooks in order and build the report.",
        epilog="Exit codes: 0 built, 1 a notebook failed, 2 bad input or usage, 3 locked by another run.",
    )
    ap.add_argument("--seeds", default=str(paths.SEEDS), help="folder of article files (.txt, .html)")
    ap.add_argument("--sources", default=None, help="sidecar CSV (default: SEEDS/sources.csv if present)")
    ap.add_argument("--out", default=str(paths.OUTPUTS), help="output folder (default: outputs/)")
    ap.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                    help="notebook parameter, passed to every notebook (repeatable)")
    ap.add_argument("--notebooks", default=str(paths.NOTEBOOKS),
                    help="folder of NN-*.ipynb notebooks to run (default: notebooks/)")
    ap.add_argument("--wait", action="store_true", help="wait for another run's lock instead of exiting")
    ap.add_argument("--no-progress", action="store_true", help="no per-cell progress bars")
    args = ap.parse_args(argv)
    try:
        params = dict(parse_param(p) for p in args.param)
        run_pipeline(
            seeds=args.seeds, out=args.out, params=params, sources_csv=args.sources,
            progress=not args.no_progress, wait=args.wait,
            notebooks=list_notebooks(Path(args.notebooks)),
        )
    except PipelineError as exc:
        code = EXIT_LOCKED if "Another run" in str(exc) else EXIT_USAGE
        print(f"error: {exc}", file=sys.stderr)
        return code
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
