"""Tests for the actor base and the actor resolver (storyline.actors)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from storyline.actors import (load_actor_base, load_user_actors, mention_at, mention_for_span,
                              resolve_mentions)
from storyline.actors.base import date_range, role_key_for_title
from storyline.errors import DataError
from storyline.nlp import parse_text

DATA = Path(__file__).parent / "data" / "actors"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# Share of the gold actor strings that some mention in their cue's sentence resolves to, at the
# scorer's country level (measured 0.895 on the seeds: the misses are the implied actors in
# gold-implicit.yaml). Raise it when the resolver improves; never lower it silently.
GOLD_FLOOR = 0.88


@pytest.fixture(scope="module")
def base():
    """The shipped base with the sample people laid over it, so that the tests do not depend
    on every detail of the shipped people file."""
    return load_actor_base(load_user_actors(DATA / "people-sample.yaml"))


def _cases() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.txt"))


def _resolve(case: str, base):
    expected = yaml.safe_load((DATA / f"{case}.yaml").read_text(encoding="utf-8"))
    text = (DATA / f"{case}.txt").read_text(encoding="utf-8")
    published = str(expected["published"]) if expected["published"] else None
    parsed = parse_text(text, case)
    mentions, new = resolve_mentions(parsed, base, published)
    return expected, parsed, mentions, new


@pytest.mark.parametrize("case", _cases())
def test_fixture_case(case, base):
    expected, parsed, mentions, new = _resolve(case, base)
    by_text: dict[str, list] = {}
    for m in mentions:
        by_text.setdefault(m.text, []).append(m)
    for want in expected.get("mentions", []):
        found = by_text.get(want["text"])
        assert found, f"{case}: no mention {want['text']!r} in {[m.text for m in mentions]}"
        ok = False
        for m in found:
            ids = [r.actor_id for r in m.refs]
            if "ids" in want and ids != want["ids"]:
                continue
            if "how" in want and m.how != want["how"]:
                continue
            if "kind" in want and any(r.kind != want["kind"] for r in m.refs):
                continue
            if "countries" in want and [r.country for r in m.refs] != want["countries"]:
                continue
            if "codes" in want and [r.code for r in m.refs] != want["codes"]:
                continue
            ok = True
        assert ok, f"{case}: {want} but got {[(m.text, m.how, m.refs) for m in found]}"
    for text in expected.get("absent", []):
        assert text not in by_text, f"{case}: {text!r} should not be a mention"
    if "new_actors" in expected:
        assert [a.id for a in new] == [a["id"] for a in expected["new_actors"]]
        for actor, want in zip(new, expected["new_actors"]):
            assert actor.origin == "corpus" and actor.evidence
            assert actor.name == want["name"] and actor.country == want["country"]
            assert actor.roles and actor.roles[-1].start == str(expected["published"])
            assert role_key_for_title(actor.roles[-1].title, actor.country) == want["role_key"]
            if "code" in want:
                assert actor.code == want["code"]
    for m in mentions:  # offsets agree with the text and the tokens
        assert parsed.text[m.start:m.end] == m.text
        assert parsed.tokens[m.tok_start].idx <= m.start < m.end <= (
            parsed.tokens[m.tok_end - 1].idx + len(parsed.tokens[m.tok_end - 1].text))


def test_mention_lookup_helpers(base):
    _, parsed, mentions, _ = _resolve("titles-with-names", base)
    modi_tok = next(t.i for t in parsed.tokens if t.text == "Modi")
    m = mention_at(mentions, modi_tok)
    assert m is not None and m.refs[0].actor_id == "narendra-modi"
    assert mention_at(mentions, next(t.i for t in parsed.tokens if t.text == "met")) is None
    span = mention_for_span(mentions, modi_tok - 1, modi_tok + 2)
    assert span is m
    assert mention_for_span(mentions, len(parsed.tokens), len(parsed.tokens) + 1) is None


def test_refs_carry_codes(base):
    _, _, mentions, _ = _resolve("demonym-sector", base)
    codes = {r.code for m in mentions for r in m.refs}
    assert {"INDGOV", "PAKMIL", "USAMIL", "USA"} <= codes


# ── the base ────────────────────────────────────────────────────────────────────────────

def test_dated_holders(base):
    assert base.holder("head_of_state", "USA", "2022-06-01").id == "joe-biden"
    assert base.holder("head_of_state", "USA", "2019-07-22").id == "donald-trump"
    assert base.holder("head_of_state", "USA", "2025-06-18").id == "donald-trump"
    # the US president heads the government too
    assert base.holder("head_of_government", "USA", "2019-07").id == "donald-trump"
    # a year: whoever held it for most of it
    assert base.holder("head_of_state", "USA", "2021").id == "joe-biden"
    assert base.holder("foreign_minister", "IND", "2019-07-23").id == "s-jaishankar"
    assert base.holder("foreign_secretary", "IND", "2016-01-01").id == "s-jaishankar"
    assert base.holder("head_of_government", "XKX", "2019") is None


def test_roles_on(base):
    trump = base.get("donald-trump")
    assert base.roles_on(trump, "2022-06-01") == []
    assert [k for k, _ in base.roles_on(trump, "2019-07-22")] == ["head_of_state"]


def test_lookup_name_respects_acronyms(base):
    assert [a.id for a in base.lookup_name("US")] == ["USA"]
    assert [a.id for a in base.lookup_name("U.S.")] == ["USA"]
    assert base.lookup_name("us") == []
    assert base.lookup_name("india")[0].id == "IND"
    assert base.lookup_name("Modi")[0].id == "narendra-modi"
    assert base.lookup_name("the White House")[0].id == "USA-GOV"


def test_derived_country_actors(base):
    for iso in ("IND", "PAK", "USA", "VAT", "TWN", "PSE", "XKX"):
        assert base.get(iso).kind == "state"
        assert base.get(f"{iso}-GOV").kind == "government"
        assert base.get(f"{iso}-MIL").kind == "military"
        assert base.get(f"{iso}-GOV").code == f"{iso}GOV"
    states = [a for a in base.actors() if a.kind == "state"]
    assert len(states) == 197  # 193 UN members + Taiwan, Palestine, Kosovo, the Holy See


def test_refs_follow_the_post_held_on_the_date(base):
    """An IGO head acts for the IGO (its code, no country) while in post; before it, for the
    state whose office they held."""
    parsed = parse_text("Mark Rutte met António Guterres.", "posts")
    for date, rutte in (("2025-03-01", (None, "NATO")), ("2020-03-01", ("NLD", "NLDGOV"))):
        mentions, _ = resolve_mentions(parsed, base, date)
        refs = {m.refs[0].actor_id: m.refs[0] for m in mentions}
        assert (refs["mark-rutte"].country, refs["mark-rutte"].code) == rutte
        assert (refs["antonio-guterres"].country, refs["antonio-guterres"].code) == (None, "UN")


def test_qualified_titles_name_no_office():
    assert role_key_for_title("Indian Prime Minister", "IND") == "head_of_government"
    assert role_key_for_title("new President", "LBN") == "head_of_state"
    assert role_key_for_title("junior foreign minister", "NGA") is None
    assert role_key_for_title("religious leader", "IRN") is None
    assert role_key_for_title("Infrastructure Minister", "UKR") is None


def test_sector_and_bloc_actors(base):
    assert base.get("IND-CVL").kind == "other" and base.get("IND-CVL").code == "INDCVL"
    west = base.get("the-west")
    assert west.kind == "other" and west.code == "WST"
    assert base.holder("head_of_government", "XKX", "2023-03-19").id == "albin-kurti"


def test_user_actors_win_and_load(base):
    users = load_user_actors(DATA / "user-actors.yaml")
    assert [a.origin for a in users] == ["user", "user"]
    merged = load_actor_base([*users])
    assert merged.holder("foreign_minister", "DEU", "2031-06-01").id == "lena-vogt"
    assert merged.get("kashmir-peace-forum").kind == "org"
    assert merged.lookup_name("KPF")[0].id == "kashmir-peace-forum"
    # an extra actor replaces a shipped one with the same id
    renamed = load_actor_base([base.get("IND").__class__(id="IND", name="Bharat", kind="state",
                                                          country="IND", origin="user")])
    assert renamed.get("IND").name == "Bharat"


@pytest.mark.parametrize("case, field", [
    ("invalid-role", "roles[1].role"),
    ("invalid-date", "roles[1].start"),
    ("invalid-country", "country"),
])
def test_invalid_user_yaml(case, field):
    with pytest.raises(DataError) as info:
        load_user_actors(DATA / f"{case}.yaml")
    message = str(info.value)
    assert "\n" not in message
    assert f"{case}.yaml: entry " in message and f"field '{field}'" in message


def test_date_ranges():
    assert date_range("2025-05") == (date_range("2025-05-01")[0], date_range("2025-05-31")[0])
    assert date_range("2024-02")[1].day == 29
    assert date_range("bad") is None and date_range(None) is None


# ── the gold ────────────────────────────────────────────────────────────────────────────

def _score_module():
    spec = importlib.util.spec_from_file_location("storyline_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


@pytest.fixture(scope="module")
def gold_items():
    """(doc, cue, gold actor, matched at country level, at person level) for every actor
    string of the gold's events and claims."""
    gold_file = SHARED / "corpus" / "seeds.gold.yaml"
    if not gold_file.exists():
        pytest.skip("../shared is absent")
    score = _score_module()
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    base = load_actor_base()
    items = []
    for name, doc in gold["documents"].items():
        text = (SHARED / "corpus" / "seeds" / f"{name}.txt").read_text(encoding="utf-8")
        parsed = parse_text(text, name)
        mentions, _ = resolve_mentions(parsed, base, str(doc["published"]["date"]))
        wanted = [(e["cue"], e["source"]) for e in doc.get("events", [])]
        wanted += [(e["cue"], e["target"]) for e in doc.get("events", []) if e.get("target")]
        wanted += [(c["cue"], c["speaker"]) for c in doc.get("claims", [])]
        for cue, actor in wanted:
            cue_words = _words(cue)
            sentence = max(parsed.sentences, key=lambda s: sum(
                w in set(_words(s.text)) for w in cue_words))
            actors = [{"name": r.name, "country": r.country, "kind": r.kind, "code": r.code}
                      for m in mentions if m.sent == sentence.index for r in m.refs]
            items.append((name, cue, actor,
                          any(score.any_actor_match(actor, a) for a in actors),
                          any(score.any_actor_match(actor, a, True) for a in actors)))
    return items


@pytest.mark.seeds
def test_gold_actors_resolve(gold_items):
    implicit = {(e["doc"], e["cue"], e["actor"]) for e in yaml.safe_load(
        (DATA / "gold-implicit.yaml").read_text(encoding="utf-8"))}
    missed = [(doc, cue, actor) for doc, cue, actor, ok, _ in gold_items
              if not ok and (doc, cue, "|".join(actor) if isinstance(actor, list) else actor)
              not in implicit]
    assert not missed, f"gold actors not resolved in their sentence: {missed}"
    share = sum(ok for *_, ok, _ in gold_items) / len(gold_items)
    assert share >= GOLD_FLOOR, f"resolved {share:.3f} of gold actor strings"


def test_regional_adjectives_are_not_the_united_states(base):
    """"Latin American countries" names a region's states, not the United States whose
    demonym ends the adjective; "the American envoy" still is the United States."""
    parsed = parse_text("Caracas expelled envoys from five Latin American countries; "
                        "Central American governments protested. The American envoy left.", "regions")
    mentions, _ = resolve_mentions(parsed, base, "2024-07-30")
    by_text = {m.text: m.refs[0] for m in mentions if m.refs}
    assert by_text["Latin American countries"].actor_id == "latin-america"
    assert by_text["Latin American countries"].country is None
    assert by_text["Central American governments"].country is None
    assert by_text["The American envoy"].country == "USA"


def test_bare_names_are_the_people_the_article_named(base):
    """A name alone is the person the article already named with it: the family name, the
    FIRST word, for names written family name first ("Wang" after "Wang Yi", "Moon" after
    "President Moon Jae-in"), and the article's person before a better-known namesake the
    base holds ("Barrow" after "Adama Barrow" is not Belize's Dean Barrow)."""
    text = ("Chinese Foreign Minister Wang Yi met President Moon Jae-in in Seoul on Thursday. "
            "Wang said the two sides had agreed to resume talks. Moon thanked him for the visit. "
            "In Banjul, president-elect Adama Barrow met mediators. Barrow said he was ready.")
    parsed = parse_text(text, "bare-names")
    mentions, _ = resolve_mentions(parsed, base, "2016-12-14")
    by_text = {m.text: m.refs[0] for m in mentions if m.refs}
    assert by_text["Wang"].actor_id == "wang-yi"
    assert by_text["Moon"].actor_id == "moon-jae-in"
    assert by_text["Barrow"].country == "GMB"


def test_the_north_is_one_half_of_a_divided_country(base):
    """"the North" and "the South" stand for North and South Korea in an article that names
    both; not for a compass point, nor when only one such state is named."""
    parsed = parse_text("North Korea blew up a liaison office built with South Korea. "
                        "The South said the North had broken its promises.", "halves")
    mentions, _ = resolve_mentions(parsed, base, "2020-06-17")
    by_text = {m.text: m.refs[0] for m in mentions if m.refs}
    assert by_text["South"].country == "KOR"
    assert by_text["North"].country == "PRK"
    parsed = parse_text("South Africa hosted the summit. Delegates from the North of the "
                        "continent arrived late.", "compass")
    mentions, _ = resolve_mentions(parsed, base, "2023-08-22")
    assert not [m for m in mentions if m.text == "North"]


# ── common surnames (storyline/data/actors/common_surnames.yaml) ─────────────────────────

def test_common_surnames_never_stand_alone(base):
    """A surname that is a common word or a common family name finds nobody on its own:
    "Price said" in an article that never named Ned Price is not him."""
    expected, _, mentions, _ = _resolve("common-surname-alone", base)
    never = set(expected["never"])
    wrong = [(m.text, r.actor_id) for m in mentions for r in m.refs if r.actor_id in never]
    assert not wrong, wrong
    for word in ("Price", "Power", "Young", "Brown", "Kim", "Burns", "Rice", "Hague"):
        assert not [a for a in base.lookup_name(word) if a.kind == "person"], word
    parsed = parse_text("Price said the talks would resume in May.", "price-alone")
    mentions, _ = resolve_mentions(parsed, base, "2022-04-12")
    assert not [r for m in mentions for r in m.refs if r.actor_id == "ned-price"]


def test_common_surnames_keep_full_names_and_distinctive_surnames(base):
    """The full name still finds the person ("Ned Price said"), and a distinctive surname
    still stands alone ("Modi", "Putin", "Erdogan"; "Qin" of Qin Gang, whose name is written
    family name first)."""
    parsed = parse_text("Ned Price said the talks would resume in May.", "price-named")
    mentions, _ = resolve_mentions(parsed, base, "2022-04-12")
    assert [r.actor_id for m in mentions for r in m.refs if m.text == "Ned Price"] == ["ned-price"]
    parsed = parse_text("Modi said India wanted peace. Putin and Erdogan spoke by phone. "
                        "Qin said China would send an envoy.", "distinctive")
    mentions, _ = resolve_mentions(parsed, base, "2023-03-20")
    by_text = {m.text: m.refs[0].actor_id for m in mentions if m.refs}
    assert by_text["Modi"] == "narendra-modi"
    assert by_text["Putin"] == "vladimir-putin"
    assert by_text["Erdogan"] == "recep-tayyip-erdogan"
    assert by_text["Qin"] == "qin-gang"
    assert [a.id for a in base.lookup_name("Gang") if a.kind == "person"] == []


def test_common_surname_that_is_an_alias_keeps_its_other_bearers(base):
    """"Khan" is Imran Khan's alias; Karim Khan, whom an article named, still wins the bare
    surname there."""
    assert "imran-khan" in [a.id for a in base.lookup_name("Khan")]
    parsed = parse_text("ICC prosecutor Karim Khan sought arrest warrants on Monday. "
                        "Khan said the evidence was strong.", "khan")
    mentions, _ = resolve_mentions(parsed, base, "2024-05-20")
    assert [m.refs[0].actor_id for m in mentions if m.text == "Khan" and m.refs] == ["karim-khan"]


# ── office holders of 2008-2014 (people.yaml: earlier terms) ─────────────────────────────

@pytest.fixture(scope="module")
def shipped():
    """The shipped base alone: these tests check the shipped people file itself."""
    return load_actor_base()


def test_office_holders_of_2008_to_2014_are_known(shipped):
    """Articles of 2010-2013 name leaders whose terms ended before 2014; the base knows them."""
    for role, country, date, who in (
            ("head_of_state", "KOR", "2012-06-01", "lee-myung-bak"),
            ("head_of_government", "JPN", "2012-06-01", "yoshihiko-noda"),
            ("foreign_minister", "JPN", "2012-06-01", "koichiro-gemba"),
            ("head_of_state", "EGY", "2010-06-01", "hosni-mubarak"),
            ("foreign_minister", "USA", "2010-06-01", "hillary-clinton"),
            ("head_of_government", "IRQ", "2012-01-15", "nouri-al-maliki"),
            ("igo_head", "au", "2010-06-01", "jean-ping")):
        assert shipped.holder(role, country, date).id == who, (role, country, date)


def test_existing_people_keep_their_earlier_roles(shipped):
    """A person already in the base with later posts carries the earlier ones too:
    Steinmeier was foreign minister before 2009 as well as from 2013, Davutoglu foreign
    minister before he became prime minister."""
    assert shipped.holder("foreign_minister", "DEU", "2008-01-01").id == "frank-walter-steinmeier"
    assert shipped.holder("foreign_minister", "DEU", "2015-01-01").id == "frank-walter-steinmeier"
    davutoglu = shipped.get("ahmet-davutoglu")
    assert [k for k, _ in shipped.roles_on(davutoglu, "2012-01-01")] == ["foreign_minister"]
    assert shipped.holder("defence_minister", "JPN", "2008-01-15").id == "shigeru-ishiba"


def test_a_2012_article_is_dated_and_resolved_by_its_titles(shipped):
    from storyline.temporal import resolve_publication_date
    text = ("TOKYO (Reuters) - Japanese Prime Minister Yoshihiko Noda and South Korean President "
            "Lee Myung-bak agreed to step up cooperation on North Korea, Foreign Minister "
            "Koichiro Gemba told reporters. Noda said the talks had been useful.")
    parsed = parse_text(text, "noda-lee-2012")
    people = [a for a in shipped.actors() if a.kind == "person"]
    pub = resolve_publication_date(parsed, None, people)
    assert pub.earliest >= "2011-09-02" and pub.latest <= "2013-02-25", pub
    mentions, _ = resolve_mentions(parsed, shipped, "2012-05-13")
    by_text = {m.text: m.refs[0].actor_id for m in mentions if m.refs}
    assert by_text["Japanese Prime Minister Yoshihiko Noda"] == "yoshihiko-noda"
    assert by_text["South Korean President Lee Myung-bak"] == "lee-myung-bak"
    assert by_text["Noda"] == "yoshihiko-noda"
