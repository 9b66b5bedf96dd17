"""Public consultation pages: the list and board, a proposal, raising one, and the
resident's actions (support, comment, edit, report, ask for review).

GET pages are cached for anonymous visitors (support counts are live: 30 s) and set
no cookie; every form is shown to logged-in people only. A refused action answers
with the proposal page, the reason and a 4xx status, and writes nothing.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.images import get_image_model
from wagtail.models import Collection

from participation.consultations import queries
from participation.consultations.cards import as_cards
from participation.consultations.choices import (
    Category,
    CommentState,
    ImageRole,
    Kind,
    Sort,
    Status,
)
from participation.consultations.forms import CommentForm, ProposalForm, ReportForm
from participation.consultations.models import (
    Comment,
    ConsultationSettings,
    Proposal,
    ProposalImage,
    ProposalStep,
    Support,
)
from participation.consultations.moderation import (
    CommentRefused,
    edit_comment,
    post_comment,
    report_comment,
    request_review,
)
from participation.consultations.permissions import (
    can_edit_comment,
    can_report_comment,
    comment_refusal,
    propose_rate_refusal,
    propose_refusal,
    support_refusal,
)
from participation.consultations.supports import SupportRefused, add_support, support_key
from participation.formtools import autofocus_first_error, building_param, choice_param
from participation.households.models import Building
from participation.trail import ActorRole
from participation.votes.results import VERDICT_LABELS, vote_result, winner_label
from portal.page_cache import LIVE_SECONDS, cache_anonymous, remember
from portal.paging import page_or_404

PER_PAGE = 20
COMMENTS_PER_PAGE = 50
# What a comment shows (and who may change or report it): not its author's whole account.
COMMENT_FIELDS = (
    "proposal",
    "author__username",
    "author__resident__display_name",
    "body",
    "created_at",
    "edited_at",
    "state",
    "hidden_at",
    "hidden_reason",
    "review_requested_at",
)
LIST_PARAMS = ("status", "category", "building", "sort", "page", "view")


@cache_anonymous(params=LIST_PARAMS, seconds=LIVE_SECONDS)
def proposal_list(request):
    """/consultations/: filter by status, category and building, sort, page; ?view=board."""
    status = choice_param(request, "status", Status.values, _("There is no such status."))
    category = choice_param(request, "category", Category.values, _("There is no such category."))
    sort = choice_param(request, "sort", Sort.values, _("There is no such order.")) or Sort.NEWEST
    view = choice_param(request, "view", ("list", "board"), _("There is no such view.")) or "list"
    building = building_param(request)
    proposals = queries.filtered(queries.listing(), status, category, building)
    filters = [
        ("status", status),
        ("category", category),
        ("building", building.pk if building else ""),
        ("sort", sort if sort != Sort.NEWEST else ""),
        ("view", view if view != "list" else ""),
    ]
    context = {
        "status": status,
        "category": category,
        "sort": sort,
        "view": view,
        "building": building,
        "statuses": Status.choices,
        "categories": Category.choices,
        "sorts": Sort.choices,
        "buildings": Building.objects.order_by("sort_order", "name"),
        "rules": ConsultationSettings.load(),
        "query": urlencode([(k, v) for k, v in filters if v]),
    }
    if view == "board":
        # The board is the same for every visitor in a language: remembered per process
        # and cache generation (every support, comment, step and proposal starts a new
        # one), as the events month is; see README, "Without the cache".
        where = building.pk if building else ""
        key = f"consultation-board-{status}-{category}-{where}-{get_language()}"
        context["columns"] = remember(key, lambda: _board(proposals))
    else:
        items = page_or_404(
            queries.ordered(proposals, sort),
            PER_PAGE,
            request.GET.get("page"),
            _("There is no such page of proposals."),
        )
        items.object_list = as_cards(queries.with_buildings(items.object_list))
        context["items"] = items
    return TemplateResponse(request, "participation/proposal_list.html", context)


def _board(proposals):
    columns = queries.board(proposals)
    as_cards(proposal for _, column in columns for proposal in column)
    return columns


def _proposal(pk):
    return get_object_or_404(
        Proposal.objects.with_status().select_related(
            "author__resident", "escalated_to", "source_report"
        ),
        pk=pk,
    )


def _comments(proposal, user):
    """Visible and hidden comments (hidden ones as a line), and the person's own waiting ones."""
    shown = (
        Comment.objects.filter(proposal=proposal)
        .select_related("author__resident")
        .only(*COMMENT_FIELDS)
    )
    waiting = Q(state=CommentState.PENDING)
    if getattr(user, "is_authenticated", False):
        return shown.exclude(waiting & ~Q(author=user))
    return shown.exclude(waiting)


def _comment_page(request, proposal, user):
    """The page of comments asked for (``?page=``, ``COMMENTS_PER_PAGE`` a page, oldest
    first); a page that does not exist is a 404. Re-rendering after a refused POST shows
    the first page."""
    number = request.GET.get("page") if request.method == "GET" else None
    return page_or_404(
        _comments(proposal, user),
        COMMENTS_PER_PAGE,
        number,
        _("There is no such page of comments."),
    )


def _comment_url(comment, user):
    """Where a comment is shown to ``user``: its page of the proposal and its anchor."""
    before = (
        _comments(comment.proposal, user)
        .filter(
            Q(created_at__lt=comment.created_at)
            | Q(created_at=comment.created_at, pk__lt=comment.pk)
        )
        .count()
    )
    number = before // COMMENTS_PER_PAGE + 1
    query = f"?page={number}" if number > 1 else ""
    return f"{comment.proposal.get_absolute_url()}{query}#comment-{comment.pk}"


def _detail(request, proposal, status=200, error=None, comment_form=None):
    user = request.user
    rules = ConsultationSettings.load()
    logged_in = user.is_authenticated
    supported = (
        logged_in
        and Support.objects.filter(
            proposal=proposal, key=support_key(user, rules.one_support_per_household)
        ).exists()
    )
    comments = _comment_page(request, proposal, user)
    for comment in comments:
        comment.editable = can_edit_comment(user, comment)
        comment.reportable = can_report_comment(user, comment)
    images = list(proposal.images.select_related("image"))
    return TemplateResponse(
        request,
        "participation/proposal_detail.html",
        {
            "proposal": proposal,
            "images": [i for i in images if i.role == ImageRole.PROPOSAL],
            "result_images": [i for i in images if i.role == ImageRole.RESULT],
            "steps": list(proposal.steps.all()),
            "comments": comments,
            "rules": rules,
            "supported": supported,
            "support_refusal": support_refusal(user, proposal) if logged_in else None,
            "comment_refusal": comment_refusal(user, proposal) if logged_in else None,
            "comment_form": comment_form or CommentForm(),
            "report_form": ReportForm(),
            "error": error,
            "vote": proposal.escalated_to,
            "vote_outcome": _vote_outcome(proposal.escalated_to),
        },
        status=status,
    )


def _vote_outcome(vote):
    """After its close, the plan vote's verdict (and passed option) for the proposal page."""
    if vote is None or not vote.published or not vote.is_closed or vote.frozen_at is None:
        return None
    result = vote_result(vote)
    return {"verdict": VERDICT_LABELS[result.verdict], "option": winner_label(result)}


@cache_anonymous(params=("page",), seconds=LIVE_SECONDS)
def proposal_detail(request, pk):
    """/consultations/<id>/: the proposal, its status and trail, the answer, comments
    (``COMMENTS_PER_PAGE`` a page, ``?page=``)."""
    return _detail(request, _proposal(pk))


@login_required
def proposal_new(request):
    """/consultations/new/: verified residents raise a proposal (3 a day at most)."""
    refusal, status = propose_refusal(request.user), 403
    if refusal is None and request.method == "POST":
        refusal, status = propose_rate_refusal(request.user), 429
    if refusal:
        return TemplateResponse(
            request, "participation/proposal_form.html", {"refusal": refusal}, status=status
        )
    form = ProposalForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            proposal = _create(request.user, form)
            messages.success(
                request, _("Thank you. Your proposal is published and collects supports.")
            )
            return redirect(proposal)
        status = 400
        autofocus_first_error(form)
    return TemplateResponse(
        request, "participation/proposal_form.html", {"form": form}, status=status
    )


def _create(user, form):
    """The proposal, its first step and its pictures, all or nothing."""
    rules = ConsultationSettings.load()
    now = timezone.now()
    with transaction.atomic():
        proposal = form.save(commit=False)
        proposal.author = user
        proposal.kind = Kind.RESIDENT
        proposal.created_at = now
        proposal.supports_close_at = now + datetime.timedelta(days=rules.support_days)
        proposal.save()
        form.save_m2m()
        ProposalStep.objects.create(
            proposal=proposal,
            status=Status.SUBMITTED,
            role=ActorRole.RESIDENT,
            actor=user,
            created_at=now,
            note=_("Raised by a resident; collecting supports."),
        )
        collection = Collection.get_first_root_node()
        for order, upload in enumerate(form.images()):
            image = get_image_model().objects.create(
                title=f"{proposal.title} ({order + 1})",
                file=upload,
                collection=collection,
                uploaded_by_user=user,
            )
            ProposalImage.objects.create(proposal=proposal, image=image, sort_order=order)
    return proposal


@login_required
@require_POST
def proposal_support(request, pk):
    proposal = _proposal(pk)
    try:
        add_support(proposal, request.user)
    except SupportRefused as refused:
        status = 403 if support_refusal(request.user, proposal) else 409
        return _detail(request, _proposal(pk), status=status, error=str(refused))
    messages.success(request, _("Thank you for your support."))
    return redirect(f"{proposal.get_absolute_url()}#support")


@login_required
@require_POST
def comment_create(request, pk):
    proposal = _proposal(pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _detail(request, proposal, status=400, comment_form=form)
    try:
        comment = post_comment(proposal, request.user, form.cleaned_data["body"])
    except CommentRefused as refused:
        return _detail(
            request, proposal, status=refused.status, error=str(refused), comment_form=form
        )
    if comment.state == CommentState.PENDING:
        messages.info(
            request,
            _("Thank you. Your first comment appears once the committee has approved it."),
        )
    else:
        messages.success(request, _("Your comment is published."))
    return redirect(_comment_url(comment, request.user))


def _comment(pk):
    return get_object_or_404(Comment.objects.select_related("proposal"), pk=pk)


@login_required
def comment_edit(request, pk):
    """Its author may change a comment for 15 minutes."""
    comment = _comment(pk)
    if not can_edit_comment(request.user, comment):
        return _detail(
            request,
            _proposal(comment.proposal_id),
            status=403,
            error=_("A comment can be changed by its author for 15 minutes."),
        )
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                edit_comment(comment, request.user, form.cleaned_data["body"])
            except CommentRefused as refused:
                return _detail(request, _proposal(comment.proposal_id), 403, str(refused))
            messages.success(request, _("Your comment is changed."))
            return redirect(_comment_url(comment, request.user))
        status = 400
    return TemplateResponse(
        request,
        "participation/comment_form.html",
        {"form": form, "comment": comment, "proposal": comment.proposal},
        status=status,
    )


@login_required
@require_POST
def comment_report(request, pk):
    comment = _comment(pk)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _detail(
            request,
            _proposal(comment.proposal_id),
            400,
            _("The reason can have at most 200 characters."),
        )
    try:
        report_comment(comment, request.user, form.cleaned_data["reason"])
    except CommentRefused as refused:
        return _detail(request, _proposal(comment.proposal_id), 403, str(refused))
    messages.success(request, _("Thank you. The committee will look at this comment."))
    return redirect(_comment_url(comment, request.user))


@login_required
@require_POST
def comment_review(request, pk):
    comment = _comment(pk)
    try:
        request_review(comment, request.user)
    except CommentRefused as refused:
        return _detail(request, _proposal(comment.proposal_id), 403, str(refused))
    messages.success(request, _("The committee will review your comment."))
    return redirect(_comment_url(comment, request.user))
