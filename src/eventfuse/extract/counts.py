"""Casualty and arrest counts in a sentence, read the ACLED way.

Regexes around casualty verbs, no model: a number only counts when a casualty or arrest verb
governs it, so troop strengths ("2,500 US troops"), group sizes, ages, dates and objects ("four
hideouts") never produce a count. Three phrase shapes are recognised:

* passive / headline: ``QTY NP (were) killed`` -- "15 ISIS fighters were killed", "3 dead",
  "two people were killed and five injured", "Two soldiers and four civilians died"
* active: ``killed QTY NP`` -- "killing nine senior commanders", "arrested 12 suspects",
  "led to the death of 15 members", "the deaths of a senior IS leader and three other militants"
* statements: "3 fatalities.", "the death toll rose to 12", and negations ("no one was
  killed", "There were no fatalities", "no casualties reported").

Values follow ACLED's fatality rules: the lowest credible figure ("at least 4" and "more than
20" give 4 and 20, "15 to 17" gives 15 with ``high`` 17), "a dozen"/"dozens" = 12,
"hundreds" = 100, "thousands" = 1000; vague words give 3 ("several", "some", "a few", "a number
of") or 10 ("many", "numerous", "scores of", "tens of"). "up to 20" gives value = high = 20
with qualifier ``at_most``. "casualties" (killed-or-wounded, unsplit) is its own kind: ACLED
codes 0 fatalities for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

__all__ = [
    "CountMatch",
    "apply_split",
    "find_counts",
    "is_coder_total",
    "parse_quantity",
    "restated",
    "split_share",
    "total",
]

MAX_TEXT = 100_000  # bound the work on untrusted input
_WD_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


@dataclass(frozen=True)
class CountMatch:
    """One counted group of victims (or one negation) and the phrase it was read from."""

    kind: str  # killed, injured, arrested, abducted, casualties
    value: int
    high: int | None
    start: int  # span of the whole count phrase (all coordinated groups and the verb)
    end: int
    text: str
    who: str | None
    qualifier: str  # exact, at_least, approx, vague, range, at_most
    negated: bool
    # Groups coordinated under one verb share a phrase number; total() adds them up.
    phrase: int = 0
    # A statement of the total ("3 fatalities", "the death toll rose to 12").
    summary: bool = False
    # Victims added to those already told ("6 militants were also killed", "Also, four men
    # were shot dead"): ACLED sums an event's dead across sentences (see ``additional``).
    additional: bool = False
    # A split note's stated share for this row ("split across 2 events (3)": 3).
    share: int | None = None


# ---------------------------------------------------------------- numbers

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS)}
_WORD_VALUE.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_NUMWORD = "|".join(sorted([*_WORD_VALUE, *_SCALE], key=len, reverse=True))
_NUMPHRASE = rf"(?:(?:{_NUMWORD})(?:(?:\s+|-)(?:and\s+)?(?:{_NUMWORD}))*)\b"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?!\.\d|[:\d%])(?:\s+(?:thousand|million)\b)?"
_NUM = rf"(?:{_DIGITS}|(?:a|{_NUMPHRASE})\s+dozen\b|(?:a\s+)?{_NUMPHRASE})"
_VAGUE = (
    r"(?:(?:several\s+)?dozens(?:\s+of)?|scores(?:\s+of)?|(?:several\s+)?hundreds(?:\s+of)?"
    r"|(?:several\s+)?thousands(?:\s+of)?|tens(?:\s+of)?|several|a\s+few|a\s+handful\s+of"
    r"|a\s+number\s+of|a\s+dozen|numerous|many|multiple|some)"
)
_QUAL = (
    r"(?:at\s+least|at\s+a\s+minimum|no\s+(?:fewer|less)\s+than|more\s+than|over|upwards\s+of"
    r"|in\s+excess\s+of|about|around|approximately|approx\.|nearly|almost|roughly|close\s+to"
    r"|some|an\s+estimated|estimated|up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than"
    r"|fewer\s+than|less\s+than|a\s+total\s+of|a\s+further|another|an\s+additional)"
)
_RANGE = rf"(?:between\s+{_NUM}\s+and\s+{_NUM}|{_NUM}\s*(?:-|–|to|or)\s*{_NUM})"
_QTY = rf"(?:(?:{_QUAL}\s+)?(?:{_RANGE}|{_NUM})|{_VAGUE})"

_QUAL_KIND = {
    "at_least": ("at least", "at a minimum", "no fewer than", "no less than", "more than",
                 "over", "upwards of", "in excess of"),
    "approx": ("about", "around", "approximately", "approx.", "nearly", "almost", "roughly",
               "close to", "some", "an estimated", "estimated"),
    "at_most": ("up to", "as many as", "at most", "no more than", "fewer than", "less than"),
}  # fmt: skip
_VAGUE_VALUE = {
    "dozens": 12, "a dozen": 12, "scores": 10, "hundreds": 100, "thousands": 1000, "tens": 10,
    "several": 3, "a few": 3, "a handful": 3, "a number": 3, "numerous": 10, "many": 10,
    "some": 3, "multiple": 3,
}  # fmt: skip


def _words_to_int(text: str) -> int | None:
    """ "two hundred and fifty" -> 250; None when a token is not a number word."""
    total, current = 0, 0
    seen = False
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok in ("", "and"):
            continue
        if tok in ("a", "an"):
            current = max(current, 1)
            continue
        if tok.isdigit():
            current += int(tok)
        elif tok in _WORD_VALUE:
            current += _WORD_VALUE[tok]
        elif tok == "dozen":
            current = max(current, 1) * 12
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok in ("thousand", "million"):
            total += max(current, 1) * _SCALE[tok]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _number(text: str) -> int | None:
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    m = re.fullmatch(r"(\d+)\s+(thousand|million)", t)
    if m:
        return int(m.group(1)) * _SCALE[m.group(2)]
    return _words_to_int(t)


_NUM_RE = re.compile(_NUM, re.IGNORECASE)


def parse_quantity(text: str) -> tuple[int, int | None, str] | None:
    """(value, high, qualifier) of a quantity phrase, or None when it is not one.

    >>> parse_quantity("between 1,500 and 3,000")
    (1500, 3000, 'range')
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    qualifier = "exact"
    for kind, words in _QUAL_KIND.items():
        for w in words:
            if t.startswith(w + " ") and re.match(r"\d|[a-z]", t[len(w) + 1 :]):
                rest = t[len(w) + 1 :]
                if kind == "approx" and w == "some" and not _NUM_RE.match(rest):
                    continue
                t, qualifier = rest, kind
                break
        if qualifier != "exact":
            break
    t = re.sub(r"^(?:a total of|a further|another|an additional) ", "", t)
    nums = [m for m in _NUM_RE.finditer(t)]
    rng = re.fullmatch(rf"(?:between )?({_NUM})\s*(?:-|–|to|or|and)\s*({_NUM})", t)
    if rng:
        lo, hi = _number(rng.group(1)), _number(rng.group(2))
        if lo is not None and hi is not None and lo <= hi:
            return lo, hi, "range"
    if nums and nums[0].end() == len(t) and nums[0].start() == 0:
        value = _number(t)
        if value is None:
            return None
        if t == "a dozen":
            return 12, None, "approx"
        return value, (value if qualifier == "at_most" else None), qualifier
    vague = re.sub(r"^several ", "", t)
    vague = re.sub(r" of$", "", vague)
    if vague in _VAGUE_VALUE:
        return _VAGUE_VALUE[vague], None, "vague"
    return None


# ---------------------------------------------------------------- phrase grammar

_AUX = (
    r"(?:were|was|have\s+been|has\s+been|had\s+been|are|is|been|got|get|being|will\s+be"
    r"|would\s+be|reportedly\s+were|have|has|had)"
)
_ADVS = (
    r"(?:(?:reportedly|allegedly|also|later|all|subsequently|then|both|each|confirmed|reported"
    r"|initially|eventually|immediately|either|subsequently|believed\s+to\s+have\s+been"
    r"|said\s+to\s+have\s+been|feared|thought\s+to\s+have\s+been)\s+){0,2}"
)
# Verbs and nouns that close a victim group; longest alternatives first.
_KILL_PASSIVE = (
    r"killed\s+(?:and|or)\s+(?:wounded|injured)|(?:wounded|injured)\s+(?:and|or)\s+killed"
    r"|shot\s+(?:dead|and\s+killed|to\s+death)|stabbed\s+to\s+death|beaten\s+to\s+death"
    r"|burn(?:ed|t)\s+to\s+death|hacked\s+to\s+death|crushed\s+to\s+death|found\s+dead"
    r"|lost\s+(?:their|his|her)\s+li(?:ves|fe)|killed|dead|died|slain|murdered|lynched|executed"
    r"|beheaded|perished|massacred|assassinated|fatally\s+[a-z]+ed|fatalities|fatality|deaths|bodies"
    r"|shot\s+and\s+(?:wounded|injured)|injured|wounded|hurt|injuries|casualties"
    r"|arrested|detained|apprehended|taken\s+into\s+custody|rounded\s+up|nabbed|arrests"
    r"|abducted|kidnapped|taken\s+hostage|taken\s+captive"
)
_KILL_ACTIVE = (
    r"killing\s+(?:and|or)\s+(?:wounding|injuring)|killed\s+(?:and|or)\s+(?:wounded|injured)"
    r"|(?:hacked|stabbed|beaten|beat|burned|burnt|stoned|clubbed|tortured|hacking|stabbing"
    r"|beating|burning|stoning)\s+to\s+death"
    r"|kill(?:ed|ing|s)?|fatally\s+[a-z]+(?:ed|ing)|assassinat(?:ed|ing)|shot\s+dead|shooting\s+dead|shot\s+and\s+killed|murder(?:ed|ing)"
    r"|execut(?:ed|ing)|behead(?:ed|ing)|massacr(?:ed|ing)|slew|lynch(?:ed|ing|es)?"
    r"|(?:the\s+)?deaths?\s+of|claim(?:ed|ing|s)?\s+the\s+li(?:ves|fe)\s+of|(?:the\s+)?bod(?:y|ies)\s+of"
    r"|injur(?:ed|ing|es)|wound(?:ed|ing|s)|hurt(?:ing)?"
    r"|arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|apprehend(?:ed|ing|s)?|round(?:ed|ing)\s+up|nabb(?:ed|ing)"
    r"|abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?"
)
# Words a victim noun phrase never contains: auxiliaries, conjunctions, prepositions that open
# a new constituent, casualty verbs (so that a group stops in front of its verb).
_STOP = (
    r"(?:were|was|have|has|had|are|is|been|be|being|got|get|and|or|nor|but|who|whom|which|that"
    r"|after|when|while|as|in|on|at|during|by|with|from|for|to|into|near|since|before|including"
    r"|among|following|than|also|reportedly|allegedly|all|both|later|then|a|an|no|not"
    r"|killed|killing|dead|died|slain|murdered|shot|injured|injuring|wounded|wounding|hurt"
    r"|arrested|detained|abducted|kidnapped|fatalities|fatality|deaths|casualties|injuries"
    r"|bodies|lynched|executed|beheaded|perished|found|taken|lost|apprehended|nabbed|rounded"
    r"|arrests|massacred|stabbed|beaten|burned|burnt|hacked|crushed|each|either|subsequently"
    r"|initially|eventually|immediately|confirmed|reported|believed|said|feared|thought|while"
    r"|broke|erupted|opened|attacked|clashed|fired|stormed|raided|says|took|began|started"
    r"|occurred|happened|exploded|detonated|targeted|hit|struck|carried|launched|ambushed|set"
    r"|there|it|they|them|him|her|his|their|its|fatally|assassinated|another)"
)
_NPW = rf"(?!(?-i:{_STOP})\b)(?:['\"‘“]?[A-Za-z][\w’'-]*['\"’”]?|\d+-[A-Za-z][\w-]*)"
_PAREN = r"\s*\([^()]{0,80}\)"
_NP = rf"(?P<np>(?:\s+{_NPW}|{_PAREN}){{0,6}}+)"
_GROUP = (
    rf"(?:\b(?:(?:its|their|his|her|the|all|all\s+the)\s+)?(?:{_QTY})"
    rf"|\b(?:a|an|one|another|the|[Hh]e|[Ss]he|him|her|his|their)"
    rf"(?=\s+{_NPW}|\s+{_AUX}\b|\W|$)){_NP}"
)
_GROUP_NC = _GROUP.replace("(?P<np>", "(?:")
_SEP = (
    r"(?:\s*,\s*(?:and\s+|including\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*&\s*"
    r"|\s+including\s+)"
)
_LIST = rf"(?P<list>{_GROUP_NC}(?:{_SEP}{_GROUP_NC}){{0,4}})"
# In an active phrase a later group followed by its own verb starts a new clause:
# "killed 2 people and 5 were injured".
_NEW_CLAUSE = rf"(?!\s+(?:{_AUX}|{_KILL_PASSIVE})\b)"
_ACTIVE_LIST = rf"(?P<list>{_GROUP_NC}(?:{_SEP}{_GROUP_NC}{_NEW_CLAUSE}){{0,4}})"
_PRE_VERB = r"(?:(?!(?:killed|wounded|injured)\b)[a-z]+ed\s*(?:,|and)\s+){0,2}"

_PASSIVE = re.compile(
    rf"{_LIST}\s+(?:(?P<aux>{_AUX})\s+)?{_ADVS}{_PRE_VERB}(?P<verb>{_KILL_PASSIVE})\b",
    re.IGNORECASE,
)
_ACTIVE = re.compile(
    rf"\b(?P<verb>{_KILL_ACTIVE})\s+(?:of\s+)?(?:(?:a\s+total\s+of|all)\s+)?{_ACTIVE_LIST}",
    re.IGNORECASE,
)
# "two extremists who had fled one of the sites were pursued and arrested": the count sits
# before a relative clause that the plain passive pattern cannot step over.
_RELATIVE = re.compile(
    rf"\b(?P<q>{_QTY})\s+(?P<np>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)\s+(?:who|that)\s+"
    rf"[^,.;]{{1,80}}?\s+(?:were|was)\s+(?:[a-z]+ed\s+(?:and|,)\s+)?"
    rf"(?P<verb>killed|arrested|detained|captured|injured|wounded|abducted|kidnapped)\b",
    re.IGNORECASE,
)
# "stabbed a man to death", "beat up two men to death": the victims sit between verb and result.
_TO_DEATH = re.compile(
    r"\b(?P<verb>stabb(?:ed|ing)|stabs?|beat(?:s|ing|en)?|shot|shoots?|shooting|tortur(?:ed|es|ing)"
    r"|ston(?:ed|es|ing)|hack(?:ed|s|ing)|burn(?:ed|t|s|ing)|club(?:bed|s|bing)|crush(?:ed|es|ing)"
    rf"|bludgeon(?:ed|s|ing)|hang(?:ed|s|ing)|whipp(?:ed|ing))\s+(?:up\s+)?{_ACTIVE_LIST}"
    r"\s+to\s+death\b",
    re.IGNORECASE,
)
# Verbs that leave one dead: "was shot dead", "were stoned to death".
_DEATH_VERB = (
    r"shot\s+dead|shot\s+and\s+killed|shot\s+to\s+death|killed|(?:stabbed|beaten|stoned|hacked"
    r"|burn(?:ed|t)|tortured|crushed|clubbed|bludgeoned)\s+to\s+death|lynched|murdered"
    r"|assassinated|beheaded|slain"
)
_WHEN = r"(?:(?:[A-Z][a-z]+|this|that|on|late|early)\s+(?:morning|afternoon|evening|night)\s+)?"
# A victim the phrase grammar could not bound ("A teacher at X School, was shot dead"): a
# singular subject is one dead. Not in a relative clause ("the man who was killed"), which
# names an earlier death.
_WAS_KILLED = re.compile(
    r"(?<!\bwho\s)(?<!\bthat\s)(?<!\bwhich\s)\b(?:was|has\s+been|had\s+been)\s+"
    rf"{_ADVS}{_WHEN}(?P<verb>{_DEATH_VERB})\b",
    re.IGNORECASE,
)
# "5 people in Ruaraka were shot dead", "Two policemen were Friday afternoon shot dead".
_NP_WORD = (
    r"(?!(?:and|or|but|who|which|that|were|was|after|when|while|as|had|has|have)\b)[A-Za-z][\w'-]*"
)
_WERE_KILLED = re.compile(
    rf"\b(?P<q>{_QTY})\s+(?P<np>{_NP_WORD}(?:\s+{_NP_WORD}){{0,4}}?)\s+(?:were|have\s+been"
    rf"|had\s+been)\s+{_ADVS}{_WHEN}(?P<verb>{_DEATH_VERB})\b",
    re.IGNORECASE,
)
_GROUP_RE = re.compile(_GROUP, re.IGNORECASE)
_TOLL = re.compile(
    rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities))\s+(?:\w+\s+){{0,3}}?"
    rf"(?:to|at|of|is|was|reached|hit|stands\s+at|stood\s+at)\s+(?P<q>{_QTY})",
    re.IGNORECASE,
)
# A coder's note dividing a total: "Fatalities split between 3 events", "spread across two
# locations". Each event then carries its share (the remainder goes to the first).
_SPLIT = re.compile(
    rf"\b(?:fatalit(?:y|ies)|deaths)\b[^.]{{0,30}}?\b(?:split|spread|distributed|divided|coded)"
    rf"(?:\s+up)?(?:\s+(?:equally|evenly))?\s+(?:between|across|among|over)\s+"
    rf"(?P<n>\d+|{_NUMWORD})\s+"
    rf"(?:separate\s+)?(?:events|locations|days|incidents|places)(?:\s*\((?P<share>\d+)\))?",
    re.IGNORECASE,
)
# A coder's note fixing the count: "Fatalities coded as 0 (VoJ reported 5)".
_CODED = re.compile(
    r"\bfatalit(?:y|ies)\s+(?:(?:are|were|was|is)\s+)?coded\s+(?:as|to)\s+(?P<n>\d+)\b",
    re.IGNORECASE,
)
# An older note's coder header: "FATALITIES: 15", "FATALITIES: estimate of 3 people" (a range
# or "3 others" is no total).
_HEADER = re.compile(
    r"\bFATALITIES\s*:\s*(?:(?i:estimates?|estimated|reported|includes?|of|only|total"
    r"|approximately|about|at\s+least)[\s:]+)*(?P<n>\d+)\b(?!\s*(?:-|–|to)\s*\d)"
    r"(?!\s+(?:others?|more)\b)",
)
_NEG_SUBJ = re.compile(
    rf"\b(?:no\s+one|nobody|none|no\s+(?:other\s+)?(?:people|person|lives|one\s+else))\s+"
    rf"(?:{_AUX}\s+)?{_ADVS}(?P<verb>{_KILL_PASSIVE}|lost)\b",
    re.IGNORECASE,
)
_NEG_NOUN = re.compile(
    r"\b(?:no|without|zero|nil)\s+(?:(?:reported|immediate|known|other|further|human|civilian"
    r"|serious|major)\s+)*(?P<nouns>(?:fatalities|fatality|deaths|death|casualties|casualty"
    r"|injuries|injury|dead|arrests|loss\s+of\s+li(?:fe|ves)|lives\s+lost)"
    r"(?:\s*(?:,|or|nor|and|/)\s*(?:any\s+)?(?:fatalities|deaths|casualties|injuries|injured"
    r"|wounded|arrests|loss\s+of\s+li(?:fe|ves)))*)\b",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# Spans whose digits are not counts: dates, years, clock times, percentages, ordinals.
_NOT_COUNTS = (
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\b\d{{1,2}}-{_MONTH}-\d{{2,4}}\b|\b\d{{4}}-\d\d-\d\d\b|\b(?:19|20)\d\d\b"
    r"|\b\d{1,2}[:.]\d\d\b|\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)"
    r"|\b\d+(?:st|nd|rd|th)\b"
)
_BRACKET = r"|\[[^\]]{0,80}\]"
_MASK = re.compile(_NOT_COUNTS + _BRACKET)
# The same without square brackets: a coder's note there ("[1 fatality split among 12
# events]") is read for the split only, never as a reported figure.
_MASK_OPEN = re.compile(_NOT_COUNTS)
# Heads that are not people: a count of these is never a casualty count.
_NON_HUMAN = re.compile(
    r"\b(?:days?|weeks?|months?|years?|hours?|minutes?|times?|km|kilometres?|kilometers?|miles?"
    r"|metres?|meters?|vehicles?|cars?|trucks?|houses?|homes?|buildings?|shops?|hideouts?"
    r"|weapons?|rifles?|guns?|rounds?|bombs?|rockets?|missiles?|shells?|mortars?|drones?"
    r"|cattle|cows?|goats?|camels?|sheep|livestock|animals?|donkeys?|heads?|kg|tons?|tonnes?"
    r"|dollars?|shillings?|percent|acres?|villages?|boats?|ships?|positions?|tanks?"
    r"|events?|incidents?|attacks?|shots?|bullets?|grenades?|cases?|raids?|operations?"
    r"|missions?|plans?|orders?|strateg(?:y|ies)|sites?|searches?|campaigns?|offensives?"
    r"|documents?|devices?|statements?|efforts?|assaults?|ambush(?:es)?|strikes?|airstrikes?"
    r"|bombings?|programmes?|programs?|projects?|policies|policy|decisions?)$",
    re.IGNORECASE,
)


_INTRANSITIVE = re.compile(
    r"died|dead|perished|fatalit\w*|deaths|casualties|injuries|arrests|bodies|lost\s.*|found\s+dead",
    re.IGNORECASE,
)
# What follows an active verb's object: "a gendarme shot and killed a driver" is not passive.
_OBJECT_NEXT = re.compile(
    rf"\s+(?:(?:a|an|the|one|him|her|them|his|their|its|several|many|some|at\s+least|more\s+than"
    rf"|dozens|hundreds|scores|{_NUMWORD})\b|\d|(?!(?:{_WD_NAMES})\b)[A-Z])",
)
_NOUN_VERB = re.compile(r"fatalit\w*|deaths|casualties|injuries|arrests|bodies", re.IGNORECASE)
# An active verb that reports no act: "accused of killing", "threatened to kill", "to have killed".
_HYPOTHETICAL = re.compile(
    r"(?:(?<!\bled)(?<!\blead)(?<!\bleads)(?<!\bleading)\s+to|\bto\s+have|\bof|\bfor|\bwould|\bwill|\bcould|\bmay|\bmight|\bnot|\bnever)\s*$",
    re.IGNORECASE,
)
# A reported act is a report, not a hypothesis: "claimed to have killed", "said to have killed"
# (ACLED codes the reported figure).
_REPORTED_ACT = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|said|reported(?:ly)?|believed|alleged(?:ly)?)\s+to(?:\s+have)?\s*$",
    re.IGNORECASE,
)
# An act that did not happen ("nearly lynch", "attempted to kill") or that a relative clause
# gives as a victim's earlier deed ("a woman who stabbed her boyfriend to death was lynched").
_NOT_DONE = re.compile(
    r"\b(?:nearly|almost|attempt(?:s|ed|ing)?\s+to|tr(?:y|ies|ied)\s+to)\s*$", re.IGNORECASE
)
_DEED = re.compile(r"\b(?:who|they\s+believed?)\s+(?:(?:allegedly|had|reportedly)\s+)?$", re.I)
_PLURAL_AUX = re.compile(r"\b(?:were|are|have)\b", re.IGNORECASE)
_PLURAL_HEAD = re.compile(
    r"(?:s|people|men|women|children|police|personnel|youth|staff|crew|family|group|public"
    r"|militia|folk|cattle)$",
    re.IGNORECASE,
)


def _is_active_use(m: re.Match[str], masked: str) -> bool:
    """A passive-shaped match with no auxiliary whose verb takes an object right after it."""
    if m.group("aux") or _INTRANSITIVE.fullmatch(m.group("verb")):
        return False
    return bool(_OBJECT_NEXT.match(masked, m.end()))


def _no_act(masked: str, start: int) -> bool:
    """The verb at ``start`` reports no act of this event: a hypothesis or an act not done
    (``_hypothetical``), or a victim's earlier deed (``_DEED``)."""
    return _hypothetical(masked, start) or bool(_DEED.search(masked, max(0, start - 30), start))


def _death_spans(cands: list[_Cand]) -> list[tuple[int, int]]:
    """The spans of the phrases already counting deaths (killed or casualties)."""
    return [(c.match.start, c.match.end) for c in cands if c.match.kind in ("killed", "casualties")]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _hypothetical(masked: str, start: int) -> bool:
    """An active verb that reports no act ("threatened to kill"), unless the act is reported
    ("claimed to have killed")."""
    before = masked[max(0, start - 30) : start]
    if _NOT_DONE.search(before):
        return True
    return bool(_HYPOTHETICAL.search(before)) and not _REPORTED_ACT.search(before)


def _kind(verb: str) -> str:
    v = verb.lower()
    if re.search(
        r"kill\w*\s+(?:and|or)\s+(?:wound|injur)|(?:wound|injur)\w*\s+(?:and|or)\s+kill", v
    ):
        return "casualties"
    if "casualt" in v:
        return "casualties"
    if re.search(r"injur|wound|hurt", v):
        return "injured"
    if re.search(r"arrest|detain|apprehend|custody|round|nabb", v):
        return "arrested"
    if re.search(r"abduct|kidnap|hostage|captive", v):
        return "abducted"
    return "killed"


_ASIDE = re.compile(r",\s*(?:including|among them|mostly|many of them)\s[^,.;()]{1,80},", re.I)
_AGE = re.compile(r"\b\d{1,3}(?=[\s-]*(?:years?|yrs?)[\s-]*old\b)|(?<=\baged\s)\d{1,3}\b", re.I)


def _mask(text: str, *, brackets: bool = True) -> str:
    """The text with non-count digits blanked out (same length, so offsets hold), and the
    square-bracketed coder notes too unless ``brackets`` is False.

    Ages become letters so that "a 60 year-old woman" stays one noun phrase.
    """
    text = _AGE.sub(lambda m: "x" * len(m.group(0)), text)
    # "16 people, including babies and mothers, were killed": the aside hides the verb.
    text = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    pattern = _MASK if brackets else _MASK_OPEN
    return pattern.sub(lambda m: re.sub(r"\w", "§", m.group(0)), text)


@dataclass
class _Cand:
    match: CountMatch
    qty_start: int
    qty_end: int
    rank: int  # lower wins an overlap


_INTRO = re.compile(r"(?:the|his|her|their|its)$", re.IGNORECASE)
_BARE_COMMA = re.compile(r"\s*,\s*(?!and\b|or\b|including\b)", re.IGNORECASE)
_COORD = re.compile(r"\b(?:and|or|as\s+well\s+as)\b|&", re.IGNORECASE)


def _groups(
    list_text: str, offset: int, verb: str, span: tuple[int, int], text: str, phrase: int, rank: int
) -> list[_Cand]:
    """One candidate per coordinated victim group of a phrase."""
    out: list[_Cand] = []
    kind = _kind(verb)
    prev_end = 0
    plural_aux = bool(_PLURAL_AUX.search(text[offset + len(list_text) : span[1]]))
    for g in _GROUP_RE.finditer(list_text):
        np = (g.group("np") or "").strip()
        qty_text = g.group(0)[: len(g.group(0)) - len(g.group("np") or "")].strip()
        subset = "including" in list_text[prev_end : g.start()].lower()
        prev_end = g.end()
        if subset:  # "21 militants including 2 commanders": already in the 21
            continue
        if (
            _INTRO.match(qty_text)
            and _BARE_COMMA.match(list_text, g.end())
            and not _COORD.search(list_text, g.end())
        ):  # "According to the report, the man died": an opening phrase, no victim
            continue
        q = _group_quantity(qty_text, np, rank == 1, plural_aux)
        if q is None or (
            _NOUN_VERB.fullmatch(verb) and not re.match(r"\d|[a-z]{3}", qty_text.lower())
        ):
            continue
        if np and _NON_HUMAN.search(np.split()[-1].strip("'\"’”")):
            continue
        value, high, qual = q
        np_raw = text[offset + g.end() - len(g.group("np") or "") : offset + g.end()].strip()
        who = re.sub(r"^(?:other|more|of\s+the|of)\s+", "", np_raw, flags=re.IGNORECASE) or None
        summary = bool(re.fullmatch(r"fatalit(?:y|ies)|deaths", verb.strip().lower()))
        cm = CountMatch(
            kind, value, high, span[0], span[1], text[span[0] : span[1]], who, qual, False,
            phrase, summary,
        )  # fmt: skip
        out.append(_Cand(cm, offset + g.start(), offset + g.start() + len(qty_text), rank))
    return out


def _group_quantity(
    qty_text: str, np: str, active: bool, plural_aux: bool
) -> tuple[int, int | None, str] | None:
    low = re.sub(r"^(?:all\s+the|its|their|his|her|the|all)\s+(?=\S)", "", qty_text.lower())
    qty_text = qty_text[len(qty_text) - len(low) :]
    if low in ("a", "an", "he", "she", "another"):
        return (1, None, "exact") if np or low in ("he", "she", "another") else None
    if low in ("a", "an", "the", "his", "their", "her") and not np:
        return None
    if low in ("him", "her"):
        return (1, None, "exact") if active else None
    if low in ("the", "his", "their", "her"):
        head = re.split(r"\s+of\b", np)[0].split()
        if not head or _PLURAL_HEAD.search(head[-1]) or (plural_aux and low == "the"):
            return None
        # "the US Central Command announced": a named body, not one victim.
        if any(w[:1].isupper() for w in head):
            return None
        return 1, None, "exact"
    if low == "some" and re.match(r"of\b", np, re.IGNORECASE):
        return 3, None, "vague"
    return parse_quantity(qty_text)


def _negations(masked: str, text: str, start_phrase: int) -> list[_Cand]:
    out: list[_Cand] = []
    phrase = start_phrase
    for m in _NEG_SUBJ.finditer(masked):
        kind = _kind(m.group("verb")) if m.group("verb").lower() != "lost" else "killed"
        out.append(_neg(kind, m, text, phrase))
        phrase += 1
    for m in _NEG_NOUN.finditer(masked):
        for noun in re.findall(
            r"fatalit\w*|deaths?|dead|casualt\w*|injur\w*|wounded|arrests|li(?:fe|ves)",
            m.group("nouns"),
            re.I,
        ):
            n = noun.lower()
            kind = (
                "casualties" if n.startswith("casualt")
                else "injured" if n.startswith(("injur", "wound"))
                else "arrested" if n == "arrests"
                else "killed"
            )  # fmt: skip
            out.append(_neg(kind, m, text, phrase))
        phrase += 1
    return out


def _neg(kind: str, m: re.Match[str], text: str, phrase: int) -> _Cand:
    cm = CountMatch(kind, 0, None, m.start(), m.end(), text[m.start() : m.end()], None, "exact",
                    True, phrase)  # fmt: skip
    return _Cand(cm, m.start(), m.end(), 0)


_KEYWORDS = re.compile(
    r"kill|dead|die|death|slain|murder|injur|wound|hurt|arrest|detain|apprehend|custody|abduct"
    r"|kidnap|hostage|captive|casualt|fatalit|bod(?:y|ies)|lynch|execut|behead|perish|massacr"
    r"|assassin|li(?:fe|ves)|toll|rounded|nabb",
    re.IGNORECASE,
)


def find_counts(text: str) -> list[CountMatch]:
    """Every casualty / arrest count in ``text``, in text order (see module doc)."""
    text = text[:MAX_TEXT]
    if not _KEYWORDS.search(text):
        return []  # most sentences: no casualty word, skip the heavy patterns
    masked = _mask(text)
    cands = _negations(masked, text, 10_000)
    phrase = 0
    for rank, pattern in ((1, _ACTIVE), (2, _PASSIVE)):
        for m in pattern.finditer(masked):
            if rank == 2 and _is_active_use(m, masked):
                continue
            if rank == 1 and _hypothetical(masked, m.start()):
                continue
            if (
                rank == 2
                and _kind(m.group("verb")) == "killed"
                and _earlier_death(masked, m.start(), m.end())
            ):
                continue
            phrase += 1
            cands += _groups(
                m.group("list"), m.start("list"), m.group("verb"), m.span(), text, phrase, rank
            )
    for m in _RELATIVE.finditer(masked):
        q = parse_quantity(m.group("q"))
        if q and not _NON_HUMAN.search(m.group("np").split()[-1]):
            phrase += 1
            verb = "arrested" if m.group("verb").lower() == "captured" else m.group("verb")
            cm = CountMatch(_kind(verb), q[0], q[1], m.start(), m.end(), text[m.start() : m.end()],
                            text[m.start("np") : m.end("np")], q[2], False, phrase)  # fmt: skip
            cands.append(_Cand(cm, m.start("q"), m.end("q"), 0))
    cands += _to_death(masked, text, phrase)
    phrase += 1_000
    cands += _unbounded(masked, text, cands, phrase)
    phrase += 1_000
    cands += _bare(masked, text, cands, phrase)
    phrase += 1_000
    for m in _CODED.finditer(masked):  # ACLED's own statement: "Fatalities coded as 0"
        phrase += 1
        value = int(m.group("n"))
        cm = CountMatch("killed", value, None, m.start(), m.end(), m.group(0), None, "coded",
                        False, phrase, True)  # fmt: skip
        cands.append(_Cand(cm, m.start("n"), m.end("n"), -1))
    for m in _HEADER.finditer(masked):  # an older note's "FATALITIES: 15" header
        phrase += 1
        cm = CountMatch("killed", int(m.group("n")), None, m.start(), m.end(), m.group(0), None,
                        "coded", False, phrase, True)  # fmt: skip
        cands.append(_Cand(cm, m.start("n"), m.end("n"), -1))
    for m in _SPLIT.finditer(_mask(text, brackets=False)):  # one share each
        parts = _number(m.group("n"))
        if parts and parts > 1:
            phrase += 1
            share = int(m.group("share")) if m.group("share") else None  # "(3)": this row's
            cm = CountMatch("split", parts, None, m.start(), m.end(), m.group(0), None, "exact",
                            False, phrase, share=share)  # fmt: skip
            cands.append(_Cand(cm, m.start("n"), m.end("n"), -1))
    for m in _TOLL.finditer(masked):
        q = parse_quantity(m.group("q"))
        if q:
            phrase += 1
            cm = CountMatch("killed", q[0], q[1], m.start(), m.end(), m.group(0), None, q[2],
                            False, phrase, True)  # fmt: skip
            cands.append(_Cand(cm, m.start("q"), m.end("q"), 0))
    return _resolve([_with_also(c, masked) for c in cands])


# "also" in front of the victims or the verb ("Also, four men were shot dead", "killing 2;
# the army also killed 3") or between them ("6 militants were also killed").
_ALSO_BEFORE = re.compile(r"\balso\b[\s,]*(?:(?:that|said|reported)\s+)?$", re.IGNORECASE)
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def _with_also(c: _Cand, masked: str) -> _Cand:
    """The candidate marked ``additional`` when "also" adds its victims to others told."""
    m = c.match
    if m.negated or m.summary or m.qualifier == "coded" or m.kind == "split":
        return c
    before = masked[max(0, m.start - 20) : m.start]
    if not (_ALSO_BEFORE.search(before) or (c.rank != 1 and _ALSO.search(masked, m.start, m.end))):
        return c
    return _Cand(replace(m, additional=True), c.qty_start, c.qty_end, c.rank)


def _to_death(masked: str, text: str, phrase: int) -> list[_Cand]:
    """ "stabbed a man to death": one phrase per match, ranked with the active phrases."""
    out: list[_Cand] = []
    for m in _TO_DEATH.finditer(masked):
        if _no_act(masked, m.start()):
            continue
        phrase += 1
        out += _groups(m.group("list"), m.start("list"), "killed", m.span(), text, phrase, 1)
    return out


# An earlier death told in passing: "a similar attack last year, in which a teacher was
# killed, was never solved". A past time ("last year", "in 2019", "two years ago"; not
# "last week" or "the previous month", which ACLED codes as the event's) in the
# death's own clause, or before a relative "in which/during which/where" (with a short
# subject) that leads to it; a bare "an ambush in which 5 soldiers were killed" is the event.
_EARLIER_REL = re.compile(
    r"\b(?:(?:in|during)\s+which|where)\s+(?:[\w'-]+\s+){0,4}$", re.IGNORECASE
)
_PAST_TIME = re.compile(
    r"\blast\s+(?:year|month)\b|\bin\s+(?:19|20)\d\d\b"
    r"|\b(?:\w+\s+)?(?:years?|months?)\s+ago\b",
    re.IGNORECASE,
)


def _earlier_death(masked: str, start: int, end: int) -> bool:
    """The death at ``start:end`` is an earlier one the sentence recalls (``_PAST_TIME``)."""
    lo = max(masked.rfind(c, 0, start) for c in ",;.()")
    before = masked[lo + 1 : start]
    ends = [i for i in (masked.find(c, end) for c in ",;.()") if i >= 0]
    if _PAST_TIME.search(before + masked[start : min(ends, default=len(masked))]):
        return True
    if not _EARLIER_REL.search(before):
        return False
    sentence = masked[masked.rfind(".", 0, start) + 1 : start]
    return bool(_PAST_TIME.search(sentence))


def _unbounded(masked: str, text: str, cands: list[_Cand], phrase: int) -> list[_Cand]:
    """Deaths whose victim phrase the grammar above could not bound, where no count or
    negation already covers the verb: a singular subject is 1, a counted plural its number."""
    covered = _death_spans(cands)
    out: list[_Cand] = []
    for pattern in (_WERE_KILLED, _WAS_KILLED):
        for m in pattern.finditer(masked):
            if _overlaps(m.span("verb"), covered) or _earlier_death(masked, m.start(), m.end()):
                continue
            q: tuple[int, int | None, str] | None = (1, None, "exact")
            who = None
            if "q" in m.groupdict():
                q = parse_quantity(m.group("q"))
                head = re.split(r"\s+(?:in|of|at|from|on|near)\s+", m.group("np"))[0].split()[-1]
                if _NON_HUMAN.search(head):
                    continue
                who = text[m.start("np") : m.end("np")]
            if q is None:
                continue
            phrase += 1
            cm = CountMatch("killed", q[0], q[1], m.start(), m.end(), text[m.start() : m.end()],
                            who, q[2], False, phrase)  # fmt: skip
            out.append(_Cand(cm, m.start(), m.start(), 3))
            covered.append((m.start(), m.end()))
    return out


# A headline's bare victim, in the present tense with no number or article ("Mob kills
# man", "Raiders kill girl"): one dead. A past form before a bare noun is an adjective ("a
# murdered businessman"), and a bare plural ("kill civilians") no count (ACLED coded 0 for
# many such Kenya headlines).
_BARE_ONE = (
    r"man|woman|boy|girl|child|baby|teenager|student|trader|farmer|herder|herdsman|driver"
    r"|officer|policeman|soldier|civilian|resident|villager|suspect|chief|teacher|pastor"
    r"|priest|elder|businessman|operator|rider|guard|worker|person|journalist|teen"
)
_BARE = re.compile(
    r"\b(?P<verb>kills?|lynch(?:es)?|murders|beheads?|executes|shoots?\s+dead"
    r"|(?:hack|stab|stone|beat)s?\s+to\s+death)"
    rf"\s+(?P<one>{_BARE_ONE})\b(?!['’-])",
    re.IGNORECASE,
)


def _bare(masked: str, text: str, cands: list[_Cand], phrase: int) -> list[_Cand]:
    """Deaths of a bare victim noun ("Mob kills man"), where nothing else counts the verb."""
    covered = _death_spans(cands)
    out: list[_Cand] = []
    for m in _BARE.finditer(masked):
        if _overlaps(m.span("verb"), covered) or _no_act(masked, m.start()):
            continue
        phrase += 1
        cm = CountMatch("killed", 1, None, m.start(), m.end(), text[m.start() : m.end()],
                        m.group("one"), "exact", False, phrase)  # fmt: skip
        out.append(_Cand(cm, m.start("verb"), m.end(), 3))
    return out


def _resolve(cands: list[_Cand]) -> list[CountMatch]:
    """Drop candidates whose quantity is already claimed by a better-ranked one."""
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.rank, c.qty_start)):
        if c.match.negated and any(k.match.negated and k.match.kind == c.match.kind
                                   and k.qty_start == c.qty_start for k in kept):  # fmt: skip
            continue
        if any(
            c.qty_start < k.qty_end and k.qty_start < c.qty_end
            and not (c.match.negated and k.match.negated)
            for k in kept
        ):  # fmt: skip
            continue
        kept.append(c)
    kept.sort(key=lambda c: (c.qty_start, c.match.kind))
    return [c.match for c in kept]


# ---------------------------------------------------------------- totals


def _head(who: str | None) -> str:
    if not who:
        return ""
    word = who.split()[-1].lower().strip("'\"’”.,")
    return word[:-1] if word.endswith("s") else word


def total(matches: Iterable[CountMatch], kind: str) -> int | None:
    """The number of ``kind`` victims the matches report, or None when they say nothing.

    Groups coordinated under one verb add up ("two soldiers and three civilians were killed"
    = 5); separate phrases add up too unless one restates another (same number with the same or
    an unnamed victim noun); a summary statement ("5 fatalities") wins when present. Only
    negations give 0.
    """
    matches = list(matches)
    value = _total(matches, kind)
    if value is None or kind != "killed":
        return value
    return apply_split(value, matches)


def apply_split(value: int, matches: Iterable[CountMatch]) -> int:
    """``value`` divided as a coder's split note says ("Fatalities split between 3 events"):
    the share the note states ("... across 2 events (3)"), else ``split_share``."""
    splits = [m for m in matches if m.kind == "split"]
    if not splits:
        return value
    last = splits[-1]
    if last.share is not None:
        return last.share
    return split_share(value, last.value)


def split_share(value: int, parts: int) -> int:
    """The share most of ``parts`` events carry when ``value`` is split among them: ACLED
    gives each the whole share and the remainder one by one from the first event, so 7 over
    4 events is 2, 2, 2, 1 (most carry 2) and 1 over 12 events is 1, 0, ..., 0 (most carry 0).
    A remainder of exactly half rounds up."""
    share, rest = divmod(value, parts)
    return share + (1 if 2 * rest >= parts else 0)


# What stands around a coder's own total in its sentence: nothing, or "(total of ...)".
_TOTAL_BEFORE = re.compile(r"(?:^|[.!?;]\s*|\(\s*(?:a\s+)?total(?:\s+of)?\s*:?\s*)$", re.I)
_TOTAL_AFTER = re.compile(r"^[\s.)]*(?:\[[^\]]*\][\s.]*)*$")


def is_coder_total(match: CountMatch, sentence: str) -> bool:
    """A coder's statement of the event's toll, standing alone in ``sentence`` (the text the
    match was read from): "3 fatalities.", "(total of 12 fatalities)". Not a claim ("Al
    Shabaab claims 15 fatalities") nor a vague word ("tens of fatalities")."""
    if not match.summary or match.negated or match.qualifier == "vague":
        return False
    if "fatalit" not in match.text.lower():
        return False
    return bool(
        _TOTAL_BEFORE.search(sentence[: match.start]) and _TOTAL_AFTER.match(sentence[match.end :])
    )


def restated(match: CountMatch, others: Iterable[CountMatch]) -> bool:
    """``match`` tells again victims one of ``others`` told: the same number of the same (or an
    unnamed) kind of victim ("A police officer and two youths are killed ... Two youths were
    also shot dead")."""
    head = _head(match.who)
    return any(
        o.value == match.value and (not head or not _head(o.who) or head == _head(o.who))
        for o in others
        if o.kind == match.kind and not o.negated
    )


def _total(matches: list[CountMatch], kind: str) -> int | None:
    ms = [m for m in matches if m.kind == kind]
    if not ms:
        return None
    positive = [m for m in ms if not m.negated]
    if not positive:
        return 0
    coded = [m for m in positive if m.qualifier == "coded"]
    if coded:  # the coder's own statement overrides every reported figure
        return coded[-1].value
    phrases: dict[int, list[CountMatch]] = {}
    for m in positive:
        phrases.setdefault(m.phrase, []).append(m)
    summaries = [sum(g.value for g in gs) for gs in phrases.values() if gs[0].summary]
    if summaries:
        return max(summaries)
    counted: list[tuple[int, set[str]]] = []
    result = 0
    for groups in phrases.values():
        value = sum(g.value for g in groups)
        heads = {_head(g.who) for g in groups}
        if any(v == value and (heads & h or "" in heads or "" in h) for v, h in counted):
            continue
        counted.append((value, heads))
        result += value
    return result
