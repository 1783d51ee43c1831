"""sitemap.xml: every live, public page of the site in every language, each with its live
translations as hreflang alternates (Google's format for multilingual sites)."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class MultilingualSitemap(Sitemap):
    def site_pages(self):
        """Live, public pages under the site's root page or any of its translations: Wagtail's
        own sitemap only knows the root's tree, which is one language."""
        site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
        roots = site.root_page.get_translations(inclusive=True)
        in_site = reduce(
            or_, (Page.objects.descendant_of_q(root, inclusive=True) for root in roots)
        )
        return Page.objects.filter(in_site).live().public()

    def items(self):
        return self.site_pages().order_by("path").defer_streamfields().specific()

    def alternates(self):
        """Translation key to the hreflang alternates of its pages (one query for the site)."""
        order = {code: n for n, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
        by_key = defaultdict(list)
        for page in self.site_pages().select_related("locale"):
            url = page.get_full_url(self.request)
            if url:
                by_key[page.translation_key].append((page.locale.language_code, url))
        alternates = {}
        for key, versions in by_key.items():
            if len(versions) < 2:
                continue  # a page without translations has no alternates to announce
            versions.sort(key=lambda version: order.get(version[0], len(order)))
            links = [{"lang_code": code, "location": url} for code, url in versions]
            default = dict(versions).get(settings.LANGUAGE_CODE)
            if default:
                links.append({"lang_code": "x-default", "location": default})
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        alternates = self.alternates()
        urls = []
        for item in self.paginator.page(page).object_list:
            own_url = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if url_info["location"] == own_url:
                    url_info.setdefault("alternates", alternates.get(item.translation_key, []))
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        # As Wagtail's sitemap: a Last-Modified header only when every page has a date.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
