"""A new page comes into being only when the editor saves it.

Wagtail 8 autosaves the create form too: the first autosave creates the page (and, through
the synchronized trees, its aliases in the other languages) from the form as it was a moment
before, and only then turns the form into the page's edit form. An editor who saves in that
moment posts the create form a second time: refused by validation, she read "could not be
created" while the page already existed in every language, and her next save failed on its
slug. So the create form's autosave is answered as Wagtail answers an invalid one (its
indicator and the unsaved-changes note show why); autosave starts once the page is saved.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _


def is_autosave(request):
    # As Wagtail's JsonPostResponseMixin tells its background saves from the form's own.
    return request.method == "POST" and not request.accepts("text/html")


def refuse_autosave_of_new_page(request, parent_page, page_class):
    if not is_autosave(request):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "validation_error",
            "error_message": _(
                "Not saved yet: a new page is saved automatically once you have saved it."
            ),
        },
        status=400,
    )
