"""Title and date: chosen from the labelled lines and the page's hints."""

from __future__ import annotations

import datetime

import regex

from .config import Config
from .dates import date_from_url, find_date, find_dates
from .lines import CLUTTER, DATE, TITLE, WORD, Line, normalise
from .page import Hints
from .passes import SHORT

#: Separators a site name hangs off: "Headline | Site", "Headline - Site". Never ":".
_SUFFIX_SEPARATOR = regex.compile(r"\s+(?:[|\-–—·»•~]|::)\s+")
_DOMAIN = regex.compile(r"\b[\w-]+\.(?:com|net|org|co|id|my|ru|de|fr|es|br|pt|jp|uk|in|news|tv|info)\b")
_ALNUM = regex.compile(r"[\W_]+")
#: Share of a meta title's words the visible headline must hold to be preferred to it.
TITLE_SHARED_WORDS = 0.6
#: A site name is at most this many words.
SITE_NAME_MAX_WORDS = 4
#: How a header line scores as the headline: its words (up to a cap) count, distance from the
#: article costs, and a repetition on the page, a dateline next to it, or menu items around it
#: move the score by these amounts.
TITLE_WORD_WEIGHT, TITLE_WORDS_CAP, TITLE_DISTANCE_COST = 1.5, 12, 0.3
TITLE_REPEAT_BONUS, TITLE_NEAR_DATE_BONUS, TITLE_MENU_COST = 8, 6, 10
#: A headline set in capitals is rare; a kicker or a button in capitals is not.
TITLE_CAPITALS_COST = 6
#: A line of at least this many words counts as repeated when it stands inside another line.
TITLE_REPEAT_MIN_WORDS = 4


def site_names(lines: list[Line], hints: Hints) -> set[str]:
    """Alphanumeric forms of the site's names: from hints, and from domains named on the page.

    >>> from stripper.lines import make_line
    >>> footer = make_line(1, "Copyright © 2024 SINDOnews.com", limit=99, cjk_chars_per_word=2,
    ...                    first_label=CLUTTER)
    >>> sorted(site_names([footer], Hints()))
    ['sindonews', 'sindonewscom']
    """
    names = {_ALNUM.sub("", normalise(n, 200)) for n in hints.site_names}
    for line in lines:
        if line.first_label == CLUTTER:
            for domain in _DOMAIN.findall(line.norm):
                names.add(_ALNUM.sub("", domain))
                names.add(_ALNUM.sub("", domain.rsplit(".", 1)[0]))
    names.discard("")
    return names


def strip_site_suffix(title: str, names: set[str]) -> str:
    """Drop a trailing (or leading) site name: "Headline - SINDOnews" -> "Headline".

    >>> strip_site_suffix("Rusia Tepis Tudingan AS - SINDOnews", {"sindonews"})
    'Rusia Tepis Tudingan AS'
    >>> strip_site_suffix("KPK Usut PAW, PDIP: Ini Jelas Tebang Pilih", {"kompas"})
    'KPK Usut PAW, PDIP: Ini Jelas Tebang Pilih'
    """
    cuts = [0] + [p for m in _SUFFIX_SEPARATOR.finditer(title) for p in m.span()] + [len(title)]
    parts = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    while len(parts) > 1 and _is_site_name(title[slice(*parts[-1])], names):
        parts.pop()
    while len(parts) > 1 and _is_site_name(title[slice(*parts[0])], names):
        parts.pop(0)
    return title[parts[0][0]:parts[-1][1]].strip()


def _is_site_name(part: str, names: set[str]) -> bool:
    key = _ALNUM.sub("", normalise(part, 200))
    if not key or len(part.split()) > SITE_NAME_MAX_WORDS:
        return False
    return key in names or any(name.startswith(key) or key.startswith(name)
                               for name in names if len(name) >= 4) or bool(_DOMAIN.search(part.lower()))


def pick_title(lines: list[Line], span: tuple[int, int], hints: Hints, config: Config) -> str | None:
    """The headline: from markup hints when present, else the best header line; its lines are
    marked ``meta.title``."""
    names = site_names(lines, hints)
    if hints.titles:
        title = strip_site_suffix(hints.titles[0], names)
        if title != hints.titles[0] and hints.h1 and _shares_words(title, hints.h1):
            title = hints.h1
        _mark_title_lines(lines, normalise(title, config.max_line_chars), span)
        return title or None
    best = _best_title_line(lines, span, config)
    if best is None:
        return None
    _mark_title_lines(lines, best.norm, span)
    return strip_site_suffix(best.text, names)


def _shares_words(title: str, headline: str) -> bool:
    """True when most words of a meta title are in the page's visible headline: then the
    headline is the same story's title as the reader sees it (the meta one, which carried a
    site suffix, is its search-engine version).

    >>> _shares_words("Spiced Honey Pear Jam Recipe", "Homemade Spiced Honey Pear Jam for the Holidays")
    True
    >>> _shares_words("Simple Hiking Survival Kit", "Hiking the Boulder Flat Irons")
    False
    """
    words = set(WORD.findall(title.casefold()))
    shown = set(WORD.findall(headline.casefold()))
    return bool(words) and len(words & shown) >= TITLE_SHARED_WORDS * len(words)


def _best_title_line(lines: list[Line], span: tuple[int, int], config: Config) -> Line | None:
    """The header line that scores best as the headline (see the ``TITLE_*`` weights)."""
    start = span[0]
    if start == span[1]:
        return None
    first = start if lines[start].first_label == SHORT else start - 1
    window = range(first, max(-1, start - 1 - config.header_search_lines), -1)
    candidates = [i for i in window if _could_be_title(lines[i], config)]
    texts = [line.norm for line in lines[:span[1]]]
    best, best_score = None, float("-inf")
    for i in candidates:
        line = lines[i]
        score = TITLE_WORD_WEIGHT * min(line.words, TITLE_WORDS_CAP) - TITLE_DISTANCE_COST * (start - i)
        if _repeated(line, i, texts):
            score += TITLE_REPEAT_BONUS
        if _near_date(lines, i):
            score += TITLE_NEAR_DATE_BONUS
        if line.words <= 4 and _menu_neighbours(lines, i):
            score -= TITLE_MENU_COST
        if line.text.isupper():
            score -= TITLE_CAPITALS_COST
        if score > best_score:
            best, best_score = line, score
    return best


def _repeated(line: Line, i: int, texts: list[str]) -> bool:
    """The line's text stands again on the page, alone or inside another line ("Share this
    story: <headline>")."""
    if line.words < TITLE_REPEAT_MIN_WORDS:
        return texts.count(line.norm) > 1
    return any(line.norm in text for j, text in enumerate(texts) if j != i)


def _could_be_title(line: Line, config: Config) -> bool:
    """A header line that could be the headline: no rule removed it, not a sentence, and no
    date inside it (a dateline the date rule did not catch)."""
    return (line.first_label not in (CLUTTER, DATE) and line.has_letters
            and config.title_min_words <= line.words <= config.title_max_words
            and not line.norm.endswith(".") and find_date(line.text) is None)


def _near_date(lines: list[Line], i: int) -> bool:
    window = lines[max(0, i - 2):i] + lines[i + 1:i + 4]
    return any(line.first_label == DATE for line in window)


def _menu_neighbours(lines: list[Line], i: int) -> bool:
    around = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return len(around) == 2 and all(n.words <= 3 and not n.terminal for n in around)


def _mark_title_lines(lines: list[Line], norm: str, span: tuple[int, int]) -> None:
    for line in lines[:span[1]]:
        if line.norm == norm:
            line.mark(TITLE, "meta.title")


def pick_date(lines: list[Line], span: tuple[int, int], hints: Hints, config: Config,
              markup: bool = False, today: datetime.date | None = None) -> str | None:
    """The publication date. In HTML (``markup``), the evidence order is: published dates in
    the markup, a date in the page's URL, the dateline nearest the headline, a modified date.
    A text dump has no markup, and its dateline (with a time and zone) comes before the URL's
    bare date. Among datelines, published beats undated beats updated. No date after
    ``today`` (the fetch day, when known) counts."""
    from_url = date_from_url(hints.url, today=today) if hints.url else None
    if hints.published:
        return hints.published[0]
    if markup and from_url:
        return from_url
    return _dateline(lines, span, config, today) or from_url or (hints.modified[0] if hints.modified else None)


_ROLE_RANK = {"published": 0, None: 1, "updated": 2}


def _dateline(lines: list[Line], span: tuple[int, int], config: Config,
              today: datetime.date | None = None) -> str | None:
    start, end = span
    if start == end:
        return None
    anchor = next((i for i, line in enumerate(lines) if line.label == TITLE), start)
    low = max(0, start - config.header_search_lines)
    best, best_key = None, None
    for i in range(low, end):
        line = lines[i]
        if line.first_label != DATE and not (line.first_label == CLUTTER and line.words <= 25):
            continue
        for found in find_dates(line.text, today=today):
            key = (_ROLE_RANK[found.role], line.first_label != DATE, abs(i - anchor))
            if best_key is None or key < best_key:
                best, best_key = found.iso, key
    return best
