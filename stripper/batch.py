"""Many inputs: walk folders in a stable order, name mirrored outputs, write them atomically."""

from __future__ import annotations

import fnmatch
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Files a folder walk picks up when the user gives no --include.
DEFAULT_INCLUDE = ("*.html", "*.htm", "*.xhtml", "*.shtml", "*.txt", "*.text",
                   "*.html.gz", "*.htm.gz", "*.txt.gz", "*.gz", "*.bz2", "*.xz",
                   "*.warc", "*.warc.gz")
#: Suffixes stripped from an input's name before the output extension is added.
INPUT_SUFFIXES = (".gz", ".bz2", ".xz", ".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")


@dataclass(frozen=True)
class Source:
    """One input file: its path, and its path relative to the folder it was found in."""

    path: Path
    relative: Path


def iter_sources(inputs: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE,
                 exclude: Iterable[str] = ()) -> Iterator[Source | OSError]:
    """Files named directly, and files under folders (recursively, sorted, hidden skipped).

    Yields an ``OSError`` in place of a file or folder that cannot be read, and never follows
    a symlink loop.
    """
    include, exclude = tuple(include), tuple(exclude)
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            yield from _walk(path, include, exclude)
        else:
            yield Source(path, Path(path.name))


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Source | OSError]:
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            stat = folder.stat()
            if (stat.st_dev, stat.st_ino) in seen:
                yield OSError(f"{folder}: symlink loop, not followed")
                continue
            seen.add((stat.st_dev, stat.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield OSError(f"{folder}: {exc.strerror or exc}")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = Path(entry.path).relative_to(root)
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                yield OSError(f"{entry.path}: {exc.strerror or exc}")
                continue
            if is_dir:
                subfolders.append(Path(entry.path))
            elif _wanted(relative, include, exclude):
                yield Source(Path(entry.path), relative)
        stack.extend(reversed(subfolders))


def _wanted(relative: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    text = relative.as_posix()
    name = relative.name
    if any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(text, p) for p in exclude):
        return False
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(text, p) for p in include)


def output_path(source: Source, out_dir: Path, extension: str) -> Path:
    """Where a source's output goes under ``out_dir``: the same relative path, new extension.

    >>> output_path(Source(Path("in/a/page.html.gz"), Path("a/page.html.gz")), Path("out"), ".json")
    PosixPath('out/a/page.json')
    """
    name = source.relative.name
    for suffix in INPUT_SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return out_dir / source.relative.parent / (name + extension)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename, so a
    reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
