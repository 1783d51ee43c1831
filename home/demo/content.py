"""What the demo site says, taken from the seed presentation (../shared/seed/).

Only the two cluster profiles the seed gives in full have contact data; for the other
clusters the demo knows their name, country and industry, and invents nothing else.
"""

import datetime

from .texts import T

# slug: (English, Danish, German)
INDUSTRIES = {
    "aluminium": ("Aluminium", "Aluminium", "Aluminium"),
    "wind-energy": ("Wind energy", "Vindenergi", "Windenergie"),
    "bioenergy": ("Bioenergy", "Bioenergi", "Bioenergie"),
    "design": ("Design", "Design", "Design"),
    "digital-economy": ("Digital economy", "Digital økonomi", "Digitale Wirtschaft"),
    "food": ("Food", "Fødevarer", "Lebensmittel"),
    "renewable-energy": ("Renewable energy", "Vedvarende energi", "Erneuerbare Energien"),
    "energy-efficiency": ("Energy efficiency", "Energieffektivitet", "Energieeffizienz"),
    "life-science": ("Life science", "Life science", "Lebenswissenschaften"),
    "health": ("Health", "Sundhed", "Gesundheit"),
    "logistics": ("Logistics", "Logistik", "Logistik"),
    "maritime": ("Maritime industries", "Maritime erhverv", "Maritime Wirtschaft"),
    "mechatronics": ("Mechatronics", "Mekatronik", "Mechatronik"),
    "offshore": ("Offshore", "Offshore", "Offshore"),
    "plastics": ("Plastics", "Plast", "Kunststoffe"),
    "robotics": ("Robotics", "Robotteknologi", "Robotik"),
    "steel": ("Steel and metal", "Stål og metal", "Stahl und Metall"),
    "welfare-technology": ("Welfare technology", "Velfærdsteknologi", "Wohlfahrtstechnologie"),
}

# The two profiles the seed gives in full, field for field.
ALUCLUSTER = {
    "title": "AluCluster",
    "slug": "alucluster",
    "po_box": "804",
    "street": "Jernbanegade 27",
    "postcode": "6000",
    "city": "Kolding",
    "country": "DK",
    "latitude": 55.4903,  # Jernbanegade 27, Kolding
    "longitude": 9.4745,
    "website": "https://www.alucluster.com",
    "contact_name": "Michael Nedergaard",
    "contact_title": T("Managing Director", da="Administrerende direktør", de="Geschäftsführer"),
    "contact_email": "mn@alucluster.com",
    "show_contact_email": True,
    "contact_phone": "+45 2035 3255",
    "founded_year": 2001,
    "members_count": 75,
    "members_description": T(
        "Industrial members within the aluminium industry",
        da="Industrivirksomheder inden for aluminiumsindustrien",
        de="Industrieunternehmen der Aluminiumbranche",
    ),
    "focus_areas": T(
        "All aspects of industrial use of aluminium.",
        da="Alle aspekter af industriel anvendelse af aluminium.",
        de="Alle Aspekte der industriellen Nutzung von Aluminium.",
    ),
    "industries": ["aluminium"],
}

CEWIND = {
    "title": "CEwind Center of Excellence Wind Energy",
    "slug": "cewind",
    "street": "Kanzleistrasse 91-93",
    "postcode": "24943",
    "city": T("Flensburg", da="Flensborg", de="Flensburg"),
    "country": "DE",
    "latitude": 54.7752,  # Kanzleistraße 91-93, Flensburg (the university campus)
    "longitude": 9.4521,
    "website": "https://www.cewind.de",
    "contact_name": "Axel Wiese",
    "contact_title": T("Managing Director", da="Administrerende direktør", de="Geschäftsführer"),
    "contact_email": "wiese@cewind.de",
    "show_contact_email": True,
    "contact_phone": "+49 461 805 1245",
    "founded_year": 2005,
    "founded_note": T(
        "2005 as a research initiative - 2009 as a legal entity",
        da="2005 som forskningsinitiativ - 2009 som juridisk enhed",
        de="2005 als Forschungsinitiative - 2009 als juristische Person",
    ),
    "members_description": T(
        "Cooperative members: 7 universities, 1 bank, 1 school, 10 professors, 1 consultant, "
        "1 adjacent cluster, 1 special interest group\n"
        "Cluster network: regional companies engaged in development and manufacturing of wind "
        "energy components and systems, developers of wind farms, wind energy specialists and "
        "service providers, regional business development organisations",
        da="Andelsmedlemmer: 7 universiteter, 1 bank, 1 skole, 10 professorer, 1 konsulent, "
        "1 tilgrænsende klynge, 1 interessegruppe\n"
        "Klyngenetværk: regionale virksomheder, der udvikler og fremstiller komponenter og "
        "systemer til vindenergi, udviklere af vindmølleparker, vindenergispecialister og "
        "serviceudbydere, regionale erhvervsudviklingsorganisationer",
        de="Genossenschaftsmitglieder: 7 Hochschulen, 1 Bank, 1 Schule, 10 Professoren, "
        "1 Berater, 1 benachbartes Cluster, 1 Interessenverband\n"
        "Clusternetzwerk: regionale Unternehmen, die Komponenten und Systeme für Windenergie "
        "entwickeln und fertigen, Windparkentwickler, Windenergiespezialisten und "
        "Dienstleister, regionale Wirtschaftsförderungsgesellschaften",
    ),
    "focus_areas": T(
        "Cooperation of and services for universities, companies and networks in the area of "
        "wind energy systems, technology and economy.",
        da="Samarbejde mellem og ydelser til universiteter, virksomheder og netværk inden for "
        "vindenergisystemer, -teknologi og -økonomi.",
        de="Kooperation von und Dienstleistungen für Hochschulen, Unternehmen und Netzwerke im "
        "Bereich Windenergiesysteme, -technik und -wirtschaft.",
    ),
    "services": [
        T(
            "research & development joint projects",
            da="fælles forsknings- og udviklingsprojekter",
            de="gemeinsame Forschungs- und Entwicklungsprojekte",
        )
    ],
    "industries": ["wind-energy"],
}

# (name, slug, country, industries): the rest of the seed's list of participating clusters.
OTHER_CLUSTERS = [
    (
        "Cluster network - Centre of Excellence of Biomass Schleswig-Holstein",
        "biomass-sh",
        "DE",
        ["bioenergy"],
    ),
    ("Design2Innovate", "design2innovate", "DK", ["design"]),
    ("Digitale Wirtschaft Schleswig-Holstein", "digitale-wirtschaft-sh", "DE", ["digital-economy"]),
    ("Food Cluster of Southern Denmark", "food-cluster-southern-denmark", "DK", ["food"]),
    ("FURGY", "furgy", "DE", ["renewable-energy"]),
    ("KNE Food Cluster Schleswig-Holstein", "kne-food-cluster-sh", "DE", ["food"]),
    ("KVCA", "kvca", "DK", ["energy-efficiency"]),
    ("Lean Energy Cluster", "lean-energy-cluster", "DK", ["energy-efficiency"]),
    ("Life Science Nord", "life-science-nord", "DE", ["life-science", "health"]),
    ("Logistik-Initiative Schleswig-Holstein (LogI-SH)", "logi-sh", "DE", ["logistics"]),
    ("Maritime Cluster Northern Germany", "maritime-cluster-northern-germany", "DE", ["maritime"]),
    ("Mechatronics Cluster Denmark", "mechatronics-cluster-denmark", "DK", ["mechatronics"]),
    ("Offshore Center Denmark", "offshore-center-denmark", "DK", ["offshore", "wind-energy"]),
    ("Plast Center Denmark", "plast-center-denmark", "DK", ["plastics"]),
    ("ROBIN", "robin", "DE", ["renewable-energy"]),
    ("RoboCluster", "robocluster", "DK", ["robotics"]),
    ("Staalcentrum", "staalcentrum", "DK", ["steel"]),
    ("Welfare Tech Region", "welfare-tech-region", "DK", ["welfare-technology", "health"]),
    ("Windcomm Schleswig-Holstein", "windcomm-sh", "DE", ["wind-energy"]),
]

FLENSBURG = T("Flensburg", da="Flensborg", de="Flensburg")
SONDERBORG = T("Sønderborg", da="Sønderborg", de="Sonderburg")
# The cities of the clusters above, which the seed does not give: each organisation's seat as
# its own or its partners' public pages name it (looked up December 2026). The map shows each
# at its city (clusterdirectory/places.py).
CITIES = {
    "biomass-sh": "Kiel",  # at the FuE-Zentrum FH Kiel
    "design2innovate": "Kolding",
    "digitale-wirtschaft-sh": "Kiel",  # at the WTSH
    "furgy": FLENSBURG,  # led by the IHK Flensburg
    "kne-food-cluster-sh": FLENSBURG,  # under the roof of the IHK Flensburg
    "lean-energy-cluster": SONDERBORG,
    "life-science-nord": "Hamburg",
    "logi-sh": "Kiel",
    "maritime-cluster-northern-germany": "Kiel",  # its cluster management
    "mechatronics-cluster-denmark": SONDERBORG,
    "offshore-center-denmark": "Esbjerg",
    "plast-center-denmark": "Esbjerg",
    "robocluster": "Odense",
    "staalcentrum": "Kolding",
    "welfare-tech-region": "Odense",
    "windcomm-sh": "Husum",
}
# Where no seat was found (Food Cluster of Southern Denmark, KVCA, ROBIN), the cluster names no
# city and the map shows it at the city of the project partner of its country: REG X in
# Kolding, WTSH in Kiel.
PARTNER_CITIES = {"DK": "Kolding", "DE": "Kiel"}


def _day(year, month, day):
    return datetime.date(year, month, day)


# (title, slug, first day, last day, kind, focus topics); summaries below
WORKSHOPS = [
    (
        T(
            "Workshop 1 and networking event",
            da="Workshop 1 og netværksarrangement",
            de="Workshop 1 und Netzwerkveranstaltung",
        ),
        "workshop-1",
        _day(2012, 1, 17),
        _day(2012, 1, 18),
        "workshop",
        [
            T("Open innovation", da="Åben innovation", de="Open Innovation"),
            T(
                "Facilitating innovation processes",
                da="Facilitering af innovationsprocesser",
                de="Moderation von Innovationsprozessen",
            ),
            T("Cluster mappings", da="Kortlægning af klynger", de="Cluster-Mapping"),
            T("Presentation pitches", da="Præsentationspitch", de="Präsentationspitches"),
            T("Intercultural issues", da="Interkulturelle forhold", de="Interkulturelle Fragen"),
            T("Idea generation", da="Idégenerering", de="Ideenfindung"),
        ],
    ),
    (
        T(
            "Workshop 2 and networking event",
            da="Workshop 2 og netværksarrangement",
            de="Workshop 2 und Netzwerkveranstaltung",
        ),
        "workshop-2",
        _day(2012, 6, 12),
        _day(2012, 6, 13),
        "workshop",
        [
            T(
                "Business model creativity",
                da="Kreativitet i forretningsmodeller",
                de="Kreativität in Geschäftsmodellen",
            ),
            T(
                "Designing cluster initiatives",
                da="Design af klyngeinitiativer",
                de="Gestaltung von Clusterinitiativen",
            ),
            T(
                "Experiences from IT Cluster in Switzerland",
                da="Erfaringer fra en IT-klynge i Schweiz",
                de="Erfahrungen aus einem IT-Cluster in der Schweiz",
            ),
            T(
                "Available EU funding for cross-border projects",
                da="EU-midler til grænseoverskridende projekter",
                de="EU-Fördermittel für grenzüberschreitende Projekte",
            ),
        ],
    ),
    (
        T("Workshop 3", da="Workshop 3", de="Workshop 3"),
        "workshop-3",
        _day(2012, 9, 14),
        _day(2012, 9, 14),
        "workshop",
        [
            T(
                "Strategic relationships in business models",
                da="Strategiske relationer i forretningsmodeller",
                de="Strategische Beziehungen in Geschäftsmodellen",
            ),
            T("Choosing partners", da="Valg af partnere", de="Partnerwahl"),
            T(
                "Relationship costs and benefits",
                da="Omkostninger og gevinster ved relationer",
                de="Kosten und Nutzen von Beziehungen",
            ),
            T("Critical resources", da="Kritiske ressourcer", de="Kritische Ressourcen"),
            T("Important activities", da="Vigtige aktiviteter", de="Wichtige Aktivitäten"),
        ],
    ),
]

# The events' and the news article's illustrations (home/demo/images.py), described.
ILLUSTRATION_ALT = T(
    "Illustration: clusters in Denmark and in Germany, on both sides of the border, linked "
    "as a network, some of them across the border",
    da="Illustration: klynger i Danmark og i Tyskland, på begge sider af grænsen, forbundet "
    "i et netværk, nogle af dem på tværs af grænsen",
    de="Illustration: Cluster in Dänemark und in Deutschland, auf beiden Seiten der Grenze, "
    "zu einem Netzwerk verbunden, einige davon über die Grenze hinweg",
)

# What each workshop was about, for its card: the seed gives one text for all three.
WORKSHOP_SUMMARIES = {
    "workshop-1": T(
        "Cluster managers from both sides of the border on open innovation, cluster mapping "
        "and pitching ideas across cultures. Matching and networking.",
        da="Klyngeledere fra begge sider af grænsen om åben innovation, kortlægning af klynger "
        "og pitch af idéer på tværs af kulturer. Matchmaking og netværk.",
        de="Clustermanager beiderseits der Grenze zu Open Innovation, Cluster-Mapping und "
        "dem Pitchen von Ideen über Kulturgrenzen hinweg. Matching und Networking.",
    ),
    "workshop-2": T(
        "Business model creativity, designing cluster initiatives and the EU funding "
        "available for cross-border projects. Matching and networking.",
        da="Kreativitet i forretningsmodeller, design af klyngeinitiativer og de EU-midler, "
        "der findes til grænseoverskridende projekter. Matchmaking og netværk.",
        de="Kreativität in Geschäftsmodellen, die Gestaltung von Clusterinitiativen und "
        "EU-Fördermittel für grenzüberschreitende Projekte. Matching und Networking.",
    ),
    "workshop-3": T(
        "Choosing partners: strategic relationships in business models, their costs and "
        "benefits, critical resources and activities.",
        da="Valg af partnere: strategiske relationer i forretningsmodeller, deres omkostninger "
        "og gevinster, kritiske ressourcer og aktiviteter.",
        de="Partnerwahl: strategische Beziehungen in Geschäftsmodellen, ihre Kosten und ihr "
        "Nutzen, kritische Ressourcen und Aktivitäten.",
    ),
}

RECOMMENDATIONS = [
    (
        T(
            "Identify challenges and opportunities for the clusters in the border region.",
            da="Identificér udfordringer og muligheder for klyngerne i grænseregionen.",
            de="Herausforderungen und Chancen für die Cluster in der Grenzregion erkennen.",
        ),
        T("opportunities", da="muligheder", de="Chancen"),
    ),
    (
        T(
            "Be aware that lack of understanding and absence of aligned expectations can "
            "hinder cross-border clustering.",
            da="Vær opmærksom på, at manglende forståelse og uafstemte forventninger kan hindre "
            "grænseoverskridende klyngesamarbejde.",
            de="Bedenken, dass mangelndes Verständnis und fehlende abgestimmte Erwartungen die "
            "grenzüberschreitende Clusterbildung behindern können.",
        ),
        T("lack of understanding", da="manglende forståelse", de="mangelndes Verständnis"),
    ),
    (
        T(
            "Initiate a labour mobility programme targeted at all triple helix actors in the "
            "border region.",
            da="Igangsæt et program for arbejdskraftens mobilitet rettet mod alle triple "
            "helix-aktører i grænseregionen.",
            de="Ein Programm zur Arbeitskräftemobilität für alle Triple-Helix-Akteure in der "
            "Grenzregion starten.",
        ),
        T("labour mobility", da="arbejdskraftens mobilitet", de="Arbeitskräftemobilität"),
    ),
    (
        T(
            "Make sure that business development policies and cluster policies on both sides of "
            "the Danish-German border are aligned.",
            da="Sørg for, at erhvervsudviklingspolitikken og klyngepolitikken på begge sider af "
            "den dansk-tyske grænse er afstemt.",
            de="Sicherstellen, dass Wirtschaftsförderungspolitik und Clusterpolitik auf beiden "
            "Seiten der deutsch-dänischen Grenze aufeinander abgestimmt sind.",
        ),
        T(
            "business development policies",
            da="erhvervsudviklingspolitikken",
            de="Wirtschaftsförderungspolitik",
        ),
    ),
    (
        T(
            "The word “border” often has a meaning of exclusion and obstacles. A new name for "
            "the entire region is important and needed for future identification.",
            da="Ordet “grænse” betyder ofte udelukkelse og forhindringer. Et nyt navn for hele "
            "regionen er vigtigt og nødvendigt for den fremtidige identitet.",
            de="Das Wort „Grenze“ steht oft für Ausgrenzung und Hindernisse. Ein neuer Name für "
            "die gesamte Region ist für die künftige Identifikation wichtig und notwendig.",
        ),
        T("border", da="grænse", de="Grenze"),
    ),
]

PROJECT_IDEAS = [
    (
        T(
            "Offshore Wind Cost Competitiveness",
            da="Omkostningskonkurrencedygtig havvind",
            de="Kostenwettbewerbsfähigkeit der Offshore-Windenergie",
        ),
        T(
            "A cross-border project idea on making offshore wind energy competitive on cost.",
            da="En grænseoverskridende projektidé om at gøre havvind konkurrencedygtig på "
            "omkostninger.",
            de="Eine grenzüberschreitende Projektidee, um Offshore-Windenergie bei den Kosten "
            "wettbewerbsfähig zu machen.",
        ),
    ),
    (
        T(
            "Cross Border Health Care Development",
            da="Grænseoverskridende udvikling af sundhedsvæsenet",
            de="Grenzüberschreitende Entwicklung des Gesundheitswesens",
        ),
        T(
            "A cross-border project idea on developing health care together on both sides of "
            "the border.",
            da="En grænseoverskridende projektidé om at udvikle sundhedsvæsenet i fællesskab på "
            "begge sider af grænsen.",
            de="Eine grenzüberschreitende Projektidee, das Gesundheitswesen auf beiden Seiten der "
            "Grenze gemeinsam zu entwickeln.",
        ),
    ),
    (
        T(
            "Network for Cluster Managers in the border region",
            da="Netværk for klyngeledere i grænseregionen",
            de="Netzwerk für Clustermanager in der Grenzregion",
        ),
        T(
            "A cross-border project idea: a lasting network for the cluster managers of the "
            "region.",
            da="En grænseoverskridende projektidé: et varigt netværk for regionens klyngeledere.",
            de="Eine grenzüberschreitende Projektidee: ein dauerhaftes Netzwerk für die "
            "Clustermanager der Region.",
        ),
    ),
]
