"""Mail the participation features send from their tasks: one message per address
(nobody sees the others' addresses), and who the committee is for a notice."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q

from participation import roles


def send_each(addresses, subject, body):
    """One message to each address, in a stable order; the number sent."""
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in sorted(addresses)]
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def committee_emails():
    """The addresses of the active committee members (居委会) and superusers."""
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=roles.COMMITTEE) | Q(is_superuser=True))
    )
    return {email for email in users.values_list("email", flat=True) if email}
