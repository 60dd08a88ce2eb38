"""The unit every reader produces and every rule judges: one line (text dump) or block (HTML)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

import regex

from .config import DEFAULT

#: Labels a line can end with.
BODY, TITLE, DATE, CLUTTER = "body", "title", "date", "clutter"
#: The zone of HTML blocks inside the element that holds the article's own text.
ARTICLE_BODY_ZONE = "article-body"
#: Browsers separate a table's cells by tabs in a text dump.
TABLE_CELL_SEPARATOR = "\t"
#: HTML blocks whose text is preformatted (code, poems): kept verbatim, not read by phrase rules.
VERBATIM_TAGS = frozenset({"pre", "listing", "xmp", "plaintext"})

# Standard ``re`` patterns where they do the job: measured several times faster per call than
# ``regex`` on these, and they run on every line.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
#: Markdown images, links (with an optional title) and strong emphasis. Each part has a
#: bounded length, so a line of unclosed brackets or asterisks costs linear time.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]]{0,500}\]\([^()\s]{0,2000}(?:\s+\"[^\"]{0,500}\")?\)")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]{0,500})\]\([^()\s]{0,2000}(?:\s+\"[^\"]{0,500}\")?\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?=[^\s*_])([^*_]{1,500}?)(?<=\S)\1")
#: A word: a run of word characters.
WORD = re.compile(r"\w+")
#: A word in any script, with its combining marks: ``regex``'s ``\w`` keeps a Hindi vowel
#: sign inside its word, where ``re``'s splits the word in two.
_MARKED_WORD = regex.compile(r"\w+")
#: ASCII bytes that are not word characters (``\w``: letters, digits, ``_``) turned into
#: spaces: the words of an ASCII line are then its space-separated parts (five times faster
#: than finding them with a pattern).
_ASCII_NON_WORD_TO_SPACE = bytes(
    code if chr(code).isascii() and (chr(code).isalnum() or chr(code) == "_") else 32
    for code in range(256))
#: Characters of scripts written without spaces: kana, Han, Hangul syllables and jamo.
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3\u1100-\u11ff"
_CJK = re.compile(f"[{CJK_RANGES}]")
#: Scripts written without spaces between words whose words run longer: Thai, Lao, Myanmar,
#: Khmer (letters and marks alike count toward a word).
UNSPACED_RANGES = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_UNSPACED = re.compile(f"[{UNSPACED_RANGES}]")
_LETTER = re.compile(r"[^\W\d_]")
#: Scripts that mark no sentence end (Thai, Lao): a line in them reads as prose when it ends
#: in their letters and holds a space between two of them (the gap between two sentences).
UNMARKED_RANGES = "\u0e00-\u0eff"
_UNMARKED_END = re.compile(f"[{UNMARKED_RANGES}]$")
_UNMARKED_BREAK = re.compile(f"[{UNMARKED_RANGES}] [{UNMARKED_RANGES}]")


def _sentence_ends() -> frozenset[str]:
    """The marks of ``data/sentence_ends.tsv`` (first column; ``#`` starts a comment)."""
    rows = (resources.files("stripper") / "data" / "sentence_ends.tsv").read_text("utf-8")
    marks = [row.split("\t")[0] for row in rows.splitlines() if row and not row.startswith("#")]
    return frozenset(marks[1:])


#: Sentence-final punctuation in many scripts, and the closing quotes or brackets after it.
_FINAL = _sentence_ends()
_CLOSERS = "\"'”’»)]」』"
_TIME_SUFFIXES = (" a.m.", " p.m.")
#: Emoji and pictographs (with their joiners and variation selectors) a writer may put after
#: the sentence's own punctuation ("See you soon! 🙂").
_TRAILING_SYMBOLS = re.compile(r"[\s\u200d\ufe0e\ufe0f\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff"
                               r"\U0001f000-\U0001faff]+$")


def visible(text: str) -> bool:
    """True when a stripped line shows something: not only zero-width spaces, joiners,
    byte-order marks or soft hyphens.

    >>> visible("\u200b\ufeff"), visible("A")
    (False, True)
    """
    return text.isascii() or bool(_INVISIBLE.sub("", text).strip())


def normalise(text: str, limit: int) -> str:
    """The form rules match against: NFKC, invisible characters dropped, spaces collapsed,
    case-folded (a Turkish capital "İ" folds to a plain "i"). The author's text itself is never
    changed.

    >>> normalise("Baca\u00a0Juga :  Berita\u200b Lain", 100)
    'baca juga : berita lain'
    >>> normalise("İLGİLİ HABERLER", 100)
    'ilgili haberler'
    """
    text = text[:limit]
    if "](" in text or "**" in text or "__" in text:
        text = _plain_markdown(text)
    if text.isascii():
        return " ".join(text.split()).casefold()
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split()).casefold().replace("i\u0307", "i")


def _plain_markdown(text: str) -> str:
    """Markdown's syntax taken out of a line, as rules read it (scrapers that save pages as
    Markdown write "**Read more:** [Title](/url)"): an image goes, a link leaves its text,
    emphasis its words.

    >>> _plain_markdown("**Read more:** [Tram fares frozen](/news/trams) ![A bus](/bus.jpg)")
    'Read more: Tram fares frozen '
    """
    text = _MARKDOWN_IMAGE.sub("", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    return _MARKDOWN_EMPHASIS.sub(r"\2", text)


def count_words(norm: str, cjk_chars_per_word: int,
                unspaced_chars_per_word: int = DEFAULT.unspaced_chars_per_word) -> int:
    """Words in a normalised line; in scripts written without spaces, a word per few
    characters (CJK: ``cjk_chars_per_word``; Thai, Lao, Myanmar, Khmer:
    ``unspaced_chars_per_word``).

    >>> count_words("rusia tepis tudingan as", 2)
    4
    >>> count_words("東京都は14日、新たに", 2)
    5
    >>> count_words("सरकार ने मंगलवार को फैसला किया", 2), count_words("ข่าวกีฬาวันนี้", 2, 4)
    (6, 3)
    """
    if norm.isascii():
        return len(norm.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).split())
    cjk = len(_CJK.findall(norm))
    unspaced = len(_UNSPACED.findall(norm))
    if cjk or unspaced:
        norm = _UNSPACED.sub(" ", _CJK.sub(" ", norm))
    return (len(_MARKED_WORD.findall(norm)) + cjk // cjk_chars_per_word
            + unspaced // unspaced_chars_per_word)


def ends_sentence(norm: str) -> bool:
    """True when a line ends in sentence punctuation (before any closing quotes or brackets).

    A time at the end ("... 2019 at 11:08 a.m.") ends a dateline, not a sentence. Scripts
    with their own marks ("।", "።", "؟", ...) end sentences with them
    (``data/sentence_ends.tsv``);
    in Thai and Lao, which have none, two sentences on one line make it prose.

    >>> ends_sentence('he said: "it is over."'), ends_sentence("read more")
    (True, False)
    >>> ends_sentence("by jane doe on monday, november 18th, 2019 at 11:08 a.m.")
    False

    Emoji after the punctuation do not hide it:

    >>> ends_sentence("we hope to see you soon! \U0001f642"), ends_sentence("\U0001f642")
    (True, False)
    >>> ends_sentence("सरकार ने यह फैसला किया है।"), ends_sentence("ข่าวกีฬา")
    (True, False)
    """
    if norm.isascii():
        stripped = norm.rstrip(_CLOSERS)
        return bool(stripped) and stripped[-1] in _FINAL and not _ends_in_clock(stripped)
    # Only a line whose last character is such a symbol (or a space) has any to drop.
    if _TRAILING_SYMBOLS.match(norm, len(norm) - 1):
        norm = _TRAILING_SYMBOLS.sub("", norm)
    stripped = norm.rstrip(_CLOSERS)
    if not stripped:
        return False
    if stripped[-1] in _FINAL:
        return not _ends_in_clock(stripped)
    return bool(_UNMARKED_END.search(stripped) and _UNMARKED_BREAK.search(stripped))


def _ends_in_clock(stripped: str) -> bool:
    """A line ending in a 12-hour time ("... 2019 at 11:08 a.m."): a dateline's full stop,
    not a sentence's, unless the line is as long as prose ("... stay open until 8 p.m.")."""
    return (stripped.endswith(_TIME_SUFFIXES)
            and stripped.count(" ") + 1 < DEFAULT.clock_sentence_min_words)


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


def make_line(number: int, text: str, *, limit: int, cjk_chars_per_word: int,
              unspaced_chars_per_word: int = DEFAULT.unspaced_chars_per_word,
              gap_before: bool = False, tag: str = "", heading: int = 0,
              link_density: float = 0.0, class_tokens: frozenset[str] = frozenset(),
              zones: frozenset[str] = frozenset()) -> Line:
    """Build a ``Line`` from verbatim text, measuring its features once; the evidence after
    ``unspaced_chars_per_word`` is passed through. (``Line`` is called with positional
    arguments: this runs for every line of every page.)"""
    norm = normalise(text, limit)
    return Line(number, text, norm, count_words(norm, cjk_chars_per_word, unspaced_chars_per_word),
                gap_before, ends_sentence(norm), bool(_LETTER.search(norm)), tag, heading,
                link_density, class_tokens, zones)
