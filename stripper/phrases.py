"""Phrase rules as data: the rule table (``data/rules.toml``) and per-language phrase files
(``data/phrases/<lang>.txt``), compiled once into one matcher per rule."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

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
    pattern: regex.Pattern | None

    def matches(self, norm: str, words: int) -> bool:
        """True when the rule fires on a normalised line of ``words`` words."""
        if self.pattern is None or words > self.max_words:
            return False
        if self.match == "line":
            norm = norm.strip(EDGE_PUNCTUATION)
        return self.pattern.search(norm) is not None


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
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
        elif current is None:
            raise ValueError(f"phrase {line!r} comes before any [rule-id] section")
        else:
            current.append(line)
    return sections


@cache
def load_rules() -> tuple[PhraseRule, ...]:
    """Every phrase rule, in the order of ``rules.toml``, with all languages' phrases compiled.

    >>> [r.id for r in load_rules()][:2]
    ['ui.loading', 'ui.font-size']
    """
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
        pattern = None
        if fragments:
            pattern = regex.compile(_TEMPLATES[spec["match"]].format("|".join(fragments)),
                                    regex.IGNORECASE)
        rules.append(PhraseRule(rule_id, spec["doc"], spec["match"], spec["max_words"],
                                spec["action"], spec.get("exact", False), pattern))
    return tuple(rules)


def first_match(norm: str, words: int, protected: bool) -> PhraseRule | None:
    """The first phrase rule that fires on a line; protected lines only meet exact rules.

    >>> first_match("advertisement", 1, False).id
    'ad.marker'
    """
    for rule in load_rules():
        if protected and not (rule.exact or rule.match == "line"):
            continue
        if rule.matches(norm, words):
            return rule
    return None
