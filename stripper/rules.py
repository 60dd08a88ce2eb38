"""Structural and context rules: the ones that are code, not phrase lists.

Phrase rules (``data/rules.toml`` + ``data/phrases/``) catch clutter by its words. The rules
here catch it by its shape or its place on the page. Each is one function; its docstring is
the text ``stripper rules`` prints. ``RULES`` maps every rule id to that function.
"""

from __future__ import annotations

import regex

from .config import Config
from .lines import Line

_SEPARATORS = regex.compile(r"[|•·»›/]")


def symbols_only(line: Line, config: Config) -> bool:
    """A line with no letters at all: counters, separators, stray numbers ('16', '|', '* * *').

    >>> from stripper.lines import make_line
    >>> symbols_only(make_line(1, "16", limit=99, cjk_chars_per_word=2), Config())
    True
    """
    return not line.has_letters


def menu_item(line: Line, config: Config) -> bool:
    """A short line with no sentence punctuation: a menu entry, a label, a teaser title.

    Only removes a line as part of a run of three or more outside the article (``nav.menu``).

    >>> from stripper.lines import make_line
    >>> menu_item(make_line(1, "Politics", limit=99, cjk_chars_per_word=2), Config())
    True
    """
    return line.words <= 4 and not line.terminal


def separated_links(line: Line, config: Config) -> bool:
    """A line of short items joined by separators: 'About / Advertise / Contact', 'A | B | C'.

    >>> from stripper.lines import make_line
    >>> separated_links(make_line(1, "News | Sport | Weather | Money", limit=99, cjk_chars_per_word=2), Config())
    True
    """
    seps = len(_SEPARATORS.findall(line.norm))
    return seps >= 2 and line.words <= 4 * (seps + 1) and not line.terminal


def read_also_run(line: Line, config: Config) -> bool:
    """A link title under a 'Baca juga' / 'Read more' label, up to the next paragraph."""
    return not line.terminal and line.words <= config.read_also_max_words


#: Context-free shape rules, tried after the phrase rules, in this order.
LINE_RULES = {
    "struct.symbols": symbols_only,
    "nav.link-list": separated_links,
}

#: Rules that need neighbouring lines; the context pass applies them.
CONTEXT_RULES = {
    "nav.menu": menu_item,
    "nav.read-also-run": read_also_run,
}

#: Decisions made by the passes themselves, documented here so every rule id has a text.
PASS_DECISIONS = {
    "zone.header": "A line before the article's body span (site header, menus, teasers).",
    "zone.footer": "A line after the article's body span, or after an end-of-article marker.",
    "meta.title": "The headline (and any repetition of it): it becomes the title, not body.",
    "meta.date": "A dateline ('Sabtu, 21 Oktober 2023 - 09:50 WIB'): the date is read from it; "
                 "the line is not body.",
}
