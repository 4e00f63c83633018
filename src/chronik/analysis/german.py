"""Facts of German word forms that several analysis steps share, so that an earlier step
need not import a later one for them."""

from __future__ import annotations

# An inflected adjective's endings ("russische", "russischen"): entities, attribution and
# events each tell an adjective from a name or a noun by them.
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
