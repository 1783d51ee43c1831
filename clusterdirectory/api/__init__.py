"""The plugin's headless API: ``v3`` extends Wagtail's API v3 (django-ninja, a generated
OpenAPI document); ``v2`` keeps Wagtail's API v2 working for the headless preview until it
moves to v3."""
