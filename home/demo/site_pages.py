"""The general pages of the demo site: what each one says, as StreamField data."""

from .blocks import block, bullets, heading, paragraph
from .content import PROJECT_IDEAS
from .texts import T

OBJECTIVE = T(
    "The purpose of the InTra-Net project is to strengthen collaboration on innovation and "
    "internationalization between clusters in the INTERREG 4A region. The goal is to create "
    "three cross-border collaborative project ideas through the InTra-Net project.",
    da="Formålet med InTra-Net-projektet er at styrke samarbejdet om innovation og "
    "internationalisering mellem klynger i INTERREG 4A-regionen. Målet er at skabe tre "
    "grænseoverskridende samarbejdsprojektidéer gennem InTra-Net-projektet.",
    de="Ziel des Projekts InTra-Net ist es, die Zusammenarbeit bei Innovation und "
    "Internationalisierung zwischen Clustern in der INTERREG 4A-Region zu stärken. Durch das "
    "Projekt sollen drei grenzüberschreitende gemeinsame Projektideen entstehen.",
)

PROJECT = T(
    "The InTra-Net project is a two year project (2011-2012) between the Danish Cluster "
    "Academy, REG X, and The Business Development and Technology Transfer Corporation of "
    "Schleswig-Holstein, WTSH.",
    da="InTra-Net-projektet er et toårigt projekt (2011-2012) mellem Det Danske "
    "Klyngeakademi, REG X, og erhvervsfremme- og teknologioverførselsselskabet i "
    "Slesvig-Holsten, WTSH.",
    de="Das Projekt InTra-Net ist ein zweijähriges Projekt (2011-2012) der dänischen "
    "Clusterakademie REG X und der Wirtschaftsförderung und Technologietransfer "
    "Schleswig-Holstein GmbH, WTSH.",
)

FUNDING = T(
    "The project is supported by INTERREG 4A Syddanmark-Schleswig-K.E.R.N. with financing "
    "(220.000 €) from the European Regional Development Fund.",
    da="Projektet er støttet af INTERREG 4A Syddanmark-Schleswig-K.E.R.N. med finansiering "
    "(220.000 €) fra Den Europæiske Fond for Regionaludvikling.",
    de="Das Projekt wird von INTERREG 4A Syddanmark-Schleswig-K.E.R.N. mit Mitteln "
    "(220.000 €) aus dem Europäischen Fonds für regionale Entwicklung gefördert.",
)

EU_FUNDING = T(
    "European Union – European Regional Development Fund",
    da="Den Europæiske Union – Den Europæiske Fond for Regionaludvikling",
    de="Europäische Union – Europäischer Fonds für regionale Entwicklung",
)

MATCHPOINT = T(
    "Matchpoint – the place to find your new project partner",
    da="Matchpoint – stedet, hvor du finder din nye projektpartner",
    de="Matchpoint – hier finden Sie Ihren neuen Projektpartner",
)


def about_body():
    return [
        heading(
            T(
                "Objective of the InTra-Net project",
                da="Formålet med InTra-Net-projektet",
                de="Ziel des Projekts InTra-Net",
            )
        ),
        paragraph(OBJECTIVE, PROJECT, FUNDING),
        heading(T("Background", da="Baggrund", de="Hintergrund")),
        paragraph(
            T(
                "How can clusters and networks contribute to creating a growth region that cuts "
                "across borders? Internationalization of clusters is needed.",
                da="Hvordan kan klynger og netværk bidrage til at skabe en vækstregion på tværs af "
                "grænser? Klyngerne har brug for internationalisering.",
                de="Wie können Cluster und Netzwerke dazu beitragen, eine grenzüberschreitende "
                "Wachstumsregion zu schaffen? Die Internationalisierung der Cluster ist notwendig.",
            )
        ),
        bullets(
            T(
                "Only sporadic collaboration among cluster actors now",
                da="I dag kun sporadisk samarbejde mellem klyngeaktører",
                de="Bisher nur sporadische Zusammenarbeit zwischen Clusterakteuren",
            ),
            T(
                "An unexploited potential for companies and specialised research facilities in "
                "the region",
                da="Et uudnyttet potentiale for virksomheder og specialiserede forskningsmiljøer "
                "i regionen",
                de="Ungenutztes Potenzial für Unternehmen und spezialisierte "
                "Forschungseinrichtungen in der Region",
            ),
        ),
        paragraph(
            T(
                "There is a need for competence building, experience, knowledge sharing and "
                "networking between cluster actors in the INTERREG 4A Region.",
                da="Der er behov for kompetenceopbygning, erfaring, videndeling og netværk mellem "
                "klyngeaktører i INTERREG 4A-regionen.",
                de="Es braucht Kompetenzaufbau, Erfahrung, Wissensaustausch und Vernetzung "
                "zwischen den Clusterakteuren der INTERREG 4A-Region.",
            )
        ),
        heading(T("Activities", da="Aktiviteter", de="Aktivitäten")),
        bullets(
            T(
                "Create a platform for information and exchange of knowledge about the clusters "
                "in the project.",
                da="Skabe en platform for information og videndeling om klyngerne i projektet.",
                de="Eine Plattform für Information und Wissensaustausch über die Cluster im "
                "Projekt schaffen.",
            ),
            T(
                "Identify good practice on how to promote collaboration and internationalization "
                "of clusters in border regions.",
                da="Identificere god praksis for at fremme samarbejde og internationalisering af "
                "klynger i grænseregioner.",
                de="Gute Praxis zur Förderung von Zusammenarbeit und Internationalisierung von "
                "Clustern in Grenzregionen ermitteln.",
            ),
            T(
                "Arrange networking and training activities for cluster facilitators on topics "
                "like financing models for clusters, open innovation and commercialization.",
                da="Arrangere netværks- og træningsaktiviteter for klyngefacilitatorer om emner "
                "som finansieringsmodeller for klynger, åben innovation og kommercialisering.",
                de="Netzwerk- und Schulungsangebote für Clustermanager zu Themen wie "
                "Finanzierungsmodellen für Cluster, Open Innovation und Kommerzialisierung "
                "organisieren.",
            ),
            T(
                "Arrange a matching event for cluster companies and research facilities to "
                "engage in collaborative project development.",
                da="Arrangere et matchmaking-arrangement, hvor klyngevirksomheder og "
                "forskningsinstitutioner udvikler fælles projekter.",
                de="Eine Matching-Veranstaltung für Clusterunternehmen und "
                "Forschungseinrichtungen zur gemeinsamen Projektentwicklung ausrichten.",
            ),
            T(
                "Document the key findings from the project in a report by the end of the project.",
                da="Dokumentere projektets vigtigste resultater i en rapport ved projektets "
                "afslutning.",
                de="Die wichtigsten Ergebnisse des Projekts zum Projektende in einem Bericht "
                "dokumentieren.",
            ),
        ),
        block(
            "key_figures",
            heading=T("The project in numbers", da="Projektet i tal", de="Das Projekt in Zahlen"),
            figures=[
                {
                    "figure": "2011-2012",
                    "label": T("project period", da="projektperiode", de="Projektlaufzeit"),
                },
                {
                    "figure": "",
                    "count": "clusters",
                    "label": T(
                        "participating clusters", da="deltagende klynger", de="teilnehmende Cluster"
                    ),
                },
                {
                    "figure": "9",
                    "label": T(
                        "members of the advisory board",
                        da="medlemmer af det rådgivende udvalg",
                        de="Mitglieder des Beirats",
                    ),
                },
                {
                    "figure": "220.000 €",
                    "label": T(
                        "from the European Regional Development Fund",
                        da="fra Den Europæiske Fond for Regionaludvikling",
                        de="aus dem Europäischen Fonds für regionale Entwicklung",
                    ),
                },
            ],
        ),
    ]


def partners_body(eu_emblem):
    return [
        block(
            "partners",
            heading=T("Project partners", da="Projektpartnere", de="Projektpartner"),
            partners=[
                {
                    "name": "REG X",
                    "description": T(
                        "The Danish Cluster Academy",
                        da="Det Danske Klyngeakademi",
                        de="Die dänische Clusterakademie",
                    ),
                    "url": "https://www.regx.dk",
                },
                {
                    "name": "WTSH",
                    "description": T(
                        "Wirtschaftsförderung und Technologietransfer in Schleswig-Holstein",
                        da="Wirtschaftsförderung und Technologietransfer in Schleswig-Holstein "
                        "(erhvervsfremme og teknologioverførsel i Slesvig-Holsten)",
                        de="Wirtschaftsförderung und Technologietransfer in Schleswig-Holstein",
                    ),
                    "url": "https://www.wtsh.de",
                },
            ],
        ),
        block(
            "partners",
            heading=T("Funding", da="Finansiering", de="Förderung"),
            partners=[
                {"name": "INTERREG 4A Syddanmark-Schleswig-K.E.R.N.", "description": FUNDING},
                {"name": EU_FUNDING, "description": "", "logo": eu_emblem.pk},
            ],
        ),
        block(
            "key_figures",
            heading=T("Participants", da="Deltagere", de="Teilnehmer"),
            figures=[
                {
                    "figure": "",
                    "count": "clusters",
                    "label": T(
                        "clusters from the INTERREG 4A region",
                        da="klynger fra INTERREG 4A-regionen",
                        de="Cluster aus der INTERREG 4A-Region",
                    ),
                },
                {
                    "figure": "",
                    "count": "industries",
                    "label": T("industries", da="brancher", de="Branchen"),
                },
            ],
        ),
    ]


def advisory_board_body():
    return [
        paragraph(
            T(
                "9 representatives from public sector, research institutions and private sector "
                "on both sides of the border",
                da="9 repræsentanter fra den offentlige sektor, forskningsinstitutioner og den "
                "private sektor på begge sider af grænsen",
                de="9 Vertreterinnen und Vertreter aus öffentlichem Sektor, Forschung und "
                "Privatwirtschaft auf beiden Seiten der Grenze",
            )
        ),
    ]


def project_ideas_body():
    body = [
        paragraph(
            T(
                "Three ongoing cross-border project ideas came out of the InTra-Net project.",
                da="Tre igangværende grænseoverskridende projektidéer er kommet ud af "
                "InTra-Net-projektet.",
                de="Aus dem Projekt InTra-Net sind drei laufende grenzüberschreitende Projektideen "
                "hervorgegangen.",
            )
        )
    ]
    for title, text in PROJECT_IDEAS:
        body += [heading(title), paragraph(text)]
    return body


def final_report_body():
    return [
        paragraph(
            T(
                "The key findings of the project, documented at its end.",
                da="Projektets vigtigste resultater, dokumenteret ved dets afslutning.",
                de="Die wichtigsten Ergebnisse des Projekts, dokumentiert zu seinem Abschluss.",
            )
        ),
        heading(T("Challenges", da="Udfordringer", de="Herausforderungen")),
        bullets(
            T(
                "Cultural differences across borders",
                da="Kulturelle forskelle på tværs af grænser",
                de="Kulturelle Unterschiede über Grenzen hinweg",
            ),
            T(
                "Structural and organisational differences",
                da="Strukturelle og organisatoriske forskelle",
                de="Strukturelle und organisatorische Unterschiede",
            ),
            T("Language barriers", da="Sprogbarrierer", de="Sprachbarrieren"),
            T(
                "Perceived spatial distance",
                da="Oplevet geografisk afstand",
                de="Wahrgenommene räumliche Distanz",
            ),
        ),
        heading(T("Successes", da="Succeser", de="Erfolge")),
        bullets(
            T(
                "A new network between cluster actors on both sides of the border",
                da="Et nyt netværk mellem klyngeaktører på begge sider af grænsen",
                de="Ein neues Netzwerk zwischen Clusterakteuren auf beiden Seiten der Grenze",
            ),
            T(
                "Three ongoing cross-border project ideas",
                da="Tre igangværende grænseoverskridende projektidéer",
                de="Drei laufende grenzüberschreitende Projektideen",
            ),
        ),
    ]


def contact_body():
    return [
        paragraph(
            T(
                "More information about InTra-Net:",
                da="Mere information om InTra-Net:",
                de="Weitere Informationen zu InTra-Net:",
            )
        ),
        block(
            "people",
            heading="",
            people=[
                {
                    "name": "Jesper Lund",
                    "role": T("Project Manager", da="Projektleder", de="Projektleiter"),
                    "organisation": T(
                        "REG X – The Danish Cluster Academy",
                        da="REG X – Det Danske Klyngeakademi",
                        de="REG X – Die dänische Clusterakademie",
                    ),
                    "email": "jesper@regx.dk",
                    "phone": "+45 6550 1344",
                    "photo": None,
                }
            ],
        ),
    ]


def home_body(cluster_index, featured_clusters, about_page, eu_emblem):
    return [
        block(
            "hero",
            heading=T(
                "Innovation in Transnational Networks",
                da="Innovation i transnationale netværk",
                de="Innovation in transnationalen Netzwerken",
            ),
            text=OBJECTIVE,
            button_label=T(
                "Find your new project partner",
                da="Find din nye projektpartner",
                de="Finden Sie Ihren neuen Projektpartner",
            ),
            page=cluster_index.pk,
            external_url="",
            image=None,
        ),
        paragraph(PROJECT, FUNDING),
        block(
            "featured_clusters",
            heading=MATCHPOINT,
            clusters=[page.pk for page in featured_clusters],
        ),
        block(
            "cluster_statistics",
            heading=T(
                "The network in figures",
                da="Netværket i tal",
                de="Das Netzwerk in Zahlen",
            ),
            show="both",
        ),
        block(
            "upcoming_events",
            heading=T("Next events", da="Næste arrangementer", de="Nächste Veranstaltungen"),
            count=3,
        ),
        block(
            "latest_case_studies",
            heading=T(
                "Cross-border case studies",
                da="Grænseoverskridende casestudier",
                de="Grenzüberschreitende Fallstudien",
            ),
            count=3,
        ),
        block(
            "call_to_action",
            heading=T("About the project", da="Om projektet", de="Über das Projekt"),
            text=T(
                "Objective, background, partners and activities of InTra-Net.",
                da="InTra-Nets formål, baggrund, partnere og aktiviteter.",
                de="Ziel, Hintergrund, Partner und Aktivitäten von InTra-Net.",
            ),
            button_label=T("Read more", da="Læs mere", de="Mehr erfahren"),
            page=about_page.pk,
            external_url="",
        ),
        block(
            "partners",
            heading=T("Supported by", da="Støttet af", de="Gefördert von"),
            partners=[
                {"name": "INTERREG 4A Syddanmark-Schleswig-K.E.R.N.", "description": ""},
                {"name": EU_FUNDING, "description": "", "logo": eu_emblem.pk},
            ],
        ),
    ]


def privacy_body(tile_host=""):
    """``tile_host``: where the map's street tiles come from, if the site offers them."""
    return [
        paragraph(
            T(
                "When a cluster registers in the directory, we store the profile and the "
                "contact person's name, job title, e-mail address and phone number, to review "
                "the registration and, once approved, to publish the profile. The e-mail "
                "address is only shown on the profile if the cluster agreed to it.",
                da="Når en klynge registrerer sig i oversigten, gemmer vi profilen og "
                "kontaktpersonens navn, stilling, e-mailadresse og telefonnummer for at "
                "behandle registreringen og, når den er godkendt, offentliggøre profilen. "
                "E-mailadressen vises kun på profilen, hvis klyngen har accepteret det.",
                de="Wenn sich ein Cluster im Verzeichnis registriert, speichern wir das Profil "
                "sowie Name, Position, E-Mail-Adresse und Telefonnummer der Kontaktperson, um "
                "die Registrierung zu prüfen und das Profil nach der Freigabe zu "
                "veröffentlichen. Die E-Mail-Adresse wird nur angezeigt, wenn der Cluster "
                "zugestimmt hat.",
            ),
            T(
                "Messages sent through a cluster's contact form are stored and forwarded to "
                "the cluster's contact person by e-mail.",
                da="Beskeder, der sendes via en klynges kontaktformular, gemmes og videresendes "
                "til klyngens kontaktperson pr. e-mail.",
                de="Nachrichten über das Kontaktformular eines Clusters werden gespeichert und "
                "per E-Mail an die Kontaktperson des Clusters weitergeleitet.",
            ),
            T(
                "Rejected registrations are deleted with all their personal data. To see or "
                "erase the data we hold about you, write to jesper@regx.dk.",
                da="Afviste registreringer slettes med alle personoplysninger. Skriv til "
                "jesper@regx.dk for at se eller slette de oplysninger, vi har om dig.",
                de="Abgelehnte Registrierungen werden mit allen personenbezogenen Daten "
                "gelöscht. Um Ihre gespeicherten Daten einzusehen oder löschen zu lassen, "
                "schreiben Sie an jesper@regx.dk.",
            ),
        ),
        paragraph(*map_privacy(tile_host)),
    ]


def map_privacy(tile_host):
    texts = [
        T(
            "The map of clusters draws the land and borders from this website's own data: "
            "looking at it sends nothing to anyone else.",
            da="Klyngekortet tegner land og grænser ud fra dette websites egne data: når du "
            "ser på det, sendes der intet til andre.",
            de="Die Karte der Cluster zeichnet Land und Grenzen aus den eigenen Daten dieser "
            "Website: Wer sie ansieht, sendet nichts an Dritte.",
        )
    ]
    if tile_host:
        texts.append(
            T(
                f"Only if you choose 'Show street map' does your browser load map tiles from "
                f"{tile_host}, which then receives your IP address and the part of the map you "
                f"view; its own privacy policy applies.",
                da=f"Kun hvis du vælger 'Vis gadekort', henter din browser kortfliser fra "
                f"{tile_host}, som derved modtager din IP-adresse og den del af kortet, du "
                f"ser; dens egen privatlivspolitik gælder.",
                de=f"Nur wenn Sie „Straßenkarte anzeigen“ wählen, lädt Ihr Browser "
                f"Kartenkacheln von {tile_host}, der dabei Ihre IP-Adresse und den "
                f"angezeigten Kartenausschnitt erhält; dort gilt dessen eigene "
                f"Datenschutzerklärung.",
            )
        )
    return texts


REGISTRATION_INTRODUCTION = T(
    "Register your cluster to be presented in the directory and to be linked with potential "
    "project partners across the border. Every registration is reviewed by the network's "
    "staff before it is published.",
    da="Registrér din klynge for at blive præsenteret i oversigten og blive koblet med "
    "potentielle projektpartnere på tværs af grænsen. Alle registreringer gennemgås af "
    "netværkets medarbejdere, før de offentliggøres.",
    de="Registrieren Sie Ihren Cluster, um im Verzeichnis vorgestellt und mit möglichen "
    "Projektpartnern jenseits der Grenze verknüpft zu werden. Jede Registrierung wird vor der "
    "Veröffentlichung von den Mitarbeitenden des Netzwerks geprüft.",
)

REGISTRATION_THANKS = T(
    "Thank you! We review your registration within a few working days and publish the "
    "profile in the directory. If anything is unclear, we contact the person you named by "
    "e-mail.",
    da="Tak! Vi gennemgår din registrering inden for få arbejdsdage og offentliggør profilen "
    "i oversigten. Hvis noget er uklart, kontakter vi den angivne person pr. e-mail.",
    de="Vielen Dank! Wir prüfen Ihre Registrierung innerhalb weniger Arbeitstage und "
    "veröffentlichen das Profil im Verzeichnis. Bei Unklarheiten melden wir uns per E-Mail "
    "bei der genannten Person.",
)


def accessibility_body():
    """An accessibility statement after the EU's model (Directive (EU) 2016/2102)."""
    return [
        paragraph(
            T(
                "REG X wants as many people as possible to be able to use this website. This "
                "statement covers the InTra-Net website in English, Danish and German.",
                da="REG X ønsker, at flest muligt kan bruge dette website. Denne erklæring "
                "gælder InTra-Net-websitet på engelsk, dansk og tysk.",
                de="REG X möchte, dass möglichst viele Menschen diese Website nutzen können. "
                "Diese Erklärung gilt für die InTra-Net-Website auf Englisch, Dänisch und "
                "Deutsch.",
            )
        ),
        heading(T("Compliance status", da="Overholdelsesstatus", de="Stand der Vereinbarkeit")),
        paragraph(
            T(
                "The website is designed to meet the Web Content Accessibility Guidelines "
                "(WCAG) 2.2 at level AA. It is checked automatically with axe, the W3C's "
                "validator and Lighthouse at every change.",
                da="Websitet er udviklet til at overholde retningslinjerne for tilgængeligt "
                "webindhold (WCAG) 2.2 på niveau AA. Det kontrolleres automatisk med axe, "
                "W3C's validator og Lighthouse ved hver ændring.",
                de="Die Website ist darauf ausgelegt, die Richtlinien für barrierefreie "
                "Webinhalte (WCAG) 2.2 auf Stufe AA zu erfüllen. Sie wird bei jeder Änderung "
                "automatisch mit axe, dem Validator des W3C und Lighthouse geprüft.",
            )
        ),
        heading(
            T(
                "Content that is not accessible",
                da="Indhold, der ikke er tilgængeligt",
                de="Nicht barrierefreie Inhalte",
            )
        ),
        paragraph(
            T(
                "Documents uploaded by clusters, such as reports in PDF, may not be fully "
                "accessible. Ask us for a version you can use.",
                da="Dokumenter, som klynger uploader, for eksempel rapporter i PDF, er "
                "måske ikke fuldt tilgængelige. Bed os om en version, du kan bruge.",
                de="Von Clustern hochgeladene Dokumente, etwa Berichte als PDF, sind "
                "möglicherweise nicht vollständig barrierefrei. Fragen Sie uns nach einer "
                "Fassung, die Sie nutzen können.",
            )
        ),
        heading(T("Feedback and contact", da="Feedback og kontakt", de="Feedback und Kontakt")),
        paragraph(
            T(
                "If something on the website is hard to use for you, write to "
                "jesper@regx.dk or call +45 6550 1344. We answer within two weeks.",
                da="Hvis noget på websitet er svært at bruge for dig, så skriv til "
                "jesper@regx.dk eller ring på +45 6550 1344. Vi svarer inden for to uger.",
                de="Wenn Ihnen etwas auf der Website schwerfällt, schreiben Sie an "
                "jesper@regx.dk oder rufen Sie +45 6550 1344 an. Wir antworten innerhalb "
                "von zwei Wochen.",
            )
        ),
        heading(T("Enforcement", da="Klagemulighed", de="Durchsetzungsverfahren")),
        paragraph(
            T(
                "If our answer does not satisfy you, you can complain to the Danish Agency "
                "for Digital Government (Digitaliseringsstyrelsen), which oversees web "
                "accessibility in Denmark.",
                da="Hvis du ikke er tilfreds med vores svar, kan du klage til "
                "Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighed i Danmark.",
                de="Sind Sie mit unserer Antwort nicht zufrieden, können Sie sich bei der "
                "dänischen Digitalisierungsbehörde (Digitaliseringsstyrelsen) beschweren, die "
                "die Barrierefreiheit von Websites in Dänemark überwacht.",
            )
        ),
        paragraph(
            T(
                "This statement was prepared on 5 December 2026.",
                da="Denne erklæring blev udarbejdet den 5. december 2026.",
                de="Diese Erklärung wurde am 5. Dezember 2026 erstellt.",
            )
        ),
    ]
