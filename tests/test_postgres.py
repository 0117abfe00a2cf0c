"""The store on a real PostgreSQL server, started from Debian's package for these tests."""
from __future__ import annotations

import pytest

from storyline.ingest import validate
from storyline.nlp import parse_text
from storyline.records import Analysis, PublicationDate, RawArticle
from storyline.store import open_store
from storyline.store.schema import SCHEMA_VERSION

pytestmark = pytest.mark.postgres


def test_postgres_store_migrates_and_round_trips_an_article(pg_url):
    store = open_store(pg_url)
    try:
        doc = validate(RawArticle(origin="pg.txt", name="pg", text=(
            "Egypt and Ethiopia resumed talks on the Nile dam in Cairo on Sunday, the foreign "
            "ministry said, after a pause of two years in the negotiations.")))
        parsed = parse_text(doc.text, doc.id)
        store.save_article(doc, parsed, Analysis(
            doc_id=doc.id, published=PublicationDate("2023-08-27", "day", "metadata", 1.0)))
        assert store.known_ids([doc.id]) == {doc.id}
        (back_doc, back_parse), = store.parses([doc.id])
        assert back_doc == doc and back_parse == parsed
        assert store.get_meta("schema_version") == SCHEMA_VERSION
        again = open_store(pg_url)  # reopening finds the schema current and the article there
        assert again.counts()["documents"] == 1
        again.close()
    finally:
        store.close()
