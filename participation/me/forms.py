"""Forms on a resident's own pages: name and phone, consents, deleting the account."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.residents.models import ResidentProfile
from participation.residents.phones import normalize_mobile

PHONE = re.compile(r"^\+?[0-9][0-9 \-()]{4,24}$")


class ProfileForm(forms.ModelForm):
    """Name and phone. A mobile number is kept as ``+86`` and eleven digits; a changed
    number is no longer verified (a verified number logs its owner in by SMS)."""

    class Meta:
        model = ResidentProfile
        fields = ["display_name", "phone"]
        labels = {"display_name": _("What should neighbours call you?"), "phone": _("Phone")}
        help_texts = {
            "display_name": _("Shown with your comments, e.g. 3号楼王阿姨. No real name needed."),
            "phone": _(
                "Optional. Only you and the neighbourhood committee can see it; building "
                "captains cannot."
            ),
        }
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"})}

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if phone and (not PHONE.match(phone) or not 5 <= len(digits) <= 15):
            raise forms.ValidationError(
                _("Enter a phone number with 5 to 15 digits, e.g. 138 0000 0000."),
                code="invalid",
            )
        return normalize_mobile(phone) or phone

    def save(self, commit=True):
        if self.cleaned_data["phone"] != self.initial.get("phone", ""):
            self.instance.phone_verified_at = None
        return super().save(commit=commit)


class ConsentForm(forms.Form):
    """One button press: give or withdraw a consent."""

    ACTIONS = [
        ("give_contact", _("Agree to be contacted")),
        ("withdraw_contact", _("Withdraw consent to be contacted")),
        ("withdraw_privacy", _("Withdraw consent to the privacy notice")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be deleted for good."),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong")
        return password
