"""The second-tier calendar of 2018-2025 (storyline/data/time/known/second-tier-2018-2025.yaml):
the inside-page stories of the world section found in the words a wire report uses the day
after, and ordinary sentences about the same people and places that find nothing."""
from __future__ import annotations

import pytest

from conftest_calendar import events_read_after_the_main_calendar, matched_dates

SECOND_TIER_FILE = "time/known/second-tier-2018-2025.yaml"


def test_the_second_tier_calendar_is_read_after_the_main_one():
    events = events_read_after_the_main_calendar(SECOND_TIER_FILE)
    assert len(events) >= 30


NEWS = [
    ("The State Department said on Thursday it was suspending security assistance to Pakistan.", "2018-01-04"),
    ("Israel said it struck dozens of Iranian targets in Syria after rockets were fired at the Golan.",
     "2018-05-10"),
    ("Foreign reporters watched as explosions collapsed the tunnels at Punggye-ri.", "2018-05-24"),
    ("Trump called off the Singapore summit with Kim in a letter citing open hostility.", "2018-05-24"),
    ("Commerce Secretary Wilbur Ross said tariffs on steel from the EU, Canada and Mexico would apply from Friday.",
     "2018-05-31"),
    ("Modi told the Shangri-La Dialogue that India saw the Indo-Pacific as a free and open region.",
     "2018-06-01"),
    ("Anti-graft officers arrested Najib at his home in Kuala Lumpur over the 1MDB affair.", "2018-07-03"),
    ("The Treasury imposed sanctions on Turkey's interior minister Suleyman Soylu.", "2018-08-01"),
    ("Saudi Arabia gave the Canadian ambassador 24 hours to leave the kingdom and froze new trade.",
     "2018-08-05"),
    ("An airstrike hit a school bus in Dahyan, killing dozens of children.", "2018-08-09"),
    ("Kofi Annan, the former UN secretary-general, died on Saturday in Switzerland aged 80.", "2018-08-18"),
    ("Iran fired missiles at the headquarters of the Kurdish Democratic Party of Iran in Koya, Iraqi Kurdistan.",
     "2018-09-08"),
    ("Putin surprised Abe by proposing a peace treaty without any preconditions by the end of the year.",
     "2018-09-12"),
    ("India signed a $5.43 billion deal for the S-400 during Putin's visit to New Delhi.", "2018-10-05"),
    ("Trump told reporters after a rally in Elko, Nevada, that the US would pull out of the INF treaty.",
     "2018-10-20"),
    ("Abe and Putin agreed in Singapore to speed up peace treaty talks on the basis of the 1956 declaration.",
     "2018-11-14"),
    ("Gunmen stormed the Chinese consulate in Karachi on Friday, killing two policemen.", "2018-11-23"),
    ("Qatar said it would quit OPEC on January 1 to focus on gas.", "2018-12-03"),
    ("Japan said it would withdraw from the International Whaling Commission and resume commercial whaling.",
     "2018-12-26"),
    ("Trump said the tariffs on Mexico were suspended indefinitely after a deal on migration.", "2019-06-07"),
    ("Kim Darroch resigned as ambassador after his leaked cables called the administration inept.",
     "2019-07-10"),
    ("The Treasury labelled China a currency manipulator after the yuan weakened past 7 to the dollar.",
     "2019-08-05"),
    ("Giuseppe Conte resigned in the Senate, accusing Salvini of putting his own interests first.",
     "2019-08-20"),
    ("Trump fired national security adviser John Bolton on Tuesday.", "2019-09-10"),
    ("Zine El Abidine Ben Ali died in exile in Saudi Arabia, his lawyer said.", "2019-09-19"),
    ("Hosni Mubarak died in a Cairo hospital at the age of 91.", "2020-02-25"),
    ("OPEC talks in Vienna collapsed after Russia refused deeper cuts, setting off a price war.",
     "2020-03-06"),
    ("OPEC+ agreed a record cut of 9.7 million barrels a day on Sunday.", "2020-04-12"),
    ("Sisi, flanked by Haftar and Aguila Saleh, announced a ceasefire initiative for Libya.", "2020-06-06"),
    ("Raab told parliament Britain would suspend its extradition treaty with Hong Kong immediately.",
     "2020-07-20"),
    ("The United States formally left the Paris Agreement on Wednesday, a day after the election.",
     "2020-11-04"),
    ("Kyaw Moe Tun raised a three-finger salute at the end of his speech to the General Assembly.",
     "2021-02-26"),
    ("F.W. de Klerk, South Africa's last apartheid president, died at his home in Cape Town.", "2021-11-11"),
    ("OPEC+ agreed to cut output by two million barrels a day despite US pressure.", "2022-10-05"),
    ("Saudi Arabia and other OPEC+ producers announced a surprise output cut of about 1.16 million barrels a day.",
     "2023-04-02"),
    ("Li Qiang arrived in Adelaide, where he visited the zoo that hosts two Chinese pandas.", "2024-06-15"),
]


@pytest.mark.parametrize("sentence, date", NEWS)
def test_second_tier_events_found_in_wire_wordings(sentence, date):
    assert date in matched_dates(sentence), matched_dates(sentence)


ORDINARY = [
    "Pakistan's army chief met US commanders in Rawalpindi to discuss border security.",
    "Najib addressed supporters at a rally in Pekan on Saturday.",
    "The Canadian ambassador attended a reception in Riyadh for the national day.",
    "Qatar hosted an OPEC seminar on energy markets in Doha.",
    "Conte met Salvini in Rome to discuss the budget.",
    "John Bolton published a book about his time in government.",
    "Li Qiang chaired a State Council meeting on the economy in Beijing.",
    "Japan's fisheries agency set catch quotas for the coming season.",
    "Modi met students in New Delhi ahead of the exams.",
    "OPEC+ ministers will meet online next week to review output.",
    "Putin and Abe discussed fisheries and trade by telephone.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_about_the_same_names_find_nothing(sentence):
    """A leader, a body or a capital with an everyday verb names no event of this calendar."""
    assert matched_dates(sentence) == set()
