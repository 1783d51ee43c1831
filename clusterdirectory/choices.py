from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    DENMARK = "DK", _("Denmark")
    GERMANY = "DE", _("Germany")

    @classmethod
    def of_language(cls, language_code):
        """The country on this border where ``language_code`` is spoken, else ''."""
        language = language_code.split("-")[0].lower()
        return {"da": cls.DENMARK, "de": cls.GERMANY}.get(language, "")


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    NETWORKING = "networking", _("Networking event")
    MATCHMAKING = "matchmaking", _("Matchmaking event")
    OTHER = "other", _("Other")
