"""Public plan-vote pages: list, plan and ballot, receipt check, results."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from participation.permissions import resident_profile
from participation.votes.ballots import BallotRefused, cast_online, find_by_receipt
from participation.votes.choices import Electorate
from participation.votes.forms import BallotForm, ReceiptForm
from participation.votes.household import cast_marks, household_rule
from participation.votes.models import Ballot, PlanVote, VoteStatus
from participation.votes.permissions import standing
from participation.votes.results import (
    participation_summary,
    participation_totals,
    result_rows,
    vote_result,
    winner_label,
)
from portal.page_cache import LIVE_SECONDS, cache_anonymous

CLOSED_SHOWN = 20


@cache_anonymous(seconds=LIVE_SECONDS)
def vote_list(request):
    """/votes/: open, upcoming and recently closed votes, in one query; for a logged-in
    person, which of them they or their household have cast a ballot in (a fixed few
    more). Anonymous copies come from the page cache and carry no marks."""
    now = timezone.now()
    votes = PlanVote.objects.published().annotate(ballot_count=Count("ballots"))
    groups = {VoteStatus.OPEN: [], VoteStatus.UPCOMING: [], VoteStatus.CLOSED: []}
    for vote in votes.order_by("closes_at"):
        groups[vote.status(now)].append(vote)
    marks = cast_marks(request.user) if request.user.is_authenticated else {}
    for group in groups.values():
        for vote in group:
            vote.cast_mark = marks.get(vote.pk)
    return TemplateResponse(
        request,
        "participation/vote_list.html",
        {
            "open_votes": groups[VoteStatus.OPEN],
            "upcoming_votes": groups[VoteStatus.UPCOMING],
            "closed_votes": list(reversed(groups[VoteStatus.CLOSED]))[:CLOSED_SHOWN],
        },
    )


def _published_vote(pk):
    """The vote, read only: pages never open a vote (see ``lifecycle``)."""
    return get_object_or_404(PlanVote.objects.published(), pk=pk)


def _household_rule(request, vote):
    """The households' rule in words, naming the viewer's unit when they have one."""
    if vote.electorate != Electorate.HOUSEHOLDS:
        return None
    profile = resident_profile(request.user)
    unit = str(profile.unit) if profile is not None and profile.is_verified else None
    return household_rule(unit)


def _detail(request, vote, form, status=200, confirm_option=None, error=None):
    return TemplateResponse(
        request,
        "participation/vote_detail.html",
        {
            "vote": vote,
            "options": vote.options.select_related("image"),
            "standing": standing(request.user, vote),
            "form": form,
            "confirm_option": confirm_option,
            "error": error,
            "participation": participation_summary(vote),
            "household_rule": _household_rule(request, vote),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@cache_anonymous(seconds=LIVE_SECONDS)
def vote_detail(request, pk):
    """/votes/<id>/: the plan, its options, why you can or cannot vote, and the ballot.

    Casting takes two POSTs: the choice, then a confirmation (``confirm=1``). A refused
    ballot answers 403 (no standing) or 409 (a ballot for this voter is already recorded,
    naming its channel and time) with the reason. Every answer in this flow has a length
    that does not depend on the option chosen (the access log records lengths): the
    confirmation lists every option and marks the chosen one with a fixed-size marker.
    """
    vote = _published_vote(pk)
    if request.method == "GET":
        return _detail(request, vote, BallotForm(vote))
    voter = standing(request.user, vote)
    if not voter.can_vote:
        status = 409 if voter.already_recorded else 403
        return _detail(request, vote, BallotForm(vote), status=status, error=voter.reason)
    form = BallotForm(vote, request.POST)
    if not form.is_valid():
        return _detail(request, vote, form, status=400)
    option = form.cleaned_data["option"]
    if request.POST.get("confirm") != "1":
        return _detail(request, vote, form, confirm_option=option)
    try:
        ballot, code = cast_online(vote, voter.entry, request.user, option)
    except BallotRefused as refused:
        return _detail(request, vote, BallotForm(vote), status=409, error=str(refused))
    request.session[_receipt_key(vote)] = code
    return redirect("participation:vote-cast", pk=vote.pk)


def _receipt_key(vote):
    return f"vote-receipt-{vote.pk}"


@login_required
@never_cache
def vote_cast(request, pk):
    """/votes/<id>/cast/: 投票成功 — the receipt code, shown once (it is kept in the
    session only until this page is read; /me/ lists it afterwards), and the way back
    to the vote and to /me/."""
    vote = _published_vote(pk)
    ballot = Ballot.objects.filter(vote=vote, cast_by=request.user).first()
    if ballot is None:
        return redirect("participation:vote-detail", pk=vote.pk)
    code = request.session.pop(_receipt_key(vote), None)
    return TemplateResponse(
        request,
        "participation/vote_cast.html",
        {"vote": vote, "ballot": ballot, "code": code if code == ballot.receipt else None},
    )


def vote_receipt(request, pk):
    """/votes/<id>/receipt/: check that a receipt is in the count."""
    vote = _published_vote(pk)
    form = ReceiptForm(request.GET if "code" in request.GET else None)
    context = {"vote": vote, "form": form, "ballot": None, "checked": False}
    status = 200
    if form.is_bound:
        if form.is_valid():
            context["checked"] = True
            context["ballot"] = find_by_receipt(vote, form.cleaned_data["code"])
            context["is_new"] = request.GET.get("new") == "1"
            status = 200 if context["ballot"] else 404
        else:
            status = 400
    return TemplateResponse(request, "participation/vote_receipt.html", context, status=status)


@cache_anonymous(seconds=LIVE_SECONDS)
def vote_results(request, pk):
    """/votes/<id>/results/: after close, per option, participation, verdict."""
    vote = _published_vote(pk)
    result = vote_result(vote) if vote.is_closed and vote.frozen_at else None
    return TemplateResponse(
        request,
        "participation/vote_results.html",
        {
            "vote": vote,
            "result": result,
            "rows": result_rows(result) if result else [],
            "winner_label": winner_label(result),
            "participation": participation_summary(vote),
        },
    )


@cache_anonymous(seconds=LIVE_SECONDS)
def vote_results_json(request, pk):
    """/votes/<id>/results.json: the same numbers for machines; options only after close."""
    vote = _published_vote(pk)
    taking_part = participation_totals(vote)
    payload = {
        "id": vote.pk,
        "title": vote.title,
        "status": vote.status(),
        "electorate": vote.electorate,
        "matter": str(vote.matter),
        "article_278_item": vote.art278_item,
        "electorate_totals": {"heads": vote.roll_heads, "area_m2": str(vote.roll_area)},
        "participating": {"heads": taking_part.heads, "area_m2": str(taking_part.area)},
        "results": None,
    }
    if vote.is_closed and vote.frozen_at:
        result = vote_result(vote)
        payload["results"] = {
            "quorum_met": result.quorum_met,
            "verdict": str(result.verdict),
            "winning_option": result.winning_option,
            "reasons": list(result.reasons),
            "options": [
                {
                    "key": o.key,
                    "label": o.label,
                    "heads": o.heads,
                    "area_m2": str(o.area),
                    "share_of_heads": str(o.share_of_heads),
                    "share_of_area": str(o.share_of_area),
                    "approved": o.approved,
                }
                for o in result.options
            ],
        }
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
