"""Sentence analysis: which sentences report an event, and which of their dates and places
belong to that event rather than to a statement about it.

The rules here are deliberately small and explicit so that every decision can be explained:
- a sentence reports an event when it holds an event trigger (``killed``, ``raid``,
  ``protest`` ...) or a casualty/arrest count, and the trigger is not hypothetical, planned,
  habitual or background (a year-only date such as "in 2014");
- a date or place belongs to the event when, walking up the dependency tree from it, we meet an
  event trigger before a reporting verb ("announced on Saturday", "In Baghdad, ... said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from eventfuse.extract.counts import CountMatch, find_counts
from eventfuse.extract.dates import DateMatch, find_dates
from eventfuse.model import Toponym

# Lemmas that make a sentence report a (possible) conflict event.
TRIGGER_VERBS = frozenset(
    [
        "kill",
        "attack",
        "clash",
        "strike",
        "bomb",
        "shell",
        "raid",
        "ambush",
        "abduct",
        "kidnap",
        "arrest",
        "detain",
        "protest",
        "demonstrate",
        "riot",
        "loot",
        "burn",
        "shoot",
        "explode",
        "detonate",
        "capture",
        "seize",
        "injure",
        "wound",
        "die",
        "behead",
        "storm",
        "overrun",
        "torch",
        "execute",
        "assassinate",
        "massacre",
        "fire",
        "target",
        "hit",
        "rape",
        "assault",
        "stab",
        "lynch",
        "rally",
        "march",
        "blockade",
        "intercept",
        "defuse",
        "repel",
        "fight",
        "murder",
        "slay",
        "besiege",
        "overran",
        "slam",
        "raze",
        "destroy",
        "pound",
        "bombard",
        "tear",
        "crash",
    ]
)
TRIGGER_NOUNS = frozenset(
    [
        "raid",
        "attack",
        "clash",
        "clashes",
        "airstrike",
        "air-strike",
        "strike",
        "strikes",
        "bombing",
        "explosion",
        "blast",
        "ambush",
        "protest",
        "demonstration",
        "riot",
        "shelling",
        "fighting",
        "battle",
        "gunfire",
        "assault",
        "offensive",
        "kidnapping",
        "abduction",
        "killing",
        "massacre",
        "shootout",
        "firefight",
        "skirmish",
        "rally",
        "march",
        "sit-in",
        "strike-off",
        "death",
        "deaths",
        "casualties",
        "fatalities",
        "arrest",
        "arrests",
        "detention",
        "airdrop",
        "operation",
    ]
)
# Verbs that report an event only with a particle: "went off", "blew up".
PHRASAL_TRIGGERS = frozenset({"go", "blow", "set"})
# Nouns that name an event only together with a stronger cue (a count, a date, a trigger verb).
WEAK_TRIGGERS = frozenset({"operation", "offensive", "death", "deaths", "strike", "strikes"})
# Verbs of saying: dates and places attached to them are the statement's, not the event's.
REPORTING_VERBS = frozenset(
    [
        "say",
        "announce",
        "confirm",
        "report",
        "state",
        "add",
        "tell",
        "note",
        "claim",
        "declare",
        "reveal",
        "publish",
        "inspect",
        "meet",
        "visit",
        "explain",
        "quote",
        "accuse",
        "deny",
        "warn",
        "stress",
        "urge",
        "emphasise",
        "emphasize",
        "acknowledge",
        "believe",
        "estimate",
    ]
)
# Cues that make a trigger hypothetical, planned, habitual or a capability: not an event.
IRREALIS = frozenset(
    [
        "will",
        "would",
        "could",
        "may",
        "might",
        "should",
        "can",
        "must",
        "aim",
        "plan",
        "intend",
        "seek",
        "want",
        "vow",
        "threaten",
        "prepare",
        "capable",
        "able",
        "continue",
        "regularly",
        "often",
        "frequently",
        "usually",
        "routinely",
        "ongoing",
        "estimate",
        "expect",
        "hope",
    ]
)
# Modifiers that make a trigger noun generic ("numerous raids", "sporadic attacks"): a pattern
# of activity, not one event.
GENERIC = frozenset(
    [
        "many",
        "numerous",
        "several",
        "sporadic",
        "repeated",
        "frequent",
        "consecutive",
        "back-to-back",
        "various",
        "regular",
        "continuous",
        "successive",
        "multiple",
        "countless",
        "some",
        "recent",
        "previous",
        "past",
        "future",
    ]
)


# Nouns that name an event without being triggers of their own ("the October 2017 truck
# bomb", "Tuesday's siege"): a date or place modifying them is the event's.
EVENT_NOUNS = frozenset({"bomb", "siege", "shooting", "incident", "violence", "unrest"})
# Verbs and nouns of a conflict's onset: "since fighting began in April", "the war that broke
# out in 2023", "since the outbreak of the war". The onset of a war is context, not an event.
ONSET = frozenset(
    {"begin", "start", "erupt", "break", "outbreak", "beginning", "onset", "escalate"}
)
# Words that make the events under them recalled ones: "the fifth anniversary of the massacre".
RECALL = frozenset({"anniversary"})


@dataclass
class SentenceInfo:
    """What one sentence contributes: offsets are in the article text."""

    index: int
    start: int
    end: int
    text: str
    triggers: list[Token] = field(default_factory=list)  # realis triggers only
    all_triggers: list[Token] = field(default_factory=list)
    counts: list[CountMatch] = field(default_factory=list)
    event_dates: list[DateMatch] = field(default_factory=list)  # sentence offsets
    other_dates: list[DateMatch] = field(default_factory=list)
    event_places: list[Toponym] = field(default_factory=list)  # article offsets
    other_places: list[Toponym] = field(default_factory=list)
    speaker: str | None = None
    background: str | None = None  # why this is not an event sentence, if it is not
    caption: bool = False

    @property
    def is_event(self) -> bool:
        """Reports an event on its own: can start a mention."""
        if self.background is not None or self.caption:
            return False
        return self.has_strong_trigger or self.has_count or bool(self.triggers and self.event_dates)

    @property
    def is_support(self) -> bool:
        """Refers to an event without reporting one ("this operation took place in X"):
        can add places and details to a mention but never starts one."""
        return self.background is None and bool(self.triggers) and not self.is_event

    @property
    def has_count(self) -> bool:
        return any(not c.negated and c.value > 0 for c in self.counts)

    @property
    def has_strong_trigger(self) -> bool:
        return any(_is_strong(t) for t in self.triggers)


def _is_event_word(tok: Token) -> bool:
    """A trigger, or an event noun a date or toll may hang from ("the October 2017 bomb")."""
    return _is_trigger(tok) or tok.lemma_.lower() in EVENT_NOUNS


def _is_trigger(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        if lemma in PHRASAL_TRIGGERS:  # "a car bomb went off", "blew up", "set off explosives"
            return any(c.dep_ == "prt" and c.lower_ in ("off", "up") for c in tok.children)
        if lemma == "open":  # "opened fire on shoppers"
            return any(c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children)
        return lemma in TRIGGER_VERBS
    if tok.pos_ in ("NOUN", "PROPN"):
        return lemma in TRIGGER_NOUNS or tok.lower_ in TRIGGER_NOUNS
    return False


def _is_strong(tok: Token) -> bool:
    return tok.lower_ not in WEAK_TRIGGERS and tok.lemma_.lower() not in WEAK_TRIGGERS


def _generic(tok: Token) -> bool:
    """A trigger describing a pattern of activity: "numerous raids", "are conducting offensives",
    "launching sporadic attacks"."""
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.tag_ == "NNS" and any(c.lower_ in GENERIC for c in tok.children):
            return True
        head = tok.head
        return (
            tok.dep_ in ("dobj", "pobj")
            and head.tag_ in ("VBG", "VBP", "VBZ")
            and not any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in head.children)
            and tok.tag_ == "NNS"
        )
    # present tense or progressive trigger verbs ("carry out raids", "are conducting")
    return tok.tag_ in ("VBP", "VBZ") or (
        tok.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lower_ in ("is", "are") for c in tok.children)
    )


def _is_reporting(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    # "announeced" and other misspellings of announce appear in real copy.
    return lemma in REPORTING_VERBS or tok.lower_.startswith("announ")


def _irrealis(tok: Token) -> bool:
    """Whether a trigger is negated or governed by a modal, intent or habitual cue."""
    for anc in [tok, *tok.ancestors]:
        for child in anc.children:
            if child.dep_ in ("aux", "advmod", "neg") and child.lemma_.lower() in IRREALIS:
                return True
            if child.dep_ in ("neg", "det") and child.lower_ in ("no", "not", "never", "n't"):
                return True
        if anc is not tok and anc.lemma_.lower() in IRREALIS:
            return True
        if anc.tag_ in ("VBZ", "VBP") and anc.lemma_.lower() in ("aim", "plan", "seek", "intend"):
            return True
    return False


def attachment(tokens: list[Token]) -> str:
    """Where a phrase attaches: 'event' (to a trigger), 'report' (to a saying verb), 'other'.

    Walking up from the phrase, the first trigger or saying verb decides. A phrase inside the
    reported clause ("a bomb ripped through the market on 19 July, officials said": the
    clause is the saying verb's ccomp) belongs to what was reported, not to the statement.
    A date modifying an event noun ("the October 2017 truck bomb") belongs to that event.
    """
    if not tokens:
        return "other"
    prev = _head(tokens)
    for anc in prev.ancestors:
        if _is_event_word(anc):
            return "event"
        if anc.pos_ == "VERB" and _is_reporting(anc):
            reported = prev.dep_ in ("ccomp", "parataxis") and prev.pos_ in ("VERB", "AUX")
            return "other" if reported else "report"
        prev = anc
    return "other"


def _head(tokens: list[Token]) -> Token:
    """The token of a phrase nearest the root of the parse."""
    return min(tokens, key=lambda t: len(list(t.ancestors)))


def _tokens_in(sent: Span, start: int, end: int) -> list[Token]:
    """Tokens of ``sent`` overlapping the article character span [start, end); punctuation
    only when nothing else is there (a sentence's full stop hangs from its root verb)."""
    toks = [t for t in sent if t.idx < end and t.idx + len(t.text) > start]
    return [t for t in toks if not t.is_punct] or toks


def _speaker(sent: Span) -> str | None:
    """Who the sentence attributes its content to: "X said" or "according to X"."""
    m = re.search(r"according to (?:the )?([A-Z][^,.;:“”\"\n]{1,60})", sent.text)
    if m:
        return m.group(1).strip()
    for tok in sent:
        if (
            tok.pos_ != "VERB"
            or not _is_reporting(tok)
            or tok.lemma_.lower() in ("inspect", "meet")
        ):
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            words = list(subj.subtree)
            if len(words) > 8 or not any(t.pos_ == "PROPN" or t.text.isupper() for t in words):
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            name = sent.doc.text[start:end]
            name = re.sub(r"^(the|a|an)\s+", "", name, flags=re.IGNORECASE)
            return re.sub(r"\s+", " ", name).strip()[:80]
    return None


def analyse_sentence(
    sent: Span,
    index: int,
    published: date | None,
    toponyms: list[Toponym],
    *,
    caption: bool = False,
) -> SentenceInfo:
    """Analyse one sentence. ``toponyms`` are the article's toponyms inside this sentence;
    ``caption`` marks a photo caption, whose dates are the photo's, not the event's."""
    # Evidence shows the sentence without the blank lines spaCy keeps around it.
    lead = len(sent.text) - len(sent.text.lstrip())
    body = sent.text.strip()
    start = sent.start_char + lead
    info = SentenceInfo(index, start, start + len(body), body, caption=caption)
    info.all_triggers = [t for t in sent if _is_trigger(t)]
    dates = [
        (dm, _tokens_in(sent, start + dm.start, start + dm.end))
        for dm in find_dates(body, published)
    ]
    days = {t.i for dm, toks in dates if dm.granularity in ("day", "range") for t in toks}
    context = _context_tokens(sent, days)  # the onset of a war, an anniversary's event
    # Only triggers that assert something happened: not negated, planned, habitual, generic
    # or context.
    info.triggers = [
        t for t in info.all_triggers if not _irrealis(t) and not _generic(t) and t.i not in context
    ]
    info.counts = find_counts(body)
    info.speaker = _speaker(sent)
    toll = _toll_chain(sent, start, info.counts)
    rank: dict[int, tuple[int, int, int]] = {}
    for dm, toks in dates:
        where = attachment(toks)
        usable = dm.granularity in ("day", "week", "month", "range") and not caption
        framed = _frame_date(body, dm) or any(t.i in context for t in toks)
        if usable and where != "report" and not framed and not _is_future(dm, published):
            info.event_dates.append(dm)
            coarse = 1 if dm.granularity == "month" else 0  # "Around 29 April" is a day too
            rank[dm.start] = (0 if where == "event" else 1, _toll_distance(toks, toll), coarse)
        else:
            info.other_dates.append(dm)
    # A date attached to an event trigger wins over a loosely attached one; then the date of
    # the act that caused the toll ("on Friday in response to Tuesday's attack, which killed
    # 86": Tuesday), then the finer one ("this month, after gunmen killed 32 on 6 March").
    info.event_dates.sort(key=lambda d: rank[d.start])
    if info.all_triggers and all(t.i in context for t in info.all_triggers):
        info.background = "context: a war's onset or an anniversary, not a new event"
    for top in toponyms:
        where = attachment(_tokens_in(sent, top.start, top.end))
        event_place = where != "report" and top.label != "ADJ"
        (info.event_places if event_place else info.other_places).append(top)
    info.background = info.background or _background_reason(info, published)
    return info


def _context_tokens(sent: Span, days: set[int]) -> set[int]:
    """Tokens that tell context rather than news: a clause or phrase about a war's onset
    ("since fighting began in April", "since the outbreak of the war", "the fighting that
    broke out in April") and what an anniversary is of ("the anniversary of the massacre").
    An onset clause dated to the day (tokens ``days``) is news: "clashes that erupted on
    Saturday killed 12" reports the clashes."""
    out: set[int] = set()
    for t in sent:
        lemma = t.lemma_.lower()
        if t.lower_ == "since" and t.dep_ == "mark" and t.head.lemma_.lower() in ONSET:
            out.update(x.i for x in t.head.subtree)
        elif (
            t.lower_ == "since"
            and t.dep_ == "prep"
            and any(c.lemma_.lower() in ONSET for c in t.children)
        ):
            out.update(x.i for x in t.subtree)
        elif lemma in ONSET and t.pos_ == "VERB" and t.dep_ in ("relcl", "acl"):
            clause = {x.i for x in t.subtree}
            if not clause & days:
                out.update(clause | {t.head.i})
        elif lemma in RECALL:
            out.update(x.i for x in t.subtree)
    return out


# A date after these words bounds a period rather than dating an event: "killed by Saturday
# morning" (a running total), "the deadliest since April".
FRAME = re.compile(r"\b(?:by|since)\s+(?:the\s+)?$", re.IGNORECASE)


def _frame_date(body: str, dm: DateMatch) -> bool:
    """Whether a date bounds a period ("by Saturday morning", "since April") rather than
    dates an event; "killed by Tuesday's strike" names the strike, so it is not framed."""
    if dm.text.lower().startswith("since "):
        return True
    return bool(FRAME.search(body[max(0, dm.start - 12) : dm.start])) and not body[
        dm.end : dm.end + 2
    ].startswith(("'s", "’s"))


def _toll_chain(sent: Span, start: int, counts: list[CountMatch]) -> list[int]:
    """The first toll's head token and its ancestors (token indices), nearest first."""
    for c in counts:
        if c.negated or c.value <= 0:
            continue
        toks = _tokens_in(sent, start + c.start, start + c.end)
        if toks:
            head = _head(toks)
            return [head.i, *(a.i for a in head.ancestors)]
    return []


def _toll_distance(date_tokens: list[Token], toll: list[int]) -> int:
    """How far above the toll's own clause the trigger a date attaches to sits, on the toll's
    parse path: "fired missiles on Friday in response to Tuesday's attack, which killed 86"
    puts Friday's "fired" four steps above the attack that the toll belongs to. The toll's
    verb and the word it hangs from count 0, and so do dates off that path (no evidence)."""
    if not toll or not date_tokens:
        return 0
    for anc in _head(date_tokens).ancestors:
        if _is_event_word(anc):
            return max(0, toll.index(anc.i) - 1) if anc.i in toll else 0
    return 0


def _is_future(dm: DateMatch, published: date | None) -> bool:
    return published is not None and dm.range.start > published


def _background_reason(info: SentenceInfo, published: date | None) -> str | None:
    if not info.all_triggers and not info.has_count:
        return "no event trigger"
    years = [d for d in info.other_dates if d.granularity == "year"]
    if years and not info.event_dates:
        return f"background: only a year ({years[0].text})"
    if not info.has_count and not info.event_dates:
        if not info.triggers and any(_irrealis(t) for t in info.all_triggers):
            return "negated, hypothetical, planned or habitual"
        if not info.triggers:
            return "a pattern of activity, not one event"
    if not info.event_dates and any(_is_future(d, published) for d in info.other_dates):
        return "future date (a plan)"
    return None
