"""Role features of the event typer: who acts on whom in the first sentence of a text.

ACLED's Battles / Violence against civilians / Explosions split is decided by roles, not
words: an armed group shooting a policeman is a Battle (both sides organised and armed), the
same group shooting a shepherd is an Attack (the target is unarmed), and shells fired AT a
place with nobody firing back are Shelling. Bag-of-words features see "killed" and
"gunmen" in all three. These flags name the role structure instead:

* ``agent_<cls>`` / ``tgt_<cls>``: the side doing violence and the side receiving it, each
  classed as ``state`` (police, soldiers, checkpoints ...), ``armed`` (militants, gang members
  ...) or ``civ`` (civilians, a man, farmers, houses ...); ``role_<agent>_<tgt>`` is the pair.
* ``two_sided``: fire returned, a clash "between" / "with" an armed side, or both sides' losses.
* ``remote_place`` / ``remote_armed``: a ranged weapon fired at a place vs at an armed target.
* ``nonviolent_group``: an armed or state group doing something with no act of violence
  (delivering food, announcing, recruiting, training, deploying) -> Change to group/activity.

The flags become features of the linear model (``__P_<flag>``), so their weight is learned.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventfuse.extract.actors import ActorDictionary

__all__ = [
    "OVERRIDE_ONLY_ROLES",
    "ROLE_CLASSES",
    "capture_patterns",
    "dictionary_capture_patterns",
    "group_change",
    "group_detained",
    "role_flags",
    "territory_taker",
    "victim_affiliated",
    "victim_is_armed",
]

ROLE_CLASSES = ("state", "armed", "civ")

_STATE = (
    r"(?:policem[ae]n|policewom[ae]n|police(?: officers?| stations?| posts?| patrols?| chiefs?|"
    r" vehicles?| convoy| personnel| commanders?)?|officers?|soldiers?|troops|army|military|"
    r"servicem[ae]n|security (?:forces?|personnel|guards?|officials?|posts?)|guards?|"
    r"bodyguards?|gendarm\w*|commandos?|nds(?: members?| employees?| forces)?|"
    r"'?arbakis?'?|pro-?government (?:militia|forces)(?: members?)?|militia members?|"
    r"checkpoints?|check ?points?|patrols?|convoys?|bases?|outposts?|garrisons?|"
    r"(?:governmental |government |military |army )?positions?|rangers?|crpf|bsf|"
    r"personnel|forces?|national guard)"
)
_ARMED = (
    r"(?:militants?|fighters?|rebels?|insurgents?|jihadists?|terrorists?|separatists?|"
    r"gunm[ae]n|armed (?:men|individuals|group|gang)s?|gang(?:s| members?)?|"
    r"(?:alleged |suspected )?(?:members? of"
    r"(?! (?:the |an? )?(?:[\w-]+ ){1,3}(?:community|caste|clan|tribe|family|ethnic))|"
    r"cartel members?)|drug (?:dealers?|traffickers?)|"
    r"commanders?|combatants?|militiam[ae]n|militias?|bandits?|taliban|al-?shabaa?b|"
    r"islamic state|isis|isil|daesh|is militants|boko haram|attackers|assailants)"
)
_CIV = (
    r"(?:civilians?|villagers?|youths?|"
    r"(?:members? of (?:the |an? )?(?:[\w-]+ ){1,3})?(?:community|caste|clan|tribe)|"
    r"residents?|farmers?|herders?|shepherds?|sheperds?|elders?|"
    r"teachers?|students?|traders?|shopkeepers?|fishermen|wom[ae]n|children|child|boys?|"
    r"girls?|m[ae]n|persons?|people|famil(?:y|ies)|passengers?|drivers?|journalists?|"
    r"worshippers?|patients?|workers?|teenagers?|minors?|sons?|daughters?|wife|husband|"
    r"houses?|homes?|villages?|neighbou?rhoods?|market|mosque|school|hospital|"
    r"(?:drug|kidnapping|robbery) suspects?|suspects?|relatives?|brothers?|siblings?)"
)
# ACLED treats off-duty and former security personnel as civilians.
_OFF_DUTY_RE = re.compile(r"\b(?:off-?\s?duty|former|retired|ex-)\b", re.I)
_NOUNS = {"state": _STATE, "armed": _ARMED, "civ": _CIV}
# "killed during a police raid": the state is the agent though no "by" names it
_STATE_OP_RE = re.compile(
    r"\b(?:during|in) (?:an? |the )?(?:[\w-]+ )?(?:police|military|army|security|joint) "
    r"(?:raids?|operations?|crackdown|offensive)\b",
    re.I,
)
_VERB = (
    r"(?:killed|killing|shot|shooting|attacked|attacking|ambushed|targeted|wounded|injured|"
    r"assassinated|beheaded|executed|stabbed|beat(?:en)?|opened fire (?:on|at)|fired (?:on|at)|"
    r"shot at|stormed|raided|abducted|kidnapped|hacked)"
)
# Gap words never cross "by" / "was": "killed by armed men" names the agent, not a target.
_W = r"(?!(?:by|was|were|had|have|during|and then)\b)[\w'()/-]+"
_GAP = r"\s+(?:" + _W + r"[\s,]+){0,5}?"
_TGT_RE = {
    cls: (
        re.compile(r"\b" + _VERB + _GAP + r"(?:the\s+|a\s+|an\s+)?" + noun + r"\b", re.I),
        re.compile(
            r"\b" + noun + r"\b[^.;]{0,50}?\b(?:was|were|had been|have been|got)\s+"
            r"(?:\w+\s+){0,2}?" + _VERB + r"\b",
            re.I,
        ),
        re.compile(r"\battacks?\s+(?:on|against)\s+(?:[\w'-]+\s+){0,4}?" + noun + r"\b", re.I),
    )
    for cls, noun in _NOUNS.items()
}
_AGENT_RE = {
    cls: (
        re.compile(r"\bby\s+(?:[\w'()-]+\s+){0,5}?" + noun + r"\b", re.I),
        re.compile(r"\b" + noun + r"\s+(?:" + _W + r"\s+){0,4}?" + _VERB + r"\b", re.I),
    )
    for cls, noun in _NOUNS.items()
    if cls != "civ"
}
# Every target and agent pattern needs one of these words; texts without one skip them.
_ACT_RE = re.compile(r"\b(?:" + _VERB + r"|attacks?)\b", re.I)
_TWO_SIDED_RE = re.compile(
    r"\b(?:returned fire|exchanged? (?:of )?(?:fire|shelling|gunfire|shots)|"
    r"(?:clash\w*|fight\w*|battl\w*|engag\w*|gunfights?|firefights?) (?:with|between|against)|"
    r"between (?:[\w'()-]+\s+){1,6}and\b|in both directions|both sides|repulsed|repelled|"
    r"counter-?attack\w*|casualties on both|encounter with)",
    re.I,
)
_REMOTE = (
    r"(?:shell(?:ed|ing)|pounded|bombard\w*|fired (?:\S+\s+){0,4}?(?:rockets?|mortars?|"
    r"missiles?|shells?|artillery|projectiles?|grenade launchers?|rpgs?)|"
    r"(?:rockets?|mortars?|missiles?|shells?|projectiles?) (?:hit|struck|landed|fell))"
)
_REMOTE_PLACE_RE = re.compile(
    r"\b" + _REMOTE + r"\s+(?:[\w'-]+\s+){0,3}?(?:on |at |in |into |towards |near )?"
    r"(?:the |a |an )?(?:[\w'-]+\s+){0,2}?(?:villages?|towns?|city|cities|areas?|"
    r"neighbou?rhoods?|districts?|houses?|homes?|residential|market|camps?|settlements?)\b",
    re.I,
)
_REMOTE_ARMED_RE = re.compile(
    r"\b" + _REMOTE + r"\s+(?:[\w'-]+\s+){0,3}?(?:on |at |towards |against )?"
    r"(?:the )?(?:[\w'-]+\s+){0,2}?(?:positions?|bases?|posts?|checkpoints?|troops|"
    r"military|forces|barracks|convoy|tanks?|vehicles?|humvees?|apcs?)\b",
    re.I,
)
_VIOLENCE_RE = re.compile(
    r"\b(?:kill\w*|shot|shoot\w*|attack\w*|clash\w*|fight\w*|fought|wound\w*|injur\w*|"
    r"dead|died|ambush\w*|fire|fired|shell\w*|bomb\w*|explo\w*|abduct\w*|kidnap\w*|raid\w*|"
    r"stormed|assault\w*|arrest\w*|detain\w*|looted|burn\w*|torch\w*|beat\w*)\b",
    re.I,
)
_GROUP_ACT_RE = re.compile(
    r"\b(?:deliver\w*|distribut\w*|announc\w*|declar\w*|recruit\w*|train(?:ed|ing)\b|"
    r"exercises?|drills?|deploy\w*|patroll?\w*|arriv\w*|moved|posted|published|videos?|"
    r"threat\w*|curfew|joined|defect\w*|surrender\w*|merg\w*|formed|creat\w*|launch\w*|"
    r"pledg\w*|warned|dissol\w*|placed|installed|set up|mobili[sz]\w*|reinforc\w*)",
    re.I,
)
# A crowd doing it makes it a demonstration, not a group's activity.
_CROWD_RE = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|marched|sit-?ins?|strik\w*|gather\w*|"
    r"crowds?|petition\w*|boycott\w*|rioters?|mob)\b",
    re.I,
)
_GROUP_RE = re.compile(r"\b(?:" + _STATE + "|" + _ARMED + r"|cartel|colectivos)\b", re.I)


@lru_cache(maxsize=512)
def role_flags(first: str) -> frozenset[str]:
    """Role flags of a first sentence (see the module docstring). Pure regex, bounded input.

    Cached: ``predict`` reads them twice (model features, then overrides)."""
    first = first[:600]
    out: set[str] = set()
    # Cheap gate: every target pattern and the active-agent pattern need an act word.
    act = _ACT_RE.search(first) is not None
    tgts = {c for c, rxs in _TGT_RE.items() if act and any(rx.search(first) for rx in rxs)}
    agents = {
        c
        for c, (by_rx, act_rx) in _AGENT_RE.items()
        if by_rx.search(first) or (act and act_rx.search(first))
    }
    if _OFF_DUTY_RE.search(first) and "state" in tgts:
        tgts = (tgts - {"state"}) | {"civ"}
    if _STATE_OP_RE.search(first):
        agents.add("state")
    out |= {f"tgt_{c}" for c in tgts} | {f"agent_{c}" for c in agents}
    out |= {f"role_{a}_{t}" for a in agents for t in tgts if not (a == t == "state")}
    if "civ" in tgts and not tgts & {"state", "armed"}:
        out.add("tgt_civ_only")
    if tgts & {"state", "armed"} and "civ" not in tgts:
        out.add("tgt_armed_only")
    if _TWO_SIDED_RE.search(first):
        out.add("two_sided")
    if _REMOTE_PLACE_RE.search(first):
        out.add("remote_place")
    if _REMOTE_ARMED_RE.search(first):
        out.add("remote_armed")
    if (
        not _VIOLENCE_RE.search(first)
        and not _CROWD_RE.search(first)
        and _GROUP_ACT_RE.search(first)
        and _GROUP_RE.search(first)
    ):
        out.add("nonviolent_group")
    if _group_moved(first):
        out.add("group_moved")
    return frozenset(out)


def _group_moved(first: str) -> bool:
    """A group moving fighters or weapons (reinforcements, redeployment, convoys) with no
    violence except violence feared or expected, and nothing fired. Override-only: it is
    kept out of the model features (``OVERRIDE_ONLY_ROLES``), so the learned weights stay."""
    calm = _EXPECTED_RE.sub(" ", first)
    return (
        _MOVE_RE.search(calm) is not None
        and _GROUP_RE.search(calm) is not None
        and not _CALM_VIOLENCE_RE.search(calm)
        and not _CROWD_RE.search(calm)
        and not _FIRE_RE.search(calm)
    )


# Role flags that only act as overrides, never as model features.
OVERRIDE_ONLY_ROLES = frozenset({"group_moved"})


# Clauses naming violence that is feared, expected or prepared for, not violence that
# happened: "redeployed amid fears of renewed clashes", "in preparation for an offensive".
_EXPECTED_RE = re.compile(
    r"\b(?:amid (?:fears|expectations|anticipation|reports|threats) of|ahead of|"
    r"in (?:anticipation|preparation|expectation) (?:of|for)|in order to (?:repel|prevent|"
    r"counter|confront|face)|to (?:repel|prevent|counter|confront|face|reinforce)|"
    r"(?:fears|expectations) of|for (?:a |an )?(?:possible |expected |imminent |new )?"
    r"(?:attack|offensive|battle|assault))\b[^.;,]{0,60}",
    re.I,
)
# A group moving fighters: reinforcements, redeployments, convoys, mobilisation (ACLED:
# Change to group/activity), with no weapon fired.
_MOVE_RE = re.compile(
    r"\b(?:reinforc\w*|redeploy\w*|deploy\w*|dispatch\w*|mobili[sz]\w*|amass\w*|convoys?|"
    r"(?:sent|brought|moved|pushed|transferred) (?:\w+ ){0,3}(?:fighters|troops|forces|"
    r"reinforcements|units|vehicles))\b",
    re.I,
)
# ``_VIOLENCE_RE`` without reading "fighters" as fighting (the moved cargo is fighters).
_CALM_VIOLENCE_RE = re.compile(
    _VIOLENCE_RE.pattern.replace(r"fight\w*|", r"fight(?!ers?\b)\w*|"), re.I
)
_FIRE_RE = re.compile(
    r"\b(?:fir(?:ed|ing)|launch(?:ed|ing)|hit|struck|landed|fell|target\w*|pound\w*|"
    r"dropped|detonat\w*|exploded|intercept\w*)\b",
    re.I,
)


# The victim named as a combatant or criminal anywhere early in the text ("the victim had
# charges for drug trafficking", "an alleged gang member was shot"): ACLED codes violence
# between armed non-state actors as a Battle. A model feature only: as an override it cost
# more attacks than it won clashes on the dev folds (ACLED codes some such killings Attack).
_VICTIM_ARMED_RE = re.compile(
    r"\b(?:(?:the |both |one of the )?victims? (?:had|was|were|has|have)(?: been)? "
    r"(?:\w+ ){0,3}?(?:charges?|convicted|armed|involved in|members? of|linked to|"
    r"(?:a )?(?:gang|cartel|drug)|wanted|fugitive|criminal)|"
    r"(?<!by )(?:an? |the )(?:alleged|suspected|rival)? ?(?:\w+ )?(?:gang|cartel) member|"
    r"(?<!by )(?:an? |the )(?:alleged )?drug (?:dealer|trafficker))\b",
    re.I,
)


def victim_is_armed(text: str) -> bool:
    """Whether the first 800 characters name the victim as a combatant or criminal."""
    return _VICTIM_ARMED_RE.search(text[:800]) is not None


# -- the victim's affiliation: override-only (``victim_affiliated``) ----------------------------
# ACLED: violence against civilians needs an unarmed, non-combatant victim; a gang member or a
# member of an armed group killed by another armed actor is a Battle (Armed clash), even when
# one-sided. Unlike ``_VICTIM_ARMED_RE`` (a model feature), these cues name the affiliated
# person only as the one harmed (subject of a passive harm verb or object of an active one),
# never as the agent ("killed by gang members" stays an attack), and never a mere record of
# crime ("the victim had charges for robbery"). Party, caste or community members are not
# armed groups, so a bare "member of X" needs "gang" / "cartel" or an "alleged" membership.
_HARMED = (
    r"(?:shot|killed|murdered|stabbed|executed|found dead|gunned down|lynched|beheaded|"
    r"hacked|injured|wounded|attacked)"
)
_HARM_ACT = (
    r"(?:shot(?: and (?:killed|injured|wounded))?|killed|murdered|stabbed|executed|attacked|"
    r"gunned down|ambushed)"
)
# Well-known Latin American gangs named by acronym (a bare acronym can be a party or an agency).
_GANG_ACRONYM = r"(?:MS-?13|Barrio[- ]?18|CV|PCC|CJNG|FDN|GDE)"
_NOT_ARMED_GROUP = r"(?!(?:the |an? )?(?:[\w-]+ ){0,3}(?:community|caste|clan|tribe|family|party))"
_MEMBER = (
    r"(?:(?:alleged|suspected|presumed|reputed|known|rival|male|female)\s+){0,3}(?:"
    r"(?:[\w-]+\s+)?(?:gang|cartel)\s+(?:members?|leaders?|bosses)|"
    rf"{_GANG_ACRONYM}\s+members?|drug (?:dealers?|traffickers?)|"
    rf"members?\s+(?:of|from)\s+{_NOT_ARMED_GROUP}(?:an?\s+|the\s+)?(?:[\w'-]+\s+){{0,3}}?"
    r"(?:gang|cartel|criminal group|armed group|drug ring)s?\b)"
)
_ALLEGED_MEMBER = (  # "an alleged member from Barrio-18": alleged membership of a named group
    rf"(?:alleged|suspected)\s+members?\s+(?:of|from)\s+{_NOT_ARMED_GROUP}(?:the\s+)?"
    r"(?-i:[A-Z])[\w'-]*"
)
_COUNT = r"(?:an?|the|one|two|three|four|five|\d+)"
_VICTIM_AFFILIATED_RE = re.compile(
    # "an alleged gang member was shot and killed", "a drug trafficker was found dead"
    rf"\b{_COUNT}\s+(?:{_MEMBER}|{_ALLEGED_MEMBER})\s*,?\s+(?:was|were|had been|have been)\s+"
    rf"(?:\w+\s+){{0,2}}?{_HARMED}\b|"
    # "gunmen shot and killed an alleged member from Barrio-18" (never "... by")
    rf"(?<!by )\b{_HARM_ACT}\s+{_COUNT}\s+(?:{_MEMBER}|{_ALLEGED_MEMBER})|"
    # "The victim was involved in a gang", "the victim was a member of the X cartel"
    r"\bvictims?\s+(?:was|were|is|had been)\s+(?!not\b|never\b)(?:involved in|part of|"
    r"linked to|an?)\s+(?:an?\s+|the\s+)?(?:alleged\s+|suspected\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:gang|cartel|criminal group|armed group)|"
    rf"\bvictims?\s+(?:was|were|is|had been)\s+(?!not\b|never\b)(?:an?\s+)?{_MEMBER}|"
    # Brazil notes: "The victim had charges against him for (...) drug trafficking"; ACLED
    # codes the killing of a trafficker as gang violence (charges for robbery do not count)
    r"\bvictims?\s+(?:had|has|have)\s+(?:been\s+)?(?:charges?\s+against\s+(?:him|her|them)\s+"
    r"for|convicted\s+of)\s+(?:[\w ,]{0,30}?including\s+)?drug trafficking",
    re.I,
)


def victim_affiliated(text: str) -> bool:
    """Whether the first 600 characters name the one harmed as a gang or armed-group member
    (``_VICTIM_AFFILIATED_RE``). Override-only: Attack -> Armed clash, model features unchanged."""
    return _VICTIM_AFFILIATED_RE.search(text[:600]) is not None


# -- who takes ground: Government regains territory vs Non-state actor overtakes territory ---
# ACLED: a state force retaking ground is Government regains territory; a non-state group
# taking it is Non-state actor overtakes territory (both fold the fighting around it in).
# Bag-of-words features cannot tell "the FARDC took control of" from "rebels took control of",
# and the training notes have three such rows, so the agent is read from the actor dictionary:
# its state-force surface forms (inter 1) and non-state groups (inter 2, 3).
# "control" as reports misspell it ("took contol of"): control, contol, cotrol, controll.
_CONTROL = r"con?tr?oll?"
_TAKE = (
    rf"(?:took (?:back |over )?(?:full )?{_CONTROL}|took over|taken {_CONTROL}|"
    rf"seized {_CONTROL}|gained (?:full )?{_CONTROL}|regained(?: full)? {_CONTROL}|"
    r"recaptur\w*|re-captur\w*|retook|re-?took|"
    r"captured|seized|liberated|cleared|took(?! (?:up|part|place|refuge|shelter|cover))|"
    r"(?:imposed|extended|assumed) (?:full )?control|"
    # "advanced and controlled the village", "managed to control it"
    r"(?:(?<=and )|(?<=to ))control(?:led)?)"
)
_GROUND = (
    rf"(?:{_CONTROL}|towns?|city|village|villages|district|districts|area|areas|base|post|"
    r"garrison|checkpoint|headquarters|centre|center|province|positions?|territory|crossing|"
    r"airport|port|capital|outpost|camp|hill|hills|region|county|strongholds?|localit(?:y|ies)|"
    r"neighbou?rhoods?|mountains?|settlements?|island|bridge|junction|road|highway|"
    r"(?:the )?(?:(?-i:[A-Z])[\w'-]+ ){1,3}(?:village|town|area|district|region)|"
    # "took it" after an advance; a bare place name ("seized Umm Sarra from ..."), never a
    # group or a person ("captured Taliban commanders", "captured Abu X, a leader")
    r"it(?=\s+(?:after|following|from|amid|during)\b|[,.;]|$)|"
    r"(?-i:[A-Z][a-z][\w'-]*)(?:\s+(?-i:[A-Z])[\w'-]*){0,2}(?![\w'-]|\s+(?-i:[A-Z]))"
    r"(?!\s*(?:,\s*(?:an?|the)\s+)?(?:(?!from|in|near|after|at|on)[\w-]+\s+){0,2}?(?:fighters?|militants?|members?|"
    r"commanders?|leaders?|officials?|soldiers?|men|rebels?|insurgents?|weapons?|vehicles?|"
    r"prisoners?|hostages?|suspects?|who|[\w'-]+ists?)\b))"
)
# A peaceful hand-over is Non-violent transfer (its own definitional cue); "retake" after a
# prisoner or hostage is not ground.
_CAPTURE_BLOCK_RE = re.compile(
    r"\b(?:without (?:a fight|fighting|clashes|resistance|a shot)|peacefully|handed over|"
    r"withdr\w* (?:from|under)|protest\w*|demonstrat\w*)\b",
    re.I,
)
# ACLED names state forces "Military Forces of X", so the dictionary holds their generic
# surface forms ("Congolese army") but not the acronyms and nicknames reports use.
_STATE_ACRONYMS = frozenset(
    {
        "FARDC",
        "SAA",
        "FAMa",
        "FADM",
        "UPDF",
        "SSPDF",
        "ENDF",
        "SANDF",
        "ISF",
        "IDF",
        "ANA",
        "ANDSF",
        "KDF",
        "FDS",
        "FANB",
        "CTS",
        "AMISOM",
        "MINUSMA",
        "MONUSCO",
        "SAF",
        "LNA",
    }
)
_STATE_WORDS = frozenset(
    {
        "army",
        "troops",
        "government forces",
        "regime forces",
        "government troops",
        "soldiers",
        "security forces",
        "military",
        "armed forces",
        "loyalist forces",
        "pro-government forces",
        "Syrian Arab Army",
        "Tatmadaw",
        "Republican Guard",
        "Tiger Forces",
        "counter-terrorism service",
        "Iraqi security forces",
    }
)
_NONSTATE_WORDS = frozenset(
    {
        "rebels",
        "militants",
        "insurgents",
        "jihadists",
        "fighters",
        "militiamen",
        "militias",
        "gunmen",
        "armed group",
        "armed groups",
    }
)
# Words between the verb and the ground never cross a preposition: "seized a farm in the
# Ar Rubat area" took a farm, not the area.
_OBJ_W = r"(?!(?:in|near|from|at|on|and|before|after|during|while|with)\b)[\w'-]+"
_MAX_SURFACES = 20_000  # bound the alternation built from a user-editable dictionary


def _alternation(surfaces: set[str]) -> str:
    ordered = sorted(surfaces, key=lambda s: (-len(s), s))[:_MAX_SURFACES]
    return "|".join(re.escape(s) for s in ordered)


# ACLED: "state forces or their affiliates" retaking ground is Government regains territory.
# Affiliates are named by their side, not by a name the dictionary could hold.
_AFFILIATE = (
    r"(?:pro-?(?:government|regime)|government-?(?:backed|allied|affiliated|aligned|loyal|"
    r"supported)|loyalist)(?:[\w'() -]{0,40}?)\b(?:forces|troops|militias?|militiamen|fighters|"
    r"tribesmen|brigades?|units?|battalions?)|"
    r"(?:forces|troops|militias?|militiamen|fighters|tribesmen|brigades?)\s+(?:loyal|allied|"
    r"affiliated|aligned)\s+(?:to|with)\s+(?:the\s+)?(?:government|army|state|military|regime)"
)


def _capture_tail(reach: int) -> str:
    """What follows an agent's name in a capture pattern: up to ``reach`` words, a taking
    verb and the ground taken (the caller opens the name's group; this closes it)."""
    return (
        rf")\b(?:\s+[\w'(),-]+){{0,{reach}}}?\s+"
        + _TAKE
        + r"\s+(?:"
        + _OBJ_W
        + r"\s+){0,4}?"
        + _GROUND
        + r"\b"
    )


def capture_patterns(
    state: set[str], nonstate: set[str], state_cs: set[str], nonstate_cs: set[str]
) -> tuple[re.Pattern[str], ...]:
    """Five "AGENT ... took control of X" patterns: (state, non-state) x (case-insensitive,
    case-sensitive) from actor surface forms, then state affiliates named by their side
    (``_AFFILIATE``); ``_SIDES`` says whose each is. Case-sensitive forms are acronyms
    ("SAA", "FARDC")."""
    tail = _capture_tail(6)
    out = []
    for forms, flags in ((state, re.I), (state_cs, 0), (nonstate, re.I), (nonstate_cs, 0)):
        if forms:
            out.append(re.compile(r"\b(?:" + _alternation(forms) + tail, flags))
        else:
            out.append(re.compile(r"(?!x)x"))  # never matches
    # An affiliate named as the sentence's subject may first do something else ("thwarted an
    # attack by the rebels and then gained control of a hill"): a longer reach.
    out.append(re.compile(r"\b(?:" + _AFFILIATE + _capture_tail(12), re.I))
    return tuple(out)


# Which side each of ``capture_patterns``' patterns names (the fifth: state affiliates).
_SIDES = ("state", "state", "nonstate", "nonstate", "state")
# A group named after "by", "from", "against" or "with" is not the one taking ground:
# "thwarted an attack by rebel fighters and then gained control of a hill".
# Nor is one named as the object of an act ("overran a military camp and seized control").
_NOT_SUBJECT_RE = re.compile(
    r"\b(?:by|from|against|with|between|overran|attacked|stormed|captured|seized|took|"
    r"targeted|raided|hit|struck|ambushed)\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,2}$",
    re.I,
)
# Ground taken from anti-government rebels was taken by the state side (or its affiliates).
_FROM_REBELS_RE = re.compile(
    r"\b" + _TAKE + r"\s+(?:[\w'-]+\s+){0,6}?from\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:rebels?|insurgents?)\b",
    re.I,
)


@lru_cache(maxsize=1)
def default_capture_patterns() -> tuple[re.Pattern[str], ...]:
    from eventfuse.extract.actors import ActorDictionary

    return dictionary_capture_patterns(ActorDictionary.load())


def dictionary_capture_patterns(dictionary: ActorDictionary) -> tuple[re.Pattern[str], ...]:
    """Capture patterns from an ``ActorDictionary``'s state (inter 1) and group forms."""
    groups: dict[tuple[bool, bool], set[str]] = {
        (s, c): set() for s in (True, False) for c in (True, False)
    }
    for e in dictionary.entries.values():
        if e.inter not in (1, 2, 3) or len(e.surface) < 3:
            continue
        groups[(e.inter == 1, bool(e.case_sensitive))].add(e.surface)
    # Words every state-force report uses, whatever the dictionary holds.
    groups[(True, False)] |= _STATE_WORDS
    groups[(True, True)] |= _STATE_ACRONYMS
    groups[(False, False)] |= _NONSTATE_WORDS
    return capture_patterns(
        groups[(True, False)], groups[(False, False)], groups[(True, True)], groups[(False, True)]
    )


_CAPTURE_GATE_RE = re.compile(
    rf"\b(?:took|taken|seiz\w*|gained|regained|recaptur\w*|{_CONTROL}(?:ed)?|imposed|"
    r"re-captur\w*|retook|re-?took|captured|liberated|cleared)\b",
    re.I,
)


def _subject_match(rx: re.Pattern[str], first: str) -> re.Match[str] | None:
    """The first match of ``rx`` whose group is not named after "by" / "from" / "with" ...
    (overlapping matches are tried: a blocked match may hide the true subject inside it)."""
    pos = 0
    while (m := rx.search(first, pos)) is not None:
        if not _NOT_SUBJECT_RE.search(first, 0, m.start()):
            return m
        pos = m.start() + 1
    return None


def territory_taker(first: str, patterns: tuple[re.Pattern[str], ...] | None = None) -> str | None:
    """``"state"`` or ``"nonstate"`` when the first sentence says that side took ground, else
    None. The earliest agent wins ("troops retook the town the rebels had captured")."""
    first = first[:600]
    if not _CAPTURE_GATE_RE.search(first) or _CAPTURE_BLOCK_RE.search(first):
        return None
    rxs = patterns if patterns is not None else default_capture_patterns()
    best: tuple[int, str] | None = None
    # The affiliate pattern first: "militias loyal to the government" also starts a
    # non-state match at the same word, and the earlier-listed pattern wins a tie.
    order = (4, 0, 1, 2, 3) if len(rxs) > 4 else range(len(rxs))
    for side, rx in ((_SIDES[i], rxs[i]) for i in order):
        m = _subject_match(rx, first)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), side)
    if best is None and _FROM_REBELS_RE.search(first):
        return "state"
    return best[1] if best else None


# -- a person held by a non-state group: Abduction/forced disappearance, not Arrests ---------
# ACLED: an arrest is the act of state forces (or an authority); an armed group, gunmen or
# militants detaining a civilian is an abduction (Attack once a killing or serious injury is
# reported). Override-only (``group_detained``): Arrests / Attack / Other -> Abduction.
_NONSTATE_HOLDER = (
    r"(?:(?:unknown|unidentified|masked)\s+)?(?:[\w-]+\s+)?(?:armed (?:groups?|men|individuals|"
    r"gangs?)|gunm[ae]n|militants?|militiam[ae]n|militias?|rebels|insurgents|kidnappers|"
    r"jihadists|bandits)"
)
_HELD = r"(?:detained|arrested|captured|seized|held|picked up|took away|taken away)"
_PERSON = (
    r"(?:him|her|them|(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+|several\s+|one\s+)?"
    r"(?:[\w'-]+\s+){0,2}?(?:m[ae]n|wom[ae]n|civilians?|persons?|people|teachers?|"
    r"journalists?|activists?|students?|farmers?|shepherds?|traders?|shopkeepers?|drivers?|"
    r"villagers?|residents?|boys?|girls?|children|child|relatives?|brothers?|sons?|"
    r"doctors?|workers?|citizens?|passengers?|elders?|youths?|owners?|officials?))"
)
_GROUP_DETAINED_RE = re.compile(
    rf"\b{_HELD}\s+(?:[\w'-]+\s+){{0,3}}?by\s+(?:an?\s+|the\s+)?{_NONSTATE_HOLDER}\b|"
    rf"\b{_NONSTATE_HOLDER}\s+(?:[\w'-]+\s+){{0,3}}?{_HELD}\s+{_PERSON}\b",
    re.I,
)
# A state agent anywhere makes it an arrest or a raid; harm makes it an attack or a battle.
_DETAIN_BLOCK_RE = re.compile(
    r"\b(?:police\w*|soldiers?|troops|army|military|security (?:forces|services|personnel)|"
    r"authorities|intelligence|government forces|officers?|gendarm\w*|killed|dead|died|"
    r"bod(?:y|ies)|wounded|injured|clash\w*|fighting|exchange of fire|protest\w*|"
    r"demonstrat\w*)\b",
    re.I,
)


def group_detained(first: str) -> bool:
    """Whether the first sentence has a non-state group detaining a person (no state agent,
    no harm, no fight): ACLED Abduction/forced disappearance."""
    first = first[:600]
    return _GROUP_DETAINED_RE.search(first) is not None and not _DETAIN_BLOCK_RE.search(first)


# -- a group changing itself: Change to group/activity ---------------------------------------
# ACLED codes an armed or state group fortifying its lines, recruiting to form a force, or
# replacing a commander as Change to group/activity when no fight is part of the event.
# Override-only (``group_change``): battle and remote-violence guesses move.
_GROUP_CHANGE_RE = re.compile(
    r"\b(?:(?:establish\w*|buil[dt]\w*|dug|digging|erect\w*|set up|fortif\w*)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:fortifications?|trenches|defen[cs]e lines?|defensive (?:positions|"
    r"lines)|earth(?:en)? (?:mounds|berms|barriers)|sand ?bag\w*)|"
    r"recruit\w* (?:campaign|drive)s?|(?:launched|began|started|opened) (?:an? |the )?"
    r"(?:[\w-]+ ){0,2}(?:recruitment|enlistment|conscription)|"
    r"(?:decree|decision|order)s?\b[^.;]{0,40}\b(?:appoint\w*|replac\w*|dismiss\w*|remov\w*|"
    r"relie\w*|sack\w*)\b[^.;]{0,60}\bcommanders?|"
    r"(?:appoint\w*|replac\w*|dismiss\w*|remov\w*|relieved|sacked)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:as\s+)?(?:the\s+)?commanders?\s+of)\b",
    re.I,
)


def group_change(first: str) -> bool:
    """Whether the first sentence has a group fortifying, recruiting or replacing a commander
    with no violence of its own (the crowd / violence tests of ``_group_moved``)."""
    calm = _EXPECTED_RE.sub(" ", first[:600])
    m = _GROUP_CHANGE_RE.search(calm)
    if m is None:
        return False
    calm = calm[: m.start()] + " " + calm[m.end() :]  # "launched a recruitment drive" fires nothing
    return (
        not _CALM_VIOLENCE_RE.search(calm)
        and not _CROWD_RE.search(calm)
        and not _FIRE_RE.search(calm)
    )
