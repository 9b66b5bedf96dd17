"""/accounts/signup/code/: an account from the letter code alone — verified at once,
logged in, no e-mail; a refused code or a taken username leaves nothing behind."""

import pytest
from django.contrib.auth import get_user_model

from participation.households.models import Unit
from participation.residents.models import ResidentProfile
from tests.factories.households import UserFactory, unit_with_code

URL = "/accounts/signup/code/"
PASSWORD = "qingwu-garden-301"


def post(client, code, username="wang301", **extra):
    data = {
        "code": code,
        "relation": "family",
        "username": username,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "3号楼王阿姨",
        "accept_privacy": "on",
        **extra,
    }
    return client.post(URL, data)


def test_the_page_is_in_chinese_and_asks_for_no_email(client, db):
    html = client.get(URL).content.decode()
    assert 'name="code"' in html
    assert 'name="username"' in html
    assert 'name="email"' not in html
    assert "不需要电子邮箱" in html


def test_a_good_code_makes_a_verified_account_and_logs_in(client, db):
    unit, code = unit_with_code()
    response = post(client, code.lower().replace("-", " "))
    assert response.status_code == 302
    assert response["Location"] == "/me/"
    user = get_user_model().objects.get(username="wang301")
    assert user.check_password(PASSWORD)
    assert not user.email
    profile = ResidentProfile.objects.get(user=user)
    assert profile.is_verified and profile.unit == unit
    assert profile.verification_method == "code"
    assert profile.consent_privacy_at is not None
    assert client.get("/me/").status_code == 200
    assert str(client.session["_auth_user_id"]) == str(user.pk)


def test_a_wrong_code_is_a_400_and_keeps_no_account(client, db):
    unit_with_code()
    response = post(client, "ABCD-EFGH-JKMN")
    assert response.status_code == 400
    assert "核验码不对" in response.content.decode() or "不对" in response.content.decode()
    assert not get_user_model().objects.filter(username="wang301").exists()
    assert not ResidentProfile.objects.exists()


def test_five_wrong_codes_from_one_address_close_the_form(client, db):
    unit, code = unit_with_code()
    for attempt in range(4):
        assert post(client, "ABCD-EFGH-JKMN", username=f"u{attempt}").status_code == 400
    assert post(client, "ABCD-EFGH-JKMN", username="u4").status_code == 429
    response = post(client, code)
    assert response.status_code == 429
    assert not get_user_model().objects.exists()
    assert Unit.objects.get(pk=unit.pk).code_used_at is None


def test_a_used_code_is_refused_with_409(client, db):
    unit, code = unit_with_code()
    assert post(client, code).status_code == 302
    client.logout()
    response = post(client, code, username="li301")
    assert response.status_code == 409
    assert not get_user_model().objects.filter(username="li301").exists()


def test_a_taken_username_is_a_400_and_leaves_the_code_unused(client, db):
    UserFactory(username="wang301")
    unit, code = unit_with_code()
    response = post(client, code)
    assert response.status_code == 400
    assert Unit.objects.get(pk=unit.pk).code_used_at is None
    assert get_user_model().objects.filter(username="wang301").count() == 1


def test_differing_passwords_are_a_400(client, db):
    unit, code = unit_with_code()
    response = post(client, code, password2="something-else-9")
    assert response.status_code == 400
    assert Unit.objects.get(pk=unit.pk).code_used_at is None


@pytest.mark.parametrize("page", ["/accounts/signup/", "/accounts/login/"])
def test_sign_up_and_log_in_pages_link_to_the_code_sign_up(client, db, page):
    assert URL in client.get(page).content.decode()
