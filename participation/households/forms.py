"""Forms for the Participation views in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD = 5 * 1024 * 1024


OUTPUTS = [
    ("letters", _("Letters to print (one page per household)")),
    ("csv", _("A CSV file of codes")),
]


class HouseholdImportForm(forms.Form):
    file = forms.FileField(
        label=_("Household CSV file"),
        help_text=_(
            "Columns building,unit,room,area_m2,owner_ref (UTF-8; Excel: Save As → CSV UTF-8). "
            "owner_ref groups the units of one owner; developer marks unsold units."
        ),
    )
    output = forms.ChoiceField(
        label=_("Codes for new households"), choices=OUTPUTS, initial="letters"
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."), code="too_large")
        return upload


class RegenerateCodesForm(forms.Form):
    addresses = forms.CharField(
        label=_("Units"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text=_(
            "One per line, as building-unit-room, e.g. 3号楼-1-301. Old codes stop working."
        ),
    )
    output = forms.ChoiceField(label=_("Codes"), choices=OUTPUTS, initial="letters")

    def address_lines(self):
        return [line for line in self.cleaned_data["addresses"].splitlines() if line.strip()]
