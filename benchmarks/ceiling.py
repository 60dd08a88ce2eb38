"""How fast could a pure-Python reader of HTML go? The floor under stripper's speed, beside trafilatura.

    python benchmarks/ceiling.py              # 181 bench HTML pages, one core, best of 3 runs

Times, in the same run and on the same pages (decompressed beforehand):

- ``trafilatura``: ``trafilatura.extract(html, favor_precision=True)`` (needs the bench extra);
- ``stripper``: ``stripper.clean(html)``, everything (one pass only: a second pass over the
  same pages would find every line's verdict remembered);
- ``decode+parse``: stripper's decoding and lxml's parse, nothing else;
- ``+visit``: those, then one Python visit of every element (its tag, attribute names, text
  and tail): the least any reader that weighs elements in Python does;
- ``+lines``: those, then stripper's reader (``read_blocks``: the lines with their evidence),
  before any rule runs.

Each row's ``x trafilatura`` is the most that stage alone would allow: a reader whose rules
cost nothing would still be no faster than its ``+lines`` row, and no pure-Python reader of
the elements faster than the ``+visit`` row.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from run import DEFAULT_BENCH, load_pages


def visit(root) -> int:
    """Touch every element once, as a reader must: tag, attribute names, text, tail."""
    seen = 0
    for element in root.iter():
        seen += len(element.keys())
        element.text, element.tail  # noqa: B018 -- reading them is the work measured
    return seen


def stages():
    """(name, function of raw bytes, runs if not ``--runs``) for each row, cheapest first;
    the reference row (trafilatura), or None when it is not installed."""
    import stripper
    from stripper.config import DEFAULT
    from stripper.decode import decode
    from stripper.read_html import parse_html, read_blocks

    def parse(raw):
        return parse_html(decode(raw))

    rows = [
        ("decode+parse", parse, None),
        ("+visit", lambda raw: visit(parse(raw)), None),
        ("+lines", lambda raw: read_blocks(parse(raw), DEFAULT), None),
        ("stripper", stripper.clean, 1),
    ]
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): no comparison")
        return rows, None
    return rows, ("trafilatura", lambda raw: trafilatura.extract(raw, favor_precision=True))


def best_seconds(function, pages: list[bytes], runs: int) -> float:
    """The fastest of ``runs`` timed passes over all pages (after one untimed page)."""
    function(pages[0])
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        for raw in pages:
            function(raw)
        best = min(best, time.process_time() - started)
    return best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    pages = [raw for _, raw in load_pages(args.bench, "html")]
    rows, reference = stages()
    reference_seconds = best_seconds(reference[1], pages, args.runs) if reference else None
    if reference:
        print(f"{reference[0]:<14} {len(pages) / reference_seconds:7.1f} pages/s "
              f"{reference_seconds / len(pages) * 1000:6.2f} ms/page")
    for name, function, runs in rows:
        seconds = best_seconds(function, pages, runs or args.runs)
        ratio = f"  {reference_seconds / seconds:4.1f}x trafilatura" if reference else ""
        print(f"{name:<14} {len(pages) / seconds:7.1f} pages/s "
              f"{seconds / len(pages) * 1000:6.2f} ms/page{ratio}")


if __name__ == "__main__":
    main()
