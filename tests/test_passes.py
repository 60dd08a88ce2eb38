"""The passes on hand-built lines, with thresholds overridden where a test needs it."""

from stripper.config import Config
from stripper.lines import BODY, CLUTTER, make_line
from stripper.classify import classify_lines
from stripper.revise import revise_lines
from stripper.span import find_body_span

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


TEASER = "Michigan Couple Finds Newspapers From The 1940s During Renovation of Their Home."
LONG = " ".join([PROSE] * 4)


def test_packed_teasers_do_not_outnumber_long_paragraphs():
    # Three long paragraphs set apart, then six packed one-line teasers: by lines most prose
    # is packed, by words most is set apart, so the teasers count as packed (little).
    lines = lines_of(LONG, LONG, LONG, "Top stories", *[TEASER] * 6)
    for line in lines[4:]:
        line.gap_before = False
    run(lines)
    assert [l.label for l in lines[:3]] == [BODY] * 3
    assert not any(l.label == BODY for l in lines[3:])


def test_a_list_under_a_colon_closes_the_article():
    lines = lines_of(PROSE, PROSE, PROSE, "The tour dates:", "June 9 – West Palm Beach, FL",
                     "June 10 – Tampa, FL", "June 14 – Alpharetta, GA", "Home", gaps=False)
    for i in (0, 1, 2, 3, 4, 7):
        lines[i].gap_before = True
    run(lines)
    assert [l.label for l in lines] == [BODY] * 7 + [CLUTTER]


def test_a_one_word_label_with_a_colon_does_not_lead_in_a_list():
    # "Lainnya:" ("More:") names a section of the site: its teasers stay out of the article.
    lines = lines_of(PROSE, PROSE, PROSE, "Lainnya:", "Harga emas naik lagi hari ini",
                     "Timnas menang tipis atas Vietnam", "Cuaca Jakarta cerah berawan", gaps=False)
    for i in (0, 1, 2, 3):
        lines[i].gap_before = True
    run(lines)
    assert [l.label for l in lines] == [BODY] * 3 + [CLUTTER] * 4


def test_a_list_under_a_heading_needs_items_alike():
    dates = ["England (Group A): 10th appearance", "Spain (Group F): 11th appearance",
             "Sweden (Group F): Seventh appearance", "Poland (Group G): Fourth appearance",
             "France (Group H): 10th appearance"]
    menu = ["Politics", "Sport", "Business (Markets)", "Weather", "Travel: Europe"]
    for items, kept in ((dates, True), (menu, False)):
        lines = lines_of(PROSE, PROSE, PROSE, "Qualified teams", *items, gaps=False)
        for i in (0, 1, 2, 3):
            lines[i].gap_before = True
        run(lines)
        assert all((l.label == BODY) == kept for l in lines[3:])


def test_an_embedded_post_closes_the_article():
    lines = lines_of(PROSE, PROSE, PROSE, "We must apply a system of compassion pic.twitter.com/s96",
                     "— Rep. Ilhan Omar (@Ilhan) November 19, 2019", "Updated at 1:23 p.m.")
    run(lines)
    assert [l.label for l in lines[:5]] == [BODY] * 5


def test_a_related_list_the_article_does_not_resume_after_ends_it():
    # No paragraph within a run's reach of the heading, and less prose after it than before:
    # the disclaimer below the share buttons is not the article's.
    disclaimer = ("The information provided on this website is for general information only "
                  "and is not a substitute for professional advice. ") * 4
    widgets = ["Facebook", "Pinterest", "Instagram", "Join our newsletter"] * 2
    lines = lines_of(LONG, LONG, LONG, "Related Articles", "Why Am I Not Losing Weight?",
                     "Weight Loss", "Smart Food Swaps", *widgets, disclaimer, gaps=False)
    for i in (0, 1, 2, 3, len(lines) - 1):
        lines[i].gap_before = True
    span = run(lines)
    assert span == (0, 3)
    assert lines[-1].label == CLUTTER


def test_a_related_list_inside_the_article_does_not_end_it():
    lines = lines_of(LONG, "Related Articles", "Why Am I Not Losing Weight?", LONG, gaps=False)
    lines[3].gap_before = True
    run(lines)
    assert lines[3].label == BODY


def test_a_credit_with_a_copyright_sign_does_not_end_the_article():
    # "©" also credits photos inside articles: the line goes, the prose after it stays.
    lines = lines_of(PROSE, PROSE, PROSE, PROSE, "© Regan", PROSE)
    assert run(lines) == (0, 6)
    assert lines[4].rule == "footer.copyright"
    assert lines[5].label == BODY


def test_a_line_of_invisible_characters_is_a_blank_line():
    from stripper.read_text import read_text
    lines = read_text(f"{PROSE}\n\u200b\n{PROSE}\n\u200b\n{PROSE}\n", CONFIG)
    span = run(lines)
    assert [l.gap_before for l in lines] == [True, False, True, False, True]
    assert [l.label for l in lines] == [BODY, CLUTTER, BODY, CLUTTER, BODY]
    assert span == (0, 5)


def test_a_long_read_also_label_ending_in_a_colon_heads_a_run():
    lines = lines_of(PROSE, "Related coverage from How to Do Everything: Money:",
                     "Here's exactly how to figure out when you can retire",
                     "How to invest in index funds, explained", PROSE, gaps=False)
    lines[4].gap_before = True
    run(lines)
    assert [l.rule for l in lines] == ["", "nav.read-also", "nav.read-also-run",
                                       "nav.read-also-run", ""]


def test_a_read_also_run_in_a_dump_takes_a_whole_packed_list():
    titles = [f"Browns place safety number {n} on injured reserve" for n in range(6)]
    lines = lines_of(LONG, "Most Read", *titles, LONG, gaps=False)
    lines[-1].gap_before = True
    run(lines)
    assert [l.rule for l in lines[2:8]] == ["nav.read-also-run"] * 6


def test_a_teaser_title_listed_again_below_the_article_is_not_body():
    teaser = "Night buses to run on three more routes from March"
    lines = lines_of(PROSE, teaser, PROSE + " Again.", PROSE + " Once more.",
                     "Related stories", teaser, "Tram fares frozen for another year")
    run(lines)
    assert (lines[1].label, lines[1].rule) == (CLUTTER, "nav.teaser-repeat")
    assert [l.label for l in lines[:4]] == [BODY, CLUTTER, BODY, BODY]


def test_a_name_the_article_uses_or_a_repeated_sentence_is_not_a_teaser_title():
    name = "Night Bus Service"
    cta = "Tickets go on sale at the central station."
    lines = lines_of(PROSE + " The Night Bus Service runs hourly.", name, cta, PROSE + " Again.",
                     "Related stories", name, cta)
    run(lines)
    assert [l.label for l in lines[:4]] == [BODY] * 4
