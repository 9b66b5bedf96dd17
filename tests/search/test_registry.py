"""A later model joins the site search with one register() line."""

import pytest
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from portal.search.registry import register, unregister
from tests.factories.pages import NoticePageFactory


@pytest.fixture
def documents_in_search():
    Document = get_document_model()
    register(Document, _("Page"), date_field="created_at", link=lambda doc, request: doc.url)
    yield Document
    unregister(Document)


def test_a_registered_model_is_searched_beside_notices(client, notice_index, documents_in_search):
    document = documents_in_search.objects.create(title="电梯维保合同")
    NoticePageFactory(parent=notice_index, title="电梯维修通知")
    response = client.get("/search/", {"q": "电梯"})
    hits = {hit.obj.title: hit for hit in response.context["results"]}
    assert set(hits) == {"电梯维保合同", "电梯维修通知"}
    assert hits["电梯维保合同"].url == document.url
    assert "<mark>电梯</mark>维保合同" in response.content.decode()
