"""Factories for resident reports: a report made through the loop, photos, staff."""

import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from participation import roles
from participation.reports.choices import Category, Visibility
from participation.reports.loop import create_report
from participation.reports.models import Report
from tests.factories.households import staff_in, verified_resident


def photo_upload(name="lift.jpg", colour="red", size=(64, 48), fmt="JPEG"):
    """A small real picture, as a phone would upload it."""
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")


class ReportFactory(factory.django.DjangoModelFactory):
    """A public lift report at 2单元电梯 of the reporter's building, made by ``reporter``
    (a new verified resident by default) through the loop (``create_report``: its 待受理
    step too); ``photos=n`` uploads n small pictures, ``now=`` dates it."""

    class Meta:
        model = Report

    reporter = factory.LazyFunction(lambda: verified_resident().user)
    category = Category.LIFT
    building = factory.LazyAttribute(lambda r: r.reporter.resident.unit.building)
    place = "2单元电梯"
    description = "电梯按钮坏了，按了没反应。"
    visibility = Visibility.PUBLIC
    photos = 0
    now = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, reporter, photos, now, **data):
        return create_report(reporter, data, [photo_upload() for _ in range(photos)], now=now)


def property_staff(username="wuye"):
    return staff_in(roles.PROPERTY, username=username)


def committee_staff(username="juweihui"):
    return staff_in(roles.COMMITTEE, username=username)
