"""Pass 1, context-free: every line gets a first label from its own text and markup.

Phrase rules and shape rules mark clutter; a dateline is marked as such; the rest is graded by
how much it reads like prose (``good``, ``near``, ``short``). In HTML the markup's vote on
each block is recorded beside it (``line.notes["dom"]``), and when the element that holds
the article's text holds most of the prose, blocks inside it gain and blocks outside lose.
"""

from __future__ import annotations

import datetime

from .config import Config
from .dates import is_date_line, is_yearless_dateline
from .lines import ARTICLE_BODY_ZONE, CLUTTER, DATE, VERBATIM_TAGS, Line
from .phrases import first_match
from .rules import LINE_RULES, dom_vote

#: A dateline starting with one of these attributes a quote or an embedded post
#: ("— Jane Doe (@jane) November 18, 2019"): part of the article, not a teaser's date.
ATTRIBUTION_DASHES = ("—", "–", "-", "―")
#: First-pass grades of lines no rule removed.
GOOD, NEAR, SHORT = "good", "near", "short"


def classify_lines(lines: list[Line], config: Config, today: datetime.date | None = None) -> None:
    """Context-free pass: give every line a first label (and a rule id when it is clutter).
    ``today`` bounds plausible dates (the fetch day; the real today when None)."""
    for line, after in zip(lines, lines[1:] + [None]):
        line.notes["isolated"] = line.gap_before and (after is None or after.gap_before)
        line.notes["dom"] = vote = dom_vote(line, config)
        protected = line.terminal and line.words >= config.protected_min_words
        # A short block the markup firmly votes out (menus, footers, link lists) goes by that
        # vote alone: no phrase rule could keep it, so none is tried.
        outvoted = vote[0] <= -config.dom_vote_words and line.words < config.body_min_words
        # Preformatted text (code, poetry) is quoted verbatim: phrase rules do not read it.
        skip = outvoted or line.tag in VERBATIM_TAGS
        rule = None if skip else first_match(line.norm, line.words, protected)
        if rule is not None:
            line.first_label, line.first_rule = CLUTTER, rule.id
            line.notes["action"] = rule.action
            line.notes["whole_line"] = rule.match == "line"
        elif not (protected or quote_attribution(line)) and (
                is_date_line(line.text, today=today) or is_yearless_dateline(line.text)):
            line.first_label, line.first_rule = DATE, "meta.date"
        else:
            for rule_id, applies in LINE_RULES.items():
                if applies(line, config):
                    line.first_label, line.first_rule = CLUTTER, rule_id
                    break
            else:
                line.first_label = grade(line, config)
        line.label, line.rule = line.first_label, line.first_rule
    _vote_by_article_body(lines, config)


def quote_attribution(line: Line) -> bool:
    """The attribution under a quote or an embedded post ("— Jane Doe (@jane) November 18,
    2019"): a dash first, and a quote around it or a handle in it. Its date is the post's,
    not the page's, and the line is part of the quote.

    >>> from stripper.lines import make_line
    >>> quote_attribution(make_line(1, "— Jane Doe (@jane) November 18, 2019", limit=99,
    ...                             cjk_chars_per_word=2))
    True
    >>> quote_attribution(make_line(1, "- November 18, 2019", limit=99, cjk_chars_per_word=2))
    False
    """
    return line.norm.startswith(ATTRIBUTION_DASHES) and (
        "blockquote" in line.zones or "(@" in line.norm)


def _vote_by_article_body(lines: list[Line], config: Config) -> None:
    """When the element that holds the article's text (``article-body`` zone) holds most of
    the page's prose, add the markup's vote for blocks inside it and against those outside."""
    prose = [line for line in lines if line.first_label == GOOD]
    inside = sum(line.words for line in prose if ARTICLE_BODY_ZONE in line.zones)
    total = sum(line.words for line in prose)
    if not inside or inside < config.article_body_share * total or inside < config.min_article_words:
        return
    bonus = config.article_body_vote_words
    for line in lines:
        vote, rule = line.notes["dom"]
        if ARTICLE_BODY_ZONE in line.zones:
            line.notes["dom"] = (vote + bonus, rule)
        else:
            line.notes["dom"] = (vote - bonus, rule or "dom.outside-body")


def grade(line: Line, config: Config) -> str:
    """How much a line reads like article prose: ``good``, ``near`` or ``short``."""
    if line.terminal and line.words >= config.body_min_words:
        return GOOD
    if line.terminal and line.words >= 3 or line.words >= config.body_min_words:
        return NEAR
    return SHORT
