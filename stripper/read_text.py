"""Text dumps to lines: one ``Line`` per non-blank input line (per paragraph in a hard-wrapped
dump), numbered as in the input."""

from __future__ import annotations

from .config import Config
from .lines import Line, make_line, visible
from .unwrap import unwrap, wrap_width


def read_text(text: str, config: Config) -> list[Line]:
    """Split a text dump into ``Line``s, remembering which follow a blank line. A line of
    only invisible characters (a zero-width space, a byte-order mark) is blank.

    >>> [(l.number, l.text, l.gap_before) for l in read_text("A\\r\\n\\r\\nB\\rC", Config())]
    [(1, 'A', True), (3, 'B', True), (4, 'C', False)]
    >>> [(l.number, l.gap_before) for l in read_text("A\\n\\u200b\\nB", Config())]
    [(1, True), (2, False), (3, True)]
    """
    rows = text.splitlines()
    width = wrap_width(rows, config)
    numbered = unwrap(rows, width) if width else enumerate(rows, start=1)
    lines = []
    gap = True
    for number, raw in numbered:
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        lines.append(make_line(number, stripped, limit=config.max_line_chars,
                               cjk_chars_per_word=config.cjk_chars_per_word,
                               unspaced_chars_per_word=config.unspaced_chars_per_word,
                               gap_before=gap))
        # A line of invisible characters is still named (a rule removes it), but it sets the
        # next line apart as a blank line would.
        gap = not visible(stripped)
    return lines
