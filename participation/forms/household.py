from django import forms
from django.utils.translation import gettext_lazy as _

from participation.choices import Relation
from participation.codes import normalize_code
from participation.forms.accounts import privacy_link


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
