"""The unit every reader produces and every rule judges: one line (text dump) or block (HTML)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

#: Labels a line can end with.
BODY, TITLE, DATE, CLUTTER = "body", "title", "date", "clutter"

_INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_SPACES = regex.compile(r"\s+")
_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LETTER = regex.compile(r"\p{L}")
#: Sentence-final punctuation in many scripts, optionally followed by closing quotes/brackets.
_TERMINAL = regex.compile(r"[.!?。！？…][\"'”’»)\]」』]*$")


def normalise(text: str, limit: int) -> str:
    """The form rules match against: NFKC, invisible characters dropped, spaces collapsed,
    case-folded. The author's text itself is never changed.

    >>> normalise("Baca\u00a0Juga :  Berita\u200b Lain", 100)
    'baca juga : berita lain'
    """
    text = unicodedata.normalize("NFKC", text[:limit])
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip().casefold()


def count_words(norm: str, cjk_chars_per_word: int) -> int:
    """Words in a normalised line; runs of CJK characters count one word per few characters.

    >>> count_words("rusia tepis tudingan as", 2)
    4
    >>> count_words("東京都は14日、新たに", 2)
    5
    """
    cjk = len(_CJK.findall(norm))
    if not cjk:
        return len(_WORD.findall(norm))
    return len(_WORD.findall(_CJK.sub(" ", norm))) + cjk // cjk_chars_per_word


@dataclass(slots=True)
class Line:
    """One line of a page, with the evidence rules use and the decision they reached.

    ``first_label``/``first_rule`` keep the context-free verdict beside the final one, so
    ``--explain`` can show how the context pass changed it.
    """

    number: int
    text: str
    norm: str
    words: int
    #: True when a blank line (or a paragraph boundary in HTML) comes before this line.
    gap_before: bool = False
    #: Ends in sentence punctuation.
    terminal: bool = False
    has_letters: bool = True
    # --- HTML evidence (defaults for text dumps) ---
    tag: str = ""
    heading: int = 0
    link_density: float = 0.0
    #: class/id tokens of the block and its ancestors, lower-cased.
    class_tokens: frozenset[str] = frozenset()
    #: Structural zones the block sits in: nav, header, footer, aside, form, figure, hidden, article, main.
    zones: frozenset[str] = frozenset()
    # --- decisions ---
    first_label: str = ""
    first_rule: str = ""
    label: str = ""
    rule: str = ""
    #: Extra facts a rule attached (e.g. the date it parsed).
    notes: dict = field(default_factory=dict)

    def mark(self, label: str, rule: str) -> None:
        """Set the final label and the id of the rule that decided it."""
        self.label, self.rule = label, rule


def make_line(number: int, text: str, *, limit: int, cjk_chars_per_word: int, **evidence) -> Line:
    """Build a ``Line`` from verbatim text, measuring its features once."""
    norm = normalise(text, limit)
    return Line(
        number=number,
        text=text,
        norm=norm,
        words=count_words(norm, cjk_chars_per_word),
        terminal=bool(_TERMINAL.search(norm)),
        has_letters=bool(_LETTER.search(norm)),
        **evidence,
    )
