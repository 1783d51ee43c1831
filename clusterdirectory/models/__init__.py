from .choices import Country, EventKind
from .contact_requests import ContactRequest
from .pages import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyRelatedCluster,
    ClusterIndexPage,
    ClusterPage,
    ClusterPartner,
    EventIndexPage,
    EventPage,
    NewsPage,
)
from .registrations import ClusterRegistration, RegistrationStatus
from .tags import (
    CaseStudyPageTag,
    ClusterPageTag,
    EventPageTag,
    IndustryTag,
    IndustryTagName,
    NewsPageTag,
    industry_label,
    industry_names,
)

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
    "Country",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageTag",
    "IndustryTag",
    "IndustryTagName",
    "NewsPage",
    "NewsPageTag",
    "RegistrationStatus",
    "industry_label",
    "industry_names",
]
