"""Headline and date picking on text dumps (``stripper.extract``), through ``clean()``."""

import stripper
from stripper.extract import _repeated
from stripper.config import Config
from stripper.lines import make_line

CONFIG = Config()

PROSE = ("The council voted on Tuesday to extend the night bus service until two in the "
         "morning, officials said after the meeting. ")
BODY = "\n\n".join([PROSE * 3, PROSE * 2, PROSE * 3])


def dump(*header: str) -> str:
    return "\n".join(["Home", "News", "Sport", *header]) + "\n\n" + BODY + "\n"


def test_the_headline_comes_before_its_standfirst_and_caption():
    doc = stripper.clean(dump(
        "World",
        "Night buses will run until 2 a.m., council says",
        "The city's transport committee backed the plan on Tuesday after a year of complaints "
        "from shift workers, students and the owners of late-night restaurants",
        "A night bus waits at the central station in the early hours of Tuesday morning, when "
        "the last trains have gone.Leonhard Foeger / Reuters file",
        "Nov. 20, 2019, 9:28 AM UTC",
        "By Jane Doe"))
    assert doc.title == "Night buses will run until 2 a.m., council says"


def test_the_headline_has_its_byline_under_it_a_teaser_above_it_does_not():
    doc = stripper.clean(dump(
        "Black Friday 2019: Grab the hottest early deals on laptops here",
        "Night buses will run until two in the morning",
        "Jane Doe",
        "November 19th, 2019 at 8:40 AM"))
    assert doc.title == "Night buses will run until two in the morning"


def test_a_web_address_is_never_the_headline():
    doc = stripper.clean(dump(
        "https://www.example.com/news/article/night-buses-will-run-until-two-14848175.php",
        "Night buses run late",
        "Updated 11:21 pm CST, Tuesday, November 19, 2019"))
    assert doc.title == "Night buses run late"


def test_a_widget_line_twice_in_the_header_is_not_a_repeated_headline():
    doc = stripper.clean(dump(
        "Night buses will run until two in the morning",
        "Nov 19, 2019",
        "Share this with Facebook",
        "These are external links and will open in a new window",
        "Share this with Twitter",
        "These are external links and will open in a new window"))
    assert doc.title == "Night buses will run until two in the morning"


def test_where_a_repetition_counts_for_a_headline():
    def line(text):
        return make_line(1, text, limit=999, cjk_chars_per_word=2)

    texts = ["menu", "night buses run late", "night buses run late", "share", "widget text here now",
             "home > news > night buses run late", "widget text here now", "body", "body"]
    start = 7
    assert _repeated(line("Night buses run late"), 1, texts, start, CONFIG)  # printed twice in a row
    assert _repeated(line("Night buses run late"), 1, texts[:2] + texts[3:], start - 1, CONFIG)  # breadcrumb
    assert not _repeated(line("Widget text here now"), 4, texts, start, CONFIG)  # twice in the header
    assert _repeated(line("Widget text here now"), 4, texts + ["widget text here now"], start, CONFIG)


def test_the_body_span_may_begin_with_the_headline_over_its_dateline():
    headline = 'Video shows the first night bus leaving the depot at midnight: "We did it!"'
    text = ("Home\nNews\nSport\n\nLive Coverage\n\n" + headline + "\n\n"
            "Updated on: November 19, 2019 / 10:07 AM\n\n" + BODY + "\n")
    doc = stripper.clean(text)
    assert doc.title == headline
    assert headline not in doc.body


def test_a_date_in_a_header_line_with_tags_is_the_pages_date():
    doc = stripper.clean(dump(
        "Night buses will run until two in the morning",
        "Carlos Nadalim 27/09/2018 Comente! Transporte, Cidade, Noite",
        "Compartilhe"))
    assert doc.date == "2018-09-27"


def test_a_byline_date_beats_the_sites_date_of_today_in_the_header():
    text = ("Wed, Nov 20, 2019\nHome\nNews\nSport\nWorld\nPolitics\n"
            "Night buses will run until two in the morning\n"
            "BY JANE DOE ON 11/13/19 AT 4:00 PM EST\n\n" + BODY + "\n")
    assert stripper.clean(text).date == "2019-11-13T16:00:00-05:00"


def test_a_markdown_headline_loses_its_heading_marker():
    doc = stripper.clean(dump("# Night buses will run until two in the morning", "Nov 19, 2019"))
    assert doc.title == "Night buses will run until two in the morning"


def test_a_dateline_without_a_year_is_neither_headline_nor_page_date():
    doc = stripper.clean(dump(
        "Entertainment",
        "Doobie Brothers to reunite with Michael McDonald for Blossom show",
        "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
        "By Troy L. Smith"))
    assert doc.title == "Doobie Brothers to reunite with Michael McDonald for Blossom show"
    assert doc.date is None
    assert ("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "meta.date") in [
        (removal.text, removal.rule) for removal in doc.removed]


def test_a_headline_ending_in_a_full_stop_over_its_byline_beats_a_widget():
    doc = stripper.clean(dump(
        "Order Reprints",
        "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.",
        "By Jane Doe",
        "Nov. 19, 2019 12:16 pm ET"))
    assert doc.title == ("Home Depot Stock Is Falling After Its Earnings Release. "
                         "Why You Shouldn’t Worry.")


def test_a_standfirst_ending_in_a_full_stop_does_not_beat_the_headline_above_it():
    doc = stripper.clean(dump(
        "Browns’ defensive snap counts, stats, and notes: Week 11",
        "The Browns’ defense is dealing with a bunch of suspensions and injuries right now.",
        "By Jane Doe",
        "Nov. 19, 2019 12:16 pm ET"))
    assert doc.title == "Browns’ defensive snap counts, stats, and notes: Week 11"


def test_a_dateline_without_a_year_dates_the_page_in_the_fetch_year():
    page = dump("Doobie Brothers to reunite with Michael McDonald for Blossom show",
                "Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM", "By Troy L. Smith")
    assert stripper.clean(page, fetched="2019-11-20T10:04:31Z").date == "2019-11-18T20:19:00"
    assert stripper.clean(page, fetched="2020-01-02T10:04:31Z").date == "2019-11-18T20:19:00"
    assert stripper.clean(page).date is None


def test_the_page_address_tells_the_headline_among_teaser_titles():
    teaser = "Tram fares frozen for another year as the transport board agrees its budget for 2025"
    page = dump("Night buses will run until 2 a.m. from March", teaser)
    assert stripper.clean(page).title == teaser
    url = "https://daily.example/news/2025/01/20/night-buses-run-until-2am-from-march"
    assert stripper.clean(page, url=url).title == "Night buses will run until 2 a.m. from March"
