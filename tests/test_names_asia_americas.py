"""Dated names of South Asia, East Asia and the Pacific, and the Americas
(storyline/data/time/names/{south_asia,east_asia,americas}.yaml): they load as dated names,
their keyword sets find the names the way news writes them, in any tense, and they stay
silent on sentences about older events told in similar words."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.knowledge import load_yaml
from storyline.temporal.known import NAMES_DIR, keyword_pattern, known_events

FILES = ("south_asia", "east_asia", "americas")
# The brief asks for 150-250 entries over the three files.
MIN_ENTRIES, MAX_ENTRIES = 150, 250
FIRST_YEAR, LAST_DAY = 2010, dt.date(2025, 12, 31)


def _raw() -> list[dict]:
    return [e for f in FILES for e in load_yaml(f"{NAMES_DIR}/{f}.yaml")["names"]]


def _ours():
    names = {str(e["name"]) for e in _raw()}
    return [e for e in known_events() if e.named and e.name in names]


def found(text: str) -> set[str]:
    """Names of ours with one keyword set whole in ``text`` (one paragraph)."""
    return {e.name for e in _ours()
            if any(all(keyword_pattern(k).search(text) for k in kws) for kws in e.match)}


def test_files_load_as_dated_names():
    raw = _raw()
    assert MIN_ENTRIES <= len(raw) <= MAX_ENTRIES
    ours = _ours()
    assert len(ours) == len(raw), "every entry is read as a dated name"
    assert len({e.name for e in ours}) == len(ours), "a name is listed twice"
    for e in raw:
        assert set(e) == {"name", "date", "match"}, e
        assert isinstance(e["date"], dt.date), e
        assert FIRST_YEAR <= e["date"].year and e["date"] <= LAST_DAY, e
        assert e["match"] and all(kws and all(isinstance(k, str) for k in kws) for kws in e["match"]), e


@pytest.mark.parametrize("sentence, name", [
    ("Indian jets struck nine sites in Pakistan and Pakistan-administered Kashmir under Operation "
     "Sindoor, the defence ministry said.", "Operation Sindoor"),
    ("Pakistan's army said its retaliation, Operation Bunyan-um-Marsoos, had hit Indian air bases "
     "before the ceasefire took hold.", "Operation Bunyan-um-Marsoos"),
    ("Under Operation Kaveri, navy ships ferried stranded Indians from Port Sudan to Jeddah.",
     "Operation Kaveri (evacuation from Sudan)"),
    ("The ministry said Operation Sindhu would go on as long as Indians in Iran asked to be "
     "evacuated.", "Operation Sindhu (evacuation from Iran)"),
    ("Critics say the Agnipath scheme, which recruits soldiers for four years, has hurt morale.",
     "Agnipath recruitment scheme"),
    ("Leaders of the INDIA bloc accused the BJP of turning central agencies against the opposition.",
     "INDIA bloc of opposition parties"),
    ("CPEC projects in Balochistan have repeatedly been targeted by separatist gunmen.",
     "China–Pakistan Economic Corridor (CPEC)"),
    ("Pakistan may widen Operation Azm-e-Istehkam to the tribal districts next year, officials said.",
     "Operation Azm-e-Istehkam"),
    ("The Islamic State Khorasan Province said it carried out the bombing at a Kabul mosque.",
     "Islamic State Khorasan Province (ISIS-K)"),
    ("Chief Adviser Muhammad Yunus promised that elections would be held by February.",
     "Chief Adviser Muhammad Yunus"),
    ("Beijing's lending under the Belt and Road Initiative has slowed sharply since the pandemic.",
     "Belt and Road Initiative (Silk Road Economic Belt)"),
    ("Investigators say Salt Typhoon hackers reached the wiretap systems of several US carriers.",
     "Salt Typhoon"),
    ("Canberra says the first AUKUS submarines built in Australia will not be ready before the 2040s.",
     "AUKUS"),
    ("North Korea fired what it called a Hwasong-18 solid-fuel missile into the sea east of the "
     "peninsula.", "Hwasong-18 missile"),
    ("The State Administration Council extended the state of emergency in Myanmar by six months.",
     "State Administration Council (Myanmar junta)"),
    ("Elon Musk's Department of Government Efficiency will cancel hundreds more federal contracts.",
     "Department of Government Efficiency (DOGE)"),
    ("Posting on Truth Social, the president threatened new levies on European cars.",
     "Truth Social and Trump Media & Technology Group"),
    ("Carmakers warn that the rules of origin in the USMCA will be reopened at the 2026 review.",
     "USMCA (CUSMA / T-MEC)"),
    ("Tax credits in the Inflation Reduction Act drew battery makers to Georgia and Tennessee.",
     "Inflation Reduction Act"),
    ("The Commerce Department awarded Intel grants under the CHIPS and Science Act.",
     "CHIPS for America Act and the CHIPS and Science Act"),
    ("The Gang Suppression Force is meant to take over from the Kenyan-led police mission in "
     "Port-au-Prince.", "Gang Suppression Force in Haiti"),
])
def test_names_found_as_news_writes_them(sentence, name):
    assert name in found(sentence)


@pytest.mark.parametrize("sentence", [
    "In 2008 Indian commandos ended the siege of the Taj hotel in Operation Black Tornado, days "
    "after gunmen landed in Mumbai.",
    "Pakistan launched Operation Rah-e-Nijat in South Waziristan in October 2009 after a wave of "
    "Taliban bombings.",
    "The Asian Development Bank financed a highway towards the Karakoram in 2008 as part of a "
    "China-Pakistan trade corridor.",
    "Wearing a seat belt and road safety rules save lives, the Chinese transport ministry told drivers.",
    "North Korea paraded its Hwasong-13 missile through Pyongyang in April 2012.",
    "In 2011 protesters camped beneath the HSBC building in Hong Kong in what they called Occupy "
    "Central.",
    "Fans of the meme coin cheered in 2021 when Musk tweeted about DOGE and the token jumped 20 percent.",
    "The chips act as tiny switches inside every semiconductor, the engineer explained.",
    "In 1994 Israel and Jordan signed the Washington Declaration at the White House, ending their "
    "state of war.",
    "Guard medics treated patients in the Rio Grande Valley during the annual Operation Lone Star "
    "exercise in 2012.",
    "Pakistan's Civil Aviation Authority (CAA) grounded the aircraft pending an inquiry.",
    "Robert Mueller, then FBI director, told Congress in 2013 that the investigation into the Boston "
    "bombing was continuing.",
    "The 2008 candlelight protests in Seoul drew tens of thousands against imports of US beef.",
])
def test_older_events_in_similar_words_name_nothing(sentence):
    assert found(sentence) == set()
