"""Tag suggestions in the page editor that know the tags' names in every language: a German
editor typing "Wasser" is offered "Hydrogen" (Wasserstoff) instead of inventing a tag."""

from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from wagtail.admin.widgets import AdminTagWidget

from .models import IndustryTag

LIMIT = 10  # as Wagtail's own suggestions


def suggest_industry_tags(request):
    """Names of the tags (what the field stores) whose name starts with ``term`` or whose
    name in any language has it; the tags named so first."""
    term = request.GET.get("term", "").replace("\x00", "").strip()
    if not term:
        return JsonResponse([], safe=False)
    starting = IndustryTag.objects.filter(name__istartswith=term).order_by("name")
    translated = (
        IndustryTag.objects.filter(Q(names__name__icontains=term) | Q(name__icontains=term))
        .exclude(pk__in=starting.values("pk"))
        .distinct()
        .order_by("name")
    )
    names = list(starting.values_list("name", flat=True)[:LIMIT])
    names += translated.values_list("name", flat=True)[: LIMIT - len(names)]
    return JsonResponse(names, safe=False)


class IndustryTagWidget(AdminTagWidget):
    """Wagtail's tag field, with suggestions from ``suggest_industry_tags``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, tag_model=IndustryTag, **kwargs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        url = reverse("clusterdirectory_industry_tag_suggestions")
        context["widget"]["attrs"]["data-w-tag-url-value"] = url
        return context
