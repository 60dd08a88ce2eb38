"""The HTML reader: blocks, their text, their DOM evidence, and hostile input."""

import time

import pytest

from stripper.config import Config
from stripper.errors import InputTooLargeError
from stripper.read_html import MAX_HTML_CHARS, collapse_spaces, read_html

CONFIG = Config()
#: Hostile inputs must be read (or refused) within this many seconds.
HOSTILE_SECONDS = 5.0


def read(html: str):
    return read_html(html, None, CONFIG).lines


def texts(html: str) -> list[str]:
    return [line.text for line in read(html)]


def timed(html: str):
    start = time.process_time()
    try:
        return read_html(html, None, CONFIG), time.process_time() - start
    except InputTooLargeError:
        return None, time.process_time() - start


# --- blocks ---------------------------------------------------------------------------------

def test_one_line_per_paragraph_and_heading_in_document_order():
    html = """<html><body>
    <h1>Council approves new budget</h1>
    <p>The city council voted 7-2 on Tuesday.</p>
    <h2>What changes</h2>
    <p>Parks get <b>more</b> money.</p>
    </body></html>"""
    assert texts(html) == ["Council approves new budget", "The city council voted 7-2 on Tuesday.",
                           "What changes", "Parks get more money."]
    assert [(line.tag, line.heading) for line in read(html)] == [
        ("h1", 1), ("p", 0), ("h2", 2), ("p", 0)]


def test_list_items_definition_terms_and_captions_are_blocks():
    html = """<ul><li>First point</li><li>Second <em>point</em></li></ul>
    <dl><dt>Term</dt><dd>Definition</dd></dl>
    <figure><img src="a.jpg"><figcaption>A photo caption</figcaption></figure>
    <table><caption>Table title</caption></table><address>1 Main St</address>"""
    assert texts(html) == ["First point", "Second point", "Term", "Definition",
                           "A photo caption", "Table title", "1 Main St"]


def test_div_with_direct_text_splits_on_double_br():
    html = '<div class="txt">Para one<br><br>Para two<br> <br>\n<br>Para three</div>'
    assert texts(html) == ["Para one", "Para two", "Para three"]
    assert {line.tag for line in read(html)} == {"div"}


def test_single_br_is_a_newline_inside_the_line():
    assert texts("<p>Jalan Sudirman 1<br>Jakarta</p>") == ["Jalan Sudirman 1\nJakarta"]
    assert texts("<p><br>Leading and trailing<br></p>") == ["Leading and trailing"]


def test_text_around_a_nested_block_is_split_in_document_order():
    html = "<div>Intro <b>bold</b><p>Inner paragraph</p>tail text</div>"
    assert texts(html) == ["Intro bold", "Inner paragraph", "tail text"]


def test_blockquote_with_paragraphs_gives_the_paragraphs():
    html = "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote><blockquote>Direct quote</blockquote>"
    lines = read(html)
    assert [(line.tag, line.text) for line in lines] == [
        ("p", "Quoted one."), ("p", "Quoted two."), ("blockquote", "Direct quote")]
    assert all("blockquote" in line.zones for line in lines)


def test_each_table_cell_is_a_line():
    html = "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Persib</td><td>42</td></tr></table>"
    lines = read(html)
    assert [(line.tag, line.text) for line in lines] == [
        ("th", "Team"), ("th", "Points"), ("td", "Persib"), ("td", "42")]
    assert all("table" in line.zones for line in lines)


def test_pre_keeps_its_whitespace_verbatim():
    html = "<pre>def f(x):\n    return  x * 2\n\n<b>print</b>(f(1))\n</pre>"
    assert texts(html) == ["def f(x):\n    return  x * 2\n\nprint(f(1))"]


def test_whitespace_collapses_but_nbsp_stays():
    assert texts("<p>  Two \t\n words&nbsp;&nbsp;here  </p>") == ["Two words\xa0\xa0here"]
    assert collapse_spaces(" a\r\n\f b ") == " a b "


def test_entities_are_decoded():
    assert texts("<p>Fish &amp; chips &lt;3 &eacute;t&eacute; &#8212; &#x41;</p>") == [
        "Fish & chips <3 été — A"]


def test_nested_lists_keep_document_order():
    html = "<ul><li>Item one<ul><li>Sub item</li></ul>back in one</li><li>Item two</li></ul>"
    assert texts(html) == ["Item one", "Sub item", "back in one", "Item two"]


def test_charset_declarations_in_the_text_are_ignored():
    html = ('<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta http-equiv="Content-Type"'
            ' content="text/html; charset=windows-1251"></head><body><p>café Привет 東京</p></body></html>')
    assert texts(html) == ["café Привет 東京"]


def test_empty_and_whitespace_blocks_give_no_line():
    assert texts("<div> </div><p>&#32;</p><p></p><p><img src=x></p><p>Real</p>") == ["Real"]


def test_empty_page_gives_no_lines():
    page = read_html("", "https://example.com/a", CONFIG)
    assert page.lines == [] and page.kind == "html"
    assert page.hints.url == "https://example.com/a"


# --- never text -----------------------------------------------------------------------------

def test_scripts_styles_svg_comments_and_controls_are_never_text():
    html = """<html><head><title>T</title><style>p { color: red }</style></head><body>
    <p>Before<script>var secret = "script text";</script> after</p>
    <!-- a comment -->
    <svg><text>svg text</text><title>svg title</title></svg>
    <math><mi>x</mi></math>
    <template><p>template text</p></template>
    <iframe>iframe text</iframe>
    <select><option>Option one</option></select><textarea>typed</textarea>
    <?php echo "pi"; ?>
    <p>End</p></body></html>"""
    assert texts(html) == ["Before after", "End"]


def test_noscript_and_button_text_is_kept_with_a_zone():
    html = "<noscript><p>Please enable JavaScript.</p></noscript><p>Body <button>Share</button></p>"
    lines = read(html)
    assert [line.text for line in lines] == ["Please enable JavaScript.", "Body", "Share"]
    assert "noscript" in lines[0].zones
    assert "button" in lines[2].zones and "button" not in lines[1].zones


# --- evidence -------------------------------------------------------------------------------

def test_source_line_numbers_point_into_the_file():
    html = "<html>\n<body>\n<p>First</p>\n\n<p>\nSecond</p>\n<div>A<br><br>\nB</div>\n</body></html>"
    assert [(line.number, line.text) for line in read(html)] == [
        (3, "First"), (5, "Second"), (7, "A"), (7, "B")]


def test_class_tokens_split_dashes_underscores_and_camel_case_and_inherit():
    html = ('<body class="single"><div id="relatedPosts" class="share-buttons post__list">'
            '<p class="item">Read this</p></div></body>')
    tokens = read(html)[0].class_tokens
    assert {"single", "relatedposts", "related", "posts", "share-buttons", "share", "buttons",
            "post__list", "post", "list", "item"} <= tokens


def test_link_density_counts_only_link_characters():
    line = read('<p>Read more: <a href="/x">the full report</a></p>')[0]
    assert line.link_density == pytest.approx(len("the full report") / len("Read more: the full report"))
    assert read("<p>No links here.</p>")[0].link_density == 0.0


def test_blocks_inside_a_card_link_are_all_link():
    lines = read('<a href="/story"><h3>Card title</h3><p>Card teaser text.</p></a>')
    assert [(line.link_density, "a-only" in line.zones) for line in lines] == [(1.0, True), (1.0, True)]


def test_a_only_marks_a_block_that_is_one_link():
    lines = read('<li><a href="/a">Politics</a></li><li><a href="/b">A</a> <a href="/c">B</a></li>'
                 '<p>Text <a href="/d">link</a></p>')
    assert ["a-only" in line.zones for line in lines] == [True, False, False]


@pytest.mark.parametrize("html, zone", [
    ('<nav><a href="/">Home</a></nav>', "nav"),
    ('<div role="navigation">Menu</div>', "nav"),
    ('<ul role="menubar"><li>Item</li></ul>', "nav"),
    ("<header>Site header</header>", "header"),
    ('<div role="banner">Banner</div>', "header"),
    ("<footer>Copyright 2024</footer>", "footer"),
    ('<div role="contentinfo">Contact</div>', "footer"),
    ("<article><p>Body</p><footer>Tags: x</footer></article>", "article-footer"),
    ("<aside>Most read</aside>", "aside"),
    ('<div role="complementary">Related</div>', "aside"),
    ('<form><label>Email</label></form>', "form"),
    ('<figure><figcaption>Caption</figcaption></figure>', "figure"),
    ('<div hidden>Secret</div>', "hidden"),
    ('<div aria-hidden="true">Decor</div>', "hidden"),
    ('<div style="color: red; DISPLAY : none">Gone</div>', "hidden"),
    ('<div style="visibility:hidden">Gone</div>', "hidden"),
    ("<article><p>Body</p></article>", "article"),
    ('<div itemprop="articleBody"><p>Body</p></div>', "article"),
    ('<div itemscope itemtype="https://schema.org/NewsArticle"><p>Body</p></div>', "article"),
    ('<div role="main"><p>Body</p></div>', "main"),
    ("<main><p>Body</p></main>", "main"),
    ("<ol><li>Step</li></ol>", "list"),
    ("<dialog><p>Subscribe!</p></dialog>", "dialog"),
    ('<div role="alertdialog">Cookies</div>', "dialog"),
    ('<div aria-modal="true">Modal</div>', "dialog"),
])
def test_zones(html, zone):
    lines = read(html)
    assert any(zone in line.zones for line in lines), [(line.text, line.zones) for line in lines]


def test_header_and_footer_inside_the_article_are_not_site_zones():
    html = "<article><header><h1>Headline</h1></header><p>Body</p><footer>Share</footer></article>"
    headline, _, share = read(html)
    assert "header" not in headline.zones and "article" in headline.zones
    assert "footer" not in share.zones and "article-footer" in share.zones
    html = "<main><header><h1>Headline</h1></header></main><header>Site</header>"
    assert ["header" in line.zones for line in read(html)] == [False, True]


def test_zones_are_inherited_and_plain_blocks_have_none():
    lines = read("<footer><div><ul><li>About</li></ul></div></footer><p>Prose.</p>")
    assert lines[0].zones == {"footer", "list"}
    assert lines[1].zones == frozenset() and lines[1].class_tokens == frozenset()


def test_hidden_inline_text_becomes_its_own_hidden_line():
    lines = read('<p>Visible <span style="display:none">hidden seo text</span> end</p>')
    assert [(line.text, "hidden" in line.zones) for line in lines] == [
        ("Visible", False), ("hidden seo text", True), ("end", False)]


def test_aria_hidden_inline_icons_stay_in_the_paragraph():
    assert texts('<p>Next page <span aria-hidden="true">→</span></p>') == ["Next page →"]


def test_word_processor_inline_tags_do_not_split_paragraphs():
    assert texts("<p>One<o:p></o:p> two</p>") == ["One two"]


def test_custom_elements_start_blocks():
    assert texts("<div><my-card>Card one</my-card><my-card>Card two</my-card></div>") == [
        "Card one", "Card two"]


def test_small_news_page_evidence():
    html = """<!DOCTYPE html><html><head><title>Rates rise - Daily</title>
    <meta property="og:title" content="Rates rise"></head>
    <body class="single-post">
    <header class="site-header"><nav class="main-menu"><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
    <main><article class="post"><h1 class="entry-title">Rates rise</h1>
      <p>The central bank raised rates by a quarter point on Thursday, its third rise this year.</p>
    </article></main>
    <footer class="site-footer"><p>&copy; 2024 Daily</p></footer></body></html>"""
    page = read_html(html, None, CONFIG)
    by_text = {line.text: line for line in page.lines}
    assert by_text["Home"].zones == {"header", "nav", "list", "a-only"}
    assert {"entry-title", "post", "single"} <= by_text["Rates rise"].class_tokens
    assert by_text["Rates rise"].heading == 1
    assert {"article", "main"} <= by_text["Rates rise"].zones
    assert "footer" in by_text["© 2024 Daily"].zones
    assert page.hints.titles[0] == "Rates rise"


# --- hostile input --------------------------------------------------------------------------

def test_200k_nested_divs_do_not_crash():
    html = "<html><body><p>before</p>" + "<div>" * 200_000 + "deep" + "</div>" * 200_000 + "</body></html>"
    page, seconds = timed(html)
    assert page is not None and seconds < HOSTILE_SECONDS
    assert page.lines[0].text == "before"


def test_300k_links_in_one_paragraph():
    html = "<html><body><p>" + '<a href="/x">link</a> ' * 300_000 + "</p></body></html>"
    page, seconds = timed(html)
    assert seconds < HOSTILE_SECONDS
    (line,) = page.lines
    assert line.link_density > 0.75 and line.text.startswith("link link")


def test_50mb_paragraph_is_read_in_seconds():
    html = "<html><body><p>" + "word \n  " * 6_000_000 + "</p><p>after</p></body></html>"
    page, seconds = timed(html)
    assert seconds < HOSTILE_SECONDS
    assert [len(line.text) for line in page.lines] == [5 * 6_000_000 - 1, 5]


def test_50mb_page_of_inline_data_is_read_in_seconds():
    blob = '{"k": "value", "n": [1, 2, 3]}, ' * 1_600_000
    html = f'<html><body><p>Article text.</p><script>var data = [{blob}];</script><p>End.</p></body></html>'
    assert len(html) > 50_000_000
    page, seconds = timed(html)
    assert seconds < HOSTILE_SECONDS
    assert [line.text for line in page.lines] == ["Article text.", "End."]


def test_50mb_of_dense_markup_is_refused_in_seconds():
    html = "<html><body>" + "<div><p>x</p></div>" * 2_700_000 + "</body></html>"
    assert len(html) > 50_000_000
    page, seconds = timed(html)
    assert page is None and seconds < HOSTILE_SECONDS


def test_many_blocks_below_the_tag_check_are_refused_while_walking():
    html = "<html><body>" + "<p>x</p>" * 150_000 + "</body></html>"
    page, seconds = timed(html)
    assert page is None and seconds < HOSTILE_SECONDS


def test_a_page_over_the_size_limit_is_refused_with_one_line():
    with pytest.raises(InputTooLargeError) as error:
        read_html("<p>" + "x" * MAX_HTML_CHARS + "</p>", None, CONFIG)
    assert "\n" not in str(error.value) and "60,000,007" in str(error.value)


def test_external_entities_are_never_resolved():
    html = ('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            "<html><body><p>a &e; b</p></body></html>")
    joined = "\n".join(texts(html))
    assert "root:" not in joined and "a &e; b" in joined


def test_internal_entity_expansion_is_not_performed():
    doctype = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>"
    page, seconds = timed(doctype + "<html><body><p>&i;</p></body></html>")
    assert seconds < HOSTILE_SECONDS
    assert "&i;" in [line.text for line in page.lines]
