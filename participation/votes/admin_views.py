"""Committee views for one plan vote inside the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from participation.formtools import parse_id
from participation.households.models import Building
from participation.logs import BALLOT_VOIDED, ROLE_ADDED, ROLE_REMOVED
from participation.votes import exports
from participation.votes.ballots import (
    BallotRefused,
    clean_reason,
    describe_recorded,
    enter_paper_ballot,
    void_paper_ballot,
    void_refusal,
)
from participation.votes.forms import PaperBallotForm
from participation.votes.lifecycle import close_now, open_now
from participation.votes.models import (
    Ballot,
    BallotAccessLog,
    PlanVote,
    RollEntry,
    VoidedBallot,
    VoteStatus,
)
from participation.votes.ordering import natural_key
from participation.votes.permissions import can_manage_votes, can_view_ballot_choices
from participation.votes.results import (
    VERDICT_LABELS,
    participation_summary,
    result_rows,
    vote_result,
    winner_label,
)

ROLL_PAGE_SIZE = 100


PAPER_LIST_SIZE = 1000


AUDIT_TRAIL_SIZE = 50


def role_changes():
    """Who joined or left the 审计 and 居委会 groups, and who made the change, newest
    first (``participation.logs``): shown beside the ballot openings of each vote."""
    return (
        ModelLogEntry.objects.filter(action__in=(ROLE_ADDED, ROLE_REMOVED))
        .select_related("user")
        .order_by("-timestamp")
    )


class VoteAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            raise PermissionDenied
        self.vote = get_object_or_404(PlanVote, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self, user):
        return can_manage_votes(user)

    def get_page_subtitle(self):
        return self.vote.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("plan_votes:index"), "label": _("Plan votes")},
            {"url": self.vote_home_url(), "label": self.vote.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def vote_home_url(self):
        """Manage for the committee; the roll for auditors, who cannot manage."""
        name = "manage" if can_manage_votes(self.request.user) else "roll"
        return reverse(f"plan_votes:{name}", args=[self.vote.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(vote=self.vote, **kwargs)


class ManageView(VoteAdminMixin, TemplateView):
    """Status, open/close, participation against the quorum, results once closed."""

    template_name = "participation/admin/vote_manage.html"
    page_title = gettext_lazy("Manage vote")

    def get_context_data(self, **kwargs):
        vote = self.vote
        context = super().get_context_data(**kwargs)
        context["participation"] = participation_summary(vote)
        status = context["status"] = vote.status()
        frozen = vote.frozen_at is not None
        context["can_open"] = status in (VoteStatus.DRAFT, VoteStatus.UPCOMING) or (
            status == VoteStatus.OPEN and not frozen
        )
        context["can_close"] = status == VoteStatus.OPEN
        context["can_enter_paper"] = status == VoteStatus.OPEN and frozen
        if vote.is_closed and vote.frozen_at:
            result = vote_result(vote)
            context.update(
                result=result,
                rows=result_rows(result),
                winner=winner_label(result),
                verdict=VERDICT_LABELS[result.verdict],
            )
        return context

    def post(self, request, pk):
        action = request.POST.get("action")
        try:
            if action == "open":
                open_now(self.vote, request.user)
                messages.success(request, _("The vote is open and its roll is frozen."))
            elif action == "close":  # closing is confirmed, with a reason, on its own page
                return redirect("plan_votes:close", pk=self.vote.pk)
            else:
                messages.error(request, _("Unknown action."))
        except ValueError:
            messages.error(request, _("That cannot be done in the vote's current state."))
        return redirect("plan_votes:manage", pk=self.vote.pk)


class CloseView(VoteAdminMixin, TemplateView):
    """ "Close now", confirmed: ending a vote early cannot be undone, so the committee
    member sees what closing does and gives a reason, which goes into the vote's log."""

    template_name = "participation/admin/vote_close.html"
    page_title = gettext_lazy("Close the vote now")

    def get(self, request, pk):
        if not self.vote.is_open:
            messages.error(request, _("That cannot be done in the vote's current state."))
            return redirect("plan_votes:manage", pk=self.vote.pk)
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        try:
            reason = clean_reason(request.POST.get("reason"))
        except BallotRefused as refused:
            context = self.get_context_data(error=str(refused), reason=request.POST.get("reason"))
            return self.render_to_response(context, status=400)
        try:
            close_now(self.vote, request.user, reason=reason)
        except ValueError:
            messages.error(request, _("That cannot be done in the vote's current state."))
            return redirect("plan_votes:manage", pk=self.vote.pk)
        messages.success(request, _("The vote is closed. Results are now public."))
        return redirect("plan_votes:manage", pk=self.vote.pk)


class PaperBallotView(VoteAdminMixin, TemplateView):
    """Enter paper ballots unit by unit against the frozen roll.

    Two steps, like the online ballot: the sheet as keyed is shown back for review
    (voter, number, 选票上的选择) and recorded only on confirmation (``confirm=1``).
    Recorded ballots of this vote are listed with a link to void a mis-keyed one.
    """

    template_name = "participation/admin/vote_paper.html"
    page_title = gettext_lazy("Enter paper ballots")

    def building_id(self):
        value = self.request.GET.get("building") or self.request.POST.get("building") or ""
        return int(value) if value.isdecimal() and len(value) < 10 else None

    def pending_entries(self):
        """Voters without a ballot, for the list (a building at a time on large sites)."""
        entries = RollEntry.objects.filter(vote=self.vote, ballot__isnull=True)
        if self.building_id() is not None:
            entries = entries.filter(building_id=self.building_id())
        return sorted(entries, key=lambda e: natural_key(e.label))[:PAPER_LIST_SIZE]

    def render_form(self, form, status=200, **extra):
        paper = (
            Ballot.objects.filter(vote=self.vote, channel="paper")
            .select_related("roll_entry", "entered_by")
            .order_by("-cast_at")[:PAPER_LIST_SIZE]
        )
        context = self.get_context_data(
            form=form,
            buildings=sorted(Building.objects.all(), key=lambda b: natural_key(b.name)),
            building=str(self.building_id() or ""),
            paper_ballots=paper,
            voided=VoidedBallot.objects.filter(vote=self.vote).select_related(
                "roll_entry", "entered_by", "voided_by"
            )[:AUDIT_TRAIL_SIZE],
            **extra,
        )
        return self.render_to_response(context, status=status)

    def refusal_before_review(self, entry, paper_number):
        """Say at once what recording would refuse (the insert still decides)."""
        existing = Ballot.objects.filter(roll_entry=entry).select_related("roll_entry").first()
        if existing is not None:
            return describe_recorded(existing)
        if Ballot.objects.filter(vote=self.vote, paper_number=paper_number.strip()).exists():
            return _("Paper ballot number %(number)s has already been entered.") % {
                "number": paper_number.strip()
            }
        return ""

    def get(self, request, pk):
        if not self.vote.is_open:
            messages.warning(request, _("Paper ballots are entered while the vote is open."))
        return self.render_form(PaperBallotForm(self.vote, self.pending_entries()))

    def post(self, request, pk):
        form = PaperBallotForm(self.vote, self.pending_entries(), request.POST)
        if not form.is_valid():
            return self.render_form(form, status=400)
        entry = RollEntry.objects.filter(vote=self.vote, pk=form.cleaned_data["entry"]).first()
        if entry is None:
            form.add_error("entry", _("Choose a voter from the roll."))
            return self.render_form(form, status=400)
        if request.POST.get("confirm") != "1":
            refusal = self.refusal_before_review(entry, form.cleaned_data["paper_number"])
            if refusal:
                form.add_error(None, refusal)
                return self.render_form(form, status=409)
            return self.render_form(form, review={**form.cleaned_data, "entry": entry})
        try:
            ballot, code = enter_paper_ballot(
                self.vote,
                entry,
                form.cleaned_data["option"],
                request.user,
                form.cleaned_data["paper_number"],
            )
        except BallotRefused as refused:
            form.add_error(None, str(refused))
            return self.render_form(form, status=409)
        log(instance=self.vote, action="linli.vote.paper_ballot", user=request.user)
        messages.success(
            request,
            _("Paper ballot %(number)s for %(voter)s entered. Receipt code: %(code)s")
            % {"number": ballot.paper_number, "voter": entry.label, "code": code},
        )
        url = reverse("plan_votes:paper-receipt", args=[self.vote.pk, ballot.pk])
        building = self.building_id()
        return redirect(f"{url}?building={building}" if building is not None else url)


class PaperReceiptView(VoteAdminMixin, TemplateView):
    """The paper voter's receipt, printable: the code to check that their ballot is
    counted (at /votes/<id>/receipt/), never the choice."""

    template_name = "participation/admin/vote_paper_receipt.html"
    page_title = gettext_lazy("Receipt for a paper ballot")

    def get_context_data(self, **kwargs):
        ballot = get_object_or_404(
            Ballot.objects.select_related("roll_entry"),
            vote=self.vote,
            pk=self.kwargs["ballot_pk"],
            channel="paper",
        )
        building = self.request.GET.get("building") or ""
        return super().get_context_data(
            ballot=ballot,
            check_url=self.request.build_absolute_uri(
                reverse("participation:vote-receipt", args=[self.vote.pk])
            ),
            building=building if building.isdecimal() and len(building) < 10 else "",
            **kwargs,
        )


class VoidPaperBallotView(VoteAdminMixin, TemplateView):
    """Void a mis-keyed paper ballot before close, with a reason, as a second committee
    member (``ballots.void_refusal``); logged. The voter can then be entered again."""

    template_name = "participation/admin/vote_void.html"
    page_title = gettext_lazy("Void a paper ballot")

    def ballot(self):
        return get_object_or_404(
            Ballot.objects.select_related("roll_entry", "entered_by"),
            vote=self.vote,
            pk=self.kwargs["ballot_pk"],
        )

    def get(self, request, *args, **kwargs):
        ballot = self.ballot()
        refusal = void_refusal(ballot.channel, ballot.entered_by_id, request.user.pk)
        if not self.vote.is_open:
            refusal = _("This vote is not open.")
        return self.render_to_response(self.get_context_data(ballot=ballot, refusal=refusal))

    def refused(self, ballot, refused, typed, status):
        context = self.get_context_data(ballot=ballot, error=str(refused), reason=typed)
        return self.render_to_response(context, status=status)

    def post(self, request, *args, **kwargs):
        ballot = self.ballot()
        typed = request.POST.get("reason", "")[:400]
        try:
            reason = clean_reason(typed)
        except BallotRefused as refused:
            return self.refused(ballot, refused, typed, 400)
        try:
            voided = void_paper_ballot(self.vote, ballot.pk, request.user, reason)
        except BallotRefused as refused:
            return self.refused(ballot, refused, typed, 409)
        log(
            instance=self.vote,
            action=BALLOT_VOIDED,
            user=request.user,
            data={
                "reason": voided.reason,
                "voter": voided.roll_entry.label,
                "roll_entry": voided.roll_entry_id,
                "paper_number": voided.paper_number,
            },
        )
        messages.success(
            request,
            _("Paper ballot %(number)s for %(voter)s is void. The voter can be entered again.")
            % {"number": voided.paper_number, "voter": voided.roll_entry.label},
        )
        return redirect("plan_votes:paper", pk=self.vote.pk)


class RollView(VoteAdminMixin, TemplateView):
    """The frozen roll: who may vote and whether they did (channel, time) — never how.
    Auditors see it too, to reach the ballots they open."""

    template_name = "participation/admin/vote_roll.html"
    page_title = gettext_lazy("Electoral roll")

    def has_permission(self, user):
        return can_manage_votes(user) or can_view_ballot_choices(user)

    def get_context_data(self, **kwargs):
        entries = RollEntry.objects.filter(vote=self.vote).select_related(
            "ballot", "ballot__entered_by"
        )
        query = (self.request.GET.get("q") or "").strip()[:50]
        if query:
            entries = entries.filter(label__icontains=query)
        # Natural order (1号楼 before 10号楼): sort the labels, then read one page.
        labels = sorted(entries.values_list("pk", "label"), key=lambda row: natural_key(row[1]))
        paginator = Paginator([pk for pk, _label in labels], ROLL_PAGE_SIZE)
        page_number = self.request.GET.get("p") or 1
        if parse_id(str(page_number)) is None:
            raise Http404
        page = paginator.get_page(page_number)
        shown = entries.in_bulk(list(page.object_list))
        page.object_list = [shown[pk] for pk in page.object_list]
        return super().get_context_data(
            entries=page,
            query=query,
            can_audit=can_view_ballot_choices(self.request.user),
            openings=BallotAccessLog.objects.filter(vote=self.vote).select_related(
                "auditor", "roll_entry"
            )[:AUDIT_TRAIL_SIZE],
            role_changes=role_changes()[:AUDIT_TRAIL_SIZE],
            **kwargs,
        )


class AuditBallotView(VoteAdminMixin, TemplateView):
    """An auditor opens one ballot. Opening is a POST with CSRF, never a link: a link
    that a browser follows (prefetch, a crawler in the auditor's session) would log an
    opening in their name. GET shows who the ballot is from and the button, not the
    choice; every POST is logged."""

    template_name = "participation/admin/vote_audit.html"
    page_title = gettext_lazy("Ballot")
    http_method_names = ["get", "post"]

    def has_permission(self, user):
        return can_view_ballot_choices(user)

    def ballot(self):
        return get_object_or_404(
            Ballot.objects.select_related("choice__option", "roll_entry"),
            vote=self.vote,
            pk=self.kwargs["ballot_pk"],
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(ballot=self.ballot(), opened=False))

    def post(self, request, *args, **kwargs):
        ballot = self.ballot()
        BallotAccessLog.objects.create(
            ballot=ballot, vote=self.vote, roll_entry=ballot.roll_entry, auditor=request.user
        )
        log(instance=self.vote, action="linli.vote.ballot_opened", user=request.user)
        return self.render_to_response(self.get_context_data(ballot=ballot, opened=True))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            accesses=BallotAccessLog.objects.filter(ballot=kwargs["ballot"]).select_related(
                "auditor"
            )[:20],
            **kwargs,
        )


def export_results(request, pk, fmt):
    if not can_manage_votes(request.user):
        raise PermissionDenied
    vote = get_object_or_404(PlanVote, pk=pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if not (vote.is_closed and vote.frozen_at):
        raise PermissionDenied(_("Results can be exported once the vote has closed."))
    result = vote_result(vote)
    return (
        exports.csv_response(vote, result) if fmt == "csv" else exports.xlsx_response(vote, result)
    )
