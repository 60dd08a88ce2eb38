"""What a reader hands to the passes: the lines and the page-level hints found beside them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line


@dataclass(slots=True)
class Hints:
    """Page-level evidence outside the lines (HTML only; empty for text dumps)."""

    #: Headline candidates from markup, best first: og:title, twitter:title, <title>.
    titles: list[str] = field(default_factory=list)
    #: The <title> element, kept apart: it most often carries the site-name suffix.
    html_title: str | None = None
    #: The article's own <h1> (not a logo, not the site's name), if it has one.
    h1: str | None = None
    #: Site names: og:site_name, application-name, the URL's host.
    site_names: list[str] = field(default_factory=list)
    #: Published dates from markup, best evidence first, already ISO 8601.
    published: list[str] = field(default_factory=list)
    #: Modified dates from markup, used only when nothing says "published".
    modified: list[str] = field(default_factory=list)
    #: The page's address (from --url, canonical link or og:url).
    url: str | None = None
    #: The article's authors, from JSON-LD and meta tags.
    authors: list[str] = field(default_factory=list)
    #: The article's text as its JSON-LD ``articleBody`` gives it, with that script's line:
    #: the body of a page whose own markup holds no article (rendered by scripts).
    article_body: tuple[int, str] | None = None


@dataclass(slots=True)
class Page:
    """A page as lines plus hints; ``kind`` is ``text`` or ``html``."""

    lines: list[Line]
    kind: str
    hints: Hints = field(default_factory=Hints)
