"""allauth's account forms with the site's words (``ACCOUNT_FORMS``).

Kept apart from ``forms.py``, which allauth imports while it builds its own forms.
"""

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from participation.residents.forms import phone_is_taken
from participation.residents.phones import has_wide_characters


class SignupForm(allauth_forms.SignupForm):
    """Sign-up by mobile number, e-mail address, or both.

    Each is optional, but at least one is required: it is how a forgotten password is
    recovered (a log-in code by SMS, a reset link by e-mail). Someone with neither
    signs up with the committee's letter or at the committee office. A mobile number
    is verified by an SMS code before the first log-in; an e-mail address by its link.

    A number that another account has verified is refused here, in plain words:
    allauth already says so for a taken e-mail once verification is not mandatory for
    every sign-up, and hiding it would only send the owner a puzzling text message.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _(
            "We send a 6-digit code to this number by text message. Afterwards you can "
            "log in with the number and your password, or with a code."
        )
        self.fields["email"].label = _("E-mail address (optional)")
        self.fields["email"].widget.attrs["placeholder"] = ""
        self.fields["email"].help_text = _(
            "We send a link to confirm it. Fill in a mobile number, an e-mail address, or both."
        )
        self.fields["username"].help_text = _("Letters and digits, used to log in, e.g. wang301.")

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        if phone and phone_is_taken(phone):
            self.add_error(
                "phone",
                forms.ValidationError(
                    _(
                        "This mobile number already belongs to another account. Log in "
                        "with it (a code by text message works too), or use another number."
                    ),
                    code="phone_taken",
                ),
            )
        if not phone and not email and not {"phone", "email"} & set(self.errors):
            self.add_error(
                "phone",
                forms.ValidationError(
                    _(
                        "Fill in a mobile number or an e-mail address (or both): without "
                        "one, a forgotten password cannot be recovered. No e-mail and no "
                        "mobile phone? Sign up with the committee's letter, or at the "
                        "committee office."
                    ),
                    code="no_contact",
                ),
            )
        return cleaned


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username, e-mail or mobile number")
        self.fields["login"].widget.attrs.update(
            {"placeholder": "", "autocomplete": "username", "autocapitalize": "none"}
        )
        self.fields["password"].widget.attrs["placeholder"] = ""

    def clean_login(self):
        login = super().clean_login()
        if has_wide_characters(login) and any(char.isdigit() for char in login):
            raise forms.ValidationError(
                _(
                    "The number is in full-width characters (１３８…). Switch the input "
                    "method to half-width or English and type it again."
                ),
                code="full_width",
            )
        return login


class RequestLoginCodeForm(allauth_forms.RequestLoginCodeForm):
    """A code by SMS to a verified mobile number, or by e-mail: one of the two."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _(
            "The number you verified when signing up. The code comes by text message."
        )
        self.fields["email"].label = _("or your e-mail address")
        self.fields["email"].widget.attrs["placeholder"] = ""
        self.order_fields(["phone", "email"])

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            raise forms.ValidationError(
                _("Fill in your mobile number or your e-mail address."), code="empty"
            )
        return cleaned


class CodeLabel:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from the text message or e-mail")
        self.fields["code"].widget.attrs.update(
            {"placeholder": "", "autocomplete": "one-time-code", "autocapitalize": "characters"}
        )


class ConfirmLoginCodeForm(CodeLabel, allauth_forms.ConfirmLoginCodeForm):
    pass


class VerifyPhoneForm(CodeLabel, allauth_forms.VerifyPhoneForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from the text message")
        self.fields["code"].widget.attrs["inputmode"] = "numeric"
