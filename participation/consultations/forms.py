"""Forms residents fill in: a proposal, a comment, a report of a comment."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from participation.consultations.choices import Category
from participation.consultations.models import Proposal
from participation.formtools import ReadablePictureMixin
from participation.households.models import Building

MAX_BODY = 5000
MAX_COMMENT = 2000
IMAGE_FIELDS = ("image_1", "image_2", "image_3")


class PictureField(ReadablePictureMixin, WagtailImageField):
    """Wagtail's image field (format, size and pixel limits), and a picture that does
    not decode to the end is refused with the same words as a report's photo."""

    default_error_messages = {
        "invalid_image": _("This file is not a photo we can read. Send a JPEG or PNG picture."),
    }


class ProposalForm(forms.ModelForm):
    """Title, description, category, scope (buildings, or all) and up to three pictures."""

    category = forms.ChoiceField(
        label=_("Category"),
        choices=Category.choices,
        error_messages={"invalid_choice": _("Choose one of the categories.")},
    )
    buildings = forms.ModelMultipleChoiceField(
        label=_("Which buildings does it concern?"),
        queryset=Building.objects.order_by("sort_order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked if it concerns the whole community."),
        error_messages={"invalid_choice": _("Choose buildings from the list.")},
    )
    image_1 = PictureField(label=_("Picture 1"), required=False)
    image_2 = PictureField(label=_("Picture 2"), required=False)
    image_3 = PictureField(label=_("Picture 3"), required=False)

    class Meta:
        model = Proposal
        fields = ["title", "body", "category", "buildings"]
        labels = {"title": _("Title"), "body": _("What do you propose, and why?")}
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {
                "required": _("Give your proposal a short title."),
                "max_length": _("The title can have at most %(limit_value)d characters."),
            },
            "body": {"required": _("Describe your proposal.")},
        }

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if len(title) < 4:
            raise forms.ValidationError(_("The title needs at least 4 characters."))
        return title

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) < 10:
            raise forms.ValidationError(_("Describe your proposal in at least 10 characters."))
        if len(body) > MAX_BODY:
            raise forms.ValidationError(
                _("The description can have at most %(max)d characters.") % {"max": MAX_BODY}
            )
        return body

    def images(self):
        return [self.cleaned_data[name] for name in IMAGE_FIELDS if self.cleaned_data.get(name)]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your comment first.")},
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) > MAX_COMMENT:
            raise forms.ValidationError(
                _("A comment can have at most %(max)d characters.") % {"max": MAX_COMMENT}
            )
        if not body:
            raise forms.ValidationError(_("Write your comment first."))
        return body


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Why? (optional)"), max_length=200, required=False)
