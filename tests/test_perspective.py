"""The perspective stage: genre with evidence, author, outlet and framing vocabulary.

Fixture cases live in tests/data/perspective/<case>.txt with <case>.expected.yaml beside.
"""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import yaml

from storyline.errors import DataError
from storyline.nlp import parse_text
from storyline.perspective import (GENRE_THRESHOLD, compile_framing_lexicon, compile_genre_cues,
                                   describe_perspective, find_framing_terms)
from storyline.records import Perspective

HERE = Path(__file__).resolve().parent
CASES = HERE / "data" / "perspective"
REPO = HERE.parent
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "corpus" / "seeds.gold.yaml"
SAMPLES = REPO / "samples" / "corpus"


@pytest.fixture(scope="module")
def parse():
    """parse_text with the spaCy pipeline loaded once for the module."""
    parse_text("Warm-up.", "warm-up")
    return parse_text


def case_names():
    return sorted(p.stem for p in CASES.glob("*.txt"))


# ── fixture cases ───────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("case", case_names())
def test_fixture_case(parse, case):
    text = (CASES / f"{case}.txt").read_text(encoding="utf-8")
    expected = yaml.safe_load((CASES / f"{case}.expected.yaml").read_text(encoding="utf-8"))
    result = describe_perspective(parse(text, case), None, None, None)

    assert result.genre == expected["genre"]
    assert result.author == expected["author"]
    assert result.outlet == expected["outlet"]
    joined = "\n".join(result.genre_evidence)
    for snippet in expected.get("evidence_contains", []):
        assert snippet in joined, f"{snippet!r} not in evidence:\n{joined}"
    for snippet in expected.get("evidence_excludes", []):
        assert snippet not in joined
    got = [{"term": f.term, "matched": f.matched, "signals": f.signals, "dispute": f.dispute}
           for f in result.framing]
    assert got == expected["framing"]
    for f in result.framing:
        assert text[f.start:f.end] == f.matched


def test_every_case_has_its_expectation():
    assert case_names(), "no fixture cases found"
    for name in case_names():
        assert (CASES / f"{name}.expected.yaml").is_file(), name


# ── author and outlet ───────────────────────────────────────────────────────────────────

def test_metadata_author_and_outlet_win_over_the_text(parse):
    text = (CASES / "opinion-author-line.txt").read_text(encoding="utf-8")
    result = describe_perspective(parse(text), "A title", "  By  Jane   Roe ", "Balkan Desk")
    assert result.author == "Jane Roe"
    assert result.outlet == "Balkan Desk"
    assert result.genre == "opinion"


def test_byline_in_capitals_and_two_authors(parse):
    text = ("Talks on the dam resume in Cairo\nBY AMINA FARAH AND DAWIT BEKELE, Addis Ababa\n\n"
            "Delegations from Egypt, Ethiopia and Sudan met on Sunday to resume talks on the "
            "filling and operation of the dam, officials said.")
    result = describe_perspective(parse(text), None, None, None)
    assert result.author == "Amina Farah and Dawit Bekele"
    assert result.genre == "news"
    assert "a byline 'BY AMINA FARAH AND DAWIT BEKELE, Addis Ababa'" in result.genre_evidence


def test_a_sentence_starting_with_by_is_not_a_byline(parse):
    text = ("Ceasefire holds along the border\nBy Monday, the two armies had pulled back their "
            "forward units, officials in both capitals said.")
    assert describe_perspective(parse(text), None, None, None).author is None


def test_bio_line_is_not_read_as_author_in_news(parse):
    text = ("Leaders meet in Brussels\nThe leaders of Armenia and Azerbaijan met in Brussels on "
            "Sunday for talks hosted by the European Council.\n"
            "Nikol Pashinyan is the prime minister of Armenia.")
    result = describe_perspective(parse(text), None, None, None)
    assert result.genre == "news"
    assert result.author is None


# ── genre cues ──────────────────────────────────────────────────────────────────────────

def test_a_title_label_makes_an_opinion(parse):
    text = ("The corridor must stay open\n"
            "Ships have kept sailing despite the threats, officials said.")
    result = describe_perspective(parse(text), "Comment: The corridor must stay open", None, None)
    assert result.genre == "opinion"
    assert result.genre_evidence[0] == "a section label 'Comment: The corridor must stay open'"


def test_first_person_plural_advocacy_alone_can_decide(parse):
    text = ("Europe cannot wait for Moscow\n"
            "We must keep the grain moving. We should insure the ships ourselves. "
            "We need to fund the Danube route, and we must do it before the harvest. "
            "Our farmers and our partners depend on it.")
    result = describe_perspective(parse(text), None, None, None)
    assert result.genre == "opinion"
    assert any(e.startswith("first-person plural advocacy: 'we must' (2 times)")
               for e in result.genre_evidence)


def test_a_weak_cue_below_the_threshold_is_reported_but_stays_news(parse):
    text = ("Turkey says grain talks continue\nThe foreign ministry said in a statement that "
            "talks with all parties would continue next week.")
    result = describe_perspective(parse(text), None, None, None)
    assert result.genre == "news"
    assert result.genre_evidence[0].startswith(
        f"press release cues below the threshold (0.2 < {GENRE_THRESHOLD})")


def test_empty_text_is_news_without_cues(parse):
    result = describe_perspective(parse(""), None, None, None)
    assert result == Perspective(genre="news",
                                 genre_evidence=("no opinion, analysis or press-release cues",))


def test_perspective_is_picklable(parse):
    text = (CASES / "framing-many-disputes.txt").read_text(encoding="utf-8")
    result = describe_perspective(parse(text), None, None, None)
    assert pickle.loads(pickle.dumps(result)) == result


# ── framing ─────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("written, term", [
    ("Pakistan occupied Kashmir", "Pakistan-occupied Kashmir"),
    ("Pakistan\u2011occupied  Kashmir", "Pakistan-occupied Kashmir"),
    ("indian-controlled kashmir", "Indian-controlled Kashmir"),
    ("Gilgit Baltistan", "Gilgit-Baltistan"),
    ("Nagorno Karabakh", "Nagorno-Karabakh"),
    ("Donetsk People\u2019s Republic", "Donetsk People's Republic"),
    ("J&K", "Jammu and Kashmir"),
    ("Jammu & Kashmir", "Jammu and Kashmir"),
])
def test_framing_variants(written, term):
    found = find_framing_terms(f"Troops were moved to {written}'s border areas on Friday.")
    assert [(f.term, f.matched) for f in found] == [(term, written)]


def test_framing_terms_are_whole_words_and_acronyms_keep_their_case():
    assert find_framing_terms("The pok of a stick; a LOC report; Kievan Rus was old.") == ()
    assert [f.term for f in find_framing_terms("He spoke of PoK and the LoC.")] == [
        "PoK", "Line of Control"]


def test_the_longer_overlapping_term_wins():
    found = find_framing_terms(
        "Shelling in Pakistan-occupied Kashmir and in Azad Jammu and Kashmir.")
    assert [f.term for f in found] == ["Pakistan-occupied Kashmir", "Azad Jammu and Kashmir"]


def test_shield_hides_the_term_inside_a_longer_name():
    assert find_framing_terms("The People's Republic of China protested.") == ()
    assert [f.term for f in find_framing_terms("The Republic of China protested.")] == [
        "Republic of China"]


def test_each_term_once_at_its_first_occurrence():
    text = "The Line of Control was quiet. Later, firing along the line of control resumed."
    (only,) = find_framing_terms(text)
    assert (only.start, only.matched) == (4, "Line of Control")


# ── data validation ─────────────────────────────────────────────────────────────────────

def test_genre_table_errors_name_the_entry():
    with pytest.raises(DataError, match=r"genres\.opinion\[0\]: cue must be one of"):
        compile_genre_cues({"genres": {"opinion": [{"cue": "smell", "weight": 1}]}}, "g.yaml")
    with pytest.raises(DataError, match=r"evidence must be a string containing \{counts\}"):
        compile_genre_cues({"genres": {"opinion": [
            {"cue": "count", "phrases": ["we must"], "weight": 0.4, "evidence": "x"}]}}, "g.yaml")
    with pytest.raises(DataError, match="'news' is the default"):
        compile_genre_cues({"genres": {"news": [{"cue": "imperative", "weight": 1,
                                                 "evidence": "{examples}"}]}}, "g.yaml")


def test_framing_lexicon_errors_name_the_entry():
    dispute = {"dispute": "Kashmir", "sides": {"india": "Indian usage"},
               "terms": [{"term": "PoK", "signals": "pakistan"}]}
    with pytest.raises(DataError, match=r"dispute 'Kashmir': terms\[0\] \('PoK'\): signals"):
        compile_framing_lexicon({"disputes": [dispute]}, "f.yaml")
    twice = {"dispute": "X", "sides": {"a": "A usage"},
             "terms": [{"term": "Foo land", "signals": "a"},
                       {"term": "Bar land", "signals": "a", "variants": ["foo land"]}]}
    with pytest.raises(DataError, match="already a spelling of 'Foo land'"):
        compile_framing_lexicon({"disputes": [twice]}, "f.yaml")


def test_shipped_data_loads():
    from storyline.perspective import _framing_lexicon, _genre_cues
    assert {c.genre for c in _genre_cues()} == {"opinion", "analysis", "press release"}
    assert len({f.term for f in _framing_lexicon() if f.term}) > 100


# ── the sample corpus and the seeds ─────────────────────────────────────────────────────

def test_sample_corpus_genres(parse):
    if not SAMPLES.is_dir():
        pytest.skip("samples/corpus is absent")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    for jsonl in SAMPLES.glob("*.jsonl"):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    assert len(texts) == 6
    for name, text in texts.items():
        result = describe_perspective(parse(text, name), None, None, None)
        assert result.genre == ("opinion" if "opinion" in name else "news"), name
    op_ed = next(t for n, t in texts.items() if "opinion" in n)
    assert describe_perspective(parse(op_ed), None, None, None).author == "Halima Osei"


@pytest.mark.seeds
def test_seed_genres_and_kashmir_terms(parse):
    if not (SEEDS.is_dir() and GOLD.is_file()):
        pytest.skip("../shared/corpus is absent")
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["documents"]
    for name, doc in gold.items():
        text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        result = describe_perspective(parse(text, name), None, None, None)
        assert result.genre == doc["genre"], name
        if doc.get("author"):
            assert result.author == doc["author"], name
        kashmir = {f.term.casefold() for f in result.framing if f.dispute == "Kashmir"}
        wanted = {t.casefold() for t in doc.get("kashmir_terms", [])}
        assert wanted <= kashmir, f"{name}: missing {wanted - kashmir}"
        if not wanted:
            assert not kashmir, f"{name}: unexpected {kashmir}"
