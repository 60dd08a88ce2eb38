"""The ``stripper`` command: a thin click layer over ``stripper.clean``."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .batch import Batch
from .errors import UsageError
from .inputs import DEFAULT_INCLUDE
from .phrases import load_rules
from .rules import CONTEXT_RULES, LINE_RULES, PASS_DECISIONS
from .writers import WRITERS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stripper")
def cli() -> None:
    """Strip boilerplate from scraped web pages: the article body, its title and its date.

    \b
    Examples:
        curl -s https://example.com/news/1 | stripper clean --url https://example.com/news/1
        stripper clean page.txt --format json --explain
        stripper clean scraped/ -o clean/ --format json
        stripper rules
    """


@cli.command("clean")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(WRITERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--explain", is_flag=True,
              help="Show why each line was removed (JSON: a 'removed' list; text: every line labelled).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file; for a folder, a WARC file or several inputs, a folder that "
                   "mirrors them (with --format jsonl, one file).")
@click.option("--url", help="The page's address (single input only): a date and site-name hint.")
@click.option("--fetched", metavar="DATE",
              help="When the pages were fetched (ISO 8601, e.g. 2024-05-01T08:00Z): no later "
                   "date is taken as a page's, and a dateline without a year takes its year. "
                   "WARC records carry their own.")
@click.option("--include", "include", multiple=True, metavar="GLOB",
              help="In folders, clean only files matching this pattern (name or path; repeatable). "
                   "Default: HTML and text files, gzip/bz2/xz or not, and WARC files.")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="In folders, skip files and folders matching this pattern (repeatable).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes.  [default: all cores; 1 cleans in this process]")
@click.option("--force", is_flag=True, help="Redo outputs that are already newer than their inputs.")
@click.option("--errors", "errors", type=click.Path(path_type=Path), metavar="FILE",
              help="Also write each failure to FILE as a JSON line (source, error).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors only.")
def clean_command(inputs: tuple[str, ...], fmt: str, explain: bool, output: Path | None,
                  url: str | None, fetched: str | None, include: tuple[str, ...],
                  exclude: tuple[str, ...],
                  jobs: int | None, force: bool, errors: Path | None, quiet: bool) -> None:
    """Clean pages (text dumps, also hard-wrapped ones from lynx -dump or w3m -dump, or HTML;
    any encoding, gzip/bz2/xz ok) and web archives.

    INPUT is a file, a folder (cleaned recursively, in sorted order, hidden files skipped), a
    WARC file (.warc, .warc.gz: each HTML response; needs pip install 'stripper[warc]') or -
    for standard input; with no INPUT, standard input is read.

    With -o DIR, folders are mirrored: in/a/page.html becomes DIR/a/page.json, and a WARC's
    records become DIR/<warc name>/<host>/<path>.json. A rerun skips outputs newer than their
    inputs (--force redoes them), so an interrupted run picks up where it stopped. With
    --format jsonl, all pages go to one stream (stdout or -o FILE), one line each, in input
    order. Every failure is one line on stderr; a summary closes the run.

    Exit status: 0 all cleaned, 1 some inputs failed (the rest are done), 2 usage error,
    130 interrupted.

    \b
    Examples:
        stripper clean page.txt
        lynx -dump URL | stripper clean
        curl -s URL | stripper clean --url URL --fetched "$(date -u +%FT%TZ)" --format json
        stripper clean page.html --format json --explain
        stripper clean scraped/ -o clean/ --format json
        stripper clean scraped/ -o clean/ --exclude 'drafts' --errors failed.jsonl
        stripper clean crawl.warc.gz --format jsonl -o pages.jsonl
        stripper clean a.html b.txt --format jsonl > pages.jsonl
    """
    try:
        run = Batch(inputs, fmt=fmt, explain=explain, output=output, force=force, jobs=jobs,
                    include=include or DEFAULT_INCLUDE, exclude=exclude, url=url, fetched=fetched,
                    errors=errors,
                    emit=_emit, on_failure=lambda failure: _report(str(failure)),
                    read_stdin=lambda: sys.stdin.buffer.read())
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    show_summary = run.batch and not quiet
    try:
        with _progressbar(run, show=show_summary):
            summary = run.run()
    except KeyboardInterrupt:
        if not quiet:
            click.echo(run.summary.line(interrupted=True), err=True)
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        _silence_stdout()
        sys.exit(1)
    except Exception as exc:  # a bug: one line, not a traceback (STRIPPER_DEBUG=1 shows it)
        if os.environ.get("STRIPPER_DEBUG"):
            raise
        _report(f"internal error ({type(exc).__name__}: {exc}); please report it "
                "(STRIPPER_DEBUG=1 shows the traceback)")
        sys.exit(1)
    if show_summary:
        click.echo(summary.line(), err=True)
    sys.exit(1 if summary.failed else 0)


def _emit(text: str) -> None:
    click.echo(text, nl=False)


_BAR: list = []


def _report(message: str) -> None:
    if _BAR:  # clear the bar's line first; it redraws itself on the next update
        click.echo("\r\x1b[K", nl=False, err=True)
    click.echo(f"stripper: error: {message}", err=True)


@contextmanager
def _progressbar(run: Batch, *, show: bool):
    """click's progress bar, on stderr, only when stderr is a terminal: input bytes done,
    with the count of pages beside it."""
    if not (show and _stderr_is_terminal()):
        yield
        return
    summary = run.summary

    def pages(_item) -> str:
        done = summary.cleaned + summary.empty + summary.failed + summary.skipped
        return f"{done} pages"

    with click.progressbar(length=max(run.total_bytes(), 1), label="cleaning", file=sys.stderr,
                           item_show_func=pages, show_pos=False) as bar:
        def advance(size: int) -> None:
            if size:  # click averages time per step: a 0-byte step at the start skews its ETA
                bar.update(size, current_item=True)

        run.on_progress = advance
        if sys.stderr.isatty():  # click draws only on a real terminal
            _BAR.append(bar)
        try:
            yield
        finally:
            _BAR.clear()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@cli.command("rules")
def rules_command() -> None:
    """List every rule id with what it removes.

    \b
    Example:
        stripper rules
    """
    rows = [(rule.id, rule.doc) for rule in load_rules()]
    rows += [(rule_id, (fn.__doc__ or "").strip().splitlines()[0])
             for rule_id, fn in {**LINE_RULES, **CONTEXT_RULES}.items()]
    rows += list(PASS_DECISIONS.items())
    width = max(len(rule_id) for rule_id, _ in rows)
    for rule_id, doc in rows:
        click.echo(f"{rule_id:<{width}}  {doc}")
