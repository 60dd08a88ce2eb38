"""Where outputs go and how they are written: each input's output path in the folder that
mirrors the inputs, and files written through a hidden temporary file and a rename, so that a
killed run or a Ctrl-C never leaves half a file."""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from .inputs import Source, strip_input_suffixes, warc_folder


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
        """Append ``text`` to the hidden file (created on the first write)."""
        with held_interrupts():
            if self._handle is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd, self._tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                                 suffix=".tmp")
                self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
            self._handle.write(text)

    @property
    def written(self) -> bool:
        """Whether anything was written (and so waits for commit or discard)."""
        return self._handle is not None

    def commit(self) -> None:
        """Close the hidden file and rename it into place."""
        if self._handle is not None:
            with held_interrupts():
                self._handle.close()
                os.replace(self._tmp, self.path)
                self._handle = None

    def discard(self) -> None:
        """Close and remove the hidden file: nothing appears at ``path``."""
        if self._handle is not None:
            self._handle.close()
            Path(self._tmp).unlink(missing_ok=True)
            self._handle = None
