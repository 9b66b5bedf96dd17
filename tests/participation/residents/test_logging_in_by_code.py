"""Log-in by a one-time code (allauth's login by code): someone typing wrong passwords
locks the password log-in, but the owner still gets in with a code sent to them."""

from django.core import mail

from participation.residents.adapter import AccountAdapter
from tests.factories.households import UserFactory


def test_a_locked_password_log_in_still_lets_the_owner_in_by_code(client, db, monkeypatch):
    monkeypatch.setattr(AccountAdapter, "generate_login_code", lambda self: "KQ7M2X")
    user = UserFactory(username="wangfang")
    for _attempt in range(5):
        client.post("/accounts/login/", {"login": "wangfang", "password": "wrong-guess"})
    locked = client.post(
        "/accounts/login/", {"login": "wangfang", "password": "correct horse battery staple"}
    )
    assert locked.status_code == 429
    assert "/accounts/login/code/" in client.get("/accounts/login/").content.decode()
    mail.outbox.clear()
    asked = client.post("/accounts/login/code/", {"email": user.email})
    assert asked.status_code == 302
    assert "KQ7M2X" in mail.outbox[-1].body
    done = client.post(asked["Location"], {"code": "KQ7M2X"})
    assert done.status_code == 302
    assert str(client.session["_auth_user_id"]) == str(user.pk)
