"""Many pages at full machine speed: walk folders, plan outputs and resumes, clean in a process
pool, write atomically, count for the summary.

``stripper.clean_many`` and the ``stripper clean`` command run through the same two steps:
:func:`plan` turns inputs into tasks (walking folders, opening WARC files, deciding what a
rerun skips) and :func:`run_tasks` cleans them, in a pool of worker processes fed in bounded
chunks, and hands back one outcome per task in input order. Only the parent process writes
files, each through a temporary file and a rename, so a killed worker or a Ctrl-C never
leaves half a file.

Results: ``clean_many`` yields a :class:`~stripper.document.Document` for each page it
cleaned and a :class:`Failure` (``source``, ``reason``) for each input it could not clean.
Both carry ``.source``, the input's name.
"""

from __future__ import annotations

import fnmatch
import json
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import NamedTuple

from .config import DEFAULT, Config
from .decode import MAX_INPUT_BYTES
from .document import Document
from .errors import StripperError
from .pipeline import clean
from .writers import EXTENSIONS, WRITERS

#: Page and text-dump suffixes a folder walk picks up, each also compressed.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")
#: Compression suffixes read transparently (decode.py sniffs the magic bytes, not the name).
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz")
#: Web archives: read record by record (see ``stripper.warc``).
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Files a folder walk picks up when the user gives no --include: pages and text dumps,
#: compressed or not, and WARC files. Patterns match case-insensitively.
DEFAULT_INCLUDE = (tuple(f"*{page}{packed}" for page in PAGE_SUFFIXES for packed in ("", *COMPRESSED_SUFFIXES))
                   + tuple(f"*{warc}" for warc in WARC_SUFFIXES))
#: Suffixes stripped from an input's name before the output extension is added.
INPUT_SUFFIXES = (*COMPRESSED_SUFFIXES, *PAGE_SUFFIXES)
#: Pages a worker cleans per chunk: big enough to make inter-process traffic negligible,
#: small enough that the last chunks keep every core busy.
CHUNK_PAGES = 4
#: A chunk also ends after this many tasks, counting skipped ones (a resumed run).
CHUNK_TASKS = 256
#: Chunks in flight per worker: enough to keep workers fed while the parent writes, few
#: enough that memory stays flat however many inputs there are.
CHUNKS_PER_JOB = 4
#: With fewer tasks than this, starting worker processes costs more than it saves.
MIN_POOL_TASKS = 8
#: Name of standard input among the inputs.
STDIN = "-"


class UsageError(ValueError):
    """The inputs and options do not fit together; the message says what to do instead."""


@dataclass(frozen=True)
class Source:
    """One input file: its path, and its path relative to the output folder it mirrors into.

    ``keep_name`` is set when another input beside it would get the same output name
    (``page.html`` and ``page.txt``): its output then keeps the whole input name.
    """

    path: Path
    relative: Path
    keep_name: bool = False


@dataclass(frozen=True, slots=True)
class Record:
    """A page already in memory: a WARC record, or bytes from anywhere else.

    ``source`` names it in results and error lines (a WARC record is ``FILE#recordN``);
    ``url`` and ``charset`` are passed to ``clean()``; ``date`` is the WARC-Date (when the page
    was fetched), kept for the caller.
    """

    raw: bytes
    source: str
    url: str | None = None
    charset: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be cleaned: its name and the reason, one line.

    >>> str(Failure("scraped/a.html", "binary data, not a text or HTML page"))
    'scraped/a.html: binary data, not a text or HTML page'
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def to_dict(self) -> dict:
        """The ``--errors`` JSONL shape."""
        return {"source": self.source, "error": self.reason}


def clean_many(inputs: Iterable[str | os.PathLike | Record], *, jobs: int | None = None,
               config: Config = DEFAULT, include: Iterable[str] = DEFAULT_INCLUDE,
               exclude: Iterable[str] = ()) -> Iterator[Document | Failure]:
    """Clean many pages in parallel, yielding one result per page in input order.

    Each input is a file, a folder (walked recursively in sorted order; hidden entries
    skipped; ``include``/``exclude`` glob patterns pick files), a WARC file (one result per
    HTML response; needs ``stripper[warc]``), or a :class:`Record` of bytes. A page that was
    cleaned gives its ``Document`` (with ``.source`` set, and ``.url`` for WARC records); an
    input that could not be cleaned gives a ``Failure(source, reason)``, and the rest go on.
    ``jobs`` worker processes do the work (default: all cores; 1: in this process). This is
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
    with closing(run_tasks(tasks, jobs=jobs, config=config)) as results:
        for _, outcome in results:
            yield outcome


# --- walking -------------------------------------------------------------------------------

def is_warc(name: str | os.PathLike) -> bool:
    """Whether a file is a web archive, by its name.

    >>> is_warc("crawl-01.warc.gz"), is_warc("page.html.gz")
    (True, False)
    """
    return os.fspath(name).lower().endswith(WARC_SUFFIXES)


def iter_sources(inputs: Iterable[str | os.PathLike], include: Iterable[str] = DEFAULT_INCLUDE,
                 exclude: Iterable[str] = (), *, skip: Iterable[Path] = ()) -> Iterator[Source | Failure]:
    """Files named directly, and files under folders (recursively, in sorted order).

    Hidden files and folders are skipped; ``include``/``exclude`` are glob patterns matched,
    case-insensitively, against a file's name or its path inside the folder (``exclude`` also
    prunes folders). A folder that cannot be read, a symlink loop or a broken link yields a
    ``Failure`` in its place; loops are never followed. Folders in ``skip`` (an output folder
    inside the input tree) are not entered. With one input, a folder's files are relative to
    it; with several, each input keeps its own name, as ``cp -r a b DEST`` does.
    """
    for _, sources in input_sources(inputs, include, exclude, skip=skip):
        yield from sources


def input_sources(inputs: Iterable[str | os.PathLike], include: Iterable[str] = DEFAULT_INCLUDE,
                  exclude: Iterable[str] = (), *, skip: Iterable[Path] = (), strict: bool = False
                  ) -> Iterator[tuple[str, Iterator[Source | Failure]]]:
    """Each input with a lazy iterator of its sources (see :func:`iter_sources`).

    ``strict`` (mirroring into a folder) raises ``UsageError`` when two inputs would write
    to the same output name.
    """
    inputs = [os.fspath(name) for name in inputs]
    include = tuple(p.lower() for p in include)
    exclude = tuple(p.lower() for p in exclude)
    skipped = {_key(os.stat(folder)) for folder in skip if os.path.isdir(folder)}
    names = _top_level_names(inputs, strict) if len(inputs) > 1 else {}
    return _input_sources(inputs, include, exclude, skipped, names)


def _input_sources(inputs, include, exclude, skipped, names):
    for name in inputs:
        path = Path(name)
        relative, keep = names.get(name, ("", False))
        if name != STDIN and path.is_dir():
            yield name, _walk(path, Path(relative), include, exclude, skipped)
        else:
            yield name, iter([Source(path, Path(relative or path.name), keep)])


def _top_level_names(inputs: list[str], strict: bool) -> dict[str, tuple[str, bool]]:
    """Output names of several inputs: a folder's name, a file's name (kept whole on a clash)."""
    entries = [(name, Path(name).resolve().name or "root", Path(name).is_dir())
               for name in dict.fromkeys(inputs) if name != STDIN]
    clashes = _clashes([(base, is_dir) for _, base, is_dir in entries])
    names = {name: (base, not is_dir and _claim(base, False) in clashes) for name, base, is_dir in entries}
    if strict:
        seen: dict[tuple[str, str], str] = {}
        for name, base, is_dir in entries:
            claim = _claim(base, True) if is_dir or is_warc(base) else ("file", base.casefold())
            if claim in seen:
                raise UsageError(f"inputs {seen[claim]} and {name} would write to the same output "
                                 f"{base!r}; clean them in separate runs")
            seen[claim] = name
    return names


def _walk(root: Path, prefix: Path, include: tuple[str, ...], exclude: tuple[str, ...],
          skipped: set[tuple[int, int]]) -> Iterator[Source | Failure]:
    """Depth first, each folder's entries in sorted order: the order of ``find | sort``."""
    try:
        stack = [_listing(root, Path(), (_key(root.stat()),), prefix, include, exclude, skipped)]
    except OSError as exc:
        yield Failure(str(root), _reason(exc))
        return
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, tuple):  # a subfolder: (path, inner, ancestors)
            stack.append(_listing(*item, prefix, include, exclude, skipped))
        else:
            yield item


def _listing(folder: Path, inner: Path, ancestors: tuple, prefix: Path, include, exclude,
             skipped) -> Iterator[Source | Failure | tuple]:
    """One folder's entries, sorted: sources, failures, and subfolders to descend into."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield Failure(str(folder), _reason(exc))
        return
    found: list = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        relative = inner / entry.name
        try:
            if entry.is_dir():
                if _matches(relative, exclude):
                    continue
                key = _key(entry.stat())
                if key in skipped:
                    continue
                if key in ancestors:
                    found.append(Failure(entry.path, "symlink loop, not followed"))
                else:
                    found.append((Path(entry.path), relative, (*ancestors, key)))
            elif _matches(relative, include) and not _matches(relative, exclude):
                if entry.is_file():
                    found.append(entry)
                elif entry.is_symlink():
                    found.append(Failure(entry.path, "broken symbolic link"))
                else:
                    found.append(Failure(entry.path, "not a regular file"))
        except OSError as exc:
            found.append(Failure(entry.path, _reason(exc)))
    clashes = _clashes([(item[1].name, True) if isinstance(item, tuple) else (item.name, False)
                        for item in found if not isinstance(item, Failure)])
    for item in found:
        if isinstance(item, os.DirEntry):
            yield Source(Path(item.path), prefix / inner / item.name, _claim(item.name, False) in clashes)
        else:
            yield item


def _claim(name: str, is_dir: bool) -> tuple[str, str]:
    """The output name an entry takes in its folder: a page's stem, a WARC's folder, a folder."""
    if is_dir:
        return ("dir", name.casefold())
    if is_warc(name):
        return ("dir", warc_folder(name).casefold())
    return ("file", strip_input_suffixes(name).casefold())


def _clashes(entries: list[tuple[str, bool]]) -> set[tuple[str, str]]:
    counts = Counter(_claim(name, is_dir) for name, is_dir in entries)
    return {claim for claim, n in counts.items() if n > 1}


def _matches(relative: Path, patterns: tuple[str, ...]) -> bool:
    name, text = relative.name.lower(), relative.as_posix().lower()
    return any(fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(text, p) for p in patterns)


def _key(stat: os.stat_result) -> tuple[int, int]:
    return (stat.st_dev, stat.st_ino)


def _reason(exc: BaseException) -> str:
    """One line for an exception: the OS's wording for OSError, else the message."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


# --- output names --------------------------------------------------------------------------

def strip_input_suffixes(name: str) -> str:
    """An input name without its page and compression suffixes.

    >>> strip_input_suffixes("page.html.gz"), strip_input_suffixes("notes.TXT"), strip_input_suffixes(".html")
    ('page', 'notes', '.html')
    """
    for suffix in INPUT_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def warc_folder(name: str) -> str:
    """The folder a WARC file's records are written under: its name without ``.warc[.gz]``.

    >>> warc_folder("crawl-01.warc.gz")
    'crawl-01'
    """
    for suffix in (".gz", ".warc"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def output_path(source: Source, out_dir: Path, extension: str) -> Path:
    """Where a source's output goes under ``out_dir``: the same relative path, new extension.

    >>> output_path(Source(Path("in/a/page.html.gz"), Path("a/page.html.gz")), Path("out"), ".json")
    PosixPath('out/a/page.json')
    >>> output_path(Source(Path("in/page.txt"), Path("page.txt"), keep_name=True), Path("out"), ".json")
    PosixPath('out/page.txt.json')
    """
    name = source.relative.name
    if not source.keep_name:
        name = strip_input_suffixes(name)
    return out_dir / source.relative.parent / (name + extension)


def warc_output_folder(source: Source, out_dir: Path) -> Path:
    """The folder under ``out_dir`` that a WARC file's records go to.

    >>> warc_output_folder(Source(Path("in/x/crawl.warc.gz"), Path("x/crawl.warc.gz")), Path("out"))
    PosixPath('out/x/crawl')
    """
    name = source.relative.name
    return out_dir / source.relative.parent / (name if source.keep_name else warc_folder(name))


# --- writing -------------------------------------------------------------------------------

@contextmanager
def held_interrupts():
    """Hold off Ctrl-C while a file is written and renamed; deliver it right after.

    Only in the main thread, and only over Python's own SIGINT handler; elsewhere a no-op.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    except (ValueError, TypeError):
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        if pending and callable(previous):
            previous(signal.SIGINT, None)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` via a hidden temporary file in the same folder and a rename,
    so a reader (or a rerun) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with held_interrupts():
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class AtomicStream:
    """A text file written line by line into a hidden temporary file, renamed into place by
    :meth:`commit`; :meth:`discard` removes it. Nothing appears at ``path`` until commit."""

    def __init__(self, path: Path):
        self.path = path
        self._handle = None
        self._tmp: str | None = None

    def write(self, text: str) -> None:
        with held_interrupts():
            if self._handle is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd, self._tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                                 suffix=".tmp")
                self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
            self._handle.write(text)

    @property
    def written(self) -> bool:
        return self._handle is not None

    def commit(self) -> None:
        if self._handle is not None:
            with held_interrupts():
                self._handle.close()
                os.replace(self._tmp, self.path)
                self._handle = None

    def discard(self) -> None:
        if self._handle is not None:
            self._handle.close()
            Path(self._tmp).unlink(missing_ok=True)
            self._handle = None


# --- planning ------------------------------------------------------------------------------

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
    if _key(out) == _key(input_stat):
        return Failure(name, f"its output {output} would overwrite it; choose another -o folder")
    if not force and out.st_mtime_ns >= input_stat.st_mtime_ns:
        return SKIPPED
    return None


def _warc_tasks(source: Source, out_dir, extension, force) -> Iterator[Task]:
    from .warc import RecordNamer, read_warc
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


# --- running -------------------------------------------------------------------------------

def default_jobs() -> int:
    """How many worker processes "all cores" means: the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_tasks(tasks: Iterable[Task], *, jobs: int | None = None, config: Config = DEFAULT,
              render: tuple[str, bool] | None = None) -> Iterator[tuple[Task, Outcome]]:
    """Each task with its outcome, in input order.

    Undecided tasks are cleaned into a ``Document`` (or, with ``render=(format, explain)``,
    into the writer's text, done in the workers) or a ``Failure``. With ``jobs`` > 1 and more
    than a handful of tasks, a pool of worker processes does the cleaning, fed in chunks with
    a bounded number in flight; otherwise this process does. Close the generator (or let it
    finish) to stop the workers; on an exception or ``close()`` they are terminated.
    """
    jobs = jobs or default_jobs()
    tasks = iter(tasks)
    head = list(islice(tasks, MIN_POOL_TASKS))
    if jobs <= 1 or len(head) < MIN_POOL_TASKS:
        for task in chain(head, tasks):
            yield task, (task.decided if task.decided is not None
                         else _clean_one(task.item, task.url, config, render))
        return
    yield from _Pool(jobs, config, render).run(chain(head, tasks))


#: What a worker process cleans with: set once by the pool's initialiser.
_WORKER_STATE: tuple[Config, tuple[str, bool] | None] = (DEFAULT, None)


def _init_worker(config: Config, render: tuple[str, bool] | None) -> None:
    """Worker start-up: keep the settings, leave Ctrl-C to the parent. Loads nothing."""
    global _WORKER_STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_STATE = (config, render)


def _work(jobs: list[tuple[Source | Record, str | None]]) -> list[Document | Rendered | Failure]:
    config, render = _WORKER_STATE
    return [_clean_one(item, url, config, render) for item, url in jobs]


def _clean_one(item: Source | Record, url: str | None, config: Config,
               render: tuple[str, bool] | None) -> Document | Rendered | Failure:
    """Clean one input; every way it can go wrong becomes a one-line ``Failure``."""
    name = item.source if isinstance(item, Record) else str(item.path)
    try:
        if isinstance(item, Record):
            doc = clean(item.raw, url=item.url or url, config=config, charset=item.charset)
        else:
            doc = clean(_read(item.path), url=url, config=config)
        doc.source = name
        if render is None:
            return doc
        fmt, explain = render
        return Rendered(WRITERS[fmt](doc, explain), not doc.body)
    except (StripperError, OSError) as exc:
        return Failure(name, _reason(exc))
    except MemoryError:
        return Failure(name, "out of memory while cleaning it")
    except Exception as exc:  # a bug: report it on one line and go on with the other pages
        return Failure(name, f"internal error ({type(exc).__name__}: {_reason(exc)}); please report it")


def _read(path: Path) -> bytes:
    with open(path, "rb") as handle:
        raw = handle.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise StripperError(f"larger than {MAX_INPUT_BYTES // 2**20} MB")
    return raw


def _chunks(tasks: Iterator[Task]) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    pages = 0
    for task in tasks:
        chunk.append(task)
        pages += task.decided is None
        if pages >= CHUNK_PAGES or len(chunk) >= CHUNK_TASKS:
            yield chunk
            chunk, pages = [], 0
    if chunk:
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    """Fresh workers, never a copy of this process's state: forked from a clean server process
    that has loaded stripper once, warm (``forkserver``), else started from scratch (``spawn``)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["stripper.batch", "stripper._warm"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool:
    """Worker processes fed chunk by chunk, at most ``jobs * CHUNKS_PER_JOB`` chunks in flight,
    results handed back in order. A worker that dies (a crash, the OOM killer) costs only the
    page that killed it: that chunk is redone page by page in throwaway workers. If workers
    cannot start at all (no importable ``__main__``, no processes left), the pages are
    cleaned in this process instead."""

    def __init__(self, jobs: int, config: Config, render: tuple[str, bool] | None):
        self.jobs = jobs
        self.config, self.render = config, render
        self.inline = False
        self.executor = self._start(jobs)

    def _start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker,
                                   initargs=(self.config, self.render))

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, Outcome]]:
        window: deque[tuple[list[Task], Future | None]] = deque()
        try:
            for chunk in _chunks(tasks):
                window.append(self._submit(chunk))
                if len(window) >= self.jobs * CHUNKS_PER_JOB:
                    yield from self._collect(window)
            while window:
                yield from self._collect(window)
        except BaseException:
            self.stop(now=True)
            raise
        self.stop(now=False)

    def _submit(self, chunk: list[Task]) -> tuple[list[Task], Future | None]:
        work = [(task.item, task.url) for task in chunk if task.decided is None]
        if not work:
            return chunk, None
        if self.inline:
            return chunk, _done([_clean_one(item, url, self.config, self.render) for item, url in work])
        try:
            return chunk, self.executor.submit(_work, work)
        except BrokenProcessPool as exc:
            return chunk, _done(exc)

    def _collect(self, window: deque) -> Iterator[tuple[Task, Outcome]]:
        chunk, future = window[0]
        try:
            results = future.result() if future is not None else []
        except BrokenProcessPool:
            results = self._recover(window)
        window.popleft()
        outcomes = iter(results)
        for task in chunk:
            yield task, (task.decided if task.decided is not None else next(outcomes))

    def _recover(self, window: deque) -> list:
        """The pool broke: start a new one (or go in-process if workers cannot start), resubmit
        the chunks it lost, and redo the head chunk page by page to find the culprit."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start(self.jobs)
        if not self._workers_start():
            self.inline = True
        for index in range(1, len(window)):
            chunk, future = window[index]
            if future is not None and isinstance(future.exception(), BrokenProcessPool):
                window[index] = self._submit(chunk)
        if self.inline:
            return _done_results(self._submit(window[0][0])[1])
        return [self._alone(task) for task in window[0][0] if task.decided is None]

    def _workers_start(self) -> bool:
        try:
            self.executor.submit(_work, []).result()
        except BrokenProcessPool:
            return False
        return True

    def _alone(self, task: Task) -> Document | Rendered | Failure:
        with self._start(1) as solo:
            try:
                return solo.submit(_work, [(task.item, task.url)]).result()[0]
            except BrokenProcessPool:
                return Failure(task.source, "the worker process died while cleaning it "
                                            "(a crash, or killed for using too much memory)")

    def stop(self, *, now: bool) -> None:
        """Shut the pool down: wait for it, or (``now``) terminate the workers mid-page."""
        if not now:
            self.executor.shutdown(wait=True)
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=5)


def _done(value) -> Future:
    """A future already resolved to ``value`` (or raising it, for an exception)."""
    future: Future = Future()
    if isinstance(value, BaseException):
        future.set_exception(value)
    else:
        future.set_result(value)
    return future


def _done_results(future: Future | None) -> list:
    return future.result() if future is not None else []


# --- the command's run ---------------------------------------------------------------------

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
        return (self.finished if self.finished is not None else time.monotonic()) - self.started

    def line(self, *, interrupted: bool = False) -> str:
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
                 config: Config = DEFAULT, url: str | None = None, errors: Path | None = None,
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
        self.jobs, self.config = jobs, config
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
                            render=(self.fmt, self.explain))
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
                self._fail(Failure(task.source, f"cannot write {target}: {_reason(exc)}"), errors)
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
