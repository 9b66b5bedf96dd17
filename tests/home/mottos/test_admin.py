"""The mottos in the Wagtail admin: approving several at once, the tone hint on the edit
page, an editor (编辑) approving in the workflow, and importing the paper collection."""

import io

import pytest
from django.contrib.auth.models import Group
from openpyxl import Workbook

from home.mottos.models import FamilyMotto
from participation.roles import EDITOR, ensure_roles
from tests.factories.households import UserFactory, verified_resident
from tests.factories.mottos import MottoFactory, couplet_fields, submit_for_moderation

LIST = "/admin/snippets/home/familymotto/"


@pytest.fixture
def editor(gallery):
    """A member of the 编辑 group, not a superuser."""
    ensure_roles()
    user = UserFactory(username="bianji", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return user


@pytest.fixture
def pending(gallery, theme):
    resident = verified_resident().user
    return [
        submit_for_moderation(
            MottoFactory(live=False, theme=theme, text=f"待审核的家训{i}"), resident
        )
        for i in range(3)
    ]


def test_an_editor_approves_several_mottos_at_once(client, editor, pending):
    client.force_login(editor)
    ids = "&".join(f"id={m.pk}" for m in pending[:2])
    url = f"/admin/bulk/home/familymotto/approve/?{ids}&next={LIST}"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "待审核的家训0" in confirm.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert set(FamilyMotto.objects.filter(live=True).values_list("pk", flat=True)) == {
        pending[0].pk,
        pending[1].pk,
    }
    assert pending[0].__class__.objects.get(pk=pending[0].pk).current_workflow_state is None


def test_a_motto_not_in_review_cannot_be_bulk_approved(client, editor, theme):
    draft = MottoFactory(live=False, theme=theme, text="没有提交的草稿")
    client.force_login(editor)
    client.post(f"/admin/bulk/home/familymotto/approve/?id={draft.pk}&next={LIST}")
    draft.refresh_from_db()
    assert not draft.live


def test_a_resident_cannot_reach_the_admin_or_approve(client, pending):
    resident = pending[0].submitted_by
    client.force_login(resident)
    response = client.post(f"/admin/bulk/home/familymotto/approve/?id={pending[0].pk}")
    assert response.status_code in (302, 403)
    pending[0].refresh_from_db()
    assert not pending[0].live


def test_the_edit_page_shows_the_tone_hint_and_the_workflow_actions(client, editor, gallery, theme):
    motto = submit_for_moderation(
        MottoFactory(
            live=False, theme=theme, **couplet_fields("百善孝为先", "万事和为贵", "孝老爱亲")
        ),
        verified_resident().user,
    )
    client.force_login(editor)
    html = client.get(f"{LIST}edit/{motto.pk}/").content.decode()
    assert "上下联可能颠倒了" in html
    assert "请求修改" in html


def _csv(text):
    return io.BytesIO(text.encode("utf-8-sig"))


GOOD = (
    "类别,主题,内容,上联,下联,横批,姓氏,显示方式,楼栋,同意\n"
    "对联,勤俭持家,,勤俭持家家业旺,诚信立身身自安,勤俭持家,赵家,姓氏,,是\n"
    "家风,勤俭持家,吃苦耐劳,,,,,一户居民,,\n"
)


def test_a_good_file_is_imported_as_drafts_in_the_workflow(client, editor, theme):
    client.force_login(editor)
    upload = _csv(GOOD)
    upload.name = "mottos.csv"
    response = client.post(f"{LIST}import/", {"file": upload})
    assert response.status_code == 302
    mottos = FamilyMotto.objects.order_by("pk")
    assert [m.live for m in mottos] == [False, False]
    assert all(m.current_workflow_state.status == "in_progress" for m in mottos)
    assert mottos[0].family_label == "赵家"


def test_a_bad_file_imports_nothing_and_names_the_lines(client, editor, theme):
    client.force_login(editor)
    upload = _csv(
        GOOD
        + "对联,勤俭持家,,忠厚传家久,诗书继世长远,家和万事兴,,一户居民,,\n"
        + "家训,没有的主题,内容,,,,林家,姓氏,,\n"
        + "家训,勤俭持家,内容,,,,林家,姓氏,,\n"
    )
    upload.name = "mottos.csv"
    response = client.post(f"{LIST}import/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert "第4行：上联和下联的字数必须相同" in html
    assert "字数必须相同" in html
    assert "没有的主题" in html
    assert "显示姓氏需要您家明确同意" in html
    assert not FamilyMotto.objects.exists()


def test_an_xlsx_file_is_read_too(client, editor, theme):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kind", "theme", "text"])
    sheet.append(["家训", "勤俭持家", "静以修身，俭以养德。"])
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "mottos.xlsx"
    client.force_login(editor)
    assert client.post(f"{LIST}import/", {"file": data}).status_code == 302
    assert FamilyMotto.objects.get().text == "静以修身，俭以养德。"


@pytest.mark.parametrize(
    "name, content", [("mottos.txt", b"x"), ("mottos.csv", b"\xff\xfe\x00garbage\x81")]
)
def test_unreadable_files_are_refused(client, editor, theme, name, content):
    upload = io.BytesIO(content)
    upload.name = name
    client.force_login(editor)
    assert client.post(f"{LIST}import/", {"file": upload}).status_code == 400
    assert not FamilyMotto.objects.exists()


def test_the_import_needs_the_right_to_add_mottos(client, gallery):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"{LIST}import/").status_code in (302, 403)


def test_the_preview_shows_the_motto_as_it_will_hang(gallery, theme):
    motto = MottoFactory(live=False, theme=theme, **couplet_fields())
    response = motto.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "忠厚传家久" in html and 'class="couplet"' in html


@pytest.mark.parametrize("query", ["q=家训", "q=家训&ordering=1"])
def test_searching_the_mottos_in_the_admin_is_not_a_500(client, editor, pending, query):
    """Issue 10, item 10 (found by the malformed-input walk): a search with an unknown
    ``?ordering=`` falls back to the list's ``-created_at``, which a search could not
    sort by until it was a FilterField (a 500)."""
    client.force_login(editor)
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert "待审核的家训0" in response.content.decode()
