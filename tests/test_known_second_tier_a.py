"""The second-tier calendar of 2010-2017 (storyline/data/time/known/second-tier-2010-2017.yaml):
the inside-page news of the world section (recalls, expulsions, seizures, trade probes, arms
sales, court rulings on another state's request, visits with their host city), found in the
words a report of the day uses, and ordinary sentences about the same people and places that
find nothing."""
from __future__ import annotations

import pytest

from conftest_calendar import events_read_after_the_main_calendar, matched_dates

SECOND_TIER_FILE = "time/known/second-tier-2010-2017.yaml"


def test_the_second_tier_calendar_is_read_after_the_main_one():
    events = events_read_after_the_main_calendar(SECOND_TIER_FILE)
    assert len(events) >= 150
    assert all(2010 <= int(str(e["date"])[:4]) <= 2017 for e in events)


NEWS = [
    ("Danny Ayalon had the Turkish ambassador seated on a low couch in front of the cameras.",
     "2010-01-11"),
    ("China's first aircraft carrier, the Liaoning, was formally commissioned into the navy on Tuesday.",
     "2012-09-25"),
    ("China launched its first domestically built aircraft carrier at a shipyard in Dalian on Wednesday.",
     "2017-04-26"),
    ("Hwang Pyong-so led a surprise delegation to Incheon for the closing ceremony of the Asian Games.",
     "2014-10-04"),
    ("Japan said it would temporarily recall Ambassador Yasumasa Nagamine from Seoul over the statue "
     "in Busan.", "2017-01-06"),
    ("A Chinese navy ship seized an underwater drone that the USNS Bowditch was about to retrieve.",
     "2016-12-15"),
    ("Beijing formally established Sansha City on Woody Island to administer the Paracels.", "2012-07-24"),
    ("Seoul abruptly postponed the signing of a military intelligence pact with Japan on Friday.",
     "2012-06-29"),
    ("Ambassador Goldberg and Defence Secretary Gazmin signed the Enhanced Defense Cooperation Agreement "
     "in Manila.", "2014-04-28"),
    ("MNLF gunmen stormed coastal villages in Zamboanga City and took residents captive.", "2013-09-09"),
    ("Indonesia unveiled a new map that renames part of the South China Sea the North Natuna Sea.",
     "2017-07-14"),
    ("Obama and Gillard announced that up to 2,500 US Marines would rotate through Darwin.", "2011-11-16"),
    ("Trade ministers Andrew Robb and Gao Hucheng signed the free trade agreement in Canberra.",
     "2015-06-17"),
    ("Australia's High Court struck down the Malaysia solution, ruling the refugee swap invalid.",
     "2011-08-31"),
    ("Cameron warned in Bangalore that Pakistan must not be allowed to look both ways on terror.",
     "2010-07-28"),
    ("Modi became the first Indian prime minister to visit Jaffna.", "2015-03-14"),
    ("The UN Human Rights Council adopted a resolution on Sri Lanka calling for an international "
     "investigation.", "2014-03-27"),
    ("The Maldives cancelled GMR's contract to run Malé airport and gave it seven days to leave.",
     "2012-11-27"),
    ("Sargsyan said after talks with Putin that Armenia would join the Customs Union.", "2013-09-03"),
    ("The Americans handed over the Manas transit center to the Kyrgyz authorities.", "2014-06-03"),
    ("Abu Qatada was deported to Jordan on a flight that left RAF Northolt overnight.", "2013-07-07"),
    ("Turkish police detained Peter Steudtner and Amnesty's Turkey director at a workshop on Büyükada.",
     "2017-07-05"),
    ("Obama said Britain would be at the back of the queue for a trade deal if it left the EU.",
     "2016-04-22"),
    ("France suspended the delivery of the first Mistral warship to Russia.", "2014-11-25"),
    ("An Israeli helicopter strike near Quneitra killed Jihad Mughniyeh and an Iranian general.",
     "2015-01-18"),
    ("Ahmadinejad arrived in Beirut to a rapturous welcome from Hezbollah supporters.", "2010-10-13"),
    ("Venezuela expelled a US air attaché and gave him 24 hours to leave the country.", "2013-03-05"),
    ("Morales expelled USAID from Bolivia, accusing it of conspiring against his government.",
     "2013-05-01"),
    ("Panama said it had found missile parts hidden under sugar aboard the Chong Chon Gang.",
     "2013-07-15"),
    ("Okinawa's governor Hirokazu Nakaima approved the landfill work for the base at Henoko.",
     "2013-12-27"),
    ("Al Jazeera closed its Beijing bureau after China refused to renew Melissa Chan's press credentials.",
     "2012-05-07"),
    ("China opened an anti-dumping investigation into wine imports from the EU.", "2013-06-05"),
    ("The Argentine coast guard sank a Chinese fishing vessel caught in its waters.", "2016-03-14"),
    ("Bahrain ordered Tom Malinowski to leave the country after he met opposition leaders.", "2014-07-07"),
    ("Turkish F-16s forced a Syrian Air plane from Moscow to land in Ankara.", "2012-10-10"),
    ("The Sejm declared the Volhynia massacres a genocide in a resolution adopted on Friday.", "2016-07-22"),
    ("India formally joined the Missile Technology Control Regime on Monday.", "2016-06-27"),
    ("Canada withdrew from the race for a Security Council seat after trailing Portugal.", "2010-10-12"),
]


@pytest.mark.parametrize("sentence, date", NEWS)
def test_second_tier_events_found_in_wire_wordings(sentence, date):
    assert date in matched_dates(sentence), matched_dates(sentence)


SERIES = [
    # Indonesia froze its military cooperation with Australia twice: a text that does not say
    # which finds both.
    ("Indonesia suspended its military cooperation with Australia.", {"2013-11-20", "2017-01-04"}),
    # The Human Rights Council voted on Sri Lanka four times in these years.
    ("The Human Rights Council adopted a resolution on Sri Lanka.",
     {"2012-03-22", "2013-03-21", "2014-03-27", "2015-10-01"}),
    # Abe and Modi agreed the bullet train in 2015 and broke ground in 2017.
    ("Abe's bullet train for India is running late.", {"2015-12-12", "2017-09-14"}),
]


@pytest.mark.parametrize("sentence, dates", SERIES)
def test_a_series_without_its_day_finds_every_member(sentence, dates):
    assert dates <= matched_dates(sentence), matched_dates(sentence)


ORDINARY = [
    "Medvedev told reporters in Moscow that the budget would be revised.",
    "Xi Jinping met foreign business leaders in Beijing on Tuesday.",
    "Modi addressed a rally in Varanasi ahead of the state election.",
    "Obama spoke about health care at a town hall in Ohio.",
    "Aliyev met the Turkish defence minister in Baku.",
    "Erdogan said Turkey would continue to support Somalia.",
    "Rajnath Singh said India's forces were ready to respond to any threat from Islamabad.",
    "The Chinese coast guard patrolled waters near the Paracel Islands.",
    "Al-Shabaab fighters attacked a military base outside Mogadishu.",
    "Kerry met Erekat in Amman to discuss the peace process.",
    "Taiwan's defence ministry said it would buy more missiles.",
    "Hinkley Point C will cost more than expected, EDF said.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_about_the_same_names_find_nothing(sentence):
    """A leader, a country or a place with an everyday verb names no event of any calendar."""
    assert matched_dates(sentence) == set()
