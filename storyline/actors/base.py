"""The actor base: canonical people, states, their governments and militaries, IGOs and
non-state armed groups, with dated roles.

The shipped part is built from the YAML files in ``storyline/data/actors/`` once per process;
``load_actor_base(extra)`` lays user and corpus actors over it (they win on equal ids). Every
state in ``states.yaml`` yields four more actors derived from it: its government
(``ISO3-GOV``), its military (``ISO3-MIL``), its police (``ISO3-COP``) and its people outside
the state (``ISO3-CVL``: civilians, workers, refugees, the press), so that "New Delhi",
"Pakistan's military", "Indian police" or "Palestinian prisoners" resolve to something a user
can see and edit.

The role *key* of a role (``head_of_government``, ``foreign_minister``...) is what
``holder()`` looks up; ``Role`` itself keeps the human title, so the key is kept here, per
(actor id, role index). For actors whose file gave no key (corpus and user actors) the key is
derived from the title through ``titles.yaml``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataError
from ..knowledge import data_path, load_yaml
from ..records import Actor, Role

ACTOR_KINDS = ("person", "state", "government", "military", "nsa", "igo", "org", "other")
# Sectors that get a derived country-level actor, with the kind that actor has.
# CVL is the country's people outside the state (civilians, workers, refugees, the press):
# kind "other", so that a government acting on its own citizens is an event with them.
SECTOR_ACTORS = {"GOV": "government", "MIL": "military", "COP": "government", "CVL": "other"}
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "CVL": "civilians"}
# Role keys whose holders act for the military rather than the government.
MILITARY_ROLES = frozenset({"army_chief", "military_chief"})
# Surnames derived from full names shorter than this are not looked for alone (an alias in the
# data file still can be).
MIN_SURNAME_LEN = 3
# Chinese and Korean family names are one syllable, romanised in at most five letters ("Zhang",
# "Hwang"); a longer first word of such a person's name is a Western given name ("Joseph Wu").
MAX_FAMILY_FIRST_LEN = 5
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ── dates ───────────────────────────────────────────────────────────────────────────────

def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date at any granularity covers: "2025-05" is all of May 2025."""
    if not value:
        return None
    value = str(value)
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            y, m = parts
            first = dt.date(y, m, 1)
            last = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
            return first, last
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return None


def _overlap_days(role: Role, span: tuple[dt.date, dt.date]) -> int:
    """Days of ``span`` during which ``role`` was held (0 when it was not)."""
    start = date_range(role.start)
    end = date_range(role.end)
    lo = start[0] if start else dt.date.min
    hi = end[1] if end else dt.date.max
    first, last = max(lo, span[0]), min(hi, span[1])
    return (last - first).days + 1 if first <= last else 0


# ── data files ──────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class StateInfo:
    """What ``states.yaml`` says about one state: the names it goes by in news text."""

    id: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]
    ministries: tuple[tuple[str, tuple[str, ...]], ...]  # (portfolio, names)
    military: tuple[str, ...]
    regions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TitleInfo:
    """One title from ``titles.yaml``: its surface forms and the role key it denotes."""

    surfaces: tuple[str, ...]
    role: str | None
    sector: str
    countries: tuple[tuple[str, str | None], ...] = ()  # per-country role key overrides
    default_country: str | None = None
    alternatives: tuple[str, ...] = ()
    ministry_roles: tuple[tuple[str, str], ...] = ()  # "spokesman for <foreign ministry>"
    igo_role: str | None = None
    lookup: bool = True  # False: many people hold it, never guess one ("spokesperson")
    rank: bool = False  # a rank ("General") that prefixes names but is no office
    default_org: str | None = None  # the one organisation whose post it is ("UN chief")

    def role_for(self, country: str | None) -> str | None:
        """The role key this title denotes for a country."""
        for code, role in self.countries:
            if code == country:
                return role
        return self.role


class _Problem(Exception):
    """A field problem inside one entry; turned into a DataError naming file and entry."""

    def __init__(self, field: str, problem: str):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem


def _entry_error(file: str, n: int, entry: Any, exc: _Problem) -> DataError:
    name = entry.get("name") or entry.get("id") if isinstance(entry, dict) else None
    if name is None and isinstance(entry, dict) and entry.get("surface"):
        name = entry["surface"][0] if isinstance(entry["surface"], list) else entry["surface"]
    return DataError(f"{file}: entry {n} ({name or '?'}): field '{exc.field}' {exc.problem}")


def _str(entry: dict, field: str, required: bool = True) -> str | None:
    value = entry.get(field)
    if value is None:
        if required:
            raise _Problem(field, "is missing")
        return None
    if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
        raise _Problem(field, f"must be a non-empty string, not {value!r}")
    return str(value).strip()


def _strs(entry: dict, field: str) -> tuple[str, ...]:
    value = entry.get(field)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Problem(field, "must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _date(entry: dict, field: str) -> str | None:
    value = entry.get(field)
    if value is None:
        return None
    if isinstance(value, dt.date):  # YAML reads 2014-05-26 as a date
        return value.isoformat()
    value = str(value).strip()
    if not _DATE.match(value) or date_range(value) is None:
        raise _Problem(field, f"must be an ISO date YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
    return value


def _country(entry: dict, field: str, required: bool = False) -> str | None:
    value = _str(entry, field, required)
    if value is not None and not _ISO3.match(value):
        raise _Problem(field, f"must be an ISO 3166 alpha-3 code such as IND, not {value!r}")
    return value


def _entries(file: str, data: Any, key: str | None = None) -> list:
    if key is not None:
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            raise DataError(f"{file}: expected a mapping with a list under '{key}'")
        return data[key]
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError(f"{file}: expected a list of entries")
    return data


@functools.cache
def role_keys() -> frozenset[str]:
    """The canonical role keys (``titles.yaml: role_keys``)."""
    data = load_yaml("actors/titles.yaml")
    keys = data.get("role_keys") if isinstance(data, dict) else None
    if not isinstance(keys, list) or not keys:
        raise DataError(f"{data_path('actors/titles.yaml')}: 'role_keys' must be a list")
    return frozenset(keys)


@functools.cache
def executive_presidents() -> frozenset[str]:
    """States whose head of state leads the executive (a head-of-government lookup falls back
    to the head of state there)."""
    data = load_yaml("actors/titles.yaml")
    return frozenset(data.get("executive_presidents") or ())


@functools.cache
def load_titles() -> tuple[TitleInfo, ...]:
    """Every title in ``titles.yaml``, validated."""
    file = str(data_path("actors/titles.yaml"))
    keys = role_keys()
    out = []
    for n, e in enumerate(_entries(file, load_yaml("actors/titles.yaml"), "titles"), 1):
        try:
            if not isinstance(e, dict):
                raise _Problem("surface", "entry must be a mapping")
            surfaces = _strs(e, "surface")
            if not surfaces:
                raise _Problem("surface", "is missing")
            role = e.get("role")
            if role is not None and role not in keys:
                raise _Problem("role", f"{role!r} is not a role key")
            sector = _str(e, "sector")
            if sector not in SECTOR_ACTORS:
                raise _Problem("sector", f"must be one of {sorted(SECTOR_ACTORS)}")
            countries = e.get("countries") or {}
            if not isinstance(countries, dict) or any(
                    not _ISO3.match(str(c)) or (r is not None and r not in keys)
                    for c, r in countries.items()):
                raise _Problem("countries", "must map ISO3 codes to role keys or null")
            ministry_roles = e.get("ministry_roles") or {}
            if not isinstance(ministry_roles, dict) or any(r not in keys
                                                            for r in ministry_roles.values()):
                raise _Problem("ministry_roles", "must map portfolios to role keys")
            alternatives = _strs(e, "alternatives")
            if any(a not in keys for a in alternatives):
                raise _Problem("alternatives", "must list role keys")
            igo_role = e.get("igo_role")
            if igo_role is not None and igo_role not in keys:
                raise _Problem("igo_role", f"{igo_role!r} is not a role key")
            out.append(TitleInfo(
                surfaces=surfaces, role=role, sector=sector,
                countries=tuple(sorted(countries.items())),
                default_country=_country(e, "default_country"),
                alternatives=alternatives, ministry_roles=tuple(sorted(ministry_roles.items())),
                igo_role=igo_role, lookup=bool(e.get("lookup", True)),
                rank=bool(e.get("rank", False)),
                default_org=_str(e, "default_org", required=False)))
        except _Problem as exc:
            raise _entry_error(file, n, e, exc) from None
    return tuple(out)


@functools.cache
def _title_by_surface() -> dict[str, TitleInfo]:
    return {s.lower(): t for t in load_titles() for s in t.surfaces}


def role_key_for_title(title: str, country: str | None) -> str | None:
    """The role key a human title denotes in a country ("Foreign Secretary", "GBR" →
    foreign_minister), or None when the title names no canonical role."""
    if title in role_keys():
        return title
    words = title.strip()
    info = _title_by_surface().get(words.lower())
    if info is None:  # "Indian Prime Minister": drop country words until a title remains
        parts = words.split()
        for i in range(1, len(parts)):
            if re.sub(r"['’]s$", "", parts[i - 1].lower()) not in _neutral_title_words():
                break  # "junior foreign minister", "religious leader": another post
            info = _title_by_surface().get(" ".join(parts[i:]).lower())
            if info:
                break
    return info.role_for(country) if info else None


@functools.cache
def neutral_qualifiers() -> frozenset[str]:
    """Qualifiers that leave an office as it is ("new President": ``titles.yaml``)."""
    data = load_yaml("actors/titles.yaml")
    return frozenset(w.lower() for w in (data.get("neutral_qualifiers") or ()))


@functools.cache
def _neutral_title_words() -> frozenset[str]:
    """Words that may precede a title without changing the office: country names and
    demonyms ("Indian Prime Minister", "Russia's Foreign Minister") and the neutral
    qualifiers of titles.yaml ("new President")."""
    out = set(neutral_qualifiers())
    for s in load_states():
        for text in (s.name, *s.aliases, *s.demonyms, *s.metonyms):
            out.update(w.lower().strip(".") for w in text.split())
            out.add(text.lower())
    out.add("the")  # "the Prime Minister"
    return frozenset(out)


@functools.cache
def load_states() -> tuple[StateInfo, ...]:
    """Every state in ``states.yaml``, validated."""
    file = str(data_path("actors/states.yaml"))
    out, seen = [], set()
    for n, e in enumerate(_entries(file, load_yaml("actors/states.yaml")), 1):
        try:
            if not isinstance(e, dict):
                raise _Problem("id", "entry must be a mapping")
            sid = _country(e, "id", required=True)
            if sid in seen:
                raise _Problem("id", f"{sid} appears twice")
            seen.add(sid)
            ministries = e.get("ministries") or {}
            if not isinstance(ministries, dict):
                raise _Problem("ministries", "must map a portfolio to a list of names")
            mins = []
            for portfolio, names in ministries.items():
                mins.append((str(portfolio), _strs({"ministries": names}, "ministries")))
            out.append(StateInfo(
                id=sid, name=_str(e, "name"), aliases=_strs(e, "aliases"),
                demonyms=_strs(e, "demonyms"), metonyms=_strs(e, "metonyms"),
                ministries=tuple(mins), military=_strs(e, "military"),
                regions=_strs(e, "regions")))
        except _Problem as exc:
            raise _entry_error(file, n, e, exc) from None
    return tuple(out)


def _org_actors(name: str, kind: str) -> list[Actor]:
    """IGOs or NSAs from their YAML file."""
    file = str(data_path(f"actors/{name}"))
    out = []
    for n, e in enumerate(_entries(file, load_yaml(f"actors/{name}")), 1):
        try:
            if not isinstance(e, dict):
                raise _Problem("id", "entry must be a mapping")
            aid = _str(e, "id")
            if kind == "nsa" and e.get("country") is None:
                raise _Problem("country", "is missing (the group's base country)")
            out.append(Actor(
                id=aid, name=_str(e, "name"), kind=kind, country=_country(e, "country"),
                aliases=_strs(e, "aliases"), sectors=_strs(e, "sectors") or {
                    "igo": ("IGO",), "nsa": ("REB",)}.get(kind, ()),
                code=_str(e, "code", required=False), origin="base"))
        except _Problem as exc:
            raise _entry_error(file, n, e, exc) from None
    return out


@functools.cache
def nsa_governments() -> dict[str, tuple[str, str]]:
    """NSAs that became a state's de facto government: id → (ISO3, from date)."""
    file = str(data_path("actors/nsas.yaml"))
    out = {}
    for n, e in enumerate(_entries(file, load_yaml("actors/nsas.yaml")), 1):
        gov = e.get("governs") if isinstance(e, dict) else None
        if gov is None:
            continue
        try:
            if not isinstance(gov, dict):
                raise _Problem("governs", "must be {country: ISO3, from: date}")
            out[str(e["id"])] = (_country(gov, "country", required=True), _date(gov, "from"))
        except _Problem as exc:
            raise _entry_error(file, n, e, exc) from None
    return out


def _person_entries(file: str, data: Any, origin: str) -> tuple[list[Actor], dict]:
    """Actors from a people-style YAML list (people.yaml or a user file), and their role keys."""
    keys = role_keys()
    actors, role_map, seen = [], {}, set()
    for n, e in enumerate(_entries(file, data), 1):
        try:
            if not isinstance(e, dict):
                raise _Problem("id", "entry must be a mapping")
            aid = _str(e, "id")
            if aid in seen:
                raise _Problem("id", f"{aid!r} appears twice")
            seen.add(aid)
            name = _str(e, "name")
            kind = e.get("kind", "person")
            if kind not in ACTOR_KINDS:
                raise _Problem("kind", f"must be one of {', '.join(ACTOR_KINDS)}")
            country = _country(e, "country")
            raw_roles = e.get("roles") or []
            if not isinstance(raw_roles, list):
                raise _Problem("roles", "must be a list")
            roles, role_ids = [], []
            for i, r in enumerate(raw_roles, 1):
                if not isinstance(r, dict):
                    raise _Problem(f"roles[{i}]", "must be a mapping")
                key = r.get("role")
                if key is not None and key not in keys:
                    raise _Problem(f"roles[{i}].role", f"{key!r} is not a role key "
                                   f"(one of {', '.join(sorted(keys))})")
                title = _str(r, "title", required=False) or (key.replace("_", " ") if key
                                                               else None)
                if title is None:
                    raise _Problem(f"roles[{i}].title", "is missing")
                try:
                    rc = _country(r, "country")
                    start, end = _date(r, "start"), _date(r, "end")
                except _Problem as exc:
                    raise _Problem(f"roles[{i}].{exc.field}", exc.problem) from None
                if start and end and date_range(end)[1] < date_range(start)[0]:
                    raise _Problem(f"roles[{i}].end", f"{end} is before start {start}")
                org = r.get("org")
                roles.append(Role(title=title, country=rc or (None if org else country),
                                  start=start, end=end, org=str(org) if org else None))
                role_ids.append(key or role_key_for_title(title, rc or country))
            sectors = _strs(e, "sectors") or _person_sectors(role_ids)
            code = _str(e, "code", required=False)
            if code is None and country and kind == "person":
                code = country + (sectors[0] if sectors else "")
            actor = Actor(id=aid, name=name, kind=kind, country=country,
                          aliases=_strs(e, "aliases"), sectors=sectors, roles=tuple(roles),
                          code=code, origin=origin, evidence=_str(e, "evidence", False))
            actors.append(actor)
            for i, key in enumerate(role_ids):
                if key:
                    role_map[(aid, i)] = key
        except _Problem as exc:
            raise _entry_error(file, n, e, exc) from None
    return actors, role_map


def _person_sectors(role_ids: list[str | None]) -> tuple[str, ...]:
    if not role_ids:
        return ()
    if all(r in MILITARY_ROLES for r in role_ids if r):
        return ("MIL",) if any(role_ids) else ("GOV",)
    return ("GOV",)


def load_user_actors(path: str | Path) -> list[Actor]:
    """Actors from a user's YAML file (people.yaml's schema plus ``kind``, ``sectors``,
    ``code``), with origin "user". Raises DataError naming the file, entry and field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    actors, _ = _person_entries(str(path), data, "user")
    return actors


def _state_actors(s: StateInfo) -> list[Actor]:
    """The state itself and its derived government, military and police actors."""
    out = [Actor(id=s.id, name=s.name, kind="state", country=s.id,
                 aliases=s.aliases, code=s.id, origin="base")]
    ministries = tuple(n for _, names in s.ministries for n in names)
    extra = {"GOV": s.metonyms + ministries, "MIL": s.military, "COP": (), "CVL": ()}
    for sector, kind in SECTOR_ACTORS.items():
        out.append(Actor(id=f"{s.id}-{sector}", name=f"{s.name} {SECTOR_NAMES[sector]}",
                         kind=kind, country=s.id, aliases=extra[sector], sectors=(sector,),
                         code=f"{s.id}{sector}", origin="base"))
    return out


@functools.cache
def _shipped() -> tuple[tuple[Actor, ...], tuple[tuple[tuple[str, int], str], ...]]:
    actors: list[Actor] = []
    for s in load_states():
        actors.extend(_state_actors(s))
    actors.extend(_org_actors("igos.yaml", "igo"))
    actors.extend(_org_actors("nsas.yaml", "nsa"))
    actors.extend(_org_actors("blocs.yaml", "other"))
    people_file = data_path("actors/people.yaml")
    role_map: dict = {}
    if people_file.exists():  # written separately; the base works (with no people) without it
        people, role_map = _person_entries(str(people_file), load_yaml("actors/people.yaml"),
                                           "base")
        actors.extend(people)
    ids = set()
    for a in actors:
        if a.id in ids:
            raise DataError(f"{data_path('actors')}: actor id {a.id!r} is defined twice")
        ids.add(a.id)
    return tuple(actors), tuple(role_map.items())


# ── the base ────────────────────────────────────────────────────────────────────────────

def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _is_acronym(text: str) -> bool:
    """"US", "U.S.", "MEA": matched only in capitals, so that "us" is never the USA."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and len(text) <= 8


@functools.cache
def _surname_particles() -> frozenset[str]:
    """Words that are never a surname on their own (``nouns.yaml: surname_particles``)."""
    return frozenset(w.lower() for w in load_yaml("actors/nouns.yaml").get("surname_particles")
                     or ())


def surname(name: str) -> str:
    """The last name-word of a full name ("Narendra Modi" → "Modi")."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    while len(parts) > 1 and parts[-1].lower() in _surname_particles():
        parts.pop()
    return parts[-1] if parts else ""


@functools.cache
def common_surnames() -> frozenset[str]:
    """Surnames that never stand alone as a name (``common_surnames.yaml``): English words
    ("Price", "Power") and family names many public figures share ("Kim", "Khan")."""
    data = load_yaml("actors/common_surnames.yaml")
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise DataError(f"{data_path('actors/common_surnames.yaml')}: expected lists of names")
    return frozenset(str(w).lower() for words in data.values() for w in words)


@functools.cache
def family_name_first() -> frozenset[str]:
    """ISO3 codes of the countries whose people's names are written family name first
    (``nouns.yaml: family_name_first``)."""
    return frozenset(str(c).upper() for c in load_yaml("actors/nouns.yaml").get("family_name_first")
                     or ())


def bare_surname(actor: Actor) -> str:
    """The word a person goes by alone: the surname, or for names written family name first
    ("Qin Gang", "Moon Jae-in") the first word, since the last one is a given name. A longer
    first word is a given name in Western order ("Joseph Wu", "Katharine Chang")."""
    words = actor.name.split()
    if actor.country in family_name_first() and len(words) > 1 and \
            len(words[0]) <= MAX_FAMILY_FIRST_LEN:
        return words[0]
    return surname(actor.name)


class ActorBase:
    """Canonical actors, their names and their dated roles. Picklable; build it with
    ``load_actor_base``."""

    def __init__(self, actors: Iterable[Actor], role_map: Mapping[tuple[str, int], str]):
        self._actors: dict[str, Actor] = {}
        for a in actors:
            self._actors[a.id] = a
        self._role_map = dict(role_map)
        self._names: dict[str, list[tuple[str, str, bool]]] = {}
        common, held = common_surnames(), []
        for a in self._actors.values():
            for text in (a.name, *a.aliases, *((a.code,) if a.code and a.kind in (
                    "igo", "nsa", "org") else ())):
                self._add_name(text, a.id, exact=True)
            if a.kind == "person":
                sn = bare_surname(a)
                # two-letter surnames ("Un", "Li") are too often an acronym or a word
                if sn and sn != a.name and len(sn) >= MIN_SURNAME_LEN:
                    if _fold(sn) in common:
                        held.append((sn, a.id))
                    else:
                        self._add_name(sn, a.id, exact=False)
        for sn, actor_id in held:
            # a common surname that is already someone's alias ("Khan" of Imran Khan) makes
            # no word a name; the others who bear it stay candidates, so that the one an
            # article named can win over the alias
            if any(e[2] and self._actors[e[1]].kind == "person"
                   for e in self._names.get(_fold(sn), ())):
                self._add_name(sn, actor_id, exact=False)
        self._surface_cache: list | None = None
        self._roles_index: dict[str, list[tuple[str, int]]] | None = None

    def _add_name(self, text: str, actor_id: str, exact: bool) -> None:
        key = _fold(text)
        if key.startswith("the "):
            key = key[4:]
        entries = self._names.setdefault(key, [])
        if not any(e[1] == actor_id for e in entries):
            entries.append((text, actor_id, exact))

    # queries ---------------------------------------------------------------------------

    def get(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return self._actors.get(actor_id) if actor_id else None

    def actors(self) -> tuple[Actor, ...]:
        """Every actor, shipped, user and corpus."""
        return tuple(self._actors.values())

    def lookup_name(self, text: str) -> list[Actor]:
        """Actors whose name, alias or surname is ``text`` (case-insensitive, except that an
        acronym alias such as "US" matches only in capitals). Full names come first."""
        key = _fold(text)
        if key.startswith("the "):
            key = key[4:]
        hits = []
        for surface, actor_id, exact in self._names.get(key, ()):
            if _is_acronym(surface) and surface.replace(".", "") != text.strip().replace(
                    ".", "").removeprefix("the ").removeprefix("The "):
                continue
            hits.append((not exact, self._actors[actor_id]))
        hits.sort(key=lambda h: h[0])
        return [a for _, a in hits]

    def role_key(self, actor: Actor, index: int) -> str | None:
        """The canonical role key of ``actor.roles[index]``."""
        key = self._role_map.get((actor.id, index))
        if key is None and index < len(actor.roles):
            role = actor.roles[index]
            key = role_key_for_title(role.title, role.country or actor.country)
        return key

    def roles_on(self, actor: Actor, on_date: str | None) -> list[tuple[str | None, Role]]:
        """(role key, role) pairs the actor held on that date (every role when it is None)."""
        span = date_range(on_date)
        out = []
        for i, role in enumerate(actor.roles):
            if span is None or _overlap_days(role, span) > 0:
                out.append((self.role_key(actor, i), role))
        return out

    def holder(self, role_key: str, country: str | None, on_date: str | None) -> Actor | None:
        """Who held ``role_key`` for ``country`` (an ISO3 code, or an IGO id for igo_head) on
        that date. For a month or a year, the holder for most of that period. With no date,
        the current holder. None when nobody in the base held it."""
        found = self._holder(role_key, country, on_date)
        if found is None and role_key == "head_of_government" and country in \
                executive_presidents():
            found = self._holder("head_of_state", country, on_date)
        return found

    def _holder(self, role_key: str, country: str | None, on_date: str | None) -> Actor | None:
        if not country:
            return None
        span = date_range(on_date)
        best, best_key = None, None
        for actor_id, index in self._roles_with(role_key):
            actor = self._actors.get(actor_id)
            if actor is None or index >= len(actor.roles):
                continue
            role = actor.roles[index]
            if country not in (role.country, role.org) and not (
                    role.country is None and role.org is None and actor.country == country):
                continue
            if span is None:
                if role.end is not None:
                    continue
                days = 1
            else:
                days = _overlap_days(role, span)
                if days == 0:
                    continue
            rank = (days, role.start or "")
            if best_key is None or rank > best_key:
                best, best_key = actor, rank
        return best

    def _roles_with(self, role_key: str) -> list[tuple[str, int]]:
        """(actor id, role index) of every role with this key (index built on first use)."""
        if self._roles_index is None:
            index: dict[str, list[tuple[str, int]]] = {}
            for actor in self._actors.values():
                for i in range(len(actor.roles)):
                    key = self.role_key(actor, i)
                    if key:
                        index.setdefault(key, []).append((actor.id, i))
            self._roles_index = index
        return self._roles_index.get(role_key, [])

    def name_entries(self) -> list[tuple[str, str, bool]]:
        """(surface, actor id, exact) for every name the resolver should look for; ``exact``
        is False for surnames derived from full names."""
        if self._surface_cache is None:
            out = []
            for entries in self._names.values():
                out.extend(entries)
            self._surface_cache = out
        return self._surface_cache


def load_actor_base(extra: Iterable[Actor] = ()) -> ActorBase:
    """The shipped actor base with ``extra`` (user or corpus actors) laid over it: an extra
    actor replaces a shipped one with the same id. The shipped part is read once per process.
    Raises DataError when a shipped file is invalid."""
    extra = tuple(extra)
    if not extra:
        return _shipped_base()
    actors, role_map = _shipped()
    replaced = {a.id for a in extra}
    role_map = {k: v for k, v in role_map if k[0] not in replaced}
    return ActorBase((*actors, *extra), role_map)


@functools.cache
def _shipped_base() -> ActorBase:
    actors, role_map = _shipped()
    return ActorBase(actors, dict(role_map))


@functools.cache
def state_infos() -> dict[str, StateInfo]:
    """ISO3 → what states.yaml says about it."""
    return {s.id: s for s in load_states()}
