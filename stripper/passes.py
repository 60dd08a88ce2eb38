"""The passes that label lines, run in order by ``pipeline.clean``; no I/O.

1. ``classify_lines``: context-free. Phrase rules and shape rules mark clutter; the rest is
   graded by how much it reads like prose (``good``, ``near``, ``short``); in HTML the
   markup's vote on each block is recorded beside it.
2. ``find_body_span``: the article is the stretch of lines with the most prose, found as a
   maximum-sum run (prose scores its words, clutter and short lines cost, the markup's vote is
   added), extended over a closing list ("Tour dates:") or embedded post, cut at the first
   end-of-article marker that follows enough body text. A page with
   too little prose for one falls back on the element its markup names as the article's body.
3. ``revise_lines``: context. Lines outside the span are clutter (menus, header, footer);
   short lines inside it stay (subheadings, one-line paragraphs) unless the markup votes them
   below the article's own paragraphs, and prose stays unless the markup votes it a whole
   clutter vote below them (captions, author bios); "read also" runs are removed up to the
   next paragraph.
4. ``cut_before_headline`` (once the title is picked): body lines above a headline that the
   span holds are header.
"""

from __future__ import annotations

import datetime
from collections import Counter

from .config import Config
from .dates import is_date_line
from .lines import (ARTICLE_BODY_ZONE, BODY, CLUTTER, DATE, TABLE_CELL_SEPARATOR, TITLE,
                    VERBATIM_TAGS, Line)
from .phrases import first_match
from .rules import CONTEXT_RULES, DATA_CELL_TAGS, LINE_RULES, dom_vote

#: A dateline starting with one of these attributes a quote or an embedded post
#: ("— Jane Doe (@jane) November 18, 2019"): part of the article, not a teaser's date.
ATTRIBUTION_DASHES = ("—", "–", "-", "―")
#: Markup evidence too weak to remove a prose line inside the body span by itself.
WEAK_DOM_RULES = frozenset({"dom.link-dense", "dom.outside-body"})
#: Rules whose lines are data in a table cell inside the article (a time in a timetable).
TABLE_DATA_RULES = frozenset({"meta.timestamp"})
#: A line that introduces a list ends in a colon.
LEAD_IN_ENDINGS = (":", "：")
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
        elif not (protected or quote_attribution(line)) and is_date_line(line.text, today=today):
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


def line_score(line: Line, config: Config, packed_weight: float = 1.0) -> float:
    """What a line adds to a candidate body span: prose gains, clutter and labels cost.

    A short line set apart by blank lines (a paragraph or heading of its own), or a row of a
    table (cells separated by tabs in a dump), costs little;
    one packed between other lines (a menu, a list of links) costs more; no line costs more
    than a line of known clutter, so a widget inside an article (an embedded post, a gallery)
    does not cut the article in two. On a page that separates its paragraphs by blank lines,
    prose packed against the line before it (a teaser list) counts at ``packed_weight``.
    """
    score = _text_score(line, config, packed_weight) + line.notes["dom"][0]
    return max(score, -config.boilerplate_penalty)


def _text_score(line: Line, config: Config, packed_weight: float) -> float:
    if not line.norm:
        return 0.0  # nothing visible (a zero-width space): a blank line, not clutter
    label = line.first_label
    if label == GOOD:
        return line.words * (1.0 if line.gap_before else packed_weight)
    if label == NEAR and line.terminal:
        return line.words * config.near_body_weight
    if label in (CLUTTER, DATE):
        return -config.boilerplate_penalty
    if line.notes.get("isolated") or TABLE_CELL_SEPARATOR in line.text:
        return -config.isolated_line_penalty
    return -config.short_line_penalty


def find_body_span(lines: list[Line], config: Config) -> tuple[int, int]:
    """The article's lines as a half-open index range ``(start, end)``; ``(0, 0)`` if none.

    The range is the maximum-sum run of ``line_score``, extended over a list or an embedded
    post that closes the article, then cut at the first end-of-article marker (comments,
    syndication note, a related list the article does not resume after) that
    follows ``end_marker_min_words`` words of prose inside it; or, when several datelines
    follow that much prose, at the first of them (each heads a comment or a teaser, not more
    of the article).
    """
    paragraphs = [line for line in lines if line.first_label == GOOD]
    cap = config.gap_share_line_words
    uses_gaps = (sum(min(line.words, cap) for line in paragraphs if line.gap_before)
                 > config.gap_share_min * sum(min(line.words, cap) for line in paragraphs))
    packed_weight = config.packed_prose_weight if uses_gaps else 1.0
    best, best_start, best_end = 0.0, 0, 0
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += line_score(line, config, packed_weight)
        if total > best:
            best, best_start, best_end = total, start, i + 1
    prose_words = sum(lines[i].words for i in range(best_start, best_end)
                      if lines[i].first_label in (GOOD, NEAR) and lines[i].terminal)
    if prose_words < config.min_article_words:
        return _marked_body(lines, config)
    start = _heading_before(lines, best_start, config)
    end = _embed_after(lines, _list_after(lines, best_end, config), config)
    return start, _end_marker(lines, best_start, end, config)


def _marked_body(lines: list[Line], config: Config) -> tuple[int, int]:
    """A page with too little prose for a body span may still have an article that is a list
    or a table (a calendar, a results table): when the markup names the element that holds
    the article's text (``article-body`` zone) and that one element holds
    ``min_article_words`` words no rule removed, its lines are the span; else ``(0, 0)``."""
    inside = [i for i, line in enumerate(lines) if ARTICLE_BODY_ZONE in line.zones]
    if not inside or inside[-1] - inside[0] + 1 != len(inside):
        return 0, 0
    words = sum(lines[i].words for i in inside if lines[i].first_label not in (CLUTTER, DATE)
                and lines[i].notes["dom"][0] >= 0)
    if words < config.min_article_words:
        return 0, 0
    return inside[0], inside[-1] + 1


def _heading_before(lines: list[Line], start: int, config: Config) -> int:
    """Extend the span back over a subheading right before its first paragraph: a short line,
    set off from that paragraph by a blank line, that no rule marked."""
    if start == 0:
        return start
    before = lines[start - 1]
    if (before.first_label == SHORT and lines[start].gap_before and not before.terminal
            and before.words <= config.heading_max_words):
        return start - 1
    return start


def _list_after(lines: list[Line], end: int, config: Config) -> int:
    """Extend the span over a list that closes the article: a line right after it that no
    rule marked, and the lines packed under it (the items, up to the next blank line; the
    first may stand after one), at least ``list_min_items`` of them, none known clutter or
    longer than ``list_item_max_words``. The line must end in a colon ("Tour dates:"), or be
    a heading over ``heading_list_min_items`` items that share their punctuation ("England
    (Group A): 10th appearance"): a menu's or a teaser list's items do not."""
    if end >= len(lines) or end == 0:
        return end
    lead = lines[end]
    colon = lead.norm.endswith(LEAD_IN_ENDINGS) and lead.words >= config.list_lead_min_words
    if lead.first_label not in (SHORT, NEAR) or not (colon or (
            lead.first_label == SHORT and lead.gap_before and not lead.terminal)):
        return end
    items = end + 1
    while items < len(lines):
        line = lines[items]
        if items > end + 1 and line.gap_before:
            break
        if line.first_label in (CLUTTER, DATE) or line.words > config.list_item_max_words:
            return end
        items += 1
    found = lines[end + 1:items]
    if len(found) < config.list_min_items:
        return end
    if not colon and (len(found) < config.heading_list_min_items
                      or not _alike(found, config.list_alike_share)):
        return end
    return items


def _alike(lines: list[Line], share: float) -> bool:
    """Most of ``lines`` (at least ``share``) have the same punctuation, and some: the items
    of one list ("June 9 – Tampa, FL @ Amphitheatre")."""
    shapes = Counter("".join(ch for ch in line.norm if not (ch.isalnum() or ch.isspace()))
                     for line in lines)
    shape, count = shapes.most_common(1)[0]
    return bool(shape) and count >= share * len(lines)


def _embed_after(lines: list[Line], end: int, config: Config) -> int:
    """Extend the span over an embedded post that closes the article: its text and the
    attribution under it ("— Jane Doe (@jane) November 18, 2019"), with the text at most a
    paragraph long and no known clutter."""
    while end < len(lines):
        if quote_attribution(lines[end]):
            end += 1
        elif (end + 1 < len(lines) and quote_attribution(lines[end + 1])
              and lines[end].first_label not in (CLUTTER, DATE)
              and lines[end].words <= config.list_item_max_words):
            end += 2
        else:
            return end
    return end


def _end_marker(lines: list[Line], start: int, end: int, config: Config) -> int:
    """Where the article ends inside the span: the first end-of-article marker after enough
    prose (a comments heading, a syndication note, a related-list heading the article does
    not resume after), else the first of several datelines after it, else
    the span's end."""
    words, dated = 0, []
    left = sum(lines[i].words for i in range(start, end) if lines[i].first_label == GOOD)
    for i in range(start, end):
        line = lines[i]
        if line.first_label == GOOD:
            words += line.words
            left -= line.words
        elif words < config.end_marker_min_words:
            continue
        elif line.notes.get("action") == "end_body":
            return i
        elif line.first_rule == "nav.related" and _closing_list(lines, i, end, words, left, config):
            return i
        elif line.first_label == DATE and not line.norm.startswith(ATTRIBUTION_DASHES):
            dated.append(i)
    if len(dated) >= config.teaser_dates_min:
        return dated[0]
    return end


def _closing_list(lines: list[Line], i: int, end: int, before: int, after: int,
                  config: Config) -> bool:
    """A related-list heading closes the article when no paragraph (prose set apart by a
    blank line) follows within a run's reach and the span after it holds much less prose
    than before it: a list inside the article is short and the article resumes under it."""
    reach = range(i + 1, min(end, i + 2 + config.read_also_max_lines))
    resumes = any(lines[j].first_label == GOOD and lines[j].gap_before for j in reach)
    return not resumes and after < config.closing_list_prose_share * before


def revise_lines(lines: list[Line], span: tuple[int, int], config: Config) -> None:
    """Context pass: decide every line's final label from its place relative to the span."""
    start, end = _trim_by_markup(lines, span, config)
    baseline = _article_vote(lines, start, end)
    for i, line in enumerate(lines):
        if line.label in (CLUTTER, DATE):
            continue
        vote, dom_rule = line.notes["dom"]
        if start <= i < end:
            if vote < baseline and (line.first_label != GOOD
                                    or _outvoted_prose(vote, dom_rule, baseline, config)):
                line.mark(CLUTTER, dom_rule or "dom.off-article")
            else:
                line.mark(BODY, "")
        elif vote < 0:
            line.mark(CLUTTER, dom_rule)
        else:
            line.mark(CLUTTER, _outside_rule(lines, i, start, config))
    _keep_table_cells(lines, start, end)
    _remove_read_also_runs(lines, span, config)


def _keep_table_cells(lines: list[Line], start: int, end: int) -> None:
    """A data table inside the article is data: a cell holding a time or a date ("02:00",
    "12 March 2024"), which alone would read as a timestamp or a dateline, stays when at
    least two other cells of its table (a run of cell blocks) are body."""
    i = start
    while i < end:
        j = i
        while j < end and lines[j].tag in DATA_CELL_TAGS:
            j += 1
        cells = lines[i:j]
        if sum(cell.label == BODY for cell in cells) >= 2:
            for cell in cells:
                if cell.label == DATE or cell.rule in TABLE_DATA_RULES:
                    cell.mark(BODY, "")
        i = max(j, i + 1)


def _outvoted_prose(vote: float, dom_rule: str, baseline: float, config: Config) -> bool:
    """A prose line inside the span that the markup places a whole clutter vote below the
    article's own paragraphs (a caption, an author bio, a newsletter promo, a comment policy
    set in the article's column), by evidence about the block itself (its zone or class): a
    paragraph dense with links (a list of summaries) or outside the element that holds most
    of the text (a lede above it) may still be the article's."""
    return (vote <= baseline - config.dom_class_vote_words
            and dom_rule not in WEAK_DOM_RULES)


def _article_vote(lines: list[Line], start: int, end: int) -> float:
    """The markup's usual vote on the article's own paragraphs (the median over its prose).
    Evidence every paragraph shares (an article inside ``<div class="sidebar">``) is the
    container's, not a reason to drop a line: only a vote below this one is."""
    votes = sorted(lines[i].notes["dom"][0] for i in range(start, end) if lines[i].first_label == GOOD)
    return votes[(len(votes) - 1) // 2] if votes else 0.0


def _trim_by_markup(lines: list[Line], span: tuple[int, int], config: Config) -> tuple[int, int]:
    """Drop lines from the ends of the span while the markup votes them well below the
    article's own paragraphs (an author box or teaser after the last paragraph); take in a
    closing one-sentence paragraph the span's scoring left out."""
    start, end = span
    baseline = _article_vote(lines, start, end)
    margin = config.dom_class_vote_words
    while end > start and lines[end - 1].notes["dom"][0] <= baseline - margin:
        end -= 1
    while start < end and lines[start].notes["dom"][0] <= baseline - margin:
        start += 1
    while end < len(lines) and _closing_sentence(lines[end], baseline):
        end += 1
    return start, end


def _closing_sentence(line: Line, baseline: float) -> bool:
    """A short paragraph right after the span, in the article's own markup: its last line
    ("The new hours take effect on Monday 2 March.")."""
    return (line.first_label == NEAR and line.terminal and line.gap_before
            and line.notes["dom"][0] >= baseline)


def _outside_rule(lines: list[Line], i: int, start: int, config: Config) -> str:
    """The rule that names a line outside the article: a menu item among menu items, or its
    place before or after the article."""
    is_menu = CONTEXT_RULES["nav.menu"]
    run = [j for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(lines)
           and is_menu(lines[j], config)]
    if is_menu(lines[i], config) and len(run) >= 2:
        return "nav.menu"
    return "zone.header" if i < start else "zone.footer"


def _remove_read_also_runs(lines: list[Line], span: tuple[int, int], config: Config) -> None:
    """After a bare "Baca juga" / "Read more" label or a related-list heading ("Most read in
    world news"), remove the link titles that follow it, up to the next paragraph: in a text
    dump a prose line or a blank line after the first title; in HTML, where every block
    stands apart, a prose block or a heading that is still body (the article's next
    subheading); blocks other rules removed (kickers, ads, the titles' own links) do not end
    the run."""
    in_run = CONTEXT_RULES["nav.read-also-run"]
    start, end = span
    for i in range(start, end):
        label = lines[i]
        # A label that is the whole phrase, or ends in a colon, heads a run however long; a
        # longer line that starts with one ("Read more: <title>") carries its own link title.
        if label.notes.get("action") != "start_run" or not (
                label.words <= config.read_also_label_words or label.notes["whole_line"]
                or label.norm.endswith(LEAD_IN_ENDINGS)):
            continue
        markup = bool(label.tag)
        most = config.read_also_max_blocks if markup else config.read_also_max_lines
        for j in range(i + 1, min(end, i + 1 + most)):
            line = lines[j]
            if not in_run(line, config):
                break
            if line.label != BODY:
                if markup:
                    continue
                break
            if line.heading or (not markup and j > i + 1 and line.gap_before):
                break
            line.mark(CLUTTER, "nav.read-also-run")


def cut_before_headline(lines: list[Line], span: tuple[int, int], config: Config) -> None:
    """A headline inside the body span heads the article: body lines before it (a news
    ticker, a teaser above the story) are header, when enough prose follows it."""
    start, end = span
    head = next((i for i, line in enumerate(lines) if line.label == TITLE), None)
    if head is None or not start < head < end or not lines[head].heading:
        return
    after = sum(lines[i].words for i in range(head + 1, end) if lines[i].first_label == GOOD)
    if after < config.min_article_words:
        return
    for i in range(start, head):
        if lines[i].label == BODY:
            lines[i].mark(CLUTTER, "zone.header")
