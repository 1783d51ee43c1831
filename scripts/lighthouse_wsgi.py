"""The site as production serves it, with ``media/`` served too, as the proxy in front of it
does in production (docs/deployment.md): for the Lighthouse run (scripts/lighthouse.py)."""

from django.conf import settings
from whitenoise import WhiteNoise

from cms.wsgi import application as site

# Renditions are made while pages are served: look for new files at every request.
application = WhiteNoise(
    site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True
)
