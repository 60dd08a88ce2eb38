"""The ``stripper`` command: a thin click layer over ``stripper.clean``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .batch import Source, iter_sources, output_path, write_atomic
from .document import Document
from .errors import StripperError
from .phrases import load_rules
from .pipeline import clean
from .rules import CONTEXT_RULES, LINE_RULES, PASS_DECISIONS
from .writers import EXTENSIONS, WRITERS

STDIN = "-"


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
              help="Write to this file, or for a folder input to a mirrored folder of outputs.")
@click.option("--url", help="The page's address (single input only): a date and site-name hint.")
def clean_command(inputs: tuple[str, ...], fmt: str, explain: bool, output: Path | None,
                  url: str | None) -> None:
    """Clean pages (text dumps or HTML, any encoding, gzip/bz2/xz ok).

    INPUT is a file, a folder (cleaned recursively) or - for standard input; with no INPUT,
    standard input is read. Exit status: 0 all cleaned, 1 an input could not be cleaned
    (each named on stderr), 2 usage error.

    \b
    Examples:
        stripper clean page.txt
        curl -s URL | stripper clean --url URL --format json
        stripper clean page.html --format json --explain
        stripper clean scraped/ -o clean/ --format markdown
        stripper clean a.html b.txt --format jsonl > pages.jsonl
    """
    inputs = inputs or (STDIN,)
    folders = [name for name in inputs if name != STDIN and Path(name).is_dir()]
    if url and (len(inputs) > 1 or folders):
        raise click.UsageError("--url applies to a single input; give one file or stdin.")
    if output and len(inputs) > 1 and not folders:
        raise click.UsageError("-o with several inputs needs a folder input; "
                               "or use --format jsonl and redirect stdout.")
    failures = 0
    if folders and output:
        failures = _clean_to_folder(inputs, output, fmt, explain)
    else:
        failures = _clean_to_stream(inputs, output, fmt, explain, url)
    sys.exit(1 if failures else 0)


def _clean_to_stream(inputs, output, fmt, explain, url) -> int:
    writer = WRITERS[fmt]
    chunks, failures = [], 0
    sources = [Source(Path(STDIN), Path("stdin"))] if inputs == (STDIN,) else list(iter_sources(inputs))
    many = len(sources) > 1
    for source in sources:
        if isinstance(source, OSError):
            failures += _report(str(source))
            continue
        doc = _clean_source(source, url)
        if doc is None:
            failures += 1
            continue
        text = writer(doc, explain)
        if many and fmt in ("text", "markdown"):
            text = f"==> {source.path} <==\n{text}\n"
        chunks.append(text)
        if not output:
            click.echo(text, nl=False)
    if output and chunks:
        write_atomic(output, "".join(chunks))
    return failures


def _clean_to_folder(inputs, out_dir: Path, fmt: str, explain: bool) -> int:
    writer, failures = WRITERS[fmt], 0
    for source in iter_sources(inputs):
        if isinstance(source, OSError):
            failures += _report(str(source))
            continue
        doc = _clean_source(source, None)
        if doc is None:
            failures += 1
            continue
        write_atomic(output_path(source, out_dir, EXTENSIONS[fmt]), writer(doc, explain))
    return failures


def _clean_source(source: Source, url: str | None) -> Document | None:
    name = str(source.path)
    try:
        raw = sys.stdin.buffer.read() if name == STDIN else source.path.read_bytes()
        doc = clean(raw, url=url)
    except StripperError as exc:
        _report(f"{name}: {exc}")
        return None
    except OSError as exc:
        _report(f"{name}: {exc.strerror or exc}")
        return None
    doc.source = "stdin" if name == STDIN else name
    return doc


def _report(message: str) -> int:
    click.echo(f"stripper: error: {message}", err=True)
    return 1


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
