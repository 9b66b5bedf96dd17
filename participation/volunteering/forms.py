"""Forms of the volunteering pages and admin; each answers bad input with a message."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.ledger import MAX_OTHER_HOURS
from participation.volunteering.models import Shift

ROSTER_ACTIONS = [
    (Attendance.ATTENDED, _("Attended")),
    (Attendance.NO_SHOW, _("Did not come")),
    ("cancel", _("Cancel the sign-up")),
]


class RosterForm(forms.Form):
    signup = forms.ModelChoiceField(queryset=None)
    action = forms.ChoiceField(choices=ROSTER_ACTIONS)

    def __init__(self, shift, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signup"].queryset = shift.signups.exclude(status=SignUpStatus.CANCELLED)


class ShiftAdminForm(WagtailAdminModelForm):
    """Capacity never below the seats taken; deadlines not after the start."""

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        for name in ("signup_deadline", "cancel_deadline"):
            if starts and data.get(name) and data[name] > starts:
                self.add_error(name, _("The deadline cannot be after the start."))
        capacity = data.get("capacity")
        if self.instance.pk and capacity is not None:
            taken = (
                Shift.objects.filter(pk=self.instance.pk).values_list("taken", flat=True).first()
            )
            if taken and capacity < taken:
                self.add_error(
                    "capacity",
                    _("%(taken)s seats are taken: the shift cannot have fewer seats than that.")
                    % {"taken": taken},
                )
        return data


def _residents():
    return get_user_model().objects.filter(resident__isnull=False).order_by("username")


class OtherCreditForm(forms.Form):
    """Other service credited by the committee, with a reason and an approver."""

    resident = forms.ModelChoiceField(label=_("Resident"), queryset=None)
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0.25"),
        max_value=MAX_OTHER_HOURS,
        max_digits=5,
        decimal_places=2,
    )
    description = forms.CharField(
        label=_("Service"), max_length=200, help_text=_("e.g. 帮邻居买菜")
    )
    reason = forms.CharField(label=_("Reason"), max_length=200)
    approved_by = forms.ModelChoiceField(label=_("Approved by"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resident"].queryset = _residents()
        self.fields["approved_by"].queryset = (
            get_user_model().objects.filter(is_staff=True, is_active=True).order_by("username")
        )


class ReversalForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=200)
