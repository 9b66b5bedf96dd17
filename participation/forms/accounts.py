"""Extra fields on allauth's sign-up form (``ACCOUNT_SIGNUP_FORM_CLASS``).

Kept free of allauth imports: allauth imports this module while building its own
sign-up form.
"""

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from participation.models import ResidentProfile


def privacy_link():
    return format_html(
        '<a href="/privacy/">{}</a>', _("Read what we collect, why, and for how long.")
    )


class SignupExtraForm(forms.Form):
    # allauth's sign-up form subclasses this one and honours field_order.
    field_order = [
        "email",
        "username",
        "password1",
        "password2",
        "display_name",
        "accept_privacy",
        "accept_contact",
    ]
    display_name = forms.CharField(
        label=_("What should neighbours call you?"),
        max_length=40,
        required=False,
        help_text=_("Shown with your comments, e.g. 3号楼王阿姨. No real name needed."),
    )
    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."),
        required=True,
        error_messages={"required": _("Please read and accept the privacy notice.")},
    )
    accept_contact = forms.BooleanField(
        label=_("The committee may contact me about what I take part in."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_privacy"].help_text = privacy_link()

    def signup(self, request, user):
        now = timezone.now()
        ResidentProfile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": self.cleaned_data.get("display_name", ""),
                "consent_privacy_at": now,
                "consent_contact_at": now if self.cleaned_data.get("accept_contact") else None,
            },
        )
