"""Helpers for the web tests: a store built record by record from a YAML description, and a
real uvicorn server on a free port in a background thread.

Imported by tests/test_web_api.py and tests/test_web_browser.py (not a conftest: the lead
owns tests/conftest.py).
"""
from __future__ import annotations

import re
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import yaml

from storyline.ingest import validate
from storyline.records import (ActorRef, Analysis, Claim, Event, EventDate, FramingTerm, Mention,
                               ParsedDoc, Perspective, Proposition, PublicationDate, Quote,
                               RawArticle, Sentence, Skipped, StoryEvent, TimeExpr)

ROOT = Path(__file__).resolve().parents[1]
WEB_DATA = ROOT / "tests" / "data" / "web"
CONSTRUCTED = WEB_DATA / "constructed-store.yaml"
# A sentence ends at . ! ? (or a closing quote after one) followed by space and a capital.
_SENTENCE_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["”]))\s+(?=["“A-Z])')
SERVER_START_TIMEOUT_S = 20


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences by punctuation, each line a paragraph: enough for hand-written fixtures."""
    out: list[Sentence] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        start = 0
        pieces = []
        for m in _SENTENCE_END.finditer(line):
            pieces.append((start, m.start()))
            start = m.end()
        pieces.append((start, len(line)))
        for a, b in pieces:
            if line[a:b].strip():
                out.append(Sentence(index=len(out), start=offset + a, end=offset + b, text=line[a:b],
                                    tok_start=0, tok_end=0, paragraph=paragraph))
        offset += len(line) + 1
    return tuple(out)


def _find(text: str, needle: str, nth: int = 0, after: str | None = None) -> int:
    """Offset of the nth occurrence of ``needle`` (after ``after`` when given)."""
    at = text.index(after) + len(after) if after else 0
    for _ in range(nth):
        at = text.index(needle, at) + 1
    return text.index(needle, at)


def _sentence_with(sentences, needle: str) -> Sentence:
    for s in sentences:
        if needle in s.text:
            return s
    raise AssertionError(f"fixture: no sentence contains {needle!r}")


def _ref(actors: dict, key: str | None) -> ActorRef | None:
    if key is None:
        return None
    a = actors[key]
    return ActorRef(actor_id=a.get("actor_id"), name=a.get("name"), kind=a.get("kind", "other"),
                    country=a.get("country"), code=a.get("code"), text=a.get("text"))


def build_constructed_store(store, path: Path = CONSTRUCTED) -> dict[str, str]:
    """Fill ``store`` from the YAML description; returns article name → document id."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    actors = spec["actors"]
    ids: dict[str, str] = {}
    for art in spec["articles"]:
        raw_text = (path.parent / art["file"]).read_text(encoding="utf-8") if art.get("file") else art["text"]
        checked = validate(RawArticle(origin=f"fixture:{art['name']}", name=art["name"], text=raw_text,
                                      title=art.get("title"), published=art.get("published"),
                                      outlet=art.get("outlet"), author=art.get("author")))
        assert not isinstance(checked, Skipped), checked
        doc = checked
        text = doc.text
        sentences = split_sentences(text)
        sent_of = lambda pos: next(s.index for s in sentences if s.start <= pos < s.end)  # noqa: E731
        timexes = []
        for t in art.get("timexes", []):
            start = _find(text, t["text"])
            timexes.append(TimeExpr(start=start, end=start + len(t["text"]), text=t["text"],
                                    sent=sent_of(start), kind=t.get("kind", "date"), value=t["value"],
                                    granularity=t["granularity"]))
        mentions = []
        for m in art.get("mentions", []):
            start = _find(text, m["text"], m.get("nth", 0), m.get("after"))
            mentions.append(Mention(start=start, end=start + len(m["text"]), text=m["text"],
                                    sent=sent_of(start), refs=(_ref(actors, m["actor"]),),
                                    how=m.get("how", "name")))
        events = []
        for e in art.get("events", []):
            s = _sentence_with(sentences, e["sentence"])
            at = s.text.find(e["trigger"])
            start = s.start + max(at, 0)
            events.append(Event(
                id=e["id"], doc_id=doc.id, sent=s.index, sentence=s.text, trigger=e["trigger"],
                start=start, end=start + len(e["trigger"]), source=_ref(actors, e["source"]),
                target=_ref(actors, e.get("target")), plover=e["plover"], mode=e.get("mode"),
                cameo=e["cameo"], goldstein=float(e["goldstein"]), quad_class=int(e["quad"]),
                modality=e.get("modality", "asserted"),
                date=EventDate(e.get("date"), "day" if len(e.get("date") or "") == 10 else "month",
                               "clause" if e.get("date") else "undated")))
        quotes = []
        for q in art.get("quotes", []):
            start = _find(text, q["content"])
            quotes.append(Quote(id=q["id"], doc_id=doc.id, sent=sent_of(start),
                                sentence=sentences[sent_of(start)].text, speaker=_ref(actors, q["speaker"]),
                                cue=q["cue"], content=q["content"], start=start,
                                end=start + len(q["content"]), direct=q["direct"]))
        claims = []
        for c in art.get("claims", []):
            s = _sentence_with(sentences, c["sentence"])
            claims.append(Claim(id=c["id"], doc_id=doc.id, sent=s.index, sentence=s.text,
                                speaker=_ref(actors, c["speaker"]), cue=c["cue"], text=c["text"],
                                direct=c["direct"], stance=c["stance"], quote_id=c.get("quote")))
        framing = []
        for f in art.get("framing", []):
            start = _find(text, f["term"])
            framing.append(FramingTerm(term=f["term"], matched=f["term"], start=start,
                                       end=start + len(f["term"]), dispute=f["dispute"], signals=f["signals"]))
        perspective = Perspective(genre=art["genre"], genre_evidence=(f"fixture says {art['genre']}",),
                                  author=art.get("author"), outlet=art.get("outlet"), framing=tuple(framing))
        published = PublicationDate(value=art.get("published"), granularity="day", origin="metadata",
                                    confidence=1.0, evidence=("the metadata gives it",))
        parsed = ParsedDoc(doc_id=doc.id, text=text, tokens=(), sentences=sentences, entities=(),
                           model="fixture")
        analysis = Analysis(doc_id=doc.id, published=published, timexes=tuple(timexes),
                            mentions=tuple(mentions), events=tuple(events), quotes=tuple(quotes),
                            claims=tuple(claims), perspective=perspective)
        store.save_article(doc, parsed, analysis)
        ids[art["name"]] = doc.id
    events_by_id = {e.id: e for e in store.events()}
    props, claim_props = [], {}
    for p in spec["propositions"]:
        docs = sorted({c.doc_id for c in store.claims() if c.id in p["claims"]})
        props.append(Proposition(id=p["id"], text=p["text"],
                                 asserted_by=tuple(_ref(actors, k) for k in p["asserted_by"]),
                                 denied_by=tuple(_ref(actors, k) for k in p["denied_by"]),
                                 contested=p["contested"], claims=tuple(p["claims"]), documents=tuple(docs),
                                 sides=tuple(p.get("sides", ()))))
        claim_props.update({c: p["id"] for c in p["claims"]})
    story = []
    for s in spec["storyline"]:
        evs = [events_by_id[i] for i in s["events"]]
        story.append(StoryEvent(id=s["id"], date=s["date"], granularity="day" if len(s["date"]) == 10 else "month",
                                summary=s["summary"], plover=s["plover"], source=_ref(actors, s["source"]),
                                target=_ref(actors, s["target"]), events=tuple(s["events"]),
                                documents=tuple(sorted({e.doc_id for e in evs})),
                                sentences=tuple(f"{e.doc_id}:{e.sent}" for e in evs),
                                disagreements=tuple(s.get("disagreements", ())),
                                goldstein=float(s["goldstein"]), quad_class=int(s["quad"])))
    store.save_corpus_level(props, claim_props, story)
    return ids


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(app):
    """A real uvicorn server for ``app`` on 127.0.0.1 and a free port; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
