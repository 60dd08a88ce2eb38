"""Dates in page text, markup and URLs, normalised to ISO 8601.

Nearly every date this module reads has a four-digit year, so a line is read in four steps:

1. find plausible years (a cheap scan; a line without one costs next to nothing); a
   two-digit year counts only in a numeric date with a clock time after it
   ("11/19/19 06:56 AM EST");
2. at each, find the date *core*: day, month and year in one of seven shapes, three starting
   at the year (``2023-10-21``, ``2024年3月14日``, ``2023. március 5.``) and four ending there
   (``21/10/2023``, ``21 Oktober 2023``, ``Nov 19, 2019``, ``5 tháng 3 năm 2023``);
3. grow each core to the right by a time, zone or bracketed weekday, and to the left by a
   weekday and a time written before the date ("Published 7:07 PM EST Nov 19, 2019");
4. give it a role from a published/updated marker shortly before it.

Month and weekday names, time-zone abbreviations, markers and the small words inside dates
("de", "pukul", "Uhr", "p.m.") are data, in ``data/dates/*.tsv``; this module only knows the
shapes. Offsets are kept as the page gives them, never converted.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from .config import DEFAULT
from .lines import count_words

#: Dates before this year are not publication dates of web pages.
EARLIEST_YEAR = 1995
#: Thai pages count years in the Buddhist Era, this many years ahead of the Common Era. A year
#: of ``BUDDHIST_ERA_FROM`` or more next to a Thai month name is one ("14 มี.ค. 2567").
BUDDHIST_ERA = 543
BUDDHIST_ERA_FROM = 2400
#: A date may lie this many days after today (time zones, pages dated ahead).
MAX_DAYS_AHEAD = 1
#: A date core ending at its year starts at most this many characters before the year
#: ("30th of September, 2019", "13 de septiembre de 2025").
CORE_REACH = 40
#: A weekday and a time written before a date are looked for this many characters back.
LEAD_REACH = 48
#: A published/updated marker counts when it starts at most this many characters before a date.
MARKER_REACH = 64
#: A dateline has at most this many words besides its dates and their markers...
DATELINE_MAX_WORDS = 4
#: ...and at most this many characters.
DATELINE_MAX_CHARS = 200
#: Real UTC offsets lie within this many minutes of UTC.
MAX_OFFSET_MINUTES = 14 * 60

_DATA = resources.files("stripper") / "data" / "dates"


def _table(filename: str) -> list[dict[str, str]]:
    """The rows of a tab-separated data file, keyed by its header line; ``#`` starts a comment."""
    lines = [line for line in (_DATA / filename).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{filename}: {line!r} should have the {len(header)} tab-separated "
                             f"columns {', '.join(header)}")
        rows.append(dict(zip(header, cells)))
    return rows


def _key(phrase: str) -> str:
    """The form names are looked up by: spaces collapsed, composed (NFC), case-folded, with
    dotted and dotless i as one letter (Turkish capitals: "KASIM", "NİSAN"), as the
    case-insensitive patterns see them.

    >>> _key("NİSAN"), _key("Kasım"), _key("Ιανουάριος")
    ('nisan', 'kasim', 'ιανουάριοσ')
    """
    folded = unicodedata.normalize("NFC", " ".join(phrase.split())).casefold()
    return folded.replace("i\u0307", "i").replace("ı", "i")


def _mapping(filename: str, key: str, value: str, *, fold: bool = True) -> dict[str, str]:
    """One column of a data file mapped to another; a name may not mean two things."""
    table: dict[str, str] = {}
    for row in _table(filename):
        name = _key(row[key]) if fold else row[key]
        if table.setdefault(name, row[value]) != row[value]:
            raise ValueError(f"{filename}: {row[key]!r} means both {table[name]!r} "
                             f"and {row[value]!r}")
    return table


def _grouped(filename: str, key: str, value: str) -> dict[str, list[str]]:
    """The values of one column of a data file, grouped by another column."""
    groups: dict[str, list[str]] = {}
    for row in _table(filename):
        groups.setdefault(row[key], []).append(row[value])
    return groups


def _minutes(sign: str, hours: str, minutes: str | None) -> int:
    """A UTC offset in minutes from its parts: ('-', '05', '30') -> -330."""
    total = int(hours) * 60 + int(minutes or 0)
    return total if sign == "+" else -total


_OFFSET = re.compile(r"([+−-])(\d\d?)(?::?(\d\d))?")


def _offset(text: str) -> int:
    """A UTC offset written '+07:00' in a data file, in minutes."""
    match = _OFFSET.fullmatch(text)
    if match is None:
        raise ValueError(f"zones.tsv: offset {text!r} should look like +07:00 or -03:30")
    return _minutes(*match.groups())


_MONTHS = {name: int(month) for name, month in _mapping("months.tsv", "name", "month").items()}
_BUDDHIST_ERA_MONTHS = {_key(row["name"]) for row in _table("months.tsv") if row["lang"] == "th"}
_ZONES = {abbr: _offset(offset)
          for abbr, offset in _mapping("zones.tsv", "abbr", "offset", fold=False).items()}
_ROLES = _mapping("markers.tsv", "phrase", "role")
_DAYS = [row["name"] for row in _table("days.tsv")]
_PARTICLES = _grouped("particles.tsv", "kind", "word")
_HALVES = {_key(word): half for half in ("am", "pm") for word in _PARTICLES[half]}

# ---- regex pieces ----------------------------------------------------------------------------

#: Combining marks inside words, which ``\w`` leaves out: decomposed Latin accents, Hebrew and
#: Arabic points, Devanagari vowel signs ("मार्च", "जनवरी"), Thai vowel and tone marks ("มีนาคม").
_MARKS = ("\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
          "\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
          "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e")
_L = rf"(?:[^\W\d_]|[{_MARKS}])"  # one letter, of any script, or a mark inside a word
_WORD_START = rf"(?<!{_L})"
_WORD_END = rf"(?!{_L})"
#: Scripts written without spaces between words: no word boundary is asked for beside them.
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: Punctuation that separates the parts of a dateline: "Nov 19, 2019 | 10:31", "- 09:50 WIB".
_SEP = r"[\s,;|·•@/–—.،-]"


def _either(words, *, fold: bool = True, bounded: bool = False) -> str:
    r"""A regex alternation of the words, longest first, where a space matches any spaces;
    case-insensitive unless ``fold`` is false. ``bounded`` keeps a word from matching inside a
    longer one (except beside Chinese and Japanese characters, written without spaces).

    Words are grouped by their first character, written as a plain character class, and a
    look-ahead on all first characters comes first: the engine rejects most positions and
    groups without entering them, so long lists stay cheap to search.

    >>> _either(["de", "del", "a las"])
    '(?=[aAdD])(?:[aA](?i:\\s+las)|[dD](?i:el|e))'
    """
    def head_class(head: str) -> str:
        cased = fold and head.lower() != head.upper()
        return head.lower() + head.upper() if cased else re.escape(head)

    def alternation(group: list[str]) -> str:
        by_head: dict[str, list[str]] = {}
        for word in group:
            by_head.setdefault(word[0], []).append(r"\s+".join(map(re.escape, word[1:].split(" "))))
        parts = [f"[{head_class(head)}](?{'i' if fold else ''}:{'|'.join(rests)})"
                 for head, rests in by_head.items()]
        return f"(?:{'|'.join(parts)})"

    ordered = sorted({" ".join(word.split()) for word in words}, key=len, reverse=True)
    gate = f"(?=[{''.join(dict.fromkeys(head_class(word[0]) for word in ordered))}])"
    if not bounded:
        return gate + alternation(ordered)
    spaced = [word for word in ordered if not _SPACELESS.search(word)]
    spaceless = [word for word in ordered if _SPACELESS.search(word)]
    pattern = _WORD_START + alternation(spaced) + _WORD_END
    return gate + (f"(?:{pattern}|{alternation(spaceless)})" if spaceless else pattern)


_ORDINAL = rf"(?:{_either(_PARTICLES['ordinal'])}{_WORD_END})?"
#: A joiner ending in an apostrophe needs no space after it ("5 d'abril de 2023").
_DATE_JOINER = rf"(?:{_either(_PARTICLES['date-joiner'])}(?:\s++|(?<=['’])))?"
_WEEKDAY = rf"{_either(_DAYS, bounded=True)}\.?[,،]?\s*+"
#: A month name: one word, or one of the names of two words ("كانون الثاني") or with inner dots
#: ("มี.ค").
_SPELLED_MONTHS = [name for name in _MONTHS if " " in name or "." in name]
_MONTH_NAME = rf"(?:{_either(_SPELLED_MONTHS, bounded=True)}|{_L}++)"

# Date cores. Three start at the year and are matched there; four end at the year and are
# searched for in the CORE_REACH characters before it.
#: Year first, numeric: "2023-10-21", and with dots, which may be spaced and may end the day
#: too (Hungarian and Korean "2023. 03. 05.", "2023.03.05.").
_ISO_DATE = re.compile(r"""
    (?P<y>\d{4}) (?P<sep>[/-]|(?P<dot>\.)\s?) (?P<m>\d\d?) (?P=sep) (?P<d>\d\d?) (?!\d)
    (?(dot)\.?)
""", re.VERBOSE)
_CJK_DATE = re.compile(r"""
    (?P<y>\d{4}) \s*+[年년]\s*+ (?P<m>\d\d?) \s*+[月월]\s*+ (?P<d>\d\d?) \s*+[日일号號]
""", re.VERBOSE)
#: Year first with a month name: Hungarian "2023. március 5.", Lithuanian "2023 m. kovo 5 d.",
#: and Latvian "2023. gada 5. marts" (day before month, each with its dot). The year takes a
#: dot or a suffix: "in 2020 May 12 people..." is not a date.
_YEAR_MONTH_NAMED = re.compile(rf"""
    (?P<y>\d{{4}}) (?: \.\s*+ | \s*+(?={_either(_PARTICLES['year-suffix'])}{_WORD_END}) )
    (?:{_either(_PARTICLES['year-suffix'])}{_WORD_END}\s*+)?
    (?: (?P<mon>{_MONTH_NAME}) \.? \s*+ (?P<d>\d\d?) (?!\d)
        (?:\s*+{_either(_PARTICLES['day-suffix'])}{_WORD_END}|\.)?
      | (?P<d2>\d\d?) \.\s*+ (?P<mon2>{_MONTH_NAME}) {_WORD_END}
    )
""", re.VERBOSE)
#: Day first, numeric: "21/10/2023", and Czech and Slovak spaced "5. 3. 2023".
_NUMERIC_DATE = re.compile(r"""
    (?<!\d)(?<!\d[./-]) (?P<a>\d\d?) (?P<sep>[./-]|\.\s) (?P<b>\d\d?) (?P=sep) (?P<y>\d{4}) \Z
""", re.VERBOSE)
_DAY_MONTH = re.compile(rf"""
    (?<!\d)(?P<d>\d\d?) {_ORDINAL} \.? \s*+ (?:[-/]\s*+)? {_DATE_JOINER}
    (?P<mon>{_MONTH_NAME}) \.? \s*+ (?:[-/,،]\s*+)? {_DATE_JOINER}
    (?P<y>\d{{4}}) \Z
""", re.VERBOSE)
#: A month written as a number after a month word: Vietnamese "5 tháng 3 năm 2023".
_DAY_MONTH_NUMBER = re.compile(rf"""
    (?<!\d)(?P<d>\d\d?) \s++ {_either(_PARTICLES['month-word'], bounded=True)} \s*+ (?P<m>\d\d?)
    \s*+ (?:[-/,،]\s*+)? {_DATE_JOINER} (?P<y>\d{{4}}) \Z
""", re.VERBOSE)
#: A numeric date with a two-digit year ("11/19/19", "19.11.19"): read only when a clock time
#: follows (dashes are left out: "3-1-19" is more often a score).
_SHORT_YEAR_DATE = re.compile(r"""
    (?<![\d./-]) (?P<a>\d\d?) (?P<sep>[./]) (?P<b>\d\d?) (?P=sep) (?P<yy>\d\d) (?![\d./-])
""", re.VERBOSE)
_MONTH_DAY = re.compile(rf"""
    {_WORD_START}(?P<mon>{_MONTH_NAME}) \.? \s*+ (?:[-/]\s*+)?
    (?P<d>\d\d?) {_ORDINAL} \s*+ (?:[-/,،]\s*+)?
    (?P<y>\d{{4}}) \Z
""", re.VERBOSE)

# A clock time, with its 12-hour marker, suffix and zone: "10:31 pm CST", "14h30",
# "22:39 Uhr", "15時30分", "09.50 WIB", "13:03:00.000Z", "18:20 (GMT+7)". A bare numeric offset
# needs seconds before it or a space, so that "10:00-11:00" stays a time range.
_TIME = rf"""
    (?P<H>\d\d?)
    (?: [:.](?P<M>\d\d) (?:[:.](?P<S>\d\d)(?:[.,]\d{{1,9}})?)?
      | \s?[hH]\s?(?P<Mh>\d\d)
      | \s*+[時时시]\s*+(?P<Mc>\d\d?)\s*+[分분]
    )(?!\d)
    (?:\s*+(?P<half>{_either(_HALVES)}){_WORD_END})?
    (?:\s*+{_either(_PARTICLES['time-suffix'])}{_WORD_END})?
    (?:\s*+[(（]?\s*+
        (?: (?P<zone>{_either(_ZONES, fold=False)}){_WORD_END}
            (?:\s?(?P<zsign>[+−-])\s?(?P<zh>\d\d?)(?::?(?P<zm>\d\d))?(?!\d))?
          | (?(S)|(?<=[\s(（])) (?P<sign>[+−-])(?P<oh>\d\d)(?::?(?P<om>\d\d))?(?!\d)
        )[)）]?
    )?
"""
#: What may follow a core: a year suffix, a bracketed weekday, then a time, perhaps after a
#: weekday ("05 Mart 2023 Pazar 14:30", "2023. március 5., vasárnap 14:30").
_TAIL = re.compile(rf"""
    (?P<extra>
        (?:\s*+{_either(_PARTICLES['year-suffix'])}{_WORD_END})?
        (?:\s*+[(（]\s*+{_either(_DAYS)}\.?\s*+[)）])?
    )
    (?: (?:T|{_SEP}{{0,8}}+(?:{_WEEKDAY})?
             (?:{_either(_PARTICLES['time-joiner'])}{_WORD_END}[\s,]{{0,4}}+)?)
        {_TIME} )?
""", re.VERBOSE)
#: What may come right before a core, from the start of a word: a weekday, a time, or both
#: ("Tuesday, ", "7:07 PM EST ", "Fri 6:45 PM, ", "11:26 pm EST, Tuesday, ").
_LEAD = re.compile(rf"""
    (?<![^\W_])(?=[^\W_])
    (?:(?:{_WEEKDAY})? {_TIME} {_SEP}{{0,8}}+)?
    (?P<wd>{_WEEKDAY})?
    \Z
""", re.VERBOSE)
#: A day and a month name without a year, then a clock time: "Nov 19, 6:55 AM",
#: "19. November um 14:30" (see ``is_yearless_dateline``).
_YEARLESS_DATE = re.compile(rf"""
    (?<![^\W_])(?:{_WEEKDAY})?
    (?: (?P<mon>{_MONTH_NAME}) \.? \s*+ (?P<d>\d\d?) {_ORDINAL}
      | (?P<d2>\d\d?) {_ORDINAL} \.? \s*+ {_DATE_JOINER} (?P<mon2>{_MONTH_NAME}) \.? )
    (?!\s*+[-/,،.]?\s*+\d{{4}})
    {_SEP}{{0,8}}+ (?:{_either(_PARTICLES['time-joiner'])}{_WORD_END}[\s,]{{0,4}}+)?
    {_TIME}
""", re.VERBOSE)
_MARKER = re.compile(_either(_ROLES, bounded=True))
_NUMBER = re.compile(r"\d{4,}")
#: Any digit: a line without one holds no date (a pattern that starts with a character class
#: is searched for in one fast scan; the two above are tried at every position).
_DIGIT = re.compile(r"\d")
#: Text dumps glue a time to the year before it: "NOV 15, 20195:45 AM".
_GLUED_TIME = re.compile(r"\d\d?:\d\d(?!\d)")
#: Sentence punctuation ending a line, perhaps before closing quotes and brackets.
_SENTENCE_END = re.compile(r"[.!?。！？…]\W*\Z")

# Machine-readable values: ISO 8601 with or without separators, and dates in URLs.
_ISO_VALUE = re.compile(r"""
    (?P<y>\d{4}) (?P<sep>-?) (?P<m>\d\d) (?P=sep) (?P<d>\d\d)
    (?: [Tt\s] (?P<H>\d\d) :? (?P<M>\d\d) (?: :?(?P<S>\d\d) (?:[.,]\d++)? )?
        \s*+ (?: (?P<utc>[Zz]) | (?P<sign>[+−-])(?P<oh>\d\d)(?::?(?P<om>\d\d))? )?
    )?
""", re.VERBOSE)
_URL_DATE = re.compile(r"""
    [/_.=-] (?P<y>\d{4})
    (?: (?P<sep>[/_.-]) (?P<m>\d\d?) (?P=sep) (?P<d>\d\d?) (?=(?P=sep)|[/?#.&]|\Z)
      | (?P<m8>\d\d)(?P<d8>\d\d)(?!\d)
    )
""", re.VERBOSE)


@dataclass(frozen=True)
class FoundDate:
    """One date expression in a text: its ISO 8601 form, its span, and what it dates."""

    iso: str
    start: int
    end: int
    #: "published", "updated" or None, from a marker word shortly before the date.
    role: str | None


def find_dates(text: str, *, today: datetime.date | None = None) -> list[FoundDate]:
    """Every plausible date expression in one line of text, in order. Like the rules, it reads
    no further than ``max_line_chars`` into a pathologically long line.

    >>> [d.iso for d in find_dates("Published: Nov 19, 2019 | Updated: 20/11/2019 08:15 WIB")]
    ['2019-11-19', '2019-11-20T08:15:00+07:00']
    >>> find_dates("Sabtu, 21 Oktober 2023 - 09:50 WIB")
    [FoundDate(iso='2023-10-21T09:50:00+07:00', start=0, end=34, role=None)]
    """
    return [found for found, _ in _scan(text, today)]


def find_date(text: str, *, today: datetime.date | None = None) -> FoundDate | None:
    """The first date expression in one line of text, or None.

    >>> find_date("Diperbarui 15 Jan 2025, 09:12 WIB")
    FoundDate(iso='2025-01-15T09:12:00+07:00', start=11, end=33, role='updated')
    >>> find_date("2 jam yang lalu") is None
    True
    """
    found = find_dates(text, today=today)
    return found[0] if found else None


def is_date_line(text: str, *, today: datetime.date | None = None) -> bool:
    """True when the line is essentially a dateline: dates (with their times, zones, weekdays
    and published/updated markers) and at most a few other words, such as a byline or a site
    name, and not a sentence that merely mentions a date.

    >>> is_date_line("Chris Davies - Nov 19, 2019, 10:31 pm CST")
    True
    >>> is_date_line("Pemain juga butuh suasana yang tenang, ujarnya, Selasa (14/1/2025).")
    False
    """
    line = text.strip()
    if len(line) > DATELINE_MAX_CHARS:
        return False
    found = _scan(line, today)
    if not found:
        return False
    rest, position = [], 0
    for date, claimed_from in found:
        rest.append(line[position:claimed_from])
        position = date.end
    rest.append(line[position:])
    words = count_words(" ".join(rest), DEFAULT.cjk_chars_per_word)
    sentence = words > 0 and _SENTENCE_END.search(line, position) is not None
    return words <= DATELINE_MAX_WORDS and not sentence


def is_yearless_dateline(text: str) -> bool:
    """True when the line is a dateline whose dates name no year, each a day and a month name
    with a clock time: "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "19. Nov, 14:30".
    Sites print the year only for older stories. The time is required: a day and a month
    alone ("Vote on March 5") is as likely a headline's. Such a line is no headline; its
    date is the page's only when the fetch day gives the year (``yearless_dates``).

    >>> is_yearless_dateline("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM")
    True
    >>> is_yearless_dateline("Posted March 5 at 9:03 pm by Jane Doe")
    True
    >>> is_yearless_dateline("Polls close on March 5 at 8:00 pm in most states, officials said.")
    False
    >>> is_yearless_dateline("Chapter 5, 6:55 AM")
    False
    """
    line = text.strip()
    found = _yearless_scan(line)
    if not found:
        return False
    rest, position = [], 0
    for _, _, _, _, end, claimed_from in found:
        rest.append(line[position:claimed_from])
        position = end
    rest.append(line[position:])
    words = count_words(" ".join(rest), DEFAULT.cjk_chars_per_word)
    return words <= DATELINE_MAX_WORDS and _SENTENCE_END.search(line, position) is None


def yearless_dates(text: str, today: datetime.date) -> list[FoundDate]:
    """The dates of a yearless dateline (see ``is_yearless_dateline``), in the year of
    ``today`` (the fetch day), or the year before for a day after it.

    >>> [d.iso for d in yearless_dates("Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM",
    ...                                datetime.date(2019, 11, 20))]
    ['2019-11-19T06:55:00', '2019-11-18T20:19:00']
    >>> yearless_dates("Posted Dec 30, 9:03 pm", datetime.date(2020, 1, 2))[0].iso
    '2019-12-30T21:03:00'
    """
    found = []
    for month, day, clock, role, end, claimed_from in _yearless_scan(text.strip()):
        date = _plausible(today.year, month, day, today) or _plausible(
            today.year - 1, month, day, today)
        if date and clock:
            found.append(FoundDate(date.isoformat() + clock, claimed_from, end, role))
    return found


def _yearless_scan(line: str) -> list[tuple[int, int, str | None, str | None, int, int]]:
    """(month, day, ISO time, role, end, where its claim starts) of each yearless date with a
    clock time in a line no longer than a dateline."""
    if len(line) > DATELINE_MAX_CHARS or not _GLUED_TIME.search(line):
        return []
    found, position = [], 0
    for match in _YEARLESS_DATE.finditer(line):
        month = _MONTHS.get(_key(match["mon"] or match["mon2"]))
        if month is None:
            continue
        role, claimed_from = _marker_before(line, match.start(), position)
        found.append((month, int(match["d"] or match["d2"]), _time_of(match), role,
                      match.end(), claimed_from))
        position = match.end()
    return found


def parse_iso(value: str, *, today: datetime.date | None = None) -> str | None:
    """Normalise a date from markup (meta tags, JSON-LD, ``<time datetime>``) to ISO 8601;
    other text falls back to :func:`find_date`. None when no plausible date is there.

    >>> parse_iso("2019-11-19T13:03:00.000Z")
    '2019-11-19T13:03:00+00:00'
    >>> parse_iso("20191119")
    '2019-11-19'
    >>> parse_iso("Tue, 19 Nov 2019 13:03:00 GMT")
    '2019-11-19T13:03:00+00:00'
    """
    match = _ISO_VALUE.fullmatch(value.strip())
    if match is None:
        found = find_date(value, today=today)
        return found.iso if found else None
    day = _plausible(int(match["y"]), int(match["m"]), int(match["d"]), _latest(today))
    if day is None:
        return None
    if match["H"] is None:
        return day.isoformat()
    offset = None
    if match["utc"]:
        offset = 0
    elif match["sign"]:
        offset = _minutes(match["sign"], match["oh"], match["om"])
    clock = _clock(int(match["H"]), int(match["M"]), int(match["S"] or 0), offset)
    return day.isoformat() + clock if clock else None


def date_from_url(url: str, *, today: datetime.date | None = None) -> str | None:
    """The date a URL's path spells out (``/2019/11/19/``, ``/20191119/``, ``/2019-11-19-``),
    or None; a year and month alone are not a date.

    >>> date_from_url("https://x.com/2019/11/19/slug")
    '2019-11-19'
    >>> date_from_url("https://x.com/2019/11/5-things-to-know") is None
    True
    """
    latest = _latest(today)
    for match in _URL_DATE.finditer(url):
        day = _plausible(int(match["y"]), int(match["m"] or match["m8"]),
                         int(match["d"] or match["d8"]), latest)
        if day:
            return day.isoformat()
    return None


# ---- reading a line ---------------------------------------------------------------------------

def _latest(today: datetime.date | None) -> datetime.date:
    return (today or datetime.date.today()) + datetime.timedelta(days=MAX_DAYS_AHEAD)


def _plausible(year: int, month: int, day: int, latest: datetime.date) -> datetime.date | None:
    """The date, when it exists and lies between EARLIEST_YEAR and ``latest``."""
    if year < EARLIEST_YEAR:
        return None
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    return date if date <= latest else None


def _clock(hour: int, minute: int, second: int, offset: int | None) -> str | None:
    """The ISO time part, 'T09:50:00+07:00' (no offset when None), or None if not a real time."""
    if hour > 23 or minute > 59 or second > 59:
        return None
    if offset is None:
        return f"T{hour:02}:{minute:02}:{second:02}"
    if abs(offset) > MAX_OFFSET_MINUTES:
        return None
    sign = "-" if offset < 0 else "+"
    return f"T{hour:02}:{minute:02}:{second:02}{sign}{abs(offset) // 60:02}:{abs(offset) % 60:02}"


def _time_of(match: re.Match) -> str | None:
    """The ISO time part a ``_TIME`` match reads, or None."""
    hour = int(match["H"])
    if match["half"] and 1 <= hour <= 12:  # "17:19 PM" is a 24-hour time with a stray marker
        hour = hour % 12 + (12 if _HALVES[_key(match["half"])] == "pm" else 0)
    offset = None
    if match["zone"]:
        offset = _ZONES[match["zone"]]
        if match["zsign"]:
            offset += _minutes(match["zsign"], match["zh"], match["zm"])
    elif match["sign"]:
        offset = _minutes(match["sign"], match["oh"], match["om"])
    minute = match["M"] or match["Mh"] or match["Mc"]
    return _clock(hour, int(minute), int(match["S"] or 0), offset)


def _year_month_day(match: re.Match) -> tuple[int, int, int]:
    return int(match["y"]), int(match["m"]), int(match["d"])


def _day_first(match: re.Match) -> tuple[int, int, int]:
    """Day first, unless only the second number can be a day (US style 11/19/2019)."""
    first, second = int(match["a"]), int(match["b"])
    if second > 12 >= first:
        first, second = second, first
    return int(match["y"]), second, first


def _month_named(match: re.Match) -> tuple[int, int, int] | None:
    name = _key(match["mon"] or match["mon2"])
    month = _MONTHS.get(name)
    year = int(match["y"])
    if name in _BUDDHIST_ERA_MONTHS and year >= BUDDHIST_ERA_FROM:
        year -= BUDDHIST_ERA
    return (year, month, int(match["d"] or match["d2"])) if month else None


_STARTING_AT_YEAR = ((_ISO_DATE, _year_month_day), (_CJK_DATE, _year_month_day),
                     (_YEAR_MONTH_NAMED, _month_named))
_ENDING_AT_YEAR = ((_NUMERIC_DATE, _day_first), (_DAY_MONTH, _month_named),
                   (_MONTH_DAY, _month_named), (_DAY_MONTH_NUMBER, _year_month_day))


def _cores(text: str, latest: datetime.date) -> list[tuple[int, int, datetime.date]]:
    """The date cores of the text as (start, end, date), in order, none overlapping.

    >>> latest = datetime.date(2025, 1, 1)
    >>> [(date.isoformat(), text[start:end]) for text in (
    ...     "2023. március 5.", "2023 m. kovo 5 d.", "2023. gada 5. martā", "2023. 03. 05.",
    ...     "5. 3. 2023", "ngày 5 tháng 3 năm 2023", "5 كانون الثاني 2023", "5 d'abril de 2023")
    ...  for start, end, date in _cores(text, latest)]  # doctest: +NORMALIZE_WHITESPACE
    [('2023-03-05', '2023. március 5.'), ('2023-03-05', '2023 m. kovo 5 d.'),
     ('2023-03-05', '2023. gada 5. martā'), ('2023-03-05', '2023. 03. 05.'),
     ('2023-03-05', '5. 3. 2023'), ('2023-03-05', '5 tháng 3 năm 2023'),
     ('2023-01-05', '5 كانون الثاني 2023'), ('2023-04-05', "5 d'abril de 2023")]
    """
    found = []
    # Like the rules, look at the start of a pathologically long line only.
    for number in _NUMBER.finditer(text, 0, DEFAULT.max_line_chars):
        start, end = number.span()
        if end - start > 4 and _GLUED_TIME.match(text, start + 4):
            end = start + 4
        if end - start != 4:
            continue
        year = int(text[start:end])
        if year >= BUDDHIST_ERA_FROM:  # read only next to a Thai month name (_month_named)
            year -= BUDDHIST_ERA
        if not EARLIEST_YEAR <= year <= latest.year:
            continue
        candidates = [(pattern.match(text, start), read) for pattern, read in _STARTING_AT_YEAR]
        candidates += [(pattern.search(text, max(0, start - CORE_REACH), end), read)
                       for pattern, read in _ENDING_AT_YEAR]
        for match, read in candidates:
            parts = match and read(match)
            date = parts and _plausible(*parts, latest)
            if date:
                found.append((match.start(), match.end(), date))
    found += _short_year_cores(text, latest)
    found.sort(key=lambda core: (core[0], -core[1]))
    cores, end = [], -1
    for core in found:
        if core[0] >= end:
            cores.append(core)
            end = core[1]
    return cores


def _short_year_cores(text: str, latest: datetime.date) -> list[tuple[int, int, datetime.date]]:
    """Numeric dates with a two-digit year and a clock time right after them, as cores. The
    year is the latest of 19yy and 20yy not after ``latest``.

    >>> _short_year_cores("By Tess Bonn - 11/19/19 06:56 AM EST", datetime.date(2020, 1, 1))
    [(15, 23, datetime.date(2019, 11, 19))]
    >>> _short_year_cores("Rated 4/5/19 stars", datetime.date(2020, 1, 1))
    []
    """
    cores = []
    for match in _SHORT_YEAR_DATE.finditer(text, 0, DEFAULT.max_line_chars):
        tail = _TAIL.match(text, match.end())
        if not (tail["H"] and _time_of(tail)):
            continue
        short = int(match["yy"])
        year = 2000 + short if 2000 + short <= latest.year else 1900 + short
        first, second = int(match["a"]), int(match["b"])
        parts = (year, first, second) if second > 12 >= first else (year, second, first)
        date = _plausible(*parts, latest)
        if date:
            cores.append((match.start(), match.end(), date))
    return cores


def _marker_before(text: str, start: int, previous_end: int) -> tuple[str | None, int]:
    """The role a published/updated marker shortly before a date at ``start`` gives it (None
    without one), and where the date's claim on the line starts: at the marker, if any."""
    markers = list(_MARKER.finditer(text, max(previous_end, start - MARKER_REACH), start))
    if not markers:
        return None, start
    return _ROLES[_key(markers[-1][0])], markers[-1].start()


def _scan(text: str, today: datetime.date | None) -> list[tuple[FoundDate, int]]:
    """Each date in the text with where its claim on the line starts (its marker, if any)."""
    if not _DIGIT.search(text, 0, DEFAULT.max_line_chars):  # the cheapest way out: no digit
        return []
    if not (_NUMBER.search(text, 0, DEFAULT.max_line_chars)  # the cheap way out: no year
            or _SHORT_YEAR_DATE.search(text, 0, DEFAULT.max_line_chars)):
        return []
    cores = _cores(text, _latest(today))
    results: list[tuple[FoundDate, int]] = []
    previous_end = 0
    for i, (start, end, date) in enumerate(cores):
        stop = cores[i + 1][0] if i + 1 < len(cores) else len(text)
        tail = _TAIL.match(text, end, stop)
        lead = _LEAD.search(text, max(previous_end, start - LEAD_REACH), start)
        tail_clock = tail["H"] and _time_of(tail)
        lead_clock = not tail_clock and lead and lead["H"] and _time_of(lead)
        end = tail.end() if tail_clock else tail.end("extra")
        if lead_clock:
            start = lead.start()
        elif lead and lead["wd"]:
            start = lead.start("wd")
        role, claimed_from = _marker_before(text, start, previous_end)
        iso = date.isoformat() + (tail_clock or lead_clock or "")
        results.append((FoundDate(iso, start, end, role), claimed_from))
        previous_end = end
    return results
