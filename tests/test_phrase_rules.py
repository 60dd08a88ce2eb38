"""Phrase rules, driven by data: every line in ``fixtures/lines/<lang>.tsv`` must meet exactly
the rule it names (the first to fire), or no phrase rule at all when it says ``keep``."""

from pathlib import Path

import pytest

from stripper.config import Config
from stripper.lines import make_line
from stripper.phrases import first_match, load_rules, read_phrase_file

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "lines"
CONFIG = Config()


def load_cases():
    cases = []
    for path in sorted(CASES_DIR.glob("*.tsv")):
        for number, row in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not row.strip() or row.startswith("#") or row.startswith("expect\t"):
                continue
            expect, _, text = row.partition("\t")
            cases.append(pytest.param(expect, text, id=f"{path.stem}:{number}"))
    return cases


def verdict(text: str) -> str:
    line = make_line(1, text, limit=CONFIG.max_line_chars, cjk_chars_per_word=CONFIG.cjk_chars_per_word)
    protected = line.terminal and line.words >= CONFIG.protected_min_words
    rule = first_match(line.norm, line.words, protected)
    return rule.id if rule else "keep"


@pytest.mark.parametrize("expect, text", load_cases())
def test_line_case(expect, text):
    assert verdict(text) == expect


def test_every_rule_has_a_doc_and_a_removal_case():
    """Each phrase rule is documented and has at least one real line it must remove."""
    covered = {case.values[0] for case in load_cases()}
    for rule in load_rules():
        assert rule.doc.strip(), rule.id
        if rule.pattern is not None or rule.keyed:
            assert rule.id in covered, f"{rule.id} has phrases but no line case"


def test_every_phrase_compiles_alone():
    """A bad phrase is reported by file and rule, not hidden in a combined pattern."""
    from stripper.phrases import _TEMPLATES, _data, available_languages, compile_fragments
    rules = {rule.id: rule for rule in load_rules()}
    for lang in available_languages():
        text = (_data() / "phrases" / f"{lang}.txt").read_text("utf-8")
        for rule_id, fragments in read_phrase_file(text).items():
            assert rule_id in rules, f"{lang}.txt: unknown rule {rule_id}"
            for fragment in fragments:
                compile_fragments(_TEMPLATES[rules[rule_id].match], [fragment])


def test_protected_sentence_is_not_removed_by_a_prefix_rule():
    """A long sentence that merely starts like a byline stays."""
    assert verdict("By the time the firefighters arrived on the scene, the roof of the old "
                   "warehouse had already collapsed into the basement.") == "keep"


def test_exact_rule_removes_a_long_caption():
    assert verdict("Rusia tepis tudingan AS dapat pasokan amunisi dari Korea Utara. "
                   "Foto/Ilustrasi") == "media.caption-credit"


def brute_force(text: str):
    """Every rule tried on the line, in order, with no prefilter."""
    line = make_line(1, text, limit=CONFIG.max_line_chars, cjk_chars_per_word=CONFIG.cjk_chars_per_word)
    protected = line.terminal and line.words >= CONFIG.protected_min_words
    for rule in load_rules():
        if protected and not (rule.exact or rule.match == "line"):
            continue
        if rule.matches(line.norm, line.words, None):
            return rule.id
    return "keep"


@pytest.mark.parametrize("expect, text", load_cases())
def test_prefilter_never_changes_a_verdict(expect, text):
    """The prefilter only skips rules that could not fire: same verdict as trying them all."""
    assert verdict(text) == brute_force(text)
