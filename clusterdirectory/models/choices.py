from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    DENMARK = "DK", _("Denmark")
    GERMANY = "DE", _("Germany")


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    NETWORKING = "networking", _("Networking event")
    MATCHMAKING = "matchmaking", _("Matchmaking event")
    OTHER = "other", _("Other")
