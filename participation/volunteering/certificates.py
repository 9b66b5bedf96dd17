"""Certificates of volunteer service (志愿服务记录证明).

The Ministry of Civil Affairs' 志愿服务记录与证明出具办法 (order No. 67, 2021) asks
for: free of charge; issued by the organisation that recorded the service (here the
residents' committee); the volunteer's name, the service content and its hours, the
issuer and a contact, a number and date of issue, and the issuer's seal. The public
check (a QR code on the paper) shows the number, the date and the hours — never an
ID number or a phone number.
"""

import uuid
from collections import OrderedDict
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.volunteering import ledger
from participation.volunteering.models import Certificate, LedgerEntry, _display_name


class CertificateRefused(Exception):
    pass


def issuer():
    """Who issues, and whom to call: ``LINLI_VOLUNTEER_ISSUER`` and ``_CONTACT``."""
    return (
        getattr(settings, "LINLI_VOLUNTEER_ISSUER", "") or _("Residents' Committee"),
        getattr(settings, "LINLI_VOLUNTEER_CONTACT", ""),
    )


def service_summary(rows):
    """``[(description, hours)]`` → one line per service with its net hours, in the
    order first served, dropping services whose hours were fully corrected. Pure."""
    totals = OrderedDict()
    for description, hours in rows:
        totals[description] = totals.get(description, Decimal(0)) + Decimal(hours)
    return [(name, hours) for name, hours in totals.items() if hours > 0]


def format_hours(hours):
    return f"{Decimal(hours).normalize():f}"


def issue(user, now=None):
    """Issue a certificate of everything in the person's time bank so far.

    Asking twice on one day with no new hours returns the same certificate.
    """
    now = now or timezone.now()
    account = ledger.account_for(user)
    entries = list(LedgerEntry.objects.filter(account=account).order_by("created_at", "pk"))
    hours = ledger.balance_of(e.hours for e in entries)
    if hours <= 0:
        raise CertificateRefused(_("There are no hours in your time bank to certify yet."))
    today = timezone.localdate(now)
    with transaction.atomic():
        same = Certificate.objects.filter(account=account, issued_on=today, hours=hours).first()
        if same:
            return same
        lines = service_summary((e.description, e.hours) for e in entries)
        name, contact = issuer()
        certificate = Certificate.objects.create(
            # A placeholder until the row has its pk (unique, within the 24 characters
            # PostgreSQL holds the column to), replaced just below.
            number=f"tmp-{uuid.uuid4().hex[:20]}",
            account=account,
            holder_name=_display_name(user)[:60],
            hours=hours,
            service="\n".join(
                _("%(service)s: %(hours)s hours") % {"service": s, "hours": format_hours(h)}
                for s, h in lines
            ),
            service_from=timezone.localdate(entries[0].created_at),
            service_to=timezone.localdate(entries[-1].created_at),
            issuer=name,
            contact=contact,
            issued_on=today,
            issued_by=user,
        )
        certificate.number = f"ZYFW-{today:%Y}-{certificate.pk:06d}"
        certificate.save(update_fields=["number"])
        return certificate
