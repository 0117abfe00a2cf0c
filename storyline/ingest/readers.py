"""Readers: files, directories, stdin and URLs to ``RawArticle`` records (or ``Skipped``).

One reader per format, chosen by extension; a reader never raises for one bad input: it
yields a ``Skipped`` naming the file (and line) and the reason, and goes on.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..records import RawArticle, Skipped

# A file this large is almost surely not one news article (a whole-site dump, a video, a
# database); reading it would cost memory for nothing. JSONL/CSV corpora may be larger.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_CORPUS_FILE_BYTES = 2 * 1024 * 1024 * 1024
# A title is a first line this short, without a sentence's final full stop.
MAX_TITLE_CHARS = 160
URL_TIMEOUT_S = 20

TEXT_EXTS = {".txt", ".text", ".md"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
FEED_EXTS = {".xml", ".rss", ".atom"}
JSONL_EXTS = {".jsonl", ".ndjson"}
CSV_EXTS = {".csv"}
PARQUET_EXTS = {".parquet"}
KNOWN_FIELDS = ("id", "title", "text", "url", "published", "outlet", "author")

Item = RawArticle | Skipped


def read_inputs(paths: Iterable[str], encoding: str = "utf-8") -> Iterator[Item]:
    """Every article in the given paths: files, directories (recursive), ``-`` or URLs."""
    for p in paths:
        if p == "-":
            yield from _read_text_bytes(sys.stdin.buffer.read(), "<stdin>", "stdin", encoding)
        elif p.startswith(("http://", "https://")):
            yield from read_url(p, encoding)
        else:
            path = Path(p)
            if path.is_dir():
                for child in sorted(q for q in path.rglob("*") if q.is_file()):
                    if not child.name.startswith(".") and child.name.lower() != "readme.md":
                        yield from read_file(child, encoding)
            elif path.exists():
                yield from read_file(path, encoding)
            else:
                yield Skipped(origin=p, reason="no such file or directory")


def read_file(path: Path, encoding: str = "utf-8") -> Iterator[Item]:
    """The articles in one file, by its extension (plain text when unknown)."""
    ext = path.suffix.lower()
    origin = str(path)
    size = path.stat().st_size
    limit = MAX_CORPUS_FILE_BYTES if ext in JSONL_EXTS | CSV_EXTS | PARQUET_EXTS else MAX_FILE_BYTES
    if size > limit:
        yield Skipped(origin, f"too large: {size / 1e6:.1f} MB, the limit for one {ext or 'text'} "
                              f"file is {limit / 1e6:.0f} MB; split it into articles")
        return
    if ext in JSONL_EXTS:
        yield from read_jsonl(path, encoding)
    elif ext in CSV_EXTS:
        yield from read_csv(path, encoding)
    elif ext in PARQUET_EXTS:
        yield from read_parquet(path)
    else:
        data = path.read_bytes()
        if ext in HTML_EXTS:
            yield from _guard(origin, lambda: [read_html(data, origin, path.stem)])
        elif ext in FEED_EXTS:
            yield from _guard(origin, lambda: list(read_feed(data, origin)))
        else:
            yield from _read_text_bytes(data, origin, path.stem, encoding)


def _guard(origin: str, produce) -> Iterator[Item]:
    try:
        yield from produce()
    except IngestError as exc:
        yield Skipped(exc.origin, exc.reason)


def decode(data: bytes, origin: str, encoding: str = "utf-8") -> str:
    """Bytes to text; binary data and undecodable bytes raise IngestError with a hint."""
    if b"\x00" in data[:8192]:
        raise IngestError(origin, "binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(origin, f"not valid {encoding.upper()} (byte 0x{data[exc.start]:02x} at "
                                  f"offset {exc.start}); convert it, or pass --encoding latin-1") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise IngestError(origin, "binary file, not text (too many control characters)")
    return text.lstrip("\ufeff")


def _read_text_bytes(data: bytes, origin: str, name: str, encoding: str) -> Iterator[Item]:
    try:
        text = decode(data, origin, encoding)
    except IngestError as exc:
        yield Skipped(exc.origin, exc.reason)
        return
    yield read_text(text, origin, name)


def read_text(text: str, origin: str, name: str) -> RawArticle:
    """A plain-text article; a short first line followed by more text is its title."""
    lines = text.strip().splitlines()
    title = None
    if len(lines) > 1:
        first = lines[0].strip()
        if 0 < len(first) <= MAX_TITLE_CHARS and not first.endswith((".", "”", '"')):
            title = first
    return RawArticle(origin=origin, name=name, text=text, title=title)


def read_html(data: bytes | str, origin: str, name: str, url: str | None = None) -> RawArticle:
    """The main text and metadata of an HTML page, extracted by trafilatura."""
    import trafilatura

    html = data if isinstance(data, str) else _html_text(data, origin)
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                         favor_precision=True)
    if result is None:
        raise IngestError(origin, "HTML page without extractable article text")
    doc = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (doc.get("text") or "").strip()
    if not text:
        raise IngestError(origin, "HTML page without extractable article text")
    meta = {k: doc[k] for k in ("description", "categories", "tags", "hostname", "language")
            if doc.get(k)}
    return RawArticle(origin=origin, name=name, text=text, title=doc.get("title"),
                      url=doc.get("url") or url, published=doc.get("date"),
                      outlet=doc.get("sitename"), author=doc.get("author"), metadata=meta)


def _html_text(data: bytes, origin: str) -> str:
    """An HTML page's text: UTF-8 when it is, else Latin-1 (pages rarely say, and are
    rarely anything else); binary data raises IngestError."""
    try:
        return decode(data, origin, "utf-8")
    except IngestError as exc:
        if "binary" in exc.reason:
            raise
        return data.decode("latin-1")


def read_feed(data: bytes, origin: str) -> Iterator[RawArticle]:
    """Each entry of an RSS or Atom feed, with its full content when the feed carries it."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise IngestError(origin, f"not a readable RSS/Atom feed: {feed.bozo_exception}")
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _html_to_text(html)
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                published = "%04d-%02d-%02d" % tuple(entry[key][:3])
                break
        yield RawArticle(origin=f"{origin}#{n}", name=entry.get("link") or f"{Path(origin).stem}-{n}",
                         text=text, title=entry.get("title"), url=entry.get("link"),
                         published=published, outlet=outlet, author=entry.get("author"))


def _html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, paragraphs on their own lines."""
    import lxml.html

    if "<" not in fragment:
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def read_jsonl(path: Path, encoding: str = "utf-8") -> Iterator[Item]:
    """One article per line; a bad line is skipped with its line number."""
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            origin = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                row = json.loads(decode(raw, origin, encoding))
            except IngestError as exc:
                yield Skipped(exc.origin, exc.reason)
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(origin, f"line is not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(row, dict):
                yield Skipped(origin, "line is not a JSON object")
                continue
            yield _from_row(row, origin, f"{path.stem}-{n}")


def read_csv(path: Path, encoding: str = "utf-8") -> Iterator[Item]:
    """One article per row, with a header naming at least a ``text`` column."""
    try:
        content = decode(path.read_bytes(), str(path), encoding)
    except IngestError as exc:
        yield Skipped(exc.origin, exc.reason)
        return
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(content))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Skipped(str(path), "CSV has no 'text' column in its header line")
        return
    for n, row in enumerate(reader, 2):
        yield _from_row(row, f"{path}:{n}", f"{path.stem}-{n - 1}")


def read_parquet(path: Path) -> Iterator[Item]:
    """One article per row of a Parquet table with a ``text`` column (the same fields as JSONL)."""
    import pyarrow.parquet as pq
    from pyarrow import ArrowException

    try:
        table = pq.read_table(path)
    except (ArrowException, OSError) as exc:
        yield Skipped(str(path), f"not a readable Parquet file: {exc}")
        return
    if "text" not in table.column_names:
        yield Skipped(str(path), "Parquet table has no 'text' column")
        return
    for n, row in enumerate(table.to_pylist(), 1):
        yield _from_row(row, f"{path}:{n}", f"{path.stem}-{n}")


def _from_row(row: dict, origin: str, fallback_name: str) -> RawArticle:
    def field(key):
        value = row.get(key)
        return str(value).strip() if value not in (None, "") else None

    return RawArticle(
        origin=origin, name=field("id") or field("url") or fallback_name, text=str(row.get("text") or ""),
        title=field("title"), url=field("url"), published=field("published"), outlet=field("outlet"),
        author=field("author"), metadata={k: v for k, v in row.items() if k not in KNOWN_FIELDS})


def read_url(url: str, encoding: str = "utf-8") -> Iterator[Item]:
    """Fetch a page (or a feed) over HTTP and read it as HTML (or RSS/Atom)."""
    request = urllib.request.Request(url, headers={"User-Agent": "storyline/0.1 (+offline-first)"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_S) as resp:
            data = resp.read(MAX_FILE_BYTES + 1)
            ctype = resp.headers.get("Content-Type", "")
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        yield Skipped(url, f"could not fetch: {getattr(exc, 'reason', exc)}")
        return
    if len(data) > MAX_FILE_BYTES:
        yield Skipped(url, f"too large: over {MAX_FILE_BYTES / 1e6:.0f} MB")
        return
    if "xml" in ctype or "rss" in ctype or "atom" in ctype:
        yield from _guard(url, lambda: list(read_feed(data, url)))
    elif "html" in ctype or data.lstrip()[:1] == b"<":
        yield from _guard(url, lambda: [read_html(data, url, url, url=url)])
    else:
        yield from _read_text_bytes(data, url, url, encoding)
