"""Many pages at full machine speed: :func:`clean_many`, the library's entry point, and
:class:`Batch`, one ``stripper clean`` run with its summary.

Both run through the same two steps: :func:`~stripper.plan.plan` turns inputs into tasks
(walking folders, opening WARC files, deciding what a rerun skips) and
:func:`~stripper.pool.run_tasks` cleans them, in a pool of worker processes fed in bounded
chunks, and hands back one outcome per task in input order. Only the parent process writes
files, each through a temporary file and a rename, so a killed worker or a Ctrl-C never
leaves half a file.

Results: ``clean_many`` yields a :class:`~stripper.document.Document` for each page it
cleaned and a :class:`~stripper.errors.Failure` (``source``, ``reason``) for each input it
could not clean. Both carry ``.source``, the input's name.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from .config import DEFAULT, Config
from .dates import parse_iso
from .document import Document
from .errors import Failure, UsageError, one_line_reason
from .inputs import DEFAULT_INCLUDE, STDIN, Record, Source, is_warc, iter_sources
from .outputs import AtomicStream, write_atomic
from .plan import SKIPPED, Outcome, Task, plan
from .pool import run_tasks
from .writers import EXTENSIONS


def clean_many(inputs: Iterable[str | os.PathLike | Record], *, jobs: int | None = None,
               config: Config = DEFAULT, include: Iterable[str] = DEFAULT_INCLUDE,
               exclude: Iterable[str] = (), fetched: str | None = None
               ) -> Iterator[Document | Failure]:
    """Clean many pages in parallel, yielding one result per page in input order.

    Each input is a file, a folder (walked recursively in sorted order; hidden entries
    skipped; ``include``/``exclude`` glob patterns pick files), a WARC file (one result per
    HTML response; needs ``stripper[warc]``), or a :class:`Record` of bytes. A page that was
    cleaned gives its ``Document`` (with ``.source`` set, and ``.url`` for WARC records); an
    input that could not be cleaned gives a ``Failure(source, reason)``, and the rest go on.
    ``jobs`` worker processes do the work (default: all cores; 1: in this process).
    ``fetched`` (ISO 8601) is when the pages were fetched: no later date is a page's, and a
    dateline without a year takes the fetch year (a WARC record's own date comes first). This is
    the code path of ``stripper clean``. Workers start fresh and import the main module, so a
    script that uses ``jobs`` > 1 needs the usual ``if __name__ == "__main__":`` guard.
    Close the generator early (or leave a ``for`` loop) and the workers are stopped.

    >>> page = b"Menu\\nHome\\nA headline here\\n\\n" + b"A sentence of prose goes here, and on. " * 5
    >>> for result in clean_many([Record(page, "one"), Record(bytes(64), "two")], jobs=1):
    ...     print(result.source, result.title if isinstance(result, Document) else result.reason)
    one A headline here
    two binary data, not a text or HTML page
    """
    tasks = plan(inputs, include=include, exclude=exclude)
    with closing(run_tasks(tasks, jobs=jobs, config=config,
                           fetched=checked_fetch_time(fetched))) as results:
        for _, outcome in results:
            yield outcome


def checked_fetch_time(fetched: str | None) -> str | None:
    """A fetch time as given, once it reads as an ISO 8601 date; raises ``UsageError`` if not.

    >>> checked_fetch_time("2024-05-01T08:00:00Z")
    '2024-05-01T08:00:00Z'
    """
    if fetched is not None and parse_iso(fetched) is None:
        raise UsageError(f"--fetched {fetched!r} is not an ISO 8601 date (e.g. 2024-05-01 or "
                         "2024-05-01T08:00:00Z).")
    return fetched


@dataclass
class Summary:
    """The closing line's counts. ``cleaned``: pages with an article; ``empty``: pages cleaned
    but with no article found; ``skipped``: outputs already newer than their inputs;
    ``failed``: inputs that could not be cleaned. Pages/s counts every page worked on
    (cleaned, empty and failed), over the whole run.

    >>> Summary(cleaned=178, empty=3, failed=3, started=0.0, finished=4.6).line()
    'stripper: 178 cleaned, 3 empty (no article found), 0 skipped, 3 failed in 4.6 s (40.0 pages/s)'
    """

    cleaned: int = 0
    empty: int = 0
    skipped: int = 0
    failed: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def elapsed(self) -> float:
        """Seconds since the run started (until it finished)."""
        return (self.finished if self.finished is not None else time.monotonic()) - self.started

    def line(self, *, interrupted: bool = False) -> str:
        """The summary line printed at the end of a run."""
        elapsed = self.elapsed
        rate = (self.cleaned + self.empty + self.failed) / elapsed if elapsed > 0 else 0.0
        return (f"stripper: {'interrupted: ' if interrupted else ''}{self.cleaned} cleaned, "
                f"{self.empty} empty (no article found), {self.skipped} skipped, {self.failed} failed "
                f"in {elapsed:.1f} s ({rate:.1f} pages/s)")


def is_batch(inputs: Iterable[str | os.PathLike]) -> bool:
    """Several inputs, a folder or a WARC file: a run that mirrors into ``-o DIR`` and ends
    with a summary."""
    inputs = [os.fspath(name) for name in inputs]
    return len(inputs) > 1 or any(name != STDIN and (os.path.isdir(name) or is_warc(name))
                                  for name in inputs)


class Batch:
    """One ``stripper clean`` run: where outputs go, what to skip, and the summary.

    ``output`` is a folder to mirror into when the run is a batch (see :func:`is_batch`) or
    names an existing folder, unless ``fmt`` is ``jsonl``; else a file written atomically at
    the end; ``None`` streams to ``emit``. Each failure goes to ``on_failure`` (and, with
    ``errors``, to that JSONL file); ``on_progress`` gets the input bytes each finished task
    accounts for. Raises ``UsageError`` for inputs and options that do not fit together.
    """

    def __init__(self, inputs: Iterable[str], *, fmt: str = "text", explain: bool = False,
                 output: Path | None = None, force: bool = False, jobs: int | None = None,
                 include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = (),
                 config: Config = DEFAULT, url: str | None = None, fetched: str | None = None,
                 errors: Path | None = None,
                 emit: Callable[[str], None] = print, on_failure: Callable[[Failure], None] = print,
                 on_progress: Callable[[int], None] | None = None,
                 read_stdin: Callable[[], bytes] | None = None):
        self.inputs = [os.fspath(name) for name in inputs] or [STDIN]
        self.batch = is_batch(self.inputs)
        if url and self.batch:
            raise UsageError("--url applies to a single input; give one file or stdin.")
        self.mirror = (output is not None and fmt != "jsonl"
                       and (self.batch or output.is_dir()))
        if output is not None:
            self._check_output(output, fmt)
        self.fmt, self.explain, self.output, self.errors = fmt, explain, output, errors
        self.jobs, self.config, self.fetched = jobs, config, checked_fetch_time(fetched)
        self.include, self.exclude = tuple(include), tuple(exclude)
        self.emit, self.on_failure, self.on_progress = emit, on_failure, on_progress
        self.summary = Summary()
        self._tasks = plan(self.inputs, include=self.include, exclude=self.exclude,
                           out_dir=output if self.mirror else None, extension=EXTENSIONS[fmt],
                           force=force, url=url, sizes=True,
                           read_stdin=read_stdin)

    def _check_output(self, output: Path, fmt: str) -> None:
        if self.mirror:
            if output.exists() and not output.is_dir():
                raise UsageError(f"-o {output} is a file, but a folder, a WARC file or several inputs "
                                 "need a folder for their outputs (or use --format jsonl for one file).")
            if STDIN in self.inputs:
                raise UsageError("standard input (-) has no name to mirror into a folder; "
                                 "clean it alone, or use --format jsonl.")
            for name in self.inputs:
                if os.path.isdir(name) and output.exists() and os.path.samefile(name, output):
                    raise UsageError(f"-o {output} is the input folder itself; choose another folder "
                                     "so that outputs do not mix with the pages.")
        elif output.is_dir():
            raise UsageError(f"-o {output} is a folder; with --format jsonl, -o names one file.")
        else:
            for name in self.inputs:
                if name != STDIN and output.exists() and os.path.exists(name) \
                        and os.path.samefile(name, output):
                    raise UsageError(f"-o {output} is also an input; choose another output file.")

    def total_bytes(self) -> int:
        """Size of every input file (WARC files whole): the progress bar's length."""
        total = 0
        skip = [self.output] if self.mirror else []
        for source in iter_sources([n for n in self.inputs if n != STDIN], self.include,
                                   self.exclude, skip=skip):
            if isinstance(source, Source):
                try:
                    total += os.stat(source.path).st_size
                except OSError:
                    pass
        return total

    def run(self) -> Summary:
        """Clean every input, write or stream the outputs, and return the counts. On
        KeyboardInterrupt the workers are stopped, nothing half-written is left, and the
        exception propagates (``self.summary`` holds the counts so far)."""
        self.summary.started = time.monotonic()
        stream = AtomicStream(self.output) if self.output is not None and not self.mirror else None
        errors = AtomicStream(self.errors) if self.errors is not None else None
        results = run_tasks(self._tasks, jobs=self.jobs, config=self.config,
                            render=(self.fmt, self.explain), fetched=self.fetched)
        try:
            with closing(results):
                for task, outcome in results:
                    self._take(task, outcome, stream, errors)
            if stream is not None:
                stream.commit()
        finally:
            if stream is not None:
                stream.discard()
            if errors is not None:
                errors.write("")
                errors.commit()
            self.summary.finished = time.monotonic()
        return self.summary

    def _take(self, task: Task, outcome: Outcome, stream: AtomicStream | None,
              errors: AtomicStream | None) -> None:
        if isinstance(outcome, Failure):
            self._fail(outcome, errors)
        elif outcome is SKIPPED:
            self.summary.skipped += 1
        else:
            text = outcome.text
            if self.batch and not self.mirror and self.fmt in ("text", "markdown"):
                text = f"==> {task.source} <==\n{text}\n"
            try:
                if self.mirror:
                    write_atomic(task.output, text)
                elif stream is not None:
                    stream.write(text)
                else:
                    self.emit(text)
            except OSError as exc:
                if not (self.mirror or stream is not None):
                    raise
                target = task.output if self.mirror else self.output
                self._fail(Failure(task.source, f"cannot write {target}: {one_line_reason(exc)}"), errors)
            else:
                if outcome.empty:
                    self.summary.empty += 1
                else:
                    self.summary.cleaned += 1
        if self.on_progress is not None:
            self.on_progress(task.size)

    def _fail(self, failure: Failure, errors: AtomicStream | None) -> None:
        self.summary.failed += 1
        self.on_failure(failure)
        if errors is not None:
            errors.write(json.dumps(failure.to_dict(), ensure_ascii=False) + "\n")
