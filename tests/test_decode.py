"""Decoding bytes: BOMs, declared charsets, detection, compression, refusal of binary data."""

import bz2
import codecs
import gzip
import lzma

import pytest

from stripper.decode import decode, decompress
from stripper.errors import BinaryInputError, InputTooLargeError

TEXT = "Übersicht über die Straßenbahn – „neue Linie“ für Köln."


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                         (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_bom_decides(bom, codec):
    assert decode(bom + TEXT.encode(codec)) == TEXT


def test_declared_charset_wins_over_guessing():
    page = f'<meta charset="windows-1252"><p>{TEXT}</p>'
    assert decode(page.encode("cp1252")) == page


def test_gb2312_label_decodes_gbk_characters():
    page = '<meta charset="gb2312"><p>记者 王喆 报道</p>'
    assert "王喆" in decode(page.encode("gb18030"))


def test_undeclared_legacy_text_is_detected():
    text = ("Москва. Правительство утвердило новый план развития городского транспорта, "
            "который предусматривает строительство трёх линий метро и обновление автобусов. ") * 5
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize("pack", [gzip.compress, bz2.compress, lzma.compress])
def test_compressed_input_is_unpacked(pack):
    assert decode(pack(TEXT.encode("utf-8"))) == TEXT


def test_corrupt_gzip_is_a_clear_error():
    with pytest.raises(BinaryInputError, match="gzip"):
        decompress(b"\x1f\x8b\x08\x00garbage")


def test_zip_bomb_is_bounded():
    bomb = gzip.compress(b"\0" * (2 * 1024 * 1024))
    with pytest.raises(InputTooLargeError):
        decompress(bomb, limit=1024 * 1024)


@pytest.mark.parametrize("raw", [b"\x00" * 1000, bytes(range(256)) * 40, b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 500])
def test_binary_is_refused(raw):
    with pytest.raises(BinaryInputError):
        decode(raw)


def test_crlf_and_cr_are_line_breaks():
    from stripper import clean
    doc = clean(("Headline Of The Day Here\r\n\r\n" + "A sentence of real prose goes on and on here, surely. " * 3 + "\r\n\r\n") * 2)
    assert len(doc.body) == 2
