"""Pass 2: where the article is. The body span is the maximum-sum run of line scores (prose
scores its words, clutter and short lines cost, the markup's vote is added), extended over a
closing list ("Tour dates:"), an embedded post or, on a thread (a forum, a Q&A page, a live
blog), its later posts, and cut at the first end-of-article marker that follows enough body
text. A page with too little prose for one falls back on the element its
markup names as the article's body.
"""

from __future__ import annotations

from collections import Counter

from .classify import ATTRIBUTION_DASHES, GOOD, NEAR, SHORT, quote_attribution
from .config import Config
from .lines import ARTICLE_BODY_ZONE, CLUTTER, DATE, TABLE_CELL_SEPARATOR, Line
from .rules import thread_tokens

#: A line that introduces a list ends in a colon.
LEAD_IN_ENDINGS = (":", "：")


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
    threads = _thread_markup(lines, best_start, end)
    opens = _opens_a_thread(lines, best_start, end)
    end = _posts_after(lines, end, threads, opens)
    return start, _end_marker(lines, best_start, end, config, thread=bool(threads) or opens)


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


def _thread_markup(lines: list[Line], start: int, end: int) -> set[frozenset[str]]:
    """The markup of the posts of a thread (a forum, a Q&A page), when the span holds one:
    prose in two or more posts, blocks whose class tokens are the same but for each post's
    numbered id ("comment-4410") and name them as posts (``thread_hints`` in ``dom.toml``).
    Empty for an article."""
    posts: dict[frozenset[str], set[frozenset[str]]] = {}
    for line in lines[start:end]:
        if line.first_label == GOOD and line.class_tokens:
            posts.setdefault(_post_markup(line.class_tokens), set()).add(line.class_tokens)
    hints = thread_tokens()
    return {markup for markup, ids in posts.items()
            if len(ids) >= 2 and not hints.isdisjoint(markup)}


def _opens_a_thread(lines: list[Line], start: int, end: int) -> bool:
    """The span's first paragraph sits in markup that names a post of a thread (a forum's
    first post, a Q&A page's question): the datelines further down head its replies."""
    first = next((line for line in lines[start:end] if line.first_label == GOOD), None)
    return first is not None and not thread_tokens().isdisjoint(first.class_tokens)


def _posts_after(lines: list[Line], end: int, threads: set[frozenset[str]], opens: bool) -> int:
    """Extend the span over the later posts of a thread: prose further down in blocks with
    the markup of its posts (``threads``), or, when the span ``opens`` a thread, in any markup
    that names a post (the answers under a question), past the poster details and controls
    between posts, up to the first end-of-article marker or prose of any other markup."""
    if not threads and not opens:
        return end
    hints = thread_tokens()
    for i in range(end, len(lines)):
        line = lines[i]
        if line.notes.get("action") == "end_body":
            break
        if line.first_label == GOOD:
            if not (_post_markup(line.class_tokens) in threads
                    or opens and not hints.isdisjoint(line.class_tokens)):
                break
            end = i + 1
    return end


def _post_markup(tokens: frozenset[str]) -> frozenset[str]:
    """Class tokens without the numbered ones: what the posts of a thread share."""
    return frozenset(token for token in tokens if not any(ch.isdigit() for ch in token))


def _end_marker(lines: list[Line], start: int, end: int, config: Config,
                thread: bool = False) -> int:
    """Where the article ends inside the span: the first end-of-article marker after enough
    prose (a comments heading, a syndication note, a related-list heading the article does
    not resume after), else the first of several datelines after it (not in a ``thread``,
    where each post has its own), else the span's end."""
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
    if len(dated) >= config.teaser_dates_min and not thread:
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
