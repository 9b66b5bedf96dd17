"""Certificates: a resident asks for one (free), prints it; anyone checks a number."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site

from participation.volunteering import certificates, permissions
from participation.volunteering.models import Certificate
from portal.page_cache import cache_anonymous
from portal.qr import qr_svg


@login_required
@require_POST
def certificate_new(request):
    if not permissions.can_request_certificate(request.user):
        raise PermissionDenied(_("Certificates are issued to verified residents."))
    try:
        certificate = certificates.issue(request.user, site=Site.find_for_request(request))
    except certificates.CertificateRefused as refused:
        messages.error(request, str(refused))
        return redirect("participation:me")
    return redirect("participation:certificate-detail", number=certificate.number)


@login_required
@never_cache
@require_GET
def certificate_detail(request, number):
    """The printable certificate, for its holder and the committee."""
    certificate = get_object_or_404(Certificate.objects.select_related("account"), number=number)
    if not permissions.can_view_certificate(request.user, certificate):
        raise PermissionDenied(_("Only the volunteer and the committee can open this certificate."))
    check_url = request.build_absolute_uri(
        reverse("participation:certificate-check", args=[certificate.number])
    )
    return TemplateResponse(
        request,
        "participation/certificate.html",
        {
            "certificate": certificate,
            "service_lines": certificate.service.splitlines(),
            "check_url": check_url,
            "check_qr": qr_svg(check_url, scale=4, border=2),
        },
    )


@require_GET
@cache_anonymous()
def certificate_check(request, number):
    """Public check of a certificate: its number, date and hours — nothing personal."""
    certificate = Certificate.objects.filter(number=number[:24]).first()
    return TemplateResponse(
        request,
        "participation/certificate_check.html",
        {"certificate": certificate, "number": number[:24]},
        status=200 if certificate else 404,
    )
