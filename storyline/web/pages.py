"""The server-rendered pages: overview, timeline, disputes, actors (and network), dyad,
articles, search, and a readable rendering of the API's OpenAPI description at /docs.

Each handler builds its view with ``views`` and renders one template. Static files are served
from an allow-list held in memory: no part of a URL ever becomes a file-system path.
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..store.search import search_sentences
from . import views
from .app import ApiError
from .templating import environment, static_file

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=environment())

# Rows per page on the HTML timeline and search pages.
TIMELINE_PAGE = 100
SEARCH_PAGE = 25
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
MEDIA_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}

NAV = (("/", "Overview"), ("/timeline", "Timeline"), ("/disputes", "Disputes"), ("/actors", "Actors"),
       ("/dyad", "Dyad"), ("/articles", "Articles"), ("/search", "Search"), ("/docs", "API"))


def _render(request: Request, name: str, context: dict, status: int = 200) -> HTMLResponse:
    context = {"nav": NAV, "path": request.url.path, "report": False, **context}
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", {"status": status, "message": message}, status)


def _corpus(request: Request) -> views.Corpus:
    return views.Corpus(request.app.state.store)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request):
    corpus = _corpus(request)
    return _render(request, "overview.html", {"o": views.overview(corpus),
                                              "pairs": views.named_pairs(corpus, 5)})


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request,
                  actor: Annotated[str, Query(max_length=200)] = "",
                  type: Annotated[str, Query(max_length=20)] = "",
                  since: Annotated[str, Query(pattern=DATE_PATTERN)] = "",
                  until: Annotated[str, Query(pattern=DATE_PATTERN)] = "",
                  page: Annotated[int, Query(ge=1)] = 1):
    corpus = _corpus(request)
    entries = views.timeline(corpus, actor, type, since, until)
    start = (page - 1) * TIMELINE_PAGE
    return _render(request, "timeline.html", {
        "entries": entries[start:start + TIMELINE_PAGE], "total": len(entries), "page": page,
        "pages": max(1, -(-len(entries) // TIMELINE_PAGE)), "types": views.story_types(corpus),
        "actors": views.dyad_choices(corpus),
        "filters": {"actor": actor, "type": type, "since": since, "until": until}})


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(request: Request, show: Literal["contested", "all"] = "contested"):
    corpus = _corpus(request)
    found = views.disputes(corpus, contested_only=show == "contested")
    return _render(request, "disputes.html", {"disputes": found, "show": show,
                                              "n_all": len(corpus.propositions)})


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request):
    corpus = _corpus(request)
    return _render(request, "actors.html", {"rows": corpus.actor_rows,
                                            "network": views.actor_network(corpus.events)})


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str):
    detail = views.actor_detail(_corpus(request), actor_id)
    if detail is None:
        raise ApiError(404, f"no actor with id {actor_id!r}")
    return _render(request, "actor.html", {"d": detail})


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: Annotated[str, Query(max_length=200)] = "",
              b: Annotated[str, Query(max_length=200)] = "",
              by: Literal["day", "week", "month"] = "month"):
    corpus = _corpus(request)
    pairs = views.named_pairs(corpus, 8)
    if not (a and b) and pairs:
        a, b = pairs[0]["a"], pairs[0]["b"]
    view = views.dyad_view(corpus, a, b, by) if a and b else None
    return _render(request, "dyad.html", {"view": view, "pairs": pairs, "a": a, "b": b, "by": by,
                                          "choices": views.dyad_choices(corpus)})


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request):
    corpus = _corpus(request)
    counts = {}
    for e in corpus.events:
        counts.setdefault(e.doc_id, [0, 0])[0] += 1
    for c in corpus.claims:
        counts.setdefault(c.doc_id, [0, 0])[1] += 1
    return _render(request, "articles.html", {"docs": corpus.docs, "counts": counts})


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: str):
    view = views.article_view(_corpus(request), doc_id)
    if view is None:
        raise ApiError(404, f"no article with id {doc_id!r}")
    return _render(request, "article.html", {"a": view})


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                page: Annotated[int, Query(ge=1)] = 1):
    result = search_sentences(request.app.state.store, q, SEARCH_PAGE, (page - 1) * SEARCH_PAGE) if q else None
    pages = max(1, -(-result.total // SEARCH_PAGE)) if result else 1
    titles = {d["id"]: d["display"] for d in _corpus(request).docs} if result and result.hits else {}
    return _render(request, "search.html", {"q": q, "result": result, "page": page, "pages": pages,
                                            "titles": titles})


@router.get("/docs", response_class=HTMLResponse)
def api_docs_page(request: Request):
    """The OpenAPI description as a page (no Swagger UI: it would load from a CDN)."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": _schema_type(p.get("schema", {})),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            operations.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": op.get("description", ""), "params": params,
                               "tag": (op.get("tags") or ["other"])[0],
                               "responses": sorted(op.get("responses", {})),
                               "returns": _schema_name(op.get("responses", {}).get("200", {})),
                               "errors": any(c != "200" for c in op.get("responses", {}))})
    return _render(request, "docs.html", {"spec": spec, "operations": operations,
                                          "ingest_enabled": request.app.state.token is not None})


def _schema_name(response: dict) -> str:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
        return "list of " + schema["items"]["$ref"].rsplit("/", 1)[-1]
    return ""


def _schema_type(schema: dict) -> str:
    if "enum" in schema:
        return " | ".join(str(x) for x in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = schema.get("type", "")
    if schema.get("pattern"):
        kind += f" ({schema['pattern']})"
    return kind


@router.get("/static/{name}")
def static(name: str):
    try:
        data = static_file(name)
    except KeyError:
        raise ApiError(404, f"no static file {name!r}") from None
    suffix = name[name.rfind("."):] if "." in name else ""
    return Response(data, media_type=MEDIA_TYPES.get(suffix, "application/octet-stream"),
                    headers={"cache-control": "public, max-age=3600"})


@router.get("/favicon.ico")
def favicon():
    return Response(status_code=204)


__all__ = ["router", "render_error"]
