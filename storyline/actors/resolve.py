"""Finding every actor mention in a parsed article and resolving it to canonical actors.

The small spaCy model misses or mislabels many names ("Trump" as ORG, "Lahore" as NORP), so
mentions come from a gazetteer built from the actor base and the lexicons in
``data/actors/`` (titles, sector nouns, group phrases, pronouns), matched word by word over
the text; spaCy's parse is used for what it does well (heads, subjects, proper-noun tags) and
its PERSON/ORG spans only for names the base does not know.

The passes, in order:
  1. match names, demonyms, titles and nouns (longest match, capitals respected; lexicon.py);
  2. compose them into mentions: titled names ("U.S. Secretary of State Marco Rubio",
     "Ukraine's Infrastructure Minister Oleksandr Kubrakov"), titles alone ("Pakistan's
     foreign minister" → the holder on the article's date), appositions ("Raveesh Kumar, the
     spokesman for India's Ministry of External Affairs", "X, an adviser to President Y": a
     new actor of that country or IGO), demonym/state + sector noun ("Indian officials" →
     IND-GOV, "Swiss doctors" → CHE-CVL, "Iraqi towns" → IRQ), bloc adjectives ("European
     governments" → EU), IGO + people noun ("UN officials"), groups ("both nations", "the
     parties"), bodies named with "the" alone ("the ministry"), plain names and metonyms;
  3. unknown PERSON/ORG names from NER (unresolved; an organisation whose name starts with a
     country is that country's);
  4. pronouns and relative pronouns → the most recent compatible antecedent, or nothing.

An official the base does not know and the text names without a country takes the one
country the sentence is at home in (not one its action is aimed at), else the previous
sentence's; such a guess yields to what an apposition says. A person who holds only IGO posts
on the article's date acts for the IGO: their refs carry its code ("UN") and no country.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import Actor, ActorRef, Mention, ParsedDoc, Role, Token
from .base import (ActorBase, TitleInfo, date_range, executive_presidents, load_titles,
                   neutral_qualifiers, nsa_governments, role_key_for_title, surname)
from .lexicon import _HYPHENS, _Atom, _city_names, _Doc, _gazetteer, _lexicon, _match_atoms

_DETERMINERS = {"the", "a", "an"}
_INDEFINITE = {"a", "an"}
_COORD = {"and", "&", "or"}
_OF_WORDS = {"of", "for", "at", "to"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_MODIFIER_DEPS = {"amod", "compound"}
_NAME_TAGS = {"NNP", "NNPS"}
_NON_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Sentences looked back for the antecedent of a pronoun or a title without a name. Pronouns
# in news prose point at most two sentences back in practice; titles ("the spokesman") are
# re-used further from their introduction, so they look back further.
PRONOUN_WINDOW = 2
DESCRIPTION_WINDOW = 6
# Sentences looked back for the pair of states that "both nations" / "the two countries" refer
# to. Four sentences covered every group phrase in the seed articles; a pair further back is
# rarely what the writer means.
GROUP_WINDOW = 4
# Sentences around a title-with-alternatives ("India's top diplomat") in which a named holder of
# one of its roles decides which role the writer meant.
ALTERNATIVE_WINDOW = 2
# Words between a demonym/state and the sector noun it modifies ("Indian security personnel",
# "both nuclear-armed neighbours"): more than three and the noun belongs to something else.
MAX_GAP_WORDS = 3
MAX_NAME_WORDS = 4
# Words that may qualify a title between a country and it ("Ukraine's Infrastructure
# Minister", "Nigerian junior foreign minister"): three covers every such title in our dev
# sets; a longer run is a phrase of its own.
MAX_TITLE_QUALIFIERS = 3
_QUALIFIER_TAGS = {"JJ", "JJR", "JJS", "NN", "NNP", "NNS", "NNPS", "VBN"}
_QUALIFIER_LEX = {"sector", "state_noun"}
# Role keys of ministers and their spokespeople: "the ministry" after one of them is theirs.
MINISTERIAL = frozenset({"foreign_minister", "defence_minister", "trade_minister",
                         "finance_minister", "interior_minister", "foreign_secretary",
                         "foreign_ministry_spokesperson"})
# Words read past between "NAME, [the] [MOD]" and the title of an apposition ("X, a senior
# adviser to ...", "Y, the current foreign minister").
_APPOSITION_LEAD_WORDS = frozenset({"top", "senior", "chief", "official", "current"})
# Characters that may join the words of one phrase ("U.S. Secretary", "India's top").
_TIGHT_GAP = set(" '’-–‑.")
# A title word ending in a full stop this short is an abbreviation ("Gen.", "Lt."), whose stop
# does not end the phrase before a name.
MAX_ABBREVIATION = 4
# A byline ("By Masood Khan") is looked for in the first sentences only (headline, standfirst,
# byline, dateline).
BYLINE_SENTENCES = 6
# Sentences looked back for the state an office without a country acts for ("the foreign
# ministry said"): the sentence itself and the one before. Further back, in the dev articles,
# the last state to act was as often the other side as the office's own.
HOME_STATE_WINDOW = 1


# ── resolution state ────────────────────────────────────────────────────────────────────

@dataclass(slots=True)
class _M:
    """A mention under construction."""

    w0: int
    w1: int
    refs: tuple[ActorRef, ...]
    how: str
    sent: int
    person: bool = False
    plural: bool = False
    role_keys: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


class _Resolver:
    """One article's resolution: its words and atoms, the mentions found so far (in text
    order, which pronouns and titles look back over), and the people it introduced."""

    def __init__(self, parsed: ParsedDoc, base: ActorBase, published: str | None):
        self.doc = _Doc(parsed)
        self.base = base
        self.published = published
        self.span = date_range(published)
        self.mentions: list[_M] = []
        self.new_actors: dict[str, Actor] = {}
        self.guessed: set[str] = set()  # new actors whose country the context suggested
        self.local_names: dict[str, ActorRef] = {}  # surname → the person this article means
        self.taken: set[int] = set()  # words already inside a mention
        self._dateline: str | None = None  # the dateline's country once looked for ("" for none)
        _match_atoms(self.doc, _gazetteer(base))
        self.in_atom = {i for a in self.doc.atoms for i in range(a.w0, a.w1)}
        self.ents_by_sent: dict[int, list] = {}
        for ent in parsed.entities:
            self.ents_by_sent.setdefault(ent.sent, []).append(ent)
        self.by_sent: dict[int, list[int]] = {}
        for k, a in enumerate(self.doc.atoms):
            self.by_sent.setdefault(self.doc.words[a.w0].sent, []).append(k)

    # refs ------------------------------------------------------------------------------

    def ref(self, actor_id: str, text: str) -> ActorRef | None:
        actor = self.base.get(actor_id) or self.new_actors.get(actor_id)
        if actor is None:
            return None
        if actor.kind == "nsa" and actor.id in nsa_governments() and self.span:
            country, since = nsa_governments()[actor.id]
            since_range = date_range(since)
            if since_range and self.span[0] >= since_range[0]:
                gov = self.base.get(f"{country}-GOV")
                if gov:
                    actor = gov
        country, code = actor.country, actor.code or actor.country
        if actor.kind == "person":
            country, code = self.affiliation(actor, country, code)
        return ActorRef(actor_id=actor.id, name=actor.name, kind=actor.kind,
                        country=country, code=code, text=text)

    def affiliation(self, actor: Actor, country: str | None, code: str | None
                    ) -> tuple[str | None, str | None]:
        """Whom a person acts for on the article's date: someone who then holds only posts in
        an IGO or armed group (the UN Secretary-General, NATO's Secretary General) acts for
        that organisation, whatever their nationality, so the ref carries its code ("UN")
        and no country; otherwise the person's own country and code."""
        if self.span is None:
            roles = [r for r in actor.roles if r.end is None]
        else:
            roles = [r for _, r in self.base.roles_on(actor, self.published)]
        orgs = [r.org for r in roles if r.org]
        national = [r.country for r in roles if r.org is None and r.country]
        if national and country is None:  # Mark Rutte in 2020: the Dutch prime minister
            return national[-1], national[-1] + (actor.sectors[0] if actor.sectors else "GOV")
        if not orgs or national:
            return country, code
        org = self.base.get(orgs[-1])
        if org is None:
            return country, code
        if org.kind == "nsa":  # a group's leader acts for the group, in its country
            return org.country, org.code or code
        return None, org.code or org.id.upper()

    def kind(self, actor_id: str | None) -> str:
        """The kind of a base actor ("other" when the base has no such actor)."""
        actor = self.base.get(actor_id)
        return actor.kind if actor else "other"

    def sector_ref(self, country: str, sector: str, text: str) -> ActorRef | None:
        if sector == "STATE":
            return self.ref(country, text)
        return self.ref(f"{country}-{sector}", text) or self.ref(country, text)

    def text(self, w0: int, w1: int) -> str:
        start, end = self.doc.char_span(w0, w1)
        return self.doc.text[start:end]

    def add(self, m: _M) -> _M:
        self.mentions.append(m)
        self.taken.update(range(m.w0, m.w1))
        return m

    # atoms -----------------------------------------------------------------------------

    def atom(self, wi: int) -> _Atom | None:
        k = self.doc.atom_at.get(wi)
        return self.doc.atoms[k] if k is not None else None

    def skip_det(self, wi: int) -> int:
        return wi + 1 if self.doc.lower(wi) in _DETERMINERS else wi

    def countries_of(self, atom: _Atom) -> list[str]:
        """Countries an atom can stand for as a modifier (demonym, state, metonym...)."""
        out = []
        if atom.has("demonym"):
            out.append(atom.lex["demonym"])
        for p in atom.actors:
            a = self.base.get(p.actor)
            if a and a.kind in ("state", "government", "military") and a.country:
                out.append(a.country)
        return list(dict.fromkeys(out))

    def modifier(self, wi: int) -> tuple[list[tuple[str, _Atom]], int, bool] | None:
        """A country modifier starting at word wi: "Indian", "India's", "U.S.", "Indian and
        Pakistani", "Washington's". Returns ([(country, atom)], next word, possessive)."""
        out: list[tuple[str, _Atom]] = []
        w = wi
        while True:
            atom = self.atom(w)
            if atom is None:
                break
            countries = self.countries_of(atom)
            if len(countries) != 1:
                break
            out.append((countries[0], atom))
            w = atom.w1
            poss = w < len(self.doc.words) and self.doc.words[w].possessive
            if poss:
                w += 1
            if self.doc.lower(w) in _COORD and not poss:
                nxt = self.atom(w + 1)
                if nxt and len(self.countries_of(nxt)) == 1 and not nxt.has("title"):
                    w += 1
                    continue
            return out, w, poss
        return None

    # mention builders ------------------------------------------------------------------

    def resolve(self) -> None:
        doc = self.doc
        for sent in self.doc.parsed.sentences:
            self.appositive_names(sent)
            for k in self.by_sent.get(sent.index, []):
                atom = doc.atoms[k]
                if atom.w0 in self.taken:
                    continue
                (self.titled(atom) or self.group(atom) or self.sector(atom)
                 or self.bloc(atom) or self.igo_phrase(atom) or self.bare_office(atom)
                 or self.named(atom) or self.resident(atom) or self.nsa(atom)
                 or self.description(atom))
            self.local_surnames(sent)
            self.divided_halves(sent)
            self.ner_names(sent.index)
        self.mentions.sort(key=lambda m: m.w0)
        self.pronouns()
        self.mentions.sort(key=lambda m: m.w0)

    # titles ---------------------------------------------------------------------------

    def titled(self, atom: _Atom) -> bool:
        """[MOD] [QUALIFIERS] TITLE [NAME] and [MOD] TITLE [of/for X], with appositions."""
        doc = self.doc
        start = atom.w0
        mod = self.modifier(start)
        w = mod[1] if mod else start
        if mod is None and atom.actors and not atom.has("title"):
            w = atom.w1 + (1 if atom.w1 < len(doc.words) and doc.words[atom.w1].possessive
                           else 0)  # "UN Secretary-General", "Hamas's leader"
            if self.org_modifier(start, w) is None:
                return False
        after_mod = w
        not_current = False
        while not self.is_title(w) and (doc.lower(w) in _lexicon().not_current or (
                doc.lower(w) in ("top", "senior") and not self.atom(w))):
            not_current = not_current or doc.lower(w) in _lexicon().not_current
            w += 1
        if doc.lower(start - 1) in _lexicon().not_current:
            not_current = True
        # "Ukraine's Infrastructure Minister", "Lebanon's new President": words that qualify
        # the title between the modifier and it
        q0 = q = w
        while q - w < MAX_TITLE_QUALIFIERS and not self.is_title(q) and self.qualifier(q):
            q += 1
        w = q
        title_atom = self.atom(w)
        if title_atom is None or not title_atom.has("title") or title_atom.actors:
            return False
        if mod and len(mod[0]) != 1:
            return False
        if not self.tight(start, title_atom.w0 + 1):
            return False  # "Liberia, Defence Minister X"; "...Russia.\nPresident X"
        first = start
        if mod is None and after_mod == start:  # "Infrastructure Minister X": no modifier
            while first > 0 and start - first < MAX_TITLE_QUALIFIERS and \
                    self.qualifier(first - 1) and self.tight(first - 1, first + 1):
                first -= 1
            q0 = first
        qualifiers = [doc.lower(i) for i in range(q0, title_atom.w0)]
        titles = [title_atom.lex["title"]]
        title_words = [self.text(title_atom.w0, title_atom.w1)]
        w = title_atom.w1
        while (nxt := self.atom(w)) is not None and nxt.has("title") and not nxt.actors \
                and doc.words[w].sent == doc.words[w - 1].sent and doc.gap(w - 1) == " ":
            titles.append(nxt.lex["title"])
            title_words.append(self.text(nxt.w0, nxt.w1))
            w = nxt.w1
        country = mod[0][0][0] if mod else None
        mod_atom = mod[0][0][1] if mod else None
        org = None
        if mod is None:
            org = self.org_modifier(start, after_mod)
        if mod is None and org is None:  # "his Middle East envoy": whose the post is
            country, org = self.possessor(min(first, q0) - 1)
        if mod is None and org is None and titles[0].default_org:
            org = titles[0].default_org  # "the UN chief"
        name = self.name_after(w)
        if name is None and doc.gap(w - 1).strip() == "," and w < len(doc.words):
            name = self.name_after(w, appositive=True)
        # "MEA spokesperson", "State Department spokesman": the ministry names the office
        portfolio = self.portfolio(mod_atom, country) if mod_atom else None
        office = self.office(titles, country, org, portfolio)
        human_title = " ".join(([self.text(q0, title_atom.w0)] if qualifiers else [])
                               + title_words)
        if any(x not in neutral_qualifiers() for x in qualifiers):
            office = self.qualified(office)  # an "agriculture minister" is no minister of all
        if doc.lower(first - 1) in _DETERMINERS:
            first -= 1
        of = None
        if name is None:
            of = self.of_phrase(w)
            # "a spokesman for UN Secretary-General Antonio Guterres, Stephane Dujarric,"
            if of is not None and of[5] is not None and doc.gap(of[5] - 1).strip() == ",":
                name = self.name_after(of[5], appositive=True)
                if name is not None and name[2] is not None:
                    name = None  # a known person after the comma is someone else
            elif of is not None and of[5] is None and doc.gap(of[3] - 1).strip() == "," \
                    and of[3] < len(doc.words):
                # "the UN envoy for Sudan, Volker Perthes, ...": the name of the office holder
                name = self.name_after(of[3], appositive=True)
            elif of is None and (k := self.plain_pp_end(w)) is not None:
                # "the EU special representative for the dialogue, Miroslav Lajcak,"
                name = self.name_after(k, appositive=True)
                if name is not None and name[2] is None:
                    of = (None, None, None, k, None, None)
                else:
                    name = None
        if name is not None:
            n0, n1, person = name
            if person is None:
                c, o = country, org
                if of is not None:
                    c, o = c or of[0], o or of[2]
                elif c is None and o is None and (after := self.of_phrase(n1)) is not None \
                        and after[5] is None:
                    c, o = after[0], after[2]  # "King Hassan of Morocco"
                person = self.learn(n0, n1, office, human_title, c, start, org=o)
            if person is not None:
                current = not not_current  # "former Prime Minister X" holds no office now
                m_start = first if mod or org else q0 if qualifiers else title_atom.w0
                if of is not None:  # the title and the name are apart: two mentions
                    self.add(_M(first, of[3], (replace(person, text=self.text(first, of[3])),),
                                "title", doc.words[start].sent, person=True))
                    m_start = n0
                m = self.add(_M(m_start, n1, (person,), "title",
                                doc.words[start].sent, person=True,
                                role_keys=office[1] if current else (),
                                titles=(human_title.lower(),) if current else ()))
                if n1 - n0 > 1:  # "President Moon Jae-in", then "Moon" alone
                    self.remember(doc.words[n1 - 1].text, person)
                self.apposition(m)
                return True
        if all(t.rank for t in titles):
            return False
        # a title without a name
        end = w
        if of is not None:
            of_country, of_portfolio, of_org, end, of_sector, _ = of
            country = country or of_country
            org = org or of_org
            if of_sector:
                titles = [replace(t, sector=of_sector) for t in titles]
            office = self.office(titles, country, org, of_portfolio or portfolio)
            if any(x not in neutral_qualifiers() for x in qualifiers):
                office = self.qualified(office)
        if not_current:
            if mod:
                self.add_plain(mod_atom)
            return True
        indefinite = _INDEFINITE & {doc.lower(title_atom.w0 - 1), doc.lower(first),
                                    doc.lower(start - 1)}
        refs = self.office_holder(office, country, org, indefinite, doc.words[start].sent,
                                  human_title, first, end)
        if refs:
            self.add(_M(first, end, refs, "title", doc.words[start].sent,
                        person=refs[0].kind == "person", role_keys=office[1],
                        titles=(human_title.lower(),)))
            return True
        if mod:
            self.add_plain(mod_atom)
            return True
        return False

    def plain_pp_end(self, w: int) -> int | None:
        """The word after "for/of/to [the] <a few common words>," at word w ("for the
        dialogue,"), or None."""
        doc = self.doc
        if doc.lower(w) not in _OF_WORDS:
            return None
        k = w + 1
        while k < len(doc.words) and k - w <= MAX_GAP_WORDS + 1 and \
                doc.words[k].sent == doc.words[w].sent and doc.words[k].text.islower() and \
                self.atom(k) is None:
            if doc.gap(k).strip() == ",":
                return k + 1
            if doc.gap(k).strip():
                return None
            k += 1
        return None

    def possessor(self, w: int) -> tuple[str | None, str | None]:
        """(country, organisation) of what a possessive pronoun at word w stands for: the
        last person named for "his"/"her", the last state or organisation for "its"."""
        low = self.doc.lower(w)
        if low not in ("his", "her", "its"):
            return None, None
        sent = self.doc.words[w].sent
        for m in reversed(self.mentions):
            if m.w0 >= w or sent - m.sent > PRONOUN_WINDOW or len(m.refs) != 1 or \
                    m.person != (low != "its"):
                continue
            r = m.refs[0]
            if r.country:
                return r.country, None
            org = next((a.id for a in self.base.lookup_name(r.code or "")
                        if a.kind in ("igo", "nsa", "org")), None) if r.code else None
            return None, org or (r.actor_id if r.kind in ("igo", "nsa", "org") else None)
        return None, None

    def is_title(self, w: int) -> bool:
        a = self.atom(w)
        return a is not None and a.has("title") and not a.actors

    def qualifier(self, w: int) -> bool:
        """A word that may qualify a title ("Infrastructure" Minister, "new" President,
        "agriculture" minister): a free adjective or common/proper noun, not a name the base
        knows, not a date, not possessive."""
        doc = self.doc
        if not 0 <= w < len(doc.words) or w in self.taken:
            return False
        a = self.atom(w)
        if a is not None and (a.actors or a.w1 != w + 1 or not set(a.lex) <= _QUALIFIER_LEX):
            return False  # "opposition" leader, "security" chief: a sector word may qualify
        word = doc.words[w]
        tok = doc.token(w)
        if word.possessive or not word.text.isalpha() or tok.ent_type in _NON_NAME_ENTS \
                or tok.ent_type == "PERSON":
            return False
        if doc.lower(w) in _DETERMINERS or doc.lower(w) in _lexicon().not_current:
            return False
        return tok.tag in _QUALIFIER_TAGS

    def tight(self, w0: int, w1: int) -> bool:
        """Are words [w0, w1) one phrase: one sentence, joined by spaces, hyphens, the
        apostrophe of a possessive or an initial's stop (no comma, no line break)?"""
        doc = self.doc
        for i in range(w0, w1 - 1):
            if doc.words[i].sent != doc.words[i + 1].sent:
                return False
            gap = doc.gap(i)
            if "\n" in gap or not set(gap) <= _TIGHT_GAP:
                return False
            if "." in gap and len(doc.words[i].text) > MAX_ABBREVIATION:
                return False
        return True

    def qualified(self, office):
        """The office of a qualified title ("Infrastructure Minister"): no canonical role, so
        nobody is looked up for it."""
        title, _ = office
        return replace(title, lookup=False, role=None, countries=(), alternatives=(),
                       ministry_roles=(), igo_role=None), ()

    def org_modifier(self, start: int, title_w: int) -> str | None:
        """An IGO or NSA right before a title ("UN Secretary-General", "Hamas leader")."""
        atom = self.atom(start)
        if atom is None or atom.w1 != title_w and not (
                atom.w1 < len(self.doc.words) and self.doc.words[atom.w1].possessive
                and atom.w1 + 1 == title_w):
            return None
        for p in atom.actors:
            a = self.base.get(p.actor)
            if a and a.kind in ("igo", "nsa", "org"):
                return a.id
        return None

    def office(self, titles: list[TitleInfo], country: str | None, org: str | None,
               portfolio: str | None = None) -> tuple[TitleInfo, tuple[str, ...]]:
        """The title that names the office, and the role keys it may denote (first preferred)."""
        main = next((t for t in titles if not t.rank), titles[0])
        keys: list[str] = []
        if org:
            org_actor = self.base.get(org)
            if org_actor and org_actor.kind == "igo" and main.igo_role:
                keys.append(main.igo_role)
        elif portfolio and dict(main.ministry_roles).get(portfolio):
            keys.append(dict(main.ministry_roles)[portfolio])
            main = replace(main, lookup=True)  # one spokesperson per ministry at a time
        else:
            role = main.role_for(country) if country else main.role
            if role:
                keys.append(role)
                keys.extend(a for a in main.alternatives if a != role)
            if country in executive_presidents() and "head_of_state" in keys:
                keys.remove("head_of_state")  # "the Russian leader" is the president
                keys.insert(0, "head_of_state")
        return main, tuple(keys)

    def office_holder(self, office, country, org, indefinite, sent, human_title, w0, w1):
        """Refs for a title without a name: the holder on the article's date, the state's
        government/military when nobody is known, or an antecedent in the article."""
        title, keys = office
        text = self.text(w0, w1)
        if org:
            if keys and title.lookup and not indefinite and self.span:
                holder = self.base.holder(keys[0], org, self.published)
                if holder:
                    return (self.ref(holder.id, text),)
            r = self.ref(org, text)
            return (r,) if r else ()
        country = country or title.default_country
        if country is None:
            if not indefinite and self.doc.lower(w0) == "the":
                ante = self.antecedent_by_role(keys, human_title, sent, w0)
                if ante:
                    return (replace(ante, text=text),)
            # "a vice foreign minister summoned ...": an official who acts for the state the
            # sentence is about (an indefinite one never for the mere dateline)
            if indefinite or self.doc.lower(w0) != "the" or title.sector not in ("GOV", "MIL"):
                country = self.home_state(w0, w1, sent, dateline=False) if indefinite and \
                    title.sector in ("GOV", "MIL") else None
            else:
                country = self.home_state(w0, w1, sent)
            if country is None:
                return ()
            keys = ()  # which holder of a post the text did not tie to a state is a guess
        if keys and title.lookup and not indefinite:
            # a holder this article named comes first: the base may be out of date
            ante = self.antecedent_by_role(keys, human_title, sent, w0, country)
            if ante:
                return (replace(ante, text=text),)
            holders = []
            for key in keys if self.span else ():  # no date: nobody can be said to hold it
                h = self.base.holder(key, country, self.published)
                if h and h not in holders:
                    holders.append(h)
            if len(holders) > 1:
                named = [h for h in holders if self.named_nearby(h, sent)]
                if named:
                    holders = named
            if holders:
                return (self.ref(holders[0].id, text),)
        r = self.sector_ref(country, title.sector, text)
        return (r,) if r else ()

    def named_nearby(self, actor: Actor, sent: int) -> bool:
        """Is the actor named (by full name or surname) within a few sentences?"""
        names = {actor.name.lower(), surname(actor.name).lower(),
                 *(a.lower() for a in actor.aliases)}
        for s in range(max(0, sent - ALTERNATIVE_WINDOW), sent + ALTERNATIVE_WINDOW + 1):
            if s >= len(self.doc.parsed.sentences):
                break
            text = self.doc.parsed.sentences[s].text.lower()
            if any(re.search(r"\b" + re.escape(n) + r"\b", text) for n in names if n):
                return True
        return False

    def antecedent_by_role(self, keys, human_title, sent, before_w, country=None):
        """The most recent person in the article who holds one of these roles (or was given
        this title), within DESCRIPTION_WINDOW sentences."""
        lowered = human_title.lower()
        for m in reversed(self.mentions):
            if m.w0 >= before_w or not m.person or sent - m.sent > DESCRIPTION_WINDOW:
                continue
            r = m.refs[0]
            if country and r.country != country:
                continue
            if set(keys) & set(m.role_keys) or any(
                    lowered == t or t.startswith(lowered + " ") or t.endswith(" " + lowered)
                    for t in m.titles):
                return r
            actor = self.base.get(r.actor_id) or self.new_actors.get(r.actor_id or "")
            if actor and keys:
                held = {k for k, _ in self.base.roles_on(actor, self.published) if k}
                if set(keys) & held:
                    return r
        return None

    def of_phrase(self, w: int):
        """"of/for/to [the] X" after a title: (country, portfolio, org, end word, sector,
        person end) or None. The sector is that of a sector noun or service ("for the
        Pakistani military"). When X is a person ("an adviser to President Volodymyr
        Zelensky", "a spokesman for UN Secretary-General Antonio Guterres") the title takes
        that person's country or organisation, ends before the preposition, and the last
        item is the word after the person's name (else None)."""
        doc = self.doc
        if doc.lower(w) not in _OF_WORDS:
            return None
        v = self.skip_det(w + 1)
        boss = self.person_phrase(v)
        if boss is not None:
            country, org, name_end = boss
            return country, None, org, w, None, name_end
        mod = self.modifier(v)
        country, portfolio, org = None, None, None
        if mod and len(mod[0]) == 1:
            country = mod[0][0][0]
            end = mod[0][0][1].w1
            nxt = self.atom(mod[1])
            sector = None
            if nxt and (nxt.has("ministry") or nxt.has("named_ministry")):
                portfolio = self.portfolio(nxt, country)
                end = nxt.w1
            elif nxt and nxt.has("sector") and nxt.w0 == mod[1]:
                sector = nxt.lex["sector"]
                end = nxt.w1
            elif mod[2]:
                end = mod[1] - 1
            atom = mod[0][0][1]
            if atom.has("named_ministry"):
                portfolio = atom.lex["named_ministry"][1]
            for p in atom.actors:
                a = self.base.get(p.actor)
                if a and a.kind == "military":
                    sector = "MIL"
            return country, portfolio, None, end, sector, None
        atom = self.atom(v)
        if atom is not None:
            for p in atom.actors:
                a = self.base.get(p.actor)
                if a and a.kind in ("igo", "nsa", "org"):
                    return None, None, a.id, atom.w1, None, None
        return None

    def person_phrase(self, v: int):
        """[MOD] [TITLE] NAME at word v, naming a person: (country, org, word after the name)
        or None. An unknown name counts only after a title ("Prime Minister Ahmed Khan")."""
        doc = self.doc
        k, country, org = v, None, None
        mod = self.modifier(k)
        if mod and len(mod[0]) == 1:
            country, k = mod[0][0][0], mod[1]
        elif (o := self.org_modifier(k, (self.atom(k).w1 if self.atom(k) else k))) and \
                self.is_title(self.atom(k).w1):
            org, k = o, self.atom(k).w1
        titled = False
        while self.is_title(k):
            titled, k = True, self.atom(k).w1
        if (mod or org) and not titled:
            return None
        name = self.name_after(k)
        if name is None or (name[2] is None and not titled):
            return None
        ref = name[2]
        if ref is not None:
            country = ref.country or country
            if ref.country is None and ref.code:
                org = next((a.id for a in self.base.lookup_name(ref.code)
                            if a.kind in ("igo", "nsa", "org")), org)
        return country, org, name[1]

    def portfolio(self, atom: _Atom, country: str | None) -> str | None:
        """The portfolio of a ministry atom ("MEA" → foreign), if it is one."""
        if atom.has("named_ministry"):
            iso, portfolio = atom.lex["named_ministry"]
            return portfolio if country in (None, iso) else None
        return atom.lex.get("ministry")

    # names -----------------------------------------------------------------------------

    def name_after(self, w: int, appositive: bool = False):
        """A person's name starting at word w: (w0, w1, ref or None for an unknown name)."""
        doc = self.doc
        if w >= len(doc.words) or w == 0 or doc.words[w].sent != doc.words[w - 1].sent:
            return None
        gap = doc.gap(w - 1).strip()
        if appositive and gap != ",":
            return None
        if not appositive and gap not in ("", ".") or \
                gap == "." and len(doc.words[w - 1].text) > MAX_ABBREVIATION:
            return None  # "Lt. Gen. Farhan Qadir": the full stop of an abbreviated title
        run = self.name_run(w)
        if run is None:
            return None
        w0, w1, person_atom = run
        if appositive and not (w1 >= len(doc.words) or doc.gap(w1 - 1).strip() in (",", "")):
            return None
        if person_atom is not None:
            ref = self.person_ref(person_atom, w0, w1)
            if ref is not None:
                return w0, w1, ref
            if w1 - w0 == 1:
                return None
        if w1 - w0 == 0:
            return None
        return w0, w1, None

    def name_run(self, w: int):
        """Capitalised proper-noun words from w (an initial such as "S." included), ending at
        a known person's name if one follows. (w0, w1, person atom or None)."""
        doc = self.doc
        end = w
        while end < len(doc.words) and end - w < MAX_NAME_WORDS:
            atom = self.atom(end)
            if atom is not None:
                persons = [p for p in atom.actors if self.kind(p.actor) == "person"]
                if persons:
                    after = self.name_words_after(atom.w1)
                    if after > atom.w1 and self.continues_name(atom, persons, after):
                        # "Sheikh Mohammed bin Abdulrahman Al Thani": the same person, in full
                        return w, after, _Atom(atom.w0, after, tuple(persons), atom.lex)
                    if after > atom.w1:  # "Farhan Qadir": a first name that is someone's surname
                        return w, after, None
                    return w, atom.w1, atom
                if end > w or atom.lex or atom.actors:
                    break
            word = doc.words[end]
            tok = doc.token(end)
            if not word.text[0].isupper() or word.possessive or tok.ent_type in _NON_NAME_ENTS:
                break  # "prime minister February 4": a date is no name
            if tok.tag not in _NAME_TAGS and not (len(word.text) == 1 and
                                                  doc.text[word.end:word.end + 1] == "."):
                break
            if end > w and doc.words[end].sent != doc.words[w].sent:
                break
            if end > w and not set(doc.gap(end - 1)) <= set(" .-"):
                break
            end += 1
        if end == w:
            return None
        return w, end, None

    def continues_name(self, atom: _Atom, persons, after: int) -> bool:
        """Do the name words after a multi-word name of one person belong to that person's
        own full name ("... bin Abdulrahman" + "Al Thani")?"""
        if len(persons) != 1 or not persons[0].exact or len(persons[0].words) < 2:
            return False
        actor = self.base.get(persons[0].actor) or self.new_actors.get(persons[0].actor)
        if actor is None:
            return False
        full = " ".join([actor.name, *actor.aliases]).lower()
        return all(re.search(r"\b" + re.escape(self.doc.words[i].text.lower()) + r"\b", full)
                   for i in range(atom.w1, after))

    def name_words_after(self, w: int) -> int:
        """End of capitalised, unknown proper-noun words right after word w - 1 (same sentence,
        joined by spaces or hyphens; none in a headline)."""
        doc = self.doc
        end = w
        if 0 < w < len(doc.words) and doc.words[w - 1].sent in doc.headlines:
            return w
        while end < len(doc.words) and end - w < MAX_NAME_WORDS and end > 0:
            if doc.words[end].sent != doc.words[end - 1].sent or \
                    doc.gap(end - 1) not in (" ", "-") or not self.name_word(end):
                break
            end += 1
        return end

    def name_word(self, w: int) -> bool:
        """A capitalised proper-noun word that no other name claims: free, or a one-word
        person name ("Ali" and "Shah" inside "Syed Ali Shah Gilani")."""
        doc = self.doc
        word = doc.words[w]
        if not word.text[0].isupper() or word.possessive or w in self.taken or \
                doc.token(w).tag not in _NAME_TAGS:
            return False
        atom = self.atom(w)
        if atom is None:
            return w not in self.in_atom
        return atom.w1 == w + 1 and not atom.lex and all(
            self.kind(p.actor) == "person" for p in atom.actors)

    def person_ref(self, atom: _Atom, w0: int, w1: int) -> ActorRef | None:
        """The person a name atom means, given any first names before it (w0 < atom.w0)."""
        if w1 - w0 == 1 and not self.name_like(w0):
            return None
        text = self.text(w0, w1)
        extra = [self.doc.words[i].text.lower() for i in range(w0, atom.w0)]
        cands = []
        for p in atom.actors:
            a = self.base.get(p.actor) or self.new_actors.get(p.actor)
            if a is None or a.kind != "person":
                continue
            full = " ".join([a.name, *a.aliases]).lower()
            if all(re.search(r"\b" + re.escape(x) + r"\b", full) for x in extra):
                cands.append((p, a))
        if not cands:
            return None
        if not extra:  # a surname alone: the person this article already named, if any
            # ("Barrow" after "Adama Barrow" is not Dean Barrow, whom the base knows better)
            local = self.local_names.get(self.doc.words[atom.w1 - 1].text.lower())
            if local and local.kind == "person" and (local.actor_id in self.new_actors or
                                                     any(local.actor_id == a.id for _, a in cands)):
                return replace(local, text=text)
        if len(cands) == 1 and (cands[0][0].exact or extra):
            return self.ref(cands[0][1].id, text)
        exact = [a for p, a in cands if p.exact]
        pool = exact or [a for _, a in cands]
        if self.span and (len(pool) > 1 or not exact):
            # a surname alone, or several people with that name: only who held office then
            pool = [a for a in pool if any(self.base.roles_on(a, self.published))]
        if len(pool) == 1:
            return self.ref(pool[0].id, text)
        return None

    def name_like(self, w: int) -> bool:
        """Is word w used as a proper name ("May" in "Theresa May", not in "on May 10"; not
        the pronoun "He")?"""
        tok = self.doc.token(w)
        return self.doc.words[w].text[0].isupper() and tok.tag not in ("PRP", "PRP$") and \
            tok.ent_type not in _NON_NAME_ENTS

    def learn(self, n0: int, n1: int, office, human_title: str, country: str | None,
              start: int, org: str | None = None) -> ActorRef | None:
        """A person the base does not know, introduced with a title: a new corpus actor, of
        ``org`` when the title is held there ("spokesman for the Secretary-General")."""
        title, keys = office
        name = self.text(n0, n1)
        if len(name.split()) < 2 and self.doc.token(n0).tag not in _NAME_TAGS or \
                self.doc.words[n0].sent in self.doc.headlines:
            return None  # a headline's capitals do not delimit a name
        org_actor = self.base.get(org) if org else None
        if org_actor is not None and org_actor.kind != "igo":
            country = country or org_actor.country  # a group's official: its country
            org_actor = None
        guessed = False
        if org_actor is None:
            sent = self.doc.words[start].sent
            country = country or title.default_country
            if country is None:  # the sentence's own country, else the title just before's
                country = self.context_country(sent, min(start, n0), n1, previous=False) \
                    or self.cataphora_country(keys, sent, start) \
                    or self.context_country(sent, min(start, n0), n1)
                guessed = country is not None
        else:
            country = None
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        actor_id = slug if self.base.get(slug) is None else f"{slug}-{(country or 'x').lower()}"
        sentence = self.doc.parsed.sentences[self.doc.words[n0].sent].text
        existing = self.new_actors.get(actor_id)
        if existing is None:
            role_title = self.role_title(human_title, keys, country)
            code = (org_actor.code or org_actor.id.upper()) if org_actor else \
                (country + title.sector if country else None)
            actor = Actor(
                id=actor_id, name=name, kind="person", country=country,
                aliases=(surname(name),) if surname(name) != name else (),
                sectors=(title.sector,),
                roles=(Role(title=role_title, country=country, start=self.published,
                            org=org_actor.id if org_actor else None),),
                code=code, origin="corpus", evidence=sentence)
            self.new_actors[actor_id] = actor
            if guessed:
                self.guessed.add(actor_id)
        ref = self.ref(actor_id, self.text(n0, n1))
        if ref:
            self.remember(surname(name), ref)
        return ref

    def context_country(self, sent: int, w0: int, w1: int, previous: bool = True
                        ) -> str | None:
        """The country an official introduced without one most likely serves: the only
        country the sentence names (besides those of other officials' titles), else the only
        one the previous sentence's mentions stand for. "Infrastructure Minister Oleksandr
        Kubrakov said Ukraine..." → UKR; None when the context names several."""
        found: set[str] = set()
        for k in self.by_sent.get(sent, []):
            atom = self.doc.atoms[k]
            if w0 <= atom.w0 < w1 or atom.has("title") or self.modifies_title(atom):
                continue
            if any(self.kind(p.actor) == "person" for p in atom.actors):
                continue
            if self.aimed_at(atom):
                continue
            found.update(self.countries_of(atom))
        if not found and previous:
            for m in self.mentions:
                if m.sent == sent - 1 and m.how not in ("pronoun", "group"):
                    found.update(self.countries(m))
        return found.pop() if len(found) == 1 else None

    def aimed_at(self, atom: _Atom) -> bool:
        """Is this country word where the sentence's action goes rather than where its
        actor is at home: the object of a verb ("visited France") or of a preposition such
        as "against", "with", "to" ("threatened action against Russia")? Possessives,
        subjects and "in/of X" are home ground ("Haiti's elections", "curfew in Sudan")."""
        tokens = self.doc.tokens
        t = tokens[self.doc.words[atom.w1 - 1].tok]
        if t.dep == "poss":
            return False
        modifier = False
        for _ in range(3):  # "Ugandan opposition candidates": the phrase's head decides
            if t.dep in ("amod", "compound", "nmod", "flat") and t.head != t.i:
                modifier, t = True, tokens[t.head]
            elif t.dep == "conj" and t.head != t.i:
                t = tokens[t.head]
            else:
                break
        if modifier and t.lemma.lower() in _lexicon().act_nouns:
            return True  # "called the Chinese action dangerous": the other side's act
        if t.dep == "pobj" and t.head != t.i:
            return tokens[t.head].text.lower() not in _lexicon().home_prepositions
        if t.dep in ("dobj", "dative"):
            return not modifier  # "banned Ugandan candidates" is home; "visited France" not
        return False

    def modifies_title(self, atom: _Atom) -> bool:
        """Is this country word the modifier of a title ("South African leader")?"""
        w = atom.w1
        if w < len(self.doc.words) and self.doc.words[w].possessive:
            w += 1
        for _ in range(MAX_TITLE_QUALIFIERS + 1):
            if self.is_title(w):
                return self.tight(atom.w0, w + 1)
            if not self.qualifier(w) and self.doc.lower(w) not in _lexicon().not_current:
                return False
            w += 1
        return False

    def add_role(self, actor_id: str, office, human_title: str, country: str | None,
                 org: str | None = None) -> None:
        """A further title for a person this article introduced ("Lt. Gen. Farhan Qadir, a
        spokesman for the Pakistani military")."""
        actor = self.new_actors[actor_id]
        title, keys = office
        role_title = self.role_title(human_title, keys, country)
        if any(r.title == role_title for r in actor.roles):
            return
        org_actor = self.base.get(org) if org else None
        if org_actor is not None and org_actor.kind != "igo":
            country, org_actor = country or org_actor.country, None
        roles = tuple(r for r in actor.roles if role_key_for_title(r.title, r.country)) + (
            Role(title=role_title, country=None if org_actor else country or actor.country,
                 start=self.published, org=org_actor.id if org_actor else None),)
        if org_actor is not None and actor.country is None:
            self.new_actors[actor_id] = replace(
                actor, roles=roles, sectors=(title.sector,),
                code=org_actor.code or org_actor.id.upper())
            return
        if actor_id in self.guessed and country and country != actor.country:
            # the apposition says whom the person serves; the context only guessed it
            self.guessed.discard(actor_id)
            roles = tuple(replace(r, country=country) if r.country == actor.country else r
                          for r in roles)
            actor = replace(actor, country=None)
        country = actor.country or country
        self.new_actors[actor_id] = replace(actor, roles=roles, country=country,
                                            sectors=(title.sector,),
                                            code=country + title.sector if country else None)

    def role_title(self, human_title: str, keys, country: str | None) -> str:
        """The title to record for a learned role: the text's, unless only a canonical title
        names the office ("spokesman" for a foreign ministry)."""
        if keys and role_key_for_title(human_title, country) != keys[0]:
            return next((t.surfaces[0] for t in load_titles()
                         if t.role == keys[0] and not t.countries), human_title)
        return human_title

    def cataphora_country(self, keys, sent: int, before_w: int) -> str | None:
        """The country of a nameless title with the same role just before ("India's top
        diplomat. Foreign Secretary Vikram Misri said...")."""
        for m in reversed(self.mentions):
            if m.w0 >= before_w or sent - m.sent > 1:
                continue
            if set(keys) & set(m.role_keys) and m.refs and m.refs[0].country:
                return m.refs[0].country
        return None

    def remember(self, surname_word: str, ref: ActorRef) -> None:
        """Note the word a later bare name uses for a person this article named: the
        surname, and for names written family name first ("Wang Yi", "Moon Jae-in") the
        first word too, unless another person named here already goes by it."""
        self.local_names[surname_word.lower()] = ref
        words = (ref.name or "").split()
        if len(words) > 1 and ref.country in _lexicon().family_name_first:
            first = words[0].lower()
            held = self.local_names.get(first)
            if held is None or held.actor_id == ref.actor_id:
                self.local_names[first] = ref

    def divided_halves(self, sent) -> None:
        """"the North", "the South" for one half of a divided country the article named
        with its other half ("North Korea" and "South Korea", "Sudan" and "South Sudan"):
        not a compass point, nor the start of a longer name ("the South China Sea")."""
        doc = self.doc
        states = {}
        for m in self.mentions:
            for r in m.refs:
                if r.kind == "state" and r.actor_id and r.name:
                    states[r.name] = r.actor_id
        if len(states) < 2:
            return
        for w in doc.sent_words.get(sent.index, ()):
            word = doc.words[w]
            if w in self.taken or word.text not in ("North", "South") or w == 0 or \
                    doc.lower(w - 1) != "the" or doc.words[w - 1].sent != word.sent:
                continue
            if w + 1 < len(doc.words) and doc.words[w + 1].sent == word.sent and \
                    doc.words[w + 1].text[:1].isupper() and doc.gap(w) == " ":
                continue
            halves = [(n, i) for n, i in states.items() if n.startswith(word.text + " ")]
            halves = [(n, i) for n, i in halves
                      if any(o != n and o.endswith(n.split(" ", 1)[1]) for o in states)]
            if len(halves) != 1:
                continue
            ref = self.ref(halves[0][1], word.text)
            if ref is not None:
                self.add(_M(w, w + 1, (ref,), "alias", word.sent))

    def local_surnames(self, sent) -> None:
        """Surnames of people this article introduced (and the base may not know): "Rashidi"
        after "Foreign Secretary Amna Rashidi"."""
        doc = self.doc
        for w in doc.sent_words.get(sent.index, ()):
            word = doc.words[w]
            if w in self.taken or self.atom(w) is not None:
                continue
            ref = self.local_names.get(word.text.lower())
            if ref is None or not word.text[0].isupper() or not self.name_like(w):
                continue
            if w + 1 < len(doc.words) and doc.words[w + 1].sent == word.sent and \
                    doc.words[w + 1].text[0].isupper() and doc.gap(w) == " " and \
                    self.name_like(w + 1):
                continue  # part of a longer name
            if w > 0 and doc.words[w - 1].sent == word.sent and doc.gap(w - 1) == " " and \
                    doc.words[w - 1].text[0].isupper() and self.name_like(w - 1):
                continue
            self.add(_M(w, w + 1, (replace(ref, text=word.text),), "alias", word.sent,
                        person=True, role_keys=self.held_keys(ref)))

    def appositive_names(self, sent) -> None:
        """Unknown names followed by an apposition with a title ("Raveesh Kumar, the
        spokesman for ..."): found before titles are read, so the title describes the name."""
        doc = self.doc
        for w in doc.sent_words.get(sent.index, ()):
            if w in self.taken or self.atom(w) is not None:
                continue
            if w - 1 >= 0 and doc.words[w - 1].sent == sent.index and \
                    doc.words[w - 1].text[0].isupper() and doc.token(w - 1).tag in _NAME_TAGS \
                    and set(doc.gap(w - 1)) <= set(" .-"):
                continue  # not the start of a name
            run = self.name_run(w)
            if run is None or run[2] is not None or run[1] - run[0] < 2:
                continue
            if run[1] >= len(doc.words) or doc.gap(run[1] - 1).strip() != ",":
                continue
            v = self.skip_det(run[1])
            mod = self.modifier(v)
            t = mod[1] if mod else v
            while doc.lower(t) in _APPOSITION_LEAD_WORDS:
                t += 1
            q0 = t
            while t - q0 < MAX_TITLE_QUALIFIERS and not self.is_title(t) and self.qualifier(t):
                t += 1
            title_atom = self.atom(t)
            if title_atom is None or not title_atom.has("title"):
                continue
            self.unknown_person(run[0], run[1])

    # plain names, sector phrases, groups ---------------------------------------------------

    def named(self, atom: _Atom) -> bool:
        """A plain name: person, state, metonym, IGO, NSA, military or ministry name."""
        doc = self.doc
        if not atom.actors:
            return False
        persons = [p for p in atom.actors if self.kind(p.actor) == "person"]
        if persons and len(persons) < len(atom.actors):
            # "UN" is the United Nations, not Kim Jong Un: a person wins only on exact case
            words = tuple(self.doc.words[i].text for i in range(atom.w0, atom.w1))
            persons = [p for p in persons if p.words == words]
            if not persons:
                atom = _Atom(atom.w0, atom.w1, tuple(
                    p for p in atom.actors if self.kind(p.actor) != "person"), atom.lex)
        if persons:
            run = self.first_names_before(atom)
            after = self.name_words_after(atom.w1)
            if after > atom.w1 and self.continues_name(atom, persons, after):
                atom = _Atom(atom.w0, after, tuple(persons), atom.lex)
            elif after > atom.w1:  # "Farhan Qadir" is not Faisal bin Farhan
                return self.unknown_person(run, after)
            ref = self.person_ref(atom, run, atom.w1)
            if ref is None and run < atom.w0:  # "Masood Khan" is not "Imran Khan"
                return self.unknown_person(run, atom.w1)
            if ref is None:
                if atom.w1 - atom.w0 == 1 and not self.name_like(atom.w0):
                    return False  # "He", "May 10": not a name here
                ref = ActorRef(None, self.text(atom.w0, atom.w1), "other",
                               text=self.text(atom.w0, atom.w1))
            w0 = run
            # "the Trump administration", "the Modi government", "Sharif's office"
            k = atom.w1 + (1 if atom.w1 < len(doc.words) and doc.words[atom.w1].possessive
                           else 0)
            nxt = self.atom(k)
            if nxt and ref.country and nxt.w1 == k + 1 and \
                    doc.lower(k) in _lexicon().person_government_nouns:
                gov = self.sector_ref(ref.country, "GOV", self.text(w0, nxt.w1))
                if gov:
                    self.add(_M(w0, nxt.w1, (gov,), "name", doc.words[w0].sent))
                    return True
            m = self.add(_M(w0, atom.w1, (ref,), "name" if atom.w1 - w0 > 1 or persons[0].exact
                            else "alias", doc.words[w0].sent, person=True,
                            role_keys=self.held_keys(ref)))
            if w0 < atom.w0 or atom.w1 - atom.w0 > 1:
                self.remember(doc.words[atom.w1 - 1].text, ref)
            self.apposition(m)
            return True
        if self.name_words_after(atom.w1) > atom.w1:
            return False  # "Washington Post", "India Today": part of another name
        refs = []
        for p in atom.actors:
            r = self.ref(p.actor, self.text(atom.w0, atom.w1))
            if r:
                refs.append(r)
        if len(refs) != 1:
            refs = self.disambiguate(refs)
        if len(refs) != 1:
            return False
        how = self.how(atom, refs[0])
        if atom.has("demonym") and self.demonym_is_modifier(atom):
            return False
        self.add(_M(atom.w0, atom.w1, (refs[0],), how, doc.words[atom.w0].sent))
        return True

    def held_keys(self, ref: ActorRef) -> tuple[str, ...]:
        actor = self.base.get(ref.actor_id) or self.new_actors.get(ref.actor_id or "")
        if actor is None:
            return ()
        return tuple(k for k, _ in self.base.roles_on(actor, self.published) if k)

    def disambiguate(self, refs: list[ActorRef]) -> list[ActorRef]:
        """Among several actors with one name, those whose country the article mentions."""
        seen = {r.country for m in self.mentions for r in m.refs}
        kept = [r for r in refs if r.country in seen]
        return kept if len(kept) == 1 else []

    def first_names_before(self, atom: _Atom) -> int:
        """Start of capitalised name words right before a person name ("Masood" of
        "Masood Khan"); atom.w0 when there are none (and always in a headline)."""
        doc = self.doc
        w = atom.w0
        if doc.words[w].sent in doc.headlines:
            return w
        while w - 1 >= 0 and atom.w0 - (w - 1) < MAX_NAME_WORDS:
            if doc.words[w - 1].sent != doc.words[atom.w0].sent or \
                    not set(doc.gap(w - 1)) <= set(" .-") or not self.name_word(w - 1):
                break
            w -= 1
        return w

    def unknown_person(self, w0: int, w1: int) -> bool:
        text = self.text(w0, w1)
        local = self.local_names.get(text.split()[-1].lower())
        ref = local if local and local.name == text else ActorRef(None, text, "other", text=text)
        m = self.add(_M(w0, w1, (ref,), "unresolved", self.doc.words[w0].sent, person=True))
        self.remember(self.doc.words[w1 - 1].text, ref)
        self.apposition(m)
        if m.refs[0].actor_id is None:
            self.described_name(m)
        return True

    def apposition(self, m: _M) -> None:
        """"NAME, [the] [MOD] TITLE [for/of X]," after a person mention: the description is
        a mention of the same person; an unknown NAME becomes a new corpus actor."""
        doc = self.doc
        w = m.w1
        if w >= len(doc.words) or doc.gap(w - 1).strip() != ",":
            return
        v = w
        if doc.lower(v) in _DETERMINERS:
            v += 1
        mod = self.modifier(v)
        t = mod[1] if mod else v
        while doc.lower(t) in _APPOSITION_LEAD_WORDS:
            if self.atom(t) is not None:
                break
            t += 1
        q0 = t
        while t - q0 < MAX_TITLE_QUALIFIERS and not self.is_title(t) and self.qualifier(t):
            t += 1
        title_atom = self.atom(t)
        if title_atom is None or not title_atom.has("title") or title_atom.actors:
            return
        if doc.words[t].sent != m.sent or not self.tight(v, t + 1):
            return
        qualifiers = [doc.lower(i) for i in range(q0, t)]
        titles = [title_atom.lex["title"]]
        end = title_atom.w1
        country = mod[0][0][0] if mod and len(mod[0]) == 1 else None
        org = self.org_modifier(v, title_atom.w0) if mod is None else None
        of = self.of_phrase(end)
        portfolio = None
        if of is not None:
            country = country or of[0]
            portfolio = of[1]
            org = org or of[2]
            end = of[3]
            if of[4]:
                titles = [replace(ti, sector=of[4]) for ti in titles]
        office = self.office(titles, country, org, portfolio)
        human_title = self.text(q0, title_atom.w1)
        if any(x not in neutral_qualifiers() for x in qualifiers):
            office = self.qualified(office)
        ref = m.refs[0]
        if ref.actor_id in self.new_actors and (office[1] or country or org):
            self.add_role(ref.actor_id, office, human_title, country, org)
            ref = self.ref(ref.actor_id, ref.text) or ref
            m.refs = (ref,)
            self.remember(surname(ref.name or ""), ref)
        if ref.actor_id is None:  # an unknown person, introduced by the apposition
            new = self.learn(m.w0, m.w1, office, human_title, country, m.w0, org=org)
            if new is None:
                return
            m.refs = (new,)
            m.how = "apposition"
            ref = new
        m.role_keys = tuple(dict.fromkeys((*m.role_keys, *office[1])))
        m.titles = (*m.titles, human_title.lower())
        self.add(_M(w, end, (replace(ref, text=self.text(w, end)),), "apposition", m.sent,
                    person=True, role_keys=office[1], titles=(human_title.lower(),)))

    def demonym_is_modifier(self, atom: _Atom) -> bool:
        """A demonym that only modifies a noun ("the Afghan war") is not a mention of the
        state; one used as a noun ("Pakistanis") is."""
        tok = self.doc.token(atom.w1 - 1)
        return tok.dep in _MODIFIER_DEPS or tok.pos == "ADJ" or tok.tag == "JJ"

    def add_plain(self, atom: _Atom) -> None:
        if atom.w0 not in self.taken and atom.actors:
            refs = [r for r in (self.ref(p.actor, self.text(atom.w0, atom.w1))
                                for p in atom.actors) if r]
            if len(refs) == 1:
                self.add(_M(atom.w0, atom.w1, (refs[0],), self.how(atom, refs[0]),
                            self.doc.words[atom.w0].sent))

    def how(self, atom: _Atom, ref: ActorRef) -> str:
        """How a plain name resolved: "metonym" for a capital standing for a government."""
        if ref.kind == "government":
            return "metonym"
        if ref.kind == "military":
            return "alias"
        if ref.kind == "state" and atom.has("demonym"):
            return "demonym"
        return "name"

    def sector(self, atom: _Atom) -> bool:
        """MOD [adjectives] SECTOR-NOUN: "Indian officials", "Pakistan's military", "Indian and
        Pakistani military officials", "a tariff on Indian goods"; and SECTOR of STATE."""
        doc = self.doc
        if atom.has("sector") and doc.lower(atom.w1) == "of":
            v = self.skip_det(atom.w1 + 1)
            mod = self.modifier(v)
            if mod and len(mod[0]) == 1 and not mod[2]:
                country, m_atom = mod[0][0]
                sector = atom.lex["sector"]
                w0 = atom.w0 - 1 if doc.lower(atom.w0 - 1) in _DETERMINERS else atom.w0
                r = self.sector_ref(country, sector, self.text(w0, m_atom.w1))
                if r:
                    self.add(_M(w0, m_atom.w1, (r,), "demonym", doc.words[atom.w0].sent,
                                plural=doc.token(atom.w0).tag == "NNS"))
                    return True
        mod = self.modifier(atom.w0)
        if mod is None:
            return False
        mods, w, poss = mod
        head = None
        gap_words = 0
        if w < len(doc.words) and doc.gap(w - 1) in _HYPHENS and \
                doc.words[w].text.islower() and doc.token(w).tag == "VBN":
            # "Russian-made jets", "Saudi-led coalition": the country is the participle's
            # agent or origin, not the noun's owner
            if doc.lower(w) not in _lexicon().origin_participles:
                for c, a in mods:
                    if a.w0 not in self.taken and not a.actors:
                        r = self.ref(c, self.text(a.w0, a.w1))
                        if r:
                            self.add(_M(a.w0, a.w1, (r,), "demonym", doc.words[a.w0].sent))
                    elif a.actors:
                        self.add_plain(a)
            else:
                for _, a in mods:
                    self.taken.update(range(a.w0, a.w1))  # "British-born": no actor
            return True
        if w >= len(doc.words) or (doc.gap(w - 1) not in (" ", "-", "–", "‑") and not poss):
            w = len(doc.words)  # "KYIV, Ukraine": a comma ends the phrase
        while w < len(doc.words) and gap_words <= MAX_GAP_WORDS:
            a = self.atom(w)
            if a is not None:
                if a.has("sector") or a.has("state_noun") or a.has("nsa_noun") or \
                        a.has("ministry") or a.has("named_ministry"):
                    head = a
                elif a.actors and all(self.same_country(p.actor, mods) for p in a.actors):
                    head = a
                break
            word = doc.words[w]
            tok = doc.token(w)
            if word.text[0].isupper() or tok.pos not in ("ADJ", "NOUN", "ADV", "VERB") or \
                    tok.tag in ("VBD", "VBZ", "VBP", "MD") or word.sent != doc.words[atom.w0].sent:
                break
            if tok.dep not in ("amod", "compound", "advmod", "npadvmod", "nmod") and \
                    not doc.gap(w).startswith(tuple(_HYPHENS)):
                break  # a noun that heads its own phrase ("Pakistan's strength")
            if doc.gap(w - 1) not in (" ", "-", "–", "‑", "") and not (
                    w - 1 >= 0 and doc.words[w - 1].possessive):
                break
            gap_words += 1
            w += 1
        if head is None and not poss and self.demonym_phrase(mods):
            return True
        if head is None or (gap_words and head.actors):
            if len(mods) > 1 or not mods[0][1].actors:
                for _, a in mods:  # "India and Pakistan"; "Pakistanis protested"
                    self.add_plain_or_demonym(a)
                return len(mods) > 1 or mods[0][1].w0 in self.taken
            return False
        head_tok = doc.token(head.w1 - 1)
        end = head.w1
        if head_tok.dep in _MODIFIER_DEPS and not head.actors and \
                self.atom_covering_token(head_tok.head) is None:
            people = self.person_head(head, head_tok)
            if people is None:
                # "U.S. military equipment", "Chinese coast guard ships": the sector word
                # modifies a non-actor noun; the country word alone is the actor
                if len(mods) > 1 or not mods[0][1].actors:
                    for _, a in mods:
                        if a.actors:
                            self.add_plain_or_demonym(a)
                        elif a.w0 not in self.taken:
                            r = self.ref(a.lex["demonym"], self.text(a.w0, a.w1))
                            if r:
                                self.add(_M(a.w0, a.w1, (r,), "demonym", doc.words[a.w0].sent))
                    return True
                return False
            end = people + 1  # "British navy specialists": people of that sector
            head_tok = doc.token(people)
        w0 = mods[0][1].w0
        sent = doc.words[w0].sent
        text = self.text(w0, end)
        refs = []
        if head.actors:
            for p in head.actors:
                r = self.ref(p.actor, text)
                if r:
                    refs.append(r)
            how = "metonym" if refs and refs[0].kind == "government" else "name"
        elif head.has("nsa_noun"):
            refs = [ActorRef(None, doc.words[head.w1 - 1].text.lower(), "nsa", country=c,
                             text=text) for c, _ in mods]
            how = "description"
        else:
            sector = head.lex.get("sector") or ("GOV" if head.has("ministry") or head.has(
                "named_ministry") else "STATE")
            if head.has("state_noun") and not head.has("sector"):
                sector = "STATE"
            for c, _ in mods:
                r = self.sector_ref(c, sector, text)
                if r and r not in refs:
                    refs.append(r)
            how = "demonym"
        if not refs:
            return False
        self.add(_M(w0, end, tuple(refs), how, sent,
                    plural=len(refs) > 1 or head_tok.tag in ("NNS", "NNPS")))
        return True

    def noun_head(self, first: _Atom, last: _Atom | None = None) -> tuple[int, Token] | None:
        """The common noun that the modifier ``first`` (coordinated up to ``last``: "Turkish
        and Greek") modifies, a few words to the right in the same phrase: (its word index,
        its token), or None ("Western capitals" → capitals; none in "Indian Ocean states",
        a name, or after a hyphen)."""
        doc = self.doc
        last = last or first
        if last.w1 >= len(doc.words) or doc.gap(last.w1 - 1) != " ":
            return None
        tokens = doc.tokens
        t = doc.token(first.w1 - 1)
        for _ in range(MAX_GAP_WORDS + 1):
            if t.dep not in ("amod", "compound", "nmod") or t.head <= t.i:
                break
            t = tokens[t.head]
        if t.i <= doc.token(last.w1 - 1).i or t.sent != doc.token(first.w0).sent:
            return None
        hw = bisect_right(doc.word_starts, t.idx) - 1
        if hw < last.w1 or hw - last.w1 > MAX_GAP_WORDS:
            return None
        for k in range(last.w1, hw + 1):
            a = self.atom(k)
            if k in self.taken or (a is not None and a.actors) or (
                    k > last.w1 and not set(doc.gap(k - 1)) <= set(" -–‑")):
                return None
            if k < hw and doc.words[k].text[0].isupper():
                return None  # "Indian Ocean states", "Chinese New Year": part of a name
        return hw, t

    def bloc(self, atom: _Atom) -> bool:
        """BLOC-ADJECTIVE NOUN: "European governments" → the EU, "Western capitals" → the
        West; the adjective alone before a noun that names an act ("Western sanctions")."""
        if not atom.has("bloc") or atom.actors:
            return False
        doc = self.doc
        found = self.noun_head(atom)
        if found is None:
            return False
        hw, t = found
        low = t.lemma.lower()
        if t.pos != "NOUN" or not doc.words[hw].text[0].islower() or \
                low in _lexicon().not_actor_after_demonym:
            return False
        end = atom.w1 if low in _lexicon().act_nouns or doc.lower(hw) in \
            _lexicon().act_nouns else hw + 1
        ref = self.ref(atom.lex["bloc"], self.text(atom.w0, end))
        if ref is None:
            return False
        self.add(_M(atom.w0, end, (ref,), "demonym", doc.words[atom.w0].sent,
                    plural=t.tag == "NNS" and end > atom.w1))
        return True

    def igo_phrase(self, atom: _Atom) -> bool:
        """IGO + people noun: "UN officials", "NATO troops", "EU countries" → the IGO."""
        doc = self.doc
        kinds = {self.kind(p.actor) for p in atom.actors}
        if kinds != {"igo"} or len(atom.actors) != 1:
            return False
        found = self.noun_head(atom)
        if found is None:
            return False
        hw, t = found
        head = self.atom(hw)
        if not ((head is not None and head.w1 == hw + 1 and (head.has("sector") or head.has(
                "group"))) or doc.lower(hw) in _lexicon().person_heads
                or doc.lower(hw) in _lexicon().igo_member_nouns):
            return False
        ref = self.ref(atom.actors[0].actor, self.text(atom.w0, hw + 1))
        if ref is None:
            return False
        self.add(_M(atom.w0, hw + 1, (ref,), "name", doc.words[atom.w0].sent,
                    plural=t.tag == "NNS"))
        return True

    def bare_office(self, atom: _Atom) -> bool:
        """"the ministry", "the Defence Ministry", "the government", "the army" with no
        country: the country of the same kind of body the last few sentences named (for a
        ministry, any ministry or minister: one government's ministries are siblings); with
        none named, the state the sentence or story is about (``home_state``)."""
        doc = self.doc
        if atom.actors or doc.lower(atom.w1) == "of":
            return False
        if doc.lower(atom.w0 - 1) != "the":
            return self.home_force(atom)
        ministry = atom.has("ministry")
        sector = "GOV" if ministry else atom.lex.get("sector")
        if sector not in ("GOV", "MIL") or not (
                ministry or self.text(atom.w0, atom.w1).lower() in _lexicon().bare_bodies):
            return False
        sent = doc.words[atom.w0].sent
        kinds = {"GOV": "government", "MIL": "military"}
        # "the Defence Ministry in Lima", "In Minsk, the ministry said": the place says whose
        located = self.home_state(atom.w0 - 1, atom.w1, sent, located_only=True)
        for m in reversed(self.mentions) if located is None else ():
            if m.w0 >= atom.w0 or sent - m.sent > DESCRIPTION_WINDOW or len(m.refs) != 1 \
                    or m.how in ("pronoun", "group"):
                continue
            r = m.refs[0]
            if not r.country:
                continue
            if ministry:
                if not (self.names_ministry(m) or (m.person and set(m.role_keys) & MINISTERIAL)):
                    continue
            elif not (r.kind == kinds[sector] or (m.person and (r.code or "").endswith(sector))):
                continue
            text = self.text(atom.w0 - 1, atom.w1)
            ref = self.sector_ref(r.country, sector, text)
            if ref is None:
                return False
            self.add(_M(atom.w0 - 1, atom.w1, (ref,), "description", sent))
            return True
        # no sibling body named: an office that speaks or acts ("the defence ministry said")
        # is one of the state the sentence or the story is about
        country = self.home_state(atom.w0 - 1, atom.w1, sent)
        ref = self.sector_ref(country, sector, self.text(atom.w0 - 1, atom.w1)) if country else None
        if ref is None:
            return False
        self.add(_M(atom.w0 - 1, atom.w1, (ref,), "description", sent))
        return True

    def home_force(self, atom: _Atom) -> bool:
        """"security forces fired tear gas", "police detained dozens": a state's own forces
        of order named without a state act for the state the sentence or story is about."""
        doc = self.doc
        words = self.text(atom.w0, atom.w1).lower()
        located = words in _lexicon().located_forces
        if not (located or words in _lexicon().home_forces) or (
                atom.w0 > 0 and doc.words[atom.w0 - 1].sent == doc.words[atom.w0].sent
                and self.atom(atom.w0 - 1) is not None and not doc.gap(atom.w0 - 1).strip()):
            return False
        sent = doc.words[atom.w0].sent
        # an army or troops: only the place the clause names says whose they are
        country = self.home_state(atom.w0, atom.w1, sent, located_only=located)
        ref = self.sector_ref(country, atom.lex["sector"], self.text(atom.w0, atom.w1)) if country else None
        if ref is None:
            return False
        self.add(_M(atom.w0, atom.w1, (ref,), "description", sent, plural=True))
        return True

    def home_state(self, w0: int, w1: int, sent: int, dateline: bool = True,
                   located_only: bool = False) -> str | None:
        """The state whose office a subject phrase without a country names ("the foreign
        ministry said", "a vice foreign minister summoned ..."): the place it is "in" ("the
        Defence Ministry in Kyiv", "In Ankara, the ministry said"), else the state that last
        acted (the subject of a clause earlier in the sentence or in the one before), else,
        with ``dateline``, the country the article is filed from. A state the clause acts on
        ("summoned Japan's ambassador") is never the office's own. None when nothing says."""
        doc, tokens = self.doc, self.doc.tokens
        t0, t1 = doc.tok_span(w0, w1)
        heads = [t for t in range(t0, t1) if not t0 <= tokens[t].head < t1 or tokens[t].head == t]
        if len(heads) != 1 or tokens[heads[0]].dep not in _SUBJECT_DEPS:
            return None
        head = heads[0]
        verb = tokens[head].head
        aimed = self.clause_targets(verb)
        for anchor in (head, verb):
            for c in self.children(anchor, ("prep",)):
                if tokens[c].text.lower() != "in":
                    continue
                for o in self.children(c, ("pobj",)):
                    atom = self.atom_at_token(o)
                    countries = self.countries_of(atom) if atom is not None else []
                    if len(countries) == 1 and countries[0] not in aimed:
                        return countries[0]
        if located_only:
            return None
        for m in reversed(self.mentions):
            if m.w0 >= w0 or not 0 <= sent - m.sent <= HOME_STATE_WINDOW or len(m.refs) != 1 \
                    or m.how == "group":
                continue
            r = m.refs[0]
            if r.country and r.kind in ("state", "government", "military", "person") \
                    and r.country not in aimed and self.is_subject(m):
                return r.country
        # "Thousands marched in Tbilisi, and police fired ...": the one state the sentence is
        # at home in
        home = self.context_country(sent, w0, w1, previous=False)
        if home and home not in aimed:
            return home
        if dateline and (home := self.dateline_country()) and home not in aimed:
            return home
        return None

    def children(self, t: int, deps: tuple[str, ...]) -> list[int]:
        """Tokens of t's sentence attached to t by one of these dependencies."""
        return [c.i for c in self.sentence_tokens(self.doc.tokens[t].sent)
                if c.head == t and c.i != t and c.dep in deps]

    def sentence_tokens(self, sent: int) -> list[Token]:
        s = self.doc.parsed.sentences[sent]
        return list(self.doc.tokens[s.tok_start:s.tok_end])

    def clause_targets(self, verb: int) -> set[str]:
        """Countries named inside the objects of a clause's verb (its direct and indirect
        objects and the objects of its non-locative prepositions, with any verb coordinated
        to it): where the action goes, never who does it."""
        tokens = self.doc.tokens
        verbs = [verb] + self.children(verb, ("conj",))
        roots = [c for v in verbs for c in self.children(v, ("dobj", "dative", "prep", "xcomp"))
                 if tokens[c].dep != "prep" or tokens[c].text.lower() not in _lexicon().home_prepositions]
        out: set[str] = set()
        for t in self.sentence_tokens(tokens[verb].sent):
            k, hops = t.i, 0
            while k not in roots and tokens[k].head != k and hops < 8:
                k, hops = tokens[k].head, hops + 1
            if k in roots and (atom := self.atom_at_token(t.i)) is not None:
                out.update(self.countries_of(atom))
        return out

    def atom_at_token(self, ti: int) -> _Atom | None:
        """The atom (state, capital, demonym...) whose words cover token ti."""
        for k in self.by_sent.get(self.doc.tokens[ti].sent, []):
            a = self.doc.atoms[k]
            t0, t1 = self.doc.tok_span(a.w0, a.w1)
            if t0 <= ti < t1:
                return a
        return None

    def dateline_country(self) -> str | None:
        """The country of the dateline ("ANKARA, June 3 -", "KYIV (Reuters) -"): a run of
        capitals opening one of the first sentences, before a dash, colon, comma or bracket,
        that names a state or its capital."""
        if self._dateline is not None:
            return self._dateline or None
        self._dateline = ""
        doc = self.doc
        for s in range(min(BYLINE_SENTENCES, len(doc.parsed.sentences))):
            words = doc.sent_words.get(s)
            if not words:
                continue
            w = words.start
            while w < words.stop and doc.words[w].text.isupper() and len(doc.words[w].text) > 1:
                w += 1
            if w == words.start or not set(doc.gap(w - 1).strip()[:1]) & set(":-—–(,"):
                continue
            atom = self.atom(words.start)
            countries = self.countries_of(atom) if atom is not None and atom.w1 == w else []
            if len(countries) == 1:
                self._dateline = countries[0]
                break
        return self._dateline or None

    def names_ministry(self, m: _M) -> bool:
        """Does a mention's text name a ministry ("Russia's Defence Ministry", "Foreign
        Ministry spokeswoman Maria Zakharova")?"""
        for i in range(m.w0, m.w1):
            a = self.atom(i)
            if a is not None and (a.has("ministry") or a.has("named_ministry")):
                return True
            if a is not None and a.has("title") and "ministry" in self.text(a.w0, a.w1).lower():
                return True
        return False

    def person_head(self, head: _Atom, head_tok: Token) -> int | None:
        """The word of a people noun that a sector word modifies ("navy specialists",
        "army officers", "government sources"), right after it; None for any other noun."""
        doc = self.doc
        w = head.w1
        if w >= len(doc.words) or doc.gap(w - 1) != " " or w in self.taken or \
                doc.words[w].tok != head_tok.head or \
                doc.lower(w) not in _lexicon().person_heads:
            return None
        return w

    def demonym_phrase(self, mods) -> bool:
        """DEMONYM [words] NOUN with a noun no lexicon lists: the noun phrase stands for the
        country ("an Indian proposal", "Iraqi towns", "Turkish and Greek sides", "a Russian
        drone" when no sector word says more), or for its people when the noun is an ethnic
        group ("Bosnian Serbs", "Iraqi Kurds"). Not for nouns that name no actor ("the
        Afghan war"), proper nouns ("Indian Ocean") or hyphened modifiers
        ("Russian-occupied")."""
        doc = self.doc
        if any(a.actors or not a.has("demonym") for _, a in mods):
            return False
        first, last = mods[0][1], mods[-1][1]
        if doc.lower(first.w0 - 1) in _lexicon().ethnic_markers:
            return False
        found = self.noun_head(first, last)
        if found is None:
            return False
        hw, t = found
        head_atom = self.atom(hw)
        ethnic = t.ent_type == "NORP" or (head_atom is not None and head_atom.has("demonym"))
        if ethnic and t.tag in ("NNPS", "NNS"):
            sector = "CVL"  # a people living in the country
        elif t.pos != "NOUN" or not doc.words[hw].text[0].islower() or \
                t.lemma.lower() in _lexicon().not_actor_after_demonym or \
                doc.lower(hw) in _lexicon().not_actor_after_demonym or t.ent_type in _NON_NAME_ENTS:
            return False
        elif head_atom is not None and head_atom.has("sector"):
            sector = head_atom.lex["sector"]
        else:
            sector = "STATE"
        if doc.lower(hw) == "counterpart" and len(mods) == 1:
            # "Hulusi Akar and his Russian counterpart": who holds his post in Russia
            holder = self.counterpart_holder(first.w0, mods[0][0])
            if holder is not None:
                text = self.text(first.w0, hw + 1)
                self.add(_M(first.w0, hw + 1, (replace(holder, text=text),), "description",
                            doc.words[first.w0].sent, person=True))
                return True
        if sector == "STATE" and (t.lemma.lower() in _lexicon().act_nouns or
                                  doc.lower(hw) in _lexicon().act_nouns):
            # "an Indian proposal": the demonym is the agent of the act the noun names
            for _, a in mods:
                r = self.ref(a.lex["demonym"], self.text(a.w0, a.w1))
                if r:
                    self.add(_M(a.w0, a.w1, (r,), "demonym", doc.words[a.w0].sent))
            return True
        text = self.text(first.w0, hw + 1)
        refs = []
        for c, _ in mods:
            r = self.sector_ref(c, sector, text)
            if r and r not in refs:
                refs.append(r)
        if not refs:
            return False
        self.add(_M(first.w0, hw + 1, tuple(refs), "demonym", doc.words[first.w0].sent,
                    plural=len(refs) > 1 or t.tag in ("NNS", "NNPS")))
        return True

    def counterpart_holder(self, w: int, country: str) -> ActorRef | None:
        """The holder in ``country``, on the article's date, of the post of the person a
        possessive before word w stands for ("his Russian counterpart")."""
        if self.doc.lower(w - 1) not in ("his", "her") or self.span is None:
            return None
        sent = self.doc.words[w].sent
        for m in reversed(self.mentions):
            if m.w0 >= w or sent - m.sent > PRONOUN_WINDOW or not m.person or \
                    len(m.refs) != 1:
                continue
            for key in m.role_keys:
                holder = self.base.holder(key, country, self.published)
                if holder is not None:
                    return self.ref(holder.id, "")
            return None
        return None

    def atom_covering_token(self, ti: int) -> _Atom | None:
        for a in self.doc.atoms:
            t0, t1 = self.doc.tok_span(a.w0, a.w1)
            if t0 <= ti < t1 and (a.has("sector") or a.has("state_noun") or a.has("nsa_noun")):
                return a
        return None

    def add_plain_or_demonym(self, atom: _Atom) -> None:
        if atom.w0 in self.taken:
            return
        if atom.actors:
            self.add_plain(atom)
        elif atom.has("demonym") and not self.demonym_is_modifier(atom):
            doc = self.doc
            w0 = atom.w0
            home = self.residence(atom.w1)
            if doc.lower(w0 - 1) in _lexicon().ethnic_markers:
                # "ethnic Albanians [in south Serbia]": a people, of the state it lives in
                w0 -= 1
                r = self.sector_ref(home, "CVL", self.text(w0, atom.w1)) if home else \
                    ActorRef(None, self.text(w0, atom.w1), "other",
                             text=self.text(w0, atom.w1))
            elif home and home != atom.lex["demonym"] and doc.lower(atom.w1) == "of":
                # "the Albanians of southern Serbia": that state's people
                r = self.sector_ref(home, "CVL", self.text(w0, atom.w1))
            else:
                r = self.ref(atom.lex["demonym"], self.text(w0, atom.w1))
            if r:
                self.add(_M(w0, atom.w1, (r,), "demonym", doc.words[atom.w0].sent,
                            plural=doc.token(atom.w1 - 1).tag in ("NNS", "NNPS")))

    def residence(self, w: int, places: bool = False) -> str | None:
        """The state in "in/of [the] [south/northern...] STATE" right after word w - 1; with
        ``places``, also "throughout/across/from" and a capital ("in Baghdad")."""
        doc = self.doc
        preps = ("in", "of", "throughout", "across", "from") if places else ("in", "of")
        if doc.lower(w) not in preps or w + 1 >= len(doc.words) or \
                doc.words[w + 1].sent != doc.words[w].sent:
            return None
        v = self.skip_det(w + 1)
        for _ in range(2):  # "southern", "north-eastern"
            if self.atom(v) is None and doc.token(v).tag == "JJ" and doc.words[v].text.islower():
                v += 1
        a = self.atom(v)
        if a is None or a.has("demonym"):
            return None
        if not places and any(self.kind(p.actor) !=
                              "state" for p in a.actors):
            return None  # "of Moscow" is the government's, not the people's home
        countries = self.countries_of(a)
        return countries[0] if len(countries) == 1 else None

    def same_country(self, actor_id: str, mods) -> bool:
        a = self.base.get(actor_id)
        return a is not None and a.country in {c for c, _ in mods} and a.kind in (
            "government", "military", "state")

    def group(self, atom: _Atom) -> bool:
        """"both nations", "the two nuclear-armed neighbours" → the last pair of states."""
        doc = self.doc
        parties = dict(_lexicon().party_nouns)
        if atom.has("group") and atom.w1 == atom.w0 + 1 and \
                doc.lower(atom.w0 - 1) in parties.get(doc.lower(atom.w0), ()):
            # "the parties", "every party", "all sides": the sides of the matter at hand
            w0 = atom.w0 - 1
            if doc.lower(w0 - 1) == "all":  # "all the parties"
                w0 -= 1
            return self.add_group(w0, atom, atom.lex["group"])
        if not atom.has("quantifier"):
            return False
        w = atom.w1
        gap_words = 0
        head = None
        while w < len(doc.words) and gap_words <= MAX_GAP_WORDS:
            a = self.atom(w)
            if a is not None:
                if a.has("group"):
                    head = a
                break
            word = doc.words[w]
            if word.text[0].isupper() or doc.token(w).pos not in ("ADJ", "NOUN", "VERB", "ADV") \
                    or not set(doc.gap(w - 1)) <= set(" -–‑"):
                break
            gap_words += 1
            w += 1
        if head is None:
            return False
        w0 = atom.w0 - 1 if doc.lower(atom.w0 - 1) == "the" and doc.lower(atom.w0) != "the" \
            else atom.w0
        return self.add_group(w0, head, head.lex["group"])

    def add_group(self, w0: int, head: _Atom, kind: str) -> bool:
        """A group mention from w0 to the group noun ``head``: the recent persons or pair of
        states it refers to."""
        doc = self.doc
        sent = doc.words[head.w0].sent
        end = head.w1
        # "both nations' leaders": the possessed sector noun decides
        if end < len(doc.words) and doc.words[end].possessive:
            nxt = self.atom(end + 1)
            if nxt and nxt.has("sector"):
                kind = nxt.lex["sector"] if kind == "STATE" else kind
                end = nxt.w1
        text = self.text(w0, end)
        refs: list[ActorRef] = []
        if kind == "PERSONS":
            persons = self.recent_persons(sent, w0)
            if persons:
                refs = [replace(p, text=text) for p in persons]
            else:
                kind = "GOV"
        if not refs and doc.lower(head.w0) in dict(_lexicon().party_nouns):
            sides = self.recent_sides(sent, w0)  # "the two sides": the army and the RSF
            refs = [replace(r, text=text) for r in sides]
        if not refs:
            pair = self.recent_pair(sent, w0, self.clause_subject_countries(head))
            if not pair:
                return False
            refs = [r for r in (self.sector_ref(c, kind, text) for c in pair) if r]
        if len(refs) < 2:
            return False
        self.add(_M(w0, end, tuple(refs), "group", sent, plural=True,
                    person=refs[0].kind == "person"))
        return True

    def recent_persons(self, sent: int, before_w: int) -> list[ActorRef]:
        """The two most recent distinct persons, from the current or previous sentence."""
        for s in (sent, sent - 1):
            found: list[ActorRef] = []
            for m in reversed(self.mentions):
                if m.sent != s or m.w0 >= before_w or not m.person:
                    continue
                r = m.refs[0]
                key = r.actor_id or r.name
                if key not in {x.actor_id or x.name for x in found}:
                    found.append(r)
            if len(found) >= 2:
                return list(reversed(found[:2]))
        return []

    def clause_subject_countries(self, head: _Atom) -> set[str]:
        """Countries of the subject of the clause a group phrase sits in: "Trump ... with both
        countries" never means the US and another ("bring two countries together")."""
        tokens = self.doc.tokens
        t = tokens[self.doc.words[head.w1 - 1].tok]
        hops = 0
        while t.pos not in ("VERB", "AUX") and t.head != t.i and hops < 6:
            t = tokens[t.head]
            hops += 1
        subjects = {k.i for k in tokens if k.head == t.i and k.dep in _SUBJECT_DEPS}
        out = set()
        for m in self.mentions:
            if m.person or len(m.refs) == 1:
                if self.covers(m, subjects):
                    out.update(self.countries(m))
        return out

    def recent_sides(self, sent: int, before_w: int) -> list[ActorRef]:
        """The two sides "the parties" / "the two sides" refer to: in each sentence going
        back, the last pair of distinct actors put side by side ("Sudan's army and the Rapid
        Support Forces", "Israel and Hamas", a group mention), even of one country; never
        those who only report ("Saudi and U.S. officials said")."""
        for s in [*range(sent, max(-1, sent - GROUP_WINDOW - 1), -1),
                  *range(sent - GROUP_WINDOW - 1, -1, -1)]:
            if s == sent - GROUP_WINDOW - 1:  # none near: the sides the article named before
                for m in reversed(self.mentions):
                    if m.how == "group" and m.w0 < before_w and \
                            self.doc.lower(m.w1 - 1) in dict(_lexicon().party_nouns):
                        return list(m.refs)
            ms = sorted((m for m in self.mentions if m.sent == s and m.w0 < before_w
                         and m.how != "pronoun" and not self.reports(m)), key=lambda m: m.w0)
            found: list[tuple[bool, list[ActorRef]]] = []
            for m in ms:
                if len(m.refs) >= 2 and len({self.side_key(r) for r in m.refs}) >= 2:
                    found.append((self.is_subject(m), list(m.refs[:2])))
            for k, (a, b) in enumerate(zip(ms, ms[1:])):
                if k > 0 and self.doc.gap(a.w0 - 1).strip() == "," and ms[k - 1].w1 == a.w0:
                    continue  # "Qatar, Egypt and the United States": a list, not two sides
                between = [self.doc.lower(i) for i in range(a.w1, b.w0)]
                if len(a.refs) == 1 and len(b.refs) == 1 and between and \
                        between[0] in _COORD and len(between) <= 3 and \
                        self.doc.gap(a.w1 - 1).strip() in ("", ",") and \
                        all(self.doc.token(i).pos in ("DET", "ADJ") for i in range(
                            a.w1 + 1, b.w0)) and \
                        self.side_key(a.refs[0]) != self.side_key(b.refs[0]):
                    found.append((self.is_subject(a), [a.refs[0], b.refs[0]]))
            if found:  # sides that act ("Israel and Hamas have agreed") before mere mentions
                return ([f for subj, f in found if subj] or [f for _, f in found])[-1]
        return []

    def side_key(self, r: ActorRef):
        """One key per side: a state's own bodies are one side, an armed group another."""
        if r.country and r.kind in ("state", "government", "military"):
            return ("country", r.country)
        return ("actor", r.actor_id or r.name)

    def reports(self, m: _M) -> bool:
        """Is the mention the subject of a reporting verb ("officials said")?"""
        tokens = self.doc.tokens
        t0, t1 = self.doc.tok_span(m.w0, m.w1)
        for t in range(t0, t1):
            tok = tokens[t]
            if tok.dep in _SUBJECT_DEPS and tokens[tok.head].lemma.lower() in \
                    _lexicon().report_verbs:
                return True
        return False

    def recent_pair(self, sent: int, before_w: int, exclude: set[str] = frozenset()
                    ) -> list[str]:
        """The pair of countries a group phrase refers to: in each sentence going back, a
        coordinated pair ("India and Pakistan", a group) or two distinct countries; never
        a country in ``exclude``."""
        for s in range(sent, max(-1, sent - GROUP_WINDOW - 1), -1):
            ms = [m for m in self.mentions if m.sent == s and m.w0 < before_w
                  and not (set(self.countries(m)) & exclude)]
            ms.sort(key=lambda m: m.w0)
            for m in reversed(ms):
                cs = self.countries(m)
                if len(cs) >= 2:
                    return cs[:2]
            for a, b in zip(ms, ms[1:]):
                between = " ".join(self.doc.lower(i) for i in range(a.w1, b.w0))
                if between in ("and", "or", "") or between.endswith("and"):
                    ca, cb = self.countries(a), self.countries(b)
                    if len(ca) == 1 and len(cb) == 1 and ca != cb:
                        if between or self.doc.gap(a.w1 - 1).strip() in ("-", "–", "‑", "/"):
                            pair = [ca[0], cb[0]]
                            return pair
            seen: list[str] = []
            for m in reversed(ms):
                for c in self.countries(m):
                    if c not in seen:
                        seen.append(c)
            if len(seen) >= 2:
                return list(reversed(seen[:2]))
        return []

    def countries(self, m: _M) -> list[str]:
        out = []
        for r in m.refs:
            if r.country and r.kind in ("state", "government", "military", "person"):
                if r.country not in out:
                    out.append(r.country)
        return out

    def nsa(self, atom: _Atom) -> bool:
        """"militants", "a terror attack": an unnamed non-state armed actor."""
        doc = self.doc
        tok = doc.token(atom.w1 - 1)
        if atom.has("nsa_mod"):
            nxt = self.atom(atom.w1)
            if nxt is not None and nxt.has("attack"):
                text = self.text(atom.w0, nxt.w1)
                self.add(_M(atom.w0, nxt.w1, (ActorRef(None, _lexicon().unnamed_nsa_label, "nsa",
                                                        text=text),),
                            "description", doc.words[atom.w0].sent))
                return True
        if atom.has("nsa_noun") and tok.dep not in _MODIFIER_DEPS and tok.pos != "ADJ":
            text = self.text(atom.w0, atom.w1)
            # "rebels in the Ivory Coast": the group's country
            home = self.residence(atom.w1, places=True)
            self.add(_M(atom.w0, atom.w1, (ActorRef(None, text.lower(), "nsa", country=home,
                                                    text=text),),
                        "description", doc.words[atom.w0].sent, plural=tok.tag == "NNS"))
            return True
        return False

    def resident(self, atom: _Atom) -> bool:
        """A people noun without a country word before it but with a place after it:
        "demonstrators in Baghdad", "students throughout Indonesia", "refugees from Syria"
        are that country's people."""
        doc = self.doc
        if atom.actors or atom.lex.get("sector") != "CVL" or \
                doc.token(atom.w1 - 1).dep in _MODIFIER_DEPS:
            return False
        home = self.residence(atom.w1, places=True)
        if home is None:
            return False
        ref = self.sector_ref(home, "CVL", self.text(atom.w0, atom.w1))
        if ref is None:
            return False
        self.add(_M(atom.w0, atom.w1, (ref,), "description", doc.words[atom.w0].sent,
                    plural=doc.token(atom.w1 - 1).tag == "NNS"))
        return True

    def description(self, atom: _Atom) -> bool:
        """"the leaders" → the two people just named; "the leader" → the head of state or
        government just named."""
        doc = self.doc
        if not atom.has("desc") or doc.lower(atom.w0 - 1) != "the":
            return False
        sent = doc.words[atom.w0].sent
        text = self.text(atom.w0 - 1, atom.w1)
        if atom.lex["desc"] == "plural":
            persons = self.recent_persons(sent, atom.w0)
            if len(persons) < 2:
                return False
            self.add(_M(atom.w0 - 1, atom.w1, tuple(replace(p, text=text) for p in persons),
                        "description", sent, person=True, plural=True))
            return True
        heads = {"head_of_state", "head_of_government"}
        for m in reversed(self.mentions):
            if m.w0 >= atom.w0 or sent - m.sent > PRONOUN_WINDOW or not m.person:
                continue
            if heads & set(m.role_keys):
                self.add(_M(atom.w0 - 1, atom.w1, (replace(m.refs[0], text=text),),
                            "description", sent, person=True, role_keys=m.role_keys))
                return True
        return False

    # NER names the base does not know ----------------------------------------------------

    def ner_names(self, sent: int) -> None:
        """PERSON/ORG spans of one sentence that no name in the base matched: kept as
        unresolved names (a person's surname then refers to them later in the article)."""
        doc = self.doc
        word_starts = doc.word_starts
        lex = _lexicon()
        for ent in self.ents_by_sent.get(sent, ()):
            if ent.label not in ("PERSON", "ORG"):
                continue
            if any(c.isdigit() for c in ent.text) or ent.text.lower() in lex.channels:
                continue
            if not self.could_be_actor(ent) or ent.sent in doc.headlines:
                continue
            w0 = bisect_right(word_starts, ent.start) - 1
            if w0 < 0 or doc.words[w0].start != ent.start:
                continue
            w1 = w0
            while w1 < len(doc.words) and doc.words[w1].end <= ent.end:
                w1 += 1
            if w1 == w0 or any(i in self.taken for i in range(w0, w1)):
                continue
            home = self.home_of_name(w0, w1) if ent.label == "ORG" else None
            if home is None and any(
                    a.has("region") or a.has("title") or a.has("demonym")
                    for a in (self.atom(i) for i in range(w0, w1)) if a is not None):
                continue  # a place, or a title or demonym the model took for a name
            text = self.text(w0, w1)
            if home is not None:  # "the Nigerian Union of Teachers", "Kenya Airways"
                self.add(_M(w0, w1, (ActorRef(None, text, "org", country=home, code=home,
                                              text=text),), "unresolved", doc.words[w0].sent))
                continue
            if ent.label == "PERSON":
                local = self.local_names.get(doc.words[w1 - 1].text.lower())
                ref = replace(local, text=text) if local else ActorRef(None, text, "other",
                                                                        text=text)
                m = self.add(_M(w0, w1, (ref,), "unresolved" if ref.actor_id is None else
                                "alias", doc.words[w0].sent, person=True))
                if w1 - w0 > 1 and not local:
                    self.remember(doc.words[w1 - 1].text, ref)
                self.apposition(m)
                if m.refs[0].actor_id is None:
                    self.described_name(m)
            else:
                self.add(_M(w0, w1, (ActorRef(None, text, "other", text=text),), "unresolved",
                            doc.words[w0].sent))

    def described_name(self, m: _M) -> None:
        """An unknown name whose neighbours say whose it is: "her Zambian counterpart Mulambo
        Haimbe" (a person of the counterpart's state, holding the post of the one whose
        counterpart they are), "Kulbhushan Jadhav, an Indian national" (a national of that
        state). The name becomes a corpus actor of that state; a later surname finds it."""
        doc, lex = self.doc, _lexicon()
        w0, w1 = m.w0, m.w1
        p = w0 - 1
        if p >= 0 and doc.gap(p).strip() == ",":
            p -= 1
        country, keys, sector = None, (), "GOV"
        if p >= 1 and doc.lower(p) in lex.counterpart_nouns and doc.gap(p - 1).strip() == "":
            mod = next(((a, k) for k in range(max(0, p - 3), p) if (a := self.atom(k)) is not None
                        and a.w1 == p and len(self.countries_of(a)) == 1), None)
            if mod is not None:
                country = self.countries_of(mod[0])[0]
                owner = next((o for o in reversed(self.mentions) if o.person and o.w0 < mod[1]
                              and m.sent - o.sent <= PRONOUN_WINDOW and o.role_keys), None)
                keys = owner.role_keys if owner is not None else ()
        elif w1 < len(doc.words) and doc.gap(w1 - 1).strip() == ",":
            v = w1 + 1 if doc.lower(w1) in _DETERMINERS else w1
            a = self.atom(v)
            if a is not None and len(self.countries_of(a)) == 1 and \
                    doc.lower(a.w1) in lex.nationality_nouns:
                country, sector = self.countries_of(a)[0], "CVL"
        if country is None:
            return
        title = TitleInfo(surfaces=(doc.lower(p) if sector == "GOV" else "national",), role=None,
                          sector=sector, lookup=False)
        new = self.learn(w0, w1, (title, tuple(keys)), title.surfaces[0], country, w0)
        if new is not None:
            m.refs = (new,)
            m.how = "apposition"
            m.role_keys = tuple(keys)

    def home_of_name(self, w0: int, w1: int) -> str | None:
        """The country an organisation's name starts with ("Nigerian Union of Teachers",
        "Kenya Anti-Corruption Commission"), when the rest of the name is no actor, title or
        place the base knows."""
        first = self.atom(w0)
        if first is None or first.w1 >= w1 or first.has("title"):
            return None
        countries = self.countries_of(first)
        if len(countries) != 1:
            return None
        for i in range(first.w1, w1):
            a = self.atom(i)
            if a is not None and (a.actors or a.has("title") or a.has("demonym")
                                  or a.has("region")):
                return None
        return countries[0]

    def could_be_actor(self, ent) -> bool:
        """NER spans that are places or documents, not actors: a known city, a name whose last
        word is a non-actor head ("Indus Waters Treaty"), an adjective ("Kashmiri")."""
        tokens = self.doc.tokens[ent.tok_start:ent.tok_end]
        if not any(c.isupper() for c in ent.text):
            return False  # names have capitals
        if all(t.pos == "ADJ" or t.tag == "JJ" for t in tokens):
            return False
        if len(tokens) == 1 and tokens[0].dep == "amod":  # "Kashmiri youth"
            return False
        words = ent.text.split()
        if words and words[-1].lower() in _lexicon().not_actor_heads:
            return False
        if ent.label == "ORG" or len(words) == 1:
            if ent.text in _city_names():
                return False
        return True

    # pronouns --------------------------------------------------------------------------

    def byline_author(self) -> _M | None:
        """The person named in a byline ("By Masood Khan") near the top of the article."""
        doc = self.doc
        for sent in doc.parsed.sentences[:BYLINE_SENTENCES]:
            words = list(doc.sent_words.get(sent.index, ()))
            if len(words) < 2 or doc.words[words[0]].text not in ("By", "BY"):
                continue
            for m in self.mentions:
                if m.person and m.w0 == words[1] and m.w1 == words[-1] + 1:
                    return m
        return None

    def pronouns(self) -> None:
        doc = self.doc
        lex = _lexicon()
        classes = dict(lex.pronouns)
        author = self.byline_author()
        for wi, word in enumerate(doc.words):
            if wi in self.taken:
                continue
            low = word.text.lower()
            cls = classes.get(low)
            tok = doc.token(wi)
            if cls == "first" and author is not None and tok.tag in ("PRP", "PRP$") and \
                    not doc.in_quote(word.start):
                # an opinion piece's "we" and "our", outside quotes: its author speaking
                self.mentions.append(_M(wi, wi + 1, tuple(replace(r, text=word.text)
                                                          for r in author.refs),
                                        "pronoun", word.sent, person=True))
                self.taken.add(wi)
                continue
            if low in lex.relatives and tok.tag in ("WP", "WP$"):
                self.relative(wi, tok)
                continue
            if cls is None or cls == "first" or tok.pos != "PRON" and tok.tag not in ("PRP",
                                                                                 "PRP$"):
                continue
            if cls == "singular" and not self.it_refers(wi, tok, low):
                continue
            ref_ms = self.antecedent(wi, tok, cls)
            if not ref_ms:
                continue
            refs = tuple(replace(r, text=word.text) for m in ref_ms for r in m.refs)
            self.mentions.append(_M(wi, wi + 1, refs, "pronoun", word.sent,
                                    person=cls == "person", plural=cls == "plural",
                                    role_keys=ref_ms[0].role_keys))
            self.taken.add(wi)

    def it_refers(self, wi: int, tok: Token, low: str) -> bool:
        """"its" always may; "it" only as a subject that is no expletive ("it remains unclear
        whether...", "it was time to...")."""
        if low == "its":
            return True
        if low != "it" or tok.dep not in _SUBJECT_DEPS:
            return False
        head = self.doc.tokens[tok.head]
        if head.lemma in ("be", "remain", "seem", "appear", "become", "take", "look"):
            return False
        return True

    def relative(self, wi: int, tok: Token) -> None:
        """"Imran Khan, who is in the U.S.": the relative pronoun means the noun it follows."""
        verb = self.doc.tokens[tok.head]
        if verb.dep != "relcl":
            return
        target = verb.head
        for m in self.mentions:
            t0, t1 = self.doc.tok_span(m.w0, m.w1)
            if t0 <= target < t1 and m.person:
                refs = tuple(replace(r, text=self.doc.words[wi].text) for r in m.refs)
                self.mentions.append(_M(wi, wi + 1, refs, "pronoun", m.sent, person=True,
                                        role_keys=m.role_keys))
                self.taken.add(wi)
                return

    def antecedent(self, wi: int, tok: Token, cls: str) -> list[_M]:
        """The most recent compatible antecedent: a subject in the same sentence first, then
        the nearest compatible mention, then the previous sentences."""
        doc = self.doc
        sent = doc.words[wi].sent

        def ok(m: _M) -> bool:
            if m.how == "pronoun" and not m.refs:
                return False
            if cls == "person":
                return m.person and len(m.refs) == 1
            if cls == "singular":
                return not m.person and not m.plural and len(m.refs) == 1 and \
                    m.refs[0].kind in ("state", "government", "military", "igo", "org", "nsa")
            return m.plural or len(m.refs) > 1

        clause_subjects = set()
        if tok.dep in ("dobj", "pobj", "dative") and cls in ("person", "plural"):
            clause_subjects = {t.i for t in doc.tokens if t.head == tok.head and
                               t.dep in _SUBJECT_DEPS}
        for s in range(sent, max(-1, sent - PRONOUN_WINDOW - 1), -1):
            cands = [m for m in self.mentions if m.sent == s and ok(m) and
                     (s < sent or m.w1 <= wi)]
            cands = [m for m in cands if not self.covers(m, clause_subjects)]
            if cls == "plural" and not cands:
                pair = self.coordinated(s, wi if s == sent else None)
                if pair:
                    return pair
            if not cands:
                continue
            subjects = [m for m in cands if self.is_subject(m)]
            if cls == "plural":
                cands = subjects  # "accused Kyiv of sabotaging them": talks, not troops
                if not cands:
                    continue
            if s < sent:
                subjects = [m for m in subjects if self.is_subject(m, root_only=True)] or subjects
            if len({self.key(m) for m in cands}) > 1 and not subjects:
                return []  # several candidates and none salient: leave it unresolved
            pick = (subjects or cands)[-1]
            return [pick]
        return []

    def key(self, m: _M) -> tuple:
        return tuple(r.actor_id or r.name for r in m.refs)

    def covers(self, m: _M, tokens: set[int]) -> bool:
        if not tokens:
            return False
        t0, t1 = self.doc.tok_span(m.w0, m.w1)
        return any(t0 <= t < t1 for t in tokens)

    def is_subject(self, m: _M, root_only: bool = False) -> bool:
        """Is the mention the subject (or the possessor of the subject: "Washington's
        approach") of a clause; with root_only, of the sentence's main clause."""
        tokens = self.doc.tokens
        t0, t1 = self.doc.tok_span(m.w0, m.w1)
        for t in range(t0, t1):
            tok = tokens[t]
            hops = 0
            while tok.dep in ("poss", "compound", "case") and hops < 3:
                tok = tokens[tok.head]
                hops += 1
            if tok.dep in _SUBJECT_DEPS and (not root_only or tokens[tok.head].dep == "ROOT"):
                return True
        return False

    def coordinated(self, s: int, before: int | None) -> list[_M]:
        """Two single-actor mentions joined by "and" in sentence s ("India and Pakistan")."""
        ms = [m for m in self.mentions if m.sent == s and (before is None or m.w1 <= before)
              and len(m.refs) == 1 and m.how != "pronoun"]
        ms.sort(key=lambda m: m.w0)
        for a, b in reversed(list(zip(ms, ms[1:]))):
            between = [self.doc.lower(i) for i in range(a.w1, b.w0)]
            if between in (["and"], ["both"]) or between == ["and", "both"]:
                return [a, b]
        return []

    # output ----------------------------------------------------------------------------

    def output(self) -> tuple[tuple[Mention, ...], tuple[Actor, ...]]:
        doc = self.doc
        out = []
        igo_tokens = {t: m for m in self.mentions if m.refs and all(r.kind == "igo" for r in m.refs)
                      for t in range(*doc.tok_span(m.w0, m.w1))}
        described = {}  # an IGO mention -> the first word of the description before it
        for m in self.mentions:
            if igo_tokens and m.refs and all(r.kind == "other" for r in m.refs):
                t = _describes_igo(doc.parsed.tokens, doc.tok_span(m.w0, m.w1)[1] - 1, igo_tokens)
                if t is not None:
                    described[id(m)] = None
                    igo = igo_tokens[t]
                    if m.w0 < igo.w0 and m.sent == igo.sent:
                        described[id(igo)] = min(described.get(id(igo)) or m.w0, m.w0)
        for m in sorted(self.mentions, key=lambda m: (m.w0, m.w1)):
            if not m.refs or described.get(id(m), 0) is None:
                continue
            # "the West African bloc ECOWAS": the organisation's mention takes in its description
            w0 = described.get(id(m)) or m.w0
            start, end = doc.char_span(w0, m.w1)
            t0, t1 = doc.tok_span(w0, m.w1)
            out.append(Mention(start=start, end=end, text=doc.text[start:end], sent=m.sent,
                               refs=m.refs, how=m.how, tok_start=t0, tok_end=t1))
        return tuple(out), tuple(self.new_actors.values())


# Dependencies by which a region's adjective hangs on the noun it describes ("the West
# African bloc", "the South American trade bloc").
_DESCRIBING_DEPS = {"amod", "compound", "npadvmod", "nmod"}


def _describes_igo(tokens, t: int, igo_tokens) -> int | None:
    """A region's adjective that describes an organisation named in the same phrase ("the
    West African bloc ECOWAS", "the South American trade bloc Mercosur") is the organisation's
    description, not a group of states acting. Returns a token of the organisation's name."""
    seen = set()
    while True:
        for k in tokens[max(0, t - 3):t + 4]:
            if k.head == t and k.dep in ("appos", "compound") and k.i in igo_tokens:
                return k.i
        # the parser often gives "bloc ECOWAS" two subjects instead of an apposition
        if t + 1 in igo_tokens and tokens[t + 1].head == tokens[t].head != t and seen:
            return t + 1
        if tokens[t].dep not in _DESCRIBING_DEPS or tokens[t].head == t or t in seen:
            return None
        seen.add(t)
        t = tokens[t].head
        if t in igo_tokens:
            return t


def resolve_mentions(parsed: ParsedDoc, base: ActorBase, published: str | None
                     ) -> tuple[tuple[Mention, ...], tuple[Actor, ...]]:
    """Every actor mention in the document, resolved with the article's date ``published``
    ("YYYY-MM-DD", "YYYY-MM", "YYYY" or None) so that a title means whoever held it then.

    Returns the mentions in text order and the new actors learned from the article
    (people introduced with a title or an apposition whom the base does not know; origin
    "corpus"). A mention's refs are empty never; an unknown name has ``actor_id`` None.
    """
    resolver = _Resolver(parsed, base, published)
    resolver.resolve()
    return resolver.output()


def mention_at(mentions: Sequence[Mention], token_index: int) -> Mention | None:
    """The innermost mention whose token span covers ``token_index``, or None."""
    best = None
    for m in mentions:
        if m.tok_start <= token_index < m.tok_end:
            if best is None or (m.tok_end - m.tok_start) < (best.tok_end - best.tok_start):
                best = m
    return best


def mention_for_span(mentions: Sequence[Mention], tok_start: int, tok_end: int
                     ) -> Mention | None:
    """The mention that best covers the token span [tok_start, tok_end): the one overlapping
    it most (ties: the shorter mention), or None when none overlaps."""
    best, best_key = None, None
    for m in mentions:
        overlap = min(m.tok_end, tok_end) - max(m.tok_start, tok_start)
        if overlap <= 0:
            continue
        key = (overlap, -(m.tok_end - m.tok_start))
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best

