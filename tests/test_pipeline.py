"""``clean()`` end to end on small real-shaped pages: the fetch date, the URL date, kinds."""

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
