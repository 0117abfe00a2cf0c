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


# ── Fourteenth round: the report of the day, in the words of the day, finds its event ──
@pytest.mark.parametrize("sentence, date", [
    ("Gunmen in Ciudad Juárez shot dead an American employee of the US consulate and her husband "
     "as they left a children's party.", "2010-03-13"),
    ("Jamaican soldiers and police stormed Tivoli Gardens on Monday in search of Christopher Coke.",
     "2010-05-24"),
    ("The Security Council passed resolution 1929, with Brazil and Turkey voting against.", "2010-06-09"),
    ("The settlement freeze expired at midnight on Sunday, and bulldozers moved into several West "
     "Bank settlements.", "2010-09-26"),
    ("Omar Khadr pleaded guilty on Monday to murder and four other war crimes charges.", "2010-10-25"),
    ("Explosives hidden in printer cartridges were found on cargo planes at East Midlands airport "
     "and in Dubai.", "2010-10-29"),
    ("Moroccan security forces dismantled the Gdeim Izik camp outside Laayoune at dawn.", "2010-11-08"),
    ("Hezbollah's ministers resigned on Wednesday, bringing down Saad Hariri's government while he "
     "met Obama at the White House.", "2011-01-12"),
    ("The Arab League called on the Security Council to impose a no-fly zone over Libya.", "2011-03-12"),
    ("A bomb tore through the Argana café on Marrakech's Jemaa el-Fna square.", "2011-04-28"),
    ("Anwar al-Awlaki was killed in a US drone strike in northern Yemen.", "2011-09-30"),
    ("Iranian television showed the captured RQ-170 Sentinel drone.", "2011-12-04"),
    ("Pope Benedict met Fidel Castro for half an hour at the nunciature in Havana.", "2012-03-28"),
    ("Masked gunmen attacked a border post near Rafah in Sinai during the iftar meal, killing 16 "
     "Egyptian soldiers.", "2012-08-05"),
    ("Colombia denounced the Pact of Bogotá after the World Court's ruling on San Andrés.", "2012-11-28"),
    ("Bosco Ntaganda walked into the US embassy in Kigali and asked to be sent to The Hague.",
     "2013-03-18"),
    ("Maduro broke off relations with Panama, calling President Ricardo Martinelli a lackey of "
     "Washington.", "2014-03-05"),
    ("Israel blamed Hamas for the kidnapping of three teenagers who were hitchhiking near Gush Etzion.",
     "2014-06-12"),
    ("Al-Shabaab fighters overran the Kenyan base at El Adde before dawn.", "2016-01-15"),
    ("Gulf Arab states designated Hezbollah a terrorist organisation.", "2016-03-02"),
    ("Venezuela declared the German ambassador, Daniel Kriener, persona non grata and gave him 48 "
     "hours to leave.", "2019-03-06"),
    ("Guaidó landed at Maiquetía airport and was met by European ambassadors, defying a travel ban.",
     "2019-03-04"),
    ("US prosecutors charged Nicolás Maduro with narco-terrorism and offered a $15 million reward.",
     "2020-03-26"),
    ("Iran's Revolutionary Guards seized the South Korean-flagged tanker Hankuk Chemi in the Gulf.",
     "2021-01-04"),
    ("Nicaragua broke off diplomatic ties with Taiwan, saying it recognised only one China.",
     "2021-12-09"),
    ("Juan Orlando Hernández was arrested at his home in Tegucigalpa and led away in chains.",
     "2022-02-15"),
    ("Mali gave the MINUSMA spokesman, Olivier Salgado, 72 hours to leave the country.", "2022-07-20"),
    ("Police raided the curia in Matagalpa before dawn and took Bishop Rolando Álvarez to Managua.",
     "2022-08-19"),
    ("The World Bank suspended new financing to Uganda over its Anti-Homosexuality Act.", "2023-08-08"),
    ("Macron told TF1 and France 2 that France would bring home its ambassador and its troops from "
     "Niger.", "2023-09-24"),
    ("Noboa declared a state of emergency after Fito, the leader of Los Choneros, escaped from a "
     "Guayaquil prison.", "2024-01-07"),
    ("Niger cut diplomatic ties with Ukraine in solidarity with Mali.", "2024-08-06"),
    ("Lieutenant Colonel Pascal Tigri announced on state television that the army had taken power "
     "in Benin, but the coup attempt was foiled.", "2025-12-07"),
    ("Pope Francis arrived in Kinshasa and told foreign powers: hands off Africa.", "2023-01-31"),
    ("Obama met King Abdullah at his desert camp outside Riyadh.", "2014-03-28"),
    ("Kamala Harris told would-be migrants in Guatemala: do not come.", "2021-06-07"),
    ("Gantz signed a defence memorandum of understanding in Rabat.", "2021-11-24"),
    ("Al Jazeera's Shireen Abu Akleh was shot dead while covering an Israeli raid in Jenin.",
     "2022-05-11"),
])
def test_fourteenth_round_events_found_by_the_report_of_the_day(sentence, date):
    found = matched(sentence)
    assert date in {d for _, d in found}, found


def test_guaido_returns_are_one_series():
    """Both of Guaidó's returns through Maiquetía share their first set: the bare report finds
    both as alternatives; the words of one homecoming pick it."""
    both = {d for _, d in matched("Guaidó landed at Maiquetía airport to cheers from supporters.")}
    assert {"2019-03-04", "2020-02-11"} <= both
    later = {d for _, d in matched("Guaidó returned to Venezuela after a world tour that took him "
                                   "to Davos and the State of the Union.")}
    assert "2020-02-11" in later and "2019-03-04" not in later


ORDINARY_14 = [
    "Pope Francis received the Kenyan president at the Vatican and discussed climate change.",
    "Chávez addressed supporters from the balcony of Miraflores palace.",
    "Obama spoke with King Abdullah by telephone about oil prices.",
    "The Supreme Court heard arguments in a case brought by Argentina's creditors.",
    "Fito Páez played to a sold-out stadium in Buenos Aires.",
    "Netanyahu spoke to the Ugandan president by phone about a new embassy.",
    "Harris met Guatemala's president in Washington to discuss migration.",
    "Benin's President Talon inaugurated a new port terminal in Cotonou.",
    "Mali's foreign minister met his Ukrainian counterpart at the United Nations.",
    "Iran's navy held drills in the Gulf of Oman.",
]


@pytest.mark.parametrize("sentence", ORDINARY_14)
def test_ordinary_sentences_find_no_fourteenth_round_event(sentence):
    regional = {e["name"] for e in load_yaml(REGIONAL_FILE)["events"]}
    assert not {n for n, _ in matched(sentence)} & regional


@pytest.mark.parametrize("sentence, date", [
    ("Trump referred to Haiti and African nations as shithole countries in a meeting on immigration.",
     "2018-01-11"),
    ("Guaidó was briefly detained by intelligence agents who pulled him from his car on a highway.",
     "2019-01-13"),
    ("Chile called off the APEC summit and the COP25 climate talks as protests raged.", "2019-10-30"),
    ("Raúl Castro told the Eighth Congress that he was stepping down as party leader.", "2021-04-16"),
    ("A magnitude 7.2 earthquake struck near Les Cayes in south-western Haiti.", "2021-08-14"),
])
def test_fourteenth_round_later_additions_found(sentence, date):
    assert date in {d for _, d in matched(sentence)}


@pytest.mark.parametrize("sentence, date", [
    ("Ruto dismissed his entire cabinet on Thursday, keeping only his deputy.", "2024-07-11"),
    ("Hariri put his resignation on hold after meeting Aoun on Independence Day.", "2017-11-22"),
    ("Thousands of Argentines held a silent march in the rain for Nisman.", "2015-02-18"),
    ("The Supreme Tribunal upheld the 15-year ban on María Corina Machado.", "2024-01-26"),
])
def test_fourth_batch_found(sentence, date):
    assert date in {d for _, d in matched(sentence)}


@pytest.mark.parametrize("sentence", [
    "Ruto sacked the cabinet secretary for sports.",
    "Hariri returned to Beirut from Paris on Sunday.",
    "A crane operator in Jeddah was injured at a building site.",
    "Pope Francis welcomed the Mexican bishops to the Vatican.",
])
def test_fourth_batch_stays_silent(sentence):
    regional = {e["name"] for e in load_yaml(REGIONAL_FILE)["events"]}
    assert not {n for n, _ in matched(sentence)} & regional
