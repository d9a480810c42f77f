"""Transliteration-robust matching, admin aliases and country words."""

from __future__ import annotations

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.normalize import norm_key, skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [("Al-Anbar Governorate", "Anbar"), ("ash-Sharqat", "Sharqat"), ("Ninawa Province", "Ninawa")],
)
def test_norm_key_drops_articles_and_generic_words(a: str, b: str) -> None:
    assert norm_key(a) == norm_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hamreen", "Hamrin"),
        ("Shirqat", "Sharqat"),
        ("Salaheddine", "Salah ad Din"),
        ("Deir-ez-Zor", "Dayr az Zawr"),
    ],
)
def test_skeleton_joins_transliterations(a: str, b: str) -> None:
    assert skeleton(norm_key(a)) == skeleton(norm_key(b))


@pytest.mark.parametrize(
    ("acled", "other"),
    [
        ("Sala al-Din", "Salah ad Din"),
        ("Sala al-Din", "Saladin"),
        ("Ninewa", "Nineveh"),
        ("Thi-Qar", "Dhi Qar"),
        ("Al Anbar", "Anbar"),
        ("Kirkuk", "At Ta'mim"),
    ],
)
def test_same_admin_for_acled_spellings(geo: Geocoder, acled: str, other: str) -> None:
    assert geo.same_admin(acled, other, country="Iraq")


def test_different_admins_differ(geo: Geocoder) -> None:
    assert not geo.same_admin("Diyala", "Anbar", country="Iraq")
    assert not geo.same_admin("Kirkuk", "Basrah", country="Iraq")


def test_admin1_of_alias(geo: Geocoder) -> None:
    assert geo.admin1_of("Salaheddine", "Iraq") == geo.admin1_of("Salah al-Din province", "Iraq")
    assert geo.admin1_of("Nineveh") is not None


def test_country_of_demonyms(geo: Geocoder) -> None:
    assert geo.country_of("Iraqi") == "Iraq"
    assert geo.country_of("Syrian") == "Syria"
    assert geo.country_of("Democratic Republic of the Congo") == "Democratic Republic of Congo"


def test_candidates_scores_are_sorted_and_sourced(geo: Geocoder) -> None:
    cands = geo.candidates("Shirqat", countries=["Iraq"])
    assert cands and cands[0].place.country == "Iraq"
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)
    assert all(c.source for c in cands)


def test_clean_admin_name_keeps_a_distrito_whole() -> None:
    from eventfuse.geo.normalize import clean_admin_name

    assert clean_admin_name("Distrito Federal") == "Distrito Federal"
    assert clean_admin_name("Caza de Saida") == "Saida"
    assert clean_admin_name("Central District") == "Central"
