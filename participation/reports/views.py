"""Public report pages: the board, a report, reporting one, rating the fix, a photo,
and the month's 幸福账单 with its notice-board poster.

The board, a public report and the bill are cached for anonymous visitors and set no
cookie (``portal/page_cache.py``); the form, rating and a private report are shown to
logged-in people only. A private report answers 404 to anyone who may not see it (its
existence is not revealed), and so do its photos, which never have a public URL.
"""

import datetime
import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation.formtools import autofocus_first_error, building_param, choice_param
from participation.households.models import Building
from participation.reports import bill, queries
from participation.reports.choices import STATUSES, Category, PhotoRole
from participation.reports.forms import RatingForm, ReportForm
from participation.reports.loop import StepRefused, create_report, rate
from participation.reports.models import Report, ReportPhoto, ReportSettings
from participation.reports.permissions import (
    can_rate,
    can_view,
    report_rate_refusal,
    report_refusal,
)
from portal.page_cache import LIVE_SECONDS, cache_anonymous
from portal.paging import page_or_404
from portal.qr import qr_svg

PER_PAGE = 20
BOARD_PARAMS = ("status", "category", "building", "page")
FIRST_YEAR = 2000


@cache_anonymous(params=BOARD_PARAMS, seconds=LIVE_SECONDS)
def report_board(request):
    """/reports/: public reports, open and recently closed; filters and pages."""
    status = choice_param(
        request, "status", [s.value for s in STATUSES], _("There is no such status.")
    )
    category = choice_param(request, "category", Category.values, _("There is no such category."))
    building = building_param(request)
    now = timezone.now()
    items = page_or_404(
        queries.board(now, status, category, building),
        PER_PAGE,
        request.GET.get("page"),
        _("There is no such page of reports."),
    )
    filters = [("status", status), ("category", category), ("building", building and building.pk)]
    local = timezone.localtime(now)
    return TemplateResponse(
        request,
        "participation/report_board.html",
        {
            "items": items,
            "status": status,
            "category": category,
            "building": building,
            "statuses": [(s.value, s.label) for s in STATUSES],
            "categories": Category.choices,
            "buildings": Building.objects.order_by("sort_order", "name"),
            "query": urlencode([(k, v) for k, v in filters if v]),
            "this_month": (local.year, local.month),
        },
    )


def _report(request, pk):
    report = get_object_or_404(
        Report.objects.with_status().select_related("building", "reporter_building", "proposal"),
        pk=pk,
    )
    if not can_view(request.user, report):
        raise Http404(_("There is no such report."))
    return report


def _detail(request, report, status=200, rating_form=None, error=None):
    photos = list(report.photos.all())
    return TemplateResponse(
        request,
        "participation/report_detail.html",
        {
            "report": report,
            "photos": [p for p in photos if p.role == PhotoRole.REPORT],
            "fix_photos": [p for p in photos if p.role == PhotoRole.FIX],
            "steps": list(report.steps.all()),
            "can_rate": can_rate(request.user, report),
            "rating_form": rating_form or RatingForm(),
            "error": error,
        },
        status=status,
    )


@cache_anonymous(seconds=LIVE_SECONDS)
def report_detail(request, pk):
    """/reports/<id>/: the report, its trail, photos and rating."""
    return _detail(request, _report(request, pk))


@login_required
def report_new(request):
    """/reports/new/: verified residents report a problem (a few a day at most)."""
    refusal, status = report_refusal(request.user), 403
    if refusal is None and request.method == "POST":
        per_day = ReportSettings.current().reports_per_day
        refusal, status = report_rate_refusal(request.user, per_day), 429
    if refusal:
        return TemplateResponse(
            request, "participation/report_form.html", {"refusal": refusal}, status=status
        )
    form = ReportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            report = create_report(request.user, form.cleaned_data, form.photos())
            messages.success(
                request, _("Thank you. Your report is received; you are told at each step.")
            )
            return redirect(report)
        status = 400
        autofocus_first_error(form)
    return TemplateResponse(
        request, "participation/report_form.html", {"form": form}, status=status
    )


@login_required
@require_POST
def report_rate(request, pk):
    """The reporter rates the fix: 满意 / 基本满意 / 不满意 (reopens once)."""
    report = _report(request, pk)
    form = RatingForm(request.POST)
    if not can_rate(request.user, report):
        return _detail(
            request, report, 403, form, _("Only the resident who reported it can rate the fix.")
        )
    if not form.is_valid():
        return _detail(request, report, 400, form)
    try:
        rate(report, request.user, form.cleaned_data["rating"], form.cleaned_data["reason"])
    except StepRefused as refused:
        return _detail(request, _report(request, pk), refused.status, form, str(refused))
    messages.success(request, _("Thank you for your rating."))
    return redirect(f"{report.get_absolute_url()}#trail")


def report_photo(request, pk):
    """A report's photo, only to whoever may see the report (never a public media URL)."""
    photo = get_object_or_404(ReportPhoto.objects.select_related("report"), pk=pk)
    if not can_view(request.user, photo.report):
        raise Http404(_("There is no such photo."))
    try:
        handle = photo.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("There is no such photo.")) from exc
    content_type = mimetypes.guess_type(photo.file.name)[0] or "image/jpeg"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _month(year, month):
    now = timezone.localtime()
    if not (1 <= month <= 12 and FIRST_YEAR <= year <= now.year + 1):
        raise Http404(_("There is no such month."))
    return bill.month_bounds(year, month, timezone.get_current_timezone())


def _bill_context(year, month):
    start, end = _month(year, month)
    figures = bill.month_figures(queries.bill_rows(start, end))
    previous = start - datetime.timedelta(days=1)
    return {
        "year": year,
        "month": month,
        "figures": figures,
        "median_accept": bill.duration_text(figures.median_accept),
        "median_close": bill.duration_text(figures.median_close),
        "in_time_percent": bill.percent(figures.in_time),
        "satisfaction_percent": bill.percent(figures.satisfaction),
        "closed_percent": bill.percent(
            bill.Fraction(figures.closed, figures.received) if figures.received else None
        ),
        "categories": [
            {"label": Category(c).label, "received": r, "closed": d}
            for c, r, d in figures.by_category
        ],
        "previous": (previous.year, previous.month) if previous.year >= FIRST_YEAR else None,
        "next": (end.year, end.month) if end <= timezone.now() else None,
    }


def bill_current(request):
    """/reports/bill/: this month's bill."""
    now = timezone.localtime()
    return redirect("participation:report-bill", year=now.year, month=now.month)


@cache_anonymous(seconds=LIVE_SECONDS)
def report_bill(request, year, month):
    """/reports/bill/<yyyy>/<mm>/: the month's 幸福账单."""
    return TemplateResponse(request, "participation/report_bill.html", _bill_context(year, month))


@cache_anonymous()
def report_bill_poster(request, year, month):
    """The bill on one A4 sheet for the notice board, with a QR code back to the page."""
    context = _bill_context(year, month)
    url = request.build_absolute_uri(reverse("participation:report-bill", args=[year, month]))
    context["page_url"] = url
    context["qr"] = qr_svg(url)
    return TemplateResponse(request, "participation/report_bill_poster.html", context)
