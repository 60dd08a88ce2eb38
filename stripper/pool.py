"""Cleaning tasks, in a pool of worker processes or in this process, one outcome per task
handed back in input order.

Workers are fed in bounded chunks, so memory stays flat however many inputs there are. They
only clean (into a ``Document``, or straight into a writer's text); the parent writes. A worker
that dies costs only the page that killed it, and if workers cannot start at all the pages are
cleaned in this process instead.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from pathlib import Path

from .config import DEFAULT, Config
from .decode import MAX_INPUT_BYTES
from .document import Document
from .errors import Failure, StripperError, one_line_reason
from .inputs import Record, Source
from .pipeline import clean
from .plan import Outcome, Rendered, Task
from .writers import WRITERS

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


def default_jobs() -> int:
    """How many worker processes "all cores" means: the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_tasks(tasks: Iterable[Task], *, jobs: int | None = None, config: Config = DEFAULT,
              render: tuple[str, bool] | None = None,
              fetched: str | None = None) -> Iterator[tuple[Task, Outcome]]:
    """Each task with its outcome, in input order.

    Undecided tasks are cleaned into a ``Document`` (or, with ``render=(format, explain)``,
    into the writer's text, done in the workers) or a ``Failure``. With ``jobs`` > 1 and more
    than a handful of tasks, a pool of worker processes does the cleaning, fed in chunks with
    a bounded number in flight; otherwise this process does. ``fetched`` is when the pages
    were fetched (a WARC record's own date comes first). Close the generator (or let it
    finish) to stop the workers; on an exception or ``close()`` they are terminated.
    """
    jobs = jobs or default_jobs()
    tasks = iter(tasks)
    head = list(islice(tasks, MIN_POOL_TASKS))
    if jobs <= 1 or len(head) < MIN_POOL_TASKS:
        for task in chain(head, tasks):
            yield task, (task.decided if task.decided is not None
                         else _clean_one(task.item, task.url, config, render, fetched))
        return
    yield from _Pool(jobs, config, render, fetched).run(chain(head, tasks))


#: What a worker process cleans with: set once by the pool's initialiser.
_WORKER_STATE: tuple[Config, tuple[str, bool] | None, str | None] = (DEFAULT, None, None)


def _init_worker(config: Config, render: tuple[str, bool] | None, fetched: str | None) -> None:
    """Worker start-up: keep the settings, leave Ctrl-C to the parent. Loads nothing."""
    global _WORKER_STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_STATE = (config, render, fetched)


def _work(jobs: list[tuple[Source | Record, str | None]]) -> list[Document | Rendered | Failure]:
    config, render, fetched = _WORKER_STATE
    return [_clean_one(item, url, config, render, fetched) for item, url in jobs]


def _clean_one(item: Source | Record, url: str | None, config: Config,
               render: tuple[str, bool] | None,
               fetched: str | None = None) -> Document | Rendered | Failure:
    """Clean one input; every way it can go wrong becomes a one-line ``Failure``."""
    name = item.source if isinstance(item, Record) else str(item.path)
    try:
        if isinstance(item, Record):
            doc = clean(item.raw, url=item.url or url, config=config, charset=item.charset,
                        fetched=item.date or fetched)
        else:
            doc = clean(_read(item.path), url=url, config=config, fetched=fetched)
        doc.source = name
        if render is None:
            return doc
        fmt, explain = render
        return Rendered(WRITERS[fmt](doc, explain), not doc.body)
    except (StripperError, OSError) as exc:
        return Failure(name, one_line_reason(exc))
    except MemoryError:
        return Failure(name, "out of memory while cleaning it")
    except Exception as exc:  # a bug: report it on one line and go on with the other pages
        return Failure(name, f"internal error ({type(exc).__name__}: {one_line_reason(exc)}); please report it")


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
        context.set_forkserver_preload(["stripper.pool", "stripper._warm"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool:
    """Worker processes fed chunk by chunk, at most ``jobs * CHUNKS_PER_JOB`` chunks in flight,
    results handed back in order. A worker that dies (a crash, the OOM killer) costs only the
    page that killed it: that chunk is redone page by page in throwaway workers. If workers
    cannot start at all (no importable ``__main__``, no processes left), the pages are
    cleaned in this process instead."""

    def __init__(self, jobs: int, config: Config, render: tuple[str, bool] | None,
                 fetched: str | None = None):
        self.jobs = jobs
        self.config, self.render, self.fetched = config, render, fetched
        self.inline = False
        self.executor = self._start(jobs)

    def _start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker,
                                   initargs=(self.config, self.render, self.fetched))

    def run(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, Outcome]]:
        """Each task with its outcome, in the order the tasks came."""
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
            return chunk, _done([_clean_one(item, url, self.config, self.render, self.fetched)
                                 for item, url in work])
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

