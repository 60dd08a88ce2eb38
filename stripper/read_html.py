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

import re
from functools import lru_cache

from lxml import etree

from .config import Config
from .errors import InputTooLargeError
from .lines import Line, make_line
from .markup_hints import read_hints
from .page import Page

#: Largest HTML page (in characters) read; beyond it ``InputTooLargeError`` is raised.
MAX_HTML_CHARS = 60_000_000

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

#: Blocks whose text is kept verbatim: whitespace is not collapsed.
VERBATIM_TAGS = frozenset({"pre", "listing", "xmp", "plaintext"})

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

#: Zones within which a ``<header>`` is the article's own header, not the site's.
ARTICLE_ZONES = frozenset({"article", "main"})

#: Attributes that can open a zone (besides the tag itself).
ZONE_ATTRIBUTES = frozenset({
    "role", "hidden", "aria-hidden", "aria-modal", "style", "itemprop", "itemtype",
})

#: Added to a block's zones when its whole text is the text of one link.
LINK_ONLY_ZONE = "a-only"

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ARTICLE_ITEMTYPE = re.compile(r"article|blogposting", re.IGNORECASE)
_ASCII_SPACES = re.compile(r"[ \t\n\r\f]+")
_CLASS_PARTS = re.compile(r"[-_]+")
_CAMEL_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
#: Stands for a ``<br>`` inside collected text until the block is finished; NUL never survives
#: parsing (libxml2 turns it into U+FFFD), so it cannot clash with page text.
_BREAK = "\x00"
_NO_TOKENS: frozenset[str] = frozenset()


def read_html(text: str, url: str | None, config: Config) -> Page:
    """Read an HTML page into lines (one per block) and the hints found in its markup.

    Raises ``InputTooLargeError`` for a page longer than ``MAX_HTML_CHARS`` characters.

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
    root = parse_html(text)
    if root is None:
        return Page([], "html", read_hints(etree.Element("html"), url))
    return Page(read_blocks(root, config), "html", read_hints(root, url))


def parse_html(text: str) -> etree._Element | None:
    """Parse HTML into an lxml tree (``None`` for a page with no elements at all).

    No network access, no external entities; comments and processing instructions are dropped.
    ``huge_tree`` keeps text nodes over 10 MB instead of cutting the document there.

    >>> parse_html("<p>a &amp; b<!-- note --></p>").findtext(".//p")
    'a & b'
    >>> parse_html("  ") is None
    True
    """
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                              no_network=True, recover=True, huge_tree=True)
    return etree.fromstring(text.encode("utf-8", "replace"), parser)


@lru_cache(maxsize=8192)
def split_class_tokens(value: str) -> frozenset[str]:
    """The lower-cased tokens of class/id attribute text: each name, its ``-``/``_`` parts, and
    the words of a camelCase part.

    >>> sorted(split_class_tokens("share-buttons relatedPosts"))
    ['buttons', 'posts', 'related', 'relatedposts', 'share', 'share-buttons']
    """
    tokens = set()
    for name in value.split():
        tokens.add(name.lower())
        for part in _CLASS_PARTS.split(name):
            tokens.add(part.lower())
            if not part.islower() and not part.isupper():
                tokens.update(word.lower() for word in _CAMEL_PARTS.findall(part))
    tokens.discard("")
    return frozenset(tokens)


def read_blocks(root: etree._Element, config: Config) -> list[Line]:
    """The lines of a parsed page, one per block, in document order.

    >>> from stripper.config import Config
    >>> root = parse_html('<nav><ul><li><a href="/">Home</a></li></ul></nav><p>Text</p>')
    >>> [(line.text, sorted(line.zones), line.link_density) for line in read_blocks(root, Config())]
    [('Home', ['a-only', 'list', 'nav'], 1.0), ('Text', [], 0.0)]
    """
    reader = _BlockReader(config)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if tag in SKIP_TAGS:
            if event == "start":
                walker.skip_subtree()
            elif element.tail:
                reader.add(element.tail)
        elif event == "start":
            reader.start(element, tag)
        else:
            reader.end(element, tag)
    reader.flush()
    return reader.lines


class _BlockReader:
    """Collects the text of the open block from walk events and emits a ``Line`` per block."""

    __slots__ = ("config", "lines", "contexts", "owners", "pieces", "link_pieces", "has_text",
                 "pending_break", "links", "number", "last_line", "link_depth", "union_cache",
                 "zone_cache")

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lines: list[Line] = []
        #: (class tokens, zones, starts a block) of every open element, innermost last.
        self.contexts: list[tuple[frozenset[str], frozenset[str], bool]] = [
            (_NO_TOKENS, _NO_TOKENS, True)]
        #: (tag, class tokens, zones, verbatim) of every open block, innermost last.
        self.owners: list[tuple[str, frozenset[str], frozenset[str], bool]] = [
            ("html", _NO_TOKENS, _NO_TOKENS, False)]
        self.pieces: list[str] = []
        self.link_pieces: list[str] = []
        self.has_text = False
        self.pending_break = False
        self.links = 0
        self.number: int | None = None
        self.last_line = 1
        self.link_depth = 0
        self.union_cache: dict = {}
        self.zone_cache: dict = {}

    def add(self, text: str) -> None:
        """Add text to the open block."""
        self.pieces.append(text)
        if self.link_depth:
            self.link_pieces.append(text)
        if not text.isspace():
            self.has_text = True
            self.pending_break = False
            if self.number is None:
                self.number = self.last_line

    def start(self, element: etree._Element, tag: str) -> None:
        """An element opens: work out its context; a block element closes the open block."""
        self.last_line = element.sourceline or self.last_line
        tokens, zones, _ = parent = self.contexts[-1]
        items = element.items()
        if items:
            tokens, zones = self._context(tag, items, parent)
        elif tag in TAG_ZONES or tag in ("header", "footer"):
            zones = self._zones(tag, (), zones)
        inline = tag in INLINE_TAGS or ":" in tag
        is_block = not inline or zones is not parent[1]
        self.contexts.append((tokens, zones, is_block))
        if is_block:
            self.flush()
            verbatim = tag in VERBATIM_TAGS or self.owners[-1][3]
            self.owners.append((tag, tokens, zones, verbatim))
            self.number = element.sourceline or self.last_line
        elif tag == "br":
            self._line_break()
        if tag == "a":
            self.link_depth += 1
            self.links += 1
        if element.text:
            self.add(element.text)

    def end(self, element: etree._Element, tag: str) -> None:
        """An element closes: a block element ends its block; its tail joins the parent's."""
        if self.contexts.pop()[2]:
            self.flush()
            self.owners.pop()
        if tag == "a":
            self.link_depth -= 1
        if element.tail:
            self.add(element.tail)

    def _line_break(self) -> None:
        if not self.has_text:
            return
        if self.pending_break:
            self.flush()
        else:
            self.pieces.append(_BREAK)
            self.pending_break = True

    def _context(self, tag, items, parent):
        tokens, zones, _ = parent
        names = []
        zone_attrs = {}
        for key, value in items:
            if key == "class" or key == "id":
                names.append(value)
            elif key in ZONE_ATTRIBUTES:
                zone_attrs[key] = value
        if names:
            own = split_class_tokens(" ".join(names))
            if own and not own <= tokens:
                key = (tokens, own)
                union = self.union_cache.get(key)
                if union is None:
                    union = self.union_cache[key] = tokens | own
                tokens = union
        if zone_attrs or tag in TAG_ZONES or tag in ("header", "footer"):
            inline = tag in INLINE_TAGS
            zones = self._zones(tag, _attribute_zones(zone_attrs, inline), zones)
        return tokens, zones

    def _zones(self, tag: str, from_attributes: tuple[str, ...], zones: frozenset[str]):
        names = list(from_attributes)
        if tag in TAG_ZONES:
            names.append(TAG_ZONES[tag])
        elif tag == "header" and not zones & ARTICLE_ZONES:
            names.append("header")
        elif tag == "footer":
            names.append("article-footer" if "article" in zones else "footer")
        if not names or zones.issuperset(names):
            return zones
        key = (zones, tuple(names))
        result = self.zone_cache.get(key)
        if result is None:
            result = self.zone_cache[key] = zones.union(names)
        return result

    def flush(self) -> None:
        """Turn the open block's text into a ``Line`` (if it has any) and start a new block."""
        if self.has_text:
            tag, tokens, zones, verbatim = self.owners[-1]
            raw = "".join(self.pieces)
            if verbatim:
                text = raw.replace(_BREAK, "\n").strip("\r\n").rstrip()
            else:
                segments = _ASCII_SPACES.sub(" ", raw).split(_BREAK)
                text = "\n".join(s for s in (seg.strip(" ") for seg in segments) if s)
            if text:
                self._emit(tag, text, tokens, zones)
        self.pieces = []
        self.link_pieces = []
        self.has_text = self.pending_break = False
        self.links = 0
        self.number = None

    def _emit(self, tag: str, text: str, tokens: frozenset[str], zones: frozenset[str]) -> None:
        density = 0.0
        if self.link_pieces:
            link_chars = len(_ASCII_SPACES.sub(" ", "".join(self.link_pieces)).strip())
            density = min(1.0, link_chars / len(text))
            if density == 1.0 and self.links <= 1:
                zones = zones | {LINK_ONLY_ZONE}
        config = self.config
        self.lines.append(make_line(
            self.number or self.last_line, text, limit=config.max_line_chars,
            cjk_chars_per_word=config.cjk_chars_per_word, gap_before=True, tag=tag,
            heading=HEADING_LEVELS.get(tag, 0), link_density=density, class_tokens=tokens,
            zones=zones))


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
    if (attributes.get("itemprop", "").strip().lower() == "articlebody"
            or _ARTICLE_ITEMTYPE.search(attributes.get("itemtype", ""))):
        zones.append("article")
    return tuple(zones)
