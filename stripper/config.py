"""Every threshold stripper uses, in one place, each with its default and the reason for it."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Config:
    """Tunable thresholds. Pass ``Config(...)`` or ``config.replace(...)`` to ``clean()``.

    >>> Config().body_min_words
    10
    >>> Config().replace(body_min_words=8).body_min_words
    8
    """

    #: A line with at least this many words and sentence punctuation counts as body evidence.
    body_min_words: int = 10
    #: CJK scripts have no spaces: this many CJK characters count as one "word" of evidence.
    cjk_chars_per_word: int = 2
    #: Nor have Thai, Lao, Myanmar and Khmer, whose words take more characters (letters and
    #: the vowel and tone marks written on them).
    unspaced_chars_per_word: int = 4
    #: A line this long, ending in sentence punctuation, is "protected": only rules that match
    #: the whole line (or are marked exact) may remove it.
    protected_min_words: int = 12
    #: Score of a short non-sentence line (menu item, label) when looking for the body span.
    short_line_penalty: float = 3.0
    #: Weight per word of a prose line packed against the line before it (no blank line):
    #: teaser lists and link blocks are packed, article paragraphs usually are not.
    packed_prose_weight: float = 0.1
    #: Packing is evidence only on pages where more than this share of prose follows a blank
    #: line (pages that set paragraphs apart), counted in words: a teaser list's many short
    #: packed lines do not outweigh the article's few long paragraphs;
    gap_share_min: float = 0.5
    #: each line counting at most this many words (one huge packed line, a news ticker, does
    #: not outweigh them either).
    gap_share_line_words: int = 50
    #: Score of a short line set apart by blank lines (a heading, a one-line paragraph).
    isolated_line_penalty: float = 0.5
    #: Score of a line that a phrase rule removed, when looking for the body span.
    boilerplate_penalty: float = 8.0
    #: Score per word of a sentence-like line shorter than ``body_min_words``.
    near_body_weight: float = 0.5
    #: A page whose best body span holds fewer words of prose than this has no article
    #: (a listing page, an error page).
    min_article_words: int = 40
    #: This many datelines inside the article, after its first ``end_marker_min_words`` words,
    #: mean a list of teasers or comments has begun at the first of them.
    teaser_dates_min: int = 3
    #: A short line right before the body span is its first subheading if it has at most
    #: this many words.
    heading_max_words: int = 12
    #: A list right after the body span, under a line ending in a colon, is the article's when
    #: it has at least this many items of at most ``list_item_max_words`` words;
    list_min_items: int = 3
    list_item_max_words: int = 40
    #: and its lead-in has at least this many words ("Tour dates:"; a one-word label such as
    #: "Lainnya:" or "Trending:" names a section of the site, not what the article lists).
    list_lead_min_words: int = 2
    #: Under a heading without a colon, a list needs this many items, and this share of them
    #: with the same punctuation.
    heading_list_min_items: int = 5
    list_alike_share: float = 0.7
    #: "End of article" markers (comments, related lists) count only after this many body words.
    end_marker_min_words: int = 60
    #: A related-list heading with no paragraph under it ends the article when the span after
    #: it holds less than this share of the prose before it.
    closing_list_prose_share: float = 0.5
    #: A "read also" run swallows at most this many link-title lines after its label.
    read_also_max_lines: int = 10
    #: In HTML, where blocks need no blank line to stand apart, a run ends at the next prose
    #: block, after at most this many blocks.
    read_also_max_blocks: int = 20
    #: A "read also" label of at most this many words stands alone, so the link titles follow
    #: on the next lines; a longer one carries its link title itself.
    read_also_label_words: int = 3
    #: A link-title line inside a "read also" run has at most this many words.
    read_also_max_words: int = 25
    #: How many lines before the body span are searched for the headline and the date line.
    header_search_lines: int = 40
    #: Headline candidates have between these many words (inclusive).
    title_min_words: int = 2
    title_max_words: int = 40
    #: How a header line scores as the headline: each word counts (up to a cap), each line
    #: between it and the body costs;
    title_word_weight: float = 1.5
    title_words_cap: int = 12
    title_distance_cost: float = 0.3
    #: its text again where a headline's stands (a breadcrumb, the headline printed twice)
    #: gains; so does a byline or dateline right under it; menu items around it cost;
    title_repeat_bonus: float = 8.0
    title_metadata_bonus: float = 6.0
    title_menu_cost: float = 10.0
    #: capitals cost (a headline in capitals is rare, a kicker or a button in capitals is not);
    title_capitals_cost: float = 6.0
    #: words that stand in the page address's path (most sites build it from the headline)
    #: earn up to this bonus, by their share of the line's words of ``title_slug_min_chars``
    #: or more characters;
    title_slug_bonus: float = 8.0
    title_slug_min_chars: int = 3
    #: a full stop at the end costs (most such lines are a standfirst; a headline only
    #: rarely ends in one);
    title_sentence_cost: float = 6.0
    #: each word past ``title_long_words`` costs (a standfirst, a caption or a disclosure runs
    #: longer than a headline);
    title_long_words: int = 15
    title_long_cost: float = 2.0
    #: and standing right under another candidate of ``title_lead_min_words`` words costs (the
    #: headline comes first, its standfirst or photo caption under it).
    title_lead_min_words: int = 4
    title_follows_cost: float = 3.0
    #: A byline or dateline under the headline stands within this many lines of it; a line with
    #: a date and at most ``title_metadata_max_words`` words (a byline with its date) counts.
    title_metadata_lines: int = 2
    title_metadata_max_words: int = 12
    #: The body span may begin with its headline: this many of its first lines are candidates
    #: when a byline or dateline follows them.
    title_in_span_lines: int = 3
    #: A line of at least this many words counts as repeated when it stands inside another line.
    title_repeat_min_words: int = 4
    #: Share of a meta title's words the visible headline must hold to be preferred to it.
    title_shared_words: float = 0.6
    #: A line ending in "a.m." or "p.m." ends a sentence only with at least this many words
    #: (shorter, it is a dateline: "By Jane Doe, November 18, 2019 at 11:08 a.m.").
    clock_sentence_min_words: int = 16
    #: A site name (cut from the end of a title) is at most this many words.
    site_name_max_words: int = 4
    #: A site name shorter than this ("bbc") is not looked for at the start of a longer one.
    site_name_min_chars: int = 4
    #: An HTML block whose link characters exceed this share of its text is link-dense.
    link_density_max: float = 0.5
    #: Structural (DOM) evidence is a vote: a block is dropped by it only when the vote
    #: outweighs its own text evidence. Weight of one zone vote (nav, aside, footer, ...) and
    #: of link density, in words.
    dom_vote_words: float = 25.0
    #: Weight of a clutter class/id token (share, related, comment, ...), in words.
    dom_class_vote_words: float = 15.0
    #: When the element holding the article's text (class "entry-content", itemprop
    #: "articleBody", ...) holds at least this share of the page's prose, it is the article:
    article_body_share: float = 0.6
    #: and blocks inside it gain, blocks outside it lose, this many words of vote.
    article_body_vote_words: float = 10.0
    #: Gain of a block inside the article's own markup (<article>, <main>, class "entry-content").
    dom_content_vote_words: float = 3.0
    #: A text dump is hard-wrapped (``lynx -dump``, ``w3m -dump``) when, of its lines of at
    #: least ``wrap_min_chars`` characters (``wrap_min_lines`` of them or more), this share
    #: fit in ``wrap_max_width`` characters
    wrap_fit_share: float = 0.95
    wrap_min_chars: int = 40
    wrap_min_lines: int = 5
    wrap_max_width: int = 100
    #: and at least ``wrap_min_lines`` and this share end within ``wrap_slack`` characters
    #: under one width (the wrap width; lines end short where a paragraph does).
    wrap_full_share: float = 0.15
    wrap_slack: int = 10
    #: A sign-off after the article (the author's name, perhaps a role or a place) has at
    #: most this many words.
    sign_off_max_words: int = 8
    #: Rules look at no more than this many characters of a line, bounding their cost on
    #: pathological input (a 20 MB single line).
    max_line_chars: int = 20_000

    def replace(self, **changes) -> "Config":
        """A copy with some thresholds changed."""
        return replace(self, **changes)



DEFAULT = Config()
