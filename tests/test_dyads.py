"""Dyad trends (storyline/dyads.py) on a fixture of India–Pakistan events we coded by hand."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storyline.dyads import dyad_left_out, dyad_trend, format_dyad_table
from storyline.errors import ConfigError
from storyline.records import ActorRef, Event, EventDate

DATA = Path(__file__).parent / "data" / "merge"


def _load(name: str) -> list[Event]:
    actors = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    coding = actors.pop("coding")
    raw = yaml.safe_load((DATA / "dyads" / f"{name}.yaml").read_text(encoding="utf-8"))

    def ref(key):
        return None if key is None else ActorRef(text=actors[key]["name"], **actors[key])

    events = []
    for e in raw["events"]:
        cameo, goldstein, quad = coding[e["plover"]]
        value, grain, how = e["date"]
        events.append(Event(
            id=e["id"], doc_id=e["doc"], sent=e["sent"], sentence=e["sentence"], trigger=e["trigger"],
            start=0, end=len(e["trigger"]), source=ref(e["source"]), target=ref(e["target"]),
            others=tuple(ref(k) for k in e.get("others", ())), plover=e["plover"], mode=e.get("mode"),
            cameo=cameo, goldstein=goldstein, quad_class=quad, modality=e["modality"],
            date=EventDate(str(value) if value else None, grain, how)))
    return events


@pytest.fixture(scope="module")
def events():
    return _load("india-pakistan-2025")


def test_by_month_counts_both_directions(events):
    points = dyad_trend(events, "IND", "PAK", by="month")
    assert [p.period for p in points] == ["2025-04", "2025-05"]
    april, may = points
    assert april.counts == (0, 0, 2, 1)
    assert april.goldstein_sum == -14.0 and april.goldstein_mean == pytest.approx(-4.67)
    assert set(april.events) == {"a:e1", "a:e2", "a:e3"}
    assert may.counts == (2, 1, 1, 3)
    assert may.goldstein_sum == -20.0 and may.goldstein_mean == pytest.approx(-2.86)
    assert set(may.events) == {"b:e1", "b:e2", "b:e5", "b:e6", "b:e7", "b:e10", "b:e11"}


def test_pair_order_does_not_matter(events):
    forward = dyad_trend(events, "IND", "PAK")
    backward = dyad_trend(events, "PAK", "IND")
    assert [(p.period, p.counts, p.goldstein_sum, p.events) for p in forward] == \
        [(p.period, p.counts, p.goldstein_sum, p.events) for p in backward]


def test_events_that_did_not_happen_never_count(events):
    counted = {e for p in dyad_trend(events, "IND", "PAK", by="day") for e in p.events}
    assert "b:e3" not in counted and "b:e4" not in counted  # negated, hypothetical
    assert dyad_left_out(events, "IND", "PAK", by="month").not_happened == 2


def test_non_state_group_is_not_its_country(events):
    counted = {e for p in dyad_trend(events, "IND", "PAK", by="month") for e in p.events}
    assert "a:e4" not in counted


def test_by_day(events):
    points = dyad_trend(events, "IND", "PAK", by="day")
    assert [p.period for p in points] == ["2025-04-23", "2025-04-24", "2025-05-07", "2025-05-08",
                                          "2025-05-10", "2025-05-12"]
    assert points[0].counts == (0, 0, 1, 1)
    left = dyad_left_out(events, "IND", "PAK", by="day")
    assert (left.undated, left.too_coarse, left.not_happened) == (1, 3, 2)  # month, 2 weeks


def test_by_week(events):
    points = dyad_trend(events, "ind", "pak", by="week")
    assert [(p.period, len(p.events)) for p in points] == [("2025-W17", 3), ("2025-W19", 3), ("2025-W20", 2),
                                                           ("2025-W21", 1)]  # a week-precise day counts
    assert dyad_left_out(events, "IND", "PAK", by="week").too_coarse == 1


def test_actor_ids_and_further_recipients(events):
    assert [p.events for p in dyad_trend(events, "USA", "PAK")] == [("b:e9",)]
    assert [p.events for p in dyad_trend(events, "donald-trump", "IND")] == [("b:e9",)]
    assert dyad_trend(events, "CHN", "IND") == ()


def test_bad_arguments():
    with pytest.raises(ConfigError, match="day, week, month"):
        dyad_trend([], "IND", "PAK", by="year")
    with pytest.raises(ConfigError, match="two different"):
        dyad_trend([], "IND", "ind")


def test_table(events):
    points = dyad_trend(events, "IND", "PAK", by="month")
    text = format_dyad_table(points, dyad_left_out(events, "IND", "PAK", "month"), by="month")
    lines = text.splitlines()
    assert lines[0].startswith("IND–PAK")
    assert "material conflict" in lines[1] and "goldstein sum" in lines[1]
    assert lines[2].split()[:5] == ["2025-04", "0", "0", "2", "1"]
    assert "-14.0" in lines[2]
    assert lines[-1] == "left out: 1 undated, 2 negated, hypothetical or intended"
    assert format_dyad_table(()) == "No events between these two in the store."
