"""Batch speed and memory of ``stripper clean DIR -o OUT``, run as the command a user runs.

    python benchmarks/batch.py                     # speed, then memory (200 vs 20,000 files)
    python benchmarks/batch.py --runs 3 --big 20000
    python benchmarks/batch.py --skip-memory

Speed: the shared bench pages (181 HTML pages, half gzipped, in nested folders, and the 181
text dumps) are cleaned into a fresh folder with ``--jobs 1`` and ``--jobs 2``, alternating,
``--runs`` times each; the best run of each counts (other processes share the machine). Pages/s
is the command's own figure (its closing summary: pages over the run, after start-up).

Memory: the peak memory of the whole stripper process tree (the command, the worker pool's
fork server and its workers), sampled from /proc every 20 ms, cleaning a folder of 200 files
and one of ``--big`` files (symlinks to the bench pages, 100 to a folder). RSS double-counts
pages the forked workers share; PSS splits them fairly, so PSS is the figure to compare.

Calibration: how much faster two processes run a pure-Python loop than one, on this machine
right now: the ceiling for any ``--jobs 2`` speed-up here.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BENCH = HERE.parent.parent / "shared" / "bench"
SUMMARY = re.compile(r"stripper: (\d+) cleaned, (\d+) empty .*?(\d+) failed in ([\d.]+) s \(([\d.]+) pages/s\)")


def build_speed_folder(bench: Path, root: Path) -> int:
    """The bench pages as a user's scrape: HTML half gzipped, half plain, in nested folders."""
    html = sorted((bench / "scrapinghub" / "html").glob("*.html.gz"))
    for i, page in enumerate(html):
        if i % 2:
            folder = root / "html" / "gz"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, folder / page.name)
        else:
            folder = root / "html" / "plain" / page.name[:2]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
    text = sorted((bench / "scrapinghub" / "text").glob("*.txt"))
    (root / "text").mkdir(parents=True)
    for page in text:
        shutil.copyfile(page, root / "text" / page.name)
    return len(html) + len(text)


def build_memory_folder(bench: Path, root: Path, count: int) -> None:
    """``count`` symlinks to the bench pages, 100 to a folder."""
    pages = [*sorted((bench / "scrapinghub" / "html").glob("*.html.gz")),
             *sorted((bench / "scrapinghub" / "text").glob("*.txt"))]
    for i in range(count):
        page = pages[i % len(pages)]
        folder = root / f"{i // 100:05d}"
        if i % 100 == 0:
            folder.mkdir(parents=True)
        (folder / f"{i:06d}-{page.name}").symlink_to(page)


def command(src: Path, out: Path, jobs: int | None) -> list[str]:
    args = [sys.executable, "-m", "stripper", "clean", str(src), "-o", str(out), "--format", "json"]
    return args + (["--jobs", str(jobs)] if jobs else [])


def shown(args: list[str]) -> str:
    return "stripper " + " ".join(args[3:])


def run(args: list[str], sample_memory: bool = False, out: Path | None = None) -> dict:
    """Run the command; its summary figures, (sampling /proc) its tree's peak memory, and
    (watching ``out``) when its first output appeared."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = peak_parent = 0
    first_output = None
    while process.poll() is None and (sample_memory or (out is not None and first_output is None)):
        if out is not None and first_output is None and out.exists():
            first_output = time.perf_counter()
        if sample_memory:
            rss, pss, parent = tree_memory(process.pid)
            peak_rss, peak_pss, peak_parent = max(peak_rss, rss), max(peak_pss, pss), max(peak_parent, parent)
        time.sleep(0.02 if sample_memory else 0.002)
    stderr = process.communicate()[1]
    wall = time.perf_counter() - started
    ended = started + wall
    match = SUMMARY.search(stderr)
    if not match:
        raise SystemExit(f"no summary from {shown(args)}:\n{stderr}")
    cleaned, empty, failed, seconds, rate = match.groups()
    return {"pages": int(cleaned) + int(empty) + int(failed), "seconds": float(seconds),
            "rate": float(rate), "wall": wall, "rss": peak_rss / 2**20, "pss": peak_pss / 2**20,
            "parent": peak_parent / 2**20,
            "steady": (int(cleaned) + int(empty) + int(failed)) / (ended - first_output) if first_output else 0.0,
            "exit": process.returncode}


def tree_memory(root_pid: int) -> tuple[int, int, int]:
    """Summed RSS and PSS (bytes) of a process and all its descendants, and the RSS of the
    process itself (the parent: walking, planning, writing), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    rss = pss = parent = 0
    todo = [root_pid]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
                    if pid == root_pid:
                        parent = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return rss, pss, parent


def _spin(n: int) -> None:
    x = 0
    for i in range(n):
        x += i * i


def calibrate(runs: int, n: int = 8_000_000) -> float:
    """Best speed-up of two processes over one on a pure-Python loop."""
    best = 0.0
    context = multiprocessing.get_context("forkserver")
    with context.Pool(2) as pool:
        pool.map(_spin, [1, 1])
        for _ in range(runs):
            started = time.perf_counter()
            _spin(n)
            one = time.perf_counter() - started
            started = time.perf_counter()
            pool.map(_spin, [n // 2, n // 2])
            two = time.perf_counter() - started
            best = max(best, one / two)
    return best


def speed(bench: Path, work: Path, runs: int) -> None:
    src = work / "speed"
    pages = build_speed_folder(bench, src)
    print(f"speed: {pages} bench pages in {src} (HTML half gzipped, nested; text dumps)")
    results: dict[int, list[dict]] = {1: [], 2: []}
    for _ in range(runs):
        for jobs in (1, 2):
            out = work / f"out-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            results[jobs].append(run(command(src, out, jobs), out=out))
    for jobs, rows in results.items():
        best = max(rows, key=lambda r: r["rate"])
        every = ", ".join(f"{r['rate']:.1f}" for r in rows)
        print(f"  {shown(command(src, work / 'out', jobs))}")
        print(f"    best of {runs}: {best['pages']} pages in {best['seconds']:.1f} s = {best['rate']:.1f} pages/s "
              f"(all runs: {every} pages/s)")
    ratio = max(r["rate"] for r in results[2]) / max(r["rate"] for r in results[1])
    print(f"  --jobs 2 / --jobs 1: {ratio:.2f}x pages/s (target: at least 1.7x)")
    steady = {jobs: max(r["steady"] for r in rows) for jobs, rows in results.items()}
    print(f"  after start-up (from the first output on; workers start in about half a second): "
          f"--jobs 1 {steady[1]:.1f}, --jobs 2 {steady[2]:.1f} pages/s = {steady[2] / steady[1]:.2f}x")


def memory(bench: Path, work: Path, sizes: list[int]) -> None:
    print("memory: peak of the stripper process tree (command + fork server + workers), default --jobs")
    peaks = {}
    for count in sizes:
        src = work / f"mem-{count}"
        build_memory_folder(bench, src, count)
        out = work / f"mem-out-{count}"
        result = run(command(src, out, None), sample_memory=True)
        peaks[count] = result
        print(f"  {shown(command(src, out, None))}")
        print(f"    {count} files: peak PSS {result['pss']:.0f} MB, peak RSS (summed) {result['rss']:.0f} MB, "
              f"of which the command process itself {result['parent']:.0f} MB; "
              f"{result['pages']} pages in {result['seconds']:.1f} s = {result['rate']:.1f} pages/s")
        shutil.rmtree(out, ignore_errors=True)
    small, big = peaks[sizes[0]], peaks[sizes[-1]]
    print(f"  {sizes[-1]} files / {sizes[0]} files: PSS {big['pss'] / small['pss']:.2f}x, "
          f"RSS {big['rss'] / small['rss']:.2f}x, command process {big['parent'] / small['parent']:.2f}x "
          "(target: at most 1.5x)")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--runs", type=int, default=3, help="runs of each --jobs setting; the best counts")
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--big", type=int, default=20_000)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; "
          f"two processes run a pure-Python loop {calibrate(args.runs):.2f}x as fast as one "
          f"(best of {args.runs}): the ceiling for --jobs 2 here")
    with tempfile.TemporaryDirectory(prefix="stripper-batch-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_speed:
            speed(args.bench, work, args.runs)
        if not args.skip_memory:
            memory(args.bench, work, [args.small, args.big])


if __name__ == "__main__":
    main()
