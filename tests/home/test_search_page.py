import pytest

from tests.factories.pages import make_notice


def test_empty_search_suggests_categories(client, home):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "/notices/?category=utilities" in response.content.decode()


def test_search_finds_a_notice_by_title(client, notice_index):
    make_notice(notice_index, title="Elevator repair 电梯维修")
    response = client.get("/search/", {"q": "Elevator"})
    assert [hit.obj.title for hit in response.context["results"]] == ["Elevator repair 电梯维修"]


@pytest.mark.parametrize(
    "query",
    ["x" * 10_000, "!!!???", "'; DROP TABLE wagtailcore_page; --", "🏠🔥", "电梯 OR 1=1", "%_\\"],
)
def test_odd_queries_answer_200(client, notice_index, query):
    make_notice(notice_index, title="电梯")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= 100


def test_bad_result_page_is_404(client, notice_index):
    make_notice(notice_index, title="Elevator")
    assert client.get("/search/", {"q": "Elevator", "page": "abc"}).status_code == 404
