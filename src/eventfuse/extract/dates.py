"""Find and resolve date expressions in news and ACLED-note sentences.

Pure regex with a month table: dateparser.search_dates is unreliable on news text (see
docs/offline-dependencies §3) and dateparser.parse is ~0.5 ms a call, so we resolve everything
ourselves. Every pattern yields a :class:`DateMatch` with an ACLED precision:

* DAY   an exact day ("29 August 2024", "on Thursday", "yesterday", a day range)
* WEEK  a week or weekend ("last week", "the first week of May", "Around 9 May 2020 (as
        reported)" -- ACLED codes such rows time_precision 2 with the stated day as midpoint)
* MONTH a month or part of one ("mid-August", "late August", "earlier this month", "in July")

Year-only expressions ("in 2014", "since 2014", "the 1990s") come back with granularity "year":
ACLED cannot code them, but callers use them to recognise background sentences.

Relative expressions (weekdays, "yesterday", "last week") need the publication date; without
one they are dropped. A date written without a year takes the year that puts it on or before
publication, unless it falls less than ``FUTURE_WINDOW_DAYS`` after publication (an
announced plan: "the vote on September 1" in an article of 31 August).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventfuse.model import DateRange, Precision

__all__ = ["DateMatch", "find_dates", "resolve_date"]

FUTURE_WINDOW_DAYS = 45
MAX_TEXT = 100_000  # bound the work on untrusted input

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        _MONTHS[_name.lower()] = _i
        _MONTHS[_name[:3].lower()] = _i
_MONTHS["sept"] = 9

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name[:3].lower(): i for i, name in enumerate(calendar.day_name)})

# Month names must be capitalised (or all caps): "march" and "may" are also verbs.
# Only an abbreviation takes a dot: "Aug. 29", but the full stop of "... on 19 August." ends the
# sentence and must stay out of the match (it would tie the date to the sentence's root verb).
_MON_ALT = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER"
    r"|DECEMBER)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_MON = rf"(?P<mon>{_MON_ALT})"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_OPT_YEAR = rf"(?:,?\s+{_YEAR}(?!\d))?"
_DAY = r"(?P<day>[0-3]?\d)"
# ACLED hedges: any of these makes a day date WEEK precision (time_precision 2).
_PRE = (
    r"(?P<pre>(?:[Oo]n or (?:around|about|before|after)|[Aa]s reported on|[Rr]eported on"
    r"|[Aa]round|[Aa]bout|[Aa]pproximately|(?:[Tt]he )?[Ww]eek of)\s+)?"
)
_SUF = (
    r"(?P<suf>,?\s+or\s+(?:before|after|around|about)\b"
    r"|\s*\((?:as reported|or around|or about|week of"
    r"|exact date (?:not|un)\w*(?: reported)?|approx\w*\.?|date approximate)\))?"
)
_WD_PREFIX = rf"(?:{_WD},?\s+(?:the\s+)?)?"


@dataclass(frozen=True)
class DateMatch:
    """One date expression: its span in the text and what it means."""

    start: int
    end: int
    text: str
    range: DateRange
    granularity: str  # "day", "week", "month", "year", "range" (a span of days)
    relative: bool  # resolved against the publication date
    coded_day: date | None = None  # ACLED's coded date when it is not range.coded

    @property
    def coded(self) -> date:
        """The single date ACLED records (1st / last day for "early" / "late" Month)."""
        return self.coded_day or self.range.coded

    @property
    def precision(self) -> Precision:
        return self.range.precision

    def is_future(self, published: date | None) -> bool:
        """True when the whole expression lies after publication (an announced plan)."""
        return published is not None and self.range.start > published


@dataclass(frozen=True)
class _Ctx:
    published: date | None


_Handler = Callable[[re.Match[str], _Ctx], tuple[DateRange, str, bool, date | None] | None]
_Result = tuple[DateRange, str, bool, date | None]


# ---------------------------------------------------------------- helpers


def _month(tok: str) -> int:
    key = tok.rstrip(".").lower()
    return _MONTHS.get(key) or _MONTHS[key[:3]]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """The year of a day written without one (see module doc)."""
    if published is None:
        return None
    y = published.year
    cand = _safe_date(y, month, day if not (month == 2 and day == 29) else 28)
    if cand is None:
        return None
    if cand <= published or (cand - published).days <= FUTURE_WINDOW_DAYS:
        return y
    return y - 1


def _infer_month_year(month: int, published: date | None) -> int | None:
    if published is None:
        return None
    if month <= published.month or month - published.month <= 1:
        return published.year
    return published.year - 1


def _hedged(m: re.Match[str]) -> bool:
    gd = m.groupdict()
    return bool(gd.get("pre") or gd.get("suf"))


def _day_result(d: date, m: re.Match[str], relative: bool) -> _Result:
    if _hedged(m):
        # ACLED: a week centred on the stated day; DateRange.coded gives the day back.
        return (
            DateRange(d - timedelta(days=3), d + timedelta(days=3), Precision.WEEK),
            "week",
            relative,
            d,
        )
    return DateRange.day(d), "day", relative, None


def _year_of(m: re.Match[str], month: int, day: int, ctx: _Ctx) -> tuple[int | None, bool]:
    ys = m.groupdict().get("year")
    if ys:
        y = int(ys)
        return (y + 2000 if y < 100 else y), False
    return _infer_year(month, day, ctx.published), True


def _abs_day(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    month = _month(m.group("mon"))
    day = int(m.group("day"))
    year, rel = _year_of(m, month, day, ctx)
    if year is None:
        return None
    d = _safe_date(year, month, day)
    return _day_result(d, m, rel) if d else None


def _iso(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    d = _safe_date(int(m.group("year")), int(m.group("m")), int(m.group("day")))
    return _day_result(d, m, False) if d else None


def _dash(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    y = int(m.group("year"))
    y = y + 2000 if y < 100 else y
    d = _safe_date(y, _month(m.group("mon")), int(m.group("day")))
    return _day_result(d, m, False) if d else None


def _day_range(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    gd = m.groupdict()
    month2 = _month(gd["mon"])
    month1 = _month(gd["mon1"]) if gd.get("mon1") else month2
    d1, d2 = int(gd["d1"]), int(gd["d2"])
    year, rel = _year_of(m, month2, d2, ctx)
    if year is None:
        return None
    a = _safe_date(year if month1 <= month2 else year - 1, month1, d1)
    b = _safe_date(year, month2, d2)
    if a is None or b is None or b < a or (b - a).days > 62:
        return None
    return DateRange(a, b, Precision.DAY), "range", rel, None


def _month_part(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    month = _month(m.group("mon"))
    ys = m.groupdict().get("year")
    year = int(ys) if ys else _infer_month_year(month, ctx.published)
    if year is None:
        return None
    last = _last_day(year, month)
    part = m.group("part").lower().removeprefix("the").strip()
    if part.startswith(("early", "beginning", "start")):
        return (
            DateRange(date(year, month, 1), date(year, month, 10), Precision.MONTH),
            "month",
            not ys,
            date(year, month, 1),
        )
    if part.startswith(("late", "end")):
        return (
            DateRange(date(year, month, 21), date(year, month, last), Precision.MONTH),
            "month",
            not ys,
            date(year, month, last),
        )
    # mid / middle: ACLED codes the 15th, which is the midpoint of 11..20.
    return (
        DateRange(date(year, month, 11), date(year, month, 20), Precision.MONTH),
        "month",
        not ys,
        None,
    )


_WEEK_ORD = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
}


def _week_of_month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    month = _month(m.group("mon"))
    ys = m.groupdict().get("year")
    year = int(ys) if ys else _infer_month_year(month, ctx.published)
    if year is None:
        return None
    last = _last_day(year, month)
    which = m.group("which").lower()
    if which in ("last", "final"):
        a, b = last - 6, last
    else:
        a = 1 + 7 * _WEEK_ORD[which]
        b = a + 6
    return (
        DateRange(date(year, month, a), date(year, month, b), Precision.WEEK),
        "week",
        not ys,
        None,
    )


def _week_beginning(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "the week beginning October 15th": seven days from that day, WEEK precision."""
    gd = m.groupdict()
    month = _month(gd.get("mon") or gd["mon2"])
    day = int(gd.get("day") or gd["day2"])
    year, rel = _year_of(m, month, day, ctx)
    d = _safe_date(year, month, day) if year is not None else None
    if d is None:
        return None
    return DateRange(d, d + timedelta(days=6), Precision.WEEK), "week", rel, None


def _whole_month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    month = _month(m.group("mon"))
    ys = m.groupdict().get("year")
    year = int(ys) if ys else _infer_month_year(month, ctx.published)
    if year is None:
        return None
    return (
        DateRange(date(year, month, 1), date(year, month, _last_day(year, month)), Precision.MONTH),
        "month",
        not ys,
        None,
    )


def _year(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    y = int(m.group("year"))
    end = y + 9 if m.group("decade") else y
    return DateRange(date(y, 1, 1), date(end, 12, 31), Precision.MONTH), "year", False, None


def _weekday(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    pub = ctx.published
    if pub is None:
        return None
    wd = _WEEKDAYS[m.group("wd").lower()[:3]]
    mod = (m.group("mod") or "").lower()
    back = (pub.weekday() - wd) % 7
    if mod == "next":
        d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    elif mod in ("last", "past") and back == 0:
        d = pub - timedelta(days=7)  # "last Thursday" written on a Thursday: a week ago
    else:
        d = pub - timedelta(days=back)
    return _day_result(d, m, True)


_REL_DAYS = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "earlier today": 0,
    "yesterday": 1,
    "last night": 1,
    "overnight": 1,
    "the day before yesterday": 2,
    "tomorrow": -1,
}


def _rel_day(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if ctx.published is None:
        return None
    key = re.sub(r"\s+", " ", m.group("rel").lower())
    key = re.sub(r"^yesterday .*", "yesterday", key)
    d = ctx.published - timedelta(days=_REL_DAYS[key])
    return DateRange.day(d), "day", True, None


def _ago(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    pub = ctx.published
    if pub is None:
        return None
    n = _small_number(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        return DateRange.day(pub - timedelta(days=n)), "day", True, None
    if unit == "week":
        c = pub - timedelta(days=7 * n)
        return (
            DateRange(c - timedelta(days=3), c + timedelta(days=3), Precision.WEEK),
            "week",
            True,
            None,
        )
    c = _shift_month(pub, -n)
    return _month_range(c.year, c.month), "month", True, None


def _shift_month(d: date, k: int) -> date:
    idx = d.year * 12 + d.month - 1 + k
    return date(idx // 12, idx % 12 + 1, 1)


def _month_range(y: int, mo: int) -> DateRange:
    return DateRange(date(y, mo, 1), date(y, mo, _last_day(y, mo)), Precision.MONTH)


def _rel_period(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    pub = ctx.published
    if pub is None:
        return None
    key = re.sub(r"\s+", " ", m.group("per").lower())
    monday = pub - timedelta(days=pub.weekday())
    if key in ("last week", "the past week", "the previous week", "the last week"):
        a = monday - timedelta(days=7)
        return DateRange(a, a + timedelta(days=6), Precision.WEEK), "week", True, None
    if key in ("this week", "earlier this week"):
        return DateRange(monday, pub, Precision.WEEK), "week", True, None
    if key.endswith("weekend"):
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if key.startswith("last") and pub.weekday() >= 5:
            sat -= timedelta(days=7)
        return DateRange(sat, min(sat + timedelta(days=1), pub), Precision.WEEK), "week", True, None
    if key in ("this month", "earlier this month", "earlier in the month"):
        end = pub - timedelta(days=1) if key.startswith("earlier") and pub.day > 1 else pub
        return DateRange(pub.replace(day=1), end, Precision.MONTH), "month", True, None
    if key in ("last month", "the previous month", "the past month"):
        c = _shift_month(pub, -1)
        return _month_range(c.year, c.month), "month", True, None
    # this year / last year / earlier this year
    y = pub.year - 1 if key == "last year" else pub.year
    return DateRange(date(y, 1, 1), date(y, 12, 31), Precision.MONTH), "year", True, None


def _day_of_month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "on the 29th": the latest such day on or before publication."""
    pub = ctx.published
    if pub is None:
        return None
    day = int(m.group("day"))
    d = _safe_date(pub.year, pub.month, day)
    if d is None or d > pub:
        prev = _shift_month(pub, -1)
        d = _safe_date(prev.year, prev.month, day)
    return (DateRange.day(d), "day", True, None) if d else None


_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3,
    "several": 3,
}  # fmt: skip


def _small_number(tok: str) -> int | None:
    t = tok.lower()
    return int(t) if t.isdigit() else _SMALL.get(t)


# ---------------------------------------------------------------- pattern table

_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (re.compile(rf"{_PRE}\b{_YEAR}-(?P<m>[01]\d)-{_DAY}\b{_SUF}"), _iso),
    (re.compile(rf"{_PRE}\b{_DAY}-{_MON}-(?P<year>\d{{4}}|\d{{2}})\b{_SUF}"), _dash),
    # 27-29 April 2024 / between 27 and 29 April / from 30 April to 2 May
    (
        re.compile(
            rf"\b(?:[Bb]etween\s+(?:the\s+)?|[Ff]rom\s+(?:the\s+)?)?(?P<d1>[0-3]?\d){_ORD}"
            rf"(?:\s+(?:of\s+)?(?P<mon1>{_MON_ALT}))?"
            rf"\s*(?:-|–|to|and|until|through)\s*(?:the\s+)?(?P<d2>[0-3]?\d){_ORD}\s+(?:of\s+)?"
            rf"{_MON}{_OPT_YEAR}\b"
        ),
        _day_range,
    ),
    # April 27-29 / between April 27 and 29
    (
        re.compile(
            rf"\b(?:[Bb]etween\s+|[Ff]rom\s+)?{_MON}\s+(?P<d1>[0-3]?\d){_ORD}"
            rf"\s*(?:-|–|to|and|until|through)\s*(?P<d2>[0-3]?\d){_ORD}{_OPT_YEAR}\b"
        ),
        _day_range,
    ),
    # 29 August 2024 / 29th of August / Thursday, 29 August
    (
        re.compile(
            rf"{_PRE}\b{_WD_PREFIX}{_DAY}{_ORD}\s+(?:of\s+)?{_MON}{_OPT_YEAR}(?![\w-]){_SUF}"
        ),
        _abs_day,
    ),
    # August 29 / August 29th, 2024 / Thursday, August 29
    (
        re.compile(
            rf"{_PRE}\b{_WD_PREFIX}{_MON}\s+(?:the\s+)?{_DAY}{_ORD}\b(?!:|\.\d){_OPT_YEAR}{_SUF}"
        ),
        _abs_day,
    ),
    (
        re.compile(
            rf"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?(?:[Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd)"
            rf"\s+of)[\s-]+{_MON}(?:,?\s+{_YEAR})?\b"
        ),
        _month_part,
    ),
    (
        re.compile(
            rf"\b(?:[Tt]he\s+|[Dd]uring\s+the\s+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th"
            rf"|last|final)\s+week\s+of\s+{_MON}(?:,?\s+{_YEAR})?\b"
        ),
        _week_of_month,
    ),
    (re.compile(rf"\b{_MON}(?:,?\s+{_YEAR})\b"), _whole_month),
    (
        re.compile(
            rf"\b(?:[Dd]uring\s+)?(?:[Tt]he\s+)?[Ww]eek\s+(?:beginning|starting|commencing)\s+(?:on\s+)?"
            rf"(?:{_DAY}{_ORD}\s+(?:of\s+)?{_MON}|(?P<mon2>{_MON_ALT})\s+(?P<day2>[0-3]?\d){_ORD}\b)"
            rf"{_OPT_YEAR}"
        ),
        _week_beginning,
    ),
    (
        re.compile(
            rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Tt]hroughout|[Ll]ast|[Tt]his|[Ee]arly|[Ll]ate"
            rf"|(?:[Ii]n|[Dd]uring)\s+the\s+month\s+of)"
            rf"\s+{_MON}(?!\s*[0-3]?\d)\b"
        ),
        _whole_month,
    ),
    (
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hroughout|[Ff]rom|[Bb]efore|[Aa]fter"
            r"|[Ii]n\s+the|[Ss]ince\s+the|[Tt]he|[Ee]arly|[Ll]ate)\s+"
            r"(?:(?P<year>(?:19|20)\d\d)(?P<decade>0s|'s|s)?)\b(?!-|\.\d)"
        ),
        _year,
    ),
    (re.compile(r"\b(?:(?P<year>(?:19|20)\d0)(?P<decade>s))\b"), _year),
    (
        re.compile(
            rf"{_PRE}\b(?:(?P<mod>[Ll]ast|[Pp]ast|[Tt]his|[Nn]ext)\s+)?(?P<wd>{_WD})"
            r"(?:\s+(?:night|morning|afternoon|evening))?\b(?!,?\s+(?:the\s+)?(?:[0-3]?\d\b|[A-Z][a-z]+\s+\d))"
            rf"{_SUF}"
        ),
        _weekday,
    ),
    (
        re.compile(
            r"\b(?P<rel>[Tt]he\s+day\s+before\s+yesterday|[Yy]esterday(?:\s+(?:morning|afternoon|evening))?"
            r"|[Ll]ast\s+night|[Tt]onight|[Ee]arlier\s+today|[Tt]oday|[Tt]his\s+(?:morning|afternoon|evening)"
            r"|[Oo]vernight|[Tt]omorrow)\b"
        ),
        _rel_day,
    ),
    (
        re.compile(
            r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            r"|a few|several)\s+(?P<unit>days?|weeks?|months?)\s+(?:ago|earlier|before)\b",
            re.IGNORECASE,
        ),
        _ago,
    ),
    (
        re.compile(
            r"\b(?P<per>(?:[Ll]ast|[Tt]his|[Tt]he\s+past|[Tt]he\s+previous|[Tt]he\s+last|[Ee]arlier\s+this)"
            r"\s+(?:week|month|year)|(?:[Oo]ver\s+)?(?:[Tt]he|[Ll]ast|[Tt]his)\s+weekend"
            r"|[Ee]arlier\s+in\s+the\s+month)\b"
        ),
        _rel_period,
    ),
    (
        re.compile(r"\b[Oo]n\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])"),
        _day_of_month,
    ),
]

_PERIOD_FIX = re.compile(r"^(?:[Oo]ver\s+)")


# ---------------------------------------------------------------- public API


def find_dates(text: str, published: date | None) -> list[DateMatch]:
    """Every date expression in ``text``, left to right, without overlaps.

    Overlapping candidates keep the longest (then the earliest); relative expressions
    are dropped when ``published`` is None.
    """
    text = text[:MAX_TEXT]
    ctx = _Ctx(published)
    found: list[DateMatch] = []
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(text):
            res = handler(m, ctx)
            if res is None:
                continue
            rng, gran, rel, coded = res
            found.append(DateMatch(m.start(), m.end(), m.group(0), rng, gran, rel, coded))
    found.sort(key=lambda d: (-(d.end - d.start), d.start))
    kept: list[DateMatch] = []
    for cand in found:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda d: d.start)


def resolve_date(expr: str, published: date | None) -> DateMatch | None:
    """The meaning of one date expression (the longest match in it), or None."""
    matches = find_dates(expr, published)
    if not matches:
        return None
    return max(matches, key=lambda d: d.end - d.start)
