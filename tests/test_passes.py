"""The passes on hand-built lines, with thresholds overridden where a test needs it."""

from stripper.config import Config
from stripper.lines import BODY, CLUTTER, make_line
from stripper.passes import classify_lines, find_body_span, revise_lines

CONFIG = Config()
PROSE = ("The council voted on Tuesday to extend the night bus service to the eastern "
         "suburbs, citing rising demand from shift workers.")


def lines_of(*texts, gaps=True):
    return [make_line(i, t, limit=20_000, cjk_chars_per_word=2, gap_before=gaps)
            for i, t in enumerate(texts, start=1)]


def run(lines, config=CONFIG):
    classify_lines(lines, config)
    span = find_body_span(lines, config)
    revise_lines(lines, span, config)
    return span


def test_menu_before_the_article_is_clutter_and_prose_is_body():
    lines = lines_of("Home", "News", "Sport", "Weather", PROSE, PROSE + " Again.", gaps=False)
    run(lines)
    assert [l.label for l in lines] == [CLUTTER] * 4 + [BODY] * 2
    assert {l.rule for l in lines[:4]} <= {"nav.menu", "zone.header"}


def test_short_line_inside_the_article_stays():
    lines = lines_of(PROSE, "It did not.", PROSE)
    run(lines)
    assert [l.label for l in lines] == [BODY, BODY, BODY]


def test_read_also_run_ends_where_the_body_resumes():
    lines = lines_of(PROSE, "Baca juga", "Jokowi Resmikan Tol Baru", PROSE, gaps=False)
    lines[3].gap_before = True
    run(lines)
    assert [l.rule for l in lines] == ["", "nav.read-also", "nav.read-also-run", ""]


def test_comment_section_ends_the_article():
    lines = lines_of(PROSE, PROSE, PROSE, PROSE, "Comments", PROSE)
    span = run(lines)
    assert span == (0, 4)
    assert lines[5].rule == "zone.footer"


def test_page_without_enough_prose_has_no_article():
    lines = lines_of("Port authority approves expansion", "Jan. 16, 2025",
                     "The expansion is expected to add 400 jobs.", "Read more")
    assert run(lines) == (0, 0)
    assert not any(l.label == BODY for l in lines)


def test_threshold_override_changes_the_decision():
    lines = lines_of("One short sentence here is all.", "Another one follows it now.")
    assert run(lines_of(*[l.text for l in lines])) == (0, 0)
    assert run(lines, CONFIG.replace(min_article_words=5, body_min_words=5)) == (0, 2)


def test_a_related_heading_of_any_length_starts_a_run():
    lines = lines_of(PROSE, "More Great WIRED Stories", "YouTubers must unionize, no matter what",
                     PROSE, gaps=False)
    lines[3].gap_before = True
    run(lines)
    assert [l.rule for l in lines] == ["", "nav.related", "nav.read-also-run", ""]


def test_a_long_read_also_line_carries_its_own_title():
    lines = lines_of(PROSE, "Read more: Jokowi Resmikan Tol Baru di Jawa Tengah Hari Ini",
                     "Pembangunan jalan tol dimulai", PROSE, gaps=False)
    lines[3].gap_before = True
    run(lines)
    assert lines[1].rule == "nav.read-also"
    assert lines[2].rule != "nav.read-also-run"
