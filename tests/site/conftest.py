import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(request):
    # Transactional: wagtail-localize publishes translations when the transaction commits.
    # serialized_rollback gives later tests back the root page that the flush removes.
    request.getfixturevalue("django_db_serialized_rollback")
    request.getfixturevalue("transactional_db")
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
