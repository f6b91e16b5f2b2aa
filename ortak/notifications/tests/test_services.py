from io import StringIO

import pytest
from django.core import mail
from django.urls import reverse

from ortak.notifications import services
from ortak.notifications.models import Notification, NotificationSettings
from ortak.notifications.tokens import make_unsubscribe_token
from ortak.notifications.verbs import register_verb

pytestmark = pytest.mark.django_db

register_verb(
    "test.greeting",
    message="Hello %(name)s",
    subject="Greeting for %(name)s",
)


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("ayse@example.org", "pw-123456789")


def test_notify_sends_email_only_after_commit(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notify(recipient=user, verb="test.greeting", params={"name": "Ayşe"}, url="/x/")
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Greeting for Ayşe"
    assert "Hello Ayşe" in message.body
    assert "abonelik-iptal" in message.extra_headers["List-Unsubscribe"]
    assert Notification.objects.get().emailed_at is not None


def test_notify_skips_email_for_users_who_chose_none(user, django_capture_on_commit_callbacks):
    services.set_email_frequency(user=user, frequency=NotificationSettings.EmailFrequency.NONE)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(recipient=user, verb="test.greeting", params={"name": "A"})
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=user).count() == 1


def test_notify_never_tells_actor_about_own_action(user):
    assert services.notify(recipient=user, verb="test.greeting", actor=user) is None
    assert not Notification.objects.exists()


def test_unknown_verb_still_renders_a_generic_message(user):
    notification = services.notify(recipient=user, verb="nobody.knows")
    assert notification is not None
    assert notification.message


def test_unsubscribe_link_turns_email_off_without_login(client, user):
    url = reverse("notifications:unsubscribe", args=[make_unsubscribe_token(user.pk)])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 200
    assert services.email_frequency_of(user) == NotificationSettings.EmailFrequency.NONE


def test_unsubscribe_rejects_forged_token(client, user):
    response = client.post(reverse("notifications:unsubscribe", args=["forged"]))
    assert response.status_code == 400
    assert services.email_frequency_of(user) == NotificationSettings.EmailFrequency.IMMEDIATE


def test_notification_list_shows_unread_and_mark_all_read(
    client, user, django_assert_max_num_queries
):
    for i in range(40):
        services.notify(recipient=user, verb="test.greeting", params={"name": f"n{i}"})
    client.force_login(user)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("notifications:list"))
    assert response.status_code == 200
    assert "Hello n39" in response.content.decode()
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()


def test_notification_list_requires_login(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302


def test_daily_digest_collects_pending_notifications_into_one_email(user):
    from django.core.management import call_command

    services.set_email_frequency(user=user, frequency=NotificationSettings.EmailFrequency.DAILY)
    for name in ["Ali", "Veli", "Ayşe"]:
        services.notify(recipient=user, verb="test.greeting", params={"name": name}, url="/x/")
    assert mail.outbox == []  # daily users get nothing immediately
    call_command("send_digests", stdout=StringIO())
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Hello Ali" in body and "Hello Ayşe" in body
    assert "3" in mail.outbox[0].subject
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    call_command("send_digests", stdout=StringIO())
    assert len(mail.outbox) == 1  # nothing new, nothing sent


def test_digest_skips_users_on_immediate_or_none(user, django_user_model):
    from django.core.management import call_command

    other = django_user_model.objects.create_user("none@example.org", "pw-123456789")
    services.set_email_frequency(user=other, frequency=NotificationSettings.EmailFrequency.NONE)
    services.notify(recipient=other, verb="test.greeting", params={"name": "x"})
    call_command("send_digests", stdout=StringIO())
    assert mail.outbox == []
