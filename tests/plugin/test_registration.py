"""Matchpoint registration: a cluster registers itself, staff approve it."""

import datetime
import io
import os
import socket

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Workflow, WorkflowState
from wagtail_localize.operations import TranslationCreator

from clusterdirectory.models import ClusterPage, ClusterRegistration, RegistrationStatus
from tests.conftest import translate_page
from tests.factories import ClusterPageFactory, IndustryTagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tags(db):
    return [IndustryTagFactory(name="Wind energy"), IndustryTagFactory(name="Aluminium")]


def register_url(index):
    return index.url + "register/"


def valid_data(tags, **changes):
    data = {
        "name": "Cluster Nord",
        "street": "Hauptstraße 1",
        "po_box": "",
        "postcode": "24937",
        "city": "Flensburg",
        "country": "DE",
        "website": "https://cluster-nord.example",
        "contact_name": "Anna Berg",
        "contact_title": "Managing Director",
        "contact_email": "anna@cluster-nord.example",
        "contact_phone": "+49 461 1234567",
        "founded_year": "2005",
        "members_count": "42",
        "members_description": "Companies and universities",
        "industries": [tag.slug for tag in tags],
        "industry_other": "",
        "focus_areas": "Offshore wind, service logistics",
        "services": "Matchmaking\nTraining",
        "description": "We link companies.\n\nAnd universities.",
        "consent": "on",
        "fax": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def image_upload(fmt="PNG", size=(40, 20), name=None):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, fmt)
    extension = {"JPEG": "jpg"}.get(fmt, fmt.lower())
    content_type = f"image/{extension}"
    return SimpleUploadedFile(name or f"logo.{extension}", buffer.getvalue(), content_type)


def assert_nothing_created():
    assert ClusterRegistration.objects.count() == 0
    assert ClusterPage.objects.count() == 0
    assert get_image_model().objects.count() == 0


def test_form_is_linked_from_the_index_and_lists_every_profile_field(client, cluster_index, tags):
    assert register_url(cluster_index) in client.get(cluster_index.url).content.decode()

    response = client.get(register_url(cluster_index))

    assert response.status_code == 200
    html = response.content.decode()
    for field in ClusterRegistration._meta.get_fields():
        if field.name in valid_data(tags) and field.name != "fax":
            assert f'name="{field.name}"' in html, field.name
    assert 'name="logo_file"' in html
    assert "Wind energy" in html
    assert 'class="hp" aria-hidden="true"' in html


def test_valid_registration_becomes_one_draft_in_moderation(client, cluster_index, tags):
    response = client.post(
        register_url(cluster_index), valid_data(tags, logo_file=image_upload("WEBP"))
    )

    assert response.status_code == 303
    assert response["Location"] == register_url(cluster_index) + "thanks/"
    registration = ClusterRegistration.objects.get()
    page = ClusterPage.objects.get()
    assert registration.page == page
    assert registration.status == RegistrationStatus.IN_MODERATION
    assert registration.language_code == "en"
    assert page.get_parent().specific == cluster_index
    assert not page.live
    assert page.title == "Cluster Nord"
    assert page.contact_phone == "+49 461 1234567"
    assert sorted(tag.slug for tag in page.industries.all()) == ["aluminium", "wind-energy"]
    assert [block.value for block in page.services] == ["Matchmaking", "Training"]
    assert page.description == "<p>We link companies.</p><p>And universities.</p>"
    assert page.logo == registration.logo and page.logo.file.name.endswith(".webp")
    workflow_state = WorkflowState.objects.get()
    assert workflow_state.content_object.pk == page.pk
    assert workflow_state.workflow == Workflow.objects.get(name="Cluster registration approval")
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "review the profile" in thanks.content.decode()


def test_editors_thank_you_text_replaces_the_default(client, cluster_index):
    cluster_index.registration_thanks = "<p>We call you within a week.</p>"
    cluster_index.save_revision().publish()

    html = client.get(register_url(cluster_index) + "thanks/").content.decode()

    assert "We call you within a week." in html


def test_privacy_page_is_linked_next_to_the_consent(client, cluster_index, root_page):
    from tests.factories import ClusterIndexPageFactory

    privacy = ClusterIndexPageFactory(parent=root_page, title="Privacy", slug="privacy")
    cluster_index.privacy_page = privacy
    cluster_index.save_revision().publish()

    html = client.get(register_url(cluster_index)).content.decode()

    assert f'<a href="{privacy.url}">Privacy</a>' in html


def test_draft_is_invisible_to_anonymous_visitors(client, cluster_index, tags):
    ClusterPageFactory(parent=cluster_index, title="Published One", country="DK")
    client.post(register_url(cluster_index), valid_data(tags))
    page = ClusterPage.objects.get(title="Cluster Nord")

    assert client.get(cluster_index.url + page.slug + "/").status_code == 404
    listing = client.get(cluster_index.url).content.decode()
    assert "Published One" in listing and "Cluster Nord" not in listing
    assert "Cluster Nord" not in client.get(cluster_index.url, {"q": "Nord"}).content.decode()
    assert not ClusterPage.objects.live().public().search("Nord")


def registration_notices():
    return [m for m in mail.outbox if m.subject.startswith("New cluster registration")]


def test_moderators_are_told_by_email(client, cluster_index, tags, moderator):
    client.post(register_url(cluster_index), valid_data(tags, industry_other="Robotics <b>x</b>"))

    [notice] = registration_notices()
    assert notice.to == [moderator.email]
    assert notice.subject == "New cluster registration: Cluster Nord"
    page = ClusterPage.objects.get()
    registration = ClusterRegistration.objects.get()
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in notice.body
    assert f"/admin/matchpoint/registrations/inspect/{registration.pk}/" in notice.body
    assert "Other industry (no tag yet): Robotics <b>x</b>" in notice.body  # plain text mail
    assert registration.moderators_notified_at is not None


def test_approval_publishes_and_marks_the_registration(client, cluster_index, tags, moderator):
    client.post(register_url(cluster_index), valid_data(tags))
    page = ClusterPage.objects.get()
    task_state = page.current_workflow_state.current_task_state

    task_state.task.specific.on_action(task_state, moderator, "approve")

    page.refresh_from_db()
    assert page.live
    assert ClusterRegistration.objects.get().status == RegistrationStatus.PUBLISHED
    assert client.get(page.url).status_code == 200
    assert "Cluster Nord" in client.get(cluster_index.url).content.decode()


def test_deleting_a_rejected_registration_erases_its_personal_data(
    client, cluster_index, tags, moderator
):
    client.post(register_url(cluster_index), valid_data(tags, logo_file=image_upload()))
    page = ClusterPage.objects.get()
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    registration = ClusterRegistration.objects.get()
    assert registration.status == RegistrationStatus.REJECTED

    registration.delete()

    assert not ClusterPage.objects.exists()
    assert not get_image_model().objects.exists()
    assert not WorkflowState.objects.exists()
    from wagtail.models import Revision

    assert not Revision.objects.filter(object_str__contains="Cluster Nord").exists()


def test_deleting_the_record_of_a_published_cluster_keeps_its_page(
    client, cluster_index, tags, moderator
):
    client.post(register_url(cluster_index), valid_data(tags, logo_file=image_upload()))
    page = ClusterPage.objects.get()
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    ClusterRegistration.objects.get().delete()

    page.refresh_from_db()
    assert page.live and page.logo is not None


def test_html_never_reaches_the_page(client, cluster_index, tags, moderator):
    client.post(
        register_url(cluster_index),
        valid_data(
            tags,
            name="<b>Bold</b> Cluster",
            description='<script>alert("x")</script>Hello <img src=x onerror=alert(1)>',
            services="<i>Training</i>",
            focus_areas="<em>Wind</em>",
        ),
    )
    page = ClusterPage.objects.get()
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    html = client.get(ClusterPage.objects.get().url).content.decode()

    assert "Bold Cluster" in html
    assert "<script>alert" not in html and "onerror" not in html
    assert "<b>Bold</b>" not in html and "<i>Training</i>" not in html
    # The record keeps what the visitor typed, for staff.
    assert ClusterRegistration.objects.get().name == "<b>Bold</b> Cluster"


def test_a_german_registration_goes_under_the_german_index(client, cluster_index, tags, locales):
    german_index = translate_page(cluster_index, locales["de"])
    url = german_index.url + "register/"
    assert url.startswith("/de/")

    response = client.post(url, valid_data(tags))

    assert response.status_code == 303
    page = ClusterPage.objects.get(alias_of=None)
    assert page.locale == locales["de"]
    assert page.get_parent().pk == german_index.pk
    assert ClusterRegistration.objects.get().language_code == "de"


def test_slug_is_unique_under_the_index(client, cluster_index, tags):
    ClusterPageFactory(parent=cluster_index, title="Cluster Nord", slug="cluster-nord")

    client.post(register_url(cluster_index), valid_data(tags))

    assert ClusterPage.objects.filter(live=False).get().slug == "cluster-nord-2"


@pytest.mark.parametrize(
    ("country", "typed", "stored"),
    [
        ("DK", "74 62 11 80", "+45 74 62 11 80"),
        ("DE", "0461 1234567", "+49 461 1234567"),
        ("DK", "0049 461 1234567", "+49 461 1234567"),
        ("DE", "+45 7462 1180", "+45 74 62 11 80"),
    ],
)
def test_phone_numbers_as_dialled_in_the_clusters_country(
    client, cluster_index, tags, country, typed, stored
):
    response = client.post(
        register_url(cluster_index), valid_data(tags, country=country, contact_phone=typed)
    )
    assert response.status_code == 303
    assert ClusterPage.objects.get().contact_phone == stored


def test_a_national_number_reads_in_the_forms_country_until_one_is_chosen(
    client, cluster_index, tags, locales
):
    danish_index = translate_page(cluster_index, locales["da"])
    response = client.post(
        danish_index.url + "register/", valid_data(tags, country="", contact_phone="74 62 11 80")
    )
    assert response.status_code == 400
    assert "contact_phone" not in response.context["form"].errors
    assert 'value="74 62 11 80"' in response.content.decode()


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Brintklynge Sønderjylland", "brintklynge-sonderjylland"),
        ("Westküste", "westkuste"),
        ("Æblegård Øst", "aeblegard-ost"),
        ("Ωmega ★", "omega"),
    ],
)
def test_non_ascii_names_give_ascii_slugs(client, cluster_index, tags, name, slug):
    response = client.post(register_url(cluster_index), valid_data(tags, name=name))
    assert response.status_code == 303
    page = ClusterPage.objects.get()
    assert (page.title, page.slug) == (name, slug)


def test_other_industry_becomes_a_focus_area(client, cluster_index, tags):
    client.post(
        register_url(cluster_index), valid_data(tags, industries=[], industry_other="Robotics")
    )

    page = ClusterPage.objects.get()
    assert page.focus_areas.splitlines()[0] == "Robotics"
    assert not page.industries.exists()


THIS_YEAR = datetime.date.today().year
INVALID = [
    ("name", {"name": ""}, "This field is required."),
    ("street", {"street": ""}, "This field is required."),
    ("postcode", {"postcode": ""}, "This field is required."),
    ("city", {"city": ""}, "This field is required."),
    ("country", {"country": ""}, "This field is required."),
    ("country", {"country": "PL"}, "Select a valid choice."),
    ("website", {"website": ""}, "This field is required."),
    ("website", {"website": "not a url"}, "Enter a valid URL."),
    ("website", {"website": "javascript:alert(1)"}, "Enter a valid URL."),
    ("contact_name", {"contact_name": ""}, "This field is required."),
    ("contact_title", {"contact_title": ""}, "This field is required."),
    ("contact_email", {"contact_email": ""}, "This field is required."),
    ("contact_email", {"contact_email": "anna@"}, "Enter a valid email address."),
    ("contact_phone", {"contact_phone": ""}, "This field is required."),
    ("contact_phone", {"contact_phone": "abc"}, "international format"),
    ("contact_phone", {"contact_phone": "0461 12"}, "does not exist"),
    ("contact_phone", {"contact_phone": "+49 abc"}, "international format"),
    ("contact_phone", {"contact_phone": "+45 12"}, "does not exist"),
    ("founded_year", {"founded_year": ""}, "This field is required."),
    ("founded_year", {"founded_year": "1799"}, "between 1800 and"),
    ("founded_year", {"founded_year": str(THIS_YEAR + 1)}, "between 1800 and"),
    ("founded_year", {"founded_year": "year"}, "Enter a whole number."),
    ("members_count", {"members_count": "0"}, "at least one member"),
    ("members_count", {"members_count": "-3"}, "greater than or equal to 0"),
    ("name", {"name": "x" * 256}, "at most 255 characters"),
    ("description", {"description": "x" * 5001}, "at most 5000 characters"),
    ("focus_areas", {"focus_areas": ""}, "This field is required."),
    ("focus_areas", {"focus_areas": "y" * 1001}, "at most 1000 characters"),
    ("name", {"name": "<b></b>"}, "plain text"),
    ("industries", {"industries": [], "industry_other": ""}, "at least one industry"),
    ("industries", {"industries": ["no-such-industry"]}, "Select a valid choice."),
    ("consent", {"consent": None}, "Please agree"),
]


@pytest.mark.parametrize(("field", "changes", "message"), INVALID)
def test_invalid_input_creates_nothing_and_keeps_what_was_typed(
    client, cluster_index, tags, field, changes, message
):
    data = valid_data(tags, **changes)

    response = client.post(register_url(cluster_index), data)

    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert 'value="Hauptstraße 1"' in html or field == "street"
    assert "anna@cluster-nord.example" in html or field == "contact_email"
    assert_nothing_created()
    assert not mail.outbox


def kept_logo_token(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("input", attrs={"name": "logo_kept"})["value"]


def test_a_chosen_logo_is_kept_when_the_form_comes_back(client, cluster_index, tags):
    data = valid_data(tags, consent=None, logo_file=image_upload(name="unser-logo.png"))
    response = client.post(register_url(cluster_index), data)

    assert response.status_code == 400
    assert "“unser-logo.png” is kept: you need not choose it again." in response.content.decode()
    token = kept_logo_token(response)
    assert token
    assert_nothing_created()
    # Still kept after another mistake, without choosing it again.
    response = client.post(
        register_url(cluster_index), valid_data(tags, consent=None, logo_kept=token)
    )
    assert response.status_code == 400
    assert kept_logo_token(response) == token

    response = client.post(register_url(cluster_index), valid_data(tags, logo_kept=token))

    assert response.status_code == 303
    logo = ClusterRegistration.objects.get().logo
    assert logo.width == 40 and logo.height == 20
    assert ClusterPage.objects.get(alias_of=None).logo == logo
    # The kept copy is gone: the token finds nothing any more.
    response = client.post(
        register_url(cluster_index), valid_data(tags, consent=None, logo_kept=token)
    )
    assert "no longer kept" in response.content.decode()


def test_a_kept_logo_that_expired_is_asked_for_again(client, cluster_index, tags, monkeypatch):
    from clusterdirectory.registration import kept_logo

    data = valid_data(tags, consent=None, logo_file=image_upload())
    token = kept_logo_token(client.post(register_url(cluster_index), data))
    monkeypatch.setattr(kept_logo, "MAX_AGE", datetime.timedelta(seconds=-1))

    response = client.post(register_url(cluster_index), valid_data(tags, logo_kept=token))

    assert response.status_code == 400
    assert "The logo you chose earlier is no longer kept." in response.content.decode()
    assert_nothing_created()


def test_logos_kept_among_the_media_by_older_releases_are_purged(settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from clusterdirectory.registration import kept_logo

    default_storage.save(f"{kept_logo.LEGACY_FOLDER}/old.png", ContentFile(b"x"))
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "Deleted 0 kept logos." in out.getvalue()  # a day old at the earliest
    assert kept_logo.purge_old(now=datetime.datetime.now(datetime.UTC) + kept_logo.MAX_AGE) == 1


def test_a_forged_kept_logo_is_ignored(client, cluster_index, tags):
    response = client.post(
        register_url(cluster_index), valid_data(tags, logo_kept="../../etc/passwd:forged")
    )
    assert response.status_code == 303
    assert ClusterRegistration.objects.get().logo is None


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>"), "valid"),
        (SimpleUploadedFile("logo.jpg", b"<html><script>x</script></html>"), "valid"),
        (image_upload("GIF"), "JPEG, PNG or WebP"),
        (image_upload("BMP"), "JPEG, PNG or WebP"),
    ],
    ids=["svg-as-png", "html-as-jpg", "gif", "bmp"],
)
def test_only_real_jpeg_png_webp_logos(client, cluster_index, tags, upload, message):
    response = client.post(register_url(cluster_index), valid_data(tags, logo_file=upload))

    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors["logo_file"])
    assert_nothing_created()


def test_logo_size_and_pixel_limits(client, cluster_index, tags, settings):
    settings.CLUSTERDIRECTORY = {"LOGO_MAX_BYTES": 1024 * 1024, "LOGO_MAX_PIXELS": 10_000}
    noisy = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    buffer = io.BytesIO()
    noisy.save(buffer, "PNG")
    assert buffer.tell() > 1024 * 1024

    too_large = client.post(
        register_url(cluster_index),
        valid_data(tags, logo_file=SimpleUploadedFile("big.png", buffer.getvalue())),
    )
    too_many_pixels = client.post(
        register_url(cluster_index), valid_data(tags, logo_file=image_upload(size=(200, 100)))
    )
    fine = client.post(
        register_url(cluster_index), valid_data(tags, logo_file=image_upload("JPEG", (100, 50)))
    )

    assert "too large" in str(too_large.context["form"].errors["logo_file"])
    assert "too many pixels" in str(too_many_pixels.context["form"].errors["logo_file"])
    assert fine.status_code == 303
    assert ClusterRegistration.objects.get().logo.file.name.endswith(".jpg")


def test_honeypot_pretends_success_and_creates_nothing(client, cluster_index, tags):
    response = client.post(register_url(cluster_index), valid_data(tags, fax="+45 1234"))

    assert response.status_code == 303
    assert_nothing_created()
    assert not mail.outbox


def test_rate_limit_per_address_creates_nothing_when_hit(client, cluster_index, tags, settings):
    settings.CLUSTERDIRECTORY = {"REGISTRATION_RATE_LIMIT": "2/h"}
    url = register_url(cluster_index)
    for number in (1, 2):
        assert client.post(url, valid_data(tags, name=f"C{number}")).status_code == 303

    blocked = client.post(url, valid_data(tags, name="C3"))

    assert blocked.status_code == 429
    assert "Too many submissions" in blocked.content.decode()
    assert 'value="C3"' in blocked.content.decode()
    assert ClusterRegistration.objects.count() == ClusterPage.objects.count() == 2
    other = client.post(url, valid_data(tags, name="C4"), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 303


def test_csrf_token_is_required(cluster_index, tags):
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(register_url(cluster_index), valid_data(tags))

    assert response.status_code == 403
    assert_nothing_created()

    form_page = strict.get(register_url(cluster_index))
    token = form_page.cookies["csrftoken"].value
    accepted = strict.post(register_url(cluster_index), valid_data(tags, csrfmiddlewaretoken=token))
    assert accepted.status_code == 303


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_mail_failure_keeps_the_registration_and_retries_later(
    client, cluster_index, tags, moderator, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2

    response = client.post(register_url(cluster_index), valid_data(tags))

    assert response.status_code == 303
    registration = ClusterRegistration.objects.get()
    assert registration.status == RegistrationStatus.IN_MODERATION
    assert registration.page.title == "Cluster Nord" and not registration.page.live
    assert registration.moderators_notified_at is None
    assert "ConnectionRefusedError" in registration.processing_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("send_pending_mail", stdout=out)

    assert "Registrations: 1 sent, 0 failed." in out.getvalue()
    registration.refresh_from_db()
    assert registration.moderators_notified_at is not None
    assert registration.processing_error == ""
    assert [notice.to for notice in registration_notices()] == [[moderator.email]]


def test_a_page_that_could_not_be_made_is_made_by_the_retry(
    client, cluster_index, tags, monkeypatch
):
    def full_disk(self, **kwargs):
        raise OSError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(type(cluster_index), "add_child", full_disk)
        response = client.post(register_url(cluster_index), valid_data(tags))

    assert response.status_code == 303
    registration = ClusterRegistration.objects.get()
    assert registration.status == RegistrationStatus.RECEIVED
    assert registration.processing_error == "OSError: disk full"
    assert not ClusterPage.objects.exists()

    call_command("send_pending_mail", stdout=io.StringIO())

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.IN_MODERATION
    assert not registration.page.live


def test_only_get_and_post(client, cluster_index):
    assert client.put(register_url(cluster_index)).status_code == 405


def test_staff_list_inspect_and_delete_registrations(client, cluster_index, tags, moderator):
    client.post(register_url(cluster_index), valid_data(tags))
    registration = ClusterRegistration.objects.get()
    moderator.user_permissions.add(
        *Permission.objects.filter(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    staff = Client()
    staff.force_login(moderator)

    listing = staff.get("/admin/matchpoint/registrations/")
    inspect = staff.get(f"/admin/matchpoint/registrations/inspect/{registration.pk}/")

    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Cluster Nord" in html and "Awaiting approval" in html
    assert inspect.status_code == 200 and "anna@cluster-nord.example" in inspect.content.decode()
    assert staff.get("/admin/matchpoint/registrations/add/").status_code in (302, 403)
    edit = f"/admin/matchpoint/registrations/edit/{registration.pk}/"
    assert staff.post(edit, {"status": "published"}).status_code in (302, 403)
    assert ClusterRegistration.objects.get().status == RegistrationStatus.IN_MODERATION

    deleted = staff.post(f"/admin/matchpoint/registrations/delete/{registration.pk}/")

    assert deleted.status_code == 302
    assert not ClusterRegistration.objects.exists() and not ClusterPage.objects.exists()


def test_the_inspect_view_links_to_the_draft_page_and_shows_the_logo(
    admin_client, client, cluster_index, tags
):
    client.post(register_url(cluster_index), valid_data(tags, logo_file=image_upload()))
    registration = ClusterRegistration.objects.get()

    html = admin_client.get(
        reverse("clusterdirectory_registrations:inspect", args=[registration.pk])
    ).content.decode()

    page_edit = reverse("wagtailadmin_pages:edit", args=[registration.page.pk])
    assert f'<a href="{page_edit}">Cluster Nord</a> (draft)' in html
    rendition = registration.logo.get_rendition("max-240x120")
    assert f'<img src="{rendition.url}"' in html
    assert 'alt="Logo of Cluster Nord"' in html


def test_the_inspect_view_says_when_no_logo_was_sent(admin_client, client, cluster_index, tags):
    client.post(register_url(cluster_index), valid_data(tags))
    registration = ClusterRegistration.objects.get()

    html = admin_client.get(
        reverse("clusterdirectory_registrations:inspect", args=[registration.pk])
    ).content.decode()

    assert "No logo was sent." in html


def test_visitors_and_editors_without_permission_see_no_registrations(
    client, cluster_index, tags, django_user_model
):
    client.post(register_url(cluster_index), valid_data(tags))
    editor = django_user_model.objects.create_user("editor", "e@x.example", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    staff = Client()
    staff.force_login(editor)

    assert client.get("/admin/matchpoint/registrations/").status_code == 302  # to login
    assert staff.get("/admin/matchpoint/registrations/").status_code in (302, 403)
    assert b"anna@cluster-nord.example" not in staff.get("/admin/").content


def test_messages_are_in_the_visitors_language(client, cluster_index, tags, locales):
    german_index = translate_page(cluster_index, locales["de"])

    response = client.post(
        german_index.url + "register/", valid_data(tags, contact_phone="abc", consent=None)
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Geben Sie die Telefonnummer im internationalen Format" in html
    assert '<html lang="de">' in html


# -- A cluster in every language ------------------------------------------------------------


@pytest.fixture
def indexes(cluster_index, locales):
    return {
        "en": cluster_index,
        "da": translate_page(cluster_index, locales["da"]),
        "de": translate_page(cluster_index, locales["de"]),
    }


def register_in_danish(client, indexes, tags):
    data = valid_data(
        tags, name="Brintklynge Sønderjylland", country="DK", contact_phone="74 62 11 80"
    )
    response = client.post(register_url(indexes["da"]), data)
    assert response.status_code == 303
    return ClusterRegistration.objects.get()


def approve(page, moderator):
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")


def versions(page):
    return {
        p.locale.language_code: p
        for p in ClusterPage.objects.filter(translation_key=page.translation_key)
    }


def test_a_registration_is_a_draft_in_every_language_published_on_approval(
    client, indexes, tags, moderator
):
    registration = register_in_danish(client, indexes, tags)
    page = registration.page
    assert page.locale.language_code == "da"
    found = versions(page)
    assert set(found) == {"en", "da", "de"}
    for code in ("en", "de"):
        assert found[code].alias_of_id == page.pk
        assert found[code].get_parent().pk == indexes[code].pk
        assert not found[code].live
        assert found[code].slug == "brintklynge-sonderjylland"
    for index in indexes.values():
        assert "Brintklynge" not in client.get(index.url).content.decode()

    approve(page, moderator)

    for code, index in indexes.items():
        version = versions(page)[code]
        assert version.live
        assert sorted(version.industries.values_list("slug", flat=True)) == [
            "aluminium",
            "wind-energy",
        ]
        assert "Brintklynge Sønderjylland" in client.get(index.url).content.decode()
        assert client.get(version.url).status_code == 200
    assert page.contact_phone == "+45 74 62 11 80"


def test_the_moderator_is_told_which_languages_show_the_registrants_text(
    client, indexes, tags, moderator
):
    registration = register_in_danish(client, indexes, tags)
    [notice] = [m for m in mail.outbox if m.subject.startswith("New cluster registration")]
    assert "Language: Danish" in notice.body
    assert "the site shows the page with this text in: English, German." in notice.body
    # The registrant's own words, in any language, are plain text.
    translate = reverse("wagtail_localize:submit_page_translation", args=[registration.page_id])
    assert f"Translate it: http://testserver{translate}" in notice.body


def test_the_dashboard_lists_registered_clusters_until_translated(
    client, indexes, tags, moderator, admin_user
):
    registration = register_in_danish(client, indexes, tags)
    client.force_login(admin_user)

    panel = dashboard_panel(client)
    assert "Brintklynge Sønderjylland" in panel
    assert "English" in panel and "German" in panel

    # Translating into German turns the German alias into a translation.
    TranslationCreator(admin_user, [indexes["de"].locale]).create_translations(registration.page)
    assert versions(registration.page)["de"].alias_of_id is None
    panel = dashboard_panel(client)
    assert "English" in panel and "German" not in panel

    TranslationCreator(admin_user, [indexes["en"].locale]).create_translations(registration.page)
    assert "Every registered cluster reads in every language." in dashboard_panel(client)


def dashboard_panel(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    heading = soup.find(string=lambda text: "Registered clusters not yet translated" in text)
    return heading.find_parent("section").get_text(" ", strip=True)


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_registration_made_before_is_brought_into_line_by_a_command(indexes, tags):
    # As registrations made them before: a page in one language only, live.
    old = ClusterPageFactory(parent=indexes["da"], title="Gammel klynge", country="DK")
    english_only = ClusterPageFactory(parent=indexes["en"], title="English only")
    assert set(versions(old)) == {"da"}

    out = run("clusters_in_every_language", "--dry-run")
    assert "Gammel klynge (da): en, de" in out and "Nothing changed." in out
    assert set(versions(old)) == {"da"}

    assert "4 alias(es) made." in run("clusters_in_every_language")
    for page in (old, english_only):
        found = versions(page)
        assert set(found) == {"en", "da", "de"}
        assert all(version.live for version in found.values())
    assert versions(old)["de"].alias_of_id == old.pk

    assert "0 alias(es) made." in run("clusters_in_every_language")


def test_a_cluster_made_in_the_admin_in_any_language_gets_aliases(indexes):
    # What the admin's create view runs after saving a new page, in the hooks' order.
    def created(page):
        for hook in hooks.get_hooks("after_create_page"):
            hook(None, page)

    danish = ClusterPageFactory(parent=indexes["da"], title="Dansk klynge", country="DK")
    created(danish)
    assert {code: p.alias_of_id for code, p in versions(danish).items()} == {
        "da": None,
        "en": danish.pk,
        "de": danish.pk,
    }
    # Made in English, synchronized trees alias it; nothing is made twice.
    english = ClusterPageFactory(parent=indexes["en"], title="English cluster")
    created(english)
    assert sorted(versions(english)) == ["da", "de", "en"]


def test_deleting_a_rejected_registration_takes_its_pages_in_every_language(
    client, indexes, tags, moderator
):
    data = valid_data(tags, country="DK", logo_file=image_upload())
    client.post(register_url(indexes["da"]), data)
    registration = ClusterRegistration.objects.get()
    assert ClusterPage.objects.count() == 3
    task_state = registration.page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")

    ClusterRegistration.objects.get().delete()

    assert not ClusterPage.objects.exists()
    assert not get_image_model().objects.exists()


# -- The same registration sent again (issue 26) ---------------------------------------------


def shown_form_token(client, index):
    return client.get(register_url(index)).context["form"]["form_token"].value()


def test_the_same_form_sent_again_is_received_once(client, cluster_index, tags, moderator):
    """Back from the thank-you page, the form as it was, sent again: no second registration,
    no second draft, the thank-you page saying it was received already."""
    token = shown_form_token(client, cluster_index)
    data = valid_data(tags, form_token=token, logo_file=image_upload())
    assert client.post(register_url(cluster_index), data).status_code == 303
    mail.outbox.clear()

    again = Client()  # even from another browser: the key is the form's
    data = valid_data(tags, form_token=token, city="Husum", consent=None)
    response = again.post(register_url(cluster_index), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "This registration was already received" in html
    assert "not registered a second time" in html
    assert "The network's staff will review the profile" in html  # the thank-you text
    assert ClusterRegistration.objects.count() == 1
    assert ClusterPage.objects.count() == 1
    assert get_image_model().objects.count() == 1
    assert mail.outbox == []


def test_the_form_loaded_anew_and_sent_again_from_the_same_browser_is_received_once(
    client, cluster_index, tags
):
    """A browser that loads the form again on the way back shows a new key: the same cluster
    (name and website, whatever their spelling) sent again from it is still one."""
    data = valid_data(tags, form_token=shown_form_token(client, cluster_index))
    assert client.post(register_url(cluster_index), data).status_code == 303

    data = valid_data(
        tags,
        form_token=shown_form_token(client, cluster_index),
        name="cluster  NORD",
        website="http://www.cluster-nord.example/",
    )
    response = client.post(register_url(cluster_index), data)

    assert response.status_code == 200
    assert "This registration was already received" in response.content.decode()
    assert ClusterRegistration.objects.count() == 1


def test_a_new_registration_after_one_still_works(client, cluster_index, tags):
    data = valid_data(tags, form_token=shown_form_token(client, cluster_index))
    assert client.post(register_url(cluster_index), data).status_code == 303

    other = valid_data(
        tags,
        form_token=shown_form_token(client, cluster_index),
        name="Cluster Süd",
        website="https://cluster-sued.example",
    )
    assert client.post(register_url(cluster_index), other).status_code == 303
    # Another browser with the same cluster is registered too: the moderators see both
    # (the dashboard names likely duplicates).
    same = valid_data(tags, form_token=shown_form_token(Client(), cluster_index))
    assert Client().post(register_url(cluster_index), same).status_code == 303
    assert ClusterRegistration.objects.count() == 3
    assert sorted(ClusterPage.objects.values_list("slug", flat=True)) == [
        "cluster-nord",
        "cluster-nord-2",
        "cluster-sud",
    ]


@pytest.mark.parametrize("token", ["", "x" * 65, "../../etc", "é", "a b", "\x00"])
def test_any_form_token_is_answered_without_a_server_error(client, cluster_index, tags, token):
    response = client.post(register_url(cluster_index), valid_data(tags, form_token=token))
    assert response.status_code in (303, 400)
    if response.status_code == 303:
        assert ClusterRegistration.objects.get().form_token == ""


def test_a_forged_browser_record_is_ignored(client, cluster_index, tags):
    data = valid_data(tags, form_token=shown_form_token(client, cluster_index))
    assert client.post(register_url(cluster_index), data).status_code == 303
    registration = ClusterRegistration.objects.get()
    stranger = Client()
    stranger.cookies["clusterdirectory_registered"] = str(registration.pk)
    data = valid_data(tags, form_token=shown_form_token(stranger, cluster_index))
    assert stranger.post(register_url(cluster_index), data).status_code == 303
    assert ClusterRegistration.objects.count() == 2


def test_the_same_form_sent_twice_at_once_is_stored_once(rf, cluster_index, tags):
    """Both requests pass the check before either is stored: the database keeps one."""
    from clusterdirectory.registration.forms import RegistrationForm
    from clusterdirectory.registration.services import store_registration

    data = valid_data(tags, form_token="same-key")
    first = RegistrationForm(data=data)
    second = RegistrationForm(data=data)
    assert first.is_valid() and second.is_valid()

    stored = store_registration(first, cluster_index, "en")
    assert store_registration(second, cluster_index, "en") == stored
    assert ClusterRegistration.objects.count() == 1
    assert ClusterPage.objects.count() == 1


# -- Likely duplicates, for the moderators (issue 26) ----------------------------------------


@pytest.mark.parametrize(
    ("key", "same", "different"),
    [
        (
            "name",
            [
                "Brintklynge Sønderjylland",
                " brintklynge  SØNDERJYLLAND",
                "Brintklynge Sonderjylland",
            ],
            ["Brintklynge Fyn"],
        ),
        (
            "website",
            ["https://www.cluster.example/", "cluster.example", "http://CLUSTER.example:8080/en/"],
            ["https://other.example", ""],
        ),
        ("email", ["Anna@Cluster.example", " anna@cluster.EXAMPLE"], ["anna@other.example", ""]),
    ],
)
def test_what_counts_as_the_same(key, same, different):
    from clusterdirectory.registration.duplicates import KEYS

    normalise = KEYS[key]
    assert len({normalise(value) for value in same}) == 1
    assert all(normalise(value) != normalise(same[0]) for value in different)


def test_moderators_see_likely_duplicates_in_the_registration_and_the_email(
    admin_client, cluster_index, tags, moderator
):
    live = ClusterPageFactory(
        parent=cluster_index, title="Cluster Nord", website="https://www.cluster-nord.example/"
    )
    ClusterPageFactory(parent=cluster_index, title="Unrelated", website="https://else.example")
    Client().post(register_url(cluster_index), valid_data(tags, name="CLUSTER NØRD"))
    first = ClusterRegistration.objects.get()
    mail.outbox.clear()
    data = valid_data(
        tags,
        name="Nordcluster",
        website="https://nord.example",
        contact_email="ANNA@cluster-nord.example",
    )
    Client().post(register_url(cluster_index), data)
    second = ClusterRegistration.objects.exclude(pk=first.pk).get()

    html = admin_client.get(
        reverse("clusterdirectory_registrations:inspect", args=[second.pk])
    ).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    listed = soup.select(".likely-duplicates li")
    assert [item.get_text(" ", strip=True) for item in listed] == [
        "CLUSTER NØRD (pending registration: same e-mail)"
    ]
    inspect_first = reverse("clusterdirectory_registrations:inspect", args=[first.pk])
    assert listed[0].a["href"] == inspect_first
    [notice] = [m for m in mail.outbox if m.subject.startswith("New cluster registration")]
    assert "Possibly the same cluster as:\n- CLUSTER NØRD (pending registration: same e-mail)" in (
        notice.body
    )

    html = admin_client.get(inspect_first).content.decode()
    listed = BeautifulSoup(html, "html.parser").select(".likely-duplicates li")
    assert [item.get_text(" ", strip=True) for item in listed] == [
        "Cluster Nord (live cluster: same name, same website)",
        "Nordcluster (pending registration: same e-mail)",
    ]
    assert listed[0].a["href"] == reverse("wagtailadmin_pages:edit", args=[live.pk])
    assert "Unrelated" not in html
    assert "form_token" not in html and "Form token" not in html


def test_a_published_registration_is_no_duplicate_of_its_own_page(
    admin_client, client, indexes, tags, moderator
):
    registration = register_in_danish(client, indexes, tags)
    approve(registration.page, moderator)

    html = admin_client.get(
        reverse("clusterdirectory_registrations:inspect", args=[registration.pk])
    ).content.decode()

    assert "No other pending registration or live cluster has this name" in html
