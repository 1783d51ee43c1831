"""Builds the demo site: pages in English, translated through wagtail-localize.

Every step is "get or create", so loading twice keeps one copy of everything.
"""

import datetime
import html
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.html import escape
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from clusterdirectory import places
from clusterdirectory.maps import tile_host
from clusterdirectory.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyRelatedCluster,
    ClusterIndexPage,
    ClusterPage,
    ClusterPartner,
    EventIndexPage,
    EventPage,
    IndustryTag,
    IndustryTagName,
    NewsPage,
)
from home.models import (
    FundingLogo,
    FundingLogos,
    HomePage,
    Menu,
    MenuItem,
    NetworkContactSettings,
    StandardPage,
)

from . import content, images, site_pages
from .blocks import block, paragraph
from .texts import TRANSLATIONS, T

TARGET_LANGUAGES = ["da", "de"]
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    # Not one transaction: wagtail-localize publishes translations on commit, and publishing
    # them all at the end would write stale tree data over their parents.
    def load(self):
        self.locales = self.ensure_locales()
        tags = self.load_industries()
        home = self.load_home_page()
        self.load_site(home)
        about = self.child(
            home,
            StandardPage,
            "about",
            title=T("About the Project", da="Om projektet", de="Über das Projekt"),
            show_in_menus=True,
            body=site_pages.about_body(),
        )
        events = self.child(
            home,
            EventIndexPage,
            "news-and-events",
            title=T("News and Events", da="Nyheder og arrangementer", de="Neuigkeiten und Termine"),
            show_in_menus=True,
            introduction=paragraph(
                T(
                    "Workshops and networking events where clusters from both sides of the "
                    "border meet, and news from the project.",
                    da="Workshops og netværksarrangementer, hvor klynger fra begge sider af "
                    "grænsen mødes, og nyheder fra projektet.",
                    de="Workshops und Netzwerkveranstaltungen, bei denen sich Cluster beiderseits "
                    "der Grenze treffen, und Neuigkeiten aus dem Projekt.",
                )
            )["value"],
        )
        privacy = self.child(
            home,
            StandardPage,
            "privacy",
            title=T("Privacy", da="Privatlivspolitik", de="Datenschutz"),
            body=site_pages.privacy_body(tile_host()),
        )
        accessibility = self.child(
            home,
            StandardPage,
            "accessibility",
            title=T(
                "Accessibility statement",
                da="Tilgængelighedserklæring",
                de="Erklärung zur Barrierefreiheit",
            ),
            body=site_pages.accessibility_body(),
        )
        self.link_accessibility_statement(home, accessibility)
        clusters = self.child(
            home,
            ClusterIndexPage,
            "participating-clusters",
            title=T("Participating Clusters", da="Deltagende klynger", de="Teilnehmende Cluster"),
            show_in_menus=True,
            introduction=self.matchpoint_introduction(),
            registration_introduction=paragraph(site_pages.REGISTRATION_INTRODUCTION)["value"],
            registration_thanks=paragraph(site_pages.REGISTRATION_THANKS)["value"],
            privacy_page=privacy,
        )
        cluster_pages = self.load_clusters(clusters, tags)
        case_studies = self.load_case_studies(home, cluster_pages, tags)
        self.load_events(events, tags)
        partners = self.child(
            about,
            StandardPage,
            "partners",
            title=T("Partners", da="Partnere", de="Partner"),
            show_in_menus=True,
            body=site_pages.partners_body(images.eu_emblem()),
        )
        self.child(
            about,
            StandardPage,
            "advisory-board",
            title=T("Advisory Board", da="Rådgivende udvalg", de="Beirat"),
            show_in_menus=True,
            body=site_pages.advisory_board_body(),
        )
        self.child(
            about,
            StandardPage,
            "project-ideas",
            title=T("Project ideas", da="Projektidéer", de="Projektideen"),
            show_in_menus=True,
            body=site_pages.project_ideas_body(),
        )
        final_report = self.child(
            about,
            StandardPage,
            "final-report",
            title=T(
                "Final report: challenges and successes",
                da="Slutrapport: udfordringer og succeser",
                de="Abschlussbericht: Herausforderungen und Erfolge",
            ),
            show_in_menus=True,
            body=site_pages.final_report_body(),
        )
        contact = self.child(
            home,
            StandardPage,
            "contact",
            title=T("Contact", da="Kontakt", de="Kontakt"),
            show_in_menus=True,
            body=site_pages.contact_body(),
        )
        if not home.body:
            home.body = site_pages.home_body(clusters, cluster_pages[:2], about, images.eu_emblem())
            home.save_revision().publish()
        self.translate_tree(home)
        home_label = T("Home", da="Forside", de="Startseite")
        self.load_menu(
            Menu.Placement.HEADER,
            [(home, home_label), (about, ""), (events, ""), (clusters, ""), (case_studies, "")]
            + [(contact, "")],
        )
        final_report_label = T("Final report", da="Slutrapport", de="Abschlussbericht")
        self.load_menu(
            Menu.Placement.FOOTER,
            [(contact, ""), (privacy, ""), (partners, ""), (final_report, final_report_label)],
        )
        self.log(f"Demo content loaded: {self.created} new pages and translations.")

    # -- structure --------------------------------------------------------------------------

    def ensure_locales(self):
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code in ["en", *TARGET_LANGUAGES]
        }

    def load_home_page(self):
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=self.locales["en"])
        )
        home = HomePage.objects.filter(locale=self.locales["en"], depth=2).first()
        if home:
            return home
        # Replace the placeholder page that a new Wagtail database starts with.
        for placeholder in root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        ):
            placeholder.delete()
        home = HomePage(title="InTra-Net", slug="home", locale=self.locales["en"])
        root.add_child(instance=home)
        home.save_revision().publish()
        self.created += 1
        return home

    def load_site(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        # The address the site is served at, so that every absolute link answers.
        base = urlsplit(settings.BASE_URL)
        site.hostname = base.hostname
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.site_name = "InTra-Net"
        site.root_page = home
        site.save()
        contact = NetworkContactSettings.for_site(site)
        if not contact.email:
            contact.organisation = "REG X"  # its name in Danish and English is on Contact
            contact.email = "jesper@regx.dk"
            contact.phone = "+45 6550 1344"
            contact.website = "https://www.intranet.regx.dk"
            contact.save()
        self.load_funding_logos(site)

    def load_funding_logos(self, site):
        """The EU emblem with the fund it names in every page's header, as the seed's site
        had it (the INTERREG 4A logo beside it is not the demo's to draw)."""
        funding = FundingLogos.for_site(site)
        if not funding.logos.exists():
            text = site_pages.EU_FUNDING
            funding.logos = [
                FundingLogo(
                    image=images.eu_emblem(),
                    is_union_emblem=True,
                    text_en=text,
                    text_da=TRANSLATIONS[text]["da"],
                    text_de=TRANSLATIONS[text]["de"],
                    sort_order=0,
                )
            ]
            funding.save()

    def link_accessibility_statement(self, home, page):
        """Every page's footer links to the statement (the site's settings name it)."""
        contact = NetworkContactSettings.for_site(Site.objects.get(root_page=home))
        if contact.accessibility_statement_id is None:
            contact.accessibility_statement = page
            contact.save()

    def child(self, parent, model, slug, **fields):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page:
            return page
        tags = fields.pop("industries", [])
        page = model(slug=slug, **fields)
        for tag in tags:
            page.industries.add(tag)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    # -- content ----------------------------------------------------------------------------

    def load_industries(self):
        tags = {}
        for slug, (en, da, de) in content.INDUSTRIES.items():
            tag, _ = IndustryTag.objects.get_or_create(slug=slug, defaults={"name": en})
            source = IndustryTagName.objects.get(tag=tag, locale=self.locales["en"])
            for code, name in (("da", da), ("de", de)):
                self.translate(source, self.locales[code], {source.name: name})
            tags[slug] = tag
        return tags

    def matchpoint_introduction(self):
        texts = [
            site_pages.MATCHPOINT,
            T(
                "Here you can find information about participating clusters from the "
                "INTERREG 4A region.",
                da="Her kan du finde information om de deltagende klynger fra INTERREG "
                "4A-regionen.",
                de="Hier finden Sie Informationen über die teilnehmenden Cluster aus der "
                "INTERREG 4A-Region.",
            ),
            T(
                "By registering your cluster will be promoted on this website and has the "
                "option to be linked with potential project partners among the participating "
                "clusters.",
                da="Ved at registrere din klynge bliver den præsenteret på denne hjemmeside og "
                "kan blive koblet med potentielle projektpartnere blandt de deltagende klynger.",
                de="Mit der Registrierung wird Ihr Cluster auf dieser Website vorgestellt und "
                "kann mit möglichen Projektpartnern unter den teilnehmenden Clustern verknüpft "
                "werden.",
            ),
        ]
        return paragraph(*texts)["value"]

    def load_clusters(self, index, tags):
        pages = []
        for profile in (content.ALUCLUSTER, content.CEWIND):
            fields = dict(profile)
            fields["industries"] = [tags[slug] for slug in fields["industries"]]
            fields["services"] = [
                {"type": "service", "value": service} for service in fields.get("services", [])
            ]
            pages.append(self.child(index, ClusterPage, fields.pop("slug"), **fields))
        for title, slug, country, industries in content.OTHER_CLUSTERS:
            city = content.CITIES.get(slug, "")
            place = places.find(str(city or content.PARTNER_CITIES[country]), country)
            pages.append(
                self.child(
                    index,
                    ClusterPage,
                    slug,
                    title=title,
                    country=country,
                    city=city,
                    latitude=place.latitude,
                    longitude=place.longitude,
                    industries=[tags[s] for s in industries],
                )
            )
        self.link_partners(*pages[:2])
        return pages

    def link_partners(self, alucluster, cewind):
        """The two full profiles recommend each other across the border."""
        for page, partner in ((alucluster, cewind), (cewind, alucluster)):
            if not page.partner_links.exists():
                page.partner_links = [ClusterPartner(partner=partner)]
                page.save_revision().publish()

    def load_events(self, index, tags):
        # No clusters taking part or case studies from the workshops: the seed names the
        # project's 20 participants, but not who attended which workshop, and its case study
        # did not come out of one.
        for title, slug, first_day, last_day, kind, topics in content.WORKSHOPS:
            self.child(
                index,
                EventPage,
                slug,
                title=title,
                kind=kind,
                all_day=True,
                starts_at=datetime.datetime.combine(first_day, datetime.time(0), COPENHAGEN),
                ends_at=datetime.datetime.combine(last_day, datetime.time(23, 59), COPENHAGEN),
                summary=content.WORKSHOP_SUMMARIES[slug],
                image=images.network_illustration(slug),
                image_alt=content.ILLUSTRATION_ALT,
                focus_topics=[{"type": "topic", "value": topic} for topic in topics],
            )
        self.child(
            index,
            NewsPage,
            "intra-net-at-the-polish-german-business-forum",
            title=T(
                "InTra-Net presented at the 65th Polish-German Business Forum",
                da="InTra-Net præsenteret på det 65. polsk-tyske erhvervsforum",
                de="InTra-Net auf dem 65. Deutsch-Polnischen Wirtschaftsforum vorgestellt",
            ),
            date=datetime.date(2012, 10, 24),
            image=images.network_illustration("intra-net-at-the-polish-german-business-forum"),
            image_alt=content.ILLUSTRATION_ALT,
            summary=T(
                "Jesper Lund, Project Manager at REG X – The Danish Cluster Academy, presented "
                "the InTra-Net project in Szczecin, Poland.",
                da="Jesper Lund, projektleder hos REG X – Det Danske Klyngeakademi, "
                "præsenterede InTra-Net-projektet i Szczecin i Polen.",
                de="Jesper Lund, Projektleiter bei REG X – der dänischen Clusterakademie, "
                "stellte das Projekt InTra-Net in Stettin, Polen, vor.",
            ),
            body=[paragraph(site_pages.OBJECTIVE)],
        )

    def load_case_studies(self, home, cluster_pages, tags):
        index = self.child(
            home,
            CaseStudyIndexPage,
            "case-studies",
            title=T(
                "Cross-border case studies",
                da="Grænseoverskridende casestudier",
                de="Grenzüberschreitende Fallstudien",
            ),
            show_in_menus=True,
            introduction=paragraph(
                T(
                    "What clusters learned working across the border, with recommendations "
                    "for those who start now.",
                    da="Hvad klynger har lært af at arbejde på tværs af grænsen, med anbefalinger "
                    "til dem, der begynder nu.",
                    de="Was Cluster in der grenzüberschreitenden Arbeit gelernt haben, mit "
                    "Empfehlungen für alle, die jetzt beginnen.",
                )
            )["value"],
        )
        existing = CaseStudyPage.objects.child_of(index).filter(slug="cross-border-clusters")
        if existing.exists():
            return index
        page = CaseStudyPage(
            slug="cross-border-clusters",
            title=T(
                "Cross-border cluster collaboration in Europe",
                da="Grænseoverskridende klyngesamarbejde i Europa",
                de="Grenzüberschreitende Clusterzusammenarbeit in Europa",
            ),
            aim=T(
                "To identify and learn from similar cross-border cluster collaborations in Europe.",
                da="At identificere og lære af lignende grænseoverskridende "
                "klyngesamarbejder i Europa.",
                de="Ähnliche grenzüberschreitende Clusterkooperationen in Europa "
                "identifizieren und von ihnen lernen.",
            ),
            summary=T(
                "Five recommendations for clustering across the Danish-German border.",
                da="Fem anbefalinger til klyngesamarbejde på tværs af den dansk-tyske grænse.",
                de="Fünf Empfehlungen für die Clusterzusammenarbeit über die "
                "deutsch-dänische Grenze hinweg.",
            ),
            recommendations=[
                block("recommendation", statement=statement, keyword=keyword)
                for statement, keyword in content.RECOMMENDATIONS
            ],
            regions=[
                {
                    "type": "region",
                    "value": T("Southern Denmark", da="Syddanmark", de="Süddänemark"),
                },
                {
                    "type": "region",
                    "value": T("Schleswig-Holstein", da="Slesvig-Holsten", de="Schleswig-Holstein"),
                },
            ],
        )
        page.related_clusters = [
            CaseStudyRelatedCluster(cluster=cluster, sort_order=number)
            for number, cluster in enumerate(cluster_pages[:2])
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return index

    def load_menu(self, placement, links):
        """The English menu of ``placement`` with ``(page, label)`` links, and its
        translations; a menu that exists is left as editors made it."""
        menu = Menu.objects.filter(placement=placement, locale=self.locales["en"]).first()
        if menu is None:
            menu = Menu(placement=placement, locale=self.locales["en"])
            menu.items = [  # numbered, as the admin does: unnumbered links have no order
                MenuItem(link_page=page, label=label, sort_order=number)
                for number, (page, label) in enumerate(links)
            ]
            menu.save()
            menu.save_revision().publish()
            self.created += 1
        for code in TARGET_LANGUAGES:
            self.translate(menu, self.locales[code])

    # -- translation ------------------------------------------------------------------------

    def translate_tree(self, home):
        for page in home.get_descendants(inclusive=True).specific().order_by("path"):
            for code in TARGET_LANGUAGES:
                self.translate(page, self.locales[code])

    def translate(self, instance, locale, strings=None):
        """Create the translation of a page or snippet through wagtail-localize."""
        existing = instance.get_translation_or_none(locale)
        # An alias (from synchronized trees) becomes a translation when its target is saved.
        if existing is not None and getattr(existing, "alias_of_id", None) is None:
            return
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        code = locale.language_code
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            # Segment data is HTML: entities escaped, line breaks as <br/>.
            english = html.unescape(segment.string.data.replace("<br/>", "\n"))
            text = (strings or {}).get(english) or TRANSLATIONS.get(english, {}).get(code)
            if text:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": escape(text).replace("\n", "<br/>")},
                )
        translation.save_target(publish=True)
        self.created += 1
