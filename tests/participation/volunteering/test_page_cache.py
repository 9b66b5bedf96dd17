"""/volunteer/ and /volunteer/<id>/ follow the anonymous page cache: no cookie, no
Vary: Cookie, stored for anonymous visitors, and a sign-up starts a new generation."""

import pytest

from participation.volunteering import signups
from tests.factories.volunteering import ShiftFactory, volunteer

pytestmark = pytest.mark.django_db


@pytest.fixture
def shift(home):
    return ShiftFactory(capacity=2, opportunity__title="敬老助餐")


def paths(shift):
    return [
        "/volunteer/",
        f"/volunteer/?team={shift.opportunity.team_id}",
        f"/volunteer/{shift.opportunity_id}/",
        f"/volunteer/shifts/{shift.pk}/calendar.ics",
    ]


def test_anonymous_volunteer_pages_set_no_cookie_and_are_stored(client, shift, page_cache):
    for path in paths(shift):
        first, second = client.get(path), client.get(path)
        for response in (first, second):
            assert response.status_code == 200, path
            assert not response.cookies, path
            assert "cookie" not in response.get("Vary", "").lower(), path
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit"), path


def test_a_sign_up_shows_at_once_to_anonymous_visitors(
    client, shift, page_cache, django_capture_on_commit_callbacks
):
    url = f"/volunteer/{shift.opportunity_id}/"
    assert "已报 0 人" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        signups.sign_up(shift, volunteer())
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "已报 1 人" in response.content.decode()
