"""Importing the committee's paper collection of mottos in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.mottos.imports import MottoFileError, import_mottos, parse

MAX_BYTES = 5 * 1024 * 1024
MAX_ERRORS_SHOWN = 50


class MottoImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy("One motto a line; the first line names the columns."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Please upload a .csv or .xlsx file."))
        return upload


class MottoImportView(WagtailAdminTemplateMixin, FormView):
    form_class = MottoImportForm
    template_name = "home/admin/motto_import.html"
    page_title = gettext_lazy("Import family mottos")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("home.add_familymotto"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form, errors=()):
        errors = list(errors)
        context = self.get_context_data(form=form, file_errors=errors[:MAX_ERRORS_SHOWN])
        context["more_errors"] = max(len(errors) - MAX_ERRORS_SHOWN, 0)
        return self.render_to_response(context, status=400)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            count = import_mottos(parse(upload.name, upload.read()), self.request.user)
        except MottoFileError as exc:
            return self.form_invalid(form, exc.errors)
        messages.success(
            self.request,
            _("%(count)d mottos imported as drafts; they wait for approval.") % {"count": count},
        )
        return redirect(reverse("wagtailsnippets_home_familymotto:list"))
