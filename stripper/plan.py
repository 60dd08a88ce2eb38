"""Inputs to tasks: one :class:`Task` per file or record to clean, lazily and in input order,
each with its output path when the run mirrors into a folder, and the outcomes decided before any
cleaning (a walk error; ``SKIPPED``, an output already newer than its input on a rerun)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .document import Document
from .errors import Failure
from .inputs import DEFAULT_INCLUDE, STDIN, Record, Source, file_identity, input_sources, is_warc
from .outputs import output_path, warc_output_folder
from .warc import RecordNamer, read_warc


class _Skipped:
    """Outcome of a task whose output is already newer than its input."""

    def __repr__(self) -> str:
        return "SKIPPED"


SKIPPED = _Skipped()


class Rendered(NamedTuple):
    """What a worker sends back when the caller wants output text: the text, and whether the
    page had no article (an empty body)."""

    text: str
    empty: bool


Outcome = Document | Rendered | Failure | _Skipped


@dataclass(slots=True)
class Task:
    """One unit of work: a file or a record to clean, or an outcome already decided (a walk
    error, an up-to-date output). ``size`` is the input bytes it accounts for (progress)."""

    item: Source | Record | None
    url: str | None = None
    output: Path | None = None
    decided: Outcome | None = None
    size: int = 0

    @property
    def source(self) -> str:
        """Where the page comes from, as reports name it: a path, or a record's name
        (``FILE#recordN`` for a WARC record)."""
        if isinstance(self.decided, Failure):
            return self.decided.source
        return self.item.source if isinstance(self.item, Record) else str(self.item.path)


def plan(inputs: Iterable[str | os.PathLike | Record], *, include: Iterable[str] = DEFAULT_INCLUDE,
         exclude: Iterable[str] = (), out_dir: Path | None = None, extension: str = ".json",
         force: bool = False, url: str | None = None, sizes: bool = False,
         read_stdin: Callable[[], bytes] | None = None) -> Iterator[Task]:
    """Tasks for ``inputs``, lazily and in input order.

    With ``out_dir``, each task gets its mirrored output path, and a task whose output is
    already newer than its input is decided as ``SKIPPED`` (unless ``force``). ``url`` applies
    to a single file input. ``sizes`` fills ``Task.size`` for a progress bar. Raises
    ``UsageError`` when, mirroring, two inputs would write to the same output.
    """
    inputs = list(inputs)
    paths = [item for item in inputs if not isinstance(item, Record)]
    skip = [out_dir] if out_dir is not None else []
    per_input = input_sources(paths, include, exclude, skip=skip, strict=out_dir is not None)
    return _plan(inputs, per_input, out_dir, extension, force, url, sizes, read_stdin)


def _plan(inputs, per_input, out_dir, extension, force, url, sizes, read_stdin) -> Iterator[Task]:
    for item in inputs:
        if isinstance(item, Record):
            yield Task(item, size=len(item.raw) if sizes else 0)
            continue
        _, sources = next(per_input)
        for source in sources:
            if isinstance(source, Failure):
                yield Task(None, decided=source)
            elif os.fspath(source.path) == STDIN:
                raw = read_stdin() if read_stdin else b""
                yield Task(Record(raw, "stdin", url=url), size=len(raw) if sizes else 0)
            elif is_warc(source.path):
                yield from _warc_tasks(source, out_dir, extension, force)
            else:
                yield _file_task(source, out_dir, extension, force, url, sizes)


def _file_task(source: Source, out_dir, extension, force, url, sizes) -> Task:
    task = Task(source, url=url)
    if out_dir is None and not sizes:
        return task
    try:
        stat = os.stat(source.path)
    except OSError:
        return task  # the worker reports it, with the reason
    task.size = stat.st_size
    if out_dir is not None:
        task.output = output_path(source, out_dir, extension)
        task.decided = _resume(task.output, stat, str(source.path), force)
    return task


def _resume(output: Path, input_stat: os.stat_result, name: str, force: bool) -> Outcome | None:
    """``SKIPPED`` when the output is newer than the input; a Failure when it *is* the input."""
    try:
        out = os.stat(output)
    except OSError:
        return None
    if file_identity(out) == file_identity(input_stat):
        return Failure(name, f"its output {output} would overwrite it; choose another -o folder")
    if not force and out.st_mtime_ns >= input_stat.st_mtime_ns:
        return SKIPPED
    return None


def _warc_tasks(source: Source, out_dir, extension, force) -> Iterator[Task]:
    folder = warc_output_folder(source, out_dir) if out_dir is not None else None
    namer = RecordNamer()
    stat = None
    if folder is not None:
        try:
            stat = os.stat(source.path)
        except OSError:
            pass
    for record, size in read_warc(source.path):
        if isinstance(record, Failure):
            yield Task(None, decided=record, size=size)
            continue
        task = Task(record, size=size)
        if folder is not None:
            task.output = folder / f"{namer.name(record.url)}{extension}"
            if stat is not None:
                task.decided = _resume(task.output, stat, record.source, force)
        yield task
