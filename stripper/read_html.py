"""HTML to lines: one ``Line`` per block of text, in document order, with its DOM evidence.

A *block* is the text of one block-level element (``p``, ``h1``-``h6``, ``li``, ``td``, a
``div`` with text of its own, ...) up to the next nested block; ``<br><br>`` ends a block too,
and a single ``<br>`` becomes a newline inside it. Inline elements (``a``, ``span``, ``b``,
...) add their text to the block around them. Script, style, SVG, form controls and the
``<head>`` never give text; ``noscript`` and ``button`` text is kept, marked with a zone.

Each line carries what the rules may weigh: the block's ``tag`` and ``heading`` level, its
``link_density``, the ``class_tokens`` of its class/id attributes and those of its ancestors,
and the ``zones`` (nav, header, footer, aside, hidden, ...) it sits in.

Parsing uses lxml's HTML parser: no network, no external entities, comments and processing
instructions dropped. Nesting deeper than libxml2's limit (2048 levels) ends the document
there; the walk itself keeps an explicit stack, so no depth can exhaust Python's.
"""

from __future__ import annotations

import functools
import operator
import re
import threading

from lxml import etree

from .config import Config
from .errors import InputTooLargeError
from .lines import ARTICLE_BODY_ZONE, VERBATIM_TAGS, Line, make_line
from .markup_hints import ARTICLE_ITEMTYPE, read_hints, split_class_tokens
from .page import Page
from .rules import dom_table

#: How many elements, the block's own and its nearest ancestors, give a block its class tokens.
CLASS_TOKEN_DEPTH = 4
#: Largest HTML page (in characters) read; beyond it ``InputTooLargeError`` is raised.
MAX_HTML_CHARS = 60_000_000
#: Most elements a page may have (real pages have a few thousand; the largest, ~100,000).
#: Bounds the walk on generated markup.
MAX_ELEMENTS = 500_000
#: Most blocks (lines) a page may give. Bounds the cost of measuring lines on generated markup.
MAX_BLOCKS = 100_000
#: Most ``<`` characters a page may have: checked before parsing (a scan costs milliseconds,
#: parsing millions of tags seconds). Two per element, plus slack for ``<`` in scripts.
MAX_TAG_MARKS = 2 * MAX_ELEMENTS + 200_000
_TOO_MANY_ELEMENTS = (
    f"the HTML page has more than {MAX_ELEMENTS:,} elements or {MAX_BLOCKS:,} blocks of text, "
    "more than stripper reads; split it into smaller pages")

#: Elements whose content is never page text (their tail, the text after them, still is).
SKIP_TAGS = frozenset({
    "head", "title", "script", "style", "template", "svg", "math", "iframe", "frame",
    "frameset", "noframes", "noembed", "object", "applet", "embed", "canvas", "audio", "video",
    "select", "option", "optgroup", "datalist", "input", "textarea", "map", "area", "param",
    "source", "track", "meta", "link", "base",
})

#: Elements that flow inside a block: their text joins the block's text. Every other element
#: (``div``, ``p``, ``li``, ``td``, ``section``, custom elements, ...) starts a block of its own.
#: Unknown names with a colon (``o:p`` from word processors) count as inline too.
INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "blink", "br", "cite", "code", "data",
    "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "meter", "nobr",
    "output", "picture", "progress", "q", "rp", "rt", "rtc", "ruby", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
})



#: Heading level of each heading tag; every other block has level 0.
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

#: Zones an element opens by its tag alone. ``header`` and ``footer`` depend on where they sit.
TAG_ZONES = {
    "nav": "nav", "aside": "aside", "form": "form", "figure": "figure", "figcaption": "figure",
    "article": "article", "main": "main", "noscript": "noscript", "button": "button",
    "ul": "list", "ol": "list", "menu": "list", "table": "table", "blockquote": "blockquote",
    "dialog": "dialog",
}

#: Zones an element opens by its ARIA ``role``.
ROLE_ZONES = {
    "navigation": "nav", "menu": "nav", "menubar": "nav", "banner": "header",
    "contentinfo": "footer", "complementary": "aside", "main": "main", "article": "article",
    "dialog": "dialog", "alertdialog": "dialog",
}

#: Tags that may open a zone by themselves.
ZONE_TAGS = frozenset({*TAG_ZONES, "header", "footer"})

#: Zones within which a ``<header>`` is the article's own header, not the site's.
ARTICLE_ZONES = frozenset({"article", "main"})

#: Attributes that can open a zone (besides the tag itself).
ZONE_ATTRIBUTES = frozenset({
    "role", "hidden", "aria-hidden", "aria-modal", "style", "itemprop", "itemtype",
})

#: Attributes ``_element_context`` reads: an element with none of them (and a tag that opens
#: no zone) has its parent's zones and no class/id text.
CONTEXT_ATTRIBUTES = ZONE_ATTRIBUTES | {"class", "id"}

#: Added to a block's zones when its whole text is the text of one link.
LINK_ONLY_ZONE = "a-only"

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: ASCII whitespace other than the space (NBSP and other Unicode spaces are page text).
_OTHER_SPACES = ("\t", "\n", "\r", "\f")
#: Stands for a ``<br>`` inside collected text until the block is finished; NUL never survives
#: parsing (libxml2 turns it into U+FFFD), so it cannot clash with page text.
_BREAK = "\x00"
_NO_TOKENS: frozenset[str] = frozenset()
#: The class/id text of an entry of ``contexts`` (see ``read_blocks``).
_NAMES = operator.itemgetter(0)
#: One HTML parser per thread (lxml parsers must not be shared between threads).
_PARSERS = threading.local()


def read_html(text: str, url: str | None, config: Config) -> Page:
    """Read an HTML page into lines (one per block) and the hints found in its markup.

    Raises ``InputTooLargeError`` for a page longer than ``MAX_HTML_CHARS`` characters, or with
    more than ``MAX_ELEMENTS`` elements or ``MAX_BLOCKS`` blocks.

    >>> from stripper.config import Config
    >>> page = read_html('<h1 class="entry-title">Hi</h1><div>One<br><br>Two<br>2b</div>',
    ...                  None, Config())
    >>> [(line.tag, line.text) for line in page.lines]
    [('h1', 'Hi'), ('div', 'One'), ('div', 'Two\\n2b')]
    >>> sorted(page.lines[0].class_tokens), page.hints.titles
    (['entry', 'entry-title', 'title'], ['Hi'])
    """
    if len(text) > MAX_HTML_CHARS:
        raise InputTooLargeError(
            f"the HTML page has {len(text):,} characters, more than the {MAX_HTML_CHARS:,} "
            "stripper reads; split it or pass its text instead")
    if len(text) > MAX_TAG_MARKS and text.count("<") > MAX_TAG_MARKS:
        raise InputTooLargeError(_TOO_MANY_ELEMENTS)
    root = parse_html(text)
    if root is None:
        return Page([], "html", read_hints(etree.Element("html"), url))
    return Page(read_blocks(root, config), "html", read_hints(root, url))


def parse_html(text: str) -> etree._Element | None:
    """Parse HTML into an lxml tree (``None`` for a page with no elements at all).

    No network access, no external entities; comments and processing instructions are dropped.
    ``huge_tree`` keeps text nodes over 10 MB instead of cutting the document there. Each
    thread keeps one parser: building one costs as much as parsing a small page.

    >>> parse_html("<p>a &amp; b<!-- note --></p>").findtext(".//p")
    'a & b'
    >>> parse_html("  ") is None
    True
    """
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
            recover=True, huge_tree=True, collect_ids=False)
    return etree.fromstring(text.encode("utf-8", "replace"), parser)


def read_blocks(root: etree._Element, config: Config) -> list[Line]:
    """The lines of a parsed page, one per block, in document order.

    One walk over start/end events; a block's text is collected until a nested block, its end
    or ``<br><br>`` closes it. (One flat loop with local state: this is the hot path.)

    >>> from stripper.config import Config
    >>> root = parse_html('<nav><ul><li><a href="/">Home</a></li></ul></nav><p>Text</p>')
    >>> [(line.text, sorted(line.zones), line.link_density) for line in read_blocks(root, Config())]
    [('Home', ['a-only', 'list', 'nav'], 1.0), ('Text', [], 0.0)]
    """
    lines: list[Line] = []
    window_cache: dict = {}
    zone_cache: dict = {}
    # (class/id text, zones, starts a block) of every open element, innermost last.
    contexts: list[tuple] = [("", _NO_TOKENS, True)]
    # (tag, depth in ``contexts``, zones, verbatim) of every open block, innermost last.
    blocks = [("html", 0, _NO_TOKENS, False)]
    # Text of the open block (nothing until its first non-space text) and of its links.
    pieces: list[str] = []
    link_pieces: list[str] = []
    has_text = False
    # A ``<br>`` ended the text so far: another one ends the block.
    pending_break = False
    # Links opened since the block began; links open around the current element.
    links = link_depth = 0
    # The element whose source line numbers the open block; the latest element opened.
    anchor: etree._Element | None = root
    last = root
    elements = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if tag in SKIP_TAGS:
                # The next event is this element's end: only its tail is read.
                walker.skip_subtree()
                next(walker)
                text = element.tail
            else:
                last = element
                elements += 1
                if elements > MAX_ELEMENTS or len(lines) > MAX_BLOCKS:
                    raise InputTooLargeError(_TOO_MANY_ELEMENTS)
                names, zones = "", contexts[-1][1]
                parent_zones = zones
                keys = element.keys()
                if tag in ZONE_TAGS or not CONTEXT_ATTRIBUTES.isdisjoint(keys):
                    names, zones = _element_context(element, tag, keys, zones, zone_cache)
                is_block = zones is not parent_zones or not (tag in INLINE_TAGS or ":" in tag)
                contexts.append((names, zones, is_block))
                if is_block:
                    if has_text:
                        lines.append(_block_line(blocks[-1], pieces, link_pieces, links, anchor,
                                                 contexts, window_cache, config))
                        pieces, link_pieces, has_text, pending_break = [], [], False, False
                    links = 0
                    verbatim = tag in VERBATIM_TAGS or blocks[-1][3]
                    blocks.append((tag, len(contexts) - 1, zones, verbatim))
                    anchor = element
                elif tag == "br" and has_text:
                    if pending_break:
                        lines.append(_block_line(blocks[-1], pieces, link_pieces, links, anchor,
                                                 contexts, window_cache, config))
                        pieces, link_pieces, has_text, pending_break = [], [], False, False
                        links, anchor = 0, None
                    else:
                        pieces.append(_BREAK)
                        pending_break = True
                if tag == "a":
                    link_depth += 1
                    links += 1
                text = element.text
        else:
            if contexts[-1][2]:
                if has_text:
                    lines.append(_block_line(blocks[-1], pieces, link_pieces, links, anchor,
                                             contexts, window_cache, config))
                    pieces, link_pieces, has_text, pending_break = [], [], False, False
                links, anchor = 0, None
                blocks.pop()
            contexts.pop()
            if tag == "a":
                link_depth -= 1
            text = element.tail
        if not text:
            continue
        if has_text:
            pieces.append(text)
            if pending_break and not text.isspace():
                pending_break = False
        elif text.isspace():
            continue
        else:
            pieces.append(text)
            has_text = True
            anchor = anchor if anchor is not None else last
        if link_depth:
            link_pieces.append(text)
    return lines


def _block_line(block: tuple[str, int, frozenset[str], bool], pieces: list[str],
                link_pieces: list[str], links: int, anchor: etree._Element,
                contexts: list[tuple], window_cache: dict, config: Config) -> Line:
    """The ``Line`` of a finished block with text, from its collected pieces."""
    tag, depth, zones, verbatim = block
    raw = "".join(pieces)
    if verbatim:
        text = raw.replace(_BREAK, "\n").strip("\r\n").rstrip()
    elif _BREAK in raw:
        segments = collapse_spaces(raw).split(_BREAK)
        text = "\n".join(s for s in (seg.strip(" ") for seg in segments) if s)
    else:
        text = collapse_spaces(raw).strip(" ")
    density = 0.0
    if link_pieces:
        link_chars = len(collapse_spaces("".join(link_pieces)).strip(" "))
        density = min(1.0, link_chars / len(text))
        if density == 1.0 and links <= 1:
            zones = zones | {LINK_ONLY_ZONE}
    return make_line(anchor.sourceline or 1, text, limit=config.max_line_chars,
                     cjk_chars_per_word=config.cjk_chars_per_word,
                     unspaced_chars_per_word=config.unspaced_chars_per_word,
                     gap_before=True, tag=tag,
                     heading=HEADING_LEVELS.get(tag, 0), link_density=density,
                     class_tokens=_class_tokens(contexts, depth, window_cache), zones=zones)


def collapse_spaces(text: str) -> str:
    """Turn each run of ASCII whitespace into one space; NBSP and other spaces stay. (String
    methods, not a regex: ten times faster on a 50 MB paragraph.)

    >>> collapse_spaces("a \\t\\n b\\u00a0 c")
    'a b\\xa0 c'
    """
    for space in _OTHER_SPACES:
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _class_tokens(contexts: list[tuple], depth: int, window_cache: dict) -> frozenset[str]:
    """The class tokens of the open element at ``depth`` and of its nearest ancestors (up to
    ``CLASS_TOKEN_DEPTH`` elements in all). Names on far ancestors describe the page layout
    (``l-sidebar-fixed``, ``single-post``) more than the block. Kept per page by the class/id
    texts of those elements, which sibling blocks share."""
    window = tuple(map(_NAMES, contexts[max(1, depth - CLASS_TOKEN_DEPTH + 1):depth + 1]))
    tokens = window_cache.get(window)
    if tokens is None:
        tokens = _NO_TOKENS
        for names in window:
            if names:
                split = split_class_tokens(names)
                tokens = split if tokens is _NO_TOKENS else tokens | split
        window_cache[window] = tokens
    return tokens


def _element_context(element: etree._Element, tag: str, keys: list[str], zones: frozenset[str],
                     zone_cache: dict) -> tuple[str, frozenset[str]]:
    """An element's class/id text, and its zones: its parent's ``zones`` plus those its tag
    and attributes (named in ``keys``) open. Only the attributes read are fetched: pages put
    long values in others (``srcset``, ``data-*``). Equal zone sets are shared (cached per
    page), so an element that opens no zone returns its parent's set."""
    names = element.get("class", "") if "class" in keys else ""
    if "id" in keys:
        names = f"{names} {element.get('id')}"
    added = ()
    if not ZONE_ATTRIBUTES.isdisjoint(keys):
        zone_attributes = {key: element.get(key) for key in ZONE_ATTRIBUTES.intersection(keys)}
        added = _attribute_zones(zone_attributes, tag in INLINE_TAGS)
    if names and _holds_article_body(names):
        added += (ARTICLE_BODY_ZONE,)
    if tag in TAG_ZONES:
        added += (TAG_ZONES[tag],)
    elif tag == "header" and not zones & ARTICLE_ZONES:
        added += ("header",)
    elif tag == "footer":
        added += ("article-footer" if "article" in zones else "footer",)
    if added and not zones.issuperset(added):
        cache_key = (zones, added)
        union = zone_cache.get(cache_key)
        if union is None:
            union = zone_cache[cache_key] = zones.union(added)
        zones = union
    return names, zones


@functools.lru_cache(maxsize=16384)
def _holds_article_body(names: str) -> bool:
    """Whether class/id text names the element that holds the article's own text."""
    tokens, screen = _article_body_tokens()
    return screen.search(names.lower()) is not None and not tokens.isdisjoint(
        split_class_tokens(names))


@functools.cache
def _article_body_tokens() -> tuple[frozenset[str], re.Pattern]:
    """The article-body tokens, and a pattern of their first few characters: every class
    token is part of the lower-cased class text, so text without any of those beginnings
    holds none of the tokens (most class text, found without splitting it)."""
    tokens = frozenset(dom_table()["article_body_hints"]["tokens"])
    beginnings = sorted({token[:4] for token in tokens})
    return tokens, re.compile("|".join(map(re.escape, beginnings)))


def _attribute_zones(attributes: dict[str, str], inline: bool) -> tuple[str, ...]:
    """Zones opened by an element's attributes. On inline elements ``aria-hidden`` is
    ignored: it marks decorative icons that stay visible."""
    zones = []
    role = attributes.get("role")
    if role:
        zones.extend(ROLE_ZONES[r] for r in role.lower().split() if r in ROLE_ZONES)
    if "hidden" in attributes or _HIDDEN_STYLE.search(attributes.get("style", "")):
        zones.append("hidden")
    elif not inline and attributes.get("aria-hidden", "").strip().lower() == "true":
        zones.append("hidden")
    if attributes.get("aria-modal", "").strip().lower() == "true":
        zones.append("dialog")
    if attributes.get("itemprop", "").strip().lower() == "articlebody":
        zones.extend(("article", ARTICLE_BODY_ZONE))
    elif ARTICLE_ITEMTYPE.search(attributes.get("itemtype", "")):
        zones.append("article")
    return tuple(zones)
