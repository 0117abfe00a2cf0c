"""Records to JSON-ready dicts and back, driven by the dataclasses' own type hints.

The store keeps each record's full content as JSON beside the columns it is queried by, and
the Dask driver ships records between processes; both need a faithful round trip.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
import zlib
from typing import Any, TypeVar

from . import records
from .records import ParsedDoc, Sentence, EntitySpan, Token

T = TypeVar("T")


def to_dict(record: Any) -> Any:
    """A record (or tuple/list/dict of them) as plain JSON-ready data."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (tuple, list)):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {str(k): to_dict(v) for k, v in record.items()}
    return record


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from ``to_dict`` output; unknown keys are ignored."""
    return _convert(cls, data)


def dumps(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_dict(cls, json.loads(text))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _convert(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _convert(hints[k], v) for k, v in data.items() if k in names})
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        item = args[0] if args else Any
        return tuple(_convert(item, x) for x in data)
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_convert(item, x) for x in data]
    return data


# ParsedDoc is the largest record by far (one entry per token); it is stored column-wise and
# compressed: about 12 bytes a token instead of ~200 as plain JSON objects.
_TOKEN_FIELDS = [f.name for f in dataclasses.fields(Token)]


def encode_parse(parsed: ParsedDoc) -> bytes:
    """Compact, compressed bytes of a parse, for the store."""
    payload = {
        "doc_id": parsed.doc_id, "text": parsed.text, "model": parsed.model,
        "tokens": {name: [getattr(t, name) for t in parsed.tokens] for name in _TOKEN_FIELDS},
        "sentences": to_dict(parsed.sentences), "entities": to_dict(parsed.entities),
    }
    return zlib.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6)


def decode_parse(blob: bytes) -> ParsedDoc:
    """The parse stored by ``encode_parse``."""
    payload = json.loads(zlib.decompress(blob).decode("utf-8"))
    cols = payload["tokens"]
    tokens = tuple(Token(*row) for row in zip(*(cols[name] for name in _TOKEN_FIELDS)))
    return ParsedDoc(
        doc_id=payload["doc_id"], text=payload["text"], model=payload["model"], tokens=tokens,
        sentences=tuple(from_dict(Sentence, s) for s in payload["sentences"]),
        entities=tuple(from_dict(EntitySpan, e) for e in payload["entities"]))
