from ..choices import Country, EventKind
from ..place_names import PlaceName
from ..taxonomy.models import (
    CaseStudyPageTag,
    ClusterPageTag,
    EventPageTag,
    IndustryTag,
    IndustryTagName,
    NewsPageTag,
    industry_label,
    industry_names,
    industry_tags,
)
from .case_studies import CaseStudyIndexPage, CaseStudyPage, CaseStudyRelatedCluster
from .clusters import ClusterIndexPage, ClusterPage, ClusterPartner
from .contact_requests import ContactRequest
from .events import EventCaseStudy, EventCluster, EventIndexPage, EventPage, NewsPage
from .mixins import SEARCH_SPELLINGS, SearchSpellingsMixin, SocialImageMixin
from .profile_updates import ProfileUpdate, UpdateOutcome
from .registrations import ClusterRegistration, RegistrationStatus
from .subscriptions import DeliveryStatus, DigestDelivery, Subscription

__all__ = [
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPageTag",
    "CaseStudyRelatedCluster",
    "ClusterIndexPage",
    "ClusterPage",
    "ClusterPageTag",
    "ClusterPartner",
    "ClusterRegistration",
    "ContactRequest",
    "DeliveryStatus",
    "DigestDelivery",
    "Country",
    "EventCaseStudy",
    "EventCluster",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageTag",
    "IndustryTag",
    "IndustryTagName",
    "NewsPage",
    "NewsPageTag",
    "PlaceName",
    "ProfileUpdate",
    "RegistrationStatus",
    "SEARCH_SPELLINGS",
    "SearchSpellingsMixin",
    "SocialImageMixin",
    "Subscription",
    "UpdateOutcome",
    "industry_label",
    "industry_names",
    "industry_tags",
]
