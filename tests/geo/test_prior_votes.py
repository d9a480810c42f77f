"""The collection prior in the country decision (``evidence.decide(prior=...)``)."""

from __future__ import annotations

from eventfuse.geo import Geocoder
from eventfuse.geo.evidence import decide


def _main(geo: Geocoder, text: str, prior: dict[str, float]) -> str | None:
    return decide(geo, geo.find(text), text, None, prior=prior).main


def test_prior_settles_a_name_read_in_two_countries(geo: Geocoder) -> None:
    text = "Rioters set tyres on fire in Tripoli."
    assert _main(geo, text, {}) == "Libya"
    assert _main(geo, text, {"Lebanon": 0.9, "Syria": 0.1}) == "Lebanon"


def test_prior_never_reads_a_name_in_a_country_it_is_not_in(geo: Geocoder) -> None:
    text = "A roadside bomb struck a patrol in Fallujah."
    assert _main(geo, text, {"Yemen": 0.7, "Iraq": 0.1}) == "Iraq"


def test_a_dominant_prior_speaks_for_a_note_with_no_known_name(geo: Geocoder) -> None:
    text = "Residents of Qwzxvillage blocked the road over land compensation."
    assert _main(geo, text, {}) is None
    assert _main(geo, text, {"Kenya": 0.9}) == "Kenya"
    assert _main(geo, text, {"Kenya": 0.45, "Somalia": 0.35, "Ethiopia": 0.2}) is None


def test_a_weak_word_alone_is_no_firm_country(geo: Geocoder) -> None:
    text = "Protesters blocked a road over the exchange rate of the US dollar."
    tops = geo.find(text)
    assert geo.text_country(tops, text) == "United States"
    assert geo.country_readings(tops, text)[1] is None
    # the collection's support makes no weak word firm
    assert geo.country_readings(tops, text, prior={"United States": 0.1})[1] is None


def test_a_name_read_in_the_collection_country_is_firm(geo: Geocoder) -> None:
    text = "Rioters set tyres on fire in Tripoli."
    tops = geo.find(text)
    assert geo.country_readings(tops, text, prior={"Lebanon": 0.9})[1] == "Lebanon"
