"""Forms residents fill in: a report (with up to three photos) and a rating."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.formtools import ReadablePictureMixin
from participation.households.models import Building
from participation.reports.choices import Category, Rating, Visibility
from participation.reports.rules import default_visibility

MAX_DESCRIPTION = 2000
MAX_PHOTO_BYTES = 8 * 1024 * 1024
PHOTO_FIELDS = ("photo_1", "photo_2", "photo_3")


class PhotoField(ReadablePictureMixin, forms.ImageField):
    """A photo from a phone: an image Pillow can read to the end, at most 8 MB."""

    default_error_messages = {
        "invalid_image": _("This file is not a photo we can read. Send a JPEG or PNG picture."),
    }

    def to_python(self, data):
        if data is not None and getattr(data, "size", 0) > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("A photo can be at most 8 MB."))
        return super().to_python(data)


class ReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What kind of problem?"),
        choices=Category.choices,
        error_messages={
            "required": _("Choose what kind of problem it is."),
            "invalid_choice": _("Choose one of the categories."),
        },
    )
    building = forms.ModelChoiceField(
        label=_("Building"),
        queryset=Building.objects.order_by("sort_order", "name"),
        required=False,
        empty_label=_("A common area (not one building)"),
        error_messages={"invalid_choice": _("Choose a building from the list.")},
    )
    place = forms.CharField(
        label=_("Where exactly?"),
        max_length=80,
        help_text=_("For example: 2单元 lift, 5th floor; the north gate car park."),
        error_messages={
            "required": _("Say where the problem is."),
            "max_length": _("The place can have at most %(limit_value)d characters."),
        },
    )
    description = forms.CharField(
        label=_("What is wrong?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Describe the problem.")},
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it?"),
        choices=[("", _("Automatic: on the board, except disputes")), *Visibility.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("On the board you are shown as a resident of your building, never by name."),
        error_messages={"invalid_choice": _("Choose who may see the report.")},
    )
    photo_1 = PhotoField(label=_("Photo 1"), required=False)
    photo_2 = PhotoField(label=_("Photo 2"), required=False)
    photo_3 = PhotoField(label=_("Photo 3"), required=False)

    def clean_place(self):
        place = " ".join(self.cleaned_data["place"].split())
        if len(place) < 2:
            raise forms.ValidationError(_("Say where the problem is."))
        return place

    def clean_description(self):
        text = self.cleaned_data["description"].strip()
        if len(text) < 5:
            raise forms.ValidationError(_("Describe the problem in at least 5 characters."))
        if len(text) > MAX_DESCRIPTION:
            raise forms.ValidationError(
                _("The description can have at most %(max)d characters.") % {"max": MAX_DESCRIPTION}
            )
        return text

    def clean(self):
        data = super().clean()
        if not data.get("visibility") and data.get("category"):
            data["visibility"] = default_visibility(data["category"])
        return data

    def photos(self):
        return [self.cleaned_data[name] for name in PHOTO_FIELDS if self.cleaned_data.get(name)]


class RatingForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("Are you satisfied with the fix?"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose one of the ratings."),
            "invalid_choice": _("Choose one of the ratings."),
        },
    )
    reason = forms.CharField(
        label=_("What is still wrong? (needed if not satisfied)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=500,
        error_messages={"max_length": _("At most %(limit_value)d characters.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("rating") == Rating.UNSATISFIED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Tell us what is still wrong."))
        return data
