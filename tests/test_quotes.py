"""Attribution of quotes and reported speech, on sentences we wrote (tests/data/quotes).

Each case file holds a text and the quotes (and, where it matters, the claims) an analyst
would record. Mentions come from a small gazetteer (tests/data/quotes/actors.yaml) standing
in for the actor resolver, so these tests measure the quotes stage alone; pronouns are left
unresolved on purpose: the stage resolves them itself.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from storyline.records import ActorRef, Mention

DATA = Path(__file__).resolve().parent / "data" / "quotes"
CASES = sorted(p for p in DATA.glob("*.yaml") if p.name != "actors.yaml")


def gazetteer_mentions(parsed) -> tuple[Mention, ...]:
    """Mentions of the gazetteer's surfaces (longest first, no overlaps) in a parsed text."""
    entries = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    text = parsed.text
    taken = [False] * len(text)
    starts = [t.idx for t in parsed.tokens]
    out = []
    for e in sorted(entries, key=lambda e: -len(e["text"])):
        for m in re.finditer(r"(?<![\w.])" + re.escape(e["text"]) + r"(?!\w)", text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
            toks = [k for k, s in enumerate(starts) if m.start() <= s < m.end()]
            if not toks:
                continue
            ref = ActorRef(e["id"], e["name"], e["kind"], e.get("country"), e.get("code"), m.group())
            out.append(Mention(m.start(), m.end(), m.group(), parsed.tokens[toks[0]].sent, (ref,),
                               "name", toks[0], toks[-1] + 1))
    return tuple(sorted(out, key=lambda m: m.start))


@pytest.fixture(scope="module")
def analyse():
    from storyline.claims import extract_claims
    from storyline.nlp import parse_text
    from storyline.quotes import extract_quotes

    def run(text: str, doc_id: str = "t"):
        parsed = parse_text(text, doc_id)
        mentions = gazetteer_mentions(parsed)
        quotes = extract_quotes(parsed, mentions)
        return parsed, quotes, extract_claims(parsed, quotes, mentions)
    return run


def _speaker_ok(ref: ActorRef | None, want: dict) -> bool:
    if "speaker" in want:
        if want["speaker"] is None:
            if ref is not None and ref.country is not None:
                return False
        elif ref is None or ref.country != want["speaker"]:
            return False
    if "name" in want and (ref is None or ref.name != want["name"]):
        return False
    if "kind" in want and (ref is None or ref.kind != want["kind"]):
        return False
    return True


def _quote_ok(q, want: dict) -> bool:
    return (want["content"].lower() in q.content.lower()
            and _speaker_ok(q.speaker, want)
            and ("cue" not in want or q.cue == want["cue"])
            and ("direct" not in want or q.direct == want["direct"])
            and ("channel" not in want or q.channel == want["channel"]))


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_attribution(case, analyse):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    _, quotes, claims = analyse(spec["text"])
    got = "\n".join(f"  {q.speaker and (q.speaker.name, q.speaker.country)} {q.cue} "
                    f"{'direct' if q.direct else 'indirect'} {q.channel}: {q.content}" for q in quotes)
    wants = spec.get("quotes") or []
    if not wants:
        assert not quotes, f"expected no quote, got:\n{got}"
    for want in wants:
        matches = [q for q in quotes if _quote_ok(q, want)]
        assert matches, f"missing {want}\ngot:\n{got}"
        if "count" in want:  # a split quote is one quote, both halves in its content
            assert len(quotes) == want["count"], got
    for unwanted in spec.get("absent") or []:
        assert not any(_quote_ok(q, unwanted) for q in quotes), f"unexpected {unwanted}\ngot:\n{got}"
    for want in spec.get("claims") or []:
        assert any(want["text"].lower() in c.text.lower() and c.stance == want["stance"]
                   and _speaker_ok(c.speaker, want) for c in claims), \
            f"missing claim {want}\ngot: {[(c.speaker and c.speaker.country, c.stance, c.text) for c in claims]}"


def test_enough_attribution_cases():
    assert len(CASES) >= 25


def test_quote_spans_unclosed_and_apostrophes():
    from storyline.quotes import find_quote_spans

    text = "He said “no such thing.\nShe said, 'It’s over,' and left. India’s view is ‘firm’."
    spans = find_quote_spans(text)
    contents = [text[s.cstart:s.cend] for s in spans]
    assert contents == ["no such thing.", "It’s over,", "firm"]
    assert not spans[0].closed and spans[0].end <= text.index("\n")


def test_ids_order_and_offsets(analyse):
    parsed, quotes, claims = analyse(
        "“We will talk,” Hakan Fidan said. Kaja Kallas said the EU would send observers.", "doc9")
    assert [q.id for q in quotes] == ["doc9:q1", "doc9:q2"]
    assert all(parsed.text[q.start:q.end].strip("“”\"") for q in quotes)
    assert quotes[0].start < quotes[1].start
    assert all(c.id.startswith("doc9:c") and c.proposition is None for c in claims)
    assert claims[0].quote_id == "doc9:q1"


def test_quotes_are_picklable(analyse):
    import pickle

    _, quotes, claims = analyse("Ararat Mirzoyan said the treaty was ready.")
    assert pickle.loads(pickle.dumps((quotes, claims))) == (quotes, claims)


def test_no_mentions_still_attributes_named_speaker():
    from storyline.nlp import parse_text
    from storyline.quotes import extract_quotes

    parsed = parse_text("“The port is open,” said Yusuf Tekin.", "n")
    quotes = extract_quotes(parsed, ())
    assert quotes and quotes[0].speaker is not None and "Tekin" in quotes[0].speaker.name
    assert quotes[0].speaker.actor_id is None
