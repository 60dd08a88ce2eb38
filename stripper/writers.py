"""Documents to output text, one writer per ``--format``; ``WRITERS`` maps the names."""

from __future__ import annotations

import json
from collections.abc import Callable

from .document import Document

#: What an explained line's label is, by the rule that removed it.
_LABEL_OF_RULE = {"meta.title": "title", "meta.date": "date"}


def write_text(doc: Document, explain: bool = False) -> str:
    """Title, date, a blank line, then the paragraphs separated by blank lines.

    With ``explain``: every input line, numbered, with its label and rule.

    >>> print(write_text(Document(title="T", date="2023-10-21", body=["One.", "Two."])), end="")
    T
    2023-10-21
    <BLANKLINE>
    One.
    <BLANKLINE>
    Two.
    """
    if explain:
        return explain_lines(doc)
    head = [doc.title or "", doc.date or ""]
    return "\n".join(head) + "\n\n" + "".join(p + "\n\n" for p in doc.body).rstrip("\n") + "\n"


def explain_lines(doc: Document) -> str:
    """One row per input line: number, label (body, title, date, clutter), rule, text."""
    rows = [(n, "body", "", text) for n, text in zip(doc.body_lines, doc.body)]
    rows += [(r.line, _LABEL_OF_RULE.get(r.rule, "clutter"), r.rule, r.text) for r in doc.removed]
    rows.sort(key=lambda row: row[0])
    width = max((len(rule) for *_, rule, _ in rows), default=4)
    return "".join(f"{n:>5}  {label:<7}  {rule:<{width}}  {_one_line(text)}\n"
                   for n, label, rule, text in rows)


def _one_line(text: str, limit: int = 160) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"


def write_json(doc: Document, explain: bool = False) -> str:
    """One indented JSON object: title, date, body, source, kind (and ``removed``)."""
    return json.dumps(doc.to_dict(explain=explain), ensure_ascii=False, indent=1) + "\n"


def write_jsonl(doc: Document, explain: bool = False) -> str:
    """One JSON object on one line, for streams of many pages."""
    return json.dumps(doc.to_dict(explain=explain), ensure_ascii=False) + "\n"


def write_markdown(doc: Document, explain: bool = False) -> str:
    """A Markdown article: ``# Title``, the date in italics, the paragraphs.

    >>> print(write_markdown(Document(title="T", date="2023-10-21", body=["One."])), end="")
    # T
    <BLANKLINE>
    *2023-10-21*
    <BLANKLINE>
    One.
    """
    parts = []
    if doc.title:
        parts.append(f"# {doc.title}")
    if doc.date:
        parts.append(f"*{doc.date}*")
    parts.extend(doc.body)
    out = "\n\n".join(parts) + "\n"
    if explain:
        out += "\n<!--\n" + explain_lines(doc).replace("--", "- -") + "-->\n"
    return out


WRITERS: dict[str, Callable[[Document, bool], str]] = {
    "text": write_text,
    "json": write_json,
    "jsonl": write_jsonl,
    "markdown": write_markdown,
}

#: File extension of an output written in each format.
EXTENSIONS = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}
