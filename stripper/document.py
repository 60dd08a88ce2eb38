"""The one result type: what ``clean()`` returns and every writer prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Removal:
    """One input line that is not in the body, and the rule that took it out."""

    line: int
    text: str
    rule: str


@dataclass(slots=True)
class Document:
    """A cleaned page.

    ``body`` holds the article's paragraphs verbatim; ``removed`` explains every other line
    (the title and date lines included, under the rules ``meta.title`` and ``meta.date``).
    """

    title: str | None = None
    date: str | None = None
    body: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    #: The input line number of each body paragraph, so body and removals replay the input.
    body_lines: list[int] = field(default_factory=list)
    kind: str = "text"
    source: str | None = None
    url: str | None = None

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.body)

    def to_dict(self, *, explain: bool = False) -> dict:
        """The JSON shape: title, date, body (one string), source, kind; removed with ``explain``."""
        out = {"title": self.title, "date": self.date, "body": self.text,
               "source": self.source, "kind": self.kind}
        if self.url:
            out["url"] = self.url
        if explain:
            out["removed"] = [asdict(r) for r in self.removed]
        return out
