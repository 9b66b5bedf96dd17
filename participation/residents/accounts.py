"""Accounts made without an e-mail round trip: from the letter code alone, and by
staff at the committee office (居委会代办).

Both make the user and its verified profile in one transaction: a refused code or a
taken username leaves nothing behind. The letter code goes through ``claim_unit``
(the conditional UPDATE that lets a code work once); a staff-made account through
``verify_resident`` (reason and audit log).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from participation.residents.claims import claim_unit
from participation.residents.models import ResidentProfile
from participation.residents.verification import verify_resident


class UsernameTaken(Exception):
    pass


class _Rollback(Exception):
    def __init__(self, result):
        self.result = result


def create_account_with_code(
    *, username, password, code, relation, display_name="", accept_contact=False
):
    """Make an account verified for the unit of ``code``; returns ``(user, ClaimResult)``.

    If the code opens nothing, the user is not kept (``user`` is ``None``).
    """
    now = timezone.now()
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    user = get_user_model().objects.create_user(
                        username=username, password=password
                    )
            except IntegrityError:
                raise UsernameTaken from None
            ResidentProfile.objects.create(
                user=user,
                display_name=display_name,
                consent_privacy_at=now,
                consent_contact_at=now if accept_contact else None,
            )
            result = claim_unit(user, code, relation, accept_privacy=True, now=now)
            if not result.ok:
                raise _Rollback(result)
    except _Rollback as rollback:
        return None, rollback.result
    return user, result


ASSISTED_REASON = "到居委会办理"


def free_username(prefix="jm"):
    """A username nobody has, easy to read aloud: jm + 6 digits."""
    User = get_user_model()
    while True:
        candidate = prefix + get_random_string(6, "23456789")
        if not User.objects.filter(username=candidate).exists():
            return candidate


def create_assisted_account(*, unit, relation, display_name, phone="", by):
    """A committee member makes a verified account for a resident at the office.

    The user has no usable password: the printed sheet's link sets one, once.
    """
    with transaction.atomic():
        user = get_user_model().objects.create_user(username=free_username())
        user.set_unusable_password()
        user.save(update_fields=["password"])
        profile = ResidentProfile.objects.create(
            user=user,
            display_name=display_name,
            phone=phone,
            consent_privacy_at=timezone.now(),
        )
        verify_resident(profile, unit=unit, relation=relation, reason=ASSISTED_REASON, by=by)
    return user


def first_login_path(user):
    """The one-time link that asks for a new password (Django's reset token).

    The token is bound to the password hash and the last log-in, so it stops
    working as soon as a password is set.
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("participation:first-login", args=[uid, token])
