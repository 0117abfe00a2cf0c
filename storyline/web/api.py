"""The REST API under /api: the store's records as JSON, paginated, read-only by default.

Responses carry the records exactly as ``storyline.records`` defines them (the response
models below are those dataclasses, for the OpenAPI schema). Lists are pages:
``{"total", "limit", "offset", "items"}``. Ingest (``POST /api/ingest``) exists only when the
server was started with a token.
"""
from __future__ import annotations

import json
import secrets
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Path as PathParam, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import select

from .. import codec
from ..query import dated_events, filter_claims, filter_events, filter_propositions, filter_story
from ..records import (Actor, Claim, Document, DyadPoint, Event, Perspective, Proposition,
                       PublicationDate, RawArticle, Sentence, Skipped, StoryEvent, TimeExpr)
from ..store import Store
from ..store import schema
from ..store.search import document_sentences, search_sentences
from .app import ApiError
from .views import Corpus, dyad_pairs

router = APIRouter(prefix="/api")

# Page sizes: the default suits a screen; the cap keeps one response under a few MB.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# One ingest request: at most this many articles and bytes (a batch, not a corpus upload).
MAX_INGEST_ARTICLES = 200
MAX_INGEST_BYTES = 5 * 1024 * 1024
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` counts every item that matches the filters."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every endpoint."""

    error: ErrorDetail


class DocumentSummary(BaseModel):
    id: str
    name: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: str | None = Field(description="resolved publication date (metadata, dateline or inferred)")
    published_origin: str | None
    genre: str | None
    language: str | None
    ingested_at: str


class DocumentDetail(BaseModel):
    document: Document
    published: PublicationDate | None
    perspective: Perspective | None
    timexes: list[TimeExpr]
    sentences: list[Sentence]
    sources: list[str]


class ActorItem(BaseModel):
    actor: Actor
    mentions: int
    documents: int


class DyadResponse(BaseModel):
    a: str
    b: str
    by: str
    points: list[DyadPoint]


class DyadPair(BaseModel):
    a: str
    b: str
    events: int


class SearchHit(BaseModel):
    doc_id: str
    doc_title: str
    sent: int
    text: str
    spans: list[tuple[int, int]] = Field(description="character spans of the matched words in text")


class SearchPage(Page[SearchHit]):
    query: str
    engine: str = Field(description='"fts5" (SQLite full-text index) or "like" (substring match)')


class Status(BaseModel):
    counts: dict[str, int]
    schema_version: str | None
    ingest_enabled: bool


class IngestReportOut(BaseModel):
    ok: bool = Field(description="false when any article was rejected")
    stored: list[str]
    duplicates: list[Skipped]
    rejected: list[Skipped]


class ArticleIn(BaseModel):
    text: str = Field(min_length=1)
    id: str | None = Field(None, description="a name for the article (default: request-N)")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date, when known")
    outlet: str | None = None
    author: str | None = None


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text} for code, text in
    ((404, "not found"), (422, "invalid parameters"))}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
ActorFilter = Annotated[str | None, Query(max_length=200, description="country code (ISO3), actor id or name")]
DateFilter = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
TypeFilter = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,20}$", description="PLOVER type, e.g. ASSAULT")]


def _store(request: Request) -> Store:
    return request.app.state.store


def _page(items: list, limit: int, offset: int) -> JSONResponse:
    return JSONResponse({"total": len(items), "limit": limit, "offset": offset,
                         "items": codec.to_dict(items[offset:offset + limit])})


@router.get("/status", response_model=Status, tags=["store"], summary="Counts per table")
def status(request: Request):
    store = _store(request)
    return JSONResponse({"counts": store.counts(), "schema_version": store.get_meta("schema_version"),
                         "ingest_enabled": request.app.state.token is not None})


@router.get("/documents", response_model=Page[DocumentSummary], tags=["documents"],
            summary="Stored articles (without their text)", responses=ERRORS)
def documents(request: Request, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
              outlet: Annotated[str | None, Query(max_length=200)] = None,
              genre: Annotated[str | None, Query(max_length=40)] = None):
    fields = DocumentSummary.model_fields
    rows = [{k: r.get(k) for k in fields} for r in _store(request).document_rows()
            if (not outlet or (r.get("outlet") or "").lower() == outlet.lower())
            and (not genre or r.get("genre") == genre)]
    return _page(rows, limit, offset)


@router.get("/documents/{doc_id}", response_model=DocumentDetail, tags=["documents"],
            summary="One article: text, publication date, perspective, sentences", responses=ERRORS)
def document(request: Request, doc_id: Annotated[str, PathParam(max_length=64)]):
    store = _store(request)
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, f"no article with id {doc_id!r}")
    row = next((r for r in store.document_rows() if r["id"] == doc_id), {})
    return JSONResponse(codec.to_dict({
        "document": doc, "published": row.get("published_record"),
        "perspective": row.get("perspective"), "timexes": list(row.get("timexes") or ()),
        "sentences": document_sentences(store, doc_id), "sources": store.sources(doc_id)}))


@router.get("/events", response_model=Page[Event], tags=["events"], responses=ERRORS,
            summary="Events (who did what to whom), filtered")
def events(request: Request, actor: ActorFilter = None, type: TypeFilter = None,
           since: DateFilter = None, until: DateFilter = None,
           doc: Annotated[str | None, Query(max_length=64, description="document id")] = None,
           modality: Literal["asserted", "negated", "hypothetical", "intended", "reported"] | None = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    found = filter_events(dated_events(_store(request), doc), actor, type, since, until, doc, modality)
    return _page(found, limit, offset)


@router.get("/events/{event_id}", response_model=Event, tags=["events"], responses=ERRORS,
            summary="One event")
def event(request: Request, event_id: Annotated[str, PathParam(max_length=64)]):
    store = _store(request)
    with store.engine.connect() as conn:
        data = conn.execute(select(schema.events.c.data).where(schema.events.c.id == event_id)).scalar()
    if data is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    return JSONResponse(json.loads(data))


@router.get("/claims", response_model=Page[Claim], tags=["claims"], responses=ERRORS,
            summary="Attributed claims, filtered")
def claims(request: Request, actor: ActorFilter = None,
           stance: Literal["asserts", "denies"] | None = None,
           doc: Annotated[str | None, Query(max_length=64, description="document id")] = None,
           proposition: Annotated[str | None, Query(max_length=64, description="proposition id")] = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    found = filter_claims(_store(request).claims(doc_id=doc), actor, stance)
    if proposition:
        found = [c for c in found if c.proposition == proposition]
    return _page(found, limit, offset)


@router.get("/propositions", response_model=Page[Proposition], tags=["claims"], responses=ERRORS,
            summary="Propositions with who asserts and who denies them")
def propositions(request: Request, contested: bool = False, actor: ActorFilter = None,
                 limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    found = filter_propositions(_store(request).propositions(), contested, actor)
    found.sort(key=lambda p: (not p.contested, -len(p.claims), p.id))
    return _page(found, limit, offset)


@router.get("/storyline", response_model=Page[StoryEvent], tags=["storyline"], responses=ERRORS,
            summary="The merged, dated timeline")
def storyline(request: Request, actor: ActorFilter = None, type: TypeFilter = None,
              since: DateFilter = None, until: DateFilter = None,
              limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    story = filter_story(_store(request).story_events(), actor, since, until, type)
    story.sort(key=lambda s: (s.date is None, s.date or "", s.id))
    return _page(story, limit, offset)


@router.get("/actors", response_model=Page[ActorItem], tags=["actors"], responses=ERRORS,
            summary="Actors the corpus mentions, most mentioned first")
def actors(request: Request, country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0):
    from ..pipeline import list_actors

    rows = list_actors(_store(request), country=country)
    return _page([{"actor": r["actor"], "mentions": r["mentions"], "documents": r["documents"]}
                  for r in rows], limit, offset)


@router.get("/actors/{actor_id:path}", response_model=ActorItem, tags=["actors"], responses=ERRORS,
            summary="One actor with its roles and counts")
def actor(request: Request, actor_id: str):
    from ..pipeline import actor_base

    store = _store(request)
    found = actor_base(store).get(actor_id)
    if found is None:
        raise ApiError(404, f"no actor with id {actor_id!r}")
    mentions, docs = store.mention_counts().get(actor_id, (0, set()))
    return JSONResponse(codec.to_dict({"actor": found, "mentions": mentions, "documents": len(docs)}))


@router.get("/dyads", response_model=DyadResponse, tags=["dyads"], responses=ERRORS,
            summary="Conflict–cooperation between two actors or countries over time")
def dyads(request: Request,
          a: Annotated[str, Query(min_length=1, max_length=200, description="country code, actor id or name")],
          b: Annotated[str, Query(min_length=1, max_length=200, description="country code, actor id or name")],
          by: Literal["day", "week", "month"] = "month"):
    from ..dyads import dyad_trend

    points = dyad_trend(dated_events(_store(request)), a, b, by)
    return JSONResponse({"a": a, "b": b, "by": by, "points": codec.to_dict(points)})


@router.get("/dyads/pairs", response_model=list[DyadPair], tags=["dyads"],
            summary="The country pairs with the most events")
def pairs(request: Request, limit: Annotated[int, Query(ge=1, le=100)] = 10):
    return JSONResponse([{"a": a, "b": b, "events": n}
                         for a, b, n in dyad_pairs(Corpus(_store(request)), limit)])


@router.get("/search", response_model=SearchPage, tags=["search"], responses=ERRORS,
            summary="Sentences containing every word (or \"quoted phrase\") of q")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Limit = 20, offset: Offset = 0):
    result = search_sentences(_store(request), q, limit, offset)
    return JSONResponse({"query": q, "engine": result.engine, "total": result.total, "limit": limit,
                         "offset": offset, "items": codec.to_dict(list(result.hits))})


INGEST_BODY = {
    "requestBody": {"required": True, "content": {
        "application/json": {"schema": IngestIn.model_json_schema(ref_template="#/components/schemas/{model}")},
        "text/plain": {"schema": {"type": "string", "description": "one article: a title line, then its text"}},
    }}}


@router.post("/ingest", response_model=IngestReportOut, tags=["ingest"], openapi_extra=INGEST_BODY,
             summary="Analyse and store articles (only with the server's token)",
             responses={403: {"model": ErrorBody, "description": "ingest disabled, or wrong token"},
                        413: {"model": ErrorBody, "description": "request too large"},
                        415: {"model": ErrorBody, "description": "not JSON or plain text"},
                        422: {"model": ErrorBody, "description": "invalid articles"}})
async def ingest(request: Request):
    """JSON ``{"articles": [{"text": ..., "title": ..., "published": ...}]}``, or one article
    as ``text/plain``. Requires ``Authorization: Bearer <token>`` with the token the server
    was started with; without a token the server is read-only and answers 403."""
    _check_token(request)
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_INGEST_BYTES:
        raise ApiError(413, f"request larger than {MAX_INGEST_BYTES // (1024 * 1024)} MB; "
                            "send the articles in several requests")
    body = await request.body()
    if len(body) > MAX_INGEST_BYTES:
        raise ApiError(413, f"request larger than {MAX_INGEST_BYTES // (1024 * 1024)} MB")
    articles = _parse_articles(request.headers.get("content-type", ""), body)
    app = request.app
    report = await run_in_threadpool(_run_ingest, app.state.store, app.state.options,
                                     app.state.ingest_lock, articles)
    return JSONResponse(report)


def _check_token(request: Request) -> None:
    token = request.app.state.token
    if token is None:
        raise ApiError(403, "this server is read-only: start it with --token (or STORYLINE_TOKEN) "
                            "to enable ingest over the API", code="ingest_disabled")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(403, "ingest needs the header 'Authorization: Bearer <token>' with the "
                            "server's token")


def _parse_articles(content_type: str, body: bytes) -> list[ArticleIn]:
    kind = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(422, f"body is not UTF-8 (byte at offset {exc.start})") from None
    if kind == "text/plain":
        if not text.strip():
            raise ApiError(422, "empty article")
        return [ArticleIn(text=text)]
    if kind != "application/json":
        raise ApiError(415, "send application/json ({\"articles\": [...]}) or text/plain (one article)")
    try:
        payload = json.loads(text)
        return IngestIn.model_validate(payload).articles
    except json.JSONDecodeError as exc:
        raise ApiError(422, f"body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ApiError(422, f"invalid articles: {problems}") from None


def _run_ingest(store: Store, options, lock, articles: list[ArticleIn]) -> dict:
    """Hand the articles to the pipeline, one ingest at a time."""
    from ..pipeline import ingest_articles

    raws = [RawArticle(origin=f"request:{n}", name=a.id or f"request-{n}", text=a.text, title=a.title,
                       url=a.url, published=a.published, outlet=a.outlet, author=a.author)
            for n, a in enumerate(articles, 1)]
    with lock:
        report = ingest_articles(raws, store, options)
    return {"ok": report.ok, "stored": report.stored,
            "duplicates": [codec.to_dict(s) for s in report.duplicates],
            "rejected": [codec.to_dict(s) for s in report.rejected]}


__all__ = ["router"]
