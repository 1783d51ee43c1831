from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Locale

from .models import IndustryTag, IndustryTagName


@receiver(post_save, sender=IndustryTag)
def create_source_name(sender, instance, created, raw=False, **kwargs):
    """Give every new tag a name in the default locale, the source translators work from."""
    if raw or not created:
        return
    locale = Locale.get_default()
    IndustryTagName.objects.get_or_create(
        tag=instance, locale=locale, defaults={"name": instance.name}
    )
