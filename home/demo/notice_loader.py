"""Publish the demo notices under the notice index.

Notices are found by slug, so a rerun only adds the ones that are missing (and is
quick when none are). Publication times are derived from each notice's position in
the list, never from random numbers, so two fresh loads on the same day match.
"""

import datetime

from django.utils import timezone
from wagtail.models import PageLogEntry

from home.demo.body import fill_dates, stream
from home.demo.notices import notices_for
from home.demo.pages import backdate, publish_child
from home.notices.models import NoticePage

OLDEST_DAYS = 175  # notices without a fixed age are spread over about six months


def publication_time(index, notice, now):
    """(published, day): when notice number ``index`` went out, and the day it speaks of.

    Working hours on the notice's day; a same-day notice that would lie in the future
    went out just now, or the evening before if the demo is loaded before office hours. Dates in
    the text count from ``day``, so "tomorrow" stays tomorrow either way.
    """
    days = notice.days_ago if notice.days_ago is not None else 5 + (index * 67) % OLDEST_DAYS
    day = (now - datetime.timedelta(days=days)).date()
    published = now.replace(
        year=day.year,
        month=day.month,
        day=day.day,
        hour=8 + (index * 5) % 10,
        minute=(index * 17) % 60,
        second=0,
        microsecond=0,
    )
    if published > now:
        published = now - datetime.timedelta(minutes=5)
        if published.hour < 8:
            published = (published - datetime.timedelta(days=1)).replace(hour=20)
    return published, day


def build_page(notice, published, base, images, buildings):
    page = NoticePage(
        title=fill_dates(notice.title, base),
        slug=notice.slug,
        category=notice.category,
        issuer=notice.issuer,
        urgent=notice.urgent,
        summary=fill_dates(notice.summary, base),
        image=images[notice.image] if notice.image else None,
        body=stream(notice.body, base, images),
    )
    if notice.pinned_days:
        page.pinned_until = timezone.localdate() + datetime.timedelta(days=notice.pinned_days)
    if notice.expired_after_days:
        page.expire_at = published + datetime.timedelta(days=notice.expired_after_days)
    page.target_buildings = [buildings[number] for number in notice.buildings]
    page.tags.add(*notice.tags)
    return page


def load_notices(index, user, images, buildings):
    """Publish the missing demo notices; returns how many were made."""
    now = timezone.localtime()
    existing = set(index.get_children().values_list("slug", flat=True))
    made = 0
    for position, notice in enumerate(notices_for(now.month)):
        if notice.slug in existing:
            continue
        published, day = publication_time(position, notice, now)
        page = build_page(notice, published, day, images, buildings)
        publish_child(index, page, user, published)
        if page.expire_at:
            # What `manage.py publish_scheduled` does once the expiry time has passed.
            page.unpublish(set_expired=True, user=user, log_action="wagtail.unpublish.scheduled")
            backdate(page, published)
            PageLogEntry.objects.filter(
                page_id=page.pk, action="wagtail.unpublish.scheduled"
            ).update(timestamp=page.expire_at)
        made += 1
    return made
