"""allauth's adapter: e-mails go out as background tasks; the phone number lives on
the resident's profile (``+86`` and eleven digits) and SMS codes go through the
pluggable sender (``participation/residents/sms.py``)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import timezone

from participation.residents import sms
from participation.residents.models import ResidentProfile
from participation.residents.phones import normalize_mobile
from participation.residents.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
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

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        sms.send_verification_code(phone, code)

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
        return profile.phone, profile.phone_verified_at is not None

    def set_phone_verified(self, user, phone):
        ResidentProfile.objects.filter(user=user, phone=phone).update(
            phone_verified_at=timezone.now()
        )

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
