"""The regional calendar of Europe, the Caucasus, Central, South and East Asia and the Pacific
(storyline/data/time/known/europe-asia-pacific.yaml): mid-sized news events found in the words a
wire story uses for them, and ordinary sentences about the same people and places that find
nothing."""
from __future__ import annotations

import pytest

from conftest_calendar import events_read_after_the_main_calendar, matched_dates

REGIONAL_FILE = "time/known/europe-asia-pacific.yaml"


def test_the_regional_calendar_is_read_after_the_main_one():
    events = events_read_after_the_main_calendar(REGIONAL_FILE)
    assert len(events) >= 120


NEWS = [
    ("Medvedev flew to Kunashir on Monday, the first visit by a Russian leader to the Kurils.", "2010-11-01"),
    ("Poland's president Lech Kaczynski was killed with 95 others when his plane crashed near Smolensk.",
     "2010-04-10"),
    ("Ireland formally requested a bailout from the EU and the IMF on Sunday, November 21, 2010.", "2010-11-21"),
    ("Serbian police arrested Ratko Mladić in the village of Lazarevo after 16 years on the run.",
     "2011-05-26"),
    ("A Kyiv court sentenced Yulia Tymoshenko to seven years in prison for abuse of office.", "2011-10-11"),
    ("Myanmar's president unexpectedly suspended the Myitsone dam, a $3.6 billion Chinese project.",
     "2011-09-30"),
    ("Three bombs exploded in the Zaveri Bazaar, Opera House and Dadar districts of Mumbai.", "2011-07-13"),
    ("For the first time in its 45-year history, ASEAN failed to issue a joint communique after "
     "the ministers' meeting in Phnom Penh.", "2012-07-13"),
    ("Azerbaijan's president pardoned Ramil Safarov hours after his extradition from Hungary.",
     "2012-08-31"),
    ("Appeals judges in The Hague acquitted Croatian general Ante Gotovina on Friday.", "2012-11-16"),
    ("Draghi promised that the ECB would do whatever it takes to preserve the euro.", "2012-07-26"),
    ("Putin cancelled the South Stream gas pipeline during a visit to Ankara.", "2014-12-01"),
    ("Pakistan's army said militants who stormed Karachi airport in June 2014 were Uzbek fighters.",
     "2014-06-08"),
    ("India called off foreign secretary talks after Pakistan's envoy Abdul Basit met Hurriyat "
     "leaders.", "2014-08-18"),
    ("Lufthansa said the Germanwings co-pilot Andreas Lubitz had hidden his illness.", "2015-03-24"),
    ("Obama laid a wreath at the Hiroshima memorial, the first sitting US president to visit.",
     "2016-05-27"),
    ("Duterte called Obama a son of a whore, and the White House called off the meeting in Laos.",
     "2016-09-05"),
    ("Russia's Supreme Court banned the Jehovah's Witnesses as an extremist organisation.", "2017-04-20"),
    ("France recalled its ambassador to Italy after Di Maio met yellow vest protesters.", "2019-02-07"),
    ("Pakistani police arrested Hafiz Saeed on terror financing charges on his way to Gujranwala.",
     "2019-07-17"),
    ("A special court in Islamabad sentenced Pervez Musharraf to death for high treason.", "2019-12-17"),
    ("The Samjhauta Express was suspended after India revoked Article 370.", "2019-08-08"),
    ("Indian and Chinese soldiers brawled at Naku La in Sikkim on May 9, 2020, injuring several.",
     "2020-05-09"),
    ("Pakistan said an Indian BrahMos missile had crashed near Mian Channu.", "2022-03-09"),
    ("Germany declared 40 Russian diplomats persona non grata on Monday after the Bucha killings.",
     "2022-04-04"),
    ("Bulgaria's Petkov government lost a no-confidence vote in parliament on Wednesday.", "2022-06-22"),
    ("Gillard ousted Rudd in a leadership spill in June 2010.", "2010-06-24"),
    ("A Chinese coast guard ship rammed the Teresa Magbanua at Sabina Shoal on Aug. 31.", "2024-08-31"),
    ("Romania's Central Electoral Bureau barred Georgescu from running in the rerun.", "2025-03-09"),
    ("North Korea said it would scrap the Comprehensive Military Agreement with Seoul.", "2023-11-23"),
]


@pytest.mark.parametrize("sentence, date", NEWS)
def test_regional_events_found_in_wire_wordings(sentence, date):
    assert date in matched_dates(sentence), matched_dates(sentence)


SERIES = [
    # Rudd and Gillard toppled each other: a report that does not say which finds both.
    ("The Labor caucus spill in which Gillard and Rudd challenged each other divided the party.",
     {"2010-06-24", "2013-06-26"}),
    # North Korean missiles over Japan
    ("North Korea fired a missile that flew over Hokkaido and fell into the Pacific.",
     {"2017-08-29", "2017-09-15", "2022-10-04"}),
    # Seoul's envoy Chung Eui-yong went to Pyongyang twice in 2018
    ("Chung Eui-yong led the delegation that met Kim Jong Un in Pyongyang.", {"2018-03-05", "2018-09-05"}),
]


@pytest.mark.parametrize("sentence, dates", SERIES)
def test_a_series_without_its_day_finds_every_member(sentence, dates):
    assert dates <= matched_dates(sentence), matched_dates(sentence)


ORDINARY = [
    "Medvedev chaired a meeting of the Security Council in Moscow on Friday.",
    "Tymoshenko told reporters in Kyiv that her party would vote against the budget.",
    "Draghi met union leaders in Rome to discuss pension reform.",
    "Hafiz Saeed's lawyers filed an appeal in the Lahore High Court.",
    "Bulgaria's parliament approved the state budget for next year.",
    "Obama spoke about climate change at a university in Tokyo.",
    "Germany and France called for new talks on the EU budget.",
    "Chinese and Japanese officials met in Beijing to discuss fisheries.",
    "Kishida met business leaders in Osaka to promote investment.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_about_the_same_names_find_nothing(sentence):
    """A leader, a court or a capital with an everyday verb names no event of this calendar or any other."""
    assert matched_dates(sentence) == set()


# ── the fourteenth round: the report of the day, written the day after and without a year ──
REPORTS_OF_THE_DAY = [
    ("President Medvedev fired Yuri Luzhkov on Tuesday, saying he had lost his trust in the Moscow mayor.",
     "2010-09-28"),
    ("Kyrgyz voters backed a new constitution in Sunday's referendum, interim leader Roza Otunbayeva said.",
     "2010-06-27"),
    ("Chinese police detained the artist Ai Weiwei at Beijing airport on Sunday as he tried to board a flight.",
     "2011-04-03"),
    ("Hina Rabbani Khar and S.M. Krishna held talks at Hyderabad House in New Delhi on Wednesday.",
     "2011-07-27"),
    ("Tens of thousands gathered on Bolotnaya Square on Saturday to protest against the rigged Duma election.",
     "2011-12-10"),
    ("Russian border guards seized the Greenpeace icebreaker Arctic Sunrise in the Pechora Sea.", "2013-09-19"),
    ("Greek authorities pulled the plug on the public broadcaster ERT overnight, and its screens went black.",
     "2013-06-11"),
    ("The Italian Senate voted on Wednesday to expel Silvio Berlusconi over his tax fraud conviction.",
     "2013-11-27"),
    ("Hundreds of students stormed Taiwan's Legislative Yuan late on Tuesday and occupied the chamber.",
     "2014-03-18"),
    ("A court in Urumqi sentenced Ilham Tohti to life in prison on separatism charges.", "2014-09-23"),
    ("Edi Rama arrived in Belgrade on Monday, the first visit by an Albanian leader in 68 years.", "2014-11-10"),
    ("Armenia and Azerbaijan agreed in Moscow on Tuesday to a ceasefire along the Karabakh front line.",
     "2016-04-05"),
    ("The Verkhovna Rada voted on Tuesday to dismiss prosecutor general Viktor Shokin.", "2016-03-29"),
    ("Emperor Akihito hinted in a rare video message that he wishes to abdicate.", "2016-08-08"),
    ("The European Parliament voted on Thursday for a temporary freeze of accession talks with Turkey.",
     "2016-11-24"),
    ("South Korean prosecutors arrested Park Geun-hye before dawn and took her to a detention centre.",
     "2017-03-31"),
    ("Yingluck Shinawatra failed to appear at the Supreme Court for her verdict, and an arrest warrant was issued.",
     "2017-08-25"),
    ("Pakistan's Supreme Court acquitted Asia Bibi on Wednesday, overturning her death sentence for blasphemy.",
     "2018-10-31"),
    ("Sea-Watch 3 captain Carola Rackete was arrested after she docked in Lampedusa without permission.",
     "2019-06-29"),
    ("Police in Khabarovsk detained governor Sergei Furgal, who was flown to Moscow on murder charges.",
     "2020-07-09"),
    ("Thailand's Constitutional Court dissolved the Future Forward party on Friday.", "2020-02-21"),
    ("Hong Kong police arrested 53 pro-democracy figures at dawn over an unofficial primary.", "2021-01-06"),
    ("Ukraine's security service captured Viktor Medvedchuk, who had fled house arrest.", "2022-04-12"),
    ("The Supreme Court ordered Memorial, Russia's best-known human rights group, to be liquidated.",
     "2021-12-28"),
    ("A Moscow court sentenced the opposition politician Vladimir Kara-Murza to 25 years for treason.",
     "2023-04-17"),
    ("A court in Yekaterinburg convicted Evan Gershkovich of espionage and sentenced him to 16 years.",
     "2024-07-19"),
    ("Philippine police arrested the preacher Apollo Quiboloy after a two-week siege of his compound.",
     "2024-09-08"),
    ("Supporters of Yoon stormed the Seoul Western District Court after a judge extended his detention.",
     "2025-01-19"),
    ("Romania's parliament, dominated by Ponta's coalition, voted on Friday to suspend President Basescu.",
     "2012-07-06"),
    ("Masked men seized Maria Kolesnikova in central Minsk on Monday and bundled her into a minibus.",
     "2020-09-07"),
    ("The Rada voted on Wednesday to dismiss Prime Minister Oleksiy Honcharuk after six months in office.",
     "2020-03-04"),
    ("Police detained the Meduza reporter Ivan Golunov on Thursday, saying drugs were found in his bag.",
     "2019-06-06"),
    ("Hungarian President Katalin Novak resigned on Saturday over a pardon in a child abuse case.", "2024-02-10"),
    ("An explosion ripped through the Pike River mine on Friday afternoon, trapping 29 men underground.",
     "2010-11-19"),
    ("Moldova's Constitutional Court on Monday declared the Shor party unconstitutional.", "2023-06-19"),
    ("Nepal blocked Facebook, YouTube and 24 other unregistered social media platforms on Thursday.",
     "2025-09-04"),
]


@pytest.mark.parametrize("sentence, date", REPORTS_OF_THE_DAY)
def test_the_report_of_the_day_finds_its_event(sentence, date):
    assert date in matched_dates(sentence), matched_dates(sentence)


ORDINARY_ROUND_14 = [
    "Kyrgyzstan will hold a referendum on the constitution next year, the president said.",
    "Berlusconi's lawyers said the court would rule on his appeal next week.",
    "Ai Weiwei released a new documentary on refugees at the festival.",
    "Pakistan reopened its airspace on Sunday after a brief closure during the exercises.",
    "Afghan and Pakistani officials met at Torkham to discuss the movement of trucks.",
    "Edi Rama met Serbian officials in Tirana to discuss trade.",
    "Khaleda Zia was taken to hospital in Dhaka for treatment.",
    "The European Parliament debated relations with Turkey on Wednesday.",
    "The Memorial museum in Moscow reopened after renovation.",
    "Novak Djokovic said he would not resign from the players' council after the final.",
    "The Dutch cabinet met on Friday to discuss the budget, Rutte told reporters.",
    "Nepal's parliament passed the budget after a long debate, Oli said.",
]


@pytest.mark.parametrize("sentence", ORDINARY_ROUND_14)
def test_ordinary_sentences_of_the_fourteenth_round_find_nothing(sentence):
    assert matched_dates(sentence) == set()
