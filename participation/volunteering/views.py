"""Public volunteering pages: opportunities, one opportunity with its shifts (sign up,
cancel, claim an offered seat, .ics), the leaders' roster and the QR check-in.

The list and the opportunity page are the same for every anonymous visitor and follow
the page cache (30 s: seats left are live figures); their forms are rendered only for
logged-in people, so an anonymous GET sets no cookie.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from taggit.models import Tag

from participation.formtools import parse_id
from participation.volunteering import attendance, ical, permissions, signups
from participation.volunteering.choices import Attendance, SignUpStatus
from participation.volunteering.forms import RosterForm
from participation.volunteering.models import Opportunity, Shift, SignUp, VolunteerTeam
from participation.volunteering.signups import SignUpRefused
from portal.page_cache import LIVE_SECONDS, cache_anonymous

PAST_SHIFTS_SHOWN = 5


def _filters(request):
    """The list's filters from the query string; unknown values are 404, as elsewhere."""
    active = {"team": None, "skill": None, "date": None}
    if team := request.GET.get("team"):
        pk = parse_id(team)
        if pk is None or not (found := VolunteerTeam.objects.filter(pk=pk).first()):
            raise Http404(_("There is no such team."))
        active["team"] = found
    if skill := request.GET.get("skill"):
        if not (found := Tag.objects.filter(slug=skill[:100]).first()):
            raise Http404(_("There is no such skill."))
        active["skill"] = found
    if day := request.GET.get("date"):
        try:
            active["date"] = parse_date(day[:10])
        except ValueError:
            active["date"] = None
        if active["date"] is None:
            raise Http404(_("Give the date as YYYY-MM-DD."))
    return active


@require_GET
@cache_anonymous(params=("team", "skill", "date"), seconds=LIVE_SECONDS)
def opportunity_list(request):
    """/volunteer/: opportunities with upcoming shifts, open seats first, then soonest."""
    now = timezone.now()
    active = _filters(request)
    shifts = Shift.objects.upcoming(now).order_by("starts_at", "pk")
    if active["date"]:
        shifts = shifts.filter(starts_at__date=active["date"])
    opportunities = Opportunity.objects.published().filter(pk__in=shifts.values("opportunity_id"))
    if active["team"]:
        opportunities = opportunities.filter(team=active["team"])
    if active["skill"]:
        opportunities = opportunities.filter(skills=active["skill"])
    items = list(
        opportunities.select_related("team").prefetch_related("skills", _prefetch_shifts(shifts))
    )
    for item in items:
        item.seats_left = sum(s.seats_left for s in item.upcoming_shifts)
        item.next_shift = item.upcoming_shifts[0] if item.upcoming_shifts else None
    items.sort(key=lambda o: (o.seats_left == 0, o.next_shift.starts_at, o.pk))
    return TemplateResponse(
        request,
        "participation/opportunity_list.html",
        {
            "opportunities": items,
            "teams": VolunteerTeam.objects.all(),
            "skills": Tag.objects.filter(
                pk__in=Opportunity.objects.published().values("skills__id")
            ).order_by("name"),
            "active": active,
        },
    )


def _prefetch_shifts(shifts):
    from django.db.models import Prefetch

    return Prefetch("shifts", queryset=shifts, to_attr="upcoming_shifts")


def _opportunity(pk):
    return get_object_or_404(Opportunity.objects.published().select_related("team", "image"), pk=pk)


def _shift_rows(request, opportunity, now):
    """Each shift with the visitor's own sign-up, waitlist position and what they may do."""
    shifts = list(
        opportunity.shifts.filter(ends_at__gt=now - datetime.timedelta(days=30)).order_by(
            "starts_at", "pk"
        )
    )
    upcoming = [s for s in shifts if s.ends_at > now]
    past = [s for s in shifts if s.ends_at <= now][-PAST_SHIFTS_SHOWN:]
    mine = {}
    if request.user.is_authenticated:
        mine = {
            s.shift_id: s
            for s in signups.with_waitlist_positions(
                SignUp.objects.filter(user=request.user, shift__in=shifts).exclude(
                    status=SignUpStatus.CANCELLED
                )
            )
        }
    confirmed = [shift for shift in upcoming + past if _confirmed(mine.get(shift.pk))]
    overlaps = signups.overlaps_by_shift(request.user, confirmed)
    rows = []
    for shift in upcoming + past:
        signup = mine.get(shift.pk)
        if signup is not None:
            signup.shift = shift
        rows.append(
            {
                "shift": shift,
                "signup": signup,
                "position": signup.position if signup else None,
                "can_sign_up": signup is None and permissions.can_sign_up(request.user, shift, now),
                "can_cancel": signup is not None
                and permissions.can_cancel(request.user, signup, now),
                "overlaps": overlaps.get(shift.pk, []),
                "refusal": signups.signup_refusal(request.user, shift, now)
                if request.user.is_authenticated and signup is None
                else None,
                "past": shift.ends_at <= now,
                "can_manage": request.user.is_authenticated
                and permissions.can_manage_shift(request.user, shift),
            }
        )
    return rows


def _confirmed(signup):
    return signup is not None and signup.status == SignUpStatus.CONFIRMED


def _detail(request, opportunity, status=200, error=None, error_shift=None):
    now = timezone.now()
    return TemplateResponse(
        request,
        "participation/opportunity_detail.html",
        {
            "opportunity": opportunity,
            "rows": _shift_rows(request, opportunity, now),
            "skills": list(opportunity.skills.all()),
            "error": error,
            "error_shift": error_shift,
        },
        status=status,
    )


@require_GET
@cache_anonymous(seconds=LIVE_SECONDS)
def opportunity_detail(request, pk):
    """/volunteer/<id>/: the shifts with seats left, sign up, cancel, waitlist, .ics."""
    return _detail(request, _opportunity(pk))


def _published_shift(pk):
    return get_object_or_404(
        Shift.objects.select_related("opportunity__team").filter(opportunity__published=True),
        pk=pk,
    )


def _back(shift):
    return redirect(
        reverse("participation:opportunity-detail", args=[shift.opportunity_id])
        + f"#shift-{shift.pk}"
    )


@login_required
@require_POST
def shift_sign_up(request, pk):
    shift = _published_shift(pk)
    try:
        signup, created = signups.sign_up(shift, request.user)
    except SignUpRefused as refused:
        return _detail(request, shift.opportunity, refused.status, str(refused), shift.pk)
    if signup.status == SignUpStatus.CONFIRMED:
        messages.success(request, _("You are signed up. Thank you!"))
        for other in signups.overlapping_signups(request.user, shift):
            messages.warning(
                request,
                _("Note: this overlaps your shift “%(title)s” at %(when)s.")
                % {
                    "title": other.shift.opportunity.title,
                    "when": signups._when(other.shift.starts_at),
                },
            )
    else:
        messages.info(
            request,
            _(
                "All seats are taken: you are number %(position)s on the waiting list. "
                "If a seat comes free you move up automatically and get an e-mail."
            )
            % {"position": signups.waitlist_position(signup)},
        )
    return _back(shift)


def _own_signup(request, pk):
    signup = get_object_or_404(SignUp.objects.select_related("shift__opportunity"), pk=pk)
    if signup.user_id != request.user.pk:
        raise Http404
    return signup


def _change_own_signup(request, pk, change, done):
    """``change`` the user's own sign-up: refused, the opportunity page with the reason
    at that shift; done, the message ``done`` and back to the shift."""
    signup = _own_signup(request, pk)
    try:
        change(signup)
    except SignUpRefused as refused:
        return _detail(
            request, signup.shift.opportunity, refused.status, str(refused), signup.shift_id
        )
    messages.success(request, done)
    return _back(signup.shift)


@login_required
@require_POST
def signup_cancel(request, pk):
    return _change_own_signup(
        request,
        pk,
        lambda signup: signups.cancel(signup, by=request.user),
        _("Your sign-up is cancelled."),
    )


@login_required
@require_POST
def signup_claim(request, pk):
    return _change_own_signup(
        request,
        pk,
        lambda signup: signups.claim_offer(signup, request.user),
        _("The seat is yours. See you there!"),
    )


@require_GET
@cache_anonymous(seconds=LIVE_SECONDS)
def shift_ical(request, pk):
    """One shift as an iCalendar event, to add to a phone's calendar."""
    shift = _published_shift(pk)
    url = request.build_absolute_uri(
        reverse("participation:opportunity-detail", args=[shift.opportunity_id])
    )
    response = HttpResponse(
        ical.shift_calendar(shift, url, request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="shift-{shift.pk}.ics"'
    return response


def _roster(request, shift, status=200, error=None):
    rows = list(
        shift.signups.exclude(status=SignUpStatus.CANCELLED, attendance="")
        .select_related("user__resident__unit__building")
        .order_by("pk")
    )
    url = request.build_absolute_uri(
        reverse("participation:shift-check-in", args=[shift.pk, attendance.check_in_token(shift)])
    )
    from portal.qr import qr_svg

    return TemplateResponse(
        request,
        "participation/shift_roster.html",
        {
            "shift": shift,
            "rows": rows,
            "show_phones": permissions.can_see_phones(request.user, shift.opportunity.team),
            "started": timezone.now() >= shift.starts_at,
            "check_in_url": url,
            "check_in_qr": qr_svg(url, scale=4, border=2),
            "error": error,
        },
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def shift_roster(request, pk):
    """The leader's roster: who comes, mark attended / did not come, the check-in QR."""
    shift = _published_shift(pk)
    if not permissions.can_manage_shift(request.user, shift):
        raise PermissionDenied(_("Only the team's leaders and the committee see the roster."))
    if request.method == "GET":
        return _roster(request, shift)
    form = RosterForm(shift, request.POST)
    if not form.is_valid():
        return _roster(
            request, shift, 400, _("Choose a volunteer on this shift and what to record.")
        )
    signup, action = form.cleaned_data["signup"], form.cleaned_data["action"]
    try:
        if action == "cancel":
            signups.cancel(signup, by=request.user, staff=True)
            messages.success(request, _("The sign-up is cancelled; the next person moves up."))
        else:
            attendance.mark(signup, action, request.user)
            messages.success(request, _("Attendance saved."))
    except SignUpRefused as refused:
        return _roster(request, shift, refused.status, str(refused))
    return redirect("participation:shift-roster", pk=shift.pk)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def shift_check_in(request, pk, token):
    """The address behind the leader's QR code: a volunteer confirms they are here."""
    shift = _published_shift(pk)
    if not attendance.valid_token(shift, token):
        raise Http404(_("This check-in code is not valid."))
    context = {"shift": shift, "token": token, "signup": None, "error": None}
    status = 200
    if request.method == "POST":
        try:
            context["signup"] = attendance.check_in(shift, request.user)
        except SignUpRefused as refused:
            context["error"], status = str(refused), refused.status
    else:
        context["signup"] = SignUp.objects.filter(
            shift=shift, user=request.user, attendance=Attendance.CHECKED_IN
        ).first()
    return TemplateResponse(request, "participation/shift_check_in.html", context, status=status)
