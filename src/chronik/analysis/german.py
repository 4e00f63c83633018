"""Facts of German word forms that several analysis steps share, so that an earlier step
need not import a later one for them."""

from __future__ import annotations

from functools import cache

from chronik.analysis.gazetteer import read_data

# An inflected adjective's endings ("russische", "russischen"): entities, attribution and
# events each tell an adjective from a name or a noun by them.
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


@cache
def number_words() -> dict[str, int]:
    """Numbers written as words ("zwölf": 12): amounts for the entities step, casualty
    counts for the stories (``number_words`` in ``data/entities_rules.json``)."""
    values: dict[str, int] = read_data("entities_rules.json")["number_words"]["values"]
    return values
