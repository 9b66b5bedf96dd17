"""Handling one report in the admin: accept and assign, start, close with a note and a
photo; for the committee also refer upward (吹哨) and turn it into a consultation."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from participation.reports import loop, rules
from participation.reports.choices import OPEN_STATUSES, PhotoRole, Status
from participation.reports.forms import PhotoField
from participation.reports.models import Report
from participation.reports.permissions import is_handler, is_supervisor


class AcceptForm(forms.Form):
    handler = forms.ChoiceField(label=gettext_lazy("Assign to"))
    note = forms.CharField(label=gettext_lazy("Public note"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        from participation.reports.choices import Handler

        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = Handler.choices


class CloseForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What was done (shown to everyone)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": gettext_lazy("Closing needs a note on what was done.")},
    )
    photo = PhotoField(label=gettext_lazy("Photo of the fix"), required=False)


class StartForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Public note"), required=False, max_length=500)


class ReferForm(forms.Form):
    to = forms.CharField(label=gettext_lazy("Referred to (subdistrict, department)"), max_length=80)
    reference = forms.CharField(
        label=gettext_lazy("Outside reference (e.g. a 12345 ticket number)"),
        required=False,
        max_length=40,
    )


class ConvertForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the consultation"), max_length=120)


FORMS = {
    "accept": AcceptForm,
    "start": StartForm,
    "close": CloseForm,
    "refer": ReferForm,
    "convert": ConvertForm,
}
SUPERVISOR_ONLY = {"refer", "convert"}


class HandleReportView(WagtailAdminTemplateMixin, TemplateView):
    """One page per report; each action's form has its own prefix (``accept-note``,
    ``close-note``…) so that fields and their labels never share an id."""

    template_name = "participation/admin/report_handle.html"
    page_title = gettext_lazy("Handle report")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not is_handler(request.user):
            raise PermissionDenied
        self.report = get_object_or_404(
            Report.objects.with_status().select_related(
                "building", "reporter_building", "proposal"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.report)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("reports:index"), "label": _("Resident reports")},
            {"url": "", "label": str(self.report)},
        ]

    def available(self):
        """The actions this person may take on the report as it stands."""
        status = self.report.status
        actions = []
        if rules.may_follow(status, Status.ACCEPTED):
            actions.append("accept")
        if rules.may_follow(status, Status.IN_PROGRESS):
            actions.append("start")
        if rules.may_follow(status, Status.DONE):
            actions.append("close")
        if is_supervisor(self.request.user):
            if status in OPEN_STATUSES:
                actions.append("refer")
            if not self.report.proposal_id:
                actions.append("convert")
        return actions

    def get_context_data(self, **kwargs):
        report = self.report
        photos = list(report.photos.all())
        forms_ = {
            name: kwargs.pop(f"{name}_form", None) or FORMS[name](prefix=name) for name in FORMS
        }
        if "convert" in forms_ and not forms_["convert"].is_bound:
            forms_["convert"] = ConvertForm(
                prefix="convert",
                initial={"title": f"{report.get_category_display()}：{report.place}"},
            )
        return super().get_context_data(
            report=report,
            photos=[p for p in photos if p.role == PhotoRole.REPORT],
            fix_photos=[p for p in photos if p.role == PhotoRole.FIX],
            steps=list(report.steps.all()),
            actions=self.available(),
            forms=forms_,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        if action not in self.available():
            if action in SUPERVISOR_ONLY and not is_supervisor(request.user):
                raise PermissionDenied
            return self._again(_("This step is not possible now."), status=409)
        form = FORMS[action](request.POST, request.FILES, prefix=action)
        if not form.is_valid():
            return self._again(None, status=400, **{f"{action}_form": form})
        data, user, report = form.cleaned_data, request.user, self.report
        try:
            if action == "accept":
                loop.accept(report, user, data["handler"], data["note"])
            elif action == "start":
                loop.start(report, user, data["note"])
            elif action == "close":
                photos = [data["photo"]] if data.get("photo") else []
                loop.close(report, user, data["note"], photos)
            elif action == "refer":
                loop.refer(report, user, data["to"], data["reference"])
            else:
                proposal, _step = loop.convert(report, user, data["title"])
        except loop.StepRefused as refused:
            return self._again(str(refused), status=refused.status)
        log(report, f"linli.report.{action}", user=user)
        messages.success(request, _("Done; the step is on the report's trail."))
        return redirect("reports:handle", pk=report.pk)

    def _again(self, error, status=400, **forms_):
        return self.render_to_response(self.get_context_data(error=error, **forms_), status=status)


LOG_ACTIONS = [
    ("linli.report.accept", gettext_lazy("Accept report"), gettext_lazy("Accepted the report")),
    ("linli.report.start", gettext_lazy("Start work"), gettext_lazy("Started work on the report")),
    ("linli.report.close", gettext_lazy("Close report"), gettext_lazy("Closed the report")),
    ("linli.report.refer", gettext_lazy("Refer report"), gettext_lazy("Referred the report")),
    (
        "linli.report.convert",
        gettext_lazy("Turn into a consultation"),
        gettext_lazy("Turned the report into a consultation"),
    ),
]


def register_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
