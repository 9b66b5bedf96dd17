"""``manage.py generate_notices``: demo databases only, and re-runnable."""

import pytest
from django.core.management import CommandError, call_command

from home.management.commands.generate_notices import next_generated_number
from home.notices.models import NoticePage
from tests.factories.households import OwnerFactory, UnitFactory
from tests.factories.pages import HomePageFactory, NoticeIndexPageFactory


@pytest.fixture
def index(db):
    return NoticeIndexPageFactory(parent=HomePageFactory())


def test_it_refuses_where_demo_data_is_not_allowed(index, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        call_command("generate_notices", "5")
    assert not NoticePage.objects.exists()


def test_it_refuses_a_database_that_holds_a_real_register(index):
    UnitFactory(owner=OwnerFactory(ref="real-owner-7"))
    with pytest.raises(CommandError, match="household register"):
        call_command("generate_notices", "5")
    assert not NoticePage.objects.exists()


def test_running_it_twice_adds_twice_as_many_with_distinct_slugs(index):
    call_command("generate_notices", "3")
    NoticePage.objects.get(slug="generated-1").delete()
    call_command("generate_notices", "3")
    slugs = sorted(NoticePage.objects.values_list("slug", flat=True))
    assert slugs == [f"generated-{n}" for n in (0, 2, 3, 4, 5)]


def test_the_next_number_follows_the_highest_generated_slug():
    assert next_generated_number([]) == 0
    assert next_generated_number(["generated-4", "generated-10", "lift", "generated-x"]) == 11
    assert next_generated_number(["generated-²"]) == 0


def test_a_count_below_one_is_refused(index):
    with pytest.raises(CommandError):
        call_command("generate_notices", "0")
