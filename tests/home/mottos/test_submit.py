"""/mottos/submit/ and the resident's own submission page: good and bad input, consent,
the rate limit, double posts, resubmission after sending back, and our own message."""

import uuid

import pytest
from django.core import mail

from home.mottos.models import FamilyMotto
from home.mottos.submissions import PER_DAY
from tests.factories.households import BuildingFactory, UnitFactory, UserFactory, verified_resident
from tests.factories.mottos import MottoFactory

URL = "/mottos/submit/"


@pytest.fixture
def resident(gallery):
    unit = UnitFactory(building=BuildingFactory(name="3号楼"))
    return verified_resident(unit=unit).user


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "x")


def couplet(motto_theme, **overrides):
    data = {
        "kind": "couplet",
        "theme": motto_theme.pk,
        "upper_line": "忠厚传家久",
        "lower_line": "诗书继世长",
        "horizontal": "家和万事兴",
        "text": "",
        "story": "爷爷每年亲手写的对联。",
        "family_name": "林家",
        "family_display": "family_building",
        "consent": "on",
        "key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_get_a_link_to_log_in_and_no_cookie(client, gallery):
    response = client.get(URL)
    assert response.status_code == 200
    assert "/accounts/login/?next=/mottos/submit/" in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()


def test_residents_who_are_not_verified_are_told_how_to_verify(client, gallery, theme):
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 403
    assert "只有已核验的居民才能分享家风家训" in response.content.decode()
    assert client.post(URL, couplet(theme)).status_code == 403
    assert not FamilyMotto.objects.exists()


def test_a_verified_resident_submits_a_couplet_with_consent(client, resident, theme):
    client.force_login(resident)
    response = client.post(URL, couplet(theme))
    motto = FamilyMotto.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mottos/mine/{motto.pk}/"
    assert motto.live is False
    assert motto.submitted_by == resident
    assert motto.household == resident.resident.unit
    assert motto.building.name == "3号楼"
    assert motto.consent_at is not None and motto.consent_by == resident
    assert motto.current_workflow_state.status == "in_progress"
    assert motto.revisions.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "等待居委会审核" in page


def test_without_consent_a_family_name_is_refused_and_nothing_is_saved(client, resident, theme):
    client.force_login(resident)
    response = client.post(URL, couplet(theme, consent=""))
    assert response.status_code == 400
    assert "显示姓氏需要您家明确同意" in response.content.decode()
    assert not FamilyMotto.objects.exists()


def test_an_anonymous_household_needs_no_consent_and_keeps_no_name(client, resident, theme):
    client.force_login(resident)
    client.post(URL, couplet(theme, consent="", family_display="anonymous"))
    motto = FamilyMotto.objects.get()
    assert motto.consent_at is None
    assert motto.family_label == "一户居民"


def test_unequal_couplet_lines_are_refused_with_a_clear_message(client, resident, theme):
    client.force_login(resident)
    response = client.post(URL, couplet(theme, lower_line="诗书继世长远"))
    assert response.status_code == 400
    assert "上联和下联的字数必须相同：上联5个字，下联6个字" in response.content.decode()
    assert not FamilyMotto.objects.exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"upper_line": "", "lower_line": ""}, "对联需要填写这一项"),
        ({"upper_line": "Happy New Year", "lower_line": "Happy New Year"}, "只能包含汉字和标点"),
        ({"horizontal": "家"}, "横批应为2到8个字"),
        ({"story": "<script>alert(1)</script>"}, "请只填写纯文字"),
        ({"story": "长" * 2001}, "2000"),
        ({"theme": "999999"}, "选择一个有效的选项"),
        ({"kind": "poem"}, "选择一个有效的选项"),
        ({"family_name": "", "consent": "on"}, "请填写要显示的姓氏"),
    ],
)
def test_bad_input_gets_a_400_in_chinese_and_no_record(client, resident, theme, overrides, message):
    client.force_login(resident)
    response = client.post(URL, couplet(theme, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FamilyMotto.objects.exists()


def test_a_precept_in_chinese_is_accepted(client, resident, theme):
    client.force_login(resident)
    data = couplet(theme, kind="prose", upper_line="", lower_line="", horizontal="")
    data["text"] = "黎明即起，洒扫庭除，要内外整洁。"
    assert client.post(URL, data).status_code == 302
    assert str(FamilyMotto.objects.get()) == "黎明即起，洒扫庭除，要内外整洁。"


def test_a_double_post_of_the_same_form_makes_one_motto(client, resident, theme):
    client.force_login(resident)
    data = couplet(theme)
    first, second = client.post(URL, data), client.post(URL, data)
    assert first["Location"] == second["Location"]
    assert FamilyMotto.objects.count() == 1


def test_submissions_are_rate_limited_per_person(client, resident, theme):
    client.force_login(resident)
    for _ in range(PER_DAY):
        assert client.post(URL, couplet(theme)).status_code == 302
    response = client.post(URL, couplet(theme))
    assert response.status_code == 429
    assert "请过一天再提交" in response.content.decode()
    assert FamilyMotto.objects.count() == PER_DAY
    other = verified_resident().user
    client.force_login(other)
    assert client.post(URL, couplet(theme)).status_code == 302


def _act(motto, user, action, **kwargs):
    task_state = motto.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, **kwargs)


def test_sent_back_the_resident_changes_and_resubmits(
    client, resident, theme, editor, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    client.post(URL, couplet(theme, horizontal="家和"))
    motto = FamilyMotto.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _act(motto, editor, "reject", comment="横批请写成四个字，例如“家和万事兴”。")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [resident.email]
    assert "居委会退回了您的家风家训" in message.body and "横批请写成四个字" in message.body
    assert "editor" not in message.body

    url = f"/mottos/mine/{motto.pk}/"
    page = client.get(url).content.decode()
    assert "已退回，请修改" in page and "横批请写成四个字" in page
    assert "已退回，请修改" in client.get("/me/").content.decode()
    bad = client.post(url, couplet(theme, lower_line="诗书"))
    assert bad.status_code == 400
    assert client.post(url, couplet(theme, horizontal="家和万事兴")).status_code == 302
    motto.refresh_from_db()
    assert motto.horizontal == "家和万事兴" and motto.live is False
    assert motto.current_workflow_state.status == "in_progress"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _act(motto, editor, "approve")
    motto.refresh_from_db()
    assert motto.live
    assert len(mail.outbox) == 1
    assert "居委会已通过您的家风家训" in mail.outbox[0].body
    assert "已在家风家训展示" in client.get("/me/").content.decode()


def test_a_resident_cannot_see_or_change_anothers_submission(client, resident, theme):
    motto = MottoFactory(live=False, theme=theme, submitted_by=verified_resident().user)
    client.force_login(resident)
    assert client.get(f"/mottos/mine/{motto.pk}/").status_code == 404
    assert client.post(f"/mottos/mine/{motto.pk}/", couplet(theme)).status_code == 404


def test_a_motto_in_review_cannot_be_changed_from_the_front_end(client, resident, theme):
    client.force_login(resident)
    client.post(URL, couplet(theme))
    motto = FamilyMotto.objects.get()
    response = client.post(f"/mottos/mine/{motto.pk}/", couplet(theme, upper_line="天增岁月人增"))
    assert response.status_code == 409
    motto.refresh_from_db()
    assert motto.upper_line == "忠厚传家久"
