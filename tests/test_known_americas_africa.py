"""The regional calendar of the Americas, Africa and the Middle East
(storyline/data/time/known/americas-africa-middle-east.yaml): its mid-sized news events are
found in the words a wire story uses, and its keyword sets stay silent on ordinary sentences
about other things."""
from __future__ import annotations

import pytest

from storyline.knowledge import load_yaml
from storyline.temporal.known import known_event_files, sentence_matches

REGIONAL_FILE = "time/known/americas-africa-middle-east.yaml"


def matched(sentence: str) -> set[tuple[str, str]]:
    return {(e.name, e.date.isoformat()) for e, _, _ in sentence_matches(sentence)}


def test_the_regional_file_is_read_after_the_main_calendar():
    assert REGIONAL_FILE in known_event_files()
    events = load_yaml(REGIONAL_FILE)["events"]
    assert len(events) >= 120
    assert len({e["date"].year for e in events}) == 16, "every year 2010-2025 is covered"


@pytest.mark.parametrize("sentence, date", [
    ("Dubai police said the team that killed Mahmoud al-Mabhouh in his hotel room used forged "
     "European passports.", "2010-01-19"),
    ("Iran hanged Abdolmalek Rigi, the leader of the Sunni insurgent group Jundallah, at dawn.", "2010-06-20"),
    ("Gunmen held worshippers hostage at Our Lady of Salvation church before security forces "
     "stormed the building.", "2010-10-31"),
    ("Ecuador declared the US ambassador, Heather Hodges, persona non grata over a leaked cable.",
     "2011-04-05"),
    ("Colombian troops killed the FARC leader Alfonso Cano in a raid in Cauca.", "2011-11-04"),
    ("Mercosur suspended Paraguay from the bloc after Lugo's swift impeachment.", "2012-06-29"),
    ("Ghana's authorities detained the Argentine training ship Libertad in the port of Tema.",
     "2012-10-02"),
    ("Morsi retired Field Marshal Hussein Tantawi and cancelled the military's constitutional "
     "decree.", "2012-08-12"),
    ("Maduro expelled the American chargé d'affaires, Kelly Keiderling, and two other diplomats.",
     "2013-09-30"),
    ("Emir Hamad handed power to his son Sheikh Tamim in a televised address.", "2013-06-25"),
    ("Obama shook hands with Raúl Castro at the memorial for Nelson Mandela in Soweto.", "2013-12-10"),
    ("A court in Minya sentenced 529 supporters of the Muslim Brotherhood to death.", "2014-03-24"),
    ("Trump told a crowd in Miami's Little Havana that he was cancelling Obama's Cuba policy.",
     "2017-06-16"),
    ("Kenyatta and Odinga shook hands on the steps of Harambee House, ending months of tension.",
     "2018-03-09"),
    ("Iván Márquez appeared in a video announcing that he and other commanders would take up "
     "arms again.", "2019-08-29"),
    ("Guatemala signed a safe third country agreement with the United States in the Oval Office.",
     "2019-07-26"),
    ("Soldiers blocked Guaidó from entering the National Assembly as Luis Parra was named speaker.",
     "2020-01-05"),
    ("Islamist insurgents captured the port of Mocímboa da Praia in August 2020.", "2020-08-12"),
    ("Mexican marines captured Rafael Caro Quintero in Sinaloa, nine years after his release.",
     "2022-07-15"),
    ("Gustavo Petro was sworn in as Colombia's first leftist president in Bogotá.", "2022-08-07"),
    ("Canada expelled the Chinese diplomat Zhao Wei over a campaign to intimidate an MP.",
     "2023-05-08"),
    ("Mali's army and Wagner fighters retook Kidal from the Tuareg-led rebels.", "2023-11-14"),
    ("The foreign ministers of Saudi Arabia and Iran, Faisal bin Farhan and Hossein "
     "Amir-Abdollahian, met in Beijing.", "2023-04-06"),
    ("Drones struck the fuel depot and the airport of Port Sudan for a third day.", "2025-05-04"),
    ("Sudan cut diplomatic ties with the United Arab Emirates, calling it an aggressor state; "
     "the UAE denied arming the RSF.", "2025-05-06"),
    ("Syria's interim president Ahmed al-Sharaa signed a constitutional declaration setting a "
     "five-year transition.", "2025-03-13"),
    ("Pope Leo XIV arrived in Ankara on his first foreign trip as pontiff.", "2025-11-27"),
])
def test_regional_events_named_as_news_names_them(sentence, date):
    found = matched(sentence)
    assert date in {d for _, d in found}, found


def test_a_second_term_finds_only_its_own_inauguration():
    """A series shares its first set, so "sworn in" alone finds both terms as alternatives; a
    year or the word "second term" picks one."""
    both = {d for _, d in matched("Uhuru Kenyatta was sworn in at Kasarani stadium.")}
    assert {"2013-04-09", "2017-11-28"} <= both
    second = {d for _, d in matched("Buhari was sworn in for a second term in May 2019.")}
    assert "2019-05-29" in second


ORDINARY = [
    "Police in Cienfuegos detained two men suspected of stealing cattle.",
    "Refugees in the Yarmouk camp outside Damascus waited for food parcels.",
    "The Santos football club signed a young striker from Paraguay.",
    "Rebels clashed with the army in villages outside Hama.",
    "Maliki's coalition said it would contest the provincial elections.",
    "The Libertad avenue in Buenos Aires was closed for a marathon.",
    "Machado told supporters in Caracas that the campaign would go on.",
    "Tourists in Eilat enjoyed the Red Sea beaches over the holiday.",
    "Mendoza's wine harvest was the best in years, growers said.",
    "The Pope said Mass in St Peter's Square on Sunday.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_find_no_regional_event(sentence):
    regional = {e["name"] for e in load_yaml(REGIONAL_FILE)["events"]}
    assert not {n for n, _ in matched(sentence)} & regional
