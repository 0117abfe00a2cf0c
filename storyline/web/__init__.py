"""The web layer: REST API, server-rendered pages and the views they share with the report.

    create_app(store, token=None) -> FastAPI     # storyline.web.app
    serve(options, host, port, token) -> None     # what `storyline serve` runs

Importing this package does not import FastAPI; the names above load it when first used.
"""
from __future__ import annotations

__all__ = ["create_app", "serve"]


def __getattr__(name: str):
    if name in __all__:
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module 'storyline.web' has no attribute {name!r}")
