"""Builds the fusion test set from incidents.py: articles, gold incidents, ideal mentions.

Run: python examples/fusion/build.py  (writes articles.jsonl, gold.jsonl, mentions.jsonl here)

Reports of one outlet published on the same day form one article, so some articles tell two
incidents (a roundup), as real coverage does. The mentions are what a perfect extractor would
read from each report: the date as the report gives it (a weekday resolved to its date, "late
August" as a month), the place at the level the report names it, the report's own counts.
"""

from __future__ import annotations

import calendar
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from incidents import INCIDENTS

from eventfuse.model import (
    Actor,
    Article,
    DateRange,
    Evidence,
    Mention,
    Place,
    Precision,
    content_id,
    strip_period,
)

HERE = Path(__file__).parent
SUB_TO_TYPE = {
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Riots": "Riots",
}
TOLL = [
    "At least {n} people were killed",
    "The death toll rose to {n}",
    "{n} people died",
    "Officials put the number of dead at {n}",
]


def fmt(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def date_phrase(mode: str, d: date, end: date | None) -> tuple[str, DateRange | None]:
    if mode == "date":
        return f"on {fmt(d)}", DateRange.day(d)
    if mode == "weekday":
        return f"on {d:%A}", DateRange.day(d)
    if mode == "week":
        monday = d - timedelta(days=d.weekday())
        return "last week", DateRange(monday, monday + timedelta(days=6), Precision.WEEK)
    if mode == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        rng = DateRange(d.replace(day=1), d.replace(day=last), Precision.MONTH)
        return f"in late {d:%B}", rng
    if mode == "range":
        assert end is not None
        return f"between {d.day} and {fmt(end)}", DateRange(d, end, Precision.DAY)
    return "recently", None


def place_of(inc: dict[str, Any], level: str) -> tuple[str, Place]:
    if level == "province":
        cap = inc["cap"]
        phrase = f"in {inc['admin1']} province"
        return phrase, Place(
            inc["admin1"],
            inc["country"],
            inc["admin1"],
            None,
            None,
            cap[1],
            cap[2],
            3,
            "adm1",
            None,
            inc["admin1"],
        )
    rel = "near" if level == "near" else "in"
    phrase = f"{rel} {inc['town']}, {inc['country']}"
    return phrase, Place(
        inc["town"],
        inc["country"],
        inc["admin1"],
        inc["admin2"],
        None,
        inc["lat"],
        inc["lon"],
        2 if level == "near" else 1,
        "town",
        None,
        inc["town"],
    )


def sentences(
    inc: dict[str, Any], r: tuple[Any, ...], k: int
) -> tuple[list[str], DateRange | None, Place]:
    _, _, fat, inj, arr, level, mode, speaker, _, _ = r
    d = date.fromisoformat(inc["date"])
    end = date.fromisoformat(inc["end"]) if "end" in inc else None
    when, rng = date_phrase(mode, d, end)
    where, place = place_of(inc, level)
    what = inc["what"][k % len(inc["what"])]
    first = f"{what[0].upper()}{what[1:]} {where} {when}."
    if k % 2:
        first = f"{when[0].upper()}{when[1:]}, {what} {where}."
    said = f", {speaker} said." if speaker else "."
    if fat is None:
        toll = "There was no immediate word on casualties."
    elif fat == 0:
        toll = "No deaths were reported" + said
    else:
        toll = TOLL[k % len(TOLL)].format(n=fat) + said
    out = [first, toll]
    if inj:
        out.append(f"Another {inj} were wounded.")
    if arr:
        out.append(f"{arr} suspects were detained as they tried to flee.")
    tail = [
        "No group immediately claimed responsibility.",
        (
            f"Officials blamed {strip_period(inc['a1'])}."
            if "Forces of" not in inc["a1"]
            else "Security forces described it as a success."
        ),
        "It was one of the deadliest incidents of the year in the area.",
    ]
    out.append(tail[k % len(tail)])
    return out, rng, place


def mention_for(
    inc: dict[str, Any],
    r: tuple[Any, ...],
    sents: list[str],
    rng: DateRange | None,
    place: Place,
    art_id: str,
    offset: int,
) -> Mention:
    _, _, fat, inj, arr, _, _, speaker, _, alt = r
    etype, sub = inc["type"]
    if alt:
        etype, sub = SUB_TO_TYPE[alt], alt
        if alt == "Riots":
            sub = "Violent demonstration"
    a1, assoc = inc["a1"], tuple(inc["assoc"])
    if speaker in ("CENTCOM", "AFRICOM") and assoc:
        a1, assoc = assoc[0], (inc["a1"],)
    evidence: dict[str, Evidence] = {}
    pos = offset
    for idx, s in enumerate(sents):
        ev = Evidence(art_id, s, pos, pos + len(s))
        if idx == 0:
            for f in ("event_type", "sub_event_type", "event_date", "location", "actor1"):
                evidence[f] = ev
        elif idx == 1:
            evidence["fatalities"] = ev
        elif "wounded" in s:
            evidence["injured"] = ev
        elif "detained" in s:
            evidence["arrested"] = ev
        pos += len(s) + 1
    return Mention(
        id=content_id(art_id, inc["key"], prefix="m_"),
        article_id=art_id,
        event_type=etype,
        sub_event_type=sub,
        date=rng,
        actor1=Actor(a1),
        actor2=Actor(inc["a2"]),
        assoc_actor1=assoc,
        place=place,
        fatalities=fat,
        injured=inj,
        arrested=arr,
        speaker=speaker,
        evidence=evidence,
        text=" ".join(sents[:2]),
    )


def build() -> tuple[list[Article], list[dict[str, Any]], list[dict[str, Any]]]:
    parts: dict[tuple[str, str], list[tuple[dict[str, Any], tuple[Any, ...], int]]] = {}
    for inc in INCIDENTS:
        for k, r in enumerate(inc["reports"]):
            pub = (
                date.fromisoformat(inc.get("end", inc["date"])) + timedelta(days=r[1])
            ).isoformat()
            key = (r[0], pub) if r[8] is None else (r[0] + " (copy)", pub + inc["key"])
            parts.setdefault(key, []).append((inc, r, k))
    articles, mentions, gold = (
        [],
        [],
        {
            i["key"]: {
                "incident": i["key"],
                "date": i["date"],
                "end": i.get("end", i["date"]),
                "country": i["country"],
                "admin1": i["admin1"],
                "location": i["town"],
                "articles": [],
                "mentions": [],
            }
            for i in INCIDENTS
        },
    )
    ids: dict[tuple[str, int], str] = {}
    for (outlet, pub), group in sorted(parts.items(), key=lambda kv: kv[1][0][1][8] is not None):
        texts, pending = [], []
        offset = 0
        for inc, r, k in group:
            copy = r[8]
            sents, rng, place = sentences(
                inc,
                inc["reports"][copy] if copy is not None else r,
                copy if copy is not None else k,
            )
            pending.append((inc, r, sents, rng, place, offset))
            texts.append(" ".join(sents))
            offset += len(texts[-1]) + 2
        text = "\n\n".join(texts)
        if any(r[8] is not None for _, r, _ in group):
            text += f"\n\n(Distributed by {group[0][1][0].replace(' (copy)', '')}.)"
        art_id = content_id(text, prefix="a_")
        first = group[0]
        dup = ids.get((first[0]["key"], first[1][8])) if first[1][8] is not None else None
        title = f"{first[0]['town']}: {first[0]['what'][0][:60]}"
        articles.append(
            Article(
                art_id,
                text,
                title,
                outlet.replace(" (copy)", ""),
                f"https://example.org/{art_id}",
                date.fromisoformat(pub[:10]),
                duplicate_of=dup,
            )
        )
        for inc, r, sents, rng, place, off in pending:
            ids[(inc["key"], inc["reports"].index(r))] = art_id
            m = mention_for(inc, r, sents, rng, place, art_id, off)
            mentions.append({**m.to_dict(), "gold_incident": inc["key"]})
            gold[inc["key"]]["articles"].append(art_id)
            gold[inc["key"]]["mentions"].append(m.id)
    return articles, list(gold.values()), mentions


def main() -> None:
    articles, gold, mentions = build()
    for name, rows in (
        ("articles", [a.to_dict() for a in articles]),
        ("gold", gold),
        ("mentions", mentions),
    ):
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                if name == "articles":
                    row = {
                        k: row[k]
                        for k in (
                            "id",
                            "url",
                            "title",
                            "outlet",
                            "published",
                            "text",
                            "duplicate_of",
                        )
                    }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles, {len(gold)} incidents, {len(mentions)} mentions")


if __name__ == "__main__":
    main()
