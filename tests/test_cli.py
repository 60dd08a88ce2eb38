"""The ``stripper`` command, in-process with click's CliRunner: outputs, errors, exit codes."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stripper.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "text" / "sindonews-2023-10-21-lavrov.txt"
SEED_EXPECTED = json.loads(SEED.with_suffix(".expected.json").read_text("utf-8"))


def invoke(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def test_seed_page_as_json_matches_the_expected_output():
    result = invoke("clean", SEED, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["title"] == SEED_EXPECTED["title"]
    assert doc["date"] == SEED_EXPECTED["date"]
    assert doc["body"].split("\n\n") == SEED_EXPECTED["body"]
    assert doc["source"] == str(SEED)


def test_explain_names_a_rule_for_each_removed_line():
    result = invoke("clean", SEED, "--format", "json", "--explain")
    rules = {r["text"]: r["rule"] for r in json.loads(result.output)["removed"]}
    assert rules["loading..."] == "ui.loading"
    assert rules["A A A"] == "ui.font-size"
    assert rules["Halaman :"] == "nav.pagination"
    assert rules["read/ rendering in 0.1167 seconds (0.1#10.140)"] == "footer.render-time"
    assert rules["Copyright © 2024 SINDOnews.com"] == "footer.copyright"
    assert rules["Rusia tepis tudingan AS dapat pasokan amunisi dari Korea Utara. Foto/Ilustrasi"] == "media.caption-credit"


def test_text_explain_labels_every_input_line():
    result = invoke("clean", SEED, "--explain")
    rows = result.output.splitlines()
    non_blank = [l for l in SEED.read_text("utf-8").splitlines() if l.strip()]
    assert len(rows) == len(non_blank)
    assert rows[0].split()[:3] == ["1", "title", "meta.title"]


def test_stdin_is_read_when_no_input_is_given():
    result = invoke("clean", input=SEED.read_bytes())
    assert result.exit_code == 0
    assert result.output.startswith(SEED_EXPECTED["title"] + "\n" + SEED_EXPECTED["date"] + "\n\n")


def test_dash_means_stdin_and_url_is_accepted():
    result = invoke("clean", "-", "--url", "https://example.com/2023/10/21/x", "--format", "jsonl", input=SEED.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.output)["url"] == "https://example.com/2023/10/21/x"


@pytest.mark.parametrize("fmt, start", [("markdown", "# Rusia"), ("jsonl", "{"), ("text", "Rusia")])
def test_formats(fmt, start):
    result = invoke("clean", SEED, "--format", fmt)
    assert result.exit_code == 0 and result.output.startswith(start)


def test_output_file_is_written(tmp_path):
    out = tmp_path / "clean.txt"
    result = invoke("clean", SEED, "-o", out)
    assert result.exit_code == 0 and result.output == ""
    assert out.read_text("utf-8").startswith(SEED_EXPECTED["title"])


def test_missing_file_is_one_line_error_and_exit_1(tmp_path):
    result = invoke("clean", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"stripper: error: {tmp_path / 'nope.txt'}: No such file or directory"]


def test_binary_file_is_refused_but_the_other_input_is_cleaned(tmp_path):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    result = invoke("clean", bad, SEED, "--format", "jsonl")
    assert result.exit_code == 1
    assert f"stripper: error: {bad}: binary data, not a text or HTML page" in result.output
    assert SEED_EXPECTED["title"] in result.output


def test_folder_is_mirrored(tmp_path):
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "page.txt").write_bytes(SEED.read_bytes())
    result = invoke("clean", tmp_path / "in", "-o", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out" / "sub" / "page.json").read_text("utf-8"))["title"] == SEED_EXPECTED["title"]


def test_usage_errors_exit_2(tmp_path):
    assert invoke("clean", SEED, "--format", "xml").exit_code == 2
    assert invoke("clean", SEED, SEED, "--url", "https://x.y").exit_code == 2
    assert invoke("nonsense").exit_code == 2


def test_rules_lists_every_rule_with_its_doc():
    result = invoke("rules")
    assert result.exit_code == 0
    listed = dict(line.split(None, 1) for line in result.output.splitlines())
    for rule_id in ("ui.loading", "ui.font-size", "media.caption-credit", "nav.pagination", "nav.read-also",
                    "nav.related", "footer.copyright", "footer.render-time", "social.share", "social.counter",
                    "promo.newsletter", "consent.cookie", "ad.marker", "byline.editor-initials", "zone.header"):
        assert listed[rule_id].strip(), rule_id


@pytest.mark.parametrize("command", ["clean", "rules"])
def test_commands_have_help_with_examples(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Example" in result.output


YEARLESS_DUMP = ("Home\nNews\nLocal\n\nDoobie Brothers to reunite for Blossom show\n"
                 "Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM\nBy Troy L. Smith\n\n"
                 + ("The band will play the amphitheatre on July 22, the promoter said on "
                    "Monday, and tickets go on sale next week. ") * 4 + "\n")


def test_fetched_dates_a_dateline_without_a_year(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(YEARLESS_DUMP, "utf-8")
    assert json.loads(invoke("clean", page, "--format", "json").output)["date"] is None
    result = invoke("clean", page, "--format", "json", "--fetched", "2019-11-20T10:04:31Z")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["date"] == "2019-11-18T20:19:00"


def test_a_fetch_time_that_is_not_a_date_is_a_usage_error(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(YEARLESS_DUMP, "utf-8")
    result = invoke("clean", page, "--fetched", "yesterday")
    assert result.exit_code == 2
    assert "--fetched 'yesterday' is not an ISO 8601 date" in result.output
    assert "Traceback" not in result.output
