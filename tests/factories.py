"""Factories for the plugin's page types; they import nothing from the host site."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from clusterdirectory.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    ClusterIndexPage,
    ClusterPage,
    ClusterRegistration,
    EventIndexPage,
    EventPage,
    IndustryTag,
    IndustryTagName,
    NewsPage,
)


class IndustryTagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndustryTag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Industry {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


def make_tags(*names, german=None):
    """Industry tags by slug (``"Wind energy"`` is ``wind-energy``); ``german`` maps slugs to
    German names, translated from the English name as translators do."""
    tags = {}
    for name in names:
        tag = IndustryTagFactory(name=name)
        tags[tag.slug] = tag
    for slug, german_name in (german or {}).items():
        source = IndustryTagName.objects.get(tag=tags[slug], locale__language_code="en")
        translation = source.copy_for_translation(Locale.objects.get(language_code="de"))
        translation.name = german_name
        translation.save()
    return tags


class ClusterIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ClusterIndexPage

    title = "Participating Clusters"
    slug = "clusters"


class ClusterPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ClusterPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cluster {n:04d}")
    slug = factory.Sequence(lambda n: f"cluster-{n}")
    country = "DK"
    city = "Kolding"

    @factory.post_generation
    def industries(self, create, extracted, **kwargs):
        if extracted:
            self.industries.add(*extracted)
            if create:
                self.save_revision().publish()


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "News and Events"
    slug = "events"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=6))


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyIndexPage

    title = "Case studies"
    slug = "case-studies"


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"Case study {n}")
    slug = factory.Sequence(lambda n: f"case-study-{n}")
    aim = "To learn from cross-border cluster collaborations."


class ClusterRegistrationFactory(factory.django.DjangoModelFactory):
    """A stored registration with every required field, as the public form leaves it."""

    class Meta:
        model = ClusterRegistration

    name = "Cluster Nord"
    street = "Hauptstraße 1"
    postcode = "24937"
    city = "Flensburg"
    country = "DE"
    website = "https://cluster-nord.example"
    contact_name = "Anna Berg"
    contact_title = "Managing Director"
    contact_email = "anna@cluster-nord.example"
    contact_phone = "+49 461 1234567"
    founded_year = 2005
    members_count = 42
    focus_areas = "Offshore wind"
    language_code = "en"
    consent = True


def create_clusters(index, count, industries):
    """``count`` live clusters under ``index`` sharing one logo, alternating DK and DE:
    the data for query-budget tests."""
    logo = get_image_model().objects.create(title="logo", file=get_test_image_file())
    for n in range(count):
        ClusterPageFactory(
            parent=index, logo=logo, country="DK" if n % 2 else "DE", industries=industries
        )
