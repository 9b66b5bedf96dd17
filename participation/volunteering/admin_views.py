"""Committee views in the Wagtail admin: other credits and corrections in the time
bank, and cancelling a volunteer's sign-up (the waiting list moves up)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.formtools import autofocus_first_error
from participation.volunteering import ledger, permissions, signups
from participation.volunteering.forms import OtherCreditForm, ReversalForm
from participation.volunteering.models import LedgerEntry, SignUp


class CommitteeOnly:
    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, user):
        return permissions.can_record_credits(user)


class OtherCreditView(CommitteeOnly, WagtailAdminTemplateMixin, FormView):
    """Record other service (帮邻居买菜, 1 hour) with a reason and an approver."""

    page_title = gettext_lazy("Credit other service")
    header_icon = "time"
    template_name = "participation/admin/ledger_form.html"
    form_class = OtherCreditForm

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            entry = ledger.record_other(
                data["resident"],
                data["hours"],
                data["description"],
                data["reason"],
                recorded_by=self.request.user,
                approved_by=data["approved_by"],
            )
        except ledger.LedgerRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(hours)s hours credited to %(name)s.")
            % {"hours": entry.hours, "name": entry.account},
        )
        return redirect("volunteer_ledger:index")

    def form_invalid(self, form):
        autofocus_first_error(form)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReversalView(CommitteeOnly, WagtailAdminTemplateMixin, FormView):
    """Correct one entry with a reversing entry and a reason."""

    page_title = gettext_lazy("Correct an entry")
    header_icon = "time"
    template_name = "participation/admin/ledger_form.html"
    form_class = ReversalForm

    def dispatch(self, request, *args, **kwargs):
        self.entry = get_object_or_404(
            LedgerEntry.objects.select_related("account"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.entry)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "entry": self.entry}

    def form_valid(self, form):
        try:
            ledger.reverse(self.entry, form.cleaned_data["reason"], self.request.user)
        except ledger.LedgerRefused as refused:
            form.add_error(None, str(refused))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, _("The correction is recorded."))
        return redirect("volunteer_ledger:index")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CancelSignUpView(CommitteeOnly, WagtailAdminTemplateMixin, TemplateView):
    """The committee cancels a volunteer's sign-up (asked first); the next person moves up."""

    page_title = gettext_lazy("Cancel the sign-up")
    header_icon = "cross"
    template_name = "participation/admin/signup_cancel.html"

    def allowed(self, user):
        return permissions.can_manage_volunteering(user)

    def get_context_data(self, **kwargs):
        signup = get_object_or_404(
            SignUp.objects.select_related("shift__opportunity", "user"), pk=self.kwargs["pk"]
        )
        return {**super().get_context_data(**kwargs), "signup": signup}

    def post(self, request, pk):
        signup = get_object_or_404(SignUp, pk=pk)
        signups.cancel(signup, by=request.user, staff=True)
        messages.success(request, _("The sign-up is cancelled; the next person moves up."))
        return redirect(reverse("volunteer_signups:index") + f"?shift={signup.shift_id}")
