"""Geo: the offline gazetteer and toponym resolution -> Place."""
