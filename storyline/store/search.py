"""Sentence queries for the web layer and the report: full-text search and a document's
sentences.

On SQLite the search runs on the FTS5 table of migration 0002 (ranked by BM25, each word
matched as a prefix so "strike" finds "strikes"); on PostgreSQL, or a SQLite without FTS5,
it falls back to case-insensitive substring matching of every word. Either way the user's
text never reaches the query language unquoted: words are extracted and each is quoted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import and_, func, inspect, select, text

from ..records import Sentence
from . import schema as t
from .db import Store

FTS_TABLE = "sentences_fts"
# More words than this is a paste, not a query; the rest are ignored to bound the query size.
MAX_QUERY_TERMS = 12
# A word or a "quoted phrase" of the user's query.
_TERM = re.compile(r'"([^"]+)"|(\w+)', re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SentenceHit:
    """A sentence matching a search, with the character spans (into ``text``) that matched."""

    doc_id: str
    doc_title: str
    sent: int
    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of hits; ``total`` counts every match; ``engine`` is "fts5" or "like"."""

    query: str
    total: int
    hits: tuple[SentenceHit, ...]
    engine: str


def parse_query(query: str) -> list[tuple[str, ...]]:
    """The query as a list of terms, each a tuple of words (one word, or a quoted phrase)."""
    terms: list[tuple[str, ...]] = []
    for phrase, word in _TERM.findall(query or ""):
        words = tuple(_WORD.findall(phrase)) if phrase else (word,)
        if words:
            terms.append(words)
    return terms[:MAX_QUERY_TERMS]


def _fts_expression(terms: list[tuple[str, ...]]) -> str:
    """An FTS5 MATCH expression in which every user word is a quoted string (no operators)."""
    parts = []
    for words in terms:
        quoted = ['"' + w.replace('"', '""') + '"' for w in words]
        # A lone word matches as a prefix; a phrase's words must follow each other.
        parts.append(quoted[0] + "*" if len(quoted) == 1 else " + ".join(quoted))
    return " AND ".join(parts)


def highlight_spans(sentence: str, terms: list[tuple[str, ...]]) -> tuple[tuple[int, int], ...]:
    """Where the query's terms occur in a sentence (prefix match, case-insensitive), merged."""
    found: list[tuple[int, int]] = []
    for words in terms:
        pattern = r"\W+".join(re.escape(w) for w in words)
        for m in re.finditer(r"(?<!\w)" + pattern + r"\w*", sentence, re.IGNORECASE | re.UNICODE):
            found.append(m.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def has_fts(store: Store) -> bool:
    """True when the store is SQLite with the FTS5 sentence table."""
    if store.engine.dialect.name != "sqlite":
        return False
    return FTS_TABLE in inspect(store.engine).get_table_names()


def search_sentences(store: Store, query: str, limit: int = 20, offset: int = 0) -> SearchResult:
    """Sentences matching every word of ``query`` (quoted phrases kept together), best first.

    An empty query (or one with no words) matches nothing.
    """
    terms = parse_query(query)
    if not terms:
        return SearchResult(query=query, total=0, hits=(), engine="none")
    if has_fts(store):
        return _search_fts(store, query, terms, limit, offset)
    return _search_like(store, query, terms, limit, offset)


def _hits(rows, terms) -> tuple[SentenceHit, ...]:
    """Rows of (doc_id, idx, text, title) as hits, with the query's words marked."""
    return tuple(SentenceHit(doc_id=r[0], doc_title=r[3], sent=int(r[1]), text=r[2],
                             spans=highlight_spans(r[2], terms)) for r in rows)


def _search_fts(store: Store, query: str, terms, limit: int, offset: int) -> SearchResult:
    expression = _fts_expression(terms)
    count_sql = text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q")
    rows_sql = text(
        f"SELECT {FTS_TABLE}.doc_id, {FTS_TABLE}.idx, {FTS_TABLE}.text, "
        f"coalesce(documents.title, documents.name) FROM {FTS_TABLE} "
        f"JOIN documents ON documents.id = {FTS_TABLE}.doc_id "
        f"WHERE {FTS_TABLE} MATCH :q ORDER BY rank, {FTS_TABLE}.doc_id, {FTS_TABLE}.idx "
        "LIMIT :limit OFFSET :offset")
    with store.engine.connect() as conn:
        total = conn.execute(count_sql, {"q": expression}).scalar() or 0
        rows = conn.execute(rows_sql, {"q": expression, "limit": limit, "offset": offset}).all()
    return SearchResult(query=query, total=int(total), hits=_hits(rows, terms), engine="fts5")


def _like_pattern(words: tuple[str, ...]) -> str:
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    return "%" + "%".join(escaped) + "%"


def _search_like(store: Store, query: str, terms, limit: int, offset: int) -> SearchResult:
    s, d = t.sentences, t.documents
    where = and_(*(s.c.text.ilike(_like_pattern(words), escape="\\") for words in terms))
    count = select(func.count()).select_from(s).where(where)
    rows = (select(s.c.doc_id, s.c.idx, s.c.text, func.coalesce(d.c.title, d.c.name))
            .join(d, d.c.id == s.c.doc_id).where(where)
            .order_by(d.c.name, s.c.idx).limit(limit).offset(offset))
    with store.engine.connect() as conn:
        total = conn.execute(count).scalar() or 0
        found = conn.execute(rows).all()
    return SearchResult(query=query, total=int(total), hits=_hits(found, terms), engine="like")


def document_sentences(store: Store, doc_id: str) -> list[Sentence]:
    """A document's sentences in order (from the sentences table: no parse to decode)."""
    s = t.sentences
    query = select(s.c.idx, s.c.start, s.c.end, s.c.text, s.c.paragraph).where(
        s.c.doc_id == doc_id).order_by(s.c.idx)
    with store.engine.connect() as conn:
        return [Sentence(index=r[0], start=r[1], end=r[2], text=r[3], tok_start=-1, tok_end=-1,
                         paragraph=r[4]) for r in conn.execute(query)]


def lead_sentences(store: Store) -> dict[str, str]:
    """Each document's first sentence (a stand-in title for articles without one)."""
    s = t.sentences
    with store.engine.connect() as conn:
        return dict(conn.execute(select(s.c.doc_id, s.c.text).where(s.c.idx == 0)).all())
