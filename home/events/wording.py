"""An event's repetition in plain words (每周二、周四; 每月15日; 每年农历九月初九),
for the event page and the admin preview."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from home.events import lunar
from home.events.choices import Ordinal, Repeat, Weekday


def describe_rule(event):
    """One sentence for the rule, then how it ends; the empty string for one date.
    What happens in the months without the day of a monthly rule on day 29–31 is
    said apart, by `short_month_note`."""
    rule, first = event.rule, event.start_date
    n = rule.interval or 1
    if not rule.repeat:
        return ""
    if rule.repeat == Repeat.WEEKLY:
        joiner = pgettext("list separator", ", ")
        days = joiner.join(str(Weekday(day).label) for day in rule.weekdays or (first.weekday(),))
        if n > 1:
            text = _("Every %(n)s weeks on %(days)s") % {"n": n, "days": days}
        else:
            text = _("Every week on %(days)s") % {"days": days}
    elif rule.repeat == Repeat.YEARLY_LUNAR:
        text = _("Every year on the lunar date %(date)s") % {
            "date": lunar.lunar_date_name(rule.lunar_month, rule.lunar_day)
        }
    else:
        if rule.repeat == Repeat.MONTHLY_DAY:
            text = _("Monthly on day %(day)s") % {"day": first.day}
        elif rule.repeat == Repeat.MONTHLY_LAST:
            text = _("Monthly on the last day")
        elif rule.repeat == Repeat.MONTHLY_WEEKDAY:
            text = _("Monthly on the %(which)s %(weekday)s") % {
                "which": Ordinal(rule.ordinal).label,
                "weekday": Weekday(rule.ordinal_weekday).label,
            }
        else:
            text = _("Every year on %(date)s") % {
                "date": formats.date_format(first, "MONTH_DAY_FORMAT")
            }
        if n > 1 and rule.repeat == Repeat.YEARLY:
            text = _("Every %(n)s years: %(rule)s") % {"n": n, "rule": text}
        elif n > 1:
            text = _("Every %(n)s months: %(rule)s") % {"n": n, "rule": text}
    if rule.until:
        text += _(", until %(date)s") % {"date": formats.date_format(rule.until)}
    elif rule.count:
        text += _(", %(count)s times in all") % {"count": rule.count}
    return text


def short_month_note(event):
    """What happens in months without the event's day of the month, or ''.

    RFC 5545 §3.3.10: a BYMONTHDAY that a month does not have is ignored, so those
    months have no occurrence; the note says so and points to "last day of the month",
    for the public page and the admin preview alike."""
    if event.rule.repeat == Repeat.MONTHLY_DAY and event.start_date.day > 28:
        return _(
            "Months without a day %(day)s have no meeting. To meet on the last day of "
            "every month instead, choose “Monthly, on the last day of the month”."
        ) % {"day": event.start_date.day}
    return ""
