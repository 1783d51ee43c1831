import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site():
    """The whole demo site. Tests using it need
    ``pytest.mark.django_db(transaction=True, serialized_rollback=True)``: wagtail-localize
    publishes translations when the transaction commits, and the rollback gives later tests
    back the root page that the flush removes."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
