"""Forms for casting, entering and checking ballots."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.ballots import normalise_receipt


class BallotForm(forms.Form):
    """One choice among the vote's options, as radio buttons (works without JavaScript)."""

    option = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        label=_("Your choice"),
        empty_label=None,
        error_messages={
            "required": _("Choose one of the options."),
            "invalid_choice": _("Choose one of the options on this ballot."),
        },
    )

    def __init__(self, vote, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = vote.options.all()
        self.fields["option"].label_from_instance = lambda option: option.label


class PaperBallotForm(BallotForm):
    """Staff entry of one paper ballot against the frozen roll."""

    entry = forms.IntegerField(
        label=_("Voter on the roll"),
        widget=forms.Select,
        error_messages={
            "required": _("Choose a voter from the roll."),
            "invalid": _("Choose a voter from the roll."),
        },
    )
    paper_number = forms.CharField(
        label=_("Paper ballot number"),
        max_length=40,
        error_messages={"required": _("Enter the number printed on the paper ballot.")},
    )

    field_order = ["entry", "paper_number", "option"]

    def __init__(self, vote, entries, *args, **kwargs):
        """``entries`` fill the list shown (those without a ballot); any entry of the
        vote's roll is accepted, so a second ballot is refused with its reason."""
        super().__init__(vote, *args, **kwargs)
        self.fields["entry"].widget.choices = [("", "—")] + [(e.pk, e.label) for e in entries]


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"),
        max_length=40,
        help_text=_("The code you were given after voting, e.g. ABCD-EFGH-JKLM."),
        error_messages={"required": _("Enter your receipt code.")},
    )

    def clean_code(self):
        code = normalise_receipt(self.cleaned_data["code"])
        if len(code) != 14:
            raise forms.ValidationError(_("A receipt code has 12 letters and digits."))
        return code
