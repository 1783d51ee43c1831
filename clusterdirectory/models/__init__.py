from .choices import Country, EventKind
from .pages import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyRelatedCluster,
    ClusterIndexPage,
    ClusterPage,
    EventIndexPage,
    EventPage,
    NewsPage,
)
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
    "Country",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageTag",
    "IndustryTag",
    "IndustryTagName",
    "NewsPage",
    "NewsPageTag",
    "industry_label",
    "industry_names",
]
