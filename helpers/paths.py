"""Project paths, resolved once so notebooks work from any working directory."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SOURCES_CSV = SEEDS / "sources.csv"
NOTEBOOKS = ROOT / "notebooks"
OUTPUTS = ROOT / "outputs"
PROFILES = Path(__file__).resolve().parent / "profiles"
TESTS = ROOT / "tests"
GOLD = TESTS / "gold"
KERNEL_NAME = "claims-workbook"

OUTPUT_LAYOUT = ("tables", "figures", "notebooks", "html")


def out_dirs(out: Path | str) -> dict[str, Path]:
    """Return (and create) the fixed sub-folders of an output folder."""
    base = Path(out)
    dirs = {name: base / name for name in OUTPUT_LAYOUT}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    return dirs


def resolve_output_dir(value: str | Path | None) -> Path:
    """The output folder a notebook writes to: the parameter if given, else $CLAIMS_OUTPUT_DIR
    (set by `make test` so nbval never touches the real report), else outputs/."""
    import os

    return Path(value or os.environ.get("CLAIMS_OUTPUT_DIR") or OUTPUTS)


def resolve_seeds_dir(value: str | Path | None) -> Path:
    """The articles folder: the parameter if given, else seeds/."""
    return Path(value or SEEDS)
