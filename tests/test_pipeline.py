"""``clean()`` end to end on small real-shaped pages: the fetch date, the URL date, kinds."""

import json

import pytest

import stripper

PROSE = "The council voted on Tuesday to extend the night bus service, officials said. " * 4
DUMP = f"Night Buses Extended\nMonday, 20 January 2025 10:00 WIB\n\n{PROSE}\n"


def test_dateline_is_read_with_its_zone():
    assert stripper.clean(DUMP).date == "2025-01-20T10:00:00+07:00"


def test_no_date_after_the_fetch_is_the_pages():
    assert stripper.clean(DUMP, fetched="2024-06-01T08:00:00Z").date is None
    assert stripper.clean(DUMP, fetched="2025-01-21T08:00:00Z").date == "2025-01-20T10:00:00+07:00"


def test_html_takes_the_url_date_before_a_dateline():
    page = (f"<html><body><h1>Night Buses Extended</h1><p>Monday, 20 January 2025</p>"
            f"<p>{PROSE}</p></body></html>")
    doc = stripper.clean(page, url="https://example.com/2025/01/19/night-buses")
    assert (doc.kind, doc.date) == ("html", "2025-01-19")


def test_text_dump_takes_its_dateline_before_the_url_date():
    doc = stripper.clean(DUMP, url="https://example.com/2025/01/19/night-buses")
    assert (doc.kind, doc.date) == ("text", "2025-01-20T10:00:00+07:00")


def rules_of(doc):
    return {r.text: r.rule for r in doc.removed}


def test_block_outside_the_article_body_is_voted_out():
    page = ('<html><body><div class="entry-content">' + f"<p>{PROSE}</p>" * 3 + "</div>"
            '<div><p>Three more stories you will like this week</p></div></body></html>')
    doc = stripper.clean(page)
    assert len(doc.body) == 3
    assert rules_of(doc)["Three more stories you will like this week"] == "dom.outside-body"


def test_short_block_between_paragraphs_without_the_articles_markup_is_dropped():
    page = (f"<html><body><article><p>{PROSE}</p></article><div>Tap to enlarge</div>"
            f"<article><p>{PROSE} Again.</p></article></body></html>")
    doc = stripper.clean(page)
    assert len(doc.body) == 2
    assert rules_of(doc)["Tap to enlarge"] == "dom.off-article"


def test_a_short_paragraph_inside_the_article_stays():
    page = (f"<html><body><article><p>{PROSE}</p><p>It did not.</p><p>{PROSE} Again.</p>"
            "</article></body></html>")
    assert stripper.clean(page).body[1] == "It did not."


def test_a_caption_sentence_inside_the_article_is_voted_out():
    caption = "Council members vote on the night bus plan at City Hall on Tuesday, Jan. 21, 2025."
    page = ('<html><body><div class="entry-content">' + f"<p>{PROSE}</p>" * 2
            + f'<div class="caption">{caption}</div>' + f"<p>{PROSE}</p>" * 2
            + "</div></body></html>")
    doc = stripper.clean(page)
    assert len(doc.body) == 4
    assert rules_of(doc)[caption] == "dom.class-hint"


def test_a_link_rich_paragraph_inside_the_article_stays():
    linked = f'<p><a href="/a">{PROSE}</a></p>'
    page = ('<html><body><div class="entry-content">' + f"<p>{PROSE}</p>" * 2 + linked
            + f"<p>{PROSE}</p>" * 2 + "</div></body></html>")
    assert len(stripper.clean(page).body) == 5


def test_a_headline_block_is_not_body():
    page = ('<html><body><article><p>{0}</p><div class="card-headline">Night buses to run '
            'all week in the eastern suburbs</div><p>{0} Again.</p></article></body></html>'
            ).format(PROSE)
    doc = stripper.clean(page)
    assert rules_of(doc)["Night buses to run all week in the eastern suburbs"] == "dom.class-hint"


def test_an_embedded_posts_attribution_stays_with_the_post():
    attribution = "— City Council (@citycouncil) January 20, 2025"
    page = (f"<html><body><article><p>{PROSE}</p><blockquote><p>Night buses start Monday.</p>"
            f"<p>{attribution}</p></blockquote><p>{PROSE} Again.</p></article></body></html>")
    doc = stripper.clean(page)
    assert attribution in doc.body
    assert "Night buses start Monday." in doc.body


def test_an_article_that_is_a_list_is_taken_from_the_marked_body_element():
    rows = "".join(f"<p>Round {n}: {n + 9} March – Interlagos circuit, São Paulo</p>"
                   for n in range(1, 9))
    page = ('<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            '<h1>Race calendar 2025</h1><div itemprop="articleBody">'
            f"{rows}</div><footer><p>Contact</p></footer></body></html>")
    doc = stripper.clean(page)
    assert doc.body == [f"Round {n}: {n + 9} March – Interlagos circuit, São Paulo" for n in range(1, 9)]


def test_a_page_with_too_little_prose_and_no_marked_body_has_no_article():
    rows = "".join(f"<p>Round {n}: {n + 9} March – Interlagos circuit, São Paulo</p>"
                   for n in range(1, 9))
    assert stripper.clean(f"<html><body><div>{rows}</div></body></html>").body == []


def test_a_related_heading_in_html_removes_its_titles_across_kickers_up_to_the_next_paragraph():
    rail = ('<h3>Most read in world news</h3>'
            '<h3 class="headline">RANDY ANDY</h3><div>Prince parties in unearthed pics despite his claims</div>'
            '<h3 class="headline">TIME TRAVELLER</h3><div>Theorists spot a tourist in a 120-year-old photo</div>')
    page = ('<html><body><div class="entry-content">' + f"<p>{PROSE}</p>" * 2 + rail
            + f"<p>{PROSE} Again.</p></div></body></html>")
    doc = stripper.clean(page)
    rules = rules_of(doc)
    assert rules["Prince parties in unearthed pics despite his claims"] == "nav.read-also-run"
    assert rules["Theorists spot a tourist in a 120-year-old photo"] == "nav.read-also-run"
    assert doc.body[-1] == PROSE.strip() + " Again."


def test_a_related_list_in_html_ends_at_the_articles_next_subheading():
    page = ('<html><body><div class="entry-content">' + f"<p>{PROSE}</p>" * 2
            + '<p>Related articles</p><ul><li><a href="/a">Water levels fall in the eastern wells</a></li>'
            '<li>Solar projects spread across the region</li>'
            '<li>Could the region run out of water by 2030?</li></ul>'
            '<h2>Plans to expand</h2>' + f"<p>{PROSE} Again.</p></div></body></html>")
    doc = stripper.clean(page)
    assert rules_of(doc)["Solar projects spread across the region"] == "nav.read-also-run"
    # A question mark does not end the run: a list item under the label is a title, not prose.
    assert rules_of(doc)["Could the region run out of water by 2030?"] == "nav.read-also-run"
    assert "Plans to expand" in doc.body


def test_body_before_the_headline_inside_the_span_is_header():
    ticker = "".join(f"<li>Story {n} headline NEW DELHI: {PROSE}</li>" for n in range(3))
    page = (f'<html><head><meta property="og:title" content="Night Buses Extended"></head><body>'
            f'<ul class="ticker">{ticker}</ul><h2>Night Buses Extended</h2>'
            f'<p>{PROSE}</p><p>{PROSE} Again.</p></body></html>')
    doc = stripper.clean(page)
    assert doc.title == "Night Buses Extended"
    assert doc.body == [PROSE.strip(), PROSE.strip() + " Again."]
    assert {r.rule for r in doc.removed if r.text.startswith("Story")} == {"zone.header"}


SENTENCES = {
    # Scripts with their own full stop: Hindi (danda), Urdu, Amharic, Armenian, Myanmar, Khmer.
    "hi": "दिल्ली सरकार ने मंगलवार को रात की बस सेवा को सुबह दो बजे तक बढ़ाने का फैसला किया है, "
          "अधिकारियों ने बैठक के बाद यह जानकारी दी। ",
    "ur": "شہر کی کونسل نے منگل کو رات کی بس سروس کو صبح دو بجے تک بڑھانے کا فیصلہ کیا ہے، "
          "حکام نے اجلاس کے بعد بتایا۔ ",
    "am": "የከተማው ምክር ቤት ማክሰኞ የሌሊት አውቶቡስ አገልግሎትን እስከ ሌሊቱ ስምንት ሰዓት ድረስ ለማራዘም "
          "መወሰኑን ባለስልጣናት ከስብሰባው በኋላ ተናግረዋል። ",
    "hy": "Քաղաքային խորհուրդը երեքշաբթի որոշեց երկարացնել գիշերային ավտոբուսների "
          "ծառայությունը մինչև առավոտյան ժամը երկուսը, հայտնել են պաշտոնյաները։ ",
    "my": "မြို့တော်ကောင်စီသည် အင်္ဂါနေ့တွင် ညဘတ်စ်ကားဝန်ဆောင်မှုကို နံနက်နှစ်နာရီအထိ "
          "တိုးချဲ့ရန် ဆုံးဖြတ်ခဲ့ကြောင်း တာဝန်ရှိသူများက ပြောကြားခဲ့သည်။ ",
    "km": "ក្រុមប្រឹក្សាក្រុងបានសម្រេចកាលពីថ្ងៃអង្គារ ពង្រីកសេវាឡានក្រុងពេលយប់រហូតដល់ម៉ោងពីរទៀបភ្លឺ "
          "នេះបើតាមមន្ត្រី។ ",
    # Thai marks no sentence end: a space separates its sentences.
    "th": "กรุงเทพมหานครประกาศขยายเวลาให้บริการรถโดยสารประจำทางในช่วงกลางคืนจนถึงเวลาตีสอง "
          "เพื่อรองรับผู้ที่ทำงานกะดึกและนักศึกษาที่เดินทางกลับบ้านดึก ",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_articles_in_scripts_with_their_own_sentence_ends_are_found(lang):
    paragraphs = [(SENTENCES[lang] * n).strip() for n in (2, 3, 2)]
    dump = "Home\nNews\nSport\n\nNight buses\n\n" + "\n\n".join(paragraphs) + "\n\nContact\n"
    assert stripper.clean(dump).body == paragraphs


def test_a_data_table_in_the_article_keeps_its_times_and_dates():
    table = ("<table><tr><th>Route</th><th>Last bus</th><th>First bus</th></tr>"
             "<tr><td>12</td><td>02:00</td><td>05:30</td></tr>"
             "<tr><td>40</td><td>01:40</td><td>05:10</td></tr>"
             "<tr><td>N1</td><td>from 1 March 2024</td><td>05:00</td></tr></table>")
    page = f"<html><body><article><p>{PROSE}</p>{table}<p>{PROSE} Again.</p></article></body></html>"
    body = stripper.clean(page).body
    assert body[1:13] == ["Route", "Last bus", "First bus", "12", "02:00", "05:30", "40", "01:40",
                          "05:10", "N1", "from 1 March 2024", "05:00"]


def test_a_lone_label_cell_between_paragraphs_is_still_clutter():
    page = (f"<html><body><table><tr><td><p>{PROSE}</p></td></tr><tr><td>Advertisement</td></tr>"
            f"<tr><td><p>{PROSE} Again.</p></td></tr></table></body></html>")
    doc = stripper.clean(page)
    assert "Advertisement" not in doc.body and len(doc.body) == 2


def test_a_page_its_scripts_render_gets_its_body_from_json_ld():
    story = ["The council voted on Tuesday to extend the night bus service until two in the "
             "morning, officials said.",
             "Mayor Jane Doe said the change would help shift workers and students who travel "
             "home late, and cost about 2.4 million euros a year."] * 2
    ld = json.dumps({"@type": "NewsArticle", "headline": "Night buses extended",
                     "datePublished": "2025-01-21T10:00:00+01:00", "articleBody": "\n".join(story)})
    shell = (f'<html><head><script type="application/ld+json">{ld}</script></head>'
             '<body><div id="root">Loading…</div><script src="/app.js"></script></body></html>')
    doc = stripper.clean(shell)
    assert doc.body == story
    assert doc.date == "2025-01-21T10:00:00+01:00"


def test_json_ld_article_body_does_not_replace_the_pages_own_text():
    ld = json.dumps({"@type": "NewsArticle", "articleBody": "A summary only. " * 30})
    page = (f'<html><head><script type="application/ld+json">{ld}</script></head>'
            f"<body><article><p>{PROSE}</p><p>{PROSE} Again.</p></article></body></html>")
    doc = stripper.clean(page)
    assert len(doc.body) == 2 and "A summary only." not in doc.text


def test_the_authors_sign_off_after_the_article_is_a_byline():
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Thanh Hà"}})
    page = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f"<article><p>{PROSE}</p><p>{PROSE} Again.</p><p><strong>THANH HÀ</strong></p>"
            "</article></body></html>")
    doc = stripper.clean(page)
    assert len(doc.body) == 2
    assert rules_of(doc)["THANH HÀ"] == "byline.signoff"


def test_a_closing_sentence_that_names_the_author_stays():
    page = ('<html><head><meta name="author" content="Thanh Hà"></head><body>'
            f"<article><p>{PROSE}</p><p>{PROSE} Again.</p><p>Thanh Hà reported from Hanoi.</p>"
            "</article></body></html>")
    assert stripper.clean(page).body[-1] == "Thanh Hà reported from Hanoi."


def test_the_author_box_after_the_article_is_not_body():
    bio = "Jane Doe covers transport for the Daily. She joined the paper in 2014 and lives in Leeds."
    doc = stripper.clean(DUMP + f"\n{PROSE}\n\nAbout the Author\n\n{bio}\n")
    assert doc.body == [PROSE.strip(), PROSE.strip()]
    assert ("About the Author", "byline.author-box") in [(r.text, r.rule) for r in doc.removed]
    assert bio in [r.text for r in doc.removed]


def test_every_entry_of_a_live_blog_is_body_and_its_comments_are_not():
    entries = "".join(
        f'<div class="live-entry" id="entry-{n}"><p><time datetime="2025-01-20T{14 - n:02}:05:00Z">'
        f'20 January 2025, {14 - n:02}:05 GMT</time></p><p>Update {n}: {PROSE}</p></div>'
        for n in range(8))
    page = (f"<html><body><nav><a href='/'>Home</a></nav><main><h1>Night buses: live</h1>"
            f"<div class='live-blog'>{entries}</div><section class='comments'><h2>Comments</h2>"
            f"<p>Great news for shift workers, the council finally listened to us after years "
            f"of campaigning.</p></section></main></body></html>")
    doc = stripper.clean(page)
    assert doc.body == [f"Update {n}: {PROSE.strip()}" for n in range(8)]
