"""The home page's "volunteers needed" block: coming shifts with free seats."""

import datetime

import pytest
from django.utils import timezone

from participation.blocks import VolunteersNeededBlock
from participation.volunteering import signups
from tests.factories.volunteering import ShiftFactory, volunteer

pytestmark = pytest.mark.django_db


def test_the_block_lists_coming_shifts_with_free_seats_only():
    open_shift = ShiftFactory(opportunity__title="敬老助餐", capacity=3)
    full = ShiftFactory(opportunity__title="楼道清洁", capacity=1)
    signups.sign_up(full, volunteer())
    ShiftFactory(
        opportunity__title="已截止", signup_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    block = VolunteersNeededBlock()
    html = block.render(block.to_python({"heading": ""}))
    assert "招募志愿者" in html and "敬老助餐" in html and "剩余 3 个名额" in html
    assert "楼道清洁" not in html and "已截止" not in html
    assert f"/volunteer/{open_shift.opportunity_id}/#shift-{open_shift.pk}" in html
