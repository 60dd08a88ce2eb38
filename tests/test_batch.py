"""Batch runs: folders walked and mirrored, failures on one line each, resume, jsonl streams,
parallel workers, Ctrl-C, and ``clean_many``. Inputs are built from ``fixtures/`` in tmp_path."""

import gzip
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import stripper
from stripper.batch import Failure, Record, clean_many
from stripper.cli import cli
from stripper.document import Document
from stripper.errors import UsageError
from stripper.inputs import Source, iter_sources
from stripper.plan import Task
from stripper.pool import run_tasks
from stripper.writers import write_json, write_jsonl

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXT_PAGES = sorted((FIXTURES / "text").glob("*.txt"))[:10]
HTML_PAGES = sorted((FIXTURES / "html").glob("*.html"))[:10]
RANDOM = bytes((i * 7919 + 13) % 256 for i in range(4096))  # random-looking bytes, no RNG needed


def invoke(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("stripper: error: ")]


def summary_line(output: str) -> str:
    return [line for line in output.splitlines() if line.startswith("stripper: ") and " cleaned, " in line][-1]


def snapshot(root: Path) -> dict[str, str]:
    """Every file under root (symlinks not followed) with a digest of its bytes."""
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink():
                out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def scraped(tmp_path) -> Path:
    """10 text dumps and 10 HTML pages in nested folders (half the HTML gzipped), plus a
    random-bytes file, a file of NUL bytes, a fake .gz and a symlink loop."""
    root = tmp_path / "scraped"
    for i, page in enumerate(TEXT_PAGES):
        folder = root / "text" / ("a" if i % 2 else "b")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / page.name).write_bytes(page.read_bytes())
    for i, page in enumerate(HTML_PAGES):
        folder = root / "html" / "x" / "y" if i % 2 else root / "html"
        folder.mkdir(parents=True, exist_ok=True)
        if i % 2:
            (folder / (page.name + ".gz")).write_bytes(gzip.compress(page.read_bytes(), mtime=0))
        else:
            (folder / page.name).write_bytes(page.read_bytes())
    (root / "bad").mkdir()
    (root / "bad" / "random.html").write_bytes(RANDOM)
    (root / "bad" / "zeros.txt").write_bytes(bytes(5000))
    (root / "bad" / "fake.html.gz").write_bytes(gzip.compress(HTML_PAGES[0].read_bytes())[:200])
    (root / "html" / "loop").symlink_to("..")
    return root


def expected_outputs(root: Path, ext: str) -> set[str]:
    good = set()
    for path in root.rglob("*"):
        if path.is_file() and "bad" not in path.parts and "loop" not in path.parts:
            name = path.name.removesuffix(".gz").removesuffix(".html").removesuffix(".txt")
            good.add(str(path.parent.relative_to(root) / (name + ext)))
    return good


def test_folder_with_bad_files_is_mirrored_and_each_bad_file_is_one_line(scraped, tmp_path):
    before = snapshot(scraped)
    out = tmp_path / "clean"
    result = invoke("clean", scraped, "-o", out, "--format", "json", "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert sorted(error_lines(result.output)) == sorted([
        f"stripper: error: {scraped}/bad/fake.html.gz: looks gzip-compressed but is truncated or corrupt",
        f"stripper: error: {scraped}/bad/random.html: binary data, not a text or HTML page",
        f"stripper: error: {scraped}/bad/zeros.txt: binary data, not a text or HTML page",
        f"stripper: error: {scraped}/html/loop: symlink loop, not followed",
    ])
    assert set(snapshot(out)) == expected_outputs(scraped, ".json")
    for name in snapshot(out):
        doc = json.loads((out / name).read_text("utf-8"))
        assert doc["source"].startswith(str(scraped)) and Path(doc["source"]).exists()
    assert summary_line(result.output).startswith("stripper: ")
    assert " 0 skipped, 4 failed in " in summary_line(result.output)
    assert snapshot(scraped) == before, "inputs must be byte-identical afterwards"

    first = snapshot(out)
    again = invoke("clean", scraped, "-o", out, "--format", "json", "--jobs", "2")
    assert again.exit_code == 1 and snapshot(out) == first
    assert " 0 cleaned, 0 empty (no article found), 20 skipped, 4 failed " in summary_line(again.output)
    forced = invoke("clean", scraped, "-o", out, "--format", "json", "--jobs", "1", "--force")
    assert forced.exit_code == 1 and snapshot(out) == first, "a redo gives byte-identical outputs"
    assert " 0 skipped, 4 failed " in summary_line(forced.output)
    assert snapshot(scraped) == before


@pytest.mark.parametrize("fmt, ext", [("text", ".txt"), ("markdown", ".md")])
def test_extension_follows_the_format(tmp_path, fmt, ext):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_bytes(HTML_PAGES[0].read_bytes())
    (tmp_path / "in" / "dump.txt").write_bytes(TEXT_PAGES[0].read_bytes())
    result = invoke("clean", tmp_path / "in", "-o", tmp_path / "out", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(["page" + ext, "dump" + ext])


def test_only_changed_inputs_are_redone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for page in TEXT_PAGES[:3]:
        (src / page.name).write_bytes(page.read_bytes())
    out = tmp_path / "out"
    assert invoke("clean", src, "-o", out, "--jobs", "1").exit_code == 0
    changed = src / TEXT_PAGES[1].name
    later = (out / (TEXT_PAGES[1].stem + ".txt")).stat().st_mtime + 10
    os.utime(changed, (later, later))
    result = invoke("clean", src, "-o", out, "--jobs", "1")
    assert result.exit_code == 0
    assert "stripper: 1 cleaned, 0 empty (no article found), 2 skipped, 0 failed in " in result.output


def test_outputs_that_would_share_a_name_keep_their_input_names(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.html").write_bytes(HTML_PAGES[0].read_bytes())
    (src / "page.txt").write_bytes(TEXT_PAGES[0].read_bytes())
    (src / "other.HTML").write_bytes(HTML_PAGES[1].read_bytes())
    result = invoke("clean", src, "-o", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["other.json", "page.html.json", "page.txt.json"]


def test_include_exclude_and_hidden_files(tmp_path):
    src = tmp_path / "in"
    for folder in ("keep", "drafts", ".git"):
        (src / folder).mkdir(parents=True)
        (src / folder / "a.txt").write_bytes(TEXT_PAGES[0].read_bytes())
    (src / "keep" / ".hidden.txt").write_bytes(TEXT_PAGES[0].read_bytes())
    (src / "keep" / "notes.md").write_bytes(TEXT_PAGES[0].read_bytes())
    (src / "keep" / "page.htm").write_bytes(HTML_PAGES[0].read_bytes())

    def sources(*args):
        result = invoke("clean", src, "--format", "jsonl", *args)
        assert result.exit_code == 0, result.output
        return [Path(json.loads(line)["source"]).relative_to(src).as_posix()
                for line in result.output.splitlines() if line.startswith("{")]

    assert sources() == ["drafts/a.txt", "keep/a.txt", "keep/page.htm"]
    assert sources("--exclude", "drafts") == ["keep/a.txt", "keep/page.htm"]
    assert sources("--include", "*.md", "--include", "*.HTM") == ["keep/notes.md", "keep/page.htm"]
    assert sources("--exclude", "keep/*.txt") == ["drafts/a.txt", "keep/page.htm"]


def test_jsonl_stream_is_in_input_order_with_sources(scraped, tmp_path):
    skip = ("--exclude", "bad", "--exclude", "loop")
    result = invoke("clean", scraped, "--format", "jsonl", "--jobs", "2", *skip)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    walked = [str(s.path) for s in iter_sources([scraped], exclude=["bad"]) if isinstance(s, Source)]
    assert [line["source"] for line in lines] == walked and len(walked) == 20
    assert walked == sorted(walked, key=lambda p: Path(p).parts)

    out = tmp_path / "all.jsonl"
    to_file = invoke("clean", scraped, "--format", "jsonl", "-o", out, *skip, "--jobs", "1")
    assert to_file.exit_code == 0
    assert out.read_text("utf-8").splitlines() == [l for l in result.output.splitlines() if l.startswith("{")]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_errors_file_lists_failures_as_jsonl(scraped, tmp_path):
    errors = tmp_path / "errors.jsonl"
    result = invoke("clean", scraped / "bad", "-o", tmp_path / "out", "--errors", errors)
    assert result.exit_code == 1
    rows = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert rows == [
        {"source": f"{scraped}/bad/fake.html.gz", "error": "looks gzip-compressed but is truncated or corrupt"},
        {"source": f"{scraped}/bad/random.html", "error": "binary data, not a text or HTML page"},
        {"source": f"{scraped}/bad/zeros.txt", "error": "binary data, not a text or HTML page"},
    ]
    assert invoke("clean", scraped / "text", "-o", tmp_path / "out", "--errors", errors).exit_code == 0
    assert errors.read_text("utf-8") == "", "a clean run leaves an empty errors file, not a stale one"


def test_output_folder_inside_the_input_tree_is_not_walked(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for page in TEXT_PAGES[:2]:
        (src / page.name).write_bytes(page.read_bytes())
    first = invoke("clean", src, "-o", src / "clean", "--format", "text")
    assert first.exit_code == 0, first.output
    again = invoke("clean", src, "-o", src / "clean", "--format", "text")
    assert "stripper: 0 cleaned, 0 empty (no article found), 2 skipped, 0 failed in " in again.output
    assert sorted(p.name for p in (src / "clean").iterdir()) == sorted(p.name for p in TEXT_PAGES[:2])


def test_several_inputs_mirror_under_their_names(tmp_path):
    for name in ("site1", "site2"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_bytes(TEXT_PAGES[0].read_bytes())
    page = tmp_path / "single.html"
    page.write_bytes(HTML_PAGES[0].read_bytes())
    result = invoke("clean", tmp_path / "site1", tmp_path / "site2", page, "-o", tmp_path / "out", "-f", "json")
    assert result.exit_code == 0, result.output
    assert snapshot(tmp_path / "out").keys() == {"site1/a.json", "site2/a.json", "single.json"}


def test_usage_errors_exit_2_with_a_message_that_says_what_to_do(tmp_path, scraped):
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "text").mkdir()
    cases = [
        (["clean", scraped, "-o", scraped],
         f"Error: -o {scraped} is the input folder itself; choose another folder so that outputs do not mix with the pages."),
        (["clean", scraped, "-o", tmp_path / "file.txt"],
         f"Error: -o {tmp_path / 'file.txt'} is a file, but a folder, a WARC file or several inputs need a folder "
         "for their outputs (or use --format jsonl for one file)."),
        (["clean", scraped, "--format", "jsonl", "-o", tmp_path / "other"],
         f"Error: -o {tmp_path / 'other'} is a folder; with --format jsonl, -o names one file."),
        (["clean", scraped, "--url", "https://example.com/"],
         "Error: --url applies to a single input; give one file or stdin."),
        (["clean", scraped / "text", tmp_path / "other" / "text", "-o", tmp_path / "out"],
         f"Error: inputs {scraped / 'text'} and {tmp_path / 'other' / 'text'} would write to the same output "
         "'text'; clean them in separate runs"),
        (["clean", tmp_path / "file.txt", "-o", tmp_path / "file.txt"],
         f"Error: -o {tmp_path / 'file.txt'} is also an input; choose another output file."),
        (["clean", scraped, "--jobs", "0"], None),
    ]
    for args, message in cases:
        result = invoke(*args)
        assert result.exit_code == 2, (args, result.output)
        if message:
            assert result.output.strip().splitlines()[-1] == message


def test_quiet_prints_errors_but_no_summary(scraped):
    result = invoke("clean", scraped / "bad", "--quiet", "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 3
    assert all(line.startswith("stripper: error: ") for line in result.output.strip().splitlines())


def test_progress_bar_on_a_terminal(scraped, tmp_path, monkeypatch):
    monkeypatch.setattr("stripper.cli._stderr_is_terminal", lambda: True)
    result = invoke("clean", scraped, "-o", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 1
    assert result.output.startswith("cleaning")  # click draws the bar itself only on a real terminal
    assert len(error_lines(result.output)) == 4


def test_single_file_and_stdin_keep_their_plain_output(tmp_path):
    result = invoke("clean", TEXT_PAGES[0], "--format", "json")
    assert result.exit_code == 0 and "skipped" not in result.output
    assert json.loads(result.output)["source"] == str(TEXT_PAGES[0])
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    into = invoke("clean", TEXT_PAGES[0], "-o", out_dir, "--format", "json")
    assert into.exit_code == 0 and (out_dir / (TEXT_PAGES[0].stem + ".json")).exists()


def test_clean_many_yields_documents_and_failures_in_order(scraped):
    records = [Record(HTML_PAGES[0].read_bytes(), "mem:0", url="https://example.com/2023/10/21/a"),
               Record(bytes(100), "mem:1")]
    serial = list(clean_many([scraped, *records], jobs=1))
    parallel = list(clean_many([scraped, *records], jobs=2))
    assert [type(r) for r in serial] == [type(r) for r in parallel]
    assert [r.source for r in serial] == [r.source for r in parallel]
    assert [write_json(r) for r in serial if isinstance(r, Document)] == \
           [write_json(r) for r in parallel if isinstance(r, Document)]
    failures = [r for r in serial if isinstance(r, Failure)]
    assert [str(f) for f in failures] == [f"{scraped}/bad/fake.html.gz: looks gzip-compressed but is truncated or corrupt",
                                          f"{scraped}/bad/random.html: binary data, not a text or HTML page",
                                          f"{scraped}/bad/zeros.txt: binary data, not a text or HTML page",
                                          f"{scraped}/html/loop: symlink loop, not followed",
                                          "mem:1: binary data, not a text or HTML page"]
    assert serial[-2].source == "mem:0" and serial[-2].url == "https://example.com/2023/10/21/a"
    one = stripper.clean(HTML_PAGES[0].read_bytes(), url="https://example.com/2023/10/21/a")
    one.source = "mem:0"
    assert write_json(serial[-2]) == write_json(one)
    assert stripper.clean_many is clean_many


def test_clean_many_matches_cleaning_one_by_one(scraped):
    pages = [s.path for s in iter_sources([scraped], exclude=["bad"]) if isinstance(s, Source)]
    for result, path in zip(clean_many(pages, jobs=2), pages, strict=True):
        one = stripper.clean(path.read_bytes())
        one.source = str(path)
        assert write_jsonl(result) == write_jsonl(one)


class _Crash(os.PathLike):
    """A path whose opening kills the worker process, as a segfault or the OOM killer would."""

    def __init__(self, name):
        self.name = name

    def __fspath__(self):
        os._exit(3)

    def __str__(self):
        return self.name


def test_a_worker_that_dies_costs_only_its_page():
    good = [Task(Source(path, Path(path.name))) for path in TEXT_PAGES[:9]]
    tasks = good[:5] + [Task(Source(_Crash("boom.txt"), Path("boom.txt")))] + good[5:]
    outcomes = [outcome for _, outcome in run_tasks(tasks, jobs=2)]
    assert [type(o).__name__ for o in outcomes] == ["Document"] * 5 + ["Failure"] + ["Document"] * 4
    assert str(outcomes[5]) == ("boom.txt: the worker process died while cleaning it "
                                "(a crash, or killed for using too much memory)")


def test_walk_order_and_collisions_are_stable(scraped):
    first = list(iter_sources([scraped]))
    assert first == list(iter_sources([scraped]))
    names = [str(item.path) if isinstance(item, Source) else item.source for item in first]
    assert names == sorted(names, key=lambda p: Path(p).parts)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_run_resumes_to_the_same_outputs(tmp_path, jobs):
    src = tmp_path / "in"
    pages = [*sorted((FIXTURES / "text").glob("*.txt")), *sorted((FIXTURES / "html").glob("*.html"))]
    for copy in range(5):
        for page in pages:
            folder = src / f"copy{copy}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / page.name).write_bytes(page.read_bytes())
    total = 5 * len(pages)
    command = [sys.executable, "-m", "stripper", "clean", str(src), "--format", "json", "--jobs", jobs]
    reset_sigint = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731 (in case SIGINT is ignored)

    def outputs(out):
        return [p for p in out.rglob("*") if p.is_file()]

    out = tmp_path / "out"
    run = subprocess.Popen([*command, "-o", str(out)], stderr=subprocess.PIPE, text=True, preexec_fn=reset_sigint)
    deadline = time.monotonic() + 60
    while len(outputs(out)) < 10 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.01)
    run.send_signal(signal.SIGINT)
    stderr = run.communicate(timeout=60)[1]
    assert run.returncode == 130, stderr
    assert stderr.splitlines()[-1].startswith("stripper: interrupted: ")
    done = outputs(out)
    assert 10 <= len(done) < total
    assert not [p for p in out.rglob(".*")], "no temporary file is left behind"
    for path in done:
        json.loads(path.read_text("utf-8"))  # every file that exists is whole

    resumed = subprocess.run([*command, "-o", str(out)], capture_output=True, text=True, preexec_fn=reset_sigint)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(done)} skipped, 0 failed" in resumed.stderr
    whole = subprocess.run([*command, "-o", str(tmp_path / "whole")], capture_output=True, text=True)
    assert whole.returncode == 0
    assert snapshot(out) == snapshot(tmp_path / "whole")


def test_clean_many_passes_the_fetch_time_to_the_workers():
    page = ("Home\nNews\n\nDoobie Brothers to reunite for Blossom show\n"
            "Posted Nov 18, 8:19 PM\nBy Troy L. Smith\n\n"
            + "The band will play the amphitheatre on July 22, the promoter said on Monday. " * 4)
    records = [Record(page.encode(), f"page-{n}") for n in range(10)]
    dates = {doc.date for doc in clean_many(records, jobs=2, fetched="2019-11-20")}
    assert dates == {"2019-11-18T20:19:00"}
    with pytest.raises(UsageError):
        list(clean_many(records, jobs=1, fetched="soon"))
