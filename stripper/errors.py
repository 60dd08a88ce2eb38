"""Errors stripper raises for input it cannot clean. Each message is one line that says what
was wrong and, where it can, what to do."""


class StripperError(ValueError):
    """Base class: the input could not be cleaned."""


class BinaryInputError(StripperError):
    """The input is binary data (an image, an archive, random bytes), not a page."""


class UndecodableInputError(StripperError):
    """No text encoding fits the input's bytes."""


class InputTooLargeError(StripperError):
    """The input (or what it decompresses to) is larger than the configured limit."""
