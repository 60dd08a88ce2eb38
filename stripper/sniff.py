"""Tell HTML from a text dump by content, not by file name."""

from __future__ import annotations

import regex

#: How many leading characters are inspected.
SNIFF_CHARS = 4096
_STRONG = regex.compile(r"<(?:!doctype\s+html|html|head|body)\b", regex.IGNORECASE)
_TAG = regex.compile(r"</?(?:div|p|span|a|meta|title|script|style|article|table|br|li|ul|h[1-6]|section|img|link)\b[^<>]{0,500}>",
                     regex.IGNORECASE)
#: A text dump may quote a tag or two; this many distinct tags make it markup.
MIN_TAGS = 3


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` is markup.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Headline\\nA sentence about <p> tags in HTML.")
    False
    """
    head = text[:SNIFF_CHARS]
    if _STRONG.search(head):
        return True
    return len(_TAG.findall(head)) >= MIN_TAGS
