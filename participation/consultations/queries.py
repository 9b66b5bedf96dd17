"""What the public pages read, each in a fixed number of queries."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from participation.consultations.choices import CommentState, Sort, Status
from participation.consultations.models import Comment, Proposal

BOARD_COLUMN = 12


def visible_comment_count():
    counts = (
        Comment.objects.filter(proposal=OuterRef("pk"), state=CommentState.VISIBLE)
        .order_by()
        .values("proposal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts), 0)


def listing():
    """Proposals with their status, author and visible-comment count (one query),
    buildings prefetched (one more)."""
    return (
        Proposal.objects.with_status()
        .select_related("author__resident")
        .prefetch_related("buildings")
        .annotate(comment_total=visible_comment_count())
    )


def filtered(queryset, status=None, category=None, building=None):
    if status:
        queryset = queryset.filter(current_status=status)
    if category:
        queryset = queryset.filter(category=category)
    if building is not None:
        through = Proposal.buildings.through.objects
        queryset = queryset.filter(
            Q(pk__in=through.filter(building=building).values("proposal_id"))
            | ~Q(pk__in=through.values("proposal_id"))
        )
    return queryset


def ordered(queryset, sort):
    if sort == Sort.SUPPORTED:
        return queryset.order_by("-support_count", "-created_at", "-pk")
    if sort == Sort.ANSWERED:
        return queryset.order_by(F("answered_at").desc(nulls_last=True), "-created_at", "-pk")
    return queryset.order_by("-created_at", "-pk")


def board(queryset):
    """A column per status, the newest ``BOARD_COLUMN`` of each: one query per status."""
    return [
        (
            status,
            list(queryset.filter(current_status=status).order_by("-created_at")[:BOARD_COLUMN]),
        )
        for status in Status
    ]
