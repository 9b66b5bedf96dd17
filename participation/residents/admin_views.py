"""居委会代办: the committee makes a resident's account at the office and prints the
sheet the resident takes home (username, one-time link and its QR code)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.formtools import autofocus_first_error
from participation.residents import permissions
from participation.residents.accounts import create_assisted_account, first_login_path
from participation.residents.forms import AssistedAccountForm
from participation.residents.models import ResidentProfile
from participation.residents.verification import VerificationError
from portal.qr import qr_svg


class AssistedAccountView(WagtailAdminTemplateMixin, FormView):
    template_name = "participation/admin/assisted_account.html"
    form_class = AssistedAccountForm
    page_title = gettext_lazy("Make an account at the office")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_verify_residents(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(index_url=reverse("residents:index"), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            user = create_assisted_account(
                unit=data["unit"],
                relation=data["relation"],
                display_name=data["display_name"],
                phone=data["phone"],
                by=self.request.user,
            )
        except (VerificationError, IntegrityError) as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(
            self.request, _("Account %(username)s is made.") % {"username": user.username}
        )
        return redirect("residents:sheet", pk=user.resident.pk)

    def form_invalid(self, form):
        autofocus_first_error(form)
        return self.render_to_response(self.get_context_data(form=form), status=400)


def assisted_sheet(request, pk):
    """The one-page sheet; only while the resident has not set a password yet."""
    if not permissions.can_verify_residents(request.user):
        raise PermissionDenied
    profile = get_object_or_404(
        ResidentProfile.objects.select_related("user", "unit__building"), pk=pk
    )
    if profile.user.has_usable_password():
        raise Http404(_("This resident has already set a password."))
    link = request.build_absolute_uri(first_login_path(profile.user))
    return render(
        request,
        "participation/assisted_sheet.html",
        {
            "profile": profile,
            "link": link,
            "qr": qr_svg(link, scale=5),
            "back_url": reverse("residents:index"),
        },
    )
