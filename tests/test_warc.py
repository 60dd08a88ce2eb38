"""WARC input: HTML responses record by record, with their URLs and HTTP charsets; safe and
unique output names; a missing warcio is one line that says what to install."""

import gzip
import json
import sys
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

import stripper
from stripper import warc
from stripper.batch import Failure, clean_many
from stripper.cli import cli
from stripper.writers import write_jsonl

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HTML_PAGES = sorted((FIXTURES / "html").glob("*.html"))
#: The HTTP charset each legacy fixture is served with (the undeclared one relies on it).
CHARSETS = {"legacy-cp1251": "windows-1251", "legacy-euc-kr": "euc-kr", "legacy-gb18030": "gb18030",
            "legacy-iso-8859-2": "iso-8859-2", "legacy-shift-jis": "shift_jis",
            "legacy-undeclared-cp1251": "windows-1251", "legacy-windows-1252": "windows-1252"}


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def response(writer, url, payload, content_type="text/html; charset=utf-8", status="200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=BytesIO(payload), length=len(payload),
                                     http_headers=headers)


def build_warc(path: Path, count: int, urls=None) -> list[tuple[str, bytes, str | None, int]]:
    """A WARC of ``count`` HTML responses made from the fixtures, with non-page records mixed
    in (an image, a 404, a redirect, a request). Returns (url, payload, charset, record number)."""
    pages = []
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        number = 0
        for i in range(count):
            page = HTML_PAGES[i % len(HTML_PAGES)]
            url = urls[i] if urls else f"https://site{i % 7}.example/news/2024/{i}/{page.stem}.html"
            charset = CHARSETS.get(page.stem, "utf-8")
            writer.write_record(response(writer, url, page.read_bytes(), f"text/html; charset={charset}"))
            number += 1
            pages.append((url, page.read_bytes(), charset, number))
            if i % 100 == 0:
                writer.write_record(response(writer, url + ".png", b"\x89PNG\r\n", "image/png"))
                writer.write_record(response(writer, url + "?gone", b"<p>gone</p>", status="404 Not Found"))
                writer.write_record(response(writer, url + "?moved", b"", status="301 Moved Permanently"))
                request = b"GET / HTTP/1.1\r\n\r\n"
                writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(request),
                                                              length=len(request)))
                number += 4
    return pages


def test_a_thousand_responses_become_a_thousand_jsonl_lines_matching_one_by_one(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    pages = build_warc(archive, 1000)
    out = tmp_path / "pages.jsonl"
    result = invoke("clean", archive, "--format", "jsonl", "-o", out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("stripper: ") and " 0 failed in " in result.output
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 1000
    for line, (url, payload, charset, number) in zip(lines, pages, strict=True):
        row = json.loads(line)
        assert row["url"] == url and row["source"] == f"{archive}#record{number}"
        one = stripper.clean(payload, url=url, charset=charset)
        one.source = f"{archive}#record{number}"
        assert line + "\n" == write_jsonl(one)


def test_records_are_mirrored_under_safe_unique_names(tmp_path):
    hostile = ["http://evil.example/../../../etc/passwd", "http://evil.example/%2e%2e/%2e%2e/x",
               "http://evil.example/a/./b/../../../../c", "http://[::1]:80/.ssh/id_rsa",
               "not a url at all", "http://evil.example/" + "x" * 600,
               "http://evil.example/a.json/b", "http://evil.example/a", "http://evil.example/a",
               "http://EVIL.example/A", "file:///etc/shadow", "http://evil.example/" + "/d" * 40]
    archive = tmp_path / "in" / "hostile.warc"
    archive.parent.mkdir()
    build_warc(archive, len(hostile), urls=hostile)
    out = tmp_path / "out"
    result = invoke("clean", archive, "-o", out, "--format", "json", "--jobs", "1")
    assert result.exit_code == 0, result.output
    written = sorted(p for p in out.rglob("*") if p.is_file())
    assert len(written) == len([url for url in hostile if url.startswith("http")])  # others: not HTTP
    for path in written:
        assert path.resolve().is_relative_to(out.resolve())
        assert path.relative_to(out).parts[0] == "hostile"
        assert all(not part.startswith(".") and len(part.encode()) <= 110 for part in path.relative_to(out).parts)
    names = {p.relative_to(out).as_posix() for p in written}
    assert {"hostile/evil.example/etc/passwd.json", "hostile/evil.example/a.json",
            "hostile/evil.example/a-2.json", "hostile/evil.example/A-3.json",
            "hostile/evil.example/a.json_/b.json"} <= names
    again = invoke("clean", archive, "-o", out, "--format", "json")
    assert f"0 cleaned, 0 empty (no article found), {len(written)} skipped, 0 failed" in again.output


def test_clean_many_reads_warc_records_with_url_and_source(tmp_path):
    archive = tmp_path / "small.warc.gz"
    pages = build_warc(archive, 12)
    results = list(clean_many([archive], jobs=1))
    assert [(r.url, r.source) for r in results] == [(url, f"{archive}#record{n}") for url, _, _, n in pages]
    records = list(warc.iter_records(archive))
    assert [r.charset for r in records] == [charset for _, _, charset, _ in pages]
    assert all(r.date and r.date.startswith("20") for r in records)


def test_a_folder_holding_a_warc_mirrors_its_records_beside_the_pages(tmp_path):
    src = tmp_path / "in"
    (src / "crawl").mkdir(parents=True)
    (src / "crawl" / "page.html").write_bytes(HTML_PAGES[0].read_bytes())
    build_warc(src / "crawl.warc.gz", 2, urls=["https://a.example/x", "https://a.example/y"])
    result = invoke("clean", src, "-o", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    names = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json"))
    assert names == ["crawl.warc.gz/a.example/x.json", "crawl.warc.gz/a.example/y.json", "crawl/page.json"]


def test_a_truncated_warc_reports_one_line_after_the_records_it_could_read(tmp_path):
    whole = tmp_path / "whole.warc"
    build_warc(whole, 5)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(gzip.compress(data)[: len(gzip.compress(data)) * 2 // 3])
    result = invoke("clean", cut, "--format", "jsonl", "--jobs", "1")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("stripper: error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"stripper: error: {cut}: ")
    assert sum(line.startswith("{") for line in result.output.splitlines()) >= 1


def test_missing_warcio_is_one_line_naming_the_extra(tmp_path, monkeypatch):
    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive, 2)
    monkeypatch.setitem(sys.modules, "warcio", None)
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    result = invoke("clean", archive, "--format", "jsonl")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (f"stripper: error: {archive}: reading WARC files needs warcio: "
                                             "pip install 'stripper[warc]'")
    assert [type(r) for r in clean_many([archive])] == [Failure]


def test_url_path_never_leaves_its_folder():
    for url in ["http://h/../../x", "http://h/%2e%2e%2f%2e%2e%2fx", "http://h/a/../../b", "\\..\\..\\x",
                "http://h/\x00/\n", "http://h/con", "http:///", "//h/..", "http://h:99999/x"]:
        path = warc.url_path(url)
        assert not path.is_absolute() and ".." not in path.parts and "" not in path.parts
        assert all(part and not part.startswith(".") and "/" not in part for part in path.parts)
