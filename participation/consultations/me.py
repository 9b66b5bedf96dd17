"""A resident's consultations on /me/ and in their personal-data export."""

from participation.consultations.models import Comment, Proposal, Support

SHOWN = 20


def context(user):
    """/me/: my proposals, what I support, my comments (newest first, a few queries)."""
    return {
        "my_proposals": list(Proposal.objects.with_status().filter(author=user)[:SHOWN]),
        "my_supports": list(
            Support.objects.filter(user=user)
            .select_related("proposal")
            .order_by("-created_at")[:SHOWN]
        ),
        "my_comments": list(
            Comment.objects.filter(author=user)
            .select_related("proposal")
            .order_by("-created_at")[:SHOWN]
        ),
    }


def _time(value):
    return value.isoformat() if value else None


def export(user):
    """Everything of the person's in consultations (PIPL Art. 45)."""
    return {
        "proposals": [
            {
                "title": p.title,
                "body": p.body,
                "category": p.category,
                "submitted_at": _time(p.created_at),
                "status": p.status,
            }
            for p in Proposal.objects.with_status().filter(author=user).order_by("created_at")
        ],
        "supports": [
            {"proposal": s.proposal.title, "at": _time(s.created_at)}
            for s in Support.objects.filter(user=user)
            .select_related("proposal")
            .order_by("created_at")
        ],
        "comments": [
            {
                "proposal": c.proposal.title,
                "body": c.body,
                "at": _time(c.created_at),
                "state": c.state,
            }
            for c in Comment.objects.filter(author=user)
            .select_related("proposal")
            .order_by("created_at")
        ],
    }
