"""Forms for casting, entering and checking ballots.

Admin form for plan votes: what may change, and when.
"""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.votes.ballots import normalise_receipt
from participation.votes.choices import BallotKind, Electorate, OptionRole
from participation.votes.models import PlanVote, VoteOption


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
        self.fields["option"].label = _("Choice on the ballot paper")
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


# What people vote on and under which rule: fixed once the vote has opened.
LOCKED_FIELDS = (
    "electorate",
    "art278_item",
    "ballot_kind",
    "opens_at",
    "closes_at",
    "allow_change",
    "published",
)


# Written by the system (freezing, mail), never by the form.
SYSTEM_FIELDS = (
    "frozen_at",
    "roll_heads",
    "roll_area",
    "opening_mail_sent_at",
    "reminder_mail_sent_at",
)


YES_NO_OPTIONS = [
    ("agree", _("Agree"), OptionRole.ADOPT),
    ("disagree", _("Disagree"), OptionRole.AGAINST),
    ("abstain", _("Abstain"), OptionRole.ABSTAIN),
]


def _same(old, new):
    """Equal as the admin shows them: datetimes to the minute (the widget drops seconds)."""
    if hasattr(old, "replace") and hasattr(new, "replace") and hasattr(old, "second"):
        return old.replace(second=0, microsecond=0) == new.replace(second=0, microsecond=0)
    return old == new


class PlanVoteAdminForm(WagtailAdminModelForm):
    """Once a vote has opened, what people vote on is fixed: the electorate, the rule,
    the window, the options, whether ballots may change, and that it is published.
    Title, description and pictures may still be corrected. Closing early goes through
    "Close now", which is logged."""

    def clean(self):
        cleaned = super().clean()
        current = PlanVote.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
        if current is not None and current.has_opened():
            for name in LOCKED_FIELDS:
                if name in cleaned and not _same(getattr(current, name), cleaned[name]):
                    self.add_error(name, _("This cannot change after the vote has opened."))
            options = self.formsets.get("options")
            if options is not None and options.has_changed():
                raise forms.ValidationError(
                    _("The options cannot change after the vote has opened.")
                )
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The vote must close after it opens."))
        owners = cleaned.get("electorate") == Electorate.OWNERS
        if owners and not cleaned.get("art278_item"):
            self.add_error(
                "art278_item", _("Choose which of the nine Art. 278 matters this vote decides.")
            )
        if not owners and cleaned.get("art278_item"):
            self.add_error(
                "art278_item",
                _("Only owners' votes decide matters under Art. 278: leave it empty."),
            )
        self._check_option_roles(cleaned.get("ballot_kind"))
        return cleaned

    def _live_options(self):
        options = self.formsets.get("options")
        if options is not None:
            options.is_valid()  # ClusterForm validates formsets after the form's clean()
        return [
            form
            for form in (options.forms if options is not None else [])
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]

    def _check_option_roles(self, ballot_kind):
        """What the tally reads is each option's role, never its key: a yes/no vote needs
        exactly one "against", at most one "abstain" and at least one option to adopt; a
        vote between plans needs two plans. Empty yes/no options are filled in on save."""
        roles = [form.cleaned_data.get("role") for form in self._live_options()]
        if ballot_kind == BallotKind.OPTIONS:
            if roles.count(OptionRole.ADOPT) < 2:
                raise forms.ValidationError(_("A vote between plans needs at least two plans."))
        elif roles:
            if roles.count(OptionRole.AGAINST) != 1:
                raise forms.ValidationError(
                    _("An agree / disagree vote needs exactly one option meaning “against”.")
                )
            if roles.count(OptionRole.ABSTAIN) > 1:
                raise forms.ValidationError(
                    _("An agree / disagree vote can have at most one abstention.")
                )
            if roles.count(OptionRole.ADOPT) < 1:
                raise forms.ValidationError(
                    _("An agree / disagree vote needs an option meaning “adopt” (agree).")
                )

    def save(self, commit=True):
        if commit and self.instance.pk:
            with transaction.atomic():
                # Lock the row and keep what the system wrote since the form was loaded
                # (a roll frozen meanwhile, mail already sent), and, if the vote opened
                # meanwhile, the locked fields too.
                current = PlanVote.objects.select_for_update().get(pk=self.instance.pk)
                kept = SYSTEM_FIELDS + (LOCKED_FIELDS if current.has_opened() else ())
                for name in kept:
                    setattr(self.instance, name, getattr(current, name))
                return self._save_with_options(commit)
        return self._save_with_options(commit)

    def _save_with_options(self, commit):
        instance = super().save(commit=commit)
        if commit and instance.ballot_kind == BallotKind.YES_NO and not instance.options.exists():
            with translation.override(settings.LANGUAGE_CODE):  # content, not interface
                labels = [(key, str(label), role) for key, label, role in YES_NO_OPTIONS]
            VoteOption.objects.bulk_create(
                VoteOption(vote=instance, key=key, label=label, role=role, sort_order=order)
                for order, (key, label, role) in enumerate(labels)
            )
        return instance
