import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from ortak.accounts.tests.factories import UserFactory
from ortak.core import personal_data
from ortak.notifications.models import Notification
from ortak.participation import services
from ortak.participation.models import Comment, Contribution, Flag, Follow, Support
from ortak.participation.tests.factories import (
    ContributionFactory,
    comment,
    plan_tree,
    verified_organization,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return plan_tree()


@pytest.fixture
def suggestion(tree):
    return ContributionFactory(tree=tree)


def test_support_counts_once_per_user(suggestion):
    user = UserFactory()
    assert services.support_suggestion(actor=user, contribution=suggestion) is True
    assert services.support_suggestion(actor=user, contribution=suggestion) is False
    suggestion.refresh_from_db()
    assert suggestion.support_count == 1


def test_a_support_that_slipped_in_concurrently_is_absorbed_by_the_constraint(suggestion):
    """The service inserts and lets the unique constraint decide: a row written by a parallel
    request between any check and the insert makes it return False, and the surrounding
    transaction stays usable (the violation is rolled back to a savepoint)."""
    user = UserFactory()
    Support.objects.create(user=user, contribution=suggestion)  # the other request won
    assert services.support_suggestion(actor=user, contribution=suggestion) is False
    assert Support.objects.filter(contribution=suggestion).count() == 1
    suggestion.refresh_from_db()
    assert suggestion.support_count == 0  # only the winner's service counts


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent connections")
def test_concurrent_clicks_make_one_support() -> None:
    tree = plan_tree()
    suggestion: Contribution = ContributionFactory(tree=tree)  # type: ignore[assignment]
    user = UserFactory()
    barrier = threading.Barrier(4)
    results: list[bool] = []
    errors: list[BaseException] = []

    def click() -> None:
        try:
            barrier.wait()
            results.append(services.support_suggestion(actor=user, contribution=suggestion))
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    suggestion.refresh_from_db()
    assert suggestion.support_count == 1
    assert Support.objects.count() == 1


def test_nobody_supports_their_own_suggestion_or_an_offer(tree, suggestion):
    with pytest.raises(PermissionDenied):
        services.support_suggestion(actor=suggestion.author, contribution=suggestion)
    organization = verified_organization()
    offer = ContributionFactory(
        tree=tree,
        kind=Contribution.Kind.OFFER,
        organization=organization,
        offered=["data"],
        contact_name="A",
        contact_email="a@example.org",
    )
    with pytest.raises(PermissionDenied):
        services.support_suggestion(actor=UserFactory(), contribution=offer)


def test_withdrawing_support_lowers_the_count(suggestion):
    user = UserFactory()
    services.support_suggestion(actor=user, contribution=suggestion)
    assert services.withdraw_support(actor=user, contribution=suggestion) is True
    assert services.withdraw_support(actor=user, contribution=suggestion) is False
    suggestion.refresh_from_db()
    assert suggestion.support_count == 0


def test_replies_go_one_level_deep(suggestion):
    top = services.post_comment(actor=UserFactory(), text="Soru", contribution=suggestion)
    reply = services.post_comment(actor=UserFactory(), text="Yanıt", parent=top)
    assert (reply.contribution, reply.parent) == (suggestion, top)
    with pytest.raises(PermissionDenied):
        services.post_comment(actor=UserFactory(), text="Derin", parent=reply)


def test_an_empty_comment_is_refused(suggestion):
    with pytest.raises(ValidationError):
        services.post_comment(actor=UserFactory(), text="   ", contribution=suggestion)
    assert not Comment.objects.exists()


def test_comment_notifies_participants_and_followers_but_not_the_writer(
    tree, suggestion, django_capture_on_commit_callbacks
):
    earlier, follower, writer, stranger = UserFactory.create_batch(4)
    comment(suggestion, earlier)
    services.follow(actor=follower, contribution=suggestion)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(actor=writer, text="Ben de katılıyorum", contribution=suggestion)
    told = set(
        Notification.objects.filter(verb="participation.commented").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {suggestion.author_id, earlier.pk, follower.pk}
    assert stranger.pk not in told


def test_node_comment_notifies_node_followers(tree, django_capture_on_commit_callbacks):
    follower = UserFactory()
    services.follow(actor=follower, target=tree.target("indicator"))
    with django_capture_on_commit_callbacks(execute=True):
        services.post_comment(
            actor=UserFactory(), text="Veri nereden?", target=tree.target("indicator")
        )
    notification = Notification.objects.get(recipient=follower)
    assert tree.indicator.name in notification.message


def test_follow_is_idempotent_and_unfollow_removes_it(tree, suggestion):
    user = UserFactory()
    assert services.follow(actor=user, target=tree.target()) is True
    assert services.follow(actor=user, target=tree.target()) is False
    assert services.follow(actor=user, contribution=suggestion) is True
    assert services.follow(actor=user, municipality=tree.municipality) is True
    assert Follow.objects.filter(user=user).count() == 3
    assert services.unfollow(actor=user, target=tree.target()) is True
    assert Follow.objects.filter(user=user).count() == 2


def test_flags_once_per_person_and_never_on_own_content(suggestion):
    reporter = UserFactory()
    services.flag_content(actor=reporter, contribution=suggestion, reason="Reklam")
    with pytest.raises(ValidationError):
        services.flag_content(actor=reporter, contribution=suggestion, reason="Yine")
    with pytest.raises(PermissionDenied):
        services.flag_content(actor=suggestion.author, contribution=suggestion, reason="Kendim")


def test_only_moderators_decide_and_every_open_flag_on_the_content_closes(suggestion):
    first = services.flag_content(actor=UserFactory(), contribution=suggestion, reason="a")
    services.flag_content(actor=UserFactory(), contribution=suggestion, reason="b")
    with pytest.raises(PermissionDenied):
        services.decide_flag(actor=UserFactory(), flag=first, hide=False)
    services.decide_flag(actor=UserFactory(is_moderator=True), flag=first, hide=True, note="Spam.")
    assert set(Flag.objects.values_list("state", flat=True)) == {Flag.State.HIDDEN}
    suggestion.refresh_from_db()
    assert (suggestion.is_hidden, suggestion.hidden_reason) == (True, "Spam.")
    with pytest.raises(ValidationError):
        services.decide_flag(actor=UserFactory(is_moderator=True), flag=first, hide=False)


def test_hiding_a_comment_lowers_the_comment_count(suggestion):
    target = services.post_comment(actor=UserFactory(), text="Kötü söz", contribution=suggestion)
    flag = services.flag_content(actor=UserFactory(), comment=target, reason="Hakaret")
    services.decide_flag(
        actor=UserFactory(is_moderator=True), flag=flag, hide=True, note="Hakaret."
    )
    suggestion.refresh_from_db()
    target.refresh_from_db()
    assert target.is_hidden and suggestion.comment_count == 0


def test_personal_data_export_and_erasure(tree, suggestion):
    user = UserFactory()
    organization = verified_organization()
    offer = ContributionFactory(
        tree=tree,
        author=user,
        kind=Contribution.Kind.OFFER,
        organization=organization,
        offered=["venue"],
        contact_name="Zeynep",
        contact_phone="0555",
    )
    services.support_suggestion(actor=user, contribution=suggestion)
    services.follow(actor=user, municipality=tree.municipality)
    comment(suggestion, user, "Benim yorumum")
    exported = personal_data.export_all(user)["participation"]
    assert exported["contributions"][0]["contact"] == ["Zeynep", "", "0555"]
    assert exported["comments"][0]["text"] == "Benim yorumum"
    assert exported["supports"] == [suggestion.pk]
    personal_data.erase_all(user)
    offer.refresh_from_db()
    suggestion.refresh_from_db()
    assert (offer.contact_name, offer.contact_phone) == ("", "")
    assert suggestion.support_count == 0
    assert not Follow.objects.filter(user=user).exists()
    assert Comment.objects.filter(author=user).exists()  # the public record stays
