"""The index follows publishing, and ``update_index`` rebuilds it, through Wagtail's backend."""

from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from home.notices.models import NoticePage
from home.pages import StandardPage
from portal.search.backend import matching
from tests.factories.pages import NoticePageFactory, StandardPageFactory, paragraph


def found(query, queryset=None):
    queryset = NoticePage.objects.live() if queryset is None else queryset
    return list(matching(get_search_backend(), queryset, query))


def test_a_word_inside_a_chinese_title_is_found(notice_index):
    notice = NoticePageFactory(parent=notice_index, title="小区电梯维修通知")
    NoticePageFactory(parent=notice_index, title="二次供水水箱清洗")
    assert found("电梯") == [notice]
    assert found("维修通知") == [notice]
    assert found("梯修") == []


def test_words_that_stand_apart_are_found(notice_index):
    shed = NoticePageFactory(parent=notice_index, title="北门电动车集中充电棚启用")
    power = NoticePageFactory(
        parent=notice_index, title="配电室年度检修", body=paragraph("电梯同时停运。")
    )
    assert found("北门充电棚") == [shed]
    assert found("电梯检修") == [power]
    assert found("電梯 檢修") == [power]


def test_a_word_is_not_found_across_the_words_of_a_page(notice_index):
    NoticePageFactory(parent=notice_index, title="10号楼地下水箱清洗消毒")
    sink = NoticePageFactory(parent=notice_index, title="厨房下水堵了怎么办")
    assert found("下水") == [sink]


def test_traditional_script_finds_simplified_text(notice_index):
    notice = NoticePageFactory(
        parent=notice_index, title="小区电梯维修通知", body=paragraph("请从楼梯通行。")
    )
    assert found("電梯維修") == [notice]
    assert found("樓梯") == [notice]


def test_mixed_chinese_and_ascii(notice_index):
    base_station = NoticePageFactory(parent=notice_index, title="9号楼屋顶建设5G基站的说明")
    clinic = NoticePageFactory(parent=notice_index, title="卫生服务站搬到综合楼A座一层")
    assert found("5G") == [base_station]
    assert found("５Ｇ基站") == [base_station]
    assert found("A座") == [clinic]
    assert found("a座一层") == [clinic]
    assert found("9号楼") == [base_station]
    assert found("19号楼") == []


def test_body_summary_and_tags_are_searched(notice_index):
    notice = NoticePageFactory(
        parent=notice_index,
        summary="网格员本周上门走访独居老人。",
        body=paragraph("闻到燃气味，请开窗、关阀。"),
        tags=["防诈骗"],
    )
    assert found("独居老人") == [notice]
    assert found("燃气味") == [notice]
    assert found("防诈骗") == [notice]


def test_publishing_makes_a_notice_findable_and_unpublishing_removes_it(notice_index):
    notice = NoticePageFactory(parent=notice_index, title="燃气表更换通知")
    notice.title = "燃气表免费更换通知"
    notice.save_revision().publish()
    assert found("免费更换") == [notice]
    notice.unpublish()
    assert found("燃气表") == []
    notice.save_revision().publish()
    assert found("燃气表") == [notice]


def test_a_deleted_page_leaves_the_index(notice_index):
    notice = NoticePageFactory(parent=notice_index, title="快递柜搬迁通知")
    notice.delete()
    assert found("快递柜", NoticePage.objects.all()) == []


def test_update_index_rebuilds_the_index(home):
    page = StandardPageFactory(parent=home, title="办事指南", slug="guide")
    from wagtail.search.models import IndexEntry

    IndexEntry.objects.all().delete()
    assert found("办事", StandardPage.objects.all()) == []
    call_command("update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found("办事", StandardPage.objects.all()) == [page]


def test_admin_search_understands_chinese_too(admin_client, notice_index):
    NoticePageFactory(parent=notice_index, title="小区电梯维修通知")
    response = admin_client.get("/admin/pages/search/", {"q": "電梯"})
    assert "小区电梯维修通知" in response.content.decode()
