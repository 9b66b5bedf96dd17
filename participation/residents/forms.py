"""Forms residents fill in: the extra fields on allauth's sign-up form
(``ACCOUNT_SIGNUP_FORM_CLASS``), the mobile number field allauth's phone support uses,
the letter-code claim, and the committee's verify/unverify forms in the admin.

Kept free of allauth imports: allauth imports this module while building its own
sign-up form.
"""

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from participation.households.codes import normalize_code
from participation.households.csv_file import parse_address
from participation.households.models import Unit
from participation.residents.choices import Relation
from participation.residents.models import ResidentProfile
from participation.residents.phones import has_wide_characters, normalize_mobile


def privacy_link():
    return format_html(
        '<a href="/privacy/">{}</a>', _("Read what we collect, why, and for how long.")
    )


class MobileNumberField(forms.CharField):
    """A Chinese mobile number typed as people type it (138 1234 5678, +86…), cleaned
    to ``+86`` and eleven digits; full-width digits are refused with a clear message
    (a Chinese input method in full-width mode types １３８ without the person seeing
    the difference)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Mobile number"))
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        if has_wide_characters(value):
            raise forms.ValidationError(
                _(
                    "The number is in full-width characters (１３８…). Switch the input "
                    "method to half-width or English and type it again."
                ),
                code="full_width",
            )
        phone = normalize_mobile(value)
        if phone is None:
            raise forms.ValidationError(
                _("Enter an 11-digit mobile number such as 138 1234 5678."), code="phone"
            )
        return phone


def phone_is_taken(phone):
    return ResidentProfile.objects.filter(phone=phone, phone_verified_at__isnull=False).exists()


class SignupExtraForm(forms.Form):
    """The site's fields on allauth's sign-up form (allauth's form subclasses this one
    and honours ``field_order``); the rules on phone and e-mail are in
    ``account_forms.SignupForm``."""

    field_order = [
        "phone",
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


class ClaimUnitForm(forms.Form):
    """The code from the committee's letter and how the person relates to the unit."""

    code = forms.CharField(
        label=_("Code from the letter"),
        max_length=40,
        help_text=_(
            "12 letters and digits, e.g. ABCD-EFGH-JKMN. Case, spaces and dashes do not matter."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "code-input",
            }
        ),
    )
    relation = forms.ChoiceField(
        label=_("You are the unit's"),
        choices=Relation.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Each owner names one voter (co-owners agree on one). Everyone else in the "
            "household can still take part in consultations and volunteering."
        ),
    )
    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."),
        required=True,
        error_messages={"required": _("Please read and accept the privacy notice.")},
    )

    def __init__(self, *args, needs_consent=True, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_consent:
            self.fields["accept_privacy"].help_text = privacy_link()
        else:
            del self.fields["accept_privacy"]

    def clean_code(self):
        code = self.cleaned_data["code"]
        if normalize_code(code) is None:
            raise forms.ValidationError(
                _(
                    "This does not look like a letter code: it has 12 letters and digits, "
                    "like ABCD-EFGH-JKMN (there is no 0, O, 1, I or L)."
                ),
                code="malformed",
            )
        return code


class UnitAddressField(forms.CharField):
    """A unit typed as building-unit-room (3号楼-1-301), not picked from thousands."""

    def clean(self, value):
        value = super().clean(value)
        address = parse_address(value)
        unit = None
        if address is not None:
            building, unit_no, room = address
            unit = (
                Unit.objects.select_related("building", "owner")
                .filter(building__name=building, unit_no=unit_no, room=room)
                .first()
            )
        if unit is None:
            raise forms.ValidationError(
                _("No unit %(address)s in the register; write it as 3号楼-1-301."),
                params={"address": value},
                code="unknown_unit",
            )
        return unit


class VerifyResidentForm(forms.Form):
    unit = UnitAddressField(label=_("Unit"), max_length=100, help_text=_("e.g. 3号楼-1-301"))
    relation = forms.ChoiceField(label=_("Relation"), choices=Relation.choices)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        help_text=_(
            "Recorded with your name, e.g. “checked the property certificate at the office”."
        ),
    )


class UnverifyResidentForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=200,
        help_text=_("Recorded with your name, e.g. “moved out in May”."),
    )


class CodeSignupForm(ClaimUnitForm):
    """An account from the letter code alone: no e-mail, verified at once."""

    field_order = [
        "code",
        "relation",
        "username",
        "password1",
        "password2",
        "display_name",
        "accept_privacy",
        "accept_contact",
    ]
    username = forms.CharField(
        label=_("Username"),
        max_length=30,
        help_text=_("Letters and digits, used to log in, e.g. wang301."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 8 characters, not only digits."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    display_name = SignupExtraForm.base_fields["display_name"]
    accept_contact = SignupExtraForm.base_fields["accept_contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, needs_consent=True, **kwargs)

    def clean_username(self):
        from allauth.account.adapter import get_adapter

        return get_adapter().clean_username(self.cleaned_data["username"])

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("The two passwords differ."))
        elif one:
            from django.contrib.auth import get_user_model
            from django.contrib.auth.password_validation import validate_password

            user = get_user_model()(username=cleaned.get("username", ""))
            try:
                validate_password(one, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class AssistedAccountForm(forms.Form):
    """What the committee types at the office to make a resident's account."""

    unit = VerifyResidentForm.base_fields["unit"]
    relation = VerifyResidentForm.base_fields["relation"]
    display_name = forms.CharField(
        label=_("Name"), max_length=40, help_text=_("As neighbours know them, e.g. 3号楼王阿姨.")
    )
    phone = MobileNumberField(label=_("Mobile number (optional)"), required=False)
