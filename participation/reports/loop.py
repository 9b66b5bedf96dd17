"""The report loop: make a report, accept it, work on it, close it, rate it, reopen it
once, refer it upward, turn it into a proposal.

Every change appends a step to the public trail (``participation/trail.py``) inside one
transaction that first takes the report's row (``select_for_update``; on SQLite the
IMMEDIATE transaction serialises writers) and checks the move against
``choices.TRANSITIONS``. Accepting is also a conditional UPDATE on ``accepted_at IS
NULL`` and reopening one on ``reopened_at IS NULL``: two handlers racing to accept, or
two tabs rating at once, leave exactly one step. The reporter is mailed after commit.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from participation.permissions import resident_profile
from participation.reports import rules
from participation.reports.choices import (
    Handler,
    PhotoRole,
    Rating,
    Status,
)
from participation.reports.models import Report, ReportPhoto, ReportStep
from participation.trail import ActorRole

PHOTO_EDGE = 1600


class StepRefused(Exception):
    """A change that cannot be made; the message is for the person who tried."""

    def __init__(self, message, status=409):
        super().__init__(message)
        self.status = status


def _mail(report, status):
    from participation.reports.tasks import notify_reporter

    transaction.on_commit(lambda: notify_reporter.enqueue(report.pk, str(status)))


def _step(report, status, role, actor=None, note="", now=None):
    return ReportStep.objects.create(
        report=report, status=status, role=role, actor=actor, note=note, created_at=now
    )


def _role(user):
    """How the public trail names a member of staff: the property company or the committee."""
    from participation.reports.permissions import is_supervisor

    return ActorRole.COMMITTEE if is_supervisor(user) else ActorRole.PROPERTY


def clean_photo(upload, name="photo.jpg"):
    """Re-encode an uploaded photo as a JPEG of at most ``PHOTO_EDGE`` pixels: upright
    (EXIF orientation applied) and without any metadata (a phone's GPS position)."""
    upload.seek(0)
    with Image.open(upload) as source:
        image = ImageOps.exif_transpose(source).convert("RGB")
    image.thumbnail((PHOTO_EDGE, PHOTO_EDGE))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def _add_photos(report, uploads, role):
    for upload in uploads:
        ReportPhoto.objects.create(report=report, file=clean_photo(upload), role=role)


def _locked(report):
    locked = Report.objects.select_for_update().get(pk=report.pk)
    locked.__dict__.pop("trail_status", None)
    return locked


def _check(report, new):
    current = report.trail_status
    if not rules.may_follow(current, new):
        raise StepRefused(
            _("A report that is “%(current)s” cannot become “%(new)s”.")
            % {"current": Status(current).label, "new": Status(new).label}
        )


def create_report(user, data, photos, now=None):
    """The report, its 待受理 step and its photos, all or nothing."""
    now = now or timezone.now()
    profile = resident_profile(user)
    building = profile.unit.building if profile and profile.unit_id else None
    with transaction.atomic():
        report = Report.objects.create(
            category=data["category"],
            building=data.get("building"),
            place=data["place"],
            description=data["description"],
            visibility=data["visibility"],
            reporter=user,
            reporter_building=building,
            created_at=now,
        )
        _step(report, Status.PENDING, ActorRole.RESIDENT, user, _("Reported by a resident."), now)
        _add_photos(report, photos, PhotoRole.REPORT)
    return report


def accept(report, user, handler, note="", now=None):
    """已受理: assign to the property company or the committee, with the due time of
    its category. Exactly one of several racing handlers wins."""
    now = now or timezone.now()
    if handler not in Handler.values:
        raise StepRefused(_("Choose who handles the report."), status=400)
    with transaction.atomic():
        report = _locked(report)
        _check(report, Status.ACCEPTED)
        due = rules.due_at(report.category, now)
        claimed = Report.objects.filter(pk=report.pk, accepted_at__isnull=True).update(
            accepted_at=now, accepted_by=user, handler=handler, due_at=due
        )
        if not claimed:
            raise StepRefused(_("Someone else has just accepted this report."))
        text = note or _("Accepted; assigned to the %(handler)s, due by %(due)s.") % {
            "handler": Handler(handler).label,
            "due": timezone.localtime(due).strftime("%Y-%m-%d %H:%M"),
        }
        step = _step(report, Status.ACCEPTED, _role(user), user, text, now)
    _mail(report, Status.ACCEPTED)
    return step


def start(report, user, note="", now=None):
    """处理中: a handler is at work on it."""
    now = now or timezone.now()
    with transaction.atomic():
        report = _locked(report)
        _check(report, Status.IN_PROGRESS)
        step = _step(report, Status.IN_PROGRESS, _role(user), user, note or _("Being fixed."), now)
    _mail(report, Status.IN_PROGRESS)
    return step


def close(report, user, note, photos=(), now=None):
    """已办结: the handler's note (required) and an optional photo of the fix."""
    now = now or timezone.now()
    note = (note or "").strip()
    if not note:
        raise StepRefused(_("Closing needs a note on what was done."), status=400)
    with transaction.atomic():
        report = _locked(report)
        _check(report, Status.DONE)
        Report.objects.filter(pk=report.pk).update(done_at=now, fix_note=note)
        _add_photos(report, photos, PhotoRole.FIX)
        step = _step(report, Status.DONE, _role(user), user, note, now)
    _mail(report, Status.DONE)
    return step


def rate(report, user, rating, reason="", now=None):
    """The reporter rates the fix. 不满意 reopens it once, with a reason; otherwise (or
    the second time) the rating is recorded and the report is closed."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    if rating not in Rating.values:
        raise StepRefused(_("Choose one of the ratings."), status=400)
    if rating == Rating.UNSATISFIED and not reason:
        raise StepRefused(_("Tell us what is still wrong."), status=400)
    with transaction.atomic():
        report = _locked(report)
        if report.reporter_id != user.pk:
            raise StepRefused(_("Only the resident who reported it can rate it."), status=403)
        outcome = rules.rating_outcome(rating, report.reopened_at is not None)
        _check(report, outcome)
        if outcome == Status.REOPENED:
            claimed = Report.objects.filter(pk=report.pk, reopened_at__isnull=True).update(
                reopened_at=now, done_at=None, rating=rating, rated_at=now
            )
            if not claimed:
                raise StepRefused(_("This report was reopened already."))
            note = _("Not satisfied: %(reason)s") % {"reason": reason}
        else:
            Report.objects.filter(pk=report.pk).update(rating=rating, rated_at=now)
            note = Rating(rating).label + (f"：{reason}" if reason else "")
        step = _step(report, outcome, ActorRole.RESIDENT, user, note, now)
    _mail(report, outcome)
    return step


def refer(report, user, to, reference="", note="", now=None):
    """吹哨: the committee refers the report to the subdistrict or a department, with an
    outside reference (a 12345 ticket number). An event: the status stays."""
    now = now or timezone.now()
    to = (to or "").strip()
    if not to:
        raise StepRefused(_("Say to whom the report is referred."), status=400)
    with transaction.atomic():
        report = _locked(report)
        if report.trail_status not in rules.RUNNING_STATUSES + (Status.PENDING,):
            raise StepRefused(_("Only an open report can be referred."))
        Report.objects.filter(pk=report.pk).update(
            referred_at=now, referred_to=to[:80], referral_ref=(reference or "").strip()[:40]
        )
        text = _("Referred to %(to)s.") % {"to": to}
        if reference:
            text += " " + _("Reference: %(ref)s") % {"ref": reference}
        if note:
            text += "\n" + note
        step = _step(report, Status.REFERRED, ActorRole.COMMITTEE, user, text, now)
    _mail(report, Status.REFERRED)
    return step


def convert(report, user, title, now=None):
    """Needs discussion: the committee opens a consultation (征求意见) from the report;
    the two link to each other. Once per report."""
    from participation.consultations.choices import Category as ProposalCategory
    from participation.consultations.choices import Kind
    from participation.consultations.choices import Status as ProposalStatus
    from participation.consultations.models import Proposal, ProposalStep

    now = now or timezone.now()
    title = " ".join((title or "").split())
    if len(title) < 4:
        raise StepRefused(_("The title needs at least 4 characters."), status=400)
    with transaction.atomic():
        report = _locked(report)
        if report.proposal_id:
            raise StepRefused(_("This report is a consultation already."))
        proposal = Proposal.objects.create(
            title=title[:120],
            body=report.description,
            category=ProposalCategory.PROPERTY,
            kind=Kind.COMMITTEE,
            author=user,
            created_at=now,
        )
        if report.building_id:
            proposal.buildings.add(report.building_id)
        ProposalStep.objects.create(
            proposal=proposal,
            status=ProposalStatus.DISCUSSION,
            role=ActorRole.COMMITTEE,
            actor=user,
            created_at=now,
            note=_("Raised from a resident report; the committee asks for your views."),
        )
        claimed = Report.objects.filter(pk=report.pk, proposal__isnull=True).update(
            proposal=proposal
        )
        if not claimed:
            raise StepRefused(_("This report is a consultation already."))
        step = _step(
            report,
            Status.CONVERTED,
            ActorRole.COMMITTEE,
            user,
            _("Needs discussion: the committee opened a consultation."),
            now,
        )
    _mail(report, Status.CONVERTED)
    return proposal, step
