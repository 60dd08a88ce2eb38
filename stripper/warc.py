"""Web archives: the HTML responses of a WARC file, record by record, and safe output names.

WARC files are read with warcio, from the optional extra ``stripper[warc]``; it is imported
only when a WARC file is read, so the rest of stripper works without it. Each HTML response
(an HTTP 2xx ``response`` record, or a ``resource`` record, whose Content-Type is HTML)
becomes a :class:`~stripper.inputs.Record`: its payload (de-chunked and decompressed), its
``WARC-Target-URI`` as ``url``, the charset of its HTTP ``Content-Type`` as ``charset``,
its ``WARC-Date`` as ``date``, and ``FILE#recordN`` as ``source`` (N counts every record in
the file from 1, as they come).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from .decode import MAX_INPUT_BYTES
from .errors import Failure, one_line_reason
from .inputs import Record
from .writers import EXTENSIONS

#: The one-line error when warcio is missing; it names the way out.
MISSING_WARCIO = "reading WARC files needs warcio: pip install 'stripper[warc]'"
#: Content types that are pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: An output name keeps at most this many folders below the host.
MAX_DEPTH = 8
#: Each part of an output name is cut to this many bytes (UTF-8), well under file-system limits.
MAX_PART_BYTES = 100
#: Suffixes of URL paths that are dropped from output names (``story.html`` -> ``story.json``).
URL_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

_QUIET = logging.NullHandler()
_UNSAFE = re.compile(r"[^\w.\-]+")
_OUTPUT_SUFFIXES = tuple(EXTENSIONS.values())


def iter_records(path: str | os.PathLike) -> Iterator[Record | Failure]:
    """The HTML responses of a WARC file as ``Record``s, in file order.

    Never raises for bad input: a missing warcio, an unreadable or corrupt file, or a record
    whose payload cannot be read comes out as a ``Failure``, and the file's other records
    still come.
    """
    for record, _ in read_warc(path):
        yield record


def read_warc(path: str | os.PathLike) -> Iterator[tuple[Record | Failure, int]]:
    """Like :func:`iter_records`, each with the bytes of the file read since the previous one
    (for a progress bar)."""
    name = os.fspath(path)
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Failure(name, MISSING_WARCIO), 0
        return
    # warcio logs repairs it makes (spaces in URLs); keep them off stderr unless the
    # application configures logging.
    logging.getLogger("warcio").addHandler(_QUIET)
    try:
        handle = open(name, "rb")
    except OSError as exc:
        yield Failure(name, one_line_reason(exc)), 0
        return
    with handle:
        position = 0
        number = 0
        records = iter(ArchiveIterator(handle))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # a truncated or corrupt archive: report, stop this file
                yield Failure(name, f"not a readable WARC file after record {number} ({one_line_reason(exc)})"), 0
                return
            number += 1
            if not _is_page(record):
                continue
            source = f"{name}#record{number}"
            try:
                raw = record.content_stream().read(MAX_INPUT_BYTES + 1)
                if len(raw) > MAX_INPUT_BYTES:
                    result: Record | Failure = Failure(source, f"larger than {MAX_INPUT_BYTES // 2**20} MB")
                else:
                    result = Record(raw, source, url=record.rec_headers.get_header("WARC-Target-URI"),
                                    charset=charset_of(_content_type(record)),
                                    date=record.rec_headers.get_header("WARC-Date"))
            except Exception as exc:
                result = Failure(source, f"cannot read the record's payload ({one_line_reason(exc)})")
            consumed = handle.tell() - position
            position += consumed
            yield result, consumed


def _content_type(record) -> str:
    if record.rec_type == "response":
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _is_page(record) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
    elif record.rec_type != "resource":
        return False
    return _content_type(record).split(";")[0].strip().lower() in HTML_TYPES


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if any.

    >>> charset_of('text/html; charset="Shift_JIS"'), charset_of("text/html")
    ('Shift_JIS', None)
    """
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset.strip() if isinstance(charset, str) and charset.strip() else None


def url_path(url: str | None) -> PurePosixPath:
    """A relative output path for a URL: host, then the path's parts, each made safe.

    Dot segments are resolved and can never climb out (``..`` at the top is dropped);
    characters other than letters, digits, ``.``, ``-`` and ``_`` become ``_``; no part starts
    with a dot; a query is kept as a suffix; an empty path is ``index``.

    >>> url_path("https://Example.com:8080/news/2024/../story.html?id=5#top")
    PurePosixPath('example.com_8080/news/story_id_5')
    >>> url_path("http://x.y/../../etc/passwd"), url_path("https://example.com/")
    (PurePosixPath('x.y/etc/passwd'), PurePosixPath('example.com/index'))
    >>> url_path("/%2e%2e/.hidden/a b"), url_path(None)
    (PurePosixPath('_/_hidden/a_b'), PurePosixPath('_/index'))
    """
    try:
        parts = urlsplit(url or "")
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        parts, host, port = urlsplit(""), "", None
    host = _safe(host.lower() + (f"_{port}" if port else ""))
    names: list[str] = []
    for segment in unquote(parts.path).split("/"):
        if segment == "..":
            if names:
                names.pop()
        elif segment not in ("", "."):
            names.append(segment)
    leaf = names.pop() if names else "index"
    for suffix in URL_PAGE_SUFFIXES:
        if leaf.lower().endswith(suffix) and len(leaf) > len(suffix):
            leaf = leaf[: -len(suffix)]
    if parts.query:
        leaf = f"{leaf}_{unquote(parts.query)}"
    if len(names) > MAX_DEPTH:
        names = [*names[: MAX_DEPTH - 1], "_".join(names[MAX_DEPTH - 1:])]
    folders = [_folder(_safe(name)) for name in names]
    return PurePosixPath(host, *folders, _safe(leaf))


def _safe(part: str) -> str:
    part = _UNSAFE.sub("_", part).strip()
    if part.startswith("."):
        part = "_" + part.lstrip(".")
    part = part.encode("utf-8")[:MAX_PART_BYTES].decode("utf-8", "ignore")
    return part or "_"


def _folder(name: str) -> str:
    """A folder never ends like an output file (``a.json/``), so it cannot meet one."""
    return name + "_" if name.lower().endswith(_OUTPUT_SUFFIXES) else name


class RecordNamer:
    """Unique output names for the records of one WARC file: :func:`url_path`, then ``-2``,
    ``-3``, ... for a name already given (compared case-insensitively).

    >>> namer = RecordNamer()
    >>> [str(namer.name(u)) for u in ("http://a.b/x", "http://a.b/X", "http://a.b/x")]
    ['a.b/x', 'a.b/X-2', 'a.b/x-3']
    """

    def __init__(self) -> None:
        self._used: set[str] = set()

    def name(self, url: str | None) -> PurePosixPath:
        """The output name of the record fetched from ``url``, unique in this WARC file."""
        path = url_path(url)
        candidate, n = path, 1
        while str(candidate).casefold() in self._used:
            n += 1
            candidate = path.with_name(f"{path.name}-{n}")
        self._used.add(str(candidate).casefold())
        return candidate


def is_available() -> bool:
    """Whether warcio (the ``stripper[warc]`` extra) is installed."""
    try:
        import warcio  # noqa: F401
    except ImportError:
        return False
    return True


__all__ = ["MISSING_WARCIO", "RecordNamer", "charset_of", "is_available", "iter_records",
           "read_warc", "url_path"]
