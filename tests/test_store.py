"""The store: migrations, one transaction per article, exact round trips, duplicate sources."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from storyline import codec
from storyline.errors import StoreError
from storyline.ingest import validate
from storyline.nlp import parse_text
from storyline.records import (ActorRef, Analysis, Event, EventDate, Figure, PublicationDate,
                               RawArticle)
from storyline.store import open_store
from storyline.store.schema import SCHEMA_VERSION

TEXT = ("Turkish mediators hosted delegations from both countries in Istanbul on Friday.\n"
        "The foreign ministers agreed to extend the grain corridor for another 120 days, "
        "a spokesman said.")


def make_doc(text=TEXT, origin="memo.txt"):
    return validate(RawArticle(origin=origin, name="memo", text=text))


def test_opening_migrates_to_the_current_schema(store):
    names = set(inspect(store.engine).get_table_names())
    assert {"documents", "sources", "parses", "sentences", "events", "claims", "alembic_version"} <= names
    assert store.get_meta("schema_version") == SCHEMA_VERSION


def test_sqlite_runs_in_wal_mode(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_article_parse_and_analysis_round_trip(store):
    doc = make_doc()
    parsed = parse_text(doc.text, doc.id)
    ref = ActorRef(actor_id="TUR", name="Turkey", kind="state", country="TUR", code="TUR", text="Turkish")
    event = Event(id=f"{doc.id}:e0", doc_id=doc.id, sent=0, sentence=parsed.sentences[0].text,
                  trigger="hosted", start=18, end=24, source=ref, target=None, plover="CONSULT",
                  mode="third-party", cameo="046", goldstein=7.0, quad_class=1, modality="asserted",
                  date=EventDate("2022-07-22", "day", "clause", "on Friday"),
                  figures=(Figure(120, "days", "extension", "120 days", 0, 8),))
    analysis = Analysis(doc_id=doc.id, published=PublicationDate("2022-07-23", "day", "metadata", 1.0),
                        events=(event,))
    store.save_article(doc, parsed, analysis)
    (back_doc, back_parse), = store.parses()
    assert back_doc == doc
    assert back_parse == parsed
    assert store.events() == [event]
    assert store.counts()["sentences"] == len(parsed.sentences) == 2


def test_a_failed_write_leaves_nothing_behind(store):
    doc = make_doc()
    parsed = parse_text(doc.text, doc.id)
    bad = Analysis(doc_id=doc.id, published=PublicationDate(None, "unknown", "none", 0.0),
                   events=(None,))  # not an Event: the write fails inside the transaction
    with pytest.raises(Exception):
        store.save_article(doc, parsed, bad)
    counts = store.counts()
    assert counts["documents"] == counts["parses"] == counts["sentences"] == counts["sources"] == 0


def test_a_second_source_of_a_stored_article_is_recorded_once(store):
    doc = make_doc()
    store.save_article(doc, parse_text(doc.text, doc.id),
                       Analysis(doc_id=doc.id, published=PublicationDate(None, "unknown", "none", 0.0)))
    assert store.add_source(doc.id, "copy/memo.txt") is True
    assert store.add_source(doc.id, "copy/memo.txt") is False
    assert store.sources(doc.id) == ["memo.txt", "copy/memo.txt"]


def test_codec_round_trips_nested_records():
    pub = PublicationDate("2025-06", "month", "inferred", 0.6, ("a", "b"), ("c",), "2025-06-01", "2025-06-30")
    assert codec.loads(PublicationDate, codec.dumps(pub)) == pub


def test_unopenable_database_gives_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}")
