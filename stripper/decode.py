"""Bytes to text: decompression by magic bytes, binary refusal, BOM, declared charset, detection."""

from __future__ import annotations

import bz2
import codecs
import lzma
import zlib

import charset_normalizer
import regex

from .errors import BinaryInputError, InputTooLargeError, UndecodableInputError

#: Largest page (after decompression) stripper accepts, in bytes.
MAX_INPUT_BYTES = 200 * 1024 * 1024
#: Share of control characters (NUL and C0 other than tab/newline/CR/FF/ESC) above which bytes are binary.
MAX_CONTROL_SHARE = 0.05
#: How many leading bytes are sampled for the binary test and the charset declaration.
SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-z0-9_:.\-]{2,40})""",
    regex.IGNORECASE,
)
#: Labels pages declare, mapped to the codec browsers actually use for them (WHATWG Encoding).
_BROWSER_CODEC = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso8859-1": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
    "x-gbk": "gb18030", "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932",
    "x-sjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "tis-620": "cp874",
    "iso-8859-9": "cp1254", "windows-874": "cp874", "x-mac-roman": "mac-roman",
}
#: Control bytes text never holds (tab, line breaks, form feed and escape are not among them).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x1b), *range(0x1c, 0x20)])
_COMPRESSED = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)


def decompress(raw: bytes, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Undo gzip, bzip2 or xz compression found by magic bytes; other bytes pass through.

    >>> import gzip
    >>> decompress(gzip.compress(b"<p>hi</p>"))
    b'<p>hi</p>'
    """
    for magic, name in _COMPRESSED:
        if raw.startswith(magic):
            return _bounded_decompress(raw, name, limit)
    return raw


def _bounded_decompress(raw: bytes, name: str, limit: int) -> bytes:
    if name == "gzip":
        engine = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif name == "bzip2":
        engine = bz2.BZ2Decompressor()
    else:
        engine = lzma.LZMADecompressor()
    try:
        out = engine.decompress(raw, limit + 1)
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError) as exc:
        raise BinaryInputError(f"looks {name}-compressed but is corrupt ({exc})") from None
    if len(out) > limit:
        raise InputTooLargeError(f"decompresses to more than {limit // 2**20} MB")
    if not engine.eof:
        raise BinaryInputError(f"looks {name}-compressed but is truncated or corrupt")
    return out


def check_not_binary(raw: bytes) -> None:
    """Refuse bytes that are not text: NUL-heavy or mostly control characters.

    >>> check_not_binary(b"plain text")
    >>> check_not_binary(b"\\x00" * 100)
    Traceback (most recent call last):
    ...
    stripper.errors.BinaryInputError: binary data, not a text or HTML page
    """
    sample = raw[:SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls > MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError("binary data, not a text or HTML page")


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a meta tag or XML declaration, as a Python codec name.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    'cp932'
    >>> declared_charset(b"<p>no declaration</p>") is None
    True
    """
    match = _DECLARED.search(raw[:SNIFF_BYTES * 2])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    return codec_for(label)


def codec_for(label: str | None) -> str | None:
    """The Python codec browsers use for a charset label, or None if Python has no such codec.

    >>> codec_for("GB2312"), codec_for("utf8"), codec_for("no-such")
    ('gb18030', 'utf-8', None)
    """
    if not label:
        return None
    label = label.strip().lower()
    label = _BROWSER_CODEC.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "utf-8" if name == "utf-8" else label


def decode(raw: bytes, *, charset_hint: str | None = None) -> str:
    """Bytes of a page to text: BOM, then the HTTP or declared charset, then UTF-8, then detection.

    >>> decode("Übersicht".encode("cp1252") + b" <meta charset=windows-1252>")
    'Übersicht <meta charset=windows-1252>'
    >>> decode(codecs.BOM_UTF8 + "é".encode())
    'é'
    """
    raw = decompress(raw)
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace")
    check_not_binary(raw)
    for codec in (codec_for(charset_hint), declared_charset(raw), "utf-8"):
        if codec:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
    return _detect(raw)


def _detect(raw: bytes) -> str:
    best = charset_normalizer.from_bytes(raw[: 4 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise UndecodableInputError("could not find a text encoding that fits these bytes")
    return raw.decode(codec_for(best.encoding) or best.encoding, errors="replace")
