"""What goes in: files and folders, walked into a :class:`Source` per file, and pages already in
memory, each a :class:`Record`.

A folder is walked depth first, each folder's entries in sorted order (the order of
``find | sort``); hidden entries are skipped, ``include``/``exclude`` globs pick files, and a
folder that cannot be read, a broken link or a symlink loop becomes a ``Failure`` in its place.
The walk also notes inputs whose outputs would get the same name, so each keeps its whole name.
"""

from __future__ import annotations

import fnmatch
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import Failure, UsageError, one_line_reason

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
#: Name of standard input among the inputs.
STDIN = "-"


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
    ``url``, ``charset`` and ``date`` (the WARC-Date: when the page was fetched, so no later
    date is the page's) are passed to ``clean()``.
    """

    raw: bytes
    source: str
    url: str | None = None
    charset: str | None = None
    date: str | None = None


def is_warc(name: str | os.PathLike) -> bool:
    """Whether a file is a web archive, by its name.

    >>> is_warc("crawl-01.warc.gz"), is_warc("page.html.gz")
    (True, False)
    """
    return os.fspath(name).lower().endswith(WARC_SUFFIXES)


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
    skipped = {file_identity(os.stat(folder)) for folder in skip if os.path.isdir(folder)}
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
        stack = [_listing(root, Path(), (file_identity(root.stat()),), prefix, include, exclude, skipped)]
    except OSError as exc:
        yield Failure(str(root), one_line_reason(exc))
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
        yield Failure(str(folder), one_line_reason(exc))
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
                key = file_identity(entry.stat())
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
            found.append(Failure(entry.path, one_line_reason(exc)))
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


def file_identity(stat: os.stat_result) -> tuple[int, int]:
    """What makes a file or folder the same one on disk: its device and inode."""
    return (stat.st_dev, stat.st_ino)

