"""RSS and Atom feeds of the news articles under an events index, in the index's language
(``<index>/news/rss/`` and ``<index>/news/atom/``), built with Django's syndication framework.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .taxonomy.models import industry_names

FEED_ITEMS = 20


class NewsFeed(Feed):
    """Called with the index page, one instance per request: ``NewsFeed(index)(request)``."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.names = industry_names(locale=self.index.locale_id)
        return self.index

    def title(self, index):
        return _("%(title)s: news") % {"title": index.title}

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return _("The latest news from %(title)s.") % {"title": index.title}

    def items(self, index):
        return index.news().prefetch_related("tagged_items__tag")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item.date, datetime.time(), timezone.get_default_timezone()
        )

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [self.names.get(i.tag_id, i.tag.name) for i in item.tagged_items.all()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
