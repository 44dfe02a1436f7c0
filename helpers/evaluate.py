"""`make eval`: score extraction against the gold annotations in tests/gold/.

Prints precision, recall and F1 for loss claims (overall and per category, with claimant
accuracy) and for statements (with speaker accuracy), on the seeds and on the extra passages;
then both on the held-out sets in tests/gold/heldout*/ (a measurement, never a gate), figures
only: the held-out differences are printed by `python -m helpers.eval_heldout FOLDER` on
purpose, so that the unseen set is not read by accident when someone runs `make eval`.
"""

from __future__ import annotations

import importlib
import sys


def main(argv: list[str] | None = None) -> int:
    """Run every scorer that exists and print its report; exit 1 if one is under its target."""
    status = 0
    for module in ("helpers.eval_losses", "helpers.eval_statements", "helpers.eval_heldout"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            print(f"{module}: not built yet")
            continue
        status |= int(mod.main(["-q"] if module.endswith("heldout") else []) or 0)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
