"""What the public pages read, each in a fixed number of queries.

The list and the board read only what a proposal's card shows (``CARD_FIELDS``, the
status from its trail and the visible-comment count, all in one query) and the
buildings of the shown proposals in one more (``with_buildings``), whatever the number
of proposals and comments: with 1,000 proposals and 10,000 comments (``make bench``)
the board is one query of ranked rows, not one per status.
"""

from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber

from participation.consultations.choices import CommentState, Sort, Status
from participation.consultations.models import Comment, Proposal

BOARD_COLUMN = 12
CARD_FIELDS = (
    "pk",
    "title",
    "category",
    "kind",
    "created_at",
    "support_count",
    "answered_at",
)


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
    """Proposals as their cards show them: the card's fields, the status and the
    visible-comment count, in one query (buildings: ``with_buildings``)."""
    return (
        Proposal.objects.with_status()
        .only(*CARD_FIELDS)
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


def with_buildings(proposals):
    """Set ``building_names`` (in the buildings' order) on each of ``proposals``, in
    one query over the proposal–building table; a list without buildings reads nothing
    more than that query."""
    proposals = list(proposals)
    names = {proposal.pk: [] for proposal in proposals}
    if names:
        rows = (
            Proposal.buildings.through.objects.filter(proposal_id__in=names)
            .order_by("building__sort_order", "building__name")
            .values_list("proposal_id", "building__name")
        )
        for proposal_id, name in rows:
            names[proposal_id].append(name)
    for proposal in proposals:
        proposal.building_names = names[proposal.pk]
    return proposals


def board(queryset):
    """A column per status, the newest ``BOARD_COLUMN`` of each, in one query: the
    proposals ranked within their status by a window function (ROW_NUMBER), then the
    top of each rank read with the card's fields."""
    ranked = (
        queryset.annotate(
            column_rank=Window(
                RowNumber(),
                partition_by=[F("current_status")],
                order_by=[F("created_at").desc(), F("pk").desc()],
            )
        )
        .filter(column_rank__lte=BOARD_COLUMN)
        .values("pk")
    )
    shown = with_buildings(listing().filter(pk__in=ranked).order_by("-created_at", "-pk"))
    columns = {status: [] for status in Status}
    for proposal in shown:
        columns.setdefault(proposal.current_status, []).append(proposal)
    return [(status, columns[status]) for status in Status]
