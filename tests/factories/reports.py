"""Factories for resident reports: a report with its first step, photos, staff."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from participation import roles
from participation.reports.choices import Category, Visibility
from participation.reports.loop import create_report
from tests.factories.households import staff_in, verified_resident


def photo_upload(name="lift.jpg", colour="red", size=(64, 48), fmt="JPEG"):
    """A small real picture, as a phone would upload it."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")


def make_report(
    reporter=None,
    category=Category.LIFT,
    visibility=Visibility.PUBLIC,
    photos=0,
    now=None,
    place="2单元电梯",
    building=None,
    description="电梯按钮坏了，按了没反应。",
):
    """A report made by ``reporter`` (a new verified resident by default) through the loop."""
    reporter = reporter or verified_resident().user
    data = {
        "category": category,
        "building": building if building is not None else reporter.resident.unit.building,
        "place": place,
        "description": description,
        "visibility": visibility,
    }
    return create_report(
        reporter, data, [photo_upload() for _ in range(photos)], now=now or timezone.now()
    )


def property_staff(username="wuye"):
    return staff_in(roles.PROPERTY, username=username)


def committee_staff(username="juweihui"):
    return staff_in(roles.COMMITTEE, username=username)
