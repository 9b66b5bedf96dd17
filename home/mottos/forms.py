"""The residents' submission form (crispy, plain HTML, no JavaScript needed)."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from home.mottos import rules
from home.mottos.models import FamilyMotto, MottoTheme

PLAIN_TEXT_FIELDS = ("title", "text", "upper_line", "lower_line", "horizontal", "story")


class MottoSubmissionForm(forms.ModelForm):
    """A resident's motto. Showing the family name needs the consent box ticked; the
    consent is recorded (time and person) with the submission."""

    consent = forms.BooleanField(
        label=_(
            "Our family agrees that the family name (and, if chosen, our building) is shown "
            "with this motto on the community website and on printed copies."
        ),
        required=False,
    )
    key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = FamilyMotto
        fields = [
            "kind",
            "theme",
            "text",
            "horizontal",
            "upper_line",
            "lower_line",
            "story",
            "family_name",
            "family_display",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "family_display": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 4}),
            "story": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "text": _("For a precept or a saying. A couplet may leave this empty."),
            "upper_line": _("Hangs on the right of the door; 4 to 15 characters."),
            "lower_line": _("Hangs on the left; as many characters as the first line."),
            "horizontal": _("Across the top of the door, 2 to 8 characters."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["theme"].queryset = MottoTheme.objects.all()
        self.fields["theme"].empty_label = None
        if self.instance.pk and self.instance.consent_at:
            self.fields["consent"].initial = True

    def clean(self):
        cleaned = super().clean()
        for name in PLAIN_TEXT_FIELDS:
            value = cleaned.get(name)
            if value and strip_tags(value) != value:
                self.add_error(name, _("Please write plain text, without markup."))
        display = cleaned.get("family_display")
        if display and rules.needs_consent(display) and cleaned.get("consent"):
            if self.instance.consent_at is None:
                self.instance.consent_at = timezone.now()
                self.instance.consent_by = self.user
        else:
            self.instance.consent_at = None
            self.instance.consent_by = None
        return cleaned
