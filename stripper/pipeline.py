"""The driver: decode, read, classify, find the body, revise, extract. Pure: no I/O."""

from __future__ import annotations

import datetime

from .config import DEFAULT, Config
from .dates import parse_iso
from .decode import decode
from .document import Document, Removal
from .lines import BODY, count_words, normalise
from .page import Page
from .classify import classify_lines
from .revise import cut_before_headline, cut_sign_off, revise_lines
from .span import find_body_span
from .extract import pick_date, pick_title
from .read_html import parse_html, read_blocks, read_html
from .sniff import looks_like_html
from .read_text import read_text


def clean(raw: str | bytes, *, url: str | None = None, config: Config = DEFAULT,
          charset: str | None = None, fetched: str | None = None) -> Document:
    r"""Clean one page (a text dump or HTML, as ``str`` or ``bytes``) into a ``Document``.

    ``url`` is the page's address (a date and site-name hint); ``charset`` an encoding
    declared outside the bytes (an HTTP header); ``fetched`` when the page was fetched (ISO
    8601, e.g. a WARC-Date): no date after it is taken for the page's. Raises
    ``StripperError`` for input that is not a page (binary, undecodable, too large).

    >>> prose = "The council voted on Tuesday to extend the night bus service, officials said. "
    >>> doc = clean("Menu\nHome\nNight Buses Extended\n\n" + prose * 4)
    >>> doc.title, len(doc.body), [r.rule for r in doc.removed]
    ('Night Buses Extended', 1, ['ui.widget', 'nav.menu', 'meta.title'])
    """
    text = decode(raw, charset_hint=charset) if isinstance(raw, bytes) else raw
    page = read_page(text, url, config)
    lines = page.lines
    today = fetch_day(fetched)
    classify_lines(lines, config, today)
    span = find_body_span(lines, config)
    revise_lines(lines, span, config)
    title = pick_title(lines, span, page.hints, config)
    cut_before_headline(lines, span, config)
    cut_sign_off(lines, page.hints.authors, config)
    date = pick_date(lines, span, page.hints, config, markup=page.kind == "html", today=today)
    body = [line for line in lines if line.label == BODY]
    paragraphs, numbers = [line.text for line in body], [line.number for line in body]
    if not body and page.hints.article_body:
        paragraphs, numbers = markup_body(page.hints.article_body, config)
    return Document(
        title=title,
        date=date,
        body=paragraphs,
        body_lines=numbers,
        removed=[Removal(line.number, line.text, line.rule) for line in lines if line.label != BODY],
        kind=page.kind,
        url=page.hints.url,
    )


def markup_body(article_body: tuple[int, str], config: Config) -> tuple[list[str], list[int]]:
    """The paragraphs of a JSON-LD ``articleBody`` (its lines, or its blocks when it holds
    HTML) and their source line, for a page whose own markup holds no article (one its
    scripts render); nothing when it is shorter than ``min_article_words``.

    >>> text = "First paragraph of the story, with enough words in it.\\n" * 8
    >>> paragraphs, numbers = markup_body((7, text), Config())
    >>> len(paragraphs), numbers[0]
    (8, 7)
    >>> markup_body((7, "A teaser."), Config())
    ([], [])
    """
    number, text = article_body
    if "<" in text and ">" in text:  # some sites put the article's HTML there
        root = parse_html(text)
        paragraphs = [line.text for line in read_blocks(root, config)] if root is not None else []
    else:
        paragraphs = [row.strip() for row in text.splitlines() if row.strip()]
    words = sum(count_words(normalise(p, config.max_line_chars), config.cjk_chars_per_word,
                            config.unspaced_chars_per_word) for p in paragraphs)
    if words < config.min_article_words:
        return [], []
    return paragraphs, [number] * len(paragraphs)


def fetch_day(fetched: str | None) -> datetime.date | None:
    """The calendar day of a fetch time such as a WARC-Date (None when absent or unreadable).

    >>> fetch_day("2019-11-20T10:04:31Z")
    datetime.date(2019, 11, 20)
    """
    iso = parse_iso(fetched) if fetched else None
    return datetime.date.fromisoformat(iso[:10]) if iso else None


def read_page(text: str, url: str | None, config: Config) -> Page:
    """Turn text into a ``Page`` with the reader its content calls for (HTML or text dump)."""
    if looks_like_html(text):
        return read_html(text, url, config)
    page = Page(read_text(text, config), "text")
    page.hints.url = url
    return page
