"""Errors stripper raises for input it cannot clean or options that do not fit together, and the
:class:`Failure` a batch reports in place of an input it could not clean. Each message is one
line that says what was wrong and, where it can, what to do."""

from dataclasses import dataclass


class StripperError(ValueError):
    """Base class: the input could not be cleaned."""


class BinaryInputError(StripperError):
    """The input is binary data (an image, an archive, random bytes), not a page."""


class UndecodableInputError(StripperError):
    """No text encoding fits the input's bytes."""


class InputTooLargeError(StripperError):
    """The input (or what it decompresses to) is larger than the configured limit."""


class UsageError(ValueError):
    """The inputs and options do not fit together; the message says what to do instead."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be cleaned: its name and the reason, one line.

    >>> str(Failure("scraped/a.html", "binary data, not a text or HTML page"))
    'scraped/a.html: binary data, not a text or HTML page'
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def to_dict(self) -> dict:
        """The ``--errors`` JSONL shape."""
        return {"source": self.source, "error": self.reason}


def one_line_reason(exc: BaseException) -> str:
    """One line for an exception: the OS's wording for OSError, else the message."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
