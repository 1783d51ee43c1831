"""Drafts, pages in moderation and private pages (login or password) never reach anonymous
visitors: not as pages, nor in listings, search, feeds, calendars, sitemap, exports, partner
suggestions or the API."""

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction, Workflow

from tests.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ClusterPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    IndustryTagFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db

MARKER = "Hiddenwind"  # in every hidden page's title, and in no visible one


def restrict(page, kind):
    PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password="secret" if kind == PageViewRestriction.PASSWORD else "",
    )


def draft(page):
    """A page that was never published (factories make live pages)."""
    page.live = False
    page.has_unpublished_changes = True
    page.first_published_at = page.last_published_at = page.live_revision = None
    page.save()
    page.save_revision()
    return page


@pytest.fixture
def site(root_page, cluster_index, admin_user):
    wind = IndustryTagFactory(name="Wind energy", slug="wind-energy")
    visible = ClusterPageFactory(
        parent=cluster_index, title="Visible Cluster", country="DE", industries=[wind]
    )
    hidden = [
        draft(ClusterPageFactory(
            parent=cluster_index, title=f"{MARKER} Draft", country="DK", industries=[wind],
        )),
        ClusterPageFactory(
            parent=cluster_index, title=f"{MARKER} Login", country="DK", industries=[wind]
        ),
        ClusterPageFactory(
            parent=cluster_index, title=f"{MARKER} Password", country="DK", industries=[wind]
        ),
    ]  # fmt: skip
    restrict(hidden[1], PageViewRestriction.LOGIN)
    restrict(hidden[2], PageViewRestriction.PASSWORD)
    moderated = draft(ClusterPageFactory(
        parent=cluster_index, title=f"{MARKER} Moderation", country="DK", industries=[wind],
    ))  # fmt: skip
    Workflow.objects.get(name="Moderators approval").start(moderated, admin_user)
    hidden.append(moderated)

    events = EventIndexPageFactory(parent=root_page)
    soon = timezone.now() + timezone.timedelta(days=10)
    EventPageFactory(parent=events, title="Open workshop", starts_at=soon, industries=[wind])
    secret_event = EventPageFactory(
        parent=events, title=f"{MARKER} Workshop", starts_at=soon, industries=[wind]
    )
    restrict(secret_event, PageViewRestriction.LOGIN)
    draft_news = draft(NewsPageFactory(parent=events, title=f"{MARKER} News"))
    private_news = NewsPageFactory(parent=events, title=f"{MARKER} Private News")
    restrict(private_news, PageViewRestriction.PASSWORD)
    studies = CaseStudyIndexPageFactory(parent=root_page)
    CaseStudyPageFactory(parent=studies, title="Open study", industries=[wind])
    private_study = CaseStudyPageFactory(parent=studies, title=f"{MARKER} Study", industries=[wind])
    restrict(private_study, PageViewRestriction.LOGIN)
    hidden += [secret_event, draft_news, private_news, private_study]
    return {
        "visible": visible,
        "hidden": hidden,
        "clusters": cluster_index,
        "events": events,
        "studies": studies,
    }


def public_urls(site):
    clusters, events, studies = site["clusters"], site["events"], site["studies"]
    return [
        clusters.url,
        clusters.url + "?tag=wind-energy&country=DK",
        clusters.url + f"?q={MARKER}",
        clusters.url + "export.csv",
        clusters.url + "export.json",
        site["visible"].url,  # its potential partners
        events.url,
        events.url + "?tag=wind-energy",
        events.url + "ical/",
        events.url + "news/rss/",
        events.url + "news/atom/",
        studies.url,
        f"/en/search/?q={MARKER}",
        "/en/search/?q=wind",
        "/sitemap.xml",
        "/api/v2/pages/?fields=*&limit=100",
        "/api/v2/pages/?type=clusterdirectory.ClusterPage&fields=*&industry=wind-energy",
        "/api/v2/pages/?type=clusterdirectory.EventPage&fields=*",
        f"/api/v2/pages/?search={MARKER}",
        f"/api/v2/pages/{site['visible'].pk}/?fields=*",  # potential_partners
    ]


def test_hidden_pages_appear_nowhere_public(client, site):
    titles = [page.title for page in site["hidden"]]  # the marker alone is in search URLs
    for url in public_urls(site):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert [title for title in titles if title in content] == [], url
    assert "Visible Cluster" in client.get(site["clusters"].url).content.decode()


def test_hidden_pages_themselves_are_closed(client, site):
    for page in site["hidden"]:
        response = client.get(page.url) if page.live else client.get(page.get_url() or "/")
        if page.live:  # private: a log-in or password form, never the content
            assert response.status_code in (200, 302), page
            assert f"<h1>{page.title}" not in response.content.decode(), page
        api = client.get(f"/api/v2/pages/{page.pk}/")
        assert api.status_code == 404, page
    draft = site["hidden"][0]
    assert client.get(draft.url_path.replace("/home", "/en", 1)).status_code == 404
