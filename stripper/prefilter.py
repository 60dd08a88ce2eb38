"""A cheap test that rules out most phrase rules for most lines before any regex runs.

A ``contains`` phrase can start anywhere in a line, so the regex engine tries it at every
position: costly when a rule has hundreds of phrases. But every phrase starts with one of a
few literal strings ("we use cookies" starts with "we "; "(foto|ilustrasi):" with "fot" or
"ilu"). This module reads each phrase's parse tree for those leading strings (up to
``KEY_CHARS`` characters), and a rule is tried on a line only when one of them occurs there
at a place a match could start.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the stdlib parser's opcodes
from re import _parser as sre_parse

from .lines import CJK_RANGES

#: Length of the leading strings used as keys.
KEY_CHARS = 5
#: Every decimal digit (in any script) stands for this one in keys and in the text looked up,
#: so "\d+ shares" files under a few keys ("0 sha", "00 sh", ...), not thousands.
DIGIT = "0"
_ANY_DIGIT = re.compile(r"\d")
#: How deep the walk of a phrase's parse tree may go (a repeat of something that can be
#: empty would otherwise never end).
MAX_DEPTH = 40
#: A phrase with more leading strings than this is always tried (not worth indexing).
MAX_KEYS = 1024
#: Characters with a meaning in a pattern; text without them is plain.
_SYNTAX = re.compile(r"[\\.^$*+?{}\[\]|()]")
#: Characters that repeat what comes before them.
_REPEATS = ("*", "+", "?", "{")
#: Any CJK character may start a phrase: a CJK phrase can begin in the middle of a run of text.
_CJK_START = re.compile("[{}]".format(CJK_RANGES))
#: Places a phrase may start: a word's first character, a symbol (not a space: a phrase
#: that starts with a space is not filed), any CJK character, or the character after one.
_STARTS = re.compile(r"(?<!\w)\w|[^\w\s]|(?<=[{0}])\w|[{0}]".format(CJK_RANGES))
#: The same places in ASCII text, found twice as fast (a word is one match, not one per letter).
_ASCII_STARTS = re.compile(r"\w+|[^\w\s]")


def leading_strings(fragment: str) -> frozenset[str] | None:
    """The strings (up to ``KEY_CHARS`` long) every match of ``fragment`` starts with, or None
    when it can start with a character class.

    >>> sorted(leading_strings(r"(accept|allow)( all)? cookies"))
    ['accep', 'allow']
    >>> sorted(leading_strings(r"©")), sorted(leading_strings(r"share this|tweet"))
    (['©'], ['share', 'tweet'])
    >>> sorted(leading_strings(r"[>»]\\s"))
    ['> ', '» ']
    >>> leading_strings(r"\\s[>»]\\s") is None
    True
    >>> sorted(leading_strings(r"\\d+ shares"))
    ['0 sha', '00 sh', '000 s', '0000 ', '00000']
    >>> sorted(leading_strings(r"ab+c"))
    ['abbbb', 'abbbc', 'abbc', 'abc']
    >>> sorted(leading_strings(r"[\\w]*(広告|記事)"))
    ['広告', '記事']
    >>> sorted(leading_strings(r"(?<=\\s)[>»]\\s")), sorted(leading_strings(r"[\\u4e00-\\u9fff]{0,3}icp"))
    (['> ', '» '], ['icp'])
    """
    found = _plain_start(fragment)
    if found is None:
        found = _parsed_strings(fragment)
    if (found is None or not found or len(found) > MAX_KEYS
            or any(not key or key[0].isspace() for key in found)):
        return None
    return frozenset(s.lower() for s in found)


def _plain_start(fragment: str) -> set[str] | None:
    """The one leading string of a fragment that starts with ``KEY_CHARS`` characters of
    plain text (no repeat after them) and has no alternatives outside groups, read without
    parsing it (a third of the phrases; every phrase is a valid pattern, a test compiles
    each); None for any other fragment."""
    start = fragment[:KEY_CHARS]
    if (_SYNTAX.search(start) or fragment[KEY_CHARS:KEY_CHARS + 1] in _REPEATS
            or _has_outer_alternatives(fragment)):
        return None
    return {"".join(_char(ord(char)) for char in start)}


def _has_outer_alternatives(fragment: str) -> bool:
    """Whether a ``|`` outside every group and set splits the fragment into alternatives."""
    depth, in_set, at = 0, False, 0
    while at < len(fragment):
        char = fragment[at]
        at += 1
        if char == "\\":
            at += 1
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            at += fragment.startswith("^", at)
            at += fragment.startswith("]", at)  # a "]" first in a set is one of its members
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def _parsed_strings(fragment: str) -> set[str] | None:
    """The leading strings of a fragment, read from its parse tree (not yet lower-cased)."""
    try:
        parsed = sre_parse.parse(fragment)
    except re.error:
        return None
    items = parsed.data
    found = _lead(items, "")
    if found is None and items and items[0][0] is sre.MAX_REPEAT and items[0][1][0] == 0:
        # "[\p{L}]*広告": the optional letters let a CJK phrase start mid-run; every CJK
        # character is a start the index looks at, so the phrase files under its own text.
        # After optional CJK characters only ("[\u4e00-\u9fff]{0,3}icp"), any text may
        # follow: the character after a CJK one is a start too.
        found = _lead(items[1:], "")
        if found is None or not (_cjk_only(items[0][1][2])
                                 or all(_CJK_START.match(key) for key in found)):
            return None
    return found


def _cjk_only(items: list) -> bool:
    """Whether a parsed piece is one character class of CJK characters only."""
    if len(items) != 1 or items[0][0] is not sre.IN:
        return False
    for op, av in items[0][1]:
        low, high = (av, av) if op is sre.LITERAL else av if op is sre.RANGE else (0, -1)
        if high < low or not (_CJK_START.match(chr(low)) and _CJK_START.match(chr(high))):
            return False
    return True


def _lead(items: list, prefix: str, depth: int = 0) -> set[str] | None:
    """Leading strings of ``prefix`` followed by ``items``, each cut at ``KEY_CHARS``. (A
    parsed piece's items are read from its ``data`` list: iterating a ``SubPattern`` calls
    its Python ``__getitem__`` once per item.)"""
    if len(prefix) >= KEY_CHARS or not items:
        return {prefix[:KEY_CHARS]}
    if depth > MAX_DEPTH:
        return None
    (op, av), rest = items[0], items[1:]
    if op is sre.LITERAL:
        return _lead(rest, prefix + _char(av), depth + 1)
    if op is sre.SUBPATTERN:
        return _lead(av[-1].data + rest, prefix, depth + 1)
    if op is sre.BRANCH:
        return _union(_lead(branch.data + rest, prefix, depth + 1) for branch in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = av
        if high == 0:
            return _lead(rest, prefix, depth + 1)
        # One repetition, then the repeat with one fewer: "ab+c" starts "abc" or "abb...".
        again = (op, (max(low - 1, 0), high if high == sre.MAXREPEAT else high - 1, body))
        once = _lead(body.data + [again] + rest, prefix, depth + 1)
        return once if low >= 1 else _union([once, _lead(rest, prefix, depth + 1)])
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        # Anchors and lookarounds consume nothing: the match starts with what follows.
        return _lead(rest, prefix, depth + 1)
    if op is sre.IN:
        return _lead_in_set(av, rest, prefix, depth + 1)
    return {prefix} if prefix else None


def _lead_in_set(members: list, rest: list, prefix: str, depth: int) -> set[str] | None:
    r"""A character set at the start: ``\s`` is one space in a normalised line; a few
    literal characters branch; anything wider ends the leading string."""
    if members == [(sre.CATEGORY, sre.CATEGORY_SPACE)]:
        return _lead(rest, prefix + " ", depth)
    if (sre.CATEGORY, sre.CATEGORY_DIGIT) in members:
        others = [m for m in members if m != (sre.CATEGORY, sre.CATEGORY_DIGIT)]
        if len(others) <= 3 and all(op is sre.LITERAL for op, _ in others):
            return _union(_lead(rest, prefix + char, depth)
                          for char in [DIGIT, *(_char(av) for _, av in others)])
    if len(members) <= 4 and all(op is sre.LITERAL for op, _ in members):
        return _union(_lead(rest, prefix + _char(av), depth) for _, av in members)
    return {prefix} if prefix else None


def _char(code: int) -> str:
    """A literal character as keys spell it (any digit as ``DIGIT``)."""
    char = chr(code)
    return DIGIT if char.isdecimal() else char


def _union(sets) -> set[str] | None:
    out: set[str] = set()
    for found in sets:
        if found is None:
            return None
        out |= found
        if len(out) > MAX_KEYS:
            return None
    return out


def _windows(starts: re.Pattern, size: int) -> re.Pattern:
    """A pattern whose ``findall`` gives the text (up to ``size`` characters) at each place
    ``starts`` finds: the strings themselves, no match objects to read positions from. (Each
    such place holds a non-space character, which the pattern checks first.)"""
    return re.compile(r"(?=(\S[\s\S]{0,%d}))(?:%s)" % (size - 1, starts.pattern))


class KeyIndex:
    """Patterns filed under their leading strings; ``lookup`` finds the ones a line may match.

    >>> index = KeyIndex([("cookie", ["we use cookies"], "p1"), ("copy", ["©"], "p2")])
    >>> index.lookup("© 2024. we use cookies")
    {'copy': ['p2'], 'cookie': ['p1']}
    >>> index.lookup("nothing here")
    {}
    >>> index.lookup("© 2024. we use cookies", anywhere=False)
    {'copy': ['p2']}
    """

    def __init__(self, entries):
        """``entries``: (owner, leading strings, pattern) for each pattern to file."""
        self._by_key: dict[str, list[tuple[object, object]]] = {}
        for owner, keys, pattern in entries:
            for key in keys:
                self._by_key.setdefault(key, []).append((owner, pattern))
        #: For each first character, the lengths of the keys that start with it.
        lengths: dict[str, set[int]] = {}
        for key in self._by_key:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        #: The longest key, and the patterns that find the text (that long) at each place a
        #: match may start: in ASCII text (True) and in other text.
        self._longest = max(map(len, self._by_key), default=1)
        self._windows = {True: _windows(_ASCII_STARTS, self._longest),
                         False: _windows(_STARTS, self._longest)}

    def lookup(self, text: str, anywhere: bool = True) -> dict[object, list[object]]:
        """Owner -> patterns whose leading string occurs in ``text`` where a match may start
        (with ``anywhere=False``: at its start only, for patterns anchored there)."""
        found: dict[object, list[object]] = {}
        get = self._by_key.get
        text = _ANY_DIGIT.sub(DIGIT, text)
        lengths_for = self._lengths.get
        if anywhere:
            windows = self._windows[text.isascii()].findall(text)
        else:
            windows = (text[:self._longest],)
        for window in windows:
            for length in lengths_for(window[:1], ()):
                filed = get(window[:length])
                if filed:
                    for owner, pattern in filed:
                        patterns = found.setdefault(owner, [])
                        if pattern not in patterns:
                            patterns.append(pattern)
        return found
