"""A proposal's card in the list and on the board, its text prepared in Python.

Why: the board shows up to 84 cards and the list 20; rendered tag by tag (two plural
``blocktranslate``, a ``url``, a ``date`` and the choice labels per card) they were
most of the page's time under load. Here each label is translated once per request
and each card's line of facts is one ``ngettext`` string, so the card's template only
prints values. The wording and the catalogue's strings are the template's own.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from participation.consultations.choices import Category, Kind, Status


def as_cards(proposals):
    """Set ``card_url``, ``card_status``, ``card_category`` and ``card_facts`` on each
    of ``proposals`` (annotated with ``current_status`` and ``comment_total``)."""
    statuses = {value: str(label) for value, label in Status.choices}
    categories = {value: str(label) for value, label in Category.choices}
    consultation = gettext("Consultation by the committee")
    url = reverse("participation:proposal-detail", args=[0])[: -len("0/")]
    for proposal in proposals:
        if proposal.kind == Kind.COMMITTEE:
            supports = consultation
        else:
            count = proposal.support_count
            supports = ngettext("%(counter)s support", "%(counter)s supports", count) % {
                "counter": count
            }
        comments = ngettext(
            "%(counter)s comment", "%(counter)s comments", proposal.comment_total
        ) % {"counter": proposal.comment_total}
        day = timezone.localtime(proposal.created_at).strftime("%Y-%m-%d")
        proposal.card_url = f"{url}{proposal.pk}/"
        proposal.card_status = statuses.get(proposal.current_status, "")
        proposal.card_category = categories.get(proposal.category, proposal.category)
        proposal.card_facts = f"{supports} · {comments} · {day}"
    return proposals
