"""The calendar of thinly covered countries, list B (storyline/data/time/known/thin-countries-b.yaml):
the foreign relations and wire news of smaller African, American and Middle Eastern states, found
in the words of the day's report, and ordinary sentences about the same people that find nothing."""
from __future__ import annotations

import pytest

from conftest_calendar import events_read_after_the_main_calendar, matched_dates

THIN_FILE = "time/known/thin-countries-b.yaml"


def test_the_thin_countries_calendar_is_read_after_the_main_one():
    events = events_read_after_the_main_calendar(THIN_FILE)
    assert len(events) >= 150


NEWS = [
    ("Gabon and Togo were admitted to the Commonwealth on Saturday at the summit in Kigali.", "2022-06-25"),
    ("Macron held talks with Paul Biya in Yaounde on Tuesday at the start of his Africa tour.", "2022-07-26"),
    ("Police in Douala arrested opposition leader Maurice Kamto on Monday night.", "2019-01-28"),
    ("Angola said on Thursday it would quit OPEC over a dispute on production quotas.", "2023-12-21"),
    ("A planned summit in Luanda between Kagame and Tshisekedi was called off on Sunday.", "2024-12-15"),
    ("Zambia defaulted on its Eurobonds, becoming the first pandemic-era default in Africa.", "2020-11-13"),
    ("Prosecutors dropped treason charges against Hakainde Hichilema, who walked free on Wednesday.",
     "2017-08-16"),
    ("An explosion tore through Mnangagwa's rally at White City Stadium in Bulawayo.", "2018-06-23"),
    ("A military plane carrying Vice President Saulos Chilima went missing on Monday.", "2024-06-10"),
    ("Malawi ordered out British high commissioner Fergus Cochrane-Dyet over a leaked cable.", "2011-04-26"),
    ("Total declared force majeure on its Mozambique LNG project on Monday.", "2021-04-26"),
    ("South African police arrested Manuel Chang at Johannesburg's airport on Saturday.", "2018-12-29"),
    ("Macron set foot on the Glorieuses, islands that Madagascar also claims.", "2019-10-23"),
    ("Gunmen shot Tundu Lissu several times outside his home in Dodoma.", "2017-09-07"),
    ("Botswana lifted its ban on elephant hunting on Wednesday.", "2019-05-22"),
    ("Germany recognised on Friday that it committed genocide against the Herero and Nama.", "2021-05-28"),
    ("King Mswati announced that Swaziland would be renamed the Kingdom of eSwatini.", "2018-04-19"),
    ("Ghana's parliament passed a harsh anti-LGBTQ bill on Wednesday.", "2024-02-28"),
    ("France handed over its Port-Bouet base to Ivorian forces in a ceremony on Thursday.", "2025-02-20"),
    ("A Swiss court convicted Alieu Kosiah of war crimes committed in Liberia.", "2021-06-18"),
    ("Mauritania said it had cut diplomatic ties with Qatar, following Saudi Arabia.", "2017-06-06"),
    ("Djibouti seized control of the Doraleh container terminal from DP World.", "2018-02-22"),
    ("Comoros President Azali Assoumani was stabbed at a funeral and slightly wounded.", "2024-09-13"),
    ("The bulk carrier Wakashio ran aground on a reef off Pointe d'Esny.", "2020-07-25"),
    ("Uruguay's Senate voted to legalise marijuana, making it the first country to do so.", "2013-12-10"),
    ("Paraguayan prosecutor Marcelo Pecci was shot dead on a beach on Colombia's Baru island.",
     "2022-05-10"),
    ("Guyana's government lost a no-confidence vote after Charrandass Persaud crossed the floor.",
     "2018-12-21"),
    ("A Venezuelan navy patrol boat approached Exxon's FPSO off Guyana on Saturday.", "2025-03-01"),
    ("Costa Rica declared a national emergency after a ransomware attack by the Conti group.",
     "2022-05-08"),
    ("Bitcoin became legal tender in El Salvador on Tuesday, a world first.", "2021-09-07"),
    ("A New York judge sentenced Juan Orlando Hernandez to 45 years in prison.", "2024-06-26"),
    ("Abinader ordered the border with Haiti closed in a dispute over a canal on the Massacre River.",
     "2023-09-15"),
    ("Police in Nassau arrested Sam Bankman-Fried at the request of US prosecutors.", "2022-12-12"),
    ("Barbados became a republic at midnight, removing the Queen as head of state.", "2021-11-30"),
    ("A gunman opened fire at the Allenby crossing on Sunday, killing three Israelis.", "2024-09-08"),
    ("Jordan's interior minister said the Muslim Brotherhood was banned and its offices closed.",
     "2025-04-23"),
    ("A court in Iraq ruled the Khor Abdullah navigation agreement with Kuwait unconstitutional.",
     "2023-09-04"),
    ("A fire in a building housing Indian workers in Mangaf killed at least 49 people.", "2024-06-12"),
    ("Sultan Haitham arrived in Tehran for talks with Raisi, the first such visit in years.", "2023-05-28"),
]


@pytest.mark.parametrize("sentence, date", NEWS)
def test_thin_country_events_found_in_wire_wordings(sentence, date):
    assert date in matched_dates(sentence), matched_dates(sentence)


SERIES = [
    # the Luanda process: a report that does not name the round finds every round
    ("Rwanda and Congo agreed in Luanda to a ceasefire.", {"2022-07-06", "2022-11-23", "2024-07-30",
                                                            "2024-12-15"}),
    # three Syria donor conferences in Kuwait
    ("Donors met in Kuwait to pledge aid for Syria.", {"2013-01-30", "2014-01-15", "2015-03-31"}),
]


@pytest.mark.parametrize("sentence, dates", SERIES)
def test_a_series_without_its_day_finds_every_member(sentence, dates):
    assert dates <= matched_dates(sentence), matched_dates(sentence)


ORDINARY = [
    "Paul Biya met the French ambassador in Yaounde to discuss trade.",
    "Zambia's finance minister said talks with bondholders would continue next month.",
    "Togo's president received the visiting foreign minister of Ghana in Lome.",
    "Jordan's King Abdullah met European leaders in Brussels to discuss refugees.",
    "Kuwait's parliament approved the budget after a long debate.",
    "Uruguay and Paraguay met in a World Cup qualifier in Montevideo.",
    "The Dominican Republic's tourism minister said arrivals rose this year.",
    "Costa Rica's president spoke about coffee exports at a business forum.",
    "Oman's foreign minister spoke by phone with his Iranian counterpart.",
    "Mauritius said it would hold talks with India on fisheries next week.",
    "Honduras and El Salvador signed an agreement on road transport.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_about_the_same_names_find_nothing(sentence):
    """A leader, a capital or a country with an everyday verb names no event of this calendar or any other."""
    assert matched_dates(sentence) == set()
