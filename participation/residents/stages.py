"""allauth's log-in stages, fitted to accounts that may have no e-mail address.

allauth refuses ``ACCOUNT_EMAIL_VERIFICATION = "mandatory"`` unless every sign-up
gives an e-mail, so the setting is ``"optional"`` and the rule lives here: whoever
has an e-mail address must confirm it before logging in (as before); an account with
none (made from the letter code, at the office, or by phone) logs in without one.

A mobile number is verified by SMS before the account's first log-in (at sign-up,
or the first log-in after an abandoned sign-up). Later, an unverified number never
blocks a log-in: a number typed on /me/ or by the office may be wrong or a landline,
and the owner must still get in to vote (such a number just does not log anyone in).
"""

from allauth.account import stages
from allauth.account.adapter import get_adapter
from allauth.account.app_settings import EmailVerificationMethod
from allauth.account.models import EmailAddress

from participation.residents.phones import normalize_mobile


def has_email(user):
    return bool(user.email) or EmailAddress.objects.filter(user_id=user.pk).exists()


class EmailVerificationStage(stages.EmailVerificationStage):
    def handle(self):
        user = self.login.user
        # No user: enumeration prevention pretending a sign-up; it must stop here.
        if user is None or self.login.email or has_email(user):
            self.login.email_verification = EmailVerificationMethod.MANDATORY
        else:
            self.login.email_verification = EmailVerificationMethod.NONE
        return super().handle()


class PhoneVerificationStage(stages.PhoneVerificationStage):
    def handle(self):
        user = self.login.user
        if user is not None and not (self.login.signup or user.last_login is None):
            return None, True
        if user is not None:
            number = get_adapter().get_phone(user)
            if number is not None and normalize_mobile(number[0]) is None:
                return None, True
        return super().handle()
