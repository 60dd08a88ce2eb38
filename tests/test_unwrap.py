"""Hard-wrapped dumps (``lynx -dump``, ``w3m -dump``) read as one block per line."""

import textwrap

import stripper
from stripper.config import Config
from stripper.unwrap import unwrap, wrap_width

PARAGRAPHS = [
    "The city council voted on Tuesday to extend the night bus service until two in the "
    "morning, after a year of complaints from shift workers, students and the owners of "
    "late-night restaurants.",
    "Mayor Jane Doe said the change would cost about 2.4 million euros a year, a figure some "
    "opposition members called too high for the number of riders expected on the new lines.",
    "The first night buses will leave the central station on 1 April; the transport authority "
    "says it has hired 140 drivers since January to run them.",
]


def lynx_dump(paragraphs: list[str], width: int = 76) -> str:
    """A page as ``lynx -dump`` prints it: numbered links, indented paragraphs wrapped at
    ``width`` columns, a references list at the end."""
    body = "\n\n".join(textwrap.fill(p, width, initial_indent="   ", subsequent_indent="   ")
                       for p in paragraphs)
    return ("   [1]Home [2]News [3]Sport [4]Weather\n\n"
            "Night buses will run until two in the morning\n\n"
            f"{body}\n\n   [5]Contact us [6]Privacy\n\nReferences\n\n"
            "   1. https://example.com/\n   2. https://example.com/news\n")


def test_a_lynx_dump_gives_the_paragraphs_whole():
    doc = stripper.clean(lynx_dump(PARAGRAPHS * 2))
    assert doc.title == "Night buses will run until two in the morning"
    assert doc.body == PARAGRAPHS * 2


def test_a_wrapped_list_keeps_its_items_apart():
    item = "* Line 12 runs from the central station to the airport every thirty minutes"
    rows = textwrap.wrap(" ".join(PARAGRAPHS), 76) + ["", item, item, item, "* Line 40", ""]
    lines = [text for _, text in unwrap(rows, wrap_width(rows, Config()))]
    assert lines[-6:] == ["", item, item, item, "* Line 40", ""]


def test_a_browsers_dump_with_short_lines_is_not_unwrapped():
    # One block per line, every line short: menus, teasers and a Japanese article whose
    # paragraphs are short in characters but wide on a terminal.
    rows = ["Kindle for PCの起動ホットキーがKeePassと被る問題について調べてみたところ、設定で変更できる箇所も少ない。"] * 8
    rows += ["Teaser headline about the local football team winning again"] * 8
    assert wrap_width(rows, Config()) is None
