"""The temporal stage: expressions, event dates and publication dates, on texts of our own
(tests/data/time) and, when ../shared is present, on the seed articles."""
from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
import yaml

from storyline.nlp import parse_text
from storyline.records import Actor, Role
from storyline.temporal import (date_article, date_event, explain_dates, find_time_expressions,
                                normalise_date, resolve_publication_date)

DATA = Path(__file__).resolve().parent / "data" / "time"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _cases(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["cases"]


def _people() -> list[Actor]:
    out = []
    for p in yaml.safe_load((DATA / "people.yaml").read_text(encoding="utf-8")):
        roles = tuple(Role(title=r["title"], country=r.get("country", p["country"]), start=r.get("start"),
                           end=r.get("end"), org=r.get("org")) for r in p["roles"])
        out.append(Actor(id=p["id"], name=p["name"], kind="person", country=p["country"], roles=roles))
    return out


# ── expressions ─────────────────────────────────────────────────────────────────────────

EXPRESSIONS = _cases("expressions.yaml")


def test_the_fixture_set_covers_enough_cases():
    assert len(EXPRESSIONS) >= 40


@pytest.mark.parametrize("case", EXPRESSIONS, ids=[c["id"] for c in EXPRESSIONS])
def test_expression(case):
    parsed = parse_text(case["text"])
    found = find_time_expressions(parsed, case["anchor"])
    by_text = {t.text.lower(): t for t in found}
    for want in case["expect"]:
        got = by_text.get(want["text"].lower())
        assert got is not None, f"{want['text']!r} not found in {[t.text for t in found]}"
        assert case["text"][got.start:got.end] == got.text
        for field in ("value", "granularity", "kind", "modifier"):
            if field in want:
                assert getattr(got, field) == want[field], f"{field} of {got.text!r}: {got}"
        if "reason" in want:
            assert got.reason and want["reason"].lower() in got.reason.lower(), got
        if got.value is None:
            assert got.reason, f"unresolved without a reason: {got}"
    for text in case.get("absent", []):
        assert text.lower() not in by_text, f"{text!r} should not be a time expression"


@pytest.mark.parametrize("text", [
    "", "   \n\n  ", "February 30", "the day before", "May 10, '98", "99/99/9999",
    "On 31 April, 2021 and 0 May 2021 the 9999s began", "since since since 1947 1947",
    "Thursday Thursday last last week week", "In the 20s and the '00s", "a 12345678901234567890-day pause",
])
def test_odd_input_never_crashes(text):
    parsed = parse_text(text)
    for anchor in (None, "2025-06-18", "2025-06", "2025", "garbage"):
        for tx in find_time_expressions(parsed, anchor):
            assert tx.value is not None or tx.reason
    pub = resolve_publication_date(parsed, None)
    assert pub.origin in ("none", "inferred", "dateline")


def test_relative_expressions_follow_the_anchor():
    parsed = parse_text("The minister spoke on Thursday and will return next month.")
    early = {t.text: t.value for t in find_time_expressions(parsed, "2025-12-13")}
    late = {t.text: t.value for t in find_time_expressions(parsed, "2026-02-07")}
    assert early == {"Thursday": "2025-12-11", "next month": "2026-01"}
    assert late == {"Thursday": "2026-02-05", "next month": "2026-03"}


# ── event dates ─────────────────────────────────────────────────────────────────────────

EVENT_DATES = _cases("event_dates.yaml")


@pytest.mark.parametrize("case", EVENT_DATES, ids=[c["id"] for c in EVENT_DATES])
def test_event_date(case):
    parsed = parse_text(case["text"])
    timexes = find_time_expressions(parsed, case["anchor"])
    matches = [t for t in parsed.tokens if t.text == case["trigger"]]
    trigger = matches[case.get("occurrence", 1) - 1]
    date = date_event(parsed, timexes, trigger.i)
    want = case["expect"]
    assert (date.how, date.value) == (want["how"], want["value"]), date
    if "granularity" in want:
        assert date.granularity == want["granularity"]
    if date.how == "discourse":
        assert date.evidence and "earlier in the paragraph" in date.evidence
    if date.how == "undated":
        assert date.value is None


@pytest.mark.parametrize("headline, tells", [
    ("North Korean missile flies over Japan, sending residents to shelters", True),
    ("Tokyo protests after North Korean missile flies over Japan", True),
    ("Ten years after a North Korean missile flew over Japan, Tokyo rethinks", False),
    ("Five years ago, a North Korean missile flew over Japan", False),
    ("A year on, Japan still debates its answer to the missile that flew over Japan", False),
    ("North Korea tests a new engine", False),
])
def test_a_headline_tells_its_news_unless_it_looks_back(headline, tells):
    from storyline.temporal.cues import _headline_tells, settings
    sets = [[("North Korea",), "missile", ("over Japan", "flew over Japan")]]
    assert _headline_tells(headline, sets, settings()["headline_background"]) is tells


def test_event_date_out_of_range_trigger_is_undated():
    parsed = parse_text("On May 10, the army declared a ceasefire.")
    timexes = find_time_expressions(parsed, "2025-06-01")
    assert date_event(parsed, timexes, 999).how == "undated"
    assert date_event(parsed, timexes, -1).how == "undated"


# ── publication dates ───────────────────────────────────────────────────────────────────

ARTICLES = _cases("articles.yaml")


@pytest.mark.parametrize("case", ARTICLES, ids=[f"{c['file']}-{n}" for n, c in enumerate(ARTICLES)])
def test_publication_date(case):
    parsed = parse_text((DATA / "articles" / case["file"]).read_text(encoding="utf-8"))
    anchors = [tuple(a) for a in case.get("anchors", [])]
    pub = resolve_publication_date(parsed, case.get("metadata"), _people(), anchors, case.get("genre"))
    want = case["expect"]
    assert pub.origin == want["origin"], pub
    if "value" in want:
        assert pub.value == want["value"], pub
    if want.get("earliest"):
        assert pub.value and pub.value >= want["earliest"], pub
    if want.get("latest"):
        assert pub.value and pub.value <= want["latest"], pub
    if want.get("conflicts"):
        assert len(pub.conflicts) >= want["conflicts"], pub
    if pub.value:
        assert 0 < pub.confidence <= 1 and pub.evidence
        assert all(s.strip().endswith((".", ")")) for s in pub.evidence), pub.evidence
    else:
        assert pub.confidence == 0


@pytest.mark.parametrize("text, bounds", [
    ("Importers were given until March 15 to wind down their contracts with the two banks.", False),
    ("The ministry said the refinery has until October 2 to stop buying the crude.", False),
    ("Shelling went on until March 15, when both armies pulled back from the river.", True),
])
def test_a_granted_deadline_told_in_the_past_does_not_bound_the_article(text, bounds):
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.scan import scan
    parsed = parse_text(text)
    cues = collect_cues(parsed, scan(parsed), (), ())
    assert any("without a year" in c.evidence for c in cues) == bounds, [c.evidence for c in cues]


def test_an_event_named_through_of_phrases_ahead_of_the_clause_is_still_ahead():
    # the parser makes "Group" the head of "next week's Group of 20 summit"
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.scan import scan
    parsed = parse_text("The minister's visit comes ahead of next week's Group of 20 summit on the "
                        "Indonesian island of Bali, where the war is expected to dominate the talks.")
    cues = [c.evidence for c in collect_cues(parsed, scan(parsed), (), ()) if "Bali" in c.evidence]
    assert any("as still ahead" in c and "before it" in c for c in cues), cues
    assert not any("as past" in c or "as recent" in c for c in cues), cues
    # "next week's" summit (15 November 2022, a Tuesday): the article is in the week before
    assert any("from 2022-11-07 to 2022-11-13" in c for c in cues), cues


@pytest.mark.parametrize("text, national", [
    ("EU foreign policy chief Federica Mogherini welcomed the accord.", False),
    ("The EU's foreign policy chief Federica Mogherini welcomed the accord.", False),
    ("The European Union's foreign policy chief, Federica Mogherini, welcomed the accord.", False),
    ("Foreign Minister Federica Mogherini welcomed the accord in Rome.", True),
])
def test_a_title_after_an_organisation_is_a_post_in_it(text, national):
    # her Italian term (February to October 2014) is not what "EU foreign policy chief" names
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.scan import scan
    parsed = parse_text(text)
    cues = [c.evidence for c in collect_cues(parsed, scan(parsed), _people(), ())]
    assert any("from 2014-02-22 to 2014-10-31" in c for c in cues) == national, cues


def test_a_relative_expression_refers_to_the_event_nearest_it():
    # two known events in one sentence: "last week" goes with the suspension of the grain
    # deal beside it, "next week's" with the Bali summit it qualifies
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.scan import scan
    parsed = parse_text("The talks come ahead of next week's Group of 20 summit in Bali, and after Russia "
                        "suspended its participation in the Black Sea grain deal last week.")
    cues = [c.evidence for c in collect_cues(parsed, scan(parsed), (), ()) if "refers to" in c.evidence]
    assert any(c.startswith("'ahead of next week' refers to G20 summit in Bali") for c in cues), cues
    assert any(c.startswith("'last week' refers to Russia suspends") for c in cues), cues


def test_last_december_is_said_all_the_year_after_it():
    # a November 2015 article may speak of December 2014 as "last December", though a bare
    # "in December" told as past is taken to lie within the months before the article
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.intervals import DaySet
    from storyline.temporal.scan import scan

    def allows(text: str, day: dt.date) -> bool:
        parsed = parse_text(text)
        cue = next(c for c in collect_cues(parsed, scan(parsed), (), ()) if "December" in c.evidence)
        return bool(cue.allowed(2013, 2015).intersect(DaySet.of((day, day))))

    november = dt.date(2015, 11, 28)
    assert allows("Putin announced the pipeline during a visit to Ankara last December.", november)
    assert allows("Putin announced the pipeline during a visit to Ankara last December.", dt.date(2015, 12, 20))
    assert not allows("Putin announced the pipeline during a visit to Ankara in December.", november)


def test_normalise_metadata_dates():
    assert normalise_date("2025-06-04T08:00:00+05:30") == "2025-06-04"
    assert normalise_date("2025-06") == "2025-06"
    assert normalise_date("2025-02-30") is None
    assert normalise_date("4 June 2025") == "2025-06-04"
    assert normalise_date("soon") is None
    assert normalise_date("yesterday") is None  # never read against the machine's clock
    assert normalise_date("June 2025") == "2025-06"
    assert normalise_date("Wed, 04 Jun 2025 10:00:00 GMT") == "2025-06-04"


def test_date_article_resolves_against_the_inferred_date():
    parsed = parse_text((DATA / "articles" / "weekday-after-recent-event.txt").read_text(encoding="utf-8"))
    pub, timexes = date_article(parsed, None, _people())
    assert pub.value == "2025-04-24"
    thursday = next(t for t in timexes if t.text == "Thursday")
    assert (thursday.value, thursday.anchor) == ("2025-04-24", "2025-04-24")


def test_explain_dates_shows_expressions_and_reasoning():
    parsed = parse_text((DATA / "articles" / "conflicting-cues.txt").read_text(encoding="utf-8"))
    pub, timexes = date_article(parsed, None, _people())
    text = explain_dates(parsed, timexes, pub)
    assert "'March 3, 2024'" in text and "2024-03-03 day" in text
    assert "Publication date: 2024-03-04 (inferred" in text
    assert "Evidence:" in text and "Conflicts:" in text


def test_records_pickle():
    parsed = parse_text((DATA / "articles" / "deadline-and-past.txt").read_text(encoding="utf-8"))
    pub, timexes = date_article(parsed, None, _people())
    assert pickle.loads(pickle.dumps((pub, timexes))) == (pub, timexes)


# ── the seed articles (../shared) ───────────────────────────────────────────────────────

def _within(pred: str | None, gold: str, tol: int) -> bool:
    if not pred or len(pred) != 10:
        return False
    return abs((dt.date.fromisoformat(pred) - dt.date.fromisoformat(gold)).days) <= tol


@pytest.mark.seeds
def test_seed_publication_dates():
    gold_file = SHARED / "corpus" / "seeds.gold.yaml"
    if not gold_file.exists():
        pytest.skip("../shared is absent")
    try:
        from storyline.actors import load_actor_base
    except ImportError:
        pytest.skip("storyline.actors is not available")
    people = [a for a in load_actor_base().actors() if a.kind == "person"]
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["documents"]
    misses = []
    for name, g in gold.items():
        parsed = parse_text((SHARED / "corpus" / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))
        pub = resolve_publication_date(parsed, None, people)
        want = g["published"]
        if not _within(pub.value, str(want["date"]), want.get("tol", 0)):
            misses.append(f"{name}: got {pub.value}, gold {want['date']} ±{want.get('tol', 0)}")
    assert not misses, misses


# ── datelines as outlets write them ────────────────────────────────────────────────────

@pytest.mark.parametrize("text, value", [
    ("Truce holds\nKYIV, Ukraine, Oct. 30, 2022 (AP) — Russia said it had suspended the deal.", "2022-10-30"),
    ("Truce holds\nWASHINGTON/KYIV, Oct 30, 2022 (Wire) - Russia said it had suspended the deal.", "2022-10-30"),
    ("Truce holds\nBangkok, July 28, 2025 (AFP) – Thailand said the truce held.", "2025-07-28"),
    ("Truce holds\nPORT-AU-PRINCE, Haiti, March 3, 2024 — Gangs attacked the prison.", "2024-03-03"),
    ("Truce holds\nBy Jane Doe | July 28, 2025\nThailand said the truce held.", "2025-07-28"),
    ("Truce holds\nJuly 28, 2025 at 10:32 a.m. EDT\nThailand said the truce held.", "2025-07-28"),
])
def test_dateline_forms(text, value):
    pub = resolve_publication_date(parse_text(text), None)
    assert (pub.origin, pub.value) == ("dateline", value), pub


@pytest.mark.parametrize("text", [
    "Officials, July 28 — the day after the truce — said it held.",
    "Trump said on July 28, 2025 — in a post — that he was pleased.",
])
def test_a_sentence_with_a_date_and_a_dash_is_no_dateline(text):
    assert resolve_publication_date(parse_text(text), None).origin != "dateline"


def test_yearless_dateline_waits_for_a_cue_that_fixes_the_year():
    """The dateline's day is applied once a later cue (a known event) bounds the year."""
    text = ("GENEVA, Dec 3 — Delegates met on Tuesday, months after Russia's full-scale invasion "
            "of Ukraine, to discuss grain exports.")
    pub = resolve_publication_date(parse_text(text), None)
    assert pub.origin == "dateline" and pub.value and pub.value.endswith("-12-03"), pub
    assert pub.value >= "2022-12-03"


@pytest.mark.parametrize("text, earliest, latest", [
    # the article's present, so long after a known event
    ("More than three years after Russia's full-scale invasion of Ukraine, the front line is barely moving.",
     "2025-02-24", "2025-08-26"),
    ("Nearly two years into Russia's full-scale invasion of Ukraine, Kyiv is short of shells.",
     "2023-11-25", "2024-02-24"),
    # a headline without a verb: the time since the invasion is the article's present
    ("Three years after Russia's full-scale invasion of Ukraine", "2024-11-25", "2025-05-26"),
    # a past event measured from the known one: it says nothing about the article's day
    ("A prisoner exchange took place five months after Russia's full-scale invasion of Ukraine.", "2022-02-24", None),
    # a past act hung on another by "a day after", in a clause the parser hangs under a verb
    # that reports nothing ("thanked"): it dates the act, not the article
    ("On Monday, a day after the US bombing of Fordow, Iran fired missiles at Al Udeid Air Base in Qatar "
     "after giving advance warning; no one was hurt, and Trump thanked Tehran for the notice.",
     "2025-06-23", "2025-06-24"),
    # "for 30 days": how long the pause lasts, not how long ago the pause was
    ("Trump pauses tariffs on Mexico and Canada for 30 days after last-minute calls", "2025-02-03", "2025-04-04"),
])
def test_time_elapsed_since_a_known_event(text, earliest, latest):
    pub = resolve_publication_date(parse_text(text), None)
    assert (pub.earliest, pub.latest) == (earliest, latest), pub


def test_a_gerund_after_after_is_past_and_its_infinitive_has_no_tense():
    """"a day after pledging to lift sanctions": the pledge is done before what it hangs on;
    what was pledged may still be ahead."""
    from storyline.temporal.scan import clause_tense

    parsed = parse_text("Trump meets Syria's leader in Riyadh a day after pledging to lift sanctions")
    by_word = {t.text: t.i for t in parsed.tokens}
    assert clause_tense(parsed, by_word["pledging"]) == "past"
    assert clause_tense(parsed, by_word["lift"]) is None


@pytest.mark.parametrize("text, word, tense", [
    ("The judges ordered the government not to carry out the sentence until the court issues "
     "its final judgment.", "issues", "future"),
    ("Shelling is likely to continue before the negotiators begin their second round in Geneva.",
     "begin", "future"),
    ("Aid convoys will move once the truce takes hold along the front.", "takes", "future"),
    # a past verb in such a clause is past, and so is any clause outside one
    ("The envoy left before the vote was held.", "held", "past"),
    ("The minister says the border remains closed.", "remains", "present"),
    # an expectation in the present passive is ahead too
    ("Both leaders are expected at next week's summit in Granada.", "expected", "future"),
    ("The vote is scheduled for Sunday.", "scheduled", "future"),
    # a past expectation says nothing of whether it came true; a perfect passive is past
    ("The ministers were expected to attend the talks.", "attend", None),
    ("The prices have been set by the cartel.", "set", "past"),
])
def test_the_present_of_a_time_clause_is_still_ahead(text, word, tense):
    """"until the court issues its judgment", "are expected at next week's summit": English
    writes what is ahead in the simple present of a clause of time and in the present passive
    of an expectation."""
    from storyline.temporal.scan import clause_tense

    parsed = parse_text(text)
    by_word = {t.text: t.i for t in parsed.tokens}
    assert clause_tense(parsed, by_word[word]) == tense


@pytest.mark.parametrize("text, ends", [
    # the title held until the act the sentence tells: it bounds the article only from the start
    ("An Israeli strike on Beirut killed Hezbollah Secretary-General Hassan Nasrallah, the group said.", True),
    ("Israeli jets struck Beirut and killed several commanders, among them Hezbollah "
     "Secretary-General Hassan Nasrallah.", True),
    # the title as current: the whole term bounds the article
    ("Hezbollah Secretary-General Hassan Nasrallah said the group would keep firing.", False),
])
def test_a_title_whose_term_the_sentence_ends(text, ends):
    pub = resolve_publication_date(parse_text(text), None, _people())
    title = [e for e in pub.evidence if "Nasrallah was Secretary-General" in e]
    assert title and ("tells how that ended" in title[0]) == ends, pub.evidence
    assert (pub.latest is None or pub.latest > "2024-10-04") == ends, pub


def test_a_month_of_the_year_the_text_named_is_no_yearless_month():
    """"A truce in November that year", after "the war began on Oct. 7, 2023", is November
    2023: it must not say the article comes a few months after some November."""
    text = ("Israel's cabinet met on Thursday to approve the hostage deal. The war began on Oct. 7, "
            "2023, when gunmen attacked southern Israel. A week-long truce in November that year saw "
            "more than 100 hostages freed. President Joe Biden welcomed the deal.")
    pub = resolve_publication_date(parse_text(text), None, _people())
    assert not any("November" in e and "without a year" in e for e in pub.evidence), pub.evidence
    assert pub.earliest == "2023-10-19", pub  # a week after the written-out date: see _written_out_floor


@pytest.mark.parametrize("text, expression, keyword, tied", [
    # "last month" dates the taking of office, not the trip
    ("It was Rubio's first foreign trip since he took office last month, and Panama was his first stop.",
     "last month", "trip", False),
    # a weekday beside the event in its own clause
    ("Russian missiles struck the port of Odesa on Saturday, a day after the grain deal was signed.",
     "Saturday", "struck", True),
    # what a statement reports is dated by the day it was told
    ("India said on Thursday that its soldiers had carried out strikes across the Line of Control.",
     "Thursday", "strikes", True),
    # a span with its own clause: "eleven days after gunmen stormed the base"
    ("The raid came eleven days after gunmen stormed an army base in Uri.", "eleven days", "stormed", True),
])
def test_a_relative_expression_refers_to_an_event_of_its_own_clause(text, expression, keyword, tied):
    """A relative expression dates the known event named in its clause (or in the speech its
    clause reports, or in the clause that hangs on it), not one named elsewhere in the sentence."""
    from storyline.temporal.cues import _EventHit, _same_clause
    from storyline.temporal.scan import scan

    parsed = parse_text(text)
    found = next(f for f in scan(parsed) if f.text == expression)
    at = text.index(keyword)
    hit = _EventHit(name="an event", dates=[dt.date(2025, 1, 1)], sentences={found.sent}, tense="past",
                    text=text, recent=False, offsets=(at,))
    assert _same_clause(parsed, found, hit) is tied


@pytest.mark.parametrize("text, future", [
    # the plebiscite is ahead even where the parser hangs it on "the accord"
    ("Colombians will be asked to approve the accord in a plebiscite on October 2.", True),
    # "its response to Iran's attack": the response is ahead, the attack is not
    ("Israel will weigh its response to Iran's attack on Sunday.", False),
])
def test_a_noun_event_takes_the_clause_future_unless_another_noun_takes_it_up(text, future):
    from storyline.temporal.cues import _inside_noun_phrase

    parsed = parse_text(text)
    word = next(t for t in parsed.tokens if t.text in ("plebiscite", "attack"))
    assert _inside_noun_phrase(parsed, word.i) is not future


def test_a_vote_named_by_its_weekday_dates_the_article_to_the_week_after_it():
    """"Sunday's presidential runoff" beside Moldova: the article is in the week after one of
    Moldova's Sunday votes that Blinken's term allows (July 2021, October or November 2024),
    not the first Monday of his term."""
    text = (DATA / "articles" / "vote-named-by-its-weekday.txt").read_text(encoding="utf-8")
    pub = resolve_publication_date(parse_text(text), None, _people())
    weeks = [("2021-07-11", "2021-07-17"), ("2024-10-20", "2024-10-26"), ("2024-11-03", "2024-11-09")]
    assert pub.value and any(lo <= pub.value <= hi for lo, hi in weeks), pub
    assert any("names a vote held on a Sunday" in e for e in pub.evidence), pub.evidence


@pytest.mark.parametrize("text, word, tense", [
    # a bare to-infinitive takes the time of the verb it hangs on
    ("Lee became the first sitting president to set foot on the islets.", "set", "past"),
    # a causative's infinitive happened when the cause did
    ("The visit angered Tokyo, prompting the government on Friday to call its ambassador home.",
     "call", "past"),
    # a commitment's infinitive past says nothing of whether it came true
    ("The rebels agreed to hand back the districts by November 15.", "hand", None),
])
def test_an_infinitive_takes_the_time_of_its_verb(text, word, tense):
    from storyline.temporal.scan import clause_tense

    parsed = parse_text(text)
    by_word = {t.text: t.i for t in parsed.tokens}
    assert clause_tense(parsed, by_word[word]) == tense


def test_a_weekday_something_was_ahead_of_is_not_the_reports_day():
    """"flew in days ahead of Wednesday's anniversary": the Wednesday may be after the article
    too, so it does not name the day the report is filed on."""
    from storyline.temporal.publication import _past_weekdays
    from storyline.temporal.scan import scan

    parsed = parse_text("The minister flew to the islands on Monday, days ahead of Wednesday's "
                        "anniversary of the surrender.")
    weekdays = {f.text for f in _past_weekdays(scan(parsed))}
    assert "Monday" in weekdays and not any("Wednesday" in w for w in weekdays)


def test_a_report_is_not_dated_within_a_week_of_a_day_it_writes_out():
    """Two Sunday votes fit (the first round on 9 February 2025 and the runoff on 13 April);
    the report writes out "February 9" and names its own week's days by weekday, so it is
    from the runoff's week."""
    text = ("Gonzalez rejects Ecuador runoff result\n\n"
            "QUITO — Luisa Gonzalez said on Monday she would not recognise the result of Sunday's "
            "vote, in which President Daniel Noboa took about 56 percent against her 44 percent, "
            "and asked for a recount in several provinces.\n\n"
            "The two had finished almost level in the first round of the presidential election on "
            "February 9. Secretary of State Marco Rubio congratulated Noboa on Monday.")
    pub = resolve_publication_date(parse_text(text), None, _people())
    assert pub.value == "2025-04-14", pub


def test_a_title_in_a_past_when_clause_is_the_one_held_then():
    """"since December, when the administration of US President Donald Trump recognised ...":
    the title dates that December, not the article; a title in the report's own clause does."""
    from storyline.temporal.cues import _past_when_clause

    then = ("Morocco has been emboldened since December, when the administration of US President "
            "Donald Trump recognised its sovereignty over Western Sahara.")
    now = "US President Donald Trump recognised Moroccan sovereignty over Western Sahara on Thursday."
    assert _past_when_clause(parse_text(then), then.index("Donald"))
    assert not _past_when_clause(parse_text(now), now.index("Donald"))


@pytest.mark.parametrize("text, tense", [
    ("President Vladimir Putin on Friday ordered a halt to flights by Russian airlines to Georgia "
     "from July 8.", None),
    ("Flights between the two countries resumed from July 8 after a two-year halt.", "past"),
])
def test_the_day_an_ordered_measure_starts_is_scheduled(text, tense):
    from storyline.temporal.scan import scan

    found = {f.text: f for f in scan(parse_text(text))}
    date = next(f for t, f in found.items() if "July 8" in t)
    assert date.tense == tense, date


@pytest.mark.parametrize("text, tense", [
    # what a past clause happened before lies after it, on either side of the report's day
    ("The opposition said the government was using the row to rally voters before the June 9 "
     "European Parliament elections.", None),
    ("Both parties campaigned hard in the weeks prior to the March 3 referendum.", None),
    # in a present clause it is still ahead
    ("Parties are courting voters before the June 9 elections.", "future"),
    # a date the clause itself happened on keeps the clause's time
    ("The parliament voted on June 9 to dissolve itself.", "past"),
])
def test_a_date_something_happened_before_is_on_either_side_of_the_report(text, tense):
    from storyline.temporal.scan import scan

    date = next(f for f in scan(parse_text(text)) if f.form == "date")
    assert date.tense == tense, date


def test_a_month_before_the_noun_it_dates_after_an_article():
    """"set a January deadline that they later missed": a bare month names its noun's time."""
    from storyline.temporal.scan import scan

    found = scan(parse_text("The ministers met several times and set a January deadline that they "
                            "later missed."))
    january = next(f for f in found if f.text == "January")
    assert january.form == "month" and january.month == 1 and january.tense == "past"


@pytest.mark.parametrize("text, tense", [
    ("When the leaders gather in Panama City this week, the most telling thing will be who stays "
     "away.", "future"),
    ("After the talks end on Friday, the delegation will fly home.", "future"),
    # beside a past clause the same conjunctions tell a past time
    ("When the leaders gathered in Panama City, the summit opened with a protest.", "past"),
])
def test_a_when_clause_in_the_present_is_ahead_when_its_main_clause_is(text, tense):
    from storyline.temporal.scan import clause_tense

    parsed = parse_text(text)
    verb = next(t for t in parsed.tokens if t.dep == "advcl")
    assert clause_tense(parsed, verb.i) == tense


def test_a_gathering_this_week_told_as_ahead_puts_the_article_before_it():
    """A column opening "When the leaders gather in Los Angeles this week ... will be": the
    article is from the summit's week, before its leaders' sessions (8-10 June 2022)."""
    text = ("The summit nobody wants to attend\n\n"
            "When the leaders gather in Los Angeles this week, the most telling thing about the "
            "Summit of the Americas will be who is not there. President Joe Biden needs a win on "
            "migration, and he will not get it from an empty room.")
    pub = resolve_publication_date(parse_text(text), None, _people())
    assert pub.earliest >= "2022-06-06" and pub.value <= "2022-06-10", pub
    assert any("this week" in e and "Summit of the Americas" in e for e in pub.evidence), pub.evidence


def test_a_bare_past_month_lies_behind_the_article_from_its_end():
    """"began in November", "set a January deadline": an article that names them bare is from
    after those months, not inside one of them (there it would say "earlier this month")."""
    from storyline.temporal.cues import _partial_cues
    from storyline.temporal.intervals import DaySet
    from storyline.temporal.scan import scan

    parsed = parse_text("The talks began in Washington in November and the parties set a January "
                        "deadline that they later missed.")
    cues = {c.evidence.split("'")[1]: c for c in _partial_cues(parsed, scan(parsed))}
    november = cues["November"]
    assert november.gap(dt.date(2020, 11, 7)) == ("past", 343)  # inside November: the last one ended 2019-11-30
    assert november.gap(dt.date(2020, 12, 5)) == ("past", 5)
    day = dt.date(2020, 11, 7)  # a preference, not a bound: the month itself stays allowed
    assert november.allowed(2020, 2020).intersect(DaySet.of((day, day)))


def test_a_headline_verb_dates_its_event_when_the_lead_repeats_only_a_number():
    # the lead names the envoy and "72 hours" (a number, not a word for what happened) inside
    # an order still to be carried out; the tense is read at the headline's "expels"
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.scan import scan
    parsed = parse_text("Mali expels ECOWAS envoy Hamidou Boly\n\nBAMAKO - Mali's transitional government "
                        "on Monday ordered the West African bloc's special representative, Hamidou Boly, "
                        "to quit the country within 72 hours, accusing him of acting against the transition.")
    cues = [c.evidence for c in collect_cues(parsed, scan(parsed), (), ()) if "Boly" in c.evidence]
    assert any("(2021-10-25) as past" in c for c in cues), cues


@pytest.mark.parametrize("label", ["OPINION", "Analysis", "WORLD NEWS", "Opinion |"])
def test_a_section_label_above_the_headline_is_not_the_headline(label):
    from storyline.temporal.cues import _paragraphs, headline_of
    parsed = parse_text(f"{label}\n\nTalks in Doha end without a deal\n\nBy Sara Mendes\n\n"
                        "DOHA - Two days of talks between the delegations ended on Friday without an "
                        "agreement on the exchange of prisoners, officials on both sides said.")
    assert headline_of(parsed, _paragraphs(parsed)) == "Talks in Doha end without a deal"


@pytest.mark.parametrize("text, expression, saying", [
    # the day stands between the saying and the reported clause's subject: it is the saying's
    ("Georgia's governing party said on Thursday it would withdraw the draft law.", "Thursday", True),
    ("The ministry told reporters on Monday it had recalled its envoy.", "Monday", True),
    # after "that" the day belongs to the reported clause ("would": not yet done)
    ("The ministry said that on Thursday it would withdraw the draft law.", "Thursday", False),
    # after the subject, too
    ("The ministry said it would withdraw the draft law on Thursday.", "Thursday", False),
])
def test_a_day_before_the_reported_clause_dates_the_saying(text, expression, saying):
    from storyline.temporal.scan import scan

    parsed = parse_text(text)
    found = next(f for f in scan(parsed) if f.text == expression)
    from storyline.temporal.scan import clause_verb

    assert (clause_verb(parsed, found.head) == next(t.i for t in parsed.tokens if t.dep == "ROOT")) is saying
    assert (found.tense == "past") is saying


@pytest.mark.parametrize("text, window", [
    # the summit (Wednesday 2019-02-27) is named after "two days after": Friday is 2019-03-01
    ("North Korea's foreign minister spoke to reporters in Hanoi on Friday, two days after the summit "
     "between Trump and Kim Jong Un opened in the Vietnamese capital.", "from 2019-03-01 to 2019-03-07"),
    # named before the link word, the summit is what the weekday dates; the gap is to something else
    ("Trump and Kim Jong Un met for their summit in Hanoi on Wednesday, two days after Kim arrived by train.",
     "from 2019-02-27 to 2019-03-05"),
])
def test_a_weekday_a_measured_gap_after_a_known_event(text, window):
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.scan import scan

    parsed = parse_text(text)
    ties = [c.evidence for c in collect_cues(parsed, scan(parsed), (), ()) if c.rank == 7]
    assert any(window in e for e in ties), ties


def test_news_that_comes_a_measured_time_after_a_known_event_is_that_long_after_it():
    # "comes" names a schedule elsewhere ("the summit comes next week"); with an elapsed time
    # and no future auxiliary it ties the news to the event it follows
    from storyline.temporal.cues import collect_cues
    from storyline.temporal.scan import scan

    parsed = parse_text("The move comes two weeks after Trump and Kim Jong Un met for their summit in Hanoi.")
    ties = [c.evidence for c in collect_cues(parsed, scan(parsed), (), ()) if c.rank == 7]
    assert any("from 2019-03-11 to 2019-03-15" in e for e in ties), ties
