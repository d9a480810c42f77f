"""Date expressions: table-driven cases in our own words."""

from __future__ import annotations

from datetime import date

import pytest

from eventfuse.extract.dates import find_dates, resolve_date
from eventfuse.model import Precision

SAT = date(2024, 8, 31)  # a Saturday
THU = date(2024, 8, 29)


@pytest.mark.parametrize(
    ("expr", "published", "start", "end", "precision", "granularity", "relative"),
    [
        ("29 August 2024", None, "2024-08-29", "2024-08-29", 1, "day", False),
        ("the 3rd of March 2021", None, "2021-03-03", "2021-03-03", 1, "day", False),
        ("on 9 May 2020", None, "2020-05-09", "2020-05-09", 1, "day", False),
        ("9-May-20", None, "2020-05-09", "2020-05-09", 1, "day", False),
        ("2024-08-29", None, "2024-08-29", "2024-08-29", 1, "day", False),
        ("December 13 2019", None, "2019-12-13", "2019-12-13", 1, "day", False),
        ("November 8, 2019", None, "2019-11-08", "2019-11-08", 1, "day", False),
        ("August 29", SAT, "2024-08-29", "2024-08-29", 1, "day", True),
        ("August 29th", SAT, "2024-08-29", "2024-08-29", 1, "day", True),
        ("Aug. 29", SAT, "2024-08-29", "2024-08-29", 1, "day", True),
        ("Sept 3rd", SAT, "2024-09-03", "2024-09-03", 1, "day", True),  # a plan, 3 days ahead
        ("December 10", SAT, "2023-12-10", "2023-12-10", 1, "day", True),  # last December
        ("Thursday", SAT, "2024-08-29", "2024-08-29", 1, "day", True),
        ("on Thursday", THU, "2024-08-29", "2024-08-29", 1, "day", True),
        ("on Saturday", SAT, "2024-08-31", "2024-08-31", 1, "day", True),
        ("last Saturday", SAT, "2024-08-24", "2024-08-24", 1, "day", True),
        ("on Monday night", SAT, "2024-08-26", "2024-08-26", 1, "day", True),
        ("yesterday", SAT, "2024-08-30", "2024-08-30", 1, "day", True),
        ("today", SAT, "2024-08-31", "2024-08-31", 1, "day", True),
        ("last night", SAT, "2024-08-30", "2024-08-30", 1, "day", True),
        ("last week", SAT, "2024-08-19", "2024-08-25", 2, "week", True),
        ("this week", SAT, "2024-08-26", "2024-08-31", 2, "week", True),
        ("over the weekend", date(2024, 9, 2), "2024-08-31", "2024-09-01", 2, "week", True),
        ("the first week of September", SAT, "2024-09-01", "2024-09-07", 2, "week", True),
        ("the second week of July 2023", None, "2023-07-08", "2023-07-14", 2, "week", False),
        ("mid-August", SAT, "2024-08-11", "2024-08-20", 3, "month", True),
        ("early June 2022", None, "2022-06-01", "2022-06-10", 3, "month", False),
        ("late August", SAT, "2024-08-21", "2024-08-31", 3, "month", True),
        ("the end of February 2023", None, "2023-02-21", "2023-02-28", 3, "month", False),
        ("earlier this month", SAT, "2024-08-01", "2024-08-30", 3, "month", True),
        ("last month", SAT, "2024-07-01", "2024-07-31", 3, "month", True),
        ("in July", SAT, "2024-07-01", "2024-07-31", 3, "month", True),
        ("in March 2019", None, "2019-03-01", "2019-03-31", 3, "month", False),
        ("in 2014", None, "2014-01-01", "2014-12-31", 3, "year", False),
        ("since 2014", None, "2014-01-01", "2014-12-31", 3, "year", False),
        ("by 2017", None, "2017-01-01", "2017-12-31", 3, "year", False),
        ("between 27 and 29 April", SAT, "2024-04-27", "2024-04-29", 1, "range", True),
        ("from 1 to 3 May 2021", None, "2021-05-01", "2021-05-03", 1, "range", False),
        ("from 30 April to 2 May 2020", None, "2020-04-30", "2020-05-02", 1, "range", False),
        ("June 4-6, 2022", None, "2022-06-04", "2022-06-06", 1, "range", False),
        ("three days ago", SAT, "2024-08-28", "2024-08-28", 1, "day", True),
    ],
)
def test_resolve(
    expr: str,
    published: date | None,
    start: str,
    end: str,
    precision: int,
    granularity: str,
    relative: bool,
) -> None:
    m = resolve_date(expr, published)
    assert m is not None, expr
    assert (m.range.start.isoformat(), m.range.end.isoformat()) == (start, end), expr
    assert m.range.precision == Precision(precision), expr
    assert (m.granularity, m.relative) == (granularity, relative), expr


@pytest.mark.parametrize(
    ("expr", "coded", "precision"),
    [
        ("Around 9 May 2020 (as reported)", "2020-05-09", Precision.WEEK),
        ("As reported on 21 March 2020", "2020-03-21", Precision.WEEK),
        ("On or before November 8, 2019", "2019-11-08", Precision.WEEK),
        ("Around Oct 30th 2019 (exact date not reported)", "2019-10-30", Precision.WEEK),
        ("9 May 2020 (week of)", "2020-05-09", Precision.WEEK),
        ("On 9 May 2020", "2020-05-09", Precision.DAY),
        ("mid-March 2020", "2020-03-15", Precision.MONTH),
        ("early March 2020", "2020-03-01", Precision.MONTH),  # ACLED: the 1st
        ("late March 2020", "2020-03-31", Precision.MONTH),  # ACLED: the last day
    ],
)
def test_acled_coded_date(expr: str, coded: str, precision: Precision) -> None:
    m = resolve_date(expr, None)
    assert m is not None
    assert m.coded.isoformat() == coded
    assert m.precision == precision


@pytest.mark.parametrize(
    "expr", ["Thursday", "yesterday", "last week", "earlier this month", "August 29", "in July"]
)
def test_relative_needs_publication_date(expr: str) -> None:
    assert resolve_date(expr, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "Protesters march 5 km to the square.",
        "The court may 3 times delay the case.",
        "Police fired 300 rounds.",
        "The convoy had 2024 vehicles.",
        "",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find_dates(text, SAT) == []


def test_find_dates_in_a_sentence_gives_spans() -> None:
    text = "The raid on Thursday followed an attack on 22 August; troops withdrew in 2017."
    ms = find_dates(text, SAT)
    assert [m.text for m in ms] == ["Thursday", "22 August", "in 2017"]
    for m in ms:
        assert text[m.start : m.end] == m.text
    assert [m.coded.isoformat() for m in ms[:2]] == ["2024-08-29", "2024-08-22"]


def test_weekday_with_explicit_date_is_one_match() -> None:
    (m,) = find_dates("It happened on Thursday, August 29.", SAT)
    assert m.text == "Thursday, August 29" and m.coded == date(2024, 8, 29)


def test_is_future() -> None:
    m = resolve_date("September 2", SAT)
    assert m is not None and m.is_future(SAT)
    past = resolve_date("August 2", SAT)
    assert past is not None and not past.is_future(SAT)
    assert not m.is_future(None)


def test_invalid_calendar_day_is_not_a_day() -> None:
    m = resolve_date("31 February 2021", None)
    assert m is not None and m.granularity == "month"  # the month still stands


@pytest.mark.parametrize(
    ("expr", "start", "end", "precision"),
    [
        ("the week beginning 12 March 2018", "2018-03-12", "2018-03-18", Precision.WEEK),
        ("During the month of June 2017", "2017-06-01", "2017-06-30", Precision.MONTH),
        ("4 June 2017, or before", "2017-06-01", "2017-06-07", Precision.WEEK),
        ("4 June 2017 (or around)", "2017-06-01", "2017-06-07", Precision.WEEK),
    ],
)
def test_acled_periods(expr: str, start: str, end: str, precision: Precision) -> None:
    m = resolve_date(expr, None)
    assert m is not None
    assert (m.range.start.isoformat(), m.range.end.isoformat(), m.precision) == (
        start,
        end,
        precision,
    )
