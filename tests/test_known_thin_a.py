"""The calendar of thinly covered countries, list A (storyline/data/time/known/thin-countries-a.yaml):
the foreign relations and wire-news days of smaller European, Asian and Pacific states, found in
the words a report of the day uses, and ordinary sentences about the same people and places that
find nothing."""
from __future__ import annotations

import pytest

from conftest_calendar import events_read_after_the_main_calendar, matched_dates

THIN_FILE = "time/known/thin-countries-a.yaml"


def test_the_thin_countries_calendar_is_read_after_the_main_one():
    events = events_read_after_the_main_calendar(THIN_FILE)
    assert len(events) >= 150


NEWS = [
    ("Elio Di Rupo was sworn in on Tuesday at the head of a six-party coalition.", "2011-12-06"),
    ("Charles Michel offered his resignation to King Philippe on Tuesday after losing the support "
     "of parliament.", "2018-12-18"),
    ("King Philippe expressed his deepest regrets for the wounds of the colonial past in a letter to "
     "Congo's president.", "2020-06-30"),
    ("Mark Rutte's cabinet resigned on Friday over the childcare benefits scandal.", "2021-01-15"),
    ("The Dutch Supreme Court upheld the Urgenda ruling, ordering deeper emissions cuts.", "2019-12-20"),
    ("Denmark summoned the top US diplomat in Copenhagen over covert influence operations in Greenland.",
     "2025-08-27"),
    ("Finland closed four crossings on its eastern border with Russia at midnight.", "2023-11-18"),
    ("Gasum said Gazprom had halted gas flows to Finland on Saturday morning.", "2022-05-21"),
    ("Stoltenberg and Medvedev signed the treaty dividing the Barents Sea in Murmansk.", "2010-09-15"),
    ("A Taliban delegation led by Amir Khan Muttaqi arrived in Oslo for talks with Western diplomats.",
     "2022-01-23"),
    ("Iceland said it would suspend the operations of its embassy in Moscow from August 1.", "2023-06-09"),
    ("The EFTA Court ruled that Iceland did not breach its obligations over Icesave.", "2013-01-28"),
    ("The Queen laid a wreath at the Garden of Remembrance in Dublin.", "2011-05-17"),
    ("The European Commission ordered Apple to repay up to 13 billion euros in Irish back taxes.",
     "2016-08-30"),
    ("Leo Varadkar said on Wednesday he would step down as Taoiseach.", "2024-03-20"),
    ("King Juan Carlos announced on Monday that he would abdicate in favour of his son.", "2014-06-02"),
    ("Swiss voters narrowly backed quotas on immigration from the EU in Sunday's referendum.",
     "2014-02-09"),
    ("UBS agreed to buy its rival Credit Suisse for 3 billion francs in a deal brokered by Bern.",
     "2023-03-19"),
    ("Austria vetoed the entry of Romania and Bulgaria into the Schengen zone.", "2022-12-08"),
    ("Heger said Slovakia would send 13 MiG-29 fighter jets to Ukraine.", "2023-03-17"),
    ("Fico met Putin in the Kremlin on Sunday in a surprise visit to discuss gas transit.", "2024-12-22"),
    ("Slovenia won a seat on the Security Council, defeating Belarus in a second round.", "2023-06-06"),
    ("Romanian police detained Andrew Tate and his brother Tristan after a raid on their villa.",
     "2022-12-29"),
    ("Cyprus's parliament rejected the levy on bank deposits by 36 votes to none.", "2013-03-19"),
    ("A hijacked Afriqiyah Airways plane landed in Malta with 118 people on board.", "2016-12-23"),
    ("Montenegrin police arrested Do Kwon at Podgorica airport with a forged passport.", "2023-03-23"),
    ("Albania will ban TikTok for a year after the killing of a teenager, Rama said.", "2024-12-21"),
    ("Obama said the United States had a moral obligation to help Laos clear unexploded bombs.",
     "2016-09-06"),
    ("Singapore hanged Tangaraju Suppiah on Wednesday despite pleas for clemency.", "2023-04-26"),
    ("Australia dropped the prosecution of Bernard Collaery, the lawyer for Witness K.", "2022-07-07"),
    ("Modi was conferred the Order of the Druk Gyalpo by the king of Bhutan in Thimphu.", "2024-03-22"),
    ("Nepal signed a memorandum of understanding with China on joining the Belt and Road Initiative.", "2017-05-12"),
    ("Leaders broke ground on the TAPI pipeline at a ceremony in Mary.", "2015-12-13"),
    ("Rebels freed the New Zealand pilot Phillip Mehrtens after 19 months in captivity.", "2024-09-21"),
    ("Blinken and Marape signed a defence cooperation agreement in Port Moresby.", "2023-05-22"),
    ("Richard Marles signed a security agreement with Vanuatu in Port Vila.", "2022-12-13"),
    ("Tonga's king dissolved parliament and dismissed Pohiva's government.", "2017-08-25"),
]


@pytest.mark.parametrize("sentence, date", NEWS)
def test_thin_country_events_found_in_wire_wordings(sentence, date):
    assert date in matched_dates(sentence), matched_dates(sentence)


SERIES = [
    # The two Icesave referendums share one set: a text that does not say which finds both.
    ("Icelandic voters rejected the Icesave deal in a referendum.", {"2010-03-06", "2011-04-09"}),
    # Micheál Martin was elected Taoiseach twice.
    ("Micheál Martin was elected Taoiseach by the Dáil.", {"2020-06-27", "2025-01-23"}),
    # Jokowi took the oath twice; FIFA officials were arrested twice at the Baur au Lac in 2015.
    ("Joko Widodo took the oath of office before the People's Consultative Assembly.",
     {"2014-10-20", "2019-10-20"}),
    ("Swiss police arrested FIFA officials in a dawn raid on the Baur au Lac hotel in Zurich.",
     {"2015-05-27", "2015-12-03"}),
]


@pytest.mark.parametrize("sentence, dates", SERIES)
def test_a_series_without_its_day_finds_every_member(sentence, dates):
    assert dates <= matched_dates(sentence), matched_dates(sentence)


ORDINARY = [
    "Rutte told reporters in The Hague that the cabinet would discuss the budget on Friday.",
    "Frederiksen said Denmark would increase its defence spending next year.",
    "Fico criticised the EU's sanctions policy in a speech to his party.",
    "Iceland's foreign minister met her Nordic counterparts in Helsinki.",
    "Albania's prime minister Edi Rama opened a new road in the south of the country.",
    "Modi met Nepal's prime minister on the sidelines of the summit.",
    "Apple unveiled a new phone at its headquarters in California.",
    "Swiss voters will decide on pension reform in a referendum next month.",
    "Singapore's foreign minister called for restraint in the South China Sea.",
    "The pope spoke about migrants during his weekly audience in Rome.",
    "Ardern spoke to students at a university in Auckland.",
    "Cyprus and Greece held joint naval exercises off Crete.",
    # The tightened sets: later news about the same office-holders names no event.
    "NATO Secretary-General Mark Rutte named Russia the alliance's biggest threat.",
    "EU foreign policy chief Kaja Kallas agreed with the ministers on a new aid package.",
    "European Council President António Costa agreed to convene a summit in March.",
    "Meta removed hundreds of fake accounts targeting voters in Albania.",
    "Switzerland said on Friday it would adopt further sanctions against Russia.",
    "Andrew Tate appeared in court in Bucharest on Tuesday.",
    "Ersin Tatar said he would meet Christodoulides in New York.",
    "Fico said he had discussed gas prices with ministers in Bratislava.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_about_the_same_names_find_nothing(sentence):
    """A leader, a country or a company with an everyday verb names no event of any calendar."""
    assert matched_dates(sentence) == set()
