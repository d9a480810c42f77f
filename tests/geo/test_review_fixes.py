"""Review fixes (session 7): the desk country stands in for "no place" only when an event
place's own reading abroad was refused, and nothing of one ``run`` carries to the next."""

from __future__ import annotations

from eventfuse.geo import Geocoder
from eventfuse.geo.locate import Locator
from eventfuse.model import Place, Toponym

# Notes in our own words. "Kut" (of "Kut e Abdollah", a village the gazetteer lacks) reads
# only abroad, as Al-Kut in Iraq; "Qwzrtyx" is a name nothing bears.
TEXT = "On 9 May 2020, workers in Qwzrtyx protested; some had come from Kut e Abdollah."
IRAN_DESK = {"Iran": 1.0}


def _toponyms(geo: Geocoder) -> tuple[Toponym, list[Toponym]]:
    start = TEXT.index("Qwzrtyx")
    event = Toponym("Qwzrtyx", start, start + 7, "in")
    context = [t for t in geo.find(TEXT, country="Iran") if t.text.startswith("Kut")]
    assert context, "the finder reads Kut"
    context = [Toponym(t.text, t.start, t.end, "from", t.label) for t in context]
    return event, context


def _chosen(locator: Locator, event: list[Toponym], context: list[Toponym]) -> Place | None:
    out = locator.run(event, context, None, IRAN_DESK)["chosen"]
    return out if isinstance(out, Place) else None


def test_a_context_name_refused_abroad_gives_no_desk_country(geo: Geocoder) -> None:
    event, context = _toponyms(geo)
    # the event's place is unknown; Kut is refused abroad but is only context
    assert _chosen(Locator(geo, TEXT, report=False), [event], context) is None


def test_an_event_name_refused_abroad_still_gives_the_desk_country(geo: Geocoder) -> None:
    _, context = _toponyms(geo)
    place = _chosen(Locator(geo, TEXT, report=False), context, [])
    assert place is not None and place.country == "Iran" and place.feature == "country"


def test_a_refusal_does_not_carry_to_the_next_run(geo: Geocoder) -> None:
    event, context = _toponyms(geo)
    locator = Locator(geo, TEXT, report=False)
    first = _chosen(locator, context, [])
    assert first is not None and first.country == "Iran"
    assert _chosen(locator, [event], []) is None
