"""Imported once by the batch worker pool's fork server (see ``pool._context``): cleaning a
tiny page loads the phrase rules and every other lazy table, so each worker forked from the
server starts warm instead of loading them itself."""

from .pipeline import clean

clean("Warm-up headline\n\nA short warm-up sentence, so that every table gets loaded.")
