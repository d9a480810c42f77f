"""Criminal gangs in Latin America and the Caribbean, named the ACLED way.

ACLED's Latin America and Caribbean coverage (from 2018) codes an unnamed criminal group as
``Unidentified Gang (<country>)``, not ``Unidentified Armed Group (<country>)``; elsewhere a
"gang" is an unidentified armed group. In that region the notes mark criminal violence with
words such as "gang", "criminal", "drug", "drive-by", a seizure of drugs or contraband, or
the marks of a cartel killing (bound or dismembered bodies, a threatening message, a
motorcycle hit).
"""

from __future__ import annotations

import re

from eventfuse.model import Actor

__all__ = ["GANG_COUNTRIES", "gang_actor", "is_gang_context"]

# ACLED's Latin America & Caribbean regions (South America, Central America, Caribbean).
GANG_COUNTRIES = frozenset(
    {
        "Argentina",
        "Bolivia",
        "Brazil",
        "Chile",
        "Colombia",
        "Ecuador",
        "Guyana",
        "Paraguay",
        "Peru",
        "Suriname",
        "Uruguay",
        "Venezuela",
        "French Guiana",
        "Falkland Islands",
        "Mexico",
        "Belize",
        "Costa Rica",
        "El Salvador",
        "Guatemala",
        "Honduras",
        "Nicaragua",
        "Panama",
        "Cuba",
        "Haiti",
        "Dominican Republic",
        "Jamaica",
        "Puerto Rico",
        "Trinidad and Tobago",
        "Bahamas",
        "Barbados",
        "Grenada",
        "Saint Lucia",
        "Saint Vincent and the Grenadines",
        "Saint Kitts and Nevis",
        "Antigua and Barbuda",
        "Dominica",
        "Martinique",
        "Guadeloupe",
        "Curacao",
        "Aruba",
        "Cayman Islands",
        "Turks and Caicos Islands",
        "British Virgin Islands",
        "US Virgin Islands",
        "Anguilla",
        "Montserrat",
        "Saint-Martin",
        "Sint Maarten",
        "Saint-Barthelemy",
        "Bonaire, Saint Eustatius and Saba",
    }
)
_CUE = re.compile(
    r"\b(?:gangs?|gangsters?|criminals?|criminal (?:group|gang|organi[sz]ation)s?|drugs?|"
    r"drug[- ]traffick\w*|narco\w*|drive-by|hitm[ae]n|marijuana|cocaine|contraband|"
    r"smuggl\w*|extortion\w*|"
    # the marks of a cartel killing: bound, beheaded or dismembered bodies, a left message
    r"(?:hands|feet|legs) (?:and \w+ )?(?:were |had been )?tied|tied up|behead\w*|"
    r"decapitat\w*|mutilat\w*|dismember\w*|coup de grace|threatening message|"
    r"human remains|signs of (?:torture|having been executed)|tortured|blindfolded|"
    r"(?:body|bodies|was|were) (?:found )?tied|gangland|robbery|robbers?|"
    r"motorcycles?)\b",
    re.IGNORECASE,
)
_UAG = "Unidentified Armed Group ("


def is_gang_context(text: str, country: str | None) -> bool:
    """Whether an unnamed armed group in ``text`` reads as ACLED's Unidentified Gang."""
    return country in GANG_COUNTRIES and _CUE.search(text) is not None


def gang_actor(actor: Actor, text: str, country: str | None) -> Actor:
    """``actor`` renamed Unidentified Gang when it is the event country's unidentified armed
    group in a Latin American note about crime; otherwise ``actor`` unchanged."""
    if actor.name != f"{_UAG}{country})":
        return actor
    if not is_gang_context(text, country):
        return actor
    return Actor(f"Unidentified Gang ({country})", actor.inter, actor.raw)
