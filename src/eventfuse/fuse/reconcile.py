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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventfuse.fuse.sources import independent_roots, source_refs
from eventfuse.fuse.table import UNDATED, day_date
from eventfuse.fuse.vocab import TYPE_RANK
from eventfuse.model import (
    Actor,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Mention,
    Place,
    Precision,
)

REVISION_DAYS = 1
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


@dataclass(frozen=True)
class Report:
    """One unit of a cluster: a mention, the day range it covers here, and its count share."""

    mention: Mention
    start: int
    end: int
    prec: int
    day_index: int = 0  # which day of a split multi-day mention (0 otherwise)
    n_days: int = 1

    def count(self, name: str) -> int | None:
        """A count of the mention, divided by day for split mentions (remainder to day 1)."""
        value: int | None = getattr(self.mention, name)
        if value is None or self.n_days == 1:
            return value
        share = value // self.n_days
        return share + (value % self.n_days if self.day_index == 0 else 0)


def _weight(m: Mention, name: str) -> float:
    return float(m.confidence.get(name, 1.0))


def reconcile_type(reports: Sequence[Report]) -> tuple[str, str]:
    """Event type by weighted vote (Battles absorbs remote violence), then its sub-type."""
    votes: dict[str, float] = {}
    for r in reports:
        t = r.mention.event_type
        votes[t] = votes.get(t, 0.0) + _weight(r.mention, "event_type")
    if "Battles" in votes and "Explosions/Remote violence" in votes:
        chosen = "Battles"
    else:
        chosen = min(votes, key=lambda t: (-votes[t], TYPE_RANK.get(t, 9), t))
    subs: dict[str, float] = {}
    for r in reports:
        if r.mention.event_type == chosen:
            st = r.mention.sub_event_type
            subs[st] = subs.get(st, 0.0) + _weight(r.mention, "sub_event_type")
    return chosen, min(subs, key=lambda s: (-subs[s], s))


def reconcile_date(reports: Sequence[Report], slack: int) -> DateRange | None:
    """The most precise date range that is consistent with the most other reports."""
    windows = [(r.start, r.end, r.prec) for r in reports if r.prec != UNDATED]
    if not windows:
        return None
    support = Counter(windows)

    def consistent(w: tuple[int, int, int]) -> int:
        return sum(1 for o in windows if w[0] <= o[1] + slack and o[0] <= w[1] + slack)

    best = min(
        support,
        key=lambda w: (-consistent(w), w[2], w[1] - w[0], -support[w], w[0]),
    )
    return DateRange(day_date(best[0]), day_date(best[1]), Precision(best[2]))


def reconcile_place(reports: Sequence[Report]) -> Place | None:
    places = [r.mention.place for r in reports if r.mention.place is not None]
    if not places:
        return None
    support = Counter((p.name, p.admin1) for p in places)
    return min(places, key=lambda p: (p.geo_precision, -support[(p.name, p.admin1)], p.name))


def reconcile_actors(
    reports: Sequence[Report],
) -> tuple[Actor | None, Actor | None, tuple[str, ...], tuple[str, ...]]:
    """The most reported actor1 and actor2 (ties: alphabetical); the rest become associates."""
    ones = Counter(r.mention.actor1.name for r in reports if r.mention.actor1)
    twos = Counter(r.mention.actor2.name for r in reports if r.mention.actor2)
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


@dataclass(frozen=True)
class Counts:
    value: int | None
    low: int | None
    high: int | None
    best: int | None


def reconcile_count(
    reports: Sequence[Report],
    name: str,
    published: Mapping[str, date | None],
    roots: Mapping[str, str],
) -> Counts:
    """Lowest credible (latest) figure, lowest/highest ever, median of sources' latest figure."""
    figures = [(r, v) for r in reports if (v := r.count(name)) is not None]
    if not figures:
        return Counts(None, None, None, None)
    values = [v for _, v in figures]
    days = [published.get(r.mention.article_id) for r, _ in figures]
    known = [d.toordinal() for d in days if d is not None]
    latest = max(known) if known else None
    credible = [
        v
        for (r, v), d in zip(figures, days, strict=True)
        if latest is None or d is None or d.toordinal() >= latest - REVISION_DAYS
    ]
    per_source: dict[str, tuple[int, int]] = {}
    for (r, v), d in zip(figures, days, strict=True):
        root = roots.get(r.mention.article_id, r.mention.article_id)
        stamp = d.toordinal() if d else 0
        if root not in per_source or stamp >= per_source[root][0]:
            per_source[root] = (stamp, v)
    latest_each = sorted(v for _, v in per_source.values())
    best = latest_each[(len(latest_each) - 1) // 2]
    return Counts(min(credible), min(values), max(values), best)


def reconcile_sides(reports: Sequence[Report]) -> dict[str, int]:
    sides: dict[str, int] = {}
    for r in reports:
        for side, n in r.mention.fatalities_by_side.items():
            share = (
                n if r.n_days == 1 else n // r.n_days + (n % r.n_days if r.day_index == 0 else 0)
            )
            sides[side] = min(sides.get(side, share), share)
    return sides


def claim_value(r: Report, name: str) -> Any:
    m = r.mention
    if name == "event_type":
        return m.event_type
    if name == "sub_event_type":
        return m.sub_event_type
    if name == "event_date":
        if r.prec == UNDATED:
            return None
        s, e = day_date(r.start).isoformat(), day_date(r.end).isoformat()
        return s if s == e else f"{s}/{e}"
    if name == "location":
        return m.place.name if m.place else None
    if name in ("actor1", "actor2"):
        actor = getattr(m, name)
        return actor.name if actor else None
    return r.count(name)


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


def build_claims(reports: Sequence[Report], outlets: Mapping[str, str | None]) -> tuple[Claim, ...]:
    """One claim per (mention, field) for every field the mention reports."""
    claims: list[Claim] = []
    for r in sorted(reports, key=lambda r: r.mention.id):
        m = r.mention
        for name in CLAIM_FIELDS:
            value = claim_value(r, name)
            if value is None:
                continue
            claims.append(
                Claim(
                    name,
                    value,
                    m.article_id,
                    m.id,
                    outlets.get(m.article_id),
                    # Who said it is per sentence: the speaker of this field's evidence.
                    # ("" from the extractor: that sentence attributes it to nobody).
                    m.field_speakers.get(name, m.speaker) or None,
                    claim_evidence(m, name),
                )
            )
    return tuple(claims)


def disagreements(claims: Sequence[Claim]) -> tuple[str, ...]:
    values: dict[str, set[str]] = {}
    for c in claims:
        values.setdefault(c.field, set()).add(repr(c.value))
    return tuple(f for f in CLAIM_FIELDS if len(values.get(f, ())) > 1)


def make_notes(ev: Event) -> str:
    """A short ACLED-style summary in our own template."""
    when = "On an unknown date"
    if ev.date is not None:
        d = ev.date.coded
        day = f"{d.day} {d:%B %Y}"
        when = f"On {day}" if ev.date.precision == Precision.DAY else f"Around {day} (as reported)"
    who = " and ".join(a.name for a in (ev.actor1, ev.actor2) if a) or "unidentified actors"
    where = ""
    if ev.place is not None:
        units = ", ".join(x for x in (ev.place.admin2, ev.place.admin1) if x)
        where = f" in {ev.place.name}" + (f" ({units})" if units else "")
    kind = ev.sub_event_type.lower()
    tail = (
        f"{ev.fatalities} fatalities." if ev.fatalities_high is not None else "Casualties unknown."
    )
    if ev.fatalities_low is not None and ev.fatalities_low != ev.fatalities_high:
        tail += f" Reports range from {ev.fatalities_low} to {ev.fatalities_high}."
    extras = [
        f"{n} {label}" for n, label in ((ev.injured, "injured"), (ev.arrested, "arrested")) if n
    ]
    if extras:
        tail += " " + ", ".join(extras).capitalize() + "."
    return f"{when}, {kind} involving {who}{where}. {tail}"


def build_event(reports: Sequence[Report], articles: Mapping[str, Article], slack: int) -> Event:
    """The reconciled Event of one cluster (its id is assigned afterwards)."""
    art_ids = sorted({r.mention.article_id for r in reports})
    published = {a: (articles[a].published if a in articles else None) for a in art_ids}
    outlets = {a: (articles[a].outlet if a in articles else None) for a in art_ids}
    roots = independent_roots(art_ids, articles)
    etype, stype = reconcile_type(reports)
    a1, a2, assoc1, assoc2 = reconcile_actors(reports)
    counts = {n: reconcile_count(reports, n, published, roots) for n in COUNT_FIELDS}
    fat = counts["fatalities"]
    claims = build_claims(reports, outlets)
    ev = Event(
        id="",
        event_type=etype,
        sub_event_type=stype,
        date=reconcile_date(reports, slack),
        actor1=a1,
        actor2=a2,
        assoc_actor1=assoc1,
        assoc_actor2=assoc2,
        place=reconcile_place(reports),
        fatalities=fat.value or 0,
        fatalities_low=fat.low,
        fatalities_high=fat.high,
        fatalities_best=fat.best,
        injured=counts["injured"].value,
        arrested=counts["arrested"].value,
        fatalities_by_side=reconcile_sides(reports),
        mention_ids=tuple(sorted({r.mention.id for r in reports})),
        sources=source_refs(art_ids, articles),
        claims=claims,
        disagreements=disagreements(claims),
        n_independent_sources=len(set(roots.values())),
    )
    return ev.with_(notes=make_notes(ev))
