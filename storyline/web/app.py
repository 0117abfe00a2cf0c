"""The web application: the REST API under /api, the pages, and one error shape.

``create_app`` builds a FastAPI app over an open store; ``serve`` runs it with uvicorn (what
``storyline serve`` calls). The app is read-only unless it was created with a token; then
``POST /api/ingest`` accepts requests carrying ``Authorization: Bearer <token>`` and no others.

Every error is answered with one JSON shape::

    {"error": {"status": 404, "code": "not_found", "message": "no article with id 'x'"}}

except that a browser asking for a page (``Accept: text/html``, outside /api) gets the same
status and message as a readable HTML page.
"""
from __future__ import annotations

import ipaddress
import logging
import threading

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, DataError, IngestError, StorylineError, StoreError
from ..options import Options
from ..store import Store, open_store

log = logging.getLogger("storyline.web")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("storyline")
    except PackageNotFoundError:
        return "unknown"

ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
               415: "unsupported_media_type", 422: "invalid_request", 500: "internal_error",
               503: "unavailable"}

# Pages and scripts come only from this server; Plotly injects <style> elements, hence
# 'unsafe-inline' for styles (never for scripts: chart data travels as JSON data blocks).
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                           "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [(b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY")]


class ApiError(Exception):
    """An error the API answers with its status, a stable code and a readable message."""

    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or ERROR_CODES.get(status, "error")
        self.message = message


def error_body(status: int, code: str, message: str) -> dict:
    """The one error shape."""
    return {"error": {"status": status, "code": code, "message": message}}


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, status: int, code: str, message: str, headers=None):
    if _wants_html(request):
        from .pages import render_error

        return render_error(request, status, message)
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _storyline_status(exc: StorylineError) -> tuple[int, str]:
    if isinstance(exc, IngestError):
        return 422, "invalid_article"
    if isinstance(exc, ConfigError):
        return 400, "bad_request"
    if isinstance(exc, StoreError):
        return 503, "store_unavailable"
    if isinstance(exc, DataError):
        return 500, "data_error"
    return 500, "internal_error"


def install_error_handlers(app: FastAPI) -> None:
    """Every error (ours, HTTP, validation, unexpected) answered in the one shape."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else ERROR_CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return _respond(request, exc.status_code, ERROR_CODES.get(exc.status_code, "error"), message,
                        headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return _respond(request, 422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError):
        status, code = _storyline_status(exc)
        return _respond(request, status, code, str(exc))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _respond(request, 500, "internal_error",
                        "internal error; the server log has the details")


def create_app(store: Store, token: str | None = None, options: Options | None = None) -> FastAPI:
    """The web app over ``store``. Ingest over the API is enabled only when ``token`` is set
    (``options`` then gives the ingest settings; defaults otherwise)."""
    from . import api, pages

    app = FastAPI(
        title="Storyline", version=_version(), docs_url=None, redoc_url=None,
        openapi_url="/openapi.json",
        description="Who did and said what to whom, when, with every fact traced to its sentence. "
                    "Read-only unless the server was started with a token. Every list is paginated "
                    "(`limit`, `offset`, `total`); every error has the shape "
                    '`{"error": {"status", "code", "message"}}`.')
    app.state.store = store
    app.state.token = token or None
    app.state.options = options or Options(db_url=store.url, progress=False)
    app.state.ingest_lock = threading.Lock()
    app.include_router(api.router)
    app.include_router(pages.router)
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    return app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(options: Options, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the web UI and the API with uvicorn until interrupted.

    Binds to 127.0.0.1 unless another host is given. Raises StoreError when the store
    cannot be opened.
    """
    import uvicorn

    if not _is_loopback(host):
        log.warning("serving on %s: anyone who can reach this address can read the store", host)
    store = open_store(options.db_url)
    app = create_app(store, token=token, options=options)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()
