"""Dated names (storyline/data/time/names/): every file loads as names with their day, each
name is found where news uses it, and none fires on sentences about older events in similar
words (a name must not date an article that was written before it existed)."""
from __future__ import annotations

import datetime as dt

import pytest

from storyline.knowledge import data_path, load_yaml
from storyline.temporal.known import NAMES_DIR, keyword_pattern, known_events

from conftest import AMBIGUOUS_KEYWORDS

FIRST_DAY, LAST_DAY = dt.date(2010, 1, 1), dt.date(2025, 12, 31)


def _entries() -> list[tuple[str, dict]]:
    return [(f.name, e) for f in sorted(data_path(NAMES_DIR).glob("*.yaml"))
            for e in load_yaml(f"{NAMES_DIR}/{f.name}")["names"]]


def _names() -> list:
    return [k for k in known_events() if k.named]


def found(text: str) -> set[tuple[str, str]]:
    """The dated names one keyword set finds whole in ``text``: (name, ISO day)."""
    return {(k.name, k.date.isoformat()) for k in _names()
            if any(all(keyword_pattern(w).search(text) for w in kws) for kws in k.match)}


def test_entries_parse_as_written():
    """Exactly three keys, an ISO date read as a date inside the years covered, and string
    keywords (a comma in an unquoted name splits a flow mapping)."""
    entries = _entries()
    assert len(entries) >= 300
    for f, e in entries:
        assert set(e) == {"name", "date", "match"}, (f, e)
        assert isinstance(e["date"], dt.date), (f, e)
        assert FIRST_DAY <= e["date"] <= LAST_DAY, (f, e)
        assert e["match"] and all(kws and all(isinstance(k, str) and k for k in kws) for kws in e["match"]), (f, e)


def test_names_are_loaded_once_each_and_marked_as_names():
    assert len(_names()) == len(_entries())
    assert len({k.name for k in _names()}) == len(_names()), "a name is listed twice"
    assert len({(k.name, k.date) for k in known_events()}) == len(known_events())


def test_a_lone_keyword_is_a_distinctive_name_or_phrase():
    for k in _names():
        for kws in k.match:
            if len(kws) == 1:
                w = kws[0]
                assert w[:1].isupper() or w[:1].isdigit() or " " in w, (k.name, kws)
            assert not any(w.lower() in AMBIGUOUS_KEYWORDS for w in kws), (k.name, kws)


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
    assert name in {n for n, _ in found(sentence)}


@pytest.mark.parametrize("sentence, name, date", [
    ("Moscow could still walk away from the Black Sea grain deal, Turkish officials warned.",
     "the Black Sea Grain Initiative", "2022-07-22"),
    ("Kyiv has long said the Minsk II accords were dead on arrival.", "Minsk II agreement", "2015-02-12"),
    ("The four leaders have not met in the Normandy format since Paris.",
     "Normandy format (first met at the D-Day commemoration)", "2014-06-06"),
    ("Putin again called the war a special military operation in his address to the Federal Assembly.",
     "Russia's \"special military operation\"", "2022-02-24"),
    ("Defence ministers of the Ukraine Defense Contact Group met again at Ramstein.",
     "Ukraine Defense Contact Group (Ramstein format)", "2022-04-26"),
    ("Tusk said the East Shield fortifications along Poland's border with Belarus would be finished by 2028.",
     "Poland's East Shield (Tarcza Wschód) programme", "2024-05-18"),
    ("Seven years after Brexit, British exporters still face checks at Calais.", "Brexit (the word)", "2012-05-15"),
    ("The Windsor Framework eased checks on goods crossing the Irish Sea.", "Windsor Framework", "2023-02-27"),
    ("Israel said Operation Swords of Iron would go on until every hostage came home.",
     "Israel's Operation Swords of Iron", "2023-10-07"),
    ("Hamas called its assault on southern Israel Operation Al-Aqsa Flood.",
     "Hamas's Operation Al-Aqsa Flood", "2023-10-07"),
    ("The Abraham Accords brought Israel formal ties with the UAE and Bahrain.",
     "Abraham Accords (the name announced with the Israel–UAE deal)", "2020-08-13"),
    ("Washington wants the JCPOA's limits on enrichment restored.",
     "JCPOA (name first used in the Lausanne parameters)", "2015-04-02"),
    ("Resolution 2254 calls for a Syrian-led political transition and new elections.",
     "UN Security Council resolution 2254 on a political transition in Syria", "2015-12-18"),
    ("Fighters of Hayat Tahrir al-Sham entered Aleppo almost unopposed.", "Hayat Tahrir al-Sham", "2017-01-28"),
    ("Turkey's Operation Peace Spring pushed Kurdish fighters back from the border.",
     "Turkey's Operation Peace Spring", "2019-10-09"),
    ("Riyadh has been asked to join the I2U2 group.", "I2U2 (India, Israel, the UAE and the US)", "2022-06-14"),
    ("Ministers of the Alliance of Sahel States announced a joint force of 5,000 troops.",
     "Alliance of Sahel States (Liptako-Gourma Charter)", "2023-09-16"),
    ("Corneille Nangaa's Congo River Alliance runs Goma alongside the M23.",
     "Congo River Alliance (AFC) with M23", "2023-12-15"),
    ("The junta ordered the last French troops of Operation Barkhane out of Mali.",
     "France's Operation Barkhane in the Sahel", "2014-08-01"),
    ("Ethiopia's Prosperity Party won a large majority, Abiy's office said.",
     "Ethiopia's Prosperity Party", "2019-11-16"),
    ("Hospitals in the capital filled with Covid patients again.", "COVID-19 (the disease's name)", "2020-02-11"),
    ("The Omicron variant spread faster than any before it.", "Omicron variant", "2021-11-26"),
    ("Delegates recalled that the Glasgow Climate Pact asked countries to phase down coal.",
     "Glasgow Climate Pact (COP26)", "2021-10-31"),
    ("The Bletchley Declaration was signed by 28 countries and the EU.",
     "Bletchley Declaration on AI safety", "2023-11-01"),
    # names added for the day's news
    ("Erdogan and Aliyev invoked the Shusha Declaration when they met in Baku.",
     "Shusha Declaration between Turkey and Azerbaijan", "2021-06-15"),
    ("Tehran warned that a True Promise 2 could be followed by a larger salvo.",
     "Iran's Operation True Promise II", "2024-10-01"),
    ("Diplomats said the Pact for the Future had done little to reform the Security Council.",
     "Pact for the Future (UN Summit of the Future)", "2024-09-22"),
])
def test_news_sentences_find_the_name_and_its_day(sentence, name, date):
    assert (name, date) in found(sentence)


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

    "The Minsk Agreement of December 1991 created the Commonwealth of Independent States.",
    "Israel launched Operation Cast Lead in Gaza in December 2008 after rockets hit Sderot.",
    "Operation Restore Hope sent American troops to Somalia in December 1992.",
    "The Berlin Conference of 1884 divided Africa among the European powers.",
    "In 2012 a novel coronavirus behind a new respiratory illness was found in Saudi Arabia.",
    "Hezbollah's Operation Truthful Promise captured two Israeli soldiers in July 2006.",
    "The Donetsk Republic movement was founded in 2005 to press for autonomy in the Donbas.",
    "The treaty for a European Political Community collapsed with the defence community in 1954.",
    "Ministers met at Chequers in February 2018 to settle the cabinet's position on leaving the EU.",
    "Qatar adopted its National Vision 2030 in 2008, two years before winning the World Cup bid.",
    "Yemen's southern Hirak movement held rallies in Aden for independence in 2009.",
    "Kazakhstan's president, Nursultan Nazarbayev, moved the capital to Astana in 1997.",
    "Paris peace talks on Vietnam ended with an agreement in January 1973.",
    "In 2008 the Institute for Science and International Security published images of Syria's reactor.",
])
def test_sentences_about_older_events_find_no_name(sentence):
    assert found(sentence) == set()


def test_the_first_true_promise_is_not_the_second():
    """Iran's April 2024 attack was "True Promise"; only "True Promise II" (October) and
    "True Promise 3" (June 2025) are names of their own days."""
    assert found("Iran called its April 2024 barrage Operation True Promise.") == set()
    assert ("Iran's Operation True Promise II", "2024-10-01") not in found("True Promise III began at night.")
