"""Admin form for plan votes: what may change, and when."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.choices import BallotKind, Electorate, Matter
from participation.models import VoteOption

FROZEN_FIELDS = ("electorate", "matter", "ballot_kind", "opens_at")
YES_NO_OPTIONS = [("agree", _("Agree")), ("disagree", _("Disagree")), ("abstain", _("Abstain"))]


class PlanVoteAdminForm(WagtailAdminModelForm):
    """Once the roll is frozen (the vote has opened) the electorate, the rule and the
    options are fixed: changing them would change what people already voted on."""

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if instance.pk and instance.frozen_at:
            for name in FROZEN_FIELDS:
                if name in self.changed_data:
                    self.add_error(name, _("This cannot change after the vote has opened."))
            options = self.formsets.get("options")
            if options is not None and options.has_changed():
                raise forms.ValidationError(
                    _("The options cannot change after the vote has opened.")
                )
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The vote must close after it opens."))
        if (
            cleaned.get("electorate") != Electorate.OWNERS
            and cleaned.get("matter") == Matter.SPECIAL
        ):
            self.add_error("matter", _("Only owners' votes decide special matters under Art. 278."))
        if cleaned.get("ballot_kind") == BallotKind.OPTIONS:
            options = self.formsets.get("options")
            plans = [
                form
                for form in (options.forms if options is not None else [])
                if form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and not form.cleaned_data.get("is_abstention")
            ]
            if len(plans) < 2:
                raise forms.ValidationError(_("A vote between plans needs at least two plans."))
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit and instance.ballot_kind == BallotKind.YES_NO and not instance.options.exists():
            with translation.override(settings.LANGUAGE_CODE):  # content, not interface
                labels = [(key, str(label)) for key, label in YES_NO_OPTIONS]
            VoteOption.objects.bulk_create(
                VoteOption(
                    vote=instance,
                    key=key,
                    label=label,
                    is_abstention=key == "abstain",
                    sort_order=order,
                )
                for order, (key, label) in enumerate(labels)
            )
        return instance
