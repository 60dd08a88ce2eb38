"""Page-level hints read from markup: titles, site names, dates, the page's address."""

import time

from lxml import etree

from stripper.markup_hints import host_names, load_json, read_hints, split_class_tokens


def hints(html: str, url: str | None = None):
    return read_hints(etree.fromstring(html, etree.HTMLParser()), url)


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


# --- titles ---------------------------------------------------------------------------------

def test_og_title_comes_before_the_html_title():
    result = hints(page('<title>Floods hit Jakarta | Daily News</title>'
                        '<meta property="og:title" content="Floods hit Jakarta">'
                        '<meta name="twitter:title" content="Floods hit Jakarta again">'))
    assert result.titles == ["Floods hit Jakarta", "Floods hit Jakarta again",
                             "Floods hit Jakarta | Daily News"]
    assert result.html_title == "Floods hit Jakarta | Daily News"


def test_og_title_that_is_the_site_name_is_skipped():
    result = hints(page('<title>Floods hit Jakarta - Daily News</title>'
                        '<meta property="og:site_name" content="Daily News">'
                        '<meta property="og:title" content="Daily  news">'))
    assert result.titles == ["Floods hit Jakarta - Daily News"]


def test_article_h1_wins_over_a_logo_h1():
    body = ('<header><h1 class="site-logo"><a href="/"><img src="logo.png" alt="Daily"></a></h1></header>'
            '<article><h1>Floods hit <em>Jakarta</em></h1><p>Text.</p></article>')
    assert hints(page("<title>Floods - Daily</title>", body)).titles == [
        "Floods hit Jakarta", "Floods - Daily"]


def test_h1_with_logo_class_or_site_name_never_counts():
    body = '<h1 id="logo">Daily</h1><div><h1>Floods hit Jakarta</h1></div>'
    assert hints(page(body=body)).titles == ["Floods hit Jakarta"]
    body = '<h1>Daily News</h1>'
    head = '<meta property="og:site_name" content="Daily News">'
    assert hints(page(head, body)).titles == []


def test_page_with_several_h1_outside_an_article_gives_no_h1():
    assert hints(page(body="<h1>One</h1><h1>Two</h1>")).titles == []


def test_h1_in_a_teaser_article_nested_in_the_article_is_not_the_headline():
    body = "<main><article><article><h1>Teaser</h1></article></article><h1>Main</h1></main>"
    assert hints(page(body=body)).titles == ["Main"]


# --- site names -----------------------------------------------------------------------------

def test_site_names_from_metas_json_ld_and_host():
    head = ('<meta property="og:site_name" content="The Daily">'
            '<meta name="application-name" content="Daily App">'
            '<meta name="twitter:site" content="@dailynews">'
            '<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "publisher": {"@type": "Organization", "name": "Daily Media Group"}}</script>')
    assert hints(page(head), "https://www.daily.co.uk/news/1").site_names == [
        "The Daily", "Daily App", "dailynews", "Daily Media Group", "daily.co.uk", "daily"]


def test_host_names():
    assert host_names("https://www.nytimes.com/a") == ["nytimes.com", "nytimes"]
    assert host_names("https://edition.cnn.com/a") == ["edition.cnn.com", "cnn.com", "cnn"]
    assert host_names("http://127.0.0.1:8000/a") == ["127.0.0.1"]
    assert host_names("http://localhost:8000/a") == ["localhost"]
    assert host_names("/relative/path") == [] and host_names(None) == []


# --- url ------------------------------------------------------------------------------------

def test_url_argument_then_canonical_then_og_url():
    head = ('<link rel="Canonical" href="https://daily.com/a-canonical">'
            '<meta property="og:url" content="https://daily.com/a-og">')
    assert hints(page(head), "https://daily.com/given").url == "https://daily.com/given"
    assert hints(page(head)).url == "https://daily.com/a-canonical"
    assert hints(page('<meta property="og:url" content="https://daily.com/a-og">')).url == (
        "https://daily.com/a-og")
    assert hints(page()).url is None


def test_invalid_urls_in_the_page_are_kept_as_text():
    result = hints(page('<meta property="og:url" content="http://[bad">'
                        '<link rel="canonical" href="/a">'))
    assert result.url == "/a" and result.site_names == []
    assert hints(page('<link rel="canonical" href="http://[bad">')).site_names == []


def test_canonical_url_gives_the_host_names():
    assert hints(page('<link rel="canonical" href="https://www.daily.com/a">')).site_names == [
        "daily.com", "daily"]


# --- published and modified dates -----------------------------------------------------------

def test_json_ld_graph_date_published():
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebSite", "name": "Daily"},'
            '{"@type": "WebPage", "datePublished": "2019-11-18T10:00:00+00:00"},'
            '{"@type": ["NewsArticle"], "datePublished": "2019-11-19T13:03:00.000Z",'
            ' "dateModified": "2019-11-20T08:00:00Z"}]}</script>')
    result = hints(page(head))
    assert result.published == ["2019-11-19T13:03:00+00:00", "2019-11-18T10:00:00+00:00"]
    assert result.modified == ["2019-11-20T08:00:00+00:00"]
    assert "Daily" in result.site_names


def test_json_ld_list_and_main_entity():
    head = ('<script type="application/ld+json">[{"@type": "BreadcrumbList"},'
            '{"@type": "WebPage", "mainEntity": {"@type": "http://schema.org/BlogPosting",'
            ' "datePublished": "2020-02-03"}}]</script>')
    assert hints(page(head)).published == ["2020-02-03"]


def test_json_ld_dates_of_mentioned_objects_do_not_count():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "datePublished": "2021-05-06", "isBasedOn": {"@type": "Article",'
            ' "datePublished": "2001-01-01"}}</script>')
    assert hints(page(head)).published == ["2021-05-06"]


def test_invalid_json_ld_is_repaired_or_ignored():
    head = ('<script type="application/ld+json">\n<!--\n{"@type": "NewsArticle",\n'
            '"datePublished": "2021-03-04T05:06:07+07:00",\n"headline": "Tab\tinside",}\n-->\n</script>'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>'
            '<script type="application/ld+json"></script>'
            '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
            '<script type="application/ld+json">{"@type": 5, "publisher": [1, {"name": 2}],'
            ' "datePublished": {"x": 1}}</script>')
    assert hints(page(head)).published == ["2021-03-04T05:06:07+07:00"]
    assert load_json("not json at all") is None


def test_meta_dates_in_order_of_evidence_deduplicated():
    head = ('<meta name="date" content="2019-01-01">'
            '<meta name="PubDate" content="2019-11-19">'
            '<meta property="article:published_time" content="2019-11-19T13:03:00Z">'
            '<meta property="og:published_time" content="2019-11-19T13:03:00+00:00">'
            '<meta name="sailthru.date" content="not a date">'
            '<meta property="article:modified_time" content="2019-11-21T00:00:00Z">'
            '<meta http-equiv="last-modified" content="2019-11-22">')
    result = hints(page(head))
    assert result.published == ["2019-11-19T13:03:00+00:00", "2019-11-19", "2019-01-01"]
    assert result.modified == ["2019-11-21T00:00:00+00:00", "2019-11-22"]


def test_json_ld_article_date_comes_before_metas():
    head = ('<meta property="article:published_time" content="2019-11-19">'
            '<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "datePublished": "2019-11-18"}</script>')
    assert hints(page(head)).published == ["2019-11-18", "2019-11-19"]


def test_time_in_the_article_counts_but_not_in_a_related_aside():
    body = ('<article><header><time datetime="2020-01-02T09:30:00+07:00">2 Jan</time></header>'
            '<p>Text.</p><aside><time datetime="2019-05-05">older story</time></aside>'
            '<div class="related-posts"><time datetime="2019-06-06">x</time></div>'
            '</article><main><footer><time datetime="2019-07-07">x</time></footer></main>'
            '<nav><time datetime="2019-08-08">x</time></nav>'
            '<time datetime="2019-09-09">outside any article</time>')
    assert hints(page(body=body)).published == ["2020-01-02T09:30:00+07:00"]


def test_article_footer_microdata_counts():
    body = ('<article itemscope itemtype="http://schema.org/NewsArticle"><p>Text.</p><footer>'
            '<meta itemprop="datePublished" content="2019-11-20T01:22:37-05:00"></footer></article>'
            '<footer><article><time datetime="2018-01-01">x</time></article></footer>')
    assert hints(page(body=body)).published == ["2019-11-20T01:22:37-05:00"]


def test_wordpress_time_classes():
    body = ('<article><time class="entry-date published updated" datetime="2020-07-01">x</time>'
            '<time itemprop="dateCreated" class="entry-date updated" datetime="2020-07-02">x</time>'
            '<time class="updated" datetime="2020-07-03">x</time></article>')
    result = hints(page(body=body))
    assert result.published == ["2020-07-02", "2020-07-01"] and result.modified == ["2020-07-03"]


def test_explicit_published_time_comes_first_and_updated_time_is_modified():
    body = ('<main><time datetime="2020-01-01">shown</time>'
            '<span itemprop="datePublished" content="2020-01-02">2 Jan</span>'
            '<time class="updated" datetime="2020-01-05">updated</time>'
            '<time itemprop="dateModified" datetime="2020-01-06">updated</time></main>')
    result = hints(page(body=body))
    assert result.published == ["2020-01-02", "2020-01-01"]
    assert result.modified == ["2020-01-06", "2020-01-05"]


def test_time_in_a_nested_teaser_article_does_not_count():
    body = ('<article><time pubdate datetime="2020-03-03">x</time>'
            '<article><time datetime="2018-01-01">teaser</time></article></article>')
    assert hints(page(body=body)).published == ["2020-03-03"]


def test_microdata_article_counts_as_the_article():
    body = ('<div itemscope itemtype="http://schema.org/NewsArticle">'
            '<meta itemprop="datePublished" content="2020-04-04">'
            '<time datetime="2020-04-05">x</time></div>')
    assert hints(page(body=body)).published == ["2020-04-04", "2020-04-05"]


def test_itemprop_metas_count_in_the_head_and_in_the_article_only():
    head = '<meta itemprop="datePublished" content="2020-06-01">'
    body = ('<article><meta itemprop="datePublished" content="2020-06-02"></article>'
            '<aside><div itemscope itemtype="https://schema.org/NewsArticle">'
            '<meta itemprop="datePublished" content="2011-01-01"></div></aside>')
    assert hints(page(head, body)).published == ["2020-06-01", "2020-06-02"]


def test_hatom_abbr_published():
    body = '<abbr class="published" title="2008-07-01T10:00:00Z">July 1</abbr><abbr title="x">y</abbr>'
    assert hints(page(body=body)).published == ["2008-07-01T10:00:00+00:00"]


def test_page_class_names_do_not_hide_the_article_date():
    body = ('<div class="comments-open"><article><time datetime="2020-05-05">x</time>'
            '</article></div>')
    html = f'<html><body class="single comments-open">{body}</body></html>'
    assert hints(html).published == []
    assert hints('<html><body class="single comments-open"><article>'
                 '<time datetime="2020-05-05">x</time></article></body></html>').published == [
        "2020-05-05"]


def test_empty_page_gives_empty_hints():
    result = hints("<html></html>")
    assert (result.titles, result.site_names, result.published, result.modified, result.url,
            result.html_title) == ([], [], [], [], None, None)


def test_svg_title_is_not_the_page_title():
    assert hints(page(body="<svg><title>Icon</title></svg>")).html_title is None


def test_class_tokens():
    assert split_class_tokens("HTMLContent nav__item--active") == {
        "htmlcontent", "html", "content", "nav__item--active", "nav", "item", "active"}


def test_many_dated_elements_deep_in_the_tree_are_weighed_quickly():
    html = ("<html><body><article>" + "<div class='x'>" * 2000
            + "<time datetime='2020-01-01'>x</time>" * 100_000 + "<h1>t</h1>" * 1000
            + "</div>" * 2000 + "</article></body></html>")
    tree = etree.fromstring(html, etree.HTMLParser(huge_tree=True))
    start = time.process_time()
    assert read_hints(tree, None).published == ["2020-01-01"]
    assert time.process_time() - start < 5.0
