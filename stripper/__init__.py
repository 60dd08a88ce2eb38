r"""stripper: strip boilerplate from scraped web pages.

    >>> import stripper
    >>> prose = "The council voted on Tuesday to extend the night bus service, officials said. "
    >>> doc = stripper.clean("Night Buses Extended\nloading...\n\n" + prose * 4)
    >>> doc.title, [r.rule for r in doc.removed], len(doc.body)
    ('Night Buses Extended', ['meta.title', 'ui.loading'], 1)
"""

from .batch import clean_many
from .config import Config
from .document import Document, Removal
from .errors import BinaryInputError, Failure, InputTooLargeError, StripperError, UndecodableInputError
from .inputs import Record
from .pipeline import clean

__version__ = "0.1.0"

__all__ = [
    "BinaryInputError", "Config", "Document", "Failure", "InputTooLargeError", "Record", "Removal",
    "StripperError", "UndecodableInputError", "__version__", "clean", "clean_many",
]
