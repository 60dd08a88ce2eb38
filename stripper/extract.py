"""Title and date: chosen from the labelled lines and the page's hints."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import regex

from .config import DEFAULT, Config
from .dates import date_from_url, find_date, find_dates, yearless_dates
from .lines import CLUTTER, DATE, TITLE, WORD, Line, normalise
from .page import Hints
from .classify import NEAR, SHORT

#: Separators a site name hangs off: "Headline | Site", "Headline - Site". Never ":".
_SUFFIX_SEPARATOR = regex.compile(r"\s+(?:[|\-–—·»•~]|::)\s+")
_DOMAIN = regex.compile(r"\b[\w-]+\.(?:com|net|org|co|id|my|ru|de|fr|es|br|pt|jp|uk|in|news|tv|info)\b")
_ALNUM = regex.compile(r"[\W_]+")
#: The marker of a Markdown heading ("# Headline"), as dumps written as Markdown print it.
_MARKDOWN_HEADING = regex.compile(r"^#{1,6}\s+")
#: A web address in a line: a link printed in the dump, never a headline.
_URL = regex.compile(r"https?://|\bwww\.\w")
#: Rules that remove an article's own metadata: its byline, its relative time ("3 hours ago").
METADATA_RULES = frozenset({"byline.author", "meta.timestamp"})


def site_names(lines: list[Line], hints: Hints) -> set[str]:
    """Alphanumeric forms of the site's names: from hints, and from domains named on the page.

    >>> from stripper.lines import make_line
    >>> footer = make_line(1, "Copyright © 2024 SINDOnews.com", limit=99, cjk_chars_per_word=2)
    >>> footer.first_label = CLUTTER
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


def strip_site_suffix(title: str, names: set[str], config: Config = DEFAULT) -> str:
    """Drop a trailing (or leading) site name: "Headline - SINDOnews" -> "Headline".

    >>> strip_site_suffix("Rusia Tepis Tudingan AS - SINDOnews", {"sindonews"})
    'Rusia Tepis Tudingan AS'
    >>> strip_site_suffix("KPK Usut PAW, PDIP: Ini Jelas Tebang Pilih", {"kompas"})
    'KPK Usut PAW, PDIP: Ini Jelas Tebang Pilih'
    """
    cuts = [0] + [p for m in _SUFFIX_SEPARATOR.finditer(title) for p in m.span()] + [len(title)]
    parts = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    while len(parts) > 1 and _is_site_name(title[slice(*parts[-1])], names, config):
        parts.pop()
    while len(parts) > 1 and _is_site_name(title[slice(*parts[0])], names, config):
        parts.pop(0)
    return title[parts[0][0]:parts[-1][1]].strip()


def _is_site_name(part: str, names: set[str], config: Config) -> bool:
    key = _ALNUM.sub("", normalise(part, 200))
    if not key or len(part.split()) > config.site_name_max_words:
        return False
    return key in names or any(name.startswith(key) or key.startswith(name)
                               for name in names if len(name) >= config.site_name_min_chars
                               ) or bool(_DOMAIN.search(part.lower()))


def pick_title(lines: list[Line], span: tuple[int, int], hints: Hints, config: Config) -> str | None:
    """The headline: from markup hints when present, else the best header line; its lines are
    marked ``meta.title``."""
    names = site_names(lines, hints)
    if hints.titles:
        title = strip_site_suffix(hints.titles[0], names, config)
        if title != hints.titles[0] and hints.h1 and _shares_words(title, hints.h1, config):
            title = hints.h1
        title = _shown_part(title, lines, config)
        _mark_title_lines(lines, normalise(title, config.max_line_chars), span)
        return title or None
    best = _best_title_line(lines, span, config, _slug_words(hints.url))
    if best is None:
        return None
    _mark_title_lines(lines, best.norm, span)
    return strip_site_suffix(_MARKDOWN_HEADING.sub("", best.text), names, config)


def _shown_part(title: str, lines: list[Line], config: Config) -> str:
    """Of a title in parts ("Headline - Section - Site"), the headline: the first part, when
    it is the longest, the page shows it as a line of its own, and the parts after it are as
    short as names (a section's, a site's). Otherwise the whole title: "Game review – shoots
    for the moon, lands among the stars" is one headline, and a kicker before it ("Opinion |
    Headline") is the publisher's own title.

    >>> from stripper.lines import make_line
    >>> shown = [make_line(1, "Best tyres for winter?", limit=99, cjk_chars_per_word=2)]
    >>> _shown_part("Best tyres for winter? - Commuting", shown, DEFAULT)
    'Best tyres for winter?'
    >>> _shown_part("Best tyres for winter? - Readers ask the forum for advice", shown, DEFAULT)
    'Best tyres for winter? - Readers ask the forum for advice'
    """
    parts = _SUFFIX_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    headline, names = parts[0], parts[1:]
    if max(map(len, names)) > len(headline) or any(
            len(part.split()) > config.site_name_max_words for part in names):
        return title
    shown = normalise(headline, config.max_line_chars) in {line.norm for line in lines}
    return headline if shown else title


def _shares_words(title: str, headline: str, config: Config = DEFAULT) -> bool:
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
    return bool(words) and len(words & shown) >= config.title_shared_words * len(words)


def _best_title_line(lines: list[Line], span: tuple[int, int], config: Config,
                     slug: frozenset[str] = frozenset()) -> Line | None:
    """The header line that scores best as the headline (see the ``TITLE_*`` weights)."""
    scored = title_scores(lines, span, config, slug)
    return lines[scored[0][1]] if scored else None


def title_scores(lines: list[Line], span: tuple[int, int], config: Config,
                 slug: frozenset[str] = frozenset()) -> list[tuple[float, int]]:
    """``(score, index)`` of every headline candidate in the header search window: nearest
    the body span first (ties go to it)."""
    start = span[0]
    if start == span[1]:
        return []
    first = start if lines[start].first_label == SHORT else start - 1
    for i in range(start, min(span[1], start + config.title_in_span_lines)):
        if _heads_article(lines, i, config):
            first = i
    window = range(first, max(-1, start - 1 - config.header_search_lines), -1)
    candidates = [i for i in window if _could_be_title(lines[i], config)
                  or (i < start and _headline_sentence(lines[i], config)
                      and _metadata_follows(lines, i, config))]
    texts = [line.norm for line in lines[:span[1]]]
    scored = []
    for i in candidates:
        line = lines[i]
        score = (config.title_word_weight * min(line.words, config.title_words_cap)
                 - config.title_distance_cost * (start - i))
        score -= config.title_long_cost * max(0, line.words - config.title_long_words)
        if _repeated(line, i, texts, start, config):
            score += config.title_repeat_bonus
        if _metadata_follows(lines, i, config):
            score += config.title_metadata_bonus
        if line.words <= 4 and _menu_neighbours(lines, i):
            score -= config.title_menu_cost
        if line.text.isupper():
            score -= config.title_capitals_cost
        if slug:
            score += config.title_slug_bonus * _slug_share(line, slug, config)
        if line.norm.endswith("."):
            score -= config.title_sentence_cost
        if i - 1 in candidates and lines[i - 1].words >= config.title_lead_min_words:
            score -= config.title_follows_cost
        scored.append((score, -len(scored), i))
    return [(score, i) for score, _, i in sorted(scored, reverse=True)]


def _slug_words(url: str | None) -> frozenset[str]:
    """The words of a page address's path ("/2019/11/19/night-buses-extended.html"), which
    most sites build from the headline.

    >>> sorted(_slug_words("https://daily.example/news/2019/11/19/night-buses-extended.html"))
    ['buses', 'extended', 'html', 'news', 'night']
    """
    if not url:
        return frozenset()
    path = urlsplit(url).path.casefold()
    return frozenset(word for word in WORD.findall(path) if not word.isdigit())


def _slug_share(line: Line, slug: frozenset[str], config: Config) -> float:
    """The share of a line's words (of ``title_slug_min_chars`` or more) that stand in the
    address's path."""
    words = [word for word in WORD.findall(line.norm) if len(word) >= config.title_slug_min_chars]
    return sum(word in slug for word in words) / len(words) if words else 0.0


def _heads_article(lines: list[Line], i: int, config: Config) -> bool:
    """A line at the top of the body span is the headline when it has a headline's length
    and the byline or dateline follows it."""
    return lines[i].words <= config.title_long_words and _metadata_follows(lines, i, config)


def _repeated(line: Line, i: int, texts: list[str], start: int, config: Config) -> bool:
    """The line's text stands again on the page where a headline's does: inside a longer line
    (a breadcrumb, "Share this story: <headline>"), right next to itself (a headline printed
    twice), or from the article's start on. The same line twice elsewhere in the header is a
    widget or a teaser listed twice, and says nothing."""
    for j, text in enumerate(texts):
        if j == i or line.norm not in text:
            continue
        if text != line.norm:
            if line.words >= config.title_repeat_min_words:
                return True
        elif j >= start or abs(j - i) == 1:
            return True
    return False


def _could_be_title(line: Line, config: Config, sentence: bool = False) -> bool:
    """A header line that could be the headline: no rule removed it, not a sentence (unless
    ``sentence``), and no date inside it (a dateline the date rule did not catch)."""
    return (line.first_label not in (CLUTTER, DATE) and line.has_letters
            and config.title_min_words <= line.words <= config.title_max_words
            and (sentence or not line.norm.endswith(".")) and find_date(line.text) is None
            and not _URL.search(line.norm))


#: How a teaser cut to length ends.
_CUT_SHORT = ("...", "…")


def _headline_sentence(line: Line, config: Config) -> bool:
    """A headline that ends in a full stop ("They just might be."): a title in all else. Only
    taken above the body, with a byline or dateline right under it (a caption or a
    standfirst has none); a teaser cut short ("what a time to be ...") is none."""
    return (line.norm.endswith(".") and not line.norm.endswith(_CUT_SHORT)
            and line.words <= config.title_long_words
            and _could_be_title(line, config, sentence=True))


def _metadata_follows(lines: list[Line], i: int, config: Config) -> bool:
    """A byline or dateline stands right under the line: a headline's place. (One above it
    does not count: a caption or the first paragraph sits under the dateline.)"""
    following = lines[i + 1:i + 1 + config.title_metadata_lines]
    return any(_is_metadata(line, config) for line in following)


def _is_metadata(line: Line, config: Config) -> bool:
    """A dateline, a byline, a relative time, or a short non-sentence line with a date in it
    ("February 1, 2019 | BY: Ilana Muhlstein, MS, RDN")."""
    return (line.first_label == DATE or line.first_rule in METADATA_RULES
            or (line.words <= config.title_metadata_max_words and not line.terminal
                and find_date(line.text) is not None))


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
    """The date of the dateline nearest the headline: among date lines and short clutter
    lines from the header to the body's end; failing those, the first date in a header line
    that holds other words too ("Carlos Nadalim 27/09/2018 Comente! Alfabetização")."""
    start, end = span
    if start == end:
        return None
    anchor = next((i for i, line in enumerate(lines) if line.label == TITLE), start)
    low = max(0, start - config.header_search_lines)
    datelines = (((_ROLE_RANK[found.role], not _dated_by_article(line), abs(i - anchor)), found.iso)
                 for i, line in enumerate(lines[low:end], low)
                 if line.first_label == DATE or (line.first_label == CLUTTER and line.words <= 25)
                 for found in _line_dates(line.text, today))
    in_header = (((_ROLE_RANK[found.role], abs(i - anchor)), found.iso)
                 for i, line in enumerate(lines[low:start], low)
                 if line.first_label == SHORT or (line.first_label == NEAR and not line.terminal)
                 for found in find_dates(line.text, today=today))
    return _best_ranked(datelines) or _best_ranked(in_header)


def _line_dates(text: str, today: datetime.date | None) -> list:
    """The dates in a line; a dateline without a year ("Updated Nov 19, 6:55 AM") gives its
    date only when the fetch day (``today``) tells the year."""
    return find_dates(text, today=today) or (yearless_dates(text, today) if today else [])


def _best_ranked(candidates) -> str | None:
    """The date of the lowest-ranked ``(rank, iso)`` candidate; the first among equals."""
    best = min(((rank, n, iso) for n, (rank, iso) in enumerate(candidates)), default=None)
    return best[2] if best else None


def _dated_by_article(line: Line) -> bool:
    """A dateline, or a byline with its date ("By Tess Bonn - 11/19/19 06:56 AM EST"): dates
    that belong to the article, unlike one in other clutter (a footer, a weather widget)."""
    return line.first_label == DATE or line.first_rule in METADATA_RULES
