"""Importing the household CSV and (re)issuing letter codes from the Wagtail admin.

Codes exist in plain text only in the answer to the upload: staff print the letters
from that page (or save the CSV) at once. Nothing but the hash is stored, so a lost
sheet means regenerating codes for those units.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from participation.households import permissions
from participation.households.csv_file import HouseholdFileError, decode, parse
from participation.households.forms import HouseholdImportForm, RegenerateCodesForm
from participation.households.register import import_rows, letters_csv, regenerate_codes

MAX_ERRORS_SHOWN = 50


def letters_response(request, letters, output, summary):
    """The codes, once: a printable page of letters or a CSV file, never cached."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if output == "csv":
        response = HttpResponse(letters_csv(letters), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="household-codes-{stamp}.csv"'
    else:
        response = render(
            request,
            "participation/code_letters.html",
            {
                "letters": letters,
                "summary": summary,
                "site_url": request.build_absolute_uri("/").rstrip("/"),
                "date": timezone.localdate(),
                "back_url": reverse("household_import:index"),
            },
        )
    response["Cache-Control"] = "no-store"
    return response


class _IssueLettersMixin:
    """What both letter-issuing views share: who may use them, the form page with the
    file's errors (400), and the letters once ``issue_letters`` has made them."""

    template_name = "participation/admin/household_import.html"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_import_households(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form, errors=()):
        context = self.get_context_data(form=form, file_errors=list(errors)[:MAX_ERRORS_SHOWN])
        context["more_errors"] = max(len(errors) - MAX_ERRORS_SHOWN, 0)
        return self.render_to_response(context, status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["import_url"] = reverse("household_import:index")
        context["regenerate_url"] = reverse("household_import:regenerate")
        return context

    def form_valid(self, form):
        try:
            letters, summary = self.issue_letters(form)
        except HouseholdFileError as exc:
            return self.form_invalid(form, exc.errors)
        return letters_response(self.request, letters, form.cleaned_data["output"], summary)

    def issue_letters(self, form):
        """(letters, summary) for a valid form; raises HouseholdFileError."""
        raise NotImplementedError


class HouseholdImportView(_IssueLettersMixin, WagtailAdminTemplateMixin, FormView):
    form_class = HouseholdImportForm
    page_title = gettext_lazy("Import households")
    header_icon = "upload"
    submit_label = gettext_lazy("Import and make letters")

    def issue_letters(self, form):
        result = import_rows(parse(decode(form.cleaned_data["file"].read())))
        summary = _(
            "Imported: %(created)d new units, %(updated)d updated, %(unchanged)d unchanged; "
            "%(buildings)d new buildings, %(owners)d new owners. %(letters)d new codes."
        ) % {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "buildings": result.buildings_created,
            "owners": result.owners_created,
            "letters": len(result.letters),
        }
        return result.letters, summary


class RegenerateCodesView(_IssueLettersMixin, WagtailAdminTemplateMixin, FormView):
    form_class = RegenerateCodesForm
    page_title = gettext_lazy("New letter codes")
    header_icon = "key"
    submit_label = gettext_lazy("Make new codes")

    def issue_letters(self, form):
        letters = regenerate_codes(form.address_lines())
        summary = _("%(count)d new codes; the old codes of these units no longer work.") % {
            "count": len(letters)
        }
        return letters, summary


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_import_households(request.user)


class HouseholdImportViewSet(ViewSet):
    name = "household_import"
    url_prefix = "participation/import"
    icon = "upload"
    menu_label = gettext_lazy("Import households")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [
            path("", HouseholdImportView.as_view(), name="index"),
            path("regenerate/", RegenerateCodesView.as_view(), name="regenerate"),
        ]
