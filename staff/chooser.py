"""The page chooser opens in the editor's language.

Wagtail's chooser starts at the root of the tree, where the home pages of every language
sit side by side, so a type-restricted chooser (a cluster, an event) showed each page three
times over. It has a language filter of its own (``?locale=``); this view, in front of
Wagtail's at the same address, sets it to the editor's admin language when none is chosen.
The editor can still switch language in the chooser.
"""

from django.shortcuts import redirect
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Locale

browse = BrowseView.as_view()


@require_admin_access
def choose_page(request):
    if "locale" not in request.GET:
        params = request.GET.copy()
        params["locale"] = Locale.get_active().language_code
        return redirect(f"{request.path}?{params.urlencode()}")
    return browse(request)
