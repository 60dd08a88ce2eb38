"""Phrase rules as data: the rule table (``data/rules.toml``) and per-language phrase files
(``data/phrases/<lang>.txt``), compiled once into one matcher per rule."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .prefilter import KeyIndex, leading_strings

#: Characters ignored around a line when a ``line`` rule matches the whole of it.
EDGE_PUNCTUATION = " \t:|-–—»«•·…*>#.,!?/\\=~_+●▪►▶◆■□▷[]"

_BOUNDARY_BEFORE = r"(?:(?<!\w)|(?=\W))"
_BOUNDARY_AFTER = r"(?:(?<=\W)|(?!\w))"
_TEMPLATES = {
    "line": r"^(?:{})$",
    "prefix": r"^(?:{})" + _BOUNDARY_AFTER,
    "suffix": _BOUNDARY_BEFORE + r"(?:{})$",
    "contains": _BOUNDARY_BEFORE + r"(?:{})" + _BOUNDARY_AFTER,
}
ACTIONS = ("drop", "end_body", "start_run")
#: Characters that make a phrase a pattern rather than a plain string.
_REGEX_SYNTAX = re.compile(r"[\\.^$*+?{}\[\]|()]")
#: Modes whose phrases may start anywhere in a line; the others start at its beginning.
UNANCHORED_MODES = ("contains", "suffix")
ANCHORED_MODES = ("line", "prefix")
ANYWHERE = "anywhere"
#: A section header in a phrase file: a rule id in brackets. Other bracketed lines are phrases.
_SECTION = re.compile(r"\[[a-z0-9]+(?:[.-][a-z0-9]+)*\]")


@dataclass(frozen=True)
class PhraseRule:
    """One named phrase rule: its doc, how its phrases must sit in a line, and its guards."""

    id: str
    doc: str
    match: str
    max_words: int
    action: str
    #: May fire on a protected (long, sentence-like) line.
    exact: bool
    #: The phrases the prefilter cannot file by a leading string, as one pattern; None when
    #: there are none.
    pattern: re.Pattern | None
    #: Position in ``rules.toml``: the earlier rule wins when several fire.
    index: int = 0
    #: Its phrases filed in the prefilter under their leading strings, each compiled alone.
    keyed: tuple[tuple[frozenset[str], "LazyPattern"], ...] = ()
    #: Its phrases without regex syntax, for a ``line`` rule: a set lookup, no pattern.
    literals: frozenset[str] = frozenset()
    #: The phrases in ``pattern``, as written.
    unfiled: tuple[str, ...] = ()

    def matches(self, norm: str, words: int, keyed: list[LazyPattern] | None = None) -> bool:
        """True when the rule fires on a normalised line of ``words`` words. ``keyed``: which
        of its filed phrases the prefilter found worth trying (None: try them all)."""
        if words > self.max_words:
            return False
        norm = _subject(self.match, norm)
        if norm in self.literals:
            return True
        if self.pattern is not None and self.pattern.search(norm):
            return True
        tried = keyed if keyed is not None else [pattern for _, pattern in self.keyed]
        return any(pattern.search(norm) for pattern in tried)


def _data():
    return resources.files("stripper") / "data"


def available_languages() -> list[str]:
    """The languages that have a phrase file, by their file names.

    >>> "en" in available_languages() and "id" in available_languages()
    True
    """
    folder = _data() / "phrases"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


def read_phrase_file(text: str) -> dict[str, list[str]]:
    """Parse one phrase file: ``[rule-id]`` sections of one regex per line, ``#`` comments.

    >>> read_phrase_file("# c\\n[ad.marker]\\nadvertisement\\n\\n[ui.loading]\\nloading")
    {'ad.marker': ['advertisement'], 'ui.loading': ['loading']}
    """
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _SECTION.fullmatch(line):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise ValueError(f"phrase {line!r} comes before any [rule-id] section")
        else:
            current.append(line)
    return sections


def _compile_phrases(match: str, fragments: list[str]) -> tuple:
    """A rule's phrases as (one pattern of those the prefilter cannot file, the filed ones,
    the unfiled ones as written): a phrase with leading strings is filed under them and
    compiled alone, so a line is tried only against the phrases that could start where it
    has those strings."""
    template = _TEMPLATES[match]
    keyed, unkeyed = [], []
    for fragment in fragments:
        leading = leading_strings(_CLASS_OR_SET.sub(_for_re, fragment))
        if leading is None:
            unkeyed.append(fragment)
        else:
            keyed.append((leading, LazyPattern(template, fragment)))
    return (compile_fragments(template, unkeyed) if unkeyed else None), tuple(keyed), tuple(unkeyed)


@cache
def load_rules() -> tuple[PhraseRule, ...]:
    """Every phrase rule, in the order of ``rules.toml``, with all languages' phrases compiled.

    >>> [r.id for r in load_rules()][:2]
    ['ui.loading', 'ui.font-size']
    """
    return tuple(rule for rule, _ in _load())


@cache
def _load() -> tuple[tuple[PhraseRule, list[str]], ...]:
    table = tomllib.loads((_data() / "rules.toml").read_text("utf-8"))["rules"]
    phrases: dict[str, list[str]] = {rule_id: [] for rule_id in table}
    for lang in available_languages():
        text = (_data() / "phrases" / f"{lang}.txt").read_text("utf-8")
        for rule_id, fragments in read_phrase_file(text).items():
            if rule_id not in phrases:
                raise ValueError(f"phrases/{lang}.txt names unknown rule {rule_id!r}; "
                                 f"see data/rules.toml for the rule ids")
            phrases[rule_id].extend(fragments)
    rules = []
    for rule_id, spec in table.items():
        if spec["match"] not in _TEMPLATES or spec["action"] not in ACTIONS:
            raise ValueError(f"rule {rule_id!r} has an unknown match or action in rules.toml")
        fragments = sorted(set(phrases[rule_id]), key=len, reverse=True)
        literals = frozenset()
        if spec["match"] == "line":
            literals = frozenset(f.casefold() for f in fragments if not _REGEX_SYNTAX.search(f))
            fragments = [f for f in fragments if _REGEX_SYNTAX.search(f)]
        pattern, keyed, unfiled = _compile_phrases(spec["match"], fragments)
        rule = PhraseRule(rule_id, spec["doc"], spec["match"], spec["max_words"],
                          spec["action"], spec.get("exact", False), pattern, len(rules), keyed,
                          literals, unfiled)
        rules.append((rule, fragments))
    return tuple(rules)


#: Unicode classes phrase files may use, as the standard ``re`` engine spells them outside
#: and inside a character class (``re`` is several times faster than ``regex`` on these).
_CLASSES = {
    r"\p{L}": (r"[^\W\d_]", r"\w"),
    r"\p{Han}": (r"[\u3400-\u4dbf\u4e00-\u9fff]", r"\u3400-\u4dbf\u4e00-\u9fff"),
    r"\p{Hangul}": (r"[\uac00-\ud7a3]", r"\uac00-\ud7a3"),
}
_CLASS_OR_SET = re.compile(r"\[(?:\\.|[^\]\\])*\]|\\p\{\w+\}")


def _for_re(match: re.Match) -> str:
    text = match.group()
    if text.startswith("["):
        for name, (_, inside) in _CLASSES.items():
            text = text.replace(name, inside)
        return text
    if text not in _CLASSES:
        raise ValueError(f"phrase files may use {', '.join(_CLASSES)}, not {text}")
    return _CLASSES[text][0]


class LazyPattern:
    """One filed phrase, compiled the first time a line needs it: most phrases of most
    languages never meet a page in a run, and compiling them all would slow every start."""

    __slots__ = ("template", "fragment", "_compiled")

    def __init__(self, template: str, fragment: str):
        self.template, self.fragment, self._compiled = template, fragment, None

    def search(self, text: str) -> re.Match | None:
        """Like ``re.Pattern.search``."""
        if self._compiled is None:
            self._compiled = compile_fragments(self.template, [self.fragment])
        return self._compiled.search(text)


def compile_fragments(template: str, fragments: list[str]) -> re.Pattern:
    r"""One case-insensitive pattern for a rule's fragments, in its match mode's template.

    >>> compile_fragments(_TEMPLATES["prefix"], [r"by \p{L}[\p{L}.-]+"]).pattern
    '^(?:by [^\\W\\d_][\\w.-]+)(?:(?<=\\W)|(?!\\w))'

    """
    alternation = _CLASS_OR_SET.sub(_for_re, "|".join(fragments))
    return re.compile(template.format(alternation), re.IGNORECASE)


#: How many distinct lines the phrase-rule verdicts are remembered for, and how long such a
#: line may be. Menus, footers and banners repeat across the pages of a site, so a batch run
#: meets them again and again; they are short, and long lines are not kept (memory stays
#: bounded whatever the pages hold).
VERDICT_CACHE_LINES = 100_000
VERDICT_CACHE_CHARS = 300


def first_match(norm: str, words: int, protected: bool) -> PhraseRule | None:
    """The first phrase rule (in ``rules.toml`` order) that fires on a line; protected lines
    only meet exact rules. Only rules the prefilter leaves as candidates are tried.

    >>> first_match("advertisement", 1, False).id
    'ad.marker'
    """
    if len(norm) <= VERDICT_CACHE_CHARS:
        return _remembered_match(norm, words, protected)
    return _first_match(norm, words, protected)


def _first_match(norm: str, words: int, protected: bool) -> PhraseRule | None:
    rules = load_rules()
    filed: dict[int, list[LazyPattern]] = {}
    for place in (ANYWHERE, *ANCHORED_MODES):
        if words <= _most_words(place, protected):
            filed.update(_key_index(place).lookup(_subject(place, norm), place == ANYWHERE))
    if not filed and words > _most_words(None, protected):
        return None
    candidates = set(filed)
    for place, screen in _unfiled_screens():
        if screen.search(_subject(place, norm)):
            candidates.update(_unfiled_rules(place))
    candidates.update(_literal_rules().get(norm.strip(EDGE_PUNCTUATION), ()))
    for index in sorted(candidates):
        rule = rules[index]
        if protected and not (rule.exact or rule.match == "line"):
            continue
        if rule.matches(norm, words, filed.get(index, [])):
            return rule
    return None


#: ``_first_match`` remembered for short lines (see ``VERDICT_CACHE_CHARS``).
_remembered_match = lru_cache(maxsize=VERDICT_CACHE_LINES)(_first_match)


@cache
def _most_words(place: str | None, protected: bool) -> int:
    """The most words a line may have for some rule to fire on it: of the rules whose phrases
    start at ``place`` (None: of all rules), those that may fire on a protected line if it is
    one. A longer line skips the lookups: no rule there could fire."""
    return max((rule.max_words for rule in load_rules()
                if place in (None, _place(rule.match))
                and (not protected or rule.exact or rule.match == "line")), default=0)


@cache
def _unfiled_rules(place: str) -> frozenset[int]:
    """Rules whose phrases start at ``place`` and include some the prefilter cannot file."""
    return frozenset(rule.index for rule in load_rules()
                     if rule.pattern is not None and _place(rule.match) == place)


@cache
def _unfiled_screens() -> tuple[tuple[str, re.Pattern], ...]:
    """Patterns that find every line an unfiled phrase could match: one search screens a
    line for all of them, and only a line a screen finds is tried rule by rule. A screen is
    the phrases themselves, without the word boundaries around them (it may find more lines,
    never fewer): those at the start of the line (anchored modes, or phrases that begin with
    ``^``) in one pattern anchored there, the others in one pattern searched anywhere."""
    screens = []
    for place in (ANYWHERE, *ANCHORED_MODES):
        fragments = [_CLASS_OR_SET.sub(_for_re, fragment)
                     for index in sorted(_unfiled_rules(place))
                     for fragment in load_rules()[index].unfiled]
        at_start = [f for f in fragments if place != ANYWHERE or f.startswith("^")]
        elsewhere = [f for f in fragments if f not in at_start]
        for template, some in (("^(?:{})", at_start), ("(?:{})", elsewhere)):
            if some:
                joined = "|".join(f"(?:{fragment})" for fragment in some)
                screens.append((place, re.compile(template.format(joined), re.IGNORECASE)))
    return tuple(screens)


@cache
def _literal_rules() -> dict[str, tuple[int, ...]]:
    """Whole-line phrases without regex syntax, to the rules that list them."""
    found: dict[str, tuple[int, ...]] = {}
    for rule in load_rules():
        for literal in rule.literals:
            found[literal] = found.get(literal, ()) + (rule.index,)
    return found


def _subject(mode: str, norm: str) -> str:
    """The text a rule of this match mode reads: a ``line`` rule ignores edge punctuation."""
    return norm.strip(EDGE_PUNCTUATION) if mode == "line" else norm


def _place(mode: str) -> str:
    """Where a mode's phrases may start: anywhere, or at the start of its subject text."""
    return ANYWHERE if mode in UNANCHORED_MODES else mode


@cache
def _key_index(place: str) -> KeyIndex:
    """The filed phrases of the rules whose phrases start at one place, by leading string."""
    return KeyIndex((rule.index, keys, pattern) for rule in load_rules()
                    if _place(rule.match) == place for keys, pattern in rule.keyed)
