"""Readers and validation on our bad-input fixtures (tests/data/ingest/README.md lists them)."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest import content_id, normalise_text, read_inputs, validate
from storyline.records import RawArticle, Skipped

from conftest import DATA

INGEST = DATA / "ingest"


def outcomes(path: Path, encoding: str = "utf-8"):
    """Documents and Skipped records for one input, after validation."""
    out = []
    for item in read_inputs([str(path)], encoding):
        out.append(item if isinstance(item, Skipped) else validate(item))
    return out


def only_skip(path: Path, **kw) -> Skipped:
    (item,) = outcomes(path, **kw)
    assert isinstance(item, Skipped), f"{path.name} was accepted"
    assert str(path) in item.origin
    return item


def test_empty_and_blank_files_are_rejected_as_empty():
    assert "empty" in only_skip(INGEST / "empty.txt").reason
    assert "empty" in only_skip(INGEST / "whitespace-only.txt").reason


def test_binary_file_is_rejected_as_binary():
    assert "binary" in only_skip(INGEST / "binary.txt").reason


def test_invalid_utf8_names_the_byte_and_the_fix():
    reason = only_skip(INGEST / "invalid-utf8.txt").reason
    assert "UTF-8" in reason and "0xff" in reason and "--encoding latin-1" in reason
    (doc,) = outcomes(INGEST / "invalid-utf8.txt", encoding="latin-1")
    assert not isinstance(doc, Skipped)


@pytest.mark.parametrize("name", ["french.txt", "german.txt"])
def test_non_english_articles_are_rejected(name):
    reason = only_skip(INGEST / name).reason
    assert reason.startswith("not English")


def test_malformed_html_still_yields_its_article_text():
    (doc,) = outcomes(INGEST / "malformed.html")
    assert not isinstance(doc, Skipped)
    assert len(doc.text.split()) > 40
    assert "<script" not in doc.text and "function(" not in doc.text


def test_jsonl_bad_line_is_rejected_with_its_line_number_and_the_rest_read():
    items = outcomes(INGEST / "not-json-line.jsonl")
    skipped = [i for i in items if isinstance(i, Skipped)]
    docs = [i for i in items if not isinstance(i, Skipped)]
    assert len(docs) == 2
    assert len(skipped) == 1 and skipped[0].origin.endswith(":2") and "not JSON" in skipped[0].reason


def test_csv_rows_keep_unknown_fields_as_metadata():
    docs = [d for d in outcomes(INGEST / "table.csv") if not isinstance(d, Skipped)]
    assert len(docs) == 2
    assert all("section" in d.metadata for d in docs)
    assert all(d.published and len(d.published) >= 4 for d in docs)


def test_feeds_yield_one_article_per_entry_with_dates():
    rss = [d for d in outcomes(INGEST / "feed.xml") if not isinstance(d, Skipped)]
    atom = [d for d in outcomes(INGEST / "atom.xml") if not isinstance(d, Skipped)]
    assert len(rss) == 2 and len(atom) == 1
    assert all(d.published for d in rss + atom)


def test_the_same_article_with_other_whitespace_has_one_identity():
    a = [d for d in outcomes(INGEST / "duplicate-a.txt") if not isinstance(d, Skipped)][0]
    b = [d for d in outcomes(INGEST / "duplicate-b.txt") if not isinstance(d, Skipped)][0]
    assert a.id == b.id


def test_a_20_mb_file_is_rejected_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    line = "The ministers met in Geneva on Tuesday to discuss the ceasefire terms.\n"
    big.write_text(line * (20 * 1024 * 1024 // len(line) + 1), encoding="utf-8")
    assert "too large" in only_skip(big).reason


def test_missing_path_is_reported():
    (item,) = list(read_inputs(["/nonexistent/article.txt"]))
    assert isinstance(item, Skipped) and "no such file" in item.reason


def test_first_short_line_of_a_text_file_is_its_title(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text("Envoys Resume Talks in Doha\n\nNegotiators from both delegations returned to "
                    "the table in Doha on Monday, officials said, after a week-long pause in the "
                    "discussions over prisoner exchanges.\n", encoding="utf-8")
    (doc,) = outcomes(path)
    assert doc.title == "Envoys Resume Talks in Doha"
    assert doc.name == "talks"


def test_normalisation_unifies_line_endings_and_spaces():
    assert normalise_text("A\u00a0B\r\n\r\n\r\n\r\nC  \n") == "A B\n\nC"
    assert content_id("One  article\ntext") == content_id("One article text ")


def test_validate_keeps_metadata_and_normalises_the_date():
    raw = RawArticle(origin="x.jsonl:1", name="a1", text="Foreign ministers of the two countries met "
                     "in Ankara on Monday and agreed to reopen their embassies, officials said.",
                     published="2023-02-14T09:30:00Z", outlet="Wire", metadata={"section": "world"})
    doc = validate(raw)
    assert doc.published == "2023-02-14" and doc.metadata == {"section": "world"}
