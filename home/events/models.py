"""Events (活动日历): the calendar at /events/ and the events under it.

An event's date and times are wall time in Asia/Shanghai (dates and times without a
zone, as a notice on the board gives them); its repetition is a structured rule
(:class:`home.events.recurrence.Rule`), never RRULE text, with cancelled and moved
occurrences as inline rows.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.events import lunar
from home.events.choices import EventCategory, Ordinal, Repeat, Weekday
from home.events.forms import EventPageForm
from home.events.panels import OccurrencePreviewPanel
from home.events.recurrence import Change, Rule, first_date
from home.page_urls import UrlPerRequestMixin
from portal.page_cache import CachedPageMixin, remember

LUNAR_MONTHS = [(n, f"{lunar.MONTH_NAMES[n - 1]}月") for n in range(1, 13)]
LUNAR_DAYS = [(n, lunar.DAY_NAMES[n - 1]) for n in range(1, 31)]
RESERVED_SLUGS = {"ical", "past"}


class EventCalendarPage(CachedPageMixin, RoutablePageMixin, Page):
    """/events/: the month grid with 农历, upcoming events, the archive and the feed."""

    cache_params = ("category", "page")

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event calendar")

    def events(self):
        """The live events of this calendar, with their changes, in two queries."""
        return EventPage.objects.live().public().child_of(self).prefetch_related("exceptions")

    def live_events(self):
        """``events()`` as a list, read once per process and cache generation: the
        grid, the archive, the feed and the home page's block all expand the same
        events, which change only when an editor publishes (a new generation)."""
        return remember(f"calendar-events-{self.pk}", lambda: list(self.events()))

    @path("")
    def this_month(self, request):
        from home.events.views import month_view

        return month_view(self, request)

    @re_path(r"^(\d+)/(\d+)/$")
    def month(self, request, year, month):
        from home.events.views import month_view

        return month_view(self, request, year, month)

    @path("past/")
    def past(self, request):
        from home.events.views import past_view

        return past_view(self, request)

    @path("ical/")
    def feed(self, request):
        from home.events.views import calendar_ical

        return calendar_ical(self, request)


class EventPage(UrlPerRequestMixin, CachedPageMixin, RoutablePageMixin, Page):
    """One event, once or repeating, with its cancelled and moved occurrences."""

    base_form_class = EventPageForm

    summary = models.CharField(
        _("summary"), max_length=200, blank=True, help_text=_("One sentence for lists and feeds.")
    )
    category = models.CharField(_("category"), max_length=20, choices=EventCategory.choices)
    start_date = models.DateField(_("date"), help_text=_("The (first) day of the event."))
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Only for events over several days; leave empty for one day."),
    )
    all_day = models.BooleanField(_("all day"), default=False)
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=120)
    organiser = models.CharField(_("organiser"), max_length=120, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    signup = models.ForeignKey(
        "participation.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sign-up sheet"),
        help_text=_(
            "Optional: a volunteering opportunity or sign-up sheet (居民参与 → 志愿服务) "
            "that residents use to sign up for this event."
        ),
    )

    repeat = models.CharField(
        _("repeats"), max_length=20, choices=Repeat.choices, default=Repeat.NONE, blank=True
    )
    interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        help_text=_("1 = every week/month/year, 2 = every other one…"),
    )
    weekdays = models.CharField(_("on weekdays"), max_length=7, blank=True)
    ordinal = models.SmallIntegerField(_("which"), choices=Ordinal.choices, null=True, blank=True)
    ordinal_weekday = models.SmallIntegerField(
        _("weekday"), choices=Weekday.choices, null=True, blank=True
    )
    lunar_month = models.PositiveSmallIntegerField(
        _("lunar month"), choices=LUNAR_MONTHS, null=True, blank=True
    )
    lunar_day = models.PositiveSmallIntegerField(
        _("lunar day"),
        choices=LUNAR_DAYS,
        null=True,
        blank=True,
        help_text=_("A 30th falls on the 29th in months of 29 days (as 除夕 does)."),
    )
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"), null=True, blank=True, help_text=_("Instead of an end date.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("location"),
                FieldPanel("organiser"),
                FieldPanel("signup"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("interval"),
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("ordinal"), FieldPanel("ordinal_weekday")]),
                FieldRowPanel([FieldPanel("lunar_month"), FieldPanel("lunar_day")]),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                OccurrencePreviewPanel(heading=_("The next 12 dates")),
            ],
            heading=_("Repetition"),
        ),
        InlinePanel(
            "exceptions",
            heading=_("Cancelled or moved occurrences"),
            label=_("Occurrence"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("location"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("category"),
    ]
    parent_page_types = ["home.EventCalendarPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def rule(self):
        return Rule(
            repeat=self.repeat,
            interval=self.interval or 1,
            weekdays=tuple(int(day) for day in self.weekdays),
            ordinal=self.ordinal,
            ordinal_weekday=self.ordinal_weekday,
            lunar_month=self.lunar_month,
            lunar_day=self.lunar_day,
            until=self.repeat_until,
            count=self.repeat_count,
        )

    @property
    def changes(self):
        return [row.as_change() for row in self.exceptions.all()]

    @cached_property
    def category_label(self):
        return EventCategory(self.category).label if self.category else ""

    @property
    def sequence(self):
        """iCal SEQUENCE: seconds from the first to the latest publication. Wagtail
        copies a revision over the page on publish, so a stored counter would be
        reset; this figure grows with every published change."""
        if not (self.first_published_at and self.last_published_at):
            return 0
        return max(0, int((self.last_published_at - self.first_published_at).total_seconds()))

    def clean(self):
        super().clean()
        errors = {}
        if self.slug and (self.slug.isdigit() or self.slug in RESERVED_SLUGS):
            errors["slug"] = _("This address is used by the calendar itself; choose another.")
        if not self.all_day and self.start_time is None:
            errors["start_time"] = _("Give a start time, or tick “all day”.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first.")
        same_day = not self.end_date or self.end_date == self.start_date
        if same_day and self.start_time and self.end_time and self.end_time < self.start_time:
            errors["end_time"] = _("The end cannot be before the start.")
        errors.update(self._rule_errors())
        if errors:
            raise ValidationError(errors)

    def _rule_errors(self):
        if not self.repeat or not self.start_date:
            return {}
        errors = {}
        if self.repeat == Repeat.MONTHLY_WEEKDAY and (
            self.ordinal is None or self.ordinal_weekday is None
        ):
            errors["ordinal"] = _("Choose which weekday of the month, e.g. first Saturday.")
        if self.repeat == Repeat.YEARLY_LUNAR and not (self.lunar_month and self.lunar_day):
            errors["lunar_month"] = _("Choose the lunar month and day.")
        if self.repeat_until and self.repeat_count:
            errors["repeat_count"] = _("Give an end date or a number of times, not both.")
        if self.repeat_until and self.repeat_until < self.start_date:
            errors["repeat_until"] = _("The repetition cannot end before the first date.")
        if not errors and first_date(self.start_date, self.rule) is None:
            errors["repeat"] = _("This repetition gives no date at all; check its end.")
        return errors

    @path("")
    def detail(self, request):
        from home.events.views import event_view

        return event_view(self, request)

    @path("ical/")
    def ical(self, request):
        from home.events.views import event_ical

        return event_ical(self, request)


class EventException(Orderable):
    """One occurrence of a repeating event cancelled, or moved or changed."""

    page = ParentalKey(EventPage, related_name="exceptions", on_delete=models.CASCADE)
    date = models.DateField(_("date of the occurrence"), help_text=_("As the series has it."))
    cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("Shown as cancelled, not removed.")
    )
    new_date = models.DateField(_("moved to"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
    new_location = models.CharField(_("new place"), max_length=120, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("cancelled")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
        FieldPanel("new_location"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("changed occurrence")
        verbose_name_plural = _("changed occurrences")

    def as_change(self):
        return Change(
            date=self.date,
            cancelled=self.cancelled,
            new_date=self.new_date,
            new_start_time=self.new_start_time,
            new_end_time=self.new_end_time,
            location=self.new_location,
            note=self.note,
        )

    @property
    def is_change(self):
        return bool(self.new_date or self.new_start_time or self.new_end_time or self.new_location)
