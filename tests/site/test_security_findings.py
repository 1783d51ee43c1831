"""The security test of 7 December 2026, the site's side: each finding's request, made as the
attacker did (docs/reliability.md lists them; the plugin's are in tests/plugin)."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN_FORMS = ["/admin/login/", "/django-admin/login/"]


def sign_in(client, url, password, username="admin"):
    return client.post(url, {"username": username, "password": password})


def signed_in(response):
    return response.status_code == 302 and "login" not in response["Location"]


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_guessing_passwords_pauses_sign_in(client, admin_user, settings, url):
    answers = [sign_in(client, url, f"guess-{n}").status_code for n in range(30)]
    assert answers[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(answers[settings.AXES_FAILURE_LIMIT :]) == {429}

    # The right password, too late: still paused, with a page that says why and for how long.
    response = sign_in(client, url, "password")
    assert response.status_code == 429
    assert "Please try again in 15 minutes" in response.content.decode()
    assert not signed_in(response)


def test_the_pause_holds_for_the_account_from_another_address(client, admin_user, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/admin/login/", f"guess-{n}")
    elsewhere = Client(REMOTE_ADDR="192.0.2.77")
    assert sign_in(elsewhere, "/admin/login/", "password").status_code == 429
    # Another user at that other address is not held up by the attacker's guesses.
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("editor", "editor@example.org", "editor-pass")
    assert signed_in(sign_in(elsewhere, "/admin/login/", "editor-pass", username="editor"))


def test_the_pause_ends_by_itself_and_further_guesses_do_not_extend_it(
    client, admin_user, settings
):
    for n in range(settings.AXES_FAILURE_LIMIT + 5):
        sign_in(client, "/admin/login/", f"guess-{n}")
    # Failures during the pause do not restart it: it ends 15 minutes after the lockout.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    )
    assert signed_in(sign_in(client, "/admin/login/", "password"))


def test_an_administrator_lifts_the_pause_at_once(client, admin_user, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/admin/login/", f"guess-{n}")
    assert sign_in(client, "/admin/login/", "password").status_code == 429
    call_command("axes_reset_username", "admin")
    call_command("axes_reset_ip", "127.0.0.1")
    assert signed_in(sign_in(client, "/admin/login/", "password"))


def test_the_pause_page_is_in_the_admin_language(client, admin_user, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "/admin/login/", f"guess-{n}")
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "password"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 429
    assert "Minuten" in response.content.decode()


DEV_KEY = """
from django.conf import settings
print(settings.SECRET_KEY)
"""


def test_make_run_signs_with_the_checkouts_own_key(settings):
    from pathlib import Path

    from tests.site.test_deployment import run

    result = run(DEV_KEY, DJANGO_SETTINGS_MODULE="cms.settings.dev")
    assert result.returncode == 0, result.stderr
    key = result.stdout.strip()
    assert key == (Path(settings.BASE_DIR) / ".secret-key").read_text().strip()
    assert key != "dev-only-insecure-key"


def test_each_checkout_gets_a_development_key_of_its_own(tmp_path):
    from cms.settings.local_secret import local_secret_key

    first, second = tmp_path / "one" / ".secret-key", tmp_path / "two" / ".secret-key"
    first.parent.mkdir()
    second.parent.mkdir()
    key = local_secret_key(first)
    assert len(key) >= 50
    assert local_secret_key(first) == key  # kept: sessions and links survive a restart
    assert local_secret_key(second) != key
    assert first.stat().st_mode & 0o777 == 0o600


def test_the_key_file_is_never_committed(settings):
    from pathlib import Path

    assert "/.secret-key" in (Path(settings.BASE_DIR) / ".gitignore").read_text().splitlines()


def test_cookies_are_secure_in_production():
    """The scan ran against `make run` on plain HTTP, where a Secure cookie could not be sent
    back; production (HTTPS) sets the flag on both cookies (and `check --deploy` is clean)."""
    import json

    from tests.site.test_deployment import PRODUCTION, run

    result = run(
        "from django.conf import settings; import json; print(json.dumps(["
        "settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_SECURE]))",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True]


def test_every_answer_refuses_frames_the_language_redirect_too(client):
    """wapiti's http_headers module: "/" (the redirect to the visitor's language) had no
    X-Frame-Options; the policy's frame-ancestors said the same, older browsers read this."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="da")
    assert response.status_code == 302
    assert response["X-Frame-Options"] == "DENY"


def test_logos_in_moderation_are_not_in_the_image_apis(client, cluster_index, moderator):
    """The site's API (v2 and v3) lists no logo of a registration before it is approved."""
    from clusterdirectory.models import ClusterPage, ClusterRegistration
    from tests.factories import IndustryTagFactory
    from tests.plugin.test_registration import register_url, valid_data
    from tests.plugin.test_security_findings import logo_upload

    tags = [IndustryTagFactory(name="Wind energy")]
    data = valid_data(tags, logo_file=logo_upload("logo.png"))
    assert client.post(register_url(cluster_index), data).status_code == 303
    logo = ClusterRegistration.objects.get().logo

    def listed():
        v3 = [image["id"] for image in client.get("/api/v3/images/").json()["items"]]
        v2 = [image["id"] for image in client.get("/api/v2/images/").json()["items"]]
        return logo.pk in v3, logo.pk in v2, client.get(f"/api/v3/images/{logo.pk}/").status_code

    assert listed() == (False, False, 404)

    page = ClusterPage.objects.get(alias_of=None)
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert listed() == (True, True, 200)
