"""Validation: a ``RawArticle`` becomes a ``Document`` with a content hash, or a ``Skipped``.

The id is a hash of the normalised text, so the same article read from two files (or with
other line endings, or twice) gets one id and is stored once.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime

from ..knowledge import load_yaml
from ..records import Document, RawArticle, Skipped

# spaCy's limit is one million characters; a news article is a few thousand.
MAX_TEXT_CHARS = 1_000_000
# Fewer words than this is a headline or a caption, not an article an analyst would code.
MIN_WORDS = 8
# Language check: share of tokens that are English function words. English news runs at
# 0.35–0.50; French/German/Spanish news at 0.02–0.08 (measured on our fixtures). Texts
# shorter than MIN_WORDS_FOR_LANGUAGE are not judged.
MIN_ENGLISH_SHARE = 0.15
MIN_WORDS_FOR_LANGUAGE = 30

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def normalise_text(text: str) -> str:
    """NFC, unified line endings and spaces, no trailing blanks; offsets refer to this text."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def content_id(text: str) -> str:
    """The article's identity: a hash of its text with all whitespace collapsed."""
    canonical = " ".join(text.split()).casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def guess_language(text: str) -> tuple[str, float]:
    """The language whose function words are most frequent, and the English share."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return "unknown", 0.0
    table = load_yaml("ingest/languages.yaml")
    shares = {lang: sum(w in set(vocab) for w in words) / len(words) for lang, vocab in table.items()}
    best = max(shares, key=shares.get)
    return best, shares.get("en", 0.0)


def validate(raw: RawArticle) -> Document | Skipped:
    """A Document when the article is usable, else a Skipped with a reason that says why."""
    text = normalise_text(raw.text or "")
    if not text:
        return Skipped(raw.origin, "empty: no text to read")
    if len(text) > MAX_TEXT_CHARS:
        return Skipped(raw.origin, f"too large: {len(text):,} characters of text, the limit is "
                                   f"{MAX_TEXT_CHARS:,}; split it into articles")
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return Skipped(raw.origin, f"too short: {len(words)} words, an article needs at least {MIN_WORDS}")
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        lang, english = guess_language(text)
        if english < MIN_ENGLISH_SHARE:
            named = f" (looks like '{lang}')" if lang not in ("en", "unknown") else ""
            return Skipped(raw.origin, f"not English{named}: Storyline reads English news only")
    title = normalise_text(raw.title) if raw.title else None
    return Document(
        id=content_id(text), name=raw.name, text=text, origin=raw.origin, title=title or None,
        url=raw.url, published=normalise_published(raw.published), outlet=raw.outlet,
        author=raw.author, metadata=dict(raw.metadata))


def normalise_published(value: str | None) -> str | None:
    """A metadata date as ISO 'YYYY-MM-DD' (or 'YYYY-MM'/'YYYY'); None when unreadable."""
    if not value:
        return None
    value = str(value).strip()
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m:
        y, mo, d = m.groups()
        try:
            if d:
                return date(int(y), int(mo), int(d)).isoformat()
            if mo and 1 <= int(mo) <= 12:
                return f"{y}-{mo}"
            return y
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"}, languages=["en"])
    if isinstance(parsed, datetime):
        return parsed.date().isoformat()
    return None
