"""The collection's region prior (``geo.region``): namesakes inside one country."""

from __future__ import annotations

from collections.abc import Mapping

from eventfuse.geo import Geocoder, Place
from eventfuse.geo.region import admin1_prior, firm_place

FRONT = {"Ukraine": {"Donetska": 0.6, "Luhanska": 0.4}}


def _locate(
    geo: Geocoder, text: str, prior: Mapping[str, Mapping[str, float]] | None
) -> Place | None:
    tops = geo.find(text, country="Ukraine")
    return geo.locate(tops, tops, text=text, prior={"Ukraine": 1.0}, region_prior=prior)


def test_prior_is_shares_per_country_from_enough_firm_places() -> None:
    pairs = [("Ukraine", "Donetska")] * 3 + [("Ukraine", "Luhanska"), None, ("Mali", "Mopti")]
    assert admin1_prior(pairs, min_firm=4) == {"Ukraine": {"Donetska": 0.75, "Luhanska": 0.25}}
    assert admin1_prior(pairs) == {}  # five firm places per country at least


def test_a_namesake_village_is_not_firm_a_big_town_is(geo: Geocoder) -> None:
    text = "On 1 May 2020, the OSCE SMM observed 5 projectiles near Serhiivka."
    village = _locate(geo, text, None)
    assert village is not None and village.country == "Ukraine"
    assert firm_place(geo, village, text) is None
    town = _locate(geo, "Shelling hit Mariupol.", None)
    assert town is not None and firm_place(geo, town) == ("Ukraine", town.admin1)
    assert firm_place(geo, None) is None


def test_the_batch_front_line_picks_the_namesake(geo: Geocoder) -> None:
    text = "On 1 May 2020, the OSCE SMM observed 5 projectiles near Serhiivka."
    alone = _locate(geo, text, None)
    assert alone is not None and alone.admin1 != "Donetska"
    with_prior = _locate(geo, text, FRONT)
    assert with_prior is not None and with_prior.admin1 == "Donetska"


def test_a_written_admin1_beats_the_prior(geo: Geocoder) -> None:
    text = "Shelling was reported near Serhiivka, Poltava oblast."
    alone = _locate(geo, text, None)
    assert alone is not None and alone.admin1 == "Poltavska"
    place = _locate(geo, text, FRONT)
    assert place is not None and place.admin1 == "Poltavska"


def test_the_prior_of_another_country_changes_nothing(geo: Geocoder) -> None:
    text = "On 1 May 2020, the OSCE SMM observed 5 projectiles near Serhiivka."
    other = _locate(geo, text, {"Russia": {"Rostovskaya": 1.0}})
    assert other == _locate(geo, text, None)


def test_a_big_town_keeps_its_reading(geo: Geocoder) -> None:
    text = "Protesters gathered in Mariupol."
    place = _locate(geo, text, {"Ukraine": {"Luhanska": 1.0}})
    assert place is not None and place.admin1 == "Donetska"
