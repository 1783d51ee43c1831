"""A cluster's contact person updates its profile from an e-mailed link; moderators approve."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from wagtail.models import Revision
from wagtail_localize.operations import TranslationCreator

from clusterdirectory.models import ClusterPage, ProfileUpdate
from tests.factories import ClusterPageFactory, IndustryTagFactory
from tests.plugin.test_registration import image_upload, valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def tags(db):
    return [IndustryTagFactory(name="Wind energy"), IndustryTagFactory(name="Aluminium")]


@pytest.fixture
def cewind(cluster_index, tags):
    page = ClusterPageFactory(
        parent=cluster_index,
        title="CEwind",
        country="DE",
        city="Flensburg",
        street="Kanzleistraße 91",
        postcode="24943",
        website="https://cewind.example",
        contact_name="Anna Berg",
        contact_title="Managing Director",
        contact_email="anna@cewind.example",
        contact_phone="+49 461 1234567",
        founded_year=2006,
        members_count=30,
        focus_areas="Offshore wind",
        services=[("service", "Matchmaking"), ("service", "Training")],
        description="<p>Wind &amp; water.</p><p>Second paragraph.</p>",
        industries=[tags[0]],
    )
    page.save_revision().publish()
    return page


def ask_for_link(client, page, **data):
    return client.post(page.url + "update/", {"fax": "", **data})


def mailed_link(message):
    return re.search(r"https?://\S+/update/[\w-]+/", message.body).group(0)


def test_every_cluster_page_offers_the_update(client, cewind):
    body = client.get(cewind.url).content.decode()
    assert f'href="{cewind.url}update/"' in body
    assert client.get(cewind.url + "update/").status_code == 200


def test_the_link_goes_to_the_contact_email_and_opens_the_filled_form(client, cewind, tags):
    response = ask_for_link(client, cewind)

    assert response.status_code == 303
    assert response["Location"] == cewind.url + "update/sent/"
    [message] = mail.outbox
    assert message.to == ["anna@cewind.example"]
    assert message.subject == "Update the profile of CEwind"
    link = mailed_link(message)
    assert link.startswith("http://testserver" + cewind.url + "update/")
    form = client.get(link).context["form"]
    assert form.initial["name"] == "CEwind"
    assert form.initial["city"] == "Flensburg"
    assert form.initial["industries"] == [tags[0].slug]
    assert form.initial["services"] == "Matchmaking\nTraining"
    assert form.initial["description"] == "Wind & water.\n\nSecond paragraph."
    assert "anna@cewind.example" not in client.get(cewind.url + "update/sent/").content.decode()


def test_the_update_is_a_revision_in_moderation_and_live_only_when_approved(
    client, cewind, tags, moderator, django_capture_on_commit_callbacks
):
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    data = valid_data(tags, name="CEwind", city="Husum", postcode="25813", services="Advice")
    data["logo_file"] = image_upload()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, data)

    assert response.status_code == 303
    assert response["Location"] == cewind.url + "update/done/"
    live = ClusterPage.objects.get(pk=cewind.pk)
    assert live.city == "Flensburg"  # nothing public changes before approval
    assert "Flensburg" in client.get(cewind.url).content.decode()
    update = ProfileUpdate.objects.get()
    assert update.used_at is not None
    draft = update.revision.as_object()
    assert (draft.city, draft.postcode) == ("Husum", "25813")
    assert [block.value for block in draft.services] == ["Advice"]
    assert draft.logo is not None
    assert live.has_unpublished_changes
    assert live.workflow_in_progress
    # Besides Wagtail's own "submitted for approval":
    [notice] = [m for m in mail.outbox if m.subject.startswith("Profile update")]
    assert notice.to == [moderator.email]
    assert notice.subject == "Profile update to review: CEwind"
    compare = f"/admin/pages/{cewind.pk}/revisions/compare/live...{update.revision_id}/"
    assert compare in notice.body

    # The moderator sees what changed, then approves.
    client.force_login(moderator)
    moderator.is_superuser = True
    moderator.save()
    comparison = client.get(compare)
    assert comparison.status_code == 200
    assert "Husum" in comparison.content.decode()
    task_state = live.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    live.refresh_from_db()
    assert (live.city, sorted(t.slug for t in live.industries.all())) == (
        "Husum",
        sorted(t.slug for t in tags),
    )


def test_unchanged_description_and_services_keep_their_formatting(client, cewind, tags):
    cewind.description = '<p>Wind &amp; <b>water</b>, <a href="https://sea.example">sea</a>.</p>'
    cewind.save_revision().publish()
    ids = [block.id for block in cewind.services]
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    form = client.get(link).context["form"]
    # The form's text as a browser sends it back: its own line ends, a trailing newline.
    data = valid_data(
        tags,
        name="CEwind",
        city="Husum",
        services=form.initial["services"].replace("\n", "\r\n") + "\r\n",
        description=form.initial["description"],
    )
    assert client.post(link, data).status_code == 303
    draft = ProfileUpdate.objects.get().revision.as_object()
    assert draft.city == "Husum"
    assert '<a href="https://sea.example">sea</a>' in draft.description
    assert "<b>water</b>" in draft.description
    assert [block.id for block in draft.services] == ids

    # Changed, they are what was sent.
    ProfileUpdate.objects.all().delete()
    mail.outbox.clear()
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    data.update(description="Only wind now.", services="Matchmaking\r\nAdvice")
    assert client.post(link, data).status_code == 303
    draft = ProfileUpdate.objects.get().revision.as_object()
    assert draft.description == "<p>Only wind now.</p>"
    assert [block.value for block in draft.services] == ["Matchmaking", "Advice"]


def test_the_link_works_once(client, cewind, tags):
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    assert client.post(link, valid_data(tags, name="CEwind")).status_code == 303

    for response in (client.get(link), client.post(link, valid_data(tags, name="Taken over"))):
        assert response.status_code == 410
        assert "The link has been used" in response.content.decode()
    revisions = Revision.objects.filter(object_id=str(cewind.pk))
    assert revisions.count() == 3  # the factory's, the fixture's and the update's


def test_an_expired_link_asks_for_a_new_one(client, cewind, settings):
    ask_for_link(client, cewind)
    settings.CLUSTERDIRECTORY = {"PROFILE_UPDATE_LINK_MAX_AGE": -1}

    response = client.get(mailed_link(mail.outbox[0]))

    assert response.status_code == 410
    body = response.content.decode()
    assert "more than a day old" in body
    assert f'href="{cewind.url}update/"' in body


@pytest.mark.parametrize(
    "token",
    ["abc", "abcdefghijklmnopqrstuvwxyz", "TVE6MXZUMGFCOmZvcmdlZC1zaWduYXR1cmU", "%C3%A9" * 8],
)
def test_a_forged_link_is_a_clear_bad_request(client, cewind, token):
    response = client.get(f"{cewind.url}update/{token}/")
    assert response.status_code == 400
    assert "Please copy the whole link" in response.content.decode()


def test_a_link_for_one_cluster_does_not_open_another(client, cewind, cluster_index):
    other = ClusterPageFactory(parent=cluster_index, title="Other", contact_email="x@o.example")
    ask_for_link(client, cewind)
    token = mailed_link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"{other.url}update/{token}/").status_code == 400


def test_without_a_contact_email_the_moderators_get_the_link(client, cluster_index, moderator):
    page = ClusterPageFactory(parent=cluster_index, title="Quiet cluster", contact_email="")
    body = client.get(page.url + "update/").content.decode()
    assert "no contact e-mail" in body

    assert ask_for_link(client, page).status_code == 303

    [message] = mail.outbox
    assert message.to == [moderator.email]
    assert "Pass this link on only to a person you know" in message.body
    assert ProfileUpdate.objects.get().sent_to_moderators


def test_invalid_changes_come_back_with_messages_and_keep_the_link(client, cewind, tags):
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])

    response = client.post(link, valid_data(tags, name="CEwind", contact_email="not-an-address"))

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert ProfileUpdate.objects.get().used_at is None
    assert client.get(link).status_code == 200


def test_a_cluster_gets_a_few_links_a_day_and_a_network_a_few_an_hour(client, cewind, settings):
    for _ in range(3):
        assert ask_for_link(client, cewind).status_code == 303
    assert ProfileUpdate.objects.count() == 3
    # Then the latest link is sent again, once an hour: no new link, little mail.
    assert ask_for_link(client, cewind).status_code == 303
    assert ProfileUpdate.objects.count() == 3
    response = ask_for_link(client, cewind)
    assert response.status_code == 429
    assert "sent several times lately" in response.content.decode()
    assert len(mail.outbox) == 4

    settings.CLUSTERDIRECTORY = {"PROFILE_UPDATE_LINKS_PER_CLUSTER": "100/d"}
    response = ask_for_link(client, cewind)
    assert response.status_code == 429
    assert "Too many submissions from your network" in response.content.decode()
    assert len(mail.outbox) == 4


def test_the_honeypot_sends_nothing(client, cewind):
    response = ask_for_link(client, cewind, fax="bot")
    assert response.status_code == 303
    assert mail.outbox == []
    assert not ProfileUpdate.objects.exists()


def test_a_mail_server_failure_says_so_and_keeps_no_link(client, cewind, settings):
    settings.EMAIL_BACKEND = "tests.plugin.test_profile_updates.FailingBackend"
    response = ask_for_link(client, cewind)
    assert response.status_code == 503
    assert "could not be sent" in response.content.decode()
    assert not ProfileUpdate.objects.exists()


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_csrf_is_required(cewind):
    client = Client(enforce_csrf_checks=True)
    assert ask_for_link(client, cewind).status_code == 403
    assert mail.outbox == []


def test_no_update_page_is_kept_by_the_page_cache(client, cewind, tags):
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    for url in (cewind.url + "update/", cewind.url + "update/sent/", link):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert "X-Cache" not in response, url


def test_only_get_and_post(client, cewind):
    assert client.put(cewind.url + "update/").status_code == 405


def test_in_danish_from_a_translation_the_source_page_is_updated(
    client, cewind, tags, locales, admin_user
):
    TranslationCreator(admin_user, [locales["da"]]).create_translations(cewind)
    danish = cewind.get_translation(locales["da"])
    danish.save_revision().publish()

    with translation.override("da"):
        ask_for_link(client, danish)
    [message] = mail.outbox
    assert message.subject == "Opdater profilen for CEwind"
    link = mailed_link(message)
    assert "/da/" in link or danish.url in link
    with translation.override("da"):
        response = client.post(link, valid_data(tags, name="CEwind", city="Husum"))
    assert response.status_code == 303
    assert ProfileUpdate.objects.get().page_id == cewind.pk
    assert ClusterPage.objects.get(pk=cewind.pk).get_latest_revision_as_object().city == "Husum"


def form_data(form, **changes):
    """What a browser sends back from ``form`` as shown, with ``changes`` typed in."""
    data = {"fax": "", "consent": "on"}
    for name, value in form.initial.items():
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    data.update(changes)
    return data


def approve(page, moderator):
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()


def test_a_second_link_opens_the_changes_waiting_for_review_and_keeps_them(
    client, cewind, tags, moderator, django_capture_on_commit_callbacks
):
    """Issue 26: a manager sent changes, then asked for a new link before they were approved
    and changed only the phone number; the live page then had neither change."""
    ask_for_link(client, cewind)
    first = client.get(mailed_link(mail.outbox[0])).context["form"]
    assert first.initial["members_count"] == 30
    sent = form_data(
        first,
        members_count="57",
        focus_areas="Offshore wind\nHydrogen",
        industries=[tag.slug for tag in tags],
        logo_file=image_upload(),
    )
    assert client.post(mailed_link(mail.outbox[0]), sent).status_code == 303
    first_revision = ProfileUpdate.objects.get().revision

    mail.outbox.clear()
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    response = client.get(link)
    body = response.content.decode()
    assert "are waiting for review" in body
    assert "The form shows the profile with these changes" in body
    second = response.context["form"]
    assert second.initial["members_count"] == 57
    assert second.initial["focus_areas"] == "Offshore wind\nHydrogen"
    assert sorted(second.initial["industries"]) == sorted(tag.slug for tag in tags)
    assert response.context["logo"] == first_revision.as_object().logo

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, form_data(second, contact_phone="+49 461 7654321"))
    assert response.status_code == 303

    [notice] = [m for m in mail.outbox if m.subject.startswith("Profile update")]
    assert "were still waiting for review: they are included" in notice.body
    approve(cewind, moderator)
    live = ClusterPage.objects.get(pk=cewind.pk)
    assert live.contact_phone == "+49 461 7654321"
    assert live.members_count == 57
    assert live.focus_areas == "Offshore wind\nHydrogen"
    assert sorted(t.slug for t in live.industries.all()) == sorted(t.slug for t in tags)
    assert live.logo == first_revision.as_object().logo
    assert "are waiting for review" not in client.get(cewind.url + "update/").content.decode()


def test_changes_sent_while_a_form_was_open_stay_in(client, cewind, tags):
    """Two links opened before either was sent: each person's changes are kept, what they
    did not touch is not set back to what their form showed."""
    ask_for_link(client, cewind)
    ask_for_link(client, cewind)
    link_a, link_b = (mailed_link(message) for message in mail.outbox)
    form_a = client.get(link_a).context["form"]
    form_b = client.get(link_b).context["form"]
    assert "are waiting for review" not in client.get(link_a).content.decode()

    assert client.post(link_b, form_data(form_b, city="Husum", postcode="25813")).status_code == 303
    assert client.post(link_a, form_data(form_a, members_count="57")).status_code == 303

    draft = ClusterPage.objects.get(pk=cewind.pk).get_latest_revision_as_object()
    assert (draft.city, draft.postcode, draft.members_count) == ("Husum", "25813", 57)
    assert ClusterPage.objects.get(pk=cewind.pk).city == "Flensburg"


def test_a_changed_shown_revision_cannot_reach_another_page(client, cewind, cluster_index, tags):
    other = ClusterPageFactory(parent=cluster_index, title="Other", city="Kiel")
    other_revision = other.save_revision()
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    form = client.get(link).context["form"]

    for shown in (str(other_revision.pk), "x'); --", "9" * 30):
        data = form_data(form, shown_revision=shown, members_count="31")
        ProfileUpdate.objects.update(used_at=None)
        assert client.post(link, data).status_code == 303, shown
        draft = ClusterPage.objects.get(pk=cewind.pk).get_latest_revision_as_object()
        assert (draft.city, draft.members_count) == ("Flensburg", 31)


def test_the_form_shows_the_location_and_a_moved_point_goes_to_moderation(client, cewind, tags):
    cewind.latitude, cewind.longitude = 54.7752, 9.4521
    cewind.save_revision().publish()
    ask_for_link(client, cewind)
    link = mailed_link(mail.outbox[0])
    form = client.get(link).context["form"]
    assert (form.initial["latitude"], form.initial["longitude"]) == (54.7752, 9.4521)

    data = valid_data(tags, name="CEwind", latitude="54.79", longitude="9.43")
    assert client.post(link, data).status_code == 303
    draft = ProfileUpdate.objects.get().revision.as_object()
    assert (draft.latitude, draft.longitude) == (54.79, 9.43)
    assert ClusterPage.objects.get(pk=cewind.pk).latitude == 54.7752  # live until approved
