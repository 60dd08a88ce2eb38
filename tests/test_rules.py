"""The rules that are code (shape and markup): each with a real line it must remove and a real
line it must keep."""

import pytest

from stripper.config import Config
from stripper.lines import make_line
from stripper.rules import CONTEXT_RULES, LINE_RULES, PASS_DECISIONS, dom_vote

CONFIG = Config()


def line(text, **evidence):
    return make_line(1, text, limit=20_000, cjk_chars_per_word=2, **evidence)


@pytest.mark.parametrize("rule_id, removed, kept", [
    ("struct.symbols", line("16"), line("2019\t45%\t+3")),
    ("struct.symbols", line("* * *"), line("11,600", tag="dd")),
    ("nav.link-list", line("News | Sport | Weather | Money"),
     line("Paper here: https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3223028")),
    ("nav.link-list", line("About / Advertise / Tip Us / Contact"),
     line("The vote was 52 / 48, a narrow margin, officials said.")),
    # a lynx dump's line of links alone: two are a list; links inside words are not
    ("nav.link-list", line("[10]Sdílet na Facebooku [11]Sdílet na X"),
     line("See [4]the report and [5]the annex")),
    ("dom.hidden", line("Subscribe now", tag="div", zones=frozenset({"hidden"})),
     line("Subscribe now", tag="div")),
])
def test_line_rule_removes_one_and_keeps_the_other(rule_id, removed, kept):
    applies = LINE_RULES[rule_id]
    assert applies(removed, CONFIG)
    assert not applies(kept, CONFIG)


@pytest.mark.parametrize("rule_id, matching, other", [
    ("nav.menu", line("Politics"), line("It did not.")),
    ("nav.read-also-run", line("Jokowi Resmikan Tol Baru di Jawa Tengah"),
     line("Warga lain berharap pemerintah segera memperbaiki jalan tersebut.")),
])
def test_context_rule_predicates(rule_id, matching, other):
    assert CONTEXT_RULES[rule_id](matching, CONFIG)
    assert not CONTEXT_RULES[rule_id](other, CONFIG)


def test_markup_votes_name_their_strongest_evidence():
    menu = line("Politics", tag="li", zones=frozenset({"nav", "list"}))
    assert dom_vote(menu, CONFIG) == (-CONFIG.dom_vote_words, "dom.nav")
    links = line("Westbank bridge reopens", tag="li", link_density=1.0)
    assert dom_vote(links, CONFIG)[1] == "dom.link-dense"
    share = line("Share this story", tag="div", class_tokens=frozenset({"share-bar", "share", "bar"}))
    assert dom_vote(share, CONFIG) == (-CONFIG.dom_class_vote_words, "dom.class-hint")


def test_article_markup_gains_and_embeds_are_not_share_bars():
    paragraph = line("The council voted on Tuesday.", tag="p", zones=frozenset({"article"}),
                     class_tokens=frozenset({"entry-content", "entry", "content"}))
    assert dom_vote(paragraph, CONFIG) == (CONFIG.dom_content_vote_words, "")
    tweet = line("Yes this is real.", tag="p",
                 class_tokens=frozenset({"social-media-embed", "social", "media", "embed"}))
    assert dom_vote(tweet, CONFIG) == (0.0, "")


def test_text_dump_lines_get_no_markup_vote():
    assert dom_vote(line("Politics"), CONFIG) == (0.0, "")


def test_every_decision_of_the_passes_is_documented():
    for rule_id, doc in PASS_DECISIONS.items():
        assert doc.strip() and "." in rule_id
