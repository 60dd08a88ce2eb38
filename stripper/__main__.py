"""``python -m stripper``: the same as the ``stripper`` command."""

from .cli import cli

cli()
