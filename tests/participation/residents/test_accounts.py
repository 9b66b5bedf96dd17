"""Accounts with django-allauth: sign-up with consent, mandatory e-mail verification,
log-in by username or e-mail, rate-limited log-in, Chinese pages in the site's layout."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from participation.residents.models import ResidentProfile
from tests.factories.households import PASSWORD, UserFactory

SIGNUP = {
    "email": "lin@example.com",
    "username": "linmei",
    "password1": "青梧-a-long-Passw0rd",
    "password2": "青梧-a-long-Passw0rd",
    "display_name": "5号楼林梅",
    "accept_privacy": "on",
}


def confirmation_link():
    body = mail.outbox[-1].body
    return re.search(r"http://testserver(/accounts/confirm-email/[^/\s]+/)", body).group(1)


def test_login_and_signup_pages_are_chinese_and_use_the_site_layout(client, home):
    for url, heading in [("/accounts/login/", "登录"), ("/accounts/signup/", "注册")]:
        html = client.get(url).content.decode()
        assert '<html lang="zh-Hans">' in html
        assert 'class="site-header"' in html
        assert f'<h1 class="page-title">{heading}</h1>' in html
    assert 'href="/privacy/"' in client.get("/accounts/signup/").content.decode()


def test_signup_records_consent_and_sends_a_chinese_verification_mail(client, db):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = get_user_model().objects.get(username="linmei")
    profile = ResidentProfile.objects.get(user=user)
    assert profile.display_name == "5号楼林梅"
    assert profile.consent_privacy_at is not None
    assert profile.consent_contact_at is None
    assert not profile.is_verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("[邻里]")
    assert "lin@example.com" in mail.outbox[0].to


def test_email_verification_is_mandatory_before_logging_in(client, db):
    client.post("/accounts/signup/", SIGNUP)
    client.logout()
    response = client.post("/accounts/login/", {"login": "linmei", "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/me/").status_code == 302


def test_confirming_the_email_logs_in_and_shows_my_page(client, db):
    client.post("/accounts/signup/", SIGNUP)
    link = confirmation_link()
    assert "确认" in client.get(link).content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="lin@example.com").verified
    assert "5号楼林梅" in client.get("/me/").content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"accept_privacy": ""}, "accept_privacy"),
        ({"email": "not-an-email"}, "email"),
        ({"password2": "different-Passw0rd"}, "password2"),
        ({"password1": "123", "password2": "123"}, "password1"),
        ({"display_name": "名" * 41}, "display_name"),
        ({"username": ""}, "username"),
    ],
)
def test_bad_signups_are_400_with_the_message_at_the_field(client, db, change, field):
    response = client.post("/accounts/signup/", {**SIGNUP, **change})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "autofocus" in html
    assert not get_user_model().objects.filter(username="linmei").exists()
    assert not mail.outbox


def test_the_privacy_consent_message_is_chinese(client, db):
    response = client.post("/accounts/signup/", {**SIGNUP, "accept_privacy": ""})
    assert "请阅读并同意隐私说明" in response.content.decode()


def test_login_by_username_or_by_email(client, db):
    user = UserFactory(username="wangfang", email="wang@example.com")
    for login in ("wangfang", "wang@example.com", "WANG@example.com"):
        client.logout()
        response = client.post("/accounts/login/", {"login": login, "password": PASSWORD})
        assert response.status_code == 302, login
        assert response["Location"] == "/me/"
        assert client.get("/me/").context["user"] == user


def test_a_wrong_password_is_a_400_with_a_chinese_message(client, db):
    UserFactory(username="wangfang")
    response = client.post("/accounts/login/", {"login": "wangfang", "password": "wrong"})
    assert response.status_code == 400
    assert "不正确" in response.content.decode()


def test_five_failed_logins_lock_the_account_with_a_clear_message(client, db):
    UserFactory(username="wangfang")
    for _ in range(5):
        assert (
            client.post("/accounts/login/", {"login": "wangfang", "password": "x"}).status_code
            == 400
        )
    response = client.post("/accounts/login/", {"login": "wangfang", "password": PASSWORD})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_the_same_rate_limited_page(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    response = client.get("/admin/")
    assert response["Location"].startswith("/accounts/login/")


def test_staff_log_in_to_the_admin_through_it(client, db):
    UserFactory(username="editor2", is_staff=True, is_superuser=True)
    response = client.post(
        "/accounts/login/?next=/admin/",
        {"login": "editor2", "password": PASSWORD, "next": "/admin/"},
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_password_reset_sends_a_mail_and_bad_input_is_400(client, db):
    UserFactory(email="wang@example.com")
    assert client.post("/accounts/password/reset/", {"email": "nope"}).status_code == 400
    response = client.post("/accounts/password/reset/", {"email": "wang@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_logout_is_a_post(client, db):
    client.force_login(UserFactory())
    assert client.get("/accounts/logout/").status_code == 200
    assert "_auth_user_id" in client.session
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_the_header_links_to_login_or_to_my_page(client, home):
    assert 'href="/accounts/login/"' in client.get("/").content.decode()
    client.force_login(UserFactory())
    assert 'href="/me/"' in client.get("/").content.decode()


def test_account_mails_go_out_as_background_tasks(client, db, settings):
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.post("/accounts/signup/", SIGNUP)
    assert not mail.outbox
    [mail_task] = [r for r in default_task_backend.results if r.task.name == "send_email"]
    assert mail_task.kwargs["to"] == ["lin@example.com"]
    assert mail_task.kwargs["subject"].startswith("[邻里]")
