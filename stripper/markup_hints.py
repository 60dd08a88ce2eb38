"""Page-level hints from markup: headline candidates, site names, dates and the page's address.

Sources, best first within each kind:

- titles: ``og:title``, ``twitter:title`` (each skipped when it is just the site's name), the
  article's ``<h1>`` (not a logo), ``<title>``.
- site names: ``og:site_name``, ``application-name``, ``twitter:site``, the JSON-LD publisher
  and web site, the URL's host.
- published: JSON-LD ``datePublished`` of an article, date metas, JSON-LD of a web page,
  ``<time>``/``itemprop`` dates inside the article, hAtom ``abbr.published``.
- modified: JSON-LD ``dateModified``, modified-time metas, ``<time>`` marked as an update.
- url: the given URL, else ``<link rel=canonical>``, else ``og:url``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .config import DEFAULT
from .dates import parse_iso
from .page import Hints

#: Elements read for hints, in one pass over the tree.
HINT_TAGS = ("meta", "link", "script", "title", "time", "abbr", "h1")
#: Meta names (``name``, ``property``, or ``itemprop`` in the head; lower-cased) that give the
#: date an article was published, best first.
PUBLISHED_METAS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "rnews:datepublished", "parsely-pub-date", "sailthru.date",
    "cxenseparse:recs:publishtime", "article.published", "published_time",
    "originalpublicationdate", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "displaydate", "date",
)
#: Meta names (and ``http-equiv`` values) that give the date an article was last modified.
MODIFIED_METAS = (
    "datemodified", "article:modified_time", "og:updated_time", "og:article:modified_time",
    "dcterms.modified", "last-modified",
)
#: Meta names giving the headline, best first.
TITLE_METAS = ("og:title", "twitter:title")
#: Meta names giving the site's name, best first.
SITE_METAS = ("og:site_name", "application-name", "twitter:site")
#: Meta names that give the article's author (a name; an address is left out).
AUTHOR_METAS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
#: Attributes under which a meta element names its value. (``itemprop`` counts only in the
#: head: in the body it may describe another article, so ``dated_elements`` weighs it.)
META_KEY_ATTRIBUTES = ("property", "name", "http-equiv")

#: JSON-LD types whose ``datePublished`` is the article's own.
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "LiveBlogPosting",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
    "AskPublicNewsArticle", "SatiricalArticle", "ScholarlyArticle", "TechArticle", "Report",
    "SocialMediaPosting", "DiscussionForumPosting", "Review", "VideoObject", "Recipe",
})
#: Microdata ``itemtype`` of an article (schema.org Article, NewsArticle, BlogPosting, ...).
ARTICLE_ITEMTYPE = re.compile(r"article|blogposting", re.IGNORECASE)
#: JSON-LD types whose dates describe the page: weaker evidence than an article's and metas.
PAGE_TYPES = frozenset({"WebPage", "ItemPage", "MedicalWebPage", "QAPage", "FAQPage"})
#: JSON-LD types whose ``name`` is the site's name.
SITE_TYPES = frozenset({"WebSite"})
#: JSON-LD keys under which the objects describing the page nest.
LD_NESTING_KEYS = ("@graph", "mainEntity")
#: JSON-LD scripts longer than this are not parsed (bounds the work on hostile pages).
MAX_JSON_LD_CHARS = 2_000_000
#: At most this many JSON-LD objects are looked at per script.
MAX_JSON_LD_OBJECTS = 1000

#: At most this many ``<h1>`` and dated elements are weighed (each costs a walk up the tree).
MAX_H1S = 50
MAX_DATED_ELEMENTS = 500

#: Tags (and roles) of the article itself: dated elements count only inside one.
ARTICLE_TAGS = frozenset({"article", "main"})
ARTICLE_ROLES = frozenset({"article", "main"})
#: Tags (and roles) of page furniture: dates in them belong to other articles or the site.
#: (A ``<footer>`` inside the article is the article's own: it often holds its microdata.)
FURNITURE_TAGS = frozenset({"aside", "nav"})
FURNITURE_ROLES = frozenset({"complementary", "navigation", "contentinfo"})
#: Tags above which ancestors describe the whole page, not a part of it.
PAGE_TAGS = frozenset({"body", "html"})
#: Class/id tokens of lists of other articles, of comments and of sidebars.
RELATED_TOKENS = frozenset({
    "related", "recommended", "recommendation", "recommendations", "popular", "trending",
    "teaser", "teasers", "latest", "comment", "comments", "sidebar", "widget", "widgets",
    "more", "also", "suggested", "similar",
})
#: ``itemprop`` values of an element giving the publication date.
PUBLISHED_ITEMPROPS = frozenset({"datePublished", "dateCreated"})
#: Class/id tokens of a ``<time>`` that gives the update time (unless also "published").
UPDATED_TOKENS = frozenset({"updated", "update", "modified", "lastmod", "last-modified"})
#: Class/id tokens of a site logo or name.
LOGO_TOKENS = frozenset({
    "logo", "brand", "branding", "masthead", "sitename", "site-title", "site-name", "site-logo",
})
#: Elements that make an ``<h1>`` a logo rather than a headline.
LOGO_TAGS = ("img", "svg", "picture")
#: Second-level labels under which a country's domains are registered (``bbc.co.uk``).
SECOND_LEVEL_LABELS = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})

_ASCII_SPACES = re.compile(r"[ \t\n\r\f]+")
_ALNUM = re.compile(r"[\W_]+")
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HTML_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_DATE_ITEMPROPS = etree.XPath("//@itemprop[. = 'datePublished' or . = 'dateModified']")
#: (blocked, inside an article, articles around) at ``<body>``: nothing weighed yet.
_PAGE_STATE = (False, False, 0)
_IP_ADDRESS = re.compile(r"^[\d.]+$|:")
_CAMEL_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


#: Class-name prefixes of taxonomy classes (WordPress and its kin write the post's categories,
#: tags and formats into its class list).
TAXONOMY_PREFIXES = ("category-", "tag-", "postid-", "format-", "type-", "status-", "topic-",
                     "section-", "categories-", "tags-")


@lru_cache(maxsize=8192)
def split_class_tokens(value: str) -> frozenset[str]:
    """The lower-cased tokens of class/id attribute text: each name, its ``-``/``_`` parts, and
    the words of camelCase names.

    Taxonomy classes (``category-jeongdong-promotion``, ``tag-sponsored``) name the post's
    categories and tags, not the block's role: they are kept whole, not split.

    >>> sorted(split_class_tokens("share-buttons relatedPosts"))
    ['buttons', 'posts', 'related', 'relatedposts', 'share', 'share-buttons']
    >>> sorted(split_class_tokens("post category-jeongdong-promotion"))
    ['category-jeongdong-promotion', 'post']
    """
    names = value.lower().split()
    tokens = set(names)
    # The parts of all untaxonomic names at once: joined by "-", split at "-" (and "_").
    parts = "-".join([name for name in names if not name.startswith(TAXONOMY_PREFIXES)])
    tokens.update(parts.replace("_", "-").split("-"))  # empty parts are dropped below
    if not value.islower():
        # Camel words hold letters or digits only: no taxonomy prefix (they all end in "-").
        tokens.update(map(str.lower, _CAMEL_PARTS.findall(value)))
    tokens.discard("")
    return frozenset(tokens)


def read_hints(tree: etree._Element, url: str | None) -> Hints:
    """Collect the page-level hints of a parsed page.

    >>> from lxml import etree
    >>> tree = etree.fromstring('<html><head><title>Big news - Daily</title>'
    ...     '<meta property="og:site_name" content="Daily">'
    ...     '<meta property="article:published_time" content="2019-11-19T13:03:00Z">'
    ...     '</head><body></body></html>', etree.HTMLParser())
    >>> hints = read_hints(tree, "https://www.daily.com/a")
    >>> hints.titles, hints.site_names, hints.published
    (['Big news - Daily'], ['Daily', 'daily.com', 'daily'], ['2019-11-19T13:03:00+00:00'])
    """
    found: dict[str, list[etree._Element]] = {tag: [] for tag in HINT_TAGS}
    for element in tree.iter(*HINT_TAGS):
        found[element.tag].append(element)
    metas = meta_values(found["meta"])
    ld = read_json_ld(found["script"])
    hints = Hints(html_title=html_title(found["title"]))
    hints.article_body = max(ld.bodies, key=lambda body: len(body[1]), default=None)
    hints.url = url or canonical_url(found["link"], metas)
    hints.site_names = _unique([*(_first(metas, name).lstrip("@") for name in SITE_METAS),
                                *ld.site_names, *host_names(hints.url)])
    names = {_key(name) for name in hints.site_names}
    titles = [title for title in (_first(metas, name) for name in TITLE_METAS)
              if _key(title) not in names]
    scope = ArticleScope()
    hints.h1 = article_h1(found["h1"], names, scope) or None
    hints.titles = _unique([*titles, hints.h1 or "", hints.html_title or ""])
    itemprops = [attribute.getparent() for attribute in _DATE_ITEMPROPS(tree)]
    published, modified = dated_elements(found["time"], found["abbr"], itemprops, scope)
    meta_published = [value for name in PUBLISHED_METAS for value in metas.get(name, ())]
    meta_modified = [value for name in MODIFIED_METAS for value in metas.get(name, ())]
    hints.published = _dates([*ld.published, *meta_published, *ld.page_published, *published])
    hints.modified = _dates([*ld.modified, *meta_modified, *modified])
    hints.authors = _unique([*ld.authors, *(value for name in AUTHOR_METAS
                                            for value in metas.get(name, ())
                                            if "/" not in value)])
    return hints


def meta_values(metas: Iterable[etree._Element]) -> dict[str, list[str]]:
    """Non-empty ``content`` of ``<meta>`` elements, by lower-cased name (and ``itemprop`` of
    those in the head), in document order.

    >>> from lxml import etree
    >>> tree = etree.fromstring('<meta name="OG:Title" property="og:title" content=" A ">',
    ...                         etree.HTMLParser())
    >>> meta_values(tree.iter("meta"))
    {'og:title': ['A']}
    """
    values: dict[str, list[str]] = {}
    for meta in metas:
        content = (meta.get("content") or meta.get("datetime") or "").strip()
        if not content:
            continue
        keys = {(meta.get(attribute) or "").strip().lower() for attribute in META_KEY_ATTRIBUTES}
        if meta.getparent().tag == "head":
            keys.add((meta.get("itemprop") or "").strip().lower())
        for key in keys - {""}:
            values.setdefault(key, []).append(content)
    return values


def html_title(titles: Iterable[etree._Element]) -> str | None:
    """The text of the page's ``<title>`` (the first one outside SVG), whitespace collapsed.

    >>> from lxml import etree
    >>> tree = etree.fromstring("<title> A\\n title </title>", etree.HTMLParser())
    >>> html_title(tree.iter("title"))
    'A title'
    """
    for title in titles:
        if next(title.iterancestors("svg"), None) is None:
            return _text(title) or None
    return None


def canonical_url(links: Iterable[etree._Element], metas: dict[str, list[str]]) -> str | None:
    """The page's own address: ``<link rel=canonical>`` (made absolute against ``og:url``),
    else ``og:url``.

    >>> from lxml import etree
    >>> tree = etree.fromstring('<link rel="canonical" href="/a/b">'
    ...     '<meta property="og:url" content="https://x.com/a">', etree.HTMLParser())
    >>> canonical_url(tree.iter("link"), meta_values(tree.iter("meta")))
    'https://x.com/a/b'
    """
    og_url = _first(metas, "og:url") or None
    for link in links:
        href = (link.get("href") or "").strip()
        if href and "canonical" in (link.get("rel") or "").lower().split():
            return _join(og_url, href) if og_url else href
    return og_url


def host_names(url: str | None) -> list[str]:
    """Site names in an address: the host without ``www.``, its registered domain, and that
    domain's name.

    >>> host_names("https://www.nytimes.com/2019/11/19/a.html")
    ['nytimes.com', 'nytimes']
    >>> host_names("https://news.bbc.co.uk/x")
    ['news.bbc.co.uk', 'bbc.co.uk', 'bbc']
    """
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return []
    host = host.removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2 or _IP_ADDRESS.search(host):
        return [host] if host else []
    country_second_level = labels[-2] in SECOND_LEVEL_LABELS and len(labels[-1]) == 2
    size = 3 if len(labels) >= 3 and country_second_level else 2
    domain = ".".join(labels[-size:])
    return _unique([host, domain, labels[-size]])


def article_h1(h1s: Iterable[etree._Element], site_names: set[str], scope: ArticleScope) -> str:
    """The article's ``<h1>``: the first inside ``<article>``/``<main>``, else the page's only
    one. An ``<h1>`` holding a logo or the site's name never counts. ``""`` when none fits.

    >>> from lxml import etree
    >>> tree = etree.fromstring('<h1 class="logo"><a href="/">Daily</a></h1>'
    ...     '<article><h1>Real  headline</h1></article>', etree.HTMLParser())
    >>> article_h1(tree.iter("h1"), {"daily"}, ArticleScope())
    'Real headline'
    """
    candidates = []
    for h1 in islice(h1s, MAX_H1S):
        text = _text(h1)
        if text and not _names_site(text, site_names) and not _is_logo(h1):
            if scope.contains(h1):
                return text
            candidates.append(text)
    return candidates[0] if len(candidates) == 1 else ""


def _names_site(text: str, site_names: set[str]) -> bool:
    """Whether a short text is the site's name: one of ``site_names``, or one of them with a
    word added ("Wheelhouse Cycling Forum" on wheelhouse-cycling.org).

    >>> _names_site("Wheelhouse Cycling Forum", {"wheelhousecycling"})
    True
    >>> _names_site("Wheelhouse cycling routes reopen after the storm", {"wheelhousecycling"})
    False
    """
    key = _key(text)
    if key in site_names:
        return True
    return len(text.split()) <= DEFAULT.site_name_max_words and any(
        len(name) >= DEFAULT.site_name_min_chars and key.startswith(name) for name in site_names)


def dated_elements(times: Iterable[etree._Element], abbrs: Iterable[etree._Element],
                   itemprops: list[etree._Element],
                   scope: ArticleScope) -> tuple[list[str], list[str]]:
    """Raw (published, modified) date values from ``<time>`` elements, hAtom ``abbr``
    elements and elements with a date ``itemprop``. ``<time>`` and ``itemprop`` count only
    inside the article and outside asides, navigation, site footers and lists of other articles;
    explicit ones (``itemprop``, ``pubdate``) come first. Metas in the head are left to
    ``meta_values``.

    >>> from lxml import etree
    >>> tree = etree.fromstring('<article><time datetime="2020-01-02">2 Jan</time>'
    ...     '<aside><time datetime="2019-05-05">old</time></aside></article>', etree.HTMLParser())
    >>> dated_elements(tree.iter("time"), [], [], ArticleScope())
    (['2020-01-02'], [])
    """
    explicit, implicit, modified = [], [], []
    for abbr in abbrs:
        classes = (abbr.get("class") or "").split()
        if abbr.get("title") and "published" in classes:
            implicit.append(abbr.get("title"))
        elif abbr.get("title") and "updated" in classes:
            modified.append(abbr.get("title"))
    seen = set(itemprops)
    candidates = [*itemprops, *(time for time in times if time not in seen)]
    for element in candidates[:MAX_DATED_ELEMENTS]:
        if element.tag == "meta" and element.getparent().tag == "head":
            continue
        itemprop = element.get("itemprop")
        value = element.get("datetime") or element.get("content") or (
            _text(element) if itemprop else "")
        if not value or not scope.contains(element):
            continue
        if itemprop in PUBLISHED_ITEMPROPS or element.get("pubdate") is not None:
            explicit.append(value)
        elif itemprop == "dateModified":
            modified.append(value)
        elif UPDATED_TOKENS & _class_tokens(element) and "published" not in _class_tokens(element):
            modified.append(value)
        else:
            implicit.append(value)
    return explicit + implicit, modified


@dataclass(slots=True)
class JsonLdFacts:
    """What a page's JSON-LD says: article and page dates (raw), and site names."""

    published: list[str] = field(default_factory=list)
    page_published: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    #: The articles' ``articleBody`` texts, with the source line of their script.
    bodies: list[tuple[int, str]] = field(default_factory=list)
    #: The articles' authors' names.
    authors: list[str] = field(default_factory=list)


def read_json_ld(scripts: Iterable[etree._Element]) -> JsonLdFacts:
    """Dates and site names from the page's ``application/ld+json`` scripts, including objects
    nested in ``@graph`` and ``mainEntity``; invalid JSON is repaired where it can be.

    >>> from lxml import etree
    >>> tree = etree.fromstring('<script type="application/ld+json">{"@graph": [{"@type":'
    ...     ' "NewsArticle", "datePublished": "2021-03-04", "publisher": {"name": "Daily"},},]}'
    ...     '</script>', etree.HTMLParser())
    >>> facts = read_json_ld(tree.iter("script"))
    >>> facts.published, facts.site_names
    (['2021-03-04'], ['Daily'])
    """
    facts = JsonLdFacts()
    for script in scripts:
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = load_json(script.text or "")
        for item in _ld_objects(data):
            types = _ld_types(item)
            if types & ARTICLE_TYPES:
                facts.published.extend(_ld_strings(item.get("datePublished")))
                facts.modified.extend(_ld_strings(item.get("dateModified")))
                facts.bodies.extend((script.sourceline or 1, text)
                                    for text in _ld_strings(item.get("articleBody")))
                facts.authors.extend(_ld_names(item.get("author")))
            elif types & PAGE_TYPES:
                facts.page_published.extend(_ld_strings(item.get("datePublished")))
                facts.modified.extend(_ld_strings(item.get("dateModified")))
            elif types & SITE_TYPES:
                facts.site_names.extend(_ld_strings(item.get("name")))
            publisher = item.get("publisher")
            for organisation in publisher if isinstance(publisher, list) else [publisher]:
                if isinstance(organisation, dict):
                    facts.site_names.extend(_ld_strings(organisation.get("name")))
    return facts


def load_json(text: str) -> object:
    """Parse JSON as pages write it: a trailing comma, a control character or an HTML comment
    wrapper is repaired; ``None`` when it still does not parse (or is too large).

    >>> load_json('{"a": [1, 2,],}')
    {'a': [1, 2]}
    >>> load_json('{"a": ') is None
    True
    """
    if len(text) > MAX_JSON_LD_CHARS:
        return None
    for candidate in _json_candidates(text):
        try:
            return json.loads(candidate, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _json_candidates(text: str) -> Iterator[str]:
    """The JSON text as written, then repaired (only made when the first does not parse)."""
    yield text
    yield _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", _HTML_WRAPPERS.sub("", text)))


def _ld_objects(data: object) -> Iterator[dict]:
    """The JSON-LD objects describing the page, in document order: top-level objects, list
    members and ``@graph``/``mainEntity`` members (not the objects they merely mention)."""
    stack, seen = [data], 0
    while stack and seen < MAX_JSON_LD_OBJECTS:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            seen += 1
            yield item
            stack.extend(reversed([item[key] for key in LD_NESTING_KEYS if key in item]))


def _ld_types(item: dict) -> set[str]:
    types = item.get("@type")
    names = types if isinstance(types, list) else [types]
    return {name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in names if isinstance(name, str)}


def _ld_names(value: object) -> list[str]:
    """The names in a JSON-LD ``author``: a string, ``{"name": ...}``, or a list of those."""
    members = value if isinstance(value, list) else [value]
    return [name for member in members
            for name in _ld_strings(member.get("name") if isinstance(member, dict) else member)]


def _ld_strings(value: object) -> list[str]:
    """The strings in a JSON-LD value: a string, ``{"@value": string}``, or a list of those."""
    strings = []
    for member in value if isinstance(value, list) else [value]:
        if isinstance(member, dict):
            member = member.get("@value")
        if isinstance(member, str) and member.strip():
            strings.append(member.strip())
    return strings


class ArticleScope:
    """Tells whether elements of one page sit inside its article: inside ``<article>``/``<main>``
    (or an element with that role, or a microdata article), outside page furniture (asides,
    navigation, a footer no article holds, lists of other articles) and not in an article
    nested in another (a teaser card). ``<body>`` and ``<html>`` are not weighed: their classes
    describe the whole page. Each ancestor is judged once, however many elements ask.

    >>> from lxml import etree
    >>> tree = etree.fromstring('<article><p>in</p><aside><p>out</p></aside></article>',
    ...                         etree.HTMLParser())
    >>> [ArticleScope().contains(p) for p in tree.iter("p")]
    [True, False]
    """

    __slots__ = ("_states",)

    def __init__(self) -> None:
        self._states: dict[etree._Element, tuple[bool, bool, int]] = {}

    def contains(self, element: etree._Element) -> bool:
        """True when ``element`` sits inside the page's own article."""
        parent = element.getparent()
        if parent is None:
            return False
        blocked, inside, articles = self._state(parent)
        return inside and not blocked and articles < 2

    def _state(self, element: etree._Element) -> tuple[bool, bool, int]:
        chain = []
        while element is not None and element not in self._states:
            chain.append(element)
            element = element.getparent()
        state = _PAGE_STATE if element is None else self._states[element]
        for node in reversed(chain):
            state = self._states[node] = _scope_step(node, state)
        return state


def _scope_step(node: etree._Element, state: tuple[bool, bool, int]) -> tuple[bool, bool, int]:
    """The (blocked, inside, articles) state below ``node``, given the state above it."""
    tag = node.tag
    if tag in PAGE_TAGS:
        return _PAGE_STATE
    blocked, inside, articles = state
    role = (node.get("role") or "").lower()
    blocked = (blocked or tag in FURNITURE_TAGS or role in FURNITURE_ROLES
               or (tag == "footer" and not articles)
               or bool(_class_tokens(node) & RELATED_TOKENS))
    inside = (inside or tag in ARTICLE_TAGS or role in ARTICLE_ROLES
              or node.get("itemprop") == "articleBody"
              or bool(ARTICLE_ITEMTYPE.search(node.get("itemtype") or "")))
    return blocked, inside, articles + (tag == "article")


def _is_logo(h1: etree._Element) -> bool:
    """An ``<h1>`` wrapping an image, or marked (or holding an element marked) as a logo."""
    if next(h1.iter(*LOGO_TAGS), None) is not None:
        return True
    return any(_class_tokens(element) & LOGO_TOKENS for element in h1.iter())


def _class_tokens(element: etree._Element) -> frozenset[str]:
    return split_class_tokens(f"{element.get('class') or ''} {element.get('id') or ''}")


def _join(base: str, href: str) -> str:
    """``href`` made absolute against ``base``; as it is when either is not a valid URL."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def _dates(values: list[str]) -> list[str]:
    return _unique([iso for iso in map(parse_iso, values) if iso])


def _first(metas: dict[str, list[str]], name: str) -> str:
    values = metas.get(name)
    return values[0] if values else ""


def _text(element: etree._Element) -> str:
    return _ASCII_SPACES.sub(" ", "".join(element.itertext())).strip()


def _key(text: str) -> str:
    """The comparable form of a name: case-folded letters and digits only."""
    return _ALNUM.sub("", text.casefold())


def _unique(values: list[str]) -> list[str]:
    """Non-empty values, first occurrence of each kept, in order."""
    seen, result = set(), []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            result.append(value)
    return result
