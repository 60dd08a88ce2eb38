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
    #: A line this long, ending in sentence punctuation, is "protected": only rules that match
    #: the whole line (or are marked exact) may remove it.
    protected_min_words: int = 12
    #: Score of a short non-sentence line (menu item, label) when looking for the body span.
    short_line_penalty: float = 3.0
    #: Weight per word of a prose line packed against the line before it (no blank line):
    #: teaser lists and link blocks are packed, article paragraphs usually are not.
    packed_prose_weight: float = 0.1
    #: Packing is evidence only on pages where more than this share of prose lines follow a
    #: blank line (pages that set paragraphs apart).
    gap_share_min: float = 0.5
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
    #: "End of article" markers (comments, related lists) count only after this many body words.
    end_marker_min_words: int = 60
    #: A "read also" run swallows at most this many link-title lines after its label.
    read_also_max_lines: int = 4
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
    #: Rules look at no more than this many characters of a line, bounding their cost on
    #: pathological input (a 20 MB single line).
    max_line_chars: int = 20_000

    def replace(self, **changes) -> "Config":
        """A copy with some thresholds changed."""
        return replace(self, **changes)



DEFAULT = Config()
