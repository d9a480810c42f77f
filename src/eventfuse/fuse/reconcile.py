"""Reconciliation: one Event from the mentions of a cluster, keeping every source's claims.

The rules (documented with a worked example in docs/fusion.md):
- type: confidence-weighted majority; Battles absorbs Explosions/Remote violence when both
  are reported; ties go to the type higher in ACLED's hierarchy.
- date: the most precise date consistent with the most other reports.
- place: the most precise place (lowest geo_precision), then the one most reports name.
- actors: the most reported actor1 and actor2; associated actors are the union of the rest.
- counts (fatalities, injured, arrested): a toll is a running count, so a figure is
  superseded by any report published later. The *credible* figures are those of the latest
  reports (published within ``REVISION_DAYS`` of the most recent report giving a figure);
  ``fatalities`` is the lowest credible figure (ACLED), ``fatalities_low``/``high`` the lowest
  and highest figure ever reported, ``fatalities_best`` (UCDP) the median of the latest
  figure of each independent source.

At a million mentions this runs ~350k times, so every function is written for the common
small cluster (one to three reports): no per-call dict of articles, no dataclass copies,
shared immutable values (dates, date strings, source references) cached per fuse call.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any, NamedTuple, TypeVar

from eventfuse.fuse.sources import ArticleIndex
from eventfuse.fuse.table import UNDATED, day_date
from eventfuse.fuse.vocab import TYPE_RANK
from eventfuse.model import Actor, Claim, DateRange, Evidence, Mention, Place, Precision

REVISION_DAYS = 1
K = TypeVar("K", bound=Hashable)
CLAIM_FIELDS = (
    "event_type",
    "sub_event_type",
    "event_date",
    "location",
    "actor1",
    "actor2",
    "fatalities",
    "injured",
    "arrested",
)
COUNT_FIELDS = ("fatalities", "injured", "arrested")


class Report(NamedTuple):
    """One unit of a cluster: a mention, the day range it covers here, and its count share."""

    mention: Mention
    start: int
    end: int
    prec: int
    day_index: int = 0  # which day of a split multi-day mention (0 otherwise)
    n_days: int = 1


def tally(items: Iterable[K]) -> dict[K, int]:
    """Counts of each item, in order of first appearance (a Counter without its set-up
    cost, which dominates for the two or three reports of a typical cluster)."""
    out: dict[K, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


def share(value: int | None, r: Report) -> int | None:
    """A count divided by day for split mentions (the remainder goes to the first day)."""
    if value is None or r.n_days == 1:
        return value
    part = value // r.n_days
    return part + (value % r.n_days if r.day_index == 0 else 0)


def reconcile_type(reports: Sequence[Report]) -> tuple[str, str]:
    """Event type by weighted vote (Battles absorbs remote violence), then its sub-type."""
    if len(reports) == 1:
        m = reports[0].mention
        return m.event_type, m.sub_event_type
    votes: dict[str, float] = {}
    for r in reports:
        t = r.mention.event_type
        votes[t] = votes.get(t, 0.0) + float(r.mention.confidence.get("event_type", 1.0))
    if "Battles" in votes and "Explosions/Remote violence" in votes:
        chosen = "Battles"
    else:
        chosen = min(votes, key=lambda t: (-votes[t], TYPE_RANK.get(t, 9), t))
    subs: dict[str, float] = {}
    for r in reports:
        if r.mention.event_type == chosen:
            st = r.mention.sub_event_type
            subs[st] = subs.get(st, 0.0) + float(r.mention.confidence.get("sub_event_type", 1.0))
    return chosen, min(subs, key=lambda s: (-subs[s], s))


def when_text(d: DateRange | None) -> str:
    """The opening of the notes: "On 29 August 2024", or "Around ..." for vaguer dates."""
    if d is None:
        return "On an unknown date"
    coded = d.coded
    day = f"{coded.day} {coded:%B %Y}"
    return f"On {day}" if d.precision == Precision.DAY else f"Around {day} (as reported)"


class DateCache:
    """Shared DateRange objects and claim strings per day window (immutable, so reusable)."""

    def __init__(self) -> None:
        self.ranges: dict[tuple[int, int, int], DateRange] = {}
        self.texts: dict[tuple[int, int], str] = {}
        self.whens: dict[DateRange, str] = {}

    def range(self, start: int, end: int, prec: int) -> DateRange:
        key = (start, end, prec)
        dr = self.ranges.get(key)
        if dr is None:
            dr = self.ranges[key] = DateRange(day_date(start), day_date(end), Precision(prec))
        return dr

    def text(self, start: int, end: int) -> str:
        key = (start, end)
        s = self.texts.get(key)
        if s is None:
            a, b = day_date(start).isoformat(), day_date(end).isoformat()
            s = self.texts[key] = a if a == b else f"{a}/{b}"
        return s

    def when(self, d: DateRange | None) -> str:
        if d is None:
            return when_text(d)
        text = self.whens.get(d)
        if text is None:
            text = self.whens[d] = when_text(d)
        return text


def reconcile_date(reports: Sequence[Report], slack: int, dates: DateCache) -> DateRange | None:
    """The most precise date range that is consistent with the most other reports."""
    windows = [(r.start, r.end, r.prec) for r in reports if r.prec != UNDATED]
    if not windows:
        return None
    if len(windows) == 1:
        return dates.range(*windows[0])
    support = tally(windows)

    def consistent(w: tuple[int, int, int]) -> int:
        return sum(1 for o in windows if w[0] <= o[1] + slack and o[0] <= w[1] + slack)

    best = min(
        support,
        key=lambda w: (-consistent(w), w[2], w[1] - w[0], -support[w], w[0]),
    )
    return dates.range(*best)


def reconcile_place(reports: Sequence[Report]) -> Place | None:
    if len(reports) == 1:
        return reports[0].mention.place
    places = [r.mention.place for r in reports if r.mention.place is not None]
    if not places:
        return None
    support = tally((p.name, p.admin1) for p in places)
    return min(places, key=lambda p: (p.geo_precision, -support[(p.name, p.admin1)], p.name))


def reconcile_actors(
    reports: Sequence[Report],
) -> tuple[Actor | None, Actor | None, tuple[str, ...], tuple[str, ...]]:
    """The most reported actor1 and actor2 (ties: alphabetical); the rest become associates."""
    if len(reports) == 1:
        return single_actors(reports[0].mention)
    ones = tally(r.mention.actor1.name for r in reports if r.mention.actor1)
    twos = tally(r.mention.actor2.name for r in reports if r.mention.actor2)
    by_name = {a.name: a for r in reports for a in (r.mention.actor1, r.mention.actor2) if a}
    a1 = min(ones, key=lambda n: (-ones[n], n)) if ones else None
    twos.pop(a1 or "", None)
    a2 = min(twos, key=lambda n: (-twos[n], n)) if twos else None
    main = {a1, a2}
    assoc1 = sorted({a for r in reports for a in r.mention.assoc_actor1} - main)
    assoc2 = sorted({a for r in reports for a in r.mention.assoc_actor2} - main - set(assoc1))
    for r in reports:  # a main actor of one report that another report put first is an associate
        for actor, bucket in ((r.mention.actor1, assoc1), (r.mention.actor2, assoc2)):
            if actor and actor.name not in main and actor.name not in assoc1 + assoc2:
                bucket.append(actor.name)
    return (
        by_name[a1] if a1 else None,
        by_name[a2] if a2 else None,
        tuple(sorted(assoc1)),
        tuple(sorted(assoc2)),
    )


def single_actors(
    m: Mention,
) -> tuple[Actor | None, Actor | None, tuple[str, ...], tuple[str, ...]]:
    """``reconcile_actors`` of one report, without the vote (same rules, same result)."""
    one, two = m.actor1, m.actor2
    a1 = one.name if one else None
    a2 = two.name if two is not None and two.name != (a1 or "") else None
    main = {a1, a2}
    assoc1 = sorted(set(m.assoc_actor1) - main) if m.assoc_actor1 else []
    assoc2 = sorted(set(m.assoc_actor2) - main - set(assoc1)) if m.assoc_actor2 else []
    if two is not None and two.name not in main and two.name not in assoc1 + assoc2:
        assoc2.append(two.name)
    # As in the vote: an actor2 named like actor1 stands for it (the last one named wins).
    first = two if two is not None and a1 is not None and two.name == a1 else one
    return (
        first if a1 else None,
        two if a2 else None,
        tuple(sorted(assoc1)),
        tuple(sorted(assoc2)),
    )


Counts = tuple[int | None, int | None, int | None, int | None]  # value, low, high, best
NO_COUNTS: Counts = (None, None, None, None)


def reconcile_count(reports: Sequence[Report], name: str, arts: ArticleIndex) -> Counts:
    """Lowest credible (latest) figure, lowest/highest ever, median of sources' latest figure."""
    if len(reports) == 1:
        v = share(getattr(reports[0].mention, name), reports[0])
        return NO_COUNTS if v is None else (v, v, v, v)
    figures = [(r, v) for r in reports if (v := share(getattr(r.mention, name), r)) is not None]
    if not figures:
        return NO_COUNTS
    if len(figures) == 1:
        v = figures[0][1]
        return (v, v, v, v)
    values = [v for _, v in figures]
    days = [arts.day(r.mention.article_id) for r, _ in figures]
    known = [d for d in days if d is not None]
    latest = max(known) if known else None
    credible = [
        v
        for v, d in zip(values, days, strict=True)
        if latest is None or d is None or d >= latest - REVISION_DAYS
    ]
    per_source: dict[str, tuple[int, int]] = {}
    for (r, v), d in zip(figures, days, strict=True):
        root = arts.root(r.mention.article_id)
        stamp = d if d is not None else 0
        if root not in per_source or stamp >= per_source[root][0]:
            per_source[root] = (stamp, v)
    latest_each = sorted(v for _, v in per_source.values())
    best = latest_each[(len(latest_each) - 1) // 2]
    return (min(credible), min(values), max(values), best)


def reconcile_sides(reports: Sequence[Report]) -> dict[str, int]:
    sides: dict[str, int] = {}
    for r in reports:
        for side, n in r.mention.fatalities_by_side.items():
            part = n if r.n_days == 1 else n // r.n_days + (n % r.n_days if r.day_index == 0 else 0)
            sides[side] = min(sides.get(side, part), part)
    return sides


_EVIDENCE_ALIASES = {
    "event_date": ("date",),
    "location": ("place", "admin1"),
    "fatalities": ("killed",),
}


def claim_evidence(m: Mention, name: str) -> Evidence | None:
    for key in (name, *_EVIDENCE_ALIASES.get(name, ())):
        if key in m.evidence:
            return m.evidence[key]
    if m.evidence:
        return m.evidence[min(m.evidence)]
    return None


def claim_values(r: Report, dates: DateCache) -> tuple[Any, ...]:
    """The value of every claim field (``CLAIM_FIELDS`` order) that the report gives."""
    m = r.mention
    a1, a2, place = m.actor1, m.actor2, m.place
    return (
        m.event_type,
        m.sub_event_type,
        None if r.prec == UNDATED else dates.text(r.start, r.end),
        place.name if place else None,
        a1.name if a1 else None,
        a2.name if a2 else None,
        share(m.fatalities, r),
        share(m.injured, r),
        share(m.arrested, r),
    )


def report_claims(r: Report, outlet: str | None, values: tuple[Any, ...], out: list[Claim]) -> None:
    """Append one claim per field the report gives, with its speaker and evidence."""
    m = r.mention
    aid, mid, speakers = m.article_id, m.id, m.field_speakers
    # Who said it is per sentence: the speaker of this field's evidence.
    # ("" from the extractor: that sentence attributes it to nobody).
    speaker = m.speaker or None
    evidence = m.evidence
    if not speakers and not evidence:  # the same speaker and no evidence for every field
        out.extend(
            [
                Claim(name, value, aid, mid, outlet, speaker, None)
                for name, value in zip(CLAIM_FIELDS, values, strict=True)
                if value is not None
            ]
        )
        return
    for name, value in zip(CLAIM_FIELDS, values, strict=True):
        if value is None:
            continue
        who = (speakers.get(name, m.speaker) or None) if speakers else speaker
        ev = claim_evidence(m, name) if evidence else None
        out.append(Claim(name, value, aid, mid, outlet, who, ev))


def build_claims(
    reports: Sequence[Report], arts: ArticleIndex, dates: DateCache
) -> tuple[tuple[Claim, ...], tuple[str, ...]]:
    """One claim per (mention, field) the mention reports (by mention id); and disagreements.

    The disagreements are the fields whose claims hold more than one value.
    """
    claims: list[Claim] = []
    if len(reports) == 1:  # one report makes at most one claim per field: no disagreement
        r = reports[0]
        report_claims(r, arts.outlet(r.mention.article_id), claim_values(r, dates), claims)
        return tuple(claims), ()
    rows = []
    for r in sorted(reports, key=lambda r: r.mention.id):
        values = claim_values(r, dates)
        rows.append(values)
        report_claims(r, arts.outlet(r.mention.article_id), values, claims)
    split = tuple(
        name
        for name, column in zip(CLAIM_FIELDS, zip(*rows, strict=True), strict=True)
        # Each field holds values of one type (str or int), so set equality is value equality.
        if len(set(column) - {None}) > 1
    )
    return tuple(claims), split


class Summary(NamedTuple):
    """The reconciled fields that the notes mention."""

    date: DateRange | None
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    sub_event_type: str
    counts: Counts
    injured: int | None
    arrested: int | None


def make_notes(s: Summary, dates: DateCache) -> str:
    """A short ACLED-style summary in our own template."""
    when = dates.when(s.date)
    who = " and ".join(a.name for a in (s.actor1, s.actor2) if a) or "unidentified actors"
    where = ""
    if s.place is not None:
        units = ", ".join(x for x in (s.place.admin2, s.place.admin1) if x)
        where = f" in {s.place.name}" + (f" ({units})" if units else "")
    kind = s.sub_event_type.lower()
    value, low, high, _ = s.counts
    tail = f"{value or 0} fatalities." if high is not None else "Casualties unknown."
    if low is not None and low != high:
        tail += f" Reports range from {low} to {high}."
    pairs = ((s.injured, "injured"), (s.arrested, "arrested"))
    extras = [f"{n} {label}" for n, label in pairs if n]
    if extras:
        tail += " " + ", ".join(extras).capitalize() + "."
    return f"{when}, {kind} involving {who}{where}. {tail}"
