"""Time stripper on hostile and degenerate inputs (the cases of tests/test_hostile.py, at full
size): each must end within seconds with a result or a one-line error.

    python benchmarks/hostile.py
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import stripper  # noqa: E402
from test_hostile import CASES  # noqa: E402

EXTRA = {
    "50MB-page": b"<html><body>" + b"<p>A paragraph of ordinary prose, with words.</p>" * 1_000_000
                 + b"</body></html>",
    "20MB-text-line": b"x" * 20_000_000,
}


def main() -> None:
    for name, raw in {**CASES, **EXTRA}.items():
        started = time.perf_counter()
        try:
            doc = stripper.clean(raw)
            outcome = f"{len(doc.body)} paragraphs"
        except stripper.StripperError as exc:
            outcome = f"error: {exc}"
        seconds = time.perf_counter() - started
        print(f"{name:<22} {len(raw) / 1e6:7.1f} MB  {seconds:6.2f} s  {outcome[:90]}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
