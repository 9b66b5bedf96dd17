from home.notices.models import NoticeIndexPage, NoticePage
from home.pages import HomePage, StandardPage
from tests.factories.pages import NoticePageFactory


def test_notices_can_only_live_under_the_notice_index(notice_index, home):
    assert NoticePage.can_create_at(notice_index)
    assert not NoticePage.can_create_at(home)


def test_notice_index_lives_under_home_only_once(notice_index, home):
    assert not NoticeIndexPage.can_create_at(home)
    assert not NoticeIndexPage.can_create_at(notice_index)


def test_there_is_only_one_home_page(home):
    assert not HomePage.can_create_at(home.get_parent())


def test_notices_have_no_children(notice_index):
    notice = NoticePageFactory(parent=notice_index)
    assert not StandardPage.can_create_at(notice)
    assert not NoticePage.can_create_at(notice)


def test_standard_pages_can_go_under_home(home):
    assert StandardPage.can_create_at(home)
