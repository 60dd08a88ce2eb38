"""stripper: strip boilerplate from scraped web pages.

    >>> import stripper
    >>> doc = stripper.clean("Headline of the day\\n\\nloading...\\n" + "Real prose sentence here, with words. " * 4)
    >>> doc.title, [r.rule for r in doc.removed]
    ('Headline of the day', ['meta.title', 'ui.loading'])
"""

from .config import Config
from .document import Document, Removal
from .errors import BinaryInputError, InputTooLargeError, StripperError, UndecodableInputError
from .pipeline import clean

__version__ = "0.1.0"

__all__ = [
    "BinaryInputError", "Config", "Document", "InputTooLargeError", "Removal", "StripperError",
    "UndecodableInputError", "__version__", "clean",
]
