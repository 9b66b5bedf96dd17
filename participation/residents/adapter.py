"""allauth's adapter: e-mails go out as background tasks; the phone number lives on
the resident's profile (``+86`` and eleven digits) and SMS codes go through the
pluggable sender (``participation/residents/sms.py``).

A verified mobile number belongs to one account only (a unique constraint on the
profile); numbers are read loosely (``138 1234 5678``, ``+86…``) by
``MobileNumberField``, and the log-in stages are the site's own (``stages.py``).
"""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.contrib.sites.shortcuts import get_current_site
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.residents import sms
from participation.residents.forms import MobileNumberField
from participation.residents.models import ResidentProfile
from participation.residents.phones import normalize_mobile
from participation.residents.tasks import send_email

logger = logging.getLogger("linli.accounts")


class AccountAdapter(DefaultAccountAdapter):
    # allauth's own Chinese for these reads as machine translation ("错误代码。" for a
    # wrong code); these are the site's words, in its catalogue.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "incorrect_code": _(
            "This code is not right. Check the text message or e-mail and type it again."
        ),
        "phone_taken": _(
            "This mobile number already belongs to another account. Log in with it, or "
            "use another number."
        ),
        "phone_password_mismatch": _("The mobile number or the password is not right."),
        "select_only_one": _("Fill in the mobile number or the e-mail address, not both."),
        "rate_limited": _(
            "Too many text messages or e-mails with a code were asked for. Please wait a "
            "minute before asking again."
        ),
    }

    def get_login_stages(self):
        ours = {
            "allauth.account.stages.EmailVerificationStage": (
                "participation.residents.stages.EmailVerificationStage"
            ),
            "allauth.account.stages.PhoneVerificationStage": (
                "participation.residents.stages.PhoneVerificationStage"
            ),
        }
        return [ours.get(path, path) for path in super().get_login_stages()]

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Failed log-ins by phone count against the number, however it was typed
        (``138 1234 5678`` and ``+8613812345678`` are one account's five tries)."""
        phone = credentials.get("phone")
        if phone and not credentials.get("email"):
            return f"{get_current_site(request).domain}:{normalize_mobile(phone) or phone}"
        return super()._get_login_attempts_cache_key(request, **credentials)

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            None,
        )
        send_email.enqueue(
            subject=str(message.subject),
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            html=html,
            headers=dict(message.extra_headers),
        )

    def phone_form_field(self, **kwargs):
        kwargs.pop("label", None)
        return MobileNumberField(**kwargs)

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        sms.send_verification_code(phone, code)

    def send_account_already_exists_sms(self, phone):
        sms.send_already_registered(phone)

    # send_unknown_account_sms stays allauth's no-op: a log-in code asked for a number
    # with no account sends nothing (no texts to strangers, no cost).

    def set_phone(self, user, phone, verified):
        ResidentProfile.objects.update_or_create(
            user=user,
            defaults={
                "phone": normalize_mobile(phone) or phone,
                "phone_verified_at": timezone.now() if verified else None,
            },
        )

    def get_phone(self, user):
        profile = ResidentProfile.objects.filter(user=user).exclude(phone="").first()
        if profile is None:
            return None
        return normalize_mobile(
            profile.phone
        ) or profile.phone, profile.phone_verified_at is not None

    def set_phone_verified(self, user, phone):
        """Mark the number verified (stored as ``+86`` and eleven digits), unless another
        account verified it first: the unique constraint decides a race, and the person
        is told so rather than shown an error page."""
        number = normalize_mobile(phone) or phone
        profile = ResidentProfile.objects.filter(user=user).exclude(phone="").first()
        if profile is None or (normalize_mobile(profile.phone) or profile.phone) != number:
            return
        try:
            with transaction.atomic():
                ResidentProfile.objects.filter(pk=profile.pk).update(
                    phone=number, phone_verified_at=timezone.now()
                )
        except IntegrityError:
            logger.warning("verified number %s is taken by another account", number)
            messages.error(self.request, self.error_messages["phone_taken"])

    def get_user_by_phone(self, phone):
        normalized = normalize_mobile(phone)
        if normalized is None:
            return None
        profile = (
            ResidentProfile.objects.select_related("user")
            .filter(phone=normalized, phone_verified_at__isnull=False)
            .first()
        )
        return profile.user if profile else None
