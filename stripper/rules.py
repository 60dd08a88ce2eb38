"""Structural and context rules: the ones that are code, not phrase lists.

Phrase rules (``data/rules.toml`` + ``data/phrases/``) catch clutter by its words. The rules
here catch it by its shape or its place on the page. Each is one function; its docstring is
the text ``stripper rules`` prints. ``RULES`` maps every rule id to that function.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources

from .config import Config
from .lines import TABLE_CELL_SEPARATOR, Line

#: A separator between menu items: a bar, bullet, chevron or slash with spaces around it (so
#: the slashes of a URL are not separators).
_SEPARATORS = re.compile(r"(?<=\s)[|•·»›/](?=\s)")
#: A link's number before its text in a text-mode browser's dump ("[12]Home"): each one
#: after the first starts another item.
_LINK_MARKS = re.compile(r"(?:^|(?<=\s))\[\d+\](?=\S)")
#: A character one of those two needs.
_SEPARATOR_CHAR = re.compile(r"[|•·»›/\[]")
#: HTML blocks that hold table or definition-list data.
DATA_CELL_TAGS = frozenset({"td", "th", "dd", "dt"})


def symbols_only(line: Line, config: Config) -> bool:
    """A line with no letters at all: counters, separators, stray numbers ('16', '|', '* * *');
    not a table cell or row.

    >>> from stripper.lines import make_line
    >>> symbols_only(make_line(1, "16", limit=99, cjk_chars_per_word=2), Config())
    True
    """
    return not line.has_letters and not _table_cell(line)


def _table_cell(line: Line) -> bool:
    """A cell or row of a table: numbers there are data, not clutter."""
    return "table" in line.zones or line.tag in DATA_CELL_TAGS or TABLE_CELL_SEPARATOR in line.text


def menu_item(line: Line, config: Config) -> bool:
    """A short line with no sentence punctuation: a menu entry, a label, a teaser title.

    Only removes a line as part of a run of three or more outside the article (``nav.menu``).

    >>> from stripper.lines import make_line
    >>> menu_item(make_line(1, "Politics", limit=99, cjk_chars_per_word=2), Config())
    True
    """
    return line.words <= 4 and not line.terminal


def separated_links(line: Line, config: Config) -> bool:
    """A line of short items joined by separators: 'About / Advertise / Contact', 'A | B | C',
    or by the link numbers of a text-mode browser's dump ('[1]Home [2]News [3]Sport').

    >>> from stripper.lines import make_line
    >>> separated_links(make_line(1, "News | Sport | Weather | Money", limit=99, cjk_chars_per_word=2), Config())
    True
    >>> separated_links(make_line(1, "[1]Home [2]News [3]Sport", limit=99, cjk_chars_per_word=2), Config())
    True

    A line that is nothing but such links needs only two ("[10]Share on Facebook [11]Share on
    X"); one link inside other words is not a list:

    >>> separated_links(make_line(1, "[10]Share on Facebook [11]Share on X", limit=99, cjk_chars_per_word=2), Config())
    True
    >>> separated_links(make_line(1, "See [4]the report and [5]the annex", limit=99, cjk_chars_per_word=2), Config())
    False
    """
    if line.terminal or not _SEPARATOR_CHAR.search(line.norm):
        return False  # the cheap way out: most lines hold no separator at all
    marks = len(_LINK_MARKS.findall(line.norm))
    seps = len(_SEPARATORS.findall(line.norm)) + max(0, marks - 1)
    if marks >= 2 and line.norm.startswith("["):
        seps = max(seps, 2)  # links only: the first item is a link too
    return seps >= 2 and line.words <= 4 * (seps + 1) and not line.terminal


def read_also_run(line: Line, config: Config) -> bool:
    """A link title under a 'Baca juga' / 'Read more' label, up to the next paragraph: a
    line with no sentence end, or an item of an HTML list (a title may be a question)."""
    return (not line.terminal or "list" in line.zones) and line.words <= config.read_also_max_words


@cache
def dom_table() -> dict:
    """``data/dom.toml``, read once: the zones, class hints and article-body names."""
    return tomllib.loads((resources.files("stripper") / "data" / "dom.toml").read_text("utf-8"))


@cache
def thread_tokens() -> frozenset[str]:
    """Class tokens that name the posts of a thread (``thread_hints`` in ``dom.toml``)."""
    return frozenset(dom_table()["thread_hints"]["tokens"])


@cache
def _dom_data() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    data = dom_table()
    hints = {token: rule_id for rule_id, tokens in data["class_hints"].items() for token in tokens}
    return (data["zones"], hints, frozenset(data["content_hints"]["tokens"]),
            frozenset(data["embed_hints"]["tokens"]))


@lru_cache(maxsize=1024)
def _zone_rules(zones: frozenset[str]) -> tuple[int, str]:
    """How many of ``zones`` vote against a block, and the rule id of the first (in
    ``dom.toml`` order). Pages share few distinct zone sets, so each is worked out once."""
    found = [rule_id for zone, rule_id in _dom_data()[0].items() if zone in zones]
    return len(found), (found[0] if found else "")


def hidden_block(line: Line, config: Config) -> bool:
    """An HTML block that is not shown: ``hidden``, ``aria-hidden``, ``display:none``.

    >>> from stripper.lines import make_line
    >>> hidden_block(make_line(1, "Menu", limit=99, cjk_chars_per_word=2, zones=frozenset({"hidden"})), Config())
    True
    """
    return "hidden" in line.zones


def dom_vote(line: Line, config: Config) -> tuple[float, str]:
    """The markup's vote on an HTML block, in words, and the rule id of its strongest evidence
    against it: a zone (``dom.nav``, ``dom.aside``, ...), ``dom.link-dense``, then
    ``dom.class-hint`` (not for a block embedded in the article: a quoted post, a pull
    quote). A block inside the article's own markup gains a little.

    >>> from stripper.lines import make_line
    >>> dom_vote(make_line(1, "Politics", limit=99, cjk_chars_per_word=2, tag="li",
    ...                    zones=frozenset({"nav"})), Config())
    (-25.0, 'dom.nav')
    >>> dom_vote(make_line(1, "Some text", limit=99, cjk_chars_per_word=2), Config())
    (0.0, '')
    """
    if not line.tag:
        return 0.0, ""
    against, rule = _zone_rules(line.zones)
    vote = 0.0 - against * config.dom_vote_words
    if line.link_density > config.link_density_max or "a-only" in line.zones:
        vote -= config.dom_vote_words
        rule = rule or "dom.link-dense"
    hint, content = _class_evidence(line.class_tokens)
    if hint:
        vote -= config.dom_class_vote_words
        rule = rule or hint
    if content or not _ARTICLE_ZONES.isdisjoint(line.zones):
        vote += config.dom_content_vote_words
    return vote, rule


#: Zones of the article's own markup: a block inside them gains a little.
_ARTICLE_ZONES = frozenset({"article", "main"})


@lru_cache(maxsize=4096)
def _class_evidence(tokens: frozenset[str]) -> tuple[str, bool]:
    """What class tokens say of a block: the rule id of the first class hint against it (none
    when an embed token marks it as quoted inside the article), and whether a content token
    names it as the article's. Blocks share few distinct token sets, so each is read once."""
    _, class_rules, content_tokens, embed_tokens = _dom_data()
    hinted = class_rules.keys() & tokens
    hint = class_rules[min(hinted)] if hinted and embed_tokens.isdisjoint(tokens) else ""
    return hint, not content_tokens.isdisjoint(tokens)


#: Context-free shape rules, tried after the phrase rules, in this order.
LINE_RULES = {
    "dom.hidden": hidden_block,
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
    "dom.nav": "An HTML block in <nav> or role=navigation, with too little text of its own to outvote it.",
    "dom.header": "An HTML block in the page's <header> (not the article's), outvoted.",
    "dom.footer": "An HTML block in the page's <footer> or role=contentinfo, outvoted.",
    "dom.aside": "An HTML block in <aside> or role=complementary, outvoted.",
    "dom.dialog": "An HTML block in a dialog or modal (consent and newsletter pop-ups), outvoted.",
    "dom.button": "The text of a <button>.",
    "dom.noscript": "A <noscript> notice, outvoted.",
    "dom.figure": "A block inside <figure>: a caption or credit, outvoted.",
    "dom.outside-body": "An HTML block outside the element that holds most of the article's "
                        "text (class entry-content, itemprop articleBody, ...), outvoted.",
    "dom.off-article": "A short HTML block inside the article's span that lacks the markup the "
                       "article's paragraphs share (a widget or label between them).",
    "dom.link-dense": "An HTML block that is mostly link text (menus, teaser lists, tag clouds).",
    "nav.teaser-repeat": "A short line inside the article that the page lists again after it "
                         "(a related story's title, linked inline and in the list below).",
    "dom.class-hint": "An HTML block whose class or id names clutter (share, related, comment, "
                      "cookie, newsletter, promo, breadcrumb, tags, author, ad, ...), outvoted.",
    "zone.header": "A line before the article's body span (site header, menus, teasers), or "
                   "before the headline where the span holds it (a news ticker above the story).",
    "zone.footer": "A line after the article's body span, or after an end-of-article marker.",
    "byline.signoff": "The author's name (perhaps with a role or a place) closing the article, "
                      "as the markup names the author: 'THANH HÀ', 'Jane Doe (Paris)'.",
    "meta.title": "The headline (and any repetition of it): it becomes the title, not body.",
    "meta.date": "A dateline ('Sabtu, 21 Oktober 2023 - 09:50 WIB'): the date is read from it; "
                 "the line is not body.",
}
