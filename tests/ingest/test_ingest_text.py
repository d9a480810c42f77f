"""Article ids and date parsing."""

from __future__ import annotations

from datetime import date

import pytest

from eventfuse.ingest import article_id, parse_acled_date
from eventfuse.ingest.text import clean_text, parse_iso_date


def test_article_id_ignores_whitespace_and_unicode_form() -> None:
    composed = "Gunmen attacked a caf\u00e9 in the old town."
    decomposed = "  Gunmen attacked a  cafe\u0301\nin the old town.\n"
    assert article_id(composed) == article_id(decomposed)
    assert article_id(composed).startswith("a_")


def test_article_id_changes_with_the_words() -> None:
    assert article_id("Two soldiers were hurt.") != article_id("Three soldiers were hurt.")


def test_clean_text_keeps_paragraphs_but_tidies_spaces() -> None:
    raw = "\ufeffFirst  line\r\n\r\n\r\n\r\nSecond\tline   \n"
    assert clean_text(raw) == "First line\n\nSecond line"


@pytest.mark.parametrize(
    "raw",
    ["09-May-20", "9-May-20", "09 May 2020", "9 May 2020", "2020-05-09", "09-05-20"],
)
def test_parse_acled_date_layouts(raw: str) -> None:
    assert parse_acled_date(raw) == date(2020, 5, 9)


def test_parse_acled_date_long_month_name() -> None:
    assert parse_acled_date("21 March 2020") == date(2020, 3, 21)


def test_parse_acled_date_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="not an ACLED date"):
        parse_acled_date("sometime in May")


def test_parse_iso_date() -> None:
    assert parse_iso_date("2024-09-04") == date(2024, 9, 4)
    assert parse_iso_date("2024-09-04T10:30:00Z") == date(2024, 9, 4)
    assert parse_iso_date(None) is None
    with pytest.raises(ValueError):
        parse_iso_date("04/09/2024")
    with pytest.raises(ValueError):
        parse_iso_date("2024-02-30")
