"""``python -m stripper``: the same as the ``stripper`` command."""

from .cli import cli

if __name__ == "__main__":
    cli()
