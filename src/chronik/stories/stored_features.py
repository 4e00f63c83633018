"""An article's story profile as the store keeps it, and back.

Apart from the engine because the app reads stored profiles too (related reading, late
vectors) without running the engine; the JSON shape is the store's `features` column.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

import numpy as np

from chronik.model import Article
from chronik.stories.features import Profile, Vector, embed_text, story_title


def encode_features(prof: Profile, backend: str, seen: datetime) -> bytes:
    """What the store keeps so that ``warm`` need not recompute (terms, entities, vector),
    and the times the engine took the article at: a revision of the article keeps them, so
    that a restarted engine places it where this one did."""
    data: dict[str, object] = {
        "t": prof.terms,
        "e": sorted(prof.entities),
        "l": prof.language,
        "b": backend,
        "s": seen.isoformat(),
        "w": prof.when.isoformat() if prof.when else None,
    }
    if prof.embedding is not None:
        data["v"] = _stored_vector(prof.embedding)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def with_vector(features: bytes, vector: Vector, backend: str) -> bytes | None:
    """Stored features with a vector made later, from ``backend``; None where they cannot
    be read or hold a vector already."""
    data = parse_features(features)
    if data is None or data.get("v"):
        return None
    data["v"], data["b"] = _stored_vector(vector), backend
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _stored_vector(vector: Vector) -> str:
    return base64.b64encode(vector.astype(np.float16).tobytes()).decode()


def parse_features(features: bytes) -> dict[str, Any] | None:
    """The stored features as their JSON object; None where none were kept or they cannot
    be read."""
    try:
        data = json.loads(features) if features else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def seen_at(data: dict[str, Any]) -> datetime | None:
    """The time the engine took the article at, kept in its features (None in features of
    an older engine)."""
    try:
        return datetime.fromisoformat(data["s"])
    except (ValueError, KeyError, TypeError):
        return None


def decode_features(features: bytes, article: Article, backend: str) -> Profile | None:
    data = parse_features(features)
    return profile_from(data, article, backend) if data else None


def profile_from(data: dict[str, Any], article: Article, backend: str) -> Profile | None:
    try:
        terms = {str(k): float(v) for k, v in data["t"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # features from an older engine: recompute
    vector = None
    # A vector from another embedding model lives in another space: recompute it when needed.
    if data.get("v") and data.get("b") == backend:
        vector = np.frombuffer(base64.b64decode(data["v"]), dtype=np.float16).astype(np.float32)
    when = data.get("w", article.published.isoformat() if article.published else None)
    return Profile(
        id=article.id,
        terms=terms,
        entities=frozenset(data.get("e", [])),
        when=datetime.fromisoformat(when) if isinstance(when, str) else None,
        language=str(data.get("l", "de")),
        embed_text=embed_text(article.title, article.text),
        embedding=vector,
        title=story_title(article.title, article.text),
    )
