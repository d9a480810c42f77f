"""Geo: the offline gazetteer and toponym resolution -> Place.

from eventfuse.geo import Geocoder
g = Geocoder.default()
tops = g.find(text)
place = g.locate(tops, tops, text=text)
"""

from eventfuse.geo.build import build_gazetteer
from eventfuse.geo.geocoder import Candidate, Geocoder, geocode_report, haversine_km
from eventfuse.geo.user import add_acled, add_geonames
from eventfuse.model import Place, Toponym

__all__ = [
    "Candidate",
    "Geocoder",
    "Place",
    "Toponym",
    "add_acled",
    "add_geonames",
    "build_gazetteer",
    "geocode_report",
    "haversine_km",
]
