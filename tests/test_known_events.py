"""The calendar of known world events (storyline/data/time/known_events.yaml and the
regional calendars in known/*.yaml): it loads, its recurring events are real alternatives, and
its keyword sets find events named the way news names them without firing on ordinary
sentences about something else."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from storyline.knowledge import load_yaml
from storyline.temporal.known import ELECTIONS_FILE, known_event_files, known_events, sentence_matches, slot_key

from conftest import AMBIGUOUS_KEYWORDS


def matched(sentence: str) -> set[tuple[str, str]]:
    return {(e.name, e.date.isoformat()) for e, _, _ in sentence_matches(sentence)}


def test_calendar_loads_and_is_broad():
    events = known_events()
    assert len(events) >= 250
    assert all(e.name and e.match for e in events)
    # the world's events end in 2025; elections held on days fixed by law run to late 2026
    assert max(e["date"] for f in known_event_files() for e in load_yaml(f)["events"]) <= dt.date(2025, 12, 31)
    assert max(e.date for e in events) <= dt.date(2026, 11, 23)
    assert len({(e.name, e.date) for e in events}) == len(events), "an event is listed twice"


def test_entries_parse_as_written():
    """A comma in an unquoted name splits a flow mapping, and YAML reads a bare No or 2022 as
    a boolean or a number: every entry must have exactly its three keys and string keywords
    (or lists of string alternatives)."""
    for e in [e for f in (*known_event_files(), ELECTIONS_FILE) for e in load_yaml(f)["events"]]:
        assert set(e) == {"name", "date", "match"}, e
        assert isinstance(e["date"], dt.date), e
        assert all(isinstance(k, str) or (isinstance(k, list) and k and all(isinstance(x, str) for x in k))
                   for kws in e["match"] for k in kws), e


def test_occurrences_of_one_event_share_their_keyword_sets():
    """Entries with one name are occurrences of a recurring event; the inference only treats
    them as alternatives when they match through the same keyword set."""
    by_name = defaultdict(set)
    for e in known_events():
        by_name[e.name].add(e.match)
    assert {n for n, sets in by_name.items() if len(sets) > 1} == set()
    assert len([e for e in known_events() if e.name == "Diwali"]) >= 8


def test_a_lone_keyword_is_a_distinctive_name_or_phrase():
    for e in known_events():
        for kws in e.match:
            if len(kws) == 1:
                k = kws[0]
                assert k[:1].isupper() or k[:1].isdigit() or " " in k, (e.name, kws)
            for k in kws:
                for alternative in (k if isinstance(k, tuple) else (k,)):
                    assert not (alternative.lower() in AMBIGUOUS_KEYWORDS and len(kws) < 4), (e.name, kws)


@pytest.mark.parametrize("sentence, name, date", [
    ("Three years after Russia's full-scale invasion of Ukraine, the front line has barely moved.",
     "Russia's full-scale invasion of Ukraine", "2022-02-24"),
    ("Delegations met in Istanbul on Monday for a second round of direct talks on ending the war "
     "in Ukraine.", "Second round of Russia–Ukraine talks in Istanbul (2025)", "2025-06-02"),
    ("The ceasefire that ended the 12-day war between Israel and Iran has largely held.",
     "Israel–Iran ceasefire ends the twelve-day war", "2025-06-24"),
    ("The Rapid Support Forces captured El Fasher after a siege of eighteen months.",
     "RSF seizes El Fasher", "2025-10-26"),
    ("Leaders meeting for the G7 summit in Kananaskis issued no joint communique.",
     "G7 summit in Kananaskis", "2025-06-15"),
    ("Hundreds of Hezbollah members were wounded when their pagers exploded.",
     "Exploding pagers across Lebanon", "2024-09-17"),
    ("Trump stepped across the border line to meet Kim at the DMZ.",
     "Trump meets Kim at the DMZ", "2019-06-30"),
    ("Yoon's short-lived declaration of martial law plunged Seoul into crisis.",
     "Yoon Suk Yeol declares martial law", "2024-12-03"),
    ("Houthi fighters landed by helicopter on the Galaxy Leader and sailed it to Hodeidah.",
     "Houthis seize the cargo ship Galaxy Leader, opening their Red Sea shipping campaign", "2023-11-19"),
    ("Last week Russia walked away from the grain deal it had renewed three times.",
     "Russia lets the Black Sea Grain Initiative lapse", "2023-07-17"),
    ("Aliyev and Pashinyan shook hands at the White House as Trump looked on.",
     "Armenia–Azerbaijan peace declaration at the White House", "2025-08-08"),
    ("Saudi Arabia, the UAE, Bahrain and Egypt severed diplomatic relations with Qatar overnight.",
     "Saudi-led bloc cuts ties with and blockades Qatar", "2017-06-05"),
    ("Pakistan and Afghanistan agreed to a ceasefire at talks in Doha mediated by Qatar and Turkey.",
     "Pakistan and Afghanistan agree a ceasefire in Doha", "2025-10-19"),
])
def test_events_named_as_news_names_them(sentence, name, date):
    assert (name, date) in matched(sentence)


def test_a_recurring_description_finds_every_occurrence():
    dates = {d for n, d in matched("Allies agreed on a new force posture at the NATO summit in Brussels.")}
    assert {"2017-05-25", "2018-07-11", "2021-06-14"} <= dates
    goma = {d for n, d in matched("The M23 took Goma with little resistance from the army.")}
    assert goma == {"2012-11-20", "2025-01-27"}


ORDINARY = [
    "The couple from Myanmar opened a small restaurant in Yangon.",
    "Hamas fired rockets at Israel in 2014, and Israel answered with a seven-week campaign in Gaza.",
    "Analysts warned that a strike on Fordow would require the heaviest bunker-busting bombs.",
    "G20 foreign ministers met in Rio de Janeiro in February to prepare the agenda.",
    "Protesters in Dhaka demanded that Sheikh Hasina step down.",
    "Villagers in Pulwama district harvested saffron early this year.",
    "Qatar has long mediated between Hamas and Israel over the blockade of Gaza.",
    "Saudi Arabia and Qatar signed a deal to expand flights between Riyadh and Doha.",
    "The fledgling coalition in Kathmandu survived a confidence vote.",
]


def test_the_host_city_decides_which_summit():
    found = matched("Washington pressed allies on spending at the NATO summit in Vilnius.")
    assert found == {("NATO summit in Vilnius", "2023-07-11")}


# ── the calendar finds events however news words them ───────────────────────────────────

OTHER_WORDINGS = [
    ("Imran Khan was removed by a vote of no confidence in parliament.", "2022-04-10"),
    ("Fighting broke out on Sept. 27 in Nagorno-Karabakh and lasted six weeks.", "2020-09-27"),
    ("Moscow suspended its participation in the Black Sea grain deal after drones hit its fleet "
     "in Sevastopol.", "2022-10-29"),
    ("Four days later Russia rejoined the grain deal, citing written guarantees from Kyiv.", "2022-11-02"),
    ("Twenty Indian soldiers died in hand-to-hand fighting with Chinese troops in the Galwan Valley.",
     "2020-06-15"),
    ("Indian jets bombed a militant camp near Balakot before dawn.", "2019-02-26"),
    ("A suicide bomber rammed an explosives-laden car into a paramilitary convoy in Pulwama.", "2019-02-14"),
    ("New Delhi stripped Jammu and Kashmir of its special status and split the state in two.", "2019-08-05"),
    ("The Taliban swept into Kabul as President Ashraf Ghani fled the country.", "2021-08-15"),
    ("Hamas gunmen poured across the fence into southern Israel on Oct. 7, 2023.", "2023-10-07"),
    ("An American drone strike near Baghdad airport killed the Iranian general Qassem Soleimani.",
     "2020-01-03"),
    ("Nancy Pelosi landed in Taipei late on Tuesday, defying Chinese warnings.", "2022-08-02"),
    ("Wagner fighters seized Rostov-on-Don and marched toward Moscow before Prigozhin called off "
     "the revolt.", "2023-06-24"),
    ("Yevgeny Prigozhin died when his business jet crashed north of Moscow.", "2023-08-23"),
    ("Rebels entered Damascus at dawn and Bashar al-Assad fled to Moscow.", "2024-12-08"),
    ("Ukrainian troops retook Kherson after Russia pulled its forces back across the Dnipro.", "2022-11-11"),
    ("A Turkish F-16 shot down a Russian warplane near the Syrian border.", "2015-11-24"),
    ("Rioters stormed the Capitol on Jan. 6 to stop the certification of the vote.", "2021-01-06"),
    ("Soldiers in Niger toppled President Mohamed Bazoum and suspended the constitution.", "2023-07-26"),
    ("Sheikh Hasina resigned and flew to India as crowds marched on her residence.", "2024-08-05"),
    ("Iran fired missiles at Al Udeid air base in Qatar a day after the American raid.", "2025-06-23"),
    ("Sudan's army recaptured the Republican Palace in Khartoum after two years of war.", "2025-03-21"),
    ("A car exploded near the Red Fort in Delhi in November 2025, killing thirteen people.", "2025-11-10"),
    ("The Kremlin said Putin and Trump talked by phone for ninety minutes on Feb. 12.", "2025-02-12"),
    ("Seoul's Constitutional Court unanimously upheld the impeachment and removed Yoon from office.",
     "2025-04-04"),
    ("B-2 bombers struck Fordow overnight with bunker-busting bombs.", "2025-06-22"),
    ("Trump paused most of the new tariffs for 90 days on April 9.", "2025-04-09"),
    ("Azerbaijan's lightning offensive forced Karabakh's Armenians into a mass exodus.", "2023-09-19"),
    ("Britain formally left the European Union on Jan. 31, 2020.", "2020-01-31"),
]


FAMOUS_NAMES_ALONE = [
    "Fishermen in Odesa repaired their boats before the winter storms.",
    "Students in Kherson returned to classes after the summer break.",
    "A new bakery opened near the Red Fort, drawing long queues of tourists.",
    "Putin chaired a meeting of the Security Council on housing policy.",
    "Wagner's operas were performed in Bayreuth to sold-out audiences.",
    "Prime Minister Hamdok was quite popular among young Sudanese.",
    "Officials in Pahalgam said tourists had returned in large numbers this spring.",
    "Hamas officials said the talks in Cairo with Egyptian mediators were constructive.",
    "Modi met Putin briefly on the sidelines of a regional meeting.",
    "Delegates in Istanbul began talks on a new rail corridor to Central Asia.",
    "Kramatorsk's station master said trains were running on time.",
]


def test_a_shared_wording_finds_each_event_it_may_mean():
    """Russia "pulled out" of the grain deal in October 2022 (for four days) and again in July
    2023: the wording alone keeps both as alternatives, a date in the sentence picks one."""
    both = {d for _, d in matched("Russia pulled out of the Black Sea grain deal.")}
    assert {"2022-10-29", "2023-07-17"} <= both
    later = {d for _, d in matched("Russia let the Black Sea grain deal expire in July 2023.")}
    assert "2023-07-17" in later and "2022-10-29" not in later


def test_a_set_shared_by_distinct_events_comes_before_their_own_sets():
    """Events that share a keyword set list before it only sets they also share, so that a text
    about one of them finds the others through the same set (alternatives) rather than the
    later one alone through the shared set (which would date the article after it)."""
    def key(kws):
        return tuple(slot_key(k) for k in kws)
    events = [e for e in known_events() if not e.named]
    for a in events:
        mine = [key(s) for s in a.match]
        for b in events:
            if b.name == a.name:
                continue
            theirs = {key(s) for s in b.match}
            for i, s in enumerate(mine):
                if s in theirs:
                    assert all(x in theirs for x in mine[:i]), (a.name, b.name, s)


def test_a_name_takes_an_n_only_after_an_a():
    from storyline.temporal.known import keyword_pattern

    assert keyword_pattern("Russia").search("the Russian navy")
    assert not keyword_pattern("War").search("officials warned of escalation")


@pytest.mark.parametrize("keyword, text, found, in_headline", [
    ("landed", "Troops landing at the airport", True, True),
    ("landed", "Lee lands on disputed islets", False, True),     # a headline's present only there
    ("expelled", "Riyadh expels Canadian ambassador", False, True),
    ("stopped", "Convoy stops at the border", False, True),
    ("seized", "rebels seizing the town", True, True),
    ("landed", "a dispute over farm land", False, False),       # the noun is no form of the verb
    ("bombed", "the heaviest bunker-busting bombs", False, True),  # a plural noun outside headlines
    ("signed", "a sign of goodwill", False, False),
    ("freed", "free trade talks", False, False),                 # too short to have a stem
])
def test_a_past_tense_keyword_finds_the_other_forms_of_its_verb(keyword, text, found, in_headline):
    from storyline.temporal.known import keyword_pattern, may_match

    assert bool(keyword_pattern(keyword).search(text)) is found
    assert bool(keyword_pattern(keyword, present=True).search(text)) is in_headline
    if in_headline:
        assert may_match((keyword,), text)


def test_quotation_marks_may_stand_inside_a_phrase_keyword():
    from storyline.temporal.known import keyword_pattern, may_match

    text = 'The ruling party drops the "foreign agents" bill after protests'
    assert keyword_pattern("foreign agents bill").search(text)
    assert may_match(("foreign agents bill",), text)


def test_every_occurrence_of_a_keyword_is_a_span():
    """A trigger may be any occurrence of a keyword, not only the first one found."""
    text = "Saudi Arabia cut ties with Qatar, and the UAE and Bahrain cut ties with Qatar too."
    spans = [s for e, _, s in sentence_matches(text) if e.name.startswith("Saudi-led bloc")][0]
    second = text.rindex("cut ties")
    assert any(a <= second < b for a, b in spans)


# ── the day's own news events: meetings, visits, rulings, votes, swaps ──────────────────

NEWS_OF_THE_DAY = [
    ("Bilawal Bhutto Zardari landed in Goa on Thursday for the meeting of SCO foreign ministers.",
     "2023-05-04"),
    ("Jaishankar flew to Islamabad for the SCO heads of government meeting, the first such trip in "
     "nearly a decade.", "2024-10-15"),
    ("Vice President Venkaiah Naidu laid the foundation stone of the Kartarpur corridor in Gurdaspur.",
     "2018-11-26"),
    ("Across the border, Imran Khan laid the foundation stone of the Kartarpur corridor in Narowal.",
     "2018-11-28"),
    ("The World Court stayed Kulbhushan Jadhav's execution pending a final decision.", "2017-05-18"),
    ("The International Court of Justice ordered an effective review and reconsideration of "
     "Jadhav's conviction.", "2019-07-17"),
    ("China asked for the closed-door consultations of the Security Council on Kashmir, the first "
     "time in five decades the body took up the dispute.", "2019-08-16"),
    ("Trump and Modi announced $3 billion in defence deals, including Apache helicopters.",
     "2020-02-25"),
    ("The first Russian peacekeepers arrived in Stepanakert under the Moscow-brokered deal.",
     "2020-11-10"),
    ("Azerbaijani troops captured Shusha, the town Armenians call Shushi.", "2020-11-08"),
    ("The DGMOs of both countries said they had reaffirmed their commitment to the 2003 ceasefire "
     "along the LoC.", "2021-02-25"),
    ("Chinese and Indian troops began disengaging from the north and south banks of Pangong Lake.",
     "2021-02-10"),
    ("It was Iran's first-ever direct attack on the Jewish state.", "2024-04-13"),
    ("Hours after Pakistan handed Abhinandan back at the Wagah border, both sides claimed victory.",
     "2019-03-01"),
    ("The International Court of Justice ordered Israel to immediately halt its offensive in Rafah.",
     "2024-05-24"),
    ("Ukraine's prisoner swap freed 215 fighters, among them the Azov commanders, in a "
     "Saudi-brokered deal.", "2022-09-21"),
    ("Chandrayaan-3 touched down near the lunar south pole late on Wednesday.", "2023-08-23"),
    ("The General Assembly voted 143 to 9 to back Palestinian membership of the United Nations.",
     "2024-05-10"),
    ("Brussels adopted the EU's 18th sanctions package after Slovakia dropped its veto.", "2025-07-18"),
    ("Honduras severed its ties with Taiwan and recognised Beijing.", "2023-03-25"),
    ("Ecuadorian police stormed the Mexican embassy in Quito to seize Jorge Glas.", "2024-04-05"),
    ("Macron reappointed Lecornu four days after his resignation.", "2025-10-10"),
    ("Mark Carney told Trump in the Oval Office that Canada was never for sale.", "2025-05-06"),
]


NEAR_THE_NEWS_OF_THE_DAY = [
    "Goa's beaches drew record numbers of foreign tourists this winter.",
    "Pilgrims from Punjab have long asked for easier access to the gurdwara at Kartarpur.",
    "Kulbhushan Jadhav's family urged New Delhi to keep pressing for his return.",
    "The Security Council also heard a briefing on humanitarian access in Sudan.",
    "Russian peacekeepers have long been deployed in Transnistria.",
    "Indian and Chinese commanders held another round of talks on friction points in Ladakh.",
    "Iran and Israel traded accusations at the IAEA board in Vienna.",
    "The EU's sanctions against Russia are reviewed every six months.",
    "Hong Kong officials said Benny Tai would be moved to another prison.",
    "Sara Duterte criticised the president's budget at a rally in Davao.",
]


def test_shared_wordings_of_recurring_news_events_are_alternatives():
    """The Security Council took up Kashmir behind closed doors in August 2019, January 2020 and
    August 2020; a sentence that does not say which finds all three."""
    found = {d for _, d in matched("The Security Council discussed Kashmir behind closed doors at "
                                   "China's request.")}
    assert {"2019-08-16", "2020-01-15", "2020-08-05"} <= found


# ── second round: announcements, sanctions rounds, visits, summits, votes, courts, attacks ──

SECOND_ROUND_NEWS = [
    ("A day after mediators announced the Gaza deal in Doha on January 15, Israeli strikes continued.",
     "2025-01-15"),
    ("Biden announced the ceasefire between Israel and Hezbollah from the Rose Garden.", "2024-11-26"),
    ("The EU adopted its 12th package of sanctions, banning imports of Russian diamonds.", "2023-12-18"),
    ("Washington blacklisted Gazprombank, the main channel for payments on Russian gas.", "2024-11-21"),
    ("Saudi Arabia expelled Canada's ambassador and froze new trade over a tweet.", "2018-08-05"),
    ("Jaishankar called on President Xi in Beijing before the SCO meeting in Tianjin.", "2025-07-15"),
    ("Leaders gathered in Port Moresby for an APEC summit that ended without a joint statement.",
     "2018-11-17"),
    ("The Arab League summit in Jeddah welcomed Assad back after twelve years.", "2023-05-19"),
    ("Russia vetoed the renewal of the panel of experts monitoring sanctions on North Korea.",
     "2024-03-28"),
    ("Citing famine, the World Court ordered new measures requiring Israel to let food supplies in.",
     "2024-03-28"),
    ("The ICC issued arrest warrants for Sergei Shoigu and Valery Gerasimov.", "2024-06-25"),
    ("Hamas freed the Israeli-American soldier Edan Alexander ahead of Trump's Gulf tour.", "2025-05-12"),
    ("Qatar freed eight former Indian Navy personnel who had once been sentenced to death.", "2024-02-12"),
    ("Bassirou Diomaye Faye won Senegal's presidential election in the first round.", "2024-03-24"),
    ("Gunmen stormed the studio of TC Televisión in Guayaquil during a live broadcast.", "2024-01-09"),
    ("Charlie Kirk was shot dead while speaking at Utah Valley University.", "2025-09-10"),
    ("A suicide bomber rammed a convoy carrying Chinese engineers near Besham.", "2024-03-26"),
    ("Gunmen attacked a bus carrying pilgrims in Reasi district.", "2024-06-09"),
    ("Timor-Leste formally joined ASEAN as its eleventh member.", "2025-10-26"),
    ("EU leaders agreed to open accession talks with Ukraine while Orbán left the room.", "2023-12-14"),
    ("Misri and Sun Weidong agreed in Beijing to resume the Kailash Mansarovar Yatra and direct "
     "flights.", "2025-01-27"),
    ("Israel and Lebanon signed the maritime border deal at Naqoura.", "2022-10-27"),
    ("The U.S. designated The Resistance Front, which claimed the Pahalgam attack, a foreign "
     "terrorist organization.", "2025-07-17"),
    ("Islamabad welcomed the decision to list the Balochistan Liberation Army as a foreign "
     "terrorist organisation.", "2025-08-11"),
    ("Lee Jae-myung took the oath of office a day after his election.", "2025-06-04"),
    ("North Korea blew up sections of the Gyeongui and Donghae roads near the border.", "2024-10-15"),
    ("Pakistan's government said it would recommend Trump for the Nobel Peace Prize.", "2025-06-21"),
    ("Israel recalled its ambassadors from Ireland and Norway in protest.", "2024-05-22"),
]


NEAR_THE_SECOND_ROUND = [
    "The EU is preparing another round of sanctions against Russia.",
    "Tourists returned to the beaches of Sousse this summer.",
    "Hamas released a video showing the hostage Edan Alexander.",
    "The Knesset debated a bill that would bar UNRWA from operating in Israel.",
    "Muttaqi spoke with Jaishankar by phone about trade through Chabahar.",
    "The Commission recommended that Georgia be granted candidate status.",
    "Prabowo was sworn in as defence minister in 2019.",
    "Trump pleaded not guilty to 34 felony counts in Manhattan.",
    "Canada has long demanded the release of Michael Kovrig and Michael Spavor.",
    "Moon said he hoped to visit Pyongyang later in 2018.",
]


def test_repeated_meetings_in_one_place_are_alternatives():
    """Blinken met Wang Yi in Munich in 2023 and in 2024; APEC met in Lima in 2016 and 2024: a
    sentence that does not say which finds both, a date in it picks one."""
    munich = {d for _, d in matched("Blinken and Wang Yi met on the sidelines in Munich.")}
    assert {"2023-02-18", "2024-02-16"} <= munich
    lima = {d for _, d in matched("Leaders at the APEC summit in Lima pledged to fight protectionism.")}
    assert {"2016-11-19", "2024-11-15"} <= lima
    assert "2024-02-16" not in {d for _, d in matched("Blinken and Wang Yi talked in February 2023.")}
    # Putin hosted Aliyev and Pashinyan in Sochi in November 2021 and October 2022; a datelined
    # report finds both
    sochi = {d for _, d in matched("SOCHI, Russia: Putin hosted Aliyev and Pashinyan for three-way talks.")}
    assert {"2021-11-26", "2022-10-31"} <= sochi
    assert "2022-10-31" in {d for _, d in matched("Aliyev and Pashinyan met in Sochi in October 2022.")}
    # Russian and Ukrainian delegations met in Istanbul in March 2022 and three times in 2025: a
    # report that names no round finds every one (its weekday then picks one)
    istanbul = {d for _, d in matched("Russian and Ukrainian delegations met in Istanbul on Monday.")}
    assert {"2022-03-29", "2025-05-16", "2025-06-02", "2025-07-23"} <= istanbul


# A set that also fits an earlier or a neighbouring event would move that article's date.
SECOND_ROUND_MISSES = [
    ("Leaders at the Arab Islamic American Summit in Riyadh heard Trump denounce extremism.", "2023-11-11"),
    ("Russia vetoed the renewal of cross-border aid into Syria through Bab al-Hawa in July 2020.",
     "2022-07-08"),
    ("Algeria recalled its ambassador to France over documentaries about the protest movement.",
     "2021-10-02"),
    ("Trump played golf at his club in West Palm Beach on Sunday.", "2024-09-15"),
    ("Kirillov claimed that Ukraine was preparing a dirty bomb.", "2024-12-17"),
    ("Quick counts showed Jokowi beating Prabowo in the presidential election.", "2024-02-14"),
    ("The Knesset passed in a first reading a bill to bar UNRWA from operating in Israel.", "2024-10-28"),
    ("Ukraine and Moldova received candidate status in June, while Georgia was told to reform first.",
     "2023-12-14"),
    ("Ramaphosa was re-elected by parliament and thanked the DA for its support.", "2024-06-14"),
    ("Putin signed the nuclear doctrine decree on Tuesday.", "2024-11-19"),
    ("Prosecutors had asked the judges for a life sentence for Mladic.", "2017-11-22"),
    ("The U.S. Court of International Trade ruled against the steel tariffs.", "2025-05-28"),
]


# ── third round: regions, summits by host city, datelined visits, votes, courts, returns ──

THIRD_ROUND_NEWS = [
    ("Moscow's return last week to the Black Sea grain deal eased fears of a new spike in food prices.",
     "2022-11-02"),
    ("The United States formally rejoined the Paris Agreement on Friday, 107 days after leaving it.",
     "2021-02-19"),
    ("MUSCAT: Witkoff and Araghchi held a third round of talks while technical teams met in parallel.",
     "2025-04-26"),
    ("KUALA LUMPUR: Rubio met Lavrov on the sidelines of the regional meetings on Thursday.", "2025-07-10"),
    ("ASTANA: Xi Jinping and the five Central Asian presidents signed a treaty of good-neighbourliness.",
     "2025-06-17"),
    ("Leaders at the ASEAN summit in Labuan Bajo discussed the crisis in Myanmar.", "2023-05-10"),
    ("The Quad foreign ministers met in Melbourne as Russian troops massed near Ukraine.", "2022-02-11"),
    ("Pashinyan refused to sign the declaration at the CSTO summit in Yerevan.", "2022-11-23"),
    ("The Security Council voted to end MINUSMA, the UN mission in Mali, after a decade.", "2023-06-30"),
    ("Russia vetoed the draft, which would have condemned the Khan Shaykhun sarin attack.", "2017-04-12"),
    ("The World Court ruled that it has jurisdiction in Guyana's case against Venezuela.", "2020-12-18"),
    ("Lithuania expelled the Russian ambassador in response to the killings in Bucha.", "2022-04-04"),
    ("TBILISI: Kavelashvili was sworn in as Zourabichvili left the presidential palace.", "2024-12-29"),
    ("Nazarbayev stepped down after three decades in power, handing over to Tokayev.", "2019-03-19"),
    ("Residents of Kathmandu still remember how the earthquake of April 2015 toppled the Dharahara tower.",
     "2015-04-25"),
    ("The Taliban unveiled an interim government led by Mohammad Hasan Akhund.", "2021-09-07"),
    ("Najib began serving his sentence at Kajang prison after the Federal Court upheld his conviction "
     "in the SRC International case.", "2022-08-23"),
    ("WASHINGTON: The United States determined that the RSF had committed genocide and sanctioned "
     "Hemedti.", "2025-01-07"),
    ("ABUJA: Gunmen abducted more than 280 pupils from a school in Kuriga.", "2024-03-07"),
    ("Whole districts of Derna were swept into the sea when two dams burst during Storm Daniel.",
     "2023-09-10"),
    ("Lasso dissolved the National Assembly to avoid impeachment, invoking the muerte cruzada.",
     "2023-05-17"),
    ("CARACAS: Drones exploded near Maduro as he spoke at a military parade.", "2018-08-04"),
    ("Bukele's state of exception has jailed more than 80,000 suspected gang members since March 2022.",
     "2022-03-27"),
    ("Modi inaugurated the BAPS Hindu temple in Abu Dhabi.", "2024-02-14"),
    ("RIYADH: A Houthi delegation arrived for talks in September 2023, its first official visit since the "
     "war began.", "2023-09-14"),
    ("Georgians date the protests to the night Gavrilov sat in the speaker's chair in Tbilisi.",
     "2019-06-20"),
    ("The ICC appeals chamber acquitted Bemba, overturning his conviction.", "2018-06-08"),
    ("Sadr's followers stormed parliament in Baghdad's Green Zone in July 2022.", "2022-07-27"),
]


NEAR_THE_THIRD_ROUND = [
    "Ministers met in Muscat to discuss shipping in the Strait of Hormuz.",
    "Putin and Xi exchanged congratulatory messages on the anniversary of their treaty.",
    "Tourists flock to Sochi's beaches every summer.",
    "Human rights groups urged the Human Rights Council to investigate abuses in Sudan.",
    "Moscow said it would keep exporting grain to Africa.",
    "Lula spoke about inflation at a rally in São Paulo.",
    "Fishermen in Kinmen repaired their nets before the typhoon.",
    "The CSTO held routine exercises in Tajikistan.",
    "Modi addressed a rally of farmers in Varanasi.",
    "The Quad's working groups on vaccines met online.",
]


THIRD_ROUND_MISSES = [
    ("Turkey could face sanctions over its purchase of the S-400.", "2020-12-14"),
    ("Kosovo's central bank said the dinar would be phased out.", "2024-02-01"),
    ("Witkoff and Araghchi met in Rome for a second round.", "2025-04-26"),
    ("Blinken met Mirzoyan and Bayramov in Washington in November 2022.", "2023-05-01"),
    ("Russia has not formally recognised the Taliban, which seized Kabul in 2021.", "2025-07-03"),
    ("Sandu was elected prime minister by parliament in June 2019.", "2020-11-15"),
]


# ── national elections and referendums (storyline/data/time/elections.yaml) ────────────

ELECTION_NEWS = [
    ("Venezuela's opposition is campaigning ahead of legislative elections in December.", "2015-12-06"),
    ("Since the March election, Israel's parties have failed to form a coalition.", "2021-03-23"),
    ("Colombians went to the polls in June to choose between Petro and Hernández.", "2022-06-19"),
    ("Turkey's presidential runoff on May 28 will decide whether Erdogan extends his rule.", "2023-05-28"),
    ("The June 2018 snap election in Turkey handed Erdogan sweeping new powers.", "2018-06-24"),
    ("Kenya's Supreme Court ordered a fresh presidential vote after annulling the August election.",
     "2017-08-08"),
    ("Nigeria's presidential election in February was postponed by a week at the last minute.", "2019-02-23"),
    ("Moldova heads into a runoff in November between Sandu and Stoianoglo.", "2024-11-03"),
    ("Ghana's election in December will pit Mahama against Bawumia.", "2024-12-07"),
    ("Since Pakistan's general election in February, Imran Khan's party has contested the results.",
     "2024-02-08"),
    ("Hungary's referendum in October on EU migrant quotas failed to reach the turnout threshold.",
     "2016-10-02"),
    ("Ahead of the U.S. midterm elections in November, the administration delayed the sanctions.",
     "2018-11-06"),
    ("Counting in India's general election in June showed the BJP short of a majority.", "2024-06-04"),
    ("Iraq's parliamentary election in October produced a fragmented legislature.", "2021-10-10"),
    ("The European Parliament elections in June saw gains for the far right.", "2024-06-09"),
    ("Sri Lanka's presidential election in September brought Dissanayake to power.", "2024-09-21"),
    ("Argentina's primaries in August sent the peso tumbling.", "2019-08-11"),
    ("Senegal goes to the polls on 24 March after weeks of crisis over the postponement.", "2024-03-24"),
    ("Belarus held its presidential election in August amid mass protests.", "2020-08-09"),
    ("The 2019 presidential election in Ukraine brought a comedian to power.", "2019-03-31"),
    ("Poland's presidential runoff on June 1 was won by Nawrocki.", "2025-06-01"),
    ("Germany's federal election in February made Merz chancellor.", "2025-02-23"),
    ("A snap general election in Japan in October cost the LDP its majority.", "2024-10-27"),
]


@pytest.mark.parametrize("sentence, date", ELECTION_NEWS)
def test_elections_found_by_country_kind_and_month(sentence, date):
    assert date in {d for _, d in matched(sentence)}, matched(sentence)


def test_a_month_without_a_year_finds_every_election_of_that_month():
    """"The elections in December" is any December the country voted in; the article's other
    cues choose among them."""
    venezuela = {d for _, d in matched("Venezuela goes to the polls ahead of legislative elections in December.")}
    assert {"2015-12-06", "2020-12-06"} <= venezuela
    israel = {d for _, d in matched("Israel's election in March was the third in under a year.")}
    assert {"2015-03-17", "2020-03-02", "2021-03-23"} <= israel
    brazil = {d for _, d in matched("Ahead of Brazil's runoff in October, Lula and Bolsonaro held a final debate.")}
    assert {"2018-10-28", "2022-10-30"} <= brazil
    korea = {d for _, d in matched("South Korea's April elections gave the opposition a large majority.")}
    assert {"2016-04-13", "2020-04-15", "2024-04-10"} <= korea
    philippines = {d for _, d in matched("The Philippines went to the polls in May to elect a new president.")}
    assert {"2016-05-09", "2022-05-09"} <= philippines


def test_a_year_finds_the_first_vote_of_that_year_and_no_other_years():
    found = {d for _, d in matched("Guatemala's 2015 elections were overshadowed by a corruption scandal.")}
    assert "2015-09-06" in found and not {"2011-09-11", "2019-06-16", "2023-06-25"} & found


ELECTION_WORDS_ELSEWHERE = [
    "Venezuela voted against the resolution in December.",
    "Opinion polls in France in May may show a shift toward the far right.",
    "The vote in the Security Council in March was unanimous.",
    "Elections to the board in June were postponed.",
    "Washington criticised the election in Venezuela in November as a sham.",
    "India's foreign minister said in February that Pakistan must act against militants.",
    "Protesters march through Paris in March every year.",
    "The ballot papers for the student union were printed in August.",
    "American officials in Iraq met tribal leaders in October.",
    "Britain said in December it would send observers to the election in Georgia.",
    "Theresa May's government faced a confidence vote in parliament in January.",
    "Kenya's runoff from the highlands floods the valleys each April.",
]


@pytest.mark.parametrize("sentence", ELECTION_WORDS_ELSEWHERE)
def test_election_words_elsewhere_find_no_election(sentence):
    """Votes in councils, opinion polls, the modal "may", a march, and one country commenting on
    another's election name no national election."""
    assert not {n for n, _ in matched(sentence) if "election" in n.lower() or "referendum" in n.lower()}, \
        matched(sentence)


def test_a_power_commenting_on_another_election_is_not_its_election():
    found = {n for n, _ in matched("U.S. officials said the November election in Nicaragua was a sham.")}
    assert any(n.startswith("Nicaraguan") for n in found)
    assert not any(n.startswith("US ") for n in found), found


# ── fourth round: executions and recalls, expulsions, courts, truces, coups and attacks ──

FOURTH_ROUND_NEWS = [
    ("JAKARTA: Andrew Chan and Myuran Sukumaran were executed by firing squad shortly after midnight, "
     "and Canberra recalled its ambassador.", "2015-04-29"),
    ("Singapore hanged Nagaenthran Dharmalingam despite appeals from Malaysia's prime minister.", "2022-04-27"),
    ("Iran executed Habib Chaab, a Swedish-Iranian dissident it had abducted in Turkey.", "2023-05-06"),
    ("RIYADH: Saudi Arabia gave Lebanon's ambassador 48 hours to leave after George Kordahi's remarks on "
     "the war in Yemen, and Bahrain and Kuwait followed.", "2021-10-29"),
    ("Erdogan told his foreign ministry to declare ten Western ambassadors persona non grata for calling "
     "for Kavala's release.", "2021-10-23"),
    ("Paris recalled its ambassadors from Washington and Canberra after Australia scrapped the submarine "
     "contract in favour of AUKUS.", "2021-09-17"),
    ("Kinshasa ordered Rwanda's ambassador Vincent Karega to leave within 48 hours.", "2022-10-29"),
    ("Mali, Burkina Faso and Niger recalled their ambassadors from Algeria after the drone was downed.",
     "2025-04-06"),
    ("Rabat cut ties with Iran, accusing it of arming the Polisario through Hezbollah, and Morocco closed "
     "its embassy.", "2018-05-01"),
    ("ALGIERS: Algeria recalled its ambassador from Spain after Madrid endorsed Rabat's autonomy plan.",
     "2022-03-19"),
    ("The International Tribunal for the Law of the Sea ordered Russia to release the 24 Ukrainian sailors.",
     "2019-05-25"),
    ("The World Court ruled that Japan's whaling programme in the Antarctic was not for scientific purposes "
     "and ordered it halted.", "2014-03-31"),
    ("The Council of Europe expelled Russia, ending its 26-year membership.", "2022-03-16"),
    ("STRASBOURG: The European Court of Human Rights found Russia responsible for the downing of MH17.",
     "2025-07-09"),
    ("The UK Supreme Court ruled that the government's Rwanda asylum plan was unlawful.", "2023-11-15"),
    ("Pakistan's Supreme Court disqualified Nawaz Sharif over the Panama Papers revelations.", "2017-07-28"),
    ("Spain's Supreme Court sentenced Oriol Junqueras to 13 years for sedition.", "2019-10-14"),
    ("The WTO authorised Washington to impose tariffs on $7.5 billion of European goods over subsidies to "
     "Airbus.", "2019-10-02"),
    ("Syrian air defences shot down a Turkish F-4 Phantom over the Mediterranean.", "2012-06-22"),
    ("Clinton flew to Cairo, where Morsi's government brokered the truce that ended the eight-day war in "
     "Gaza.", "2012-11-21"),
    ("Japan's purchase of three of the Senkaku islands from their private owner infuriated Beijing.",
     "2012-09-11"),
    ("NEW DELHI: Ajmal Kasab, the only surviving gunman of the Mumbai attacks, was hanged in Pune.",
     "2012-11-21"),
    ("The Séléka rebels stormed Bangui and Bozizé fled to Cameroon.", "2013-03-24"),
    ("MAPUTO: Nyusi and Renamo's leader Ossufo Momade signed the peace accord in the capital.", "2019-08-06"),
    ("The MILF and Manila signed the Comprehensive Agreement on the Bangsamoro after 17 years of talks.",
     "2014-03-27"),
    ("Kerry and Lavrov announced in Geneva a ceasefire in Syria to begin at sundown on the first day of Eid.",
     "2016-09-09"),
    ("Malaysia expelled North Korea's ambassador Kang Chol over the killing of Kim Jong-nam.", "2017-03-04"),
    ("Guatemala's president Otto Pérez Molina resigned hours before a judge ordered his arrest.", "2015-09-02"),
    ("The Bolivian president's plane was forced to land in Vienna after France and Portugal closed their "
     "airspace on suspicion that Snowden was aboard.", "2013-07-02"),
]


NEAR_THE_FOURTH_ROUND = [
    "Algeria and Spain signed a gas contract in Madrid.",
    "Relatives of Kavala visited him in Silivri prison.",
    "Nyusi opened a new bridge in Maputo.",
    "Kerry and Lavrov discussed the weather on the sidelines in Geneva.",
    "Japanese fishermen sailed near the Senkaku islands.",
    "The European Court of Human Rights opened its new session in Strasbourg.",
    "The WTO's ministerial conference ended in Abu Dhabi without agreement on fisheries.",
    "Mali and Algeria discussed trade across the Sahara.",
    "Pakistan's Supreme Court heard a petition on water rights.",
]


def test_a_series_of_expulsions_is_found_as_alternatives():
    """Venezuela expelled the same EU ambassador in June 2020 (then relented) and in February 2021;
    Algeria and France expelled twelve officials each a day apart: a report that does not say which
    finds both through the shared first set, and its weekday or other cues choose."""
    brilhante = {d for _, d in matched("Venezuela declared the EU ambassador Isabel Brilhante Pedrosa "
                                       "persona non grata.")}
    assert {"2020-06-29", "2021-02-24"} <= brilhante
    both = {d for _, d in matched("Algeria and France each expelled twelve officials in a tit-for-tat row.")}
    assert {"2025-04-14", "2025-04-15"} <= both


# ── fifth round: rounds of talks in one city, truces taking effect, expulsions, smaller rulings ──

FIFTH_ROUND_NEWS = [
    ("ASTANA: Delegations of the Syrian government and the armed opposition met for a sixth round of talks, "
     "and Russia, Turkey and Iran agreed to deploy monitors to the Idlib de-escalation zone.", "2017-09-15"),
    ("The ELN's first bilateral ceasefire with Bogotá began on October 1, days before Pope Francis's visit ended.", "2017-10-01"),
    ("FARC rebels released General Rubén Darío Alzate in Chocó, clearing the way for the Havana talks to resume.", "2014-11-30"),
    ("Ecuador's foreign minister Ricardo Patiño said Quito would grant Julian Assange asylum.", "2012-08-16"),
    ("Guatemala's president Jimmy Morales, flanked by soldiers, said the CICIG mandate would not be renewed.", "2018-08-31"),
    ("Nicaragua's court sentenced Bishop Rolando Álvarez to 26 years and stripped him of his nationality.", "2023-02-10"),
    ("ADDIS ABABA: Isaias Afwerki arrived for his first visit in over two decades and reopened Eritrea's embassy.", "2018-07-14"),
    ("Somalia expelled Ethiopia's ambassador and ordered the closure of its consulates in Hargeisa and Garowe.", "2024-04-04"),
    ("An Algerian court sentenced the writer Boualem Sansal to five years in prison.", "2025-03-27"),
    ("Moroccan troops moved into the Guerguerat buffer zone to clear a blockade, and the Polisario declared the ceasefire over.", "2020-11-13"),
    ("Kyrgyz special forces stormed Atambayev's compound in Koi-Tash a second time, and he surrendered.", "2019-08-08"),
    ("Azerbaijan set up a checkpoint at the entrance of the Lachin corridor near the Hakari bridge.", "2023-04-23"),
    ("Georgia's parliament overrode President Zourabichvili's veto of the foreign agents law.", "2024-05-28"),
    ("BEIJING: Duterte announced his separation from the United States, militarily and economically.", "2016-10-20"),
    ("HANOI: Obama said Washington would fully lift its ban on lethal arms sales to Vietnam.", "2016-05-23"),
    ("Wang Yi's proposal for a regional security and trade pact was shelved after Pacific foreign ministers met in Suva.", "2022-05-30"),
    ("Trump doubled tariffs on Turkish steel and aluminum as the lira plunged.", "2018-08-10"),
    ("Royal Marines helped Gibraltar's police seize the Iranian tanker Grace 1, suspected of carrying oil to Syria.", "2019-07-04"),
    ("Assad flew to the UAE, his first visit to an Arab country since the war began in 2011.", "2022-03-18"),
    ("Estonia and Russia exchanged Eston Kohver for a former Estonian police officer on a bridge.", "2015-09-26"),
    ("SEOUL: South Korea suspended operations at the Kaesong industrial park after the North's rocket launch.", "2016-02-10"),
    ("The European Court of Human Rights ordered Turkey to free Selahattin Demirtaş in November 2018.", "2018-11-20"),
    ("The Koblenz court sentenced the former Syrian colonel Anwar Raslan to life for crimes against humanity.", "2022-01-13"),
    ("Belgium freed Assadollah Assadi in exchange for the aid worker Olivier Vandecasteele, mediated by Oman.", "2023-05-26"),
    ("India called off its Ramzan ceasefire in Kashmir and ordered operations against militants to resume.", "2018-06-17"),
    ("The Hodeidah ceasefire took effect at midnight under the Stockholm deal.", "2018-12-18"),
    ("Chad's government gave the German ambassador Jan Christian Gordon Kricke 48 hours to leave.", "2023-04-07"),
    ("Mali detained 49 Ivorian soldiers at Bamako airport, calling them mercenaries.", "2022-07-10"),
]


FIFTH_ROUND_SERIES = [
    ("Syria's government and rebels returned to Astana for another round of talks.", {"2017-01-23","2017-02-16","2017-09-15","2017-12-22","2017-05-04"}),
    ("Sudan's army and the RSF sent delegations back to Jeddah for talks.", {"2023-05-06","2023-05-11","2023-05-20","2023-06-01"}),
    ("The Taliban declared an Eid ceasefire.", {"2018-06-15","2020-05-24","2020-07-31","2021-05-13"}),
    ("Delegates met in Vienna for talks to revive the Iran nuclear deal.", {"2021-04-06","2021-11-29","2022-08-08"}),
    ("Assad met Putin in Moscow for talks.", {"2015-10-20","2023-03-15","2024-07-24"}),
]


NEAR_THE_FIFTH_ROUND = [
    "Syria's foreign minister flew to Astana for a trade fair.",
    "Sudanese pilgrims landed in Jeddah for the hajj.",
    "The Taliban celebrated Eid in Kabul.",
    "Vienna hosted an opera gala for Iranian music.",
    "Duterte flew to Beijing for an investment forum.",
    "Kaesong's old city walls attract tourists.",
    "Assad received a delegation from the UAE in Damascus.",
    "Georgia's parliament passed the budget.",
    "Mali's army trained Ivorian officers in Bamako.",
    "Ethiopia and Eritrea exchanged trade delegations.",
]


SIXTH_ROUND_NEWS = [
    ("The Security Council unanimously adopted Resolution 2098, creating an intervention brigade to neutralise armed groups in eastern Congo.", "2013-03-28"),
    ("NEW YORK: Council members adopted resolution 2653, targeting gang leaders who finance violence in Haiti.", "2022-10-21"),
    ("The Council's Resolution 2797 called Morocco's autonomy plan the most feasible basis for talks.", "2025-10-31"),
    ("Ruto welcomed the Gang Suppression Force approved by the Security Council.", "2025-09-30"),
    ("Sophie Pétronin, the last French hostage held anywhere, arrived in Bamako after four years in captivity.", "2020-10-08"),
    ("NIAMEY: The French journalist Olivier Dubois, kidnapped in Gao in 2021, was freed along with an American aid worker.", "2023-03-20"),
    ("Kenneth Bae and Matthew Todd Miller flew home with James Clapper.", "2014-11-08"),
    ("The Taliban released Kevin King and Timothy Weeks in exchange for Anas Haqqani.", "2019-11-19"),
    ("Myanmar's junta freed the Australian economist Sean Turnell in a mass amnesty.", "2022-11-17"),
    ("Cheng Lei was reunited with her children in Melbourne after three years in detention in China.", "2023-10-11"),
    ("An Egyptian-brokered truce took hold on Sunday night, ending Operation Breaking Dawn.", "2022-08-07"),
    ("Aguila Saleh and Sarraj issued separate statements calling for a ceasefire across Libya.", "2020-08-21"),
    ("The Sde Boker summit brought Blinken together with the foreign ministers of four Arab states.", "2022-03-28"),
    ("MNDAA fighters seized Lashio, the first regional command to fall to the rebels.", "2024-08-03"),
    ("CANBERRA: Albanese and Marape signed the Pukpuk treaty, binding the two countries to defend each other.", "2025-10-06"),
    ("BEIRUT: Two suicide bombers struck outside the Iranian embassy, killing 23 people.", "2013-11-19"),
    ("A suicide bomber rammed a car into the gates of the Chinese embassy in Bishkek.", "2016-08-30"),
    ("Adel al-Jubeir arrived in Baghdad on a surprise visit, the first by a Saudi foreign minister since 1990.", "2017-02-25"),
    ("ISLAMABAD: Lavrov arrived for talks with Qureshi, the first visit by a Russian foreign minister in nine years.", "2021-04-07"),
    ("López Obrador said relations with Spain should be put on pause.", "2022-02-09"),
    ("Niger's junta closed its airspace, citing the threat of an ECOWAS intervention.", "2023-08-06"),
    ("China banned imports of pineapples from Taiwan, citing pests.", "2021-02-26"),
    ("A Guatemalan court found Ríos Montt guilty of genocide and sentenced him to 80 years.", "2013-05-10"),
    ("Colombia's former president Álvaro Uribe was found guilty of witness tampering.", "2025-07-28"),
    ("A Kinshasa military court sentenced Joseph Kabila to death in absentia.", "2025-09-30"),
    ("Kizza Besigye was abducted in Nairobi and charged before a military court in Kampala.", "2024-11-16"),
    ("Germany asked the CIA station chief in Berlin to leave the country.", "2014-07-10"),
    ("Penny Wong met Wang Yi in Beijing, the first visit by an Australian foreign minister in four years.", "2022-12-21"),
    ("ASEAN barred Min Aung Hlaing from its summit and invited a non-political representative.", "2021-10-16"),
    ("Pashinyan met Erdoğan in Istanbul at the Dolmabahçe office.", "2025-06-20"),
    ("TIRANA: Albania severed diplomatic relations with Iran and gave its embassy staff 24 hours to leave after a cyberattack.", "2022-09-07"),
    ("Moscow expelled 23 British diplomats and ordered the British Council closed.", "2018-03-17"),
    ("DAMASCUS: The Emirates reopened its embassy, seven years after Gulf states cut ties with Assad.", "2018-12-27"),
    ("The US embassy in Ankara suspended non-immigrant visa services after a consulate employee was arrested.", "2017-10-08"),
]


SIXTH_ROUND_SERIES = [
    ("Islamic State militants held the staff of Turkey's consulate in Mosul hostage.", {"2014-06-11", "2014-09-20"}),
    ("Saudi Arabia's Faisal bin Farhan arrived in Damascus.", {"2023-04-18", "2025-01-24"}),
    ("JAKARTA: Prabowo met Xi in Beijing, his office said.", {"2024-04-01", "2024-11-09"}),
]


NEAR_THE_SIXTH_ROUND = [
    "The Turkish consulate in Mosul reopened for visas.",
    "Nigeria's land borders stretch over 4,000 kilometres.",
    "Lavrov discussed Islamabad's position on Afghanistan by phone.",
    "Pineapple farmers in Taiwan expect a good harvest.",
    "The Security Council discussed Haiti's gangs.",
    "Kabila attended a funeral in Lubumbashi.",
    "Marcos praised Xi's infrastructure plans in a speech in Manila.",
    "Toledo's cathedral draws tourists from Peru.",
    "Garibashvili addressed Georgia's parliament.",
    "Albania and Iran exchanged notes on trade.",
]


# ── seventh round: the Arab uprisings, Korea, Africa, Crimea and Donbas, Gaza, leaks; 2019–2021 ──

SEVENTH_ROUND_NEWS = [
    ("TUNIS: Ben Ali fled to Saudi Arabia after four weeks of protests.", "2011-01-14"),
    ("CAIRO: Mubarak stepped down on Friday and handed power to the army.", "2011-02-11"),
    ("Saudi troops crossed the King Fahd Causeway into Bahrain at the request of its king.", "2011-03-14"),
    ("The Council adopted Resolution 1973 with ten votes and five abstentions.", "2011-03-17"),
    ("Rebels overran Bab al-Aziziya and looted Gaddafi's compound.", "2011-08-23"),
    ("Saleh signed the Gulf initiative in Riyadh, agreeing to hand power to his deputy.", "2011-11-23"),
    ("Syrian troops and Hezbollah fighters recaptured Qusayr after a two-week battle.", "2013-06-05"),
    ("SEOUL: North Korean artillery shelled Yeonpyeong island, killing two marines.", "2010-11-23"),
    ("Pyongyang's Unha-3 rocket broke apart shortly after launch.", "2012-04-13"),
    ("Ivorian forces captured Gbagbo in the bunker of his residence.", "2011-04-11"),
    ("JUBA: South Sudan declared independence, becoming the world's newest country.", "2011-07-09"),
    ("Michel Djotodia resigned at a regional summit in N'Djamena.", "2014-01-10"),
    ("Men in fatigues loyal to Strelkov seized the police station in Slavyansk.", "2014-04-12"),
    ("Dozens of pro-Russian activists died in the fire at the Trade Unions House in Odessa.", "2014-05-02"),
    ("In July 2014 Israeli troops and Hamas fighters fought house to house in Shejaiya.", "2014-07-20"),
    ("WikiLeaks began publishing some 250,000 State Department cables.", "2010-11-28"),
    ("Snowden was stuck in the transit zone of Sheremetyevo after flying in from Hong Kong.", "2013-06-23"),
    ("Medvedev and Sarkozy agreed on a six-point plan to end the fighting in Georgia.", "2008-08-12"),
    ("Mexican marines arrested El Chapo Guzmán in a Mazatlán condominium.", "2014-02-22"),
    ("HONG KONG: A mob of men in white shirts attacked commuters and protesters at Yuen Long station.",
     "2019-07-21"),
    ("Pence and Erdoğan agreed in Ankara on a 120-hour pause in the offensive.", "2019-10-17"),
    ("ATHENS: Greece expelled the Libyan ambassador over the accord with Ankara.", "2019-12-06"),
    ("Thousands of Turkish officials watched the first Friday prayers since a court cleared the way for "
     "Hagia Sophia to become a mosque again.", "2020-07-10"),
    ("In August 2020 Ankara sent the Oruç Reis, escorted by warships, into waters Greece claims.", "2020-08-10"),
    ("Blinken and Lavrov met in Reykjavik on the sidelines of the Arctic Council.", "2021-05-19"),
    ("Russian jets dropped bombs in the path of HMS Defender near Cape Fiolent.", "2021-06-23"),
    ("The last Americans slipped out of Bagram overnight without telling the Afghan commander.", "2021-07-02"),
    ("Modi said the farm laws would be repealed, in a rare U-turn.", "2021-11-19"),
]


SEVENTH_ROUND_SERIES = [
    ("Russia and China vetoed two Security Council resolutions on Syria in 2012.", {"2011-10-04", "2012-02-04", "2012-07-19"}),
    ("Iran and world powers held talks in Almaty.", {"2013-02-26", "2013-04-05"}),
    ("Washington said Sudan would be removed from the state sponsors of terrorism list.", {"2020-10-19", "2020-12-14"}),
    ("Ghani and Abdullah signed a power-sharing deal.", {"2014-09-21", "2020-05-17"}),
]


NEAR_THE_SEVENTH_ROUND = [
    "Tunisian farmers sell dates in Sidi Bouzid's market.",
    "Bahrain hosts the Formula One grand prix every spring.",
    "Yeonpyeong's fishermen catch blue crabs in the Yellow Sea.",
    "The Trade Unions House in Odessa was built in the 1950s.",
    "Snowden's lawyer spoke to reporters in Moscow about his book.",
    "Hagia Sophia draws millions of visitors to Istanbul.",
    "Pence spoke about tax cuts in Indiana.",
    "Reykjavik hosted a chess tournament.",
    "The Dutch navy exercised near Crimea's coast decades ago.",
]


# ── eighth round: mid-sized days of 2015–2018 and 2022–2025 across regions; safer general sets ──

EIGHTH_ROUND_NEWS = [
    ("CARACAS: Venezuela's electoral council suspended the recall referendum drive against Maduro.",
     "2016-10-20"),
    ("A rogue police pilot, Oscar Perez, flew a stolen helicopter over Caracas and dropped grenades on "
     "the Supreme Court.", "2017-06-27"),
    ("Soldiers opened fire on protesters in Ayacucho on Dec. 15, 2022, days after Castillo's arrest.",
     "2022-12-15"),
    ("Colombia and the ELN signed a six-month bilateral ceasefire in Havana.", "2023-06-09"),
    ("LIBREVILLE: Protesters set fire to Gabon's parliament after Ali Bongo was declared the winner "
     "over Jean Ping.", "2016-08-31"),
    ("Kabila and the opposition signed the Saint-Sylvestre agreement brokered by the CENCO bishops.",
     "2016-12-31"),
    ("Four US soldiers died in the ambush near Tongo Tongo.", "2017-10-04"),
    ("M23 rebels seized Bunagana, a town on the Ugandan border.", "2022-06-13"),
    ("NAIROBI: Obama arrived in Kenya late on Friday on his first visit as president to his father's "
     "homeland.", "2015-07-24"),
    ("Iran's Revolutionary Guard detained ten American sailors whose boats strayed near Farsi Island.",
     "2016-01-12"),
    ("Syrian air defences shot down a Russian Il-20 reconnaissance plane over the Mediterranean.",
     "2018-09-17"),
    ("Israel removed the metal detectors from the gates of the Temple Mount.", "2017-07-25"),
    ("A Saudi-led airstrike hit a funeral hall in Sanaa, killing more than 140 mourners.", "2016-10-08"),
    ("KUWAIT CITY: Yemen's peace talks opened in Kuwait in April 2016 after days of delay.", "2016-04-21"),
    ("A court in Abu Dhabi sentenced Matthew Hedges to life in prison for spying.", "2018-11-21"),
    ("Raisi arrived in Damascus, the first visit by an Iranian president in more than a decade.",
     "2023-05-03"),
    ("Varoufakis resigned the morning after the referendum.", "2015-07-06"),
    ("Cyprus reunification talks collapsed at Crans-Montana in the early hours.", "2017-07-07"),
    ("SKOPJE: Protesters stormed Macedonia's parliament and attacked Zaev.", "2017-04-27"),
    ("Kosovo formally applied for EU membership on Thursday.", "2022-12-15"),
    ("India, Iran and Afghanistan signed the Chabahar transit agreement in Tehran.", "2016-05-23"),
    ("Nawaz Sharif and Maryam were arrested after their flight from Abu Dhabi landed in Lahore.",
     "2018-07-13"),
    ("Insurgents attacked three border posts near Maungdaw, killing nine police officers.", "2016-10-09"),
    ("Security Council Resolution 2259 endorsed the Libyan Political Agreement signed in Skhirat.",
     "2015-12-23"),
    ("Beijing hit back with 34% tariffs on all American goods.", "2025-04-04"),
    ("Austria's chancellor Karl Nehammer resigned after coalition talks collapsed.", "2025-01-04"),
    ("Erdogan arrived in Athens on the first visit by a Turkish president in 65 years.", "2017-12-07"),
    ("French police arrested Pavel Durov at Le Bourget airport.", "2024-08-24"),
    ("Israeli fans of Maccabi Tel Aviv were attacked across Amsterdam after the match.", "2024-11-07"),
    ("Kenya's Senate voted to impeach Rigathi Gachagua.", "2024-10-17"),
    ("Italy recalled its ambassador from Cairo over the Regeni case.", "2016-04-08"),
    ("Paraguay's new president Abdo moved the embassy back to Tel Aviv from Jerusalem.", "2018-09-05"),
]


EIGHTH_ROUND_SERIES = [
    ("Erdoğan arrived in Athens for talks.", {"2017-12-07", "2023-12-07"}),
]


NEAR_THE_EIGHTH_ROUND = [
    "Putin congratulated Lukashenko, who won the election with a landslide victory.",
    "Modi attended the swearing-in ceremony of Sri Lanka's new president in Colombo.",
    "Putin inaugurated a new bridge across the Amur river.",
    "Fico condemned the attack on Israel and called for restraint.",
    "Paris calls for the release of Boualem Sansal grew louder in Berlin.",
    "A drone killed two people in Bucha overnight.",
    "Militants attacked a police post in Pulwama district.",
    "AUKUS partners announced a new hypersonic missile project.",
    "Japan plans to buy more Tomahawk missiles to defend the Senkaku islands.",
    "Sinwar said the attack killed hundreds of Israeli soldiers.",
    "Protesters gathered in Honiara after the election results.",
    "The Kumanovo city council approved a new budget.",
]


def test_an_apology_is_not_the_later_admission():
    """Putin apologised to Aliyev for the airliner in December 2024 without admitting that
    Russian air defences downed it; he admitted it in October 2025."""
    sentence = ("President Vladimir Putin apologised to President Ilham Aliyev three days later that the "
                "tragic incident happened in Russian airspace, but he did not accept that Russian air "
                "defences were to blame for the Azerbaijan Airlines passenger jet.")
    found = {d for _, d in matched(sentence)}
    assert "2024-12-28" in found and "2025-10-09" not in found, found


# ── ninth round: mid-sized days of 2010–2021 ────────────────────────────────────────────

NINTH_ROUND_NEWS = [
    ("Soldiers stormed the presidential palace in Niamey and ousted Mamadou Tandja, who had tried to "
     "extend his rule.", "2010-02-18"),
    ("Lula and Erdogan persuaded Iran to sign a fuel swap deal under which it would ship 1,200 kg of "
     "low-enriched uranium to Turkey.", "2010-05-17"),
    ("The International Court of Justice said Kosovo's declaration of independence did not violate "
     "international law.", "2010-07-22"),
    ("Santos and Chavez met in Santa Marta and agreed to restore diplomatic relations.", "2010-08-10"),
    ("Thai and Cambodian troops exchanged fire near the Preah Vihear temple in February 2011.", "2011-02-04"),
    ("Sudan's army seized the disputed town of Abyei, sending tens of thousands fleeing south.", "2011-05-21"),
    ("Serbian police arrested Goran Hadzic, the last fugitive sought by the Hague tribunal.", "2011-07-20"),
    ("Kenya sent troops into Somalia in October 2011 to push al-Shabaab back from its border.", "2011-10-16"),
    ("Police opened fire on striking oil workers in Zhanaozen on December 16, killing at least 14.",
     "2011-12-16"),
    ("Chongqing's former police chief Wang Lijun fled to the US consulate in Chengdu.", "2012-02-06"),
    ("Argentina's president sent Congress a bill to expropriate YPF, the oil company controlled by Repsol.",
     "2012-04-16"),
    ("The blind activist Chen Guangcheng landed at Newark airport with his wife and children.", "2012-05-19"),
    ("Syria's prime minister Riyad Hijab defected and fled to Jordan.", "2012-08-06"),
    ("Syrian mortar fire killed five civilians in the Turkish border town of Akcakale, and Turkish "
     "artillery retaliated.", "2012-10-03"),
    ("Two car bombs tore through the centre of Reyhanli, near the Syrian border.", "2013-05-11"),
    ("A court in Jinan sentenced Bo Xilai to life in prison for bribery and abuse of power.", "2013-09-22"),
    ("Saudi Arabia rejected a seat on the UN Security Council, citing its failure over Syria.", "2013-10-18"),
    ("Indonesia recalled its ambassador from Canberra over reports that Australia had tapped the "
     "president's phone.", "2013-11-18"),
    ("Bangladesh hanged the Jamaat-e-Islami leader Abdul Quader Mollah.", "2013-12-12"),
    ("Mikhail Khodorkovsky, freed after a decade in prison, flew to Berlin.", "2013-12-20"),
    ("Protesters set fire to the cantonal government building in Tuzla.", "2014-02-07"),
    ("Egypt inaugurated the New Suez Canal with a flotilla and fireworks.", "2015-08-06"),
    ("Putin suspended all Russian passenger flights to Egypt.", "2015-11-06"),
    ("Jokowi held a cabinet meeting aboard a warship off the Natuna Islands.", "2016-06-23"),
    ("Seoul and Washington announced their decision to deploy THAAD in South Korea in July 2016.",
     "2016-07-08"),
    ("Norway and China restored relations, six years after the Nobel for Liu Xiaobo froze them.",
     "2016-12-19"),
    ("A Serbian train painted with the words 'Kosovo is Serbia' was halted before it reached the border.",
     "2017-01-14"),
    ("Sweden will reintroduce military conscription from next year.", "2017-03-02"),
    ("The US military dropped a GBU-43, the largest non-nuclear bomb in its arsenal, on IS tunnels in "
     "Nangarhar.", "2017-04-13"),
    ("Liu Xiaobo died of liver cancer while in state custody.", "2017-07-13"),
    ("Interpol admitted Palestine as a member at its general assembly in Beijing.", "2017-09-27"),
    ("African leaders signed the AfCFTA agreement in Kigali.", "2018-03-21"),
    ("Ethiopia said it would fully accept the Algiers agreement and the boundary commission ruling.",
     "2018-06-05"),
    ("Interpol said it had received Meng Hongwei's resignation after he vanished on a trip to China.",
     "2018-10-07"),
    ("Interpol members voted against Kosovo's bid to join in Dubai in November 2018.", "2018-11-20"),
    ("Delegates elected South Korea's Kim Jong Yang, defeating the Russian candidate.", "2018-11-21"),
    ("Kosovo raised its tariff on goods from Serbia and Bosnia to 100 percent.", "2018-11-21"),
    ("Kosovo's parliament voted to transform its security force into an army.", "2018-12-14"),
    ("Trump called off his visit to Denmark after Frederiksen said Greenland was not for sale.", "2019-08-20"),
    ("Vizcarra dissolved Congress, which then voted to suspend him.", "2019-09-30"),
    ("Norway's Frode Berg was released in a swap at the Lithuanian border.", "2019-11-15"),
    ("Azerbaijan handed over 15 Armenian prisoners in exchange for maps of minefields in Agdam.", "2021-06-12"),
    ("Poland declared a state of emergency along its border with Belarus as migrants massed.", "2021-09-02"),
    ("Emirati general Ahmed Naser al-Raisi was elected president of Interpol.", "2021-11-25"),
    ("Resolution 2532 demanded a general cessation of hostilities in all situations on the council's agenda.",
     "2020-07-01"),
]

NINTH_ROUND_SERIES = [
    ("Syrian troops backed by Russian jets recaptured Palmyra.", {"2016-03-27", "2016-12-11", "2017-03-02"}),
    ("The Ever Given, a 400-metre container ship, wedged itself across the Suez Canal.",
     {"2021-03-23", "2021-03-29"}),
    ("Pussy Riot members were jailed for hooliganism.", {"2012-02-21", "2012-08-17", "2013-12-23"}),
    ("Liu Xiaobo was awarded the Nobel peace prize.", {"2010-10-08", "2010-12-10"}),
    ("The ICJ ruled on the temple of Preah Vihear.", {"2011-07-18", "2013-11-11"}),
]

NEAR_THE_NINTH_ROUND = [
    "Tuzla's football club won the league on Sunday.",
    "Palmyra's ancient columns glowed in the evening light.",
    "Sweden's draft budget restores funding for the armed forces.",
    "Kosovo's parliament voted on the budget for next year.",
    "The Suez Canal Authority raised its transit fees.",
    "A Chinese court sentenced a former provincial official to life in prison.",
    "Scientists said Greenland's ice sheet melted faster this summer.",
    "Interpol issued a red notice for the fugitive tycoon.",
    "Kenya's troops in Somalia came under mortar fire near the airport.",
]


NINTH_ROUND_ATTACKS_AND_ROWS = [
    ("Two bombs tore through crowds watching the World Cup final in Kampala, and al-Shabaab claimed them.",
     "2010-07-11"),
    ("A suicide bomber blew himself up among Christmas shoppers in Stockholm in December 2010.", "2010-12-11"),
    ("The suicide bombing at Domodedovo airport killed 37 people.", "2011-01-24"),
    ("A car bomb rammed into the UN building in Abuja.", "2011-08-26"),
    ("Deputies in France passed a bill outlawing denial of the Armenian genocide, and Ankara recalled its "
     "ambassador in December 2011.", "2011-12-22"),
    ("Mohamed Nasheed resigned in February 2012 after a police mutiny, saying he had been forced out at gunpoint.",
     "2012-02-07"),
    ("The Shamoon virus wiped data from some 30,000 computers at Saudi Aramco.", "2012-08-15"),
    ("Islanders voted overwhelmingly in the Falklands referendum to remain a British overseas territory.",
     "2013-03-11"),
    ("Maoists ambushed a Congress party convoy in the Darbha valley, killing senior state leaders.", "2013-05-25"),
    ("Bombers struck the Nyanya bus station on the outskirts of the capital.", "2014-04-14"),
    ("Pope Francis called the killing of Armenians a genocide at a Mass in St Peter's.", "2015-04-12"),
    ("Gunmen stormed Bacha Khan University, killing students and teachers.", "2016-01-20"),
    ("The Bundestag voted to call the massacre of Armenians a genocide.", "2016-06-02"),
    ("Pena Nieto called off his trip to Washington after Trump insisted Mexico would pay for the wall.",
     "2017-01-26"),
    ("Sri Lanka declared a state of emergency after anti-Muslim riots in Kandy.", "2018-03-06"),
    ("Turnout in Macedonia's name referendum fell short of the 50 percent needed, in September 2018.",
     "2018-09-30"),
    ("Thousands of migrants gathered at Pazarkule, where Greek police fired tear gas.", "2020-02-28"),
    ("Prague officials removed the statue of Marshal Konev.", "2020-04-03"),
    ("Gunmen attacked the Pakistan Stock Exchange in Karachi.", "2020-06-29"),
    ("Biden formally recognised the Armenian genocide, the first US president to do so.", "2021-04-24"),
    ("Snipers fired on Hezbollah and Amal supporters at Tayouneh, killing six.", "2021-10-14"),
]

NINTH_ROUND_ATTACK_SERIES = [
    ("Twin suicide bombings in Volgograd in December 2013 killed 34 people.", {"2013-12-29", "2013-12-30"}),
]

NEAR_THE_NINTH_ROUND_ATTACKS = [
    "A bomb exploded on a bus in Volgograd in October 2013.",
    "Charles Michel, who chairs EU summits, met von der Leyen in Brussels.",
    "Quetta's schools reopened after the winter break.",
    "Stockholm's city council approved a new metro line.",
    "Biden spoke about genocide in Ukraine.",
]


@pytest.mark.parametrize("sentence", NEAR_THE_NINTH_ROUND_ATTACKS)
def test_near_the_ninth_round_attacks_finds_nothing_of_theirs(sentence):
    found = {d for _, d in matched(sentence)}
    assert not found & {"2013-12-29", "2013-12-30", "2021-04-06", "2013-01-10", "2013-02-16", "2010-12-11",
                        "2021-04-24"}, matched(sentence)


NINTH_ROUND_DIPLOMACY = [
    ("Pyongyang barred Malaysians from leaving North Korea, and Malaysia retaliated with an exit ban on "
     "its embassy staff.", "2017-03-07"),
    ("Nazarbayev signed a decree moving the Kazakh language from Cyrillic to the Latin alphabet.", "2017-10-26"),
    ("King Abdullah said Jordan would not renew the annexes that leased Baqura and Ghumar to Israel.",
     "2018-10-21"),
    ("Ukraine's parliament approved martial law in ten regions after the Kerch clash.", "2018-11-26"),
    ("Montenegro's parliament passed the religious freedom law after a brawl in the chamber.", "2019-12-27"),
    ("Lorenzana said Duterte had recalled the termination of the Visiting Forces Agreement after Austin's visit.",
     "2021-07-30"),
]


def test_zapad_exercises_are_alternatives_and_martial_law_in_2022_is_not_2018():
    found = {d for _, d in matched("Russian and Belarusian troops held the Zapad exercises near the border.")}
    assert {"2013-09-20", "2017-09-14", "2021-09-10"} <= found, found
    later = {d for _, d in matched("Zelensky declared martial law across Ukraine for 30 days in February 2022.")}
    assert "2018-11-26" not in later, later


TENTH_ROUND_EVENTS = [
    ("Kristersson was elected prime minister by the Riksdag with the backing of the Sweden Democrats.", "2022-10-17"),
    ("Latvia ordered the Russian ambassador to leave in solidarity with Estonia.", "2023-01-23"),
    ("Norway expelled 15 Russian diplomats it said were intelligence officers.", "2023-04-13"),
    ("Estonia, Latvia and Lithuania synchronised their power grids with the continental European network.",
     "2025-02-09"),
    ("Moscow placed Kaja Kallas on a wanted list for removing Soviet monuments.", "2024-02-13"),
    ("The fire in the Kocani nightclub killed 59 young people.", "2025-03-16"),
    ("Slovenia's parliament voted to recognise a Palestinian state on Tuesday.", "2024-06-04"),
    ("A suicide bomber killed Khalil Haqqani, the Taliban's refugees minister, inside his ministry.", "2024-12-11"),
    ("The landslide in Enga province buried hundreds of people.", "2024-05-24"),
    ("Chinese warships held live-fire drills in the Tasman Sea, forcing airlines to divert flights.", "2025-02-21"),
    ("President Noboa declared an internal armed conflict and ordered the army to neutralise the gangs.",
     "2024-01-09"),
    ("Riyadh won the vote to host Expo 2030, beating Busan and Rome.", "2023-11-28"),
    ("Kais Saied dissolved parliament hours after lawmakers met online.", "2022-03-30"),
    ("Ethiopia skipped the final round of talks on the Nile dam in Washington.", "2020-02-28"),
    ("Sweden, which recognised the State of Palestine in 2014, kept its aid going.", "2014-10-30"),
    ("Hadi escaped house arrest in Sanaa and resurfaced in Aden.", "2015-02-21"),
    ("Obama announced the full lifting of the arms embargo on Vietnam during his visit to Hanoi.", "2016-05-23"),
    ("Boko Haram's leader Shekau pledged allegiance to the Islamic State.", "2015-03-07"),
    ("Police took Lula in for questioning in the Car Wash investigation.", "2016-03-04"),
    ("Gunmen attacked gun shops and a National Guard unit in Aktobe.", "2016-06-05"),
]

# existing events worded the way wire copy describes them, without their names
TENTH_ROUND_DESCRIPTIONS = [
    ("China's deployment of a giant oil rig near the Paracel Islands angered Hanoi.", "2014-05-02"),
    ("It was the first summit hosted by Myanmar since it joined ASEAN.", "2014-05-11"),
    ("The US drone strike at Baghdad airport killed the Quds Force commander.", "2020-01-03"),
    ("The Saudi-led embargo on Doha lasted three and a half years.", "2017-06-05"),
    ("The deadly clash in Ladakh killed 20 Indian soldiers in June 2020.", "2020-06-15"),
    ("Kim became the first North Korean leader to set foot in the South.", "2018-04-27"),
    ("Iran's seizure of a British-flagged tanker in the Strait of Hormuz raised tensions.", "2019-07-19"),
    ("The killing of the North Korean leader's half-brother at Kuala Lumpur airport used VX.", "2017-02-13"),
]

NEAR_THE_TENTH_ROUND = [
    "Sweden's foreign minister met the Palestinian envoy in Stockholm.",
    "Estonia upgraded its power grid with new lines from Finland.",
    "Saied met the president of the assembly on Monday.",
    "Lithuania's central bank raised its forecast for the euro area.",
    "Tharman won his seat in the general election.",
    "The junta extended the state of emergency for six more months.",
    "Obama met Vietnam's president in Hanoi to discuss trade.",
]


def test_cuba_terror_list_days_are_told_apart():
    found = {d for _, d in matched("Trump reversed Biden's decision and put Cuba back on the terrorism list.")}
    assert "2025-01-20" in found, found
    earlier = {d for _, d in matched("The Trump administration put Cuba back on the terror list, Pompeo said.")}
    assert "2025-01-20" not in earlier and "2021-01-11" in earlier, earlier
    assert "2024-02-18" in {d for _, d in matched("Thaksin was released on parole from the Police General Hospital.")}


# ── every list above, in one test each ────────────────────────────────────────────────

@pytest.mark.parametrize("sentence, date", OTHER_WORDINGS + NEWS_OF_THE_DAY + SECOND_ROUND_NEWS + THIRD_ROUND_NEWS
                         + FOURTH_ROUND_NEWS + FIFTH_ROUND_NEWS + SIXTH_ROUND_NEWS
                         + SEVENTH_ROUND_NEWS + EIGHTH_ROUND_NEWS + NINTH_ROUND_NEWS
                         + NINTH_ROUND_ATTACKS_AND_ROWS + NINTH_ROUND_DIPLOMACY + TENTH_ROUND_EVENTS
                         + TENTH_ROUND_DESCRIPTIONS)
def test_events_found_in_the_wordings_news_uses(sentence, date):
    assert date in {d for _, d in matched(sentence)}, matched(sentence)


@pytest.mark.parametrize("sentence, date", SECOND_ROUND_MISSES + THIRD_ROUND_MISSES)
def test_sets_miss_earlier_and_related_events(sentence, date):
    """A set that also fits an earlier or a neighbouring event would move that article's date."""
    assert date not in {d for _, d in matched(sentence)}, matched(sentence)


@pytest.mark.parametrize("sentence", ORDINARY + FAMOUS_NAMES_ALONE + NEAR_THE_NEWS_OF_THE_DAY
                         + NEAR_THE_SECOND_ROUND + NEAR_THE_THIRD_ROUND + NEAR_THE_FOURTH_ROUND
                         + NEAR_THE_FIFTH_ROUND + NEAR_THE_SIXTH_ROUND + NEAR_THE_SEVENTH_ROUND
                         + NEAR_THE_EIGHTH_ROUND + NEAR_THE_NINTH_ROUND + NEAR_THE_TENTH_ROUND)
def test_ordinary_sentences_find_nothing(sentence):
    """A place or a person alone, or with an everyday word that merely begins like an event
    word ("quite", "station"), names no event; nor does later news about the same leader or
    place (congratulating another winner, attending another's swearing-in, a later attack in
    the same district)."""
    assert matched(sentence) == set()


@pytest.mark.parametrize("sentence, dates", FIFTH_ROUND_SERIES + SIXTH_ROUND_SERIES
                         + SEVENTH_ROUND_SERIES + EIGHTH_ROUND_SERIES + NINTH_ROUND_SERIES
                         + NINTH_ROUND_ATTACK_SERIES)
def test_a_round_of_a_series_that_does_not_say_which_finds_them_all(sentence, dates):
    """Rounds of talks in Astana, Jeddah and Vienna, the Taliban's Eid truces, Assad's visits
    to Moscow, the Mosul consulate's seizure and release, Prabowo's meetings with Xi, the double
    vetoes on Syria and Erdoğan's two visits to Athens share an undated first set: a report that does not say which finds every member, and its weekday or
    other cues choose."""
    assert dates <= {d for _, d in matched(sentence)}, matched(sentence)


# ── the twelfth round: the report of the day finds its event without a year ─────────────

REPORTS_OF_THE_DAY = [
    ("Marko Djuric was arrested by Kosovo police in Mitrovica on Monday and driven to the border.", "2018-03-26"),
    ("Kosovo special police detained Marko Đurić at a meeting of Serb leaders.", "2018-03-26"),
    ("Police detained Kem Sokha at his home in a raid shortly after midnight.", "2017-09-03"),
    ("Investigators took Yoon into custody at his residence after a weeks-long standoff.", "2025-01-15"),
    ("Ovidio Guzmán was captured by soldiers in Jesús María before dawn on Thursday.", "2023-01-05"),
    ("Assange handed himself in to police in London on Tuesday over the Swedish allegations.", "2010-12-07"),
    ("Serbian police said Mladic was arrested in a village north of Belgrade.", "2011-05-26"),
    ("Mali's junta ordered the French ambassador to leave the country within 72 hours.", "2022-01-31"),
    ("Saudi Arabia gave Canada's ambassador a day to leave and froze all new trade.", "2018-08-05"),
    ("Canada expelled six Indian diplomats, including the high commissioner Sanjay Verma.", "2024-10-14"),
    ("Bulgaria refused on Tuesday to approve the negotiating framework for North Macedonia.", "2020-11-17"),
    ("Russia vetoed a Security Council resolution that deplored its invasion of Ukraine.", "2022-02-25"),
    ("Saudi Arabia, the UAE and Bahrain recalled their ambassadors from Qatar on Wednesday.", "2014-03-05"),
    ("Theresa May, fighting back tears, said she would resign as Conservative leader on June 7.", "2019-05-24"),
    ("Boris Johnson resigned as leader of the Conservative Party on Thursday.", "2022-07-07"),
    ("Ishiba said he would step down after his party's election losses.", "2025-09-07"),
    ("Yemen's President Hadi resigned after Houthi fighters surrounded his residence.", "2015-01-22"),
    ("A court sentenced Imran Khan to three years in prison in the Toshakhana case.", "2023-08-05"),
    ("Police arrested Imran Khan at his Lahore home minutes after the verdict.", "2023-08-05"),
    ("A Riyadh court sentenced five to death over the killing of Jamal Khashoggi.", "2019-12-23"),
    ("Orban flew to Moscow for talks with Putin days after Hungary took over the EU presidency.", "2024-07-05"),
    ("Scholz met Xi and Li Keqiang in Beijing, weeks after the party congress.", "2022-11-04"),
    ("Biden landed in Tel Aviv a day after the blast at a Gaza hospital.", "2023-10-18"),
    ("Kem Sokha was arrested on treason charges in Phnom Penh.", "2017-09-03"),
    ("Bulgaria withheld its consent to the negotiating framework for North Macedonia's accession talks.", "2020-11-17"),
]

# later or other episodes of the same people, places and words
NOT_THE_REPORT_OF_THE_DAY = [
    ("Kem Sokha was sentenced to 27 years under house arrest.", "2017-09-03"),
    ("Ishiba said he would not step down despite the election defeat.", "2025-09-07"),
    ("Boris Johnson resigned as foreign secretary over the Chequers plan.", "2022-07-07"),
    ("Assange was dragged from the Ecuadorian embassy by British police.", "2010-12-07"),
    ("Orbán met Putin in Beijing on the sidelines of the forum.", "2024-07-05"),
    ("Biden visited Israel and met Lapid in Jerusalem.", "2023-10-18"),
    ("Niger's junta ordered the French ambassador to leave within 48 hours.", "2022-01-31"),
    ("Yoon was detained again after a court hearing in Seoul.", "2025-01-15"),
]


def test_a_weekday_inside_a_phrase_keyword_does_not_hide_it():
    # wire copy puts the day after the verb: "voted on Monday to approve" is "voted to approve"
    assert ("Hungary's parliament ratifies Sweden's NATO accession", "2024-02-26") in matched(
        "Hungarian lawmakers voted on Monday to approve Sweden's bid to join NATO, ending months of delay.")
    assert not any("Sweden" in name for name, _ in matched(
        "Hungarian lawmakers voted on Monday against a budget that the minister had presented in Sweden."))


# ── the thirteenth round: more reports of the day, without a year ───────────────────────

MORE_REPORTS_OF_THE_DAY = [
    ("South Sudan's first vice-president Riek Machar was placed under house arrest in Juba on Wednesday night.", "2025-03-26"),
    ("Security forces in an armed convoy took Riek Machar into custody at his residence.", "2025-03-26"),
    ("Aung San Suu Kyi walked free on Saturday after seven years under house arrest.", "2010-11-13"),
    ("Chile and Colombia recalled their ambassadors from Israel on Tuesday over the bombardment of Gaza.", "2023-10-31"),
    ("Russia vetoed a French draft resolution on Saturday that demanded an end to air strikes on Aleppo.", "2016-10-08"),
    ("Mahathir Mohamad submitted his resignation to the King on Monday, plunging Pakatan Harapan into crisis.", "2020-02-24"),
    ("Obama landed in Havana on Sunday for a three-day visit, the first by a sitting US president in 88 years.", "2016-03-20"),
    ("Trump arrived in Beijing on Wednesday and toured the Forbidden City with Xi.", "2017-11-08"),
    ("Moon Jae-in landed in Pyongyang on Tuesday and was greeted at the airport by Kim Jong Un.", "2018-09-18"),
    ("Yemen's warring parties agreed to a two-month truce brokered by the UN envoy.", "2022-04-02"),
    ("A nationwide truce in Yemen took effect as Ramadan began.", "2022-04-02"),
    ("Jordan recalled its ambassador from Israel on Wednesday in protest at the war in Gaza.", "2023-11-01"),
    ("The United States vetoed an Egyptian-drafted resolution on Jerusalem on Monday.", "2017-12-18"),
    ("Russia and China vetoed a resolution on Tuesday that would have imposed sanctions on Syria over chemical weapons.", "2017-02-28"),
    ("China and Russia vetoed a US push for new sanctions on North Korea after its missile launches.", "2022-05-26"),
    ("Lithuania expelled the Russian ambassador on Monday over the killings in Bucha.", "2022-04-04"),
    ("Georgian police arrested Mikheil Saakashvili hours after he secretly returned from Ukraine.", "2021-10-01"),
    ("A junta court sentenced Aung San Suu Kyi to four years for incitement and breaching Covid rules.", "2021-12-06"),
    ("Jacob Zuma resigned as president late on Wednesday after the ANC threatened to remove him.", "2018-02-14"),
    ("Ramush Haradinaj resigned as prime minister after being summoned by the Specialist Chambers in The Hague.", "2019-07-19"),
    ("A special court sentenced Pervez Musharraf to death in absentia for high treason.", "2019-12-17"),
    ("Kuwait's emir Sheikh Meshal dissolved parliament and suspended some articles of the constitution for up to four years.", "2024-05-10"),
    ("Silvio Berlusconi handed in his resignation to the president on Saturday as crowds cheered.", "2011-11-12"),
    ("Chinese authorities detained the former diplomat Michael Kovrig in Beijing.", "2018-12-10"),
]

# later, earlier or other episodes of the same people, places and words
MORE_NOT_THE_REPORT_OF_THE_DAY = [
    ("Aung San Suu Kyi was sentenced to four more years for importing walkie-talkies.", "2021-12-06"),
    ("Aung San Suu Kyi was released from house arrest in 2002 after 19 months.", "2010-11-13"),
    ("Trump said he would visit Beijing in April and Xi would come to Washington later.", "2017-11-08"),
    ("Russia and China vetoed a resolution on cross-border aid into Syria.", "2016-10-08"),
    ("Colombia's Petro said Bogotá would cut diplomatic relations with Israel.", "2023-10-31"),
    ("Riek Machar fled Juba after fighting broke out at the presidential palace.", "2025-03-26"),
    ("Obama said the United States would reopen its embassy in Havana.", "2016-03-20"),
    ("Mahathir said he would not step down before handing power to Anwar.", "2020-02-24"),
]


@pytest.mark.parametrize("sentence, date", REPORTS_OF_THE_DAY + MORE_REPORTS_OF_THE_DAY)
def test_the_report_of_the_day_finds_its_event(sentence, date):
    """The report written the day after names no year: the names and the day's verbs suffice."""
    assert date in {d for _, d in matched(sentence)}, matched(sentence)


@pytest.mark.parametrize("sentence, date", NOT_THE_REPORT_OF_THE_DAY + MORE_NOT_THE_REPORT_OF_THE_DAY)
def test_a_later_episode_is_not_the_report_of_the_day(sentence, date):
    assert date not in {d for _, d in matched(sentence)}, matched(sentence)
