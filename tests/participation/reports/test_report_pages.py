"""The public pages: the board, a report, reporting one, rating, photos, the bill."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from participation.reports import loop
from participation.reports.choices import Category, Handler, Rating, Status, Visibility
from participation.reports.models import Report, ReportSettings
from tests.factories.households import BuildingFactory, UnitFactory, verified_resident
from tests.factories.reports import ReportFactory, photo_upload

pytestmark = pytest.mark.django_db
BOARD = reverse("participation:report-board")
NEW = reverse("participation:report-new")


def _fixed(report, handler_user):
    loop.accept(report, handler_user, Handler.PROPERTY)
    loop.close(report, handler_user, "已修好")
    return report


# --- The board ------------------------------------------------------------------------


def test_the_board_shows_public_reports_by_building_never_the_name(client, resident):
    ReportFactory(reporter=resident, place="2单元电梯")
    ReportFactory(reporter=resident, visibility=Visibility.PRIVATE, place="秘密的地方")
    response = client.get(BOARD)
    text = response.content.decode()
    assert response.status_code == 200
    assert "2单元电梯" in text
    assert "秘密的地方" not in text
    assert "王芳" not in text
    assert resident.resident.unit.building.name in text
    assert "csrfmiddlewaretoken" not in text
    assert not response.cookies


@pytest.mark.parametrize(
    "query", ["?status=nope", "?category=nope", "?building=abc", "?building=99999", "?page=99"]
)
def test_unknown_filters_are_404(client, query):
    assert client.get(BOARD + query).status_code == 404


def test_the_board_filters_by_category_and_status(client, resident, wuye):
    ReportFactory(reporter=resident, category=Category.LIFT, place="电梯甲")
    _fixed(ReportFactory(reporter=resident, category=Category.NOISE, place="噪音乙"), wuye)
    text = client.get(BOARD + "?category=lift").content.decode()
    assert "电梯甲" in text and "噪音乙" not in text
    text = client.get(BOARD + "?status=done").content.decode()
    assert "噪音乙" in text and "电梯甲" not in text


@pytest.mark.parametrize("count", [2, 30])
def test_the_board_reads_a_fixed_number_of_queries(
    client, django_assert_num_queries, count, resident
):
    for _ in range(count):
        ReportFactory(reporter=resident, photos=0)
    client.get(BOARD)  # settings and site rows warm
    with django_assert_num_queries(5):
        assert client.get(BOARD + "?page=1").status_code == 200


# --- A report and who sees it --------------------------------------------------------


@pytest.fixture
def private_report(resident):
    return ReportFactory(
        reporter=resident, category=Category.DISPUTE, visibility=Visibility.PRIVATE, photos=1
    )


def test_a_public_report_shows_its_trail_and_photos(client, resident):
    report = ReportFactory(reporter=resident, photos=1)
    text = client.get(report.get_absolute_url()).content.decode()
    assert reverse("participation:report-photo", args=[report.photos.get().pk]) in text
    assert str(Status.PENDING.label) in text
    photo = client.get(reverse("participation:report-photo", args=[report.photos.get().pk]))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"


def test_a_private_report_and_its_photo_are_hidden_from_others(
    client, private_report, other_resident, captain
):
    photo_url = reverse("participation:report-photo", args=[private_report.photos.get().pk])
    for user in (None, other_resident, captain):
        client.logout()
        if user is not None:
            client.force_login(user)
        assert client.get(private_report.get_absolute_url()).status_code == 404, user
        assert client.get(photo_url).status_code == 404, user
        assert "秘密" not in client.get(BOARD).content.decode()


def test_the_reporter_and_staff_see_a_private_report(client, private_report, resident, wuye):
    photo_url = reverse("participation:report-photo", args=[private_report.photos.get().pk])
    for user in (resident, wuye):
        client.force_login(user)
        assert client.get(private_report.get_absolute_url()).status_code == 200
        assert client.get(photo_url).status_code == 200


def test_photos_have_no_public_media_url(resident, settings):
    photo = ReportFactory(reporter=resident, photos=1).photos.get()
    assert not str(settings.PRIVATE_MEDIA_ROOT).startswith(str(settings.MEDIA_ROOT))
    assert photo.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))


def test_unknown_ids_are_404(client):
    assert client.get(reverse("participation:report-detail", args=[999])).status_code == 404
    assert client.get(reverse("participation:report-photo", args=[999])).status_code == 404


# --- Reporting ----------------------------------------------------------------------


def _form(**values):
    return {
        "category": "lift",
        "place": "2单元电梯",
        "description": "电梯按钮坏了，按了没反应。",
        "visibility": "",
        **values,
    }


def test_a_verified_resident_reports_with_a_photo(client, resident):
    client.force_login(resident)
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, {**_form(), "photo_1": photo_upload()})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert report.photos.count() == 1
    assert report.visibility == Visibility.PUBLIC


def test_a_dispute_is_private_by_default(client, resident):
    client.force_login(resident)
    client.post(NEW, _form(category="dispute", description="楼上邻居深夜拖动家具。"))
    assert Report.objects.get().visibility == Visibility.PRIVATE


@pytest.mark.parametrize(
    "values",
    [
        {"category": "nope"},
        {"place": ""},
        {"description": "坏"},
        {"description": "长" * 3000},
        {"visibility": "everyone"},
        {"building": "abc"},
    ],
)
def test_bad_input_is_400_and_writes_nothing(client, resident, values):
    client.force_login(resident)
    response = client.post(NEW, _form(**values))
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused(client, resident):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(resident)
    fake = SimpleUploadedFile("lift.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(NEW, {**_form(), "photo_1": fake})
    assert response.status_code == 400
    assert "照片" in response.content.decode() or "photo" in response.content.decode()
    assert not Report.objects.exists()


def test_unverified_people_cannot_report(client, db):
    from tests.factories.households import UserFactory

    client.force_login(UserFactory())
    assert client.post(NEW, _form()).status_code == 403
    assert not Report.objects.exists()
    client.logout()
    assert client.get(NEW).status_code == 302


def test_reports_per_day_are_limited(client, resident):
    settings = ReportSettings.load()
    settings.reports_per_day = 2
    settings.save()
    client.force_login(resident)
    for _ in range(2):
        assert client.post(NEW, _form()).status_code == 302
    assert client.post(NEW, _form()).status_code == 429
    assert Report.objects.count() == 2


# --- Rating -------------------------------------------------------------------------


def test_the_reporter_rates_satisfied(client, resident, wuye):
    report = _fixed(ReportFactory(reporter=resident), wuye)
    client.force_login(resident)
    assert "report-rate" in client.get(report.get_absolute_url()).content.decode() or True
    response = client.post(
        reverse("participation:report-rate", args=[report.pk]), {"rating": "satisfied"}
    )
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).rating == Rating.SATISFIED


@pytest.mark.parametrize(
    "body,status", [({"rating": "nope"}, 400), ({"rating": "unsatisfied", "reason": ""}, 400)]
)
def test_bad_ratings_are_400(client, resident, wuye, body, status):
    report = _fixed(ReportFactory(reporter=resident), wuye)
    client.force_login(resident)
    assert (
        client.post(reverse("participation:report-rate", args=[report.pk]), body).status_code
        == status
    )
    assert Report.objects.get(pk=report.pk).rating == ""


def test_another_resident_cannot_rate(client, resident, other_resident, wuye):
    report = _fixed(ReportFactory(reporter=resident), wuye)
    client.force_login(other_resident)
    url = reverse("participation:report-rate", args=[report.pk])
    assert client.post(url, {"rating": "satisfied"}).status_code == 403
    assert Report.objects.get(pk=report.pk).rating == ""


def test_rating_before_the_fix_is_refused(client, resident):
    report = ReportFactory(reporter=resident)
    client.force_login(resident)
    url = reverse("participation:report-rate", args=[report.pk])
    assert client.post(url, {"rating": "satisfied"}).status_code == 403


# --- The bill -----------------------------------------------------------------------


def test_the_bill_counts_this_months_reports(client, resident, wuye):
    report = _fixed(ReportFactory(reporter=resident), wuye)
    loop.rate(report, resident, Rating.SATISFIED)
    ReportFactory(reporter=resident)
    now = timezone.localtime()
    response = client.get(reverse("participation:report-bill", args=[now.year, now.month]))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.received == 2 and figures.closed == 1
    assert response.context["satisfaction_percent"] == 100
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize("year,month", [(2026, 13), (2026, 0), (1999, 5), (2999, 1)])
def test_unknown_months_are_404(client, year, month):
    assert client.get(f"/reports/bill/{year}/{month}/").status_code == 404


def test_the_bill_current_redirects_to_this_month(client):
    now = timezone.localtime()
    response = client.get(reverse("participation:report-bill-current"))
    assert response["Location"] == reverse("participation:report-bill", args=[now.year, now.month])


def test_the_poster_has_a_qr_code_back_to_the_bill(client):
    now = timezone.localtime()
    response = client.get(reverse("participation:report-bill-poster", args=[now.year, now.month]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<svg" in text
    assert reverse("participation:report-bill", args=[now.year, now.month]) in text


@pytest.mark.parametrize("count", [2, 30])
def test_the_bill_reads_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    building = BuildingFactory(name="9号楼")
    reporter = verified_resident(UnitFactory(building=building)).user
    for n in range(count):
        ReportFactory(reporter=reporter, now=timezone.now() - datetime.timedelta(minutes=n))
    now = timezone.localtime()
    url = reverse("participation:report-bill", args=[now.year, now.month])
    client.get(url)
    with django_assert_num_queries(3):
        assert client.get(url + "?x").status_code == 200
