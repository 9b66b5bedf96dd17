"""Committee views inside the Wagtail admin: answer a proposal and change its status,
escalate it to a plan vote; moderate one comment."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from participation.consultations.answers import (
    StepRefused,
    change_status,
    escalate_to_vote,
    publish_answer,
)
from participation.consultations.choices import TRANSITIONS, CommentState, Status
from participation.consultations.models import Comment, Proposal
from participation.consultations.moderation import (
    CommentRefused,
    approve_comment,
    hide_comment,
    restore_comment,
)
from participation.consultations.permissions import can_answer, can_moderate
from participation.trail import allowed_next


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Official answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=10000,
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"))
    note = forms.CharField(
        label=gettext_lazy("Public note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("Shown on the trail. Declining needs a reason; closing a note."),
    )

    def __init__(self, current, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label)
            for status in Status
            if status in allowed_next(current, TRANSITIONS)
        ]


class ManageProposalView(WagtailAdminTemplateMixin, TemplateView):
    """Status and trail, the answer (save a draft or publish), the next step, a vote."""

    template_name = "participation/admin/proposal_manage.html"
    page_title = gettext_lazy("Answer and change status")
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not can_answer(request.user):
            raise PermissionDenied
        self.proposal = get_object_or_404(Proposal.objects.with_status(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.proposal.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("proposals:index"), "label": _("Proposals")},
            {"url": "", "label": self.proposal.title},
        ]

    def get_context_data(self, **kwargs):
        proposal = self.proposal
        kwargs.setdefault(
            "answer_form", AnswerForm(initial={"answer": proposal.answer_draft or proposal.answer})
        )
        kwargs.setdefault("status_form", StatusForm(proposal.status))
        return super().get_context_data(
            proposal=proposal,
            steps=list(proposal.steps.all()),
            can_publish=Status.ANSWERED in allowed_next(proposal.status, TRANSITIONS)
            or bool(proposal.answer),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        proposal = self.proposal
        action = request.POST.get("action")
        try:
            if action in ("draft", "publish"):
                form = AnswerForm(request.POST)
                if not form.is_valid():
                    return self._again(answer_form=form)
                text = form.cleaned_data["answer"]
                if action == "draft":
                    Proposal.objects.filter(pk=proposal.pk).update(answer_draft=text)
                    messages.success(
                        request, _("The draft answer is saved; residents do not see it.")
                    )
                else:
                    publish_answer(proposal, request.user, text)
                    log(proposal, "linli.proposal.answer", user=request.user)
                    messages.success(
                        request, _("The answer is published; the author and supporters are told.")
                    )
            elif action == "status":
                form = StatusForm(proposal.status, request.POST)
                if not form.is_valid():
                    return self._again(status_form=form)
                change_status(
                    proposal, request.user, form.cleaned_data["status"], form.cleaned_data["note"]
                )
                log(proposal, "linli.proposal.status", user=request.user)
                messages.success(request, _("The status is changed and shown on the trail."))
            elif action == "escalate":
                vote = escalate_to_vote(proposal, request.user)
                log(proposal, "linli.proposal.escalate", user=request.user)
                messages.success(
                    request, _("A draft plan vote was created; complete and publish it.")
                )
                return redirect("plan_votes:edit", vote.pk)
            else:
                return self._again(error=_("Choose what to do."))
        except StepRefused as refused:
            return self._again(error=str(refused))
        return redirect("proposals:manage", pk=proposal.pk)

    def _again(self, error=None, **forms_):
        context = self.get_context_data(error=error, **forms_)
        return self.render_to_response(context, status=400)


class ModerateCommentView(WagtailAdminTemplateMixin, TemplateView):
    """Approve a first comment, hide or restore one, with a reason."""

    template_name = "participation/admin/comment_moderate.html"
    page_title = gettext_lazy("Moderate comment")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        self.comment = get_object_or_404(
            Comment.objects.select_related("proposal", "author__resident"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("proposal_comments:index"), "label": _("Comment moderation")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            comment=self.comment,
            reports=self.comment.reports.select_related("household__building"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        comment, action = self.comment, request.POST.get("action")
        reason = request.POST.get("reason", "").strip()[:200]
        try:
            if action == "approve" and comment.state == CommentState.PENDING:
                approve_comment(comment, request.user)
            elif action == "hide":
                hide_comment(comment, request.user, reason)
            elif action == "restore":
                restore_comment(comment, request.user, reason)
            else:
                raise CommentRefused(_("Choose what to do."))
        except CommentRefused as refused:
            return self.render_to_response(self.get_context_data(error=str(refused)), status=400)
        log(comment, f"linli.comment.{action}", user=request.user, data={"reason": reason})
        messages.success(request, _("Done."))
        return redirect("proposal_comments:index")


LOG_ACTIONS = [
    ("linli.proposal.answer", gettext_lazy("Publish answer"), gettext_lazy("Published the answer")),
    ("linli.proposal.status", gettext_lazy("Change status"), gettext_lazy("Changed the status")),
    ("linli.proposal.escalate", gettext_lazy("Put to a vote"), gettext_lazy("Created a plan vote")),
    (
        "linli.comment.approve",
        gettext_lazy("Approve comment"),
        gettext_lazy("Approved the comment"),
    ),
    ("linli.comment.hide", gettext_lazy("Hide comment"), gettext_lazy("Hid the comment")),
    (
        "linli.comment.restore",
        gettext_lazy("Restore comment"),
        gettext_lazy("Restored the comment"),
    ),
]


def register_log_actions(actions):
    """``register_log_actions`` hook: the committee's consultation actions in the history."""
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
