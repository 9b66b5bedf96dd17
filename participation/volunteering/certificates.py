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

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.volunteering import ledger
from participation.volunteering.models import Certificate, LedgerEntry, _display_name


class CertificateRefused(Exception):
    pass


def issuer(site=None):
    """Who issues, and whom to call: ``(issuer, contact)`` for a new certificate.

    Order No. 67 asks for the issuing organisation and a contact. Settings
    ``LINLI_VOLUNTEER_ISSUER`` and ``LINLI_VOLUNTEER_CONTACT`` win when set; otherwise
    the community's own information (设置 → 社区信息, of ``site`` or the default site):
    its name + 居民委员会 as the issuer (the committee's full name, as a seal reads, e.g.
    青梧社区居民委员会) and its hotline as the contact. With neither, the generic
    社区居民委员会 and no contact.
    """
    community = community_settings(site)
    name = getattr(settings, "LINLI_VOLUNTEER_ISSUER", "")
    if not name and community is not None and community.name:
        name = _("%(community)s Residents' Committee") % {"community": community.name}
    contact = getattr(settings, "LINLI_VOLUNTEER_CONTACT", "")
    if not contact and community is not None:
        contact = community.hotline
    return name or _("Residents' Committee"), contact


def community_settings(site=None):
    """The community's settings row (``home.CommunitySettings``) for ``site`` or the
    default site, or ``None``. Looked up by name, as templates do with
    ``settings.home.CommunitySettings``: participation never imports home."""
    from wagtail.models import Site

    try:
        model = apps.get_model("home", "CommunitySettings")
    except LookupError:
        return None
    site = site or Site.objects.filter(is_default_site=True).first()
    return model.for_site(site) if site is not None else None


def service_summary(rows):
    """``[(description, hours)]`` → one line per service with its net hours, in the
    order first served, dropping services whose hours were fully corrected. Pure."""
    totals = OrderedDict()
    for description, hours in rows:
        totals[description] = totals.get(description, Decimal(0)) + Decimal(hours)
    return [(name, hours) for name, hours in totals.items() if hours > 0]


def format_hours(hours):
    return f"{Decimal(hours).normalize():f}"


def issue(user, now=None, site=None):
    """Issue a certificate of everything in the person's time bank so far, in the
    name of ``site``'s community (see :func:`issuer`).

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
        name, contact = issuer(site)
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
