"""Pass 3, context: every line's final label from its place relative to the body span.

Lines outside the span are clutter (menus, header, footer); short lines inside it stay
(subheadings, one-line paragraphs) unless the markup votes them below the article's own
paragraphs, and prose stays unless the markup votes it a whole clutter vote below them
(captions, author bios); "read also" runs are removed up to the next paragraph, and so are
teaser titles the page lists again below the article. Once the
title is picked, ``cut_before_headline`` makes body lines above a headline the span holds
header, and ``cut_sign_off`` takes the author's sign-off off the article's end.
"""

from __future__ import annotations

from .classify import GOOD, NEAR
from .config import Config
from .lines import BODY, CLUTTER, DATE, TITLE, Line, normalise
from .rules import CONTEXT_RULES, DATA_CELL_TAGS
from .span import LEAD_IN_ENDINGS

#: Markup evidence too weak to remove a prose line inside the body span by itself.
WEAK_DOM_RULES = frozenset({"dom.link-dense", "dom.outside-body"})
#: Rules whose lines are data in a table cell inside the article (a time in a timetable).
TABLE_DATA_RULES = frozenset({"meta.timestamp"})


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
    _remove_teaser_repeats(lines, span, config)


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
                _label_words(label) <= config.read_also_label_words or label.notes["whole_line"]
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


def _label_words(line: Line) -> int:
    """A label's length in words, counting in scripts written without spaces by the runs
    between spaces ("อ่านข่าวที่เกี่ยวข้อง" is one run; counted by characters it would read as
    five words, too long for a bare label)."""
    return min(line.words, len(line.norm.split()))


def _remove_teaser_repeats(lines: list[Line], span: tuple[int, int], config: Config) -> None:
    """A short line inside the article that the page lists again after it, among lines that
    are not body (a related-articles list), is a teaser's link title the page shows twice:
    the story links to it inline too. Not a sentence (a call to action repeated under each
    item of a list), nor a name the article's other lines use (a product's, a topic's)."""
    start, end = span
    listed = {line.norm for line in lines[end:] if line.label != BODY}
    body = [line.norm for line in lines[start:end] if line.label == BODY]
    for line in lines[start:end]:
        if (line.label == BODY and not line.heading and line.norm in listed
                and line.words <= config.read_also_max_words and not line.norm.endswith(".")
                and sum(line.norm in text for text in body) == 1):
            line.mark(CLUTTER, "nav.teaser-repeat")


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


def cut_sign_off(lines: list[Line], authors: list[str], config: Config) -> None:
    """A sign-off after the article's last paragraph, a short line that starts with the
    name of an author the markup gives ("THANH HÀ", "Julien Morel (Marseille,
    correspondant)"), is the byline, not body."""
    body = [line for line in lines if line.label == BODY]
    if not authors or len(body) < 2:
        return
    last = body[-1]
    if last.terminal or last.words > config.sign_off_max_words:
        return
    names = [normalise(author, config.max_line_chars) for author in authors]
    if any(name and last.norm.startswith(name) for name in names):
        last.mark(CLUTTER, "byline.signoff")
