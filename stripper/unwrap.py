"""Hard-wrapped text dumps (``lynx -dump``, ``w3m -dump``, ``html2text``) back to one block
per line.

Those tools break every paragraph into lines of at most a fixed width (72 to 80 terminal cells
by default; a CJK character takes two). A dump counts as wrapped when nearly all its long lines
fit one width and many run close to it; a line is then joined to the next when the next one's
first word would not have fitted after it (the tool broke the line there). Headings, list items
and menu lines end short on purpose, so they stay lines of their own. A browser's own dump (one
block per line) has long paragraphs and is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter

from .config import Config
from .lines import CJK_RANGES

#: Characters a terminal shows two cells wide: CJK, and the fullwidth forms.
_WIDE = re.compile(f"[{CJK_RANGES}\uff01-\uff60\uffe0-\uffe6]")
#: A line that starts a list item ("* item", "- item", "1. item", "2) item"): never a
#: continuation of the line before it.
_ITEM_START = re.compile(r"\s*(?:[*+•·‣◦-]|\d{1,3}[.)])\s")


def wrap_width(rows: list[str], config: Config) -> int | None:
    """The width the lines of a dump were wrapped at, or None when they were not wrapped.

    >>> paragraph = ("word " * 60).strip()
    >>> import textwrap
    >>> wrap_width(textwrap.wrap(paragraph, 60) * 3, Config())
    59
    >>> wrap_width([paragraph] * 6, Config()) is None
    True
    """
    long = [n for n in map(_cells, rows) if n >= config.wrap_min_chars]
    if len(long) < config.wrap_min_lines:
        return None
    fitting = [n for n in long if n <= config.wrap_max_width]
    if len(fitting) < config.wrap_fit_share * len(long):
        return None
    # The width is where most lines end: the length with the most lines within
    # ``wrap_slack`` characters under it (an unbreakable address may run past it).
    counts = Counter(fitting)
    full, width = max((sum(counts[n] for n in range(width - config.wrap_slack, width + 1)), width)
                      for width in counts)
    wrapped = full >= config.wrap_min_lines and full >= config.wrap_full_share * len(long)
    return width if wrapped else None


def unwrap(rows: list[str], width: int) -> list[tuple[int, str]]:
    """``(first line number, text)`` of each line once wrapped lines are joined (by one
    space, indentation dropped); blank lines stay, as ``(number, "")``.

    >>> unwrap(["The council voted on", "Tuesday.", "", "Short line", "Next"], 22)
    [(1, 'The council voted on Tuesday.'), (3, ''), (4, 'Short line'), (5, 'Next')]
    """
    joined: list[tuple[int, str]] = []
    wrapped = False
    for number, row in enumerate(rows, start=1):
        text = row.strip()
        if wrapped and text and not _ITEM_START.match(row):
            start, before = joined[-1]
            joined[-1] = (start, f"{before} {text}")
        else:
            joined.append((number, text))
        # The tool broke this line if the next line's first word would not have fitted.
        wrapped = bool(text) and _cells(row) + 1 + _first_word_cells(rows, number) > width
    return joined


def _cells(text: str) -> int:
    """How many cells a line takes on a terminal, as dump tools count its width (trailing
    spaces left out; a CJK character takes two)."""
    text = text.rstrip()
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


def _first_word_cells(rows: list[str], number: int) -> int:
    """Cells of the first word of the line after line ``number`` (0 at the end or a blank)."""
    if number >= len(rows):
        return 0
    words = rows[number].split(maxsplit=1)
    return _cells(words[0]) if words else 0
