"""Every shipped fixture page comes out exactly as its ``.expected.json`` says."""

import json
from pathlib import Path

import pytest

import stripper

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGES = sorted(p for kind in ("text", "html") for p in (FIXTURES / kind).iterdir()
               if p.suffix in (".txt", ".html"))


def expected_for(page: Path) -> dict:
    return json.loads(page.with_suffix(".expected.json").read_text("utf-8"))


def marked(page: Path):
    """A fixture whose expected.json names a ``known_failure`` must keep failing (strict
    xfail), so a fix is noticed and the note removed."""
    reason = expected_for(page).get("known_failure")
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(page, marks=marks, id=f"{page.parent.name}/{page.stem}")


@pytest.mark.parametrize("page", [marked(p) for p in PAGES])
def test_fixture_page(page):
    want = expected_for(page)
    doc = stripper.clean(page.read_bytes())
    assert doc.body == want["body"]
    assert doc.title == want["title"]
    assert doc.date == want["date"]


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_explanation_replays_the_input(page):
    """Body lines plus removed lines are exactly the input's lines, each once, in order."""
    doc = stripper.clean(page.read_bytes())
    numbers = sorted(doc.body_lines + [r.line for r in doc.removed])
    assert len(numbers) == len(set(numbers)) or doc.kind == "html"
    removed_rules = {r.rule for r in doc.removed}
    assert "" not in removed_rules, "every removal names its rule"
