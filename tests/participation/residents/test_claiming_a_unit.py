"""/accounts/household/: claiming a unit with the letter code — once, throttled,
owner's voter only while the owner has none."""

import datetime
import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.households.models import Owner, Unit
from participation.residents import claims as household_claims
from participation.residents.choices import Relation
from participation.residents.claims import Outcome, claim_unit, throttled_until
from participation.residents.models import CodeAttempt, ResidentProfile
from tests.factories.households import (
    ResidentFactory,
    UnitFactory,
    UserFactory,
    developer,
    unit_with_code,
)

URL = "/accounts/household/"


def post(client, code, relation="family", **extra):
    return client.post(URL, {"code": code, "relation": relation, "accept_privacy": "on", **extra})


@pytest.fixture
def resident(client, db):
    user = UserFactory()
    client.force_login(user)
    return user


def test_the_page_needs_a_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/accounts/household/")


def test_the_form_is_in_chinese_with_the_field_named_code(client, resident):
    html = client.get(URL).content.decode()
    assert 'name="code"' in html
    assert "核验您的住户身份" in html
    assert 'name="relation"' in html


def test_a_good_code_typed_loosely_verifies_the_resident(client, resident):
    unit, code = unit_with_code()
    response = post(client, " " + code.lower().replace("-", " ") + " ")
    assert response.status_code == 302
    assert response["Location"] == "/me/"
    profile = ResidentProfile.objects.get(user=resident)
    assert profile.unit == unit
    assert profile.is_verified
    assert profile.verification_method == "code"
    assert profile.consent_privacy_at is not None
    unit.refresh_from_db()
    assert unit.code_used_at is not None
    assert "已核验" in client.get("/me/").content.decode()


def test_a_code_works_only_once(client, resident):
    unit, code = unit_with_code()
    assert post(client, code).status_code == 302
    other = UserFactory()
    client.force_login(other)
    response = post(client, code)
    assert response.status_code == 409
    assert "已经用过" in response.content.decode()
    assert not ResidentProfile.objects.get(user=other).is_verified


def test_a_wrong_code_is_refused_with_the_tries_left(client, resident):
    unit_with_code()
    response = post(client, "ABCD-EFGH-JKMN")
    assert response.status_code == 400
    html = response.content.decode()
    assert "核验码不正确" in html
    assert "还可以试4次" in html
    assert 'aria-invalid="true"' in html
    assert "autofocus" in html
    assert not ResidentProfile.objects.get(user=resident).is_verified


@pytest.mark.parametrize("typed", ["", "123", "ABCD-EFGH-JKM0", "x" * 41])
def test_a_malformed_code_gets_a_hint_and_does_not_count(client, resident, typed):
    response = post(client, typed)
    assert response.status_code == 400
    assert not CodeAttempt.objects.exists()
    assert "code" in response.context["form"].errors


def test_a_missing_relation_is_a_clear_400(client, resident):
    _unit, code = unit_with_code()
    response = client.post(URL, {"code": code, "accept_privacy": "on"})
    assert response.status_code == 400
    assert "relation" in response.context["form"].errors
    assert not Unit.objects.filter(code_used_at__isnull=False).exists()


def test_privacy_consent_is_asked_only_of_those_who_have_not_given_it(client, resident):
    _unit, code = unit_with_code()
    response = client.post(URL, {"code": code, "relation": "family"})
    assert response.status_code == 400
    assert "accept_privacy" in response.context["form"].errors
    ResidentProfile.objects.filter(user=resident).update(consent_privacy_at=timezone.now())
    assert "accept_privacy" not in client.get(URL).context["form"].fields
    assert client.post(URL, {"code": code, "relation": "family"}).status_code == 302


def test_five_wrong_codes_close_the_form_for_an_hour_even_for_the_right_code(client, resident):
    _unit, code = unit_with_code()
    for _ in range(5):
        assert post(client, "ABCD-EFGH-JKMN").status_code == 400
    response = post(client, code)
    assert response.status_code == 429
    assert "输错次数太多" in response.content.decode()
    assert not ResidentProfile.objects.get(user=resident).is_verified
    assert CodeAttempt.objects.filter(user=resident).count() == 5


def test_the_throttle_opens_again_an_hour_after_the_fifth_wrong_code(db):
    user = UserFactory()
    unit, code = unit_with_code()
    start = timezone.now()
    for minute in range(5):
        result = claim_unit(
            user, "ABCD-EFGH-JKMN", "family", now=start + datetime.timedelta(minutes=minute)
        )
    assert result.outcome == Outcome.WRONG and result.attempts_left == 0
    later = start + datetime.timedelta(minutes=59)
    assert claim_unit(user, code, "family", now=later).outcome == Outcome.THROTTLED
    after = start + datetime.timedelta(minutes=60, seconds=1)
    assert claim_unit(user, code, "family", now=after).outcome == Outcome.CLAIMED


def test_the_throttle_counts_per_person(client, resident):
    for _ in range(5):
        post(client, "ABCD-EFGH-JKMN")
    _unit, code = unit_with_code()
    client.force_login(UserFactory())
    assert post(client, code).status_code == 302


def test_throttled_until_is_the_fifth_last_failure_plus_an_hour():
    now = datetime.datetime(2026, 5, 1, 12, 0, tzinfo=datetime.UTC)
    minutes = [now - datetime.timedelta(minutes=m) for m in (1, 2, 3, 4, 50, 70)]
    assert throttled_until(minutes, now) == minutes[4] + datetime.timedelta(hours=1)
    assert throttled_until(minutes[:4], now) is None
    old = [now - datetime.timedelta(minutes=61 + m) for m in range(10)]
    assert throttled_until(old, now) is None


def test_owners_voter_becomes_the_owners_named_voter(client, resident):
    unit, code = unit_with_code()
    assert post(client, code, relation="owner_voter").status_code == 302
    assert Owner.objects.get(pk=unit.owner_id).voter == resident


def test_a_second_owners_voter_for_the_same_owner_is_refused_and_nothing_is_used(client, resident):
    owner_unit, first_code = unit_with_code()
    second_unit, second_code = unit_with_code(owner=owner_unit.owner)
    assert post(client, first_code, relation="owner_voter").status_code == 302
    other = UserFactory()
    client.force_login(other)
    response = post(client, second_code, relation="owner_voter")
    assert response.status_code == 409
    assert "已经指定了投票人" in response.content.decode()
    second_unit.refresh_from_db()
    assert second_unit.code_used_at is None
    assert Owner.objects.get(pk=owner_unit.owner_id).voter == resident
    assert post(client, second_code, relation="co_owner").status_code == 302


def test_a_developer_held_unit_cannot_be_claimed_as_owner(client, resident):
    unit, code = unit_with_code(owner=developer())
    response = post(client, code, relation="owner_voter")
    assert response.status_code == 400
    assert "开发商" in response.content.decode()
    unit.refresh_from_db()
    assert unit.code_used_at is None
    assert developer().voter is None


def test_a_verified_resident_cannot_claim_a_second_unit(client, resident):
    _unit, code = unit_with_code()
    _other, other_code = unit_with_code()
    post(client, code)
    response = post(client, other_code)
    assert response.status_code == 409
    assert "已经核验" in response.content.decode()


def test_a_stale_read_cannot_use_a_code_twice(db, monkeypatch):
    """Between finding the unit and taking it, someone else takes it: the conditional
    UPDATE sees that and refuses, where a check-then-write would have let both in."""
    unit, code = unit_with_code()
    first = UserFactory()
    real_filter = household_claims.Unit.objects.filter

    def racing_filter(*args, **kwargs):
        if kwargs.get("code_used_at__isnull"):
            real_filter(pk=unit.pk).update(code_used_at=timezone.now())
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(household_claims.Unit.objects, "filter", racing_filter)
    assert claim_unit(first, code, "family").outcome == Outcome.USED
    assert not ResidentProfile.objects.get(user=first).is_verified


def test_two_people_typing_the_same_code_at_once_one_wins(transactional_db):
    unit, code = unit_with_code()
    users = [UserFactory(), UserFactory()]
    for user in users:
        ResidentFactory(user=user)
    barrier = threading.Barrier(len(users))
    outcomes = []

    def claim(user):
        barrier.wait()
        try:
            outcomes.append(claim_unit(user, code, Relation.FAMILY).outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted([Outcome.CLAIMED, Outcome.USED])
    assert ResidentProfile.objects.filter(unit=unit, verified_at__isnull=False).count() == 1


def test_the_wrong_code_throttle_cleans_up_old_attempts(db):
    user = UserFactory()
    old = timezone.now() - datetime.timedelta(days=2)
    CodeAttempt.objects.create(user=user, created_at=old)
    claim_unit(user, "ABCD-EFGH-JKMN", "family")
    assert not CodeAttempt.objects.filter(created_at=old).exists()


@pytest.mark.parametrize("typed", ["", "   ", " - - ", None])
def test_a_unit_without_a_code_hash_cannot_be_claimed_with_an_empty_or_blank_code(db, typed):
    """The service itself (not the form) refuses: no empty code can match an empty hash."""
    unit = UnitFactory(code_hash="")
    user = UserFactory()
    result = claim_unit(user, typed, "family", accept_privacy=True)
    assert result.outcome == Outcome.MALFORMED
    unit.refresh_from_db()
    assert unit.code_used_at is None
    assert not ResidentProfile.objects.get(user=user).is_verified
    assert not CodeAttempt.objects.exists()


def test_the_lock_out_shows_on_the_form_after_earlier_failures_that_day(client, resident):
    """The page reads the throttle from the service: older failures (still kept for a
    day) do not hide the five in the last hour."""
    now = timezone.now()
    for minutes in range(12):
        CodeAttempt.objects.create(
            user=resident, created_at=now - datetime.timedelta(hours=3, minutes=minutes)
        )
    for minutes in range(5):
        CodeAttempt.objects.create(
            user=resident, created_at=now - datetime.timedelta(minutes=minutes + 1)
        )
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["retry_at"] is not None
    assert "输错次数太多" in response.content.decode()


def test_a_refused_claim_runs_the_throttle_query_once(client, resident):
    """The view uses what the service returned; it does not count the attempts again."""
    unit_with_code()
    with CaptureQueriesContext(connection) as queries:
        response = post(client, "ABCD-EFGH-JKMN")
    assert response.status_code == 400
    attempt_reads = [
        q["sql"]
        for q in queries.captured_queries
        if "participation_codeattempt" in q["sql"]
        and q["sql"].lstrip().upper().startswith("SELECT")
    ]
    assert len(attempt_reads) == 1, attempt_reads
