"""The event lexicon (``storyline/data/events/lexicon.yaml``), loaded once and validated.

Every "TYPE/mode" value must name a row of the ontology table, so a typo in the data fails
at load with the file and the entry, not later as a silently uncoded event.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import DataError
from ..knowledge import load_yaml
from .coding import known_mode, plover_types

LEXICON = "events/lexicon.yaml"

Code = tuple[str, str | None]  # (PLOVER type, mode or None)


@dataclass(frozen=True, slots=True)
class Frame:
    """A family of words whose event depends on their complement ("offer to mediate")."""

    name: str
    consumes: bool
    default: Code | None
    classes: dict[str, Code]
    when_negated: str | None = None
    transparent: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What the words mean; see the YAML file for each table's purpose."""

    verbs: dict[str, Code]
    nouns: dict[str, Code]
    frames: dict[str, Frame]
    frame_of: dict[str, str]
    complement_of: dict[str, str]
    light_verbs: dict[str, tuple[str, ...]]
    speech_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    target_preps: dict[str, frozenset[str]]
    agent_preps: frozenset[str]
    contextual_types: frozenset[str]
    reciprocal_markers: frozenset[str]
    reciprocal_types: frozenset[str]   # "TYPE" or "TYPE/mode"
    party_nouns: frozenset[str]
    third_party_modes: frozenset[tuple[str, str]]
    future_as_agree: dict[str, Code]
    mode_cues: dict[str, dict[str, str]]
    nsa_cues: frozenset[str]
    nonstate_crowds: frozenset[str]
    civilian_victims: frozenset[str]
    event_anaphors: dict[str, frozenset[str]]
    judged_acts: dict[str, frozenset[str]]
    wrapper_classes: frozenset[str]
    reaction_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    directive_verbs: frozenset[str]
    contact_verbs: dict[str, Code]
    conditional_threats: dict[str, Code]
    cooperative_types: frozenset[str]
    conflict_types: frozenset[str]
    qualified_nouns: dict[str, frozenset[str]]
    complement_preps: frozenset[str]
    needs_recipient: frozenset[str]
    quantity_nouns: frozenset[str]
    actor_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    relational_nouns: frozenset[str]
    definite_actors: dict[str, str]
    own_force_nouns: frozenset[str]
    idioms: frozenset[str]
    needs_object: frozenset[str]
    deontic_modals: frozenset[str]
    deontic_adjectives: frozenset[str]
    deontic_modes: dict[str, str]
    future_as_threat: dict[str, Code]
    negated_as: dict[str, Code]
    vehicle_nouns: frozenset[str]
    keep_without_recipient: bool
    agent_of_types: frozenset[str]
    state_protest: dict[str, Code]
    crowd_types: frozenset[str]
    non_agents: frozenset[str]
    frame_pos: dict[str, str]
    typo_min_length: int
    accord_codes: frozenset[tuple[str, str | None]]
    accord_nouns: frozenset[str]
    signed_accord_nouns: frozenset[str]
    party_codes: frozenset[tuple[str, str | None]]
    amends_codes: frozenset[tuple[str, str | None]]
    party_words: frozenset[str]
    party_determiners: frozenset[str]
    counterpart_types: frozenset[str]
    gathering_verbs: frozenset[str]
    gathering_types: frozenset[str]
    gathering_nouns: frozenset[str]
    label_verbs: frozenset[str]
    labels: dict[str, Code]
    statement_verbs: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    judging_verbs: frozenset[str]
    scheduled_heads: frozenset[str]
    reciprocal_verbs: dict[str, Code]
    mirrored_types: frozenset[str]
    converse_verbs: frozenset[str]
    with_opponents: frozenset[str]
    weapon_verbs: frozenset[str]
    travel_verbs: frozenset[str]
    travel_preps: frozenset[str]
    travel_vehicles: frozenset[str]
    ruling_nouns: frozenset[str]
    generic_ruling_nouns: frozenset[str]
    outcome_ruling_nouns: frozenset[str]
    court_words: frozenset[str]
    ruling_verbs: frozenset[str]
    adverse_words: frozenset[str]
    ellipsis_verbs: frozenset[str]
    terror_nouns: frozenset[str]
    split_types: frozenset[str]
    past_event_preps: frozenset[str]
    joint_meeting_types: frozenset[str]
    arrival_verbs: frozenset[str]
    homeward_words: frozenset[str]
    inclusion_words: frozenset[str]
    swap_words: frozenset[str]
    instrument_nouns: frozenset[str]
    statement_papers: frozenset[str]
    label_heads: frozenset[str]
    custody_codes: frozenset[tuple[str, str]]
    custody_places: frozenset[str]
    domestic_codes: frozenset[tuple[str, str]]  # repression a state turns on its own people
    onset_verbs: frozenset[str]  # "the protests began": a crowd's act named as it starts
    onset_crowd: str  # the name its unnamed crowd gets
    domestic_objects: frozenset[str]  # "arrested hundreds", "jailed his rivals": its own people
    cessation_verbs: frozenset[str]
    envoy_nouns: frozenset[str]
    retaliation_verbs: frozenset[str]
    drawing_verbs: frozenset[str]
    referral_verbs: frozenset[str]
    behest_nouns: frozenset[str]
    behest_preps: frozenset[str]
    moving_forces: frozenset[str]
    force_moves: dict[str, Code]
    actor_object_verbs: dict[str, Code]
    solo_object_types: frozenset[str]
    negated_object_verbs: dict[str, Code]
    quoted_label: Code | None
    version: str

    def prep_targets(self, plover: str, lemma: str | None = None) -> frozenset[str]:
        """Prepositions that introduce the recipient of an event of this type (and "with" for
        a word of fighting: "clashed with the army")."""
        preps = self.target_preps.get(plover) or self.target_preps.get("*", frozenset())
        return preps | {"with"} if lemma in self.with_opponents else preps


def _code(value, where: str) -> Code:
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: expected 'TYPE' or 'TYPE/mode', got {value!r}")
    plover, _, mode = value.strip().partition("/")
    plover = plover.upper()
    if plover not in plover_types():
        raise DataError(f"{where}: unknown PLOVER type {plover!r} (see ontology/plover.csv)")
    if mode and not known_mode(plover, mode):
        raise DataError(f"{where}: ({plover}, {mode}) has no row in ontology/plover.csv")
    return plover, (mode or None)


def _words(value, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DataError(f"{where}: expected a list of words")
    return [w.strip().lower() for w in value]


@functools.cache
def load_lexicon() -> Lexicon:
    """Load and validate the lexicon. Raises DataError naming the file and entry."""
    data = load_yaml(LEXICON)
    where = f"storyline/data/{LEXICON}"
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping at the top level")

    def table(key: str) -> dict[str, Code]:
        raw = data.get(key) or {}
        if not isinstance(raw, dict):
            raise DataError(f"{where}: '{key}' must be a mapping of word → TYPE/mode")
        return {str(k).strip().lower(): _code(v, f"{where}: {key}.{k}") for k, v in raw.items()}

    complement_of: dict[str, str] = {}
    for cls, words in (data.get("complements") or {}).items():
        for w in _words(words, f"{where}: complements.{cls}"):
            complement_of.setdefault(w, cls)

    frames: dict[str, Frame] = {}
    frame_of: dict[str, str] = {}
    for name, spec in (data.get("frames") or {}).items():
        at = f"{where}: frames.{name}"
        if not isinstance(spec, dict):
            raise DataError(f"{at}: expected a mapping")
        classes = {}
        for cls, value in (spec.get("classes") or {}).items():
            if cls not in (data.get("complements") or {}):
                raise DataError(f"{at}.classes: unknown complement class {cls!r}")
            classes[cls] = _code(value, f"{at}.classes.{cls}")
        default = spec.get("default")
        frames[name] = Frame(
            name=name, consumes=bool(spec.get("consumes", True)),
            default=_code(default, f"{at}.default") if default else None, classes=classes,
            when_negated=spec.get("when_negated"),
            transparent=bool(spec.get("transparent", False)))
        for w in _words(spec.get("words"), f"{at}.words"):
            if w in frame_of:
                raise DataError(f"{at}: {w!r} is already in frame {frame_of[w]!r}")
            frame_of[w] = name
    for name, frame in frames.items():
        if frame.when_negated and frame.when_negated not in frames:
            raise DataError(f"{where}: frames.{name}.when_negated names no frame")

    light = {}
    for verb, paths in (data.get("light_verbs") or {}).items():
        light[str(verb).lower()] = tuple(_words(paths, f"{where}: light_verbs.{verb}"))

    preps = {str(k).upper() if k != "*" else "*": frozenset(_words(v, f"{where}: target_preps.{k}"))
             for k, v in (data.get("target_preps") or {}).items()}
    for k in preps:
        if k != "*" and k not in plover_types():
            raise DataError(f"{where}: target_preps.{k}: unknown PLOVER type")

    third = set()
    for item in _words(data.get("third_party_modes"), f"{where}: third_party_modes"):
        third.add(_code(item, f"{where}: third_party_modes"))

    future = {}
    for k, v in (data.get("future_as_agree") or {}).items():
        future[str(k).upper()] = _code(v, f"{where}: future_as_agree.{k}")

    cues: dict[str, dict[str, str]] = {}
    for plover, modes in (data.get("mode_cues") or {}).items():
        by_word: dict[str, str] = {}
        for mode, words in modes.items():
            if not known_mode(plover, mode):
                raise DataError(f"{where}: mode_cues.{plover}.{mode}: no such row in the ontology")
            for w in _words(words, f"{where}: mode_cues.{plover}.{mode}"):
                by_word.setdefault(w, mode)
        cues[plover.upper()] = by_word

    qualified = {str(k).lower(): frozenset(_words(v, f"{where}: qualified_nouns.{k}"))
                 for k, v in (data.get("qualified_nouns") or {}).items()}

    def codes(key: str) -> frozenset[tuple[str, str | None]]:
        return frozenset(_code(v, f"{where}: {key}") for v in _words(data.get(key), f"{where}: {key}"))

    def word_set(key: str) -> frozenset[str]:
        return frozenset(_words(data.get(key), where))

    def type_set(key: str) -> frozenset[str]:
        """A list of PLOVER types, upper-case."""
        return frozenset(t.upper() for t in _words(data.get(key), where))

    labels: dict[str, Code] = {}
    for value, words in (data.get("labels") or {}).items():
        code = _code(value, f"{where}: labels.{value}")
        for w in _words(words, f"{where}: labels.{value}"):
            labels.setdefault(w, code)

    return Lexicon(
        verbs=table("verbs"), nouns=table("nouns"), frames=frames, frame_of=frame_of,
        complement_of=complement_of, light_verbs=light,
        speech_verbs=frozenset(_words(data.get("speech_verbs"), f"{where}: speech_verbs")),
        addressee_verbs=frozenset(_words(data.get("addressee_verbs"), f"{where}: addressee_verbs")),
        target_preps=preps,
        agent_preps=frozenset(_words(data.get("agent_preps"), f"{where}: agent_preps")),
        contextual_types=type_set("contextual_types"),
        reciprocal_markers=word_set("reciprocal_markers"),
        reciprocal_types=frozenset(t.split("/")[0].upper() + ("/" + t.split("/")[1] if "/" in t else "")
                                   for t in _words(data.get("reciprocal_types"), where)),
        party_nouns=frozenset(_words(data.get("party_nouns"), f"{where}: party_nouns")),
        third_party_modes=frozenset(third), future_as_agree=future, mode_cues=cues,
        nsa_cues=word_set("nsa_cues"),
        nonstate_crowds=word_set("nonstate_crowds"),
        civilian_victims=word_set("civilian_victims"),
        event_anaphors={str(k).lower(): frozenset(str(t).upper() for t in v)
                        for k, v in (data.get("event_anaphors") or {}).items()},
        judged_acts={str(k).lower(): frozenset(str(t).upper() for t in v)
                     for k, v in (data.get("judged_acts") or {}).items()},
        wrapper_classes=word_set("wrapper_classes"),
        reaction_verbs=word_set("reaction_verbs"),
        object_control_verbs=word_set("object_control_verbs"),
        directive_verbs=word_set("directive_verbs"),
        contact_verbs=table("contact_verbs"),
        conditional_threats={str(k): _code(v, f"{where}: conditional_threats.{k}")
                             for k, v in (data.get("conditional_threats") or {}).items()},
        cooperative_types=type_set("cooperative_types"),
        conflict_types=type_set("conflict_types"),
        qualified_nouns=qualified,
        complement_preps=word_set("complement_preps"),
        needs_recipient=word_set("needs_recipient"),
        quantity_nouns=word_set("quantity_nouns"),
        actor_nouns=word_set("actor_nouns"),
        weapon_nouns=word_set("weapon_nouns"),
        relational_nouns=word_set("relational_nouns"),
        definite_actors={str(k).lower(): str(v) for k, v in (data.get("definite_actors") or {}).items()},
        own_force_nouns=word_set("own_force_nouns"),
        idioms=word_set("idioms"),
        needs_object=word_set("needs_object"),
        deontic_modals=word_set("deontic_modals"),
        deontic_adjectives=word_set("deontic_adjectives"),
        deontic_modes={str(k).upper() if k != "*" else "*": str(v)
                       for k, v in (data.get("deontic_modes") or {}).items()},
        future_as_threat={str(k).upper(): _code(v, f"{where}: future_as_threat.{k}")
                          for k, v in (data.get("future_as_threat") or {}).items()},
        negated_as={str(k).upper(): _code(v, f"{where}: negated_as.{k}")
                    for k, v in (data.get("negated_as") or {}).items()},
        vehicle_nouns=word_set("vehicle_nouns"),
        keep_without_recipient=bool(data.get("keep_without_recipient", False)),
        agent_of_types=type_set("agent_of_types"),
        state_protest={("" if k in (None, "*", "") else str(k)): _code(v, f"{where}: state_protest.{k}")
                       for k, v in (data.get("state_protest") or {}).items()},
        crowd_types=type_set("crowd_types"),
        non_agents=word_set("non_agents"),
        frame_pos={str(k).lower(): str(v).upper() for k, v in (data.get("frame_pos") or {}).items()},
        typo_min_length=int(data.get("typo_min_length", 6)),
        accord_codes=codes("accord_codes"),
        accord_nouns=word_set("accord_nouns"),
        signed_accord_nouns=word_set("signed_accord_nouns"),
        party_codes=codes("party_codes"),
        amends_codes=codes("amends_codes"),
        party_words=word_set("party_words"),
        party_determiners=word_set("party_determiners"),
        counterpart_types=type_set("counterpart_types"),
        gathering_verbs=word_set("gathering_verbs"),
        gathering_types=type_set("gathering_types"),
        gathering_nouns=word_set("gathering_nouns"),
        label_verbs=word_set("label_verbs"),
        labels=labels,
        statement_verbs=word_set("statement_verbs"),
        wrongdoing_verbs=word_set("wrongdoing_verbs"),
        judging_verbs=word_set("judging_verbs"),
        scheduled_heads=word_set("scheduled_heads"),
        reciprocal_verbs={k: _code(v, f"{where}: reciprocal_verbs.{k}") for k, v in (data.get("reciprocal_verbs") or {}).items()},
        mirrored_types=type_set("mirrored_types"),
        converse_verbs=word_set("converse_verbs"),
        with_opponents=word_set("with_opponents"),
        weapon_verbs=word_set("weapon_verbs"),
        travel_verbs=word_set("travel_verbs"),
        travel_preps=word_set("travel_preps"),
        travel_vehicles=word_set("travel_vehicles"),
        ruling_nouns=word_set("ruling_nouns"),
        generic_ruling_nouns=word_set("generic_ruling_nouns"),
        outcome_ruling_nouns=word_set("outcome_ruling_nouns"),
        court_words=word_set("court_words"),
        ruling_verbs=word_set("ruling_verbs"),
        adverse_words=word_set("adverse_words"),
        ellipsis_verbs=word_set("ellipsis_verbs"),
        terror_nouns=word_set("terror_nouns"),
        split_types=type_set("split_types"),
        past_event_preps=word_set("past_event_preps"),
        joint_meeting_types=type_set("joint_meeting_types"),
        arrival_verbs=word_set("arrival_verbs"),
        homeward_words=word_set("homeward_words"),
        inclusion_words=word_set("inclusion_words"),
        swap_words=word_set("swap_words"),
        instrument_nouns=word_set("instrument_nouns"),
        statement_papers=word_set("statement_papers"),
        label_heads=word_set("label_heads"),
        custody_codes=frozenset(_code(c, "custody_codes") for c in data.get("custody_codes", [])),
        custody_places=word_set("custody_places"),
        domestic_codes=frozenset(_code(c, "domestic_codes") for c in data.get("domestic_codes", [])),
        domestic_objects=word_set("domestic_objects"),
        onset_verbs=word_set("onset_verbs"),
        onset_crowd=str(data.get("onset_crowd") or "protesters"),
        cessation_verbs=word_set("cessation_verbs"),
        envoy_nouns=word_set("envoy_nouns"),
        retaliation_verbs=word_set("retaliation_verbs"),
        drawing_verbs=word_set("drawing_verbs"),
        referral_verbs=word_set("referral_verbs"),
        behest_nouns=word_set("behest_nouns"),
        behest_preps=word_set("behest_preps"),
        moving_forces=word_set("moving_forces"),
        force_moves=table("force_moves"),
        actor_object_verbs={k: _code(v, f"{where}: actor_object_verbs.{k}")
                            for k, v in (data.get("actor_object_verbs") or {}).items()},
        solo_object_types=type_set("solo_object_types"),
        negated_object_verbs={k: _code(v, f"{where}: negated_object_verbs.{k}")
                              for k, v in (data.get("negated_object_verbs") or {}).items()},
        quoted_label=_code(data["quoted_label"], f"{where}: quoted_label") if data.get("quoted_label") else None,
        version=str(data.get("version", "0")))
