"""Accuracy and speed of stripper on the shared development benchmark, optionally beside other tools.

    python benchmarks/run.py --kind text                 # 181 text dumps
    python benchmarks/run.py --kind html --compare trafilatura readability
    python benchmarks/run.py --kind text --compare boilerpy3
    python benchmarks/run.py --kind text --wrap 78       # dumps hard-wrapped as lynx -dump does
    python benchmarks/run.py --kind text --dump-urls     # dumps with their page's address

For each tool: predictions go to benchmarks/out/<kind>/<tool>/<id>.json, the shared scorer
(../shared/bench/score.py) prints token F1/P/R and sh4, and this script prints pages/s and MB/s
on one core (sequential, in this process, after one warm-up page outside the timing) and peak
memory (the process's max RSS; run one tool alone to read its own).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parent.parent / "shared" / "bench"


def load_pages(bench: Path, kind: str) -> list[tuple[str, bytes]]:
    """(id, raw bytes) of every benchmark page of one kind, sorted by id."""
    root = bench / "scrapinghub"
    if kind == "text":
        return [(p.stem, p.read_bytes()) for p in sorted((root / "text").glob("*.txt"))]
    return [(p.name.split(".")[0], gzip.decompress(p.read_bytes()))
            for p in sorted((root / "html").glob("*.html.gz"))]


def hard_wrap(pages: list[tuple[str, bytes]], width: int) -> list[tuple[str, bytes]]:
    """Text dumps as a text-mode browser prints them: every line wrapped at ``width`` columns."""
    import textwrap
    wrapped = []
    for pid, raw in pages:
        rows = [part for line in raw.decode("utf-8").splitlines()
                for part in textwrap.wrap(line, width, break_long_words=False,
                                          break_on_hyphens=False) or [""]]
        wrapped.append((pid, ("\n".join(rows) + "\n").encode("utf-8")))
    return wrapped


def page_urls(bench: Path) -> dict[str, str]:
    """Each page's URL, from the manifest."""
    rows = (bench / "scrapinghub" / "manifest.tsv").read_text("utf-8").splitlines()[1:]
    return {r.split("\t")[0]: r.split("\t")[1] for r in rows if r}


def run_stripper(pages, kind, urls, config=None, dump_urls=False):
    import stripper
    config = config or stripper.Config()
    for pid, raw in pages:
        url = urls.get(pid) if kind == "html" or dump_urls else None
        doc = stripper.clean(raw, url=url, config=config)
        yield pid, {"title": doc.title, "date": doc.date, "body": doc.text}


def run_trafilatura(pages, kind, urls):
    import trafilatura
    for pid, raw in pages:
        text = trafilatura.extract(_as_html(raw, kind), favor_precision=True, url=urls.get(pid)) or ""
        yield pid, {"body": text}


def run_readability(pages, kind, urls):
    import lxml.html
    from readability import Document
    for pid, raw in pages:
        summary = Document(_as_html(raw, kind)).summary(html_partial=True)
        text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        yield pid, {"body": text}


def run_boilerpy3(pages, kind, urls):
    from boilerpy3 import extractors
    extractor = extractors.ArticleExtractor(raise_on_failure=False)
    for pid, raw in pages:
        yield pid, {"body": extractor.get_content(_as_html(raw, kind).decode("utf-8", "replace"))}


def _as_html(raw: bytes, kind: str) -> bytes:
    """HTML tools get text dumps as one <p> per line."""
    if kind == "html":
        return raw
    lines = raw.decode("utf-8", "replace").splitlines()
    return ("<html><body>" + "".join(f"<p>{html.escape(l)}</p>" for l in lines if l.strip())
            + "</body></html>").encode("utf-8")


def _config(settings):
    import stripper
    config = stripper.Config()
    changes = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        changes[name] = type(getattr(config, name))(value)
    return config.replace(**changes)


TOOLS = {"stripper": run_stripper, "trafilatura": run_trafilatura,
         "readability": run_readability, "boilerpy3": run_boilerpy3}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=("text", "html"), default="text")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--compare", nargs="*", default=[], choices=sorted(set(TOOLS) - {"stripper"}))
    ap.add_argument("--wrap", type=int, metavar="COLUMNS",
                    help="text dumps only: hard-wrap every line first, as lynx -dump does")
    ap.add_argument("--dump-urls", action="store_true",
                    help="text dumps only: give stripper each page's address (as --url does)")
    ap.add_argument("--csv", action="store_true", help="also write per-page scores (worst pages first)")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                    help="override stripper thresholds (see stripper/config.py), to try a change")
    args = ap.parse_args(argv)
    pages = load_pages(args.bench, args.kind)
    if args.wrap:
        if args.kind != "text":
            ap.error("--wrap applies to text dumps (--kind text)")
        pages = hard_wrap(pages, args.wrap)
    urls = page_urls(args.bench)
    megabytes = sum(len(raw) for _, raw in pages) / 1e6
    results = {}
    for tool in ["stripper", *args.compare]:
        out = HERE / "out" / (args.kind + (f"-wrap{args.wrap}" if args.wrap else "")) / tool
        out.mkdir(parents=True, exist_ok=True)
        run = (lambda some: run_stripper(some, args.kind, urls, _config(args.set), args.dump_urls)) \
            if tool == "stripper" else (lambda some: TOOLS[tool](some, args.kind, urls))
        list(run(pages[:1]))  # warm-up outside the timing: imports, rule loading
        started = time.perf_counter()
        preds = list(run(pages))
        seconds = time.perf_counter() - started
        for pid, pred in preds:
            (out / f"{pid}.json").write_text(json.dumps(pred, ensure_ascii=False), "utf-8")
        score_cmd = [sys.executable, str(args.bench / "score.py"), "--truth",
                     str(args.bench / "scrapinghub" / "truth"), "--pred", str(out),
                     "--silver-meta", str(args.bench / "scrapinghub" / "silver_meta.jsonl")]
        if args.csv:
            score_cmd += ["--csv", str(out.parent / f"{tool}.csv")]
        scored = subprocess.run(score_cmd, capture_output=True, text=True, check=True).stdout.strip()
        results[tool] = len(pages) / seconds
        print(f"{tool:<12} {args.kind}: {len(pages)} pages in {seconds:.2f}s = "
              f"{len(pages) / seconds:.1f} pages/s, {megabytes / seconds:.2f} MB/s")
        print(f"{'':<12} {scored}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of this process, all tools): {peak:.0f} MB")
    for tool in args.compare:
        print(f"stripper speed / {tool}: {results['stripper'] / results[tool]:.1f}x")


if __name__ == "__main__":
    main()
