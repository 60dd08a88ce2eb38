"""Hostile and degenerate input: always a result or a one-line ``StripperError``, never a
traceback or a hang. (Each case runs under an alarm so that a regression fails instead of
hanging CI; how fast they run is measured in ``benchmarks/hostile.py``.)"""

import signal

import pytest

import stripper
from stripper.errors import StripperError
from stripper.lines import make_line
from stripper.phrases import first_match

#: Seconds after which a case counts as hung.
HANG_SECONDS = 60

CASES = {
    "empty": b"",
    "only-spaces": b" \n\t\n  \n",
    "one-20MB-line": b"word " * 4_000_000,
    "100k-nested-brackets": b"(" * 100_000 + b"x" + b")" * 100_000,
    "long-digit-runs": b"Halaman : " + b"1" * 5000 + b" x\n" + b"2019" * 10_000,
    "nul-bytes": b"\x00" * 10_000,
    "random-bytes": bytes((i * 7919 + 13) % 256 for i in range(100_000)),
    "deep-divs": b"<html><body>" + b"<div>" * 200_000 + b"text" + b"</div>" * 200_000,
    "many-links": b"<html><body><p>" + b'<a href="/x">link</a> ' * 300_000 + b"</p></body></html>",
    "unclosed-markdown": (b"**a [b ![c " * 20_000 + b"\n") * 50,
    "billion-laughs": (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                       b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
                       b"<html><body><p>&lol2;</p></body></html>"),
}


@pytest.fixture(autouse=True)
def alarm():
    def hung(signum, frame):
        raise TimeoutError(f"still running after {HANG_SECONDS}s")
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_gives_a_result_or_a_one_line_error(name):
    try:
        doc = stripper.clean(CASES[name])
    except StripperError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert isinstance(doc.body, list)


def test_binary_inputs_are_refused():
    for name in ("nul-bytes", "random-bytes"):
        with pytest.raises(StripperError):
            stripper.clean(CASES[name])


def test_empty_input_is_an_empty_document():
    doc = stripper.clean(b"")
    assert (doc.title, doc.date, doc.body) == (None, None, [])


@pytest.mark.parametrize("text", [
    "halaman " + "1" * 40 + " x",
    "pages: " + "1 " * 5000 + "x",
    "( " * 10_000 + "foto: x",
    "、" * 20_000,
    "by " + "a " * 10_000 + ".",
])
def test_no_phrase_rule_backtracks_catastrophically(text):
    line = make_line(1, text, limit=20_000, cjk_chars_per_word=2)
    first_match(line.norm, line.words, False)


from hypothesis import given, settings, strategies as st  # noqa: E402

PAGE_PIECES = st.lists(st.sampled_from([
    "<p>", "</p>", "<div class='share'>", "</div>", "<nav>", "</nav>", "<br>", "<h1>", "</h1>",
    "Baca juga:", "loading...", "A A A", "Copyright © 2024", "\n", "\n\n", "Sabtu, 21 Oktober 2023 - 09:50 WIB",
    "The council voted on Tuesday to extend the night bus service, officials said.", "「広告」",
    "<script>x</script>", "<!-- c -->", "&amp;", "\u00a0", "\u200b", "(rca)", "16", "|",
]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(PAGE_PIECES)
def test_any_page_of_real_pieces_gives_a_document(page):
    """Whatever the mix, a Document comes back; from a text dump, every body paragraph is one
    of its lines verbatim and every other line is named in ``removed``."""
    doc = stripper.clean(page)
    assert all(paragraph.strip() for paragraph in doc.body)
    if doc.kind == "text":
        lines = {number: text.strip() for number, text in enumerate(page.splitlines(), start=1)}
        assert all(lines[n] == text for n, text in zip(doc.body_lines, doc.body))
        named = sorted(doc.body_lines + [r.line for r in doc.removed])
        assert named == [n for n, text in lines.items() if text]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_document_or_a_stripper_error(raw):
    try:
        stripper.clean(raw)
    except StripperError as exc:
        assert str(exc) and "\n" not in str(exc)
