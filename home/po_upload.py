"""wagtail-localize's PO file upload, with a clear message instead of a server error when the
request has no file or the file is a PO file that wagtail-localize did not export."""

import contextlib
import os
import tempfile

import polib
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

# wagtail-localize writes this header into its exports and reads it back without a default.
TRANSLATION_HEADER = "X-WagtailLocalize-TranslationID"


def read_header(upload):
    """The translation header of an uploaded PO file: None without one, False if the file
    is not a PO file at all (that message is wagtail-localize's own)."""
    # polib reads a path or the text itself; a path is safe, text could name a server file.
    with tempfile.NamedTemporaryFile(delete=False) as f:
        for chunk in upload.chunks():
            f.write(chunk)
    try:
        return polib.pofile(f.name).metadata.get(TRANSLATION_HEADER)
    except (OSError, UnicodeDecodeError):
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(f.name)
        upload.seek(0)


@require_POST
def upload_pofile_checked(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    upload = request.FILES.get("file")
    if upload is None:
        problem = _("Choose a PO file to upload.")
    elif read_header(upload) is None:
        problem = _("This PO file was not downloaded from a translation. Download it again.")
    else:
        return upload_pofile(request, translation_id)
    messages.error(request, problem)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
