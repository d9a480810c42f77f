"""Builds the fusion test set from incidents.py: articles, gold incidents, ideal mentions.

Run: python examples/fusion/build.py  (writes articles.jsonl, gold.jsonl, mentions.jsonl here)

Each report of incidents.py is one article, except reports that share a ``ru`` key (one
article telling an attack and recalling an earlier one) and reprints (``C``: the wire text with
a word or two changed, under another outlet and url). Article ids are eventfuse's own
``article_id(clean_text(text), url)``, so gold and the pipeline name articles alike. The
mentions are what a perfect extractor would read from each report: the date at the precision
the report gives it, the place at the level the report names it, the report's own counts, with
evidence sentences taken from the text.
"""

from __future__ import annotations

import calendar
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from incidents import INCIDENTS

from eventfuse.ingest.text import article_id, clean_text
from eventfuse.model import Actor, DateRange, Evidence, Mention, Place, Precision, content_id

HERE = Path(__file__).parent
SUB_TO_TYPE = {
    "Armed clash": "Battles",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Excessive force against protesters": "Protests",
    "Attack": "Violence against civilians",
}
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'\"])")
_CUES = {
    "fatalities": re.compile(r"kill|dead|died|death|toll", re.I),
    "injured": re.compile(r"wound|injur|hurt|hospital", re.I),
    "arrested": re.compile(r"detain|arrest|captur", re.I),
}
Part = tuple[dict[str, Any], dict[str, Any], str]  # incident, report (resolved), paragraph


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60]


def resolve(inc: dict[str, Any]) -> list[tuple[dict[str, Any], date, str]]:
    """(report facts, publication date, text) per report; reprints take the original's facts."""
    last = date.fromisoformat(inc.get("end", inc["date"]))
    out: list[tuple[dict[str, Any], date, str]] = []
    for r in inc["reports"]:
        if "copy" in r:
            orig, pub, text = out[r["copy"]]
            for old, new in r["edits"]:
                assert old in text, (inc["key"], old)
                text = text.replace(old, new, 1)
            rep = {**orig, "outlet": r["outlet"], "title": r["title"], "copy": True}
            out.append((rep, pub + timedelta(days=r["days"]), text))
        else:
            out.append((r, last + timedelta(days=r["days"]), r["text"]))
    return out


def date_range(inc: dict[str, Any], mode: str) -> DateRange:
    d = date.fromisoformat(inc["date"])
    if mode == "range":
        return DateRange(d, date.fromisoformat(inc["end"]), Precision.DAY)
    if mode == "week":
        monday = d - timedelta(days=d.weekday())
        return DateRange(monday, monday + timedelta(days=6), Precision.WEEK)
    if mode == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        return DateRange(d.replace(day=1), d.replace(day=last), Precision.MONTH)
    return DateRange.day(d)


def place(inc: dict[str, Any], level: str) -> Place:
    c, a1 = inc["country"], inc["admin1"]
    if level == "province":
        name, lat, lon = inc["cap"]
        return Place(a1, c, a1, None, None, lat, lon, 3, "adm1", None, a1)
    if level == "city":
        name, lat, lon = inc["cap"]
        return Place(name, c, a1, None, None, lat, lon, 1, "town", None, name)
    geo = 2 if level == "near" else 1
    t = inc["town"]
    return Place(t, c, a1, inc["admin2"], None, inc["lat"], inc["lon"], geo, "town", None, t)


def evidence(text: str, para: str, art: str, r: dict[str, Any]) -> dict[str, Evidence]:
    base = text.index(para)
    sents, pos, spans = _SENT.split(para), 0, []
    for s in sents:
        start = para.index(s, pos)
        spans.append((s, base + start))
        pos = start + len(s)
    first = Evidence(art, spans[0][0], spans[0][1], spans[0][1] + len(spans[0][0]))
    out = {k: first for k in ("event_type", "sub_event_type", "event_date", "location", "actor1")}
    for field, key in (("fatalities", "f"), ("injured", "i"), ("arrested", "a")):
        if r[key] is None:
            continue
        hit = next((x for x in spans if _CUES[field].search(x[0])), spans[0])
        out[field] = Evidence(art, hit[0], hit[1], hit[1] + len(hit[0]))
    return out


def mention(inc: dict[str, Any], r: dict[str, Any], text: str, para: str, art: str) -> Mention:
    sub = r["ty"] or inc["type"][1]
    etype = inc["type"][0] if sub == inc["type"][1] else SUB_TO_TYPE[sub]
    a1, assoc = inc["a1"], tuple(inc["assoc"])
    if r["sp"] in ("CENTCOM", "AFRICOM") and assoc:  # the US tells it as its own operation
        a1, assoc = assoc[0], (inc["a1"],)
    return Mention(
        id=content_id(art, inc["key"], prefix="m_"),
        article_id=art,
        event_type=etype,
        sub_event_type=sub,
        date=date_range(inc, r["d"]),
        actor1=Actor(a1),
        actor2=Actor(inc["a2"]),
        assoc_actor1=assoc,
        place=place(inc, r["lvl"]),
        fatalities=r["f"],
        injured=r["i"],
        arrested=r["a"],
        speaker=r["sp"],
        evidence=evidence(text, para, art, r),
        text=para[:300],
    )


def group_parts() -> dict[str, list[tuple[dict[str, Any], dict[str, Any], date, str]]]:
    groups: dict[str, list[tuple[dict[str, Any], dict[str, Any], date, str]]] = {}
    for inc in INCIDENTS:
        for k, (r, pub, text) in enumerate(resolve(inc)):
            ru = None if r.get("copy") else r.get("ru")
            key = str(ru) if ru else f"{inc['key']}#{k}"
            groups.setdefault(key, []).append((inc, r, pub, text))
    return groups


def build() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    gold = {
        i["key"]: {"incident": i["key"], "date": i["date"], "end": i.get("end", i["date"]),
                   "country": i["country"], "admin1": i["admin1"], "location": i["town"],
                   "articles": [], "mentions": []}
        for i in INCIDENTS
    }  # fmt: skip
    articles, mentions = [], []
    for group in group_parts().values():
        head = next(p for p in group if p[1]["title"])
        _, hr, pub, _ = head
        text = clean_text("\n\n".join(p[3] for p in group))
        url = f"https://{slug(hr['outlet'])}.example/{pub:%Y/%m/%d}/{slug(hr['title'])}"
        art = article_id(text, url)
        articles.append({"id": art, "url": url, "title": hr["title"], "outlet": hr["outlet"],
                         "published": pub.isoformat(), "text": text})  # fmt: skip
        for inc, r, _, para in group:
            m = mention(inc, r, text, clean_text(para), art)
            mentions.append({**m.to_dict(), "gold_incident": inc["key"]})
            gold[inc["key"]]["articles"].append(art)
            gold[inc["key"]]["mentions"].append(m.id)
    return articles, list(gold.values()), mentions


def main() -> None:
    articles, gold, mentions = build()
    for name, rows in (("articles", articles), ("gold", gold), ("mentions", mentions)):
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles, {len(gold)} incidents, {len(mentions)} mentions")


if __name__ == "__main__":
    main()
